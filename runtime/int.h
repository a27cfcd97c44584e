/* int: small values unboxed (MPY_TAG_INT), others as mpy_bigint objects
 * (runtime/bignum.h does the arithmetic).  See object.h for the canonical
 * form invariant.
 *
 * Two heap layouts carry ints: mpy_bigint (an exact int outside the
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

/* The default largest number of decimal digits int <-> str converts
 * (CPython's sys.get_int_max_str_digits() default); int.c follows
 * sys.set_int_max_str_digits() (kept by mod_sys.c). */
#define MPY_INT_MAX_STR_DIGITS 4300

/* int from digits in base 2, 8, 10 or 16 (no sign, prefix or underscores),
 * as the compiler gets them from a literal: a small int when it fits.
 * ValueError past the decimal digit limit. */
mpy_value mpy_int_from_digits(mpy_vm *vm, const char *digits, size_t len, int base);
/* Is v an int (small, bool, big or an int subclass instance). */
bool mpy_is_intlike(mpy_vm *vm, mpy_value v);
/* The argument count check of the __pow__/__rpow__ methods of int and
 * float (self plus 1 or 2 arguments); false with TypeError set. */
bool mpy_pow_arg_count(mpy_vm *vm, int argc);
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
/* The text of a str number argument as CPython's int() and float() read
 * it (_PyUnicode_TransformDecimalAndSpaceToASCII): one ASCII character per
 * code point, Unicode decimal digits as '0'..'9', Unicode spaces as ' ',
 * anything else non-ASCII as '?'.  A NUL-terminated buffer of *outlen
 * chars that the caller frees with mpy_mem_free(vm, p, *cap). */
char *mpy_int_text_to_ascii(mpy_vm *vm, const char *utf8, size_t len, size_t *outlen, size_t *cap);
/* Python's a ** b % m for ints (pow with three arguments); ints only. */
mpy_value mpy_int_powmod(mpy_vm *vm, mpy_value a, mpy_value b, mpy_value m);

/* The big-int half of the int slots, for callers that already know an
 * operand is big (a and b int-like; results canonical). */
mpy_value mpy_int_big_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b);
int mpy_int_big_cmp(mpy_vm *vm, mpy_value a, mpy_value b);
bool mpy_int_big_hash(mpy_vm *vm, mpy_value v, int64_t *out);
mpy_value mpy_int_big_repr(mpy_vm *vm, mpy_value v);

/* Constructors (the types' new slots): int(x=0, base=10), bool(x=False). */
mpy_value mpy_int_new_(mpy_vm *vm, mpy_type *t, int argc, const mpy_value *args, mpy_tuple *kwnames);
mpy_value mpy_bool_new_(mpy_vm *vm, mpy_type *t, int argc, const mpy_value *args, mpy_tuple *kwnames);

/* float.c's exports live here too (float has no header of its own). */
/* float(x=0.0): the float type's new slot. */
mpy_value mpy_float_new_(mpy_vm *vm, mpy_type *t, int argc, const mpy_value *args, mpy_tuple *kwnames);
/* x OP y on two doubles with Python's semantics and error messages (OP is
 * + - * / // % or **; NotImplemented for the others). */
mpy_value mpy_float_binop_values(mpy_vm *vm, mpy_binop op, double x, double y);
/* CPython's hash of a double (integral values hash like the equal int). */
bool mpy_float_hash_double(double v, int64_t *out);
/* repr(v) into buf (at least 32 bytes): the shortest digits that read
 * back as v, in CPython's layout; returns the length. */
size_t mpy_float_repr(double v, char *buf);

#endif
