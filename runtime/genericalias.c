/* types.GenericAlias: what list[int], dict[str, int] and tuple[int, ...]
 * evaluate to (PEP 585).  Python 3.11 evaluates annotations when a function
 * is defined, so `def f(xs: list[int]) -> dict[str, int]` needs these
 * objects to exist; they also print, compare and call like CPython's.
 *
 * The built-in generic classes get a __class_getitem__ classmethod when the
 * VM starts (mpy_generic_alias_install); a user class may define its own.
 */
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/seq.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

typedef struct mpy_generic_alias {
    mpy_obj hdr;
    mpy_value origin;   /* the class subscripted: list, dict ... */
    mpy_tuple *args;    /* the subscript, always a tuple */
} mpy_generic_alias;

static mpy_generic_alias *as_ga(mpy_value v) { return (mpy_generic_alias *)v.u.o; }

mpy_value mpy_generic_alias_new(mpy_vm *vm, mpy_value origin, mpy_value args)
{
    mpy_tuple *t = mpy_is_sub(vm, args, MPY_TYPE_TUPLE) ? mpy_as_tuple(args) : mpy_tuple_pack(vm, 1, args);
    if (!t) return MPY_NULL;
    mpy_generic_alias *ga = mpy_obj_alloc(vm, vm->types[MPY_TYPE_GENERICALIAS], sizeof *ga);
    if (!ga) return MPY_NULL;
    ga->origin = origin;
    ga->args = t;
    return mpy_from_obj(ga);
}

/* cls.__class_getitem__(item) of the built-in generic classes. */
static mpy_value class_getitem(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 2 || (kw && kw->len))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__class_getitem__() takes exactly one argument (%d given)",
                             argc - 1);
    return mpy_generic_alias_new(vm, args[0], args[1]);
}

/* One item of the repr: "..." for Ellipsis, a class by its (module-)
 * qualified name, an alias by its repr, anything else by repr(). */
static bool repr_item(mpy_vm *vm, mpy_strbuf *b, mpy_value v)
{
    if (mpy_is(v, mpy_ellipsis(vm))) return mpy_strbuf_add(vm, b, "...", 3);
    if (mpy_is_sub(vm, v, MPY_TYPE_TYPE) && !mpy_is_type(vm, v, MPY_TYPE_GENERICALIAS)) {
        mpy_type *t = (mpy_type *)v.u.o;
        mpy_value mod = mpy_getattr_opt(vm, v, vm->names.__module__);
        if (mpy_err_occurred(vm)) return false;
        if (!mpy_is_null(mod) && mpy_is_sub(vm, mod, MPY_TYPE_STR) && strcmp(mpy_as_str(mod)->data, "builtins") != 0) {
            if (!mpy_strbuf_add(vm, b, mpy_as_str(mod)->data, mpy_as_str(mod)->len) || !mpy_strbuf_add(vm, b, ".", 1))
                return false;
        }
        mpy_str *qn = t->qualname ? t->qualname : t->name;
        return mpy_strbuf_add(vm, b, qn->data, qn->len);
    }
    mpy_value r = mpy_repr(vm, v);
    return !mpy_is_null(r) && mpy_strbuf_add(vm, b, mpy_as_str(r)->data, mpy_as_str(r)->len);
}

static mpy_value ga_repr(mpy_vm *vm, mpy_value self)
{
    mpy_generic_alias *ga = as_ga(self);
    mpy_strbuf b = {NULL, 0, 0};
    bool ok = repr_item(vm, &b, ga->origin) && mpy_strbuf_add(vm, &b, "[", 1);
    if (ok && ga->args->len == 0) ok = mpy_strbuf_add(vm, &b, "()", 2);
    for (size_t i = 0; ok && i < ga->args->len; i++) {
        if (i) ok = mpy_strbuf_add(vm, &b, ", ", 2);
        if (ok) ok = repr_item(vm, &b, ga->args->items[i]);
    }
    if (ok) ok = mpy_strbuf_add(vm, &b, "]", 1);
    if (!ok) {
        mpy_strbuf_free(vm, &b);
        return MPY_NULL;
    }
    return mpy_strbuf_finish(vm, &b);
}

/* Calling list[int](...) makes a plain list. */
static mpy_value ga_call(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return mpy_call(vm, as_ga(self)->origin, argc, args, kw);
}

static mpy_value ga_richcmp(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if ((op != MPY_CMP_EQ && op != MPY_CMP_NE) || !mpy_is_type(vm, b, MPY_TYPE_GENERICALIAS)) return mpy_notimpl(vm);
    int eq = mpy_eq(vm, as_ga(a)->origin, as_ga(b)->origin);
    if (eq > 0) eq = mpy_eq(vm, mpy_from_obj(as_ga(a)->args), mpy_from_obj(as_ga(b)->args));
    if (eq < 0) return MPY_NULL;
    return mpy_from_bool(op == MPY_CMP_EQ ? eq : !eq);
}

static bool ga_hash(mpy_vm *vm, mpy_value self, int64_t *out)
{
    int64_t h1, h2;
    if (!mpy_hash(vm, as_ga(self)->origin, &h1) || !mpy_hash(vm, mpy_from_obj(as_ga(self)->args), &h2)) return false;
    *out = (h1 ^ h2) == -1 ? -2 : (h1 ^ h2);
    return true;
}

/* __origin__ and __args__ are the alias's own; other attributes are the
 * origin class's (list[int].append is list.append). */
static mpy_value ga_getattr(mpy_vm *vm, mpy_value self, mpy_str *name)
{
    if (strcmp(name->data, "__origin__") == 0) return as_ga(self)->origin;
    if (strcmp(name->data, "__args__") == 0) return mpy_from_obj(as_ga(self)->args);
    if (strcmp(name->data, "__parameters__") == 0) return mpy_from_obj(vm->empty_tuple);
    if (name == vm->names.__class__) return mpy_from_obj(mpy_typeof(vm, self));
    if (name->len > 4 && name->data[0] == '_' && name->data[1] == '_' && name != vm->names.__name__ &&
        name != vm->names.__qualname__ && name != vm->names.__module__ && name != vm->names.__doc__)
        return mpy_generic_getattr(vm, self, name);
    return mpy_getattr(vm, as_ga(self)->origin, name);
}

static void ga_trace(mpy_vm *vm, mpy_obj *o)
{
    mpy_generic_alias *ga = (mpy_generic_alias *)o;
    mpy_gc_mark(vm, ga->origin);
    mpy_gc_mark_obj(vm, (mpy_obj *)ga->args);
}

const mpy_type_spec mpy_GenericAlias_spec = {
    .name = "types.GenericAlias",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_generic_alias),
    .slots = {.repr = ga_repr, .call = ga_call, .richcmp = ga_richcmp, .hash = ga_hash, .getattr = ga_getattr,
              .trace = ga_trace},
};

/* Gives the built-in generic classes their __class_getitem__. */
bool mpy_generic_alias_install(mpy_vm *vm)
{
    static const mpy_type_id generic[] = {MPY_TYPE_LIST, MPY_TYPE_DICT, MPY_TYPE_TUPLE, MPY_TYPE_SET,
                                          MPY_TYPE_FROZENSET, MPY_TYPE_ENUMERATE,
                                          MPY_TYPE_DICT_KEYS, MPY_TYPE_DICT_VALUES, MPY_TYPE_DICT_ITEMS,
                                          MPY_TYPE_MAPPINGPROXY};
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++) {
        mpy_type *t = vm->types[generic[i]];
        mpy_value f = mpy_native_new(vm, "__class_getitem__", class_getitem, NULL);
        if (mpy_is_null(f)) return false;
        f = mpy_classmethod_new(vm, f);
        if (mpy_is_null(f) || !mpy_dict_set_str(vm, t->dict, vm->names.__class_getitem__, f)) return false;
    }
    return true;
}
