/* float: IEEE doubles, unboxed in values (instances of float subclasses
 * are mpy_floatsub objects).  Arithmetic with Python's semantics (floor
 * division and modulo signs, ZeroDivisionError, OverflowError for ** out
 * of range), mixed int/float operations, exact int/float comparison,
 * CPython's numeric hash, shortest round-trip repr, float(str) parsing and
 * correctly rounded round(x, n).
 *
 * Exactness: repr picks the fewest significant digits (1..17, C's
 * correctly rounded %e) that read back as the same double; round(x, n)
 * rounds the exact binary value half-to-even (C's %.*f for ordinary
 * values, big ints from bignum.h otherwise) and converts back with one
 * correctly rounded step, which is what CPython's dtoa-based double_round
 * computes. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/bignum.h"
#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* An instance of a user subclass of float. */
typedef struct mpy_floatsub {
    mpy_obj hdr;
    double value;
} mpy_floatsub;

static bool is_floatlike(mpy_vm *vm, mpy_value v)
{
    return mpy_is_float(v) || (mpy_is_obj(v) && mpy_is_sub(vm, v, MPY_TYPE_FLOAT));
}

static double float_of(mpy_value v) { return mpy_is_float(v) ? v.u.f : ((mpy_floatsub *)v.u.o)->value; }

/* Converts an int or float operand to double.  Returns false when `v` is
 * neither (NotImplemented), or with *err and OverflowError pending when an
 * int is too large. */
static bool as_double(mpy_vm *vm, mpy_value v, double *out, bool *err)
{
    *err = false;
    if (mpy_is_float(v)) {
        *out = v.u.f;
        return true;
    }
    if (mpy_is_smallint(v)) {
        *out = (double)v.u.i;
        return true;
    }
    if (is_floatlike(vm, v)) {
        *out = float_of(v);
        return true;
    }
    if (mpy_is_intlike(vm, v)) {
        bool ovf;
        *out = mpy_int_to_double(vm, v, &ovf);
        if (ovf) {
            mpy_err_msg(vm, MPY_EXC_OverflowError, "int too large to convert to float");
            *err = true;
            return false;
        }
        return true;
    }
    return false;
}

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

/* CPython's float_pow for two doubles. */
static mpy_value float_pow(mpy_vm *vm, double iv, double iw)
{
    if (iw == 0.0) return mpy_from_float(1.0);
    if (isnan(iv)) return mpy_from_float(iv);
    if (isnan(iw)) return mpy_from_float(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) return mpy_from_float(1.0);
        if ((iw > 0.0) == (iv > 1.0)) return mpy_from_float(fabs(iw));
        return mpy_from_float(0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0) return mpy_from_float(odd ? iv : fabs(iv));
        return mpy_from_float(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0)
            return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return mpy_from_float(is_odd_integer(iw) ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw))
            /* CPython returns a complex number here; minipy has no complex
             * type, so this is refused rather than answered wrongly. */
            return mpy_err_fmt_v(vm, MPY_EXC_ValueError,
                                 "complex results are not supported (negative number raised to a fractional power)");
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) return mpy_from_float(negate ? -1.0 : 1.0);
    double r = pow(iv, iw);
    if (isinf(r)) return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "(34, 'Numerical result out of range')");
    return mpy_from_float(negate ? -r : r);
}

/* Python's x // y and x % y for doubles (CPython's float_divmod). */
static void float_divmod_values(double x, double y, double *fdiv, double *fmodv)
{
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, y);
    }
    double fd;
    if (div != 0.0) {
        fd = floor(div);
        if (div - fd > 0.5) fd += 1.0;
    } else {
        fd = copysign(0.0, x / y);
    }
    *fdiv = fd;
    *fmodv = mod;
}

mpy_value mpy_float_binop_values(mpy_vm *vm, mpy_binop op, double x, double y)
{
    double d, m;
    switch (op) {
    case MPY_BINOP_ADD: return mpy_from_float(x + y);
    case MPY_BINOP_SUB: return mpy_from_float(x - y);
    case MPY_BINOP_MUL: return mpy_from_float(x * y);
    case MPY_BINOP_TRUEDIV:
        if (y == 0.0) return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "float division by zero");
        return mpy_from_float(x / y);
    case MPY_BINOP_FLOORDIV:
        if (y == 0.0) return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "float floor division by zero");
        float_divmod_values(x, y, &d, &m);
        return mpy_from_float(d);
    case MPY_BINOP_MOD:
        if (y == 0.0) return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "float modulo");
        float_divmod_values(x, y, &d, &m);
        return mpy_from_float(m);
    case MPY_BINOP_POW: return float_pow(vm, x, y);
    default: return mpy_notimpl(vm);
    }
}

static mpy_value float_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (op >= MPY_BINOP_INPLACE) return mpy_notimpl(vm);
    switch (op) {
    case MPY_BINOP_ADD: case MPY_BINOP_SUB: case MPY_BINOP_MUL: case MPY_BINOP_TRUEDIV:
    case MPY_BINOP_FLOORDIV: case MPY_BINOP_MOD: case MPY_BINOP_POW: break;
    default: return mpy_notimpl(vm);
    }
    double x, y;
    bool err;
    if (!as_double(vm, a, &x, &err)) return err ? MPY_NULL : mpy_notimpl(vm);
    if (!as_double(vm, b, &y, &err)) return err ? MPY_NULL : mpy_notimpl(vm);
    return mpy_float_binop_values(vm, op, x, y);
}

static mpy_value float_unary(mpy_vm *vm, mpy_unaryop op, mpy_value v)
{
    double x = float_of(v);
    switch (op) {
    case MPY_UNARY_NEG: return mpy_from_float(-x);
    case MPY_UNARY_POS: return mpy_from_float(x);
    default: return mpy_notimpl(vm);
    }
}

static mpy_value float_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if (!is_floatlike(vm, a)) return mpy_notimpl(vm);
    double x = float_of(a);
    if (is_floatlike(vm, b)) {
        double y = float_of(b);
        switch (op) {
        case MPY_CMP_LT: return mpy_from_bool(x < y);
        case MPY_CMP_LE: return mpy_from_bool(x <= y);
        case MPY_CMP_EQ: return mpy_from_bool(x == y);
        case MPY_CMP_NE: return mpy_from_bool(x != y);
        case MPY_CMP_GT: return mpy_from_bool(x > y);
        default: return mpy_from_bool(x >= y);
        }
    }
    if (!mpy_is_intlike(vm, b)) return mpy_notimpl(vm);
    if (isnan(x)) return mpy_from_bool(op == MPY_CMP_NE);
    /* Exact comparison: -(int <=> float). */
    return mpy_from_bool(mpy_cmp_holds(-mpy_int_cmp_double(vm, b, x), op));
}

/* CPython's hash for floats (_Py_HashDouble): integral values hash as the
 * equal int; others by the exact rational value modulo 2**61 - 1.  NaN
 * hashes to 0 (CPython uses the object's identity). */
bool mpy_float_hash_double(double v, int64_t *out)
{
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    if (isinf(v)) {
        *out = v > 0 ? 314159 : -314159;
        return true;
    }
    if (isnan(v)) {
        *out = 0;
        return true;
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & P) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= P) x -= P;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & P) | x >> (61 - e);
    int64_t h = (int64_t)x * sign;
    if (h == -1) h = -2;
    *out = h;
    return true;
}

static bool float_hash(mpy_vm *vm, mpy_value v, int64_t *out) { return mpy_float_hash_double(float_of(v), out); }

static int float_truth(mpy_vm *vm, mpy_value v) { return float_of(v) != 0.0; }

/* ---------------------------------------------------------------- repr */

/* repr(v) into buf (at least 32 bytes); returns the length.  The fewest
 * significant digits that round-trip, laid out as CPython's repr: plain
 * notation for decimal exponents -4 <= e < 16 (always with a fraction
 * part), else d.ddde+XX. */
size_t mpy_float_repr(double v, char *buf)
{
    if (isnan(v)) return (size_t)sprintf(buf, "nan");
    if (isinf(v)) return (size_t)sprintf(buf, v > 0 ? "inf" : "-inf");
    if (v == 0.0) return (size_t)sprintf(buf, signbit(v) ? "-0.0" : "0.0");
    /* Whether p correctly rounded digits read back as v is monotonic in
     * p (more digits are never farther from v), so binary search 1..17. */
    char tmp[48];
    int lo = 1, hi = 17;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        snprintf(tmp, sizeof tmp, "%.*e", mid - 1, v);
        if (strtod(tmp, NULL) == v) hi = mid;
        else lo = mid + 1;
    }
    snprintf(tmp, sizeof tmp, "%.*e", lo - 1, v);
    /* tmp is [-]d[.ddd]e[+-]XX: split it into digits and exponent. */
    char digits[24];
    int nd = 0;
    const char *p = tmp;
    bool neg = *p == '-';
    if (neg) p++;
    for (; *p != 'e'; p++)
        if (*p != '.') digits[nd++] = *p;
    int exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    char *o = buf;
    if (neg) *o++ = '-';
    if (exp >= -4 && exp < 16) {
        if (exp >= 0) {
            for (int i = 0; i <= exp; i++) *o++ = i < nd ? digits[i] : '0';
            *o++ = '.';
            if (nd > exp + 1)
                for (int i = exp + 1; i < nd; i++) *o++ = digits[i];
            else
                *o++ = '0';
        } else {
            *o++ = '0';
            *o++ = '.';
            for (int i = 0; i < -exp - 1; i++) *o++ = '0';
            for (int i = 0; i < nd; i++) *o++ = digits[i];
        }
    } else {
        *o++ = digits[0];
        if (nd > 1) {
            *o++ = '.';
            for (int i = 1; i < nd; i++) *o++ = digits[i];
        }
        o += sprintf(o, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
    *o = 0;
    return (size_t)(o - buf);
}

static mpy_value float_repr(mpy_vm *vm, mpy_value v)
{
    char buf[40];
    size_t n = mpy_float_repr(float_of(v), buf);
    mpy_str *s = mpy_str_new(vm, buf, n);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static void float_trace(mpy_vm *vm, mpy_obj *o)
{
    if (o->type->dict_offset) mpy_gc_mark_obj(vm, *(mpy_obj **)((char *)o + o->type->dict_offset));
}

/* --------------------------------------------------------- constructor */

static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool match_word(const char *s, size_t n, const char *w)
{
    if (n != strlen(w)) return false;
    for (size_t i = 0; i < n; i++)
        if ((s[i] | 0x20) != w[i]) return false;
    return true;
}

/* Parses Python float syntax (after stripping): sign, then inf, infinity,
 * nan, or decimal digits with '.', exponent and underscores between
 * digits.  false when invalid (or, with MemoryError pending, when out of
 * memory). */
static bool parse_float(mpy_vm *vm, const char *s, size_t n, double *out)
{
    const char *end = s + n;
    while (s < end && is_space((unsigned char)*s)) s++;
    while (end > s && is_space((unsigned char)end[-1])) end--;
    const char *body = s;
    bool neg = false;
    if (body < end && (*body == '+' || *body == '-')) neg = *body++ == '-';
    size_t bn = (size_t)(end - body);
    if (match_word(body, bn, "inf") || match_word(body, bn, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
        return true;
    }
    if (match_word(body, bn, "nan")) {
        *out = neg ? -NAN : NAN;
        return true;
    }
    /* Copy without underscores, checking each sits between digits, and
     * check the shape digits [. digits] [e [sign] digits]. */
    size_t cap = (size_t)(end - s) + 1;
    char small[128];
    char *buf = cap <= sizeof small ? small : mpy_mem_realloc(vm, NULL, 0, cap);
    if (!buf) return false;
    size_t k = 0;
    for (const char *p = s; p < end; p++) {
        if (*p == '_') {
            if (p == s || p + 1 >= end || !is_digit(p[-1]) || !is_digit(p[1])) goto bad;
            continue;
        }
        buf[k++] = *p;
    }
    buf[k] = 0;
    const char *p = buf;
    if (*p == '+' || *p == '-') p++;
    size_t int_digits = 0, frac_digits = 0;
    while (is_digit(*p)) p++, int_digits++;
    if (*p == '.') {
        p++;
        while (is_digit(*p)) p++, frac_digits++;
    }
    if (int_digits + frac_digits == 0) goto bad;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-') p++;
        if (!is_digit(*p)) goto bad;
        while (is_digit(*p)) p++;
    }
    if (*p) goto bad;
    *out = strtod(buf, NULL);
    if (buf != small) mpy_mem_free(vm, buf, cap);
    return true;
bad:
    if (buf != small) mpy_mem_free(vm, buf, cap);
    return false;
}

static mpy_value wrap_sub(mpy_vm *vm, mpy_type *t, mpy_value v)
{
    if (mpy_is_null(v) || t == vm->types[MPY_TYPE_FLOAT]) return v;
    mpy_floatsub *o = mpy_obj_alloc(vm, t, t->instance_size);
    if (!o) return MPY_NULL;
    o->value = v.u.f;
    return mpy_from_obj(o);
}

/* bytes.c: the contents of a bytes or bytearray value (false when v is
 * neither). */
bool mpy_bytes_view(mpy_vm *vm, mpy_value v, const unsigned char **data, size_t *len);

/* float(x) for one argument. */
static mpy_value float_from(mpy_vm *vm, mpy_value x)
{
    if (mpy_is_float(x)) return x;
    if (mpy_is_smallint(x)) return mpy_from_float((double)x.u.i);
    mpy_type *t = mpy_typeof(vm, x);
    const char *text = NULL;
    size_t n = 0;
    if (mpy_is_sub(vm, x, MPY_TYPE_STR)) {
        text = mpy_as_str(x)->data;
        n = mpy_as_str(x)->len;
    } else if (mpy_is_sub(vm, x, MPY_TYPE_BYTES) || mpy_is_sub(vm, x, MPY_TYPE_BYTEARRAY)) {
        const unsigned char *p;
        if (mpy_bytes_view(vm, x, &p, &n)) text = (const char *)p;
    }
    if (text) {
        double d;
        bool ok;
        if (mpy_is_sub(vm, x, MPY_TYPE_STR) && !mpy_str_is_ascii(mpy_as_str(x))) {
            /* Unicode digits and spaces count as their ASCII equivalents. */
            size_t len, cap;
            char *a = mpy_int_text_to_ascii(vm, text, n, &len, &cap);
            if (!a) return MPY_NULL;
            ok = strlen(a) == len && parse_float(vm, a, len, &d);
            mpy_mem_free(vm, a, cap);
        } else {
            ok = !memchr(text, 0, n) && parse_float(vm, text, n, &d);
        }
        if (ok) return mpy_from_float(d);
        if (mpy_err_occurred(vm)) return MPY_NULL;
        mpy_value rep = mpy_repr(vm, x);
        if (mpy_is_null(rep)) return MPY_NULL;
        return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "could not convert string to float: %s", mpy_as_str(rep)->data);
    }
    if (!(t->flags & MPY_TF_HEAP)) {
        if (is_floatlike(vm, x)) return mpy_from_float(float_of(x));
        if (mpy_is_intlike(vm, x)) {
            bool ovf;
            double d = mpy_int_to_double(vm, x, &ovf);
            if (ovf) return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "int too large to convert to float");
            return mpy_from_float(d);
        }
    }
    mpy_value m = mpy_type_lookup(vm, t, vm->names.__float__);
    if (!mpy_is_null(m)) {
        mpy_value r = mpy_call1(vm, m, x);
        if (mpy_is_null(r)) return r;
        if (!is_floatlike(vm, r))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s.__float__ returned non-float (type %s)", mpy_type_name(t),
                                 mpy_tname(vm, r));
        return mpy_from_float(float_of(r));
    }
    m = mpy_type_lookup(vm, t, vm->names.__index__);
    if (!mpy_is_null(m)) {
        mpy_value r = mpy_call1(vm, m, x);
        if (mpy_is_null(r)) return r;
        if (!mpy_is_intlike(vm, r))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__index__ returned non-int (type %s)", mpy_tname(vm, r));
        bool ovf;
        double d = mpy_int_to_double(vm, r, &ovf);
        if (ovf) return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "int too large to convert to float");
        return mpy_from_float(d);
    }
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "float() argument must be a string or a real number, not '%s'",
                         mpy_type_name(t));
}

mpy_value mpy_float_new_(mpy_vm *vm, mpy_type *t, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "float() takes no keyword arguments");
    if (argc > 1) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "float expected at most 1 argument, got %d", argc);
    return wrap_sub(vm, t, argc == 0 ? mpy_from_float(0.0) : float_from(vm, args[0]));
}

/* ------------------------------------------------------------- methods */

/* CPython's METH_NOARGS checks ("float.hex() takes no arguments (1
 * given)"); the dunders that are slot wrappers in CPython (__abs__,
 * __float__, __int__) word it "expected 0 arguments, got 1". */
static bool no_args(mpy_vm *vm, const char *name, int argc, mpy_tuple *kw)
{
    bool wrapper = strcmp(name, "__abs__") == 0 || strcmp(name, "__float__") == 0 || strcmp(name, "__int__") == 0;
    if (kw && kw->len) {
        if (wrapper) return mpy_err_fmt(vm, MPY_EXC_TypeError, "wrapper %s() takes no keyword arguments", name);
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "float.%s() takes no keyword arguments", name);
    }
    if (argc == 1) return true;
    if (wrapper) return mpy_err_fmt(vm, MPY_EXC_TypeError, "expected 0 arguments, got %d", argc - 1);
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "float.%s() takes no arguments (%d given)", name, argc - 1);
}

#define SELF float_of(args[0])

static mpy_value float_m_self(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "__float__", argc, kw)) return MPY_NULL;
    return mpy_from_float(SELF);
}

static mpy_value float_m_conjugate(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "conjugate", argc, kw)) return MPY_NULL;
    return mpy_from_float(SELF);
}

static mpy_value float_m_abs(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "__abs__", argc, kw)) return MPY_NULL;
    return mpy_from_float(fabs(SELF));
}

static mpy_value float_m_trunc(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "__trunc__", argc, kw)) return MPY_NULL;
    return mpy_int_from_double(vm, trunc(SELF));
}

static mpy_value float_m_int(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "__int__", argc, kw)) return MPY_NULL;
    return mpy_int_from_double(vm, trunc(SELF));
}

static mpy_value float_m_floor(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "__floor__", argc, kw)) return MPY_NULL;
    return mpy_int_from_double(vm, floor(SELF));
}

static mpy_value float_m_ceil(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "__ceil__", argc, kw)) return MPY_NULL;
    return mpy_int_from_double(vm, ceil(SELF));
}

static mpy_value float_m_is_integer(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "is_integer", argc, kw)) return MPY_NULL;
    double x = SELF;
    return mpy_from_bool(isfinite(x) && floor(x) == x);
}

/* x == mant * 2**exp with mant an integer of at most 53 bits. */
static void split_double(double x, int64_t *mant, int *exp)
{
    int e;
    double m = frexp(x, &e);
    *mant = (int64_t)ldexp(m, DBL_MANT_DIG);
    *exp = e - DBL_MANT_DIG;
}

static mpy_value float_m_as_integer_ratio(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "as_integer_ratio", argc, kw)) return MPY_NULL;
    double x = SELF;
    if (isinf(x)) return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x)) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "cannot convert NaN to integer ratio");
    int64_t m;
    int e;
    split_double(x, &m, &e);
    while (m && (m & 1) == 0 && e < 0) {
        m /= 2;
        e++;
    }
    if (m == 0) e = 0;
    mpy_value num = mpy_from_int(m), den = mpy_from_int(1);
    if (e > 0) num = mpy_binary_op(vm, MPY_BINOP_LSHIFT, num, mpy_from_int(e));
    else if (e < 0) den = mpy_binary_op(vm, MPY_BINOP_LSHIFT, den, mpy_from_int(-e));
    if (mpy_is_null(num) || mpy_is_null(den)) return MPY_NULL;
    mpy_tuple *t = mpy_tuple_pack(vm, 2, num, den);
    return t ? mpy_from_obj(t) : MPY_NULL;
}

/* round(x) to the nearest int, ties to even. */
static double round_half_even(double x)
{
    double r = round(x);
    if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
    return r;
}

/* q = num / den rounded half to even (den > 0), consuming nothing. */
static bool div_round_even(mpy_vm *vm, mpy_bn *q, const mpy_bn *num, const mpy_bn *den)
{
    mpy_bn r = MPY_BN_INIT, twice = MPY_BN_INIT;
    bool ok = mpy_bn_divmod(vm, q, &r, num, den) && mpy_bn_lshift(vm, &twice, &r, 1);
    if (ok) {
        int c = mpy_bn_cmp(&twice, den);
        if (c > 0 || (c == 0 && q->len && (q->d[0] & 1))) {
            mpy_bn one, t = MPY_BN_INIT;
            uint32_t bo[2];
            mpy_bn_view_i64(&one, 1, bo);
            ok = mpy_bn_add(vm, &t, q, &one);
            mpy_bn_free(vm, q);
            *q = t;
        }
    }
    mpy_bn_free(vm, &r);
    mpy_bn_free(vm, &twice);
    return ok;
}

/* round(x, nd) for finite nonzero x, |x| handled with its sign apart:
 * the exact binary value rounded half-even at 10**-nd, then converted
 * back with one correctly rounded operation. */
static mpy_value double_round(mpy_vm *vm, double x, int nd)
{
    int64_t m;
    int e;
    split_double(fabs(x), &m, &e);
    if (nd >= 0 && e >= 0) return mpy_from_float(x); /* already an integer */
    mpy_bn bm, ten, p = MPY_BN_INIT, num = MPY_BN_INIT, den = MPY_BN_INIT, y = MPY_BN_INIT;
    uint32_t b1[2], b2[2];
    mpy_bn_view_i64(&bm, m, b1);
    mpy_bn_view_i64(&ten, 10, b2);
    bool ok = mpy_bn_pow(vm, &p, &ten, (uint64_t)(nd >= 0 ? nd : -nd));
    double r = 0.0;
    bool overflow = false;
    if (ok && nd >= 0) {
        /* y = round(m * 10**nd / 2**-e); result y / 10**nd */
        mpy_bn one, pow2 = MPY_BN_INIT;
        uint32_t b3[2];
        mpy_bn_view_i64(&one, 1, b3);
        ok = mpy_bn_mul(vm, &num, &bm, &p) && mpy_bn_lshift(vm, &pow2, &one, (uint64_t)-e) &&
             div_round_even(vm, &y, &num, &pow2) && mpy_bn_truediv(vm, &y, &p, &r, &overflow);
        mpy_bn_free(vm, &pow2);
    } else if (ok) {
        /* y = round(m * 2**e / 10**k); result y * 10**k */
        ok = e >= 0 ? mpy_bn_lshift(vm, &num, &bm, (uint64_t)e) && mpy_bn_copy(vm, &den, &p)
                    : mpy_bn_copy(vm, &num, &bm) && mpy_bn_lshift(vm, &den, &p, (uint64_t)-e);
        mpy_bn prod = MPY_BN_INIT;
        ok = ok && div_round_even(vm, &y, &num, &den) && mpy_bn_mul(vm, &prod, &y, &p);
        if (ok) r = mpy_bn_to_double(&prod, &overflow);
        mpy_bn_free(vm, &prod);
    }
    mpy_bn_free(vm, &p);
    mpy_bn_free(vm, &num);
    mpy_bn_free(vm, &den);
    mpy_bn_free(vm, &y);
    if (overflow) return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "rounded value too large to represent");
    if (!ok) return MPY_NULL;
    return mpy_from_float(copysign(r, x));
}

static mpy_value float_m_round(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "float.__round__() takes no keyword arguments");
    if (argc > 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__round__ expected at most 1 argument, got %d", argc - 1);
    double x = SELF;
    if (argc < 2 || mpy_is_none(args[1])) return mpy_int_from_double(vm, round_half_even(x));
    int64_t nd;
    if (!mpy_index(vm, args[1], &nd)) {
        if (!mpy_err_matches(vm, MPY_EXC_IndexError)) return MPY_NULL;
        mpy_err_clear(vm);
        /* A huge ndigits: the sign decides, as for the limits below. */
        int big = mpy_compare_bool(vm, args[1], mpy_from_int(0), MPY_CMP_GT);
        if (big < 0) return MPY_NULL;
        nd = big ? INT64_MAX : INT64_MIN;
    }
    /* CPython's NDIGITS_MAX / NDIGITS_MIN: beyond them the answer is x
     * itself or a zero. */
    const int64_t nd_max = (int64_t)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const int64_t nd_min = -(int64_t)((DBL_MAX_EXP + 1) * 0.30103);
    if (nd > nd_max) return mpy_from_float(x);
    if (nd < nd_min) return mpy_from_float(0.0 * x);
    if (x == 0.0 || !isfinite(x)) return mpy_from_float(x);
    if (nd >= 0 && nd <= 30 && fabs(x) < 1e16) {
        /* Fast path, CPython's own method: C's %.*f is the exact decimal
         * value rounded half-even, and strtod reads it back correctly
         * rounded -- the same two roundings double_round performs. */
        char buf[64];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        return mpy_from_float(strtod(buf, NULL));
    }
    return double_round(vm, x, (int)nd);
}

static mpy_value float_m_divmod(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "expected 1 argument, got %d", argc - 1);
    double x, y;
    bool err;
    if (!as_double(vm, args[0], &x, &err)) return err ? MPY_NULL : mpy_notimpl(vm);
    if (!as_double(vm, args[1], &y, &err)) return err ? MPY_NULL : mpy_notimpl(vm);
    if (y == 0.0) return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "float divmod()");
    double d, m;
    float_divmod_values(x, y, &d, &m);
    mpy_tuple *t = mpy_tuple_pack(vm, 2, mpy_from_float(d), mpy_from_float(m));
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static mpy_value float_m_rdivmod(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "expected 1 argument, got %d", argc - 1);
    mpy_value sw[2] = {args[1], args[0]};
    return float_m_divmod(vm, 2, sw, kw);
}

static mpy_value float_m_pow(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_pow_arg_count(vm, argc)) return MPY_NULL;
    if (argc == 3 && !mpy_is_none(args[2]))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return float_binop(vm, MPY_BINOP_POW, args[0], args[1]);
}

static mpy_value float_m_rpow(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_pow_arg_count(vm, argc)) return MPY_NULL;
    if (argc == 3 && !mpy_is_none(args[2]))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return float_binop(vm, MPY_BINOP_POW, args[1], args[0]);
}

static mpy_value float_m_hex(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "hex", argc, kw)) return MPY_NULL;
    double x = SELF;
    char buf[64];
    if (!isfinite(x)) {
        mpy_float_repr(x, buf);
    } else if (x == 0.0) {
        snprintf(buf, sizeof buf, "%s0x0.0p+0", signbit(x) ? "-" : "");
    } else {
        /* CPython's float_hex: 1 + 13 hex digits, subnormals as 0x0.x. */
        static const char hex[] = "0123456789abcdef";
        int e;
        double m = frexp(fabs(x), &e);
        int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
        m = ldexp(m, shift);
        e -= shift;
        char mant[20];
        int k = 0;
        mant[k++] = hex[(int)m];
        m -= (int)m;
        mant[k++] = '.';
        for (int i = 0; i < (DBL_MANT_DIG + 3 - (DBL_MANT_DIG + 2) % 4 - 1) / 4; i++) {
            m *= 16.0;
            mant[k++] = hex[(int)m];
            m -= (int)m;
        }
        mant[k] = 0;
        snprintf(buf, sizeof buf, "%s0x%sp%c%d", x < 0 ? "-" : "", mant, e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
    mpy_str *s = mpy_str_from_cstr(vm, buf);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

/* float.fromhex(s): CPython's float_fromhex grammar (sign, inf/nan, an
 * optional 0x, hex digits with one optional '.', an optional binary
 * exponent) with a single correctly rounded conversion of digits * 2**exp
 * through big ints. */
static bool hex_value(mpy_vm *vm, const char *s, size_t n, double *out, bool *overflow)
{
    const char *end = s + n;
    *overflow = false;
    while (s < end && is_space((unsigned char)*s)) s++;
    while (end > s && is_space((unsigned char)end[-1])) end--;
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-')) neg = *s++ == '-';
    size_t rest = (size_t)(end - s);
    if (match_word(s, rest, "inf") || match_word(s, rest, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
        return true;
    }
    if (match_word(s, rest, "nan")) {
        *out = NAN;
        return true;
    }
    if (rest >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x') s += 2;
    size_t cap = (size_t)(end - s) + 1, nd = 0, nfrac = 0;
    uint8_t *dv = mpy_mem_realloc(vm, NULL, 0, cap);
    if (!dv) return false;
    bool seen_dot = false, ok = true;
    for (; s < end; s++) {
        char c = *s;
        if (c == '.' && !seen_dot) {
            seen_dot = true;
            continue;
        }
        int d = is_digit(c) ? c - '0' : ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') ? (c | 0x20) - 'a' + 10 : -1;
        if (d < 0) break;
        dv[nd++] = (uint8_t)d;
        nfrac += seen_dot;
    }
    int64_t exp = 0;
    if (nd == 0) ok = false;
    if (ok && s < end && (*s | 0x20) == 'p') {
        s++;
        bool eneg = false;
        if (s < end && (*s == '+' || *s == '-')) eneg = *s++ == '-';
        if (s == end || !is_digit(*s)) ok = false;
        for (; s < end && is_digit(*s); s++)
            if (exp < ((int64_t)1 << 40)) exp = exp * 10 + (*s - '0');
        if (eneg) exp = -exp;
    }
    if (s != end) ok = false;
    double r = 0.0;
    if (ok) {
        mpy_bn m = MPY_BN_INIT, t = MPY_BN_INIT, one, den = MPY_BN_INIT;
        uint32_t b1[2];
        mpy_bn_view_i64(&one, 1, b1);
        ok = mpy_bn_from_digit_values(vm, &m, dv, nd, 16);
        int64_t e = exp - 4 * (int64_t)nfrac;
        int64_t top = (int64_t)mpy_bn_bit_length(&m) + e;
        if (!ok || m.len == 0 || top < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
            r = 0.0; /* zero or far below the smallest subnormal */
        } else if (top > DBL_MAX_EXP) {
            *overflow = true;
        } else if (e >= 0) {
            ok = mpy_bn_lshift(vm, &t, &m, (uint64_t)e);
            if (ok) r = mpy_bn_to_double(&t, overflow);
        } else {
            ok = mpy_bn_lshift(vm, &den, &one, (uint64_t)-e) && mpy_bn_truediv(vm, &m, &den, &r, overflow);
            if (!ok && *overflow) ok = true;
        }
        mpy_bn_free(vm, &m);
        mpy_bn_free(vm, &t);
        mpy_bn_free(vm, &den);
        if (!ok) {
            mpy_mem_free(vm, dv, cap);
            return false; /* MemoryError */
        }
    } else {
        mpy_err_msg(vm, MPY_EXC_ValueError, "invalid hexadecimal floating-point string");
    }
    mpy_mem_free(vm, dv, cap);
    if (!ok) return false;
    if (*overflow) return mpy_err_msg(vm, MPY_EXC_OverflowError, "hexadecimal value too large to represent as a float");
    *out = neg ? -r : r;
    return true;
}

static mpy_value float_m_fromhex(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "fromhex() takes no keyword arguments");
    if (argc != 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "float.fromhex() takes exactly one argument (%d given)", argc - 1);
    if (!mpy_is_sub(vm, args[1], MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "bad argument type for built-in operation");
    double d = 0.0;
    bool overflow;
    if (!hex_value(vm, mpy_as_str(args[1])->data, mpy_as_str(args[1])->len, &d, &overflow)) return MPY_NULL;
    if ((mpy_type *)args[0].u.o == vm->types[MPY_TYPE_FLOAT]) return mpy_from_float(d);
    return mpy_call1(vm, args[0], mpy_from_float(d));
}

const mpy_method_def mpy_float_methods[] = {
    {"conjugate", float_m_conjugate, MPY_METH_DEFAULT},
    {"is_integer", float_m_is_integer, MPY_METH_DEFAULT},
    {"as_integer_ratio", float_m_as_integer_ratio, MPY_METH_DEFAULT},
    {"hex", float_m_hex, MPY_METH_DEFAULT},
    {"fromhex", float_m_fromhex, MPY_METH_CLASS},
    {"__trunc__", float_m_trunc, MPY_METH_DEFAULT},
    {"__floor__", float_m_floor, MPY_METH_DEFAULT},
    {"__ceil__", float_m_ceil, MPY_METH_DEFAULT},
    {"__round__", float_m_round, MPY_METH_DEFAULT},
    {"__int__", float_m_int, MPY_METH_DEFAULT},
    {"__float__", float_m_self, MPY_METH_DEFAULT},
    {"__abs__", float_m_abs, MPY_METH_DEFAULT},
    {"__divmod__", float_m_divmod, MPY_METH_DEFAULT},
    {"__rdivmod__", float_m_rdivmod, MPY_METH_DEFAULT},
    {"__pow__", float_m_pow, MPY_METH_DEFAULT},
    {"__rpow__", float_m_rpow, MPY_METH_DEFAULT},
    {"__format__", mpy_float_m_format, MPY_METH_DEFAULT}, /* format.c: the format-spec mini-language */
    {NULL, NULL, 0},
};

static mpy_value float_get_real(mpy_vm *vm, mpy_value self) { return mpy_from_float(float_of(self)); }
static mpy_value float_get_imag(mpy_vm *vm, mpy_value self) { return mpy_from_float(0.0); }

const mpy_getset_def mpy_float_getsets[] = {
    {"real", float_get_real, NULL},
    {"imag", float_get_imag, NULL},
    {NULL, NULL, NULL},
};

/* The operators CPython's float has dunders for. */
#define FLOAT_OPS (MPY_OPS(ADD) | MPY_OPS(SUB) | MPY_OPS(MUL) | MPY_OPS(TRUEDIV) | MPY_OPS(MOD) | MPY_OPS(POW) | MPY_OPS(FLOORDIV))

const mpy_type_spec mpy_float_spec = {
    .name = "float",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(mpy_floatsub),
    .slots = {.repr = float_repr, .hash = float_hash, .richcmp = float_richcmp, .binop = float_binop, .binops = FLOAT_OPS, .rbinops = FLOAT_OPS,
              .unary = float_unary, .truth = float_truth, .new_ = mpy_float_new_, .trace = float_trace},
    .methods = mpy_float_methods,
    .getsets = mpy_float_getsets,
    .doc = "Convert a string or number to a floating point number, if possible.",
};
