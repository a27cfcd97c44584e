/* The _itertools module: the iterator types of `itertools` written in C.
 *
 * runtime/lib/itertools.py re-exports these and adds groupby and tee (whose
 * shared state is simpler in Python).  They are in C because they sit in
 * inner loops: a product() or permutations() loop costs here about what a
 * nested for loop costs, where a Python generator behind a __next__ method
 * cost five times more.
 *
 * Each type is made per VM when the module is first imported, claims the
 * module name "itertools" (so reprs and type names match CPython's), can be
 * subclassed, and follows the iterator protocol of object.h: `next` returns
 * MPY_NULL without an exception at the end.  An exhausted iterator drops
 * what it holds and stays exhausted.
 *
 * The combinatoric iterators walk arrays of indices (owned buffers, freed
 * by the finalizer) in lexicographic order and build a fresh tuple per item.
 */
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/seq.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* In runtime/class.c (declared in vm/state.c only): the __iter__/__next__
 * ... wrappers of the slots a built-in type defines. */
bool mpy_class_add_wrappers(mpy_vm *vm, mpy_type *t, const mpy_slots *own);

static void *alloc(mpy_vm *vm, mpy_type *type, size_t size)
{
    return mpy_obj_alloc(vm, type, type->instance_size > size ? type->instance_size : size);
}

static mpy_value iter_self(mpy_vm *vm, mpy_value self) { return self; }

/* next(it) that tells the end (false, no exception) from an error. */
static inline bool next_item(mpy_vm *vm, mpy_value it, mpy_value *out)
{
    *out = mpy_next(vm, it);
    return !mpy_is_null(*out);
}

static inline bool failed(mpy_vm *vm) { return vm->exc.tag != MPY_TAG_NULL; }

/* The next item of a source iterator held in *it, the step every object
 * here takes: false at the end, where *it is dropped (so later calls stop
 * at once, as CPython's do) unless the end was an error. */
static bool source_next(mpy_vm *vm, mpy_value *it, mpy_value *out)
{
    if (mpy_is_null(*it)) return false;
    if (next_item(vm, *it, out)) return true;
    if (!failed(vm)) *it = MPY_NULL;
    return false;
}

/* Most objects here start from iter(iterable): makes that iterator (in
 * *it), then the object; NULL if either fails. */
static void *alloc_over(mpy_vm *vm, mpy_type *type, size_t size, mpy_value iterable, mpy_value *it)
{
    *it = mpy_iter(vm, iterable);
    return mpy_is_null(*it) ? NULL : alloc(vm, type, size);
}

/* An int argument as a size (r, repeat...): TypeError for non-ints,
 * OverflowError beyond int64 as CPython's Py_ssize_t conversion. */
static bool size_arg(mpy_vm *vm, mpy_value v, int64_t *out)
{
    return mpy_index_big(vm, v, MPY_INDEX_BIG_SSIZE, out);
}

static size_t *new_indices(mpy_vm *vm, size_t n)
{
    size_t *b = mpy_mem_realloc(vm, NULL, 0, (n ? n : 1) * sizeof(size_t));
    if (b) memset(b, 0, (n ? n : 1) * sizeof(size_t));
    return b;
}

/* ------------------------------------------------------------------ count */

typedef struct count_obj {
    mpy_obj hdr;
    mpy_value cnt, step;
} count_obj;

static bool is_number(mpy_vm *vm, mpy_value v)
{
    if (mpy_is_intlike(vm, v) || mpy_is_float(v)) return true;
    static const char *const hooks[] = {"__index__", "__int__", "__float__", "__complex__"};
    mpy_type *t = mpy_typeof(vm, v);
    for (size_t i = 0; i < sizeof hooks / sizeof *hooks; i++) {
        mpy_str *n = mpy_str_intern_cstr(vm, hooks[i]);
        if (n && !mpy_is_null(mpy_type_lookup(vm, t, n))) return true;
    }
    return false;
}

static mpy_value count_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[2];
    if (!mpy_args_parse(vm, "count", argc, args, kw, "start=,step=", a)) return MPY_NULL;
    mpy_value start = mpy_is_null(a[0]) ? mpy_from_int(0) : a[0];
    mpy_value step = mpy_is_null(a[1]) ? mpy_from_int(1) : a[1];
    if (!is_number(vm, start) || !is_number(vm, step))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "a number is required");
    /* A bool start counts as an int (count(True) is count(1)). */
    if (start.tag == MPY_TAG_BOOL) start = mpy_from_int(start.u.i ? 1 : 0);
    count_obj *c = alloc(vm, type, sizeof(count_obj));
    if (!c) return MPY_NULL;
    c->cnt = start;
    c->step = step;
    return mpy_from_obj(c);
}

static mpy_value count_next(mpy_vm *vm, mpy_value self)
{
    count_obj *c = (count_obj *)self.u.o;
    mpy_value v = c->cnt;
    int64_t r;
    if (mpy_is_smallint(v) && mpy_is_smallint(c->step) && !__builtin_add_overflow(v.u.i, c->step.u.i, &r)) {
        c->cnt = mpy_from_int(r);
        return v;
    }
    mpy_value n = mpy_binary_op(vm, MPY_BINOP_ADD, v, c->step);
    if (mpy_is_null(n)) return n;
    c->cnt = n;
    return v;
}

static mpy_value count_repr(mpy_vm *vm, mpy_value self)
{
    count_obj *c = (count_obj *)self.u.o;
    mpy_value a = mpy_repr(vm, c->cnt);
    if (mpy_is_null(a)) return a;
    const char *name = mpy_type_name(mpy_typeof(vm, self));
    /* The step is left out when it is the int 1 (a float 1.0 is shown). */
    bool unit = (mpy_is_smallint(c->step) || c->step.tag == MPY_TAG_BOOL) && c->step.u.i == 1;
    mpy_str *s;
    if (unit) {
        s = mpy_str_printf(vm, "%s(%s)", name, mpy_as_str(a)->data);
    } else {
        mpy_value b = mpy_repr(vm, c->step);
        if (mpy_is_null(b)) return b;
        s = mpy_str_printf(vm, "%s(%s, %s)", name, mpy_as_str(a)->data, mpy_as_str(b)->data);
    }
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static void count_trace(mpy_vm *vm, mpy_obj *o)
{
    count_obj *c = (count_obj *)o;
    mpy_gc_mark(vm, c->cnt);
    mpy_gc_mark(vm, c->step);
    mpy_trace_instance_dict(vm, o);
}

/* ----------------------------------------------------------------- repeat */

typedef struct repeat_obj {
    mpy_obj hdr;
    mpy_value obj;
    int64_t left; /* -1: forever */
} repeat_obj;

static mpy_value repeat_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[2];
    if (!mpy_args_parse(vm, "repeat", argc, args, kw, "object,times=", a)) return MPY_NULL;
    int64_t n = -1;
    if (!mpy_is_null(a[1])) {
        if (!size_arg(vm, a[1], &n)) return MPY_NULL;
        if (n < 0) n = 0;
    }
    repeat_obj *r = alloc(vm, type, sizeof(repeat_obj));
    if (!r) return MPY_NULL;
    r->obj = a[0];
    r->left = n;
    return mpy_from_obj(r);
}

static mpy_value repeat_next(mpy_vm *vm, mpy_value self)
{
    repeat_obj *r = (repeat_obj *)self.u.o;
    if (r->left == 0) return MPY_NULL;
    if (r->left > 0) r->left--;
    return r->obj;
}

static mpy_value repeat_repr(mpy_vm *vm, mpy_value self)
{
    repeat_obj *r = (repeat_obj *)self.u.o;
    mpy_value a = mpy_repr(vm, r->obj);
    if (mpy_is_null(a)) return a;
    const char *name = mpy_type_name(mpy_typeof(vm, self));
    mpy_str *s = r->left < 0 ? mpy_str_printf(vm, "%s(%s)", name, mpy_as_str(a)->data)
                             : mpy_str_printf(vm, "%s(%s, %lld)", name, mpy_as_str(a)->data, (long long)r->left);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static mpy_value repeat_length_hint(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    repeat_obj *r = (repeat_obj *)args[0].u.o;
    if (r->left < 0) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "len() of unsized object");
    return mpy_from_int(r->left);
}

static void repeat_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark(vm, ((repeat_obj *)o)->obj);
    mpy_trace_instance_dict(vm, o);
}

/* ------------------------------------------------------------------ cycle */

typedef struct cycle_obj {
    mpy_obj hdr;
    mpy_value it;    /* MPY_NULL once the source is used up */
    mpy_list *saved;
    size_t pos;      /* next saved item to give, after the first pass */
} cycle_obj;

static mpy_value cycle_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "cycle", argc, kw, 1, 1)) return MPY_NULL;
    mpy_value it = mpy_iter(vm, args[0]);
    if (mpy_is_null(it)) return it;
    mpy_list *saved = mpy_list_new(vm, 0);
    cycle_obj *c = saved ? alloc(vm, type, sizeof(cycle_obj)) : NULL;
    if (!c) return MPY_NULL;
    c->it = it;
    c->saved = saved;
    return mpy_from_obj(c);
}

static mpy_value cycle_next(mpy_vm *vm, mpy_value self)
{
    cycle_obj *c = (cycle_obj *)self.u.o;
    if (!mpy_is_null(c->it)) {
        mpy_value v;
        if (next_item(vm, c->it, &v)) return mpy_list_append(vm, c->saved, v) ? v : MPY_NULL;
        if (failed(vm)) return MPY_NULL;
        c->it = MPY_NULL;
    }
    if (!c->saved || !c->saved->len) return MPY_NULL;
    if (c->pos >= c->saved->len) c->pos = 0;
    return c->saved->items[c->pos++];
}

static void cycle_trace(mpy_vm *vm, mpy_obj *o)
{
    cycle_obj *c = (cycle_obj *)o;
    mpy_gc_mark(vm, c->it);
    if (c->saved) mpy_gc_mark_obj(vm, &c->saved->hdr);
    mpy_trace_instance_dict(vm, o);
}

/* ------------------------------------------------------------------ chain */

typedef struct chain_obj {
    mpy_obj hdr;
    mpy_value source; /* iterator over the iterables; MPY_NULL at the end */
    mpy_value active; /* iterator of the current iterable, or MPY_NULL */
} chain_obj;

static mpy_value chain_make(mpy_vm *vm, mpy_type *type, mpy_value iterables)
{
    mpy_value source;
    chain_obj *c = alloc_over(vm, type, sizeof(chain_obj), iterables, &source);
    if (!c) return MPY_NULL;
    c->source = source;
    c->active = MPY_NULL;
    return mpy_from_obj(c);
}

static mpy_value chain_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_no_kw(vm, "chain", kw)) return MPY_NULL;
    mpy_tuple *t = mpy_tuple_new(vm, (size_t)argc);
    if (!t) return MPY_NULL;
    for (int i = 0; i < argc; i++) t->items[i] = args[i];
    return chain_make(vm, type, mpy_from_obj(t));
}

/* chain.from_iterable(iterable): a classmethod, args[0] is the class. */
static mpy_value chain_from_iterable(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "from_iterable", argc - 1, kw)) return MPY_NULL;
    return chain_make(vm, (mpy_type *)args[0].u.o, args[1]);
}

static mpy_value chain_next(mpy_vm *vm, mpy_value self)
{
    chain_obj *c = (chain_obj *)self.u.o;
    while (!mpy_is_null(c->source)) {
        if (mpy_is_null(c->active)) {
            mpy_value iterable;
            if (!source_next(vm, &c->source, &iterable)) return MPY_NULL;
            c->active = mpy_iter(vm, iterable);
            if (mpy_is_null(c->active)) return MPY_NULL;
        }
        mpy_value v;
        if (next_item(vm, c->active, &v)) return v;
        if (failed(vm)) return MPY_NULL;
        c->active = MPY_NULL;
    }
    return MPY_NULL;
}

static void chain_trace(mpy_vm *vm, mpy_obj *o)
{
    chain_obj *c = (chain_obj *)o;
    mpy_gc_mark(vm, c->source);
    mpy_gc_mark(vm, c->active);
    mpy_trace_instance_dict(vm, o);
}

/* ----------------------------------------------------------------- islice */

typedef struct islice_obj {
    mpy_obj hdr;
    mpy_value it;     /* MPY_NULL once finished */
    int64_t next;     /* index of the next item to give */
    int64_t stop;     /* -1: no limit */
    int64_t step;
    int64_t count;    /* items consumed so far */
} islice_obj;

/* A start/stop argument: None (dflt) or an int in [0, maxsize], else
 * ValueError with `msg`. */
static bool slice_arg(mpy_vm *vm, mpy_value v, int64_t dflt, const char *msg, int64_t *out)
{
    if (mpy_is_none(v)) {
        *out = dflt;
        return true;
    }
    bool intlike = mpy_is_intlike(vm, v) ||
                   !mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, v), vm->names.__index__));
    if (!intlike) return mpy_err_msg(vm, MPY_EXC_ValueError, msg);
    if (!mpy_is_smallint(v) && mpy_is_intlike(vm, v) && v.tag != MPY_TAG_BOOL)
        return mpy_err_msg(vm, MPY_EXC_ValueError, msg);
    if (!mpy_index(vm, v, out)) return false;
    if (*out < 0) return mpy_err_msg(vm, MPY_EXC_ValueError, msg);
    return true;
}

static mpy_value islice_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_no_kw(vm, "islice", kw) || !mpy_args_count(vm, "islice", argc, kw, 2, 4)) return MPY_NULL;
    int64_t start = 0, stop = -1, step = 1;
    static const char stop_msg[] =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    static const char index_msg[] =
        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    static const char step_msg[] = "Step for islice() must be a positive integer or None.";
    if (argc == 2) {
        if (!slice_arg(vm, args[1], -1, stop_msg, &stop)) return MPY_NULL;
    } else {
        if (!slice_arg(vm, args[2], -1, stop_msg, &stop) || !slice_arg(vm, args[1], 0, index_msg, &start))
            return MPY_NULL;
        if (argc == 4) {
            if (!slice_arg(vm, args[3], 1, step_msg, &step)) return MPY_NULL;
            if (step == 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "%s", step_msg);
        }
    }
    mpy_value it;
    islice_obj *s = alloc_over(vm, type, sizeof(islice_obj), args[0], &it);
    if (!s) return MPY_NULL;
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    return mpy_from_obj(s);
}

/* As CPython: after giving an item the next wanted index moves by step
 * (clamped to stop), and the items before it are consumed when the next
 * item is asked for, even when that ends at stop. */
static mpy_value islice_next(mpy_vm *vm, mpy_value self)
{
    islice_obj *s = (islice_obj *)self.u.o;
    mpy_value v;
    while (s->count < s->next) {
        if (!source_next(vm, &s->it, &v)) return MPY_NULL;
        s->count++;
    }
    if (s->stop >= 0 && s->count >= s->stop) {
        s->it = MPY_NULL;
        return MPY_NULL;
    }
    if (!source_next(vm, &s->it, &v)) return MPY_NULL;
    s->count++;
    int64_t old = s->next;
    s->next += s->step;
    if (s->next < old || (s->stop >= 0 && s->next > s->stop)) s->next = s->stop;
    return v;
}

static void islice_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark(vm, ((islice_obj *)o)->it);
    mpy_trace_instance_dict(vm, o);
}

/* -------------------------------------------------------- combinatorics */

/* State shared by product, permutations, combinations and
 * combinations_with_replacement. */
typedef struct comb_obj {
    mpy_obj hdr;
    mpy_tuple *pool;     /* the items (product: a tuple of tuples, one per position) */
    size_t n, r;         /* pool size (product: positions), result length */
    size_t *idx;         /* r indices (product: one per position) */
    size_t *aux;         /* permutations: n "used" flags; else NULL */
    bool started, done;
} comb_obj;

static void comb_trace(mpy_vm *vm, mpy_obj *o)
{
    comb_obj *c = (comb_obj *)o;
    if (c->pool) mpy_gc_mark_obj(vm, &c->pool->hdr);
    mpy_trace_instance_dict(vm, o);
}

static void comb_finalize(mpy_vm *vm, mpy_obj *o)
{
    comb_obj *c = (comb_obj *)o;
    size_t nidx = c->r ? c->r : 1;
    if (c->idx) mpy_mem_free(vm, c->idx, nidx * sizeof(size_t));
    if (c->aux) mpy_mem_free(vm, c->aux, (c->n ? c->n : 1) * sizeof(size_t));
    c->idx = c->aux = NULL;
}

static comb_obj *comb_alloc(mpy_vm *vm, mpy_type *type, mpy_tuple *pool, size_t n, size_t r, bool with_aux)
{
    size_t *idx = new_indices(vm, r);
    size_t *aux = idx && with_aux ? new_indices(vm, n) : NULL;
    if (!idx || (with_aux && !aux)) return NULL;
    comb_obj *c = alloc(vm, type, sizeof(comb_obj));
    if (!c) return NULL;
    c->pool = pool;
    c->n = n;
    c->r = r;
    c->idx = idx;
    c->aux = aux;
    return c;
}

/* The tuple of pool items at the current indices. */
static mpy_value comb_result(mpy_vm *vm, comb_obj *c, bool product)
{
    mpy_tuple *t = mpy_tuple_new(vm, c->r);
    if (!t) return MPY_NULL;
    for (size_t i = 0; i < c->r; i++)
        t->items[i] = product ? mpy_as_tuple(c->pool->items[i])->items[c->idx[i]] : c->pool->items[c->idx[i]];
    return mpy_from_obj(t);
}

/* product(*iterables, repeat=1) */
static mpy_value product_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t repeat = 1;
    for (int k = 0; k < mpy_args_nkw(kw); k++) {
        mpy_str *name = mpy_as_str(kw->items[k]);
        if (strcmp(name->data, "repeat") != 0)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' is an invalid keyword argument for product()",
                                 name->data);
        if (!size_arg(vm, args[argc + k], &repeat)) return MPY_NULL;
        if (repeat < 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "repeat argument cannot be negative");
    }
    size_t npools = (size_t)argc * (size_t)repeat;
    if (argc && npools / (size_t)argc != (size_t)repeat)
        return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "repeat argument too large");
    mpy_tuple *pools = mpy_tuple_new(vm, npools);
    if (!pools) return MPY_NULL;
    for (int i = 0; i < argc; i++) {
        mpy_tuple *p = mpy_tuple_from_iter(vm, args[i]);
        if (!p) return MPY_NULL;
        for (int64_t k = 0; k < repeat; k++) pools->items[(size_t)k * (size_t)argc + (size_t)i] = mpy_from_obj(p);
    }
    comb_obj *c = comb_alloc(vm, type, pools, npools, npools, false);
    if (!c) return MPY_NULL;
    for (size_t i = 0; i < npools; i++)
        if (!mpy_as_tuple(pools->items[i])->len) c->done = true;
    return mpy_from_obj(c);
}

static mpy_value product_next(mpy_vm *vm, mpy_value self)
{
    comb_obj *c = (comb_obj *)self.u.o;
    if (c->done) return MPY_NULL;
    if (c->started) {
        /* Odometer: bump the last position, carrying to the left. */
        size_t i = c->r;
        for (;;) {
            if (i == 0) {
                c->done = true;
                return MPY_NULL;
            }
            i--;
            if (++c->idx[i] < mpy_as_tuple(c->pool->items[i])->len) break;
            c->idx[i] = 0;
        }
    }
    c->started = true;
    return comb_result(vm, c, true);
}

/* The pool and r of permutations/combinations: "iterable,r" with r
 * required (combinations) or optional (permutations: None = n). */
static mpy_tuple *pool_and_r(mpy_vm *vm, const char *fname, int argc, const mpy_value *args, mpy_tuple *kw,
                             bool r_optional, int64_t *r)
{
    mpy_value a[2];
    if (!mpy_args_parse(vm, fname, argc, args, kw, r_optional ? "iterable,r=" : "iterable,r", a)) return NULL;
    /* combinations' r is an Argument Clinic Py_ssize_t, converted before
     * the body runs iter(iterable); permutations converts its optional r
     * itself, after the pool.  The sign is checked after both. */
    if (!r_optional && !size_arg(vm, a[1], r)) return NULL;
    mpy_tuple *pool = mpy_tuple_from_iter(vm, a[0]);
    if (!pool) return NULL;
    if (mpy_is_null(a[1]) || (r_optional && mpy_is_none(a[1]))) {
        *r = (int64_t)pool->len;
        return pool;
    }
    if (r_optional && !mpy_is_intlike(vm, a[1])) return mpy_err_msg(vm, MPY_EXC_TypeError, "Expected int as r"), NULL;
    if (r_optional && !size_arg(vm, a[1], r)) return NULL;
    if (*r < 0) return mpy_err_msg(vm, MPY_EXC_ValueError, "r must be non-negative"), NULL;
    return pool;
}

static mpy_value permutations_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t r;
    mpy_tuple *pool = pool_and_r(vm, "permutations", argc, args, kw, true, &r);
    if (!pool) return MPY_NULL;
    comb_obj *c = comb_alloc(vm, type, pool, pool->len, (size_t)r, true);
    if (!c) return MPY_NULL;
    c->done = (size_t)r > pool->len;
    if (!c->done)
        for (size_t i = 0; i < c->r; i++) {
            c->idx[i] = i;
            c->aux[i] = 1;
        }
    return mpy_from_obj(c);
}

/* Next r-permutation of indices in lexicographic order: find the rightmost
 * position that can take a larger unused index, take the smallest such
 * index, and fill the positions after it with the smallest unused ones. */
static mpy_value permutations_next(mpy_vm *vm, mpy_value self)
{
    comb_obj *c = (comb_obj *)self.u.o;
    if (c->done) return MPY_NULL;
    if (c->started) {
        size_t *idx = c->idx, *used = c->aux, n = c->n, r = c->r;
        size_t k = r;
        for (;;) {
            if (k == 0) {
                c->done = true;
                return MPY_NULL;
            }
            k--;
            used[idx[k]] = 0;
            size_t j = idx[k] + 1;
            while (j < n && used[j]) j++;
            if (j < n) {
                idx[k] = j;
                used[j] = 1;
                size_t m = 0;
                for (size_t p = k + 1; p < r; p++) {
                    while (used[m]) m++;
                    idx[p] = m;
                    used[m] = 1;
                }
                break;
            }
        }
    }
    c->started = true;
    return comb_result(vm, c, false);
}

/* combinations (first indices 0, 1, 2...; none when r > n) and
 * combinations_with_replacement (all 0; none when n == 0 < r). */
static mpy_value comb_new(mpy_vm *vm, mpy_type *type, const char *fname, int argc, const mpy_value *args,
                          mpy_tuple *kw, bool replacement)
{
    int64_t r;
    mpy_tuple *pool = pool_and_r(vm, fname, argc, args, kw, false, &r);
    if (!pool) return MPY_NULL;
    comb_obj *c = comb_alloc(vm, type, pool, pool->len, (size_t)r, false);
    if (!c) return MPY_NULL;
    c->done = replacement ? pool->len == 0 && r > 0 : (size_t)r > pool->len;
    for (size_t i = 0; i < c->r && !c->done && !replacement; i++) c->idx[i] = i;
    return mpy_from_obj(c);
}

static mpy_value combinations_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return comb_new(vm, type, "combinations", argc, args, kw, false);
}

/* combinations and combinations_with_replacement step alike: the
 * rightmost index below its maximum goes up by one and the ones after it
 * restart from it.  Without replacement the maximum is n - r + position
 * and the later indices follow consecutively; with replacement the
 * maximum is n - 1 and the later indices repeat it. */
static mpy_value comb_next(mpy_vm *vm, mpy_value self, bool replacement)
{
    comb_obj *c = (comb_obj *)self.u.o;
    if (c->done) return MPY_NULL;
    if (c->started) {
        size_t *idx = c->idx, n = c->n, r = c->r, k = r;
        for (;;) {
            if (k == 0) {
                c->done = true;
                return MPY_NULL;
            }
            k--;
            if (idx[k] != (replacement ? n - 1 : k + n - r)) break;
        }
        idx[k]++;
        for (size_t j = k + 1; j < r; j++) idx[j] = replacement ? idx[k] : idx[j - 1] + 1;
    }
    c->started = true;
    return comb_result(vm, c, false);
}

static mpy_value combinations_next(mpy_vm *vm, mpy_value self) { return comb_next(vm, self, false); }

static mpy_value cwr_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return comb_new(vm, type, "combinations_with_replacement", argc, args, kw, true);
}

static mpy_value cwr_next(mpy_vm *vm, mpy_value self) { return comb_next(vm, self, true); }

/* ------------------------------------------------------------- accumulate */

typedef struct accumulate_obj {
    mpy_obj hdr;
    mpy_value it;      /* MPY_NULL once finished */
    mpy_value func;    /* MPY_NULL: + */
    mpy_value total;   /* MPY_NULL before the first item */
    mpy_value initial; /* given initial value not yet yielded, or MPY_NULL */
} accumulate_obj;

static mpy_value accumulate_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc > 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "accumulate() takes at most 2 positional arguments (%d given)",
                             argc);
    mpy_value a[3];
    if (!mpy_args_parse(vm, "accumulate", argc, args, kw, "iterable,func=,*,initial=", a)) return MPY_NULL;
    mpy_value it;
    accumulate_obj *s = alloc_over(vm, type, sizeof(accumulate_obj), a[0], &it);
    if (!s) return MPY_NULL;
    s->it = it;
    s->func = mpy_is_null(a[1]) || mpy_is_none(a[1]) ? MPY_NULL : a[1];
    s->total = MPY_NULL;
    s->initial = mpy_is_null(a[2]) || mpy_is_none(a[2]) ? MPY_NULL : a[2];
    return mpy_from_obj(s);
}

static mpy_value accumulate_next(mpy_vm *vm, mpy_value self)
{
    accumulate_obj *s = (accumulate_obj *)self.u.o;
    if (!mpy_is_null(s->initial)) {
        s->total = s->initial;
        s->initial = MPY_NULL;
        return s->total;
    }
    mpy_value v;
    if (!source_next(vm, &s->it, &v)) return MPY_NULL;
    if (mpy_is_null(s->total)) {
        s->total = v;
    } else {
        mpy_value t = mpy_is_null(s->func) ? mpy_binary_op(vm, MPY_BINOP_ADD, s->total, v)
                                           : mpy_call2(vm, s->func, s->total, v);
        if (mpy_is_null(t)) return t;
        s->total = t;
    }
    return s->total;
}

static void accumulate_trace(mpy_vm *vm, mpy_obj *o)
{
    accumulate_obj *s = (accumulate_obj *)o;
    mpy_gc_mark(vm, s->it);
    mpy_gc_mark(vm, s->func);
    mpy_gc_mark(vm, s->total);
    mpy_gc_mark(vm, s->initial);
    mpy_trace_instance_dict(vm, o);
}

/* --------------------------------------------------------------- pairwise */

typedef struct pairwise_obj {
    mpy_obj hdr;
    mpy_value it;  /* MPY_NULL once finished */
    mpy_value old; /* previous item, MPY_NULL before the first */
} pairwise_obj;

static mpy_value pairwise_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "pairwise", argc, kw, 1, 1)) return MPY_NULL;
    mpy_value it;
    pairwise_obj *p = alloc_over(vm, type, sizeof(pairwise_obj), args[0], &it);
    if (!p) return MPY_NULL;
    p->it = it;
    p->old = MPY_NULL;
    return mpy_from_obj(p);
}

static mpy_value pairwise_next(mpy_vm *vm, mpy_value self)
{
    pairwise_obj *p = (pairwise_obj *)self.u.o;
    mpy_value v;
    if (mpy_is_null(p->old) && !source_next(vm, &p->it, &p->old)) return MPY_NULL;
    if (!source_next(vm, &p->it, &v)) {
        if (mpy_is_null(p->it)) p->old = MPY_NULL; /* finished: let the last item go */
        return MPY_NULL;
    }
    mpy_tuple *t = mpy_tuple_pack(vm, 2, p->old, v);
    if (!t) return MPY_NULL;
    p->old = v;
    return mpy_from_obj(t);
}

static void pairwise_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark(vm, ((pairwise_obj *)o)->it);
    mpy_gc_mark(vm, ((pairwise_obj *)o)->old);
    mpy_trace_instance_dict(vm, o);
}

/* ------------------------------------------------------------ zip_longest */

typedef struct zip_longest_obj {
    mpy_obj hdr;
    mpy_tuple *its;   /* the iterators; an exhausted one becomes MPY_NULL */
    size_t active;    /* iterators not exhausted; 0: finished */
    mpy_value fill;
} zip_longest_obj;

static mpy_value zip_longest_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value fill = MPY_NONE;
    for (int k = 0; k < mpy_args_nkw(kw); k++) {
        if (strcmp(mpy_as_str(kw->items[k])->data, "fillvalue") != 0)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "zip_longest() got an unexpected keyword argument");
        fill = args[argc + k];
    }
    mpy_tuple *its = mpy_tuple_new(vm, (size_t)argc);
    if (!its) return MPY_NULL;
    for (int i = 0; i < argc; i++) {
        its->items[i] = mpy_iter(vm, args[i]);
        if (mpy_is_null(its->items[i])) return MPY_NULL;
    }
    zip_longest_obj *z = alloc(vm, type, sizeof(zip_longest_obj));
    if (!z) return MPY_NULL;
    z->its = its;
    z->active = (size_t)argc;
    z->fill = fill;
    return mpy_from_obj(z);
}

static mpy_value zip_longest_next(mpy_vm *vm, mpy_value self)
{
    zip_longest_obj *z = (zip_longest_obj *)self.u.o;
    if (!z->active) return MPY_NULL;
    size_t n = z->its->len;
    mpy_tuple *t = mpy_tuple_new(vm, n);
    if (!t) return MPY_NULL;
    for (size_t i = 0; i < n; i++) {
        mpy_value it = z->its->items[i], v;
        if (mpy_is_null(it)) {
            v = z->fill;
        } else if (!next_item(vm, it, &v)) {
            if (failed(vm)) return MPY_NULL;
            z->its->items[i] = MPY_NULL;
            if (--z->active == 0) return MPY_NULL;
            v = z->fill;
        }
        t->items[i] = v;
    }
    return mpy_from_obj(t);
}

static void zip_longest_trace(mpy_vm *vm, mpy_obj *o)
{
    zip_longest_obj *z = (zip_longest_obj *)o;
    if (z->its) mpy_gc_mark_obj(vm, &z->its->hdr);
    mpy_gc_mark(vm, z->fill);
    mpy_trace_instance_dict(vm, o);
}

/* ------------------------------------------- function + iterable iterators
 *
 * starmap, takewhile, dropwhile and filterfalse share one layout: a
 * function, the source iterator and a flag (takewhile: stopped;
 * dropwhile: done dropping). */

typedef struct funcit_obj {
    mpy_obj hdr;
    mpy_value func;
    mpy_value it;  /* MPY_NULL once finished */
    bool flag;
} funcit_obj;

static mpy_value funcit_make(mpy_vm *vm, mpy_type *type, const char *fname, int argc, const mpy_value *args,
                             mpy_tuple *kw)
{
    if (!mpy_args_count(vm, fname, argc, kw, 2, 2)) return MPY_NULL;
    mpy_value it;
    funcit_obj *f = alloc_over(vm, type, sizeof(funcit_obj), args[1], &it);
    if (!f) return MPY_NULL;
    f->func = args[0];
    f->it = it;
    return mpy_from_obj(f);
}

static void funcit_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark(vm, ((funcit_obj *)o)->func);
    mpy_gc_mark(vm, ((funcit_obj *)o)->it);
    mpy_trace_instance_dict(vm, o);
}

/* truth of func(v): 1, 0, -1 on error. */
static int pred(mpy_vm *vm, mpy_value func, mpy_value v)
{
    mpy_value r = mpy_call1(vm, func, v);
    return mpy_is_null(r) ? -1 : mpy_truth(vm, r);
}

static mpy_value starmap_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return funcit_make(vm, type, "starmap", argc, args, kw);
}

static mpy_value starmap_next(mpy_vm *vm, mpy_value self)
{
    funcit_obj *f = (funcit_obj *)self.u.o;
    mpy_value v;
    if (!source_next(vm, &f->it, &v)) return MPY_NULL;
    mpy_tuple *t = mpy_is_type(vm, v, MPY_TYPE_TUPLE) ? mpy_as_tuple(v) : mpy_tuple_from_iter(vm, v);
    if (!t) return MPY_NULL;
    return mpy_call(vm, f->func, (int)t->len, t->items, NULL);
}

static mpy_value takewhile_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return funcit_make(vm, type, "takewhile", argc, args, kw);
}

static mpy_value takewhile_next(mpy_vm *vm, mpy_value self)
{
    funcit_obj *f = (funcit_obj *)self.u.o;
    mpy_value v;
    if (f->flag || !source_next(vm, &f->it, &v)) return MPY_NULL;
    int ok = pred(vm, f->func, v);
    if (ok < 0) return MPY_NULL;
    if (ok) return v;
    f->flag = true;
    f->it = MPY_NULL;
    return MPY_NULL;
}

static mpy_value dropwhile_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return funcit_make(vm, type, "dropwhile", argc, args, kw);
}

static mpy_value dropwhile_next(mpy_vm *vm, mpy_value self)
{
    funcit_obj *f = (funcit_obj *)self.u.o;
    mpy_value v;
    while (source_next(vm, &f->it, &v)) {
        if (f->flag) return v;
        int ok = pred(vm, f->func, v);
        if (ok < 0) return MPY_NULL;
        if (!ok) {
            f->flag = true;
            return v;
        }
    }
    return MPY_NULL;
}

static mpy_value filterfalse_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return funcit_make(vm, type, "filterfalse", argc, args, kw);
}

static mpy_value filterfalse_next(mpy_vm *vm, mpy_value self)
{
    funcit_obj *f = (funcit_obj *)self.u.o;
    mpy_value v;
    while (source_next(vm, &f->it, &v)) {
        int ok = mpy_is_none(f->func) ? mpy_truth(vm, v) : pred(vm, f->func, v);
        if (ok < 0) return MPY_NULL;
        if (!ok) return v;
    }
    return MPY_NULL;
}

/* --------------------------------------------------------------- compress */

typedef struct compress_obj {
    mpy_obj hdr;
    mpy_value data, selectors; /* MPY_NULL once finished */
} compress_obj;

static mpy_value compress_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[2];
    if (!mpy_args_parse(vm, "compress", argc, args, kw, "data,selectors", a)) return MPY_NULL;
    mpy_value data = mpy_iter(vm, a[0]);
    mpy_value sel = mpy_is_null(data) ? data : mpy_iter(vm, a[1]);
    if (mpy_is_null(sel)) return sel;
    compress_obj *c = alloc(vm, type, sizeof(compress_obj));
    if (!c) return MPY_NULL;
    c->data = data;
    c->selectors = sel;
    return mpy_from_obj(c);
}

static mpy_value compress_next(mpy_vm *vm, mpy_value self)
{
    compress_obj *c = (compress_obj *)self.u.o;
    while (!mpy_is_null(c->data)) {
        mpy_value d, s;
        if (!next_item(vm, c->data, &d) || !next_item(vm, c->selectors, &s)) {
            if (!failed(vm)) c->data = c->selectors = MPY_NULL;
            return MPY_NULL;
        }
        int ok = mpy_truth(vm, s);
        if (ok < 0) return MPY_NULL;
        if (ok) return d;
    }
    return MPY_NULL;
}

static void compress_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark(vm, ((compress_obj *)o)->data);
    mpy_gc_mark(vm, ((compress_obj *)o)->selectors);
    mpy_trace_instance_dict(vm, o);
}

/* ------------------------------------------------------------------ types */

static const mpy_method_def repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, 0},
    {NULL, NULL, 0},
};

static const mpy_method_def chain_methods[] = {
    {"from_iterable", chain_from_iterable, MPY_METH_CLASS},
    {NULL, NULL, 0},
};

#define ITER_SPEC(cname, pyname, size, newfn, nextfn, tracefn, ...)                                        \
    static const mpy_type_spec cname##_spec = {                                                             \
        .name = pyname,                                                                                     \
        .flags = MPY_TF_BASETYPE,                                                                           \
        .instance_size = sizeof(size),                                                                      \
        .slots = {.iter = iter_self, .next = nextfn, .new_ = newfn, .trace = tracefn, __VA_ARGS__},         \
    }

ITER_SPEC(count, "count", count_obj, count_new, count_next, count_trace, .repr = count_repr);
ITER_SPEC(repeat, "repeat", repeat_obj, repeat_new, repeat_next, repeat_trace, .repr = repeat_repr);
ITER_SPEC(cycle, "cycle", cycle_obj, cycle_new, cycle_next, cycle_trace);
ITER_SPEC(chain, "chain", chain_obj, chain_new, chain_next, chain_trace);
ITER_SPEC(islice, "islice", islice_obj, islice_new, islice_next, islice_trace);
ITER_SPEC(product, "product", comb_obj, product_new, product_next, comb_trace, .finalize = comb_finalize);
ITER_SPEC(permutations, "permutations", comb_obj, permutations_new, permutations_next, comb_trace,
          .finalize = comb_finalize);
ITER_SPEC(combinations, "combinations", comb_obj, combinations_new, combinations_next, comb_trace,
          .finalize = comb_finalize);
ITER_SPEC(cwr, "combinations_with_replacement", comb_obj, cwr_new, cwr_next, comb_trace,
          .finalize = comb_finalize);
ITER_SPEC(accumulate, "accumulate", accumulate_obj, accumulate_new, accumulate_next, accumulate_trace);
ITER_SPEC(pairwise, "pairwise", pairwise_obj, pairwise_new, pairwise_next, pairwise_trace);
ITER_SPEC(zip_longest, "zip_longest", zip_longest_obj, zip_longest_new, zip_longest_next, zip_longest_trace);
ITER_SPEC(starmap, "starmap", funcit_obj, starmap_new, starmap_next, funcit_trace);
ITER_SPEC(takewhile, "takewhile", funcit_obj, takewhile_new, takewhile_next, funcit_trace);
ITER_SPEC(dropwhile, "dropwhile", funcit_obj, dropwhile_new, dropwhile_next, funcit_trace);
ITER_SPEC(filterfalse, "filterfalse", funcit_obj, filterfalse_new, filterfalse_next, funcit_trace);
ITER_SPEC(compress, "compress", compress_obj, compress_new, compress_next, compress_trace);
#undef ITER_SPEC

static bool add_type(mpy_vm *vm, mpy_module *m, const mpy_type_spec *spec, const mpy_method_def *methods)
{
    mpy_type_spec s = *spec;
    s.methods = methods;
    mpy_type *t = mpy_type_alloc(vm);
    if (!t || !mpy_type_init_builtin(vm, t, &s, vm->types[MPY_TYPE_OBJECT]) ||
        !mpy_class_add_wrappers(vm, t, &s.slots))
        return false;
    t->module = mpy_str_intern_cstr(vm, "itertools");
    return t->module && mpy_dict_set_cstr(vm, t->dict, "__module__", mpy_from_obj(t->module)) &&
           mpy_dict_set_cstr(vm, m->dict, spec->name, mpy_from_obj(t));
}

mpy_module *mpy_module__itertools_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "_itertools");
    if (!m) return NULL;
    bool ok = add_type(vm, m, &count_spec, NULL) && add_type(vm, m, &repeat_spec, repeat_methods) &&
              add_type(vm, m, &cycle_spec, NULL) && add_type(vm, m, &chain_spec, chain_methods) &&
              add_type(vm, m, &islice_spec, NULL) && add_type(vm, m, &product_spec, NULL) &&
              add_type(vm, m, &permutations_spec, NULL) && add_type(vm, m, &combinations_spec, NULL) &&
              add_type(vm, m, &cwr_spec, NULL) && add_type(vm, m, &accumulate_spec, NULL) &&
              add_type(vm, m, &pairwise_spec, NULL) && add_type(vm, m, &zip_longest_spec, NULL) &&
              add_type(vm, m, &starmap_spec, NULL) && add_type(vm, m, &takewhile_spec, NULL) &&
              add_type(vm, m, &dropwhile_spec, NULL) && add_type(vm, m, &filterfalse_spec, NULL) &&
              add_type(vm, m, &compress_spec, NULL);
    return ok ? m : NULL;
}
