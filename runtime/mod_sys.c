/* The sys module, and the default standard streams.
 *
 * sys.stdout, sys.stderr and sys.stdin start as instances of a small
 * native type (shown as _io.TextIOWrapper, like CPython's) whose write
 * goes to the VM's write hook and whose readline reads through the
 * read_line hook.  User code may rebind sys.stdout to any object with a
 * write method; every writer in the runtime (print, the display hook,
 * tracebacks via mpy_sys_write) looks the current object up each time.
 * The originals stay reachable as sys.__stdout__ etc.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/state.h"
#include "vm/errors.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/builtins_internal.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/str.h"
#include "runtime/structseq.h"
#include "runtime/tuple.h"
#include "runtime/type.h"


/* ------------------------------------------------------ the raw hooks */

void mpy_sys_hook_write(mpy_vm *vm, int stream, const char *text, size_t len)
{
    if (vm->config.write) {
        vm->config.write(vm, (mpy_stream)stream, text, len);
        return;
    }
    FILE *f = stream == MPY_STDERR ? stderr : stdout;
    fwrite(text, 1, len, f);
    /* stderr is unbuffered in CPython; keep stdout ordered before it. */
    if (stream == MPY_STDERR) fflush(stderr);
}

mpy_value mpy_sys_read_line(mpy_vm *vm, const char *prompt)
{
    mpy_str *s;
    if (vm->config.read_line) {
        size_t len;
        const char *line = vm->config.read_line(vm, prompt, &len);
        if (!line) return MPY_NONE;
        s = mpy_str_new(vm, line, len);
    } else {
        if (*prompt) mpy_sys_hook_write(vm, MPY_STDOUT, prompt, strlen(prompt));
        fflush(stdout);
        char *buf = NULL;
        size_t cap = 0;
        ssize_t n = getline(&buf, &cap, stdin);
        if (n < 0) {
            free(buf);
            return MPY_NONE;
        }
        if (n > 0 && buf[n - 1] == '\n') n--;
        s = mpy_str_new(vm, buf, (size_t)n);
        free(buf);
    }
    return s ? mpy_from_obj(s) : MPY_NULL;
}

/* --------------------------------------------------------- stream type */

typedef struct stream {
    mpy_obj hdr;
    int fd; /* 0 stdin, MPY_STDOUT, MPY_STDERR */
} stream;

static const char *const stream_names[] = {"<stdin>", "<stdout>", "<stderr>"};

static mpy_value stream_repr(mpy_vm *vm, mpy_value self)
{
    stream *s = (stream *)self.u.o;
    mpy_str *r = mpy_str_printf(vm, "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>",
                                stream_names[s->fd], s->fd ? "w" : "r");
    return r ? mpy_from_obj(r) : MPY_NULL;
}

int mpy_sys_stream_of(mpy_vm *vm, mpy_value obj)
{
    if (!mpy_is_obj(obj) || obj.u.o->type->slots.repr != stream_repr) return -1;
    return ((stream *)obj.u.o)->fd;
}

static mpy_value stream_write(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "TextIOWrapper.write", argc - 1, kw)) return MPY_NULL;
    stream *s = (stream *)args[0].u.o;
    if (!mpy_is_sub(vm, args[1], MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "write() argument must be str, not %s", mpy_tname(vm, args[1]));
    if (s->fd == 0) return mpy_err_fmt_v(vm, MPY_EXC_OSError, "not writable");
    mpy_str *t = mpy_as_str(args[1]);
    mpy_sys_hook_write(vm, s->fd, t->data, t->len);
    return mpy_from_int((int64_t)t->cplen);
}

static mpy_value stream_flush(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "TextIOWrapper.flush", argc - 1, kw)) return MPY_NULL;
    if (!vm->config.write) fflush(((stream *)args[0].u.o)->fd == MPY_STDERR ? stderr : stdout);
    return MPY_NONE;
}

/* One line of stdin with its newline kept ("" at end of input), as
 * TextIOWrapper.readline gives it.  Without a read_line hook the C stdin
 * is read directly (input() shares its buffer), so a last line without
 * a newline stays without one; through the hook, lines come stripped
 * and get a newline back. */
static mpy_value stdin_line(mpy_vm *vm)
{
    if (vm->config.read_line) {
        mpy_value line = mpy_sys_read_line(vm, "");
        if (mpy_is_null(line)) return line;
        if (mpy_is_none(line)) return mpy_from_obj(vm->empty_str);
        mpy_str *nl = mpy_str_from_cstr(vm, "\n");
        mpy_str *r = nl ? mpy_str_concat(vm, mpy_as_str(line), nl) : NULL;
        return r ? mpy_from_obj(r) : MPY_NULL;
    }
    fflush(stdout);
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n = getline(&buf, &cap, stdin);
    mpy_str *s = n < 0 ? vm->empty_str : mpy_str_new(vm, buf, (size_t)n);
    free(buf);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static bool check_readable(mpy_vm *vm, mpy_value self)
{
    if (((stream *)self.u.o)->fd != 0) return mpy_err_msg(vm, MPY_EXC_OSError, "not readable");
    return true;
}

static mpy_value stream_readline(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "readline", argc - 1, kw, 0, 1)) return MPY_NULL;
    if (!check_readable(vm, args[0])) return MPY_NULL;
    return stdin_line(vm);
}

/* All remaining lines of stdin, as a list (readlines) or one str (read). */
static mpy_list *stdin_lines(mpy_vm *vm)
{
    mpy_list *l = mpy_list_new(vm, 0);
    for (;;) {
        if (!l) return NULL;
        mpy_value line = stdin_line(vm);
        if (mpy_is_null(line)) return NULL;
        if (mpy_as_str(line)->len == 0) return l;
        if (!mpy_list_append(vm, l, line)) return NULL;
    }
}

static mpy_value stream_read(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "read", argc - 1, kw, 0, 1)) return MPY_NULL;
    if (!check_readable(vm, args[0])) return MPY_NULL;
    int64_t size = -1;
    if (argc == 2 && !mpy_is_none(args[1]) && !mpy_index(vm, args[1], &size)) return MPY_NULL;
    /* Reading a given number of characters would need a character
     * buffer in front of the line reader; say so rather than misread. */
    if (size >= 0) return mpy_err_fmt_v(vm, MPY_EXC_NotImplementedError, "sys.stdin.read(size) is not supported");
    mpy_list *l = stdin_lines(vm);
    if (!l) return MPY_NULL;
    return mpy_call_method(vm, mpy_from_obj(vm->empty_str), "join", 1, (mpy_value[]){mpy_from_obj(l)});
}

static mpy_value stream_readlines(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "readlines", argc - 1, kw, 0, 1)) return MPY_NULL;
    if (!check_readable(vm, args[0])) return MPY_NULL;
    mpy_list *l = stdin_lines(vm);
    return l ? mpy_from_obj(l) : MPY_NULL;
}

/* `for line in sys.stdin`: the stream is its own iterator. */
static mpy_value stream_iter(mpy_vm *vm, mpy_value self)
{
    return check_readable(vm, self) ? self : MPY_NULL;
}

static mpy_value stream_next(mpy_vm *vm, mpy_value self)
{
    if (!check_readable(vm, self)) return MPY_NULL;
    mpy_value line = stdin_line(vm);
    if (mpy_is_null(line) || mpy_as_str(line)->len == 0) return MPY_NULL; /* exhausted: no exception */
    return line;
}

static mpy_value stream_writelines(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "writelines", argc - 1, kw)) return MPY_NULL;
    mpy_value it = mpy_iter(vm, args[1]);
    if (mpy_is_null(it)) return it;
    for (;;) {
        mpy_value v = mpy_next(vm, it);
        if (mpy_is_null(v)) return mpy_err_occurred(vm) ? MPY_NULL : MPY_NONE;
        mpy_value a[2] = {args[0], v};
        if (mpy_is_null(stream_write(vm, 2, a, NULL))) return MPY_NULL;
    }
}

static mpy_value stream_isatty(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "TextIOWrapper.isatty", argc - 1, kw)) return MPY_NULL;
    return MPY_FALSE;
}

static mpy_value stream_fileno(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "TextIOWrapper.fileno", argc - 1, kw)) return MPY_NULL;
    return mpy_from_int(((stream *)args[0].u.o)->fd);
}

static mpy_value stream_readable(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return mpy_from_bool(((stream *)args[0].u.o)->fd == 0);
}

static mpy_value stream_writable(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return mpy_from_bool(((stream *)args[0].u.o)->fd != 0);
}

static mpy_value stream_get_name(mpy_vm *vm, mpy_value self)
{
    return mpy_from_obj(mpy_str_from_cstr(vm, stream_names[((stream *)self.u.o)->fd]));
}

static mpy_value stream_get_encoding(mpy_vm *vm, mpy_value self) { return mpy_from_obj(mpy_str_from_cstr(vm, "utf-8")); }

static mpy_value stream_get_mode(mpy_vm *vm, mpy_value self)
{
    return mpy_from_obj(mpy_str_from_cstr(vm, ((stream *)self.u.o)->fd ? "w" : "r"));
}

static const mpy_method_def stream_methods[] = {
    {"write", stream_write, 0},       {"flush", stream_flush, 0},       {"readline", stream_readline, 0},
    {"isatty", stream_isatty, 0},     {"fileno", stream_fileno, 0},     {"readable", stream_readable, 0},
    {"writable", stream_writable, 0}, {"read", stream_read, 0},       {"readlines", stream_readlines, 0},
    {"writelines", stream_writelines, 0}, {NULL, NULL, 0},
};

static const mpy_getset_def stream_getsets[] = {
    {"name", stream_get_name, NULL},
    {"encoding", stream_get_encoding, NULL},
    {"mode", stream_get_mode, NULL},
    {NULL, NULL, NULL},
};

static const mpy_type_spec stream_spec = {
    .name = "TextIOWrapper",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(stream),
    .slots = {.repr = stream_repr, .iter = stream_iter, .next = stream_next},
    .methods = stream_methods,
    .getsets = stream_getsets,
};

/* -------------------------------------------------- sys-level writing */

mpy_value mpy_sys_get(mpy_vm *vm, mpy_str *name)
{
    if (!vm->sys) return MPY_NULL;
    return mpy_dict_get_str(vm, ((mpy_module *)vm->sys)->dict, name);
}

bool mpy_sys_write(mpy_vm *vm, int which, const char *text, size_t len)
{
    mpy_value f = mpy_sys_get(vm, which == MPY_STDERR ? vm->names.stderr : vm->names.stdout);
    /* Unset: the hook still gets the text, so errors are never lost. */
    if (mpy_is_null(f) || mpy_sys_stream_of(vm, f) > 0) {
        int fd = mpy_is_null(f) ? which : mpy_sys_stream_of(vm, f);
        mpy_sys_hook_write(vm, fd, text, len);
        return true;
    }
    if (mpy_is_none(f)) return true;
    mpy_str *s = mpy_str_new(vm, text, len);
    if (!s) return false;
    mpy_value a = mpy_from_obj(s);
    return !mpy_is_null(mpy_call_method(vm, f, "write", 1, &a));
}

/* ------------------------------------------------ displayhook, excepthook */

static mpy_value display_default(mpy_vm *vm, mpy_value v)
{
    if (mpy_is_none(v)) return MPY_NONE;
    mpy_str *underscore = vm->names._;
    if (!mpy_dict_set_str(vm, vm->builtins, underscore, MPY_NONE)) return MPY_NULL;
    mpy_value r = mpy_repr(vm, v);
    if (mpy_is_null(r)) return r;
    if (!mpy_sys_write(vm, MPY_STDOUT, mpy_as_str(r)->data, mpy_as_str(r)->len) ||
        !mpy_sys_write(vm, MPY_STDOUT, "\n", 1))
        return MPY_NULL;
    if (!mpy_dict_set_str(vm, vm->builtins, underscore, v)) return MPY_NULL;
    return MPY_NONE;
}

static mpy_value sys_displayhook(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "sys.displayhook", argc, kw)) return MPY_NULL;
    return display_default(vm, args[0]);
}

mpy_value mpy_displayhook(mpy_vm *vm, mpy_value v)
{
    mpy_value hook = mpy_sys_get(vm, vm->names.displayhook);
    if (mpy_is_null(hook)) return mpy_err_fmt_v(vm, MPY_EXC_RuntimeError, "lost sys.displayhook");
    if (mpy_is_type(vm, hook, MPY_TYPE_NATIVE) && ((mpy_native *)hook.u.o)->fn == sys_displayhook)
        return display_default(vm, v);
    return mpy_call1(vm, hook, v);
}

static mpy_value sys_excepthook(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "excepthook", argc, kw, 3, 3)) return MPY_NULL;
    mpy_print_exception_value(vm, args[1]);
    return MPY_NONE;
}

/* ------------------------------------------------------- sys functions */

static mpy_value sys_exit(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "exit", argc, kw, 0, 1)) return MPY_NULL;
    mpy_err_type(vm, MPY_EXC_SystemExit, argc ? args[0] : MPY_NULL);
    return MPY_NULL;
}

static mpy_value sys_getrecursionlimit(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "sys.getrecursionlimit", argc, kw)) return MPY_NULL;
    return mpy_from_int(vm->recursion_limit);
}

static mpy_value sys_setrecursionlimit(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "sys.setrecursionlimit", argc, kw)) return MPY_NULL;
    if (mpy_is_float(args[0])) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t n;
    if (!mpy_index(vm, args[0], &n)) return MPY_NULL;
    if (n < 1) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "recursion limit must be greater or equal than 1");
    if (n > 0x7fffffff) return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "Python int too large to convert to C int");
    /* CPython refuses a limit at or below the current depth. */
    if (n <= vm->depth)
        return mpy_err_fmt_v(vm, MPY_EXC_RecursionError,
                             "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                             (int)n, vm->depth);
    vm->recursion_limit = (int)n;
    return MPY_NONE;
}

static mpy_value sys_intern(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "sys.intern", argc, kw)) return MPY_NULL;
    if (!mpy_is_type(vm, args[0], MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "intern() argument must be str, not %s", mpy_tname(vm, args[0]));
    mpy_str *s = mpy_str_intern_str(vm, mpy_as_str(args[0]));
    return s ? mpy_from_obj(s) : MPY_NULL;
}

/* The exception being handled, or None. */
static mpy_value handled(mpy_vm *vm) { return mpy_is_null(vm->exc_info) ? MPY_NONE : vm->exc_info; }

static mpy_value sys_exc_info(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "sys.exc_info", argc, kw)) return MPY_NULL;
    mpy_value e = handled(vm);
    mpy_tuple *t;
    if (mpy_is_none(e)) {
        t = mpy_tuple_pack(vm, 3, MPY_NONE, MPY_NONE, MPY_NONE);
    } else {
        mpy_traceback *tb = mpy_as_exc(e)->traceback;
        t = mpy_tuple_pack(vm, 3, mpy_from_obj(mpy_typeof(vm, e)), e, tb ? mpy_from_obj(tb) : MPY_NONE);
    }
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static mpy_value sys_exception(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "sys.exception", argc, kw)) return MPY_NULL;
    return handled(vm);
}

static mpy_value sys_getsizeof(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[2];
    if (!mpy_args_parse(vm, "getsizeof", argc, args, kw, "object,default=", a)) return MPY_NULL;
    /* The object's own allocation; unboxed values report CPython's sizes
     * of the corresponding small objects. */
    if (mpy_is_obj(a[0])) return mpy_from_int(a[0].u.o->size);
    if (mpy_is_float(a[0])) return mpy_from_int(24);
    if (mpy_is_smallint(a[0])) return mpy_from_int(a[0].u.i == 0 ? 24 : 28);
    return mpy_from_int(16);
}

/* sys.set_int_max_str_digits: the limit on int <-> str conversions.  The
 * value is validated and kept in sys (_int_max_str_digits), but
 * runtime/int.c still applies its fixed MPY_INT_MAX_STR_DIGITS: the
 * setting does not change conversions yet. */
static mpy_value sys_set_int_max_str_digits(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a;
    if (!mpy_args_parse(vm, "set_int_max_str_digits", argc, args, kw, "maxdigits", &a)) return MPY_NULL;
    int64_t n;
    if (!mpy_index(vm, a, &n)) return MPY_NULL;
    if (n != 0 && n < 640)
        return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "maxdigits must be 0 or larger than 640");
    if (!mpy_dict_set_cstr(vm, ((mpy_module *)vm->sys)->dict, "_int_max_str_digits", mpy_from_int(n)))
        return MPY_NULL;
    return MPY_NONE;
}

static mpy_value sys_get_int_max_str_digits(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "sys.get_int_max_str_digits", argc, kw)) return MPY_NULL;
    mpy_value v = mpy_dict_get_cstr(vm, ((mpy_module *)vm->sys)->dict, "_int_max_str_digits");
    return mpy_is_null(v) ? mpy_from_int(MPY_INT_MAX_STR_DIGITS) : v;
}

static mpy_value sys_getdefaultencoding(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "sys.getdefaultencoding", argc, kw)) return MPY_NULL;
    return mpy_from_obj(mpy_str_from_cstr(vm, "utf-8"));
}

static const mpy_method_def sys_functions[] = {
    {"exit", sys_exit, 0},
    {"getrecursionlimit", sys_getrecursionlimit, 0},
    {"setrecursionlimit", sys_setrecursionlimit, 0},
    {"intern", sys_intern, 0},
    {"exc_info", sys_exc_info, 0},
    {"exception", sys_exception, 0},
    {"getsizeof", sys_getsizeof, 0},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0},
    {"getdefaultencoding", sys_getdefaultencoding, 0},
    {"displayhook", sys_displayhook, 0},
    {"excepthook", sys_excepthook, 0},
    {NULL, NULL, 0},
};

/* ------------------------------------------------------------ the module */

static bool set(mpy_vm *vm, mpy_module *m, const char *name, mpy_value v)
{
    return !mpy_is_null(v) && mpy_dict_set_cstr(vm, m->dict, name, v);
}

static mpy_value cstr(mpy_vm *vm, const char *s)
{
    mpy_str *r = mpy_str_from_cstr(vm, s);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static bool add_streams(mpy_vm *vm, mpy_module *m)
{
    mpy_type *t = mpy_type_alloc(vm);
    if (!t || !mpy_type_init_builtin(vm, t, &stream_spec, vm->types[MPY_TYPE_OBJECT])) return false;
    t->module = mpy_str_intern_cstr(vm, "_io");
    static const char *const names[3][2] = {{"stdin", "__stdin__"}, {"stdout", "__stdout__"},
                                            {"stderr", "__stderr__"}};
    for (int fd = 0; fd < 3; fd++) {
        stream *s = mpy_obj_alloc(vm, t, sizeof *s);
        if (!s) return false;
        s->fd = fd;
        if (!set(vm, m, names[fd][0], mpy_from_obj(s)) || !set(vm, m, names[fd][1], mpy_from_obj(s))) return false;
    }
    return true;
}

static bool add_argv(mpy_vm *vm, mpy_module *m)
{
    mpy_list *argv = mpy_list_new(vm, 1);
    if (!argv) return false;
    for (int i = 0; i < vm->config.argc; i++)
        if (!mpy_list_append(vm, argv, cstr(vm, vm->config.argv[i]))) return false;
    if (vm->config.argc == 0 && !mpy_list_append(vm, argv, mpy_from_obj(vm->empty_str))) return false;
    mpy_list *path = mpy_list_new(vm, 1);
    return path && set(vm, m, "argv", mpy_from_obj(argv)) && set(vm, m, "path", mpy_from_obj(path)) &&
           set(vm, m, "orig_argv", mpy_from_obj(argv));
}

static bool add_structseqs(mpy_vm *vm, mpy_module *m)
{
    static const char *const vfields[] = {"major", "minor", "micro", "releaselevel", "serial"};
    mpy_type *vt = mpy_structseq_type(vm, "sys", "version_info", vfields, 5);
    if (!vt) return false;
    mpy_value vi[5] = {mpy_from_int(3), mpy_from_int(11), mpy_from_int(0), cstr(vm, "final"), mpy_from_int(0)};
    if (!set(vm, m, "version_info", mpy_structseq_new(vm, vt, vi))) return false;

    static const char *const ffields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
                                          "dig", "mant_dig", "epsilon", "radix", "rounds"};
    mpy_type *ft = mpy_structseq_type(vm, "sys", "float_info", ffields, 11);
    if (!ft) return false;
    mpy_value fi[11] = {mpy_from_float(1.7976931348623157e+308), mpy_from_int(1024), mpy_from_int(308),
                        mpy_from_float(2.2250738585072014e-308), mpy_from_int(-1021), mpy_from_int(-307),
                        mpy_from_int(15), mpy_from_int(53), mpy_from_float(2.220446049250313e-16),
                        mpy_from_int(2), mpy_from_int(1)};
    if (!set(vm, m, "float_info", mpy_structseq_new(vm, ft, fi))) return false;

    static const char *const ifields[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                          "str_digits_check_threshold"};
    mpy_type *it = mpy_structseq_type(vm, "sys", "int_info", ifields, 4);
    if (!it) return false;
    mpy_value ii[4] = {mpy_from_int(30), mpy_from_int(4), mpy_from_int(4300), mpy_from_int(640)};
    if (!set(vm, m, "int_info", mpy_structseq_new(vm, it, ii))) return false;

    static const char *const flfields[] = {"debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
                                           "no_user_site", "no_site", "ignore_environment", "verbose",
                                           "bytes_warning", "quiet", "hash_randomization", "isolated",
                                           "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path",
                                           "int_max_str_digits"};
    mpy_type *flt = mpy_structseq_type(vm, "sys", "flags", flfields, 18);
    if (!flt) return false;
    mpy_value fl[18];
    for (int i = 0; i < 18; i++) fl[i] = mpy_from_int(0);
    fl[4] = fl[11] = fl[14] = mpy_from_int(1);
    fl[13] = fl[16] = MPY_FALSE;
    fl[17] = mpy_from_int(-1);
    return set(vm, m, "flags", mpy_structseq_new(vm, flt, fl));
}

/* sys.implementation: CPython's is a SimpleNamespace; a module object
 * carries the same attributes here. */
static bool add_implementation(mpy_vm *vm, mpy_module *m)
{
    mpy_module *impl = mpy_module_new(vm, "implementation");
    if (!impl) return false;
    return set(vm, impl, "name", cstr(vm, "minipy")) && set(vm, impl, "cache_tag", MPY_NONE) &&
           set(vm, impl, "version", mpy_dict_get_cstr(vm, m->dict, "version_info")) &&
           set(vm, m, "implementation", mpy_from_obj(impl));
}

static bool add_builtin_module_names(mpy_vm *vm, mpy_module *m)
{
    static const char *const names[] = {
#define MPY_MODULE_NAME(n) #n,
        MPY_BUILTIN_MODULES(MPY_MODULE_NAME)
#undef MPY_MODULE_NAME
    };
    size_t n = sizeof names / sizeof names[0];
    mpy_tuple *t = mpy_tuple_new(vm, n);
    if (!t) return false;
    for (size_t i = 0; i < n; i++) {
        t->items[i] = cstr(vm, names[i]);
        if (mpy_is_null(t->items[i])) return false;
    }
    return set(vm, m, "builtin_module_names", mpy_from_obj(t));
}

mpy_module *mpy_module_sys_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "sys");
    if (!m || !mpy_module_add_functions(vm, m, sys_functions)) return NULL;
    uint16_t probe = 1;
    bool little = *(const uint8_t *)&probe == 1;
    bool ok = add_streams(vm, m) && add_argv(vm, m) && add_structseqs(vm, m) && add_implementation(vm, m) &&
              add_builtin_module_names(vm, m) &&
              set(vm, m, "__displayhook__", mpy_dict_get_cstr(vm, m->dict, "displayhook")) &&
              set(vm, m, "__excepthook__", mpy_dict_get_cstr(vm, m->dict, "excepthook")) &&
              set(vm, m, "ps1", cstr(vm, ">>> ")) && set(vm, m, "ps2", cstr(vm, "... ")) &&
              set(vm, m, "maxsize", mpy_from_int(INT64_MAX)) && set(vm, m, "maxunicode", mpy_from_int(0x10FFFF)) &&
              set(vm, m, "version", cstr(vm, mpy_version())) && set(vm, m, "hexversion", mpy_from_int(0x030B00F0)) &&
              set(vm, m, "api_version", mpy_from_int(1013)) && set(vm, m, "modules", mpy_from_obj(vm->modules)) &&
              set(vm, m, "platform", cstr(vm, "linux")) && set(vm, m, "byteorder", cstr(vm, little ? "little" : "big")) &&
              set(vm, m, "executable", mpy_from_obj(vm->empty_str)) && set(vm, m, "prefix", mpy_from_obj(vm->empty_str)) &&
              set(vm, m, "dont_write_bytecode", MPY_TRUE) &&
              set(vm, m, "copyright", cstr(vm, "Copyright (c) the minipy authors."));
    return ok ? m : NULL;
}
