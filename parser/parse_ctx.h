/* The state grammar actions, literal decoding and the parse driver share.
 *
 * Grammar actions (grammar/minipy.y) only build AST nodes through ast.c
 * constructors and, where a construct is valid grammar but not valid Python
 * (`1 = x`, `f(**a, *b)`), report a SyntaxError through mpy_parse_fail and
 * then YYERROR.  They never change a node or sequence that already exists
 * (see mpy_ast_seq in ast.h): the incremental driver runs copies of the
 * parser stacks to decide verdicts.
 */
#ifndef MPY_PARSE_CTX_H
#define MPY_PARSE_CTX_H

#include <stdarg.h>
#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "parse.h"
#include "lexer.h"

/* Bison's location type: CPython's positions plus the byte span, which is
 * how actions get at the text of NAME, NUMBER and STRING tokens. */
typedef struct mpy_yyltype {
    int first_line, first_column; /* 1-based line, 0-based byte column */
    int last_line, last_column;   /* end, exclusive */
    size_t start, end;            /* byte offsets in ctx->src */
} mpy_yyltype;

/* One STRING token of an implicitly concatenated literal. */
typedef struct mpy_strtok {
    size_t start, end;
    mpy_ast_loc loc;
} mpy_strtok;

struct mpy_lexer;

typedef struct mpy_parse_ctx {
    mpy_arena *arena;
    const char *src; /* the whole source so far; may move between calls */
    size_t len;
    mpy_parse_mode mode;

    /* The lexer feeding this parse, for error messages that depend on the
     * bracket stack; and the previous two tokens pushed (kind and span). */
    const struct mpy_lexer *lx;
    int prev_kind[2];
    mpy_yyltype prev_loc[2];
    /* The token being pushed (actions run while Bison holds it as the
     * lookahead): pegen places errors raised without a position at the
     * last token it fetched, which is this one. */
    int cur_kind;
    mpy_yyltype cur_loc;

    /* The tree, stored by the start rule's action. */
    mpy_ast_mod *result;
    mpy_ast_expr *fstring_result;

    /* Set by mpy_parse_fail (first error wins); the driver reports it.
     * yyreport_syntax_error also sets err_from_parser: only an error the LR
     * automaton found can mean "incomplete input"; one an action raised
     * (`1 = x`) is final wherever it happens. */
    bool failed;
    bool err_from_parser;
    mpy_syntax_error err;
    /* Who raised err, for the text and end offset CPython gives it: the
     * tokenizer (its line without the '\n', end = start), the compiler
     * (mpy_ast_check: no text from a string) or the parser; and the line
     * the tokenizer was on then (the parser's text keeps its '\n' only on
     * that line). */
    enum { MPY_ERR_PARSER, MPY_ERR_TOKENIZER, MPY_ERR_COMPILER } err_source;
    int err_tok_line;

    /* A statement whose first assignment target can never be assigned to
     * (`f() = ...`), noted when its '=' is read.  CPython's first pass
     * fails at that '=', so the input is an error, never incomplete, even
     * if the text ends inside the right side.  The driver follows the
     * right side's tokens at bracket level 0 to tell which error CPython's
     * diagnostic pass reports when it ends in an open bracket (see
     * parser/parse.c, note_rhs_token).  mpy_parse_doomed tells. */
    const mpy_ast_expr *bad_target;
    /* The same for an illegal augmented-assignment target (`f() += 1`),
     * noted with its operator by aug_lhs. */
    mpy_ast_expr *bad_aug;
    mpy_yyltype bad_aug_op;
    int rhs_tokens;      /* tokens pushed after that '=' */
    bool rhs_operand;    /* a bitwise_or operand is complete there */
    bool rhs_broken;     /* a token that ends the bitwise_or came */
    mpy_yyltype rhs_first;

    /* f-string nesting: an expression inside an f-string is parsed by a
     * nested parse whose ctx points back here. */
    int fstring_depth;
    struct mpy_parse_ctx *parent;
    /* For a nested f-string parse: where the expression text starts in the
     * outer source, so positions in errors and nodes are the outer ones. */
    int line_offset, col_offset;
} mpy_parse_ctx;

/* Records a SyntaxError (or IndentationError/TabError) at loc with a
 * printf-style message; returns false so actions can write
 * `if (!x) return mpy_parse_fail(...)` where that reads well.  Only the first
 * error is kept. */
bool mpy_parse_fail(mpy_parse_ctx *ctx, mpy_synerr_kind kind, mpy_ast_loc loc,
                    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Whether the statement being parsed is already known to be an error. */
static inline bool mpy_parse_doomed(const mpy_parse_ctx *ctx)
{
    return ctx->bad_target || ctx->bad_aug;
}

/* Converts a Bison location to an AST position. */
static inline mpy_ast_loc mpy_loc(const mpy_yyltype *l)
{
    mpy_ast_loc r = {l->first_line, l->first_column, l->last_line, l->last_column};
    return r;
}

/* Literals (parser/strlit.c, parser/number.c).  Each returns a Constant or
 * JoinedStr node, or NULL with the SyntaxError recorded in ctx. */
mpy_ast_expr *mpy_ast_number(mpy_parse_ctx *ctx, const mpy_yyltype *tok);
/* toks: a sequence of mpy_strtok*, the adjacent STRING tokens in order. */
mpy_ast_expr *mpy_ast_strings(mpy_parse_ctx *ctx, const mpy_ast_seq *toks, mpy_ast_loc loc);

/* Out-of-memory in an action: true if the arena has failed. */
static inline bool mpy_parse_nomem(const mpy_parse_ctx *ctx)
{
    return ctx->arena->nomem;
}

/* Parse the expression of an f-string replacement field, src[0..len) taken
 * from the outer source at (line, col).  Returns the expression, or NULL with
 * the error recorded in ctx (messages as 3.11's "f-string: ..."). */
mpy_ast_expr *mpy_parse_fstring_expr(mpy_parse_ctx *ctx, const char *src, size_t len,
                                     int line, int col);

#endif
