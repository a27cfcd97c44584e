/* Tests for runtime/int.c and runtime/bignum.c through the object
 * protocols: canonical form, big arithmetic against python3's results
 * (int_cases.inc, from gen_int_cases.py), conversions and errors. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/str.h"

static mpy_vm *vm;

static void setup(void)
{
    vm = mpy_vm_new(NULL);
    ck_assert_msg(vm != NULL, "mpy_vm_new failed");
}
static void teardown(void) { mpy_vm_free(vm); }

/* repr(v) as C text ("<error Type>" when v failed). */
static const char *R(mpy_value v)
{
    static char buf[8192];
    if (mpy_is_null(v)) {
        mpy_value e = mpy_err_fetch(vm);
        snprintf(buf, sizeof buf, "<error %s>", mpy_is_null(e) ? "?" : mpy_tname(vm, e));
        return buf;
    }
    mpy_value r = mpy_repr(vm, v);
    if (mpy_is_null(r)) return R(r);
    snprintf(buf, sizeof buf, "%s", mpy_as_str(r)->data);
    return buf;
}

/* The message of the pending exception. */
static const char *err_text(void)
{
    static char buf[512];
    mpy_value e = mpy_err_fetch(vm);
    if (mpy_is_null(e)) return "<no exception>";
    mpy_value s = mpy_exc_str(vm, e);
    snprintf(buf, sizeof buf, "%s: %s", mpy_tname(vm, e), mpy_is_null(s) ? "?" : mpy_as_str(s)->data);
    return buf;
}

/* An int from signed decimal text. */
static mpy_value I(const char *s)
{
    bool neg = *s == '-';
    if (neg) s++;
    mpy_value v = mpy_int_from_digits(vm, s, strlen(s), 10);
    return neg ? mpy_unary(vm, MPY_UNARY_NEG, v) : v;
}

static mpy_value op(mpy_binop o, mpy_value a, mpy_value b) { return mpy_binary_op(vm, o, a, b); }

START_TEST(test_promotion)
{
    mpy_value max = mpy_from_int(INT64_MAX);
    mpy_value big = op(MPY_BINOP_ADD, max, mpy_from_int(1));
    ck_assert_str_eq(R(big), "9223372036854775808");
    mpy_value back = op(MPY_BINOP_SUB, big, mpy_from_int(1));
    ck_assert(mpy_is_int(back) && back.u.i == INT64_MAX);
    mpy_value m = op(MPY_BINOP_MUL, mpy_from_int(INT64_MIN), mpy_from_int(-1));
    ck_assert_str_eq(R(m), "9223372036854775808");
    ck_assert_str_eq(R(op(MPY_BINOP_FLOORDIV, mpy_from_int(INT64_MIN), mpy_from_int(-1))), "9223372036854775808");
    ck_assert_str_eq(R(mpy_unary(vm, MPY_UNARY_NEG, mpy_from_int(INT64_MIN))), "9223372036854775808");
    mpy_value neg = mpy_unary(vm, MPY_UNARY_NEG, big);
    ck_assert(mpy_is_int(neg) && neg.u.i == INT64_MIN);
    ck_assert_str_eq(R(op(MPY_BINOP_LSHIFT, mpy_from_int(1), mpy_from_int(64))), "18446744073709551616");
    ck_assert_str_eq(R(op(MPY_BINOP_POW, mpy_from_int(2), mpy_from_int(100))), "1267650600228229401496703205376");
    ck_assert_str_eq(R(I("-18446744073709551616")), "-18446744073709551616");
    mpy_value lit = mpy_int_from_digits(vm, "7fffffffffffffff", 16, 16);
    ck_assert(mpy_is_int(lit) && lit.u.i == INT64_MAX);
    ck_assert_str_eq(R(mpy_int_from_digits(vm, "10000000000000000", 17, 16)), "18446744073709551616");
    ck_assert_str_eq(R(mpy_int_from_digits(vm, "777", 3, 8)), "511");
    ck_assert_str_eq(R(mpy_int_from_digits(vm, "101", 3, 2)), "5");
}
END_TEST

/* The python3-generated table. */
static const struct {
    int64_t ab, ae, ac;
    const char *op;
    int64_t bb, be, bc;
    const char *expect;
} cases[] = {
#include "int_cases.inc"
};

static mpy_value triple(int64_t b, int64_t e, int64_t c)
{
    return op(MPY_BINOP_ADD, op(MPY_BINOP_POW, mpy_from_int(b), mpy_from_int(e)), mpy_from_int(c));
}

START_TEST(test_cases)
{
    static const struct { const char *sym; mpy_binop op; } ops[] = {
        {"+", MPY_BINOP_ADD}, {"-", MPY_BINOP_SUB}, {"*", MPY_BINOP_MUL}, {"//", MPY_BINOP_FLOORDIV},
        {"%", MPY_BINOP_MOD}, {"&", MPY_BINOP_AND}, {"|", MPY_BINOP_OR}, {"^", MPY_BINOP_XOR},
        {"/", MPY_BINOP_TRUEDIV}, {"<<", MPY_BINOP_LSHIFT}, {">>", MPY_BINOP_RSHIFT}, {"**", MPY_BINOP_POW},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mpy_value a = triple(cases[i].ab, cases[i].ae, cases[i].ac);
        mpy_value b = triple(cases[i].bb, cases[i].be, cases[i].bc);
        ck_assert(!mpy_is_null(a) && !mpy_is_null(b));
        mpy_value r = MPY_NULL;
        if (strcmp(cases[i].op, "cmp") == 0) {
            int lt = mpy_compare_bool(vm, a, b, MPY_CMP_LT), gt = mpy_compare_bool(vm, a, b, MPY_CMP_GT);
            r = mpy_from_int(gt - lt);
        } else {
            for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
                if (strcmp(ops[k].sym, cases[i].op) == 0) r = op(ops[k].op, a, b);
        }
        const char *want = cases[i].expect;
        char got[8192];
        if (want[0] == 'E') {
            ck_assert_msg(mpy_is_null(r), "case %zu: expected %s", i, want + 1);
            snprintf(got, sizeof got, "%s", err_text());
            ck_assert_msg(strncmp(got, want + 1, strlen(want + 1)) == 0, "case %zu: %s", i, got);
            continue;
        }
        ck_assert_msg(!mpy_is_null(r), "case %zu (%s): %s", i, cases[i].op, err_text());
        if (want[0] == 'H') {
            int64_t h;
            ck_assert(mpy_hash(vm, r, &h));
            snprintf(got, sizeof got, "%lld", (long long)h);
        } else {
            snprintf(got, sizeof got, "%s", R(r));
        }
        ck_assert_msg(strcmp(got, want + 1) == 0, "case %zu (%s): got %s want %s", i, cases[i].op, got, want + 1);
        /* Canonical form: int64-sized results are unboxed. */
        if (mpy_is_obj(r) && mpy_is_type(vm, r, MPY_TYPE_INT)) {
            mpy_bigint *o = (mpy_bigint *)r.u.o;
            ck_assert(o->len >= 2 && o->d[o->len - 1] != 0);
            ck_assert(o->len > 2 || (o->sign > 0 ? o->d[1] >= 0x80000000u : (o->d[1] > 0x80000000u || (o->d[1] == 0x80000000u && o->d[0]))));
        }
    }
}
END_TEST

START_TEST(test_karatsuba)
{
    /* (x*y) // y == x and the product's hash, for Karatsuba-sized operands
     * (python3: hash((3**3000+1)*(7**2000-5)) ). */
    mpy_value x = triple(3, 3000, 1), y = triple(7, 2000, -5);
    mpy_value p = op(MPY_BINOP_MUL, x, y);
    ck_assert_int_eq(mpy_eq(vm, op(MPY_BINOP_FLOORDIV, p, y), x), 1);
    ck_assert_int_eq(mpy_eq(vm, op(MPY_BINOP_MOD, p, x), mpy_from_int(0)), 1);
    mpy_value q = op(MPY_BINOP_MUL, y, x);
    ck_assert_int_eq(mpy_eq(vm, p, q), 1);
    int64_t h;
    ck_assert(mpy_hash(vm, p, &h));
    ck_assert_int_eq(h, INT64_C(1045726905544132070));
}
END_TEST

START_TEST(test_errors)
{
    ck_assert(mpy_is_null(op(MPY_BINOP_FLOORDIV, mpy_from_int(1), mpy_from_int(0))));
    ck_assert_str_eq(err_text(), "ZeroDivisionError: integer division or modulo by zero");
    ck_assert(mpy_is_null(op(MPY_BINOP_MOD, I("100000000000000000000"), mpy_from_int(0))));
    ck_assert_str_eq(err_text(), "ZeroDivisionError: integer modulo by zero");
    ck_assert(mpy_is_null(op(MPY_BINOP_TRUEDIV, I("100000000000000000000"), mpy_from_int(0))));
    ck_assert_str_eq(err_text(), "ZeroDivisionError: division by zero");
    ck_assert(mpy_is_null(op(MPY_BINOP_LSHIFT, mpy_from_int(1), mpy_from_int(-1))));
    ck_assert_str_eq(err_text(), "ValueError: negative shift count");
    ck_assert(mpy_is_null(op(MPY_BINOP_POW, mpy_from_int(0), mpy_from_int(-1))));
    ck_assert_str_eq(err_text(), "ZeroDivisionError: 0.0 cannot be raised to a negative power");
    mpy_value huge = op(MPY_BINOP_POW, mpy_from_int(10), mpy_from_int(400));
    ck_assert_str_eq(R(op(MPY_BINOP_TRUEDIV, huge, triple(10, 100, 0))), "1e+300");
    ck_assert(mpy_is_null(op(MPY_BINOP_TRUEDIV, op(MPY_BINOP_POW, mpy_from_int(10), mpy_from_int(400)),
                             mpy_from_int(1))));
    ck_assert_str_eq(err_text(), "OverflowError: integer division result too large for a float");
    ck_assert(mpy_is_null(op(MPY_BINOP_ADD, huge, mpy_from_float(1.0))));
    ck_assert_str_eq(err_text(), "OverflowError: int too large to convert to float");
    mpy_value big = op(MPY_BINOP_POW, mpy_from_int(10), mpy_from_int(4300));
    ck_assert(mpy_is_null(mpy_repr(vm, big)));
    ck_assert_str_eq(err_text(), "ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
                                 "use sys.set_int_max_str_digits() to increase the limit");
    mpy_value ok = op(MPY_BINOP_SUB, big, mpy_from_int(1));
    ck_assert_int_eq((int)strlen(R(mpy_unary(vm, MPY_UNARY_NEG, ok))), 4301);
}
END_TEST

START_TEST(test_truediv_rounding)
{
    /* python3: (10**30+1)/3, 2**1100/2**1090, (2**80+1)/2**27, 1/10**400 */
    ck_assert_str_eq(R(op(MPY_BINOP_TRUEDIV, triple(10, 30, 1), mpy_from_int(3))), "3.333333333333333e+29");
    ck_assert_str_eq(R(op(MPY_BINOP_TRUEDIV, triple(2, 1100, 0), triple(2, 1090, 0))), "1024.0");
    ck_assert_str_eq(R(op(MPY_BINOP_TRUEDIV, triple(2, 80, 1), triple(2, 27, 0))), "9007199254740992.0");
    ck_assert_str_eq(R(op(MPY_BINOP_TRUEDIV, mpy_from_int(1), triple(10, 400, 0))), "0.0");
    ck_assert_str_eq(R(op(MPY_BINOP_TRUEDIV, mpy_from_int(-1), triple(10, 320, 0))), "-1e-320");
    ck_assert_str_eq(R(op(MPY_BINOP_TRUEDIV, mpy_from_int(0), mpy_from_int(-5))), "-0.0");
    ck_assert_str_eq(R(op(MPY_BINOP_TRUEDIV, triple(2, 1024, -1), triple(2, 0, 0))), "<error OverflowError>");
    ck_assert_str_eq(R(op(MPY_BINOP_TRUEDIV, triple(2, 1024, -1), mpy_from_int(2))), "8.98846567431158e+307");
    ck_assert_str_eq(R(op(MPY_BINOP_TRUEDIV, triple(3, 700, 0), triple(3, 699, 0))), "3.0");
}
END_TEST

START_TEST(test_float_interplay)
{
    mpy_value big = triple(2, 64, 0);
    ck_assert_int_eq(mpy_compare_bool(vm, big, mpy_from_float(18446744073709551616.0), MPY_CMP_EQ), 1);
    ck_assert_int_eq(mpy_compare_bool(vm, triple(2, 64, 1), mpy_from_float(18446744073709551616.0), MPY_CMP_GT), 1);
    ck_assert_int_eq(mpy_compare_bool(vm, mpy_from_float(18446744073709551616.0), triple(2, 64, 1), MPY_CMP_LT), 1);
    ck_assert_int_eq(mpy_compare_bool(vm, mpy_from_int(INT64_C(9007199254740993)), mpy_from_float(9007199254740992.0),
                                      MPY_CMP_GT), 1);
    ck_assert_int_eq(mpy_compare_bool(vm, triple(10, 400, 0), mpy_from_float(INFINITY), MPY_CMP_LT), 1);
    ck_assert_int_eq(mpy_compare_bool(vm, triple(10, 400, 0), mpy_from_float(NAN), MPY_CMP_EQ), 0);
    ck_assert_int_eq(mpy_compare_bool(vm, triple(10, 400, 0), mpy_from_float(NAN), MPY_CMP_NE), 1);
    ck_assert_int_eq(mpy_compare_bool(vm, mpy_from_int(3), mpy_from_float(3.5), MPY_CMP_LT), 1);
    ck_assert_int_eq(mpy_compare_bool(vm, mpy_from_int(-4), mpy_from_float(-3.5), MPY_CMP_LT), 1);
    bool ovf;
    ck_assert(mpy_int_to_double(vm, triple(2, 1023, 0), &ovf) == ldexp(1.0, 1023) && !ovf);
    /* 2**54 + 3 rounds up to 2**54 + 4 (ties/sticky). */
    ck_assert(mpy_int_to_double(vm, triple(2, 54, 3), &ovf) == 18014398509481988.0);
    ck_assert(mpy_int_to_double(vm, triple(2, 100, 1), &ovf) == ldexp(1.0, 100));
    mpy_int_to_double(vm, triple(2, 1024, 0), &ovf);
    ck_assert(ovf);
    ck_assert_str_eq(R(mpy_int_from_double(vm, 1e20)), "100000000000000000000");
    ck_assert_str_eq(R(mpy_int_from_double(vm, -1.5e300)),
                     "-1500000000000000078757140382806630373056702871662238732373781173267703686983362293679557062620671796065556665749325817265413784853040645863467188277180060474272580801389863705606745350692182135089053429852456199917621678558451461320111979114170213741868888183230085264257173504208294580298189100810240");
    ck_assert_str_eq(R(mpy_int_from_double(vm, INFINITY)), "<error OverflowError>");
    ck_assert_str_eq(R(mpy_int_from_double(vm, NAN)), "<error ValueError>");
}
END_TEST

START_TEST(test_hash)
{
    static const struct { const char *v; int64_t h; } hs[] = {
        {"-1", -2}, {"2305843009213693951", 0}, {"18446744073709551616", 8},
        {"-1180591620717411303424", -512}, {"2305843009213693950", INT64_C(2305843009213693950)},
        {"-2305843009213693952", -2}, {"9223372036854775808", 4},
    };
    for (size_t i = 0; i < sizeof hs / sizeof hs[0]; i++) {
        int64_t h;
        ck_assert(mpy_hash(vm, I(hs[i].v), &h));
        ck_assert_msg(h == hs[i].h, "hash(%s) = %lld", hs[i].v, (long long)h);
    }
    int64_t h1, h2;
    ck_assert(mpy_hash(vm, mpy_from_float(1.5), &h1));
    ck_assert_int_eq(h1, INT64_C(1152921504606846977));
    ck_assert(mpy_hash(vm, mpy_from_float(ldexp(1.0, 80)), &h1));
    ck_assert(mpy_hash(vm, triple(2, 80, 0), &h2));
    ck_assert_int_eq(h1, h2);
    ck_assert(mpy_hash(vm, mpy_from_float(INFINITY), &h1));
    ck_assert_int_eq(h1, 314159);
}
END_TEST

START_TEST(test_bitops)
{
    ck_assert_str_eq(R(op(MPY_BINOP_AND, I("-18446744073709551617"), I("36893488147419103231"))),
                     "18446744073709551615");
    ck_assert_str_eq(R(op(MPY_BINOP_OR, I("-18446744073709551617"), mpy_from_int(1))), "-18446744073709551617");
    ck_assert_str_eq(R(op(MPY_BINOP_XOR, I("-18446744073709551617"), I("-1"))), "18446744073709551616");
    ck_assert_str_eq(R(mpy_unary(vm, MPY_UNARY_INVERT, I("18446744073709551616"))), "-18446744073709551617");
    ck_assert_str_eq(R(op(MPY_BINOP_RSHIFT, I("-18446744073709551617"), mpy_from_int(64))), "-2");
    ck_assert_str_eq(R(op(MPY_BINOP_RSHIFT, I("-18446744073709551616"), mpy_from_int(64))), "-1");
    ck_assert_str_eq(R(op(MPY_BINOP_RSHIFT, I("-18446744073709551616"), mpy_from_int(1000))), "-1");
    ck_assert_str_eq(R(op(MPY_BINOP_AND, MPY_TRUE, MPY_TRUE)), "True");
    ck_assert_str_eq(R(op(MPY_BINOP_ADD, MPY_TRUE, MPY_TRUE)), "2");
    ck_assert_str_eq(R(mpy_unary(vm, MPY_UNARY_INVERT, MPY_TRUE)), "-2");
}
END_TEST

START_TEST(test_powmod)
{
    ck_assert_str_eq(R(mpy_int_powmod(vm, mpy_from_int(2), mpy_from_int(-1), mpy_from_int(7))), "4");
    ck_assert_str_eq(R(mpy_int_powmod(vm, mpy_from_int(2), mpy_from_int(-1), mpy_from_int(4))), "<error ValueError>");
    ck_assert_str_eq(R(mpy_int_powmod(vm, mpy_from_int(3), triple(10, 30, 0), triple(10, 20, 7))),
                     "86933057392255037604");
    ck_assert_str_eq(R(mpy_int_powmod(vm, mpy_from_int(-3), mpy_from_int(5), mpy_from_int(-7))), "-5");
    ck_assert_str_eq(R(mpy_int_powmod(vm, mpy_from_int(5), mpy_from_int(0), mpy_from_int(1))), "0");
    ck_assert_str_eq(R(mpy_int_powmod(vm, mpy_from_int(5), mpy_from_int(2), mpy_from_int(0))), "<error ValueError>");
}
END_TEST

START_TEST(test_to_base)
{
    mpy_str *s = mpy_int_to_base(vm, I("-255"), 16);
    ck_assert_str_eq(s->data, "-ff");
    s = mpy_int_to_base(vm, triple(2, 64, 0), 16);
    ck_assert_str_eq(s->data, "10000000000000000");
    s = mpy_int_to_base(vm, triple(2, 64, -1), 8);
    ck_assert_str_eq(s->data, "1777777777777777777777");
    s = mpy_int_to_base(vm, mpy_from_int(5), 2);
    ck_assert_str_eq(s->data, "101");
    s = mpy_int_to_base(vm, mpy_from_int(0), 2);
    ck_assert_str_eq(s->data, "0");
    s = mpy_int_to_base(vm, MPY_TRUE, 10);
    ck_assert_str_eq(s->data, "1");
}
END_TEST

START_TEST(test_from_bytes)
{
    /* int.from_bytes is a classmethod: reached through the type. */
    mpy_value f = mpy_getattr_cstr(vm, mpy_from_obj(vm->types[MPY_TYPE_INT]), "from_bytes");
    ck_assert(!mpy_is_null(f));
    mpy_value a[2] = {mpy_from_obj(mpy_bytes_new(vm, "\x01\x00\x00\x00\x00\x00\x00\x00\x00", 9)),
                      mpy_from_obj(mpy_str_from_cstr(vm, "big"))};
    ck_assert_str_eq(R(mpy_call(vm, f, 2, a, NULL)), "18446744073709551616");
    mpy_value n[2] = {mpy_from_int(2), a[1]};
    ck_assert_str_eq(R(mpy_call_method(vm, mpy_from_int(1024), "to_bytes", 2, n)), "b'\\x04\\x00'");
}
END_TEST

Suite *int_suite(void)
{
    Suite *s = suite_create("int");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_promotion);
    tcase_add_test(tc, test_cases);
    tcase_add_test(tc, test_karatsuba);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_truediv_rounding);
    tcase_add_test(tc, test_float_interplay);
    tcase_add_test(tc, test_hash);
    tcase_add_test(tc, test_bitops);
    tcase_add_test(tc, test_powmod);
    tcase_add_test(tc, test_to_base);
    tcase_add_test(tc, test_from_bytes);
    suite_add_tcase(s, tc);
    return s;
}
