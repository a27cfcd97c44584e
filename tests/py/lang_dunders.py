# minipy vs CPython 3.11: __class__ and __dict__ assignment, names and default reprs, __eq__/__hash__, truthiness, iteration fallbacks, __index__.
def noaddr(s):
    out = ""
    while " at 0x" in s:
        i = s.index(" at 0x")
        out += s[:i] + " at ADDR"
        j = i + 6
        while j < len(s) and s[j] in "0123456789abcdef":
            j += 1
        s = s[j:]
    return out + s
class A:
    def hi(self): return "A"
class B:
    def hi(self): return "B"
a = A()
a.__class__ = B
print(a.hi(), type(a).__name__, isinstance(a, B))
try:
    a.__class__ = int
except TypeError as e:
    print("TE", e)
try:
    (1).__class__ = bool
except TypeError as e:
    print("TE", e)
class WithSlots:
    __slots__ = ("x",)
try:
    a.__class__ = WithSlots
except TypeError as e:
    print("TE", e)
a.__dict__ = {"q": 1}
print(a.q, vars(a))
try:
    a.__dict__ = 5
except TypeError as e:
    print("TE", e)
try:
    vars(1)
except TypeError as e:
    print("TE", e)

def outer():
    class Inner:
        def m(self): pass
    def fn(): pass
    return Inner, fn
I, fn = outer()
print(I.__name__, I.__qualname__, I.__module__, I.m.__qualname__, fn.__qualname__, fn.__name__, fn.__module__)
class N:
    class Deep:
        def f(self): pass
print(N.Deep.__qualname__, N.Deep.f.__qualname__, N.Deep.f.__name__)
print(noaddr(repr(N())))
print(noaddr(repr(N.Deep())))
print(noaddr(repr(fn)))
print(noaddr(repr(N.Deep.f)))
print(noaddr(repr(N.Deep().f)))
print(repr(N), repr(N.Deep), str(N))
fn.__name__ = "renamed"
print(fn.__name__, fn.__qualname__)
N.__name__ = "N2"
print(N.__name__, N.__qualname__, N)
try:
    fn.__name__ = 3
except TypeError as e:
    print("TE", e)

class E:
    def __eq__(self, o): return True
print(E.__hash__)
try:
    hash(E())
except TypeError as e:
    print("TE", e)
try:
    {E()}
except TypeError as e:
    print("TE", e)
class EH(E):
    __hash__ = object.__hash__
print(type(hash(EH())).__name__)
class H:
    def __hash__(self): return 7
print(hash(H()), H() == H())
class Sub(E): pass
print(Sub.__hash__)
class HE:
    def __eq__(self, o): return NotImplemented
    def __hash__(self): return 1
print(HE() == HE(), HE() != HE(), hash(HE()))

class T1:
    def __bool__(self): return False
class T2:
    def __len__(self): return 0
class T3:
    def __len__(self): return 3
class T4:
    def __bool__(self): return 1
class T5:
    def __len__(self): return -1
print(bool(T1()), bool(T2()), bool(T3()), not T3())
try:
    bool(T4())
except TypeError as e:
    print("TE", e)
try:
    bool(T5())
except ValueError as e:
    print("VE", e)
class T6:
    __bool__ = None
try:
    bool(T6())
except TypeError as e:
    print("TE", e)

class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq())
for x in Seq(): print("it", x)
class Cont:
    def __contains__(self, x): return x == "yes"
print("yes" in Cont(), "no" in Cont(), "no" not in Cont())
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(It()), 2 in It(), sum(It()))
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TE", e)
class NoIter:
    __iter__ = None
try:
    iter(NoIter())
except TypeError as e:
    print("TE", e)
try:
    3 in 5
except TypeError as e:
    print("TE", e)
try:
    for _ in 5: pass
except TypeError as e:
    print("TE", e)

class Idx:
    def __index__(self): return 2
print([1, 2, 3, 4][Idx()], "abcdef"[Idx():], bin(Idx()), hex(Idx()), range(Idx()), [0] * Idx())
class BadIdx:
    def __index__(self): return "x"
try:
    [1][BadIdx()]
except TypeError as e:
    print("TE", e)
try:
    [1][str("a")]
except TypeError as e:
    print("TE", e)
