# yield from: delegation of next/send/throw/close, return values; generator
# expressions.

def inner():
    x = yield "i1"
    print("inner got", x)
    y = yield "i2"
    print("inner got", y)
    return "inner result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "o1"
    return "outer result"

g = outer()
print(next(g))
print(g.send("s1"))
print(g.send("s2"))
try:
    next(g)
except StopIteration as e:
    print("outer returned", e.value)

# yield from any iterable
def flatten(items):
    for x in items:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x

print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))

def chain(*its):
    for it in its:
        yield from it

print(list(chain("ab", range(3), (9,), {"k": 1})))
print(list(chain()))

# the value of yield from over a non-generator iterator is None
def from_list():
    r = yield from [1, 2]
    yield r

print(list(from_list()))

# exhausted sub-generator: yield from returns None at once
def empty():
    return "e"
    yield

def use_empty():
    r = yield from empty()
    yield r

print(list(use_empty()))

# throw is passed down to the sub-generator
def sub_catch():
    while True:
        try:
            yield "sub"
        except ValueError as e:
            print("sub caught", e)
            yield "sub recovered"

def delegator():
    yield from sub_catch()

g = delegator()
print(next(g))
print(g.throw(ValueError("down")))
print(next(g))

# ... and if the sub-generator does not catch it, it reaches the delegator
def sub_plain():
    yield 1
    yield 2

def catching_delegator():
    try:
        yield from sub_plain()
    except KeyError as e:
        print("delegator caught", repr(e))
        yield "delegator recovered"

g = catching_delegator()
print(next(g))
print(g.throw(KeyError("k")))

# sub-generator returning from throw: the delegator continues
def sub_returns_on_throw():
    try:
        yield "waiting"
    except ValueError:
        return "sub done"

def continue_after():
    r = yield from sub_returns_on_throw()
    print("after sub:", r)
    yield "continued"

g = continue_after()
print(next(g))
print(g.throw(ValueError))

# close is passed down, and finally blocks run innermost first
def sub_fin():
    try:
        yield 1
    finally:
        print("sub finally")

def del_fin():
    try:
        yield from sub_fin()
    finally:
        print("delegator finally")

g = del_fin()
next(g)
g.close()
print("closed")

# send into a non-generator iterator without send()
def over_iter():
    yield from iter([1, 2])

g = over_iter()
next(g)
try:
    g.send(5)
except AttributeError as e:
    print("AttributeError", e)

# gi_yieldfrom shows the delegate while suspended in it
def show():
    yield from sub_plain()

g = show()
print(g.gi_yieldfrom)
next(g)
print(type(g.gi_yieldfrom).__name__)
list(g)
print(g.gi_yieldfrom)

# recursion through yield from
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)

print(list(tree(3)))

# generator expressions
squares = (x * x for x in range(5))
print(type(squares).__name__, squares.__name__)
print(list(squares), list(squares))
print(sum(x for x in range(101)))
print(list(x + y for x in "ab" for y in "12"))
print(list(x for x in range(20) if x % 3 == 0 if x % 2 == 0))
print(sorted((y for y in [3, 1, 2]), reverse=True))
n = 10
ge = (i * n for i in range(3))
n = 100
print(list(ge))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
print(tuple(x for x in ()), set(c for c in "aab") == {"a", "b"})
print(dict((k, v) for k, v in zip("xy", (1, 2))))
nested = ((i, j) for i in range(2) for j in (i * 10 for _ in range(2)))
print(list(nested))
# the first iterable is evaluated at once, the rest lazily
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError", e)
lazy = (x for x in [1] for y in 5)
try:
    next(lazy)
except TypeError as e:
    print("lazy TypeError", e)
