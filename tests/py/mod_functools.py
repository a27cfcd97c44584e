# functools: reduce, partial, lru_cache/cache, wraps, cmp_to_key,
# total_ordering, cached_property, singledispatch.
import functools
from functools import reduce, partial, lru_cache, wraps, cmp_to_key, total_ordering


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10))
print(reduce(lambda a, b: a + b, [], 0), reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, ["x"]))
err(lambda: reduce(lambda a, b: a + b, []))
err(lambda: reduce(lambda a, b: a + b, 5))

# partial
base2 = partial(int, base=2)
print(base2("1010"), base2.func, base2.args, base2.keywords, repr(base2))
p = partial(pow, 2)
print(p(10), p.args, repr(p))
pp = partial(p, 3)
print(pp(), pp.args, pp.func is pow)


def greet(greeting, name, punct="!"):
    return "%s, %s%s" % (greeting, name, punct)


hi = partial(greet, "Hi", punct="?")
print(hi("bob"), hi("al", punct="."), hi.keywords)
err(lambda: partial(5))
print(sorted(["b", "A", "c"], key=partial(str.lower)))

# lru_cache
calls = []


@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@lru_cache
def square(x):
    return x * x


print(square(3), square(3), square(4), square.cache_info())


@lru_cache(maxsize=2)
def ident(x):
    print("computing", x)
    return x


for v in [1, 2, 1, 3, 2, 1]:
    ident(v)
print(ident.cache_info())


@lru_cache(maxsize=32, typed=True)
def typed_f(x):
    return type(x).__name__


print(typed_f(1), typed_f(1.0), typed_f.cache_info())


@lru_cache()
def kw(a, b=2):
    return a + b


print(kw(1), kw(1, b=2), kw(a=1), kw.cache_info())
print(square.__name__, fib.__wrapped__.__name__)


@functools.cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)


print(fact(20), fact.cache_info())
err(lambda: lru_cache("x"))


class Obj:
    @lru_cache(maxsize=None)
    def method(self, x):
        return x * 2


o = Obj()
print(o.method(4), o.method(4), Obj.method.cache_info())


# wraps
def deco(f):
    @wraps(f)
    def wrapper(*a, **k):
        """wrapper doc"""
        return f(*a, **k)
    return wrapper


@deco
def documented(x):
    """Documented function."""
    return x + 1


documented.extra = 5
print(documented(1), documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
print(documented.__qualname__, documented.__module__)


def plain():
    pass


plain.attr = "copied"


def w2():
    pass


functools.update_wrapper(w2, plain)
print(w2.__name__, w2.attr, w2.__wrapped__ is plain)

# cmp_to_key


def cmp(a, b):
    return (a > b) - (a < b)


print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(a) - len(b))))
K = cmp_to_key(cmp)
print(K(1) < K(2), K(2) <= K(2), K(3) > K(1), K(1) == K(1))


@total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


a, b = Version(1), Version(2)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= a, sorted([b, a])[0].n)
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError", e)


@total_ordering
class G:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __gt__(self, other):
        return self.n > other.n


print(G(1) < G(2), G(2) <= G(2), G(3) >= G(4))


class Circle:
    def __init__(self, r):
        self.r = r

    @functools.cached_property
    def area(self):
        print("computing area")
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, "area" in c.__dict__)


@functools.singledispatch
def show(x):
    return "object " + repr(x)


@show.register(int)
def _(x):
    return "int %d" % x


@show.register(list)
def _(x):
    return "list of %d" % len(x)


print(show(1), show([1, 2]), show("s"), show(True))
