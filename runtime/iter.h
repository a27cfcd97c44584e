/* Generic iterators (runtime/iter.c): the sequence iterator behind iter()
 * on objects with only __getitem__, and iter(callable, sentinel).  The
 * enumerate, zip, map, filter and reversed types are created by calling
 * their type objects (vm->types[MPY_TYPE_ENUMERATE] ...). */
#ifndef MPY_ITER_H
#define MPY_ITER_H

#include "object.h"

/* An iterator calling seq[0], seq[1], ... until IndexError/StopIteration. */
mpy_value mpy_seqiter_new(mpy_vm *vm, mpy_value seq);
/* iter(callable, sentinel): callable() until it returns sentinel. */
mpy_value mpy_callable_iter_new(mpy_vm *vm, mpy_value callable, mpy_value sentinel);

#endif
