/* int and bool: the int type's slots, its constructor and methods.
 *
 * Values that fit int64_t are unboxed and take the fast paths here (no
 * allocation; overflow detected with __builtin_*_overflow).  Everything
 * else goes through runtime/bignum.h: operands are viewed as mpy_bn
 * without copying, results come back through from_bn(), which restores
 * the canonical form of object.h (an int64-sized result is always
 * unboxed).
 *
 * bool shares int's slots: bool values are unboxed MPY_TAG_BOOL, behave as
 * 0/1 in arithmetic, and only & | ^ between two bools give a bool.
 * Instances of int subclasses are mpy_intsub objects (int.h); every entry
 * point unwraps them with canonical() first. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bignum.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static const char limit_msg[] = "Exceeds the limit (%lld digits) for integer string conversion; "
                                "use sys.set_int_max_str_digits() to increase the limit";

/* Conversions of up to this many digits skip the limit check (CPython's
 * _PY_LONG_MAX_STR_DIGITS_THRESHOLD, also the smallest allowed limit). */
#define STR_DIGITS_THRESHOLD 640

/* The current int <-> str digit limit, 0 for none: what
 * sys.set_int_max_str_digits() stored in the sys module (mod_sys.c keeps
 * it as sys._int_max_str_digits), else the default. */
static long long str_digits_limit(mpy_vm *vm)
{
    if (!vm->sys) return MPY_INT_MAX_STR_DIGITS;
    mpy_value v = mpy_dict_get_cstr(vm, ((mpy_module *)vm->sys)->dict, "_int_max_str_digits");
    return mpy_is_smallint(v) ? (long long)v.u.i : MPY_INT_MAX_STR_DIGITS;
}

/* ------------------------------------------------------ representation */

bool mpy_is_intlike(mpy_vm *vm, mpy_value v)
{
    return mpy_is_smallint(v) || (v.tag == MPY_TAG_OBJ && (v.u.o->type->flags & MPY_TF_INT_SUB));
}

/* The canonical form of an int-like value (see int.h). */
static mpy_value canonical(mpy_vm *vm, mpy_value v)
{
    if (v.tag == MPY_TAG_BOOL) return mpy_from_int(v.u.i);
    if (v.tag == MPY_TAG_OBJ && v.u.o->type != vm->types[MPY_TYPE_INT]) return ((mpy_intsub *)v.u.o)->value;
    return v;
}

mpy_value mpy_int_canonical(mpy_vm *vm, mpy_value v) { return canonical(vm, v); }

/* A borrowed mpy_bn view of a canonical int. */
static void view(mpy_value v, mpy_bn *b, uint32_t buf[2])
{
    if (v.tag != MPY_TAG_OBJ) {
        mpy_bn_view_i64(b, v.u.i, buf);
        return;
    }
    mpy_bigint *o = (mpy_bigint *)v.u.o;
    b->d = o->d;
    b->len = o->len;
    b->cap = 0;
    b->sign = o->sign;
}

/* Turns a bn result into a canonical value, consuming it. */
static mpy_value from_bn(mpy_vm *vm, mpy_bn *b)
{
    int64_t small;
    if (mpy_bn_to_i64(b, &small)) {
        mpy_bn_free(vm, b);
        return mpy_from_int(small);
    }
    if (b->len > UINT32_MAX / 4) {
        mpy_bn_free(vm, b);
        mpy_err_nomem(vm);
        return MPY_NULL;
    }
    mpy_bigint *o = mpy_obj_alloc_part(vm, vm->types[MPY_TYPE_INT], sizeof *o + b->len * sizeof(uint32_t), sizeof *o);
    if (o) {
        o->sign = b->sign;
        o->len = (uint32_t)b->len;
        memcpy(o->d, b->d, b->len * sizeof(uint32_t));
    }
    mpy_bn_free(vm, b);
    return o ? mpy_from_obj(o) : MPY_NULL;
}

/* Finishes a bn operation: ok false means MemoryError is pending. */
static mpy_value finish(mpy_vm *vm, bool ok, mpy_bn *r)
{
    if (!ok) {
        mpy_bn_free(vm, r);
        return MPY_NULL;
    }
    return from_bn(vm, r);
}

static int sign_of(mpy_value v)
{
    if (v.tag == MPY_TAG_OBJ) return ((mpy_bigint *)v.u.o)->sign;
    return v.u.i < 0 ? -1 : v.u.i > 0;
}

/* ------------------------------------------------------- conversions */

double mpy_int_to_double(mpy_vm *vm, mpy_value v, bool *overflow)
{
    v = canonical(vm, v);
    *overflow = false;
    if (v.tag != MPY_TAG_OBJ) return (double)v.u.i;
    mpy_bn b;
    uint32_t buf[2];
    view(v, &b, buf);
    return mpy_bn_to_double(&b, overflow);
}

int mpy_int_cmp_double(mpy_vm *vm, mpy_value i, double d)
{
    i = canonical(vm, i);
    mpy_bn b;
    uint32_t buf[2];
    view(i, &b, buf);
    return mpy_bn_cmp_double(&b, d);
}

mpy_value mpy_int_from_double(mpy_vm *vm, double d)
{
    if (isinf(d)) return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d)) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "cannot convert float NaN to integer");
    if (d > -9.2e18 && d < 9.2e18) return mpy_from_int((int64_t)d);
    mpy_bn r = MPY_BN_INIT;
    return finish(vm, mpy_bn_from_double(vm, &r, d), &r);
}

bool mpy_int_hash_value(mpy_vm *vm, mpy_value v, int64_t *out)
{
    v = canonical(vm, v);
    if (v.tag != MPY_TAG_OBJ) return mpy_hash(vm, v, out);
    mpy_bn b;
    uint32_t buf[2];
    view(v, &b, buf);
    *out = mpy_bn_hash(&b);
    return true;
}

/* Digits of a canonical int in a power-of-two base or 10; C string in a
 * buffer the caller frees with mpy_mem_free(vm, p, *cap). */
static char *int_digits(mpy_vm *vm, mpy_value v, int base, size_t *len, size_t *cap)
{
    mpy_bn b;
    uint32_t buf[2];
    view(v, &b, buf);
    long long limit = 0;
    if (base == 10 && v.tag == MPY_TAG_OBJ && mpy_bn_decimal_digits_bound(&b) > STR_DIGITS_THRESHOLD) {
        /* Refuse early when clearly over the limit (the conversion is
         * quadratic), and exactly afterwards. */
        limit = str_digits_limit(vm);
        if (limit > 0 && mpy_bn_decimal_digits_bound(&b) > (size_t)limit + 1) {
            mpy_err_fmt(vm, MPY_EXC_ValueError, limit_msg, limit);
            return NULL;
        }
    }
    char *out;
    if (!mpy_bn_to_base(vm, &b, base, &out, len, cap)) return NULL;
    if (limit > 0 && *len - (b.sign < 0) > (size_t)limit) {
        mpy_mem_free(vm, out, *cap);
        mpy_err_fmt(vm, MPY_EXC_ValueError, limit_msg, limit);
        return NULL;
    }
    return out;
}

/* The decimal text of a small int.  snprintf("%lld") costs some 600
 * instructions, and str(i) is common enough (concatenation, print,
 * f-strings, dict keys) to write the digits directly. */
static mpy_str *small_decimal(mpy_vm *vm, int64_t i)
{
    char buf[24];
    char *p = buf + sizeof buf;
    uint64_t u = i < 0 ? 0 - (uint64_t)i : (uint64_t)i;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (i < 0) *--p = '-';
    size_t n = (size_t)(buf + sizeof buf - p);
    if (n == 1) return mpy_str_new(vm, p, n); /* the cached one-character strs */
    mpy_str *s = mpy_str_alloc(vm, n);
    if (!s) return NULL;
    memcpy(s->data, p, n);
    s->data[n] = 0;
    s->cplen = n; /* ASCII */
    return s;
}

mpy_str *mpy_int_to_base(mpy_vm *vm, mpy_value v, int base)
{
    v = canonical(vm, v);
    if (v.tag != MPY_TAG_OBJ && base == 10) return small_decimal(vm, v.u.i);
    size_t len, cap;
    char *p = int_digits(vm, v, base, &len, &cap);
    if (!p) return NULL;
    mpy_str *s = mpy_str_new(vm, p, len);
    mpy_mem_free(vm, p, cap);
    return s;
}

/* Digit values of an already validated digit string into a canonical
 * int. */
static mpy_value from_digit_values(mpy_vm *vm, const uint8_t *dv, size_t n, int base, bool neg)
{
    uint64_t acc = 0;
    size_t i = 0;
    for (; i < n; i++) {
        if (acc > (UINT64_MAX - 35) / 36) break;
        acc = acc * (uint64_t)base + dv[i];
    }
    if (i == n) {
        if (!neg && acc <= (uint64_t)INT64_MAX) return mpy_from_int((int64_t)acc);
        if (neg && acc <= (uint64_t)INT64_MAX + 1) return mpy_from_int((int64_t)(0 - acc));
    }
    mpy_bn r = MPY_BN_INIT;
    if (!mpy_bn_from_digit_values(vm, &r, dv, n, base)) return finish(vm, false, &r);
    if (neg && r.len) r.sign = -1;
    return from_bn(vm, &r);
}

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static bool over_str_limit(mpy_vm *vm, size_t ndigits, int base)
{
    if ((base & (base - 1)) == 0 || ndigits <= STR_DIGITS_THRESHOLD) return false;
    long long limit = str_digits_limit(vm);
    if (limit <= 0 || ndigits <= (size_t)limit) return false;
    mpy_err_fmt(vm, MPY_EXC_ValueError,
                "Exceeds the limit (%lld digits) for integer string conversion: value has %zu digits; "
                "use sys.set_int_max_str_digits() to increase the limit",
                limit, ndigits);
    return true;
}

mpy_value mpy_int_from_digits(mpy_vm *vm, const char *digits, size_t len, int base)
{
    uint8_t small[64];
    uint8_t *dv = len <= sizeof small ? small : mpy_mem_realloc(vm, NULL, 0, len);
    if (!dv) return MPY_NULL;
    for (size_t i = 0; i < len; i++) dv[i] = (uint8_t)digit_value((unsigned char)digits[i]);
    mpy_value r = over_str_limit(vm, len, base) ? MPY_NULL : from_digit_values(vm, dv, len, base, false);
    if (dv != small) mpy_mem_free(vm, dv, len);
    return r;
}

static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }

/* int(text, base) per CPython's PyLong_FromString: whitespace, sign,
 * prefix, single underscores between digits.  `orig` is the argument,
 * whose repr the error message shows.  MPY_NULL with *bad set when the
 * text is not a valid literal (the caller raises). */
static mpy_value parse_int(mpy_vm *vm, const char *s, size_t n, int base, bool *bad)
{
    const char *end = s + n;
    *bad = true;
    while (s < end && is_space((unsigned char)*s)) s++;
    while (end > s && is_space((unsigned char)end[-1])) end--;
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-')) neg = *s++ == '-';
    bool prefixed = false, leading_zero = false;
    if (end - s >= 2 && s[0] == '0') {
        char p = (char)(s[1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            s += 2;
            prefixed = true;
        }
    }
    if (base == 0) {
        base = 10;
        leading_zero = s < end && *s == '0';
    }
    size_t cap = (size_t)(end - s);
    uint8_t small[64];
    uint8_t *dv = cap <= sizeof small ? small : mpy_mem_realloc(vm, NULL, 0, cap);
    if (!dv) {
        *bad = false;
        return MPY_NULL;
    }
    /* digits: prefix ('_'? digit)+ or digit ('_'? digit)* */
    size_t nd = 0;
    bool ok = true, need_digit = true, allow_us = prefixed;
    for (const char *p = s; p < end && ok; p++) {
        if (*p == '_') {
            ok = allow_us;
            allow_us = false;
            need_digit = true;
            continue;
        }
        int d = digit_value((unsigned char)*p);
        if (d >= base) ok = false;
        else dv[nd++] = (uint8_t)d;
        allow_us = true;
        need_digit = false;
    }
    if (need_digit) ok = false;
    if (ok && leading_zero)
        for (size_t i = 0; i < nd; i++)
            if (dv[i]) ok = false;
    mpy_value r = MPY_NULL;
    if (ok) {
        *bad = false;
        if (!over_str_limit(vm, nd, base)) r = from_digit_values(vm, dv, nd, base, neg);
    }
    if (dv != small) mpy_mem_free(vm, dv, cap);
    return r;
}

/* ------------------------------------------------------ big arithmetic */

/* CPython 3.11's messages: % has its own, // and divmod() share one. */
static mpy_value zero_div(mpy_vm *vm)
{
    return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "integer division or modulo by zero");
}

static mpy_value zero_mod(mpy_vm *vm)
{
    return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "integer modulo by zero");
}

/* a ** b for canonical ints, b >= 0. */
static mpy_value int_pow(mpy_vm *vm, mpy_value a, mpy_value b)
{
    mpy_bn x, y, r = MPY_BN_INIT;
    uint32_t bx[2], by[2];
    view(a, &x, bx);
    view(b, &y, by);
    /* 0, 1 and -1 raised to anything stay small. */
    if (x.len == 0) return mpy_from_int(y.len == 0 ? 1 : 0);
    if (x.len == 1 && x.d[0] == 1)
        return mpy_from_int(x.sign > 0 || (y.len && (y.d[0] & 1) == 0) ? 1 : -1);
    int64_t e;
    uint64_t bits = mpy_bn_bit_length(&x);
    if (!mpy_bn_to_i64(&y, &e) || (uint64_t)e > ((uint64_t)1 << 40) / bits) return mpy_err_nomem(vm), MPY_NULL;
    return finish(vm, mpy_bn_pow(vm, &r, &x, (uint64_t)e), &r);
}

/* The true quotient of two canonical ints, correctly rounded. */
static mpy_value int_truediv(mpy_vm *vm, mpy_value a, mpy_value b)
{
    mpy_bn x, y;
    uint32_t bx[2], by[2];
    view(a, &x, bx);
    view(b, &y, by);
    if (!y.len) return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "division by zero");
    double q;
    bool overflow;
    if (!mpy_bn_truediv(vm, &x, &y, &q, &overflow)) {
        if (overflow)
            return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "integer division result too large for a float");
        return MPY_NULL;
    }
    return mpy_from_float(q);
}

static mpy_value int_shift(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    mpy_bn x, y, r = MPY_BN_INIT;
    uint32_t bx[2], by[2];
    view(a, &x, bx);
    view(b, &y, by);
    if (y.sign < 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "negative shift count");
    if (x.len == 0) return mpy_from_int(0);
    int64_t n;
    if (!mpy_bn_to_i64(&y, &n)) {
        if (op == MPY_BINOP_RSHIFT) return mpy_from_int(x.sign < 0 ? -1 : 0);
        return mpy_err_nomem(vm), MPY_NULL;
    }
    if (op == MPY_BINOP_LSHIFT) {
        if ((uint64_t)n > ((uint64_t)1 << 40)) return mpy_err_nomem(vm), MPY_NULL;
        return finish(vm, mpy_bn_lshift(vm, &r, &x, (uint64_t)n), &r);
    }
    return finish(vm, mpy_bn_rshift(vm, &r, &x, (uint64_t)n), &r);
}

/* x + y, x - y or x * y of big operands, computed straight into the limbs
 * of the result object: allocated first with room for the largest result
 * (max length + 1 for + and -, the sum of lengths for *), which the bn
 * functions then never need to grow, so the result is not built in a
 * temporary and copied (a pass over the limbs and a malloc/free less for
 * each operation).  When the result fits int64 it is unboxed and the
 * object is left to the collector. */
static mpy_value add_sub_mul_in_place(mpy_vm *vm, mpy_binop op, const mpy_bn *x, const mpy_bn *y)
{
    size_t big = x->len > y->len ? x->len : y->len;
    size_t need = op == MPY_BINOP_MUL ? x->len + y->len : big + 1;
    if (need > UINT32_MAX / 4) return mpy_err_nomem(vm), MPY_NULL;
    mpy_bigint *o = mpy_obj_alloc_part(vm, vm->types[MPY_TYPE_INT], sizeof *o + need * sizeof(uint32_t), sizeof *o);
    if (!o) return MPY_NULL;
    /* cap = need: owned as far as reserve() is concerned, never freed */
    mpy_bn r = {o->d, 0, need, 0};
    bool ok = op == MPY_BINOP_ADD ? mpy_bn_add(vm, &r, x, y)
            : op == MPY_BINOP_SUB ? mpy_bn_sub(vm, &r, x, y)
            : mpy_bn_mul(vm, &r, x, y);
    if (!ok) return MPY_NULL;
    int64_t small;
    if (mpy_bn_to_i64(&r, &small)) return mpy_from_int(small);
    o->sign = r.sign;
    o->len = (uint32_t)r.len;
    return mpy_from_obj(o);
}

/* Every int operation with a big operand, or small operands whose exact
 * result does not fit int64.  Operands are int-like. */
mpy_value mpy_int_big_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    a = canonical(vm, a);
    b = canonical(vm, b);
    mpy_bn x, y, r = MPY_BN_INIT;
    uint32_t bx[2], by[2];
    view(a, &x, bx);
    view(b, &y, by);
    switch (op) {
    case MPY_BINOP_ADD:
    case MPY_BINOP_SUB:
    case MPY_BINOP_MUL: return add_sub_mul_in_place(vm, op, &x, &y);
    case MPY_BINOP_FLOORDIV:
        if (!y.len) return zero_div(vm);
        return finish(vm, mpy_bn_divmod(vm, &r, NULL, &x, &y), &r);
    case MPY_BINOP_MOD:
        if (!y.len) return zero_mod(vm);
        return finish(vm, mpy_bn_divmod(vm, NULL, &r, &x, &y), &r);
    case MPY_BINOP_TRUEDIV: return int_truediv(vm, a, b);
    case MPY_BINOP_POW: {
        if (y.sign < 0) {
            /* A negative exponent makes it a float operation. */
            bool o1, o2;
            double fx = mpy_bn_to_double(&x, &o1), fy = mpy_bn_to_double(&y, &o2);
            if (o1 || o2) return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "int too large to convert to float");
            return mpy_float_binop_values(vm, MPY_BINOP_POW, fx, fy);
        }
        return int_pow(vm, a, b);
    }
    case MPY_BINOP_LSHIFT:
    case MPY_BINOP_RSHIFT: return int_shift(vm, op, a, b);
    case MPY_BINOP_AND: return finish(vm, mpy_bn_bitop(vm, &r, &x, &y, '&'), &r);
    case MPY_BINOP_OR: return finish(vm, mpy_bn_bitop(vm, &r, &x, &y, '|'), &r);
    case MPY_BINOP_XOR: return finish(vm, mpy_bn_bitop(vm, &r, &x, &y, '^'), &r);
    default: return mpy_notimpl(vm);
    }
}

int mpy_int_big_cmp(mpy_vm *vm, mpy_value a, mpy_value b)
{
    mpy_bn x, y;
    uint32_t bx[2], by[2];
    view(canonical(vm, a), &x, bx);
    view(canonical(vm, b), &y, by);
    return mpy_bn_cmp(&x, &y);
}

bool mpy_int_big_hash(mpy_vm *vm, mpy_value v, int64_t *out) { return mpy_int_hash_value(vm, v, out); }

mpy_value mpy_int_big_repr(mpy_vm *vm, mpy_value v)
{
    mpy_str *s = mpy_int_to_base(vm, v, 10);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

mpy_value mpy_int_powmod(mpy_vm *vm, mpy_value a, mpy_value b, mpy_value m)
{
    a = canonical(vm, a);
    b = canonical(vm, b);
    m = canonical(vm, m);
    mpy_bn x, y, z, r = MPY_BN_INIT;
    uint32_t bx[2], by[2], bz[2];
    view(a, &x, bx);
    view(b, &y, by);
    view(m, &z, bz);
    if (!z.len) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "pow() 3rd argument cannot be 0");
    int msign = z.sign;
    z.sign = 1;
    mpy_bn base = MPY_BN_INIT;
    if (y.sign < 0) {
        /* pow(a, -e, m) == pow(inverse of a, e, m). */
        bool invertible;
        if (!mpy_bn_invmod(vm, &base, &x, &z, &invertible)) return MPY_NULL;
        if (!invertible)
            return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "base is not invertible for the given modulus");
        y.sign = 1;
    } else if (!mpy_bn_copy(vm, &base, &x)) {
        return MPY_NULL;
    }
    bool ok = mpy_bn_powmod(vm, &r, &base, &y, &z);
    mpy_bn_free(vm, &base);
    if (ok && msign < 0 && r.len) {
        /* A negative modulus gives a result in (m, 0]. */
        mpy_bn t = MPY_BN_INIT;
        ok = mpy_bn_sub(vm, &t, &r, &z);
        mpy_bn_free(vm, &r);
        r = t;
    }
    return finish(vm, ok, &r);
}

/* ------------------------------------------------------------- slots */

static int64_t floordiv64(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

static int64_t mod64(int64_t a, int64_t b)
{
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

/* Small-int arithmetic; overflow or big operands go to the big half. */
static mpy_value int_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (op >= MPY_BINOP_INPLACE) return mpy_notimpl(vm);
    /* int OP float is float's business (its slot handles both sides). */
    if (!mpy_is_intlike(vm, a) || !mpy_is_intlike(vm, b)) return mpy_notimpl(vm);
    bool both_bool = mpy_is_bool(a) && mpy_is_bool(b);
    a = canonical(vm, a);
    b = canonical(vm, b);
    if (a.tag == MPY_TAG_OBJ || b.tag == MPY_TAG_OBJ) return mpy_int_big_binop(vm, op, a, b);
    int64_t x = a.u.i, y = b.u.i, r;
    switch (op) {
    case MPY_BINOP_ADD:
        if (__builtin_add_overflow(x, y, &r)) break;
        return mpy_from_int(r);
    case MPY_BINOP_SUB:
        if (__builtin_sub_overflow(x, y, &r)) break;
        return mpy_from_int(r);
    case MPY_BINOP_MUL:
        if (__builtin_mul_overflow(x, y, &r)) break;
        return mpy_from_int(r);
    case MPY_BINOP_FLOORDIV:
        if (y == 0) return zero_div(vm);
        if (x == INT64_MIN && y == -1) break;
        return mpy_from_int(floordiv64(x, y));
    case MPY_BINOP_MOD:
        if (y == 0) return zero_mod(vm);
        if (y == -1) return mpy_from_int(0);
        return mpy_from_int(mod64(x, y));
    case MPY_BINOP_TRUEDIV:
        if (y == 0) return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "division by zero");
        /* Both exact as doubles: one correctly rounded division. */
        if (x > -(1LL << 53) && x < (1LL << 53) && y > -(1LL << 53) && y < (1LL << 53))
            return mpy_from_float((double)x / (double)y);
        return int_truediv(vm, a, b);
    case MPY_BINOP_POW:
        if (y < 0) {
            if (x == 0)
                return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return mpy_float_binop_values(vm, MPY_BINOP_POW, (double)x, (double)y);
        } else {
            int64_t base = x, acc = 1;
            uint64_t e = (uint64_t)y;
            bool ovf = false;
            while (e) {
                if (e & 1) ovf |= __builtin_mul_overflow(acc, base, &acc);
                e >>= 1;
                if (e) ovf |= __builtin_mul_overflow(base, base, &base);
                if (ovf) break;
            }
            if (!ovf) return mpy_from_int(acc);
        }
        break;
    case MPY_BINOP_LSHIFT:
        if (y < 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "negative shift count");
        if (x == 0) return mpy_from_int(0);
        if (y < 63) {
            int64_t s = (int64_t)((uint64_t)x << y);
            if ((s >> y) == x) return mpy_from_int(s);
        }
        break;
    case MPY_BINOP_RSHIFT:
        if (y < 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "negative shift count");
        return mpy_from_int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
    case MPY_BINOP_AND:
        r = x & y;
        return both_bool ? mpy_from_bool(r) : mpy_from_int(r);
    case MPY_BINOP_OR:
        r = x | y;
        return both_bool ? mpy_from_bool(r) : mpy_from_int(r);
    case MPY_BINOP_XOR:
        r = x ^ y;
        return both_bool ? mpy_from_bool(r) : mpy_from_int(r);
    default:
        return mpy_notimpl(vm);
    }
    return mpy_int_big_binop(vm, op, a, b);
}

static mpy_value int_negate(mpy_vm *vm, mpy_value v)
{
    if (v.tag != MPY_TAG_OBJ && v.u.i != INT64_MIN) return mpy_from_int(-v.u.i);
    return mpy_int_big_binop(vm, MPY_BINOP_SUB, mpy_from_int(0), v);
}

static mpy_value int_unary(mpy_vm *vm, mpy_unaryop op, mpy_value v)
{
    v = canonical(vm, v);
    switch (op) {
    case MPY_UNARY_NEG: return int_negate(vm, v);
    case MPY_UNARY_POS: return v;
    case MPY_UNARY_INVERT:
        if (v.tag != MPY_TAG_OBJ) return mpy_from_int(~v.u.i);
        return mpy_int_big_binop(vm, MPY_BINOP_SUB, mpy_from_int(-1), v);
    }
    return mpy_notimpl(vm);
}

static mpy_value int_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if (!mpy_is_intlike(vm, a) || !mpy_is_intlike(vm, b)) return mpy_notimpl(vm);
    a = canonical(vm, a);
    b = canonical(vm, b);
    int c;
    if (a.tag != MPY_TAG_OBJ && b.tag != MPY_TAG_OBJ) c = (a.u.i > b.u.i) - (a.u.i < b.u.i);
    else c = mpy_int_big_cmp(vm, a, b);
    return mpy_from_bool(mpy_cmp_holds(c, op));
}

static mpy_value int_repr(mpy_vm *vm, mpy_value v)
{
    v = canonical(vm, v);
    if (v.tag != MPY_TAG_OBJ) {
        mpy_str *s = small_decimal(vm, v.u.i);
        return s ? mpy_from_obj(s) : MPY_NULL;
    }
    return mpy_int_big_repr(vm, v);
}

static mpy_value bool_repr(mpy_vm *vm, mpy_value v)
{
    mpy_str *s = mpy_str_intern_cstr(vm, v.u.i ? "True" : "False");
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static bool int_hash(mpy_vm *vm, mpy_value v, int64_t *out) { return mpy_int_hash_value(vm, v, out); }

static int int_truth(mpy_vm *vm, mpy_value v) { return sign_of(canonical(vm, v)) != 0; }

static void int_trace(mpy_vm *vm, mpy_obj *o)
{
    if (o->type == vm->types[MPY_TYPE_INT]) return;
    mpy_gc_mark(vm, ((mpy_intsub *)o)->value);
    if (o->type->dict_offset) mpy_gc_mark_obj(vm, *(mpy_obj **)((char *)o + o->type->dict_offset));
}

/* -------------------------------------------------------- constructors */

/* An instance of int subclass `t` holding canonical value v. */
static mpy_value wrap_sub(mpy_vm *vm, mpy_type *t, mpy_value v)
{
    if (mpy_is_null(v) || t == vm->types[MPY_TYPE_INT]) return v;
    mpy_intsub *o = mpy_obj_alloc(vm, t, t->instance_size);
    if (!o) return MPY_NULL;
    o->value = v;
    return mpy_from_obj(o);
}

/* bytes.c: the contents of a bytes or bytearray value (false when v is
 * neither). */
bool mpy_bytes_view(mpy_vm *vm, mpy_value v, const unsigned char **data, size_t *len);

/* The text of a str, bytes or bytearray argument, or NULL. */
static const char *text_of(mpy_vm *vm, mpy_value v, size_t *len)
{
    if (mpy_is_sub(vm, v, MPY_TYPE_STR)) {
        *len = mpy_as_str(v)->len;
        return mpy_as_str(v)->data;
    }
    const unsigned char *p;
    if ((mpy_is_sub(vm, v, MPY_TYPE_BYTES) || mpy_is_sub(vm, v, MPY_TYPE_BYTEARRAY)) && mpy_bytes_view(vm, v, &p, len))
        return (const char *)p;
    return NULL;
}

/* Calls a numeric dunder found on v's type; MPY_NULL with no exception
 * when the type has none. */
static mpy_value call_dunder(mpy_vm *vm, mpy_value v, mpy_str *name)
{
    mpy_value m = mpy_type_lookup(vm, mpy_typeof(vm, v), name);
    if (mpy_is_null(m)) return MPY_NULL;
    return mpy_call1(vm, m, v);
}

/* int(x) for a non-string x: the number protocols in CPython's order. */
static mpy_value int_from_number(mpy_vm *vm, mpy_value x)
{
    if (mpy_is_intlike(vm, x) && !(x.tag == MPY_TAG_OBJ && (x.u.o->type->flags & MPY_TF_HEAP)))
        return canonical(vm, x);
    if (mpy_is_float(x)) return mpy_int_from_double(vm, x.u.f);
    static const char *const which[] = {"__int__", "__index__", "__trunc__"};
    mpy_str *names[] = {vm->names.__int__, vm->names.__index__, vm->names.__trunc__};
    for (int i = 0; i < 3; i++) {
        mpy_value r = call_dunder(vm, x, names[i]);
        if (mpy_is_null(r)) {
            if (mpy_err_occurred(vm)) return MPY_NULL;
            continue;
        }
        if (i == 2 && !mpy_is_intlike(vm, r)) {
            /* __trunc__ may return any object with __index__. */
            mpy_value r2 = call_dunder(vm, r, vm->names.__index__);
            if (mpy_is_null(r2)) {
                if (mpy_err_occurred(vm)) return MPY_NULL;
                return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__trunc__ returned non-Integral (type %s)",
                                     mpy_tname(vm, r));
            }
            r = r2;
        }
        if (!mpy_is_intlike(vm, r))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s returned non-int (type %s)", which[i], mpy_tname(vm, r));
        return canonical(vm, r);
    }
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError,
                         "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                         mpy_tname(vm, x));
}

/* The first code points of the 66 runs of Unicode decimal digits (category
 * Nd, Unicode 14.0 as CPython 3.11): each run holds the digits 0..9. */
static const uint32_t nd_zeros[] = {
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50,
    0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40,
    0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066,
    0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
    0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6,
    0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
};

static bool unicode_space(uint32_t c)
{
    return (c >= 0x9 && c <= 0xd) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

char *mpy_int_text_to_ascii(mpy_vm *vm, const char *s, size_t n, size_t *outlen, size_t *cap)
{
    char *out = mpy_mem_realloc(vm, NULL, 0, n + 1);
    if (!out) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned char b = (unsigned char)s[i];
        uint32_t c;
        int len = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
        if (len == 1) c = b;
        else {
            c = b & (0xff >> (len + 1));
            for (int j = 1; j < len && i + (size_t)j < n; j++) c = c << 6 | ((unsigned char)s[i + (size_t)j] & 0x3f);
        }
        i += (size_t)len;
        char a = '?';
        if (c < 0x80 && !unicode_space(c)) a = (char)c;
        else if (unicode_space(c)) a = ' ';
        else
            for (size_t z = 0; z < sizeof nd_zeros / sizeof nd_zeros[0]; z++)
                if (c >= nd_zeros[z] && c < nd_zeros[z] + 10) a = (char)('0' + (c - nd_zeros[z]));
        out[k++] = a;
    }
    out[k] = 0;
    *outlen = k;
    *cap = n + 1;
    return out;
}

/* int(text, base) with CPython's error message. */
static mpy_value int_from_text(mpy_vm *vm, mpy_value x, const char *s, size_t n, int base)
{
    bool bad;
    mpy_value r;
    if (mpy_is_sub(vm, x, MPY_TYPE_STR) && !mpy_str_is_ascii(mpy_as_str(x))) {
        /* Unicode digits and spaces count as their ASCII equivalents. */
        size_t len, cap;
        char *a = mpy_int_text_to_ascii(vm, s, n, &len, &cap);
        if (!a) return MPY_NULL;
        r = parse_int(vm, a, len, base, &bad);
        mpy_mem_free(vm, a, cap);
    } else {
        r = parse_int(vm, s, n, base, &bad);
    }
    if (!bad) return r;
    if (mpy_is_sub(vm, x, MPY_TYPE_BYTEARRAY)) {
        /* CPython reports the bytearray's contents as bytes. */
        mpy_bytes *b = mpy_bytes_new(vm, s, n);
        if (!b) return MPY_NULL;
        x = mpy_from_obj(b);
    }
    mpy_value rep = mpy_repr(vm, x);
    if (mpy_is_null(rep)) return MPY_NULL;
    return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "invalid literal for int() with base %d: %s", base,
                         mpy_as_str(rep)->data);
}

mpy_value mpy_int_new_(mpy_vm *vm, mpy_type *t, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[2] = {MPY_NULL, MPY_NULL};
    int nkw = kw ? (int)kw->len : 0;
    if (argc > 2 || argc + nkw > 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "int() takes at most 2 arguments (%d given)", argc + nkw);
    for (int i = 0; i < argc; i++) a[i] = args[i];
    for (int i = 0; i < nkw; i++) {
        mpy_str *name = mpy_as_str(kw->items[i]);
        if (strcmp(name->data, "base") != 0)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' is an invalid keyword argument for int()", name->data);
        if (argc >= 2)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "argument for int() given by name ('base') and position (2)");
        a[1] = args[argc + i];
    }
    mpy_value x = a[0];
    if (mpy_is_null(a[1])) {
        if (mpy_is_null(x)) return wrap_sub(vm, t, mpy_from_int(0));
        size_t n;
        const char *s = text_of(vm, x, &n);
        return wrap_sub(vm, t, s ? int_from_text(vm, x, s, n, 10) : int_from_number(vm, x));
    }
    int64_t base;
    if (!mpy_index(vm, a[1], &base)) {
        if (!mpy_err_matches(vm, MPY_EXC_IndexError)) return MPY_NULL;
        mpy_err_clear(vm);
        base = -1; /* a huge base: out of range below */
    }
    if (mpy_is_null(x)) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "int() missing string argument");
    if (base != 0 && (base < 2 || base > 36))
        return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "int() base must be >= 2 and <= 36, or 0");
    size_t n;
    const char *s = text_of(vm, x, &n);
    if (!s) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "int() can't convert non-string with explicit base");
    return wrap_sub(vm, t, int_from_text(vm, x, s, n, (int)base));
}

mpy_value mpy_bool_new_(mpy_vm *vm, mpy_type *t, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "bool() takes no keyword arguments");
    if (argc > 1) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "bool expected at most 1 argument, got %d", argc);
    if (argc == 0) return MPY_FALSE;
    int r = mpy_truth(vm, args[0]);
    return r < 0 ? MPY_NULL : mpy_from_bool(r);
}

/* ------------------------------------------------------------- methods */

/* CPython's METH_NOARGS checks ("int.bit_length() takes no arguments (1
 * given)"); the dunders that are slot wrappers in CPython (__abs__,
 * __float__, __int__, __index__) word it "expected 0 arguments, got 1". */
static bool no_args(mpy_vm *vm, const char *name, int argc, mpy_tuple *kw)
{
    bool wrapper = strcmp(name, "__abs__") == 0 || strcmp(name, "__float__") == 0 || strcmp(name, "__int__") == 0 ||
                   strcmp(name, "__index__") == 0;
    if (kw && kw->len) {
        if (wrapper) return mpy_err_fmt(vm, MPY_EXC_TypeError, "wrapper %s() takes no keyword arguments", name);
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "int.%s() takes no keyword arguments", name);
    }
    if (argc == 1) return true;
    if (wrapper) return mpy_err_fmt(vm, MPY_EXC_TypeError, "expected 0 arguments, got %d", argc - 1);
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "int.%s() takes no arguments (%d given)", name, argc - 1);
}

/* self as a canonical int (methods may be called through the type with
 * any first argument; func.c checks it is an int). */
#define SELF canonical(vm, args[0])

static mpy_value int_m_self(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, name, argc, kw)) return MPY_NULL;
    return SELF;
}

static mpy_value int_m_conjugate(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return int_m_self(vm, "conjugate", argc, args, kw);
}
static mpy_value int_m_trunc(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return int_m_self(vm, "__trunc__", argc, args, kw);
}
static mpy_value int_m_floor(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return int_m_self(vm, "__floor__", argc, args, kw);
}
static mpy_value int_m_ceil(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return int_m_self(vm, "__ceil__", argc, args, kw);
}
static mpy_value int_m_int(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return int_m_self(vm, "__int__", argc, args, kw);
}
static mpy_value int_m_index(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return int_m_self(vm, "__index__", argc, args, kw);
}

static mpy_value int_m_abs(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "__abs__", argc, kw)) return MPY_NULL;
    mpy_value v = SELF;
    return sign_of(v) < 0 ? int_negate(vm, v) : v;
}

static mpy_value int_m_float(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "__float__", argc, kw)) return MPY_NULL;
    bool overflow;
    double d = mpy_int_to_double(vm, args[0], &overflow);
    if (overflow) return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "int too large to convert to float");
    return mpy_from_float(d);
}

static mpy_value int_m_bit_length(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "bit_length", argc, kw)) return MPY_NULL;
    mpy_bn b;
    uint32_t buf[2];
    view(SELF, &b, buf);
    return mpy_from_int((int64_t)mpy_bn_bit_length(&b));
}

static mpy_value int_m_bit_count(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "bit_count", argc, kw)) return MPY_NULL;
    mpy_bn b;
    uint32_t buf[2];
    view(SELF, &b, buf);
    return mpy_from_int((int64_t)mpy_bn_bit_count(&b));
}

static mpy_value int_m_as_integer_ratio(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "as_integer_ratio", argc, kw)) return MPY_NULL;
    mpy_tuple *t = mpy_tuple_pack(vm, 2, SELF, mpy_from_int(1));
    return t ? mpy_from_obj(t) : MPY_NULL;
}

/* Rounds canonical v to a multiple of 10**k (k > 0), ties to even. */
static mpy_value round_pow10(mpy_vm *vm, mpy_value v, int64_t k)
{
    mpy_bn x, ten, p = MPY_BN_INIT, q = MPY_BN_INIT, r = MPY_BN_INIT, twice = MPY_BN_INIT, out = MPY_BN_INIT;
    uint32_t bx[2], bt[2];
    view(v, &x, bx);
    if ((uint64_t)k > mpy_bn_decimal_digits_bound(&x) + 1) return mpy_from_int(0);
    mpy_bn_view_i64(&ten, 10, bt);
    bool ok = mpy_bn_pow(vm, &p, &ten, (uint64_t)k) && mpy_bn_divmod(vm, &q, &r, &x, &p) &&
              mpy_bn_lshift(vm, &twice, &r, 1);
    if (ok) {
        int c = mpy_bn_cmp(&twice, &p);
        if (c > 0 || (c == 0 && q.len && (q.d[0] & 1))) {
            mpy_bn one, t = MPY_BN_INIT;
            uint32_t bo[2];
            mpy_bn_view_i64(&one, 1, bo);
            ok = mpy_bn_add(vm, &t, &q, &one);
            mpy_bn_free(vm, &q);
            q = t;
        }
    }
    ok = ok && mpy_bn_mul(vm, &out, &q, &p);
    mpy_bn_free(vm, &p);
    mpy_bn_free(vm, &q);
    mpy_bn_free(vm, &r);
    mpy_bn_free(vm, &twice);
    return finish(vm, ok, &out);
}

static mpy_value int_m_round(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "int.__round__() takes no keyword arguments");
    if (argc > 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__round__ expected at most 1 argument, got %d", argc - 1);
    mpy_value v = SELF;
    if (argc < 2 || mpy_is_none(args[1])) return v;
    int64_t nd;
    if (!mpy_index(vm, args[1], &nd)) {
        if (!mpy_err_matches(vm, MPY_EXC_IndexError)) return MPY_NULL;
        /* A huge ndigits: positive keeps the value, negative gives 0. */
        mpy_err_clear(vm);
        mpy_value c = canonical(vm, mpy_is_intlike(vm, args[1]) ? args[1] : mpy_from_int(0));
        return sign_of(c) >= 0 ? v : mpy_from_int(0);
    }
    if (nd >= 0) return v;
    if (nd == INT64_MIN) return mpy_from_int(0);
    return round_pow10(vm, v, -nd);
}

static mpy_value int_m_divmod(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "wrapper __divmod__() takes no keyword arguments");
    if (argc != 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "expected 1 argument, got %d", argc - 1);
    if (!mpy_is_intlike(vm, args[1])) return mpy_notimpl(vm);
    mpy_value q = int_binop(vm, MPY_BINOP_FLOORDIV, args[0], args[1]);
    if (mpy_is_null(q)) return q;
    mpy_value r = int_binop(vm, MPY_BINOP_MOD, args[0], args[1]);
    if (mpy_is_null(r)) return r;
    mpy_tuple *t = mpy_tuple_pack(vm, 2, q, r);
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static mpy_value int_m_rdivmod(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "expected 1 argument, got %d", argc - 1);
    mpy_value sw[2] = {args[1], args[0]};
    return int_m_divmod(vm, 2, sw, kw);
}

/* CPython's ternary slot wrapper checks (its message has an empty
 * function name, hence the leading space); float.c uses them too. */
bool mpy_pow_arg_count(mpy_vm *vm, int argc)
{
    if (argc < 2) return mpy_err_fmt(vm, MPY_EXC_TypeError, " expected at least 1 argument, got %d", argc - 1);
    if (argc > 3) return mpy_err_fmt(vm, MPY_EXC_TypeError, " expected at most 2 arguments, got %d", argc - 1);
    return true;
}

static mpy_value int_m_pow(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "wrapper __pow__() takes no keyword arguments");
    if (!mpy_pow_arg_count(vm, argc)) return MPY_NULL;
    if (argc == 2 || mpy_is_none(args[2])) return int_binop(vm, MPY_BINOP_POW, args[0], args[1]);
    if (!mpy_is_intlike(vm, args[1]) || !mpy_is_intlike(vm, args[2])) return mpy_notimpl(vm);
    return mpy_int_powmod(vm, args[0], args[1], args[2]);
}

static mpy_value int_m_rpow(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "wrapper __rpow__() takes no keyword arguments");
    if (!mpy_pow_arg_count(vm, argc)) return MPY_NULL;
    if (!mpy_is_intlike(vm, args[1])) return mpy_notimpl(vm);
    if (argc == 2 || mpy_is_none(args[2])) return int_binop(vm, MPY_BINOP_POW, args[1], args[0]);
    if (!mpy_is_intlike(vm, args[2])) return mpy_notimpl(vm);
    return mpy_int_powmod(vm, args[1], args[0], args[2]);
}

/* Parses to_bytes/from_bytes' byteorder: 1 little, 0 big, -1 error. */
static int byteorder_of(mpy_vm *vm, mpy_value v, const char *fname)
{
    if (mpy_is_null(v)) return 0;
    if (!mpy_is_sub(vm, v, MPY_TYPE_STR)) {
        mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() argument 'byteorder' must be str, not %s", fname, mpy_tname(vm, v));
        return -1;
    }
    const char *s = mpy_as_str(v)->data;
    if (strcmp(s, "little") == 0) return 1;
    if (strcmp(s, "big") == 0) return 0;
    mpy_err_msg(vm, MPY_EXC_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

static mpy_value int_m_to_bytes(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value p[4];
    if (!mpy_args_parse(vm, "to_bytes", argc - 1, args + 1, kw, "length=,byteorder=,*,signed=", p)) return MPY_NULL;
    int64_t length = 1;
    if (!mpy_is_null(p[0]) && !mpy_index_big(vm, p[0], MPY_INDEX_BIG_SSIZE, &length)) return MPY_NULL;
    if (length < 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "length argument must be non-negative");
    int little = byteorder_of(vm, p[1], "to_bytes");
    if (little < 0) return MPY_NULL;
    int is_signed = mpy_is_null(p[2]) ? 0 : mpy_truth(vm, p[2]);
    if (is_signed < 0) return MPY_NULL;
    mpy_value v = SELF;
    mpy_bn b;
    uint32_t buf[2];
    view(v, &b, buf);
    if (b.sign < 0 && !is_signed)
        return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "can't convert negative int to unsigned");
    /* Two's complement bytes, least significant first, then checked. */
    size_t n = (size_t)length;
    unsigned char *out = mpy_mem_realloc(vm, NULL, 0, n ? n : 1);
    if (!out) return MPY_NULL;
    uint64_t carry = 1;
    size_t nbytes = b.len * 4;
    for (size_t i = 0; i < n; i++) {
        unsigned byte = i < nbytes ? (b.d[i / 4] >> (8 * (i % 4))) & 0xff : 0;
        if (b.sign < 0) {
            carry += (~byte) & 0xff;
            byte = carry & 0xff;
            carry >>= 8;
        }
        out[i] = (unsigned char)byte;
    }
    uint64_t bits = mpy_bn_bit_length(&b);
    bool fits;
    if (!is_signed) fits = bits <= 8 * (uint64_t)n;
    else if (b.sign >= 0) fits = bits < 8 * (uint64_t)n || bits == 0;
    else {
        /* -2**(8n-1) is the most negative value that fits; CPython also
         * lets -1 "fit" in zero bytes. */
        fits = bits < 8 * (uint64_t)n || (bits == 8 * (uint64_t)n && mpy_bn_bit_count(&b) == 1) ||
               (n == 0 && bits == 1);
    }
    if (!fits) {
        mpy_mem_free(vm, out, n ? n : 1);
        return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "int too big to convert");
    }
    if (!little)
        for (size_t i = 0; i < n / 2; i++) {
            unsigned char t = out[i];
            out[i] = out[n - 1 - i];
            out[n - 1 - i] = t;
        }
    mpy_bytes *r = mpy_bytes_new(vm, out, n);
    mpy_mem_free(vm, out, n ? n : 1);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static mpy_value int_m_from_bytes(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value p[3];
    if (!mpy_args_parse(vm, "from_bytes", argc - 1, args + 1, kw, "bytes,byteorder=,*,signed=", p)) return MPY_NULL;
    const unsigned char *data;
    size_t n;
    if (!mpy_bytes_view(vm, p[0], &data, &n)) {
        /* Other iterables of ints go through bytes(), as PyObject_Bytes. */
        if (mpy_is_intlike(vm, p[0]) || mpy_is_sub(vm, p[0], MPY_TYPE_STR))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "cannot convert '%s' object to bytes", mpy_tname(vm, p[0]));
        p[0] = mpy_call1(vm, mpy_from_obj(vm->types[MPY_TYPE_BYTES]), p[0]);
        if (mpy_is_null(p[0]) || !mpy_bytes_view(vm, p[0], &data, &n)) return MPY_NULL;
    }
    int little = byteorder_of(vm, p[1], "from_bytes");
    if (little < 0) return MPY_NULL;
    int is_signed = mpy_is_null(p[2]) ? 0 : mpy_truth(vm, p[2]);
    if (is_signed < 0) return MPY_NULL;
    /* Hex digits, most significant first, parsed as base 16. */
    uint8_t *dv = mpy_mem_realloc(vm, NULL, 0, 2 * n + 1);
    if (!dv) return MPY_NULL;
    bool neg = is_signed && n && (data[little ? n - 1 : 0] & 0x80);
    for (size_t i = 0; i < n; i++) {
        unsigned c = data[little ? n - 1 - i : i];
        if (neg) c = ~c & 0xff;
        dv[2 * i] = (uint8_t)(c >> 4);
        dv[2 * i + 1] = (uint8_t)(c & 15);
    }
    mpy_value r = from_digit_values(vm, dv, 2 * n, 16, false);
    mpy_mem_free(vm, dv, 2 * n + 1);
    /* Negative: value = -(~bytes + 1). */
    if (neg && !mpy_is_null(r)) r = mpy_int_big_binop(vm, MPY_BINOP_SUB, mpy_from_int(-1), r);
    if (mpy_is_null(r)) return r;
    mpy_type *cls = (mpy_type *)args[0].u.o;
    if (cls == vm->types[MPY_TYPE_INT]) return r;
    return mpy_call1(vm, args[0], r);
}

const mpy_method_def mpy_int_methods[] = {
    {"conjugate", int_m_conjugate, MPY_METH_DEFAULT},
    {"bit_length", int_m_bit_length, MPY_METH_DEFAULT},
    {"bit_count", int_m_bit_count, MPY_METH_DEFAULT},
    {"to_bytes", int_m_to_bytes, MPY_METH_DEFAULT},
    {"from_bytes", int_m_from_bytes, MPY_METH_CLASS},
    {"as_integer_ratio", int_m_as_integer_ratio, MPY_METH_DEFAULT},
    {"__trunc__", int_m_trunc, MPY_METH_DEFAULT},
    {"__floor__", int_m_floor, MPY_METH_DEFAULT},
    {"__ceil__", int_m_ceil, MPY_METH_DEFAULT},
    {"__round__", int_m_round, MPY_METH_DEFAULT},
    {"__int__", int_m_int, MPY_METH_DEFAULT},
    {"__index__", int_m_index, MPY_METH_DEFAULT},
    {"__float__", int_m_float, MPY_METH_DEFAULT},
    {"__abs__", int_m_abs, MPY_METH_DEFAULT},
    {"__divmod__", int_m_divmod, MPY_METH_DEFAULT},
    {"__rdivmod__", int_m_rdivmod, MPY_METH_DEFAULT},
    {"__pow__", int_m_pow, MPY_METH_DEFAULT},
    {"__rpow__", int_m_rpow, MPY_METH_DEFAULT},
    {"__format__", mpy_int_m_format, MPY_METH_DEFAULT}, /* format.c: the format-spec mini-language */
    {NULL, NULL, 0},
};

static mpy_value int_get_self(mpy_vm *vm, mpy_value self) { return canonical(vm, self); }
static mpy_value int_get_zero(mpy_vm *vm, mpy_value self) { return mpy_from_int(0); }
static mpy_value int_get_one(mpy_vm *vm, mpy_value self) { return mpy_from_int(1); }

const mpy_getset_def mpy_int_getsets[] = {
    {"real", int_get_self, NULL},
    {"imag", int_get_zero, NULL},
    {"numerator", int_get_self, NULL},
    {"denominator", int_get_one, NULL},
    {NULL, NULL, NULL},
};

/* The operators CPython's int has dunders for: all but @. */
#define INT_OPS (((1u << MPY_BINOP_COUNT) - 1) & ~MPY_OPS(MATMUL))

const mpy_type_spec mpy_int_spec = {
    .name = "int",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE | MPY_TF_INT_SUB,
    .instance_size = sizeof(mpy_intsub),
    .slots = {.repr = int_repr, .hash = int_hash, .richcmp = int_richcmp, .binop = int_binop, .binops = INT_OPS, .rbinops = INT_OPS,
              .unary = int_unary, .truth = int_truth, .new_ = mpy_int_new_, .trace = int_trace},
    .methods = mpy_int_methods,
    .getsets = mpy_int_getsets,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
           "Convert a number or string to an integer, or return 0 if no arguments\n"
           "are given.  If x is a number, return x.__int__().  For floating point\n"
           "numbers, this truncates towards zero.\n\n"
           "If x is not a number or if base is given, then x must be a string,\n"
           "bytes, or bytearray instance representing an integer literal in the\n"
           "given base.  The literal can be preceded by '+' or '-' and be surrounded\n"
           "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
           "Base 0 means to interpret the base from the string as an integer literal.\n"
           ">>> int('0b100', base=0)\n4",
};

const mpy_type_spec mpy_bool_spec = {
    .name = "bool",
    .base = MPY_TYPE_INT,
    .flags = MPY_TF_INT_SUB,
    .slots = {.repr = bool_repr, .new_ = mpy_bool_new_},
    .doc = "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\n"
           "The builtins True and False are the only two instances of the class bool.\n"
           "The class bool is a subclass of the class int, and cannot be subclassed.",
};
