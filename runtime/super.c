/* The `super` type: attribute lookup that starts after a given class in
 * the MRO of an object's type (CPython's superobject).
 *
 * super() without arguments asks the interpreter for the running
 * function's __class__ cell and first argument (mpy_interp_super_args).
 * An attribute found on a class after `type` in the MRO is bound with its
 * descriptor's get slot: to the instance for super(type, obj), or to
 * nothing (class access) for super(type, subtype), exactly as
 * super_getattro does, so functions become bound methods, classmethods
 * bind the starting class and properties run their getter.
 */
#include <string.h>

#include "vm/state.h"
#include "vm/interp.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

typedef struct mpy_super {
    mpy_obj hdr;
    mpy_type *type;      /* __thisclass__: the search starts after it */
    mpy_value obj;       /* __self__, MPY_NULL for an unbound super(type) */
    mpy_type *obj_type;  /* __self_class__: the type whose MRO is searched */
} mpy_super;

static mpy_super *as_super(mpy_value v) { return (mpy_super *)v.u.o; }

static mpy_value super_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_super *s = mpy_obj_alloc(vm, type, type->instance_size);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

/* The type whose MRO super(type, obj) searches: obj itself when it is a
 * subclass of type, else obj's type when obj is an instance of it. */
static mpy_type *supercheck(mpy_vm *vm, mpy_type *type, mpy_value obj)
{
    if (mpy_is_sub(vm, obj, MPY_TYPE_TYPE) && mpy_type_is_sub((mpy_type *)obj.u.o, type)) return (mpy_type *)obj.u.o;
    mpy_type *t = mpy_typeof(vm, obj);
    if (mpy_type_is_sub(t, type)) return t;
    /* An object may claim another class through __class__ (proxies). */
    mpy_value cls = mpy_getattr_opt(vm, obj, vm->names.__class__);
    if (mpy_is_null(cls) && mpy_err_occurred(vm)) return NULL;
    if (!mpy_is_null(cls) && mpy_is_sub(vm, cls, MPY_TYPE_TYPE) && (mpy_type *)cls.u.o != t &&
        mpy_type_is_sub((mpy_type *)cls.u.o, type))
        return (mpy_type *)cls.u.o;
    mpy_err_msg(vm, MPY_EXC_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static bool super_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_msg(vm, MPY_EXC_TypeError, "super() takes no keyword arguments");
    int n = argc - 1;
    if (n > 2) return mpy_err_fmt(vm, MPY_EXC_TypeError, "super() expected at most 2 arguments, got %d", n);
    mpy_value type, obj = MPY_NULL;
    if (n == 0) {
        if (!mpy_interp_super_args(vm, &type, &obj)) return false;
    } else {
        type = args[1];
        if (n == 2) obj = args[2];
    }
    if (!mpy_is_sub(vm, type, MPY_TYPE_TYPE))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "super() argument 1 must be a type, not %s", mpy_tname(vm, type));
    if (!mpy_is_null(obj) && mpy_is_none(obj)) obj = MPY_NULL;
    mpy_type *obj_type = NULL;
    if (!mpy_is_null(obj)) {
        obj_type = supercheck(vm, (mpy_type *)type.u.o, obj);
        if (!obj_type) return false;
    }
    mpy_super *s = as_super(self);
    s->type = (mpy_type *)type.u.o;
    s->obj = obj;
    s->obj_type = obj_type;
    return true;
}

static mpy_value super_getattr(mpy_vm *vm, mpy_value self, mpy_str *name)
{
    mpy_super *s = as_super(self);
    /* __class__ is the super object's own (CPython special-cases it so
     * that super() objects look like what they are). */
    if (s->obj_type && name != vm->names.__class__) {
        mpy_tuple *mro = s->obj_type->mro;
        size_t i = 0;
        while (i < mro->len && (mpy_type *)mro->items[i].u.o != s->type) i++;
        for (i++; i < mro->len; i++) {
            mpy_type *t = (mpy_type *)mro->items[i].u.o;
            mpy_value v = mpy_dict_get_str(vm, t->dict, name);
            if (mpy_is_null(v)) continue;
            mpy_type *dt = mpy_typeof(vm, v);
            if (!dt->slots.descr_get) return v;
            /* Bound to the instance, or class access when the object is
             * the starting type itself (super(B, C).f is a function). */
            mpy_value inst = mpy_is(s->obj, mpy_from_obj(s->obj_type)) ? MPY_NULL : s->obj;
            return dt->slots.descr_get(vm, v, inst, s->obj_type);
        }
    }
    return mpy_generic_getattr(vm, self, name);
}

/* super objects are descriptors too: an unbound super(type) stored in a
 * class binds to the instance it is fetched through. */
static mpy_value super_descr_get(mpy_vm *vm, mpy_value self, mpy_value inst, mpy_type *owner)
{
    mpy_super *s = as_super(self);
    if (mpy_is_null(inst) || mpy_is_none(inst) || !mpy_is_null(s->obj)) return self;
    mpy_type *obj_type = supercheck(vm, s->type, inst);
    if (!obj_type) return MPY_NULL;
    mpy_super *b = mpy_obj_alloc(vm, s->hdr.type, s->hdr.type->instance_size);
    if (!b) return MPY_NULL;
    b->type = s->type;
    b->obj = inst;
    b->obj_type = obj_type;
    return mpy_from_obj(b);
}

static mpy_value super_repr(mpy_vm *vm, mpy_value self)
{
    mpy_super *s = as_super(self);
    const char *tn = s->type ? mpy_type_name(s->type) : "NULL";
    mpy_str *r = s->obj_type
                     ? mpy_str_printf(vm, "<super: <class '%s'>, <%s object>>", tn, mpy_type_name(s->obj_type))
                     : mpy_str_printf(vm, "<super: <class '%s'>, NULL>", tn);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static void super_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_super *s = (mpy_super *)o;
    mpy_gc_mark_obj(vm, (mpy_obj *)s->type);
    mpy_gc_mark(vm, s->obj);
    mpy_gc_mark_obj(vm, (mpy_obj *)s->obj_type);
}

static mpy_value opt_type(mpy_type *t) { return t ? mpy_from_obj(t) : MPY_NONE; }
static mpy_value super_thisclass(mpy_vm *vm, mpy_value self) { return opt_type(as_super(self)->type); }
static mpy_value super_self_class(mpy_vm *vm, mpy_value self) { return opt_type(as_super(self)->obj_type); }
static mpy_value super_self(mpy_vm *vm, mpy_value self)
{
    mpy_value o = as_super(self)->obj;
    return mpy_is_null(o) ? MPY_NONE : o;
}

static const mpy_getset_def super_getsets[] = {
    {"__thisclass__", super_thisclass, NULL},
    {"__self__", super_self, NULL},
    {"__self_class__", super_self_class, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_super_spec = {
    .name = "super",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(mpy_super),
    .slots = {.new_ = super_new_, .init = super_init, .getattr = super_getattr, .descr_get = super_descr_get,
              .repr = super_repr, .trace = super_trace},
    .getsets = super_getsets,
};
