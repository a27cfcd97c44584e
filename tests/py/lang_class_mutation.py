# minipy vs CPython 3.11: classes changed after creation (monkey patching, dunders added and removed), implicit special-method lookup.
class A:
    x = 1
    def m(self): return "A.m"
class B(A): pass
b = B()
print(b.x, b.m())
A.x = 2
A.m = lambda self: "patched"
print(b.x, b.m(), B.x)
B.x = 3
print(b.x, A.x)
del B.x
print(b.x)
del A.m
try:
    b.m()
except AttributeError as e:
    print("AE", e)
def newm(self): return "new"
B.m = newm
print(b.m(), B.m is newm, b.m.__func__ is newm)
b.m = lambda: "instance"
print(b.m())
del b.m
print(b.m())
class Shared:
    items = []
    def add(self, x): self.items.append(x)
s1, s2 = Shared(), Shared()
s1.add(1); s2.add(2)
print(Shared.items, s1.items is s2.items)
class GA:
    def __getattr__(self, n):
        return lambda *a: ("ga", n)
g = GA()
print(g.anything())
try:
    len(g)
except TypeError as e:
    print("TE", e)
try:
    g + 1
except TypeError as e:
    print("TE", e)
class GAB:
    def __getattribute__(self, n):
        print("getattribute", n)
        return object.__getattribute__(self, n)
    def __len__(self): return 3
print(len(GAB()))
class Dyn: pass
Dyn.__len__ = lambda self: 7
print(len(Dyn()))
Dyn.__eq__ = lambda self, o: True
print(Dyn() == 1)
Dyn.__iter__ = lambda self: iter([1, 2])
print(list(Dyn()))
Dyn.__add__ = lambda self, o: "added"
print(Dyn() + 1)
del Dyn.__add__
try:
    Dyn() + 1
except TypeError as e:
    print("TE", e)
Dyn.__call__ = lambda self: "called"
print(Dyn()())
Dyn.__bool__ = lambda self: False
print(bool(Dyn()))
Dyn.__repr__ = lambda self: "DynRepr"
print(repr(Dyn()), str(Dyn()))
Dyn.__getitem__ = lambda self, k: k * 2
print(Dyn()[4])
class Base2:
    def __str__(self): return "Base2"
class Sub2(Base2): pass
print(str(Sub2()))
Base2.__str__ = lambda self: "changed"
print(str(Sub2()))
class M(type): pass
class WithM(metaclass=M): pass
M.extra = lambda cls: "meta-method"
print(WithM.extra())
Sub2.__bases__ if True else None
for i in range(3):
    class Loop:
        v = i
        def get(self): return self.v
    print(Loop().get())
class Counter:
    n = 0
    def __init__(self): type(self).n += 1
Counter(); Counter()
print(Counter.n)
class Sub3(Counter): pass
Sub3()
print(Counter.n, Sub3.n)
