"""The types module: names for the built-in types that have no builtins name
(taken from live objects, as CPython does), SimpleNamespace, new_class and
friends.  minipy's own implementation."""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = FunctionType
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
SimpleNamespace = None  # replaced below
CellType = type((lambda x: lambda: x)(0).__closure__[0]) if hasattr(_f, "__closure__") else None


def _g():
    yield 1


GeneratorType = type(_g())


# minipy has no coroutines (async def is a SyntaxError)


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__["fromkeys"])
ModuleType = type(sys)
GenericAlias = type(list[int])
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)


def _union_repr(obj):
    if obj is None or obj is NoneType:
        return "None"
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    return repr(obj)


class UnionType:
    """int | str (PEP 604).  minipy's type.__or__ (runtime/object.c) calls
    _union_or below to make these."""
    __slots__ = ("__args__",)

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return " | ".join(_union_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union_or(self, other)

    def __ror__(self, other):
        return _union_or(other, self)

    @property
    def __parameters__(self):
        return ()

    def __instancecheck__(self, obj):
        for arg in self.__args__:
            if isinstance(arg, GenericAlias):
                raise TypeError("isinstance() argument 2 cannot be a parameterized generic")
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if isinstance(arg, GenericAlias):
                raise TypeError("issubclass() argument 2 cannot be a parameterized generic")
        return issubclass(cls, self.__args__)


UnionType.__module__ = "types"


def _unionable(x):
    return x is None or isinstance(x, (type, GenericAlias, UnionType))


def _union_or(a, b):
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    args = []
    for x in (a, b):
        items = x.__args__ if isinstance(x, UnionType) else (x,)
        for item in items:
            if item is None:
                item = NoneType
            if item not in args:
                args.append(item)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))

try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)
    _tb = _e.__traceback__
    FrameType = type(_tb.tb_frame) if hasattr(_tb, "tb_frame") else None  # minipy: no frames yet
    del _tb
    del _e

GetSetDescriptorType = type(FunctionType.__dict__["__code__"]) if "__code__" in FunctionType.__dict__ else None
MemberDescriptorType = GetSetDescriptorType


class SimpleNamespace:
    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        # Recursive namespaces print as "namespace(...)", as in CPython.
        key = id(self)
        if key in _repr_running:
            return name + "(...)"
        _repr_running.add(key)
        try:
            items = ", ".join("%s=%r" % (k, v) for k, v in self.__dict__.items())
        finally:
            _repr_running.discard(key)
        return "%s(%s)" % (name, items)

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), self.__dict__)


SimpleNamespace.__module__ = "types"
_repr_running = set()


def resolve_bases(bases):
    new_bases = []
    changed = False
    for base in bases:
        if isinstance(base, type) or not hasattr(base, "__mro_entries__"):
            new_bases.append(base)
            continue
        entries = base.__mro_entries__(bases)
        changed = True
        if not isinstance(entries, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases.extend(entries)
    return tuple(new_bases) if changed else bases


def prepare_class(name, bases=(), kwds=None):
    kwds = {} if kwds is None else dict(kwds)
    if "metaclass" in kwds:
        meta = kwds.pop("metaclass")
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        # the most derived metaclass among meta and the bases' metaclasses
        for base in bases:
            bm = type(base)
            if issubclass(meta, bm):
                continue
            if issubclass(bm, meta):
                meta = bm
                continue
            raise TypeError("metaclass conflict: the metaclass of a derived class must be a "
                            "(non-strict) subclass of the metaclasses of all its bases")
    if hasattr(meta, "__prepare__"):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    resolved = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved is not bases:
        ns["__orig_bases__"] = bases
    return meta(name, resolved, ns, **kwds)


class DynamicClassAttribute(property):
    pass


def coroutine(func):
    return func


__all__ = [n for n in globals() if n[:1] != "_" and n != "sys"]
