/* Source to running code: the path shared by mpy_exec, the console,
 * exec()/eval()/compile() and import. */
#ifndef MPY_RUN_H
#define MPY_RUN_H

#include "vm/code.h"
#include "parser/parse.h"

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
