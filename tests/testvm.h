/* Helpers shared by the Check suites that drive a VM from C. */
#ifndef MPY_TESTVM_H
#define MPY_TESTVM_H

#include <stdbool.h>
#include <stddef.h>

#include "runtime/object.h"

/* repr(v) as C text, or "Type: message" of the pending exception when v
 * is MPY_NULL (the exception is taken out).  The text lives in a static
 * buffer until the next call. */
const char *mpy_test_repr(mpy_vm *vm, mpy_value v);
/* The same, but a str value gives its own text rather than its repr. */
const char *mpy_test_text(mpy_vm *vm, mpy_value v);

/* module.name, both asserted to exist. */
mpy_value mpy_test_module_attr(mpy_vm *vm, const char *module, const char *name);

/* A new VM (asserted non-NULL) that writes nothing anywhere. */
mpy_vm *mpy_test_quiet_vm(void);

/* What a VM made by mpy_test_capture_vm printed to stdout, NUL-terminated
 * (cut short when it fills the buffer); its stderr goes to the process's
 * stderr, where tracebacks explain a failure. */
typedef struct mpy_test_out {
    char text[16384];
    size_t len;
} mpy_test_out;

/* A new VM (asserted non-NULL) whose stdout is appended to *out, which the
 * caller zeroes first. */
mpy_vm *mpy_test_capture_vm(mpy_test_out *out);

/* Runs src as a file in vm, printing the traceback if it raises, and
 * asserts that it ran and that *out (vm's captured stdout) is want. */
void mpy_test_exec_expect(mpy_vm *vm, const mpy_test_out *out, const char *src, const char *want);

#endif
