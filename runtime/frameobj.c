/* The `frame` type: a minimal, read-only view of where some code is
 * running, for generator.gi_frame (and later sys._getframe, tracebacks'
 * tb_frame).
 *
 * Interpreter frames (vm/frame.h) are not heap objects: they live on the
 * VM's chunk stack or inside a generator and die with the call, so a
 * Python-visible frame is a snapshot taken when it is asked for: code,
 * globals, optional locals mapping and the current line.  f_back is None
 * (the caller chain is not exposed yet).
 */
#include <string.h>

#include "vm/state.h"
#include "vm/code.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/str.h"

typedef struct mpy_frameobj {
    mpy_obj hdr;
    mpy_code *code;
    mpy_dict *globals;
    mpy_value locals; /* MPY_NULL: not captured (f_locals is then {}) */
    int lineno;
} mpy_frameobj;

mpy_value mpy_frameobj_new(mpy_vm *vm, mpy_code *code, mpy_dict *globals, mpy_value locals, int lineno);

mpy_value mpy_frameobj_new(mpy_vm *vm, mpy_code *code, mpy_dict *globals, mpy_value locals, int lineno)
{
    mpy_frameobj *f = mpy_obj_alloc(vm, vm->types[MPY_TYPE_FRAME], sizeof *f);
    if (!f) return MPY_NULL;
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
static mpy_value frameobj_globals(mpy_vm *vm, mpy_value self) { return mpy_from_obj(as_frame(self)->globals); }
static mpy_value frameobj_lineno(mpy_vm *vm, mpy_value self) { return mpy_from_int(as_frame(self)->lineno); }
static mpy_value frameobj_back(mpy_vm *vm, mpy_value self) { return MPY_NONE; }

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
