/* The list of Check suites: tests/<dir>/check_<file>.c defines
 * Suite *<file>_suite(void) for each name here. */
#ifndef MPY_TEST_SUITES_H
#define MPY_TEST_SUITES_H

#include <check.h>

#define MPY_TEST_SUITES(X) \
    X(arena) X(lexer) X(parser) X(literals) X(verdict) X(pty) X(builtins) X(int) X(float) X(list) X(dict) X(set) X(gen) X(import) X(compile) X(str) X(format) X(mod_minipy) X(mod_collections) X(mod_itertools) X(mod_heapq) X(random) X(re) X(api) X(gc)

#define MPY_DECLARE_SUITE(name) Suite *name##_suite(void);
MPY_TEST_SUITES(MPY_DECLARE_SUITE)
#undef MPY_DECLARE_SUITE

#endif
