/* User classes: the slots of heap types dispatch to the dunder methods
 * found along the MRO (CPython's slot_tp_* family), and the built-in
 * types' slots are exposed as dunder attributes through wrapper
 * descriptors, so `int.__add__`, `super().__init__(...)` and a Python
 * subclass of list all work.
 */
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* The dunders that map to slots.  Order matters only within a group. */
typedef enum {
    W_REPR, W_STR, W_HASH, W_LT, W_LE, W_EQ, W_NE, W_GT, W_GE, W_NEG, W_POS, W_INVERT, W_BOOL,
    W_GETATTRIBUTE, W_SETATTR, W_DELATTR, W_GET, W_SET, W_DELETE, W_CALL, W_ITER, W_NEXT, W_LEN,
    W_GETITEM, W_SETITEM, W_DELITEM, W_CONTAINS, W_NEW, W_INIT,
    W_BINOP, /* + k: plain binop k; + MPY_BINOP_COUNT + k: reflected */
} wkind;

static const char *const wnames[] = {
    "__repr__", "__str__", "__hash__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__",
    "__neg__", "__pos__", "__invert__", "__bool__", "__getattribute__", "__setattr__", "__delattr__",
    "__get__", "__set__", "__delete__", "__call__", "__iter__", "__next__", "__len__", "__getitem__",
    "__setitem__", "__delitem__", "__contains__", "__new__", "__init__",
};

static const char *const binop_names[3][MPY_BINOP_COUNT] = {
    {
#define D(n, s, d, r, i) d,
        MPY_BINOPS(D)
#undef D
    },
    {
#define R(n, s, d, r, i) r,
        MPY_BINOPS(R)
#undef R
    },
    {
#define I(n, s, d, r, i) i,
        MPY_BINOPS(I)
#undef I
    },
};

typedef struct mpy_wrapperdescr {
    mpy_obj hdr;
    mpy_type *owner;
    int kind;
    const char *name;
} mpy_wrapperdescr;

/* ------------------------------------------------------ calling dunders */

static mpy_value lookup(mpy_vm *vm, mpy_value self, const char *name)
{
    mpy_str *n = mpy_str_intern_cstr(vm, name);
    if (!n) return MPY_NULL;
    return mpy_type_lookup(vm, mpy_typeof(vm, self), n);
}

/* Calls the dunder `m` (found on type(self)) with self and args. */
static mpy_value call_found(mpy_vm *vm, mpy_value m, mpy_value self, int argc, const mpy_value *args)
{
    mpy_type *mt = mpy_typeof(vm, m);
    mpy_value a[4];
    if (mt == vm->types[MPY_TYPE_FUNCTION] || mt == vm->types[MPY_TYPE_WRAPPER] ||
        (mt == vm->types[MPY_TYPE_NATIVE] && ((mpy_native *)m.u.o)->owner)) {
        a[0] = self;
        if (argc) memcpy(a + 1, args, (size_t)argc * sizeof *a); /* args may be NULL */
        return mpy_call(vm, m, argc + 1, a, NULL);
    }
    if (mt->slots.descr_get) {
        m = mt->slots.descr_get(vm, m, self, mpy_typeof(vm, self));
        if (mpy_is_null(m)) return MPY_NULL;
    }
    return mpy_call(vm, m, argc, args, NULL);
}

static mpy_value call_dunder(mpy_vm *vm, mpy_value self, const char *name, int argc, const mpy_value *args)
{
    mpy_value m = lookup(vm, self, name);
    if (mpy_is_null(m)) {
        if (mpy_err_occurred(vm)) return MPY_NULL;
        return mpy_err_fmt_v(vm, MPY_EXC_AttributeError, "'%s' object has no attribute '%s'", mpy_tname(vm, self), name);
    }
    return call_found(vm, m, self, argc, args);
}

/* ----------------------------------------------------- heap type slots */

static mpy_value slot_repr(mpy_vm *vm, mpy_value self) { return call_dunder(vm, self, "__repr__", 0, NULL); }
static mpy_value slot_str(mpy_vm *vm, mpy_value self) { return call_dunder(vm, self, "__str__", 0, NULL); }

bool mpy_int_hash_value(mpy_vm *vm, mpy_value v, int64_t *out);

static bool slot_hash(mpy_vm *vm, mpy_value self, int64_t *out)
{
    mpy_value m = lookup(vm, self, "__hash__");
    if (mpy_is_null(m) || mpy_is_none(m))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "unhashable type: '%s'", mpy_tname(vm, self));
    mpy_value r = call_found(vm, m, self, 0, NULL);
    if (mpy_is_null(r)) return false;
    if (!mpy_is_intlike(vm, r)) return mpy_err_msg(vm, MPY_EXC_TypeError, "__hash__ method should return an integer");
    /* A result that fits in 64 bits is the hash as it is (-1 is reserved
     * and becomes -2); a bigger one is reduced like hash(int). */
    if (mpy_is_smallint(r)) {
        *out = r.u.i == -1 ? -2 : r.u.i;
        return true;
    }
    return mpy_hash(vm, r, out);
}

static mpy_value slot_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    static const char *const names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
    mpy_value m = lookup(vm, a, names[op]);
    if (mpy_is_null(m)) return mpy_err_occurred(vm) ? MPY_NULL : mpy_notimpl(vm);
    return call_found(vm, m, a, 1, &b);
}

static mpy_value slot_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (op >= MPY_BINOP_INPLACE) {
        mpy_value m = lookup(vm, a, binop_names[2][op - MPY_BINOP_INPLACE]);
        if (mpy_is_null(m)) return mpy_err_occurred(vm) ? MPY_NULL : mpy_notimpl(vm);
        return call_found(vm, m, a, 1, &b);
    }
    mpy_type *ta = mpy_typeof(vm, a), *tb = mpy_typeof(vm, b);
    bool do_other = ta != tb && tb->slots.binop == slot_binop;
    if (ta->slots.binop == slot_binop) {
        /* When b's class is a subclass that overrides the reflected
         * method, it goes first (CPython's rule). */
        if (do_other && mpy_type_is_sub(tb, ta)) {
            mpy_value rm = lookup(vm, b, binop_names[1][op]);
            if (!mpy_is_null(rm)) {
                mpy_value r = call_found(vm, rm, b, 1, &a);
                if (mpy_is_null(r) || !mpy_is_notimpl(vm, r)) return r;
                do_other = false;
            }
        }
        mpy_value m = lookup(vm, a, binop_names[0][op]);
        if (!mpy_is_null(m)) {
            mpy_value r = call_found(vm, m, a, 1, &b);
            if (mpy_is_null(r) || !mpy_is_notimpl(vm, r)) return r;
        } else if (mpy_err_occurred(vm)) {
            return MPY_NULL;
        }
    }
    if (do_other || ta->slots.binop != slot_binop) {
        mpy_value rm = lookup(vm, b, binop_names[1][op]);
        if (!mpy_is_null(rm)) return call_found(vm, rm, b, 1, &a);
        if (mpy_err_occurred(vm)) return MPY_NULL;
    }
    return mpy_notimpl(vm);
}

static mpy_value slot_unary(mpy_vm *vm, mpy_unaryop op, mpy_value self)
{
    static const char *const names[] = {"__neg__", "__pos__", "__invert__"};
    mpy_value m = lookup(vm, self, names[op]);
    if (mpy_is_null(m)) return mpy_err_occurred(vm) ? MPY_NULL : mpy_notimpl(vm);
    return call_found(vm, m, self, 0, NULL);
}

static int slot_truth(mpy_vm *vm, mpy_value self)
{
    mpy_value m = lookup(vm, self, "__bool__");
    if (!mpy_is_null(m)) {
        mpy_value r = call_found(vm, m, self, 0, NULL);
        if (mpy_is_null(r)) return -1;
        if (!mpy_is_bool(r)) {
            mpy_err_fmt(vm, MPY_EXC_TypeError, "__bool__ should return bool, returned %s", mpy_tname(vm, r));
            return -1;
        }
        return (int)r.u.i;
    }
    if (mpy_err_occurred(vm)) return -1;
    m = lookup(vm, self, "__len__");
    if (mpy_is_null(m)) return mpy_err_occurred(vm) ? -1 : 1;
    int64_t n = mpy_len(vm, self);
    return n < 0 ? -1 : n > 0;
}

static int64_t slot_len(mpy_vm *vm, mpy_value self)
{
    mpy_value r = call_dunder(vm, self, "__len__", 0, NULL);
    if (mpy_is_null(r)) return -1;
    if (!mpy_is_intlike(vm, r)) {
        mpy_err_fmt(vm, MPY_EXC_TypeError, "'%s' object cannot be interpreted as an integer", mpy_tname(vm, r));
        return -1;
    }
    if (!mpy_is_smallint(r)) {
        mpy_err_msg(vm, MPY_EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    if (r.u.i < 0) {
        mpy_err_msg(vm, MPY_EXC_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return r.u.i;
}

static mpy_value slot_getattr(mpy_vm *vm, mpy_value self, mpy_str *name)
{
    mpy_type *t = mpy_typeof(vm, self);
    mpy_value ga = mpy_type_lookup(vm, t, vm->names.__getattribute__);
    mpy_value r;
    bool custom = !mpy_is_null(ga) && !mpy_is_type(vm, ga, MPY_TYPE_WRAPPER);
    if (custom) {
        mpy_value arg = mpy_from_obj(name);
        r = call_found(vm, ga, self, 1, &arg);
    } else {
        r = mpy_generic_getattr(vm, self, name);
    }
    if (!mpy_is_null(r) || !mpy_err_matches(vm, MPY_EXC_AttributeError)) return r;
    mpy_value gattr = mpy_type_lookup(vm, t, vm->names.__getattr__);
    if (mpy_is_null(gattr)) return MPY_NULL;
    mpy_err_clear(vm);
    mpy_value arg = mpy_from_obj(name);
    return call_found(vm, gattr, self, 1, &arg);
}

static bool slot_setattr(mpy_vm *vm, mpy_value self, mpy_str *name, mpy_value value)
{
    mpy_value m = lookup(vm, self, mpy_is_null(value) ? "__delattr__" : "__setattr__");
    if (mpy_is_null(m) || mpy_is_type(vm, m, MPY_TYPE_WRAPPER)) {
        if (mpy_err_occurred(vm)) return false;
        return mpy_generic_setattr(vm, self, name, value);
    }
    mpy_value args[2] = {mpy_from_obj(name), value};
    return !mpy_is_null(call_found(vm, m, self, mpy_is_null(value) ? 1 : 2, args));
}

static mpy_value slot_descr_get(mpy_vm *vm, mpy_value self, mpy_value inst, mpy_type *owner)
{
    mpy_value m = lookup(vm, self, "__get__");
    if (mpy_is_null(m)) return mpy_err_occurred(vm) ? MPY_NULL : self;
    mpy_value args[2] = {mpy_is_null(inst) ? MPY_NONE : inst, owner ? mpy_from_obj(owner) : MPY_NONE};
    return call_found(vm, m, self, 2, args);
}

static bool slot_descr_set(mpy_vm *vm, mpy_value self, mpy_value inst, mpy_value value)
{
    mpy_value args[2] = {inst, value};
    const char *name = mpy_is_null(value) ? "__delete__" : "__set__";
    /* A descriptor with __set__ but no __delete__ (or the reverse): as
     * CPython's method call, AttributeError with just the dunder's name. */
    mpy_value m = lookup(vm, self, name);
    if (mpy_is_null(m)) return mpy_err_occurred(vm) ? false : mpy_err_msg(vm, MPY_EXC_AttributeError, name);
    return !mpy_is_null(call_found(vm, m, self, mpy_is_null(value) ? 1 : 2, args));
}

static mpy_value slot_call(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value m = lookup(vm, self, "__call__");
    if (mpy_is_null(m)) {
        if (mpy_err_occurred(vm)) return MPY_NULL;
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' object is not callable", mpy_tname(vm, self));
    }
    int n = argc + (kw ? (int)kw->len : 0);
    mpy_value small[8];
    mpy_value *a = n + 1 <= 8 ? small : mpy_mem_realloc(vm, NULL, 0, (size_t)(n + 1) * sizeof *a);
    if (!a) return MPY_NULL;
    a[0] = self;
    if (n) memcpy(a + 1, args, (size_t)n * sizeof *a);
    mpy_value r;
    if (mpy_is_type(vm, m, MPY_TYPE_FUNCTION)) r = mpy_call_rooted(vm, m, argc + 1, a, kw);
    else {
        mpy_value b = mpy_typeof(vm, m)->slots.descr_get ? mpy_typeof(vm, m)->slots.descr_get(vm, m, self, mpy_typeof(vm, self)) : m;
        r = mpy_is_null(b) ? b : mpy_call_rooted(vm, b, argc, args, kw);
    }
    if (a != small) mpy_mem_free(vm, a, (size_t)(n + 1) * sizeof *a);
    return r;
}

static mpy_value slot_iter(mpy_vm *vm, mpy_value self)
{
    mpy_value m = lookup(vm, self, "__iter__");
    if (mpy_is_null(m) || mpy_is_none(m)) {
        if (mpy_err_occurred(vm)) return MPY_NULL;
        mpy_value gi = lookup(vm, self, "__getitem__");
        mpy_value mpy_seqiter_new(mpy_vm *vm, mpy_value seq);
        if (!mpy_is_null(gi) && mpy_is_null(m)) return mpy_seqiter_new(vm, self);
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' object is not iterable", mpy_tname(vm, self));
    }
    return call_found(vm, m, self, 0, NULL);
}

static mpy_value slot_next(mpy_vm *vm, mpy_value self)
{
    mpy_value r = call_dunder(vm, self, "__next__", 0, NULL);
    if (mpy_is_null(r) && mpy_err_matches(vm, MPY_EXC_StopIteration)) mpy_err_clear(vm);
    return r;
}

static mpy_value slot_getitem(mpy_vm *vm, mpy_value self, mpy_value key) { return call_dunder(vm, self, "__getitem__", 1, &key); }

static bool slot_setitem(mpy_vm *vm, mpy_value self, mpy_value key, mpy_value value)
{
    mpy_value args[2] = {key, value};
    if (mpy_is_null(value)) return !mpy_is_null(call_dunder(vm, self, "__delitem__", 1, args));
    return !mpy_is_null(call_dunder(vm, self, "__setitem__", 2, args));
}

static int slot_contains(mpy_vm *vm, mpy_value self, mpy_value item)
{
    mpy_value m = lookup(vm, self, "__contains__");
    if (mpy_is_null(m)) {
        if (mpy_err_occurred(vm)) return -1;
        return mpy_contains_by_iter(vm, self, item);
    }
    mpy_value r = call_found(vm, m, self, 1, &item);
    if (mpy_is_null(r)) return -1;
    return mpy_truth(vm, r);
}

/* The nearest built-in ancestor (the instance layout's owner). */
static mpy_type *solid(mpy_type *t)
{
    while (t->flags & MPY_TF_HEAP) t = t->base;
    return t;
}

static mpy_value slot_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value m = mpy_type_lookup(vm, type, vm->names.__new__);
    if (mpy_is_null(m) || mpy_is_type(vm, m, MPY_TYPE_WRAPPER)) {
        mpy_type *owner = mpy_is_null(m) ? solid(type) : ((mpy_wrapperdescr *)m.u.o)->owner;
        return owner->slots.new_(vm, type, argc, args, kw);
    }
    if (mpy_is_type(vm, m, MPY_TYPE_STATICMETHOD)) m = ((mpy_wrapper *)m.u.o)->func;
    int n = argc + (kw ? (int)kw->len : 0);
    mpy_value small[8];
    mpy_value *a = n + 1 <= 8 ? small : mpy_mem_realloc(vm, NULL, 0, (size_t)(n + 1) * sizeof *a);
    if (!a) return MPY_NULL;
    a[0] = mpy_from_obj(type);
    if (n) memcpy(a + 1, args, (size_t)n * sizeof *a);
    mpy_value r = mpy_call_rooted(vm, m, argc + 1, a, kw);
    if (a != small) mpy_mem_free(vm, a, (size_t)(n + 1) * sizeof *a);
    return r;
}

static bool slot_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value m = lookup(vm, self, "__init__");
    if (mpy_is_null(m)) return !mpy_err_occurred(vm);
    if (mpy_is_type(vm, m, MPY_TYPE_WRAPPER)) {
        mpy_type *owner = ((mpy_wrapperdescr *)m.u.o)->owner;
        return owner->slots.init ? owner->slots.init(vm, self, argc, args, kw) : true;
    }
    mpy_value r;
    if (mpy_is_type(vm, m, MPY_TYPE_FUNCTION)) r = mpy_call_rooted(vm, m, argc, args, kw);
    else {
        mpy_type *mt = mpy_typeof(vm, m);
        mpy_value b = mt->slots.descr_get ? mt->slots.descr_get(vm, m, self, mpy_typeof(vm, self)) : m;
        r = mpy_is_null(b) ? b : mpy_call_rooted(vm, b, argc - 1, args + 1, kw);
    }
    if (mpy_is_null(r)) return false;
    if (!mpy_is_none(r))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "__init__() should return None, not '%s'", mpy_tname(vm, r));
    return true;
}

/* Instances of a heap class: the built-in layout's own references, then
 * the instance __dict__ the class statement added at dict_offset (object's
 * layout has no trace slot at all, so without this a plain instance's
 * attributes were collected under it). */
static void slot_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_type *t = o->type;
    mpy_type *s = solid(t);
    if (s->slots.trace) s->slots.trace(vm, o);
    if (t->dict_offset) mpy_gc_mark_obj(vm, *(mpy_obj **)((char *)o + t->dict_offset));
    /* __slots__ values: past the built-in layout, runtime/type.c appends
     * mpy_values, and at most one __dict__ pointer (at dict_offset). */
    size_t off = s->instance_size;
    while (off < t->instance_size) {
        if (off == (size_t)t->dict_offset) { off += sizeof(mpy_dict *); continue; }
        mpy_gc_mark(vm, *(mpy_value *)((char *)o + off));
        off += sizeof(mpy_value);
    }
}

static bool has(mpy_vm *vm, mpy_type *t, const char *name)
{
    mpy_str *n = mpy_str_intern_cstr(vm, name);
    return n && !mpy_is_null(mpy_type_lookup(vm, t, n));
}

void mpy_class_fill_slots(mpy_vm *vm, mpy_type *t)
{
    if (!(t->flags & MPY_TF_HEAP)) return;
    bool refill = t->slots.trace == slot_trace; /* not the class statement's first fill: instances may exist */
    mpy_type *s = solid(t);
    mpy_slots *sl = &t->slots;
    *sl = s->slots;
    sl->repr = slot_repr;
    sl->str = slot_str;
    sl->hash = slot_hash;
    sl->richcmp = slot_richcmp;
    sl->getattr = has(vm, t, "__getattr__") || !mpy_is_type(vm, mpy_type_lookup(vm, t, vm->names.__getattribute__), MPY_TYPE_WRAPPER)
                      ? slot_getattr : s->slots.getattr;
    sl->setattr = slot_setattr;
    bool any_binop = false;
    for (int k = 0; k < MPY_BINOP_COUNT && !any_binop; k++)
        for (int j = 0; j < 3 && !any_binop; j++) any_binop = has(vm, t, binop_names[j][k]);
    sl->binop = any_binop ? slot_binop : NULL;
    sl->unary = has(vm, t, "__neg__") || has(vm, t, "__pos__") || has(vm, t, "__invert__") ? slot_unary : NULL;
    sl->truth = has(vm, t, "__bool__") || has(vm, t, "__len__") ? slot_truth : NULL;
    sl->descr_get = has(vm, t, "__get__") ? slot_descr_get : NULL;
    sl->descr_set = has(vm, t, "__set__") || has(vm, t, "__delete__") ? slot_descr_set : NULL;
    sl->call = has(vm, t, "__call__") ? slot_call : NULL;
    sl->iter = has(vm, t, "__iter__") ? slot_iter : (has(vm, t, "__getitem__") ? slot_iter : NULL);
    sl->next = has(vm, t, "__next__") ? slot_next : NULL;
    sl->len = has(vm, t, "__len__") ? slot_len : NULL;
    sl->getitem = has(vm, t, "__getitem__") ? slot_getitem : NULL;
    sl->setitem = has(vm, t, "__setitem__") || has(vm, t, "__delitem__") ? slot_setitem : NULL;
    sl->contains = has(vm, t, "__contains__") ? slot_contains : (sl->iter ? slot_contains : NULL);
    sl->new_ = slot_new;
    sl->init = slot_init;
    sl->trace = slot_trace;
    /* (fin helper) __del__: the collector (runtime/gc.c) registers the
     * instances of a class with this flag when they are allocated, and
     * the ones made before the class gained a __del__ now. */
    bool had_del = t->flags & MPY_TF_HAS_DEL;
    if (!mpy_is_null(mpy_type_lookup(vm, t, vm->names.__del__))) {
        t->flags |= MPY_TF_HAS_DEL;
        if (!had_del && refill) mpy_gc_track_type(vm, t);
    } else {
        t->flags &= ~MPY_TF_HAS_DEL;
    }
}

/* -------------------------------------------------- wrapper descriptors */

static mpy_value wrap_binop_result(mpy_vm *vm, mpy_value r) { return r; }

static mpy_value wrapper_call(mpy_vm *vm, mpy_value selfw, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_wrapperdescr *w = (mpy_wrapperdescr *)selfw.u.o;
    mpy_type *o = w->owner;
    if (w->kind == W_NEW) {
        if (argc < 1)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s.__new__(): not enough arguments", mpy_type_name(o));
        if (!mpy_is_sub(vm, args[0], MPY_TYPE_TYPE))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s.__new__(X): X is not a type object (%s)",
                                 mpy_type_name(o), mpy_tname(vm, args[0]));
        mpy_type *t = (mpy_type *)args[0].u.o;
        if (!mpy_type_is_sub(t, o))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s.__new__(%s): %s is not a subtype of %s", mpy_type_name(o),
                                 mpy_type_name(t), mpy_type_name(t), mpy_type_name(o));
        return o->slots.new_(vm, t, argc - 1, args + 1, kw);
    }
    if (argc < 1)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "descriptor '%s' of '%s' object needs an argument", w->name,
                             mpy_type_name(o));
    mpy_value self = args[0];
    if (!mpy_isinstance(vm, self, o))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'",
                             w->name, mpy_type_name(o), mpy_tname(vm, self));
    if (w->kind == W_INIT) return o->slots.init(vm, self, argc, args, kw) ? MPY_NONE : MPY_NULL;
    if (w->kind == W_CALL) return o->slots.call(vm, self, argc - 1, args + 1, kw);
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s() takes no keyword arguments", w->name);
    int n = argc - 1;
    static const int arity[] = {
        [W_REPR] = 0, [W_STR] = 0, [W_HASH] = 0, [W_LT] = 1, [W_LE] = 1, [W_EQ] = 1, [W_NE] = 1, [W_GT] = 1,
        [W_GE] = 1, [W_NEG] = 0, [W_POS] = 0, [W_INVERT] = 0, [W_BOOL] = 0, [W_GETATTRIBUTE] = 1,
        [W_SETATTR] = 2, [W_DELATTR] = 1, [W_GET] = -1, [W_SET] = 2, [W_DELETE] = 1, [W_ITER] = 0,
        [W_NEXT] = 0, [W_LEN] = 0, [W_GETITEM] = 1, [W_SETITEM] = 2, [W_DELITEM] = 1, [W_CONTAINS] = 1,
    };
    int want = w->kind >= W_BINOP ? 1 : arity[w->kind];
    if (want >= 0 && n != want) {
        if (want == 0)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "expected 0 arguments, got %d", n);
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "expected %d argument%s, got %d", want, want == 1 ? "" : "s", n);
    }
    const mpy_value *a = args + 1;
    switch (w->kind) {
    case W_REPR: return o->slots.repr(vm, self);
    case W_STR: return o->slots.str(vm, self);
    case W_HASH: {
        int64_t h;
        return o->slots.hash(vm, self, &h) ? mpy_from_int(h) : MPY_NULL;
    }
    case W_LT: case W_LE: case W_EQ: case W_NE: case W_GT: case W_GE:
        return o->slots.richcmp(vm, self, a[0], (mpy_cmpop)(w->kind - W_LT));
    case W_NEG: case W_POS: case W_INVERT: {
        mpy_value r = o->slots.unary(vm, (mpy_unaryop)(w->kind - W_NEG), self);
        return r;
    }
    case W_BOOL: {
        int t = o->slots.truth(vm, self);
        return t < 0 ? MPY_NULL : mpy_from_bool(t);
    }
    case W_GETATTRIBUTE:
        if (!mpy_is_sub(vm, a[0], MPY_TYPE_STR))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "attribute name must be string, not '%s'", mpy_tname(vm, a[0]));
        return (o->slots.getattr ? o->slots.getattr : mpy_generic_getattr)(vm, self, mpy_str_intern_str(vm, mpy_as_str(a[0])));
    case W_SETATTR: case W_DELATTR: {
        if (!mpy_is_sub(vm, a[0], MPY_TYPE_STR))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "attribute name must be string, not '%s'", mpy_tname(vm, a[0]));
        mpy_str *name = mpy_str_intern_str(vm, mpy_as_str(a[0]));
        bool ok = (o->slots.setattr ? o->slots.setattr : mpy_generic_setattr)(vm, self, name,
                                                                             w->kind == W_SETATTR ? a[1] : MPY_NULL);
        return ok ? MPY_NONE : MPY_NULL;
    }
    case W_GET: {
        if (n < 1 || n > 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "expected 1 or 2 arguments, got %d", n);
        mpy_value inst = mpy_is_none(a[0]) ? MPY_NULL : a[0];
        mpy_type *ow = n == 2 && mpy_is_sub(vm, a[1], MPY_TYPE_TYPE) ? (mpy_type *)a[1].u.o : NULL;
        return o->slots.descr_get(vm, self, inst, ow);
    }
    case W_SET: return o->slots.descr_set(vm, self, a[0], a[1]) ? MPY_NONE : MPY_NULL;
    case W_DELETE: return o->slots.descr_set(vm, self, a[0], MPY_NULL) ? MPY_NONE : MPY_NULL;
    case W_ITER: return o->slots.iter(vm, self);
    case W_NEXT: {
        mpy_value r = o->slots.next(vm, self);
        if (mpy_is_null(r) && !mpy_err_occurred(vm)) mpy_err_type(vm, MPY_EXC_StopIteration, MPY_NULL);
        return r;
    }
    case W_LEN: {
        int64_t l = o->slots.len(vm, self);
        return l < 0 ? MPY_NULL : mpy_from_int(l);
    }
    case W_GETITEM: return o->slots.getitem(vm, self, a[0]);
    case W_SETITEM: return o->slots.setitem(vm, self, a[0], a[1]) ? MPY_NONE : MPY_NULL;
    case W_DELITEM: return o->slots.setitem(vm, self, a[0], MPY_NULL) ? MPY_NONE : MPY_NULL;
    case W_CONTAINS: {
        int c = o->slots.contains(vm, self, a[0]);
        return c < 0 ? MPY_NULL : mpy_from_bool(c);
    }
    default: {
        int k = w->kind - W_BINOP;
        if (k < MPY_BINOP_COUNT) return wrap_binop_result(vm, o->slots.binop(vm, (mpy_binop)k, self, a[0]));
        return wrap_binop_result(vm, o->slots.binop(vm, (mpy_binop)(k - MPY_BINOP_COUNT), a[0], self));
    }
    }
}

static mpy_value wrapper_get(mpy_vm *vm, mpy_value self, mpy_value inst, mpy_type *owner)
{
    if (mpy_is_null(inst) || ((mpy_wrapperdescr *)self.u.o)->kind == W_NEW) return self;
    return mpy_method_new(vm, self, inst);
}

static mpy_value wrapper_repr(mpy_vm *vm, mpy_value self)
{
    mpy_wrapperdescr *w = (mpy_wrapperdescr *)self.u.o;
    if (w->kind == W_NEW)
        return mpy_from_obj(mpy_str_printf(vm, "<built-in method __new__ of type object at %p>", (void *)w->owner));
    return mpy_from_obj(mpy_str_printf(vm, "<slot wrapper '%s' of '%s' objects>", w->name, mpy_type_name(w->owner)));
}

static void wrapper_trace(mpy_vm *vm, mpy_obj *o) { mpy_gc_mark_obj(vm, (mpy_obj *)((mpy_wrapperdescr *)o)->owner); }

static mpy_value wrapper_get_name(mpy_vm *vm, mpy_value self)
{
    return mpy_from_obj(mpy_str_from_cstr(vm, ((mpy_wrapperdescr *)self.u.o)->name));
}
static mpy_value wrapper_get_qualname(mpy_vm *vm, mpy_value self)
{
    mpy_wrapperdescr *w = (mpy_wrapperdescr *)self.u.o;
    return mpy_from_obj(mpy_str_printf(vm, "%s.%s", (w->owner->qualname ? w->owner->qualname : w->owner->name)->data,
                                       w->name));
}
static mpy_value wrapper_get_objclass(mpy_vm *vm, mpy_value self)
{
    return mpy_from_obj(((mpy_wrapperdescr *)self.u.o)->owner);
}

static const mpy_getset_def wrapper_getsets[] = {
    {"__name__", wrapper_get_name, NULL},
    {"__qualname__", wrapper_get_qualname, NULL},
    {"__objclass__", wrapper_get_objclass, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_wrapper_descriptor_spec = {
    .name = "wrapper_descriptor",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_wrapperdescr),
    .slots = {.call = wrapper_call, .descr_get = wrapper_get, .repr = wrapper_repr, .trace = wrapper_trace},
    .getsets = wrapper_getsets,
};

static bool add_wrapper(mpy_vm *vm, mpy_type *t, int kind, const char *name)
{
    mpy_str *n = mpy_str_intern_cstr(vm, name);
    if (!n) return false;
    if (!mpy_is_null(mpy_dict_get_str(vm, t->dict, n))) return true; /* an explicit method wins */
    mpy_wrapperdescr *w = mpy_obj_alloc(vm, vm->types[MPY_TYPE_WRAPPER], sizeof *w);
    if (!w) return false;
    w->owner = t;
    w->kind = kind;
    w->name = name;
    return mpy_dict_set_str(vm, t->dict, n, mpy_from_obj(w));
}

/* Adds dunder wrappers for the slots a built-in type defines itself (not
 * the ones it inherits). */
bool mpy_class_add_wrappers(mpy_vm *vm, mpy_type *t, const mpy_slots *own)
{
#define W(cond, kind) if ((cond) && !add_wrapper(vm, t, kind, wnames[kind])) return false
    W(own->repr, W_REPR);
    W(own->str, W_STR);
    W(own->hash, W_HASH);
    if (own->richcmp)
        for (int k = W_LT; k <= W_GE; k++) W(1, k);
    if (own->unary)
        for (int k = W_NEG; k <= W_INVERT; k++) W(1, k);
    W(own->truth, W_BOOL);
    W(own->getattr, W_GETATTRIBUTE);
    W(own->setattr, W_SETATTR);
    W(own->setattr, W_DELATTR);
    W(own->descr_get, W_GET);
    W(own->descr_set, W_SET);
    W(own->descr_set, W_DELETE);
    W(own->call, W_CALL);
    W(own->iter, W_ITER);
    W(own->next, W_NEXT);
    W(own->len, W_LEN);
    W(own->getitem, W_GETITEM);
    W(own->setitem, W_SETITEM);
    W(own->setitem, W_DELITEM);
    W(own->contains, W_CONTAINS);
    W(own->new_, W_NEW);
    W(own->init, W_INIT);
#undef W
    if (own->binop) {
        bool all = !own->binops && !own->rbinops;
        for (int k = 0; k < MPY_BINOP_COUNT; k++) {
            if ((all || (own->binops >> k & 1)) && !add_wrapper(vm, t, W_BINOP + k, binop_names[0][k])) return false;
            if ((all || (own->rbinops >> k & 1)) &&
                !add_wrapper(vm, t, W_BINOP + MPY_BINOP_COUNT + k, binop_names[1][k]))
                return false;
        }
    }
    if (own->richcmp && !own->hash && t->base &&
        !mpy_dict_set_str(vm, t->dict, vm->names.__hash__, MPY_NONE))
        return false;
    return true;
}
