/* tuple: immutable fixed-size array of values.  The empty tuple is one
 * object per VM (vm->empty_tuple). */
#ifndef MPY_TUPLE_H
#define MPY_TUPLE_H

#include "object.h"

struct mpy_tuple {
    mpy_obj hdr;
    int64_t hash; /* cached hash, -1: not computed */
    size_t len;
    mpy_value items[];
};

static inline mpy_tuple *mpy_as_tuple(mpy_value v) { return (mpy_tuple *)v.u.o; }

/* A tuple of n items, all None until the caller fills them (n == 0 gives
 * the shared empty tuple).  NULL with MemoryError pending. */
mpy_tuple *mpy_tuple_new(mpy_vm *vm, size_t n);
mpy_tuple *mpy_tuple_from(mpy_vm *vm, size_t n, const mpy_value *items);
mpy_tuple *mpy_tuple_pack(mpy_vm *vm, size_t n, ...); /* n mpy_value args */

#endif
