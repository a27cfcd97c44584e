/* Tests of runtime/mod_itertools.c (the _itertools module).
 *
 * The Python-visible behaviour is compared with CPython by
 * tests/py/mod_itertools.py; these pin down the C side: the index walks of
 * the combinatoric iterators give the right number of items in the right
 * order (checked against closed forms), exhausted iterators stay exhausted,
 * islice consumes exactly what CPython consumes, and the owned index
 * buffers survive a collection. */
#include <check.h>
#include <string.h>

#include "vm/state.h"
#include "vm/import.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "tests/testvm.h"

static mpy_vm *vm;

/* A VM whose output goes nowhere (tests/testvm.c). */
static void setup(void) { vm = mpy_test_quiet_vm(); }

static void teardown(void) { mpy_vm_free(vm); }

static mpy_value range_list(int n)
{
    mpy_list *l = mpy_list_new(vm, (size_t)n);
    ck_assert_ptr_nonnull(l);
    for (int i = 0; i < n; i++) ck_assert(mpy_list_append(vm, l, mpy_from_int(i)));
    return mpy_from_obj(l);
}

/* _itertools.<name>(args...) */
static mpy_value make(const char *name, int argc, const mpy_value *args)
{
    mpy_value t = mpy_test_module_attr(vm, "_itertools", name);
    mpy_value it = mpy_call(vm, t, argc, args, NULL);
    ck_assert_msg(!mpy_is_null(it), "%s() failed", name);
    return it;
}

/* Counts the items left, checking that the iterator then stays exhausted. */
static long drain(mpy_value it)
{
    long n = 0;
    mpy_value v;
    while (!mpy_is_null(v = mpy_next(vm, it))) n++;
    ck_assert(mpy_is_null(vm->exc));
    ck_assert(mpy_is_null(mpy_next(vm, it)));
    ck_assert(mpy_is_null(vm->exc));
    return n;
}

static int64_t first_int(mpy_value tuple) { return mpy_as_int(mpy_as_tuple(tuple)->items[0]); }

START_TEST(test_counts)
{
    mpy_value a[2] = {range_list(7), mpy_from_int(3)};
    ck_assert_int_eq(drain(make("permutations", 2, a)), 7 * 6 * 5);
    ck_assert_int_eq(drain(make("combinations", 2, a)), 35);
    ck_assert_int_eq(drain(make("combinations_with_replacement", 2, a)), 84); /* C(9, 3) */
    mpy_value p[3] = {range_list(4), range_list(5), range_list(6)};
    ck_assert_int_eq(drain(make("product", 3, p)), 120);
    ck_assert_int_eq(drain(make("product", 0, NULL)), 1);
    mpy_value e[2] = {range_list(3), range_list(0)};
    ck_assert_int_eq(drain(make("product", 2, e)), 0);
    mpy_value big[2] = {range_list(3), mpy_from_int(4)};
    ck_assert_int_eq(drain(make("combinations", 2, big)), 0);
    ck_assert_int_eq(drain(make("permutations", 2, big)), 0);
}
END_TEST

START_TEST(test_order)
{
    /* permutations(range(4)) in lexicographic order: each item is greater
     * than the one before (compared as tuples). */
    mpy_value a[1] = {range_list(4)};
    mpy_value it = make("permutations", 1, a);
    mpy_value prev = mpy_next(vm, it);
    ck_assert_int_eq(first_int(prev), 0);
    long n = 1;
    mpy_value v;
    while (!mpy_is_null(v = mpy_next(vm, it))) {
        ck_assert_int_eq(mpy_compare_bool(vm, prev, v, MPY_CMP_LT), 1);
        prev = v;
        n++;
    }
    ck_assert_int_eq(n, 24);
    ck_assert_int_eq(first_int(prev), 3);
}
END_TEST

START_TEST(test_islice_consumption)
{
    /* islice(it, 0, 5, 3) gives 0 and 3 and consumes up to index 4. */
    mpy_value src = mpy_iter(vm, range_list(10));
    mpy_value a[4] = {src, mpy_from_int(0), mpy_from_int(5), mpy_from_int(3)};
    ck_assert_int_eq(drain(make("islice", 4, a)), 2);
    mpy_value v = mpy_next(vm, src);
    ck_assert(!mpy_is_null(v));
    ck_assert_int_eq(mpy_as_int(v), 5);
    mpy_value bad[2] = {range_list(1), mpy_from_int(-1)};
    mpy_value m = mpy_import_module(vm, "_itertools");
    ck_assert(mpy_is_null(mpy_call(vm, mpy_getattr_cstr(vm, m, "islice"), 2, bad, NULL)));
    ck_assert(mpy_err_matches(vm, MPY_EXC_ValueError));
    mpy_err_clear(vm);
}
END_TEST

START_TEST(test_survives_collection)
{
    mpy_value a[2] = {range_list(6), mpy_from_int(2)};
    mpy_value it = make("combinations", 2, a);
    ck_assert(mpy_root_push(vm, it));
    mpy_gc_collect(vm);
    ck_assert_int_eq(drain(it), 15);
    mpy_root_pop(vm, 1);
}
END_TEST

Suite *mod_itertools_suite(void)
{
    Suite *s = suite_create("mod_itertools");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_counts);
    tcase_add_test(tc, test_order);
    tcase_add_test(tc, test_islice_consumption);
    tcase_add_test(tc, test_survives_collection);
    suite_add_tcase(s, tc);
    return s;
}
