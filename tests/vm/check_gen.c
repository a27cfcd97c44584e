/* Tests of vm/gen.c through the embedding API: generator programs run in a
 * fresh VM and their printed output is compared, each also under a
 * collection at every safe point, which catches values a suspended
 * generator fails to keep alive. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"
#include "vm/state.h"
#include "testvm.h"

/* Runs src and checks stdout; stress: collect at every safe point. */
static void expect_output(const char *src, const char *want, bool stress)
{
    mpy_test_out out = {.len = 0};
    mpy_vm *vm = mpy_test_capture_vm(&out);
    vm->stress_gc = stress;
    mpy_test_exec_expect(vm, &out, src, want);
    mpy_vm_free(vm);
}

static void check_both(const char *src, const char *want)
{
    expect_output(src, want, false);
    expect_output(src, want, true);
}

START_TEST(test_iterate)
{
    check_both("def g(n):\n"
               "    for i in range(n):\n"
               "        yield [i] * 2\n"
               "print(list(g(3)))\n"
               "print(sum(x * x for x in range(4)))\n",
               "[[0, 0], [1, 1], [2, 2]]\n14\n");
}
END_TEST

START_TEST(test_send_and_return)
{
    check_both("def acc():\n"
               "    total = []\n"
               "    while True:\n"
               "        x = yield len(total)\n"
               "        if x is None: return total\n"
               "        total.append(x)\n"
               "a = acc()\n"
               "print(next(a), a.send(1), a.send(2))\n"
               "try:\n"
               "    a.send(None)\n"
               "except StopIteration as e:\n"
               "    print(e.value)\n",
               "0 1 2\n[1, 2]\n");
}
END_TEST

START_TEST(test_throw_and_close)
{
    check_both("def g():\n"
               "    try:\n"
               "        yield 1\n"
               "    except KeyError as e:\n"
               "        yield 'caught ' + e.args[0]\n"
               "    finally:\n"
               "        print('finally')\n"
               "x = g()\n"
               "next(x)\n"
               "print(x.throw(KeyError('k')))\n"
               "x.close()\n"
               "print(x.gi_frame)\n",
               "caught k\nfinally\nNone\n");
}
END_TEST

START_TEST(test_yield_from)
{
    check_both("def inner():\n"
               "    got = yield 'a'\n"
               "    return got * 2\n"
               "def outer():\n"
               "    r = yield from inner()\n"
               "    yield r\n"
               "o = outer()\n"
               "print(next(o), o.send(21))\n"
               "def tree(n):\n"
               "    if n:\n"
               "        yield from tree(n - 1)\n"
               "        yield n\n"
               "print(list(tree(4)))\n",
               "a 42\n[1, 2, 3, 4]\n");
}
END_TEST

START_TEST(test_stop_iteration_becomes_runtime_error)
{
    check_both("def g():\n"
               "    yield 1\n"
               "    raise StopIteration\n"
               "try:\n"
               "    list(g())\n"
               "except RuntimeError as e:\n"
               "    print(e, type(e.__cause__).__name__)\n",
               "generator raised StopIteration StopIteration\n");
}
END_TEST

START_TEST(test_already_executing)
{
    check_both("def g():\n"
               "    yield next(me)\n"
               "me = g()\n"
               "try:\n"
               "    next(me)\n"
               "except ValueError as e:\n"
               "    print(e)\n",
               "generator already executing\n");
}
END_TEST

START_TEST(test_suspended_generators_survive_collection)
{
    /* Many suspended generators holding fresh objects, resumed after a lot
     * of allocation. */
    check_both("def hold(i):\n"
               "    data = [i] * 3\n"
               "    yield 0\n"
               "    yield data + data\n"
               "gens = [hold(i) for i in range(50)]\n"
               "for g in gens: next(g)\n"
               "junk = [[k] for k in range(2000)]\n"
               "print(sum(len(next(g)) for g in gens))\n",
               "300\n");
}
END_TEST

Suite *gen_suite(void)
{
    Suite *s = suite_create("gen");
    TCase *tc = tcase_create("generators");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_iterate);
    tcase_add_test(tc, test_send_and_return);
    tcase_add_test(tc, test_throw_and_close);
    tcase_add_test(tc, test_yield_from);
    tcase_add_test(tc, test_stop_iteration_becomes_runtime_error);
    tcase_add_test(tc, test_already_executing);
    tcase_add_test(tc, test_suspended_generators_survive_collection);
    suite_add_tcase(s, tc);
    return s;
}
