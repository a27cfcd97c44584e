/* The disassembler (clox's debug.c): code objects as text, for `minipy
 * --dis FILE` and the compiler's tests.
 *
 * Format, one code object after another (nested code objects follow the
 * one holding them, depth first):
 *
 *   Disassembly of QUALNAME (file "F", line N):
 *     args A, posonly P, kwonly K, locals L, stack S, flags 0xF (NAMES)
 *     varnames: a, b            (only when there are some; also cellvars,
 *     cellvars: x                freevars)
 *     freevars: y
 *     LINE  INDEX OPCODE              OPERAND (MEANING)
 *   ...
 *     exception table:
 *       START to END -> TARGET [depth D] [lasti]
 *
 * LINE appears only when it differs from the previous instruction's.
 * MEANING is the constant's repr (a code object shows as
 * <code QUALNAME, line N>, no address), the name, the local or cell
 * variable, "to N" for jumps, or the decoded operand (operator symbol,
 * MAKE_FUNCTION parts, FORMAT_VALUE conversion...).
 */
#ifndef MPY_DISASM_H
#define MPY_DISASM_H

#include <stddef.h>

#include "vm/code.h"

/* Writes the disassembly of co (and of the code objects among its
 * constants) through emit.  false with an exception pending if a repr
 * failed for a reason other than "not implemented". */
bool mpy_disasm_write(mpy_vm *vm, mpy_code *co, void (*emit)(void *ud, const char *text, size_t len), void *ud);
/* The whole disassembly as one str, NULL with an exception pending. */
mpy_str *mpy_disasm(mpy_vm *vm, mpy_code *co);
/* "LOAD_CONST", ...; "?" for a bad number. */
const char *mpy_opcode_name(unsigned op);

#endif
