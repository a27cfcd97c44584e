"""Abstract base classes (minipy's own implementation of CPython's abc).

ABCMeta collects the names of abstract methods into __abstractmethods__ when a
class is made; since minipy's object.__new__ does not look at that set, the
metaclass's __call__ refuses to instantiate a class whose set is non-empty, with
CPython 3.11's message.  Virtual subclasses (register) and __subclasshook__ are
honoured by __instancecheck__/__subclasscheck__, with a per-class cache.
"""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    # property/classmethod/staticmethod wrapping an abstract function
    for attr in ("fget", "fset", "fdel", "__func__"):
        inner = getattr(value, attr, None)
        if inner is not None and getattr(inner, "__isabstractmethod__", False):
            return True
    return False


def _compute_abstracts(cls):
    abstracts = set()
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


def update_abstractmethods(cls):
    if hasattr(cls, "__abstractmethods__"):
        cls.__abstractmethods__ = _compute_abstracts(cls)
    return cls


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls)
        cls._abc_registry = []
        cls._abc_cache = {}
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__dict__.get("__abstractmethods__") or getattr(cls, "__abstractmethods__", None)
        if abstracts:
            names = sorted(abstracts)
            s = "" if len(names) == 1 else "s"
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, s, ", ".join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _invalidate_caches()
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        if subclass is cls or cls in subclass.__mro__:
            return True
        t = type(instance)
        if t is not subclass and cls.__subclasscheck__(t):
            return True
        return cls.__subclasscheck__(subclass)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        cache = cls.__dict__.get("_abc_cache")
        if cache is None:
            cache = cls._abc_cache = {}
        key = subclass
        if key in cache and cache[key][0] == _abc_epoch[0]:
            return cache[key][1]
        result = _check(cls, subclass)
        cache[key] = (_abc_epoch[0], result)
        return result

    def _dump_registry(cls, file=None):
        print("Class: %s.%s" % (cls.__module__, cls.__qualname__), file=file)


_abc_epoch = [0]


def _invalidate_caches():
    _abc_epoch[0] += 1


def _check(cls, subclass):
    if cls in subclass.__mro__:
        return True
    # minipy's object has no __subclasshook__ yet: a missing one means NotImplemented
    hook = getattr(cls, "__subclasshook__", None)
    hook = NotImplemented if hook is None else hook(subclass)
    if hook is not NotImplemented:
        return bool(hook)
    for reg in cls.__dict__.get("_abc_registry", ()):
        if reg is subclass or issubclass(subclass, reg):
            return True
    for sub in type.__subclasses__(cls) if hasattr(type, "__subclasses__") else ():
        if sub is not cls and issubclass(subclass, sub):
            return True
    return False


def get_cache_token():
    return _abc_epoch[0]


class ABC(metaclass=ABCMeta):
    __slots__ = ()
