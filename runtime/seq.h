/* Helpers shared by the sequence types (tuple, list, str, range): index
 * normalisation, slices, and repr/compare of value arrays. */
#ifndef MPY_SEQ_H
#define MPY_SEQ_H

#include "object.h"

/* Normalises a possibly negative index against len; false with
 * IndexError "<what> index out of range" when outside. */
bool mpy_seq_index(mpy_vm *vm, mpy_value key, size_t len, const char *what, size_t *out);
/* A slice object's (start, stop, step) clipped to len, CPython's
 * PySlice_AdjustIndices; returns the number of items selected. */
typedef struct mpy_slice_ix { int64_t start, stop, step, count; } mpy_slice_ix;
bool mpy_slice_indices(mpy_vm *vm, mpy_value slice, size_t len, mpy_slice_ix *out);
/* Is v a slice object. */
bool mpy_is_slice(mpy_vm *vm, mpy_value v);
/* "[a, b]" / "(a, b)" style repr of n values between open and close, with
 * recursion guarded ("[...]" for a list that contains itself). */
mpy_value mpy_seq_repr(mpy_vm *vm, const mpy_value *items, size_t n, const char *open, const char *close);
/* Lexicographic comparison of two value arrays, CPython's rules. */
mpy_value mpy_seq_compare(mpy_vm *vm, const mpy_value *a, size_t na, const mpy_value *b, size_t nb, mpy_cmpop op);

#endif
