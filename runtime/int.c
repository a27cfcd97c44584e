/* int and bool: the small-int (int64) half of the int type.  Results that
 * leave the int64 range go to the big-int half (int_big.c, on top of
 * runtime/bignum.h), which also owns every operation with a big operand. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/str.h"

/* Big-int fallbacks (int_big.c).  Each receives operands of which at least
 * one is big, or small operands whose exact result overflows int64. */
mpy_value mpy_int_big_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b);
bool mpy_int_is_big(mpy_vm *vm, mpy_value v);

bool mpy_is_intlike(mpy_vm *vm, mpy_value v)
{
    return mpy_is_smallint(v) || mpy_is_sub(vm, v, MPY_TYPE_INT);
}

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

double mpy_int_to_double(mpy_vm *vm, mpy_value v, bool *overflow);
mpy_value mpy_float_binop_values(mpy_vm *vm, mpy_binop op, double a, double b);

/* Small-int arithmetic; overflow or big operands go to the big half. */
static mpy_value int_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (op >= MPY_BINOP_INPLACE) return mpy_notimpl(vm);
    if (!mpy_is_intlike(vm, a) || !mpy_is_intlike(vm, b)) {
        /* int OP float is float's business (it handles both sides). */
        return mpy_notimpl(vm);
    }
    if (!mpy_is_smallint(a) || !mpy_is_smallint(b)) return mpy_int_big_binop(vm, op, a, b);
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
        if (y == 0) return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "integer division or modulo by zero");
        if (x == INT64_MIN && y == -1) break;
        return mpy_from_int(floordiv64(x, y));
    case MPY_BINOP_MOD:
        if (y == 0) return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "integer division or modulo by zero");
        if (y == -1) return mpy_from_int(0);
        return mpy_from_int(mod64(x, y));
    case MPY_BINOP_TRUEDIV:
        if (y == 0) return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "division by zero");
        if (x > -(1LL << 53) && x < (1LL << 53) && y > -(1LL << 53) && y < (1LL << 53))
            return mpy_from_float((double)x / (double)y);
        break;
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
        return mpy_is_bool(a) && mpy_is_bool(b) ? mpy_from_bool(r) : mpy_from_int(r);
    case MPY_BINOP_OR:
        r = x | y;
        return mpy_is_bool(a) && mpy_is_bool(b) ? mpy_from_bool(r) : mpy_from_int(r);
    case MPY_BINOP_XOR:
        r = x ^ y;
        return mpy_is_bool(a) && mpy_is_bool(b) ? mpy_from_bool(r) : mpy_from_int(r);
    case MPY_BINOP_MATMUL:
    default:
        return mpy_notimpl(vm);
    }
    return mpy_int_big_binop(vm, op, a, b);
}

static mpy_value int_unary(mpy_vm *vm, mpy_unaryop op, mpy_value v)
{
    if (!mpy_is_smallint(v)) {
        mpy_value zero = mpy_from_int(0), m1 = mpy_from_int(-1);
        switch (op) {
        case MPY_UNARY_NEG: return mpy_int_big_binop(vm, MPY_BINOP_SUB, zero, v);
        case MPY_UNARY_POS: return v;
        case MPY_UNARY_INVERT: return mpy_int_big_binop(vm, MPY_BINOP_SUB, m1, v);
        }
    }
    int64_t x = v.u.i;
    switch (op) {
    case MPY_UNARY_NEG:
        if (x == INT64_MIN) return mpy_int_big_binop(vm, MPY_BINOP_SUB, mpy_from_int(0), v);
        return mpy_from_int(-x);
    case MPY_UNARY_POS: return mpy_from_int(x);
    case MPY_UNARY_INVERT: return mpy_from_int(~x);
    }
    return mpy_notimpl(vm);
}

int mpy_int_big_cmp(mpy_vm *vm, mpy_value a, mpy_value b);

static mpy_value int_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if (!mpy_is_intlike(vm, b)) return mpy_notimpl(vm);
    int c;
    if (mpy_is_smallint(a) && mpy_is_smallint(b)) c = (a.u.i > b.u.i) - (a.u.i < b.u.i);
    else c = mpy_int_big_cmp(vm, a, b);
    switch (op) {
    case MPY_CMP_LT: return mpy_from_bool(c < 0);
    case MPY_CMP_LE: return mpy_from_bool(c <= 0);
    case MPY_CMP_EQ: return mpy_from_bool(c == 0);
    case MPY_CMP_NE: return mpy_from_bool(c != 0);
    case MPY_CMP_GT: return mpy_from_bool(c > 0);
    default: return mpy_from_bool(c >= 0);
    }
}

mpy_value mpy_int_big_repr(mpy_vm *vm, mpy_value v);

static mpy_value int_repr(mpy_vm *vm, mpy_value v)
{
    if (!mpy_is_smallint(v)) return mpy_int_big_repr(vm, v);
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%lld", (long long)v.u.i);
    return mpy_from_obj(mpy_str_new(vm, buf, (size_t)n));
}

static mpy_value bool_repr(mpy_vm *vm, mpy_value v)
{
    return mpy_from_obj(mpy_str_intern_cstr(vm, v.u.i ? "True" : "False"));
}

bool mpy_int_big_hash(mpy_vm *vm, mpy_value v, int64_t *out);

static bool int_hash(mpy_vm *vm, mpy_value v, int64_t *out)
{
    if (mpy_is_smallint(v)) return mpy_hash(vm, v, out);
    return mpy_int_big_hash(vm, v, out);
}

static int int_truth(mpy_vm *vm, mpy_value v) { return mpy_is_smallint(v) ? v.u.i != 0 : 1; }

mpy_value mpy_int_new_(mpy_vm *vm, mpy_type *t, int argc, const mpy_value *args, mpy_tuple *kw);
mpy_value mpy_bool_new_(mpy_vm *vm, mpy_type *t, int argc, const mpy_value *args, mpy_tuple *kw);
extern const mpy_method_def mpy_int_methods[];
extern const mpy_getset_def mpy_int_getsets[];

const mpy_type_spec mpy_int_spec = {
    .name = "int",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE | MPY_TF_INT_SUB,
    .slots = {.repr = int_repr, .hash = int_hash, .richcmp = int_richcmp, .binop = int_binop,
              .unary = int_unary, .truth = int_truth, .new_ = mpy_int_new_},
    .methods = mpy_int_methods,
    .getsets = mpy_int_getsets,
};

static mpy_value bool_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b) { return int_binop(vm, op, a, b); }

const mpy_type_spec mpy_bool_spec = {
    .name = "bool",
    .base = MPY_TYPE_INT,
    .flags = MPY_TF_INT_SUB,
    .slots = {.repr = bool_repr, .binop = bool_binop, .new_ = mpy_bool_new_},
};
