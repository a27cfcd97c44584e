# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: iterator protocol corners,
# reversed/zip/map/filter/enumerate, mutation during iteration, length hints.
# (`x in obj` with __iter__ = None left out: known difference in abstract.c).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 2
t(lambda: list(reversed(Seq()))); t(lambda: list(Seq())); t(lambda: 4 in Seq()); t(lambda: sorted(Seq(), reverse=True)); t(lambda: list(zip(Seq(), 'abcd'))); t(lambda: dict(enumerate(Seq())))
class NoLen:
    def __getitem__(self, i): return i
t(lambda: reversed(NoLen())); t(lambda: len(NoLen())); t(lambda: list(zip(NoLen(), 'ab')))
class BadIter:
    def __iter__(self): return 5
t(lambda: list(BadIter())); t(lambda: iter(BadIter())); t(lambda: [x for x in BadIter()])
class IterNoNext:
    def __iter__(self): return self
t(lambda: list(IterNoNext()))
class Rev:
    def __reversed__(self): return iter('zyx')
t(lambda: list(reversed(Rev())))
class RevNone:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return 1
t(lambda: reversed(RevNone()))
class IterNone:
    __iter__ = None
t(lambda: iter(IterNone()))
class Raiser:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2: raise ValueError('boom')
        return self.n
t(lambda: list(Raiser())); t(lambda: sum(Raiser())); t(lambda: sorted(Raiser())); t(lambda: max(Raiser())); t(lambda: dict.fromkeys(Raiser())); t(lambda: set(Raiser())); t(lambda: tuple(Raiser()))
t(lambda: list(zip([1, 2], [3], strict=True))); t(lambda: list(zip([1], [2], [3, 4], strict=True))); t(lambda: list(zip([1, 2], [3, 4], [5], strict=True))); t(lambda: list(zip(*[[1, 2], [3, 4]])))
t(lambda: list(map(pow, [2, 3], [2], [5]))); t(lambda: list(filter(str.isdigit, 'a1b2'))); t(lambda: next(filter(None, []), 'empty')); t(lambda: list(map(int, '123')))
e = enumerate('abc'); next(e); t(lambda: list(e)); t(lambda: list(e))
r = reversed([1, 2, 3]); next(r); t(lambda: list(r)); t(lambda: r.__length_hint__())
li = iter([1, 2, 3]); t(lambda: li.__length_hint__()); next(li); t(lambda: li.__length_hint__())
L = [1, 2, 3]; it = iter(L); next(it); L.append(4); t(lambda: list(it))
L = [1, 2, 3]; it = iter(L); L.clear(); t(lambda: list(it))
d = {1: 2}; it = iter(d); d[3] = 4; t(lambda: next(it))
s = {1}; it = iter(s); s.add(2); t(lambda: next(it))
d = {1: 2, 3: 4}; it = iter(d.items()); del d[1]; d[5] = 6; t(lambda: list(it))
t(lambda: iter([]) is iter([])); it = iter(range(3)); t(lambda: iter(it) is it); t(lambda: list(iter(it)))
t(lambda: next(iter(range(2**62, 2**62 + 2)))); t(lambda: list(range(-3, 3, 2))); t(lambda: list(reversed(range(-3, 3, 2)))); t(lambda: list(range(5, -5, -3)))
t(lambda: list(iter(iter([1]).__next__, 2))); t(lambda: iter(1, 2)); t(lambda: list(zip('ab', range(10**9))))
def gen_with_ret():
    yield 1
    return 5
t(lambda: list(gen_with_ret())); t(lambda: [*gen_with_ret(), *gen_with_ret()])
t(lambda: (yield_ for yield_ in range(3)).__next__()); t(lambda: sum(i for i in range(10) if i % 3 == 0))
t(lambda: list(dict(a=1, b=2).items())[::-1]); t(lambda: list(reversed({'a': 1, 'b': 2}.items()))); t(lambda: list(reversed({'a': 1, 'b': 2}.values())))
for x in [1, {1:2}, "ab", b"ab", (1,), range(2), {1}, None]:
    try: print(list(reversed(x)))
    except Exception as e: print(type(e).__name__, e)
