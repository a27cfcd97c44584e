/* Host code seen from Python (vm/vm.h): host functions (type `hostfn`)
 * and host structs exposed through a member table (type `hostobj`).
 *
 * A hostfn call turns its arguments into handles that belong to the call,
 * runs the host's C function, and takes over the handle it returns; the
 * host never sees a raw value.  A hostobj is a view of a struct in host
 * memory: its getattr/setattr slots read and write the fields named in the
 * mpy_class member table, in place, so the host sees Python's assignments
 * at once (debug_console.py's AppState).  Methods in the class table come
 * back as hostfn objects bound to the object.
 */
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "vm/api_internal.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

typedef struct hostfn {
    mpy_obj hdr;
    mpy_host_fn fn;
    void *user_data;
    mpy_str *name;
    mpy_value self;   /* bound host object (a method), else MPY_NULL */
} hostfn;

typedef struct hostobj {
    mpy_obj hdr;
    const mpy_class *cls;
    void *data;       /* NULL once detached */
} hostobj;

/* ------------------------------------------------------ host functions */

static mpy_value hostfn_make(mpy_vm *vm, mpy_str *name, mpy_host_fn fn, void *ud, mpy_value self)
{
    hostfn *f = mpy_obj_alloc(vm, vm->types[MPY_TYPE_HOSTFN], sizeof *f);
    if (!f) return MPY_NULL;
    f->fn = fn;
    f->user_data = ud;
    f->name = name;
    f->self = self;
    return mpy_from_obj(f);
}

mpy_handle mpy_new_function(mpy_vm *vm, const char *name, mpy_host_fn fn, void *user_data)
{
    if (!name || !fn) return mpy_api_bad_arg(vm, "mpy_new_function", "NULL name or function");
    mpy_str *n = mpy_str_from_utf8(vm, name, strlen(name), "strict");
    return n ? mpy_api_handle(vm, hostfn_make(vm, n, fn, user_data, MPY_NULL)) : MPY_NO_HANDLE;
}

static void release_all(mpy_vm *vm, mpy_handle *h, int n)
{
    for (int i = 0; i < n; i++) mpy_handle_release(vm, h[i]);
}

/* Runs the host function with handles[0..n) (positional ones first, then
 * one per keyword) and converts its answer back to a value. */
static mpy_value hostfn_run(mpy_vm *vm, hostfn *f, mpy_handle *h, int npos, int nkw, const char **names)
{
    mpy_args a = {npos, h, nkw, names, h + npos};
    mpy_handle r = f->fn(vm, &a, f->user_data);
    mpy_value v = MPY_NULL;
    if (r && mpy_err_occurred(vm)) {
        mpy_handle_release(vm, r);
        r = MPY_NO_HANDLE;
    } else if (r && !mpy_api_value(vm, r, &v)) {
        v = MPY_NULL;
    }
    if (!r && !mpy_err_occurred(vm))
        mpy_err_fmt(vm, MPY_EXC_SystemError, "host function %s returned no value without raising", f->name->data);
    mpy_handle_release(vm, r);
    return v;
}

static mpy_value hostfn_call(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    hostfn *f = (hostfn *)self.u.o;
    int nkw = kw ? (int)kw->len : 0;
    int nself = mpy_is_null(f->self) ? 0 : 1;
    int n = nself + argc + nkw;
    mpy_handle small_h[8];
    const char *small_n[8];
    mpy_handle *h = small_h;
    const char **names = small_n;
    if (n > 8 || nkw > 8) {
        h = mpy_mem_realloc(vm, NULL, 0, (size_t)n * sizeof *h);
        names = h ? mpy_mem_realloc(vm, NULL, 0, (size_t)(nkw + 1) * sizeof *names) : NULL;
        if (!names) {
            if (h) mpy_mem_free(vm, h, (size_t)n * sizeof *h);
            return MPY_NULL;
        }
    }
    mpy_value r = MPY_NULL;
    int made = 0;
    for (; made < n; made++) {
        mpy_value v = made < nself ? f->self : args[made - nself];
        if (!(h[made] = mpy_api_handle(vm, v))) break;
    }
    for (int i = 0; i < nkw; i++) names[i] = mpy_as_str(kw->items[i])->data;
    if (made == n && mpy_c_enter(vm, NULL)) {
        r = hostfn_run(vm, f, h, nself + argc, nkw, names);
        mpy_c_leave(vm);
    }
    release_all(vm, h, made);
    if (h != small_h) {
        mpy_mem_free(vm, h, (size_t)n * sizeof *h);
        mpy_mem_free(vm, names, (size_t)(nkw + 1) * sizeof *names);
    }
    return r;
}

static mpy_value hostfn_repr(mpy_vm *vm, mpy_value self)
{
    hostfn *f = (hostfn *)self.u.o;
    mpy_str *s = mpy_is_null(f->self)
                     ? mpy_str_printf(vm, "<built-in function %s>", f->name->data)
                     : mpy_str_printf(vm, "<built-in method %s of %s object at %p>", f->name->data,
                                      ((hostobj *)f->self.u.o)->cls->name, (void *)f->self.u.o);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static mpy_value hostfn_get_name(mpy_vm *vm, mpy_value self) { return mpy_from_obj(((hostfn *)self.u.o)->name); }

static void hostfn_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark_obj(vm, (mpy_obj *)((hostfn *)o)->name);
    mpy_gc_mark(vm, ((hostfn *)o)->self);
}

static const mpy_getset_def hostfn_getsets[] = {
    {"__name__", hostfn_get_name, NULL},
    {"__qualname__", hostfn_get_name, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_hostfn_spec = {
    .name = "builtin_function_or_method",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(hostfn),
    .slots = {.call = hostfn_call, .repr = hostfn_repr, .trace = hostfn_trace},
    .getsets = hostfn_getsets,
};

/* -------------------------------------------------------- host objects */

mpy_handle mpy_new_object(mpy_vm *vm, const mpy_class *cls, void *data)
{
    if (!cls || !cls->name || !data) return mpy_api_bad_arg(vm, "mpy_new_object", "NULL class or data");
    hostobj *o = mpy_obj_alloc(vm, vm->types[MPY_TYPE_HOSTOBJ], sizeof *o);
    if (!o) return MPY_NO_HANDLE;
    o->cls = cls;
    o->data = data;
    return mpy_api_handle(vm, mpy_from_obj(o));
}

static hostobj *as_hostobj(mpy_vm *vm, mpy_handle h)
{
    mpy_value v;
    if (!mpy_api_value(vm, h, &v)) return NULL;
    if (!mpy_is_obj(v) || v.u.o->type != vm->types[MPY_TYPE_HOSTOBJ]) {
        mpy_err_fmt(vm, MPY_EXC_TypeError, "expected a host object, got %s", mpy_tname(vm, v));
        return NULL;
    }
    return (hostobj *)v.u.o;
}

void *mpy_object_data(mpy_vm *vm, mpy_handle h, const mpy_class *cls)
{
    mpy_value saved = vm->exc;
    hostobj *o = as_hostobj(vm, h);
    vm->exc = saved;
    return o && (!cls || o->cls == cls) ? o->data : NULL;
}

void mpy_object_detach(mpy_vm *vm, mpy_handle h)
{
    mpy_value saved = vm->exc;
    hostobj *o = as_hostobj(vm, h);
    vm->exc = saved;
    if (o) o->data = NULL;
}

static const mpy_member *find_member(const mpy_class *cls, const char *name)
{
    for (const mpy_member *m = cls->members; m && m->name; m++)
        if (!strcmp(m->name, name)) return m;
    return NULL;
}

static const mpy_host_method *find_method(const mpy_class *cls, const char *name)
{
    for (const mpy_host_method *m = cls->methods; m && m->name; m++)
        if (!strcmp(m->name, name)) return m;
    return NULL;
}

static bool attached(mpy_vm *vm, hostobj *o)
{
    if (o->data) return true;
    return mpy_err_fmt(vm, MPY_EXC_ReferenceError, "the host released this %s object", o->cls->name);
}

static mpy_value member_get(mpy_vm *vm, hostobj *o, const mpy_member *m)
{
    char *p = (char *)o->data + m->offset;
    switch (m->type) {
    case MPY_MEMBER_INT: { int i; memcpy(&i, p, sizeof i); return mpy_from_int(i); }
    case MPY_MEMBER_INT64: { int64_t i; memcpy(&i, p, sizeof i); return mpy_from_int(i); }
    case MPY_MEMBER_DOUBLE: { double d; memcpy(&d, p, sizeof d); return mpy_from_float(d); }
    case MPY_MEMBER_BOOL: { bool b; memcpy(&b, p, sizeof b); return mpy_from_bool(b); }
    case MPY_MEMBER_CSTR: {
        const char *s;
        memcpy(&s, p, sizeof s);
        if (!s) return MPY_NONE;
        mpy_str *r = mpy_str_from_utf8(vm, s, strlen(s), "strict");
        return r ? mpy_from_obj(r) : MPY_NULL;
    }
    case MPY_MEMBER_CHARS: {
        mpy_str *r = mpy_str_from_utf8(vm, p, strnlen(p, m->size), "strict");
        return r ? mpy_from_obj(r) : MPY_NULL;
    }
    case MPY_MEMBER_HANDLE: {
        mpy_handle h;
        memcpy(&h, p, sizeof h);
        mpy_value v;
        if (!h) return MPY_NONE;
        return mpy_api_value(vm, h, &v) ? v : MPY_NULL;
    }
    }
    return mpy_err_fmt_v(vm, MPY_EXC_SystemError, "bad member type for %s", m->name);
}

static bool set_int(mpy_vm *vm, const mpy_member *m, char *p, mpy_value v)
{
    int64_t i;
    if (mpy_is_float(v) || mpy_is_sub(vm, v, MPY_TYPE_FLOAT))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "'float' object cannot be interpreted as an integer");
    if (!mpy_is_smallint(v) && mpy_is_sub(vm, v, MPY_TYPE_INT))
        return mpy_err_msg(vm, MPY_EXC_OverflowError, "Python int too large to convert to C int");
    if (!mpy_index(vm, v, &i)) return false;
    if (m->type == MPY_MEMBER_INT64) {
        memcpy(p, &i, sizeof i);
        return true;
    }
    if (i < INT32_MIN || i > INT32_MAX)
        return mpy_err_msg(vm, MPY_EXC_OverflowError, "Python int too large to convert to C int");
    int n = (int)i;
    memcpy(p, &n, sizeof n);
    return true;
}

static bool member_set(mpy_vm *vm, hostobj *o, const mpy_member *m, mpy_value v)
{
    if (m->readonly || m->type == MPY_MEMBER_CSTR) return mpy_err_msg(vm, MPY_EXC_AttributeError, "readonly attribute");
    if (mpy_is_null(v)) return mpy_err_msg(vm, MPY_EXC_TypeError, "can't delete numeric/char attribute");
    char *p = (char *)o->data + m->offset;
    switch (m->type) {
    case MPY_MEMBER_INT:
    case MPY_MEMBER_INT64: return set_int(vm, m, p, v);
    case MPY_MEMBER_DOUBLE: {
        double d;
        if (!mpy_is_smallint(v) && !mpy_is_float(v) && !mpy_is_sub(vm, v, MPY_TYPE_INT) &&
            !mpy_is_sub(vm, v, MPY_TYPE_FLOAT))
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "must be real number, not %s", mpy_tname(vm, v));
        if (!mpy_to_double(vm, v, &d)) return false;
        memcpy(p, &d, sizeof d);
        return true;
    }
    case MPY_MEMBER_BOOL: {
        if (!mpy_is_bool(v)) return mpy_err_msg(vm, MPY_EXC_TypeError, "attribute value type must be bool");
        bool b = mpy_as_bool(v);
        memcpy(p, &b, sizeof b);
        return true;
    }
    case MPY_MEMBER_CHARS: {
        if (!mpy_is_sub(vm, v, MPY_TYPE_STR))
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "expected str, got %s", mpy_tname(vm, v));
        mpy_str *s = mpy_as_str(v);
        if (s->len + 1 > m->size || memchr(s->data, 0, s->len))
            return mpy_err_fmt(vm, MPY_EXC_ValueError, "string too long for %s (at most %zu bytes)", m->name,
                               m->size ? m->size - 1 : 0);
        memcpy(p, s->data, s->len + 1);
        return true;
    }
    case MPY_MEMBER_HANDLE: {
        mpy_handle h;
        memcpy(&h, p, sizeof h);
        if (h) {
            mpy_value old;
            if (!mpy_api_value(vm, h, &old)) return false;
            mpy_api_rebind(vm, h, v);
            return true;
        }
        /* An empty field gets a handle of its own (the host releases it). */
        if (!(h = mpy_api_handle(vm, v))) return false;
        memcpy(p, &h, sizeof h);
        return true;
    }
    case MPY_MEMBER_CSTR: break;
    }
    return mpy_err_fmt(vm, MPY_EXC_SystemError, "bad member type for %s", m->name);
}

static mpy_value hostobj_getattr(mpy_vm *vm, mpy_value self, mpy_str *name)
{
    hostobj *o = (hostobj *)self.u.o;
    const mpy_member *m = find_member(o->cls, name->data);
    if (m) return attached(vm, o) ? member_get(vm, o, m) : MPY_NULL;
    const mpy_host_method *meth = find_method(o->cls, name->data);
    if (meth) return hostfn_make(vm, name, meth->fn, NULL, self);
    mpy_value r = mpy_generic_getattr(vm, self, name);
    if (mpy_is_null(r) && mpy_err_matches(vm, MPY_EXC_AttributeError)) {
        mpy_err_clear(vm);
        mpy_err_fmt(vm, MPY_EXC_AttributeError, "'%s' object has no attribute '%s'", o->cls->name, name->data);
    }
    return r;
}

static bool hostobj_setattr(mpy_vm *vm, mpy_value self, mpy_str *name, mpy_value value)
{
    hostobj *o = (hostobj *)self.u.o;
    const mpy_member *m = find_member(o->cls, name->data);
    if (m) return attached(vm, o) && member_set(vm, o, m, value);
    if (find_method(o->cls, name->data))
        return mpy_err_fmt(vm, MPY_EXC_AttributeError, "'%s' object attribute '%s' is read-only", o->cls->name,
                           name->data);
    return mpy_err_fmt(vm, MPY_EXC_AttributeError, "'%s' object has no attribute '%s'", o->cls->name, name->data);
}

static mpy_value hostobj_repr(mpy_vm *vm, mpy_value self)
{
    hostobj *o = (hostobj *)self.u.o;
    mpy_str *s = mpy_str_printf(vm, "<%s object at %p>", o->cls->name, (void *)o);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

const mpy_type_spec mpy_hostobj_spec = {
    .name = "hostobject",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(hostobj),
    .slots = {.repr = hostobj_repr, .getattr = hostobj_getattr, .setattr = hostobj_setattr},
};
