/* int: small values unboxed (MPY_TAG_INT), others as mpy_bigint objects
 * (runtime/bignum.h does the arithmetic).  See object.h for the canonical
 * form invariant. */
#ifndef MPY_INT_H
#define MPY_INT_H

#include "object.h"

/* int from digits in base 2, 8, 10 or 16 (no sign, prefix or underscores),
 * as the compiler gets them from a literal: a small int when it fits. */
mpy_value mpy_int_from_digits(mpy_vm *vm, const char *digits, size_t len, int base);
/* Is v an int (small, bool, big or an int subclass instance). */
bool mpy_is_intlike(mpy_vm *vm, mpy_value v);

#endif
