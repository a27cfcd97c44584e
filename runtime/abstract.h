/* The object protocols: what the interpreter and every runtime file call
 * to operate on values of any type.  Each function dispatches through the
 * type's slots, with fast paths for the unboxed kinds, and raises CPython
 * 3.11's TypeError messages when a slot is missing.
 */
#ifndef MPY_ABSTRACT_H
#define MPY_ABSTRACT_H

#include "object.h"

/* repr(v), str(v): str values, MPY_NULL on error. */
mpy_value mpy_repr(mpy_vm *vm, mpy_value v);
mpy_value mpy_to_str(mpy_vm *vm, mpy_value v);
/* hash(v) */
bool mpy_hash(mpy_vm *vm, mpy_value v, int64_t *out);
/* a == b as a C truth value: 1, 0, -1 on error (identity implies equal, as
 * CPython's containers assume). */
int mpy_eq(mpy_vm *vm, mpy_value a, mpy_value b);
/* a OP b with CPython's reflected-operand rules; MPY_NULL on error,
 * including "'<' not supported between instances of 'int' and 'str'". */
mpy_value mpy_compare(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op);
/* Same, reduced to a truth value: 1, 0, -1 on error. */
int mpy_compare_bool(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op);
/* Whether `x OP y` holds, given c = the sign of x <=> y (<0, 0, >0): the
 * one switch behind every ordering that reduces to a three-way result
 * (ints, floats against ints, str, bytes, sequence lengths). */
static inline bool mpy_cmp_holds(int c, mpy_cmpop op)
{
    switch (op) {
    case MPY_CMP_LT: return c < 0;
    case MPY_CMP_LE: return c <= 0;
    case MPY_CMP_EQ: return c == 0;
    case MPY_CMP_NE: return c != 0;
    case MPY_CMP_GT: return c > 0;
    default: return c >= 0;
    }
}
/* a OP b for every binary operator, in-place ones included (op >=
 * MPY_BINOP_INPLACE tries __iop__ then falls back to the plain op). */
mpy_value mpy_binary_op(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b);
mpy_value mpy_unary(mpy_vm *vm, mpy_unaryop op, mpy_value v);
/* bool(v): 1, 0, -1 on error. */
int mpy_truth(mpy_vm *vm, mpy_value v);
/* not v */
/* Attributes; name must be interned. */
mpy_value mpy_getattr(mpy_vm *vm, mpy_value obj, mpy_str *name);
mpy_value mpy_getattr_cstr(mpy_vm *vm, mpy_value obj, const char *name);
bool mpy_setattr(mpy_vm *vm, mpy_value obj, mpy_str *name, mpy_value value);
bool mpy_delattr(mpy_vm *vm, mpy_value obj, mpy_str *name);
/* getattr that returns MPY_NULL with no exception when the attribute is
 * missing (AttributeError swallowed), for hasattr() and optional hooks. */
mpy_value mpy_getattr_opt(mpy_vm *vm, mpy_value obj, mpy_str *name);
/* The default attribute machinery (object.__getattribute__ /
 * object.__setattr__): data descriptors on the type, then the instance
 * dict, then other descriptors and class attributes. */
mpy_value mpy_generic_getattr(mpy_vm *vm, mpy_value obj, mpy_str *name);
bool mpy_generic_setattr(mpy_vm *vm, mpy_value obj, mpy_str *name, mpy_value value);
/* The instance __dict__ of obj, or NULL if it has none. */
mpy_dict *mpy_instance_dict(mpy_vm *vm, mpy_value obj, bool create);
/* Method lookup for obj.name(...) without making a bound method: when the
 * attribute is a plain function found on the type, *self_out is set to obj
 * and the function returned (call it with obj prepended); otherwise
 * *self_out is MPY_NULL and the attribute value is returned. */
mpy_value mpy_getmethod(mpy_vm *vm, mpy_value obj, mpy_str *name, mpy_value *self_out);

/* Items. */
mpy_value mpy_getitem(mpy_vm *vm, mpy_value obj, mpy_value key);
bool mpy_setitem(mpy_vm *vm, mpy_value obj, mpy_value key, mpy_value value);
bool mpy_delitem(mpy_vm *vm, mpy_value obj, mpy_value key);
/* `item in obj`: 1, 0, -1 */
int mpy_contains(mpy_vm *vm, mpy_value obj, mpy_value item);
/* `item in obj` by iterating obj and comparing each item (the fallback
 * when there is no __contains__): 1, 0, -1 on error. */
int mpy_contains_by_iter(mpy_vm *vm, mpy_value obj, mpy_value item);
/* len(obj): -1 on error */
int64_t mpy_len(mpy_vm *vm, mpy_value obj);

/* Iteration. */
mpy_value mpy_iter(mpy_vm *vm, mpy_value obj);
/* Next item; MPY_NULL with no exception at the end, with one on error. */
mpy_value mpy_next(mpy_vm *vm, mpy_value iter);

/* Calls.  args: argc positional values then one per kwnames entry.
 * mpy_call blocks garbage collection while the callee runs (see
 * object.h); mpy_call_rooted does not, and requires the caller to have
 * rooted every object it still needs afterwards. */
mpy_value mpy_call(mpy_vm *vm, mpy_value f, int argc, const mpy_value *args, mpy_tuple *kwnames);
mpy_value mpy_call_rooted(mpy_vm *vm, mpy_value f, int argc, const mpy_value *args, mpy_tuple *kwnames);
mpy_value mpy_call0(mpy_vm *vm, mpy_value f);
mpy_value mpy_call1(mpy_vm *vm, mpy_value f, mpy_value a);
mpy_value mpy_call2(mpy_vm *vm, mpy_value f, mpy_value a, mpy_value b);
/* obj.name(args...) */
mpy_value mpy_call_method(mpy_vm *vm, mpy_value obj, const char *name, int argc, const mpy_value *args);
/* callable(v) */
bool mpy_is_callable(mpy_vm *vm, mpy_value v);

/* Argument parsing for native functions.  `spec` names the parameters,
 * e.g. "sep,end,file,flush" ; see runtime/args.c for the format.  */

/* Numbers. */
/* An index (__index__): small ints and bools directly. */
bool mpy_index(mpy_vm *vm, mpy_value v, int64_t *out);
/* What an index beyond 64 bits raises: CPython's Py_ssize_t conversions
 * differ by caller. */
typedef enum {
    MPY_INDEX_BIG_INDEXERROR, /* subscripts (PyNumber_AsSsize_t(v, IndexError)):
                                 IndexError "cannot fit 'T' into an index-sized integer" */
    MPY_INDEX_BIG_OVERFLOW,   /* PyNumber_AsSsize_t(v, OverflowError): the same words as OverflowError */
    MPY_INDEX_BIG_SSIZE,      /* Argument Clinic's Py_ssize_t converter: OverflowError
                                 "Python int too large to convert to C ssize_t" */
} mpy_index_big_err;
/* mpy_index with the chosen error for ints beyond 64 bits. */
bool mpy_index_big(mpy_vm *vm, mpy_value v, mpy_index_big_err how, int64_t *out);
/* v as a C double for float(), math functions: int, bool, float, big int,
 * __float__; TypeError "must be real number, not str" otherwise. */
bool mpy_to_double(mpy_vm *vm, mpy_value v, double *out);

/* Singletons. */
mpy_value mpy_notimpl(mpy_vm *vm);
bool mpy_is_notimpl(mpy_vm *vm, mpy_value v);
mpy_value mpy_ellipsis(mpy_vm *vm);

#endif
