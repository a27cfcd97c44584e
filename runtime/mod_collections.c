/* The _collections module: deque, the part of `collections` written in C.
 *
 * A deque is a ring buffer of values: `cap` slots (a power of two, so an
 * index wraps with a mask), `len` of them in use from `head`.  Appends and
 * pops at either end are O(1) amortized, indexing is O(1), which is what
 * breadth-first searches and sliding windows want.  With a maxlen, adding
 * to a full deque first drops an item from the other end, as in CPython.
 *
 * Iterators remember the deque's `state`, a counter bumped by every
 * mutation, and raise RuntimeError "deque mutated during iteration" when
 * it changed, like CPython.
 *
 * The types are made per VM when the module is first imported.  The deque
 * type object is allocated with room for the two iterator types after it
 * (deque_type below), so the iterators can be made without looking
 * anything up; the module dict keeps all three reachable for the GC.
 *
 * The module also has _caller_module(depth), the __name__ of the globals
 * of the Python frame `depth` levels above the caller: collections.py's
 * namedtuple uses it to set the new class's __module__ (CPython reads
 * sys._getframe(1), which minipy does not have).
 */
#include <string.h>

#include "vm/state.h"
#include "vm/frame.h"
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

/* In runtime/class.c (declared in vm/state.c only): adds the __len__,
 * __getitem__ ... wrappers of the slots a built-in type defines. */
bool mpy_class_add_wrappers(mpy_vm *vm, mpy_type *t, const mpy_slots *own);

typedef struct deque {
    mpy_obj hdr;
    mpy_value *buf;
    size_t cap, head, len;
    int64_t maxlen;  /* -1: unbounded */
    uint64_t state;  /* bumped by every mutation */
} deque;

/* The deque type object followed by its iterator types. */
typedef struct deque_type {
    mpy_type type;
    mpy_type *iter_type, *rev_iter_type;
} deque_type;

typedef struct deque_iter {
    mpy_obj hdr;
    deque *dq;      /* NULL once exhausted */
    size_t index;   /* next logical index (counting from the start or the end) */
    uint64_t state;
} deque_iter;

static void deque_trace(mpy_vm *vm, mpy_obj *o);

/* The built-in deque type in v's type's MRO, or NULL when v is no deque. */
static deque_type *deque_base(mpy_vm *vm, mpy_value v)
{
    if (!mpy_is_obj(v)) return NULL;
    mpy_type *t = mpy_typeof(vm, v);
    for (size_t i = 0; i < t->mro->len; i++) {
        mpy_type *b = (mpy_type *)t->mro->items[i].u.o;
        if (!(b->flags & MPY_TF_HEAP) && b->slots.trace == deque_trace) return (deque_type *)b;
    }
    return NULL;
}

static inline mpy_value *slot_at(deque *d, size_t i) { return &d->buf[(d->head + i) & (d->cap - 1)]; }

static bool grow(mpy_vm *vm, deque *d)
{
    size_t ncap = d->cap ? d->cap * 2 : 8;
    mpy_value *nb = mpy_mem_realloc(vm, NULL, 0, ncap * sizeof(mpy_value));
    if (!nb) return false;
    for (size_t i = 0; i < d->len; i++) nb[i] = *slot_at(d, i);
    for (size_t i = d->len; i < ncap; i++) nb[i] = MPY_NULL;
    mpy_mem_free(vm, d->buf, d->cap * sizeof(mpy_value));
    d->buf = nb;
    d->cap = ncap;
    d->head = 0;
    return true;
}

static mpy_value pop_right(deque *d)
{
    mpy_value *s = slot_at(d, d->len - 1);
    mpy_value v = *s;
    *s = MPY_NULL;
    d->len--;
    d->state++;
    return v;
}

static mpy_value pop_left(deque *d)
{
    mpy_value *s = slot_at(d, 0);
    mpy_value v = *s;
    *s = MPY_NULL;
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    d->state++;
    return v;
}

static bool push_right(mpy_vm *vm, deque *d, mpy_value v)
{
    if (d->maxlen == 0) return true;
    if (d->maxlen > 0 && (int64_t)d->len >= d->maxlen) pop_left(d);
    if (d->len == d->cap && !grow(vm, d)) return false;
    *slot_at(d, d->len) = v;
    d->len++;
    d->state++;
    return true;
}

static bool push_left(mpy_vm *vm, deque *d, mpy_value v)
{
    if (d->maxlen == 0) return true;
    if (d->maxlen > 0 && (int64_t)d->len >= d->maxlen) pop_right(d);
    if (d->len == d->cap && !grow(vm, d)) return false;
    d->head = (d->head + d->cap - 1) & (d->cap - 1);
    d->buf[d->head] = v;
    d->len++;
    d->state++;
    return true;
}

static void clear(deque *d)
{
    for (size_t i = 0; i < d->len; i++) *slot_at(d, i) = MPY_NULL;
    d->len = 0;
    d->head = 0;
    d->state++;
}

/* The items as a new tuple (a snapshot for comparisons and copies). */
static mpy_tuple *snapshot(mpy_vm *vm, deque *d)
{
    mpy_tuple *t = mpy_tuple_new(vm, d->len);
    if (!t) return NULL;
    for (size_t i = 0; i < d->len; i++) t->items[i] = *slot_at(d, i);
    return t;
}

/* Appends the items of iterable at the right (left: at the left). */
static bool extend(mpy_vm *vm, deque *d, mpy_value iterable, bool left)
{
    /* d.extend(d): iterate over a snapshot, as the deque changes. */
    if (iterable.tag == MPY_TAG_OBJ && iterable.u.o == (mpy_obj *)d) {
        mpy_tuple *t = snapshot(vm, d);
        if (!t) return false;
        iterable = mpy_from_obj(t);
    }
    mpy_value it = mpy_iter(vm, iterable);
    if (mpy_is_null(it)) return false;
    for (;;) {
        mpy_value v = mpy_next(vm, it);
        if (mpy_is_null(v)) return !vm->exc.tag;
        if (!(left ? push_left(vm, d, v) : push_right(vm, d, v))) return false;
    }
}

/* --------------------------------------------------------------- creation */

static mpy_value deque_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    deque *d = mpy_obj_alloc(vm, type, type->instance_size > sizeof(deque) ? type->instance_size : sizeof(deque));
    if (!d) return MPY_NULL;
    d->maxlen = -1;
    return mpy_from_obj(d);
}

static bool deque_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[2];
    argc--; /* args[0] is self */
    args++;
    if (argc + mpy_args_nkw(kw) > 2)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "deque() takes at most 2 arguments (%d given)",
                           argc + mpy_args_nkw(kw));
    if (!mpy_args_parse(vm, "deque", argc, args, kw, "iterable=,maxlen=", a)) return false;
    deque *d = (deque *)self.u.o;
    int64_t maxlen = -1;
    if (!mpy_is_null(a[1]) && !mpy_is_none(a[1])) {
        if (!mpy_is_intlike(vm, a[1])) return mpy_err_msg(vm, MPY_EXC_TypeError, "an integer is required");
        if (!mpy_index_big(vm, a[1], MPY_INDEX_BIG_SSIZE, &maxlen)) return false;
        if (maxlen < 0) return mpy_err_msg(vm, MPY_EXC_ValueError, "maxlen must be non-negative");
    }
    d->maxlen = maxlen;
    if (d->len) clear(d);
    return mpy_is_null(a[0]) || extend(vm, d, a[0], false);
}

static void deque_trace(mpy_vm *vm, mpy_obj *o)
{
    deque *d = (deque *)o;
    for (size_t i = 0; i < d->len; i++) mpy_gc_mark(vm, *slot_at(d, i));
    mpy_trace_instance_dict(vm, o);
}

static void deque_finalize(mpy_vm *vm, mpy_obj *o)
{
    deque *d = (deque *)o;
    mpy_mem_free(vm, d->buf, d->cap * sizeof(mpy_value));
    d->buf = NULL;
    d->cap = d->len = 0;
}

/* A new empty deque of self's type with self's maxlen (copy, +, *). */
static deque *like(mpy_vm *vm, mpy_value self)
{
    deque *d = (deque *)self.u.o;
    mpy_type *t = mpy_typeof(vm, self);
    mpy_value r;
    if (t->flags & MPY_TF_HEAP) {
        /* A subclass: call it as CPython does, type(d)(d, maxlen). */
        mpy_value args[2] = {self, d->maxlen < 0 ? MPY_NONE : mpy_from_int(d->maxlen)};
        r = mpy_call(vm, mpy_from_obj(t), 2, args, NULL);
        if (mpy_is_null(r)) return NULL;
        if (!deque_base(vm, r))
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() must return a deque, not %s", mpy_type_name(t),
                               mpy_tname(vm, r)), NULL;
        return (deque *)r.u.o;
    }
    r = deque_new(vm, t, 0, NULL, NULL);
    if (mpy_is_null(r)) return NULL;
    ((deque *)r.u.o)->maxlen = d->maxlen;
    for (size_t i = 0; i < d->len; i++)
        if (!push_right(vm, (deque *)r.u.o, *slot_at(d, i))) return NULL;
    return (deque *)r.u.o;
}

/* ---------------------------------------------------------------- methods */

#define SELF ((deque *)args[0].u.o)

static mpy_value dq_append(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "deque.append", argc - 1, kw)) return MPY_NULL;
    return push_right(vm, SELF, args[1]) ? MPY_NONE : MPY_NULL;
}

static mpy_value dq_appendleft(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "deque.appendleft", argc - 1, kw)) return MPY_NULL;
    return push_left(vm, SELF, args[1]) ? MPY_NONE : MPY_NULL;
}

static mpy_value dq_pop(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "deque.pop", argc - 1, kw)) return MPY_NULL;
    if (!SELF->len) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "pop from an empty deque");
    return pop_right(SELF);
}

static mpy_value dq_popleft(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "deque.popleft", argc - 1, kw)) return MPY_NULL;
    if (!SELF->len) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "pop from an empty deque");
    return pop_left(SELF);
}

static mpy_value dq_extend(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "deque.extend", argc - 1, kw)) return MPY_NULL;
    return extend(vm, SELF, args[1], false) ? MPY_NONE : MPY_NULL;
}

static mpy_value dq_extendleft(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "deque.extendleft", argc - 1, kw)) return MPY_NULL;
    return extend(vm, SELF, args[1], true) ? MPY_NONE : MPY_NULL;
}

static mpy_value dq_clear(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "deque.clear", argc - 1, kw)) return MPY_NULL;
    clear(SELF);
    return MPY_NONE;
}

static mpy_value dq_copy(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "deque.copy", argc - 1, kw)) return MPY_NULL;
    deque *r = like(vm, args[0]);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static mpy_value dq_rotate(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "deque.rotate", argc - 1, kw, 0, 1)) return MPY_NULL;
    int64_t n = 1;
    if (argc > 1 && !mpy_index_big(vm, args[1], MPY_INDEX_BIG_SSIZE, &n)) return MPY_NULL;
    deque *d = SELF;
    if (d->len <= 1) return MPY_NONE;
    int64_t len = (int64_t)d->len;
    n %= len;
    if (n < 0) n += len;
    if (!n) return MPY_NONE;
    /* Moving the last n items to the front: when the buffer is full this
     * is just moving head; otherwise items are moved one by one along the
     * shorter way round. */
    if (d->len == d->cap) {
        d->head = (d->head + d->cap - (size_t)n) & (d->cap - 1);
    } else if (n <= len / 2) {
        for (int64_t i = 0; i < n; i++) {
            mpy_value v = pop_right(d);
            d->head = (d->head + d->cap - 1) & (d->cap - 1);
            d->buf[d->head] = v;
            d->len++;
        }
    } else {
        for (int64_t i = 0; i < len - n; i++) {
            mpy_value v = pop_left(d);
            *slot_at(d, d->len) = v;
            d->len++;
        }
    }
    d->state++;
    return MPY_NONE;
}

static mpy_value dq_reverse(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "deque.reverse", argc - 1, kw)) return MPY_NULL;
    deque *d = SELF;
    for (size_t i = 0, j = d->len ? d->len - 1 : 0; i < j; i++, j--) {
        mpy_value t = *slot_at(d, i);
        *slot_at(d, i) = *slot_at(d, j);
        *slot_at(d, j) = t;
    }
    d->state++;
    return MPY_NONE;
}

static mpy_value dq_count(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "deque.count", argc - 1, kw)) return MPY_NULL;
    deque *d = SELF;
    uint64_t state = d->state;
    int64_t n = 0;
    for (size_t i = 0; i < d->len; i++) {
        int eq = mpy_eq(vm, *slot_at(d, i), args[1]);
        if (eq < 0) return MPY_NULL;
        if (d->state != state) return mpy_err_fmt_v(vm, MPY_EXC_RuntimeError, "deque mutated during iteration");
        n += eq;
    }
    return mpy_from_int(n);
}

/* Index of the first item equal to v in [lo, hi), -1 if none, -2 on error.
 * A mutation by __eq__ raises `mutated` "deque mutated during iteration":
 * RuntimeError for index(), but IndexError for remove() in CPython. */
static int64_t find(mpy_vm *vm, deque *d, mpy_value v, size_t lo, size_t hi, mpy_exc_id mutated)
{
    uint64_t state = d->state;
    for (size_t i = lo; i < hi && i < d->len; i++) {
        int eq = mpy_eq(vm, *slot_at(d, i), v);
        if (eq < 0) return -2;
        if (d->state != state) {
            mpy_err_msg(vm, mutated, "deque mutated during iteration");
            return -2;
        }
        if (eq) return (int64_t)i;
    }
    return -1;
}

static mpy_value dq_index(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "index", argc - 1, kw, 1, 3)) return MPY_NULL;
    deque *d = SELF;
    size_t lo = 0, hi = d->len;
    if (!mpy_seq_bounds(vm, argc - 2, args + 2, d->len, &lo, &hi)) return MPY_NULL;
    int64_t i = find(vm, d, args[1], lo, hi, MPY_EXC_RuntimeError);
    if (i == -2) return MPY_NULL;
    if (i < 0) {
        mpy_value r = mpy_repr(vm, args[1]);
        if (mpy_is_null(r)) return r;
        return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "%s is not in deque", mpy_as_str(r)->data);
    }
    return mpy_from_int(i);
}

/* Removes the item at logical index i (0 <= i < len). */
static void remove_at(deque *d, size_t i)
{
    if (i < d->len / 2) {
        for (size_t k = i; k > 0; k--) *slot_at(d, k) = *slot_at(d, k - 1);
        pop_left(d);
    } else {
        for (size_t k = i; k + 1 < d->len; k++) *slot_at(d, k) = *slot_at(d, k + 1);
        pop_right(d);
    }
}

static mpy_value dq_remove(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "deque.remove", argc - 1, kw)) return MPY_NULL;
    deque *d = SELF;
    int64_t i = find(vm, d, args[1], 0, d->len, MPY_EXC_IndexError);
    if (i == -2) return MPY_NULL;
    if (i < 0) {
        mpy_value r = mpy_repr(vm, args[1]);
        if (mpy_is_null(r)) return r;
        return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "%s is not in deque", mpy_as_str(r)->data);
    }
    remove_at(d, (size_t)i);
    return MPY_NONE;
}

static mpy_value dq_insert(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "insert", argc - 1, kw, 2, 2)) return MPY_NULL;
    deque *d = SELF;
    int64_t i;
    if (!mpy_index_big(vm, args[1], MPY_INDEX_BIG_SSIZE, &i)) return MPY_NULL;
    if (d->maxlen >= 0 && (int64_t)d->len >= d->maxlen)
        return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "deque already at its maximum size");
    int64_t n = (int64_t)d->len;
    if (i < 0) i = i + n < 0 ? 0 : i + n;
    if (i > n) i = n;
    if (!push_right(vm, d, args[2])) return MPY_NULL;
    for (int64_t k = n; k > i; k--) *slot_at(d, (size_t)k) = *slot_at(d, (size_t)k - 1);
    *slot_at(d, (size_t)i) = args[2];
    return MPY_NONE;
}

static mpy_value dq_reduce(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "__reduce__", argc - 1, kw)) return MPY_NULL;
    deque *d = SELF;
    mpy_list *l = mpy_list_new(vm, d->len);
    if (!l) return MPY_NULL;
    for (size_t i = 0; i < d->len; i++)
        if (!mpy_list_append(vm, l, *slot_at(d, i))) return MPY_NULL;
    mpy_tuple *ctor = mpy_tuple_pack(vm, 2, mpy_from_obj(l), d->maxlen < 0 ? MPY_NONE : mpy_from_int(d->maxlen));
    mpy_tuple *r = ctor ? mpy_tuple_pack(vm, 2, mpy_from_obj(mpy_typeof(vm, args[0])), mpy_from_obj(ctor)) : NULL;
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static mpy_value dq_reversed(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw);

static mpy_value maxlen_get(mpy_vm *vm, mpy_value self)
{
    deque *d = (deque *)self.u.o;
    return d->maxlen < 0 ? MPY_NONE : mpy_from_int(d->maxlen);
}

/* ------------------------------------------------------------------ slots */

static int64_t deque_len(mpy_vm *vm, mpy_value self) { return (int64_t)((deque *)self.u.o)->len; }

/* An index argument: an int, else CPython's sq_item message.  An int
 * beyond 64 bits is an IndexError for d[i] but an OverflowError when
 * storing or deleting (CPython's sq_ass_item path). */
static bool item_index(mpy_vm *vm, deque *d, mpy_value key, mpy_index_big_err how, size_t *out)
{
    if (!mpy_is_intlike(vm, key) &&
        mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, key), vm->names.__index__)))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "sequence index must be integer, not '%s'", mpy_tname(vm, key));
    /* Converted before the length is read: __index__ can resize d. */
    int64_t i;
    if (!mpy_index_big(vm, key, how, &i)) return false;
    return mpy_seq_index(vm, mpy_from_int(i), d->len, "deque", out);
}

static mpy_value deque_getitem(mpy_vm *vm, mpy_value self, mpy_value key)
{
    deque *d = (deque *)self.u.o;
    size_t i;
    if (!item_index(vm, d, key, MPY_INDEX_BIG_INDEXERROR, &i)) return MPY_NULL;
    return *slot_at(d, i);
}

static bool deque_setitem(mpy_vm *vm, mpy_value self, mpy_value key, mpy_value value)
{
    deque *d = (deque *)self.u.o;
    size_t i;
    if (!item_index(vm, d, key, MPY_INDEX_BIG_OVERFLOW, &i)) return false;
    if (mpy_is_null(value)) {
        remove_at(d, i);
    } else {
        *slot_at(d, i) = value;
    }
    return true;
}

static int deque_contains(mpy_vm *vm, mpy_value self, mpy_value item)
{
    deque *d = (deque *)self.u.o;
    int64_t i = find(vm, d, item, 0, d->len, MPY_EXC_RuntimeError);
    return i == -2 ? -1 : i >= 0;
}

static int deque_truth(mpy_vm *vm, mpy_value self) { return ((deque *)self.u.o)->len != 0; }

static mpy_value deque_repr(mpy_vm *vm, mpy_value self)
{
    deque *d = (deque *)self.u.o;
    const char *name = mpy_type_name(mpy_typeof(vm, self));
    if (mpy_repr_enter(vm, self)) return mpy_from_obj(mpy_str_from_cstr(vm, "[...]"));
    mpy_tuple *t = snapshot(vm, d);
    mpy_value items = t ? mpy_seq_repr(vm, t->items, t->len, "[", "]") : MPY_NULL;
    mpy_repr_leave(vm, self);
    if (mpy_is_null(items)) return items;
    mpy_str *s = d->maxlen < 0 ? mpy_str_printf(vm, "%s(%s)", name, mpy_as_str(items)->data)
                               : mpy_str_printf(vm, "%s(%s, maxlen=%lld)", name, mpy_as_str(items)->data,
                                                (long long)d->maxlen);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static mpy_value deque_richcmp(mpy_vm *vm, mpy_value self, mpy_value other, mpy_cmpop op)
{
    if (!deque_base(vm, self) || !deque_base(vm, other)) return mpy_notimpl(vm);
    mpy_tuple *a = snapshot(vm, (deque *)self.u.o);
    mpy_tuple *b = a ? snapshot(vm, (deque *)other.u.o) : NULL;
    if (!b) return MPY_NULL;
    return mpy_seq_compare(vm, a->items, a->len, b->items, b->len, op);
}

/* + (deque + deque), * (deque * int, int * deque) and their in-place
 * forms (+= takes any iterable, as extend). */
static mpy_value deque_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    bool inplace = op >= MPY_BINOP_COUNT;
    mpy_binop base = inplace ? (mpy_binop)(op - MPY_BINOP_COUNT) : op;
    bool a_is = deque_base(vm, a) != NULL;
    if (base == MPY_BINOP_ADD) {
        if (!a_is) return mpy_notimpl(vm);
        if (inplace) return extend(vm, (deque *)a.u.o, b, false) ? a : MPY_NULL;
        if (!deque_base(vm, b))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "can only concatenate deque (not \"%s\") to deque",
                                 mpy_tname(vm, b));
        deque *r = like(vm, a);
        return r && extend(vm, r, b, false) ? mpy_from_obj(r) : MPY_NULL;
    }
    if (base == MPY_BINOP_MUL) {
        mpy_value dv = a_is ? a : b, nv = a_is ? b : a;
        if (!mpy_is_intlike(vm, nv) &&
            mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, nv), vm->names.__index__)))
            return mpy_notimpl(vm);
        int64_t n;
        if (!mpy_index_big(vm, nv, MPY_INDEX_BIG_OVERFLOW, &n)) return MPY_NULL;
        deque *src = (deque *)dv.u.o;
        deque *r = inplace && a_is ? src : like(vm, dv);
        if (!r) return MPY_NULL;
        mpy_tuple *items = snapshot(vm, src);
        if (!items) return MPY_NULL;
        if (n <= 0) {
            clear(r);
            return mpy_from_obj(r);
        }
        /* With a maxlen only the last maxlen items can survive. */
        for (int64_t k = 1; k < n; k++) {
            if (r->maxlen >= 0 && (int64_t)r->len >= r->maxlen && (int64_t)items->len >= r->maxlen) break;
            for (size_t i = 0; i < items->len; i++)
                if (!push_right(vm, r, items->items[i])) return MPY_NULL;
        }
        return mpy_from_obj(r);
    }
    return mpy_notimpl(vm);
}

/* -------------------------------------------------------------- iterators */

static mpy_value make_iter(mpy_vm *vm, mpy_value self, bool rev)
{
    deque_type *dt = deque_base(vm, self);
    deque_iter *it = mpy_obj_alloc(vm, rev ? dt->rev_iter_type : dt->iter_type, sizeof(deque_iter));
    if (!it) return MPY_NULL;
    it->dq = (deque *)self.u.o;
    it->state = it->dq->state;
    return mpy_from_obj(it);
}

static mpy_value deque_iter_slot(mpy_vm *vm, mpy_value self) { return make_iter(vm, self, false); }

static mpy_value dq_reversed(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "__reversed__", argc - 1, kw)) return MPY_NULL;
    return make_iter(vm, args[0], true);
}

static mpy_value iter_self(mpy_vm *vm, mpy_value self) { return self; }

static mpy_value iter_step(mpy_vm *vm, mpy_value self, bool rev)
{
    deque_iter *it = (deque_iter *)self.u.o;
    deque *d = it->dq;
    if (!d) return MPY_NULL;
    if (d->state != it->state) {
        it->dq = NULL;
        return mpy_err_fmt_v(vm, MPY_EXC_RuntimeError, "deque mutated during iteration");
    }
    if (it->index >= d->len) {
        it->dq = NULL;
        return MPY_NULL;
    }
    size_t i = rev ? d->len - 1 - it->index : it->index;
    it->index++;
    return *slot_at(d, i);
}

static mpy_value iter_next(mpy_vm *vm, mpy_value self) { return iter_step(vm, self, false); }
static mpy_value rev_iter_next(mpy_vm *vm, mpy_value self) { return iter_step(vm, self, true); }

static mpy_value iter_length_hint(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    deque_iter *it = (deque_iter *)args[0].u.o;
    if (!it->dq || it->index >= it->dq->len) return mpy_from_int(0);
    return mpy_from_int((int64_t)(it->dq->len - it->index));
}

static void iter_trace(mpy_vm *vm, mpy_obj *o)
{
    deque_iter *it = (deque_iter *)o;
    if (it->dq) mpy_gc_mark_obj(vm, &it->dq->hdr);
}

static mpy_value iter_no_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "cannot create '%s' instances", mpy_type_name(type));
}

static const mpy_method_def iter_methods[] = {
    {"__length_hint__", iter_length_hint, 0},
    {NULL, NULL, 0},
};

static const mpy_type_spec deque_iter_spec = {
    .name = "_deque_iterator",
    .instance_size = sizeof(deque_iter),
    .slots = {.iter = iter_self, .next = iter_next, .trace = iter_trace, .new_ = iter_no_new},
    .methods = iter_methods,
};

static const mpy_type_spec deque_rev_iter_spec = {
    .name = "_deque_reverse_iterator",
    .instance_size = sizeof(deque_iter),
    .slots = {.iter = iter_self, .next = rev_iter_next, .trace = iter_trace, .new_ = iter_no_new},
    .methods = iter_methods,
};

/* d += x and d *= n as methods (deque.__iadd__(d, x) ...), which the
 * generic slot wrappers of runtime/class.c do not provide. */
static mpy_value dq_iadd(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_binary_dunder_args(vm, "__iadd__", argc, kw)) return MPY_NULL;
    return deque_binop(vm, (mpy_binop)(MPY_BINOP_INPLACE + MPY_BINOP_ADD), args[0], args[1]);
}

static mpy_value dq_imul(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_binary_dunder_args(vm, "__imul__", argc, kw)) return MPY_NULL;
    int64_t n; /* PyNumber_AsSsize_t: TypeError for a non-int, not NotImplemented */
    if (!mpy_index_big(vm, args[1], MPY_INDEX_BIG_OVERFLOW, &n)) return MPY_NULL;
    return deque_binop(vm, (mpy_binop)(MPY_BINOP_INPLACE + MPY_BINOP_MUL), args[0], mpy_from_int(n));
}

static const mpy_method_def deque_methods[] = {
    {"append", dq_append, 0},
    {"appendleft", dq_appendleft, 0},
    {"pop", dq_pop, 0},
    {"popleft", dq_popleft, 0},
    {"extend", dq_extend, 0},
    {"extendleft", dq_extendleft, 0},
    {"clear", dq_clear, 0},
    {"copy", dq_copy, 0},
    {"__copy__", dq_copy, 0},
    {"rotate", dq_rotate, 0},
    {"reverse", dq_reverse, 0},
    {"count", dq_count, 0},
    {"index", dq_index, 0},
    {"insert", dq_insert, 0},
    {"remove", dq_remove, 0},
    {"__reversed__", dq_reversed, 0},
    {"__reduce__", dq_reduce, 0},
    {"__iadd__", dq_iadd, 0},
    {"__imul__", dq_imul, 0},
    {NULL, NULL, 0},
};

static const mpy_getset_def deque_getsets[] = {
    {"maxlen", maxlen_get, NULL},
    {NULL, NULL, NULL},
};

static const mpy_type_spec deque_spec = {
    .name = "deque",
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(deque),
    .slots = {.repr = deque_repr, .richcmp = deque_richcmp, .binop = deque_binop, .binops = MPY_OPS(ADD) | MPY_OPS(MUL), .rbinops = MPY_OPS(MUL), .truth = deque_truth,
              .iter = deque_iter_slot, .len = deque_len, .getitem = deque_getitem, .setitem = deque_setitem,
              .contains = deque_contains, .new_ = deque_new, .init = deque_init, .trace = deque_trace,
              .finalize = deque_finalize},
    .methods = deque_methods,
    .getsets = deque_getsets,
    .doc = "A list-like sequence optimized for data accesses near its endpoints.",
};

/* ----------------------------------------------------------------- module */

static mpy_value caller_module(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "_caller_module", argc, kw)) return MPY_NULL;
    int64_t depth;
    if (!mpy_index(vm, args[0], &depth)) return MPY_NULL;
    mpy_frame *f = vm->frame;
    for (; f && depth > 0; depth--) f = f->prev;
    if (!f) return MPY_NONE;
    mpy_value name = mpy_dict_get_str(vm, f->globals, vm->names.__name__);
    return mpy_is_null(name) ? MPY_NONE : name;
}

static const mpy_method_def module_functions[] = {
    {"_caller_module", caller_module, 0},
    {NULL, NULL, 0},
};

static mpy_type *make_type(mpy_vm *vm, const mpy_type_spec *spec, size_t size, const char *module)
{
    mpy_type *t = mpy_obj_alloc(vm, vm->types[MPY_TYPE_TYPE], size);
    if (!t || !mpy_type_init_builtin(vm, t, spec, vm->types[MPY_TYPE_OBJECT]) ||
        !mpy_class_add_wrappers(vm, t, &spec->slots))
        return NULL;
    t->module = mpy_str_intern_cstr(vm, module);
    if (!t->module || !mpy_dict_set_cstr(vm, t->dict, "__module__", mpy_from_obj(t->module))) return NULL;
    return t;
}

mpy_module *mpy_module__collections_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "_collections");
    if (!m || !mpy_module_add_functions(vm, m, module_functions)) return NULL;
    deque_type *dt = (deque_type *)make_type(vm, &deque_spec, sizeof(deque_type), "collections");
    if (!dt) return NULL;
    dt->iter_type = make_type(vm, &deque_iter_spec, sizeof(mpy_type), "_collections");
    dt->rev_iter_type = dt->iter_type ? make_type(vm, &deque_rev_iter_spec, sizeof(mpy_type), "_collections") : NULL;
    if (!dt->rev_iter_type) return NULL;
    if (!mpy_dict_set_cstr(vm, m->dict, "deque", mpy_from_obj(&dt->type)) ||
        !mpy_dict_set_cstr(vm, m->dict, "_deque_iterator", mpy_from_obj(dt->iter_type)) ||
        !mpy_dict_set_cstr(vm, m->dict, "_deque_reverse_iterator", mpy_from_obj(dt->rev_iter_type)))
        return NULL;
    return m;
}
