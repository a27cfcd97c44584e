"""The functools module: higher-order functions and decorators.

minipy's own, frozen into the interpreter (runtime/lib/freeze.sh): reduce,
partial, lru_cache/cache, wraps/update_wrapper, cmp_to_key,
total_ordering, cached_property and singledispatch.

lru_cache returns a plain function (a closure) carrying cache_info,
cache_clear and cache_parameters as attributes, so it binds as a method
like any function when it decorates one (type(f) is function, where
CPython has functools._lru_cache_wrapper).  Its cache is a dict used in
insertion order: a hit moves the key to the end, and when the cache is
full the first key (least recently used) is evicted.  Keys are built as
CPython builds them, so the same calls hit and miss (e.g. f(1) then
f(1.0) is a miss: a lone int or str argument is its own key).
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'cached_property']

from collections import namedtuple

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the `assigned` attributes,
    merge the `updated` dicts, and set wrapper.__wrapped__."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            try:
                setattr(wrapper, attr, value)
            except AttributeError:
                # minipy functions do not let __annotations__ be assigned
                # yet; skip what cannot be copied rather than fail.
                pass
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


_initial_missing = object()


def reduce(*args):
    """reduce(function, iterable[, initial]): apply function cumulatively
    to the items of the iterable, left to right."""
    if not 2 <= len(args) <= 3:
        how, want = ('least', 2) if len(args) < 2 else ('most', 3)
        raise TypeError('reduce expected at %s %d arguments, got %d'
                        % (how, want, len(args)))
    function, sequence = args[0], args[1]
    initial = args[2] if len(args) == 3 else _initial_missing
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    """partial(func, *args, **keywords): a callable that calls func with
    args and keywords first, then the call's own arguments."""

    __slots__ = ('func', 'args', 'keywords', '__dict__')

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, args = args[0], args[1:]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        # A partial of a plain partial is flattened, as in CPython.
        if type(func) is partial:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super().__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(x) for x in self.args)
        parts.extend('%s=%r' % (k, v) for k, v in self.keywords.items())
        name = type(self).__qualname__
        if type(self) is partial:
            name = 'functools.' + name
        return '%s(%s)' % (name, ', '.join(parts))

    def __reduce__(self):
        return (type(self), (self.func,),
                (self.func, self.args, self.keywords or None, self.__dict__ or None))


class partialmethod:
    """Like partial, for methods: the instance comes first."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        self.func = func
        self.args = args
        self.keywords = keywords

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self.func, obj, *self.args, **self.keywords)


# ---------------------------------------------------------------- lru_cache

_CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])


class _KwdMark:
    # Separates positional from keyword arguments in a cache key.
    __slots__ = ()


_kwd_mark = (_KwdMark(),)


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += _kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    """Decorator: memoize a function's results, keeping at most maxsize of
    them (None: no limit), least recently used first out."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _lru_wrapper(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)
    return decorating_function


def _lru_wrapper(user_function, maxsize, typed):
    # The wrapper is a Python closure on purpose: a wrapper written in C
    # nests the C stack once per level of a memoized recursion, which caps
    # its depth far below sys.getrecursionlimit(); Python-to-Python calls
    # need not (minipy's f(*args, **kwds) calls still nest today, a core
    # limitation).  The common key cases are inlined: a call without
    # keywords uses its argument tuple, or its lone int/str argument, as
    # the key.
    cache = {}
    cache_get = cache.get
    missing = object()
    fast_types = (int, str)
    hits = misses = 0

    if maxsize == 0:
        def wrapper(*args, **kwds):
            nonlocal misses
            misses += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            if kwds or typed:
                key = _make_key(args, kwds, typed)
            elif len(args) == 1 and type(args[0]) in fast_types:
                key = args[0]
            else:
                key = args
            result = cache_get(key, missing)
            if result is not missing:
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            if kwds or typed:
                key = _make_key(args, kwds, typed)
            elif len(args) == 1 and type(args[0]) in fast_types:
                key = args[0]
            else:
                key = args
            result = cache.pop(key, missing)
            if result is not missing:
                cache[key] = result  # now the most recently used
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            if key not in cache:  # a recursive call may have stored it
                if len(cache) >= maxsize:
                    del cache[next(iter(cache))]  # least recently used
                cache[key] = result
            return result

    def cache_info():
        """Report cache statistics."""
        return _CacheInfo(hits, misses, maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics."""
        nonlocal hits, misses
        cache.clear()
        hits = misses = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
    return update_wrapper(wrapper, user_function)


def cache(user_function, /):
    """Unbounded memoizing cache: lru_cache(maxsize=None)."""
    return lru_cache(maxsize=None)(user_function)


# -------------------------------------------------------------- cmp_to_key

def cmp_to_key(mycmp):
    """Turn an old-style cmp(a, b) -> int function into a key= function."""
    class K(object):
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    K.__name__ = K.__qualname__ = 'functools.KeyWrapper'
    return K


# ---------------------------------------------------------- total_ordering

# For each root operation, the three others derived from it: (name, flip,
# join).  The derived result is the root's result r (not r when flip), then
# `r and self != other` or `r or self == other` when join says so.
_derivations = {
    '__lt__': (('__gt__', True, 'and'), ('__le__', False, 'or'), ('__ge__', True, None)),
    '__le__': (('__ge__', True, 'or'), ('__lt__', False, 'and'), ('__gt__', True, None)),
    '__gt__': (('__lt__', True, 'and'), ('__ge__', False, 'or'), ('__le__', True, None)),
    '__ge__': (('__le__', True, 'or'), ('__gt__', False, 'and'), ('__lt__', True, None)),
}


def _derive(root, flip, join):
    def derived(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        if flip:
            r = not r
        if join == 'and':
            return r and self != other
        if join == 'or':
            return r or self == other
        return r
    return derived


def total_ordering(cls):
    """Class decorator: define the missing rich comparisons from the one(s)
    given (preferring __lt__, then __le__, __gt__, __ge__)."""
    roots = [op for op in ('__lt__', '__le__', '__gt__', '__ge__')
             if getattr(cls, op, None) is not getattr(object, op, None)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = roots[0]
    for name, flip, join in _derivations[root]:
        if name not in roots:
            func = _derive(root, flip, join)
            func.__name__ = name
            func.__qualname__ = cls.__qualname__ + '.' + name
            setattr(cls, name, func)
    return cls


# ---------------------------------------------------------- cached_property

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance and then stored in the
    instance's __dict__ under the same name."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError('Cannot assign the same cached_property to two '
                            'different names (%r and %r).' % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError('Cannot use cached_property instance without '
                            'calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError("No '__dict__' attribute on %r instance to cache %r property."
                            % (type(instance).__name__, self.attrname)) from None
        value = cache.get(self.attrname, _NOT_FOUND)
        if value is _NOT_FOUND:
            value = self.func(instance)
            cache[self.attrname] = value
        return value


# ----------------------------------------------------------- singledispatch

def singledispatch(func):
    """Single-dispatch generic function: register(cls) adds an
    implementation chosen by the type of the first argument (the nearest
    class in its MRO)."""
    registry = {object: func}

    def dispatch(cls):
        for base in cls.__mro__:
            if base in registry:
                return registry[base]
        return func

    def register(cls, f=None):
        if f is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            # @register with an annotated first parameter.
            f = cls
            ann = getattr(f, '__annotations__', {})
            if not ann:
                raise TypeError('Invalid first argument to `register()`: %r. Use either '
                                '`@register(some_class)` or plain `@register` on an '
                                'annotated function.' % (f,))
            cls = next(iter(ann.values()))
        registry[cls] = f
        return f

    def wrapper(*args, **kw):
        if not args:
            raise TypeError('%s requires at least 1 positional argument'
                            % getattr(func, '__name__', 'singledispatch function'))
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper
