/* Tests for runtime/dict.c and dictview.c: the hash table under growth
 * and deletion, popitem order, views, iteration errors, mappingproxy. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "testvm.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static mpy_vm *vm;

static void setup(void) { vm = mpy_vm_new(NULL); }
static void teardown(void) { mpy_vm_free(vm); }

/* repr(v), or "Type: message" when v failed (tests/testvm.c). */
#define R(v) mpy_test_repr(vm, (v))

static mpy_value I(int64_t i) { return mpy_from_int(i); }
static mpy_value S(const char *s) { return mpy_from_obj(mpy_str_from_cstr(vm, s)); }
static mpy_value O(void *o) { return o ? mpy_from_obj(o) : MPY_NULL; }

START_TEST(test_grow_and_delete)
{
    mpy_dict *d = mpy_dict_new(vm);
    for (int i = 0; i < 5000; i++) ck_assert(mpy_dict_set(vm, d, I(i), I(i * 2)));
    for (int i = 0; i < 5000; i += 2) ck_assert_int_eq(mpy_dict_del(vm, d, I(i)), 1);
    ck_assert_int_eq(mpy_dict_del(vm, d, I(0)), 0);
    ck_assert_uint_eq(d->used, 2500);
    bool err;
    ck_assert_int_eq(mpy_dict_get(vm, d, I(4999), &err).u.i, 9998);
    ck_assert(mpy_is_null(mpy_dict_get(vm, d, I(4998), &err)) && !err);
    /* Insertion order survives deletions and resizes. */
    size_t pos = 0;
    mpy_value k;
    int64_t expect = 1;
    while (mpy_dict_next(d, &pos, &k, NULL)) {
        ck_assert_int_eq(k.u.i, expect);
        expect += 2;
    }
}
END_TEST

START_TEST(test_unhashable_and_missing)
{
    mpy_dict *d = mpy_dict_new(vm);
    ck_assert(!mpy_dict_set(vm, d, O(mpy_list_new(vm, 0)), I(1)));
    ck_assert_str_eq(R(MPY_NULL), "TypeError: unhashable type: 'list'");
    ck_assert_str_eq(R(mpy_getitem(vm, O(d), S("k"))), "KeyError: 'k'");
    ck_assert(!mpy_delitem(vm, O(d), I(3)));
    ck_assert_str_eq(R(MPY_NULL), "KeyError: 3");
    /* 1, 1.0 and True are one key. */
    ck_assert(mpy_dict_set(vm, d, I(1), S("a")));
    ck_assert(mpy_dict_set(vm, d, mpy_from_float(1.0), S("b")));
    ck_assert(mpy_dict_set(vm, d, MPY_TRUE, S("c")));
    ck_assert_str_eq(R(O(d)), "{1: 'c'}");
}
END_TEST

START_TEST(test_methods)
{
    mpy_dict *d = mpy_dict_new(vm);
    ck_assert(mpy_dict_set(vm, d, S("a"), I(1)));
    ck_assert(mpy_dict_set(vm, d, S("b"), I(2)));
    ck_assert_str_eq(R(mpy_call_method(vm, O(d), "keys", 0, NULL)), "dict_keys(['a', 'b'])");
    ck_assert_str_eq(R(mpy_call_method(vm, O(d), "items", 0, NULL)), "dict_items([('a', 1), ('b', 2)])");
    ck_assert_str_eq(R(mpy_call_method(vm, O(d), "popitem", 0, NULL)), "('b', 2)");
    ck_assert_str_eq(R(mpy_call_method(vm, O(d), "popitem", 0, NULL)), "('a', 1)");
    ck_assert_str_eq(R(mpy_call_method(vm, O(d), "popitem", 0, NULL)), "KeyError: 'popitem(): dictionary is empty'");
    mpy_value args[2] = {S("z"), I(0)};
    ck_assert_str_eq(R(mpy_call_method(vm, O(d), "setdefault", 2, args)), "0");
    ck_assert_str_eq(R(mpy_call_method(vm, O(d), "pop", 1, args)), "0");
    ck_assert_str_eq(R(mpy_call_method(vm, O(d), "pop", 1, args)), "KeyError: 'z'");
    ck_assert_str_eq(R(mpy_call_method(vm, O(d), "get", 0, NULL)), "TypeError: get expected at least 1 argument, got 0");
}
END_TEST

START_TEST(test_iteration_errors)
{
    mpy_dict *d = mpy_dict_new(vm);
    ck_assert(mpy_dict_set(vm, d, I(1), I(1)));
    mpy_value it = mpy_iter(vm, O(d));
    ck_assert_str_eq(R(mpy_next(vm, it)), "1");
    ck_assert(mpy_dict_set(vm, d, I(2), I(2)));
    ck_assert_str_eq(R(mpy_next(vm, it)), "RuntimeError: dictionary changed size during iteration");
    ck_assert_str_eq(R(mpy_next(vm, it)), "RuntimeError: dictionary changed size during iteration");
    it = mpy_dict_iter_new(vm, d, MPY_DICT_ITEMS, true);
    ck_assert_str_eq(R(mpy_next(vm, it)), "(2, 2)");
    ck_assert_str_eq(R(mpy_next(vm, it)), "(1, 1)");
    ck_assert(mpy_is_null(mpy_next(vm, it)) && !mpy_err_occurred(vm));
}
END_TEST

START_TEST(test_views_and_proxy)
{
    mpy_dict *d = mpy_dict_new(vm);
    for (int i = 0; i < 4; i++) ck_assert(mpy_dict_set(vm, d, I(i), I(-i)));
    mpy_value keys = mpy_dict_view_new(vm, d, MPY_DICT_KEYS);
    mpy_value other = O(mpy_list_from(vm, 2, (mpy_value[]){I(3), I(9)}));
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_AND, keys, other)), "{3}");
    ck_assert_str_eq(R(mpy_binary_op(vm, MPY_BINOP_SUB, keys, other)), "{0, 1, 2}");
    ck_assert_int_eq(mpy_contains(vm, keys, I(2)), 1);
    mpy_value proxy = mpy_mappingproxy_new(vm, d);
    ck_assert_str_eq(R(proxy), "mappingproxy({0: 0, 1: -1, 2: -2, 3: -3})");
    ck_assert_str_eq(R(mpy_getitem(vm, proxy, I(3))), "-3");
    ck_assert(!mpy_setitem(vm, proxy, I(3), I(0)));
    ck_assert_str_eq(R(MPY_NULL), "TypeError: 'mappingproxy' object does not support item assignment");
    ck_assert(mpy_dict_set(vm, d, I(9), O(d)));
    ck_assert_str_eq(R(O(d)), "{0: 0, 1: -1, 2: -2, 3: -3, 9: {...}}");
}
END_TEST

Suite *dict_suite(void)
{
    Suite *s = suite_create("dict");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_grow_and_delete);
    tcase_add_test(tc, test_unhashable_and_missing);
    tcase_add_test(tc, test_methods);
    tcase_add_test(tc, test_iteration_errors);
    tcase_add_test(tc, test_views_and_proxy);
    suite_add_tcase(s, tc);
    return s;
}
