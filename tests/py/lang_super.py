# minipy vs CPython 3.11: super() in diamonds, with properties/classmethods, two-argument forms, inside comprehensions, in built-in subclasses.
class A:
    def __init__(self): self.log = ["A"]
    @property
    def p(self): return "A.p"
    def who(self): return "A"
    @classmethod
    def cm(cls): return cls.__name__
    @staticmethod
    def sm(): return "A.sm"
class B(A):
    def __init__(self):
        super().__init__()
        self.log.append("B")
    def who(self): return "B>" + super().who()
class C(A):
    def __init__(self):
        super().__init__()
        self.log.append("C")
    def who(self): return "C>" + super().who()
class D(B, C):
    def __init__(self):
        super().__init__()
        self.log.append("D")
    def who(self): return "D>" + super().who()
    def test(self):
        try:
            super().p = 1
        except AttributeError as e:
            print("AE", e)
        try:
            super().nothing
        except AttributeError as e:
            print("AE", e)
        return super().p, super().cm(), super().sm(), super(B, self).who(), super(C, self).who()
d = D()
print(d.log, d.who(), d.test())
print(repr(super(D, d))[:20])
s = super(B)
print(type(s).__name__)
try:
    super(B, A())
except TypeError as e:
    print("TE", e)
print(super(B, B).cm())
class E:
    def m(self):
        return [super().__repr__ is not None for _ in range(1)]
try:
    print(E().m())
except (RuntimeError, TypeError) as e:
    print(type(e).__name__, e)
class F:
    def m(self):
        return (lambda: super().__class__)()
try:
    print(F().m())
except (RuntimeError, TypeError) as e:
    print(type(e).__name__, e)
class G(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 2
g = G(a=2)
print(g["a"], g.get("a"))
class H(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1
print(H([1, 2]), H([1]).extra)
class Slotted:
    __slots__ = ("v",)
    def __init__(self): super().__setattr__("v", 3)
print(Slotted().v)
