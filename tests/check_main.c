/* Runs every Check suite in one SRunner.  Fork mode stays on (the default),
 * so a crash fails one test instead of the whole run. */
#include <check.h>
#include <stdlib.h>

#include "suites.h"

int main(void)
{
    SRunner *sr = srunner_create(NULL);
#define MPY_SUITE(name) srunner_add_suite(sr, name##_suite());
    MPY_TEST_SUITES(MPY_SUITE)
#undef MPY_SUITE
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
