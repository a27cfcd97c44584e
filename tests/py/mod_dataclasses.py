from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, InitVar, is_dataclass
from typing import List, ClassVar
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
print(p, repr(p), p == Point(1, 2), p != Point(2, 1), Point(5))
print([f.name for f in fields(p)], [f.type for f in fields(Point)])
print(asdict(p), astuple(p), replace(p, y=9))
try: hash(p)
except TypeError as e: print(type(e).__name__, e)
@dataclass(frozen=True, order=True)
class V:
    a: int
    b: str = 'z'
v = V(1)
print(v, hash(v) == hash(V(1)), V(1) < V(2), V(1, 'a') <= V(1, 'b'), sorted([V(3), V(1), V(2)]))
try: v.a = 5
except FrozenInstanceError as e: print(type(e).__name__, e, isinstance(e, AttributeError))
try: del v.a
except FrozenInstanceError as e: print(type(e).__name__, e)
@dataclass
class Inv:
    name: str
    items: List[int] = field(default_factory=list)
    hidden: int = field(default=0, repr=False)
    total: int = field(init=False, default=0)
    n: ClassVar[int] = 10
    def __post_init__(self):
        self.total = sum(self.items)
i = Inv('a', [1, 2, 3])
print(i, i.total, Inv('b'), Inv.n, [f.name for f in fields(Inv)])
print(Inv('x').items is not Inv('x').items)
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e: print(type(e).__name__, e)
try:
    @dataclass
    class Bad2:
        x: list = []
except ValueError as e: print(type(e).__name__, e)
@dataclass
class Nested:
    p: Point
    ps: list
print(asdict(Nested(Point(1, 2), [Point(3, 4)])), astuple(Nested(Point(1, 2), [])))
@dataclass
class Child(Point):
    z: int = 5
print(Child(1, 2, 3), Child(1), is_dataclass(Child), is_dataclass(Child(1)), is_dataclass(3))
@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.a *= scale
print(WithInit(3), WithInit(3, 10))
@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), hash(NoEq(1)) is not None)
@dataclass(unsafe_hash=True)
class UH:
    a: int
print(hash(UH(1)) == hash(UH(1)))
try: Point()
except TypeError as e: print(e)
try: Point(1, 2, 3)
except TypeError as e: print(e)
try: replace(i, total=3)
except ValueError as e: print(e)
try: fields(3)
except TypeError as e: print(e)
print(Point(1, 2) == (1, 2), Point.__match_args__)
@dataclass(repr=False)
class NR:
    a: int
print(repr(NR(1))[:15])
@dataclass
class Tree:
    val: int
    kids: list = field(default_factory=list)
t = Tree(1, [Tree(2)])
print(t)
@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 1
print(KW(a=2))
try: KW(1)
except TypeError as e: print(e)
