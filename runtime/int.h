/* int: small values unboxed (MPY_TAG_INT), others as mpy_bigint objects
 * (runtime/bignum.h does the arithmetic).  See object.h for the canonical
 * form invariant.
 *
 * Three heap layouts carry ints: mpy_bigint (an exact int outside the
 * int64 range), mpy_intsub (an instance of a user subclass of int: the
 * value in canonical form, then the instance dict), and nothing else; bool
 * values are always unboxed MPY_TAG_BOOL.  "Canonical" below means an
 * unboxed int or an exact mpy_bigint, never a bool or subclass instance. */
#ifndef MPY_INT_H
#define MPY_INT_H

#include "object.h"

typedef struct mpy_bigint {
    mpy_obj hdr;
    int32_t sign;   /* -1 or 1 */
    uint32_t len;   /* limbs, the top one nonzero */
    uint32_t d[];   /* 32-bit limbs, least significant first */
} mpy_bigint;

typedef struct mpy_intsub {
    mpy_obj hdr;
    mpy_value value; /* canonical */
} mpy_intsub;

/* The largest number of decimal digits int <-> str converts (CPython's
 * sys.get_int_max_str_digits() default). */
#define MPY_INT_MAX_STR_DIGITS 4300

/* int from digits in base 2, 8, 10 or 16 (no sign, prefix or underscores),
 * as the compiler gets them from a literal: a small int when it fits.
 * ValueError past the decimal digit limit. */
mpy_value mpy_int_from_digits(mpy_vm *vm, const char *digits, size_t len, int base);
/* Is v an int (small, bool, big or an int subclass instance). */
bool mpy_is_intlike(mpy_vm *vm, mpy_value v);
/* The canonical int value of an int-like v (bool -> int, subclass
 * instance -> its value). */
mpy_value mpy_int_canonical(mpy_vm *vm, mpy_value v);
/* Digits of an int-like v in base 2, 8, 10 or 16: a leading '-' for
 * negatives, no prefix (for format()).  Base 10 enforces the str digit
 * limit (ValueError). */
mpy_str *mpy_int_to_base(mpy_vm *vm, mpy_value v, int base);
/* int(d) for a float: truncation; OverflowError for infinities,
 * ValueError for NaN. */
mpy_value mpy_int_from_double(mpy_vm *vm, double d);
/* An int-like v as double, correctly rounded; *overflow set (no
 * exception) when out of range. */
double mpy_int_to_double(mpy_vm *vm, mpy_value v, bool *overflow);
/* Exact comparison of an int-like with a double that is not NaN:
 * -1, 0 or 1. */
int mpy_int_cmp_double(mpy_vm *vm, mpy_value i, double d);
/* hash() of an int-like value (CPython's modulo 2**61 - 1 hash). */
bool mpy_int_hash_value(mpy_vm *vm, mpy_value v, int64_t *out);
/* Python's a ** b % m for ints (pow with three arguments); ints only. */
mpy_value mpy_int_powmod(mpy_vm *vm, mpy_value a, mpy_value b, mpy_value m);

#endif
