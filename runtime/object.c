/* `object`, `type`, None, NotImplemented and Ellipsis: the root of the
 * type system and the default attribute machinery. */
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/import.h"

/* ------------------------------------------------- instance dictionaries */

mpy_dict *mpy_instance_dict(mpy_vm *vm, mpy_value obj, bool create)
{
    if (!mpy_is_obj(obj)) return NULL;
    mpy_type *t = obj.u.o->type;
    if (!t->dict_offset) {
        if (obj.u.o->type == vm->types[MPY_TYPE_TYPE] || (t->flags & MPY_TF_TYPE_SUB))
            return ((mpy_type *)obj.u.o)->dict;
        return NULL;
    }
    mpy_dict **slot = (mpy_dict **)((char *)obj.u.o + t->dict_offset);
    if (!*slot && create) *slot = mpy_dict_new(vm);
    return *slot;
}

mpy_value mpy_generic_getattr(mpy_vm *vm, mpy_value obj, mpy_str *name)
{
    mpy_type *t = mpy_typeof(vm, obj);
    mpy_value descr = mpy_type_lookup(vm, t, name);
    mpy_type *dt = NULL;
    if (!mpy_is_null(descr)) {
        dt = mpy_typeof(vm, descr);
        if (dt->slots.descr_get && dt->slots.descr_set) return dt->slots.descr_get(vm, descr, obj, t);
    }
    if (t->dict_offset && mpy_is_obj(obj)) {
        mpy_dict *d = *(mpy_dict **)((char *)obj.u.o + t->dict_offset);
        if (d) {
            mpy_value v = mpy_dict_get_str(vm, d, name);
            if (!mpy_is_null(v)) return v;
        }
    }
    if (!mpy_is_null(descr)) {
        if (dt->slots.descr_get) return dt->slots.descr_get(vm, descr, obj, t);
        return descr;
    }
    if (name == vm->names.__class__) return mpy_from_obj(t);
    if (name == vm->names.__dict__ && t->dict_offset) {
        mpy_dict *d = mpy_instance_dict(vm, obj, true);
        return d ? mpy_from_obj(d) : MPY_NULL;
    }
    return mpy_err_fmt_v(vm, MPY_EXC_AttributeError, "'%s' object has no attribute '%s'", mpy_type_name(t),
                         name->data);
}

/* obj.__class__ = value: both classes must be heap classes with the same
 * instance layout (same built-in base, size and __dict__ place). */
static bool set_class(mpy_vm *vm, mpy_value obj, mpy_value value)
{
    mpy_type *t = mpy_typeof(vm, obj);
    if (mpy_is_null(value)) return mpy_err_msg(vm, MPY_EXC_TypeError, "can't delete __class__ attribute");
    if (!mpy_is_sub(vm, value, MPY_TYPE_TYPE))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "__class__ must be set to a class, not '%s' object",
                           mpy_tname(vm, value));
    mpy_type *nt = (mpy_type *)value.u.o;
    if (!(t->flags & MPY_TF_HEAP) || !(nt->flags & MPY_TF_HEAP))
        return mpy_err_msg(vm, MPY_EXC_TypeError,
                           "__class__ assignment only supported for mutable types or ModuleType subclasses");
    mpy_type *ts = t, *ns = nt;
    while (ts->flags & MPY_TF_HEAP) ts = ts->base;
    while (ns->flags & MPY_TF_HEAP) ns = ns->base;
    if (ts != ns || nt->instance_size != t->instance_size || nt->dict_offset != t->dict_offset)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                           mpy_type_name(nt), mpy_type_name(t));
    obj.u.o->type = nt;
    return true;
}

bool mpy_generic_setattr(mpy_vm *vm, mpy_value obj, mpy_str *name, mpy_value value)
{
    mpy_type *t = mpy_typeof(vm, obj);
    mpy_value descr = mpy_type_lookup(vm, t, name);
    if (!mpy_is_null(descr)) {
        mpy_type *dt = mpy_typeof(vm, descr);
        if (dt->slots.descr_set) return dt->slots.descr_set(vm, descr, obj, value);
    }
    if (name == vm->names.__class__) return set_class(vm, obj, value);
    if (name == vm->names.__dict__ && t->dict_offset && mpy_is_obj(obj) && (t->flags & MPY_TF_HEAP)) {
        /* obj.__dict__ = d replaces the instance dict. */
        if (mpy_is_null(value)) return mpy_err_msg(vm, MPY_EXC_TypeError, "cannot delete __dict__");
        if (!mpy_is_sub(vm, value, MPY_TYPE_DICT))
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                               mpy_tname(vm, value));
        *(mpy_dict **)((char *)obj.u.o + t->dict_offset) = mpy_as_dict(value);
        return true;
    }
    /* Built-in containers and numbers carry a __dict__ field for their
     * subclasses only: "x".attr = 1 fails as in CPython. */
    mpy_type *const *ty = vm->types;
    bool sub_only = !(t->flags & MPY_TF_HEAP) &&
                    ((t->flags & (MPY_TF_INT_SUB | MPY_TF_STR_SUB | MPY_TF_TUPLE_SUB | MPY_TF_LIST_SUB |
                                  MPY_TF_DICT_SUB)) ||
                     t == ty[MPY_TYPE_SET] || t == ty[MPY_TYPE_FROZENSET] || t == ty[MPY_TYPE_FLOAT] ||
                     t == ty[MPY_TYPE_BYTES] || t == ty[MPY_TYPE_BYTEARRAY]);
    mpy_dict *d = sub_only ? NULL : mpy_instance_dict(vm, obj, true);
    if (!d) {
        if (mpy_err_occurred(vm)) return false;
        if (!mpy_is_null(descr))
            return mpy_err_fmt(vm, MPY_EXC_AttributeError, "'%s' object attribute '%s' is read-only",
                               mpy_type_name(t), name->data);
        return mpy_err_fmt(vm, MPY_EXC_AttributeError, "'%s' object has no attribute '%s'", mpy_type_name(t),
                           name->data);
    }
    if (mpy_is_null(value)) {
        int r = mpy_dict_del(vm, d, mpy_from_obj(name));
        if (r < 0) return false;
        if (r == 0)
            return mpy_err_fmt(vm, MPY_EXC_AttributeError, "'%s' object has no attribute '%s'", mpy_type_name(t),
                               name->data);
        return true;
    }
    return mpy_dict_set_str(vm, d, name, value);
}

/* ------------------------------------------------------------- object */

static mpy_value object_repr(mpy_vm *vm, mpy_value self)
{
    mpy_type *t = mpy_typeof(vm, self);
    const char *mod = t->module ? t->module->data : "builtins";
    const char *qn = t->qualname ? t->qualname->data : mpy_type_name(t);
    if (strcmp(mod, "builtins") == 0)
        return mpy_from_obj(mpy_str_printf(vm, "<%s object at %p>", qn, (void *)self.u.o));
    return mpy_from_obj(mpy_str_printf(vm, "<%s.%s object at %p>", mod, qn, (void *)self.u.o));
}

static mpy_value object_str(mpy_vm *vm, mpy_value self) { return mpy_repr(vm, self); }

static bool object_hash(mpy_vm *vm, mpy_value self, int64_t *out)
{
    /* CPython: the address rotated by 4 bits. */
    uintptr_t p = (uintptr_t)self.u.o;
    int64_t h = (int64_t)((p >> 4) | (p << (8 * sizeof(p) - 4)));
    *out = h == -1 ? -2 : h;
    return true;
}

static mpy_value object_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if (op == MPY_CMP_EQ) return mpy_is(a, b) ? MPY_TRUE : mpy_notimpl(vm);
    if (op == MPY_CMP_NE) {
        /* __ne__ inverts type(a)'s own __eq__ (no reflection) unless that
         * is NotImplemented, as CPython's object.__ne__. */
        mpy_type *t = mpy_typeof(vm, a);
        if (!t->slots.richcmp) return mpy_notimpl(vm);
        mpy_value r = t->slots.richcmp(vm, a, b, MPY_CMP_EQ);
        if (mpy_is_null(r) || mpy_is_notimpl(vm, r)) return r;
        int truth = mpy_truth(vm, r);
        if (truth < 0) return MPY_NULL;
        return truth ? MPY_FALSE : MPY_TRUE;
    }
    return mpy_notimpl(vm);
}

static mpy_value object_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int n = argc + (kw ? (int)kw->len : 0);
    if (n > 0) {
        /* Excess arguments are an error unless __init__ is overridden
         * (and __new__ is not). */
        mpy_value init = mpy_type_lookup(vm, type, vm->names.__init__);
        mpy_value oinit = mpy_dict_get_str(vm, vm->types[MPY_TYPE_OBJECT]->dict, vm->names.__init__);
        mpy_value nw = mpy_type_lookup(vm, type, vm->names.__new__);
        mpy_value onew = mpy_dict_get_str(vm, vm->types[MPY_TYPE_OBJECT]->dict, vm->names.__new__);
        if (mpy_is(init, oinit) || !mpy_is(nw, onew))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s() takes no arguments", mpy_type_name(type));
    }
    if (!(type->flags & MPY_TF_HEAP) && type != vm->types[MPY_TYPE_OBJECT])
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "cannot create '%s' instances", mpy_type_name(type));
    mpy_obj *o = mpy_obj_alloc(vm, type, type->instance_size);
    return o ? mpy_from_obj(o) : MPY_NULL;
}

static bool object_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int n = argc - 1 + (kw ? (int)kw->len : 0);
    if (n > 0) {
        mpy_type *type = mpy_typeof(vm, self);
        mpy_value init = mpy_type_lookup(vm, type, vm->names.__init__);
        mpy_value oinit = mpy_dict_get_str(vm, vm->types[MPY_TYPE_OBJECT]->dict, vm->names.__init__);
        mpy_value nw = mpy_type_lookup(vm, type, vm->names.__new__);
        mpy_value onew = mpy_dict_get_str(vm, vm->types[MPY_TYPE_OBJECT]->dict, vm->names.__new__);
        if (!mpy_is(init, oinit))
            return mpy_err_msg(vm, MPY_EXC_TypeError,
                               "object.__init__() takes exactly one argument (the instance to initialize)");
        if (mpy_is(nw, onew))
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no arguments", mpy_type_name(type));
    }
    return true;
}

static mpy_value object_m_init_subclass(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc > 1 || (kw && kw->len))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                             argc ? mpy_type_name((mpy_type *)args[0].u.o) : "object");
    return MPY_NONE;
}

mpy_value mpy_format(mpy_vm *vm, mpy_value v, mpy_str *spec);

static mpy_value object_m_format(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 2 || !mpy_is_sub(vm, args[1], MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__format__() argument must be str");
    if (mpy_as_str(args[1])->len)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "unsupported format string passed to %s.__format__",
                             mpy_tname(vm, args[0]));
    return mpy_to_str(vm, args[0]);
}

static mpy_value object_m_dir(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw);

static mpy_value object_get_class(mpy_vm *vm, mpy_value self) { return mpy_from_obj(mpy_typeof(vm, self)); }
static bool object_set_class(mpy_vm *vm, mpy_value self, mpy_value v) { return set_class(vm, self, v); }

static const mpy_method_def object_methods[] = {
    {"__init_subclass__", object_m_init_subclass, MPY_METH_CLASS},
    {"__format__", object_m_format, MPY_METH_DEFAULT},
    {"__dir__", object_m_dir, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

static const mpy_getset_def object_getsets[] = {
    {"__class__", object_get_class, object_set_class},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_object_spec = {
    .name = "object",
    .base = -1,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(mpy_obj),
    .slots = {.repr = object_repr, .str = object_str, .hash = object_hash, .richcmp = object_richcmp,
              .getattr = mpy_generic_getattr, .setattr = mpy_generic_setattr, .new_ = object_new_,
              .init = object_init},
    .methods = object_methods,
    .getsets = object_getsets,
    .doc = "The base class of the class hierarchy.",
};

/* dir(obj): instance dict keys plus every attribute along the MRO, sorted
 * by the caller (builtins.dir). */
static bool add_keys(mpy_vm *vm, mpy_dict *acc, mpy_dict *d)
{
    size_t pos = 0;
    mpy_value k;
    while (d && mpy_dict_next(d, &pos, &k, NULL))
        if (!mpy_dict_set(vm, acc, k, MPY_NONE)) return false;
    return true;
}


static mpy_value object_m_dir(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_dict *acc = mpy_dict_new(vm);
    if (!acc) return MPY_NULL;
    mpy_value self = args[0];
    mpy_type *t = mpy_typeof(vm, self);
    if (!add_keys(vm, acc, mpy_instance_dict(vm, self, false))) return MPY_NULL;
    if (self.tag == MPY_TAG_OBJ && (t == vm->types[MPY_TYPE_TYPE] || (t->flags & MPY_TF_TYPE_SUB))) t = (mpy_type *)self.u.o;
    for (size_t i = 0; i < t->mro->len; i++)
        if (!add_keys(vm, acc, ((mpy_type *)t->mro->items[i].u.o)->dict)) return MPY_NULL;
    mpy_list *l = mpy_list_new(vm, acc->used);
    if (!l) return MPY_NULL;
    size_t pos = 0;
    mpy_value k;
    while (mpy_dict_next(acc, &pos, &k, NULL))
        if (!mpy_list_append(vm, l, k)) return MPY_NULL;
    return mpy_from_obj(l);
}

/* --------------------------------------------------------------- type */

static mpy_value type_repr(mpy_vm *vm, mpy_value self)
{
    mpy_type *t = (mpy_type *)self.u.o;
    const char *mod = t->module ? t->module->data : "builtins";
    if (strcmp(mod, "builtins") == 0) return mpy_from_obj(mpy_str_printf(vm, "<class '%s'>", t->qualname->data));
    return mpy_from_obj(mpy_str_printf(vm, "<class '%s.%s'>", mod, t->qualname->data));
}

static mpy_value type_getattr(mpy_vm *vm, mpy_value self, mpy_str *name)
{
    mpy_type *t = (mpy_type *)self.u.o;
    mpy_type *meta = mpy_typeof(vm, self);
    mpy_value ma = mpy_type_lookup(vm, meta, name);
    mpy_type *mat = NULL;
    if (!mpy_is_null(ma)) {
        mat = mpy_typeof(vm, ma);
        if (mat->slots.descr_get && mat->slots.descr_set) return mat->slots.descr_get(vm, ma, self, meta);
    }
    mpy_value a = mpy_type_lookup(vm, t, name);
    if (!mpy_is_null(a)) {
        mpy_type *at = mpy_typeof(vm, a);
        if (at->slots.descr_get) return at->slots.descr_get(vm, a, MPY_NULL, t);
        return a;
    }
    if (!mpy_is_null(ma)) {
        if (mat->slots.descr_get) return mat->slots.descr_get(vm, ma, self, meta);
        return ma;
    }
    return mpy_err_fmt_v(vm, MPY_EXC_AttributeError, "type object '%s' has no attribute '%s'", mpy_type_name(t),
                         name->data);
}

static bool type_setattr(mpy_vm *vm, mpy_value self, mpy_str *name, mpy_value value)
{
    mpy_type *t = (mpy_type *)self.u.o;
    if (!(t->flags & MPY_TF_HEAP))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data,
                           mpy_type_name(t));
    mpy_type *meta = mpy_typeof(vm, self);
    mpy_value ma = mpy_type_lookup(vm, meta, name);
    if (!mpy_is_null(ma)) {
        mpy_type *mat = mpy_typeof(vm, ma);
        if (mat->slots.descr_set) return mat->slots.descr_set(vm, ma, self, value);
    }
    if (mpy_is_null(value)) {
        int r = mpy_dict_del(vm, t->dict, mpy_from_obj(name));
        if (r < 0) return false;
        if (r == 0)
            return mpy_err_fmt(vm, MPY_EXC_AttributeError, "type object '%s' has no attribute '%s'",
                               mpy_type_name(t), name->data);
    } else if (!mpy_dict_set_str(vm, t->dict, name, value)) {
        return false;
    }
    if (name->len > 4 && name->data[0] == '_' && name->data[1] == '_') mpy_class_fill_slots(vm, t);
    return true;
}

mpy_value mpy_build_class_call(mpy_vm *vm, mpy_type *meta, int argc, const mpy_value *args, mpy_tuple *kw);

static mpy_value type_call(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_type *t = (mpy_type *)self.u.o;
    if (t == vm->types[MPY_TYPE_TYPE] && argc == 1 && (!kw || !kw->len)) return mpy_from_obj(mpy_typeof(vm, args[0]));
    if (!t->slots.new_) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "cannot create '%s' instances", mpy_type_name(t));
    mpy_value obj = t->slots.new_(vm, t, argc, args, kw);
    if (mpy_is_null(obj)) return MPY_NULL;
    mpy_type *ot = mpy_typeof(vm, obj);
    if (!mpy_type_is_sub(ot, t) || !ot->slots.init) return obj;
    /* __init__ gets self first; the arguments are copied because the
     * callee may run for long (rooted call). */
    int n = argc + (kw ? (int)kw->len : 0);
    mpy_value small[8];
    mpy_value *a = n + 1 <= 8 ? small : mpy_mem_realloc(vm, NULL, 0, (size_t)(n + 1) * sizeof *a);
    if (!a) return MPY_NULL;
    a[0] = obj;
    if (n) memcpy(a + 1, args, (size_t)n * sizeof *a); /* args may be NULL when n == 0 */
    if (!mpy_root_push(vm, obj)) return MPY_NULL;
    bool ok = ot->slots.init(vm, obj, argc + 1, a, kw);
    mpy_root_pop(vm, 1);
    if (a != small) mpy_mem_free(vm, a, (size_t)(n + 1) * sizeof *a);
    return ok ? obj : MPY_NULL;
}

/* type.__new__'s last steps (CPython's type_new_set_names): every class
 * attribute whose type defines __set_name__ learns its owner and name.  A
 * failure becomes RuntimeError with the original error as __cause__. */
static bool set_names(mpy_vm *vm, mpy_type *t)
{
    mpy_dict *names = mpy_dict_copy(vm, t->dict); /* __set_name__ may change the class dict */
    if (!names) return false;
    size_t pos = 0;
    mpy_value k, v;
    while (mpy_dict_next(names, &pos, &k, &v)) {
        mpy_value sn = mpy_type_lookup(vm, mpy_typeof(vm, v), vm->names.__set_name__);
        if (mpy_is_null(sn)) continue;
        mpy_type *st = mpy_typeof(vm, sn);
        mpy_value r;
        if (st == vm->types[MPY_TYPE_FUNCTION] || st == vm->types[MPY_TYPE_WRAPPER] ||
            (st == vm->types[MPY_TYPE_NATIVE] && ((mpy_native *)sn.u.o)->owner)) {
            mpy_value a[3] = {v, mpy_from_obj(t), k}; /* unbound: no method object */
            r = mpy_call(vm, sn, 3, a, NULL);
        } else {
            if (st->slots.descr_get) sn = st->slots.descr_get(vm, sn, v, mpy_typeof(vm, v));
            r = mpy_is_null(sn) ? sn : mpy_call2(vm, sn, mpy_from_obj(t), k);
        }
        if (mpy_is_null(r)) {
            mpy_value cause = mpy_err_fetch(vm);
            mpy_value kr = mpy_repr(vm, k);
            if (mpy_is_null(kr)) return false;
            mpy_err_fmt(vm, MPY_EXC_RuntimeError, "Error calling __set_name__ on '%s' instance %s in '%s'",
                        mpy_tname(vm, v), mpy_as_str(kr)->data, mpy_type_name(t));
            if (mpy_is_obj(vm->exc) && (mpy_typeof(vm, vm->exc)->flags & MPY_TF_EXCEPTION)) {
                mpy_exc *e = mpy_as_exc(vm->exc);
                e->cause = cause;
                e->context = cause;
                e->suppress_context = true;
            }
            return false;
        }
    }
    return true;
}

/* super(t, t).__init_subclass__(**kwargs) (CPython's
 * type_new_init_subclass): the nearest definition after t in its MRO,
 * bound to t. */
static bool init_subclass(mpy_vm *vm, mpy_type *t, int nkw, const mpy_value *kwv, mpy_tuple *kw)
{
    mpy_value f = MPY_NULL;
    for (size_t i = 1; i < t->mro->len && mpy_is_null(f); i++)
        f = mpy_dict_get_str(vm, ((mpy_type *)t->mro->items[i].u.o)->dict, vm->names.__init_subclass__);
    if (mpy_is_null(f)) return true;
    mpy_type *ft = mpy_typeof(vm, f);
    if (ft->slots.descr_get) {
        f = ft->slots.descr_get(vm, f, MPY_NULL, t);
        if (mpy_is_null(f)) return false;
    }
    return !mpy_is_null(mpy_call(vm, f, 0, nkw ? kwv : NULL, nkw ? kw : NULL));
}

static mpy_value type_new_(mpy_vm *vm, mpy_type *meta, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int nkw = kw ? (int)kw->len : 0;
    if (argc == 1 && !nkw) return mpy_from_obj(mpy_typeof(vm, args[0]));
    if (argc != 3) return mpy_err_msg(vm, MPY_EXC_TypeError, "type() takes 1 or 3 arguments"), MPY_NULL;
    if (!mpy_is_sub(vm, args[0], MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "type.__new__() argument 1 must be str, not %s", mpy_tname(vm, args[0]));
    if (!mpy_is_sub(vm, args[1], MPY_TYPE_TUPLE))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "type.__new__() argument 2 must be tuple, not %s", mpy_tname(vm, args[1]));
    if (!mpy_is_sub(vm, args[2], MPY_TYPE_DICT))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "type.__new__() argument 3 must be dict, not %s", mpy_tname(vm, args[2]));
    mpy_dict *ns = mpy_dict_copy(vm, mpy_as_dict(args[2]));
    if (!ns) return MPY_NULL;
    mpy_value cls = mpy_type_new_class(vm, meta, mpy_as_str(args[0]), mpy_as_tuple(args[1]), ns);
    if (mpy_is_null(cls)) return cls;
    mpy_type *t = (mpy_type *)cls.u.o;
    if (!set_names(vm, t) || !init_subclass(vm, t, nkw, args + argc, kw)) return MPY_NULL;
    return cls;
}

static bool type_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw) { return true; }

static void type_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_type *t = (mpy_type *)o;
    mpy_gc_mark_obj(vm, (mpy_obj *)t->name);
    mpy_gc_mark_obj(vm, (mpy_obj *)t->qualname);
    mpy_gc_mark_obj(vm, (mpy_obj *)t->module);
    mpy_gc_mark_obj(vm, (mpy_obj *)t->base);
    mpy_gc_mark_obj(vm, (mpy_obj *)t->bases);
    mpy_gc_mark_obj(vm, (mpy_obj *)t->mro);
    mpy_gc_mark_obj(vm, (mpy_obj *)t->dict);
}

/* CPython's checks before setting a special attribute of a class. */
static bool type_special_check(mpy_vm *vm, mpy_value self, mpy_value v, const char *attr)
{
    mpy_type *t = (mpy_type *)self.u.o;
    if (!(t->flags & MPY_TF_HEAP))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "cannot set '%s' attribute of immutable type '%s'", attr,
                           mpy_type_name(t));
    if (mpy_is_null(v))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "cannot delete '%s' attribute of immutable type '%s'", attr,
                           mpy_type_name(t));
    return true;
}

/* Assigning __name__ or __qualname__ (attr) of a type: the same checks,
 * then the str goes to *field. */
static bool type_set_str_field(mpy_vm *vm, mpy_value self, mpy_value v, const char *attr, mpy_str **field)
{
    if (!type_special_check(vm, self, v, attr)) return false;
    if (!mpy_is_sub(vm, v, MPY_TYPE_STR))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "can only assign string to %s.%s, not '%s'",
                           mpy_type_name((mpy_type *)self.u.o), attr, mpy_tname(vm, v));
    *field = mpy_as_str(v);
    return true;
}

static mpy_value type_get_name(mpy_vm *vm, mpy_value self) { return mpy_from_obj(((mpy_type *)self.u.o)->name); }
static bool type_set_name(mpy_vm *vm, mpy_value self, mpy_value v)
{
    return type_set_str_field(vm, self, v, "__name__", &((mpy_type *)self.u.o)->name);
}
static mpy_value type_get_qualname(mpy_vm *vm, mpy_value self) { return mpy_from_obj(((mpy_type *)self.u.o)->qualname); }
static bool type_set_qualname(mpy_vm *vm, mpy_value self, mpy_value v)
{
    return type_set_str_field(vm, self, v, "__qualname__", &((mpy_type *)self.u.o)->qualname);
}
static mpy_value type_get_module(mpy_vm *vm, mpy_value self)
{
    mpy_type *t = (mpy_type *)self.u.o;
    mpy_value m = mpy_dict_get_str(vm, t->dict, vm->names.__module__);
    if (!mpy_is_null(m)) return m;
    return t->module ? mpy_from_obj(t->module) : MPY_NONE;
}
static bool type_set_module(mpy_vm *vm, mpy_value self, mpy_value v)
{
    mpy_type *t = (mpy_type *)self.u.o;
    if (!mpy_is_null(v) && mpy_is_sub(vm, v, MPY_TYPE_STR)) t->module = mpy_as_str(v);
    return mpy_dict_set_str(vm, t->dict, vm->names.__module__, mpy_is_null(v) ? MPY_NONE : v);
}
static mpy_value type_get_bases(mpy_vm *vm, mpy_value self) { return mpy_from_obj(((mpy_type *)self.u.o)->bases); }
static mpy_value type_get_base(mpy_vm *vm, mpy_value self)
{
    mpy_type *b = ((mpy_type *)self.u.o)->base;
    return b ? mpy_from_obj(b) : MPY_NONE;
}
static mpy_value type_get_mro(mpy_vm *vm, mpy_value self) { return mpy_from_obj(((mpy_type *)self.u.o)->mro); }
mpy_value mpy_mappingproxy_new(mpy_vm *vm, mpy_dict *d);
static mpy_value type_get_dict(mpy_vm *vm, mpy_value self) { return mpy_mappingproxy_new(vm, ((mpy_type *)self.u.o)->dict); }
static mpy_value type_get_doc(mpy_vm *vm, mpy_value self)
{
    mpy_value d = mpy_dict_get_str(vm, ((mpy_type *)self.u.o)->dict, vm->names.__doc__);
    return mpy_is_null(d) ? MPY_NONE : d;
}

static mpy_value type_m_mro(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_tuple *m = ((mpy_type *)args[0].u.o)->mro;
    mpy_list *l = mpy_list_new(vm, m->len);
    if (!l) return MPY_NULL;
    for (size_t i = 0; i < m->len; i++)
        if (!mpy_list_append(vm, l, m->items[i])) return MPY_NULL;
    return mpy_from_obj(l);
}

static mpy_value type_m_subclasses(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    /* Walks the heap: there is no subclass registry (no weak refs). */
    mpy_type *t = (mpy_type *)args[0].u.o;
    mpy_list *l = mpy_list_new(vm, 0);
    if (!l) return MPY_NULL;
    /* The object table is oldest first, the order subclasses are listed. */
    for (size_t i = 0; i < vm->nobjs; i++) {
        mpy_obj *o = vm->objs[i];
        if (!(o->type == vm->types[MPY_TYPE_TYPE] || (o->type->flags & MPY_TF_TYPE_SUB))) continue;
        mpy_type *s = (mpy_type *)o;
        if (!s->bases) continue;
        for (size_t i = 0; i < s->bases->len; i++)
            if (s->bases->items[i].u.o == (mpy_obj *)t) {
                if (!mpy_list_append(vm, l, mpy_from_obj(s))) return MPY_NULL;
                break;
            }
    }
    return mpy_from_obj(l);
}

static mpy_value type_m_instancecheck(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__instancecheck__() takes exactly one argument");
    return mpy_from_bool(mpy_isinstance(vm, args[1], (mpy_type *)args[0].u.o));
}

static mpy_value type_m_subclasscheck(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 2 || !mpy_is_sub(vm, args[1], MPY_TYPE_TYPE))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "issubclass() arg 1 must be a class");
    return mpy_from_bool(mpy_type_is_sub((mpy_type *)args[1].u.o, (mpy_type *)args[0].u.o));
}

static const mpy_method_def type_methods[] = {
    {"mro", type_m_mro, MPY_METH_DEFAULT},
    /* type.__dir__: object_m_dir already lists a class's MRO dicts. */
    {"__dir__", object_m_dir, MPY_METH_DEFAULT},
    {"__subclasses__", type_m_subclasses, MPY_METH_DEFAULT},
    {"__instancecheck__", type_m_instancecheck, MPY_METH_DEFAULT},
    {"__subclasscheck__", type_m_subclasscheck, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

/* __base__ and __mro__ are read-only members in CPython. */
static bool type_set_readonly(mpy_vm *vm, mpy_value self, mpy_value v)
{
    return mpy_err_msg(vm, MPY_EXC_AttributeError, "readonly attribute");
}

static const mpy_getset_def type_getsets[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__module__", type_get_module, type_set_module},
    {"__bases__", type_get_bases, NULL},
    {"__base__", type_get_base, type_set_readonly},
    {"__mro__", type_get_mro, type_set_readonly},
    {"__dict__", type_get_dict, NULL},
    {"__doc__", type_get_doc, NULL},
    {NULL, NULL, NULL},
};

/* X | Y on classes (PEP 604, mods helper): types.UnionType is written in
 * Python (runtime/lib/types.py), so the operator asks types._union_or,
 * which returns NotImplemented for operands that are not types, None,
 * GenericAlias or unions (then the other operand's __ror__ is tried). */
mpy_value mpy_union_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b);

/* Exported so that types.GenericAlias (runtime/genericalias.c) can use the
 * same slot: list[int] | None. */
mpy_value mpy_union_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (op != MPY_BINOP_OR) return mpy_notimpl(vm);
    mpy_value m = mpy_import_module(vm, "types");
    if (mpy_is_null(m)) return m;
    mpy_value fn = mpy_getattr_cstr(vm, m, "_union_or");
    if (mpy_is_null(fn)) return fn;
    return mpy_call2(vm, fn, a, b);
}

const mpy_type_spec mpy_type_type_spec = {
    .name = "type",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE | MPY_TF_TYPE_SUB,
    .instance_size = sizeof(mpy_type),
    .slots = {.repr = type_repr, .getattr = type_getattr, .setattr = type_setattr, .call = type_call,
              .new_ = type_new_, .init = type_init, .trace = type_trace, .binop = mpy_union_binop, .binops = MPY_OPS(OR), .rbinops = MPY_OPS(OR)},
    .methods = type_methods,
    .getsets = type_getsets,
};

/* ------------------------------------------- None, NotImplemented, ... */

static mpy_value none_repr(mpy_vm *vm, mpy_value self) { return mpy_from_obj(mpy_str_intern_cstr(vm, "None")); }
static int none_truth(mpy_vm *vm, mpy_value self) { return 0; }
static bool none_hash(mpy_vm *vm, mpy_value self, int64_t *out)
{
    *out = 0xFCA86420; /* CPython 3.11 hashes None by address; any constant will do */
    return true;
}
static mpy_value none_new_(mpy_vm *vm, mpy_type *t, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc || (kw && kw->len)) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "NoneType takes no arguments");
    return MPY_NONE;
}

const mpy_type_spec mpy_NoneType_spec = {
    .name = "NoneType",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_obj),
    .slots = {.repr = none_repr, .truth = none_truth, .hash = none_hash, .new_ = none_new_},
};

static mpy_value notimpl_repr(mpy_vm *vm, mpy_value self) { return mpy_from_obj(mpy_str_intern_cstr(vm, "NotImplemented")); }

const mpy_type_spec mpy_NotImplementedType_spec = {
    .name = "NotImplementedType",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_obj),
    .slots = {.repr = notimpl_repr},
};

static mpy_value ellipsis_repr(mpy_vm *vm, mpy_value self) { return mpy_from_obj(mpy_str_intern_cstr(vm, "Ellipsis")); }

const mpy_type_spec mpy_ellipsis_spec = {
    .name = "ellipsis",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_obj),
    .slots = {.repr = ellipsis_repr},
};

mpy_value mpy_notimpl(mpy_vm *vm) { return mpy_from_obj(vm->notimpl); }
bool mpy_is_notimpl(mpy_vm *vm, mpy_value v) { return v.tag == MPY_TAG_OBJ && v.u.o == vm->notimpl; }
mpy_value mpy_ellipsis(mpy_vm *vm) { return mpy_from_obj(vm->ellipsis); }
