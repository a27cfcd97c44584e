/* Callables and descriptors (see func.h).  Calling a Python function is
 * the interpreter's job (vm/interp.c: mpy_interp_call); this file gives
 * the objects, their descriptor behaviour (functions bind to instances,
 * natives of a type bind as built-in methods) and their reprs. */
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "vm/code.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

mpy_value mpy_interp_call(mpy_vm *vm, mpy_function *f, int argc, const mpy_value *args, mpy_tuple *kwnames);

mpy_value mpy_native_new(mpy_vm *vm, const char *name, mpy_native_fn fn, mpy_type *owner)
{
    mpy_native *n = mpy_obj_alloc(vm, vm->types[MPY_TYPE_NATIVE], sizeof *n);
    if (!n) return MPY_NULL;
    n->name = name;
    n->fn = fn;
    n->owner = owner;
    return mpy_from_obj(n);
}

mpy_value mpy_method_new(mpy_vm *vm, mpy_value func, mpy_value self)
{
    mpy_method *m = mpy_obj_alloc(vm, vm->types[MPY_TYPE_METHOD], sizeof *m);
    if (!m) return MPY_NULL;
    m->func = func;
    m->self = self;
    return mpy_from_obj(m);
}

mpy_cell *mpy_cell_new(mpy_vm *vm, mpy_value v)
{
    mpy_cell *c = mpy_obj_alloc(vm, vm->types[MPY_TYPE_CELL], sizeof *c);
    if (c) c->value = v;
    return c;
}

static mpy_value wrapper_new(mpy_vm *vm, mpy_type_id id, mpy_value f)
{
    mpy_wrapper *w = mpy_obj_alloc(vm, vm->types[id], vm->types[id]->instance_size);
    if (!w) return MPY_NULL;
    w->func = f;
    return mpy_from_obj(w);
}

mpy_value mpy_staticmethod_new(mpy_vm *vm, mpy_value f) { return wrapper_new(vm, MPY_TYPE_STATICMETHOD, f); }
mpy_value mpy_classmethod_new(mpy_vm *vm, mpy_value f) { return wrapper_new(vm, MPY_TYPE_CLASSMETHOD, f); }

mpy_value mpy_getset_new(mpy_vm *vm, const mpy_getset_def *def, mpy_type *owner)
{
    mpy_getset *g = mpy_obj_alloc(vm, vm->types[MPY_TYPE_GETSET], sizeof *g);
    if (!g) return MPY_NULL;
    g->def = def;
    g->owner = owner;
    return mpy_from_obj(g);
}

mpy_function *mpy_function_new(mpy_vm *vm, mpy_code *code, mpy_dict *globals)
{
    mpy_function *f = mpy_obj_alloc(vm, vm->types[MPY_TYPE_FUNCTION], sizeof *f);
    if (!f) return NULL;
    f->code = code;
    f->globals = globals;
    f->name = code->name;
    f->qualname = code->qualname;
    f->doc = MPY_NULL;
    f->annotations = MPY_NULL;
    f->module = mpy_dict_get_str(vm, globals, vm->names.__name__);
    return f;
}

/* ------------------------------------------------------------ functions */

static mpy_value function_call(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return mpy_interp_call(vm, (mpy_function *)self.u.o, argc, args, kw);
}

static mpy_value function_get(mpy_vm *vm, mpy_value self, mpy_value inst, mpy_type *owner)
{
    if (mpy_is_null(inst) || mpy_is_none(inst)) return self;
    return mpy_method_new(vm, self, inst);
}

static mpy_value function_repr(mpy_vm *vm, mpy_value self)
{
    mpy_function *f = (mpy_function *)self.u.o;
    return mpy_from_obj(mpy_str_printf(vm, "<function %s at %p>", f->qualname->data, (void *)f));
}

static void function_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_function *f = (mpy_function *)o;
    mpy_gc_mark_obj(vm, (mpy_obj *)f->dict);
    mpy_gc_mark_obj(vm, (mpy_obj *)f->code);
    mpy_gc_mark_obj(vm, (mpy_obj *)f->globals);
    mpy_gc_mark_obj(vm, (mpy_obj *)f->defaults);
    mpy_gc_mark_obj(vm, (mpy_obj *)f->kwdefaults);
    mpy_gc_mark_obj(vm, (mpy_obj *)f->closure);
    mpy_gc_mark(vm, f->annotations);
    mpy_gc_mark_obj(vm, (mpy_obj *)f->name);
    mpy_gc_mark_obj(vm, (mpy_obj *)f->qualname);
    mpy_gc_mark(vm, f->doc);
    mpy_gc_mark(vm, f->module);
}

static mpy_value fn_get_name(mpy_vm *vm, mpy_value self) { return mpy_from_obj(((mpy_function *)self.u.o)->name); }
static bool fn_set_name(mpy_vm *vm, mpy_value self, mpy_value v)
{
    if (mpy_is_null(v) || !mpy_is_sub(vm, v, MPY_TYPE_STR))
        return mpy_err_msg(vm, MPY_EXC_TypeError, "__name__ must be set to a string object");
    ((mpy_function *)self.u.o)->name = mpy_as_str(v);
    return true;
}
static mpy_value fn_get_qualname(mpy_vm *vm, mpy_value self) { return mpy_from_obj(((mpy_function *)self.u.o)->qualname); }
static bool fn_set_qualname(mpy_vm *vm, mpy_value self, mpy_value v)
{
    if (mpy_is_null(v) || !mpy_is_sub(vm, v, MPY_TYPE_STR))
        return mpy_err_msg(vm, MPY_EXC_TypeError, "__qualname__ must be set to a string object");
    ((mpy_function *)self.u.o)->qualname = mpy_as_str(v);
    return true;
}
static mpy_value fn_get_doc(mpy_vm *vm, mpy_value self)
{
    mpy_value d = ((mpy_function *)self.u.o)->doc;
    return mpy_is_null(d) ? MPY_NONE : d;
}
static bool fn_set_doc(mpy_vm *vm, mpy_value self, mpy_value v) { ((mpy_function *)self.u.o)->doc = v; return true; }
static mpy_value fn_get_module(mpy_vm *vm, mpy_value self)
{
    mpy_value m = ((mpy_function *)self.u.o)->module;
    return mpy_is_null(m) ? MPY_NONE : m;
}
static bool fn_set_module(mpy_vm *vm, mpy_value self, mpy_value v) { ((mpy_function *)self.u.o)->module = v; return true; }
static mpy_value fn_get_code(mpy_vm *vm, mpy_value self) { return mpy_from_obj(((mpy_function *)self.u.o)->code); }
static bool fn_set_code(mpy_vm *vm, mpy_value self, mpy_value v)
{
    mpy_function *f = (mpy_function *)self.u.o;
    if (mpy_is_null(v) || !mpy_is_type(vm, v, MPY_TYPE_CODE))
        return mpy_err_msg(vm, MPY_EXC_TypeError, "__code__ must be set to a code object");
    mpy_code *co = (mpy_code *)v.u.o;
    /* The closure must still fit the new code's free variables. */
    size_t have = f->closure ? f->closure->len : 0;
    if (co->nfree != have)
        return mpy_err_fmt(vm, MPY_EXC_ValueError, "%s() requires a code object with %zu free vars, not %u",
                           f->name->data, have, (unsigned)co->nfree);
    f->code = co;
    return true;
}
static mpy_value fn_get_globals(mpy_vm *vm, mpy_value self) { return mpy_from_obj(((mpy_function *)self.u.o)->globals); }
static mpy_value fn_get_defaults(mpy_vm *vm, mpy_value self)
{
    mpy_tuple *d = ((mpy_function *)self.u.o)->defaults;
    return d ? mpy_from_obj(d) : MPY_NONE;
}
static bool fn_set_defaults(mpy_vm *vm, mpy_value self, mpy_value v)
{
    mpy_function *f = (mpy_function *)self.u.o;
    if (mpy_is_null(v) || mpy_is_none(v)) { f->defaults = NULL; return true; }
    if (!mpy_is_sub(vm, v, MPY_TYPE_TUPLE))
        return mpy_err_msg(vm, MPY_EXC_TypeError, "__defaults__ must be set to a tuple object");
    f->defaults = mpy_as_tuple(v);
    return true;
}
static mpy_value fn_get_kwdefaults(mpy_vm *vm, mpy_value self)
{
    mpy_dict *d = ((mpy_function *)self.u.o)->kwdefaults;
    return d ? mpy_from_obj(d) : MPY_NONE;
}
static mpy_value fn_get_closure(mpy_vm *vm, mpy_value self)
{
    mpy_tuple *c = ((mpy_function *)self.u.o)->closure;
    return c ? mpy_from_obj(c) : MPY_NONE;
}
static mpy_value fn_get_annotations(mpy_vm *vm, mpy_value self)
{
    mpy_function *f = (mpy_function *)self.u.o;
    if (mpy_is_null(f->annotations)) {
        mpy_dict *d = mpy_dict_new(vm);
        if (!d) return MPY_NULL;
        f->annotations = mpy_from_obj(d);
    }
    return f->annotations;
}
static mpy_value fn_get_dict(mpy_vm *vm, mpy_value self)
{
    mpy_dict *d = mpy_instance_dict(vm, self, true);
    return d ? mpy_from_obj(d) : MPY_NULL;
}

static const mpy_getset_def function_getsets[] = {
    {"__name__", fn_get_name, fn_set_name},
    {"__qualname__", fn_get_qualname, fn_set_qualname},
    {"__doc__", fn_get_doc, fn_set_doc},
    {"__module__", fn_get_module, fn_set_module},
    {"__code__", fn_get_code, fn_set_code},
    {"__globals__", fn_get_globals, NULL},
    {"__defaults__", fn_get_defaults, fn_set_defaults},
    {"__kwdefaults__", fn_get_kwdefaults, NULL},
    {"__closure__", fn_get_closure, NULL},
    {"__annotations__", fn_get_annotations, NULL},
    {"__dict__", fn_get_dict, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_function_spec = {
    .name = "function",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_function),
    .dict_offset = offsetof(mpy_function, dict),
    .slots = {.call = function_call, .descr_get = function_get, .repr = function_repr,
              .trace = function_trace},
    .getsets = function_getsets,
};

/* --------------------------------------------------------------- natives */

static mpy_value native_call(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_native *n = (mpy_native *)self.u.o;
    if (!mpy_c_enter(vm, NULL)) return MPY_NULL;
    mpy_value r;
    if (n->owner && argc == 0)
        r = mpy_err_fmt_v(vm, MPY_EXC_TypeError, "unbound method %s.%s() needs an argument",
                          mpy_type_name(n->owner), n->name);
    else if (n->owner && !mpy_isinstance(vm, args[0], n->owner) && !(n->owner == vm->types[MPY_TYPE_OBJECT]))
        r = mpy_err_fmt_v(vm, MPY_EXC_TypeError,
                          "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", n->name,
                          mpy_type_name(n->owner), mpy_tname(vm, args[0]));
    else
        r = n->fn(vm, argc, args, kw);
    mpy_c_leave(vm);
    return r;
}

static mpy_value native_get(mpy_vm *vm, mpy_value self, mpy_value inst, mpy_type *owner)
{
    mpy_native *n = (mpy_native *)self.u.o;
    if (!n->owner || mpy_is_null(inst)) return self;
    return mpy_method_new(vm, self, inst);
}

static mpy_value native_repr(mpy_vm *vm, mpy_value self)
{
    mpy_native *n = (mpy_native *)self.u.o;
    if (n->owner)
        return mpy_from_obj(mpy_str_printf(vm, "<method '%s' of '%s' objects>", n->name, mpy_type_name(n->owner)));
    return mpy_from_obj(mpy_str_printf(vm, "<built-in function %s>", n->name));
}

static void native_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_native *n = (mpy_native *)o;
    mpy_gc_mark_obj(vm, (mpy_obj *)n->owner);
    mpy_gc_mark(vm, n->self);
}

static mpy_value native_get_name(mpy_vm *vm, mpy_value self)
{
    return mpy_from_obj(mpy_str_from_cstr(vm, ((mpy_native *)self.u.o)->name));
}

/* A method of a built-in type: "list.append", as CPython. */
static mpy_value native_get_qualname(mpy_vm *vm, mpy_value self)
{
    mpy_native *n = (mpy_native *)self.u.o;
    if (!n->owner) return native_get_name(vm, self);
    mpy_str *q = n->owner->qualname ? n->owner->qualname : n->owner->name;
    return mpy_from_obj(mpy_str_printf(vm, "%s.%s", q->data, n->name));
}

static const mpy_getset_def native_getsets[] = {
    {"__name__", native_get_name, NULL},
    {"__qualname__", native_get_qualname, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_builtin_function_or_method_spec = {
    .name = "builtin_function_or_method",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_native),
    .slots = {.call = native_call, .descr_get = native_get, .repr = native_repr, .trace = native_trace},
    .getsets = native_getsets,
};

/* ------------------------------------------------------- bound methods */

static mpy_value method_call(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_method *m = (mpy_method *)self.u.o;
    int n = argc + (kw ? (int)kw->len : 0);
    mpy_value small[8];
    mpy_value *a = small;
    if (n + 1 > 8) {
        a = mpy_mem_realloc(vm, NULL, 0, (size_t)(n + 1) * sizeof *a);
        if (!a) return MPY_NULL;
    }
    a[0] = m->self;
    if (n) memcpy(a + 1, args, (size_t)n * sizeof *a); /* args may be NULL when n == 0 */
    mpy_value r;
    if (mpy_is_type(vm, m->func, MPY_TYPE_NATIVE)) {
        mpy_native *nf = (mpy_native *)m->func.u.o;
        r = nf->fn(vm, argc + 1, a, kw);
    } else {
        r = mpy_call_rooted(vm, m->func, argc + 1, a, kw);
    }
    if (a != small) mpy_mem_free(vm, a, (size_t)(n + 1) * sizeof *a);
    return r;
}

static mpy_value method_repr(mpy_vm *vm, mpy_value self)
{
    mpy_method *m = (mpy_method *)self.u.o;
    if (mpy_is_type(vm, m->func, MPY_TYPE_NATIVE)) {
        mpy_native *n = (mpy_native *)m->func.u.o;
        if (mpy_is_sub(vm, m->self, MPY_TYPE_MODULE))
            return mpy_from_obj(mpy_str_printf(vm, "<built-in function %s>", n->name));
        return mpy_from_obj(mpy_str_printf(vm, "<built-in method %s of %s object at %p>", n->name,
                                           mpy_tname(vm, m->self), (void *)m->self.u.o));
    }
    if (mpy_is_type(vm, m->func, MPY_TYPE_WRAPPER)) {
        /* A slot wrapper bound to an instance: CPython's method-wrapper. */
        mpy_value n = mpy_getattr(vm, m->func, vm->names.__name__);
        if (mpy_is_null(n) || !mpy_is_sub(vm, n, MPY_TYPE_STR)) return MPY_NULL;
        return mpy_from_obj(mpy_str_printf(vm, "<method-wrapper '%s' of %s object at %p>", mpy_as_str(n)->data,
                                           mpy_tname(vm, m->self), (void *)m->self.u.o));
    }
    mpy_value qn = mpy_getattr(vm, m->func, vm->names.__qualname__);
    if (mpy_is_null(qn)) return MPY_NULL;
    mpy_value sr = mpy_repr(vm, m->self);
    if (mpy_is_null(sr)) return MPY_NULL;
    mpy_value qs = mpy_to_str(vm, qn);
    if (mpy_is_null(qs)) return MPY_NULL;
    return mpy_from_obj(mpy_str_printf(vm, "<bound method %s of %s>", mpy_as_str(qs)->data, mpy_as_str(sr)->data));
}

static void method_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_method *m = (mpy_method *)o;
    mpy_gc_mark(vm, m->func);
    mpy_gc_mark(vm, m->self);
}

static mpy_value method_getattr(mpy_vm *vm, mpy_value self, mpy_str *name)
{
    mpy_method *m = (mpy_method *)self.u.o;
    if (name == vm->names.__self__) return m->self;
    if (strcmp(name->data, "__func__") == 0) return m->func;
    mpy_value v = mpy_generic_getattr(vm, self, name);
    if (!mpy_is_null(v) || !mpy_err_matches(vm, MPY_EXC_AttributeError)) return v;
    mpy_err_clear(vm);
    return mpy_getattr(vm, m->func, name);
}

static mpy_value method_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if ((op != MPY_CMP_EQ && op != MPY_CMP_NE) || !mpy_is_type(vm, b, MPY_TYPE_METHOD)) return mpy_notimpl(vm);
    mpy_method *x = (mpy_method *)a.u.o, *y = (mpy_method *)b.u.o;
    bool eq = mpy_is(x->self, y->self) && mpy_is(x->func, y->func);
    return mpy_from_bool(op == MPY_CMP_EQ ? eq : !eq);
}

static bool method_hash(mpy_vm *vm, mpy_value self, int64_t *out)
{
    mpy_method *m = (mpy_method *)self.u.o;
    *out = (int64_t)(((uintptr_t)m->self.u.o >> 4) ^ ((uintptr_t)m->func.u.o >> 4));
    if (*out == -1) *out = -2;
    return true;
}

/* method(func, self): types.MethodType's constructor (mods helper), with
 * CPython's checks: func callable, exactly two positional arguments. */
static mpy_value method_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kwnames)
{
    (void)type;
    if (kwnames && kwnames->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "method() takes no keyword arguments");
    if (argc != 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "method expected 2 arguments, got %d", argc);
    if (!mpy_is_callable(vm, args[0])) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "first argument must be callable");
    if (mpy_is_none(args[1])) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "instance must not be None");
    return mpy_method_new(vm, args[0], args[1]);
}

const mpy_type_spec mpy_method_spec = {
    .name = "method",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_method),
    .slots = {.call = method_call, .repr = method_repr, .trace = method_trace, .getattr = method_getattr,
              .richcmp = method_richcmp, .hash = method_hash, .new_ = method_new_},
};

/* ----------------------------------------------------------------- cells */

static void cell_trace(mpy_vm *vm, mpy_obj *o) { mpy_gc_mark(vm, ((mpy_cell *)o)->value); }

static mpy_value cell_repr(mpy_vm *vm, mpy_value self)
{
    mpy_cell *c = (mpy_cell *)self.u.o;
    if (mpy_is_null(c->value)) return mpy_from_obj(mpy_str_printf(vm, "<cell at %p: empty>", (void *)c));
    return mpy_from_obj(mpy_str_printf(vm, "<cell at %p: %s object at %p>", (void *)c, mpy_tname(vm, c->value),
                                       (void *)c->value.u.o));
}

static mpy_value cell_get_contents(mpy_vm *vm, mpy_value self)
{
    mpy_cell *c = (mpy_cell *)self.u.o;
    if (mpy_is_null(c->value)) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "Cell is empty");
    return c->value;
}

static const mpy_getset_def cell_getsets[] = {{"cell_contents", cell_get_contents, NULL}, {NULL, NULL, NULL}};

const mpy_type_spec mpy_cell_spec = {
    .name = "cell",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_cell),
    .slots = {.trace = cell_trace, .repr = cell_repr},
    .getsets = cell_getsets,
};
