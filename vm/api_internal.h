/* Shared by the embedding API's files (vm/api_*.c): the handle table and
 * small helpers.  Not installed: embedders see only vm/vm.h. */
#ifndef MPY_API_INTERNAL_H
#define MPY_API_INTERNAL_H

#include "vm/vm.h"
#include "vm/errors.h"
#include "runtime/object.h"

/* A new handle for v (MPY_NULL, i.e. a failed call: MPY_NO_HANDLE, the
 * exception stays pending). */
mpy_handle mpy_api_handle(mpy_vm *vm, mpy_value v);
/* The value of a live handle; false with SystemError pending otherwise. */
MPY_MUST_CHECK bool mpy_api_value(mpy_vm *vm, mpy_handle h, mpy_value *out);
/* Makes a live handle name another value (MPY_MEMBER_HANDLE assignment). */
void mpy_api_rebind(mpy_vm *vm, mpy_handle h, mpy_value v);
/* Raises SystemError "fn: what" and returns MPY_NO_HANDLE. */
mpy_handle mpy_api_bad_arg(mpy_vm *vm, const char *fn, const char *what);
/* snprintf-style copy of text[0..len) into buf[0..cap); returns len. */
size_t mpy_api_copy_text(const char *text, size_t len, char *buf, size_t cap);
/* The dict behind a namespace handle (MPY_NO_HANDLE: __main__'s); NULL
 * with TypeError/SystemError pending. */
mpy_dict *mpy_api_namespace(mpy_vm *vm, mpy_handle ns, const char *fn);
/* The report Python would print for exc, as a str (vm/api_errors.c). */
mpy_str *mpy_api_format_exception(mpy_vm *vm, mpy_value exc);
/* Before a run: collects when the heap is past half the memory cap
 * (mpy_vm_collect's rules), so that garbage left by a MemoryError does not
 * make the next run fail. */
void mpy_api_settle(mpy_vm *vm);
/* Called at a safe point when vm->interrupt is set (vm/interp.c):
 * KeyboardInterrupt for mpy_vm_interrupt, else the check hook.  False with
 * the exception to raise pending. */
bool mpy_api_safepoint(mpy_vm *vm);

/* mpy_compile_command with a parser kept between calls (*kept, made on
 * first use for `mode`, freed by the caller with mpy_parser_free): when
 * src extends the text of the previous call only the new part is parsed,
 * so a console calling it at every line with its whole buffer (mpy_repl)
 * stays linear. */
struct mpy_parser;
mpy_result mpy_api_compile_command(mpy_vm *vm, struct mpy_parser **kept, const char *src, size_t len,
                                   const char *filename, mpy_exec_mode mode, mpy_handle *code);

#endif
