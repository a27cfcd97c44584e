/* A debug console over the host's own state: a C struct exposed to Python
 * through a member table, so that `state.active_users = 5` at the prompt
 * writes the C field.  The C version of debug_console.py:
 *
 *     class AppState:
 *         def __init__(self):
 *             self.version = "1.0"
 *             self.active_users = 0
 *             self.config = {"debug": True, "max_connections": 100}
 *     code.interact(banner=..., local={"state": AppState()}, exitmsg="")
 */
#include <stddef.h>
#include <stdio.h>
#include <minipy/vm.h>

typedef struct app_state {
    char version[16];
    int active_users;
    mpy_handle config;   /* a Python dict, owned through its handle */
} app_state;

static const mpy_member app_members[] = {
    {"version", MPY_MEMBER_CHARS, offsetof(app_state, version), sizeof(((app_state *)0)->version), false},
    {"active_users", MPY_MEMBER_INT, offsetof(app_state, active_users), 0, false},
    {"config", MPY_MEMBER_HANDLE, offsetof(app_state, config), 0, false},
    {NULL, 0, 0, 0, false},
};

static const mpy_class app_class = {"AppState", app_members, NULL};

static int fail(mpy_vm *vm)
{
    mpy_print_exception(vm);
    mpy_vm_free(vm);
    return 1;
}

int main(void)
{
    mpy_vm *vm = mpy_vm_new(NULL);
    if (!vm) return 1;
    app_state app = {"1.0", 0, MPY_NO_HANDLE};
    app.config = mpy_new_dict(vm);
    if (!app.config || !mpy_entry_set_bool(vm, app.config, "debug", true) ||
        !mpy_entry_set_int(vm, app.config, "max_connections", 100))
        return fail(vm);
    mpy_handle state = mpy_new_object(vm, &app_class, &app);
    mpy_handle ns = mpy_new_dict(vm);
    if (!state || !ns || !mpy_entry_set(vm, ns, "state", state)) return fail(vm);
    mpy_result r = mpy_interact(vm,
                                "Debug console\n"
                                "Access 'state' to inspect the running application.",
                                ns, "");
    /* The struct dies with main(): cut the Python object loose first. */
    mpy_object_detach(vm, state);
    int status = r == MPY_SYSTEM_EXIT ? mpy_exit_status(vm) : 0;
    fprintf(stderr, "active_users is now %d\n", app.active_users);
    mpy_handle_release(vm, state);
    mpy_handle_release(vm, ns);
    mpy_handle_release(vm, app.config);
    mpy_vm_free(vm);
    return status;
}
