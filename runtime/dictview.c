/* dict views (dict_keys, dict_values, dict_items), the dict iterators,
 * and mappingproxy.
 *
 * Iterators walk the entry array by position, which is stable while the
 * dict does not resize; they remember the dict's size when created and
 * raise RuntimeError "dictionary changed size during iteration" as
 * CPython does when it changes (the check is sticky: later calls keep
 * failing), and "dictionary keys changed during iteration" when a forward
 * iterator finds more items than the dict had.  keys and items views are set-like: comparisons and & | - ^
 * build real sets (runtime/set.c).
 */
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/seq.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* ------------------------------------------------------------- iterators */

typedef struct dict_iter {
    mpy_obj hdr;
    mpy_dict *d;      /* NULL once exhausted */
    size_t pos;       /* next entry (forward) / one past it (reversed) */
    size_t used;      /* d->used when created; SIZE_MAX after a size error */
    size_t seen;      /* items produced, for __length_hint__ */
    uint8_t part;     /* mpy_dict_part */
    bool reversed;
} dict_iter;

static const mpy_type_id iter_types[] = {MPY_TYPE_ITER_DICT_KEYS, MPY_TYPE_ITER_DICT_VALUES, MPY_TYPE_ITER_DICT_ITEMS};

mpy_value mpy_dict_iter_new(mpy_vm *vm, mpy_dict *d, mpy_dict_part part, bool reversed)
{
    dict_iter *it = mpy_obj_alloc(vm, vm->types[iter_types[part]], sizeof(dict_iter));
    if (!it) return MPY_NULL;
    it->d = d;
    it->used = d->used;
    it->part = (uint8_t)part;
    it->reversed = reversed;
    it->pos = reversed ? d->nentries : 0;
    return mpy_from_obj(it);
}

static mpy_value dict_iter_next(mpy_vm *vm, mpy_value self)
{
    dict_iter *it = (dict_iter *)self.u.o;
    mpy_dict *d = it->d;
    if (!d) return MPY_NULL;
    if (d->used != it->used) {
        it->used = SIZE_MAX;
        return mpy_err_fmt_v(vm, MPY_EXC_RuntimeError, "dictionary changed size during iteration");
    }
    mpy_dict_entry *e = NULL;
    if (it->reversed) {
        if (it->pos > d->nentries) it->pos = d->nentries;
        while (it->pos > 0) {
            mpy_dict_entry *c = &d->entries[--it->pos];
            if (!mpy_is_null(c->key)) { e = c; break; }
        }
    } else {
        while (it->pos < d->nentries) {
            mpy_dict_entry *c = &d->entries[it->pos++];
            if (!mpy_is_null(c->key)) { e = c; break; }
        }
    }
    if (!e) {
        it->d = NULL;
        return MPY_NULL;
    }
    /* A forward iterator produces at most the size it started with: an
     * item beyond that means keys were deleted and others added (same
     * size).  CPython then raises and ends the iterator; its reversed
     * iterators do not check this. */
    if (!it->reversed && it->seen >= it->used) {
        it->d = NULL;
        return mpy_err_fmt_v(vm, MPY_EXC_RuntimeError, "dictionary keys changed during iteration");
    }
    it->seen++;
    switch (it->part) {
    case MPY_DICT_KEYS: return e->key;
    case MPY_DICT_VALUES: return e->value;
    default: {
        mpy_tuple *t = mpy_tuple_pack(vm, 2, e->key, e->value);
        return t ? mpy_from_obj(t) : MPY_NULL;
    }
    }
}

static mpy_value iter_self(mpy_vm *vm, mpy_value self) { return self; }

static void dict_iter_trace(mpy_vm *vm, mpy_obj *o) { mpy_gc_mark_obj(vm, (mpy_obj *)((dict_iter *)o)->d); }

static mpy_value dict_iter_m_length_hint(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    dict_iter *it = (dict_iter *)args[0].u.o;
    if (!it->d || it->used != it->d->used) return mpy_from_int(0);
    return mpy_from_int((int64_t)(it->d->used - it->seen));
}

static mpy_value no_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "cannot create '%s' instances", mpy_type_name(type));
}

static const mpy_method_def dict_iter_methods[] = {
    {"__length_hint__", dict_iter_m_length_hint, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

#define DICT_ITER_SPEC(cname, pyname)                                                                        \
    const mpy_type_spec cname = {                                                                            \
        .name = pyname,                                                                                      \
        .base = MPY_TYPE_OBJECT,                                                                             \
        .instance_size = sizeof(dict_iter),                                                                  \
        .slots = {.iter = iter_self, .next = dict_iter_next, .trace = dict_iter_trace, .new_ = no_new},      \
        .methods = dict_iter_methods,                                                                        \
    };
DICT_ITER_SPEC(mpy_dict_keyiterator_spec, "dict_keyiterator")
DICT_ITER_SPEC(mpy_dict_valueiterator_spec, "dict_valueiterator")
DICT_ITER_SPEC(mpy_dict_itemiterator_spec, "dict_itemiterator")

/* ----------------------------------------------------------------- views */

typedef struct dict_view {
    mpy_obj hdr;
    mpy_dict *d;
} dict_view;

static const mpy_type_id view_types[] = {MPY_TYPE_DICT_KEYS, MPY_TYPE_DICT_VALUES, MPY_TYPE_DICT_ITEMS};
static const char *const view_names[] = {"dict_keys", "dict_values", "dict_items"};

mpy_value mpy_dict_view_new(mpy_vm *vm, mpy_dict *d, mpy_dict_part part)
{
    dict_view *v = mpy_obj_alloc(vm, vm->types[view_types[part]], sizeof(dict_view));
    if (!v) return MPY_NULL;
    v->d = d;
    return mpy_from_obj(v);
}

static mpy_dict_part view_part(mpy_vm *vm, mpy_value self)
{
    mpy_type *t = mpy_typeof(vm, self);
    return t == vm->types[MPY_TYPE_DICT_KEYS] ? MPY_DICT_KEYS
           : t == vm->types[MPY_TYPE_DICT_VALUES] ? MPY_DICT_VALUES : MPY_DICT_ITEMS;
}

static bool is_setlike_view(mpy_vm *vm, mpy_value v)
{
    return mpy_is_type(vm, v, MPY_TYPE_DICT_KEYS) || mpy_is_type(vm, v, MPY_TYPE_DICT_ITEMS);
}

static mpy_dict *view_dict(mpy_value v) { return ((dict_view *)v.u.o)->d; }

static int64_t view_len(mpy_vm *vm, mpy_value self) { return (int64_t)view_dict(self)->used; }

static mpy_value view_iter(mpy_vm *vm, mpy_value self)
{
    return mpy_dict_iter_new(vm, view_dict(self), view_part(vm, self), false);
}

static mpy_value view_repr(mpy_vm *vm, mpy_value self)
{
    if (mpy_repr_enter(vm, self)) return mpy_from_obj(mpy_str_intern_cstr(vm, "..."));
    mpy_strbuf b = {0};
    mpy_value it = view_iter(vm, self);
    bool ok = !mpy_is_null(it) && mpy_strbuf_add_cstr(vm, &b, view_names[view_part(vm, self)]) &&
              mpy_strbuf_add(vm, &b, "([", 2);
    for (bool first = true; ok; first = false) {
        mpy_value x = dict_iter_next(vm, it);
        if (mpy_is_null(x)) {
            ok = !mpy_err_occurred(vm);
            break;
        }
        ok = (first || mpy_strbuf_add(vm, &b, ", ", 2)) && mpy_strbuf_add_repr(vm, &b, x);
    }
    ok = ok && mpy_strbuf_add(vm, &b, "])", 2);
    mpy_repr_leave(vm, self);
    if (!ok) {
        mpy_strbuf_free(vm, &b);
        return MPY_NULL;
    }
    return mpy_strbuf_finish(vm, &b);
}

static int view_contains(mpy_vm *vm, mpy_value self, mpy_value item)
{
    mpy_dict *d = view_dict(self);
    bool err;
    switch (view_part(vm, self)) {
    case MPY_DICT_KEYS: {
        mpy_value v = mpy_dict_get(vm, d, item, &err);
        return err ? -1 : !mpy_is_null(v);
    }
    case MPY_DICT_ITEMS: {
        if (!mpy_is_sub(vm, item, MPY_TYPE_TUPLE) || mpy_as_tuple(item)->len != 2) return 0;
        mpy_value v = mpy_dict_get(vm, d, mpy_as_tuple(item)->items[0], &err);
        if (err) return -1;
        if (mpy_is_null(v)) return 0;
        return mpy_eq(vm, v, mpy_as_tuple(item)->items[1]);
    }
    default: {
        for (size_t pos = 0; pos < d->nentries; pos++) {
            mpy_value v = d->entries[pos].value;
            if (mpy_is_null(d->entries[pos].key)) continue;
            int eq = mpy_eq(vm, v, item);
            if (eq) return eq;
        }
        return 0;
    }
    }
}

/* Is every item of a in b: 1, 0, -1. */
static int all_contained_in(mpy_vm *vm, mpy_value a, mpy_value b)
{
    mpy_value it = mpy_iter(vm, a);
    if (mpy_is_null(it)) return -1;
    for (;;) {
        mpy_value x = mpy_next(vm, it);
        if (mpy_is_null(x)) return mpy_err_occurred(vm) ? -1 : 1;
        int c = mpy_contains(vm, b, x);
        if (c <= 0) return c;
    }
}

static mpy_value view_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if (!is_setlike_view(vm, b) && !mpy_is_anyset(vm, b)) return mpy_notimpl(vm);
    int64_t la = mpy_len(vm, a), lb = mpy_len(vm, b);
    if (la < 0 || lb < 0) return MPY_NULL;
    int r;
    switch (op) {
    case MPY_CMP_EQ:
    case MPY_CMP_NE:
        r = la == lb ? all_contained_in(vm, a, b) : 0;
        if (r >= 0 && op == MPY_CMP_NE) r = !r;
        break;
    case MPY_CMP_LT: r = la < lb ? all_contained_in(vm, a, b) : 0; break;
    case MPY_CMP_LE: r = la <= lb ? all_contained_in(vm, a, b) : 0; break;
    case MPY_CMP_GT: r = la > lb ? all_contained_in(vm, b, a) : 0; break;
    default: r = la >= lb ? all_contained_in(vm, b, a) : 0; break;
    }
    return r < 0 ? MPY_NULL : mpy_from_bool(r);
}

/* view OP other / other OP view: set(left) OP= right, as CPython. */
static mpy_value view_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (op >= MPY_BINOP_INPLACE) op = (mpy_binop)(op - MPY_BINOP_INPLACE);
    if (op != MPY_BINOP_AND && op != MPY_BINOP_OR && op != MPY_BINOP_SUB && op != MPY_BINOP_XOR)
        return mpy_notimpl(vm);
    mpy_set *s = mpy_set_from_iter(vm, vm->types[MPY_TYPE_SET], a);
    if (!s || !mpy_set_op_update(vm, s, op, b)) return MPY_NULL;
    return mpy_from_obj(s);
}

static mpy_value view_m_isdisjoint(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "isdisjoint", kw)) return MPY_NULL;
    if (argc != 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "isdisjoint() takes exactly one argument (%d given)", argc - 1);
    mpy_value it = mpy_iter(vm, args[1]);
    if (mpy_is_null(it)) return it;
    for (;;) {
        mpy_value x = mpy_next(vm, it);
        if (mpy_is_null(x)) return mpy_err_occurred(vm) ? MPY_NULL : MPY_TRUE;
        int c = view_contains(vm, args[0], x);
        if (c < 0) return MPY_NULL;
        if (c) return MPY_FALSE;
    }
}

static mpy_value view_m_reversed(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return mpy_dict_iter_new(vm, view_dict(args[0]), view_part(vm, args[0]), true);
}

static mpy_value view_get_mapping(mpy_vm *vm, mpy_value self) { return mpy_mappingproxy_new(vm, view_dict(self)); }

static void view_trace(mpy_vm *vm, mpy_obj *o) { mpy_gc_mark_obj(vm, (mpy_obj *)((dict_view *)o)->d); }

static const mpy_method_def setview_methods[] = {
    {"isdisjoint", view_m_isdisjoint, MPY_METH_DEFAULT},
    {"__reversed__", view_m_reversed, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

static const mpy_method_def values_methods[] = {
    {"__reversed__", view_m_reversed, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

static const mpy_getset_def view_getsets[] = {
    {"mapping", view_get_mapping, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_dict_keys_spec = {
    .name = "dict_keys",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(dict_view),
    .slots = {.repr = view_repr, .len = view_len, .iter = view_iter, .contains = view_contains,
              .richcmp = view_richcmp, .binop = view_binop, .binops = MPY_OPS(SUB) | MPY_OPS(OR) | MPY_OPS(XOR) | MPY_OPS(AND), .rbinops = MPY_OPS(SUB) | MPY_OPS(OR) | MPY_OPS(XOR) | MPY_OPS(AND), .trace = view_trace, .new_ = no_new},
    .methods = setview_methods,
    .getsets = view_getsets,
};

const mpy_type_spec mpy_dict_items_spec = {
    .name = "dict_items",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(dict_view),
    .slots = {.repr = view_repr, .len = view_len, .iter = view_iter, .contains = view_contains,
              .richcmp = view_richcmp, .binop = view_binop, .binops = MPY_OPS(SUB) | MPY_OPS(OR) | MPY_OPS(XOR) | MPY_OPS(AND), .rbinops = MPY_OPS(SUB) | MPY_OPS(OR) | MPY_OPS(XOR) | MPY_OPS(AND), .trace = view_trace, .new_ = no_new},
    .methods = setview_methods,
    .getsets = view_getsets,
};

const mpy_type_spec mpy_dict_values_spec = {
    .name = "dict_values",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(dict_view),
    .slots = {.repr = view_repr, .len = view_len, .iter = view_iter, .trace = view_trace, .new_ = no_new},
    .methods = values_methods,
    .getsets = view_getsets,
};

/* ---------------------------------------------------------- mappingproxy */

typedef struct mappingproxy {
    mpy_obj hdr;
    mpy_value mapping;
} mappingproxy;

static mpy_value proxy_make(mpy_vm *vm, mpy_value mapping)
{
    mappingproxy *p = mpy_obj_alloc(vm, vm->types[MPY_TYPE_MAPPINGPROXY], sizeof(mappingproxy));
    if (!p) return MPY_NULL;
    p->mapping = mapping;
    return mpy_from_obj(p);
}

mpy_value mpy_mappingproxy_new(mpy_vm *vm, mpy_dict *d) { return proxy_make(vm, mpy_from_obj(d)); }

#define MAPPING(v) (((mappingproxy *)(v).u.o)->mapping)

static mpy_value proxy_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 1 || (kw && kw->len))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "mappingproxy() takes exactly one argument (%d given)",
                             argc + (kw ? (int)kw->len : 0));
    mpy_type *t = mpy_typeof(vm, args[0]);
    if (!t->slots.getitem || mpy_is_sub(vm, args[0], MPY_TYPE_LIST) || mpy_is_sub(vm, args[0], MPY_TYPE_TUPLE))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "mappingproxy() argument must be a mapping, not %s",
                             mpy_type_name(t));
    return proxy_make(vm, args[0]);
}

static mpy_value proxy_getitem(mpy_vm *vm, mpy_value self, mpy_value key) { return mpy_getitem(vm, MAPPING(self), key); }
static int64_t proxy_len(mpy_vm *vm, mpy_value self) { return mpy_len(vm, MAPPING(self)); }
static mpy_value proxy_iter(mpy_vm *vm, mpy_value self) { return mpy_iter(vm, MAPPING(self)); }
static int proxy_contains(mpy_vm *vm, mpy_value self, mpy_value k) { return mpy_contains(vm, MAPPING(self), k); }
static mpy_value proxy_str(mpy_vm *vm, mpy_value self) { return mpy_to_str(vm, MAPPING(self)); }

static mpy_value proxy_repr(mpy_vm *vm, mpy_value self)
{
    mpy_strbuf b = {0};
    if (!mpy_strbuf_add_cstr(vm, &b, "mappingproxy(") || !mpy_strbuf_add_repr(vm, &b, MAPPING(self)) ||
        !mpy_strbuf_add(vm, &b, ")", 1)) {
        mpy_strbuf_free(vm, &b);
        return MPY_NULL;
    }
    return mpy_strbuf_finish(vm, &b);
}

static mpy_value proxy_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    return mpy_compare(vm, MAPPING(a), b, op);
}

static mpy_value proxy_ior_error(mpy_vm *vm)
{
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'|=' is not supported by mappingproxy; use '|' instead");
}

/* CPython's mappingproxy refuses |= outright, rather than letting it fall
 * back to | and rebind the name to a new dict. */
static mpy_value proxy_m_ior(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_binary_dunder_args(vm, "__ior__", argc, kw)) return MPY_NULL;
    return proxy_ior_error(vm);
}

static mpy_value proxy_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (op == MPY_BINOP_INPLACE + MPY_BINOP_OR && mpy_is_type(vm, a, MPY_TYPE_MAPPINGPROXY)) return proxy_ior_error(vm);
    if (op != MPY_BINOP_OR) return mpy_notimpl(vm);
    if (mpy_is_type(vm, a, MPY_TYPE_MAPPINGPROXY)) a = MAPPING(a);
    if (mpy_is_type(vm, b, MPY_TYPE_MAPPINGPROXY)) b = MAPPING(b);
    return mpy_binary_op(vm, MPY_BINOP_OR, a, b);
}

static void proxy_trace(mpy_vm *vm, mpy_obj *o) { mpy_gc_mark(vm, ((mappingproxy *)o)->mapping); }

static mpy_value proxy_forward(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, name, kw)) return MPY_NULL;
    return mpy_call_method(vm, MAPPING(args[0]), name, argc - 1, args + 1);
}

static mpy_value proxy_m_keys(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw) { return proxy_forward(vm, "keys", argc, args, kw); }
static mpy_value proxy_m_values(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw) { return proxy_forward(vm, "values", argc, args, kw); }
static mpy_value proxy_m_items(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw) { return proxy_forward(vm, "items", argc, args, kw); }
static mpy_value proxy_m_get(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw) { return proxy_forward(vm, "get", argc, args, kw); }
static mpy_value proxy_m_copy(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw) { return proxy_forward(vm, "copy", argc, args, kw); }

static const mpy_method_def proxy_methods[] = {
    {"__ior__", proxy_m_ior, MPY_METH_DEFAULT},
    {"keys", proxy_m_keys, MPY_METH_DEFAULT},
    {"values", proxy_m_values, MPY_METH_DEFAULT},
    {"items", proxy_m_items, MPY_METH_DEFAULT},
    {"get", proxy_m_get, MPY_METH_DEFAULT},
    {"copy", proxy_m_copy, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

const mpy_type_spec mpy_mappingproxy_spec = {
    .name = "mappingproxy",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mappingproxy),
    .slots = {.repr = proxy_repr, .str = proxy_str, .getitem = proxy_getitem, .len = proxy_len,
              .iter = proxy_iter, .contains = proxy_contains, .richcmp = proxy_richcmp, .binop = proxy_binop, .binops = MPY_OPS(OR), .rbinops = MPY_OPS(OR),
              .trace = proxy_trace, .new_ = proxy_new_, .init = mpy_init_noop},
    .methods = proxy_methods,
};
