# operator: function forms of operators, itemgetter/attrgetter/methodcaller.
import operator
from operator import itemgetter, attrgetter, methodcaller


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


print(operator.add(1, 2), operator.sub(5, 3), operator.mul(3, 4), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(3), operator.pos(-3))
print(operator.abs(-4), operator.not_(0), operator.truth([]), operator.truth([1]))
print(operator.eq(1, 1), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.invert(5), operator.inv(0))
print(operator.lshift(1, 4), operator.rshift(256, 3), operator.concat([1], [2]), operator.concat("a", "b"))
print(operator.contains([1, 2], 2), operator.countOf([1, 2, 1, 1], 1), operator.indexOf("abc", "c"))
d = {"a": 1}
operator.setitem(d, "b", 2)
print(operator.getitem(d, "b"), d)
operator.delitem(d, "a")
print(d)
print(operator.index(5), operator.is_(None, None), operator.is_not(1, None))
x = [1]
y = operator.iadd(x, [2])
print(x, y is x, operator.iadd(1, 2), operator.isub(5, 1), operator.imul("ab", 2), operator.ior({1}, {2}))
print(operator.ifloordiv(7, 2), operator.imod(7, 2), operator.ipow(2, 3), operator.iand(6, 3), operator.ixor(6, 3))
print(operator.ilshift(1, 2), operator.irshift(8, 2), operator.itruediv(1, 4), operator.iconcat([1], (2,)))
print(operator.length_hint([1, 2, 3]), operator.length_hint(iter([]), 5), operator.__add__(1, 1))
err(lambda: operator.add(1, "a"))
err(lambda: operator.concat(1, 2))
err(lambda: operator.indexOf([1], 5))
err(lambda: operator.index("a"))
err(lambda: operator.index(1.5))
err(lambda: operator.truediv(1, 0))
err(lambda: operator.getitem([1], 5))

g = itemgetter(1)
print(g([10, 20, 30]), g("xyz"), itemgetter(0, 2)("abc"), itemgetter("k")({"k": "v"}))
print(repr(g), repr(itemgetter(1, "a")), itemgetter(slice(1, None))([1, 2, 3]))
rows = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(max(rows, key=itemgetter(1)), list(map(itemgetter(0), rows)))


class P:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def hello(self, greeting="hi", punct="!"):
        return "%s %s%s" % (greeting, self.name, punct)


p = P("outer", P("inner"))
print(attrgetter("name")(p), attrgetter("child.name")(p), attrgetter("name", "child.name")(p))
print(repr(attrgetter("a.b")), repr(attrgetter("x", "y")))
err(lambda: attrgetter("missing")(p))
err(lambda: attrgetter(5))
m = methodcaller("hello")
print(m(p), methodcaller("hello", "yo")(p), methodcaller("hello", punct="?")(p))
print(repr(methodcaller("hello", "yo", punct="?")), methodcaller("upper")("abc"))
print(sorted(["b", "C", "a"], key=methodcaller("lower")))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])))
