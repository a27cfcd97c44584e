# minipy vs CPython 3.11: __name__/__qualname__/__module__ of classes, functions and built-ins; special attribute errors.
class C: pass
try:
    C.__name__ = 5
except TypeError as e:
    print("TE", e)
try:
    C.__qualname__ = 5
except TypeError as e:
    print("TE", e)
C.__qualname__ = "Other.Q"
print(C, C.__qualname__, C.__name__)
f = lambda: 0
print(f.__name__, f.__qualname__)
def outer():
    return lambda: 0
print(outer().__qualname__)
class K:
    def m(self):
        def inner(): pass
        return inner
    lam = lambda self: 0
print(K().m().__qualname__, K.lam.__qualname__)
ns = {"__name__": "fake_mod"}
exec("def ff(): pass\nclass CC: pass", ns)
print(ns["ff"].__module__, ns["CC"].__module__, ns["CC"])
exec("def gg(): pass\nclass DD: pass", {})
print(type(C).__name__, type(type).__name__, type(object).__name__)
print(C.__mro__, C.__bases__, object.__bases__, object.__mro__)
try:
    C.__mro__ = ()
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
print(int.__name__, int.__qualname__, int.__module__, len.__name__, len.__qualname__)
print([].append.__name__, [].append.__qualname__, str.upper.__qualname__)
print(repr(len), repr(int), repr(object), repr(type))
import sys
print(type(sys).__name__, sys.__name__)
def fn(a, b=2, *args, c, d=4, **kw): "doc"
print(fn.__defaults__, fn.__kwdefaults__, fn.__doc__, fn.__code__.co_argcount, fn.__code__.co_kwonlyargcount)
print(fn.__code__.co_varnames, fn.__code__.co_name)
fn.__defaults__ = (9,)
print(fn.__defaults__)
try:
    fn.__defaults__ = [1]
except TypeError as e:
    print("TE", e)
class WithCall:
    def __init__(self): self.__call__ = lambda: "instance call"
try:
    WithCall()()
except TypeError as e:
    print("TE", e)
class WithLen:
    pass
w = WithLen()
w.__len__ = lambda: 5
try:
    len(w)
except TypeError as e:
    print("TE", e)
print(bool(w))
try:
    del C.__name__
except TypeError as e:
    print("TE", e)
try:
    int.__name__ = "x"
except TypeError as e:
    print("TE", e)
