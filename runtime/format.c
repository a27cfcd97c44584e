/* String formatting (see format.h): the format-spec mini-language and
 * the __format__ methods of str, int and float; str.format and
 * format_map; printf-style % formatting.
 *
 * Numbers are rendered in three parts, as CPython's formatter does: a
 * sign, a prefix (0x...), the integer digits (where the thousands
 * separators go) and the rest (fraction, exponent, '%').  Padding is then
 * applied around, or for '=' alignment between sign+prefix and digits.
 * Floats go through snprintf's %e/%f/%g, whose output already matches
 * Python's for those types (two-digit exponents, %g's trailing-zero
 * removal); only repr-style output ('r', and no type with a precision)
 * needs its own rules.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* bytes.c: the content of a bytes or bytearray value (false if v is
 * neither). */
bool mpy_bytes_view(mpy_vm *vm, mpy_value v, const unsigned char **data, size_t *len);

/* Provided by the numeric files (int.c / int_big.c / float.c). */
mpy_str *mpy_int_to_base(mpy_vm *vm, mpy_value v, int base);
size_t mpy_float_repr(double v, char *buf);

#define decode mpy_utf8_decode

/* ------------------------------------------------- the spec mini-language */

typedef struct fmtspec {
    char fill[4];      /* UTF-8 of the fill code point */
    size_t filllen;
    char align;        /* < > = ^, or 0 for the type's default */
    char sign;         /* + - space, or 0 */
    bool z, alt;
    int64_t width;     /* -1: none */
    char grouping;     /* , _ or 0 */
    int64_t precision; /* -1: none */
    char type;         /* 0: none */
} fmtspec;

static bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Reads a decimal integer at *p; -1 when there are no digits. */
static bool read_int(mpy_vm *vm, const char **p, const char *e, int64_t *out)
{
    int64_t v = -1;
    while (*p < e && **p >= '0' && **p <= '9') {
        if (v < 0) v = 0;
        if (v > (INT64_MAX - 9) / 10)
            return mpy_err_msg(vm, MPY_EXC_ValueError, "Too many decimal digits in format string");
        v = v * 10 + (**p - '0');
        (*p)++;
    }
    *out = v;
    return true;
}

/* CPython's parse_internal_render_format_spec.  default_align is '<' for
 * strings and '>' for numbers; it decides what the '0' flag implies. */
static bool parse_spec(mpy_vm *vm, mpy_str *spec, mpy_value obj, char default_align, char default_type, fmtspec *f)
{
    memset(f, 0, sizeof *f);
    f->fill[0] = ' ';
    f->filllen = 1;
    f->width = f->precision = -1;
    const char *p = spec->data, *e = p + spec->len;
    bool fill_given = false, align_given = false;
    if (p < e) {
        const unsigned char *q = (const unsigned char *)p;
        uint32_t c = decode(&q);
        if ((const char *)q < e && is_align(*(const char *)q)) {
            f->filllen = (size_t)((const char *)q - p);
            memcpy(f->fill, p, f->filllen);
            f->align = *(const char *)q;
            p = (const char *)q + 1;
            fill_given = align_given = true;
        } else if (is_align((char)c) && c < 0x80) {
            f->align = (char)c;
            p++;
            align_given = true;
        }
    }
    if (p < e && (*p == '+' || *p == '-' || *p == ' ')) f->sign = *p++;
    if (p < e && *p == 'z') { f->z = true; p++; }
    if (p < e && *p == '#') { f->alt = true; p++; }
    if (!fill_given && p < e && *p == '0') {
        f->fill[0] = '0';
        f->filllen = 1;
        if (!align_given && default_align == '>') f->align = '=';
        p++;
    }
    if (!read_int(vm, &p, e, &f->width)) return false;
    if (p < e && (*p == ',' || *p == '_')) {
        f->grouping = *p++;
        if (p < e && (*p == ',' || *p == '_')) {
            if (*p == f->grouping)
                return mpy_err_fmt(vm, MPY_EXC_ValueError, "Cannot specify '%c' with '%c'.", *p, *p);
            return mpy_err_msg(vm, MPY_EXC_ValueError, "Cannot specify both ',' and '_'.");
        }
    }
    if (p < e && *p == '.') {
        p++;
        if (!read_int(vm, &p, e, &f->precision)) return false;
        if (f->precision < 0) return mpy_err_msg(vm, MPY_EXC_ValueError, "Format specifier missing precision");
        if (f->precision > INT32_MAX) return mpy_err_msg(vm, MPY_EXC_ValueError, "precision too big");
    }
    if (e - p > 1) {
        return mpy_err_fmt(vm, MPY_EXC_ValueError, "Invalid format specifier '%s' for object of type '%s'",
                           spec->data, mpy_tname(vm, obj));
    }
    f->type = p < e ? *p : default_type;
    if (f->grouping) {
        bool ok;
        switch (f->type) {
        case 0: case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': ok = true; break;
        case 'b': case 'o': case 'x': case 'X': ok = f->grouping == '_'; break;
        default: ok = false; break;
        }
        if (!ok) {
            /* The type may be a multi-byte character. */
            if (p == e) return mpy_err_fmt(vm, MPY_EXC_ValueError, "Cannot specify '%c' with '%c'.", f->grouping, f->type);
            return mpy_err_fmt(vm, MPY_EXC_ValueError, "Cannot specify '%c' with '%.*s'.", f->grouping,
                               (int)(e - p), p);
        }
    }
    return true;
}

static bool unknown_code(mpy_vm *vm, mpy_str *spec, mpy_value obj, char type)
{
    unsigned char t = (unsigned char)type;
    if (t >= 0x20 && t < 0x7f)
        return mpy_err_fmt(vm, MPY_EXC_ValueError, "Unknown format code '%c' for object of type '%s'", type,
                           mpy_tname(vm, obj));
    return mpy_err_fmt(vm, MPY_EXC_ValueError, "Unknown format code '\\x%x' for object of type '%s'", t,
                       mpy_tname(vm, obj));
}

/* Appends n copies of the fill character. */
static bool add_fill(mpy_vm *vm, mpy_textbuf *b, const fmtspec *f, size_t n)
{
    if (f->filllen == 1) return mpy_textbuf_addc(vm, b, f->fill[0], n);
    for (size_t i = 0; i < n; i++)
        if (!mpy_textbuf_add(vm, b, f->fill, f->filllen)) return false;
    return true;
}

/* Text (len bytes, cps code points) aligned in the spec's width. */
static bool add_aligned(mpy_vm *vm, mpy_textbuf *b, const fmtspec *f, const char *text, size_t len, size_t cps,
                        char default_align)
{
    size_t pad = f->width > (int64_t)cps ? (size_t)f->width - cps : 0;
    char align = f->align ? f->align : default_align;
    size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    return add_fill(vm, b, f, left) && mpy_textbuf_add(vm, b, text, len) && add_fill(vm, b, f, pad - left);
}

/* ------------------------------------------------------------- strings */

static mpy_str *format_str(mpy_vm *vm, mpy_str *s, mpy_str *spec, mpy_value obj)
{
    fmtspec f;
    if (!parse_spec(vm, spec, obj, '<', 's', &f)) return NULL;
    if (f.type != 's') { unknown_code(vm, spec, obj, f.type); return NULL; }
    if (f.sign) { mpy_err_msg(vm, MPY_EXC_ValueError, "Sign not allowed in string format specifier"); return NULL; }
    if (f.z) {
        mpy_err_msg(vm, MPY_EXC_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
        return NULL;
    }
    if (f.alt) {
        mpy_err_msg(vm, MPY_EXC_ValueError, "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (f.align == '=') {
        mpy_err_msg(vm, MPY_EXC_ValueError, "'=' alignment not allowed in string format specifier");
        return NULL;
    }
    size_t len = s->len, cps = s->cplen;
    if (f.precision >= 0 && (size_t)f.precision < cps) {
        cps = (size_t)f.precision;
        len = mpy_str_offset(s, cps);
    }
    if ((int64_t)cps >= f.width && len == s->len) return mpy_str_exact(vm, s);
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    if (!add_aligned(vm, &b, &f, s->data, len, cps, '<')) { mpy_textbuf_free(vm, &b); return NULL; }
    return mpy_textbuf_finish(vm, &b);
}

/* ------------------------------------------------------------- numbers */

/* Writes digits[0..n) with a separator every `group` digits, padded with
 * zeros on the left to at least min_width characters: CPython's
 * _PyUnicode_InsertThousandsGrouping, which also groups the padding. */
static bool add_grouped(mpy_vm *vm, mpy_textbuf *b, const char *digits, size_t n, char sep, int group,
                        int64_t min_width)
{
    /* Built right to left in a scratch buffer. */
    size_t cap = n + n / (size_t)group + (min_width > 0 ? (size_t)min_width * 2 : 0) + 8;
    char *tmp = mpy_mem_realloc(vm, NULL, 0, cap);
    if (!tmp) return false;
    size_t w = cap;
    int64_t remaining = (int64_t)n, minw = min_width;
    for (;;) {
        int64_t l = remaining > minw ? remaining : minw;
        if (l < 1) l = 1;
        if (l > group) l = group;
        int64_t nz = l - remaining > 0 ? l - remaining : 0;
        int64_t nc = remaining < l ? remaining : l;
        if (nc < 0) nc = 0;
        for (int64_t i = 0; i < nc; i++) tmp[--w] = digits[--remaining];
        for (int64_t i = 0; i < nz; i++) tmp[--w] = '0';
        minw -= l;
        if (remaining <= 0 && minw <= 0) break;
        if (sep) { tmp[--w] = sep; minw--; }
    }
    bool ok = mpy_textbuf_add(vm, b, tmp + w, cap - w);
    mpy_mem_free(vm, tmp, cap);
    return ok;
}

/* sign, prefix, integer digits (grouped per the spec), rest: padded. */
static mpy_str *render_number(mpy_vm *vm, const fmtspec *f, bool negative, const char *prefix, const char *digits,
                              size_t ndigits, const char *rest, size_t nrest, bool rest_is_ascii)
{
    char signc = negative ? '-' : f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
    size_t nsign = signc != 0, nprefix = strlen(prefix);
    int group = f->type == 'b' || f->type == 'o' || f->type == 'x' || f->type == 'X' ? 4 : 3;
    char sep = f->grouping;
    size_t rest_cps = rest_is_ascii ? nrest : 0;
    if (!rest_is_ascii)
        for (size_t i = 0; i < nrest; i++) rest_cps += ((unsigned char)rest[i] & 0xc0) != 0x80;
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    bool ok = true;
    char align = f->align ? f->align : '>';
    if (align == '=' && f->filllen == 1 && f->fill[0] == '0' && sep) {
        /* Zero padding takes part in the grouping. */
        int64_t minw = f->width - (int64_t)(nsign + nprefix + rest_cps);
        if (signc) ok = mpy_textbuf_addc(vm, &b, signc, 1);
        ok = ok && mpy_textbuf_add(vm, &b, prefix, nprefix) &&
             add_grouped(vm, &b, digits, ndigits, sep, group, minw) && mpy_textbuf_add(vm, &b, rest, nrest);
    } else {
        /* Group into a scratch buffer first to know the width. */
        mpy_textbuf body;
        mpy_textbuf_init(&body);
        ok = sep ? add_grouped(vm, &body, digits, ndigits, sep, group, 0) : mpy_textbuf_add(vm, &body, digits, ndigits);
        size_t total = nsign + nprefix + body.len + rest_cps;
        size_t pad = ok && f->width > (int64_t)total ? (size_t)f->width - total : 0;
        size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
        if (ok && align != '=') ok = add_fill(vm, &b, f, left);
        if (ok && signc) ok = mpy_textbuf_addc(vm, &b, signc, 1);
        ok = ok && mpy_textbuf_add(vm, &b, prefix, nprefix);
        if (ok && align == '=') ok = add_fill(vm, &b, f, pad);
        ok = ok && mpy_textbuf_add(vm, &b, body.data, body.len) && mpy_textbuf_add(vm, &b, rest, nrest);
        if (ok && align != '=') ok = add_fill(vm, &b, f, pad - left);
        mpy_textbuf_free(vm, &body);
    }
    if (!ok) { mpy_textbuf_free(vm, &b); return NULL; }
    return mpy_textbuf_finish(vm, &b);
}

/* Digits of |v| in base (2, 8, 10, 16; upper for 'X'); *neg set.  Big ints
 * go through int.c's mpy_int_to_base.  Returns a str holding the digits
 * (with a leading '-' skipped by *off). */
static mpy_str *int_digits(mpy_vm *vm, mpy_value v, int base, bool upper, bool *neg, size_t *off)
{
    mpy_str *s;
    if (mpy_is_smallint(v)) {
        char buf[72];
        int64_t x = v.u.i;
        uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        size_t n = sizeof buf;
        const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        do { buf[--n] = dig[u % (uint64_t)base]; u /= (uint64_t)base; } while (u);
        *neg = x < 0;
        *off = 0;
        return mpy_str_new(vm, buf + n, sizeof buf - n);
    }
    s = mpy_int_to_base(vm, v, base);
    if (!s) return NULL;
    *neg = s->len && s->data[0] == '-';
    *off = *neg;
    if (upper) {
        mpy_str *u = mpy_str_alloc(vm, s->len);
        if (!u) return NULL;
        for (size_t i = 0; i < s->len; i++) {
            char c = s->data[i];
            u->data[i] = c >= 'a' && c <= 'f' ? (char)(c - 32) : c;
        }
        u->data[s->len] = 0;
        s = u;
    }
    return s;
}

/* ---------------------------------------------------------------- floats */

/* Drops the trailing zeros of a mantissa (and a bare '.'): buf[0..n)
 * holds digits, maybe a '.', then from `end` an exponent or nothing.
 * Returns the new length. */
static int strip_zeros(char *buf, int n, int end)
{
    if (!memchr(buf, '.', (size_t)end)) return n;
    int q = end;
    while (q > 0 && buf[q - 1] == '0') q--;
    if (q > 0 && buf[q - 1] == '.') q--;
    memmove(buf + q, buf + end, (size_t)(n - end) + 1);
    return n - (end - q);
}

/* No type with a precision p: CPython's format_float_short with
 * Py_DTSF_ADD_DOT_0, i.e. 'g' rounded to p significant digits, except
 * that exponent notation starts at an exponent of p-1 (not p) and an
 * integral fixed-point result keeps ".0". */
static int repr_precision(char *buf, size_t cap, double a, int p, bool alt)
{
    if (p == 0) p = 1;
    char e[64];
    snprintf(e, sizeof e, "%.*e", p - 1, a);
    int x = atoi(strchr(e, 'e') + 1); /* exponent after rounding */
    int n;
    if (x < -4 || x >= p - 1) {
        n = snprintf(buf, cap, alt ? "%#.*e" : "%.*e", p - 1, a);
        return alt ? n : strip_zeros(buf, n, (int)(strchr(buf, 'e') - buf));
    }
    n = snprintf(buf, cap, alt ? "%#.*f" : "%.*f", p - 1 - x, a);
    if (!alt) n = strip_zeros(buf, n, n);
    if (!memchr(buf, '.', (size_t)n)) {
        memcpy(buf + n, ".0", 3);
        n += 2;
    }
    return n;
}

/* |d| (finite) rendered for type e/f/g (lower case) or 'R' (no type with a
 * precision, see repr_precision). */
static bool float_body(mpy_vm *vm, mpy_textbuf *b, double a, char type, int prec, bool alt)
{
    size_t cap = 360 + (size_t)prec;
    char *buf = mpy_mem_realloc(vm, NULL, 0, cap);
    if (!buf) return false;
    int n;
    if (type == 'e') n = snprintf(buf, cap, alt ? "%#.*e" : "%.*e", prec, a);
    else if (type == 'f') n = snprintf(buf, cap, alt ? "%#.*f" : "%.*f", prec, a);
    else if (type == 'g') n = snprintf(buf, cap, alt ? "%#.*g" : "%.*g", prec == 0 ? 1 : prec, a);
    else n = repr_precision(buf, cap, a, prec, alt);
    bool ok = mpy_textbuf_add(vm, b, buf, (size_t)n);
    mpy_mem_free(vm, buf, cap);
    return ok;
}

/* Renders |d| for a float spec type into b (no sign).  Returns false on
 * error.  type: e E f F g G % n r(repr) R(no type, precision). */
static bool float_text(mpy_vm *vm, mpy_textbuf *b, double a, char type, int64_t precision, bool alt)
{
    bool upper = type == 'E' || type == 'F' || type == 'G';
    if (isinf(a) || isnan(a)) {
        const char *t = isnan(a) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        return mpy_textbuf_add(vm, b, t, 3) && (type != '%' || mpy_textbuf_addc(vm, b, '%', 1));
    }
    if (type == 'r') {
        char buf[48];
        size_t n = mpy_float_repr(a, buf);
        /* The alternate form always shows a decimal point: 1.e+300. */
        char *ep = alt && !memchr(buf, '.', n) ? memchr(buf, 'e', n) : NULL;
        if (ep) {
            memmove(ep + 1, ep, n - (size_t)(ep - buf) + 1);
            *ep = '.';
            n++;
        }
        return mpy_textbuf_add(vm, b, buf, n);
    }
    int prec = precision < 0 ? 6 : (int)precision;
    size_t start = b->len;
    char lt = type == 'E' ? 'e' : type == 'F' ? 'f' : type == 'G' || type == 'n' ? 'g' : type;
    if (type == '%') {
        if (!float_body(vm, b, a * 100.0, 'f', prec, alt)) return false;
        return mpy_textbuf_addc(vm, b, '%', 1);
    }
    if (!float_body(vm, b, a, lt, prec, alt)) return false;
    if (upper)
        for (size_t i = start; i < b->len; i++)
            if (b->data[i] >= 'a' && b->data[i] <= 'z') b->data[i] = (char)(b->data[i] - 32);
    return true;
}

mpy_str *mpy_format_double(mpy_vm *vm, double d, char type, int precision, bool alt)
{
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    if (signbit(d) && !isnan(d) && !mpy_textbuf_addc(vm, &b, '-', 1)) return NULL;
    if (!float_text(vm, &b, fabs(d), type, precision, alt)) { mpy_textbuf_free(vm, &b); return NULL; }
    return mpy_textbuf_finish(vm, &b);
}

/* Is the rendered number all zeros (for the 'z' flag)? */
static bool all_zero(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == 'e' || s[i] == 'E') break;
        if (s[i] >= '1' && s[i] <= '9') return false;
    }
    return true;
}

static mpy_str *format_float_spec(mpy_vm *vm, double d, const fmtspec *fin, mpy_value obj, mpy_str *spec)
{
    fmtspec f = *fin;
    char type = f.type;
    switch (type) {
    case 0: type = f.precision < 0 ? 'r' : 'R'; break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': break;
    case 'n': type = 'g'; break;
    default: unknown_code(vm, spec, obj, f.type); return NULL;
    }
    mpy_textbuf t;
    mpy_textbuf_init(&t);
    if (!float_text(vm, &t, fabs(d), type, f.precision, f.alt)) { mpy_textbuf_free(vm, &t); return NULL; }
    bool neg = signbit(d) && !isnan(d);
    if (neg && f.z && !isinf(d) && all_zero(t.data, t.len)) neg = false;
    /* Integer digits are the leading run of digits. */
    size_t ni = 0;
    while (ni < t.len && t.data[ni] >= '0' && t.data[ni] <= '9') ni++;
    mpy_str *r = render_number(vm, &f, neg, "", t.data, ni, t.data + ni, t.len - ni, true);
    mpy_textbuf_free(vm, &t);
    return r;
}

/* --------------------------------------------------------------- ints */

static mpy_str *format_int_spec(mpy_vm *vm, mpy_value v, const fmtspec *f, mpy_value obj, mpy_str *spec)
{
    int base;
    const char *prefix = "";
    switch (f->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    case 0: case 'd': case 'n': base = 10; break;
    case 'c': base = 0; break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d;
        if (!mpy_to_double(vm, v, &d)) return NULL;
        return format_float_spec(vm, d, f, obj, spec);
    }
    default: unknown_code(vm, spec, obj, f->type); return NULL;
    }
    if (f->precision >= 0) {
        mpy_err_msg(vm, MPY_EXC_ValueError, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (f->z) {
        mpy_err_msg(vm, MPY_EXC_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    if (base == 0) {
        if (f->sign) {
            mpy_err_msg(vm, MPY_EXC_ValueError, "Sign not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (f->alt) {
            mpy_err_msg(vm, MPY_EXC_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (!mpy_is_smallint(v)) {
            mpy_err_msg(vm, MPY_EXC_OverflowError, "Python int too large to convert to C long");
            return NULL;
        }
        if (v.u.i < 0 || v.u.i > 0x10ffff) {
            mpy_err_msg(vm, MPY_EXC_OverflowError, "%c arg not in range(0x110000)");
            return NULL;
        }
        char u[4];
        size_t n = mpy_utf8_encode((uint32_t)v.u.i, u);
        mpy_textbuf b;
        mpy_textbuf_init(&b);
        /* Numbers right-align by default, 'c' included; '=' has no sign to
         * follow, so it pads on the left too. */
        fmtspec g = *f;
        if (!g.align || g.align == '=') g.align = '>';
        if (!add_aligned(vm, &b, &g, u, n, 1, '>')) { mpy_textbuf_free(vm, &b); return NULL; }
        return mpy_textbuf_finish(vm, &b);
    }
    bool neg;
    size_t off;
    mpy_str *d = int_digits(vm, v, base, f->type == 'X', &neg, &off);
    if (!d) return NULL;
    return render_number(vm, f, neg, f->alt ? prefix : "", d->data + off, d->len - off, "", 0, true);
}

/* ------------------------------------------------------ __format__ methods */

static bool format_method_args(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_msg(vm, MPY_EXC_TypeError, "__format__() takes no keyword arguments");
    if (argc != 2)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "__format__() takes exactly one argument (%d given)", argc - 1);
    if (!mpy_is_strv(args[1]))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "__format__() argument must be str, not %s", mpy_tname(vm, args[1]));
    return true;
}

mpy_value mpy_str_m_dunder_format(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!format_method_args(vm, argc, args, kw)) return MPY_NULL;
    mpy_str *r = format_str(vm, mpy_as_str(args[0]), mpy_as_str(args[1]), args[0]);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

mpy_value mpy_int_m_format(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!format_method_args(vm, argc, args, kw)) return MPY_NULL;
    mpy_str *spec = mpy_as_str(args[1]);
    if (spec->len == 0) return mpy_to_str(vm, args[0]);
    fmtspec f;
    if (!parse_spec(vm, spec, args[0], '>', 'd', &f)) return MPY_NULL;
    mpy_value v = args[0];
    if (mpy_is_bool(v)) v = mpy_from_int(v.u.i);
    mpy_str *r = format_int_spec(vm, v, &f, args[0], spec);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

mpy_value mpy_float_m_format(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!format_method_args(vm, argc, args, kw)) return MPY_NULL;
    mpy_str *spec = mpy_as_str(args[1]);
    if (spec->len == 0) return mpy_to_str(vm, args[0]);
    double d;
    if (!mpy_to_double(vm, args[0], &d)) return MPY_NULL;
    fmtspec f;
    if (!parse_spec(vm, spec, args[0], '>', 0, &f)) return MPY_NULL;
    mpy_str *r = format_float_spec(vm, d, &f, args[0], spec);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

mpy_value mpy_format(mpy_vm *vm, mpy_value v, mpy_str *spec)
{
    mpy_value r;
    if (v.tag == MPY_TAG_OBJ && v.u.o->type == vm->types[MPY_TYPE_STR]) {
        mpy_str *s = format_str(vm, mpy_as_str(v), spec, v);
        return s ? mpy_from_obj(s) : MPY_NULL;
    }
    mpy_value a[2] = {v, mpy_from_obj(spec)};
    mpy_type *t = mpy_typeof(vm, v);
    if (mpy_is_smallint(v) || t == vm->types[MPY_TYPE_INT]) {
        r = mpy_int_m_format(vm, 2, a, NULL);
    } else if (mpy_is_float(v) || t == vm->types[MPY_TYPE_FLOAT]) {
        r = mpy_float_m_format(vm, 2, a, NULL);
    } else {
        mpy_value m = mpy_type_lookup(vm, t, vm->names.__format__);
        if (mpy_is_null(m))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "Type %s doesn't define __format__", mpy_tname(vm, v));
        r = mpy_call(vm, m, 2, a, NULL);
    }
    if (!mpy_is_null(r) && !mpy_is_strv(r))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__format__ must return a str, not %s", mpy_tname(vm, r));
    return r;
}

/* ------------------------------------------------------------ str.format */

typedef struct fmtstate {
    int argc;
    const mpy_value *args;  /* positional arguments */
    mpy_tuple *kwnames;     /* keyword names for kwvals (str.format) */
    const mpy_value *kwvals;
    mpy_value mapping;      /* format_map's mapping, or MPY_NULL */
    int auto_index;         /* next automatic index; -1 once manual numbering is used */
    bool manual;
} fmtstate;

static bool vformat(mpy_vm *vm, fmtstate *st, const char *p, const char *e, int depth, mpy_textbuf *out);

/* Looks up a keyword argument by name. */
static mpy_value get_keyword(mpy_vm *vm, fmtstate *st, const char *name, size_t n)
{
    if (!mpy_is_null(st->mapping)) {
        mpy_str *k = mpy_str_new(vm, name, n);
        if (!k) return MPY_NULL;
        return mpy_getitem(vm, st->mapping, mpy_from_obj(k));
    }
    if (st->kwnames) {
        for (size_t i = 0; i < st->kwnames->len; i++) {
            mpy_str *k = mpy_as_str(st->kwnames->items[i]);
            if (k->len == n && memcmp(k->data, name, n) == 0) return st->kwvals[i];
        }
    }
    mpy_str *k = mpy_str_new(vm, name, n);
    if (k) mpy_err_type(vm, MPY_EXC_KeyError, mpy_from_obj(k));
    return MPY_NULL;
}

static bool all_digits(const char *s, size_t n)
{
    if (n == 0) return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

static int64_t parse_digits(const char *s, size_t n)
{
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (v > (INT64_MAX - 9) / 10) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Resolves a field name: first part (index or keyword), then .attr and
 * [key] parts. */
static mpy_value get_field(mpy_vm *vm, fmtstate *st, const char *p, const char *e)
{
    const char *q = p;
    while (q < e && *q != '.' && *q != '[') q++;
    mpy_value v;
    if (q == p || all_digits(p, (size_t)(q - p))) {
        int64_t idx;
        if (!mpy_is_null(st->mapping))
            return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "Format string contains positional fields");
        if (q == p) {
            if (st->manual)
                return mpy_err_fmt_v(vm, MPY_EXC_ValueError,
                                     "cannot switch from manual field specification to automatic field numbering");
            idx = st->auto_index++;
        } else {
            if (st->auto_index > 0)
                return mpy_err_fmt_v(vm, MPY_EXC_ValueError,
                                     "cannot switch from automatic field numbering to manual field specification");
            st->manual = true;
            idx = parse_digits(p, (size_t)(q - p));
            if (idx < 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "Too many decimal digits in format string");
        }
        if (!mpy_is_null(st->mapping) || idx >= st->argc)
            return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "Replacement index %lld out of range for positional args tuple",
                                 (long long)idx);
        v = st->args[idx];
    } else {
        v = get_keyword(vm, st, p, (size_t)(q - p));
        if (mpy_is_null(v)) return v;
    }
    p = q;
    while (p < e) {
        if (*p == '.') {
            q = ++p;
            while (q < e && *q != '.' && *q != '[') q++;
            if (q == p) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "Empty attribute in format string");
            mpy_str *name = mpy_str_intern(vm, p, (size_t)(q - p));
            if (!name) return MPY_NULL;
            v = mpy_getattr(vm, v, name);
        } else if (*p == '[') {
            q = ++p;
            while (q < e && *q != ']') q++;
            if (q == e) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "Missing ']' in format string");
            if (q == p) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "Empty attribute in format string");
            mpy_value key;
            if (all_digits(p, (size_t)(q - p))) {
                key = mpy_from_int(parse_digits(p, (size_t)(q - p)));
            } else {
                mpy_str *k = mpy_str_new(vm, p, (size_t)(q - p));
                if (!k) return MPY_NULL;
                key = mpy_from_obj(k);
            }
            v = mpy_getitem(vm, v, key);
            q++;
            if (q < e && *q != '.' && *q != '[')
                return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        } else {
            return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
        if (mpy_is_null(v)) return v;
        p = q;
    }
    return v;
}

/* Parses one replacement field starting just after its '{' (CPython's
 * parse_field): the field name runs to '}', ':' or '!' (brackets hide
 * those), then an optional conversion and a spec with balanced braces.
 * Advances *pp past the closing '}'. */
typedef struct field {
    const char *name, *name_end;
    const char *spec, *spec_end;
    char conv;
} field;

static bool parse_field(mpy_vm *vm, const char **pp, const char *e, field *f)
{
    const char *p = *pp;
    char c = 0;
    f->name = p;
    f->conv = 0;
    f->spec = f->spec_end = NULL;
    while (p < e) {
        c = *p++;
        if (c == '{') return mpy_err_msg(vm, MPY_EXC_ValueError, "unexpected '{' in field name");
        if (c == '[') {
            while (p < e && *p != ']') p++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
        c = 0;
    }
    f->name_end = c ? p - 1 : p;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (p >= e)
                return mpy_err_msg(vm, MPY_EXC_ValueError, "end of string while looking for conversion specifier");
            f->conv = *p++;
            if (p < e) {
                c = *p++;
                if (c == '}') { *pp = p; return true; }
                if (c != ':') return mpy_err_msg(vm, MPY_EXC_ValueError, "expected ':' after conversion specifier");
            }
        }
        f->spec = p;
        int count = 1;
        while (p < e) {
            c = *p++;
            if (c == '{') count++;
            else if (c == '}' && --count == 0) {
                f->spec_end = p - 1;
                *pp = p;
                return true;
            }
        }
        return mpy_err_msg(vm, MPY_EXC_ValueError, "unmatched '{' in format spec");
    }
    if (c != '}') return mpy_err_msg(vm, MPY_EXC_ValueError, "expected '}' before end of string");
    *pp = p;
    return true;
}

/* Formats one parsed field into out. */
static bool format_field(mpy_vm *vm, fmtstate *st, const field *fd, int depth, mpy_textbuf *out)
{
    mpy_value v = get_field(vm, st, fd->name, fd->name_end);
    if (mpy_is_null(v)) return false;
    char conv = fd->conv;
    switch (conv) {
    case 0: break;
    case 'r': v = mpy_repr(vm, v); break;
    case 's': v = mpy_to_str(vm, v); break;
    case 'a': {
        v = mpy_repr(vm, v);
        if (!mpy_is_null(v)) {
            mpy_str *a = mpy_str_to_ascii(vm, mpy_as_str(v));
            v = a ? mpy_from_obj(a) : MPY_NULL;
        }
        break;
    }
    default:
        if ((unsigned char)conv < 0x80)
            return mpy_err_fmt(vm, MPY_EXC_ValueError, "Unknown conversion specifier %c", conv);
        return mpy_err_fmt(vm, MPY_EXC_ValueError, "Unknown conversion specifier \\x%x", (unsigned char)conv);
    }
    if (mpy_is_null(v)) return false;
    /* The spec may hold nested fields: expand them first. */
    mpy_str *spec;
    size_t sn = fd->spec ? (size_t)(fd->spec_end - fd->spec) : 0;
    if (sn && memchr(fd->spec, '{', sn)) {
        if (depth <= 1) return mpy_err_msg(vm, MPY_EXC_ValueError, "Max string recursion exceeded");
        mpy_textbuf sb;
        mpy_textbuf_init(&sb);
        if (!vformat(vm, st, fd->spec, fd->spec_end, depth - 1, &sb)) { mpy_textbuf_free(vm, &sb); return false; }
        spec = mpy_textbuf_finish(vm, &sb);
    } else {
        spec = sn == 0 ? vm->empty_str : mpy_str_new(vm, fd->spec, sn);
    }
    if (!spec) return false;
    mpy_value r = spec->len == 0 && mpy_is_strv(v) ? v : mpy_format(vm, v, spec);
    if (mpy_is_null(r)) return false;
    return mpy_textbuf_add(vm, out, mpy_as_str(r)->data, mpy_as_str(r)->len);
}

/* CPython's MarkupIterator: literal text, '{{' and '}}' escapes, fields. */
static bool vformat(mpy_vm *vm, fmtstate *st, const char *p, const char *e, int depth, mpy_textbuf *out)
{
    while (p < e) {
        const char *lit = p;
        while (p < e && *p != '{' && *p != '}') p++;
        if (!mpy_textbuf_add(vm, out, lit, (size_t)(p - lit))) return false;
        if (p == e) break;
        char c = *p++;
        if (p < e && *p == c) {
            if (!mpy_textbuf_addc(vm, out, c, 1)) return false;
            p++;
            continue;
        }
        if (c == '}') return mpy_err_msg(vm, MPY_EXC_ValueError, "Single '}' encountered in format string");
        if (p == e) return mpy_err_msg(vm, MPY_EXC_ValueError, "Single '{' encountered in format string");
        field fd = {NULL, NULL, NULL, NULL, 0};
        if (!parse_field(vm, &p, e, &fd) || !format_field(vm, st, &fd, depth, out)) return false;
    }
    return true;
}

static mpy_value run_format(mpy_vm *vm, mpy_str *fmt, fmtstate *st)
{
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    if (!vformat(vm, st, fmt->data, fmt->data + fmt->len, 2, &b)) { mpy_textbuf_free(vm, &b); return MPY_NULL; }
    mpy_str *r = mpy_textbuf_finish(vm, &b);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

mpy_value mpy_str_m_format(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    fmtstate st = {argc - 1, args + 1, kw, args + argc, MPY_NULL, 0, false};
    return run_format(vm, mpy_as_str(args[0]), &st);
}

mpy_value mpy_str_m_format_map(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "str.format_map() takes no keyword arguments");
    if (argc != 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "format_map() takes exactly one argument (%d given)", argc - 1);
    fmtstate st = {0, NULL, NULL, NULL, args[1], 0, false};
    return run_format(vm, mpy_as_str(args[0]), &st);
}

/* ------------------------------------------------------ printf-style % */

typedef struct pctx {
    const mpy_value *items; /* the argument tuple, or &single */
    size_t n, next;
    mpy_value dict;         /* mapping for %(name)s, or MPY_NULL */
    mpy_value single;
    bool bytes;             /* formatting bytes: %s takes bytes, keys are bytes */
} pctx;

static mpy_value next_arg(mpy_vm *vm, pctx *c)
{
    if (c->next >= c->n) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "not enough arguments for format string");
    return c->items[c->next++];
}

/* Pads text for %-formatting: width, '-' flag. */
static bool pct_pad(mpy_vm *vm, mpy_textbuf *b, const char *s, size_t n, size_t cps, int64_t width, bool left)
{
    size_t pad = width > (int64_t)cps ? (size_t)width - cps : 0;
    if (!left && !mpy_textbuf_addc(vm, b, ' ', pad)) return false;
    if (!mpy_textbuf_add(vm, b, s, n)) return false;
    return !left || mpy_textbuf_addc(vm, b, ' ', pad);
}

/* An int for %d/%x/%o: ints as they are; for %d also floats and numbers
 * with __int__ (through int()). */
static mpy_value pct_int(mpy_vm *vm, mpy_value v, char type)
{
    if (mpy_is_bool(v)) return mpy_from_int(v.u.i);
    if (mpy_is_intlike(vm, v)) return v;
    mpy_type *t = mpy_typeof(vm, v);
    bool has_index = !mpy_is_null(mpy_type_lookup(vm, t, vm->names.__index__));
    if (type == 'd' || type == 'i' || type == 'u') {
        bool num = mpy_is_float(v) || has_index || !mpy_is_null(mpy_type_lookup(vm, t, vm->names.__int__)) ||
                   !mpy_is_null(mpy_type_lookup(vm, t, vm->names.__float__));
        if (!num)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%%%c format: a real number is required, not %s", type,
                                 mpy_type_name(t));
        if (mpy_is_float(v)) {
            double d = v.u.f;
            if (isnan(d)) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "cannot convert float NaN to integer");
            if (isinf(d)) return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "cannot convert float infinity to integer");
            if (fabs(d) < 9.2e18) return mpy_from_int((int64_t)d);
        }
        return mpy_call1(vm, mpy_from_obj(vm->types[MPY_TYPE_INT]), v);
    }
    if (!has_index)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%%%c format: an integer is required, not %s", type,
                             mpy_type_name(t));
    int64_t i;
    if (!mpy_index(vm, v, &i)) return MPY_NULL;
    return mpy_from_int(i);
}

typedef struct pflags {
    bool left, plus, space, alt, zero;
    int64_t width, prec;
} pflags;

/* sign + prefix + digits (zero-extended to the precision), width applied. */
static bool pct_number(mpy_vm *vm, mpy_textbuf *b, const pflags *fl, bool neg, const char *prefix, const char *digits,
                       size_t nd, bool is_int)
{
    char sign = neg ? '-' : fl->plus ? '+' : fl->space ? ' ' : 0;
    size_t np = strlen(prefix);
    size_t zeros = is_int && fl->prec > (int64_t)nd ? (size_t)fl->prec - nd : 0;
    size_t total = (sign != 0) + np + zeros + nd;
    size_t pad = fl->width > (int64_t)total ? (size_t)fl->width - total : 0;
    bool ok = true;
    if (!fl->left && !fl->zero) ok = mpy_textbuf_addc(vm, b, ' ', pad);
    if (ok && sign) ok = mpy_textbuf_addc(vm, b, sign, 1);
    ok = ok && mpy_textbuf_add(vm, b, prefix, np);
    if (ok && !fl->left && fl->zero) ok = mpy_textbuf_addc(vm, b, '0', pad);
    ok = ok && mpy_textbuf_addc(vm, b, '0', zeros) && mpy_textbuf_add(vm, b, digits, nd);
    if (ok && fl->left) ok = mpy_textbuf_addc(vm, b, ' ', pad);
    return ok;
}

/* bytes % args: %s/%b of a bytes-like object (or __bytes__), %r/%a as
 * ascii(), %c of an int or one byte. */
static bool pct_bytes_one(mpy_vm *vm, mpy_textbuf *b, char type, const pflags *fl, mpy_value v)
{
    switch (type) {
    case 's': case 'b': {
        mpy_value x = v;
        if (!mpy_is_sub(vm, x, MPY_TYPE_BYTES) && !mpy_is_sub(vm, x, MPY_TYPE_BYTEARRAY)) {
            mpy_str *nm = mpy_str_intern_cstr(vm, "__bytes__");
            mpy_value m = nm ? mpy_type_lookup(vm, mpy_typeof(vm, x), nm) : MPY_NULL;
            if (mpy_is_null(m) || mpy_is_strv(x))
                return mpy_err_fmt(vm, MPY_EXC_TypeError,
                                   "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                                   mpy_tname(vm, v));
            x = mpy_call1(vm, m, x);
            if (mpy_is_null(x)) return false;
        }
        const unsigned char *raw;
        size_t n;
        if (!mpy_bytes_view(vm, x, &raw, &n))
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "__bytes__ returned non-bytes (type %s)", mpy_tname(vm, x));
        if (fl->prec >= 0 && (size_t)fl->prec < n) n = (size_t)fl->prec;
        bool ok = pct_pad(vm, b, (const char *)raw, n, n, fl->width, fl->left);
        return ok;
    }
    case 'c': {
        char ch;
        if (mpy_is_sub(vm, v, MPY_TYPE_BYTES) || mpy_is_sub(vm, v, MPY_TYPE_BYTEARRAY)) {
            if (mpy_len(vm, v) != 1)
                return mpy_err_msg(vm, MPY_EXC_TypeError, "%c requires an integer in range(256) or a single byte");
            mpy_value x = mpy_getitem(vm, v, mpy_from_int(0));
            if (mpy_is_null(x)) return false;
            ch = (char)x.u.i;
        } else if (mpy_is_intlike(vm, v)) {
            if (!mpy_is_smallint(v) || v.u.i < 0 || v.u.i > 255)
                return mpy_err_msg(vm, MPY_EXC_OverflowError, "%c arg not in range(256)");
            ch = (char)v.u.i;
        } else {
            return mpy_err_msg(vm, MPY_EXC_TypeError, "%c requires an integer in range(256) or a single byte");
        }
        return pct_pad(vm, b, &ch, 1, 1, fl->width, fl->left);
    }
    default:
        return false;
    }
}

static bool pct_one(mpy_vm *vm, mpy_textbuf *b, char type, const pflags *fl, mpy_value v, size_t type_index)
{
    switch (type) {
    case 's': case 'r': case 'a': {
        mpy_value s = type == 's' ? mpy_to_str(vm, v) : mpy_repr(vm, v);
        if (mpy_is_null(s)) return false;
        mpy_str *t = mpy_as_str(s);
        if (type == 'a' && !(t = mpy_str_to_ascii(vm, t))) return false;
        size_t n = t->len, cps = t->cplen;
        if (fl->prec >= 0 && (size_t)fl->prec < cps) {
            cps = (size_t)fl->prec;
            n = mpy_str_offset(t, cps);
        }
        return pct_pad(vm, b, t->data, n, cps, fl->width, fl->left);
    }
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        mpy_value i = pct_int(vm, v, type);
        if (mpy_is_null(i)) return false;
        int base = type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
        bool neg;
        size_t off;
        mpy_str *d = int_digits(vm, i, base, type == 'X', &neg, &off);
        if (!d) return false;
        const char *prefix = !fl->alt ? "" : type == 'o' ? "0o" : type == 'x' ? "0x" : type == 'X' ? "0X" : "";
        return pct_number(vm, b, fl, neg, prefix, d->data + off, d->len - off, true);
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double d;
        if (!mpy_to_double(vm, v, &d)) return false;
        mpy_textbuf t;
        mpy_textbuf_init(&t);
        if (!float_text(vm, &t, fabs(d), type, fl->prec < 0 ? 6 : fl->prec, fl->alt)) {
            mpy_textbuf_free(vm, &t);
            return false;
        }
        bool ok = pct_number(vm, b, fl, signbit(d) && !isnan(d), "", t.data, t.len, false);
        mpy_textbuf_free(vm, &t);
        return ok;
    }
    case 'c': {
        char u[4];
        size_t n;
        if (mpy_is_strv(v)) {
            if (mpy_as_str(v)->cplen != 1) return mpy_err_msg(vm, MPY_EXC_TypeError, "%c requires int or char");
            n = mpy_as_str(v)->len;
            memcpy(u, mpy_as_str(v)->data, n);
        } else if (mpy_is_intlike(vm, v)) {
            if (!mpy_is_smallint(v) || v.u.i < 0 || v.u.i > 0x10ffff)
                return mpy_err_msg(vm, MPY_EXC_OverflowError, "%c arg not in range(0x110000)");
            n = mpy_utf8_encode((uint32_t)v.u.i, u);
        } else {
            return mpy_err_msg(vm, MPY_EXC_TypeError, "%c requires int or char");
        }
        return pct_pad(vm, b, u, n, 1, fl->width, fl->left);
    }
    default: {
        unsigned char t = (unsigned char)type;
        if (t >= 0x20 && t < 0x7f)
            return mpy_err_fmt(vm, MPY_EXC_ValueError, "unsupported format character '%c' (0x%x) at index %zu", type,
                               t, type_index);
        return mpy_err_fmt(vm, MPY_EXC_ValueError, "unsupported format character '?' (0x%x) at index %zu", t,
                           type_index);
    }
    }
}

/* A '*' width or precision argument: CPython converts a width to
 * Py_ssize_t and a precision to a C int (is_prec), so a precision outside
 * int is an OverflowError, not a wrapped-around (negative) value. */
static bool star_arg(mpy_vm *vm, pctx *c, int64_t *out, bool is_prec)
{
    mpy_value v = next_arg(vm, c);
    if (mpy_is_null(v)) return false;
    if (!mpy_is_smallint(v)) {
        if (!mpy_is_sub(vm, v, MPY_TYPE_INT)) return mpy_err_msg(vm, MPY_EXC_TypeError, "* wants int");
        return mpy_err_msg(vm, MPY_EXC_OverflowError,
                           is_prec ? "Python int too large to convert to C int"
                                   : "Python int too large to convert to C ssize_t");
    }
    if (is_prec && (v.u.i > INT_MAX || v.u.i < INT_MIN))
        return mpy_err_msg(vm, MPY_EXC_OverflowError, "Python int too large to convert to C int");
    *out = v.u.i;
    return true;
}

static bool pct_format(mpy_vm *vm, const char *s, size_t len, bool ascii, pctx *c, mpy_textbuf *b)
{
    const char *p = s, *e = s + len;
    while (p < e) {
        const char *lit = p;
        while (p < e && *p != '%') p++;
        if (!mpy_textbuf_add(vm, b, lit, (size_t)(p - lit))) return false;
        if (p == e) break;
        p++;
        if (p < e && *p == '%') {
            if (!mpy_textbuf_addc(vm, b, '%', 1)) return false;
            p++;
            continue;
        }
        mpy_value v = MPY_NULL;
        if (p < e && *p == '(') {
            if (mpy_is_null(c->dict)) return mpy_err_msg(vm, MPY_EXC_TypeError, "format requires a mapping");
            const char *k = ++p;
            int level = 1;
            while (p < e) {
                if (*p == '(') level++;
                else if (*p == ')' && --level == 0) break;
                p++;
            }
            if (p == e) return mpy_err_msg(vm, MPY_EXC_ValueError, "incomplete format key");
            mpy_obj *key = c->bytes ? (mpy_obj *)mpy_bytes_new(vm, k, (size_t)(p - k))
                                    : (mpy_obj *)mpy_str_new(vm, k, (size_t)(p - k));
            if (!key) return false;
            p++;
            v = mpy_getitem(vm, c->dict, mpy_from_obj(key));
            if (mpy_is_null(v)) return false;
        }
        pflags fl = {false, false, false, false, false, -1, -1};
        for (; p < e; p++) {
            if (*p == '-') fl.left = true;
            else if (*p == '+') fl.plus = true;
            else if (*p == ' ') fl.space = true;
            else if (*p == '#') fl.alt = true;
            else if (*p == '0') fl.zero = true;
            else break;
        }
        if (p < e && *p == '*') {
            if (!star_arg(vm, c, &fl.width, false)) return false;
            if (fl.width < 0) { fl.left = true; fl.width = -fl.width; }
            p++;
        } else {
            int64_t w;
            if (!read_int(vm, &p, e, &w)) return false;
            fl.width = w;
        }
        if (p < e && *p == '.') {
            p++;
            if (p < e && *p == '*') {
                if (!star_arg(vm, c, &fl.prec, true)) return false;
                if (fl.prec < 0) fl.prec = 0;
                p++;
            } else {
                int64_t pr;
                if (!read_int(vm, &p, e, &pr)) return false;
                if (pr > INT_MAX) return mpy_err_msg(vm, MPY_EXC_ValueError, "precision too big");
                fl.prec = pr < 0 ? 0 : pr;
            }
        }
        while (p < e && (*p == 'h' || *p == 'l' || *p == 'L')) p++;
        if (p == e) return mpy_err_msg(vm, MPY_EXC_ValueError, "incomplete format");
        if (mpy_is_null(v)) {
            v = next_arg(vm, c);
            if (mpy_is_null(v)) return false;
        }
        size_t idx = ascii ? (size_t)(p - s) : 0;
        if (!ascii)
            for (const char *q = s; q < p; q++) idx += ((unsigned char)*q & 0xc0) != 0x80;
        char type = *p;
        if ((unsigned char)type >= 0x80 && !c->bytes) {
            const unsigned char *q = (const unsigned char *)p;
            uint32_t cp = decode(&q);
            return mpy_err_fmt(vm, MPY_EXC_ValueError, "unsupported format character '%.*s' (0x%x) at index %zu",
                               (int)((const char *)q - p), p, cp, idx);
        }
        p++;
        if (fl.left) fl.zero = false;
        if (c->bytes && (type == 's' || type == 'b' || type == 'c')) {
            if (!pct_bytes_one(vm, b, type, &fl, v)) return false;
        } else if (c->bytes && (type == 'r' || type == 'a')) {
            if (!pct_one(vm, b, 'a', &fl, v, idx)) return false;
        } else if (!pct_one(vm, b, type, &fl, v, idx)) {
            return false;
        }
    }
    return true;
}

static mpy_value percent(mpy_vm *vm, const char *fmt, size_t len, bool ascii, mpy_value args, bool bytes)
{
    pctx c;
    c.dict = MPY_NULL;
    c.next = 0;
    c.bytes = bytes;
    bool is_tuple = mpy_is_sub(vm, args, MPY_TYPE_TUPLE);
    if (is_tuple) {
        c.items = mpy_as_tuple(args)->items;
        c.n = mpy_as_tuple(args)->len;
    } else {
        c.single = args;
        c.items = &c.single;
        c.n = 1;
        /* Anything subscriptable but a str (bytes for bytes) is a mapping
         * for %(key)s. */
        mpy_type *t = mpy_typeof(vm, args);
        bool excluded = bytes ? mpy_is_sub(vm, args, MPY_TYPE_BYTES) || mpy_is_sub(vm, args, MPY_TYPE_BYTEARRAY)
                              : mpy_is_strv(args);
        if (t->slots.getitem && !excluded) c.dict = args;
    }
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    if (!pct_format(vm, fmt, len, ascii, &c, &b)) { mpy_textbuf_free(vm, &b); return MPY_NULL; }
    if (c.next < c.n && mpy_is_null(c.dict)) {
        mpy_textbuf_free(vm, &b);
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "not all arguments converted during %s formatting",
                             bytes ? "bytes" : "string");
    }
    if (bytes) {
        mpy_bytes *r = mpy_bytes_new(vm, b.data, b.len);
        mpy_textbuf_free(vm, &b);
        return r ? mpy_from_obj(r) : MPY_NULL;
    }
    mpy_str *r = mpy_textbuf_finish(vm, &b);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

mpy_value mpy_str_mod(mpy_vm *vm, mpy_value fmt, mpy_value args)
{
    mpy_str *f = mpy_as_str(fmt);
    return percent(vm, f->data, f->len, mpy_str_is_ascii(f), args, false);
}

mpy_value mpy_bytes_mod(mpy_vm *vm, const void *fmt, size_t len, mpy_value args)
{
    return percent(vm, fmt, len, true, args, true);
}
