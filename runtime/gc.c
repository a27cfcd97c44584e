/* Memory: the VM's one allocation function, the object list, and the
 * mark-and-sweep collector.
 *
 * Why tracing rather than reference counting: a precise tracer keeps every
 * runtime function free of incref/decref bookkeeping (the largest source of
 * leaks and use-after-free bugs in C interpreters) and collects cycles with
 * no second mechanism.  The price is that C code could lose objects held
 * only in C locals; object.h's rule (allocation never collects, collection
 * only at interpreter safe points while no C caller blocks it) removes that
 * hazard without Wren-style root pushing on every allocation.
 *
 * Invariants: every heap object is in vm->objs exactly once; `size` in
 * its header is what was allocated for it; bytes_allocated is the sum of
 * all live object sizes and owned buffers (the memory cap applies to it).
 *
 * Finalization (CPython's tp_finalize: __del__, and closing abandoned
 * generators) cannot run during the sweep, which must not run Python code.
 * So objects that may need it are registered (vm->fin_reg: instances of
 * classes with __del__ when allocated, generators when they first suspend
 * with a handler that close() would reach).  After marking, the
 * unreachable registered objects that still need finalizing are queued
 * and marked, with everything they refer to: they survive this cycle.
 * After the sweep, still at the safe point (the interpreter has saved its
 * frame, so Python code may run), the queue runs with collection blocked;
 * an exception is reported as CPython's "Exception ignored in: ..." and
 * dropped.  Each object is finalized at most once (MPY_OBJ_FINALIZED),
 * so one that __del__ resurrected simply stays alive.  Order: as
 * CPython's reference counting would do, a container before what it
 * holds (see order_queue), otherwise oldest first.  Unlike CPython the
 * finalizer runs at the next collection, not when the last reference
 * goes; gc.collect() makes it deterministic.  Not seen: instances of a
 * subclass that existed before a base class gained __del__ (class slots
 * are not refreshed down the hierarchy), and objects whose __class__ is
 * set to a class with __del__.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/state.h"
#include "vm/errors.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/pool.h"
#include "runtime/str.h"

/* vm/gen.c */
bool mpy_gen_needs_close(mpy_obj *o);
bool mpy_gen_finalize(mpy_vm *vm, mpy_obj *o);

/* Collection policy: collect when the heap has grown by as much as
 * survived the last collection (Lua's default pause of 200%), at least
 * GC_MIN_HEAP.  A non-moving mark-sweep heap peaks near growth x live,
 * and the threshold set while a big structure was live stays that high
 * after it dies (the strings benchmark: 48 MB live inside join_split, then
 * 48 MB of short-lived strs before the next collection).  Above
 * GC_BIG_HEAP the heap may only grow by half, which bounds that overshoot
 * where it costs memory, for at most twice the (rare) collections of big
 * heaps. */
#define GC_MIN_HEAP (1u << 20)
#define GC_BIG_HEAP ((size_t)32 << 20)

static void *raw_realloc(mpy_vm *vm, void *p, size_t old, size_t size)
{
    return vm->config.realloc(vm->config.user_data, p, old, size);
}

void *mpy_mem_realloc(mpy_vm *vm, void *p, size_t old, size_t size)
{
    if (size == 0) {
        mpy_mem_free(vm, p, old);
        return NULL;
    }
    if (size > old && vm->config.memory_limit &&
        vm->bytes_allocated + (size - old) > vm->config.memory_limit) {
        mpy_err_nomem(vm);
        return NULL;
    }
    void *q = raw_realloc(vm, p, old, size);
    if (!q) {
        mpy_err_nomem(vm);
        return NULL;
    }
    vm->bytes_allocated += size - old; /* wraps correctly when shrinking */
    if (vm->bytes_allocated > vm->peak_bytes) vm->peak_bytes = vm->bytes_allocated;
    return q;
}

void mpy_mem_free(mpy_vm *vm, void *p, size_t size)
{
    if (!p) return;
    raw_realloc(vm, p, size, 0);
    vm->bytes_allocated -= size;
}

/* The object table, rather than a list threaded through the headers:
 * the sweep reads it in order and can prefetch the headers ahead of it,
 * where following `next` pointers waited on one cache miss per live
 * object (a quarter of the run time of allocation-heavy programs), and
 * each header is 8 bytes smaller. */
static bool grow_objs(mpy_vm *vm)
{
    size_t cap = vm->capobjs ? vm->capobjs * 2 : 4096;
    mpy_obj **a = raw_realloc(vm, vm->objs, vm->capobjs * sizeof *a, cap * sizeof *a);
    if (!a) return false;
    vm->objs = a;
    vm->capobjs = cap;
    return true;
}

void *mpy_obj_alloc(mpy_vm *vm, mpy_type *type, size_t size) { return mpy_obj_alloc_part(vm, type, size, size); }

void *mpy_obj_alloc_part(mpy_vm *vm, mpy_type *type, size_t size, size_t zeroed)
{
    mpy_obj *o;
    if (mpy_pool_small(size)) {
        /* Small objects come from the pool; the cap and the collector
         * count them by their size, as if allocated one by one. */
        if (vm->config.memory_limit && vm->bytes_allocated + size > vm->config.memory_limit) {
            mpy_err_nomem(vm);
            return NULL;
        }
        o = mpy_pool_alloc(vm, size);
        if (!o) {
            mpy_err_nomem(vm);
            return NULL;
        }
        vm->bytes_allocated += size;
        if (vm->bytes_allocated > vm->peak_bytes) vm->peak_bytes = vm->bytes_allocated;
    } else {
        o = mpy_mem_realloc(vm, NULL, 0, size);
        if (!o) return NULL;
    }
    if (MPY_UNLIKELY(vm->nobjs == vm->capobjs) && !grow_objs(vm)) {
        if (mpy_pool_small(size)) {
            mpy_pool_free(vm, o, size);
            vm->bytes_allocated -= size;
        } else {
            mpy_mem_free(vm, o, size);
        }
        mpy_err_nomem(vm);
        return NULL;
    }
    memset(o, 0, zeroed);
    o->type = type;
    o->size = (uint32_t)size;
    vm->objs[vm->nobjs++] = o;
    if (MPY_UNLIKELY(type && (type->flags & MPY_TF_HAS_DEL)) && !mpy_gc_track_finalizer(vm, o)) return NULL;
    return o;
}

/* --------------------------------------------------------------- marking */

void mpy_gc_mark_obj(mpy_vm *vm, mpy_obj *o)
{
    if (!o || o->marked) return;
    o->marked = 1;
    /* Leaves (strs, floats, big ints... whose type has no trace slot)
     * need no trip through the gray stack: only their type is left to
     * mark, and types are marked as roots or through their instances. */
    mpy_type *t = o->type;
    /* An exact str has no dict to trace (only subclass instances do). */
    if (t && (!t->slots.trace || t == vm->types[MPY_TYPE_STR])) {
        if (!t->hdr.marked) mpy_gc_mark_obj(vm, (mpy_obj *)t);
        return;
    }
    if (vm->ngray == vm->capgray) {
        /* The gray stack uses the raw allocator: it must not count against
         * the cap, and marking cannot fail half-way.  If even that fails,
         * trace recursively (bounded by the heap shape, rare). */
        size_t cap = vm->capgray ? vm->capgray * 2 : 256;
        mpy_obj **g = raw_realloc(vm, vm->gray, vm->capgray * sizeof *g, cap * sizeof *g);
        if (!g) {
            mpy_type *t = o->type;
            mpy_gc_mark_obj(vm, (mpy_obj *)t);
            if (t->slots.trace) t->slots.trace(vm, o);
            return;
        }
        vm->gray = g;
        vm->capgray = cap;
    }
    vm->gray[vm->ngray++] = o;
}

void mpy_gc_mark_array(mpy_vm *vm, const mpy_value *v, size_t n)
{
    for (size_t i = 0; i < n; i++) mpy_gc_mark(vm, v[i]);
}

static void trace_gray(mpy_vm *vm)
{
    while (vm->ngray) {
        mpy_obj *o = vm->gray[--vm->ngray];
        mpy_gc_mark_obj(vm, (mpy_obj *)o->type);
        if (o->type->slots.trace) o->type->slots.trace(vm, o);
    }
}

/* Defined by the interpreter: marks frames and value stacks. */
void mpy_interp_mark_roots(mpy_vm *vm);

static void mark_roots(mpy_vm *vm)
{
    for (int i = 0; i < MPY_TYPE_COUNT; i++) mpy_gc_mark_obj(vm, (mpy_obj *)vm->types[i]);
    for (int i = 0; i < MPY_EXC_COUNT; i++) mpy_gc_mark_obj(vm, (mpy_obj *)vm->exc_types[i]);
    mpy_gc_mark_obj(vm, (mpy_obj *)vm->empty_tuple);
    mpy_gc_mark_obj(vm, (mpy_obj *)vm->empty_str);
    for (int i = 0; i < 128; i++) mpy_gc_mark_obj(vm, (mpy_obj *)vm->ascii_chars[i]);
    mpy_gc_mark_obj(vm, vm->notimpl);
    mpy_gc_mark_obj(vm, vm->ellipsis);
    mpy_gc_mark(vm, vm->memerr);
    mpy_str **names = (mpy_str **)&vm->names;
    for (size_t i = 0; i < sizeof vm->names / sizeof(mpy_str *); i++)
        mpy_gc_mark_obj(vm, (mpy_obj *)names[i]);
    mpy_gc_mark(vm, vm->exc);
    mpy_gc_mark(vm, vm->exc_info);
    mpy_gc_mark_obj(vm, (mpy_obj *)vm->builtins);
    mpy_gc_mark_obj(vm, (mpy_obj *)vm->modules);
    mpy_gc_mark_obj(vm, vm->sys);
    mpy_gc_mark_obj(vm, vm->builtins_module);
    mpy_gc_mark_array(vm, vm->roots, (size_t)vm->nroots);
    for (mpy_c_root *r = vm->c_roots; r; r = r->prev) r->mark(vm, r->ud);
    /* Queued finalizers: empty except in a collection forced while the
     * queue runs (finalizers run with collection blocked). */
    for (size_t i = 0; i < vm->nfin_queue; i++) mpy_gc_mark_obj(vm, vm->fin_queue[i]);
    mpy_interp_mark_roots(vm);
}

/* --------------------------------------------------------- finalization */

/* Appends o to a raw array (the registry or the queue). */
static bool push_raw(mpy_vm *vm, mpy_obj ***arr, size_t *n, size_t *cap, mpy_obj *o)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        mpy_obj **a = raw_realloc(vm, *arr, *cap * sizeof *a, nc * sizeof *a);
        if (!a) return false;
        *arr = a;
        *cap = nc;
    }
    (*arr)[(*n)++] = o;
    return true;
}

bool mpy_gc_track_finalizer(mpy_vm *vm, mpy_obj *o)
{
    if (o->flags & MPY_OBJ_FIN_REGISTERED) return true;
    if (!push_raw(vm, &vm->fin_reg, &vm->nfin_reg, &vm->capfin_reg, o)) {
        mpy_err_nomem(vm);
        return false;
    }
    o->flags |= MPY_OBJ_FIN_REGISTERED;
    return true;
}

void mpy_gc_track_type(mpy_vm *vm, mpy_type *t)
{
    for (size_t i = 0; i < vm->nobjs; i++) {
        mpy_obj *o = vm->objs[i];
        if (o->type == t && !(o->flags & MPY_OBJ_FINALIZED) && !mpy_gc_track_finalizer(vm, o)) {
            mpy_err_clear(vm); /* out of host memory: those instances go unfinalized */
            return;
        }
    }
}

static bool is_gen(mpy_vm *vm, mpy_obj *o) { return o->type == vm->types[MPY_TYPE_GENERATOR]; }

static bool needs_finalizer(mpy_vm *vm, mpy_obj *o)
{
    if (o->flags & MPY_OBJ_FINALIZED) return false;
    if (is_gen(vm, o)) return mpy_gen_needs_close(o);
    return o->type->flags & MPY_TF_HAS_DEL;
}

/* Finalization order.  CPython finalizes by reference counting: when a
 * container dies its __del__ runs first, then what it held dies, depth
 * first.  Reproduced on the queued objects q[0..n) (registry order,
 * oldest first, all unmarked): tracing from each in turn, the queued
 * objects first reached from q[i] become its children; the order is the
 * depth-first walk of that forest from the objects nobody reached, then
 * from the rest (cycles) oldest first.  The scan is quadratic in n, so
 * a big batch only gets "unreferenced ones first".  Either way every
 * queued object's referents end up marked (the objects themselves only
 * if another queued object refers to them). */
#define FIN_ORDER_MAX 1024

typedef struct {
    mpy_obj **q, **out;
    int32_t *parent;
    uint8_t *emitted;
    size_t n, nout;
} fin_order;

static void trace_children(mpy_vm *vm, mpy_obj *o)
{
    mpy_gc_mark_obj(vm, (mpy_obj *)o->type);
    if (o->type->slots.trace) o->type->slots.trace(vm, o);
    trace_gray(vm);
}

static void emit_tree(fin_order *fo, size_t i)
{
    fo->emitted[i] = 1;
    fo->out[fo->nout++] = fo->q[i];
    for (size_t j = 0; j < fo->n; j++)
        if (fo->parent[j] == (int32_t)i && !fo->emitted[j]) emit_tree(fo, j);
}

static void order_queue(mpy_vm *vm, mpy_obj **q, size_t n)
{
    size_t bytes = n * (sizeof(mpy_obj *) + sizeof(int32_t) + 2);
    char *scratch = n > 1 ? raw_realloc(vm, NULL, 0, bytes) : NULL;
    if (!scratch) {
        for (size_t i = 0; i < n; i++) trace_children(vm, q[i]);
        return; /* no memory (or nothing to order): registry order */
    }
    fin_order fo = {q, (mpy_obj **)scratch, (int32_t *)(scratch + n * sizeof(mpy_obj *)), NULL, n, 0};
    uint8_t *reached = (uint8_t *)(fo.parent + n);
    fo.emitted = reached + n;
    memset(reached, 0, 2 * n);
    for (size_t i = 0; i < n; i++) fo.parent[i] = -1;
    if (n <= FIN_ORDER_MAX) {
        for (size_t i = 0; i < n; i++) {
            trace_children(vm, q[i]);
            for (size_t j = 0; j < n; j++)
                if (!reached[j] && q[j]->marked) {
                    reached[j] = 1;
                    if (j != i) fo.parent[j] = (int32_t)i;
                }
        }
        for (size_t i = 0; i < n; i++)
            if (fo.parent[i] < 0 && !fo.emitted[i]) emit_tree(&fo, i);
        for (size_t i = 0; i < n; i++)
            if (!fo.emitted[i]) emit_tree(&fo, i);
    } else {
        for (size_t i = 0; i < n; i++) trace_children(vm, q[i]);
        for (size_t i = 0; i < n; i++)
            if (!q[i]->marked) fo.out[fo.nout++] = q[i];
        for (size_t i = 0; i < n; i++)
            if (q[i]->marked) fo.out[fo.nout++] = q[i];
    }
    memcpy(q, fo.out, n * sizeof *q);
    raw_realloc(vm, scratch, bytes, 0);
}

/* After marking: moves the unreachable registered objects that need
 * finalizing from the registry to the queue, and marks them and what
 * they refer to.  The others leave the registry (the sweep frees them).
 * Returns how many were queued. */
static size_t queue_unreachable(mpy_vm *vm)
{
    size_t first = vm->nfin_queue, keep = 0;
    for (size_t i = 0; i < vm->nfin_reg; i++) {
        mpy_obj *o = vm->fin_reg[i];
        if (o->marked) {
            vm->fin_reg[keep++] = o;
        } else if (needs_finalizer(vm, o) &&
                   push_raw(vm, &vm->fin_queue, &vm->nfin_queue, &vm->capfin_queue, o)) {
            o->flags &= (uint8_t)~MPY_OBJ_FIN_REGISTERED;
        } else if (needs_finalizer(vm, o)) {
            /* No memory for the queue: keep it, finalize it next time. */
            vm->fin_reg[keep++] = o;
            mpy_gc_mark_obj(vm, o);
        } else {
            o->flags &= (uint8_t)~MPY_OBJ_FIN_REGISTERED;
        }
    }
    vm->nfin_reg = keep;
    size_t n = vm->nfin_queue - first;
    if (!n) {
        trace_gray(vm);
        return 0;
    }
    order_queue(vm, vm->fin_queue + first, n);
    for (size_t i = 0; i < n; i++) mpy_gc_mark_obj(vm, vm->fin_queue[first + i]);
    trace_gray(vm);
    return n;
}

/* Reports an exception a finalizer raised, as CPython's default
 * sys.unraisablehook does (the exception's own traceback, no chained
 * exceptions), and drops it. */
static void write_unraisable(mpy_vm *vm, mpy_value culprit)
{
    mpy_value exc = mpy_err_fetch(vm);
    mpy_value r = mpy_repr(vm, culprit);
    if (mpy_is_null(r)) mpy_err_clear(vm);
    const char *what = mpy_is_null(r) ? "<object repr() failed>" : mpy_as_str(r)->data;
    size_t wlen = mpy_is_null(r) ? strlen(what) : mpy_as_str(r)->len;
    static const char head[] = "Exception ignored in: ";
    if (!mpy_sys_write(vm, MPY_STDERR, head, sizeof head - 1) ||
        !mpy_sys_write(vm, MPY_STDERR, what, wlen) || !mpy_sys_write(vm, MPY_STDERR, "\n", 1))
        mpy_err_clear(vm);
    mpy_str *text = mpy_is_null(exc) ? NULL : mpy_format_exception(vm, exc, MPY_NULL, false);
    if (text && !mpy_sys_write(vm, MPY_STDERR, text->data, text->len)) mpy_err_clear(vm);
    mpy_err_clear(vm);
}

/* Calls o's __del__ as CPython's slot_tp_finalize does: looked up on the
 * type, a function gets o as its first argument, another descriptor is
 * bound first.  Sets *culprit to what a report names. */
static bool call_del(mpy_vm *vm, mpy_obj *o, mpy_value *culprit)
{
    mpy_value self = mpy_from_obj(o);
    mpy_value del = mpy_type_lookup(vm, o->type, vm->names.__del__);
    if (mpy_is_null(del)) return true;
    *culprit = del;
    if (mpy_is_type(vm, del, MPY_TYPE_FUNCTION)) return !mpy_is_null(mpy_call(vm, del, 1, &self, NULL));
    mpy_type *dt = mpy_typeof(vm, del);
    if (dt->slots.descr_get) {
        del = dt->slots.descr_get(vm, del, self, o->type);
        if (mpy_is_null(del)) return false;
    }
    return !mpy_is_null(mpy_call(vm, del, 0, NULL, NULL));
}

/* Runs one finalizer with its own clean exception state, and reports
 * what it raises. */
static void finalize_one(mpy_vm *vm, mpy_obj *o)
{
    mpy_value saved_exc = vm->exc, saved_info = vm->exc_info;
    /* As CPython's finalizers, it sees the handled exception of the code
     * it interrupts (sys.exc_info()), but not a pending one. */
    vm->exc = MPY_NULL;
    o->flags |= MPY_OBJ_FINALIZED;
    mpy_value culprit = mpy_from_obj(o);
    bool ok = is_gen(vm, o) ? mpy_gen_finalize(vm, o) : call_del(vm, o, &culprit);
    if (!ok) write_unraisable(vm, culprit);
    vm->exc = saved_exc;
    vm->exc_info = saved_info;
}

/* Runs the queue.  Collection stays blocked meanwhile, so the queued
 * objects need no rooting; should a collection be forced anyway, it
 * appends to the queue, marks it, and leaves the running to this loop. */
static void run_finalizers(mpy_vm *vm)
{
    if (vm->fin_running || vm->fin_next >= vm->nfin_queue) return;
    vm->fin_running = true;
    vm->gc_block++;
    while (vm->fin_next < vm->nfin_queue) finalize_one(vm, vm->fin_queue[vm->fin_next++]);
    vm->nfin_queue = vm->fin_next = 0;
    vm->gc_block--;
    vm->fin_running = false;
}

/* Finalizes every live registered object that needs it, in registry
 * order (oldest first).  Only the entries present when a round starts
 * are visited, and at most a few rounds run, so a __del__ that makes new
 * such objects cannot keep the VM from ending. */
static void finalize_registered(mpy_vm *vm)
{
    for (int round = 0; round < 4 && vm->nfin_reg; round++) {
        size_t n = vm->nfin_reg;
        for (size_t i = 0; i < n; i++) {
            mpy_obj *o = vm->fin_reg[i];
            if (needs_finalizer(vm, o)) finalize_one(vm, o);
        }
        size_t keep = 0;
        for (size_t i = 0; i < vm->nfin_reg; i++) {
            mpy_obj *o = vm->fin_reg[i];
            if (i < n || !needs_finalizer(vm, o)) o->flags &= (uint8_t)~MPY_OBJ_FIN_REGISTERED;
            else vm->fin_reg[keep++] = o;
        }
        vm->nfin_reg = keep;
    }
}

void mpy_vm_finalize(mpy_vm *vm)
{
    /* Only between runs: a running frame, or a VM that failed half-way
     * through mpy_vm_new, is torn down without running Python code. */
    if (vm->frame || !vm->sys || vm->fin_running) return;
    if (!vm->nfin_reg && !vm->nfin_queue) return;
    vm->fin_running = true;
    vm->gc_block++;
    while (vm->fin_next < vm->nfin_queue) finalize_one(vm, vm->fin_queue[vm->fin_next++]);
    vm->nfin_queue = vm->fin_next = 0;
    /* CPython clears __main__'s namespace in insertion order at exit, so
     * its globals' finalizers run in that order. */
    mpy_dict *main = mpy_vm_main_dict(vm);
    size_t pos = 0;
    mpy_value k, v;
    while (main && mpy_dict_next(main, &pos, &k, &v))
        if (mpy_is_obj(v) && (v.u.o->flags & MPY_OBJ_FIN_REGISTERED) && needs_finalizer(vm, v.u.o))
            finalize_one(vm, v.u.o);
    finalize_registered(vm);
    vm->gc_block--;
    vm->fin_running = false;
}

/* ------------------------------------------------------------- sweeping */

void mpy_intern_sweep(mpy_vm *vm); /* intern.c: drops unmarked strings */

/* An object's memory back to the pool or the host allocator. */
static void release(mpy_vm *vm, mpy_obj *o)
{
    size_t size = o->size;
    if (mpy_pool_small(size)) {
        mpy_pool_free(vm, o, size);
        vm->bytes_allocated -= size;
    } else {
        mpy_mem_free(vm, o, size);
    }
}

/* Is o a type object (its memory must outlive its dead instances'). */
static bool is_type_object(mpy_vm *vm, mpy_obj *o)
{
    return o->type && (o->type == vm->types[MPY_TYPE_TYPE] || (o->type->flags & MPY_TF_TYPE_SUB));
}

/* Dead objects are finalized (the `finalize` slot, owned buffers) as the
 * sweep meets them, which reads their type's slots.  A dead type can come
 * before a dead instance of it on the list (an instance whose __class__
 * was set to a newer class), so the memory of dead types goes back only
 * after the sweep. */
#define SWEEP_AHEAD 8 /* headers prefetched ahead of the sweep */
#define DEAD_TYPE 2   /* `marked` of a dead type kept for the second pass */

/* Compacts the object table over the unmarked objects.  A dead type is
 * released only after every other dead object, whose finalize slot may
 * still read it: it stays in the table (marked DEAD_TYPE) until a second
 * pass, which runs only in the rare cycles where a type died. */
static size_t sweep(mpy_vm *vm)
{
    mpy_obj **a = vm->objs;
    size_t n = vm->nobjs, w = 0, freed = 0, dead_types = 0;
    for (size_t i = 0; i < n; i++) {
#if defined(__GNUC__) || defined(__clang__)
        if (i + SWEEP_AHEAD < n) __builtin_prefetch(a[i + SWEEP_AHEAD], 1);
#endif
        mpy_obj *o = a[i];
        if (o->marked) {
            o->marked = 0;
            a[w++] = o;
            continue;
        }
        if (o->type && o->type->slots.finalize) o->type->slots.finalize(vm, o);
        freed++;
        if (MPY_UNLIKELY(is_type_object(vm, o))) {
            o->marked = DEAD_TYPE;
            a[w++] = o;
            dead_types++;
        } else {
            release(vm, o);
        }
    }
    vm->nobjs = w;
    if (dead_types) {
        n = w;
        w = 0;
        for (size_t i = 0; i < n; i++) {
            if (a[i]->marked == DEAD_TYPE) release(vm, a[i]);
            else a[w++] = a[i];
        }
        vm->nobjs = w;
    }
    return freed;
}

size_t mpy_gc_collect(mpy_vm *vm)
{
    /* Freed types and names may come back at the same addresses: the
     * type attribute cache (runtime/type.c) must not recognise them. */
    vm->type_epoch++;
    mark_roots(vm);
    trace_gray(vm);
    size_t queued = queue_unreachable(vm);
    mpy_intern_sweep(vm);
    size_t freed = sweep(vm);
    size_t live = vm->bytes_allocated;
    vm->next_gc = live > GC_BIG_HEAP ? live + live / 2 : live * 2;
    if (vm->next_gc < GC_MIN_HEAP) vm->next_gc = GC_MIN_HEAP;
    run_finalizers(vm);
    return freed + queued;
}

void mpy_gc_safepoint(mpy_vm *vm)
{
    if (vm->gc_block) return;
    if (vm->bytes_allocated > vm->next_gc || vm->stress_gc) mpy_gc_collect(vm);
}

/* Frees every object (VM teardown), in two passes: first every finalizer
 * runs while all objects (types included) are still allocated, since a
 * finalizer finds itself through its object's type and may read it; then
 * the memory goes.  Freeing "types last" is not enough: `type` itself, a
 * metaclass and a heap class are all types whose own type may go first. */
void mpy_gc_free_all(mpy_vm *vm)
{
    for (size_t i = 0; i < vm->nobjs; i++) {
        mpy_obj *o = vm->objs[i];
        if (o->type && o->type->slots.finalize) o->type->slots.finalize(vm, o);
    }
    for (size_t i = 0; i < vm->nobjs; i++) release(vm, vm->objs[i]);
    raw_realloc(vm, vm->objs, vm->capobjs * sizeof *vm->objs, 0);
    vm->objs = NULL;
    vm->nobjs = vm->capobjs = 0;
    mpy_pool_destroy(vm);
    raw_realloc(vm, vm->gray, vm->capgray * sizeof *vm->gray, 0);
    vm->gray = NULL;
    vm->capgray = 0;
    raw_realloc(vm, vm->fin_reg, vm->capfin_reg * sizeof *vm->fin_reg, 0);
    raw_realloc(vm, vm->fin_queue, vm->capfin_queue * sizeof *vm->fin_queue, 0);
    vm->fin_reg = vm->fin_queue = NULL;
    vm->nfin_reg = vm->capfin_reg = vm->nfin_queue = vm->capfin_queue = vm->fin_next = 0;
}

bool mpy_root_push(mpy_vm *vm, mpy_value v)
{
    if (vm->nroots == vm->caproots) {
        int cap = vm->caproots ? vm->caproots * 2 : 32;
        mpy_value *r = mpy_mem_realloc(vm, vm->roots, (size_t)vm->caproots * sizeof *r,
                                       (size_t)cap * sizeof *r);
        if (!r) return false;
        vm->roots = r;
        vm->caproots = cap;
    }
    vm->roots[vm->nroots++] = v;
    return true;
}

void mpy_root_pop(mpy_vm *vm, int n) { vm->nroots -= n; }
