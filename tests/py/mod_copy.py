# copy.copy / copy.deepcopy.
import copy


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(98)
print(s, d, s is a, s[1] is a[1], d[1] is a[1])
t = (1, 2, (3, 4))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
dt2 = copy.deepcopy(t2)
print(dt2, dt2 is t2, dt2[1] is t2[1])
st = {1, 2, 3}
print(copy.copy(st) == st, copy.copy(st) is st, copy.deepcopy(frozenset([1])) == frozenset([1]))
dct = {"a": [1], "b": {"c": 2}}
dc = copy.deepcopy(dct)
dc["a"].append(2)
print(dct, dc)
for v in [1, 2.5, "s", None, True, b"x", range(3), len]:
    print(copy.copy(v) is v, copy.deepcopy(v) is v)

# cycles and shared references
cyc = [1]
cyc.append(cyc)
dcyc = copy.deepcopy(cyc)
print(dcyc[1] is dcyc, dcyc is not cyc)
shared = [1, 2]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
memo = {}
x = [1, 2]
y = copy.deepcopy(x, memo)
print(y, id(x) in memo)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tags = []

    def __repr__(self):
        return "Point(%r, %r, %r)" % (self.x, self.y, self.tags)


p = Point(1, 2)
p.tags.append("t")
sp = copy.copy(p)
dp2 = copy.deepcopy(p)
p.tags.append("u")
print(sp, dp2, type(sp).__name__, sp is p, sp.tags is p.tags, dp2.tags is p.tags)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__ called")
        return Custom(self.v)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return Custom(copy.deepcopy(self.v, memo))


c = Custom([1])
c1 = copy.copy(c)
c2 = copy.deepcopy(c)
print(c1.v is c.v, c2.v is c.v, c2.v)


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None


root = Node("root")
kid = Node("kid")
kid.parent = root
root.children.append(kid)
r2 = copy.deepcopy(root)
print(r2.children[0].parent is r2, r2.children[0].name, r2 is not root)
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
lst = [[0] * 2 for _ in range(2)]
grid = copy.deepcopy(lst)
grid[0][0] = 5
print(lst, grid)
