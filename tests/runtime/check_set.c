/* Tests for runtime/set.c, runtime/range.c and runtime/iter.c: CPython's
 * iteration order for int sets, the algebra, frozenset hashing, range
 * arithmetic near the int64 limits, and the generic iterators. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "testvm.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static mpy_vm *vm;

static void setup(void) { vm = mpy_vm_new(NULL); }
static void teardown(void) { mpy_vm_free(vm); }

/* repr(v), or "Type: message" when v failed (tests/testvm.c). */
#define R(v) mpy_test_repr(vm, (v))

static mpy_value I(int64_t i) { return mpy_from_int(i); }
static mpy_value O(void *o) { return o ? mpy_from_obj(o) : MPY_NULL; }

static mpy_set *set_of(int n, const int *v)
{
    mpy_set *s = mpy_set_new(vm, vm->types[MPY_TYPE_SET]);
    for (int i = 0; i < n; i++) ck_assert(mpy_set_add(vm, s, I(v[i])));
    return s;
}

START_TEST(test_order_matches_cpython)
{
    /* Outputs recorded from CPython 3.11: set([...]) adds in list order. */
    int a[] = {5, 3, 1, 100, 33, 17};
    ck_assert_str_eq(R(O(set_of(6, a))), "{1, 33, 3, 100, 5, 17}");
    int b[] = {-1, -2, 8, 16, 0};
    ck_assert_str_eq(R(O(set_of(5, b))), "{0, 8, 16, -2, -1}");
    int c[] = {1, 9, 17, 25};
    ck_assert_str_eq(R(O(set_of(4, c))), "{1, 25, 9, 17}");
}
END_TEST

START_TEST(test_add_discard_pop)
{
    mpy_set *s = mpy_set_new(vm, vm->types[MPY_TYPE_SET]);
    for (int i = 0; i < 1000; i++) ck_assert(mpy_set_add(vm, s, I(i)));
    for (int i = 0; i < 1000; i += 2) ck_assert_int_eq(mpy_set_discard(vm, s, I(i)), 1);
    ck_assert_int_eq(mpy_set_discard(vm, s, I(0)), 0);
    ck_assert_uint_eq(s->used, 500);
    ck_assert_int_eq(mpy_set_contains(vm, s, I(999)), 1);
    ck_assert_int_eq(mpy_set_contains(vm, s, I(998)), 0);
    ck_assert_str_eq(R(mpy_call_method(vm, O(s), "pop", 0, NULL)), "1");
    mpy_set_clear(vm, s);
    ck_assert_str_eq(R(mpy_call_method(vm, O(s), "pop", 0, NULL)), "KeyError: 'pop from an empty set'");
    ck_assert(!mpy_set_add(vm, s, O(mpy_list_new(vm, 0))));
    ck_assert_str_eq(R(MPY_NULL), "TypeError: unhashable type: 'list'");
}
END_TEST

START_TEST(test_algebra_and_hash)
{
    int a[] = {1, 2, 3}, b[] = {3, 4};
    mpy_value x = O(set_of(3, a)), y = O(set_of(2, b));
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_OR, x, y)), "{1, 2, 3, 4}");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_AND, x, y)), "{3}");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_SUB, x, y)), "{1, 2}");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_XOR, x, y)), "{1, 2, 4}");
    mpy_set *f = mpy_set_from_iter(vm, vm->types[MPY_TYPE_FROZENSET], x);
    int64_t h;
    ck_assert(mpy_hash(vm, O(f), &h));
    ck_assert_int_eq(h, -272375401224217160LL); /* CPython 3.11's hash(frozenset({1, 2, 3})) */
    ck_assert(!mpy_hash(vm, x, &h));
    ck_assert_str_eq(R(MPY_NULL), "TypeError: unhashable type: 'set'");
    /* A set is looked up as the equal frozenset. */
    mpy_set *outer = mpy_set_new(vm, vm->types[MPY_TYPE_SET]);
    ck_assert(mpy_set_add(vm, outer, O(f)));
    ck_assert_int_eq(mpy_set_contains(vm, outer, x), 1);
    ck_assert_str_eq(R(O(f)), "frozenset({1, 2, 3})");
}
END_TEST

START_TEST(test_range)
{
    mpy_value range = O(vm->types[MPY_TYPE_RANGE]);
    mpy_value args[3] = {I(INT64_MAX - 10), I(INT64_MAX), I(3)};
    mpy_value r = mpy_call(vm, range, 3, args, NULL);
    ck_assert_int_eq(mpy_len(vm, r), 4);
    ck_assert_str_eq(R(mpy_getitem(vm, r, I(-1))), "9223372036854775806");
    mpy_value it = mpy_iter(vm, r);
    int n = 0;
    while (!mpy_is_null(mpy_next(vm, it))) n++;
    ck_assert_int_eq(n, 4);
    ck_assert(!mpy_err_occurred(vm));
    ck_assert_int_eq(mpy_contains(vm, r, I(INT64_MAX - 4)), 1);
    ck_assert_int_eq(mpy_contains(vm, r, I(INT64_MAX - 5)), 0);
    mpy_value big[2] = {I(INT64_MIN), I(INT64_MAX)};
    r = mpy_call(vm, range, 2, big, NULL);
    ck_assert_int_eq(mpy_len(vm, r), -1);
    ck_assert_str_eq(R(MPY_NULL), "OverflowError: Python int too large to convert to C ssize_t");
    args[2] = I(0);
    ck_assert_str_eq(R(mpy_call(vm, range, 3, args, NULL)), "ValueError: range() arg 3 must not be zero");
}
END_TEST

START_TEST(test_iterators)
{
    mpy_list *l = mpy_list_from(vm, 3, (mpy_value[]){I(1), I(2), I(3)});
    mpy_value z = mpy_call(vm, O(vm->types[MPY_TYPE_ZIP]), 2, (mpy_value[]){O(l), O(l)}, NULL);
    ck_assert_str_eq(R(O(mpy_list_from_iter(vm, z))), "[(1, 1), (2, 2), (3, 3)]");
    mpy_value e = mpy_call(vm, O(vm->types[MPY_TYPE_ENUMERATE]), 2, (mpy_value[]){O(l), I(10)}, NULL);
    ck_assert_str_eq(R(O(mpy_list_from_iter(vm, e))), "[(10, 1), (11, 2), (12, 3)]");
    mpy_value rv = mpy_call(vm, O(vm->types[MPY_TYPE_REVERSED]), 1, (mpy_value[]){O(l)}, NULL);
    ck_assert_str_eq(R(O(mpy_list_from_iter(vm, rv))), "[3, 2, 1]");
    ck_assert_str_eq(R(mpy_call(vm, O(vm->types[MPY_TYPE_REVERSED]), 1, (mpy_value[]){I(1)}, NULL)),
                     "TypeError: 'int' object is not reversible");
    mpy_value si = mpy_seqiter_new(vm, O(mpy_str_from_cstr(vm, "ab")));
    ck_assert_str_eq(R(O(mpy_list_from_iter(vm, si))), "['a', 'b']");
}
END_TEST

Suite *set_suite(void)
{
    Suite *s = suite_create("set");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_order_matches_cpython);
    tcase_add_test(tc, test_add_discard_pop);
    tcase_add_test(tc, test_algebra_and_hash);
    tcase_add_test(tc, test_range);
    tcase_add_test(tc, test_iterators);
    suite_add_tcase(s, tc);
    return s;
}
