# minipy vs CPython 3.11: __slots__ layouts (inheritance, mangling, __dict__ slot, conflicts), kept alive by the collector.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self): return f"P({self.x!r}, {self.y!r})"
class P3(P):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
class PD(P):
    pass
pts = [P3([i], {"k": str(i)}, (i, i)) for i in range(300)]
junk = [[j] * 10 for j in range(2000)]
del junk
total = sum(p.x[0] + int(p.y["k"]) + p.z[1] for p in pts)
print(total, pts[5], pts[5].z)
pd = PD(1, 2)
pd.extra = 3
print(pd.extra, pd.__dict__, pd.x)
try:
    P3(1, 2, 3).w = 1
except AttributeError as e:
    print("AE", e)
print(P.__slots__, P3.__slots__, sorted(k for k in P3.__dict__ if not k.startswith("__")))
class Mangled:
    __slots__ = ("__secret", "_public")
    def __init__(self): self.__secret = 1
    def get(self): return self.__secret
m = Mangled()
print(m.get(), "_Mangled__secret" in Mangled.__dict__)
class ListSlots:
    __slots__ = ["a"]
ls = ListSlots(); ls.a = 1; print(ls.a)
class DictSlots(list):
    __slots__ = ("tag",)
dl = DictSlots([1, 2]); dl.tag = "t"; print(dl, dl.tag, len(dl))
try:
    dl.other = 1
except AttributeError as e:
    print("AE", e)
class ExcSlots(Exception):
    __slots__ = ("info",)
es = ExcSlots("m"); es.info = 5; print(es, es.info)
try:
    class IntSlots(int):
        __slots__ = ("a",)
except TypeError as e:
    print("TE", e)
class IntEmpty(int):
    __slots__ = ()
print(IntEmpty(4) + 1)
try:
    class BadSlot:
        __slots__ = (1,)
except TypeError as e:
    print("TE", e)
try:
    class BadSlot2:
        __slots__ = ("a b",)
except TypeError as e:
    print("TE", e)
class A: __slots__ = ("a",)
class B: __slots__ = ("b",)
try:
    class AB(A, B): pass
except TypeError as e:
    print("TE", e)
class E: pass
class AE(A, E): pass
ae = AE(); ae.a = 1; ae.q = 2; print(ae.a, ae.q)
class Twin1:
    __slots__ = ("v",)
class Twin2:
    __slots__ = ("v",)
t = Twin1()
try:
    t.__class__ = Twin2
    print("assigned", type(t).__name__)
except TypeError as e:
    print("TE", e)
try:
    Twin1.v.__get__(Twin2())
except TypeError as e:
    print("TE", e)
print(repr(Twin1.v), Twin1.v.__get__(None, Twin1) is Twin1.v)
class WithDictSlot:
    __slots__ = ("a", "__dict__")
w = WithDictSlot(); w.a = 1; w.b = 2; print(w.a, w.__dict__, vars(w))
class NoSlots: __slots__ = ()
try:
    vars(NoSlots())
except TypeError as e:
    print("TE", e)
try:
    NoSlots().__dict__
except AttributeError as e:
    print("AE", e)
print(getattr(P(1, 2), "x"), hasattr(P.__new__(P), "x"))
class Default:
    __slots__ = ("a",)
    def __init__(self): pass
try:
    Default().a
except AttributeError as e:
    print("AE", e)
