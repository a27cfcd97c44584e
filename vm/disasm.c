/* The disassembler; vm/disasm.h documents the format. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "vm/disasm.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/str.h"

static const char *const op_names[] = {
#define X(name, effect, kind) #name,
    MPY_OPCODES(X)
#undef X
};

enum { K_NONE, K_CONST, K_NAME, K_LOCAL, K_CELL, K_JUMP, K_COUNT, K_OTHER };
static const unsigned char op_kinds[] = {
#define X(name, effect, kind) K_##kind,
    MPY_OPCODES(X)
#undef X
};

static const char *const binop_syms[] = {
#define X(n, sym, d, r, i) sym,
    MPY_BINOPS(X)
#undef X
};

const char *mpy_opcode_name(unsigned op) { return op < MPY_OP_COUNT ? op_names[op] : "?"; }

typedef struct out {
    void (*emit)(void *ud, const char *text, size_t len);
    void *ud;
} out;

static void put(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(out *o, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    o->emit(o->ud, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static bool is_code(mpy_vm *vm, mpy_value v)
{
    return v.tag == MPY_TAG_OBJ && v.u.o->type == vm->types[MPY_TYPE_CODE];
}

/* The repr of a constant into buf (cut to fit). */
static bool const_text(mpy_vm *vm, mpy_value v, char *buf, size_t cap)
{
    if (is_code(vm, v)) {
        mpy_code *co = (mpy_code *)v.u.o;
        snprintf(buf, cap, "<code %s, line %d>", co->qualname->data, co->firstlineno);
        return true;
    }
    mpy_value r = mpy_repr(vm, v);
    if (mpy_is_null(r)) {
        mpy_err_clear(vm);
        snprintf(buf, cap, "<%s>", mpy_tname(vm, v));
        return true;
    }
    mpy_str *s = mpy_as_str(r);
    size_t n = s->len < cap - 1 ? s->len : cap - 1;
    if (n < s->len && n > 3) {
        memcpy(buf, s->data, n - 3);
        memcpy(buf + n - 3, "...", 3);
    } else {
        memcpy(buf, s->data, n);
    }
    buf[n] = 0;
    return true;
}

static void names_line(out *o, const char *label, mpy_str **names, uint32_t n)
{
    if (!n) return;
    put(o, "  %s:", label);
    for (uint32_t i = 0; i < n; i++) put(o, "%s %s", i ? "," : "", names[i]->data);
    put(o, "\n");
}

static void flags_text(uint32_t f, char *buf, size_t cap)
{
    static const char *const names[] = {"OPTIMIZED", "NEWLOCALS", "VARARGS", "VARKEYWORDS", "NESTED", "GENERATOR", "NOFREE"};
    size_t w = 0;
    buf[0] = 0;
    for (int i = 0; i < 7; i++)
        if (f & (1u << i)) w += (size_t)snprintf(buf + w, cap - w, "%s%s", w ? ", " : "", names[i]);
}

static void operand_text(mpy_vm *vm, mpy_code *co, uint32_t op, uint32_t arg, char *buf, size_t cap)
{
    buf[0] = 0;
    switch (op_kinds[op]) {
    case K_CONST:
        if (arg < co->nconsts) const_text(vm, co->consts[arg], buf, cap);
        break;
    case K_NAME:
        if (arg < co->nnames) snprintf(buf, cap, "%s", co->names[arg]->data);
        break;
    case K_LOCAL:
        if (arg < co->nlocals) snprintf(buf, cap, "%s", co->varnames[arg]->data);
        break;
    case K_CELL:
        if (arg < co->ncells) snprintf(buf, cap, "%s", co->cellvars[arg]->data);
        else if (arg - co->ncells < co->nfree) snprintf(buf, cap, "%s", co->freevars[arg - co->ncells]->data);
        break;
    case K_JUMP: snprintf(buf, cap, "to %u", arg); break;
    case K_OTHER:
        switch (op) {
        case MPY_OP_BINARY_OP:
            if (arg < MPY_BINOP_COUNT) snprintf(buf, cap, "%s", binop_syms[arg]);
            else if (arg < 2 * MPY_BINOP_COUNT) snprintf(buf, cap, "%s=", binop_syms[arg - MPY_BINOP_COUNT]);
            break;
        case MPY_OP_COMPARE_OP: {
            static const char *const cmp[] = {"<", "<=", "==", "!=", ">", ">="};
            if (arg < 6) snprintf(buf, cap, "%s", cmp[arg]);
            break;
        }
        case MPY_OP_IS_OP: snprintf(buf, cap, "%s", arg ? "is not" : "is"); break;
        case MPY_OP_CONTAINS_OP: snprintf(buf, cap, "%s", arg ? "not in" : "in"); break;
        case MPY_OP_UNPACK_EX: snprintf(buf, cap, "%u before, %u after", arg & 0xfff, arg >> 12); break;
        case MPY_OP_FORMAT_VALUE: {
            static const char *const conv[] = {"", "str", "repr", "ascii"};
            snprintf(buf, cap, "%s%s%s", conv[arg & 3], (arg & 3) && (arg & 4) ? ", " : "", (arg & 4) ? "with format" : "");
            break;
        }
        case MPY_OP_MAKE_FUNCTION: {
            static const char *const parts[] = {"defaults", "kwdefaults", "annotations", "closure"};
            size_t w = 0;
            for (int i = 0; i < 4; i++)
                if (arg & (1u << i)) w += (size_t)snprintf(buf + w, cap - w, "%s%s", w ? ", " : "", parts[i]);
            break;
        }
        case MPY_OP_CALL_EX:
            if (arg & 1) snprintf(buf, cap, "kwargs");
            break;
        default: break;
        }
        break;
    default: break;
    }
}

static bool disasm_one(mpy_vm *vm, mpy_code *co, out *o)
{
    char flags[128], meaning[200];
    flags_text(co->flags, flags, sizeof flags);
    put(o, "Disassembly of %s (file \"%s\", line %d):\n", co->qualname->data, co->filename->data, co->firstlineno);
    put(o, "  args %u, posonly %u, kwonly %u, locals %u, stack %u, flags 0x%x (%s)\n", co->argcount,
        co->posonlyargcount, co->kwonlyargcount, co->nlocals, co->stacksize, co->flags, flags);
    names_line(o, "varnames", co->varnames, co->nlocals);
    names_line(o, "cellvars", co->cellvars, co->ncells);
    names_line(o, "freevars", co->freevars, co->nfree);
    int prev_line = -2;
    for (uint32_t pc = 0; pc < co->ncode; pc++) {
        uint32_t ins = co->code[pc], op = MPY_INS_OP(ins), arg = MPY_INS_ARG(ins);
        /* a fused pair shows as its first instruction (opcodes.h) */
        if (op == MPY_OP_LOAD_FAST_LOAD_FAST || op == MPY_OP_LOAD_FAST_LOAD_CONST) op = MPY_OP_LOAD_FAST;
        else if (op == MPY_OP_STORE_FAST_LOAD_FAST) op = MPY_OP_STORE_FAST;
        else if (op == MPY_OP_BINARY_ADD || op == MPY_OP_BINARY_SUB || op == MPY_OP_BINARY_MUL) op = MPY_OP_BINARY_OP;
        if (op != MPY_INS_OP(ins)) arg &= MPY_FUSE_MAX;
        int line = mpy_code_line(co, pc);
        char lbuf[16] = "";
        if (line != prev_line) snprintf(lbuf, sizeof lbuf, "%d", line);
        prev_line = line;
        if (op >= MPY_OP_COUNT) {
            put(o, "%5s %5u ??? %u\n", lbuf, pc, ins);
            continue;
        }
        operand_text(vm, co, op, arg, meaning, sizeof meaning);
        if (op_kinds[op] == K_NONE)
            put(o, "%5s %5u %s\n", lbuf, pc, op_names[op]);
        else if (meaning[0])
            put(o, "%5s %5u %-20s %5u (%s)\n", lbuf, pc, op_names[op], arg, meaning);
        else
            put(o, "%5s %5u %-20s %5u\n", lbuf, pc, op_names[op], arg);
    }
    if (co->nexc) {
        put(o, "  exception table:\n");
        for (uint32_t i = 0; i < co->nexc; i++) {
            mpy_exc_entry *e = &co->exctable[i];
            put(o, "    %u to %u -> %u [depth %u]%s\n", e->start, e->end, e->target, e->depth, e->lasti ? " lasti" : "");
        }
    }
    for (uint32_t i = 0; i < co->nconsts; i++) {
        if (!is_code(vm, co->consts[i])) continue;
        put(o, "\n");
        if (!disasm_one(vm, (mpy_code *)co->consts[i].u.o, o)) return false;
    }
    return true;
}

bool mpy_disasm_write(mpy_vm *vm, mpy_code *co, void (*emit)(void *ud, const char *text, size_t len), void *ud)
{
    out o = {emit, ud};
    return disasm_one(vm, co, &o);
}

typedef struct buffer {
    mpy_vm *vm;
    char *data;
    size_t len, cap;
    bool failed;
} buffer;

static void buf_emit(void *ud, const char *text, size_t len)
{
    buffer *b = ud;
    if (b->failed) return;
    if (b->len + len + 1 > b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 1024;
        while (ncap < b->len + len + 1) ncap *= 2;
        char *p = mpy_mem_realloc(b->vm, b->data, b->cap, ncap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->data = p;
        b->cap = ncap;
    }
    memcpy(b->data + b->len, text, len);
    b->len += len;
}

mpy_str *mpy_disasm(mpy_vm *vm, mpy_code *co)
{
    buffer b = {vm, NULL, 0, 0, false};
    bool ok = mpy_disasm_write(vm, co, buf_emit, &b);
    mpy_str *s = ok && !b.failed ? mpy_str_new(vm, b.data ? b.data : "", b.len) : NULL;
    if (b.data) mpy_mem_free(vm, b.data, b.cap);
    return s;
}
