/* The numeric builtins: abs, min, max, sum, round, divmod, pow, chr, ord,
 * hex, oct, bin.  Small ints and floats take fast paths; everything else
 * goes through the operator protocols and dunder methods, so big ints and
 * user classes behave as in CPython. */
#include <math.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/builtins_internal.h"
#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"


/* Calls type(v).<name>(v, extra...), or returns MPY_NULL with no
 * exception when the type lacks the method. */
static mpy_value call_dunder(mpy_vm *vm, mpy_value v, mpy_str *name, int argc, const mpy_value *extra)
{
    mpy_value m = mpy_type_lookup(vm, mpy_typeof(vm, v), name);
    if (mpy_is_null(m)) return m;
    mpy_value a[3] = {v, argc > 0 ? extra[0] : MPY_NULL, argc > 1 ? extra[1] : MPY_NULL};
    mpy_type *mt = mpy_typeof(vm, m);
    /* Bind through the descriptor when it is not a plain function, so that
     * staticmethods and the like work. */
    if (mt->slots.descr_get && !mpy_is_type(vm, m, MPY_TYPE_FUNCTION) && !mpy_is_type(vm, m, MPY_TYPE_NATIVE)) {
        mpy_value bound = mt->slots.descr_get(vm, m, v, mpy_typeof(vm, v));
        return mpy_is_null(bound) ? bound : mpy_call(vm, bound, argc, a + 1, NULL);
    }
    return mpy_call(vm, m, argc + 1, a, NULL);
}

static mpy_value bi_abs(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "abs", argc, kw)) return MPY_NULL;
    mpy_value v = args[0];
    if (mpy_is_smallint(v) && v.u.i != INT64_MIN) return mpy_from_int(v.u.i < 0 ? -v.u.i : v.u.i);
    if (mpy_is_float(v)) return mpy_from_float(fabs(v.u.f));
    mpy_value r = call_dunder(vm, v, vm->names.__abs__, 0, NULL);
    if (mpy_is_null(r) && !mpy_err_occurred(vm))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "bad operand type for abs(): '%s'", mpy_tname(vm, v));
    return r;
}

/* ------------------------------------------------------------- min, max */

static mpy_value minmax(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, const char *name, mpy_cmpop op)
{
    mpy_value key = MPY_NULL, dflt = MPY_NULL;
    /* CPython checks the positional count before the keywords: max(a=1)
     * complains about the missing argument. */
    if (argc == 0) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s expected at least 1 argument, got 0", name);
    for (int k = 0; k < mpy_args_nkw(kw); k++) {
        mpy_str *kn = (mpy_str *)kw->items[k].u.o;
        if (strcmp(kn->data, "key") == 0) key = args[argc + k];
        else if (strcmp(kn->data, "default") == 0) dflt = args[argc + k];
        else
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' is an invalid keyword argument for %s()", kn->data, name);
    }
    if (argc > 1 && !mpy_is_null(dflt))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError,
                             "Cannot specify a default for %s() with multiple positional arguments", name);
    if (mpy_is_none(key)) key = MPY_NULL;
    mpy_value it = argc == 1 ? mpy_iter(vm, args[0]) : MPY_NULL;
    if (argc == 1 && mpy_is_null(it)) return it;
    mpy_value best = MPY_NULL, best_key = MPY_NULL;
    for (int i = 0;; i++) {
        mpy_value v = argc == 1 ? mpy_next(vm, it) : i < argc ? args[i] : MPY_NULL;
        if (mpy_is_null(v)) {
            if (mpy_err_occurred(vm)) return MPY_NULL;
            break;
        }
        mpy_value k = mpy_is_null(key) ? v : mpy_call1(vm, key, v);
        if (mpy_is_null(k)) return k;
        if (mpy_is_null(best)) {
            best = v;
            best_key = k;
            continue;
        }
        int c = mpy_compare_bool(vm, k, best_key, op);
        if (c < 0) return MPY_NULL;
        if (c) {
            best = v;
            best_key = k;
        }
    }
    if (!mpy_is_null(best)) return best;
    if (!mpy_is_null(dflt)) return dflt;
    return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "%s() arg is an empty sequence", name);
}

static mpy_value bi_min(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return minmax(vm, argc, args, kw, "min", MPY_CMP_LT);
}

static mpy_value bi_max(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return minmax(vm, argc, args, kw, "max", MPY_CMP_GT);
}

/* ------------------------------------------------------------------ sum */

/* sum(iterable, /, start=0): small ints are added in C until they
 * overflow, floats are added as doubles (CPython 3.11 adds them plainly),
 * anything else through the + protocol. */
static mpy_value bi_sum(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[2];
    if (!mpy_args_parse(vm, "sum", argc, args, kw, "iterable,/,start=", a)) return MPY_NULL;
    mpy_value acc = mpy_is_null(a[1]) ? mpy_from_int(0) : a[1];
    if (mpy_is_sub(vm, acc, MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (mpy_is_sub(vm, acc, MPY_TYPE_BYTES))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (mpy_is_sub(vm, acc, MPY_TYPE_BYTEARRAY))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    mpy_value it = mpy_iter(vm, a[0]);
    if (mpy_is_null(it)) return it;
    for (;;) {
        mpy_value v = mpy_next(vm, it);
        if (mpy_is_null(v)) return mpy_err_occurred(vm) ? MPY_NULL : acc;
        int64_t r;
        if (mpy_is_smallint(acc) && mpy_is_smallint(v) && !__builtin_add_overflow(acc.u.i, v.u.i, &r)) {
            acc = mpy_from_int(r);
        } else if (mpy_is_float(acc) && (mpy_is_float(v) || mpy_is_smallint(v))) {
            acc = mpy_from_float(acc.u.f + (mpy_is_float(v) ? v.u.f : (double)v.u.i));
        } else {
            acc = mpy_binary_op(vm, MPY_BINOP_ADD, acc, v);
            if (mpy_is_null(acc)) return acc;
        }
    }
}

/* ---------------------------------------------------------------- round */

/* A float that is already integral (rounded) as an int: small when it
 * fits, else through int(float) for the big-int conversion. */
static mpy_value float_to_int(mpy_vm *vm, double d)
{
    if (isinf(d)) return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d)) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "cannot convert float NaN to integer");
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) return mpy_from_int((int64_t)d);
    return mpy_int_from_double(vm, d);
}

/* Round half to even, as Python's round(). */
static double round_half_even(double x)
{
    double r = round(x);
    if (fabs(x - trunc(x)) == 0.5) r = 2.0 * round(x / 2.0);
    return r;
}

static mpy_value bi_round(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[2];
    if (!mpy_args_parse(vm, "round", argc, args, kw, "number,ndigits=", a)) return MPY_NULL;
    mpy_value x = a[0];
    bool no_digits = mpy_is_null(a[1]) || mpy_is_none(a[1]);
    if (no_digits && mpy_is_smallint(x)) return mpy_from_int(x.u.i);
    if (no_digits && mpy_is_float(x)) return float_to_int(vm, round_half_even(x.u.f));
    mpy_value r = call_dunder(vm, x, vm->names.__round__, no_digits ? 0 : 1, &a[1]);
    if (mpy_is_null(r) && !mpy_err_occurred(vm))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "type %s doesn't define __round__ method", mpy_tname(vm, x));
    return r;
}

/* --------------------------------------------------------------- divmod */

static bool is_number(mpy_vm *vm, mpy_value v) { return mpy_is_float(v) || mpy_is_intlike(vm, v) || mpy_is_sub(vm, v, MPY_TYPE_FLOAT); }

/* Exactly int, bool or float: their divmod is (a // b, a % b). */
static bool builtin_number(mpy_vm *vm, mpy_value v)
{
    if (!mpy_is_obj(v)) return !mpy_is_none(v) && !mpy_is_null(v);
    mpy_type *t = mpy_typeof(vm, v);
    return t == vm->types[MPY_TYPE_INT] || t == vm->types[MPY_TYPE_FLOAT];
}

static mpy_value divmod_by_ops(mpy_vm *vm, mpy_value a, mpy_value b)
{
    mpy_value q = mpy_binary_op(vm, MPY_BINOP_FLOORDIV, a, b);
    if (mpy_is_null(q)) return q;
    mpy_value m = mpy_binary_op(vm, MPY_BINOP_MOD, a, b);
    if (mpy_is_null(m)) return m;
    mpy_tuple *t = mpy_tuple_pack(vm, 2, q, m);
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static mpy_value divmod_values(mpy_vm *vm, mpy_value a, mpy_value b)
{
    if (mpy_is_smallint(a) && mpy_is_smallint(b) && b.u.i != 0 && !(a.u.i == INT64_MIN && b.u.i == -1)) {
        int64_t q = a.u.i / b.u.i, r = a.u.i % b.u.i;
        if (r != 0 && ((r < 0) != (b.u.i < 0))) {
            q--;
            r += b.u.i;
        }
        mpy_tuple *t = mpy_tuple_pack(vm, 2, mpy_from_int(q), mpy_from_int(r));
        return t ? mpy_from_obj(t) : MPY_NULL;
    }
    mpy_type *ta = mpy_typeof(vm, a), *tb = mpy_typeof(vm, b);
    /* Built-in numbers: (a // b, a % b), the definition CPython's int and
     * float divmod agree with. */
    if (builtin_number(vm, a) && builtin_number(vm, b)) {
        /* float.__divmod__ names itself in its ZeroDivisionError. */
        bool zero = (mpy_is_smallint(b) && b.u.i == 0) || (mpy_is_float(b) && b.u.f == 0.0);
        if (zero && (mpy_is_float(a) || mpy_is_float(b)))
            return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "float divmod()");
        return divmod_by_ops(vm, a, b);
    }
    /* __divmod__, then the reflected __rdivmod__ of a different type. */
    /* An exact int or float only divides by numbers, which were handled
     * above, so its own dunders are skipped. */
    mpy_value r = builtin_number(vm, a) ? MPY_NULL : call_dunder(vm, a, vm->names.__divmod__, 1, &b);
    if (!mpy_is_null(r) && !mpy_is_notimpl(vm, r)) return r;
    if (mpy_err_occurred(vm)) return MPY_NULL;
    if (ta != tb && !builtin_number(vm, b)) {
        r = call_dunder(vm, b, vm->names.__rdivmod__, 1, &a);
        if (!mpy_is_null(r) && !mpy_is_notimpl(vm, r)) return r;
        if (mpy_err_occurred(vm)) return MPY_NULL;
    }
    /* Subclasses of int and float without their own divmod. */
    if (is_number(vm, a) && is_number(vm, b)) return divmod_by_ops(vm, a, b);
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                         mpy_type_name(ta), mpy_type_name(tb));
}

static mpy_value bi_divmod(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "divmod", argc, kw, 2, 2)) return MPY_NULL;
    return divmod_values(vm, args[0], args[1]);
}

/* ------------------------------------------------------------------ pow */

/* x mod m in [0, m) for m > 0. */
static int64_t mod_pos(int64_t x, int64_t m)
{
    int64_t r = x % m;
    return r < 0 ? r + m : r;
}

/* The inverse of a modulo m (m > 0), or -1 when a is not invertible. */
static int64_t mod_inverse(int64_t a, int64_t m)
{
    __int128 t = 0, nt = 1, r = m, nr = mod_pos(a, m);
    while (nr != 0) {
        __int128 q = r / nr, tmp = t - q * nt;
        t = nt;
        nt = tmp;
        tmp = r - q * nr;
        r = nr;
        nr = tmp;
    }
    if (r != 1) return -1;
    return (int64_t)(t < 0 ? t + m : t);
}

/* pow(b, e, m) for small ints: square and multiply in 128 bits.  The
 * result takes the sign of m, as Python's %. */
static mpy_value pow_mod_small(mpy_vm *vm, int64_t b, int64_t e, int64_t m)
{
    if (m == 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "pow() 3rd argument cannot be 0");
    bool neg = m < 0;
    /* |m| of INT64_MIN does not fit: leave that to the big-int path. */
    uint64_t um = neg ? (uint64_t)0 - (uint64_t)m : (uint64_t)m;
    if (um > (uint64_t)INT64_MAX) return MPY_NULL;
    int64_t am = (int64_t)um;
    if (e < 0) {
        if (e == INT64_MIN) return MPY_NULL;
        b = mod_inverse(b, am);
        if (b < 0 && am != 1) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "base is not invertible for the given modulus");
        if (b < 0) b = 0;
        e = -e;
    }
    unsigned __int128 r = 1 % (uint64_t)am, x = (uint64_t)mod_pos(b, am);
    while (e > 0) {
        if (e & 1) r = r * x % (uint64_t)am;
        x = x * x % (uint64_t)am;
        e >>= 1;
    }
    int64_t res = (int64_t)r;
    if (neg && res != 0) res -= am;
    return mpy_from_int(res);
}

static mpy_value bi_pow(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[3];
    if (!mpy_args_parse(vm, "pow", argc, args, kw, "base,exp,mod=", a)) return MPY_NULL;
    if (mpy_is_null(a[2]) || mpy_is_none(a[2])) return mpy_binary_op(vm, MPY_BINOP_POW, a[0], a[1]);
    if (!mpy_is_intlike(vm, a[0]) || !mpy_is_intlike(vm, a[1]) || !mpy_is_intlike(vm, a[2]))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError,
                             "pow() 3rd argument not allowed unless all arguments are integers");
    if (mpy_is_smallint(a[0]) && mpy_is_smallint(a[1]) && mpy_is_smallint(a[2])) {
        mpy_value r = pow_mod_small(vm, a[0].u.i, a[1].u.i, a[2].u.i);
        if (!mpy_is_null(r) || mpy_err_occurred(vm)) return r;
    }
    /* Big ints: int.__pow__(base, exp, mod) of the numeric helper. */
    mpy_value r = call_dunder(vm, a[0], mpy_str_intern_cstr(vm, "__pow__"), 2, &a[1]);
    if (mpy_is_null(r) && !mpy_err_occurred(vm))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "unsupported operand type(s) for pow(): '%s', '%s', '%s'",
                             mpy_tname(vm, a[0]), mpy_tname(vm, a[1]), mpy_tname(vm, a[2]));
    return r;
}

/* ------------------------------------------------------------- chr, ord */

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static mpy_value bi_chr(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "chr", argc, kw)) return MPY_NULL;
    int64_t i;
    if (!mpy_index(vm, args[0], &i)) {
        if (mpy_err_matches(vm, MPY_EXC_IndexError)) {
            mpy_err_clear(vm);
            return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "Python int too large to convert to C int");
        }
        return MPY_NULL;
    }
    if (i < 0 || i >= 0x110000) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "chr() arg not in range(0x110000)");
    char buf[4];
    size_t n = utf8_encode((uint32_t)i, buf);
    /* One-character strings are interned: chr() in loops is common. */
    mpy_str *s = mpy_str_intern(vm, buf, n);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static mpy_value bi_ord(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "ord", argc, kw)) return MPY_NULL;
    mpy_value v = args[0];
    size_t len;
    if (mpy_is_sub(vm, v, MPY_TYPE_STR)) {
        mpy_str *s = mpy_as_str(v);
        if (s->cplen == 1) {
            const unsigned char *p = (const unsigned char *)s->data;
            uint32_t cp = p[0];
            if (p[0] >= 0xF0) cp = (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 | (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
            else if (p[0] >= 0xE0) cp = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            else if (p[0] >= 0xC0) cp = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
            return mpy_from_int(cp);
        }
        len = s->cplen;
    } else if (mpy_is_sub(vm, v, MPY_TYPE_BYTES) || mpy_is_sub(vm, v, MPY_TYPE_BYTEARRAY)) {
        int64_t n = mpy_len(vm, v);
        if (n < 0) return MPY_NULL;
        if (n == 1) {
            mpy_value b = mpy_getitem(vm, v, mpy_from_int(0));
            return b;
        }
        len = (size_t)n;
    } else {
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "ord() expected string of length 1, but %s found",
                             mpy_tname(vm, v));
    }
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "ord() expected a character, but string of length %zu found", len);
}

/* ----------------------------------------------------- hex, oct, bin */

/* The digits of v (an int after __index__) in base 2, 8 or 16 with the
 * prefix: small ints here, big ints by the numeric helper. */
static mpy_value int_to_base(mpy_vm *vm, const char *fname, mpy_value v, int base)
{
    if (!mpy_is_smallint(v) && !mpy_is_intlike(vm, v)) {
        mpy_value m = mpy_type_lookup(vm, mpy_typeof(vm, v), vm->names.__index__);
        if (mpy_is_null(m))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                                 mpy_tname(vm, v));
        mpy_value r = mpy_call1(vm, m, v);
        if (mpy_is_null(r)) return r;
        if (!mpy_is_intlike(vm, r))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__index__ returned non-int (type %s)", mpy_tname(vm, r));
        v = r;
    }
    if (!mpy_is_smallint(v)) {
        /* The numeric helper gives sign and digits; the prefix goes after
         * the sign. */
        mpy_str *d = mpy_int_to_base(vm, v, base);
        if (!d) return MPY_NULL;
        bool neg = d->data[0] == '-';
        mpy_str *s = mpy_str_printf(vm, "%s0%c%s", neg ? "-" : "", base == 16 ? 'x' : base == 8 ? 'o' : 'b',
                                    d->data + neg);
        return s ? mpy_from_obj(s) : MPY_NULL;
    }
    char buf[72], *p = buf + sizeof buf;
    uint64_t u = v.u.i < 0 ? (uint64_t)0 - (uint64_t)v.u.i : (uint64_t)v.u.i;
    do {
        *--p = "0123456789abcdef"[u % (uint64_t)base];
        u /= (uint64_t)base;
    } while (u);
    *--p = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
    *--p = '0';
    if (v.u.i < 0) *--p = '-';
    mpy_str *s = mpy_str_new(vm, p, (size_t)(buf + sizeof buf - p));
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static mpy_value bi_hex(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "hex", argc, kw)) return MPY_NULL;
    return int_to_base(vm, "hex", args[0], 16);
}

static mpy_value bi_oct(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "oct", argc, kw)) return MPY_NULL;
    return int_to_base(vm, "oct", args[0], 8);
}

static mpy_value bi_bin(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "bin", argc, kw)) return MPY_NULL;
    return int_to_base(vm, "bin", args[0], 2);
}

const mpy_method_def mpy_builtins_num_defs[] = {
    {"abs", bi_abs, 0},
    {"min", bi_min, 0},
    {"max", bi_max, 0},
    {"sum", bi_sum, 0},
    {"round", bi_round, 0},
    {"divmod", bi_divmod, 0},
    {"pow", bi_pow, 0},
    {"chr", bi_chr, 0},
    {"ord", bi_ord, 0},
    {"hex", bi_hex, 0},
    {"oct", bi_oct, 0},
    {"bin", bi_bin, 0},
    {NULL, NULL, 0},
};
