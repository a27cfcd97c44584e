/* str: immutable Unicode text stored as UTF-8.
 *
 * Invariants: data is valid UTF-8 and NUL-terminated (the NUL is not part
 * of the text; the text may contain NULs); `len` counts bytes and `cplen`
 * code points; when the two are equal the string is ASCII and indexing is
 * O(1).  `hash` is -1 until computed.  Interned strings (identifiers,
 * attribute names) are unique per VM, so comparing two interned strings is
 * a pointer comparison; the intern table is weak (runtime/intern.c).
 */
#ifndef MPY_STR_H
#define MPY_STR_H

#include "object.h"

#define MPY_STR_INTERNED 1 /* mpy_obj.flags bit */

struct mpy_str {
    mpy_obj hdr;
    int64_t hash;   /* -1: not computed yet */
    size_t len;     /* bytes */
    size_t cplen;   /* code points */
    char data[];    /* len bytes + NUL */
};

static inline mpy_str *mpy_as_str(mpy_value v) { return (mpy_str *)v.u.o; }
static inline bool mpy_str_is_ascii(const mpy_str *s) { return s->len == s->cplen; }

/* New string from valid UTF-8 (not checked; use mpy_str_from_utf8 for
 * untrusted bytes).  NULL with MemoryError pending. */
mpy_str *mpy_str_new(mpy_vm *vm, const char *utf8, size_t len);
mpy_str *mpy_str_from_cstr(mpy_vm *vm, const char *s);
/* New string of `len` bytes to be filled in by the caller, who then calls
 * mpy_str_finish (which counts code points).  data[len] is already NUL. */
mpy_str *mpy_str_alloc(mpy_vm *vm, size_t len);
void mpy_str_finish(mpy_str *s);
/* Formats like printf into a new str. */
mpy_str *mpy_str_printf(mpy_vm *vm, const char *fmt, ...) MPY_PRINTF(2, 3);
/* The interned string equal to utf8[0..len): returns the existing one or
 * interns a new one.  NULL with MemoryError pending. */
mpy_str *mpy_str_intern(mpy_vm *vm, const char *utf8, size_t len);
mpy_str *mpy_str_intern_cstr(mpy_vm *vm, const char *s);
/* Interns s itself when no equal string is interned yet. */
mpy_str *mpy_str_intern_str(mpy_vm *vm, mpy_str *s);
/* CPython-compatible hashes are not required (PYTHONHASHSEED is random in
 * CPython anyway); only hash(x) == hash(y) when x == y across str. */
int64_t mpy_str_hash(mpy_str *s);
bool mpy_str_eq(const mpy_str *a, const mpy_str *b);
/* repr(s) with CPython's quoting rules. */
mpy_str *mpy_str_repr(mpy_vm *vm, mpy_str *s);
/* Concatenation. */
mpy_str *mpy_str_concat(mpy_vm *vm, mpy_str *a, mpy_str *b);

#endif
