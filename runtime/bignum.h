/* Arbitrary-precision integer arithmetic for the int type's big half.
 *
 * Numbers are sign-magnitude with 32-bit limbs (little-endian), so that
 * every limb product fits a uint64_t.  A mpy_bn is a plain C value, not a
 * heap object: runtime/int.c borrows the limbs of a big int object or of a
 * two-limb stack buffer as operands (cap == 0: borrowed, never freed) and
 * turns results back into canonical int values (object.h), freeing them.
 *
 * Conventions: results go to a fresh zero-initialised mpy_bn distinct from
 * the operands; a function returning bool fails only with MemoryError
 * pending (raised by mpy_mem_realloc).  Zero has len 0 and sign 0.
 *
 * Algorithms: schoolbook multiplication (Karatsuba above a threshold),
 * Knuth's algorithm D for division, repeated division by 10**9 for decimal
 * output (quadratic, fine below the 4300-digit str limit), CPython's
 * correctly rounded int -> float and int / int.
 */
#ifndef MPY_BIGNUM_H
#define MPY_BIGNUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "object.h"

typedef struct mpy_bn {
    uint32_t *d; /* limbs, least significant first */
    size_t len;  /* limbs in use, no leading zero limbs */
    size_t cap;  /* allocated limbs; 0: d is borrowed */
    int sign;    /* -1, 0 or 1 */
} mpy_bn;

#define MPY_BN_INIT {NULL, 0, 0, 0}

/* A borrowed view of an int64 using buf for its limbs. */
void mpy_bn_view_i64(mpy_bn *b, int64_t v, uint32_t buf[2]);
/* Frees owned limbs and resets b to zero. */
void mpy_bn_free(mpy_vm *vm, mpy_bn *b);
MPY_MUST_CHECK bool mpy_bn_copy(mpy_vm *vm, mpy_bn *r, const mpy_bn *a);
/* Does a fit int64_t; if so *out receives it. */
bool mpy_bn_to_i64(const mpy_bn *a, int64_t *out);

int mpy_bn_cmp(const mpy_bn *a, const mpy_bn *b);
/* Number of bits of |a| (0 for zero). */
uint64_t mpy_bn_bit_length(const mpy_bn *a);
uint64_t mpy_bn_bit_count(const mpy_bn *a);

MPY_MUST_CHECK bool mpy_bn_add(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, const mpy_bn *b);
MPY_MUST_CHECK bool mpy_bn_sub(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, const mpy_bn *b);
MPY_MUST_CHECK bool mpy_bn_mul(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, const mpy_bn *b);
/* Floor division and modulo (Python's signs); b nonzero; q or m may be
 * NULL when not wanted. */
MPY_MUST_CHECK bool mpy_bn_divmod(mpy_vm *vm, mpy_bn *q, mpy_bn *m, const mpy_bn *a, const mpy_bn *b);
/* a << n and a >> n (floor) for n >= 0. */
MPY_MUST_CHECK bool mpy_bn_lshift(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, uint64_t n);
MPY_MUST_CHECK bool mpy_bn_rshift(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, uint64_t n);
/* Bitwise & | ^ with two's complement semantics for negative numbers;
 * op is '&', '|' or '^'. */
MPY_MUST_CHECK bool mpy_bn_bitop(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, const mpy_bn *b, char op);
/* a ** e for e >= 0. */
MPY_MUST_CHECK bool mpy_bn_pow(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, uint64_t e);
/* a ** e mod m (e >= 0, m > 0): result in [0, m). */
MPY_MUST_CHECK bool mpy_bn_powmod(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, const mpy_bn *e, const mpy_bn *m);
/* Inverse of a modulo m > 0 in [0, m); *ok false when not invertible. */
MPY_MUST_CHECK bool mpy_bn_invmod(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, const mpy_bn *m, bool *ok);

/* Nearest double (ties to even); *overflow set when out of range. */
double mpy_bn_to_double(const mpy_bn *a, bool *overflow);
/* The integer part of a finite double. */
MPY_MUST_CHECK bool mpy_bn_from_double(mpy_vm *vm, mpy_bn *r, double d);
/* a / b correctly rounded; b nonzero.  Returns false with *overflow set
 * when the quotient is out of range, or false (MemoryError) otherwise. */
MPY_MUST_CHECK bool mpy_bn_truediv(mpy_vm *vm, const mpy_bn *a, const mpy_bn *b, double *out, bool *overflow);
/* Compares a with a finite or infinite (not NaN) double exactly: -1, 0, 1. */
int mpy_bn_cmp_double(const mpy_bn *a, double d);

/* CPython's numeric hash: a mod (2**61 - 1) with a's sign, -1 -> -2. */
int64_t mpy_bn_hash(const mpy_bn *a);

/* Digits of |a| in base 2, 8, 10 or 16 into a new buffer of *len chars
 * (lowercase, with a leading '-' when negative, no prefix), allocated
 * with mpy_mem_realloc and *cap bytes long; the caller frees it. */
MPY_MUST_CHECK bool mpy_bn_to_base(mpy_vm *vm, const mpy_bn *a, int base, char **out, size_t *len, size_t *cap);
/* Number of decimal digits of |a|, or an upper bound when it is clearly
 * beyond `limit` (for the str conversion limit). */
size_t mpy_bn_decimal_digits_bound(const mpy_bn *a);
/* Parses digit values (0..base-1, already validated) into |r|. */
MPY_MUST_CHECK bool mpy_bn_from_digit_values(mpy_vm *vm, mpy_bn *r, const uint8_t *dv, size_t n, int base);

#endif
