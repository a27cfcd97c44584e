/* Case-file reader: see casefile.h. */
#include "casefile.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Unescapes s[0..n) into a fresh buffer. */
static char *unescape(const char *s, size_t n, size_t *outlen)
{
    char *out = malloc(n + 1), *o = out;
    ck_assert_ptr_nonnull(out);
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 == n) {
            *o++ = s[i];
            continue;
        }
        char c = s[++i];
        if (c == 'n')
            *o++ = '\n';
        else if (c == 't')
            *o++ = '\t';
        else if (c == 'r')
            *o++ = '\r';
        else if (c == 'x' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            *o++ = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else
            *o++ = c;
    }
    *o = '\0';
    *outlen = (size_t)(o - out);
    return out;
}

mpy_casefile *mpy_casefile_load(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        ck_abort_msg("cannot open case file %s (run the tests from the top directory)", path);
    mpy_casefile *cf = calloc(1, sizeof *cf);
    int cap = 0, lineno = 0;
    mpy_case *cur = NULL;
    char *line = NULL;
    size_t linecap = 0;
    ssize_t n;
    while ((n = getline(&line, &linecap, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (strcmp(line, "%%") == 0) {
            cur = NULL;
            continue;
        }
        if (!cur && (n == 0 || line[0] == '#'))
            continue;
        if (!cur) {
            if (cf->n == cap) {
                cap = cap ? cap * 2 : 64;
                cf->cases = realloc(cf->cases, (size_t)cap * sizeof *cf->cases);
            }
            cur = &cf->cases[cf->n++];
            memset(cur, 0, sizeof *cur);
            cur->line = lineno;
        }
        char *colon = strstr(line, ": ");
        size_t klen = colon ? (size_t)(colon - line) : (size_t)n;
        const char *v = colon ? colon + 2 : line + n;
        if (cur->nfields == MPY_CASE_MAX_FIELDS)
            ck_abort_msg("%s:%d: too many fields", path, lineno);
        int i = cur->nfields++;
        char *key = malloc(klen + 1);
        memcpy(key, line, klen);
        key[klen] = '\0';
        cur->key[i] = key;
        cur->val[i] = unescape(v, strlen(v), &cur->len[i]);
    }
    free(line);
    fclose(f);
    return cf;
}

int mpy_casefile_count(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 1;
    int n = 0;
    bool in_record = false;
    char *line = NULL;
    size_t linecap = 0;
    ssize_t len;
    /* The loader's rule: "%%" ends a record, and outside one a blank or
     * '#' line is skipped while any other line starts the next. */
    while ((len = getline(&line, &linecap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (strcmp(line, "%%") == 0)
            in_record = false;
        else if (!in_record && len > 0 && line[0] != '#') {
            in_record = true;
            n++;
        }
    }
    free(line);
    fclose(f);
    return n;
}

void mpy_casefile_free(mpy_casefile *cf)
{
    for (int i = 0; i < cf->n; i++)
        for (int j = 0; j < cf->cases[i].nfields; j++) {
            free((char *)cf->cases[i].key[j]);
            free(cf->cases[i].val[j]);
        }
    free(cf->cases);
    free(cf);
}

const char *mpy_case_get(const mpy_case *c, const char *key, size_t *len)
{
    for (int i = 0; i < c->nfields; i++)
        if (strcmp(c->key[i], key) == 0) {
            if (len)
                *len = c->len[i];
            return c->val[i];
        }
    return NULL;
}
