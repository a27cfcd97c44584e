/* See frontend_tool.h. */
#include "frontend_tool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar.h"
#include "lexer.h"
#include "parse.h"

static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 2);
    if (!buf)
        return NULL;
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static char *read_path(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        perror(path);
        return NULL;
    }
    char *s = slurp(f, len);
    if (f != stdin)
        fclose(f);
    return s;
}

static void print_error(const mpy_syntax_error *e)
{
    printf("%s: %s (line %d, offset %d)\n", mpy_synerr_name(e->kind), e->msg, e->line, e->offset);
}

int mpy_tool_tokens(const char *path)
{
    size_t len;
    char *src = read_path(path, &len);
    if (!src)
        return 1;
    mpy_lexer lx;
    mpy_lexer_init(&lx, true);
    mpy_token t;
    int status = 0;
    for (;;) {
        int k = mpy_lexer_next(&lx, src, len, true, &t);
        if (k == MPY_LEX_ERROR) {
            printf("ERROR %d:%d %s\n", lx.err_line, lx.err_col, lx.err_msg);
            status = 1;
            break;
        }
        printf("%d,%d-%d,%d %s %.*s\n", t.line, t.col, t.end_line, t.end_col, mpy_token_name(k),
               (int)(t.end - t.start), src + t.start);
        if (k == TOK_ENDMARKER)
            break;
    }
    free(src);
    return status;
}

/* attributes: 1 with positions, 0 without, -1 parse only */
int mpy_tool_ast(const char *path, int attributes)
{
    size_t len;
    char *src = read_path(path, &len);
    if (!src)
        return 1;
    mpy_arena arena;
    mpy_arena_init(&arena, NULL, NULL);
    mpy_ast_mod *mod = NULL;
    mpy_syntax_error err;
    int status = 0;
    mpy_parse_status st = mpy_parse(src, len, MPY_MODE_EXEC, &arena, &mod, &err);
    if (st == MPY_PARSE_COMPLETE && attributes < 0) {
        /* --parse: the tree is built; printing it is not being measured */
    } else if (st == MPY_PARSE_COMPLETE) {
        size_t n;
        char *d = mpy_ast_dump(&arena, mod, attributes, &n);
        if (d)
            printf("%s\n", d);
    } else if (st == MPY_PARSE_ERROR) {
        print_error(&err);
        status = 1;
    } else {
        printf("%s\n", st == MPY_PARSE_NOMEM ? "out of memory" : "incomplete input");
        status = 1;
    }
    mpy_arena_free(&arena);
    free(src);
    return status;
}

int mpy_tool_verdict(const char *mode)
{
    mpy_parse_mode m;
    if (strcmp(mode, "exec") == 0)
        m = MPY_MODE_EXEC;
    else if (strcmp(mode, "single") == 0)
        m = MPY_MODE_SINGLE;
    else if (strcmp(mode, "eval") == 0)
        m = MPY_MODE_EVAL;
    else {
        fprintf(stderr, "minipy: mode must be exec, single or eval\n");
        return 2;
    }
    size_t len;
    char *src = slurp(stdin, &len);
    if (!src)
        return 1;
    mpy_parser *p = mpy_parser_new(m, NULL, NULL);
    if (!p || !mpy_parser_feed(p, src, len)) {
        fprintf(stderr, "minipy: out of memory\n");
        return 1;
    }
    mpy_ast_mod *mod;
    mpy_syntax_error err;
    switch (mpy_parser_verdict(p, &mod, &err)) {
    case MPY_PARSE_COMPLETE: printf("COMPLETE\n"); break;
    case MPY_PARSE_INCOMPLETE: printf("INCOMPLETE\n"); break;
    case MPY_PARSE_ERROR: printf("ERROR "); print_error(&err); break;
    case MPY_PARSE_NOMEM: printf("NOMEM\n"); break;
    }
    mpy_parser_free(p);
    free(src);
    return 0;
}
