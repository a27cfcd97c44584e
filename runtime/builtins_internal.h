/* Private to the builtins files (runtime/builtins*.c, mod_sys.c): the
 * method tables each file contributes to the builtins namespace, and the
 * few helpers they share.  Not for the rest of the runtime. */
#ifndef MPY_BUILTINS_INTERNAL_H
#define MPY_BUILTINS_INTERNAL_H

#include "object.h"

/* Native functions of each builtins file, NULL-name terminated. */
extern const mpy_method_def mpy_builtins_core_defs[];  /* builtins.c */
extern const mpy_method_def mpy_builtins_num_defs[];   /* builtins_num.c */
extern const mpy_method_def mpy_builtins_io_defs[];    /* builtins_io.c */

/* The stream a default sys.stdout/stderr/stdin object stands for
 * (MPY_STDOUT, MPY_STDERR, 0 for stdin), or -1 when `obj` is not one of
 * minipy's own stream objects (mod_sys.c). */
int mpy_sys_stream_of(mpy_vm *vm, mpy_value obj);
/* The current value of sys.<name> (MPY_NULL, no exception, if unset). */
mpy_value mpy_sys_get(mpy_vm *vm, mpy_str *name);
/* Writes straight to the VM's output hook (fwrite when it is NULL). */
void mpy_sys_hook_write(mpy_vm *vm, int stream, const char *text, size_t len);
/* Reads a line through the read_line hook (stdin when NULL) after
 * showing prompt: a str without the newline, MPY_NONE at end of input,
 * MPY_NULL on error. */
mpy_value mpy_sys_read_line(mpy_vm *vm, const char *prompt);

#endif
