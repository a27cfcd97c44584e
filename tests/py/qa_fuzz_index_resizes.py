# An index, slice bound or value whose __index__ resizes the container
# being indexed: the length must be read after the conversion.
import collections


class Clear:
    def __init__(self, seq, val):
        self.seq, self.val = seq, val

    def __index__(self):
        self.seq.clear()
        return self.val


class Grow:
    """Reallocates a bytearray's buffer, then empties it."""
    def __init__(self, seq, val):
        self.seq, self.val = seq, val

    def __index__(self):
        self.seq.extend(b"y" * 5000)
        self.seq.clear()
        return self.val


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


# list subscripts
l = [1, 2, 3]
attempt("getitem", lambda: l[Clear(l, 2)])
l = [1, 2, 3]
def setit():
    l[Clear(l, 2)] = 5
    return l
attempt("setitem", setit)
l = [1, 2, 3]
def delit():
    del l[Clear(l, 1)]
    return l
attempt("delitem", delit)
l = [1, 2, 3, 4, 5]
attempt("getslice", lambda: l[Clear(l, 1):4])
l = [1, 2, 3, 4, 5]
attempt("getslice step", lambda: l[0:5:Clear(l, 2)])
l = [1, 2, 3]
def setslice():
    l[Clear(l, 1):3] = [5]
    return l
attempt("setslice", setslice)
l = [1, 2, 3, 4, 5]
def delslice():
    del l[0:5:Clear(l, 1)]
    return l
attempt("delslice", delslice)
l = [1, 2, 3, 4, 5]
def delslice2():
    del l[0:5:Clear(l, 2)]
    return l
attempt("delslice step", delslice2)
# the assigned iterable empties the list while it is converted
l = [1, 2, 3]
def setslice_gen():
    l[0:2] = (l.clear() or 7 for _ in range(1))
    return l
attempt("setslice gen", setslice_gen)
l = [1, 2, 3, 4]
def setslice_gen2():
    l[1:] = (l.clear() or 7 for _ in range(2))
    return l
attempt("setslice gen 2", setslice_gen2)
# (an extended slice whose iterable empties the list crashes CPython 3.11)
l = [1, 2, 3]
attempt("pop", lambda: (l.pop(Clear(l, 1)), l))
l = [1, 2, 3]
attempt("insert", lambda: (l.insert(Clear(l, 2), 9), l))
l = [1, 2, 3]
attempt("index", lambda: l.index(3, 0, Clear(l, 3)))

# bytearray (find/count/startswith/endswith with such bounds read freed
# memory in CPython 3.11, so only minipy's not crashing is checked there)
b = bytearray(b"abcdef" * 100)
attempt("ba getitem", lambda: b[Grow(b, 3)])
b = bytearray(b"abcdef" * 100)
attempt("ba getslice", lambda: b[Grow(b, 1):5])
b = bytearray(b"abcdef" * 100)
attempt("ba getslice step", lambda: b[0:5:Grow(b, 1)])
b = bytearray(b"abcdef" * 100)
def basetitem():
    b[Grow(b, 1)] = 65
    return b
attempt("ba setitem key", basetitem)
b = bytearray(b"abcdef" * 100)
def basetitem2():
    b[1] = Grow(b, 65)
    return b
attempt("ba setitem value", basetitem2)
b = bytearray(b"abcdef" * 100)
attempt("ba replace", lambda: b.replace(b"a", b"b", Grow(b, 2)))
b = bytearray(b"abcdef" * 100)
attempt("ba repeat", lambda: b * Grow(b, 3))
b = bytearray(b"abcdef" * 100)
attempt("ba rrepeat", lambda: Grow(b, 3) * b)
attempt("empty repr", lambda: (bytearray(b"abc")[1:1], bytearray(b"x") * 0, bytearray() * 3))

# deque
d = collections.deque([1, 2, 3])
attempt("deque getitem", lambda: d[Clear(d, 2)])
d = collections.deque([1, 2, 3])
def dset():
    d[Clear(d, 1)] = 5
    return d
attempt("deque setitem", dset)
d = collections.deque([1, 2, 3])
def ddel():
    del d[Clear(d, 0)]
    return d
attempt("deque delitem", ddel)

for name, args in (("find", (b"c",)), ("count", (b"c", 0)), ("startswith", (b"ab", 0)), ("endswith", (b"",))):
    b = bytearray(b"abcdef" * 100)
    try:
        getattr(b, name)(*args, Grow(b, 1))
    except Exception:
        pass
print("done")
