/* The compiler: AST (parser/ast.h) to code objects (vm/code.h).
 *
 * Two passes, as CPython: symtable.c resolves every name of every scope
 * (local, global explicit/implicit, nonlocal/free, cell) and compile.c
 * emits instructions, the exception table and the line table in one walk
 * of the tree.  The AST's depth limit (MPY_AST_MAX_DEPTH) bounds the C
 * recursion of both passes.
 */
#ifndef MPY_COMPILE_H
#define MPY_COMPILE_H

#include "parser/parse.h"
#include "vm/code.h"

/* Compiles a parsed module/interactive statement/expression.  On success
 * returns the module-level code object (name "<module>").  On failure
 * returns NULL and either fills *err with a SyntaxError found during
 * compilation (*is_syntax set true) or leaves MemoryError pending in vm.
 * mode SINGLE makes expression statements print through PRINT_EXPR; EVAL
 * returns the expression's value. */
mpy_code *mpy_compile(mpy_vm *vm, const mpy_ast_mod *mod, const char *filename,
                      mpy_parse_mode mode, mpy_syntax_error *err, bool *is_syntax);

#endif
