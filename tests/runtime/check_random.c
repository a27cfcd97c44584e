/* Tests of runtime/mod_random.c (the _random module: the Mersenne Twister
 * under random.Random).
 *
 * The Python-visible behaviour is compared with CPython by
 * tests/py/mod_random_*.py; these pin down the C side with values recorded
 * from CPython 3.11: seeding by the 32-bit words of |n| (small, two-word
 * and big seeds), the 53-bit random(), getrandbits across the one-word,
 * int64 and big-int result paths, and the state vector's checks. */
#include <check.h>
#include <string.h>

#include "vm/state.h"
#include "vm/import.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "tests/testvm.h"

static mpy_vm *vm;

/* A VM whose output goes nowhere (tests/testvm.c). */
static void setup(void) { vm = mpy_test_quiet_vm(); }

static void teardown(void) { mpy_vm_free(vm); }

/* _random.Random(seed). */
static mpy_value new_random(mpy_value seed)
{
    mpy_value cls = mpy_test_module_attr(vm, "_random", "Random");
    mpy_value r = mpy_call(vm, cls, 1, &seed, NULL);
    ck_assert(!mpy_is_null(r));
    return r;
}

static mpy_value big(const char *digits) { return mpy_int_from_digits(vm, digits, strlen(digits), 10); }

static double next_random(mpy_value r)
{
    mpy_value v = mpy_call_method(vm, r, "random", 0, NULL);
    ck_assert(mpy_is_float(v));
    return mpy_as_float(v);
}

static const char *bits_repr(mpy_value r, int64_t k)
{
    mpy_value arg = mpy_from_int(k);
    mpy_value v = mpy_call_method(vm, r, "getrandbits", 1, &arg);
    ck_assert(!mpy_is_null(v));
    mpy_value s = mpy_repr(vm, v);
    ck_assert(!mpy_is_null(s));
    return mpy_as_str(s)->data;
}

START_TEST(test_known_sequences)
{
    ck_assert(next_random(new_random(mpy_from_int(0))) == 0.8444218515250481);
    mpy_value r = new_random(mpy_from_int(42));
    ck_assert(next_random(r) == 0.6394267984578837);
    ck_assert(next_random(r) == 0.025010755222666936);
    /* Two words, and three words (a big int's limbs). */
    ck_assert(next_random(new_random(big("12345678901234567890"))) == 0.5120180983871961);
    ck_assert(next_random(new_random(big("18446744073709551616"))) == 0.9776462743838505);
}
END_TEST

START_TEST(test_seed_uses_magnitude)
{
    mpy_value a = new_random(mpy_from_int(-5)), b = new_random(mpy_from_int(5));
    for (int i = 0; i < 10; i++) ck_assert(next_random(a) == next_random(b));
    mpy_value seed = mpy_from_int(42);
    ck_assert(!mpy_is_null(mpy_call_method(vm, a, "seed", 1, &seed)));
    ck_assert(next_random(a) == 0.6394267984578837);
}
END_TEST

START_TEST(test_getrandbits)
{
    mpy_value r = new_random(mpy_from_int(42));
    ck_assert_str_eq(bits_repr(r, 64), "2053695854357871005");
    ck_assert_str_eq(bits_repr(r, 32), "107420369");
    ck_assert_str_eq(bits_repr(r, 100), "257086819302815227845767741691");
    ck_assert_str_eq(bits_repr(r, 0), "0");
    mpy_value k = mpy_from_int(-1);
    ck_assert(mpy_is_null(mpy_call_method(vm, r, "getrandbits", 1, &k)));
    ck_assert(mpy_err_matches(vm, MPY_EXC_ValueError));
    mpy_err_clear(vm);
}
END_TEST

START_TEST(test_state)
{
    mpy_value r = new_random(mpy_from_int(7));
    mpy_value st = mpy_call_method(vm, r, "getstate", 0, NULL);
    ck_assert(mpy_is_type(vm, st, MPY_TYPE_TUPLE));
    ck_assert_uint_eq(mpy_as_tuple(st)->len, 625);
    ck_assert_int_eq(mpy_as_int(mpy_as_tuple(st)->items[624]), 624);
    double first = next_random(r);
    ck_assert(!mpy_is_null(mpy_call_method(vm, r, "setstate", 1, &st)));
    ck_assert(next_random(r) == first);

    mpy_value short_state = mpy_from_obj(mpy_tuple_new(vm, 3));
    ck_assert(mpy_is_null(mpy_call_method(vm, r, "setstate", 1, &short_state)));
    ck_assert(mpy_err_matches(vm, MPY_EXC_ValueError));
    mpy_err_clear(vm);
    mpy_value not_tuple = mpy_from_int(1);
    ck_assert(mpy_is_null(mpy_call_method(vm, r, "setstate", 1, &not_tuple)));
    ck_assert(mpy_err_matches(vm, MPY_EXC_TypeError));
    mpy_err_clear(vm);
    mpy_tuple *bad = mpy_tuple_from(vm, 625, mpy_as_tuple(st)->items);
    bad->items[624] = mpy_from_int(625);
    mpy_value badv = mpy_from_obj(bad);
    ck_assert(mpy_is_null(mpy_call_method(vm, r, "setstate", 1, &badv)));
    ck_assert(mpy_err_matches(vm, MPY_EXC_ValueError));
    mpy_err_clear(vm);
}
END_TEST

START_TEST(test_python_layer)
{
    mpy_value m = mpy_import_module(vm, "random");
    ck_assert(!mpy_is_null(m));
    mpy_value seed = mpy_from_int(42);
    ck_assert(!mpy_is_null(mpy_call(vm, mpy_getattr_cstr(vm, m, "seed"), 1, &seed, NULL)));
    mpy_value args[2] = {mpy_from_int(1), mpy_from_int(6)};
    mpy_value v = mpy_call(vm, mpy_getattr_cstr(vm, m, "randint"), 2, args, NULL);
    ck_assert(mpy_is_smallint(v));
    ck_assert_int_eq(mpy_as_int(v), 6);
    v = mpy_call(vm, mpy_getattr_cstr(vm, m, "random"), 0, NULL, NULL);
    ck_assert(mpy_is_float(v) && mpy_as_float(v) == 0.11133106816568039);
}
END_TEST

Suite *random_suite(void)
{
    Suite *s = suite_create("random");
    TCase *tc = tcase_create("mt19937");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_known_sequences);
    tcase_add_test(tc, test_seed_uses_magnitude);
    tcase_add_test(tc, test_getrandbits);
    tcase_add_test(tc, test_state);
    tcase_add_test(tc, test_python_layer);
    suite_add_tcase(s, tc);
    return s;
}
