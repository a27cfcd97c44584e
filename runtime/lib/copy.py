"""The copy module: shallow and deep copies of Python objects.

minipy's own, frozen into the interpreter (runtime/lib/freeze.sh).

copy(x): immutable values are returned as they are, the built-in
containers use their own copy(), a class may define __copy__; any other
instance is rebuilt with cls.__new__(cls) (or the class's __reduce_ex__ /
__reduce__ when it defines one) and given a copy of its state
(__getstate__/__setstate__ when defined, else its __dict__), plus the items
of a list or dict subclass.

deepcopy(x, memo): the same walk, copying every part recursively; `memo`
maps id(original) -> copy, so shared parts stay shared and cycles are
reproduced.  As in CPython, the originals are also kept alive in the memo
under id(memo) while it is in use, so no id can be reused meanwhile.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


def _function():
    pass


_deep_atomic = [type(None), int, float, bool, str, bytes, type, range, slice,
                property, type(len), type(_function), type(Ellipsis),
                type(NotImplemented)]
try:
    _deep_atomic.append(complex)
except NameError:
    pass  # minipy has no complex numbers yet
_deep_atomic = frozenset(_deep_atomic)
_atomic = _deep_atomic | frozenset([frozenset, tuple])


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return x.copy()
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None, *_reduce(x, cls))


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps id(original) -> copy."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _deep_atomic or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A cycle through the tuple may have copied it already.
        if d in memo:
            return memo[d]
        for a, b in zip(x, items):
            if a is not b:
                y = tuple(items)
                break
        else:
            y = x
    elif cls is set or cls is frozenset:
        items = [deepcopy(item, memo) for item in x]
        if d in memo:
            return memo[d]
        y = cls(items)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo, *_reduce(x, cls))
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _defines(cls, name):
    # Whether a class below object (and below the built-in container
    # types) defines `name` itself.
    for klass in cls.__mro__:
        if klass is object or klass in (list, dict, set, tuple, frozenset):
            return False
        if name in klass.__dict__:
            return True
    return False


def _reduce(x, cls):
    # (callable, args, state, listitems, dictitems) describing x.
    for name in ("__reduce_ex__", "__reduce__"):
        if _defines(cls, name):
            rv = getattr(x, name)(4) if name == "__reduce_ex__" else getattr(x, name)()
            if isinstance(rv, str):
                return None, (), rv, None, None
            rv = tuple(rv) + (None,) * (5 - len(rv))
            return rv[:5]
    if isinstance(x, (set, frozenset)):
        return cls, (list(x),), _state(x), None, None
    if not hasattr(x, "__dict__") and not isinstance(x, (list, dict, tuple)):
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    args = ()
    if isinstance(x, tuple):
        getnewargs = getattr(x, "__getnewargs__", None)
        args = getnewargs() if getnewargs is not None else (tuple(x),)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return _NewObj(cls), args, _state(x), listitems, dictitems


class _NewObj:
    # cls.__new__(cls, *args), what pickle protocol 2 rebuilds objects with.
    def __init__(self, cls):
        self.cls = cls

    def __call__(self, *args):
        return self.cls.__new__(self.cls, *args)


def _state(x):
    getstate = getattr(type(x), "__getstate__", None)
    if getstate is not None and _defines(type(x), "__getstate__"):
        return getstate(x)
    d = getattr(x, "__dict__", None)
    return d if d else None


def _reconstruct(x, memo, func, args, state=None, listitems=None, dictitems=None):
    if func is None:
        # __reduce__ returned a global name: the object copies as itself.
        return x
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, "__setstate__", None)
        if setstate is not None and _defines(type(y), "__setstate__"):
            setstate(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state:
                y.__dict__.update(state)
            if slotstate:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listitems is not None:
        if deep:
            for item in listitems:
                y.append(deepcopy(item, memo))
        else:
            for item in listitems:
                y.append(item)
    if dictitems is not None:
        if deep:
            for key, value in dictitems:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictitems:
                y[key] = value
    return y
