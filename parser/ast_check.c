/* The checks CPython makes after a successful parse, in its symtable and
 * compiler, that codeop therefore reports for a statement as soon as it
 * parses: `return`, `yield`, `break` and `continue` in the wrong place,
 * `nonlocal` at module level, duplicate parameters, repeated keywords,
 * misplaced starred expressions and assignments to __debug__.
 *
 * They run once over the finished tree (the start rule's action), not in the
 * grammar's actions, because that is when CPython runs them: a statement
 * with such an error and a syntax error reports the syntax error, and an
 * unfinished one (`def f(a, a):`) is incomplete input, not an error.
 *
 * CPython reports symtable errors (a whole-module pass) before compiler
 * errors, and among the symtable's, those found while visiting the tree
 * before those of its later analysis (unresolvable `nonlocal`): the walk
 * keeps the first of each kind and reports them in that order.
 *
 * The rules on `global` and `nonlocal` need the names each scope binds.
 * They are gathered per scope only when the scope declares some name
 * global or nonlocal (rare), by a second, name-only walk of that scope
 * (for_each_name), so the usual cost is one walk of the tree.
 *
 * The console checks the pending block again at every line (codeop
 * reports such an error as soon as the statement holding it parses), and
 * the statements of a long block are the same nodes each time.  So each
 * statement remembers (mpy_ast_stmt.check_memo) the contexts it was found
 * clean in, when that finding cannot depend on code around it: no def or
 * class inside (whose `nonlocal` looks at the enclosing bodies), and
 * whether it declares any name global or nonlocal.  A pasted block then
 * costs a flag test per earlier statement and line, not a walk.
 */
#include "ast_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_CLASS } scope_kind;

typedef struct {
    bool set;
    mpy_ast_loc loc;
    char msg[160];
} found;

typedef struct {
    found symtable, analysis, compiler;
    unsigned scopes; /* defs and classes visited so far */
} findings;

/* check_memo: bit (scope * 2 + loop) = clean in that context; MEMO_NO_DECL
 * = declares no name global or nonlocal in its own scope. */
#define MEMO_NO_DECL 0x40

/* A def, class or the module, innermost first: where `nonlocal` looks for
 * the names it refers to. */
typedef struct scope_frame {
    scope_kind kind;
    const mpy_ast_seq *body;
    const mpy_ast_arguments *args; /* a def's parameters */
    const struct scope_frame *up;
} scope_frame;

/* The comprehensions around the walk, innermost first, for the rules on
 * `:=` inside them. */
typedef struct comp_frame {
    const mpy_ast_seq *generators;
    const struct comp_frame *up;
} comp_frame;

/* Where the walk is; copied (it is small) when it enters a scope. */
typedef struct {
    scope_kind scope;        /* of the nearest function, class or module */
    bool loop;               /* in a loop of the current scope */
    const char *comp;        /* in a comprehension's own scope: its name */
    const comp_frame *comps; /* the comprehensions we are inside */
    bool in_iter;            /* in a comprehension's iterable */
    const scope_frame *frame;
    findings *f;
    mpy_arena *arena; /* scratch space for first_duplicate */
} checker;

static void note(found *f, mpy_ast_loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void note(found *f, mpy_ast_loc loc, const char *fmt, ...)
{
    if (f->set)
        return;
    f->set = true;
    f->loc = loc;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->msg, sizeof f->msg, fmt, ap);
    va_end(ap);
}

/* Whether target (a comprehension's target) binds name. */
static bool binds(const mpy_ast_expr *t, const char *name)
{
    switch (t->kind) {
    case MPY_AST_EXPR_Name:
        return strcmp(t->v.Name.id, name) == 0;
    case MPY_AST_EXPR_Starred:
        return binds(t->v.Starred.value, name);
    case MPY_AST_EXPR_List:
    case MPY_AST_EXPR_Tuple:
        for (int i = 0; i < MPY_SEQ_LEN(t->v.List.elts); i++)
            if (binds(MPY_SEQ_GET(t->v.List.elts, i), name))
                return true;
        return false;
    default:
        return false;
    }
}

/* symtable's rules for `name := value` inside comprehensions. */
static void check_walrus(checker *c, const mpy_ast_expr *e)
{
    const mpy_ast_expr *t = e->v.NamedExpr.target;
    if (c->in_iter) {
        note(&c->f->symtable, e->loc, "assignment expression cannot be used in a comprehension iterable expression");
        return;
    }
    if (!c->comp)
        return;
    for (const comp_frame *fr = c->comps; fr; fr = fr->up)
        for (int i = 0; i < MPY_SEQ_LEN(fr->generators); i++) {
            const mpy_ast_comprehension *g = MPY_SEQ_GET(fr->generators, i);
            if (binds(g->target, t->v.Name.id)) {
                note(&c->f->symtable, t->loc, "assignment expression cannot rebind comprehension iteration variable '%s'",
                     t->v.Name.id);
                return;
            }
        }
    if (c->scope == SCOPE_CLASS)
        note(&c->f->symtable, t->loc, "assignment expression within a comprehension cannot be used in a class body");
}

static void visit_expr(checker *c, const mpy_ast_expr *e, bool starred_ok);
static void visit_stmts(checker *c, const mpy_ast_seq *body);
static void check_declarations(checker *c, const struct scope_frame *fr);

static void visit_exprs(checker *c, const mpy_ast_seq *s, bool starred_ok)
{
    for (int i = 0; i < MPY_SEQ_LEN(s); i++)
        if (MPY_SEQ_GET(s, i))
            visit_expr(c, MPY_SEQ_GET(s, i), starred_ok);
}

/* The i-th parameter name of a in order, or NULL past the end. */
static const mpy_ast_arg *nth_arg(const mpy_ast_arguments *a, int i)
{
    const mpy_ast_seq *lists[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int l = 0; l < 3; l++) {
        if (i < MPY_SEQ_LEN(lists[l]))
            return MPY_SEQ_GET(lists[l], i);
        i -= MPY_SEQ_LEN(lists[l]);
        if (l == 1 && a->vararg && i-- == 0)
            return a->vararg;
    }
    return a->kwarg && i == 0 ? a->kwarg : NULL;
}

/* The i-th of a list of names (parameters, or keywords: NULL for `**kw`
 * in a call). */
typedef const char *(*name_at_fn)(const void *list, int i);

/* The index of the first name (in order) equal to an earlier one, or -1.
 * A def or a call may have any number of names (generated code, hostile
 * input), so past a few a hash table in the arena keeps this linear;
 * comparing every pair was quadratic, minutes for 100,000 parameters. */
static int first_duplicate(checker *c, const void *list, int n, name_at_fn at)
{
    size_t cap = 16;
    while (cap < (size_t)n * 2) cap *= 2;
    const char **tab = n > 16 ? mpy_arena_alloc(c->arena, cap * sizeof *tab) : NULL;
    if (tab) {
        memset(tab, 0, cap * sizeof *tab);
        for (int i = 0; i < n; i++) {
            const char *x = at(list, i);
            if (!x) continue;
            size_t h = 5381;
            for (const unsigned char *q = (const unsigned char *)x; *q; q++) h = h * 33 + *q;
            size_t k = h & (cap - 1);
            for (; tab[k]; k = (k + 1) & (cap - 1))
                if (strcmp(tab[k], x) == 0) return i;
            tab[k] = x;
        }
        return -1;
    }
    /* Few names (or no memory: the parse fails anyway): compare pairs. */
    for (int i = 1; i < n; i++) {
        const char *x = at(list, i);
        if (!x) continue;
        for (int j = 0; j < i; j++) {
            const char *y = at(list, j);
            if (y && strcmp(x, y) == 0) return i;
        }
    }
    return -1;
}

static const char *param_at(const void *list, int i) { return nth_arg(list, i)->arg; }

/* symtable: "duplicate argument 'x' in function definition" */
static void check_args(checker *c, const mpy_ast_arguments *a)
{
    int n = MPY_SEQ_LEN(a->posonlyargs) + MPY_SEQ_LEN(a->args) + MPY_SEQ_LEN(a->kwonlyargs) + (a->vararg != NULL) +
            (a->kwarg != NULL);
    int i = first_duplicate(c, a, n, param_at);
    if (i >= 0) {
        const mpy_ast_arg *x = nth_arg(a, i);
        note(&c->f->symtable, x->loc, "duplicate argument '%s' in function definition", x->arg);
    }
}

/* Defaults and annotations belong to the enclosing scope. */
static void visit_arguments(checker *c, const mpy_ast_arguments *a, bool annotations)
{
    visit_exprs(c, a->defaults, false);
    visit_exprs(c, a->kw_defaults, false);
    if (!annotations)
        return;
    const mpy_ast_seq *lists[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < MPY_SEQ_LEN(lists[l]); i++) {
            const mpy_ast_arg *arg = MPY_SEQ_GET(lists[l], i);
            if (arg->annotation)
                visit_expr(c, arg->annotation, false);
        }
    if (a->vararg && a->vararg->annotation)
        visit_expr(c, a->vararg->annotation, true); /* *args: *Ts */
    if (a->kwarg && a->kwarg->annotation)
        visit_expr(c, a->kwarg->annotation, false);
}

static const char *keyword_at(const void *list, int i)
{
    return ((const mpy_ast_keyword *)MPY_SEQ_GET((const mpy_ast_seq *)list, i))->arg;
}

static void visit_keywords(checker *c, const mpy_ast_seq *kws)
{
    int dup = first_duplicate(c, kws, MPY_SEQ_LEN(kws), keyword_at);
    for (int i = 0; i < MPY_SEQ_LEN(kws); i++) {
        const mpy_ast_keyword *k = MPY_SEQ_GET(kws, i);
        if (i == dup)
            note(&c->f->compiler, k->loc, "keyword argument repeated: %s", k->arg);
        visit_expr(c, k->value, false);
    }
}

static void visit_comp(checker *c, const mpy_ast_expr *e, const char *what)
{
    const mpy_ast_seq *gens = e->v.Comp.generators;
    /* The first iterable is evaluated outside; the rest is the
     * comprehension's own scope. */
    const mpy_ast_comprehension *first = MPY_SEQ_GET(gens, 0);
    checker outer = *c;
    outer.in_iter = true;
    visit_expr(&outer, first->iter, false);
    comp_frame frame = {gens, c->comps};
    checker inner = *c;
    inner.comp = what;
    inner.comps = &frame;
    checker iter = inner;
    iter.in_iter = true;
    for (int i = 0; i < MPY_SEQ_LEN(gens); i++) {
        const mpy_ast_comprehension *g = MPY_SEQ_GET(gens, i);
        visit_expr(&inner, g->target, false);
        if (i > 0)
            visit_expr(&iter, g->iter, false);
        visit_exprs(&inner, g->ifs, false);
    }
    visit_expr(&inner, e->v.Comp.elt, false);
    if (e->v.Comp.value)
        visit_expr(&inner, e->v.Comp.value, false);
}

static void visit_expr(checker *c, const mpy_ast_expr *e, bool starred_ok)
{
    switch (e->kind) {
    case MPY_AST_EXPR_Starred:
        if (!starred_ok) {
            if (e->v.Starred.ctx == MPY_AST_CTX_Store)
                note(&c->f->compiler, e->loc, "starred assignment target must be in a list or tuple");
            else
                note(&c->f->compiler, e->loc, "can't use starred expression here");
        }
        visit_expr(c, e->v.Starred.value, false);
        break;
    case MPY_AST_EXPR_List:
    case MPY_AST_EXPR_Tuple:
        if (e->v.List.ctx == MPY_AST_CTX_Store) {
            int stars = 0;
            for (int i = 0; i < MPY_SEQ_LEN(e->v.List.elts); i++)
                stars += ((const mpy_ast_expr *)MPY_SEQ_GET(e->v.List.elts, i))->kind == MPY_AST_EXPR_Starred;
            if (stars > 1)
                note(&c->f->compiler, e->loc, "multiple starred expressions in assignment");
        }
        visit_exprs(c, e->v.List.elts, true);
        break;
    case MPY_AST_EXPR_Set:
        visit_exprs(c, e->v.Set.elts, true);
        break;
    case MPY_AST_EXPR_Call:
        visit_expr(c, e->v.Call.func, false);
        visit_exprs(c, e->v.Call.args, true);
        visit_keywords(c, e->v.Call.keywords);
        break;
    case MPY_AST_EXPR_Name:
        if (e->v.Name.ctx != MPY_AST_CTX_Load && strcmp(e->v.Name.id, "__debug__") == 0)
            note(&c->f->compiler, e->loc, "cannot %s __debug__", e->v.Name.ctx == MPY_AST_CTX_Del ? "delete" : "assign to");
        break;
    case MPY_AST_EXPR_Yield:
    case MPY_AST_EXPR_YieldFrom:
        if (c->comp)
            note(&c->f->symtable, e->loc, "'yield' inside %s", c->comp);
        else if (c->scope != SCOPE_FUNCTION)
            note(&c->f->compiler, e->loc, "'yield' outside function");
        if (e->v.Yield.value)
            visit_expr(c, e->v.Yield.value, false);
        break;
    case MPY_AST_EXPR_Lambda: {
        check_args(c, e->v.Lambda.args);
        visit_arguments(c, e->v.Lambda.args, false);
        checker inner = *c;
        inner.scope = SCOPE_FUNCTION;
        inner.loop = false;
        inner.comp = NULL;
        inner.comps = NULL;
        /* in_iter stays: CPython refuses `:=` in a lambda in an iterable */
        visit_expr(&inner, e->v.Lambda.body, false);
        break;
    }
    case MPY_AST_EXPR_ListComp: visit_comp(c, e, "list comprehension"); break;
    case MPY_AST_EXPR_SetComp: visit_comp(c, e, "set comprehension"); break;
    case MPY_AST_EXPR_DictComp: visit_comp(c, e, "dict comprehension"); break;
    case MPY_AST_EXPR_GeneratorExp: visit_comp(c, e, "generator expression"); break;
    case MPY_AST_EXPR_BoolOp: visit_exprs(c, e->v.BoolOp.values, false); break;
    case MPY_AST_EXPR_NamedExpr:
        check_walrus(c, e);
        visit_expr(c, e->v.NamedExpr.value, false);
        visit_expr(c, e->v.NamedExpr.target, false);
        break;
    case MPY_AST_EXPR_BinOp:
        visit_expr(c, e->v.BinOp.left, false);
        visit_expr(c, e->v.BinOp.right, false);
        break;
    case MPY_AST_EXPR_UnaryOp: visit_expr(c, e->v.UnaryOp.operand, false); break;
    case MPY_AST_EXPR_IfExp:
        visit_expr(c, e->v.IfExp.test, false);
        visit_expr(c, e->v.IfExp.body, false);
        visit_expr(c, e->v.IfExp.orelse, false);
        break;
    case MPY_AST_EXPR_Dict:
        visit_exprs(c, e->v.Dict.keys, false);
        visit_exprs(c, e->v.Dict.values, false);
        break;
    case MPY_AST_EXPR_Compare:
        visit_expr(c, e->v.Compare.left, false);
        visit_exprs(c, e->v.Compare.comparators, false);
        break;
    case MPY_AST_EXPR_FormattedValue:
        visit_expr(c, e->v.FormattedValue.value, false);
        if (e->v.FormattedValue.format_spec)
            visit_expr(c, e->v.FormattedValue.format_spec, false);
        break;
    case MPY_AST_EXPR_JoinedStr: visit_exprs(c, e->v.JoinedStr.values, false); break;
    case MPY_AST_EXPR_Attribute: visit_expr(c, e->v.Attribute.value, false); break;
    case MPY_AST_EXPR_Subscript:
        visit_expr(c, e->v.Subscript.value, false);
        visit_expr(c, e->v.Subscript.slice, false);
        break;
    case MPY_AST_EXPR_Slice:
        if (e->v.Slice.lower)
            visit_expr(c, e->v.Slice.lower, false);
        if (e->v.Slice.upper)
            visit_expr(c, e->v.Slice.upper, false);
        if (e->v.Slice.step)
            visit_expr(c, e->v.Slice.step, false);
        break;
    default:
        break;
    }
}

/* ------------------------------------------------------------------------ */
/* global and nonlocal */

/* How a scope uses a name, as CPython's symtable flags it. */
enum {
    USE = 1,       /* read */
    DEF_LOCAL = 2, /* assigned, deleted, def/class/except name */
    DEF_PARAM = 4,
    DEF_ANNOT = 8,
    DEF_IMPORT = 16,
    DEF_GLOBAL = 32,
    DEF_NONLOCAL = 64,
};

/* Called for each use of a name in one scope, in textual order; stmt is the
 * global or nonlocal statement for DEF_GLOBAL and DEF_NONLOCAL. */
typedef void (*name_fn)(void *ud, const char *name, unsigned how, const mpy_ast_stmt *stmt);

static void names_in_stmts(const mpy_ast_seq *body, name_fn fn, void *ud);
static void names_in_expr(const mpy_ast_expr *e, name_fn fn, void *ud);

static void names_in_exprs(const mpy_ast_seq *s, name_fn fn, void *ud)
{
    for (int i = 0; i < MPY_SEQ_LEN(s); i++)
        if (MPY_SEQ_GET(s, i))
            names_in_expr(MPY_SEQ_GET(s, i), fn, ud);
}

static void names_in_expr2(const mpy_ast_expr *a, const mpy_ast_expr *b, name_fn fn, void *ud)
{
    if (a)
        names_in_expr(a, fn, ud);
    if (b)
        names_in_expr(b, fn, ud);
}

/* Only the `:=` targets of a comprehension bind in the enclosing scope. */
static void walrus_targets(const mpy_ast_expr *e, name_fn fn, void *ud);

static void walrus_in_comp(const mpy_ast_expr *e, name_fn fn, void *ud)
{
    for (int i = 0; i < MPY_SEQ_LEN(e->v.Comp.generators); i++) {
        const mpy_ast_comprehension *g = MPY_SEQ_GET(e->v.Comp.generators, i);
        walrus_targets(g->iter, fn, ud);
        for (int j = 0; j < MPY_SEQ_LEN(g->ifs); j++)
            walrus_targets(MPY_SEQ_GET(g->ifs, j), fn, ud);
    }
    walrus_targets(e->v.Comp.elt, fn, ud);
    if (e->v.Comp.value)
        walrus_targets(e->v.Comp.value, fn, ud);
}

/* A crude but sufficient search: a `:=` can only sit in an expression. */
static void walrus_targets(const mpy_ast_expr *e, name_fn fn, void *ud)
{
    if (!e)
        return;
    switch (e->kind) {
    case MPY_AST_EXPR_NamedExpr:
        fn(ud, e->v.NamedExpr.target->v.Name.id, DEF_LOCAL, NULL);
        walrus_targets(e->v.NamedExpr.value, fn, ud);
        break;
    case MPY_AST_EXPR_ListComp:
    case MPY_AST_EXPR_SetComp:
    case MPY_AST_EXPR_DictComp:
    case MPY_AST_EXPR_GeneratorExp:
        walrus_in_comp(e, fn, ud);
        break;
    case MPY_AST_EXPR_BoolOp:
        for (int i = 0; i < MPY_SEQ_LEN(e->v.BoolOp.values); i++)
            walrus_targets(MPY_SEQ_GET(e->v.BoolOp.values, i), fn, ud);
        break;
    case MPY_AST_EXPR_BinOp:
        walrus_targets(e->v.BinOp.left, fn, ud);
        walrus_targets(e->v.BinOp.right, fn, ud);
        break;
    case MPY_AST_EXPR_UnaryOp: walrus_targets(e->v.UnaryOp.operand, fn, ud); break;
    case MPY_AST_EXPR_IfExp:
        walrus_targets(e->v.IfExp.test, fn, ud);
        walrus_targets(e->v.IfExp.body, fn, ud);
        walrus_targets(e->v.IfExp.orelse, fn, ud);
        break;
    case MPY_AST_EXPR_Compare:
        walrus_targets(e->v.Compare.left, fn, ud);
        for (int i = 0; i < MPY_SEQ_LEN(e->v.Compare.comparators); i++)
            walrus_targets(MPY_SEQ_GET(e->v.Compare.comparators, i), fn, ud);
        break;
    case MPY_AST_EXPR_Call:
        walrus_targets(e->v.Call.func, fn, ud);
        for (int i = 0; i < MPY_SEQ_LEN(e->v.Call.args); i++)
            walrus_targets(MPY_SEQ_GET(e->v.Call.args, i), fn, ud);
        break;
    case MPY_AST_EXPR_List:
    case MPY_AST_EXPR_Tuple:
        for (int i = 0; i < MPY_SEQ_LEN(e->v.List.elts); i++)
            walrus_targets(MPY_SEQ_GET(e->v.List.elts, i), fn, ud);
        break;
    case MPY_AST_EXPR_Subscript:
        walrus_targets(e->v.Subscript.value, fn, ud);
        walrus_targets(e->v.Subscript.slice, fn, ud);
        break;
    case MPY_AST_EXPR_Attribute: walrus_targets(e->v.Attribute.value, fn, ud); break;
    default:
        break;
    }
}

static void names_in_args(const mpy_ast_arguments *a, name_fn fn, void *ud)
{
    names_in_exprs(a->defaults, fn, ud);
    names_in_exprs(a->kw_defaults, fn, ud);
    const mpy_ast_seq *lists[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < MPY_SEQ_LEN(lists[l]); i++)
            names_in_expr2(((const mpy_ast_arg *)MPY_SEQ_GET(lists[l], i))->annotation, NULL, fn, ud);
    if (a->vararg)
        names_in_expr2(a->vararg->annotation, NULL, fn, ud);
    if (a->kwarg)
        names_in_expr2(a->kwarg->annotation, NULL, fn, ud);
}

static void names_in_expr(const mpy_ast_expr *e, name_fn fn, void *ud)
{
    switch (e->kind) {
    case MPY_AST_EXPR_Name:
        fn(ud, e->v.Name.id, e->v.Name.ctx == MPY_AST_CTX_Load ? USE : DEF_LOCAL, NULL);
        break;
    case MPY_AST_EXPR_NamedExpr:
        names_in_expr(e->v.NamedExpr.value, fn, ud);
        fn(ud, e->v.NamedExpr.target->v.Name.id, DEF_LOCAL, NULL);
        break;
    case MPY_AST_EXPR_Lambda:
        names_in_args(e->v.Lambda.args, fn, ud);
        break;
    case MPY_AST_EXPR_ListComp:
    case MPY_AST_EXPR_SetComp:
    case MPY_AST_EXPR_DictComp:
    case MPY_AST_EXPR_GeneratorExp:
        names_in_expr(((const mpy_ast_comprehension *)MPY_SEQ_GET(e->v.Comp.generators, 0))->iter, fn, ud);
        walrus_in_comp(e, fn, ud);
        break;
    case MPY_AST_EXPR_BoolOp: names_in_exprs(e->v.BoolOp.values, fn, ud); break;
    case MPY_AST_EXPR_BinOp: names_in_expr2(e->v.BinOp.left, e->v.BinOp.right, fn, ud); break;
    case MPY_AST_EXPR_UnaryOp: names_in_expr(e->v.UnaryOp.operand, fn, ud); break;
    case MPY_AST_EXPR_IfExp:
        names_in_expr2(e->v.IfExp.test, e->v.IfExp.body, fn, ud);
        names_in_expr(e->v.IfExp.orelse, fn, ud);
        break;
    case MPY_AST_EXPR_Dict:
        names_in_exprs(e->v.Dict.keys, fn, ud);
        names_in_exprs(e->v.Dict.values, fn, ud);
        break;
    case MPY_AST_EXPR_Set: names_in_exprs(e->v.Set.elts, fn, ud); break;
    case MPY_AST_EXPR_Yield:
    case MPY_AST_EXPR_YieldFrom: names_in_expr2(e->v.Yield.value, NULL, fn, ud); break;
    case MPY_AST_EXPR_Compare:
        names_in_expr(e->v.Compare.left, fn, ud);
        names_in_exprs(e->v.Compare.comparators, fn, ud);
        break;
    case MPY_AST_EXPR_Call:
        names_in_expr(e->v.Call.func, fn, ud);
        names_in_exprs(e->v.Call.args, fn, ud);
        for (int i = 0; i < MPY_SEQ_LEN(e->v.Call.keywords); i++)
            names_in_expr(((const mpy_ast_keyword *)MPY_SEQ_GET(e->v.Call.keywords, i))->value, fn, ud);
        break;
    case MPY_AST_EXPR_FormattedValue:
        names_in_expr2(e->v.FormattedValue.value, e->v.FormattedValue.format_spec, fn, ud);
        break;
    case MPY_AST_EXPR_JoinedStr: names_in_exprs(e->v.JoinedStr.values, fn, ud); break;
    case MPY_AST_EXPR_Attribute: names_in_expr(e->v.Attribute.value, fn, ud); break;
    case MPY_AST_EXPR_Subscript: names_in_expr2(e->v.Subscript.value, e->v.Subscript.slice, fn, ud); break;
    case MPY_AST_EXPR_Starred: names_in_expr(e->v.Starred.value, fn, ud); break;
    case MPY_AST_EXPR_List:
    case MPY_AST_EXPR_Tuple: names_in_exprs(e->v.List.elts, fn, ud); break;
    case MPY_AST_EXPR_Slice:
        names_in_expr2(e->v.Slice.lower, e->v.Slice.upper, fn, ud);
        names_in_expr2(e->v.Slice.step, NULL, fn, ud);
        break;
    default:
        break;
    }
}

/* The name an import binds: `import a.b` binds a. */
static void import_names(const mpy_ast_seq *aliases, name_fn fn, void *ud)
{
    for (int i = 0; i < MPY_SEQ_LEN(aliases); i++) {
        const mpy_ast_alias *a = MPY_SEQ_GET(aliases, i);
        if (a->asname) {
            fn(ud, a->asname, DEF_IMPORT, NULL);
        } else if (strcmp(a->name, "*") != 0) {
            char buf[256];
            size_t n = strcspn(a->name, ".");
            if (n < sizeof buf) {
                memcpy(buf, a->name, n);
                buf[n] = '\0';
                fn(ud, buf, DEF_IMPORT, NULL);
            }
        }
    }
}

/* The names one statement uses in its scope; nested def and class bodies
 * are other scopes. */
static void names_in_stmt(const mpy_ast_stmt *s, name_fn fn, void *ud)
{
    switch (s->kind) {
    case MPY_AST_STMT_FunctionDef:
        names_in_exprs(s->v.FunctionDef.decorator_list, fn, ud);
        names_in_args(s->v.FunctionDef.args, fn, ud);
        names_in_expr2(s->v.FunctionDef.returns, NULL, fn, ud);
        fn(ud, s->v.FunctionDef.name, DEF_LOCAL, NULL);
        break;
    case MPY_AST_STMT_ClassDef:
        names_in_exprs(s->v.ClassDef.decorator_list, fn, ud);
        names_in_exprs(s->v.ClassDef.bases, fn, ud);
        for (int i = 0; i < MPY_SEQ_LEN(s->v.ClassDef.keywords); i++)
            names_in_expr(((const mpy_ast_keyword *)MPY_SEQ_GET(s->v.ClassDef.keywords, i))->value, fn, ud);
        fn(ud, s->v.ClassDef.name, DEF_LOCAL, NULL);
        break;
    case MPY_AST_STMT_Return: names_in_expr2(s->v.Return.value, NULL, fn, ud); break;
    case MPY_AST_STMT_Delete: names_in_exprs(s->v.Delete.targets, fn, ud); break;
    case MPY_AST_STMT_Assign:
        names_in_exprs(s->v.Assign.targets, fn, ud);
        names_in_expr(s->v.Assign.value, fn, ud);
        break;
    case MPY_AST_STMT_AugAssign: names_in_expr2(s->v.AugAssign.target, s->v.AugAssign.value, fn, ud); break;
    case MPY_AST_STMT_AnnAssign:
        if (s->v.AnnAssign.simple)
            fn(ud, s->v.AnnAssign.target->v.Name.id, DEF_ANNOT | DEF_LOCAL, NULL);
        else
            names_in_expr(s->v.AnnAssign.target, fn, ud);
        names_in_expr2(s->v.AnnAssign.annotation, s->v.AnnAssign.value, fn, ud);
        break;
    case MPY_AST_STMT_For:
        names_in_expr2(s->v.For.target, s->v.For.iter, fn, ud);
        names_in_stmts(s->v.For.body, fn, ud);
        names_in_stmts(s->v.For.orelse, fn, ud);
        break;
    case MPY_AST_STMT_While:
    case MPY_AST_STMT_If:
        names_in_expr(s->v.While.test, fn, ud);
        names_in_stmts(s->v.While.body, fn, ud);
        names_in_stmts(s->v.While.orelse, fn, ud);
        break;
    case MPY_AST_STMT_With:
        for (int i = 0; i < MPY_SEQ_LEN(s->v.With.items); i++) {
            const mpy_ast_withitem *w = MPY_SEQ_GET(s->v.With.items, i);
            names_in_expr2(w->context_expr, w->optional_vars, fn, ud);
        }
        names_in_stmts(s->v.With.body, fn, ud);
        break;
    case MPY_AST_STMT_Raise: names_in_expr2(s->v.Raise.exc, s->v.Raise.cause, fn, ud); break;
    case MPY_AST_STMT_Try:
        names_in_stmts(s->v.Try.body, fn, ud);
        for (int i = 0; i < MPY_SEQ_LEN(s->v.Try.handlers); i++) {
            const mpy_ast_excepthandler *h = MPY_SEQ_GET(s->v.Try.handlers, i);
            names_in_expr2(h->type, NULL, fn, ud);
            if (h->name)
                fn(ud, h->name, DEF_LOCAL, NULL);
            names_in_stmts(h->body, fn, ud);
        }
        names_in_stmts(s->v.Try.orelse, fn, ud);
        names_in_stmts(s->v.Try.finalbody, fn, ud);
        break;
    case MPY_AST_STMT_Assert: names_in_expr2(s->v.Assert.test, s->v.Assert.msg, fn, ud); break;
    case MPY_AST_STMT_Import: import_names(s->v.Import.names, fn, ud); break;
    case MPY_AST_STMT_ImportFrom: import_names(s->v.ImportFrom.names, fn, ud); break;
    case MPY_AST_STMT_Global:
    case MPY_AST_STMT_Nonlocal:
        for (int i = 0; i < MPY_SEQ_LEN(s->v.Global.names); i++)
            fn(ud, MPY_SEQ_GET(s->v.Global.names, i), s->kind == MPY_AST_STMT_Global ? DEF_GLOBAL : DEF_NONLOCAL, s);
        break;
    case MPY_AST_STMT_Expr: names_in_expr(s->v.Expr.value, fn, ud); break;
    default:
        break;
    }
}

static void names_in_stmts(const mpy_ast_seq *body, name_fn fn, void *ud)
{
    for (int i = 0; i < MPY_SEQ_LEN(body); i++)
        names_in_stmt(MPY_SEQ_GET(body, i), fn, ud);
}

static void names_in_scope(const scope_frame *fr, name_fn fn, void *ud)
{
    if (fr->args) {
        const mpy_ast_arguments *a = fr->args;
        const mpy_ast_seq *lists[3] = {a->posonlyargs, a->args, a->kwonlyargs};
        for (int l = 0; l < 3; l++)
            for (int i = 0; i < MPY_SEQ_LEN(lists[l]); i++)
                fn(ud, ((const mpy_ast_arg *)MPY_SEQ_GET(lists[l], i))->arg, DEF_PARAM, NULL);
        if (a->vararg)
            fn(ud, a->vararg->arg, DEF_PARAM, NULL);
        if (a->kwarg)
            fn(ud, a->kwarg->arg, DEF_PARAM, NULL);
    }
    names_in_stmts(fr->body, fn, ud);
}

/* The names a scope declares global or nonlocal, with what the scope did
 * with each so far. */
#define MAX_DECLARED 64

typedef struct {
    int n;
    const char *name[MAX_DECLARED];
    unsigned how[MAX_DECLARED];
    const mpy_ast_stmt *first[MAX_DECLARED]; /* its first declaration */
    checker *c;
    const scope_frame *frame;
} declared;

static int declared_index(const declared *d, const char *name)
{
    for (int i = 0; i < d->n; i++)
        if (strcmp(d->name[i], name) == 0)
            return i;
    return -1;
}

static void collect_declared(void *ud, const char *name, unsigned how, const mpy_ast_stmt *stmt)
{
    declared *d = ud;
    if (!(how & (DEF_GLOBAL | DEF_NONLOCAL)) || declared_index(d, name) >= 0 || d->n == MAX_DECLARED)
        return;
    d->name[d->n] = name;
    d->how[d->n] = 0;
    d->first[d->n++] = stmt;
}

/* Whether scope fr binds name (so a `nonlocal` below can refer to it). */
typedef struct {
    const char *name;
    unsigned how;
} lookup;

static void lookup_name(void *ud, const char *name, unsigned how, const mpy_ast_stmt *stmt)
{
    lookup *l = ud;
    (void)stmt;
    if (strcmp(name, l->name) == 0)
        l->how |= how;
}

/* symtable_analyze's rule: a nonlocal name must be bound in an enclosing
 * function (classes are skipped; a global declaration there ends it). */
static bool nonlocal_resolves(const scope_frame *fr, const char *name)
{
    for (const scope_frame *up = fr->up; up; up = up->up) {
        /* a class gives the functions in it an implicit __class__ */
        if (up->kind == SCOPE_CLASS) {
            if (strcmp(name, "__class__") == 0)
                return true;
            continue;
        }
        if (up->kind == SCOPE_MODULE)
            return false;
        lookup l = {name, 0};
        names_in_scope(up, lookup_name, &l);
        if (l.how & DEF_GLOBAL)
            return false;
        if (l.how & (DEF_LOCAL | DEF_PARAM | DEF_IMPORT | DEF_NONLOCAL))
            return true;
    }
    return false;
}

/* In textual order: a declaration after the scope used or bound the name. */
static void check_order(void *ud, const char *name, unsigned how, const mpy_ast_stmt *stmt)
{
    declared *d = ud;
    int i = declared_index(d, name);
    if (i < 0)
        return;
    if (how & (DEF_GLOBAL | DEF_NONLOCAL)) {
        unsigned cur = d->how[i];
        const char *kind = how & DEF_GLOBAL ? "global" : "nonlocal";
        if (cur & DEF_PARAM)
            note(&d->c->f->symtable, stmt->loc, "name '%s' is parameter and %s", name, kind);
        else if (cur & USE)
            note(&d->c->f->symtable, stmt->loc, "name '%s' is used prior to %s declaration", name, kind);
        else if (cur & DEF_ANNOT)
            note(&d->c->f->symtable, stmt->loc, "annotated name '%s' can't be %s", name, kind);
        else if (cur & DEF_LOCAL)
            note(&d->c->f->symtable, stmt->loc, "name '%s' is assigned to before %s declaration", name, kind);
    }
    d->how[i] |= how;
}

/* Where a walk of a header's n statements starts when the block's first
 * `upto` are known (clean, or declaring nothing): a header may be shorter
 * than the block's known prefix. */
static int known_prefix(int upto, int n) { return upto < n ? upto : n; }

static void any_declared(void *ud, const char *name, unsigned how, const mpy_ast_stmt *stmt)
{
    (void)name;
    (void)stmt;
    if (how & (DEF_GLOBAL | DEF_NONLOCAL))
        *(bool *)ud = true;
}

static void check_declarations(checker *c, const scope_frame *fr)
{
    declared d;
    d.n = 0;
    d.c = c;
    d.frame = fr;
    mpy_ast_seq_block *blk = fr->body ? fr->body->blk : NULL;
    int n = MPY_SEQ_LEN(fr->body), i = blk ? known_prefix(blk->nodecl_upto, n) : 0;
    bool prefix = true;
    for (; i < n; i++) {
        mpy_ast_stmt *s = MPY_SEQ_GET(fr->body, i);
        if (!(s->check_memo & MEMO_NO_DECL)) {
            bool any = false;
            names_in_stmt(s, any_declared, &any);
            if (any)
                names_in_stmt(s, collect_declared, &d);
            else
                s->check_memo |= MEMO_NO_DECL;
        }
        prefix = prefix && (s->check_memo & MEMO_NO_DECL);
        if (prefix && i < blk->real_used)
            blk->nodecl_upto = i + 1;
    }
    if (d.n == 0)
        return;
    names_in_scope(fr, check_order, &d);
    for (int i = 0; i < d.n; i++) {
        unsigned how = d.how[i];
        if ((how & DEF_GLOBAL) && (how & DEF_NONLOCAL))
            note(&c->f->analysis, d.first[i]->loc, "name '%s' is nonlocal and global", d.name[i]);
        else if ((how & DEF_NONLOCAL) && fr->kind != SCOPE_MODULE && !nonlocal_resolves(fr, d.name[i]))
            note(&c->f->analysis, d.first[i]->loc, "no binding for nonlocal '%s' found", d.name[i]);
    }
}

static void visit_body(checker *c, const mpy_ast_seq *body, scope_kind scope, bool loop)
{
    checker inner = *c;
    inner.scope = scope;
    inner.loop = loop;
    inner.comp = NULL;
    inner.comps = NULL;
    inner.in_iter = false;
    visit_stmts(&inner, body);
}

static void visit_stmt(checker *c, const mpy_ast_stmt *s)
{
    switch (s->kind) {
    case MPY_AST_STMT_FunctionDef: {
        const mpy_ast_arguments *a = s->v.FunctionDef.args;
        visit_exprs(c, s->v.FunctionDef.decorator_list, false);
        check_args(c, a);
        visit_arguments(c, a, true);
        if (s->v.FunctionDef.returns)
            visit_expr(c, s->v.FunctionDef.returns, false);
        c->f->scopes++;
        scope_frame frame = {SCOPE_FUNCTION, s->v.FunctionDef.body, a, c->frame};
        checker inner = *c;
        inner.frame = &frame;
        check_declarations(&inner, &frame);
        visit_body(&inner, s->v.FunctionDef.body, SCOPE_FUNCTION, false);
        break;
    }
    case MPY_AST_STMT_ClassDef: {
        visit_exprs(c, s->v.ClassDef.decorator_list, false);
        visit_exprs(c, s->v.ClassDef.bases, true);
        visit_keywords(c, s->v.ClassDef.keywords);
        c->f->scopes++;
        scope_frame frame = {SCOPE_CLASS, s->v.ClassDef.body, NULL, c->frame};
        checker inner = *c;
        inner.frame = &frame;
        check_declarations(&inner, &frame);
        visit_body(&inner, s->v.ClassDef.body, SCOPE_CLASS, false);
        break;
    }
    case MPY_AST_STMT_Return:
        if (c->scope != SCOPE_FUNCTION)
            note(&c->f->compiler, s->loc, "'return' outside function");
        if (s->v.Return.value)
            visit_expr(c, s->v.Return.value, false);
        break;
    case MPY_AST_STMT_Delete: visit_exprs(c, s->v.Delete.targets, false); break;
    case MPY_AST_STMT_Assign:
        visit_expr(c, s->v.Assign.value, false);
        visit_exprs(c, s->v.Assign.targets, false);
        break;
    case MPY_AST_STMT_AugAssign:
        visit_expr(c, s->v.AugAssign.target, false);
        visit_expr(c, s->v.AugAssign.value, false);
        break;
    case MPY_AST_STMT_AnnAssign:
        visit_expr(c, s->v.AnnAssign.target, false);
        visit_expr(c, s->v.AnnAssign.annotation, false);
        if (s->v.AnnAssign.value)
            visit_expr(c, s->v.AnnAssign.value, false);
        break;
    case MPY_AST_STMT_For: {
        visit_expr(c, s->v.For.iter, false);
        visit_expr(c, s->v.For.target, false);
        visit_body(c, s->v.For.body, c->scope, true);
        visit_stmts(c, s->v.For.orelse);
        break;
    }
    case MPY_AST_STMT_While:
        visit_expr(c, s->v.While.test, false);
        visit_body(c, s->v.While.body, c->scope, true);
        visit_stmts(c, s->v.While.orelse);
        break;
    case MPY_AST_STMT_If:
        visit_expr(c, s->v.While.test, false);
        visit_stmts(c, s->v.While.body);
        visit_stmts(c, s->v.While.orelse);
        break;
    case MPY_AST_STMT_With:
        for (int i = 0; i < MPY_SEQ_LEN(s->v.With.items); i++) {
            const mpy_ast_withitem *w = MPY_SEQ_GET(s->v.With.items, i);
            visit_expr(c, w->context_expr, false);
            if (w->optional_vars)
                visit_expr(c, w->optional_vars, false);
        }
        visit_stmts(c, s->v.With.body);
        break;
    case MPY_AST_STMT_Raise:
        if (s->v.Raise.exc)
            visit_expr(c, s->v.Raise.exc, false);
        if (s->v.Raise.cause)
            visit_expr(c, s->v.Raise.cause, false);
        break;
    case MPY_AST_STMT_Try:
        visit_stmts(c, s->v.Try.body);
        for (int i = 0; i < MPY_SEQ_LEN(s->v.Try.handlers); i++) {
            const mpy_ast_excepthandler *h = MPY_SEQ_GET(s->v.Try.handlers, i);
            if (!h->type && i + 1 < MPY_SEQ_LEN(s->v.Try.handlers))
                note(&c->f->compiler, h->loc, "default 'except:' must be last");
            if (h->type)
                visit_expr(c, h->type, false);
            visit_stmts(c, h->body);
        }
        visit_stmts(c, s->v.Try.orelse);
        visit_stmts(c, s->v.Try.finalbody);
        break;
    case MPY_AST_STMT_Assert:
        visit_expr(c, s->v.Assert.test, false);
        if (s->v.Assert.msg)
            visit_expr(c, s->v.Assert.msg, false);
        break;
    case MPY_AST_STMT_Nonlocal:
        if (c->scope == SCOPE_MODULE)
            note(&c->f->symtable, s->loc, "nonlocal declaration not allowed at module level");
        break;
    case MPY_AST_STMT_Expr: visit_expr(c, s->v.Expr.value, false); break;
    case MPY_AST_STMT_Break:
        if (!c->loop)
            note(&c->f->compiler, s->loc, "'break' outside loop");
        break;
    case MPY_AST_STMT_Continue:
        if (!c->loop)
            note(&c->f->compiler, s->loc, "'continue' not properly in loop");
        break;
    default:
        break;
    }
}

/* Where to start a walk of n statements of blk whose first `upto` are
 * known clean: a header may be shorter than the block. */
static bool any_found(const findings *f) { return f->symtable.set || f->analysis.set || f->compiler.set; }

static void visit_stmts(checker *c, const mpy_ast_seq *body)
{
    /* The context bit, when the statements' findings depend on nothing
     * else (see the header comment). */
    int ctx = c->comp || c->comps || c->in_iter ? -1 : (int)c->scope * 2 + c->loop;
    unsigned bit = ctx < 0 ? 0 : 1u << ctx;
    mpy_ast_seq_block *blk = body ? body->blk : NULL;
    int n = MPY_SEQ_LEN(body), i = blk && ctx >= 0 ? known_prefix(blk->clean_upto[ctx], n) : 0;
    bool prefix = ctx >= 0;
    for (; i < n; i++) {
        mpy_ast_stmt *s = MPY_SEQ_GET(body, i);
        if (!(s->check_memo & bit)) {
            bool clean = !any_found(c->f);
            unsigned scopes = c->f->scopes;
            visit_stmt(c, s);
            if (bit && clean && !any_found(c->f) && c->f->scopes == scopes)
                s->check_memo |= (uint8_t)bit;
        }
        prefix = prefix && (s->check_memo & bit);
        if (prefix && i < blk->real_used)
            blk->clean_upto[ctx] = i + 1;
    }
}

bool mpy_ast_check(mpy_parse_ctx *ctx, const mpy_ast_mod *mod)
{
    findings f;
    memset(&f, 0, sizeof f);
    scope_frame module = {SCOPE_MODULE, mod->body, NULL, NULL};
    checker c = {SCOPE_MODULE, false, NULL, NULL, false, &module, &f, ctx->arena};
    if (mod->kind == MPY_AST_EXPRESSION) {
        visit_expr(&c, mod->expr, false);
    } else {
        check_declarations(&c, &module);
        visit_stmts(&c, mod->body);
    }
    const found *first = f.symtable.set ? &f.symtable : f.analysis.set ? &f.analysis
                       : f.compiler.set ? &f.compiler : NULL;
    if (!first)
        return true;
    bool was_failed = ctx->failed;
    mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, first->loc, "%s", first->msg);
    if (!was_failed)
        ctx->err_source = MPY_ERR_COMPILER;
    return false;
}
