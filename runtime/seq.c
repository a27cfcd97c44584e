/* Sequence helpers (seq.h): index and slice normalisation as CPython's
 * PySlice_Unpack / PySlice_AdjustIndices, the repr recursion guard, the
 * repr builder, and lexicographic comparison of value arrays.  Shared by
 * tuple, list, range, str and bytes so that every sequence reports the
 * same messages. */
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/seq.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

bool mpy_is_slice(mpy_vm *vm, mpy_value v) { return mpy_is_type(vm, v, MPY_TYPE_SLICE); }

bool mpy_seq_index(mpy_vm *vm, mpy_value key, size_t len, const char *what, size_t *out)
{
    int64_t i;
    if (!mpy_index(vm, key, &i)) return false;
    if (i < 0) i += (int64_t)len;
    if (i < 0 || i >= (int64_t)len) return mpy_err_fmt(vm, MPY_EXC_IndexError, "%s index out of range", what);
    *out = (size_t)i;
    return true;
}

/* One slice field as an int64: None keeps *out, ints outside int64 clamp
 * (CPython clamps to Py_ssize_t the same way). */
/* An int-like v (bool, big int, int subclass instance) as a slice bound:
 * its value, or clamped to the int64 range when beyond 64 bits (CPython
 * clamps to ssize_t).  The canonical form matters: an int subclass
 * instance holding 2 is a heap object but must give 2. */
static bool clamp_intlike(mpy_vm *vm, mpy_value v, int64_t *out)
{
    mpy_value c = mpy_int_canonical(vm, v);
    if (mpy_is_null(c)) return false;
    if (mpy_is_smallint(c)) { *out = c.u.i; return true; }
    int neg = mpy_compare_bool(vm, c, mpy_from_int(0), MPY_CMP_LT);
    if (neg < 0) return false;
    *out = neg ? INT64_MIN + 1 : INT64_MAX;
    return true;
}

static bool slice_field(mpy_vm *vm, mpy_value v, int64_t *out)
{
    if (mpy_is_none(v)) return true;
    if (mpy_is_smallint(v)) { *out = v.u.i; return true; }
    if (mpy_is_intlike(vm, v)) return clamp_intlike(vm, v, out);
    mpy_type *t = mpy_typeof(vm, v);
    if (mpy_is_null(mpy_type_lookup(vm, t, vm->names.__index__)))
        return mpy_err_msg(vm, MPY_EXC_TypeError, "slice indices must be integers or None or have an __index__ method");
    return mpy_index(vm, v, out);
}

bool mpy_slice_unpack(mpy_vm *vm, mpy_value slice, int64_t *start, int64_t *stop, int64_t *step)
{
    mpy_slice *s = (mpy_slice *)slice.u.o;
    *step = 1;
    if (!slice_field(vm, s->step, step)) return false;
    if (*step == 0) return mpy_err_msg(vm, MPY_EXC_ValueError, "slice step cannot be zero");
    if (*step < -INT64_MAX) *step = -INT64_MAX;
    *start = *step < 0 ? INT64_MAX : 0;
    *stop = *step < 0 ? INT64_MIN + 1 : INT64_MAX;
    return slice_field(vm, s->start, start) && slice_field(vm, s->stop, stop);
}

int64_t mpy_slice_adjust(int64_t len, int64_t *start, int64_t *stop, int64_t step)
{
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = step < 0 ? -1 : 0;
    } else if (*start >= len) {
        *start = step < 0 ? len - 1 : len;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0) *stop = step < 0 ? -1 : 0;
    } else if (*stop >= len) {
        *stop = step < 0 ? len - 1 : len;
    }
    if (step < 0) {
        if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

bool mpy_slice_indices(mpy_vm *vm, mpy_value slice, size_t len, mpy_slice_ix *out)
{
    if (!mpy_slice_unpack(vm, slice, &out->start, &out->stop, &out->step)) return false;
    out->count = mpy_slice_adjust((int64_t)len, &out->start, &out->stop, out->step);
    return true;
}

/* ------------------------------------------------------------ repr guard */

bool mpy_repr_enter(mpy_vm *vm, mpy_value obj)
{
    if (!mpy_is_obj(obj)) return false;
    if (obj.u.o->flags & MPY_OBJ_REPR_BUSY) return true;
    obj.u.o->flags |= MPY_OBJ_REPR_BUSY;
    return false;
}

void mpy_repr_leave(mpy_vm *vm, mpy_value obj)
{
    if (mpy_is_obj(obj)) obj.u.o->flags &= (uint8_t)~MPY_OBJ_REPR_BUSY;
}

/* --------------------------------------------------------- repr builder */

bool mpy_strbuf_add(mpy_vm *vm, mpy_strbuf *b, const char *s, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n) cap *= 2;
        char *d = mpy_mem_realloc(vm, b->data, b->cap, cap);
        if (!d) return false;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return true;
}

bool mpy_strbuf_add_cstr(mpy_vm *vm, mpy_strbuf *b, const char *s) { return mpy_strbuf_add(vm, b, s, strlen(s)); }

bool mpy_strbuf_add_repr(mpy_vm *vm, mpy_strbuf *b, mpy_value v)
{
    mpy_value r = mpy_repr(vm, v);
    if (mpy_is_null(r)) return false;
    mpy_str *s = mpy_as_str(r);
    return mpy_strbuf_add(vm, b, s->data, s->len);
}

void mpy_strbuf_free(mpy_vm *vm, mpy_strbuf *b)
{
    mpy_mem_free(vm, b->data, b->cap);
    b->data = NULL;
    b->len = b->cap = 0;
}

mpy_value mpy_strbuf_finish(mpy_vm *vm, mpy_strbuf *b)
{
    mpy_str *s = mpy_str_new(vm, b->data ? b->data : "", b->len);
    mpy_strbuf_free(vm, b);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

mpy_value mpy_seq_repr(mpy_vm *vm, const mpy_value *items, size_t n, const char *open, const char *close)
{
    mpy_strbuf b = {0};
    if (!mpy_strbuf_add_cstr(vm, &b, open)) goto fail;
    for (size_t i = 0; i < n; i++) {
        if (i && !mpy_strbuf_add(vm, &b, ", ", 2)) goto fail;
        if (!mpy_strbuf_add_repr(vm, &b, items[i])) goto fail;
    }
    if (!mpy_strbuf_add_cstr(vm, &b, close)) goto fail;
    return mpy_strbuf_finish(vm, &b);
fail:
    mpy_strbuf_free(vm, &b);
    return MPY_NULL;
}

/* ------------------------------------------------------------ comparison */

mpy_value mpy_seq_compare(mpy_vm *vm, const mpy_value *a, size_t na, const mpy_value *b, size_t nb, mpy_cmpop op)
{
    size_t i = 0;
    for (; i < na && i < nb; i++) {
        int eq = mpy_eq(vm, a[i], b[i]);
        if (eq < 0) return MPY_NULL;
        if (!eq) break;
    }
    if (i >= na || i >= nb) return mpy_from_bool(mpy_cmp_holds(na < nb ? -1 : na > nb, op));
    if (op == MPY_CMP_EQ) return MPY_FALSE;
    if (op == MPY_CMP_NE) return MPY_TRUE;
    return mpy_compare(vm, a[i], b[i], op);
}

/* ------------------------------------------------- container attributes */

mpy_value mpy_container_getattr(mpy_vm *vm, mpy_value self, mpy_str *name)
{
    mpy_type *t = mpy_typeof(vm, self);
    if (name == vm->names.__dict__ && !(t->flags & MPY_TF_HEAP))
        return mpy_err_fmt_v(vm, MPY_EXC_AttributeError, "'%s' object has no attribute '__dict__'", mpy_type_name(t));
    return mpy_generic_getattr(vm, self, name);
}

bool mpy_container_setattr(mpy_vm *vm, mpy_value self, mpy_str *name, mpy_value value)
{
    mpy_type *t = mpy_typeof(vm, self);
    if (t->flags & MPY_TF_HEAP) return mpy_generic_setattr(vm, self, name, value);
    if (!mpy_is_null(mpy_type_lookup(vm, t, name)))
        return mpy_err_fmt(vm, MPY_EXC_AttributeError, "'%s' object attribute '%s' is read-only", mpy_type_name(t),
                           name->data);
    return mpy_err_fmt(vm, MPY_EXC_AttributeError, "'%s' object has no attribute '%s'", mpy_type_name(t), name->data);
}

void mpy_trace_instance_dict(mpy_vm *vm, mpy_obj *o)
{
    int off = o->type->dict_offset;
    if (off) mpy_gc_mark_obj(vm, *(mpy_obj **)((char *)o + off));
}

bool mpy_no_kwargs(mpy_vm *vm, const char *fname, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no keyword arguments", fname);
    return true;
}

bool mpy_slice_arg(mpy_vm *vm, mpy_value v, int64_t *out)
{
    if (mpy_is_null(v) || mpy_is_none(v)) return true;
    if (mpy_is_smallint(v)) { *out = v.u.i; return true; }
    if (mpy_is_intlike(vm, v)) return clamp_intlike(vm, v, out);
    mpy_value m = mpy_type_lookup(vm, mpy_typeof(vm, v), vm->names.__index__);
    if (mpy_is_null(m))
        return mpy_err_msg(vm, MPY_EXC_TypeError, "slice indices must be integers or None or have an __index__ method");
    /* __index__ may return a big int: that clamps too. */
    mpy_value r = mpy_call1(vm, m, v);
    if (mpy_is_null(r)) return false;
    if (!mpy_is_intlike(vm, r))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "__index__ returned non-int (type %s)", mpy_tname(vm, r));
    return clamp_intlike(vm, r, out);
}

/* start/stop arguments of index(): clamped like slice bounds. */
bool mpy_seq_bounds(mpy_vm *vm, int argc, const mpy_value *args, size_t len, size_t *lo, size_t *hi)
{
    int64_t start = 0, stop = INT64_MAX;
    for (int k = 0; k < 2 && argc > k; k++) {
        int64_t *dst = k ? &stop : &start;
        mpy_value v = args[k];
        if (mpy_is_smallint(v)) *dst = v.u.i;
        else if (mpy_is_intlike(vm, v)) {
            /* an int beyond 64 bits clamps, as CPython's slice index does */
            if (!clamp_intlike(vm, v, dst)) return false;
        } else if (mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, v), vm->names.__index__)))
            return mpy_err_msg(vm, MPY_EXC_TypeError, "slice indices must be integers or have an __index__ method");
        else if (!mpy_slice_arg(vm, v, dst)) return false; /* __index__, clamped */
    }
    int64_t n = (int64_t)len;
    if (start < 0) { start += n; if (start < 0) start = 0; }
    if (stop < 0) { stop += n; if (stop < 0) stop = 0; }
    if (stop > n) stop = n;
    *lo = (size_t)start;
    *hi = (size_t)stop;
    return true;
}


bool mpy_binary_dunder_args(mpy_vm *vm, const char *name, int argc, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt(vm, MPY_EXC_TypeError, "wrapper %s() takes no keyword arguments", name);
    if (argc != 2) return mpy_err_fmt(vm, MPY_EXC_TypeError, "expected 1 argument, got %d", argc - 1);
    return true;
}

bool mpy_init_noop(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw) { return true; }

/* The count operand of `seq * n` for str, bytes, list and tuple, kept in
 * one place so all report the same errors: n must have __index__; other operands get
 * CPython's "can't multiply sequence by non-int" unless their class defines
 * operators of its own (then *notimpl is set and NotImplemented lets them
 * try). */
bool mpy_seq_repeat_count(mpy_vm *vm, mpy_value n, int64_t *out, bool *notimpl)
{
    *notimpl = false;
    mpy_type *t = mpy_typeof(vm, n);
    if (mpy_is_smallint(n) || !mpy_is_null(mpy_type_lookup(vm, t, vm->names.__index__))) {
        /* As a repeat count CPython raises OverflowError beyond 64 bits. */
        return mpy_index_big(vm, n, MPY_INDEX_BIG_OVERFLOW, out);
    }
    if ((t->flags & MPY_TF_HEAP) && t->slots.binop) { *notimpl = true; return false; }
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "can't multiply sequence by non-int of type '%s'", mpy_type_name(t));
}
