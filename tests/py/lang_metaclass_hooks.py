# minipy vs CPython 3.11: __set_name__ and __init_subclass__ for type()-made classes, metaclass keyword handling, type() argument errors.
class D:
    def __set_name__(self, o, n): print("set_name", o.__name__, n)
X = type("X", (), {"d": D()})
class Base:
    @classmethod
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
Y = type("Y", (Base,), {})
class Z(Base, k=1): pass
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        cls = super().__new__(m, name, bases, ns, **kw)
        print("meta new done", name)
        return cls
class W(Base, metaclass=Meta, q=2):
    d = D()
print(type(W).__name__)
class MetaInit(type):
    def __init__(cls, *a, **kw):
        print("meta init", a[0], kw)
        super().__init__(*a)
try:
    class V(metaclass=MetaInit, z=1): pass
except TypeError as e:
    print("TE", e)
class Ret(type):
    def __new__(m, name, bases, ns):
        return 42
class R(metaclass=Ret): pass
print(R)
print(type.__call__(int, "5"), type.__new__(type, "T", (), {}).__name__)
try:
    type.__new__(1, "T", (), {})
except TypeError as e:
    print("TE", e)
try:
    type("T", (), {}, 1)
except TypeError as e:
    print("TE", e)
try:
    type("T", (), [])
except TypeError as e:
    print("TE", e)
