# minipy vs CPython 3.11: argument errors of methods, static/class methods and constructors.
class A:
    def m(self, x): return x
    def kw(self, *, k): return k
    @staticmethod
    def s(x): return x
    @classmethod
    def c(cls, x): return x
    def __init__(self, a, b=2): pass
tests = [
    lambda: A(1).m(),
    lambda: A(1).m(1, 2),
    lambda: A(1).m(1, x=2),
    lambda: A(1).m(y=2),
    lambda: A(1).kw(1),
    lambda: A(1).kw(),
    lambda: A.s(),
    lambda: A.c(1, 2),
    lambda: A(),
    lambda: A(1, 2, 3),
    lambda: A(1, c=3),
    lambda: A.m(),
    lambda: A.m(A(1)),
    lambda: A(1).m.__func__(),
    lambda: (lambda: 0)(1),
    lambda: A.__init__(),
    lambda: object.__init__(A(1), 1),
    lambda: A(1).__init__(),
]
for t in tests:
    try:
        t()
        print("ok")
    except TypeError as e:
        print("TE", e)
