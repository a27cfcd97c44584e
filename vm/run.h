/* Source to running code: the path shared by mpy_exec, the console,
 * exec()/eval()/compile() and import. */
#ifndef MPY_RUN_H
#define MPY_RUN_H

#include <stdio.h>

#include "vm/code.h"
#include "parser/parse.h"

/* Reads the opened file fp to its end and closes it (vm/api_run.c):
 * returns the NUL-terminated text, *len bytes in a VM allocation of *cap
 * bytes.  NULL with OSError "cannot read 'path'" or MemoryError pending. */
char *mpy_read_source_stream(mpy_vm *vm, FILE *fp, const char *path, size_t *len, size_t *cap);

/* Parses and compiles src[0..len) in `mode`.  NULL with a SyntaxError (or
 * MemoryError) pending on failure. */
mpy_code *mpy_compile_source(mpy_vm *vm, const char *src, size_t len, const char *filename, mpy_parse_mode mode);

/* Compiles an already parsed tree; NULL with SyntaxError/MemoryError pending. */
mpy_code *mpy_compile_ast(mpy_vm *vm, const mpy_ast_mod *mod, const char *filename, mpy_parse_mode mode);

/* Runs module-level code with globals (and locals, MPY_NULL: the same
 * dict).  Sets __builtins__ in globals when missing.  The code's result, or
 * MPY_NULL with the exception pending. */
mpy_value mpy_run_code(mpy_vm *vm, mpy_code *co, mpy_dict *globals, mpy_value locals);

#endif
