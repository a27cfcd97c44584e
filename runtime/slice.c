/* slice objects: slice(stop) / slice(start, stop[, step]), their repr,
 * comparison (as the tuple (start, stop, step)) and indices().  The index
 * arithmetic itself is in seq.c, shared with every sequence. */
#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/seq.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

mpy_value mpy_slice_new(mpy_vm *vm, mpy_value start, mpy_value stop, mpy_value step)
{
    mpy_slice *s = mpy_obj_alloc(vm, vm->types[MPY_TYPE_SLICE], sizeof(mpy_slice));
    if (!s) return MPY_NULL;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return mpy_from_obj(s);
}

static mpy_value slice_new_(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "slice() takes no keyword arguments");
    if (argc < 1) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "slice expected at least 1 argument, got %d", argc);
    if (argc > 3) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "slice expected at most 3 arguments, got %d", argc);
    if (argc == 1) return mpy_slice_new(vm, MPY_NONE, args[0], MPY_NONE);
    return mpy_slice_new(vm, args[0], args[1], argc == 3 ? args[2] : MPY_NONE);
}

static mpy_value slice_repr(mpy_vm *vm, mpy_value self)
{
    mpy_slice *s = (mpy_slice *)self.u.o;
    mpy_strbuf b = {0};
    if (!mpy_strbuf_add_cstr(vm, &b, "slice(") || !mpy_strbuf_add_repr(vm, &b, s->start) ||
        !mpy_strbuf_add(vm, &b, ", ", 2) || !mpy_strbuf_add_repr(vm, &b, s->stop) ||
        !mpy_strbuf_add(vm, &b, ", ", 2) || !mpy_strbuf_add_repr(vm, &b, s->step) ||
        !mpy_strbuf_add(vm, &b, ")", 1)) {
        mpy_strbuf_free(vm, &b);
        return MPY_NULL;
    }
    return mpy_strbuf_finish(vm, &b);
}

static mpy_value slice_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if (!mpy_is_slice(vm, b)) return mpy_notimpl(vm);
    mpy_slice *x = (mpy_slice *)a.u.o, *y = (mpy_slice *)b.u.o;
    mpy_value xa[3] = {x->start, x->stop, x->step}, ya[3] = {y->start, y->stop, y->step};
    return mpy_seq_compare(vm, xa, 3, ya, 3, op);
}

static void slice_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_slice *s = (mpy_slice *)o;
    mpy_gc_mark(vm, s->start);
    mpy_gc_mark(vm, s->stop);
    mpy_gc_mark(vm, s->step);
}

static mpy_value slice_m_indices(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (kw && kw->len) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "slice.indices() takes no keyword arguments");
    if (argc != 2)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "slice.indices() takes exactly one argument (%d given)", argc - 1);
    int64_t len;
    if (!mpy_index(vm, args[1], &len)) return MPY_NULL;
    if (len < 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "length should not be negative");
    mpy_slice_ix ix;
    if (!mpy_slice_indices(vm, args[0], (size_t)len, &ix)) return MPY_NULL;
    mpy_tuple *t = mpy_tuple_pack(vm, 3, mpy_from_int(ix.start), mpy_from_int(ix.stop), mpy_from_int(ix.step));
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static mpy_value slice_get_start(mpy_vm *vm, mpy_value self) { return ((mpy_slice *)self.u.o)->start; }
static mpy_value slice_get_stop(mpy_vm *vm, mpy_value self) { return ((mpy_slice *)self.u.o)->stop; }
static mpy_value slice_get_step(mpy_vm *vm, mpy_value self) { return ((mpy_slice *)self.u.o)->step; }

static const mpy_method_def slice_methods[] = {
    {"indices", slice_m_indices, MPY_METH_DEFAULT},
    {NULL, NULL, 0},
};

static const mpy_getset_def slice_getsets[] = {
    {"start", slice_get_start, NULL},
    {"stop", slice_get_stop, NULL},
    {"step", slice_get_step, NULL},
    {NULL, NULL, NULL},
};

const mpy_type_spec mpy_slice_spec = {
    .name = "slice",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_slice),
    .slots = {.repr = slice_repr, .richcmp = slice_richcmp, .new_ = slice_new_, .init = mpy_init_noop, .trace = slice_trace},
    .methods = slice_methods,
    .getsets = slice_getsets,
};
