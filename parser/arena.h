/* A bump allocator for everything one parse builds: AST nodes, sequences,
 * identifiers and decoded string constants.
 *
 * Why an arena: a failed parse (the console's common case) frees one chain of
 * chunks instead of walking a half-built tree, and Bison needs no
 * %destructor.  Chunks come from the host's allocation function (the one
 * mpy_config.realloc will name), so an out-of-memory parse is reported as
 * such instead of aborting: every allocator here returns NULL and sets
 * `a->nomem`, which the parse driver turns into MPY_PARSE_NOMEM.
 */
#ifndef MPY_ARENA_H
#define MPY_ARENA_H

#include <stddef.h>
#include <stdbool.h>

/* One allocation function for grow, shrink and free, as Lua's lua_Alloc:
 * realloc(ud, ptr, old, new) with new == 0 frees and returns NULL. */
typedef void *(*mpy_realloc_fn)(void *ud, void *ptr, size_t old_size, size_t new_size);

typedef struct mpy_arena_chunk mpy_arena_chunk;

typedef struct mpy_arena {
    mpy_realloc_fn realloc;
    void *ud;
    mpy_arena_chunk *chunks; /* newest first */
    size_t used, total;      /* bytes handed out / bytes held in chunks */
    bool nomem;              /* sticky: some allocation failed */
    bool trial;              /* a throwaway parse pass is running (seq.c) */
    unsigned pass;           /* which one: counts the passes started */
} mpy_arena;

/* The default allocation function: libc realloc/free. */
void *mpy_default_realloc(void *ud, void *ptr, size_t old_size, size_t new_size);

/* fn may be NULL for the default. */
void mpy_arena_init(mpy_arena *a, mpy_realloc_fn fn, void *ud);
/* Frees every chunk; the arena can be used again afterwards. */
void mpy_arena_free(mpy_arena *a);

/* Zeroed memory, aligned for any object; NULL on failure. */
void *mpy_arena_alloc(mpy_arena *a, size_t size);
/* A NUL-terminated copy of s[0..len). */
char *mpy_arena_strndup(mpy_arena *a, const char *s, size_t len);

#endif
