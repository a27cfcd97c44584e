import collections.abc as cabc
from collections.abc import Iterable, Iterator, Sequence, Mapping, MutableMapping, Callable, Hashable, Sized, Container, Generator, Set, MutableSequence, MutableSet
import collections
vals = [[], (), {}, set(), frozenset(), 'ab', b'x', 3, 2.5, None, len, lambda: 0, iter([]), (x for x in []), range(3), {}.keys()]
for abc in (Iterable, Iterator, Sequence, Mapping, MutableMapping, Callable, Hashable, Sized, Container, Generator, Set, MutableSequence, MutableSet):
    print(abc.__name__, [isinstance(v, abc) for v in vals])
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(int, Iterable))
class MyMap(Mapping):
    def __init__(self, d): self._d = d
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
m = MyMap({'a': 1, 'b': 2})
print(m.get('a'), m.get('z', 9), 'a' in m, list(m.keys()), list(m.items()), list(m.values()), m == {'a': 1, 'b': 2}, dict(m))
class MyMut(MutableMapping):
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[k] = v
    def __delitem__(self, k): del self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
mm = MyMut()
mm.update({'x': 1}, y=2)
mm.setdefault('z', 3)
print(dict(mm), mm.pop('x'), mm.popitem(), len(mm))
class MySeq(Sequence):
    def __init__(self, *a): self._a = a
    def __getitem__(self, i): return self._a[i]
    def __len__(self): return len(self._a)
s = MySeq(1, 2, 3, 2)
print(list(s), 2 in s, s.index(3), s.count(2), list(reversed(s)), isinstance(s, Iterable))
class Bad(Mapping): pass
try: Bad()
except TypeError as e: print(e)
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), Iterator), isinstance(It(), Iterable), issubclass(It, Sized))
print(Iterable[int], Callable[[int], str], Mapping[str, int])
print(Sequence, cabc.Sized, collections.abc.Iterable is Iterable)
from collections import abc as abc2
print(abc2.Mapping is Mapping, abc2.__name__)
