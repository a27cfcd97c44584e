import enum
class C(enum.Enum):
    RED=1; GREEN=2; CRIMSON=1
print(list(C), C.CRIMSON, C.__members__)
print(hash(C.RED)==hash(C.RED), C.RED == C.CRIMSON, C.RED is C.CRIMSON, C.RED != C.GREEN)
try: C.RED < C.GREEN
except TypeError as e: print(e)
class A(enum.Enum):
    X=enum.auto(); Y=enum.auto()
print(list(A))
try:
    @enum.unique
    class U(enum.Enum):
        a=1; b=1
except ValueError as e: print(e)
try: C.RED = 5
except AttributeError as e: print(e)
class I(enum.IntFlag):
    R=1; W=2
print(repr(I.R|I.W), str(I.R|I.W), I.R|I.W == 3, repr(I(0)), list(I), repr(I(7)))
class F(enum.Flag):
    R=enum.auto(); W=enum.auto(); X=enum.auto()
print(repr(F.R|F.X), F.R in (F.R|F.X), bool(F(0)), repr(~F.R), list(F.R|F.X))
print(str(F(0)), format(F.R), str(F.R|F.W), repr(F.R & F.W))
print(C.RED.name, C.RED.value, C['RED'], C(2), type(C.RED), len(C), C.RED in C)
class S(str, enum.Enum):
    A='a'
print(repr(S.A), str(S.A), S.A == 'a')
try:
    class Bad(enum.Enum):
        A=1
    class Bad2(Bad): B=2
except TypeError as e: print(e)
An = enum.Enum('Animal', 'ANT BEE')
print(An, list(An), An.ANT.value)
class M(enum.Enum):
    A=1
    B=2
    def describe(self): return self.name.lower()
    @property
    def double(self): return self.value*2
    @classmethod
    def first(cls): return list(cls)[0]
print(M.A.describe(), M.A.double, M.A is M(1), M.first())
try: C(5)
except ValueError as e: print(type(e).__name__, e)
try: C['X']
except KeyError as e: print(type(e).__name__, e)
class Ie(enum.IntEnum):
    A=1; B=2
print(repr(Ie.A), str(Ie.A), format(Ie.A, '03d'), f'{Ie.B}', Ie.A + 1, Ie.A == 1, Ie.A < Ie.B, sorted([Ie.B, Ie.A]))
print(isinstance(Ie.A, int), Ie(2), [x.name for x in Ie])
d = {C.RED: 'r', C.GREEN: 'g'}
print(d[C.CRIMSON], repr(C), repr(F), repr(Ie))
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.MARS.value, Planet((6.42e23, 3.39e6)))
class Sx(enum.StrEnum):
    A = enum.auto()
    B = 'bee'
print(repr(Sx.A), str(Sx.B), Sx.A == 'a', Sx('bee'))
class Mi(enum.Enum):
    A = 1
    @classmethod
    def _missing_(cls, v): return cls.A
print(Mi(99))
print(C.RED.__class__.__name__, isinstance(C.RED, C), isinstance(C.RED, enum.Enum))
print(list(reversed(C)), C.__members__.keys() and list(C.__members__))
