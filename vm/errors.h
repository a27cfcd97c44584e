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

/* The text traceback.format_exception(type(exc), exc, tb) returns, joined
 * into one str (the same text mpy_print_exception_value writes): tb is the
 * traceback shown for exc itself (a traceback object, or None for none;
 * MPY_NULL: exc.__traceback__), chained exceptions show their own, and
 * chain false leaves the __cause__/__context__ chain out.  NULL with an
 * exception pending on failure. */
mpy_str *mpy_format_exception(mpy_vm *vm, mpy_value exc, mpy_value tb, bool chain);
/* The same with traceback.format_exception's limit for every traceback
 * shown: >= 0 keeps the first `limit` entries (0: no "Traceback" header
 * at all), < 0 the last -limit, MPY_TB_NO_LIMIT all. */
#define MPY_TB_NO_LIMIT (-2147483647 - 1)
mpy_str *mpy_format_exception_limit(mpy_vm *vm, mpy_value exc, mpy_value tb, bool chain, int limit);
/* StackSummary.format's text for a list of (filename, lineno, name, line)
 * tuples of str: the entries as the traceback printer shows them (line is
 * shown stripped, nothing for ""), with "[Previous line repeated ...]"
 * after three identical entries. */
mpy_str *mpy_format_stack_entries(mpy_vm *vm, mpy_value items);
/* Line `lineno` of the file, stripped, as the traceback printer shows it
 * ("" when it cannot be read). */
mpy_str *mpy_source_line(mpy_vm *vm, const char *path, int lineno);
/* The text of traceback.format_exception_only(type(exc), exc): no
 * traceback and no chain (for a SyntaxError, its File/line block too). */
mpy_str *mpy_format_exception_only(mpy_vm *vm, mpy_value exc);

/* The mpy_result that describes the pending exception (MPY_OK if none). */
mpy_result mpy_result_of_pending(mpy_vm *vm);

/* The __main__ module's namespace (vm/state.c). */
mpy_dict *mpy_vm_main_dict(mpy_vm *vm);

#endif
