# Compiler: unpacking, displays, loops, comprehensions, closures, f-strings, walrus.
# basics
a, b = 1, 2
a, b = b, a
print(a, b)
x, *y, z = [1, 2, 3, 4, 5]
print(x, y, z)
[p, (q, r)] = 1, (2, 3)
print(p, q, r)
l = [1, 2, 3]
l[0] += 10
l[1:2] = [7, 8]
print(l, l[::-1], l[1:])
d = {'a': 1, **{'b': 2}}
d['c'] = 3
print(d)
s = {1, 2, *[3, 4]}
print(sorted(s))
t = (*l, 9)
print(t)
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print('w', i)
else:
    print('no')
for k in range(3):
    print('f', k)
else:
    print('else')
print(1 < 2 < 3, 1 < 3 < 2, 2 > 1 == 1)
print(1 and 2, 0 and 2, 0 or 3, None or 0)
print([x * 2 for x in range(5) if x % 2])
print({x: x * x for x in range(3)})
print(list(x + 1 for x in range(3)))
print([(i, j) for i in range(3) for j in range(i)])
def gen(n):
    for i in range(n):
        yield i
    return 5
print(list(gen(3)))
def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
        return v
    inner()
    return inner()
print(outer())
f = lambda x, y=2: x + y
print(f(1), f(1, 3))
print(f"a{1+1}b{'x'!r:>5}c")
def kw(a, b=1, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(kw(1, c=3))
print(kw(1, 2, 3, 4, c=5, e=6))
print(kw(*[1, 2], **{'c': 9}))
g = 10
def useg():
    global g
    g += 1
useg()
print(g)
print((lambda: [y for y in range(3)])())
if (n := 10) > 5:
    print(n)
print([w := 3, w])
