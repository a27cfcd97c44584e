/* Tests of the builtins namespace (runtime/builtins*.c), the argument
 * checker (runtime/args.c) and the sys/math/time modules, calling the
 * native functions directly on a fresh VM whose output is captured
 * through the write hook.  Behaviour against CPython is covered by
 * tests/py/bi_*.py and mod_*.py; these pin down the C contracts (error
 * wording of args.c, the write and display hooks, sys.stdout
 * replacement). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

typedef struct outbuf {
    char out[4096], err[4096];
    size_t nout, nerr;
} outbuf;

static outbuf captured;
static mpy_vm *vm;

static void capture(mpy_vm *v, mpy_stream stream, const char *text, size_t len)
{
    (void)v;
    char *dst = stream == MPY_STDERR ? captured.err : captured.out;
    size_t *n = stream == MPY_STDERR ? &captured.nerr : &captured.nout;
    if (*n + len >= sizeof captured.out) len = sizeof captured.out - 1 - *n;
    memcpy(dst + *n, text, len);
    *n += len;
    dst[*n] = 0;
}

static void setup(void)
{
    memset(&captured, 0, sizeof captured);
    mpy_config cfg;
    mpy_config_init(&cfg);
    cfg.write = capture;
    vm = mpy_vm_new(&cfg);
    ck_assert_ptr_nonnull(vm);
}

static void teardown(void) { mpy_vm_free(vm); }

static mpy_value str(const char *s) { return mpy_from_obj(mpy_str_from_cstr(vm, s)); }

static mpy_value builtin(const char *name)
{
    mpy_value f = mpy_dict_get_cstr(vm, vm->builtins, name);
    ck_assert_msg(!mpy_is_null(f), "no builtin %s", name);
    return f;
}

/* Calls builtins.<name>(args..., **kw) with keyword names separated by
 * commas in kwnames ("" for none). */
static mpy_value callkw(const char *name, int argc, const mpy_value *args, const char *kwnames, int nkw)
{
    mpy_tuple *kw = NULL;
    if (nkw) {
        kw = mpy_tuple_new(vm, (size_t)nkw);
        char buf[128];
        strcpy(buf, kwnames);
        char *save = NULL;
        int i = 0;
        for (char *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save))
            kw->items[i++] = mpy_from_obj(mpy_str_intern_cstr(vm, t));
    }
    return mpy_call(vm, builtin(name), argc, args, kw);
}

static mpy_value call(const char *name, int argc, const mpy_value *args) { return callkw(name, argc, args, "", 0); }

/* The pending exception's "Type: message", cleared. */
static const char *error_text(void)
{
    static char buf[512];
    mpy_value e = mpy_err_fetch(vm);
    ck_assert(!mpy_is_null(e));
    mpy_value s = mpy_exc_str(vm, e);
    snprintf(buf, sizeof buf, "%s: %s", mpy_tname(vm, e), mpy_is_null(s) ? "?" : mpy_as_str(s)->data);
    return buf;
}

static const char *repr_text(mpy_value v)
{
    ck_assert(!mpy_is_null(v));
    mpy_value r = mpy_repr(vm, v);
    ck_assert(!mpy_is_null(r));
    return mpy_as_str(r)->data;
}

/* ------------------------------------------------------------- args.c */

START_TEST(test_args_parse_messages)
{
    mpy_value out[3];
    mpy_value a[3] = {mpy_from_int(1), mpy_from_int(2), mpy_from_int(3)};
    ck_assert(!mpy_args_parse(vm, "round", 3, a, NULL, "number,ndigits=", out));
    ck_assert_str_eq(error_text(), "TypeError: round() takes at most 2 arguments (3 given)");
    ck_assert(!mpy_args_parse(vm, "round", 0, a, NULL, "number,ndigits=", out));
    ck_assert_str_eq(error_text(), "TypeError: round() missing required argument 'number' (pos 1)");
    ck_assert(!mpy_args_parse(vm, "sum", 0, a, NULL, "iterable,/,start=", out));
    ck_assert_str_eq(error_text(), "TypeError: sum() takes at least 1 positional argument (0 given)");
    ck_assert(!mpy_args_parse(vm, "isclose", 3, a, NULL, "a,b,*,rel_tol=,abs_tol=", out));
    ck_assert_str_eq(error_text(), "TypeError: isclose() takes exactly 2 positional arguments (3 given)");

    mpy_tuple *kw = mpy_tuple_pack(vm, 1, mpy_from_obj(mpy_str_intern_cstr(vm, "x")));
    ck_assert(!mpy_args_parse(vm, "round", 1, a, kw, "number,ndigits=", out));
    ck_assert_str_eq(error_text(), "TypeError: 'x' is an invalid keyword argument for round()");
    kw = mpy_tuple_pack(vm, 1, mpy_from_obj(mpy_str_intern_cstr(vm, "number")));
    ck_assert(!mpy_args_parse(vm, "round", 1, a, kw, "number,ndigits=", out));
    ck_assert_str_eq(error_text(), "TypeError: argument for round() given by name ('number') and position (1)");
}
END_TEST

START_TEST(test_args_parse_fills)
{
    mpy_value out[3];
    mpy_value a[2] = {mpy_from_int(7), mpy_from_int(9)};
    mpy_tuple *kw = mpy_tuple_pack(vm, 1, mpy_from_obj(mpy_str_intern_cstr(vm, "mod")));
    ck_assert(mpy_args_parse(vm, "pow", 1, a, kw, "base,exp=,mod=", out));
    ck_assert_int_eq(mpy_as_int(out[0]), 7);
    ck_assert(mpy_is_null(out[1]));
    ck_assert_int_eq(mpy_as_int(out[2]), 9);
}
END_TEST

START_TEST(test_args_count_messages)
{
    ck_assert(!mpy_args_count(vm, "getattr", 1, NULL, 2, 3));
    ck_assert_str_eq(error_text(), "TypeError: getattr expected at least 2 arguments, got 1");
    ck_assert(!mpy_args_count(vm, "divmod", 3, NULL, 2, 2));
    ck_assert_str_eq(error_text(), "TypeError: divmod expected 2 arguments, got 3");
    ck_assert(!mpy_args_one(vm, "len", 2, NULL));
    ck_assert_str_eq(error_text(), "TypeError: len() takes exactly one argument (2 given)");
    ck_assert(!mpy_args_none(vm, "globals", 1, NULL));
    ck_assert_str_eq(error_text(), "TypeError: globals() takes no arguments (1 given)");
}
END_TEST

/* ---------------------------------------------------------- builtins */

START_TEST(test_namespace)
{
    ck_assert(mpy_is(builtin("int"), mpy_from_obj(vm->types[MPY_TYPE_INT])));
    ck_assert(mpy_is(builtin("ValueError"), mpy_from_obj(vm->exc_types[MPY_EXC_ValueError])));
    ck_assert(mpy_is(builtin("IOError"), mpy_from_obj(vm->exc_types[MPY_EXC_OSError])));
    ck_assert(mpy_is(builtin("__debug__"), MPY_TRUE));
    ck_assert_str_eq(repr_text(builtin("exit")), "Use exit() or Ctrl-D (i.e. EOF) to exit");
    ck_assert_str_eq(repr_text(builtin("__name__")), "'builtins'");
}
END_TEST

START_TEST(test_print_to_hook)
{
    mpy_value a[3] = {mpy_from_int(1), str("a"), MPY_NONE};
    ck_assert(mpy_is_none(call("print", 3, a)));
    mpy_value b[3] = {mpy_from_int(1), str("-"), str("!")};
    ck_assert(mpy_is_none(callkw("print", 1, b, "sep,end", 2)));
    mpy_value c[2] = {str("oops"), mpy_dict_get_cstr(vm, ((mpy_module *)vm->sys)->dict, "stderr")};
    ck_assert(mpy_is_none(callkw("print", 1, c, "file", 1)));
    ck_assert_str_eq(captured.out, "1 a None\n1!");
    ck_assert_str_eq(captured.err, "oops\n");
    mpy_value d[2] = {mpy_from_int(1), mpy_from_int(5)};
    ck_assert(mpy_is_null(callkw("print", 1, d, "sep", 1)));
    ck_assert_str_eq(error_text(), "TypeError: sep must be None or a string, not int");
}
END_TEST

START_TEST(test_displayhook)
{
    ck_assert(mpy_is_none(mpy_displayhook(vm, MPY_NONE)));
    ck_assert(mpy_is_none(mpy_displayhook(vm, str("x"))));
    ck_assert_str_eq(captured.out, "'x'\n");
    ck_assert_str_eq(repr_text(mpy_dict_get_cstr(vm, vm->builtins, "_")), "'x'");
}
END_TEST

START_TEST(test_sys_write_replaced_stdout)
{
    /* Any object with a write method: here a list's append stands in. */
    mpy_list *l = mpy_list_new(vm, 0);
    ck_assert(mpy_sys_write(vm, MPY_STDOUT, "direct", 6));
    ck_assert_str_eq(captured.out, "direct");
    mpy_dict *sys = ((mpy_module *)vm->sys)->dict;
    /* A None sys.stdout swallows output. */
    ck_assert(mpy_dict_set_cstr(vm, sys, "stdout", MPY_NONE));
    ck_assert(mpy_sys_write(vm, MPY_STDOUT, "lost", 4));
    ck_assert(mpy_dict_set_cstr(vm, sys, "stdout", mpy_from_obj(l)));
    ck_assert(!mpy_sys_write(vm, MPY_STDOUT, "x", 1));
    ck_assert_str_eq(error_text(), "AttributeError: 'list' object has no attribute 'write'");
    ck_assert_str_eq(captured.out, "direct");
}
END_TEST

START_TEST(test_core_functions)
{
    mpy_list *l = mpy_list_new(vm, 0);
    for (int i = 0; i < 3; i++) ck_assert(mpy_list_append(vm, l, mpy_from_int(3 - i)));
    mpy_value a = mpy_from_obj(l);
    ck_assert_int_eq(mpy_as_int(call("len", 1, &a)), 3);
    ck_assert_str_eq(repr_text(call("sorted", 1, &a)), "[1, 2, 3]");
    ck_assert_int_eq(mpy_as_int(call("max", 1, &a)), 3);
    ck_assert_int_eq(mpy_as_int(call("sum", 1, &a)), 6);
    mpy_value two[2] = {mpy_from_int(7), mpy_from_int(-2)};
    ck_assert_str_eq(repr_text(call("divmod", 2, two)), "(-4, -1)");
    mpy_value three[3] = {mpy_from_int(3), mpy_from_int(-1), mpy_from_int(7)};
    ck_assert_int_eq(mpy_as_int(call("pow", 3, three)), 5);
    mpy_value h = mpy_from_int(-255);
    ck_assert_str_eq(repr_text(call("hex", 1, &h)), "'-0xff'");
    mpy_value s = str("\xc3\xa9");
    ck_assert_int_eq(mpy_as_int(call("ord", 1, &s)), 0xe9);
    ck_assert_str_eq(repr_text(call("ascii", 1, &s)), "\"'\\\\xe9'\"");
    mpy_value e = mpy_from_obj(vm->empty_tuple);
    ck_assert(mpy_is_null(call("max", 1, &e)));
    ck_assert_str_eq(error_text(), "ValueError: max() arg is an empty sequence");
    mpy_value f = mpy_from_float(2.5);
    ck_assert_int_eq(mpy_as_int(call("round", 1, &f)), 2);
}
END_TEST

START_TEST(test_isinstance_getattr)
{
    mpy_value t = mpy_from_obj(mpy_tuple_pack(vm, 2, builtin("str"), mpy_from_obj(mpy_tuple_pack(vm, 1, builtin("int")))));
    mpy_value a[2] = {mpy_from_int(1), t};
    ck_assert(mpy_is(call("isinstance", 2, a), MPY_TRUE));
    a[1] = mpy_from_int(3);
    ck_assert(mpy_is_null(call("isinstance", 2, a)));
    ck_assert_str_eq(error_text(), "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    mpy_value g[3] = {mpy_from_int(1), str("nope"), str("dflt")};
    ck_assert_str_eq(repr_text(call("getattr", 3, g)), "'dflt'");
    ck_assert(mpy_is(call("hasattr", 2, g), MPY_FALSE));
    g[1] = mpy_from_int(5);
    ck_assert(mpy_is_null(call("getattr", 2, g)));
    ck_assert_str_eq(error_text(), "TypeError: attribute name must be string, not 'int'");
}
END_TEST

/* ------------------------------------------------------------- modules */

START_TEST(test_sys_module)
{
    mpy_dict *sys = ((mpy_module *)vm->sys)->dict;
    ck_assert_str_eq(repr_text(mpy_dict_get_cstr(vm, sys, "argv")), "['']");
    ck_assert_str_eq(repr_text(mpy_dict_get_cstr(vm, sys, "ps1")), "'>>> '");
    mpy_value vi = mpy_dict_get_cstr(vm, sys, "version_info");
    ck_assert_int_eq(mpy_as_int(mpy_getattr_cstr(vm, vi, "major")), 3);
    ck_assert_int_eq(mpy_as_int(mpy_getitem(vm, vi, mpy_from_int(1))), 11);
    mpy_value so = mpy_dict_get_cstr(vm, sys, "stdout");
    ck_assert_str_eq(repr_text(so), "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
    mpy_value n = str("h\xc3\xa9");
    ck_assert_int_eq(mpy_as_int(mpy_call_method(vm, so, "write", 1, &n)), 2);
    ck_assert_str_eq(captured.out, "h\xc3\xa9");
    mpy_value code = mpy_from_int(3);
    ck_assert(mpy_is_null(mpy_call(vm, mpy_dict_get_cstr(vm, sys, "exit"), 1, &code, NULL)));
    ck_assert(mpy_err_matches(vm, MPY_EXC_SystemExit));
    mpy_err_clear(vm);
}
END_TEST

START_TEST(test_math_module)
{
    mpy_module *m = mpy_module_math_new(vm);
    ck_assert_ptr_nonnull(m);
    mpy_value x = mpy_from_int(-1);
    ck_assert(mpy_is_null(mpy_call(vm, mpy_dict_get_cstr(vm, m->dict, "sqrt"), 1, &x, NULL)));
    ck_assert_str_eq(error_text(), "ValueError: math domain error");
    x = mpy_from_int(25);
    ck_assert_str_eq(repr_text(mpy_call(vm, mpy_dict_get_cstr(vm, m->dict, "factorial"), 1, &x, NULL)),
                     "15511210043330985984000000");
    mpy_list *l = mpy_list_new(vm, 10);
    for (int i = 0; i < 10; i++) ck_assert(mpy_list_append(vm, l, mpy_from_float(0.1)));
    x = mpy_from_obj(l);
    mpy_value s = mpy_call(vm, mpy_dict_get_cstr(vm, m->dict, "fsum"), 1, &x, NULL);
    ck_assert(mpy_is_float(s) && mpy_as_float(s) == 1.0);
    mpy_value f = mpy_from_float(-2.5);
    ck_assert_int_eq(mpy_as_int(mpy_call(vm, mpy_dict_get_cstr(vm, m->dict, "floor"), 1, &f, NULL)), -3);
}
END_TEST

START_TEST(test_time_module)
{
    mpy_module *m = mpy_module_time_new(vm);
    ck_assert_ptr_nonnull(m);
    mpy_value t = mpy_call(vm, mpy_dict_get_cstr(vm, m->dict, "time"), 0, NULL, NULL);
    ck_assert(mpy_is_float(t) && mpy_as_float(t) > 1.6e9);
    mpy_value zero = mpy_from_int(0);
    mpy_value g = mpy_call(vm, mpy_dict_get_cstr(vm, m->dict, "gmtime"), 1, &zero, NULL);
    ck_assert_str_eq(repr_text(g), "time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, "
                                   "tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0)");
    mpy_value a[2] = {str("%Y-%m-%d %H:%M"), g};
    ck_assert_str_eq(repr_text(mpy_call(vm, mpy_dict_get_cstr(vm, m->dict, "strftime"), 2, a, NULL)),
                     "'1970-01-01 00:00'");
    mpy_value neg = mpy_from_int(-1);
    ck_assert(mpy_is_null(mpy_call(vm, mpy_dict_get_cstr(vm, m->dict, "sleep"), 1, &neg, NULL)));
    ck_assert_str_eq(error_text(), "ValueError: sleep length must be non-negative");
}
END_TEST

Suite *builtins_suite(void)
{
    Suite *s = suite_create("builtins");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_args_parse_messages);
    tcase_add_test(tc, test_args_parse_fills);
    tcase_add_test(tc, test_args_count_messages);
    tcase_add_test(tc, test_namespace);
    tcase_add_test(tc, test_print_to_hook);
    tcase_add_test(tc, test_displayhook);
    tcase_add_test(tc, test_sys_write_replaced_stdout);
    tcase_add_test(tc, test_core_functions);
    tcase_add_test(tc, test_isinstance_getattr);
    tcase_add_test(tc, test_sys_module);
    tcase_add_test(tc, test_math_module);
    tcase_add_test(tc, test_time_module);
    suite_add_tcase(s, tc);
    return s;
}
