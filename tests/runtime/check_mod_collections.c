/* Tests of runtime/mod_collections.c (the _collections module: deque).
 *
 * The Python-visible behaviour is compared with CPython by
 * tests/py/mod_collections_deque.py; these pin down the C side: the ring
 * buffer wraps and grows correctly whatever the head position, maxlen drops
 * items from the opposite end, rotate on a full and a partly used buffer,
 * items survive a collection, and iterators notice mutation. */
#include <check.h>
#include <string.h>

#include "vm/state.h"
#include "vm/import.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/str.h"
#include "tests/testvm.h"

static mpy_vm *vm;

/* A VM whose output goes nowhere (tests/testvm.c). */
static void setup(void) { vm = mpy_test_quiet_vm(); }

static void teardown(void) { mpy_vm_free(vm); }

/* A new deque: deque() or deque((), maxlen). */
static mpy_value new_deque(int64_t maxlen)
{
    mpy_value cls = mpy_test_module_attr(vm, "_collections", "deque");
    mpy_value args[2] = {mpy_from_obj(vm->empty_tuple), mpy_from_int(maxlen)};
    mpy_value d = mpy_call(vm, cls, maxlen < 0 ? 0 : 2, args, NULL);
    ck_assert(!mpy_is_null(d));
    return d;
}

static mpy_value call1(mpy_value d, const char *name, mpy_value arg)
{
    mpy_value r = mpy_call_method(vm, d, name, 1, &arg);
    ck_assert_msg(!mpy_is_null(r), "%s failed", name);
    return r;
}

static mpy_value call0(mpy_value d, const char *name)
{
    return mpy_call_method(vm, d, name, 0, NULL);
}

static int64_t item(mpy_value d, int64_t i)
{
    mpy_value v = mpy_getitem(vm, d, mpy_from_int(i));
    ck_assert(!mpy_is_null(v));
    ck_assert(mpy_is_smallint(v));
    return mpy_as_int(v);
}

/* The repr of d as a C string (valid until the next collection). */
static const char *repr(mpy_value d)
{
    mpy_value r = mpy_repr(vm, d);
    ck_assert(!mpy_is_null(r));
    return mpy_as_str(r)->data;
}

START_TEST(test_wrap_and_grow)
{
    mpy_value d = new_deque(-1);
    /* Push on both sides so the head wraps around, past several growths. */
    for (int i = 0; i < 100; i++) {
        call1(d, "append", mpy_from_int(i));
        call1(d, "appendleft", mpy_from_int(-i - 1));
    }
    ck_assert_int_eq(mpy_len(vm, d), 200);
    for (int i = 0; i < 200; i++) ck_assert_int_eq(item(d, i), i - 100);
    ck_assert_int_eq(item(d, -1), 99);
    for (int i = 0; i < 150; i++) {
        mpy_value v = call0(d, "popleft");
        ck_assert(!mpy_is_null(v));
        ck_assert_int_eq(mpy_as_int(v), i - 100);
    }
    ck_assert_int_eq(mpy_len(vm, d), 50);
    ck_assert_int_eq(item(d, 0), 50);
}
END_TEST

START_TEST(test_maxlen)
{
    mpy_value d = new_deque(3);
    for (int i = 0; i < 5; i++) call1(d, "append", mpy_from_int(i));
    ck_assert_str_eq(repr(d), "deque([2, 3, 4], maxlen=3)");
    call1(d, "appendleft", mpy_from_int(9));
    ck_assert_str_eq(repr(d), "deque([9, 2, 3], maxlen=3)");
    mpy_value z = new_deque(0);
    call1(z, "append", mpy_from_int(1));
    ck_assert_int_eq(mpy_len(vm, z), 0);
}
END_TEST

START_TEST(test_rotate)
{
    /* 8 items fill the initial buffer exactly (rotation moves the head);
     * 5 items use the item-by-item path both ways. */
    mpy_value full = new_deque(-1);
    for (int i = 0; i < 8; i++) call1(full, "append", mpy_from_int(i));
    call1(full, "rotate", mpy_from_int(3));
    ck_assert_str_eq(repr(full), "deque([5, 6, 7, 0, 1, 2, 3, 4])");
    call1(full, "rotate", mpy_from_int(-11));
    ck_assert_str_eq(repr(full), "deque([0, 1, 2, 3, 4, 5, 6, 7])");
    mpy_value part = new_deque(-1);
    for (int i = 0; i < 5; i++) call1(part, "append", mpy_from_int(i));
    call1(part, "rotate", mpy_from_int(1));
    ck_assert_str_eq(repr(part), "deque([4, 0, 1, 2, 3])");
    call1(part, "rotate", mpy_from_int(4));
    ck_assert_str_eq(repr(part), "deque([0, 1, 2, 3, 4])");
}
END_TEST

START_TEST(test_survives_collection)
{
    mpy_value d = new_deque(-1);
    ck_assert(mpy_root_push(vm, d));
    for (int i = 0; i < 20; i++) {
        mpy_str *s = mpy_str_printf(vm, "item-%d", i);
        ck_assert_ptr_nonnull(s);
        call1(d, "append", mpy_from_obj(s));
    }
    mpy_gc_collect(vm);
    mpy_value v = mpy_getitem(vm, d, mpy_from_int(19));
    ck_assert(!mpy_is_null(v));
    ck_assert_str_eq(mpy_as_str(v)->data, "item-19");
    mpy_root_pop(vm, 1);
}
END_TEST

START_TEST(test_mutation_during_iteration)
{
    mpy_value d = new_deque(-1);
    call1(d, "append", mpy_from_int(1));
    call1(d, "append", mpy_from_int(2));
    mpy_value it = mpy_iter(vm, d);
    ck_assert(!mpy_is_null(it));
    ck_assert_int_eq(mpy_as_int(mpy_next(vm, it)), 1);
    call1(d, "append", mpy_from_int(3));
    ck_assert(mpy_is_null(mpy_next(vm, it)));
    ck_assert(mpy_err_matches(vm, MPY_EXC_RuntimeError));
    mpy_err_clear(vm);
    ck_assert(mpy_is_null(call0(new_deque(-1), "pop")));
    ck_assert(mpy_err_matches(vm, MPY_EXC_IndexError));
    mpy_err_clear(vm);
}
END_TEST

Suite *mod_collections_suite(void)
{
    Suite *s = suite_create("mod_collections");
    TCase *tc = tcase_create("deque");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_wrap_and_grow);
    tcase_add_test(tc, test_maxlen);
    tcase_add_test(tc, test_rotate);
    tcase_add_test(tc, test_survives_collection);
    tcase_add_test(tc, test_mutation_during_iteration);
    suite_add_tcase(s, tc);
    return s;
}
