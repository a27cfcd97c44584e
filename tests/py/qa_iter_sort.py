# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: sorting, min/max, mixed comparisons, chained comparisons, unpacking errors, iterators, zip/map/filter/enumerate
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
data = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'c'), (2, 'z'), (1, 'c')]
t(lambda: sorted(data, key=lambda p: p[0])); t(lambda: sorted(data, key=lambda p: p[0], reverse=True)); t(lambda: sorted(data, reverse=True))
t(lambda: sorted('bca')); t(lambda: sorted({3: 1, 1: 2})); t(lambda: sorted([3, 1], key=None)); t(lambda: sorted([1, 'a'])); t(lambda: sorted([[1], (1,)]))
t(lambda: sorted([1], lambda x: x)); t(lambda: sorted()); t(lambda: sorted([1], foo=1)); t(lambda: sorted([None, None])); t(lambda: sorted([{1}, {1, 2}, {0}]))
t(lambda: sorted([3, 1, 2], key=lambda x: -x)); t(lambda: sorted([1.5, 1, True, 0.5])); t(lambda: sorted(['b', 'B', 'a'], key=str.lower)); t(lambda: sorted([], key=1))
t(lambda: sorted([1, 2], key=1)); t(lambda: min([])); t(lambda: min([], default=5)); t(lambda: max(1, 2, default=3)); t(lambda: max(3, 1, key=lambda x: -x)); t(lambda: min('abc'))
t(lambda: max([1, 3, 3.0], key=int)); t(lambda: min([(1, 'a'), (1, 'b')])); t(lambda: max()); t(lambda: max(1)); t(lambda: min(1, 'a')); t(lambda: max([2, 1], [1, 5])); t(lambda: max(iter([]), default=None))
t(lambda: max([1, 2], key=lambda x: x, default=0)); t(lambda: min(x for x in [])); t(lambda: max(a=1))
for a, b in [(1, 'a'), ('a', 1), (None, 1), ([1], (1,)), ({1}, [1]), (1.0, 'x'), (object, 1), ((), []), ({}, {}), (len, len), (b'a', 'a'), (True, None)]:
    for op in ['<', '<=', '>', '>=']:
        t(lambda: eval('a %s b' % op))
class A: pass
class B:
    def __lt__(self, o): return 'lt'
t(lambda: A() < A()); t(lambda: B() < A()); t(lambda: A() > B()); t(lambda: A() == A()); t(lambda: A() <= B())
t(lambda: 1 < 2 < 3); t(lambda: 1 < 3 < 2); t(lambda: 1 == 1.0 == True); t(lambda: 1 < 2 > 0 != 5); t(lambda: 'a' < 'b' < 1); t(lambda: 3 > 2 < 'x')
t(lambda: 1 < 2 in [2]); t(lambda: 1 in [1] in [[1]]); t(lambda: None is None is not False)
def u(n):
    x = list(range(n))
    a, b = x
    return a, b
t(lambda: u(3)); t(lambda: u(1)); t(lambda: u(0)); t(lambda: u(2))
def u2():
    a, b, c = (1, 2); return a
t(u2)
def u3():
    a, b = 1; return a
t(u3)
def u4():
    a, *b, c = [1]; return a
t(u4)
def u5():
    a, *b, c = range(5); return a, b, c
t(u5)
def u6():
    a, b = None; return a
t(u6)
def u7():
    a, b = iter([1, 2, 3]); return a
t(u7)
def u8():
    (a, b), c = [1, 2], 3; return a, b, c
t(u8)
def u9():
    a, b = {'x': 1, 'y': 2}; return a, b
t(u9)
def u10():
    a, b = 'abc'
t(u10)
def u11():
    for a, b in [(1, 2), (3,)]: pass
t(u11)
def u12():
    *a, = 5
t(u12)
def u13():
    a, b, *c, d, e = [1, 2, 3]
t(u13)
def u14():
    [a, b] = 1.5
t(u14)
def u15():
    a, b = {1, 2, 3}
t(u15)
def u16():
    x = [1, 2]
    [a, b, c] = x
t(u16)
def g():
    yield 1; yield 2
it = g(); t(lambda: list(it)); t(lambda: list(it)); t(lambda: next(it)); t(lambda: next(it, 'd'))
it2 = iter([1, 2]); t(lambda: next(it2)); t(lambda: list(it2)); t(lambda: next(it2))
t(lambda: next([1])); t(lambda: iter(5)); t(lambda: next(iter(''), None)); t(lambda: iter(None)); z = zip([1, 2], 'ab'); t(lambda: list(z)); t(lambda: list(z))
m = map(str, [1, 2]); t(lambda: next(m)); t(lambda: list(m)); t(lambda: list(m))
t(lambda: list(zip())); t(lambda: list(zip([1, 2, 3], 'ab'))); t(lambda: list(zip([1], [2], strict=True))); t(lambda: list(zip([1, 2], [2], strict=True))); t(lambda: list(zip([1], [2, 3], strict=True)))
t(lambda: list(zip(1))); t(lambda: list(map(None, [1]))); t(lambda: list(map(lambda a, b: a + b, [1, 2, 3], [10, 20]))); t(lambda: list(map(len))); t(lambda: list(filter(None, [0, 1, '', 'a', None, [], [0]])))
t(lambda: list(filter(lambda x: x > 1, range(4)))); t(lambda: list(enumerate('ab', 5))); t(lambda: list(enumerate('ab', start=-1))); t(lambda: list(enumerate(5))); t(lambda: list(enumerate('a', 'b'))); t(lambda: list(enumerate('a', 2**70)))
t(lambda: list(reversed([1, 2]))); t(lambda: reversed(iter([]))); t(lambda: list(reversed('abc'))); t(lambda: list(reversed((1, 2)))); t(lambda: reversed({1}))
t(lambda: sum([1, 2], 10)); t(lambda: sum(['a'], '')); t(lambda: sum([[1], [2]], [])); t(lambda: sum([0.1] * 10)); t(lambda: sum([1, 2.5])); t(lambda: sum(x for x in range(5))); t(lambda: sum([], start=5))
t(lambda: any([])); t(lambda: all([])); t(lambda: any(x > 2 for x in [1, 3])); t(lambda: all([1, 0])); t(lambda: any(5)); t(lambda: abs(-5.5)); t(lambda: abs('a')); t(lambda: len(5)); t(lambda: len([1, 2]))
t(lambda: divmod(7, 2)); t(lambda: isinstance(1, (int, str))); t(lambda: isinstance(True, int)); t(lambda: issubclass(bool, int)); t(lambda: isinstance(1, 1)); t(lambda: callable(len)); t(lambda: hasattr(1, 'real'))
t(lambda: list(iter([1, 2, 3, 4]).__next__ for _ in range(0))); 
c = iter([1, 2, 3, 0, 5]); t(lambda: list(iter(lambda: next(c), 0)))
