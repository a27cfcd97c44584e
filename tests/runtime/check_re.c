/* Tests of runtime/mod_re.c (the _re matcher) and of runtime/lib/re.py
 * seen from C.
 *
 * Ordinary behaviour is compared with CPython by tests/py/mod_re_*.py;
 * these pin down what those cannot: the Program constructor's checks of
 * the instruction list, and the process surviving hostile patterns (deep
 * nesting, nested lookarounds past the C nesting cap, catastrophic
 * backtracking stopped by an interrupt, loops whose body matches empty,
 * repetition counts too large to expand). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "vm/state.h"
#include "vm/import.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "tests/testvm.h"

static mpy_vm *vm;

/* A VM whose output goes nowhere (tests/testvm.c). */
static void setup(void) { vm = mpy_test_quiet_vm(); }

static void teardown(void) { mpy_vm_free(vm); }

static mpy_value str(const char *s) { return mpy_from_obj(mpy_str_from_cstr(vm, s)); }

/* re.<fn>(pattern, string) or re.compile(pattern) when string is NULL. */
static mpy_value re_call(const char *fn, const char *pattern, const char *string)
{
    mpy_value f = mpy_test_module_attr(vm, "re", fn);
    mpy_value args[2] = {str(pattern), string ? str(string) : MPY_NONE};
    return mpy_call(vm, f, string ? 2 : 1, args, NULL);
}

/* _re.Program(code, ngroups, nregs).match(string, 0, len, mode). */
static mpy_value program(const int *code, size_t n, int ngroups, int nregs)
{
    mpy_value cls = mpy_test_module_attr(vm, "_re", "Program");
    mpy_list *l = mpy_list_new(vm, n);
    ck_assert_ptr_nonnull(l);
    for (size_t i = 0; i < n; i++) ck_assert(mpy_list_append(vm, l, mpy_from_int(code[i])));
    mpy_value args[3] = {mpy_from_obj(l), mpy_from_int(ngroups), mpy_from_int(nregs)};
    return mpy_call(vm, cls, 3, args, NULL);
}

static mpy_value run(mpy_value prog, const char *s, int mode)
{
    mpy_value args[4] = {str(s), mpy_from_int(0), mpy_from_int((int64_t)strlen(s)), mpy_from_int(mode)};
    return mpy_call_method(vm, prog, "match", 4, args);
}

START_TEST(test_program_direct)
{
    /* SAVE 0, CHAR 'b', SAVE 1, MATCH: searched in "ab". */
    static const int code[] = {8, 0, 1, 'b', 8, 1, 0};
    mpy_value p = program(code, sizeof code / sizeof *code, 0, 0);
    ck_assert_str_eq(mpy_test_repr(vm, run(p, "ab", 2)), "(None, 1, 2)");
    ck_assert_str_eq(mpy_test_repr(vm, run(p, "ab", 0)), "None");
}
END_TEST

START_TEST(test_program_rejects_bad_code)
{
    static const int bad_op[] = {99};
    ck_assert_str_eq(mpy_test_repr(vm, program(bad_op, 1, 0, 0)), "RuntimeError: invalid SRE code");
    static const int bad_jump[] = {7, 50, 0};
    ck_assert_str_eq(mpy_test_repr(vm, program(bad_jump, 3, 0, 0)), "RuntimeError: invalid SRE code");
    static const int bad_slot[] = {8, 4, 0};
    ck_assert_str_eq(mpy_test_repr(vm, program(bad_slot, 3, 0, 0)), "RuntimeError: invalid SRE code");
    static const int truncated[] = {5, 0, 2, 0, 'a'};
    ck_assert_str_eq(mpy_test_repr(vm, program(truncated, 5, 0, 0)), "RuntimeError: invalid SRE code");
    static const int bad_reg[] = {12, 0, 0};
    ck_assert_str_eq(mpy_test_repr(vm, program(bad_reg, 3, 0, 0)), "RuntimeError: invalid SRE code");
}
END_TEST

START_TEST(test_deep_lookaround_nesting)
{
    /* 300 nested (?=...) around 'a': past the C nesting cap of 200. */
    enum { N = 300 };
    static int code[4 * N + 2 + N + 1];
    int k = 0;
    for (int i = 0; i < N; i++) {
        code[k++] = 11, code[k++] = 0, code[k++] = 0;
        code[k++] = 4 * N + 2 + (N - 1 - i) + 1; /* just after body i's MATCH */
    }
    code[k++] = 1, code[k++] = 'a';
    for (int i = 0; i <= N; i++) code[k++] = 0;
    mpy_value p = program(code, (size_t)k, 0, 0);
    ck_assert(!mpy_is_null(p));
    ck_assert_str_eq(mpy_test_repr(vm, run(p, "a", 0)), "RecursionError: maximum recursion limit exceeded");
}
END_TEST

START_TEST(test_deep_group_nesting)
{
    /* The parser is Python code: deep nesting ends in RecursionError. */
    enum { N = 20000 };
    static char pat[2 * N + 2];
    memset(pat, '(', N);
    pat[N] = 'a';
    memset(pat + N + 1, ')', N);
    pat[2 * N + 1] = 0;
    const char *r = mpy_test_repr(vm, re_call("compile", pat, NULL));
    ck_assert_msg(strncmp(r, "RecursionError", 14) == 0, "%s", r);
    /* The VM is still usable. */
    ck_assert_str_eq(mpy_test_repr(vm, re_call("match", "((a))", "a")), "<re.Match object; span=(0, 1), match='a'>");
}
END_TEST

START_TEST(test_catastrophic_backtracking_interrupt)
{
    /* (a+)+b on 40 a's takes ~2**40 steps: an interrupt stops it. */
    static char s[41];
    memset(s, 'a', 40);
    mpy_value pat = re_call("compile", "(a+)+b", NULL);
    ck_assert(!mpy_is_null(pat));
    mpy_vm_interrupt(vm);
    mpy_value arg = str(s);
    mpy_value r = mpy_call_method(vm, pat, "match", 1, &arg);
    ck_assert_str_eq(mpy_test_repr(vm, r), "KeyboardInterrupt: ");
    /* Cleared: matching works again. */
    ck_assert_str_eq(mpy_test_repr(vm, re_call("search", "(a+)+b", "aab")),
                     "<re.Match object; span=(0, 3), match='aab'>");
}
END_TEST

START_TEST(test_empty_loops_terminate)
{
    ck_assert_str_eq(mpy_test_repr(vm, re_call("match", "(a*)*", "b")), "<re.Match object; span=(0, 0), match=''>");
    ck_assert_str_eq(mpy_test_repr(vm, re_call("match", "(?:|a)+b", "aab")),
                     "<re.Match object; span=(0, 3), match='aab'>");
    ck_assert_str_eq(mpy_test_repr(vm, re_call("findall", "(?:x?)*", "xx")), "['xx', '']");
    ck_assert_str_eq(mpy_test_repr(vm, re_call("match", "(?:\\b)*a", "a")), "<re.Match object; span=(0, 1), match='a'>");
}
END_TEST

START_TEST(test_long_subjects)
{
    /* A greedy loop over a long subject needs a big backtrack stack, not
     * C stack. */
    size_t n = 1000000;
    char *s = malloc(n + 2);
    ck_assert_ptr_nonnull(s);
    memset(s, 'a', n);
    s[n] = 'b', s[n + 1] = 0;
    mpy_value r = re_call("match", "(?:a|c)*b", s);
    free(s);
    ck_assert_str_eq(mpy_test_repr(vm, mpy_call_method(vm, r, "end", 0, NULL)), "1000001");
}
END_TEST

START_TEST(test_huge_repeat)
{
    ck_assert_str_eq(mpy_test_repr(vm, re_call("compile", "a{4294967296}", NULL)),
                     "OverflowError: the repetition number is too large");
    const char *r = mpy_test_repr(vm, re_call("compile", "(?:(?:abc){100000}){1000}", NULL));
    ck_assert_msg(strncmp(r, "OverflowError: regular expression is too large", 46) == 0, "%s", r);
}
END_TEST

Suite *re_suite(void)
{
    Suite *s = suite_create("re");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_program_direct);
    tcase_add_test(tc, test_program_rejects_bad_code);
    tcase_add_test(tc, test_deep_lookaround_nesting);
    tcase_add_test(tc, test_deep_group_nesting);
    tcase_add_test(tc, test_catastrophic_backtracking_interrupt);
    tcase_add_test(tc, test_empty_loops_terminate);
    tcase_add_test(tc, test_long_subjects);
    tcase_add_test(tc, test_huge_repeat);
    suite_add_tcase(s, tc);
    return s;
}
