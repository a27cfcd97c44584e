# minipy vs CPython 3.11: descriptors (data vs non-data, __set_name__), properties, __slots__ basics.
# descriptors
class D:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        print("set", value)
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete")
        delattr(obj, self.name)

class ND:
    def __get__(self, obj, objtype=None):
        return "nd-get"

class C:
    d = D()
    nd = ND()

c = C()
print(c.d)
c.d = 5
print(c.d)
del c.d
print(c.d)
print(type(C.d).__name__)
c.__dict__["d"] = "inst"
print(c.d)
print(c.nd)
c.nd = "override"
print(c.nd)
del c.nd
print(c.nd)

class RO:
    def __get__(self, obj, t=None): return 1
    def __set__(self, obj, v): raise AttributeError("read-only!")
class E:
    x = RO()
try:
    E().x = 3
except AttributeError as e:
    print("AE", e)
# __delete__ missing
class OnlySet:
    def __get__(self, o, t=None): return 2
    def __set__(self, o, v): pass
class F:
    y = OnlySet()
try:
    del F().y
except AttributeError as e:
    print("AE", e)

# property
class P:
    def __init__(self): self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @x.deleter
    def x(self): print("deleting"); del self._x
    @property
    def ro(self): return 1
p = P()
p.x = 4
print(p.x)
del p.x
print(hasattr(p, "_x"))
print(P.x.__doc__)
try:
    p.ro = 3
except AttributeError as e:
    print("AE", e)
try:
    del p.ro
except AttributeError as e:
    print("AE", e)
print(type(P.x).__name__, P.x.fget.__name__)

# slots
class S:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
s = S()
print(s.a)
try:
    s.b
except AttributeError as e:
    print("AE", e)
try:
    s.z = 1
except AttributeError as e:
    print("AE", e)
try:
    s.__dict__
except AttributeError as e:
    print("AE", e)
print(hasattr(s, "__dict__"))
del s.a
try:
    del s.a
except AttributeError as e:
    print("AE", e)
try:
    class Bad:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("VE", e)
class S2(S):
    pass
s2 = S2()
s2.z = 5
print(s2.z, s2.__dict__)
class S3:
    __slots__ = "single"
s3 = S3()
s3.single = 1
print(s3.single, S3.__slots__)
class S4:
    __slots__ = ("p", "__dict__")
s4 = S4()
s4.p = 1
s4.q = 2
print(s4.p, s4.__dict__)
