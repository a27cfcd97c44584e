# Objects that are reachable only through other objects (instance dicts,
# subclass instances of built-in types, class attributes, closures,
# iterators, bound methods) must survive collections.  Every check runs
# after enough allocation to trigger collections, and at every safe point
# under MPY_STRESS_GC=1.


def churn(n=200):
    junk = []
    for i in range(n):
        junk.append([str(i), {"i": i}, (i, i)])
    return len(junk)


class B:
    pass


class T:
    def __init__(self, *ch):
        self.ch = ch


class L(list):
    pass


class D(dict):
    pass


class S(str):
    pass


class I(int):
    pass


class F(float):
    pass


class Tu(tuple):
    pass


class Meta(type):
    pass


class K(metaclass=Meta):
    z = [1, 2]


class E(Exception):
    pass


b = B()
b.x = 5
b.y = [B() for _ in range(3)]
for o in b.y:
    o.v = "v" * 3
churn()
print(b.x, [o.v for o in b.y])

t = T(T(), T(T()))
churn()
for c in t.ch:
    print(len(c.ch))

l = L([1, 2])
l.tag = "list"
d = D(a=1)
d.tag = "dict"
s = S("abc")
s.tag = "str"
i = I(7)
i.tag = "int"
f = F(1.5)
f.tag = "float"
tu = Tu((1, 2))
tu.tag = "tuple"
churn()
print(l, l.tag, d, d.tag, s, s.tag, i, i.tag, f, f.tag, tu, tu.tag)

K.w = ["class attr"]
K.inst = K()
K.inst.a = "inst attr"
churn()
print(K.z, K.w, K.inst.a, type(K).__name__)

e = E("msg")
e.extra = ["payload"]
churn()
print(e, e.extra)


def make_counter():
    state = {"n": 0}

    def inc():
        state["n"] += 1
        return state["n"]
    return inc


c = make_counter()
churn()
c()
churn()
print(c())


def fn():
    pass


fn.attr = ["function attr"]
churn()
print(fn.attr)


class P:
    def __init__(self):
        self.items = [str(k) for k in range(5)]

    def get(self, k):
        return self.items[k]


m = P().get          # the instance is reachable only through the bound method
churn()
print(m(3))

it = iter([P(), P()])
churn()
print(next(it).items[1])
mp = map(lambda p: p.items[2], [P(), P()])
churn()
print(list(mp))
z = zip([P()], (x for x in [P()]))
churn()
print([a.items[0] + b.items[4] for a, b in z])
srt = sorted([P() for _ in range(4)], key=lambda p: len(p.items))
churn()
print(len(srt), srt[0].get(0))


def gen():
    local = [B() for _ in range(3)]
    for k, o in enumerate(local):
        o.k = k
    for o in local:
        churn(50)
        yield o.k


print(list(gen()))
