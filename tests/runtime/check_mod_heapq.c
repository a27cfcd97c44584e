/* Tests of runtime/mod_heapq.c (the _heapq module).
 *
 * The list contents after each operation must be CPython's exactly (they
 * are observable); these check known layouts (recorded from CPython 3.11),
 * the heap invariant over many pushes and pops, and the errors.  The
 * Python-level behaviour is also compared by tests/py/mod_heapq_bisect.py. */
#include <check.h>

#include "vm/state.h"
#include "vm/import.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "tests/testvm.h"

static mpy_vm *vm;

/* A VM whose output goes nowhere (tests/testvm.c). */
static void setup(void) { vm = mpy_test_quiet_vm(); }

static void teardown(void) { mpy_vm_free(vm); }

static mpy_value call(const char *name, int argc, const mpy_value *args)
{
    mpy_value f = mpy_test_module_attr(vm, "_heapq", name);
    return mpy_call(vm, f, argc, args, NULL);
}

static mpy_list *list_of(const int *v, size_t n)
{
    mpy_list *l = mpy_list_new(vm, n);
    ck_assert_ptr_nonnull(l);
    for (size_t i = 0; i < n; i++) ck_assert(mpy_list_append(vm, l, mpy_from_int(v[i])));
    return l;
}

static void assert_items(mpy_list *l, const int *want, size_t n)
{
    ck_assert_uint_eq(l->len, n);
    for (size_t i = 0; i < n; i++) ck_assert_int_eq(mpy_as_int(l->items[i]), want[i]);
}

START_TEST(test_layouts)
{
    static const int data[] = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 11, 15, 13};
    static const int heapified[] = {0, 1, 3, 2, 5, 4, 7, 9, 6, 8, 11, 15, 13};
    mpy_list *l = list_of(data, 13);
    mpy_value a = mpy_from_obj(l);
    ck_assert(!mpy_is_null(call("heapify", 1, &a)));
    assert_items(l, heapified, 13);

    static const int pushes[] = {5, 3, 8, 1, 9, 2, 7, 3, 0, 6};
    static const int pushed[] = {0, 1, 2, 3, 6, 8, 7, 5, 3, 9};
    static const int popped[] = {1, 3, 2, 3, 6, 8, 7, 5, 9};
    mpy_list *h = mpy_list_new(vm, 0);
    ck_assert_ptr_nonnull(h);
    for (size_t i = 0; i < 10; i++) {
        mpy_value args[2] = {mpy_from_obj(h), mpy_from_int(pushes[i])};
        ck_assert(!mpy_is_null(call("heappush", 2, args)));
    }
    assert_items(h, pushed, 10);
    mpy_value hv = mpy_from_obj(h);
    mpy_value top = call("heappop", 1, &hv);
    ck_assert_int_eq(mpy_as_int(top), 0);
    assert_items(h, popped, 9);
}
END_TEST

START_TEST(test_sorted_output)
{
    mpy_list *h = mpy_list_new(vm, 0);
    ck_assert_ptr_nonnull(h);
    for (int i = 0; i < 500; i++) {
        mpy_value args[2] = {mpy_from_obj(h), mpy_from_int((i * 7919) % 1009)};
        ck_assert(!mpy_is_null(call("heappush", 2, args)));
    }
    mpy_value hv = mpy_from_obj(h);
    int64_t prev = -1;
    for (int i = 0; i < 500; i++) {
        mpy_value v = call("heappop", 1, &hv);
        ck_assert(!mpy_is_null(v));
        ck_assert_int_ge(mpy_as_int(v), prev);
        prev = mpy_as_int(v);
    }
    ck_assert(mpy_is_null(call("heappop", 1, &hv)));
    ck_assert(mpy_err_matches(vm, MPY_EXC_IndexError));
    mpy_err_clear(vm);
}
END_TEST

START_TEST(test_errors)
{
    mpy_value t = mpy_from_obj(vm->empty_tuple);
    ck_assert(mpy_is_null(call("heapify", 1, &t)));
    ck_assert(mpy_err_matches(vm, MPY_EXC_TypeError));
    mpy_err_clear(vm);
    mpy_value one = mpy_from_obj(mpy_list_new(vm, 0));
    ck_assert(mpy_is_null(call("heappush", 1, &one)));
    ck_assert(mpy_err_matches(vm, MPY_EXC_TypeError));
    mpy_err_clear(vm);
    /* heappushpop on an empty heap gives the item back. */
    mpy_value args[2] = {one, mpy_from_int(7)};
    mpy_value r = call("heappushpop", 2, args);
    ck_assert(!mpy_is_null(r));
    ck_assert_int_eq(mpy_as_int(r), 7);
}
END_TEST

Suite *mod_heapq_suite(void)
{
    Suite *s = suite_create("mod_heapq");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_layouts);
    tcase_add_test(tc, test_sorted_output);
    tcase_add_test(tc, test_errors);
    suite_add_tcase(s, tc);
    return s;
}
