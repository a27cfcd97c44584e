/* NUMBER tokens to Constant nodes.
 *
 * The lexer has already checked the form (prefixes, underscores between
 * digits, exponents), so this file only computes values:
 * - An int that fits in int64_t is stored as ival; a larger one keeps its
 *   digits (no prefix, underscores or leading zeros) and base for the
 *   runtime, which has the big integers.
 * - A decimal int literal of more than 4300 digits is a SyntaxError, as in
 *   CPython 3.11 (sys.int_info.default_max_str_digits): converting one
 *   costs quadratic time.  Only values that do not fit in a machine word
 *   can have that many digits (an all-zero literal is just 0).
 * - A float is converted by strtod, which is correctly rounded in glibc and
 *   the other C libraries we build on, so 0.1 and 1e500 (inf) come out as
 *   in CPython.
 * - `1j` and the like come as IMAGNUMBER tokens; their value is kept as an
 *   IMAG constant so the dump can show it.
 */
#include "strlit.h" /* mpy_literal_fail */

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STR_DIGITS 4300

/* Copies s[0..n) without underscores into buf (NUL-terminated), or into
 * the arena when it does not fit.  The lexer has validated s, so the copy
 * is exactly what strtod and the digit loops expect. */
static char *clean_digits(mpy_arena *a, const char *s, size_t n, char *buf, size_t cap)
{
    char *out = n < cap ? buf : mpy_arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '_')
            out[k++] = s[i];
    out[k] = '\0';
    return out;
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    return (c | 0x20) - 'a' + 10;
}

/* strtod in the "C" locale's notation whatever the host set: if the
 * locale's decimal point is not '.', the text is rewritten to use it. */
static double to_double(char *text)
{
    const char *point = localeconv()->decimal_point;
    if (point && point[0] && (point[0] != '.' || point[1])) {
        char *dot = strchr(text, '.');
        if (dot && !point[1])
            *dot = point[0];
    }
    return strtod(text, NULL);
}

static mpy_ast_expr *int_constant(mpy_parse_ctx *ctx, const mpy_yyltype *tok, const char *digits,
                                  int base, mpy_ast_expr *e)
{
    e->v.Constant.kind = MPY_CONST_INT;
    e->v.Constant.base = base;
    uint64_t v = 0;
    const char *d = digits;
    for (; *d; d++) {
        unsigned dv = (unsigned)digit_value(*d);
        if (v > ((uint64_t)INT64_MAX - dv) / (unsigned)base)
            break;
        v = v * (unsigned)base + dv;
    }
    if (!*d) {
        e->v.Constant.ival = (int64_t)v;
        return e;
    }
    while (*digits == '0')
        digits++;
    size_t n = strlen(digits);
    if (base == 10 && n > MAX_STR_DIGITS) {
        /* CPython omits the columns so the caret line is not thousands of
         * '^' long (_PyPegen_number_token). */
        mpy_ast_loc loc = {tok->first_line, -1, tok->last_line, -1};
        mpy_literal_fail(ctx, loc,
                       "Exceeds the limit (%d digits) for integer string conversion: value has "
                       "%zu digits; use sys.set_int_max_str_digits() to increase the limit - "
                       "Consider hexadecimal for huge integer literals to avoid decimal "
                       "conversion limits.",
                       MAX_STR_DIGITS, n);
        return NULL;
    }
    e->v.Constant.big = true;
    e->v.Constant.str = mpy_arena_strndup(ctx->arena, digits, n);
    e->v.Constant.len = n;
    return e->v.Constant.str ? e : NULL;
}

mpy_ast_expr *mpy_ast_number(mpy_parse_ctx *ctx, const mpy_yyltype *tok)
{
    const char *s = ctx->src + tok->start;
    size_t n = tok->end - tok->start;
    char small[64];
    char *text = clean_digits(ctx->arena, s, n, small, sizeof small);
    mpy_ast_expr *e = text ? mpy_ast_expr_new(ctx->arena, MPY_AST_EXPR_Constant, mpy_loc(tok)) : NULL;
    if (!e)
        return NULL;
    e->depth = 1;
    size_t len = strlen(text);

    if (len > 1 && text[0] == '0' && strchr("xXoObB", text[1])) {
        char p = (char)(text[1] | 0x20);
        return int_constant(ctx, tok, text + 2, p == 'x' ? 16 : p == 'o' ? 8 : 2, e);
    }
    if (text[len - 1] == 'j' || text[len - 1] == 'J') {
        text[len - 1] = '\0';
        e->v.Constant.kind = MPY_CONST_IMAG;
        e->v.Constant.fval = to_double(text);
        return e;
    }
    if (strpbrk(text, ".eE")) {
        e->v.Constant.kind = MPY_CONST_FLOAT;
        e->v.Constant.fval = to_double(text);
        return e;
    }
    return int_constant(ctx, tok, text, 10, e);
}
