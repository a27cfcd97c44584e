# In-place operator dunders callable as methods, and bytes/bytearray
# index/rindex/rfind and the bytearray list-like methods.
import collections


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for name in ('__iand__', '__ior__', '__isub__', '__ixor__'):
    print('set', name, hasattr(set, name), hasattr(frozenset, name))
for name in ('__iadd__', '__imul__'):
    print('list', name, hasattr(list, name))
    print('deque', name, hasattr(collections.deque, name))

s = {1, 2, 3}
r = set.__isub__(s, {1}); print(r is s, sorted(s))
r = s.__ixor__({5, 2}); print(r is s, sorted(s))
r = set.__iand__(s, {5, 3}); print(r is s, sorted(s))
r = set.__ior__(s, {7}); print(r is s, sorted(s))
t('ior list', lambda: set.__ior__(s, [7]))
t('isub list', lambda: s.__isub__([7]))
t('ior no arg', lambda: s.__ior__())
s2 = s
s -= {3}
print(s is s2, sorted(s))
s ^= {1}
print(s is s2, sorted(s))


class S(set):
    pass


u = S([1, 2])
u2 = u
u |= {3}
u -= {1}
print(u is u2, type(u).__name__, sorted(u))

l = [1]
r = l.__iadd__([2]); print(r is l, l)
r = l.__iadd__((3,)); print(r is l, l)
r = list.__iadd__(l, 'ab'); print(r is l, l)
r = l.__imul__(2); print(r is l, l)
t('iadd int', lambda: l.__iadd__(3))
t('imul str', lambda: l.__imul__('a'))
t('imul big', lambda: l.__imul__(2**70))
t('imul kw', lambda: l.__imul__(n=2))
r = l.__imul__(0); print(r is l, l)


class L(list):
    pass


m = L([1])
m2 = m
m += [2]
m *= 2
print(m is m2, type(m).__name__, m)

d = collections.deque([1, 2])
r = d.__iadd__([3]); print(r is d, d)
r = d.__imul__(2); print(r is d, d)
t('deque imul str', lambda: d.__imul__('x'))
t('deque imul big', lambda: d.__imul__(2**70))

for tp in (bytes, bytearray):
    b = tp(b'abcab')
    print(tp.__name__)
    t(' index', lambda: b.index(b'b'))
    t(' index int', lambda: b.index(98))
    t(' index start', lambda: b.index(b'b', 2))
    t(' index missing', lambda: b.index(b'z'))
    t(' index range', lambda: b.index(98, 0, 1))
    t(' rindex', lambda: b.rindex(b'b'))
    t(' rindex int', lambda: b.rindex(97, 0, 4))
    t(' rindex missing', lambda: b.rindex(b'z'))
    t(' rfind', lambda: b.rfind(b'ab'))
    t(' rfind empty', lambda: b.rfind(b''))
    t(' rfind bounds', lambda: b.rfind(b'a', 1, 4))
    t(' rfind missing', lambda: b.rfind(b'q'))
    t(' find bool', lambda: tp(b'a\x01').find(True))
    t(' find 256', lambda: b.find(256))
    t(' find big', lambda: b.find(2**70))
    t(' find str start', lambda: b.find(b'a', 'x'))
    t(' find float start', lambda: b.index(b'a', 1.0))
    t(' lstrip', lambda: tp(b'  x ').lstrip())
    t(' rstrip', lambda: tp(b'  x ').rstrip())
    t(' isdigit', lambda: tp(b'12').isdigit())

ba = bytearray(b'abc')
ba.insert(1, 120); print(ba)
ba.insert(-100, 121); print(ba)
ba.insert(100, 122); print(ba)
t('insert 256', lambda: ba.insert(0, 256))
t('insert big item', lambda: ba.insert(0, 2**70))
t('insert float', lambda: ba.insert(1.0, 1))
t('insert argc', lambda: ba.insert(1))
ba.remove(120); print(ba)
t('remove missing', lambda: ba.remove(120))
t('remove 300', lambda: ba.remove(300))
ba.reverse(); print(ba)
c = ba.copy(); print(c, c is ba, c == ba)
