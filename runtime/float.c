/* float: IEEE doubles, unboxed in values.  Arithmetic with Python's
 * semantics (floor division and modulo signs, ZeroDivisionError,
 * OverflowError for ** out of range), mixed int/float operations, and
 * exact int/float comparison. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/str.h"

double mpy_int_to_double(mpy_vm *vm, mpy_value v, bool *overflow);
int mpy_int_cmp_double(mpy_vm *vm, mpy_value i, double d); /* int_big.c: exact */

/* Converts an int or float operand to double; false when `v` is neither
 * (NotImplemented) or, with an exception, when an int is too large. */
static bool as_double(mpy_vm *vm, mpy_value v, double *out, bool *err)
{
    *err = false;
    if (mpy_is_float(v)) { *out = v.u.f; return true; }
    if (mpy_is_smallint(v)) { *out = (double)v.u.i; return true; }
    if (mpy_is_sub(vm, v, MPY_TYPE_FLOAT)) return false; /* float subclass instances: not yet boxed */
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

mpy_value mpy_float_binop_values(mpy_vm *vm, mpy_binop op, double x, double y)
{
    switch (op) {
    case MPY_BINOP_ADD: return mpy_from_float(x + y);
    case MPY_BINOP_SUB: return mpy_from_float(x - y);
    case MPY_BINOP_MUL: return mpy_from_float(x * y);
    case MPY_BINOP_TRUEDIV:
        if (y == 0.0) return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "float division by zero");
        return mpy_from_float(x / y);
    case MPY_BINOP_FLOORDIV:
    case MPY_BINOP_MOD: {
        if (y == 0.0)
            return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError,
                                 op == MPY_BINOP_MOD ? "float modulo" : "float floor division by zero");
        double mod = fmod(x, y);
        double div = (x - mod) / y;
        if (mod != 0.0) {
            if ((y < 0) != (mod < 0)) { mod += y; div -= 1.0; }
        } else {
            mod = copysign(0.0, y);
        }
        if (op == MPY_BINOP_MOD) return mpy_from_float(mod);
        double fd;
        if (div != 0.0) {
            fd = floor(div);
            if (div - fd > 0.5) fd += 1.0;
        } else {
            fd = copysign(0.0, x / y);
        }
        return mpy_from_float(fd);
    }
    case MPY_BINOP_POW: {
        if (y == 0.0) return mpy_from_float(1.0);
        if (isnan(x)) return mpy_from_float(y == 0.0 ? 1.0 : x);
        if (x == 0.0 && y < 0.0)
            return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        if (x < 0.0 && isfinite(x) && isfinite(y) && floor(y) != y) {
            return mpy_err_fmt_v(vm, MPY_EXC_ValueError,
                                 "complex results are not supported (negative number raised to a fractional power)");
        }
        double r = pow(x, y);
        if (isinf(r) && isfinite(x) && isfinite(y))
            return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "(34, 'Numerical result out of range')");
        return mpy_from_float(r);
    }
    default:
        return mpy_notimpl(vm);
    }
}

static mpy_value float_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (op >= MPY_BINOP_INPLACE) return mpy_notimpl(vm);
    double x, y;
    bool err;
    if (!as_double(vm, a, &x, &err)) return err ? MPY_NULL : mpy_notimpl(vm);
    if (!as_double(vm, b, &y, &err)) return err ? MPY_NULL : mpy_notimpl(vm);
    return mpy_float_binop_values(vm, op, x, y);
}

static mpy_value float_unary(mpy_vm *vm, mpy_unaryop op, mpy_value v)
{
    switch (op) {
    case MPY_UNARY_NEG: return mpy_from_float(-v.u.f);
    case MPY_UNARY_POS: return v;
    default: return mpy_notimpl(vm);
    }
}

static mpy_value float_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    double x = a.u.f;
    int c;
    if (mpy_is_float(b)) {
        double y = b.u.f;
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
    c = -mpy_int_cmp_double(vm, b, x);
    switch (op) {
    case MPY_CMP_LT: return mpy_from_bool(c < 0);
    case MPY_CMP_LE: return mpy_from_bool(c <= 0);
    case MPY_CMP_EQ: return mpy_from_bool(c == 0);
    case MPY_CMP_NE: return mpy_from_bool(c != 0);
    case MPY_CMP_GT: return mpy_from_bool(c > 0);
    default: return mpy_from_bool(c >= 0);
    }
}

/* CPython's hash for floats: integral values hash as the int; others by
 * the exact rational value modulo 2**61-1. */
bool mpy_float_hash_double(double v, int64_t *out)
{
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    if (isinf(v)) { *out = v > 0 ? 314159 : -314159; return true; }
    if (isnan(v)) { *out = 0; return true; }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) { sign = -1; m = -m; }
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

static bool float_hash(mpy_vm *vm, mpy_value v, int64_t *out) { return mpy_float_hash_double(v.u.f, out); }

static int float_truth(mpy_vm *vm, mpy_value v) { return v.u.f != 0.0; }

/* repr: the shortest string that round-trips (numfmt.c when present). */
size_t mpy_float_repr(double v, char *buf);

static mpy_value float_repr(mpy_vm *vm, mpy_value v)
{
    char buf[40];
    size_t n = mpy_float_repr(v.u.f, buf);
    return mpy_from_obj(mpy_str_new(vm, buf, n));
}

mpy_value mpy_float_new_(mpy_vm *vm, mpy_type *t, int argc, const mpy_value *args, mpy_tuple *kw);
extern const mpy_method_def mpy_float_methods[];
extern const mpy_getset_def mpy_float_getsets[];

const mpy_type_spec mpy_float_spec = {
    .name = "float",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .slots = {.repr = float_repr, .hash = float_hash, .richcmp = float_richcmp, .binop = float_binop,
              .unary = float_unary, .truth = float_truth, .new_ = mpy_float_new_},
    .methods = mpy_float_methods,
    .getsets = mpy_float_getsets,
};
