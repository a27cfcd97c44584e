/* Arena allocator: see arena.h.  Chunks double in size up to 64 KiB so a
 * one-line parse costs one small allocation and a 100k-line file a few
 * hundred large ones. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct mpy_arena_chunk {
    mpy_arena_chunk *next;
    size_t size, used;
    /* max_align_t keeps the payload aligned for any object */
    _Alignas(16) unsigned char data[];
};

#define MIN_CHUNK 1024
#define MAX_CHUNK (64 * 1024)

void *mpy_default_realloc(void *ud, void *ptr, size_t old_size, size_t new_size)
{
    (void)ud;
    (void)old_size;
    if (new_size == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, new_size);
}

void mpy_arena_init(mpy_arena *a, mpy_realloc_fn fn, void *ud)
{
    memset(a, 0, sizeof *a);
    a->realloc = fn ? fn : mpy_default_realloc;
    a->ud = ud;
}

void mpy_arena_free(mpy_arena *a)
{
    mpy_arena_chunk *c = a->chunks;
    while (c) {
        mpy_arena_chunk *next = c->next;
        a->realloc(a->ud, c, sizeof *c + c->size, 0);
        c = next;
    }
    a->chunks = NULL;
    a->used = a->total = 0;
    a->nomem = false;
}

static mpy_arena_chunk *new_chunk(mpy_arena *a, size_t need)
{
    size_t size = a->chunks ? a->chunks->size * 2 : MIN_CHUNK;
    if (size > MAX_CHUNK)
        size = MAX_CHUNK;
    if (size < need)
        size = need;
    mpy_arena_chunk *c = a->realloc(a->ud, NULL, 0, sizeof *c + size);
    if (!c) {
        a->nomem = true;
        return NULL;
    }
    c->size = size;
    c->used = 0;
    c->next = a->chunks;
    a->chunks = c;
    a->total += size;
    return c;
}

void *mpy_arena_alloc(mpy_arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    mpy_arena_chunk *c = a->chunks;
    if (!c || c->size - c->used < size) {
        c = new_chunk(a, size);
        if (!c)
            return NULL;
    }
    void *p = c->data + c->used;
    c->used += size;
    a->used += size;
    memset(p, 0, size);
    return p;
}

char *mpy_arena_strndup(mpy_arena *a, const char *s, size_t len)
{
    char *p = mpy_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
