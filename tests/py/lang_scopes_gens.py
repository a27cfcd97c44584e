# minipy vs CPython 3.11: globals, nonlocals, unbound names, generator close/throw/return and
# iterator exhaustion.  Not covered: CPython runs the finally block of an unfinished
# generator as soon as it is dropped (`del g`); minipy never runs it (no finaliser
# resumes generators), so that case is left out.
x = "global"
def f():
    global x
    x = "changed"
    def g():
        global y
        y = "new global"
    g()
f()
print(x, y)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c(); print(c(), c.__closure__[0].cell_contents)
def outer():
    v = 1
    def mid():
        def inner():
            nonlocal v
            v += 10
        inner()
        return v
    return mid()
print(outer())
def unb():
    print(z)
    z = 1
try:
    unb()
except UnboundLocalError as e:
    print("ULE", e)
def freev():
    def inner(): return w
    try:
        inner()
    except NameError as e:
        print("NE", e)
    w = 1
freev()
def delete_then_use():
    q = 1
    del q
    try:
        q
    except UnboundLocalError as e:
        print("ULE", e)
delete_then_use()
class Scope:
    a = 1
    b = [a for _ in range(1)] if False else None
    def m(self):
        try:
            return a
        except NameError as e:
            return "NE " + str(e)
print(Scope().m())
exec("glob_from_exec = 5")
print(glob_from_exec)

# generator finalisation
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
g = gen()
print(next(g))
g.close()
print("closed")
def gen2():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
g = gen2(); next(g); g.close()
def gen3():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = gen3(); next(g)
try:
    g.close()
except RuntimeError as e:
    print("RE", e)
def gen4():
    yield 1
    return "ret"
g = gen4()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("SI", e.value)
try:
    next(g)
except StopIteration as e:
    print("SI again", e.value)
print(list(g))
g = gen4()
print(g.send(None))
try:
    g.throw(ValueError("thrown"))
except ValueError as e:
    print("VE", e)
def gen5():
    raise StopIteration("inside")
    yield
try:
    next(gen5())
except RuntimeError as e:
    print("RE", e, type(e.__cause__).__name__)

it = iter([1, 2])
print(next(it), next(it), next(it, "dflt"))
try:
    next(it)
except StopIteration as e:
    print("SI", repr(e))
m = map(str, [1])
print(list(m), list(m))
z = zip([1, 2], "ab")
print(list(z), list(z))
e = enumerate("ab")
print(next(e), list(e), list(e))
r = reversed([1, 2])
print(list(r), list(r))
d = {1: 2}
di = iter(d)
d[3] = 4
try:
    next(di)
except RuntimeError as e:
    print("RE", e)
try:
    next([1])
except TypeError as e:
    print("TE", e)
