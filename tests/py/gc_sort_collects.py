# Sorting objects whose __lt__ (or key function) makes garbage: the
# collector runs between comparisons (list.sort and sorted() register what
# they hold), so every value must survive and the order be right.
import random
random.seed(7)


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __lt__(self, o):
        return (self.a, self.b) < (o.a, o.b)

    def __repr__(self):
        return "P(%d, %d)" % (self.a, self.b)


ps = [P(random.randrange(50), i) for i in range(3000)]
ps.sort()
print([p.b for p in ps[:8]], [p.b for p in ps[-8:]])
print(sorted(ps, reverse=True)[:3])
print(sorted(range(2000), key=lambda i: [str(i % 97), i])[:10])
print([p.b for p in sorted(ps, key=lambda p: (str(p.b)[::-1], p.a))[:6]])
words = [str(random.random()) for _ in range(500)]
print(sorted(words, key=lambda w: (len(w), w[::-1]))[:3])
# a __lt__ that mutates the list being sorted is still reported
class M:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        target.append(M(0))
        return self.v < o.v


target = [M(3), M(1), M(2)]
try:
    target.sort()
except ValueError as e:
    print("ValueError", e)
print(len(target))
