# Builtins about objects in general: len, repr, ascii, isinstance,
# getattr & co, iter/next, any/all, sorted, min/max, dir, vars, id, hash.
print(len([1, 2, 3]), len("héllo"), len({}), len(range(10)))
print(repr("a'b"), repr([1, "x", None]), ascii("héllo ☃ \U0001f600"), ascii([1, "é"]))
print(format(3.14159, ".2f"), format(42), format(255, "x"), format("ab", ">4"))

class A:
    pass

class B(A):
    pass

b = B()
print(isinstance(b, A), isinstance(b, (int, (str, A))), isinstance(1, bool), isinstance(True, int))
print(issubclass(B, A), issubclass(A, B), issubclass(bool, (str, int)), issubclass(B, object))

class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 42

class Any42(metaclass=Meta):
    pass

print(isinstance(42, Any42), isinstance(41, Any42))

b.x = 5
print(getattr(b, "x"), getattr(b, "y", "default"), hasattr(b, "x"), hasattr(b, "y"))
setattr(b, "y", 7)
print(b.y, vars(b))
delattr(b, "y")
print(hasattr(b, "y"), callable(b), callable(A), callable(len), callable(1))

it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))

print(any([0, "", None]), any(x > 2 for x in [1, 2, 3]), all([]), all([1, 0]), any([]))
print(sorted([3, 1, 2]), sorted("bca", reverse=True), sorted([-3, 1, -2], key=abs))
print(sorted({"b": 1, "a": 2}), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(min(3, 1, 2), max([1, 5, 2]), min("abc"), max([], default="none"), min([4, -5], key=abs))
print(max([1, 3, 3.0], key=lambda v: v), min([(1, "b"), (1, "a")]))
print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(5), start=10), sum([1.5, 2], 1))
print(sum([2**62, 2**62, 2**62]))
print([n for n in dir(b) if not n.startswith("_")], "x" in dir(b))
import sys as _s
print(sorted(n for n in dir(_s) if n in ("argv", "path", "exit")))

def f():
    local_a = 1
    local_b = 2
    return dir(), sorted(locals())

print(f())
print(hash(1) == hash(1.0), hash("abc") == hash("abc"), id(b) == id(b), id(b) != id(A))
print(type(len).__name__, type(print), type(exit).__name__)
print(globals()["__name__"], "f" in globals())
print(repr(exit), repr(quit))
print(Ellipsis, NotImplemented, __debug__, __name__)
print(EnvironmentError is OSError, IOError is OSError, type(print) is type(len))
print(int, str, list, dict, tuple, set, frozenset, bool, float, bytes, object, type)
print(range, enumerate, zip, map, filter, reversed, slice, property, staticmethod, classmethod, super)
print(list(enumerate("ab", 1)), list(zip("ab", [1, 2, 3])), list(map(abs, [-1, 2])))
print(list(filter(None, [0, 1, 2])), list(reversed([1, 2, 3])))
