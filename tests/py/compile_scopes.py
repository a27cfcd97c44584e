# Compiler: scopes (class bodies, __class__, cells, global/nonlocal, walrus), decorators.
print(__debug__)
class A:
    def m(self):
        def inner():
            return __class__.__name__
        return inner()
    def n(self):
        return [super().__class__.__name__ for _ in range(1)]
print(A().m())
def par(x):
    def get():
        return x
    x += 1
    return get()
print(par(1))
def rec():
    def fact(n):
        return 1 if n < 2 else n * fact(n - 1)
    return fact(5)
print(rec())
class G:
    global gv
    gv = 5
print(gv)
try:
    raise ValueError('x')
except ValueError as e:
    del e
class B:
    items = [1, 2, 3]
    total = sum(x for x in items)
print(B.total)
def defaults():
    y = 5
    return (lambda a=y: a)()
print(defaults())
def varargs_cell(*args, **kw):
    return (lambda: (args, kw))()
print(varargs_cell(1, a=2))
x = 0
def f():
    return x
x = 5
print(f())
def loops():
    r = []
    for i in range(3):
        for j in range(3):
            if j == 1:
                break
            r.append((i, j))
        else:
            r.append('never')
    return r
print(loops())
def nested_try():
    try:
        try:
            return 1
        finally:
            print('inner')
    finally:
        print('outer')
print(nested_try())
def gen_try():
    try:
        yield 1
    except GeneratorExit:
        print('exit')
        raise
g = gen_try(); next(g); g.close()
d = {}
d.setdefault('a', []).append(1)
print(d)
print([i for i in range(10) if i % 2 if i > 3])
print(sorted({1: 2, 3: 4}.items(), key=lambda kv: -kv[0]))
a = [3, 1, 2]
a.sort(reverse=True)
print(a)
print(*[1, 2], sep='-')
print("%s %d" % ('a', 1))
i = 10
print([i for i in range(3)], i)
def w():
    global i
    [i := 99 for _ in range(1)]
w()
print(i)
print((yield_ := 5), yield_)
class Meta(type):
    pass
class UsesMeta(metaclass=Meta):
    pass
print(type(UsesMeta).__name__)
def kwcall(**k): return k
print(kwcall(**{'a': 1}, b=2))
t = 1,
print(t, (), (1, 2)[1:])
