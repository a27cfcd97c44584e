"""The itertools module: iterator building blocks.

minipy's own, frozen into the interpreter (runtime/lib/freeze.sh).  Most
iterators are C types of the _itertools module (runtime/mod_itertools.c),
re-exported here under CPython's names: they run in inner loops.  groupby
and tee are written here: their state is shared between several objects
(a groupby and its groups, the tees of one source), which is simpler in
Python.  Argument errors use CPython's messages.
"""

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest']

from _itertools import (accumulate, chain, combinations, combinations_with_replacement,
                        compress, count, cycle, dropwhile, filterfalse, islice,
                        pairwise, permutations, product, repeat, starmap, takewhile,
                        zip_longest)


def _positional(fname, args, lo, hi):
    # Positional-only arguments, worded as CPython's "tee expected at least
    # 1 argument, got 0".
    n = len(args)
    if lo <= n <= hi:
        return
    if n < lo:
        how, want = 'at least ', lo
    else:
        how, want = 'at most ', hi
    raise TypeError('%s expected %s%d argument%s, got %d'
                    % (fname, how, want, '' if want == 1 else 's', n))


def _params(fname, args, kwargs, names, required):
    # Arguments by position or name, worded as CPython's keyword-capable
    # functions ("groupby() missing required argument 'iterable' (pos 1)").
    # Returns one value per name, _MISSING where absent.
    if len(args) > len(names):
        raise TypeError('%s() takes at most %d argument%s (%d given)'
                        % (fname, len(names), '' if len(names) == 1 else 's', len(args)))
    values = list(args) + [_MISSING] * (len(names) - len(args))
    for key, value in kwargs.items():
        if key not in names:
            raise TypeError("'%s' is an invalid keyword argument for %s()" % (key, fname))
        i = names.index(key)
        if i < len(args):
            raise TypeError('argument for %s() given by name (%r) and position (%d)'
                            % (fname, key, i + 1))
        values[i] = value
    for i in range(required):
        if values[i] is _MISSING:
            raise TypeError("%s() missing required argument '%s' (pos %d)"
                            % (fname, names[i], i + 1))
    return values


_MISSING = object()


class _grouper:
    # One group of a groupby: valid while its parent is still on it.
    __slots__ = ('_parent', '_key')

    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __iter__(self):
        return self

    def __next__(self):
        p = self._parent
        if p._group is not self:
            raise StopIteration
        if p._curkey is _MARK:
            p._step()
        # `is` first, as CPython's comparisons of keys (a NaN key matches
        # itself).
        if not (p._curkey is self._key or p._curkey == self._key):
            raise StopIteration
        value = p._curvalue
        p._curkey = _MARK
        return value


_MARK = object()


class groupby:
    """groupby(iterable, key=None): (key, group) pairs for runs of items
    with equal keys; a group is valid until the next pair is asked for."""
    __slots__ = ('_it', '_keyfunc', '_curkey', '_curvalue', '_tgtkey', '_group')

    def __init__(self, *args, **kwargs):
        iterable, key = _params('groupby', args, kwargs, ('iterable', 'key'), 1)
        if key is _MISSING:
            key = None
        self._it = iter(iterable)
        self._keyfunc = key
        self._curkey = _MARK
        self._curvalue = None
        self._tgtkey = _MARK
        self._group = None

    def _step(self):
        value = next(self._it)
        self._curkey = value if self._keyfunc is None else self._keyfunc(value)
        self._curvalue = value

    def __iter__(self):
        return self

    def __next__(self):
        self._group = None
        while True:
            if self._curkey is _MARK:
                self._step()
            if self._tgtkey is _MARK or not (self._tgtkey is self._curkey
                                             or self._tgtkey == self._curkey):
                break
            self._curkey = _MARK
        self._tgtkey = self._curkey
        group = _grouper(self, self._tgtkey)
        self._group = group
        return self._curkey, group


class _tee_link:
    # One item read from the source.  The tees share a chain of links and
    # each holds the last link it consumed, so the links every tee has
    # passed become garbage (no unbounded buffer).
    __slots__ = ('value', 'next')

    def __init__(self, value):
        self.value = value
        self.next = None


class _tee:
    __slots__ = ('_source', '_link')

    def __init__(self, source, link):
        self._source = source
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        following = link.next
        if following is None:
            following = _tee_link(next(self._source))
            link.next = following
        self._link = following
        return following.value

    def __copy__(self):
        return _tee(self._source, self._link)


def tee(*args):
    """tee(iterable, n=2): n independent iterators over one iterable."""
    _positional('tee', args, 1, 2)
    iterable = args[0]
    n = args[1] if len(args) > 1 else 2
    if not isinstance(n, int):
        if not hasattr(type(n), '__index__'):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
        n = type(n).__index__(n)
    if not -2**63 <= n < 2**63:  # CPython's Py_ssize_t conversion
        raise OverflowError('Python int too large to convert to C ssize_t')
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(it, _tee_link(None))
    result = [first]
    for _ in range(n - 1):
        result.append(first.__copy__())
    return tuple(result)
