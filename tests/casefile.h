/* Reader for the table files that python3 generates (tests/gen_*.py) and the
 * Check suites replay, so that `make test` itself needs no python3.
 *
 * Format: records separated by a line holding only "%%".  Each record is a
 * list of "key: value" lines; values are escaped so one fits on a line:
 * \n, \t, \r, \\ and \xHH (a raw byte).  Lines starting with '#' before the
 * first record are comments.
 */
#ifndef MPY_CASEFILE_H
#define MPY_CASEFILE_H

#include <stddef.h>

#define MPY_CASE_MAX_FIELDS 8

typedef struct mpy_case {
    int nfields;
    const char *key[MPY_CASE_MAX_FIELDS];
    char *val[MPY_CASE_MAX_FIELDS];    /* unescaped, NUL-terminated */
    size_t len[MPY_CASE_MAX_FIELDS];   /* length of val (may hold NUL) */
    int line;                          /* where the record starts */
} mpy_case;

typedef struct mpy_casefile {
    int n;
    mpy_case *cases;
} mpy_casefile;

/* Loads path (relative to the top directory, where `make test` runs);
 * aborts the test with a message if it cannot. */
mpy_casefile *mpy_casefile_load(const char *path);
void mpy_casefile_free(mpy_casefile *cf);
/* How many records mpy_casefile_load(path) would give, counted without
 * Check (a suite is built before any test runs), for loop tests.  A
 * missing file counts one record, whose test then fails with the loader's
 * message. */
int mpy_casefile_count(const char *path);
/* The value of key in c, or NULL; *len gets its length when len != NULL. */
const char *mpy_case_get(const mpy_case *c, const char *key, size_t *len);

#endif
