/* The object protocols (abstract.h): dispatch through type slots, with
 * the unboxed kinds handled first, and CPython's TypeError messages when
 * a slot is missing. */
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/int.h"
#include "runtime/seq.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

bool mpy_c_enter(mpy_vm *vm, const char *where)
{
    if (++vm->c_depth > MPY_C_DEPTH_MAX) {
        vm->c_depth--;
        return mpy_err_fmt(vm, MPY_EXC_RecursionError, "maximum recursion depth exceeded%s%s",
                           where ? " " : "", where ? where : "");
    }
    return true;
}

/* ------------------------------------------------------------ repr/str */

mpy_value mpy_repr(mpy_vm *vm, mpy_value v)
{
    mpy_type *t = mpy_typeof(vm, v);
    if (!t->slots.repr) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "cannot repr '%s' object", mpy_type_name(t));
    if (!mpy_c_enter(vm, " while getting the repr of an object")) return MPY_NULL;
    mpy_value r = t->slots.repr(vm, v);
    mpy_c_leave(vm);
    if (!mpy_is_null(r) && !mpy_is_sub(vm, r, MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__repr__ returned non-string (type %s)", mpy_tname(vm, r));
    return r;
}

mpy_value mpy_to_str(mpy_vm *vm, mpy_value v)
{
    mpy_type *t = mpy_typeof(vm, v);
    if (t == vm->types[MPY_TYPE_STR]) return v;
    if (!t->slots.str) return mpy_repr(vm, v);
    if (!mpy_c_enter(vm, " while getting the str of an object")) return MPY_NULL;
    mpy_value r = t->slots.str(vm, v);
    mpy_c_leave(vm);
    if (!mpy_is_null(r) && !mpy_is_sub(vm, r, MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__str__ returned non-string (type %s)", mpy_tname(vm, r));
    return r;
}

/* ---------------------------------------------------------------- hash */

bool mpy_hash(mpy_vm *vm, mpy_value v, int64_t *out)
{
    switch (v.tag) {
    case MPY_TAG_INT:
    case MPY_TAG_BOOL: {
        /* CPython: value mod (2**61 - 1), sign kept, -1 -> -2. */
        int64_t i = v.u.i;
        const int64_t P = ((int64_t)1 << 61) - 1;
        int64_t h = i >= 0 ? i % P : -((-(i + 1) % P + 1) % P);
        if (h == -1) h = -2;
        *out = h;
        return true;
    }
    case MPY_TAG_OBJ:
        if (v.u.o->type == vm->types[MPY_TYPE_STR]) {
            *out = mpy_str_hash((mpy_str *)v.u.o);
            return true;
        }
        break;
    default:
        break;
    }
    mpy_type *t = mpy_typeof(vm, v);
    if (!t->slots.hash) return mpy_err_fmt(vm, MPY_EXC_TypeError, "unhashable type: '%s'", mpy_type_name(t));
    return t->slots.hash(vm, v, out);
}

/* ---------------------------------------------------------- comparison */

static const char *const cmp_sym[] = {"<", "<=", "==", "!=", ">", ">="};
static const mpy_cmpop cmp_swap[] = {MPY_CMP_GT, MPY_CMP_GE, MPY_CMP_EQ, MPY_CMP_NE, MPY_CMP_LT, MPY_CMP_LE};

mpy_value mpy_compare(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    mpy_type *ta = mpy_typeof(vm, a), *tb = mpy_typeof(vm, b);
    bool checked_reverse = false;
    if (!mpy_c_enter(vm, " in comparison")) return MPY_NULL;
    mpy_value r;
    if (ta != tb && mpy_type_is_sub(tb, ta) && tb->slots.richcmp) {
        checked_reverse = true;
        r = tb->slots.richcmp(vm, b, a, cmp_swap[op]);
        if (mpy_is_null(r) || !mpy_is_notimpl(vm, r)) goto done;
    }
    if (ta->slots.richcmp) {
        r = ta->slots.richcmp(vm, a, b, op);
        if (mpy_is_null(r) || !mpy_is_notimpl(vm, r)) goto done;
    }
    if (!checked_reverse && tb->slots.richcmp) {
        r = tb->slots.richcmp(vm, b, a, cmp_swap[op]);
        if (mpy_is_null(r) || !mpy_is_notimpl(vm, r)) goto done;
    }
    if (op == MPY_CMP_EQ) r = mpy_from_bool(mpy_is(a, b));
    else if (op == MPY_CMP_NE) r = mpy_from_bool(!mpy_is(a, b));
    else
        r = mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                          cmp_sym[op], mpy_type_name(ta), mpy_type_name(tb));
done:
    mpy_c_leave(vm);
    return r;
}

int mpy_compare_bool(mpy_vm *vm, mpy_value a, mpy_value b, mpy_cmpop op)
{
    if (mpy_is_smallint(a) && mpy_is_smallint(b)) {
        int64_t x = a.u.i, y = b.u.i;
        return mpy_cmp_holds((x > y) - (x < y), op);
    }
    mpy_value r = mpy_compare(vm, a, b, op);
    if (mpy_is_null(r)) return -1;
    if (mpy_is_bool(r)) return (int)r.u.i;
    return mpy_truth(vm, r);
}

int mpy_eq(mpy_vm *vm, mpy_value a, mpy_value b)
{
    if (mpy_is(a, b) && !mpy_is_float(a)) return 1;
    return mpy_compare_bool(vm, a, b, MPY_CMP_EQ);
}

/* ----------------------------------------------------------- arithmetic */

static const char *const binop_sym[] = {
#define SYM(n, sym, d, r, i) sym,
    MPY_BINOPS(SYM)
#undef SYM
};

static mpy_value binop_plain(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    mpy_type *ta = mpy_typeof(vm, a), *tb = mpy_typeof(vm, b);
    mpy_value (*sa)(mpy_vm *, mpy_binop, mpy_value, mpy_value) = ta->slots.binop;
    mpy_value (*sb)(mpy_vm *, mpy_binop, mpy_value, mpy_value) = tb != ta ? tb->slots.binop : NULL;
    if (sb == sa) sb = NULL;
    mpy_value r;
    if (sa) {
        if (sb && mpy_type_is_sub(tb, ta)) {
            r = sb(vm, op, a, b);
            if (mpy_is_null(r) || !mpy_is_notimpl(vm, r)) return r;
            sb = NULL;
        }
        r = sa(vm, op, a, b);
        if (mpy_is_null(r) || !mpy_is_notimpl(vm, r)) return r;
    }
    if (sb) {
        r = sb(vm, op, a, b);
        if (mpy_is_null(r) || !mpy_is_notimpl(vm, r)) return r;
    }
    return mpy_notimpl(vm);
}

mpy_value mpy_binary_op(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b)
{
    if (!mpy_c_enter(vm, NULL)) return MPY_NULL;
    mpy_value r;
    mpy_binop plain = op >= MPY_BINOP_INPLACE ? (mpy_binop)(op - MPY_BINOP_INPLACE) : op;
    if (op >= MPY_BINOP_INPLACE) {
        mpy_type *ta = mpy_typeof(vm, a);
        if (ta->slots.binop) {
            r = ta->slots.binop(vm, op, a, b);
            if (mpy_is_null(r) || !mpy_is_notimpl(vm, r)) goto done;
        }
    }
    r = binop_plain(vm, plain, a, b);
    if (!mpy_is_null(r) && mpy_is_notimpl(vm, r)) {
        const char *ip = op >= MPY_BINOP_INPLACE ? "=" : "";
        if (plain == MPY_BINOP_POW && !*ip)
            r = mpy_err_fmt_v(vm, MPY_EXC_TypeError, "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                              mpy_tname(vm, a), mpy_tname(vm, b));
        else
            r = mpy_err_fmt_v(vm, MPY_EXC_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                              binop_sym[plain], ip, mpy_tname(vm, a), mpy_tname(vm, b));
    }
done:
    mpy_c_leave(vm);
    return r;
}

static const char *const unary_sym[] = {"unary -", "unary +", "unary ~"};

mpy_value mpy_unary(mpy_vm *vm, mpy_unaryop op, mpy_value v)
{
    mpy_type *t = mpy_typeof(vm, v);
    if (t->slots.unary) {
        mpy_value r = t->slots.unary(vm, op, v);
        if (mpy_is_null(r) || !mpy_is_notimpl(vm, r)) return r;
    }
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "bad operand type for %s: '%s'", unary_sym[op], mpy_type_name(t));
}

int mpy_truth(mpy_vm *vm, mpy_value v)
{
    switch (v.tag) {
    case MPY_TAG_NONE: return 0;
    case MPY_TAG_BOOL:
    case MPY_TAG_INT: return v.u.i != 0;
    case MPY_TAG_FLOAT: return v.u.f != 0.0;
    default: break;
    }
    mpy_type *t = v.u.o->type;
    if (t->slots.truth) return t->slots.truth(vm, v);
    if (t->slots.len) {
        int64_t n = t->slots.len(vm, v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ----------------------------------------------------------- attributes */

static mpy_value getattr_raw(mpy_vm *vm, mpy_value obj, mpy_str *name)
{
    mpy_type *t = mpy_typeof(vm, obj);
    if (!t->slots.getattr) return mpy_generic_getattr(vm, obj, name);
    return t->slots.getattr(vm, obj, name);
}

/* As CPython's PyObject_GetAttr, an AttributeError from any attribute
 * lookup gets its `name` and `obj` set (they feed the "Did you mean"
 * suggestion of vm/errors.c).  mpy_getattr_opt skips this: the error is
 * dropped there anyway. */
mpy_value mpy_getattr(mpy_vm *vm, mpy_value obj, mpy_str *name)
{
    mpy_value v = getattr_raw(vm, obj, name);
    if (MPY_UNLIKELY(mpy_is_null(v)) && mpy_err_matches(vm, MPY_EXC_AttributeError)) {
        mpy_value e = vm->exc;
        mpy_dict *d = mpy_instance_dict(vm, e, true);
        if (!d || !mpy_dict_set_str(vm, d, vm->names.name, mpy_from_obj(name)) ||
            !mpy_dict_set_cstr(vm, d, "obj", obj))
            return MPY_NULL;
    }
    return v;
}

mpy_value mpy_getattr_cstr(mpy_vm *vm, mpy_value obj, const char *name)
{
    mpy_str *n = mpy_str_intern_cstr(vm, name);
    return n ? mpy_getattr(vm, obj, n) : MPY_NULL;
}

mpy_value mpy_getattr_opt(mpy_vm *vm, mpy_value obj, mpy_str *name)
{
    mpy_value v = getattr_raw(vm, obj, name);
    if (mpy_is_null(v) && mpy_err_matches(vm, MPY_EXC_AttributeError)) mpy_err_clear(vm);
    return v;
}

bool mpy_setattr(mpy_vm *vm, mpy_value obj, mpy_str *name, mpy_value value)
{
    mpy_type *t = mpy_typeof(vm, obj);
    if (!t->slots.setattr) {
        bool has = !mpy_is_null(mpy_type_lookup(vm, t, name));
        if (has)
            return mpy_err_fmt(vm, MPY_EXC_AttributeError, "'%s' object attribute '%s' is read-only",
                               mpy_type_name(t), name->data);
        return mpy_err_fmt(vm, MPY_EXC_AttributeError, "'%s' object has no attribute '%s'", mpy_type_name(t),
                           name->data);
    }
    return t->slots.setattr(vm, obj, name, value);
}

bool mpy_delattr(mpy_vm *vm, mpy_value obj, mpy_str *name) { return mpy_setattr(vm, obj, name, MPY_NULL); }

mpy_value mpy_getmethod(mpy_vm *vm, mpy_value obj, mpy_str *name, mpy_value *self_out)
{
    mpy_type *t = mpy_typeof(vm, obj);
    *self_out = MPY_NULL;
    /* The containers' getattr is the generic one except for __dict__. */
    if (t->slots.getattr == mpy_generic_getattr ||
        (t->slots.getattr == mpy_container_getattr && name != vm->names.__dict__)) {
        mpy_value d = mpy_type_lookup(vm, t, name);
        if (!mpy_is_null(d) && d.tag == MPY_TAG_OBJ) {
            mpy_type *dt = d.u.o->type;
            bool plain = dt == vm->types[MPY_TYPE_FUNCTION] ||
                         (dt == vm->types[MPY_TYPE_NATIVE] && ((mpy_native *)d.u.o)->owner);
            if (plain) {
                /* An instance attribute of the same name wins. */
                mpy_dict *id = t->dict_offset && mpy_is_obj(obj) ? *(mpy_dict **)((char *)obj.u.o + t->dict_offset) : NULL;
                mpy_value iv = id ? mpy_dict_get_str(vm, id, name) : MPY_NULL;
                if (!mpy_is_null(iv)) return iv;
                *self_out = obj;
                return d;
            }
        }
    }
    return mpy_getattr(vm, obj, name);
}

/* --------------------------------------------------------------- items */

mpy_value mpy_getitem(mpy_vm *vm, mpy_value obj, mpy_value key)
{
    mpy_type *t = mpy_typeof(vm, obj);
    if (t->slots.getitem) return t->slots.getitem(vm, obj, key);
    if (t == vm->types[MPY_TYPE_TYPE] || (t->flags & MPY_TF_TYPE_SUB)) {
        /* cls[key]: __class_getitem__ from the class's own MRO (not its
         * metaclass), an implicit classmethod; type[X] is built in. */
        mpy_value mpy_generic_alias_new(mpy_vm *vm, mpy_value origin, mpy_value args);
        if (obj.u.o == &vm->types[MPY_TYPE_TYPE]->hdr) return mpy_generic_alias_new(vm, obj, key);
        mpy_value cg = mpy_type_lookup(vm, (mpy_type *)obj.u.o, vm->names.__class_getitem__);
        if (!mpy_is_null(cg)) {
            mpy_type *ct = mpy_typeof(vm, cg);
            if (ct->slots.descr_get && !mpy_is_type(vm, cg, MPY_TYPE_FUNCTION)) {
                cg = ct->slots.descr_get(vm, cg, MPY_NULL, (mpy_type *)obj.u.o);
                return mpy_is_null(cg) ? cg : mpy_call1(vm, cg, key);
            }
            return mpy_call2(vm, cg, obj, key);
        }
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "type '%s' is not subscriptable",
                             mpy_type_name((mpy_type *)obj.u.o));
    }
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' object is not subscriptable", mpy_type_name(t));
}

bool mpy_setitem(mpy_vm *vm, mpy_value obj, mpy_value key, mpy_value value)
{
    mpy_type *t = mpy_typeof(vm, obj);
    if (t->slots.setitem) return t->slots.setitem(vm, obj, key, value);
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "'%s' object does not support item assignment", mpy_type_name(t));
}

bool mpy_delitem(mpy_vm *vm, mpy_value obj, mpy_value key)
{
    mpy_type *t = mpy_typeof(vm, obj);
    if (t->slots.setitem) return t->slots.setitem(vm, obj, key, MPY_NULL);
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "'%s' object doesn't support item deletion", mpy_type_name(t));
}

int mpy_contains(mpy_vm *vm, mpy_value obj, mpy_value item)
{
    mpy_type *t = mpy_typeof(vm, obj);
    if (t->slots.contains) return t->slots.contains(vm, obj, item);
    if (!t->slots.iter && !t->slots.getitem) {
        mpy_err_fmt(vm, MPY_EXC_TypeError, "argument of type '%s' is not iterable", mpy_type_name(t));
        return -1;
    }
    return mpy_contains_by_iter(vm, obj, item);
}

/* CPython's _PySequence_IterSearch: the fallback of `in` for types without
 * __contains__, both built-in ones (above) and classes (class.c). */
int mpy_contains_by_iter(mpy_vm *vm, mpy_value obj, mpy_value item)
{
    mpy_value it = mpy_iter(vm, obj);
    if (mpy_is_null(it)) return -1;
    for (;;) {
        mpy_value x = mpy_next(vm, it);
        if (mpy_is_null(x)) return mpy_err_occurred(vm) ? -1 : 0;
        int eq = mpy_eq(vm, x, item);
        if (eq != 0) return eq;
    }
}

int64_t mpy_len(mpy_vm *vm, mpy_value obj)
{
    mpy_type *t = mpy_typeof(vm, obj);
    if (t->slots.len) return t->slots.len(vm, obj);
    mpy_err_fmt(vm, MPY_EXC_TypeError, "object of type '%s' has no len()", mpy_type_name(t));
    return -1;
}

/* ------------------------------------------------------------ iteration */

mpy_value mpy_seqiter_new(mpy_vm *vm, mpy_value seq);

mpy_value mpy_iter(mpy_vm *vm, mpy_value obj)
{
    mpy_type *t = mpy_typeof(vm, obj);
    if (t->slots.iter) {
        mpy_value it = t->slots.iter(vm, obj);
        if (mpy_is_null(it)) return it;
        if (!mpy_typeof(vm, it)->slots.next)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "iter() returned non-iterator of type '%s'", mpy_tname(vm, it));
        return it;
    }
    if (t->slots.getitem) return mpy_seqiter_new(vm, obj);
    return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' object is not iterable", mpy_type_name(t));
}

mpy_value mpy_next(mpy_vm *vm, mpy_value iter)
{
    mpy_type *t = mpy_typeof(vm, iter);
    if (!t->slots.next) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' object is not an iterator", mpy_type_name(t));
    return t->slots.next(vm, iter);
}

/* ---------------------------------------------------------------- calls */

static mpy_value call_slot(mpy_vm *vm, mpy_value f, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_type *t = mpy_typeof(vm, f);
    if (!t->slots.call) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "'%s' object is not callable", mpy_type_name(t));
    return t->slots.call(vm, f, argc, args, kw);
}

mpy_value mpy_call(mpy_vm *vm, mpy_value f, int argc, const mpy_value *args, mpy_tuple *kw)
{
    vm->gc_block++;
    mpy_value r = call_slot(vm, f, argc, args, kw);
    vm->gc_block--;
    return r;
}

mpy_value mpy_call_rooted(mpy_vm *vm, mpy_value f, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return call_slot(vm, f, argc, args, kw);
}

mpy_value mpy_call0(mpy_vm *vm, mpy_value f) { return mpy_call(vm, f, 0, NULL, NULL); }
mpy_value mpy_call1(mpy_vm *vm, mpy_value f, mpy_value a) { return mpy_call(vm, f, 1, &a, NULL); }
mpy_value mpy_call2(mpy_vm *vm, mpy_value f, mpy_value a, mpy_value b)
{
    mpy_value args[2] = {a, b};
    return mpy_call(vm, f, 2, args, NULL);
}

mpy_value mpy_call_method(mpy_vm *vm, mpy_value obj, const char *name, int argc, const mpy_value *args)
{
    mpy_str *n = mpy_str_intern_cstr(vm, name);
    if (!n) return MPY_NULL;
    mpy_value self;
    mpy_value m = mpy_getmethod(vm, obj, n, &self);
    if (mpy_is_null(m)) return MPY_NULL;
    if (mpy_is_null(self)) return mpy_call(vm, m, argc, args, NULL);
    mpy_value a[8];
    if (argc > 7) return mpy_err_fmt_v(vm, MPY_EXC_SystemError, "too many arguments");
    a[0] = self;
    if (argc) memcpy(a + 1, args, (size_t)argc * sizeof *a);
    return mpy_call(vm, m, argc + 1, a, NULL);
}

bool mpy_is_callable(mpy_vm *vm, mpy_value v) { return mpy_typeof(vm, v)->slots.call != NULL; }

/* -------------------------------------------------------------- numbers */

bool mpy_index(mpy_vm *vm, mpy_value v, int64_t *out) { return mpy_index_big(vm, v, MPY_INDEX_BIG_INDEXERROR, out); }

bool mpy_index_big(mpy_vm *vm, mpy_value v, mpy_index_big_err how, int64_t *out)
{
    if (mpy_is_smallint(v)) { *out = v.u.i; return true; }
    mpy_type *t = mpy_typeof(vm, v);
    mpy_value m = mpy_type_lookup(vm, t, vm->names.__index__);
    if (mpy_is_null(m))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "'%s' object cannot be interpreted as an integer", mpy_type_name(t));
    mpy_value r = mpy_call1(vm, m, v);
    if (mpy_is_null(r)) return false;
    if (mpy_is_smallint(r)) { *out = r.u.i; return true; }
    if (!mpy_is_sub(vm, r, MPY_TYPE_INT))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "__index__ returned non-int (type %s)", mpy_tname(vm, r));
    /* An int subclass instance may still hold a small value. */
    mpy_value c = mpy_int_canonical(vm, r);
    if (mpy_is_null(c)) return false;
    if (mpy_is_smallint(c)) { *out = c.u.i; return true; }
    /* Beyond 64 bits: the error depends on which CPython conversion the
     * caller stands for; PyNumber_AsSsize_t names the original type. */
    if (how == MPY_INDEX_BIG_SSIZE)
        return mpy_err_msg(vm, MPY_EXC_OverflowError, "Python int too large to convert to C ssize_t");
    return mpy_err_fmt(vm, how == MPY_INDEX_BIG_OVERFLOW ? MPY_EXC_OverflowError : MPY_EXC_IndexError,
                       "cannot fit '%s' into an index-sized integer", mpy_type_name(t));
}

bool mpy_to_double(mpy_vm *vm, mpy_value v, double *out)
{
    if (mpy_is_float(v)) { *out = v.u.f; return true; }
    if (mpy_is_smallint(v)) { *out = (double)v.u.i; return true; }
    mpy_type *t = mpy_typeof(vm, v);
    mpy_value m = mpy_type_lookup(vm, t, vm->names.__float__);
    if (mpy_is_null(m)) m = mpy_type_lookup(vm, t, vm->names.__index__);
    if (mpy_is_null(m)) return mpy_err_fmt(vm, MPY_EXC_TypeError, "must be real number, not %s", mpy_type_name(t));
    mpy_value r = mpy_call1(vm, m, v);
    if (mpy_is_null(r)) return false;
    if (mpy_is_float(r)) { *out = r.u.f; return true; }
    if (mpy_is_smallint(r)) { *out = (double)r.u.i; return true; }
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s.__float__ returned non-float (type %s)", mpy_type_name(t),
                       mpy_tname(vm, r));
}
