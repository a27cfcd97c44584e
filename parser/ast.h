/* The abstract syntax tree.
 *
 * The node set mirrors CPython 3.11's `ast` module (Parser/Python.asdl) minus
 * `match`, `async`/`await` and type comments, so that `mpy_ast_dump` prints
 * exactly what `ast.dump(ast.parse(src))` prints and python3 can generate the
 * expected output of every parser test.  Field names follow the ASDL ones.
 *
 * Invariants:
 * - Every node, sequence and identifier lives in the arena of the parse that
 *   made it (parser/arena.h).  Nothing here is a GC object; freeing the arena
 *   frees the tree.
 * - Every node carries its position as CPython does: 1-based lines, 0-based
 *   columns counted in UTF-8 bytes, end position exclusive.
 * - Identifiers are NUL-terminated UTF-8; string constants carry an explicit
 *   length because they may contain NUL.
 */
#ifndef MPY_AST_H
#define MPY_AST_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "arena.h"

typedef struct mpy_ast_loc {
    int line, col;         /* start: 1-based line, 0-based byte column */
    int end_line, end_col; /* end, exclusive */
} mpy_ast_loc;

/* A sequence of node pointers (statements, expressions, args...).
 *
 * Sequences are persistent: mpy_ast_seq_append returns a new header and
 * leaves the old one as it was.  The incremental parser depends on this: it
 * snapshots the Bison stacks by copying them, runs the snapshot to the end of
 * the input to decide a verdict, and goes on with the original, so no action
 * may change anything a stack entry can reach.  Headers share one item block;
 * an append writes in place when no other header has used that slot yet and
 * copies the block otherwise, so the parser's ordinary left-recursive
 * appends stay O(1) amortised.
 *
 * A slot only a finished throwaway pass wrote (mpy_arena.trial) is taken
 * back, by the real parser or by a later pass: passes run one at a time
 * from a snapshot of the real parser and end before the parser is fed
 * again (a COMPLETE tree lives until the next reset), so no header of a
 * finished pass is alive then.  Without that, each console line of a long
 * block copied the block of its statements: quadratic time and memory. */
typedef struct mpy_ast_seq_block {
    int used, cap;
    int real_used; /* slots the real parser wrote (-1: a pass's own block) */
    unsigned pass; /* the pass that last wrote past real_used */
    /* parser/ast_check.c's cache: how many leading statements it found
     * clean in each context, and declaring nothing global/nonlocal (only
     * below real_used, where items never change) */
    int clean_upto[6], nodecl_upto;
    void *items[];
} mpy_ast_seq_block;

typedef struct mpy_ast_seq {
    int len;
    mpy_ast_seq_block *blk;
} mpy_ast_seq;

#define MPY_SEQ_LEN(s) ((s) ? (s)->len : 0)
#define MPY_SEQ_GET(s, i) ((s)->blk->items[(i)])

/* Nesting limit for expressions: deeper trees are a SyntaxError ("too many
 * nested expressions"), so no later pass that walks the tree recursively can
 * exhaust the C stack.  Statements nest at most MPY_LEX_MAX_INDENT deep. */
#define MPY_AST_MAX_DEPTH 1000

/* Statement kinds: X(Name) in ASDL order. */
#define MPY_AST_STMT_KINDS(X)                                              \
    X(FunctionDef) X(ClassDef) X(Return) X(Delete) X(Assign) X(AugAssign)  \
    X(AnnAssign) X(For) X(While) X(If) X(With) X(Raise) X(Try) X(Assert)   \
    X(Import) X(ImportFrom) X(Global) X(Nonlocal) X(Expr) X(Pass)          \
    X(Break) X(Continue)

/* Expression kinds: X(Name) in ASDL order. */
#define MPY_AST_EXPR_KINDS(X)                                              \
    X(BoolOp) X(NamedExpr) X(BinOp) X(UnaryOp) X(Lambda) X(IfExp) X(Dict)  \
    X(Set) X(ListComp) X(SetComp) X(DictComp) X(GeneratorExp) X(Yield)     \
    X(YieldFrom) X(Compare) X(Call) X(FormattedValue) X(JoinedStr)         \
    X(Constant) X(Attribute) X(Subscript) X(Starred) X(Name) X(List)       \
    X(Tuple) X(Slice)

/* Operator enumerations, each X(Name) with the ASDL spelling that
 * ast.dump prints (`op=Add()`). */
#define MPY_AST_BOOLOPS(X) X(And) X(Or)
#define MPY_AST_BINOPS(X)                                                  \
    X(Add) X(Sub) X(Mult) X(MatMult) X(Div) X(Mod) X(Pow) X(LShift)        \
    X(RShift) X(BitOr) X(BitXor) X(BitAnd) X(FloorDiv)
#define MPY_AST_UNARYOPS(X) X(Invert) X(Not) X(UAdd) X(USub)
#define MPY_AST_CMPOPS(X)                                                  \
    X(Eq) X(NotEq) X(Lt) X(LtE) X(Gt) X(GtE) X(Is) X(IsNot) X(In) X(NotIn)
#define MPY_AST_CTXS(X) X(Load) X(Store) X(Del)

#define MPY_AST_ENUM_ITEM(prefix, n) MPY_AST_##prefix##_##n,
#define MPY_S_(n) MPY_AST_ENUM_ITEM(STMT, n)
#define MPY_E_(n) MPY_AST_ENUM_ITEM(EXPR, n)
#define MPY_BO_(n) MPY_AST_ENUM_ITEM(BOOL, n)
#define MPY_OP_(n) MPY_AST_ENUM_ITEM(OP, n)
#define MPY_UO_(n) MPY_AST_ENUM_ITEM(UNARY, n)
#define MPY_CO_(n) MPY_AST_ENUM_ITEM(CMP, n)
#define MPY_CX_(n) MPY_AST_ENUM_ITEM(CTX, n)
typedef enum { MPY_AST_STMT_KINDS(MPY_S_) MPY_AST_STMT_COUNT } mpy_ast_stmt_kind;
typedef enum { MPY_AST_EXPR_KINDS(MPY_E_) MPY_AST_EXPR_COUNT } mpy_ast_expr_kind;
typedef enum { MPY_AST_BOOLOPS(MPY_BO_) MPY_AST_BOOL_COUNT } mpy_ast_boolop;
typedef enum { MPY_AST_BINOPS(MPY_OP_) MPY_AST_OP_COUNT } mpy_ast_binop;
typedef enum { MPY_AST_UNARYOPS(MPY_UO_) MPY_AST_UNARY_COUNT } mpy_ast_unaryop;
typedef enum { MPY_AST_CMPOPS(MPY_CO_) MPY_AST_CMP_COUNT } mpy_ast_cmpop;
typedef enum { MPY_AST_CTXS(MPY_CX_) MPY_AST_CTX_COUNT } mpy_ast_ctx;
#undef MPY_S_
#undef MPY_E_
#undef MPY_BO_
#undef MPY_OP_
#undef MPY_UO_
#undef MPY_CO_
#undef MPY_CX_

/* The value of a Constant node. */
typedef enum {
    MPY_CONST_NONE,
    MPY_CONST_TRUE,
    MPY_CONST_FALSE,
    MPY_CONST_ELLIPSIS,
    MPY_CONST_INT,   /* small: ival; big: digits/base */
    MPY_CONST_FLOAT, /* fval */
    MPY_CONST_IMAG,  /* fval is the imaginary part (kept for the dump) */
    MPY_CONST_STR,   /* str/len: decoded UTF-8 */
    MPY_CONST_BYTES  /* str/len: raw bytes */
} mpy_ast_const_kind;

typedef struct mpy_ast_const {
    mpy_ast_const_kind kind;
    /* INT: when `big` is false the value is `ival`.  When it is true the
     * value does not fit in int64_t and `str` holds its digits (no sign, no
     * prefix, no underscores) in `base` (2, 8, 10 or 16): converting it is
     * the runtime's job, the front end has no big integers. */
    bool big;
    int base;
    int64_t ival;
    double fval;
    const char *str; /* NUL-terminated as well, for convenience */
    size_t len;
    bool u_prefix;   /* a u"..." literal: ast.dump shows kind='u' */
} mpy_ast_const;

typedef struct mpy_ast_expr mpy_ast_expr;
typedef struct mpy_ast_stmt mpy_ast_stmt;

/* arg = (identifier arg, expr? annotation) */
typedef struct mpy_ast_arg {
    const char *arg;
    mpy_ast_expr *annotation;
    mpy_ast_loc loc;
} mpy_ast_arg;

/* arguments: sequences of mpy_ast_arg* / mpy_ast_expr*.  kw_defaults has
 * one entry per kwonlyarg, NULL where there is no default. */
typedef struct mpy_ast_arguments {
    mpy_ast_seq *posonlyargs, *args, *kwonlyargs; /* of mpy_ast_arg* */
    mpy_ast_arg *vararg, *kwarg;
    mpy_ast_seq *kw_defaults, *defaults;          /* of mpy_ast_expr* */
} mpy_ast_arguments;

/* keyword = (identifier? arg, expr value); arg NULL means `**value`. */
typedef struct mpy_ast_keyword {
    const char *arg;
    mpy_ast_expr *value;
    mpy_ast_loc loc;
} mpy_ast_keyword;

/* alias = (identifier name, identifier? asname); name may be dotted or "*". */
typedef struct mpy_ast_alias {
    const char *name, *asname;
    mpy_ast_loc loc;
} mpy_ast_alias;

/* withitem = (expr context_expr, expr? optional_vars) */
typedef struct mpy_ast_withitem {
    mpy_ast_expr *context_expr, *optional_vars;
} mpy_ast_withitem;

/* comprehension = (expr target, expr iter, expr* ifs, int is_async) */
typedef struct mpy_ast_comprehension {
    mpy_ast_expr *target, *iter;
    mpy_ast_seq *ifs;
} mpy_ast_comprehension;

/* ExceptHandler(expr? type, identifier? name, stmt* body) */
typedef struct mpy_ast_excepthandler {
    mpy_ast_expr *type;
    const char *name;
    mpy_ast_seq *body;
    mpy_ast_loc loc;
} mpy_ast_excepthandler;

struct mpy_ast_expr {
    mpy_ast_expr_kind kind;
    int depth; /* 1 + the largest depth among the children */
    /* How many pairs of parentheses enclose the node where it was written
     * (saturating), for the rules that tell `(a)` from `a` and `((a, b))`
     * from `(a, b)`: AnnAssign.simple, `with (a, b):`, "Generator expression
     * must be parenthesized".  A Tuple's own parentheses count.  Not part of
     * ast.dump. */
    unsigned char parens;
    mpy_ast_loc loc;
    union {
        struct { mpy_ast_boolop op; mpy_ast_seq *values; } BoolOp;
        struct { mpy_ast_expr *target, *value; } NamedExpr;
        struct { mpy_ast_expr *left; mpy_ast_binop op; mpy_ast_expr *right; } BinOp;
        struct { mpy_ast_unaryop op; mpy_ast_expr *operand; } UnaryOp;
        struct { mpy_ast_arguments *args; mpy_ast_expr *body; } Lambda;
        struct { mpy_ast_expr *test, *body, *orelse; } IfExp;
        /* keys[i] is NULL for a `**values[i]` entry */
        struct { mpy_ast_seq *keys, *values; } Dict;
        struct { mpy_ast_seq *elts; } Set;
        /* ListComp, SetComp, GeneratorExp: elt; DictComp: key/value */
        struct { mpy_ast_expr *elt, *value; mpy_ast_seq *generators; } Comp;
        struct { mpy_ast_expr *value; } Yield;     /* value may be NULL */
        struct { mpy_ast_expr *value; } YieldFrom;
        /* ops holds mpy_ast_cmpop values cast through intptr_t */
        struct { mpy_ast_expr *left; mpy_ast_seq *ops, *comparators; } Compare;
        struct { mpy_ast_expr *func; mpy_ast_seq *args, *keywords; } Call;
        /* conversion: -1, or 's', 'r', 'a'; format_spec NULL or JoinedStr */
        struct { mpy_ast_expr *value; int conversion; mpy_ast_expr *format_spec; } FormattedValue;
        struct { mpy_ast_seq *values; } JoinedStr;
        mpy_ast_const Constant;
        struct { mpy_ast_expr *value; const char *attr; mpy_ast_ctx ctx; } Attribute;
        struct { mpy_ast_expr *value, *slice; mpy_ast_ctx ctx; } Subscript;
        struct { mpy_ast_expr *value; mpy_ast_ctx ctx; } Starred;
        struct { const char *id; mpy_ast_ctx ctx; } Name;
        struct { mpy_ast_seq *elts; mpy_ast_ctx ctx; } List; /* List and Tuple */
        struct { mpy_ast_expr *lower, *upper, *step; } Slice;
    } v;
};

struct mpy_ast_stmt {
    mpy_ast_stmt_kind kind;
    /* parser/ast_check.c's cache of what it found clean in this statement
     * (it fits in what was padding) */
    uint8_t check_memo;
    mpy_ast_loc loc;
    union {
        struct {
            const char *name;
            mpy_ast_arguments *args;
            mpy_ast_seq *body, *decorator_list;
            mpy_ast_expr *returns;
        } FunctionDef;
        struct {
            const char *name;
            mpy_ast_seq *bases, *keywords, *body, *decorator_list;
        } ClassDef;
        struct { mpy_ast_expr *value; } Return;       /* value may be NULL */
        struct { mpy_ast_seq *targets; } Delete;
        struct { mpy_ast_seq *targets; mpy_ast_expr *value; } Assign;
        struct { mpy_ast_expr *target; mpy_ast_binop op; mpy_ast_expr *value; } AugAssign;
        struct { mpy_ast_expr *target, *annotation, *value; int simple; } AnnAssign;
        struct { mpy_ast_expr *target, *iter; mpy_ast_seq *body, *orelse; } For;
        struct { mpy_ast_expr *test; mpy_ast_seq *body, *orelse; } While; /* While and If */
        struct { mpy_ast_seq *items, *body; } With;    /* items of mpy_ast_withitem* */
        struct { mpy_ast_expr *exc, *cause; } Raise;
        struct { mpy_ast_seq *body, *handlers, *orelse, *finalbody; } Try;
        struct { mpy_ast_expr *test, *msg; } Assert;
        struct { mpy_ast_seq *names; } Import;         /* of mpy_ast_alias* */
        struct { const char *module; mpy_ast_seq *names; int level; } ImportFrom;
        struct { mpy_ast_seq *names; } Global;         /* of const char*; also Nonlocal */
        struct { mpy_ast_expr *value; } Expr;
    } v;
};

/* What a parse produced, matching CPython's three `mod` kinds. */
typedef enum { MPY_AST_MODULE, MPY_AST_INTERACTIVE, MPY_AST_EXPRESSION } mpy_ast_mod_kind;

typedef struct mpy_ast_mod {
    mpy_ast_mod_kind kind;
    mpy_ast_seq *body;    /* Module, Interactive: statements */
    mpy_ast_expr *expr;   /* Expression */
} mpy_ast_mod;

/* Names of the kinds and operators as ast.dump spells them. */
const char *mpy_ast_stmt_name(mpy_ast_stmt_kind k);
const char *mpy_ast_expr_name(mpy_ast_expr_kind k);
const char *mpy_ast_binop_name(mpy_ast_binop op);

/* Sequences (parser/seq.c).  Both return NULL (and set the arena's
 * out-of-memory flag) when the arena cannot grow.  append(a, NULL, x) makes
 * a one-item sequence; `s` itself is never changed. */
mpy_ast_seq *mpy_ast_seq_new(mpy_arena *a);
mpy_ast_seq *mpy_ast_seq_append(mpy_arena *a, const mpy_ast_seq *s, void *item);
mpy_ast_seq *mpy_ast_seq_concat(mpy_arena *a, const mpy_ast_seq *x, const mpy_ast_seq *y);

/* Allocate a zeroed node of the given kind at loc; NULL when out of memory.
 * Grammar actions use the typed constructors in ast.c, which call these. */
mpy_ast_expr *mpy_ast_expr_new(mpy_arena *a, mpy_ast_expr_kind k, mpy_ast_loc loc);
mpy_ast_stmt *mpy_ast_stmt_new(mpy_arena *a, mpy_ast_stmt_kind k, mpy_ast_loc loc);

/* ast.dump()'s text for `mod`, NUL-terminated and allocated in arena `a`
 * (NULL when out of memory).  With `attributes` true it also prints
 * lineno/col_offset/end_lineno/end_col_offset like
 * ast.dump(..., include_attributes=True). */
char *mpy_ast_dump(mpy_arena *a, const mpy_ast_mod *mod, bool attributes, size_t *len);

#endif
