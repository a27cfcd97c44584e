/* The bytecode interpreter: frames, calls, and the dispatch loop.
 *
 * One C function (interp_run) runs Python frames.  A call from Python to a
 * Python function pushes a frame and continues in the same loop, so Python
 * recursion does not recurse in C; only calls made from C (a native
 * calling back into Python, generators resumed by next()) enter
 * interp_run again, and those are bounded by vm->c_depth.
 *
 * Dispatch is computed goto when the compiler supports it
 * (MPY_COMPUTED_GOTO), a switch otherwise.  Each opcode handles the common
 * case inline (small ints, floats, list indexing) and calls the runtime
 * protocols otherwise.  Every failure jumps to `error`, which records the
 * traceback entry, then to `unwind`, which looks the instruction up in the
 * code's exception table or pops the frame (STYLE.md section 6).
 *
 * Safe points (collection, KeyboardInterrupt from mpy_vm_interrupt) are
 * function entry and backward jumps.
 */
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "vm/frame.h"
#include "vm/interp.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/seq.h"
#include "runtime/tuple.h"

/* The frame helpers sit on every call's path. */
#if defined(__GNUC__) || defined(__clang__)
#define MPY_ALWAYS_INLINE __attribute__((always_inline))
#else
#define MPY_ALWAYS_INLINE
#endif

#if defined(__GNUC__) || defined(__clang__)
#ifndef MPY_COMPUTED_GOTO
#define MPY_COMPUTED_GOTO 1
#endif
#endif

/* ------------------------------------------------------- frame storage */

#define CHUNK_VALUES (16 * 1024)

typedef struct chunk {
    struct chunk *prev;
    size_t cap, used;       /* in mpy_value units */
    mpy_value data[];
} chunk;

typedef struct interp_state {
    chunk *top;
} interp_state;

static interp_state *istate(mpy_vm *vm) { return (interp_state *)vm->interp_state; }

bool mpy_interp_init(mpy_vm *vm)
{
    interp_state *s = mpy_mem_realloc(vm, NULL, 0, sizeof *s);
    if (!s) return false;
    s->top = NULL;
    vm->interp_state = s;
    return true;
}

void mpy_interp_free(mpy_vm *vm)
{
    interp_state *s = istate(vm);
    if (!s) return;
    while (s->top) {
        chunk *c = s->top;
        s->top = c->prev;
        mpy_mem_free(vm, c, sizeof(chunk) + c->cap * sizeof(mpy_value));
    }
    mpy_mem_free(vm, s, sizeof *s);
    vm->interp_state = NULL;
}

static size_t frame_values(uint32_t nslots)
{
    return (sizeof(mpy_frame) + sizeof(mpy_value) - 1) / sizeof(mpy_value) + nslots;
}

/* A zeroed frame for `code` on the chunk stack. */
static inline MPY_ALWAYS_INLINE mpy_frame *frame_alloc(mpy_vm *vm, mpy_code *code)
{
    uint32_t nslots = code->nlocals + code->ncells + code->nfree + code->stacksize;
    size_t need = frame_values(nslots);
    interp_state *s = istate(vm);
    chunk *c = s->top;
    if (!c || c->cap - c->used < need) {
        /* Reuse an empty chunk left above? Chunks are freed as soon as
         * they empty, so a new one is needed. */
        size_t cap = need > CHUNK_VALUES ? need : CHUNK_VALUES;
        chunk *n = mpy_mem_realloc(vm, NULL, 0, sizeof(chunk) + cap * sizeof(mpy_value));
        if (!n) return NULL;
        n->prev = c;
        n->cap = cap;
        n->used = 0;
        s->top = c = n;
    }
    mpy_frame *f = (mpy_frame *)&c->data[c->used];
    c->used += need;
    /* Only the header, locals and cells need clearing: the collector marks
     * a frame's values up to its saved stack pointer (mark_frame), and the
     * interpreter saves it before every point where collection can run. */
    uint32_t nvars = code->nlocals + code->ncells + code->nfree;
    for (uint32_t i = 0; i < nvars; i++) f->slots[i].tag = MPY_TAG_NULL;
    f->prev = NULL;
    f->code = code;
    f->func = NULL;
    f->globals = NULL;
    f->builtins = NULL;
    f->locals = MPY_NULL;
    f->ip = code->code;
    f->sp = f->slots + nvars;
    f->gen = NULL;
    f->nslots = nslots;
    f->entry = false;
    return f;
}

static inline MPY_ALWAYS_INLINE void frame_release(mpy_vm *vm, mpy_frame *f)
{
    if (f->gen) return; /* generator frames belong to their generator */
    interp_state *s = istate(vm);
    chunk *c = s->top;
    c->used -= frame_values(f->nslots);
    if (c->used == 0 && c->prev) {
        s->top = c->prev;
        mpy_mem_free(vm, c, sizeof(chunk) + c->cap * sizeof(mpy_value));
    }
}

static void mark_frame(mpy_vm *vm, mpy_frame *f)
{
    mpy_gc_mark_obj(vm, (mpy_obj *)f->code);
    mpy_gc_mark_obj(vm, (mpy_obj *)f->func);
    mpy_gc_mark_obj(vm, (mpy_obj *)f->globals);
    mpy_gc_mark_obj(vm, (mpy_obj *)f->builtins);
    mpy_gc_mark(vm, f->locals);
    mpy_gc_mark_obj(vm, f->gen);
    /* Values above the saved stack pointer are dead (and may be stale). */
    size_t live = f->sp ? (size_t)(f->sp - f->slots) : f->nslots;
    if (live > f->nslots) live = f->nslots;
    mpy_gc_mark_array(vm, f->slots, live);
}

void mpy_interp_mark_roots(mpy_vm *vm)
{
    for (mpy_frame *f = vm->frame; f; f = f->prev) mark_frame(vm, f);
}

void mpy_frame_mark(mpy_vm *vm, mpy_frame *f) { mark_frame(vm, f); }

/* -------------------------------------------------------- argument binding */

static const char *plural(int64_t n) { return n == 1 ? "" : "s"; }

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static void name_list(char *buf, size_t cap, mpy_str **names, int n)
{
    size_t w = 0;
    buf[0] = 0;
    for (int i = 0; i < n && w < cap - 1; i++) {
        const char *sep = i == 0 ? "" : (n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        w += (size_t)snprintf(buf + w, cap - w, "%s'%s'", sep, names[i]->data);
    }
}

static bool missing_args(mpy_vm *vm, mpy_function *fn, mpy_value *locals, int from, int to, const char *kind)
{
    mpy_code *co = fn->code;
    mpy_str *names[64];
    int n = 0;
    for (int i = from; i < to && n < 64; i++)
        if (mpy_is_null(locals[i])) names[n++] = co->varnames[i];
    char list[1024];
    name_list(list, sizeof list, names, n);
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() missing %d required %s argument%s: %s", fn->qualname->data, n,
                       kind, plural(n), list);
}

static int varname_index(mpy_code *co, mpy_str *name, int from, int to)
{
    for (int i = from; i < to; i++)
        if (co->varnames[i] == name) return i;
    for (int i = from; i < to; i++)
        if (mpy_str_eq(co->varnames[i], name)) return i;
    return -1;
}

/* Binds a call's arguments into the frame's locals, with CPython's error
 * messages. */
static bool bind_args(mpy_vm *vm, mpy_function *fn, mpy_value *locals, int argc, const mpy_value *args,
                      mpy_tuple *kwnames)
{
    mpy_code *co = fn->code;
    int npos = (int)co->argcount, nkwonly = (int)co->kwonlyargcount;
    int nkw = kwnames ? (int)kwnames->len : 0;
    bool varargs = co->flags & MPY_CO_VARARGS, varkw = co->flags & MPY_CO_VARKEYWORDS;
    int vararg_slot = npos + nkwonly, varkw_slot = npos + nkwonly + (varargs ? 1 : 0);
    mpy_dict *kwdict = NULL;
    if (varkw) {
        kwdict = mpy_dict_new(vm);
        if (!kwdict) return false;
        locals[varkw_slot] = mpy_from_obj(kwdict);
    }
    int ncopy = argc < npos ? argc : npos;
    for (int i = 0; i < ncopy; i++) locals[i] = args[i];
    if (varargs) {
        mpy_tuple *t = mpy_tuple_from(vm, (size_t)(argc > npos ? argc - npos : 0), args + ncopy);
        if (!t) return false;
        locals[vararg_slot] = mpy_from_obj(t);
    } else if (argc > npos) {
        int ndef = fn->defaults ? (int)fn->defaults->len : 0;
        int kwonly_given = 0;
        for (int k = 0; k < nkw; k++)
            if (varname_index(co, mpy_as_str(kwnames->items[k]), npos, npos + nkwonly) >= 0) kwonly_given++;
        char kwpart[128] = "";
        if (kwonly_given)
            snprintf(kwpart, sizeof kwpart, " positional argument%s (and %d keyword-only argument%s)", plural(argc),
                     kwonly_given, plural(kwonly_given));
        if (ndef)
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes from %d to %d positional arguments but %d%s %s given",
                               fn->qualname->data, npos - ndef, npos, argc, kwpart, argc == 1 && !kwonly_given ? "was" : "were");
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes %d positional argument%s but %d%s %s given",
                           fn->qualname->data, npos, plural(npos), argc, kwpart,
                           argc == 1 && !kwonly_given ? "was" : "were");
    }
    mpy_str *posonly_kw[16];
    int nposonly_kw = 0;
    for (int k = 0; k < nkw; k++) {
        mpy_str *name = mpy_as_str(kwnames->items[k]);
        mpy_value v = args[argc + k];
        int i = varname_index(co, name, (int)co->posonlyargcount, npos + nkwonly);
        if (i >= 0) {
            if (!mpy_is_null(locals[i]))
                return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() got multiple values for argument '%s'",
                                   fn->qualname->data, name->data);
            locals[i] = v;
            continue;
        }
        if (kwdict) {
            if (!mpy_dict_set(vm, kwdict, mpy_from_obj(name), v)) return false;
            continue;
        }
        if (varname_index(co, name, 0, (int)co->posonlyargcount) >= 0) {
            if (nposonly_kw < 16) posonly_kw[nposonly_kw++] = name;
            continue;
        }
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() got an unexpected keyword argument '%s'", fn->qualname->data,
                           name->data);
    }
    if (nposonly_kw) {
        char list[512];
        size_t w = 0;
        for (int i = 0; i < nposonly_kw; i++)
            w += (size_t)snprintf(list + w, sizeof list - w, "%s'%s'", i ? ", " : "", posonly_kw[i]->data);
        return mpy_err_fmt(vm, MPY_EXC_TypeError,
                           "%s() got some positional-only arguments passed as keyword arguments: %s",
                           fn->qualname->data, list);
    }
    if (argc < npos) {
        int ndef = fn->defaults ? (int)fn->defaults->len : 0;
        int first_def = npos - ndef;
        bool missing = false;
        for (int i = argc; i < npos; i++) {
            if (!mpy_is_null(locals[i])) continue;
            if (i >= first_def) locals[i] = fn->defaults->items[i - first_def];
            else missing = true;
        }
        if (missing) return missing_args(vm, fn, locals, 0, npos, "positional");
    }
    if (nkwonly) {
        bool missing = false;
        for (int i = npos; i < npos + nkwonly; i++) {
            if (!mpy_is_null(locals[i])) continue;
            mpy_value d = fn->kwdefaults ? mpy_dict_get_str(vm, fn->kwdefaults, co->varnames[i]) : MPY_NULL;
            if (!mpy_is_null(d)) locals[i] = d;
            else missing = true;
        }
        if (missing) return missing_args(vm, fn, locals, npos, npos + nkwonly, "keyword-only");
    }
    return true;
}

/* Sets up cells and free variables after binding. */
static bool init_cells(mpy_vm *vm, mpy_frame *f, mpy_function *fn)
{
    mpy_code *co = f->code;
    mpy_value *cells = f->slots + co->nlocals;
    for (uint32_t i = 0; i < co->ncells; i++) {
        mpy_value init = MPY_NULL;
        if (co->cell2arg && co->cell2arg[i] >= 0) {
            init = f->slots[co->cell2arg[i]];
            f->slots[co->cell2arg[i]] = MPY_NULL;
        }
        mpy_cell *c = mpy_cell_new(vm, init);
        if (!c) return false;
        cells[i] = mpy_from_obj(c);
    }
    for (uint32_t i = 0; i < co->nfree; i++)
        cells[co->ncells + i] = fn && fn->closure ? fn->closure->items[i] : MPY_NULL;
    return true;
}

mpy_value mpy_gen_new(mpy_vm *vm, mpy_frame *proto, mpy_function *fn);

/* A frame for calling fn with these arguments, or NULL with an exception.
 * Generator functions return their generator in *gen instead. */
static inline MPY_ALWAYS_INLINE mpy_frame *call_frame(mpy_vm *vm, mpy_function *fn, int argc, const mpy_value *args, mpy_tuple *kwnames,
                             mpy_value *gen)
{
    if (vm->depth >= vm->recursion_limit) {
        mpy_err_msg(vm, MPY_EXC_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    mpy_code *co = fn->code;
    mpy_frame *f = frame_alloc(vm, co);
    if (!f) return NULL;
    f->func = fn;
    f->globals = fn->globals;
    f->builtins = vm->builtins;
    /* Link before binding so that the collector sees the frame's slots. */
    f->prev = vm->frame;
    vm->frame = f;
    /* The common call: exactly the positional parameters, nothing else. */
    bool simple = !kwnames && argc == (int)co->argcount && co->kwonlyargcount == 0 &&
                  !(co->flags & (MPY_CO_VARARGS | MPY_CO_VARKEYWORDS));
    if (simple) {
        for (int i = 0; i < argc; i++) f->slots[i] = args[i];
    }
    if ((!simple && !bind_args(vm, fn, f->slots, argc, args, kwnames)) ||
        ((co->ncells || co->nfree) && !init_cells(vm, f, fn))) {
        vm->frame = f->prev;
        frame_release(vm, f);
        return NULL;
    }
    if (co->flags & MPY_CO_GENERATOR) {
        vm->frame = f->prev;
        *gen = mpy_gen_new(vm, f, fn);
        frame_release(vm, f);
        return NULL;
    }
    vm->depth++;
    return f;
}

mpy_value mpy_interp_call(mpy_vm *vm, mpy_function *fn, int argc, const mpy_value *args, mpy_tuple *kwnames)
{
    mpy_value gen = MPY_NULL;
    mpy_frame *f = call_frame(vm, fn, argc, args, kwnames, &gen);
    if (!f) return gen;
    f->entry = true;
    bool yielded;
    return mpy_interp_run(vm, f, MPY_NULL, &yielded);
}

/* Runs module, class-body or exec code with a locals mapping. */
mpy_value mpy_interp_run_code(mpy_vm *vm, mpy_code *co, mpy_dict *globals, mpy_value locals, mpy_tuple *closure)
{
    if (vm->depth >= vm->recursion_limit)
        return mpy_err_fmt_v(vm, MPY_EXC_RecursionError, "maximum recursion depth exceeded");
    mpy_frame *f = frame_alloc(vm, co);
    if (!f) return MPY_NULL;
    f->globals = globals;
    f->builtins = vm->builtins;
    f->locals = locals;
    f->entry = true;
    f->prev = vm->frame;
    vm->frame = f;
    mpy_value *cells = f->slots + co->nlocals;
    for (uint32_t i = 0; i < co->ncells; i++) {
        mpy_cell *c = mpy_cell_new(vm, MPY_NULL);
        if (!c) {
            vm->frame = f->prev;
            frame_release(vm, f);
            return MPY_NULL;
        }
        cells[i] = mpy_from_obj(c);
    }
    for (uint32_t i = 0; i < co->nfree; i++) cells[co->ncells + i] = closure ? closure->items[i] : MPY_NULL;
    vm->depth++;
    bool yielded;
    return mpy_interp_run(vm, f, MPY_NULL, &yielded);
}

/* --------------------------------------------------- helpers for opcodes */

/* NameError also remembers where it was raised, for the "Did you mean"
 * suggestion vm/errors.c adds when it prints the exception (CPython looks
 * at the frame of the last traceback entry): extra[1] the running code
 * (its local names), extra[2] the globals, extra[3] the builtins. */
static void name_error_context(mpy_vm *vm, mpy_str *name)
{
    mpy_value e = vm->exc;
    if (!mpy_is_null(e) && mpy_isinstance(vm, e, vm->exc_types[MPY_EXC_NameError])) {
        mpy_dict *d = mpy_instance_dict(vm, e, true);
        if (d && !mpy_dict_set_str(vm, d, vm->names.name, mpy_from_obj(name))) return;
        mpy_frame *f = vm->frame;
        if (f) {
            mpy_exc *x = mpy_as_exc(e);
            x->extra[1] = mpy_from_obj(f->code);
            x->extra[2] = mpy_from_obj(f->globals);
            x->extra[3] = mpy_from_obj(f->builtins);
        }
    }
}

static mpy_value name_error(mpy_vm *vm, mpy_str *name)
{
    mpy_err_fmt(vm, MPY_EXC_NameError, "name '%s' is not defined", name->data);
    name_error_context(vm, name);
    return MPY_NULL;
}

static mpy_value load_global(mpy_vm *vm, mpy_frame *f, mpy_str *name)
{
    mpy_value v = mpy_dict_get_str(vm, f->globals, name);
    if (!mpy_is_null(v)) return v;
    v = mpy_dict_get_str(vm, f->builtins, name);
    if (!mpy_is_null(v)) return v;
    return name_error(vm, name);
}

/* LOAD_GLOBAL without a valid cache entry: look the name up and remember
 * where it was found (see mpy_global_cache in vm/code.h). */
static mpy_value load_global_slow(mpy_vm *vm, mpy_frame *f, uint32_t arg)
{
    mpy_code *co = f->code;
    mpy_str *name = co->names[arg];
    if (!co->gcache) {
        co->gcache = mpy_mem_realloc(vm, NULL, 0, co->nnames * sizeof *co->gcache);
        if (!co->gcache) return MPY_NULL;
        memset(co->gcache, 0, co->nnames * sizeof *co->gcache);
    }
    mpy_global_cache *c = &co->gcache[arg];
    int64_t ix = mpy_dict_entry_index_str(vm, f->globals, name);
    if (ix >= 0) {
        *c = (mpy_global_cache){f->globals, f->globals->version, 0, (int32_t)ix, false};
        return f->globals->entries[ix].value;
    }
    ix = mpy_dict_entry_index_str(vm, f->builtins, name);
    if (ix >= 0) {
        *c = (mpy_global_cache){f->globals, f->globals->version, f->builtins->version, (int32_t)ix, true};
        return f->builtins->entries[ix].value;
    }
    c->globals = NULL;
    return name_error(vm, name);
}

static mpy_value locals_get(mpy_vm *vm, mpy_value locals, mpy_str *name, bool *err)
{
    *err = false;
    if (mpy_is_type(vm, locals, MPY_TYPE_DICT)) return mpy_dict_get_str(vm, mpy_as_dict(locals), name);
    mpy_value v = mpy_getitem(vm, locals, mpy_from_obj(name));
    if (mpy_is_null(v)) {
        if (mpy_err_matches(vm, MPY_EXC_KeyError)) mpy_err_clear(vm);
        else *err = true;
    }
    return v;
}

static bool locals_set(mpy_vm *vm, mpy_value locals, mpy_str *name, mpy_value v)
{
    if (mpy_is_type(vm, locals, MPY_TYPE_DICT)) return mpy_dict_set_str(vm, mpy_as_dict(locals), name, v);
    return mpy_setitem(vm, locals, mpy_from_obj(name), v);
}

static bool unbound_local(mpy_vm *vm, mpy_str *name)
{
    return mpy_err_fmt(vm, MPY_EXC_UnboundLocalError,
                       "cannot access local variable '%s' where it is not associated with a value", name->data);
}

static mpy_str *cell_name(mpy_code *co, uint32_t i)
{
    return i < co->ncells ? co->cellvars[i] : co->freevars[i - co->ncells];
}

static bool unbound_cell(mpy_vm *vm, mpy_code *co, uint32_t i)
{
    if (i < co->ncells) return unbound_local(vm, co->cellvars[i]);
    mpy_err_fmt(vm, MPY_EXC_NameError,
                "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                co->freevars[i - co->ncells]->data);
    name_error_context(vm, co->freevars[i - co->ncells]); /* CPython sets .name here too */
    return false;
}

/* Unpacks an iterable into exactly n values written at out[n-1] .. out[0]
 * (so that out[0] ends on top of the stack). */
static bool unpack(mpy_vm *vm, mpy_value seq, int n, mpy_value *out)
{
    if (mpy_is_type(vm, seq, MPY_TYPE_TUPLE) || mpy_is_type(vm, seq, MPY_TYPE_LIST)) {
        size_t len = mpy_is_type(vm, seq, MPY_TYPE_TUPLE) ? mpy_as_tuple(seq)->len : mpy_as_list(seq)->len;
        mpy_value *items = mpy_is_type(vm, seq, MPY_TYPE_TUPLE) ? mpy_as_tuple(seq)->items : mpy_as_list(seq)->items;
        if ((int64_t)len < n)
            return mpy_err_fmt(vm, MPY_EXC_ValueError, "not enough values to unpack (expected %d, got %zu)", n, len);
        if ((int64_t)len > n)
            return mpy_err_fmt(vm, MPY_EXC_ValueError, "too many values to unpack (expected %d)", n);
        for (int i = 0; i < n; i++) out[n - 1 - i] = items[i];
        return true;
    }
    mpy_type *t = mpy_typeof(vm, seq);
    if (!t->slots.iter && !t->slots.getitem)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "cannot unpack non-iterable %s object", mpy_type_name(t));
    mpy_value it = mpy_iter(vm, seq);
    if (mpy_is_null(it)) return false;
    for (int i = 0; i < n; i++) {
        mpy_value v = mpy_next(vm, it);
        if (mpy_is_null(v)) {
            if (mpy_err_occurred(vm)) return false;
            return mpy_err_fmt(vm, MPY_EXC_ValueError, "not enough values to unpack (expected %d, got %d)", n, i);
        }
        out[n - 1 - i] = v;
    }
    mpy_value extra = mpy_next(vm, it);
    if (!mpy_is_null(extra)) return mpy_err_fmt(vm, MPY_EXC_ValueError, "too many values to unpack (expected %d)", n);
    return !mpy_err_occurred(vm);
}

/* a, *b, c = seq: out[0..before+after] receives, top first: the first
 * `before` values, the list, then the last `after` values, pushed so that
 * the first target is on top. */
static bool unpack_ex(mpy_vm *vm, mpy_value seq, int before, int after, mpy_value *out)
{
    mpy_type *t = mpy_typeof(vm, seq);
    if (!t->slots.iter && !t->slots.getitem)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "cannot unpack non-iterable %s object", mpy_type_name(t));
    mpy_list *l = mpy_list_from_iter(vm, seq);
    if (!l) return false;
    int64_t len = (int64_t)l->len;
    if (len < before + after)
        return mpy_err_fmt(vm, MPY_EXC_ValueError, "not enough values to unpack (expected at least %d, got %lld)",
                           before + after, (long long)len);
    int total = before + 1 + after;
    mpy_value *vals = out; /* vals[total-1] is pushed first (bottom) */
    for (int i = 0; i < before; i++) vals[total - 1 - i] = l->items[i];
    mpy_list *mid = mpy_list_from(vm, (size_t)(len - before - after), l->items + before);
    if (!mid) return false;
    vals[total - 1 - before] = mpy_from_obj(mid);
    for (int i = 0; i < after; i++) vals[after - 1 - i] = l->items[len - after + i];
    return true;
}

mpy_value mpy_format(mpy_vm *vm, mpy_value v, mpy_str *spec);

static mpy_value format_value(mpy_vm *vm, mpy_value v, int conv, mpy_value spec)
{
    switch (conv) {
    case 1: v = mpy_to_str(vm, v); break;
    case 2: v = mpy_repr(vm, v); break;
    case 3: {
        mpy_value r = mpy_repr(vm, v);
        if (mpy_is_null(r)) return r;
        mpy_value ascii = mpy_dict_get_cstr(vm, vm->builtins, "ascii");
        v = mpy_is_null(ascii) ? r : mpy_call1(vm, ascii, v);
        break;
    }
    default: break;
    }
    if (mpy_is_null(v)) return v;
    /* f'{v}' is format(v, ''): an exact str is itself, anything else goes
     * through __format__ (which a class may define). */
    if ((mpy_is_null(spec) || mpy_as_str(spec)->len == 0) && mpy_is_type(vm, v, MPY_TYPE_STR)) return v;
    return mpy_format(vm, v, mpy_is_null(spec) ? vm->empty_str : mpy_as_str(spec));
}

mpy_value mpy_import(mpy_vm *vm, mpy_str *name, mpy_value globals, mpy_value fromlist, int level);
mpy_value mpy_import_from(mpy_vm *vm, mpy_value module, mpy_str *name);
bool mpy_import_star(mpy_vm *vm, mpy_value module, mpy_value locals);
mpy_value mpy_build_class_value(mpy_vm *vm);
mpy_value mpy_displayhook(mpy_vm *vm, mpy_value v);

/* Sets exc.__context__ to the exception being handled, avoiding cycles. */
static void chain_context(mpy_vm *vm, mpy_value exc)
{
    mpy_value handled = vm->exc_info;
    if (mpy_is_null(handled) || mpy_is(handled, exc) || !mpy_is_obj(exc)) return;
    if (!mpy_isinstance(vm, exc, vm->exc_types[MPY_EXC_BaseException])) return;
    mpy_exc *e = mpy_as_exc(exc);
    if (!mpy_is_null(e->context)) return;
    /* Break a cycle: if exc appears in handled's context chain, cut it. */
    mpy_value o = handled;
    int guard = 0;
    while (mpy_is_obj(o) && guard++ < 10000) {
        mpy_exc *oe = mpy_as_exc(o);
        if (mpy_is(oe->context, exc)) {
            oe->context = MPY_NULL;
            break;
        }
        o = oe->context;
    }
    e->context = handled;
}

/* raise exc [from cause] */
static bool do_raise(mpy_vm *vm, mpy_value exc, mpy_value cause)
{
    if (mpy_is_null(exc)) {
        if (mpy_is_null(vm->exc_info))
            return mpy_err_msg(vm, MPY_EXC_RuntimeError, "No active exception to reraise");
        return mpy_err_set(vm, vm->exc_info);
    }
    mpy_type *base = vm->exc_types[MPY_EXC_BaseException];
    if (mpy_is_sub(vm, exc, MPY_TYPE_TYPE) && mpy_type_is_sub((mpy_type *)exc.u.o, base)) {
        exc = mpy_call0(vm, exc);
        if (mpy_is_null(exc)) return false;
        if (!mpy_isinstance(vm, exc, base))
            return mpy_err_fmt(vm, MPY_EXC_TypeError,
                               "calling %s should have returned an instance of BaseException, not %s",
                               mpy_type_name(mpy_typeof(vm, exc)), mpy_tname(vm, exc));
    } else if (!mpy_isinstance(vm, exc, base)) {
        return mpy_err_msg(vm, MPY_EXC_TypeError, "exceptions must derive from BaseException");
    }
    if (!mpy_is_null(cause)) {
        mpy_exc *e = mpy_as_exc(exc);
        if (mpy_is_none(cause)) {
            e->cause = MPY_NULL;
        } else if (mpy_is_sub(vm, cause, MPY_TYPE_TYPE) && mpy_type_is_sub((mpy_type *)cause.u.o, base)) {
            mpy_value c = mpy_call0(vm, cause);
            if (mpy_is_null(c)) return false;
            e->cause = c;
        } else if (mpy_isinstance(vm, cause, base)) {
            e->cause = cause;
        } else {
            return mpy_err_msg(vm, MPY_EXC_TypeError, "exception causes must derive from BaseException");
        }
        e->suppress_context = true;
    }
    return mpy_err_set(vm, exc);
}

/* except T: does the exception match T (a class or tuple of classes)? */
static int exc_match(mpy_vm *vm, mpy_value exc, mpy_value t)
{
    mpy_type *base = vm->exc_types[MPY_EXC_BaseException];
    if (mpy_is_sub(vm, t, MPY_TYPE_TUPLE)) {
        mpy_tuple *tt = mpy_as_tuple(t);
        for (size_t i = 0; i < tt->len; i++) {
            int r = exc_match(vm, exc, tt->items[i]);
            if (r != 0) return r;
        }
        return 0;
    }
    if (!mpy_is_sub(vm, t, MPY_TYPE_TYPE) || !mpy_type_is_sub((mpy_type *)t.u.o, base)) {
        mpy_err_msg(vm, MPY_EXC_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return mpy_isinstance(vm, exc, (mpy_type *)t.u.o);
}

/* (compiler helper's change) CPython's _PyObject_FunctionStr for call
 * errors: "module.qualname", or just the qualname for builtins. */
static const char *function_str(mpy_vm *vm, mpy_value f, char *buf, size_t cap)
{
    mpy_value qn = mpy_getattr_opt(vm, f, vm->names.__qualname__);
    if (mpy_is_null(qn) || !mpy_is_sub(vm, qn, MPY_TYPE_STR)) {
        mpy_err_clear(vm);
        snprintf(buf, cap, "function");
        return buf;
    }
    mpy_value mod = mpy_getattr_opt(vm, f, vm->names.__module__);
    mpy_err_clear(vm);
    if (!mpy_is_null(mod) && mpy_is_sub(vm, mod, MPY_TYPE_STR) && strcmp(mpy_as_str(mod)->data, "builtins") != 0)
        snprintf(buf, cap, "%s.%s", mpy_as_str(mod)->data, mpy_as_str(qn)->data);
    else
        snprintf(buf, cap, "%s", mpy_as_str(qn)->data);
    return buf;
}

/* Flattens f(*args, **kwargs) into a value array and kwnames. */
static bool flatten_call(mpy_vm *vm, mpy_value callable, mpy_value self, mpy_value argst, mpy_value kwd,
                         mpy_value **out, int *argc, mpy_tuple **kwnames, size_t *alloc)
{
    mpy_tuple *pos = mpy_as_tuple(argst);
    size_t nkw = 0;
    mpy_dict *d = NULL;
    if (!mpy_is_null(kwd)) {
        d = mpy_as_dict(kwd);
        nkw = d->used;
    }
    /* A bound method's self goes first. */
    size_t first = mpy_is_null(self) ? 0 : 1;
    size_t n = first + pos->len + nkw;
    mpy_value *a = mpy_mem_realloc(vm, NULL, 0, (n ? n : 1) * sizeof *a);
    if (!a) return false;
    *alloc = (n ? n : 1) * sizeof *a;
    if (first) a[0] = self;
    memcpy(a + first, pos->items, pos->len * sizeof *a);
    *kwnames = NULL;
    if (nkw) {
        mpy_tuple *names = mpy_tuple_new(vm, nkw);
        if (!names) { mpy_mem_free(vm, a, *alloc); return false; }
        size_t p = 0, i = 0;
        mpy_value k, v;
        while (mpy_dict_next(d, &p, &k, &v)) {
            if (!mpy_is_sub(vm, k, MPY_TYPE_STR)) {
                mpy_mem_free(vm, a, *alloc);
                return mpy_err_msg(vm, MPY_EXC_TypeError, "keywords must be strings");
            }
            mpy_str *ks = mpy_str_intern_str(vm, mpy_as_str(k));
            if (!ks) { mpy_mem_free(vm, a, *alloc); return false; }
            names->items[i] = mpy_from_obj(ks);
            a[first + pos->len + i] = v;
            i++;
        }
        *kwnames = names;
    }
    *out = a;
    *argc = (int)(first + pos->len);
    return true;
}

/* ---------------------------------------------------- attribute caches */

/* The cache entry for name `arg` of co, made on first use. */
static mpy_attr_cache *attr_cache(mpy_vm *vm, mpy_code *co, uint32_t arg)
{
    if (!co->acache) {
        co->acache = mpy_mem_realloc(vm, NULL, 0, MPY_AC_WAYS * co->nnames * sizeof *co->acache);
        if (!co->acache) {
            mpy_err_clear(vm);
            return NULL;
        }
        memset(co->acache, 0, MPY_AC_WAYS * co->nnames * sizeof *co->acache);
    }
    return &co->acache[MPY_AC_WAYS * arg];
}

/* Does `t` use the generic attribute machinery for loads (no
 * __getattribute__ / __getattr__ of its own)? */
static bool generic_load(mpy_type *t)
{
    return t->slots.getattr == NULL || t->slots.getattr == mpy_generic_getattr ||
           t->slots.getattr == mpy_container_getattr;
}

/* Fills the entry for instances of t (an instance's type, not a class
 * object: attribute access on classes goes through type's getattr). */
static void attr_cache_fill(mpy_vm *vm, mpy_attr_cache *c, mpy_type *t, mpy_str *name)
{
    c->type = NULL;
    if (!generic_load(t) && !(t->flags & MPY_TF_HEAP)) return;
    /* Class objects (instances of a metaclass) keep their attributes in
     * the class dict itself: never cached here. */
    if (t->flags & MPY_TF_TYPE_SUB) return;
    /* The container types' getattr differs from the generic one only for
     * __dict__. */
    if (name == vm->names.__dict__ && t->slots.getattr == mpy_container_getattr) return;
    mpy_value descr = mpy_type_lookup(vm, t, name);
    mpy_type *dt = mpy_is_null(descr) ? NULL : mpy_typeof(vm, descr);
    c->type = t;
    c->epoch = vm->type_epoch;
    c->descr = descr;
    c->load_kind = c->method_kind = c->store_kind = MPY_AC_NONE;
    if (generic_load(t)) {
        if (dt && dt->slots.descr_get && dt->slots.descr_set) c->load_kind = MPY_AC_DATA;
        else c->load_kind = MPY_AC_INSTANCE;
        if (dt && (dt == vm->types[MPY_TYPE_FUNCTION] ||
                   (dt == vm->types[MPY_TYPE_NATIVE] && ((mpy_native *)descr.u.o)->owner)))
            c->method_kind = MPY_AC_METHOD;
    }
    /* Stores: a heap class whose __setattr__ is object's. */
    mpy_value sa = mpy_type_lookup(vm, t, vm->names.__setattr__);
    mpy_value osa = mpy_dict_get_str(vm, vm->types[MPY_TYPE_OBJECT]->dict, vm->names.__setattr__);
    if ((t->flags & MPY_TF_HEAP) && t->dict_offset && mpy_is(sa, osa) && name != vm->names.__class__ &&
        name != vm->names.__dict__) {
        if (dt && dt->slots.descr_set) c->store_kind = MPY_AC_DATA;
        else c->store_kind = MPY_AC_STORE_DICT;
    }
}

static void attr_cache_fill(mpy_vm *vm, mpy_attr_cache *c, mpy_type *t, mpy_str *name);

/* The entry for name `arg` and instances of t: MPY_AC_WAYS per name, so
 * that sites seeing several classes (a base and its subclasses: a
 * scheduler's tasks) keep them all; one more evicts the oldest.  NULL when
 * nothing can be cached. */
static inline mpy_attr_cache *attr_lookup(mpy_vm *vm, mpy_code *co, uint32_t arg, mpy_type *t, mpy_str *name)
{
    mpy_attr_cache *c = co->acache ? &co->acache[MPY_AC_WAYS * arg] : attr_cache(vm, co, arg);
    if (!c) return NULL;
    for (int w = 0; w < MPY_AC_WAYS; w++)
        if (c[w].type == t && c[w].epoch == vm->type_epoch) return &c[w];
    /* Filled aside: a type that cannot be cached (a class object, for
     * `Base.method(self)`) must not evict the entries of one that can,
     * which the same name often has (`self.method()`). */
    mpy_attr_cache fresh = {.hint = 0};
    attr_cache_fill(vm, &fresh, t, name);
    if (fresh.type != t) return NULL;
    memmove(c + 1, c, (MPY_AC_WAYS - 1) * sizeof *c);
    c[0] = fresh;
    return &c[0];
}

static inline mpy_dict *inst_dict(mpy_type *t, mpy_obj *o)
{
    return t->dict_offset ? *(mpy_dict **)((char *)o + t->dict_offset) : NULL;
}

/* d[name] for an interned name, trying the entry at *hint first. */
static inline mpy_value dict_get_hinted(mpy_vm *vm, mpy_dict *d, mpy_str *name, uint32_t *hint)
{
    uint32_t h = *hint;
    if (h < d->nentries && d->entries[h].key.tag == MPY_TAG_OBJ && d->entries[h].key.u.o == &name->hdr)
        return d->entries[h].value;
    int64_t ix = mpy_dict_entry_index_str(vm, d, name);
    if (ix < 0) return MPY_NULL;
    *hint = (uint32_t)ix;
    return d->entries[ix].value;
}

/* obj.name through the cache; MPY_NULL without an exception when the
 * cache cannot answer (the caller takes the generic path). */
static inline mpy_value cached_load(mpy_vm *vm, mpy_attr_cache *c, mpy_value obj, mpy_str *name, bool *miss)
{
    mpy_type *t = obj.u.o->type;
    *miss = false;
    if (c->load_kind == MPY_AC_DATA) {
        mpy_type *dt = mpy_typeof(vm, c->descr);
        return dt->slots.descr_get(vm, c->descr, obj, t);
    }
    mpy_dict *d = inst_dict(t, obj.u.o);
    if (d) {
        mpy_value v = dict_get_hinted(vm, d, name, &c->hint);
        if (!mpy_is_null(v)) return v;
    }
    if (!mpy_is_null(c->descr)) {
        mpy_type *dt = mpy_typeof(vm, c->descr);
        return dt->slots.descr_get ? dt->slots.descr_get(vm, c->descr, obj, t) : c->descr;
    }
    *miss = true;
    return MPY_NULL;
}

/* ------------------------------------------------------------ the loop */

/* v is an object of exactly the builtin type (not a subclass, whose
 * methods may be overridden). */
#define IS_EXACT(v, type_) ((v).tag == MPY_TAG_OBJ && (v).u.o->type == vm->types[type_])

#define BINARY_FAST_INT(OPERATOR)                                            \
    do {                                                                     \
        mpy_value b_ = sp[-1], a_ = sp[-2];                                  \
        int64_t r_;                                                          \
        if (a_.tag == MPY_TAG_INT && b_.tag == MPY_TAG_INT &&                \
            !OPERATOR(a_.u.i, b_.u.i, &r_)) {                                \
            sp[-2] = mpy_from_int(r_);                                       \
            sp--;                                                            \
            DISPATCH();                                                      \
        }                                                                    \
    } while (0)

static inline bool cmp_fast(mpy_value a, mpy_value b, uint32_t op, bool *res)
{
    if (a.tag == MPY_TAG_INT && b.tag == MPY_TAG_INT) {
        int64_t x = a.u.i, y = b.u.i;
        switch (op) {
        case MPY_CMP_LT: *res = x < y; return true;
        case MPY_CMP_LE: *res = x <= y; return true;
        case MPY_CMP_EQ: *res = x == y; return true;
        case MPY_CMP_NE: *res = x != y; return true;
        case MPY_CMP_GT: *res = x > y; return true;
        case MPY_CMP_GE: *res = x >= y; return true;
        }
    } else if (a.tag == MPY_TAG_FLOAT && b.tag == MPY_TAG_FLOAT) {
        double x = a.u.f, y = b.u.f;
        switch (op) {
        case MPY_CMP_LT: *res = x < y; return true;
        case MPY_CMP_LE: *res = x <= y; return true;
        case MPY_CMP_EQ: *res = x == y; return true;
        case MPY_CMP_NE: *res = x != y; return true;
        case MPY_CMP_GT: *res = x > y; return true;
        case MPY_CMP_GE: *res = x >= y; return true;
        }
    }
    return false;
}

static mpy_value gen_step(mpy_vm *vm, mpy_value receiver, mpy_value v, bool *returned);

mpy_value mpy_interp_run(mpy_vm *vm, mpy_frame *f, mpy_value start_exc, bool *yielded)
{
    *yielded = false;
    if (!mpy_c_enter(vm, NULL)) {
        /* Undo the caller's frame push: it never ran. */
        vm->frame = f->prev;
        if (!f->gen) { vm->depth--; frame_release(vm, f); }
        return MPY_NULL;
    }
    mpy_code *co;
    const uint32_t *ip;
    mpy_value *sp, *L;
    mpy_value *consts;
    mpy_str **names;
    uint32_t ins, arg;
    mpy_value result = MPY_NULL;
    mpy_tuple *call_kw = NULL; /* CALL_KW hands its keyword names to CALL */

#define LOAD_FRAME()                                                         \
    do {                                                                     \
        co = f->code;                                                        \
        ip = f->ip;                                                          \
        sp = f->sp;                                                          \
        L = f->slots;                                                        \
        consts = co->consts;                                                 \
        names = co->names;                                                   \
    } while (0)
#define SAVE_FRAME() (f->ip = ip, f->sp = sp)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])

#if MPY_COMPUTED_GOTO
    static void *const labels[] = {
#define MPY_LABEL(name, e, o) &&op_##name,
        MPY_OPCODES(MPY_LABEL)
#undef MPY_LABEL
    };
#define TARGET(name) op_##name:
#define DISPATCH()                                                           \
    do {                                                                     \
        ins = *ip++;                                                         \
        arg = ins >> 8;                                                      \
        goto *labels[ins & 0xff];                                            \
    } while (0)
#else
#define TARGET(name) case MPY_OP_##name:
#define DISPATCH() goto dispatch
#endif

    LOAD_FRAME();
    if (!mpy_is_null(start_exc)) {
        /* Resumed by gen.throw(): raise at the suspension point.  ip
         * points after the YIELD, so the pc used below is the YIELD. */
        vm->exc = start_exc;
        goto error;
    }
    if (vm->interrupt || vm->bytes_allocated > vm->next_gc || vm->stress_gc) goto safepoint_entry;

#if MPY_COMPUTED_GOTO
    DISPATCH();
#else
dispatch:
    ins = *ip++;
    arg = ins >> 8;
    switch ((mpy_opcode)(ins & 0xff)) {
#endif

    TARGET(NOP) DISPATCH();

    TARGET(POP_TOP) sp--; DISPATCH();

    TARGET(COPY) { mpy_value v = sp[-(int)arg]; PUSH(v); DISPATCH(); }

    TARGET(SWAP) {
        mpy_value t = sp[-1];
        sp[-1] = sp[-(int)arg];
        sp[-(int)arg] = t;
        DISPATCH();
    }

    TARGET(LOAD_CONST) PUSH(consts[arg]); DISPATCH();

    TARGET(PUSH_NULL) PUSH(MPY_NULL); DISPATCH();

    TARGET(LOAD_FAST) {
        mpy_value v = L[arg];
        if (MPY_UNLIKELY(mpy_is_null(v))) { unbound_local(vm, co->varnames[arg]); goto error; }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_FAST) L[arg] = POP(); DISPATCH();

    /* Fused pairs (opcodes.h): ip passes the second word before its half
     * runs, so that an error there is reported at that word. */
    TARGET(LOAD_FAST_LOAD_FAST) {
        uint32_t a = arg & MPY_FUSE_MAX, b = arg >> MPY_FUSE_SHIFT;
        mpy_value v = L[a];
        if (MPY_UNLIKELY(mpy_is_null(v))) { unbound_local(vm, co->varnames[a]); goto error; }
        ip++;
        mpy_value w = L[b];
        if (MPY_UNLIKELY(mpy_is_null(w))) { PUSH(v); unbound_local(vm, co->varnames[b]); goto error; }
        sp[0] = v;
        sp[1] = w;
        sp += 2;
        DISPATCH();
    }

    TARGET(LOAD_FAST_LOAD_CONST) {
        mpy_value v = L[arg & MPY_FUSE_MAX];
        if (MPY_UNLIKELY(mpy_is_null(v))) { unbound_local(vm, co->varnames[arg & MPY_FUSE_MAX]); goto error; }
        ip++;
        sp[0] = v;
        sp[1] = consts[arg >> MPY_FUSE_SHIFT];
        sp += 2;
        DISPATCH();
    }

    TARGET(STORE_FAST_LOAD_FAST) {
        L[arg & MPY_FUSE_MAX] = sp[-1];
        ip++;
        mpy_value v = L[arg >> MPY_FUSE_SHIFT];
        if (MPY_UNLIKELY(mpy_is_null(v))) { sp--; unbound_local(vm, co->varnames[arg >> MPY_FUSE_SHIFT]); goto error; }
        sp[-1] = v;
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        if (mpy_is_null(L[arg])) { unbound_local(vm, co->varnames[arg]); goto error; }
        L[arg] = MPY_NULL;
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        mpy_cell *c = (mpy_cell *)L[co->nlocals + arg].u.o;
        if (mpy_is_null(c->value)) { unbound_cell(vm, co, arg); goto error; }
        PUSH(c->value);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        mpy_cell *c = (mpy_cell *)L[co->nlocals + arg].u.o;
        c->value = POP();
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        mpy_cell *c = (mpy_cell *)L[co->nlocals + arg].u.o;
        if (mpy_is_null(c->value)) { unbound_cell(vm, co, arg); goto error; }
        c->value = MPY_NULL;
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) PUSH(L[co->nlocals + arg]); DISPATCH();

    TARGET(LOAD_CLASSDEREF) {
        mpy_str *name = cell_name(co, arg);
        bool err;
        mpy_value v = mpy_is_null(f->locals) ? MPY_NULL : locals_get(vm, f->locals, name, &err);
        if (mpy_is_null(v)) {
            if (!mpy_is_null(f->locals) && err) goto error;
            mpy_cell *c = (mpy_cell *)L[co->nlocals + arg].u.o;
            if (mpy_is_null(c->value)) { unbound_cell(vm, co, arg); goto error; }
            v = c->value;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
    op_load_global_body:
        if (MPY_LIKELY(co->gcache != NULL)) {
            mpy_global_cache *c = &co->gcache[arg];
            if (c->globals == f->globals && c->gver == f->globals->version &&
                (!c->builtin || c->bver == f->builtins->version)) {
                mpy_value v = (c->builtin ? f->builtins : f->globals)->entries[c->ix].value;
                if (MPY_LIKELY(!mpy_is_null(v))) {
                    PUSH(v);
                    DISPATCH();
                }
            }
        }
        mpy_value v = load_global_slow(vm, f, arg);
        if (mpy_is_null(v)) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        if (!mpy_dict_set_str(vm, f->globals, names[arg], sp[-1])) goto error;
        sp--;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        int r = mpy_dict_del(vm, f->globals, mpy_from_obj(names[arg]));
        if (r < 0) goto error;
        if (r == 0) { name_error(vm, names[arg]); goto error; }
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        /* Module-level code: the locals are the globals, so LOAD_GLOBAL's
         * cached lookup gives the same answer. */
        if (f->locals.tag == MPY_TAG_OBJ && f->locals.u.o == &f->globals->hdr) goto op_load_global_body;
        mpy_str *name = names[arg];
        mpy_value v = MPY_NULL;
        if (!mpy_is_null(f->locals)) {
            bool err;
            v = locals_get(vm, f->locals, name, &err);
            if (err) goto error;
        }
        if (mpy_is_null(v)) {
            v = load_global(vm, f, name);
            if (mpy_is_null(v)) goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        mpy_value target = mpy_is_null(f->locals) ? mpy_from_obj(f->globals) : f->locals;
        if (!locals_set(vm, target, names[arg], sp[-1])) goto error;
        sp--;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        mpy_value target = mpy_is_null(f->locals) ? mpy_from_obj(f->globals) : f->locals;
        if (mpy_is_type(vm, target, MPY_TYPE_DICT)) {
            int r = mpy_dict_del(vm, mpy_as_dict(target), mpy_from_obj(names[arg]));
            if (r < 0) goto error;
            if (r == 0) { name_error(vm, names[arg]); goto error; }
        } else if (!mpy_delitem(vm, target, mpy_from_obj(names[arg]))) {
            if (mpy_err_matches(vm, MPY_EXC_KeyError)) { mpy_err_clear(vm); name_error(vm, names[arg]); }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        mpy_value obj = sp[-1];
        if (obj.tag == MPY_TAG_OBJ) {
            mpy_attr_cache *c = attr_lookup(vm, co, arg, obj.u.o->type, names[arg]);
            if (c) {
                if (c->load_kind != MPY_AC_NONE) {
                    bool miss;
                    mpy_value v = cached_load(vm, c, obj, names[arg], &miss);
                    if (!miss) {
                        if (mpy_is_null(v)) goto error;
                        sp[-1] = v;
                        DISPATCH();
                    }
                }
            }
        }
        mpy_value v = mpy_getattr(vm, obj, names[arg]);
        if (mpy_is_null(v)) goto error;
        sp[-1] = v;
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        mpy_value obj = sp[-1];
        if (obj.tag == MPY_TAG_OBJ) {
            mpy_type *t = obj.u.o->type;
            mpy_attr_cache *c = attr_lookup(vm, co, arg, t, names[arg]);
            if (c) {
                if (c->store_kind == MPY_AC_STORE_DICT) {
                    mpy_dict **slot = (mpy_dict **)((char *)obj.u.o + t->dict_offset);
                    if (!*slot && !(*slot = mpy_dict_new(vm))) goto error;
                    mpy_dict *d = *slot;
                    uint32_t h = c->hint;
                    if (h < d->nentries && d->entries[h].key.tag == MPY_TAG_OBJ &&
                        d->entries[h].key.u.o == &names[arg]->hdr) {
                        /* Replacing a value leaves the dict's layout alone. */
                        d->entries[h].value = sp[-2];
                        sp -= 2;
                        DISPATCH();
                    }
                    if (!mpy_dict_set_str(vm, d, names[arg], sp[-2])) goto error;
                    int64_t ix = mpy_dict_entry_index_str(vm, d, names[arg]);
                    if (ix >= 0) c->hint = (uint32_t)ix;
                    sp -= 2;
                    DISPATCH();
                }
                if (c->store_kind == MPY_AC_DATA) {
                    mpy_type *dt = mpy_typeof(vm, c->descr);
                    if (!dt->slots.descr_set(vm, c->descr, obj, sp[-2])) goto error;
                    sp -= 2;
                    DISPATCH();
                }
            }
        }
        if (!mpy_setattr(vm, sp[-1], names[arg], sp[-2])) goto error;
        sp -= 2;
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        if (!mpy_delattr(vm, sp[-1], names[arg])) goto error;
        sp--;
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        mpy_value obj = sp[-1];
        if (obj.tag == MPY_TAG_OBJ) {
            mpy_type *t = obj.u.o->type;
            mpy_attr_cache *c = attr_lookup(vm, co, arg, t, names[arg]);
            if (c) {
                if (c->method_kind == MPY_AC_METHOD) {
                    /* An instance attribute of the same name wins. */
                    mpy_dict *d = inst_dict(t, obj.u.o);
                    mpy_value iv = d && d->used ? mpy_dict_get_str(vm, d, names[arg]) : MPY_NULL;
                    if (mpy_is_null(iv)) {
                        sp[-1] = c->descr;
                        PUSH(obj);
                    } else {
                        sp[-1] = iv;
                        PUSH(MPY_NULL);
                    }
                    DISPATCH();
                }
            }
        }
        mpy_value self;
        mpy_value m = mpy_getmethod(vm, sp[-1], names[arg], &self);
        if (mpy_is_null(m)) goto error;
        sp[-1] = m;
        PUSH(self);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        mpy_value key = sp[-1], obj = sp[-2];
        if (IS_EXACT(obj, MPY_TYPE_TUPLE) && key.tag == MPY_TAG_INT) {
            mpy_tuple *t = (mpy_tuple *)obj.u.o;
            int64_t i = key.u.i;
            if (i < 0) i += (int64_t)t->len;
            if (i >= 0 && i < (int64_t)t->len) {
                sp[-2] = t->items[i];
                sp--;
                DISPATCH();
            }
        }
        if (IS_EXACT(obj, MPY_TYPE_DICT)) {
            /* A missing key takes the general path, which raises. */
            bool err;
            mpy_value v = mpy_dict_get(vm, (mpy_dict *)obj.u.o, key, &err);
            if (err) goto error;
            if (!mpy_is_null(v)) {
                sp[-2] = v;
                sp--;
                DISPATCH();
            }
        }
        if (obj.tag == MPY_TAG_OBJ && obj.u.o->type == vm->types[MPY_TYPE_LIST] && key.tag == MPY_TAG_INT) {
            mpy_list *l = (mpy_list *)obj.u.o;
            int64_t i = key.u.i;
            if (i < 0) i += (int64_t)l->len;
            if (i >= 0 && i < (int64_t)l->len) {
                sp[-2] = l->items[i];
                sp--;
                DISPATCH();
            }
        }
        mpy_value v = mpy_getitem(vm, obj, key);
        if (mpy_is_null(v)) goto error;
        sp[-2] = v;
        sp--;
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        mpy_value key = sp[-1], obj = sp[-2], v = sp[-3];
        if (obj.tag == MPY_TAG_OBJ && obj.u.o->type == vm->types[MPY_TYPE_LIST] && key.tag == MPY_TAG_INT) {
            mpy_list *l = (mpy_list *)obj.u.o;
            int64_t i = key.u.i;
            if (i < 0) i += (int64_t)l->len;
            if (i >= 0 && i < (int64_t)l->len) {
                l->items[i] = v;
                sp -= 3;
                DISPATCH();
            }
        }
        if (IS_EXACT(obj, MPY_TYPE_DICT) ? !mpy_dict_set(vm, (mpy_dict *)obj.u.o, key, v) : !mpy_setitem(vm, obj, key, v))
            goto error;
        sp -= 3;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        if (!mpy_delitem(vm, sp[-2], sp[-1])) goto error;
        sp -= 2;
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        mpy_value step = arg == 3 ? POP() : MPY_NONE;
        mpy_value stop = POP(), start = POP();
        mpy_value args[3] = {start, stop, step};
        mpy_value s = mpy_call_rooted(vm, mpy_from_obj(vm->types[MPY_TYPE_SLICE]), 3, args, NULL);
        if (mpy_is_null(s)) goto error;
        PUSH(s);
        DISPATCH();
    }

    /* BINARY_OP specialised by operator (opcodes.h): straight to its case,
     * without the switch's indirect jump. */
    TARGET(BINARY_ADD) goto binop_add;
    TARGET(BINARY_SUB) goto binop_sub;
    TARGET(BINARY_MUL) goto binop_mul;

    TARGET(BINARY_OP) {
        switch (arg) {
        case MPY_BINOP_ADD:
        case MPY_BINOP_INPLACE + MPY_BINOP_ADD:
        binop_add:
            BINARY_FAST_INT(__builtin_add_overflow);
            if (sp[-1].tag == MPY_TAG_FLOAT && sp[-2].tag == MPY_TAG_FLOAT) {
                sp[-2] = mpy_from_float(sp[-2].u.f + sp[-1].u.f);
                sp--;
                DISPATCH();
            }
            if (IS_EXACT(sp[-2], MPY_TYPE_STR) && IS_EXACT(sp[-1], MPY_TYPE_STR)) {
                mpy_str *r = mpy_str_concat(vm, (mpy_str *)sp[-2].u.o, (mpy_str *)sp[-1].u.o);
                if (!r) goto error;
                sp[-2] = mpy_from_obj(r);
                sp--;
                DISPATCH();
            }
            break;
        case MPY_BINOP_SUB:
        case MPY_BINOP_INPLACE + MPY_BINOP_SUB:
        binop_sub:
            BINARY_FAST_INT(__builtin_sub_overflow);
            if (sp[-1].tag == MPY_TAG_FLOAT && sp[-2].tag == MPY_TAG_FLOAT) {
                sp[-2] = mpy_from_float(sp[-2].u.f - sp[-1].u.f);
                sp--;
                DISPATCH();
            }
            break;
        case MPY_BINOP_MUL:
        case MPY_BINOP_INPLACE + MPY_BINOP_MUL:
        binop_mul:
            BINARY_FAST_INT(__builtin_mul_overflow);
            if (sp[-1].tag == MPY_TAG_FLOAT && sp[-2].tag == MPY_TAG_FLOAT) {
                sp[-2] = mpy_from_float(sp[-2].u.f * sp[-1].u.f);
                sp--;
                DISPATCH();
            }
            break;
        case MPY_BINOP_FLOORDIV:
        case MPY_BINOP_INPLACE + MPY_BINOP_FLOORDIV:
            if (sp[-2].tag == MPY_TAG_INT && sp[-1].tag == MPY_TAG_INT && sp[-1].u.i > 0) {
                /* Floor division by a positive divisor: round toward minus
                 * infinity (C truncates toward zero). */
                int64_t a = sp[-2].u.i, b = sp[-1].u.i, q = a / b;
                if ((a % b) < 0) q--;
                sp[-2] = mpy_from_int(q);
                sp--;
                DISPATCH();
            }
            break;
        case MPY_BINOP_MOD:
        case MPY_BINOP_INPLACE + MPY_BINOP_MOD:
            if (sp[-2].tag == MPY_TAG_INT && sp[-1].tag == MPY_TAG_INT && sp[-1].u.i > 0) {
                int64_t a = sp[-2].u.i, b = sp[-1].u.i, m = a % b;
                if (m < 0) m += b;
                sp[-2] = mpy_from_int(m);
                sp--;
                DISPATCH();
            }
            break;
        case MPY_BINOP_TRUEDIV:
        case MPY_BINOP_INPLACE + MPY_BINOP_TRUEDIV:
            if (sp[-1].tag == MPY_TAG_FLOAT && sp[-2].tag == MPY_TAG_FLOAT && sp[-1].u.f != 0.0) {
                sp[-2] = mpy_from_float(sp[-2].u.f / sp[-1].u.f);
                sp--;
                DISPATCH();
            }
            break;
        case MPY_BINOP_AND:
        case MPY_BINOP_INPLACE + MPY_BINOP_AND:
            if (sp[-2].tag == MPY_TAG_INT && sp[-1].tag == MPY_TAG_INT) {
                sp[-2] = mpy_from_int(sp[-2].u.i & sp[-1].u.i);
                sp--;
                DISPATCH();
            }
            break;
        case MPY_BINOP_OR:
        case MPY_BINOP_INPLACE + MPY_BINOP_OR:
            if (sp[-2].tag == MPY_TAG_INT && sp[-1].tag == MPY_TAG_INT) {
                sp[-2] = mpy_from_int(sp[-2].u.i | sp[-1].u.i);
                sp--;
                DISPATCH();
            }
            break;
        case MPY_BINOP_XOR:
        case MPY_BINOP_INPLACE + MPY_BINOP_XOR:
            if (sp[-2].tag == MPY_TAG_INT && sp[-1].tag == MPY_TAG_INT) {
                sp[-2] = mpy_from_int(sp[-2].u.i ^ sp[-1].u.i);
                sp--;
                DISPATCH();
            }
            break;
        case MPY_BINOP_RSHIFT:
        case MPY_BINOP_INPLACE + MPY_BINOP_RSHIFT:
            if (sp[-2].tag == MPY_TAG_INT && sp[-1].tag == MPY_TAG_INT && sp[-1].u.i >= 0) {
                /* Arithmetic shift; 63 or more leaves only the sign. */
                int64_t a = sp[-2].u.i, n = sp[-1].u.i;
                sp[-2] = mpy_from_int(n >= 63 ? (a < 0 ? -1 : 0) : (a >> n));
                sp--;
                DISPATCH();
            }
            break;
        case MPY_BINOP_LSHIFT:
        case MPY_BINOP_INPLACE + MPY_BINOP_LSHIFT:
            if (sp[-2].tag == MPY_TAG_INT && sp[-1].tag == MPY_TAG_INT && sp[-1].u.i >= 0 && sp[-1].u.i < 63) {
                /* Only when no bit (and not the sign) is shifted out. */
                int64_t a = sp[-2].u.i, n = sp[-1].u.i;
                if (a >= -((int64_t)1 << (62 - n)) && a < ((int64_t)1 << (62 - n))) {
                    sp[-2] = mpy_from_int((int64_t)((uint64_t)a << n));
                    sp--;
                    DISPATCH();
                }
            }
            break;
        default:
            break;
        }
        mpy_value r = mpy_binary_op(vm, (mpy_binop)arg, sp[-2], sp[-1]);
        if (mpy_is_null(r)) goto error;
        sp[-2] = r;
        sp--;
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        mpy_value v = sp[-1];
        if (v.tag == MPY_TAG_INT && v.u.i != INT64_MIN) { sp[-1] = mpy_from_int(-v.u.i); DISPATCH(); }
        if (v.tag == MPY_TAG_FLOAT) { sp[-1] = mpy_from_float(-v.u.f); DISPATCH(); }
        mpy_value r = mpy_unary(vm, MPY_UNARY_NEG, v);
        if (mpy_is_null(r)) goto error;
        sp[-1] = r;
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        mpy_value r = mpy_unary(vm, MPY_UNARY_POS, sp[-1]);
        if (mpy_is_null(r)) goto error;
        sp[-1] = r;
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        mpy_value r = mpy_unary(vm, MPY_UNARY_INVERT, sp[-1]);
        if (mpy_is_null(r)) goto error;
        sp[-1] = r;
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        int t = mpy_truth(vm, sp[-1]);
        if (t < 0) goto error;
        sp[-1] = mpy_from_bool(!t);
        DISPATCH();
    }

    /* The compiler puts a while loop's test at
     * the bottom, so a conditional jump can be a loop's back edge: a
     * backward one is a safe point, like JUMP. */
#define COND_JUMP()                                                          \
    do {                                                                     \
        const uint32_t *t_ = co->code + arg;                                 \
        bool back_ = t_ < ip;                                                \
        ip = t_;                                                             \
        if (back_ && MPY_UNLIKELY(vm->interrupt || vm->bytes_allocated > vm->next_gc || vm->stress_gc)) \
            goto safepoint;                                                  \
    } while (0)

    /* A comparison's result is most often only tested by the conditional
     * jump after it: the fast paths then jump at once, without making the
     * bool, pushing and popping it and dispatching the jump. */
#define CMP_RESULT(res)                                                      \
    do {                                                                     \
        uint32_t nx_ = *ip;                                                  \
        if ((nx_ & 0xff) == MPY_OP_POP_JUMP_IF_FALSE || (nx_ & 0xff) == MPY_OP_POP_JUMP_IF_TRUE) { \
            sp -= 2;                                                         \
            ip++;                                                            \
            arg = nx_ >> 8;                                                  \
            if ((res) == ((nx_ & 0xff) == MPY_OP_POP_JUMP_IF_TRUE)) COND_JUMP(); \
            DISPATCH();                                                      \
        }                                                                    \
        sp[-2] = mpy_from_bool(res);                                         \
        sp--;                                                                \
        DISPATCH();                                                          \
    } while (0)

    TARGET(COMPARE_OP) {
        bool res;
        if (cmp_fast(sp[-2], sp[-1], arg, &res)) CMP_RESULT(res);
        if (sp[-2].tag == MPY_TAG_OBJ && sp[-1].tag == MPY_TAG_OBJ &&
            sp[-2].u.o->type == vm->types[MPY_TYPE_STR] && sp[-1].u.o->type == vm->types[MPY_TYPE_STR]) {
            /* Exact strs: UTF-8 bytes order as code points do. */
            const mpy_str *x = (const mpy_str *)sp[-2].u.o, *y = (const mpy_str *)sp[-1].u.o;
            size_t n = x->len < y->len ? x->len : y->len;
            int c = x == y ? 0 : memcmp(x->data, y->data, n);
            if (c == 0) c = (x->len > y->len) - (x->len < y->len);
            switch (arg) {
            case MPY_CMP_LT: res = c < 0; break;
            case MPY_CMP_LE: res = c <= 0; break;
            case MPY_CMP_EQ: res = c == 0; break;
            case MPY_CMP_NE: res = c != 0; break;
            case MPY_CMP_GT: res = c > 0; break;
            default: res = c >= 0; break;
            }
            CMP_RESULT(res);
        }
        mpy_value r = mpy_compare(vm, sp[-2], sp[-1], (mpy_cmpop)arg);
        if (mpy_is_null(r)) goto error;
        sp[-2] = r;
        sp--;
        DISPATCH();
    }

    TARGET(IS_OP) {
        bool r = mpy_is(sp[-2], sp[-1]);
        sp[-2] = mpy_from_bool(arg ? !r : r);
        sp--;
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        int r;
        if (IS_EXACT(sp[-1], MPY_TYPE_DICT)) {
            bool err;
            r = !mpy_is_null(mpy_dict_get(vm, (mpy_dict *)sp[-1].u.o, sp[-2], &err));
            if (err) goto error;
        } else if ((r = mpy_contains(vm, sp[-1], sp[-2])) < 0) {
            goto error;
        }
        sp[-2] = mpy_from_bool(arg ? !r : r);
        sp--;
        DISPATCH();
    }

    TARGET(JUMP) {
        const uint32_t *target = co->code + arg;
        if (target <= ip) {
            ip = target;
            if (MPY_UNLIKELY(vm->interrupt || vm->bytes_allocated > vm->next_gc || vm->stress_gc)) goto safepoint;
            DISPATCH();
        }
        ip = target;
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        mpy_value v = POP();
        int t;
        if (v.tag == MPY_TAG_BOOL) t = (int)v.u.i;
        else if ((t = mpy_truth(vm, v)) < 0) goto error;
        if (!t) COND_JUMP();
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        mpy_value v = POP();
        int t;
        if (v.tag == MPY_TAG_BOOL) t = (int)v.u.i;
        else if ((t = mpy_truth(vm, v)) < 0) goto error;
        if (t) COND_JUMP();
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        mpy_value v = POP();
        if (mpy_is_none(v)) COND_JUMP();
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        mpy_value v = POP();
        if (!mpy_is_none(v)) COND_JUMP();
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        int t = mpy_truth(vm, sp[-1]);
        if (t < 0) goto error;
        if (!t) ip = co->code + arg;
        else sp--;
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        int t = mpy_truth(vm, sp[-1]);
        if (t < 0) goto error;
        if (t) ip = co->code + arg;
        else sp--;
        DISPATCH();
    }

    TARGET(GET_ITER) {
        mpy_value it = mpy_iter(vm, sp[-1]);
        if (mpy_is_null(it)) goto error;
        sp[-1] = it;
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        mpy_value it = sp[-1];
        if (it.tag == MPY_TAG_OBJ && it.u.o->type == vm->types[MPY_TYPE_GENERATOR]) {
            /* Resume a generator directly: everything this frame holds is
             * on its saved stack, so unlike the generator's `next` slot
             * (made for C callers) collection may run inside the body. */
            mpy_value out;
            SAVE_FRAME();
            mpy_gen_result r = mpy_gen_send(vm, (mpy_generator *)it.u.o, MPY_NONE, MPY_NULL, &out);
            if (r == MPY_GEN_ERROR) goto error;
            if (r == MPY_GEN_RETURNED) {
                sp--;
                ip = co->code + arg;
                DISPATCH();
            }
            PUSH(out);
            DISPATCH();
        }
        mpy_value v = mpy_next(vm, it);
        if (mpy_is_null(v)) {
            if (mpy_err_occurred(vm)) goto error;
            sp--;
            ip = co->code + arg;
            DISPATCH();
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        result = POP();
        goto do_return;
    }

    TARGET(BUILD_TUPLE) {
        mpy_tuple *t = mpy_tuple_from(vm, arg, sp - arg);
        if (!t) goto error;
        sp -= arg;
        PUSH(mpy_from_obj(t));
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        mpy_list *l = mpy_list_from(vm, arg, sp - arg);
        if (!l) goto error;
        sp -= arg;
        PUSH(mpy_from_obj(l));
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        mpy_value set = mpy_call_rooted(vm, mpy_from_obj(vm->types[MPY_TYPE_SET]), 0, NULL, NULL);
        if (mpy_is_null(set)) goto error;
        for (uint32_t i = 0; i < arg; i++) {
            mpy_value r = mpy_call_method(vm, set, "add", 1, &sp[-(int)arg + (int)i]);
            if (mpy_is_null(r)) goto error;
        }
        sp -= arg;
        PUSH(set);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        mpy_dict *d = mpy_dict_new(vm);
        if (!d) goto error;
        for (uint32_t i = 0; i < arg; i++)
            if (!mpy_dict_set(vm, d, sp[-2 * (int)arg + 2 * (int)i], sp[-2 * (int)arg + 2 * (int)i + 1])) goto error;
        sp -= 2 * arg;
        PUSH(mpy_from_obj(d));
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        size_t total = 0;
        for (uint32_t i = 0; i < arg; i++) total += mpy_as_str(sp[-(int)arg + (int)i])->len;
        mpy_str *s = mpy_str_alloc(vm, total);
        if (!s) goto error;
        size_t w = 0, cps = 0;
        for (uint32_t i = 0; i < arg; i++) {
            mpy_str *p = mpy_as_str(sp[-(int)arg + (int)i]);
            memcpy(s->data + w, p->data, p->len);
            w += p->len;
            cps += p->cplen;
        }
        if (total) {
            s->data[total] = 0;
            s->cplen = cps;
        }
        sp -= arg;
        PUSH(mpy_from_obj(s));
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        mpy_value v = POP();
        if (!mpy_list_append(vm, mpy_as_list(sp[-(int)arg]), v)) goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        mpy_value v = POP();
        if (mpy_is_null(mpy_call_method(vm, sp[-(int)arg], "add", 1, &v))) goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        mpy_value v = POP(), k = POP();
        if (!mpy_dict_set(vm, mpy_as_dict(sp[-(int)arg]), k, v)) goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        mpy_value it = POP();
        if (!mpy_list_extend(vm, mpy_as_list(sp[-(int)arg]), it)) {
            if (mpy_err_matches(vm, MPY_EXC_TypeError) && !mpy_typeof(vm, it)->slots.iter &&
                !mpy_typeof(vm, it)->slots.getitem) {
                mpy_err_clear(vm);
                mpy_err_fmt(vm, MPY_EXC_TypeError, "Value after * must be an iterable, not %s", mpy_tname(vm, it));
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        mpy_value it = POP();
        if (mpy_is_null(mpy_call_method(vm, sp[-(int)arg], "update", 1, &it))) goto error;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        mpy_value m = POP();
        if (!mpy_is_sub(vm, m, MPY_TYPE_DICT) && mpy_is_null(mpy_getattr_opt(vm, m, vm->names.keys))) {
            if (!mpy_err_occurred(vm))
                mpy_err_fmt(vm, MPY_EXC_TypeError, "'%s' object is not a mapping", mpy_tname(vm, m));
            goto error;
        }
        if (!mpy_dict_update(vm, mpy_as_dict(sp[-(int)arg]), m)) goto error;
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        mpy_value m = POP();
        mpy_dict *d = mpy_as_dict(sp[-(int)arg]);
        mpy_value func = sp[-(int)arg - 3];
        if (!mpy_is_sub(vm, m, MPY_TYPE_DICT) && mpy_is_null(mpy_getattr_opt(vm, m, vm->names.keys))) {
            if (!mpy_err_occurred(vm)) {
                char fname[256];
                function_str(vm, func, fname, sizeof fname);
                mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() argument after ** must be a mapping, not %s",
                            fname,
                            mpy_tname(vm, m));
            }
            goto error;
        }
        mpy_dict *tmp = mpy_dict_new(vm);
        if (!tmp || !mpy_dict_update(vm, tmp, m)) goto error;
        size_t pos = 0;
        mpy_value k, v;
        while (mpy_dict_next(tmp, &pos, &k, &v)) {
            bool err;
            if (!mpy_is_null(mpy_dict_get(vm, d, k, &err))) {
                char fname[256];
                function_str(vm, func, fname, sizeof fname);
                mpy_value ks = mpy_to_str(vm, k);
                if (mpy_is_null(ks)) goto error;
                mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() got multiple values for keyword argument '%s'",
                            fname,
                            mpy_as_str(ks)->data);
                goto error;
            }
            if (err || !mpy_dict_set(vm, d, k, v)) goto error;
        }
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        mpy_list *l = mpy_as_list(sp[-1]);
        mpy_tuple *t = mpy_tuple_from(vm, l->len, l->items);
        if (!t) goto error;
        sp[-1] = mpy_from_obj(t);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        mpy_value seq = POP();
        if (!unpack(vm, seq, (int)arg, sp)) { PUSH(seq); goto error; }
        sp += arg;
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        int before = (int)(arg & 0xfff), after = (int)(arg >> 12);
        mpy_value seq = POP();
        if (!unpack_ex(vm, seq, before, after, sp)) { PUSH(seq); goto error; }
        sp += before + 1 + after;
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        mpy_value spec = (arg & 4) ? POP() : MPY_NULL;
        mpy_value r = format_value(vm, sp[-1], (int)(arg & 3), spec);
        if (mpy_is_null(r)) goto error;
        sp[-1] = r;
        DISPATCH();
    }

    TARGET(CALL) {
        call_kw = NULL;
    call_body:;
        int n = (int)arg;
        mpy_tuple *kwnames = call_kw;
        mpy_value *args;
        int argc;
        mpy_value callable = sp[-n - 2];
        bool has_self = !mpy_is_null(sp[-n - 1]);
        if (has_self) {
            args = sp - n - 1;
            argc = n + 1;
        } else if (callable.tag == MPY_TAG_OBJ && callable.u.o->type == vm->types[MPY_TYPE_METHOD]) {
            mpy_method *m = (mpy_method *)callable.u.o;
            sp[-n - 1] = m->self;
            callable = sp[-n - 2] = m->func;
            args = sp - n - 1;
            argc = n + 1;
        } else {
            args = sp - n;
            argc = n;
        }
        if (kwnames) argc -= (int)kwnames->len;
        if (callable.tag == MPY_TAG_OBJ && callable.u.o->type == vm->types[MPY_TYPE_FUNCTION]) {
            mpy_value gen = MPY_NULL;
            SAVE_FRAME();
            f->sp = sp - n - 2;
            mpy_frame *nf = call_frame(vm, (mpy_function *)callable.u.o, argc, args, kwnames, &gen);
            if (!nf) {
                if (mpy_is_null(gen)) goto error;
                sp = f->sp;
                PUSH(gen);
                DISPATCH();
            }
            f = nf;
            LOAD_FRAME();
            if (MPY_UNLIKELY(vm->interrupt || vm->bytes_allocated > vm->next_gc || vm->stress_gc)) goto safepoint;
            DISPATCH();
        }
        SAVE_FRAME();
        mpy_value r;
        if (callable.tag == MPY_TAG_OBJ && callable.u.o->type == vm->types[MPY_TYPE_NATIVE]) {
            mpy_native *nat = (mpy_native *)callable.u.o;
            /* Fast path: a method found by LOAD_METHOD already has a
             * self of the right type. */
            if (has_self && nat->owner) {
                r = nat->fn(vm, argc, args, kwnames);
            } else if (!has_self && !nat->owner) {
                /* A builtin function (len, isinstance, ...): no self to
                 * check, only the C depth (as native_call counts it). */
                r = MPY_NULL;
                if (mpy_c_enter(vm, NULL)) {
                    r = nat->fn(vm, argc, args, kwnames);
                    mpy_c_leave(vm);
                }
            } else {
                r = mpy_call_rooted(vm, callable, argc, args, kwnames);
            }
        } else if (callable.tag == MPY_TAG_OBJ && callable.u.o == (mpy_obj *)vm->types[MPY_TYPE_STR] && argc == 1 &&
                   !kwnames && args[0].tag == MPY_TAG_INT) {
            /* str(i) of a small int, as common as it is simple. */
            mpy_str *s = mpy_int_to_base(vm, args[0], 10);
            r = s ? mpy_from_obj(s) : MPY_NULL;
        } else {
            r = mpy_call_rooted(vm, callable, argc, args, kwnames);
        }
        sp -= n + 2;
        if (mpy_is_null(r)) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(CALL_KW) {
        /* kwnames (a constant tuple) sits on top of the arguments: take it
         * off and share CALL's path. */
        call_kw = mpy_as_tuple(POP());
        goto call_body;
    }

    TARGET(CALL_EX) {
        mpy_value kwd = (arg & 1) ? POP() : MPY_NULL;
        mpy_value argst = POP();
        mpy_value callable = sp[-2];
        if (!mpy_is_sub(vm, argst, MPY_TYPE_TUPLE)) {
            mpy_value t = mpy_call1(vm, mpy_from_obj(vm->types[MPY_TYPE_TUPLE]), argst);
            if (mpy_is_null(t)) {
                if (mpy_err_matches(vm, MPY_EXC_TypeError)) {
                    mpy_err_clear(vm);
                    char fname[256];
                    function_str(vm, callable, fname, sizeof fname);
                    mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() argument after * must be an iterable, not %s",
                                fname,
                                mpy_tname(vm, argst));
                }
                goto error;
            }
            argst = t;
        }
        /* Keep the flattened values reachable: they sit in the tuple and
         * dict still on the stack below while the callee runs. */
        PUSH(argst);
        if (!mpy_is_null(kwd)) PUSH(kwd);
        mpy_value *a = NULL;
        int argc = 0;
        mpy_tuple *kwnames = NULL;
        size_t alloc = 0;
        /* f(*args, **kw) of a Python function (or a method of one) runs in
         * this loop like CALL, so wrappers that forward their arguments
         * recurse as deep as the recursion limit, not the C stack. */
        mpy_value target = callable, self = MPY_NULL;
        if (target.tag == MPY_TAG_OBJ && target.u.o->type == vm->types[MPY_TYPE_METHOD] &&
            ((mpy_method *)target.u.o)->func.tag == MPY_TAG_OBJ &&
            ((mpy_method *)target.u.o)->func.u.o->type == vm->types[MPY_TYPE_FUNCTION]) {
            self = ((mpy_method *)target.u.o)->self;
            target = ((mpy_method *)target.u.o)->func;
        }
        bool pyfunc = target.tag == MPY_TAG_OBJ && target.u.o->type == vm->types[MPY_TYPE_FUNCTION];
        if (!flatten_call(vm, callable, pyfunc ? self : MPY_NULL, argst, kwd, &a, &argc, &kwnames, &alloc))
            goto error;
        if (kwnames) PUSH(mpy_from_obj(kwnames));
        if (pyfunc) {
            mpy_value gen = MPY_NULL;
            SAVE_FRAME();
            /* The callee's result lands where the callable was. */
            f->sp = sp - (1 + (mpy_is_null(kwd) ? 0 : 1) + (kwnames ? 1 : 0)) - 2;
            mpy_frame *nf = call_frame(vm, (mpy_function *)target.u.o, argc, a, kwnames, &gen);
            mpy_mem_free(vm, a, alloc);
            if (!nf) {
                if (mpy_is_null(gen)) {
                    sp = f->sp + 2 + 1 + (mpy_is_null(kwd) ? 0 : 1) + (kwnames ? 1 : 0);
                    goto error;
                }
                sp = f->sp;
                PUSH(gen);
                DISPATCH();
            }
            f = nf;
            LOAD_FRAME();
            if (MPY_UNLIKELY(vm->interrupt || vm->bytes_allocated > vm->next_gc || vm->stress_gc)) goto safepoint;
            DISPATCH();
        }
        SAVE_FRAME();
        mpy_value r = mpy_call_rooted(vm, callable, argc, a, kwnames);
        mpy_mem_free(vm, a, alloc);
        sp -= 1 + (mpy_is_null(kwd) ? 0 : 1) + (kwnames ? 1 : 0);
        sp -= 2;
        if (mpy_is_null(r)) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        mpy_code *fc = (mpy_code *)POP().u.o;
        mpy_function *fn = mpy_function_new(vm, fc, f->globals);
        if (!fn) goto error;
        if (arg & 8) fn->closure = mpy_as_tuple(POP());
        if (arg & 4) fn->annotations = POP();
        if (arg & 2) fn->kwdefaults = mpy_as_dict(POP());
        if (arg & 1) fn->defaults = mpy_as_tuple(POP());
        /* (compiler helper's change) compile.c's convention: consts[0] of a
         * def or lambda is its docstring, or None when it has none. */
        if (fc->nconsts && fc->consts[0].tag == MPY_TAG_OBJ && fc->consts[0].u.o->type == vm->types[MPY_TYPE_STR])
            fn->doc = fc->consts[0];
        PUSH(mpy_from_obj(fn));
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        mpy_value bc = mpy_dict_get_str(vm, f->builtins, vm->names.__build_class__);
        if (mpy_is_null(bc)) { mpy_err_msg(vm, MPY_EXC_NameError, "__build_class__ not found"); goto error; }
        PUSH(bc);
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        mpy_value target = mpy_is_null(f->locals) ? mpy_from_obj(f->globals) : f->locals;
        bool err;
        mpy_value a = locals_get(vm, target, vm->names.__annotations__, &err);
        if (err) goto error;
        if (mpy_is_null(a)) {
            mpy_dict *d = mpy_dict_new(vm);
            if (!d || !locals_set(vm, target, vm->names.__annotations__, mpy_from_obj(d))) goto error;
        }
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        result = POP();
        SAVE_FRAME();
        *yielded = true;
        vm->frame = f->prev;
        goto out;
    }

    TARGET(GET_YIELD_FROM_ITER) {
        mpy_value v = sp[-1];
        if (!mpy_is_type(vm, v, MPY_TYPE_GENERATOR)) {
            mpy_value it = mpy_iter(vm, v);
            if (mpy_is_null(it)) goto error;
            sp[-1] = it;
        }
        DISPATCH();
    }

    TARGET(YIELD_FROM) {
        mpy_value v = POP();
        mpy_value receiver = sp[-1];
        bool returned;
        SAVE_FRAME();
        mpy_value r = gen_step(vm, receiver, v, &returned);
        if (mpy_is_null(r)) goto error;
        if (returned) {
            sp[-1] = r;
            DISPATCH();
        }
        /* The sub-iterator yielded: yield its value and come back to this
         * instruction with the next sent value on the stack. */
        ip--;
        result = r;
        SAVE_FRAME();
        if (f->gen) ((mpy_generator *)f->gen)->yf = receiver;
        *yielded = true;
        vm->frame = f->prev;
        goto out;
    }

    TARGET(RAISE_VARARGS) {
        mpy_value cause = arg == 2 ? POP() : MPY_NULL;
        mpy_value exc = arg >= 1 ? POP() : MPY_NULL;
        if (!do_raise(vm, exc, cause)) {
            if (arg == 0 && mpy_is(vm->exc, vm->exc_info)) goto unwind_reraise;
            goto error;
        }
        goto error;
    }

    TARGET(PUSH_EXC_INFO) {
        mpy_value exc = sp[-1];
        sp[-1] = mpy_is_null(vm->exc_info) ? MPY_NONE : vm->exc_info;
        PUSH(exc);
        vm->exc_info = exc;
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        mpy_value prev = POP();
        vm->exc_info = mpy_is_none(prev) ? MPY_NULL : prev;
        DISPATCH();
    }

    TARGET(RERAISE) {
        mpy_value exc = POP();
        if (arg) {
            mpy_value lasti = sp[-(int)arg];
            if (mpy_is_smallint(lasti)) ip = co->code + lasti.u.i + 1;
        }
        vm->exc = exc;
        goto unwind_reraise;
    }

    TARGET(CHECK_EXC_MATCH) {
        int r = exc_match(vm, sp[-2], sp[-1]);
        if (r < 0) goto error;
        sp[-1] = mpy_from_bool(r);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) PUSH(mpy_from_obj(vm->exc_types[MPY_EXC_AssertionError])); DISPATCH();

    TARGET(BEFORE_WITH) {
        mpy_value mgr = sp[-1];
        mpy_type *t = mpy_typeof(vm, mgr);
        mpy_value enter = mpy_type_lookup(vm, t, vm->names.__enter__);
        if (mpy_is_null(enter)) {
            mpy_err_fmt(vm, MPY_EXC_TypeError, "'%s' object does not support the context manager protocol",
                        mpy_type_name(t));
            goto error;
        }
        mpy_value exitm = mpy_type_lookup(vm, t, vm->names.__exit__);
        if (mpy_is_null(exitm)) {
            mpy_err_fmt(vm, MPY_EXC_TypeError,
                        "'%s' object does not support the context manager protocol (missed __exit__ method)",
                        mpy_type_name(t));
            goto error;
        }
        mpy_value bound_exit = mpy_getattr(vm, mgr, vm->names.__exit__);
        if (mpy_is_null(bound_exit)) goto error;
        sp[-1] = bound_exit;
        SAVE_FRAME();
        mpy_value r = mpy_call_method(vm, mgr, "__enter__", 0, NULL);
        if (mpy_is_null(r)) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        mpy_value exc = sp[-1];
        mpy_value exitf = sp[-4];
        mpy_exc *e = mpy_as_exc(exc);
        mpy_value args[3] = {mpy_from_obj(mpy_typeof(vm, exc)), exc,
                             e->traceback ? mpy_from_obj(e->traceback) : MPY_NONE};
        SAVE_FRAME();
        mpy_value r = mpy_call_rooted(vm, exitf, 3, args, NULL);
        if (mpy_is_null(r)) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        mpy_value fromlist = POP();
        mpy_value level = sp[-1];
        SAVE_FRAME();
        mpy_value m = mpy_import(vm, names[arg], mpy_from_obj(f->globals), fromlist, (int)level.u.i);
        if (mpy_is_null(m)) goto error;
        sp[-1] = m;
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        mpy_value v = mpy_import_from(vm, sp[-1], names[arg]);
        if (mpy_is_null(v)) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        mpy_value m = POP();
        mpy_value target = mpy_is_null(f->locals) ? mpy_from_obj(f->globals) : f->locals;
        if (!mpy_import_star(vm, m, target)) goto error;
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        mpy_value v = POP();
        SAVE_FRAME();
        if (mpy_is_null(mpy_displayhook(vm, v))) goto error;
        DISPATCH();
    }

#if !MPY_COMPUTED_GOTO
    default:
        mpy_err_fmt(vm, MPY_EXC_SystemError, "unknown opcode %u", ins & 0xff);
        goto error;
    }
#endif

safepoint:
    SAVE_FRAME();
safepoint_entry:
    if (vm->interrupt) {
        /* (api helper) Set by mpy_vm_interrupt (KeyboardInterrupt), and
         * kept set while a host check hook is installed: vm/api_errors.c
         * raises the one or runs the other. */
        bool mpy_api_safepoint(mpy_vm *vm);
        if (!mpy_api_safepoint(vm)) goto error;
    }
    mpy_gc_safepoint(vm);
    DISPATCH();

do_return:
    {
        mpy_frame *done = f;
        vm->frame = f->prev;
        if (!done->gen) vm->depth--;
        if (done->entry) {
            if (!done->gen) frame_release(vm, done);
            else done->sp = sp;
            goto out;
        }
        f = done->prev;
        frame_release(vm, done);
        LOAD_FRAME();
        PUSH(result);
        DISPATCH();
    }

error:
    {
        /* A new exception in this frame: record where, and chain it to the
         * exception being handled. */
        mpy_value exc = vm->exc;
        uint32_t pc = (uint32_t)(ip - co->code) - 1;
        chain_context(vm, exc);
        if (!mpy_exc_add_traceback(vm, exc, (mpy_obj *)co, mpy_code_line(co, pc))) {
            /* Out of memory while recording: the MemoryError replaces it. */
        } else if (!mpy_is(exc, vm->memerr) && mpy_as_exc(exc)->traceback) {
            mpy_as_exc(exc)->traceback->pc1 = pc + 1; /* for the caret line (vm/errors.c) */
        }
    }
unwind_reraise:
    {
        uint32_t pc = (uint32_t)(ip - co->code) - 1;
        for (uint32_t i = 0; i < co->nexc; i++) {
            mpy_exc_entry *e = &co->exctable[i];
            if (pc >= e->start && pc < e->end) {
                sp = L + co->nlocals + co->ncells + co->nfree + e->depth;
                if (e->lasti) PUSH(mpy_from_int(pc));
                PUSH(vm->exc);
                vm->exc = MPY_NULL;
                ip = co->code + e->target;
                DISPATCH();
            }
        }
        /* No handler: leave the frame. */
        mpy_frame *done = f;
        vm->frame = f->prev;
        if (!done->gen) vm->depth--;
        if (done->entry) {
            if (!done->gen) frame_release(vm, done);
            else done->sp = sp;
            result = MPY_NULL;
            goto out;
        }
        f = done->prev;
        frame_release(vm, done);
        LOAD_FRAME();
        goto error;
    }

out:
    mpy_c_leave(vm);
    return result;
}

/* One step of `yield from`: send v into receiver.  *returned is true when
 * it finished (the result is its return value). */
static mpy_value gen_step(mpy_vm *vm, mpy_value receiver, mpy_value v, bool *returned)
{
    *returned = false;
    if (mpy_is_type(vm, receiver, MPY_TYPE_GENERATOR)) {
        mpy_value out;
        mpy_gen_result r = mpy_gen_send(vm, (mpy_generator *)receiver.u.o, v, MPY_NULL, &out);
        if (r == MPY_GEN_ERROR) return MPY_NULL;
        *returned = r == MPY_GEN_RETURNED;
        return out;
    }
    mpy_value r;
    if (mpy_is_none(v)) {
        r = mpy_next(vm, receiver);
        if (mpy_is_null(r) && !mpy_err_occurred(vm)) {
            *returned = true;
            return MPY_NONE;
        }
    } else {
        r = mpy_call_method(vm, receiver, "send", 1, &v);
    }
    if (mpy_is_null(r) && mpy_err_matches(vm, MPY_EXC_StopIteration)) {
        mpy_value e = mpy_err_fetch(vm);
        mpy_tuple *a = mpy_as_exc(e)->args;
        *returned = true;
        return a->len ? a->items[0] : MPY_NONE;
    }
    return r;
}

/* ------------------------------------------------------ frame inspection */

mpy_value mpy_interp_globals(mpy_vm *vm)
{
    return vm->frame ? mpy_from_obj(vm->frame->globals) : MPY_NULL;
}

/* The current frame's locals as a mapping: the locals dict of module and
 * class code, or a fresh dict of the bound slots of a function. */
mpy_value mpy_interp_locals(mpy_vm *vm)
{
    mpy_frame *f = vm->frame;
    if (!f) return MPY_NULL;
    if (!mpy_is_null(f->locals)) return f->locals;
    mpy_dict *d = mpy_dict_new(vm);
    if (!d) return MPY_NULL;
    mpy_code *co = f->code;
    for (uint32_t i = 0; i < co->nlocals; i++)
        if (!mpy_is_null(f->slots[i]) && !mpy_dict_set_str(vm, d, co->varnames[i], f->slots[i])) return MPY_NULL;
    for (uint32_t i = 0; i < co->ncells + co->nfree; i++) {
        mpy_value c = f->slots[co->nlocals + i];
        if (mpy_is_obj(c) && !mpy_is_null(((mpy_cell *)c.u.o)->value) &&
            !mpy_dict_set_str(vm, d, cell_name(co, i), ((mpy_cell *)c.u.o)->value))
            return MPY_NULL;
    }
    return mpy_from_obj(d);
}

/* For super() without arguments: the running function's first argument
 * and its __class__ cell. */
bool mpy_interp_super_args(mpy_vm *vm, mpy_value *type, mpy_value *obj)
{
    mpy_frame *f = vm->frame;
    if (!f || !f->func) return mpy_err_msg(vm, MPY_EXC_RuntimeError, "super(): no arguments");
    mpy_code *co = f->code;
    if (co->argcount == 0 && !(co->flags & MPY_CO_VARARGS))
        return mpy_err_msg(vm, MPY_EXC_RuntimeError, "super(): no arguments");
    mpy_value first = f->slots[0];
    if (co->cell2arg)
        for (uint32_t i = 0; i < co->ncells; i++)
            if (co->cell2arg[i] == 0) first = ((mpy_cell *)f->slots[co->nlocals + i].u.o)->value;
    if (mpy_is_null(first)) return mpy_err_msg(vm, MPY_EXC_RuntimeError, "super(): arg[0] deleted");
    for (uint32_t i = 0; i < co->nfree; i++) {
        if (strcmp(co->freevars[i]->data, "__class__") != 0) continue;
        mpy_cell *c = (mpy_cell *)f->slots[co->nlocals + co->ncells + i].u.o;
        if (mpy_is_null(c->value)) return mpy_err_msg(vm, MPY_EXC_RuntimeError, "super(): empty __class__ cell");
        if (!mpy_is_sub(vm, c->value, MPY_TYPE_TYPE))
            return mpy_err_fmt(vm, MPY_EXC_RuntimeError, "super(): __class__ is not a type (%s)", mpy_tname(vm, c->value));
        *type = c->value;
        *obj = first;
        return true;
    }
    return mpy_err_msg(vm, MPY_EXC_RuntimeError, "super(): __class__ cell not found");
}
