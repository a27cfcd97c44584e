/* set and frozenset (set.h).
 *
 * The table follows CPython's setobject.c closely — same minimum size,
 * the 9 linear probes before a perturbed jump, the 60% fill limit, growth
 * by 4x (2x past 50000 entries), the same fast paths when merging sets
 * and the same pop() finger — because the iteration order of a set is
 * visible in every program that prints one.  A free slot has key MPY_NULL
 * and hash 0; a deleted slot ("dummy") key MPY_NULL and hash -1 (no real
 * hash is -1).  Tables of 8 slots live inside the object.
 *
 * Comparing keys can run Python code that mutates the set: lookups and
 * insertions restart when the table changed under them, as CPython does.
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

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static inline bool is_dummy(const mpy_set_entry *e) { return mpy_is_null(e->key) && e->hash == -1; }
static inline bool is_unused(const mpy_set_entry *e) { return mpy_is_null(e->key) && e->hash == 0; }

bool mpy_is_anyset(mpy_vm *vm, mpy_value v)
{
    return mpy_is_sub(vm, v, MPY_TYPE_SET) || mpy_is_sub(vm, v, MPY_TYPE_FROZENSET);
}

static bool is_frozen(mpy_vm *vm, mpy_set *s) { return mpy_type_is_sub(s->hdr.type, vm->types[MPY_TYPE_FROZENSET]); }

static void empty_to_minsize(mpy_set *s)
{
    memset(s->smalltable, 0, sizeof s->smalltable);
    s->table = s->smalltable;
    s->mask = MPY_SET_MINSIZE - 1;
    s->fill = s->used = 0;
    s->hash = -1;
}

mpy_set *mpy_set_new(mpy_vm *vm, mpy_type *type)
{
    size_t size = type->instance_size > sizeof(mpy_set) ? type->instance_size : sizeof(mpy_set);
    mpy_set *s = mpy_obj_alloc(vm, type, size);
    if (!s) return NULL;
    empty_to_minsize(s);
    return s;
}

/* Equality of two keys with equal hashes: 1, 0, -1. */
static int keys_equal(mpy_vm *vm, mpy_value a, mpy_value b)
{
    if (mpy_is(a, b)) return 1;
    mpy_type *ts = vm->types[MPY_TYPE_STR];
    if (a.tag == MPY_TAG_OBJ && b.tag == MPY_TAG_OBJ && a.u.o->type == ts && b.u.o->type == ts)
        return mpy_str_eq((mpy_str *)a.u.o, (mpy_str *)b.u.o);
    if (mpy_is_smallint(a) && mpy_is_smallint(b)) return a.u.i == b.u.i;
    return mpy_eq(vm, a, b);
}

/* The entry holding key, or the free entry ending the probe; NULL on
 * error. */
static mpy_set_entry *lookkey(mpy_vm *vm, mpy_set *s, mpy_value key, int64_t hash)
{
restart:;
    size_t mask = s->mask, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        mpy_set_entry *e = &s->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (is_unused(e)) return e;
            if (e->hash == hash && !mpy_is_null(e->key)) {
                mpy_value start = e->key;
                if (mpy_is(start, key)) return e;
                mpy_set_entry *table = s->table;
                int eq = keys_equal(vm, start, key);
                if (eq < 0) return NULL;
                if (table != s->table || !mpy_is(e->key, start)) goto restart;
                if (eq) return e;
                mask = s->mask;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
    }
}

/* Inserts into a table known to hold neither key nor dummies. */
static void insert_clean(mpy_set_entry *table, size_t mask, mpy_value key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        mpy_set_entry *e = &table[i];
        if (mpy_is_null(e->key)) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (mpy_is_null(e->key)) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static bool table_resize(mpy_vm *vm, mpy_set *s, size_t minused)
{
    size_t newsize = MPY_SET_MINSIZE;
    while (newsize <= minused) newsize <<= 1;
    mpy_set_entry small_copy[MPY_SET_MINSIZE];
    mpy_set_entry *old = s->table, *fresh;
    size_t oldsize = s->mask + 1;
    bool old_owned = old != s->smalltable;
    if (newsize == MPY_SET_MINSIZE) {
        fresh = s->smalltable;
        if (fresh == old) {
            if (s->fill == s->used) return true; /* no dummies: nothing to do */
            memcpy(small_copy, old, sizeof small_copy);
            old = small_copy;
        }
    } else {
        fresh = mpy_mem_realloc(vm, NULL, 0, newsize * sizeof(mpy_set_entry));
        if (!fresh) return false;
    }
    memset(fresh, 0, newsize * sizeof(mpy_set_entry));
    for (size_t i = 0; i < oldsize; i++)
        if (!mpy_is_null(old[i].key)) insert_clean(fresh, newsize - 1, old[i].key, old[i].hash);
    s->table = fresh;
    s->mask = newsize - 1;
    s->fill = s->used;
    if (old_owned) mpy_mem_free(vm, old, oldsize * sizeof(mpy_set_entry));
    return true;
}

static bool add_entry(mpy_vm *vm, mpy_set *s, mpy_value key, int64_t hash)
{
restart:;
    size_t mask = s->mask, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    mpy_set_entry *freeslot = NULL, *e;
    for (;;) {
        e = &s->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (is_unused(e)) goto found_unused_or_dummy;
            if (e->hash == hash && !mpy_is_null(e->key)) {
                mpy_value start = e->key;
                if (mpy_is(start, key)) return true;
                mpy_set_entry *table = s->table;
                int eq = keys_equal(vm, start, key);
                if (eq < 0) return false;
                if (eq > 0) return true;
                if (table != s->table || !mpy_is(e->key, start)) goto restart;
                mask = s->mask;
            } else if (is_dummy(e)) {
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        s->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return true;
    }
    s->fill++;
    s->used++;
    e->key = key;
    e->hash = hash;
    if (s->fill * 5 < mask * 3) return true;
    return table_resize(vm, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

/* Hash of a lookup key; a set used as a key is looked up as the equal
 * frozenset (CPython's rule for `{1} in s`, s.remove({1}) ...). */
static bool key_hash(mpy_vm *vm, mpy_value *key, int64_t *hash)
{
    if (mpy_hash(vm, *key, hash)) return true;
    if (!mpy_is_sub(vm, *key, MPY_TYPE_SET) || !mpy_err_matches(vm, MPY_EXC_TypeError)) return false;
    mpy_err_clear(vm);
    mpy_set *f = mpy_set_from_iter(vm, vm->types[MPY_TYPE_FROZENSET], *key);
    if (!f) return false;
    *key = mpy_from_obj(f);
    return mpy_hash(vm, *key, hash);
}

bool mpy_set_add(mpy_vm *vm, mpy_set *s, mpy_value key)
{
    int64_t hash;
    if (!mpy_hash(vm, key, &hash)) return false;
    return add_entry(vm, s, key, hash);
}

static int contains_entry(mpy_vm *vm, mpy_set *s, mpy_value key, int64_t hash)
{
    mpy_set_entry *e = lookkey(vm, s, key, hash);
    if (!e) return -1;
    return !mpy_is_null(e->key);
}

int mpy_set_contains(mpy_vm *vm, mpy_set *s, mpy_value key)
{
    int64_t hash;
    if (!key_hash(vm, &key, &hash)) return -1;
    return contains_entry(vm, s, key, hash);
}

static int discard_entry(mpy_vm *vm, mpy_set *s, mpy_value key, int64_t hash)
{
    mpy_set_entry *e = lookkey(vm, s, key, hash);
    if (!e) return -1;
    if (mpy_is_null(e->key)) return 0;
    e->key = MPY_NULL;
    e->hash = -1;
    s->used--;
    return 1;
}

int mpy_set_discard(mpy_vm *vm, mpy_set *s, mpy_value key)
{
    int64_t hash;
    if (!key_hash(vm, &key, &hash)) return -1;
    return discard_entry(vm, s, key, hash);
}

void mpy_set_clear(mpy_vm *vm, mpy_set *s)
{
    if (s->table != s->smalltable) mpy_mem_free(vm, s->table, (s->mask + 1) * sizeof(mpy_set_entry));
    empty_to_minsize(s);
}

bool mpy_set_next(mpy_set *s, size_t *pos, mpy_value *key, int64_t *hash)
{
    while (*pos <= s->mask) {
        mpy_set_entry *e = &s->table[(*pos)++];
        if (mpy_is_null(e->key)) continue;
        if (key) *key = e->key;
        if (hash) *hash = e->hash;
        return true;
    }
    return false;
}

/* s |= other where other is a set: CPython's set_merge fast paths. */
static bool merge(mpy_vm *vm, mpy_set *s, mpy_set *other)
{
    if (other == s || other->used == 0) return true;
    if ((s->fill + other->used) * 5 >= s->mask * 3 && !table_resize(vm, s, (s->used + other->used) * 2)) return false;
    if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
        memcpy(s->table, other->table, (s->mask + 1) * sizeof(mpy_set_entry));
        s->fill = other->fill;
        s->used = other->used;
        return true;
    }
    if (s->fill == 0) {
        for (size_t i = 0; i <= other->mask; i++)
            if (!mpy_is_null(other->table[i].key)) insert_clean(s->table, s->mask, other->table[i].key, other->table[i].hash);
        s->fill = s->used = other->used;
        return true;
    }
    for (size_t i = 0; i <= other->mask; i++) {
        mpy_set_entry e = other->table[i];
        if (!mpy_is_null(e.key) && !add_entry(vm, s, e.key, e.hash)) return false;
    }
    return true;
}

bool mpy_set_update(mpy_vm *vm, mpy_set *s, mpy_value iterable)
{
    if (mpy_is_anyset(vm, iterable)) return merge(vm, s, mpy_as_set(iterable));
    if (mpy_is_type(vm, iterable, MPY_TYPE_DICT)) {
        mpy_dict *d = mpy_as_dict(iterable);
        if ((s->fill + d->used) * 5 >= s->mask * 3 && !table_resize(vm, s, (s->used + d->used) * 2)) return false;
        for (size_t pos = 0; pos < d->nentries; pos++) {
            mpy_dict_entry e = d->entries[pos];
            if (!mpy_is_null(e.key) && !add_entry(vm, s, e.key, e.hash)) return false;
        }
        return true;
    }
    mpy_value it = mpy_iter(vm, iterable);
    if (mpy_is_null(it)) return false;
    for (;;) {
        mpy_value k = mpy_next(vm, it);
        if (mpy_is_null(k)) return !mpy_err_occurred(vm);
        if (!mpy_set_add(vm, s, k)) return false;
    }
}

mpy_set *mpy_set_from_iter(mpy_vm *vm, mpy_type *type, mpy_value iterable)
{
    mpy_set *s = mpy_set_new(vm, type);
    if (!s) return NULL;
    if (!mpy_is_null(iterable) && !mpy_set_update(vm, s, iterable)) return NULL;
    return s;
}

/* set or frozenset: the plain type results of operations on a subclass
 * instance get. */
static mpy_type *base_type(mpy_vm *vm, mpy_set *s)
{
    return is_frozen(vm, s) ? vm->types[MPY_TYPE_FROZENSET] : vm->types[MPY_TYPE_SET];
}

static mpy_set *set_copy(mpy_vm *vm, mpy_set *s) { return mpy_set_from_iter(vm, base_type(vm, s), mpy_from_obj(s)); }

/* Moves b's contents into a (b is a temporary that is then empty). */
static void swap_bodies(mpy_set *a, mpy_set *b)
{
    mpy_set tmp;
    size_t off = offsetof(mpy_set, fill), n = sizeof(mpy_set) - off;
    memcpy((char *)&tmp + off, (char *)a + off, n);
    memcpy((char *)a + off, (char *)b + off, n);
    memcpy((char *)b + off, (char *)&tmp + off, n);
    if (a->table == b->smalltable) a->table = a->smalltable;
    if (b->table == a->smalltable) b->table = b->smalltable;
    a->hash = b->hash = -1;
}

/* ---------------------------------------------------------- set algebra */

/* Swaps the sets so that *o is the smaller: intersection and isdisjoint
 * iterate *o and probe *s, O(min(len)) as in CPython. */
static void smaller_second(mpy_set **s, mpy_set **o)
{
    if ((*o)->used > (*s)->used) {
        mpy_set *t = *s;
        *s = *o;
        *o = t;
    }
}

static mpy_set *intersection(mpy_vm *vm, mpy_set *s, mpy_value other)
{
    mpy_set *r = mpy_set_new(vm, base_type(vm, s));
    if (!r) return NULL;
    if (mpy_is_anyset(vm, other)) {
        mpy_set *o = mpy_as_set(other);
        smaller_second(&s, &o);
        size_t pos = 0;
        mpy_value k;
        int64_t h;
        while (mpy_set_next(o, &pos, &k, &h)) {
            int c = contains_entry(vm, s, k, h);
            if (c < 0 || (c && !add_entry(vm, r, k, h))) return NULL;
        }
        return r;
    }
    mpy_value it = mpy_iter(vm, other);
    if (mpy_is_null(it)) return NULL;
    for (;;) {
        mpy_value k = mpy_next(vm, it);
        if (mpy_is_null(k)) return mpy_err_occurred(vm) ? NULL : r;
        int64_t h;
        if (!mpy_hash(vm, k, &h)) return NULL;
        int c = contains_entry(vm, s, k, h);
        if (c < 0 || (c && !add_entry(vm, r, k, h))) return NULL;
    }
}

static bool difference_update(mpy_vm *vm, mpy_set *s, mpy_value other)
{
    if (other.u.o == &s->hdr) {
        mpy_set_clear(vm, s);
        return true;
    }
    if (mpy_is_anyset(vm, other)) {
        mpy_set *o = mpy_as_set(other);
        size_t pos = 0;
        mpy_value k;
        int64_t h;
        while (mpy_set_next(o, &pos, &k, &h))
            if (discard_entry(vm, s, k, h) < 0) return false;
    } else {
        mpy_value it = mpy_iter(vm, other);
        if (mpy_is_null(it)) return false;
        for (;;) {
            mpy_value k = mpy_next(vm, it);
            if (mpy_is_null(k)) {
                if (mpy_err_occurred(vm)) return false;
                break;
            }
            if (mpy_set_discard(vm, s, k) < 0) return false;
        }
    }
    /* More than a quarter dummies: rebuild the table. */
    if (s->fill - s->used <= s->mask / 4) return true;
    return table_resize(vm, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

static mpy_set *difference(mpy_vm *vm, mpy_set *s, mpy_value other)
{
    size_t other_size;
    bool is_dict = mpy_is_type(vm, other, MPY_TYPE_DICT);
    if (mpy_is_anyset(vm, other)) other_size = mpy_as_set(other)->used;
    else if (is_dict) other_size = mpy_as_dict(other)->used;
    else other_size = SIZE_MAX;
    if (other_size == SIZE_MAX || (s->used >> 2) > other_size) {
        mpy_set *r = set_copy(vm, s);
        return r && difference_update(vm, r, other) ? r : NULL;
    }
    mpy_set *r = mpy_set_new(vm, base_type(vm, s));
    if (!r) return NULL;
    size_t pos = 0;
    mpy_value k;
    int64_t h;
    while (mpy_set_next(s, &pos, &k, &h)) {
        int c;
        if (is_dict) {
            bool err;
            mpy_value v = mpy_dict_get(vm, mpy_as_dict(other), k, &err);
            c = err ? -1 : !mpy_is_null(v);
        } else {
            c = contains_entry(vm, mpy_as_set(other), k, h);
        }
        if (c < 0 || (!c && !add_entry(vm, r, k, h))) return NULL;
    }
    return r;
}

static bool symmetric_difference_update(mpy_vm *vm, mpy_set *s, mpy_value other)
{
    if (other.u.o == &s->hdr) {
        mpy_set_clear(vm, s);
        return true;
    }
    mpy_set *o;
    if (mpy_is_anyset(vm, other)) o = mpy_as_set(other);
    else if (!(o = mpy_set_from_iter(vm, base_type(vm, s), other))) return false;
    size_t pos = 0;
    mpy_value k;
    int64_t h;
    while (mpy_set_next(o, &pos, &k, &h)) {
        int r = discard_entry(vm, s, k, h);
        if (r < 0 || (r == 0 && !add_entry(vm, s, k, h))) return false;
    }
    return true;
}

static mpy_set *symmetric_difference(mpy_vm *vm, mpy_set *s, mpy_value other)
{
    mpy_set *r = mpy_set_from_iter(vm, base_type(vm, s), other);
    return r && symmetric_difference_update(vm, r, mpy_from_obj(s)) ? r : NULL;
}

static bool intersection_update(mpy_vm *vm, mpy_set *s, mpy_value other)
{
    mpy_set *t = intersection(vm, s, other);
    if (!t) return false;
    swap_bodies(s, t);
    return true;
}

bool mpy_set_op_update(mpy_vm *vm, mpy_set *s, mpy_binop op, mpy_value iterable)
{
    switch ((int)op) {
    case MPY_BINOP_OR: return mpy_set_update(vm, s, iterable);
    case MPY_BINOP_AND: return intersection_update(vm, s, iterable);
    case MPY_BINOP_SUB: return difference_update(vm, s, iterable);
    case MPY_BINOP_XOR: return symmetric_difference_update(vm, s, iterable);
    default: return mpy_err_msg(vm, MPY_EXC_SystemError, "bad set operation");
    }
}

/* 1 / 0 / -1 */
static int issubset(mpy_vm *vm, mpy_set *s, mpy_set *o)
{
    if (s->used > o->used) return 0;
    size_t pos = 0;
    mpy_value k;
    int64_t h;
    while (mpy_set_next(s, &pos, &k, &h)) {
        int c = contains_entry(vm, o, k, h);
        if (c <= 0) return c;
    }
    return 1;
}

/* ------------------------------------------------------------------ slots */

static bool frozenset_hash(mpy_vm *vm, mpy_value self, int64_t *out)
{
    mpy_set *s = mpy_as_set(self);
    if (s->hash != -1) { *out = s->hash; return true; }
    /* CPython's frozenset_hash: xor of shuffled entry hashes, so that the
     * result does not depend on the table layout. */
    uint64_t h = 0;
    for (size_t i = 0; i <= s->mask; i++) {
        if (mpy_is_null(s->table[i].key)) continue;
        uint64_t e = (uint64_t)s->table[i].hash;
        h ^= ((e ^ 89869747ULL) ^ (e << 16)) * 3644798167ULL;
    }
    h ^= ((uint64_t)s->used + 1) * 1927868237ULL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923ULL;
    if (h == (uint64_t)-1) h = 590923713ULL;
    s->hash = (int64_t)h;
    *out = s->hash;
    return true;
}

static mpy_value set_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_set *s = mpy_set_new(vm, type);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static bool set_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (mpy_is_type(vm, self, MPY_TYPE_SET) && !mpy_no_kwargs(vm, "set", kw)) return false;
    if (argc > 2) return mpy_err_fmt(vm, MPY_EXC_TypeError, "set expected at most 1 argument, got %d", argc - 1);
    mpy_set *s = mpy_as_set(self);
    if (s->used) mpy_set_clear(vm, s);
    return argc < 2 || mpy_set_update(vm, s, args[1]);
}

static mpy_value frozenset_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    bool exact = type == vm->types[MPY_TYPE_FROZENSET];
    if (exact && !mpy_no_kwargs(vm, "frozenset", kw)) return MPY_NULL;
    if (argc > 1) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "frozenset expected at most 1 argument, got %d", argc);
    if (exact && argc == 1 && mpy_is_type(vm, args[0], MPY_TYPE_FROZENSET)) return args[0];
    mpy_set *s = mpy_set_from_iter(vm, type, argc ? args[0] : MPY_NULL);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static mpy_value set_repr(mpy_vm *vm, mpy_value self)
{
    mpy_set *s = mpy_as_set(self);
    mpy_type *t = mpy_typeof(vm, self);
    const char *name = mpy_type_name(t);
    bool plain = t == vm->types[MPY_TYPE_SET];
    if (s->used == 0) return mpy_from_obj(mpy_str_printf(vm, "%s()", name));
    if (mpy_repr_enter(vm, self)) return mpy_from_obj(mpy_str_printf(vm, "%s(...)", name));
    mpy_strbuf b = {0};
    bool ok = plain || (mpy_strbuf_add_cstr(vm, &b, name) && mpy_strbuf_add(vm, &b, "(", 1));
    ok = ok && mpy_strbuf_add(vm, &b, "{", 1);
    /* Snapshot the keys: an item's repr may mutate the set. */
    mpy_tuple *keys = ok ? mpy_tuple_new(vm, s->used) : NULL;
    size_t pos = 0, n = 0;
    mpy_value k;
    if (keys)
        while (n < keys->len && mpy_set_next(s, &pos, &k, NULL)) keys->items[n++] = k;
    ok = keys != NULL;
    for (size_t i = 0; ok && i < n; i++) ok = (i == 0 || mpy_strbuf_add(vm, &b, ", ", 2)) && mpy_strbuf_add_repr(vm, &b, keys->items[i]);
    ok = ok && mpy_strbuf_add(vm, &b, "}", 1) && (plain || mpy_strbuf_add(vm, &b, ")", 1));
    mpy_repr_leave(vm, self);
    if (!ok) {
        mpy_strbuf_free(vm, &b);
        return MPY_NULL;
    }
    return mpy_strbuf_finish(vm, &b);
}

static mpy_value set_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if (!mpy_is_anyset(vm, b)) return mpy_notimpl(vm);
    mpy_set *x = mpy_as_set(a), *y = mpy_as_set(b);
    int r;
    switch (op) {
    case MPY_CMP_EQ:
    case MPY_CMP_NE:
        if (x->used != y->used) r = 0;
        else if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) r = 0;
        else r = issubset(vm, x, y);
        if (r >= 0 && op == MPY_CMP_NE) r = !r;
        break;
    case MPY_CMP_LE: r = issubset(vm, x, y); break;
    case MPY_CMP_GE: r = issubset(vm, y, x); break;
    case MPY_CMP_LT: r = x->used < y->used ? issubset(vm, x, y) : 0; break;
    default: r = x->used > y->used ? issubset(vm, y, x) : 0; break;
    }
    return r < 0 ? MPY_NULL : mpy_from_bool(r);
}

static mpy_value set_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (!mpy_is_anyset(vm, a) || !mpy_is_anyset(vm, b)) return mpy_notimpl(vm);
    mpy_set *s = mpy_as_set(a), *r;
    if (op >= MPY_BINOP_INPLACE) {
        if (is_frozen(vm, s)) return mpy_notimpl(vm);
        mpy_binop plain = (mpy_binop)(op - MPY_BINOP_INPLACE);
        if (plain != MPY_BINOP_OR && plain != MPY_BINOP_AND && plain != MPY_BINOP_SUB && plain != MPY_BINOP_XOR)
            return mpy_notimpl(vm);
        return mpy_set_op_update(vm, s, plain, b) ? a : MPY_NULL;
    }
    switch ((int)op) {
    case MPY_BINOP_OR:
        r = set_copy(vm, s);
        if (r && a.u.o != b.u.o && !mpy_set_update(vm, r, b)) r = NULL;
        break;
    case MPY_BINOP_AND: r = intersection(vm, s, b); break;
    case MPY_BINOP_SUB: r = difference(vm, s, b); break;
    case MPY_BINOP_XOR: r = symmetric_difference(vm, s, b); break;
    default: return mpy_notimpl(vm);
    }
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static int64_t set_len(mpy_vm *vm, mpy_value self) { return (int64_t)mpy_as_set(self)->used; }

static int set_contains_slot(mpy_vm *vm, mpy_value self, mpy_value key) { return mpy_set_contains(vm, mpy_as_set(self), key); }

static void set_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_set *s = (mpy_set *)o;
    for (size_t i = 0; i <= s->mask; i++) mpy_gc_mark(vm, s->table[i].key);
    mpy_trace_instance_dict(vm, o);
}

static void set_finalize(mpy_vm *vm, mpy_obj *o) { mpy_set_clear(vm, (mpy_set *)o); }

/* -------------------------------------------------------------- iterator */

typedef struct set_iter {
    mpy_obj hdr;
    mpy_set *s;    /* NULL once exhausted */
    size_t pos;
    size_t used;   /* s->used when created; SIZE_MAX after a size error */
    size_t left;   /* items still to produce (__length_hint__) */
} set_iter;

static mpy_value set_iter_new(mpy_vm *vm, mpy_value self)
{
    set_iter *it = mpy_obj_alloc(vm, vm->types[MPY_TYPE_ITER_SET], sizeof(set_iter));
    if (!it) return MPY_NULL;
    it->s = mpy_as_set(self);
    it->used = it->left = it->s->used;
    return mpy_from_obj(it);
}

static mpy_value set_iter_next(mpy_vm *vm, mpy_value self)
{
    set_iter *it = (set_iter *)self.u.o;
    if (!it->s) return MPY_NULL;
    if (it->s->used != it->used) {
        it->used = SIZE_MAX;
        return mpy_err_fmt_v(vm, MPY_EXC_RuntimeError, "Set changed size during iteration");
    }
    mpy_value k;
    if (mpy_set_next(it->s, &it->pos, &k, NULL)) {
        it->left--;
        return k;
    }
    it->s = NULL;
    it->left = 0;
    return MPY_NULL;
}

static mpy_value iter_self(mpy_vm *vm, mpy_value self) { return self; }
static void set_iter_trace(mpy_vm *vm, mpy_obj *o) { mpy_gc_mark_obj(vm, (mpy_obj *)((set_iter *)o)->s); }

static mpy_value set_iter_m_length_hint(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    set_iter *it = (set_iter *)args[0].u.o;
    return mpy_from_int(it->s && it->s->used == it->used ? (int64_t)it->left : 0);
}

static mpy_value no_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "cannot create '%s' instances", mpy_type_name(type));
}

static const mpy_method_def set_iter_methods[] = {
    {"__length_hint__", set_iter_m_length_hint, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

const mpy_type_spec mpy_set_iterator_spec = {
    .name = "set_iterator",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(set_iter),
    .slots = {.iter = iter_self, .next = set_iter_next, .trace = set_iter_trace, .new_ = no_new},
    .methods = set_iter_methods,
};

/* --------------------------------------------------------------- methods */

#define SELF mpy_as_set(args[0])

/* "set.add() takes exactly one argument (0 given)" and friends. */
static bool one_arg(mpy_vm *vm, const char *name, int argc, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, name, kw)) return false;
    if (argc != 2) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes exactly one argument (%d given)", name, argc - 1);
    return true;
}

static bool no_arg(mpy_vm *vm, const char *name, int argc, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, name, kw)) return false;
    if (argc != 1) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no arguments (%d given)", name, argc - 1);
    return true;
}

static mpy_value set_m_add(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!one_arg(vm, "set.add", argc, kw)) return MPY_NULL;
    return mpy_set_add(vm, SELF, args[1]) ? MPY_NONE : MPY_NULL;
}

static mpy_value set_m_remove(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!one_arg(vm, "set.remove", argc, kw)) return MPY_NULL;
    int r = mpy_set_discard(vm, SELF, args[1]);
    if (r < 0) return MPY_NULL;
    if (r == 0) {
        mpy_err_type(vm, MPY_EXC_KeyError, args[1]);
        return MPY_NULL;
    }
    return MPY_NONE;
}

static mpy_value set_m_discard(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!one_arg(vm, "set.discard", argc, kw)) return MPY_NULL;
    return mpy_set_discard(vm, SELF, args[1]) < 0 ? MPY_NULL : MPY_NONE;
}

static mpy_value set_m_pop(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_arg(vm, "set.pop", argc, kw)) return MPY_NULL;
    mpy_set *s = SELF;
    if (s->used == 0) {
        mpy_str *msg = mpy_str_from_cstr(vm, "pop from an empty set");
        if (msg) mpy_err_type(vm, MPY_EXC_KeyError, mpy_from_obj(msg));
        return MPY_NULL;
    }
    size_t i = s->finger & s->mask;
    while (mpy_is_null(s->table[i].key)) i = (i + 1) & s->mask;
    mpy_value k = s->table[i].key;
    s->table[i].key = MPY_NULL;
    s->table[i].hash = -1;
    s->used--;
    s->finger = i + 1;
    return k;
}

static mpy_value set_m_clear(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_arg(vm, "set.clear", argc, kw)) return MPY_NULL;
    mpy_set_clear(vm, SELF);
    return MPY_NONE;
}

static mpy_value set_m_copy(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    const char *name = is_frozen(vm, SELF) ? "frozenset.copy" : "set.copy";
    if (!no_arg(vm, name, argc, kw)) return MPY_NULL;
    if (mpy_is_type(vm, args[0], MPY_TYPE_FROZENSET)) return args[0];
    mpy_set *r = set_copy(vm, SELF);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static mpy_value set_m_union(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "union", kw)) return MPY_NULL;
    mpy_set *r = set_copy(vm, SELF);
    for (int i = 1; r && i < argc; i++)
        if (args[i].u.o != args[0].u.o && !mpy_set_update(vm, r, args[i])) r = NULL;
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static mpy_value set_m_intersection(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "intersection", kw)) return MPY_NULL;
    mpy_set *r = argc == 1 ? set_copy(vm, SELF) : SELF;
    for (int i = 1; r && i < argc; i++) r = intersection(vm, r, args[i]);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static mpy_value set_m_difference(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "difference", kw)) return MPY_NULL;
    mpy_set *r = argc == 1 ? set_copy(vm, SELF) : difference(vm, SELF, args[1]);
    for (int i = 2; r && i < argc; i++)
        if (!difference_update(vm, r, args[i])) r = NULL;
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static mpy_value set_m_symmetric_difference(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    const char *name = is_frozen(vm, SELF) ? "frozenset.symmetric_difference" : "set.symmetric_difference";
    if (!one_arg(vm, name, argc, kw)) return MPY_NULL;
    mpy_set *r = symmetric_difference(vm, SELF, args[1]);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static mpy_value set_m_update(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "update", kw)) return MPY_NULL;
    for (int i = 1; i < argc; i++)
        if (!mpy_set_update(vm, SELF, args[i])) return MPY_NULL;
    return MPY_NONE;
}

static mpy_value set_m_intersection_update(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "intersection_update", kw)) return MPY_NULL;
    mpy_set *r = SELF;
    for (int i = 1; r && i < argc; i++) r = intersection(vm, r, args[i]);
    if (!r) return MPY_NULL;
    if (r != SELF) swap_bodies(SELF, r);
    return MPY_NONE;
}

static mpy_value set_m_difference_update(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "difference_update", kw)) return MPY_NULL;
    for (int i = 1; i < argc; i++)
        if (!difference_update(vm, SELF, args[i])) return MPY_NULL;
    return MPY_NONE;
}

static mpy_value set_m_symmetric_difference_update(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!one_arg(vm, "set.symmetric_difference_update", argc, kw)) return MPY_NULL;
    return symmetric_difference_update(vm, SELF, args[1]) ? MPY_NONE : MPY_NULL;
}

/* The argument of issubset/issuperset as a set (a temporary when it is
 * another iterable). */
static mpy_set *as_set_arg(mpy_vm *vm, mpy_value v)
{
    if (mpy_is_anyset(vm, v)) return mpy_as_set(v);
    return mpy_set_from_iter(vm, vm->types[MPY_TYPE_SET], v);
}

/* issubset and issuperset are one test with the operands swapped. */
static mpy_value subset_method(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, bool superset)
{
    const char *name = is_frozen(vm, SELF) ? (superset ? "frozenset.issuperset" : "frozenset.issubset")
                                           : (superset ? "set.issuperset" : "set.issubset");
    if (!one_arg(vm, name, argc, kw)) return MPY_NULL;
    mpy_set *o = as_set_arg(vm, args[1]);
    int r = !o ? -1 : superset ? issubset(vm, o, SELF) : issubset(vm, SELF, o);
    return r < 0 ? MPY_NULL : mpy_from_bool(r);
}

static mpy_value set_m_issubset(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return subset_method(vm, argc, args, kw, false);
}

static mpy_value set_m_issuperset(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return subset_method(vm, argc, args, kw, true);
}

static mpy_value set_m_isdisjoint(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    const char *name = is_frozen(vm, SELF) ? "frozenset.isdisjoint" : "set.isdisjoint";
    if (!one_arg(vm, name, argc, kw)) return MPY_NULL;
    mpy_set *s = SELF;
    if (mpy_is_anyset(vm, args[1])) {
        mpy_set *o = mpy_as_set(args[1]);
        smaller_second(&s, &o);
        size_t pos = 0;
        mpy_value k;
        int64_t h;
        while (mpy_set_next(o, &pos, &k, &h)) {
            int c = contains_entry(vm, s, k, h);
            if (c) return c < 0 ? MPY_NULL : MPY_FALSE;
        }
        return MPY_TRUE;
    }
    mpy_value it = mpy_iter(vm, args[1]);
    if (mpy_is_null(it)) return it;
    for (;;) {
        mpy_value k = mpy_next(vm, it);
        if (mpy_is_null(k)) return mpy_err_occurred(vm) ? MPY_NULL : MPY_TRUE;
        int c = mpy_set_contains(vm, s, k);
        if (c) return c < 0 ? MPY_NULL : MPY_FALSE;
    }
}

/* s |= t, s &= t, s -= t, s ^= t as methods (set.__ior__(s, t) ...): the
 * generic slot wrappers of runtime/class.c have no in-place forms.  They
 * update s and return it, or NotImplemented when t is not a set. */
static mpy_value set_inplace(mpy_vm *vm, const char *name, mpy_binop op, int argc, const mpy_value *args,
                             mpy_tuple *kw)
{
    if (!mpy_binary_dunder_args(vm, name, argc, kw)) return MPY_NULL;
    return set_binop(vm, (mpy_binop)(MPY_BINOP_INPLACE + op), args[0], args[1]);
}

static mpy_value set_m_ior(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return set_inplace(vm, "__ior__", MPY_BINOP_OR, argc, args, kw);
}
static mpy_value set_m_iand(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return set_inplace(vm, "__iand__", MPY_BINOP_AND, argc, args, kw);
}
static mpy_value set_m_isub(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return set_inplace(vm, "__isub__", MPY_BINOP_SUB, argc, args, kw);
}
static mpy_value set_m_ixor(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return set_inplace(vm, "__ixor__", MPY_BINOP_XOR, argc, args, kw);
}

static const mpy_method_def set_methods[] = {
    {"add", set_m_add, MPY_METH_DEFAULT},
    {"remove", set_m_remove, MPY_METH_DEFAULT},
    {"discard", set_m_discard, MPY_METH_DEFAULT},
    {"pop", set_m_pop, MPY_METH_DEFAULT},
    {"clear", set_m_clear, MPY_METH_DEFAULT},
    {"copy", set_m_copy, MPY_METH_DEFAULT},
    {"union", set_m_union, MPY_METH_DEFAULT},
    {"intersection", set_m_intersection, MPY_METH_DEFAULT},
    {"difference", set_m_difference, MPY_METH_DEFAULT},
    {"symmetric_difference", set_m_symmetric_difference, MPY_METH_DEFAULT},
    {"update", set_m_update, MPY_METH_DEFAULT},
    {"intersection_update", set_m_intersection_update, MPY_METH_DEFAULT},
    {"difference_update", set_m_difference_update, MPY_METH_DEFAULT},
    {"symmetric_difference_update", set_m_symmetric_difference_update, MPY_METH_DEFAULT},
    {"issubset", set_m_issubset, MPY_METH_DEFAULT},
    {"issuperset", set_m_issuperset, MPY_METH_DEFAULT},
    {"isdisjoint", set_m_isdisjoint, MPY_METH_DEFAULT},
    {"__ior__", set_m_ior, MPY_METH_DEFAULT},
    {"__iand__", set_m_iand, MPY_METH_DEFAULT},
    {"__isub__", set_m_isub, MPY_METH_DEFAULT},
    {"__ixor__", set_m_ixor, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

static const mpy_method_def frozenset_methods[] = {
    {"copy", set_m_copy, MPY_METH_DEFAULT},
    {"union", set_m_union, MPY_METH_DEFAULT},
    {"intersection", set_m_intersection, MPY_METH_DEFAULT},
    {"difference", set_m_difference, MPY_METH_DEFAULT},
    {"symmetric_difference", set_m_symmetric_difference, MPY_METH_DEFAULT},
    {"issubset", set_m_issubset, MPY_METH_DEFAULT},
    {"issuperset", set_m_issuperset, MPY_METH_DEFAULT},
    {"isdisjoint", set_m_isdisjoint, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

/* The operators CPython's set and frozenset have dunders for. */
#define SET_OPS (MPY_OPS(SUB) | MPY_OPS(OR) | MPY_OPS(XOR) | MPY_OPS(AND))

const mpy_type_spec mpy_set_spec = {
    .name = "set",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(mpy_set),
    .dict_offset = offsetof(mpy_set, dict),
    .slots = {.repr = set_repr, .richcmp = set_richcmp, .binop = set_binop, .binops = SET_OPS, .rbinops = SET_OPS, .len = set_len,
              .contains = set_contains_slot, .iter = set_iter_new, .new_ = set_new_, .init = set_init,
              .trace = set_trace, .finalize = set_finalize, .getattr = mpy_container_getattr,
              .setattr = mpy_container_setattr},
    .methods = set_methods,
};

const mpy_type_spec mpy_frozenset_spec = {
    .name = "frozenset",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(mpy_set),
    .dict_offset = offsetof(mpy_set, dict),
    .slots = {.repr = set_repr, .hash = frozenset_hash, .richcmp = set_richcmp, .binop = set_binop, .binops = SET_OPS, .rbinops = SET_OPS,
              .len = set_len, .contains = set_contains_slot, .iter = set_iter_new, .new_ = frozenset_new_, .init = mpy_init_noop,
              .trace = set_trace, .finalize = set_finalize, .getattr = mpy_container_getattr,
              .setattr = mpy_container_setattr},
    .methods = frozenset_methods,
};
