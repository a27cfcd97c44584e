/* The modules built into the binary, and the builtins namespace.
 *
 * Each built-in module has a constructor that makes a fresh module object
 * for one VM (nothing is shared between VMs).  vm/import.c looks names up
 * in MPY_BUILTIN_MODULES before searching sys.path for .py files, and
 * caches the result in sys.modules like any other module.
 */
#ifndef MPY_MODULES_H
#define MPY_MODULES_H

#include "object.h"
#include "module.h"

/* X(name): module `name` is made by mpy_module_<name>_new(vm).  `sys` and
 * `builtins` are made when the VM starts (vm/state.c) and found in
 * sys.modules afterwards; the others on first import. */
#define MPY_BUILTIN_MODULES(X) X(sys) X(builtins) X(math) X(time) X(_minipy) X(_random) X(_collections) X(_itertools) X(_heapq) X(gc) X(_re) X(_fileio)

#define MPY_MODULE_DECL(name) mpy_module *mpy_module_##name##_new(mpy_vm *vm);
MPY_BUILTIN_MODULES(MPY_MODULE_DECL)
#undef MPY_MODULE_DECL

/* Fills the builtins namespace: every built-in function, the built-in
 * types under their Python names (int, str, list, ..., object, type,
 * super, property...), every exception class, None/True/False are not
 * names but Ellipsis, NotImplemented, __debug__, exit, quit are.  Called
 * by mpy_module_builtins_new on the new module's dict. */
bool mpy_builtins_fill(mpy_vm *vm, mpy_dict *builtins);

/* sys.displayhook's default behaviour: None -> nothing; else set
 * builtins._ = None, write repr(v) + "\n" to sys.stdout, set builtins._ = v.
 * mpy_displayhook (used by PRINT_EXPR) calls sys.displayhook when the user
 * replaced it, this otherwise. */
mpy_value mpy_displayhook(mpy_vm *vm, mpy_value v);

/* Writes text to sys.stdout / sys.stderr (whatever object they are now:
 * the default ones go to the VM's write hook; a replacement object gets
 * its .write(str) called).  False with an exception pending on failure. */
bool mpy_sys_write(mpy_vm *vm, int stream, const char *text, size_t len);

#endif
