/* Module objects. */
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

mpy_module *mpy_module_new(mpy_vm *vm, const char *name)
{
    mpy_module *m = mpy_obj_alloc(vm, vm->types[MPY_TYPE_MODULE], sizeof *m);
    if (!m) return NULL;
    m->dict = mpy_dict_new(vm);
    mpy_str *n = mpy_str_intern_cstr(vm, name);
    if (!m->dict || !n) return NULL;
    if (!mpy_dict_set_str(vm, m->dict, vm->names.__name__, mpy_from_obj(n)) ||
        !mpy_dict_set_str(vm, m->dict, vm->names.__doc__, MPY_NONE) ||
        !mpy_dict_set_str(vm, m->dict, vm->names.__package__, MPY_NONE) ||
        !mpy_dict_set_str(vm, m->dict, vm->names.__spec__, MPY_NONE) ||
        !mpy_dict_set_str(vm, m->dict, vm->names.__loader__, MPY_NONE))
        return NULL;
    return m;
}

bool mpy_module_add_functions(mpy_vm *vm, mpy_module *m, const mpy_method_def *defs)
{
    for (; defs->name; defs++) {
        mpy_value f = mpy_native_new(vm, defs->name, defs->fn, NULL);
        if (mpy_is_null(f) || !mpy_dict_set_cstr(vm, m->dict, defs->name, f)) return false;
    }
    return true;
}

static mpy_value module_getattr(mpy_vm *vm, mpy_value self, mpy_str *name)
{
    mpy_module *m = (mpy_module *)self.u.o;
    mpy_value v = mpy_dict_get_str(vm, m->dict, name);
    if (!mpy_is_null(v)) return v;
    v = mpy_generic_getattr(vm, self, name);
    if (!mpy_is_null(v) || !mpy_err_matches(vm, MPY_EXC_AttributeError)) return v;
    mpy_err_clear(vm);
    /* PEP 562: a module-level __getattr__(name) handles missing names. */
    mpy_value hook = mpy_dict_get_str(vm, m->dict, vm->names.__getattr__);
    if (!mpy_is_null(hook)) return mpy_call1(vm, hook, mpy_from_obj(name));
    mpy_value mn = mpy_dict_get_str(vm, m->dict, vm->names.__name__);
    if (!mpy_is_null(mn) && mpy_is_sub(vm, mn, MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_AttributeError, "module '%s' has no attribute '%s'", mpy_as_str(mn)->data,
                             name->data);
    return mpy_err_fmt_v(vm, MPY_EXC_AttributeError, "module has no attribute '%s'", name->data);
}

static mpy_value module_repr(mpy_vm *vm, mpy_value self)
{
    mpy_module *m = (mpy_module *)self.u.o;
    mpy_value n = mpy_dict_get_str(vm, m->dict, vm->names.__name__);
    mpy_value f = mpy_dict_get_str(vm, m->dict, vm->names.__file__);
    const char *name = !mpy_is_null(n) && mpy_is_sub(vm, n, MPY_TYPE_STR) ? mpy_as_str(n)->data : "?";
    if (!mpy_is_null(f) && mpy_is_sub(vm, f, MPY_TYPE_STR))
        return mpy_from_obj(mpy_str_printf(vm, "<module '%s' from '%s'>", name, mpy_as_str(f)->data));
    /* CPython names the loader of a module without a file: built-in
     * modules say so; a module made by calling the type has none. */
    static const char *const builtin_names[] = {
#define MPY_MODULE_NAME(n) #n,
        MPY_BUILTIN_MODULES(MPY_MODULE_NAME)
#undef MPY_MODULE_NAME
    };
    for (size_t i = 0; i < sizeof builtin_names / sizeof builtin_names[0]; i++)
        if (strcmp(builtin_names[i], name) == 0)
            return mpy_from_obj(mpy_str_printf(vm, "<module '%s' (built-in)>", name));
    return mpy_from_obj(mpy_str_printf(vm, "<module '%s'>", name));
}

static void module_trace(mpy_vm *vm, mpy_obj *o) { mpy_gc_mark_obj(vm, (mpy_obj *)((mpy_module *)o)->dict); }

/* module(name, doc=None): new_ makes the empty namespace, init fills in
 * the attributes every module has, with CPython's argument messages. */
static mpy_value module_new_(mpy_vm *vm, mpy_type *t, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_module *m = mpy_obj_alloc(vm, t, t->instance_size);
    if (!m) return MPY_NULL;
    m->dict = mpy_dict_new(vm);
    return m->dict ? mpy_from_obj(m) : MPY_NULL;
}

static bool module_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value name = argc > 1 ? args[1] : MPY_NULL, doc = argc > 2 ? args[2] : MPY_NONE;
    if (argc > 3) return mpy_err_fmt(vm, MPY_EXC_TypeError, "module() takes at most 2 arguments (%d given)", argc - 1);
    for (size_t k = 0; kw && k < kw->len; k++) {
        const char *n = mpy_as_str(kw->items[k])->data;
        mpy_value v = args[argc + (int)k];
        if (strcmp(n, "name") == 0 && argc <= 1) name = v;
        else if (strcmp(n, "doc") == 0 && argc <= 2) doc = v;
        else if (strcmp(n, "name") == 0 || strcmp(n, "doc") == 0)
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "argument for module() given by name ('%s') and position (%d)",
                               n, strcmp(n, "name") == 0 ? 1 : 2);
        else return mpy_err_fmt(vm, MPY_EXC_TypeError, "'%s' is an invalid keyword argument for module()", n);
    }
    if (mpy_is_null(name)) return mpy_err_msg(vm, MPY_EXC_TypeError, "module() missing required argument 'name' (pos 1)");
    if (!mpy_is_sub(vm, name, MPY_TYPE_STR))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "module() argument 'name' must be str, not %s", mpy_tname(vm, name));
    mpy_dict *d = ((mpy_module *)self.u.o)->dict;
    mpy_str *n = mpy_str_intern_str(vm, mpy_as_str(name));
    return n && mpy_dict_set_str(vm, d, vm->names.__name__, mpy_from_obj(n)) &&
           mpy_dict_set_str(vm, d, vm->names.__doc__, doc) &&
           mpy_dict_set_str(vm, d, vm->names.__package__, MPY_NONE) &&
           mpy_dict_set_str(vm, d, vm->names.__loader__, MPY_NONE) &&
           mpy_dict_set_str(vm, d, vm->names.__spec__, MPY_NONE);
}

const mpy_type_spec mpy_module_spec = {
    .name = "module",
    .base = MPY_TYPE_OBJECT,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(mpy_module),
    .dict_offset = offsetof(mpy_module, dict),
    .slots = {.getattr = module_getattr, .repr = module_repr, .trace = module_trace, .new_ = module_new_,
              .init = module_init},
};
