# minipy vs CPython 3.11: metaclass hooks, super(), built-in subclasses, __new__/__init__ errors, isinstance hooks.
class Order:
    def __set_name__(self, owner, name):
        print("set_name", name)
class Owner:
    b = Order()
    a = Order()
    c = 1
Owner.late = Order()   # no __set_name__ call after class creation
print(hasattr(Owner, "late"))

class Rev:
    def __get__(self, obj, owner):
        return ("get", obj is None, owner.__name__)
class H:
    r = Rev()
print(H.r, H().r[0:2])

class MetaGA(type):
    def __getattr__(cls, name):
        return "meta-" + name
class UsesMeta(metaclass=MetaGA):
    real = 1
print(UsesMeta.real, UsesMeta.missing)

class Base:
    def greet(self): return "base"
    @classmethod
    def cm(cls): return "cm-" + cls.__name__
    @property
    def p(self): return "base-p"
class Child(Base):
    def greet(self): return "child+" + super().greet()
    @classmethod
    def cm(cls): return "child-" + super().cm()
    @property
    def p(self): return "child+" + super().p
    def explicit(self): return super(Child, self).greet()
print(Child().greet(), Child.cm(), Child().p, Child().explicit())
try:
    super(Child, 1)
except TypeError as e:
    print("TE", e)
print(super(Child, Child).greet(Child()))
class L(list):
    def append(self, x):
        super().append(x * 2)
l = L([1]); l.append(5); print(l, type(l).__name__, len(l))
class DD(dict):
    def __missing__(self, k): return k * 2
d = DD(a=1); print(d["a"], d["zz"], d.get("zz"), "zz" in d)
class S(str):
    def shout(self): return self.upper() + "!"
s = S("hi"); print(s.shout(), s + "x", type(s + "x").__name__, isinstance(s, str))
class I(int):
    def __repr__(self): return f"I({int(self)})"
i = I(5); print(i + 1, type(i + 1).__name__, repr(i), str(i), i == 5, hash(i) == hash(5))
class G:
    def __class_getitem__(cls, item): return f"G[{item}]"
print(G[int], G["x"])
class F:
    def __format__(self, spec): return f"F({spec})"
    def __str__(self): return "F-str"
print(f"{F():xyz}", format(F(), ""), str(F()), f"{F()!r}"[:3])
class OnlyRepr:
    def __repr__(self): return "OR"
print(str(OnlyRepr()), f"{OnlyRepr()}", [OnlyRepr()])
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TE", e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print("TE", e)
class Init:
    def __init__(self): return 5
try:
    Init()
except TypeError as e:
    print("TE", e)
class New:
    def __new__(cls, *a):
        print("new", a)
        return 42
    def __init__(self, *a): print("never")
print(New(1))
class New2:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.x = x
        return o
print(New2(7).x)
try:
    object.__new__(1)
except TypeError as e:
    print("TE", e)
class Args:
    pass
try:
    Args(1)
except TypeError as e:
    print("TE", e)
class InitArgs:
    def __init__(self, a): pass
try:
    InitArgs()
except TypeError as e:
    print("TE", e)
try:
    InitArgs(1, 2)
except TypeError as e:
    print("TE", e)
print(Base.greet.__qualname__, type(Base.greet).__name__, type(Base().greet).__name__)
print(Base().greet.__self__.__class__.__name__, Base().greet.__func__ is Base.greet)
print(Base.__dict__["greet"] is Base.greet, "greet" in Base.__dict__, "cm" in vars(Base))
print(Base.__doc__, Base.__module__, Base.__bases__, Child.__base__.__name__)
class Doc:
    "docstring here"
print(Doc.__doc__, Doc().__doc__)
print(isinstance(Child(), Base), issubclass(Child, Base), issubclass(Child, (int, Base)), issubclass(Base, Child))
try:
    issubclass(1, int)
except TypeError as e:
    print("TE", e)
try:
    isinstance(1, 1)
except TypeError as e:
    print("TE", e)
class Inst(type):
    def __instancecheck__(cls, o): return o == "magic"
class Magic(metaclass=Inst): pass
print(isinstance("magic", Magic), isinstance(1, Magic))
print(object.__getattribute__(Child(), "greet")(), getattr(Child(), "greet")())
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AE", e)
try:
    object.__setattr__(1, "x", 1)
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
print(Child.__subclasses__(), Base.__subclasses__())
