# minipy vs CPython 3.11: __set_name__ errors, __class__ cell, super(), container and number protocols.
class BadSN:
    def __set_name__(self, owner, name):
        raise ValueError("nope")
try:
    class UsesBad:
        x = BadSN()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
class A:
    def f(self):
        return __class__
print(A().f().__name__)
class B(A):
    def g(self):
        return super().f()
print(B().g().__name__)
def nosuper():
    try:
        super()
    except RuntimeError as e:
        print("RE", e)
nosuper()
class SM:
    @staticmethod
    def s():
        try:
            super()
        except RuntimeError as e:
            print("RE", e)
SM.s()
class Chain:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return self
print(Chain().add(1).add(2).items)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
print(max([Cmp(3), Cmp(5), Cmp(1)]).v, min([Cmp(3), Cmp(5)]).v)
try:
    max([2, Cmp(1)])
except TypeError as e:
    print("TE", e)
class Ctx:
    def __enter__(self): return 1
    def __exit__(self, *a):
        raise KeyError("from exit")
try:
    with Ctx():
        raise ValueError("body")
except KeyError as e:
    print("KE", e, type(e.__context__).__name__)
class Iterable:
    def __iter__(self):
        yield 1
        yield 2
print(list(Iterable()), [*Iterable()], dict.fromkeys(Iterable()), set(Iterable()) == {1, 2})
a, b = Iterable()
print(a, b)
try:
    a, b, c = Iterable()
except ValueError as e:
    print("VE", e)
try:
    (a,) = Iterable()
except ValueError as e:
    print("VE", e)
class GI:
    def __getitem__(self, k): return k
g = GI()
print(g[1], g[1:2], g[1, 2], g[...], g[:, 1])
class SetItem:
    def __setitem__(self, k, v): print("set", k, v)
    def __delitem__(self, k): print("del", k)
si = SetItem(); si[1] = 2; si[1:3] = [0]; del si["k"]
try:
    GI()[1] = 2
except TypeError as e:
    print("TE", e)
try:
    del GI()[1]
except TypeError as e:
    print("TE", e)
try:
    SetItem()[1]
except TypeError as e:
    print("TE", e)
class Rev:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i
    def __reversed__(self): return iter("zyx")
print(list(reversed(Rev())), list(Rev()))
class RevSeq:
    def __len__(self): return 2
    def __getitem__(self, i): return "ab"[i]
print(list(reversed(RevSeq())))
class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return 3
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
import math
print(int(Num()), float(Num()), round(Num()), round(Num(), 2), math.floor(Num()), math.ceil(Num()), math.trunc(Num()))
class Bad:
    def __int__(self): return "x"
try:
    int(Bad())
except TypeError as e:
    print("TE", e)
class OnlyIndex:
    def __index__(self): return 9
print(int(OnlyIndex()), float(OnlyIndex()) if False else "-", "%d" % OnlyIndex(), [10, 20][OnlyIndex() - 8] if False else "")
