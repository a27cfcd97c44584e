# Subclasses of the built-in containers and their dunder methods (needs the
# slot wrappers of runtime/class.c on the built-in types).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# list subclass
class L(list):
    pass
l = L([3, 1])
l.extra = 5
l.append(2)
print(l, type(l).__name__, len(l), l.extra, l + [1], type(l + [1]).__name__, sorted(l), isinstance(l, list))
# dict subclasses
class D(dict):
    def __missing__(self, key):
        return key * 2
dd = D(a=1)
print(dd['a'], dd[21], dd, type(dd).__name__, 'x' in dd, len(dd))
class Counter(dict):
    pass
c = Counter()
c['q'] = 1
print(c, c.get('q'), isinstance(c, dict))
# dict.fromkeys (a classmethod)
t(lambda: dict.fromkeys('ab'))
t(lambda: dict.fromkeys([1, 2], 0))
t(lambda: D.fromkeys([1]))
# set subclasses
class S(set):
    pass
ss = S([1, 2])
print(ss, type(ss | {3}).__name__, S(), frozenset.__name__)
class F(frozenset):
    pass
print(F([1]), F())
# tuple subclass
class P(tuple):
    pass
p = P([1, 2])
p.tag = 'x'
print(p, type(p).__name__, p.tag, p + (3,), len(p), isinstance(p, tuple))
print(list.__len__([1, 2]), dict.__getitem__({1: 2}, 1), [1, 2].__contains__(2), set.__len__({1}))
it = iter([1, 2])
print(it.__next__(), next(it), it.__length_hint__())
t(lambda: it.__next__())
class Stack(list):
    def push(self, v):
        self.append(v)
    def __repr__(self):
        return 'Stack(' + super().__repr__() + ')'
st = Stack()
st.push(1); st.push(2)
print(st, st.pop(), len(st), st == [1])
