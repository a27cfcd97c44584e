"""Enumerations (minipy's own implementation of CPython 3.11's enum):
Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.

EnumType builds the members after the class body has run: every plain
name of the namespace (not dunder/sunder, not a descriptor or function) is a
member, in definition order; a value equal to an earlier member's is an
alias.  Members are instances made without calling the class (the class's
own __call__ means "look a value up"), stored as class attributes;
EnumType.__setattr__ protects them."""

import sys
from types import MappingProxyType

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum",
           "auto", "unique", "STRICT", "CONFORM", "EJECT", "KEEP", "global_enum", "verify", "member", "nonmember"]


class auto:
    """The value is filled in by _generate_next_value_ when the class is made."""
    _next = 0

    def __init__(self, value=None):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


STRICT, CONFORM, EJECT, KEEP = "strict", "conform", "eject", "keep"

_NO_VALUE = object()


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1:2] != "_" and name[-2:-1] != "_"


def _is_descriptor(obj):
    return hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")


def _is_private(cls_name, name):
    pattern = "_%s__" % cls_name.lstrip("_")
    return name.startswith(pattern) and not name.endswith("__")


def _find_mixin(bases):
    """The data type mixed into the enum (int for IntEnum ...), or object."""
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    return base._member_type_
                continue
            if "__new__" in base.__dict__ or base in (int, str, float, tuple, bytes):
                return base
            if not issubclass(base, Enum) and base.__dict__.get("__dataclass_fields__") is None:
                continue
    return object


def _high_bit(n):
    return n.bit_length() - 1


class EnumType(type):
    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError("%r cannot extend %r" % (_FakeEnumRepr(cls, metacls), base))
        return {}

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError("%r cannot extend %r" % (_FakeEnumRepr(cls, metacls), base))
        # Split the namespace into members and everything else.
        members = []
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        body = {}
        for key, value in classdict.items():
            if key in ignore or key == "_ignore_":
                continue
            if isinstance(value, member):
                members.append((key, value.value))
                continue
            if isinstance(value, nonmember):
                body[key] = value.value
                continue
            if _is_dunder(key) or _is_sunder(key) or _is_private(cls, key) or _is_descriptor(value) \
                    or isinstance(value, type):
                body[key] = value
                continue
            members.append((key, value))
        body.pop("_order_", None)
        body["_member_names_"] = []
        body["_member_map_"] = {}
        body["_value2member_map_"] = {}
        body["_unhashable_values_"] = []
        member_type = _find_mixin(bases)
        body["_member_type_"] = member_type
        custom_new = classdict.get("__new__")
        if custom_new is not None and Enum is not None:
            # The class's own __new__ makes members; afterwards lookups use Enum's.
            body["__new_member__"] = custom_new
            del body["__new__"]
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        enum_class._boundary_ = boundary or getattr(enum_class, "_boundary_", None)
        if member_type is not object and ReprEnum is not None:
            # The mixed-in type (int, str ...) comes before Enum in the MRO:
            # put the enum side's methods back in front, except str/format of
            # a ReprEnum, which stay the data type's.
            for meth in ("__repr__", "__str__", "__format__"):
                if meth in classdict:
                    continue
                if meth != "__repr__" and issubclass(enum_class, ReprEnum):
                    found = member_type.__dict__.get(meth)
                    if found is None and meth == "__str__":
                        found = member_type.__repr__  # object.__str__ would call our __repr__
                    if found is None:
                        found = getattr(member_type, meth)
                else:
                    found = None
                    for klass in enum_class.__mro__[1:]:
                        if isinstance(klass, EnumType) and meth in klass.__dict__:
                            found = klass.__dict__[meth]
                            break
                if found is not None:
                    type.__setattr__(enum_class, meth, found)
        is_flag = issubclass(enum_class, Flag) if Flag is not None else False
        if is_flag:
            enum_class._flag_mask_ = 0
            enum_class._all_bits_ = 0
        creator = getattr(enum_class, "__new_member__", None)
        gnv = enum_class._generate_next_value_
        last_values = []
        for index, (name, value) in enumerate(members):
            if isinstance(value, auto):
                if value.value is None or value.value is _NO_VALUE:
                    value.value = gnv(name, 1, len(last_values), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(gnv(name, 1, len(last_values), last_values[:]) if isinstance(v, auto) else v
                              for v in value)
            last_values.append(value)
            enum_class._add_member_(name, value, creator)
        if is_flag:
            bits = 0
            for m in enum_class._member_map_.values():
                bits |= m._value_
            enum_class._flag_mask_ = bits
            enum_class._all_bits_ = 2 ** bits.bit_length() - 1 if bits else 0
        return enum_class

    def _add_member_(cls, name, value, creator):
        args = value if isinstance(value, tuple) else (value,)
        mt = cls._member_type_
        if creator is not None and creator is not Enum.__dict__.get("__new__"):
            m = creator(cls, *args)
        elif mt is object:
            m = object.__new__(cls)
        else:
            m = mt.__new__(cls, *args)
        if not hasattr(m, "_value_"):
            if mt is object:
                m._value_ = value
            else:
                try:
                    m._value_ = mt(*args)
                except Exception:
                    m._value_ = value
        m._name_ = name
        m.__objclass__ = cls
        init = type(m).__dict__.get("__init__") or getattr(cls, "__init__", None)
        if init is not None and init is not object.__init__ and "__init__" in _all_dicts(cls):
            m.__init__(*args)
        # An alias: same value as an earlier member.
        for existing in cls._member_map_.values():
            if existing._value_ == m._value_:
                m = existing
                break
        else:
            if not (issubclass(cls, Flag) and not _is_single_bit(m._value_)):
                cls._member_names_.append(name)
            elif issubclass(cls, Flag) and m._value_ == 0:
                pass
            else:
                # multi-bit flag values are aliases in 3.11 (not iterated)
                pass
        cls._member_map_[name] = m
        try:
            cls._value2member_map_.setdefault(m._value_, m)
        except TypeError:
            cls._unhashable_values_.append(m._value_)
        type.__setattr__(cls, name, m)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            # Enum's own lookup, even when a mixin's __new__ comes first in the MRO
            return Enum.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start,
                            boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        classdict = {}
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            last = []
            for count, name in enumerate(names):
                v = cls._generate_next_value_(name, start, count, last[:])
                last.append(v)
                classdict[name] = v
        else:
            items = names.items() if hasattr(names, "items") else names
            for item in items:
                if isinstance(item, str):
                    classdict[item] = names[item]
                else:
                    classdict[item[0]] = item[1]
        classdict["__module__"] = module if module is not None else "__main__"
        if qualname is not None:
            classdict["__qualname__"] = qualname
        metacls = cls.__class__
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def __contains__(cls, value):
        if not isinstance(value, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (value.__class__.__qualname__, cls.__class__.__qualname__))
        return isinstance(value, cls) and value._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot delete member %r." % attr)
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError("cannot reassign member %r" % name)
        super().__setattr__(name, value)


EnumMeta = EnumType


class _FakeEnumRepr:
    def __init__(self, name, metacls):
        self.name = name

    def __repr__(self):
        return "<enum %r>" % self.name


def _all_dicts(cls):
    names = set()
    for klass in cls.__mro__:
        if klass in (Enum, ReprEnum, IntEnum, StrEnum, Flag, IntFlag, object) or klass is cls._member_type_:
            continue
        names.update(klass.__dict__)
    return names


def _is_single_bit(num):
    if not isinstance(num, int) or num == 0:
        return False
    num &= num - 1
    return num == 0


Flag = None  # defined below; EnumType checks for it while the base classes are made
Enum = None
ReprEnum = IntEnum = StrEnum = IntFlag = None


class Enum(metaclass=EnumType):
    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
            exc.__context__ = e
            raise exc
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                        % (cls.__name__, result))

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last = sorted(last_values)[-1] if False else last_values[-1]
            # CPython uses the largest value seen so far, plus one
            last = max(v for v in last_values if isinstance(v, int))
            return last + 1
        except (TypeError, ValueError):
            raise TypeError("unable to increment %r" % (last_values[-1],)) from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        mt = type(self)._member_type_
        v_repr = repr if mt is object else mt.__repr__
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __dir__(self):
        return ["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"]

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    """Only the repr is Enum's: str() and format() are the mixed-in type's."""


class IntEnum(int, ReprEnum):
    pass


class StrEnum(str, ReprEnum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _repr_enum_setup(cls):
    mt = cls._member_type_
    cls.__str__ = mt.__repr__ if mt is int else mt.__str__
    cls.__format__ = mt.__format__


type.__setattr__(IntEnum, "__str__", int.__repr__)
type.__setattr__(IntEnum, "__format__", int.__format__)
type.__setattr__(StrEnum, "__str__", str.__str__)
type.__setattr__(StrEnum, "__format__", str.__format__)


def _or(a, b):
    return a | b


def _and(a, b):
    return a & b


def _xor(a, b):
    return a ^ b


def _flag_op(flag, other, op):
    """flag <op> other for Flag's |, & and ^: other is a member of flag's
    class or, for a Flag mixed with a data type, a value of that type."""
    if isinstance(other, flag.__class__):
        other = other._value_
    elif flag._member_type_ is not object and isinstance(other, flag._member_type_):
        pass
    else:
        return NotImplemented
    return flag.__class__(op(flag._value_, other))


class Flag(Enum):
    _boundary_ = STRICT

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(v for v in last_values if isinstance(v, int))
        return 2 ** (_high_bit(high) + 1) if high > 0 else 1

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        if value & ~flag_mask and cls._boundary_ in (STRICT, None) and cls._member_type_ is object:
            raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                             % (cls, value, bin(value), bin(flag_mask)))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._iter_bits_(value)]
        extra = value & ~flag_mask
        if not names and not extra:
            pseudo._name_ = None
        else:
            if extra and cls._member_type_ is not object:
                names.append(str(extra))
            pseudo._name_ = "|".join(names) if names else None
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo
        return pseudo

    @classmethod
    def _iter_bits_(cls, value):
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if m._value_ & value == m._value_ and m._value_:
                yield m

    def __iter__(self):
        return iter(list(type(self)._iter_bits_(self._value_)))

    def __len__(self):
        return bin(self._value_).count("1")

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __repr__(self):
        cls_name = self.__class__.__name__
        mt = type(self)._member_type_
        v_repr = repr if mt is object else mt.__repr__
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "%s(%r)" % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        return _flag_op(self, other, _or)

    def __and__(self, other):
        return _flag_op(self, other, _and)

    def __xor__(self, other):
        return _flag_op(self, other, _xor)

    def __invert__(self):
        return self.__class__(self._flag_mask_ ^ self._value_ & self._flag_mask_)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    # int's operators come first in the MRO: name Flag's explicitly
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __contains__ = Flag.__contains__
    __bool__ = Flag.__bool__
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__

    def __invert__(self):
        return self.__class__(self._flag_mask_ ^ self._value_ & self._flag_mask_)


type.__setattr__(IntFlag, "__str__", int.__repr__)
type.__setattr__(IntFlag, "__format__", int.__format__)
IntFlag._boundary_ = KEEP


def unique(enumeration):
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m.name:
            duplicates.append((name, m.name))
    if duplicates:
        alias_details = ", ".join("%s -> %s" % (alias, name) for (alias, name) in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration


def global_enum(cls):
    return cls


def verify(*checks):
    def deco(cls):
        return cls
    return deco
