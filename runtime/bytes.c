/* bytes (immutable) and a minimal bytearray (mutable), plus the bytes
 * iterator.  Both types read through one "view" (pointer + length), so the
 * read-only operations (repr, compare, search, decode, hex) are shared;
 * bytearray adds item assignment, append and extend.  The bytes methods
 * are str's byte-level counterparts (decode, hex, fromhex, join, split and
 * rsplit, strip, find, count, replace, startswith, partition, splitlines,
 * padding, zfill, expandtabs, ASCII case mapping and tests, translate,
 * maketrans, removeprefix/removesuffix) and the % operator (format.c).
 */
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/seq.h"
#include "runtime/siphash.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

typedef struct bytearray {
    mpy_obj hdr;
    size_t len, cap;
    unsigned char *data;
} bytearray;

mpy_bytes *mpy_bytes_new(mpy_vm *vm, const void *data, size_t len)
{
    mpy_bytes *b = mpy_obj_alloc(vm, vm->types[MPY_TYPE_BYTES], sizeof(mpy_bytes) + len + 1);
    if (!b) return NULL;
    b->hash = -1;
    b->len = len;
    if (len) memcpy(b->data, data, len);
    b->data[len] = 0;
    return b;
}

static mpy_value bytes_value(mpy_vm *vm, const void *data, size_t len)
{
    mpy_bytes *b = mpy_bytes_new(vm, data, len);
    return b ? mpy_from_obj(b) : MPY_NULL;
}

/* Read access to bytes or bytearray; false when v is neither. */
typedef struct view { const unsigned char *p; size_t n; } view;

static bool get_view(mpy_vm *vm, mpy_value v, view *out)
{
    if (mpy_is_sub(vm, v, MPY_TYPE_BYTES)) {
        mpy_bytes *b = (mpy_bytes *)v.u.o;
        out->p = b->data;
        out->n = b->len;
        return true;
    }
    if (mpy_is_sub(vm, v, MPY_TYPE_BYTEARRAY)) {
        bytearray *a = (bytearray *)v.u.o;
        out->p = a->data;
        out->n = a->len;
        return true;
    }
    return false;
}

bool mpy_bytes_view(mpy_vm *vm, mpy_value v, const unsigned char **data, size_t *len);
bool mpy_bytes_view(mpy_vm *vm, mpy_value v, const unsigned char **data, size_t *len)
{
    view w;
    if (!get_view(vm, v, &w)) return false;
    *data = w.p;
    *len = w.n;
    return true;
}

static bool is_bytearray(mpy_vm *vm, mpy_value v) { return mpy_is_sub(vm, v, MPY_TYPE_BYTEARRAY); }

/* A result of the same kind as self (bytes for bytes, bytearray for
 * bytearray). */
static mpy_value bytearray_from(mpy_vm *vm, const void *data, size_t len);
static mpy_value same_kind(mpy_vm *vm, mpy_value self, const void *data, size_t len)
{
    return is_bytearray(vm, self) ? bytearray_from(vm, data, len) : bytes_value(vm, data, len);
}

/* ------------------------------------------------------------------ repr */

static mpy_str *bytes_repr_text(mpy_vm *vm, view v, const char *open, const char *close)
{
    /* v.p is NULL for an empty bytearray: memchr must not see it. */
    bool sq = v.n && memchr(v.p, '\'', v.n) != NULL, dq = v.n && memchr(v.p, '"', v.n) != NULL;
    char q = sq && !dq ? '"' : '\'';
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    bool ok = mpy_textbuf_add(vm, &b, open, strlen(open)) && mpy_textbuf_addc(vm, &b, 'b', 1) &&
              mpy_textbuf_addc(vm, &b, q, 1);
    for (size_t i = 0; i < v.n && ok; i++) {
        unsigned char c = v.p[i];
        char esc[5];
        /* bytearray's repr escapes ' even inside "..." (as CPython's) */
        if (c == q || c == '\\' || (c == '\'' && *open)) {
            esc[0] = '\\';
            esc[1] = (char)c;
            ok = mpy_textbuf_add(vm, &b, esc, 2);
        } else if (c == '\t') ok = mpy_textbuf_add(vm, &b, "\\t", 2);
        else if (c == '\n') ok = mpy_textbuf_add(vm, &b, "\\n", 2);
        else if (c == '\r') ok = mpy_textbuf_add(vm, &b, "\\r", 2);
        else if (c < 0x20 || c >= 0x7f) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            ok = mpy_textbuf_add(vm, &b, esc, 4);
        } else ok = mpy_textbuf_addc(vm, &b, (char)c, 1);
    }
    ok = ok && mpy_textbuf_addc(vm, &b, q, 1) && mpy_textbuf_add(vm, &b, close, strlen(close));
    if (!ok) { mpy_textbuf_free(vm, &b); return NULL; }
    return mpy_textbuf_finish(vm, &b);
}

static mpy_value bytes_repr(mpy_vm *vm, mpy_value self)
{
    view v = {NULL, 0};
    get_view(vm, self, &v);
    mpy_str *s = is_bytearray(vm, self) ? bytes_repr_text(vm, v, "bytearray(", ")") : bytes_repr_text(vm, v, "", "");
    return s ? mpy_from_obj(s) : MPY_NULL;
}

/* --------------------------------------------------------- basic slots */

/* Same hash as the equal ASCII str (CPython: hash(b'a') == hash('a')). */
static bool bytes_hash(mpy_vm *vm, mpy_value self, int64_t *out)
{
    mpy_bytes *b = (mpy_bytes *)self.u.o;
    if (b->hash == -1) {
        if (b->len == 0) {
            b->hash = 0;
        } else {
            mpy_siphash h;
            mpy_siphash_init(&h);
            mpy_siphash_bytes(&h, b->data, b->len);
            int64_t x = (int64_t)mpy_siphash_final(&h);
            b->hash = x == -1 ? -2 : x;
        }
    }
    *out = b->hash;
    return true;
}

static mpy_value bytes_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    view x = {NULL, 0}, y = {NULL, 0};
    get_view(vm, a, &x);
    if (!get_view(vm, b, &y)) return mpy_notimpl(vm);
    /* bytes leaves mixed comparisons to bytearray, as CPython does. */
    if (!is_bytearray(vm, a) && is_bytearray(vm, b)) return mpy_notimpl(vm);
    size_t n = x.n < y.n ? x.n : y.n;
    int c = n ? memcmp(x.p, y.p, n) : 0;
    if (c == 0) c = x.n < y.n ? -1 : x.n > y.n;
    return mpy_from_bool(mpy_cmp_holds(c, op));
}

static mpy_value repeat(mpy_vm *vm, mpy_value self, view v, mpy_value count)
{
    int64_t n;
    bool notimpl;
    if (!mpy_seq_repeat_count(vm, count, &n, &notimpl)) return notimpl ? mpy_notimpl(vm) : MPY_NULL;
    get_view(vm, self, &v); /* count's __index__ may have resized a bytearray */
    if (n <= 0 || v.n == 0) return same_kind(vm, self, "", 0);
    if ((uint64_t)n > (SIZE_MAX / 2) / v.n) { mpy_err_nomem(vm); return MPY_NULL; }
    size_t total = v.n * (size_t)n;
    unsigned char *tmp = mpy_mem_realloc(vm, NULL, 0, total);
    if (!tmp) return MPY_NULL;
    for (size_t i = 0; i < (size_t)n; i++) memcpy(tmp + i * v.n, v.p, v.n);
    mpy_value r = same_kind(vm, self, tmp, total);
    mpy_mem_free(vm, tmp, total);
    return r;
}

static mpy_value bytes_binop(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (op >= MPY_BINOP_INPLACE) op = (mpy_binop)(op - MPY_BINOP_INPLACE);
    view x = {NULL, 0}, y = {NULL, 0};
    if (op == MPY_BINOP_ADD) {
        if (!get_view(vm, a, &x)) return mpy_notimpl(vm);
        if (!get_view(vm, b, &y))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "can't concat %s to %s", mpy_tname(vm, b), mpy_tname(vm, a));
        size_t total = x.n + y.n;
        unsigned char *tmp = mpy_mem_realloc(vm, NULL, 0, total + 1);
        if (!tmp) return MPY_NULL;
        if (x.n) memcpy(tmp, x.p, x.n);
        if (y.n) memcpy(tmp + x.n, y.p, y.n);
        mpy_value r = same_kind(vm, a, tmp, total);
        mpy_mem_free(vm, tmp, total + 1);
        return r;
    }
    if (op == MPY_BINOP_MUL) {
        if (get_view(vm, a, &x)) {
            if (get_view(vm, b, &y) || mpy_is_strv(b))
                return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "can't multiply sequence by non-int of type '%s'",
                                     mpy_tname(vm, b));
            return repeat(vm, a, x, b);
        }
        if (get_view(vm, b, &y) && (mpy_is_intlike(vm, a) ||
                                    !mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, a), vm->names.__index__))))
            return repeat(vm, b, y, a);
    }
    if (op == MPY_BINOP_MOD && get_view(vm, a, &x)) {
        mpy_value r = mpy_bytes_mod(vm, x.p, x.n, b);
        if (mpy_is_null(r) || !is_bytearray(vm, a)) return r;
        view v = {NULL, 0};
        get_view(vm, r, &v);
        return bytearray_from(vm, v.p, v.n);
    }
    return mpy_notimpl(vm);
}

static int64_t bytes_len(mpy_vm *vm, mpy_value self)
{
    view v = {NULL, 0};
    get_view(vm, self, &v);
    return (int64_t)v.n;
}

static mpy_value bytes_getitem(mpy_vm *vm, mpy_value self, mpy_value key)
{
    /* The view is taken after the key's conversion: __index__ can run
     * code that resizes (and so reallocates) a bytearray. */
    view v = {NULL, 0};
    int64_t i;
    if (mpy_is_slice(vm, key)) {
        mpy_slice_ix ix;
        if (!mpy_slice_unpack(vm, key, &ix.start, &ix.stop, &ix.step)) return MPY_NULL;
        get_view(vm, self, &v);
        ix.count = mpy_slice_adjust((int64_t)v.n, &ix.start, &ix.stop, ix.step);
        size_t n = ix.count > 0 ? (size_t)ix.count : 0;
        unsigned char *tmp = mpy_mem_realloc(vm, NULL, 0, n + 1);
        if (!tmp) return MPY_NULL;
        int64_t j = ix.start;
        for (size_t k = 0; k < n; k++, j += ix.step) tmp[k] = v.p[j];
        mpy_value r = same_kind(vm, self, tmp, n);
        mpy_mem_free(vm, tmp, n + 1);
        return r;
    }
    if (!mpy_is_smallint(key) && mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, key), vm->names.__index__)))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s indices must be integers or slices, not %s",
                             is_bytearray(vm, self) ? "bytearray" : "byte", mpy_tname(vm, key));
    if (!mpy_index(vm, key, &i)) return MPY_NULL;
    get_view(vm, self, &v);
    if (i < 0) i += (int64_t)v.n;
    if (i < 0 || i >= (int64_t)v.n)
        return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "%s", is_bytearray(vm, self) ? "bytearray index out of range"
                                                                                  : "index out of range");
    return mpy_from_int(v.p[i]);
}

static int64_t find_bytes(view h, view n, size_t from)
{
    if (from > h.n) return -1;
    int64_t r = mpy_mem_find((const char *)h.p + from, h.n - from, (const char *)n.p, n.n);
    return r < 0 ? -1 : r + (int64_t)from;
}

static int bytes_contains(mpy_vm *vm, mpy_value self, mpy_value item)
{
    view v = {NULL, 0}, n = {NULL, 0};
    get_view(vm, self, &v);
    if (get_view(vm, item, &n)) return find_bytes(v, n, 0) >= 0;
    if (mpy_is_intlike(vm, item) || !mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, item), vm->names.__index__))) {
        int64_t c;
        if (!mpy_index(vm, item, &c)) return -1;
        if (c < 0 || c > 255) {
            mpy_err_msg(vm, MPY_EXC_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return v.n && memchr(v.p, (int)c, v.n) != NULL;
    }
    mpy_err_fmt(vm, MPY_EXC_TypeError, "a bytes-like object is required, not '%s'", mpy_tname(vm, item));
    return -1;
}

/* ------------------------------------------------------------ iterator */

typedef struct bytes_iter {
    mpy_obj hdr;
    mpy_value seq;
    size_t pos;
} bytes_iter;

static mpy_value bytes_iter_new(mpy_vm *vm, mpy_value self)
{
    bytes_iter *it = mpy_obj_alloc(vm, vm->types[MPY_TYPE_BYTES_ITER], sizeof(bytes_iter));
    if (!it) return MPY_NULL;
    it->seq = self;
    it->pos = 0;
    return mpy_from_obj(it);
}

static mpy_value bytes_iter_next(mpy_vm *vm, mpy_value self)
{
    bytes_iter *it = (bytes_iter *)self.u.o;
    view v = {NULL, 0};
    get_view(vm, it->seq, &v);
    if (it->pos >= v.n) return MPY_NULL;
    return mpy_from_int(v.p[it->pos++]);
}

static mpy_value iter_self(mpy_vm *vm, mpy_value self) { return self; }
static void bytes_iter_trace(mpy_vm *vm, mpy_obj *o) { mpy_gc_mark(vm, ((bytes_iter *)o)->seq); }

const mpy_type_spec mpy_bytes_iterator_spec = {
    .name = "bytes_iterator",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(bytes_iter),
    .slots = {.iter = iter_self, .next = bytes_iter_next, .trace = bytes_iter_trace, .getattr = mpy_generic_getattr},
};

/* -------------------------------------------------------- construction */

/* The bytes of bytes(x) / bytearray(x) without an encoding: an int
 * count, a bytes-like object, or an iterable of ints in range(256).
 * Returns raw memory the caller frees (*cap bytes). */
static unsigned char *bytes_from_object(mpy_vm *vm, mpy_value x, size_t *len, size_t *cap)
{
    view v = {NULL, 0};
    if (get_view(vm, x, &v)) {
        *cap = v.n + 1;
        unsigned char *d = mpy_mem_realloc(vm, NULL, 0, *cap);
        if (d && v.n) memcpy(d, v.p, v.n);
        *len = v.n;
        return d;
    }
    if (mpy_is_strv(x)) {
        mpy_err_msg(vm, MPY_EXC_TypeError, "string argument without an encoding");
        return NULL;
    }
    if (mpy_is_intlike(vm, x) || !mpy_is_null(mpy_type_lookup(vm, mpy_typeof(vm, x), vm->names.__index__))) {
        int64_t n;
        if (!mpy_index_big(vm, x, MPY_INDEX_BIG_OVERFLOW, &n)) return NULL;
        if (n < 0) { mpy_err_msg(vm, MPY_EXC_ValueError, "negative count"); return NULL; }
        *cap = (size_t)n + 1;
        unsigned char *d = mpy_mem_realloc(vm, NULL, 0, *cap);
        if (d) memset(d, 0, (size_t)n);
        *len = (size_t)n;
        return d;
    }
    mpy_type *t = mpy_typeof(vm, x);
    if (!t->slots.iter && !t->slots.getitem) {
        mpy_err_fmt(vm, MPY_EXC_TypeError, "cannot convert '%s' object to bytes", mpy_type_name(t));
        return NULL;
    }
    mpy_list *l = mpy_list_from_iter(vm, x);
    if (!l) return NULL;
    *cap = l->len + 1;
    unsigned char *d = mpy_mem_realloc(vm, NULL, 0, *cap);
    if (!d) return NULL;
    for (size_t i = 0; i < l->len; i++) {
        int64_t c;
        if (!mpy_index(vm, l->items[i], &c)) { mpy_mem_free(vm, d, *cap); return NULL; }
        if (c < 0 || c > 255) {
            mpy_mem_free(vm, d, *cap);
            mpy_err_msg(vm, MPY_EXC_ValueError, "bytes must be in range(0, 256)");
            return NULL;
        }
        d[i] = (unsigned char)c;
    }
    *len = l->len;
    return d;
}

/* bytes(source=b'', encoding=None, errors=None) and the same for
 * bytearray: builds the content, then make() wraps it. */
static mpy_value construct(mpy_vm *vm, const char *tname, int argc, const mpy_value *args, mpy_tuple *kw,
                           mpy_value (*make)(mpy_vm *, const void *, size_t))
{
    static const char *const kwl[] = {"source", "encoding", "errors", NULL};
    mpy_value a[3];
    if (!mpy_str_args(vm, tname, MPY_ARGS_KW, argc, args, kw, 0, 3, kwl, a)) return MPY_NULL;
    if (mpy_is_null(a[0])) {
        if (!mpy_is_null(a[1]) || !mpy_is_null(a[2]))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s", mpy_is_null(a[1]) ? "errors without a string argument"
                                                                              : "encoding without a string argument");
        return make(vm, "", 0);
    }
    if (!mpy_is_null(a[1]) || !mpy_is_null(a[2])) {
        if (!mpy_is_strv(a[0]))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s", mpy_is_null(a[1]) ? "errors without a string argument"
                                                                              : "encoding without a string argument");
        mpy_value r = mpy_call_method(vm, a[0], "encode", mpy_is_null(a[2]) ? 1 : 2, &a[1]);
        if (mpy_is_null(r) || make == bytes_value) return r;
        view v = {NULL, 0};
        get_view(vm, r, &v);
        return make(vm, v.p, v.n);
    }
    if (make == bytes_value && mpy_is_type(vm, a[0], MPY_TYPE_BYTES)) return a[0];
    size_t len, cap;
    unsigned char *d = bytes_from_object(vm, a[0], &len, &cap);
    if (!d) return MPY_NULL;
    mpy_value r = make(vm, d, len);
    mpy_mem_free(vm, d, cap);
    return r;
}

/* __init__ accepts what __new__ accepted (object's would reject it). */
static bool bytes_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kwnames)
{
    return true;
}

static mpy_value bytes_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return construct(vm, "bytes", argc, args, kw, bytes_value);
}

/* -------------------------------------------------------------- methods */

static view self_view(mpy_vm *vm, mpy_value self)
{
    view v = {NULL, 0};
    get_view(vm, self, &v);
    return v;
}

static bool want_view(mpy_vm *vm, mpy_value x, view *v)
{
    if (get_view(vm, x, v)) return true;
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "a bytes-like object is required, not '%s'", mpy_tname(vm, x));
}

/* "bytes.NAME" or "bytearray.NAME" as CPython's messages qualify it. */
static const char *qname(mpy_vm *vm, mpy_value self, const char *name, char *buf, size_t n)
{
    snprintf(buf, n, "%s.%s", is_bytearray(vm, self) ? "bytearray" : "bytes", name);
    return buf;
}

/* self unchanged: exact bytes are returned as they are (immutable), a
 * bytearray is copied. */
static mpy_value unchanged(mpy_vm *vm, mpy_value self)
{
    if (mpy_is_type(vm, self, MPY_TYPE_BYTES)) return self;
    view v = self_view(vm, self);
    return same_kind(vm, self, v.p, v.n);
}

/* METH_NOARGS methods. */
static bool no_args(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw)
{
    char q[48];
    if (kw && kw->len)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no keyword arguments",
                           qname(vm, args[0], name, q, sizeof q));
    if (argc != 1)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no arguments (%d given)",
                           qname(vm, args[0], name, q, sizeof q), argc - 1);
    return true;
}

/* METH_O methods. */
static bool one_arg(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw)
{
    char q[48];
    if (kw && kw->len)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no keyword arguments",
                           qname(vm, args[0], name, q, sizeof q));
    if (argc != 2)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes exactly one argument (%d given)",
                           qname(vm, args[0], name, q, sizeof q), argc - 1);
    return true;
}

/* mpy_str_args for getargs-style keyword methods (split, rsplit,
 * splitlines, expandtabs): too many arguments counts keywords too. */
static bool kw_args(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw, int max,
                    const char *const *kwl, mpy_value *out)
{
    int given = argc - 1 + (kw ? (int)kw->len : 0);
    if (given > max)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes at most %d argument%s (%d given)", name, max,
                           max == 1 ? "" : "s", given);
    return mpy_str_args(vm, name, MPY_ARGS_KW, argc - 1, args + 1, kw, 0, max, kwl, out);
}

static mpy_value b_decode(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    static const char *const kwl[] = {"encoding", "errors", NULL};
    mpy_value a[2];
    if (!mpy_str_args(vm, "decode", MPY_ARGS_KW, argc - 1, args + 1, kw, 0, 2, kwl, a)) return MPY_NULL;
    const char *enc = "utf-8", *errors = "strict";
    for (int i = 0; i < 2; i++) {
        if (mpy_is_null(a[i])) continue;
        if (!mpy_is_strv(a[i]))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "decode() argument '%s' must be str, not %s", kwl[i],
                                 mpy_is_none(a[i]) ? "None" : mpy_tname(vm, a[i]));
        if (i == 0) enc = mpy_as_str(a[i])->data;
        else errors = mpy_as_str(a[i])->data;
    }
    view v = self_view(vm, args[0]);
    /* CPython returns '' for empty input before looking the codec up. */
    if (v.n == 0) return mpy_from_obj(vm->empty_str);
    char n[32];
    size_t k = 0;
    for (const char *p = enc; *p && k < sizeof n - 1; p++) {
        char c = *p >= 'A' && *p <= 'Z' ? (char)(*p + 32) : *p;
        n[k++] = c == '-' ? '_' : c;
    }
    n[k] = 0;
    if (!strcmp(n, "utf_8") || !strcmp(n, "utf8") || !strcmp(n, "u8")) {
        mpy_str *s = mpy_str_from_utf8(vm, (const char *)v.p, v.n, errors);
        return s ? mpy_from_obj(s) : MPY_NULL;
    }
    bool ascii = !strcmp(n, "ascii") || !strcmp(n, "us_ascii");
    bool latin = !strcmp(n, "latin_1") || !strcmp(n, "latin1") || !strcmp(n, "iso_8859_1") || !strcmp(n, "l1");
    if (!ascii && !latin) return mpy_err_fmt_v(vm, MPY_EXC_LookupError, "unknown encoding: %s", enc);
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    for (size_t i = 0; i < v.n; i++) {
        unsigned char c = v.p[i];
        bool ok;
        if (c < 0x80 || latin) {
            ok = mpy_textbuf_addcp(vm, &b, c);
        } else if (!strcmp(errors, "ignore")) {
            continue;
        } else if (!strcmp(errors, "replace")) {
            ok = mpy_textbuf_addcp(vm, &b, 0xfffd);
        } else {
            mpy_textbuf_free(vm, &b);
            return mpy_err_fmt_v(vm, MPY_EXC_UnicodeDecodeError,
                                 "'ascii' codec can't decode byte 0x%02x in position %zu: ordinal not in range(128)", c,
                                 i);
        }
        if (!ok) { mpy_textbuf_free(vm, &b); return MPY_NULL; }
    }
    mpy_str *s = mpy_textbuf_finish(vm, &b);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static mpy_value b_hex(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    static const char *const kwl[] = {"sep", "bytes_per_sep", NULL};
    mpy_value a[2];
    if (!mpy_str_args(vm, "hex", MPY_ARGS_KW, argc - 1, args + 1, kw, 0, 2, kwl, a)) return MPY_NULL;
    const char *sep = NULL;
    int64_t per = 1;
    if (!mpy_is_null(a[0])) {
        if (!mpy_is_strv(a[0]) || mpy_as_str(a[0])->len != 1)
            return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "sep must be length 1.");
        sep = mpy_as_str(a[0])->data;
    }
    if (!mpy_is_null(a[1]) && !mpy_index(vm, a[1], &per)) return MPY_NULL;
    view v = self_view(vm, args[0]);
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    static const char hx[] = "0123456789abcdef";
    size_t aper = (size_t)(per < 0 ? -per : per);
    if (aper == 0) sep = NULL;
    for (size_t i = 0; i < v.n; i++) {
        /* Separators count from the right for positive bytes_per_sep. */
        if (sep && i > 0) {
            bool put = per > 0 ? (v.n - i) % aper == 0 : i % aper == 0;
            if (put && !mpy_textbuf_add(vm, &b, sep, 1)) { mpy_textbuf_free(vm, &b); return MPY_NULL; }
        }
        char two[2] = {hx[v.p[i] >> 4], hx[v.p[i] & 15]};
        if (!mpy_textbuf_add(vm, &b, two, 2)) { mpy_textbuf_free(vm, &b); return MPY_NULL; }
    }
    mpy_str *s = mpy_textbuf_finish(vm, &b);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static mpy_value b_fromhex(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 2 || (kw && kw->len))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "fromhex() takes exactly one argument (%d given)", argc - 1);
    if (!mpy_is_strv(args[1]))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "fromhex() argument must be str, not %s", mpy_tname(vm, args[1]));
    mpy_str *s = mpy_as_str(args[1]);
    unsigned char *d = mpy_mem_realloc(vm, NULL, 0, s->len / 2 + 1);
    if (!d) return MPY_NULL;
    size_t n = 0, i = 0;
    while (i < s->len) {
        if (s->data[i] == ' ') { i++; continue; }
        int hi = hexval(s->data[i]), lo = i + 1 < s->len ? hexval(s->data[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            mpy_mem_free(vm, d, s->len / 2 + 1);
            size_t pos = hi < 0 ? i : i + 1;
            return mpy_err_fmt_v(vm, MPY_EXC_ValueError,
                                 "non-hexadecimal number found in fromhex() arg at position %zu", pos);
        }
        d[n++] = (unsigned char)(hi * 16 + lo);
        i += 2;
    }
    bool ba = mpy_is_sub(vm, args[0], MPY_TYPE_TYPE) && mpy_type_is_sub((mpy_type *)args[0].u.o,
                                                                       vm->types[MPY_TYPE_BYTEARRAY]);
    mpy_value r = ba ? bytearray_from(vm, d, n) : bytes_value(vm, d, n);
    mpy_mem_free(vm, d, s->len / 2 + 1);
    return r;
}

static mpy_value b_join(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 2 || (kw && kw->len))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "join() takes exactly one argument (%d given)", argc - 1);
    mpy_type *t = mpy_typeof(vm, args[1]);
    if (!t->slots.iter && !t->slots.getitem) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "can only join an iterable");
    mpy_list *l = mpy_list_from_iter(vm, args[1]);
    if (!l) return MPY_NULL;
    view sep = self_view(vm, args[0]);
    size_t total = l->len ? sep.n * (l->len - 1) : 0;
    for (size_t i = 0; i < l->len; i++) {
        view x;
        if (!get_view(vm, l->items[i], &x))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "sequence item %zu: expected a bytes-like object, %s found", i,
                                 mpy_tname(vm, l->items[i]));
        total += x.n;
    }
    unsigned char *d = mpy_mem_realloc(vm, NULL, 0, total + 1);
    if (!d) return MPY_NULL;
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        view x;
        get_view(vm, l->items[i], &x);
        if (i && sep.n) { memcpy(d + n, sep.p, sep.n); n += sep.n; }
        if (x.n) memcpy(d + n, x.p, x.n);
        n += x.n;
    }
    mpy_value r = same_kind(vm, args[0], d, n);
    mpy_mem_free(vm, d, total + 1);
    return r;
}

static bool is_ws(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }

/* The arguments of split and rsplit (sep=None, maxsplit=-1), and the list
 * they fill; NULL with the error set. */
static mpy_list *split_args(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw, view *v,
                            view *sep, bool *ws, int64_t *maxsplit)
{
    static const char *const kwl[] = {"sep", "maxsplit", NULL};
    mpy_value a[2];
    if (!kw_args(vm, name, argc, args, kw, 2, kwl, a)) return NULL;
    *maxsplit = -1;
    if (!mpy_is_null(a[1]) && !mpy_index_big(vm, a[1], MPY_INDEX_BIG_SSIZE, maxsplit)) return NULL;
    if (*maxsplit < 0) *maxsplit = INT64_MAX;
    *v = self_view(vm, args[0]);
    *sep = (view){NULL, 0};
    *ws = mpy_is_null(a[0]) || mpy_is_none(a[0]);
    if (!*ws) {
        if (!want_view(vm, a[0], sep)) return NULL;
        if (sep->n == 0) return mpy_err_fmt(vm, MPY_EXC_ValueError, "empty separator"), NULL;
    }
    return mpy_list_new(vm, 0);
}

static mpy_value b_split(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    view v, sep;
    int64_t maxsplit;
    bool ws;
    mpy_list *l = split_args(vm, "split", argc, args, kw, &v, &sep, &ws, &maxsplit);
    if (!l) return MPY_NULL;
    size_t i = 0;
    if (ws) {
        while (i < v.n) {
            while (i < v.n && is_ws(v.p[i])) i++;
            if (i == v.n) break;
            size_t j = i;
            if (maxsplit-- == 0) j = v.n; /* the rest, trailing whitespace and all */
            else
                while (j < v.n && !is_ws(v.p[j])) j++;
            mpy_value piece = i == 0 && j == v.n ? unchanged(vm, args[0]) : same_kind(vm, args[0], v.p + i, j - i);
            if (mpy_is_null(piece) || !mpy_list_append(vm, l, piece)) return MPY_NULL;
            i = j;
        }
        return mpy_from_obj(l);
    }
    while (maxsplit-- > 0) {
        int64_t k = find_bytes(v, sep, i);
        if (k < 0) break;
        mpy_value piece = same_kind(vm, args[0], v.p + i, (size_t)k - i);
        if (mpy_is_null(piece) || !mpy_list_append(vm, l, piece)) return MPY_NULL;
        i = (size_t)k + sep.n;
    }
    mpy_value piece = i == 0 ? unchanged(vm, args[0]) : same_kind(vm, args[0], v.p + i, v.n - i);
    if (mpy_is_null(piece) || !mpy_list_append(vm, l, piece)) return MPY_NULL;
    return mpy_from_obj(l);
}

static mpy_value do_strip(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, const char *name, int which)
{
    mpy_value a[1];
    char q[48];
    const char *fname = qname(vm, args[0], name, q, sizeof q);
    if (!mpy_str_args(vm, fname, MPY_ARGS_CLINIC, argc - 1, args + 1, kw, 0, 1, NULL, a)) return MPY_NULL;
    view v = self_view(vm, args[0]), chars = {(const unsigned char *)" \t\n\r\v\f", 6};
    if (!mpy_is_null(a[0]) && !mpy_is_none(a[0]) && !want_view(vm, a[0], &chars)) return MPY_NULL;
    size_t i = 0, j = v.n;
    if (which & 1)
        while (i < j && chars.n && memchr(chars.p, v.p[i], chars.n)) i++;
    if (which & 2)
        while (j > i && chars.n && memchr(chars.p, v.p[j - 1], chars.n)) j--;
    return same_kind(vm, args[0], v.p + i, j - i);
}

static mpy_value b_strip(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_strip(vm, argc, args, kw, "strip", 3);
}
static mpy_value b_lstrip(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_strip(vm, argc, args, kw, "lstrip", 1);
}
static mpy_value b_rstrip(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_strip(vm, argc, args, kw, "rstrip", 2);
}

/* The needle of find/count/index: bytes-like or an int. */
static bool needle_arg(mpy_vm *vm, mpy_value x, view *n, unsigned char *one)
{
    if (get_view(vm, x, n)) return true;
    if (mpy_is_intlike(vm, x) && !mpy_is_smallint(x)) {
        /* bool, an int subclass instance or an int beyond 64 bits */
        mpy_value c = mpy_int_canonical(vm, x);
        if (mpy_is_null(c)) return false;
        x = mpy_is_smallint(c) ? c : mpy_from_int(-1);
    }
    if (mpy_is_smallint(x)) {
        if (x.u.i < 0 || x.u.i > 255) return mpy_err_msg(vm, MPY_EXC_ValueError, "byte must be in range(0, 256)");
        *one = (unsigned char)x.u.i;
        n->p = one;
        n->n = 1;
        return true;
    }
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "argument should be integer or bytes-like object, not '%s'",
                       mpy_tname(vm, x));
}

/* The last occurrence of n in h, or -1. */
static int64_t rfind_bytes(view h, view n)
{
    if (n.n > h.n) return -1;
    for (size_t i = h.n - n.n + 1; i-- > 0;)
        if (memcmp(h.p + i, n.p, n.n) == 0) return (int64_t)i;
    return -1;
}

/* find/rfind/index/rindex/count: the position of the first (last when
 * `reverse`) match, -1 when none, -2 on error; with `count`, the number of
 * non-overlapping matches goes to *count instead. */
static int64_t do_find(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw, int64_t *count,
                       bool reverse)
{
    mpy_value a[3];
    if (!mpy_str_args(vm, name, MPY_ARGS_OLD, argc - 1, args + 1, kw, 1, 3, NULL, a)) return -2;
    /* Bounds first (as CPython), then the needle, then the views: each
     * __index__ can run code that resizes (reallocates) a bytearray. */
    int64_t start = 0, end = INT64_MAX;
    if (!mpy_slice_arg(vm, a[1], &start) || !mpy_slice_arg(vm, a[2], &end)) return -2;
    view n = {NULL, 0};
    unsigned char one;
    if (!needle_arg(vm, a[0], &n, &one)) return -2;
    view v = self_view(vm, args[0]);
    int64_t len = (int64_t)v.n;
    if (end > len) end = len;
    else if (end < 0) { end += len; if (end < 0) end = 0; }
    if (start < 0) { start += len; if (start < 0) start = 0; }
    if (start > len || start > end) { if (count) *count = 0; return -1; }
    view h = {v.p + start, (size_t)(end - start)};
    if (count) {
        int64_t c = 0;
        size_t pos = 0;
        if (n.n == 0) { *count = (int64_t)h.n + 1; return 0; }
        for (;;) {
            int64_t k = find_bytes(h, n, pos);
            if (k < 0) break;
            c++;
            pos = (size_t)k + n.n;
        }
        *count = c;
        return 0;
    }
    int64_t k = reverse ? rfind_bytes(h, n) : find_bytes(h, n, 0);
    return k < 0 ? -1 : k + start;
}

static mpy_value b_find(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t r = do_find(vm, "find", argc, args, kw, NULL, false);
    return r == -2 ? MPY_NULL : mpy_from_int(r);
}

static mpy_value b_rfind(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t r = do_find(vm, "rfind", argc, args, kw, NULL, true);
    return r == -2 ? MPY_NULL : mpy_from_int(r);
}

static mpy_value b_index(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t r = do_find(vm, "index", argc, args, kw, NULL, false);
    if (r == -1) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "subsection not found");
    return r == -2 ? MPY_NULL : mpy_from_int(r);
}

static mpy_value b_rindex(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t r = do_find(vm, "rindex", argc, args, kw, NULL, true);
    if (r == -1) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "subsection not found");
    return r == -2 ? MPY_NULL : mpy_from_int(r);
}

static mpy_value b_count(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t c = 0;
    return do_find(vm, "count", argc, args, kw, &c, false) == -2 ? MPY_NULL : mpy_from_int(c);
}

static mpy_value do_startsend(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, const char *name, bool end)
{
    mpy_value a[3];
    if (!mpy_str_args(vm, name, MPY_ARGS_OLD, argc - 1, args + 1, kw, 1, 3, NULL, a)) return MPY_NULL;
    /* The view is taken after the bounds' conversion: __index__ can
     * resize (reallocate) a bytearray. */
    int64_t s = 0, e = INT64_MAX;
    if (!mpy_slice_arg(vm, a[1], &s) || !mpy_slice_arg(vm, a[2], &e)) return MPY_NULL;
    view v = self_view(vm, args[0]);
    int64_t len = (int64_t)v.n;
    if (e > len) e = len;
    else if (e < 0) { e += len; if (e < 0) e = 0; }
    if (s < 0) { s += len; if (s < 0) s = 0; }
    const mpy_value *opts = &a[0];
    size_t nopts = 1;
    if (mpy_is_sub(vm, a[0], MPY_TYPE_TUPLE)) {
        opts = mpy_as_tuple(a[0])->items;
        nopts = mpy_as_tuple(a[0])->len;
    }
    for (size_t k = 0; k < nopts; k++) {
        view p;
        if (!get_view(vm, opts[k], &p))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                                 mpy_tname(vm, opts[k]));
        if (s > len || (int64_t)p.n > e - s) continue;
        const unsigned char *at = end ? v.p + e - (int64_t)p.n : v.p + s;
        if (p.n == 0 || memcmp(at, p.p, p.n) == 0) return MPY_TRUE;
    }
    return MPY_FALSE;
}

static mpy_value b_startswith(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_startsend(vm, argc, args, kw, "startswith", false);
}
static mpy_value b_endswith(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_startsend(vm, argc, args, kw, "endswith", true);
}

static mpy_value b_replace(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[3];
    if (!mpy_str_args(vm, "bytes.replace", MPY_ARGS_CLINIC, argc - 1, args + 1, kw, 2, 3, NULL, a)) return MPY_NULL;
    view v, old = {NULL, 0}, new = {NULL, 0};
    if (!want_view(vm, a[0], &old) || !want_view(vm, a[1], &new)) return MPY_NULL;
    int64_t maxc = -1;
    if (!mpy_is_null(a[2]) && !mpy_index(vm, a[2], &maxc)) return MPY_NULL;
    /* (Re)taken after count's __index__, which can reallocate a bytearray. */
    v = self_view(vm, args[0]);
    get_view(vm, a[0], &old);
    get_view(vm, a[1], &new);
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    size_t i = 0;
    bool ok = true;
    while (ok && maxc != 0) {
        if (old.n == 0) {
            ok = mpy_textbuf_add(vm, &b, (const char *)new.p, new.n);
            if (i < v.n) ok = ok && mpy_textbuf_addc(vm, &b, (char)v.p[i], 1);
            i++;
            if (i > v.n) break;
        } else {
            int64_t k = find_bytes(v, old, i);
            if (k < 0) break;
            ok = mpy_textbuf_add(vm, &b, (const char *)v.p + i, (size_t)k - i) &&
                 mpy_textbuf_add(vm, &b, (const char *)new.p, new.n);
            i = (size_t)k + old.n;
        }
        if (maxc > 0) maxc--;
    }
    if (ok && i < v.n) ok = mpy_textbuf_add(vm, &b, (const char *)v.p + i, v.n - i);
    if (!ok) { mpy_textbuf_free(vm, &b); return MPY_NULL; }
    mpy_value r = same_kind(vm, args[0], b.data, b.len);
    mpy_textbuf_free(vm, &b);
    return r;
}

static mpy_value map_case(mpy_vm *vm, mpy_value self, bool upper)
{
    view v = self_view(vm, self);
    unsigned char *d = mpy_mem_realloc(vm, NULL, 0, v.n + 1);
    if (!d) return MPY_NULL;
    for (size_t i = 0; i < v.n; i++) {
        unsigned char c = v.p[i];
        if (upper && c >= 'a' && c <= 'z') c = (unsigned char)(c - 32);
        else if (!upper && c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        d[i] = c;
    }
    mpy_value r = same_kind(vm, self, d, v.n);
    mpy_mem_free(vm, d, v.n + 1);
    return r;
}

static mpy_value b_upper(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return no_args(vm, "upper", argc, args, kw) ? map_case(vm, args[0], true) : MPY_NULL;
}
static mpy_value b_lower(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return no_args(vm, "lower", argc, args, kw) ? map_case(vm, args[0], false) : MPY_NULL;
}

static mpy_value b_isclass(mpy_vm *vm, mpy_value self, int kind)
{
    view v = self_view(vm, self);
    if (v.n == 0) return MPY_FALSE;
    for (size_t i = 0; i < v.n; i++) {
        unsigned char c = v.p[i];
        bool d = c >= '0' && c <= '9', a = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        bool ok = kind == 0 ? d : kind == 1 ? a : kind == 2 ? a || d : is_ws(c);
        if (!ok) return MPY_FALSE;
    }
    return MPY_TRUE;
}

static mpy_value b_isdigit(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return no_args(vm, "isdigit", argc, args, kw) ? b_isclass(vm, args[0], 0) : MPY_NULL;
}
static mpy_value b_isalpha(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return no_args(vm, "isalpha", argc, args, kw) ? b_isclass(vm, args[0], 1) : MPY_NULL;
}
static mpy_value b_isalnum(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return no_args(vm, "isalnum", argc, args, kw) ? b_isclass(vm, args[0], 2) : MPY_NULL;
}
static mpy_value b_isspace(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return no_args(vm, "isspace", argc, args, kw) ? b_isclass(vm, args[0], 3) : MPY_NULL;
}

/* ------------------------------------------------- more str-like methods */

/* self with `left` and `right` copies of fill around it. */
static mpy_value pad_bytes(mpy_vm *vm, mpy_value self, size_t left, size_t right, unsigned char fill)
{
    if (left == 0 && right == 0) return unchanged(vm, self);
    view v = self_view(vm, self);
    if (left > SIZE_MAX / 4 || right > SIZE_MAX / 4) { mpy_err_nomem(vm); return MPY_NULL; }
    size_t total = left + v.n + right;
    unsigned char *d = mpy_mem_realloc(vm, NULL, 0, total + 1);
    if (!d) return MPY_NULL;
    memset(d, fill, left);
    if (v.n) memcpy(d + left, v.p, v.n);
    memset(d + left + v.n, fill, right);
    mpy_value r = same_kind(vm, self, d, total);
    mpy_mem_free(vm, d, total + 1);
    return r;
}

/* center/ljust/rjust(width, fillchar=b' '): the margin to fill, or -1. */
static int64_t pad_args(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw,
                        int64_t *width, unsigned char *fill)
{
    char q[48];
    mpy_value a[2];
    if (!mpy_str_args(vm, qname(vm, args[0], name, q, sizeof q), MPY_ARGS_CLINIC, argc - 1, args + 1, kw, 1, 2, NULL,
                      a))
        return -1;
    if (!mpy_index_big(vm, a[0], MPY_INDEX_BIG_SSIZE, width)) return -1;
    *fill = ' ';
    if (!mpy_is_null(a[1])) {
        view f = {NULL, 0};
        if (!get_view(vm, a[1], &f) || f.n != 1) {
            mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name,
                        mpy_tname(vm, a[1]));
            return -1;
        }
        *fill = f.p[0];
    }
    int64_t n = (int64_t)self_view(vm, args[0]).n;
    return *width > n ? *width - n : 0;
}

static mpy_value b_center(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t w;
    unsigned char f;
    int64_t marg = pad_args(vm, "center", argc, args, kw, &w, &f);
    if (marg < 0) return MPY_NULL;
    /* CPython: left = marg/2 + (marg & width & 1). */
    size_t left = (size_t)marg / 2 + ((size_t)marg & (size_t)w & 1);
    return pad_bytes(vm, args[0], left, (size_t)marg - left, f);
}

static mpy_value b_ljust(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t w;
    unsigned char f;
    int64_t marg = pad_args(vm, "ljust", argc, args, kw, &w, &f);
    return marg < 0 ? MPY_NULL : pad_bytes(vm, args[0], 0, (size_t)marg, f);
}

static mpy_value b_rjust(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t w;
    unsigned char f;
    int64_t marg = pad_args(vm, "rjust", argc, args, kw, &w, &f);
    return marg < 0 ? MPY_NULL : pad_bytes(vm, args[0], (size_t)marg, 0, f);
}

static mpy_value b_zfill(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!one_arg(vm, "zfill", argc, args, kw)) return MPY_NULL;
    int64_t w;
    if (!mpy_index_big(vm, args[1], MPY_INDEX_BIG_SSIZE, &w)) return MPY_NULL;
    view v = self_view(vm, args[0]);
    if (w <= (int64_t)v.n) return unchanged(vm, args[0]);
    size_t fill = (size_t)w - v.n, total = (size_t)w;
    unsigned char *d = mpy_mem_realloc(vm, NULL, 0, total + 1);
    if (!d) return MPY_NULL;
    size_t sign = v.n && (v.p[0] == '+' || v.p[0] == '-');
    if (sign) d[0] = v.p[0];
    memset(d + sign, '0', fill);
    if (v.n > sign) memcpy(d + sign + fill, v.p + sign, v.n - sign);
    mpy_value r = same_kind(vm, args[0], d, total);
    mpy_mem_free(vm, d, total + 1);
    return r;
}

static mpy_value b_expandtabs(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    static const char *const kwl[] = {"tabsize", NULL};
    mpy_value a[1];
    if (!kw_args(vm, "expandtabs", argc, args, kw, 1, kwl, a)) return MPY_NULL;
    int64_t tab = 8;
    if (!mpy_is_null(a[0]) && !mpy_cint_arg(vm, a[0], &tab)) return MPY_NULL;
    view v = self_view(vm, args[0]);
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    if (!mpy_expandtabs_into(vm, &b, (const char *)v.p, v.n, tab, false)) { mpy_textbuf_free(vm, &b); return MPY_NULL; }
    mpy_value r = same_kind(vm, args[0], b.data, b.len);
    mpy_textbuf_free(vm, &b);
    return r;
}

static mpy_value do_partition(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, bool rev)
{
    if (!one_arg(vm, rev ? "rpartition" : "partition", argc, args, kw)) return MPY_NULL;
    view sep = {NULL, 0};
    if (!want_view(vm, args[1], &sep)) return MPY_NULL;
    if (sep.n == 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "empty separator");
    view v = self_view(vm, args[0]);
    int64_t i = rev ? rfind_bytes(v, sep) : find_bytes(v, sep, 0);
    mpy_value e1 = same_kind(vm, args[0], "", 0), e2 = same_kind(vm, args[0], "", 0), x, y, z;
    if (mpy_is_null(e1) || mpy_is_null(e2)) return MPY_NULL;
    if (i < 0) {
        mpy_value whole = unchanged(vm, args[0]);
        if (mpy_is_null(whole)) return MPY_NULL;
        x = rev ? e1 : whole;
        y = rev ? e2 : e1;
        z = rev ? whole : e2;
    } else {
        x = same_kind(vm, args[0], v.p, (size_t)i);
        /* bytes gives back the separator object itself, bytearray a copy */
        y = is_bytearray(vm, args[0]) ? bytearray_from(vm, sep.p, sep.n) : args[1];
        z = same_kind(vm, args[0], v.p + i + sep.n, v.n - (size_t)i - sep.n);
        if (mpy_is_null(x) || mpy_is_null(y) || mpy_is_null(z)) return MPY_NULL;
    }
    mpy_tuple *t = mpy_tuple_pack(vm, 3, x, y, z);
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static mpy_value b_partition(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_partition(vm, argc, args, kw, false);
}
static mpy_value b_rpartition(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_partition(vm, argc, args, kw, true);
}

static mpy_value b_rsplit(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    view v, sep;
    int64_t maxsplit;
    bool ws;
    mpy_list *l = split_args(vm, "rsplit", argc, args, kw, &v, &sep, &ws, &maxsplit);
    if (!l) return MPY_NULL;
    size_t j = v.n; /* pieces are found back to front */
    if (ws) {
        while (j > 0) {
            while (j > 0 && is_ws(v.p[j - 1])) j--;
            if (j == 0) break;
            size_t i = j;
            if (maxsplit-- == 0) {
                i = 0;
            } else {
                while (i > 0 && !is_ws(v.p[i - 1])) i--;
            }
            mpy_value piece = i == 0 && j == v.n ? unchanged(vm, args[0]) : same_kind(vm, args[0], v.p + i, j - i);
            if (mpy_is_null(piece) || !mpy_list_append(vm, l, piece)) return MPY_NULL;
            j = i;
        }
    } else {
        while (maxsplit-- > 0) {
            view h = {v.p, j};
            int64_t k = rfind_bytes(h, sep);
            if (k < 0) break;
            mpy_value piece = same_kind(vm, args[0], v.p + k + sep.n, j - (size_t)k - sep.n);
            if (mpy_is_null(piece) || !mpy_list_append(vm, l, piece)) return MPY_NULL;
            j = (size_t)k;
        }
        mpy_value piece = j == v.n ? unchanged(vm, args[0]) : same_kind(vm, args[0], v.p, j);
        if (mpy_is_null(piece) || !mpy_list_append(vm, l, piece)) return MPY_NULL;
    }
    mpy_list_reverse(l);
    return mpy_from_obj(l);
}

/* Lines end at \n, \r or \r\n (only those, unlike str). */
static mpy_value b_splitlines(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    static const char *const kwl[] = {"keepends", NULL};
    mpy_value a[1];
    if (!kw_args(vm, "splitlines", argc, args, kw, 1, kwl, a)) return MPY_NULL;
    int64_t keep = 0;
    if (!mpy_is_null(a[0]) && !mpy_cint_arg(vm, a[0], &keep)) return MPY_NULL;
    view v = self_view(vm, args[0]);
    mpy_list *l = mpy_list_new(vm, 0);
    if (!l) return MPY_NULL;
    size_t i = 0;
    while (i < v.n) {
        size_t j = i, k = 0;
        while (j < v.n && v.p[j] != '\n' && v.p[j] != '\r') j++;
        if (j < v.n) k = v.p[j] == '\r' && j + 1 < v.n && v.p[j + 1] == '\n' ? 2 : 1;
        mpy_value piece = i == 0 && j + k == v.n && !is_bytearray(vm, args[0]) && (keep || k == 0)
                              ? unchanged(vm, args[0])
                              : same_kind(vm, args[0], v.p + i, j - i + (keep ? k : 0));
        if (mpy_is_null(piece) || !mpy_list_append(vm, l, piece)) return MPY_NULL;
        i = j + k;
    }
    return mpy_from_obj(l);
}

static bool b_lower_c(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool b_upper_c(unsigned char c) { return c >= 'A' && c <= 'Z'; }

/* title (0), capitalize (1), swapcase (2): ASCII letters only. */
static mpy_value recase(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, const char *name, int mode)
{
    if (!no_args(vm, name, argc, args, kw)) return MPY_NULL;
    view v = self_view(vm, args[0]);
    unsigned char *d = mpy_mem_realloc(vm, NULL, 0, v.n + 1);
    if (!d) return MPY_NULL;
    bool prev_cased = false;
    for (size_t i = 0; i < v.n; i++) {
        unsigned char c = v.p[i];
        bool lo = b_lower_c(c), up = b_upper_c(c);
        bool want_up = mode == 0 ? !prev_cased : mode == 1 ? i == 0 : lo;
        if (mode == 2) want_up = lo;
        if (want_up && lo) c = (unsigned char)(c - 32);
        else if (!want_up && up) c = (unsigned char)(c + 32);
        d[i] = c;
        prev_cased = lo || up;
    }
    mpy_value r = same_kind(vm, args[0], d, v.n);
    mpy_mem_free(vm, d, v.n + 1);
    return r;
}

static mpy_value b_title(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return recase(vm, argc, args, kw, "title", 0);
}
static mpy_value b_capitalize(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return recase(vm, argc, args, kw, "capitalize", 1);
}
static mpy_value b_swapcase(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return recase(vm, argc, args, kw, "swapcase", 2);
}

static mpy_value b_isascii(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "isascii", argc, args, kw)) return MPY_NULL;
    view v = self_view(vm, args[0]);
    for (size_t i = 0; i < v.n; i++)
        if (v.p[i] >= 0x80) return MPY_FALSE;
    return MPY_TRUE;
}

/* isupper/islower: some cased byte and none of the other case. */
static mpy_value case_test(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, bool upper)
{
    if (!no_args(vm, upper ? "isupper" : "islower", argc, args, kw)) return MPY_NULL;
    view v = self_view(vm, args[0]);
    bool cased = false;
    for (size_t i = 0; i < v.n; i++) {
        if (upper ? b_lower_c(v.p[i]) : b_upper_c(v.p[i])) return MPY_FALSE;
        cased = cased || (upper ? b_upper_c(v.p[i]) : b_lower_c(v.p[i]));
    }
    return mpy_from_bool(cased);
}

static mpy_value b_isupper(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return case_test(vm, argc, args, kw, true);
}
static mpy_value b_islower(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return case_test(vm, argc, args, kw, false);
}

static mpy_value b_istitle(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "istitle", argc, args, kw)) return MPY_NULL;
    view v = self_view(vm, args[0]);
    bool cased = false, prev_cased = false;
    for (size_t i = 0; i < v.n; i++) {
        unsigned char c = v.p[i];
        if (b_upper_c(c)) {
            if (prev_cased) return MPY_FALSE;
            prev_cased = cased = true;
        } else if (b_lower_c(c)) {
            if (!prev_cased) return MPY_FALSE;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return mpy_from_bool(cased);
}

static mpy_value b_removeaffix(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, bool suffix)
{
    if (!one_arg(vm, suffix ? "removesuffix" : "removeprefix", argc, args, kw)) return MPY_NULL;
    view x = {NULL, 0};
    if (!want_view(vm, args[1], &x)) return MPY_NULL;
    view v = self_view(vm, args[0]);
    if (x.n && x.n <= v.n) {
        if (!suffix && memcmp(v.p, x.p, x.n) == 0) return same_kind(vm, args[0], v.p + x.n, v.n - x.n);
        if (suffix && memcmp(v.p + v.n - x.n, x.p, x.n) == 0) return same_kind(vm, args[0], v.p, v.n - x.n);
    }
    return unchanged(vm, args[0]);
}

static mpy_value b_removeprefix(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return b_removeaffix(vm, argc, args, kw, false);
}
static mpy_value b_removesuffix(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return b_removeaffix(vm, argc, args, kw, true);
}

/* translate(table, /, delete=b''): table is None or 256 bytes. */
static mpy_value b_translate(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int nkw = kw ? (int)kw->len : 0, npos = argc - 1;
    if (npos + nkw > 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "translate() takes at most 2 arguments (%d given)", npos + nkw);
    if (npos < 1)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "translate() takes at least 1 positional argument (0 given)");
    mpy_value del = npos > 1 ? args[2] : MPY_NULL;
    for (int k = 0; k < nkw; k++) {
        const char *kn = mpy_as_str(kw->items[k])->data;
        if (strcmp(kn, "delete") != 0)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' is an invalid keyword argument for translate()", kn);
        del = args[argc + k];
    }
    view table = {NULL, 0}, dv = {NULL, 0};
    bool have_table = !mpy_is_none(args[1]);
    if (have_table) {
        if (!want_view(vm, args[1], &table)) return MPY_NULL;
        if (table.n != 256)
            return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "translation table must be 256 characters long");
    }
    if (!mpy_is_null(del) && !want_view(vm, del, &dv)) return MPY_NULL;
    view v = self_view(vm, args[0]);
    bool drop[256] = {false};
    for (size_t i = 0; i < dv.n; i++) drop[dv.p[i]] = true;
    unsigned char *d = mpy_mem_realloc(vm, NULL, 0, v.n + 1);
    if (!d) return MPY_NULL;
    size_t n = 0;
    bool changed = false;
    for (size_t i = 0; i < v.n; i++) {
        unsigned char c = v.p[i];
        if (drop[c]) { changed = true; continue; }
        d[n] = have_table ? table.p[c] : c;
        changed = changed || d[n] != c;
        n++;
    }
    mpy_value r = changed ? same_kind(vm, args[0], d, n) : unchanged(vm, args[0]);
    mpy_mem_free(vm, d, v.n + 1);
    return r;
}

/* maketrans(frm, to): a static method, so each type has its own entry
 * for the qualified name in the keyword complaint. */
static mpy_value do_maketrans(mpy_vm *vm, const char *tname, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s.maketrans() takes no keyword arguments", tname);
    if (argc != 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "maketrans expected 2 arguments, got %d", argc);
    view f = {NULL, 0}, t = {NULL, 0};
    if (!want_view(vm, args[0], &f) || !want_view(vm, args[1], &t)) return MPY_NULL;
    if (f.n != t.n) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "maketrans arguments must have same length");
    unsigned char m[256];
    for (int i = 0; i < 256; i++) m[i] = (unsigned char)i;
    for (size_t i = 0; i < f.n; i++) m[f.p[i]] = t.p[i];
    return bytes_value(vm, m, 256);
}

static mpy_value b_maketrans(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_maketrans(vm, "bytes", argc, args, kw);
}
static mpy_value ba_maketrans(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_maketrans(vm, "bytearray", argc, args, kw);
}

static mpy_value b_getnewargs(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    view v = self_view(vm, args[0]);
    mpy_value b = bytes_value(vm, v.p, v.n);
    if (mpy_is_null(b)) return b;
    mpy_tuple *t = mpy_tuple_pack(vm, 1, b);
    return t ? mpy_from_obj(t) : MPY_NULL;
}

/* The methods bytes and bytearray share (the same C functions: each
 * returns an object of its self's type). */
#define SHARED_METHODS \
    {"decode", b_decode, MPY_METH_DEFAULT}, \
    {"hex", b_hex, MPY_METH_DEFAULT}, \
    {"fromhex", b_fromhex, MPY_METH_CLASS}, \
    {"join", b_join, MPY_METH_DEFAULT}, \
    {"split", b_split, MPY_METH_DEFAULT}, \
    {"strip", b_strip, MPY_METH_DEFAULT}, \
    {"lstrip", b_lstrip, MPY_METH_DEFAULT}, \
    {"rstrip", b_rstrip, MPY_METH_DEFAULT}, \
    {"find", b_find, MPY_METH_DEFAULT}, \
    {"index", b_index, MPY_METH_DEFAULT}, \
    {"rfind", b_rfind, MPY_METH_DEFAULT}, \
    {"rindex", b_rindex, MPY_METH_DEFAULT}, \
    {"count", b_count, MPY_METH_DEFAULT}, \
    {"startswith", b_startswith, MPY_METH_DEFAULT}, \
    {"endswith", b_endswith, MPY_METH_DEFAULT}, \
    {"replace", b_replace, MPY_METH_DEFAULT}, \
    {"upper", b_upper, MPY_METH_DEFAULT}, \
    {"lower", b_lower, MPY_METH_DEFAULT}, \
    {"isdigit", b_isdigit, MPY_METH_DEFAULT}, \
    {"isalpha", b_isalpha, MPY_METH_DEFAULT}, \
    {"isalnum", b_isalnum, MPY_METH_DEFAULT}, \
    {"isspace", b_isspace, MPY_METH_DEFAULT}, \
    {"center", b_center, MPY_METH_DEFAULT}, \
    {"ljust", b_ljust, MPY_METH_DEFAULT}, \
    {"rjust", b_rjust, MPY_METH_DEFAULT}, \
    {"zfill", b_zfill, MPY_METH_DEFAULT}, \
    {"expandtabs", b_expandtabs, MPY_METH_DEFAULT}, \
    {"partition", b_partition, MPY_METH_DEFAULT}, \
    {"rpartition", b_rpartition, MPY_METH_DEFAULT}, \
    {"rsplit", b_rsplit, MPY_METH_DEFAULT}, \
    {"splitlines", b_splitlines, MPY_METH_DEFAULT}, \
    {"title", b_title, MPY_METH_DEFAULT}, \
    {"capitalize", b_capitalize, MPY_METH_DEFAULT}, \
    {"swapcase", b_swapcase, MPY_METH_DEFAULT}, \
    {"isascii", b_isascii, MPY_METH_DEFAULT}, \
    {"isupper", b_isupper, MPY_METH_DEFAULT}, \
    {"islower", b_islower, MPY_METH_DEFAULT}, \
    {"istitle", b_istitle, MPY_METH_DEFAULT}, \
    {"removeprefix", b_removeprefix, MPY_METH_DEFAULT}, \
    {"removesuffix", b_removesuffix, MPY_METH_DEFAULT}, \
    {"translate", b_translate, MPY_METH_DEFAULT},

static const mpy_method_def bytes_methods[] = {
    SHARED_METHODS
    {"maketrans", b_maketrans, MPY_METH_STATIC},
    {"__getnewargs__", b_getnewargs, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

const mpy_type_spec mpy_bytes_spec = {
    .name = "bytes",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_bytes),
    .slots = {.repr = bytes_repr, .hash = bytes_hash, .richcmp = bytes_richcmp, .binop = bytes_binop, .binops = MPY_OPS(ADD) | MPY_OPS(MUL) | MPY_OPS(MOD), .rbinops = MPY_OPS(MUL) | MPY_OPS(MOD),
              .getattr = mpy_generic_getattr, .iter = bytes_iter_new, .len = bytes_len, .getitem = bytes_getitem,
              .contains = bytes_contains, .new_ = bytes_new_, .init = bytes_init},
    .methods = bytes_methods,
};

/* ------------------------------------------------------------ bytearray */

static mpy_value bytearray_from(mpy_vm *vm, const void *data, size_t len)
{
    bytearray *a = mpy_obj_alloc(vm, vm->types[MPY_TYPE_BYTEARRAY], sizeof(bytearray));
    if (!a) return MPY_NULL;
    if (len) {
        a->data = mpy_mem_realloc(vm, NULL, 0, len);
        if (!a->data) return MPY_NULL;
        memcpy(a->data, data, len);
    }
    a->len = a->cap = len;
    return mpy_from_obj(a);
}

static bool ba_reserve(mpy_vm *vm, bytearray *a, size_t extra)
{
    if (a->len + extra <= a->cap) return true;
    size_t cap = a->cap ? a->cap * 2 : 8;
    while (cap < a->len + extra) cap *= 2;
    unsigned char *d = mpy_mem_realloc(vm, a->data, a->cap, cap);
    if (!d) return false;
    a->data = d;
    a->cap = cap;
    return true;
}

static mpy_value bytearray_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (type != vm->types[MPY_TYPE_BYTEARRAY])
        return mpy_err_fmt_v(vm, MPY_EXC_NotImplementedError, "subclasses of bytearray are not supported");
    return construct(vm, "bytearray", argc, args, kw, bytearray_from);
}

static bool byte_value(mpy_vm *vm, mpy_value v, unsigned char *out)
{
    int64_t c;
    /* An int beyond 64 bits is just out of range. */
    if (!mpy_index_big(vm, v, MPY_INDEX_BIG_OVERFLOW, &c)) {
        if (!mpy_err_matches(vm, MPY_EXC_OverflowError)) return false;
        mpy_err_clear(vm);
        c = -1;
    }
    if (c < 0 || c > 255) return mpy_err_msg(vm, MPY_EXC_ValueError, "byte must be in range(0, 256)");
    *out = (unsigned char)c;
    return true;
}

static bool bytearray_setitem(mpy_vm *vm, mpy_value self, mpy_value key, mpy_value value)
{
    bytearray *a = (bytearray *)self.u.o;
    if (mpy_is_slice(vm, key))
        return mpy_err_msg(vm, MPY_EXC_NotImplementedError, "bytearray slice assignment is not supported");
    int64_t i;
    if (!mpy_index(vm, key, &i)) return false;
    /* The value is converted before the bounds check, as CPython does
     * (gh-91153): its __index__ can resize the bytearray. */
    unsigned char c = 0;
    if (!mpy_is_null(value) && !byte_value(vm, value, &c)) return false;
    if (i < 0) i += (int64_t)a->len;
    if (i < 0 || i >= (int64_t)a->len) return mpy_err_msg(vm, MPY_EXC_IndexError, "bytearray index out of range");
    if (mpy_is_null(value)) {
        memmove(a->data + i, a->data + i + 1, a->len - (size_t)i - 1);
        a->len--;
        return true;
    }
    a->data[i] = c;
    return true;
}

static mpy_value ba_append(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "bytearray.append() takes exactly one argument (%d given)", argc - 1);
    bytearray *a = (bytearray *)args[0].u.o;
    unsigned char c = 0;
    if (!byte_value(vm, args[1], &c) || !ba_reserve(vm, a, 1)) return MPY_NULL;
    a->data[a->len++] = c;
    return MPY_NONE;
}

static mpy_value ba_extend(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "bytearray.extend() takes exactly one argument (%d given)", argc - 1);
    bytearray *a = (bytearray *)args[0].u.o;
    size_t len, cap;
    unsigned char *d = bytes_from_object(vm, args[1], &len, &cap);
    if (!d) return MPY_NULL;
    bool ok = ba_reserve(vm, a, len);
    if (ok && len) memcpy(a->data + a->len, d, len);
    if (ok) a->len += len;
    mpy_mem_free(vm, d, cap);
    return ok ? MPY_NONE : MPY_NULL;
}

static mpy_value ba_pop(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    bytearray *a = (bytearray *)args[0].u.o;
    int64_t i = -1;
    if (argc > 1 && !mpy_index_big(vm, args[1], MPY_INDEX_BIG_SSIZE, &i)) return MPY_NULL;
    if (a->len == 0) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "pop from empty bytearray");
    if (i < 0) i += (int64_t)a->len;
    if (i < 0 || i >= (int64_t)a->len) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "pop index out of range");
    unsigned char c = a->data[i];
    memmove(a->data + i, a->data + i + 1, a->len - (size_t)i - 1);
    a->len--;
    return mpy_from_int(c);
}

/* insert(index, item): the index clips to the ends like list.insert. */
static mpy_value ba_insert(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_no_kwargs(vm, "insert", kw)) return MPY_NULL;
    if (argc != 3) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "insert expected 2 arguments, got %d", argc - 1);
    int64_t i;
    unsigned char c = 0;
    /* Both conversions come first: either __index__ may resize self. */
    if (!mpy_index_big(vm, args[1], MPY_INDEX_BIG_SSIZE, &i) || !byte_value(vm, args[2], &c)) return MPY_NULL;
    bytearray *a = (bytearray *)args[0].u.o;
    int64_t n = (int64_t)a->len;
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    if (!ba_reserve(vm, a, 1)) return MPY_NULL;
    memmove(a->data + i + 1, a->data + i, (size_t)(n - i));
    a->data[i] = c;
    a->len++;
    return MPY_NONE;
}

static mpy_value ba_remove(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "bytearray.remove() takes exactly one argument (%d given)", argc - 1);
    unsigned char c = 0;
    if (!byte_value(vm, args[1], &c)) return MPY_NULL;
    bytearray *a = (bytearray *)args[0].u.o;
    unsigned char *at = a->len ? memchr(a->data, c, a->len) : NULL;
    if (!at) {
        mpy_err_msg(vm, MPY_EXC_ValueError, "value not found in bytearray");
        return MPY_NULL;
    }
    memmove(at, at + 1, a->len - (size_t)(at - a->data) - 1);
    a->len--;
    return MPY_NONE;
}

static mpy_value ba_reverse(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 1) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "bytearray.reverse() takes no arguments (%d given)", argc - 1);
    bytearray *a = (bytearray *)args[0].u.o;
    for (size_t i = 0, j = a->len; i + 1 < j; i++, j--) {
        unsigned char t = a->data[i];
        a->data[i] = a->data[j - 1];
        a->data[j - 1] = t;
    }
    return MPY_NONE;
}

static mpy_value ba_copy(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 1) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "bytearray.copy() takes no arguments (%d given)", argc - 1);
    bytearray *a = (bytearray *)args[0].u.o;
    return bytearray_from(vm, a->data, a->len);
}

static mpy_value ba_clear(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    ((bytearray *)args[0].u.o)->len = 0;
    return MPY_NONE;
}

static mpy_value ba_inplace(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (op == MPY_BINOP_INPLACE + MPY_BINOP_ADD && is_bytearray(vm, a)) {
        view y;
        if (!get_view(vm, b, &y))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "can't concat %s to bytearray", mpy_tname(vm, b));
        bytearray *x = (bytearray *)a.u.o;
        if (!ba_reserve(vm, x, y.n)) return MPY_NULL;
        if (y.n) memmove(x->data + x->len, y.p, y.n);
        x->len += y.n;
        return a;
    }
    if (op == MPY_BINOP_INPLACE + MPY_BINOP_MUL && is_bytearray(vm, a)) {
        /* b *= n changes b itself (another name for it sees the change). */
        mpy_value r = bytes_binop(vm, MPY_BINOP_MUL, a, b);
        if (mpy_is_null(r) || !is_bytearray(vm, r)) return r;
        bytearray *self = (bytearray *)a.u.o, *src = (bytearray *)r.u.o;
        self->len = 0;
        if (!ba_reserve(vm, self, src->len)) return MPY_NULL;
        if (src->len) memcpy(self->data, src->data, src->len);
        self->len = src->len;
        return a;
    }
    return bytes_binop(vm, op, a, b);
}

static void bytearray_finalize(mpy_vm *vm, mpy_obj *o)
{
    bytearray *a = (bytearray *)o;
    if (a->data) mpy_mem_free(vm, a->data, a->cap);
    a->data = NULL;
}

/* b += x and b *= n as methods (bytearray.__iadd__(b, x)), as CPython's
 * bytearray has them. */
static mpy_value ba_m_iadd(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_binary_dunder_args(vm, "__iadd__", argc, kw)) return MPY_NULL;
    return ba_inplace(vm, (mpy_binop)(MPY_BINOP_INPLACE + MPY_BINOP_ADD), args[0], args[1]);
}

static mpy_value ba_m_imul(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_binary_dunder_args(vm, "__imul__", argc, kw)) return MPY_NULL;
    /* Called directly the count must be an index (no "can't multiply
     * sequence" message): as CPython's sq_inplace_repeat. */
    int64_t n;
    if (!mpy_index(vm, args[1], &n)) return MPY_NULL;
    return ba_inplace(vm, (mpy_binop)(MPY_BINOP_INPLACE + MPY_BINOP_MUL), args[0], args[1]);
}

static const mpy_method_def bytearray_methods[] = {
    SHARED_METHODS
    {"__iadd__", ba_m_iadd, MPY_METH_DEFAULT},
    {"__imul__", ba_m_imul, MPY_METH_DEFAULT},
    {"maketrans", ba_maketrans, MPY_METH_STATIC},
    {"append", ba_append, MPY_METH_DEFAULT},
    {"insert", ba_insert, MPY_METH_DEFAULT},
    {"remove", ba_remove, MPY_METH_DEFAULT},
    {"reverse", ba_reverse, MPY_METH_DEFAULT},
    {"copy", ba_copy, MPY_METH_DEFAULT},
    {"extend", ba_extend, MPY_METH_DEFAULT},
    {"pop", ba_pop, MPY_METH_DEFAULT},
    {"clear", ba_clear, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

static bool unhashable(mpy_vm *vm, mpy_value self, int64_t *out)
{
    return mpy_err_msg(vm, MPY_EXC_TypeError, "unhashable type: 'bytearray'");
}

const mpy_type_spec mpy_bytearray_spec = {
    .name = "bytearray",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(bytearray),
    .slots = {.repr = bytes_repr, .hash = unhashable, .richcmp = bytes_richcmp, .binop = ba_inplace, .binops = MPY_OPS(ADD) | MPY_OPS(MUL) | MPY_OPS(MOD), .rbinops = MPY_OPS(MUL) | MPY_OPS(MOD),
              .getattr = mpy_generic_getattr, .iter = bytes_iter_new, .len = bytes_len, .getitem = bytes_getitem,
              .setitem = bytearray_setitem, .contains = bytes_contains, .new_ = bytearray_new_, .init = bytes_init,
              .finalize = bytearray_finalize},
    .methods = bytearray_methods,
};
