# Generators: throw(), close(), try/finally, GeneratorExit, PEP 479.

def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", repr(e))
        yield "recovered"
    finally:
        print("finally runs")

g = guarded()
print(next(g))
print(g.throw(ValueError("boom")))
try:
    next(g)
except StopIteration:
    print("done")

# throw forms: class, class + value, class + tuple, instance
for args in [(ValueError,), (ValueError, 5), (ValueError, (1, 2)), (ValueError("x"),), (ValueError, None)]:
    g = guarded()
    next(g)
    print(g.throw(*args))
    g.close()

# an uncaught thrown exception propagates and finishes the generator
g = guarded()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
print(list(g))

# throw into a just-started or finished generator
g = guarded()
try:
    g.throw(IndexError)
except IndexError as e:
    print("unstarted", type(e).__name__)
print(list(g))
try:
    g.throw(IndexError("after"))
except IndexError as e:
    print("finished", e)

# argument errors
g = guarded()
for call in [lambda: g.throw(), lambda: g.throw(1), lambda: g.throw(ValueError(), 5),
             lambda: g.throw(ValueError, 5, 5), lambda: g.throw(ValueError, 1, None, 3),
             lambda: g.send(), lambda: g.send(1, 2), lambda: g.close(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

# close(): GeneratorExit at the yield, finally blocks run
def closing():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("cleanup")

g = closing()
next(g)
print(g.close())
print(g.close())
print(list(g))
g = closing()
print(g.close(), "closed before start: no output")

def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring")
    yield 2

g = ignore_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)
print("left suspended:", list(g))

def return_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return 5

g = return_on_exit()
next(g)
print("close returns", g.close())

def raise_other_on_exit():
    try:
        yield 1
    except GeneratorExit:
        raise KeyError("other")

g = raise_other_on_exit()
next(g)
try:
    g.close()
except KeyError as e:
    print("close raised", repr(e))

# PEP 479: StopIteration inside a generator becomes RuntimeError
def leaks_stop():
    yield 1
    raise StopIteration("inner")

g = leaks_stop()
next(g)
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__), e.__suppress_context__)

def next_on_empty():
    yield next(iter([]))

try:
    list(next_on_empty())
except RuntimeError as e:
    print("RuntimeError", e)

g = guarded()
next(g)
try:
    g.throw(StopIteration)
except RuntimeError as e:
    print("thrown StopIteration ->", e)

# try/finally with return inside the generator
def fin():
    try:
        yield "a"
        return "r"
    finally:
        print("fin")

g = fin()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)

# exceptions raised by the generator body propagate to the caller of next()
def bad():
    yield 1
    1 / 0

try:
    for x in bad():
        print("got", x)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

# the handled exception inside a suspended except block is the generator's own
import sys
def handler():
    try:
        raise ValueError("inside")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

g = handler()
print(next(g))
try:
    raise KeyError("outside")
except KeyError:
    print(next(g), sys.exc_info()[0].__name__)
print(next(g), sys.exc_info()[0])

# raise inside generator chains to the generator's handled exception
def chain():
    try:
        raise KeyError("first")
    except KeyError:
        yield 1
        raise ValueError("second")

g = chain()
next(g)
try:
    next(g)
except ValueError as e:
    print(repr(e), "context:", repr(e.__context__))

# bare raise inside a generator re-raises its own exception
def reraiser():
    try:
        raise TypeError("mine")
    except TypeError:
        yield "suspended"
        raise

g = reraiser()
next(g)
try:
    next(g)
except TypeError as e:
    print("reraised", e)
