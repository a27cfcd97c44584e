# collections.namedtuple: class creation, tuple behaviour, helpers, errors.
from collections import namedtuple


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p))
print(Point(x=3, y=4), Point(5, y=6), p == (1, 2), p + (3,), p * 2)
print(Point._fields, p._asdict(), p._replace(x=10), Point._make([7, 8]))
print(Point.__name__, Point.__module__, repr(Point), isinstance(p, tuple))
x, y = p
print(x, y, sorted([Point(2, 1), Point(1, 2)]))
print(Point.x.__doc__, Point.__doc__)
P3 = namedtuple("P3", "a b c")
print(P3(1, 2, 3), P3._fields)
P4 = namedtuple("P4", "a, b")
print(P4(1, 2))
D = namedtuple("D", "a b c", defaults=[2, 3])
print(D(1), D(1, 5), D._field_defaults)
R = namedtuple("R", ["abc", "def", "ghi", "_x", "abc"], rename=True)
print(R._fields)
One = namedtuple("One", "only")
print(One(5), One._make([1]))
Empty = namedtuple("Empty", "")
print(Empty(), Empty._fields)
err(lambda: Point(1))
err(lambda: Point(1, 2, 3))
err(lambda: Point(1, 2, z=3))
err(lambda: Point._make([1]))
err(lambda: p._replace(z=1))
err(lambda: namedtuple("Bad", "a a"))
err(lambda: namedtuple("Bad", "a _b"))
err(lambda: namedtuple("Bad", "a def"))
err(lambda: namedtuple("Bad", "a 1b"))
err(lambda: namedtuple("1Bad", "a"))
err(lambda: namedtuple("Bad", "a", defaults=[1, 2]))
err(lambda: setattr(p, "x", 5))


class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2


v = Vec(1, 2) + Vec(3, 4)
print(v, v.norm2, type(v).__name__)
people = [namedtuple("Person", "name age")(n, a) for n, a in [("bo", 30), ("al", 25)]]
print(sorted(people, key=lambda t: t.age))
print(max(people, key=lambda t: t.age).name)
print({Point(1, 2): "here"}[Point(1, 2)])
