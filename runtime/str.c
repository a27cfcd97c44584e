/* str core: creation, interning hooks, hashing, equality, repr, and the
 * slots that the interpreter's fast paths need.  The text methods
 * (split, join, format, ...) live in str_methods.c.
 *
 * Strings are UTF-8 (see str.h).  The hash is CPython's exactly (SipHash-1-3
 * over the code points at CPython's storage width, zero key), so sets of
 * strings iterate in CPython's order under PYTHONHASHSEED=0.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/exc.h"
#include "runtime/siphash.h"
#include "runtime/str.h"

/* Decodes one code point of valid UTF-8 at *p and advances *p. */
static uint32_t decode(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    uint32_t c = *p;
    if (c < 0x80) { *pp = p + 1; return c; }
    if (c < 0xe0) { *pp = p + 2; return ((c & 0x1f) << 6) | (p[1] & 0x3f); }
    if (c < 0xf0) { *pp = p + 3; return ((c & 0x0f) << 12) | ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f); }
    *pp = p + 4;
    return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3f) << 12) | ((uint32_t)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
}

static size_t count_cps(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

mpy_str *mpy_str_alloc(mpy_vm *vm, size_t len)
{
    if (len == 0 && vm->empty_str) return vm->empty_str;
    mpy_str *s = mpy_obj_alloc(vm, vm->types[MPY_TYPE_STR], sizeof(mpy_str) + len + 1);
    if (!s) return NULL;
    s->hash = -1;
    s->len = len;
    s->cplen = len;
    return s;
}

void mpy_str_finish(mpy_str *s)
{
    s->data[s->len] = 0;
    s->cplen = count_cps(s->data, s->len);
}

mpy_str *mpy_str_new(mpy_vm *vm, const char *utf8, size_t len)
{
    if (len == 0 && vm->empty_str) return vm->empty_str;
    mpy_str *s = mpy_str_alloc(vm, len);
    if (!s) return NULL;
    memcpy(s->data, utf8, len);
    mpy_str_finish(s);
    return s;
}

mpy_str *mpy_str_from_cstr(mpy_vm *vm, const char *s) { return mpy_str_new(vm, s, strlen(s)); }

mpy_str *mpy_str_printf(mpy_vm *vm, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if ((size_t)n < sizeof small) return mpy_str_new(vm, small, (size_t)n);
    mpy_str *s = mpy_str_alloc(vm, (size_t)n);
    if (!s) return NULL;
    va_start(ap, fmt);
    vsnprintf(s->data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    mpy_str_finish(s);
    return s;
}

int64_t mpy_str_hash(mpy_str *s)
{
    if (s->hash != -1) return s->hash;
    if (s->len == 0) return s->hash = 0;
    mpy_siphash h;
    mpy_siphash_init(&h);
    if (mpy_str_is_ascii(s)) {
        mpy_siphash_bytes(&h, s->data, s->len);
    } else {
        /* CPython stores the string with 1, 2 or 4 bytes per code point,
         * chosen by the largest one, and hashes that buffer. */
        uint32_t maxc = 0;
        const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
        while (p < e) { uint32_t c = decode(&p); if (c > maxc) maxc = c; }
        int width = maxc < 0x100 ? 1 : maxc < 0x10000 ? 2 : 4;
        p = (const unsigned char *)s->data;
        while (p < e) {
            uint32_t c = decode(&p);
            for (int i = 0; i < width; i++) mpy_siphash_byte(&h, (uint8_t)(c >> (8 * i)));
        }
    }
    int64_t x = (int64_t)mpy_siphash_final(&h);
    if (x == -1) x = -2;
    return s->hash = x;
}

bool mpy_str_eq(const mpy_str *a, const mpy_str *b)
{
    if (a == b) return true;
    if (a->len != b->len) return false;
    if ((a->hdr.flags & b->hdr.flags & MPY_STR_INTERNED)) return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
    return memcmp(a->data, b->data, a->len) == 0;
}

mpy_str *mpy_str_concat(mpy_vm *vm, mpy_str *a, mpy_str *b)
{
    if (a->len == 0) return b;
    if (b->len == 0) return a;
    mpy_str *s = mpy_str_alloc(vm, a->len + b->len);
    if (!s) return NULL;
    memcpy(s->data, a->data, a->len);
    memcpy(s->data + a->len, b->data, b->len);
    s->data[s->len] = 0;
    s->cplen = a->cplen + b->cplen;
    return s;
}

/* CPython's repr: single quotes unless the text has a single quote and no
 * double quote; escapes \\ \n \r \t, other non-printables as \xNN, \uNNNN,
 * \UNNNNNNNN.  Non-ASCII printable characters stay as they are.
 * Printability of non-ASCII code points uses the Unicode tables when they
 * are built in (mpy_uni_isprintable); see str_methods.c. */
bool mpy_str_cp_printable(uint32_t c);

mpy_str *mpy_str_repr(mpy_vm *vm, mpy_str *s)
{
    bool has_sq = memchr(s->data, '\'', s->len) != NULL;
    bool has_dq = memchr(s->data, '"', s->len) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    /* Worst case is 10 bytes per code point (\UXXXXXXXX). */
    size_t cap = 2 + s->len * 10;
    char *buf = mpy_mem_realloc(vm, NULL, 0, cap);
    if (!buf) return NULL;
    size_t n = 0;
    buf[n++] = q;
    const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
    while (p < e) {
        const unsigned char *start = p;
        uint32_t c = decode(&p);
        if (c == (uint32_t)q || c == '\\') { buf[n++] = '\\'; buf[n++] = (char)c; }
        else if (c == '\n') { buf[n++] = '\\'; buf[n++] = 'n'; }
        else if (c == '\r') { buf[n++] = '\\'; buf[n++] = 'r'; }
        else if (c == '\t') { buf[n++] = '\\'; buf[n++] = 't'; }
        else if (c < 0x20 || c == 0x7f) n += (size_t)sprintf(buf + n, "\\x%02x", c);
        else if (c < 0x7f) buf[n++] = (char)c;
        else if (mpy_str_cp_printable(c)) { memcpy(buf + n, start, (size_t)(p - start)); n += (size_t)(p - start); }
        else if (c <= 0xff) n += (size_t)sprintf(buf + n, "\\x%02x", c);
        else if (c <= 0xffff) n += (size_t)sprintf(buf + n, "\\u%04x", c);
        else n += (size_t)sprintf(buf + n, "\\U%08x", c);
    }
    buf[n++] = q;
    mpy_str *r = mpy_str_new(vm, buf, n);
    mpy_mem_free(vm, buf, cap);
    return r;
}
