# minipy vs CPython 3.11: exceptions raised inside __hash__, __eq__, __len__, __iter__, __next__, __repr__ and __get__ propagate.
class BadHash:
    def __hash__(self): raise ValueError("hash boom")
for f in [lambda: {BadHash(): 1}, lambda: BadHash() in {1: 2}, lambda: {BadHash()}, lambda: hash(BadHash())]:
    try:
        f()
    except ValueError as e:
        print("VE", e)
class BadEq:
    def __hash__(self): return 1
    def __eq__(self, o): raise KeyError("eq boom")
d = {BadEq(): 1}
try:
    d[BadEq()]
except KeyError as e:
    print("KE", e)
try:
    [BadEq()].index(BadEq())
except KeyError as e:
    print("KE", e)
try:
    BadEq() in [BadEq()]
except KeyError as e:
    print("KE", e)
class BadLen:
    def __len__(self): raise IndexError("len boom")
try:
    bool(BadLen())
except IndexError as e:
    print("IE", e)
try:
    if BadLen(): pass
except IndexError as e:
    print("IE", e)
class BadIter:
    def __iter__(self): raise RuntimeError("iter boom")
for f in [list, tuple, set, sorted, sum, lambda x: [*x], lambda x: dict.fromkeys(x), lambda x: "".join(x)]:
    try:
        f(BadIter())
    except RuntimeError as e:
        print("RE", e)
class BadNext:
    def __iter__(self): return self
    def __next__(self): raise ZeroDivisionError("next boom")
try:
    for _ in BadNext(): pass
except ZeroDivisionError as e:
    print("ZE", e)
class BadRepr:
    def __repr__(self): raise TypeError("repr boom")
try:
    print([BadRepr()])
except TypeError as e:
    print("TE", e)
try:
    f"{BadRepr()!r}"
except TypeError as e:
    print("TE", e)
class BadGet:
    def __get__(self, o, t): raise LookupError("get boom")
class HasBad:
    x = BadGet()
try:
    HasBad().x
except LookupError as e:
    print("LE", e)
try:
    HasBad.x
except LookupError as e:
    print("LE", e)
print(hasattr(HasBad, "y"))
try:
    hasattr(HasBad(), "x")
except LookupError as e:
    print("LE", e)
