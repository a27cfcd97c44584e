/* Tests for runtime/float.c: repr and round(x, n) against python3's
 * results (float_cases.inc, from gen_float_cases.py), float() parsing,
 * arithmetic errors and the float methods. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "testvm.h"

#include "float_cases.inc"

static mpy_vm *vm;

static void setup(void)
{
    vm = mpy_vm_new(NULL);
    ck_assert_msg(vm != NULL, "mpy_vm_new failed");
}
static void teardown(void) { mpy_vm_free(vm); }

static double from_bits(uint64_t b)
{
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

/* repr(v), or "Type: message" when v failed (tests/testvm.c). */
#define R(v) mpy_test_repr(vm, (v))

static mpy_value F(double d) { return mpy_from_float(d); }
static mpy_value S(const char *s) { return mpy_from_obj(mpy_str_from_cstr(vm, s)); }

/* float(arg) and int(*args) through the types' new slots. */
static mpy_value call_float(mpy_value arg)
{
    mpy_type *t = vm->types[MPY_TYPE_FLOAT];
    return t->slots.new_(vm, t, 1, &arg, NULL);
}

static mpy_value call_int(int argc, mpy_value *args)
{
    mpy_type *t = vm->types[MPY_TYPE_INT];
    return t->slots.new_(vm, t, argc, args, NULL);
}

START_TEST(test_repr_table)
{
    static const struct { uint64_t bits; const char *repr; } cases[] = {FLOAT_REPR_CASES};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_str_eq(R(F(from_bits(cases[i].bits))), cases[i].repr);
    ck_assert_str_eq(R(F(-0.0)), "-0.0");
    ck_assert_str_eq(R(F(INFINITY)), "inf");
    ck_assert_str_eq(R(F(-INFINITY)), "-inf");
    ck_assert_str_eq(R(F(NAN)), "nan");
}
END_TEST

START_TEST(test_round_table)
{
    static const struct { uint64_t bits; int nd; const char *want; } cases[] = {FLOAT_ROUND_CASES};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mpy_value n = mpy_from_int(cases[i].nd);
        mpy_value r = mpy_call_method(vm, F(from_bits(cases[i].bits)), "__round__", 1, &n);
        const char *got = R(r);
        if (strcmp(cases[i].want, "OverflowError") == 0)
            ck_assert_msg(strncmp(got, "OverflowError: rounded value too large", 38) == 0, "case %zu: %s", i, got);
        else
            ck_assert_msg(strcmp(got, cases[i].want) == 0, "case %zu: round(%.17g, %d) = %s, want %s", i,
                          from_bits(cases[i].bits), cases[i].nd, got, cases[i].want);
    }
    /* round(x) -> int, ties to even */
    ck_assert_str_eq(R(mpy_call_method(vm, F(2.5), "__round__", 0, NULL)), "2");
    ck_assert_str_eq(R(mpy_call_method(vm, F(-3.5), "__round__", 0, NULL)), "-4");
    ck_assert_str_eq(R(mpy_call_method(vm, F(1e20), "__round__", 0, NULL)), "100000000000000000000");
    ck_assert_str_eq(R(mpy_call_method(vm, F(INFINITY), "__round__", 0, NULL)),
                     "OverflowError: cannot convert float infinity to integer");
    mpy_value n = mpy_from_int(-1);
    ck_assert_str_eq(R(mpy_call_method(vm, mpy_from_int(25), "__round__", 1, &n)), "20");
    ck_assert_str_eq(R(mpy_call_method(vm, mpy_from_int(35), "__round__", 1, &n)), "40");
    ck_assert_str_eq(R(mpy_call_method(vm, mpy_from_int(-35), "__round__", 1, &n)), "-40");
}
END_TEST

START_TEST(test_parse)
{
    ck_assert_str_eq(R(call_float(S(" -Infinity "))), "-inf");
    ck_assert_str_eq(R(call_float(S("nan"))), "nan");
    ck_assert_str_eq(R(call_float(S("1_0.5"))), "10.5");
    ck_assert_str_eq(R(call_float(S("\t1e-3\n"))), "0.001");
    ck_assert_str_eq(R(call_float(S(".5"))), "0.5");
    ck_assert_str_eq(R(call_float(S("5."))), "5.0");
    ck_assert_str_eq(R(call_float(S("+1E+3"))), "1000.0");
    ck_assert_str_eq(R(call_float(S("1e500"))), "inf");
    ck_assert_str_eq(R(call_float(S("abc"))), "ValueError: could not convert string to float: 'abc'");
    ck_assert_str_eq(R(call_float(S("1__0"))), "ValueError: could not convert string to float: '1__0'");
    ck_assert_str_eq(R(call_float(S("0x10"))), "ValueError: could not convert string to float: '0x10'");
    ck_assert_str_eq(R(call_float(S(""))), "ValueError: could not convert string to float: ''");
    ck_assert_str_eq(R(call_float(S("1e"))), "ValueError: could not convert string to float: '1e'");
    ck_assert_str_eq(R(call_float(S("_1"))), "ValueError: could not convert string to float: '_1'");
    ck_assert_str_eq(R(call_float(mpy_from_int(3))), "3.0");
    ck_assert_str_eq(R(call_float(MPY_TRUE)), "1.0");
    ck_assert_str_eq(R(call_float(MPY_NONE)), "TypeError: float() argument must be a string or a real number, not 'NoneType'");
    mpy_value big = mpy_binary_op(vm, MPY_BINOP_POW, mpy_from_int(10), mpy_from_int(400));
    ck_assert_str_eq(R(call_float(big)), "OverflowError: int too large to convert to float");
}
END_TEST

START_TEST(test_int_ctor)
{
    mpy_value a[2];
    a[0] = S(" 1_0 ");
    ck_assert_str_eq(R(call_int(1, a)), "10");
    a[0] = S("abc");
    ck_assert_str_eq(R(call_int(1, a)), "ValueError: invalid literal for int() with base 10: 'abc'");
    a[0] = S("0x1F");
    a[1] = mpy_from_int(0);
    ck_assert_str_eq(R(call_int(2, a)), "31");
    a[0] = S("010");
    ck_assert_str_eq(R(call_int(2, a)), "ValueError: invalid literal for int() with base 0: '010'");
    a[0] = S("0_0");
    ck_assert_str_eq(R(call_int(2, a)), "0");
    a[0] = S("0x_f");
    a[1] = mpy_from_int(16);
    ck_assert_str_eq(R(call_int(2, a)), "15");
    a[0] = S("-zz");
    a[1] = mpy_from_int(36);
    ck_assert_str_eq(R(call_int(2, a)), "-1295");
    a[1] = mpy_from_int(37);
    ck_assert_str_eq(R(call_int(2, a)), "ValueError: int() base must be >= 2 and <= 36, or 0");
    a[0] = S("123456789012345678901234567890");
    ck_assert_str_eq(R(call_int(1, a)), "123456789012345678901234567890");
    a[0] = F(-3.9);
    ck_assert_str_eq(R(call_int(1, a)), "-3");
    a[0] = F(1e30);
    ck_assert_str_eq(R(call_int(1, a)), "1000000000000000019884624838656");
    a[0] = F(NAN);
    ck_assert_str_eq(R(call_int(1, a)), "ValueError: cannot convert float NaN to integer");
    a[0] = MPY_NONE;
    ck_assert_str_eq(R(call_int(1, a)),
                     "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
    a[0] = mpy_from_int(5);
    a[1] = mpy_from_int(10);
    ck_assert_str_eq(R(call_int(2, a)), "TypeError: int() can't convert non-string with explicit base");
    ck_assert_str_eq(R(call_int(0, a)), "0");
}
END_TEST

START_TEST(test_arith)
{
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_FLOORDIV, F(7.0), F(0.0))),
                     "ZeroDivisionError: float floor division by zero");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_MOD, F(7.0), mpy_from_int(0))), "ZeroDivisionError: float modulo");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_TRUEDIV, mpy_from_int(1), F(0.0))),
                     "ZeroDivisionError: float division by zero");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_POW, F(0.0), F(-1.0))),
                     "ZeroDivisionError: 0.0 cannot be raised to a negative power");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_POW, F(2.0), mpy_from_int(10000))),
                     "OverflowError: (34, 'Numerical result out of range')");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_MOD, F(-7.5), F(2.0))), "0.5");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_MOD, F(7.5), F(-2.0))), "-0.5");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_FLOORDIV, F(-7.5), F(2.0))), "-4.0");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_MOD, F(-0.0), F(2.0))), "0.0");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_POW, mpy_from_int(2), mpy_from_int(-2))), "0.25");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_POW, F(-8.0), F(1.0 / 3))),
                     "ValueError: complex results are not supported (negative number raised to a fractional power)");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_POW, F(-2.0), mpy_from_int(3))), "-8.0");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_POW, F(NAN), F(0.0))), "1.0");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_POW, F(1.0), F(NAN))), "1.0");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_MUL, F(1e308), mpy_from_int(10))), "inf");
    mpy_value two = F(2.0);
    ck_assert_str_eq(R(mpy_call_method(vm, F(7.0), "__divmod__", 1, &two)), "(3.0, 1.0)");
    mpy_value zero = F(0.0);
    ck_assert_str_eq(R(mpy_call_method(vm, F(7.0), "__divmod__", 1, &zero)), "ZeroDivisionError: float divmod()");
}
END_TEST

START_TEST(test_methods)
{
    ck_assert_str_eq(R(mpy_call_method(vm, F(0.75), "as_integer_ratio", 0, NULL)), "(3, 4)");
    ck_assert_str_eq(R(mpy_call_method(vm, F(1e20), "as_integer_ratio", 0, NULL)), "(100000000000000000000, 1)");
    ck_assert_str_eq(R(mpy_call_method(vm, F(-0.1), "as_integer_ratio", 0, NULL)),
                     "(-3602879701896397, 36028797018963968)");
    ck_assert_str_eq(R(mpy_call_method(vm, F(INFINITY), "as_integer_ratio", 0, NULL)),
                     "OverflowError: cannot convert Infinity to integer ratio");
    ck_assert_str_eq(R(mpy_call_method(vm, F(3.0), "is_integer", 0, NULL)), "True");
    ck_assert_str_eq(R(mpy_call_method(vm, F(3.5), "is_integer", 0, NULL)), "False");
    ck_assert_str_eq(R(mpy_call_method(vm, F(1.5), "hex", 0, NULL)), "'0x1.8000000000000p+0'");
    ck_assert_str_eq(R(mpy_call_method(vm, F(-0.1), "hex", 0, NULL)), "'-0x1.999999999999ap-4'");
    ck_assert_str_eq(R(mpy_call_method(vm, F(5e-324), "hex", 0, NULL)), "'0x0.0000000000001p-1022'");
    ck_assert_str_eq(R(mpy_call_method(vm, F(0.0), "hex", 0, NULL)), "'0x0.0p+0'");
    ck_assert_str_eq(R(mpy_call_method(vm, F(-2.5), "__floor__", 0, NULL)), "-3");
    ck_assert_str_eq(R(mpy_call_method(vm, F(-2.5), "__ceil__", 0, NULL)), "-2");
    ck_assert_str_eq(R(mpy_call_method(vm, F(-2.5), "__trunc__", 0, NULL)), "-2");
    ck_assert_str_eq(R(mpy_call_method(vm, F(-2.5), "__abs__", 0, NULL)), "2.5");
    ck_assert_str_eq(R(mpy_call_method(vm, mpy_from_int(-7), "__abs__", 0, NULL)), "7");
    ck_assert_str_eq(R(mpy_call_method(vm, mpy_from_int(255), "bit_length", 0, NULL)), "8");
    ck_assert_str_eq(R(mpy_call_method(vm, mpy_from_int(-255), "bit_count", 0, NULL)), "8");
    ck_assert_str_eq(R(mpy_call_method(vm, MPY_TRUE, "as_integer_ratio", 0, NULL)), "(1, 1)");
    mpy_value args[2] = {mpy_from_int(10), mpy_from_int(3)};
    ck_assert_str_eq(R(mpy_call_method(vm, mpy_from_int(7), "__divmod__", 1, args + 1)), "(2, 1)");
    ck_assert_str_eq(R(mpy_call_method(vm, mpy_from_int(-7), "__divmod__", 1, args + 1)), "(-3, 2)");
    ck_assert_str_eq(R(mpy_call_method(vm, mpy_from_int(2), "__pow__", 2, args)), "1");
    ck_assert_str_eq(R(mpy_getattr_cstr(vm, MPY_TRUE, "real")), "1");
    ck_assert_str_eq(R(mpy_getattr_cstr(vm, F(2.5), "imag")), "0.0");
}
END_TEST

START_TEST(test_hash_eq)
{
    int64_t h1, h2;
    ck_assert(mpy_hash(vm, F(3.0), &h1) && mpy_hash(vm, mpy_from_int(3), &h2));
    ck_assert_int_eq(h1, h2);
    ck_assert(mpy_hash(vm, F(-1.0), &h1));
    ck_assert_int_eq(h1, -2);
    ck_assert(mpy_hash(vm, F(0.1), &h1));
    ck_assert_int_eq(h1, INT64_C(230584300921369408));
    ck_assert_int_eq(mpy_eq(vm, F(NAN), F(NAN)), 0);
    ck_assert_int_eq(mpy_eq(vm, mpy_from_int(1), F(1.0)), 1);
    ck_assert_int_eq(mpy_compare_bool(vm, mpy_from_int(INT64_MAX), F(9223372036854775808.0), MPY_CMP_LT), 1);
}
END_TEST

Suite *float_suite(void)
{
    Suite *s = suite_create("float");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_repr_table);
    tcase_add_test(tc, test_round_table);
    tcase_add_test(tc, test_parse);
    tcase_add_test(tc, test_int_ctor);
    tcase_add_test(tc, test_arith);
    tcase_add_test(tc, test_methods);
    tcase_add_test(tc, test_hash_eq);
    suite_add_tcase(s, tc);
    return s;
}
