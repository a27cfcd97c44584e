/* Creating and destroying a VM: the configuration defaults, the built-in
 * type objects (made from the specs in MPY_BUILTIN_TYPES), the exception
 * classes, the interned names, the builtins and sys modules.
 *
 * Bootstrap order matters because the first objects refer to each other:
 * every built-in type object is allocated first (as empty shells whose
 * header points at `type`), then the empty tuple and empty string (which
 * need the tuple and str types to exist), and only then are the types
 * filled in from their specs, since filling needs interned names, dicts
 * and tuples.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/state.h"
#include "vm/interp.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/modules.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define MPY_SPEC_DECL(e, n) extern const mpy_type_spec mpy_##n##_spec;
MPY_BUILTIN_TYPES(MPY_SPEC_DECL)
#undef MPY_SPEC_DECL

bool mpy_exc_init_types(mpy_vm *vm);
bool mpy_class_add_wrappers(mpy_vm *vm, mpy_type *t, const mpy_slots *own);
void mpy_gc_free_all(mpy_vm *vm);
void mpy_type_cache_free(mpy_vm *vm);
bool mpy_generic_alias_install(mpy_vm *vm);
void mpy_intern_free(mpy_vm *vm);

/* ------------------------------------------------------------- config */

static void *default_realloc(void *ud, void *p, size_t old, size_t size)
{
    (void)ud;
    (void)old;
    if (size == 0) {
        free(p);
        return NULL;
    }
    return realloc(p, size);
}

void mpy_config_init(mpy_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->realloc = default_realloc;
}

void *mpy_vm_user_data(mpy_vm *vm) { return vm->config.user_data; }

const char *mpy_version(void) { return "3.11.0 (minipy 0.1)"; }

void mpy_vm_interrupt(mpy_vm *vm) { vm->interrupt = 1; }

/* ------------------------------------------------------------ creation */

static const mpy_type_spec *const builtin_specs[MPY_TYPE_COUNT] = {
#define MPY_SPEC_PTR(e, n) &mpy_##n##_spec,
    MPY_BUILTIN_TYPES(MPY_SPEC_PTR)
#undef MPY_SPEC_PTR
};

static bool make_names(mpy_vm *vm)
{
#define MPY_NAME_INIT(n)                                                       \
    if (!(vm->names.n = mpy_str_intern_cstr(vm, #n))) return false;
    MPY_NAMES(MPY_NAME_INIT)
#undef MPY_NAME_INIT
    return true;
}

static bool make_types(mpy_vm *vm)
{
    /* Shells first: `type` is its own type. */
    for (int i = 0; i < MPY_TYPE_COUNT; i++) {
        mpy_type *t = mpy_obj_alloc(vm, vm->types[MPY_TYPE_TYPE], sizeof(mpy_type));
        if (!t) return false;
        vm->types[i] = t;
        if (i == MPY_TYPE_TYPE) {
            for (int j = 0; j <= i; j++) vm->types[j]->hdr.type = t;
        }
        /* The slots are needed as soon as instances exist (the empty
         * tuple below); the rest is filled in from the spec later. */
        t->slots = builtin_specs[i]->slots;
        t->instance_size = builtin_specs[i]->instance_size;
    }
    /* mpy_tuple_new(0) allocates while vm->empty_tuple is still NULL. */
    vm->empty_tuple = mpy_tuple_new(vm, 0);
    if (!vm->empty_tuple) return false;
    vm->empty_str = mpy_str_intern(vm, "", 0);
    if (!vm->empty_str || !make_names(vm)) return false;
    for (int i = 0; i < MPY_TYPE_COUNT; i++) {
        const mpy_type_spec *s = builtin_specs[i];
        mpy_type *base = NULL;
        if (i != MPY_TYPE_OBJECT) base = vm->types[s->base < 0 ? MPY_TYPE_OBJECT : s->base];
        if (!mpy_type_init_builtin(vm, vm->types[i], s, base) ||
            !mpy_class_add_wrappers(vm, vm->types[i], &s->slots))
            return false;
    }
    if (!mpy_generic_alias_install(vm)) return false;
    vm->notimpl = mpy_obj_alloc(vm, vm->types[MPY_TYPE_NOTIMPL], sizeof(mpy_obj));
    vm->ellipsis = mpy_obj_alloc(vm, vm->types[MPY_TYPE_ELLIPSIS], sizeof(mpy_obj));
    return vm->notimpl && vm->ellipsis;
}

static bool make_modules(mpy_vm *vm)
{
    vm->modules = mpy_dict_new(vm);
    if (!vm->modules) return false;
    mpy_module *b = mpy_module_builtins_new(vm);
    if (!b) return false;
    vm->builtins_module = (mpy_obj *)b;
    vm->builtins = b->dict;
    if (!mpy_dict_set_cstr(vm, vm->modules, "builtins", mpy_from_obj(b))) return false;
    mpy_module *s = mpy_module_sys_new(vm);
    if (!s) return false;
    vm->sys = (mpy_obj *)s;
    if (!mpy_dict_set_cstr(vm, vm->modules, "sys", mpy_from_obj(s))) return false;
    mpy_module *m = mpy_module_new(vm, "__main__");
    if (!m) return false;
    if (!mpy_dict_set_str(vm, m->dict, vm->names.__builtins__, mpy_from_obj(b))) return false;
    return mpy_dict_set_cstr(vm, vm->modules, "__main__", mpy_from_obj(m));
}

/* BaseException.__new__/__init__/__repr__/__str__ as attributes, so that
 * Python subclasses can call them explicitly (super().__init__(msg)). */
static bool exc_wrappers(mpy_vm *vm)
{
    mpy_type *t = vm->exc_types[MPY_EXC_BaseException];
    mpy_slots own = {.new_ = t->slots.new_, .init = t->slots.init, .repr = t->slots.repr, .str = t->slots.str};
    return mpy_class_add_wrappers(vm, t, &own);
}

mpy_vm *mpy_vm_new(const mpy_config *cfg)
{
    mpy_config c;
    if (cfg) c = *cfg;
    else mpy_config_init(&c);
    if (!c.realloc) c.realloc = default_realloc;
    mpy_vm *vm = c.realloc(c.user_data, NULL, 0, sizeof *vm);
    if (!vm) return NULL;
    memset(vm, 0, sizeof *vm);
    vm->config = c;
    vm->next_gc = 1u << 20;
    vm->recursion_limit = 1000;
    vm->stress_gc = getenv("MPY_STRESS_GC") != NULL;
    /* No collection may run while the VM is half built. */
    vm->gc_block = 1;
    bool ok = make_types(vm) && mpy_exc_init_types(vm) && exc_wrappers(vm);
    if (ok) {
        vm->memerr = mpy_exc_new(vm, vm->exc_types[MPY_EXC_MemoryError], 0, NULL);
        ok = !mpy_is_null(vm->memerr);
    }
    ok = ok && mpy_interp_init(vm) && make_modules(vm);
    vm->gc_block = 0;
    vm->exc = MPY_NULL;
    if (!ok) {
        mpy_vm_free(vm);
        return NULL;
    }
    return vm;
}

void mpy_vm_free(mpy_vm *vm)
{
    if (!vm) return;
    mpy_vm_finalize(vm); /* (fin helper) __del__ / generator close of what is left, as CPython at exit */
    mpy_interp_free(vm);
    mpy_type_cache_free(vm);
    mpy_gc_free_all(vm);
    mpy_intern_free(vm);
    if (vm->roots) vm->config.realloc(vm->config.user_data, vm->roots, (size_t)vm->caproots * sizeof(mpy_value), 0);
    vm->config.realloc(vm->config.user_data, vm, sizeof *vm, 0);
}

/* The __main__ module's namespace, made when the VM starts. */
mpy_dict *mpy_vm_main_dict(mpy_vm *vm)
{
    mpy_value m = mpy_dict_get_cstr(vm, vm->modules, "__main__");
    if (mpy_is_null(m) || !mpy_is_type(vm, m, MPY_TYPE_MODULE)) return NULL;
    return ((mpy_module *)m.u.o)->dict;
}
