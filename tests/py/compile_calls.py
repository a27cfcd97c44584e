# Compiler: class-body scoping, augmented assignment evaluation order, call forms.
class A:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    n = 5
    try:
        bad = [n for _ in range(2)]
    except NameError as e:
        msg = e.args[0]
print(A.doubled, A.msg)
def f():
    total = 0
    data = [1, 2, 3]
    res = [total := total + x for x in data]
    return total, res
print(f())
def outer():
    x = 'outer'
    class C:
        def get(self):
            return x
        y = x
    return C().get(), C.y
print(outer())
def outer2():
    x = 1
    class C:
        x = 2
        def get(self):
            return x
        z = x
    return C().get(), C.z
print(outer2())
calls = []
class O:
    def __init__(self): self.v = [0, 0]
    @property
    def p(self):
        calls.append('get'); return self.v
o = O()
o.p[0] += 5
print(o.v, calls)
def idx():
    calls.append('idx'); return 1
o.v[idx()] -= 3
print(o.v, calls)
a = b = c = [1]
print(a is b is c)
for i, (j, *k) in [(1, (2, 3, 4)), (5, (6,))]:
    print(i, j, k)
def gl():
    def inner():
        global G
        G = 'set'
    inner()
gl()
print(G)
def dl():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return e.args[0]
print(dl())
def fin():
    for i in range(3):
        try:
            try:
                raise ValueError(i)
            finally:
                if i == 1:
                    break
        except ValueError as e:
            print('caught', e)
    return i
print(fin())
def genclose():
    try:
        yield 1
        yield 2
    finally:
        print('gen finally')
g = genclose()
print(next(g))
g.close()
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print([x for _, x in zip(range(10), fib())])
def kwonly(*, a, b=2): return a, b
print(kwonly(a=1))
def posonly(a, b, /, c): return a, b, c
print(posonly(1, 2, c=3))
print(posonly.__code__.co_posonlyargcount, kwonly.__code__.co_kwonlyargcount)
def annf(a: int, b: 'str' = 'x') -> bool: pass
print(annf.__annotations__)
x = 10
def shadow():
    print(x)
shadow()
s = 'abc'
print(f'{s!r} {s:>5} {3.14159:.2f} {s!s:^7}|{{}}')
print(f'{"nested " + f"{1+1}"}')
width = 6
print(f'{42:{width}}|')
print([*range(3), *'ab'], {**{'a': 1}, 'b': 2}, (*[1], *[2]))
def star(*a, **k): return a, k
print(star(*[1, 2], 3, *[4], x=1, **{'y': 2}, z=3))
print(star(**{'a': 1}))
try:
    star(**{'x': 1}, x=2)
except TypeError as e:
    print(e)
