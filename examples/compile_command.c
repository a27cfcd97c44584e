/* codeop.compile_command from C: the three-way verdict (code object /
 * more input needed / SyntaxError).  The C version of compile_command.py. */
#include <stdio.h>
#include <string.h>
#include <minipy/vm.h>

/* compile_command(src) in "single" mode; prints nothing. */
static mpy_result verdict(mpy_vm *vm, const char *src, mpy_handle *code)
{
    return mpy_compile_command(vm, src, strlen(src), NULL, MPY_EXEC_SINGLE, code);
}

static const char *py_bool(bool b) { return b ? "True" : "False"; }

int main(void)
{
    mpy_vm *vm = mpy_vm_new(NULL);
    if (!vm) return 1;
    mpy_handle code;

    /* A complete statement compiles to a code object. */
    printf("%s\n", py_bool(verdict(vm, "x = 1", &code) == MPY_OK));
    mpy_handle_release(vm, code);
    /* An incomplete compound statement needs more input. */
    printf("%s\n", py_bool(verdict(vm, "if True:", &code) == MPY_INCOMPLETE));
    /* An unclosed bracket also needs more input. */
    printf("%s\n", py_bool(verdict(vm, "x = (", &code) == MPY_INCOMPLETE));
    /* The result is a code object. */
    char name[64];
    if (verdict(vm, "x=1", &code) == MPY_OK) {
        mpy_type_name_of(vm, code, name, sizeof name);
        printf("%s\n", name);
        mpy_handle_release(vm, code);
    }
    /* Invalid input raises SyntaxError. */
    if (verdict(vm, "x = )", &code) == MPY_SYNTAX_ERROR) {
        mpy_exception_type(vm, name, sizeof name);
        printf("%s\n", name);
        mpy_clear_exception(vm);
    }
    mpy_vm_free(vm);
    return 0;
}
