/* String and bytes literals: prefixes, escape sequences and implicit
 * concatenation (f-string bodies are split by parser/fstring.c).
 *
 * The result must be what CPython 3.11 builds, down to ast.dump and the
 * SyntaxError texts, so the code follows Parser/string_parser.c and
 * Parser/action_helpers.c (_PyPegen_concatenate_strings):
 * - Each token is decoded on its own, in order; an error in one is reported
 *   before a bytes/str mix with the next ("cannot mix bytes and nonbytes
 *   literals").
 * - str values are UTF-8.  Code points from escapes are encoded as UTF-8
 *   too; a lone surrogate (\ud800) gets its 3-byte form, as CPython's
 *   'surrogatepass' error handler writes it, since the AST has no other way
 *   to carry one.
 * - The 'unicodeescape' errors quote positions in the buffer CPython hands
 *   to its codec, not in the source: there every non-ASCII character has
 *   become a 10-byte "\UXXXXXXXX" and a backslash before one (or at the end)
 *   a 6-byte "\u005c".  decode_escapes counts in those units (vpos) so the
 *   messages match.
 * - \N{name} needs the Unicode name database, which minipy does not carry:
 *   a well-formed \N{...} is a SyntaxError "(unicode error) \N{...} escapes
 *   are not supported"; malformed ones get CPython's own message.
 * - Unknown escapes (\d, \8) stay as backslash + character.  CPython warns
 *   (DeprecationWarning); the front end has nowhere to print, so it is
 *   silent.
 * - The source is read with universal newlines, as CPython's tokenizer does
 *   for compile(): "\r\n" and a lone "\r" inside a literal are "\n".
 * Everything is allocated in ctx->arena.
 */
#include "strlit.h"
#include "grammar.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* --- buffers ----------------------------------------------------------------- */

bool mpy_strbuf_reserve(mpy_arena *a, mpy_strbuf *b, size_t extra)
{
    if (b->data && b->cap - b->len > extra)
        return true;
    size_t cap = b->cap ? b->cap : 32;
    while (cap - b->len <= extra)
        cap *= 2;
    char *p = mpy_arena_alloc(a, cap);
    if (!p)
        return false;
    if (b->len)
        memcpy(p, b->data, b->len);
    b->data = p;
    b->cap = cap;
    return true;
}

/* Appends code point cp as UTF-8 (surrogates in their 3-byte form); the
 * caller has reserved room. */
static void put_utf8(mpy_strbuf *b, unsigned long cp)
{
    unsigned char *o = (unsigned char *)b->data + b->len;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        b->len += 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        b->len += 2;
    } else if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        b->len += 3;
    } else {
        o[0] = (unsigned char)(0xF0 | (cp >> 18));
        o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (unsigned char)(0x80 | (cp & 0x3F));
        b->len += 4;
    }
}

/* Length of the UTF-8 sequence whose lead byte is c (1 for a stray byte, so
 * a malformed source cannot stall the scan). */
static size_t utf8_len(unsigned char c)
{
    if (c >= 0xF0 && c < 0xF8)
        return 4;
    if (c >= 0xE0)
        return c < 0xF0 ? 3 : 1;
    if (c >= 0xC0)
        return 2;
    return 1;
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The value of a one-letter escape common to str and bytes, or -1. */
static int simple_escape(char c)
{
    switch (c) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return -1;
    }
}

/* --- errors ------------------------------------------------------------------- */

bool mpy_literal_fail(mpy_parse_ctx *ctx, mpy_ast_loc loc, const char *fmt, ...)
{
    char msg[sizeof ctx->err.msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, loc, "%s%s",
                          ctx->fstring_depth > 0 ? "f-string: " : "", msg);
}

mpy_ast_loc mpy_strlit_errloc(const mpy_strlit *sl)
{
    /* pegen raises these with the position of the last token it fetched:
     * the one after the strings, here the token being pushed.  Single
     * mode's extra NEWLINE has no column; pegen then counts the characters
     * of the line up to the end of the input (offset one less than a
     * token there would have). */
    const mpy_parse_ctx *ctx = sl->ctx;
    const mpy_yyltype *t = &ctx->cur_loc;
    if (ctx->cur_kind == TOK_NEWLINE && t->first_column < 0 && ctx->src && t->start <= ctx->len) {
        size_t ls = t->start;
        while (ls > 0 && ctx->src[ls - 1] != '\n')
            ls--;
        int col = (int)(t->start - ls) - 1;
        if (col >= 0) {
            mpy_ast_loc l = {t->first_line, col, t->first_line, -1}; /* no end */
            return l;
        }
    }
    if (t->first_column >= 0 && (t->first_line > sl->loc.end_line ||
                                 (t->first_line == sl->loc.end_line && t->first_column >= sl->loc.end_col))) {
        mpy_ast_loc l = {t->first_line, t->first_column, t->first_line, t->first_column};
        return l;
    }
    mpy_ast_loc l = {sl->loc.end_line, sl->loc.end_col, sl->loc.end_line, sl->loc.end_col};
    return l;
}

/* CPython's UnicodeDecodeError text for bytes [start, end) of its buffer. */
static bool unicode_error(const mpy_strlit *sl, size_t start, size_t end, const char *why)
{
    return mpy_literal_fail(sl->ctx, mpy_strlit_errloc(sl),
                          "(unicode error) 'unicodeescape' codec can't decode bytes in "
                          "position %zu-%zu: %s",
                          start, end - 1, why);
}

/* --- str ------------------------------------------------------------------ */

/* Copies s[0..n) to out, reading "\r\n" and "\r" as "\n". */
static void copy_newlines(mpy_strbuf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            out->data[out->len++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        } else {
            out->data[out->len++] = s[i];
        }
    }
}

/* Scans the name of \N{name} from s[*i] (just past the '{') to its '}',
 * counting CPython's buffer positions in *vpos.  Returns false when the
 * body ends first. */
static bool scan_char_name(const char *s, size_t n, size_t *i, size_t *vpos)
{
    while (*i < n && s[*i] != '}') {
        unsigned char c = (unsigned char)s[*i];
        if (c == '\\' && *i + 1 < n && (unsigned char)s[*i + 1] < 0x80) {
            /* CPython's pre-pass copies a backslash and the ASCII byte after
             * it as a pair; the byte may itself be the '}' we look for. */
            *i += 1;
            *vpos += 1;
        } else if (c == '\\') {
            *i += 1;
            *vpos += 6; /* became "\u005c" */
        } else if (c == '\r') {
            *i += (*i + 1 < n && s[*i + 1] == '\n') ? 2 : 1;
            *vpos += 1;
        } else if (c >= 0x80) {
            *i += utf8_len(c);
            *vpos += 10; /* became "\UXXXXXXXX" */
        } else {
            *i += 1;
            *vpos += 1;
        }
    }
    return *i < n;
}

/* Decodes one escape sequence: s[*i] is the character after a backslash
 * (ASCII), start the backslash's position in CPython's buffer. */
static bool decode_one_escape(const mpy_strlit *sl, mpy_strbuf *out, const char *s, size_t n,
                              size_t *i, size_t *vpos, size_t start)
{
    char c = s[(*i)++];
    *vpos += 1;
    int simple = simple_escape(c);
    if (simple >= 0) {
        out->data[out->len++] = (char)simple;
        return true;
    }
    int count = 0;
    const char *msg = NULL;
    switch (c) {
    case '\n': /* backslash-newline: a line continuation inside the literal */
        return true;
    case '\r':
        if (*i < n && s[*i] == '\n')
            *i += 1;
        return true;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        /* Values above 0o377 are code points in str (CPython warns). */
        unsigned long cp = (unsigned long)(c - '0');
        for (int k = 0; k < 2 && *i < n && s[*i] >= '0' && s[*i] <= '7'; k++) {
            cp = cp * 8 + (unsigned long)(s[(*i)++] - '0');
            *vpos += 1;
        }
        put_utf8(out, cp);
        return true;
    }
    case 'x': count = 2; msg = "truncated \\xXX escape"; break;
    case 'u': count = 4; msg = "truncated \\uXXXX escape"; break;
    case 'U': count = 8; msg = "truncated \\UXXXXXXXX escape"; break;
    case 'N':
        if (*i >= n || s[*i] != '{')
            return unicode_error(sl, start, *vpos, "malformed \\N character escape");
        *i += 1;
        *vpos += 1;
        size_t name = *i;
        if (!scan_char_name(s, n, i, vpos) || *i == name)
            return unicode_error(sl, start, *vpos, "malformed \\N character escape");
        return mpy_literal_fail(sl->ctx, mpy_strlit_errloc(sl),
                              "(unicode error) \\N{...} escapes are not supported");
    default:
        /* Unknown escape: kept as written. */
        out->data[out->len++] = '\\';
        out->data[out->len++] = c;
        return true;
    }
    unsigned long cp = 0;
    for (; count > 0; count--) {
        int d = *i < n ? hexval((unsigned char)s[*i]) : -1;
        if (d < 0)
            return unicode_error(sl, start, *vpos, msg);
        cp = cp * 16 + (unsigned long)d;
        *i += 1;
        *vpos += 1;
    }
    if (cp > 0x10FFFF)
        return unicode_error(sl, start, *vpos, "illegal Unicode character");
    put_utf8(out, cp);
    return true;
}

/* The non-raw str decoder (CPython's decode_unicode_with_escapes followed
 * by its unicode-escape codec, in one pass). */
static bool decode_escapes(const mpy_strlit *sl, mpy_strbuf *out, const char *s, size_t n)
{
    size_t i = 0, vpos = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' && (i + 1 >= n || (unsigned char)s[i + 1] >= 0x80)) {
            /* A backslash at the end or before a non-ASCII character is
             * literal (CPython rewrites it as "\u005c"). */
            out->data[out->len++] = '\\';
            i++;
            vpos += 6;
        } else if (c == '\\') {
            size_t start = vpos;
            i++;
            vpos++;
            if (!decode_one_escape(sl, out, s, n, &i, &vpos, start))
                return false;
        } else if (c == '\r') {
            out->data[out->len++] = '\n';
            i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
            vpos++;
        } else if (c >= 0x80) {
            size_t k = utf8_len(c);
            if (k > n - i)
                k = n - i;
            memcpy(out->data + out->len, s + i, k);
            out->len += k;
            i += k;
            vpos += 10;
        } else {
            out->data[out->len++] = (char)c;
            i++;
            vpos++;
        }
    }
    return true;
}

bool mpy_strlit_decode_str(const mpy_strlit *sl, mpy_strbuf *out, const char *s, size_t n,
                           bool raw)
{
    /* Decoding never makes the text longer: the longest result of an
     * escape (4 UTF-8 bytes) comes from a 6- or 10-byte \u or \U. */
    if (!mpy_strbuf_reserve(sl->ctx->arena, out, n))
        return false;
    if (raw || (!memchr(s, '\\', n) && !memchr(s, '\r', n))) {
        copy_newlines(out, s, n);
        return true;
    }
    return decode_escapes(sl, out, s, n);
}

/* --- bytes ------------------------------------------------------------------ */

/* CPython's _PyBytes_DecodeEscape.  Positions in its messages count bytes
 * of the body (after newline translation). */
static bool decode_bytes(const mpy_strlit *sl, mpy_strbuf *out, const char *s, size_t n)
{
    size_t i = 0, pos = 0;
    while (i < n) {
        char c = s[i];
        if (c == '\r') {
            out->data[out->len++] = '\n';
            i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
            pos++;
            continue;
        }
        if (c != '\\') {
            out->data[out->len++] = c;
            i++;
            pos++;
            continue;
        }
        size_t bpos = pos;
        if (i + 1 >= n)
            return mpy_literal_fail(sl->ctx, mpy_strlit_errloc(sl),
                                  "(value error) Trailing \\ in string");
        char d = s[i + 1];
        i += 2;
        pos += 2;
        int simple = simple_escape(d);
        if (simple >= 0) {
            out->data[out->len++] = (char)simple;
        } else if (d == '\n') {
            /* line continuation */
        } else if (d == '\r') {
            if (i < n && s[i] == '\n')
                i++;
        } else if (d >= '0' && d <= '7') {
            /* Values above 0o377 keep their low 8 bits (CPython warns). */
            unsigned v = (unsigned)(d - '0');
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++, pos++)
                v = v * 8 + (unsigned)(s[i++] - '0');
            out->data[out->len++] = (char)(v & 0xFF);
        } else if (d == 'x') {
            int h1 = i + 1 < n ? hexval((unsigned char)s[i]) : -1;
            int h2 = i + 1 < n ? hexval((unsigned char)s[i + 1]) : -1;
            if (h1 < 0 || h2 < 0)
                return mpy_literal_fail(sl->ctx, mpy_strlit_errloc(sl),
                                      "(value error) invalid \\x escape at position %zu", bpos);
            out->data[out->len++] = (char)(h1 * 16 + h2);
            i += 2;
            pos += 2;
        } else {
            /* Unknown escape: the backslash stays and the character after
             * it is read again as ordinary text. */
            out->data[out->len++] = '\\';
            i--;
            pos--;
        }
    }
    return true;
}

/* --- tokens ------------------------------------------------------------------- */

/* What a STRING token's text says about itself. */
typedef struct strtok_info {
    bool bytes, raw, fmode;
    const char *body; /* between the quotes */
    size_t len;
} strtok_info;

/* Reads the prefix and quotes of a token the lexer has already checked. */
static strtok_info read_token(const char *s, size_t n)
{
    strtok_info r = {false, false, false, NULL, 0};
    size_t i = 0;
    for (; i < n && s[i] != '\'' && s[i] != '"'; i++) {
        char c = (char)(s[i] | 0x20);
        if (c == 'b')
            r.bytes = true;
        else if (c == 'r')
            r.raw = true;
        else if (c == 'f')
            r.fmode = true;
    }
    size_t q = (n - i >= 6 && s[i + 1] == s[i] && s[i + 2] == s[i]) ? 3 : 1;
    r.body = s + i + q;
    r.len = n - i - 2 * q;
    return r;
}

/* Node for a finished str or bytes value, NUL-terminated in the arena. */
static mpy_ast_expr *make_const(const mpy_strlit *sl, mpy_ast_const_kind kind, char *data,
                                size_t len, mpy_ast_loc loc, bool u_kind)
{
    if (!data) {
        data = mpy_arena_alloc(sl->ctx->arena, 1);
        if (!data)
            return NULL;
    }
    data[len] = '\0';
    mpy_ast_expr *e = mpy_ast_expr_new(sl->ctx->arena, MPY_AST_EXPR_Constant, loc);
    if (!e)
        return NULL;
    e->depth = 1;
    e->v.Constant.kind = kind;
    e->v.Constant.str = data;
    e->v.Constant.len = len;
    e->v.Constant.u_prefix = u_kind;
    return e;
}

/* --- assembling parts ------------------------------------------------------- */

bool mpy_fstate_flush(const mpy_strlit *sl, mpy_fstate *st, mpy_ast_loc loc, bool u_kind)
{
    if (st->last.len == 0)
        return true;
    mpy_ast_expr *e = make_const(sl, MPY_CONST_STR, st->last.data, st->last.len, loc, u_kind);
    st->last = (mpy_strbuf){NULL, 0, 0};
    return e && mpy_fstate_push(sl, st, e);
}

bool mpy_fstate_push(const mpy_strlit *sl, mpy_fstate *st, mpy_ast_expr *e)
{
    st->values = mpy_ast_seq_append(sl->ctx->arena, st->values, e);
    return st->values != NULL;
}

mpy_ast_expr *mpy_fstate_finish(const mpy_strlit *sl, mpy_fstate *st, mpy_ast_loc loc,
                                bool u_kind)
{
    if (!st->fmode)
        return make_const(sl, MPY_CONST_STR, st->last.data, st->last.len, loc, u_kind);
    if (!mpy_fstate_flush(sl, st, loc, u_kind))
        return NULL;
    mpy_arena *a = sl->ctx->arena;
    /* An empty f-string is JoinedStr(values=[]): keep a real empty
     * sequence rather than NULL. */
    mpy_ast_seq *values = st->values ? st->values : mpy_ast_seq_new(a);
    mpy_ast_expr *e = values ? mpy_ast_expr_new(a, MPY_AST_EXPR_JoinedStr, loc) : NULL;
    if (!e)
        return NULL;
    e->v.JoinedStr.values = values;
    int depth = 0;
    for (int i = 0; i < values->len; i++) {
        mpy_ast_expr *v = MPY_SEQ_GET(values, i);
        if (v->depth > depth)
            depth = v->depth;
    }
    e->depth = depth + 1;
    if (e->depth > MPY_AST_MAX_DEPTH) {
        mpy_literal_fail(sl->ctx, loc, "too many nested expressions");
        return NULL;
    }
    return e;
}

/* --- the entry point ----------------------------------------------------------- */

/* Bytes must be ASCII in the source (escapes aside); CPython reports it at
 * the token itself. */
static bool check_ascii(mpy_parse_ctx *ctx, const mpy_strtok *t)
{
    for (size_t i = t->start; i < t->end; i++)
        if ((unsigned char)ctx->src[i] >= 0x80)
            return mpy_literal_fail(ctx, t->loc,
                                  "bytes can only contain ASCII literal characters");
    return true;
}

mpy_ast_expr *mpy_ast_strings(mpy_parse_ctx *ctx, const mpy_ast_seq *toks, mpy_ast_loc loc)
{
    const mpy_strtok *first = MPY_SEQ_GET(toks, 0);
    mpy_strlit sl = {ctx, loc, ctx->src[first->start] == 'u'};
    mpy_fstate st = {{NULL, 0, 0}, false, NULL};
    mpy_strbuf bytes = {NULL, 0, 0};
    bool bytesmode = false;

    for (int i = 0; i < toks->len; i++) {
        const mpy_strtok *t = MPY_SEQ_GET(toks, i);
        strtok_info info = read_token(ctx->src + t->start, t->end - t->start);
        if (info.bytes) {
            if (!check_ascii(ctx, t))
                return NULL;
            if (!mpy_strbuf_reserve(ctx->arena, &bytes, info.len))
                return NULL;
            if (info.raw)
                copy_newlines(&bytes, info.body, info.len);
            else if (!decode_bytes(&sl, &bytes, info.body, info.len))
                return NULL;
        } else if (!info.fmode) {
            if (!mpy_strlit_decode_str(&sl, &st.last, info.body, info.len, info.raw))
                return NULL;
        }
        if (i > 0 && info.bytes != bytesmode) {
            mpy_literal_fail(ctx, mpy_strlit_errloc(&sl),
                           "cannot mix bytes and nonbytes literals");
            return NULL;
        }
        bytesmode = info.bytes;
        if (info.fmode) {
            const char *s = info.body;
            st.fmode = true;
            if (!mpy_fstring_concat(&sl, &st, t, &s, info.body + info.len, info.raw, 0))
                return NULL;
        }
    }
    if (bytesmode)
        return make_const(&sl, MPY_CONST_BYTES, bytes.data, bytes.len, loc, false);
    return mpy_fstate_finish(&sl, &st, loc, sl.u_kind);
}
