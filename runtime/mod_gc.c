/* The gc module: gc.collect() and the switches programs use.
 *
 * minipy has one collector (runtime/gc.c), which does the work of both
 * CPython's reference counting and its cycle collector.  gc.collect()
 * collects now and runs the finalizers (__del__, generator close) of what
 * became unreachable, which is what makes `del x; gc.collect()` print the
 * same as CPython.  It returns the number of unreachable objects found:
 * every kind of garbage counts, not only cycles, so the number is larger
 * than CPython's.
 *
 * gc.disable() only changes what gc.isenabled() reports: in CPython it
 * stops the cycle collector but objects are still freed (and finalized)
 * when their last reference goes, and here the same collector does both,
 * so stopping it would let memory grow without bound and keep finalizers
 * from running.  The thresholds are likewise only remembered: the
 * collection policy is the heap growth of runtime/gc.c.
 */
#include <limits.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/tuple.h"

/* A C int argument, as PyArg_ParseTuple's "i" converts it. */
static bool int_arg(mpy_vm *vm, mpy_value v, int64_t *out)
{
    if (!mpy_index(vm, v, out)) return false;
    if (*out > INT_MAX) return mpy_err_msg(vm, MPY_EXC_OverflowError, "signed integer is greater than maximum");
    if (*out < INT_MIN) return mpy_err_msg(vm, MPY_EXC_OverflowError, "signed integer is less than minimum");
    return true;
}

static mpy_value gc_collect(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value gen = MPY_NULL;
    if (!mpy_args_parse(vm, "collect", argc, args, kw, "generation=", &gen)) return MPY_NULL;
    if (!mpy_is_null(gen)) {
        int64_t g;
        if (!int_arg(vm, gen, &g)) return MPY_NULL;
        if (g < 0 || g > 2) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "invalid generation");
    }
    /* Called from the interpreter's CALL, everything live is rooted (the
     * frame was saved) and collection is allowed exactly when no C caller
     * blocks it; a call from C code holding unrooted objects (map(),
     * a __del__ running) collects nothing. */
    if (vm->gc_block) return mpy_from_int(0);
    return mpy_from_int((int64_t)mpy_gc_collect(vm));
}

static mpy_value gc_enable(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "gc.enable", argc, kw)) return MPY_NULL;
    vm->gc_disabled = false;
    return MPY_NONE;
}

static mpy_value gc_disable(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "gc.disable", argc, kw)) return MPY_NULL;
    vm->gc_disabled = true;
    return MPY_NONE;
}

static mpy_value gc_isenabled(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "gc.isenabled", argc, kw)) return MPY_NULL;
    return mpy_from_bool(!vm->gc_disabled);
}

/* CPython's defaults until set_threshold changes them. */
static void default_thresholds(mpy_vm *vm)
{
    if (vm->gc_threshold[0] || vm->gc_threshold[1] || vm->gc_threshold[2]) return;
    vm->gc_threshold[0] = 700;
    vm->gc_threshold[1] = 10;
    vm->gc_threshold[2] = 10;
}

static mpy_value gc_get_threshold(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "gc.get_threshold", argc, kw)) return MPY_NULL;
    default_thresholds(vm);
    mpy_tuple *t = mpy_tuple_pack(vm, 3, mpy_from_int(vm->gc_threshold[0]), mpy_from_int(vm->gc_threshold[1]),
                                  mpy_from_int(vm->gc_threshold[2]));
    return t ? mpy_from_obj(t) : MPY_NULL;
}

static mpy_value gc_set_threshold(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "set_threshold", argc, kw, 1, 3)) return MPY_NULL;
    int64_t v[3];
    for (int i = 0; i < argc; i++)
        if (!int_arg(vm, args[i], &v[i])) return MPY_NULL;
    default_thresholds(vm);
    for (int i = 0; i < argc; i++) vm->gc_threshold[i] = v[i];
    return MPY_NONE;
}

/* gc.is_finalized(obj): has the collector run obj's __del__ (it may have
 * resurrected itself). */
static mpy_value gc_is_finalized(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "gc.is_finalized", argc, kw)) return MPY_NULL;
    return mpy_from_bool(mpy_is_obj(args[0]) && (args[0].u.o->flags & MPY_OBJ_FINALIZED));
}

static const mpy_method_def gc_functions[] = {
    {"collect", gc_collect, 0},
    {"enable", gc_enable, 0},
    {"disable", gc_disable, 0},
    {"isenabled", gc_isenabled, 0},
    {"get_threshold", gc_get_threshold, 0},
    {"set_threshold", gc_set_threshold, 0},
    {"is_finalized", gc_is_finalized, 0},
    {NULL, NULL, 0},
};

mpy_module *mpy_module_gc_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "gc");
    if (!m || !mpy_module_add_functions(vm, m, gc_functions)) return NULL;
    /* Never filled: the collector frees every unreachable object, cycles
     * with __del__ included (PEP 442), so nothing is uncollectable. */
    mpy_list *garbage = mpy_list_new(vm, 0);
    mpy_list *callbacks = mpy_list_new(vm, 0);
    if (!garbage || !callbacks || !mpy_dict_set_cstr(vm, m->dict, "garbage", mpy_from_obj(garbage)) ||
        !mpy_dict_set_cstr(vm, m->dict, "callbacks", mpy_from_obj(callbacks)))
        return NULL;
    return m;
}
