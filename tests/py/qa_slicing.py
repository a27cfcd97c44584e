# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: slicing with every step: read, assign, delete on list/tuple/str/range
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
vals = [None, 0, 1, 2, -1, -2, 5, -7, 100]
steps = [None, 1, 2, 3, -1, -2, -3]
for seq in [list(range(6)), tuple(range(6)), 'abcdef', range(6), range(1, 12, 2)]:
    out = []
    for a in vals:
        for b in vals:
            for c in steps:
                r = seq[a:b:c]
                out.append(list(r) if isinstance(r, range) else r)
    print(type(seq).__name__, hash(str(out)) if False else len(out), out[::37])
    print(out == [list(range(6))[a:b:c] if not isinstance(seq, str) else None for a in vals for b in vals for c in steps] or type(seq).__name__)
t(lambda: [1, 2][::0]); t(lambda: 'ab'[::0]); t(lambda: range(3)[::0]); t(lambda: [1][1.5:]); t(lambda: [1]['a':]); t(lambda: 'abc'[None:None:None])
t(lambda: [1, 2, 3][slice(1, None)]); t(lambda: slice(1, 2, 3)); t(lambda: slice(1, 2).indices(10)); t(lambda: slice(None, None, -1).indices(5)); t(lambda: slice(1, 2, 0).indices(3)); t(lambda: slice(3))
t(lambda: slice(1) == slice(1)); t(lambda: hash(slice(1))); t(lambda: slice(1, 2, 3).step); t(lambda: slice(1, 2) < slice(1, 3))
import itertools
for a in [None, 0, 1, -1, 3, 10]:
    for b in [None, 0, 2, -1, 10]:
        for c in [None, 1, 2, -1, -2]:
            for rhs in [[], ['x'], ['x', 'y'], ['p', 'q', 'r']]:
                L = list(range(6))
                try:
                    L[a:b:c] = rhs
                    print(a, b, c, len(rhs), L)
                except Exception as e:
                    print(a, b, c, len(rhs), type(e).__name__, e)
            L = list(range(6))
            try:
                del L[a:b:c]
                print('del', a, b, c, L)
            except Exception as e:
                print('del', a, b, c, type(e).__name__, e)
L = [1, 2, 3]; L[1:1] = 'ab'; t(lambda: L); L[:] = L; t(lambda: L); L[::2] = L[::2][::-1]; t(lambda: L)
def f1(): L[0:1] = 5
t(f1)
def f2(): L[::2] = iter([1, 2, 3])
t(f2)
def f3():
    x = (1, 2); x[0:1] = [3]
t(f3)
def f4():
    x = 'ab'; del x[0]
t(f4)
def f5():
    x = range(3); x[0] = 1
t(f5)
def f6():
    x = [1]; x[5] = 2
t(f6)
def f7():
    x = [1]; del x[5]
t(f7)
def f8():
    x = (1,); x[0] = 1
t(f8)
t(lambda: (1, 2)[5]); t(lambda: 'a'[-2]); t(lambda: [1]['a']); t(lambda: (1,)[1.0]); t(lambda: range(3)['a']); t(lambda: {}[[]])
# int subclass instances as slice bounds and index() bounds (were read as huge)
class MyInt(int): pass
print([1, 2, 3, 4][MyInt(1):], [1, 2, 3, 4][:MyInt(-1)], "abcd"[MyInt(2)::MyInt(-1)], [1, 2, 3, 1].index(1, MyInt(1)), range(10)[MyInt(3):])
print((1, 2, 3)[MyInt(1):MyInt(2)], range(10)[MyInt(2)], [0, 1][MyInt(1)], [1, 2, 3][True:])
# ints beyond 64 bits as counts and indexes
for f in [lambda: [1] * 2**100, lambda: (1,) * 2**100, lambda: 2**100 * [1], lambda: [1][2**100], lambda: [1].pop(2**100),
          lambda: [1].insert(2**100, 0), lambda: range(5)[2**100], lambda: [1, 2][:2**100], lambda: [1].index(1, 2**100),
          lambda: [1, 2, 1].index(1, -2**100, 2**100), lambda: (1, 2).index(2, 0, 2**100), lambda: [1, 2][-2**100:]]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
