/* Module objects: a named namespace dict. */
#ifndef MPY_MODULE_H
#define MPY_MODULE_H

#include "object.h"

typedef struct mpy_module {
    mpy_obj hdr;
    mpy_dict *dict;
} mpy_module;

/* A new module named `name` with __name__ (and __doc__ None) set. */
mpy_module *mpy_module_new(mpy_vm *vm, const char *name);
/* Adds native functions to a module's dict. */
bool mpy_module_add_functions(mpy_vm *vm, mpy_module *m, const mpy_method_def *defs);

#endif
