# Generators: iteration, send, return values, exhaustion, attributes.

def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

print(list(count(5)))
print(sum(count(10)))
for x in count(3):
    print("for", x)

g = count(2)
print(iter(g) is g)
print(type(g).__name__, g.__name__, g.__qualname__)
print(repr(g).startswith("<generator object count at 0x"))
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args, e.value)
try:
    next(g)
except StopIteration as e:
    print("still exhausted", e.args)
print(list(g))

# return value travels in StopIteration.value
def ret(v):
    yield 1
    return v

r = ret(42)
next(r)
try:
    next(r)
except StopIteration as e:
    print("value", e.value, e.args)
r = ret((1, 2))
next(r)
try:
    r.send(None)
except StopIteration as e:
    print("tuple value", e.value, e.args)
r = ret(None)
next(r)
try:
    next(r)
except StopIteration as e:
    print("none value", e.value, e.args)

# send
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received

e = echo()
print(e.send(None))
print(e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("received", s.value)

e = echo()
try:
    e.send(1)
except TypeError as ex:
    print(type(ex).__name__, ex)
print(next(e))

# the generator keeps its locals, arguments and closures between steps
def make_counter(step):
    total = 0
    def gen(n):
        nonlocal total
        for i in range(n):
            total += step
            yield total
    return gen

c = make_counter(3)
print(list(c(4)))
print(list(c(2)))

# default and keyword arguments
def kw(a, b=10, *args, c, **kw):
    yield a
    yield b
    yield args
    yield c
    yield sorted(kw.items())

print(list(kw(1, c=3)))
print(list(kw(1, 2, 3, 4, c=5, d=6, e=7)))
try:
    kw()
except TypeError as ex:
    print(type(ex).__name__, ex)

# generators are lazy: nothing runs before the first next()
def noisy():
    print("started")
    yield 1
    print("resumed")

n = noisy()
print("created")
print(next(n))
print(next(n, "end"))

# gi_running / gi_frame / gi_code
def inspect_me():
    yield gen_ref.gi_running

gen_ref = inspect_me()
print(gen_ref.gi_running, gen_ref.gi_code.co_name)
print(next(gen_ref))
print(gen_ref.gi_frame is not None)
print(list(gen_ref), gen_ref.gi_frame)

# a running generator cannot be resumed from inside itself
def reenter():
    yield next(self_gen)

self_gen = reenter()
try:
    next(self_gen)
except ValueError as ex:
    print(type(ex).__name__, ex)

# method generators, recursion
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def walk(self):
        yield self.value
        for c in self.children:
            for v in c.walk():
                yield v

t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t.walk()))

# infinite generator with early stop
def naturals():
    n = 0
    while True:
        yield n
        n += 1

out = []
for v in naturals():
    if v > 5:
        break
    out.append(v)
print(out)

# zip/map/enumerate over generators
print(list(zip(count(3), naturals())))
print(list(enumerate(count(3), 1)))
print(dict(zip("abc", count(3))))
print(max(count(7)), min(count(7)), sorted(count(4), reverse=True))
a, b, c = count(3)
print(a, b, c)
first, *rest = count(4)
print(first, rest)
print(3 in count(5), 9 in count(5))
