# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: generators: send/throw/close, yield from, exhaustion, itertools basics
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
def g():
    x = yield 1
    print('got', x)
    y = yield x * 2
    return 'done%s' % y
it = g()
t(lambda: it.send(5)); t(lambda: next(it)); t(lambda: it.send(3)); t(lambda: it.send(4)); t(lambda: next(it))
it = g(); t(lambda: next(it)); t(lambda: it.send(2))
def st():
    try:
        it.send(9)
    except StopIteration as e:
        return 'stop', e.value, e.args
t(st)
def g2():
    try:
        yield 1
    except ValueError as e:
        yield 'caught %s' % e
    yield 3
it = g2(); t(lambda: next(it)); t(lambda: it.throw(ValueError('v'))); t(lambda: it.throw(KeyError('k'))); t(lambda: next(it))
it = g2(); t(lambda: it.throw(ValueError('early'))); t(lambda: next(it))
def g3():
    try:
        yield 1
    finally:
        print('cleanup')
it = g3(); next(it); t(lambda: it.close()); t(lambda: it.close()); t(lambda: next(it))
def g4():
    try:
        yield 1
    except GeneratorExit:
        yield 2
it = g4(); next(it); t(lambda: it.close())
def sub():
    r = yield 'a'
    yield r
    return 'subret'
def outer():
    v = yield from sub()
    yield 'outer got %s' % v
it = outer(); t(lambda: next(it)); t(lambda: it.send('S')); t(lambda: next(it)); t(lambda: next(it))
t(lambda: list(outer())); 
def yf():
    yield from [1, 2]
    yield from 'ab'
    yield from range(2)
t(lambda: list(yf()))
def yfbad():
    yield from 5
t(lambda: list(yfbad()))
def reent():
    yield next(me)
me = reent()
t(lambda: next(me))
t(lambda: g().send(1))
def genexp_err():
    return list(1 / x for x in [1, 0])
t(genexp_err)
gen = (x * 2 for x in range(3)); t(lambda: next(gen)); t(lambda: list(gen)); t(lambda: gen.__name__); t(lambda: g.__name__); t(lambda: type(g()).__name__)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
t(lambda: list(itertools.islice(fib(), 10))); t(lambda: list(itertools.chain([1], 'ab'))); t(lambda: list(itertools.product('ab', repeat=2))); t(lambda: list(itertools.permutations([1, 2, 3], 2)))
t(lambda: list(itertools.combinations(range(4), 2))); t(lambda: list(itertools.accumulate([1, 2, 3]))); t(lambda: [(k, list(v)) for k, v in itertools.groupby('aabbbc')]); t(lambda: list(itertools.zip_longest('ab', 'c', fillvalue='-')))
t(lambda: list(itertools.repeat('x', 3))); t(lambda: list(itertools.takewhile(lambda x: x < 3, range(10)))); t(lambda: list(itertools.dropwhile(lambda x: x < 3, range(5))))
t(lambda: list(itertools.starmap(pow, [(2, 3)]))); t(lambda: list(itertools.compress('abc', [1, 0, 1]))); t(lambda: list(itertools.filterfalse(None, [0, 1]))); t(lambda: list(itertools.pairwise([1, 2, 3]))); t(lambda: list(itertools.cycle('ab').__next__() for _ in range(3)))
t(lambda: list(itertools.tee([1, 2])[1])); t(lambda: list(itertools.combinations_with_replacement('ab', 2))); t(lambda: list(itertools.chain.from_iterable(['ab', 'c'])))
def closure_gen():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
t(closure_gen)
t(lambda: list(itertools.count(5, 2).__next__() for _ in range(2))); c5 = itertools.count(5, 2); t(lambda: [next(c5) for _ in range(3)]); t(lambda: next(itertools.count(1.5)))
