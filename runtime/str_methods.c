/* str methods: searching, splitting, joining, stripping, case mapping,
 * classification, padding, encoding, translation.  Formatting methods
 * (format, format_map, __format__) are in format.c.
 *
 * Most algorithms work on the UTF-8 bytes directly: a separator or
 * substring match in UTF-8 is a match of code points, and ASCII
 * whitespace and line breaks are single bytes.  Code point indices (find's
 * result, start/end arguments) are converted at the edges; for ASCII text
 * the two coincide.
 *
 * Character data (the is*() predicates, full case mappings, casefold,
 * identifiers, printability) comes from str_unicode.inc, generated from
 * CPython's own Unicode database by gen_unicode.py, so non-ASCII text
 * behaves exactly as in CPython 3.11 (Unicode 14).  ASCII takes inline
 * fast paths everywhere.
 */
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/seq.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#define decode mpy_utf8_decode

/* ------------------------------------------------------ character data */

/* Generated from CPython's Unicode database by runtime/gen_unicode.py. */
#include "runtime/str_unicode.inc"

enum {
    U_ALPHA = 1 << 0, U_DECIMAL = 1 << 1, U_DIGIT = 1 << 2, U_NUMERIC = 1 << 3, U_SPACE = 1 << 4,
    U_PRINTABLE = 1 << 5, U_UPPER = 1 << 6, U_LOWER = 1 << 7, U_TITLE = 1 << 8, U_XID_START = 1 << 9,
    U_XID_CONT = 1 << 10, U_IGNORABLE = 1 << 11,
};

static unsigned uni_flags(uint32_t c)
{
    size_t lo = 0, hi = UNI_NRUNS;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (uni_starts[mid] <= c) lo = mid;
        else hi = mid;
    }
    return uni_sets[uni_props[lo]];
}

/* The simple case mapping run holding c, or NULL: the last run starting at
 * or before c, or the one before it (alternating blocks interleave two
 * stride-2 runs). */
static const uni_case_run *case_run(uint32_t c)
{
    if (c < uni_case[0].first) return NULL;
    size_t lo = 0, hi = UNI_NCASE;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (uni_case[mid].first <= c) lo = mid;
        else hi = mid;
    }
    for (size_t k = lo + 1; k-- > 0 && k + 2 > lo;) {
        const uni_case_run *r = &uni_case[k];
        uint32_t off = c - r->first;
        if (off % r->stride == 0 && off / r->stride < r->count) return r;
    }
    return NULL;
}

static uint32_t cp_lower(uint32_t c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    const uni_case_run *r = case_run(c);
    return r ? (uint32_t)((int32_t)c + r->dl) : c;
}

static uint32_t cp_upper(uint32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
    const uni_case_run *r = case_run(c);
    return r ? (uint32_t)((int32_t)c + r->du) : c;
}

static uint32_t cp_title(uint32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
    const uni_case_run *r = case_run(c);
    return r ? (uint32_t)((int32_t)c + r->dt) : c;
}

/* Full mappings to several code points (ß -> SS ...), or NULL. */
static const uni_special_case *special_case(uint32_t c)
{
    size_t lo = 0, hi = UNI_NSPECIAL;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (uni_special[mid].cp < c) lo = mid + 1;
        else hi = mid;
    }
    return lo < UNI_NSPECIAL && uni_special[lo].cp == c ? &uni_special[lo] : NULL;
}

static const char *special_fold(uint32_t c)
{
    size_t lo = 0, hi = UNI_NFOLD;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (uni_fold[mid].cp < c) lo = mid + 1;
        else hi = mid;
    }
    return lo < UNI_NFOLD && uni_fold[lo].cp == c ? uni_fold[lo].fold : NULL;
}

static bool cp_isupper(uint32_t c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : (uni_flags(c) & U_UPPER) != 0; }
static bool cp_islower(uint32_t c) { return c < 0x80 ? c >= 'a' && c <= 'z' : (uni_flags(c) & U_LOWER) != 0; }
static bool cp_istitle(uint32_t c) { return c >= 0x80 && (uni_flags(c) & U_TITLE) != 0; }
static bool cp_iscased(uint32_t c)
{
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return (uni_flags(c) & (U_UPPER | U_LOWER | U_TITLE)) != 0;
}
static bool cp_isignorable(uint32_t c) { return (uni_flags(c) & U_IGNORABLE) != 0; }

bool mpy_str_cp_isspace(uint32_t c)
{
    if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
    return (uni_flags(c) & U_SPACE) != 0;
}

bool mpy_str_cp_isdecimal(uint32_t c)
{
    if (c < 0x80) return c >= '0' && c <= '9';
    return (uni_flags(c) & U_DECIMAL) != 0;
}

static int cp_decimal_value(uint32_t c)
{
    size_t lo = 0, hi = UNI_NZERO;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (uni_zero[mid] <= c) lo = mid;
        else hi = mid;
    }
    return c >= uni_zero[lo] && c < uni_zero[lo] + 10 ? (int)(c - uni_zero[lo]) : -1;
}

static bool cp_isdigit(uint32_t c)
{
    if (c < 0x80) return c >= '0' && c <= '9';
    return (uni_flags(c) & U_DIGIT) != 0;
}

static bool cp_isnumeric(uint32_t c)
{
    if (c < 0x80) return c >= '0' && c <= '9';
    return (uni_flags(c) & U_NUMERIC) != 0;
}

bool mpy_str_cp_isalpha(uint32_t c)
{
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return (uni_flags(c) & U_ALPHA) != 0;
}

static bool cp_isalnum(uint32_t c)
{
    if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
    return (uni_flags(c) & (U_ALPHA | U_DECIMAL | U_DIGIT | U_NUMERIC)) != 0;
}

bool mpy_str_cp_printable(uint32_t c)
{
    if (c < 0x80) return c >= 0x20 && c < 0x7f;
    return (uni_flags(c) & U_PRINTABLE) != 0;
}

static bool cp_isidstart(uint32_t c)
{
    if (c < 0x80) return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return (uni_flags(c) & U_XID_START) != 0;
}

static bool cp_isidcont(uint32_t c)
{
    if (c < 0x80) return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
    return (uni_flags(c) & U_XID_CONT) != 0;
}

/* ------------------------------------------------------------- helpers */

static inline mpy_str *S(mpy_value v) { return mpy_as_str(v); }
static inline mpy_value ret(mpy_str *s) { return s ? mpy_from_obj(s) : MPY_NULL; }

#define count_cps mpy_utf8_count

/* A new str from bytes [b0, b1) of s. */
static mpy_str *sub(mpy_vm *vm, mpy_str *s, size_t b0, size_t b1)
{
    if (b0 == 0 && b1 == s->len && s->hdr.type == vm->types[MPY_TYPE_STR]) return s;
    mpy_str *r = mpy_str_alloc(vm, b1 - b0);
    if (!r || r->len == 0) return r;
    memcpy(r->data, s->data + b0, b1 - b0);
    r->cplen = mpy_str_is_ascii(s) ? b1 - b0 : count_cps(r->data, r->len);
    return r;
}

static bool push_sub(mpy_vm *vm, mpy_list *l, mpy_str *s, size_t b0, size_t b1)
{
    mpy_str *r = sub(vm, s, b0, b1);
    return r && mpy_list_append(vm, l, mpy_from_obj(r));
}

/* The type name in CPython's argument errors: "None" for None. */
static const char *arg_tname(mpy_vm *vm, mpy_value v) { return mpy_is_none(v) ? "None" : mpy_tname(vm, v); }

/* A str argument (TypeError "must be str, not int" style messages). */
static bool want_str(mpy_vm *vm, mpy_value v, const char *fmt)
{
    if (mpy_is_strv(v)) return true;
    return mpy_err_fmt(vm, MPY_EXC_TypeError, fmt, mpy_tname(vm, v));
}

/* The same for Argument Clinic converters, which spell None "None". */
static bool want_str_clinic(mpy_vm *vm, mpy_value v, const char *fmt)
{
    if (mpy_is_strv(v)) return true;
    return mpy_err_fmt(vm, MPY_EXC_TypeError, fmt, arg_tname(vm, v));
}

/* An integer argument through __index__ (clinic's "ssize_t" converter). */
static bool want_index(mpy_vm *vm, mpy_value v, int64_t *out)
{
    return mpy_index_big(vm, v, MPY_INDEX_BIG_SSIZE, out);
}

/* CPython's ADJUST_INDICES for find/count/startswith: start/end (None or
 * indices) clipped to the string; false with an exception on a bad
 * index.  *empty is set when start > len (nothing can match, not even ""). */
static bool slice_arg(mpy_vm *vm, mpy_value v, int64_t *out)
{
    if (!mpy_slice_arg(vm, v, out)) return false;
    /* Halved so that adding the length cannot overflow. */
    if (*out < INT64_MIN / 2) *out = INT64_MIN / 2;
    if (*out > INT64_MAX / 2) *out = INT64_MAX / 2;
    return true;
}

typedef struct range {
    size_t b0, b1;   /* byte offsets */
    size_t c0;       /* code point index of b0 */
    bool empty;      /* start beyond the end */
} range;

static bool get_range(mpy_vm *vm, mpy_str *s, mpy_value vstart, mpy_value vend, range *r)
{
    int64_t len = (int64_t)s->cplen, start = 0, end = len;
    if (!slice_arg(vm, vstart, &start) || !slice_arg(vm, vend, &end)) return false;
    if (end > len) end = len;
    else if (end < 0) { end += len; if (end < 0) end = 0; }
    if (start < 0) { start += len; if (start < 0) start = 0; }
    r->empty = start > len;
    if (start > len) start = len;
    r->c0 = (size_t)start;
    r->b0 = mpy_str_offset(s, (size_t)start);
    r->b1 = mpy_str_offset(s, (size_t)end);
    if (r->b1 < r->b0) r->b1 = r->b0;
    return true;
}

static int64_t cp_index_of(mpy_str *s, const range *r, int64_t boff)
{
    if (mpy_str_is_ascii(s)) return boff;
    return (int64_t)(r->c0 + count_cps(s->data + r->b0, (size_t)boff - r->b0));
}

/* ---------------------------------------------------------------- join */

static mpy_value str_join(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "str.join() takes no keyword arguments");
    if (argc != 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "str.join() takes exactly one argument (%d given)", argc - 1);
    mpy_str *sep = S(args[0]);
    mpy_value it = args[1];
    const mpy_value *items;
    size_t n;
    if (mpy_is_type(vm, it, MPY_TYPE_LIST)) {
        items = mpy_as_list(it)->items;
        n = mpy_as_list(it)->len;
    } else if (mpy_is_type(vm, it, MPY_TYPE_TUPLE)) {
        items = mpy_as_tuple(it)->items;
        n = mpy_as_tuple(it)->len;
    } else {
        mpy_type *t = mpy_typeof(vm, it);
        if (!t->slots.iter && !t->slots.getitem)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "can only join an iterable");
        mpy_list *l = mpy_list_from_iter(vm, it);
        if (!l) return MPY_NULL;
        items = l->items;
        n = l->len;
    }
    if (n == 0) return mpy_from_obj(vm->empty_str);
    /* Total length first, then one allocation. */
    size_t total = sep->len * (n - 1), cps = sep->cplen * (n - 1);
    for (size_t i = 0; i < n; i++) {
        if (!mpy_is_strv(items[i]))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "sequence item %zu: expected str instance, %s found", i,
                                 mpy_tname(vm, items[i]));
        total += S(items[i])->len;
        cps += S(items[i])->cplen;
    }
    if (n == 1 && items[0].u.o->type == vm->types[MPY_TYPE_STR]) return items[0];
    mpy_str *r = mpy_str_alloc(vm, total);
    if (!r) return MPY_NULL;
    char *p = r->data;
    for (size_t i = 0; i < n; i++) {
        if (i && sep->len) { memcpy(p, sep->data, sep->len); p += sep->len; }
        mpy_str *x = S(items[i]);
        memcpy(p, x->data, x->len);
        p += x->len;
    }
    *p = 0;
    r->cplen = cps;
    return mpy_from_obj(r);
}

/* --------------------------------------------------------------- split */

static const char *const split_kw[] = {"sep", "maxsplit", NULL};

static bool split_args(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw,
                       mpy_str **sep, int64_t *maxsplit)
{
    mpy_value a[2];
    if (!mpy_str_args(vm, name, MPY_ARGS_KW, argc - 1, args + 1, kw, 0, 2, split_kw, a)) return false;
    *sep = NULL;
    *maxsplit = -1;
    /* Clinic converts maxsplit first; sep is checked by the method. */
    if (!mpy_is_null(a[1]) && !want_index(vm, a[1], maxsplit)) return false;
    if (!mpy_is_null(a[0]) && !mpy_is_none(a[0])) {
        if (!want_str(vm, a[0], "must be str or None, not %s")) return false;
        *sep = S(a[0]);
    }
    if (*sep && (*sep)->len == 0) return mpy_err_msg(vm, MPY_EXC_ValueError, "empty separator");
    if (*maxsplit < 0) *maxsplit = INT64_MAX;
    return true;
}

/* Length of the whitespace code point at p (0 if none). */
static size_t space_at(const unsigned char *p, const unsigned char *e)
{
    if (*p < 0x80) return mpy_str_cp_isspace(*p) ? 1 : 0;
    const unsigned char *q = p;
    uint32_t c = decode(&q);
    return mpy_str_cp_isspace(c) ? (size_t)(q - p) : 0;
}

/* Length of the whitespace code point ending just before p (0 if none). */
static size_t space_before(const unsigned char *start, const unsigned char *p)
{
    const unsigned char *q = p - 1;
    if (*q < 0x80) return mpy_str_cp_isspace(*q) ? 1 : 0;
    while (q > start && (*q & 0xc0) == 0x80) q--;
    const unsigned char *r = q;
    uint32_t c = decode(&r);
    return mpy_str_cp_isspace(c) ? (size_t)(p - q) : 0;
}

static size_t cp_len_at(const unsigned char *p)
{
    return *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
}

static mpy_value split_ws(mpy_vm *vm, mpy_str *s, int64_t maxsplit)
{
    mpy_list *l = mpy_list_new(vm, 0);
    if (!l) return MPY_NULL;
    const unsigned char *b = (const unsigned char *)s->data, *p = b, *e = b + s->len;
    size_t k;
    while (p < e) {
        while (p < e && (k = space_at(p, e))) p += k;
        if (p == e) break;
        if (maxsplit-- == 0) {
            /* The rest, trailing whitespace included (as CPython). */
            if (!push_sub(vm, l, s, (size_t)(p - b), s->len)) return MPY_NULL;
            break;
        }
        const unsigned char *w = p;
        while (p < e && !space_at(p, e)) p += cp_len_at(p);
        if (!push_sub(vm, l, s, (size_t)(w - b), (size_t)(p - b))) return MPY_NULL;
    }
    return mpy_from_obj(l);
}

static mpy_value rsplit_ws(mpy_vm *vm, mpy_str *s, int64_t maxsplit)
{
    mpy_list *l = mpy_list_new(vm, 0);
    if (!l) return MPY_NULL;
    const unsigned char *b = (const unsigned char *)s->data, *p = b + s->len;
    size_t k;
    while (p > b) {
        while (p > b && (k = space_before(b, p))) p -= k;
        if (p == b) break;
        if (maxsplit-- == 0) {
            if (!push_sub(vm, l, s, 0, (size_t)(p - b))) return MPY_NULL;
            break;
        }
        const unsigned char *w = p;
        while (p > b && !space_before(b, p)) {
            p--;
            while (p > b && (*p & 0xc0) == 0x80) p--;
        }
        if (!push_sub(vm, l, s, (size_t)(p - b), (size_t)(w - b))) return MPY_NULL;
    }
    mpy_list_reverse(l); /* built back to front */
    return mpy_from_obj(l);
}

static mpy_value str_split(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_str *s = S(args[0]), *sep;
    int64_t maxsplit;
    if (!split_args(vm, "split", argc, args, kw, &sep, &maxsplit)) return MPY_NULL;
    if (!sep) return split_ws(vm, s, maxsplit);
    mpy_list *l = mpy_list_new(vm, 0);
    if (!l) return MPY_NULL;
    size_t pos = 0;
    while (maxsplit-- > 0) {
        int64_t i = mpy_mem_find(s->data + pos, s->len - pos, sep->data, sep->len);
        if (i < 0) break;
        if (!push_sub(vm, l, s, pos, pos + (size_t)i)) return MPY_NULL;
        pos += (size_t)i + sep->len;
    }
    if (!push_sub(vm, l, s, pos, s->len)) return MPY_NULL;
    return mpy_from_obj(l);
}

static mpy_value str_rsplit(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_str *s = S(args[0]), *sep;
    int64_t maxsplit;
    if (!split_args(vm, "rsplit", argc, args, kw, &sep, &maxsplit)) return MPY_NULL;
    if (!sep) return rsplit_ws(vm, s, maxsplit);
    mpy_list *l = mpy_list_new(vm, 0);
    if (!l) return MPY_NULL;
    size_t end = s->len;
    while (maxsplit-- > 0) {
        int64_t i = mpy_mem_rfind(s->data, end, sep->data, sep->len);
        if (i < 0) break;
        if (!push_sub(vm, l, s, (size_t)i + sep->len, end)) return MPY_NULL;
        end = (size_t)i;
    }
    if (!push_sub(vm, l, s, 0, end)) return MPY_NULL;
    mpy_list_reverse(l); /* built back to front */
    return mpy_from_obj(l);
}

/* Length of the line break at p (0 if none): \n \r \r\n \v \f \x1c-\x1e
 * \x85 \u2028 \u2029. */
static size_t linebreak_at(const unsigned char *p, const unsigned char *e)
{
    unsigned c = *p;
    if (c == '\r') return p + 1 < e && p[1] == '\n' ? 2 : 1;
    if (c == '\n' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e)) return 1;
    if (c == 0xc2 && p + 1 < e && p[1] == 0x85) return 2;
    if (c == 0xe2 && p + 2 < e && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) return 3;
    return 0;
}

static mpy_value str_splitlines(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    static const char *const kwl[] = {"keepends", NULL};
    mpy_value a[1];
    if (!mpy_str_args(vm, "splitlines", MPY_ARGS_KW, argc - 1, args + 1, kw, 0, 1, kwl, a)) return MPY_NULL;
    int64_t keep = 0;
    if (!mpy_is_null(a[0]) && !want_index(vm, a[0], &keep)) return MPY_NULL;
    mpy_str *s = S(args[0]);
    mpy_list *l = mpy_list_new(vm, 0);
    if (!l) return MPY_NULL;
    const unsigned char *b = (const unsigned char *)s->data, *p = b, *e = b + s->len;
    while (p < e) {
        const unsigned char *start = p;
        size_t k = 0;
        while (p < e && !(k = linebreak_at(p, e))) p++;
        size_t end = (size_t)(p - b) + (keep ? k : 0);
        if (!push_sub(vm, l, s, (size_t)(start - b), end)) return MPY_NULL;
        p += k;
    }
    return mpy_from_obj(l);
}

/* --------------------------------------------------------------- strip */

/* Is code point c in chars (NULL: whitespace). */
static bool in_chars(uint32_t c, mpy_str *chars)
{
    if (!chars) return mpy_str_cp_isspace(c);
    if (c < 0x80 && mpy_str_is_ascii(chars)) return memchr(chars->data, (int)c, chars->len) != NULL;
    const unsigned char *p = (const unsigned char *)chars->data, *e = p + chars->len;
    while (p < e)
        if (decode(&p) == c) return true;
    return false;
}

static mpy_value do_strip(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, const char *name, int which)
{
    mpy_value a[1];
    if (!mpy_str_args(vm, name, MPY_ARGS_CLINIC, argc - 1, args + 1, kw, 0, 1, NULL, a)) return MPY_NULL;
    name += 4; /* "str." */
    mpy_str *chars = NULL;
    if (!mpy_is_null(a[0]) && !mpy_is_none(a[0])) {
        if (!mpy_is_strv(a[0])) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s arg must be None or str", name);
        chars = S(a[0]);
    }
    mpy_str *s = S(args[0]);
    const unsigned char *b = (const unsigned char *)s->data, *p = b, *e = b + s->len;
    if (which & 1) {
        while (p < e) {
            const unsigned char *q = p;
            if (!in_chars(decode(&q), chars)) break;
            p = q;
        }
    }
    if (which & 2) {
        while (e > p) {
            const unsigned char *q = e - 1;
            while (q > p && (*q & 0xc0) == 0x80) q--;
            const unsigned char *r = q;
            if (!in_chars(decode(&r), chars)) break;
            e = q;
        }
    }
    return ret(sub(vm, s, (size_t)(p - b), (size_t)(e - b)));
}

static mpy_value str_strip(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_strip(vm, argc, args, kw, "str.strip", 3);
}
static mpy_value str_lstrip(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_strip(vm, argc, args, kw, "str.lstrip", 1);
}
static mpy_value str_rstrip(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_strip(vm, argc, args, kw, "str.rstrip", 2);
}

/* ------------------------------------------------------------ searching */

static bool find_args(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw, mpy_str **needle,
                      range *r)
{
    mpy_value a[3];
    if (!mpy_str_args(vm, name, MPY_ARGS_OLD, argc - 1, args + 1, kw, 1, 3, NULL, a)) return false;
    /* CPython converts the indices first. */
    if (!get_range(vm, S(args[0]), a[1], a[2], r)) return false;
    if (!want_str(vm, a[0], "must be str, not %s")) return false;
    *needle = S(a[0]);
    return true;
}

/* Returns the code point index of the match, -1 when absent, -2 on error. */
static int64_t do_find(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw, bool rev)
{
    mpy_str *s = S(args[0]), *n;
    range r;
    if (!find_args(vm, name, argc, args, kw, &n, &r)) return -2;
    if (r.empty) return -1;
    int64_t i = rev ? mpy_mem_rfind(s->data + r.b0, r.b1 - r.b0, n->data, n->len)
                    : mpy_mem_find(s->data + r.b0, r.b1 - r.b0, n->data, n->len);
    if (i < 0) return -1;
    return cp_index_of(s, &r, (int64_t)r.b0 + i);
}

static mpy_value str_find(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t i = do_find(vm, "find", argc, args, kw, false);
    return i == -2 ? MPY_NULL : mpy_from_int(i);
}
static mpy_value str_rfind(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t i = do_find(vm, "rfind", argc, args, kw, true);
    return i == -2 ? MPY_NULL : mpy_from_int(i);
}
static mpy_value str_index(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t i = do_find(vm, "index", argc, args, kw, false);
    if (i == -1) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "substring not found");
    return i == -2 ? MPY_NULL : mpy_from_int(i);
}
static mpy_value str_rindex(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t i = do_find(vm, "rindex", argc, args, kw, true);
    if (i == -1) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "substring not found");
    return i == -2 ? MPY_NULL : mpy_from_int(i);
}

static size_t count_in(const char *h, size_t hn, mpy_str *n, size_t maxcount)
{
    if (n->len == 0) {
        /* The empty string matches between every two code points. */
        size_t all = count_cps(h, hn) + 1;
        return all < maxcount ? all : maxcount;
    }
    size_t c = 0, pos = 0;
    while (c < maxcount) {
        int64_t i = mpy_mem_find(h + pos, hn - pos, n->data, n->len);
        if (i < 0) break;
        c++;
        pos += (size_t)i + n->len;
    }
    return c;
}

static mpy_value str_count(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_str *s = S(args[0]), *n;
    range r;
    if (!find_args(vm, "count", argc, args, kw, &n, &r)) return MPY_NULL;
    if (r.empty) return mpy_from_int(0);
    return mpy_from_int((int64_t)count_in(s->data + r.b0, r.b1 - r.b0, n, SIZE_MAX));
}

static mpy_value do_startsend(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, const char *name, bool end)
{
    mpy_value a[3];
    if (!mpy_str_args(vm, name, MPY_ARGS_OLD, argc - 1, args + 1, kw, 1, 3, NULL, a)) return MPY_NULL;
    mpy_str *s = S(args[0]);
    range r;
    if (!get_range(vm, s, a[1], a[2], &r)) return MPY_NULL;
    const mpy_value *opts = &a[0];
    size_t nopts = 1;
    if (mpy_is_sub(vm, a[0], MPY_TYPE_TUPLE)) {
        opts = mpy_as_tuple(a[0])->items;
        nopts = mpy_as_tuple(a[0])->len;
    } else if (!mpy_is_strv(a[0])) {
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                             mpy_tname(vm, a[0]));
    }
    for (size_t k = 0; k < nopts; k++) {
        if (!mpy_is_strv(opts[k]))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "tuple for %s must only contain str, not %s", name,
                                 mpy_tname(vm, opts[k]));
        if (r.empty) continue;
        mpy_str *p = S(opts[k]);
        size_t avail = r.b1 - r.b0;
        if (p->len > avail) continue;
        const char *at = end ? s->data + r.b1 - p->len : s->data + r.b0;
        if (memcmp(at, p->data, p->len) == 0) return MPY_TRUE;
    }
    return MPY_FALSE;
}

static mpy_value str_startswith(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_startsend(vm, argc, args, kw, "startswith", false);
}
static mpy_value str_endswith(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_startsend(vm, argc, args, kw, "endswith", true);
}

/* ------------------------------------------------------------- replace */

static mpy_value str_replace(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[3];
    if (!mpy_str_args(vm, "str.replace", MPY_ARGS_CLINIC, argc - 1, args + 1, kw, 2, 3, NULL, a)) return MPY_NULL;
    if (!want_str_clinic(vm, a[0], "replace() argument 1 must be str, not %s")) return MPY_NULL;
    if (!want_str_clinic(vm, a[1], "replace() argument 2 must be str, not %s")) return MPY_NULL;
    int64_t maxc = -1;
    if (!mpy_is_null(a[2]) && !want_index(vm, a[2], &maxc)) return MPY_NULL;
    mpy_str *s = S(args[0]), *old = S(a[0]), *new = S(a[1]);
    size_t limit = maxc < 0 ? SIZE_MAX : (size_t)maxc;
    size_t n = count_in(s->data, s->len, old, limit);
    if (n == 0) return ret(mpy_str_exact(vm, s));
    size_t total = s->len + n * new->len - (old->len ? n * old->len : 0);
    mpy_str *r = mpy_str_alloc(vm, total);
    if (!r) return MPY_NULL;
    char *o = r->data;
    const char *p = s->data, *e = s->data + s->len;
    if (old->len == 0) {
        /* Insert before each code point (and at the end). */
        for (size_t k = 0; k < n; k++) {
            memcpy(o, new->data, new->len);
            o += new->len;
            if (p < e) {
                size_t cl = cp_len_at((const unsigned char *)p);
                memcpy(o, p, cl);
                o += cl;
                p += cl;
            }
        }
    } else {
        for (size_t k = 0; k < n; k++) {
            int64_t i = mpy_mem_find(p, (size_t)(e - p), old->data, old->len);
            memcpy(o, p, (size_t)i);
            o += i;
            memcpy(o, new->data, new->len);
            o += new->len;
            p += i + (int64_t)old->len;
        }
    }
    memcpy(o, p, (size_t)(e - p));
    r->data[total] = 0;
    r->cplen = s->cplen + n * new->cplen - (old->len ? n * old->cplen : 0);
    return mpy_from_obj(r);
}

/* ---------------------------------------------------------- case mapping */

static bool no_args(mpy_vm *vm, const char *name, int argc, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt(vm, MPY_EXC_TypeError, "str.%s() takes no keyword arguments", name);
    if (argc != 1) return mpy_err_fmt(vm, MPY_EXC_TypeError, "str.%s() takes no arguments (%d given)", name, argc - 1);
    return true;
}

/* Full case mappings (several code points for ß, ligatures, İ ...). */
static bool add_text(mpy_vm *vm, mpy_textbuf *b, const char *s) { return mpy_textbuf_add(vm, b, s, strlen(s)); }

static bool add_upper(mpy_vm *vm, mpy_textbuf *b, uint32_t c)
{
    const uni_special_case *sc = c < 0xdf ? NULL : special_case(c);
    return sc && sc->upper ? add_text(vm, b, sc->upper) : mpy_textbuf_addcp(vm, b, cp_upper(c));
}

static bool add_title(mpy_vm *vm, mpy_textbuf *b, uint32_t c)
{
    const uni_special_case *sc = c < 0xdf ? NULL : special_case(c);
    return sc && sc->title ? add_text(vm, b, sc->title) : mpy_textbuf_addcp(vm, b, cp_title(c));
}

/* Σ is final (ς) after a cased letter and not before one, case-ignorable
 * characters skipped both ways (CPython's handle_capital_sigma). */
static bool final_sigma(const uint32_t *cps, size_t n, size_t i)
{
    size_t j = i;
    uint32_t c = 0;
    bool found = false;
    while (j > 0) {
        c = cps[--j];
        if (!cp_isignorable(c)) { found = true; break; }
    }
    if (!found || !cp_iscased(c)) return false;
    for (j = i + 1; j < n; j++) {
        c = cps[j];
        if (!cp_isignorable(c)) return !cp_iscased(c);
    }
    return true;
}

static bool add_lower(mpy_vm *vm, mpy_textbuf *b, const uint32_t *cps, size_t n, size_t i)
{
    uint32_t c = cps[i];
    if (c == 0x3a3) return mpy_textbuf_addcp(vm, b, final_sigma(cps, n, i) ? 0x3c2 : 0x3c3);
    const uni_special_case *sc = c < 0x130 ? NULL : special_case(c);
    return sc && sc->lower ? add_text(vm, b, sc->lower) : mpy_textbuf_addcp(vm, b, cp_lower(c));
}

static bool add_fold(mpy_vm *vm, mpy_textbuf *b, uint32_t c)
{
    const char *f = special_fold(c);
    if (f) return add_text(vm, b, f);
    const uni_special_case *sc = c < 0x130 ? NULL : special_case(c);
    return sc && sc->lower ? add_text(vm, b, sc->lower) : mpy_textbuf_addcp(vm, b, cp_lower(c));
}

enum { CASE_UPPER, CASE_LOWER, CASE_FOLD, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

static mpy_value map_case(mpy_vm *vm, mpy_str *s, int mode)
{
    if (mpy_str_is_ascii(s)) {
        mpy_str *r = mpy_str_alloc(vm, s->len);
        if (!r || s->len == 0) return ret(r);
        bool prev_cased = false;
        for (size_t i = 0; i < s->len; i++) {
            unsigned char c = (unsigned char)s->data[i];
            bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            bool to_up;
            switch (mode) {
            case CASE_UPPER: to_up = true; break;
            case CASE_SWAP: to_up = lo; break;
            case CASE_TITLE: to_up = !prev_cased; break;
            case CASE_CAPITALIZE: to_up = i == 0; break;
            default: to_up = false; break;
            }
            if (to_up && lo) c = (unsigned char)(c - 32);
            else if (!to_up && up) c = (unsigned char)(c + 32);
            prev_cased = up || lo;
            r->data[i] = (char)c;
        }
        r->data[s->len] = 0;
        return mpy_from_obj(r);
    }
    /* Decode once: the final sigma rule looks both ways. */
    size_t n = s->cplen;
    uint32_t *cps = mpy_mem_realloc(vm, NULL, 0, n * sizeof *cps);
    if (!cps) return MPY_NULL;
    const unsigned char *p = (const unsigned char *)s->data;
    for (size_t i = 0; i < n; i++) cps[i] = decode(&p);
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    bool prev_cased = false, ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        uint32_t c = cps[i];
        switch (mode) {
        case CASE_UPPER: ok = add_upper(vm, &b, c); break;
        case CASE_LOWER: ok = add_lower(vm, &b, cps, n, i); break;
        case CASE_FOLD: ok = add_fold(vm, &b, c); break;
        case CASE_SWAP:
            if (cp_isupper(c)) ok = add_lower(vm, &b, cps, n, i);
            else if (cp_islower(c)) ok = add_upper(vm, &b, c);
            else ok = mpy_textbuf_addcp(vm, &b, c);
            break;
        case CASE_TITLE:
            ok = prev_cased ? add_lower(vm, &b, cps, n, i) : add_title(vm, &b, c);
            prev_cased = cp_iscased(c);
            break;
        default:
            ok = i == 0 ? add_title(vm, &b, c) : add_lower(vm, &b, cps, n, i);
            break;
        }
    }
    mpy_mem_free(vm, cps, n * sizeof *cps);
    if (!ok) { mpy_textbuf_free(vm, &b); return MPY_NULL; }
    return ret(mpy_textbuf_finish(vm, &b));
}

#define CASE_METHOD(fn, name, mode)                                                 \
    static mpy_value fn(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw) \
    {                                                                               \
        if (!no_args(vm, name, argc, kw)) return MPY_NULL;                          \
        return map_case(vm, S(args[0]), mode);                                      \
    }
CASE_METHOD(str_upper, "upper", CASE_UPPER)
CASE_METHOD(str_lower, "lower", CASE_LOWER)
CASE_METHOD(str_casefold, "casefold", CASE_FOLD)
CASE_METHOD(str_swapcase, "swapcase", CASE_SWAP)
CASE_METHOD(str_title, "title", CASE_TITLE)
CASE_METHOD(str_capitalize, "capitalize", CASE_CAPITALIZE)

/* -------------------------------------------------------- classification */

/* True when s is non-empty and pred holds for every code point. */
static mpy_value all_cps(mpy_str *s, bool (*pred)(uint32_t))
{
    if (s->len == 0) return MPY_FALSE;
    const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
    while (p < e)
        if (!pred(decode(&p))) return MPY_FALSE;
    return MPY_TRUE;
}

#define IS_METHOD(fn, name, pred)                                                   \
    static mpy_value fn(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw) \
    {                                                                               \
        if (!no_args(vm, name, argc, kw)) return MPY_NULL;                          \
        return all_cps(S(args[0]), pred);                                           \
    }
IS_METHOD(str_isdigit, "isdigit", cp_isdigit)
IS_METHOD(str_isalpha, "isalpha", mpy_str_cp_isalpha)
IS_METHOD(str_isalnum, "isalnum", cp_isalnum)
IS_METHOD(str_isspace, "isspace", mpy_str_cp_isspace)
IS_METHOD(str_isdecimal, "isdecimal", mpy_str_cp_isdecimal)
IS_METHOD(str_isnumeric, "isnumeric", cp_isnumeric)

static mpy_value str_isprintable(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "isprintable", argc, kw)) return MPY_NULL;
    mpy_str *s = S(args[0]);
    return s->len == 0 ? MPY_TRUE : all_cps(s, mpy_str_cp_printable);
}

static mpy_value str_isascii(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "isascii", argc, kw)) return MPY_NULL;
    return mpy_from_bool(mpy_str_is_ascii(S(args[0])));
}

/* isupper / islower: at least one cased character, and no cased
 * character of the other case. */
static mpy_value case_test(mpy_str *s, bool upper)
{
    bool any = false;
    const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
    while (p < e) {
        uint32_t c = decode(&p);
        if ((upper ? cp_islower(c) : cp_isupper(c)) || cp_istitle(c)) return MPY_FALSE;
        if (upper ? cp_isupper(c) : cp_islower(c)) any = true;
    }
    return mpy_from_bool(any);
}

static mpy_value str_isupper(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "isupper", argc, kw)) return MPY_NULL;
    return case_test(S(args[0]), true);
}
static mpy_value str_islower(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "islower", argc, kw)) return MPY_NULL;
    return case_test(S(args[0]), false);
}

static mpy_value str_istitle(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "istitle", argc, kw)) return MPY_NULL;
    mpy_str *s = S(args[0]);
    const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
    bool cased = false, prev_cased = false;
    while (p < e) {
        uint32_t c = decode(&p);
        if (cp_isupper(c) || cp_istitle(c)) {
            if (prev_cased) return MPY_FALSE;
            prev_cased = cased = true;
        } else if (cp_islower(c)) {
            if (!prev_cased) return MPY_FALSE;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return mpy_from_bool(cased);
}

static mpy_value str_isidentifier(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!no_args(vm, "isidentifier", argc, kw)) return MPY_NULL;
    mpy_str *s = S(args[0]);
    if (s->len == 0) return MPY_FALSE;
    const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
    if (!cp_isidstart(decode(&p))) return MPY_FALSE;
    while (p < e)
        if (!cp_isidcont(decode(&p))) return MPY_FALSE;
    return MPY_TRUE;
}

/* -------------------------------------------------------------- padding */

/* width and the optional fill character of center/ljust/rjust. */
static bool pad_args(mpy_vm *vm, const char *name, int argc, const mpy_value *args, mpy_tuple *kw, int64_t *width,
                     const char **fill, size_t *filllen)
{
    mpy_value a[2];
    if (!mpy_str_args(vm, name, MPY_ARGS_CLINIC, argc - 1, args + 1, kw, 1, 2, NULL, a)) return false;
    name += 4; /* "str." */
    if (!want_index(vm, a[0], width)) return false;
    *fill = " ";
    *filllen = 1;
    if (!mpy_is_null(a[1])) {
        if (!mpy_is_strv(a[1]))
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "The fill character must be a unicode character, not %s",
                               mpy_tname(vm, a[1]));
        if (S(a[1])->cplen != 1)
            return mpy_err_msg(vm, MPY_EXC_TypeError, "The fill character must be exactly one character long");
        *fill = S(a[1])->data;
        *filllen = S(a[1])->len;
    }
    return true;
}

/* s with `left` and `right` fill characters around it. */
static mpy_value pad(mpy_vm *vm, mpy_str *s, size_t left, size_t right, const char *fill, size_t fl)
{
    if (left == 0 && right == 0) return ret(mpy_str_exact(vm, s));
    mpy_str *r = mpy_str_alloc(vm, s->len + (left + right) * fl);
    if (!r) return MPY_NULL;
    char *o = r->data;
    for (size_t i = 0; i < left; i++, o += fl) memcpy(o, fill, fl);
    memcpy(o, s->data, s->len);
    o += s->len;
    for (size_t i = 0; i < right; i++, o += fl) memcpy(o, fill, fl);
    *o = 0;
    r->cplen = s->cplen + left + right;
    return mpy_from_obj(r);
}

static mpy_value str_center(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t w;
    const char *f;
    size_t fl;
    if (!pad_args(vm, "str.center", argc, args, kw, &w, &f, &fl)) return MPY_NULL;
    mpy_str *s = S(args[0]);
    if (w <= (int64_t)s->cplen) return pad(vm, s, 0, 0, f, fl);
    size_t marg = (size_t)w - s->cplen;
    /* CPython: left = marg/2 + (marg & width & 1). */
    size_t left = marg / 2 + (marg & (size_t)w & 1);
    return pad(vm, s, left, marg - left, f, fl);
}

static mpy_value str_ljust(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t w;
    const char *f;
    size_t fl;
    if (!pad_args(vm, "str.ljust", argc, args, kw, &w, &f, &fl)) return MPY_NULL;
    mpy_str *s = S(args[0]);
    return pad(vm, s, 0, w > (int64_t)s->cplen ? (size_t)w - s->cplen : 0, f, fl);
}

static mpy_value str_rjust(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    int64_t w;
    const char *f;
    size_t fl;
    if (!pad_args(vm, "str.rjust", argc, args, kw, &w, &f, &fl)) return MPY_NULL;
    mpy_str *s = S(args[0]);
    return pad(vm, s, w > (int64_t)s->cplen ? (size_t)w - s->cplen : 0, 0, f, fl);
}

static mpy_value str_zfill(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "str.zfill() takes no keyword arguments");
    if (argc != 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "str.zfill() takes exactly one argument (%d given)", argc - 1);
    int64_t w;
    if (!want_index(vm, args[1], &w)) return MPY_NULL;
    mpy_str *s = S(args[0]);
    if (w <= (int64_t)s->cplen) return ret(mpy_str_exact(vm, s));
    size_t fill = (size_t)w - s->cplen;
    mpy_str *r = mpy_str_alloc(vm, s->len + fill);
    if (!r) return MPY_NULL;
    size_t sign = s->len && (s->data[0] == '+' || s->data[0] == '-');
    memcpy(r->data, s->data, sign);
    memset(r->data + sign, '0', fill);
    memcpy(r->data + sign + fill, s->data + sign, s->len - sign);
    r->data[r->len] = 0;
    r->cplen = s->cplen + fill;
    return mpy_from_obj(r);
}

bool mpy_cint_arg(mpy_vm *vm, mpy_value v, int64_t *out)
{
    if (!mpy_index_big(vm, v, MPY_INDEX_BIG_SSIZE, out)) {
        if (!mpy_err_matches(vm, MPY_EXC_OverflowError)) return false;
        mpy_err_clear(vm);
        *out = INT64_MAX;
    }
    if (*out > INT32_MAX || *out < INT32_MIN)
        return mpy_err_msg(vm, MPY_EXC_OverflowError, "Python int too large to convert to C int");
    return true;
}

bool mpy_expandtabs_into(mpy_vm *vm, mpy_textbuf *b, const char *s, size_t n, int64_t tab, bool utf8)
{
    size_t col = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool ok;
        if (c == '\t') {
            if (tab <= 0) continue;
            size_t k = (size_t)tab - col % (size_t)tab;
            ok = mpy_textbuf_addc(vm, b, ' ', k);
            col += k;
        } else {
            ok = mpy_textbuf_addc(vm, b, c, 1);
            if (c == '\n' || c == '\r') col = 0;
            else if (!utf8 || ((unsigned char)c & 0xc0) != 0x80) col++;
        }
        if (!ok) return false;
    }
    return true;
}

static mpy_value str_expandtabs(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    static const char *const kwl[] = {"tabsize", NULL};
    mpy_value a[1];
    if (!mpy_str_args(vm, "expandtabs", MPY_ARGS_KW, argc - 1, args + 1, kw, 0, 1, kwl, a)) return MPY_NULL;
    int64_t tab = 8;
    if (!mpy_is_null(a[0]) && !mpy_cint_arg(vm, a[0], &tab)) return MPY_NULL;
    mpy_str *s = S(args[0]);
    if (!memchr(s->data, '\t', s->len)) return ret(mpy_str_exact(vm, s));
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    if (!mpy_expandtabs_into(vm, &b, s->data, s->len, tab, true)) { mpy_textbuf_free(vm, &b); return MPY_NULL; }
    return ret(mpy_textbuf_finish(vm, &b));
}

/* ------------------------------------------------------------ partition */

static mpy_value do_partition(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, bool rev)
{
    const char *name = rev ? "str.rpartition" : "str.partition";
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s() takes no keyword arguments", name);
    if (argc != 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s() takes exactly one argument (%d given)", name, argc - 1);
    if (!want_str(vm, args[1], "must be str, not %s")) return MPY_NULL;
    mpy_str *s = S(args[0]), *sep = S(args[1]);
    if (sep->len == 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "empty separator");
    int64_t i = rev ? mpy_mem_rfind(s->data, s->len, sep->data, sep->len)
                    : mpy_mem_find(s->data, s->len, sep->data, sep->len);
    mpy_value e = mpy_from_obj(vm->empty_str), whole;
    if (i < 0) {
        mpy_str *w = mpy_str_exact(vm, s);
        if (!w) return MPY_NULL;
        whole = mpy_from_obj(w);
        mpy_tuple *t = rev ? mpy_tuple_pack(vm, 3, e, e, whole) : mpy_tuple_pack(vm, 3, whole, e, e);
        return t ? mpy_from_obj(t) : MPY_NULL;
    }
    mpy_str *a = sub(vm, s, 0, (size_t)i), *b = sub(vm, s, (size_t)i + sep->len, s->len);
    mpy_str *m = mpy_str_exact(vm, sep);
    if (!a || !b || !m) return MPY_NULL;
    mpy_tuple *t = mpy_tuple_pack(vm, 3, mpy_from_obj(a), mpy_from_obj(m), mpy_from_obj(b));
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static mpy_value str_partition(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_partition(vm, argc, args, kw, false);
}
static mpy_value str_rpartition(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_partition(vm, argc, args, kw, true);
}

static mpy_value do_remove(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, bool suffix)
{
    const char *name = suffix ? "removesuffix" : "removeprefix";
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "str.%s() takes no keyword arguments", name);
    if (argc != 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "str.%s() takes exactly one argument (%d given)", name, argc - 1);
    if (!mpy_is_strv(args[1]))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s() argument must be str, not %s", name, arg_tname(vm, args[1]));
    mpy_str *s = S(args[0]), *x = S(args[1]);
    if (x->len && x->len <= s->len) {
        if (!suffix && memcmp(s->data, x->data, x->len) == 0) return ret(sub(vm, s, x->len, s->len));
        if (suffix && memcmp(s->data + s->len - x->len, x->data, x->len) == 0)
            return ret(sub(vm, s, 0, s->len - x->len));
    }
    return ret(mpy_str_exact(vm, s));
}

static mpy_value str_removeprefix(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_remove(vm, argc, args, kw, false);
}
static mpy_value str_removesuffix(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return do_remove(vm, argc, args, kw, true);
}

/* ------------------------------------------------------------- encoding */

/* Normalised codec name: 0 utf-8, 1 ascii, 2 latin-1, -1 unknown. */
static int codec_id(const char *name)
{
    char n[32];
    size_t k = 0;
    for (const char *p = name; *p && k < sizeof n - 1; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c == '-' || c == ' ') c = '_';
        n[k++] = c;
    }
    n[k] = 0;
    if (!strcmp(n, "utf_8") || !strcmp(n, "utf8") || !strcmp(n, "u8") || !strcmp(n, "utf")) return 0;
    if (!strcmp(n, "ascii") || !strcmp(n, "us_ascii") || !strcmp(n, "646")) return 1;
    if (!strcmp(n, "latin_1") || !strcmp(n, "latin1") || !strcmp(n, "iso_8859_1") || !strcmp(n, "iso8859_1") ||
        !strcmp(n, "l1") || !strcmp(n, "8859") || !strcmp(n, "cp819") || !strcmp(n, "latin"))
        return 2;
    return -1;
}

static mpy_value str_encode(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    static const char *const kwl[] = {"encoding", "errors", NULL};
    mpy_value a[2];
    if (!mpy_str_args(vm, "encode", MPY_ARGS_KW, argc - 1, args + 1, kw, 0, 2, kwl, a)) return MPY_NULL;
    const char *enc = "utf-8", *errors = "strict";
    if (!mpy_is_null(a[0])) {
        if (!want_str_clinic(vm, a[0], "encode() argument 'encoding' must be str, not %s")) return MPY_NULL;
        enc = S(a[0])->data;
    }
    if (!mpy_is_null(a[1])) {
        if (!want_str_clinic(vm, a[1], "encode() argument 'errors' must be str, not %s")) return MPY_NULL;
        errors = S(a[1])->data;
    }
    int id = codec_id(enc);
    if (id < 0) return mpy_err_fmt_v(vm, MPY_EXC_LookupError, "unknown encoding: %s", enc);
    mpy_str *s = S(args[0]);
    uint32_t limit = id == 0 ? 0x110000 : id == 1 ? 0x80 : 0x100;
    const char *cname = id == 0 ? "utf-8" : id == 1 ? "ascii" : "latin-1";
    if (mpy_str_is_ascii(s)) return ret((mpy_str *)mpy_bytes_new(vm, s->data, s->len));
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
    size_t pos = 0;
    bool ok = true;
    for (; p < e && ok; pos++) {
        const unsigned char *start = p;
        uint32_t c = decode(&p);
        bool surrogate = c >= 0xd800 && c <= 0xdfff;
        if (c < limit && !surrogate) {
            if (id == 0) ok = mpy_textbuf_add(vm, &b, (const char *)start, (size_t)(p - start));
            else ok = mpy_textbuf_addc(vm, &b, (char)c, 1);
            continue;
        }
        if (!strcmp(errors, "ignore")) continue;
        if (!strcmp(errors, "replace")) { ok = mpy_textbuf_addc(vm, &b, '?', 1); continue; }
        if (!strcmp(errors, "backslashreplace")) {
            char u[16];
            int n = c <= 0xff ? snprintf(u, sizeof u, "\\x%02x", c) : c <= 0xffff ? snprintf(u, sizeof u, "\\u%04x", c)
                                                                                : snprintf(u, sizeof u, "\\U%08x", c);
            ok = mpy_textbuf_add(vm, &b, u, (size_t)n);
            continue;
        }
        if (!strcmp(errors, "xmlcharrefreplace")) {
            char u[16];
            int n = snprintf(u, sizeof u, "&#%u;", (unsigned)c);
            ok = mpy_textbuf_add(vm, &b, u, (size_t)n);
            continue;
        }
        mpy_textbuf_free(vm, &b);
        char esc[16];
        if (c <= 0xff) snprintf(esc, sizeof esc, "\\x%02x", c);
        else if (c <= 0xffff) snprintf(esc, sizeof esc, "\\u%04x", c);
        else snprintf(esc, sizeof esc, "\\U%08x", c);
        if (strcmp(errors, "strict") != 0)
            return mpy_err_fmt_v(vm, MPY_EXC_LookupError, "unknown error handler name '%s'", errors);
        if (id == 0)
            return mpy_err_fmt_v(vm, MPY_EXC_UnicodeEncodeError,
                                 "'utf-8' codec can't encode character '%s' in position %zu: surrogates not allowed",
                                 esc, pos);
        return mpy_err_fmt_v(vm, MPY_EXC_UnicodeEncodeError,
                             "'%s' codec can't encode character '%s' in position %zu: ordinal not in range(%u)", cname,
                             esc, pos, (unsigned)limit);
    }
    if (!ok) { mpy_textbuf_free(vm, &b); return MPY_NULL; }
    mpy_bytes *r = mpy_bytes_new(vm, b.data, b.len);
    mpy_textbuf_free(vm, &b);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

/* ---------------------------------------------------------- translation */

static mpy_value str_maketrans(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[3];
    if (!mpy_str_args(vm, "str.maketrans", MPY_ARGS_CLINIC, argc, args, kw, 1, 3, NULL, a)) return MPY_NULL;
    mpy_dict *d = mpy_dict_new(vm);
    if (!d) return MPY_NULL;
    if (mpy_is_null(a[1])) {
        if (!mpy_is_sub(vm, a[0], MPY_TYPE_DICT))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError,
                                 "if you give only one argument to maketrans it must be a dict");
        size_t pos = 0;
        mpy_value k, v;
        while (mpy_dict_next(mpy_as_dict(a[0]), &pos, &k, &v)) {
            if (mpy_is_strv(k)) {
                if (S(k)->cplen != 1)
                    return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "string keys in translate table must be of length 1");
                const unsigned char *p = (const unsigned char *)S(k)->data;
                k = mpy_from_int(decode(&p));
            } else if (!mpy_is_intlike(vm, k)) {
                return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "keys in translate table must be strings or integers");
            }
            if (!mpy_dict_set(vm, d, k, v)) return MPY_NULL;
        }
        return mpy_from_obj(d);
    }
    if (!mpy_is_strv(a[0]))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError,
                             "first maketrans argument must be a string if there is a second argument");
    if (!want_str(vm, a[1], "maketrans() argument 2 must be str, not %s")) return MPY_NULL;
    mpy_str *x = S(a[0]), *y = S(a[1]);
    if (x->cplen != y->cplen)
        return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "the first two maketrans arguments must have equal length");
    const unsigned char *p = (const unsigned char *)x->data, *q = (const unsigned char *)y->data;
    for (size_t i = 0; i < x->cplen; i++) {
        uint32_t c = decode(&p), t = decode(&q);
        if (!mpy_dict_set(vm, d, mpy_from_int(c), mpy_from_int(t))) return MPY_NULL;
    }
    if (!mpy_is_null(a[2])) {
        if (!want_str(vm, a[2], "maketrans() argument 3 must be str, not %s")) return MPY_NULL;
        const unsigned char *z = (const unsigned char *)S(a[2])->data, *ze = z + S(a[2])->len;
        while (z < ze)
            if (!mpy_dict_set(vm, d, mpy_from_int(decode(&z)), MPY_NONE)) return MPY_NULL;
    }
    return mpy_from_obj(d);
}

static mpy_value str_translate(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "str.translate() takes no keyword arguments");
    if (argc != 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "str.translate() takes exactly one argument (%d given)", argc - 1);
    mpy_str *s = S(args[0]);
    mpy_value table = args[1];
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
    while (p < e) {
        const unsigned char *start = p;
        uint32_t c = decode(&p);
        mpy_value v = mpy_getitem(vm, table, mpy_from_int(c));
        bool ok = true;
        if (mpy_is_null(v)) {
            if (!mpy_err_matches(vm, MPY_EXC_LookupError)) { mpy_textbuf_free(vm, &b); return MPY_NULL; }
            mpy_err_clear(vm);
            ok = mpy_textbuf_add(vm, &b, (const char *)start, (size_t)(p - start));
        } else if (mpy_is_none(v)) {
            continue;
        } else if (mpy_is_smallint(v)) {
            if (v.u.i < 0 || v.u.i > 0x10ffff) {
                mpy_textbuf_free(vm, &b);
                return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "character mapping must be in range(0x110000)");
            }
            ok = mpy_textbuf_addcp(vm, &b, (uint32_t)v.u.i);
        } else if (mpy_is_strv(v)) {
            ok = mpy_textbuf_add(vm, &b, S(v)->data, S(v)->len);
        } else {
            mpy_textbuf_free(vm, &b);
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "character mapping must return integer, None or str");
        }
        if (!ok) { mpy_textbuf_free(vm, &b); return MPY_NULL; }
    }
    return ret(mpy_textbuf_finish(vm, &b));
}

/* --------------------------------------------------------------- misc */

static mpy_value str_getnewargs(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_str *s = mpy_str_exact(vm, S(args[0]));
    if (!s) return MPY_NULL;
    mpy_tuple *t = mpy_tuple_pack(vm, 1, mpy_from_obj(s));
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static mpy_value str_sizeof(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_str *s = S(args[0]);
    /* CPython's compact layout: a 48-byte header for ASCII, 72 otherwise,
     * then the code points (and a terminator) at 1, 2 or 4 bytes each. */
    if (mpy_str_is_ascii(s)) return mpy_from_int((int64_t)(49 + s->len));
    uint32_t maxc = 0;
    const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
    while (p < e) {
        uint32_t c = decode(&p);
        if (c > maxc) maxc = c;
    }
    int64_t kind = maxc < 0x100 ? 1 : maxc < 0x10000 ? 2 : 4;
    return mpy_from_int(72 + ((int64_t)s->cplen + 1) * kind);
}

int mpy_str_cp_digit_value(uint32_t c) { return cp_decimal_value(c); }

const mpy_method_def mpy_str_methods[] = {
    {"join", str_join, MPY_METH_DEFAULT},
    {"split", str_split, MPY_METH_DEFAULT},
    {"rsplit", str_rsplit, MPY_METH_DEFAULT},
    {"splitlines", str_splitlines, MPY_METH_DEFAULT},
    {"strip", str_strip, MPY_METH_DEFAULT},
    {"lstrip", str_lstrip, MPY_METH_DEFAULT},
    {"rstrip", str_rstrip, MPY_METH_DEFAULT},
    {"startswith", str_startswith, MPY_METH_DEFAULT},
    {"endswith", str_endswith, MPY_METH_DEFAULT},
    {"find", str_find, MPY_METH_DEFAULT},
    {"rfind", str_rfind, MPY_METH_DEFAULT},
    {"index", str_index, MPY_METH_DEFAULT},
    {"rindex", str_rindex, MPY_METH_DEFAULT},
    {"count", str_count, MPY_METH_DEFAULT},
    {"replace", str_replace, MPY_METH_DEFAULT},
    {"upper", str_upper, MPY_METH_DEFAULT},
    {"lower", str_lower, MPY_METH_DEFAULT},
    {"casefold", str_casefold, MPY_METH_DEFAULT},
    {"capitalize", str_capitalize, MPY_METH_DEFAULT},
    {"title", str_title, MPY_METH_DEFAULT},
    {"swapcase", str_swapcase, MPY_METH_DEFAULT},
    {"isdigit", str_isdigit, MPY_METH_DEFAULT},
    {"isalpha", str_isalpha, MPY_METH_DEFAULT},
    {"isalnum", str_isalnum, MPY_METH_DEFAULT},
    {"isspace", str_isspace, MPY_METH_DEFAULT},
    {"isupper", str_isupper, MPY_METH_DEFAULT},
    {"islower", str_islower, MPY_METH_DEFAULT},
    {"istitle", str_istitle, MPY_METH_DEFAULT},
    {"isdecimal", str_isdecimal, MPY_METH_DEFAULT},
    {"isnumeric", str_isnumeric, MPY_METH_DEFAULT},
    {"isidentifier", str_isidentifier, MPY_METH_DEFAULT},
    {"isprintable", str_isprintable, MPY_METH_DEFAULT},
    {"isascii", str_isascii, MPY_METH_DEFAULT},
    {"center", str_center, MPY_METH_DEFAULT},
    {"ljust", str_ljust, MPY_METH_DEFAULT},
    {"rjust", str_rjust, MPY_METH_DEFAULT},
    {"zfill", str_zfill, MPY_METH_DEFAULT},
    {"expandtabs", str_expandtabs, MPY_METH_DEFAULT},
    {"partition", str_partition, MPY_METH_DEFAULT},
    {"rpartition", str_rpartition, MPY_METH_DEFAULT},
    {"removeprefix", str_removeprefix, MPY_METH_DEFAULT},
    {"removesuffix", str_removesuffix, MPY_METH_DEFAULT},
    {"encode", str_encode, MPY_METH_DEFAULT},
    {"maketrans", str_maketrans, MPY_METH_STATIC},
    {"translate", str_translate, MPY_METH_DEFAULT},
    {"format", mpy_str_m_format, MPY_METH_DEFAULT},
    {"format_map", mpy_str_m_format_map, MPY_METH_DEFAULT},
    {"__format__", mpy_str_m_dunder_format, MPY_METH_DEFAULT},
    {"__getnewargs__", str_getnewargs, MPY_METH_DEFAULT},
    {"__sizeof__", str_sizeof, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};
