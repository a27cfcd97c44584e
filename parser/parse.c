/* The parse driver: lexer + Bison push parser -> COMPLETE / INCOMPLETE /
 * ERROR, one-shot and incremental.
 *
 * codeop's rule, which the console must reproduce, is three compiles:
 *   1. compile(src) with "incomplete input" detection and, in single mode,
 *      no implied DEDENTs at the end: success means COMPLETE;
 *   2. compile(src + "\n") the same way: success, or a failure that happened
 *      only because the input ended, means INCOMPLETE;
 *   3. otherwise compile(src) plainly and report its error.
 * "Failed because the input ended" means the parser rejected a token that
 * exists only because the text stopped: ENDMARKER, the DEDENTs and the extra
 * NEWLINE generated there, or end of input inside brackets, a triple-quoted
 * string or a backslash continuation.
 *
 * Incrementally: the real lexer and parser consume only tokens that no later
 * text can change (every token of the lines that end in '\n').  A verdict
 * copies the real state (lexer, ctx, Bison stacks: all plain data, and the
 * grammar's actions never change existing nodes) and runs each pass on the
 * copy from there to the end, so a line costs work proportional to itself
 * plus the nesting depth, however long the buffer has grown.  An accepted
 * pass's tree is the answer: it lives in the same arena.
 */
#include "parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "grammar.h"
#include "lexer.h"
#include "parse_ctx.h"
#include "pstate.h"

typedef enum { RUNNING, FAILED, OUT_OF_MEMORY } parser_state;

struct mpy_parser {
    mpy_parse_mode mode;
    mpy_realloc_fn realloc;
    void *ud;
    mpy_arena own_arena;
    mpy_arena *arena;      /* own_arena, or the caller's for mpy_parse */
    bool defer_compiler_errors; /* python3 -i's console, not codeop */
    bool final;            /* mpy_parser_verdict_text: the last verdict was not INCOMPLETE */

    char *buf;             /* the source so far, NUL-terminated */
    size_t len, cap;       /* cap leaves room for an added "\n" and NUL */
    size_t prefix;         /* bytes the real lexer may see: up to a '\n' */
    size_t scanned;        /* seen_code scanning resumes at this line start */
    bool seen_code;        /* a line holds more than blanks and a comment */
    bool has_nul;          /* a NUL byte was fed */

    parser_state state;
    bool started;          /* the START token has been pushed */
    mpy_lexer lx;
    mpy_parse_ctx ctx;
    mpy_yypstate *ps;

    /* Scratch for the verdict passes, reused so a verdict allocates
     * nothing but AST nodes. */
    mpy_lexer snap_lx;
    mpy_parse_ctx snap_ctx;
    mpy_yypstate *snap;
};

/* ------------------------------------------------------------------------ */
/* Errors */

const char *mpy_synerr_name(mpy_synerr_kind kind)
{
    switch (kind) {
    case MPY_SYNERR_INDENTATION: return "IndentationError";
    case MPY_SYNERR_TAB: return "TabError";
    default: return "SyntaxError";
    }
}

bool mpy_parse_fail(mpy_parse_ctx *ctx, mpy_synerr_kind kind, mpy_ast_loc loc, const char *fmt, ...)
{
    if (ctx->failed)
        return false;
    ctx->failed = true;
    ctx->err_source = MPY_ERR_PARSER;
    ctx->err_tok_line = ctx->cur_loc.last_line;
    mpy_syntax_error *e = &ctx->err;
    memset(e, 0, sizeof *e);
    e->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    /* Byte columns for now; finish_error turns them into CPython's
     * 1-based character offsets once the source line is at hand. */
    e->line = loc.line;
    e->offset = loc.col;
    e->end_line = loc.end_line;
    e->end_offset = loc.end_col;
    return false;
}

/* Start of line `line` (1-based) in src, or NULL. */
static const char *line_start(const char *src, size_t len, int line)
{
    const char *p = src, *end = src + len;
    for (int l = 1; l < line; l++) {
        p = memchr(p, '\n', (size_t)(end - p));
        if (!p)
            return NULL;
        p++;
    }
    return p;
}

/* Characters (UTF-8 sequences) in s[0..n). */
static int count_chars(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* Byte column -> CPython's 1-based character offset, and the line's text.
 * A negative column (the extra NEWLINE of single mode has none) gives
 * offset 0, as CPython prints for errors found there. */
static void finish_error(mpy_syntax_error *e, const char *src, size_t len)
{
    const char *ls = e->line > 0 ? line_start(src, len, e->line) : NULL;
    if (!ls) {
        e->text[0] = '\0';
        e->offset = e->offset < 0 ? 0 : e->offset + 1;
        return;
    }
    const char *end = src + len, *le = memchr(ls, '\n', (size_t)(end - ls));
    size_t llen = le ? (size_t)(le - ls) + 1 : (size_t)(end - ls);
    size_t tlen = llen < sizeof e->text - 1 ? llen : sizeof e->text - 1;
    memcpy(e->text, ls, tlen);
    e->text[tlen] = '\0';
    int col = e->offset;
    e->offset = col < 0 ? 0 : count_chars(ls, (size_t)col < llen ? (size_t)col : llen) + 1;
    if (e->end_line == e->line && e->end_offset >= 0)
        e->end_offset = count_chars(ls, (size_t)e->end_offset < llen ? (size_t)e->end_offset : llen) + 1;
    else if (e->end_line > 0 && e->end_offset >= 0) {
        const char *els = line_start(src, len, e->end_line);
        e->end_offset = els ? count_chars(els, (size_t)e->end_offset) + 1 : 0;
    }
}

static mpy_synerr_kind lexerr_kind(mpy_lexerr_kind k)
{
    return k == MPY_LEXERR_TAB ? MPY_SYNERR_TAB
         : k == MPY_LEXERR_INDENTATION ? MPY_SYNERR_INDENTATION
         : MPY_SYNERR_SYNTAX;
}

static void record_lex_error(mpy_parse_ctx *ctx, const mpy_lexer *lx)
{
    /* The tokenizer's errors end where they start (end_offset = offset). */
    mpy_ast_loc loc = {lx->err_line, lx->err_col, lx->err_line, lx->err_col};
    ctx->failed = false; /* a tokenizer error wins over what the parser said */
    ctx->err_from_parser = false;
    mpy_parse_fail(ctx, lexerr_kind(lx->err_kind), loc, "%s", lx->err_msg);
    ctx->err_source = MPY_ERR_TOKENIZER;
}

static const char multiple_statements[] = "multiple statements found while compiling a single statement";

/* Single mode: once a statement and its NEWLINE have parsed, CPython checks
 * only that the rest of the text is blank (bad_single_statement); it never
 * tokenizes it, so a tokenizer error there is not what gets reported. */
static bool after_single_statement(mpy_yypstate *ps, mpy_parse_ctx *ctx)
{
    if (ctx->mode != MPY_MODE_SINGLE || ctx->prev_kind[1] != TOK_NEWLINE || !mpy_pstate_accepts_end(ps))
        return false;
    ctx->failed = false;
    ctx->err_from_parser = false;
    mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, mpy_loc(&ctx->prev_loc[1]), multiple_statements);
    return true;
}

/* ------------------------------------------------------------------------ */
/* Pushing tokens */

enum { PUSH_MORE, PUSH_ACCEPT, PUSH_ERROR, PUSH_NOMEM };

/* Whether a token at bracket level 0 lets a bitwise_or go on (operands,
 * the binary and unary operators of bitwise_or, brackets, '.'); at the
 * start of the right side '*' and '**' do not (a starred item). */
static bool continues_bitwise_or(int k, bool first)
{
    switch (k) {
    case TOK_NAME: case TOK_NUMBER: case TOK_STRING: case TOK_NONE: case TOK_TRUE:
    case TOK_FALSE: case TOK_ELLIPSIS: case TOK_LPAR: case TOK_LSQB: case TOK_LBRACE:
    case TOK_RPAR: case TOK_RSQB: case TOK_RBRACE: case TOK_DOT: case TOK_PLUS:
    case TOK_MINUS: case TOK_TILDE: case TOK_SLASH: case TOK_DOUBLESLASH: case TOK_PERCENT:
    case TOK_AT: case TOK_LEFTSHIFT: case TOK_RIGHTSHIFT: case TOK_AMPER: case TOK_VBAR:
    case TOK_CIRCUMFLEX: case TOK_AWAIT:
        return true;
    case TOK_STAR: case TOK_DOUBLESTAR:
        return !first;
    default:
        return false;
    }
}

/* Follows the right side of an assignment whose first target is bad (see
 * parse_ctx.h): where the bitwise_or that CPython's invalid_named_
 * expression reads after the '=' would stop. */
static void note_rhs_token(mpy_parse_ctx *ctx, int kind, const mpy_yyltype *loc)
{
    if (ctx->rhs_broken)
        return;
    bool first = ctx->rhs_tokens++ == 0;
    if (first)
        ctx->rhs_first = *loc;
    if (!ctx->lx || ctx->lx->level > 0)
        return; /* inside brackets (an opening one is level 1 already) */
    if (!continues_bitwise_or(kind, first)) {
        ctx->rhs_broken = true;
        return;
    }
    switch (kind) {
    case TOK_NAME: case TOK_NUMBER: case TOK_STRING: case TOK_NONE: case TOK_TRUE:
    case TOK_FALSE: case TOK_ELLIPSIS: case TOK_RPAR: case TOK_RSQB: case TOK_RBRACE:
        ctx->rhs_operand = true;
        break;
    default:
        break;
    }
}

static int push(mpy_yypstate *ps, mpy_parse_ctx *ctx, int kind, const mpy_token *t)
{
    mpy_yyltype loc = {t->line, t->col, t->end_line, t->end_col, t->start, t->end};
    /* CPython's NEWLINE token starts at a comment before it (the tokenizer
     * sets the token start before skipping the comment); errors placed at
     * the NEWLINE point there.  The first '#' between the previous token
     * and the newline on its line is the comment's. */
    if (kind == TOK_NEWLINE && t->col > 0 && ctx->src && t->start <= ctx->len) {
        size_t from = t->start - (size_t)t->col, prev_end = ctx->prev_loc[1].end;
        if (ctx->prev_kind[1] != TOK_NEWLINE && prev_end > from && prev_end <= t->start)
            from = prev_end;
        for (size_t i = from; i < t->start; i++)
            if (ctx->src[i] == '#') {
                loc.first_column = t->col - (int)(t->start - i);
                loc.start = i;
                break;
            }
    }
    if (mpy_parse_doomed(ctx))
        note_rhs_token(ctx, kind, &loc);
    ctx->cur_kind = kind;
    ctx->cur_loc = loc;
    MPY_YYSTYPE val;
    memset(&val, 0, sizeof val);
    int r = mpy_yypush_parse(ps, kind, &val, &loc, ctx);
    ctx->prev_kind[0] = ctx->prev_kind[1];
    ctx->prev_loc[0] = ctx->prev_loc[1];
    ctx->prev_kind[1] = kind;
    ctx->prev_loc[1] = loc;
    if (ctx->arena->nomem)
        return PUSH_NOMEM;
    switch (r) {
    case YYPUSH_MORE: return PUSH_MORE;
    case 0: return PUSH_ACCEPT;
    case 2:
        /* Bison's "memory exhausted": the fixed stack is full, which only
         * deep nesting can do. */
        if (!ctx->failed) {
            mpy_ast_loc l = mpy_loc(&loc);
            mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, l, "too many nested expressions");
        }
        return PUSH_ERROR;
    default:
        if (!ctx->failed)
            mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, mpy_loc(&loc), "invalid syntax");
        return PUSH_ERROR;
    }
}

static mpy_token start_token(void)
{
    mpy_token t = {0, 0, 0, 1, 0, 1, 0};
    return t;
}

static int start_kind(mpy_parse_mode mode)
{
    return mode == MPY_MODE_SINGLE ? TOK_START_SINGLE
         : mode == MPY_MODE_EVAL ? TOK_START_EVAL
         : TOK_START_EXEC;
}

/* Whether a token starting at `start` exists only because the input ended:
 * nothing but blanks and a comment lies between it and the end. */
static bool at_end(const char *src, size_t len, size_t start)
{
    size_t i = start;
    while (i < len && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f' || src[i] == '\r'))
        i++;
    if (i < len && src[i] == '#')
        while (i < len && src[i] != '\n')
            i++;
    return i >= len;
}

/* ------------------------------------------------------------------------ */
/* Running to the end of the input */

typedef struct {
    int status;     /* PUSH_ACCEPT, PUSH_ERROR or PUSH_NOMEM */
    bool at_eof;    /* the error was only that the input ended */
    bool lexical;   /* the error came from the tokenizer */
} run_result;

/* The input ends inside a bracket on the right side of `f() = ...`.
 * CPython's diagnostic pass reports the open bracket when its
 * invalid_named_expression reads a bitwise_or after the '=' into it (as in
 * `f() = (`); otherwise the bad target (`None = (`, `f() = x, (`). */
static void bad_target_at_eof(mpy_parse_ctx *ctx)
{
    if (mpy_ast_target_reads_on(ctx->bad_target) && !ctx->rhs_broken)
        return;
    ctx->failed = false;
    ctx->err_from_parser = false;
    mpy_ast_first_target_ok(ctx, ctx->bad_target, ctx->rhs_operand, mpy_loc(&ctx->rhs_first));
}

/* Drives lx/ps/ctx over src[0..len) to the end.  imply_dedent: at the end of
 * single-mode input close open blocks (compile() does; codeop's first two
 * passes do not). */
static run_result run_to_end(mpy_parse_mode mode, mpy_lexer *lx, mpy_yypstate *ps,
                             mpy_parse_ctx *ctx, const char *src, size_t len, bool imply_dedent)
{
    run_result res = {PUSH_ERROR, false, false};
    bool extra_newline = mode == MPY_MODE_SINGLE;
    ctx->src = src;
    ctx->len = len;
    ctx->lx = lx;
    for (;;) {
        mpy_token t;
        int k = mpy_lexer_next(lx, src, len, true, &t);
        if (k == MPY_LEX_ERROR) {
            if (after_single_statement(ps, ctx))
                return res;
            record_lex_error(ctx, lx);
            res.at_eof = lx->err_at_eof && !mpy_parse_doomed(ctx);
            res.lexical = true;
            if (ctx->bad_target && lx->err_at_eof && lx->level > 0)
                bad_target_at_eof(ctx);
            return res;
        }
        bool eof = at_end(src, len, t.start) && !mpy_parse_doomed(ctx);
        if (k == TOK_ENDMARKER && extra_newline) {
            /* As CPython's parser does in single mode: the first ENDMARKER
             * is preceded by a NEWLINE of its own (with no column).  pegen
             * turns an ENDMARKER into that NEWLINE whenever the token before
             * it was not one so turned; the implied DEDENTs come in between,
             * so after them a second NEWLINE comes (the one that ends the
             * compound statement: `if x:\n  return 1` parses and then gets
             * the compiler's error). */
            extra_newline = false;
            mpy_token nl = t;
            nl.col = nl.end_col = -1;
            int r = push(ps, ctx, TOK_NEWLINE, &nl);
            int dedents = imply_dedent ? lx->indent : 0;
            for (int i = 0; r == PUSH_MORE && i < dedents; i++)
                r = push(ps, ctx, TOK_DEDENT, &t);
            if (r == PUSH_MORE && dedents > 0)
                r = push(ps, ctx, TOK_NEWLINE, &nl);
            if (r != PUSH_MORE) {
                res.status = r == PUSH_ACCEPT ? PUSH_ERROR : r;
                res.at_eof = r == PUSH_ERROR && ctx->err_from_parser && !mpy_parse_doomed(ctx);
                return res;
            }
        }
        int failed_before = ctx->failed;
        int r = push(ps, ctx, k, &t);
        if (r == PUSH_MORE)
            continue;
        res.status = r;
        /* An error an action raised (`1 = x`, `return` outside a function)
         * is never "incomplete": CPython finds those in a pass that only
         * runs when the input is otherwise fine. */
        res.at_eof = r == PUSH_ERROR && eof && !failed_before && ctx->err_from_parser;
        return res;
    }
}

static bool starts_expression(int k)
{
    switch (k) {
    case TOK_NAME: case TOK_NUMBER: case TOK_STRING: case TOK_LPAR: case TOK_LSQB:
    case TOK_LBRACE: case TOK_MINUS: case TOK_PLUS: case TOK_TILDE: case TOK_NOT:
    case TOK_LAMBDA: case TOK_NONE: case TOK_TRUE: case TOK_FALSE: case TOK_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

static bool ends_expression(int k)
{
    return k == TOK_NAME || k == TOK_NUMBER || k == TOK_STRING || k == TOK_RPAR ||
           k == TOK_RSQB || k == TOK_RBRACE || k == TOK_NONE || k == TOK_TRUE || k == TOK_FALSE;
}

/* CPython's check after a parse error: tokenize the rest of the input; a
 * tokenizer error there (an unterminated string, a bad character) is what
 * gets reported, and so is a bracket never closed when the parse error lies
 * on a later line than the bracket.  CPython's second, diagnostic parse also
 * reads on through an expression that starts at the error token, so a
 * bracket left open by that expression (`f(a b`, `if x = (`) wins too: that
 * is approximated by "the error token can start or continue an expression
 * and no NEWLINE comes before the end". */
static void prefer_tokenizer_error(mpy_lexer *lx, mpy_parse_ctx *ctx, const char *src, size_t len)
{
    /* pegen raises "unexpected indent" and "unexpected unindent" when the
     * first pass stopped at an INDENT or DEDENT, and returns without
     * tokenizing the rest (`\tif x:\n        pass` is that, not the
     * TabError of line 2). */
    if (ctx->err.kind == MPY_SYNERR_INDENTATION && strncmp(ctx->err.msg, "unexpected ", 11) == 0)
        return;
    /* Nor after a complete single-mode statement (after_single_statement). */
    if (strcmp(ctx->err.msg, multiple_statements) == 0)
        return;
    int err_line = ctx->err.line;
    int tok = ctx->prev_kind[1], before = ctx->prev_kind[0];
    /* An eval-mode expression at the top level is no named_expression:
     * invalid_named_expression, which reads past the '=', is not tried
     * there (`x = (` in eval mode is "invalid syntax" at the '='). */
    bool named = !(ctx->mode == MPY_MODE_EVAL && lx->level == 0);
    /* (An error an action raised at the '=' is a chained target's, `x = f()
     * = (`: no invalid_named_expression there.) */
    bool reads_on = starts_expression(tok) ||
                    (tok == TOK_EQUAL && named && ctx->err_from_parser && ends_expression(before));
    bool newline = false;
    for (;;) {
        mpy_token t;
        int k = mpy_lexer_next(lx, src, len, true, &t);
        if (k == TOK_ENDMARKER)
            return;
        if (k == TOK_NEWLINE)
            newline = true;
        if (k == MPY_LEX_ERROR) {
            if (lx->err_at_eof && lx->level > 0 && err_line <= lx->paren_line[lx->level - 1] &&
                !(reads_on && !newline))
                return;
            record_lex_error(ctx, lx);
            return;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* The incremental parser */

static void *xrealloc(mpy_parser *p, void *ptr, size_t old, size_t new)
{
    return p->realloc(p->ud, ptr, old, new);
}

static bool init_states(mpy_parser *p)
{
    size_t n = mpy_pstate_size();
    void *a = xrealloc(p, NULL, 0, n), *b = xrealloc(p, NULL, 0, n);
    if (!a || !b) {
        if (a)
            xrealloc(p, a, n, 0);
        if (b)
            xrealloc(p, b, n, 0);
        return false;
    }
    p->ps = mpy_pstate_init(a);
    p->snap = mpy_pstate_init(b);
    return true;
}

static void reset_state(mpy_parser *p)
{
    mpy_pstate_release(p->ps);
    mpy_pstate_init(p->ps);
    mpy_lexer_init(&p->lx, false);
    memset(&p->ctx, 0, sizeof p->ctx);
    p->ctx.arena = p->arena;
    p->ctx.mode = p->mode;
    p->len = p->prefix = p->scanned = 0;
    if (p->buf)
        p->buf[0] = '\0';
    p->seen_code = false;
    p->has_nul = false;
    p->state = RUNNING;
    p->started = false;
    p->final = false;
}

mpy_parser *mpy_parser_new(mpy_parse_mode mode, mpy_realloc_fn fn, void *ud)
{
    if (!fn)
        fn = mpy_default_realloc;
    mpy_parser *p = fn(ud, NULL, 0, sizeof *p);
    if (!p)
        return NULL;
    memset(p, 0, sizeof *p);
    p->mode = mode;
    p->realloc = fn;
    p->ud = ud;
    mpy_arena_init(&p->own_arena, fn, ud);
    p->arena = &p->own_arena;
    if (!init_states(p)) {
        fn(ud, p, sizeof *p, 0);
        return NULL;
    }
    reset_state(p);
    return p;
}

void mpy_parser_free(mpy_parser *p)
{
    if (!p)
        return;
    size_t n = mpy_pstate_size();
    mpy_pstate_release(p->ps);
    mpy_pstate_release(p->snap);
    xrealloc(p, p->ps, n, 0);
    xrealloc(p, p->snap, n, 0);
    if (p->buf)
        xrealloc(p, p->buf, p->cap, 0);
    mpy_arena_free(&p->own_arena);
    p->realloc(p->ud, p, sizeof *p, 0);
}

void mpy_parser_defer_compiler_errors(mpy_parser *p, bool on) { p->defer_compiler_errors = on; }

bool mpy_parser_only_blank(const mpy_parser *p) { return !p->seen_code; }

mpy_parse_mode mpy_parser_mode(const mpy_parser *p) { return p->mode; }

mpy_parse_status mpy_parser_verdict_text(mpy_parser *p, const char *src, size_t len, mpy_ast_mod **out,
                                         mpy_syntax_error *err)
{
    if (p->final || len < p->len || (p->len && memcmp(p->buf, src, p->len) != 0))
        mpy_parser_reset(p);
    if (!mpy_parser_feed(p, src + p->len, len - p->len)) {
        mpy_parser_reset(p);
        return MPY_PARSE_NOMEM;
    }
    mpy_parse_status st = mpy_parser_verdict(p, out, err);
    p->final = st != MPY_PARSE_INCOMPLETE;
    return st;
}

void mpy_parser_reset(mpy_parser *p)
{
    if (p->arena == &p->own_arena)
        mpy_arena_free(&p->own_arena);
    reset_state(p);
}

const char *mpy_parser_source(const mpy_parser *p, size_t *len)
{
    if (len)
        *len = p->len;
    return p->buf ? p->buf : "";
}

/* codeop treats input of only blank and comment lines as `pass`.  Lines are
 * scanned once, as they complete, to keep feeding linear. */
static void scan_for_code(mpy_parser *p)
{
    size_t i = p->scanned;
    while (!p->seen_code && i < p->len) {
        size_t j = i;
        while (j < p->len && strchr(" \t\f\v\r", p->buf[j]) && p->buf[j] != '\0')
            j++;
        if (j < p->len && p->buf[j] != '\n' && p->buf[j] != '#')
            p->seen_code = true;
        const char *nl = memchr(p->buf + j, '\n', p->len - j);
        if (!nl)
            return; /* rescan this unfinished line next time */
        i = p->scanned = (size_t)(nl - p->buf) + 1;
    }
}

bool mpy_parser_feed(mpy_parser *p, const char *text, size_t len)
{
    if (p->state == OUT_OF_MEMORY)
        return false;
    if (p->len + len + 2 > p->cap) {
        size_t ncap = p->cap ? p->cap : 256;
        while (ncap < p->len + len + 2)
            ncap *= 2;
        char *nb = xrealloc(p, p->buf, p->cap, ncap);
        if (!nb) {
            p->state = OUT_OF_MEMORY;
            return false;
        }
        p->buf = nb;
        p->cap = ncap;
    }
    memcpy(p->buf + p->len, text, len);
    if (memchr(text, '\0', len))
        p->has_nul = true;
    p->len += len;
    p->buf[p->len] = '\0';
    /* The real lexer may go up to the last '\n'. */
    for (size_t i = p->len; i > p->prefix; i--)
        if (p->buf[i - 1] == '\n') {
            p->prefix = i;
            break;
        }
    return true;
}

/* Feeds the real parser every token the complete lines hold. */
static void advance(mpy_parser *p)
{
    mpy_parse_ctx *ctx = &p->ctx;
    ctx->src = p->buf;
    ctx->len = p->len;
    ctx->lx = &p->lx;
    if (!p->started) {
        mpy_token st = start_token();
        push(p->ps, ctx, start_kind(p->mode), &st);
        p->started = true;
    }
    while (p->state == RUNNING) {
        mpy_token t;
        /* The lexer needs its NUL sentinel at the end of what it may see. */
        char saved = p->buf[p->prefix];
        p->buf[p->prefix] = '\0';
        int k = mpy_lexer_next(&p->lx, p->buf, p->prefix, false, &t);
        p->buf[p->prefix] = saved;
        if (k == MPY_LEX_MORE)
            return;
        if (k == MPY_LEX_ERROR) {
            if (!after_single_statement(p->ps, ctx))
                record_lex_error(ctx, &p->lx);
            p->state = FAILED;
            return;
        }
        int r = push(p->ps, ctx, k, &t);
        if (r == PUSH_NOMEM)
            p->state = OUT_OF_MEMORY;
        else if (r != PUSH_MORE)
            p->state = FAILED; /* a token of a finished line: no more text helps */
    }
}

/* Points the scratch state at a copy of the real one. */
static void snapshot(mpy_parser *p)
{
    p->snap_lx = p->lx;
    p->snap_ctx = p->ctx;
    mpy_pstate_release(p->snap);
    mpy_pstate_copy(p->snap, p->ps);
}

static run_result run_pass(mpy_parser *p, bool add_newline, bool imply_dedent)
{
    size_t len = p->len;
    /* compile(src + "\n"), and exec mode's implied final newline, are
     * an extra '\n' written into the spare byte for the duration. */
    bool nl = add_newline || (p->mode == MPY_MODE_EXEC && len > 0 && p->buf[len - 1] != '\n');
    if (nl) {
        p->buf[len++] = '\n';
        p->buf[len] = '\0';
    }
    snapshot(p);
    p->arena->trial = true;
    p->arena->pass++;
    run_result r = run_to_end(p->mode, &p->snap_lx, p->snap, &p->snap_ctx, p->buf, len, imply_dedent);
    if (r.status == PUSH_ERROR && !r.lexical && !r.at_eof) {
        mpy_lexer rest = p->snap_lx;
        prefer_tokenizer_error(&rest, &p->snap_ctx, p->buf, len);
    }
    p->arena->trial = false;
    if (nl)
        p->buf[--len] = '\0';
    return r;
}

/* Suffix test for error messages. */
static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The error of c as CPython words and places it.  verdict: for
 * mpy_parser_verdict, which stands for codeop compiling a string: the
 * compiler's errors then carry no text (CPython finds no file to read the
 * line from). */
static mpy_parse_status report(mpy_parser *p, mpy_syntax_error *err, const mpy_parse_ctx *c, bool verdict)
{
    if (!err)
        return MPY_PARSE_ERROR;
    *err = c->err;
    bool col_less = err->offset < 0; /* at single mode's extra NEWLINE */
    finish_error(err, p->buf, p->len);
    size_t tl = strlen(err->text);
    int tok_line = c->err_tok_line;
    int source = c->err_source;
    if (source == MPY_ERR_TOKENIZER) {
        /* Some tokenizer errors are raised by pegen (tokenizer_error) with
         * the parser's text rule and an end of -1 (+1 for a known
         * location). */
        static const struct { const char *msg; int end; } by_parser[] = {
            {"was never closed", 0},
            {"unexpected EOF while parsing", -1},
            {"unindent does not match any outer indentation level", -1},
            {"inconsistent use of tabs and spaces in indentation", 0},
            {"unexpected character after line continuation character", 0},
        };
        for (size_t i = 0; i < sizeof by_parser / sizeof *by_parser; i++)
            if (ends_with(err->msg, by_parser[i].msg)) {
                source = MPY_ERR_PARSER;
                err->end_offset = by_parser[i].end;
                tok_line = err->line;
                if (i == 0) {
                    /* found at the end of the input: the tokenizer is on
                     * the line of the last character */
                    tok_line = 1;
                    for (size_t j = 0; j + 1 < p->len; j++)
                        tok_line += p->buf[j] == '\n';
                }
            }
    }
    if (err->kind == MPY_SYNERR_INDENTATION && strncmp(err->msg, "unexpected ", 11) == 0)
        err->end_offset = -1; /* raised at an INDENT or DEDENT, which have no end */
    if (strcmp(err->msg, multiple_statements) == 0) {
        tok_line = err->line; /* found before the next line is read */
        err->end_offset = err->offset; /* at the NEWLINE, which leaves the '\n' out */
    }
    switch (source) {
    case MPY_ERR_TOKENIZER:
        /* the tokenizer's line, without its newline */
        if (tl > 0 && err->text[tl - 1] == '\n')
            err->text[tl - 1] = '\0';
        break;
    case MPY_ERR_COMPILER:
        if (verdict)
            err->text[0] = '\0';
        break;
    default:
        /* The parser takes the text of the tokenizer's current line with
         * its newline (exec input has one implied at the end), and of an
         * earlier line without. */
        if (err->line < tok_line) {
            if (tl > 0 && err->text[tl - 1] == '\n')
                err->text[tl - 1] = '\0';
        } else if (p->mode == MPY_MODE_EXEC && tl > 0 && err->text[tl - 1] != '\n' &&
                   tl + 1 < sizeof err->text) {
            err->text[tl] = '\n';
            err->text[tl + 1] = '\0';
        }
        if (col_less && err->end_offset < 0)
            err->end_offset = 0; /* a token without a column ends at -1 + 1 */
        break;
    }
    return MPY_PARSE_ERROR;
}

static mpy_ast_mod *empty_mod(mpy_parser *p)
{
    mpy_ast_mod *m = mpy_arena_alloc(p->arena, sizeof *m);
    if (m) {
        m->kind = p->mode == MPY_MODE_SINGLE ? MPY_AST_INTERACTIVE : MPY_AST_MODULE;
        m->body = mpy_ast_seq_new(p->arena);
    }
    return m;
}

mpy_parse_status mpy_parser_verdict(mpy_parser *p, mpy_ast_mod **out, mpy_syntax_error *err)
{
    if (out)
        *out = NULL;
    if (p->state == OUT_OF_MEMORY)
        return MPY_PARSE_NOMEM;
    if (p->has_nul) {
        /* codeop compiles a string: compile() refuses one holding a NUL
         * before any parsing, with no position (lineno None: 0 here).
         * A file's NUL is the tokenizer's error, "source code cannot
         * contain null bytes", with its line (lexer.re; mpy_parse). */
        if (err) {
            memset(err, 0, sizeof *err);
            snprintf(err->msg, sizeof err->msg, "source code string cannot contain null bytes");
        }
        return MPY_PARSE_ERROR;
    }
    advance(p);
    if (p->state == OUT_OF_MEMORY || p->arena->nomem)
        return MPY_PARSE_NOMEM;
    if (p->state == FAILED) {
        mpy_lexer rest = p->lx;
        mpy_parse_ctx c = p->ctx;
        if (c.err_from_parser || !c.failed)
            prefer_tokenizer_error(&rest, &c, p->buf, p->len);
        return report(p, err, &c, true);
    }
    scan_for_code(p);
    if (!p->seen_code && p->mode != MPY_MODE_EVAL) {
        if (out && !(*out = empty_mod(p)))
            return MPY_PARSE_NOMEM;
        return MPY_PARSE_COMPLETE;
    }

    run_result r = run_pass(p, false, false);
    if (r.status == PUSH_NOMEM)
        return MPY_PARSE_NOMEM;
    if (r.status == PUSH_ACCEPT) {
        if (out)
            *out = p->snap_ctx.result;
        return MPY_PARSE_COMPLETE;
    }
    if (!r.at_eof)
        return report(p, err, &p->snap_ctx, true);

    r = run_pass(p, true, false);
    if (r.status == PUSH_NOMEM)
        return MPY_PARSE_NOMEM;
    if (r.status == PUSH_ACCEPT || r.at_eof)
        return MPY_PARSE_INCOMPLETE;
    /* python3's own console compiles a statement only once it has read
     * all of it: what its compiler rejects waits for the end of the block
     * (codeop, compiling the text + "\n", reports it now). */
    if (p->defer_compiler_errors && p->snap_ctx.failed && p->snap_ctx.err_source == MPY_ERR_COMPILER)
        return MPY_PARSE_INCOMPLETE;

    r = run_pass(p, false, true);
    if (r.status == PUSH_NOMEM)
        return MPY_PARSE_NOMEM;
    if (r.status == PUSH_ACCEPT) {
        if (out)
            *out = p->snap_ctx.result;
        return MPY_PARSE_COMPLETE;
    }
    return report(p, err, &p->snap_ctx, true);
}

/* ------------------------------------------------------------------------ */
/* One-shot parsing: compile() without codeop's incomplete-input rule. */

mpy_parse_status mpy_parse(const char *src, size_t len, mpy_parse_mode mode,
                           mpy_arena *arena, mpy_ast_mod **out, mpy_syntax_error *err)
{
    mpy_parser *p = mpy_parser_new(mode, arena->realloc, arena->ud);
    if (!p)
        return MPY_PARSE_NOMEM;
    p->arena = arena;
    p->ctx.arena = arena;
    mpy_parse_status st;
    if (!mpy_parser_feed(p, src, len)) {
        st = MPY_PARSE_NOMEM;
        goto done;
    }
    advance(p);
    if (p->state == OUT_OF_MEMORY || arena->nomem) {
        st = MPY_PARSE_NOMEM;
    } else if (p->state == FAILED) {
        mpy_lexer rest = p->lx;
        mpy_parse_ctx c = p->ctx;
        if (c.err_from_parser || !c.failed)
            prefer_tokenizer_error(&rest, &c, p->buf, p->len);
        st = report(p, err, &c, false);
    } else {
        run_result r = run_pass(p, false, true);
        if (r.status == PUSH_NOMEM)
            st = MPY_PARSE_NOMEM;
        else if (r.status == PUSH_ACCEPT) {
            if (out)
                *out = p->snap_ctx.result;
            st = MPY_PARSE_COMPLETE;
        } else
            st = report(p, err, &p->snap_ctx, false);
    }
done:
    mpy_parser_free(p);
    return st;
}

/* ------------------------------------------------------------------------ */
/* f-string replacement fields */

/* Parses one replacement-field expression as CPython 3.11 does: the text is
 * wrapped in parentheses (so it may span lines and hold a bare `yield`) and
 * parsed on its own, then positions are moved to where the text sits in the
 * outer source. */
mpy_ast_expr *mpy_parse_fstring_expr(mpy_parse_ctx *ctx, const char *src, size_t len,
                                     int line, int col)
{
    mpy_arena *a = ctx->arena;
    char *text = mpy_arena_alloc(a, len + 4);
    void *mem = a->realloc(a->ud, NULL, 0, mpy_pstate_size());
    if (!text || !mem) {
        if (mem)
            a->realloc(a->ud, mem, mpy_pstate_size(), 0);
        a->nomem = true;
        return NULL;
    }
    text[0] = '(';
    memcpy(text + 1, src, len);
    text[len + 1] = ')';
    text[len + 2] = '\0';
    size_t tlen = len + 2;

    mpy_yypstate *ps = mpy_pstate_init(mem);
    mpy_parse_ctx sub;
    memset(&sub, 0, sizeof sub);
    sub.arena = a;
    sub.mode = MPY_MODE_EVAL;
    sub.parent = ctx;
    sub.fstring_depth = ctx->fstring_depth + 1;
    sub.line_offset = line - 1;
    sub.col_offset = col - 1;
    mpy_lexer lx;
    mpy_lexer_init(&lx, false);
    sub.src = text;
    sub.len = tlen;
    sub.lx = &lx;

    mpy_token st = start_token();
    int r = push(ps, &sub, TOK_START_FSTRING, &st);
    while (r == PUSH_MORE) {
        mpy_token t;
        int k = mpy_lexer_next(&lx, text, tlen, true, &t);
        if (k == MPY_LEX_ERROR) {
            record_lex_error(&sub, &lx);
            r = PUSH_ERROR;
            break;
        }
        /* Positions as in the outer source: the first line is shifted by
         * the field's column (minus the added parenthesis). */
        if (t.line == 1)
            t.col += col - 1;
        if (t.end_line == 1)
            t.end_col += col - 1;
        t.line += line - 1;
        t.end_line += line - 1;
        r = push(ps, &sub, k, &t);
    }
    mpy_pstate_release(ps);
    a->realloc(a->ud, mem, mpy_pstate_size(), 0);
    if (r == PUSH_ACCEPT)
        return sub.fstring_result;
    if (sub.failed && !ctx->failed) {
        ctx->failed = true;
        ctx->err = sub.err;
        if (strncmp(sub.err.msg, "f-string", 8) != 0) {
            /* "f-string: " + the message, cut to fit */
            static const char prefix[] = "f-string: ";
            size_t room = sizeof ctx->err.msg - sizeof prefix;
            size_t n = strlen(sub.err.msg);
            if (n > room)
                n = room;
            memcpy(ctx->err.msg, prefix, sizeof prefix - 1);
            memcpy(ctx->err.msg + sizeof prefix - 1, sub.err.msg, n);
            ctx->err.msg[sizeof prefix - 1 + n] = '\0';
        }
    }
    return NULL;
}
