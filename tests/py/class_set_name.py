# type.__new__ calls __set_name__ on the class attributes, then
# super(cls, cls).__init_subclass__(**kwargs) (CPython semantics).
class D:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("boom")
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, sorted(kw.items()))
        super().__init_subclass__()
class A(Base, x=1):
    d = D()
    e = D()
class B(A): pass
try:
    class C:
        b = Bad()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)
try:
    class E(x=1): pass
except Exception as e:
    print(type(e).__name__, e)
try:
    type('F', (), {}, x=1)
except Exception as e:
    print(type(e).__name__, e)
X = type('X', (Base,), {'d': D()}, y=2)
class M(type):
    def __new__(m, name, bases, ns, **kw):
        print("M.__new__", name, kw)
        return super().__new__(m, name, bases, ns, **kw)
class G(Base, metaclass=M, z=3):
    d = D()
print(type(G).__name__)
class H:
    @classmethod
    def __init_subclass__(cls):
        print("H sub", cls.__name__)
class I(H): pass
class J:
    def __init_subclass__(cls, /, k, **kw):
        print("J sub", cls.__name__, k)
class K(J, k=5): pass
try:
    class L(J): pass
except Exception as e:
    print(type(e).__name__, e)
