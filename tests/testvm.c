/* Helpers shared by the Check suites that drive a VM from C (testvm.h). */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "testvm.h"
#include "vm/vm.h"
#include "vm/import.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/str.h"

const char *mpy_test_text(mpy_vm *vm, mpy_value v)
{
    static char buf[4096];
    if (mpy_is_null(v)) {
        mpy_value e = mpy_err_fetch(vm);
        mpy_value s = mpy_is_null(e) ? e : mpy_exc_str(vm, e);
        snprintf(buf, sizeof buf, "%s: %s", mpy_is_null(e) ? "?" : mpy_tname(vm, e),
                 mpy_is_null(s) ? "?" : mpy_as_str(s)->data);
        return buf;
    }
    if (!mpy_is_strv(v)) v = mpy_repr(vm, v);
    if (mpy_is_null(v)) return mpy_test_text(vm, v);
    snprintf(buf, sizeof buf, "%s", mpy_as_str(v)->data);
    return buf;
}

const char *mpy_test_repr(mpy_vm *vm, mpy_value v)
{
    return mpy_test_text(vm, mpy_is_null(v) ? v : mpy_repr(vm, v));
}

mpy_value mpy_test_module_attr(mpy_vm *vm, const char *module, const char *name)
{
    mpy_value m = mpy_import_module(vm, module);
    ck_assert_msg(!mpy_is_null(m), "import %s failed", module);
    mpy_value v = mpy_getattr_cstr(vm, m, name);
    ck_assert_msg(!mpy_is_null(v), "%s.%s failed", module, name);
    return v;
}

static void discard(mpy_vm *vm, mpy_stream stream, const char *text, size_t len)
{
    (void)vm, (void)stream, (void)text, (void)len;
}

mpy_vm *mpy_test_quiet_vm(void)
{
    mpy_config cfg;
    mpy_config_init(&cfg);
    cfg.write = discard;
    mpy_vm *vm = mpy_vm_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    return vm;
}

static void capture(mpy_vm *vm, mpy_stream stream, const char *text, size_t len)
{
    mpy_test_out *o = mpy_vm_user_data(vm);
    if (stream != MPY_STDOUT) {
        fwrite(text, 1, len, stderr); /* tracebacks explain a failure */
        return;
    }
    if (o->len + len >= sizeof o->text) len = sizeof o->text - 1 - o->len;
    memcpy(o->text + o->len, text, len);
    o->len += len;
    o->text[o->len] = 0;
}

mpy_vm *mpy_test_capture_vm(mpy_test_out *out)
{
    mpy_config cfg;
    mpy_config_init(&cfg);
    cfg.write = capture;
    cfg.user_data = out;
    mpy_vm *vm = mpy_vm_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    return vm;
}

void mpy_test_exec_expect(mpy_vm *vm, const mpy_test_out *out, const char *src, const char *want)
{
    mpy_result r = mpy_exec(vm, src, strlen(src), "<test>", MPY_EXEC_FILE);
    if (r != MPY_OK) mpy_print_exception(vm);
    ck_assert_int_eq(r, MPY_OK);
    ck_assert_str_eq(out->text, want);
}
