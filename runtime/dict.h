/* dict: insertion-ordered hash table (compact layout: an index table of
 * slots pointing into a dense entry array), CPython's semantics for hash
 * and equality.  Also the representation of every namespace: module
 * globals, class bodies, instance __dict__, the console namespace.
 *
 * Keys are compared first by identity (fast path for interned names),
 * then by hash and mpy_eq, which may run Python code: lookup can fail.
 */
#ifndef MPY_DICT_H
#define MPY_DICT_H

#include "object.h"

typedef struct mpy_dict_entry {
    int64_t hash;
    mpy_value key;   /* MPY_NULL: deleted entry */
    mpy_value value;
} mpy_dict_entry;

struct mpy_dict {
    mpy_obj hdr;
    mpy_dict *dict;         /* __dict__ of a dict subclass instance */
    size_t used;            /* live entries */
    size_t nentries;        /* entries used in `entries`, live or deleted */
    size_t fill;            /* index slots not EMPTY (live + DELETED): lookups
                               need an EMPTY slot to stop, so this stays < cap */
    size_t cap;             /* capacity of `entries` */
    size_t mask;            /* index table size - 1 (power of two) */
    int32_t *index;         /* -1 empty, -2 deleted, else entry number */
    mpy_dict_entry *entries;
    uint64_t version;       /* bumped on every change, for iteration checks */
};

static inline mpy_dict *mpy_as_dict(mpy_value v) { return (mpy_dict *)v.u.o; }

/* mpy_obj.flags bit of a dict that is (or was) some type's __dict__, seen
 * by the type attribute cache (runtime/type.c): inserting into, deleting
 * from or resizing such a dict invalidates every cached lookup. */
#define MPY_DICT_OF_TYPE 0x40
void mpy_type_cache_invalidate(mpy_vm *vm);
static inline void mpy_dict_changed(mpy_vm *vm, mpy_dict *d)
{
    if (d->hdr.flags & MPY_DICT_OF_TYPE) mpy_type_cache_invalidate(vm);
}

mpy_dict *mpy_dict_new(mpy_vm *vm);
/* Lookup: returns the value, or MPY_NULL.  When MPY_NULL is returned,
 * *found tells apart "absent" (false, no exception) from an error. */
mpy_value mpy_dict_get(mpy_vm *vm, mpy_dict *d, mpy_value key, bool *err);
MPY_MUST_CHECK bool mpy_dict_set(mpy_vm *vm, mpy_dict *d, mpy_value key, mpy_value value);
/* Deletes key; returns 1 deleted, 0 absent (no exception), -1 error. */
int mpy_dict_del(mpy_vm *vm, mpy_dict *d, mpy_value key);
/* Fast paths for interned-string keys (namespaces): never run Python
 * code, so they cannot fail except set on MemoryError. */
mpy_value mpy_dict_get_str(mpy_vm *vm, mpy_dict *d, mpy_str *key);
MPY_MUST_CHECK bool mpy_dict_set_str(mpy_vm *vm, mpy_dict *d, mpy_str *key, mpy_value value);
mpy_value mpy_dict_get_cstr(mpy_vm *vm, mpy_dict *d, const char *key);
MPY_MUST_CHECK bool mpy_dict_set_cstr(mpy_vm *vm, mpy_dict *d, const char *key, mpy_value value);
/* The position of key in d->entries, or -1 (interned-string keys only). */
int64_t mpy_dict_entry_index_str(mpy_vm *vm, mpy_dict *d, mpy_str *key);
/* Iteration by position: *pos starts at 0; returns false at the end. */
bool mpy_dict_next(mpy_dict *d, size_t *pos, mpy_value *key, mpy_value *value);
void mpy_dict_clear(mpy_vm *vm, mpy_dict *d);
mpy_dict *mpy_dict_copy(mpy_vm *vm, mpy_dict *d);
/* d.update(other) for a dict or mapping or iterable of pairs. */
MPY_MUST_CHECK bool mpy_dict_update(mpy_vm *vm, mpy_dict *d, mpy_value other);
/* Removes and returns the value of key, MPY_NULL when absent (*err false)
 * or on error (*err true). */
mpy_value mpy_dict_pop(mpy_vm *vm, mpy_dict *d, mpy_value key, bool *err);

/* Views and iterators (runtime/dictview.c). */
typedef enum { MPY_DICT_KEYS, MPY_DICT_VALUES, MPY_DICT_ITEMS } mpy_dict_part;
mpy_value mpy_dict_view_new(mpy_vm *vm, mpy_dict *d, mpy_dict_part part);
mpy_value mpy_dict_iter_new(mpy_vm *vm, mpy_dict *d, mpy_dict_part part, bool reversed);
/* A read-only proxy of a mapping (type.__dict__). */
mpy_value mpy_mappingproxy_new(mpy_vm *vm, mpy_dict *d);

#endif
