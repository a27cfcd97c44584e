/* range and range_iterator.
 *
 * Bounds are int64 (ranges beyond 64 bits raise OverflowError with a clear
 * message); the length is computed in unsigned arithmetic so ranges
 * spanning more than INT64_MAX values still work until len() is asked.
 * Iteration allocates nothing: the iterator holds the next value, the
 * step and a countdown.
 */
#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/seq.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

typedef struct mpy_range {
    mpy_obj hdr;
    int64_t start, stop, step;
    uint64_t len;
} mpy_range;

#define RANGE(v) ((mpy_range *)(v).u.o)

static uint64_t range_length(int64_t start, int64_t stop, int64_t step)
{
    if (step > 0 && start < stop) return ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
    if (step < 0 && start > stop) return ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1;
    return 0;
}

static mpy_value range_make(mpy_vm *vm, int64_t start, int64_t stop, int64_t step)
{
    mpy_range *r = mpy_obj_alloc(vm, vm->types[MPY_TYPE_RANGE], sizeof(mpy_range));
    if (!r) return MPY_NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = range_length(start, stop, step);
    return mpy_from_obj(r);
}

static bool range_arg(mpy_vm *vm, mpy_value v, int64_t *out)
{
    if (mpy_is_smallint(v)) { *out = v.u.i; return true; }
    if (mpy_is_intlike(vm, v) && mpy_is_type(vm, v, MPY_TYPE_INT))
        return mpy_err_msg(vm, MPY_EXC_OverflowError, "range() arguments beyond 64 bits are not supported");
    return mpy_index(vm, v, out);
}

static mpy_value range_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "range", kw)) return MPY_NULL;
    if (argc < 1) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "range expected at least 1 argument, got %d", argc);
    if (argc > 3) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "range expected at most 3 arguments, got %d", argc);
    int64_t start = 0, stop, step = 1;
    if (argc == 1) {
        if (!range_arg(vm, args[0], &stop)) return MPY_NULL;
    } else {
        if (!range_arg(vm, args[0], &start) || !range_arg(vm, args[1], &stop)) return MPY_NULL;
        if (argc == 3 && !range_arg(vm, args[2], &step)) return MPY_NULL;
        if (step == 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "range() arg 3 must not be zero");
    }
    return range_make(vm, start, stop, step);
}

static mpy_value range_repr(mpy_vm *vm, mpy_value self)
{
    mpy_range *r = RANGE(self);
    if (r->step == 1)
        return mpy_from_obj(mpy_str_printf(vm, "range(%lld, %lld)", (long long)r->start, (long long)r->stop));
    return mpy_from_obj(mpy_str_printf(vm, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                                       (long long)r->step));
}

static int64_t range_len(mpy_vm *vm, mpy_value self)
{
    uint64_t n = RANGE(self)->len;
    if (n > (uint64_t)INT64_MAX) {
        mpy_err_msg(vm, MPY_EXC_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (int64_t)n;
}

static int range_truth(mpy_vm *vm, mpy_value self) { return RANGE(self)->len != 0; }

static int64_t item_at(mpy_range *r, uint64_t i) { return (int64_t)((uint64_t)r->start + i * (uint64_t)r->step); }

/* O(1) membership for ints: the position of v, or -1. */
static int64_t int_position(mpy_range *r, int64_t v)
{
    if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return -1;
    uint64_t off = r->step > 0 ? (uint64_t)v - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)v;
    uint64_t st = r->step > 0 ? (uint64_t)r->step : 0 - (uint64_t)r->step;
    if (off % st) return -1;
    return (int64_t)(off / st);
}

static mpy_value range_getitem(mpy_vm *vm, mpy_value self, mpy_value key)
{
    mpy_range *r = RANGE(self);
    if (mpy_is_slice(vm, key)) {
        int64_t start, stop, step;
        if (!mpy_slice_unpack(vm, key, &start, &stop, &step)) return MPY_NULL;
        /* CPython's PySlice_AdjustIndices in 128-bit arithmetic (len may
         * exceed INT64_MAX), then the exact bounds and step of the
         * sub-range: one beyond int64 is the unsupported-range
         * OverflowError, not a wrapped value. */
        __int128 n = (__int128)r->len, b[2] = {start, stop};
        mpy_slice *sl = (mpy_slice *)key.u.o;
        mpy_value given[2] = {sl->start, sl->stop};
        for (int k = 0; k < 2; k++) {
            /* None, or an int clamped to int64, is beyond either end
             * (the int64 sentinel is not: len may exceed INT64_MAX). */
            bool inf = !mpy_is_smallint(given[k]) && (b[k] == INT64_MAX || b[k] <= INT64_MIN + 1);
            if (inf && mpy_is_none(given[k])) b[k] = (k == 0) == (step < 0) ? n : -n - 1;
            else if (inf) b[k] = b[k] > 0 ? n : -n - 1;
            if (b[k] < 0) {
                b[k] += n;
                if (b[k] < 0) b[k] = step < 0 ? -1 : 0;
            } else if (b[k] >= n) {
                b[k] = step < 0 ? n - 1 : n;
            }
        }
        __int128 nstart = (__int128)r->start + b[0] * r->step;
        __int128 nstop = (__int128)r->start + b[1] * r->step;
        __int128 nstep = (__int128)r->step * step;
        /* A bound past the int64 end in the step's direction clamps to
         * it when that keeps the items (every item of r is int64). */
        __int128 cnt = 0;
        if (step > 0 && b[0] < b[1]) cnt = (b[1] - b[0] - 1) / step + 1;
        if (step < 0 && b[1] < b[0]) cnt = (b[0] - b[1] - 1) / -(__int128)step + 1;
        __int128 lim = nstep > 0 ? INT64_MAX : INT64_MIN;
        if (nstop < INT64_MIN || nstop > INT64_MAX) nstop = lim;
        if (cnt == 0 && (nstart < INT64_MIN || nstart > INT64_MAX)) nstart = nstop = lim;
        if (nstart < INT64_MIN || nstart > INT64_MAX || nstep < INT64_MIN || nstep > INT64_MAX ||
            (__int128)range_length((int64_t)nstart, (int64_t)nstop, (int64_t)nstep) != cnt)
            return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "range() arguments beyond 64 bits are not supported");
        return range_make(vm, (int64_t)nstart, (int64_t)nstop, (int64_t)nstep);
    }
    int64_t i;
    if (mpy_is_smallint(key)) {
        i = key.u.i;
    } else {
        if (mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, key), vm->names.__index__)))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "range indices must be integers or slices, not %s",
                                 mpy_tname(vm, key));
        if (!mpy_index(vm, key, &i)) {
            /* An int beyond 64 bits is past the end of any range here. */
            if (mpy_is_sub(vm, key, MPY_TYPE_INT) && mpy_err_matches(vm, MPY_EXC_IndexError)) {
                mpy_err_clear(vm);
                return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "range object index out of range");
            }
            return MPY_NULL;
        }
    }
    /* In unsigned arithmetic: len may exceed INT64_MAX. */
    uint64_t u;
    if (i < 0) {
        uint64_t back = 0 - (uint64_t)i;
        if (back > r->len) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "range object index out of range");
        u = r->len - back;
    } else {
        u = (uint64_t)i;
    }
    if (u >= r->len) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "range object index out of range");
    return mpy_from_int(item_at(r, u));
}

static bool is_plain_int(mpy_vm *vm, mpy_value v) { return mpy_is_smallint(v); }

static int range_contains(mpy_vm *vm, mpy_value self, mpy_value item)
{
    mpy_range *r = RANGE(self);
    if (is_plain_int(vm, item)) return int_position(r, item.u.i) >= 0;
    if (mpy_is_intlike(vm, item) && mpy_is_type(vm, item, MPY_TYPE_INT)) return 0; /* big ints lie outside int64 */
    for (uint64_t i = 0; i < r->len; i++) {
        int eq = mpy_eq(vm, mpy_from_int(item_at(r, i)), item);
        if (eq) return eq;
    }
    return 0;
}

static mpy_value range_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if ((op != MPY_CMP_EQ && op != MPY_CMP_NE) || !mpy_is_type(vm, b, MPY_TYPE_RANGE)) return mpy_notimpl(vm);
    mpy_range *x = RANGE(a), *y = RANGE(b);
    bool eq = x->len == y->len && (x->len == 0 || (x->start == y->start && (x->len == 1 || x->step == y->step)));
    return mpy_from_bool(op == MPY_CMP_EQ ? eq : !eq);
}

static bool range_hash(mpy_vm *vm, mpy_value self, int64_t *out)
{
    /* CPython: hash((len, start, step)) with None for the parts that do not
     * matter, so equal ranges hash equal. */
    mpy_range *r = RANGE(self);
    mpy_value len = mpy_from_int((int64_t)r->len);
    mpy_value start = r->len ? mpy_from_int(r->start) : MPY_NONE;
    mpy_value step = r->len > 1 ? mpy_from_int(r->step) : MPY_NONE;
    mpy_tuple *t = mpy_tuple_pack(vm, 3, len, start, step);
    return t && mpy_tuple_hash(vm, t, out);
}

/* -------------------------------------------------------------- iterator */

typedef struct range_iter {
    mpy_obj hdr;
    int64_t next, step;
    uint64_t left;
} range_iter;

static mpy_value range_iter_make(mpy_vm *vm, int64_t start, int64_t step, uint64_t len)
{
    range_iter *it = mpy_obj_alloc(vm, vm->types[MPY_TYPE_ITER_RANGE], sizeof(range_iter));
    if (!it) return MPY_NULL;
    it->next = start;
    it->step = step;
    it->left = len;
    return mpy_from_obj(it);
}

static mpy_value range_iter_new(mpy_vm *vm, mpy_value self)
{
    mpy_range *r = RANGE(self);
    return range_iter_make(vm, r->start, r->step, r->len);
}

static mpy_value range_iter_next(mpy_vm *vm, mpy_value self)
{
    range_iter *it = (range_iter *)self.u.o;
    if (!it->left) return MPY_NULL;
    int64_t v = it->next;
    it->next = (int64_t)((uint64_t)v + (uint64_t)it->step); /* wraps only past the last item */
    it->left--;
    return mpy_from_int(v);
}

static mpy_value iter_self(mpy_vm *vm, mpy_value self) { return self; }

static mpy_value range_iter_m_length_hint(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    uint64_t n = ((range_iter *)args[0].u.o)->left;
    return mpy_from_int(n > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)n);
}

static mpy_value no_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "cannot create '%s' instances", mpy_type_name(type));
}

static const mpy_method_def range_iter_methods[] = {
    {"__length_hint__", range_iter_m_length_hint, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

const mpy_type_spec mpy_range_iterator_spec = {
    .name = "range_iterator",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(range_iter),
    .slots = {.iter = iter_self, .next = range_iter_next, .new_ = no_new},
    .methods = range_iter_methods,
};

/* --------------------------------------------------------------- methods */

static mpy_value range_m_reversed(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_range *r = RANGE(args[0]);
    if (r->len == 0) return range_iter_make(vm, r->start, (int64_t)(0 - (uint64_t)r->step), 0);
    return range_iter_make(vm, item_at(r, r->len - 1), (int64_t)(0 - (uint64_t)r->step), r->len);
}

static mpy_value range_m_count(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "range.count", kw)) return MPY_NULL;
    if (argc != 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "range.count() takes exactly one argument (%d given)", argc - 1);
    mpy_range *r = RANGE(args[0]);
    if (is_plain_int(vm, args[1])) return mpy_from_int(int_position(r, args[1].u.i) >= 0);
    int64_t n = 0;
    for (uint64_t i = 0; i < r->len; i++) {
        int eq = mpy_eq(vm, mpy_from_int(item_at(r, i)), args[1]);
        if (eq < 0) return MPY_NULL;
        n += eq;
    }
    return mpy_from_int(n);
}

static mpy_value range_m_index(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "range.index", kw)) return MPY_NULL;
    if (argc != 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "range.index() takes exactly one argument (%d given)", argc - 1);
    mpy_range *r = RANGE(args[0]);
    if (is_plain_int(vm, args[1])) {
        int64_t pos = int_position(r, args[1].u.i);
        if (pos >= 0) return mpy_from_int(pos);
        return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "%lld is not in range", (long long)args[1].u.i);
    }
    for (uint64_t i = 0; i < r->len; i++) {
        int eq = mpy_eq(vm, mpy_from_int(item_at(r, i)), args[1]);
        if (eq < 0) return MPY_NULL;
        if (eq) return mpy_from_int((int64_t)i);
    }
    return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "sequence.index(x): x not in sequence");
}

static mpy_value range_get_start(mpy_vm *vm, mpy_value self) { return mpy_from_int(RANGE(self)->start); }
static mpy_value range_get_stop(mpy_vm *vm, mpy_value self) { return mpy_from_int(RANGE(self)->stop); }
static mpy_value range_get_step(mpy_vm *vm, mpy_value self) { return mpy_from_int(RANGE(self)->step); }

static const mpy_method_def range_methods[] = {
    {"__reversed__", range_m_reversed, MPY_METH_DEFAULT},
    {"count", range_m_count, MPY_METH_DEFAULT},
    {"index", range_m_index, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

static const mpy_getset_def range_getsets[] = {
    {"start", range_get_start, NULL},
    {"stop", range_get_stop, NULL},
    {"step", range_get_step, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_range_spec = {
    .name = "range",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_range),
    .slots = {.repr = range_repr, .len = range_len, .truth = range_truth, .getitem = range_getitem,
              .contains = range_contains, .richcmp = range_richcmp, .hash = range_hash, .iter = range_iter_new,
              .new_ = range_new_, .init = mpy_init_noop},
    .methods = range_methods,
    .getsets = range_getsets,
};
