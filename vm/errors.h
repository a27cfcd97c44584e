/* Exception reporting and SyntaxError construction, shared by the API,
 * the builtins (exec/eval/compile), import and the default excepthook. */
#ifndef MPY_ERRORS_H
#define MPY_ERRORS_H

#include "vm/vm.h"
#include "runtime/object.h"
#include "parser/parse.h"

/* Raises the SyntaxError (IndentationError, TabError) the front end or the
 * compiler described, with filename, lineno, offset, text, end_lineno and
 * end_offset set as CPython sets them.  Always returns false. */
bool mpy_raise_syntax_error_file(mpy_vm *vm, const mpy_syntax_error *err, const char *filename);
/* Same with filename "<string>". */
bool mpy_raise_syntax_error(mpy_vm *vm, const mpy_syntax_error *err);

/* Writes exc as CPython's default sys.excepthook does (traceback, chained
 * exceptions, SyntaxError caret block) to sys.stderr.  The pending
 * exception, if any, is left as it was. */
void mpy_print_exception_value(mpy_vm *vm, mpy_value exc);

/* The mpy_result that describes the pending exception (MPY_OK if none). */
mpy_result mpy_result_of_pending(mpy_vm *vm);

/* The __main__ module's namespace (vm/state.c). */
mpy_dict *mpy_vm_main_dict(mpy_vm *vm);

#endif
