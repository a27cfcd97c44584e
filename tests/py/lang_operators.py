# minipy vs CPython 3.11: operators and NotImplemented, __call__, context managers, class/static methods, MRO errors, custom exceptions.
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        if isinstance(o, int): return V(self.x + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return self.__add__(o)
    def __iadd__(self, o):
        self.x += 100
        return self
    def __mul__(self, o): return NotImplemented
    def __lt__(self, o): return self.x < o.x
    def __eq__(self, o): return isinstance(o, V) and self.x == o.x
    def __neg__(self): return V(-self.x)
    def __repr__(self): return f"V({self.x})"
    __hash__ = None
print(V(1) + V(2), V(1) + 5, 5 + V(1), sum([V(1), V(2)], V(0)))
v = V(1); v += 1; print(v)
try:
    V(1) + "s"
except TypeError as e:
    print("TE", e)
try:
    V(1) * 2
except TypeError as e:
    print("TE", e)
try:
    2 * V(1)
except TypeError as e:
    print("TE", e)
print(V(1) < V(2), V(3) > V(2), sorted([V(3), V(1), V(2)]), -V(4))
try:
    V(1) <= V(2)
except TypeError as e:
    print("TE", e)
print(V(1) == V(1), V(1) != V(2), V(1) == 1)
class W(V):
    def __radd__(self, o):
        return "W.radd"
    def __gt__(self, o): return "W.gt"
print(V(1) + W(2), V(1) < W(2))
class P:
    def __pow__(self, o, mod=None): return ("pow", o, mod)
    def __rpow__(self, o): return ("rpow", o)
    def __matmul__(self, o): return "matmul"
    def __floordiv__(self, o): return "fd"
    def __rshift__(self, o): return "rs"
    def __and__(self, o): return "and"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
    def __pos__(self): return "pos"
print(P() ** 2, P().__pow__(2, 5), 2 ** P(), P() @ 1, P() // 1, P() >> 1, P() & 1, ~P(), abs(P()), +P())
try:
    1 @ P()
except TypeError as e:
    print("TE", e)
try:
    -P()
except TypeError as e:
    print("TE", e)

class C:
    def __call__(self, *a, **k): return ("called", a, k)
print(C()(1, x=2), callable(C()), callable(C))
try:
    V(1)()
except TypeError as e:
    print("TE", e)

class CM:
    def __init__(self, suppress): self.suppress = suppress
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev, tb is not None)
        return self.suppress
with CM(True) as c:
    raise ValueError("boom")
print("after suppressed")
try:
    with CM(False):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
with CM(False) as c:
    pass
def ret():
    with CM(False):
        return "returned"
print(ret())
for i in range(3):
    with CM(True):
        if i == 1: continue
        if i == 2: break
        print("body", i)
try:
    with 5:
        pass
except TypeError as e:
    print("TE", e)
class NoExit:
    def __enter__(self): pass
try:
    with NoExit():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

class K:
    count = 0
    @classmethod
    def make(cls): return cls.__name__
    @staticmethod
    def st(x): return x * 2
class KK(K): pass
print(K.make(), KK.make(), KK().make(), K.st(2), KK().st(3), K().st(1))
print(type(K.__dict__["make"]).__name__, type(K.__dict__["st"]).__name__)
print(K.__dict__["st"].__func__(5), K.make.__self__)

class NotImpl:
    def area(self): raise NotImplementedError("subclass must implement")
    def other(self): raise NotImplementedError
try:
    NotImpl().area()
except NotImplementedError as e:
    print("NIE", e)
try:
    NotImpl().other()
except NotImplementedError as e:
    print("NIE", repr(e))

class A0: pass
class B0(A0): pass
try:
    class Cx(A0, B0): pass
except TypeError as e:
    print("TE", e)
class X1: pass
class Y1: pass
class A1(X1, Y1): pass
class B1(Y1, X1): pass
try:
    class Z1(A1, B1): pass
except TypeError as e:
    print("TE", e)
class D1(A1): pass
class E1(A1): pass
class F1(D1, E1): pass
print([c.__name__ for c in F1.__mro__], [c.__name__ for c in F1.mro()])
try:
    class Dup(X1, X1): pass
except TypeError as e:
    print("TE", e)
try:
    class FromInt(5): pass
except TypeError as e:
    print("TE", e)
try:
    class FromBool(bool): pass
except TypeError as e:
    print("TE", e)

class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self): return f"[{self.code}] {self.args[0]}"
try:
    raise MyErr(42, "bad thing")
except MyErr as e:
    print(e, repr(e), e.args, e.code)
class Plain(Exception): pass
print(str(Plain()), repr(Plain(1, 2)), str(Plain(1, 2)), Plain("x").args)
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
print(repr(NoSuper(1, 2)), NoSuper(1, 2).args)
class ReprErr(ValueError):
    def __repr__(self): return "custom repr"
print(repr(ReprErr()), isinstance(ReprErr(), ValueError))
try:
    raise MyErr
except TypeError as e:
    print("TE", e)
