/* Budgeted allocation for the out-of-memory tests (testalloc.h). */
#include "testalloc.h"

#include "arena.h"

void *mpy_test_budget_realloc(void *ud, void *ptr, size_t old_size, size_t new_size)
{
    long *budget = ud;
    if (new_size == 0)
        return mpy_default_realloc(NULL, ptr, old_size, 0);
    if (*budget <= 0)
        return NULL;
    (*budget)--;
    return mpy_default_realloc(NULL, ptr, old_size, new_size);
}
