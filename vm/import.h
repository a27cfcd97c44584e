/* The import system: what IMPORT_NAME, IMPORT_FROM and IMPORT_STAR do, and
 * builtins.__import__.
 *
 * Resolution order for an absolute name: sys.modules; the modules built
 * into the binary (runtime/modules.h); then NAME/__init__.py (a package),
 * NAME.py, or a NAME directory (a namespace package) in each directory of
 * sys.path, or of the parent package's __path__ for a submodule.
 */
#ifndef MPY_IMPORT_H
#define MPY_IMPORT_H

#include "runtime/object.h"

/* `import name` / `from name import fromlist` with CPython's
 * __import__(name, globals, None, fromlist, level) semantics: level > 0
 * resolves a relative name against globals' __package__ / __name__.
 * Returns the top-level package for `import a.b` (fromlist None or
 * empty), the named module otherwise, importing the submodules named in
 * fromlist of a package.  MPY_NULL with ImportError, ModuleNotFoundError,
 * SyntaxError or whatever the module's code raised pending. */
mpy_value mpy_import(mpy_vm *vm, mpy_str *name, mpy_value globals, mpy_value fromlist, int level);
/* `from module import name`: the attribute, or the submodule
 * module.__name__ + "." + name found in sys.modules, else ImportError
 * "cannot import name ...". */
mpy_value mpy_import_from(mpy_vm *vm, mpy_value module, mpy_str *name);
/* `from module import *` into the locals mapping: the names in __all__,
 * or every public (not _-prefixed) name of the module's __dict__. */
bool mpy_import_star(mpy_vm *vm, mpy_value module, mpy_value locals);
/* Imports an absolute dotted name and returns the module itself (not the
 * top package): for C callers and embedders. */
mpy_value mpy_import_module(mpy_vm *vm, const char *name);

#endif
