/* f-strings: splitting a body into literal text and replacement fields
 * ({expr}, {expr!r}, {expr:spec}, {expr=}), as CPython 3.11's
 * Parser/string_parser.c does before PEP 701.
 *
 * The expression of a field is found by scanning (bracket nesting, string
 * literals skipped), not by the tokenizer, so the 3.11 restrictions follow
 * from the scan: no backslash anywhere in the expression, no '#', and the
 * expression ends at the first '!', ':', '=' or '}' at depth 0 that is not
 * part of "!=", "==", "<=" or ">=".  The text found is parsed by the
 * grammar (mpy_parse_fstring_expr), which wraps it in parentheses exactly
 * as CPython compiles "(" + text + ")": that is what allows leading spaces,
 * newlines in triple-quoted f-strings, `f'{a, b}'` (a tuple) and
 * `f'{x for x in y}'` (a generator expression).
 *
 * A format spec is itself an f-string body (recurse_lvl 1), which may hold
 * one more level of fields; a field inside those (recurse_lvl 2) is
 * "f-string: expressions nested too deeply".  "{{" and "}}" are escapes
 * only at the top level: in a spec "{{" opens a field holding a set or dict
 * display, as in CPython.
 *
 * Positions, also as in CPython 3.11: every Constant and FormattedValue is
 * placed at the span of the whole concatenated literal; a format spec's
 * JoinedStr and its last Constant at the span of the token holding it.
 */
#include "strlit.h"

#include <string.h>

/* Python's str.isspace() for ASCII (Py_ISSPACE). */
static bool py_isspace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_newline(const char *p, const char *end)
{
    return *p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n'));
}

/* --- literal text ----------------------------------------------------------- */

/* Scans literal text from *str up to a '{' or '}' that starts or ends a
 * field, decoding it into st->last.  Returns 1 after a doubled brace (the
 * first brace is part of the text and scanning goes on past the second), 0
 * when a field or the end is next, -1 on error. */
static int find_literal(const mpy_strlit *sl, mpy_fstate *st, const char **str, const char *end,
                        bool raw, int recurse_lvl)
{
    const char *s = *str, *literal_start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                /* The braces of \N{NAME} are not a field.  A malformed \N is
                 * left for the decoder to report. */
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                }
                continue;
            }
            /* "\{" falls through: the brace still opens a field, and the
             * backslash is decoded as a literal one at the end of the text. */
        }
        if (ch == '{' || ch == '}') {
            if (recurse_lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    mpy_literal_fail(sl->ctx, mpy_strlit_errloc(sl),
                                   "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (s != literal_start && !mpy_strlit_decode_str(sl, &st->last, literal_start,
                                                     (size_t)(s - literal_start), raw))
        return -1;
    return result;
}

/* --- the expression ----------------------------------------------------------- */

static bool fail(const mpy_strlit *sl, const char *msg)
{
    return mpy_literal_fail(sl->ctx, mpy_strlit_errloc(sl), "%s", msg);
}

/* Where CPython places the text of a field for the nested parse
 * (fstring_find_expr_location): the line of the '{', and its column
 * counted from the token start, or from the last newline before it in a
 * multi-line token (then without the token's own column).  When only
 * whitespace separates the '{' from a newline the column is 0. */
static void expr_position(const mpy_strtok *t, const char *tok_text, const char *brace,
                          int *line, int *col)
{
    const char *tok_end = tok_text + (t->end - t->start);
    bool newline_after_brace = true;
    for (const char *p = brace + 1; p < tok_end && *p != '}' && !is_newline(p, tok_end); p++) {
        if (*p != ' ' && *p != '\t' && *p != '\f') {
            newline_after_brace = false;
            break;
        }
    }
    int lines = 0, cols = 0;
    if (!newline_after_brace) {
        const char *p = brace;
        while (p > tok_text && !is_newline(p, tok_end))
            p--;
        cols = (int)(brace - p) - (is_newline(p, tok_end) ? 1 : 0);
    }
    for (const char *p = tok_text; p < brace; p++)
        if (is_newline(p, tok_end))
            lines++;
    *line = t->loc.line + lines;
    *col = lines ? cols : t->loc.col + cols;
}

/* Parses the field text [start, end) (CPython's fstring_compile_expr). */
static mpy_ast_expr *compile_expr(const mpy_strlit *sl, const mpy_strtok *t, const char *start,
                                  const char *end)
{
    const char *s = start;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f'))
        s++;
    if (s == end) {
        if (*end == '!' || *end == ':' || *end == '=')
            mpy_literal_fail(sl->ctx, mpy_strlit_errloc(sl),
                           "f-string: expression required before '%c'", *end);
        else
            fail(sl, "f-string: empty expression not allowed");
        return NULL;
    }
    /* mpy_parse_fstring_expr adds the parentheses, the first one at the
     * column before the text's. */
    int line, col;
    expr_position(t, sl->ctx->src + t->start, start - 1, &line, &col);
    return mpy_parse_fstring_expr(sl->ctx, start, (size_t)(end - start), line, col + 1);
}

/* Moves *str past the expression of a field: see the header comment.
 * Returns false (error recorded) on a backslash, '#' or bad nesting. */
static bool scan_expr(const mpy_strlit *sl, const char **str, const char *end)
{
    char quote = 0;   /* the quote of the string literal we are in, or 0 */
    int string_type = 0; /* 1 or 3 quotes */
    int depth = 0;
    char parens[MPY_LEX_MAX_LEVEL];
    for (; *str < end; (*str)++) {
        const char *p = *str;
        char ch = *p;
        if (ch == '\\')
            return fail(sl, "f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote) {
                if (string_type == 3) {
                    if (p + 2 < end && p[1] == ch && p[2] == ch) {
                        *str += 2;
                        quote = 0;
                        string_type = 0;
                    }
                } else {
                    quote = 0;
                    string_type = 0;
                }
            }
        } else if (ch == '\'' || ch == '"') {
            if (p + 2 < end && p[1] == ch && p[2] == ch) {
                string_type = 3;
                *str += 2;
            } else {
                string_type = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= MPY_LEX_MAX_LEVEL)
                return fail(sl, "f-string: too many nested parenthesis");
            parens[depth++] = ch;
        } else if (ch == '#') {
            return fail(sl, "f-string expression part cannot include '#'");
        } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '<' ||
                                  ch == '>')) {
            /* "!=", "==", "<=" and ">=" are operators, and a lone '<' or
             * '>' is a comparison: none of them ends the expression. */
            if (p + 1 < end && p[1] == '=' && ch != ':' && ch != '}') {
                *str += 1;
                continue;
            }
            if (ch == '<' || ch == '>')
                continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (depth == 0)
                return mpy_literal_fail(sl->ctx, mpy_strlit_errloc(sl),
                                      "f-string: unmatched '%c'", ch);
            char open = parens[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
                  (open == '{' && ch == '}')))
                return mpy_literal_fail(sl->ctx, mpy_strlit_errloc(sl),
                                      "f-string: closing parenthesis '%c' does not match "
                                      "opening parenthesis '%c'",
                                      ch, open);
        }
    }
    if (quote)
        return fail(sl, "f-string: unterminated string");
    if (depth)
        return mpy_literal_fail(sl->ctx, mpy_strlit_errloc(sl),
                              "f-string: unmatched '%c'", parens[depth - 1]);
    return true;
}

static mpy_ast_expr *parse_spec(const mpy_strlit *sl, const mpy_strtok *t, const char **str,
                                const char *end, bool raw, int recurse_lvl)
{
    mpy_fstate spec = {{NULL, 0, 0}, false, NULL};
    if (!mpy_fstring_concat(sl, &spec, t, str, end, raw, recurse_lvl))
        return NULL;
    /* CPython finishes a spec at the token (Finish(p, &state, t, t)); an
     * f-string token never starts with 'u', so no kind='u' here. */
    return mpy_fstate_finish(sl, &spec, t->loc, false);
}

static mpy_ast_expr *formatted_value(const mpy_strlit *sl, mpy_ast_expr *value, int conversion,
                                     mpy_ast_expr *spec)
{
    mpy_ast_expr *e = mpy_ast_expr_new(sl->ctx->arena, MPY_AST_EXPR_FormattedValue, sl->loc);
    if (!e)
        return NULL;
    e->v.FormattedValue.value = value;
    e->v.FormattedValue.conversion = conversion;
    e->v.FormattedValue.format_spec = spec;
    int depth = value->depth;
    if (spec && spec->depth > depth)
        depth = spec->depth;
    e->depth = depth + 1;
    if (e->depth > MPY_AST_MAX_DEPTH) {
        fail(sl, "too many nested expressions");
        return NULL;
    }
    return e;
}

/* Parses the field starting at the '{' at *str (CPython's
 * fstring_find_expr).  The text of an `=` field goes to st->last. */
static mpy_ast_expr *find_expr(const mpy_strlit *sl, mpy_fstate *st, const mpy_strtok *t,
                               const char **str, const char *end, bool raw, int recurse_lvl)
{
    if (recurse_lvl >= 2) {
        fail(sl, "f-string: expressions nested too deeply");
        return NULL;
    }
    *str += 1;
    const char *expr_start = *str;
    if (!scan_expr(sl, str, end))
        return NULL;
    if (*str >= end)
        goto expecting;
    /* The expression is parsed before the conversion and spec are looked
     * at, so its errors come first. */
    mpy_ast_expr *value = compile_expr(sl, t, expr_start, *str);
    if (!value)
        return NULL;

    const char *expr_text = NULL;
    size_t expr_text_len = 0;
    if (**str == '=') {
        *str += 1;
        while (*str < end && py_isspace(**str))
            *str += 1;
        if (*str >= end)
            goto expecting;
        expr_text = expr_start;
        expr_text_len = (size_t)(*str - expr_start);
    }

    int conversion = -1;
    if (**str == '!') {
        *str += 1;
        if (*str >= end)
            goto expecting;
        conversion = (unsigned char)**str;
        *str += 1;
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            fail(sl, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return NULL;
        }
    }

    mpy_ast_expr *spec = NULL;
    if (*str < end && **str == ':') {
        *str += 1;
        if (*str >= end)
            goto expecting;
        spec = parse_spec(sl, t, str, end, raw, recurse_lvl + 1);
        if (!spec)
            return NULL;
    }
    if (*str >= end || **str != '}')
        goto expecting;
    *str += 1;

    /* `{x=}` shows repr(x) unless a conversion or a spec says otherwise. */
    if (expr_text && !spec && conversion == -1)
        conversion = 'r';
    /* The `=` text is source text: no escapes (a backslash was refused),
     * newlines read as in the rest of the source. */
    if (expr_text && !mpy_strlit_decode_str(sl, &st->last, expr_text, expr_text_len, true))
        return NULL;
    return formatted_value(sl, value, conversion, spec);

expecting:
    fail(sl, "f-string: expecting '}'");
    return NULL;
}

/* --- the body ----------------------------------------------------------------- */

bool mpy_fstring_concat(const mpy_strlit *sl, mpy_fstate *st, const mpy_strtok *t,
                        const char **str, const char *end, bool raw, int recurse_lvl)
{
    st->fmode = true;
    for (;;) {
        int r = find_literal(sl, st, str, end, raw, recurse_lvl);
        if (r < 0)
            return false;
        if (r == 1)
            continue;
        if (*str >= end || **str == '}')
            break;
        mpy_ast_expr *fv = find_expr(sl, st, t, str, end, raw, recurse_lvl);
        if (!fv)
            return false;
        /* Text before a field becomes its own Constant, placed (and given
         * kind='u') as the whole literal. */
        if (!mpy_fstate_flush(sl, st, sl->loc, sl->u_kind) || !mpy_fstate_push(sl, st, fv))
            return false;
    }
    if (recurse_lvl == 0 && *str < end - 1)
        return fail(sl, "f-string: unexpected end of string");
    if (recurse_lvl != 0 && (*str >= end || **str != '}'))
        return fail(sl, "f-string: expecting '}'");
    return true;
}
