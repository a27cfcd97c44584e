/* Tests of lexer/lexer.re.
 *
 * tokens.txt (written by tests/gen_tokens.py from CPython 3.11) is replayed
 * three ways: lexed in one call; fed line by line as the console does, with
 * the buffer moved between calls; and, at every line, a struct copy of the
 * lexer is run to the end of the text so far and must agree with lexing that
 * text in one call (the driver's verdict snapshots).  Hand-written tests
 * cover what the table cannot: single/eval end-of-input rules, resuming
 * inside long strings, MORE, repeated ENDMARKER and errors.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "grammar.h"
#include "lexer.h"

#define TOKENS_FILE "tests/lexer/tokens.txt"
#define MAX_REPORTS 20

/* --- a growing string --------------------------------------------------- */

typedef struct text {
    char *s;
    size_t n, cap;
} text;

__attribute__((format(printf, 2, 3))) static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (t->n + (size_t)need + 1 > t->cap) {
        t->cap = (t->n + (size_t)need + 1) * 2;
        t->s = realloc(t->s, t->cap);
        ck_assert_ptr_nonnull(t->s);
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->n, t->cap - t->n, fmt, ap);
    va_end(ap);
    t->n += (size_t)need;
}

static const char *str(const text *t)
{
    return t->s ? t->s : "";
}

/* src[0..len) in a fresh buffer with the NUL sentinel: every call of the
 * incremental tests sees the text at a new address, as when the driver
 * grows its buffer. */
static char *copy(const char *src, size_t len)
{
    char *b = malloc(len + 1);
    ck_assert_ptr_nonnull(b);
    memcpy(b, src, len);
    b[len] = '\0';
    return b;
}

/* --- running the lexer ---------------------------------------------------- */

static const char *class_name(mpy_lexerr_kind k)
{
    return k == MPY_LEXERR_TAB ? "TabError"
           : k == MPY_LEXERR_INDENTATION ? "IndentationError"
                                         : "SyntaxError";
}

static void put_error(text *out, const mpy_lexer *lx)
{
    put(out, "%serror: %s: %s pos: %d:%d eof: %d", out->n ? " " : "", class_name(lx->err_kind),
        lx->err_msg, lx->err_line, lx->err_col, lx->err_at_eof);
}

/* Calls the lexer until it ends, fails or wants more, writing each token
 * as in tokens.txt.  Returns the last result. */
static int drain(mpy_lexer *lx, const char *src, size_t len, bool at_eof, text *out)
{
    for (int guard = 0; guard < 1000000; guard++) {
        mpy_token t;
        int k = mpy_lexer_next(lx, src, len, at_eof, &t);
        ck_assert_int_eq(k, t.kind);
        if (k == MPY_LEX_MORE) {
            if (at_eof)
                put(out, " MORE-AT-EOF");
            return k;
        }
        if (k == MPY_LEX_ERROR) {
            put_error(out, lx);
            return k;
        }
        put(out, "%s%s@%d:%d-%d:%d", out->n ? " " : "", mpy_token_name(k), t.line, t.col,
            t.end_line, t.end_col);
        if (k == TOK_ENDMARKER)
            return k;
    }
    ck_abort_msg("the lexer does not stop");
    return MPY_LEX_ERROR;
}

static void lex_once(const char *src, size_t len, bool exec, text *out)
{
    mpy_lexer lx;
    mpy_lexer_init(&lx, exec);
    char *b = copy(src, len);
    drain(&lx, b, len, true, out);
    free(b);
}

/* The expected result of a case, in drain's format. */
static void expected(const mpy_case *c, text *out)
{
    const char *toks = mpy_case_get(c, "tokens", NULL);
    if (toks) {
        put(out, "%s", toks);
        return;
    }
    const char *err = mpy_case_get(c, "error", NULL), *pos = mpy_case_get(c, "pos", NULL);
    const char *eof = mpy_case_get(c, "eof", NULL);
    ck_assert_msg(err && pos && eof, "case at line %d has neither tokens nor error", c->line);
    put(out, "error: %s pos: %s eof: %s", err, pos, eof);
}

/* For an error case only the error is compared: CPython's tokens before it
 * are not in the table. */
static const char *comparable(const mpy_case *c, const text *got)
{
    const char *e = strstr(str(got), "error: ");
    return mpy_case_get(c, "tokens", NULL) || !e ? str(got) : e;
}

/* --- reporting -------------------------------------------------------------- */

static int reports;

static void report(const mpy_case *c, const char *what, const char *want, const char *got)
{
    if (reports++ >= MAX_REPORTS)
        return;
    size_t len;
    const char *src = mpy_case_get(c, "src", &len);
    fprintf(stderr, "tokens.txt:%d %s\n  src:  ", c->line, what);
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)src[i];
        if (ch == '\n')
            fputs("\\n", stderr);
        else if (ch < 0x20 || ch == 0x7F || ch == '\\')
            fprintf(stderr, "\\x%02x", ch);
        else
            fputc(ch, stderr);
    }
    fprintf(stderr, "\n  want: %s\n  got:  %s\n", want, got);
}

/* 1 (reported) when got is not want, else 0. */
static int differ(const mpy_case *c, const char *what, const char *want, const char *got)
{
    if (strcmp(want, got) == 0)
        return 0;
    report(c, what, want, got);
    return 1;
}

/* Offsets of line starts (1-based; one extra for the line after the last),
 * with lines ended as CPython ends them. */
static size_t *line_starts(const char *src, size_t len, int *nlines)
{
    size_t *ls = malloc((len + 3) * sizeof *ls);
    ck_assert_ptr_nonnull(ls);
    int n = 1;
    ls[1] = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (size_t i = ls[1]; i < len; i++) {
        if (src[i] == '\r' && i + 1 < len && src[i + 1] == '\n')
            i++;
        if (src[i] == '\n' || src[i] == '\r')
            ls[++n] = i + 1;
    }
    ls[n + 1] = len;
    *nlines = n + 1;
    return ls;
}

/* Byte spans must agree with line and column. */
static bool spans_ok(const char *src, size_t len, bool exec, char *why, size_t cap)
{
    int n;
    size_t *ls = line_starts(src, len, &n);
    mpy_lexer lx;
    mpy_lexer_init(&lx, exec);
    mpy_token t;
    bool ok = true;
    for (int k; ok && (k = mpy_lexer_next(&lx, src, len, true, &t)) >= 0;) {
        bool empty_nl = k == TOK_NEWLINE && t.start == t.end;
        ok = t.line >= 1 && t.line <= n && t.end_line >= t.line && t.end_line <= n &&
             t.start == ls[t.line] + (size_t)t.col &&
             (empty_nl || t.end == ls[t.end_line] + (size_t)t.end_col);
        if (!ok)
            snprintf(why, cap, "%s@%d:%d-%d:%d spans %zu-%zu", mpy_token_name(k), t.line, t.col,
                     t.end_line, t.end_col, t.start, t.end);
        if (k == TOK_ENDMARKER)
            break;
    }
    free(ls);
    return ok;
}

/* --- the table ---------------------------------------------------------------- */

/* Runs check on every case of the table; returns the mismatches it found
 * (the first MAX_REPORTS of them reported) and the number of cases. */
static int over_table(int (*check)(const mpy_case *c, const char *src, size_t len), int *ncases)
{
    mpy_casefile *cf = mpy_casefile_load(TOKENS_FILE);
    int bad = 0;
    reports = 0;
    for (int i = 0; i < cf->n; i++) {
        const mpy_case *c = &cf->cases[i];
        size_t len;
        const char *src = mpy_case_get(c, "src", &len);
        bad += check(c, src, len);
    }
    *ncases = cf->n;
    mpy_casefile_free(cf);
    return bad;
}

static int one_shot(const mpy_case *c, const char *src, size_t len)
{
    int bad = 0;
    text want = {0}, got = {0};
    expected(c, &want);
    lex_once(src, len, true, &got);
    if (strcmp(str(&want), comparable(c, &got)) != 0) {
        report(c, "one call", str(&want), str(&got));
        bad++;
    }
    char why[160];
    if (!spans_ok(src, len, true, why, sizeof why)) {
        report(c, "spans", "start/end matching line/col", why);
        bad++;
    }
    free(want.s);
    free(got.s);
    return bad;
}

START_TEST(test_table_one_shot)
{
    int n;
    int bad = over_table(one_shot, &n);
    ck_assert_msg(n >= 150, "only %d cases in %s", n, TOKENS_FILE);
    ck_assert_msg(bad == 0, "%d of %d token cases differ (see stderr)", bad, n);
}
END_TEST

/* Feeds src line by line with at_eof false, then whole with at_eof true.
 * At every line a copy of the lexer is finished on the text so far and must
 * give what one call on that text gives.  Returns the number of mismatches;
 * the stream goes to out. */
static int feed_lines(const mpy_case *c, const char *src, size_t len, bool exec, text *out)
{
    mpy_lexer lx;
    mpy_lexer_init(&lx, exec);
    int bad = 0, k = MPY_LEX_MORE;
    for (size_t cut = 0; cut < len && k == MPY_LEX_MORE; cut++) {
        if (src[cut] != '\n')
            continue;
        size_t n = cut + 1;
        char *b = copy(src, n);
        k = drain(&lx, b, n, false, out);
        if (k == MPY_LEX_MORE) {
            mpy_lexer snap = lx;
            text mine = {0}, once = {0};
            put(&mine, "%s", str(out));
            drain(&snap, b, n, true, &mine);
            lex_once(b, n, exec, &once);
            bad += differ(c, "snapshot at a line end", str(&once), str(&mine));
            free(mine.s);
            free(once.s);
        }
        free(b);
    }
    if (k == MPY_LEX_MORE) {
        char *b = copy(src, len);
        drain(&lx, b, len, true, out);
        free(b);
    }
    return bad;
}

static int incremental(const mpy_case *c, const char *src, size_t len)
{
    int bad = 0;
    for (int exec = 0; exec <= 1; exec++) {
        text once = {0}, fed = {0};
        lex_once(src, len, exec, &once);
        bad += feed_lines(c, src, len, exec, &fed);
        bad += differ(c, exec ? "line by line (exec)" : "line by line", str(&once), str(&fed));
        free(once.s);
        free(fed.s);
    }
    return bad;
}

START_TEST(test_table_incremental)
{
    int n;
    int bad = over_table(incremental, &n);
    ck_assert_msg(bad == 0, "%d incremental mismatches (see stderr)", bad);
}
END_TEST

/* The driver cuts the text after newlines, but any cut must do: fed one
 * byte more at a time, the lexer must give what one call gives. */
static int any_cut(const mpy_case *c, const char *src, size_t len)
{
    text once = {0}, fed = {0};
    lex_once(src, len, true, &once);
    mpy_lexer lx;
    mpy_lexer_init(&lx, true);
    int k = MPY_LEX_MORE;
    for (size_t n = 0; n <= len && k == MPY_LEX_MORE; n++) {
        char *b = copy(src, n);
        k = drain(&lx, b, n, n == len, &fed);
        free(b);
    }
    int bad = differ(c, "byte by byte", str(&once), str(&fed));
    free(once.s);
    free(fed.s);
    return bad;
}

START_TEST(test_table_any_cut)
{
    int n;
    int bad = over_table(any_cut, &n);
    ck_assert_msg(bad == 0, "%d mismatches fed byte by byte (see stderr)", bad);
}
END_TEST

/* --- hand-written cases ------------------------------------------------------- */

/* Lexes src in one call and compares the whole stream (errors included). */
static void check_stream(const char *src, bool exec, const char *want)
{
    text got = {0};
    lex_once(src, strlen(src), exec, &got);
    ck_assert_msg(strcmp(str(&got), want) == 0, "%s input %s\n  want: %s\n  got:  %s",
                  exec ? "exec" : "single", src, want, str(&got));
    free(got.s);
}

/* Single and eval input imply no final newline.  The expected streams
 * follow compile(src, '<s>', 'single') of CPython 3.11, whose parser adds
 * the NEWLINE and DEDENTs that the lexer leaves out. */
START_TEST(test_no_implied_newline)
{
    check_stream("x = 1", false,
                 "NAME@1:0-1:1 =@1:2-1:3 NUMBER@1:4-1:5 end of input@1:5-1:5");
    check_stream("x = 1\n", false,
                 "NAME@1:0-1:1 =@1:2-1:3 NUMBER@1:4-1:5 NEWLINE@1:5-1:6 end of input@2:0-2:0");
    check_stream("", false, "end of input@1:0-1:0");
    check_stream("# c", false, "end of input@1:3-1:3");
    /* the whitespace before the end is the last line's indentation */
    check_stream("if x:\n  pass\n  ", false,
                 "if@1:0-1:2 NAME@1:3-1:4 :@1:4-1:5 NEWLINE@1:5-1:6 INDENT@2:0-2:2 "
                 "pass@2:2-2:6 NEWLINE@2:6-2:7 end of input@3:2-3:2");
    check_stream("if x:\n  if y:\n    pass\n  ", false,
                 "if@1:0-1:2 NAME@1:3-1:4 :@1:4-1:5 NEWLINE@1:5-1:6 INDENT@2:0-2:2 "
                 "if@2:2-2:4 NAME@2:5-2:6 :@2:6-2:7 NEWLINE@2:7-2:8 INDENT@3:0-3:4 "
                 "pass@3:4-3:8 NEWLINE@3:8-3:9 DEDENT@4:2-4:2 end of input@4:2-4:2");
    check_stream("x\n    ", false,
                 "NAME@1:0-1:1 NEWLINE@1:1-1:2 INDENT@2:0-2:4 end of input@2:4-2:4");
    check_stream("if x:\n    pass\n  ", false,
                 "if@1:0-1:2 NAME@1:3-1:4 :@1:4-1:5 NEWLINE@1:5-1:6 INDENT@2:0-2:4 "
                 "pass@2:4-2:8 NEWLINE@2:8-2:9 error: IndentationError: unindent does not "
                 "match any outer indentation level pos: 3:1 eof: 0");
    check_stream("if x:\n\tpass\n        ", false,
                 "if@1:0-1:2 NAME@1:3-1:4 :@1:4-1:5 NEWLINE@1:5-1:6 INDENT@2:0-2:1 "
                 "pass@2:1-2:5 NEWLINE@2:5-2:6 error: TabError: inconsistent use of tabs and "
                 "spaces in indentation pos: 3:0 eof: 0");
    /* a comment-only last line: no indentation, no DEDENT */
    check_stream("if x:\n  pass\n# c", false,
                 "if@1:0-1:2 NAME@1:3-1:4 :@1:4-1:5 NEWLINE@1:5-1:6 INDENT@2:0-2:2 "
                 "pass@2:2-2:6 NEWLINE@2:6-2:7 end of input@3:3-3:3");
    /* the end of input mid-line: no NEWLINE, no DEDENT */
    check_stream("if x:\n  pass", false,
                 "if@1:0-1:2 NAME@1:3-1:4 :@1:4-1:5 NEWLINE@1:5-1:6 INDENT@2:0-2:2 "
                 "pass@2:2-2:6 end of input@2:6-2:6");
    check_stream("if x:\n  pass\n", false,
                 "if@1:0-1:2 NAME@1:3-1:4 :@1:4-1:5 NEWLINE@1:5-1:6 INDENT@2:0-2:2 "
                 "pass@2:2-2:6 NEWLINE@2:6-2:7 DEDENT@3:0-3:0 end of input@3:0-3:0");
}
END_TEST

/* Errors at the end of single input, with CPython's positions and whether
 * more input could help (err_at_eof). */
START_TEST(test_no_implied_newline_errors)
{
    /* CPython's message, but more input repairs it */
    check_stream("x = \\", false,
                 "NAME@1:0-1:1 =@1:2-1:3 error: SyntaxError: unexpected character after line "
                 "continuation character pos: 1:4 eof: 1");
    check_stream("x = \\\n", false,
                 "NAME@1:0-1:1 =@1:2-1:3 error: SyntaxError: unexpected EOF while parsing "
                 "pos: 1:5 eof: 1");
    check_stream("x = 'abc", false,
                 "NAME@1:0-1:1 =@1:2-1:3 error: SyntaxError: unterminated string literal "
                 "(detected at line 1) pos: 1:4 eof: 1");
    check_stream("x = 'abc\n", false,
                 "NAME@1:0-1:1 =@1:2-1:3 error: SyntaxError: unterminated string literal "
                 "(detected at line 1) pos: 1:4 eof: 0");
    check_stream("x = 'abc\\", false,
                 "NAME@1:0-1:1 =@1:2-1:3 error: SyntaxError: unterminated string literal "
                 "(detected at line 1) pos: 1:4 eof: 1");
    check_stream("\"\"\"abc", false,
                 "error: SyntaxError: unterminated triple-quoted string literal (detected at "
                 "line 1) pos: 1:0 eof: 1");
    check_stream("x = (1,", false,
                 "NAME@1:0-1:1 =@1:2-1:3 (@1:4-1:5 NUMBER@1:5-1:6 ,@1:6-1:7 error: "
                 "SyntaxError: '(' was never closed pos: 1:4 eof: 1");
    check_stream("x = (\\\n", false,
                 "NAME@1:0-1:1 =@1:2-1:3 (@1:4-1:5 error: SyntaxError: '(' was never closed "
                 "pos: 1:4 eof: 1");
    /* exec input: the implied newline ends the string */
    check_stream("x = 'abc", true,
                 "NAME@1:0-1:1 =@1:2-1:3 error: SyntaxError: unterminated string literal "
                 "(detected at line 1) pos: 1:4 eof: 0");
}
END_TEST

/* Feeds the lines of `lines` (each ending in '\n') one at a time and
 * returns the stream with "|" where the lexer asked for more. */
static void check_feed(bool exec, const char *const *lines, const char *want)
{
    mpy_lexer lx;
    mpy_lexer_init(&lx, exec);
    text src = {0}, got = {0};
    for (int i = 0; lines[i]; i++) {
        put(&src, "%s", lines[i]);
        int k = drain(&lx, src.s, src.n, false, &got);
        if (k != MPY_LEX_MORE)
            break;
        put(&got, " |");
    }
    if (lx.err_msg == NULL && !lx.eof_done)
        drain(&lx, str(&src), src.n, true, &got);
    ck_assert_msg(strcmp(str(&got), want) == 0, "\n  want: %s\n  got:  %s", want, str(&got));
    free(src.s);
    free(got.s);
}

START_TEST(test_more_at_line_start)
{
    /* the indentation of the next line is unknown until it comes */
    static const char *const lines[] = {"if x:\n", "    y\n", "\n", "    z\n", "w\n", NULL};
    check_feed(true, lines,
               "if@1:0-1:2 NAME@1:3-1:4 :@1:4-1:5 NEWLINE@1:5-1:6 | INDENT@2:0-2:4 "
               "NAME@2:4-2:5 NEWLINE@2:5-2:6 | | NAME@4:4-4:5 NEWLINE@4:5-4:6 | DEDENT@5:0-5:0 "
               "NAME@5:0-5:1 NEWLINE@5:1-5:2 | end of input@6:0-6:0");
    /* inside brackets and after a backslash the line goes on */
    static const char *const joined[] = {"x = (1,\n", "  2) + \\\n", "  3\n", NULL};
    check_feed(true, joined,
               "NAME@1:0-1:1 =@1:2-1:3 (@1:4-1:5 NUMBER@1:5-1:6 ,@1:6-1:7 | NUMBER@2:2-2:3 "
               ")@2:3-2:4 +@2:5-2:6 | NUMBER@3:2-3:3 NEWLINE@3:3-3:4 | end of input@4:0-4:0");
    /* a certain error needs no more input */
    static const char *const bad[] = {"x = 'abc\n", "y\n", NULL};
    check_feed(true, bad,
               "NAME@1:0-1:1 =@1:2-1:3 error: SyntaxError: unterminated string literal "
               "(detected at line 1) pos: 1:4 eof: 0");
}
END_TEST

START_TEST(test_more_mid_line)
{
    /* a buffer cut inside a line: tokens that could grow wait */
    mpy_lexer lx;
    mpy_lexer_init(&lx, true);
    text got = {0};
#define LINE1 "x = 123 == 'ab'\n"
    const char *parts[] = {"x = 12", "x = 123 =", "x = 123 == 'a", LINE1, LINE1 "0x",
                           LINE1 "0x1f + 1a", LINE1 "0x1f + 1an", LINE1 "0x1f + 1and 2\n", NULL};
#undef LINE1
    for (int i = 0; parts[i]; i++) {
        char *b = copy(parts[i], strlen(parts[i]));
        ck_assert_int_eq(drain(&lx, b, strlen(b), false, &got), MPY_LEX_MORE);
        put(&got, " |");
        free(b);
    }
    ck_assert_str_eq(str(&got), "NAME@1:0-1:1 =@1:2-1:3 | NUMBER@1:4-1:7 | ==@1:8-1:10 | "
                                "STRING@1:11-1:15 NEWLINE@1:15-1:16 | | NUMBER@2:0-2:4 "
                                "+@2:5-2:6 | | NUMBER@2:7-2:8 and@2:8-2:11 NUMBER@2:12-2:13 "
                                "NEWLINE@2:13-2:14 |");
    free(got.s);
}
END_TEST

/* A long triple-quoted string fed line by line: every call resumes where
 * the last stopped, so the whole string is scanned once. */
START_TEST(test_long_string_resumes)
{
    enum { LINES = 5000 };
    text src = {0};
    mpy_lexer lx;
    mpy_lexer_init(&lx, true);
    mpy_token t;
    put(&src, "s = '''\n");
    ck_assert_int_eq(mpy_lexer_next(&lx, src.s, src.n, false, &t), TOK_NAME);
    ck_assert_int_eq(mpy_lexer_next(&lx, src.s, src.n, false, &t), TOK_EQUAL);
    for (int i = 0; i < LINES; i++) {
        ck_assert_int_eq(mpy_lexer_next(&lx, src.s, src.n, false, &t), MPY_LEX_MORE);
        ck_assert(lx.in_string);
        ck_assert_uint_eq(lx.str_start, 4);
        ck_assert_uint_eq(lx.str_scanned, src.n);
        ck_assert_int_eq(lx.line, i + 2);
        put(&src, "line %d with ''quotes'' and \\''' escapes\n", i);
    }
    put(&src, "end'''\n");
    ck_assert_int_eq(mpy_lexer_next(&lx, src.s, src.n, false, &t), TOK_STRING);
    ck_assert(!lx.in_string);
    ck_assert_uint_eq(t.start, 4);
    ck_assert_int_eq(t.line, 1);
    ck_assert_int_eq(t.col, 4);
    ck_assert_int_eq(t.end_line, LINES + 2);
    ck_assert_int_eq(t.end_col, 6);
    ck_assert_int_eq(mpy_lexer_next(&lx, src.s, src.n, false, &t), TOK_NEWLINE);
    ck_assert_int_eq(mpy_lexer_next(&lx, src.s, src.n, false, &t), MPY_LEX_MORE);
    free(src.s);
}
END_TEST

/* A backslash-newline inside a single-quoted string also resumes. */
START_TEST(test_short_string_resumes)
{
    static const char *const lines[] = {"s = 'a\\\n", "b\\\n", "c'\n", NULL};
    check_feed(true, lines,
               "NAME@1:0-1:1 =@1:2-1:3 | | STRING@1:4-3:2 NEWLINE@3:2-3:3 | "
               "end of input@4:0-4:0");
}
END_TEST

/* The driver's verdicts: copy the lexer, finish the copy, go on with the
 * original. */
START_TEST(test_snapshot_then_continue)
{
    const char *src = "if x:\n    y\n    z\n";
    size_t first = strlen("if x:\n    y\n");
    char *b = copy(src, first);
    mpy_lexer lx;
    mpy_lexer_init(&lx, false);
    text got = {0}, tail = {0};
    ck_assert_int_eq(drain(&lx, b, first, false, &got), MPY_LEX_MORE);
    mpy_lexer snap = lx;
    drain(&snap, b, first, true, &tail);
    free(b);
    ck_assert_str_eq(str(&tail), "DEDENT@3:0-3:0 end of input@3:0-3:0");
    put(&got, " |");
    drain(&lx, src, strlen(src), true, &got);
    ck_assert_str_eq(str(&got), "if@1:0-1:2 NAME@1:3-1:4 :@1:4-1:5 NEWLINE@1:5-1:6 "
                                "INDENT@2:0-2:4 NAME@2:4-2:5 NEWLINE@2:5-2:6 | NAME@3:4-3:5 "
                                "NEWLINE@3:5-3:6 DEDENT@4:0-4:0 end of input@4:0-4:0");
    free(got.s);
    free(tail.s);
}
END_TEST

START_TEST(test_endmarker_repeats)
{
    mpy_lexer lx;
    mpy_lexer_init(&lx, true);
    mpy_token t;
    const char *src = "x";
    ck_assert_int_eq(mpy_lexer_next(&lx, src, 1, true, &t), TOK_NAME);
    ck_assert_int_eq(mpy_lexer_next(&lx, src, 1, true, &t), TOK_NEWLINE);
    ck_assert_uint_eq(t.start, 1);
    ck_assert_uint_eq(t.end, 1);
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(mpy_lexer_next(&lx, src, 1, true, &t), TOK_ENDMARKER);
        ck_assert_int_eq(t.line, 2);
        ck_assert_int_eq(t.col, 0);
        ck_assert_uint_eq(t.start, 1);
    }
}
END_TEST

START_TEST(test_errors_are_final)
{
    mpy_lexer lx;
    mpy_lexer_init(&lx, true);
    mpy_token t;
    const char *src = "if x:\n        a\n    b\n";
    for (int i = 0; i < 7; i++)
        ck_assert_int_ge(mpy_lexer_next(&lx, src, strlen(src), true, &t), 0);
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(mpy_lexer_next(&lx, src, strlen(src), true, &t), MPY_LEX_ERROR);
        ck_assert_int_eq(lx.err_kind, MPY_LEXERR_INDENTATION);
        ck_assert_str_eq(lx.err_msg, "unindent does not match any outer indentation level");
        ck_assert_int_eq(lx.err_line, 3);
        ck_assert_int_eq(lx.err_col, 5);
        ck_assert(!lx.err_at_eof);
    }
}
END_TEST

/* Messages and positions; a message without formatting is a static string
 * that survives struct copies. */
START_TEST(test_error_messages)
{
    check_stream("(\n\n]", true,
                 "(@1:0-1:1 error: SyntaxError: closing parenthesis ']' does not match opening "
                 "parenthesis '(' on line 1 pos: 3:0 eof: 0");
    check_stream("x = 'é\xff'", true,
                 "NAME@1:0-1:1 =@1:2-1:3 error: SyntaxError: (unicode error) 'utf-8' codec "
                 "can't decode byte 0xff in position 2: invalid start byte pos: 1:9 eof: 0");
    check_stream("x = b'\xff'", true,
                 "NAME@1:0-1:1 =@1:2-1:3 STRING@1:4-1:8 NEWLINE@1:8-1:9 end of input@2:0-2:0");
    check_stream("\xf0\x9f\x98\x80 = 1", true,
                 "error: SyntaxError: invalid character '\xf0\x9f\x98\x80' (U+1F600) pos: 1:0 "
                 "eof: 0");
    /* `$` is Bison's "invalid token": the parser rejects it */
    check_stream("a $ b", true,
                 "NAME@1:0-1:1 invalid token@1:2-1:3 NAME@1:4-1:5 NEWLINE@1:5-1:6 "
                 "end of input@2:0-2:0");
    mpy_lexer lx, copy_of;
    mpy_lexer_init(&lx, true);
    mpy_token t;
    ck_assert_int_eq(mpy_lexer_next(&lx, "\t0_", 3, true, &t), TOK_INDENT);
    ck_assert_int_eq(mpy_lexer_next(&lx, "\t0_", 3, true, &t), MPY_LEX_ERROR);
    copy_of = lx;
    memset(&lx, 0, sizeof lx);
    ck_assert_str_eq(copy_of.err_msg, "invalid decimal literal");
    ck_assert_int_eq(copy_of.err_col, 2);
}
END_TEST

START_TEST(test_limits)
{
    text src = {0};
    for (int i = 0; i < MPY_LEX_MAX_LEVEL; i++)
        put(&src, "[");
    mpy_lexer lx;
    mpy_lexer_init(&lx, true);
    mpy_token t;
    for (int i = 0; i < MPY_LEX_MAX_LEVEL; i++)
        ck_assert_int_eq(mpy_lexer_next(&lx, src.s, src.n, false, &t), TOK_LSQB);
    ck_assert_int_eq(mpy_lexer_next(&lx, src.s, src.n, false, &t), MPY_LEX_MORE);
    put(&src, "[");
    ck_assert_int_eq(mpy_lexer_next(&lx, src.s, src.n, false, &t), MPY_LEX_ERROR);
    ck_assert_str_eq(lx.err_msg, "too many nested parentheses");
    ck_assert_int_eq(lx.err_col, MPY_LEX_MAX_LEVEL);
    free(src.s);
}
END_TEST

Suite *lexer_suite(void)
{
    Suite *s = suite_create("lexer");
    TCase *table = tcase_create("table");
    tcase_set_timeout(table, 60);
    tcase_add_test(table, test_table_one_shot);
    tcase_add_test(table, test_table_incremental);
    tcase_add_test(table, test_table_any_cut);
    suite_add_tcase(s, table);
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, test_no_implied_newline);
    tcase_add_test(tc, test_no_implied_newline_errors);
    tcase_add_test(tc, test_more_at_line_start);
    tcase_add_test(tc, test_more_mid_line);
    tcase_add_test(tc, test_long_string_resumes);
    tcase_add_test(tc, test_short_string_resumes);
    tcase_add_test(tc, test_snapshot_then_continue);
    tcase_add_test(tc, test_endmarker_repeats);
    tcase_add_test(tc, test_errors_are_final);
    tcase_add_test(tc, test_error_messages);
    tcase_add_test(tc, test_limits);
    suite_add_tcase(s, tc);
    return s;
}
