/* Type objects: creation of the built-in types from their specs, class
 * creation (type(name, bases, dict) and the class statement), the MRO
 * (C3), attribute lookup along the MRO, and the `type` type's own slots.
 */
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "vm/interp.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

mpy_type *mpy_typeof_unboxed(mpy_vm *vm, mpy_value v)
{
    switch (v.tag) {
    case MPY_TAG_OBJ: return v.u.o->type;
    case MPY_TAG_INT: return vm->types[MPY_TYPE_INT];
    case MPY_TAG_FLOAT: return vm->types[MPY_TYPE_FLOAT];
    case MPY_TAG_BOOL: return vm->types[MPY_TYPE_BOOL];
    case MPY_TAG_NONE: return vm->types[MPY_TYPE_NONE];
    default: return vm->types[MPY_TYPE_OBJECT]; /* MPY_NULL: never asked */
    }
}

mpy_type *mpy_type_get(mpy_vm *vm, mpy_type_id id) { return vm->types[id]; }
mpy_type *mpy_exc_type(mpy_vm *vm, mpy_exc_id id) { return vm->exc_types[id]; }

bool mpy_type_is_sub(const mpy_type *sub, const mpy_type *sup)
{
    if (sub == sup) return true;
    if (sub->mro) {
        for (size_t i = 0; i < sub->mro->len; i++)
            if (sub->mro->items[i].u.o == (const mpy_obj *)sup) return true;
        return false;
    }
    for (const mpy_type *t = sub->base; t; t = t->base)
        if (t == sup) return true;
    return false;
}

bool mpy_isinstance(mpy_vm *vm, mpy_value v, const mpy_type *t)
{
    return mpy_type_is_sub(mpy_typeof(vm, v), t);
}

bool mpy_is_type(mpy_vm *vm, mpy_value v, mpy_type_id id)
{
    return mpy_typeof(vm, v) == vm->types[id];
}

bool mpy_is_sub(mpy_vm *vm, mpy_value v, mpy_type_id id)
{
    return mpy_type_is_sub(mpy_typeof(vm, v), vm->types[id]);
}

/* The type attribute cache: (type, name) -> where the name was found along
 * the MRO (a dict and its entry index) or that it was not found.  Entries
 * carry the epoch they were made in; the epoch moves on whenever a dict
 * that belongs to a type changes shape (MPY_DICT_OF_TYPE), a class is
 * created, or the collector runs (a freed type or name could otherwise be
 * mistaken for a new one at the same address).  A plain value update of a
 * class attribute does not move the epoch: the value is read from the
 * entry each time. */
#define TYPE_CACHE_SIZE 1024

typedef struct mpy_type_cache_entry {
    mpy_type *type;
    mpy_str *name;
    uint64_t epoch;
    mpy_dict *dict;    /* NULL: not found */
    int64_t ix;
} mpy_type_cache_entry;

void mpy_type_cache_invalidate(mpy_vm *vm) { vm->type_epoch++; }

void mpy_type_cache_free(mpy_vm *vm)
{
    if (vm->type_cache) mpy_mem_free(vm, vm->type_cache, TYPE_CACHE_SIZE * sizeof(mpy_type_cache_entry));
    vm->type_cache = NULL;
}

static mpy_value lookup_uncached(mpy_vm *vm, mpy_type *type, mpy_str *name, mpy_dict **where, int64_t *ix)
{
    mpy_tuple *mro = type->mro;
    size_t n = mro ? mro->len : 0;
    mpy_type *t = mro ? NULL : type;
    for (size_t i = 0; mro ? i < n : t != NULL; i++) {
        mpy_type *cur = mro ? (mpy_type *)mro->items[i].u.o : t;
        if (!mro) t = t->base;
        cur->dict->hdr.flags |= MPY_DICT_OF_TYPE;
        int64_t k = mpy_dict_entry_index_str(vm, cur->dict, name);
        if (k >= 0) {
            *where = cur->dict;
            *ix = k;
            return cur->dict->entries[k].value;
        }
    }
    *where = NULL;
    return MPY_NULL;
}

mpy_value mpy_type_lookup(mpy_vm *vm, mpy_type *type, mpy_str *name)
{
    if (!vm->type_cache) {
        vm->type_cache = mpy_mem_realloc(vm, NULL, 0, TYPE_CACHE_SIZE * sizeof(mpy_type_cache_entry));
        if (!vm->type_cache) {
            mpy_err_clear(vm);
            mpy_dict *d;
            int64_t ix;
            return lookup_uncached(vm, type, name, &d, &ix);
        }
        memset(vm->type_cache, 0, TYPE_CACHE_SIZE * sizeof(mpy_type_cache_entry));
    }
    size_t h = (((uintptr_t)type >> 4) ^ ((uintptr_t)name >> 3) * 0x9E3779B1u) & (TYPE_CACHE_SIZE - 1);
    mpy_type_cache_entry *e = &((mpy_type_cache_entry *)vm->type_cache)[h];
    if (e->type == type && e->name == name && e->epoch == vm->type_epoch)
        return e->dict ? e->dict->entries[e->ix].value : MPY_NULL;
    mpy_dict *d;
    int64_t ix;
    mpy_value v = lookup_uncached(vm, type, name, &d, &ix);
    *e = (mpy_type_cache_entry){type, name, vm->type_epoch, d, ix};
    return v;
}

const char *mpy_type_name(const mpy_type *t) { return t->name ? t->name->data : "?"; }
const char *mpy_tname(mpy_vm *vm, mpy_value v) { return mpy_type_name(mpy_typeof(vm, v)); }

/* ---------------------------------------------------------------- C3 MRO */

/* Merges the MROs of the bases and the bases list (C3 linearisation).
 * Returns a new tuple starting with `type`, or NULL with TypeError "Cannot
 * create a consistent method resolution order (MRO) for bases A, B". */
static mpy_tuple *compute_mro(mpy_vm *vm, mpy_type *type, mpy_tuple *bases)
{
    size_t nb = bases->len;
    if (nb == 1) {
        mpy_tuple *bm = ((mpy_type *)bases->items[0].u.o)->mro;
        mpy_tuple *m = mpy_tuple_new(vm, bm->len + 1);
        if (!m) return NULL;
        m->items[0] = mpy_from_obj(type);
        memcpy(m->items + 1, bm->items, bm->len * sizeof(mpy_value));
        return m;
    }
    /* Sequences to merge: each base's MRO, then the bases list itself. */
    size_t nseq = nb + 1, total = 1;
    const mpy_tuple **seqs = mpy_mem_realloc(vm, NULL, 0, nseq * sizeof *seqs);
    size_t *pos = mpy_mem_realloc(vm, NULL, 0, nseq * sizeof *pos);
    if (!seqs || !pos) return NULL;
    for (size_t i = 0; i < nb; i++) {
        seqs[i] = ((mpy_type *)bases->items[i].u.o)->mro;
        total += seqs[i]->len;
    }
    seqs[nb] = bases;
    memset(pos, 0, nseq * sizeof *pos);
    mpy_value *out = mpy_mem_realloc(vm, NULL, 0, total * sizeof *out);
    mpy_tuple *result = NULL;
    if (!out) goto done;
    size_t n = 0;
    out[n++] = mpy_from_obj(type);
    for (;;) {
        bool any = false;
        mpy_obj *pick = NULL;
        for (size_t i = 0; i < nseq && !pick; i++) {
            if (pos[i] >= seqs[i]->len) continue;
            any = true;
            mpy_obj *cand = seqs[i]->items[pos[i]].u.o;
            bool in_tail = false;
            for (size_t j = 0; j < nseq && !in_tail; j++)
                for (size_t k = pos[j] + 1; k < seqs[j]->len; k++)
                    if (seqs[j]->items[k].u.o == cand) { in_tail = true; break; }
            if (!in_tail) pick = cand;
        }
        if (!any) break;
        if (!pick) {
            /* As CPython: the distinct classes at the heads of the
             * sequences left to merge, and its message's line break. */
            char names[512];
            size_t w = 0;
            names[0] = 0;
            for (size_t i = 0; i < nseq && w < sizeof names - 64; i++) {
                if (pos[i] >= seqs[i]->len) continue;
                mpy_obj *head = seqs[i]->items[pos[i]].u.o;
                bool seen = false;
                for (size_t j = 0; j < i && !seen; j++)
                    seen = pos[j] < seqs[j]->len && seqs[j]->items[pos[j]].u.o == head;
                if (!seen)
                    w += (size_t)snprintf(names + w, sizeof names - w, "%s%s", w ? ", " : "",
                                          mpy_type_name((mpy_type *)head));
            }
            mpy_err_fmt(vm, MPY_EXC_TypeError,
                        "Cannot create a consistent method resolution\norder (MRO) for bases %s", names);
            goto done;
        }
        out[n++] = mpy_from_obj(pick);
        for (size_t i = 0; i < nseq; i++)
            if (pos[i] < seqs[i]->len && seqs[i]->items[pos[i]].u.o == pick) pos[i]++;
    }
    result = mpy_tuple_from(vm, n, out);
done:
    if (out) mpy_mem_free(vm, out, total * sizeof *out);
    mpy_mem_free(vm, seqs, nseq * sizeof *seqs);
    mpy_mem_free(vm, pos, nseq * sizeof *pos);
    return result;
}

/* --------------------------------------------------- built-in type setup */

static bool add_methods(mpy_vm *vm, mpy_type *t, const mpy_type_spec *spec)
{
    for (const mpy_method_def *m = spec->methods; m && m->name; m++) {
        /* Static and class methods get no owner: their first argument is
         * not an instance, so the owner check of native calls must not run. */
        mpy_value f = mpy_native_new(vm, m->name, m->fn, m->kind == MPY_METH_DEFAULT ? t : NULL);
        if (mpy_is_null(f)) return false;
        if (m->kind == MPY_METH_STATIC) f = mpy_staticmethod_new(vm, f);
        else if (m->kind == MPY_METH_CLASS) f = mpy_classmethod_new(vm, f);
        if (mpy_is_null(f) || !mpy_dict_set_cstr(vm, t->dict, m->name, f)) return false;
    }
    for (const mpy_getset_def *g = spec->getsets; g && g->name; g++) {
        mpy_value d = mpy_getset_new(vm, g, t);
        if (mpy_is_null(d) || !mpy_dict_set_cstr(vm, t->dict, g->name, d)) return false;
    }
    return true;
}

/* Fills a type object from a spec; base already created. */
bool mpy_type_init_builtin(mpy_vm *vm, mpy_type *t, const mpy_type_spec *spec, mpy_type *base)
{
    t->name = mpy_str_intern_cstr(vm, spec->name);
    if (!t->name) return false;
    t->qualname = t->name;
    t->module = mpy_str_intern_cstr(vm, "builtins");
    t->dict = mpy_dict_new(vm);
    if (!t->module || !t->dict) return false;
    t->base = base;
    t->flags = spec->flags | (base ? base->flags & (MPY_TF_EXCEPTION | MPY_TF_INT_SUB | MPY_TF_STR_SUB |
                                                    MPY_TF_TUPLE_SUB | MPY_TF_LIST_SUB | MPY_TF_DICT_SUB |
                                                    MPY_TF_TYPE_SUB)
                                    : 0);
    t->instance_size = spec->instance_size ? spec->instance_size : (base ? base->instance_size : sizeof(mpy_obj));
    t->dict_offset = spec->dict_offset ? spec->dict_offset : (base ? base->dict_offset : 0);
    t->slots = spec->slots;
    if (base) {
        /* Inherit every slot the spec leaves empty, except that a type
         * defining equality without a hash is unhashable (as CPython sets
         * __hash__ = None when a class overrides __eq__ only). */
        void (**dst)(void) = (void (**)(void))&t->slots;
        void (*const *src)(void) = (void (*const *)(void))&base->slots;
        for (size_t i = 0; i < sizeof(mpy_slots) / sizeof(void (*)(void)); i++)
            if (!dst[i]) dst[i] = src[i];
        if (spec->slots.richcmp && !spec->slots.hash) t->slots.hash = NULL;
    }
    t->bases = base ? mpy_tuple_pack(vm, 1, mpy_from_obj(base)) : vm->empty_tuple;
    if (!t->bases) return false;
    if (base) {
        t->mro = compute_mro(vm, t, t->bases);
    } else {
        t->mro = mpy_tuple_pack(vm, 1, mpy_from_obj(t));
    }
    if (!t->mro) return false;
    if (spec->doc && !mpy_dict_set_str(vm, t->dict, vm->names.__doc__, mpy_from_obj(mpy_str_from_cstr(vm, spec->doc))))
        return false;
    return add_methods(vm, t, spec);
}

mpy_type *mpy_type_alloc(mpy_vm *vm)
{
    return mpy_obj_alloc(vm, vm->types[MPY_TYPE_TYPE], sizeof(mpy_type));
}

/* ------------------------------------------------------- heap classes */


/* The "solid" base: the nearest built-in ancestor whose instance layout
 * the new class extends.  All bases must agree on it. */
static mpy_type *solid_base(mpy_type *t)
{
    while (t->flags & MPY_TF_HEAP) t = t->base;
    return t;
}

/* ------------------------------------------------------------ __slots__ */

mpy_value mpy_member_new(mpy_vm *vm, mpy_type *owner, mpy_str *name, size_t offset); /* runtime/descr.c */

/* Does heap class b add slots to its built-in base's layout (more than the
 * __dict__ pointer every plain class appends)? */
static bool has_slot_layout(mpy_type *b)
{
    return b->instance_size > solid_base(b)->instance_size + sizeof(mpy_dict *);
}

/* The private-name mangling the compiler applies: __x in class _C -> _C__x. */
static mpy_str *mangle(mpy_vm *vm, mpy_str *cls, mpy_str *n)
{
    if (n->len < 3 || n->data[0] != '_' || n->data[1] != '_' ||
        (n->data[n->len - 1] == '_' && n->data[n->len - 2] == '_'))
        return n;
    const char *c = cls->data;
    while (*c == '_') c++;
    if (!*c) return n;
    return mpy_str_printf(vm, "_%s%s", c, n->data);
}

static bool is_identifier(const mpy_str *n)
{
    if (!n->len || (n->data[0] >= '0' && n->data[0] <= '9')) return false;
    for (size_t i = 0; i < n->len; i++) {
        unsigned char c = (unsigned char)n->data[i];
        if (!(c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

/* Instance layout of a new class: the largest base layout, then (unless
 * __slots__ leaves it out) a __dict__ pointer if no base has one, then one
 * mpy_value per name in __slots__, each reached through a member
 * descriptor stored in the class namespace (runtime/descr.c).  The area
 * past the built-in base is thus a sequence of dict pointers and values,
 * which class.c's trace walks. */
static bool layout_with_slots(mpy_vm *vm, mpy_type *t, mpy_tuple *bases, mpy_dict *ns)
{
    mpy_type *parent = (mpy_type *)bases->items[0].u.o;
    for (size_t i = 1; i < bases->len; i++) {
        mpy_type *b = (mpy_type *)bases->items[i].u.o;
        if (b->instance_size > parent->instance_size) parent = b;
    }
    for (size_t i = 0; i < bases->len; i++) {
        mpy_type *b = (mpy_type *)bases->items[i].u.o;
        if (b != parent && !mpy_type_is_sub(parent, b) && (b->flags & MPY_TF_HEAP) && has_slot_layout(b))
            return mpy_err_msg(vm, MPY_EXC_TypeError, "multiple bases have instance lay-out conflict");
    }
    t->instance_size = parent->instance_size;
    t->dict_offset = parent->dict_offset;
    mpy_value sv = mpy_dict_get_cstr(vm, ns, "__slots__");
    /* Built-in containers and numbers reserve a __dict__ field that only
     * their subclasses use: a subclass with __slots__ goes without. */
    mpy_type *const *ty = vm->types;
    if (!mpy_is_null(sv) && !(parent->flags & MPY_TF_HEAP) &&
        ((parent->flags & (MPY_TF_INT_SUB | MPY_TF_STR_SUB | MPY_TF_TUPLE_SUB | MPY_TF_LIST_SUB | MPY_TF_DICT_SUB)) ||
         parent == ty[MPY_TYPE_SET] || parent == ty[MPY_TYPE_FROZENSET] || parent == ty[MPY_TYPE_FLOAT] ||
         parent == ty[MPY_TYPE_BYTES] || parent == ty[MPY_TYPE_BYTEARRAY]))
        t->dict_offset = 0;
    if (mpy_is_null(sv)) {
        if (!t->dict_offset) {
            t->dict_offset = (int)t->instance_size;
            t->instance_size += sizeof(mpy_dict *);
        }
        return true;
    }
    mpy_list *names;
    if (mpy_is_sub(vm, sv, MPY_TYPE_STR)) {
        names = mpy_list_new(vm, 1);
        if (!names || !mpy_list_append(vm, names, sv)) return false;
    } else {
        names = mpy_list_from_iter(vm, sv);
        if (!names) return false;
    }
    bool want_dict = false;
    size_t nvalues = 0;
    for (size_t i = 0; i < names->len; i++) {
        mpy_value n = names->items[i];
        if (!mpy_is_sub(vm, n, MPY_TYPE_STR))
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "__slots__ items must be strings, not '%s'", mpy_tname(vm, n));
        if (!is_identifier(mpy_as_str(n))) return mpy_err_msg(vm, MPY_EXC_TypeError, "__slots__ must be identifiers");
        if (strcmp(mpy_as_str(n)->data, "__dict__") == 0) {
            if (want_dict || t->dict_offset)
                return mpy_err_msg(vm, MPY_EXC_TypeError, "__dict__ slot disallowed: we already got one");
            want_dict = true;
            continue;
        }
        if (strcmp(mpy_as_str(n)->data, "__weakref__") == 0) continue;
        bool err = false;
        if (!mpy_is_null(mpy_dict_get(vm, ns, n, &err)))
            return mpy_err_fmt(vm, MPY_EXC_ValueError, "'%s' in __slots__ conflicts with class variable",
                               mpy_as_str(n)->data);
        if (err) return false;
        nvalues++;
    }
    if (nvalues && (t->flags & (MPY_TF_INT_SUB | MPY_TF_STR_SUB | MPY_TF_TUPLE_SUB)))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                           mpy_type_name(solid_base(parent)));
    if (want_dict) {
        t->dict_offset = (int)t->instance_size;
        t->instance_size += sizeof(mpy_dict *);
    }
    for (size_t i = 0; i < names->len; i++) {
        mpy_str *n = mpy_as_str(names->items[i]);
        if (strcmp(n->data, "__dict__") == 0 || strcmp(n->data, "__weakref__") == 0) continue;
        mpy_str *m = mangle(vm, t->name, n);
        m = m ? mpy_str_intern_str(vm, m) : NULL;
        if (!m) return false;
        mpy_value d = mpy_member_new(vm, t, m, t->instance_size);
        if (mpy_is_null(d) || !mpy_dict_set_str(vm, ns, m, d)) return false;
        t->instance_size += sizeof(mpy_value);
    }
    return true;
}

mpy_value mpy_type_new_class(mpy_vm *vm, mpy_type *meta, mpy_str *name, mpy_tuple *bases, mpy_dict *ns)
{
    mpy_type *object = vm->types[MPY_TYPE_OBJECT];
    if (bases->len == 0) {
        bases = mpy_tuple_pack(vm, 1, mpy_from_obj(object));
        if (!bases) return MPY_NULL;
    }
    mpy_type *best = NULL;
    for (size_t i = 0; i < bases->len; i++) {
        mpy_value b = bases->items[i];
        if (!mpy_is_sub(vm, b, MPY_TYPE_TYPE))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "bases must be types");
        mpy_type *bt = (mpy_type *)b.u.o;
        if (!(bt->flags & MPY_TF_BASETYPE))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "type '%s' is not an acceptable base type",
                                 mpy_type_name(bt));
        for (size_t j = 0; j < i; j++)
            if (bases->items[j].u.o == b.u.o)
                return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "duplicate base class %s", mpy_type_name(bt));
        mpy_type *sb = solid_base(bt);
        if (!best || mpy_type_is_sub(sb, best)) best = sb;
        else if (!mpy_type_is_sub(best, sb))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "multiple bases have instance lay-out conflict");
    }
    /* CPython's implicit class-body rules: __new__ is a staticmethod,
     * __init_subclass__ and __class_getitem__ are classmethods, and a class
     * that defines __eq__ without __hash__ is unhashable. */
    mpy_value v = mpy_dict_get_str(vm, ns, vm->names.__new__);
    if (mpy_is_type(vm, v, MPY_TYPE_FUNCTION) &&
        !mpy_dict_set_str(vm, ns, vm->names.__new__, mpy_staticmethod_new(vm, v)))
        return MPY_NULL;
    mpy_str *const cms[] = {vm->names.__init_subclass__, vm->names.__class_getitem__};
    for (int i = 0; i < 2; i++) {
        v = mpy_dict_get_str(vm, ns, cms[i]);
        if (mpy_is_type(vm, v, MPY_TYPE_FUNCTION) && !mpy_dict_set_str(vm, ns, cms[i], mpy_classmethod_new(vm, v)))
            return MPY_NULL;
    }
    if (!mpy_is_null(mpy_dict_get_str(vm, ns, vm->names.__eq__)) &&
        mpy_is_null(mpy_dict_get_str(vm, ns, vm->names.__hash__)) &&
        !mpy_dict_set_str(vm, ns, vm->names.__hash__, MPY_NONE))
        return MPY_NULL;
    /* A metaclass may extend type's layout (instance_size): allocate what
     * the metaclass says, never less than a type object. */
    mpy_type *t = mpy_obj_alloc(vm, meta, meta->instance_size > sizeof(mpy_type) ? meta->instance_size
                                                                               : sizeof(mpy_type));
    if (!t) return MPY_NULL;
    mpy_type *base = (mpy_type *)bases->items[0].u.o;
    t->name = mpy_str_intern_str(vm, name);
    t->qualname = t->name;
    t->base = base;
    t->bases = bases;
    t->dict = ns;
    t->flags = MPY_TF_HEAP | MPY_TF_BASETYPE | MPY_TF_HAS_DICT |
               (best->flags & (MPY_TF_EXCEPTION | MPY_TF_INT_SUB | MPY_TF_STR_SUB | MPY_TF_TUPLE_SUB |
                               MPY_TF_LIST_SUB | MPY_TF_DICT_SUB | MPY_TF_TYPE_SUB));
    for (size_t i = 0; i < bases->len; i++)
        t->flags |= ((mpy_type *)bases->items[i].u.o)->flags & MPY_TF_EXCEPTION;
    /* Instances get a __dict__: reuse the base layout's slot when it has
     * one, else append a pointer after the base layout. */
    if (best->flags & MPY_TF_TYPE_SUB) {
        /* A metaclass: its instances are classes, whose __dict__ is the
         * class dict (an appended slot would lie beyond the type objects
         * that mpy_type_new_class allocates). */
        t->instance_size = best->instance_size;
        t->dict_offset = (int)offsetof(mpy_type, dict);
    } else if (!layout_with_slots(vm, t, bases, ns)) {
        return MPY_NULL;
    }
    if (!t->dict_offset) t->flags &= ~(uint32_t)MPY_TF_HAS_DICT;
    t->mro = compute_mro(vm, t, bases);
    if (!t->mro) return MPY_NULL;
    mpy_value qn = mpy_dict_get_str(vm, ns, vm->names.__qualname__);
    if (!mpy_is_null(qn) && mpy_is_sub(vm, qn, MPY_TYPE_STR)) {
        t->qualname = mpy_as_str(qn);
        if (mpy_dict_del(vm, ns, mpy_from_obj(vm->names.__qualname__)) < 0) return MPY_NULL;
    }
    mpy_value mod = mpy_dict_get_str(vm, ns, vm->names.__module__);
    if (mpy_is_null(mod)) {
        /* type(name, bases, dict): as CPython, __module__ is the calling
         * code's __name__. */
        mpy_value g = mpy_interp_globals(vm);
        if (mpy_is_null(g)) mpy_err_clear(vm);
        else if (mpy_is_sub(vm, g, MPY_TYPE_DICT)) {
            mod = mpy_dict_get_str(vm, mpy_as_dict(g), vm->names.__name__);
            if (!mpy_is_null(mod) && !mpy_dict_set_str(vm, ns, vm->names.__module__, mod)) return MPY_NULL;
        }
    }
    if (!mpy_is_null(mod) && mpy_is_sub(vm, mod, MPY_TYPE_STR)) t->module = mpy_as_str(mod);
    mpy_class_fill_slots(vm, t);
    return mpy_from_obj(t);
}
