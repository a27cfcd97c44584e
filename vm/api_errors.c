/* The embedding API's errors and control (vm/vm.h): raising by class
 * name, inspecting and formatting the pending exception, and the check
 * hook run at the interpreter's safe points.
 *
 * Formatting reuses the one report writer (vm/errors.c) rather than a
 * second copy of the traceback code: while it runs, sys.stderr is pointed
 * at the original stream object and the VM's write hook at a capture
 * buffer, then both are put back.  The capture is per VM (vm->api_capture),
 * so VMs stay independent.
 *
 * The check hook shares vm->interrupt with mpy_vm_interrupt: 1 means "a
 * signal asked for KeyboardInterrupt", 2 means "a hook is installed", and
 * any non-zero value sends the interpreter to its safe-point slow path,
 * where mpy_api_safepoint decides.  The flag is only ever written here
 * with plain stores of whole values, so a SIGINT arriving meanwhile is at
 * worst merged with one being handled.
 */
#include <string.h>

#include "vm/state.h"
#include "vm/api_internal.h"
#include "vm/code.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/module.h"
#include "runtime/str.h"

enum { INTERRUPT_SIGNAL = 1, INTERRUPT_HOOK = 2 };

/* ------------------------------------------------------------- raising */

/* The built-in exception class named `name`, or NULL. */
static mpy_type *exc_class(mpy_vm *vm, const char *name)
{
    if (!name) return NULL;
    mpy_value t = mpy_dict_get_cstr(vm, vm->builtins, name);
    if (mpy_is_null(t) || !mpy_is_sub(vm, t, MPY_TYPE_TYPE)) return NULL;
    mpy_type *ty = (mpy_type *)t.u.o;
    return (ty->flags & MPY_TF_EXCEPTION) ? ty : NULL;
}

mpy_handle mpy_raise(mpy_vm *vm, const char *exc_type, const char *message)
{
    mpy_type *t = exc_class(vm, exc_type);
    if (!t) {
        mpy_err_fmt(vm, MPY_EXC_SystemError, "mpy_raise: no built-in exception class '%s'",
                    exc_type ? exc_type : "(null)");
        return MPY_NO_HANDLE;
    }
    mpy_value arg;
    int argc = 0;
    if (message) {
        mpy_str *m = mpy_str_from_utf8(vm, message, strlen(message), "replace");
        if (!m) return MPY_NO_HANDLE;
        arg = mpy_from_obj(m);
        argc = 1;
    }
    mpy_value e = mpy_exc_new(vm, t, argc, &arg);
    if (!mpy_is_null(e)) mpy_err_set(vm, e);
    return MPY_NO_HANDLE;
}

/* ---------------------------------------------------------- inspecting */

bool mpy_has_exception(mpy_vm *vm) { return mpy_err_occurred(vm); }

bool mpy_exception_matches(mpy_vm *vm, const char *exc_type)
{
    mpy_type *t = exc_class(vm, exc_type);
    return t && mpy_err_occurred(vm) && mpy_isinstance(vm, vm->exc, t);
}

size_t mpy_exception_type(mpy_vm *vm, char *buf, size_t cap)
{
    if (!mpy_err_occurred(vm)) return mpy_api_copy_text("", 0, buf, cap);
    const char *n = mpy_tname(vm, vm->exc);
    return mpy_api_copy_text(n, strlen(n), buf, cap);
}

/* Copies a str value out; anything else (a failed conversion) gives the
 * fallback text, and the conversion's own exception is dropped. */
static size_t copy_str_value(mpy_vm *vm, mpy_value s, const char *fallback, char *buf, size_t cap)
{
    if (mpy_is_null(s) || !mpy_is_sub(vm, s, MPY_TYPE_STR))
        return mpy_api_copy_text(fallback, strlen(fallback), buf, cap);
    return mpy_api_copy_text(mpy_as_str(s)->data, mpy_as_str(s)->len, buf, cap);
}

size_t mpy_exception_message(mpy_vm *vm, char *buf, size_t cap)
{
    if (!mpy_err_occurred(vm)) return mpy_api_copy_text("", 0, buf, cap);
    mpy_value exc = vm->exc;
    vm->exc = MPY_NULL;
    mpy_value s = mpy_to_str(vm, exc);
    vm->exc = exc;
    return copy_str_value(vm, s, "<exception str() failed>", buf, cap);
}

static void capture_write(mpy_vm *vm, mpy_stream stream, const char *text, size_t len)
{
    mpy_textbuf *b = vm->api_capture;
    if (b && !mpy_textbuf_add(vm, b, text, len)) mpy_err_clear(vm);
}

mpy_str *mpy_api_format_exception(mpy_vm *vm, mpy_value exc)
{
    mpy_dict *sys = ((mpy_module *)vm->sys)->dict;
    mpy_value cur = mpy_dict_get_str(vm, sys, vm->names.stderr);
    mpy_value orig = mpy_dict_get_cstr(vm, sys, "__stderr__");
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    mpy_config saved = vm->config;
    void *saved_capture = vm->api_capture;
    mpy_value saved_exc = vm->exc;
    bool swapped = !mpy_is_null(orig) && !mpy_is_null(cur) && mpy_dict_set_str(vm, sys, vm->names.stderr, orig);
    vm->exc = MPY_NULL;
    vm->config.write = capture_write;
    vm->api_capture = &b;
    mpy_print_exception_value(vm, exc);
    vm->config.write = saved.write;
    vm->api_capture = saved_capture;
    /* Putting the old stream back cannot fail: the key exists. */
    if (swapped && !mpy_dict_set_str(vm, sys, vm->names.stderr, cur)) mpy_err_clear(vm);
    vm->exc = MPY_NULL;
    mpy_str *s = mpy_textbuf_finish(vm, &b);
    if (!s) mpy_err_clear(vm);
    vm->exc = saved_exc;
    return s;
}

size_t mpy_exception_format(mpy_vm *vm, char *buf, size_t cap)
{
    if (!mpy_err_occurred(vm)) return mpy_api_copy_text("", 0, buf, cap);
    mpy_str *s = mpy_api_format_exception(vm, vm->exc);
    return copy_str_value(vm, s ? mpy_from_obj(s) : MPY_NULL, "<exception could not be formatted>\n", buf, cap);
}

/* ------------------------------------------------ the error hook */

/* An attribute of exc as C text / int; fallback when missing or of
 * another type (the lookup's own exception is dropped). */
static const char *attr_text(mpy_vm *vm, mpy_value exc, const char *name, const char *fallback)
{
    mpy_value v = mpy_getattr_cstr(vm, exc, name);
    if (mpy_is_null(v)) mpy_err_clear(vm);
    return !mpy_is_null(v) && mpy_is_sub(vm, v, MPY_TYPE_STR) ? mpy_as_str(v)->data : fallback;
}

static int attr_int(mpy_vm *vm, mpy_value exc, const char *name)
{
    mpy_value v = mpy_getattr_cstr(vm, exc, name);
    if (mpy_is_null(v)) mpy_err_clear(vm);
    return !mpy_is_null(v) && mpy_is_int(v) ? (int)mpy_as_int(v) : 0;
}

/* MPY_ERROR_RUNTIME then the traceback, innermost first.  The hook may
 * run Python code (and so collect): exc is rooted by the caller, the
 * message here, and the traceback hangs off exc. */
static void report_runtime(mpy_vm *vm, mpy_value exc)
{
    mpy_value s = mpy_to_str(vm, exc);
    if (mpy_is_null(s)) mpy_err_clear(vm);
    const char *type = mpy_tname(vm, exc);
    mpy_str *msg = !mpy_is_null(s) && mpy_as_str(s)->len ? mpy_str_printf(vm, "%s: %s", type, mpy_as_str(s)->data)
                                                          : mpy_str_from_cstr(vm, type);
    if (!msg || !mpy_root_push(vm, mpy_from_obj(msg))) {
        mpy_err_clear(vm);
        vm->config.error(vm, MPY_ERROR_RUNTIME, NULL, 0, 0, type);
    } else {
        vm->config.error(vm, MPY_ERROR_RUNTIME, NULL, 0, 0, msg->data);
        mpy_root_pop(vm, 1);
    }
    size_t n = 0;
    for (mpy_traceback *tb = mpy_as_exc(exc)->traceback; tb; tb = tb->next) n++;
    /* Walk the outermost-first list backwards, one step at a time (no
     * allocation: tracebacks are short, and this is the error path). */
    for (size_t k = n; k > 0; k--) {
        mpy_traceback *tb = mpy_as_exc(exc)->traceback;
        for (size_t i = 1; i < k && tb; i++) tb = tb->next;
        if (!tb) break;
        mpy_code *co = (mpy_code *)tb->code;
        vm->config.error(vm, MPY_ERROR_TRACE_LINE, co && co->filename ? co->filename->data : "<unknown>", tb->line,
                         0, co && co->name ? co->name->data : "?");
    }
}

void mpy_report_exception(mpy_vm *vm)
{
    if (!mpy_err_occurred(vm)) return;
    if (!vm->config.error) {
        mpy_print_exception(vm);
        return;
    }
    mpy_value exc = mpy_err_fetch(vm);
    if (!mpy_root_push(vm, exc)) {
        mpy_err_clear(vm);
        vm->config.error(vm, MPY_ERROR_RUNTIME, NULL, 0, 0, "MemoryError");
        return;
    }
    if (mpy_isinstance(vm, exc, vm->exc_types[MPY_EXC_SyntaxError]))
        vm->config.error(vm, MPY_ERROR_SYNTAX, attr_text(vm, exc, "filename", "<string>"), attr_int(vm, exc, "lineno"),
                         attr_int(vm, exc, "offset"), attr_text(vm, exc, "msg", "invalid syntax"));
    else report_runtime(vm, exc);
    mpy_root_pop(vm, 1);
    mpy_err_clear(vm);
}

mpy_handle mpy_exception_fetch(mpy_vm *vm)
{
    if (!mpy_err_occurred(vm)) return MPY_NO_HANDLE;
    mpy_value exc = vm->exc;
    vm->exc = MPY_NULL;
    mpy_handle h = mpy_api_handle(vm, exc);
    if (!h) {
        /* No room for a handle: the MemoryError replaces the exception. */
        return MPY_NO_HANDLE;
    }
    return h;
}

bool mpy_exception_restore(mpy_vm *vm, mpy_handle exc)
{
    mpy_value e;
    if (!mpy_api_value(vm, exc, &e)) return false;
    if (!mpy_is_obj(e) || !(mpy_typeof(vm, e)->flags & MPY_TF_EXCEPTION))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "exceptions must derive from BaseException, not %s",
                           mpy_tname(vm, e));
    vm->exc = e;
    return true;
}

/* ---------------------------------------------------------- check hook */

void mpy_vm_set_check_hook(mpy_vm *vm, mpy_check_fn hook, void *user_data)
{
    vm->api_check = hook;
    vm->api_check_ud = user_data;
    if (hook) vm->interrupt = INTERRUPT_HOOK;
    else if (vm->interrupt == INTERRUPT_HOOK) vm->interrupt = 0;
}

size_t mpy_vm_collect(mpy_vm *vm)
{
    /* Between runs every live object is reachable from the VM's roots and
     * the handle table; during one, C code up the stack may hold some. */
    if (vm->frame || vm->gc_block) return 0;
    return mpy_gc_collect(vm);
}

void mpy_api_settle(mpy_vm *vm)
{
    if (vm->config.memory_limit && vm->bytes_allocated > vm->config.memory_limit / 2) mpy_vm_collect(vm);
}

bool mpy_api_safepoint(mpy_vm *vm)
{
    if (vm->interrupt == INTERRUPT_SIGNAL) {
        vm->interrupt = vm->api_check ? INTERRUPT_HOOK : 0;
        mpy_err_type(vm, MPY_EXC_KeyboardInterrupt, MPY_NULL);
        return false;
    }
    if (!vm->api_check) {
        vm->interrupt = 0;
        return true;
    }
    /* The flag stays INTERRUPT_HOOK, so the next safe point comes back. */
    if (vm->api_check(vm, vm->api_check_ud) && !mpy_err_occurred(vm)) return true;
    if (!mpy_err_occurred(vm)) mpy_err_msg(vm, MPY_EXC_KeyboardInterrupt, "stopped by the host");
    return false;
}
