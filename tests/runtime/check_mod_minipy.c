/* Tests of runtime/mod_minipy.c (the _minipy module) and of the frozen
 * modules it serves (runtime/frozen.h, vm/import.c's frozen step).  The
 * Python-visible behaviour of code, codeop, traceback and io is compared
 * with CPython by tests/py/code_*.py and io_*.py; these pin down the C side:
 * the frozen table is well formed and every module in it compiles, frozen
 * modules import without __file__ and name "<frozen NAME>" in tracebacks,
 * and _minipy's verdict and formatting contracts. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "vm/errors.h"
#include "vm/import.h"
#include "vm/run.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/frozen.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "tests/testvm.h"

static mpy_vm *vm;

/* A VM whose output goes nowhere (tests/testvm.c). */
static void setup(void) { vm = mpy_test_quiet_vm(); }

static void teardown(void) { mpy_vm_free(vm); }

static mpy_value str(const char *s) { return mpy_from_obj(mpy_str_from_cstr(vm, s)); }

static mpy_value import(const char *name)
{
    mpy_value m = mpy_import_module(vm, name);
    ck_assert_msg(!mpy_is_null(m), "import %s failed", name);
    return m;
}

/* _minipy.<name>(args...). */
static mpy_value minipy_call(const char *name, int argc, const mpy_value *args)
{
    mpy_value f = mpy_getattr_cstr(vm, import("_minipy"), name);
    ck_assert(!mpy_is_null(f));
    return mpy_call(vm, f, argc, args, NULL);
}

START_TEST(test_frozen_table_compiles)
{
    int n = 0;
    for (const mpy_frozen_module *f = mpy_frozen_modules; f->name; f++, n++) {
        ck_assert_uint_eq(f->len, strlen(f->source));
        mpy_code *co = mpy_compile_source(vm, f->source, f->len, f->name, MPY_MODE_EXEC);
        ck_assert_msg(co != NULL, "frozen module %s does not compile", f->name);
    }
    ck_assert_int_ge(n, 4); /* code, codeop, io, traceback */
}
END_TEST

START_TEST(test_frozen_import)
{
    mpy_value code = import("code");
    mpy_dict *d = mpy_instance_dict(vm, code, false);
    ck_assert_ptr_nonnull(d);
    ck_assert(mpy_is_null(mpy_dict_get_cstr(vm, d, "__file__")));
    ck_assert(!mpy_is_null(mpy_dict_get_cstr(vm, d, "InteractiveConsole")));
    mpy_value pkg = mpy_dict_get_cstr(vm, d, "__package__");
    ck_assert_str_eq(mpy_as_str(pkg)->data, "");
    /* A second import is the cached module. */
    ck_assert(mpy_is(import("code"), code));
}
END_TEST

START_TEST(test_frozen_traceback_name)
{
    /* codeop.compile_command(None) fails inside codeop's own code. */
    mpy_value f = mpy_getattr_cstr(vm, import("codeop"), "compile_command");
    ck_assert(!mpy_is_null(f));
    mpy_value none = MPY_NONE;
    ck_assert(mpy_is_null(mpy_call(vm, f, 1, &none, NULL)));
    mpy_value e = mpy_err_fetch(vm);
    mpy_str *text = mpy_format_exception(vm, e, MPY_NULL, true);
    ck_assert_ptr_nonnull(text);
    ck_assert_msg(strstr(text->data, "File \"<frozen codeop>\", line ") != NULL, "%s", text->data);
    ck_assert_msg(strstr(text->data, "AttributeError: 'NoneType' object has no attribute 'split'\n"), "%s",
                  text->data);
}
END_TEST

START_TEST(test_incomplete_verdict)
{
    mpy_value a[2] = {str("if x:"), str("single")};
    ck_assert(mpy_is(minipy_call("incomplete", 2, a), mpy_from_bool(true)));
    a[0] = str("x = 1");
    ck_assert(mpy_is(minipy_call("incomplete", 2, a), mpy_from_bool(false)));
    a[0] = str("x = )");
    ck_assert(mpy_is(minipy_call("incomplete", 2, a), mpy_from_bool(false)));
    a[0] = str("(1,");
    a[1] = str("eval");
    ck_assert(mpy_is(minipy_call("incomplete", 2, a), mpy_from_bool(true)));
    a[1] = str("bogus");
    ck_assert(mpy_is_null(minipy_call("incomplete", 2, a)));
    ck_assert(mpy_err_matches(vm, MPY_EXC_ValueError));
    mpy_err_clear(vm);
}
END_TEST

START_TEST(test_format_exception_only)
{
    mpy_value msg = str("boom");
    mpy_value e = mpy_exc_new(vm, vm->exc_types[MPY_EXC_ValueError], 1, &msg);
    mpy_value s = minipy_call("format_exception_only", 1, &e);
    ck_assert(!mpy_is_null(s));
    ck_assert_str_eq(mpy_as_str(s)->data, "ValueError: boom\n");
    /* No traceback: format_exception gives the same text. */
    mpy_value a[3] = {e, MPY_NONE, mpy_from_bool(true)};
    s = minipy_call("format_exception", 3, a);
    ck_assert_str_eq(mpy_as_str(s)->data, "ValueError: boom\n");
    a[1] = mpy_from_int(3);
    ck_assert(mpy_is_null(minipy_call("format_exception", 3, a)));
    ck_assert(mpy_err_matches(vm, MPY_EXC_TypeError));
    mpy_err_clear(vm);
}
END_TEST

Suite *mod_minipy_suite(void)
{
    Suite *s = suite_create("mod_minipy");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_frozen_table_compiles);
    tcase_add_test(tc, test_frozen_import);
    tcase_add_test(tc, test_frozen_traceback_name);
    tcase_add_test(tc, test_incomplete_verdict);
    tcase_add_test(tc, test_format_exception_only);
    suite_add_tcase(s, tc);
    return s;
}
