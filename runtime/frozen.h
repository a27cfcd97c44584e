/* Python modules frozen into the library: the sources of the .py files in runtime/lib,
 * turned into C strings at build time by runtime/lib/freeze.sh (the table
 * itself is the generated $(BUILD)/gen/frozen.c).  vm/import.c looks a
 * top-level name up here after the built-in C modules and before sys.path,
 * as CPython's FrozenImporter comes after its BuiltinImporter; the module's
 * code is compiled with the filename "<frozen NAME>" and it gets no
 * __file__. */
#ifndef MPY_FROZEN_H
#define MPY_FROZEN_H

#include <stddef.h>

typedef struct mpy_frozen_module {
    const char *name;   /* the module name, e.g. "code" */
    const char *source; /* its Python source, NUL-terminated */
    size_t len;         /* strlen(source) */
} mpy_frozen_module;

/* Ends with an entry whose name is NULL. */
extern const mpy_frozen_module mpy_frozen_modules[];

#endif
