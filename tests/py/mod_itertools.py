# itertools: infinite, terminating and combinatoric iterators.
import itertools as it
from itertools import (count, cycle, repeat, chain, islice, product, permutations,
                       combinations, combinations_with_replacement, accumulate,
                       groupby, zip_longest, starmap, takewhile, dropwhile,
                       compress, filterfalse, tee, pairwise)
import operator


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


c = count(5)
print(next(c), next(c), c, repr(count()), count(1, 2), count(2.5), count(0, 0.5))
print(list(islice(count(10, -3), 4)), list(zip("abc", count())))
print(list(islice(cycle("ab"), 5)), list(cycle([])))
r = repeat("a", 3)
print(r, list(r), r, repeat(7), list(repeat(1, -2)), list(islice(repeat(0), 3)))
print(list(map(pow, range(4), repeat(2))))
print(list(chain("ab", [1, 2], (3,))), list(chain()), list(chain.from_iterable(["xy", "z"])))
print(list(islice("abcdefg", 3)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 1, None, 2)))
print(list(islice("abcdefg", None)), list(islice(range(10), 0, 9, 4)), list(islice([], 3)))
src = iter(range(10))
print(list(islice(src, 0, 5, 3)), next(src))
err(lambda: islice("a", -1))
err(lambda: islice("a", 0, 1, 0))
err(lambda: islice("a", "x"))
err(lambda: islice("a", -1, 2))
err(lambda: islice("a"))
print(list(product("ab", [1, 2])), list(product(range(2), repeat=2)))
print(list(product()), list(product("ab", [])), len(list(product(range(3), repeat=3))))
print(list(permutations("abc")), list(permutations(range(3), 2)))
print(list(permutations([], 0)), list(permutations("ab", 3)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("a", 0)))
print(list(combinations("ab", 3)), len(list(combinations(range(10), 4))))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement("", 0)))
err(lambda: combinations("a", -1))
err(lambda: permutations("a", -1))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2], initial=100)), list(accumulate([], initial=0)))
print(list(accumulate(["a", "b", "c"])), list(accumulate([])))
for k, g in groupby("aaabbcaa"):
    print(k, list(g))
print([(k, len(list(g))) for k, g in groupby(sorted("mississippi"))])
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
for k, g in groupby(words, key=lambda w: w[0]):
    print(k, list(g))
gb = groupby("aabb")
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, list(g2))
print([k for k, g in groupby([1, 1, 2, 3, 3, 3])])
print(list(zip_longest("abc", [1])), list(zip_longest("ab", "xyz", fillvalue="-")), list(zip_longest()))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(starmap(lambda *a: sum(a), [(1, 2, 3), ()])))
print(list(takewhile(lambda x: x < 4, [1, 3, 5, 2])), list(dropwhile(lambda x: x < 4, [1, 3, 5, 2])))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(compress("abc", [1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None])))
a, b = tee([1, 2, 3])
print(next(a), list(a), list(b))
x, y, z = tee(count(), 3)
print(next(x), next(x), next(y), next(z), next(x))
print(tee("a", 0))
err(lambda: tee("a", -1))
print(list(pairwise("abcd")), list(pairwise("a")), list(pairwise([])))
for name in ["count", "cycle", "repeat", "chain", "islice", "product", "groupby", "accumulate", "pairwise"]:
    obj = getattr(it, name)
    print(name, type(obj).__name__)
i = chain([1], [2])
print(iter(i) is i, next(i), type(i).__name__)
print(sum(1 for _ in product(range(5), repeat=4)))
print(list(islice(count(), 1000, 1003)))

# argument errors
err(lambda: count("a"))
err(lambda: count(1, 2, 3))
err(lambda: repeat())
err(lambda: repeat(1, 2, 3))
err(lambda: repeat(1, "a"))
err(lambda: cycle())
err(lambda: cycle(1))
err(lambda: chain(a=1))
err(lambda: next(chain(1)))
err(lambda: product(foo=1))
err(lambda: product(1))
err(lambda: product("a", repeat=-1))
err(lambda: permutations())
err(lambda: permutations("abc", "x"))
err(lambda: combinations("abc"))
err(lambda: combinations_with_replacement("abc", -2))
err(lambda: accumulate())
err(lambda: accumulate(1, 2, 3))
err(lambda: groupby())
err(lambda: pairwise())
err(lambda: takewhile(bool))
err(lambda: compress("a"))
err(lambda: starmap(pow))
err(lambda: next(starmap(pow, [1])))
err(lambda: filterfalse(None))
err(lambda: zip_longest(fill=1))
err(lambda: tee())
err(lambda: next(takewhile(None, [1])))
print(count(0, True), count(True), next(count(True)), count(1.5, 1), repeat("a", 2 ** 3))
print(type(chain.from_iterable([])).__name__, repr(product).split("'")[1], it.islice.__module__)


# subclassing
class Evens(count):
    def __next__(self):
        return 2 * super().__next__()


class MyChain(chain):
    pass


e = Evens(3)
print(next(e), next(e), type(e).__name__, isinstance(e, count))
print(list(MyChain("ab", "c")), type(MyChain.from_iterable(["x"])).__name__)

# laziness: items are pulled only when needed
def noisy(n):
    for i in range(n):
        print("yield", i)
        yield i


t = takewhile(lambda x: x < 1, noisy(5))
print(list(t))
d = dropwhile(lambda x: x < 2, noisy(4))
print(next(d))
z = zip_longest(noisy(1), "ab")
print(list(z))
s = starmap(lambda a, b: a * b, zip(noisy(2), [10, 20]))
print(list(s))
