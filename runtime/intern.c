/* The intern table: one canonical str per distinct identifier, so that
 * namespace lookups compare pointers.  Open addressing with linear probing
 * over a power-of-two array.  The table is weak: after marking, the
 * collector calls mpy_intern_sweep, which drops strings nothing else
 * reached (tombstones keep probe chains intact until the next rehash).
 */
#include <string.h>

#include "vm/state.h"
#include "runtime/exc.h"
#include "runtime/str.h"

#define TOMBSTONE ((mpy_str *)(uintptr_t)1)

static bool grow(mpy_vm *vm)
{
    size_t cap = vm->intern_cap ? vm->intern_cap * 2 : 1024;
    mpy_str **t = mpy_mem_realloc(vm, NULL, 0, cap * sizeof *t);
    if (!t) return false;
    memset(t, 0, cap * sizeof *t);
    size_t count = 0;
    for (size_t i = 0; i < vm->intern_cap; i++) {
        mpy_str *s = vm->intern[i];
        if (!s || s == TOMBSTONE) continue;
        size_t j = (size_t)mpy_str_hash(s) & (cap - 1);
        while (t[j]) j = (j + 1) & (cap - 1);
        t[j] = s;
        count++;
    }
    mpy_mem_free(vm, vm->intern, vm->intern_cap * sizeof *t);
    vm->intern = t;
    vm->intern_cap = cap;
    vm->intern_count = count;
    return true;
}

/* Finds the interned string equal to probe; returns its slot, or the slot
 * where it would go (*found false). */
static size_t find(mpy_vm *vm, mpy_str *probe, bool *found)
{
    size_t mask = vm->intern_cap - 1;
    size_t j = (size_t)mpy_str_hash(probe) & mask;
    size_t first_free = SIZE_MAX;
    for (;;) {
        mpy_str *s = vm->intern[j];
        if (!s) break;
        if (s == TOMBSTONE) {
            if (first_free == SIZE_MAX) first_free = j;
        } else if (s->hash == probe->hash && s->len == probe->len &&
                   memcmp(s->data, probe->data, s->len) == 0) {
            *found = true;
            return j;
        }
        j = (j + 1) & mask;
    }
    *found = false;
    return first_free != SIZE_MAX ? first_free : j;
}

mpy_str *mpy_str_intern_str(mpy_vm *vm, mpy_str *s)
{
    if (s->hdr.flags & MPY_STR_INTERNED) return s;
    if ((vm->intern_count + 1) * 2 > vm->intern_cap && !grow(vm)) return NULL;
    bool found;
    size_t j = find(vm, s, &found);
    if (found) return vm->intern[j];
    if (vm->intern[j] != TOMBSTONE) vm->intern_count++;
    vm->intern[j] = s;
    s->hdr.flags |= MPY_STR_INTERNED;
    return s;
}

mpy_str *mpy_str_intern(mpy_vm *vm, const char *utf8, size_t len)
{
    /* Probe with a stack copy first so that interning an existing name
     * allocates nothing. */
    if (vm->intern_cap && len < 128) {
        /* A str header followed by room for the text, on the stack. */
        _Alignas(mpy_str) unsigned char raw[sizeof(mpy_str) + 128];
        mpy_str *probe = (mpy_str *)raw;
        memset(probe, 0, sizeof *probe);
        probe->hash = -1;
        probe->len = len;
        memcpy(probe->data, utf8, len);
        probe->data[len] = 0;
        probe->cplen = len; /* only the bytes matter for hashing ASCII... */
        for (size_t i = 0; i < len; i++)
            if ((unsigned char)utf8[i] >= 0x80) { probe->cplen = 0; break; }
        if (probe->cplen == len) {
            bool found;
            size_t j = find(vm, probe, &found);
            if (found) return vm->intern[j];
        }
    }
    mpy_str *s = mpy_str_new(vm, utf8, len);
    if (!s) return NULL;
    return mpy_str_intern_str(vm, s);
}

/* Runtime C code interns the same literal names over and over
 * ("__setattr__", "append" ...).  A small cache keyed by the text's address
 * skips hashing them again; the text is compared too, since a caller's
 * buffer may be reused for other text.  Cleared whenever the collector
 * may have freed interned strings. */
mpy_str *mpy_str_intern_cstr(mpy_vm *vm, const char *s)
{
    size_t h = ((uintptr_t)s >> 3) & (MPY_CSTR_CACHE - 1);
    mpy_str *c = vm->cstr_cache[h].str;
    if (c && vm->cstr_cache[h].key == s && strcmp(c->data, s) == 0) return c;
    c = mpy_str_intern(vm, s, strlen(s));
    if (c) {
        vm->cstr_cache[h].key = s;
        vm->cstr_cache[h].str = c;
    }
    return c;
}

void mpy_intern_sweep(mpy_vm *vm)
{
    memset(vm->cstr_cache, 0, sizeof vm->cstr_cache);
    for (size_t i = 0; i < vm->intern_cap; i++) {
        mpy_str *s = vm->intern[i];
        if (s && s != TOMBSTONE && !s->hdr.marked) vm->intern[i] = TOMBSTONE;
    }
}

void mpy_intern_free(mpy_vm *vm)
{
    mpy_mem_free(vm, vm->intern, vm->intern_cap * sizeof *vm->intern);
    vm->intern = NULL;
    vm->intern_cap = vm->intern_count = 0;
}
