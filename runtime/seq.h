/* Helpers shared by the sequence types (tuple, list, str, range): index
 * normalisation, slices, repr recursion guards, and repr/compare of value
 * arrays.  Also the slice object itself (runtime/slice.c). */
#ifndef MPY_SEQ_H
#define MPY_SEQ_H

#include "object.h"

/* slice(start, stop, step): any values (None when omitted). */
typedef struct mpy_slice {
    mpy_obj hdr;
    mpy_value start, stop, step;
} mpy_slice;

mpy_value mpy_slice_new(mpy_vm *vm, mpy_value start, mpy_value stop, mpy_value step);

/* Normalises a possibly negative index against len; false with
 * IndexError "<what> index out of range" when outside. */
bool mpy_seq_index(mpy_vm *vm, mpy_value key, size_t len, const char *what, size_t *out);
/* A slice object's (start, stop, step) clipped to len, CPython's
 * PySlice_AdjustIndices; returns the number of items selected. */
typedef struct mpy_slice_ix { int64_t start, stop, step, count; } mpy_slice_ix;
bool mpy_slice_indices(mpy_vm *vm, mpy_value slice, size_t len, mpy_slice_ix *out);
/* PySlice_Unpack: start/stop/step as int64 (None -> defaults, big ints
 * clamped); ValueError "slice step cannot be zero". */
bool mpy_slice_unpack(mpy_vm *vm, mpy_value slice, int64_t *start, int64_t *stop, int64_t *step);
/* PySlice_AdjustIndices on unpacked values; returns the item count. */
int64_t mpy_slice_adjust(int64_t len, int64_t *start, int64_t *stop, int64_t step);
/* One start/end argument of find()/count()/startswith() style methods,
 * CPython's _PyEval_SliceIndex: NULL or None keeps *out, an int beyond 64
 * bits clamps to the int64 range, anything else needs __index__
 * (TypeError "slice indices must be integers or None or have an __index__
 * method"). */
bool mpy_slice_arg(mpy_vm *vm, mpy_value v, int64_t *out);
/* The optional start/stop arguments of index() methods (args[0..argc)),
 * clamped to [0, len] like slice bounds. */
bool mpy_seq_bounds(mpy_vm *vm, int argc, const mpy_value *args, size_t len, size_t *lo, size_t *hi);
/* Is v a slice object. */
bool mpy_is_slice(mpy_vm *vm, mpy_value v);

/* Recursion guard for the repr of containers (CPython's Py_ReprEnter):
 * returns true when obj's repr is already in progress further up (the
 * caller then prints "[...]" / "{...}"); otherwise marks obj busy and
 * returns false, and the caller must call mpy_repr_leave.  The mark is a
 * bit in the object header (MPY_OBJ_REPR_BUSY), so it costs nothing. */
#define MPY_OBJ_REPR_BUSY 0x80
bool mpy_repr_enter(mpy_vm *vm, mpy_value obj);
void mpy_repr_leave(mpy_vm *vm, mpy_value obj);

/* "[a, b]" / "(a, b)" style repr of n values between open and close.
 * items must not change while the item reprs run (tuples, snapshots);
 * the caller guards recursion with mpy_repr_enter on its container. */
mpy_value mpy_seq_repr(mpy_vm *vm, const mpy_value *items, size_t n, const char *open, const char *close);
/* Lexicographic comparison of two value arrays, CPython's rules. */
mpy_value mpy_seq_compare(mpy_vm *vm, const mpy_value *a, size_t na, const mpy_value *b, size_t nb, mpy_cmpop op);

/* A growable UTF-8 buffer for building reprs (runtime/seq.c). */
typedef struct mpy_strbuf {
    char *data;
    size_t len, cap;
} mpy_strbuf;
MPY_MUST_CHECK bool mpy_strbuf_add(mpy_vm *vm, mpy_strbuf *b, const char *s, size_t n);
MPY_MUST_CHECK bool mpy_strbuf_add_cstr(mpy_vm *vm, mpy_strbuf *b, const char *s);
/* Appends repr(v). */
MPY_MUST_CHECK bool mpy_strbuf_add_repr(mpy_vm *vm, mpy_strbuf *b, mpy_value v);
/* Turns the buffer into a str value (and frees it); MPY_NULL on error. */
mpy_value mpy_strbuf_finish(mpy_vm *vm, mpy_strbuf *b);
void mpy_strbuf_free(mpy_vm *vm, mpy_strbuf *b);

/* getattr/setattr slots for the built-in containers whose layout has a
 * __dict__ pointer for subclass instances (list, tuple, dict, set): plain
 * instances behave as if they had no __dict__, as in CPython. */
mpy_value mpy_container_getattr(mpy_vm *vm, mpy_value self, mpy_str *name);
bool mpy_container_setattr(mpy_vm *vm, mpy_value self, mpy_str *name, mpy_value value);
/* Trace helper: marks the __dict__ of a subclass instance, wherever the
 * type keeps it (dict_offset). */
void mpy_trace_instance_dict(mpy_vm *vm, mpy_obj *o);
/* Raises TypeError "X() takes no keyword arguments" when kw is non-empty;
 * returns false then. */
bool mpy_no_kwargs(mpy_vm *vm, const char *fname, mpy_tuple *kw);
/* The init slot of types whose new_ consumes the arguments (tuple, range,
 * frozenset, zip ...): CPython's object.__init__ accepts them then. */
bool mpy_init_noop(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw);
/* The argument check of CPython's binary slot wrappers (wrap_binaryfunc),
 * for the in-place dunders (__iadd__, __ior__ ...) that a built-in type
 * defines as methods: no keywords and exactly one argument after self
 * (argc counts self).  False with TypeError set. */
bool mpy_binary_dunder_args(mpy_vm *vm, const char *name, int argc, mpy_tuple *kw);
/* The count operand n of `seq * n` (str, bytes, list, tuple): false with the error
 * set, or with *notimpl set when the operation should be NotImplemented. */
bool mpy_seq_repeat_count(mpy_vm *vm, mpy_value n, int64_t *out, bool *notimpl);
#endif
