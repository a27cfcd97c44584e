# minipy vs CPython 3.11: attribute errors, properties, metaclass conflicts, comparison defaults.
class PG:
    @property
    def broken(self):
        raise AttributeError("inner missing")
    def __getattr__(self, n):
        return "fallback " + n
print(PG().broken)
class GA2:
    def __getattribute__(self, n):
        if n == "boom": raise AttributeError("from getattribute")
        return super().__getattribute__(n)
    def __getattr__(self, n): return "ga " + n
print(GA2().boom)
class M1(type): pass
class M2(type): pass
class C1(metaclass=M1): pass
class C2(metaclass=M2): pass
try:
    class C3(C1, C2): pass
except TypeError as e:
    print("TE", e)
class M3(M1): pass
class C4(metaclass=M3): pass
class C5(C1, C4): pass
print(type(C5).__name__)
try:
    class K(object, metaclass=5): pass
except TypeError as e:
    print("TE", e)
def fmeta(name, bases, ns):
    return "made " + name
class Q(metaclass=fmeta):
    pass
print(Q)
class WithAnn:
    x: int = 3
    y: str
print(WithAnn.__annotations__, WithAnn.x)
try:
    WithAnn.y
except AttributeError as e:
    print("AE", e)
class Del:
    x = 1
try:
    del Del().x
except AttributeError as e:
    print("AE", e)
del Del.x
try:
    del Del.x
except AttributeError as e:
    print("AE", e)
try:
    del int.real
except TypeError as e:
    print("TE", e)
try:
    int.foo = 1
except TypeError as e:
    print("TE", e)
try:
    (1).real = 5
except AttributeError as e:
    print("AE", e)
try:
    "s".foo = 1
except AttributeError as e:
    print("AE", e)
try:
    [].x = 1
except AttributeError as e:
    print("AE", e)
def f(): pass
f.attr = 5
print(f.attr, f.__dict__)
try:
    f.__code__ = 1
except TypeError as e:
    print("TE", e)
class Call:
    @staticmethod
    def s(): return "s"
    c = classmethod(lambda cls: cls.__name__)
print(Call.s(), Call().c(), Call.c())
sm = staticmethod(len)
print(sm([1, 2]) if callable(sm) else "not callable", sm.__func__([1]))
p = property(lambda self: 1)
print(p.fget(None), p.fset)
class PP:
    x = property(doc="just doc")
try:
    PP().x
except AttributeError as e:
    print("AE", e)
try:
    PP().x = 1
except AttributeError as e:
    print("AE", e)
try:
    del PP().x
except AttributeError as e:
    print("AE", e)
class Named:
    @property
    def val(self): return 1
try:
    Named().val = 2
except AttributeError as e:
    print("AE", e)
try:
    del Named().val
except AttributeError as e:
    print("AE", e)
class Cnt:
    def __len__(self): return 2 ** 70
try:
    len(Cnt())
except OverflowError as e:
    print("OE", e)
class LenStr:
    def __len__(self): return "3"
try:
    len(LenStr())
except TypeError as e:
    print("TE", e)
class HashStr:
    def __hash__(self): return "x"
try:
    hash(HashStr())
except TypeError as e:
    print("TE", e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class Eq:
    def __eq__(self, o): return "truthy"
print(Eq() == 1, [Eq()] == [1], Eq() in [1], Eq() != 1)
class NoEq: pass
n = NoEq()
print(n == n, n != n, n == NoEq(), n in [n])
try:
    NoEq() < NoEq()
except TypeError as e:
    print("TE", e)
class Rich:
    def __le__(self, o): return "le"
    def __ge__(self, o): return "ge"
print(Rich() <= 1, 1 <= Rich(), Rich() >= Rich())
