/* The math module: CPython 3.11's functions, special cases and messages.
 *
 * Float functions follow CPython's math_1/math_2 rule for errors: a NaN
 * result from a non-NaN argument is ValueError("math domain error"); an
 * infinite result from a finite argument is OverflowError("math range
 * error") for functions that can overflow (exp, cosh...), a domain error
 * for the others (log(0), atanh(1)).  Integer functions (gcd, factorial,
 * comb, isqrt...) work in int64 while they can and continue with the int
 * protocols (mpy_binary_op) for big values, so their results are exact.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/dict.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#define PI 3.141592653589793238462643383279502884
#define E 2.718281828459045235360287471352662498

static mpy_value domain_error(mpy_vm *vm) { return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "math domain error"); }
static mpy_value range_error(mpy_vm *vm) { return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "math range error"); }

/* An integral double as an int (small, or big through int(float)). */
static mpy_value double_to_int(mpy_vm *vm, double d)
{
    if (isinf(d)) return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d)) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "cannot convert float NaN to integer");
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) return mpy_from_int((int64_t)d);
    return mpy_int_from_double(vm, d);
}

/* The error check of CPython's math_1 on result r of argument x. */
static mpy_value float_result(mpy_vm *vm, double x, double r, bool can_overflow)
{
    if (isnan(r) && !isnan(x)) return domain_error(vm);
    if (isinf(r) && isfinite(x)) return can_overflow ? range_error(vm) : domain_error(vm);
    return mpy_from_float(r);
}

static mpy_value math_1(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw,
                        double (*f)(double), bool can_overflow)
{
    if (!mpy_args_one(vm, name, argc, kw)) return MPY_NULL;
    double x;
    if (!mpy_to_double(vm, args[0], &x)) return MPY_NULL;
    return float_result(vm, x, f(x), can_overflow);
}

/* Two float arguments for atan2, copysign, fmod, remainder, pow... */
static bool two_doubles(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw, double *x,
                        double *y)
{
    return mpy_args_count(vm, name, argc, kw, 2, 2) && mpy_to_double(vm, args[0], x) &&
           mpy_to_double(vm, args[1], y);
}

static double m_degrees(double x) { return x * (180.0 / PI); }
static double m_radians(double x) { return x * (PI / 180.0); }
static double m_exp2(double x) { return exp2(x); }

#define MATH1(name, cfn, ovf)                                                                      \
    static mpy_value math_##name(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)       \
    {                                                                                              \
        return math_1(vm, "math." #name, argc, args, kw, cfn, ovf);                                \
    }
MATH1(sqrt, sqrt, false)
MATH1(exp, exp, true)
MATH1(exp2, m_exp2, true)
MATH1(expm1, expm1, true)
MATH1(cbrt, cbrt, false)
MATH1(sin, sin, false)
MATH1(cos, cos, false)
MATH1(tan, tan, false)
MATH1(asin, asin, false)
MATH1(acos, acos, false)
MATH1(atan, atan, false)
MATH1(sinh, sinh, true)
MATH1(cosh, cosh, true)
MATH1(tanh, tanh, false)
MATH1(asinh, asinh, false)
MATH1(acosh, acosh, false)
MATH1(atanh, atanh, false)
MATH1(fabs, fabs, false)
MATH1(erf, erf, false)
MATH1(erfc, erfc, false)
MATH1(degrees, m_degrees, false)
MATH1(radians, m_radians, false)
#undef MATH1

/* gamma and lgamma: poles at the non-positive integers are domain
 * errors, overflow a range error. */
static mpy_value math_gamma(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "math.gamma", argc, kw)) return MPY_NULL;
    double x;
    if (!mpy_to_double(vm, args[0], &x)) return MPY_NULL;
    if (isnan(x)) return mpy_from_float(x);
    if (isinf(x)) return x > 0 ? mpy_from_float(x) : domain_error(vm);
    if (x <= 0 && x == floor(x)) return domain_error(vm);
    double r = tgamma(x);
    if (isinf(r)) return range_error(vm);
    return mpy_from_float(r);
}

static mpy_value math_lgamma(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "math.lgamma", argc, kw)) return MPY_NULL;
    double x;
    if (!mpy_to_double(vm, args[0], &x)) return MPY_NULL;
    if (isnan(x)) return mpy_from_float(x);
    if (isinf(x)) return mpy_from_float(INFINITY);
    if (x <= 0 && x == floor(x)) return domain_error(vm);
    double r = lgamma(x);
    if (isinf(r)) return range_error(vm);
    return mpy_from_float(r);
}

/* ------------------------------------------------------------ logarithms */

/* log of any positive number, big ints included: an int too large for a
 * double is scaled down by 2**k first (CPython's loghelper). */
static bool log_of(mpy_vm *vm, mpy_value v, double (*f)(double), double *out)
{
    if (!mpy_is_smallint(v) && !mpy_is_float(v) && mpy_is_intlike(vm, v)) {
        int s = mpy_compare_bool(vm, v, mpy_from_int(0), MPY_CMP_GT);
        if (s < 0) return false;
        if (!s) return domain_error(vm), false;
        mpy_value bl = mpy_call_method(vm, v, "bit_length", 0, NULL);
        if (mpy_is_null(bl)) return false;
        int64_t bits = mpy_as_int(bl);
        if (bits > 1000) {
            /* v = m * 2**e with m < 2**60: log(v) = log(m) + e*log(2). */
            int64_t e = bits - 60;
            mpy_value m = mpy_binary_op(vm, MPY_BINOP_RSHIFT, v, mpy_from_int(e));
            double md;
            if (mpy_is_null(m) || !mpy_to_double(vm, m, &md)) return false;
            *out = f(md) + (double)e * f(2.0);
            return true;
        }
    }
    double x;
    if (!mpy_to_double(vm, v, &x)) return false;
    if (isnan(x)) { *out = x; return true; }
    if (x <= 0) return domain_error(vm), false;
    *out = f(x);
    return true;
}

static mpy_value math_log(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_no_kw(vm, "log", kw)) return MPY_NULL;
    if (argc < 1 || argc > 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "math.log requires 1 to 2 arguments");
    double num, den;
    if (!log_of(vm, args[0], log, &num)) return MPY_NULL;
    if (argc == 1) return mpy_from_float(num);
    if (!log_of(vm, args[1], log, &den)) return MPY_NULL;
    if (den == 0) return mpy_err_fmt_v(vm, MPY_EXC_ZeroDivisionError, "float division by zero");
    return mpy_from_float(num / den);
}

#define LOGFN(name)                                                                                \
    static mpy_value math_##name(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)       \
    {                                                                                              \
        double r;                                                                                  \
        if (!mpy_args_one(vm, "math." #name, argc, kw) || !log_of(vm, args[0], name, &r))          \
            return MPY_NULL;                                                                       \
        return mpy_from_float(r);                                                                  \
    }
LOGFN(log2)
LOGFN(log10)
#undef LOGFN

static mpy_value math_log1p(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "math.log1p", argc, kw)) return MPY_NULL;
    double x;
    if (!mpy_to_double(vm, args[0], &x)) return MPY_NULL;
    if (x <= -1.0) return domain_error(vm);
    return mpy_from_float(log1p(x));
}

/* ------------------------------------------------------- two arguments */

static mpy_value math_atan2(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    double y, x;
    if (!two_doubles(vm, "atan2", argc, args, kw, &y, &x)) return MPY_NULL;
    return mpy_from_float(atan2(y, x));
}

static mpy_value math_copysign(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    double x, y;
    if (!two_doubles(vm, "copysign", argc, args, kw, &x, &y)) return MPY_NULL;
    return mpy_from_float(copysign(x, y));
}

static mpy_value math_fmod(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    double x, y;
    if (!two_doubles(vm, "fmod", argc, args, kw, &x, &y)) return MPY_NULL;
    if (isinf(y) && isfinite(x)) return mpy_from_float(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error(vm);
    return mpy_from_float(r);
}

static mpy_value math_remainder(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    double x, y;
    if (!two_doubles(vm, "remainder", argc, args, kw, &x, &y)) return MPY_NULL;
    if (isnan(x) || isnan(y)) return mpy_from_float(NAN);
    if (isinf(x) || y == 0) return domain_error(vm);
    if (isinf(y)) return mpy_from_float(x);
    return mpy_from_float(remainder(x, y));
}

/* math.pow: C99's pow with CPython's special cases and errors. */
static mpy_value math_pow(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    double x, y, r;
    if (!two_doubles(vm, "pow", argc, args, kw, &x, &y)) return MPY_NULL;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) r = y == 0.0 ? 1.0 : x;
        else if (isnan(y)) r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.) r = odd_y ? x : fabs(x);
            else if (y == 0.) r = 1.0;
            else r = odd_y ? copysign(0., x) : 0.;
        } else {
            if (fabs(x) == 1.0) r = 1.0;
            else if (y > 0. && fabs(x) > 1.0) r = y;
            else if (y < 0. && fabs(x) < 1.0) r = -y;
            else r = 0.;
        }
        return mpy_from_float(r);
    }
    r = pow(x, y);
    if (isnan(r)) return domain_error(vm);
    if (isinf(r)) return x == 0.0 ? domain_error(vm) : range_error(vm);
    return mpy_from_float(r);
}

static mpy_value math_ldexp(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "ldexp", argc, kw, 2, 2)) return MPY_NULL;
    double x;
    if (!mpy_to_double(vm, args[0], &x)) return MPY_NULL;
    if (!mpy_is_intlike(vm, args[1]))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "Expected an int as second argument to ldexp.");
    /* Exponents beyond any double's range saturate. */
    int64_t e;
    if (mpy_is_smallint(args[1])) {
        e = args[1].u.i;
    } else {
        int s = mpy_compare_bool(vm, args[1], mpy_from_int(0), MPY_CMP_GT);
        if (s < 0) return MPY_NULL;
        e = s ? 100000 : -100000;
    }
    if (e > 100000) e = 100000;
    if (e < -100000) e = -100000;
    if (x == 0.0 || !isfinite(x)) return mpy_from_float(x);
    double r = ldexp(x, (int)e);
    if (isinf(r)) return range_error(vm);
    return mpy_from_float(r);
}

static mpy_value math_frexp(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "math.frexp", argc, kw)) return MPY_NULL;
    double x;
    if (!mpy_to_double(vm, args[0], &x)) return MPY_NULL;
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
    mpy_tuple *t = mpy_tuple_pack(vm, 2, mpy_from_float(m), mpy_from_int(e));
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static mpy_value math_modf(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "math.modf", argc, kw)) return MPY_NULL;
    double x, ip, fp;
    if (!mpy_to_double(vm, args[0], &x)) return MPY_NULL;
    if (isinf(x)) {
        ip = x;
        fp = copysign(0.0, x);
    } else {
        fp = modf(x, &ip);
    }
    mpy_tuple *t = mpy_tuple_pack(vm, 2, mpy_from_float(fp), mpy_from_float(ip));
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static mpy_value math_nextafter(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    double x, y;
    if (!two_doubles(vm, "nextafter", argc, args, kw, &x, &y)) return MPY_NULL;
    return mpy_from_float(nextafter(x, y));
}

static mpy_value math_ulp(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "math.ulp", argc, kw)) return MPY_NULL;
    double x;
    if (!mpy_to_double(vm, args[0], &x)) return MPY_NULL;
    if (isnan(x)) return mpy_from_float(x);
    x = fabs(x);
    if (isinf(x)) return mpy_from_float(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return mpy_from_float(x - x2);
    }
    return mpy_from_float(x2 - x);
}

/* ------------------------------------------------------ classification */

#define PRED(name, expr)                                                                           \
    static mpy_value math_##name(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)       \
    {                                                                                              \
        double x;                                                                                  \
        if (!mpy_args_one(vm, "math." #name, argc, kw) || !mpy_to_double(vm, args[0], &x))         \
            return MPY_NULL;                                                                       \
        return mpy_from_bool(expr);                                                                \
    }
PRED(isfinite, isfinite(x))
PRED(isinf, isinf(x))
PRED(isnan, isnan(x))
#undef PRED

static mpy_value math_isclose(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[4];
    if (!mpy_args_parse(vm, "isclose", argc, args, kw, "a,b,*,rel_tol=,abs_tol=", a)) return MPY_NULL;
    double x, y, rel = 1e-09, abs_tol = 0.0;
    if (!mpy_to_double(vm, a[0], &x) || !mpy_to_double(vm, a[1], &y)) return MPY_NULL;
    if (!mpy_is_null(a[2]) && !mpy_to_double(vm, a[2], &rel)) return MPY_NULL;
    if (!mpy_is_null(a[3]) && !mpy_to_double(vm, a[3], &abs_tol)) return MPY_NULL;
    if (rel < 0.0 || abs_tol < 0.0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "tolerances must be non-negative");
    if (x == y) return MPY_TRUE;
    if (isinf(x) || isinf(y)) return MPY_FALSE;
    double diff = fabs(y - x);
    return mpy_from_bool(diff <= fabs(rel * y) || diff <= fabs(rel * x) || diff <= abs_tol);
}

/* ------------------------------------------------- floor, ceil, trunc */

/* floor/ceil/trunc: ints unchanged, floats rounded in C, other objects
 * through their dunder (__floor__...) or, for floor/ceil, float(). */
static mpy_value rounding(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw,
                          mpy_str *dunder, double (*f)(double), bool need_dunder)
{
    if (!mpy_args_one(vm, name, argc, kw)) return MPY_NULL;
    mpy_value v = args[0];
    if (mpy_is_smallint(v)) return mpy_from_int(v.u.i);
    if (mpy_is_float(v)) return double_to_int(vm, f(v.u.f));
    if (mpy_is_intlike(vm, v) && mpy_typeof(vm, v) == vm->types[MPY_TYPE_INT]) return v;
    mpy_value m = mpy_type_lookup(vm, mpy_typeof(vm, v), dunder);
    if (!mpy_is_null(m)) return mpy_call1(vm, m, v);
    if (need_dunder)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "type %s doesn't define %s method", mpy_tname(vm, v),
                             dunder->data);
    double x;
    if (!mpy_to_double(vm, v, &x)) return MPY_NULL;
    return double_to_int(vm, f(x));
}

static mpy_value math_floor(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return rounding(vm, "math.floor", argc, args, kw, vm->names.__floor__, floor, false);
}

static mpy_value math_ceil(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return rounding(vm, "math.ceil", argc, args, kw, vm->names.__ceil__, ceil, false);
}

static mpy_value math_trunc(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return rounding(vm, "math.trunc", argc, args, kw, vm->names.__trunc__, trunc, true);
}

/* ------------------------------------------------------- integer functions */

/* An int argument (via __index__), kept as a value so big ints work. */
static mpy_value int_arg(mpy_vm *vm, mpy_value v)
{
    if (mpy_is_smallint(v)) return mpy_from_int(v.u.i);
    if (mpy_is_intlike(vm, v)) return v;
    mpy_value m = mpy_type_lookup(vm, mpy_typeof(vm, v), vm->names.__index__);
    if (mpy_is_null(m))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                             mpy_tname(vm, v));
    mpy_value r = mpy_call1(vm, m, v);
    if (!mpy_is_null(r) && !mpy_is_intlike(vm, r))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__index__ returned non-int (type %s)", mpy_tname(vm, r));
    return r;
}

static mpy_value int_op(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (mpy_is_smallint(a) && mpy_is_smallint(b)) {
        int64_t r;
        if (op == MPY_BINOP_MUL && !__builtin_mul_overflow(a.u.i, b.u.i, &r)) return mpy_from_int(r);
        if (op == MPY_BINOP_ADD && !__builtin_add_overflow(a.u.i, b.u.i, &r)) return mpy_from_int(r);
        if (op == MPY_BINOP_SUB && !__builtin_sub_overflow(a.u.i, b.u.i, &r)) return mpy_from_int(r);
    }
    return mpy_binary_op(vm, op, a, b);
}

/* 1, 0, -1 for a <op> b (error: -2). */
static int int_cmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if (mpy_is_smallint(a) && mpy_is_smallint(b)) {
        switch (op) {
        case MPY_CMP_LT: return a.u.i < b.u.i;
        case MPY_CMP_LE: return a.u.i <= b.u.i;
        case MPY_CMP_EQ: return a.u.i == b.u.i;
        case MPY_CMP_NE: return a.u.i != b.u.i;
        case MPY_CMP_GT: return a.u.i > b.u.i;
        case MPY_CMP_GE: return a.u.i >= b.u.i;
        }
    }
    int r = mpy_compare_bool(vm, a, b, op);
    return r < 0 ? -2 : r;
}

static mpy_value int_abs(mpy_vm *vm, mpy_value v)
{
    if (mpy_is_smallint(v) && v.u.i != INT64_MIN) return mpy_from_int(v.u.i < 0 ? -v.u.i : v.u.i);
    int neg = int_cmp(vm, v, mpy_from_int(0), MPY_CMP_LT);
    if (neg == -2) return MPY_NULL;
    return neg ? mpy_unary(vm, MPY_UNARY_NEG, v) : v;
}

static mpy_value gcd2(mpy_vm *vm, mpy_value a, mpy_value b)
{
    a = int_abs(vm, a);
    b = mpy_is_null(a) ? a : int_abs(vm, b);
    while (!mpy_is_null(b)) {
        if (mpy_is_smallint(a) && mpy_is_smallint(b)) {
            uint64_t x = (uint64_t)a.u.i, y = (uint64_t)b.u.i;
            while (y) {
                uint64_t t = x % y;
                x = y;
                y = t;
            }
            return mpy_from_int((int64_t)x);
        }
        int z = int_cmp(vm, b, mpy_from_int(0), MPY_CMP_EQ);
        if (z == -2) return MPY_NULL;
        if (z) return a;
        mpy_value t = mpy_binary_op(vm, MPY_BINOP_MOD, a, b);
        a = b;
        b = t;
    }
    return MPY_NULL;
}

static mpy_value math_gcd(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_no_kw(vm, "math.gcd", kw)) return MPY_NULL;
    mpy_value g = mpy_from_int(0);
    for (int i = 0; i < argc; i++) {
        mpy_value v = int_arg(vm, args[i]);
        if (mpy_is_null(v)) return v;
        g = gcd2(vm, g, v);
        if (mpy_is_null(g)) return g;
    }
    return g;
}

static mpy_value math_lcm(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_no_kw(vm, "math.lcm", kw)) return MPY_NULL;
    mpy_value l = mpy_from_int(1);
    for (int i = 0; i < argc; i++) {
        mpy_value v = int_arg(vm, args[i]);
        if (mpy_is_null(v)) return v;
        int z1 = int_cmp(vm, v, mpy_from_int(0), MPY_CMP_EQ), z2 = int_cmp(vm, l, mpy_from_int(0), MPY_CMP_EQ);
        if (z1 == -2 || z2 == -2) return MPY_NULL;
        if (z1 || z2) {
            l = mpy_from_int(0);
            continue;
        }
        mpy_value g = gcd2(vm, l, v);
        mpy_value q = mpy_is_null(g) ? g : mpy_binary_op(vm, MPY_BINOP_FLOORDIV, l, g);
        l = mpy_is_null(q) ? q : int_op(vm, MPY_BINOP_MUL, q, v);
        l = mpy_is_null(l) ? l : int_abs(vm, l);
        if (mpy_is_null(l)) return l;
    }
    return l;
}

/* The product lo * (lo+1) * ... * hi (lo <= hi+1), multiplying runs of
 * small factors in int64 before touching big ints. */
static mpy_value range_product(mpy_vm *vm, int64_t lo, int64_t hi)
{
    mpy_value acc = mpy_from_int(1);
    int64_t run = 1;
    for (int64_t k = lo; k <= hi; k++) {
        int64_t r;
        if (!__builtin_mul_overflow(run, k, &r)) {
            run = r;
            continue;
        }
        acc = int_op(vm, MPY_BINOP_MUL, acc, mpy_from_int(run));
        if (mpy_is_null(acc)) return acc;
        run = k;
    }
    return int_op(vm, MPY_BINOP_MUL, acc, mpy_from_int(run));
}

/* A non-negative small int argument; big values are refused (their
 * results would not fit in memory anyway). */
static bool small_nonneg(mpy_vm *vm, mpy_value v, const char *what, int64_t *out)
{
    mpy_value i = int_arg(vm, v);
    if (mpy_is_null(i)) return false;
    if (!mpy_is_smallint(i)) {
        int neg = int_cmp(vm, i, mpy_from_int(0), MPY_CMP_LT);
        if (neg == -2) return false;
        if (neg) return mpy_err_fmt(vm, MPY_EXC_ValueError, "%s", what);
        return mpy_err_fmt(vm, MPY_EXC_OverflowError, "Python int too large to convert to C long");
    }
    if (i.u.i < 0) return mpy_err_fmt(vm, MPY_EXC_ValueError, "%s", what);
    *out = i.u.i;
    return true;
}

static mpy_value math_factorial(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "math.factorial", argc, kw)) return MPY_NULL;
    int64_t n;
    if (mpy_is_float(args[0]))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'float' object cannot be interpreted as an integer");
    if (!small_nonneg(vm, args[0], "factorial() not defined for negative values", &n)) return MPY_NULL;
    return range_product(vm, 2, n);
}

static mpy_value math_perm(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "perm", argc, kw, 1, 2)) return MPY_NULL;
    int64_t n, k;
    if (!small_nonneg(vm, args[0], "n must be a non-negative integer", &n)) return MPY_NULL;
    if (argc == 1 || mpy_is_none(args[1])) return range_product(vm, 2, n);
    if (!small_nonneg(vm, args[1], "k must be a non-negative integer", &k)) return MPY_NULL;
    if (k > n) return mpy_from_int(0);
    return range_product(vm, n - k + 1, n);
}

static mpy_value math_comb(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "comb", argc, kw, 2, 2)) return MPY_NULL;
    int64_t n, k;
    if (!small_nonneg(vm, args[0], "n must be a non-negative integer", &n) ||
        !small_nonneg(vm, args[1], "k must be a non-negative integer", &k))
        return MPY_NULL;
    if (k > n) return mpy_from_int(0);
    if (k > n - k) k = n - k;
    /* r = r * (n - i) // (i + 1) stays an exact binomial at every step. */
    mpy_value r = mpy_from_int(1);
    for (int64_t i = 0; i < k; i++) {
        if (mpy_is_smallint(r)) {
            __int128 p = (__int128)r.u.i * (n - i);
            if (p / (i + 1) <= INT64_MAX) {
                r = mpy_from_int((int64_t)(p / (i + 1)));
                continue;
            }
        }
        r = int_op(vm, MPY_BINOP_MUL, r, mpy_from_int(n - i));
        r = mpy_is_null(r) ? r : mpy_binary_op(vm, MPY_BINOP_FLOORDIV, r, mpy_from_int(i + 1));
        if (mpy_is_null(r)) return r;
    }
    return r;
}

/* isqrt: Newton's iteration on ints, started above the root. */
static mpy_value math_isqrt(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "math.isqrt", argc, kw)) return MPY_NULL;
    mpy_value n = int_arg(vm, args[0]);
    if (mpy_is_null(n)) return n;
    int neg = int_cmp(vm, n, mpy_from_int(0), MPY_CMP_LT);
    if (neg == -2) return MPY_NULL;
    if (neg) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "isqrt() argument must be nonnegative");
    if (mpy_is_smallint(n)) {
        uint64_t v = (uint64_t)n.u.i, r = (uint64_t)sqrt((double)v);
        while (r > 0 && (unsigned __int128)r * r > v) r--;
        while ((unsigned __int128)(r + 1) * (r + 1) <= v) r++;
        return mpy_from_int((int64_t)r);
    }
    mpy_value bl = mpy_call_method(vm, n, "bit_length", 0, NULL);
    if (mpy_is_null(bl)) return bl;
    mpy_value x = mpy_binary_op(vm, MPY_BINOP_LSHIFT, mpy_from_int(1), mpy_from_int((mpy_as_int(bl) + 1) / 2));
    for (;;) {
        if (mpy_is_null(x)) return x;
        mpy_value q = mpy_binary_op(vm, MPY_BINOP_FLOORDIV, n, x);
        mpy_value y = mpy_is_null(q) ? q : int_op(vm, MPY_BINOP_ADD, x, q);
        y = mpy_is_null(y) ? y : mpy_binary_op(vm, MPY_BINOP_RSHIFT, y, mpy_from_int(1));
        if (mpy_is_null(y)) return y;
        int lt = int_cmp(vm, y, x, MPY_CMP_LT);
        if (lt == -2) return MPY_NULL;
        if (!lt) return x;
        x = y;
    }
}

/* ------------------------------------------------------ sums and products */

static mpy_value math_prod(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[2];
    if (!mpy_args_parse(vm, "prod", argc, args, kw, "iterable,/,*,start=", a)) return MPY_NULL;
    mpy_value acc = mpy_is_null(a[1]) ? mpy_from_int(1) : a[1];
    mpy_value it = mpy_iter(vm, a[0]);
    if (mpy_is_null(it)) return it;
    for (;;) {
        mpy_value v = mpy_next(vm, it);
        if (mpy_is_null(v)) return mpy_err_occurred(vm) ? MPY_NULL : acc;
        if (mpy_is_float(acc) && (mpy_is_float(v) || mpy_is_smallint(v)))
            acc = mpy_from_float(acc.u.f * (mpy_is_float(v) ? v.u.f : (double)v.u.i));
        else
            acc = int_op(vm, MPY_BINOP_MUL, acc, v);
        if (mpy_is_null(acc)) return acc;
    }
}

/* fsum: Shewchuk's exact summation with CPython's handling of infinities,
 * NaNs, intermediate overflow and the final half-even correction. */
static mpy_value math_fsum(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "math.fsum", argc, kw)) return MPY_NULL;
    mpy_value it = mpy_iter(vm, args[0]);
    if (mpy_is_null(it)) return it;
    double small[32], *p = small;
    size_t n = 0, cap = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    mpy_value result = MPY_NULL;
    for (;;) {
        mpy_value v = mpy_next(vm, it);
        if (mpy_is_null(v)) {
            if (mpy_err_occurred(vm)) goto done;
            break;
        }
        double x, xsave;
        if (!mpy_to_double(vm, v, &x)) goto done;
        xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y, yr = hi - x, lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x == 0.0) continue;
        if (!isfinite(x)) {
            if (isfinite(xsave)) {
                mpy_err_fmt(vm, MPY_EXC_OverflowError, "intermediate overflow in fsum");
                goto done;
            }
            if (isinf(xsave)) inf_sum += xsave;
            special_sum += xsave;
            n = 0;
        } else {
            if (n == cap) {
                double *q = mpy_mem_realloc(vm, NULL, 0, cap * 2 * sizeof *q);
                if (!q) goto done;
                memcpy(q, p, n * sizeof *q);
                if (p != small) mpy_mem_free(vm, p, cap * sizeof *p);
                p = q;
                cap *= 2;
            }
            p[n++] = x;
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) mpy_err_fmt(vm, MPY_EXC_ValueError, "-inf + inf in fsum");
        else result = mpy_from_float(special_sum);
        goto done;
    }
    double hi = 0.0;
    if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y, yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    result = mpy_from_float(hi);
done:
    if (p != small) mpy_mem_free(vm, p, cap * sizeof *p);
    return result;
}

/* sqrt of the sum of squares of v[0..n), scaled by the largest magnitude
 * so that no square overflows or underflows. */
static double vector_norm(const double *v, size_t n)
{
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < n; i++) {
        double x = fabs(v[i]);
        if (isnan(x)) found_nan = true;
        else if (x > max) max = x;
    }
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    if (n == 2) return hypot(v[0], v[1]);
    double sum = 0.0, comp = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = v[i] / max, sq = x * x;
        /* Neumaier summation keeps the rounding error of the squares. */
        double t = sum + sq;
        comp += fabs(sum) >= fabs(sq) ? (sum - t) + sq : (sq - t) + sum;
        sum = t;
    }
    return max * sqrt(sum + comp);
}

static mpy_value math_hypot(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_no_kw(vm, "math.hypot", kw)) return MPY_NULL;
    double small[16], *v = argc <= 16 ? small : mpy_mem_realloc(vm, NULL, 0, (size_t)argc * sizeof *v);
    if (!v) return MPY_NULL;
    mpy_value r = MPY_NULL;
    int i = 0;
    for (; i < argc; i++)
        if (!mpy_to_double(vm, args[i], &v[i])) break;
    if (i == argc) r = mpy_from_float(vector_norm(v, (size_t)argc));
    if (v != small) mpy_mem_free(vm, v, (size_t)argc * sizeof *v);
    return r;
}

static mpy_value math_dist(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "dist", argc, kw, 2, 2)) return MPY_NULL;
    mpy_list *p = mpy_list_from_iter(vm, args[0]);
    mpy_list *q = p ? mpy_list_from_iter(vm, args[1]) : NULL;
    if (!q) return MPY_NULL;
    if (p->len != q->len)
        return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "both points must have the same number of dimensions");
    size_t n = p->len;
    double *d = mpy_mem_realloc(vm, NULL, 0, (n ? n : 1) * sizeof *d);
    if (!d) return MPY_NULL;
    mpy_value r = MPY_NULL;
    size_t i = 0;
    for (; i < n; i++) {
        double a, b;
        if (!mpy_to_double(vm, p->items[i], &a) || !mpy_to_double(vm, q->items[i], &b)) break;
        d[i] = a - b;
    }
    if (i == n) r = mpy_from_float(vector_norm(d, n));
    mpy_mem_free(vm, d, (n ? n : 1) * sizeof *d);
    return r;
}

/* ------------------------------------------------------------ the module */

static const mpy_method_def math_functions[] = {
    {"sqrt", math_sqrt, 0},     {"exp", math_exp, 0},           {"exp2", math_exp2, 0},
    {"expm1", math_expm1, 0},   {"cbrt", math_cbrt, 0},         {"sin", math_sin, 0},
    {"cos", math_cos, 0},       {"tan", math_tan, 0},           {"asin", math_asin, 0},
    {"acos", math_acos, 0},     {"atan", math_atan, 0},         {"sinh", math_sinh, 0},
    {"cosh", math_cosh, 0},     {"tanh", math_tanh, 0},         {"asinh", math_asinh, 0},
    {"acosh", math_acosh, 0},   {"atanh", math_atanh, 0},       {"fabs", math_fabs, 0},
    {"erf", math_erf, 0},       {"erfc", math_erfc, 0},         {"degrees", math_degrees, 0},
    {"radians", math_radians, 0}, {"gamma", math_gamma, 0},     {"lgamma", math_lgamma, 0},
    {"log", math_log, 0},       {"log2", math_log2, 0},         {"log10", math_log10, 0},
    {"log1p", math_log1p, 0},   {"atan2", math_atan2, 0},       {"copysign", math_copysign, 0},
    {"fmod", math_fmod, 0},     {"remainder", math_remainder, 0}, {"pow", math_pow, 0},
    {"ldexp", math_ldexp, 0},   {"frexp", math_frexp, 0},       {"modf", math_modf, 0},
    {"nextafter", math_nextafter, 0}, {"ulp", math_ulp, 0},     {"isfinite", math_isfinite, 0},
    {"isinf", math_isinf, 0},   {"isnan", math_isnan, 0},       {"isclose", math_isclose, 0},
    {"floor", math_floor, 0},   {"ceil", math_ceil, 0},         {"trunc", math_trunc, 0},
    {"gcd", math_gcd, 0},       {"lcm", math_lcm, 0},           {"factorial", math_factorial, 0},
    {"perm", math_perm, 0},     {"comb", math_comb, 0},         {"isqrt", math_isqrt, 0},
    {"prod", math_prod, 0},     {"fsum", math_fsum, 0},         {"hypot", math_hypot, 0},
    {"dist", math_dist, 0},     {NULL, NULL, 0},
};

mpy_module *mpy_module_math_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "math");
    if (!m || !mpy_module_add_functions(vm, m, math_functions)) return NULL;
    if (!mpy_dict_set_cstr(vm, m->dict, "pi", mpy_from_float(PI)) ||
        !mpy_dict_set_cstr(vm, m->dict, "e", mpy_from_float(E)) ||
        !mpy_dict_set_cstr(vm, m->dict, "tau", mpy_from_float(2 * PI)) ||
        !mpy_dict_set_cstr(vm, m->dict, "inf", mpy_from_float(INFINITY)) ||
        !mpy_dict_set_cstr(vm, m->dict, "nan", mpy_from_float(NAN)))
        return NULL;
    return m;
}
