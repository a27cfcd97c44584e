/* Helpers shared by the Check suites that drive a VM from C (testvm.h). */
#include <stdio.h>

#include "testvm.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/str.h"

const char *mpy_test_repr(mpy_vm *vm, mpy_value v)
{
    static char buf[4096];
    if (mpy_is_null(v)) {
        mpy_value e = mpy_err_fetch(vm);
        mpy_value s = mpy_is_null(e) ? e : mpy_exc_str(vm, e);
        snprintf(buf, sizeof buf, "%s: %s", mpy_is_null(e) ? "?" : mpy_tname(vm, e),
                 mpy_is_null(s) ? "?" : mpy_as_str(s)->data);
        return buf;
    }
    mpy_value r = mpy_repr(vm, v);
    if (mpy_is_null(r)) return mpy_test_repr(vm, r);
    snprintf(buf, sizeof buf, "%s", mpy_as_str(r)->data);
    return buf;
}
