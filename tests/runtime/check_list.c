/* Tests for runtime/list.c and runtime/tuple.c through their C API and
 * the protocols: growth, extend from any iterable, slicing, the stable
 * sort (with keys, reverse, errors and mutation during the sort), tuple
 * hashing.  Python-level behaviour is covered by tests/py/cont_*.py. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "testvm.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/seq.h"
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

static mpy_list *ints(int n, const int *v)
{
    mpy_list *l = mpy_list_new(vm, 0);
    for (int i = 0; i < n; i++) ck_assert(mpy_list_append(vm, l, I(v[i])));
    return l;
}

START_TEST(test_append_grows)
{
    mpy_list *l = mpy_list_new(vm, 0);
    for (int i = 0; i < 10000; i++) ck_assert(mpy_list_append(vm, l, I(i)));
    ck_assert_uint_eq(l->len, 10000);
    ck_assert(l->cap >= l->len && l->cap < 2 * l->len);
    ck_assert_int_eq(l->items[9999].u.i, 9999);
    ck_assert_int_eq(mpy_len(vm, O(l)), 10000);
}
END_TEST

START_TEST(test_extend_and_from_iter)
{
    mpy_list *l = mpy_list_from_iter(vm, S("abc"));
    ck_assert_str_eq(R(O(l)), "['a', 'b', 'c']");
    ck_assert(mpy_list_extend(vm, l, O(l))); /* extending by itself doubles it */
    ck_assert_str_eq(R(O(l)), "['a', 'b', 'c', 'a', 'b', 'c']");
    mpy_tuple *t = mpy_tuple_pack(vm, 2, I(1), MPY_NONE);
    ck_assert(mpy_list_extend(vm, l, O(t)));
    ck_assert_uint_eq(l->len, 8);
    ck_assert(!mpy_list_extend(vm, l, I(5)));
    ck_assert_str_eq(R(MPY_NULL), "TypeError: 'int' object is not iterable");
}
END_TEST

START_TEST(test_index_and_slices)
{
    int v[] = {0, 1, 2, 3, 4, 5};
    mpy_value l = O(ints(6, v));
    ck_assert_str_eq(R(mpy_getitem(vm, l, I(-1))), "5");
    ck_assert_str_eq(R(mpy_getitem(vm, l, I(6))), "IndexError: list index out of range");
    ck_assert_str_eq(R(mpy_getitem(vm, l, S("x"))), "TypeError: list indices must be integers or slices, not str");
    mpy_value sl = mpy_slice_new(vm, I(1), MPY_NONE, I(2));
    ck_assert_str_eq(R(mpy_getitem(vm, l, sl)), "[1, 3, 5]");
    ck_assert(mpy_setitem(vm, l, sl, O(mpy_list_from_iter(vm, S("abc")))));
    ck_assert_str_eq(R(l), "[0, 'a', 2, 'b', 4, 'c']");
    ck_assert(!mpy_setitem(vm, l, sl, O(mpy_list_new(vm, 0))));
    ck_assert_str_eq(R(MPY_NULL), "ValueError: attempt to assign sequence of size 0 to extended slice of size 3");
    ck_assert(mpy_delitem(vm, l, sl));
    ck_assert_str_eq(R(l), "[0, 2, 4]");
    ck_assert(mpy_setitem(vm, l, mpy_slice_new(vm, I(1), I(2), MPY_NONE), l));
    ck_assert_str_eq(R(l), "[0, 0, 2, 4, 4]");
    ck_assert(!mpy_setitem(vm, l, I(9), I(0)));
    ck_assert_str_eq(R(MPY_NULL), "IndexError: list assignment index out of range");
}
END_TEST

START_TEST(test_sort_basic)
{
    int v[] = {5, 3, 9, 1, 1, 7, -2};
    mpy_list *l = ints(7, v);
    ck_assert(mpy_list_sort(vm, l, MPY_NULL, false));
    ck_assert_str_eq(R(O(l)), "[-2, 1, 1, 3, 5, 7, 9]");
    ck_assert(mpy_list_sort(vm, l, MPY_NULL, true));
    ck_assert_str_eq(R(O(l)), "[9, 7, 5, 3, 1, 1, -2]");
    /* Long inputs exercise runs, binary insertion and merging. */
    mpy_list *big = mpy_list_new(vm, 0);
    for (int i = 0; i < 5000; i++) ck_assert(mpy_list_append(vm, big, I((i * 7919) % 5003)));
    for (int i = 0; i < 300; i++) ck_assert(mpy_list_append(vm, big, I(300 - i)));
    ck_assert(mpy_list_sort(vm, big, MPY_NULL, false));
    for (size_t i = 1; i < big->len; i++) ck_assert_int_le(big->items[i - 1].u.i, big->items[i].u.i);
}
END_TEST

START_TEST(test_sort_stable_with_key)
{
    /* Sort (k, i) tuples by len(str) keys: equal keys keep their order. */
    mpy_list *l = mpy_list_new(vm, 0);
    const char *words[] = {"bb", "a", "cc", "d", "eee", "ff", "g"};
    for (int i = 0; i < 7; i++) ck_assert(mpy_list_append(vm, l, S(words[i])));
    mpy_value len = mpy_dict_get_cstr(vm, vm->builtins, "len");
    ck_assert(!mpy_is_null(len));
    ck_assert(mpy_list_sort(vm, l, len, false));
    ck_assert_str_eq(R(O(l)), "['a', 'd', 'g', 'bb', 'cc', 'ff', 'eee']");
    ck_assert(mpy_list_sort(vm, l, len, true));
    ck_assert_str_eq(R(O(l)), "['eee', 'bb', 'cc', 'ff', 'a', 'd', 'g']");
}
END_TEST

START_TEST(test_sort_errors)
{
    mpy_list *l = mpy_list_new(vm, 0);
    ck_assert(mpy_list_append(vm, l, I(1)));
    ck_assert(mpy_list_append(vm, l, S("a")));
    ck_assert(!mpy_list_sort(vm, l, MPY_NULL, false));
    ck_assert_str_eq(R(MPY_NULL), "TypeError: '<' not supported between instances of 'str' and 'int'");
    ck_assert_uint_eq(l->len, 2); /* nothing lost */
    ck_assert(!mpy_list_sort(vm, l, I(3), false));
    ck_assert_str_eq(R(MPY_NULL), "TypeError: 'int' object is not callable");
    /* A key that appends to the list being sorted (one item: no
     * comparison fails first). */
    mpy_list *one = mpy_list_from(vm, 1, (mpy_value[]){I(5)});
    mpy_value append = mpy_getattr_cstr(vm, O(one), "append");
    ck_assert(!mpy_list_sort(vm, one, append, false));
    ck_assert_str_eq(R(MPY_NULL), "ValueError: list modified during sort");
    ck_assert_str_eq(R(O(one)), "[5]");
}
END_TEST

START_TEST(test_list_repr_recursion)
{
    mpy_list *l = mpy_list_new(vm, 0);
    ck_assert(mpy_list_append(vm, l, I(1)));
    ck_assert(mpy_list_append(vm, l, O(l)));
    ck_assert_str_eq(R(O(l)), "[1, [...]]");
    ck_assert_str_eq(R(O(l)), "[1, [...]]"); /* the guard was released */
}
END_TEST

START_TEST(test_tuple)
{
    mpy_tuple *t = mpy_tuple_pack(vm, 2, I(1), I(2));
    int64_t h;
    ck_assert(mpy_tuple_hash(vm, t, &h));
    ck_assert_int_eq(h, -3550055125485641917LL); /* CPython 3.11's hash((1, 2)) */
    ck_assert(mpy_tuple_hash(vm, mpy_tuple_new(vm, 0), &h));
    ck_assert_int_eq(h, 5740354900026072187LL);
    ck_assert_str_eq(R(O(mpy_tuple_pack(vm, 1, I(1)))), "(1,)");
    ck_assert_str_eq(R(O(mpy_tuple_new(vm, 0))), "()");
    ck_assert_ptr_eq(mpy_tuple_new(vm, 0), vm->empty_tuple);
    mpy_tuple *u = mpy_tuple_pack(vm, 1, O(mpy_list_new(vm, 0)));
    ck_assert(!mpy_tuple_hash(vm, u, &h));
    ck_assert_str_eq(R(MPY_NULL), "TypeError: unhashable type: 'list'");
    ck_assert_str_eq(R(mpy_getitem(vm, O(t), I(2))), "IndexError: tuple index out of range");
    ck_assert_ptr_eq(mpy_tuple_from_iter(vm, O(t)), t);
}
END_TEST

Suite *list_suite(void)
{
    Suite *s = suite_create("list");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_append_grows);
    tcase_add_test(tc, test_extend_and_from_iter);
    tcase_add_test(tc, test_index_and_slices);
    tcase_add_test(tc, test_sort_basic);
    tcase_add_test(tc, test_sort_stable_with_key);
    tcase_add_test(tc, test_sort_errors);
    tcase_add_test(tc, test_list_repr_recursion);
    tcase_add_test(tc, test_tuple);
    suite_add_tcase(s, tc);
    return s;
}
