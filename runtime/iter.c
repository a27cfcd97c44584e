/* Generic iterators: the sequence iterator, iter(callable, sentinel),
 * enumerate, zip (strict= too), map, filter and reversed.
 *
 * Each keeps the iterators it draws from and returns MPY_NULL without an
 * exception once exhausted (object.h's iterator protocol); an exhausted
 * iterator drops its references so it stays exhausted.
 */
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/seq.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static mpy_value iter_self(mpy_vm *vm, mpy_value self) { return self; }

static mpy_value no_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "cannot create '%s' instances", mpy_type_name(type));
}

static void *alloc_of(mpy_vm *vm, mpy_type *type, size_t size)
{
    return mpy_obj_alloc(vm, type, type->instance_size > size ? type->instance_size : size);
}

/* Is the pending exception one that ends a __getitem__ iteration. */
static bool ends_getitem(mpy_vm *vm)
{
    if (!mpy_err_matches(vm, MPY_EXC_IndexError) && !mpy_err_matches(vm, MPY_EXC_StopIteration)) return false;
    mpy_err_clear(vm);
    return true;
}

/* ------------------------------------------------------ sequence iterator */

typedef struct seq_iter {
    mpy_obj hdr;
    mpy_value seq; /* MPY_NULL once exhausted */
    int64_t i;
} seq_iter;

mpy_value mpy_seqiter_new(mpy_vm *vm, mpy_value seq)
{
    seq_iter *it = mpy_obj_alloc(vm, vm->types[MPY_TYPE_ITER_SEQ], sizeof(seq_iter));
    if (!it) return MPY_NULL;
    it->seq = seq;
    return mpy_from_obj(it);
}

static mpy_value seq_iter_next(mpy_vm *vm, mpy_value self)
{
    seq_iter *it = (seq_iter *)self.u.o;
    if (mpy_is_null(it->seq)) return MPY_NULL;
    mpy_value v = mpy_getitem(vm, it->seq, mpy_from_int(it->i));
    if (mpy_is_null(v)) {
        if (ends_getitem(vm)) it->seq = MPY_NULL;
        return MPY_NULL;
    }
    it->i++;
    return v;
}

static void seq_iter_trace(mpy_vm *vm, mpy_obj *o) { mpy_gc_mark(vm, ((seq_iter *)o)->seq); }

const mpy_type_spec mpy_iterator_spec = {
    .name = "iterator",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(seq_iter),
    .slots = {.iter = iter_self, .next = seq_iter_next, .trace = seq_iter_trace, .new_ = no_new},
};

/* ------------------------------------------------------ callable iterator */

typedef struct callable_iter {
    mpy_obj hdr;
    mpy_value callable; /* MPY_NULL once exhausted */
    mpy_value sentinel;
} callable_iter;

mpy_value mpy_callable_iter_new(mpy_vm *vm, mpy_value callable, mpy_value sentinel)
{
    callable_iter *it = mpy_obj_alloc(vm, vm->types[MPY_TYPE_ITER_CALLABLE], sizeof(callable_iter));
    if (!it) return MPY_NULL;
    it->callable = callable;
    it->sentinel = sentinel;
    return mpy_from_obj(it);
}

static mpy_value callable_iter_next(mpy_vm *vm, mpy_value self)
{
    callable_iter *it = (callable_iter *)self.u.o;
    if (mpy_is_null(it->callable)) return MPY_NULL;
    mpy_value v = mpy_call0(vm, it->callable);
    if (mpy_is_null(v)) {
        if (mpy_err_matches(vm, MPY_EXC_StopIteration)) {
            mpy_err_clear(vm);
            it->callable = MPY_NULL;
        }
        return MPY_NULL;
    }
    int eq = mpy_eq(vm, v, it->sentinel);
    if (eq < 0) return MPY_NULL;
    if (eq) {
        it->callable = MPY_NULL;
        return MPY_NULL;
    }
    return v;
}

static void callable_iter_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark(vm, ((callable_iter *)o)->callable);
    mpy_gc_mark(vm, ((callable_iter *)o)->sentinel);
}

const mpy_type_spec mpy_callable_iterator_spec = {
    .name = "callable_iterator",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(callable_iter),
    .slots = {.iter = iter_self, .next = callable_iter_next, .trace = callable_iter_trace, .new_ = no_new},
};

/* ------------------------------------------------------------- enumerate */

typedef struct enumerate_obj {
    mpy_obj hdr;
    mpy_value it;
    mpy_value count; /* an int; a big one after int64 overflow */
} enumerate_obj;

static mpy_value enumerate_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value iterable = argc > 0 ? args[0] : MPY_NULL, start = argc > 1 ? args[1] : MPY_NULL;
    int nkw = kw ? (int)kw->len : 0;
    if (argc + nkw > 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "enumerate() takes at most 2 arguments (%d given)", argc + nkw);
    for (int k = 0; k < nkw; k++) {
        mpy_str *name = mpy_as_str(kw->items[k]);
        mpy_value v = args[argc + k];
        if (strcmp(name->data, "iterable") == 0 && argc < 1) iterable = v;
        else if (name == vm->names.start || strcmp(name->data, "start") == 0) start = v;
        else
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' is an invalid keyword argument for enumerate()",
                                 name->data);
    }
    if (mpy_is_null(iterable))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "enumerate() missing required argument 'iterable'");
    if (mpy_is_null(start)) start = mpy_from_int(0);
    else if (!mpy_is_smallint(start)) {
        int64_t i;
        if (mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, start), vm->names.__index__)))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                                 mpy_tname(vm, start));
        if (mpy_is_intlike(vm, start)) {
            if (mpy_index(vm, start, &i)) start = mpy_from_int(i);
            else mpy_err_clear(vm); /* a big int: keep it, counting goes through int + */
        } else if (!mpy_index(vm, start, &i)) {
            return MPY_NULL;
        } else {
            start = mpy_from_int(i);
        }
    } else {
        start = mpy_from_int(start.u.i);
    }
    mpy_value it = mpy_iter(vm, iterable);
    if (mpy_is_null(it)) return it;
    enumerate_obj *e = alloc_of(vm, type, sizeof(enumerate_obj));
    if (!e) return MPY_NULL;
    e->it = it;
    e->count = start;
    return mpy_from_obj(e);
}

static mpy_value enumerate_next(mpy_vm *vm, mpy_value self)
{
    enumerate_obj *e = (enumerate_obj *)self.u.o;
    mpy_value v = mpy_next(vm, e->it);
    if (mpy_is_null(v)) return v;
    mpy_value n = e->count, next;
    if (mpy_is_int(n) && n.u.i < INT64_MAX) next = mpy_from_int(n.u.i + 1);
    else next = mpy_binary_op(vm, MPY_BINOP_ADD, n, mpy_from_int(1));
    if (mpy_is_null(next)) return next;
    e->count = next;
    mpy_tuple *t = mpy_tuple_pack(vm, 2, n, v);
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static void enumerate_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark(vm, ((enumerate_obj *)o)->it);
    mpy_gc_mark(vm, ((enumerate_obj *)o)->count);
    mpy_trace_instance_dict(vm, o);
}

const mpy_type_spec mpy_enumerate_spec = {
    .name = "enumerate",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(enumerate_obj),
    .slots = {.iter = iter_self, .next = enumerate_next, .trace = enumerate_trace, .new_ = enumerate_new_, .init = mpy_init_noop},
};

/* ------------------------------------------------------------------- zip */

typedef struct zip_obj {
    mpy_obj hdr;
    mpy_tuple *its; /* NULL once exhausted */
    bool strict;
} zip_obj;

static mpy_value zip_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    bool strict = false;
    if (kw && kw->len) {
        if (kw->len > 1)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "zip() takes at most 1 keyword argument (%zu given)", kw->len);
        mpy_str *name = mpy_as_str(kw->items[0]);
        if (strcmp(name->data, "strict") != 0)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' is an invalid keyword argument for zip()", name->data);
        int t = mpy_truth(vm, args[argc]);
        if (t < 0) return MPY_NULL;
        strict = t;
    }
    mpy_tuple *its = mpy_tuple_new(vm, (size_t)argc);
    if (!its) return MPY_NULL;
    if (argc) {
        /* A private tuple even for one iterator (never the shared empty). */
        for (int i = 0; i < argc; i++) {
            its->items[i] = mpy_iter(vm, args[i]);
            if (mpy_is_null(its->items[i])) return MPY_NULL;
        }
    }
    zip_obj *z = alloc_of(vm, type, sizeof(zip_obj));
    if (!z) return MPY_NULL;
    z->its = its;
    z->strict = strict;
    return mpy_from_obj(z);
}

/* strict=True: iterator i (0-based) ran out; check the others agree. */
static mpy_value zip_strict_check(mpy_vm *vm, zip_obj *z, size_t i)
{
    mpy_tuple *its = z->its;
    z->its = NULL;
    if (i > 0)
        return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "zip() argument %zu is shorter than argument%s%zu", i + 1,
                             i == 1 ? " " : "s 1-", i);
    for (i = 1; i < its->len; i++) {
        mpy_value v = mpy_next(vm, its->items[i]);
        if (!mpy_is_null(v))
            return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "zip() argument %zu is longer than argument%s%zu", i + 1,
                                 i == 1 ? " " : "s 1-", i);
        if (mpy_err_occurred(vm)) return MPY_NULL;
    }
    return MPY_NULL;
}

static mpy_value zip_next(mpy_vm *vm, mpy_value self)
{
    zip_obj *z = (zip_obj *)self.u.o;
    if (!z->its || z->its->len == 0) return MPY_NULL;
    size_t n = z->its->len;
    mpy_tuple *t = mpy_tuple_new(vm, n);
    if (!t) return MPY_NULL;
    for (size_t i = 0; i < n; i++) {
        mpy_value v = mpy_next(vm, z->its->items[i]);
        if (mpy_is_null(v)) {
            if (mpy_err_occurred(vm)) return MPY_NULL;
            if (z->strict) return zip_strict_check(vm, z, i);
            z->its = NULL;
            return MPY_NULL;
        }
        t->items[i] = v;
    }
    return mpy_from_obj(t);
}

static void zip_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark_obj(vm, (mpy_obj *)((zip_obj *)o)->its);
    mpy_trace_instance_dict(vm, o);
}

const mpy_type_spec mpy_zip_spec = {
    .name = "zip",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(zip_obj),
    .slots = {.iter = iter_self, .next = zip_next, .trace = zip_trace, .new_ = zip_new_, .init = mpy_init_noop},
};

/* ------------------------------------------------------------------- map */

typedef struct map_obj {
    mpy_obj hdr;
    mpy_value func;
    mpy_tuple *its;
} map_obj;

static mpy_value map_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (type == vm->types[MPY_TYPE_MAP] && !mpy_no_kwargs(vm, "map", kw)) return MPY_NULL;
    if (argc < 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "map() must have at least two arguments.");
    mpy_tuple *its = mpy_tuple_new(vm, (size_t)argc - 1);
    if (!its) return MPY_NULL;
    for (int i = 1; i < argc; i++) {
        its->items[i - 1] = mpy_iter(vm, args[i]);
        if (mpy_is_null(its->items[i - 1])) return MPY_NULL;
    }
    map_obj *m = alloc_of(vm, type, sizeof(map_obj));
    if (!m) return MPY_NULL;
    m->func = args[0];
    m->its = its;
    return mpy_from_obj(m);
}

static mpy_value map_next(mpy_vm *vm, mpy_value self)
{
    map_obj *m = (map_obj *)self.u.o;
    size_t n = m->its->len;
    mpy_value small[8], *a = small;
    if (n > 8) {
        a = mpy_mem_realloc(vm, NULL, 0, n * sizeof(mpy_value));
        if (!a) return MPY_NULL;
    }
    mpy_value r = MPY_NULL;
    size_t i = 0;
    for (; i < n; i++) {
        a[i] = mpy_next(vm, m->its->items[i]);
        if (mpy_is_null(a[i])) break;
    }
    if (i == n) r = mpy_call(vm, m->func, (int)n, a, NULL);
    if (a != small) mpy_mem_free(vm, a, n * sizeof(mpy_value));
    return r;
}

static void map_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark(vm, ((map_obj *)o)->func);
    mpy_gc_mark_obj(vm, (mpy_obj *)((map_obj *)o)->its);
    mpy_trace_instance_dict(vm, o);
}

const mpy_type_spec mpy_map_spec = {
    .name = "map",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(map_obj),
    .slots = {.iter = iter_self, .next = map_next, .trace = map_trace, .new_ = map_new_, .init = mpy_init_noop},
};

/* ---------------------------------------------------------------- filter */

typedef struct filter_obj {
    mpy_obj hdr;
    mpy_value func; /* None: keep true items */
    mpy_value it;
} filter_obj;

static mpy_value filter_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (type == vm->types[MPY_TYPE_FILTER] && !mpy_no_kwargs(vm, "filter", kw)) return MPY_NULL;
    if (argc != 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "filter expected 2 arguments, got %d", argc);
    mpy_value it = mpy_iter(vm, args[1]);
    if (mpy_is_null(it)) return it;
    filter_obj *f = alloc_of(vm, type, sizeof(filter_obj));
    if (!f) return MPY_NULL;
    f->func = args[0];
    f->it = it;
    return mpy_from_obj(f);
}

static mpy_value filter_next(mpy_vm *vm, mpy_value self)
{
    filter_obj *f = (filter_obj *)self.u.o;
    bool plain = mpy_is_none(f->func) || mpy_is(f->func, mpy_from_obj(vm->types[MPY_TYPE_BOOL]));
    for (;;) {
        mpy_value v = mpy_next(vm, f->it);
        if (mpy_is_null(v)) return v;
        int t;
        if (plain) {
            t = mpy_truth(vm, v);
        } else {
            mpy_value r = mpy_call1(vm, f->func, v);
            if (mpy_is_null(r)) return r;
            t = mpy_truth(vm, r);
        }
        if (t < 0) return MPY_NULL;
        if (t) return v;
    }
}

static void filter_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark(vm, ((filter_obj *)o)->func);
    mpy_gc_mark(vm, ((filter_obj *)o)->it);
    mpy_trace_instance_dict(vm, o);
}

const mpy_type_spec mpy_filter_spec = {
    .name = "filter",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(filter_obj),
    .slots = {.iter = iter_self, .next = filter_next, .trace = filter_trace, .new_ = filter_new_, .init = mpy_init_noop},
};

/* -------------------------------------------------------------- reversed */

typedef struct reversed_obj {
    mpy_obj hdr;
    mpy_value seq; /* MPY_NULL once exhausted */
    int64_t i;
} reversed_obj;

static mpy_value reversed_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (type == vm->types[MPY_TYPE_REVERSED] && !mpy_no_kwargs(vm, "reversed", kw)) return MPY_NULL;
    if (argc != 1) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "reversed expected 1 argument, got %d", argc);
    mpy_value seq = args[0];
    mpy_type *t = mpy_typeof(vm, seq);
    mpy_value m = mpy_type_lookup(vm, t, vm->names.__reversed__);
    if (!mpy_is_null(m) && !mpy_is_none(m)) {
        mpy_value bound = mpy_getattr(vm, seq, vm->names.__reversed__);
        return mpy_is_null(bound) ? bound : mpy_call0(vm, bound);
    }
    /* A sequence (CPython's PySequence_Check: __getitem__, not a dict)
     * without __len__ gets len()'s "has no len()" error below. */
    if (!mpy_is_null(m) || !t->slots.getitem || mpy_is_sub(vm, seq, MPY_TYPE_DICT))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' object is not reversible", mpy_type_name(t));
    int64_t n = mpy_len(vm, seq);
    if (n < 0) return MPY_NULL;
    reversed_obj *r = alloc_of(vm, type, sizeof(reversed_obj));
    if (!r) return MPY_NULL;
    r->seq = seq;
    r->i = n - 1;
    return mpy_from_obj(r);
}

static mpy_value reversed_next(mpy_vm *vm, mpy_value self)
{
    reversed_obj *r = (reversed_obj *)self.u.o;
    if (mpy_is_null(r->seq) || r->i < 0) {
        r->seq = MPY_NULL;
        return MPY_NULL;
    }
    mpy_value v = mpy_getitem(vm, r->seq, mpy_from_int(r->i));
    if (mpy_is_null(v)) {
        if (ends_getitem(vm)) r->seq = MPY_NULL;
        return MPY_NULL;
    }
    r->i--;
    return v;
}

static mpy_value reversed_m_length_hint(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    reversed_obj *r = (reversed_obj *)args[0].u.o;
    return mpy_from_int(mpy_is_null(r->seq) || r->i < 0 ? 0 : r->i + 1);
}

static void reversed_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark(vm, ((reversed_obj *)o)->seq);
    mpy_trace_instance_dict(vm, o);
}

static const mpy_method_def reversed_methods[] = {
    {"__length_hint__", reversed_m_length_hint, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

const mpy_type_spec mpy_reversed_spec = {
    .name = "reversed",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(reversed_obj),
    .slots = {.iter = iter_self, .next = reversed_next, .trace = reversed_trace, .new_ = reversed_new_, .init = mpy_init_noop},
    .methods = reversed_methods,
};
