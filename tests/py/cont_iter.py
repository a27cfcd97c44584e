# enumerate, zip, map, filter, reversed, iter(callable, sentinel), the
# sequence iterator, and sorting.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(list(enumerate('abc')), list(enumerate('ab', 5)), list(enumerate('ab', start=-1)), list(enumerate([], 3)))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1])), list(zip([1, 2], [3, 4], strict=True)), dict(zip('ab', [1, 2])))
print(list(map(abs, [-1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(filter(None, [0, 1, '', 'x'])), list(filter(lambda v: v % 2, range(7))))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed('abc')), list(reversed(range(3))))
cnt = [5, 0, 3, 2, 1].pop
print(list(iter(cnt, 0)))
class Seq:
    def __getitem__(self, i):
        if i < 4:
            return i * i
        raise IndexError(i)
    def __len__(self):
        return 4
print(list(Seq()), list(reversed(Seq())), 9 in Seq(), 5 in Seq())
class Rev:
    def __reversed__(self):
        return iter('zyx')
print(list(reversed(Rev())))
e = enumerate(['a'])
print(iter(e) is e, next(e), next(e, 'done'))
z = zip([1], [2])
print(iter(z) is z, next(z), next(z, 'done'))
m = map(str, [1])
print(next(m), next(m, None))
t(lambda: enumerate())
t(lambda: enumerate(1))
t(lambda: enumerate([1], 2, 3))
t(lambda: enumerate([], x=1))
t(lambda: list(zip([1, 2], [3], strict=True)))
t(lambda: list(zip([1], [3, 4], strict=True)))
t(lambda: list(zip([1], [3], [5, 6], strict=True)))
t(lambda: list(zip([1, 2], [3, 4], [5], strict=True)))
t(lambda: zip(1))
t(lambda: zip(x=1))
t(lambda: map(1))
t(lambda: map(str, 1))
t(lambda: filter(None))
t(lambda: filter(None, 1))
t(lambda: reversed(1))
t(lambda: reversed({1}))
t(lambda: reversed())
t(lambda: next(iter([])))
t(lambda: list(map(lambda v: 1 / v, [1, 0])))

data = [5, 3, 8, 1, 9, 2, 7]
print(sorted(data), sorted(data, reverse=True), sorted(data, key=lambda v: -v), sorted(['bb', 'a', 'ccc'], key=len))
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
big = [(i * 7919) % 1000 for i in range(2000)]
sb = sorted(big)
print(sb[:5], sb[-5:], all(sb[i] <= sb[i + 1] for i in range(len(sb) - 1)))
runs = list(range(100)) + list(range(50, 0, -1)) + [3] * 10
runs.sort()
print(runs[:12], runs[-3:], len(runs))
stab = [(i % 3, i) for i in range(30)]
stab.sort(key=lambda p: p[0])
print(stab[:6])
l = [3, 1, 2]
l.sort(reverse=1)
print(l)
t(lambda: [1, 'a'].sort())
t(lambda: [1].sort(1))
t(lambda: [1].sort(foo=1))
t(lambda: [3, 1].sort(key=1))
def mutate():
    m = [3, 2, 1]
    def key(v):
        m.append(v)
        return v
    m.sort(key=key)
t(mutate)
class Bad:
    def __lt__(self, other):
        raise ValueError('no order')
t(lambda: sorted([Bad(), Bad()]))
fl = [2.5, -1.0, 3.25, 0.0]
fl.sort()
print(fl, sorted(['b', 'C', 'a']), sorted([[2], [1, 5], [1]]))
