/* Expressions: values, assignment targets, conditional jumps, calls,
 * displays, comprehensions, lambdas and f-strings. */
#include <string.h>

#include "vm/compile_internal.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static bool is_starred(const mpy_ast_expr *e) { return e->kind == MPY_AST_EXPR_Starred; }

static bool any_starred(const mpy_ast_seq *s)
{
    for (int i = 0; i < MPY_SEQ_LEN(s); i++)
        if (is_starred(MPY_SEQ_GET(s, i))) return true;
    return false;
}

void mpy_cc_compile_exprs(compiler *c, const mpy_ast_seq *s)
{
    for (int i = 0; i < MPY_SEQ_LEN(s); i++) mpy_cc_compile_expr(c, MPY_SEQ_GET(s, i));
}

/* ------------------------------------------------------------- names */

void mpy_cc_compile_name(compiler *c, const char *name, mpy_ast_ctx ctx)
{
    const char *m = mpy_cc_mangle(c, name);
    mpy_scope *s = c->u->scope;
    mpy_symbol *sym = mpy_scope_lookup(s, m);
    mpy_sym_kind kind = sym ? sym->kind : MPY_SYM_GLOBAL_IMPLICIT;
    bool func = s->kind == MPY_SCOPE_FUNCTION;
    static const mpy_opcode fast[] = {MPY_OP_LOAD_FAST, MPY_OP_STORE_FAST, MPY_OP_DELETE_FAST};
    static const mpy_opcode deref[] = {MPY_OP_LOAD_DEREF, MPY_OP_STORE_DEREF, MPY_OP_DELETE_DEREF};
    static const mpy_opcode global[] = {MPY_OP_LOAD_GLOBAL, MPY_OP_STORE_GLOBAL, MPY_OP_DELETE_GLOBAL};
    static const mpy_opcode named[] = {MPY_OP_LOAD_NAME, MPY_OP_STORE_NAME, MPY_OP_DELETE_NAME};
    switch (kind) {
    case MPY_SYM_FREE:
    case MPY_SYM_CELL: {
        int k = mpy_cc_cell_index_of(c, m);
        if (k >= 0) {
            if (ctx == MPY_AST_CTX_Load && s->kind == MPY_SCOPE_CLASS) mpy_cc_emit(c, MPY_OP_LOAD_CLASSDEREF, (uint32_t)k);
            else mpy_cc_emit(c, deref[ctx], (uint32_t)k);
            return;
        }
        break;
    }
    case MPY_SYM_LOCAL:
        if (func) {
            int k = sym->slot;
            if (k >= 0) {
                mpy_cc_emit(c, fast[ctx], (uint32_t)k);
                return;
            }
        }
        break;
    case MPY_SYM_GLOBAL_EXPLICIT: mpy_cc_emit(c, global[ctx], (uint32_t)mpy_cc_add_name(c, m)); return;
    case MPY_SYM_GLOBAL_IMPLICIT:
        if (func) {
            mpy_cc_emit(c, global[ctx], (uint32_t)mpy_cc_add_name(c, m));
            return;
        }
        break;
    default: break;
    }
    mpy_cc_emit(c, func ? global[ctx] : named[ctx], (uint32_t)mpy_cc_add_name(c, m));
}

/* --------------------------------------------------------- constants */

bool mpy_cc_const_truth(const mpy_ast_expr *e, bool *truth)
{
    if (e->kind != MPY_AST_EXPR_Constant) return false;
    const mpy_ast_const *k = &e->v.Constant;
    switch (k->kind) {
    case MPY_CONST_NONE:
    case MPY_CONST_FALSE: *truth = false; return true;
    case MPY_CONST_TRUE:
    case MPY_CONST_ELLIPSIS: *truth = true; return true;
    case MPY_CONST_INT: *truth = k->big || k->ival != 0; return true;
    case MPY_CONST_FLOAT: *truth = k->fval != 0.0; return true;
    case MPY_CONST_STR:
    case MPY_CONST_BYTES: *truth = k->len != 0; return true;
    default: return false;
    }
}

/* A tuple display of constants becomes one constant. */
static bool fold_tuple(compiler *c, const mpy_ast_seq *elts, mpy_value *out)
{
    int n = MPY_SEQ_LEN(elts);
    for (int i = 0; i < n; i++) {
        const mpy_ast_expr *e = MPY_SEQ_GET(elts, i);
        if (e->kind != MPY_AST_EXPR_Constant || e->v.Constant.kind == MPY_CONST_IMAG) return false;
    }
    mpy_tuple *t = mpy_tuple_new(c->vm, (size_t)n);
    if (!t) {
        mpy_cc_compile_fail_nomem(c);
        return false;
    }
    for (int i = 0; i < n; i++) t->items[i] = mpy_cc_const_value(c, &((mpy_ast_expr *)MPY_SEQ_GET(elts, i))->v.Constant);
    *out = mpy_from_obj(t);
    return true;
}

/* ---------------------------------------------------------- displays */

/* Pushes a list (or a tuple when `tuple`) of elts that contain starred
 * items, CPython's starunpack_helper. */
static void starunpack(compiler *c, const mpy_ast_seq *elts, int nprefix, bool tuple)
{
    int n = MPY_SEQ_LEN(elts), i = 0;
    while (i < n && !is_starred(MPY_SEQ_GET(elts, i))) mpy_cc_compile_expr(c, MPY_SEQ_GET(elts, i++));
    mpy_cc_emit(c, MPY_OP_BUILD_LIST, (uint32_t)(nprefix + i));
    for (; i < n; i++) {
        const mpy_ast_expr *e = MPY_SEQ_GET(elts, i);
        if (is_starred(e)) {
            mpy_cc_compile_expr(c, e->v.Starred.value);
            mpy_cc_emit(c, MPY_OP_LIST_EXTEND, 1);
        } else {
            mpy_cc_compile_expr(c, e);
            mpy_cc_emit(c, MPY_OP_LIST_APPEND, 1);
        }
    }
    if (tuple) mpy_cc_emit(c, MPY_OP_LIST_TO_TUPLE, 0);
}

/* Displays longer than this are built incrementally, so that a big
 * literal does not need a big stack. */
#define DISPLAY_CHUNK 32

static void compile_list(compiler *c, const mpy_ast_seq *elts)
{
    int n = MPY_SEQ_LEN(elts);
    if (any_starred(elts)) {
        starunpack(c, elts, 0, false);
    } else if (n > DISPLAY_CHUNK) {
        mpy_cc_emit(c, MPY_OP_BUILD_LIST, 0);
        for (int i = 0; i < n; i++) {
            mpy_cc_compile_expr(c, MPY_SEQ_GET(elts, i));
            mpy_cc_emit(c, MPY_OP_LIST_APPEND, 1);
        }
    } else {
        mpy_cc_compile_exprs(c, elts);
        mpy_cc_emit(c, MPY_OP_BUILD_LIST, (uint32_t)n);
    }
}

static void compile_tuple(compiler *c, const mpy_ast_seq *elts)
{
    mpy_value t;
    if (MPY_SEQ_LEN(elts) && fold_tuple(c, elts, &t)) {
        mpy_cc_emit_load_const(c, t);
    } else if (any_starred(elts) || MPY_SEQ_LEN(elts) > DISPLAY_CHUNK) {
        if (any_starred(elts)) {
            starunpack(c, elts, 0, true);
        } else {
            compile_list(c, elts);
            mpy_cc_emit(c, MPY_OP_LIST_TO_TUPLE, 0);
        }
    } else if (!MPY_SEQ_LEN(elts)) {
        mpy_cc_emit_load_const(c, mpy_from_obj(c->vm->empty_tuple));
    } else {
        mpy_cc_compile_exprs(c, elts);
        mpy_cc_emit(c, MPY_OP_BUILD_TUPLE, (uint32_t)MPY_SEQ_LEN(elts));
    }
}

/* A display of three or more constants, {1, 2, 3}, becomes a frozenset
 * constant poured into a new set, as CPython 3.11 compiles it.  The
 * iteration order of the result is observable, so the constant is built
 * the way CPython's code assembly leaves it: frozenset(tuple(frozenset(
 * items))). */
static bool fold_set(compiler *c, const mpy_ast_seq *elts, mpy_value *out)
{
    mpy_value t;
    if (MPY_SEQ_LEN(elts) < 3 || any_starred(elts) || !fold_tuple(c, elts, &t)) return false;
    mpy_vm *vm = c->vm;
    mpy_type *fs = vm->types[MPY_TYPE_FROZENSET];
    mpy_set *first = mpy_set_from_iter(vm, fs, t);
    mpy_tuple *items = first ? mpy_tuple_new(vm, first->used) : NULL;
    if (!items) {
        mpy_err_clear(vm);
        return false;
    }
    size_t pos = 0, i = 0;
    mpy_value key;
    int64_t hash;
    while (i < items->len && mpy_set_next(first, &pos, &key, &hash)) items->items[i++] = key;
    mpy_set *again = mpy_set_from_iter(vm, fs, mpy_from_obj(items));
    if (!again) {
        mpy_err_clear(vm);
        return false;
    }
    *out = mpy_from_obj(again);
    return true;
}

static void compile_set(compiler *c, const mpy_ast_seq *elts)
{
    int n = MPY_SEQ_LEN(elts);
    mpy_value folded;
    if (fold_set(c, elts, &folded)) {
        mpy_cc_emit(c, MPY_OP_BUILD_SET, 0);
        mpy_cc_emit_load_const(c, folded);
        mpy_cc_emit(c, MPY_OP_SET_UPDATE, 1);
        return;
    }
    if (!any_starred(elts) && n <= DISPLAY_CHUNK) {
        mpy_cc_compile_exprs(c, elts);
        mpy_cc_emit(c, MPY_OP_BUILD_SET, (uint32_t)n);
        return;
    }
    mpy_cc_emit(c, MPY_OP_BUILD_SET, 0);
    for (int i = 0; i < n; i++) {
        const mpy_ast_expr *e = MPY_SEQ_GET(elts, i);
        if (is_starred(e)) {
            mpy_cc_compile_expr(c, e->v.Starred.value);
            mpy_cc_emit(c, MPY_OP_SET_UPDATE, 1);
        } else {
            mpy_cc_compile_expr(c, e);
            mpy_cc_emit(c, MPY_OP_SET_ADD, 1);
        }
    }
}

static void compile_dict(compiler *c, const mpy_ast_expr *e)
{
    const mpy_ast_seq *keys = e->v.Dict.keys, *values = e->v.Dict.values;
    int n = MPY_SEQ_LEN(values);
    bool unpack = false;
    for (int i = 0; i < n; i++)
        if (!MPY_SEQ_GET(keys, i)) unpack = true;
    if (!unpack && n <= DISPLAY_CHUNK / 2) {
        for (int i = 0; i < n; i++) {
            mpy_cc_compile_expr(c, MPY_SEQ_GET(keys, i));
            mpy_cc_compile_expr(c, MPY_SEQ_GET(values, i));
        }
        mpy_cc_emit(c, MPY_OP_BUILD_MAP, (uint32_t)n);
        return;
    }
    mpy_cc_emit(c, MPY_OP_BUILD_MAP, 0);
    for (int i = 0; i < n; i++) {
        const mpy_ast_expr *k = MPY_SEQ_GET(keys, i);
        if (k) {
            mpy_cc_compile_expr(c, k);
            mpy_cc_compile_expr(c, MPY_SEQ_GET(values, i));
            mpy_cc_emit(c, MPY_OP_MAP_ADD, 1);
        } else {
            mpy_cc_compile_expr(c, MPY_SEQ_GET(values, i));
            mpy_cc_emit(c, MPY_OP_DICT_UPDATE, 1);
        }
    }
}

/* ---------------------------------------------------------- operators */

static void compile_compare_op(compiler *c, mpy_ast_cmpop op)
{
    switch (op) {
    case MPY_AST_CMP_Eq: mpy_cc_emit(c, MPY_OP_COMPARE_OP, MPY_CMP_EQ); break;
    case MPY_AST_CMP_NotEq: mpy_cc_emit(c, MPY_OP_COMPARE_OP, MPY_CMP_NE); break;
    case MPY_AST_CMP_Lt: mpy_cc_emit(c, MPY_OP_COMPARE_OP, MPY_CMP_LT); break;
    case MPY_AST_CMP_LtE: mpy_cc_emit(c, MPY_OP_COMPARE_OP, MPY_CMP_LE); break;
    case MPY_AST_CMP_Gt: mpy_cc_emit(c, MPY_OP_COMPARE_OP, MPY_CMP_GT); break;
    case MPY_AST_CMP_GtE: mpy_cc_emit(c, MPY_OP_COMPARE_OP, MPY_CMP_GE); break;
    case MPY_AST_CMP_Is: mpy_cc_emit(c, MPY_OP_IS_OP, 0); break;
    case MPY_AST_CMP_IsNot: mpy_cc_emit(c, MPY_OP_IS_OP, 1); break;
    case MPY_AST_CMP_In: mpy_cc_emit(c, MPY_OP_CONTAINS_OP, 0); break;
    case MPY_AST_CMP_NotIn: mpy_cc_emit(c, MPY_OP_CONTAINS_OP, 1); break;
    default: break;
    }
}

#define CMP_OP(e, i) ((mpy_ast_cmpop)(intptr_t)MPY_SEQ_GET((e)->v.Compare.ops, i))

/* a < b < c: b is evaluated once; the chain stops at the first false. */
static void compile_compare(compiler *c, const mpy_ast_expr *e)
{
    int n = MPY_SEQ_LEN(e->v.Compare.ops);
    mpy_cc_compile_expr(c, e->v.Compare.left);
    if (n == 1) {
        mpy_cc_compile_expr(c, MPY_SEQ_GET(e->v.Compare.comparators, 0));
        compile_compare_op(c, CMP_OP(e, 0));
        return;
    }
    int cleanup = mpy_cc_new_label(c), end = mpy_cc_new_label(c);
    for (int i = 0; i < n - 1; i++) {
        mpy_cc_compile_expr(c, MPY_SEQ_GET(e->v.Compare.comparators, i));
        mpy_cc_emit(c, MPY_OP_SWAP, 2);
        mpy_cc_emit(c, MPY_OP_COPY, 2);
        compile_compare_op(c, CMP_OP(e, i));
        mpy_cc_emit_jump(c, MPY_OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    mpy_cc_compile_expr(c, MPY_SEQ_GET(e->v.Compare.comparators, n - 1));
    compile_compare_op(c, CMP_OP(e, n - 1));
    mpy_cc_emit_jump(c, MPY_OP_JUMP, end);
    mpy_cc_bind_label(c, cleanup);
    mpy_cc_emit(c, MPY_OP_SWAP, 2);
    mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
    mpy_cc_bind_label(c, end);
}

static bool is_none_const(const mpy_ast_expr *e)
{
    return e->kind == MPY_AST_EXPR_Constant && e->v.Constant.kind == MPY_CONST_NONE;
}

/* Jumps to label when the truth of e equals cond, without building the
 * bool when it can (not, and/or, `is None`, constants). */
void mpy_cc_compile_jump_if(compiler *c, const mpy_ast_expr *e, bool cond, int label)
{
    mpy_ast_loc saved = c->u->loc;
    c->u->loc = e->loc;
    bool truth;
    switch (e->kind) {
    case MPY_AST_EXPR_UnaryOp:
        if (e->v.UnaryOp.op == MPY_AST_UNARY_Not) {
            mpy_cc_compile_jump_if(c, e->v.UnaryOp.operand, !cond, label);
            goto done;
        }
        break;
    case MPY_AST_EXPR_BoolOp: {
        const mpy_ast_seq *vals = e->v.BoolOp.values;
        int n = MPY_SEQ_LEN(vals);
        bool is_or = e->v.BoolOp.op == MPY_AST_BOOL_Or;
        /* `a or b` jumps on true as soon as one is true; on false only
         * when all are (and dually for and). */
        if (cond == is_or) {
            for (int i = 0; i < n; i++) mpy_cc_compile_jump_if(c, MPY_SEQ_GET(vals, i), cond, label);
        } else {
            int next = mpy_cc_new_label(c);
            for (int i = 0; i < n - 1; i++) mpy_cc_compile_jump_if(c, MPY_SEQ_GET(vals, i), !cond, next);
            mpy_cc_compile_jump_if(c, MPY_SEQ_GET(vals, n - 1), cond, label);
            mpy_cc_bind_label(c, next);
        }
        goto done;
    }
    case MPY_AST_EXPR_Compare:
        if (MPY_SEQ_LEN(e->v.Compare.ops) == 1) {
            mpy_ast_cmpop op = CMP_OP(e, 0);
            const mpy_ast_expr *rhs = MPY_SEQ_GET(e->v.Compare.comparators, 0);
            if ((op == MPY_AST_CMP_Is || op == MPY_AST_CMP_IsNot) && is_none_const(rhs)) {
                mpy_cc_compile_expr(c, e->v.Compare.left);
                bool jump_on_none = (op == MPY_AST_CMP_Is) == cond;
                mpy_cc_emit_jump(c, jump_on_none ? MPY_OP_POP_JUMP_IF_NONE : MPY_OP_POP_JUMP_IF_NOT_NONE, label);
                goto done;
            }
        }
        break;
    case MPY_AST_EXPR_Constant:
        if (mpy_cc_const_truth(e, &truth)) {
            if (truth == cond) mpy_cc_emit_jump(c, MPY_OP_JUMP, label);
            goto done;
        }
        break;
    default: break;
    }
    mpy_cc_compile_expr(c, e);
    mpy_cc_emit_jump(c, cond ? MPY_OP_POP_JUMP_IF_TRUE : MPY_OP_POP_JUMP_IF_FALSE, label);
done:
    c->u->loc = saved;
}

/* -------------------------------------------------------------- calls */

/* Keyword arguments [begin, end) (all named) as one dict. */
static void subkwargs(compiler *c, const mpy_ast_seq *kws, int begin, int end)
{
    for (int i = begin; i < end; i++) {
        const mpy_ast_keyword *k = MPY_SEQ_GET(kws, i);
        mpy_str *s = mpy_cc_c_intern(c, k->arg);
        if (!s) return;
        mpy_cc_emit_load_const(c, mpy_from_obj(s));
        mpy_cc_compile_expr(c, k->value);
    }
    mpy_cc_emit(c, MPY_OP_BUILD_MAP, (uint32_t)(end - begin));
}

/* The arguments of a call whose callable and self-or-NULL are pushed,
 * followed by nprefix positional values (a class's function and name). */
void mpy_cc_compile_call_args(compiler *c, const mpy_ast_seq *args, const mpy_ast_seq *keywords, int nprefix,
                       mpy_ast_loc loc)
{
    int nargs = MPY_SEQ_LEN(args), nkw = MPY_SEQ_LEN(keywords);
    bool dstar = false;
    for (int i = 0; i < nkw; i++)
        if (!((mpy_ast_keyword *)MPY_SEQ_GET(keywords, i))->arg) dstar = true;
    bool star = any_starred(args);
    if (!star && !dstar) {
        mpy_cc_compile_exprs(c, args);
        if (!nkw) {
            c->u->loc = loc;
            mpy_cc_emit(c, MPY_OP_CALL, (uint32_t)(nprefix + nargs));
            return;
        }
        mpy_tuple *names = mpy_tuple_new(c->vm, (size_t)nkw);
        if (!names) {
            mpy_cc_compile_fail_nomem(c);
            return;
        }
        for (int i = 0; i < nkw; i++) {
            const mpy_ast_keyword *k = MPY_SEQ_GET(keywords, i);
            mpy_cc_compile_expr(c, k->value);
            mpy_str *s = mpy_cc_c_intern(c, k->arg);
            if (!s) return;
            names->items[i] = mpy_from_obj(s);
        }
        mpy_cc_emit_load_const(c, mpy_from_obj(names));
        c->u->loc = loc;
        mpy_cc_emit(c, MPY_OP_CALL_KW, (uint32_t)(nprefix + nargs + nkw));
        return;
    }
    /* f(*a, **k): a positional tuple and a keyword dict */
    if (star) {
        if (nprefix == 0 && nargs == 1) mpy_cc_compile_expr(c, ((mpy_ast_expr *)MPY_SEQ_GET(args, 0))->v.Starred.value);
        else starunpack(c, args, nprefix, true);
    } else {
        mpy_cc_compile_exprs(c, args);
        mpy_cc_emit(c, MPY_OP_BUILD_TUPLE, (uint32_t)(nprefix + nargs));
    }
    bool have_dict = false;
    if (nkw) {
        int nseen = 0;
        for (int i = 0; i < nkw; i++) {
            const mpy_ast_keyword *k = MPY_SEQ_GET(keywords, i);
            if (k->arg) {
                nseen++;
                continue;
            }
            if (nseen) {
                subkwargs(c, keywords, i - nseen, i);
                if (have_dict) mpy_cc_emit(c, MPY_OP_DICT_MERGE, 1);
                have_dict = true;
                nseen = 0;
            }
            if (!have_dict) {
                mpy_cc_emit(c, MPY_OP_BUILD_MAP, 0);
                have_dict = true;
            }
            mpy_cc_compile_expr(c, k->value);
            mpy_cc_emit(c, MPY_OP_DICT_MERGE, 1);
        }
        if (nseen) {
            subkwargs(c, keywords, nkw - nseen, nkw);
            if (have_dict) mpy_cc_emit(c, MPY_OP_DICT_MERGE, 1);
            have_dict = true;
        }
    }
    c->u->loc = loc;
    mpy_cc_emit(c, MPY_OP_CALL_EX, have_dict ? 1 : 0);
}

/* CPython 3.11's update_start_location_to_match_attr: an attribute access
 * (or method call) at `cur` whose name is on a later line than cur starts
 * starts at the name. */
static mpy_ast_loc attr_start(mpy_ast_loc cur, const mpy_ast_expr *attr)
{
    if (cur.line != attr->loc.end_line) {
        cur.line = cur.end_line = attr->loc.end_line;
        int len = 0;
        for (const unsigned char *p = (const unsigned char *)attr->v.Attribute.attr; *p; p++)
            if ((*p & 0xC0) != 0x80) len++;
        if (len <= attr->loc.end_col) {
            cur.col = attr->loc.end_col - len;
        } else {
            cur.col = cur.end_col = -1;
        }
    }
    return cur;
}

static void compile_call(compiler *c, const mpy_ast_expr *e)
{
    const mpy_ast_expr *f = e->v.Call.func;
    const mpy_ast_seq *args = e->v.Call.args, *kws = e->v.Call.keywords;
    bool simple = !any_starred(args);
    for (int i = 0; i < MPY_SEQ_LEN(kws); i++)
        if (!((mpy_ast_keyword *)MPY_SEQ_GET(kws, i))->arg) simple = false;
    if (f->kind == MPY_AST_EXPR_Attribute && simple) {
        mpy_cc_compile_expr(c, f->v.Attribute.value);
        /* CPython 3.11 puts a method call where the attribute name starts
         * when that is on a later line (`obj\n.meth()` is reported on the
         * second line) */
        mpy_ast_loc at = attr_start(e->loc, f);
        c->u->loc = at;
        mpy_cc_emit(c, MPY_OP_LOAD_METHOD, (uint32_t)mpy_cc_add_name(c, mpy_cc_mangle(c, f->v.Attribute.attr)));
        c->u->loc = e->loc;
        mpy_cc_compile_call_args(c, args, kws, 0, at);
        return;
    } else {
        mpy_cc_compile_expr(c, f);
        mpy_cc_emit(c, MPY_OP_PUSH_NULL, 0);
    }
    mpy_cc_compile_call_args(c, args, kws, 0, e->loc);
}

/* ----------------------------------------------------- comprehensions */

static void comp_generator(compiler *c, const mpy_ast_expr *e, int i)
{
    const mpy_ast_seq *gens = e->v.Comp.generators;
    int n = MPY_SEQ_LEN(gens);
    const mpy_ast_comprehension *g = MPY_SEQ_GET(gens, i);
    int start = mpy_cc_new_label(c), anchor = mpy_cc_new_label(c);
    if (i == 0) {
        mpy_cc_emit(c, MPY_OP_LOAD_FAST, 0); /* .0, the first iterator */
    } else {
        mpy_cc_compile_expr(c, g->iter);
        mpy_cc_emit(c, MPY_OP_GET_ITER, 0);
    }
    mpy_cc_bind_label(c, start);
    c->u->loc = e->loc;
    mpy_cc_emit_jump(c, MPY_OP_FOR_ITER, anchor);
    mpy_cc_compile_store(c, g->target);
    for (int k = 0; k < MPY_SEQ_LEN(g->ifs); k++) mpy_cc_compile_jump_if(c, MPY_SEQ_GET(g->ifs, k), false, start);
    if (i + 1 < n) {
        comp_generator(c, e, i + 1);
    } else {
        switch (e->kind) {
        case MPY_AST_EXPR_ListComp:
            mpy_cc_compile_expr(c, e->v.Comp.elt);
            mpy_cc_emit(c, MPY_OP_LIST_APPEND, (uint32_t)(n + 1));
            break;
        case MPY_AST_EXPR_SetComp:
            mpy_cc_compile_expr(c, e->v.Comp.elt);
            mpy_cc_emit(c, MPY_OP_SET_ADD, (uint32_t)(n + 1));
            break;
        case MPY_AST_EXPR_DictComp:
            mpy_cc_compile_expr(c, e->v.Comp.elt);
            mpy_cc_compile_expr(c, e->v.Comp.value);
            mpy_cc_emit(c, MPY_OP_MAP_ADD, (uint32_t)(n + 1));
            break;
        default:
            mpy_cc_compile_expr(c, e->v.Comp.elt);
            mpy_cc_emit(c, MPY_OP_YIELD_VALUE, 0);
            mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
            break;
        }
    }
    c->u->loc = e->loc;
    mpy_cc_emit_jump(c, MPY_OP_JUMP, start);
    mpy_cc_bind_label(c, anchor);
}

static void compile_comprehension(compiler *c, const mpy_ast_expr *e, const char *name)
{
    const mpy_ast_comprehension *first = MPY_SEQ_GET(e->v.Comp.generators, 0);
    if (!mpy_cc_enter_unit(c, e, name, e->loc.line)) return;
    switch (e->kind) {
    case MPY_AST_EXPR_ListComp: mpy_cc_emit(c, MPY_OP_BUILD_LIST, 0); break;
    case MPY_AST_EXPR_SetComp: mpy_cc_emit(c, MPY_OP_BUILD_SET, 0); break;
    case MPY_AST_EXPR_DictComp: mpy_cc_emit(c, MPY_OP_BUILD_MAP, 0); break;
    default: break;
    }
    comp_generator(c, e, 0);
    if (e->kind == MPY_AST_EXPR_GeneratorExp) mpy_cc_emit_none(c);
    mpy_cc_emit(c, MPY_OP_RETURN_VALUE, 0);
    mpy_code *co = mpy_cc_leave_unit(c, name);
    mpy_cc_emit_make_function(c, co, 0);
    mpy_cc_emit(c, MPY_OP_PUSH_NULL, 0);
    mpy_cc_compile_expr(c, first->iter);
    mpy_cc_emit(c, MPY_OP_GET_ITER, 0);
    c->u->loc = e->loc;
    mpy_cc_emit(c, MPY_OP_CALL, 1);
}

/* ----------------------------------------------------------- functions */

mpy_code *mpy_cc_compile_function_body(compiler *c, const void *node, const char *name, const mpy_ast_arguments *args,
                                const mpy_ast_seq *body, const mpy_ast_expr *lambda_body, int firstlineno)
{
    if (!mpy_cc_enter_unit(c, node, name, firstlineno)) return NULL;
    if (lambda_body) {
        mpy_cc_add_const(c, MPY_NONE); /* consts[0] is the docstring slot: none */
        mpy_cc_compile_expr(c, lambda_body);
        mpy_cc_emit(c, MPY_OP_RETURN_VALUE, 0);
    } else {
        /* Convention: consts[0] of a def is its docstring or None;
         * MAKE_FUNCTION reads __doc__ from there. */
        const mpy_ast_expr *doc = mpy_cc_docstring_of(body);
        mpy_cc_add_const(c, doc ? mpy_cc_const_value(c, &doc->v.Constant) : MPY_NONE);
        for (int i = doc ? 1 : 0; i < MPY_SEQ_LEN(body) && !c->err; i++) mpy_cc_compile_stmt(c, MPY_SEQ_GET(body, i));
        if (!mpy_cc_last_is_terminator(c)) {
            mpy_cc_emit_none(c);
            mpy_cc_emit(c, MPY_OP_RETURN_VALUE, 0);
        }
    }
    (void)args;
    return mpy_cc_leave_unit(c, name);
}

static void add_annotation(compiler *c, const char *name, const mpy_ast_expr *ann, int *n)
{
    if (!ann) return;
    mpy_str *s = mpy_cc_c_intern(c, mpy_cc_mangle(c, name));
    if (!s) return;
    mpy_cc_emit_load_const(c, mpy_from_obj(s));
    mpy_cc_compile_expr(c, ann);
    (*n)++;
}

void mpy_cc_compile_function_defaults(compiler *c, const mpy_ast_arguments *args, const mpy_ast_expr *returns,
                               bool annotations, uint32_t *flags)
{
    int ndef = MPY_SEQ_LEN(args->defaults);
    if (ndef) {
        compile_tuple(c, args->defaults);
        *flags |= 1;
    }
    int nkw = 0;
    for (int i = 0; i < MPY_SEQ_LEN(args->kwonlyargs); i++) {
        const mpy_ast_expr *d = MPY_SEQ_GET(args->kw_defaults, i);
        if (!d) continue;
        const mpy_ast_arg *a = MPY_SEQ_GET(args->kwonlyargs, i);
        mpy_str *s = mpy_cc_c_intern(c, mpy_cc_mangle(c, a->arg));
        if (!s) return;
        mpy_cc_emit_load_const(c, mpy_from_obj(s));
        mpy_cc_compile_expr(c, d);
        nkw++;
    }
    if (nkw) {
        mpy_cc_emit(c, MPY_OP_BUILD_MAP, (uint32_t)nkw);
        *flags |= 2;
    }
    if (!annotations) return;
    int nann = 0;
    for (int i = 0; i < MPY_SEQ_LEN(args->args); i++) {
        const mpy_ast_arg *a = MPY_SEQ_GET(args->args, i);
        add_annotation(c, a->arg, a->annotation, &nann);
    }
    for (int i = 0; i < MPY_SEQ_LEN(args->posonlyargs); i++) {
        const mpy_ast_arg *a = MPY_SEQ_GET(args->posonlyargs, i);
        add_annotation(c, a->arg, a->annotation, &nann);
    }
    if (args->vararg) add_annotation(c, args->vararg->arg, args->vararg->annotation, &nann);
    for (int i = 0; i < MPY_SEQ_LEN(args->kwonlyargs); i++) {
        const mpy_ast_arg *a = MPY_SEQ_GET(args->kwonlyargs, i);
        add_annotation(c, a->arg, a->annotation, &nann);
    }
    if (args->kwarg) add_annotation(c, args->kwarg->arg, args->kwarg->annotation, &nann);
    if (returns) {
        mpy_str *s = mpy_cc_c_intern(c, "return");
        if (!s) return;
        mpy_cc_emit_load_const(c, mpy_from_obj(s));
        mpy_cc_compile_expr(c, returns);
        nann++;
    }
    if (nann) {
        mpy_cc_emit(c, MPY_OP_BUILD_MAP, (uint32_t)nann);
        *flags |= 4;
    }
}

static void compile_lambda(compiler *c, const mpy_ast_expr *e)
{
    uint32_t flags = 0;
    mpy_cc_compile_function_defaults(c, e->v.Lambda.args, NULL, false, &flags);
    mpy_code *co = mpy_cc_compile_function_body(c, e, "<lambda>", e->v.Lambda.args, NULL, e->v.Lambda.body, e->loc.line);
    mpy_cc_emit_make_function(c, co, flags);
}

/* ----------------------------------------------------------- f-strings */

static void compile_formatted(compiler *c, const mpy_ast_expr *e)
{
    mpy_cc_compile_expr(c, e->v.FormattedValue.value);
    uint32_t arg = 0;
    switch (e->v.FormattedValue.conversion) {
    case 's': arg = 1; break;
    case 'r': arg = 2; break;
    case 'a': arg = 3; break;
    default: break;
    }
    if (e->v.FormattedValue.format_spec) {
        mpy_cc_compile_expr(c, e->v.FormattedValue.format_spec);
        arg |= 4;
    }
    mpy_cc_emit(c, MPY_OP_FORMAT_VALUE, arg);
}

static void compile_joined(compiler *c, const mpy_ast_expr *e)
{
    const mpy_ast_seq *vals = e->v.JoinedStr.values;
    int n = MPY_SEQ_LEN(vals);
    if (n == 0) {
        mpy_cc_emit_load_const(c, mpy_from_obj(c->vm->empty_str));
        return;
    }
    if (n == 1) {
        mpy_cc_compile_expr(c, MPY_SEQ_GET(vals, 0));
        return;
    }
    if (n > 1000) { /* keep the stack small for huge f-strings */
        mpy_cc_compile_expr(c, MPY_SEQ_GET(vals, 0));
        for (int i = 1; i < n; i++) {
            mpy_cc_compile_expr(c, MPY_SEQ_GET(vals, i));
            mpy_cc_emit(c, MPY_OP_BUILD_STRING, 2);
        }
        return;
    }
    mpy_cc_compile_exprs(c, vals);
    mpy_cc_emit(c, MPY_OP_BUILD_STRING, (uint32_t)n);
}

/* ------------------------------------------------------------ subscript */

static void compile_slice_or_expr(compiler *c, const mpy_ast_expr *e)
{
    if (e->kind != MPY_AST_EXPR_Slice) {
        mpy_cc_compile_expr(c, e);
        return;
    }
    if (e->v.Slice.lower) mpy_cc_compile_expr(c, e->v.Slice.lower);
    else mpy_cc_emit_none(c);
    if (e->v.Slice.upper) mpy_cc_compile_expr(c, e->v.Slice.upper);
    else mpy_cc_emit_none(c);
    if (e->v.Slice.step) {
        mpy_cc_compile_expr(c, e->v.Slice.step);
        mpy_cc_emit(c, MPY_OP_BUILD_SLICE, 3);
    } else {
        mpy_cc_emit(c, MPY_OP_BUILD_SLICE, 2);
    }
}

/* --------------------------------------------------------------- main */

static const mpy_binop binop_of[] = {
    MPY_BINOP_ADD, MPY_BINOP_SUB, MPY_BINOP_MUL, MPY_BINOP_MATMUL, MPY_BINOP_TRUEDIV, MPY_BINOP_MOD, MPY_BINOP_POW,
    MPY_BINOP_LSHIFT, MPY_BINOP_RSHIFT, MPY_BINOP_OR, MPY_BINOP_XOR, MPY_BINOP_AND, MPY_BINOP_FLOORDIV,
};

uint32_t mpy_cc_binop_operand(mpy_ast_binop op) { return (uint32_t)binop_of[op]; }

/* Constant folding of number and string arithmetic, the safe part of
 * what CPython's AST optimizer does: an operation on constants runs at
 * compile time when it cannot fail and its result is small (an unboxed
 * int or a float, a str of at most 4096 bytes).  Anything else, 1/0
 * included, is left to run time. */
#define FOLD_MAX_STR 4096

static bool fold(compiler *c, const mpy_ast_expr *e, mpy_value *out, int depth)
{
    if (c->err || depth > 200) return false;
    mpy_vm *vm = c->vm;
    switch (e->kind) {
    case MPY_AST_EXPR_Constant: {
        const mpy_ast_const *k = &e->v.Constant;
        if (!((k->kind == MPY_CONST_INT && !k->big) || k->kind == MPY_CONST_FLOAT || k->kind == MPY_CONST_STR))
            return false;
        *out = mpy_cc_const_value(c, k);
        return !c->err;
    }
    case MPY_AST_EXPR_UnaryOp: {
        mpy_value v;
        if (!fold(c, e->v.UnaryOp.operand, &v, depth + 1)) return false;
        switch (e->v.UnaryOp.op) {
        case MPY_AST_UNARY_USub:
            if (v.tag == MPY_TAG_INT && v.u.i != INT64_MIN) *out = mpy_from_int(-v.u.i);
            else if (v.tag == MPY_TAG_FLOAT) *out = mpy_from_float(-v.u.f);
            else return false;
            return true;
        case MPY_AST_UNARY_UAdd:
            if (v.tag != MPY_TAG_INT && v.tag != MPY_TAG_FLOAT) return false;
            *out = v;
            return true;
        case MPY_AST_UNARY_Invert:
            if (v.tag != MPY_TAG_INT) return false;
            *out = mpy_from_int(~v.u.i);
            return true;
        default: return false;
        }
    }
    case MPY_AST_EXPR_BinOp: {
        mpy_value a, b;
        if (!fold(c, e->v.BinOp.left, &a, depth + 1) || !fold(c, e->v.BinOp.right, &b, depth + 1)) return false;
        mpy_binop op = binop_of[e->v.BinOp.op];
        bool num = (a.tag == MPY_TAG_INT || a.tag == MPY_TAG_FLOAT) && (b.tag == MPY_TAG_INT || b.tag == MPY_TAG_FLOAT);
        if (op == MPY_BINOP_MATMUL) return false;
        if (!num) {
            /* str + str, str * n */
            bool sa = a.tag == MPY_TAG_OBJ, sb = b.tag == MPY_TAG_OBJ;
            if (op == MPY_BINOP_ADD && sa && sb) {
                if (mpy_as_str(a)->len + mpy_as_str(b)->len > FOLD_MAX_STR) return false;
            } else if (op == MPY_BINOP_MUL && sa != sb) {
                mpy_value n = sa ? b : a;
                mpy_str *str = mpy_as_str(sa ? a : b);
                if (n.tag != MPY_TAG_INT || n.u.i < 0 || n.u.i > FOLD_MAX_STR ||
                    str->len * (size_t)n.u.i > FOLD_MAX_STR)
                    return false;
            } else {
                return false;
            }
        }
        if (op == MPY_BINOP_POW && b.tag == MPY_TAG_INT && (b.u.i > 128 || b.u.i < -128)) return false;
        if ((op == MPY_BINOP_LSHIFT || op == MPY_BINOP_RSHIFT) && b.tag == MPY_TAG_INT && (b.u.i > 128 || b.u.i < 0))
            return false;
        mpy_value r = mpy_binary_op(vm, op, a, b);
        if (mpy_is_null(r)) {
            mpy_err_clear(vm);
            return false;
        }
        if (r.tag == MPY_TAG_INT || r.tag == MPY_TAG_FLOAT) {
            *out = r;
            return true;
        }
        if (r.tag == MPY_TAG_OBJ && r.u.o->type == vm->types[MPY_TYPE_STR] && mpy_as_str(r)->len <= FOLD_MAX_STR) {
            mpy_str *interned = mpy_str_intern_str(vm, mpy_as_str(r));
            if (!interned) {
                mpy_cc_compile_fail_nomem(c);
                return false;
            }
            *out = mpy_from_obj(interned);
            return true;
        }
        return false;
    }
    default: return false;
    }
}

static void compile_expr_inner(compiler *c, const mpy_ast_expr *e)
{
    switch (e->kind) {
    case MPY_AST_EXPR_BoolOp: {
        int end = mpy_cc_new_label(c), n = MPY_SEQ_LEN(e->v.BoolOp.values);
        mpy_opcode op = e->v.BoolOp.op == MPY_AST_BOOL_And ? MPY_OP_JUMP_IF_FALSE_OR_POP : MPY_OP_JUMP_IF_TRUE_OR_POP;
        for (int i = 0; i < n - 1; i++) {
            mpy_cc_compile_expr(c, MPY_SEQ_GET(e->v.BoolOp.values, i));
            mpy_cc_emit_jump(c, op, end);
        }
        mpy_cc_compile_expr(c, MPY_SEQ_GET(e->v.BoolOp.values, n - 1));
        mpy_cc_bind_label(c, end);
        break;
    }
    case MPY_AST_EXPR_NamedExpr:
        mpy_cc_compile_expr(c, e->v.NamedExpr.value);
        mpy_cc_emit(c, MPY_OP_COPY, 1);
        mpy_cc_compile_store(c, e->v.NamedExpr.target);
        break;
    case MPY_AST_EXPR_BinOp: {
        mpy_value v;
        if (fold(c, e, &v, 0)) {
            mpy_cc_emit_load_const(c, v);
            break;
        }
        mpy_cc_compile_expr(c, e->v.BinOp.left);
        mpy_cc_compile_expr(c, e->v.BinOp.right);
        c->u->loc = e->loc;
        mpy_cc_emit(c, MPY_OP_BINARY_OP, binop_of[e->v.BinOp.op]);
        break;
    }
    case MPY_AST_EXPR_UnaryOp: {
        const mpy_ast_expr *o = e->v.UnaryOp.operand;
        mpy_value folded;
        if (e->v.UnaryOp.op != MPY_AST_UNARY_Not && fold(c, e, &folded, 0)) {
            mpy_cc_emit_load_const(c, folded);
            break;
        }
        /* -1, -2.5: fold the sign into the constant */
        if (e->v.UnaryOp.op == MPY_AST_UNARY_USub && o->kind == MPY_AST_EXPR_Constant &&
            (o->v.Constant.kind == MPY_CONST_INT || o->v.Constant.kind == MPY_CONST_FLOAT)) {
            mpy_value v = mpy_cc_const_value(c, &o->v.Constant);
            if (c->err) return;
            if (v.tag == MPY_TAG_INT && v.u.i != INT64_MIN) {
                mpy_cc_emit_load_const(c, mpy_from_int(-v.u.i));
                return;
            }
            if (v.tag == MPY_TAG_FLOAT) {
                mpy_cc_emit_load_const(c, mpy_from_float(-v.u.f));
                return;
            }
            mpy_value r = mpy_unary(c->vm, MPY_UNARY_NEG, v);
            if (mpy_is_null(r)) {
                c->err = ERR_EXC;
                return;
            }
            mpy_cc_emit_load_const(c, r);
            return;
        }
        mpy_cc_compile_expr(c, o);
        switch (e->v.UnaryOp.op) {
        case MPY_AST_UNARY_Invert: mpy_cc_emit(c, MPY_OP_UNARY_INVERT, 0); break;
        case MPY_AST_UNARY_Not: mpy_cc_emit(c, MPY_OP_UNARY_NOT, 0); break;
        case MPY_AST_UNARY_UAdd: mpy_cc_emit(c, MPY_OP_UNARY_POSITIVE, 0); break;
        case MPY_AST_UNARY_USub: mpy_cc_emit(c, MPY_OP_UNARY_NEGATIVE, 0); break;
        default: break;
        }
        break;
    }
    case MPY_AST_EXPR_Lambda: compile_lambda(c, e); break;
    case MPY_AST_EXPR_IfExp: {
        int orelse = mpy_cc_new_label(c), end = mpy_cc_new_label(c);
        mpy_cc_compile_jump_if(c, e->v.IfExp.test, false, orelse);
        mpy_cc_compile_expr(c, e->v.IfExp.body);
        mpy_cc_emit_jump(c, MPY_OP_JUMP, end);
        mpy_cc_bind_label(c, orelse);
        mpy_cc_compile_expr(c, e->v.IfExp.orelse);
        mpy_cc_bind_label(c, end);
        break;
    }
    case MPY_AST_EXPR_Dict: compile_dict(c, e); break;
    case MPY_AST_EXPR_Set: compile_set(c, e->v.Set.elts); break;
    case MPY_AST_EXPR_ListComp: compile_comprehension(c, e, "<listcomp>"); break;
    case MPY_AST_EXPR_SetComp: compile_comprehension(c, e, "<setcomp>"); break;
    case MPY_AST_EXPR_DictComp: compile_comprehension(c, e, "<dictcomp>"); break;
    case MPY_AST_EXPR_GeneratorExp: compile_comprehension(c, e, "<genexpr>"); break;
    case MPY_AST_EXPR_Yield:
        if (c->u->scope->kind != MPY_SCOPE_FUNCTION) {
            mpy_cc_compile_fail_syntax(c, e->loc, "'yield' outside function");
            return;
        }
        if (e->v.Yield.value) mpy_cc_compile_expr(c, e->v.Yield.value);
        else mpy_cc_emit_none(c);
        mpy_cc_emit(c, MPY_OP_YIELD_VALUE, 0);
        break;
    case MPY_AST_EXPR_YieldFrom:
        if (c->u->scope->kind != MPY_SCOPE_FUNCTION) {
            mpy_cc_compile_fail_syntax(c, e->loc, "'yield' outside function");
            return;
        }
        mpy_cc_compile_expr(c, e->v.YieldFrom.value);
        mpy_cc_emit(c, MPY_OP_GET_YIELD_FROM_ITER, 0);
        mpy_cc_emit_none(c);
        mpy_cc_emit(c, MPY_OP_YIELD_FROM, 0);
        break;
    case MPY_AST_EXPR_Compare: compile_compare(c, e); break;
    case MPY_AST_EXPR_Call: compile_call(c, e); break;
    case MPY_AST_EXPR_FormattedValue: compile_formatted(c, e); break;
    case MPY_AST_EXPR_JoinedStr: compile_joined(c, e); break;
    case MPY_AST_EXPR_Constant: mpy_cc_emit_load_const(c, mpy_cc_const_value(c, &e->v.Constant)); break;
    case MPY_AST_EXPR_Attribute:
        mpy_cc_compile_expr(c, e->v.Attribute.value);
        c->u->loc = attr_start(e->loc, e);
        mpy_cc_emit(c, MPY_OP_LOAD_ATTR, (uint32_t)mpy_cc_add_name(c, mpy_cc_mangle(c, e->v.Attribute.attr)));
        break;
    case MPY_AST_EXPR_Subscript:
        mpy_cc_compile_expr(c, e->v.Subscript.value);
        compile_slice_or_expr(c, e->v.Subscript.slice);
        c->u->loc = e->loc;
        mpy_cc_emit(c, MPY_OP_BINARY_SUBSCR, 0);
        break;
    case MPY_AST_EXPR_Starred:
        mpy_cc_compile_fail_syntax(c, e->loc, "can't use starred expression here");
        break;
    case MPY_AST_EXPR_Name: mpy_cc_compile_name(c, e->v.Name.id, MPY_AST_CTX_Load); break;
    case MPY_AST_EXPR_List: compile_list(c, e->v.List.elts); break;
    case MPY_AST_EXPR_Tuple: compile_tuple(c, e->v.List.elts); break;
    case MPY_AST_EXPR_Slice: compile_slice_or_expr(c, e); break;
    default: break;
    }
}

void mpy_cc_compile_expr(compiler *c, const mpy_ast_expr *e)
{
    if (c->err) return;
    mpy_ast_loc saved = c->u->loc;
    c->u->loc = e->loc;
    compile_expr_inner(c, e);
    c->u->loc = saved;
}

/* ------------------------------------------------------------- targets */

static void compile_unpack(compiler *c, const mpy_ast_expr *t)
{
    const mpy_ast_seq *elts = t->v.List.elts;
    int n = MPY_SEQ_LEN(elts), star = -1;
    for (int i = 0; i < n; i++) {
        if (!is_starred(MPY_SEQ_GET(elts, i))) continue;
        if (star >= 0) {
            mpy_cc_compile_fail_syntax(c, ((mpy_ast_expr *)MPY_SEQ_GET(elts, i))->loc, "multiple starred expressions in assignment");
            return;
        }
        star = i;
    }
    if (star >= 0) {
        if (star >= 256 || n - star - 1 >= 4096) {
            mpy_cc_compile_fail_syntax(c, t->loc, "too many expressions in star-unpacking assignment");
            return;
        }
        mpy_cc_emit(c, MPY_OP_UNPACK_EX, (uint32_t)star | ((uint32_t)(n - star - 1) << 12));
    } else {
        mpy_cc_emit(c, MPY_OP_UNPACK_SEQUENCE, (uint32_t)n);
    }
    for (int i = 0; i < n; i++) {
        const mpy_ast_expr *e = MPY_SEQ_GET(elts, i);
        mpy_cc_compile_store(c, is_starred(e) ? e->v.Starred.value : e);
    }
}

void mpy_cc_compile_store(compiler *c, const mpy_ast_expr *t)
{
    if (c->err) return;
    mpy_ast_loc saved = c->u->loc;
    c->u->loc = t->loc;
    switch (t->kind) {
    case MPY_AST_EXPR_Name: mpy_cc_compile_name(c, t->v.Name.id, MPY_AST_CTX_Store); break;
    case MPY_AST_EXPR_Attribute:
        mpy_cc_compile_expr(c, t->v.Attribute.value);
        mpy_cc_emit(c, MPY_OP_STORE_ATTR, (uint32_t)mpy_cc_add_name(c, mpy_cc_mangle(c, t->v.Attribute.attr)));
        break;
    case MPY_AST_EXPR_Subscript:
        mpy_cc_compile_expr(c, t->v.Subscript.value);
        compile_slice_or_expr(c, t->v.Subscript.slice);
        mpy_cc_emit(c, MPY_OP_STORE_SUBSCR, 0);
        break;
    case MPY_AST_EXPR_List:
    case MPY_AST_EXPR_Tuple: compile_unpack(c, t); break;
    case MPY_AST_EXPR_Starred:
        mpy_cc_compile_fail_syntax(c, t->loc, "starred assignment target must be in a list or tuple");
        break;
    default: mpy_cc_compile_fail_syntax(c, t->loc, "cannot assign to expression"); break;
    }
    c->u->loc = saved;
}

void mpy_cc_compile_delete(compiler *c, const mpy_ast_expr *t)
{
    if (c->err) return;
    mpy_ast_loc saved = c->u->loc;
    c->u->loc = t->loc;
    switch (t->kind) {
    case MPY_AST_EXPR_Name: mpy_cc_compile_name(c, t->v.Name.id, MPY_AST_CTX_Del); break;
    case MPY_AST_EXPR_Attribute:
        mpy_cc_compile_expr(c, t->v.Attribute.value);
        mpy_cc_emit(c, MPY_OP_DELETE_ATTR, (uint32_t)mpy_cc_add_name(c, mpy_cc_mangle(c, t->v.Attribute.attr)));
        break;
    case MPY_AST_EXPR_Subscript:
        mpy_cc_compile_expr(c, t->v.Subscript.value);
        compile_slice_or_expr(c, t->v.Subscript.slice);
        mpy_cc_emit(c, MPY_OP_DELETE_SUBSCR, 0);
        break;
    case MPY_AST_EXPR_List:
    case MPY_AST_EXPR_Tuple:
        for (int i = 0; i < MPY_SEQ_LEN(t->v.List.elts); i++) mpy_cc_compile_delete(c, MPY_SEQ_GET(t->v.List.elts, i));
        break;
    default: mpy_cc_compile_fail_syntax(c, t->loc, "cannot delete expression"); break;
    }
    c->u->loc = saved;
}
