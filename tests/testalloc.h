/* An allocation function for the out-of-memory tests of the front end. */
#ifndef MPY_TESTALLOC_H
#define MPY_TESTALLOC_H

#include <stddef.h>

/* A mpy_realloc_fn that fails once a budget of allocations is spent: ud
 * points to a long, the number of (re)allocations still allowed, which
 * each one that succeeds takes one from.  Freeing always works. */
void *mpy_test_budget_realloc(void *ud, void *ptr, size_t old_size, size_t new_size);

#endif
