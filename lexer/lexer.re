/* The tokenizer: CPython 3.11's tokens, layout and lexical errors, with the
 * incremental contract described in lexer.h.
 *
 * re2c recognises the tokens (keywords, operators, the start of names,
 * numbers and strings); small C helpers finish the tokens whose rules are
 * procedural in CPython (numbers, string bodies, non-ASCII names,
 * indentation) so that every error message and position matches
 * Parser/tokenizer.c, which is the oracle for tests/gen_tokens.py.
 *
 * Invariants:
 * - lx->cur, lx->line and lx->line_start always sit on a clean boundary:
 *   between tokens, and line_start is the first byte of the physical line
 *   that holds cur.  A call that runs out of input returns MPY_LEX_MORE
 *   without moving them past the last such boundary, so the next call (same
 *   bytes, more after them) re-scans at most the unfinished piece, which is
 *   empty when the buffer ends after a newline, as the driver guarantees.
 * - The one exception is a string left open at the end of the buffer:
 *   in_string is set and str_scanned is the first byte not yet scanned (the
 *   start of a line, so never inside an escape or a run of quotes).
 * - Nothing is read past src[len], the NUL sentinel: every scanning loop
 *   stops at a NUL byte, and a NUL before len is an error.
 * - No allocation and no pointers kept between calls, since the driver may
 *   move the buffer; the struct can be copied to snapshot the lexer.
 *
 * Columns are byte offsets from line_start.  Error columns follow CPython:
 * err_col is the byte column of the character that CPython's 1-based
 * `offset` points at, so the driver's offset is the number of characters
 * before err_col plus one.
 */
#include "lexer.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "grammar.h"

typedef unsigned char uchar;

/* Internal results besides token kinds, MPY_LEX_MORE and MPY_LEX_ERROR. */
#define GO_ON (-3) /* no token yet: keep scanning at lx->cur */
#define BLANK (-4) /* a blank or comment-only line was skipped */

#define TABSIZE 8 /* CPython's tabsize for indstack; altstack counts 1 */

/* One call's view of the input: the buffer may move between calls, so
 * pointers live only here. */
typedef struct scan {
    mpy_lexer *lx;
    const uchar *base, *end; /* src and src + len (the sentinel) */
    bool at_eof;
    mpy_token *tok;
} scan;

/* --- small helpers ---------------------------------------------------- */

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* CPython's is_potential_identifier_char: any byte >= 0x80 may be part of
 * a name until the name is decoded and checked. */
static bool is_ident_byte(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' ||
           c >= 0x80;
}

/* Length of the line terminator at p: "\n", "\r\n" or a lone "\r" (CPython
 * translates both to "\n" before tokenizing), else 0. */
static int newline_len(const uchar *p)
{
    if (*p == '\n')
        return 1;
    if (*p == '\r')
        return p[1] == '\n' ? 2 : 1;
    return 0;
}

static size_t offset(const scan *S, const uchar *p)
{
    return (size_t)(p - S->base);
}

static int col_at(const scan *S, const uchar *p)
{
    return (int)(offset(S, p) - S->lx->line_start);
}

static size_t src_len(const scan *S)
{
    return offset(S, S->end);
}

/* Exec input implies a final newline: true while the last line has text
 * and that newline has not been produced yet. */
static bool implied_newline(const scan *S)
{
    return S->at_eof && S->lx->exec_input && S->lx->line_start < src_len(S);
}

/* With more input to come, a token that touches the end of the buffer
 * could still grow ("=" into "==", "1" into "12"). */
static bool must_wait(const scan *S, const uchar *e)
{
    return !S->at_eof && e == S->end;
}

/* An operator ending at e could grow into a longer one (".." into "...")
 * if the end of the buffer comes before a newline within 2 bytes: re2c
 * may have looked that far before settling for the shorter token. */
static bool near_end(const scan *S, const uchar *e)
{
    for (int i = 0; i < 3 && !S->at_eof; i++) {
        if (e + i == S->end)
            return true;
        if (e[i] == '\n' || e[i] == '\r')
            return false;
    }
    return false;
}

/* A lone '\r' that ends the buffer may be the first half of "\r\n". */
static bool split_crlf(const scan *S, const uchar *p)
{
    return *p == '\r' && must_wait(S, p + 1);
}

/* --- results ---------------------------------------------------------- */

static void set_tok(scan *S, int kind, size_t start, int line, int col, size_t end, int end_line,
                    int end_col)
{
    mpy_token *t = S->tok;
    t->kind = kind;
    t->start = start;
    t->end = end;
    t->line = line;
    t->col = col;
    t->end_line = end_line;
    t->end_col = end_col;
}

/* A token from s (at line, col) to e on the current line; commits cur. */
static int emit_from(scan *S, int kind, const uchar *s, int line, int col, const uchar *e)
{
    set_tok(S, kind, offset(S, s), line, col, offset(S, e), S->lx->line, col_at(S, e));
    S->lx->cur = offset(S, e);
    S->lx->last_kind = kind;
    return kind;
}

static int emit(scan *S, int kind, const uchar *s, const uchar *e)
{
    return emit_from(S, kind, s, S->lx->line, col_at(S, s), e);
}

/* No token before the end of the buffer.  (Inside a string cur stays at
 * the string's start, lines before line_start.) */
static int more(scan *S)
{
    mpy_lexer *lx = S->lx;
    int col = lx->cur >= lx->line_start ? (int)(lx->cur - lx->line_start) : 0;
    set_tok(S, MPY_LEX_MORE, lx->cur, lx->line, col, lx->cur, lx->line, col);
    return MPY_LEX_MORE;
}

/* A name or number: wait if more input could extend it. */
static int token(scan *S, int kind, const uchar *s, const uchar *e)
{
    return must_wait(S, e) ? more(S) : emit(S, kind, s, e);
}

/* Records an error.  msg is a static string or lx->err_buf: after a
 * struct copy only the formatted messages still point into the original. */
static int fail_msg(scan *S, mpy_lexerr_kind kind, int line, int col, bool at_eof,
                    const char *msg)
{
    mpy_lexer *lx = S->lx;
    lx->err_msg = msg;
    lx->err_kind = kind;
    lx->err_line = line;
    lx->err_col = col < 0 ? 0 : col;
    lx->err_at_eof = at_eof;
    set_tok(S, MPY_LEX_ERROR, lx->cur, line, lx->err_col, lx->cur, line, lx->err_col);
    return MPY_LEX_ERROR;
}

/* A SyntaxError whose message is formatted into err_buf. */
__attribute__((format(printf, 5, 6))) static int fail(scan *S, int line, int col, bool at_eof,
                                                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(S->lx->err_buf, sizeof S->lx->err_buf, fmt, ap);
    va_end(ap);
    return fail_msg(S, MPY_LEXERR_SYNTAX, line, col, at_eof, S->lx->err_buf);
}

static int null_byte(scan *S, const uchar *p)
{
    return fail_msg(S, MPY_LEXERR_SYNTAX, S->lx->line, col_at(S, p), false,
                    "source code cannot contain null bytes");
}

/* End of input inside brackets: CPython reports the innermost opener. */
static int unclosed(scan *S)
{
    mpy_lexer *lx = S->lx;
    int i = lx->level - 1;
    return fail(S, lx->paren_line[i], lx->paren_col[i], true, "'%c' was never closed",
                lx->paren[i]);
}

/* --- UTF-8 ------------------------------------------------------------ */

/* Decodes one character at p (p < e) as Python's strict UTF-8 decoder
 * does.  Returns its length, or 0 with the length of the bad sequence and
 * the decoder's reason. */
static int utf8_decode(const uchar *p, const uchar *e, uint32_t *cp, int *bad, const char **why)
{
    int need;
    uchar lo = 0x80, hi = 0xBF; /* range of the first continuation byte */
    uint32_t v;
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if (p[0] < 0xC2 || p[0] > 0xF4) {
        *bad = 1;
        *why = "invalid start byte";
        return 0;
    }
    if (p[0] < 0xE0) {
        need = 1, v = p[0] & 0x1F;
    } else if (p[0] < 0xF0) {
        need = 2, v = p[0] & 0x0F;
        lo = p[0] == 0xE0 ? 0xA0 : 0x80; /* no overlong forms */
        hi = p[0] == 0xED ? 0x9F : 0xBF; /* no surrogates */
    } else {
        need = 3, v = p[0] & 0x07;
        lo = p[0] == 0xF0 ? 0x90 : 0x80;
        hi = p[0] == 0xF4 ? 0x8F : 0xBF; /* nothing above U+10FFFF */
    }
    for (int i = 1; i <= need; i++) {
        if (p + i >= e) {
            *bad = i;
            *why = "unexpected end of data";
            return 0;
        }
        if (p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xBF)) {
            *bad = i;
            *why = "invalid continuation byte";
            return 0;
        }
        v = v << 6 | (p[i] & 0x3F);
    }
    *cp = v;
    return need + 1;
}

/* Checks that [s, e) decodes; if not, writes the SyntaxError text CPython
 * derives from the UnicodeDecodeError (positions relative to s). */
static bool utf8_check(const uchar *s, const uchar *e, char *msg, size_t cap)
{
    for (const uchar *p = s; p < e;) {
        uint32_t cp;
        int bad;
        const char *why;
        int n = utf8_decode(p, e, &cp, &bad, &why);
        if (n) {
            p += n;
            continue;
        }
        long pos = (long)(p - s);
        if (bad == 1)
            snprintf(msg, cap,
                     "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %ld: %s",
                     p[0], pos, why);
        else
            snprintf(msg, cap,
                     "(unicode error) 'utf-8' codec can't decode bytes in position %ld-%ld: %s",
                     pos, pos + bad - 1, why);
        return false;
    }
    return true;
}

/* --- identifiers -------------------------------------------------------- */

/* What a non-ASCII code point may be in a name. */
enum { CP_START, CP_CONTINUE, CP_PRINTABLE, CP_NONPRINTABLE };

/* Classes of non-ASCII code points, each entry (first code point << 2 |
 * class) holding until the next.  Exact (Unicode 14, as Python 3.11) in
 * the blocks where stray characters are likely: U+0080-07FF, punctuation
 * and symbols U+2000-2BFF and U+2E00-2E7F, CJK punctuation U+3000-303F,
 * private use, U+FE00-FFFF, emoji U+1F000-1FAFF, tags and variation
 * selectors U+E0000-E0FFF and the private planes.  Elsewhere every code
 * point counts as a letter (a deliberate approximation: the full XID
 * tables are ten times this size).  Made with python3:
 *   cls = 0 if ch.isidentifier() else 1 if ('a' + ch).isidentifier()
 *         else 2 if ch.isprintable() else 3
 * over those ranges, keeping the points where cls changes. */
static const uint32_t cp_classes[] = {
    0x0000203, 0x0000286, 0x00002A8, 0x00002AE, 0x00002B7, 0x00002BA, 0x00002D4, 0x00002DA,
    0x00002DD, 0x00002E2, 0x00002E8, 0x00002EE, 0x0000300, 0x000035E, 0x0000360, 0x00003DE,
    0x00003E0, 0x0000B0A, 0x0000B18, 0x0000B4A, 0x0000B80, 0x0000B96, 0x0000BB0, 0x0000BB6,
    0x0000BB8, 0x0000BBE, 0x0000C01, 0x0000DC0, 0x0000DD6, 0x0000DD8, 0x0000DE3, 0x0000DEA,
    0x0000DEC, 0x0000DFA, 0x0000DFC, 0x0000E03, 0x0000E12, 0x0000E18, 0x0000E1D, 0x0000E20,
    0x0000E2F, 0x0000E30, 0x0000E37, 0x0000E38, 0x0000E8B, 0x0000E8C, 0x0000FDA, 0x0000FDC,
    0x000120A, 0x000120D, 0x0001222, 0x0001228, 0x00014C3, 0x00014C4, 0x000155F, 0x0001564,
    0x000156A, 0x0001580, 0x0001626, 0x000162F, 0x0001636, 0x0001643, 0x0001645, 0x00016FA,
    0x00016FD, 0x0001702, 0x0001705, 0x000170E, 0x0001711, 0x000171A, 0x000171D, 0x0001723,
    0x0001740, 0x00017AF, 0x00017BC, 0x00017CE, 0x00017D7, 0x000181A, 0x0001841, 0x000186E,
    0x0001873, 0x0001876, 0x0001880, 0x000192D, 0x00019AA, 0x00019B8, 0x00019C1, 0x00019C4,
    0x0001B52, 0x0001B54, 0x0001B59, 0x0001B77, 0x0001B7A, 0x0001B7D, 0x0001B94, 0x0001B9D,
    0x0001BA6, 0x0001BA9, 0x0001BB8, 0x0001BC1, 0x0001BE8, 0x0001BF6, 0x0001BFC, 0x0001C02,
    0x0001C3B, 0x0001C40, 0x0001C45, 0x0001C48, 0x0001CC1, 0x0001D2F, 0x0001D34, 0x0001E99,
    0x0001EC4, 0x0001ECB, 0x0001F01, 0x0001F28, 0x0001FAD, 0x0001FD0, 0x0001FDA, 0x0001FE8,
    0x0001FEF, 0x0001FF5, 0x0001FFA, 0x0002000, 0x0008003, 0x0008042, 0x00080A3, 0x00080C2,
    0x00080FD, 0x0008106, 0x0008151, 0x0008156, 0x000817F, 0x00081C2, 0x00081C4, 0x00081CB,
    0x00081D2, 0x00081FC, 0x0008202, 0x000823F, 0x0008240, 0x0008277, 0x0008282, 0x0008307,
    0x0008341, 0x0008376, 0x0008385, 0x000838A, 0x0008395, 0x00083C7, 0x0008402, 0x0008408,
    0x000840E, 0x000841C, 0x0008422, 0x0008428, 0x0008452, 0x0008454, 0x000845A, 0x0008460,
    0x000847A, 0x0008490, 0x0008496, 0x0008498, 0x000849E, 0x00084A0, 0x00084A6, 0x00084A8,
    0x00084EA, 0x00084F0, 0x0008502, 0x0008514, 0x000852A, 0x0008538, 0x000853E, 0x0008580,
    0x0008626, 0x0008633, 0x0008642, 0x000909F, 0x0009102, 0x000912F, 0x0009182, 0x000ADD3,
    0x000ADDA, 0x000AE5B, 0x000AE5E, 0x000B000, 0x000B802, 0x000B97B, 0x000BA00, 0x000C003,
    0x000C006, 0x000C014, 0x000C022, 0x000C084, 0x000C0A9, 0x000C0C2, 0x000C0C4, 0x000C0DA,
    0x000C0E0, 0x000C0F6, 0x000C100, 0x0038003, 0x003E400, 0x003F801, 0x003F842, 0x003F86B,
    0x003F881, 0x003F8C2, 0x003F8CD, 0x003F8D6, 0x003F935, 0x003F942, 0x003F94F, 0x003F952,
    0x003F99F, 0x003F9A2, 0x003F9B3, 0x003F9C2, 0x003F9C4, 0x003F9CA, 0x003F9CC, 0x003F9D2,
    0x003F9D7, 0x003F9DA, 0x003F9DC, 0x003F9E2, 0x003F9E4, 0x003F9EA, 0x003F9EC, 0x003F9F2,
    0x003F9F4, 0x003F9FA, 0x003F9FC, 0x003FBF7, 0x003FC06, 0x003FC41, 0x003FC6A, 0x003FC84,
    0x003FCEE, 0x003FCFD, 0x003FD02, 0x003FD04, 0x003FD6E, 0x003FD98, 0x003FE79, 0x003FE80,
    0x003FEFF, 0x003FF08, 0x003FF23, 0x003FF28, 0x003FF43, 0x003FF48, 0x003FF63, 0x003FF68,
    0x003FF77, 0x003FF82, 0x003FF9F, 0x003FFA2, 0x003FFBF, 0x003FFF2, 0x003FFFB, 0x0040000,
    0x007C002, 0x007C0B3, 0x007C0C2, 0x007C253, 0x007C282, 0x007C2BF, 0x007C2C6, 0x007C303,
    0x007C306, 0x007C343, 0x007C346, 0x007C3DB, 0x007C402, 0x007C6BB, 0x007C79A, 0x007C80F,
    0x007C842, 0x007C8F3, 0x007C902, 0x007C927, 0x007C942, 0x007C94B, 0x007C982, 0x007C99B,
    0x007CC02, 0x007DB63, 0x007DB76, 0x007DBB7, 0x007DBC2, 0x007DBF7, 0x007DC02, 0x007DDD3,
    0x007DE02, 0x007DF67, 0x007DF82, 0x007DFB3, 0x007DFC2, 0x007DFC7, 0x007E002, 0x007E033,
    0x007E042, 0x007E123, 0x007E142, 0x007E16B, 0x007E182, 0x007E223, 0x007E242, 0x007E2BB,
    0x007E2C2, 0x007E2CB, 0x007E402, 0x007E953, 0x007E982, 0x007E9BB, 0x007E9C2, 0x007E9D7,
    0x007E9E2, 0x007E9F7, 0x007EA02, 0x007EA1F, 0x007EA42, 0x007EAB7, 0x007EAC2, 0x007EAEF,
    0x007EB02, 0x007EB1B, 0x007EB42, 0x007EB6B, 0x007EB82, 0x007EBA3, 0x007EBC2, 0x007EBDF,
    0x007EC00, 0x0380003, 0x0380401, 0x03807C3, 0x0384000, 0x03C0003,
};

/* The class of a non-ASCII code point: the last table entry at or below
 * it, or a letter when it lies outside the tabulated blocks. */
static int cp_class(uint32_t cp)
{
    size_t lo = 0, hi = sizeof cp_classes / sizeof cp_classes[0];
    if (cp < (cp_classes[0] >> 2))
        return CP_START;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if ((cp_classes[mid] >> 2) <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return (int)(cp_classes[lo] & 3);
}

/* The first character of [s, e) that may not stand where it is in a name
 * (CPython's _PyUnicode_ScanIdentifier), or NULL.  [s, e) is valid UTF-8. */
static const uchar *bad_ident_char(const uchar *s, const uchar *e, uint32_t *cp, int *len)
{
    for (const uchar *p = s; p < e; p += *len) {
        int bad;
        const char *why;
        *len = utf8_decode(p, e, cp, &bad, &why);
        if (*cp < 0x80)
            continue; /* ASCII letters, digits and '_' (digits never lead) */
        int k = cp_class(*cp);
        if (k == CP_START || (k == CP_CONTINUE && p > s))
            continue;
        return p;
    }
    return NULL;
}

/* A name with non-ASCII bytes: s is its start, p the first byte not yet
 * taken.  CPython takes every byte >= 0x80, then decodes and checks. */
static int nonascii_name(scan *S, const uchar *s, const uchar *p)
{
    mpy_lexer *lx = S->lx;
    char msg[sizeof lx->err_buf];
    uint32_t cp;
    int len;
    while (is_ident_byte(*p))
        p++;
    if (must_wait(S, p))
        return more(S);
    if (!utf8_check(s, p, msg, sizeof msg))
        return fail(S, lx->line, col_at(S, p) - 1, false, "%s", msg);
    const uchar *bad = bad_ident_char(s, p, &cp, &len);
    if (!bad)
        return emit(S, TOK_NAME, s, p);
    if (cp_class(cp) == CP_NONPRINTABLE)
        return fail(S, lx->line, col_at(S, bad), false, "invalid non-printable character U+%04X",
                    (unsigned)cp);
    return fail(S, lx->line, col_at(S, bad), false, "invalid character '%.*s' (U+%04X)", len,
                (const char *)bad, (unsigned)cp);
}

/* A keyword or ASCII name that re2c matched; it may go on with non-ASCII. */
static int name(scan *S, int kind, const uchar *s, const uchar *p)
{
    if (*p >= 0x80)
        return nonascii_name(S, s, p);
    return token(S, kind, s, p);
}

/* --- numbers ------------------------------------------------------------ */

/* Numbers follow CPython's tokenizer step by step, so that each error and
 * its position comes out the same: q plays tok->cur, nextc reads one byte
 * (the sentinel ends every loop) and backup un-reads it. */
typedef struct numscan {
    scan *S;
    const uchar *start, *q;
    bool saw_end; /* looked at the end of the buffer */
} numscan;

static int nextc(numscan *n)
{
    n->saw_end |= n->q == n->S->end;
    return *n->q++;
}

static void backup(numscan *n)
{
    n->q--;
}

/* CPython reports number errors at the byte before tok->cur.  An error
 * found at the end of a buffer that more input follows may go away ("0x"
 * before "1f"). */
static int num_error(numscan *n, const char *msg)
{
    if (n->saw_end && !n->S->at_eof)
        return more(n->S);
    return fail_msg(n->S, MPY_LEXERR_SYNTAX, n->S->lx->line, col_at(n->S, n->q) - 1, false, msg);
}

static int bad_digit(numscan *n, int c, const char *what)
{
    if (n->saw_end && !n->S->at_eof)
        return more(n->S);
    return fail(n->S, n->S->lx->line, col_at(n->S, n->q) - 1, false,
                "invalid digit '%c' in %s literal", c, what);
}

static int num_token(numscan *n, int kind)
{
    if (n->saw_end && !n->S->at_eof)
        return more(n->S); /* "1an" could become "1and" */
    return token(n->S, kind, n->start, n->q);
}

/* Digits with single underscores between them, after a first digit;
 * returns the byte that ends them, or (negative) MORE or ERROR. */
static int decimal_tail(numscan *n)
{
    for (;;) {
        int c;
        do
            c = nextc(n);
        while (is_digit(c));
        if (c != '_')
            return c;
        c = nextc(n);
        if (!is_digit(c)) {
            backup(n);
            return num_error(n, "invalid decimal literal");
        }
    }
}

/* Whether the text after q is `t` and then not a name character. */
static bool lookahead(numscan *n, const char *t)
{
    const uchar *p = n->q;
    while (*t && *p == (uchar)*t)
        p++, t++;
    n->saw_end |= p == n->S->end;
    return *t == '\0' && !is_ident_byte(*p);
}

/* c ended a number.  A letter right after a number is an error, except
 * the start of a keyword that may follow a number in valid code ("1if x
 * else y": CPython only warns).  Returns 0, or MORE or ERROR with `bad`,
 * the "invalid ... literal" message. */
static int verify_end(numscan *n, int c, const char *bad)
{
    bool keyword;
    switch (c) {
    case 'a': keyword = lookahead(n, "nd"); break;
    case 'e': keyword = lookahead(n, "lse"); break;
    case 'f': keyword = lookahead(n, "or"); break;
    case 'i':
        n->saw_end |= n->q == n->S->end;
        keyword = *n->q == 'f' || *n->q == 'n' || *n->q == 's';
        break;
    case 'n': keyword = lookahead(n, "ot"); break;
    case 'o': keyword = lookahead(n, "r"); break;
    default: keyword = false;
    }
    if (keyword || c >= 0x80 || !is_ident_byte(c))
        return 0;
    backup(n);
    return num_error(n, bad);
}

static bool in_radix(int c, int radix)
{
    if (radix == 16)
        return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    return c >= '0' && c < '0' + radix;
}

/* 0x, 0o, 0b literals, after the prefix. */
static int radix_literal(numscan *n, int radix)
{
    const char *what = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
    const char *bad = radix == 16  ? "invalid hexadecimal literal"
                      : radix == 8 ? "invalid octal literal"
                                   : "invalid binary literal";
    int c = nextc(n);
    do {
        if (c == '_')
            c = nextc(n);
        if (!in_radix(c, radix)) {
            if (radix != 16 && is_digit(c))
                return bad_digit(n, c, what);
            backup(n);
            return num_error(n, bad);
        }
        do
            c = nextc(n);
        while (in_radix(c, radix));
    } while (c == '_');
    if (radix != 16 && is_digit(c))
        return bad_digit(n, c, what);
    int k = verify_end(n, c, bad);
    if (k)
        return k;
    backup(n);
    return num_token(n, TOK_NUMBER);
}

/* c ended the mantissa: an optional 'j' makes it imaginary. */
static int imaginary(numscan *n, int c)
{
    int k, kind = TOK_NUMBER;
    if (c == 'j' || c == 'J') {
        c = nextc(n);
        kind = TOK_IMAGNUMBER;
    }
    if ((k = verify_end(n, c,
                        kind == TOK_NUMBER ? "invalid decimal literal" : "invalid imaginary literal")))
        return k;
    backup(n);
    return num_token(n, kind);
}

/* c ended the digits: maybe an exponent.  "1e" without digits is the number
 * 1 followed by a name only if that name is "else". */
static int exponent(numscan *n, int c)
{
    if (c == 'e' || c == 'E') {
        int e = c;
        c = nextc(n);
        if (c == '+' || c == '-') {
            c = nextc(n);
            if (!is_digit(c)) {
                backup(n);
                return num_error(n, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            backup(n);
            int k = verify_end(n, e, "invalid decimal literal");
            if (k)
                return k;
            backup(n);
            return num_token(n, TOK_NUMBER);
        }
        if ((c = decimal_tail(n)) < 0)
            return c;
    }
    return imaginary(n, c);
}

/* c is the byte after the '.'. */
static int fraction(numscan *n, int c)
{
    if (is_digit(c) && (c = decimal_tail(n)) < 0)
        return c;
    return exponent(n, c);
}

/* After a leading 0 that is not a radix prefix: more zeros are fine, other
 * digits only in a float or imaginary literal ("09.5", "07j"). */
static int zero_decimal(numscan *n, int c)
{
    bool nonzero = false;
    for (;;) {
        if (c == '_') {
            c = nextc(n);
            if (!is_digit(c)) {
                backup(n);
                return num_error(n, "invalid decimal literal");
            }
        }
        if (c != '0')
            break;
        c = nextc(n);
    }
    if (is_digit(c)) {
        nonzero = true;
        if ((c = decimal_tail(n)) < 0)
            return c;
    }
    if (c == '.')
        return fraction(n, nextc(n));
    if (c == 'e' || c == 'E')
        return exponent(n, c);
    if (c == 'j' || c == 'J')
        return imaginary(n, c);
    if (nonzero) {
        backup(n);
        if (n->saw_end && !n->S->at_eof)
            return more(n->S);
        return fail_msg(n->S, MPY_LEXERR_SYNTAX, n->S->lx->line, col_at(n->S, n->start), false,
                        "leading zeros in decimal integer literals are not permitted; "
                        "use an 0o prefix for octal integers");
    }
    int k = verify_end(n, c, "invalid decimal literal");
    if (k)
        return k;
    backup(n);
    return num_token(n, TOK_NUMBER);
}

/* A number starting at s with a digit, or with '.' and a digit. */
static int number(scan *S, const uchar *s)
{
    numscan n = {S, s, s, false};
    int c = nextc(&n);
    if (c == '.')
        return fraction(&n, nextc(&n));
    if (c != '0') {
        if ((c = decimal_tail(&n)) < 0)
            return c;
        return c == '.' ? fraction(&n, nextc(&n)) : exponent(&n, c);
    }
    c = nextc(&n);
    switch (c) {
    case 'x': case 'X': return radix_literal(&n, 16);
    case 'o': case 'O': return radix_literal(&n, 8);
    case 'b': case 'B': return radix_literal(&n, 2);
    default: return zero_decimal(&n, c);
    }
}

/* --- strings ------------------------------------------------------------ */

/* Bytes that end a run of plain string content. */
static const uchar str_stop[256] = {
    [0] = 1, ['\n'] = 1, ['\r'] = 1, ['\''] = 1, ['"'] = 1, ['\\'] = 1,
};

/* What the string starting at lx->str_start looks like; re-derived from
 * the buffer on every call rather than kept in the struct. */
typedef struct strinfo {
    const uchar *start, *body;
    int quote;
    bool triple, bytes;
} strinfo;

static strinfo string_info(const scan *S)
{
    strinfo si = {S->base + S->lx->str_start, NULL, 0, false, false};
    const uchar *q = si.start;
    for (; *q != '\'' && *q != '"'; q++)
        si.bytes |= *q == 'b' || *q == 'B';
    si.quote = *q;
    si.triple = q[1] == *q && q[2] == *q; /* "" alone never gets here */
    si.body = q + (si.triple ? 3 : 1);
    return si;
}

static int unterminated(scan *S, const strinfo *si, int detected, bool at_eof)
{
    mpy_lexer *lx = S->lx;
    lx->in_string = false;
    if (si->triple)
        return fail(S, lx->str_line, lx->str_col, at_eof,
                    "unterminated triple-quoted string literal (detected at line %d)", detected);
    return fail(S, lx->str_line, lx->str_col, at_eof,
                "unterminated string literal (detected at line %d)", detected);
}

/* The buffer ended inside a string.  escaped: right after a backslash. */
static int string_eof(scan *S, const strinfo *si, bool escaped)
{
    mpy_lexer *lx = S->lx;
    if (!S->at_eof) {
        size_t body = offset(S, si->body);
        lx->in_string = true;
        lx->str_scanned = lx->line_start > body ? lx->line_start : body;
        return more(S);
    }
    /* CPython counts the line it stopped on; after a final newline that is
     * the line before. */
    int detected = lx->line_start == src_len(S) && lx->line > 1 ? lx->line - 1 : lx->line;
    if (!si->triple && implied_newline(S) && !escaped)
        return unterminated(S, si, detected, false); /* the implied newline ends it */
    return unterminated(S, si, detected, true);
}

/* The string is complete at p: check the text of str literals decodes. */
static int string_done(scan *S, const strinfo *si, const uchar *p, unsigned acc)
{
    mpy_lexer *lx = S->lx;
    char msg[sizeof lx->err_buf];
    lx->in_string = false;
    if ((acc & 0x80) && !si->bytes &&
        !utf8_check(si->body, p - (si->triple ? 3 : 1), msg, sizeof msg))
        return fail(S, lx->line, col_at(S, p), false, "%s", msg);
    return emit_from(S, TOK_STRING, si->start, lx->str_line, lx->str_col, p);
}

static void string_newline(scan *S, const uchar *p)
{
    S->lx->line++;
    S->lx->line_start = offset(S, p);
}

/* Scans string content from p to the closing quotes.  A backslash always
 * takes the next byte (also in raw strings: r"\"" is one string), so the
 * lexer never needs to know what an escape means.  acc collects the bytes
 * seen, to skip UTF-8 checks of ASCII strings. */
static int string_body(scan *S, const uchar *p, unsigned acc)
{
    strinfo si = string_info(S);
    for (;;) {
        while (!str_stop[*p])
            acc |= *p++;
        int c = *p, n;
        if (c == si.quote) {
            p++;
            if (!si.triple)
                return string_done(S, &si, p, acc);
            if (p[0] == c && p[1] == c)
                return string_done(S, &si, p + 2, acc);
        } else if (c == '\'' || c == '"') {
            p++;
        } else if (c == '\\') {
            p++;
            if (split_crlf(S, p))
                return string_eof(S, &si, true);
            if ((n = newline_len(p)) > 0) {
                p += n;
                string_newline(S, p);
            } else if (*p) {
                acc |= *p++;
            } else if (p == S->end) {
                return string_eof(S, &si, true);
            } else {
                return null_byte(S, p);
            }
        } else if (c != '\0') {
            if (split_crlf(S, p))
                return string_eof(S, &si, false);
            if (!si.triple)
                return unterminated(S, &si, S->lx->line, false);
            p += newline_len(p);
            string_newline(S, p);
        } else if (p == S->end) {
            return string_eof(S, &si, false);
        } else {
            return null_byte(S, p);
        }
    }
}

/* A string literal: s is its start (the prefix), q its opening quote. */
static int string(scan *S, const uchar *s, const uchar *q)
{
    mpy_lexer *lx = S->lx;
    const uchar *body = q + 1;
    if (!S->at_eof && (body == S->end || (*body == *q && body + 1 == S->end)))
        return more(S); /* `"` or `""` could still become `"""` */
    if (*body == *q && body[1] != *q)
        return emit(S, TOK_STRING, s, body + 1); /* the empty string */
    lx->str_start = offset(S, s);
    lx->str_line = lx->line;
    lx->str_col = col_at(S, s);
    return string_body(S, string_info(S).body, 0);
}

/* --- layout ------------------------------------------------------------- */

static int tab_error(scan *S)
{
    return fail_msg(S, MPY_LEXERR_TAB, S->lx->line, 0, false,
                    "inconsistent use of tabs and spaces in indentation");
}

/* CPython reports a bad dedent at the end of the line (at its newline,
 * which exec input implies). */
static int bad_dedent(scan *S)
{
    const uchar *p = S->base + S->lx->cur;
    p += strcspn((const char *)p, "\r\n");
    if (must_wait(S, p))
        return more(S); /* where the line ends is not known yet */
    int col = col_at(S, p);
    if (*p == '\0' && !S->lx->exec_input)
        col--;
    return fail_msg(S, MPY_LEXERR_INDENTATION, S->lx->line, col, false,
                    "unindent does not match any outer indentation level");
}

/* Compares a line's indentation with the stack and queues INDENT/DEDENTs.
 * col counts tabs to multiples of 8, altcol counts them as 1: both must
 * agree on the order, or the meaning would depend on the tab size. */
static int set_indent(scan *S, int col, int altcol)
{
    mpy_lexer *lx = S->lx;
    if (col == lx->indstack[lx->indent]) {
        if (altcol != lx->altstack[lx->indent])
            return tab_error(S);
    } else if (col > lx->indstack[lx->indent]) {
        if (lx->indent + 1 >= MPY_LEX_MAX_INDENT)
            return fail_msg(S, MPY_LEXERR_INDENTATION, lx->line, 0, false,
                            "too many levels of indentation");
        if (altcol <= lx->altstack[lx->indent])
            return tab_error(S);
        lx->pending++;
        lx->indent++;
        lx->indstack[lx->indent] = col;
        lx->altstack[lx->indent] = altcol;
    } else {
        int i = lx->indent;
        while (i > 0 && col < lx->indstack[i])
            i--;
        if (col != lx->indstack[i])
            return bad_dedent(S);
        if (altcol != lx->altstack[i])
            return tab_error(S);
        lx->pending -= lx->indent - i;
        lx->indent = i;
    }
    return GO_ON;
}

/* A backslash outside strings at *pp.  CPython wants a newline right after
 * it and then more input.  On GO_ON *pp is after the newline and *line,
 * *line_start are advanced; the caller commits them. */
static int continuation(scan *S, const uchar **pp, int *line, size_t *line_start)
{
    const uchar *bs = *pp, *p = bs + 1;
    int col = (int)(offset(S, bs) - *line_start);
    int n = newline_len(p);
    if (split_crlf(S, p))
        return more(S);
    if (n == 0 && p < S->end)
        return *p ? fail_msg(S, MPY_LEXERR_SYNTAX, *line, col + 1, false,
                             "unexpected character after line continuation character")
                  : null_byte(S, p);
    if (n == 0) { /* the backslash is the last byte */
        if (!S->at_eof)
            return more(S);
        /* Without an implied newline CPython sees the end where the newline
         * should be.  A newline and a line would repair it (codeop's second
         * try, with "\n" added, says "incomplete"), hence at_eof. */
        if (!S->lx->exec_input)
            return fail_msg(S, MPY_LEXERR_SYNTAX, *line, col, true,
                            "unexpected character after line continuation character");
    }
    p += n;
    if (p == S->end && S->at_eof) {
        if (S->lx->level)
            return unclosed(S);
        return fail_msg(S, MPY_LEXERR_SYNTAX, *line, col + 1, true,
                        "unexpected EOF while parsing");
    }
    (*line)++;
    *line_start = offset(S, p);
    *pp = p;
    return GO_ON;
}

/* A blank or comment-only line at p: it produces nothing and does not
 * count for indentation. */
static int blank_line(scan *S, const uchar *p, int line, size_t line_start)
{
    mpy_lexer *lx = S->lx;
    if (*p == '#')
        p += strcspn((const char *)p, "\r\n");
    int n = newline_len(p);
    if (n == 0 && p < S->end)
        return null_byte(S, p);
    if ((n == 0 && !S->at_eof) || split_crlf(S, p))
        return more(S);
    if (n == 0 && !lx->exec_input) {
        /* A comment on the last line: CPython goes straight to the end,
         * without looking at its indentation. */
        lx->cur = offset(S, p);
        lx->line = line;
        lx->line_start = line_start;
        lx->at_bol = false;
        return GO_ON;
    }
    lx->cur = offset(S, p + n);
    lx->line = line + 1;
    lx->line_start = lx->cur;
    return BLANK;
}

/* Measures the indentation of the line at lx->cur.  Lines may be joined
 * with backslashes inside the indentation; then the column of the first
 * backslash counts (CPython's cont_line_col). */
static int measure_line(scan *S)
{
    mpy_lexer *lx = S->lx;
    const uchar *p = S->base + lx->cur;
    int line = lx->line, col = 0, altcol = 0, contcol = 0;
    size_t line_start = lx->line_start;
    for (;;) {
        if (*p == ' ') {
            col++, altcol++, p++;
        } else if (*p == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE, altcol++, p++;
        } else if (*p == '\f') {
            col = altcol = 0, p++; /* form feed resets, for Emacs users */
        } else if (*p == '\\') {
            contcol = contcol ? contcol : col;
            int k = continuation(S, &p, &line, &line_start);
            if (k != GO_ON)
                return k;
        } else {
            break;
        }
    }
    if (*p == '#' || *p == '\n' || *p == '\r')
        return blank_line(S, p, line, line_start);
    if (*p == '\0') {
        if (p < S->end)
            return null_byte(S, p);
        if (!S->at_eof)
            return more(S); /* the line's text is not here yet */
        if (lx->exec_input && offset(S, p) > line_start)
            return blank_line(S, p, line, line_start); /* whitespace, then the implied newline */
    }
    size_t old_cur = lx->cur, old_line_start = lx->line_start;
    int old_line = lx->line;
    lx->cur = offset(S, p);
    lx->line = line;
    lx->line_start = line_start;
    lx->at_bol = false;
    if (contcol)
        col = altcol = contcol;
    int k = set_indent(S, col, altcol);
    if (k == MPY_LEX_MORE) { /* measure again with the rest of the line */
        lx->cur = old_cur;
        lx->line = old_line;
        lx->line_start = old_line_start;
        lx->at_bol = true;
    }
    return k;
}

static int indentation(scan *S)
{
    int k;
    while ((k = measure_line(S)) == BLANK)
        ;
    return k;
}

/* Queued INDENT (spanning the indentation) or DEDENT (empty, at the
 * line's first token), as Python's tokenize module reports them. */
static int pending_token(scan *S)
{
    mpy_lexer *lx = S->lx;
    const uchar *p = S->base + lx->cur;
    if (lx->pending > 0) {
        lx->pending--;
        return emit_from(S, TOK_INDENT, S->base + lx->line_start, lx->line, 0, p);
    }
    lx->pending++;
    return emit(S, TOK_DEDENT, p, p);
}

/* A newline outside strings: NEWLINE at bracket level 0, else nothing. */
static int newline(scan *S, const uchar *s, const uchar *p)
{
    mpy_lexer *lx = S->lx;
    if (*s == '\r' && must_wait(S, p))
        return more(S); /* could be half of "\r\n" */
    int col = col_at(S, s);
    lx->line++;
    lx->line_start = lx->cur = offset(S, p);
    if (lx->level)
        return GO_ON;
    set_tok(S, TOK_NEWLINE, offset(S, s), lx->line - 1, col, lx->cur, lx->line - 1,
            col + (int)(p - s));
    lx->at_bol = true;
    lx->cont_line = false;
    lx->last_kind = TOK_NEWLINE;
    return TOK_NEWLINE;
}

static int endmarker(scan *S)
{
    mpy_lexer *lx = S->lx;
    size_t len = src_len(S);
    int col = (int)(len - lx->line_start);
    lx->eof_done = true;
    lx->cur = len;
    lx->last_kind = TOK_ENDMARKER;
    set_tok(S, TOK_ENDMARKER, len, lx->line, col, len, lx->line, col);
    return TOK_ENDMARKER;
}

static size_t first_line_start(const scan *S)
{
    return src_len(S) >= 3 && memcmp(S->base, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* The input ended right after a backslash continuation that an earlier
 * call consumed: CPython reports it just after the backslash. */
static int eof_after_backslash(scan *S)
{
    mpy_lexer *lx = S->lx;
    size_t nl = lx->line_start - 1; /* the newline's first byte */
    if (nl > 0 && S->base[nl] == '\n' && S->base[nl - 1] == '\r')
        nl--;
    size_t start = nl - 1; /* back from the backslash to its line's start */
    while (start > 0 && S->base[start - 1] != '\n' && S->base[start - 1] != '\r')
        start--;
    if (lx->line == 2)
        start = first_line_start(S);
    return fail_msg(S, MPY_LEXERR_SYNTAX, lx->line - 1, (int)(nl - start), true,
                    "unexpected EOF while parsing");
}

/* The sentinel (or an embedded NUL) at s, outside strings. */
static int end_of_buffer(scan *S, const uchar *s)
{
    mpy_lexer *lx = S->lx;
    if (s < S->end)
        return null_byte(S, s);
    if (!S->at_eof)
        return more(S);
    if (lx->level)
        return unclosed(S);
    if (lx->cont_line && offset(S, s) == lx->line_start)
        return eof_after_backslash(S);
    if (!implied_newline(S))
        return endmarker(S);
    /* Exec input: the missing final newline, an empty token where it would
     * be.  The next call sees the start of an empty line. */
    int col = col_at(S, s);
    set_tok(S, TOK_NEWLINE, offset(S, s), lx->line, col, offset(S, s), lx->line, col + 1);
    lx->line++;
    lx->line_start = lx->cur = offset(S, s);
    lx->at_bol = true;
    lx->cont_line = false;
    lx->last_kind = TOK_NEWLINE;
    return TOK_NEWLINE;
}

static int open_bracket(scan *S, int kind, const uchar *s, const uchar *p)
{
    mpy_lexer *lx = S->lx;
    if (lx->level >= MPY_LEX_MAX_LEVEL)
        return fail_msg(S, MPY_LEXERR_SYNTAX, lx->line, col_at(S, s), false,
                        "too many nested parentheses");
    lx->paren[lx->level] = (char)*s;
    lx->paren_line[lx->level] = lx->line;
    lx->paren_col[lx->level] = col_at(S, s);
    lx->level++;
    return emit(S, kind, s, p);
}

static int close_bracket(scan *S, int kind, const uchar *s, const uchar *p)
{
    mpy_lexer *lx = S->lx;
    int col = col_at(S, s);
    if (lx->level == 0)
        return fail(S, lx->line, col, false, "unmatched '%c'", *s);
    char open = lx->paren[lx->level - 1];
    int open_line = lx->paren_line[lx->level - 1];
    if (*s != (open == '(' ? ')' : open == '[' ? ']' : '}')) {
        if (open_line != lx->line)
            return fail(S, lx->line, col, false,
                        "closing parenthesis '%c' does not match opening parenthesis '%c' "
                        "on line %d",
                        *s, open, open_line);
        return fail(S, lx->line, col, false,
                    "closing parenthesis '%c' does not match opening parenthesis '%c'", *s, open);
    }
    lx->level--;
    return emit(S, kind, s, p);
}

/* An ASCII byte that starts no token.  CPython hands printable ones ('$',
 * '?', '`') to its parser, which fails on them; Bison's "invalid token" does
 * the same here, so that a tokenizer error later in the input still wins
 * over that "invalid syntax", as in CPython. */
static int bad_char(scan *S, const uchar *s)
{
    if (*s == '$' || *s == '?' || *s == '`')
        return emit(S, TOK_MPY_YYUNDEF, s, s + 1);
    return fail(S, S->lx->line, col_at(S, s), false, "invalid non-printable character U+%04X",
                *s);
}

/* A backslash continuation between tokens. */
static int joined_line(scan *S, const uchar **pp)
{
    mpy_lexer *lx = S->lx;
    int line = lx->line;
    size_t line_start = lx->line_start;
    int k = continuation(S, pp, &line, &line_start);
    if (k != GO_ON)
        return k;
    lx->line = line;
    lx->line_start = line_start;
    lx->cur = offset(S, *pp);
    lx->cont_line = true;
    return GO_ON;
}

/* --- the token scanner -------------------------------------------------- */

/*!re2c
    re2c:define:YYCTYPE = "uchar";
    re2c:define:YYCURSOR = p;
    re2c:define:YYMARKER = m;
    re2c:yyfill:enable = 0;
    re2c:sentinel = 0;

    strprefix = [rRuUbBfF] | [bB][rR] | [rR][bB] | [fF][rR] | [rR][fF];
*/

/* The next token from lx->cur, past spaces, comments and (inside
 * brackets) newlines. */
static int scan_token(scan *S)
{
    mpy_lexer *lx = S->lx;
    const uchar *p = S->base + lx->cur, *s, *m;
    int kind, k;
again:
    s = p;
    /*!local:re2c
        [ \t\f]+ { goto again; }
        "#"      { p += strcspn((const char *)p, "\r\n"); goto again; }
        "\n" | "\r\n" | "\r" {
            if ((k = newline(S, s, p)) != GO_ON)
                return k;
            goto again;
        }
        "\\" {
            p = s;
            if ((k = joined_line(S, &p)) != GO_ON)
                return k;
            goto again;
        }
        "\x00" { return end_of_buffer(S, s); }

        "False"    { kind = TOK_FALSE; goto name; }
        "None"     { kind = TOK_NONE; goto name; }
        "True"     { kind = TOK_TRUE; goto name; }
        "and"      { kind = TOK_AND; goto name; }
        "as"       { kind = TOK_AS; goto name; }
        "assert"   { kind = TOK_ASSERT; goto name; }
        "async"    { kind = TOK_ASYNC; goto name; }
        "await"    { kind = TOK_AWAIT; goto name; }
        "break"    { kind = TOK_BREAK; goto name; }
        "class"    { kind = TOK_CLASS; goto name; }
        "continue" { kind = TOK_CONTINUE; goto name; }
        "def"      { kind = TOK_DEF; goto name; }
        "del"      { kind = TOK_DEL; goto name; }
        "elif"     { kind = TOK_ELIF; goto name; }
        "else"     { kind = TOK_ELSE; goto name; }
        "except"   { kind = TOK_EXCEPT; goto name; }
        "finally"  { kind = TOK_FINALLY; goto name; }
        "for"      { kind = TOK_FOR; goto name; }
        "from"     { kind = TOK_FROM; goto name; }
        "global"   { kind = TOK_GLOBAL; goto name; }
        "if"       { kind = TOK_IF; goto name; }
        "import"   { kind = TOK_IMPORT; goto name; }
        "in"       { kind = TOK_IN; goto name; }
        "is"       { kind = TOK_IS; goto name; }
        "lambda"   { kind = TOK_LAMBDA; goto name; }
        "nonlocal" { kind = TOK_NONLOCAL; goto name; }
        "not"      { kind = TOK_NOT; goto name; }
        "or"       { kind = TOK_OR; goto name; }
        "pass"     { kind = TOK_PASS; goto name; }
        "raise"    { kind = TOK_RAISE; goto name; }
        "return"   { kind = TOK_RETURN; goto name; }
        "try"      { kind = TOK_TRY; goto name; }
        "while"    { kind = TOK_WHILE; goto name; }
        "with"     { kind = TOK_WITH; goto name; }
        "yield"    { kind = TOK_YIELD; goto name; }
        [a-zA-Z_][a-zA-Z0-9_]* { kind = TOK_NAME; goto name; }

        strprefix? ['"]       { return string(S, s, p - 1); }
        [0-9] | "." [0-9]     { return number(S, s); }

        "(" { return open_bracket(S, TOK_LPAR, s, p); }
        "[" { return open_bracket(S, TOK_LSQB, s, p); }
        "{" { return open_bracket(S, TOK_LBRACE, s, p); }
        ")" { return close_bracket(S, TOK_RPAR, s, p); }
        "]" { return close_bracket(S, TOK_RSQB, s, p); }
        "}" { return close_bracket(S, TOK_RBRACE, s, p); }

        ":"   { kind = TOK_COLON; goto op; }
        ":="  { kind = TOK_COLONEQUAL; goto op; }
        ","   { kind = TOK_COMMA; goto op; }
        ";"   { kind = TOK_SEMI; goto op; }
        "."   { kind = TOK_DOT; goto op; }
        "..." { kind = TOK_ELLIPSIS; goto op; }
        "+"   { kind = TOK_PLUS; goto op; }
        "+="  { kind = TOK_PLUSEQUAL; goto op; }
        "-"   { kind = TOK_MINUS; goto op; }
        "-="  { kind = TOK_MINEQUAL; goto op; }
        "->"  { kind = TOK_RARROW; goto op; }
        "*"   { kind = TOK_STAR; goto op; }
        "*="  { kind = TOK_STAREQUAL; goto op; }
        "**"  { kind = TOK_DOUBLESTAR; goto op; }
        "**=" { kind = TOK_DOUBLESTAREQUAL; goto op; }
        "/"   { kind = TOK_SLASH; goto op; }
        "/="  { kind = TOK_SLASHEQUAL; goto op; }
        "//"  { kind = TOK_DOUBLESLASH; goto op; }
        "//=" { kind = TOK_DOUBLESLASHEQUAL; goto op; }
        "%"   { kind = TOK_PERCENT; goto op; }
        "%="  { kind = TOK_PERCENTEQUAL; goto op; }
        "@"   { kind = TOK_AT; goto op; }
        "@="  { kind = TOK_ATEQUAL; goto op; }
        "&"   { kind = TOK_AMPER; goto op; }
        "&="  { kind = TOK_AMPEREQUAL; goto op; }
        "|"   { kind = TOK_VBAR; goto op; }
        "|="  { kind = TOK_VBAREQUAL; goto op; }
        "^"   { kind = TOK_CIRCUMFLEX; goto op; }
        "^="  { kind = TOK_CIRCUMFLEXEQUAL; goto op; }
        "~"   { kind = TOK_TILDE; goto op; }
        "<"   { kind = TOK_LESS; goto op; }
        "<="  { kind = TOK_LESSEQUAL; goto op; }
        "<<"  { kind = TOK_LEFTSHIFT; goto op; }
        "<<=" { kind = TOK_LEFTSHIFTEQUAL; goto op; }
        ">"   { kind = TOK_GREATER; goto op; }
        ">="  { kind = TOK_GREATEREQUAL; goto op; }
        ">>"  { kind = TOK_RIGHTSHIFT; goto op; }
        ">>=" { kind = TOK_RIGHTSHIFTEQUAL; goto op; }
        "="   { kind = TOK_EQUAL; goto op; }
        "=="  { kind = TOK_EQEQUAL; goto op; }
        "!"   { kind = TOK_EXCLAMATION; goto op; }
        "!="  { kind = TOK_NOTEQUAL; goto op; }
        /* CPython's NOTEQUAL, which its parser rejects (no barry_as_FLUFL) */
        "<>"  { kind = TOK_MPY_YYUNDEF; goto op; }

        * {
            if (*s >= 0x80)
                return nonascii_name(S, s, s);
            return bad_char(S, s);
        }
    */
name:
    return name(S, kind, s, p);
op:
    return near_end(S, p) ? more(S) : emit(S, kind, s, p);
}

/* --- entry points ----------------------------------------------------- */

void mpy_lexer_init(mpy_lexer *lx, bool exec_input)
{
    memset(lx, 0, sizeof *lx);
    lx->exec_input = exec_input;
    lx->line = 1;
    lx->at_bol = true;
    lx->last_kind = MPY_LEX_MORE;
}

/* A UTF-8 byte order mark at the very start is dropped, as CPython does:
 * columns count from after it. */
static void skip_bom(scan *S)
{
    mpy_lexer *lx = S->lx;
    if (lx->cur == 0 && lx->line == 1)
        lx->cur = lx->line_start = first_line_start(S);
}

/* Whether the buffer so far could be the start of a byte order mark. */
static bool bom_pending(const scan *S)
{
    size_t n = src_len(S);
    return S->lx->cur == 0 && S->lx->line == 1 && !S->at_eof && n > 0 && n < 3 &&
           memcmp(S->base, "\xEF\xBB\xBF", n) == 0;
}

int mpy_lexer_next(mpy_lexer *lx, const char *src, size_t len, bool at_eof, mpy_token *tok)
{
    scan S = {lx, (const uchar *)src, (const uchar *)src + len, at_eof, tok};
    if (lx->err_msg) { /* errors are final */
        set_tok(&S, MPY_LEX_ERROR, lx->cur, lx->err_line, lx->err_col, lx->cur, lx->err_line,
                lx->err_col);
        return MPY_LEX_ERROR;
    }
    if (bom_pending(&S))
        return more(&S);
    skip_bom(&S);
    if (lx->eof_done)
        return endmarker(&S);
    if (lx->pending)
        return pending_token(&S);
    if (lx->in_string)
        return string_body(&S, S.base + lx->str_scanned, 0x80);
    if (lx->at_bol) {
        int k = indentation(&S);
        if (k != GO_ON)
            return k;
        if (lx->pending)
            return pending_token(&S);
    }
    return scan_token(&S);
}
