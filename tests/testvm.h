/* Helpers shared by the Check suites that drive a VM from C. */
#ifndef MPY_TESTVM_H
#define MPY_TESTVM_H

#include "runtime/object.h"

/* repr(v) as C text, or "Type: message" of the pending exception when v
 * is MPY_NULL (the exception is taken out).  The text lives in a static
 * buffer until the next call. */
const char *mpy_test_repr(mpy_vm *vm, mpy_value v);

#endif
