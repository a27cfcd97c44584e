/* The compiler's driver, emitter and assembler (compile_internal.h has the
 * model).  compile_expr.c and compile_stmt.c walk the tree; this file
 * owns the units, the instruction buffers, constants and names, and turns
 * a finished unit into a code object: jump resolution, the exception
 * table, the line table and the maximum stack depth.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vm/compile_internal.h"
#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/abstract.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* ------------------------------------------------------------ errors */

void mpy_cc_compile_fail_syntax(compiler *c, mpy_ast_loc loc, const char *fmt, ...)
{
    if (c->err != ERR_NONE) return;
    c->err = ERR_SYNTAX;
    mpy_syntax_error *e = c->synerr;
    memset(e, 0, sizeof *e);
    e->kind = MPY_SYNERR_SYNTAX;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->line = loc.line;
    e->offset = loc.col + 1;
    e->end_line = loc.end_line;
    e->end_offset = loc.end_col + 1;
}

void mpy_cc_compile_fail_nomem(compiler *c)
{
    if (c->err == ERR_NONE) {
        c->err = ERR_EXC;
        if (!mpy_err_occurred(c->vm)) mpy_err_nomem(c->vm);
    }
}

void *mpy_cc_c_alloc(compiler *c, size_t size)
{
    void *p = mpy_arena_alloc(&c->arena, size ? size : 1);
    if (!p) mpy_cc_compile_fail_nomem(c);
    return p;
}

/* Arena memory is zeroed (mpy_arena_alloc). */
static void *c_alloc_zero(compiler *c, size_t size) { return mpy_cc_c_alloc(c, size); }

/* Grows an arena array to hold one more element; false on failure. */
static bool grow(compiler *c, void **arr, int n, int *cap, size_t elem)
{
    if (n < *cap) return true;
    int ncap = *cap ? *cap * 2 : 16;
    void *p = mpy_cc_c_alloc(c, (size_t)ncap * elem);
    if (!p) return false;
    if (*arr) memcpy(p, *arr, (size_t)n * elem);
    *arr = p;
    *cap = ncap;
    return true;
}

const char *mpy_cc_mangle(compiler *c, const char *name)
{
    const char *m = mpy_mangle(&c->arena, c->u->scope->private_name, name);
    if (!m) {
        mpy_cc_compile_fail_nomem(c);
        return name;
    }
    return m;
}

mpy_str *mpy_cc_c_intern(compiler *c, const char *s)
{
    mpy_str *r = mpy_str_intern_cstr(c->vm, s);
    if (!r) mpy_cc_compile_fail_nomem(c);
    return r;
}

/* ---------------------------------------------------------- emission */

void mpy_cc_emit(compiler *c, mpy_opcode op, uint32_t arg)
{
    unit *u = c->u;
    if (u->ncode >= u->capcode) {
        int ncap = u->capcode ? u->capcode * 2 : 64;
        uint32_t *code = mpy_cc_c_alloc(c, (size_t)ncap * sizeof *code);
        mpy_ast_loc *lines = mpy_cc_c_alloc(c, (size_t)ncap * sizeof *lines);
        int *hs = mpy_cc_c_alloc(c, (size_t)ncap * sizeof *hs);
        if (!code || !lines || !hs) return;
        if (u->ncode) {
            memcpy(code, u->code, (size_t)u->ncode * sizeof *code);
            memcpy(lines, u->lines, (size_t)u->ncode * sizeof *lines);
            memcpy(hs, u->handler_of, (size_t)u->ncode * sizeof *hs);
        }
        u->code = code;
        u->lines = lines;
        u->handler_of = hs;
        u->capcode = ncap;
    }
    if (arg > MPY_INS_ARG_MAX) {
        mpy_cc_compile_fail_syntax(c, (mpy_ast_loc){u->loc.line, 0, u->loc.line, 0}, "too many constants or names");
        return;
    }
    u->code[u->ncode] = MPY_INS(op, arg);
    u->lines[u->ncode] = u->loc;
    u->handler_of[u->ncode] = u->cur_handler;
    u->ncode++;
}

int mpy_cc_new_label(compiler *c)
{
    unit *u = c->u;
    if (!grow(c, (void **)&u->labels, u->nlabels, &u->caplabels, sizeof *u->labels)) return 0;
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

void mpy_cc_bind_label(compiler *c, int label)
{
    if (c->err) return;
    c->u->labels[label] = c->u->ncode;
    c->u->last_bound = c->u->ncode;
}

void mpy_cc_emit_jump(compiler *c, mpy_opcode op, int label) { mpy_cc_emit(c, op, (uint32_t)label); }

bool mpy_cc_last_is_terminator(compiler *c)
{
    unit *u = c->u;
    if (!u->ncode) return false;
    /* a label bound here makes the position reachable */
    if (u->last_bound == u->ncode) return false;
    uint32_t op = MPY_INS_OP(u->code[u->ncode - 1]);
    return op == MPY_OP_RETURN_VALUE || op == MPY_OP_JUMP || op == MPY_OP_RERAISE || op == MPY_OP_RAISE_VARARGS;
}

int mpy_cc_push_handler(compiler *c, int label, int depth, bool lasti)
{
    unit *u = c->u;
    if (!grow(c, (void **)&u->handlers, u->nhandlers, &u->caphandlers, sizeof *u->handlers)) return -1;
    u->handlers[u->nhandlers] = (handler){label, depth, lasti};
    return u->nhandlers++;
}

void mpy_cc_set_handler(compiler *c, int h) { c->u->cur_handler = h; }

/* Constants are shared within a code object when they are the same
 * value of the same type (0.0 and -0.0 differ, 1 and True differ). */
static bool same_const(mpy_vm *vm, mpy_value a, mpy_value b)
{
    if (a.tag != b.tag) return false;
    switch (a.tag) {
    case MPY_TAG_NONE: return true;
    case MPY_TAG_BOOL:
    case MPY_TAG_INT: return a.u.i == b.u.i;
    case MPY_TAG_FLOAT: return memcmp(&a.u.f, &b.u.f, sizeof(double)) == 0;
    case MPY_TAG_OBJ:
        if (a.u.o == b.u.o) return true;
        if (a.u.o->type == vm->types[MPY_TYPE_STR] && b.u.o->type == vm->types[MPY_TYPE_STR])
            return mpy_str_eq(mpy_as_str(a), mpy_as_str(b));
        return false;
    default: return false;
    }
}

/* Constants and names are found again through small hash tables of
 * indexes (slot: index + 1), so big modules compile in linear time.  The
 * key is the value's bits: strs are interned and other objects compare by
 * identity, so equal bits mean the same constant (see same_const). */
static uint32_t value_hash(mpy_value v)
{
    uint64_t x = (uint64_t)v.u.i * 0x9E3779B97F4A7C15ull ^ ((uint64_t)v.tag << 56);
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ull;
    return (uint32_t)(x ^ (x >> 32));
}

/* Finds v in arr[0..n) through the table, or returns -1 and the free slot. */
static int table_find(compiler *c, int *tab, int cap, const mpy_value *arr, mpy_value v, int *slot)
{
    uint32_t mask = (uint32_t)cap - 1, i = value_hash(v) & mask;
    for (;;) {
        int k = tab[i];
        if (!k) {
            *slot = (int)i;
            return -1;
        }
        if (same_const(c->vm, arr[k - 1], v)) return k - 1;
        i = (i + 1) & mask;
    }
}

/* Adds v to the array and its table (growing both); its index. */
static int table_add(compiler *c, int **tab, int *cap, mpy_value **arr, int *n, int *arrcap, mpy_value v)
{
    int slot;
    if (*cap) {
        int k = table_find(c, *tab, *cap, *arr, v, &slot);
        if (k >= 0) return k;
    }
    if (!grow(c, (void **)arr, *n, arrcap, sizeof **arr)) return 0;
    (*arr)[*n] = v;
    int idx = (*n)++;
    if (2 * *n > *cap) {
        int ncap = *cap ? *cap * 2 : 32;
        int *nt = c_alloc_zero(c, (size_t)ncap * sizeof *nt);
        if (!nt) return idx;
        *tab = nt;
        *cap = ncap;
        for (int k = 0; k < *n; k++) {
            table_find(c, nt, ncap, *arr, (*arr)[k], &slot);
            nt[slot] = k + 1;
        }
    } else {
        table_find(c, *tab, *cap, *arr, v, &slot);
        (*tab)[slot] = idx + 1;
    }
    return idx;
}

int mpy_cc_add_const(compiler *c, mpy_value v)
{
    unit *u = c->u;
    return table_add(c, &u->const_tab, &u->const_tabcap, &u->consts, &u->nconsts, &u->capconsts, v);
}

int mpy_cc_add_name(compiler *c, const char *name)
{
    mpy_str *s = mpy_cc_c_intern(c, name);
    if (!s) return 0;
    unit *u = c->u;
    return table_add(c, &u->name_tab, &u->name_tabcap, &u->name_vals, &u->nnames, &u->capnames, mpy_from_obj(s));
}

void mpy_cc_emit_load_const(compiler *c, mpy_value v) { mpy_cc_emit(c, MPY_OP_LOAD_CONST, (uint32_t)mpy_cc_add_const(c, v)); }

void mpy_cc_emit_none(compiler *c) { mpy_cc_emit_load_const(c, MPY_NONE); }

mpy_value mpy_cc_const_value(compiler *c, const mpy_ast_const *k)
{
    mpy_vm *vm = c->vm;
    mpy_value v = MPY_NULL;
    switch (k->kind) {
    case MPY_CONST_NONE: return MPY_NONE;
    case MPY_CONST_TRUE: return mpy_from_bool(true);
    case MPY_CONST_FALSE: return mpy_from_bool(false);
    case MPY_CONST_ELLIPSIS: return mpy_from_obj(vm->ellipsis);
    case MPY_CONST_INT:
        if (!k->big) return mpy_from_int(k->ival);
        v = mpy_int_from_digits(vm, k->str, k->len, k->base);
        break;
    case MPY_CONST_FLOAT: return mpy_from_float(k->fval);
    case MPY_CONST_IMAG:
        if (c->err == ERR_NONE) {
            c->err = ERR_EXC;
            mpy_err_msg(vm, MPY_EXC_NotImplementedError, "complex numbers are not supported");
        }
        return MPY_NONE;
    case MPY_CONST_STR: {
        mpy_str *s = mpy_str_intern(vm, k->str, k->len);
        if (s) v = mpy_from_obj(s);
        break;
    }
    case MPY_CONST_BYTES: {
        mpy_bytes *b = mpy_bytes_new(vm, k->str, k->len);
        if (b) v = mpy_from_obj(b);
        break;
    }
    }
    if (mpy_is_null(v)) {
        mpy_cc_compile_fail_nomem(c);
        return MPY_NONE;
    }
    return v;
}

/* ------------------------------------------------------------- units */

bool mpy_cc_enter_unit(compiler *c, const void *node, const char *name, int firstlineno)
{
    unit *u = mpy_cc_c_alloc(c, sizeof *u);
    if (!u) return false;
    u->parent = c->u;
    u->scope = c->u ? mpy_scope_child(c->u->scope, node) : c->st->top;
    if (!u->scope) {
        if (c->err == ERR_NONE) {
            c->err = ERR_EXC;
            mpy_err_msg(c->vm, MPY_EXC_SystemError, "compiler: no scope for a nested block");
        }
        return false;
    }
    u->qualname = c->u ? mpy_cc_child_qualname(c, name) : name;
    u->firstlineno = firstlineno;
    u->loc = (mpy_ast_loc){firstlineno, -1, firstlineno, -1};
    u->cur_handler = -1;
    u->last_bound = -1;
    c->u = u;
    return true;
}

const char *mpy_cc_child_qualname(compiler *c, const char *name)
{
    unit *u = c->u;
    if (u->scope->kind == MPY_SCOPE_MODULE) return name;
    mpy_symbol *sym = mpy_scope_lookup(u->scope, mpy_cc_mangle(c, name));
    if (sym && sym->kind == MPY_SYM_GLOBAL_EXPLICIT) return name;
    const char *sep = u->scope->kind == MPY_SCOPE_FUNCTION ? ".<locals>." : ".";
    size_t n = strlen(u->qualname) + strlen(sep) + strlen(name) + 1;
    char *q = mpy_cc_c_alloc(c, n);
    if (!q) return name;
    snprintf(q, n, "%s%s%s", u->qualname, sep, name);
    return q;
}

/* --- assembly --- */

#define OPK_NONE 0
#define OPK_CONST 1
#define OPK_NAME 2
#define OPK_LOCAL 3
#define OPK_CELL 4
#define OPK_JUMP 5
#define OPK_COUNT 6
#define OPK_OTHER 7
static const unsigned char operand_kind[] = {
#define X(name, effect, kind) OPK_##kind,
    MPY_OPCODES(X)
#undef X
};
static const int fixed_effect[] = {
#define X(name, effect, kind) effect,
    MPY_OPCODES(X)
#undef X
};

/* Stack effect of one instruction, on the jump edge when `jump`. */
static int stack_effect(uint32_t op, uint32_t arg, bool jump)
{
    int n = (int)arg;
    switch (op) {
    case MPY_OP_BUILD_SLICE: return 1 - n;
    case MPY_OP_JUMP_IF_FALSE_OR_POP:
    case MPY_OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case MPY_OP_FOR_ITER: return jump ? -1 : 1;
    case MPY_OP_BUILD_TUPLE:
    case MPY_OP_BUILD_LIST:
    case MPY_OP_BUILD_SET:
    case MPY_OP_BUILD_STRING: return 1 - n;
    case MPY_OP_BUILD_MAP: return 1 - 2 * n;
    case MPY_OP_UNPACK_SEQUENCE: return n - 1;
    case MPY_OP_UNPACK_EX: return (n & 0xfff) + (n >> 12);
    case MPY_OP_FORMAT_VALUE: return (n & 4) ? -1 : 0;
    case MPY_OP_CALL: return -(n + 1);
    case MPY_OP_CALL_KW: return -(n + 2);
    case MPY_OP_CALL_EX: return -(2 + (n & 1));
    case MPY_OP_MAKE_FUNCTION: return -((n & 1) + ((n >> 1) & 1) + ((n >> 2) & 1) + ((n >> 3) & 1));
    case MPY_OP_RAISE_VARARGS: return -n;
    default: return fixed_effect[op];
    }
}

static bool is_terminator(uint32_t op)
{
    return op == MPY_OP_JUMP || op == MPY_OP_RETURN_VALUE || op == MPY_OP_RAISE_VARARGS || op == MPY_OP_RERAISE;
}

/* Maximum stack depth by a walk of every path (handlers included). */
static int max_depth(compiler *c, const uint32_t *code, int n, const mpy_exc_entry *ex, int nex)
{
    int *depth = mpy_cc_c_alloc(c, (size_t)(n + 1) * sizeof *depth);
    int *work = mpy_cc_c_alloc(c, (size_t)(2 * (n + nex) + 2) * sizeof *work);
    if (!depth || !work) return 0;
    for (int i = 0; i < n; i++) depth[i] = -1;
    int nw = 0, maxd = 0;
    work[nw++] = 0;
    work[nw++] = 0;
    for (int i = 0; i < nex; i++) {
        work[nw++] = (int)ex[i].target;
        work[nw++] = ex[i].depth + ex[i].lasti + 1;
    }
    while (nw) {
        int d = work[--nw], pc = work[--nw];
        while (pc < n && depth[pc] < 0) {
            depth[pc] = d;
            uint32_t op = MPY_INS_OP(code[pc]), arg = MPY_INS_ARG(code[pc]);
            /* CALL_EX briefly holds one value more than it starts with */
            if (d + (op == MPY_OP_CALL_EX ? 1 : 0) > maxd) maxd = d + (op == MPY_OP_CALL_EX ? 1 : 0);
            if (operand_kind[op] == OPK_JUMP) {
                int td = d + stack_effect(op, arg, true);
                if (td > maxd) maxd = td;
                if (depth[arg] < 0 && nw + 2 <= 2 * (n + nex) + 2) {
                    work[nw++] = (int)arg;
                    work[nw++] = td;
                }
            }
            if (is_terminator(op)) break;
            d += stack_effect(op, arg, false);
            if (d > maxd) maxd = d;
            pc++;
        }
    }
    return maxd;
}

static void *copy_out(compiler *c, const void *src, size_t bytes)
{
    if (!bytes) return NULL;
    void *p = mpy_mem_realloc(c->vm, NULL, 0, bytes);
    if (!p) {
        c->err = ERR_EXC;
        return NULL;
    }
    memcpy(p, src, bytes);
    return p;
}

static mpy_str **intern_list(compiler *c, const char **names, int n)
{
    if (!n) return NULL;
    mpy_str **out = mpy_cc_c_alloc(c, (size_t)n * sizeof *out);
    if (!out) return NULL;
    for (int i = 0; i < n; i++) {
        out[i] = mpy_cc_c_intern(c, names[i]);
        if (!out[i]) return NULL;
    }
    return out;
}

/* The fused instruction for code[i] and code[i + 1] (opcodes.h), or 0. */
static uint32_t fused(uint32_t first, uint32_t second)
{
    uint32_t a = MPY_INS_ARG(first), b = MPY_INS_ARG(second), op;
    switch (MPY_INS_OP(first) << 8 | MPY_INS_OP(second)) {
    case MPY_OP_LOAD_FAST << 8 | MPY_OP_LOAD_FAST: op = MPY_OP_LOAD_FAST_LOAD_FAST; break;
    case MPY_OP_LOAD_FAST << 8 | MPY_OP_LOAD_CONST: op = MPY_OP_LOAD_FAST_LOAD_CONST; break;
    case MPY_OP_STORE_FAST << 8 | MPY_OP_LOAD_FAST: op = MPY_OP_STORE_FAST_LOAD_FAST; break;
    default: return 0;
    }
    if (a > MPY_FUSE_MAX || b > MPY_FUSE_MAX) return 0;
    return MPY_INS(op, a | b << MPY_FUSE_SHIFT);
}

/* BINARY_OP for the frequent operators, picked by opcode (opcodes.h). */
static uint32_t specialised(uint32_t ins)
{
    if (MPY_INS_OP(ins) != MPY_OP_BINARY_OP) return ins;
    switch (MPY_INS_ARG(ins) % MPY_BINOP_INPLACE) {
    case MPY_BINOP_ADD: return MPY_INS(MPY_OP_BINARY_ADD, MPY_INS_ARG(ins));
    case MPY_BINOP_SUB: return MPY_INS(MPY_OP_BINARY_SUB, MPY_INS_ARG(ins));
    case MPY_BINOP_MUL: return MPY_INS(MPY_OP_BINARY_MUL, MPY_INS_ARG(ins));
    default: return ins;
    }
}

/* The last pass: fuses the frequent pairs and specialises BINARY_OP.  Each
 * word is tested as it was compiled (word i + 1 is rewritten only after
 * word i has looked at it). */
static void fuse_pairs(uint32_t *code, int n)
{
    for (int i = 0; i < n; i++) {
        uint32_t f = i + 1 < n ? fused(code[i], code[i + 1]) : 0;
        code[i] = f ? f : specialised(code[i]);
    }
}

mpy_code *mpy_cc_leave_unit(compiler *c, const char *name)
{
    unit *u = c->u;
    mpy_scope *s = u->scope;
    c->u = u->parent;
    if (c->err) return NULL;
    mpy_vm *vm = c->vm;
    /* resolve jumps */
    for (int i = 0; i < u->ncode; i++) {
        uint32_t op = MPY_INS_OP(u->code[i]);
        if (operand_kind[op] == OPK_JUMP) {
            int target = u->labels[MPY_INS_ARG(u->code[i])];
            if (target < 0) {
                c->err = ERR_EXC;
                mpy_err_msg(vm, MPY_EXC_SystemError, "compiler: unbound label");
                return NULL;
            }
            u->code[i] = MPY_INS(op, (uint32_t)target);
        }
    }
    /* Jump threading: a jump to an unconditional JUMP goes straight to
     * its target (the loop back edge after an `if` in a loop body).  Not
     * for FOR_ITER and JUMP_IF_*_OR_POP, whose jumps are not safe points:
     * a backward one could make a loop without one. */
    for (int i = 0; i < u->ncode; i++) {
        uint32_t op = MPY_INS_OP(u->code[i]);
        if (op != MPY_OP_JUMP && op != MPY_OP_POP_JUMP_IF_FALSE && op != MPY_OP_POP_JUMP_IF_TRUE &&
            op != MPY_OP_POP_JUMP_IF_NONE && op != MPY_OP_POP_JUMP_IF_NOT_NONE)
            continue;
        uint32_t t = MPY_INS_ARG(u->code[i]);
        for (int hops = 0; hops < 8 && t < (uint32_t)u->ncode && MPY_INS_OP(u->code[t]) == MPY_OP_JUMP; hops++)
            t = MPY_INS_ARG(u->code[t]);
        u->code[i] = MPY_INS(op, t);
    }
    /* exception table: runs of instructions with the same handler */
    mpy_exc_entry *ex = mpy_cc_c_alloc(c, (size_t)(u->ncode + 1) * sizeof *ex);
    mpy_packed_pos *ln = mpy_cc_c_alloc(c, (size_t)(u->ncode + 1) * sizeof *ln);
    if (!ex || !ln) return NULL;
    int nex = 0, nln = 0;
    for (int i = 0; i < u->ncode;) {
        int h = u->handler_of[i], j = i;
        while (j < u->ncode && u->handler_of[j] == h) j++;
        if (h >= 0) {
            handler *hd = &u->handlers[h];
            ex[nex++] = (mpy_exc_entry){(uint32_t)i, (uint32_t)j, (uint32_t)u->labels[hd->label], (uint16_t)hd->depth,
                                        hd->lasti};
        }
        i = j;
    }
    for (int i = 0; i < u->ncode; i++) {
        const mpy_ast_loc *p = &u->lines[i], *q = &u->lines[i ? i - 1 : 0];
        if (i == 0 || p->line != q->line || p->col != q->col || p->end_line != q->end_line || p->end_col != q->end_col)
            ln[nln++] = mpy_pos_pack(&(mpy_line_entry){(uint32_t)i, p->line, p->end_line, p->col, p->end_col});
    }
    int stacksize = max_depth(c, u->code, u->ncode, ex, nex);
    if (c->err) return NULL;
    fuse_pairs(u->code, u->ncode);

    mpy_code *co = mpy_code_new(vm);
    if (!co) {
        c->err = ERR_EXC;
        return NULL;
    }
    co->name = mpy_cc_c_intern(c, name);
    co->qualname = mpy_cc_c_intern(c, u->qualname);
    co->filename = c->filename;
    co->firstlineno = u->firstlineno;
    co->stacksize = (uint32_t)stacksize;
    bool func = s->kind == MPY_SCOPE_FUNCTION;
    co->flags = func ? MPY_CO_OPTIMIZED | MPY_CO_NEWLOCALS : 0;
    if (s->varargs) co->flags |= MPY_CO_VARARGS;
    if (s->varkeywords) co->flags |= MPY_CO_VARKEYWORDS;
    if (s->nested) co->flags |= MPY_CO_NESTED;
    if (s->generator) co->flags |= MPY_CO_GENERATOR;
    if (!s->ncells && !s->nfree) co->flags |= MPY_CO_NOFREE;
    co->argcount = (uint32_t)s->argcount;
    co->posonlyargcount = (uint32_t)s->posonlyargcount;
    co->kwonlyargcount = (uint32_t)s->kwonlyargcount;
    mpy_str **varnames = func ? intern_list(c, s->varnames, s->nvarnames) : NULL;
    mpy_str **cellvars = intern_list(c, s->cellvars, s->ncells);
    mpy_str **freevars = intern_list(c, s->freevars, s->nfree);
    if (c->err) return NULL;
    int nparams = s->argcount + s->kwonlyargcount + s->varargs + s->varkeywords;
    int32_t *cell2arg = mpy_cc_c_alloc(c, (size_t)(s->ncells + 1) * sizeof *cell2arg);
    if (!cell2arg) return NULL;
    bool any_cellarg = false;
    for (int i = 0; i < s->ncells; i++) {
        cell2arg[i] = -1;
        for (int k = 0; func && k < nparams; k++)
            if (varnames[k] == cellvars[i]) {
                cell2arg[i] = k;
                any_cellarg = true;
            }
    }
    /* Fill the code object; on failure the finalizer frees what is set
     * (the counts are set together with their arrays). */
    if (u->ncode) {
        co->code = copy_out(c, u->code, (size_t)u->ncode * sizeof *co->code);
        if (co->code) co->ncode = (uint32_t)u->ncode;
    }
    co->consts = copy_out(c, u->consts, (size_t)u->nconsts * sizeof *co->consts);
    if (co->consts) co->nconsts = (uint32_t)u->nconsts;
    if (u->nnames) {
        mpy_str **names = mpy_cc_c_alloc(c, (size_t)u->nnames * sizeof *names);
        if (!names) return NULL;
        for (int i = 0; i < u->nnames; i++) names[i] = mpy_as_str(u->name_vals[i]);
        co->names = copy_out(c, names, (size_t)u->nnames * sizeof *co->names);
        if (co->names) co->nnames = (uint32_t)u->nnames;
    }
    if (func) {
        co->varnames = copy_out(c, varnames, (size_t)s->nvarnames * sizeof *co->varnames);
        if (co->varnames) co->nlocals = (uint32_t)s->nvarnames;
    }
    co->cellvars = copy_out(c, cellvars, (size_t)s->ncells * sizeof *co->cellvars);
    if (co->cellvars) co->ncells = (uint32_t)s->ncells;
    co->freevars = copy_out(c, freevars, (size_t)s->nfree * sizeof *co->freevars);
    if (co->freevars) co->nfree = (uint32_t)s->nfree;
    if (any_cellarg && co->ncells == (uint32_t)s->ncells)
        co->cell2arg = copy_out(c, cell2arg, (size_t)s->ncells * sizeof *co->cell2arg);
    co->exctable = copy_out(c, ex, (size_t)nex * sizeof *ex);
    if (co->exctable) co->nexc = (uint32_t)nex;
    co->lines = copy_out(c, ln, (size_t)nln * sizeof *ln);
    if (co->lines) co->nlines = (uint32_t)nln;
    if (c->err) return NULL;
    return co;
}

/* Index of a cell or free variable of the current unit (LOAD_DEREF's
 * numbering), -1 if absent. */
static int cell_index(compiler *c, const char *name)
{
    mpy_scope *s = c->u->scope;
    for (int i = 0; i < s->ncells; i++)
        if (strcmp(s->cellvars[i], name) == 0) return i;
    for (int i = 0; i < s->nfree; i++)
        if (strcmp(s->freevars[i], name) == 0) return s->ncells + i;
    return -1;
}

void mpy_cc_compile_closure(compiler *c, mpy_code *co, uint32_t *flags)
{
    if (!co || !co->nfree) return;
    for (uint32_t i = 0; i < co->nfree; i++) {
        int k = cell_index(c, co->freevars[i]->data);
        if (k < 0) {
            if (c->err == ERR_NONE) {
                c->err = ERR_EXC;
                mpy_err_fmt(c->vm, MPY_EXC_SystemError, "compiler: no cell for free variable '%s'",
                            co->freevars[i]->data);
            }
            return;
        }
        mpy_cc_emit(c, MPY_OP_LOAD_CLOSURE, (uint32_t)k);
    }
    mpy_cc_emit(c, MPY_OP_BUILD_TUPLE, co->nfree);
    *flags |= 8;
}

void mpy_cc_emit_make_function(compiler *c, mpy_code *co, uint32_t flags)
{
    if (!co) return;
    mpy_cc_compile_closure(c, co, &flags);
    mpy_cc_emit_load_const(c, mpy_from_obj(co));
    mpy_cc_emit(c, MPY_OP_MAKE_FUNCTION, flags);
}

int mpy_cc_cell_index_of(compiler *c, const char *name) { return cell_index(c, name); }

/* -------------------------------------------------------------- entry */

mpy_code *mpy_compile(mpy_vm *vm, const mpy_ast_mod *mod, const char *filename, mpy_parse_mode mode,
                      mpy_syntax_error *err, bool *is_syntax)
{
    compiler cc;
    compiler *c = &cc;
    memset(c, 0, sizeof *c);
    c->vm = vm;
    c->mode = mode;
    c->synerr = err;
    *is_syntax = false;
    mpy_arena_init(&c->arena, vm->config.realloc, vm->config.user_data);
    mpy_code *co = NULL;
    bool nomem = false;
    c->st = mpy_symtable_build(&c->arena, mod, err, &nomem);
    if (!c->st) {
        if (nomem) mpy_err_nomem(vm);
        else *is_syntax = true;
        goto done;
    }
    c->filename = mpy_str_intern_cstr(vm, filename ? filename : "<string>");
    if (!c->filename) goto done;
    int first = 1;
    if (mod->kind != MPY_AST_EXPRESSION && MPY_SEQ_LEN(mod->body))
        first = ((mpy_ast_stmt *)MPY_SEQ_GET(mod->body, 0))->loc.line;
    else if (mod->kind == MPY_AST_EXPRESSION)
        first = mod->expr->loc.line;
    if (!mpy_cc_enter_unit(c, mod, "<module>", first)) goto done;
    if (mod->kind == MPY_AST_EXPRESSION) {
        mpy_cc_compile_expr(c, mod->expr);
        mpy_cc_emit(c, MPY_OP_RETURN_VALUE, 0);
    } else {
        c->interactive = mod->kind == MPY_AST_INTERACTIVE;
        const mpy_ast_expr *doc = c->interactive ? NULL : mpy_cc_docstring_of(mod->body);
        int start = 0;
        if (mpy_cc_find_annotations(mod->body)) mpy_cc_emit(c, MPY_OP_SETUP_ANNOTATIONS, 0);
        if (doc) {
            c->u->loc = doc->loc;
            mpy_cc_compile_expr(c, doc);
            mpy_cc_compile_name(c, "__doc__", MPY_AST_CTX_Store);
            start = 1;
        }
        for (int i = start; i < MPY_SEQ_LEN(mod->body) && !c->err; i++) mpy_cc_compile_stmt(c, MPY_SEQ_GET(mod->body, i));
        mpy_cc_emit_none(c);
        mpy_cc_emit(c, MPY_OP_RETURN_VALUE, 0);
    }
    co = mpy_cc_leave_unit(c, "<module>");
done:
    if (!co) {
        if (c->err == ERR_SYNTAX) *is_syntax = true;
        else if (!*is_syntax && !mpy_err_occurred(vm)) mpy_err_nomem(vm);
    }
    mpy_arena_free(&c->arena);
    return co;
}
