# Abandoned generators are closed: their finally blocks and with exits run.
# (CPython closes at the last reference, minipy at the next collection:
# gc.collect() after dropping one makes both print the same.)
import gc


def counted(tag):
    try:
        yield 1
        yield 2
    finally:
        print("finally", tag)


for i in range(3):
    g = counted(i)
    print("got", next(g))
    del g
    gc.collect()
    print("after", i)

# A generator dropped by a loop that breaks out of it.
for x in counted("loop"):
    print("loop item", x)
    break
gc.collect()
print("after loop")


class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return False


def with_gen():
    with CM("a"):
        with CM("b"):
            yield "inside"
    print("not reached")


g = with_gen()
print(next(g))
g = None
gc.collect()
print("dropped with_gen")


# Nothing happens for generators that never started or already finished.
def simple():
    try:
        yield 1
    finally:
        print("simple finally")


g = simple()
del g
g = simple()
print(list(g))
del g
gc.collect()
print("created/finished: nothing more")


# The finally block sees GeneratorExit.
def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        raise


g = catcher()
next(g)
del g
gc.collect()


# yield from: the delegate is closed first, then the outer generator.
def inner():
    try:
        yield "inner"
    finally:
        print("inner finally")


def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")


g = outer()
print(next(g))
del g
gc.collect()


# A delegate still referenced elsewhere is closed with its delegator.
shared = inner()


def delegating():
    yield from shared


g = delegating()
print(next(g))
del g
gc.collect()
print("shared suspended:", shared.gi_suspended)


# A finally that raises: reported on stderr, not propagated.
def bad():
    try:
        yield 1
    finally:
        raise KeyError("from finally")


g = bad()
next(g)
del g
gc.collect()
print("still running")


# A generator that ignores GeneratorExit: RuntimeError reported, ignored.
def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring")


g = stubborn()
next(g)
del g
gc.collect()
print("still running 2")


# Many generators dropped in a loop, each closed.
closed = []


def tracked(n):
    try:
        yield n
    finally:
        closed.append(n)


for n in range(50):
    g = tracked(n)
    next(g)
    del g
    gc.collect()
print(len(closed), closed[:5], closed[-1])


# A suspended generator still referenced at the end of the program is
# closed at exit.
def at_exit():
    try:
        yield 1
    finally:
        print("closed at exit")


kept = at_exit()
next(kept)
print("end of program")
