# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: subclasses of int/str/list/dict/tuple/set
# in builtins (exact-type fast paths must not skip an overridden __iter__).
# (str * int-subclass and hash of tuple subclasses left out: known differences in str.c and class.c).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class MyInt(int): pass
class MyFloat(float): pass
class MyStr(str): pass
class MyList(list): pass
class MyDict(dict):
    def __missing__(self, k): return 'missing ' + str(k)
class MyTuple(tuple): pass
class MySet(set): pass
i = MyInt(3)
t(lambda: list(range(i))); t(lambda: range(MyInt(1), MyInt(10), MyInt(3))); t(lambda: list(enumerate('ab', MyInt(5)))); t(lambda: [0] * i); t(lambda: (0,) * i); t(lambda: [1, 2, 3, 4][i]); t(lambda: 'abcd'[i])
t(lambda: i + 1); t(lambda: type(i + 1)); t(lambda: i == 3); t(lambda: hash(i) == hash(3)); t(lambda: {3: 'x'}[i]); t(lambda: i in {3}); t(lambda: str(i)); t(lambda: f'{i:05d}'); t(lambda: '%d' % i); t(lambda: bin(i)); t(lambda: round(i)); t(lambda: divmod(i, 2))
t(lambda: [1, 2].pop(MyInt(0))); t(lambda: [1, 2].insert(MyInt(0), 9)); t(lambda: range(10)[MyInt(-1)]); t(lambda: range(10).index(MyInt(4))); t(lambda: MyInt(4) in range(10)); t(lambda: slice(MyInt(1)).indices(MyInt(5))); t(lambda: sum([MyInt(1), MyInt(2)]))
t(lambda: max(MyInt(1), 2)); t(lambda: sorted([MyInt(3), 1, MyFloat(2.5)])); t(lambda: int(MyFloat(2.5))); t(lambda: MyFloat(2.5) + 1); t(lambda: round(MyFloat(2.5))); t(lambda: float(MyInt(7))); t(lambda: abs(MyInt(-2))); t(lambda: -MyInt(2)); t(lambda: MyInt(2) ** 100)
t(lambda: [1, 2, 3][MyInt(0):MyInt(2)]); t(lambda: bool(MyInt(0))); t(lambda: MyInt('12', 8)); t(lambda: isinstance(MyInt(1), int)); t(lambda: chr(MyInt(65))); t(lambda: hex(MyInt(255))); t(lambda: MyInt(5) & 3); t(lambda: MyInt(5) << MyInt(2))
s = MyStr('hello')
t(lambda: s.upper()); t(lambda: type(s.upper())); t(lambda: s + '!'); t(lambda: s[1:]); t(lambda: {'hello': 1}[s]); t(lambda: s == 'hello'); t(lambda: ' '.join([s, s])); t(lambda: s.split('l')); t(lambda: f'{s:>7}'); t(lambda: '%s' % s); t(lambda: len(s)); t(lambda: int(MyStr('12')))
L = MyList([3, 1, 2])
t(lambda: L); t(lambda: L + [1]); t(lambda: type(L + [1])); t(lambda: L[1:]); t(lambda: type(L[1:])); t(lambda: sorted(L)); t(lambda: L == [3, 1, 2]); t(lambda: len(L)); L.append(5); t(lambda: L); t(lambda: list(reversed(L))); t(lambda: L * 2); t(lambda: [*L])
d = MyDict(a=1)
t(lambda: d['a']); t(lambda: d['zz']); t(lambda: d.get('zz')); t(lambda: 'zz' in d); t(lambda: d); t(lambda: dict(d)); t(lambda: {**d}); t(lambda: d | {'b': 2}); t(lambda: type(d | {'b': 2})); t(lambda: d.copy()); t(lambda: type(d.copy()))
tp = MyTuple((1, 2))
t(lambda: tp); t(lambda: tp + (3,)); t(lambda: type(tp + (3,))); t(lambda: tp[0]); a, b = tp; t(lambda: (a, b)); t(lambda: tp == (1, 2)); t(lambda: tp[::-1])
ms = MySet([1, 2])
t(lambda: ms); t(lambda: ms | {3}); t(lambda: type(ms | {3})); t(lambda: ms == {1, 2}); t(lambda: 1 in ms); t(lambda: sorted(ms))
class LenList(list):
    def __len__(self): return 42
    def __getitem__(self, i): return 'item%s' % (i,)
    def __iter__(self): return iter(['it'])
    def __contains__(self, x): return True
ll = LenList([1, 2])
t(lambda: len(ll)); t(lambda: ll[0]); t(lambda: list(ll)); t(lambda: 99 in ll); t(lambda: [*ll]); t(lambda: sorted(ll)); t(lambda: ll == [1, 2]); t(lambda: repr(ll)); t(lambda: sum(1 for _ in ll)); t(lambda: ', '.join(ll)); t(lambda: tuple(ll)); t(lambda: bool(LenList()))
a, = ll; t(lambda: a); t(lambda: max(ll)); t(lambda: dict.fromkeys(ll)); t(lambda: set(ll)); t(lambda: list(zip(ll, ll))); t(lambda: list(enumerate(ll))); t(lambda: [x for x in ll])
class D2(dict):
    def __getitem__(self, k): return 'gi'
    def keys(self): return ['a', 'b']
d2 = D2(a=1)
t(lambda: d2['a']); t(lambda: dict(d2)); t(lambda: {**d2}); t(lambda: dict({}, **d2)); t(lambda: d2.get('a')); t(lambda: (lambda **k: k)(**d2)); t(lambda: '%(a)s' % d2); t(lambda: '{a}'.format_map(d2)); t(lambda: {}.update(d2))
class Mp:
    def keys(self): return ['x', 'y']
    def __getitem__(self, k): return k * 2
t(lambda: dict(Mp())); t(lambda: {**Mp()}); t(lambda: (lambda **k: k)(**Mp())); x = {}; x.update(Mp()); t(lambda: x); t(lambda: {} | Mp())
