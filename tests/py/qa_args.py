# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: argument errors of builtins, functions and methods
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: len()); t(lambda: len(1, 2)); t(lambda: len(obj=1)); t(lambda: abs()); t(lambda: isinstance(1)); t(lambda: getattr(1)); t(lambda: getattr(1, 'x')); t(lambda: getattr(1, 'x', 5)); t(lambda: getattr(1, 2))
t(lambda: setattr(1, 'x', 2)); t(lambda: delattr(1, 'x')); t(lambda: hasattr(1)); t(lambda: divmod(1)); t(lambda: pow(1)); t(lambda: pow(1, 2, 3, 4)); t(lambda: round()); t(lambda: round(1, 2, 3)); t(lambda: round(number=1.55, ndigits=1))
t(lambda: sorted([1], key=len, reverse=1)); t(lambda: enumerate()); t(lambda: range()); t(lambda: range(1, 2, 3, 4)); t(lambda: range(x=1)); t(lambda: int(1, 2, 3)); t(lambda: float(1, 2)); t(lambda: str(1, 2, 3, 4))
t(lambda: list(1, 2)); t(lambda: dict(1, 2)); t(lambda: set(1, 2)); t(lambda: tuple(1, 2)); t(lambda: bool(1, 2)); t(lambda: chr()); t(lambda: ord()); t(lambda: hex('a')); t(lambda: bin(1.5)); t(lambda: oct([]))
t(lambda: iter()); t(lambda: next()); t(lambda: repr()); t(lambda: print(sep=1)); t(lambda: sum()); t(lambda: sum([1], 2, 3)); t(lambda: map()); t(lambda: map(len)); t(lambda: filter(len)); t(lambda: min(1, 2, key=1))
t(lambda: list(map(lambda x: x, [1], foo=1))); t(lambda: str(b'a', encoding='ascii')); t(lambda: str(object=5)); t(lambda: int(base=16)); t(lambda: type(1, 2)); t(lambda: type('X', (), {}, 1)); t(lambda: type('X', (), {}).__name__)
t(lambda: vars()); t(lambda: vars(1)); t(lambda: dir(1)[:3]); t(lambda: id()); t(lambda: hash()); t(lambda: callable()); t(lambda: format()); t(lambda: ascii()); t(lambda: ascii('é')); t(lambda: issubclass(1, int)); t(lambda: issubclass(int, 1))
t(lambda: isinstance(1, [int])); t(lambda: isinstance(1, (int, (str,)))); t(lambda: super()); t(lambda: object(1)); t(lambda: globals() is globals()); t(lambda: eval()); t(lambda: exec('x=1', {}, {}, 1))
def f(a, b=2, *args, c, d=4, **kw): return (a, b, args, c, d, kw)
t(lambda: f(1, c=3)); t(lambda: f(1, 2, 3, 4, c=5, e=6)); t(lambda: f()); t(lambda: f(1)); t(lambda: f(1, a=2, c=3)); t(lambda: f(c=1))
def g(a, b, /, c, *, d): return a, b, c, d
t(lambda: g(1, 2, 3, d=4)); t(lambda: g(1, b=2, c=3, d=4)); t(lambda: g(1, 2, 3, 4)); t(lambda: g(1, 2, c=3)); t(lambda: g(1, 2, 3, d=4, e=5)); t(lambda: g(1))
def h(x): return x
t(lambda: h()); t(lambda: h(1, 2)); t(lambda: h(y=1)); t(lambda: h(1, x=2)); t(lambda: h(*[1, 2])); t(lambda: h(**{'x': 1, 'y': 2}))
def k(*, a, b): pass
t(lambda: k()); t(lambda: k(1)); t(lambda: k(a=1))
def m(a, b, c): pass
t(lambda: m(1)); t(lambda: m()); t(lambda: m(1, 2, 3, 4, 5))
def n(a, b=1): pass
t(lambda: n()); t(lambda: n(1, 2, 3))
class C:
    def meth(self, x): return x
    @staticmethod
    def sm(x): return x
    @classmethod
    def cm(cls, x): return cls.__name__, x
t(lambda: C().meth()); t(lambda: C().meth(1, 2)); t(lambda: C.meth(1)); t(lambda: C.sm()); t(lambda: C.cm()); t(lambda: C().cm(1)); t(lambda: C(1))
class D:
    def __init__(self, a): pass
t(lambda: D()); t(lambda: D(1, 2)); t(lambda: D(b=1))
t(lambda: [].sort(reverse=None)); t(lambda: 'a'.encode(1)); t(lambda: 'abc'.count()); t(lambda: 'a'.ljust()); t(lambda: 'a'.ljust('x')); t(lambda: 'a'.center(5, 'xy')); t(lambda: 'a'.startswith())
