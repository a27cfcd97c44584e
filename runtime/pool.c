/* A small-object pool: the memory of heap objects up to POOL_MAX bytes.
 *
 * Why: most objects are small (strs, tuples, bound methods, cells, ints
 * beyond 64 bits) and short-lived; asking the host allocator for each one
 * and giving it back at every sweep cost a quarter of the run time of
 * allocation-heavy programs.  Here a freed object goes onto a free list of
 * its size class (16-byte steps) and is reused as is; new memory is carved
 * from 64 KiB blocks obtained through the VM's allocation hook, so objects
 * allocated together sit together, which the collector's sweep also likes.
 *
 * Blocks are only returned when the VM is freed.  Accounting for the
 * memory cap and the collector stays on object sizes (gc.c); the blocks
 * themselves are the pool's overhead.  Under AddressSanitizer the pool is
 * bypassed, so that use-after-free of objects is still caught.
 */
#include <string.h>

#include "vm/state.h"
#include "runtime/pool.h"

#define POOL_CLASSES (MPY_POOL_MAX / 16)
#define BLOCK_SIZE ((size_t)64 << 10)

typedef struct pool_block {
    struct pool_block *next;
} pool_block;

typedef struct free_cell {
    struct free_cell *next;
} free_cell;

typedef struct mpy_pool {
    free_cell *free[POOL_CLASSES];
    pool_block *blocks;
    char *bump, *bump_end;   /* the unused tail of the newest block */
} mpy_pool;

#if defined(__SANITIZE_ADDRESS__)
#define POOL_DISABLED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOL_DISABLED 1
#endif
#endif
#ifndef POOL_DISABLED
#define POOL_DISABLED 0
#endif

static size_t class_of(size_t size) { return (size + 15) / 16 - 1; }

static void *raw(mpy_vm *vm, void *p, size_t old, size_t size)
{
    return vm->config.realloc(vm->config.user_data, p, old, size);
}

bool mpy_pool_small(size_t size) { return !POOL_DISABLED && size && size <= MPY_POOL_MAX; }

void *mpy_pool_alloc(mpy_vm *vm, size_t size)
{
    mpy_pool *p = vm->pool;
    if (!p) {
        p = raw(vm, NULL, 0, sizeof *p);
        if (!p) return NULL;
        memset(p, 0, sizeof *p);
        vm->pool = p;
    }
    size_t c = class_of(size);
    free_cell *f = p->free[c];
    if (f) {
        p->free[c] = f->next;
        /* Freed cells are cold by the time they are reused; fetching the
         * next one now hides most of that miss from the next allocation. */
#if defined(__GNUC__) || defined(__clang__)
        if (f->next) __builtin_prefetch(f->next, 1);
#endif
        return f;
    }
    size_t need = (c + 1) * 16;
    if ((size_t)(p->bump_end - p->bump) < need) {
        /* The tail of the old block is too small: hand it out as free
         * cells of the largest class that fits, then start a new block. */
        while ((size_t)(p->bump_end - p->bump) >= 16) {
            size_t k = class_of((size_t)(p->bump_end - p->bump));
            if ((k + 1) * 16 > (size_t)(p->bump_end - p->bump)) k--;
            if (k >= POOL_CLASSES) k = POOL_CLASSES - 1;
            free_cell *cell = (free_cell *)p->bump;
            cell->next = p->free[k];
            p->free[k] = cell;
            p->bump += (k + 1) * 16;
        }
        pool_block *b = raw(vm, NULL, 0, BLOCK_SIZE);
        if (!b) return NULL;
        b->next = p->blocks;
        p->blocks = b;
        /* Objects start 16-byte aligned after the block header. */
        p->bump = (char *)b + 16;
        p->bump_end = (char *)b + BLOCK_SIZE;
    }
    void *r = p->bump;
    p->bump += need;
    return r;
}

void mpy_pool_free(mpy_vm *vm, void *ptr, size_t size)
{
    mpy_pool *p = vm->pool;
    free_cell *f = ptr;
    size_t c = class_of(size);
    f->next = p->free[c];
    p->free[c] = f;
}

void mpy_pool_destroy(mpy_vm *vm)
{
    mpy_pool *p = vm->pool;
    if (!p) return;
    while (p->blocks) {
        pool_block *b = p->blocks;
        p->blocks = b->next;
        raw(vm, b, BLOCK_SIZE, 0);
    }
    raw(vm, p, sizeof *p, 0);
    vm->pool = NULL;
}
