# minipy vs CPython 3.11: names and reprs of built-in methods, slot wrappers and method-wrappers.
def cut(r):
    i = r.find(" at 0x")
    return r if i < 0 else r[:i] + " at ADDR" + r[r.index(">", i):]
x = []
import math
for v in [x.append, "s".upper, math.sqrt, list.append, dict.fromkeys, object.__init__, x.__init__, int.__add__,
          (1).__add__, len, object.__new__]:
    print(cut(repr(v)))
print(x.append.__name__, x.append.__qualname__, str.upper.__qualname__, int.__add__.__qualname__)
print(object.__init__.__name__, x.__init__.__name__, x.__init__.__qualname__, object.__init__.__objclass__)
print(x.append.__self__ is x, (1).__add__(2), int.__add__(1, 2), x.__init__.__self__ is x)
