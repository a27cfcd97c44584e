# minipy vs CPython 3.11: NotImplemented fallbacks, reflected operators and comparisons, subclass priority, in-place fallbacks.
class A:
    def __init__(self, v): self.v = v
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return A(self.v + o)
    def __radd__(self, o): return "radd same type?"
    def __repr__(self): return f"A({self.v})"
a = A(1)
a += 5
print(a)
print(A(1) + 1)
class L:
    def __lt__(self, o):
        print("L.lt")
        return NotImplemented
class G:
    def __gt__(self, o):
        print("G.gt")
        return True
print(L() < G())
class SubG(G):
    def __lt__(self, o):
        print("SubG.lt")
        return "sub"
print(G() > SubG())
class E1:
    def __eq__(self, o):
        print("E1.eq")
        return NotImplemented
e = E1()
print(e == e, e == E1(), e != E1())
class Num:
    def __init__(self, v): self.v = v
    def __sub__(self, o): return NotImplemented
    def __rsub__(self, o): return ("rsub", o)
print(5 - Num(1))
try:
    Num(1) - 5
except TypeError as e:
    print("TE", e)
class Both:
    def __add__(self, o): return "Both.add"
    def __radd__(self, o): return "Both.radd"
class Sub(Both):
    def __radd__(self, o): return "Sub.radd"
print(Both() + Sub(), Sub() + Both(), 1 + Sub())
class InplaceOnly:
    def __iadd__(self, o): return "iadd"
x = InplaceOnly()
x += 1
print(x)
try:
    InplaceOnly() + 1
except TypeError as e:
    print("TE", e)
lst = [1]
lst += (2, 3)
print(lst)
try:
    lst + (4,)
except TypeError as e:
    print("TE", e)
t = (1,)
t += (2,)
print(t)
class Div:
    def __truediv__(self, o): return "td"
    def __rtruediv__(self, o): return "rtd"
    def __mod__(self, o): return "mod"
    def __rmod__(self, o): return "rmod"
    def __divmod__(self, o): return "dm"
    def __rdivmod__(self, o): return "rdm"
    def __lshift__(self, o): return "ls"
    def __rlshift__(self, o): return "rls"
    def __xor__(self, o): return "xor"
    def __ror__(self, o): return "ror"
print(Div() / 1, 1 / Div(), Div() % 1, "s" % Div() if False else 1 % Div(), divmod(Div(), 1), divmod(1, Div()), Div() << 1, 1 << Div(), Div() ^ 1, 1 | Div())
try:
    "%s %s" % Div()
except TypeError as e:
    print("TE", e)
class Cmp:
    def __eq__(self, o): return NotImplemented
print(Cmp() == 1, 1 == Cmp(), Cmp() != 1, None == Cmp())
try:
    Cmp() < 1
except TypeError as e:
    print("TE", e)
try:
    1 >= Cmp()
except TypeError as e:
    print("TE", e)
print(sorted([3, 1, 2], key=lambda v: Num(v).v))
