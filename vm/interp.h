/* Entry points of the interpreter for the rest of the VM. */
#ifndef MPY_INTERP_H
#define MPY_INTERP_H

#include "vm/frame.h"

bool mpy_interp_init(mpy_vm *vm);
void mpy_interp_free(mpy_vm *vm);
/* Calls a Python function (the function type's call slot). */
mpy_value mpy_interp_call(mpy_vm *vm, mpy_function *fn, int argc, const mpy_value *args, mpy_tuple *kwnames);
/* Runs module / class-body / exec code with the given namespaces. */
mpy_value mpy_interp_run_code(mpy_vm *vm, mpy_code *co, mpy_dict *globals, mpy_value locals, mpy_tuple *closure);
/* The innermost Python frame's globals / locals (for globals(), locals(),
 * vars(), dir(), eval without namespaces). */
mpy_value mpy_interp_globals(mpy_vm *vm);
mpy_value mpy_interp_locals(mpy_vm *vm);
bool mpy_interp_super_args(mpy_vm *vm, mpy_value *type, mpy_value *obj);
void mpy_frame_mark(mpy_vm *vm, mpy_frame *f);

#endif
