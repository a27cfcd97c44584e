# minipy vs CPython 3.11: subclasses of list, dict, str, int, float, tuple, set: result types, reprs, overridden methods.
class L(list): pass
l = L([1, 2, 3])
print(type(l[1:]).__name__, type(l + l).__name__, type(l * 2).__name__, type(l.copy()).__name__, l == [1, 2, 3])
class D(dict): pass
d = D(a=1)
print(type(d.copy()).__name__, type(d | {}).__name__, d == {"a": 1}, repr(d))
class S(str): pass
s = S("ab")
print(type(s.upper()).__name__, type(s[0]).__name__, type(s + "c").__name__, repr(s), type(str(s)).__name__)
class I(int): pass
i = I(3)
print(type(i + 1).__name__, type(-i).__name__, type(abs(i)).__name__, repr(i), type(int(i)).__name__, i.real, type(i.real).__name__)
class F(float): pass
print(type(F(1.5) * 2).__name__, repr(F(1.5)), F(2.5).is_integer())
class T(tuple): pass
t = T((1, 2))
print(type(t[:1]).__name__, repr(t), t == (1, 2), hash(t) == hash((1, 2)))
class Point(tuple):
    def __new__(cls, x, y): return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    def __repr__(self): return f"Point({self[0]}, {self[1]})"
p = Point(1, 2)
print(p, p.x, p + (3,), len(p), isinstance(p, tuple))
class Set2(set): pass
print(type(Set2([1]) | {2}).__name__, Set2([1]) == {1})
class BoolLike(int):
    def __bool__(self): return False
print(bool(BoolLike(5)), BoolLike(5) + 1)
class StrWithEq(str):
    def __eq__(self, o): return True
    __hash__ = str.__hash__
print(StrWithEq("a") == "b", {StrWithEq("a"): 1}.get("a"))
class ListInit(list):
    def __init__(self, n):
        super().__init__(range(n))
print(ListInit(3))
class DictDefault(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.hits = 0
    def __getitem__(self, k):
        self.hits += 1
        return super().__getitem__(k)
dd = DictDefault(x=1)
print(dd["x"], dd.hits, dd.get("x"), dd.hits, dict(dd), list(dd.items()))
