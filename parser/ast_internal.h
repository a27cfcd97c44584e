/* Typed AST constructors and the checks the grammar's actions need.
 *
 * Private to the front end (grammar/minipy.y and parser/).  Every function
 * here allocates in ctx->arena and returns NULL on failure, with either the
 * arena's out-of-memory flag or a SyntaxError recorded in ctx (mpy_parse_fail),
 * so an action can write `if (!($$ = mpy_ast_binop_new(...))) YYERROR`.
 *
 * Nothing here changes a node or sequence that already exists: where Python
 * needs a variant of a node (a target gets ctx=Store, a decorated def gets
 * its decorator list, a parenthesised expression gets its `parens` mark), the
 * function builds a copy.  The incremental driver relies on that (see
 * mpy_ast_seq in ast.h).
 *
 * Expression constructors compute `depth` (1 + the deepest child) and refuse
 * trees deeper than MPY_AST_MAX_DEPTH with "too many nested expressions".
 *
 * Constructors are named after their node (mpy_ast_call, mpy_ast_while);
 * where that name is already taken by a type (mpy_ast_binop, mpy_ast_arg,
 * mpy_ast_keyword ...) they end in _new.
 */
#ifndef MPY_AST_INTERNAL_H
#define MPY_AST_INTERNAL_H

#include "parse_ctx.h"

/* --- carriers: what grammar rules pass up before the node exists -------- */

/* One comparison step list: `< b == c` (ops as intptr_t cmpops). */
typedef struct mpy_ast_cmptail {
    mpy_ast_seq *ops, *comparators;
} mpy_ast_cmptail;

/* One dictionary display entry; key is NULL for `**value`. */
typedef struct mpy_ast_kv {
    mpy_ast_expr *key, *value;
    mpy_ast_loc loc;
} mpy_ast_kv;

/* One item of a def or lambda parameter list, before the order checks. */
typedef enum {
    MPY_PARAM_PLAIN,   /* name[: ann] */
    MPY_PARAM_DEFAULT, /* name[: ann] = default */
    MPY_PARAM_STAR,    /* bare * */
    MPY_PARAM_VARARG,  /* *name[: ann] */
    MPY_PARAM_KWARG,   /* **name[: ann] */
    MPY_PARAM_SLASH,   /* / */
} mpy_ast_param_kind;

typedef struct mpy_ast_param {
    mpy_ast_param_kind kind;
    mpy_ast_arg *arg;    /* NULL for STAR and SLASH */
    mpy_ast_expr *def;   /* DEFAULT only */
    mpy_ast_loc loc;     /* the item: a name, `*`, `/` ... */
} mpy_ast_param;

/* One item of a call's argument list, before the order checks. */
typedef enum {
    MPY_CALLARG_POS,     /* expr */
    MPY_CALLARG_STAR,    /* *expr */
    MPY_CALLARG_KW,      /* name=expr */
    MPY_CALLARG_DSTAR,   /* **expr */
    MPY_CALLARG_GENEXP,  /* an unparenthesised generator expression */
} mpy_ast_callarg_kind;

typedef struct mpy_ast_callarg {
    mpy_ast_callarg_kind kind;
    mpy_ast_expr *value;
    const char *name;    /* KW */
    mpy_ast_loc loc;     /* the whole item */
    mpy_ast_loc tail;    /* GENEXP: its first `for` clause */
    bool after_dstar;    /* a `**` item comes before this one */
} mpy_ast_callarg;

/* The parts of a compound-statement header, carried from the header rule
 * (whose reduction opens a def/class/loop block) to the statement rule. */
typedef struct mpy_ast_head {
    const char *name;
    mpy_ast_arguments *args;
    mpy_ast_expr *a, *b;     /* for: target, iter; while: test; def: returns */
    mpy_ast_seq *s1, *s2;    /* class: bases, keywords */
    int op;                  /* augmented assignment: the operator */
    mpy_ast_loc loc;         /* from the keyword */
} mpy_ast_head;

/* An `elif`/`else` chain of an if statement, collected flat (left
 * recursion keeps the parser stack shallow) and nested at the end. */
typedef struct mpy_ast_elif {
    mpy_ast_expr *test;
    mpy_ast_seq *body;
    mpy_ast_loc loc;         /* from `elif` to the end of its body */
} mpy_ast_elif;

/* --- small helpers --------------------------------------------------------- */

/* The identifier spelled by a NAME token (a copy in the arena). */
const char *mpy_ast_identifier(mpy_parse_ctx *ctx, const mpy_yyltype *tok);

/* A span from the start of a to the end of b. */
mpy_ast_loc mpy_ast_span(mpy_ast_loc a, mpy_ast_loc b);

/* The phrase CPython uses for e in "cannot assign to %s" ("literal",
 * "function call", "expression", ...). */
const char *mpy_ast_expr_desc(const mpy_ast_expr *e);

/* A shallow copy of e (same children). */
mpy_ast_expr *mpy_ast_expr_copy(mpy_parse_ctx *ctx, const mpy_ast_expr *e);

/* e as written inside one more pair of parentheses: a copy with `parens`
 * incremented (the position stays the inner one, as in CPython). */
mpy_ast_expr *mpy_ast_parenthesized(mpy_parse_ctx *ctx, const mpy_ast_expr *e);

/* --- expressions ------------------------------------------------------------- */

mpy_ast_expr *mpy_ast_boolop_new(mpy_parse_ctx *ctx, mpy_ast_boolop op, mpy_ast_seq *values, mpy_ast_loc loc);
/* target := value; CPython's message unless target is a plain name. */
mpy_ast_expr *mpy_ast_namedexpr(mpy_parse_ctx *ctx, mpy_ast_expr *target, mpy_ast_expr *value, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_binop_new(mpy_parse_ctx *ctx, mpy_ast_expr *l, mpy_ast_binop op, mpy_ast_expr *r, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_unaryop_new(mpy_parse_ctx *ctx, mpy_ast_unaryop op, mpy_ast_expr *operand, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_lambda(mpy_parse_ctx *ctx, mpy_ast_arguments *args, mpy_ast_expr *body, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_ifexp(mpy_parse_ctx *ctx, mpy_ast_expr *test, mpy_ast_expr *body, mpy_ast_expr *orelse, mpy_ast_loc loc);
/* items: a sequence of mpy_ast_kv* */
mpy_ast_expr *mpy_ast_dict(mpy_parse_ctx *ctx, mpy_ast_seq *items, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_set(mpy_parse_ctx *ctx, mpy_ast_seq *elts, mpy_ast_loc loc);
/* kind: ListComp, SetComp, GeneratorExp or DictComp (value for DictComp). */
mpy_ast_expr *mpy_ast_comp(mpy_parse_ctx *ctx, mpy_ast_expr_kind kind, mpy_ast_expr *elt,
                           mpy_ast_expr *value, mpy_ast_seq *generators, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_yield(mpy_parse_ctx *ctx, mpy_ast_expr *value, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_yieldfrom(mpy_parse_ctx *ctx, mpy_ast_expr *value, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_compare(mpy_parse_ctx *ctx, mpy_ast_expr *left, const mpy_ast_cmptail *t, mpy_ast_loc loc);
mpy_ast_cmptail *mpy_ast_cmptail_append(mpy_parse_ctx *ctx, const mpy_ast_cmptail *t, mpy_ast_cmpop op, mpy_ast_expr *e);
mpy_ast_expr *mpy_ast_call(mpy_parse_ctx *ctx, mpy_ast_expr *func, mpy_ast_seq *args, mpy_ast_seq *keywords, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_formattedvalue(mpy_parse_ctx *ctx, mpy_ast_expr *value, int conversion, mpy_ast_expr *spec, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_joinedstr(mpy_parse_ctx *ctx, mpy_ast_seq *values, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_constant(mpy_parse_ctx *ctx, mpy_ast_const_kind kind, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_attribute(mpy_parse_ctx *ctx, mpy_ast_expr *value, const char *attr, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_subscript(mpy_parse_ctx *ctx, mpy_ast_expr *value, mpy_ast_expr *slice, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_starred(mpy_parse_ctx *ctx, mpy_ast_expr *value, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_name(mpy_parse_ctx *ctx, const char *id, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_list(mpy_parse_ctx *ctx, mpy_ast_seq *elts, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_tuple(mpy_parse_ctx *ctx, mpy_ast_seq *elts, mpy_ast_loc loc);
mpy_ast_expr *mpy_ast_slice(mpy_parse_ctx *ctx, mpy_ast_expr *lower, mpy_ast_expr *upper, mpy_ast_expr *step, mpy_ast_loc loc);

/* `( elts )` / `( elts , )` in an expression: a group when there is one
 * element and no comma, else a Tuple.  Reports CPython's errors for
 * `(*a)`. */
mpy_ast_expr *mpy_ast_paren(mpy_parse_ctx *ctx, mpy_ast_seq *elts, bool comma, mpy_ast_loc loc);
/* A star_expressions list: the element itself or a Tuple. */
mpy_ast_expr *mpy_ast_exprlist(mpy_parse_ctx *ctx, mpy_ast_seq *elts, bool comma, mpy_ast_loc loc);
/* A comprehension clause `for target in iter`; target already converted. */
mpy_ast_comprehension *mpy_ast_comprehension_new(mpy_parse_ctx *ctx, mpy_ast_expr *target, mpy_ast_expr *iter);
mpy_ast_comprehension *mpy_ast_comprehension_if(mpy_parse_ctx *ctx, const mpy_ast_comprehension *c, mpy_ast_expr *cond);

/* --- targets --------------------------------------------------------------------- */

typedef enum { MPY_TARGET_STAR, MPY_TARGET_FOR, MPY_TARGET_DEL } mpy_ast_target_kind;

/* The first part of e that cannot be a target of that kind, or NULL
 * (CPython's _PyPegen_get_invalid_target). */
const mpy_ast_expr *mpy_ast_invalid_target(const mpy_ast_expr *e, mpy_ast_target_kind kind);

/* e with ctx=Store (or Del) throughout, copied; NULL with CPython's message
 * ("cannot assign to literal", "cannot delete function call") when e is not
 * a valid target. */
mpy_ast_expr *mpy_ast_target(mpy_parse_ctx *ctx, mpy_ast_expr *e, mpy_ast_target_kind kind);

/* --- statements ------------------------------------------------------------------- */

mpy_ast_stmt *mpy_ast_functiondef(mpy_parse_ctx *ctx, const mpy_ast_head *h, mpy_ast_seq *body, mpy_ast_loc loc);
mpy_ast_stmt *mpy_ast_classdef(mpy_parse_ctx *ctx, const mpy_ast_head *h, mpy_ast_seq *body, mpy_ast_loc loc);
/* A copy of a FunctionDef or ClassDef with its decorators. */
mpy_ast_stmt *mpy_ast_decorated(mpy_parse_ctx *ctx, mpy_ast_seq *decorators, const mpy_ast_stmt *def);
mpy_ast_stmt *mpy_ast_return(mpy_parse_ctx *ctx, mpy_ast_expr *value, mpy_ast_loc loc);
/* targets: already converted (mpy_ast_target with MPY_TARGET_DEL). */
mpy_ast_stmt *mpy_ast_delete(mpy_parse_ctx *ctx, mpy_ast_seq *targets, mpy_ast_loc loc);
/* targets: the expressions left of each '=', not yet converted. */
mpy_ast_stmt *mpy_ast_assign(mpy_parse_ctx *ctx, mpy_ast_seq *targets, mpy_ast_expr *value, mpy_ast_loc loc);
/* The first target of `target = value`: true when valid, else CPython's
 * message, which depends on what follows the '=': with a single bitwise_or
 * there (rhs_bitwise_or; rhs is its position) it is invalid_named_
 * expression's "Maybe you meant '=='" text.  Used at the end of the
 * statement, and by the error reporting when the statement breaks off. */
bool mpy_ast_first_target_ok(mpy_parse_ctx *ctx, const mpy_ast_expr *target, bool rhs_bitwise_or,
                             mpy_ast_loc rhs);
/* Whether a first target can never be assigned to (the statement is an
 * error whatever follows its '='). */
bool mpy_ast_target_bad(const mpy_ast_expr *target);
/* Whether CPython's diagnostic pass reads a bitwise_or after the '=' of this
 * bad first target (invalid_named_expression applies), so that a bracket
 * the right side leaves open is what gets reported. */
bool mpy_ast_target_reads_on(const mpy_ast_expr *target);
/* A target of a chained assignment (`a = b = c`): true when valid, else
 * CPython's "cannot assign to ..." or "assignment to yield expression not
 * possible". */
bool mpy_ast_chain_target(mpy_parse_ctx *ctx, const mpy_ast_expr *e);
/* The converted target of an augmented assignment, or CPython's "'x' is an
 * illegal expression for augmented assignment". */
mpy_ast_expr *mpy_ast_aug_target(mpy_parse_ctx *ctx, mpy_ast_expr *e);
/* Whether mpy_ast_aug_target accepts the kind of e (a name, attribute or
 * subscript). */
bool mpy_ast_aug_target_legal(const mpy_ast_expr *e);
/* target: already converted by mpy_ast_aug_target. */
mpy_ast_stmt *mpy_ast_augassign(mpy_parse_ctx *ctx, mpy_ast_expr *target, mpy_ast_binop op, mpy_ast_expr *value, mpy_ast_loc loc);
mpy_ast_stmt *mpy_ast_annassign(mpy_parse_ctx *ctx, mpy_ast_expr *target, mpy_ast_expr *ann, mpy_ast_expr *value, mpy_ast_loc loc);
mpy_ast_stmt *mpy_ast_for(mpy_parse_ctx *ctx, const mpy_ast_head *h, mpy_ast_seq *body, mpy_ast_seq *orelse, mpy_ast_loc loc);
mpy_ast_stmt *mpy_ast_while(mpy_parse_ctx *ctx, mpy_ast_expr *test, mpy_ast_seq *body, mpy_ast_seq *orelse, mpy_ast_loc loc);
/* An if statement from its first clause and the flat elif list (of
 * mpy_ast_elif*) and else body. */
mpy_ast_stmt *mpy_ast_if(mpy_parse_ctx *ctx, mpy_ast_expr *test, mpy_ast_seq *body, mpy_ast_seq *elifs,
                         mpy_ast_seq *orelse, mpy_ast_loc loc);
/* items: mpy_ast_withitem*; a lone parenthesised tuple item becomes several
 * items, as CPython's `with (a, b):` rule does. */
mpy_ast_stmt *mpy_ast_with(mpy_parse_ctx *ctx, mpy_ast_seq *items, mpy_ast_seq *body, mpy_ast_loc loc);
mpy_ast_withitem *mpy_ast_withitem_new(mpy_parse_ctx *ctx, mpy_ast_expr *e, mpy_ast_expr *target);
mpy_ast_stmt *mpy_ast_raise(mpy_parse_ctx *ctx, mpy_ast_expr *exc, mpy_ast_expr *cause, mpy_ast_loc loc);
mpy_ast_stmt *mpy_ast_try(mpy_parse_ctx *ctx, mpy_ast_seq *body, mpy_ast_seq *handlers, mpy_ast_seq *orelse,
                          mpy_ast_seq *finalbody, mpy_ast_loc loc);
mpy_ast_excepthandler *mpy_ast_excepthandler_new(mpy_parse_ctx *ctx, mpy_ast_expr *type, const char *name,
                                             mpy_ast_seq *body, mpy_ast_loc loc);
mpy_ast_stmt *mpy_ast_assert(mpy_parse_ctx *ctx, mpy_ast_expr *test, mpy_ast_expr *msg, mpy_ast_loc loc);
mpy_ast_stmt *mpy_ast_import(mpy_parse_ctx *ctx, mpy_ast_seq *names, mpy_ast_loc loc);
mpy_ast_stmt *mpy_ast_importfrom(mpy_parse_ctx *ctx, const char *module, mpy_ast_seq *names, int level, mpy_ast_loc loc);
mpy_ast_alias *mpy_ast_alias_new(mpy_parse_ctx *ctx, const char *name, const char *asname, mpy_ast_loc loc);
mpy_ast_stmt *mpy_ast_global(mpy_parse_ctx *ctx, mpy_ast_stmt_kind kind, mpy_ast_seq *names, mpy_ast_loc loc);
mpy_ast_stmt *mpy_ast_expr_stmt(mpy_parse_ctx *ctx, mpy_ast_expr *value, mpy_ast_loc loc);
/* Pass, Break, Continue (break/continue check the enclosing loop). */
mpy_ast_stmt *mpy_ast_simple(mpy_parse_ctx *ctx, mpy_ast_stmt_kind kind, mpy_ast_loc loc);

/* --- parts ---------------------------------------------------------------------- */

mpy_ast_arg *mpy_ast_arg_new(mpy_parse_ctx *ctx, const char *name, mpy_ast_expr *ann, mpy_ast_loc loc);
mpy_ast_param *mpy_ast_param_new(mpy_parse_ctx *ctx, mpy_ast_param_kind kind, mpy_ast_arg *arg,
                             mpy_ast_expr *def, mpy_ast_loc loc);
/* A parameter list so far: a sequence of mpy_ast_param* and what the
 * order checks need to know about it. */
typedef struct mpy_ast_params {
    mpy_ast_seq *items;
    unsigned flags;
    int positional;
} mpy_ast_params;

/* list (NULL: empty) plus p, a copy; NULL with CPython's message when p
 * breaks the order rules (non-default after default, a second '*', ...). */
mpy_ast_params *mpy_ast_params_add(mpy_parse_ctx *ctx, const mpy_ast_params *list, mpy_ast_param *p, bool lambda);
/* Whether list ends with `**name`, after which nothing may come. */
bool mpy_ast_params_closed(const mpy_ast_params *list);
/* The arguments node for a def (lambda false) or lambda parameter list
 * (NULL: none), after the checks that need the whole list.  comma: the list
 * ended with ','; close: the token after it (')' or the lambda's ':'),
 * where some of CPython's messages point.  Duplicate names are
 * mpy_ast_check's (a symtable error). */
mpy_ast_arguments *mpy_ast_arguments_new(mpy_parse_ctx *ctx, const mpy_ast_params *list, bool lambda, bool comma,
                                         mpy_ast_loc close);
mpy_ast_callarg *mpy_ast_callarg_new(mpy_parse_ctx *ctx, mpy_ast_callarg_kind kind, const char *name,
                                 mpy_ast_expr *value, mpy_ast_loc loc);
/* `target = value` inside a call: a keyword, or CPython's error. */
mpy_ast_callarg *mpy_ast_callarg_kw(mpy_parse_ctx *ctx, mpy_ast_expr *target, mpy_ast_expr *value,
                                    mpy_ast_loc eq, mpy_ast_loc loc);
/* list (NULL: empty) plus item, with the order checks CPython's second
 * pass makes before the call is complete: a generator expression next to
 * other arguments, `*a` after `**k`. */
mpy_ast_seq *mpy_ast_callargs_add(mpy_parse_ctx *ctx, const mpy_ast_seq *list, mpy_ast_callarg *item);
/* func(items): splits the mpy_ast_callarg* list into args and keywords with
 * CPython's order checks.  comma: a trailing ','; lpar, rpar: the
 * parentheses (a lone generator expression takes their span). */
mpy_ast_expr *mpy_ast_call_args(mpy_parse_ctx *ctx, mpy_ast_expr *func, mpy_ast_seq *items, bool comma,
                                mpy_ast_loc lpar, mpy_ast_loc rpar, mpy_ast_loc loc);
/* A class's bases and keywords from the same kind of list, into h->s1/s2. */
bool mpy_ast_class_args(mpy_parse_ctx *ctx, mpy_ast_head *h, mpy_ast_seq *items, bool comma,
                        mpy_ast_loc lpar, mpy_ast_loc rpar);
mpy_ast_keyword *mpy_ast_keyword_new(mpy_parse_ctx *ctx, const char *arg, mpy_ast_expr *value, mpy_ast_loc loc);

/* The checks CPython's symtable and compiler make once the input has
 * parsed (parser/ast_check.c): false with the first error recorded. */
bool mpy_ast_check(mpy_parse_ctx *ctx, const mpy_ast_mod *mod);

#endif
