/* dict: the hash table core (see dict.h), then the type's slots and
 * methods.  Views, iterators and mappingproxy are in dictview.c.
 *
 * Layout: `index` has mask+1 slots of int32 (-1 empty, -2 deleted, else an
 * entry number); `entries` is the dense insertion-ordered array.  Deleting
 * leaves a hole in `entries` (key MPY_NULL) that iteration skips; a resize
 * compacts.  The index is kept at most 2/3 full.  Probing is CPython's
 * perturbed scheme, so clustering from small-int keys stays low.
 *
 * Lookups that compare keys with mpy_eq can run Python code which may
 * mutate the dict; the lookup restarts when the table changed under it,
 * as CPython does.
 */
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/seq.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#define EMPTY (-1)
#define DELETED (-2)
#define PERTURB_SHIFT 5

mpy_dict *mpy_dict_new(mpy_vm *vm)
{
    mpy_dict *d = mpy_obj_alloc(vm, vm->types[MPY_TYPE_DICT], sizeof(mpy_dict));
    return d;
}

/* Equality of two keys with the same hash; fast for str and small ints. */
static int keys_equal(mpy_vm *vm, mpy_value a, mpy_value b)
{
    if (mpy_is(a, b)) return 1;
    if (a.tag == MPY_TAG_OBJ && b.tag == MPY_TAG_OBJ) {
        mpy_type *ts = vm->types[MPY_TYPE_STR];
        if (a.u.o->type == ts && b.u.o->type == ts)
            return mpy_str_eq((mpy_str *)a.u.o, (mpy_str *)b.u.o);
    } else if (mpy_is_smallint(a) && mpy_is_smallint(b)) {
        return a.u.i == b.u.i;
    }
    return mpy_eq(vm, a, b);
}

/* Index slot holding key, or -1 (absent), or -2 on error.  *ins gets the
 * slot where the key would be inserted. */
static int64_t lookup(mpy_vm *vm, mpy_dict *d, mpy_value key, int64_t hash, size_t *ins)
{
restart:
    if (!d->index) { *ins = 0; return -1; }
    size_t mask = d->mask;
    uint64_t perturb = (uint64_t)hash;
    size_t i = (size_t)hash & mask;
    size_t free_slot = SIZE_MAX;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == EMPTY) {
            *ins = free_slot != SIZE_MAX ? free_slot : i;
            return -1;
        }
        if (ix == DELETED) {
            if (free_slot == SIZE_MAX) free_slot = i;
        } else {
            mpy_dict_entry *e = &d->entries[ix];
            if (mpy_is(e->key, key)) return (int64_t)i;
            if (e->hash == hash) {
                mpy_dict_entry *old_entries = d->entries;
                uint64_t version = d->version;
                mpy_value k = e->key;
                int eq = keys_equal(vm, k, key);
                if (eq < 0) return -2;
                if (d->entries != old_entries || d->version != version) goto restart;
                if (eq) return (int64_t)i;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + (size_t)perturb + 1) & mask;
    }
}

static bool resize(mpy_vm *vm, mpy_dict *d, size_t min_used)
{
    mpy_dict_changed(vm, d);
    size_t size = 8;
    while (size * 2 < min_used * 3) size *= 2;
    size_t cap = size * 2 / 3;
    int32_t *index = mpy_mem_realloc(vm, NULL, 0, size * sizeof(int32_t));
    if (!index) return false;
    mpy_dict_entry *entries = mpy_mem_realloc(vm, NULL, 0, cap * sizeof(mpy_dict_entry));
    if (!entries) {
        mpy_mem_free(vm, index, size * sizeof(int32_t));
        return false;
    }
    memset(index, 0xff, size * sizeof(int32_t)); /* all EMPTY */
    size_t n = 0;
    for (size_t k = 0; k < d->nentries; k++) {
        mpy_dict_entry *e = &d->entries[k];
        if (mpy_is_null(e->key)) continue;
        entries[n] = *e;
        uint64_t perturb = (uint64_t)e->hash;
        size_t i = (size_t)e->hash & (size - 1);
        while (index[i] != EMPTY) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + (size_t)perturb + 1) & (size - 1);
        }
        index[i] = (int32_t)n++;
    }
    if (d->index) mpy_mem_free(vm, d->index, (d->mask + 1) * sizeof(int32_t));
    if (d->entries) mpy_mem_free(vm, d->entries, d->cap * sizeof(mpy_dict_entry));
    d->index = index;
    d->entries = entries;
    d->mask = size - 1;
    d->fill = n;
    d->cap = cap;
    d->nentries = n;
    d->version++;
    return true;
}

static mpy_value get_hashed(mpy_vm *vm, mpy_dict *d, mpy_value key, int64_t hash, bool *err)
{
    size_t ins;
    int64_t slot = lookup(vm, d, key, hash, &ins);
    if (slot == -2) { *err = true; return MPY_NULL; }
    *err = false;
    if (slot < 0) return MPY_NULL;
    return d->entries[d->index[slot]].value;
}

mpy_value mpy_dict_get(mpy_vm *vm, mpy_dict *d, mpy_value key, bool *err)
{
    int64_t hash;
    if (!mpy_hash(vm, key, &hash)) { *err = true; return MPY_NULL; }
    return get_hashed(vm, d, key, hash, err);
}

static bool set_hashed(mpy_vm *vm, mpy_dict *d, mpy_value key, int64_t hash, mpy_value value)
{
    size_t ins;
    int64_t slot = lookup(vm, d, key, hash, &ins);
    if (slot == -2) return false;
    if (slot >= 0) {
        /* A class attribute's new value may be a descriptor where the old
         * one was not: cached attribute lookups must look again (CPython
         * also drops a type's version tag on any class attribute store). */
        mpy_dict_changed(vm, d);
        d->entries[d->index[slot]].value = value;
        return true;
    }
    /* Deleted index slots are never EMPTY again until a resize; count
     * them so that repeated insert/delete cannot fill the index. */
    if (d->nentries >= d->cap || (d->index && d->index[ins] == EMPTY && d->fill + 1 > d->cap)) {
        if (!resize(vm, d, d->used + 1)) return false;
        slot = lookup(vm, d, key, hash, &ins); /* cannot fail: key is new */
        (void)slot;
    }
    mpy_dict_changed(vm, d);
    if (d->index[ins] == EMPTY) d->fill++;
    d->index[ins] = (int32_t)d->nentries;
    mpy_dict_entry *e = &d->entries[d->nentries++];
    e->hash = hash;
    e->key = key;
    e->value = value;
    d->used++;
    d->version++;
    return true;
}

bool mpy_dict_set(mpy_vm *vm, mpy_dict *d, mpy_value key, mpy_value value)
{
    int64_t hash;
    if (!mpy_hash(vm, key, &hash)) return false;
    return set_hashed(vm, d, key, hash, value);
}

/* Empties index slot `slot` (a live entry); returns the old value. */
static mpy_value del_slot(mpy_vm *vm, mpy_dict *d, int64_t slot)
{
    mpy_dict_changed(vm, d);
    int32_t ix = d->index[slot];
    mpy_dict_entry *e = &d->entries[ix];
    mpy_value v = e->value;
    e->key = MPY_NULL;
    e->value = MPY_NULL;
    d->index[slot] = DELETED;
    d->used--;
    d->version++;
    /* Trailing holes are dropped so popitem() stays O(1) amortised. */
    while (d->nentries && mpy_is_null(d->entries[d->nentries - 1].key)) d->nentries--;
    return v;
}

mpy_value mpy_dict_pop(mpy_vm *vm, mpy_dict *d, mpy_value key, bool *err)
{
    int64_t hash;
    *err = true;
    if (!mpy_hash(vm, key, &hash)) return MPY_NULL;
    size_t ins;
    int64_t slot = lookup(vm, d, key, hash, &ins);
    if (slot == -2) return MPY_NULL;
    *err = false;
    if (slot < 0) return MPY_NULL;
    return del_slot(vm, d, slot);
}

int mpy_dict_del(mpy_vm *vm, mpy_dict *d, mpy_value key)
{
    bool err;
    mpy_value v = mpy_dict_pop(vm, d, key, &err);
    if (err) return -1;
    return mpy_is_null(v) ? 0 : 1;
}

mpy_value mpy_dict_get_str(mpy_vm *vm, mpy_dict *d, mpy_str *key)
{
    bool err;
    if (!d->index) return MPY_NULL;
    /* str keys never run Python code, so this cannot fail. */
    return get_hashed(vm, d, mpy_from_obj(key), mpy_str_hash(key), &err);
}

bool mpy_dict_set_str(mpy_vm *vm, mpy_dict *d, mpy_str *key, mpy_value value)
{
    return set_hashed(vm, d, mpy_from_obj(key), mpy_str_hash(key), value);
}

mpy_value mpy_dict_get_cstr(mpy_vm *vm, mpy_dict *d, const char *key)
{
    mpy_str *k = mpy_str_intern_cstr(vm, key);
    if (!k) { mpy_err_clear(vm); return MPY_NULL; }
    return mpy_dict_get_str(vm, d, k);
}

bool mpy_dict_set_cstr(mpy_vm *vm, mpy_dict *d, const char *key, mpy_value value)
{
    mpy_str *k = mpy_str_intern_cstr(vm, key);
    return k && mpy_dict_set_str(vm, d, k, value);
}

bool mpy_dict_next(mpy_dict *d, size_t *pos, mpy_value *key, mpy_value *value)
{
    while (*pos < d->nentries) {
        mpy_dict_entry *e = &d->entries[(*pos)++];
        if (mpy_is_null(e->key)) continue;
        if (key) *key = e->key;
        if (value) *value = e->value;
        return true;
    }
    return false;
}

void mpy_dict_clear(mpy_vm *vm, mpy_dict *d)
{
    mpy_dict_changed(vm, d);
    if (d->index) mpy_mem_free(vm, d->index, (d->mask + 1) * sizeof(int32_t));
    if (d->entries) mpy_mem_free(vm, d->entries, d->cap * sizeof(mpy_dict_entry));
    d->index = NULL;
    d->entries = NULL;
    d->mask = d->cap = d->nentries = d->used = d->fill = 0;
    d->version++;
}

mpy_dict *mpy_dict_copy(mpy_vm *vm, mpy_dict *src)
{
    mpy_dict *d = mpy_dict_new(vm);
    if (!d) return NULL;
    size_t pos = 0;
    mpy_value k, v;
    if (src->used && !resize(vm, d, src->used)) return NULL;
    while (mpy_dict_next(src, &pos, &k, &v)) {
        int64_t h = src->entries[pos - 1].hash;
        if (!set_hashed(vm, d, k, h, v)) return NULL;
    }
    return d;
}

bool mpy_dict_update(mpy_vm *vm, mpy_dict *d, mpy_value other)
{
    if (mpy_is_sub(vm, other, MPY_TYPE_DICT)) {
        mpy_dict *o = mpy_as_dict(other);
        size_t pos = 0;
        mpy_value k, v;
        while (mpy_dict_next(o, &pos, &k, &v))
            if (!set_hashed(vm, d, k, o->entries[pos - 1].hash, v)) return false;
        return true;
    }
    /* A mapping with keys(), else an iterable of pairs. */
    mpy_value keys = mpy_getattr_opt(vm, other, vm->names.keys);
    if (mpy_err_occurred(vm)) return false;
    if (!mpy_is_null(keys)) {
        mpy_value ks = mpy_call0(vm, keys);
        if (mpy_is_null(ks)) return false;
        mpy_value it = mpy_iter(vm, ks);
        if (mpy_is_null(it)) return false;
        for (;;) {
            mpy_value k = mpy_next(vm, it);
            if (mpy_is_null(k)) return !mpy_err_occurred(vm);
            mpy_value v = mpy_getitem(vm, other, k);
            if (mpy_is_null(v) || !mpy_dict_set(vm, d, k, v)) return false;
        }
    }
    mpy_value it = mpy_iter(vm, other);
    if (mpy_is_null(it)) return false;
    for (size_t n = 0;; n++) {
        mpy_value item = mpy_next(vm, it);
        if (mpy_is_null(item)) return !mpy_err_occurred(vm);
        mpy_value pit = mpy_iter(vm, item);
        if (mpy_is_null(pit)) {
            mpy_err_clear(vm);
            return mpy_err_fmt(vm, MPY_EXC_TypeError,
                               "cannot convert dictionary update sequence element #%zu to a sequence", n);
        }
        mpy_value kv[2];
        size_t got = 0;
        for (;; got++) {
            mpy_value x = mpy_next(vm, pit);
            if (mpy_is_null(x)) break;
            if (got < 2) kv[got] = x;
        }
        if (mpy_err_occurred(vm)) return false;
        if (got != 2)
            return mpy_err_fmt(vm, MPY_EXC_ValueError,
                               "dictionary update sequence element #%zu has length %zu; 2 is required", n, got);
        if (!mpy_dict_set(vm, d, kv[0], kv[1])) return false;
    }
}

/* ================================================================ the type */

static mpy_value dict_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_dict *d = mpy_obj_alloc(vm, type, type->instance_size > sizeof(mpy_dict) ? type->instance_size : sizeof(mpy_dict));
    return d ? mpy_from_obj(d) : MPY_NULL;
}

/* dict(...) / d.update(...): one optional positional (mapping or pairs)
 * then keyword items.  args[0] is self. */
static bool dict_update_args(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc > 2) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s expected at most 1 argument, got %d", name, argc - 1);
    mpy_dict *d = mpy_as_dict(args[0]);
    if (argc == 2 && !mpy_dict_update(vm, d, args[1])) return false;
    for (size_t k = 0; kw && k < kw->len; k++)
        if (!mpy_dict_set(vm, d, kw->items[k], args[argc + (int)k])) return false;
    return true;
}

static bool dict_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return dict_update_args(vm, "dict", argc, args, kw);
}

static mpy_value dict_repr(mpy_vm *vm, mpy_value self)
{
    mpy_dict *d = mpy_as_dict(self);
    if (d->used == 0) return mpy_from_obj(mpy_str_intern_cstr(vm, "{}"));
    if (mpy_repr_enter(vm, self)) return mpy_from_obj(mpy_str_intern_cstr(vm, "{...}"));
    mpy_strbuf b = {0};
    bool ok = mpy_strbuf_add(vm, &b, "{", 1);
    size_t pos = 0;
    mpy_value k, v;
    for (bool first = true; ok && mpy_dict_next(d, &pos, &k, &v); first = false) {
        if (!first) ok = mpy_strbuf_add(vm, &b, ", ", 2);
        ok = ok && mpy_strbuf_add_repr(vm, &b, k) && mpy_strbuf_add(vm, &b, ": ", 2) && mpy_strbuf_add_repr(vm, &b, v);
    }
    ok = ok && mpy_strbuf_add(vm, &b, "}", 1);
    mpy_repr_leave(vm, self);
    if (!ok) {
        mpy_strbuf_free(vm, &b);
        return MPY_NULL;
    }
    return mpy_strbuf_finish(vm, &b);
}

/* 1 equal, 0 not, -1 error. */
static int dict_equal(mpy_vm *vm, mpy_dict *a, mpy_dict *b)
{
    if (a->used != b->used) return 0;
    for (size_t pos = 0; pos < a->nentries; pos++) {
        mpy_dict_entry *e = &a->entries[pos];
        if (mpy_is_null(e->key)) continue;
        mpy_value k = e->key, v = e->value;
        bool err;
        mpy_value w = get_hashed(vm, b, k, e->hash, &err);
        if (err) return -1;
        if (mpy_is_null(w)) return 0;
        int eq = mpy_eq(vm, v, w);
        if (eq <= 0) return eq;
    }
    return 1;
}

static mpy_value dict_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if ((op != MPY_CMP_EQ && op != MPY_CMP_NE) || !mpy_is_sub(vm, b, MPY_TYPE_DICT)) return mpy_notimpl(vm);
    int eq = dict_equal(vm, mpy_as_dict(a), mpy_as_dict(b));
    if (eq < 0) return MPY_NULL;
    return mpy_from_bool(op == MPY_CMP_EQ ? eq : !eq);
}

static mpy_value dict_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (op == MPY_BINOP_OR) {
        if (!mpy_is_sub(vm, a, MPY_TYPE_DICT) || !mpy_is_sub(vm, b, MPY_TYPE_DICT)) return mpy_notimpl(vm);
        mpy_dict *r = mpy_dict_copy(vm, mpy_as_dict(a));
        if (!r || !mpy_dict_update(vm, r, b)) return MPY_NULL;
        return mpy_from_obj(r);
    }
    if (op == MPY_BINOP_INPLACE + MPY_BINOP_OR) {
        if (!mpy_dict_update(vm, mpy_as_dict(a), b)) return MPY_NULL;
        return a;
    }
    return mpy_notimpl(vm);
}

static int64_t dict_len(mpy_vm *vm, mpy_value self) { return (int64_t)mpy_as_dict(self)->used; }

/* d |= other as a method (dict.__ior__), as CPython's dict has it. */
static mpy_value dict_m_ior(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_binary_dunder_args(vm, "__ior__", argc, kw)) return MPY_NULL;
    return dict_binop(vm, (mpy_binop)(MPY_BINOP_INPLACE + MPY_BINOP_OR), args[0], args[1]);
}

static mpy_value dict_getitem(mpy_vm *vm, mpy_value self, mpy_value key)
{
    bool err;
    mpy_value v = mpy_dict_get(vm, mpy_as_dict(self), key, &err);
    if (!mpy_is_null(v) || err) return v;
    mpy_type *t = mpy_typeof(vm, self);
    if (t != vm->types[MPY_TYPE_DICT]) {
        mpy_value m = mpy_type_lookup(vm, t, vm->names.__missing__);
        if (!mpy_is_null(m)) {
            mpy_value a[2] = {self, key};
            mpy_type *mt = mpy_typeof(vm, m);
            if (mt->slots.descr_get) {
                m = mt->slots.descr_get(vm, m, self, t);
                if (mpy_is_null(m)) return m;
                return mpy_call(vm, m, 1, &key, NULL);
            }
            return mpy_call(vm, m, 2, a, NULL);
        }
    }
    mpy_err_type(vm, MPY_EXC_KeyError, key);
    return MPY_NULL;
}

static bool dict_setitem(mpy_vm *vm, mpy_value self, mpy_value key, mpy_value value)
{
    mpy_dict *d = mpy_as_dict(self);
    if (!mpy_is_null(value)) return mpy_dict_set(vm, d, key, value);
    int r = mpy_dict_del(vm, d, key);
    if (r < 0) return false;
    if (r == 0) return mpy_err_type(vm, MPY_EXC_KeyError, key);
    return true;
}

static int dict_contains(mpy_vm *vm, mpy_value self, mpy_value key)
{
    bool err;
    mpy_value v = mpy_dict_get(vm, mpy_as_dict(self), key, &err);
    if (err) return -1;
    return !mpy_is_null(v);
}

static mpy_value dict_iter(mpy_vm *vm, mpy_value self) { return mpy_dict_iter_new(vm, mpy_as_dict(self), MPY_DICT_KEYS, false); }

static void dict_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_dict *d = (mpy_dict *)o;
    for (size_t i = 0; i < d->nentries; i++) {
        mpy_gc_mark(vm, d->entries[i].key);
        mpy_gc_mark(vm, d->entries[i].value);
    }
    mpy_trace_instance_dict(vm, o);
}

static void dict_finalize(mpy_vm *vm, mpy_obj *o) { mpy_dict_clear(vm, (mpy_dict *)o); }

/* --------------------------------------------------------------- methods */

#define SELF mpy_as_dict(args[0])

static bool no_args(mpy_vm *vm, const char *name, int argc, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, name, kw)) return false;
    if (argc != 1) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no arguments (%d given)", name, argc - 1);
    return true;
}

static bool arg_range(mpy_vm *vm, const char *name, int argc, int lo, int hi, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, name, kw)) return false;
    int n = argc - 1;
    if (n < lo)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s expected at least %d argument%s, got %d", name, lo,
                           lo == 1 ? "" : "s", n);
    if (n > hi)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s expected at most %d argument%s, got %d", name, hi,
                           hi == 1 ? "" : "s", n);
    return true;
}

static mpy_value dict_m_keys(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return no_args(vm, "dict.keys", argc, kw) ? mpy_dict_view_new(vm, SELF, MPY_DICT_KEYS) : MPY_NULL;
}

static mpy_value dict_m_values(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return no_args(vm, "dict.values", argc, kw) ? mpy_dict_view_new(vm, SELF, MPY_DICT_VALUES) : MPY_NULL;
}

static mpy_value dict_m_items(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return no_args(vm, "dict.items", argc, kw) ? mpy_dict_view_new(vm, SELF, MPY_DICT_ITEMS) : MPY_NULL;
}

static mpy_value dict_m_get(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!arg_range(vm, "get", argc, 1, 2, kw)) return MPY_NULL;
    bool err;
    mpy_value v = mpy_dict_get(vm, SELF, args[1], &err);
    if (err) return MPY_NULL;
    if (mpy_is_null(v)) return argc == 3 ? args[2] : MPY_NONE;
    return v;
}

static mpy_value dict_m_setdefault(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!arg_range(vm, "setdefault", argc, 1, 2, kw)) return MPY_NULL;
    mpy_dict *d = SELF;
    int64_t hash;
    if (!mpy_hash(vm, args[1], &hash)) return MPY_NULL;
    bool err;
    mpy_value v = get_hashed(vm, d, args[1], hash, &err);
    if (err) return MPY_NULL;
    if (!mpy_is_null(v)) return v;
    v = argc == 3 ? args[2] : MPY_NONE;
    return set_hashed(vm, d, args[1], hash, v) ? v : MPY_NULL;
}

static mpy_value dict_m_pop(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!arg_range(vm, "pop", argc, 1, 2, kw)) return MPY_NULL;
    bool err;
    mpy_value v = mpy_dict_pop(vm, SELF, args[1], &err);
    if (err || !mpy_is_null(v)) return v;
    if (argc == 3) return args[2];
    mpy_err_type(vm, MPY_EXC_KeyError, args[1]);
    return MPY_NULL;
}

static mpy_value dict_m_popitem(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "dict.popitem", argc, kw)) return MPY_NULL;
    mpy_dict *d = SELF;
    if (d->used == 0) {
        mpy_str *msg = mpy_str_from_cstr(vm, "popitem(): dictionary is empty");
        if (msg) mpy_err_type(vm, MPY_EXC_KeyError, mpy_from_obj(msg));
        return MPY_NULL;
    }
    mpy_dict_entry *e = &d->entries[d->nentries - 1]; /* never a hole: del_slot trims them */
    mpy_value k = e->key;
    size_t ins;
    int64_t slot = lookup(vm, d, k, e->hash, &ins);
    if (slot < 0) return slot == -2 ? MPY_NULL : mpy_err_fmt_v(vm, MPY_EXC_SystemError, "dict entry lost");
    mpy_value v = del_slot(vm, d, slot);
    mpy_tuple *t = mpy_tuple_pack(vm, 2, k, v);
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static mpy_value dict_m_update(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return dict_update_args(vm, "update", argc, args, kw) ? MPY_NONE : MPY_NULL;
}

static mpy_value dict_m_clear(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "dict.clear", argc, kw)) return MPY_NULL;
    mpy_dict_clear(vm, SELF);
    return MPY_NONE;
}

static mpy_value dict_m_copy(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "dict.copy", argc, kw)) return MPY_NULL;
    mpy_dict *d = mpy_dict_copy(vm, SELF);
    return d ? mpy_from_obj(d) : MPY_NULL;
}

static mpy_value dict_m_fromkeys(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!arg_range(vm, "fromkeys", argc, 1, 2, kw)) return MPY_NULL;
    mpy_value value = argc == 3 ? args[2] : MPY_NONE;
    mpy_value cls = args[0];
    mpy_value d = mpy_call(vm, cls, 0, NULL, NULL);
    if (mpy_is_null(d)) return d;
    mpy_value it = mpy_iter(vm, args[1]);
    if (mpy_is_null(it)) return it;
    bool fast = mpy_is_type(vm, d, MPY_TYPE_DICT);
    for (;;) {
        mpy_value k = mpy_next(vm, it);
        if (mpy_is_null(k)) return mpy_err_occurred(vm) ? MPY_NULL : d;
        if (!(fast ? mpy_dict_set(vm, mpy_as_dict(d), k, value) : mpy_setitem(vm, d, k, value))) return MPY_NULL;
    }
}

static mpy_value dict_m_reversed(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "dict.__reversed__", argc, kw)) return MPY_NULL;
    return mpy_dict_iter_new(vm, SELF, MPY_DICT_KEYS, true);
}

static const mpy_method_def dict_methods[] = {
    {"__ior__", dict_m_ior, MPY_METH_DEFAULT},
    {"keys", dict_m_keys, MPY_METH_DEFAULT},
    {"values", dict_m_values, MPY_METH_DEFAULT},
    {"items", dict_m_items, MPY_METH_DEFAULT},
    {"get", dict_m_get, MPY_METH_DEFAULT},
    {"setdefault", dict_m_setdefault, MPY_METH_DEFAULT},
    {"pop", dict_m_pop, MPY_METH_DEFAULT},
    {"popitem", dict_m_popitem, MPY_METH_DEFAULT},
    {"update", dict_m_update, MPY_METH_DEFAULT},
    {"clear", dict_m_clear, MPY_METH_DEFAULT},
    {"copy", dict_m_copy, MPY_METH_DEFAULT},
    {"fromkeys", dict_m_fromkeys, MPY_METH_CLASS},
    {"__reversed__", dict_m_reversed, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

const mpy_type_spec mpy_dict_spec = {
    .name = "dict",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE | MPY_TF_DICT_SUB,
    .instance_size = sizeof(mpy_dict),
    .dict_offset = offsetof(mpy_dict, dict),
    .slots = {.repr = dict_repr, .richcmp = dict_richcmp, .binop = dict_binop, .binops = MPY_OPS(OR), .rbinops = MPY_OPS(OR), .len = dict_len,
              .getitem = dict_getitem, .setitem = dict_setitem, .contains = dict_contains, .iter = dict_iter,
              .new_ = dict_new_, .init = dict_init, .trace = dict_trace, .finalize = dict_finalize,
              .getattr = mpy_container_getattr, .setattr = mpy_container_setattr},
    .methods = dict_methods,
};

/* The entry index of an interned-string key, or -1 when absent: for the
 * interpreter's global-variable cache, which reads entries[ix].value
 * directly while the dict's version says the layout has not changed. */
int64_t mpy_dict_entry_index_str(mpy_vm *vm, mpy_dict *d, mpy_str *key)
{
    size_t ins;
    int64_t slot = lookup(vm, d, mpy_from_obj(key), mpy_str_hash(key), &ins);
    return slot < 0 ? -1 : d->index[slot];
}
