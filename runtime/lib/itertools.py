"""The itertools module: iterator building blocks.

minipy's own, frozen into the interpreter (runtime/lib/freeze.sh).  Each
CPython iterator type is a class of the same name (so type(x).__name__,
isinstance and the reprs match); most keep a private generator that does
the work and forward __next__ to it.  The combinatoric ones walk index
vectors in the documented lexicographic order.  Argument errors are
raised when the object is made, with CPython's messages.
"""

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest']


class _GenIter:
    # Base: __next__ forwards to self._gen, a generator made by __init__.
    __slots__ = ('_gen',)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


def _index(value, message):
    # An int-like argument (int or __index__), else TypeError(message).
    if isinstance(value, int):
        return value
    method = getattr(type(value), '__index__', None)
    if method is None:
        raise TypeError(message)
    return method(value)


def _positional(fname, args, kwargs, lo, hi):
    # Positional-only arguments, checked with CPython's wording for such
    # functions ("cycle expected 1 argument, got 0").
    if kwargs:
        raise TypeError('%s() takes no keyword arguments' % fname)
    n = len(args)
    if lo <= n and (hi < 0 or n <= hi):
        return args
    if lo == hi:
        how, want = '', lo
    elif n < lo:
        how, want = 'at least ', lo
    else:
        how, want = 'at most ', hi
    raise TypeError('%s expected %s%d argument%s, got %d'
                    % (fname, how, want, '' if want == 1 else 's', n))


def _params(fname, args, kwargs, names, required):
    # Arguments by position or name, with the wording of CPython's
    # keyword-capable functions ("repeat() missing required argument
    # 'object' (pos 1)").  Returns one value per name, _MISSING if absent.
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


def _is_number(v):
    if isinstance(v, (int, float)):
        return True
    t = type(v)
    return any(getattr(t, m, None) is not None
               for m in ('__index__', '__int__', '__float__', '__complex__'))


def _r_arg(r, name):
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(r).__name__)
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


class count:
    """count(start=0, step=1): start, start+step, start+2*step, ..."""
    __slots__ = ('_n', '_step')

    def __init__(self, *args, **kwargs):
        start, step = _params('count', args, kwargs, ('start', 'step'), 0)
        if start is _MISSING:
            start = 0
        if step is _MISSING:
            step = 1
        for v in (start, step):
            if not _is_number(v):
                raise TypeError('a number is required')
        if type(start) is bool:
            start = int(start)
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        step = self._step
        if isinstance(step, int) and step == 1 and type(step) is not bool:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, step)


class cycle(_GenIter):
    """cycle(iterable): its items, then the same again, forever."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        iterable, = _positional('cycle', args, kwargs, 1, 1)
        self._gen = self._run(iter(iterable))

    @staticmethod
    def _run(it):
        saved = []
        for x in it:
            yield x
            saved.append(x)
        if not saved:
            return
        while True:
            for x in saved:
                yield x


class repeat:
    """repeat(object[, times]): object, times times (forever without)."""
    __slots__ = ('_obj', '_left')

    def __init__(self, *args, **kwargs):
        object, times = _params('repeat', args, kwargs, ('object', 'times'), 1)
        if times is _MISSING:
            times = None
        elif times is not None:
            times = _index(times, "'%s' object cannot be interpreted as an integer"
                           % type(times).__name__)
            if times < 0:
                times = 0
        self._obj = object
        self._left = times

    def __iter__(self):
        return self

    def __next__(self):
        left = self._left
        if left is None:
            return self._obj
        if left <= 0:
            raise StopIteration
        self._left = left - 1
        return self._obj

    def __length_hint__(self):
        if self._left is None:
            raise TypeError('len() of unsized object')
        return self._left

    def __repr__(self):
        if self._left is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %d)' % (self._obj, self._left)


class chain(_GenIter):
    """chain(*iterables): the items of each iterable in turn."""
    __slots__ = ()

    def __init__(self, *iterables, **kwargs):
        if kwargs:
            raise TypeError('chain() takes no keyword arguments')
        self._gen = self._run(iter(iterables))

    @staticmethod
    def _run(sources):
        for source in sources:
            yield from source

    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls.__new__(cls)
        self._gen = cls._run(iter(iterable))
        return self


class islice(_GenIter):
    """islice(iterable, stop) or islice(iterable, start, stop[, step])."""
    __slots__ = ()

    def __init__(self, iterable, *args):
        n = len(args)
        if n == 0 or n > 3:
            if n == 0:
                raise TypeError('islice expected at least 2 arguments, got 1')
            raise TypeError('islice expected at most 4 arguments, got %d' % (n + 1))
        start, step = 0, 1
        if n == 1:
            stop = args[0]
        else:
            start, stop = args[0], args[1]
            if n == 3:
                step = args[2]
        if stop is not None:
            msg = ('Stop argument for islice() must be None or an integer: '
                   '0 <= x <= sys.maxsize.')
            try:
                stop = _index(stop, msg)
            except TypeError:
                raise ValueError(msg) from None
            if stop < 0:
                raise ValueError(msg)
        if n > 1:
            msg = ('Indices for islice() must be None or an integer: '
                   '0 <= x <= sys.maxsize.')
            if start is None:
                start = 0
            else:
                try:
                    start = _index(start, msg)
                except TypeError:
                    raise ValueError(msg) from None
                if start < 0:
                    raise ValueError(msg)
            msg = 'Step for islice() must be a positive integer or None.'
            if step is None:
                step = 1
            else:
                try:
                    step = _index(step, msg)
                except TypeError:
                    raise ValueError(msg) from None
                if step <= 0:
                    raise ValueError(msg)
        self._gen = self._run(iter(iterable), start, stop, step)

    @staticmethod
    def _run(it, start, stop, step):
        # As CPython: `want` is the index of the next item to yield; after
        # the last one it becomes `stop`, so the items before stop are
        # still consumed when the next item is asked for.
        count = 0
        want = start
        while True:
            while count < want:
                try:
                    next(it)
                except StopIteration:
                    return
                count += 1
            if stop is not None and count >= stop:
                return
            try:
                item = next(it)
            except StopIteration:
                return
            count += 1
            want += step
            if stop is not None and want > stop:
                want = stop
            yield item


class product(_GenIter):
    """product(*iterables, repeat=1): the cartesian product, as tuples."""
    __slots__ = ()

    def __init__(self, *iterables, repeat=1):
        if not isinstance(repeat, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(repeat).__name__)
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(p) for p in iterables] * repeat
        self._gen = self._run(pools)

    @staticmethod
    def _run(pools):
        for pool in pools:
            if not pool:
                return
        n = len(pools)
        idx = [0] * n
        while True:
            yield tuple([pools[k][idx[k]] for k in range(n)])
            k = n - 1
            while k >= 0:
                idx[k] += 1
                if idx[k] < len(pools[k]):
                    break
                idx[k] = 0
                k -= 1
            if k < 0:
                return


class permutations(_GenIter):
    """permutations(iterable, r=None): r-length orderings, as tuples."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        iterable, r = _params('permutations', args, kwargs, ('iterable', 'r'), 1)
        pool = tuple(iterable)
        if r is _MISSING or r is None:
            r = len(pool)
        elif not isinstance(r, int):
            raise TypeError('Expected int as r')
        else:
            r = _r_arg(r, 'r')
        self._gen = self._run(pool, r)

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        # Lexicographic order of index tuples: find the rightmost position
        # that can take a larger unused index, bump it, and refill the
        # positions after it with the smallest unused indices.
        idx = list(range(r))
        used = [False] * n
        for i in idx:
            used[i] = True
        while True:
            yield tuple([pool[i] for i in idx])
            k = r - 1
            while k >= 0:
                used[idx[k]] = False
                j = idx[k] + 1
                while j < n and used[j]:
                    j += 1
                if j < n:
                    idx[k] = j
                    used[j] = True
                    m = 0
                    for p in range(k + 1, r):
                        while used[m]:
                            m += 1
                        idx[p] = m
                        used[m] = True
                    break
                k -= 1
            if k < 0:
                return


class combinations(_GenIter):
    """combinations(iterable, r): r-length subsequences, as tuples."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        iterable, r = _params('combinations', args, kwargs, ('iterable', 'r'), 2)
        pool = tuple(iterable)
        self._gen = self._run(pool, _r_arg(r, 'r'))

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        idx = list(range(r))
        while True:
            yield tuple([pool[i] for i in idx])
            k = r - 1
            while k >= 0 and idx[k] == k + n - r:
                k -= 1
            if k < 0:
                return
            idx[k] += 1
            for j in range(k + 1, r):
                idx[j] = idx[j - 1] + 1


class combinations_with_replacement(_GenIter):
    """combinations_with_replacement(iterable, r): r-length subsequences
    that may repeat items, as tuples."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        iterable, r = _params('combinations_with_replacement', args, kwargs,
                              ('iterable', 'r'), 2)
        pool = tuple(iterable)
        self._gen = self._run(pool, _r_arg(r, 'r'))

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if not n and r:
            return
        idx = [0] * r
        while True:
            yield tuple([pool[i] for i in idx])
            k = r - 1
            while k >= 0 and idx[k] == n - 1:
                k -= 1
            if k < 0:
                return
            v = idx[k] + 1
            for j in range(k, r):
                idx[j] = v


class accumulate(_GenIter):
    """accumulate(iterable, func=None, *, initial=None): running totals
    (or running func results)."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        if len(args) > 2:
            raise TypeError('accumulate() takes at most 2 positional arguments (%d given)'
                            % len(args))
        iterable, func, initial = _params('accumulate', args, kwargs,
                                          ('iterable', 'func', 'initial'), 1)
        if func is _MISSING:
            func = None
        if initial is _MISSING:
            initial = None
        self._gen = self._run(iter(iterable), func, initial)

    @staticmethod
    def _run(it, func, initial):
        total = initial
        if initial is None:
            try:
                total = next(it)
            except StopIteration:
                return
        yield total
        if func is None:
            for x in it:
                total = total + x
                yield total
        else:
            for x in it:
                total = func(total, x)
                yield total


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
        if not (p._curkey == self._key):
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
            if self._tgtkey is _MARK or not (self._tgtkey == self._curkey):
                break
            self._curkey = _MARK
        self._tgtkey = self._curkey
        group = _grouper(self, self._tgtkey)
        self._group = group
        return self._curkey, group


class zip_longest(_GenIter):
    """zip_longest(*iterables, fillvalue=None): like zip, padding the
    shorter iterables with fillvalue."""
    __slots__ = ()

    def __init__(self, *iterables, fillvalue=None):
        self._gen = self._run([iter(x) for x in iterables], fillvalue)

    @staticmethod
    def _run(its, fill):
        active = len(its)
        if not active:
            return
        its = list(its)
        while True:
            values = []
            for i, it in enumerate(its):
                if it is None:
                    values.append(fill)
                    continue
                try:
                    values.append(next(it))
                except StopIteration:
                    active -= 1
                    if not active:
                        return
                    its[i] = None
                    values.append(fill)
            yield tuple(values)


class starmap(_GenIter):
    """starmap(function, iterable): function(*args) for each args."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        function, iterable = _positional('starmap', args, kwargs, 2, 2)
        self._gen = self._run(function, iter(iterable))

    @staticmethod
    def _run(function, it):
        for args in it:
            if type(args) is not tuple:
                args = tuple(args)  # "'int' object is not iterable"
            yield function(*args)


class takewhile(_GenIter):
    """takewhile(predicate, iterable): items while predicate holds."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        predicate, iterable = _positional('takewhile', args, kwargs, 2, 2)
        self._gen = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for x in it:
            if not predicate(x):
                return
            yield x


class dropwhile(_GenIter):
    """dropwhile(predicate, iterable): items from the first one for which
    predicate fails."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        predicate, iterable = _positional('dropwhile', args, kwargs, 2, 2)
        self._gen = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for x in it:
            if not predicate(x):
                yield x
                break
        yield from it


class compress(_GenIter):
    """compress(data, selectors): the items of data whose selector is true."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        data, selectors = _params('compress', args, kwargs, ('data', 'selectors'), 2)
        self._gen = self._run(iter(data), iter(selectors))

    @staticmethod
    def _run(data, selectors):
        for d, s in zip(data, selectors):
            if s:
                yield d


class filterfalse(_GenIter):
    """filterfalse(function or None, iterable): the items for which
    function(item) is false (the false items when function is None)."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        function, iterable = _positional('filterfalse', args, kwargs, 2, 2)
        self._gen = self._run(function, iter(iterable))

    @staticmethod
    def _run(function, it):
        if function is None:
            for x in it:
                if not x:
                    yield x
        else:
            for x in it:
                if not function(x):
                    yield x


class pairwise(_GenIter):
    """pairwise(iterable): (s0, s1), (s1, s2), ..."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        iterable, = _positional('pairwise', args, kwargs, 1, 1)
        self._gen = self._run(iter(iterable))

    @staticmethod
    def _run(it):
        try:
            a = next(it)
        except StopIteration:
            return
        for b in it:
            yield a, b
            a = b


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
    _positional('tee', args, None, 1, 2)
    iterable = args[0]
    n = args[1] if len(args) > 1 else 2
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
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
