# Index-like arguments beyond 64 bits: OverflowError, IndexError or
# clamping, as each CPython conversion does; deque.remove mutation;
# itertools.combinations argument order.
import collections
import itertools


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class I:
    def __index__(self):
        return 2**70


for N in (2**70, -2**70, I()):
    print('N', N if isinstance(N, int) else 'I()')
    for name, s in (('str', 'abcab'), ('bytes', b'abcab'), ('ba', bytearray(b'abcab')),
                    ('list', list('abcab')), ('tuple', tuple('abcab'))):
        x = s[0]
        t(name + '.index s', lambda: s.index(x, N))
        t(name + '.index e', lambda: s.index(x, 0, N))
        if name in ('str', 'bytes', 'ba'):
            for m in ('find', 'rfind', 'count', 'rindex'):
                t(name + '.' + m + ' s', lambda: getattr(s, m)(x, N))
                t(name + '.' + m + ' e', lambda: getattr(s, m)(x, 0, N))
            t(name + '.startswith', lambda: s.startswith(x, N))
            t(name + '.endswith', lambda: s.endswith(x, 0, N))
            t(name + '.split', lambda: s.split(x, N))
            t(name + '[N]', lambda: s[N])
            t(name + ' * N', lambda: s * N)
    t('str.expandtabs', lambda: 'a\tb'.expandtabs(N))
    t('str.center', lambda: 'a'.center(N))
    t('list.insert', lambda: [1].insert(N, 1))
    t('list.pop', lambda: [1].pop(N))
    t('list[N]', lambda: [1][N])
    t('list.__imul__', lambda: [1].__imul__(N))
    t('ba.pop', lambda: bytearray(b'a').pop(N))
    t('ba.insert', lambda: bytearray(b'a').insert(N, 1))
    t('bytes(N)', lambda: bytes(N))
    t('to_bytes', lambda: (1).to_bytes(N, 'big'))
    d = collections.deque([1, 2, 3])
    t('deque maxlen', lambda: collections.deque([], N))
    t('deque rotate', lambda: d.rotate(N))
    t('deque insert', lambda: d.copy().insert(N, 9))
    t('deque index s', lambda: d.index(1, N))
    t('deque index e', lambda: d.index(1, 0, N))
    t('deque[N]', lambda: d[N])
    t('deque[N]=', lambda: d.__setitem__(N, 1))
    t('deque del', lambda: d.__delitem__(N))
    t('deque * N', lambda: d * N)
    t('tee', lambda: itertools.tee([1], N))
    t('combinations', lambda: itertools.combinations([1], N))

print('center True', repr('a'.center(True)))


class E:
    def __init__(self, d, mode):
        self.d = d
        self.mode = mode

    def __eq__(self, o):
        getattr(self.d, self.mode)(*((9,) if self.mode == 'append' else ()))
        return False


for mode in ('clear', 'append', 'pop'):
    for meth in ('remove', 'index', 'count'):
        d = collections.deque([1, 2, 3])
        t(meth + ' ' + mode, lambda: (getattr(d, meth)(E(d, mode)), d))
    d = collections.deque([1, 2, 3])
    t('in ' + mode, lambda: (E(d, mode) in d, d))

t('comb str r', lambda: itertools.combinations(1, 'a'))
t('comb bad iter', lambda: itertools.combinations(1, -1))
t('comb neg r', lambda: itertools.combinations([1], -1))
t('comb big r', lambda: itertools.combinations(1, 2**70))
t('comb float r', lambda: itertools.combinations(1, r=1.5))
t('comb kw', lambda: itertools.combinations(r=1, iterable=1))
t('cwr str r', lambda: itertools.combinations_with_replacement(1, 'a'))
t('cwr neg', lambda: itertools.combinations_with_replacement(1, -1))
t('perm str r', lambda: itertools.permutations(1, 'a'))
t('perm neg', lambda: itertools.permutations([1], -1))
t('comb ok', lambda: list(itertools.combinations('abc', 2)))
