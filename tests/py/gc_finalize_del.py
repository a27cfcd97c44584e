# __del__ runs when an instance becomes unreachable (minipy: at the next
# collection; gc.collect() right after the del makes it deterministic).
import gc
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = Noisy("a")
del a
gc.collect()
print("after a")

# Rebinding drops the old value.
b = Noisy("b1")
b = Noisy("b2")
gc.collect()
print("after rebinding, b is", b.name)

# Several dropped together: each finalized once, a container before what
# it holds.
x = Noisy("outer")
x.child = Noisy("child")
x.child.child = Noisy("grandchild")
del x
gc.collect()
print("after chain")

# A cycle is finalized too (PEP 442).
p = Noisy("p")
q = Noisy("q")
p.other = q
q.other = p
del p, q
print("collect:", type(gc.collect()).__name__)
print("after cycle")

# Instances in a list dropped in a loop.
for i in range(3):
    holder = [Noisy("item%d" % i)]
    del holder
    gc.collect()


# __del__ raising: reported on stderr ("Exception ignored in: ..."), the
# program goes on.
class Bad:
    def __del__(self):
        print("Bad.__del__ runs")
        raise ValueError("from __del__")


bad = Bad()
del bad
gc.collect()
print("still running")

# Resurrection: __del__ stores self somewhere; the object stays alive and
# its __del__ is not called again.
saved = []


class Phoenix:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("Phoenix.__del__", self.n)
        saved.append(self)


Phoenix(1)
gc.collect()
print("saved", [s.n for s in saved], gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print("no second __del__")


# __del__ inherited, overridden, added later.
class Base:
    def __del__(self):
        print("Base.__del__", type(self).__name__)


class Derived(Base):
    pass


class Override(Base):
    def __del__(self):
        print("Override.__del__")
        super().__del__()


d = Derived()
del d
gc.collect()
o = Override()
del o
gc.collect()


class Later:
    pass


late = Later()
Later.__del__ = lambda self: print("Later.__del__ added after creation")
del late
gc.collect()


# A subclass of a built-in type.
class MyList(list):
    def __del__(self):
        print("MyList.__del__", len(self))


ml = MyList([1, 2, 3])
del ml
gc.collect()


# __del__ sees the exception being handled where it runs, and does not
# disturb it.
class ShowExc:
    def __del__(self):
        print("in __del__: exc_info", sys.exc_info()[0].__name__ if sys.exc_info()[0] else None)


try:
    raise KeyError("k")
except KeyError:
    s = ShowExc()
    del s
    gc.collect()
    print("handled", sys.exc_info()[0].__name__)

# gc module basics.
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.garbage)
print(gc.collect(0) >= 0, gc.collect(generation=2) >= 0)
for args in [(3,), (-1,), ("x",), (1, 2)]:
    try:
        gc.collect(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    gc.enable(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    gc.set_threshold()
except TypeError as e:
    print(type(e).__name__, e)


# Finalizers still alive at exit run then, globals in their order.
g1 = Noisy("global 1")
g2 = Noisy("global 2")
print("end of program")
