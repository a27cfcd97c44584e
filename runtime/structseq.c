/* Struct sequences (see structseq.h): named-field tuples for sys and time. */
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/str.h"
#include "runtime/structseq.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* The field names of a struct sequence type, or NULL. */
static mpy_tuple *fields_of(mpy_vm *vm, mpy_type *t)
{
    mpy_value f = mpy_type_lookup(vm, t, mpy_str_intern_cstr(vm, "__match_args__"));
    return mpy_is_sub(vm, f, MPY_TYPE_TUPLE) ? mpy_as_tuple(f) : NULL;
}

static mpy_value structseq_getattr(mpy_vm *vm, mpy_value self, mpy_str *name)
{
    mpy_tuple *f = fields_of(vm, mpy_typeof(vm, self));
    mpy_tuple *items = mpy_as_tuple(self);
    for (size_t i = 0; f && i < f->len && i < items->len; i++)
        if (f->items[i].u.o == (mpy_obj *)name) return items->items[i];
    return mpy_generic_getattr(vm, self, name);
}

/* module.name(field=repr, ...) */
static mpy_value structseq_repr(mpy_vm *vm, mpy_value self)
{
    mpy_type *t = mpy_typeof(vm, self);
    mpy_tuple *f = fields_of(vm, t);
    mpy_tuple *items = mpy_as_tuple(self);
    mpy_str *s = mpy_str_printf(vm, "%s.%s(", t->module->data, t->name->data);
    for (size_t i = 0; s && f && i < f->len && i < items->len; i++) {
        mpy_value r = mpy_repr(vm, items->items[i]);
        if (mpy_is_null(r)) return r;
        mpy_str *part = mpy_str_printf(vm, "%s%s=%s", i ? ", " : "", mpy_as_str(f->items[i])->data,
                                       mpy_as_str(r)->data);
        s = part ? mpy_str_concat(vm, s, part) : NULL;
    }
    mpy_str *close = s ? mpy_str_from_cstr(vm, ")") : NULL;
    s = close ? mpy_str_concat(vm, s, close) : NULL;
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static const mpy_type_spec structseq_spec = {
    .name = "structseq",
    .base = MPY_TYPE_TUPLE,
    .slots = {.getattr = structseq_getattr, .repr = structseq_repr},
};

mpy_type *mpy_structseq_type(mpy_vm *vm, const char *module, const char *name, const char *const *fields,
                             int nfields)
{
    mpy_type *t = mpy_type_alloc(vm);
    if (!t || !mpy_type_init_builtin(vm, t, &structseq_spec, vm->types[MPY_TYPE_TUPLE])) return NULL;
    /* A struct sequence type cannot be subclassed, as in CPython. */
    t->flags &= ~(uint32_t)MPY_TF_BASETYPE;
    t->name = mpy_str_intern_cstr(vm, name);
    t->module = mpy_str_intern_cstr(vm, module);
    if (!t->name || !t->module) return NULL;
    t->qualname = t->name;
    mpy_tuple *f = mpy_tuple_new(vm, (size_t)nfields);
    if (!f) return NULL;
    for (int i = 0; i < nfields; i++) {
        mpy_str *s = mpy_str_intern_cstr(vm, fields[i]);
        if (!s) return NULL;
        f->items[i] = mpy_from_obj(s);
    }
    if (!mpy_dict_set_cstr(vm, t->dict, "__match_args__", mpy_from_obj(f)) ||
        !mpy_dict_set_cstr(vm, t->dict, "n_fields", mpy_from_int(nfields)) ||
        !mpy_dict_set_cstr(vm, t->dict, "n_sequence_fields", mpy_from_int(nfields)))
        return NULL;
    return t;
}

mpy_value mpy_structseq_new(mpy_vm *vm, mpy_type *t, const mpy_value *items)
{
    mpy_tuple *f = fields_of(vm, t);
    mpy_tuple *src = mpy_tuple_from(vm, f ? f->len : 0, items);
    if (!src) return MPY_NULL;
    /* tuple's constructor allocates instances of subtypes properly. */
    mpy_value a = mpy_from_obj(src);
    return vm->types[MPY_TYPE_TUPLE]->slots.new_(vm, t, 1, &a, NULL);
}
