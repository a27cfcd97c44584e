/* The small-object pool (runtime/pool.c): memory for heap objects of up to
 * MPY_POOL_MAX bytes, reused through per-size free lists.  Only gc.c uses
 * it. */
#ifndef MPY_POOL_H
#define MPY_POOL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct mpy_vm mpy_vm;

#define MPY_POOL_MAX 256

/* Whether objects of `size` bytes come from the pool (never under ASan). */
bool mpy_pool_small(size_t size);
/* size bytes (16-byte aligned, not zeroed), or NULL when the host
 * allocator fails.  No exception is set. */
void *mpy_pool_alloc(mpy_vm *vm, size_t size);
/* Returns memory from mpy_pool_alloc of the same size. */
void mpy_pool_free(mpy_vm *vm, void *p, size_t size);
/* Gives every block back (VM teardown, after the last object). */
void mpy_pool_destroy(mpy_vm *vm);

#endif
