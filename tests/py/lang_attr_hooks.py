# minipy vs CPython 3.11: __init_subclass__, __getattr__/__getattribute__/__setattr__/__delattr__, class decorators, metaclasses.
class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)
class A(Base, tag="a"): pass
class B(A): pass
print(Base.registry, A.tag, B.tag)
try:
    class X(Base, bogus=1): pass
except TypeError as e:
    print("TE", e)
try:
    class Y(bogus=1): pass
except TypeError as e:
    print("TE", e)

class GA:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return "dyn-" + name
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
g = GA()
print(g.real, g.xyz)
try:
    g.nope
except AttributeError as e:
    print("AE", e)
print(getattr(g, "nope", "dflt"), hasattr(g, "xa"), hasattr(g, "q"))

class GAB:
    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback-" + name
    def meth(self): return "m"
gb = GAB()
print(gb.magic, gb.meth(), gb.other)

class SA:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        super().__setattr__(name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
sa = SA()
sa.x = 5
print(sa.x, sa.__dict__)
del sa.x
print(vars(sa))
try:
    del sa.y
except AttributeError as e:
    print("AE", e)

class Frozen:
    __slots__ = ()
    def __setattr__(self, n, v):
        raise AttributeError(f"cannot set {n}")
try:
    Frozen().a = 1
except AttributeError as e:
    print("AE", e)

# class decorators
def deco(cls):
    cls.decorated = True
    return cls
def register(name):
    def inner(cls):
        cls.reg_name = name
        return cls
    return inner
@deco
@register("thing")
class Thing: pass
print(Thing.decorated, Thing.reg_name)

# metaclasses
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("call", cls.__name__, a)
        return super().__call__(*a, **k)
class M(metaclass=Meta, flag=True):
    x = 1
    def __init__(self, v): self.v = v
m = M(3)
print(m.v, M.injected, type(M).__name__, isinstance(M, Meta))
class M2(M): pass
print(type(M2).__name__)
T = type("T", (object,), {"a": 1, "f": lambda self: self.a + 1})
print(T.__name__, T().f(), T.__bases__, T.__module__)
T2 = type("T2", (T,), {})
print(T2.__mro__)
print(type(3), type("x").__name__)
try:
    type("Z", 1, {})
except TypeError as e:
    print("TE", e)
try:
    type(1, 2)
except TypeError as e:
    print("TE", e)

class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class S(metaclass=Singleton): pass
print(S() is S())

class MetaAttr(type):
    def hello(cls): return "hello from " + cls.__name__
    @property
    def prop(cls): return "prop-" + cls.__name__
class HA(metaclass=MetaAttr): pass
print(HA.hello(), HA.prop)
try:
    HA().hello
except AttributeError as e:
    print("AE", e)
