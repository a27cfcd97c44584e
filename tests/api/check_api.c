/* Tests for the embedding API (vm/vm.h, implemented in vm/api*.c), written
 * as a host would use it: this file includes nothing but vm/vm.h.  Each
 * group covers the normal path and the failure paths (bad handles and
 * arguments, exceptions in host callbacks, the memory cap, interrupts,
 * the check hook, freeing a VM with work pending). */
#include <check.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"

/* --------------------------------------------------------------- harness */

static char out[65536];   /* everything the VM wrote, both streams */
static size_t out_len;

static void capture(mpy_vm *vm, mpy_stream s, const char *text, size_t len)
{
    (void)vm;
    (void)s;
    if (out_len + len >= sizeof out) len = sizeof out - 1 - out_len;
    memcpy(out + out_len, text, len);
    out_len += len;
    out[out_len] = 0;
}

static void out_reset(void)
{
    out_len = 0;
    out[0] = 0;
}

static mpy_vm *vm;

static mpy_vm *new_vm(size_t limit)
{
    mpy_config cfg;
    mpy_config_init(&cfg);
    cfg.write = capture;
    cfg.memory_limit = limit;
    return mpy_vm_new(&cfg);
}

static void setup(void)
{
    out_reset();
    vm = new_vm(0);
    ck_assert_ptr_nonnull(vm);
}

static void teardown(void) { mpy_vm_free(vm); }

/* Runs a module in ns (0: __main__); asserts the result. */
static void run(mpy_handle ns, const char *src, mpy_result want)
{
    mpy_result r = mpy_exec_in(vm, src, strlen(src), "<test>", MPY_EXEC_FILE, ns, MPY_NO_HANDLE, NULL);
    if (r != want) {
        char text[4096];
        mpy_exception_format(vm, text, sizeof text);
        ck_abort_msg("%s: result %d, wanted %d\n%s", src, r, want, text);
    }
}

static char tbuf[4096];

/* "Type: message" of the pending exception, cleared. */
static const char *exc_text(void)
{
    char type[128], msg[2048];
    mpy_exception_type(vm, type, sizeof type);
    mpy_exception_message(vm, msg, sizeof msg);
    snprintf(tbuf, sizeof tbuf, "%s: %s", type, msg);
    mpy_clear_exception(vm);
    return tbuf;
}

/* repr() of a handle's value as C text (released). */
static const char *repr(mpy_handle h)
{
    mpy_handle r = mpy_repr_of(vm, h);
    if (!r) return exc_text();
    mpy_read_str(vm, r, tbuf, sizeof tbuf, NULL);
    mpy_handle_release(vm, r);
    return tbuf;
}

/* The value of `expr` in ns, as repr text. */
static const char *eval_repr(mpy_handle ns, const char *expr)
{
    mpy_handle v = MPY_NO_HANDLE;
    if (mpy_eval(vm, expr, ns, &v) != MPY_OK) return exc_text();
    const char *s = repr(v);
    mpy_handle_release(vm, v);
    return s;
}

/* -------------------------------------------------------- VMs, handles */

START_TEST(test_vms_are_independent)
{
    mpy_vm *other = new_vm(0);
    ck_assert_ptr_nonnull(other);
    run(MPY_NO_HANDLE, "x = 1", MPY_OK);
    mpy_result r = mpy_exec(other, "x", 1, "<o>", MPY_EXEC_FILE);
    ck_assert_int_eq(r, MPY_RUNTIME_ERROR);
    mpy_clear_exception(other);
    mpy_handle h = mpy_new_int(other, 5);
    ck_assert_uint_eq(h, 1);
    ck_assert_uint_eq(mpy_handle_count(vm), 0);
    mpy_vm_free(other);
    ck_assert_str_eq(eval_repr(MPY_NO_HANDLE, "x"), "1");
}
END_TEST

START_TEST(test_handles)
{
    ck_assert_uint_eq(mpy_handle_count(vm), 0);
    mpy_handle a = mpy_new_str(vm, "abc");
    mpy_handle b = mpy_handle_dup(vm, a);
    ck_assert(a && b && a != b);
    ck_assert_uint_eq(mpy_handle_count(vm), 2);
    mpy_handle_release(vm, a);
    mpy_handle_release(vm, a);             /* twice: ignored */
    mpy_handle_release(vm, MPY_NO_HANDLE); /* ignored */
    mpy_handle_release(vm, 999);           /* never made: ignored */
    ck_assert_uint_eq(mpy_handle_count(vm), 1);
    ck_assert_str_eq(repr(b), "'abc'");
    /* A released handle is an error, not a crash. */
    int64_t i;
    ck_assert(!mpy_read_int(vm, a, &i));
    ck_assert_str_eq(exc_text(), "SystemError: invalid or released handle 1");
    ck_assert_uint_eq(mpy_handle_dup(vm, 12345), MPY_NO_HANDLE);
    mpy_clear_exception(vm);
    ck_assert_int_eq(mpy_kind_of(vm, a), MPY_KIND_INVALID);
    ck_assert(!mpy_has_exception(vm));
    mpy_handle_release(vm, b);
    ck_assert_uint_eq(mpy_handle_count(vm), 0);
}
END_TEST

/* Handles are GC roots: values survive collections that run while the
 * host holds them (MPY_STRESS_GC collects at every safe point). */
START_TEST(test_handles_survive_gc)
{
    mpy_vm_free(vm);
    setenv("MPY_STRESS_GC", "1", 1);
    vm = new_vm(0);
    unsetenv("MPY_STRESS_GC");
    mpy_handle l = mpy_new_list(vm);
    for (int i = 0; i < 50; i++) {
        mpy_handle s = mpy_new_str(vm, "item");
        ck_assert(mpy_append(vm, l, s));
        mpy_handle_release(vm, s);
    }
    mpy_handle d = mpy_new_dict(vm);
    ck_assert(mpy_entry_set_str(vm, d, "k", "kept"));
    run(MPY_NO_HANDLE, "junk = [[i] * 10 for i in range(200)]\ndel junk", MPY_OK);
    ck_assert_int_eq(mpy_length(vm, l), 50);
    mpy_handle v = mpy_entry_get(vm, d, "k");
    ck_assert_str_eq(repr(v), "'kept'");
    mpy_handle_release(vm, v);
    mpy_handle_release(vm, l);
    mpy_handle_release(vm, d);
}
END_TEST

/* --------------------------------------------------------------- values */

START_TEST(test_values_roundtrip)
{
    int64_t i = 0;
    double d = 0;
    bool b = false;
    mpy_handle h = mpy_new_int(vm, -7);
    ck_assert(mpy_read_int(vm, h, &i) && i == -7);
    ck_assert(mpy_read_float(vm, h, &d) && d == -7.0);
    ck_assert(mpy_read_bool(vm, h, &b) && b);
    ck_assert_int_eq(mpy_kind_of(vm, h), MPY_KIND_INT);
    mpy_handle_release(vm, h);

    h = mpy_new_float(vm, 2.5);
    ck_assert(mpy_read_float(vm, h, &d) && d == 2.5);
    ck_assert(!mpy_read_int(vm, h, &i));
    ck_assert_str_eq(exc_text(), "TypeError: 'float' object cannot be interpreted as an integer");
    ck_assert_str_eq(repr(h), "2.5");
    mpy_handle_release(vm, h);

    h = mpy_new_bool(vm, true);
    ck_assert_int_eq(mpy_kind_of(vm, h), MPY_KIND_BOOL);
    ck_assert(mpy_read_int(vm, h, &i) && i == 1);
    ck_assert_str_eq(repr(h), "True");
    mpy_handle_release(vm, h);

    h = mpy_new_none(vm);
    ck_assert_int_eq(mpy_kind_of(vm, h), MPY_KIND_NONE);
    ck_assert(mpy_read_bool(vm, h, &b) && !b);
    char name[32];
    ck_assert_uint_eq(mpy_type_name_of(vm, h, name, sizeof name), 8);
    ck_assert_str_eq(name, "NoneType");
    mpy_handle_release(vm, h);

    h = mpy_new_str(vm, "h\xc3\xa9llo");
    char buf[4];
    size_t len = 0;
    ck_assert(mpy_read_str(vm, h, buf, sizeof buf, &len));
    ck_assert_uint_eq(len, 6);            /* full length, snprintf-style */
    ck_assert_str_eq(buf, "h\xc3\xa9");   /* truncated to cap - 1 bytes */
    ck_assert(!mpy_read_float(vm, h, &d));
    ck_assert_str_eq(exc_text(), "TypeError: must be real number, not str");
    mpy_handle s = mpy_str_of(vm, h);
    ck_assert_int_eq(mpy_kind_of(vm, s), MPY_KIND_STR);
    mpy_handle_release(vm, s);
    mpy_handle_release(vm, h);

    ck_assert_uint_eq(mpy_new_strn(vm, "\xff", 1), MPY_NO_HANDLE);
    ck_assert(mpy_exception_matches(vm, "UnicodeDecodeError"));
    mpy_clear_exception(vm);
    ck_assert_uint_eq(mpy_new_str(vm, NULL), MPY_NO_HANDLE);
    ck_assert(mpy_exception_matches(vm, "SystemError"));
    mpy_clear_exception(vm);

    /* An int too big for int64_t. */
    ck_assert_int_eq(mpy_eval(vm, "2 ** 70", MPY_NO_HANDLE, &h), MPY_OK);
    ck_assert(!mpy_read_int(vm, h, &i));
    ck_assert(mpy_exception_matches(vm, "OverflowError"));
    mpy_clear_exception(vm);
    ck_assert(mpy_read_float(vm, h, &d) && d == 1180591620717411303424.0);
    mpy_handle_release(vm, h);
    /* __bool__ raising propagates from mpy_read_bool. */
    run(MPY_NO_HANDLE, "class B:\n    def __bool__(self): raise ValueError('no truth')\nb = B()", MPY_OK);
    ck_assert_int_eq(mpy_eval(vm, "b", MPY_NO_HANDLE, &h), MPY_OK);
    ck_assert_int_eq(mpy_kind_of(vm, h), MPY_KIND_OTHER);
    ck_assert(!mpy_read_bool(vm, h, &b));
    ck_assert_str_eq(exc_text(), "ValueError: no truth");
    mpy_handle_release(vm, h);
    ck_assert_uint_eq(mpy_handle_count(vm), 0);
}
END_TEST

START_TEST(test_containers_and_attributes)
{
    mpy_handle l = mpy_new_list(vm);
    mpy_handle one = mpy_new_int(vm, 1), two = mpy_new_float(vm, 2.0);
    ck_assert(mpy_append(vm, l, one) && mpy_append(vm, l, two));
    ck_assert_int_eq(mpy_kind_of(vm, l), MPY_KIND_LIST);
    ck_assert_int_eq(mpy_length(vm, l), 2);
    ck_assert_str_eq(repr(l), "[1, 2.0]");
    mpy_handle zero = mpy_new_int(vm, 0);
    ck_assert(mpy_item_set(vm, l, zero, two));
    mpy_handle got = mpy_item_get(vm, l, zero);
    ck_assert_str_eq(repr(got), "2.0");
    mpy_handle_release(vm, got);
    ck_assert(mpy_item_del(vm, l, zero));
    ck_assert_str_eq(repr(l), "[2.0]");
    mpy_handle nine = mpy_new_int(vm, 9);
    ck_assert_uint_eq(mpy_item_get(vm, l, nine), MPY_NO_HANDLE);
    ck_assert_str_eq(exc_text(), "IndexError: list index out of range");
    ck_assert(!mpy_append(vm, one, two));
    ck_assert_str_eq(exc_text(), "TypeError: expected list, got int");
    ck_assert_int_eq(mpy_length(vm, one), -1);
    ck_assert_str_eq(exc_text(), "TypeError: object of type 'int' has no len()");

    mpy_handle d = mpy_new_dict(vm);
    ck_assert_int_eq(mpy_kind_of(vm, d), MPY_KIND_DICT);
    ck_assert(mpy_entry_set_none(vm, d, "n") && mpy_entry_set_bool(vm, d, "b", false) &&
              mpy_entry_set_int(vm, d, "i", 3) && mpy_entry_set_float(vm, d, "f", 0.5) &&
              mpy_entry_set_str(vm, d, "s", "t") && mpy_entry_set(vm, d, "l", l));
    ck_assert_str_eq(repr(d), "{'n': None, 'b': False, 'i': 3, 'f': 0.5, 's': 't', 'l': [2.0]}");
    ck_assert_uint_eq(mpy_entry_get(vm, d, "missing"), MPY_NO_HANDLE);
    ck_assert_str_eq(exc_text(), "KeyError: 'missing'");
    ck_assert(!mpy_entry_set(vm, one, "x", two));
    ck_assert_str_eq(exc_text(), "TypeError: 'int' object does not support item assignment");
    ck_assert(!mpy_entry_set_str(vm, d, NULL, "x"));
    ck_assert(mpy_exception_matches(vm, "SystemError"));
    mpy_clear_exception(vm);

    /* Attributes and calls, on objects made by Python code in d. */
    run(d, "class P:\n    def __init__(self, v): self.v = v\n    def get(self): return self.v\n", MPY_OK);
    mpy_handle cls = mpy_entry_get(vm, d, "P");
    ck_assert_int_eq(mpy_kind_of(vm, cls), MPY_KIND_CALLABLE);
    mpy_handle p = mpy_invoke(vm, cls, 1, &nine);
    ck_assert(p);
    mpy_handle v = mpy_attr_get(vm, p, "v");
    ck_assert_str_eq(repr(v), "9");
    mpy_handle_release(vm, v);
    ck_assert(mpy_attr_set(vm, p, "v", two));
    mpy_handle get = mpy_attr_get(vm, p, "get");
    v = mpy_invoke(vm, get, 0, NULL);
    ck_assert_str_eq(repr(v), "2.0");
    mpy_handle_release(vm, v);
    ck_assert_uint_eq(mpy_attr_get(vm, p, "nope"), MPY_NO_HANDLE);
    ck_assert_str_eq(exc_text(), "AttributeError: 'P' object has no attribute 'nope'");
    ck_assert_uint_eq(mpy_invoke(vm, cls, 0, NULL), MPY_NO_HANDLE);
    ck_assert_str_eq(exc_text(), "TypeError: P.__init__() missing 1 required positional argument: 'v'");
    ck_assert_uint_eq(mpy_invoke(vm, one, 0, NULL), MPY_NO_HANDLE);
    ck_assert_str_eq(exc_text(), "TypeError: 'int' object is not callable");
    ck_assert(!mpy_attr_set(vm, one, "x", two));
    ck_assert(mpy_exception_matches(vm, "AttributeError"));
    mpy_clear_exception(vm);

    mpy_handle main = mpy_main_namespace(vm);
    ck_assert(mpy_entry_set_int(vm, main, "from_c", 11));
    run(MPY_NO_HANDLE, "from_py = from_c * 2", MPY_OK);
    ck_assert_str_eq(eval_repr(main, "from_py"), "22");

    mpy_handle all[] = {l, one, two, zero, nine, d, cls, p, get, main};
    for (size_t k = 0; k < sizeof all / sizeof *all; k++) mpy_handle_release(vm, all[k]);
    ck_assert_uint_eq(mpy_handle_count(vm), 0);
}
END_TEST

/* ---------------------------------------------------------- running code */

START_TEST(test_exec_and_eval)
{
    mpy_handle g = mpy_new_dict(vm), l = mpy_new_dict(vm);
    ck_assert(mpy_entry_set_int(vm, g, "base", 40));
    mpy_handle r = 99;
    const char *src = "y = base + 2";
    ck_assert_int_eq(mpy_exec_in(vm, src, strlen(src), NULL, MPY_EXEC_FILE, g, l, &r), MPY_OK);
    ck_assert_str_eq(eval_repr(g, "'y' in globals()"), "False");
    mpy_handle y = mpy_entry_get(vm, l, "y");
    ck_assert_str_eq(repr(y), "42");
    mpy_handle_release(vm, y);
    /* eval mode hands the value back. */
    src = "[base] * 2";
    ck_assert_int_eq(mpy_exec_in(vm, src, strlen(src), NULL, MPY_EXEC_EVAL, g, MPY_NO_HANDLE, &r), MPY_OK);
    ck_assert_str_eq(repr(r), "[40, 40]");
    mpy_handle_release(vm, r);
    /* single mode echoes through the write hook. */
    out_reset();
    src = "base + 1";
    ck_assert_int_eq(mpy_exec_in(vm, src, strlen(src), NULL, MPY_EXEC_SINGLE, g, MPY_NO_HANDLE, NULL), MPY_OK);
    ck_assert_str_eq(out, "41\n");

    /* Failures: syntax, runtime, SystemExit, bad arguments. */
    ck_assert_int_eq(mpy_eval(vm, "1 +", g, &r), MPY_SYNTAX_ERROR);
    ck_assert_uint_eq(r, MPY_NO_HANDLE);
    ck_assert_str_eq(exc_text(), "SyntaxError: invalid syntax (<string>, line 1)");
    ck_assert_int_eq(mpy_eval(vm, "1 / 0", g, &r), MPY_RUNTIME_ERROR);
    char text[1024];
    size_t n = mpy_exception_format(vm, text, sizeof text);
    ck_assert_str_eq(text, "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n"
                           "ZeroDivisionError: division by zero\n");
    ck_assert_uint_eq(n, strlen(text));
    ck_assert_uint_eq(mpy_exception_format(vm, text, 10), n);
    ck_assert_str_eq(text, "Traceback");
    ck_assert(mpy_exception_matches(vm, "ArithmeticError"));
    ck_assert(!mpy_exception_matches(vm, "KeyError"));
    ck_assert(!mpy_exception_matches(vm, "NoSuchName"));
    out_reset();
    mpy_print_exception(vm);
    ck_assert(strstr(out, "ZeroDivisionError: division by zero\n") != NULL);
    ck_assert(!mpy_has_exception(vm));
    ck_assert_uint_eq(mpy_exception_format(vm, text, sizeof text), 0);
    ck_assert_str_eq(text, "");

    run(g, "raise SystemExit(3)", MPY_SYSTEM_EXIT);
    ck_assert_int_eq(mpy_exit_status(vm), 3);
    mpy_clear_exception(vm);
    mpy_handle one = mpy_new_int(vm, 1);
    ck_assert_int_eq(mpy_exec_in(vm, "x", 1, NULL, MPY_EXEC_FILE, one, MPY_NO_HANDLE, NULL), MPY_RUNTIME_ERROR);
    ck_assert_str_eq(exc_text(), "TypeError: mpy_exec_in: globals must be a dict, not int");
    ck_assert_int_eq(mpy_exec_in(vm, NULL, 0, NULL, MPY_EXEC_FILE, g, MPY_NO_HANDLE, NULL), MPY_RUNTIME_ERROR);
    mpy_clear_exception(vm);
    ck_assert_int_eq(mpy_eval(vm, NULL, g, &r), MPY_RUNTIME_ERROR);
    mpy_clear_exception(vm);
    mpy_handle_release(vm, one);
    mpy_handle_release(vm, g);
    mpy_handle_release(vm, l);
    ck_assert_uint_eq(mpy_handle_count(vm), 0);
}
END_TEST

START_TEST(test_exec_file)
{
    char path[] = "/tmp/mpy_api_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs("def sq(n):\n    return n * n\nresult = sq(12)\n", f);
    fclose(f);
    mpy_handle ns = mpy_new_dict(vm);
    ck_assert_int_eq(mpy_exec_file(vm, path, ns), MPY_OK);
    ck_assert_str_eq(eval_repr(ns, "result"), "144");
    ck_assert_int_eq(mpy_exec_file(vm, path, MPY_NO_HANDLE), MPY_OK);
    ck_assert_str_eq(eval_repr(MPY_NO_HANDLE, "result"), "144");
    remove(path);
    ck_assert_int_eq(mpy_exec_file(vm, path, ns), MPY_RUNTIME_ERROR);
    ck_assert(mpy_exception_matches(vm, "FileNotFoundError"));
    mpy_clear_exception(vm);
    ck_assert_int_eq(mpy_exec_file(vm, NULL, ns), MPY_RUNTIME_ERROR);
    mpy_clear_exception(vm);
    mpy_handle_release(vm, ns);
}
END_TEST

static mpy_result cc(const char *src, mpy_exec_mode mode, mpy_handle *code)
{
    return mpy_compile_command(vm, src, strlen(src), NULL, mode, code);
}

/* The seed program code_compile_command_modes.py, verdict by verdict. */
START_TEST(test_compile_command)
{
    mpy_handle code, ns = mpy_new_dict(vm);
    ck_assert_int_eq(cc("1 + 2", MPY_EXEC_EVAL, &code), MPY_OK);
    char name[32];
    mpy_type_name_of(vm, code, name, sizeof name);
    ck_assert_str_eq(name, "code");
    mpy_handle_release(vm, code);
    ck_assert_int_eq(cc("(1 +", MPY_EXEC_EVAL, &code), MPY_INCOMPLETE);
    ck_assert_uint_eq(code, MPY_NO_HANDLE);
    ck_assert_int_eq(cc("x = 1", MPY_EXEC_EVAL, &code), MPY_SYNTAX_ERROR);
    mpy_clear_exception(vm);
    ck_assert_int_eq(cc("a = 5\nb = a * 2", MPY_EXEC_FILE, &code), MPY_OK);
    ck_assert_int_eq(mpy_exec_code(vm, code, ns, MPY_NO_HANDLE), MPY_OK);
    mpy_handle_release(vm, code);
    ck_assert_str_eq(eval_repr(ns, "(a, b)"), "(5, 10)");
    ck_assert_int_eq(cc("def f():", MPY_EXEC_FILE, &code), MPY_INCOMPLETE);
    ck_assert_int_eq(cc("def f():\n    return 3\n", MPY_EXEC_FILE, &code), MPY_OK);
    ck_assert_int_eq(mpy_exec_code(vm, code, ns, MPY_NO_HANDLE), MPY_OK);
    mpy_handle_release(vm, code);
    ck_assert_str_eq(eval_repr(ns, "f()"), "3");
    out_reset();
    ck_assert_int_eq(cc("42", MPY_EXEC_SINGLE, &code), MPY_OK);
    ck_assert_int_eq(mpy_exec_code(vm, code, ns, MPY_NO_HANDLE), MPY_OK);
    ck_assert_str_eq(out, "42\n");
    /* Code objects are values: they work through the generic API too. */
    mpy_handle_release(vm, code);
    ck_assert_int_eq(cc("", MPY_EXEC_SINGLE, &code), MPY_OK);
    mpy_handle_release(vm, code);
    ck_assert_int_eq(cc("# only a comment", MPY_EXEC_SINGLE, &code), MPY_OK);
    mpy_handle_release(vm, code);
    ck_assert_int_eq(cc("", MPY_EXEC_EVAL, &code), MPY_INCOMPLETE);
    ck_assert_int_eq(cc("if True:", MPY_EXEC_SINGLE, &code), MPY_INCOMPLETE);
    ck_assert_int_eq(cc("if x:\n    pass", MPY_EXEC_SINGLE, &code), MPY_INCOMPLETE);
    ck_assert_int_eq(cc("x = )", MPY_EXEC_SINGLE, &code), MPY_SYNTAX_ERROR);
    ck_assert_str_eq(exc_text(), "SyntaxError: unmatched ')' (<input>, line 1)");
    ck_assert_int_eq(mpy_compile_command(vm, NULL, 0, NULL, MPY_EXEC_SINGLE, &code), MPY_RUNTIME_ERROR);
    mpy_clear_exception(vm);
    /* mpy_exec_code wants a code object. */
    ck_assert_int_eq(mpy_exec_code(vm, ns, ns, MPY_NO_HANDLE), MPY_RUNTIME_ERROR);
    ck_assert_str_eq(exc_text(), "TypeError: mpy_exec_code: expected a code object, got dict");
    mpy_handle_release(vm, ns);
    ck_assert_uint_eq(mpy_handle_count(vm), 0);
}
END_TEST

/* -------------------------------------------------------- host functions */

/* add(a, b, scale=1) -> (a + b) * scale; raises like a Python function. */
static mpy_handle host_add(mpy_vm *v, const mpy_args *a, void *ud)
{
    int *calls = ud;
    (*calls)++;
    if (a->argc != 2) return mpy_raise(v, "TypeError", "add() takes 2 positional arguments");
    int64_t x, y, scale = 1;
    if (!mpy_read_int(v, a->argv[0], &x) || !mpy_read_int(v, a->argv[1], &y)) return MPY_NO_HANDLE;
    for (int i = 0; i < a->nkw; i++) {
        if (strcmp(a->kwnames[i], "scale") != 0)
            return mpy_raise(v, "TypeError", "add() got an unexpected keyword argument");
        if (!mpy_read_int(v, a->kwvalues[i], &scale)) return MPY_NO_HANDLE;
    }
    return mpy_new_int(v, (x + y) * scale);
}

static mpy_handle host_broken(mpy_vm *v, const mpy_args *a, void *ud) { return MPY_NO_HANDLE; }

static mpy_handle host_identity(mpy_vm *v, const mpy_args *a, void *ud)
{
    return a->argc ? a->argv[0] : mpy_new_none(v);
}

/* Calls back into the VM: runs its argument as an expression. */
static mpy_handle host_eval(mpy_vm *v, const mpy_args *a, void *ud)
{
    char src[256];
    if (a->argc != 1 || !mpy_read_str(v, a->argv[0], src, sizeof src, NULL))
        return mpy_has_exception(v) ? MPY_NO_HANDLE : mpy_raise(v, "TypeError", "one str");
    mpy_handle r;
    if (mpy_eval(v, src, *(mpy_handle *)ud, &r) != MPY_OK) return MPY_NO_HANDLE;
    return r;
}

START_TEST(test_host_functions)
{
    int calls = 0;
    mpy_handle ns = mpy_new_dict(vm);
    mpy_handle add = mpy_new_function(vm, "add", host_add, &calls);
    mpy_handle broken = mpy_new_function(vm, "broken", host_broken, NULL);
    mpy_handle ident = mpy_new_function(vm, "ident", host_identity, NULL);
    mpy_handle ev = mpy_new_function(vm, "ev", host_eval, &ns);
    ck_assert(mpy_entry_set(vm, ns, "add", add) && mpy_entry_set(vm, ns, "broken", broken) &&
              mpy_entry_set(vm, ns, "ident", ident) && mpy_entry_set(vm, ns, "ev", ev));
    ck_assert_str_eq(eval_repr(ns, "add(2, 3)"), "5");
    ck_assert_str_eq(eval_repr(ns, "add(2, 3, scale=10)"), "50");
    ck_assert_str_eq(eval_repr(ns, "[add(i, i) for i in range(4)]"), "[0, 2, 4, 6]");
    ck_assert_str_eq(eval_repr(ns, "add"), "<built-in function add>");
    ck_assert_str_eq(eval_repr(ns, "add.__name__"), "'add'");
    ck_assert_str_eq(eval_repr(ns, "ident([1, 'a'])"), "[1, 'a']");
    ck_assert_str_eq(eval_repr(ns, "ident()"), "None");
    ck_assert_str_eq(eval_repr(ns, "ev('6 * 7')"), "42");
    ck_assert_str_eq(eval_repr(ns, "ev('ev(\"1 + 1\")')"), "2");
    /* Exceptions from host functions are Python exceptions. */
    ck_assert_str_eq(eval_repr(ns, "add(1)"), "TypeError: add() takes 2 positional arguments");
    ck_assert_str_eq(eval_repr(ns, "add('x', 1)"), "TypeError: 'str' object cannot be interpreted as an integer");
    ck_assert_str_eq(eval_repr(ns, "add(1, 2, bad=3)"), "TypeError: add() got an unexpected keyword argument");
    run(ns, "try:\n    add(1)\nexcept TypeError as e:\n    caught = str(e)\n", MPY_OK);
    ck_assert_str_eq(eval_repr(ns, "caught"), "'add() takes 2 positional arguments'");
    ck_assert_str_eq(eval_repr(ns, "broken()"),
                     "SystemError: host function broken returned no value without raising");
    ck_assert_str_eq(eval_repr(ns, "ev('1/0')"), "ZeroDivisionError: division by zero");
    ck_assert_int_eq(calls, 10);
    /* Called from C. */
    mpy_handle args[2] = {mpy_new_int(vm, 20), mpy_new_int(vm, 22)};
    mpy_handle r = mpy_invoke(vm, add, 2, args);
    ck_assert_str_eq(repr(r), "42");
    mpy_handle_release(vm, r);
    ck_assert_uint_eq(mpy_invoke(vm, add, -1, NULL), MPY_NO_HANDLE);
    mpy_clear_exception(vm);
    ck_assert_uint_eq(mpy_new_function(vm, NULL, host_add, NULL), MPY_NO_HANDLE);
    mpy_clear_exception(vm);
    /* mpy_raise with an unknown class is a SystemError. */
    ck_assert_uint_eq(mpy_raise(vm, "NotAnException", "x"), MPY_NO_HANDLE);
    ck_assert_str_eq(exc_text(), "SystemError: mpy_raise: no built-in exception class 'NotAnException'");
    mpy_raise(vm, "KeyError", NULL);
    ck_assert_str_eq(exc_text(), "KeyError: ");
    /* Only the host's own handles are left: the calls released theirs. */
    mpy_handle mine[] = {ns, add, broken, ident, ev, args[0], args[1]};
    ck_assert_uint_eq(mpy_handle_count(vm), 7);
    for (size_t k = 0; k < 7; k++) mpy_handle_release(vm, mine[k]);
}
END_TEST

/* ----------------------------------------------------------- host structs */

typedef struct app_state {
    char version[8];
    int active_users;
    int64_t big;
    double load;
    bool debug;
    const char *build;
    mpy_handle config;
} app_state;

static mpy_handle app_describe(mpy_vm *v, const mpy_args *a, void *ud)
{
    char buf[64];
    app_state *s = mpy_object_data(v, a->argv[0], NULL);
    snprintf(buf, sizeof buf, "v%s with %d users", s->version, s->active_users);
    return mpy_new_str(v, buf);
}

static const mpy_member app_members[] = {
    {"version", MPY_MEMBER_CHARS, offsetof(app_state, version), 8, false},
    {"active_users", MPY_MEMBER_INT, offsetof(app_state, active_users), 0, false},
    {"big", MPY_MEMBER_INT64, offsetof(app_state, big), 0, true},
    {"load", MPY_MEMBER_DOUBLE, offsetof(app_state, load), 0, false},
    {"debug", MPY_MEMBER_BOOL, offsetof(app_state, debug), 0, false},
    {"build", MPY_MEMBER_CSTR, offsetof(app_state, build), 0, false},
    {"config", MPY_MEMBER_HANDLE, offsetof(app_state, config), 0, false},
    {NULL, 0, 0, 0, false},
};
static const mpy_host_method app_methods[] = {{"describe", app_describe}, {NULL, NULL}};
static const mpy_class app_class = {"AppState", app_members, app_methods};
static const mpy_class other_class = {"Other", NULL, NULL};

START_TEST(test_host_objects)
{
    app_state app = {"1.0", 0, 1LL << 40, 0.25, true, "dev", MPY_NO_HANDLE};
    mpy_handle ns = mpy_new_dict(vm);
    mpy_handle st = mpy_new_object(vm, &app_class, &app);
    ck_assert(mpy_entry_set(vm, ns, "state", st));
    ck_assert_ptr_eq(mpy_object_data(vm, st, &app_class), &app);
    ck_assert_ptr_null(mpy_object_data(vm, st, &other_class));
    ck_assert_ptr_null(mpy_object_data(vm, ns, NULL));
    ck_assert(!mpy_has_exception(vm));
    ck_assert_str_eq(eval_repr(ns, "(state.version, state.active_users, state.big, state.load, state.debug)"),
                     "('1.0', 0, 1099511627776, 0.25, True)");
    ck_assert_str_eq(eval_repr(ns, "(state.build, state.config)"), "('dev', None)");
    run(ns, "state.active_users = 5\nstate.active_users += 1\nstate.load = 3\nstate.debug = False\n"
            "state.version = '2.0b'\nstate.config = {'debug': True}\n",
        MPY_OK);
    ck_assert_int_eq(app.active_users, 6);
    ck_assert(app.load == 3.0 && !app.debug);
    ck_assert_str_eq(app.version, "2.0b");
    ck_assert(app.config);
    ck_assert_str_eq(repr(app.config), "{'debug': True}");
    /* The host changes its field; Python sees it. */
    app.active_users = 100;
    ck_assert_str_eq(eval_repr(ns, "state.active_users"), "100");
    /* Rebinding an existing handle field keeps the host's handle. */
    mpy_handle before = app.config;
    run(ns, "state.config = [1]", MPY_OK);
    ck_assert_uint_eq(app.config, before);
    ck_assert_str_eq(repr(app.config), "[1]");
    ck_assert_str_eq(eval_repr(ns, "state.describe()"), "'v2.0b with 100 users'");
    /* Failure paths, with CPython's messages for member descriptors. */
    ck_assert_str_eq(eval_repr(ns, "setattr(state, 'big', 1)"), "AttributeError: readonly attribute");
    ck_assert_str_eq(eval_repr(ns, "setattr(state, 'build', 'x')"), "AttributeError: readonly attribute");
    ck_assert_str_eq(eval_repr(ns, "setattr(state, 'active_users', 'x')"),
                     "TypeError: 'str' object cannot be interpreted as an integer");
    ck_assert_str_eq(eval_repr(ns, "setattr(state, 'active_users', 2**40)"),
                     "OverflowError: Python int too large to convert to C int");
    ck_assert_str_eq(eval_repr(ns, "setattr(state, 'load', 'x')"), "TypeError: must be real number, not str");
    ck_assert_str_eq(eval_repr(ns, "setattr(state, 'debug', 1)"), "TypeError: attribute value type must be bool");
    ck_assert_str_eq(eval_repr(ns, "setattr(state, 'version', 'too long!')"),
                     "ValueError: string too long for version (at most 7 bytes)");
    ck_assert_str_eq(eval_repr(ns, "delattr(state, 'load')"), "TypeError: can't delete numeric/char attribute");
    ck_assert_str_eq(eval_repr(ns, "state.nope"), "AttributeError: 'AppState' object has no attribute 'nope'");
    ck_assert_str_eq(eval_repr(ns, "setattr(state, 'nope', 1)"),
                     "AttributeError: 'AppState' object has no attribute 'nope'");
    ck_assert_str_eq(eval_repr(ns, "type(state).__name__"), "'hostobject'");
    ck_assert_int_eq(app.active_users, 100);
    ck_assert_uint_eq(mpy_new_object(vm, NULL, &app), MPY_NO_HANDLE);
    mpy_clear_exception(vm);
    /* Detached: the struct may go away, the object stays safe. */
    mpy_object_detach(vm, st);
    ck_assert_str_eq(eval_repr(ns, "state.active_users"), "ReferenceError: the host released this AppState object");
    ck_assert_ptr_null(mpy_object_data(vm, st, &app_class));
    mpy_handle_release(vm, app.config);
    mpy_handle_release(vm, st);
    mpy_handle_release(vm, ns);
    ck_assert_uint_eq(mpy_handle_count(vm), 0);
}
END_TEST

/* ------------------------------------------------ errors, limits, control */

START_TEST(test_exception_fetch_restore)
{
    ck_assert_uint_eq(mpy_exception_fetch(vm), MPY_NO_HANDLE);
    run(MPY_NO_HANDLE, "raise ValueError('kept')", MPY_RUNTIME_ERROR);
    mpy_handle e = mpy_exception_fetch(vm);
    ck_assert(e && !mpy_has_exception(vm));
    ck_assert_str_eq(repr(e), "ValueError('kept')");
    ck_assert(mpy_exception_restore(vm, e));
    ck_assert_str_eq(exc_text(), "ValueError: kept");
    mpy_handle n = mpy_new_int(vm, 1);
    ck_assert(!mpy_exception_restore(vm, n));
    ck_assert_str_eq(exc_text(), "TypeError: exceptions must derive from BaseException, not int");
    char buf[8] = "zz";
    ck_assert_uint_eq(mpy_exception_type(vm, buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "");
    ck_assert_uint_eq(mpy_exception_message(vm, buf, sizeof buf), 0);
    mpy_handle_release(vm, e);
    mpy_handle_release(vm, n);
}
END_TEST

static char reports[2048];

static void error_hook(mpy_vm *v, mpy_error_kind kind, const char *file, int line, int col, const char *msg)
{
    size_t n = strlen(reports);
    snprintf(reports + n, sizeof reports - n, "%d %s:%d:%d %s\n", (int)kind, file ? file : "-", line, col, msg);
}

START_TEST(test_report_exception)
{
    /* Without an error hook it prints, as mpy_print_exception. */
    run(MPY_NO_HANDLE, "1/0", MPY_RUNTIME_ERROR);
    out_reset();
    mpy_report_exception(vm);
    ck_assert(strstr(out, "ZeroDivisionError: division by zero") != NULL);
    ck_assert(!mpy_has_exception(vm));
    mpy_report_exception(vm); /* nothing pending: nothing happens */

    mpy_vm_free(vm);
    mpy_config cfg;
    mpy_config_init(&cfg);
    cfg.write = capture;
    cfg.error = error_hook;
    vm = mpy_vm_new(&cfg);
    reports[0] = 0;
    const char *src = "def f(n):\n    return g(n)\ndef g(n):\n    return n / 0\nf(1)\n";
    mpy_exec_in(vm, src, strlen(src), "app.py", MPY_EXEC_FILE, MPY_NO_HANDLE, MPY_NO_HANDLE, NULL);
    out_reset();
    mpy_report_exception(vm);
    ck_assert_str_eq(out, "");
    ck_assert_str_eq(reports, "1 -:0:0 ZeroDivisionError: division by zero\n2 app.py:4:0 g\n2 app.py:2:0 f\n"
                              "2 app.py:5:0 <module>\n");
    reports[0] = 0;
    src = "x = (1 +* 2)";
    mpy_exec_in(vm, src, strlen(src), "app.py", MPY_EXEC_FILE, MPY_NO_HANDLE, MPY_NO_HANDLE, NULL);
    mpy_report_exception(vm);
    ck_assert_str_eq(reports, "0 app.py:1:9 invalid syntax\n");
    ck_assert(!mpy_has_exception(vm));
    reports[0] = 0;
    mpy_raise(vm, "KeyError", NULL);
    mpy_report_exception(vm);
    ck_assert_str_eq(reports, "1 -:0:0 KeyError\n");
}
END_TEST

START_TEST(test_memory_limit)
{
    mpy_vm_free(vm);
    vm = new_vm(6u << 20);
    ck_assert_ptr_nonnull(vm);
    mpy_handle ns = mpy_new_dict(vm);
    run(ns, "x = [0] * (10 ** 8)", MPY_NO_MEMORY);
    ck_assert(mpy_exception_matches(vm, "MemoryError"));
    mpy_clear_exception(vm);
    /* Growing bit by bit hits the cap too; Python code can catch it. */
    run(ns, "big = []\ntry:\n    while True:\n        big.append('x' * 20000)\nexcept MemoryError:\n    ok = 1\n"
            "n = len(big) > 100\ndel big\n",
        MPY_OK);
    ck_assert_str_eq(eval_repr(ns, "(ok, n)"), "(1, True)");
    /* The VM is still usable (the entry points collect first when the
     * heap is near the cap; mpy_vm_collect does it on demand). */
    ck_assert_uint_gt(mpy_vm_collect(vm), 0);
    run(ns, "big = [0] * 1000", MPY_OK);
    ck_assert_str_eq(eval_repr(ns, "sum(range(100))"), "4950");
    mpy_handle_release(vm, ns);
}
END_TEST

static mpy_handle host_interrupt(mpy_vm *v, const mpy_args *a, void *ud)
{
    mpy_vm_interrupt(v);
    return mpy_new_none(v);
}

START_TEST(test_interrupt)
{
    mpy_handle ns = mpy_new_dict(vm);
    mpy_handle f = mpy_new_function(vm, "ctrl_c", host_interrupt, NULL);
    ck_assert(mpy_entry_set(vm, ns, "ctrl_c", f));
    run(ns, "ctrl_c()\nwhile True:\n    pass\n", MPY_RUNTIME_ERROR);
    ck_assert(mpy_exception_matches(vm, "KeyboardInterrupt"));
    mpy_clear_exception(vm);
    run(ns, "try:\n    ctrl_c()\n    while True: pass\nexcept KeyboardInterrupt:\n    seen = True\n", MPY_OK);
    ck_assert_str_eq(eval_repr(ns, "seen"), "True");
    mpy_handle_release(vm, f);
    mpy_handle_release(vm, ns);
}
END_TEST

typedef struct budget {
    long left;
    long calls;
    const char *raise;
} budget;

static bool check_budget(mpy_vm *v, void *ud)
{
    budget *b = ud;
    b->calls++;
    if (b->left-- > 0) return true;
    if (b->raise) mpy_raise(v, b->raise, "budget exhausted");
    return false;
}

START_TEST(test_check_hook)
{
    budget b = {1000, 0, NULL};
    mpy_vm_set_check_hook(vm, check_budget, &b);
    run(MPY_NO_HANDLE, "n = 0\nwhile True:\n    n += 1\n", MPY_RUNTIME_ERROR);
    ck_assert_str_eq(exc_text(), "KeyboardInterrupt: stopped by the host");
    ck_assert_int_eq(b.calls, 1001);
    /* A script that catches everything is stopped again at its next
     * safe point. */
    b.left = 100;
    b.raise = "RuntimeError";
    run(MPY_NO_HANDLE, "while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass\n",
        MPY_RUNTIME_ERROR);
    ck_assert_str_eq(exc_text(), "RuntimeError: budget exhausted");
    /* Without the hook, code runs to the end. */
    mpy_vm_set_check_hook(vm, NULL, NULL);
    run(MPY_NO_HANDLE, "t = 0\nfor i in range(5000):\n    t += i\n", MPY_OK);
    ck_assert_str_eq(eval_repr(MPY_NO_HANDLE, "t"), "12497500");
    /* Interrupts still work with a hook installed. */
    b.left = 1L << 40;
    mpy_vm_set_check_hook(vm, check_budget, &b);
    mpy_handle f = mpy_new_function(vm, "ctrl_c", host_interrupt, NULL);
    mpy_handle main = mpy_main_namespace(vm);
    ck_assert(mpy_entry_set(vm, main, "ctrl_c", f));
    run(MPY_NO_HANDLE, "ctrl_c()\nwhile True: pass\n", MPY_RUNTIME_ERROR);
    ck_assert_str_eq(exc_text(), "KeyboardInterrupt: ");
    mpy_vm_set_check_hook(vm, NULL, NULL);
    mpy_handle_release(vm, f);
    mpy_handle_release(vm, main);
}
END_TEST

/* Freeing a VM with everything still pending: handles, an exception, a
 * hook, a console with buffered lines (freed first, as documented). */
START_TEST(test_free_with_work_pending)
{
    mpy_vm *v = new_vm(0);
    mpy_handle l = mpy_new_list(v);
    for (int i = 0; i < 100; i++) {
        mpy_handle s = mpy_new_str(v, "pending");
        ck_assert(mpy_append(v, l, s));
    }
    mpy_repl *r = mpy_repl_new(v, MPY_NO_HANDLE, NULL, NULL);
    ck_assert_int_eq(mpy_repl_push(r, "def f():"), MPY_INCOMPLETE);
    mpy_exec(v, "1/0", 3, "<x>", MPY_EXEC_FILE);
    ck_assert(mpy_has_exception(v));
    budget b = {10, 0, NULL};
    mpy_vm_set_check_hook(v, check_budget, &b);
    mpy_repl_free(r);
    mpy_vm_free(v);
    mpy_vm_free(NULL);
}
END_TEST

/* -------------------------------------------------------------- console */

typedef struct session {
    const char *const *lines;
    int next;
    char out[8192];
    size_t len;
    int tracebacks;
    int runcodes;
} session;

static void session_add(session *s, const char *text, size_t len)
{
    if (s->len + len >= sizeof s->out) len = sizeof s->out - 1 - s->len;
    memcpy(s->out + s->len, text, len);
    s->len += len;
    s->out[s->len] = 0;
}

static void s_write(mpy_repl *r, const char *text, size_t len, void *ud) { session_add(ud, text, len); }

/* ScriptedConsole.raw_input: echo the prompt and the line; EOFError at
 * the end; a line "^C" stands for Ctrl-C. */
static const char *s_raw_input(mpy_repl *r, const char *prompt, size_t *len, void *ud)
{
    session *s = ud;
    const char *line = s->lines[s->next];
    if (!line) {
        mpy_raise(mpy_repl_vm(r), "EOFError", NULL);
        return NULL;
    }
    s->next++;
    if (!strcmp(line, "^E")) {
        mpy_raise(mpy_repl_vm(r), "RuntimeError", "input device failed");
        return NULL;
    }
    if (!strcmp(line, "^C")) {
        mpy_raise(mpy_repl_vm(r), "KeyboardInterrupt", NULL);
        return NULL;
    }
    session_add(s, prompt, strlen(prompt));
    session_add(s, line, strlen(line));
    session_add(s, "\n", 1);
    *len = strlen(line);
    return line;
}

static void s_showtraceback(mpy_repl *r, void *ud)
{
    ((session *)ud)->tracebacks++;
    mpy_repl_default_showtraceback(r);
}

static mpy_result s_runcode(mpy_repl *r, mpy_handle code, void *ud)
{
    ((session *)ud)->runcodes++;
    return mpy_repl_default_runcode(r, code);
}

/* The seed program code_raw_input_interact.py. */
START_TEST(test_repl_scripted_interact)
{
    static const char *const lines[] = {"total = 0", "for i in range(4):", "    total += i", "", "total",
                                        "total / 0", "'done'", NULL};
    session s = {lines, 0, "", 0, 0, 0};
    mpy_repl_hooks hooks = {s_write, s_raw_input, s_showtraceback, NULL, s_runcode, &s};
    mpy_handle ns = mpy_new_dict(vm);
    mpy_repl *r = mpy_repl_new(vm, ns, NULL, &hooks);
    ck_assert_ptr_nonnull(r);
    out_reset();
    ck_assert_int_eq(mpy_repl_interact(r, "-- scripted --", "-- bye --"), MPY_OK);
    /* Echoed values go to sys.stdout (here: `out`), the rest to write(). */
    ck_assert_str_eq(s.out, "-- scripted --\n>>> total = 0\n>>> for i in range(4):\n...     total += i\n... \n"
                            ">>> total\n>>> total / 0\nTraceback (most recent call last):\n"
                            "  File \"<console>\", line 1, in <module>\nZeroDivisionError: division by zero\n"
                            ">>> 'done'\n\n-- bye --\n");
    ck_assert_str_eq(out, "6\n'done'\n");
    ck_assert_int_eq(s.tracebacks, 1);
    ck_assert_int_eq(s.runcodes, 5);
    ck_assert_str_eq(eval_repr(ns, "total"), "6");
    mpy_repl_free(r);
    mpy_handle_release(vm, ns);
}
END_TEST

/* The seed program code_runsource_bool.py (Recorder overrides write). */
START_TEST(test_repl_runsource)
{
    session s = {NULL, 0, "", 0, 0, 0};
    mpy_repl_hooks hooks = {.write = s_write, .user_data = &s};
    mpy_repl *r = mpy_repl_new(vm, MPY_NO_HANDLE, NULL, &hooks);
    out_reset();
    ck_assert_int_eq(mpy_repl_runsource(r, "x = 6", NULL, MPY_EXEC_SINGLE), MPY_OK);
    ck_assert_int_eq(mpy_repl_runsource(r, "x * 7", NULL, MPY_EXEC_SINGLE), MPY_OK);
    ck_assert_str_eq(out, "42\n");
    ck_assert_int_eq(mpy_repl_runsource(r, "if x:", NULL, MPY_EXEC_SINGLE), MPY_INCOMPLETE);
    ck_assert_int_eq(mpy_repl_runsource(r, "if x:\n    print('yes')\n", NULL, MPY_EXEC_SINGLE), MPY_OK);
    ck_assert_int_eq(mpy_repl_runsource(r, "(1,", NULL, MPY_EXEC_SINGLE), MPY_INCOMPLETE);
    ck_assert_str_eq(s.out, "");
    ck_assert_int_eq(mpy_repl_runsource(r, "x +* 1", NULL, MPY_EXEC_SINGLE), MPY_OK);
    ck_assert_str_eq(s.out, "  File \"<input>\", line 1\n    x +* 1\n       ^\nSyntaxError: invalid syntax\n");
    s.len = 0;
    ck_assert_int_eq(mpy_repl_runsource(r, "1 / 0", NULL, MPY_EXEC_SINGLE), MPY_OK);
    ck_assert_str_eq(s.out, "Traceback (most recent call last):\n  File \"<input>\", line 1, in <module>\n"
                            "ZeroDivisionError: division by zero\n");
    ck_assert(!mpy_has_exception(vm));
    /* sys.last_value is set, as code.py does. */
    ck_assert_int_eq(mpy_repl_runsource(r, "import sys; e = sys.last_value", NULL, MPY_EXEC_SINGLE), MPY_OK);
    mpy_handle ns = mpy_repl_namespace(r);
    ck_assert_str_eq(eval_repr(ns, "type(e).__name__"), "'ZeroDivisionError'");
    ck_assert_str_eq(eval_repr(ns, "__name__"), "'__console__'");
    /* SystemExit is not reported: it comes back to the host. */
    ck_assert_int_eq(mpy_repl_runsource(r, "raise SystemExit(4)", NULL, MPY_EXEC_SINGLE), MPY_SYSTEM_EXIT);
    ck_assert_int_eq(mpy_exit_status(vm), 4);
    mpy_clear_exception(vm);
    /* Calling the methods directly. */
    s.len = 0;
    mpy_repl_write(r, "abc", 3);
    ck_assert_str_eq(s.out, "abc");
    mpy_raise(vm, "ValueError", "direct");
    mpy_repl_showtraceback(r);
    ck_assert_str_eq(s.out, "abcValueError: direct\n");
    ck_assert(!mpy_has_exception(vm));
    mpy_repl_showtraceback(r); /* nothing pending: nothing shown */
    mpy_repl_showsyntaxerror(r, "<x>");
    ck_assert_str_eq(s.out, "abcValueError: direct\n");
    mpy_handle code;
    ck_assert_int_eq(mpy_compile_command(vm, "y = 5", 5, NULL, MPY_EXEC_SINGLE, &code), MPY_OK);
    ck_assert_int_eq(mpy_repl_runcode(r, code), MPY_OK);
    mpy_handle_release(vm, code);
    ck_assert_str_eq(eval_repr(ns, "y"), "5");
    mpy_handle_release(vm, ns);
    mpy_repl_free(r);
    ck_assert_uint_eq(mpy_handle_count(vm), 0);
}
END_TEST

/* The seed program code_push_returns.py. */
START_TEST(test_repl_push)
{
    static const char *const lines[] = {
        "def area(w, h):", "    if w < 0:", "        return 0", "    return w * h", "", "area(6, 7)",
        "nums = [1,", "        2]", "nums", "for n in nums:", "    print('n =', n)", "", NULL};
    static const bool more[] = {true, true, true, true, false, false, true, false, false, true, true, false};
    mpy_repl *r = mpy_repl_new(vm, MPY_NO_HANDLE, NULL, NULL);
    out_reset();
    for (int i = 0; lines[i]; i++)
        ck_assert_msg((mpy_repl_push(r, lines[i]) == MPY_INCOMPLETE) == more[i], "line %d", i);
    ck_assert_str_eq(out, "42\n[1, 2]\nn = 1\nn = 2\n");
    mpy_handle ns = mpy_repl_namespace(r);
    ck_assert_str_eq(eval_repr(ns, "sorted(k for k in globals() if not k.startswith('__'))"),
                     "['area', 'n', 'nums']");
    /* resetbuffer drops a half-typed statement. */
    ck_assert_int_eq(mpy_repl_push(r, "if True:"), MPY_INCOMPLETE);
    mpy_repl_resetbuffer(r);
    ck_assert_int_eq(mpy_repl_push(r, "z = 1"), MPY_OK);
    /* A bad namespace. */
    mpy_handle one = mpy_new_int(vm, 1);
    ck_assert_ptr_null(mpy_repl_new(vm, one, NULL, NULL));
    ck_assert_str_eq(exc_text(), "TypeError: mpy_repl_new: the namespace must be a dict, not int");
    mpy_handle_release(vm, one);
    mpy_handle_release(vm, ns);
    mpy_repl_free(r);
    mpy_repl_free(NULL);
}
END_TEST

START_TEST(test_repl_interrupt_and_exit)
{
    static const char *const lines[] = {"for i in range(3):", "^C", "x = 1", "raise SystemExit(7)", "never", NULL};
    session s = {lines, 0, "", 0, 0, 0};
    mpy_repl_hooks hooks = {.write = s_write, .raw_input = s_raw_input, .user_data = &s};
    mpy_repl *r = mpy_repl_new(vm, MPY_NO_HANDLE, "<app>", &hooks);
    ck_assert_int_eq(mpy_repl_interact(r, "", NULL), MPY_SYSTEM_EXIT);
    ck_assert_int_eq(mpy_exit_status(vm), 7);
    mpy_clear_exception(vm);
    ck_assert_str_eq(s.out, ">>> for i in range(3):\n\nKeyboardInterrupt\n>>> x = 1\n>>> raise SystemExit(7)\n");
    /* Default banner and exit message. */
    static const char *const none[] = {NULL};
    session t = {none, 0, "", 0, 0, 0};
    hooks.user_data = &t;
    mpy_repl *r2 = mpy_repl_new(vm, MPY_NO_HANDLE, NULL, &hooks);
    ck_assert_int_eq(mpy_repl_interact(r2, NULL, NULL), MPY_OK);
    ck_assert(strncmp(t.out, "Python 3.11", 11) == 0);
    ck_assert(strstr(t.out, "\n(InteractiveConsole)\n\nnow exiting InteractiveConsole...\n") != NULL);
    mpy_repl_free(r2);
    /* An exception from a host hook ends interact() and comes back. */
    static const char *const failing[] = {"x = 2", "^E", "never", NULL};
    session u = {failing, 0, "", 0, 0, 0};
    hooks.user_data = &u;
    mpy_repl *r3 = mpy_repl_new(vm, MPY_NO_HANDLE, NULL, &hooks);
    ck_assert_int_eq(mpy_repl_interact(r3, "", ""), MPY_RUNTIME_ERROR);
    ck_assert_str_eq(exc_text(), "RuntimeError: input device failed");
    ck_assert_str_eq(u.out, ">>> x = 2\n");
    mpy_repl_free(r3);
    mpy_repl_free(r);
}
END_TEST

/* mpy_interact reads through the VM's read_line hook, like input(). */
static const char *const *feed;
static const char *feed_line(mpy_vm *v, const char *prompt, size_t *len)
{
    capture(v, MPY_STDOUT, prompt, strlen(prompt));
    if (!*feed) return NULL;
    *len = strlen(*feed);
    return *feed++;
}

/* Replaces the fixture's VM with one whose read_line hook reads lines. */
static void vm_reading(const char *const *lines)
{
    feed = lines;
    mpy_vm_free(vm);
    mpy_config cfg;
    mpy_config_init(&cfg);
    cfg.write = capture;
    cfg.read_line = feed_line;
    vm = mpy_vm_new(&cfg);
    ck_assert_ptr_nonnull(vm);
}

START_TEST(test_interact_one_call)
{
    static const char *const lines[] = {"x", "msg", NULL};
    vm_reading(lines);
    mpy_handle ns = mpy_new_dict(vm);
    ck_assert(mpy_entry_set_int(vm, ns, "x", 42) && mpy_entry_set_str(vm, ns, "msg", "Hello"));
    out_reset();
    ck_assert_int_eq(mpy_interact(vm, "App Console", ns, "Goodbye!"), MPY_OK);
    ck_assert_str_eq(out, "App Console\n>>> 42\n>>> 'Hello'\n>>> \nGoodbye!\n");
    mpy_handle one = mpy_new_int(vm, 1);
    ck_assert_int_eq(mpy_interact(vm, "", one, ""), MPY_RUNTIME_ERROR);
    mpy_clear_exception(vm);
    mpy_handle_release(vm, one);
    mpy_handle_release(vm, ns);
}
END_TEST

/* A host allocator that counts live bytes and can be made to fail. */
typedef struct heap {
    long live;
    long calls;
    bool fail;
} heap;

static void *host_realloc(void *ud, void *p, size_t old, size_t size)
{
    heap *h = ud;
    h->calls++;
    if (size == 0) {
        h->live -= (long)old;
        free(p);
        return NULL;
    }
    if (h->fail && size > old) return NULL;
    void *q = realloc(p, size);
    if (q) h->live += (long)size - (long)old;
    return q;
}

START_TEST(test_host_allocator)
{
    heap h = {0, 0, false};
    mpy_config cfg;
    mpy_config_init(&cfg);
    cfg.realloc = host_realloc;
    cfg.user_data = &h;
    cfg.write = capture;
    mpy_vm *v = mpy_vm_new(&cfg);
    ck_assert_ptr_nonnull(v);
    ck_assert_int_gt(h.live, 0);
    mpy_handle ns = mpy_new_dict(v);
    mpy_repl *r = mpy_repl_new(v, ns, NULL, NULL);
    ck_assert_int_eq(mpy_repl_push(r, "data = [str(i) for i in range(1000)]"), MPY_OK);
    /* The allocator failing is a MemoryError, and the VM survives it. */
    h.fail = true;
    const char *src = "more = [0] * 100000";
    ck_assert_int_eq(mpy_exec_in(v, src, strlen(src), NULL, MPY_EXEC_FILE, ns, MPY_NO_HANDLE, NULL), MPY_NO_MEMORY);
    /* Small objects may still come from the VM's pool of freed cells; a
     * large block cannot. */
    src = "big = ' ' * 10000000";
    ck_assert_int_eq(mpy_exec_in(v, src, strlen(src), NULL, MPY_EXEC_FILE, ns, MPY_NO_HANDLE, NULL), MPY_NO_MEMORY);
    mpy_clear_exception(v);
    h.fail = false;
    mpy_handle n;
    ck_assert_int_eq(mpy_eval(v, "len(data)", ns, &n), MPY_OK);
    int64_t len = 0;
    ck_assert(mpy_read_int(v, n, &len) && len == 1000);
    mpy_repl_free(r);
    mpy_vm_free(v);
    /* Everything went through the host's allocator and came back. */
    ck_assert_int_eq(h.live, 0);
    /* A VM that cannot even be made is NULL, not a crash. */
    h.fail = true;
    ck_assert_ptr_null(mpy_vm_new(&cfg));
    ck_assert_int_eq(h.live, 0);
}
END_TEST

/* The first part of the API (VM, mpy_exec, the minimal console). */
START_TEST(test_vm_and_minimal_console)
{
    int tag = 5;
    mpy_config cfg;
    mpy_config_init(&cfg);
    cfg.write = capture;
    cfg.user_data = &tag;
    mpy_vm *v = mpy_vm_new(&cfg);
    ck_assert_ptr_eq(mpy_vm_user_data(v), &tag);
    ck_assert(strncmp(mpy_version(), "3.11", 4) == 0);
    mpy_set_path0(v, "/nonexistent");
    out_reset();
    ck_assert_int_eq(mpy_exec(v, "import sys\nprint(sys.path[0])", 29, "<t>", MPY_EXEC_FILE), MPY_OK);
    ck_assert_str_eq(out, "/nonexistent\n");
    out_reset();
    ck_assert_int_eq(mpy_dis(v, "x = 1", 5, "<dis>"), MPY_OK);
    ck_assert(out_len > 0);
    ck_assert_str_eq(mpy_prompt(v, false), ">>> ");
    ck_assert_str_eq(mpy_prompt(v, true), "... ");
    mpy_console *c = mpy_console_new(v, "<stdin>");
    ck_assert_int_eq(mpy_console_push(c, "if 1:", 5), MPY_INCOMPLETE);
    mpy_console_reset(c);
    out_reset();
    ck_assert_int_eq(mpy_console_push(c, "6 * 7", 5), MPY_OK);
    ck_assert_str_eq(out, "42\n");
    ck_assert_int_eq(mpy_console_push(c, "1/0", 3), MPY_RUNTIME_ERROR);
    mpy_clear_exception(v);
    mpy_console_free(c);
    mpy_vm_free(v);
}
END_TEST

/* The default raw_input reads through input() and so the read_line hook;
 * the default write goes to sys.stderr. */
START_TEST(test_repl_default_methods)
{
    static const char *const lines[] = {"typed", NULL};
    vm_reading(lines);
    mpy_repl *r = mpy_repl_new(vm, MPY_NO_HANDLE, NULL, NULL);
    out_reset();
    size_t len = 0;
    const char *line = mpy_repl_raw_input(r, "in> ", &len);
    ck_assert_str_eq(line, "typed");
    ck_assert_uint_eq(len, 5);
    ck_assert_str_eq(out, "in> ");
    ck_assert_ptr_null(mpy_repl_default_raw_input(r, "", &len));
    ck_assert(mpy_exception_matches(vm, "EOFError"));
    mpy_clear_exception(vm);
    out_reset();
    mpy_repl_default_write(r, "to stderr", 9);
    ck_assert_str_eq(out, "to stderr");
    /* A replaced sys.stderr gets the console's writes. */
    mpy_handle ns = mpy_repl_namespace(r);
    run(ns, "import sys\nclass W:\n    def write(self, s): seen.append(s)\nseen = []\nsys.stderr = W()\n", MPY_OK);
    ck_assert_int_eq(mpy_repl_runsource(r, "1/0", NULL, MPY_EXEC_SINGLE), MPY_OK);
    ck_assert_str_eq(eval_repr(ns, "seen[-1].splitlines()[-1]"), "'ZeroDivisionError: division by zero'");
    /* ...while mpy_exception_format still formats into the host's buffer
     * (and writes nothing to the replaced stream). */
    run(ns, "n = len(seen)\n1/0", MPY_RUNTIME_ERROR);
    char text[512];
    mpy_exception_format(vm, text, sizeof text);
    ck_assert_str_eq(text, "Traceback (most recent call last):\n  File \"<test>\", line 2, in <module>\n"
                           "ZeroDivisionError: division by zero\n");
    mpy_clear_exception(vm);
    ck_assert_str_eq(eval_repr(ns, "len(seen) == n and type(sys.stderr).__name__"), "'W'");
    run(ns, "sys.stderr = sys.__stderr__", MPY_OK);
    mpy_handle_release(vm, ns);
    mpy_repl_free(r);
}
END_TEST

Suite *api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("api");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_vms_are_independent);
    tcase_add_test(tc, test_handles);
    tcase_add_test(tc, test_handles_survive_gc);
    tcase_add_test(tc, test_values_roundtrip);
    tcase_add_test(tc, test_containers_and_attributes);
    tcase_add_test(tc, test_exec_and_eval);
    tcase_add_test(tc, test_exec_file);
    tcase_add_test(tc, test_compile_command);
    tcase_add_test(tc, test_host_functions);
    tcase_add_test(tc, test_host_objects);
    tcase_add_test(tc, test_exception_fetch_restore);
    tcase_add_test(tc, test_report_exception);
    tcase_add_test(tc, test_memory_limit);
    tcase_add_test(tc, test_interrupt);
    tcase_add_test(tc, test_check_hook);
    tcase_add_test(tc, test_free_with_work_pending);
    tcase_add_test(tc, test_repl_scripted_interact);
    tcase_add_test(tc, test_repl_runsource);
    tcase_add_test(tc, test_repl_push);
    tcase_add_test(tc, test_repl_interrupt_and_exit);
    tcase_add_test(tc, test_interact_one_call);
    tcase_add_test(tc, test_vm_and_minimal_console);
    tcase_add_test(tc, test_host_allocator);
    tcase_add_test(tc, test_repl_default_methods);
    suite_add_tcase(s, tc);
    return s;
}
