/* Private interface between the two halves of string-literal decoding:
 * parser/strlit.c (prefixes, escapes, implicit concatenation) and
 * parser/fstring.c (splitting f-strings into literal text and replacement
 * fields); parser/number.c shares only mpy_literal_fail.
 *
 * The design copies CPython 3.11's Parser/string_parser.c closely, because
 * ast.dump shows its quirks (which parts are merged, which positions and
 * `kind` each Constant gets) and its error messages quote positions in its
 * own intermediate buffers.  The names below map onto CPython's:
 *   mpy_fstate          FstringParser (pending text + list of parts)
 *   mpy_fstate_finish   _PyPegen_FstringParser_Finish
 *   mpy_fstring_concat  _PyPegen_FstringParser_ConcatFstring
 */
#ifndef MPY_STRLIT_H
#define MPY_STRLIT_H

#include <stdbool.h>
#include <stddef.h>

#include "parse_ctx.h"

/* A byte buffer that grows inside the arena (old blocks are abandoned, so a
 * buffer costs at most twice its final size). */
typedef struct mpy_strbuf {
    char *data;
    size_t len, cap;
} mpy_strbuf;

/* Makes room for `extra` more bytes plus a NUL; false when out of memory. */
bool mpy_strbuf_reserve(mpy_arena *a, mpy_strbuf *b, size_t extra);

/* What the whole implicitly concatenated literal shares: every Constant,
 * FormattedValue and top-level JoinedStr is placed at `loc`, the span from
 * the first token to the last (CPython's first_token..last_token), and a
 * Constant gets kind='u' when the first token's text starts with a
 * lower-case 'u'. */
typedef struct mpy_strlit {
    mpy_parse_ctx *ctx;
    mpy_ast_loc loc;
    bool u_kind;
} mpy_strlit;

/* One string or format spec being assembled (CPython's FstringParser).
 * `last` is the literal text not yet turned into a Constant; it is never
 * kept empty, so last.len == 0 means "no pending text".  `fmode` is set once
 * an f-string took part, which makes the result a JoinedStr. */
typedef struct mpy_fstate {
    mpy_strbuf last;
    bool fmode;
    mpy_ast_seq *values;
} mpy_fstate;

/* mpy_parse_fail for literal errors.  Inside an f-string field (a nested
 * parse, ctx->fstring_depth > 0) the message gets "f-string: " in front,
 * as every error CPython's nested parser raises does, even one that starts
 * with "f-string" already: f'{f"{x!z}"}' is "f-string: f-string: invalid
 * conversion character...". */
bool mpy_literal_fail(mpy_parse_ctx *ctx, mpy_ast_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Where decoding errors are reported.  CPython raises them at the token the
 * parser had just fetched, which is the one after the literal; we use the
 * point just past the literal, where that token normally starts. */
mpy_ast_loc mpy_strlit_errloc(const mpy_strlit *sl);

/* Decodes a str literal body s[0..n) (escapes unless raw; "\r\n" and "\r"
 * read as "\n") and appends the UTF-8 result to out.  false with the
 * SyntaxError recorded on a bad escape or out of memory. */
bool mpy_strlit_decode_str(const mpy_strlit *sl, mpy_strbuf *out, const char *s, size_t n,
                           bool raw);

/* Moves the pending text of st into a Constant node at loc (kind='u' when
 * u_kind) and appends it to st->values. */
bool mpy_fstate_flush(const mpy_strlit *sl, mpy_fstate *st, mpy_ast_loc loc, bool u_kind);

/* Appends a finished part (FormattedValue) to st->values. */
bool mpy_fstate_push(const mpy_strlit *sl, mpy_fstate *st, mpy_ast_expr *e);

/* The node for st: a Constant when no f-string took part, else a JoinedStr
 * of the parts; the last Constant and the JoinedStr are placed at loc. */
mpy_ast_expr *mpy_fstate_finish(const mpy_strlit *sl, mpy_fstate *st, mpy_ast_loc loc,
                                bool u_kind);

/* Parses the f-string body [*str, end) of token t into st.  recurse_lvl is 0
 * for a whole f-string and 1 or 2 for a format spec, which ends at a '}'
 * (left unconsumed).  Advances *str past what it used. */
bool mpy_fstring_concat(const mpy_strlit *sl, mpy_fstate *st, const mpy_strtok *t,
                        const char **str, const char *end, bool raw, int recurse_lvl);

#endif
