/* Struct sequences: tuples whose items also have names, CPython's
 * structseq (sys.version_info, sys.float_info, time.struct_time...).
 *
 * A struct sequence type is a per-VM subtype of tuple made at run time;
 * its instances are ordinary tuples whose header points at the subtype,
 * so indexing, unpacking, len and comparison are tuple's own.  The field
 * names live in the type's __match_args__ (as in CPython), which the
 * getattr and repr slots read.
 */
#ifndef MPY_STRUCTSEQ_H
#define MPY_STRUCTSEQ_H

#include "object.h"

/* A new struct sequence type `module.name` with the given fields.  NULL
 * with an exception pending on failure. */
mpy_type *mpy_structseq_type(mpy_vm *vm, const char *module, const char *name, const char *const *fields,
                             int nfields);
/* An instance of t holding items[0..nfields). */
mpy_value mpy_structseq_new(mpy_vm *vm, mpy_type *t, const mpy_value *items);

#endif
