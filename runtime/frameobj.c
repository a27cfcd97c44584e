/* The `frame` type: a minimal, read-only view of where some code is
 * running, for generator.gi_frame (and later sys._getframe, tracebacks'
 * tb_frame).
 *
 * Interpreter frames (vm/frame.h) are not heap objects: they live on the
 * VM's chunk stack or inside a generator and die with the call, so a
 * Python-visible frame is a snapshot taken when it is asked for: code,
 * globals, optional locals mapping and the current line.  f_back is None
 * for a generator's frame; the frames of the running call stack
 * (_minipy.getframe, for the traceback module) are snapshotted together,
 * each with its caller's snapshot as f_back.  A traceback entry's frame
 * (_minipy.tb_frame) knows only its code and line: f_globals is {}.
 */
#include <string.h>

#include "vm/state.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/str.h"

typedef struct mpy_frameobj {
    mpy_obj hdr;
    mpy_code *code;
    mpy_dict *globals;
    mpy_value locals; /* MPY_NULL: not captured (f_locals is then {}) */
    int lineno;
    mpy_value back;   /* the caller's snapshot, MPY_NULL: None */
} mpy_frameobj;

mpy_value mpy_frameobj_new(mpy_vm *vm, mpy_code *code, mpy_dict *globals, mpy_value locals, int lineno);

mpy_value mpy_frameobj_new(mpy_vm *vm, mpy_code *code, mpy_dict *globals, mpy_value locals, int lineno)
{
    mpy_frameobj *f = mpy_obj_alloc(vm, vm->types[MPY_TYPE_FRAME], sizeof *f);
    if (!f) return MPY_NULL;
    f->back = MPY_NULL;
    f->code = code;
    f->globals = globals;
    f->locals = locals;
    f->lineno = lineno;
    return mpy_from_obj(f);
}

static mpy_frameobj *as_frame(mpy_value v) { return (mpy_frameobj *)v.u.o; }

static void frameobj_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_frameobj *f = (mpy_frameobj *)o;
    mpy_gc_mark_obj(vm, (mpy_obj *)f->code);
    mpy_gc_mark_obj(vm, (mpy_obj *)f->globals);
    mpy_gc_mark(vm, f->locals);
    mpy_gc_mark(vm, f->back);
}

/* <frame at 0x..., file 'x.py', line 3, code f> as CPython. */
static mpy_value frameobj_repr(mpy_vm *vm, mpy_value self)
{
    mpy_frameobj *f = as_frame(self);
    const char *file = f->code->filename ? f->code->filename->data : "?";
    const char *name = f->code->name ? f->code->name->data : "?";
    mpy_str *s = mpy_str_printf(vm, "<frame at %p, file '%s', line %d, code %s>", (void *)f, file, f->lineno, name);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static mpy_value frameobj_code(mpy_vm *vm, mpy_value self) { return mpy_from_obj(as_frame(self)->code); }
static mpy_value frameobj_globals(mpy_vm *vm, mpy_value self)
{
    if (as_frame(self)->globals) return mpy_from_obj(as_frame(self)->globals);
    mpy_dict *d = mpy_dict_new(vm);
    return d ? mpy_from_obj(d) : MPY_NULL;
}
static mpy_value frameobj_lineno(mpy_vm *vm, mpy_value self) { return mpy_from_int(as_frame(self)->lineno); }
static mpy_value frameobj_back(mpy_vm *vm, mpy_value self)
{
    mpy_value b = as_frame(self)->back;
    return mpy_is_null(b) ? MPY_NONE : b;
}

static int frame_line(mpy_frame *f)
{
    mpy_code *co = f->code;
    uint32_t pc = (uint32_t)(f->ip - co->code);
    int line = mpy_code_line(co, pc ? pc - 1 : 0);
    return line < 0 ? co->firstlineno : line;
}

mpy_value mpy_frameobj_stack(mpy_vm *vm, int depth);

/* Snapshot of the running frame `depth` calls out from the innermost one
 * (0: the Python code that called the native function asking), with its
 * callers as the f_back chain; ValueError past the outermost frame. */
mpy_value mpy_frameobj_stack(mpy_vm *vm, int depth)
{
    mpy_frame *f = vm->frame;
    for (; f && depth > 0; depth--) f = f->prev;
    if (!f || depth < 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "call stack is not deep enough");
    mpy_value first = MPY_NULL;
    mpy_frameobj *last = NULL;
    for (; f; f = f->prev) {
        mpy_value o = mpy_frameobj_new(vm, f->code, f->globals, f->locals, frame_line(f));
        if (mpy_is_null(o)) return MPY_NULL;
        if (last) last->back = o;
        else first = o;
        last = as_frame(o);
    }
    return first;
}

static mpy_value frameobj_locals(mpy_vm *vm, mpy_value self)
{
    mpy_frameobj *f = as_frame(self);
    if (!mpy_is_null(f->locals)) return f->locals;
    mpy_dict *d = mpy_dict_new(vm);
    return d ? mpy_from_obj(d) : MPY_NULL;
}

static mpy_value frameobj_builtins(mpy_vm *vm, mpy_value self) { return mpy_from_obj(vm->builtins); }

static const mpy_getset_def frameobj_getsets[] = {
    {"f_code", frameobj_code, NULL},
    {"f_globals", frameobj_globals, NULL},
    {"f_locals", frameobj_locals, NULL},
    {"f_builtins", frameobj_builtins, NULL},
    {"f_lineno", frameobj_lineno, NULL},
    {"f_back", frameobj_back, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_frame_spec = {
    .name = "frame",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_frameobj),
    .slots = {.repr = frameobj_repr, .trace = frameobj_trace},
    .getsets = frameobj_getsets,
};
