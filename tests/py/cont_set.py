# set and frozenset: construction, order of small-int sets, algebra, errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s, set(), set([1, 1, 2]), set('aa'), frozenset(), frozenset([1]), set(range(5)))
print(set([5, 3, 1, 100, 33, 17]), set([-1, -2, 8, 16, 0]), set([1, 9, 17, 25]), frozenset([1, 9, 17, 25]), set(range(20)) - {3}, {(1, 2), (3, 4)})
s.add(4); s.add(1); s.discard(3); s.discard(99); s.remove(2)
print(s)
print({1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3}, {1} | frozenset([2]), frozenset([2]) | {1})
print({1, 2}.union([3], (4,)), {1, 2, 3}.intersection([2, 3], {3}), {1, 2, 3}.difference([1], [2]), {1, 2}.symmetric_difference([2, 5]))
print({1}.issubset([1, 2]), {1, 2}.issuperset([1]), {1}.isdisjoint({2}), {1} <= {1}, {1} < {1}, {1, 2} > {1}, {1} >= {2}, {1} == frozenset({1}))
u = {1, 2, 3}
u |= {4}; u &= {1, 2, 4, 5}; u -= {1}; u ^= {9, 2}
print(u)
u.update([10], [11]); u.intersection_update([4, 10, 11, 12]); u.difference_update([11]); u.symmetric_difference_update([4, 8])
print(u, u.copy(), u.copy() is u)
f = frozenset([1, 2])
g = f
g |= {3}
print(f, g, f is g, hash(frozenset([1, 2])) == hash(frozenset([2, 1])), {frozenset([1]): 'x'}[frozenset([1])])
print(hash(frozenset()), hash(frozenset({1, 2, 3})))
x = set(range(10))
print([x.pop() for i in range(3)], x)
x.clear()
print(x, {frozenset({1})}, {1} in {frozenset({1})})
big = set()
for i in range(500):
    big.add(i * 7)
for i in range(0, 500, 3):
    big.discard(i * 7)
print(len(big), sum(big), sorted(big)[:5], list(set(range(64)))[:10])
print(sorted({'b', 'a', 'c'}), {1, 2} == {2, 1}, {1} != {1})
k = []
t(lambda: set().pop())
t(lambda: set().remove(1))
t(lambda: {1}.add(k))
t(lambda: set(1))
t(lambda: set(1, 2))
t(lambda: set(x=1))
t(lambda: frozenset(x=1))
t(lambda: {1} | [1])
t(lambda: {1} < [1])
t(lambda: {1}.issubset(1))
t(lambda: hash({1}))
t(lambda: k in {1})
t(lambda: {1}.discard(k))
t(lambda: {1}.add())
t(lambda: {1}.update(1))
t(lambda: {1} - 1)
t(lambda: {1}.symmetric_difference(1, 2))
def grow():
    g = {1}
    for v in g:
        g.add(v + 1)
t(grow)
rs = {1}
rs.add(frozenset(rs))
print(rs)
print(type(iter(set())).__name__)
