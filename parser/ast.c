/* AST constructors: one per node kind, plus the checks that turn a tree the
 * LALR grammar accepts into exactly what CPython 3.11 accepts.
 *
 * The grammar is deliberately looser than Python in a few places, because
 * LALR(1) cannot tell early enough what it is looking at: assignment targets
 * are parsed as expressions, keyword arguments as `expr = expr`, parameter
 * lists as flat item lists.  The functions here validate those and produce
 * CPython's messages (which come from its `invalid_*` PEG rules, its symtable
 * and its compiler), at CPython's positions.
 *
 * Invariants (see ast_internal.h): nothing here modifies an existing node or
 * sequence; variants are copies.  Every expression records its depth, and a
 * tree deeper than MPY_AST_MAX_DEPTH is refused.
 */
#include "ast_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Names */

#define MPY_NAME_(n) #n,
static const char *const stmt_names[] = {MPY_AST_STMT_KINDS(MPY_NAME_)};
static const char *const expr_names[] = {MPY_AST_EXPR_KINDS(MPY_NAME_)};
static const char *const binop_names[] = {MPY_AST_BINOPS(MPY_NAME_)};
#undef MPY_NAME_

const char *mpy_ast_stmt_name(mpy_ast_stmt_kind k)
{
    return (unsigned)k < MPY_AST_STMT_COUNT ? stmt_names[k] : "?";
}

const char *mpy_ast_expr_name(mpy_ast_expr_kind k)
{
    return (unsigned)k < MPY_AST_EXPR_COUNT ? expr_names[k] : "?";
}

const char *mpy_ast_binop_name(mpy_ast_binop op)
{
    return (unsigned)op < MPY_AST_OP_COUNT ? binop_names[op] : "?";
}

/* CPython's _PyPegen_get_expr_name. */
const char *mpy_ast_expr_desc(const mpy_ast_expr *e)
{
    switch (e->kind) {
    case MPY_AST_EXPR_Attribute: return "attribute";
    case MPY_AST_EXPR_Subscript: return "subscript";
    case MPY_AST_EXPR_Starred: return "starred";
    case MPY_AST_EXPR_Name: return "name";
    case MPY_AST_EXPR_List: return "list";
    case MPY_AST_EXPR_Tuple: return "tuple";
    case MPY_AST_EXPR_Lambda: return "lambda";
    case MPY_AST_EXPR_Call: return "function call";
    case MPY_AST_EXPR_BoolOp:
    case MPY_AST_EXPR_BinOp:
    case MPY_AST_EXPR_UnaryOp: return "expression";
    case MPY_AST_EXPR_GeneratorExp: return "generator expression";
    case MPY_AST_EXPR_Yield:
    case MPY_AST_EXPR_YieldFrom: return "yield expression";
    case MPY_AST_EXPR_ListComp: return "list comprehension";
    case MPY_AST_EXPR_SetComp: return "set comprehension";
    case MPY_AST_EXPR_DictComp: return "dict comprehension";
    case MPY_AST_EXPR_Dict: return "dict literal";
    case MPY_AST_EXPR_Set: return "set display";
    case MPY_AST_EXPR_JoinedStr:
    case MPY_AST_EXPR_FormattedValue: return "f-string expression";
    case MPY_AST_EXPR_Constant:
        switch (e->v.Constant.kind) {
        case MPY_CONST_NONE: return "None";
        case MPY_CONST_TRUE: return "True";
        case MPY_CONST_FALSE: return "False";
        case MPY_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case MPY_AST_EXPR_Compare: return "comparison";
    case MPY_AST_EXPR_IfExp: return "conditional expression";
    case MPY_AST_EXPR_NamedExpr: return "named expression";
    default: return "expression";
    }
}

/* ------------------------------------------------------------------------ */
/* Allocation */

mpy_ast_expr *mpy_ast_expr_new(mpy_arena *a, mpy_ast_expr_kind k, mpy_ast_loc loc)
{
    mpy_ast_expr *e = mpy_arena_alloc(a, sizeof *e);
    if (e) {
        e->kind = k;
        e->depth = 1;
        e->loc = loc;
    }
    return e;
}

mpy_ast_stmt *mpy_ast_stmt_new(mpy_arena *a, mpy_ast_stmt_kind k, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_arena_alloc(a, sizeof *s);
    if (s) {
        s->kind = k;
        s->loc = loc;
    }
    return s;
}

const char *mpy_ast_identifier(mpy_parse_ctx *ctx, const mpy_yyltype *tok)
{
    return mpy_arena_strndup(ctx->arena, ctx->src + tok->start, tok->end - tok->start);
}

mpy_ast_loc mpy_ast_span(mpy_ast_loc a, mpy_ast_loc b)
{
    mpy_ast_loc r = {a.line, a.col, b.end_line, b.end_col};
    return r;
}

/* Records a SyntaxError at loc (printf-style); always false. */
static bool fail(mpy_parse_ctx *ctx, mpy_ast_loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static bool fail(mpy_parse_ctx *ctx, mpy_ast_loc loc, const char *fmt, ...)
{
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, loc, "%s", msg);
}

/* ------------------------------------------------------------------------ */
/* Depth */

static int depth_of(const mpy_ast_expr *e)
{
    return e ? e->depth : 0;
}

static int depth_of_seq(const mpy_ast_seq *s)
{
    int d = 0;
    for (int i = 0; i < MPY_SEQ_LEN(s); i++) {
        int x = depth_of(MPY_SEQ_GET(s, i));
        if (x > d)
            d = x;
    }
    return d;
}

static int max3(int a, int b, int c)
{
    int m = a > b ? a : b;
    return m > c ? m : c;
}

/* Sets e->depth from its children's; false (with the error) when too deep. */
static mpy_ast_expr *finish(mpy_parse_ctx *ctx, mpy_ast_expr *e, int child_depth)
{
    if (!e)
        return NULL;
    e->depth = child_depth + 1;
    if (e->depth > MPY_AST_MAX_DEPTH) {
        fail(ctx, e->loc, "too many nested expressions");
        return NULL;
    }
    return e;
}

static mpy_ast_expr *new_expr(mpy_parse_ctx *ctx, mpy_ast_expr_kind k, mpy_ast_loc loc)
{
    return mpy_ast_expr_new(ctx->arena, k, loc);
}

static mpy_ast_seq *seq_or_empty(mpy_parse_ctx *ctx, mpy_ast_seq *s)
{
    return s ? s : mpy_ast_seq_new(ctx->arena);
}

/* ------------------------------------------------------------------------ */
/* Expressions */

mpy_ast_expr *mpy_ast_expr_copy(mpy_parse_ctx *ctx, const mpy_ast_expr *e)
{
    mpy_ast_expr *c = mpy_arena_alloc(ctx->arena, sizeof *c);
    if (c)
        *c = *e;
    return c;
}

mpy_ast_expr *mpy_ast_parenthesized(mpy_parse_ctx *ctx, const mpy_ast_expr *e)
{
    mpy_ast_expr *c = mpy_ast_expr_copy(ctx, e);
    if (c && c->parens < 255)
        c->parens++;
    return c;
}

mpy_ast_expr *mpy_ast_boolop_new(mpy_parse_ctx *ctx, mpy_ast_boolop op, mpy_ast_seq *values, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_BoolOp, loc);
    if (!e)
        return NULL;
    e->v.BoolOp.op = op;
    e->v.BoolOp.values = values;
    return finish(ctx, e, depth_of_seq(values));
}

mpy_ast_expr *mpy_ast_namedexpr(mpy_parse_ctx *ctx, mpy_ast_expr *target, mpy_ast_expr *value, mpy_ast_loc loc)
{
    /* CPython's rule is NAME ':=' expression; anything else is
     * invalid_named_expression's message. */
    if (target->kind != MPY_AST_EXPR_Name || target->parens) {
        fail(ctx, target->loc, "cannot use assignment expressions with %s", mpy_ast_expr_desc(target));
        return NULL;
    }
    mpy_ast_expr *t = mpy_ast_expr_copy(ctx, target);
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_NamedExpr, loc);
    if (!t || !e)
        return NULL;
    t->v.Name.ctx = MPY_AST_CTX_Store;
    e->v.NamedExpr.target = t;
    e->v.NamedExpr.value = value;
    return finish(ctx, e, depth_of(value));
}

mpy_ast_expr *mpy_ast_binop_new(mpy_parse_ctx *ctx, mpy_ast_expr *l, mpy_ast_binop op, mpy_ast_expr *r, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_BinOp, loc);
    if (!e)
        return NULL;
    e->v.BinOp.left = l;
    e->v.BinOp.op = op;
    e->v.BinOp.right = r;
    return finish(ctx, e, max3(depth_of(l), depth_of(r), 0));
}

mpy_ast_expr *mpy_ast_unaryop_new(mpy_parse_ctx *ctx, mpy_ast_unaryop op, mpy_ast_expr *operand, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_UnaryOp, loc);
    if (!e)
        return NULL;
    e->v.UnaryOp.op = op;
    e->v.UnaryOp.operand = operand;
    return finish(ctx, e, depth_of(operand));
}

static int depth_of_args(const mpy_ast_arguments *a)
{
    int d = max3(depth_of_seq(a->defaults), depth_of_seq(a->kw_defaults), 0);
    const mpy_ast_seq *lists[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < MPY_SEQ_LEN(lists[l]); i++) {
            const mpy_ast_arg *arg = MPY_SEQ_GET(lists[l], i);
            if (depth_of(arg->annotation) > d)
                d = depth_of(arg->annotation);
        }
    return d;
}

mpy_ast_expr *mpy_ast_lambda(mpy_parse_ctx *ctx, mpy_ast_arguments *args, mpy_ast_expr *body, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_Lambda, loc);
    if (!e)
        return NULL;
    e->v.Lambda.args = args;
    e->v.Lambda.body = body;
    return finish(ctx, e, max3(depth_of(body), depth_of_args(args), 0));
}

mpy_ast_expr *mpy_ast_ifexp(mpy_parse_ctx *ctx, mpy_ast_expr *test, mpy_ast_expr *body, mpy_ast_expr *orelse, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_IfExp, loc);
    if (!e)
        return NULL;
    e->v.IfExp.test = test;
    e->v.IfExp.body = body;
    e->v.IfExp.orelse = orelse;
    return finish(ctx, e, max3(depth_of(test), depth_of(body), depth_of(orelse)));
}

mpy_ast_expr *mpy_ast_dict(mpy_parse_ctx *ctx, mpy_ast_seq *items, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_Dict, loc);
    mpy_ast_seq *keys = mpy_ast_seq_new(ctx->arena), *values = mpy_ast_seq_new(ctx->arena);
    if (!e || !keys || !values)
        return NULL;
    int d = 0;
    for (int i = 0; i < MPY_SEQ_LEN(items); i++) {
        const mpy_ast_kv *kv = MPY_SEQ_GET(items, i);
        keys = mpy_ast_seq_append(ctx->arena, keys, kv->key);
        values = mpy_ast_seq_append(ctx->arena, values, kv->value);
        if (!keys || !values)
            return NULL;
        d = max3(d, depth_of(kv->key), depth_of(kv->value));
    }
    e->v.Dict.keys = keys;
    e->v.Dict.values = values;
    return finish(ctx, e, d);
}

mpy_ast_expr *mpy_ast_set(mpy_parse_ctx *ctx, mpy_ast_seq *elts, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_Set, loc);
    if (!e)
        return NULL;
    e->v.Set.elts = elts;
    return finish(ctx, e, depth_of_seq(elts));
}

mpy_ast_expr *mpy_ast_comp(mpy_parse_ctx *ctx, mpy_ast_expr_kind kind, mpy_ast_expr *elt,
                           mpy_ast_expr *value, mpy_ast_seq *generators, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, kind, loc);
    if (!e)
        return NULL;
    e->v.Comp.elt = elt;
    e->v.Comp.value = value;
    e->v.Comp.generators = generators;
    int d = max3(depth_of(elt), depth_of(value), 0);
    for (int i = 0; i < MPY_SEQ_LEN(generators); i++) {
        const mpy_ast_comprehension *g = MPY_SEQ_GET(generators, i);
        d = max3(d, depth_of(g->target), depth_of(g->iter));
        d = max3(d, depth_of_seq(g->ifs), 0);
    }
    return finish(ctx, e, d);
}

mpy_ast_comprehension *mpy_ast_comprehension_new(mpy_parse_ctx *ctx, mpy_ast_expr *target, mpy_ast_expr *iter)
{
    mpy_ast_comprehension *c = mpy_arena_alloc(ctx->arena, sizeof *c);
    if (!c)
        return NULL;
    c->target = target;
    c->iter = iter;
    c->ifs = mpy_ast_seq_new(ctx->arena);
    return c->ifs ? c : NULL;
}

mpy_ast_comprehension *mpy_ast_comprehension_if(mpy_parse_ctx *ctx, const mpy_ast_comprehension *c, mpy_ast_expr *cond)
{
    mpy_ast_comprehension *n = mpy_arena_alloc(ctx->arena, sizeof *n);
    if (!n)
        return NULL;
    *n = *c;
    n->ifs = mpy_ast_seq_append(ctx->arena, c->ifs, cond);
    return n->ifs ? n : NULL;
}

static mpy_ast_expr *yield_common(mpy_parse_ctx *ctx, mpy_ast_expr_kind k, mpy_ast_expr *value, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, k, loc);
    if (!e)
        return NULL;
    e->v.Yield.value = value;
    return finish(ctx, e, depth_of(value));
}

mpy_ast_expr *mpy_ast_yield(mpy_parse_ctx *ctx, mpy_ast_expr *value, mpy_ast_loc loc)
{
    return yield_common(ctx, MPY_AST_EXPR_Yield, value, loc);
}

mpy_ast_expr *mpy_ast_yieldfrom(mpy_parse_ctx *ctx, mpy_ast_expr *value, mpy_ast_loc loc)
{
    return yield_common(ctx, MPY_AST_EXPR_YieldFrom, value, loc);
}

mpy_ast_cmptail *mpy_ast_cmptail_append(mpy_parse_ctx *ctx, const mpy_ast_cmptail *t, mpy_ast_cmpop op, mpy_ast_expr *e)
{
    mpy_ast_cmptail *n = mpy_arena_alloc(ctx->arena, sizeof *n);
    if (!n)
        return NULL;
    n->ops = mpy_ast_seq_append(ctx->arena, t ? t->ops : NULL, (void *)(intptr_t)op);
    n->comparators = mpy_ast_seq_append(ctx->arena, t ? t->comparators : NULL, e);
    return n->ops && n->comparators ? n : NULL;
}

mpy_ast_expr *mpy_ast_compare(mpy_parse_ctx *ctx, mpy_ast_expr *left, const mpy_ast_cmptail *t, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_Compare, loc);
    if (!e)
        return NULL;
    e->v.Compare.left = left;
    e->v.Compare.ops = t->ops;
    e->v.Compare.comparators = t->comparators;
    return finish(ctx, e, max3(depth_of(left), depth_of_seq(t->comparators), 0));
}

mpy_ast_expr *mpy_ast_call(mpy_parse_ctx *ctx, mpy_ast_expr *func, mpy_ast_seq *args, mpy_ast_seq *keywords, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_Call, loc);
    args = seq_or_empty(ctx, args);
    keywords = seq_or_empty(ctx, keywords);
    if (!e || !args || !keywords)
        return NULL;
    e->v.Call.func = func;
    e->v.Call.args = args;
    e->v.Call.keywords = keywords;
    int d = max3(depth_of(func), depth_of_seq(args), 0);
    for (int i = 0; i < MPY_SEQ_LEN(keywords); i++)
        d = max3(d, depth_of(((const mpy_ast_keyword *)MPY_SEQ_GET(keywords, i))->value), 0);
    return finish(ctx, e, d);
}

mpy_ast_expr *mpy_ast_formattedvalue(mpy_parse_ctx *ctx, mpy_ast_expr *value, int conversion, mpy_ast_expr *spec, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_FormattedValue, loc);
    if (!e)
        return NULL;
    e->v.FormattedValue.value = value;
    e->v.FormattedValue.conversion = conversion;
    e->v.FormattedValue.format_spec = spec;
    return finish(ctx, e, max3(depth_of(value), depth_of(spec), 0));
}

mpy_ast_expr *mpy_ast_joinedstr(mpy_parse_ctx *ctx, mpy_ast_seq *values, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_JoinedStr, loc);
    values = seq_or_empty(ctx, values);
    if (!e || !values)
        return NULL;
    e->v.JoinedStr.values = values;
    return finish(ctx, e, depth_of_seq(values));
}

mpy_ast_expr *mpy_ast_constant(mpy_parse_ctx *ctx, mpy_ast_const_kind kind, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_Constant, loc);
    if (e)
        e->v.Constant.kind = kind;
    return e;
}

mpy_ast_expr *mpy_ast_attribute(mpy_parse_ctx *ctx, mpy_ast_expr *value, const char *attr, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_Attribute, loc);
    if (!e || !attr)
        return NULL;
    e->v.Attribute.value = value;
    e->v.Attribute.attr = attr;
    return finish(ctx, e, depth_of(value));
}

mpy_ast_expr *mpy_ast_subscript(mpy_parse_ctx *ctx, mpy_ast_expr *value, mpy_ast_expr *slice, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_Subscript, loc);
    if (!e)
        return NULL;
    e->v.Subscript.value = value;
    e->v.Subscript.slice = slice;
    return finish(ctx, e, max3(depth_of(value), depth_of(slice), 0));
}

mpy_ast_expr *mpy_ast_starred(mpy_parse_ctx *ctx, mpy_ast_expr *value, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_Starred, loc);
    if (!e)
        return NULL;
    e->v.Starred.value = value;
    return finish(ctx, e, depth_of(value));
}

mpy_ast_expr *mpy_ast_name(mpy_parse_ctx *ctx, const char *id, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_Name, loc);
    if (!e || !id)
        return NULL;
    e->v.Name.id = id;
    return e;
}

static mpy_ast_expr *sequence(mpy_parse_ctx *ctx, mpy_ast_expr_kind k, mpy_ast_seq *elts, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, k, loc);
    elts = seq_or_empty(ctx, elts);
    if (!e || !elts)
        return NULL;
    e->v.List.elts = elts;
    return finish(ctx, e, depth_of_seq(elts));
}

mpy_ast_expr *mpy_ast_list(mpy_parse_ctx *ctx, mpy_ast_seq *elts, mpy_ast_loc loc)
{
    return sequence(ctx, MPY_AST_EXPR_List, elts, loc);
}

mpy_ast_expr *mpy_ast_tuple(mpy_parse_ctx *ctx, mpy_ast_seq *elts, mpy_ast_loc loc)
{
    return sequence(ctx, MPY_AST_EXPR_Tuple, elts, loc);
}

mpy_ast_expr *mpy_ast_slice(mpy_parse_ctx *ctx, mpy_ast_expr *lower, mpy_ast_expr *upper, mpy_ast_expr *step, mpy_ast_loc loc)
{
    mpy_ast_expr *e = new_expr(ctx, MPY_AST_EXPR_Slice, loc);
    if (!e)
        return NULL;
    e->v.Slice.lower = lower;
    e->v.Slice.upper = upper;
    e->v.Slice.step = step;
    return finish(ctx, e, max3(depth_of(lower), depth_of(upper), depth_of(step)));
}

mpy_ast_expr *mpy_ast_paren(mpy_parse_ctx *ctx, mpy_ast_seq *elts, bool comma, mpy_ast_loc loc)
{
    if (MPY_SEQ_LEN(elts) == 1 && !comma) {
        mpy_ast_expr *e = MPY_SEQ_GET(elts, 0);
        if (e->kind == MPY_AST_EXPR_Starred && !e->parens) {
            fail(ctx, e->loc, "cannot use starred expression here");
            return NULL;
        }
        return mpy_ast_parenthesized(ctx, e);
    }
    mpy_ast_expr *t = mpy_ast_tuple(ctx, elts, loc);
    if (t)
        t->parens = 1;
    return t;
}

mpy_ast_expr *mpy_ast_exprlist(mpy_parse_ctx *ctx, mpy_ast_seq *elts, bool comma, mpy_ast_loc loc)
{
    if (MPY_SEQ_LEN(elts) == 1 && !comma)
        return MPY_SEQ_GET(elts, 0);
    return mpy_ast_tuple(ctx, elts, loc);
}

/* ------------------------------------------------------------------------ */
/* Targets */

/* CPython's _PyPegen_get_invalid_target: the first part of e that cannot be
 * a target, or NULL. */
static const mpy_ast_expr *invalid_target(const mpy_ast_expr *e, mpy_ast_target_kind kind);

const mpy_ast_expr *mpy_ast_invalid_target(const mpy_ast_expr *e, mpy_ast_target_kind kind)
{
    return invalid_target(e, kind);
}

static const mpy_ast_expr *invalid_target(const mpy_ast_expr *e, mpy_ast_target_kind kind)
{
    switch (e->kind) {
    case MPY_AST_EXPR_List:
    case MPY_AST_EXPR_Tuple:
        for (int i = 0; i < MPY_SEQ_LEN(e->v.List.elts); i++) {
            const mpy_ast_expr *bad = invalid_target(MPY_SEQ_GET(e->v.List.elts, i), kind);
            if (bad)
                return bad;
        }
        return NULL;
    case MPY_AST_EXPR_Starred:
        if (kind == MPY_TARGET_DEL)
            return e;
        return invalid_target(e->v.Starred.value, kind);
    case MPY_AST_EXPR_Compare:
        /* `for a in b` parses as a comparison when the target is read as
         * an expression; look left of the `in`. */
        if (kind == MPY_TARGET_FOR) {
            if ((mpy_ast_cmpop)(intptr_t)MPY_SEQ_GET(e->v.Compare.ops, 0) == MPY_AST_CMP_In)
                return invalid_target(e->v.Compare.left, kind);
            return NULL;
        }
        return e;
    case MPY_AST_EXPR_Name:
    case MPY_AST_EXPR_Subscript:
    case MPY_AST_EXPR_Attribute:
        return NULL;
    default:
        return e;
    }
}

static bool target_fail(mpy_parse_ctx *ctx, const mpy_ast_expr *bad, mpy_ast_target_kind kind)
{
    return fail(ctx, bad->loc, "cannot %s %s", kind == MPY_TARGET_DEL ? "delete" : "assign to", mpy_ast_expr_desc(bad));
}

/* Copies e with ctx set throughout; e is known to hold no invalid part.
 * (The compiler's checks on targets, such as a lone starred one, are
 * ast_check.c's.) */
static mpy_ast_expr *convert_target(mpy_parse_ctx *ctx, const mpy_ast_expr *e, mpy_ast_ctx c)
{
    mpy_ast_expr *n = mpy_ast_expr_copy(ctx, e);
    if (!n)
        return NULL;
    switch (e->kind) {
    case MPY_AST_EXPR_Name:
        n->v.Name.ctx = c;
        return n;
    case MPY_AST_EXPR_Attribute:
        n->v.Attribute.ctx = c;
        return n;
    case MPY_AST_EXPR_Subscript:
        n->v.Subscript.ctx = c;
        return n;
    case MPY_AST_EXPR_Starred:
        n->v.Starred.ctx = c;
        n->v.Starred.value = convert_target(ctx, e->v.Starred.value, c);
        return n->v.Starred.value ? n : NULL;
    case MPY_AST_EXPR_List:
    case MPY_AST_EXPR_Tuple: {
        mpy_ast_seq *elts = mpy_ast_seq_new(ctx->arena);
        for (int i = 0; elts && i < MPY_SEQ_LEN(e->v.List.elts); i++) {
            mpy_ast_expr *t = convert_target(ctx, MPY_SEQ_GET(e->v.List.elts, i), c);
            if (!t)
                return NULL;
            elts = mpy_ast_seq_append(ctx->arena, elts, t);
        }
        if (!elts)
            return NULL;
        n->v.List.elts = elts;
        n->v.List.ctx = c;
        return n;
    }
    default:
        /* Only a `for a in b` comparison gets here: CPython finds nothing
         * to name and says "invalid syntax". */
        fail(ctx, e->loc, "invalid syntax");
        return NULL;
    }
}

mpy_ast_expr *mpy_ast_target(mpy_parse_ctx *ctx, mpy_ast_expr *e, mpy_ast_target_kind kind)
{
    const mpy_ast_expr *bad = invalid_target(e, kind);
    if (bad) {
        target_fail(ctx, bad, kind);
        return NULL;
    }
    if (kind == MPY_TARGET_DEL && e->kind == MPY_AST_EXPR_Starred) {
        target_fail(ctx, e, kind);
        return NULL;
    }
    return convert_target(ctx, e, kind == MPY_TARGET_DEL ? MPY_AST_CTX_Del : MPY_AST_CTX_Store);
}

/* ------------------------------------------------------------------------ */
/* Assignment statements */

/* The leftmost node of e through unparenthesised left operands: the part
 * that a PEG rule starting at e's first token would see first. */
static const mpy_ast_expr *leftmost(const mpy_ast_expr *e)
{
    for (;;) {
        if (e->parens)
            return e;
        switch (e->kind) {
        case MPY_AST_EXPR_BinOp: e = e->v.BinOp.left; break;
        case MPY_AST_EXPR_Attribute: e = e->v.Attribute.value; break;
        case MPY_AST_EXPR_Subscript: e = e->v.Subscript.value; break;
        case MPY_AST_EXPR_Call: e = e->v.Call.func; break;
        case MPY_AST_EXPR_Compare: e = e->v.Compare.left; break;
        case MPY_AST_EXPR_BoolOp: e = MPY_SEQ_GET(e->v.BoolOp.values, 0); break;
        case MPY_AST_EXPR_IfExp: e = e->v.IfExp.body; break;
        case MPY_AST_EXPR_Tuple:
            if (MPY_SEQ_LEN(e->v.List.elts) == 0)
                return e;
            e = MPY_SEQ_GET(e->v.List.elts, 0);
            break;
        default:
            return e;
        }
    }
}

/* Whether e (unparenthesised) is at most a bitwise_or in CPython's grammar:
 * no comparison, not/and/or, conditional, lambda, star or yield on top. */
static bool is_bitwise_or(const mpy_ast_expr *e)
{
    if (e->parens)
        return true;
    switch (e->kind) {
    case MPY_AST_EXPR_Compare:
    case MPY_AST_EXPR_BoolOp:
    case MPY_AST_EXPR_IfExp:
    case MPY_AST_EXPR_Lambda:
    case MPY_AST_EXPR_NamedExpr:
    case MPY_AST_EXPR_Starred:
    case MPY_AST_EXPR_Yield:
    case MPY_AST_EXPR_YieldFrom:
    case MPY_AST_EXPR_Tuple:
        return false;
    case MPY_AST_EXPR_UnaryOp:
        return e->v.UnaryOp.op != MPY_AST_UNARY_Not;
    default:
        return true;
    }
}

/* Whether a bitwise_or can be read at the start of e. */
static bool starts_with_bitwise_or(const mpy_ast_expr *e)
{
    const mpy_ast_expr *l = leftmost(e);
    return is_bitwise_or(l);
}

/* Whether CPython's `list | tuple | genexp | 'True' | 'None' | 'False'`
 * lookahead matches at the start of e. */
static bool starts_with_display(const mpy_ast_expr *e)
{
    const mpy_ast_expr *l = leftmost(e);
    switch (l->kind) {
    case MPY_AST_EXPR_List:
        return true;
    case MPY_AST_EXPR_Tuple:
    case MPY_AST_EXPR_GeneratorExp:
        return l->parens == 1;
    case MPY_AST_EXPR_Constant:
        return !l->parens && (l->v.Constant.kind == MPY_CONST_TRUE || l->v.Constant.kind == MPY_CONST_NONE ||
                              l->v.Constant.kind == MPY_CONST_FALSE);
    default:
        return false;
    }
}

static bool is_yield(const mpy_ast_expr *e)
{
    return !e->parens && (e->kind == MPY_AST_EXPR_Yield || e->kind == MPY_AST_EXPR_YieldFrom);
}

bool mpy_ast_target_bad(const mpy_ast_expr *target)
{
    return is_yield(target) || invalid_target(target, MPY_TARGET_STAR);
}

/* The element just before the '=' of a first target, when CPython's
 * invalid_named_expression can start there: a plain name (its second
 * alternative) or a bitwise_or not starting with a display, True, None or
 * False (its third); else NULL. */
static const mpy_ast_expr *named_expression_start(const mpy_ast_expr *target)
{
    const mpy_ast_expr *e = target;
    if (e->kind == MPY_AST_EXPR_Tuple && !e->parens && MPY_SEQ_LEN(e->v.List.elts) > 0) {
        e = MPY_SEQ_GET(e->v.List.elts, MPY_SEQ_LEN(e->v.List.elts) - 1);
        /* with a trailing comma no element is followed by the '=' */
        if (e->loc.end_line != target->loc.end_line || e->loc.end_col != target->loc.end_col)
            return NULL;
    }
    if (e->kind == MPY_AST_EXPR_Starred && !e->parens)
        return NULL;
    if (e->kind == MPY_AST_EXPR_Name && !e->parens)
        return e;
    return is_bitwise_or(e) && !starts_with_display(e) ? e : NULL;
}

bool mpy_ast_target_reads_on(const mpy_ast_expr *target)
{
    return named_expression_start(target) != NULL;
}

bool mpy_ast_first_target_ok(mpy_parse_ctx *ctx, const mpy_ast_expr *target, bool rhs_bitwise_or,
                             mpy_ast_loc rhs)
{
    if (!mpy_ast_target_bad(target))
        return true;
    /* CPython's invalid_named_expression, tried first: with a single
     * bitwise_or after the '=', the element just before the '=' gets the
     * "Maybe you meant '=='" message, valid target or not. */
    const mpy_ast_expr *e = named_expression_start(target);
    if (rhs_bitwise_or && e) {
        if (e->kind == MPY_AST_EXPR_Name && !e->parens)
            return fail(ctx, mpy_ast_span(e->loc, rhs), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        fail(ctx, e->loc, "cannot assign to %s here. Maybe you meant '==' instead of '='?", mpy_ast_expr_desc(e));
        return false;
    }
    if (is_yield(target))
        return fail(ctx, target->loc, "assignment to yield expression not possible");
    return target_fail(ctx, invalid_target(target, MPY_TARGET_STAR), MPY_TARGET_STAR);
}

mpy_ast_stmt *mpy_ast_assign(mpy_parse_ctx *ctx, mpy_ast_seq *targets, mpy_ast_expr *value, mpy_ast_loc loc)
{
    /* Targets after the first were checked as their '=' was read. */
    int n = MPY_SEQ_LEN(targets);
    if (n == 1 && !mpy_ast_first_target_ok(ctx, MPY_SEQ_GET(targets, 0), starts_with_bitwise_or(value), value->loc))
        return NULL;
    mpy_ast_seq *conv = mpy_ast_seq_new(ctx->arena);
    for (int i = 0; conv && i < n; i++) {
        mpy_ast_expr *t = mpy_ast_target(ctx, MPY_SEQ_GET(targets, i), MPY_TARGET_STAR);
        if (!t)
            return NULL;
        conv = mpy_ast_seq_append(ctx->arena, conv, t);
    }
    if (!conv)
        return NULL;
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_Assign, loc);
    if (!s)
        return NULL;
    s->v.Assign.targets = conv;
    s->v.Assign.value = value;
    return s;
}

bool mpy_ast_chain_target(mpy_parse_ctx *ctx, const mpy_ast_expr *e)
{
    if (is_yield(e))
        return fail(ctx, e->loc, "assignment to yield expression not possible");
    const mpy_ast_expr *bad = invalid_target(e, MPY_TARGET_STAR);
    return bad ? target_fail(ctx, bad, MPY_TARGET_STAR) : true;
}

bool mpy_ast_aug_target_legal(const mpy_ast_expr *e)
{
    return e->kind == MPY_AST_EXPR_Name || e->kind == MPY_AST_EXPR_Attribute ||
           e->kind == MPY_AST_EXPR_Subscript;
}

mpy_ast_expr *mpy_ast_aug_target(mpy_parse_ctx *ctx, mpy_ast_expr *e)
{
    switch (e->kind) {
    case MPY_AST_EXPR_Name:
    case MPY_AST_EXPR_Attribute:
    case MPY_AST_EXPR_Subscript:
        return mpy_ast_target(ctx, e, MPY_TARGET_STAR);
    default:
        fail(ctx, e->loc, "'%s' is an illegal expression for augmented assignment", mpy_ast_expr_desc(e));
        return NULL;
    }
}

mpy_ast_stmt *mpy_ast_augassign(mpy_parse_ctx *ctx, mpy_ast_expr *target, mpy_ast_binop op, mpy_ast_expr *value, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_AugAssign, loc);
    if (!s)
        return NULL;
    s->v.AugAssign.target = target;
    s->v.AugAssign.op = op;
    s->v.AugAssign.value = value;
    return s;
}

mpy_ast_stmt *mpy_ast_annassign(mpy_parse_ctx *ctx, mpy_ast_expr *target, mpy_ast_expr *ann, mpy_ast_expr *value, mpy_ast_loc loc)
{
    switch (target->kind) {
    case MPY_AST_EXPR_Name:
    case MPY_AST_EXPR_Attribute:
    case MPY_AST_EXPR_Subscript:
        break;
    case MPY_AST_EXPR_Tuple:
        if (!target->parens && MPY_SEQ_LEN(target->v.List.elts) > 0) {
            const mpy_ast_expr *first = MPY_SEQ_GET(target->v.List.elts, 0);
            fail(ctx, first->loc, "only single target (not %s) can be annotated", "tuple");
            return NULL;
        }
        /* fallthrough */
    case MPY_AST_EXPR_List:
        fail(ctx, target->loc, "only single target (not %s) can be annotated", mpy_ast_expr_desc(target));
        return NULL;
    default:
        fail(ctx, target->loc, "illegal target for annotation");
        return NULL;
    }
    mpy_ast_expr *t = mpy_ast_target(ctx, target, MPY_TARGET_STAR);
    if (!t)
        return NULL;
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_AnnAssign, loc);
    if (!s)
        return NULL;
    s->v.AnnAssign.target = t;
    s->v.AnnAssign.annotation = ann;
    s->v.AnnAssign.value = value;
    s->v.AnnAssign.simple = target->kind == MPY_AST_EXPR_Name && !target->parens;
    return s;
}

mpy_ast_stmt *mpy_ast_delete(mpy_parse_ctx *ctx, mpy_ast_seq *targets, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_Delete, loc);
    if (s)
        s->v.Delete.targets = targets;
    return s;
}

/* ------------------------------------------------------------------------ */
/* Other statements */

mpy_ast_stmt *mpy_ast_functiondef(mpy_parse_ctx *ctx, const mpy_ast_head *h, mpy_ast_seq *body, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_FunctionDef, loc);
    mpy_ast_seq *decos = mpy_ast_seq_new(ctx->arena);
    if (!s || !decos)
        return NULL;
    s->v.FunctionDef.name = h->name;
    s->v.FunctionDef.args = h->args;
    s->v.FunctionDef.body = body;
    s->v.FunctionDef.decorator_list = decos;
    s->v.FunctionDef.returns = h->a;
    return s;
}

mpy_ast_stmt *mpy_ast_classdef(mpy_parse_ctx *ctx, const mpy_ast_head *h, mpy_ast_seq *body, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_ClassDef, loc);
    mpy_ast_seq *decos = mpy_ast_seq_new(ctx->arena);
    mpy_ast_seq *bases = seq_or_empty(ctx, h->s1), *kws = seq_or_empty(ctx, h->s2);
    if (!s || !decos || !bases || !kws)
        return NULL;
    s->v.ClassDef.name = h->name;
    s->v.ClassDef.bases = bases;
    s->v.ClassDef.keywords = kws;
    s->v.ClassDef.body = body;
    s->v.ClassDef.decorator_list = decos;
    return s;
}

mpy_ast_stmt *mpy_ast_decorated(mpy_parse_ctx *ctx, mpy_ast_seq *decorators, const mpy_ast_stmt *def)
{
    mpy_ast_stmt *s = mpy_arena_alloc(ctx->arena, sizeof *s);
    if (!s)
        return NULL;
    *s = *def;
    if (s->kind == MPY_AST_STMT_FunctionDef)
        s->v.FunctionDef.decorator_list = decorators;
    else
        s->v.ClassDef.decorator_list = decorators;
    return s;
}

mpy_ast_stmt *mpy_ast_return(mpy_parse_ctx *ctx, mpy_ast_expr *value, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_Return, loc);
    if (s)
        s->v.Return.value = value;
    return s;
}

mpy_ast_stmt *mpy_ast_for(mpy_parse_ctx *ctx, const mpy_ast_head *h, mpy_ast_seq *body, mpy_ast_seq *orelse, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_For, loc);
    if (!s || !(orelse = seq_or_empty(ctx, orelse)))
        return NULL;
    s->v.For.target = h->a;
    s->v.For.iter = h->b;
    s->v.For.body = body;
    s->v.For.orelse = orelse;
    return s;
}

mpy_ast_stmt *mpy_ast_while(mpy_parse_ctx *ctx, mpy_ast_expr *test, mpy_ast_seq *body, mpy_ast_seq *orelse, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_While, loc);
    if (!s || !(orelse = seq_or_empty(ctx, orelse)))
        return NULL;
    s->v.While.test = test;
    s->v.While.body = body;
    s->v.While.orelse = orelse;
    return s;
}

mpy_ast_stmt *mpy_ast_if(mpy_parse_ctx *ctx, mpy_ast_expr *test, mpy_ast_seq *body, mpy_ast_seq *elifs,
                         mpy_ast_seq *orelse, mpy_ast_loc loc)
{
    /* Nest the flat elif list from the inside out: each elif is an If that
     * is the whole orelse of the one before. */
    orelse = seq_or_empty(ctx, orelse);
    if (!orelse)
        return NULL;
    for (int i = MPY_SEQ_LEN(elifs) - 1; i >= 0; i--) {
        const mpy_ast_elif *el = MPY_SEQ_GET(elifs, i);
        /* each runs to the end of the whole statement, else included */
        mpy_ast_loc l = mpy_ast_span(el->loc, loc);
        mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_If, l);
        if (!s)
            return NULL;
        s->v.While.test = el->test;
        s->v.While.body = el->body;
        s->v.While.orelse = orelse;
        orelse = mpy_ast_seq_append(ctx->arena, NULL, s);
        if (!orelse)
            return NULL;
    }
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_If, loc);
    if (!s)
        return NULL;
    s->v.While.test = test;
    s->v.While.body = body;
    s->v.While.orelse = orelse;
    return s;
}

mpy_ast_withitem *mpy_ast_withitem_new(mpy_parse_ctx *ctx, mpy_ast_expr *e, mpy_ast_expr *target)
{
    mpy_ast_expr *t = NULL;
    if (target && !(t = mpy_ast_target(ctx, target, MPY_TARGET_STAR)))
        return NULL;
    mpy_ast_withitem *w = mpy_arena_alloc(ctx->arena, sizeof *w);
    if (!w)
        return NULL;
    w->context_expr = e;
    w->optional_vars = t;
    return w;
}

/* Whether `with (elts):` is CPython's parenthesised with-item list: every
 * element must be a plain expression. */
static bool with_items_tuple(const mpy_ast_expr *e)
{
    if (e->kind != MPY_AST_EXPR_Tuple || e->parens != 1 || MPY_SEQ_LEN(e->v.List.elts) == 0)
        return false;
    for (int i = 0; i < MPY_SEQ_LEN(e->v.List.elts); i++) {
        const mpy_ast_expr *x = MPY_SEQ_GET(e->v.List.elts, i);
        if (!x->parens && (x->kind == MPY_AST_EXPR_Starred || x->kind == MPY_AST_EXPR_NamedExpr))
            return false;
    }
    return true;
}

mpy_ast_stmt *mpy_ast_with(mpy_parse_ctx *ctx, mpy_ast_seq *items, mpy_ast_seq *body, mpy_ast_loc loc)
{
    if (MPY_SEQ_LEN(items) == 1) {
        const mpy_ast_withitem *w = MPY_SEQ_GET(items, 0);
        if (!w->optional_vars && with_items_tuple(w->context_expr)) {
            const mpy_ast_seq *elts = w->context_expr->v.List.elts;
            mpy_ast_seq *n = mpy_ast_seq_new(ctx->arena);
            for (int i = 0; n && i < MPY_SEQ_LEN(elts); i++) {
                mpy_ast_withitem *x = mpy_ast_withitem_new(ctx, MPY_SEQ_GET(elts, i), NULL);
                n = x ? mpy_ast_seq_append(ctx->arena, n, x) : NULL;
            }
            if (!n)
                return NULL;
            items = n;
        }
    }
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_With, loc);
    if (s) {
        s->v.With.items = items;
        s->v.With.body = body;
    }
    return s;
}

mpy_ast_stmt *mpy_ast_raise(mpy_parse_ctx *ctx, mpy_ast_expr *exc, mpy_ast_expr *cause, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_Raise, loc);
    if (s) {
        s->v.Raise.exc = exc;
        s->v.Raise.cause = cause;
    }
    return s;
}

mpy_ast_stmt *mpy_ast_try(mpy_parse_ctx *ctx, mpy_ast_seq *body, mpy_ast_seq *handlers, mpy_ast_seq *orelse,
                          mpy_ast_seq *finalbody, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_Try, loc);
    if (!s || !(handlers = seq_or_empty(ctx, handlers)) || !(orelse = seq_or_empty(ctx, orelse)) ||
        !(finalbody = seq_or_empty(ctx, finalbody)))
        return NULL;
    s->v.Try.body = body;
    s->v.Try.handlers = handlers;
    s->v.Try.orelse = orelse;
    s->v.Try.finalbody = finalbody;
    return s;
}

mpy_ast_excepthandler *mpy_ast_excepthandler_new(mpy_parse_ctx *ctx, mpy_ast_expr *type, const char *name,
                                             mpy_ast_seq *body, mpy_ast_loc loc)
{
    mpy_ast_excepthandler *h = mpy_arena_alloc(ctx->arena, sizeof *h);
    if (!h)
        return NULL;
    h->type = type;
    h->name = name;
    h->body = body;
    h->loc = loc;
    return h;
}

mpy_ast_stmt *mpy_ast_assert(mpy_parse_ctx *ctx, mpy_ast_expr *test, mpy_ast_expr *msg, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_Assert, loc);
    if (s) {
        s->v.Assert.test = test;
        s->v.Assert.msg = msg;
    }
    return s;
}

mpy_ast_stmt *mpy_ast_import(mpy_parse_ctx *ctx, mpy_ast_seq *names, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_Import, loc);
    if (s)
        s->v.Import.names = names;
    return s;
}

mpy_ast_stmt *mpy_ast_importfrom(mpy_parse_ctx *ctx, const char *module, mpy_ast_seq *names, int level, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_ImportFrom, loc);
    if (s) {
        s->v.ImportFrom.module = module;
        s->v.ImportFrom.names = names;
        s->v.ImportFrom.level = level;
    }
    return s;
}

mpy_ast_alias *mpy_ast_alias_new(mpy_parse_ctx *ctx, const char *name, const char *asname, mpy_ast_loc loc)
{
    mpy_ast_alias *a = mpy_arena_alloc(ctx->arena, sizeof *a);
    if (!a || !name)
        return NULL;
    a->name = name;
    a->asname = asname;
    a->loc = loc;
    return a;
}

mpy_ast_stmt *mpy_ast_global(mpy_parse_ctx *ctx, mpy_ast_stmt_kind kind, mpy_ast_seq *names, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, kind, loc);
    if (s)
        s->v.Global.names = names;
    return s;
}

mpy_ast_stmt *mpy_ast_expr_stmt(mpy_parse_ctx *ctx, mpy_ast_expr *value, mpy_ast_loc loc)
{
    mpy_ast_stmt *s = mpy_ast_stmt_new(ctx->arena, MPY_AST_STMT_Expr, loc);
    if (s)
        s->v.Expr.value = value;
    return s;
}

mpy_ast_stmt *mpy_ast_simple(mpy_parse_ctx *ctx, mpy_ast_stmt_kind kind, mpy_ast_loc loc)
{
    return mpy_ast_stmt_new(ctx->arena, kind, loc);
}

/* ------------------------------------------------------------------------ */
/* Parameters */

mpy_ast_arg *mpy_ast_arg_new(mpy_parse_ctx *ctx, const char *name, mpy_ast_expr *ann, mpy_ast_loc loc)
{
    mpy_ast_arg *a = mpy_arena_alloc(ctx->arena, sizeof *a);
    if (!a || !name)
        return NULL;
    a->arg = name;
    a->annotation = ann;
    a->loc = loc;
    return a;
}

mpy_ast_param *mpy_ast_param_new(mpy_parse_ctx *ctx, mpy_ast_param_kind kind, mpy_ast_arg *arg,
                             mpy_ast_expr *def, mpy_ast_loc loc)
{
    mpy_ast_param *p = mpy_arena_alloc(ctx->arena, sizeof *p);
    if (!p)
        return NULL;
    p->kind = kind;
    p->arg = arg;
    p->def = def;
    p->loc = loc;
    return p;
}

static const mpy_ast_param *param_at(const mpy_ast_seq *s, int i)
{
    return i < MPY_SEQ_LEN(s) ? MPY_SEQ_GET(s, i) : NULL;
}

enum {
    SEEN_SLASH = 1,
    SEEN_STAR = 2,
    SEEN_KWARG = 4,
    SEEN_DEFAULT = 8,
    SLASH_FIRST = 16,   /* the first default came after the '/' */
    LONE_SLASH = 32,    /* a '/' with nothing before it, pending */
};

/* "named arguments must follow bare *": CPython points a def's message at
 * the '*' and a lambda's at the token after it. */
static bool bare_star(mpy_parse_ctx *ctx, const mpy_ast_param *star, mpy_ast_loc after, bool lambda)
{
    return fail(ctx, lambda ? after : star->loc, "named arguments must follow bare *");
}

/* Appends p with the order rules of CPython's parameters grammar and its
 * invalid_parameters messages, checked as each item arrives (CPython's
 * second pass reports them before the list is complete). */
mpy_ast_params *mpy_ast_params_add(mpy_parse_ctx *ctx, const mpy_ast_params *list, mpy_ast_param *p, bool lambda)
{
    unsigned f = list ? list->flags : 0;
    int positional = list ? list->positional : 0;
    const mpy_ast_seq *items = list ? list->items : NULL;
    const mpy_ast_param *prev = MPY_SEQ_LEN(items) ? MPY_SEQ_GET(items, MPY_SEQ_LEN(items) - 1) : NULL;
    if (f & LONE_SLASH)
        return fail(ctx, prev->loc, "at least one argument must precede /"), NULL;
    if (f & SEEN_KWARG)
        return fail(ctx, p->loc, "arguments cannot follow var-keyword argument"), NULL;
    switch (p->kind) {
    case MPY_PARAM_SLASH:
        if (f & SEEN_STAR)
            return fail(ctx, p->loc, "/ must be ahead of *"), NULL;
        if (f & SEEN_SLASH)
            return fail(ctx, p->loc, "/ may appear only once"), NULL;
        f |= positional ? SEEN_SLASH : LONE_SLASH;
        break;
    case MPY_PARAM_STAR:
    case MPY_PARAM_VARARG:
        if (f & SEEN_STAR)
            return fail(ctx, p->loc, "* argument may appear only once"), NULL;
        f |= SEEN_STAR;
        break;
    case MPY_PARAM_KWARG:
        if (prev && prev->kind == MPY_PARAM_STAR)
            return bare_star(ctx, prev, p->loc, lambda), NULL;
        f |= SEEN_KWARG;
        break;
    case MPY_PARAM_DEFAULT:
        if (!(f & SEEN_STAR)) {
            if (!(f & SEEN_DEFAULT) && (f & SEEN_SLASH))
                f |= SLASH_FIRST;
            f |= SEEN_DEFAULT;
            positional++;
        }
        break;
    case MPY_PARAM_PLAIN:
        if (!(f & SEEN_STAR)) {
            if (f & SEEN_DEFAULT) {
                /* CPython names the mistake only when the defaults started
                 * before any '/'; otherwise its parse just fails at the
                 * token after the name. */
                if (f & SLASH_FIRST) {
                    mpy_ast_loc at = {p->loc.end_line, p->loc.end_col, p->loc.end_line, p->loc.end_col + 1};
                    return fail(ctx, at, "invalid syntax"), NULL;
                }
                return fail(ctx, p->arg->loc, "non-default argument follows default argument"), NULL;
            }
            positional++;
        }
        break;
    }
    mpy_ast_params *n = mpy_arena_alloc(ctx->arena, sizeof *n);
    if (!n || !(n->items = mpy_ast_seq_append(ctx->arena, items, p)))
        return NULL;
    n->flags = f;
    n->positional = positional;
    return n;
}

bool mpy_ast_params_closed(const mpy_ast_params *list)
{
    return list && (list->flags & SEEN_KWARG);
}

/* The checks that need the end of the list. */
static bool check_params_end(mpy_parse_ctx *ctx, const mpy_ast_params *list, bool lambda, bool comma,
                             mpy_ast_loc close)
{
    int n = MPY_SEQ_LEN(list->items);
    const mpy_ast_param *last = n ? MPY_SEQ_GET(list->items, n - 1) : NULL;
    if (list->flags & LONE_SLASH)
        return fail(ctx, last->loc, "%s", comma ? "at least one argument must precede /" : "invalid syntax");
    if (last && last->kind == MPY_PARAM_STAR)
        return bare_star(ctx, last, close, lambda);
    return true;
}

mpy_ast_arguments *mpy_ast_arguments_new(mpy_parse_ctx *ctx, const mpy_ast_params *list, bool lambda, bool comma,
                                         mpy_ast_loc close)
{
    if (list && !check_params_end(ctx, list, lambda, comma, close))
        return NULL;
    const mpy_ast_seq *params = list ? list->items : NULL;
    mpy_arena *a = ctx->arena;
    mpy_ast_arguments *r = mpy_arena_alloc(a, sizeof *r);
    if (!r)
        return NULL;
    r->posonlyargs = mpy_ast_seq_new(a);
    r->args = mpy_ast_seq_new(a);
    r->kwonlyargs = mpy_ast_seq_new(a);
    r->kw_defaults = mpy_ast_seq_new(a);
    r->defaults = mpy_ast_seq_new(a);
    if (!r->posonlyargs || !r->args || !r->kwonlyargs || !r->kw_defaults || !r->defaults)
        return NULL;
    bool star = false;
    for (int i = 0; i < MPY_SEQ_LEN(params); i++) {
        const mpy_ast_param *p = param_at(params, i);
        switch (p->kind) {
        case MPY_PARAM_SLASH:
            /* Everything so far was positional-only. */
            r->posonlyargs = r->args;
            r->args = mpy_ast_seq_new(a);
            if (!r->args)
                return NULL;
            break;
        case MPY_PARAM_STAR:
            star = true;
            break;
        case MPY_PARAM_VARARG:
            star = true;
            r->vararg = p->arg;
            break;
        case MPY_PARAM_KWARG:
            r->kwarg = p->arg;
            break;
        case MPY_PARAM_PLAIN:
        case MPY_PARAM_DEFAULT:
            if (star) {
                r->kwonlyargs = mpy_ast_seq_append(a, r->kwonlyargs, p->arg);
                r->kw_defaults = mpy_ast_seq_append(a, r->kw_defaults, p->def);
                if (!r->kwonlyargs || !r->kw_defaults)
                    return NULL;
            } else {
                r->args = mpy_ast_seq_append(a, r->args, p->arg);
                if (!r->args)
                    return NULL;
                if (p->def && !(r->defaults = mpy_ast_seq_append(a, r->defaults, p->def)))
                    return NULL;
            }
            break;
        }
    }
    return r;
}

/* ------------------------------------------------------------------------ */
/* Call arguments */

mpy_ast_keyword *mpy_ast_keyword_new(mpy_parse_ctx *ctx, const char *arg, mpy_ast_expr *value, mpy_ast_loc loc)
{
    mpy_ast_keyword *k = mpy_arena_alloc(ctx->arena, sizeof *k);
    if (!k)
        return NULL;
    k->arg = arg;
    k->value = value;
    k->loc = loc;
    return k;
}

mpy_ast_callarg *mpy_ast_callarg_new(mpy_parse_ctx *ctx, mpy_ast_callarg_kind kind, const char *name,
                                 mpy_ast_expr *value, mpy_ast_loc loc)
{
    mpy_ast_callarg *c = mpy_arena_alloc(ctx->arena, sizeof *c);
    if (!c)
        return NULL;
    c->kind = kind;
    c->name = name;
    c->value = value;
    c->loc = loc;
    c->tail = loc;
    return c;
}

mpy_ast_callarg *mpy_ast_callarg_kw(mpy_parse_ctx *ctx, mpy_ast_expr *target, mpy_ast_expr *value,
                                    mpy_ast_loc eq, mpy_ast_loc loc)
{
    if (target->kind == MPY_AST_EXPR_Name && !target->parens)
        return mpy_ast_callarg_new(ctx, MPY_CALLARG_KW, target->v.Name.id, value, loc);
    mpy_ast_loc at = mpy_ast_span(target->loc, eq);
    if (target->kind == MPY_AST_EXPR_Constant && !target->parens &&
        (target->v.Constant.kind == MPY_CONST_TRUE || target->v.Constant.kind == MPY_CONST_FALSE ||
         target->v.Constant.kind == MPY_CONST_NONE)) {
        fail(ctx, at, "cannot assign to %s", mpy_ast_expr_desc(target));
        return NULL;
    }
    fail(ctx, at, "expression cannot contain assignment, perhaps you meant \"==\"?");
    return NULL;
}

mpy_ast_seq *mpy_ast_callargs_add(mpy_parse_ctx *ctx, const mpy_ast_seq *list, mpy_ast_callarg *item)
{
    int n = MPY_SEQ_LEN(list);
    const mpy_ast_callarg *last = n ? MPY_SEQ_GET(list, n - 1) : NULL;
    if (last && last->kind == MPY_CALLARG_GENEXP)
        return fail(ctx, last->loc, "Generator expression must be parenthesized"), NULL;
    if (last && item->kind == MPY_CALLARG_GENEXP)
        return fail(ctx, item->loc, "Generator expression must be parenthesized"), NULL;
    bool after = last && (last->after_dstar || last->kind == MPY_CALLARG_DSTAR);
    if (after && item->kind == MPY_CALLARG_STAR)
        return fail(ctx, item->loc, "iterable argument unpacking follows keyword argument unpacking"), NULL;
    mpy_ast_callarg *c = item;
    if (after) {
        if (!(c = mpy_arena_alloc(ctx->arena, sizeof *c)))
            return NULL;
        *c = *item;
        c->after_dstar = true;
    }
    return mpy_ast_seq_append(ctx->arena, list, c);
}

/* Splits items into args and keywords with CPython's checks.  rpar is the
 * closing parenthesis, where CPython reports misplaced positionals. */
static bool split_args(mpy_parse_ctx *ctx, mpy_ast_seq *items, mpy_ast_loc lpar, mpy_ast_loc rpar,
                       bool comma, bool is_class, mpy_ast_seq **args, mpy_ast_seq **kws)
{
    mpy_arena *a = ctx->arena;
    int n = MPY_SEQ_LEN(items);
    bool seen_kw = false, seen_dstar = false;
    *args = mpy_ast_seq_new(a);
    *kws = mpy_ast_seq_new(a);
    if (!*args || !*kws)
        return false;
    for (int i = 0; i < n; i++) {
        const mpy_ast_callarg *c = MPY_SEQ_GET(items, i);
        switch (c->kind) {
        case MPY_CALLARG_GENEXP:
            if (n == 1 && !comma && !is_class) {
                /* f(x for x in y): the call's parentheses are the
                 * generator's. */
                mpy_ast_expr *g = mpy_ast_expr_copy(ctx, c->value);
                if (!g)
                    return false;
                g->loc = mpy_ast_span(lpar, rpar);
                *args = mpy_ast_seq_append(a, *args, g);
                return *args != NULL;
            }
            if (is_class)
                return fail(ctx, c->tail, "invalid syntax");
            return fail(ctx, c->loc, "Generator expression must be parenthesized");
        case MPY_CALLARG_POS:
            if (seen_dstar)
                return fail(ctx, rpar, "positional argument follows keyword argument unpacking");
            if (seen_kw)
                return fail(ctx, rpar, "positional argument follows keyword argument");
            break;
        case MPY_CALLARG_STAR:
            if (seen_dstar)
                return fail(ctx, c->loc, "iterable argument unpacking follows keyword argument unpacking");
            break;
        case MPY_CALLARG_KW:
            seen_kw = true;
            break;
        case MPY_CALLARG_DSTAR:
            seen_dstar = true;
            break;
        }
    }
    for (int i = 0; i < n; i++) {
        const mpy_ast_callarg *c = MPY_SEQ_GET(items, i);
        if (c->kind == MPY_CALLARG_POS || c->kind == MPY_CALLARG_STAR) {
            *args = mpy_ast_seq_append(a, *args, c->value);
            if (!*args)
                return false;
            continue;
        }
        mpy_ast_keyword *k = mpy_ast_keyword_new(ctx, c->name, c->value, c->loc);
        if (!k || !(*kws = mpy_ast_seq_append(a, *kws, k)))
            return false;
    }
    return true;
}

mpy_ast_expr *mpy_ast_call_args(mpy_parse_ctx *ctx, mpy_ast_expr *func, mpy_ast_seq *items, bool comma,
                                mpy_ast_loc lpar, mpy_ast_loc rpar, mpy_ast_loc loc)
{
    mpy_ast_seq *args, *kws;
    if (!split_args(ctx, items, lpar, rpar, comma, false, &args, &kws))
        return NULL;
    return mpy_ast_call(ctx, func, args, kws, loc);
}

bool mpy_ast_class_args(mpy_parse_ctx *ctx, mpy_ast_head *h, mpy_ast_seq *items, bool comma,
                        mpy_ast_loc lpar, mpy_ast_loc rpar)
{
    return split_args(ctx, items, lpar, rpar, comma, true, &h->s1, &h->s2);
}
