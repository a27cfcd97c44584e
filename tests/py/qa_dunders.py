# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: dunder methods returning wrong types, NotImplemented, raising __eq__.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class S:
    def __str__(self): return 5
    def __repr__(self): return None
    def __len__(self): return -1
    def __bool__(self): return 'x'
    def __index__(self): return 1.5
    def __hash__(self): return 1.5
    def __int__(self): return 'a'
    def __float__(self): return 1
    def __contains__(self, x): return []
    def __iter__(self): return iter([1])
s = S()
t(lambda: str(s)); t(lambda: repr(s)); t(lambda: len(s)); t(lambda: bool(s)); t(lambda: [1][s]); t(lambda: hash(s)); t(lambda: int(s)); t(lambda: float(s)); t(lambda: 1 in s); t(lambda: print(s)); t(lambda: f'{s}'); t(lambda: '%s' % s)
class L2:
    def __len__(self): return 2**100
class L3:
    def __len__(self): return 'a'
class L4:
    def __len__(self): return True
t(lambda: len(L2())); t(lambda: len(L3())); t(lambda: len(L4())); t(lambda: bool(L2())); t(lambda: bool(L3()))
class F:
    def __float__(self): return 2**2000
class F2(float):
    def __float__(self): return 1.0
t(lambda: float(F())); t(lambda: float(F2(3.5))); t(lambda: round(F2(2.5)))
class I:
    def __int__(self): return 2**70
class I2:
    def __index__(self): return True
t(lambda: int(I())); t(lambda: [1, 2][I2()]); t(lambda: hex(I2())); t(lambda: range(I2()))
class NE:
    def __eq__(self, o): return 'yes'
    def __ne__(self, o): return 0
t(lambda: NE() == 1); t(lambda: NE() != 1); t(lambda: [NE()] == [1]); t(lambda: 1 in [NE()]); t(lambda: [NE()].index(5)); t(lambda: (NE(),) == (2,)); t(lambda: {1: NE()} == {1: 2})
class Cmp:
    def __lt__(self, o): return NotImplemented
    def __gt__(self, o): return NotImplemented
t(lambda: Cmp() < Cmp()); t(lambda: Cmp() < 1); t(lambda: sorted([Cmp(), Cmp()])); t(lambda: max(Cmp(), Cmp()))
class EqRaise:
    def __eq__(self, o): raise KeyError('eq')
    __hash__ = object.__hash__
t(lambda: [EqRaise()] == [EqRaise()]); t(lambda: EqRaise() in [1]); t(lambda: [1, 2].count(EqRaise()))
