/* Generators: the `generator` type, resuming a suspended frame, and the
 * send/throw/close protocol with CPython 3.11's semantics and messages.
 *
 * A generator owns a private copy of the frame its function call built
 * (vm/interp.c binds the arguments on the chunk stack, then hands that frame
 * to mpy_gen_new, which copies it and lets the original go).  The copy is
 * allocated through the VM allocator and never moves.  When the generator
 * finishes its slots are cleared, so an exhausted generator keeps nothing
 * alive but its code and function (the frame memory goes with the object).
 *
 * Resuming links the frame on top of vm->frame and runs it with
 * mpy_interp_run; the interpreter unlinks it again when it yields, returns
 * or raises.  The value sent in is pushed on the frame's stack (the result
 * of the YIELD_VALUE / YIELD_FROM that suspended it); a just-started
 * frame gets nothing, because the compiler emits no instruction to pop one.
 *
 * Handled exceptions: each generator keeps its own "exception being handled"
 * (exc_state), swapped with vm->exc_info around every step, so that an
 * `except` block suspended at a yield sees its own exception when resumed
 * and the caller's is restored when it yields.  While the generator has no
 * handled exception of its own it sees the caller's, as CPython's
 * exc_info chain does.  (One simplification: the previous value saved by
 * PUSH_EXC_INFO on the generator's stack is the caller's handled exception
 * of the step where the `except` started; if the generator later leaves
 * that block in a step resumed from elsewhere, it sees the stale one until
 * it yields.)
 *
 * Garbage collection: the trace slot marks the frame's slots, which keeps
 * everything a suspended generator refers to alive.  An unfinished
 * generator that becomes unreachable is closed, as CPython closes it when
 * its last reference goes: the collector (runtime/gc.c) keeps it alive for
 * one more cycle and calls mpy_gen_finalize after the sweep, so its
 * `finally` blocks and `with` exits run.  Only generators that can notice
 * are registered with the collector (at their first suspension): those
 * whose code has an exception handler, and those suspended in a
 * `yield from`, whose delegate close() reaches.  The timing differs from
 * CPython's: `del g` runs the finally at the next collection (at once
 * after gc.collect()), not at the `del`.
 */
#include <string.h>

#include "vm/state.h"
#include "vm/frame.h"
#include "vm/interp.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

mpy_value mpy_gen_new(mpy_vm *vm, mpy_frame *proto, mpy_function *fn);
mpy_value mpy_gen_next(mpy_vm *vm, mpy_value gen);
bool mpy_gen_needs_close(mpy_obj *o);
bool mpy_gen_finalize(mpy_vm *vm, mpy_obj *o);
/* runtime/frameobj.c */
mpy_value mpy_frameobj_new(mpy_vm *vm, mpy_code *code, mpy_dict *globals, mpy_value locals, int lineno);

static mpy_generator *as_gen(mpy_value v) { return (mpy_generator *)v.u.o; }

/* Bytes of a frame with nslots slots, laid out as interp.c lays them. */
static size_t frame_bytes(uint32_t nslots)
{
    return ((sizeof(mpy_frame) + sizeof(mpy_value) - 1) / sizeof(mpy_value) + nslots) * sizeof(mpy_value);
}

mpy_value mpy_gen_new(mpy_vm *vm, mpy_frame *proto, mpy_function *fn)
{
    mpy_generator *g = mpy_obj_alloc(vm, vm->types[MPY_TYPE_GENERATOR], sizeof *g);
    if (!g) return MPY_NULL;
    /* Closed until the frame exists, so that a failed copy leaves an
     * object the finalizer and the tracer can handle. */
    g->state = MPY_GEN_CLOSED;
    g->name = fn->name;
    g->qualname = fn->qualname;
    size_t size = frame_bytes(proto->nslots);
    mpy_frame *f = mpy_mem_realloc(vm, NULL, 0, size);
    if (!f) return MPY_NULL;
    memcpy(f, proto, size);
    f->sp = f->slots + (proto->sp - proto->slots);
    f->prev = NULL;
    f->gen = &g->hdr;
    f->entry = true;
    g->frame = f;
    g->frame_size = size;
    g->state = MPY_GEN_CREATED;
    return mpy_from_obj(g);
}

/* A finished generator lets go of its frame's values.  The frame itself
 * stays until the generator is collected, because gi_code still needs
 * its code. */
static void gen_finish(mpy_vm *vm, mpy_generator *g)
{
    mpy_frame *f = g->frame;
    if (f) {
        memset(f->slots, 0, f->nslots * sizeof(mpy_value));
        f->sp = f->slots;
    }
    g->state = MPY_GEN_CLOSED;
    g->exc_state = MPY_NULL;
    g->yf = MPY_NULL;
}

/* A StopIteration escaping a generator becomes RuntimeError (PEP 479),
 * with the StopIteration as its cause. */
static void stop_iteration_to_runtime_error(mpy_vm *vm)
{
    if (!mpy_err_matches(vm, MPY_EXC_StopIteration)) return;
    mpy_value stop = mpy_err_fetch(vm);
    if (!mpy_err_msg(vm, MPY_EXC_RuntimeError, "generator raised StopIteration") &&
        mpy_err_matches(vm, MPY_EXC_RuntimeError)) {
        mpy_exc *e = mpy_as_exc(vm->exc);
        e->cause = stop;
        e->context = stop;
        e->suppress_context = true;
    }
}

/* Runs the frame one step.  push: the sent value goes on the stack first
 * (every resumption but the first and the end of a delegated `yield from`).
 * exc non-NULL: raise it at the suspension point instead. */
static mpy_gen_result gen_resume(mpy_vm *vm, mpy_generator *g, bool push, mpy_value value, mpy_value exc,
                                 mpy_value *out)
{
    mpy_frame *f = g->frame;
    if (push) *f->sp++ = value;
    g->state = MPY_GEN_RUNNING;
    g->yf = MPY_NULL; /* YIELD_FROM sets it again if it suspends there */
    mpy_value outer = vm->exc_info;
    g->outer_exc = outer;
    if (!mpy_is_null(g->exc_state)) vm->exc_info = g->exc_state;
    f->prev = vm->frame;
    vm->frame = f;
    bool yielded = false;
    mpy_value r = mpy_interp_run(vm, f, exc, &yielded);
    mpy_value own = vm->exc_info;
    vm->exc_info = outer;
    g->outer_exc = MPY_NULL;
    if (yielded) {
        g->state = MPY_GEN_SUSPENDED;
        g->exc_state = mpy_is(own, outer) ? MPY_NULL : own;
        *out = r;
        if (MPY_UNLIKELY(!(g->hdr.flags & MPY_OBJ_FIN_REGISTERED)) && (f->code->nexc || !mpy_is_null(g->yf)) &&
            !mpy_gc_track_finalizer(vm, &g->hdr)) {
            /* Out of host memory for the registry: the value was yielded
             * all the same; the generator just will not be closed when
             * dropped. */
            mpy_err_clear(vm);
        }
        return MPY_GEN_YIELDED;
    }
    gen_finish(vm, g);
    if (mpy_is_null(r)) {
        stop_iteration_to_runtime_error(vm);
        return MPY_GEN_ERROR;
    }
    *out = r;
    return MPY_GEN_RETURNED;
}

static bool is_generator(mpy_vm *vm, mpy_value v) { return mpy_is_type(vm, v, MPY_TYPE_GENERATOR); }

static mpy_gen_result gen_error_running(mpy_vm *vm)
{
    mpy_err_msg(vm, MPY_EXC_ValueError, "generator already executing");
    return MPY_GEN_ERROR;
}

static mpy_gen_result gen_throw(mpy_vm *vm, mpy_generator *g, mpy_value exc, mpy_value *out);

mpy_gen_result mpy_gen_send(mpy_vm *vm, mpy_generator *g, mpy_value value, mpy_value exc, mpy_value *out)
{
    *out = MPY_NULL;
    if (g->state == MPY_GEN_RUNNING) return gen_error_running(vm);
    if (!mpy_is_null(exc)) return gen_throw(vm, g, exc, out);
    if (g->state == MPY_GEN_CLOSED) {
        /* An exhausted generator keeps "returning" None: next() raises a
         * bare StopIteration and `yield from` gets None. */
        *out = MPY_NONE;
        return MPY_GEN_RETURNED;
    }
    if (g->state == MPY_GEN_CREATED) {
        if (!mpy_is_none(value)) {
            mpy_err_msg(vm, MPY_EXC_TypeError, "can't send non-None value to a just-started generator");
            return MPY_GEN_ERROR;
        }
        return gen_resume(vm, g, false, MPY_NULL, MPY_NULL, out);
    }
    return gen_resume(vm, g, true, value, MPY_NULL, out);
}

/* close() on whatever a `yield from` delegates to. */
static bool close_iter(mpy_vm *vm, mpy_value yf);

/* Raises exc inside the suspended frame.  Suspended in `yield from`, the
 * frame's ip points at the YIELD_FROM itself (it re-runs it on resume);
 * step over it so that the exception is raised at that instruction, as
 * a YIELD_VALUE suspension leaves ip just after the YIELD_VALUE. */
static mpy_gen_result throw_here(mpy_vm *vm, mpy_generator *g, mpy_value exc, mpy_value *out)
{
    if (!mpy_is_null(g->yf)) {
        g->frame->ip++;
        g->yf = MPY_NULL;
    }
    return gen_resume(vm, g, false, MPY_NULL, exc, out);
}

/* Passes a thrown exception to the iterator a `yield from` delegates to
 * (CPython's gen_throw): GeneratorExit closes it; anything else is thrown
 * into it, and what it does decides what this generator does. */
static mpy_gen_result throw_delegate(mpy_vm *vm, mpy_generator *g, mpy_value exc, mpy_value *out)
{
    mpy_value yf = g->yf;
    mpy_gen_result r;
    mpy_value v = MPY_NULL;
    g->state = MPY_GEN_RUNNING;
    if (mpy_isinstance(vm, exc, vm->exc_types[MPY_EXC_GeneratorExit])) {
        bool ok = close_iter(vm, yf);
        g->state = MPY_GEN_SUSPENDED;
        if (!ok) exc = mpy_err_fetch(vm);
        return throw_here(vm, g, exc, out);
    }
    if (is_generator(vm, yf)) {
        r = mpy_gen_send(vm, as_gen(yf), MPY_NULL, exc, &v);
    } else {
        mpy_value meth = mpy_getattr_cstr(vm, yf, "throw");
        if (mpy_is_null(meth)) {
            g->state = MPY_GEN_SUSPENDED;
            if (!mpy_err_matches(vm, MPY_EXC_AttributeError)) return throw_here(vm, g, mpy_err_fetch(vm), out);
            mpy_err_clear(vm);
            return throw_here(vm, g, exc, out);
        }
        v = mpy_call1(vm, meth, exc);
        r = MPY_GEN_YIELDED;
        if (mpy_is_null(v)) {
            r = MPY_GEN_ERROR;
            if (mpy_err_matches(vm, MPY_EXC_StopIteration)) {
                mpy_value stop = mpy_err_fetch(vm);
                mpy_tuple *a = mpy_as_exc(stop)->args;
                v = mpy_as_exc(stop)->extra[0];
                if (mpy_is_null(v)) v = a->len ? a->items[0] : MPY_NONE;
                r = MPY_GEN_RETURNED;
            }
        }
    }
    g->state = MPY_GEN_SUSPENDED;
    if (r == MPY_GEN_YIELDED) {
        *out = v;
        return MPY_GEN_YIELDED;
    }
    if (r == MPY_GEN_RETURNED) {
        /* The delegate finished: its value is the result of the `yield
         * from`, which replaces the iterator on the stack; go on after
         * the YIELD_FROM. */
        g->yf = MPY_NULL;
        g->frame->ip++;
        g->frame->sp[-1] = v;
        return gen_resume(vm, g, false, MPY_NULL, MPY_NULL, out);
    }
    return throw_here(vm, g, mpy_err_fetch(vm), out);
}

static mpy_gen_result gen_throw(mpy_vm *vm, mpy_generator *g, mpy_value exc, mpy_value *out)
{
    if (g->state == MPY_GEN_CLOSED) {
        mpy_err_set(vm, exc);
        return MPY_GEN_ERROR;
    }
    if (g->state == MPY_GEN_CREATED) {
        /* Raised before the first instruction: the generator is over. */
        gen_finish(vm, g);
        mpy_err_set(vm, exc);
        stop_iteration_to_runtime_error(vm);
        return MPY_GEN_ERROR;
    }
    if (!mpy_is_null(g->yf)) return throw_delegate(vm, g, exc, out);
    return throw_here(vm, g, exc, out);
}

static bool close_iter(mpy_vm *vm, mpy_value yf)
{
    if (is_generator(vm, yf)) {
        mpy_value r = MPY_NULL;
        mpy_generator *sub = as_gen(yf);
        if (sub->state == MPY_GEN_CREATED || sub->state == MPY_GEN_CLOSED) {
            gen_finish(vm, sub);
            return true;
        }
        mpy_value ge = mpy_exc_new(vm, vm->exc_types[MPY_EXC_GeneratorExit], 0, NULL);
        if (mpy_is_null(ge)) return false;
        mpy_gen_result res = mpy_gen_send(vm, sub, MPY_NULL, ge, &r);
        if (res == MPY_GEN_YIELDED) return mpy_err_msg(vm, MPY_EXC_RuntimeError, "generator ignored GeneratorExit");
        if (res == MPY_GEN_ERROR) {
            if (!mpy_err_matches(vm, MPY_EXC_GeneratorExit) && !mpy_err_matches(vm, MPY_EXC_StopIteration))
                return false;
            mpy_err_clear(vm);
        }
        return true;
    }
    mpy_value meth = mpy_getattr_opt(vm, yf, vm->names.close);
    if (mpy_is_null(meth)) return !mpy_err_occurred(vm);
    return !mpy_is_null(mpy_call0(vm, meth));
}

/* ------------------------------------------------------------ protocol */

/* StopIteration(value) for a generator that returned value (a bare
 * StopIteration for None, as CPython). */
static void raise_stop(mpy_vm *vm, mpy_value value)
{
    if (mpy_is_none(value)) {
        mpy_err_type(vm, MPY_EXC_StopIteration, MPY_NULL);
        return;
    }
    mpy_value e = mpy_exc_new(vm, vm->exc_types[MPY_EXC_StopIteration], 1, &value);
    if (!mpy_is_null(e)) mpy_err_set(vm, e);
}

/* The value of a step for the send/throw/__next__ methods: the yielded
 * value, or StopIteration carrying the return value. */
static mpy_value step_result(mpy_vm *vm, mpy_gen_result r, mpy_value v)
{
    if (r == MPY_GEN_YIELDED) return v;
    if (r == MPY_GEN_RETURNED) raise_stop(vm, v);
    return MPY_NULL;
}

/* next(gen) with the return value kept: MPY_NULL with StopIteration(value)
 * pending when the generator returns.  For builtins.next(), which would
 * otherwise raise a bare StopIteration from the `next` slot. */
mpy_value mpy_gen_next(mpy_vm *vm, mpy_value gen)
{
    mpy_value v;
    vm->gc_block++;
    mpy_gen_result r = mpy_gen_send(vm, as_gen(gen), MPY_NONE, MPY_NULL, &v);
    vm->gc_block--;
    return step_result(vm, r, v);
}

static mpy_value gen_iter(mpy_vm *vm, mpy_value self) { return self; }

/* The `next` slot: MPY_NULL without an exception at the end (the return
 * value is dropped: for loops and the C callers of mpy_next don't want
 * it).  Collection is blocked while the generator runs because mpy_next's
 * C callers (list(), sorted(), ...) keep unrooted objects in C locals; the
 * interpreter can call mpy_gen_send directly to let the collector run. */
static mpy_value gen_iternext(mpy_vm *vm, mpy_value self)
{
    mpy_value v;
    vm->gc_block++;
    mpy_gen_result r = mpy_gen_send(vm, as_gen(self), MPY_NONE, MPY_NULL, &v);
    vm->gc_block--;
    return r == MPY_GEN_YIELDED ? v : MPY_NULL;
}

static mpy_value gen_m_next(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 1 || (kw && kw->len))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "expected 0 arguments, got %d", argc - 1 + (kw ? (int)kw->len : 0));
    mpy_value v;
    mpy_gen_result r = mpy_gen_send(vm, as_gen(args[0]), MPY_NONE, MPY_NULL, &v);
    return step_result(vm, r, v);
}

static mpy_value gen_m_send(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "generator.send() takes no keyword arguments");
    if (argc != 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "generator.send() takes exactly one argument (%d given)", argc - 1);
    mpy_value v;
    mpy_gen_result r = mpy_gen_send(vm, as_gen(args[0]), args[1], MPY_NULL, &v);
    return step_result(vm, r, v);
}

/* The exception instance for throw(type[, value[, tb]]) / throw(instance),
 * normalised as CPython's _gen_throw does. */
static mpy_value throw_exception(mpy_vm *vm, int n, const mpy_value *a)
{
    mpy_value typ = a[0];
    mpy_value val = n >= 2 ? a[1] : MPY_NULL;
    mpy_value tb = n >= 3 ? a[2] : MPY_NULL;
    if (!mpy_is_null(tb) && mpy_is_none(tb)) tb = MPY_NULL;
    if (!mpy_is_null(tb) && !mpy_is_type(vm, tb, MPY_TYPE_TRACEBACK))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "throw() third argument must be a traceback object");
    mpy_type *base = vm->exc_types[MPY_EXC_BaseException];
    mpy_value exc;
    if (mpy_is_sub(vm, typ, MPY_TYPE_TYPE) && mpy_type_is_sub((mpy_type *)typ.u.o, base)) {
        mpy_type *t = (mpy_type *)typ.u.o;
        if (!mpy_is_null(val) && mpy_isinstance(vm, val, t)) exc = val;
        else if (mpy_is_null(val) || mpy_is_none(val)) exc = mpy_exc_new(vm, t, 0, NULL);
        else if (mpy_is_sub(vm, val, MPY_TYPE_TUPLE))
            exc = mpy_exc_new(vm, t, (int)mpy_as_tuple(val)->len, mpy_as_tuple(val)->items);
        else exc = mpy_exc_new(vm, t, 1, &val);
        if (mpy_is_null(exc)) return MPY_NULL;
        if (!mpy_isinstance(vm, exc, base))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError,
                                 "calling %s should have returned an instance of BaseException, not %s",
                                 mpy_type_name(t), mpy_tname(vm, exc));
    } else if (mpy_isinstance(vm, typ, base)) {
        if (!mpy_is_null(val) && !mpy_is_none(val))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "instance exception may not have a separate value");
        exc = typ;
    } else {
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError,
                             "exceptions must be classes or instances deriving from BaseException, not %s",
                             mpy_tname(vm, typ));
    }
    if (!mpy_is_null(tb)) mpy_as_exc(exc)->traceback = (mpy_traceback *)tb.u.o;
    return exc;
}

static mpy_value gen_m_throw(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "generator.throw() takes no keyword arguments");
    int n = argc - 1;
    if (n < 1) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "throw expected at least 1 argument, got %d", n);
    if (n > 3) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "throw expected at most 3 arguments, got %d", n);
    mpy_value exc = throw_exception(vm, n, args + 1);
    if (mpy_is_null(exc)) return MPY_NULL;
    mpy_value v;
    mpy_gen_result r = mpy_gen_send(vm, as_gen(args[0]), MPY_NONE, exc, &v);
    return step_result(vm, r, v);
}

/* close(): GeneratorExit at the suspension point; the generator must
 * finish (return, or let GeneratorExit / StopIteration out). */
static bool gen_close(mpy_vm *vm, mpy_generator *g)
{
    if (g->state == MPY_GEN_RUNNING) return mpy_err_msg(vm, MPY_EXC_ValueError, "generator already executing");
    if (g->state != MPY_GEN_SUSPENDED) {
        gen_finish(vm, g);
        return true;
    }
    return close_iter(vm, mpy_from_obj(g));
}

/* Does closing the suspended generator o run any code (runtime/gc.c asks
 * before finalizing it)?  Only when an exception handler (try, with)
 * covers the suspension point, or a `yield from` delegate has to be
 * closed; otherwise GeneratorExit would just leave the frame. */
bool mpy_gen_needs_close(mpy_obj *o)
{
    mpy_generator *g = (mpy_generator *)o;
    if (g->state != MPY_GEN_SUSPENDED || !g->frame) return false;
    if (!mpy_is_null(g->yf)) return true;
    const mpy_code *co = g->frame->code;
    uint32_t pc = (uint32_t)(g->frame->ip - co->code) - 1; /* the YIELD_VALUE, as the unwinder sees it */
    for (uint32_t i = 0; i < co->nexc; i++)
        if (pc >= co->exctable[i].start && pc < co->exctable[i].end) return true;
    return false;
}

/* The collector's finalizer for an unreachable generator: close() it.
 * False with the exception close() raised pending. */
bool mpy_gen_finalize(mpy_vm *vm, mpy_obj *o)
{
    mpy_generator *g = (mpy_generator *)o;
    if (g->state != MPY_GEN_SUSPENDED) return true;
    return gen_close(vm, g);
}

static mpy_value gen_m_close(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 1 || (kw && kw->len))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "generator.close() takes no arguments (%d given)",
                             argc - 1 + (kw ? (int)kw->len : 0));
    return gen_close(vm, as_gen(args[0])) ? MPY_NONE : MPY_NULL;
}

/* ------------------------------------------------------------ the type */

static mpy_value gen_repr(mpy_vm *vm, mpy_value self)
{
    mpy_generator *g = as_gen(self);
    mpy_str *s = mpy_str_printf(vm, "<generator object %s at %p>", g->qualname->data, (void *)g);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static void gen_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_generator *g = (mpy_generator *)o;
    if (g->frame) mpy_frame_mark(vm, g->frame);
    mpy_gc_mark_obj(vm, (mpy_obj *)g->name);
    mpy_gc_mark_obj(vm, (mpy_obj *)g->qualname);
    mpy_gc_mark(vm, g->exc_state);
    mpy_gc_mark(vm, g->outer_exc);
    mpy_gc_mark(vm, g->yf);
}

static void gen_finalize(mpy_vm *vm, mpy_obj *o)
{
    mpy_generator *g = (mpy_generator *)o;
    if (g->frame) mpy_mem_free(vm, g->frame, g->frame_size);
    g->frame = NULL;
}

static mpy_value gen_get_name(mpy_vm *vm, mpy_value self) { return mpy_from_obj(as_gen(self)->name); }
static mpy_value gen_get_qualname(mpy_vm *vm, mpy_value self) { return mpy_from_obj(as_gen(self)->qualname); }

static bool set_name_attr(mpy_vm *vm, mpy_value v, mpy_str **field, const char *what)
{
    if (mpy_is_null(v) || !mpy_is_sub(vm, v, MPY_TYPE_STR))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s must be set to a string object", what);
    *field = mpy_as_str(v);
    return true;
}
static bool gen_set_name(mpy_vm *vm, mpy_value self, mpy_value v)
{
    return set_name_attr(vm, v, &as_gen(self)->name, "__name__");
}
static bool gen_set_qualname(mpy_vm *vm, mpy_value self, mpy_value v)
{
    return set_name_attr(vm, v, &as_gen(self)->qualname, "__qualname__");
}

static mpy_value gen_get_running(mpy_vm *vm, mpy_value self)
{
    return mpy_from_bool(as_gen(self)->state == MPY_GEN_RUNNING);
}

static mpy_value gen_get_suspended(mpy_vm *vm, mpy_value self)
{
    return mpy_from_bool(as_gen(self)->state == MPY_GEN_SUSPENDED);
}

static mpy_value gen_get_code(mpy_vm *vm, mpy_value self)
{
    mpy_generator *g = as_gen(self);
    return g->frame ? mpy_from_obj(g->frame->code) : MPY_NONE;
}

static mpy_value gen_get_yieldfrom(mpy_vm *vm, mpy_value self)
{
    mpy_generator *g = as_gen(self);
    return mpy_is_null(g->yf) ? MPY_NONE : g->yf;
}

/* A snapshot frame object (runtime/frameobj.c) for gi_frame: the code,
 * globals and current line; None once the generator has finished. */
static mpy_value gen_get_frame(mpy_vm *vm, mpy_value self)
{
    mpy_generator *g = as_gen(self);
    mpy_frame *f = g->frame;
    if (!f || g->state == MPY_GEN_CLOSED) return MPY_NONE;
    mpy_code *co = f->code;
    int line = co->firstlineno;
    if (g->state != MPY_GEN_CREATED) {
        uint32_t pc = (uint32_t)(f->ip - co->code);
        line = mpy_code_line(co, pc ? pc - 1 : 0);
    }
    return mpy_frameobj_new(vm, co, f->globals, MPY_NULL, line);
}

static const mpy_method_def gen_methods[] = {
    {"send", gen_m_send, MPY_METH_DEFAULT},
    {"throw", gen_m_throw, MPY_METH_DEFAULT},
    {"close", gen_m_close, MPY_METH_DEFAULT},
    {"__next__", gen_m_next, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

static const mpy_getset_def gen_getsets[] = {
    {"__name__", gen_get_name, gen_set_name},
    {"__qualname__", gen_get_qualname, gen_set_qualname},
    {"gi_running", gen_get_running, NULL},
    {"gi_suspended", gen_get_suspended, NULL},
    {"gi_code", gen_get_code, NULL},
    {"gi_frame", gen_get_frame, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_generator_spec = {
    .name = "generator",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_generator),
    .slots = {.repr = gen_repr, .iter = gen_iter, .next = gen_iternext, .trace = gen_trace,
              .finalize = gen_finalize},
    .methods = gen_methods,
    .getsets = gen_getsets,
};
