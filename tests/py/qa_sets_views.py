# QA probe (issue "Breadth"): set/frozenset/dict-view operations, result types and errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
fs = frozenset([1, 2]); s = {2, 3}
t(lambda: fs | s); t(lambda: s | fs); t(lambda: fs & s); t(lambda: s - fs); t(lambda: fs ^ s); t(lambda: fs.union(s)); t(lambda: s.union(fs)); t(lambda: fs.copy() is fs); t(lambda: type(fs.copy()))
t(lambda: s.update([4], (5,), {6: 0})); t(lambda: s); t(lambda: s.difference_update([4], [5])); t(lambda: s); t(lambda: s.intersection_update({2, 3, 6}, [2, 6])); t(lambda: s); t(lambda: s.symmetric_difference_update([2, 9])); t(lambda: s)
t(lambda: s | 1); t(lambda: s & [1]); t(lambda: s < 1); t(lambda: s.issubset(1)); t(lambda: s.union(1)); t(lambda: {[]}); t(lambda: s.add([])); t(lambda: [] in s); t(lambda: s.remove([])); t(lambda: s.discard({}))
t(lambda: {1} in {frozenset([1])}); t(lambda: set([1]) in [frozenset([1])]); t(lambda: s.isdisjoint(5)); t(lambda: frozenset([1, 2]) == {2, 1}); t(lambda: hash(frozenset([1, 2])) == hash(frozenset([2, 1]))); t(lambda: hash(frozenset([1, 2])))
t(lambda: {1, 2} > {1}); t(lambda: {1, 2} >= {1, 2}); t(lambda: {1} == [1]); t(lambda: {1} != {1.0}); t(lambda: set() == frozenset()); t(lambda: len(set('mississippi'))); t(lambda: sorted(set('mississippi')))
t(lambda: set.union()); t(lambda: set.union({1}, {2})); t(lambda: frozenset.union(fs, [3])); t(lambda: set().pop()); t(lambda: frozenset().__class__); t(lambda: repr(frozenset({1: 2})))
d = {1: 'a', 2: 'b'}
t(lambda: d.keys() - [1]); t(lambda: d.keys() | [3]); t(lambda: [3] | d.keys()); t(lambda: d.items() - {(1, 'a')}); t(lambda: d.keys() == {1, 2}); t(lambda: d.keys() < {1, 2, 3}); t(lambda: d.values() == ['a', 'b'])
t(lambda: d.keys().isdisjoint([5])); t(lambda: len(d.items())); t(lambda: (2, 'b') in d.items()); t(lambda: (2, []) in d.items()); t(lambda: [] in d.keys()); t(lambda: d.keys() & 5); t(lambda: d.keys().mapping if hasattr(d.keys(), 'mapping') else None)
t(lambda: dict(d.items())); t(lambda: {v: k for k, v in d.items()}); t(lambda: d.get([])); t(lambda: d.pop([], 0)); t(lambda: [] in d); t(lambda: d.setdefault([])); t(lambda: d.fromkeys([[]]))
t(lambda: dict.fromkeys('abc', 0) == {'a': 0, 'b': 0, 'c': 0}); t(lambda: {1: 1, True: 2}); t(lambda: {1.0: 'x', 1: 'y'}); t(lambda: {0: 0, -0.0: 1, False: 2}); t(lambda: {(1, 2): 1}[(1, 2)]); t(lambda: {frozenset(): 1}[frozenset()])
d2 = {'b': 1, 'a': 2}; d2['c'] = 3; del d2['b']; d2['b'] = 4
t(lambda: list(d2)); t(lambda: d2 == {'a': 2, 'c': 3, 'b': 4}); t(lambda: list(d2.items()) == list({'a': 2, 'c': 3, 'b': 4}.items())); t(lambda: d2.popitem()); t(lambda: next(iter(d2)))
t(lambda: {**d2, 'a': 0}); t(lambda: dict(d2, a=0, z=9)); t(lambda: d2 | {'a': 0}); t(lambda: {'a': 0} | d2); t(lambda: sorted(d2, key=d2.get)); t(lambda: min(d2.items(), key=lambda kv: kv[1])); t(lambda: max(d2.values()))
