# The interpreter's attribute and global caches must see every change:
# class attributes replaced (also by descriptors), methods patched,
# instance attributes shadowing methods, __class__ reassigned, globals
# and builtins rebound.  Each check runs inside a function so that the
# cached paths are the ones exercised, several times per call site.
class A:
    x = 1
    def m(self): return "A.m"
class B(A):
    pass

def probe(o):
    return o.x, o.m()

def run():
    b = B()
    out = [probe(b)]
    A.x = 2
    out.append(probe(b))
    A.m = lambda self: "patched"
    out.append(probe(b))
    b.x = 10
    out.append(probe(b))
    del b.x
    A.x = property(lambda self: "prop")
    out.append(probe(b))
    b.__dict__["x"] = "shadow"      # a data descriptor still wins
    out.append(probe(b))
    del A.x
    out.append(probe(b))
    b.m = lambda: "instance"
    out.append(probe(b))
    del b.m
    class C:
        x = "C.x"
        def m(self): return "C.m"
    b.__class__ = C
    out.append(probe(b))
    return out

for row in run():
    print(row)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.n = Counter.count

def make(k):
    return [Counter().n for _ in range(k)]
print(make(5), Counter.count)

def poly(objs):
    return [o.m() for o in objs]
class D(A):
    def m(self): return "D.m"
class E(A):
    def m(self): return "E.m"
print(poly([A(), D(), E(), A(), D(), E()]))

G = 1
def read_g():
    return G
print(read_g())
G = 2
print(read_g())
def use_len(s):
    return len(s)
print(use_len("abc"))
import builtins
real_len = builtins.len
builtins.len = lambda s: 42
print(use_len("abc"))
builtins.len = real_len
len = lambda s: -1
print(use_len("abc"))
del len
print(use_len("abc"))

class Slotted:
    __slots__ = ("a",)
    def __init__(self): self.a = 1
def slot_get(o):
    return o.a
s = Slotted()
print(slot_get(s), slot_get(s))
s.a = 5
print(slot_get(s))
