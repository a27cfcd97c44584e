# Importing modules from the script's directory: caching, attributes,
# from-imports, star imports, module objects.
import sys

print("_impmod_a" in sys.modules)
import _impmod_a
print("_impmod_a" in sys.modules, sys.modules["_impmod_a"] is _impmod_a)
print(_impmod_a.VALUE, _impmod_a.func(2), _impmod_a.Thing())
print(_impmod_a.__name__, repr(_impmod_a.__package__), _impmod_a.__file__.endswith("/_impmod_a.py"))
print(type(_impmod_a).__name__, _impmod_a.__doc__)
print(repr(_impmod_a).replace(_impmod_a.__file__, "FILE"))

# a module runs once; later imports come from sys.modules
import _impmod_a as again
print(again is _impmod_a)
from _impmod_a import VALUE, func as times_ten
print(VALUE, times_ten(3))

def local_import():
    import _impmod_a as inner_name
    from _impmod_a import Thing
    return inner_name is _impmod_a, Thing

print(local_import())

# module attributes can be changed and seen by every importer
_impmod_a.VALUE = 11
from _impmod_a import VALUE
print(VALUE, _impmod_a.func(1))

try:
    _impmod_a.missing
except AttributeError as e:
    print("AttributeError", e)

try:
    from _impmod_a import missing
except ImportError as e:
    print(type(e).__name__, str(e).replace(_impmod_a.__file__, "FILE"), e.name, e.path == _impmod_a.__file__)

# star imports: public names, or exactly __all__
ns = {}
exec("from _impmod_a import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))
ns = {}
exec("from _impmod_all import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))

from _impmod_all import *
print(public, _exported_private)
try:
    not_listed
except NameError as e:
    print("NameError", e)

# built-in modules
import sys as system
print(system is sys, repr(sys))
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)

# sys.modules can be edited
sys.modules["fake_module"] = _impmod_a
import fake_module
print(fake_module is _impmod_a)
del sys.modules["fake_module"]
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
del sys.modules["blocked"]

# a module object made by hand
ModuleType = type(sys)
m = ModuleType("made_by_hand")
m.x = 1
print(m.__name__, m.x, m.__doc__, repr(m))

# PEP 562: module __getattr__
import _impmod_lazy
print(_impmod_lazy.lazy_value)
from _impmod_lazy import lazy_other
print(lazy_other)
try:
    _impmod_lazy.other
except AttributeError as e:
    print("AttributeError", e)
