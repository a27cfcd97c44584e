/* Persistent node sequences: see mpy_ast_seq in ast.h for why they never
 * change once made. */
#include "ast.h"

#include <string.h>

mpy_ast_seq *mpy_ast_seq_new(mpy_arena *a)
{
    return mpy_arena_alloc(a, sizeof(mpy_ast_seq));
}

static mpy_ast_seq_block *block_new(mpy_arena *a, int cap, int used)
{
    mpy_ast_seq_block *b = mpy_arena_alloc(a, sizeof *b + (size_t)cap * sizeof(void *));
    if (b) {
        b->cap = cap;
        b->used = used;
        b->real_used = a->trial ? -1 : used;
    }
    return b;
}

mpy_ast_seq *mpy_ast_seq_append(mpy_arena *a, const mpy_ast_seq *s, void *item)
{
    mpy_ast_seq *r = mpy_arena_alloc(a, sizeof *r);
    if (!r)
        return NULL;
    int len = s ? s->len : 0;
    mpy_ast_seq_block *b = s ? s->blk : NULL;
    /* Slots past the real parser's only a finished pass wrote (ast.h). */
    if (b && len == b->real_used && b->used > len && (!a->trial || b->pass != a->pass))
        b->used = len;
    /* In place only when this header owns the end of the block: another
     * header (a snapshot's) may already have written slot `len`. */
    if (!b || b->used != len || len == b->cap) {
        mpy_ast_seq_block *nb = block_new(a, len < 4 ? 4 : len * 2, len);
        if (!nb)
            return NULL;
        if (len)
            memcpy(nb->items, b->items, (size_t)len * sizeof(void *));
        b = nb;
    }
    b->items[len] = item;
    b->used = len + 1;
    if (!a->trial)
        b->real_used = len + 1;
    else
        b->pass = a->pass;
    r->len = len + 1;
    r->blk = b;
    return r;
}

mpy_ast_seq *mpy_ast_seq_concat(mpy_arena *a, const mpy_ast_seq *x, const mpy_ast_seq *y)
{
    int nx = MPY_SEQ_LEN(x), ny = MPY_SEQ_LEN(y);
    mpy_ast_seq *r = mpy_arena_alloc(a, sizeof *r);
    mpy_ast_seq_block *b = block_new(a, nx + ny < 4 ? 4 : nx + ny, nx + ny);
    if (!r || !b)
        return NULL;
    if (nx)
        memcpy(b->items, x->blk->items, (size_t)nx * sizeof(void *));
    if (ny)
        memcpy(b->items + nx, y->blk->items, (size_t)ny * sizeof(void *));
    r->len = nx + ny;
    r->blk = b;
    return r;
}
