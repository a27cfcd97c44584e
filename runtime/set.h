/* set and frozenset: CPython's open-addressing hash table (linear probes
 * then perturbed jumps), with the same table sizes and resize rules, so
 * that sets of ints and strs iterate in CPython's order. */
#ifndef MPY_SET_H
#define MPY_SET_H

#include "object.h"

#define MPY_SET_MINSIZE 8

/* An entry is live when key is not MPY_NULL; a free slot has key MPY_NULL
 * and hash 0, a deleted one ("dummy") key MPY_NULL and hash -1. */
typedef struct mpy_set_entry {
    int64_t hash;
    mpy_value key;
} mpy_set_entry;

typedef struct mpy_set {
    mpy_obj hdr;
    mpy_dict *dict;          /* __dict__ of a subclass instance, else NULL */
    size_t fill;             /* live + dummy entries */
    size_t used;             /* live entries */
    size_t mask;             /* table size - 1 */
    mpy_set_entry *table;    /* smalltable or an owned buffer */
    int64_t hash;            /* frozenset hash cache, -1: not computed */
    size_t finger;           /* where pop() looks first */
    mpy_set_entry smalltable[MPY_SET_MINSIZE];
} mpy_set;

static inline mpy_set *mpy_as_set(mpy_value v) { return (mpy_set *)v.u.o; }
/* Is v a set or frozenset (or a subclass instance). */
bool mpy_is_anyset(mpy_vm *vm, mpy_value v);

/* An empty set of the given type (set, frozenset or a subclass). */
mpy_set *mpy_set_new(mpy_vm *vm, mpy_type *type);
/* A new set / frozenset holding the items of iterable (MPY_NULL: none). */
mpy_set *mpy_set_from_iter(mpy_vm *vm, mpy_type *type, mpy_value iterable);
MPY_MUST_CHECK bool mpy_set_add(mpy_vm *vm, mpy_set *s, mpy_value key);
/* 1 present, 0 absent, -1 error (unhashable...). */
int mpy_set_contains(mpy_vm *vm, mpy_set *s, mpy_value key);
/* 1 removed, 0 absent, -1 error. */
int mpy_set_discard(mpy_vm *vm, mpy_set *s, mpy_value key);
/* s |= items of iterable */
MPY_MUST_CHECK bool mpy_set_update(mpy_vm *vm, mpy_set *s, mpy_value iterable);
/* In-place set algebra with any iterable: op is MPY_BINOP_OR, AND, SUB
 * or XOR (update, intersection_update, difference_update,
 * symmetric_difference_update). */
MPY_MUST_CHECK bool mpy_set_op_update(mpy_vm *vm, mpy_set *s, mpy_binop op, mpy_value iterable);
void mpy_set_clear(mpy_vm *vm, mpy_set *s);
/* Iteration over live entries in table order; *pos starts at 0. */
bool mpy_set_next(mpy_set *s, size_t *pos, mpy_value *key, int64_t *hash);

#endif
