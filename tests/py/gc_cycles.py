# Reference cycles must be collected without breaking live objects: every
# structure below is built, dropped and rebuilt many times, so under
# MPY_STRESS_GC=1 (make check-stress) each step runs between collections.


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
        self.children = []


def self_lists(n):
    total = 0
    for i in range(n):
        a = [i]
        a.append(a)          # list -> itself
        total += a[1][1][0]
    return total


def dict_cycles(n):
    total = 0
    for i in range(n):
        d = {"k": i}
        d["self"] = d
        e = {"d": d}
        d["e"] = e           # d -> e -> d
        total += d["e"]["d"]["self"]["k"]
    return total


def instance_cycles(n):
    keep = None
    for i in range(n):
        a = Node("a%d" % i)
        b = Node("b%d" % i)
        a.peer = b
        b.peer = a
        a.children.append(b)
        b.children.append(a)
        if i == n // 2:
            keep = a
    return keep.peer.peer.name, keep.children[0].name


def closure_cycles(n):
    total = 0
    for i in range(n):
        def rec(k, i=i):
            return i if k == 0 else rec(k - 1)
        total += rec(3)      # rec's cell refers to rec itself
    return total


def gen_cycles(n):
    total = 0
    for i in range(n):
        box = []
        def g():
            yield box        # generator frame -> box -> generator
            yield len(box)
        it = g()
        box.append(it)
        total += len(next(it)) + next(it)
    return total


def tree(depth):
    n = Node("d%d" % depth)
    if depth:
        for _ in range(2):
            c = tree(depth - 1)
            c.peer = n       # child -> parent: a cycle per edge
            n.children.append(c)
    return n


def count(n):
    return 1 + sum(count(c) for c in n.children)


print(self_lists(2000))
print(dict_cycles(2000))
print(instance_cycles(1000))
print(closure_cycles(1000))
print(gen_cycles(500))
for i in range(5):
    t = tree(6)
print(count(t), t.children[1].peer.name, t.children[0].children[1].name)
