/* Scope analysis: the compiler's first pass (CPython's symtable.c).
 *
 * mpy_symtable_build walks the whole tree once and makes one mpy_scope per
 * module, class body, function, lambda and comprehension, recording how
 * every name is used there (assigned, parameter, declared global/nonlocal,
 * only read).  It then resolves each name, outermost scope first, to one of
 * CPython's five kinds: LOCAL, GLOBAL_EXPLICIT (declared `global`),
 * GLOBAL_IMPLICIT (read, bound nowhere around it), FREE (bound in an
 * enclosing function) or CELL (local, and read by a nested scope).
 *
 * Class bodies are skipped when resolving names of nested scopes, except
 * for the implicit `__class__` cell that zero-argument super() needs: a
 * function that reads `super` or `__class__` makes its nearest enclosing
 * class own a `__class__` cell.  A name that a nested function needs and
 * that only passes through a scope (it is neither bound nor read there)
 * is still one of that scope's free variables, so that the closure chain
 * reaches it.
 *
 * The parser (parser/ast_check.c) has already reported the SyntaxErrors of
 * this pass; the few that remain possible are reported through *err.
 *
 * Everything lives in the arena passed in; nothing here is a GC object.
 */
#ifndef MPY_SYMTABLE_H
#define MPY_SYMTABLE_H

#include "parser/parse.h"

typedef enum { MPY_SCOPE_MODULE, MPY_SCOPE_CLASS, MPY_SCOPE_FUNCTION } mpy_scope_kind;

/* How a name is used in one scope (bits). */
enum {
    MPY_DEF_LOCAL = 1,     /* bound here: assignment, import, def, for target... */
    MPY_DEF_PARAM = 2,
    MPY_DEF_GLOBAL = 4,    /* `global` statement */
    MPY_DEF_NONLOCAL = 8,  /* `nonlocal` statement (or := in a comprehension) */
    MPY_DEF_USE = 16,      /* read */
    MPY_DEF_FREE_CLASS = 32, /* a class passes this free variable through */
};

typedef enum {
    MPY_SYM_UNRESOLVED = 0,
    MPY_SYM_LOCAL,
    MPY_SYM_GLOBAL_EXPLICIT,
    MPY_SYM_GLOBAL_IMPLICIT,
    MPY_SYM_FREE,
    MPY_SYM_CELL,
} mpy_sym_kind;

typedef struct mpy_symbol {
    const char *name;   /* mangled */
    unsigned flags;
    mpy_sym_kind kind;
    int slot;           /* function scopes: its index in varnames, or -1 */
} mpy_symbol;

typedef struct mpy_scope mpy_scope;

struct mpy_scope {
    mpy_scope_kind kind;
    const char *name;        /* def/class name, "<lambda>", "<listcomp>"... */
    const void *node;        /* the mpy_ast_stmt / mpy_ast_expr / mod that made it */
    mpy_scope *parent;
    mpy_scope **children;
    int nchildren, capchildren;
    mpy_symbol *syms;        /* in order of first mention */
    int nsyms, capsyms;
    int *hash;               /* open addressing over syms: index + 1, 0 empty */
    int caphash;
    const char *private_name; /* enclosing class name, for __mangling */
    bool generator;          /* contains yield (or is a generator expression) */
    bool comprehension;
    bool needs_class_closure; /* class: some method uses super/__class__ */
    bool nested;             /* inside a function */
    /* Results for function scopes: the frame layout.  varnames: parameters
     * in CPython's order, then other locals in order of first mention. */
    const char **varnames;
    int nvarnames;
    int argcount, posonlyargcount, kwonlyargcount;
    bool varargs, varkeywords;
    /* Cell and free variables, sorted by name as CPython does. */
    const char **cellvars, **freevars;
    int ncells, nfree;
};

typedef struct mpy_symtable {
    mpy_scope *top;
} mpy_symtable;

/* Builds the table for `mod`.  NULL on failure: *nomem set when the arena
 * ran out, else *err holds a SyntaxError. */
mpy_symtable *mpy_symtable_build(mpy_arena *a, const mpy_ast_mod *mod, mpy_syntax_error *err, bool *nomem);

/* The scope `node` made, a child of `parent`; NULL if there is none. */
mpy_scope *mpy_scope_child(const mpy_scope *parent, const void *node);
/* The symbol for a (mangled) name, NULL if the scope never mentions it. */
mpy_symbol *mpy_scope_lookup(const mpy_scope *s, const char *name);
/* CPython's private name mangling: inside class C, `__x` (not ending in
 * two underscores, no dot) becomes `_C__x` (leading underscores of C
 * stripped).  Returns name itself when nothing changes, NULL on arena
 * exhaustion. */
const char *mpy_mangle(mpy_arena *a, const char *private_name, const char *name);

#endif
