/* Descriptors: staticmethod, classmethod, property and the getset
 * descriptors that expose built-in types' computed attributes. */
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* ------------------------------------------------ staticmethod/classmethod */

static void wrapper_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_wrapper *w = (mpy_wrapper *)o;
    mpy_gc_mark(vm, w->func);
    mpy_gc_mark_obj(vm, (mpy_obj *)w->dict);
}

static bool wrapper_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no keyword arguments", mpy_tname(vm, self));
    if (argc != 2)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s expected 1 argument, got %d", mpy_tname(vm, self), argc - 1);
    ((mpy_wrapper *)self.u.o)->func = args[1];
    return true;
}

static mpy_value wrapper_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_wrapper *w = mpy_obj_alloc(vm, type, type->instance_size);
    if (!w) return MPY_NULL;
    w->func = MPY_NONE;
    return mpy_from_obj(w);
}

static mpy_value static_get(mpy_vm *vm, mpy_value self, mpy_value inst, mpy_type *owner)
{
    return ((mpy_wrapper *)self.u.o)->func;
}

static mpy_value static_call(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return mpy_call(vm, ((mpy_wrapper *)self.u.o)->func, argc, args, kw);
}

static mpy_value class_get(mpy_vm *vm, mpy_value self, mpy_value inst, mpy_type *owner)
{
    if (!owner) owner = mpy_typeof(vm, inst);
    mpy_value f = ((mpy_wrapper *)self.u.o)->func;
    /* As CPython 3.11, a wrapped descriptor other than a function (a
     * property, another classmethod) is bound to the class through its
     * own __get__(cls, cls). */
    mpy_type *ft = mpy_typeof(vm, f);
    if (ft->slots.descr_get && ft != vm->types[MPY_TYPE_FUNCTION] && ft != vm->types[MPY_TYPE_NATIVE])
        return ft->slots.descr_get(vm, f, mpy_from_obj(owner), owner);
    return mpy_method_new(vm, f, mpy_from_obj(owner));
}

static mpy_value wrapper_get_func(mpy_vm *vm, mpy_value self) { return ((mpy_wrapper *)self.u.o)->func; }

static const mpy_getset_def wrapper_getsets[] = {
    {"__func__", wrapper_get_func, NULL},
    {"__wrapped__", wrapper_get_func, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_staticmethod_spec = {
    .name = "staticmethod",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(mpy_wrapper),
    .dict_offset = offsetof(mpy_wrapper, dict),
    .slots = {.descr_get = static_get, .call = static_call, .init = wrapper_init, .new_ = wrapper_new_,
              .trace = wrapper_trace},
    .getsets = wrapper_getsets,
};

const mpy_type_spec mpy_classmethod_spec = {
    .name = "classmethod",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(mpy_wrapper),
    .dict_offset = offsetof(mpy_wrapper, dict),
    .slots = {.descr_get = class_get, .init = wrapper_init, .new_ = wrapper_new_, .trace = wrapper_trace},
    .getsets = wrapper_getsets,
};

/* -------------------------------------------------------------- property */

static void property_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_property *p = (mpy_property *)o;
    mpy_gc_mark(vm, p->fget);
    mpy_gc_mark(vm, p->fset);
    mpy_gc_mark(vm, p->fdel);
    mpy_gc_mark(vm, p->doc);
    mpy_gc_mark(vm, p->name);
}

static mpy_value property_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_property *p = mpy_obj_alloc(vm, type, type->instance_size);
    return p ? mpy_from_obj(p) : MPY_NULL;
}

static bool property_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_property *p = (mpy_property *)self.u.o;
    static const char *names[] = {"fget", "fset", "fdel", "doc"};
    mpy_value v[4] = {MPY_NULL, MPY_NULL, MPY_NULL, MPY_NULL};
    if (argc - 1 > 4) return mpy_err_fmt(vm, MPY_EXC_TypeError, "property expected at most 4 arguments, got %d", argc - 1);
    for (int i = 1; i < argc; i++) v[i - 1] = args[i];
    for (size_t k = 0; kw && k < kw->len; k++) {
        mpy_str *n = mpy_as_str(kw->items[k]);
        int j = 0;
        while (j < 4 && strcmp(n->data, names[j]) != 0) j++;
        if (j == 4)
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "property() got an unexpected keyword argument '%s'", n->data);
        v[j] = args[argc + (int)k];
    }
    for (int j = 0; j < 4; j++)
        if (!mpy_is_null(v[j]) && mpy_is_none(v[j])) v[j] = MPY_NULL;
    p->fget = v[0];
    p->fset = v[1];
    p->fdel = v[2];
    p->doc = v[3];
    if (mpy_is_null(p->doc) && !mpy_is_null(p->fget)) {
        mpy_value d = mpy_getattr_opt(vm, p->fget, vm->names.__doc__);
        if (mpy_err_occurred(vm)) return false;
        if (!mpy_is_null(d) && !mpy_is_none(d)) p->doc = d;
    }
    return true;
}

/* "property 'x' of 'C' object has no getter" (3.11 wording). */
static bool property_missing(mpy_vm *vm, mpy_property *p, mpy_value inst, const char *what)
{
    if (!mpy_is_null(p->name) && mpy_is_sub(vm, p->name, MPY_TYPE_STR))
        return mpy_err_fmt(vm, MPY_EXC_AttributeError, "property '%s' of '%s' object has no %s",
                           mpy_as_str(p->name)->data, mpy_tname(vm, inst), what);
    if (!strcmp(what, "getter")) return mpy_err_msg(vm, MPY_EXC_AttributeError, "unreadable attribute");
    return mpy_err_fmt(vm, MPY_EXC_AttributeError, "can't %s attribute", strcmp(what, "setter") ? "delete" : "set");
}

static mpy_value property_get(mpy_vm *vm, mpy_value self, mpy_value inst, mpy_type *owner)
{
    mpy_property *p = (mpy_property *)self.u.o;
    if (mpy_is_null(inst) || mpy_is_none(inst)) return self;
    if (mpy_is_null(p->fget)) { property_missing(vm, p, inst, "getter"); return MPY_NULL; }
    return mpy_call1(vm, p->fget, inst);
}

static bool property_set(mpy_vm *vm, mpy_value self, mpy_value inst, mpy_value value)
{
    mpy_property *p = (mpy_property *)self.u.o;
    mpy_value f = mpy_is_null(value) ? p->fdel : p->fset;
    if (mpy_is_null(f)) return property_missing(vm, p, inst, mpy_is_null(value) ? "deleter" : "setter");
    mpy_value r = mpy_is_null(value) ? mpy_call1(vm, f, inst) : mpy_call2(vm, f, inst, value);
    return !mpy_is_null(r);
}

/* p.getter(f) / setter / deleter: a copy with one accessor replaced. */
static mpy_value property_copy(mpy_vm *vm, const mpy_value *args, int which)
{
    mpy_property *p = (mpy_property *)args[0].u.o;
    mpy_property *q = mpy_obj_alloc(vm, p->hdr.type, p->hdr.type->instance_size);
    if (!q) return MPY_NULL;
    q->fget = p->fget;
    q->fset = p->fset;
    q->fdel = p->fdel;
    q->doc = p->doc;
    q->name = p->name;
    mpy_value f = mpy_is_none(args[1]) ? MPY_NULL : args[1];
    if (which == 0) q->fget = f;
    else if (which == 1) q->fset = f;
    else q->fdel = f;
    return mpy_from_obj(q);
}

static bool one_arg(mpy_vm *vm, const char *name, int argc, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no keyword arguments", name);
    if (argc != 2) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes exactly one argument (%d given)", name, argc - 1);
    return true;
}

static mpy_value property_getter(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return one_arg(vm, "getter", argc, kw) ? property_copy(vm, args, 0) : MPY_NULL;
}
static mpy_value property_setter(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return one_arg(vm, "setter", argc, kw) ? property_copy(vm, args, 1) : MPY_NULL;
}
static mpy_value property_deleter(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return one_arg(vm, "deleter", argc, kw) ? property_copy(vm, args, 2) : MPY_NULL;
}
static mpy_value property_set_name(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc == 3) ((mpy_property *)args[0].u.o)->name = args[2];
    return MPY_NONE;
}

static mpy_value property_fget(mpy_vm *vm, mpy_value self)
{
    mpy_value v = ((mpy_property *)self.u.o)->fget;
    return mpy_is_null(v) ? MPY_NONE : v;
}
static mpy_value property_fset(mpy_vm *vm, mpy_value self)
{
    mpy_value v = ((mpy_property *)self.u.o)->fset;
    return mpy_is_null(v) ? MPY_NONE : v;
}
static mpy_value property_fdel(mpy_vm *vm, mpy_value self)
{
    mpy_value v = ((mpy_property *)self.u.o)->fdel;
    return mpy_is_null(v) ? MPY_NONE : v;
}
static mpy_value property_doc(mpy_vm *vm, mpy_value self)
{
    mpy_value v = ((mpy_property *)self.u.o)->doc;
    return mpy_is_null(v) ? MPY_NONE : v;
}

static const mpy_method_def property_methods[] = {
    {"getter", property_getter, MPY_METH_DEFAULT},
    {"setter", property_setter, MPY_METH_DEFAULT},
    {"deleter", property_deleter, MPY_METH_DEFAULT},
    {"__set_name__", property_set_name, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

static const mpy_getset_def property_getsets[] = {
    {"fget", property_fget, NULL},
    {"fset", property_fset, NULL},
    {"fdel", property_fdel, NULL},
    {"__doc__", property_doc, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_property_spec = {
    .name = "property",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(mpy_property),
    .slots = {.descr_get = property_get, .descr_set = property_set, .new_ = property_new_,
              .init = property_init, .trace = property_trace},
    .methods = property_methods,
    .getsets = property_getsets,
};

/* --------------------------------------------------- getset descriptors */

/* A __slots__ member (CPython's member_descriptor) is a getset descriptor
 * whose def is member_def, extended with the slot's name and the offset of
 * its mpy_value in the instance (laid out by mpy_type_new_class).  An
 * empty slot holds MPY_NULL.  (It reports its type as getset_descriptor:
 * there is no member_descriptor entry in MPY_BUILTIN_TYPES.) */
typedef struct member {
    mpy_getset gs;
    mpy_str *name;
    size_t offset;
} member;

static const mpy_getset_def member_def = {"<member>", NULL, NULL};

mpy_value mpy_member_new(mpy_vm *vm, mpy_type *owner, mpy_str *name, size_t offset);
mpy_value mpy_member_new(mpy_vm *vm, mpy_type *owner, mpy_str *name, size_t offset)
{
    member *m = mpy_obj_alloc(vm, vm->types[MPY_TYPE_GETSET], sizeof *m);
    if (!m) return MPY_NULL;
    m->gs.def = &member_def;
    m->gs.owner = owner;
    m->name = name;
    m->offset = offset;
    return mpy_from_obj(m);
}

static bool member_check(mpy_vm *vm, member *m, mpy_value inst)
{
    if (mpy_isinstance(vm, inst, m->gs.owner)) return true;
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                       m->name->data, mpy_type_name(m->gs.owner), mpy_tname(vm, inst));
}

static mpy_value member_get(mpy_vm *vm, member *m, mpy_value inst)
{
    if (!member_check(vm, m, inst)) return MPY_NULL;
    mpy_value v = *(mpy_value *)((char *)inst.u.o + m->offset);
    if (mpy_is_null(v))
        return mpy_err_fmt_v(vm, MPY_EXC_AttributeError, "'%s' object has no attribute '%s'", mpy_tname(vm, inst),
                             m->name->data);
    return v;
}

static bool member_set(mpy_vm *vm, member *m, mpy_value inst, mpy_value value)
{
    if (!member_check(vm, m, inst)) return false;
    mpy_value *slot = (mpy_value *)((char *)inst.u.o + m->offset);
    if (mpy_is_null(value) && mpy_is_null(*slot))
        return mpy_err_type(vm, MPY_EXC_AttributeError, mpy_from_obj(m->name)); /* CPython: just the name */
    *slot = value;
    return true;
}

/* CPython's descr_check: the accessor functions cast the instance to the
 * owner's layout, so a foreign object (type.__dict__['__name__'].__get__(5))
 * must be refused before they run. */
static bool getset_check(mpy_vm *vm, mpy_getset *g, mpy_value inst)
{
    if (mpy_isinstance(vm, inst, g->owner)) return true;
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                       g->def->name, mpy_type_name(g->owner), mpy_tname(vm, inst));
}

static mpy_value getset_get(mpy_vm *vm, mpy_value self, mpy_value inst, mpy_type *owner)
{
    mpy_getset *g = (mpy_getset *)self.u.o;
    if (mpy_is_null(inst)) return self;
    if (g->def == &member_def) return member_get(vm, (member *)g, inst);
    if (!getset_check(vm, g, inst)) return MPY_NULL;
    return g->def->get(vm, inst);
}

static bool getset_set(mpy_vm *vm, mpy_value self, mpy_value inst, mpy_value value)
{
    mpy_getset *g = (mpy_getset *)self.u.o;
    if (g->def == &member_def) return member_set(vm, (member *)g, inst, value);
    if (!getset_check(vm, g, inst)) return false;
    if (!g->def->set)
        return mpy_err_fmt(vm, MPY_EXC_AttributeError, "attribute '%s' of '%s' objects is not writable",
                           g->def->name, mpy_type_name(g->owner));
    return g->def->set(vm, inst, value);
}

static void getset_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark_obj(vm, (mpy_obj *)((mpy_getset *)o)->owner);
    if (((mpy_getset *)o)->def == &member_def) mpy_gc_mark_obj(vm, (mpy_obj *)((member *)o)->name);
}

static mpy_value getset_repr(mpy_vm *vm, mpy_value self)
{
    mpy_getset *g = (mpy_getset *)self.u.o;
    if (g->def == &member_def)
        return mpy_from_obj(mpy_str_printf(vm, "<member '%s' of '%s' objects>", ((member *)g)->name->data,
                                           mpy_type_name(g->owner)));
    return mpy_from_obj(mpy_str_printf(vm, "<attribute '%s' of '%s' objects>", g->def->name, mpy_type_name(g->owner)));
}

const mpy_type_spec mpy_getset_descriptor_spec = {
    .name = "getset_descriptor",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_getset),
    .slots = {.descr_get = getset_get, .descr_set = getset_set, .trace = getset_trace, .repr = getset_repr},
};
