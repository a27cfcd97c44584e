/* The front end's entry points: source text in, AST or a verdict out.
 *
 * A parse result is COMPLETE (with the tree), INCOMPLETE (more lines could
 * make it valid, as codeop.compile_command returning None) or ERROR (with the
 * SyntaxError, IndentationError or TabError CPython 3.11 would raise).  The
 * verdict follows codeop's rule exactly: parse the text; if that fails, parse
 * it with one more '\n'; the input is incomplete when the second parse
 * succeeds or fails only because the input ended.
 *
 * mpy_parser is incremental: the console feeds one line at a time, the
 * parser keeps the lexer and the Bison push-parser state between lines, and
 * each verdict replays only the end of the input on a snapshot of that state.
 * A line costs work proportional to its length (and to the bracket and block
 * nesting depth), never to the size of the buffer.
 */
#ifndef MPY_PARSE_H
#define MPY_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "ast.h"

typedef enum {
    MPY_MODE_EXEC,   /* a module: compile(src, f, "exec") */
    MPY_MODE_SINGLE, /* one interactive statement: "single" */
    MPY_MODE_EVAL,   /* one expression: "eval" */
} mpy_parse_mode;

typedef enum {
    MPY_PARSE_COMPLETE,
    MPY_PARSE_INCOMPLETE,
    MPY_PARSE_ERROR,
    MPY_PARSE_NOMEM, /* the allocation function failed */
} mpy_parse_status;

/* The exception class of a syntax error. */
typedef enum {
    MPY_SYNERR_SYNTAX,      /* SyntaxError */
    MPY_SYNERR_INDENTATION, /* IndentationError */
    MPY_SYNERR_TAB,         /* TabError */
} mpy_synerr_kind;

/* What CPython puts in a SyntaxError: msg, lineno, offset (1-based, in
 * characters), end_lineno, end_offset and the text of the offending line. */
typedef struct mpy_syntax_error {
    mpy_synerr_kind kind;
    char msg[256];
    int line, offset;
    int end_line, end_offset;
    char text[512]; /* the source line, with its '\n' if it had one; may be
                       cut at 511 bytes */
} mpy_syntax_error;

/* Name of the exception class: "SyntaxError", "IndentationError", "TabError". */
const char *mpy_synerr_name(mpy_synerr_kind kind);

/* One-shot parse of src[0..len) (need not be NUL-terminated).  The tree is
 * allocated in `arena`, which the caller owns and frees.  On ERROR *err is
 * filled in. */
mpy_parse_status mpy_parse(const char *src, size_t len, mpy_parse_mode mode,
                           mpy_arena *arena, mpy_ast_mod **out,
                           mpy_syntax_error *err);

typedef struct mpy_parser mpy_parser;

/* A new incremental parser; fn may be NULL for libc.  NULL when out of memory. */
mpy_parser *mpy_parser_new(mpy_parse_mode mode, mpy_realloc_fn fn, void *ud);
void mpy_parser_free(mpy_parser *p);

/* Appends text to the source (it may hold any number of lines).  The console
 * feeds its first line as is and every later one as "\n" + line, so the
 * buffer is exactly what codeop would be given.  false when out of memory. */
bool mpy_parser_feed(mpy_parser *p, const char *text, size_t len);

/* The verdict for the text fed so far.  On COMPLETE *out is the tree, which
 * lives in the parser's arena until the next reset or free; on ERROR *err is
 * filled in.  After COMPLETE or ERROR the parser must be reset before more
 * text is fed; after INCOMPLETE feeding may go on. */
mpy_parse_status mpy_parser_verdict(mpy_parser *p, mpy_ast_mod **out, mpy_syntax_error *err);

/* Forgets all text and state, keeping the allocations for reuse. */
void mpy_parser_reset(mpy_parser *p);
/* Makes the verdicts those of python3's own console rather than codeop's:
 * an error found only by the compiler's checks ('return' outside
 * function...) in an unfinished compound statement is INCOMPLETE until the
 * statement ends, then ERROR.  Kept across resets. */
void mpy_parser_defer_compiler_errors(mpy_parser *p, bool on);
/* After a COMPLETE verdict: the text held only blank and comment lines
 * (codeop compiles "pass" for it). */
bool mpy_parser_only_blank(const mpy_parser *p);
mpy_parse_mode mpy_parser_mode(const mpy_parser *p);
/* The verdict for the whole text src[0..len), feeding only what it adds to
 * the text fed before (starting over when it does not extend it, or after
 * a final verdict).  For callers that get their buffer again at every line
 * (code.InteractiveConsole joins it): the cost of a line is that line. */
mpy_parse_status mpy_parser_verdict_text(mpy_parser *p, const char *src, size_t len, mpy_ast_mod **out,
                                         mpy_syntax_error *err);

/* The text fed so far (NUL-terminated) and its length. */
const char *mpy_parser_source(const mpy_parser *p, size_t *len);

#endif
