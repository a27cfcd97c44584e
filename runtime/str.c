/* str core: creation, UTF-8 decoding and encoding, interning hooks,
 * hashing, equality, repr, and the type's slots (operators, indexing,
 * slicing, iteration, the constructor).  The text methods (split, join,
 * ...) live in str_methods.c, formatting (format(), str.format, %) in
 * format.c.
 *
 * Strings are UTF-8 (see str.h).  The hash is CPython's exactly (SipHash-1-3
 * over the code points at CPython's storage width, zero key), so sets of
 * strings iterate in CPython's order under PYTHONHASHSEED=0.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/seq.h"
#include "runtime/siphash.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#define decode mpy_utf8_decode
#define count_cps mpy_utf8_count

uint32_t mpy_utf8_decode(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    uint32_t c = *p;
    if (c < 0x80) { *pp = p + 1; return c; }
    if (c < 0xe0) { *pp = p + 2; return ((c & 0x1f) << 6) | (p[1] & 0x3f); }
    if (c < 0xf0) { *pp = p + 3; return ((c & 0x0f) << 12) | ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f); }
    *pp = p + 4;
    return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3f) << 12) | ((uint32_t)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
}

size_t mpy_utf8_encode(uint32_t c, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (c < 0x80) { o[0] = (unsigned char)c; return 1; }
    if (c < 0x800) { o[0] = (unsigned char)(0xc0 | (c >> 6)); o[1] = (unsigned char)(0x80 | (c & 0x3f)); return 2; }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xe0 | (c >> 12));
        o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
        o[2] = (unsigned char)(0x80 | (c & 0x3f));
        return 3;
    }
    o[0] = (unsigned char)(0xf0 | (c >> 18));
    o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
    o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
    o[3] = (unsigned char)(0x80 | (c & 0x3f));
    return 4;
}

/* Code points in valid UTF-8: the bytes that are not continuation bytes
 * (10xxxxxx).  Eight bytes at a time; pure ASCII words skip the count. */
size_t mpy_utf8_count(const char *s, size_t len)
{
    const uint64_t hi = 0x8080808080808080ull;
    size_t cont = 0, i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (!(w & hi)) continue;
        uint64_t c = w & ~(w << 1) & hi; /* bit 7 set, bit 6 clear */
        cont += (size_t)__builtin_popcountll(c);
    }
    for (; i < len; i++) cont += ((unsigned char)s[i] & 0xc0) == 0x80;
    return len - cont;
}

/* Strings of at least INDEX_CACHE_MIN bytes get two extra words after the
 * text: the last (code point index, byte offset) pair that
 * mpy_str_offset computed, so that indexing non-ASCII text in a loop
 * walks from the previous position instead of from an end.  Whether an
 * object has the cache is read off its allocated size. */
#define INDEX_CACHE_MIN 32

static size_t cache_offset(size_t len) { return (offsetof(mpy_str, data) + len + 1 + 7) & ~(size_t)7; }

static uint64_t *index_cache(const mpy_str *s)
{
    size_t off = cache_offset(s->len);
    if (s->len < INDEX_CACHE_MIN || s->hdr.size < off + 2 * sizeof(uint64_t)) return NULL;
    return (uint64_t *)((char *)s + off);
}

mpy_str *mpy_str_alloc(mpy_vm *vm, size_t len)
{
    if (len == 0 && vm->empty_str) return vm->empty_str;
    size_t size = len < INDEX_CACHE_MIN ? sizeof(mpy_str) + len + 1 : cache_offset(len) + 2 * sizeof(uint64_t);
    mpy_str *s = mpy_obj_alloc(vm, vm->types[MPY_TYPE_STR], size);
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

/* ------------------------------------------------------ UTF-8 decoding */

/* Length of the valid UTF-8 sequence at p (1..4), or 0 when invalid; then
 * *bad is the number of bytes CPython's decoder reports as the error (the
 * maximal invalid subpart) and *reason its wording. */
static size_t utf8_check(const unsigned char *p, const unsigned char *e, size_t *bad, const char **reason)
{
    unsigned c = p[0];
    if (c < 0x80) return 1;
    size_t need;
    unsigned lo = 0x80, hi = 0xbf;
    if (c < 0xc2 || c > 0xf4) { *bad = 1; *reason = "invalid start byte"; return 0; }
    if (c < 0xe0) need = 2;
    else if (c < 0xf0) { need = 3; if (c == 0xe0) lo = 0xa0; else if (c == 0xed) hi = 0x9f; }
    else { need = 4; if (c == 0xf0) lo = 0x90; else if (c == 0xf4) hi = 0x8f; }
    for (size_t k = 1; k < need; k++) {
        if (p + k >= e) { *bad = k; *reason = "unexpected end of data"; return 0; }
        unsigned b = p[k];
        unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xbf;
        if (b < l || b > h) { *bad = k; *reason = "invalid continuation byte"; return 0; }
    }
    return need;
}

mpy_str *mpy_str_from_utf8(mpy_vm *vm, const char *data, size_t len, const char *errors)
{
    const unsigned char *p = (const unsigned char *)data, *e = p + len;
    /* Fast path: valid input is copied as is. */
    size_t bad;
    const char *reason;
    while (p < e) {
        if (*p < 0x80) { p++; continue; }
        size_t n = utf8_check(p, e, &bad, &reason);
        if (!n) break;
        p += n;
    }
    if (p == e) return mpy_str_new(vm, data, len);
    int mode = !errors || !strcmp(errors, "strict") ? 0 : !strcmp(errors, "replace") ? 1 : !strcmp(errors, "ignore") ? 2 : -1;
    if (mode == -1) {
        mpy_err_fmt(vm, MPY_EXC_LookupError, "unknown error handler name '%s'", errors);
        return NULL;
    }
    if (mode == 0) {
        size_t pos = (size_t)(p - (const unsigned char *)data);
        if (bad == 1)
            mpy_err_fmt(vm, MPY_EXC_UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                        *p, pos, reason);
        else
            mpy_err_fmt(vm, MPY_EXC_UnicodeDecodeError, "'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                        pos, pos + bad - 1, reason);
        return NULL;
    }
    /* Each invalid subpart becomes U+FFFD (3 bytes) or nothing. */
    size_t cap = len * 3 + 1;
    char *buf = mpy_mem_realloc(vm, NULL, 0, cap);
    if (!buf) return NULL;
    size_t n = 0;
    p = (const unsigned char *)data;
    while (p < e) {
        size_t k = utf8_check(p, e, &bad, &reason);
        if (k) { memcpy(buf + n, p, k); n += k; p += k; continue; }
        if (mode == 1) { memcpy(buf + n, "\xef\xbf\xbd", 3); n += 3; }
        p += bad;
    }
    mpy_str *r = mpy_str_new(vm, buf, n);
    mpy_mem_free(vm, buf, cap);
    return r;
}

/* ------------------------------------------------------------- helpers */

mpy_str *mpy_str_to_ascii(mpy_vm *vm, mpy_str *s)
{
    if (mpy_str_is_ascii(s)) return s;
    size_t cap = s->len * 10 + 1;
    char *buf = mpy_mem_realloc(vm, NULL, 0, cap);
    if (!buf) return NULL;
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
    while (p < e) {
        uint32_t c = decode(&p);
        if (c < 0x80) buf[n++] = (char)c;
        else if (c <= 0xff) n += (size_t)sprintf(buf + n, "\\x%02x", c);
        else if (c <= 0xffff) n += (size_t)sprintf(buf + n, "\\u%04x", c);
        else n += (size_t)sprintf(buf + n, "\\U%08x", c);
    }
    mpy_str *r = mpy_str_new(vm, buf, n);
    mpy_mem_free(vm, buf, cap);
    return r;
}

mpy_str *mpy_str_exact(mpy_vm *vm, mpy_str *s)
{
    if (s->hdr.type == vm->types[MPY_TYPE_STR]) return s;
    mpy_str *r = mpy_str_alloc(vm, s->len);
    if (!r || r->len == 0) return r;
    memcpy(r->data, s->data, s->len);
    r->cplen = s->cplen;
    return r;
}

size_t mpy_str_offset(const mpy_str *s, size_t i)
{
    if (mpy_str_is_ascii(s)) return i;
    const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
    /* Walk from the nearest known position: the start, the end, or the
     * cached one (the cache is zero, i.e. the start, until first used). */
    uint64_t *cache = index_cache(s);
    size_t from_cp = 0, from_byte = 0;
    if (cache) {
        from_cp = (size_t)cache[0];
        from_byte = (size_t)cache[1];
    }
    size_t d_cache = i > from_cp ? i - from_cp : from_cp - i;
    size_t d_end = s->cplen - i, d_start = i;
    const unsigned char *q;
    if (d_end < d_cache && d_end < d_start) {
        q = e;
        while (d_end) { q--; if ((*q & 0xc0) != 0x80) d_end--; }
    } else {
        if (d_start <= d_cache) from_cp = 0, from_byte = 0;
        q = p + from_byte;
        for (size_t k = from_cp; k < i; k++) {
            q++;
            while (q < e && (*q & 0xc0) == 0x80) q++;
        }
        for (size_t k = i; k < from_cp; k++) {
            q--;
            while ((*q & 0xc0) == 0x80) q--;
        }
    }
    if (cache) {
        cache[0] = i;
        cache[1] = (uint64_t)(q - p);
    }
    return (size_t)(q - p);
}

/* The one-character str for an ASCII byte: kept per VM (iterating or
 * indexing text makes them by the million). */
static mpy_str *ascii_char(mpy_vm *vm, unsigned char c)
{
    mpy_str *s = vm->ascii_chars[c];
    if (s) return s;
    char b = (char)c;
    s = mpy_str_intern(vm, &b, 1);
    vm->ascii_chars[c] = s;
    return s;
}

mpy_str *mpy_str_from_cp(mpy_vm *vm, uint32_t c)
{
    if (c < 0x80) return ascii_char(vm, (unsigned char)c);
    char buf[4];
    size_t n = mpy_utf8_encode(c, buf);
    if (n == 1) return mpy_str_intern(vm, buf, 1);
    mpy_str *s = mpy_str_alloc(vm, n);
    if (!s) return NULL;
    memcpy(s->data, buf, n);
    s->cplen = 1;
    return s;
}

mpy_str *mpy_str_char_at(mpy_vm *vm, mpy_str *s, size_t i)
{
    if (mpy_str_is_ascii(s)) return ascii_char(vm, (unsigned char)s->data[i]);
    const unsigned char *p = (const unsigned char *)s->data + mpy_str_offset(s, i);
    return mpy_str_from_cp(vm, decode(&p));
}

int64_t mpy_mem_find(const char *hay, size_t hn, const char *needle, size_t nn)
{
    if (nn == 0) return 0;
    if (nn > hn) return -1;
    if (nn == 1) {
        const char *r = memchr(hay, needle[0], hn);
        return r ? r - hay : -1;
    }
    const char *p = hay, *last = hay + (hn - nn);
    while (p <= last) {
        p = memchr(p, needle[0], (size_t)(last - p) + 1);
        if (!p) return -1;
        if (memcmp(p + 1, needle + 1, nn - 1) == 0) return p - hay;
        p++;
    }
    return -1;
}

int64_t mpy_mem_rfind(const char *hay, size_t hn, const char *needle, size_t nn)
{
    if (nn > hn) return -1;
    for (size_t i = hn - nn + 1; i-- > 0;)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, nn) == 0) return (int64_t)i;
    return -1;
}

/* ---------------------------------------------------- building strings */

void mpy_textbuf_init(mpy_textbuf *b)
{
    b->data = b->small;
    b->len = 0;
    b->cap = sizeof b->small;
}

static bool textbuf_grow(mpy_vm *vm, mpy_textbuf *b, size_t extra)
{
    size_t cap = b->cap * 2;
    while (cap < b->len + extra + 1) cap *= 2;
    char *d;
    if (b->data == b->small) {
        d = mpy_mem_realloc(vm, NULL, 0, cap);
        if (d) memcpy(d, b->small, b->len);
    } else {
        d = mpy_mem_realloc(vm, b->data, b->cap, cap);
    }
    if (!d) return false;
    b->data = d;
    b->cap = cap;
    return true;
}

bool mpy_textbuf_add(mpy_vm *vm, mpy_textbuf *b, const char *s, size_t n)
{
    if (b->len + n >= b->cap && !textbuf_grow(vm, b, n)) return false;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return true;
}

bool mpy_textbuf_addc(mpy_vm *vm, mpy_textbuf *b, char c, size_t count)
{
    if (b->len + count >= b->cap && !textbuf_grow(vm, b, count)) return false;
    memset(b->data + b->len, c, count);
    b->len += count;
    return true;
}

bool mpy_textbuf_addcp(mpy_vm *vm, mpy_textbuf *b, uint32_t c)
{
    char u[4];
    return mpy_textbuf_add(vm, b, u, mpy_utf8_encode(c, u));
}

void mpy_textbuf_free(mpy_vm *vm, mpy_textbuf *b)
{
    if (b->data != b->small) mpy_mem_free(vm, b->data, b->cap);
    mpy_textbuf_init(b);
}

mpy_str *mpy_textbuf_finish(mpy_vm *vm, mpy_textbuf *b)
{
    mpy_str *s = mpy_str_new(vm, b->data, b->len);
    mpy_textbuf_free(vm, b);
    return s;
}

/* ---------------------------------------------------- argument binding */

bool mpy_str_args(mpy_vm *vm, const char *fname, mpy_args_style style, int argc, const mpy_value *args,
                  mpy_tuple *kwnames, int min, int max, const char *const *kwlist, mpy_value *out)
{
    int nkw = kwnames ? (int)kwnames->len : 0;
    for (int i = 0; i < max; i++) out[i] = MPY_NULL;
    /* fname may be qualified ("str.center"): CPython qualifies only the
     * keyword complaint. */
    const char *dot = strrchr(fname, '.');
    if (nkw && !kwlist) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no keyword arguments", fname);
    if (dot) fname = dot + 1;
    /* Keywords count too: CPython checks the total before matching names
     * ("split() takes at most 2 arguments (3 given)" for split(' ', 1,
     * maxsplit=1)). */
    if (argc > max || (style != MPY_ARGS_CLINIC && argc + nkw > max)) {
        if (style == MPY_ARGS_CLINIC)
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s expected at most %d argument%s, got %d", fname, max,
                               max == 1 ? "" : "s", argc);
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes at most %d argument%s (%d given)", fname, max,
                           max == 1 ? "" : "s", argc + nkw);
    }
    for (int i = 0; i < argc; i++) out[i] = args[i];
    for (int k = 0; k < nkw; k++) {
        const char *kn = mpy_as_str(kwnames->items[k])->data;
        int j = 0;
        while (j < max && kwlist[j] && strcmp(kwlist[j], kn) != 0) j++;
        if (j == max || !kwlist[j])
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "'%s' is an invalid keyword argument for %s()", kn, fname);
        if (!mpy_is_null(out[j]))
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                               fname, kn, j + 1);
        out[j] = args[argc + k];
    }
    int given = 0;
    for (int i = 0; i < min; i++) given += !mpy_is_null(out[i]);
    if (given < min) {
        if (style == MPY_ARGS_CLINIC)
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s expected at least %d argument%s, got %d", fname, min,
                               min == 1 ? "" : "s", argc);
        if (style == MPY_ARGS_KW && kwlist && kwlist[given])
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                               kwlist[given], given + 1);
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes at least %d argument%s (%d given)", fname, min,
                           min == 1 ? "" : "s", argc + nkw);
    }
    return true;
}

/* ---------------------------------------------------------------- slots */

static mpy_value str_repr_slot(mpy_vm *vm, mpy_value v)
{
    mpy_str *r = mpy_str_repr(vm, mpy_as_str(v));
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static mpy_value str_str_slot(mpy_vm *vm, mpy_value v)
{
    mpy_str *r = mpy_str_exact(vm, mpy_as_str(v));
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static bool str_hash_slot(mpy_vm *vm, mpy_value v, int64_t *out)
{
    *out = mpy_str_hash(mpy_as_str(v));
    return true;
}

/* UTF-8 byte order is code point order, so memcmp compares correctly. */
static mpy_value str_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if (!mpy_is_strv(b)) return mpy_notimpl(vm);
    mpy_str *x = mpy_as_str(a), *y = mpy_as_str(b);
    if (op == MPY_CMP_EQ) return mpy_from_bool(mpy_str_eq(x, y));
    if (op == MPY_CMP_NE) return mpy_from_bool(!mpy_str_eq(x, y));
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, n);
    if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
    return mpy_from_bool(mpy_cmp_holds(c, op));
}

static mpy_value str_repeat(mpy_vm *vm, mpy_str *s, mpy_value count)
{
    int64_t n;
    bool notimpl;
    if (!mpy_seq_repeat_count(vm, count, &n, &notimpl)) return notimpl ? mpy_notimpl(vm) : MPY_NULL;
    if (n <= 0 || s->len == 0) return mpy_from_obj(vm->empty_str);
    if (n == 1) {
        mpy_str *r = mpy_str_exact(vm, s);
        return r ? mpy_from_obj(r) : MPY_NULL;
    }
    if ((uint64_t)n > (SIZE_MAX / 2) / s->len) { mpy_err_nomem(vm); return MPY_NULL; }
    size_t total = s->len * (size_t)n;
    mpy_str *r = mpy_str_alloc(vm, total);
    if (!r) return MPY_NULL;
    /* Doubling copies: log2(n) memcpy calls. */
    memcpy(r->data, s->data, s->len);
    size_t done = s->len;
    while (done < total) {
        size_t k = done <= total - done ? done : total - done;
        memcpy(r->data + done, r->data, k);
        done += k;
    }
    r->data[total] = 0;
    r->cplen = s->cplen * (size_t)n;
    return mpy_from_obj(r);
}

static mpy_value str_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (op >= MPY_BINOP_INPLACE) return mpy_notimpl(vm);
    switch (op) {
    case MPY_BINOP_ADD: {
        if (!mpy_is_strv(a)) return mpy_notimpl(vm);
        if (!mpy_is_strv(b))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "can only concatenate str (not \"%s\") to str",
                                 mpy_tname(vm, b));
        mpy_str *x = mpy_as_str(a), *y = mpy_as_str(b);
        mpy_str *r = x->len == 0 ? mpy_str_exact(vm, y) : y->len == 0 ? mpy_str_exact(vm, x) : mpy_str_concat(vm, x, y);
        return r ? mpy_from_obj(r) : MPY_NULL;
    }
    case MPY_BINOP_MUL:
        if (mpy_is_strv(a)) {
            if (mpy_is_strv(b) || mpy_is_float(b) || mpy_is_none(b)) {
                if (mpy_is_strv(b) || mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, b), vm->names.__index__)))
                    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "can't multiply sequence by non-int of type '%s'",
                                         mpy_tname(vm, b));
            }
            return str_repeat(vm, mpy_as_str(a), b);
        }
        if (mpy_is_smallint(b) || mpy_is_intlike(vm, a) ||
            !mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, a), vm->names.__index__)))
            return str_repeat(vm, mpy_as_str(b), a);
        return mpy_notimpl(vm);
    case MPY_BINOP_MOD:
        if (!mpy_is_strv(a)) return mpy_notimpl(vm);
        return mpy_str_mod(vm, a, b);
    default:
        return mpy_notimpl(vm);
    }
}

static int64_t str_len(mpy_vm *vm, mpy_value v) { return (int64_t)mpy_as_str(v)->cplen; }

static int str_truth(mpy_vm *vm, mpy_value v) { return mpy_as_str(v)->len != 0; }

/* s[start:stop:step] over code points. */
static mpy_value str_slice(mpy_vm *vm, mpy_str *s, mpy_value key)
{
    mpy_slice_ix ix;
    if (!mpy_slice_indices(vm, key, s->cplen, &ix)) return MPY_NULL;
    if (ix.count <= 0) return mpy_from_obj(vm->empty_str);
    if (ix.step == 1) {
        if (ix.count == (int64_t)s->cplen) {
            mpy_str *r = mpy_str_exact(vm, s);
            return r ? mpy_from_obj(r) : MPY_NULL;
        }
        size_t b0 = mpy_str_offset(s, (size_t)ix.start);
        size_t b1 = (size_t)ix.stop;
        if (!mpy_str_is_ascii(s)) {
            /* Walk count code points forward from b0. */
            const unsigned char *p = (const unsigned char *)s->data + b0;
            for (int64_t k = 0; k < ix.count; k++) decode(&p);
            b1 = (size_t)(p - (const unsigned char *)s->data);
        }
        mpy_str *r = mpy_str_alloc(vm, b1 - b0);
        if (!r) return MPY_NULL;
        memcpy(r->data, s->data + b0, b1 - b0);
        r->data[r->len] = 0;
        r->cplen = (size_t)ix.count;
        return mpy_from_obj(r);
    }
    if (mpy_str_is_ascii(s)) {
        mpy_str *r = mpy_str_alloc(vm, (size_t)ix.count);
        if (!r) return MPY_NULL;
        int64_t i = ix.start;
        for (int64_t k = 0; k < ix.count; k++, i += ix.step) r->data[k] = s->data[i];
        r->data[r->len] = 0;
        return mpy_from_obj(r);
    }
    /* Non-ASCII with a step: index the code points once. */
    size_t *offs = mpy_mem_realloc(vm, NULL, 0, (s->cplen + 1) * sizeof *offs);
    if (!offs) return MPY_NULL;
    const unsigned char *p0 = (const unsigned char *)s->data, *p = p0;
    for (size_t k = 0; k <= s->cplen; k++) {
        offs[k] = (size_t)(p - p0);
        if (k < s->cplen) decode(&p);
    }
    size_t total = 0;
    int64_t i = ix.start;
    for (int64_t k = 0; k < ix.count; k++, i += ix.step) total += offs[i + 1] - offs[i];
    mpy_str *r = mpy_str_alloc(vm, total);
    if (r) {
        size_t n = 0;
        i = ix.start;
        for (int64_t k = 0; k < ix.count; k++, i += ix.step) {
            memcpy(r->data + n, s->data + offs[i], offs[i + 1] - offs[i]);
            n += offs[i + 1] - offs[i];
        }
        r->data[n] = 0;
        r->cplen = (size_t)ix.count;
    }
    mpy_mem_free(vm, offs, (s->cplen + 1) * sizeof *offs);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static mpy_value str_getitem(mpy_vm *vm, mpy_value self, mpy_value key)
{
    mpy_str *s = mpy_as_str(self);
    int64_t i;
    if (mpy_is_smallint(key)) {
        i = key.u.i;
    } else if (mpy_is_slice(vm, key)) {
        return str_slice(vm, s, key);
    } else if (!mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, key), vm->names.__index__))) {
        if (!mpy_index(vm, key, &i)) return MPY_NULL;
    } else {
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "string indices must be integers, not '%s'", mpy_tname(vm, key));
    }
    if (i < 0) i += (int64_t)s->cplen;
    if (i < 0 || i >= (int64_t)s->cplen) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "string index out of range");
    mpy_str *r = mpy_str_char_at(vm, s, (size_t)i);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static int str_contains(mpy_vm *vm, mpy_value self, mpy_value item)
{
    if (!mpy_is_strv(item)) {
        mpy_err_fmt(vm, MPY_EXC_TypeError, "'in <string>' requires string as left operand, not %s",
                    mpy_tname(vm, item));
        return -1;
    }
    mpy_str *s = mpy_as_str(self), *n = mpy_as_str(item);
    return mpy_mem_find(s->data, s->len, n->data, n->len) >= 0;
}

/* ------------------------------------------------------------ iterator */

typedef struct str_iter {
    mpy_obj hdr;
    mpy_str *s;
    size_t pos; /* byte offset of the next code point */
} str_iter;

static mpy_value str_iter_slot(mpy_vm *vm, mpy_value self)
{
    str_iter *it = mpy_obj_alloc(vm, vm->types[MPY_TYPE_ITER_STR], sizeof(str_iter));
    if (!it) return MPY_NULL;
    it->s = mpy_as_str(self);
    it->pos = 0;
    return mpy_from_obj(it);
}

static mpy_value str_iter_next(mpy_vm *vm, mpy_value self)
{
    str_iter *it = (str_iter *)self.u.o;
    mpy_str *s = it->s;
    if (it->pos >= s->len) return MPY_NULL;
    mpy_str *r;
    unsigned char c = (unsigned char)s->data[it->pos];
    if (c < 0x80) {
        r = ascii_char(vm, c);
        it->pos++;
    } else {
        const unsigned char *p = (const unsigned char *)s->data + it->pos;
        r = mpy_str_from_cp(vm, decode(&p));
        it->pos = (size_t)(p - (const unsigned char *)s->data);
    }
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static mpy_value str_iter_self(mpy_vm *vm, mpy_value self) { return self; }

static void str_iter_trace(mpy_vm *vm, mpy_obj *o) { mpy_gc_mark_obj(vm, (mpy_obj *)((str_iter *)o)->s); }

/* __length_hint__ of the iterator: code points left. */
static mpy_value str_iter_m_length_hint(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    str_iter *it = (str_iter *)args[0].u.o;
    size_t left = 0;
    for (size_t i = it->pos; i < it->s->len; i++) left += ((unsigned char)it->s->data[i] & 0xc0) != 0x80;
    return mpy_from_int((int64_t)left);
}

static const mpy_method_def str_iter_methods[] = {
    {"__length_hint__", str_iter_m_length_hint, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

const mpy_type_spec mpy_str_ascii_iterator_spec = {
    .name = "str_ascii_iterator",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(str_iter),
    .slots = {.iter = str_iter_self, .next = str_iter_next, .trace = str_iter_trace,
              .getattr = mpy_generic_getattr},
    .methods = str_iter_methods,
};

/* --------------------------------------------------------- constructor */

/* str(object='', encoding='utf-8', errors='strict') */
static mpy_value str_construct(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kwnames)
{
    mpy_value a[3] = {MPY_NULL, MPY_NULL, MPY_NULL};
    static const char *const names[3] = {"object", "encoding", "errors"};
    int nkw = kwnames ? (int)kwnames->len : 0;
    if (argc + nkw > 3)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "str() takes at most 3 arguments (%d given)", argc + nkw);
    for (int i = 0; i < argc; i++) a[i] = args[i];
    for (int k = 0; k < nkw; k++) {
        mpy_str *kn = mpy_as_str(kwnames->items[k]);
        int j = 0;
        while (j < 3 && strcmp(kn->data, names[j]) != 0) j++;
        if (j == 3) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' is an invalid keyword argument for str()", kn->data);
        if (!mpy_is_null(a[j]))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "argument for str() given by name ('%s') and position (%d)",
                                 kn->data, j + 1);
        a[j] = args[argc + k];
    }
    if (mpy_is_null(a[0])) {
        if (mpy_is_null(a[1]) && mpy_is_null(a[2])) return mpy_from_obj(vm->empty_str);
        mpy_bytes *empty = mpy_bytes_new(vm, "", 0);
        if (!empty) return MPY_NULL;
        a[0] = mpy_from_obj(empty);
    }
    if (mpy_is_null(a[1]) && mpy_is_null(a[2])) return mpy_to_str(vm, a[0]);
    for (int j = 1; j < 3; j++)
        if (!mpy_is_null(a[j]) && !mpy_is_strv(a[j]))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "str() argument '%s' must be str, not %s", names[j],
                                 mpy_tname(vm, a[j]));
    if (mpy_is_strv(a[0])) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "decoding str is not supported");
    if (!mpy_is_sub(vm, a[0], MPY_TYPE_BYTES) && !mpy_is_sub(vm, a[0], MPY_TYPE_BYTEARRAY))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "decoding to str: need a bytes-like object, %s found",
                             mpy_tname(vm, a[0]));
    mpy_value dargs[2] = {mpy_is_null(a[1]) ? mpy_from_obj(mpy_str_from_cstr(vm, "utf-8")) : a[1],
                          mpy_is_null(a[2]) ? mpy_from_obj(mpy_str_from_cstr(vm, "strict")) : a[2]};
    return mpy_call_method(vm, a[0], "decode", 2, dargs);
}

static mpy_value str_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kwnames)
{
    mpy_value v = str_construct(vm, argc, args, kwnames);
    if (mpy_is_null(v) || type == vm->types[MPY_TYPE_STR]) return v;
    /* A subclass instance: same layout, the text copied in. */
    mpy_str *src = mpy_as_str(v);
    mpy_str *s = mpy_obj_alloc(vm, type, sizeof(mpy_str) + src->len + 1);
    if (!s) return MPY_NULL;
    s->hash = -1;
    s->len = src->len;
    s->cplen = src->cplen;
    memcpy(s->data, src->data, src->len + 1);
    return mpy_from_obj(s);
}

/* The constructor did all the work: __init__ accepts what __new__ did
 * (object's __init__ would reject the arguments). */
static bool str_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kwnames)
{
    return true;
}

static void str_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_str *s = (mpy_str *)o;
    if (s->dict) mpy_gc_mark_obj(vm, (mpy_obj *)s->dict);
}

const mpy_type_spec mpy_str_spec = {
    .name = "str",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE | MPY_TF_STR_SUB,
    .instance_size = sizeof(mpy_str),
    .dict_offset = offsetof(mpy_str, dict),
    .slots = {.repr = str_repr_slot, .str = str_str_slot, .hash = str_hash_slot, .richcmp = str_richcmp,
              .binop = str_binop, .binops = MPY_OPS(ADD) | MPY_OPS(MUL) | MPY_OPS(MOD), .rbinops = MPY_OPS(MUL) | MPY_OPS(MOD), .truth = str_truth, .getattr = mpy_generic_getattr, .iter = str_iter_slot,
              .len = str_len, .getitem = str_getitem, .contains = str_contains, .new_ = str_new_,
              .init = str_init, .trace = str_trace},
    .methods = mpy_str_methods,
    .doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str",
};
