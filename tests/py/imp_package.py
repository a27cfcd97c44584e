# Packages: __init__, submodules, relative imports, fromlist, __path__.
import sys

import _imppkg.sub
print(_imppkg.PKG_CONST, _imppkg.sub.SUB, _imppkg.sub.call())
print("_imppkg.sibling" in sys.modules, _imppkg.sibling.SIB)
print(_imppkg.__package__, _imppkg.sub.__package__, _imppkg.sub.__name__)
print(type(_imppkg.__path__).__name__, len(_imppkg.__path__), _imppkg.__path__[0].endswith("/_imppkg"))
print(_imppkg.__file__.endswith("/_imppkg/__init__.py"), _imppkg.sub.__file__.endswith("/_imppkg/sub.py"))
print(_imppkg.sub.PARENT_CONST)

# import a.b binds a; import a.b as c binds the submodule
import _imppkg.sibling as sib
print(sib is sys.modules["_imppkg.sibling"])

# from package import submodule imports it if needed
print("_imppkg.star_sub" in sys.modules)
from _imppkg import star_sub
print(star_sub.STAR, "_imppkg.star_sub" in sys.modules, _imppkg.star_sub is star_sub)

# nested package with relative imports going up
from _imppkg.inner import deep
print(deep.DEEP, _imppkg.inner.INNER_SIB)
import _imppkg.inner.deep
print(_imppkg.inner.deep is deep)

# star import from a package whose __all__ names a submodule
ns = {}
exec("from _imppkg import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))

# relative import errors
try:
    import _imppkg.toofar
except ImportError as e:
    print(type(e).__name__, e)
print("_imppkg.toofar" in sys.modules)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    exec("from .. import x", {"__name__": "pkg.mod", "__package__": "pkg"})
except ImportError as e:
    print(type(e).__name__, e)
try:
    exec("from . import x", {"__name__": "a.b", "__package__": 5})
except TypeError as e:
    print(type(e).__name__, e)

# submodule of a plain module, missing submodule of a package
try:
    import _impmod_a.nothing
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import _imppkg.nothing
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from _imppkg import nothing
except ImportError as e:
    print(type(e).__name__, str(e).replace(_imppkg.__file__, "FILE"))
