# collections.deque: construction, both ends, maxlen, indexing, rotation,
# search, comparison, copies, iteration and error messages.
from collections import deque


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


d = deque()
print(d, len(d), bool(d))
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([10, 20])
print(d)
d.rotate()
print(d)
d.rotate(-2)
print(d)
d.rotate(7)
print(d)
d.rotate(0)
print(d, list(d), tuple(d), list(reversed(d)))
print(d.count(1), d.count("zz"), d.index(2), d.index("a"))
d.insert(1, "x")
d.insert(-1, "y")
d.insert(100, "end")
d.insert(-100, "start")
print(d)
d.remove("x")
print(d)
d.reverse()
print(d)
d[0] = "first"
d[-1] = "last"
del d[1]
print(d, "a" in d, "zzz" in d)
d.clear()
print(d, len(d))

# maxlen
m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(9)
print(m)
m.appendleft(-1)
print(m)
m.extend([7, 8])
print(m)
m.extendleft("ab")
print(m)
print(deque([], maxlen=0), deque(range(3), 0), deque().maxlen)
z = deque(maxlen=0)
z.append(1)
print(z)

# errors
err(lambda: deque().pop())
err(lambda: deque().popleft())
err(lambda: deque([1]).index(5))
err(lambda: deque([1]).remove(5))
err(lambda: deque([1], maxlen=1).insert(0, 2))
err(lambda: deque([1])[5])
err(lambda: deque([1])[-2])
err(lambda: deque([1])["a"])
err(lambda: deque(maxlen=-1))
err(lambda: deque(maxlen="a"))
err(lambda: deque(1))
err(lambda: deque([1]) + [2])
err(lambda: deque().count())

# operators
a = deque([1, 2, 3])
b = deque([1, 2, 4])
print(a == deque([1, 2, 3]), a != b, a < b, a <= b, a > b, b >= a, a == [1, 2, 3])
print(a + b, a * 2, 2 * a, a * 0)
c = a.copy()
c.append(99)
print(a, c)
a += [7, 8]
print(a)
a *= 2
print(a)
print(deque([1, 2], maxlen=3) * 3)

# index with bounds
e = deque("abcabc")
print(e.index("a", 1), e.index("c", 1, 4), e.index("b", -3))
err(lambda: e.index("a", 4, 5))

# iteration and mutation during iteration
it = iter(deque([1, 2, 3]))
print(next(it), list(it))
q = deque([1, 2, 3])
try:
    for x in q:
        q.append(x)
except RuntimeError as ex:
    print("RuntimeError", ex)

# nesting and recursion in repr
r = deque()
r.append(r)
print(r)
print(deque([[1, 2], (3,), "s"]))

# subclass
class Q(deque):
    def push(self, x):
        self.append(x)


s = Q([1, 2], 5)
s.push(3)
print(s, type(s).__name__, isinstance(s, deque), s.maxlen)
print(type(s.copy()).__name__)

# BFS
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
seen = {"a": 0}
todo = deque(["a"])
while todo:
    node = todo.popleft()
    for nxt in graph[node]:
        if nxt not in seen:
            seen[nxt] = seen[node] + 1
            todo.append(nxt)
print(seen)

# big
big = deque()
for i in range(10000):
    big.append(i)
    if i % 3 == 0:
        big.popleft()
print(len(big), big[0], big[-1], sum(big))
print(type(iter(big)).__name__, type(reversed(big)).__name__, deque.__module__)
