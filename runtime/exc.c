/* Exceptions: the built-in hierarchy (one spec shared by every class in
 * MPY_EXC_TYPES, with per-class extras), exception objects, and raising.
 *
 * Per-class state lives in mpy_exc.extra[] (SystemExit.code,
 * StopIteration.value) or in the instance dict (SyntaxError's filename,
 * lineno ...; ImportError's name/path), which keeps one C layout for the
 * whole hierarchy so any mix of exception bases is layout-compatible.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "vm/code.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static bool is_exc_class(mpy_vm *vm, mpy_type *t, mpy_exc_id id) { return mpy_type_is_sub(t, vm->exc_types[id]); }

/* ------------------------------------------------------------- raising */

bool mpy_err_set(mpy_vm *vm, mpy_value exc)
{
    vm->exc = exc;
    return false;
}

bool mpy_err_nomem(mpy_vm *vm)
{
    /* The preallocated instance: raising it must not allocate.  Its
     * traceback from an earlier raise is dropped. */
    if (!mpy_is_null(vm->memerr)) {
        mpy_exc *e = mpy_as_exc(vm->memerr);
        e->traceback = NULL;
        e->context = MPY_NULL;
        e->cause = MPY_NULL;
    }
    vm->exc = vm->memerr;
    return false;
}

mpy_value mpy_exc_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args)
{
    mpy_value t = mpy_from_obj(type);
    return mpy_call(vm, t, argc, args, NULL);
}

bool mpy_err_type(mpy_vm *vm, mpy_exc_id type, mpy_value arg)
{
    mpy_value e = mpy_exc_new(vm, vm->exc_types[type], mpy_is_null(arg) ? 0 : 1, &arg);
    if (mpy_is_null(e)) return false;
    return mpy_err_set(vm, e);
}

bool mpy_err_msg(mpy_vm *vm, mpy_exc_id type, const char *msg)
{
    mpy_str *s = mpy_str_from_cstr(vm, msg);
    if (!s) return false;
    return mpy_err_type(vm, type, mpy_from_obj(s));
}

static bool err_vfmt(mpy_vm *vm, mpy_exc_id type, const char *fmt, va_list ap)
{
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    return mpy_err_msg(vm, type, buf);
}

bool mpy_err_fmt(mpy_vm *vm, mpy_exc_id type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err_vfmt(vm, type, fmt, ap);
    va_end(ap);
    return false;
}

mpy_value mpy_err_fmt_v(mpy_vm *vm, mpy_exc_id type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err_vfmt(vm, type, fmt, ap);
    va_end(ap);
    return MPY_NULL;
}

bool mpy_err_occurred(mpy_vm *vm) { return !mpy_is_null(vm->exc); }

bool mpy_err_matches(mpy_vm *vm, mpy_exc_id type)
{
    return !mpy_is_null(vm->exc) && mpy_isinstance(vm, vm->exc, vm->exc_types[type]);
}

mpy_value mpy_err_fetch(mpy_vm *vm)
{
    mpy_value e = vm->exc;
    vm->exc = MPY_NULL;
    return e;
}

void mpy_err_clear(mpy_vm *vm) { vm->exc = MPY_NULL; }

bool mpy_exc_add_traceback(mpy_vm *vm, mpy_value exc, mpy_obj *code, int line)
{
    if (mpy_is(exc, vm->memerr)) return true;
    mpy_traceback *tb = mpy_obj_alloc(vm, vm->types[MPY_TYPE_TRACEBACK], sizeof *tb);
    if (!tb) return false;
    mpy_exc *e = mpy_as_exc(exc);
    tb->next = e->traceback;
    tb->code = code;
    tb->line = line;
    e->traceback = tb;
    return true;
}

/* ------------------------------------------------------------- objects */

/* OSError(errno, strerror, ...) makes the subclass for errno, as
 * CPython's OSError.__new__ (only when called as OSError itself). */
static mpy_type *oserror_subclass(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args)
{
    if (type != vm->exc_types[MPY_EXC_OSError] || argc < 2 || !mpy_is_smallint(args[0])) return type;
    switch (args[0].u.i) {
    case ENOENT: return vm->exc_types[MPY_EXC_FileNotFoundError];
    case EEXIST: return vm->exc_types[MPY_EXC_FileExistsError];
    case EISDIR: return vm->exc_types[MPY_EXC_IsADirectoryError];
    case ENOTDIR: return vm->exc_types[MPY_EXC_NotADirectoryError];
    case EACCES: case EPERM: return vm->exc_types[MPY_EXC_PermissionError];
    default: return type;
    }
}

static mpy_value exc_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    type = oserror_subclass(vm, type, argc, args);
    mpy_exc *e = mpy_obj_alloc(vm, type, type->instance_size);
    if (!e) return MPY_NULL;
    e->args = mpy_tuple_from(vm, (size_t)argc, args);
    if (!e->args) return MPY_NULL;
    return mpy_from_obj(e);
}

static bool set_attr(mpy_vm *vm, mpy_value self, const char *name, mpy_value v)
{
    mpy_dict *d = mpy_instance_dict(vm, self, true);
    return d && mpy_dict_set_cstr(vm, d, name, v);
}

/* Accepts only the keywords a class allows (name=/path= for ImportError,
 * name=/obj= for AttributeError, name= for NameError). */
static bool exc_kwargs(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_type *t = mpy_typeof(vm, self);
    const char *allowed[3] = {NULL, NULL, NULL};
    if (is_exc_class(vm, t, MPY_EXC_ImportError)) { allowed[0] = "name"; allowed[1] = "path"; }
    else if (is_exc_class(vm, t, MPY_EXC_AttributeError)) { allowed[0] = "name"; allowed[1] = "obj"; }
    else if (is_exc_class(vm, t, MPY_EXC_NameError)) allowed[0] = "name";
    if (allowed[0]) {
        for (int i = 0; allowed[i]; i++)
            if (!set_attr(vm, self, allowed[i], MPY_NONE)) return false;
    }
    for (size_t k = 0; kw && k < kw->len; k++) {
        mpy_str *n = mpy_as_str(kw->items[k]);
        int i = 0;
        while (allowed[i] && strcmp(allowed[i], n->data) != 0) i++;
        if (!allowed[i]) {
            if (!allowed[0])
                return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no keyword arguments", mpy_type_name(t));
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() got an unexpected keyword argument '%s'",
                               mpy_type_name(t), n->data);
        }
        if (!set_attr(vm, self, allowed[i], args[argc + (int)k])) return false;
    }
    return true;
}

static bool syntax_error_init(mpy_vm *vm, mpy_value self, mpy_tuple *args)
{
    static const char *fields[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
    mpy_value msg = args->len >= 1 ? args->items[0] : MPY_NONE;
    if (!set_attr(vm, self, "msg", msg) || !set_attr(vm, self, "print_file_and_line", MPY_NONE)) return false;
    mpy_tuple *info = NULL;
    if (args->len == 2) {
        if (!mpy_is_sub(vm, args->items[1], MPY_TYPE_TUPLE) || mpy_as_tuple(args->items[1])->len < 4 ||
            mpy_as_tuple(args->items[1])->len > 6)
            return mpy_err_msg(vm, MPY_EXC_IndexError, "tuple index out of range");
        info = mpy_as_tuple(args->items[1]);
    }
    for (size_t i = 0; i < 6; i++)
        if (!set_attr(vm, self, fields[i], info && i < info->len ? info->items[i] : MPY_NONE)) return false;
    return true;
}

/* OSError's errno, strerror, filename, filename2 (CPython's oserror_init):
 * set from 2 to 5 arguments, None otherwise; a filename is dropped from
 * args. */
static bool oserror_init(mpy_vm *vm, mpy_value self, mpy_exc *e)
{
    mpy_tuple *a = e->args;
    bool full = a->len >= 2 && a->len <= 5;
    mpy_value fn = full && a->len >= 3 ? a->items[2] : MPY_NONE;
    mpy_value fn2 = full && a->len >= 5 ? a->items[4] : MPY_NONE;
    if (!set_attr(vm, self, "errno", full ? a->items[0] : MPY_NONE) ||
        !set_attr(vm, self, "strerror", full ? a->items[1] : MPY_NONE) || !set_attr(vm, self, "filename", fn) ||
        !set_attr(vm, self, "filename2", fn2))
        return false;
    if (!mpy_is_none(fn)) {
        e->args = mpy_tuple_from(vm, 2, a->items);
        if (!e->args) return false;
    }
    return true;
}

static bool exc_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_exc *e = mpy_as_exc(self);
    e->args = mpy_tuple_from(vm, (size_t)(argc - 1), args + 1);
    if (!e->args) return false;
    if (!exc_kwargs(vm, self, argc, args, kw)) return false;
    mpy_type *t = mpy_typeof(vm, self);
    if (is_exc_class(vm, t, MPY_EXC_SyntaxError)) return syntax_error_init(vm, self, e->args);
    if (is_exc_class(vm, t, MPY_EXC_ImportError) && e->args->len >= 1) return set_attr(vm, self, "msg", e->args->items[0]);
    if (is_exc_class(vm, t, MPY_EXC_OSError)) return oserror_init(vm, self, e);
    return true;
}

/* str(OSError): "[Errno 2] No such file or directory: 'f'" when errno and
 * strerror are set (NULL: not that case, no exception). */
static mpy_value oserror_str(mpy_vm *vm, mpy_value self)
{
    mpy_dict *d = mpy_instance_dict(vm, self, false);
    if (!d) return MPY_NULL;
    mpy_value no = mpy_dict_get_cstr(vm, d, "errno"), se = mpy_dict_get_cstr(vm, d, "strerror");
    mpy_value fn = mpy_dict_get_cstr(vm, d, "filename"), fn2 = mpy_dict_get_cstr(vm, d, "filename2");
    bool has_fn = !mpy_is_null(fn) && !mpy_is_none(fn);
    if (!has_fn && (mpy_is_null(no) || mpy_is_none(no) || mpy_is_null(se) || mpy_is_none(se))) return MPY_NULL;
    mpy_value parts[4] = {mpy_to_str(vm, mpy_is_null(no) ? MPY_NONE : no), MPY_NULL, MPY_NULL, MPY_NULL};
    if (mpy_is_null(parts[0])) return MPY_NULL;
    parts[1] = mpy_to_str(vm, mpy_is_null(se) ? MPY_NONE : se);
    if (mpy_is_null(parts[1])) return MPY_NULL;
    if (!has_fn)
        return mpy_from_obj(mpy_str_printf(vm, "[Errno %s] %s", mpy_as_str(parts[0])->data, mpy_as_str(parts[1])->data));
    parts[2] = mpy_repr(vm, fn);
    if (mpy_is_null(parts[2])) return MPY_NULL;
    if (!mpy_is_null(fn2) && !mpy_is_none(fn2)) {
        parts[3] = mpy_repr(vm, fn2);
        if (mpy_is_null(parts[3])) return MPY_NULL;
        return mpy_from_obj(mpy_str_printf(vm, "[Errno %s] %s: %s -> %s", mpy_as_str(parts[0])->data,
                                           mpy_as_str(parts[1])->data, mpy_as_str(parts[2])->data,
                                           mpy_as_str(parts[3])->data));
    }
    return mpy_from_obj(mpy_str_printf(vm, "[Errno %s] %s: %s", mpy_as_str(parts[0])->data,
                                       mpy_as_str(parts[1])->data, mpy_as_str(parts[2])->data));
}

/* str(exc) */
mpy_value mpy_exc_str(mpy_vm *vm, mpy_value self)
{
    mpy_exc *e = mpy_as_exc(self);
    mpy_type *t = mpy_typeof(vm, self);
    mpy_tuple *a = e->args;
    if (is_exc_class(vm, t, MPY_EXC_KeyError) && a->len == 1) return mpy_repr(vm, a->items[0]);
    if (is_exc_class(vm, t, MPY_EXC_OSError)) {
        mpy_value s = oserror_str(vm, self);
        if (!mpy_is_null(s) || mpy_err_occurred(vm)) return s;
    }
    if (is_exc_class(vm, t, MPY_EXC_SyntaxError)) {
        mpy_dict *d = mpy_instance_dict(vm, self, false);
        mpy_value msg = d ? mpy_dict_get_cstr(vm, d, "msg") : MPY_NULL;
        mpy_value fn = d ? mpy_dict_get_cstr(vm, d, "filename") : MPY_NULL;
        mpy_value ln = d ? mpy_dict_get_cstr(vm, d, "lineno") : MPY_NULL;
        if (mpy_is_null(msg)) msg = MPY_NONE;
        mpy_value ms = mpy_to_str(vm, msg);
        if (mpy_is_null(ms)) return MPY_NULL;
        bool has_fn = !mpy_is_null(fn) && mpy_is_sub(vm, fn, MPY_TYPE_STR);
        bool has_ln = !mpy_is_null(ln) && mpy_is_smallint(ln);
        if (has_fn) {
            const char *f = mpy_as_str(fn)->data, *slash = strrchr(f, '/');
            if (slash) f = slash + 1;
            if (has_ln)
                return mpy_from_obj(mpy_str_printf(vm, "%s (%s, line %lld)", mpy_as_str(ms)->data, f,
                                                   (long long)ln.u.i));
            return mpy_from_obj(mpy_str_printf(vm, "%s (%s)", mpy_as_str(ms)->data, f));
        }
        if (has_ln)
            return mpy_from_obj(mpy_str_printf(vm, "%s (line %lld)", mpy_as_str(ms)->data, (long long)ln.u.i));
        return ms;
    }
    if (a->len == 0) return mpy_from_obj(vm->empty_str);
    if (a->len == 1) return mpy_to_str(vm, a->items[0]);
    return mpy_repr(vm, mpy_from_obj(a));
}

static mpy_value exc_str(mpy_vm *vm, mpy_value self) { return mpy_exc_str(vm, self); }

static mpy_value exc_repr(mpy_vm *vm, mpy_value self)
{
    mpy_exc *e = mpy_as_exc(self);
    const char *name = mpy_tname(vm, self);
    if (e->args->len == 1) {
        mpy_value r = mpy_repr(vm, e->args->items[0]);
        if (mpy_is_null(r)) return MPY_NULL;
        return mpy_from_obj(mpy_str_printf(vm, "%s(%s)", name, mpy_as_str(r)->data));
    }
    if (e->args->len == 0) return mpy_from_obj(mpy_str_printf(vm, "%s()", name));
    mpy_value r = mpy_repr(vm, mpy_from_obj(e->args));
    if (mpy_is_null(r)) return MPY_NULL;
    return mpy_from_obj(mpy_str_printf(vm, "%s%s", name, mpy_as_str(r)->data));
}

static void exc_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_exc *e = (mpy_exc *)o;
    mpy_gc_mark_obj(vm, (mpy_obj *)e->dict);
    mpy_gc_mark_obj(vm, (mpy_obj *)e->args);
    mpy_gc_mark(vm, e->cause);
    mpy_gc_mark(vm, e->context);
    mpy_gc_mark_obj(vm, (mpy_obj *)e->traceback);
    mpy_gc_mark_array(vm, e->extra, 4);
}

static mpy_value exc_get_args(mpy_vm *vm, mpy_value self) { return mpy_from_obj(mpy_as_exc(self)->args); }
static bool exc_set_args(mpy_vm *vm, mpy_value self, mpy_value v)
{
    if (mpy_is_null(v)) return mpy_err_msg(vm, MPY_EXC_TypeError, "args may not be deleted");
    mpy_tuple *t;
    if (mpy_is_sub(vm, v, MPY_TYPE_TUPLE)) t = mpy_as_tuple(v);
    else {
        mpy_value tt = mpy_call1(vm, mpy_from_obj(vm->types[MPY_TYPE_TUPLE]), v);
        if (mpy_is_null(tt)) return false;
        t = mpy_as_tuple(tt);
    }
    mpy_as_exc(self)->args = t;
    return true;
}
static mpy_value opt(mpy_value v) { return mpy_is_null(v) ? MPY_NONE : v; }
static mpy_value exc_get_cause(mpy_vm *vm, mpy_value self) { return opt(mpy_as_exc(self)->cause); }
static bool exc_set_cause(mpy_vm *vm, mpy_value self, mpy_value v)
{
    if (!mpy_is_null(v) && !mpy_is_none(v) && !mpy_is_sub(vm, v, MPY_TYPE_OBJECT)) return false;
    if (!mpy_is_null(v) && !mpy_is_none(v) && !mpy_isinstance(vm, v, vm->exc_types[MPY_EXC_BaseException]))
        return mpy_err_msg(vm, MPY_EXC_TypeError, "exception cause must be None or derive from BaseException");
    mpy_exc *e = mpy_as_exc(self);
    e->cause = v;
    e->suppress_context = true;
    return true;
}
static mpy_value exc_get_context(mpy_vm *vm, mpy_value self) { return opt(mpy_as_exc(self)->context); }
static bool exc_set_context(mpy_vm *vm, mpy_value self, mpy_value v)
{
    if (!mpy_is_null(v) && !mpy_is_none(v) && !mpy_isinstance(vm, v, vm->exc_types[MPY_EXC_BaseException]))
        return mpy_err_msg(vm, MPY_EXC_TypeError, "exception context must be None or derive from BaseException");
    mpy_as_exc(self)->context = v;
    return true;
}
static mpy_value exc_get_suppress(mpy_vm *vm, mpy_value self) { return mpy_from_bool(mpy_as_exc(self)->suppress_context); }
static bool exc_set_suppress(mpy_vm *vm, mpy_value self, mpy_value v)
{
    int t = mpy_truth(vm, v);
    if (t < 0) return false;
    mpy_as_exc(self)->suppress_context = t;
    return true;
}
static mpy_value exc_get_tb(mpy_vm *vm, mpy_value self)
{
    mpy_traceback *tb = mpy_as_exc(self)->traceback;
    return tb ? mpy_from_obj(tb) : MPY_NONE;
}
static bool exc_set_tb(mpy_vm *vm, mpy_value self, mpy_value v)
{
    if (mpy_is_null(v) || mpy_is_none(v)) { mpy_as_exc(self)->traceback = NULL; return true; }
    if (!mpy_is_type(vm, v, MPY_TYPE_TRACEBACK))
        return mpy_err_msg(vm, MPY_EXC_TypeError, "__traceback__ must be a traceback or None");
    mpy_as_exc(self)->traceback = (mpy_traceback *)v.u.o;
    return true;
}

/* Class-specific attributes, computed from args as CPython does. */
static mpy_value exc_get_code(mpy_vm *vm, mpy_value self)
{
    mpy_tuple *a = mpy_as_exc(self)->args;
    mpy_value x = mpy_as_exc(self)->extra[0];
    if (!mpy_is_null(x)) return x;
    if (a->len == 0) return MPY_NONE;
    if (a->len == 1) return a->items[0];
    return mpy_from_obj(a);
}
static bool exc_set_code(mpy_vm *vm, mpy_value self, mpy_value v) { mpy_as_exc(self)->extra[0] = v; return true; }

static mpy_value exc_m_with_traceback(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "with_traceback() takes exactly one argument (%d given)", argc - 1);
    if (!exc_set_tb(vm, args[0], args[1])) return MPY_NULL;
    return args[0];
}

/* e.add_note(note) (3.11): appends to the list in e.__notes__, which the
 * report of vm/errors.c prints after the message. */
static mpy_value exc_m_add_note(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "add_note() takes no keyword arguments");
    if (argc != 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "BaseException.add_note() takes exactly one argument (%d given)",
                             argc - 1);
    if (!mpy_is_sub(vm, args[1], MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "note must be a str, not '%s'", mpy_tname(vm, args[1]));
    mpy_dict *d = mpy_instance_dict(vm, args[0], true);
    if (!d) return MPY_NULL;
    mpy_value notes = mpy_dict_get_cstr(vm, d, "__notes__");
    if (mpy_is_null(notes)) {
        mpy_list *l = mpy_list_new(vm, 1);
        if (!l || !mpy_dict_set_cstr(vm, d, "__notes__", mpy_from_obj(l))) return MPY_NULL;
        notes = mpy_from_obj(l);
    } else if (!mpy_is_sub(vm, notes, MPY_TYPE_LIST)) {
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "Cannot add note: __notes__ is not a list");
    }
    if (!mpy_list_append(vm, (mpy_list *)notes.u.o, args[1])) return MPY_NULL;
    return MPY_NONE;
}

static const mpy_method_def exc_methods[] = {
    {"with_traceback", exc_m_with_traceback, MPY_METH_DEFAULT},
    {"add_note", exc_m_add_note, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};
static const mpy_getset_def exc_getsets[] = {
    {"args", exc_get_args, exc_set_args},
    {"__cause__", exc_get_cause, exc_set_cause},
    {"__context__", exc_get_context, exc_set_context},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress},
    {"__traceback__", exc_get_tb, exc_set_tb},
    {NULL, NULL, NULL},
};
static const mpy_getset_def code_getsets[] = {{"code", exc_get_code, exc_set_code}, {NULL, NULL, NULL}};
static const mpy_getset_def value_getsets[] = {{"value", exc_get_code, exc_set_code}, {NULL, NULL, NULL}};

static const mpy_type_spec exc_base_spec = {
    .name = "BaseException",
    .flags = MPY_TF_BASETYPE | MPY_TF_EXCEPTION,
    .instance_size = sizeof(mpy_exc),
    .dict_offset = offsetof(mpy_exc, dict),
    .slots = {.new_ = exc_new_, .init = exc_init, .repr = exc_repr, .str = exc_str, .trace = exc_trace},
    .methods = exc_methods,
    .getsets = exc_getsets,
};

/* Creates the exception classes after the built-in types. */
bool mpy_exc_init_types(mpy_vm *vm)
{
    static const char *const names[] = {
#define NAME(n, b) #n,
        MPY_EXC_TYPES(NAME)
#undef NAME
    };
    static const char *const bases[] = {
#define BASE(n, b) #b,
        MPY_EXC_TYPES(BASE)
#undef BASE
    };
    for (int i = 0; i < MPY_EXC_COUNT; i++) {
        mpy_type *base = NULL;
        if (strcmp(bases[i], "object") == 0) base = vm->types[MPY_TYPE_OBJECT];
        for (int j = 0; j < i && !base; j++)
            if (strcmp(names[j], bases[i]) == 0) base = vm->exc_types[j];
        mpy_type_spec spec = exc_base_spec;
        spec.name = names[i];
        if (i != MPY_EXC_BaseException) {
            spec.methods = NULL;
            spec.getsets = NULL;
            if (i == MPY_EXC_SystemExit) spec.getsets = code_getsets;
            if (i == MPY_EXC_StopIteration) spec.getsets = value_getsets;
        }
        mpy_type *t = mpy_type_alloc(vm);
        if (!t) return false;
        vm->exc_types[i] = t;
        if (!mpy_type_init_builtin(vm, t, &spec, base)) return false;
    }
    return true;
}

/* ------------------------------------------------------------ traceback */

static void tb_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_traceback *tb = (mpy_traceback *)o;
    mpy_gc_mark_obj(vm, (mpy_obj *)tb->next);
    mpy_gc_mark_obj(vm, tb->code);
}

static mpy_value tb_get_lineno(mpy_vm *vm, mpy_value self) { return mpy_from_int(((mpy_traceback *)self.u.o)->line); }
static mpy_value tb_get_next(mpy_vm *vm, mpy_value self)
{
    mpy_traceback *n = ((mpy_traceback *)self.u.o)->next;
    return n ? mpy_from_obj(n) : MPY_NONE;
}

static const mpy_getset_def tb_getsets[] = {
    {"tb_lineno", tb_get_lineno, NULL},
    {"tb_next", tb_get_next, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_traceback_spec = {
    .name = "traceback",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_traceback),
    .slots = {.trace = tb_trace},
    .getsets = tb_getsets,
};
