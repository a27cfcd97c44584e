/* The smallest embedding: an interactive console over a namespace built
 * in C, with a banner and an exit message.  The C version of
 *
 *     import code
 *     local_vars = {"x": 42, "msg": "Hello from the embedded console!"}
 *     code.interact(local=local_vars, banner="App Console", exitmsg="Goodbye!")
 */
#include <stdio.h>
#include <minipy/vm.h>

int main(void)
{
    mpy_vm *vm = mpy_vm_new(NULL);
    if (!vm) return 1;
    mpy_handle ns = mpy_new_dict(vm);
    if (!ns || !mpy_entry_set_int(vm, ns, "x", 42) ||
        !mpy_entry_set_str(vm, ns, "msg", "Hello from the embedded console!")) {
        mpy_print_exception(vm);
        return 1;
    }
    mpy_result r = mpy_interact(vm, "App Console", ns, "Goodbye!");
    int status = r == MPY_SYSTEM_EXIT ? mpy_exit_status(vm) : 0;
    mpy_handle_release(vm, ns);
    mpy_vm_free(vm);
    return status;
}
