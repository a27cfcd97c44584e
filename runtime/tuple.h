/* tuple: immutable fixed-size array of values.  The empty tuple is one
 * object per VM (vm->empty_tuple). */
#ifndef MPY_TUPLE_H
#define MPY_TUPLE_H

#include "object.h"

struct mpy_tuple {
    mpy_obj hdr;
    int64_t hash; /* cached hash, -1: not computed */
    mpy_dict *dict; /* __dict__ of a tuple subclass instance, else NULL (the
                       items array is variable-sized, so a subclass cannot
                       append its dict pointer after the base layout) */
    size_t len;
    mpy_value items[];
};

static inline mpy_tuple *mpy_as_tuple(mpy_value v) { return (mpy_tuple *)v.u.o; }

/* A tuple of n items, all None until the caller fills them (n == 0 gives
 * the shared empty tuple).  NULL with MemoryError pending. */
mpy_tuple *mpy_tuple_new(mpy_vm *vm, size_t n);
mpy_tuple *mpy_tuple_from(mpy_vm *vm, size_t n, const mpy_value *items);
mpy_tuple *mpy_tuple_pack(mpy_vm *vm, size_t n, ...); /* n mpy_value args */
/* tuple(iterable): returns the argument itself when it is an exact tuple. */
mpy_tuple *mpy_tuple_from_iter(mpy_vm *vm, mpy_value iterable);
/* CPython 3.11's tuple hash (xxHash-based) over the items' hashes. */
bool mpy_tuple_hash(mpy_vm *vm, mpy_tuple *t, int64_t *out);

#endif
