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
 * errors, so the walk keeps the first of each kind and reports the symtable
 * one if there is one.
 */
#include "ast_internal.h"

#include <stdio.h>
#include <string.h>

typedef enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_CLASS } scope_kind;

typedef struct {
    bool set;
    mpy_ast_loc loc;
    char msg[160];
} found;

typedef struct {
    found symtable, compiler;
} findings;

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
    findings *f;
} checker;

static void note(found *f, mpy_ast_loc loc, const char *fmt, const char *arg)
{
    if (f->set)
        return;
    f->set = true;
    f->loc = loc;
    snprintf(f->msg, sizeof f->msg, fmt, arg);
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
        note(&c->f->symtable, e->loc, "assignment expression cannot be used in a comprehension iterable expression%s", "");
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
        note(&c->f->symtable, t->loc, "assignment expression within a comprehension cannot be used in a class body%s", "");
}

static void visit_expr(checker *c, const mpy_ast_expr *e, bool starred_ok);
static void visit_stmts(checker *c, const mpy_ast_seq *body);

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

/* symtable: "duplicate argument 'x' in function definition" */
static void check_args(checker *c, const mpy_ast_arguments *a)
{
    const mpy_ast_arg *x;
    for (int i = 1; (x = nth_arg(a, i)) != NULL; i++)
        for (int j = 0; j < i; j++)
            if (strcmp(x->arg, nth_arg(a, j)->arg) == 0) {
                note(&c->f->symtable, x->loc, "duplicate argument '%s' in function definition", x->arg);
                return;
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

static void visit_keywords(checker *c, const mpy_ast_seq *kws)
{
    for (int i = 0; i < MPY_SEQ_LEN(kws); i++) {
        const mpy_ast_keyword *k = MPY_SEQ_GET(kws, i);
        if (k->arg) {
            for (int j = 0; j < i; j++) {
                const mpy_ast_keyword *p = MPY_SEQ_GET(kws, j);
                if (p->arg && strcmp(p->arg, k->arg) == 0) {
                    note(&c->f->compiler, k->loc, "keyword argument repeated: %s", k->arg);
                    break;
                }
            }
        }
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
                note(&c->f->compiler, e->loc, "starred assignment target must be in a list or tuple%s", "");
            else
                note(&c->f->compiler, e->loc, "can't use starred expression here%s", "");
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
                note(&c->f->compiler, e->loc, "multiple starred expressions in assignment%s", "");
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
            note(&c->f->compiler, e->loc, e->v.Name.ctx == MPY_AST_CTX_Del ? "cannot delete %s" : "cannot assign to %s",
                 "__debug__");
        break;
    case MPY_AST_EXPR_Yield:
    case MPY_AST_EXPR_YieldFrom:
        if (c->comp)
            note(&c->f->symtable, e->loc, "'yield' inside %s", c->comp);
        else if (c->scope != SCOPE_FUNCTION)
            note(&c->f->compiler, e->loc, "'yield' outside function%s", "");
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
        visit_body(c, s->v.FunctionDef.body, SCOPE_FUNCTION, false);
        break;
    }
    case MPY_AST_STMT_ClassDef:
        visit_exprs(c, s->v.ClassDef.decorator_list, false);
        visit_exprs(c, s->v.ClassDef.bases, true);
        visit_keywords(c, s->v.ClassDef.keywords);
        visit_body(c, s->v.ClassDef.body, SCOPE_CLASS, false);
        break;
    case MPY_AST_STMT_Return:
        if (c->scope != SCOPE_FUNCTION)
            note(&c->f->compiler, s->loc, "'return' outside function%s", "");
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
            note(&c->f->symtable, s->loc, "nonlocal declaration not allowed at module level%s", "");
        break;
    case MPY_AST_STMT_Expr: visit_expr(c, s->v.Expr.value, false); break;
    case MPY_AST_STMT_Break:
        if (!c->loop)
            note(&c->f->compiler, s->loc, "'break' outside loop%s", "");
        break;
    case MPY_AST_STMT_Continue:
        if (!c->loop)
            note(&c->f->compiler, s->loc, "'continue' not properly in loop%s", "");
        break;
    default:
        break;
    }
}

static void visit_stmts(checker *c, const mpy_ast_seq *body)
{
    for (int i = 0; i < MPY_SEQ_LEN(body); i++)
        visit_stmt(c, MPY_SEQ_GET(body, i));
}

bool mpy_ast_check(mpy_parse_ctx *ctx, const mpy_ast_mod *mod)
{
    findings f;
    memset(&f, 0, sizeof f);
    checker c = {SCOPE_MODULE, false, NULL, NULL, false, &f};
    if (mod->kind == MPY_AST_EXPRESSION)
        visit_expr(&c, mod->expr, false);
    else
        visit_stmts(&c, mod->body);
    const found *first = f.symtable.set ? &f.symtable : f.compiler.set ? &f.compiler : NULL;
    if (!first)
        return true;
    return mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, first->loc, "%s", first->msg);
}
