/* Scope analysis (see symtable.h): a recording walk, then resolution. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/symtable.h"

typedef struct st_state {
    mpy_arena *a;
    mpy_scope *cur;
    mpy_syntax_error *err;
    bool failed, nomem;
} st_state;

static void *grow(st_state *st, void *old, int n, int *cap, size_t elem)
{
    if (n < *cap) return old;
    int ncap = *cap ? *cap * 2 : 8;
    void *p = mpy_arena_alloc(st->a, (size_t)ncap * elem);
    if (!p) {
        st->failed = st->nomem = true;
        return NULL;
    }
    if (old) memcpy(p, old, (size_t)n * elem);
    *cap = ncap;
    return p;
}

static void st_error(st_state *st, mpy_ast_loc loc, const char *fmt, const char *name)
{
    if (st->failed) return;
    st->failed = true;
    memset(st->err, 0, sizeof *st->err);
    st->err->kind = MPY_SYNERR_SYNTAX;
    snprintf(st->err->msg, sizeof st->err->msg, fmt, name);
    st->err->line = loc.line;
    st->err->offset = loc.col + 1;
    st->err->end_line = loc.end_line;
    st->err->end_offset = loc.end_col + 1;
}

/* ------------------------------------------------------------ symbols */

static unsigned str_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

mpy_symbol *mpy_scope_lookup(const mpy_scope *s, const char *name)
{
    if (!s->caphash) return NULL;
    unsigned mask = (unsigned)s->caphash - 1, i = str_hash(name) & mask;
    for (;;) {
        int k = s->hash[i];
        if (!k) return NULL;
        if (strcmp(s->syms[k - 1].name, name) == 0) return &s->syms[k - 1];
        i = (i + 1) & mask;
    }
}

static bool rehash(st_state *st, mpy_scope *s, int cap)
{
    int *h = mpy_arena_alloc(st->a, (size_t)cap * sizeof *h);
    if (!h) {
        st->failed = st->nomem = true;
        return false;
    }
    s->hash = h;
    s->caphash = cap;
    for (int k = 0; k < s->nsyms; k++) {
        unsigned i = str_hash(s->syms[k].name) & ((unsigned)cap - 1);
        while (h[i]) i = (i + 1) & ((unsigned)cap - 1);
        h[i] = k + 1;
    }
    return true;
}

/* The symbol for name in s, created (no flags) when missing. */
static mpy_symbol *sym_get(st_state *st, mpy_scope *s, const char *name)
{
    mpy_symbol *sym = mpy_scope_lookup(s, name);
    if (sym) return sym;
    mpy_symbol *ns = grow(st, s->syms, s->nsyms, &s->capsyms, sizeof *s->syms);
    if (!ns) return NULL;
    s->syms = ns;
    sym = &s->syms[s->nsyms++];
    sym->name = name;
    sym->flags = 0;
    sym->kind = MPY_SYM_UNRESOLVED;
    sym->slot = -1;
    if (s->nsyms * 2 > s->caphash) {
        if (!rehash(st, s, s->caphash ? s->caphash * 2 : 16)) return NULL;
    } else {
        unsigned mask = (unsigned)s->caphash - 1, i = str_hash(name) & mask;
        while (s->hash[i]) i = (i + 1) & mask;
        s->hash[i] = s->nsyms;
    }
    return sym;
}

const char *mpy_mangle(mpy_arena *a, const char *private_name, const char *name)
{
    if (!private_name || name[0] != '_' || name[1] != '_') return name;
    size_t n = strlen(name);
    if ((n >= 2 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.')) return name;
    while (*private_name == '_') private_name++;
    if (!*private_name) return name;
    size_t p = strlen(private_name);
    char *r = mpy_arena_alloc(a, 1 + p + n + 1);
    if (!r) return NULL;
    r[0] = '_';
    memcpy(r + 1, private_name, p);
    memcpy(r + 1 + p, name, n + 1);
    return r;
}

static void add_def(st_state *st, mpy_scope *s, const char *name, unsigned flag)
{
    const char *m = mpy_mangle(st->a, s->private_name, name);
    if (!m) {
        st->failed = st->nomem = true;
        return;
    }
    mpy_symbol *sym = sym_get(st, s, m);
    if (sym) sym->flags |= flag;
}

static void def(st_state *st, const char *name, unsigned flag) { add_def(st, st->cur, name, flag); }

/* ------------------------------------------------------------- scopes */

static mpy_scope *scope_new(st_state *st, mpy_scope_kind kind, const char *name, const void *node)
{
    mpy_scope *s = mpy_arena_alloc(st->a, sizeof *s);
    if (!s) {
        st->failed = st->nomem = true;
        return NULL;
    }
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->parent = st->cur;
    if (st->cur) {
        mpy_scope *p = st->cur;
        mpy_scope **nc = grow(st, p->children, p->nchildren, &p->capchildren, sizeof *p->children);
        if (!nc) return NULL;
        p->children = nc;
        p->children[p->nchildren++] = s;
        s->private_name = kind == MPY_SCOPE_CLASS ? name : p->private_name;
        s->nested = p->kind == MPY_SCOPE_FUNCTION || p->nested;
    }
    return s;
}

mpy_scope *mpy_scope_child(const mpy_scope *parent, const void *node)
{
    for (int i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->node == node) return parent->children[i];
    return NULL;
}

/* ------------------------------------------------------ recording walk */

static void visit_expr(st_state *st, const mpy_ast_expr *e);
static void visit_stmts(st_state *st, const mpy_ast_seq *body);

static void visit_exprs(st_state *st, const mpy_ast_seq *s)
{
    for (int i = 0; i < MPY_SEQ_LEN(s); i++) visit_expr(st, MPY_SEQ_GET(s, i));
}

static void visit_opt(st_state *st, const mpy_ast_expr *e)
{
    if (e) visit_expr(st, e);
}

/* Parameters, in CPython's slot order. */
static void add_params(st_state *st, mpy_scope *s, const mpy_ast_arguments *args)
{
    const mpy_ast_seq *groups[3] = {args->posonlyargs, args->args, args->kwonlyargs};
    int n = MPY_SEQ_LEN(args->posonlyargs) + MPY_SEQ_LEN(args->args) + MPY_SEQ_LEN(args->kwonlyargs) +
            (args->vararg != NULL) + (args->kwarg != NULL);
    s->varnames = mpy_arena_alloc(st->a, (size_t)(n ? n : 1) * sizeof *s->varnames);
    if (!s->varnames) {
        st->failed = st->nomem = true;
        return;
    }
    for (int g = 0; g < 3; g++)
        for (int i = 0; i < MPY_SEQ_LEN(groups[g]); i++) {
            const mpy_ast_arg *a = MPY_SEQ_GET(groups[g], i);
            add_def(st, s, a->arg, MPY_DEF_PARAM);
            s->varnames[s->nvarnames++] = mpy_mangle(st->a, s->private_name, a->arg);
        }
    if (args->vararg) {
        add_def(st, s, args->vararg->arg, MPY_DEF_PARAM);
        s->varnames[s->nvarnames++] = mpy_mangle(st->a, s->private_name, args->vararg->arg);
    }
    if (args->kwarg) {
        add_def(st, s, args->kwarg->arg, MPY_DEF_PARAM);
        s->varnames[s->nvarnames++] = mpy_mangle(st->a, s->private_name, args->kwarg->arg);
    }
    s->posonlyargcount = MPY_SEQ_LEN(args->posonlyargs);
    s->argcount = s->posonlyargcount + MPY_SEQ_LEN(args->args);
    s->kwonlyargcount = MPY_SEQ_LEN(args->kwonlyargs);
    s->varargs = args->vararg != NULL;
    s->varkeywords = args->kwarg != NULL;
}

/* Defaults and annotations are evaluated in the enclosing scope. */
static void visit_arg_defaults(st_state *st, const mpy_ast_arguments *args, bool annotations)
{
    visit_exprs(st, args->defaults);
    for (int i = 0; i < MPY_SEQ_LEN(args->kw_defaults); i++) visit_opt(st, MPY_SEQ_GET(args->kw_defaults, i));
    if (!annotations) return;
    const mpy_ast_seq *groups[3] = {args->posonlyargs, args->args, args->kwonlyargs};
    for (int g = 0; g < 3; g++)
        for (int i = 0; i < MPY_SEQ_LEN(groups[g]); i++) visit_opt(st, ((mpy_ast_arg *)MPY_SEQ_GET(groups[g], i))->annotation);
    if (args->vararg) visit_opt(st, args->vararg->annotation);
    if (args->kwarg) visit_opt(st, args->kwarg->annotation);
}

static void visit_comprehension(st_state *st, const mpy_ast_expr *e, const char *name)
{
    const mpy_ast_seq *gens = e->v.Comp.generators;
    const mpy_ast_comprehension *first = MPY_SEQ_GET(gens, 0);
    visit_expr(st, first->iter); /* the outermost iterable: enclosing scope */
    mpy_scope *s = scope_new(st, MPY_SCOPE_FUNCTION, name, e);
    if (!s) return;
    s->comprehension = true;
    s->generator = e->kind == MPY_AST_EXPR_GeneratorExp;
    s->varnames = mpy_arena_alloc(st->a, sizeof *s->varnames);
    if (!s->varnames) {
        st->failed = st->nomem = true;
        return;
    }
    add_def(st, s, ".0", MPY_DEF_PARAM);
    s->varnames[s->nvarnames++] = ".0";
    s->argcount = 1;
    mpy_scope *saved = st->cur;
    st->cur = s;
    for (int i = 0; i < MPY_SEQ_LEN(gens); i++) {
        const mpy_ast_comprehension *g = MPY_SEQ_GET(gens, i);
        if (i > 0) visit_expr(st, g->iter);
        visit_expr(st, g->target);
        visit_exprs(st, g->ifs);
    }
    if (e->kind == MPY_AST_EXPR_DictComp) {
        visit_expr(st, e->v.Comp.elt);
        visit_expr(st, e->v.Comp.value);
    } else {
        visit_expr(st, e->v.Comp.elt);
    }
    st->cur = saved;
}

/* `target := value` inside comprehensions binds in the nearest enclosing
 * scope that is not a comprehension. */
static void visit_named_target(st_state *st, const mpy_ast_expr *t)
{
    const char *name = t->v.Name.id;
    if (!st->cur->comprehension) {
        def(st, name, MPY_DEF_LOCAL);
        return;
    }
    mpy_scope *s = st->cur;
    while (s->comprehension) s = s->parent;
    if (s->kind == MPY_SCOPE_FUNCTION) {
        const char *m = mpy_mangle(st->a, s->private_name, name);
        mpy_symbol *outer = m ? mpy_scope_lookup(s, m) : NULL;
        add_def(st, s, name, MPY_DEF_LOCAL);
        def(st, name, outer && (outer->flags & MPY_DEF_GLOBAL) ? MPY_DEF_GLOBAL : MPY_DEF_NONLOCAL);
    } else if (s->kind == MPY_SCOPE_MODULE) {
        add_def(st, s, name, MPY_DEF_LOCAL);
        def(st, name, MPY_DEF_GLOBAL);
    } else {
        st_error(st, t->loc, "assignment expression within a comprehension cannot be used in a class body%s", "");
    }
}

static void visit_expr(st_state *st, const mpy_ast_expr *e)
{
    if (st->failed) return;
    switch (e->kind) {
    case MPY_AST_EXPR_BoolOp: visit_exprs(st, e->v.BoolOp.values); break;
    case MPY_AST_EXPR_NamedExpr:
        visit_expr(st, e->v.NamedExpr.value);
        visit_named_target(st, e->v.NamedExpr.target);
        break;
    case MPY_AST_EXPR_BinOp:
        visit_expr(st, e->v.BinOp.left);
        visit_expr(st, e->v.BinOp.right);
        break;
    case MPY_AST_EXPR_UnaryOp: visit_expr(st, e->v.UnaryOp.operand); break;
    case MPY_AST_EXPR_Lambda: {
        visit_arg_defaults(st, e->v.Lambda.args, false);
        mpy_scope *s = scope_new(st, MPY_SCOPE_FUNCTION, "<lambda>", e);
        if (!s) return;
        add_params(st, s, e->v.Lambda.args);
        mpy_scope *saved = st->cur;
        st->cur = s;
        visit_expr(st, e->v.Lambda.body);
        st->cur = saved;
        break;
    }
    case MPY_AST_EXPR_IfExp:
        visit_expr(st, e->v.IfExp.test);
        visit_expr(st, e->v.IfExp.body);
        visit_expr(st, e->v.IfExp.orelse);
        break;
    case MPY_AST_EXPR_Dict:
        for (int i = 0; i < MPY_SEQ_LEN(e->v.Dict.keys); i++) visit_opt(st, MPY_SEQ_GET(e->v.Dict.keys, i));
        visit_exprs(st, e->v.Dict.values);
        break;
    case MPY_AST_EXPR_Set: visit_exprs(st, e->v.Set.elts); break;
    case MPY_AST_EXPR_ListComp: visit_comprehension(st, e, "<listcomp>"); break;
    case MPY_AST_EXPR_SetComp: visit_comprehension(st, e, "<setcomp>"); break;
    case MPY_AST_EXPR_DictComp: visit_comprehension(st, e, "<dictcomp>"); break;
    case MPY_AST_EXPR_GeneratorExp: visit_comprehension(st, e, "<genexpr>"); break;
    case MPY_AST_EXPR_Yield:
        visit_opt(st, e->v.Yield.value);
        st->cur->generator = true;
        break;
    case MPY_AST_EXPR_YieldFrom:
        visit_expr(st, e->v.YieldFrom.value);
        st->cur->generator = true;
        break;
    case MPY_AST_EXPR_Compare:
        visit_expr(st, e->v.Compare.left);
        visit_exprs(st, e->v.Compare.comparators);
        break;
    case MPY_AST_EXPR_Call:
        visit_expr(st, e->v.Call.func);
        visit_exprs(st, e->v.Call.args);
        for (int i = 0; i < MPY_SEQ_LEN(e->v.Call.keywords); i++)
            visit_expr(st, ((mpy_ast_keyword *)MPY_SEQ_GET(e->v.Call.keywords, i))->value);
        break;
    case MPY_AST_EXPR_FormattedValue:
        visit_expr(st, e->v.FormattedValue.value);
        visit_opt(st, e->v.FormattedValue.format_spec);
        break;
    case MPY_AST_EXPR_JoinedStr: visit_exprs(st, e->v.JoinedStr.values); break;
    case MPY_AST_EXPR_Constant: break;
    case MPY_AST_EXPR_Attribute: visit_expr(st, e->v.Attribute.value); break;
    case MPY_AST_EXPR_Subscript:
        visit_expr(st, e->v.Subscript.value);
        visit_expr(st, e->v.Subscript.slice);
        break;
    case MPY_AST_EXPR_Starred: visit_expr(st, e->v.Starred.value); break;
    case MPY_AST_EXPR_Name:
        if (e->v.Name.ctx == MPY_AST_CTX_Load) {
            def(st, e->v.Name.id, MPY_DEF_USE);
            /* zero-argument super() needs the __class__ cell */
            if (st->cur->kind == MPY_SCOPE_FUNCTION && strcmp(e->v.Name.id, "super") == 0)
                def(st, "__class__", MPY_DEF_USE);
        } else {
            def(st, e->v.Name.id, MPY_DEF_LOCAL);
        }
        break;
    case MPY_AST_EXPR_List:
    case MPY_AST_EXPR_Tuple: visit_exprs(st, e->v.List.elts); break;
    case MPY_AST_EXPR_Slice:
        visit_opt(st, e->v.Slice.lower);
        visit_opt(st, e->v.Slice.upper);
        visit_opt(st, e->v.Slice.step);
        break;
    default: break;
    }
}

static void visit_stmt(st_state *st, const mpy_ast_stmt *s)
{
    if (st->failed) return;
    switch (s->kind) {
    case MPY_AST_STMT_FunctionDef: {
        visit_exprs(st, s->v.FunctionDef.decorator_list);
        visit_arg_defaults(st, s->v.FunctionDef.args, true);
        visit_opt(st, s->v.FunctionDef.returns);
        def(st, s->v.FunctionDef.name, MPY_DEF_LOCAL);
        mpy_scope *fs = scope_new(st, MPY_SCOPE_FUNCTION, s->v.FunctionDef.name, s);
        if (!fs) return;
        add_params(st, fs, s->v.FunctionDef.args);
        mpy_scope *saved = st->cur;
        st->cur = fs;
        visit_stmts(st, s->v.FunctionDef.body);
        st->cur = saved;
        break;
    }
    case MPY_AST_STMT_ClassDef: {
        visit_exprs(st, s->v.ClassDef.decorator_list);
        visit_exprs(st, s->v.ClassDef.bases);
        for (int i = 0; i < MPY_SEQ_LEN(s->v.ClassDef.keywords); i++)
            visit_expr(st, ((mpy_ast_keyword *)MPY_SEQ_GET(s->v.ClassDef.keywords, i))->value);
        def(st, s->v.ClassDef.name, MPY_DEF_LOCAL);
        mpy_scope *cs = scope_new(st, MPY_SCOPE_CLASS, s->v.ClassDef.name, s);
        if (!cs) return;
        mpy_scope *saved = st->cur;
        st->cur = cs;
        visit_stmts(st, s->v.ClassDef.body);
        st->cur = saved;
        break;
    }
    case MPY_AST_STMT_Return: visit_opt(st, s->v.Return.value); break;
    case MPY_AST_STMT_Delete: visit_exprs(st, s->v.Delete.targets); break;
    case MPY_AST_STMT_Assign:
        visit_expr(st, s->v.Assign.value);
        visit_exprs(st, s->v.Assign.targets);
        break;
    case MPY_AST_STMT_AugAssign:
        visit_expr(st, s->v.AugAssign.value);
        visit_expr(st, s->v.AugAssign.target);
        if (s->v.AugAssign.target->kind == MPY_AST_EXPR_Name) def(st, s->v.AugAssign.target->v.Name.id, MPY_DEF_USE);
        break;
    case MPY_AST_STMT_AnnAssign:
        visit_opt(st, s->v.AnnAssign.value);
        visit_expr(st, s->v.AnnAssign.annotation);
        visit_expr(st, s->v.AnnAssign.target);
        break;
    case MPY_AST_STMT_For:
        visit_expr(st, s->v.For.iter);
        visit_expr(st, s->v.For.target);
        visit_stmts(st, s->v.For.body);
        visit_stmts(st, s->v.For.orelse);
        break;
    case MPY_AST_STMT_While:
    case MPY_AST_STMT_If:
        visit_expr(st, s->v.While.test);
        visit_stmts(st, s->v.While.body);
        visit_stmts(st, s->v.While.orelse);
        break;
    case MPY_AST_STMT_With:
        for (int i = 0; i < MPY_SEQ_LEN(s->v.With.items); i++) {
            const mpy_ast_withitem *w = MPY_SEQ_GET(s->v.With.items, i);
            visit_expr(st, w->context_expr);
            visit_opt(st, w->optional_vars);
        }
        visit_stmts(st, s->v.With.body);
        break;
    case MPY_AST_STMT_Raise:
        visit_opt(st, s->v.Raise.exc);
        visit_opt(st, s->v.Raise.cause);
        break;
    case MPY_AST_STMT_Try:
        visit_stmts(st, s->v.Try.body);
        for (int i = 0; i < MPY_SEQ_LEN(s->v.Try.handlers); i++) {
            const mpy_ast_excepthandler *h = MPY_SEQ_GET(s->v.Try.handlers, i);
            visit_opt(st, h->type);
            if (h->name) def(st, h->name, MPY_DEF_LOCAL);
            visit_stmts(st, h->body);
        }
        visit_stmts(st, s->v.Try.orelse);
        visit_stmts(st, s->v.Try.finalbody);
        break;
    case MPY_AST_STMT_Assert:
        visit_expr(st, s->v.Assert.test);
        visit_opt(st, s->v.Assert.msg);
        break;
    case MPY_AST_STMT_Import:
    case MPY_AST_STMT_ImportFrom: {
        const mpy_ast_seq *names = s->kind == MPY_AST_STMT_Import ? s->v.Import.names : s->v.ImportFrom.names;
        for (int i = 0; i < MPY_SEQ_LEN(names); i++) {
            const mpy_ast_alias *al = MPY_SEQ_GET(names, i);
            if (strcmp(al->name, "*") == 0) {
                if (st->cur->kind != MPY_SCOPE_MODULE)
                    st_error(st, s->loc, "import * only allowed at module level%s", "");
                continue;
            }
            if (al->asname) {
                def(st, al->asname, MPY_DEF_LOCAL);
            } else {
                const char *dot = strchr(al->name, '.');
                const char *n = dot ? mpy_arena_strndup(st->a, al->name, (size_t)(dot - al->name)) : al->name;
                if (!n) {
                    st->failed = st->nomem = true;
                    return;
                }
                def(st, n, MPY_DEF_LOCAL);
            }
        }
        break;
    }
    case MPY_AST_STMT_Global:
    case MPY_AST_STMT_Nonlocal: {
        bool global = s->kind == MPY_AST_STMT_Global;
        if (!global && st->cur->kind == MPY_SCOPE_MODULE) {
            st_error(st, s->loc, "nonlocal declaration not allowed at module level%s", "");
            return;
        }
        for (int i = 0; i < MPY_SEQ_LEN(s->v.Global.names); i++) {
            const char *n = MPY_SEQ_GET(s->v.Global.names, i);
            const char *m = mpy_mangle(st->a, st->cur->private_name, n);
            mpy_symbol *sym = m ? mpy_scope_lookup(st->cur, m) : NULL;
            if (sym && (sym->flags & MPY_DEF_PARAM)) {
                st_error(st, s->loc, global ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal", n);
                return;
            }
            def(st, n, global ? MPY_DEF_GLOBAL : MPY_DEF_NONLOCAL);
        }
        break;
    }
    case MPY_AST_STMT_Expr: visit_expr(st, s->v.Expr.value); break;
    default: break;
    }
}

static void visit_stmts(st_state *st, const mpy_ast_seq *body)
{
    for (int i = 0; i < MPY_SEQ_LEN(body) && !st->failed; i++) visit_stmt(st, MPY_SEQ_GET(body, i));
}

/* ---------------------------------------------------------- resolution */

/* Makes `name` a free variable of every scope strictly between `from`
 * (exclusive) and `to` (exclusive): they pass the cell down. */
static void pass_through(st_state *st, mpy_scope *from, mpy_scope *to, const char *name)
{
    for (mpy_scope *p = from->parent; p && p != to; p = p->parent) {
        mpy_symbol *sym = sym_get(st, p, name);
        if (!sym) return;
        if (p->kind == MPY_SCOPE_CLASS) {
            if (sym->kind == MPY_SYM_UNRESOLVED) sym->kind = MPY_SYM_FREE;
            if (sym->kind != MPY_SYM_FREE) sym->flags |= MPY_DEF_FREE_CLASS;
        } else {
            sym->kind = MPY_SYM_FREE;
        }
    }
}

/* Resolves a name that scope s reads or declares nonlocal but does not
 * bind, by looking at the enclosing scopes. */
static mpy_sym_kind resolve_outer(st_state *st, mpy_scope *s, const char *name, bool nonlocal)
{
    for (mpy_scope *p = s->parent; p; p = p->parent) {
        if (p->kind == MPY_SCOPE_MODULE) break;
        if (p->kind == MPY_SCOPE_CLASS) {
            if (!nonlocal && strcmp(name, "__class__") == 0) {
                mpy_symbol *sym = sym_get(st, p, name);
                if (!sym) return MPY_SYM_GLOBAL_IMPLICIT;
                sym->kind = MPY_SYM_CELL;
                p->needs_class_closure = true;
                pass_through(st, s, p, name);
                return MPY_SYM_FREE;
            }
            continue;
        }
        mpy_symbol *sym = mpy_scope_lookup(p, name);
        if (!sym) continue;
        switch (sym->kind) {
        case MPY_SYM_LOCAL:
        case MPY_SYM_CELL:
            sym->kind = MPY_SYM_CELL;
            pass_through(st, s, p, name);
            return MPY_SYM_FREE;
        case MPY_SYM_FREE:
            pass_through(st, s, p, name);
            return MPY_SYM_FREE;
        default:
            if (nonlocal) return MPY_SYM_UNRESOLVED;
            return MPY_SYM_GLOBAL_IMPLICIT;
        }
    }
    return nonlocal ? MPY_SYM_UNRESOLVED : MPY_SYM_GLOBAL_IMPLICIT;
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static void resolve_scope(st_state *st, mpy_scope *s, const mpy_ast_loc *loc)
{
    for (int i = 0; i < s->nsyms && !st->failed; i++) {
        mpy_symbol *sym = &s->syms[i];
        if (sym->kind != MPY_SYM_UNRESOLVED) continue;
        if (sym->flags & MPY_DEF_GLOBAL) {
            sym->kind = MPY_SYM_GLOBAL_EXPLICIT;
        } else if (sym->flags & MPY_DEF_NONLOCAL) {
            sym->kind = resolve_outer(st, s, sym->name, true);
            if (sym->kind == MPY_SYM_UNRESOLVED) st_error(st, *loc, "no binding for nonlocal '%s' found", sym->name);
        } else if (sym->flags & (MPY_DEF_LOCAL | MPY_DEF_PARAM)) {
            sym->kind = MPY_SYM_LOCAL;
        } else if (s->kind == MPY_SCOPE_MODULE) {
            sym->kind = MPY_SYM_GLOBAL_IMPLICIT;
        } else {
            sym->kind = resolve_outer(st, s, sym->name, false);
        }
    }
    for (int i = 0; i < s->nchildren && !st->failed; i++) resolve_scope(st, s->children[i], loc);
}

/* After every scope is resolved: the frame layouts. */
static void layout_scope(st_state *st, mpy_scope *s)
{
    int nlocal = 0, ncell = 0, nfree = 0;
    for (int i = 0; i < s->nsyms; i++) {
        mpy_symbol *sym = &s->syms[i];
        if (sym->kind == MPY_SYM_LOCAL && !(sym->flags & MPY_DEF_PARAM)) nlocal++;
        if (sym->kind == MPY_SYM_CELL) ncell++;
        if (sym->kind == MPY_SYM_FREE || (sym->flags & MPY_DEF_FREE_CLASS)) nfree++;
    }
    if (s->kind == MPY_SCOPE_FUNCTION) {
        const char **v = mpy_arena_alloc(st->a, (size_t)(s->nvarnames + nlocal + 1) * sizeof *v);
        if (!v) {
            st->failed = st->nomem = true;
            return;
        }
        if (s->nvarnames) memcpy(v, s->varnames, (size_t)s->nvarnames * sizeof *v);
        s->varnames = v;
        for (int i = 0; i < s->nsyms; i++) {
            mpy_symbol *sym = &s->syms[i];
            if (sym->kind == MPY_SYM_LOCAL && !(sym->flags & MPY_DEF_PARAM)) s->varnames[s->nvarnames++] = sym->name;
        }
        /* The compiler finds a local's slot through its symbol: a search
         * of varnames made compiling a function of n locals O(n^2). */
        for (int i = 0; i < s->nvarnames; i++) {
            mpy_symbol *sym = mpy_scope_lookup(s, s->varnames[i]);
            if (sym && sym->slot < 0) sym->slot = i;
        }
    }
    s->cellvars = mpy_arena_alloc(st->a, (size_t)(ncell + 1) * sizeof *s->cellvars);
    s->freevars = mpy_arena_alloc(st->a, (size_t)(nfree + 1) * sizeof *s->freevars);
    if (!s->cellvars || !s->freevars) {
        st->failed = st->nomem = true;
        return;
    }
    for (int i = 0; i < s->nsyms; i++) {
        mpy_symbol *sym = &s->syms[i];
        if (sym->kind == MPY_SYM_CELL) s->cellvars[s->ncells++] = sym->name;
        if (sym->kind == MPY_SYM_FREE || (sym->flags & MPY_DEF_FREE_CLASS)) s->freevars[s->nfree++] = sym->name;
    }
    qsort(s->cellvars, (size_t)s->ncells, sizeof *s->cellvars, cmp_names);
    qsort(s->freevars, (size_t)s->nfree, sizeof *s->freevars, cmp_names);
    for (int i = 0; i < s->nchildren && !st->failed; i++) layout_scope(st, s->children[i]);
}

mpy_symtable *mpy_symtable_build(mpy_arena *a, const mpy_ast_mod *mod, mpy_syntax_error *err, bool *nomem)
{
    st_state st = {.a = a, .err = err};
    *nomem = false;
    mpy_symtable *t = mpy_arena_alloc(a, sizeof *t);
    if (!t) {
        *nomem = true;
        return NULL;
    }
    t->top = scope_new(&st, MPY_SCOPE_MODULE, "<module>", mod);
    if (!t->top) {
        *nomem = true;
        return NULL;
    }
    st.cur = t->top;
    if (mod->kind == MPY_AST_EXPRESSION) visit_expr(&st, mod->expr);
    else visit_stmts(&st, mod->body);
    mpy_ast_loc loc = {1, 0, 1, 0};
    if (!st.failed) resolve_scope(&st, t->top, &loc);
    if (!st.failed) layout_scope(&st, t->top);
    if (st.failed) {
        *nomem = st.nomem;
        return NULL;
    }
    return t;
}
