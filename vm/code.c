/* The `code` type: the compiled form of a module, class body, function,
 * lambda or comprehension (vm/code.h describes the layout).
 *
 * A code object owns its arrays (allocated by the compiler with
 * mpy_mem_realloc) and frees them in finalize; the values and strings they
 * point to are ordinary GC objects marked by trace.  Python sees a few
 * read-only co_* attributes, as in CPython.
 */
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "vm/code.h"
#include "runtime/exc.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

mpy_code *mpy_code_new(mpy_vm *vm)
{
    mpy_code *co = mpy_obj_alloc(vm, vm->types[MPY_TYPE_CODE], sizeof(mpy_code));
    if (!co) return NULL;
    co->firstlineno = 1;
    return co;
}

mpy_packed_pos mpy_pos_pack(const mpy_line_entry *e)
{
    /* a span of 255 lines or more stays one of several lines */
    uint32_t span = e->end_line < e->line ? MPY_POS_NO_END
                  : e->end_line - e->line < MPY_POS_NO_END ? (uint32_t)(e->end_line - e->line)
                  : MPY_POS_NO_END - 1;
    mpy_packed_pos p = {(e->start & 0xFFFFFF) | span << 24, e->line,
                        e->col >= 0 && e->col < MPY_POS_NO_COL ? (uint16_t)e->col : MPY_POS_NO_COL,
                        e->end_col >= 0 && e->end_col < MPY_POS_NO_COL ? (uint16_t)e->end_col : MPY_POS_NO_COL};
    return p;
}

/* The run containing pc (binary search: runs are sorted by start), or -1. */
static int64_t find_run(const mpy_code *co, uint32_t pc)
{
    if (!co->nlines) return -1;
    uint32_t lo = 0, hi = co->nlines;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if ((co->lines[mid].start_span & 0xFFFFFF) <= pc) lo = mid;
        else hi = mid;
    }
    return (co->lines[lo].start_span & 0xFFFFFF) > pc ? -1 : (int64_t)lo;
}

int mpy_code_line(const mpy_code *co, uint32_t pc)
{
    int64_t k = find_run(co, pc);
    return k < 0 ? -1 : co->lines[k].line;
}

bool mpy_code_position(const mpy_code *co, uint32_t pc, mpy_line_entry *pos)
{
    *pos = (mpy_line_entry){pc, -1, -1, -1, -1};
    int64_t k = find_run(co, pc);
    if (k < 0 || co->lines[k].line < 0) return false;
    const mpy_packed_pos *p = &co->lines[k];
    uint32_t span = p->start_span >> 24;
    *pos = (mpy_line_entry){p->start_span & 0xFFFFFF, p->line, span == MPY_POS_NO_END ? -1 : p->line + (int32_t)span,
                            p->col == MPY_POS_NO_COL ? -1 : p->col, p->end_col == MPY_POS_NO_COL ? -1 : p->end_col};
    return true;
}

static void code_trace(mpy_vm *vm, mpy_obj *self)
{
    mpy_code *co = (mpy_code *)self;
    mpy_gc_mark_array(vm, co->consts, co->nconsts);
    for (uint32_t i = 0; i < co->nnames; i++) mpy_gc_mark_obj(vm, (mpy_obj *)co->names[i]);
    for (uint32_t i = 0; i < co->nlocals; i++) mpy_gc_mark_obj(vm, (mpy_obj *)co->varnames[i]);
    for (uint32_t i = 0; i < co->ncells; i++) mpy_gc_mark_obj(vm, (mpy_obj *)co->cellvars[i]);
    for (uint32_t i = 0; i < co->nfree; i++) mpy_gc_mark_obj(vm, (mpy_obj *)co->freevars[i]);
    mpy_gc_mark_obj(vm, (mpy_obj *)co->name);
    mpy_gc_mark_obj(vm, (mpy_obj *)co->qualname);
    mpy_gc_mark_obj(vm, (mpy_obj *)co->filename);
}

static void code_finalize(mpy_vm *vm, mpy_obj *self)
{
    mpy_code *co = (mpy_code *)self;
    mpy_mem_free(vm, co->code, co->ncode * sizeof *co->code);
    if (co->gcache) mpy_mem_free(vm, co->gcache, co->nnames * sizeof *co->gcache);
    if (co->acache) mpy_mem_free(vm, co->acache, MPY_AC_WAYS * co->nnames * sizeof *co->acache);
    mpy_mem_free(vm, co->consts, co->nconsts * sizeof *co->consts);
    mpy_mem_free(vm, co->names, co->nnames * sizeof *co->names);
    mpy_mem_free(vm, co->varnames, co->nlocals * sizeof *co->varnames);
    mpy_mem_free(vm, co->cellvars, co->ncells * sizeof *co->cellvars);
    mpy_mem_free(vm, co->freevars, co->nfree * sizeof *co->freevars);
    if (co->cell2arg) mpy_mem_free(vm, co->cell2arg, co->ncells * sizeof *co->cell2arg);
    mpy_mem_free(vm, co->exctable, co->nexc * sizeof *co->exctable);
    mpy_mem_free(vm, co->lines, co->nlines * sizeof *co->lines);
    memset((char *)co + sizeof(mpy_obj), 0, sizeof *co - sizeof(mpy_obj));
}

static mpy_value code_repr(mpy_vm *vm, mpy_value self)
{
    mpy_code *co = (mpy_code *)self.u.o;
    mpy_str *s = mpy_str_printf(vm, "<code object %s at %p, file \"%s\", line %d>", co->name ? co->name->data : "?",
                                (void *)co, co->filename ? co->filename->data : "?", co->firstlineno);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static mpy_code *as_code(mpy_value v) { return (mpy_code *)v.u.o; }

static mpy_value strs_tuple(mpy_vm *vm, mpy_str **a, uint32_t n)
{
    mpy_tuple *t = mpy_tuple_new(vm, n);
    if (!t) return MPY_NULL;
    for (uint32_t i = 0; i < n; i++) t->items[i] = mpy_from_obj(a[i]);
    return mpy_from_obj(t);
}

static mpy_value co_name(mpy_vm *vm, mpy_value self) { return mpy_from_obj(as_code(self)->name); }
static mpy_value co_qualname(mpy_vm *vm, mpy_value self) { return mpy_from_obj(as_code(self)->qualname); }
static mpy_value co_filename(mpy_vm *vm, mpy_value self) { return mpy_from_obj(as_code(self)->filename); }
static mpy_value co_firstlineno(mpy_vm *vm, mpy_value self) { return mpy_from_int(as_code(self)->firstlineno); }
static mpy_value co_argcount(mpy_vm *vm, mpy_value self) { return mpy_from_int(as_code(self)->argcount); }
static mpy_value co_posonlyargcount(mpy_vm *vm, mpy_value self) { return mpy_from_int(as_code(self)->posonlyargcount); }
static mpy_value co_kwonlyargcount(mpy_vm *vm, mpy_value self) { return mpy_from_int(as_code(self)->kwonlyargcount); }
static mpy_value co_flags(mpy_vm *vm, mpy_value self) { return mpy_from_int(as_code(self)->flags); }
static mpy_value co_nlocals(mpy_vm *vm, mpy_value self) { return mpy_from_int(as_code(self)->nlocals); }
static mpy_value co_stacksize(mpy_vm *vm, mpy_value self) { return mpy_from_int(as_code(self)->stacksize); }
static mpy_value co_varnames(mpy_vm *vm, mpy_value self)
{
    return strs_tuple(vm, as_code(self)->varnames, as_code(self)->nlocals);
}
static mpy_value co_cellvars(mpy_vm *vm, mpy_value self)
{
    return strs_tuple(vm, as_code(self)->cellvars, as_code(self)->ncells);
}
static mpy_value co_freevars(mpy_vm *vm, mpy_value self)
{
    return strs_tuple(vm, as_code(self)->freevars, as_code(self)->nfree);
}
static mpy_value co_names(mpy_vm *vm, mpy_value self)
{
    return strs_tuple(vm, as_code(self)->names, as_code(self)->nnames);
}
static mpy_value co_consts(mpy_vm *vm, mpy_value self)
{
    mpy_tuple *t = mpy_tuple_from(vm, as_code(self)->nconsts, as_code(self)->consts);
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static const mpy_getset_def code_getsets[] = {
    {"co_name", co_name, NULL},
    {"co_qualname", co_qualname, NULL},
    {"co_filename", co_filename, NULL},
    {"co_firstlineno", co_firstlineno, NULL},
    {"co_argcount", co_argcount, NULL},
    {"co_posonlyargcount", co_posonlyargcount, NULL},
    {"co_kwonlyargcount", co_kwonlyargcount, NULL},
    {"co_flags", co_flags, NULL},
    {"co_nlocals", co_nlocals, NULL},
    {"co_stacksize", co_stacksize, NULL},
    {"co_varnames", co_varnames, NULL},
    {"co_cellvars", co_cellvars, NULL},
    {"co_freevars", co_freevars, NULL},
    {"co_names", co_names, NULL},
    {"co_consts", co_consts, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_code_spec = {
    .name = "code",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_code),
    .slots = {.repr = code_repr, .trace = code_trace, .finalize = code_finalize},
    .getsets = code_getsets,
};
