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
 * Invariants: every heap object is on vm->objects exactly once; `size` in
 * its header is what was allocated for it; bytes_allocated is the sum of
 * all live object sizes and owned buffers (the memory cap applies to it).
 */
#include <stdlib.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/exc.h"
#include "runtime/pool.h"
#include "runtime/str.h"

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

void *mpy_obj_alloc(mpy_vm *vm, mpy_type *type, size_t size)
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
    memset(o, 0, size);
    o->type = type;
    o->size = (uint32_t)size;
    o->next = vm->objects;
    vm->objects = o;
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
    mpy_interp_mark_roots(vm);
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

static void free_obj(mpy_vm *vm, mpy_obj *o)
{
    if (o->type && o->type->slots.finalize) o->type->slots.finalize(vm, o);
    release(vm, o);
}

static size_t sweep(mpy_vm *vm)
{
    size_t freed = 0;
    mpy_obj **link = &vm->objects;
    while (*link) {
        mpy_obj *o = *link;
        if (o->marked) {
            o->marked = 0;
            link = &o->next;
        } else {
            *link = o->next;
            free_obj(vm, o);
            freed++;
        }
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
    mpy_intern_sweep(vm);
    size_t freed = sweep(vm);
    size_t live = vm->bytes_allocated;
    vm->next_gc = live > GC_BIG_HEAP ? live + live / 2 : live * 2;
    if (vm->next_gc < GC_MIN_HEAP) vm->next_gc = GC_MIN_HEAP;
    return freed;
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
    for (mpy_obj *o = vm->objects; o; o = o->next)
        if (o->type && o->type->slots.finalize) o->type->slots.finalize(vm, o);
    while (vm->objects) {
        mpy_obj *o = vm->objects;
        vm->objects = o->next;
        release(vm, o);
    }
    mpy_pool_destroy(vm);
    raw_realloc(vm, vm->gray, vm->capgray * sizeof *vm->gray, 0);
    vm->gray = NULL;
    vm->capgray = 0;
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
