from abc import ABC, abstractmethod, ABCMeta
class C(ABC):
    @abstractmethod
    def m(self): pass
    @abstractmethod
    def a(self): pass
try: C()
except TypeError as e: print(e)
class D(C):
    def m(self): return 1
try: D()
except TypeError as e: print(e)
class E(D):
    def a(self): return 2
print(E().m(), E().a(), isinstance(E(), C), issubclass(E, C))
class R(ABC): pass
R.register(int)
print(isinstance(3, R), issubclass(int, R), issubclass(str, R), isinstance(R(), R))
class H(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, 'quack') or NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), H), isinstance(1, H))
print(sorted(C.__abstractmethods__), E.__abstractmethods__)
class P(ABC):
    @property
    @abstractmethod
    def v(self): ...
try: P()
except TypeError as e: print(e)
