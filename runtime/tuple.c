/* tuple: creation, the type's slots and methods, and tuple_iterator.
 *
 * Tuples never change after creation, so slots may read `items` across
 * calls into Python code (item reprs, comparisons) without re-checking.
 * Hashes are CPython 3.11's xxHash-based ones, so hash((1, 2)) and the
 * iteration order of sets of tuples match CPython.
 */
#include <stdarg.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/seq.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static mpy_tuple *tuple_alloc(mpy_vm *vm, mpy_type *type, size_t n)
{
    if (n > (SIZE_MAX - sizeof(mpy_tuple)) / sizeof(mpy_value) / 2) { mpy_err_nomem(vm); return NULL; }
    mpy_tuple *t = mpy_obj_alloc(vm, type, sizeof(mpy_tuple) + n * sizeof(mpy_value));
    if (!t) return NULL;
    t->hash = -1;
    t->len = n;
    for (size_t i = 0; i < n; i++) t->items[i] = MPY_NONE;
    return t;
}

mpy_tuple *mpy_tuple_new(mpy_vm *vm, size_t n)
{
    if (n == 0 && vm->empty_tuple) return vm->empty_tuple;
    return tuple_alloc(vm, vm->types[MPY_TYPE_TUPLE], n);
}

mpy_tuple *mpy_tuple_from(mpy_vm *vm, size_t n, const mpy_value *items)
{
    mpy_tuple *t = mpy_tuple_new(vm, n);
    if (t && n) memcpy(t->items, items, n * sizeof(mpy_value));
    return t;
}

mpy_tuple *mpy_tuple_pack(mpy_vm *vm, size_t n, ...)
{
    mpy_tuple *t = mpy_tuple_new(vm, n);
    if (!t) return NULL;
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) t->items[i] = va_arg(ap, mpy_value);
    va_end(ap);
    return t;
}

mpy_tuple *mpy_tuple_from_iter(mpy_vm *vm, mpy_value iterable)
{
    /* Exact types only, as CPython's PySequence_Tuple: a subclass may
     * override __iter__ and must be iterated. */
    if (mpy_is_type(vm, iterable, MPY_TYPE_TUPLE)) return mpy_as_tuple(iterable);
    if (mpy_is_type(vm, iterable, MPY_TYPE_LIST))
        return mpy_tuple_from(vm, mpy_as_list(iterable)->len, mpy_as_list(iterable)->items);
    mpy_list *l = mpy_list_from_iter(vm, iterable);
    if (!l) return NULL;
    return mpy_tuple_from(vm, l->len, l->items);
}

/* ------------------------------------------------------------------ hash */

#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

bool mpy_tuple_hash(mpy_vm *vm, mpy_tuple *t, int64_t *out)
{
    if (t->hash != -1) { *out = t->hash; return true; }
    uint64_t acc = XXPRIME_5;
    for (size_t i = 0; i < t->len; i++) {
        int64_t h;
        if (!mpy_hash(vm, t->items[i], &h)) return false;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->len ^ (XXPRIME_5 ^ 3527539ULL);
    int64_t h = acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
    t->hash = h;
    *out = h;
    return true;
}

static bool tuple_hash_slot(mpy_vm *vm, mpy_value self, int64_t *out) { return mpy_tuple_hash(vm, mpy_as_tuple(self), out); }

/* ----------------------------------------------------------------- slots */

static mpy_value tuple_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (type == vm->types[MPY_TYPE_TUPLE] && !mpy_no_kwargs(vm, "tuple", kw)) return MPY_NULL;
    if (argc > 1) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "tuple expected at most 1 argument, got %d", argc);
    mpy_tuple *src = argc ? mpy_tuple_from_iter(vm, args[0]) : mpy_tuple_new(vm, 0);
    if (!src) return MPY_NULL;
    if (type == vm->types[MPY_TYPE_TUPLE]) return mpy_from_obj(src);
    mpy_tuple *t = tuple_alloc(vm, type, src->len);
    if (!t) return MPY_NULL;
    if (src->len) memcpy(t->items, src->items, src->len * sizeof(mpy_value));
    return mpy_from_obj(t);
}

static mpy_value tuple_repr(mpy_vm *vm, mpy_value self)
{
    mpy_tuple *t = mpy_as_tuple(self);
    if (t->len == 0) return mpy_from_obj(mpy_str_intern_cstr(vm, "()"));
    if (mpy_repr_enter(vm, self)) return mpy_from_obj(mpy_str_intern_cstr(vm, "(...)"));
    mpy_value r = mpy_seq_repr(vm, t->items, t->len, "(", t->len == 1 ? ",)" : ")");
    mpy_repr_leave(vm, self);
    return r;
}

static mpy_value tuple_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if (!mpy_is_sub(vm, b, MPY_TYPE_TUPLE)) return mpy_notimpl(vm);
    mpy_tuple *x = mpy_as_tuple(a), *y = mpy_as_tuple(b);
    return mpy_seq_compare(vm, x->items, x->len, y->items, y->len, op);
}

static mpy_value tuple_repeat(mpy_vm *vm, mpy_tuple *t, int64_t n)
{
    if (n < 0) n = 0;
    if (n == 1 && t->hdr.type == vm->types[MPY_TYPE_TUPLE]) return mpy_from_obj(t);
    if (t->len && (uint64_t)n > SIZE_MAX / 2 / sizeof(mpy_value) / t->len) return mpy_err_nomem(vm), MPY_NULL;
    mpy_tuple *r = mpy_tuple_new(vm, t->len * (size_t)n);
    if (!r) return MPY_NULL;
    for (int64_t i = 0; i < n; i++) memcpy(r->items + (size_t)i * t->len, t->items, t->len * sizeof(mpy_value));
    return mpy_from_obj(r);
}

static mpy_value tuple_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    bool left = mpy_is_sub(vm, a, MPY_TYPE_TUPLE);
    if (op == MPY_BINOP_ADD && left) {
        if (!mpy_is_sub(vm, b, MPY_TYPE_TUPLE)) {
            mpy_type *tb = mpy_typeof(vm, b);
            if ((tb->flags & MPY_TF_HEAP) && tb->slots.binop) return mpy_notimpl(vm);
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                                 mpy_type_name(tb));
        }
        mpy_tuple *x = mpy_as_tuple(a), *y = mpy_as_tuple(b);
        if (y->len == 0 && mpy_is_type(vm, a, MPY_TYPE_TUPLE)) return a;
        if (x->len == 0 && mpy_is_type(vm, b, MPY_TYPE_TUPLE)) return b;
        mpy_tuple *r = mpy_tuple_new(vm, x->len + y->len);
        if (!r) return MPY_NULL;
        memcpy(r->items, x->items, x->len * sizeof(mpy_value));
        memcpy(r->items + x->len, y->items, y->len * sizeof(mpy_value));
        return mpy_from_obj(r);
    }
    if (op == MPY_BINOP_MUL) {
        mpy_value seq = left ? a : b, n = left ? b : a;
        int64_t count;
        bool ni;
        if (!mpy_seq_repeat_count(vm, n, &count, &ni)) return ni ? mpy_notimpl(vm) : MPY_NULL;
        return tuple_repeat(vm, mpy_as_tuple(seq), count);
    }
    return mpy_notimpl(vm);
}

static int64_t tuple_len(mpy_vm *vm, mpy_value self) { return (int64_t)mpy_as_tuple(self)->len; }

static mpy_value tuple_getitem(mpy_vm *vm, mpy_value self, mpy_value key)
{
    mpy_tuple *t = mpy_as_tuple(self);
    if (mpy_is_smallint(key)) {
        int64_t i = key.u.i;
        if (i < 0) i += (int64_t)t->len;
        if (i < 0 || i >= (int64_t)t->len) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "tuple index out of range");
        return t->items[i];
    }
    if (mpy_is_slice(vm, key)) {
        mpy_slice_ix ix;
        if (!mpy_slice_indices(vm, key, t->len, &ix)) return MPY_NULL;
        if (ix.step == 1 && ix.count == (int64_t)t->len && mpy_is_type(vm, self, MPY_TYPE_TUPLE)) return self;
        mpy_tuple *r = mpy_tuple_new(vm, (size_t)ix.count);
        if (!r) return MPY_NULL;
        for (int64_t i = 0, j = ix.start; i < ix.count; i++, j += ix.step) r->items[i] = t->items[j];
        return mpy_from_obj(r);
    }
    if (mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, key), vm->names.__index__)))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "tuple indices must be integers or slices, not %s",
                             mpy_tname(vm, key));
    size_t i;
    if (!mpy_seq_index(vm, key, t->len, "tuple", &i)) return MPY_NULL;
    return t->items[i];
}

static int tuple_contains(mpy_vm *vm, mpy_value self, mpy_value item)
{
    mpy_tuple *t = mpy_as_tuple(self);
    for (size_t i = 0; i < t->len; i++) {
        int eq = mpy_eq(vm, t->items[i], item);
        if (eq) return eq;
    }
    return 0;
}

static void tuple_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_tuple *t = (mpy_tuple *)o;
    mpy_gc_mark_array(vm, t->items, t->len);
    mpy_trace_instance_dict(vm, o);
}

/* -------------------------------------------------------------- iterator */

typedef struct tuple_iter {
    mpy_obj hdr;
    mpy_tuple *t; /* NULL once exhausted */
    size_t i;
} tuple_iter;

static mpy_value tuple_iter_new(mpy_vm *vm, mpy_value self)
{
    tuple_iter *it = mpy_obj_alloc(vm, vm->types[MPY_TYPE_ITER_TUPLE], sizeof(tuple_iter));
    if (!it) return MPY_NULL;
    it->t = mpy_as_tuple(self);
    return mpy_from_obj(it);
}

static mpy_value tuple_iter_next(mpy_vm *vm, mpy_value self)
{
    tuple_iter *it = (tuple_iter *)self.u.o;
    if (!it->t) return MPY_NULL;
    if (it->i < it->t->len) return it->t->items[it->i++];
    it->t = NULL;
    return MPY_NULL;
}

static mpy_value iter_self(mpy_vm *vm, mpy_value self) { return self; }

static void tuple_iter_trace(mpy_vm *vm, mpy_obj *o) { mpy_gc_mark_obj(vm, (mpy_obj *)((tuple_iter *)o)->t); }

static mpy_value tuple_iter_m_length_hint(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    tuple_iter *it = (tuple_iter *)args[0].u.o;
    return mpy_from_int(it->t ? (int64_t)(it->t->len - it->i) : 0);
}

static mpy_value no_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "cannot create '%s' instances", mpy_type_name(type));
}

static const mpy_method_def tuple_iter_methods[] = {
    {"__length_hint__", tuple_iter_m_length_hint, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

const mpy_type_spec mpy_tuple_iterator_spec = {
    .name = "tuple_iterator",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(tuple_iter),
    .slots = {.iter = iter_self, .next = tuple_iter_next, .trace = tuple_iter_trace, .new_ = no_new},
    .methods = tuple_iter_methods,
};

/* --------------------------------------------------------------- methods */

static mpy_value tuple_m_count(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "tuple.count", kw)) return MPY_NULL;
    if (argc != 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "tuple.count() takes exactly one argument (%d given)", argc - 1);
    mpy_tuple *t = mpy_as_tuple(args[0]);
    int64_t n = 0;
    for (size_t i = 0; i < t->len; i++) {
        int eq = mpy_eq(vm, t->items[i], args[1]);
        if (eq < 0) return MPY_NULL;
        n += eq;
    }
    return mpy_from_int(n);
}

static mpy_value tuple_m_index(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "index", kw)) return MPY_NULL;
    if (argc < 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "index expected at least 1 argument, got %d", argc - 1);
    if (argc > 4) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "index expected at most 3 arguments, got %d", argc - 1);
    mpy_tuple *t = mpy_as_tuple(args[0]);
    size_t lo = 0, hi = 0;
    if (!mpy_seq_bounds(vm, argc - 2, args + 2, t->len, &lo, &hi)) return MPY_NULL;
    for (size_t i = lo; i < hi && i < t->len; i++) {
        int eq = mpy_eq(vm, t->items[i], args[1]);
        if (eq < 0) return MPY_NULL;
        if (eq) return mpy_from_int((int64_t)i);
    }
    return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "tuple.index(x): x not in tuple");
}

static mpy_value tuple_m_getnewargs(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_tuple *t = mpy_as_tuple(args[0]);
    mpy_tuple *copy = mpy_tuple_from(vm, t->len, t->items);
    mpy_tuple *r = copy ? mpy_tuple_pack(vm, 1, mpy_from_obj(copy)) : NULL;
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static const mpy_method_def tuple_methods[] = {
    {"count", tuple_m_count, MPY_METH_DEFAULT},
    {"index", tuple_m_index, MPY_METH_DEFAULT},
    {"__getnewargs__", tuple_m_getnewargs, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

const mpy_type_spec mpy_tuple_spec = {
    .name = "tuple",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE | MPY_TF_TUPLE_SUB,
    .instance_size = sizeof(mpy_tuple),
    .dict_offset = offsetof(mpy_tuple, dict),
    .slots = {.repr = tuple_repr, .hash = tuple_hash_slot, .richcmp = tuple_richcmp, .binop = tuple_binop, .binops = MPY_OPS(ADD) | MPY_OPS(MUL), .rbinops = MPY_OPS(MUL),
              .len = tuple_len, .getitem = tuple_getitem, .contains = tuple_contains, .iter = tuple_iter_new,
              .new_ = tuple_new_, .init = mpy_init_noop, .trace = tuple_trace, .getattr = mpy_container_getattr,
              .setattr = mpy_container_setattr},
    .methods = tuple_methods,
    .doc = "Built-in immutable sequence.",
};
