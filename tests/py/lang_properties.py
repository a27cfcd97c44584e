# minipy vs CPython 3.11: properties with __slots__, property subclasses, cached_property, classmethod over property, total_ordering.
import functools
class P:
    __slots__ = ("_v",)
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, x): self._v = x
p = P(); p.v = 5; print(p.v)
class MyProp(property):
    def __get__(self, obj, t=None):
        r = super().__get__(obj, t)
        return ("wrapped", r) if obj is not None else self
class Q:
    @MyProp
    def a(self): return 1
print(Q().a, type(Q.a).__name__)
pr = property(lambda s: 1)
pr2 = pr.setter(lambda s, v: None)
print(pr is pr2, pr2.fget is pr.fget, pr.fset, pr2.fset is not None)
class C:
    @functools.cached_property
    def expensive(self):
        print("computing")
        return 42
c = C()
print(c.expensive, c.expensive, c.__dict__)
class Cls:
    @classmethod
    @property
    def cp(cls): return "cp-" + cls.__name__
print(Cls.cp)
class Doc:
    @property
    def d(self):
        "prop doc"
        return 1
print(Doc.d.__doc__)
class Abstract:
    def __init__(self):
        if type(self) is Abstract:
            raise TypeError("Can't instantiate abstract class")
try:
    Abstract()
except TypeError as e:
    print("TE", e)
class TotalOrd:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
TO = functools.total_ordering(TotalOrd)
print(TO(1) <= TO(2), TO(3) >= TO(2), TO(1) > TO(2))
