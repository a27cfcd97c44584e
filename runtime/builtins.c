/* The builtins module: its namespace (functions, types, exceptions,
 * constants) and the builtin functions about objects in general (len,
 * repr, isinstance, getattr, iter, dir, sorted...).  Numeric builtins live
 * in builtins_num.c, I/O and code execution in builtins_io.c.
 *
 * Every function checks its arguments the way its CPython 3.11
 * counterpart does (runtime/args.h), because the TypeError wording
 * differs from one builtin to the next.
 */
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "vm/interp.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/builtins_internal.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/format.h"
#include "runtime/func.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static bool is_type(mpy_vm *vm, mpy_value v) { return mpy_is_sub(vm, v, MPY_TYPE_TYPE); }

/* --------------------------------------------------------- basic protocols */

static mpy_value bi_len(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "len", argc, kw)) return MPY_NULL;
    int64_t n = mpy_len(vm, args[0]);
    return n < 0 ? MPY_NULL : mpy_from_int(n);
}

static mpy_value bi_repr(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "repr", argc, kw)) return MPY_NULL;
    return mpy_repr(vm, args[0]);
}

/* Decodes one UTF-8 sequence at s (valid UTF-8 assumed); returns its
 * length and the code point in *cp. */
static int utf8_decode(const unsigned char *s, uint32_t *cp)
{
    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    if (s[0] < 0xE0) { *cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F); return 2; }
    if (s[0] < 0xF0) { *cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F); return 3; }
    *cp = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 | (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
    return 4;
}

/* ascii(): repr with every non-ASCII character escaped as \xNN, \uNNNN or
 * \UNNNNNNNN (the repr already escaped the unprintable ASCII ones). */
static mpy_value bi_ascii(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "ascii", argc, kw)) return MPY_NULL;
    mpy_value r = mpy_repr(vm, args[0]);
    if (mpy_is_null(r)) return r;
    mpy_str *s = mpy_as_str(r);
    if (mpy_str_is_ascii(s)) return r;
    /* Each code point becomes at most 10 bytes. */
    size_t cap = s->cplen * 10 + 1, n = 0;
    char *buf = mpy_mem_realloc(vm, NULL, 0, cap);
    if (!buf) return MPY_NULL;
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->len;
    while (p < end) {
        uint32_t cp;
        p += utf8_decode(p, &cp);
        if (cp < 0x80) buf[n++] = (char)cp;
        else if (cp < 0x100) n += (size_t)snprintf(buf + n, cap - n, "\\x%02x", cp);
        else if (cp < 0x10000) n += (size_t)snprintf(buf + n, cap - n, "\\u%04x", cp);
        else n += (size_t)snprintf(buf + n, cap - n, "\\U%08x", cp);
    }
    mpy_str *out = mpy_str_new(vm, buf, n);
    mpy_mem_free(vm, buf, cap);
    return out ? mpy_from_obj(out) : MPY_NULL;
}

static mpy_value bi_format(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "format", argc, kw, 1, 2)) return MPY_NULL;
    mpy_str *spec = vm->empty_str;
    if (argc == 2) {
        if (!mpy_is_sub(vm, args[1], MPY_TYPE_STR))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "format() argument 2 must be str, not %s",
                                 mpy_tname(vm, args[1]));
        spec = mpy_as_str(args[1]);
    }
    return mpy_format(vm, args[0], spec);
}

static mpy_value bi_hash(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "hash", argc, kw)) return MPY_NULL;
    int64_t h;
    return mpy_hash(vm, args[0], &h) ? mpy_from_int(h) : MPY_NULL;
}

/* id(): heap objects by address.  Unboxed values have no address; they
 * get a number derived from tag and payload that is odd, so it can never
 * equal an (aligned) object address, and stable for equal values. */
static mpy_value bi_id(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "id", argc, kw)) return MPY_NULL;
    mpy_value v = args[0];
    if (mpy_is_obj(v)) return mpy_from_int((int64_t)(uintptr_t)v.u.o);
    uint64_t bits = (uint64_t)v.u.i;
    uint64_t id = (bits * 0x9E3779B97F4A7C15u + (uint64_t)v.tag) >> 4;
    return mpy_from_int((int64_t)((id << 1) | 1));
}

static mpy_value bi_callable(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "callable", argc, kw)) return MPY_NULL;
    return mpy_from_bool(mpy_is_callable(vm, args[0]));
}

/* ------------------------------------------------------- isinstance & co */

/* isinstance(v, cls) for one class: __instancecheck__ of a custom
 * metaclass, else the MRO walk.  1, 0, -1. */
static int instance_of(mpy_vm *vm, mpy_value v, mpy_value cls)
{
    mpy_type *meta = mpy_typeof(vm, cls);
    if (meta != vm->types[MPY_TYPE_TYPE]) {
        mpy_value m = mpy_type_lookup(vm, meta, vm->names.__instancecheck__);
        if (!mpy_is_null(m)) {
            mpy_value r = mpy_call2(vm, m, cls, v);
            return mpy_is_null(r) ? -1 : mpy_truth(vm, r);
        }
    }
    return mpy_isinstance(vm, v, (mpy_type *)cls.u.o);
}

static int isinstance_rec(mpy_vm *vm, mpy_value v, mpy_value cls)
{
    if (is_type(vm, cls)) return instance_of(vm, v, cls);
    if (!mpy_is_sub(vm, cls, MPY_TYPE_TUPLE)) {
        /* Any object whose class defines __instancecheck__ (typing's
         * aliases, as in CPython's PyObject_IsInstance; mods helper). */
        mpy_value m = mpy_type_lookup(vm, mpy_typeof(vm, cls), vm->names.__instancecheck__);
        if (!mpy_is_null(m)) {
            mpy_value r = mpy_call2(vm, m, cls, v);
            return mpy_is_null(r) ? -1 : mpy_truth(vm, r);
        }
        mpy_err_msg(vm, MPY_EXC_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    if (!mpy_c_enter(vm, " in __instancecheck__")) return -1;
    mpy_tuple *t = mpy_as_tuple(cls);
    int r = 0;
    for (size_t i = 0; i < t->len && r == 0; i++) r = isinstance_rec(vm, v, t->items[i]);
    mpy_c_leave(vm);
    return r;
}

static mpy_value bi_isinstance(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "isinstance", argc, kw, 2, 2)) return MPY_NULL;
    int r = isinstance_rec(vm, args[0], args[1]);
    return r < 0 ? MPY_NULL : mpy_from_bool(r);
}

static int issubclass_rec(mpy_vm *vm, mpy_value c, mpy_value cls)
{
    if (is_type(vm, cls)) {
        mpy_type *meta = mpy_typeof(vm, cls);
        if (meta != vm->types[MPY_TYPE_TYPE]) {
            mpy_value m = mpy_type_lookup(vm, meta, vm->names.__subclasscheck__);
            if (!mpy_is_null(m)) {
                mpy_value r = mpy_call2(vm, m, cls, c);
                return mpy_is_null(r) ? -1 : mpy_truth(vm, r);
            }
        }
        return mpy_type_is_sub((mpy_type *)c.u.o, (mpy_type *)cls.u.o);
    }
    if (!mpy_is_sub(vm, cls, MPY_TYPE_TUPLE)) {
        /* Any object whose class defines __subclasscheck__ (mods helper). */
        mpy_value m = mpy_type_lookup(vm, mpy_typeof(vm, cls), vm->names.__subclasscheck__);
        if (!mpy_is_null(m)) {
            mpy_value r = mpy_call2(vm, m, cls, c);
            return mpy_is_null(r) ? -1 : mpy_truth(vm, r);
        }
        mpy_err_msg(vm, MPY_EXC_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    if (!mpy_c_enter(vm, " in __subclasscheck__")) return -1;
    mpy_tuple *t = mpy_as_tuple(cls);
    int r = 0;
    for (size_t i = 0; i < t->len && r == 0; i++) r = issubclass_rec(vm, c, t->items[i]);
    mpy_c_leave(vm);
    return r;
}

static mpy_value bi_issubclass(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "issubclass", argc, kw, 2, 2)) return MPY_NULL;
    if (!is_type(vm, args[0])) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "issubclass() arg 1 must be a class");
    int r = issubclass_rec(vm, args[0], args[1]);
    return r < 0 ? MPY_NULL : mpy_from_bool(r);
}

/* ------------------------------------------------------------ attributes */

/* The interned attribute name for getattr & co, or NULL with TypeError. */
static mpy_str *attr_name(mpy_vm *vm, mpy_value name)
{
    if (!mpy_is_sub(vm, name, MPY_TYPE_STR)) {
        mpy_err_fmt(vm, MPY_EXC_TypeError, "attribute name must be string, not '%s'", mpy_tname(vm, name));
        return NULL;
    }
    return mpy_str_intern_str(vm, mpy_as_str(name));
}

static mpy_value bi_getattr(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "getattr", argc, kw, 2, 3)) return MPY_NULL;
    mpy_str *name = attr_name(vm, args[1]);
    if (!name) return MPY_NULL;
    mpy_value v = mpy_getattr(vm, args[0], name);
    if (mpy_is_null(v) && argc == 3 && mpy_err_matches(vm, MPY_EXC_AttributeError)) {
        mpy_err_clear(vm);
        return args[2];
    }
    return v;
}

static mpy_value bi_hasattr(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "hasattr", argc, kw, 2, 2)) return MPY_NULL;
    mpy_str *name = attr_name(vm, args[1]);
    if (!name) return MPY_NULL;
    mpy_value v = mpy_getattr(vm, args[0], name);
    if (!mpy_is_null(v)) return MPY_TRUE;
    if (!mpy_err_matches(vm, MPY_EXC_AttributeError)) return MPY_NULL;
    mpy_err_clear(vm);
    return MPY_FALSE;
}

static mpy_value bi_setattr(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "setattr", argc, kw, 3, 3)) return MPY_NULL;
    mpy_str *name = attr_name(vm, args[1]);
    if (!name || !mpy_setattr(vm, args[0], name, args[2])) return MPY_NULL;
    return MPY_NONE;
}

static mpy_value bi_delattr(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "delattr", argc, kw, 2, 2)) return MPY_NULL;
    mpy_str *name = attr_name(vm, args[1]);
    if (!name || !mpy_delattr(vm, args[0], name)) return MPY_NULL;
    return MPY_NONE;
}

/* ------------------------------------------------------------- iteration */

static mpy_value bi_iter(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "iter", argc, kw, 1, 2)) return MPY_NULL;
    if (argc == 1) return mpy_iter(vm, args[0]);
    if (!mpy_is_callable(vm, args[0]))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "iter(v, w): v must be callable");
    return mpy_callable_iter_new(vm, args[0], args[1]);
}

mpy_value mpy_gen_next(mpy_vm *vm, mpy_value gen); /* vm/gen.c */

static mpy_value bi_next(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "next", argc, kw, 1, 2)) return MPY_NULL;
    mpy_type *t = mpy_typeof(vm, args[0]);
    if (!t->slots.next)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' object is not an iterator", mpy_type_name(t));
    /* A generator's return value travels in StopIteration.value, which the
     * next slot (built for loops) does not raise. */
    mpy_value v = mpy_is_type(vm, args[0], MPY_TYPE_GENERATOR) ? mpy_gen_next(vm, args[0])
                                                                 : t->slots.next(vm, args[0]);
    if (!mpy_is_null(v)) return v;
    if (mpy_err_occurred(vm)) {
        if (argc < 2 || !mpy_err_matches(vm, MPY_EXC_StopIteration)) return MPY_NULL;
        mpy_err_clear(vm);
    }
    if (argc == 2) return args[1];
    mpy_err_type(vm, MPY_EXC_StopIteration, MPY_NULL);
    return MPY_NULL;
}

/* any() / all(): stop at the first item whose truth is `stop_on`. */
static mpy_value any_all(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, const char *name, bool stop_on)
{
    if (!mpy_args_one(vm, name, argc, kw)) return MPY_NULL;
    mpy_value it = mpy_iter(vm, args[0]);
    if (mpy_is_null(it)) return it;
    for (;;) {
        mpy_value v = mpy_next(vm, it);
        if (mpy_is_null(v)) return mpy_err_occurred(vm) ? MPY_NULL : mpy_from_bool(!stop_on);
        int t = mpy_truth(vm, v);
        if (t < 0) return MPY_NULL;
        if ((t != 0) == stop_on) return mpy_from_bool(stop_on);
    }
}

static mpy_value bi_any(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return any_all(vm, argc, args, kw, "any", true);
}

static mpy_value bi_all(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return any_all(vm, argc, args, kw, "all", false);
}

/* sorted(iterable, /, *, key=None, reverse=False).  CPython checks the
 * positional count itself, then hands the keywords to list.sort, whose
 * name appears in the keyword errors. */
static mpy_value bi_sorted(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (argc != 1)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "sorted expected 1 argument, got %d", argc);
    mpy_value opt[2];
    if (!mpy_args_parse(vm, "sort", 0, args + 1, kw, "*,key=,reverse=", opt)) return MPY_NULL;
    int64_t reverse = 0;
    if (!mpy_is_null(opt[1]) && !mpy_index(vm, opt[1], &reverse)) return MPY_NULL;
    mpy_value key = mpy_is_null(opt[0]) || mpy_is_none(opt[0]) ? MPY_NULL : opt[0];
    mpy_list *l = mpy_list_from_iter(vm, args[0]);
    if (!l || !mpy_list_sort_collecting(vm, l, key, reverse != 0)) return MPY_NULL;
    return mpy_from_obj(l);
}

/* ----------------------------------------------------------- namespaces */

static mpy_value bi_globals(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "globals", argc, kw)) return MPY_NULL;
    return mpy_interp_globals(vm);
}

static mpy_value bi_locals(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "locals", argc, kw)) return MPY_NULL;
    return mpy_interp_locals(vm);
}

static mpy_value bi_vars(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "vars", argc, kw, 0, 1)) return MPY_NULL;
    if (argc == 0) return mpy_interp_locals(vm);
    mpy_value d = mpy_getattr(vm, args[0], vm->names.__dict__);
    if (mpy_is_null(d) && mpy_err_matches(vm, MPY_EXC_AttributeError)) {
        mpy_err_clear(vm);
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* The keys of a mapping as a sorted list (dir() of a namespace). */
static mpy_value sorted_keys(mpy_vm *vm, mpy_value mapping)
{
    mpy_list *l;
    if (mpy_is_sub(vm, mapping, MPY_TYPE_DICT)) {
        mpy_dict *d = mpy_as_dict(mapping);
        l = mpy_list_new(vm, d->used);
        size_t pos = 0;
        mpy_value k;
        while (l && mpy_dict_next(d, &pos, &k, NULL))
            if (!mpy_list_append(vm, l, k)) return MPY_NULL;
    } else {
        mpy_value keys = mpy_call_method(vm, mapping, "keys", 0, NULL);
        l = mpy_is_null(keys) ? NULL : mpy_list_from_iter(vm, keys);
    }
    if (!l || !mpy_list_sort(vm, l, MPY_NULL, false)) return MPY_NULL;
    return mpy_from_obj(l);
}

static mpy_value bi_dir(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "dir", argc, kw, 0, 1)) return MPY_NULL;
    if (argc == 0) {
        mpy_value loc = mpy_interp_locals(vm);
        return mpy_is_null(loc) ? loc : sorted_keys(vm, loc);
    }
    /* A module's dir is its namespace, as CPython's module.__dir__. */
    if (mpy_is_sub(vm, args[0], MPY_TYPE_MODULE))
        return sorted_keys(vm, mpy_from_obj(((mpy_module *)args[0].u.o)->dict));
    /* __dir__ is looked up on the type, as special methods are: dir(int)
     * must use type.__dir__, not int's own (unbound) object.__dir__. */
    mpy_str *name = mpy_str_intern_cstr(vm, "__dir__");
    mpy_value m = name ? mpy_type_lookup(vm, mpy_typeof(vm, args[0]), name) : MPY_NULL;
    if (mpy_is_null(m)) return mpy_err_occurred(vm) ? MPY_NULL : mpy_err_fmt_v(vm, MPY_EXC_TypeError, "object does not provide __dir__");
    mpy_value r = mpy_call1(vm, m, args[0]);
    if (mpy_is_null(r)) return r;
    mpy_list *l = mpy_list_from_iter(vm, r);
    if (!l || !mpy_list_sort(vm, l, MPY_NULL, false)) return MPY_NULL;
    return mpy_from_obj(l);
}

/* ------------------------------------------------------ exit, quit, help */

/* The objects `exit` and `quit`: their repr tells the console user how to
 * leave, and calling one raises SystemExit(code) as site.Quitter does. */
typedef struct quitter {
    mpy_obj hdr;
    const char *name;
} quitter;

static mpy_value quitter_repr(mpy_vm *vm, mpy_value self)
{
    quitter *q = (quitter *)self.u.o;
    mpy_str *s = mpy_str_printf(vm, "Use %s() or Ctrl-D (i.e. EOF) to exit", q->name);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static mpy_value quitter_call(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value code;
    /* site.Quitter.__call__ is a Python method: its arity message. */
    if (argc > 1)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError,
                             "Quitter.__call__() takes from 1 to 2 positional arguments but %d were given", argc + 1);
    if (!mpy_args_parse(vm, "Quitter.__call__", argc, args, kw, "code=", &code)) return MPY_NULL;
    mpy_err_type(vm, MPY_EXC_SystemExit, mpy_is_null(code) ? MPY_NONE : code);
    return MPY_NULL;
}

static const mpy_type_spec quitter_spec = {
    .name = "Quitter",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(quitter),
    .slots = {.repr = quitter_repr, .call = quitter_call},
};

static mpy_value help_call(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw);

static mpy_value help_repr(mpy_vm *vm, mpy_value self)
{
    return mpy_from_obj(mpy_str_from_cstr(vm, "Type help() for interactive help, or help(object) for help about "
                                              "object."));
}

static const mpy_type_spec helper_spec = {
    .name = "_Helper",
    .base = MPY_TYPE_OBJECT,
    .instance_size = sizeof(mpy_obj),
    .slots = {.repr = help_repr, .call = help_call},
};

bool mpy_sys_write(mpy_vm *vm, int stream, const char *text, size_t len);

/* help(): minipy has no pydoc; it shows an object's docstring, which is
 * what most help() calls are after. */
static mpy_value help_call(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "help", argc, kw, 0, 1)) return MPY_NULL;
    mpy_str *text;
    if (argc == 0) {
        text = mpy_str_from_cstr(vm, "minipy has no interactive help; use help(object) to see an object's "
                                     "docstring.\n");
    } else {
        mpy_value doc = mpy_getattr_opt(vm, args[0], vm->names.__doc__);
        if (mpy_is_null(doc) && mpy_err_occurred(vm)) return MPY_NULL;
        mpy_value r = mpy_repr(vm, args[0]);
        if (mpy_is_null(r)) return r;
        if (mpy_is_sub(vm, doc, MPY_TYPE_STR))
            text = mpy_str_printf(vm, "Help on %s:\n\n%s\n", mpy_as_str(r)->data, mpy_as_str(doc)->data);
        else
            text = mpy_str_printf(vm, "No documentation found for %s.\n", mpy_as_str(r)->data);
    }
    if (!text || !mpy_sys_write(vm, MPY_STDOUT, text->data, text->len)) return MPY_NULL;
    return MPY_NONE;
}

/* A per-VM type from a static spec (types of objects only builtins
 * creates, so they need no slot in MPY_BUILTIN_TYPES). */
static mpy_type *make_type(mpy_vm *vm, const mpy_type_spec *spec)
{
    mpy_type *t = mpy_type_alloc(vm);
    if (!t || !mpy_type_init_builtin(vm, t, spec, vm->types[MPY_TYPE_OBJECT])) return NULL;
    return t;
}

static bool add_quitters(mpy_vm *vm, mpy_dict *ns)
{
    mpy_type *qt = make_type(vm, &quitter_spec);
    mpy_type *ht = make_type(vm, &helper_spec);
    if (!qt || !ht) return false;
    static const char *const names[] = {"exit", "quit"};
    for (int i = 0; i < 2; i++) {
        quitter *q = mpy_obj_alloc(vm, qt, sizeof *q);
        if (!q) return false;
        q->name = names[i];
        if (!mpy_dict_set_cstr(vm, ns, names[i], mpy_from_obj(q))) return false;
    }
    mpy_obj *h = mpy_obj_alloc(vm, ht, sizeof *h);
    return h && mpy_dict_set_cstr(vm, ns, "help", mpy_from_obj(h));
}

/* --------------------------------------------------------- the namespace */

const mpy_method_def mpy_builtins_core_defs[] = {
    {"len", bi_len, 0},
    {"repr", bi_repr, 0},
    {"ascii", bi_ascii, 0},
    {"format", bi_format, 0},
    {"hash", bi_hash, 0},
    {"id", bi_id, 0},
    {"callable", bi_callable, 0},
    {"isinstance", bi_isinstance, 0},
    {"issubclass", bi_issubclass, 0},
    {"getattr", bi_getattr, 0},
    {"hasattr", bi_hasattr, 0},
    {"setattr", bi_setattr, 0},
    {"delattr", bi_delattr, 0},
    {"iter", bi_iter, 0},
    {"next", bi_next, 0},
    {"any", bi_any, 0},
    {"all", bi_all, 0},
    {"sorted", bi_sorted, 0},
    {"globals", bi_globals, 0},
    {"locals", bi_locals, 0},
    {"vars", bi_vars, 0},
    {"dir", bi_dir, 0},
    {NULL, NULL, 0},
};

/* The built-in types that are builtins names, with their Python names. */
static const struct {
    const char *name;
    mpy_type_id id;
} type_names[] = {
    {"object", MPY_TYPE_OBJECT}, {"type", MPY_TYPE_TYPE}, {"int", MPY_TYPE_INT},
    {"bool", MPY_TYPE_BOOL}, {"float", MPY_TYPE_FLOAT}, {"str", MPY_TYPE_STR},
    {"bytes", MPY_TYPE_BYTES}, {"bytearray", MPY_TYPE_BYTEARRAY}, {"tuple", MPY_TYPE_TUPLE},
    {"list", MPY_TYPE_LIST}, {"dict", MPY_TYPE_DICT}, {"set", MPY_TYPE_SET},
    {"frozenset", MPY_TYPE_FROZENSET}, {"range", MPY_TYPE_RANGE}, {"slice", MPY_TYPE_SLICE},
    {"property", MPY_TYPE_PROPERTY}, {"staticmethod", MPY_TYPE_STATICMETHOD},
    {"classmethod", MPY_TYPE_CLASSMETHOD}, {"super", MPY_TYPE_SUPER}, {"enumerate", MPY_TYPE_ENUMERATE},
    {"zip", MPY_TYPE_ZIP}, {"map", MPY_TYPE_MAP}, {"filter", MPY_TYPE_FILTER},
    {"reversed", MPY_TYPE_REVERSED},
};

static const char *const exc_names[] = {
#define MPY_EXC_NAME(n, b) #n,
    MPY_EXC_TYPES(MPY_EXC_NAME)
#undef MPY_EXC_NAME
};

static bool add_defs(mpy_vm *vm, mpy_dict *ns, const mpy_method_def *defs)
{
    for (; defs->name; defs++) {
        mpy_value f = mpy_native_new(vm, defs->name, defs->fn, NULL);
        if (mpy_is_null(f) || !mpy_dict_set_cstr(vm, ns, defs->name, f)) return false;
    }
    return true;
}

bool mpy_builtins_fill(mpy_vm *vm, mpy_dict *ns)
{
    if (!add_defs(vm, ns, mpy_builtins_core_defs) || !add_defs(vm, ns, mpy_builtins_num_defs) ||
        !add_defs(vm, ns, mpy_builtins_io_defs))
        return false;
    for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
        if (!mpy_dict_set_cstr(vm, ns, type_names[i].name, mpy_from_obj(vm->types[type_names[i].id])))
            return false;
    for (int i = 0; i < MPY_EXC_COUNT; i++)
        if (!mpy_dict_set_cstr(vm, ns, exc_names[i], mpy_from_obj(vm->exc_types[i]))) return false;
    mpy_value oserror = mpy_from_obj(vm->exc_types[MPY_EXC_OSError]);
    return mpy_dict_set_cstr(vm, ns, "EnvironmentError", oserror) && mpy_dict_set_cstr(vm, ns, "IOError", oserror) &&
           mpy_dict_set_cstr(vm, ns, "Ellipsis", mpy_from_obj(vm->ellipsis)) &&
           mpy_dict_set_cstr(vm, ns, "NotImplemented", mpy_from_obj(vm->notimpl)) &&
           mpy_dict_set_cstr(vm, ns, "__debug__", MPY_TRUE) && add_quitters(vm, ns) &&
           /* Keywords to the compiler, but attributes of builtins too. */
           mpy_dict_set_cstr(vm, ns, "None", MPY_NONE) && mpy_dict_set_cstr(vm, ns, "True", MPY_TRUE) &&
           mpy_dict_set_cstr(vm, ns, "False", MPY_FALSE);
}

mpy_module *mpy_module_builtins_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "builtins");
    if (!m) return NULL;
    mpy_str *doc = mpy_str_from_cstr(vm, "Built-in functions, exceptions, and other objects.");
    if (!doc || !mpy_dict_set_str(vm, m->dict, vm->names.__doc__, mpy_from_obj(doc))) return NULL;
    return mpy_builtins_fill(vm, m->dict) ? m : NULL;
}
