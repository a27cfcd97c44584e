/* dict core: the hash table (see dict.h).  Type slots and methods are in
 * dict_type.c.
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
#include "runtime/str.h"

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
        d->entries[d->index[slot]].value = value;
        return true;
    }
    if (d->nentries >= d->cap) {
        if (!resize(vm, d, d->used + 1)) return false;
        slot = lookup(vm, d, key, hash, &ins); /* cannot fail: key is new */
        (void)slot;
    }
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

int mpy_dict_del(mpy_vm *vm, mpy_dict *d, mpy_value key)
{
    int64_t hash;
    if (!mpy_hash(vm, key, &hash)) return -1;
    size_t ins;
    int64_t slot = lookup(vm, d, key, hash, &ins);
    if (slot == -2) return -1;
    if (slot < 0) return 0;
    mpy_dict_entry *e = &d->entries[d->index[slot]];
    e->key = MPY_NULL;
    e->value = MPY_NULL;
    d->index[slot] = DELETED;
    d->used--;
    d->version++;
    return 1;
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
    if (d->index) mpy_mem_free(vm, d->index, (d->mask + 1) * sizeof(int32_t));
    if (d->entries) mpy_mem_free(vm, d->entries, d->cap * sizeof(mpy_dict_entry));
    d->index = NULL;
    d->entries = NULL;
    d->mask = d->cap = d->nentries = d->used = 0;
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
