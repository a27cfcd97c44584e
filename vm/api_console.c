/* The console objects of the embedding API (vm/vm.h): mpy_repl is
 * Python's code.InteractiveConsole, written in C over the rest of the API.
 *
 * The method structure is CPython's (Lib/code.py), so that a host that
 * replaces one hook gets the behaviour a Python subclass overriding that
 * method would: push() joins the buffered lines with "\n" and calls
 * runsource(); runsource() calls compile_command and then showsyntaxerror()
 * or runcode(); runcode() calls showtraceback(); interact() calls
 * raw_input() and write().  Every call goes through the hook when the host
 * set one, else through the default, which the host may also call.
 *
 * The console's own memory (buffer, filename, last input line) comes from
 * the VM's allocator; its namespace is held through a handle.  Python
 * objects used for a moment (the formatted traceback text) are rooted
 * while a host hook runs, since a hook may run Python code and so collect.
 */
#include <string.h>

#include "vm/state.h"
#include "vm/api_internal.h"
#include "parser/parse.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/str.h"

struct mpy_repl {
    mpy_vm *vm;
    mpy_handle ns;
    char *filename;
    size_t filename_cap;
    mpy_repl_hooks hooks;
    char *buf;               /* buffered lines joined with "\n" */
    size_t len, cap;
    bool empty;              /* no line buffered */
    char *line;              /* the default raw_input's last line */
    size_t line_cap;
    struct mpy_parser *parser; /* runsource's, kept so that a paste is linear */
};

/* ------------------------------------------------------- small helpers */

/* Copies text into a VM-allocated buffer *p of capacity *cap. */
static bool set_text(mpy_vm *vm, char **p, size_t *cap, const char *text, size_t len)
{
    if (len + 1 > *cap) {
        size_t c = len + 1 < 64 ? 64 : len + 1;
        char *q = mpy_mem_realloc(vm, *p, *cap, c);
        if (!q) return false;
        *p = q;
        *cap = c;
    }
    memcpy(*p, text, len);
    (*p)[len] = 0;
    return true;
}

static bool buf_add(mpy_repl *r, const char *text, size_t len)
{
    if (r->len + len + 1 > r->cap) {
        size_t c = r->cap ? r->cap : 128;
        while (c < r->len + len + 1) c *= 2;
        char *q = mpy_mem_realloc(r->vm, r->buf, r->cap, c);
        if (!q) return false;
        r->buf = q;
        r->cap = c;
    }
    memcpy(r->buf + r->len, text, len);
    r->len += len;
    r->buf[r->len] = 0;
    return true;
}

static mpy_dict *sys_dict(mpy_vm *vm) { return ((mpy_module *)vm->sys)->dict; }

/* ---------------------------------------------------------- lifecycle */

static mpy_handle default_namespace(mpy_vm *vm)
{
    mpy_handle ns = mpy_new_dict(vm);
    if (ns && mpy_entry_set_str(vm, ns, "__name__", "__console__") && mpy_entry_set_none(vm, ns, "__doc__"))
        return ns;
    mpy_handle_release(vm, ns);
    return MPY_NO_HANDLE;
}

mpy_repl *mpy_repl_new(mpy_vm *vm, mpy_handle ns, const char *filename, const mpy_repl_hooks *hooks)
{
    mpy_value v;
    if (ns && !mpy_api_value(vm, ns, &v)) return NULL;
    if (ns && !mpy_is_sub(vm, v, MPY_TYPE_DICT)) {
        mpy_err_fmt(vm, MPY_EXC_TypeError, "mpy_repl_new: the namespace must be a dict, not %s", mpy_tname(vm, v));
        return NULL;
    }
    mpy_repl *r = mpy_mem_realloc(vm, NULL, 0, sizeof *r);
    if (!r) return NULL;
    memset(r, 0, sizeof *r);
    r->vm = vm;
    r->empty = true;
    if (hooks) r->hooks = *hooks;
    if (!filename) filename = "<console>";
    r->ns = ns ? mpy_handle_dup(vm, ns) : default_namespace(vm);
    if (!r->ns || !set_text(vm, &r->filename, &r->filename_cap, filename, strlen(filename))) {
        mpy_repl_free(r);
        return NULL;
    }
    return r;
}

void mpy_repl_free(mpy_repl *r)
{
    if (!r) return;
    mpy_vm *vm = r->vm;
    mpy_handle_release(vm, r->ns);
    if (r->filename) mpy_mem_free(vm, r->filename, r->filename_cap);
    if (r->buf) mpy_mem_free(vm, r->buf, r->cap);
    if (r->line) mpy_mem_free(vm, r->line, r->line_cap);
    mpy_parser_free(r->parser);
    mpy_mem_free(vm, r, sizeof *r);
}

mpy_vm *mpy_repl_vm(mpy_repl *r) { return r->vm; }
mpy_handle mpy_repl_namespace(mpy_repl *r) { return mpy_handle_dup(r->vm, r->ns); }

/* ------------------------------------------------------ default methods */

void mpy_repl_default_write(mpy_repl *r, const char *text, size_t len)
{
    mpy_value saved = r->vm->exc;
    r->vm->exc = MPY_NULL;
    if (!mpy_sys_write(r->vm, MPY_STDERR, text, len)) mpy_err_clear(r->vm);
    r->vm->exc = saved;
}

const char *mpy_repl_default_raw_input(mpy_repl *r, const char *prompt, size_t *len)
{
    mpy_vm *vm = r->vm;
    mpy_value input = mpy_dict_get_cstr(vm, vm->builtins, "input");
    mpy_str *p = mpy_str_from_utf8(vm, prompt ? prompt : "", prompt ? strlen(prompt) : 0, "replace");
    if (mpy_is_null(input) || !p) {
        if (!mpy_err_occurred(vm)) mpy_err_msg(vm, MPY_EXC_RuntimeError, "lost builtins.input");
        return NULL;
    }
    mpy_value line = mpy_call1(vm, input, mpy_from_obj(p));
    if (mpy_is_null(line)) return NULL;
    if (!mpy_is_sub(vm, line, MPY_TYPE_STR)) {
        mpy_err_fmt(vm, MPY_EXC_TypeError, "input() returned %s, not str", mpy_tname(vm, line));
        return NULL;
    }
    mpy_str *s = mpy_as_str(line);
    if (!set_text(vm, &r->line, &r->line_cap, s->data, s->len)) return NULL;
    if (len) *len = s->len;
    return r->line;
}

/* sys.last_type / last_value / last_traceback, as code.py sets them. */
static void set_last(mpy_vm *vm, mpy_value exc)
{
    mpy_dict *sys = sys_dict(vm);
    mpy_value tb = mpy_as_exc(exc)->traceback ? mpy_from_obj(mpy_as_exc(exc)->traceback) : MPY_NONE;
    if (!mpy_dict_set_cstr(vm, sys, "last_type", mpy_from_obj(mpy_typeof(vm, exc))) ||
        !mpy_dict_set_cstr(vm, sys, "last_value", exc) || !mpy_dict_set_cstr(vm, sys, "last_traceback", tb))
        mpy_err_clear(vm);
}

/* Reports the pending exception through write(), or through a
 * replaced sys.excepthook as code.py does, and clears it. */
static void show_exception(mpy_repl *r)
{
    mpy_vm *vm = r->vm;
    mpy_value exc = mpy_err_fetch(vm);
    if (mpy_is_null(exc)) return;
    if (!(mpy_typeof(vm, exc)->flags & MPY_TF_EXCEPTION)) return;
    set_last(vm, exc);
    mpy_value hook = mpy_dict_get_str(vm, sys_dict(vm), vm->names.excepthook);
    mpy_value dflt = mpy_dict_get_cstr(vm, sys_dict(vm), "__excepthook__");
    if (!mpy_is_null(hook) && !mpy_is(hook, dflt)) {
        mpy_value args[3] = {mpy_from_obj(mpy_typeof(vm, exc)), exc,
                             mpy_as_exc(exc)->traceback ? mpy_from_obj(mpy_as_exc(exc)->traceback) : MPY_NONE};
        if (mpy_is_null(mpy_call(vm, hook, 3, args, NULL))) mpy_print_exception(vm);
        return;
    }
    mpy_str *text = mpy_api_format_exception(vm, exc);
    if (!text || !mpy_root_push(vm, mpy_from_obj(text))) {
        mpy_err_clear(vm);
        return;
    }
    mpy_repl_write(r, text->data, text->len);
    mpy_root_pop(vm, 1);
    mpy_err_clear(vm);
}

void mpy_repl_default_showtraceback(mpy_repl *r) { show_exception(r); }

void mpy_repl_default_showsyntaxerror(mpy_repl *r, const char *filename)
{
    /* The SyntaxError already names the file runsource compiled under. */
    (void)filename;
    show_exception(r);
}

mpy_result mpy_repl_default_runcode(mpy_repl *r, mpy_handle code)
{
    mpy_result res = mpy_exec_code(r->vm, code, r->ns, MPY_NO_HANDLE);
    if (res == MPY_OK || res == MPY_SYSTEM_EXIT) return res;
    mpy_repl_showtraceback(r);
    return MPY_OK;
}

/* ---------------------------------------------- methods (hook or default) */

void mpy_repl_write(mpy_repl *r, const char *text, size_t len)
{
    if (r->hooks.write) r->hooks.write(r, text, len, r->hooks.user_data);
    else mpy_repl_default_write(r, text, len);
}

const char *mpy_repl_raw_input(mpy_repl *r, const char *prompt, size_t *len)
{
    size_t n = 0;
    const char *line = r->hooks.raw_input ? r->hooks.raw_input(r, prompt, &n, r->hooks.user_data)
                                          : mpy_repl_default_raw_input(r, prompt, &n);
    if (len) *len = line ? n : 0;
    return line;
}

void mpy_repl_showtraceback(mpy_repl *r)
{
    if (r->hooks.showtraceback) r->hooks.showtraceback(r, r->hooks.user_data);
    else mpy_repl_default_showtraceback(r);
}

void mpy_repl_showsyntaxerror(mpy_repl *r, const char *filename)
{
    if (r->hooks.showsyntaxerror) r->hooks.showsyntaxerror(r, filename, r->hooks.user_data);
    else mpy_repl_default_showsyntaxerror(r, filename);
}

mpy_result mpy_repl_runcode(mpy_repl *r, mpy_handle code)
{
    if (r->hooks.runcode) return r->hooks.runcode(r, code, r->hooks.user_data);
    return mpy_repl_default_runcode(r, code);
}

/* -------------------------------------------------- runsource, push */

mpy_result mpy_repl_runsource(mpy_repl *r, const char *source, const char *filename, mpy_exec_mode mode)
{
    mpy_vm *vm = r->vm;
    if (!filename) filename = "<input>";  /* code.py's default for runsource */
    mpy_handle code = MPY_NO_HANDLE;
    mpy_result res =
        mpy_api_compile_command(vm, &r->parser, source ? source : "", source ? strlen(source) : 0, filename, mode, &code);
    if (res == MPY_INCOMPLETE) return MPY_INCOMPLETE;
    if (res == MPY_SYNTAX_ERROR ||
        (res != MPY_OK && (mpy_exception_matches(vm, "OverflowError") || mpy_exception_matches(vm, "ValueError")))) {
        mpy_repl_showsyntaxerror(r, filename);
        return MPY_OK;
    }
    if (res != MPY_OK) return res;
    res = mpy_repl_runcode(r, code);
    mpy_handle_release(vm, code);
    return res;
}

void mpy_repl_resetbuffer(mpy_repl *r)
{
    r->len = 0;
    if (r->buf) r->buf[0] = 0;
    r->empty = true;
}

static mpy_result push_n(mpy_repl *r, const char *line, size_t len)
{
    /* buf_add always leaves a NUL-terminated buffer, even for len 0. */
    if (!(r->empty || buf_add(r, "\n", 1)) || !buf_add(r, line, len)) {
        mpy_repl_resetbuffer(r);
        return mpy_result_of_pending(r->vm);
    }
    r->empty = false;
    mpy_result res = mpy_repl_runsource(r, r->buf, r->filename, MPY_EXEC_SINGLE);
    if (res != MPY_INCOMPLETE) mpy_repl_resetbuffer(r);
    return res;
}

mpy_result mpy_repl_push(mpy_repl *r, const char *line)
{
    r->vm->exc = MPY_NULL;
    return line ? push_n(r, line, strlen(line)) : push_n(r, "", 0);
}

/* ------------------------------------------------------------ interact */

static void write_str(mpy_repl *r, const char *s) { mpy_repl_write(r, s, strlen(s)); }

/* sys.ps1/ps2 are created when missing, as code.interact does. */
static void ensure_prompt(mpy_vm *vm, const char *name, const char *value)
{
    if (!mpy_is_null(mpy_dict_get_cstr(vm, sys_dict(vm), name))) return;
    mpy_str *s = mpy_str_from_cstr(vm, value);
    if (!s || !mpy_dict_set_cstr(vm, sys_dict(vm), name, mpy_from_obj(s))) mpy_err_clear(vm);
}

static void default_banner(mpy_repl *r)
{
    mpy_vm *vm = r->vm;
    mpy_value ver = mpy_dict_get_cstr(vm, sys_dict(vm), "version");
    mpy_value plat = mpy_dict_get_cstr(vm, sys_dict(vm), "platform");
    mpy_str *s = mpy_str_printf(vm,
                                "Python %s on %s\nType \"help\", \"copyright\", \"credits\" or \"license\" for more "
                                "information.\n(InteractiveConsole)\n",
                                mpy_is_sub(vm, ver, MPY_TYPE_STR) ? mpy_as_str(ver)->data : mpy_version(),
                                mpy_is_sub(vm, plat, MPY_TYPE_STR) ? mpy_as_str(plat)->data : "unknown");
    if (!s || !mpy_root_push(vm, mpy_from_obj(s))) {
        mpy_err_clear(vm);
        return;
    }
    mpy_repl_write(r, s->data, s->len);
    mpy_root_pop(vm, 1);
}

mpy_result mpy_repl_interact(mpy_repl *r, const char *banner, const char *exitmsg)
{
    mpy_vm *vm = r->vm;
    vm->exc = MPY_NULL;
    ensure_prompt(vm, "ps1", ">>> ");
    ensure_prompt(vm, "ps2", "... ");
    if (!banner) default_banner(r);
    else if (*banner) {
        write_str(r, banner);
        write_str(r, "\n");
    }
    bool more = false;
    for (;;) {
        char prompt[256];
        const char *p = mpy_prompt(vm, more);
        mpy_api_copy_text(p, strlen(p), prompt, sizeof prompt);
        vm->exc = MPY_NULL;
        size_t len;
        const char *line = mpy_repl_raw_input(r, prompt, &len);
        if (!line) {
            if (mpy_exception_matches(vm, "KeyboardInterrupt")) {
                mpy_err_clear(vm);
                write_str(r, "\nKeyboardInterrupt\n");
                mpy_repl_resetbuffer(r);
                more = false;
                continue;
            }
            if (mpy_err_occurred(vm) && !mpy_exception_matches(vm, "EOFError")) return mpy_result_of_pending(vm);
            mpy_err_clear(vm);
            write_str(r, "\n");
            break;
        }
        mpy_result res = push_n(r, line, len);
        if (res == MPY_SYSTEM_EXIT || res == MPY_NO_MEMORY) return res;
        more = res == MPY_INCOMPLETE;
    }
    if (!exitmsg) write_str(r, "now exiting InteractiveConsole...\n");
    else if (*exitmsg) {
        write_str(r, exitmsg);
        write_str(r, "\n");
    }
    return MPY_OK;
}

mpy_result mpy_interact(mpy_vm *vm, const char *banner, mpy_handle ns, const char *exitmsg)
{
    vm->exc = MPY_NULL;
    mpy_repl *r = mpy_repl_new(vm, ns, NULL, NULL);
    if (!r) return mpy_result_of_pending(vm);
    mpy_result res = mpy_repl_interact(r, banner, exitmsg);
    mpy_repl_free(r);
    return res;
}
