/* Statements: assignment forms, control flow with its block unwinding
 * (break/continue/return through try/finally, with and except bodies),
 * exception handling, with, imports, def and class.
 *
 * Exception handling layout (no lasti except for `with`, see below):
 *
 *   try body                      [handler H, depth d]
 *   else body; JUMP end
 *   H:  exc                       [handler CL, depth d+1]
 *       PUSH_EXC_INFO             -> prev exc
 *       <type> CHECK_EXC_MATCH POP_JUMP_IF_FALSE next
 *       STORE name | POP_TOP; body; POP_EXCEPT; JUMP end
 *       ... RERAISE 0             (no clause matched)
 *   CL: prev exc2 -> SWAP 2; POP_EXCEPT; RERAISE 0
 *
 * RERAISE is always used with operand 0: interp.c's RERAISE with an
 * operand moves the instruction pointer back to the faulting instruction,
 * whose handler is the one being left (CPython only uses it for the line
 * number, which the traceback already has).  `with` handlers push lasti
 * because WITH_EXCEPT_START expects the CPython stack picture.
 */
#include <string.h>

#include "vm/compile_internal.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* ------------------------------------------------------------ helpers */

const mpy_ast_expr *mpy_cc_docstring_of(const mpy_ast_seq *body)
{
    if (!MPY_SEQ_LEN(body)) return NULL;
    const mpy_ast_stmt *s = MPY_SEQ_GET(body, 0);
    if (s->kind != MPY_AST_STMT_Expr) return NULL;
    const mpy_ast_expr *e = s->v.Expr.value;
    if (e->kind != MPY_AST_EXPR_Constant || e->v.Constant.kind != MPY_CONST_STR) return NULL;
    return e;
}

/* Does the body (not counting nested defs and classes) annotate a name? */
bool mpy_cc_find_annotations(const mpy_ast_seq *body)
{
    for (int i = 0; i < MPY_SEQ_LEN(body); i++) {
        const mpy_ast_stmt *s = MPY_SEQ_GET(body, i);
        switch (s->kind) {
        case MPY_AST_STMT_AnnAssign: return true;
        case MPY_AST_STMT_For:
            if (mpy_cc_find_annotations(s->v.For.body) || mpy_cc_find_annotations(s->v.For.orelse)) return true;
            break;
        case MPY_AST_STMT_While:
        case MPY_AST_STMT_If:
            if (mpy_cc_find_annotations(s->v.While.body) || mpy_cc_find_annotations(s->v.While.orelse)) return true;
            break;
        case MPY_AST_STMT_With:
            if (mpy_cc_find_annotations(s->v.With.body)) return true;
            break;
        case MPY_AST_STMT_Try:
            if (mpy_cc_find_annotations(s->v.Try.body) || mpy_cc_find_annotations(s->v.Try.orelse) ||
                mpy_cc_find_annotations(s->v.Try.finalbody))
                return true;
            for (int k = 0; k < MPY_SEQ_LEN(s->v.Try.handlers); k++)
                if (mpy_cc_find_annotations(((mpy_ast_excepthandler *)MPY_SEQ_GET(s->v.Try.handlers, k))->body))
                    return true;
            break;
        default: break;
        }
    }
    return false;
}

void mpy_cc_compile_body(compiler *c, const mpy_ast_seq *body)
{
    for (int i = 0; i < MPY_SEQ_LEN(body) && !c->err; i++) mpy_cc_compile_stmt(c, MPY_SEQ_GET(body, i));
}

static fblock *push_fb(compiler *c, fb_kind kind, mpy_ast_loc loc)
{
    unit *u = c->u;
    if (u->nfb >= MAX_FBLOCKS) {
        mpy_cc_compile_fail_syntax(c, loc, "too many statically nested blocks");
        return NULL;
    }
    fblock *fb = &u->fb[u->nfb++];
    memset(fb, 0, sizeof *fb);
    fb->kind = kind;
    fb->outer_handler = u->cur_handler;
    fb->base_depth = u->depth;
    return fb;
}

static void pop_fb(compiler *c)
{
    if (c->u->nfb > 0) c->u->nfb--;
}

static void emit_exit_call(compiler *c)
{
    mpy_cc_emit(c, MPY_OP_PUSH_NULL, 0);
    mpy_cc_emit_none(c);
    mpy_cc_emit_none(c);
    mpy_cc_emit_none(c);
    mpy_cc_emit(c, MPY_OP_CALL, 3);
    mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
}

static void clear_name(compiler *c, const char *name)
{
    mpy_cc_emit_none(c);
    mpy_cc_compile_name(c, name, MPY_AST_CTX_Store);
    mpy_cc_compile_name(c, name, MPY_AST_CTX_Del);
}

/* Emits what leaving block i needs; `preserve` keeps the value on top
 * of the stack (a return value) across it. */
static void unwind_block(compiler *c, int i, bool preserve)
{
    unit *u = c->u;
    fblock fb = u->fb[i];
    switch (fb.kind) {
    case FB_WHILE: break;
    case FB_FOR:
        if (preserve) mpy_cc_emit(c, MPY_OP_SWAP, 2);
        mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
        break;
    case FB_TRY_EXCEPT: mpy_cc_set_handler(c, fb.outer_handler); break;
    case FB_FINALLY_TRY:
        mpy_cc_set_handler(c, fb.outer_handler);
        u->nfb = i; /* a break in the finally body sees the blocks outside */
        u->depth = fb.base_depth + preserve;
        mpy_cc_compile_body(c, fb.finalbody);
        break;
    case FB_FINALLY_END:
        if (preserve) mpy_cc_emit(c, MPY_OP_SWAP, 2);
        mpy_cc_emit(c, MPY_OP_POP_TOP, 0); /* the exception */
        if (preserve) mpy_cc_emit(c, MPY_OP_SWAP, 2);
        mpy_cc_emit(c, MPY_OP_POP_EXCEPT, 0);
        mpy_cc_set_handler(c, fb.outer_handler);
        break;
    case FB_WITH:
        mpy_cc_set_handler(c, fb.outer_handler);
        if (preserve) mpy_cc_emit(c, MPY_OP_SWAP, 2);
        emit_exit_call(c);
        break;
    case FB_HANDLER:
        if (preserve) mpy_cc_emit(c, MPY_OP_SWAP, 2);
        mpy_cc_emit(c, MPY_OP_POP_EXCEPT, 0);
        mpy_cc_set_handler(c, fb.outer_handler);
        if (fb.name) clear_name(c, fb.name);
        break;
    }
    mpy_cc_set_handler(c, fb.outer_handler);
    u->depth = fb.base_depth + preserve;
}

/* Unwinds the blocks above index `stop` (exclusive) and then calls
 * finish (a jump or return), restoring the compiler's block state after,
 * since the code that follows in the source is still inside them. */
typedef enum { EXIT_RETURN, EXIT_BREAK, EXIT_CONTINUE } exit_kind;

static void unwind_and_exit(compiler *c, exit_kind kind, bool preserve, mpy_ast_loc loc, const mpy_ast_expr *retval)
{
    unit *u = c->u;
    int loop = -1;
    if (kind != EXIT_RETURN) {
        for (int i = u->nfb - 1; i >= 0; i--)
            if (u->fb[i].kind == FB_WHILE || u->fb[i].kind == FB_FOR) {
                loop = i;
                break;
            }
        if (loop < 0) {
            mpy_cc_compile_fail_syntax(c, loc, kind == EXIT_BREAK ? "'break' outside loop" : "'continue' not properly in loop");
            return;
        }
    }
    fblock saved[MAX_FBLOCKS];
    int saved_n = u->nfb, saved_handler = u->cur_handler, saved_depth = u->depth;
    memcpy(saved, u->fb, (size_t)saved_n * sizeof *saved);
    int stop = kind == EXIT_RETURN ? 0 : loop + 1;
    for (int i = saved_n - 1; i >= stop && !c->err; i--) {
        u->nfb = i + 1;
        memcpy(&u->fb[i], &saved[i], sizeof *saved);
        unwind_block(c, i, preserve);
    }
    c->u->loc = loc;
    switch (kind) {
    case EXIT_RETURN:
        if (!preserve) {
            if (retval) mpy_cc_compile_expr(c, retval);
            else mpy_cc_emit_none(c);
        }
        mpy_cc_emit(c, MPY_OP_RETURN_VALUE, 0);
        break;
    case EXIT_BREAK:
        memcpy(&u->fb[loop], &saved[loop], sizeof *saved);
        u->nfb = loop + 1;
        unwind_block(c, loop, false);
        mpy_cc_emit_jump(c, MPY_OP_JUMP, saved[loop].label_break);
        break;
    case EXIT_CONTINUE: mpy_cc_emit_jump(c, MPY_OP_JUMP, saved[loop].label_continue); break;
    }
    memcpy(u->fb, saved, (size_t)saved_n * sizeof *saved);
    u->nfb = saved_n;
    u->cur_handler = saved_handler;
    u->depth = saved_depth;
}

/* --------------------------------------------------------- assignment */

static void compile_assign(compiler *c, const mpy_ast_stmt *s)
{
    const mpy_ast_seq *targets = s->v.Assign.targets;
    const mpy_ast_expr *value = s->v.Assign.value;
    int nt = MPY_SEQ_LEN(targets);
    const mpy_ast_expr *t0 = MPY_SEQ_GET(targets, 0);
    /* a, b = b, a: no tuple is built */
    if (nt == 1 && (t0->kind == MPY_AST_EXPR_Tuple || t0->kind == MPY_AST_EXPR_List) &&
        value->kind == MPY_AST_EXPR_Tuple) {
        int n = MPY_SEQ_LEN(t0->v.List.elts);
        bool ok = n >= 2 && n <= 3 && MPY_SEQ_LEN(value->v.List.elts) == n;
        for (int i = 0; ok && i < n; i++)
            if (((mpy_ast_expr *)MPY_SEQ_GET(t0->v.List.elts, i))->kind == MPY_AST_EXPR_Starred ||
                ((mpy_ast_expr *)MPY_SEQ_GET(value->v.List.elts, i))->kind == MPY_AST_EXPR_Starred)
                ok = false;
        if (ok) {
            mpy_cc_compile_exprs(c, value->v.List.elts);
            mpy_cc_emit(c, MPY_OP_SWAP, (uint32_t)n);
            for (int i = 0; i < n; i++) mpy_cc_compile_store(c, MPY_SEQ_GET(t0->v.List.elts, i));
            return;
        }
    }
    mpy_cc_compile_expr(c, value);
    for (int i = 0; i < nt; i++) {
        if (i < nt - 1) mpy_cc_emit(c, MPY_OP_COPY, 1);
        mpy_cc_compile_store(c, MPY_SEQ_GET(targets, i));
    }
}

static void compile_augassign(compiler *c, const mpy_ast_stmt *s)
{
    const mpy_ast_expr *t = s->v.AugAssign.target;
    uint32_t op = MPY_BINOP_INPLACE + mpy_cc_binop_operand(s->v.AugAssign.op);
    switch (t->kind) {
    case MPY_AST_EXPR_Name:
        mpy_cc_compile_name(c, t->v.Name.id, MPY_AST_CTX_Load);
        mpy_cc_compile_expr(c, s->v.AugAssign.value);
        c->u->loc = s->loc;
        mpy_cc_emit(c, MPY_OP_BINARY_OP, op);
        mpy_cc_compile_name(c, t->v.Name.id, MPY_AST_CTX_Store);
        break;
    case MPY_AST_EXPR_Attribute: {
        uint32_t name = (uint32_t)mpy_cc_add_name(c, mpy_cc_mangle(c, t->v.Attribute.attr));
        mpy_cc_compile_expr(c, t->v.Attribute.value);
        mpy_cc_emit(c, MPY_OP_COPY, 1);
        mpy_cc_emit(c, MPY_OP_LOAD_ATTR, name);
        mpy_cc_compile_expr(c, s->v.AugAssign.value);
        c->u->loc = s->loc;
        mpy_cc_emit(c, MPY_OP_BINARY_OP, op);
        mpy_cc_emit(c, MPY_OP_SWAP, 2);
        mpy_cc_emit(c, MPY_OP_STORE_ATTR, name);
        break;
    }
    case MPY_AST_EXPR_Subscript: {
        mpy_cc_compile_expr(c, t->v.Subscript.value);
        const mpy_ast_expr *sl = t->v.Subscript.slice;
        if (sl->kind == MPY_AST_EXPR_Slice) {
            /* the slice object is built once, as CPython 3.11 does */
            if (sl->v.Slice.lower) mpy_cc_compile_expr(c, sl->v.Slice.lower);
            else mpy_cc_emit_none(c);
            if (sl->v.Slice.upper) mpy_cc_compile_expr(c, sl->v.Slice.upper);
            else mpy_cc_emit_none(c);
            if (sl->v.Slice.step) mpy_cc_compile_expr(c, sl->v.Slice.step);
            mpy_cc_emit(c, MPY_OP_BUILD_SLICE, sl->v.Slice.step ? 3 : 2);
        } else {
            mpy_cc_compile_expr(c, sl);
        }
        mpy_cc_emit(c, MPY_OP_COPY, 2);
        mpy_cc_emit(c, MPY_OP_COPY, 2);
        mpy_cc_emit(c, MPY_OP_BINARY_SUBSCR, 0);
        mpy_cc_compile_expr(c, s->v.AugAssign.value);
        c->u->loc = s->loc;
        mpy_cc_emit(c, MPY_OP_BINARY_OP, op);
        mpy_cc_emit(c, MPY_OP_SWAP, 3);
        mpy_cc_emit(c, MPY_OP_SWAP, 2);
        mpy_cc_emit(c, MPY_OP_STORE_SUBSCR, 0);
        break;
    }
    default: mpy_cc_compile_fail_syntax(c, t->loc, "'%s' is an illegal expression for augmented assignment", "expression");
    }
}

static void compile_annassign(compiler *c, const mpy_ast_stmt *s)
{
    const mpy_ast_expr *t = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        mpy_cc_compile_expr(c, s->v.AnnAssign.value);
        mpy_cc_compile_store(c, t);
    }
    bool module_or_class = c->u->scope->kind != MPY_SCOPE_FUNCTION;
    switch (t->kind) {
    case MPY_AST_EXPR_Name:
        if (s->v.AnnAssign.simple && module_or_class) {
            mpy_cc_compile_expr(c, s->v.AnnAssign.annotation);
            mpy_cc_compile_name(c, "__annotations__", MPY_AST_CTX_Load);
            mpy_str *n = mpy_cc_c_intern(c, mpy_cc_mangle(c, t->v.Name.id));
            if (!n) return;
            mpy_cc_emit_load_const(c, mpy_from_obj(n));
            mpy_cc_emit(c, MPY_OP_STORE_SUBSCR, 0);
            return;
        }
        break;
    case MPY_AST_EXPR_Attribute:
        if (!s->v.AnnAssign.value) {
            mpy_cc_compile_expr(c, t->v.Attribute.value);
            mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
        }
        break;
    case MPY_AST_EXPR_Subscript:
        if (!s->v.AnnAssign.value) {
            mpy_cc_compile_expr(c, t->v.Subscript.value);
            mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
            mpy_cc_compile_expr(c, t->v.Subscript.slice);
            mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
        }
        break;
    default: break;
    }
    if (!s->v.AnnAssign.simple && module_or_class) {
        mpy_cc_compile_expr(c, s->v.AnnAssign.annotation);
        mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
    }
}

/* ------------------------------------------------------------- loops */

static void compile_for(compiler *c, const mpy_ast_stmt *s)
{
    unit *u = c->u;
    int d = u->depth;
    int start = mpy_cc_new_label(c), cleanup = mpy_cc_new_label(c), end = mpy_cc_new_label(c);
    mpy_cc_compile_expr(c, s->v.For.iter);
    mpy_cc_emit(c, MPY_OP_GET_ITER, 0);
    mpy_cc_bind_label(c, start);
    u->loc = s->loc;
    mpy_cc_emit_jump(c, MPY_OP_FOR_ITER, cleanup);
    fblock *fb = push_fb(c, FB_FOR, s->loc);
    if (!fb) return;
    fb->label_continue = start;
    fb->label_break = end;
    u->depth = d + 1;
    mpy_cc_compile_store(c, s->v.For.target);
    mpy_cc_compile_body(c, s->v.For.body);
    pop_fb(c);
    u->loc = s->loc;
    mpy_cc_emit_jump(c, MPY_OP_JUMP, start);
    u->depth = d;
    mpy_cc_bind_label(c, cleanup);
    mpy_cc_compile_body(c, s->v.For.orelse);
    mpy_cc_bind_label(c, end);
}

static void compile_while(compiler *c, const mpy_ast_stmt *s)
{
    unit *u = c->u;
    bool truth, constant = mpy_cc_const_truth(s->v.While.test, &truth);
    if (constant && !truth) {
        mpy_cc_compile_body(c, s->v.While.orelse);
        return;
    }
    int body = mpy_cc_new_label(c), cond = mpy_cc_new_label(c), anchor = mpy_cc_new_label(c), end = mpy_cc_new_label(c);
    if (!constant) mpy_cc_compile_jump_if(c, s->v.While.test, false, anchor);
    mpy_cc_bind_label(c, body);
    fblock *fb = push_fb(c, FB_WHILE, s->loc);
    if (!fb) return;
    fb->label_continue = cond;
    fb->label_break = end;
    mpy_cc_compile_body(c, s->v.While.body);
    pop_fb(c);
    mpy_cc_bind_label(c, cond);
    u->loc = s->loc;
    /* the test is repeated at the bottom: one jump per iteration */
    if (constant) mpy_cc_emit_jump(c, MPY_OP_JUMP, body);
    else mpy_cc_compile_jump_if(c, s->v.While.test, true, body);
    mpy_cc_bind_label(c, anchor);
    mpy_cc_compile_body(c, s->v.While.orelse);
    mpy_cc_bind_label(c, end);
}

static void compile_if(compiler *c, const mpy_ast_stmt *s)
{
    bool truth;
    if (mpy_cc_const_truth(s->v.While.test, &truth)) {
        mpy_cc_compile_body(c, truth ? s->v.While.body : s->v.While.orelse);
        return;
    }
    int end = mpy_cc_new_label(c);
    bool has_else = MPY_SEQ_LEN(s->v.While.orelse) > 0;
    int orelse = has_else ? mpy_cc_new_label(c) : end;
    mpy_cc_compile_jump_if(c, s->v.While.test, false, orelse);
    mpy_cc_compile_body(c, s->v.While.body);
    if (has_else) {
        if (!mpy_cc_last_is_terminator(c)) mpy_cc_emit_jump(c, MPY_OP_JUMP, end);
        mpy_cc_bind_label(c, orelse);
        mpy_cc_compile_body(c, s->v.While.orelse);
    }
    mpy_cc_bind_label(c, end);
}

/* -------------------------------------------------------- exceptions */

static void emit_cleanup_reraise(compiler *c)
{
    mpy_cc_emit(c, MPY_OP_SWAP, 2);
    mpy_cc_emit(c, MPY_OP_POP_EXCEPT, 0);
    mpy_cc_emit(c, MPY_OP_RERAISE, 0);
}

static void compile_try_except(compiler *c, const mpy_ast_stmt *s)
{
    unit *u = c->u;
    int d = u->depth, outer = u->cur_handler;
    int h_label = mpy_cc_new_label(c), cl_label = mpy_cc_new_label(c), end = mpy_cc_new_label(c);
    int h = mpy_cc_push_handler(c, h_label, d, false);
    mpy_cc_set_handler(c, h);
    fblock *tfb = push_fb(c, FB_TRY_EXCEPT, s->loc);
    if (!tfb) return;
    tfb->outer_handler = outer;
    mpy_cc_compile_body(c, s->v.Try.body);
    pop_fb(c);
    mpy_cc_set_handler(c, outer);
    mpy_cc_compile_body(c, s->v.Try.orelse);
    if (!mpy_cc_last_is_terminator(c)) mpy_cc_emit_jump(c, MPY_OP_JUMP, end);

    mpy_cc_bind_label(c, h_label); /* d: exc */
    int cl = mpy_cc_push_handler(c, cl_label, d + 1, false);
    mpy_cc_set_handler(c, cl);
    const mpy_ast_excepthandler *first = MPY_SEQ_GET(s->v.Try.handlers, 0);
    u->loc = first->loc;
    mpy_cc_emit(c, MPY_OP_PUSH_EXC_INFO, 0); /* d: prev exc */
    for (int i = 0; i < MPY_SEQ_LEN(s->v.Try.handlers) && !c->err; i++) {
        const mpy_ast_excepthandler *hd = MPY_SEQ_GET(s->v.Try.handlers, i);
        u->loc = hd->loc;
        int next = mpy_cc_new_label(c);
        if (hd->type) {
            mpy_cc_compile_expr(c, hd->type);
            mpy_cc_emit(c, MPY_OP_CHECK_EXC_MATCH, 0);
            mpy_cc_emit_jump(c, MPY_OP_POP_JUMP_IF_FALSE, next);
        }
        fblock *fb;
        if (hd->name) {
            mpy_cc_compile_name(c, hd->name, MPY_AST_CTX_Store);
            int cln_label = mpy_cc_new_label(c);
            int cln = mpy_cc_push_handler(c, cln_label, d + 1, false);
            mpy_cc_set_handler(c, cln);
            if (!(fb = push_fb(c, FB_HANDLER, hd->loc))) return;
            fb->outer_handler = outer;
            fb->base_depth = d;
            fb->name = hd->name;
            u->depth = d + 1;
            mpy_cc_compile_body(c, hd->body);
            u->depth = d;
            pop_fb(c);
            mpy_cc_set_handler(c, outer);
            u->loc = hd->loc;
            if (!mpy_cc_last_is_terminator(c)) {
                mpy_cc_emit(c, MPY_OP_POP_EXCEPT, 0);
                clear_name(c, hd->name);
                mpy_cc_emit_jump(c, MPY_OP_JUMP, end);
            }
            /* an exception in the body: unbind the name, go to CL */
            mpy_cc_set_handler(c, cl);
            mpy_cc_bind_label(c, cln_label);
            clear_name(c, hd->name);
            mpy_cc_emit(c, MPY_OP_RERAISE, 0);
        } else {
            mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
            if (!(fb = push_fb(c, FB_HANDLER, hd->loc))) return;
            fb->outer_handler = outer;
            fb->base_depth = d;
            u->depth = d + 1;
            mpy_cc_compile_body(c, hd->body);
            u->depth = d;
            pop_fb(c);
            mpy_cc_set_handler(c, outer);
            if (!mpy_cc_last_is_terminator(c)) {
                mpy_cc_emit(c, MPY_OP_POP_EXCEPT, 0);
                mpy_cc_emit_jump(c, MPY_OP_JUMP, end);
            }
            mpy_cc_set_handler(c, cl);
        }
        mpy_cc_bind_label(c, next);
    }
    mpy_cc_emit(c, MPY_OP_RERAISE, 0); /* no clause matched */
    mpy_cc_set_handler(c, outer);
    mpy_cc_bind_label(c, cl_label);
    emit_cleanup_reraise(c);
    mpy_cc_bind_label(c, end);
}

static void compile_try_finally(compiler *c, const mpy_ast_stmt *s)
{
    unit *u = c->u;
    int d = u->depth, outer = u->cur_handler;
    int h_label = mpy_cc_new_label(c), cl_label = mpy_cc_new_label(c), exit = mpy_cc_new_label(c);
    int h = mpy_cc_push_handler(c, h_label, d, false);
    mpy_cc_set_handler(c, h);
    fblock *fb = push_fb(c, FB_FINALLY_TRY, s->loc);
    if (!fb) return;
    fb->finalbody = s->v.Try.finalbody;
    fb->outer_handler = outer;
    if (MPY_SEQ_LEN(s->v.Try.handlers)) compile_try_except(c, s);
    else mpy_cc_compile_body(c, s->v.Try.body);
    pop_fb(c);
    mpy_cc_set_handler(c, outer);
    mpy_cc_compile_body(c, s->v.Try.finalbody);
    if (!mpy_cc_last_is_terminator(c)) mpy_cc_emit_jump(c, MPY_OP_JUMP, exit);

    mpy_cc_bind_label(c, h_label); /* d: exc */
    int cl = mpy_cc_push_handler(c, cl_label, d + 1, false);
    mpy_cc_set_handler(c, cl);
    mpy_cc_emit(c, MPY_OP_PUSH_EXC_INFO, 0); /* d: prev exc */
    fb = push_fb(c, FB_FINALLY_END, s->loc);
    if (!fb) return;
    fb->outer_handler = outer;
    u->depth = d + 2;
    mpy_cc_compile_body(c, s->v.Try.finalbody);
    u->depth = d;
    pop_fb(c);
    mpy_cc_set_handler(c, cl);
    mpy_cc_emit(c, MPY_OP_RERAISE, 0);
    mpy_cc_set_handler(c, outer);
    mpy_cc_bind_label(c, cl_label);
    emit_cleanup_reraise(c);
    mpy_cc_bind_label(c, exit);
}

static void compile_with(compiler *c, const mpy_ast_stmt *s, int item)
{
    unit *u = c->u;
    const mpy_ast_withitem *w = MPY_SEQ_GET(s->v.With.items, item);
    int d = u->depth, outer = u->cur_handler;
    int h_label = mpy_cc_new_label(c), cl_label = mpy_cc_new_label(c), suppress = mpy_cc_new_label(c), exit = mpy_cc_new_label(c);
    mpy_cc_compile_expr(c, w->context_expr);
    u->loc = s->loc;
    mpy_cc_emit(c, MPY_OP_BEFORE_WITH, 0); /* d: exit result */
    int h = mpy_cc_push_handler(c, h_label, d + 1, true);
    mpy_cc_set_handler(c, h);
    u->depth = d + 1;
    if (w->optional_vars) mpy_cc_compile_store(c, w->optional_vars);
    else mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
    fblock *fb = push_fb(c, FB_WITH, s->loc);
    if (!fb) return;
    fb->outer_handler = outer;
    fb->base_depth = d;
    if (item + 1 < MPY_SEQ_LEN(s->v.With.items)) compile_with(c, s, item + 1);
    else mpy_cc_compile_body(c, s->v.With.body);
    pop_fb(c);
    mpy_cc_set_handler(c, outer);
    u->depth = d;
    if (!mpy_cc_last_is_terminator(c)) {
        u->loc = s->loc;
        emit_exit_call(c);
        mpy_cc_emit_jump(c, MPY_OP_JUMP, exit);
    }
    mpy_cc_bind_label(c, h_label); /* d: exit lasti exc */
    u->loc = s->loc;
    int cl = mpy_cc_push_handler(c, cl_label, d + 3, false);
    mpy_cc_set_handler(c, cl);
    mpy_cc_emit(c, MPY_OP_PUSH_EXC_INFO, 0); /* exit lasti prev exc */
    mpy_cc_emit(c, MPY_OP_WITH_EXCEPT_START, 0);
    mpy_cc_emit_jump(c, MPY_OP_POP_JUMP_IF_TRUE, suppress);
    mpy_cc_emit(c, MPY_OP_RERAISE, 0);
    mpy_cc_set_handler(c, outer);
    mpy_cc_bind_label(c, cl_label);
    emit_cleanup_reraise(c);
    mpy_cc_bind_label(c, suppress); /* exit lasti prev exc */
    mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
    mpy_cc_emit(c, MPY_OP_POP_EXCEPT, 0);
    mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
    mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
    mpy_cc_bind_label(c, exit);
}

/* ------------------------------------------------------------ imports */

static void compile_import(compiler *c, const mpy_ast_stmt *s)
{
    for (int i = 0; i < MPY_SEQ_LEN(s->v.Import.names) && !c->err; i++) {
        const mpy_ast_alias *a = MPY_SEQ_GET(s->v.Import.names, i);
        mpy_cc_emit_load_const(c, mpy_from_int(0));
        mpy_cc_emit_none(c);
        mpy_cc_emit(c, MPY_OP_IMPORT_NAME, (uint32_t)mpy_cc_add_name(c, a->name));
        const char *dot = strchr(a->name, '.');
        if (a->asname) {
            if (dot) {
                /* import a.b.c as d: d is a.b.c, reached attribute by attribute */
                const char *p = dot + 1;
                for (;;) {
                    const char *q = strchr(p, '.');
                    size_t n = q ? (size_t)(q - p) : strlen(p);
                    char *part = mpy_cc_c_alloc(c, n + 1);
                    if (!part) return;
                    memcpy(part, p, n);
                    part[n] = 0;
                    mpy_cc_emit(c, MPY_OP_IMPORT_FROM, (uint32_t)mpy_cc_add_name(c, part));
                    if (!q) break;
                    mpy_cc_emit(c, MPY_OP_SWAP, 2);
                    mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
                    p = q + 1;
                }
                mpy_cc_compile_name(c, a->asname, MPY_AST_CTX_Store);
                mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
            } else {
                mpy_cc_compile_name(c, a->asname, MPY_AST_CTX_Store);
            }
        } else if (dot) {
            size_t n = (size_t)(dot - a->name);
            char *first = mpy_cc_c_alloc(c, n + 1);
            if (!first) return;
            memcpy(first, a->name, n);
            first[n] = 0;
            mpy_cc_compile_name(c, first, MPY_AST_CTX_Store);
        } else {
            mpy_cc_compile_name(c, a->name, MPY_AST_CTX_Store);
        }
    }
}

static void compile_import_from(compiler *c, const mpy_ast_stmt *s)
{
    const mpy_ast_seq *names = s->v.ImportFrom.names;
    int n = MPY_SEQ_LEN(names);
    mpy_tuple *fromlist = mpy_tuple_new(c->vm, (size_t)n);
    if (!fromlist) {
        mpy_cc_compile_fail_nomem(c);
        return;
    }
    for (int i = 0; i < n; i++) {
        mpy_str *nm = mpy_cc_c_intern(c, ((mpy_ast_alias *)MPY_SEQ_GET(names, i))->name);
        if (!nm) return;
        fromlist->items[i] = mpy_from_obj(nm);
    }
    mpy_cc_emit_load_const(c, mpy_from_int(s->v.ImportFrom.level));
    mpy_cc_emit_load_const(c, mpy_from_obj(fromlist));
    mpy_cc_emit(c, MPY_OP_IMPORT_NAME, (uint32_t)mpy_cc_add_name(c, s->v.ImportFrom.module ? s->v.ImportFrom.module : ""));
    const mpy_ast_alias *a0 = MPY_SEQ_GET(names, 0);
    if (strcmp(a0->name, "*") == 0) {
        if (c->u->scope->kind != MPY_SCOPE_MODULE) {
            mpy_cc_compile_fail_syntax(c, s->loc, "import * only allowed at module level");
            return;
        }
        mpy_cc_emit(c, MPY_OP_IMPORT_STAR, 0);
        return;
    }
    for (int i = 0; i < n; i++) {
        const mpy_ast_alias *a = MPY_SEQ_GET(names, i);
        mpy_cc_emit(c, MPY_OP_IMPORT_FROM, (uint32_t)mpy_cc_add_name(c, a->name));
        mpy_cc_compile_name(c, a->asname ? a->asname : a->name, MPY_AST_CTX_Store);
    }
    mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
}

/* -------------------------------------------------------- def / class */

static int first_line(const mpy_ast_stmt *s, const mpy_ast_seq *decorators)
{
    if (MPY_SEQ_LEN(decorators)) return ((mpy_ast_expr *)MPY_SEQ_GET(decorators, 0))->loc.line;
    return s->loc.line;
}

static void compile_decorators(compiler *c, const mpy_ast_seq *decorators)
{
    for (int i = 0; i < MPY_SEQ_LEN(decorators); i++) {
        mpy_cc_compile_expr(c, MPY_SEQ_GET(decorators, i));
        mpy_cc_emit(c, MPY_OP_PUSH_NULL, 0);
    }
}

static void apply_decorators(compiler *c, const mpy_ast_seq *decorators)
{
    for (int i = MPY_SEQ_LEN(decorators) - 1; i >= 0; i--) {
        c->u->loc = ((mpy_ast_expr *)MPY_SEQ_GET(decorators, i))->loc;
        mpy_cc_emit(c, MPY_OP_CALL, 1);
    }
}

static void compile_funcdef(compiler *c, const mpy_ast_stmt *s)
{
    const mpy_ast_seq *decos = s->v.FunctionDef.decorator_list;
    compile_decorators(c, decos);
    uint32_t flags = 0;
    mpy_cc_compile_function_defaults(c, s->v.FunctionDef.args, s->v.FunctionDef.returns, true, &flags);
    mpy_code *co = mpy_cc_compile_function_body(c, s, s->v.FunctionDef.name, s->v.FunctionDef.args, s->v.FunctionDef.body,
                                         NULL, first_line(s, decos));
    c->u->loc = s->loc;
    mpy_cc_emit_make_function(c, co, flags);
    apply_decorators(c, decos);
    c->u->loc = s->loc;
    mpy_cc_compile_name(c, s->v.FunctionDef.name, MPY_AST_CTX_Store);
}

static void compile_classdef(compiler *c, const mpy_ast_stmt *s)
{
    const mpy_ast_seq *decos = s->v.ClassDef.decorator_list;
    const char *name = s->v.ClassDef.name;
    compile_decorators(c, decos);
    c->u->loc = s->loc;
    mpy_cc_emit(c, MPY_OP_LOAD_BUILD_CLASS, 0);
    mpy_cc_emit(c, MPY_OP_PUSH_NULL, 0);
    if (!mpy_cc_enter_unit(c, s, name, first_line(s, decos))) return;
    c->u->loc = s->loc;
    mpy_cc_compile_name(c, "__name__", MPY_AST_CTX_Load);
    mpy_cc_compile_name(c, "__module__", MPY_AST_CTX_Store);
    mpy_str *qn = mpy_cc_c_intern(c, c->u->qualname);
    if (!qn) return;
    mpy_cc_emit_load_const(c, mpy_from_obj(qn));
    mpy_cc_compile_name(c, "__qualname__", MPY_AST_CTX_Store);
    const mpy_ast_seq *body = s->v.ClassDef.body;
    if (mpy_cc_find_annotations(body)) mpy_cc_emit(c, MPY_OP_SETUP_ANNOTATIONS, 0);
    const mpy_ast_expr *doc = mpy_cc_docstring_of(body);
    if (doc) {
        c->u->loc = doc->loc;
        mpy_cc_compile_expr(c, doc);
        mpy_cc_compile_name(c, "__doc__", MPY_AST_CTX_Store);
    }
    for (int i = doc ? 1 : 0; i < MPY_SEQ_LEN(body) && !c->err; i++) mpy_cc_compile_stmt(c, MPY_SEQ_GET(body, i));
    /* The class body returns the __class__ cell, or None:
     * __build_class__ (runtime/builtins_io.c) fills the cell with the new
     * class.  Unlike CPython the cell is not also stored as __classcell__
     * in the namespace, since type() here does not take it out again. */
    if (c->u->scope->needs_class_closure) {
        int k = mpy_cc_cell_index_of(c, "__class__");
        mpy_cc_emit(c, MPY_OP_LOAD_CLOSURE, (uint32_t)(k < 0 ? 0 : k));
    } else {
        mpy_cc_emit_none(c);
    }
    mpy_cc_emit(c, MPY_OP_RETURN_VALUE, 0);
    mpy_code *co = mpy_cc_leave_unit(c, name);
    c->u->loc = s->loc;
    mpy_cc_emit_make_function(c, co, 0);
    mpy_str *ns = mpy_cc_c_intern(c, name);
    if (!ns) return;
    mpy_cc_emit_load_const(c, mpy_from_obj(ns));
    mpy_cc_compile_call_args(c, s->v.ClassDef.bases, s->v.ClassDef.keywords, 2, s->loc);
    apply_decorators(c, decos);
    c->u->loc = s->loc;
    mpy_cc_compile_name(c, name, MPY_AST_CTX_Store);
}

/* --------------------------------------------------------------- main */

void mpy_cc_compile_stmt(compiler *c, const mpy_ast_stmt *s)
{
    if (c->err) return;
    unit *u = c->u;
    u->loc = s->loc;
    switch (s->kind) {
    case MPY_AST_STMT_FunctionDef: compile_funcdef(c, s); break;
    case MPY_AST_STMT_ClassDef: compile_classdef(c, s); break;
    case MPY_AST_STMT_Return: {
        if (u->scope->kind != MPY_SCOPE_FUNCTION) {
            mpy_cc_compile_fail_syntax(c, s->loc, "'return' outside function");
            return;
        }
        const mpy_ast_expr *v = s->v.Return.value;
        bool preserve = v && v->kind != MPY_AST_EXPR_Constant;
        if (preserve) mpy_cc_compile_expr(c, v);
        unwind_and_exit(c, EXIT_RETURN, preserve, s->loc, preserve ? NULL : v);
        break;
    }
    case MPY_AST_STMT_Delete:
        for (int i = 0; i < MPY_SEQ_LEN(s->v.Delete.targets); i++) mpy_cc_compile_delete(c, MPY_SEQ_GET(s->v.Delete.targets, i));
        break;
    case MPY_AST_STMT_Assign: compile_assign(c, s); break;
    case MPY_AST_STMT_AugAssign: compile_augassign(c, s); break;
    case MPY_AST_STMT_AnnAssign: compile_annassign(c, s); break;
    case MPY_AST_STMT_For: compile_for(c, s); break;
    case MPY_AST_STMT_While: compile_while(c, s); break;
    case MPY_AST_STMT_If: compile_if(c, s); break;
    case MPY_AST_STMT_With: compile_with(c, s, 0); break;
    case MPY_AST_STMT_Raise: {
        uint32_t n = 0;
        if (s->v.Raise.exc) {
            mpy_cc_compile_expr(c, s->v.Raise.exc);
            n = 1;
            if (s->v.Raise.cause) {
                mpy_cc_compile_expr(c, s->v.Raise.cause);
                n = 2;
            }
        }
        u->loc = s->loc;
        mpy_cc_emit(c, MPY_OP_RAISE_VARARGS, n);
        break;
    }
    case MPY_AST_STMT_Try:
        if (MPY_SEQ_LEN(s->v.Try.finalbody)) compile_try_finally(c, s);
        else compile_try_except(c, s);
        break;
    case MPY_AST_STMT_Assert: {
        int end = mpy_cc_new_label(c);
        mpy_cc_compile_jump_if(c, s->v.Assert.test, true, end);
        mpy_cc_emit(c, MPY_OP_LOAD_ASSERTION_ERROR, 0);
        if (s->v.Assert.msg) {
            mpy_cc_emit(c, MPY_OP_PUSH_NULL, 0);
            mpy_cc_compile_expr(c, s->v.Assert.msg);
            mpy_cc_emit(c, MPY_OP_CALL, 1);
        }
        mpy_cc_emit(c, MPY_OP_RAISE_VARARGS, 1);
        mpy_cc_bind_label(c, end);
        break;
    }
    case MPY_AST_STMT_Import: compile_import(c, s); break;
    case MPY_AST_STMT_ImportFrom: compile_import_from(c, s); break;
    case MPY_AST_STMT_Global:
    case MPY_AST_STMT_Nonlocal:
    case MPY_AST_STMT_Pass: break;
    case MPY_AST_STMT_Expr: {
        const mpy_ast_expr *v = s->v.Expr.value;
        if (c->interactive && u->scope->kind == MPY_SCOPE_MODULE) {
            mpy_cc_compile_expr(c, v);
            mpy_cc_emit(c, MPY_OP_PRINT_EXPR, 0);
        } else if (v->kind != MPY_AST_EXPR_Constant) {
            mpy_cc_compile_expr(c, v);
            mpy_cc_emit(c, MPY_OP_POP_TOP, 0);
        }
        break;
    }
    case MPY_AST_STMT_Break: unwind_and_exit(c, EXIT_BREAK, false, s->loc, NULL); break;
    case MPY_AST_STMT_Continue: unwind_and_exit(c, EXIT_CONTINUE, false, s->loc, NULL); break;
    default: break;
    }
}
