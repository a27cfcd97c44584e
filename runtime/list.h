/* list: growable array of values. */
#ifndef MPY_LIST_H
#define MPY_LIST_H

#include "object.h"

struct mpy_list {
    mpy_obj hdr;
    mpy_dict *dict; /* __dict__ of a list subclass instance, else NULL */
    size_t len, cap;
    mpy_value *items;
};

static inline mpy_list *mpy_as_list(mpy_value v) { return (mpy_list *)v.u.o; }

/* An empty list with room for `cap` items.  NULL with MemoryError pending. */
mpy_list *mpy_list_new(mpy_vm *vm, size_t cap);
mpy_list *mpy_list_from(mpy_vm *vm, size_t n, const mpy_value *items);
MPY_MUST_CHECK bool mpy_list_append(mpy_vm *vm, mpy_list *l, mpy_value v);
/* Appends every item of an iterable. */
MPY_MUST_CHECK bool mpy_list_extend(mpy_vm *vm, mpy_list *l, mpy_value iterable);
/* list(iterable) */
mpy_list *mpy_list_from_iter(mpy_vm *vm, mpy_value iterable);
/* Sorts in place with optional key (MPY_NULL: none) and reverse, stable. */
MPY_MUST_CHECK bool mpy_list_sort(mpy_vm *vm, mpy_list *l, mpy_value key, bool reverse);
/* The same for list.sort and sorted() as the interpreter calls them (its
 * frame saved): collection may run between comparisons. */
MPY_MUST_CHECK bool mpy_list_sort_collecting(mpy_vm *vm, mpy_list *l, mpy_value key, bool reverse);
/* Reverses the items in place (list.reverse; also str.rsplit, which
 * collects its parts back to front). */
void mpy_list_reverse(mpy_list *l);

#endif
