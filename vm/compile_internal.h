/* Private interface of the compiler, shared by compile.c (driver, emitter,
 * assembler), compile_expr.c and compile_stmt.c.
 *
 * Emission model.  A `unit` is one code object being built.  Instructions
 * go into a flat array; a jump's operand is a label number until assembly
 * resolves it to an instruction index.  Every instruction also records the
 * source line and the exception handler that covers it (the innermost
 * active `try`/`with` region, or -1); assembly run-length encodes both into
 * the line table and a non-overlapping exception table.
 *
 * Stack depth at statement boundaries is known statically: `depth` counts
 * the values that enclosing blocks keep on the stack (a for loop's
 * iterator, a with statement's __exit__, the previous exception in an
 * except body...).  A handler restores the stack to that depth.  The
 * maximum depth (stacksize) is computed at assembly by a flow analysis.
 *
 * Errors are sticky: emitters never fail, they set c->err and go on
 * writing into whatever room is left; the driver checks it at the end.
 *
 * The functions shared between the three files carry the mpy_cc_ prefix
 * (every external symbol of the library starts with mpy_).
 */
#ifndef MPY_COMPILE_INTERNAL_H
#define MPY_COMPILE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "vm/state.h"
#include "vm/code.h"
#include "vm/compile.h"
#include "vm/symtable.h"

typedef enum { ERR_NONE, ERR_SYNTAX, ERR_EXC } compile_err;

/* Blocks that need work when a break/continue/return leaves them. */
typedef enum {
    FB_WHILE,
    FB_FOR,
    FB_TRY_EXCEPT,   /* the body of a try with except clauses */
    FB_FINALLY_TRY,  /* the body of a try with a finally: run it inline */
    FB_FINALLY_END,  /* inside the finally run for an exception */
    FB_WITH,         /* the body of a with: call __exit__(None, None, None) */
    FB_HANDLER,      /* the body of an except clause */
} fb_kind;

typedef struct fblock {
    fb_kind kind;
    int label_continue, label_break;   /* loops */
    int outer_handler;                 /* handler active outside the block */
    int base_depth;                    /* stack depth outside the block */
    const mpy_ast_seq *finalbody;      /* FB_FINALLY_TRY */
    const char *name;                  /* FB_HANDLER: the `as` name or NULL */
} fblock;

typedef struct handler {
    int label;      /* target */
    int depth;      /* stack depth to restore */
    bool lasti;     /* push the faulting instruction index first */
} handler;

#define MAX_FBLOCKS 20 /* CPython's CO_MAXBLOCKS */

typedef struct unit {
    struct unit *parent;
    mpy_scope *scope;
    const char *qualname;
    int firstlineno;
    /* instructions */
    uint32_t *code;
    mpy_ast_loc *lines;       /* position of each instruction (col -1: line only) */
    int *handler_of;
    int ncode, capcode;
    /* labels: instruction index, -1 until bound */
    int *labels;
    int nlabels, caplabels;
    int last_bound;           /* where the last label was bound */
    handler *handlers;
    int nhandlers, caphandlers;
    int cur_handler;
    /* constants and names */
    mpy_value *consts;
    int nconsts, capconsts;
    int *const_tab, const_tabcap;
    mpy_value *name_vals;     /* interned strs */
    int nnames, capnames;
    int *name_tab, name_tabcap;
    /* blocks */
    fblock fb[MAX_FBLOCKS];
    int nfb;
    int depth;
    mpy_ast_loc loc;          /* position given to new instructions */
} unit;

typedef struct compiler {
    mpy_vm *vm;
    mpy_arena arena;          /* all temporaries */
    mpy_symtable *st;
    mpy_str *filename;
    mpy_parse_mode mode;
    unit *u;
    compile_err err;
    mpy_syntax_error *synerr;
    bool interactive;         /* single mode: expression statements print */
} compiler;

/* compile.c: emission */
void mpy_cc_emit(compiler *c, mpy_opcode op, uint32_t arg);
int mpy_cc_new_label(compiler *c);
void mpy_cc_bind_label(compiler *c, int label);
void mpy_cc_emit_jump(compiler *c, mpy_opcode op, int label);
int mpy_cc_add_const(compiler *c, mpy_value v);
int mpy_cc_add_name(compiler *c, const char *name);
void mpy_cc_emit_load_const(compiler *c, mpy_value v);
void mpy_cc_emit_none(compiler *c);
int mpy_cc_push_handler(compiler *c, int label, int depth, bool lasti);
void mpy_cc_set_handler(compiler *c, int h);
bool mpy_cc_last_is_terminator(compiler *c);
void mpy_cc_compile_fail_syntax(compiler *c, mpy_ast_loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void mpy_cc_compile_fail_nomem(compiler *c);
void *mpy_cc_c_alloc(compiler *c, size_t size);
const char *mpy_cc_mangle(compiler *c, const char *name);
mpy_str *mpy_cc_c_intern(compiler *c, const char *s);
mpy_value mpy_cc_const_value(compiler *c, const mpy_ast_const *k);

/* compile.c: units and code objects */
bool mpy_cc_enter_unit(compiler *c, const void *node, const char *name, int firstlineno);
mpy_code *mpy_cc_leave_unit(compiler *c, const char *name);
void mpy_cc_emit_make_function(compiler *c, mpy_code *co, uint32_t flags);
const char *mpy_cc_child_qualname(compiler *c, const char *name);

/* compile_expr.c */
void mpy_cc_compile_expr(compiler *c, const mpy_ast_expr *e);
void mpy_cc_compile_exprs(compiler *c, const mpy_ast_seq *s);
void mpy_cc_compile_store(compiler *c, const mpy_ast_expr *target);
void mpy_cc_compile_delete(compiler *c, const mpy_ast_expr *target);
void mpy_cc_compile_name(compiler *c, const char *name, mpy_ast_ctx ctx);
void mpy_cc_compile_jump_if(compiler *c, const mpy_ast_expr *e, bool cond, int label);
void mpy_cc_compile_call_args(compiler *c, const mpy_ast_seq *args, const mpy_ast_seq *keywords, int nprefix,
                       mpy_ast_loc loc);
bool mpy_cc_const_truth(const mpy_ast_expr *e, bool *truth);
uint32_t mpy_cc_binop_operand(mpy_ast_binop op);
mpy_code *mpy_cc_compile_function_body(compiler *c, const void *node, const char *name, const mpy_ast_arguments *args,
                                const mpy_ast_seq *body, const mpy_ast_expr *lambda_body, int firstlineno);
void mpy_cc_compile_function_defaults(compiler *c, const mpy_ast_arguments *args, const mpy_ast_expr *returns,
                               bool annotations, uint32_t *flags);
void mpy_cc_compile_closure(compiler *c, mpy_code *co, uint32_t *flags);
int mpy_cc_cell_index_of(compiler *c, const char *name);

/* compile_stmt.c */
void mpy_cc_compile_stmt(compiler *c, const mpy_ast_stmt *s);
void mpy_cc_compile_body(compiler *c, const mpy_ast_seq *body);
bool mpy_cc_find_annotations(const mpy_ast_seq *body);
const mpy_ast_expr *mpy_cc_docstring_of(const mpy_ast_seq *body);

#endif
