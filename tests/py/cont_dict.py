# dict: construction, lookup, mutation, methods, views, iteration errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = {'a': 1, 'b': 2}
print(d, len(d), d['a'], 'a' in d, 'z' in d, dict(), dict(d), dict([(1, 2), (3, 4)]), dict(x=1, y=2), dict({1: 2}, z=3))
d['c'] = 3
d['a'] = 10
del d['b']
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get('a'), d.get('q'), d.get('q', 0), d.setdefault('a', 5), d.setdefault('n', 7), d)
print(d.pop('n'), d.pop('q', None), d.popitem(), d)
d.update({'x': 1}, y=2)
d.update([('z', 3)])
print(d, d.copy(), d == d.copy(), d != {}, {1: 2} == {1: 2.0})
d.clear()
print(d)
print({1: 2} | {3: 4}, {1: 2} | {1: 3})
e = {1: 2}
e |= {5: 6}
e |= [(7, 8)]
print(e, list(reversed(e)), list(reversed(e.items())))
r = {1: 'a'}
r[2] = r
print(r)
ks = {1: 1, 2: 2, 3: 3}.keys()
print(ks, ks & {2, 3, 4}, ks | [9], ks - {1}, ks ^ {1, 7}, {2} & ks, ks == {1, 2, 3}, ks < {1, 2, 3, 4}, ks <= {1}, ks.isdisjoint([8]))
it = {1: 2}.items()
print(it, (1, 2) in it, (1, 3) in it, 1 in it, it == {(1, 2)}, it - {(1, 2)})
vs = {1: 'x', 2: 'y'}.values()
print(vs, len(vs), 'x' in vs, list(vs), sorted({3: 0, 1: 0}))
print(ks.mapping, len(ks))
big = {}
for i in range(1000):
    big[i] = i * i
for i in range(0, 1000, 2):
    del big[i]
print(len(big), big[999], sum(big.values()), list(big)[:5])
print({True: 'a', 1: 'b', 1.0: 'c'}, {(1, 2): 3}[(1, 2)], {None: 1}[None])
k = []
t(lambda: {}['missing'])
t(lambda: {}[k])
t(lambda: {k: 1})
t(lambda: {}.popitem())
t(lambda: {}.pop('a'))
t(lambda: dict(1))
t(lambda: dict([1]))
t(lambda: dict([(1, 2, 3)]))
t(lambda: dict(1, 2))
t(lambda: {}.get())
t(lambda: {}.get(1, 2, 3))
t(lambda: {}.keys(1))
t(lambda: {} | 1)
t(lambda: {1: 2} < {1: 2})
t(lambda: hash({}))
t(lambda: {}.pop())
def grow():
    g = {1: 2}
    for key in g:
        g[key + 1] = 1
t(grow)
def shrink():
    g = {1: 2, 3: 4}
    for key in g:
        del g[3]
t(shrink)
def same():
    g = {1: 2}
    for key in g:
        g[key] = 5
    return g
t(same)
def delk():
    g = {1: 2}
    del g[5]
t(delk)
print(type({}.keys()).__name__, type({}.values()).__name__, type({}.items()).__name__, type(iter({})).__name__)
print(type(iter({}.values())).__name__, type(iter({}.items())).__name__)
