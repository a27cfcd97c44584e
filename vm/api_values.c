/* The embedding API's values (vm/vm.h): the handle table, making and
 * reading values, containers and attributes, the __main__ namespace.
 *
 * Handles.  The host never holds a pointer into the heap: it holds a slot
 * number in vm->api_handles, a list the GC sees because it sits at the
 * bottom of the root stack (vm->roots).  It is created on first use; if C
 * code up the stack has roots pushed at that moment, the new entries are
 * slid under them, which keeps everyone's push/pop pairs balanced.  A
 * released slot holds MPY_NULL (so a stale handle is detected as long as
 * the slot is not reused) and its number goes to vm->api_free, a second
 * list, so that the table stays in the GC heap and mpy_vm_free frees it
 * with everything else: no teardown code is needed here.
 */
#include <string.h>

#include "vm/state.h"
#include "vm/api_internal.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* ------------------------------------------------------- handle table */

static bool table_init(mpy_vm *vm)
{
    if (vm->api_handles) return true;
    mpy_list *h = mpy_list_new(vm, 16);
    mpy_list *f = h ? mpy_list_new(vm, 16) : NULL;
    if (!f || !mpy_root_push(vm, mpy_from_obj(h))) return false;
    if (!mpy_root_push(vm, mpy_from_obj(f))) {
        mpy_root_pop(vm, 1);
        return false;
    }
    /* Slide the two new roots under whatever C callers pushed before. */
    int n = vm->nroots;
    memmove(vm->roots + 2, vm->roots, (size_t)(n - 2) * sizeof *vm->roots);
    vm->roots[0] = mpy_from_obj(h);
    vm->roots[1] = mpy_from_obj(f);
    vm->api_handles = h;
    vm->api_free = f;
    return true;
}

mpy_handle mpy_api_handle(mpy_vm *vm, mpy_value v)
{
    if (mpy_is_null(v) || !table_init(vm)) return MPY_NO_HANDLE;
    mpy_list *f = vm->api_free;
    if (f->len) {
        int64_t slot = mpy_as_int(f->items[--f->len]);
        vm->api_handles->items[slot] = v;
        return (mpy_handle)(slot + 1);
    }
    if (vm->api_handles->len >= UINT32_MAX - 1) {
        mpy_err_msg(vm, MPY_EXC_MemoryError, "too many handles");
        return MPY_NO_HANDLE;
    }
    if (!mpy_list_append(vm, vm->api_handles, v)) return MPY_NO_HANDLE;
    return (mpy_handle)vm->api_handles->len;
}

bool mpy_api_value(mpy_vm *vm, mpy_handle h, mpy_value *out)
{
    if (h && vm->api_handles && h <= vm->api_handles->len) {
        *out = vm->api_handles->items[h - 1];
        if (!mpy_is_null(*out)) return true;
    }
    mpy_err_fmt(vm, MPY_EXC_SystemError, "invalid or released handle %u", (unsigned)h);
    return false;
}

void mpy_api_rebind(mpy_vm *vm, mpy_handle h, mpy_value v)
{
    if (h && vm->api_handles && h <= vm->api_handles->len && !mpy_is_null(vm->api_handles->items[h - 1]))
        vm->api_handles->items[h - 1] = v;
}

void mpy_handle_release(mpy_vm *vm, mpy_handle h)
{
    if (!h || !vm->api_handles || h > vm->api_handles->len) return;
    mpy_value *slot = &vm->api_handles->items[h - 1];
    if (mpy_is_null(*slot)) return;   /* released twice: ignored */
    *slot = MPY_NULL;
    /* Recording the free slot can only fail when the memory cap is hit;
     * the slot is then lost, but the value is released all the same. */
    mpy_value saved = vm->exc;
    if (!mpy_list_append(vm, vm->api_free, mpy_from_int((int64_t)h - 1))) vm->exc = saved;
}

mpy_handle mpy_handle_dup(mpy_vm *vm, mpy_handle h)
{
    mpy_value v;
    return mpy_api_value(vm, h, &v) ? mpy_api_handle(vm, v) : MPY_NO_HANDLE;
}

size_t mpy_handle_count(mpy_vm *vm)
{
    return vm->api_handles ? vm->api_handles->len - vm->api_free->len : 0;
}

/* ---------------------------------------------------------- new values */

mpy_handle mpy_new_none(mpy_vm *vm) { return mpy_api_handle(vm, MPY_NONE); }
mpy_handle mpy_new_bool(mpy_vm *vm, bool b) { return mpy_api_handle(vm, mpy_from_bool(b)); }
mpy_handle mpy_new_int(mpy_vm *vm, int64_t i) { return mpy_api_handle(vm, mpy_from_int(i)); }
mpy_handle mpy_new_float(mpy_vm *vm, double d) { return mpy_api_handle(vm, mpy_from_float(d)); }

mpy_handle mpy_new_strn(mpy_vm *vm, const char *utf8, size_t len)
{
    mpy_str *s = mpy_str_from_utf8(vm, utf8, len, "strict");
    return s ? mpy_api_handle(vm, mpy_from_obj(s)) : MPY_NO_HANDLE;
}

mpy_handle mpy_new_str(mpy_vm *vm, const char *utf8)
{
    if (!utf8) return mpy_api_bad_arg(vm, "mpy_new_str", "NULL text");
    return mpy_new_strn(vm, utf8, strlen(utf8));
}

mpy_handle mpy_new_list(mpy_vm *vm)
{
    mpy_list *l = mpy_list_new(vm, 0);
    return l ? mpy_api_handle(vm, mpy_from_obj(l)) : MPY_NO_HANDLE;
}

mpy_handle mpy_new_dict(mpy_vm *vm)
{
    mpy_dict *d = mpy_dict_new(vm);
    return d ? mpy_api_handle(vm, mpy_from_obj(d)) : MPY_NO_HANDLE;
}

mpy_handle mpy_api_bad_arg(mpy_vm *vm, const char *fn, const char *what)
{
    mpy_err_fmt(vm, MPY_EXC_SystemError, "%s: %s", fn, what);
    return MPY_NO_HANDLE;
}

/* ------------------------------------------------------ reading values */

mpy_kind mpy_kind_of(mpy_vm *vm, mpy_handle h)
{
    mpy_value v;
    mpy_value saved = vm->exc;
    if (!mpy_api_value(vm, h, &v)) {
        vm->exc = saved;
        return MPY_KIND_INVALID;
    }
    switch (v.tag) {
    case MPY_TAG_NONE: return MPY_KIND_NONE;
    case MPY_TAG_BOOL: return MPY_KIND_BOOL;
    case MPY_TAG_INT: return MPY_KIND_INT;
    case MPY_TAG_FLOAT: return MPY_KIND_FLOAT;
    default: break;
    }
    if (mpy_is_sub(vm, v, MPY_TYPE_BOOL)) return MPY_KIND_BOOL;
    if (mpy_is_sub(vm, v, MPY_TYPE_INT)) return MPY_KIND_INT;
    if (mpy_is_sub(vm, v, MPY_TYPE_FLOAT)) return MPY_KIND_FLOAT;
    if (mpy_is_sub(vm, v, MPY_TYPE_STR)) return MPY_KIND_STR;
    if (mpy_is_sub(vm, v, MPY_TYPE_LIST)) return MPY_KIND_LIST;
    if (mpy_is_sub(vm, v, MPY_TYPE_TUPLE)) return MPY_KIND_TUPLE;
    if (mpy_is_sub(vm, v, MPY_TYPE_DICT)) return MPY_KIND_DICT;
    if (mpy_is_callable(vm, v)) return MPY_KIND_CALLABLE;
    return MPY_KIND_OTHER;
}

size_t mpy_api_copy_text(const char *text, size_t len, char *buf, size_t cap)
{
    if (buf && cap) {
        size_t n = len < cap - 1 ? len : cap - 1;
        memcpy(buf, text, n);
        buf[n] = 0;
    }
    return len;
}

size_t mpy_type_name_of(mpy_vm *vm, mpy_handle h, char *buf, size_t cap)
{
    mpy_value v;
    mpy_value saved = vm->exc;
    if (!mpy_api_value(vm, h, &v)) {
        vm->exc = saved;
        return mpy_api_copy_text("", 0, buf, cap);
    }
    const char *name = mpy_tname(vm, v);
    return mpy_api_copy_text(name, strlen(name), buf, cap);
}

bool mpy_read_int(mpy_vm *vm, mpy_handle h, int64_t *out)
{
    mpy_value v;
    if (!mpy_api_value(vm, h, &v)) return false;
    if (mpy_is_float(v))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "'float' object cannot be interpreted as an integer");
    /* A heap int never fits int64_t (object.h's canonical form). */
    if (!mpy_is_smallint(v) && mpy_is_sub(vm, v, MPY_TYPE_INT))
        return mpy_err_msg(vm, MPY_EXC_OverflowError, "Python int too large to convert to C int64_t");
    int64_t i;
    if (!mpy_index(vm, v, &i)) return false;
    *out = i;
    return true;
}

bool mpy_read_float(mpy_vm *vm, mpy_handle h, double *out)
{
    mpy_value v;
    if (!mpy_api_value(vm, h, &v)) return false;
    if (!mpy_is_smallint(v) && !mpy_is_float(v) && !mpy_is_sub(vm, v, MPY_TYPE_INT) &&
        !mpy_is_sub(vm, v, MPY_TYPE_FLOAT))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "must be real number, not %s", mpy_tname(vm, v));
    double d;
    if (!mpy_to_double(vm, v, &d)) return false;
    *out = d;
    return true;
}

bool mpy_read_bool(mpy_vm *vm, mpy_handle h, bool *out)
{
    mpy_value v;
    if (!mpy_api_value(vm, h, &v)) return false;
    int t = mpy_truth(vm, v);
    if (t < 0) return false;
    *out = t != 0;
    return true;
}

bool mpy_read_str(mpy_vm *vm, mpy_handle h, char *buf, size_t cap, size_t *len)
{
    mpy_value v;
    if (!mpy_api_value(vm, h, &v)) return false;
    if (!mpy_is_sub(vm, v, MPY_TYPE_STR))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "expected str, got %s", mpy_tname(vm, v));
    size_t n = mpy_api_copy_text(mpy_as_str(v)->data, mpy_as_str(v)->len, buf, cap);
    if (len) *len = n;
    return true;
}

static mpy_handle convert(mpy_vm *vm, mpy_handle h, mpy_value (*fn)(mpy_vm *, mpy_value))
{
    mpy_value v;
    if (!mpy_api_value(vm, h, &v)) return MPY_NO_HANDLE;
    return mpy_api_handle(vm, fn(vm, v));
}

mpy_handle mpy_repr_of(mpy_vm *vm, mpy_handle h) { return convert(vm, h, mpy_repr); }
mpy_handle mpy_str_of(mpy_vm *vm, mpy_handle h) { return convert(vm, h, mpy_to_str); }

/* ---------------------------------------------- containers, attributes */

mpy_handle mpy_item_get(mpy_vm *vm, mpy_handle obj, mpy_handle key)
{
    mpy_value o, k;
    if (!mpy_api_value(vm, obj, &o) || !mpy_api_value(vm, key, &k)) return MPY_NO_HANDLE;
    return mpy_api_handle(vm, mpy_getitem(vm, o, k));
}

bool mpy_item_set(mpy_vm *vm, mpy_handle obj, mpy_handle key, mpy_handle value)
{
    mpy_value o, k, v;
    if (!mpy_api_value(vm, obj, &o) || !mpy_api_value(vm, key, &k) || !mpy_api_value(vm, value, &v)) return false;
    return mpy_setitem(vm, o, k, v);
}

bool mpy_item_del(mpy_vm *vm, mpy_handle obj, mpy_handle key)
{
    mpy_value o, k;
    if (!mpy_api_value(vm, obj, &o) || !mpy_api_value(vm, key, &k)) return false;
    return mpy_delitem(vm, o, k);
}

/* A str key from C text; NULL with an exception pending. */
static mpy_str *key_str(mpy_vm *vm, const char *name)
{
    if (!name) {
        mpy_err_msg(vm, MPY_EXC_SystemError, "NULL name");
        return NULL;
    }
    return mpy_str_from_utf8(vm, name, strlen(name), "strict");
}

mpy_handle mpy_entry_get(mpy_vm *vm, mpy_handle obj, const char *name)
{
    mpy_value o;
    if (!mpy_api_value(vm, obj, &o)) return MPY_NO_HANDLE;
    mpy_str *k = key_str(vm, name);
    return k ? mpy_api_handle(vm, mpy_getitem(vm, o, mpy_from_obj(k))) : MPY_NO_HANDLE;
}

static bool entry_set_value(mpy_vm *vm, mpy_handle obj, const char *name, mpy_value v)
{
    mpy_value o;
    if (!mpy_api_value(vm, obj, &o)) return false;
    mpy_str *k = key_str(vm, name);
    return k && mpy_setitem(vm, o, mpy_from_obj(k), v);
}

bool mpy_entry_set(mpy_vm *vm, mpy_handle obj, const char *name, mpy_handle value)
{
    mpy_value v;
    return mpy_api_value(vm, value, &v) && entry_set_value(vm, obj, name, v);
}

bool mpy_entry_set_none(mpy_vm *vm, mpy_handle obj, const char *name)
{
    return entry_set_value(vm, obj, name, MPY_NONE);
}

bool mpy_entry_set_bool(mpy_vm *vm, mpy_handle obj, const char *name, bool b)
{
    return entry_set_value(vm, obj, name, mpy_from_bool(b));
}

bool mpy_entry_set_int(mpy_vm *vm, mpy_handle obj, const char *name, int64_t i)
{
    return entry_set_value(vm, obj, name, mpy_from_int(i));
}

bool mpy_entry_set_float(mpy_vm *vm, mpy_handle obj, const char *name, double d)
{
    return entry_set_value(vm, obj, name, mpy_from_float(d));
}

bool mpy_entry_set_str(mpy_vm *vm, mpy_handle obj, const char *name, const char *utf8)
{
    if (!utf8) return mpy_api_bad_arg(vm, "mpy_entry_set_str", "NULL text"), false;
    mpy_str *s = mpy_str_from_utf8(vm, utf8, strlen(utf8), "strict");
    return s && entry_set_value(vm, obj, name, mpy_from_obj(s));
}

int64_t mpy_length(mpy_vm *vm, mpy_handle obj)
{
    mpy_value o;
    return mpy_api_value(vm, obj, &o) ? mpy_len(vm, o) : -1;
}

bool mpy_append(mpy_vm *vm, mpy_handle list, mpy_handle item)
{
    mpy_value l, v;
    if (!mpy_api_value(vm, list, &l) || !mpy_api_value(vm, item, &v)) return false;
    if (!mpy_is_sub(vm, l, MPY_TYPE_LIST))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "expected list, got %s", mpy_tname(vm, l));
    return mpy_list_append(vm, mpy_as_list(l), v);
}

mpy_handle mpy_attr_get(mpy_vm *vm, mpy_handle obj, const char *name)
{
    mpy_value o;
    if (!mpy_api_value(vm, obj, &o)) return MPY_NO_HANDLE;
    mpy_str *k = name ? mpy_str_intern_cstr(vm, name) : NULL;
    if (!name) return mpy_api_bad_arg(vm, "mpy_attr_get", "NULL name");
    return k ? mpy_api_handle(vm, mpy_getattr(vm, o, k)) : MPY_NO_HANDLE;
}

bool mpy_attr_set(mpy_vm *vm, mpy_handle obj, const char *name, mpy_handle value)
{
    mpy_value o, v;
    if (!mpy_api_value(vm, obj, &o) || !mpy_api_value(vm, value, &v)) return false;
    if (!name) return mpy_api_bad_arg(vm, "mpy_attr_set", "NULL name"), false;
    mpy_str *k = mpy_str_intern_cstr(vm, name);
    return k && mpy_setattr(vm, o, k, v);
}

mpy_handle mpy_invoke(mpy_vm *vm, mpy_handle callable, int argc, const mpy_handle *args)
{
    mpy_value f;
    if (!mpy_api_value(vm, callable, &f)) return MPY_NO_HANDLE;
    if (argc < 0 || (argc && !args)) return mpy_api_bad_arg(vm, "mpy_invoke", "bad argument array");
    /* The arguments go into a tuple, which keeps them alive (they are
     * also in the handle table) while the call runs. */
    mpy_tuple *t = mpy_tuple_new(vm, (size_t)argc);
    if (!t) return MPY_NO_HANDLE;
    for (int i = 0; i < argc; i++)
        if (!mpy_api_value(vm, args[i], &t->items[i])) return MPY_NO_HANDLE;
    if (!mpy_root_push(vm, mpy_from_obj(t))) return MPY_NO_HANDLE;
    mpy_value r = mpy_call_rooted(vm, f, argc, t->items, NULL);
    mpy_root_pop(vm, 1);
    return mpy_api_handle(vm, r);
}

mpy_handle mpy_main_namespace(mpy_vm *vm)
{
    mpy_dict *d = mpy_vm_main_dict(vm);
    if (!d) return mpy_api_bad_arg(vm, "mpy_main_namespace", "no __main__ module");
    return mpy_api_handle(vm, mpy_from_obj(d));
}
