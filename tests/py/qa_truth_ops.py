# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: print sep/end/file, truthiness, in/not in, bool/None/int mixing, augmented assignment
import sys
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(1, 2, 3, sep='-', end='!\n'); print(sep=''); print(); print('a', 'b', sep=None, end=None); print('x', file=sys.stdout); print('y', file=None)
print(1, 2, sep='', end=''); print(); print('err', file=sys.stderr); t(lambda: print(1, sep=5)); t(lambda: print(1, end=5)); t(lambda: print(1, file=5)); t(lambda: print(1, flush=True)); t(lambda: print(1, foo=1))
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W(); print('a', 1, [2], sep=', ', end='.', file=w); print(w.parts)
t(lambda: sys.stdout.write('direct\n')); t(lambda: sys.stdout.write(5))
for v in [0, 1, -1, 0.0, 1e-300, '', ' ', [], [0], (), ((),), {}, {0: 0}, set(), {0}, frozenset(), None, True, False, range(0), range(1), b'', b'\x00', 2**100, -0.0, float('nan'), object(), len, type]:
    print(type(v).__name__, bool(v), not v)
class T1:
    def __bool__(self): return False
class T2:
    def __len__(self): return 0
class T3:
    def __len__(self): return 5
class T4:
    def __bool__(self): return 1
class T5:
    def __len__(self): return -1
class T6:
    def __bool__(self): raise KeyError('b')
t(lambda: bool(T1())); t(lambda: bool(T2())); t(lambda: bool(T3())); t(lambda: bool(T4())); t(lambda: bool(T5())); t(lambda: bool(T6())); t(lambda: not T1()); t(lambda: 1 if T2() else 2)
t(lambda: T1() or 'x'); t(lambda: T3() and 'y'); t(lambda: 0 or None); t(lambda: 1 and 0); t(lambda: [] or [] or 5)
for c, item in [([1, 2], 1), ((1, 2), 3), ('abc', 'bc'), ('abc', ''), ('abc', 1), ({1: 2}, 1), ({1: 2}, 2), ({1}, 1), ({1}, [1]), ({}, []), (range(5), 4), (range(5), 4.0), (b'abc', 98), (b'abc', b'bc'), (b'abc', 'a'), (5, 1), (None, 1), ({1: 2}.values(), 2), ({1: 2}.items(), (1, 2)), (iter([1, 2, 3]), 2), (frozenset([1]), 1.0), ([[1]], [1]), ([True], 1)]:
    t(lambda: (item in c, item not in c))
class Cn:
    def __contains__(self, x): return x == 'yes'
class It:
    def __iter__(self): return iter([1, 2])
class Gi:
    def __getitem__(self, i):
        if i > 3: raise IndexError
        return i * 10
t(lambda: ('yes' in Cn(), 'no' in Cn(), 2 in It(), 20 in Gi(), 50 in Gi()))
t(lambda: True + 1); t(lambda: True == 1); t(lambda: True is 1); t(lambda: None == 0); t(lambda: None == False); t(lambda: {True: 'a', 1: 'b', 1.0: 'c'}); t(lambda: {0, False, 0.0}); t(lambda: [1, True, 1.0].count(True))
t(lambda: True / 2); t(lambda: True // False); t(lambda: 3 * False); t(lambda: 'ab' * True); t(lambda: [1] * True); t(lambda: True ** 2); t(lambda: divmod(True, 2)); t(lambda: hash(True) == hash(1)); t(lambda: str(True + False))
t(lambda: True < 2); t(lambda: False < True); t(lambda: max(True, 0.5)); t(lambda: sum([True, True, False])); t(lambda: repr(True & 1)); t(lambda: repr(True & True)); t(lambda: repr(True | False)); t(lambda: repr(~False)); t(lambda: int(True) is 1)
t(lambda: None + None); t(lambda: -None); t(lambda: None()); t(lambda: None[0]); t(lambda: len(None)); t(lambda: iter(None)); t(lambda: None < 1); t(lambda: abs(None)); t(lambda: hash(None) == hash(None)); t(lambda: ~None)
t(lambda: ~1.5); t(lambda: -'a'); t(lambda: +[]); t(lambda: 1 @ 2); t(lambda: [] - []); t(lambda: {} + {}); t(lambda: (1,) + 1); t(lambda: 'a' - 'b'); t(lambda: 5 << 1.0); t(lambda: 5.0 & 1); t(lambda: 'a' % 1.0)
def aug():
    out = []
    L = [1]; L2 = L; L += [2]; out.append((L, L is L2))
    T = (1,); T2 = T; T += (2,); out.append((T, T is T2))
    S = {1}; S2 = S; S |= {2}; S -= {1}; S ^= {5}; S &= {2, 5}; out.append((sorted(S), S is S2))
    D = {1: 1}; D2 = D; D |= {2: 2}; out.append((D, D is D2))
    s = 'a'; s += 'b'; s *= 3; out.append(s)
    b = b'a'; b += b'b'; out.append(b)
    n = 5; n += 1; n -= 2; n *= 3; n //= 5; n **= 3; n %= 7; n <<= 4; n >>= 1; n |= 3; n &= 0x1f; n ^= 6; out.append(n)
    f = 1.5; f /= 2; f **= 2; f -= 1; out.append(f)
    L3 = [1, 2]; L3 *= 2; out.append(L3)
    x = [0, [1]]; x[1] += [2]; x[0] += 5; out.append(x)
    d = {'k': 1}; d['k'] += 1; d.setdefault('j', []).append(1); out.append(d)
    class O: pass
    o = O(); o.a = 1; o.a += 2; out.append(o.a)
    return out
t(aug)
def aug_err():
    t = (1, [2]); t[1] += [3]
t(aug_err)
def aug_err2():
    L = [1]; L += 1
t(aug_err2)
def aug_err3():
    s = 'a'; s += 1
t(aug_err3)
def aug_err4():
    S = {1}; S |= [1]
t(aug_err4)
def aug_err5():
    d = {}; d['x'] += 1
t(aug_err5)
def aug_err6():
    L = [1]; L -= [1]
t(aug_err6)
def aug_err7():
    x = None; x += 1
t(aug_err7)
def aug_err8():
    D = {}; D |= 1
t(aug_err8)
def aug_err9():
    T = (1,); T *= 'a'
t(aug_err9)
