/* list: the growable array, its slots and methods, the stable sort, and
 * list_iterator / list_reverseiterator.
 *
 * Invariants: items[0..len) are values; cap >= len; growth over-allocates
 * like CPython (len + len/8 + 6) so append is amortised O(1).  Any call
 * into Python code (item __eq__, __repr__, a sort key...) may mutate the
 * list, so loops around such calls re-read `len` and `items` each step
 * and never keep a pointer into `items` across them.
 */
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/seq.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* ------------------------------------------------------------ the array */

static mpy_list *list_alloc(mpy_vm *vm, mpy_type *type, size_t cap)
{
    mpy_list *l = mpy_obj_alloc(vm, type, type->instance_size > sizeof(mpy_list) ? type->instance_size : sizeof(mpy_list));
    if (!l) return NULL;
    if (cap) {
        l->items = mpy_mem_realloc(vm, NULL, 0, cap * sizeof(mpy_value));
        if (!l->items) return NULL;
        l->cap = cap;
    }
    return l;
}

mpy_list *mpy_list_new(mpy_vm *vm, size_t cap) { return list_alloc(vm, vm->types[MPY_TYPE_LIST], cap); }

/* Makes room for `need` items in total. */
static bool list_reserve(mpy_vm *vm, mpy_list *l, size_t need)
{
    if (need <= l->cap) return true;
    if (need > SIZE_MAX / 2 / sizeof(mpy_value)) return mpy_err_nomem(vm);
    size_t cap = (need + (need >> 3) + 6) & ~(size_t)3;
    mpy_value *items = mpy_mem_realloc(vm, l->items, l->cap * sizeof(mpy_value), cap * sizeof(mpy_value));
    if (!items) return false;
    l->items = items;
    l->cap = cap;
    return true;
}

mpy_list *mpy_list_from(mpy_vm *vm, size_t n, const mpy_value *items)
{
    mpy_list *l = mpy_list_new(vm, n);
    if (!l) return NULL;
    if (n) memcpy(l->items, items, n * sizeof(mpy_value));
    l->len = n;
    return l;
}

bool mpy_list_append(mpy_vm *vm, mpy_list *l, mpy_value v)
{
    if (MPY_UNLIKELY(l->len == l->cap) && !list_reserve(vm, l, l->len + 1)) return false;
    l->items[l->len++] = v;
    return true;
}

bool mpy_list_extend(mpy_vm *vm, mpy_list *l, mpy_value iterable)
{
    /* Exact types only, as CPython's list_extend: a subclass may override
     * __iter__ and must be iterated. */
    if (mpy_is_type(vm, iterable, MPY_TYPE_LIST) || mpy_is_type(vm, iterable, MPY_TYPE_TUPLE)) {
        bool is_list = mpy_is_type(vm, iterable, MPY_TYPE_LIST);
        size_t n = is_list ? mpy_as_list(iterable)->len : mpy_as_tuple(iterable)->len;
        if (!list_reserve(vm, l, l->len + n)) return false;
        /* Re-read the source after reserving: it may be l itself. */
        const mpy_value *src = is_list ? mpy_as_list(iterable)->items : mpy_as_tuple(iterable)->items;
        if (n) memcpy(l->items + l->len, src, n * sizeof(mpy_value));
        l->len += n;
        return true;
    }
    mpy_value it = mpy_iter(vm, iterable);
    if (mpy_is_null(it)) return false;
    mpy_value (*next)(mpy_vm *, mpy_value) = mpy_typeof(vm, it)->slots.next;
    for (;;) {
        mpy_value v = next(vm, it);
        if (mpy_is_null(v)) return !mpy_err_occurred(vm);
        if (!mpy_list_append(vm, l, v)) return false;
    }
}

mpy_list *mpy_list_from_iter(mpy_vm *vm, mpy_value iterable)
{
    mpy_list *l = mpy_list_new(vm, 0);
    if (!l || !mpy_list_extend(vm, l, iterable)) return NULL;
    return l;
}

/* Replaces items[lo..hi) by n values (copied first: they may alias). */
static bool list_splice(mpy_vm *vm, mpy_list *l, size_t lo, size_t hi, size_t n, const mpy_value *src)
{
    mpy_value small[8], *copy = small;
    if (n > 8) {
        copy = mpy_mem_realloc(vm, NULL, 0, n * sizeof(mpy_value));
        if (!copy) return false;
    }
    if (n) memcpy(copy, src, n * sizeof(mpy_value));
    size_t old = hi - lo, newlen = l->len - old + n;
    bool ok = list_reserve(vm, l, newlen);
    if (ok) {
        if (l->len > hi) memmove(l->items + lo + n, l->items + hi, (l->len - hi) * sizeof(mpy_value));
        if (n) memcpy(l->items + lo, copy, n * sizeof(mpy_value));
        l->len = newlen;
    }
    if (copy != small) mpy_mem_free(vm, copy, n * sizeof(mpy_value));
    return ok;
}

/* ------------------------------------------------------------------ sort */

/* A stable merge sort over natural runs (timsort without galloping):
 * runs shorter than minrun are extended by binary insertion, then
 * neighbouring runs merge pairwise.  keys[] decides the order; vals[]
 * (when not NULL) moves along with it.  Comparisons are `a < b` only,
 * made in CPython's operand order so the error messages match. */
/* What a sort that lets collection run holds outside the list (which is
 * emptied while it is sorted): registered as a C root (mpy_c_root). */
typedef struct sort_roots {
    mpy_list *list;
    mpy_value *items, *keys, *tmpk, *tmpv;
    size_t n, nkeys;
} sort_roots;

static void mark_sort_roots(mpy_vm *vm, void *ud)
{
    const sort_roots *r = ud;
    mpy_gc_mark_obj(vm, (mpy_obj *)r->list);
    mpy_gc_mark_array(vm, r->items, r->n);
    if (r->keys != r->items) mpy_gc_mark_array(vm, r->keys, r->nkeys);
    if (r->tmpk) mpy_gc_mark_array(vm, r->tmpk, r->n);
    if (r->tmpv) mpy_gc_mark_array(vm, r->tmpv, r->n);
}

typedef struct sorter {
    mpy_vm *vm;
    mpy_value *keys, *vals;
    mpy_value *tmpk, *tmpv;
    sort_roots *roots; /* NULL: collection stays blocked meanwhile */
    /* Set when every key is an exact str / an exact tuple (checked once
     * before sorting, as CPython's unsafe_*_compare): those comparisons
     * then skip the generic protocol. */
    bool all_str, all_tuple;
} sorter;

/* str < str by code point: UTF-8 bytes compare in the same order. */
static inline bool str_lt(const mpy_str *a, const mpy_str *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->data, b->data, n);
    return c < 0 || (c == 0 && a->len < b->len);
}

static inline bool is_exact(mpy_vm *vm, mpy_value v, mpy_type_id id)
{
    return v.tag == MPY_TAG_OBJ && v.u.o->type == vm->types[id];
}

/* Tuples element by element while the elements are ints or exact strs;
 * -2 when the first differing elements are anything else (the caller then
 * compares the whole tuples generically, which gives the same answer). */
static int tuple_lt_fast(mpy_vm *vm, const mpy_tuple *a, const mpy_tuple *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    for (size_t i = 0; i < n; i++) {
        mpy_value x = a->items[i], y = b->items[i];
        if (x.tag == MPY_TAG_INT && y.tag == MPY_TAG_INT) {
            if (x.u.i != y.u.i) return x.u.i < y.u.i;
        } else if (is_exact(vm, x, MPY_TYPE_STR) && is_exact(vm, y, MPY_TYPE_STR)) {
            const mpy_str *sx = (const mpy_str *)x.u.o, *sy = (const mpy_str *)y.u.o;
            if (sx != sy && (sx->len != sy->len || memcmp(sx->data, sy->data, sx->len) != 0))
                return str_lt(sx, sy);
        } else if (!mpy_is(x, y)) {
            return -2;
        }
    }
    return a->len < b->len;
}

/* 1: a < b, 0: not, -1: error. */
static inline int islt(sorter *s, mpy_value a, mpy_value b)
{
    if (a.tag == MPY_TAG_INT && b.tag == MPY_TAG_INT) return a.u.i < b.u.i;
    if (a.tag == MPY_TAG_FLOAT && b.tag == MPY_TAG_FLOAT) return a.u.f < b.u.f;
    if (s->all_str) return str_lt((const mpy_str *)a.u.o, (const mpy_str *)b.u.o);
    if (s->all_tuple) {
        int r = tuple_lt_fast(s->vm, (const mpy_tuple *)a.u.o, (const mpy_tuple *)b.u.o);
        if (r != -2) return r;
    }
    int lt = mpy_compare_bool(s->vm, a, b, MPY_CMP_LT);
    /* A Python __lt__ may have made garbage (its tuples, say): between two
     * comparisons every value is in a rooted array, so it can go now,
     * rather than pile up until the sort ends. */
    if (s->roots) mpy_gc_safepoint(s->vm);
    return lt;
}

/* Reverses a[lo:hi].  An empty range must return early: hi - 1 would
 * wrap around (that crashed [].reverse() and [].sort(reverse=True)). */
static void swap_range(mpy_value *a, size_t lo, size_t hi)
{
    if (hi - lo < 2) return;
    for (size_t i = lo, j = hi - 1; i < j; i++, j--) {
        mpy_value t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

static bool binary_insertion(sorter *s, size_t lo, size_t hi, size_t start)
{
    for (size_t i = start; i < hi; i++) {
        mpy_value pk = s->keys[i], pv = s->vals ? s->vals[i] : MPY_NULL;
        size_t l = lo, r = i;
        while (l < r) {
            size_t p = l + (r - l) / 2;
            int lt = islt(s, pk, s->keys[p]);
            if (lt < 0) return false;
            if (lt) r = p;
            else l = p + 1;
        }
        memmove(s->keys + l + 1, s->keys + l, (i - l) * sizeof(mpy_value));
        s->keys[l] = pk;
        if (s->vals) {
            memmove(s->vals + l + 1, s->vals + l, (i - l) * sizeof(mpy_value));
            s->vals[l] = pv;
        }
    }
    return true;
}

/* Length of the run starting at lo (a strictly descending run is
 * reversed in place); -1 on error. */
static int64_t count_run(sorter *s, size_t lo, size_t hi)
{
    if (lo + 1 >= hi) return (int64_t)(hi - lo);
    size_t k = lo + 1;
    int lt = islt(s, s->keys[k], s->keys[k - 1]);
    if (lt < 0) return -1;
    if (lt) {
        for (k++; k < hi; k++) {
            lt = islt(s, s->keys[k], s->keys[k - 1]);
            if (lt < 0) return -1;
            if (!lt) break;
        }
        swap_range(s->keys, lo, k);
        if (s->vals) swap_range(s->vals, lo, k);
    } else {
        for (k++; k < hi; k++) {
            lt = islt(s, s->keys[k], s->keys[k - 1]);
            if (lt < 0) return -1;
            if (lt) break;
        }
    }
    return (int64_t)(k - lo);
}

static bool merge(sorter *s, size_t lo, size_t mid, size_t hi)
{
    size_t na = mid - lo;
    memcpy(s->tmpk, s->keys + lo, na * sizeof(mpy_value));
    if (s->vals) memcpy(s->tmpv, s->vals + lo, na * sizeof(mpy_value));
    size_t i = 0, j = mid, k = lo;
    bool ok = true;
    while (i < na && j < hi) {
        int lt = islt(s, s->keys[j], s->tmpk[i]);
        if (lt < 0) { ok = false; break; }
        if (lt) {
            if (s->vals) s->vals[k] = s->vals[j];
            s->keys[k++] = s->keys[j++];
        } else {
            if (s->vals) s->vals[k] = s->tmpv[i];
            s->keys[k++] = s->tmpk[i++];
        }
    }
    /* On error too, the rest of A goes back so no item is lost. */
    memcpy(s->keys + k, s->tmpk + i, (na - i) * sizeof(mpy_value));
    if (s->vals) memcpy(s->vals + k, s->tmpv + i, (na - i) * sizeof(mpy_value));
    return ok;
}

static size_t compute_minrun(size_t n)
{
    size_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static mpy_value *null_array(mpy_vm *vm, size_t n)
{
    mpy_value *a = mpy_mem_realloc(vm, NULL, 0, n * sizeof(mpy_value));
    for (size_t i = 0; a && i < n; i++) a[i] = MPY_NULL;
    return a;
}

static bool sort_array(mpy_vm *vm, mpy_value *keys, mpy_value *vals, size_t n, sort_roots *roots)
{
    if (n < 2) return true;
    sorter s = {vm, keys, vals, NULL, NULL, roots, true, true};
    for (size_t i = 0; i < n && (s.all_str || s.all_tuple); i++) {
        if (!is_exact(vm, keys[i], MPY_TYPE_STR)) s.all_str = false;
        if (!is_exact(vm, keys[i], MPY_TYPE_TUPLE)) s.all_tuple = false;
    }
    size_t minrun = compute_minrun(n);
    /* Run boundaries: at most n / minrun + 1 runs. */
    size_t maxruns = n / minrun + 2, nruns = 0;
    size_t *runs = mpy_mem_realloc(vm, NULL, 0, maxruns * sizeof(size_t));
    if (!runs) return false;
    bool ok = true;
    for (size_t lo = 0; lo < n;) {
        int64_t len = count_run(&s, lo, n);
        if (len < 0) { ok = false; break; }
        size_t end = lo + (size_t)len;
        if ((size_t)len < minrun) {
            size_t force = lo + minrun < n ? lo + minrun : n;
            if (!binary_insertion(&s, lo, force, end)) { ok = false; break; }
            end = force;
        }
        runs[nruns++] = lo;
        lo = end;
    }
    if (ok && nruns > 1) {
        /* NULL-filled: the collector may look at them (sort_roots). */
        s.tmpk = null_array(vm, n);
        s.tmpv = vals ? null_array(vm, n) : NULL;
        ok = s.tmpk && (!vals || s.tmpv);
        if (roots) {
            roots->tmpk = s.tmpk;
            roots->tmpv = s.tmpv;
        }
        /* Merge neighbours pairwise until one run remains. */
        while (ok && nruns > 1) {
            size_t w = 0;
            for (size_t r = 0; r < nruns; r += 2) {
                size_t lo = runs[r];
                if (r + 1 < nruns) {
                    size_t hi = r + 2 < nruns ? runs[r + 2] : n;
                    if (!merge(&s, lo, runs[r + 1], hi)) { ok = false; break; }
                }
                runs[w++] = lo;
            }
            nruns = w;
        }
        if (roots) roots->tmpk = roots->tmpv = NULL;
        if (s.tmpk) mpy_mem_free(vm, s.tmpk, n * sizeof(mpy_value));
        if (s.tmpv) mpy_mem_free(vm, s.tmpv, n * sizeof(mpy_value));
    }
    mpy_mem_free(vm, runs, maxruns * sizeof(size_t));
    return ok;
}

/* may_collect: the caller is the interpreter's call of list.sort or
 * sorted(), whose frame is saved, so collection may run between
 * comparisons and key calls with what the sort holds registered as a root;
 * other C callers may hold unrooted values, and keep it blocked. */
static bool list_sort(mpy_vm *vm, mpy_list *l, mpy_value key, bool reverse, bool may_collect)
{
    /* Like CPython, the list is empty while it is being sorted, so that a
     * key function or __lt__ that mutates it can be detected. */
    mpy_value *items = l->items;
    size_t n = l->len, cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    sort_roots roots = {l, items, items, NULL, NULL, n, n};
    mpy_c_root reg = {mark_sort_roots, &roots, vm->c_roots};
    if (may_collect) vm->c_roots = &reg;
    mpy_value *keys = items;
    bool ok = true;
    if (!mpy_is_null(key) && !mpy_is_none(key) && n) {
        keys = mpy_mem_realloc(vm, NULL, 0, n * sizeof(mpy_value));
        ok = keys != NULL;
        roots.keys = keys;
        roots.nkeys = 0;
        for (size_t i = 0; ok && i < n; i++) {
            keys[i] = mpy_call1(vm, key, items[i]);
            ok = !mpy_is_null(keys[i]);
            roots.nkeys = ok ? i + 1 : i;
            if (ok && may_collect) mpy_gc_safepoint(vm);
        }
    }
    if (ok) {
        /* reverse=True keeps stability by reversing before and after. */
        if (reverse) {
            swap_range(keys, 0, n);
            if (keys != items) swap_range(items, 0, n);
        }
        ok = sort_array(vm, keys, keys != items ? items : NULL, n, may_collect ? &roots : NULL);
        if (reverse) {
            swap_range(keys, 0, n);
            if (keys != items) swap_range(items, 0, n);
        }
    }
    if (may_collect) vm->c_roots = reg.prev;
    if (keys && keys != items) mpy_mem_free(vm, keys, n * sizeof(mpy_value));
    bool modified = l->items != NULL || l->len != 0;
    if (l->items) mpy_mem_free(vm, l->items, l->cap * sizeof(mpy_value));
    l->items = items;
    l->len = n;
    l->cap = cap;
    if (ok && modified) return mpy_err_msg(vm, MPY_EXC_ValueError, "list modified during sort");
    return ok;
}

bool mpy_list_sort(mpy_vm *vm, mpy_list *l, mpy_value key, bool reverse) { return list_sort(vm, l, key, reverse, false); }

bool mpy_list_sort_collecting(mpy_vm *vm, mpy_list *l, mpy_value key, bool reverse)
{
    return list_sort(vm, l, key, reverse, true);
}

/* ----------------------------------------------------------------- slots */

static mpy_value list_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_list *l = list_alloc(vm, type, 0);
    return l ? mpy_from_obj(l) : MPY_NULL;
}

static bool list_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (mpy_is_type(vm, self, MPY_TYPE_LIST) && !mpy_no_kwargs(vm, "list", kw)) return false;
    if (argc > 2) return mpy_err_fmt(vm, MPY_EXC_TypeError, "list expected at most 1 argument, got %d", argc - 1);
    mpy_list *l = mpy_as_list(self);
    l->len = 0;
    if (argc == 2) return mpy_list_extend(vm, l, args[1]);
    return true;
}

static mpy_value list_repr(mpy_vm *vm, mpy_value self)
{
    mpy_list *l = mpy_as_list(self);
    if (l->len == 0) return mpy_from_obj(mpy_str_intern_cstr(vm, "[]"));
    if (mpy_repr_enter(vm, self)) return mpy_from_obj(mpy_str_intern_cstr(vm, "[...]"));
    mpy_strbuf b = {0};
    bool ok = mpy_strbuf_add(vm, &b, "[", 1);
    for (size_t i = 0; ok && i < l->len; i++) {
        if (i) ok = mpy_strbuf_add(vm, &b, ", ", 2);
        ok = ok && mpy_strbuf_add_repr(vm, &b, l->items[i]);
    }
    ok = ok && mpy_strbuf_add(vm, &b, "]", 1);
    mpy_repr_leave(vm, self);
    if (!ok) {
        mpy_strbuf_free(vm, &b);
        return MPY_NULL;
    }
    return mpy_strbuf_finish(vm, &b);
}

static mpy_value list_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if (!mpy_is_sub(vm, b, MPY_TYPE_LIST)) return mpy_notimpl(vm);
    mpy_list *x = mpy_as_list(a), *y = mpy_as_list(b);
    if ((op == MPY_CMP_EQ || op == MPY_CMP_NE) && x->len != y->len) return mpy_from_bool(op == MPY_CMP_NE);
    size_t i = 0;
    for (; i < x->len && i < y->len; i++) {
        int eq = mpy_eq(vm, x->items[i], y->items[i]);
        if (eq < 0) return MPY_NULL;
        if (!eq) break;
    }
    if (i >= x->len || i >= y->len) {
        mpy_value ln = mpy_from_int((int64_t)x->len), rn = mpy_from_int((int64_t)y->len);
        return mpy_from_bool(mpy_compare_bool(vm, ln, rn, op));
    }
    if (op == MPY_CMP_EQ) return MPY_FALSE;
    if (op == MPY_CMP_NE) return MPY_TRUE;
    return mpy_compare(vm, x->items[i], y->items[i], op);
}

static mpy_value list_repeat(mpy_vm *vm, mpy_list *l, int64_t n)
{
    if (n < 0) n = 0;
    size_t len = l->len;
    if (len && (uint64_t)n > SIZE_MAX / 2 / sizeof(mpy_value) / len) return mpy_err_nomem(vm), MPY_NULL;
    mpy_list *r = mpy_list_new(vm, len * (size_t)n);
    if (!r) return MPY_NULL;
    if (len == 1) {
        for (int64_t i = 0; i < n; i++) r->items[i] = l->items[0];
    } else if (len) {
        for (int64_t i = 0; i < n; i++) memcpy(r->items + (size_t)i * len, l->items, len * sizeof(mpy_value));
    }
    r->len = len * (size_t)n;
    return mpy_from_obj(r);
}

static bool list_irepeat(mpy_vm *vm, mpy_list *l, int64_t n)
{
    size_t len = l->len;
    if (n <= 0 || len == 0) {
        l->len = 0;
        return true;
    }
    if ((uint64_t)n > SIZE_MAX / 2 / sizeof(mpy_value) / len) return mpy_err_nomem(vm);
    if (!list_reserve(vm, l, len * (size_t)n)) return false;
    for (int64_t i = 1; i < n; i++) memcpy(l->items + (size_t)i * len, l->items, len * sizeof(mpy_value));
    l->len = len * (size_t)n;
    return true;
}

static mpy_value list_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    bool left = mpy_is_sub(vm, a, MPY_TYPE_LIST);
    int64_t n;
    bool ni;
    switch ((int)op) {
    case MPY_BINOP_ADD:
        if (!left) return mpy_notimpl(vm);
        if (!mpy_is_sub(vm, b, MPY_TYPE_LIST)) {
            mpy_type *tb = mpy_typeof(vm, b);
            if ((tb->flags & MPY_TF_HEAP) && tb->slots.binop) return mpy_notimpl(vm);
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "can only concatenate list (not \"%s\") to list",
                                 mpy_type_name(tb));
        }
        {
            mpy_list *x = mpy_as_list(a), *y = mpy_as_list(b);
            mpy_list *r = mpy_list_new(vm, x->len + y->len);
            if (!r) return MPY_NULL;
            if (x->len) memcpy(r->items, x->items, x->len * sizeof(mpy_value));
            if (y->len) memcpy(r->items + x->len, y->items, y->len * sizeof(mpy_value));
            r->len = x->len + y->len;
            return mpy_from_obj(r);
        }
    case MPY_BINOP_MUL:
        if (!mpy_seq_repeat_count(vm, left ? b : a, &n, &ni)) return ni ? mpy_notimpl(vm) : MPY_NULL;
        return list_repeat(vm, mpy_as_list(left ? a : b), n);
    case MPY_BINOP_INPLACE + MPY_BINOP_ADD:
        if (!mpy_list_extend(vm, mpy_as_list(a), b)) return MPY_NULL;
        return a;
    case MPY_BINOP_INPLACE + MPY_BINOP_MUL:
        if (!mpy_seq_repeat_count(vm, b, &n, &ni)) return ni ? mpy_notimpl(vm) : MPY_NULL;
        return list_irepeat(vm, mpy_as_list(a), n) ? a : MPY_NULL;
    default:
        return mpy_notimpl(vm);
    }
}

static int64_t list_len(mpy_vm *vm, mpy_value self) { return (int64_t)mpy_as_list(self)->len; }

/* True (with TypeError set) when key cannot index a list at all. */
static bool bad_index_type(mpy_vm *vm, mpy_value key)
{
    if (!mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, key), vm->names.__index__))) return false;
    mpy_err_fmt(vm, MPY_EXC_TypeError, "list indices must be integers or slices, not %s", mpy_tname(vm, key));
    return true;
}

/* Indices and slice bounds are converted (__index__, which can run code
 * that resizes l) before they are checked against or clipped to l->len:
 * the length read must be the one after the conversion. */
static bool list_index(mpy_vm *vm, mpy_list *l, mpy_value key, const char *what, size_t *out)
{
    int64_t i;
    if (!mpy_index(vm, key, &i)) return false;
    return mpy_seq_index(vm, mpy_from_int(i), l->len, what, out);
}

static bool list_slice_unpack(mpy_vm *vm, mpy_value key, mpy_slice_ix *ix)
{
    return mpy_slice_unpack(vm, key, &ix->start, &ix->stop, &ix->step);
}

static void list_slice_adjust(mpy_list *l, mpy_slice_ix *ix)
{
    ix->count = mpy_slice_adjust((int64_t)l->len, &ix->start, &ix->stop, ix->step);
}

static mpy_value list_getitem(mpy_vm *vm, mpy_value self, mpy_value key)
{
    mpy_list *l = mpy_as_list(self);
    if (mpy_is_smallint(key)) {
        int64_t i = key.u.i;
        if (i < 0) i += (int64_t)l->len;
        if (i < 0 || i >= (int64_t)l->len) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "list index out of range");
        return l->items[i];
    }
    if (mpy_is_slice(vm, key)) {
        mpy_slice_ix ix;
        if (!list_slice_unpack(vm, key, &ix)) return MPY_NULL;
        list_slice_adjust(l, &ix);
        if (ix.step == 1) return mpy_from_obj(mpy_list_from(vm, (size_t)ix.count, l->items + ix.start));
        mpy_list *r = mpy_list_new(vm, (size_t)ix.count);
        if (!r) return MPY_NULL;
        for (int64_t i = 0, j = ix.start; i < ix.count; i++, j += ix.step) r->items[i] = l->items[j];
        r->len = (size_t)ix.count;
        return mpy_from_obj(r);
    }
    if (bad_index_type(vm, key)) return MPY_NULL;
    size_t i;
    if (!list_index(vm, l, key, "list", &i)) return MPY_NULL;
    return l->items[i];
}

static bool list_del_slice(mpy_vm *vm, mpy_list *l, mpy_slice_ix *ix)
{
    if (ix->count <= 0) return true;
    if (ix->step == 1) return list_splice(vm, l, (size_t)ix->start, (size_t)ix->stop, 0, NULL);
    /* Normalise to an ascending walk and compact in one pass. */
    int64_t lo = ix->step > 0 ? ix->start : ix->start + (ix->count - 1) * ix->step;
    int64_t step = ix->step > 0 ? ix->step : -ix->step;
    size_t w = (size_t)lo;
    int64_t next_del = lo, deleted = 0;
    for (size_t r = (size_t)lo; r < l->len; r++) {
        if (deleted < ix->count && (int64_t)r == next_del) {
            deleted++;
            next_del += step;
            continue;
        }
        l->items[w++] = l->items[r];
    }
    l->len = w;
    return true;
}

static bool list_set_slice(mpy_vm *vm, mpy_list *l, mpy_value key, mpy_value value)
{
    mpy_slice_ix ix;
    if (!list_slice_unpack(vm, key, &ix)) return false;
    if (mpy_is_null(value)) {
        list_slice_adjust(l, &ix);
        return list_del_slice(vm, l, &ix);
    }
    /* The new items as an array; a private copy when value is l itself. */
    mpy_list *src;
    /* Exact types only (CPython's PySequence_Fast): subclasses may
     * override __iter__. */
    if (mpy_is_type(vm, value, MPY_TYPE_LIST) && value.u.o != &l->hdr) {
        src = mpy_as_list(value);
    } else if (mpy_is_type(vm, value, MPY_TYPE_TUPLE)) {
        src = mpy_list_from(vm, mpy_as_tuple(value)->len, mpy_as_tuple(value)->items);
    } else {
        mpy_type *vt = mpy_typeof(vm, value);
        if (!vt->slots.iter && !vt->slots.getitem)
            return mpy_err_msg(vm, MPY_EXC_TypeError,
                               ix.step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
        src = mpy_list_from_iter(vm, value);
    }
    if (!src) return false;
    /* Clipped only now: iterating value may have resized l (CPython's
     * list_ass_slice clamps to the size after the conversion too). */
    list_slice_adjust(l, &ix);
    if (ix.step == 1) {
        if (ix.stop < ix.start) ix.stop = ix.start;
        return list_splice(vm, l, (size_t)ix.start, (size_t)ix.stop, src->len, src->items);
    }
    if ((int64_t)src->len != ix.count)
        return mpy_err_fmt(vm, MPY_EXC_ValueError, "attempt to assign sequence of size %zu to extended slice of size %lld",
                           src->len, (long long)ix.count);
    for (int64_t i = 0, j = ix.start; i < ix.count; i++, j += ix.step) l->items[j] = src->items[i];
    return true;
}

static bool list_setitem(mpy_vm *vm, mpy_value self, mpy_value key, mpy_value value)
{
    mpy_list *l = mpy_as_list(self);
    if (mpy_is_slice(vm, key)) return list_set_slice(vm, l, key, value);
    if (!mpy_is_smallint(key) && bad_index_type(vm, key)) return false;
    size_t i;
    if (!list_index(vm, l, key, "list assignment", &i)) return false;
    if (mpy_is_null(value)) return list_splice(vm, l, i, i + 1, 0, NULL);
    l->items[i] = value;
    return true;
}

static int list_contains(mpy_vm *vm, mpy_value self, mpy_value item)
{
    mpy_list *l = mpy_as_list(self);
    for (size_t i = 0; i < l->len; i++) {
        int eq = mpy_eq(vm, l->items[i], item);
        if (eq) return eq;
    }
    return 0;
}

static void list_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_list *l = (mpy_list *)o;
    mpy_gc_mark_array(vm, l->items, l->len);
    mpy_trace_instance_dict(vm, o);
}

static void list_finalize(mpy_vm *vm, mpy_obj *o)
{
    mpy_list *l = (mpy_list *)o;
    mpy_mem_free(vm, l->items, l->cap * sizeof(mpy_value));
    l->items = NULL;
    l->cap = l->len = 0;
}

/* ------------------------------------------------------------- iterators */

typedef struct list_iter {
    mpy_obj hdr;
    mpy_list *l; /* NULL once exhausted */
    int64_t i;
} list_iter;

static mpy_value list_iter_new(mpy_vm *vm, mpy_value self)
{
    list_iter *it = mpy_obj_alloc(vm, vm->types[MPY_TYPE_ITER_LIST], sizeof(list_iter));
    if (!it) return MPY_NULL;
    it->l = mpy_as_list(self);
    return mpy_from_obj(it);
}

static mpy_value list_iter_next(mpy_vm *vm, mpy_value self)
{
    list_iter *it = (list_iter *)self.u.o;
    mpy_list *l = it->l;
    if (l && (size_t)it->i < l->len) return l->items[it->i++];
    it->l = NULL;
    return MPY_NULL;
}

static mpy_value list_reviter_next(mpy_vm *vm, mpy_value self)
{
    list_iter *it = (list_iter *)self.u.o;
    mpy_list *l = it->l;
    if (l && it->i >= 0 && (size_t)it->i < l->len) return l->items[it->i--];
    it->l = NULL;
    return MPY_NULL;
}

static mpy_value iter_self(mpy_vm *vm, mpy_value self) { return self; }

static void list_iter_trace(mpy_vm *vm, mpy_obj *o) { mpy_gc_mark_obj(vm, (mpy_obj *)((list_iter *)o)->l); }

static mpy_value list_iter_m_length_hint(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    list_iter *it = (list_iter *)args[0].u.o;
    int64_t n = 0;
    if (it->l) {
        if (mpy_is_type(vm, args[0], MPY_TYPE_ITER_LIST)) n = (int64_t)it->l->len - it->i;
        else if ((size_t)it->i < it->l->len) n = it->i + 1;
    }
    return mpy_from_int(n < 0 ? 0 : n);
}

static mpy_value no_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "cannot create '%s' instances", mpy_type_name(type));
}

static const mpy_method_def list_iter_methods[] = {
    {"__length_hint__", list_iter_m_length_hint, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

const mpy_type_spec mpy_list_iterator_spec = {
    .name = "list_iterator",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(list_iter),
    .slots = {.iter = iter_self, .next = list_iter_next, .trace = list_iter_trace, .new_ = no_new},
    .methods = list_iter_methods,
};

const mpy_type_spec mpy_list_reverseiterator_spec = {
    .name = "list_reverseiterator",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(list_iter),
    .slots = {.iter = iter_self, .next = list_reviter_next, .trace = list_iter_trace, .new_ = no_new},
    .methods = list_iter_methods,
};

/* --------------------------------------------------------------- methods */

#define SELF mpy_as_list(args[0])

static bool exact_args(mpy_vm *vm, const char *name, int argc, int want, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, name, kw)) return false;
    if (argc - 1 == want) return true;
    if (want == 0) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no arguments (%d given)", name, argc - 1);
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes exactly one argument (%d given)", name, argc - 1);
}

static mpy_value list_m_append(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!exact_args(vm, "list.append", argc, 1, kw)) return MPY_NULL;
    return mpy_list_append(vm, SELF, args[1]) ? MPY_NONE : MPY_NULL;
}

static mpy_value list_m_extend(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!exact_args(vm, "list.extend", argc, 1, kw)) return MPY_NULL;
    return mpy_list_extend(vm, SELF, args[1]) ? MPY_NONE : MPY_NULL;
}

/* The index argument of insert() and pop(): an int beyond 64 bits is
 * CPython's OverflowError from the ssize_t conversion, not the IndexError
 * mpy_index gives for subscripts. */
static bool index_arg(mpy_vm *vm, mpy_value v, int64_t *out)
{
    return mpy_index_big(vm, v, MPY_INDEX_BIG_SSIZE, out);
}

static mpy_value list_m_insert(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "insert", kw)) return MPY_NULL;
    if (argc != 3) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "insert expected 2 arguments, got %d", argc - 1);
    int64_t i;
    if (!index_arg(vm, args[1], &i)) return MPY_NULL;
    mpy_list *l = SELF;
    int64_t n = (int64_t)l->len;
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    return list_splice(vm, l, (size_t)i, (size_t)i, 1, &args[2]) ? MPY_NONE : MPY_NULL;
}

static mpy_value list_m_pop(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "pop", kw)) return MPY_NULL;
    if (argc > 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "pop expected at most 1 argument, got %d", argc - 1);
    mpy_list *l = SELF;
    int64_t i = -1;
    if (argc == 2 && !index_arg(vm, args[1], &i)) return MPY_NULL;
    if (l->len == 0) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "pop from empty list");
    if (i < 0) i += (int64_t)l->len;
    if (i < 0 || i >= (int64_t)l->len) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "pop index out of range");
    mpy_value v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(mpy_value));
    l->len--;
    return v;
}

static mpy_value list_m_remove(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!exact_args(vm, "list.remove", argc, 1, kw)) return MPY_NULL;
    mpy_list *l = SELF;
    for (size_t i = 0; i < l->len; i++) {
        int eq = mpy_eq(vm, l->items[i], args[1]);
        if (eq < 0) return MPY_NULL;
        if (eq) {
            if (i >= l->len) break;
            return list_splice(vm, l, i, i + 1, 0, NULL) ? MPY_NONE : MPY_NULL;
        }
    }
    return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "list.remove(x): x not in list");
}

static mpy_value list_m_index(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "index", kw)) return MPY_NULL;
    if (argc < 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "index expected at least 1 argument, got %d", argc - 1);
    if (argc > 4) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "index expected at most 3 arguments, got %d", argc - 1);
    mpy_list *l = SELF;
    size_t lo = 0, hi = 0;
    if (!mpy_seq_bounds(vm, argc - 2, args + 2, l->len, &lo, &hi)) return MPY_NULL;
    for (size_t i = lo; i < hi && i < l->len; i++) {
        int eq = mpy_eq(vm, l->items[i], args[1]);
        if (eq < 0) return MPY_NULL;
        if (eq) return mpy_from_int((int64_t)i);
    }
    mpy_value r = mpy_repr(vm, args[1]);
    if (mpy_is_null(r)) return r;
    return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "%s is not in list", mpy_as_str(r)->data);
}

static mpy_value list_m_count(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!exact_args(vm, "list.count", argc, 1, kw)) return MPY_NULL;
    mpy_list *l = SELF;
    int64_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        int eq = mpy_eq(vm, l->items[i], args[1]);
        if (eq < 0) return MPY_NULL;
        n += eq;
    }
    return mpy_from_int(n);
}

static mpy_value list_m_clear(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!exact_args(vm, "list.clear", argc, 0, kw)) return MPY_NULL;
    list_finalize(vm, args[0].u.o);
    return MPY_NONE;
}

static mpy_value list_m_copy(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!exact_args(vm, "list.copy", argc, 0, kw)) return MPY_NULL;
    mpy_list *r = mpy_list_from(vm, SELF->len, SELF->items);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

void mpy_list_reverse(mpy_list *l) { swap_range(l->items, 0, l->len); }

static mpy_value list_m_reverse(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!exact_args(vm, "list.reverse", argc, 0, kw)) return MPY_NULL;
    mpy_list_reverse(SELF);
    return MPY_NONE;
}

static mpy_value list_m_sort(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc > 1) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "sort() takes no positional arguments");
    mpy_value key = MPY_NONE;
    bool reverse = false;
    for (size_t k = 0; kw && k < kw->len; k++) {
        mpy_str *name = mpy_as_str(kw->items[k]);
        mpy_value v = args[argc + (int)k];
        if (mpy_str_eq(name, vm->names.key)) {
            key = v;
        } else if (mpy_str_eq(name, vm->names.reverse)) {
            int64_t r;
            if (mpy_is_float(v)) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'float' object cannot be interpreted as an integer");
            if (!mpy_index(vm, v, &r)) return MPY_NULL;
            reverse = r != 0;
        } else {
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' is an invalid keyword argument for sort()", name->data);
        }
    }
    return mpy_list_sort_collecting(vm, SELF, key, reverse) ? MPY_NONE : MPY_NULL;
}

static mpy_value list_m_reversed(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    list_iter *it = mpy_obj_alloc(vm, vm->types[MPY_TYPE_ITER_LIST_REV], sizeof(list_iter));
    if (!it) return MPY_NULL;
    it->l = SELF;
    it->i = (int64_t)SELF->len - 1;
    return mpy_from_obj(it);
}

/* l += x and l *= n as methods (list.__iadd__(l, x) ...), which the
 * generic slot wrappers of runtime/class.c do not provide: both change l
 * and return it. */
static mpy_value list_m_iadd(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_binary_dunder_args(vm, "__iadd__", argc, kw)) return MPY_NULL;
    return list_binop(vm, (mpy_binop)(MPY_BINOP_INPLACE + MPY_BINOP_ADD), args[0], args[1]);
}

static mpy_value list_m_imul(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_binary_dunder_args(vm, "__imul__", argc, kw)) return MPY_NULL;
    /* Called directly, the count goes through PyNumber_AsSsize_t: a
     * non-int is "cannot be interpreted as an integer", not the
     * operator's "can't multiply sequence by non-int". */
    int64_t n;
    if (!mpy_index_big(vm, args[1], MPY_INDEX_BIG_OVERFLOW, &n)) return MPY_NULL;
    return list_binop(vm, (mpy_binop)(MPY_BINOP_INPLACE + MPY_BINOP_MUL), args[0], mpy_from_int(n));
}

static const mpy_method_def list_methods[] = {
    {"append", list_m_append, MPY_METH_DEFAULT},
    {"extend", list_m_extend, MPY_METH_DEFAULT},
    {"insert", list_m_insert, MPY_METH_DEFAULT},
    {"pop", list_m_pop, MPY_METH_DEFAULT},
    {"remove", list_m_remove, MPY_METH_DEFAULT},
    {"index", list_m_index, MPY_METH_DEFAULT},
    {"count", list_m_count, MPY_METH_DEFAULT},
    {"clear", list_m_clear, MPY_METH_DEFAULT},
    {"copy", list_m_copy, MPY_METH_DEFAULT},
    {"reverse", list_m_reverse, MPY_METH_DEFAULT},
    {"sort", list_m_sort, MPY_METH_DEFAULT},
    {"__reversed__", list_m_reversed, MPY_METH_DEFAULT},
    {"__iadd__", list_m_iadd, MPY_METH_DEFAULT},
    {"__imul__", list_m_imul, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

const mpy_type_spec mpy_list_spec = {
    .name = "list",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE | MPY_TF_LIST_SUB,
    .instance_size = sizeof(mpy_list),
    .dict_offset = offsetof(mpy_list, dict),
    .slots = {.repr = list_repr, .richcmp = list_richcmp, .binop = list_binop, .binops = MPY_OPS(ADD) | MPY_OPS(MUL), .rbinops = MPY_OPS(MUL), .len = list_len,
              .getitem = list_getitem, .setitem = list_setitem, .contains = list_contains, .iter = list_iter_new,
              .new_ = list_new_, .init = list_init, .trace = list_trace, .finalize = list_finalize,
              .getattr = mpy_container_getattr, .setattr = mpy_container_setattr},
    .methods = list_methods,
    .doc = "Built-in mutable sequence.",
};
