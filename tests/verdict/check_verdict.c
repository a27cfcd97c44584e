/* The verdict table (tests/verdict/verdicts.txt, from python3's codeop) replayed
 * through mpy_parser, plus the incremental-parser properties the console
 * relies on. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "parse.h"
#include "testalloc.h"

static mpy_parse_mode mode_of(const char *m)
{
    return strcmp(m, "single") == 0 ? MPY_MODE_SINGLE
         : strcmp(m, "eval") == 0 ? MPY_MODE_EVAL
         : MPY_MODE_EXEC;
}

static const char *status_name(mpy_parse_status s)
{
    switch (s) {
    case MPY_PARSE_COMPLETE: return "COMPLETE";
    case MPY_PARSE_INCOMPLETE: return "INCOMPLETE";
    case MPY_PARSE_ERROR: return "ERROR";
    default: return "NOMEM";
    }
}

/* Feeds src the way the console does: the first line as is, every later one
 * as "\n" + line, asking for a verdict after each.  After a COMPLETE or ERROR
 * on a prefix the console would start over, so the parser is reset and
 * refilled with everything so far. */
static mpy_parse_status feed_lines(mpy_parser *p, const char *src, size_t len,
                                   mpy_syntax_error *err)
{
    mpy_parse_status st = MPY_PARSE_INCOMPLETE;
    size_t start = 0;
    bool fresh = true;
    for (;;) {
        const char *nl = memchr(src + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - src) : len;
        if (!fresh) {
            mpy_parser_reset(p);
            ck_assert(mpy_parser_feed(p, src, end));
        } else {
            ck_assert(mpy_parser_feed(p, src + (start ? start - 1 : 0), end - (start ? start - 1 : 0)));
        }
        mpy_ast_mod *mod;
        st = mpy_parser_verdict(p, &mod, err);
        if (st == MPY_PARSE_COMPLETE)
            ck_assert_ptr_nonnull(mod);
        fresh = st == MPY_PARSE_INCOMPLETE;
        if (!nl)
            return st;
        start = end + 1;
    }
}

/* tests/verdict/known_failures.txt lists the inputs (mode + src) where minipy
 * does not agree with codeop yet.  Each must still disagree (a fixed case
 * fails the test until it is taken off the list) and every other input must
 * agree, so the list can only shrink. */
static bool is_known(const mpy_casefile *known, const char *mode, const char *src, size_t len)
{
    for (int i = 0; i < known->n; i++) {
        size_t klen;
        const char *ksrc = mpy_case_get(&known->cases[i], "src", &klen);
        if (klen == len && memcmp(ksrc, src, len) == 0 &&
            strcmp(mpy_case_get(&known->cases[i], "mode", NULL), mode) == 0)
            return true;
    }
    return false;
}

START_TEST(verdict_table)
{
    mpy_casefile *cf = mpy_casefile_load("tests/verdict/verdicts.txt");
    mpy_casefile *known = mpy_casefile_load("tests/verdict/known_failures.txt");
    int bad_verdict = 0, bad_class = 0, bad_msg = 0, bad_line = 0, bad_offset = 0;
    int known_failing = 0, known_fixed = 0;
    for (int i = 0; i < cf->n; i++) {
        const mpy_case *c = &cf->cases[i];
        size_t len;
        const char *src = mpy_case_get(c, "src", &len);
        const char *mode = mpy_case_get(c, "mode", NULL);
        const char *want = mpy_case_get(c, "verdict", NULL);
        mpy_parser *q = mpy_parser_new(mode_of(mode), NULL, NULL);
        mpy_syntax_error err;
        memset(&err, 0, sizeof err);
        mpy_parse_status st = feed_lines(q, src, len, &err);
        mpy_parser_free(q);
        bool agrees = strcmp(status_name(st), want) == 0 &&
                      (st != MPY_PARSE_ERROR ||
                       (strcmp(mpy_synerr_name(err.kind), mpy_case_get(c, "class", NULL)) == 0 &&
                        strcmp(err.msg, mpy_case_get(c, "msg", NULL)) == 0 &&
                        err.line == atoi(mpy_case_get(c, "line", NULL))));
        if (is_known(known, mode, src, len)) {
            if (agrees) {
                known_fixed++;
                fprintf(stderr, "verdicts.txt:%d: %s %s: now agrees with codeop: take it off "
                                "known_failures.txt\n", c->line, mode, src);
            } else
                known_failing++;
            continue;
        }
        if (!agrees && getenv("MPY_PRINT_KNOWN")) {
            char esc[4096];
            size_t o = 0;
            for (size_t j = 0; j < len && o + 5 < sizeof esc; j++) {
                unsigned char ch = (unsigned char)src[j];
                if (ch == '\n') { esc[o++] = '\\'; esc[o++] = 'n'; }
                else if (ch == '\t') { esc[o++] = '\\'; esc[o++] = 't'; }
                else if (ch == '\\') { esc[o++] = '\\'; esc[o++] = '\\'; }
                else if (ch < 0x20) o += (size_t)snprintf(esc + o, 5, "\\x%02x", ch);
                else esc[o++] = (char)ch;
            }
            esc[o] = '\0';
            printf("src: %s\nmode: %s\n%%%%\n", esc, mode);
        }
        if (strcmp(status_name(st), want) != 0) {
            bad_verdict++;
            fprintf(stderr, "verdicts.txt:%d: %s %s: got %s (%s), want %s\n", c->line, mode,
                    src, status_name(st), st == MPY_PARSE_ERROR ? err.msg : "", want);
            continue;
        }
        if (st != MPY_PARSE_ERROR)
            continue;
        const char *cls = mpy_case_get(c, "class", NULL);
        if (strcmp(mpy_synerr_name(err.kind), cls) != 0) {
            bad_class++;
            fprintf(stderr, "verdicts.txt:%d: %s: class %s, want %s\n", c->line, src,
                    mpy_synerr_name(err.kind), cls);
        }
        if (strcmp(err.msg, mpy_case_get(c, "msg", NULL)) != 0) {
            bad_msg++;
            fprintf(stderr, "verdicts.txt:%d: %s %s: msg \"%s\", want \"%s\"\n", c->line, mode, src,
                    err.msg, mpy_case_get(c, "msg", NULL));
        } else if (err.line != atoi(mpy_case_get(c, "line", NULL))) {
            bad_line++;
            fprintf(stderr, "verdicts.txt:%d: %s %s: line %d, want %s\n", c->line, mode, src, err.line,
                    mpy_case_get(c, "line", NULL));
        } else if (err.offset != atoi(mpy_case_get(c, "offset", NULL))) {
            bad_offset++;
        }
    }
    fprintf(stderr, "verdict table: %d cases; wrong verdict %d, class %d, message %d, line %d "
                    "(offset differs: %d); known failures still failing %d, fixed %d\n",
            cf->n, bad_verdict, bad_class, bad_msg, bad_line, bad_offset, known_failing, known_fixed);
    mpy_casefile_free(cf);
    mpy_casefile_free(known);
    ck_assert_int_eq(known_fixed, 0);
    ck_assert_int_eq(bad_verdict, 0);
    ck_assert_int_eq(bad_class, 0);
    ck_assert_int_eq(bad_msg, 0);
    ck_assert_int_eq(bad_line, 0);
}
END_TEST

/* A long block fed line by line stays INCOMPLETE and ends COMPLETE with
 * every statement in the tree. */
START_TEST(long_block_incremental)
{
    mpy_parser *p = mpy_parser_new(MPY_MODE_SINGLE, NULL, NULL);
    const char *first = "def f():";
    ck_assert(mpy_parser_feed(p, first, strlen(first)));
    ck_assert_int_eq(mpy_parser_verdict(p, NULL, NULL), MPY_PARSE_INCOMPLETE);
    char line[64];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(line, sizeof line, "\n    x%d = %d", i, i);
        ck_assert(mpy_parser_feed(p, line, (size_t)n));
        ck_assert_int_eq(mpy_parser_verdict(p, NULL, NULL), MPY_PARSE_INCOMPLETE);
    }
    ck_assert(mpy_parser_feed(p, "\n", 1));
    mpy_ast_mod *mod;
    ck_assert_int_eq(mpy_parser_verdict(p, &mod, NULL), MPY_PARSE_COMPLETE);
    ck_assert_int_eq(mod->kind, MPY_AST_INTERACTIVE);
    ck_assert_int_eq(MPY_SEQ_LEN(mod->body), 1);
    mpy_ast_stmt *def = MPY_SEQ_GET(mod->body, 0);
    ck_assert_int_eq(def->kind, MPY_AST_STMT_FunctionDef);
    ck_assert_int_eq(MPY_SEQ_LEN(def->v.FunctionDef.body), 5000);
    mpy_parser_free(p);
}
END_TEST

/* Counts the bytes a parser holds, and their peak. */
typedef struct {
    size_t live, peak;
} byte_count;

static void *counting_realloc(void *ud, void *ptr, size_t old_size, size_t new_size)
{
    byte_count *b = ud;
    if (new_size == 0) {
        free(ptr);
        b->live -= old_size;
        return NULL;
    }
    void *q = realloc(ptr, new_size);
    if (!q)
        return NULL;
    b->live += new_size - old_size;
    if (b->live > b->peak)
        b->peak = b->live;
    return q;
}

/* The peak memory of feeding an n-line def body line by line, with a
 * verdict after each line, as the console does. */
static size_t block_peak(int n)
{
    byte_count b = {0, 0};
    mpy_parser *p = mpy_parser_new(MPY_MODE_SINGLE, counting_realloc, &b);
    ck_assert(mpy_parser_feed(p, "def f():", 8));
    char line[64];
    for (int i = 0; i < n; i++) {
        int k = snprintf(line, sizeof line, "\n    x%d = %d", i, i);
        ck_assert(mpy_parser_feed(p, line, (size_t)k));
        ck_assert_int_eq(mpy_parser_verdict(p, NULL, NULL), MPY_PARSE_INCOMPLETE);
    }
    mpy_parser_free(p);
    ck_assert_uint_eq(b.live, 0);
    return b.peak;
}

/* A pasted block costs memory in proportion to its length: twice the lines,
 * about twice the peak (each line's verdict passes once copied the
 * statement list they extended: a quadratic peak, 4x here). */
START_TEST(long_block_memory_linear)
{
    size_t small = block_peak(3000), big = block_peak(6000);
    ck_assert_msg(big < small * 5 / 2, "peak %zu bytes for 3000 lines, %zu for 6000", small, big);
}
END_TEST

/* After COMPLETE, a reset parser is as good as new. */
START_TEST(reset_reuses_parser)
{
    mpy_parser *p = mpy_parser_new(MPY_MODE_SINGLE, NULL, NULL);
    for (int round = 0; round < 3; round++) {
        ck_assert(mpy_parser_feed(p, "x = (1,", 7));
        ck_assert_int_eq(mpy_parser_verdict(p, NULL, NULL), MPY_PARSE_INCOMPLETE);
        ck_assert(mpy_parser_feed(p, "\n2)", 3));
        mpy_ast_mod *mod;
        ck_assert_int_eq(mpy_parser_verdict(p, &mod, NULL), MPY_PARSE_COMPLETE);
        ck_assert_int_eq(MPY_SEQ_LEN(mod->body), 1);
        mpy_parser_reset(p);
        mpy_syntax_error err;
        ck_assert(mpy_parser_feed(p, "1 +", 3));
        ck_assert_int_eq(mpy_parser_verdict(p, NULL, &err), MPY_PARSE_ERROR);
        ck_assert_str_eq(err.msg, "invalid syntax");
        mpy_parser_reset(p);
    }
    mpy_parser_free(p);
}
END_TEST

/* Parsing under an allocation budget: every path must report NOMEM (or
 * succeed), never crash or leak (ASan checks the leaks). */
START_TEST(out_of_memory_is_reported)
{
    const char *src = "def f(a, b=1):\n    return [x * 2 for x in range(a) if x]\n";
    int saw_nomem = 0, saw_ok = 0;
    for (long n = 0; n < 40; n++) {
        long budget = n;
        mpy_parser *p = mpy_parser_new(MPY_MODE_EXEC, mpy_test_budget_realloc, &budget);
        if (!p) {
            saw_nomem++;
            continue;
        }
        if (!mpy_parser_feed(p, src, strlen(src))) {
            saw_nomem++;
        } else {
            mpy_parse_status st = mpy_parser_verdict(p, NULL, NULL);
            ck_assert(st == MPY_PARSE_COMPLETE || st == MPY_PARSE_NOMEM);
            if (st == MPY_PARSE_NOMEM)
                saw_nomem++;
            else
                saw_ok++;
        }
        mpy_parser_free(p);
    }
    ck_assert_int_gt(saw_nomem, 0);
    ck_assert_int_gt(saw_ok, 0);
}
END_TEST

Suite *verdict_suite(void)
{
    Suite *s = suite_create("verdict");
    TCase *tc = tcase_create("verdict");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, verdict_table);
    tcase_add_test(tc, long_block_incremental);
    tcase_add_test(tc, long_block_memory_linear);
    tcase_add_test(tc, reset_reuses_parser);
    tcase_add_test(tc, out_of_memory_is_reported);
    suite_add_tcase(s, tc);
    return s;
}
