/* tuple core and slots. */
#include <stdarg.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/exc.h"
#include "runtime/seq.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

mpy_tuple *mpy_tuple_new(mpy_vm *vm, size_t n)
{
    if (n == 0 && vm->empty_tuple) return vm->empty_tuple;
    if (n > (SIZE_MAX - sizeof(mpy_tuple)) / sizeof(mpy_value)) { mpy_err_nomem(vm); return NULL; }
    mpy_tuple *t = mpy_obj_alloc(vm, vm->types[MPY_TYPE_TUPLE], sizeof(mpy_tuple) + n * sizeof(mpy_value));
    if (!t) return NULL;
    t->hash = -1;
    t->len = n;
    for (size_t i = 0; i < n; i++) t->items[i] = MPY_NONE;
    return t;
}

mpy_tuple *mpy_tuple_from(mpy_vm *vm, size_t n, const mpy_value *items)
{
    mpy_tuple *t = mpy_tuple_new(vm, n);
    if (t && n) memcpy(t->items, items, n * sizeof(mpy_value));
    return t;
}

mpy_tuple *mpy_tuple_pack(mpy_vm *vm, size_t n, ...)
{
    mpy_tuple *t = mpy_tuple_new(vm, n);
    if (!t) return NULL;
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) t->items[i] = va_arg(ap, mpy_value);
    va_end(ap);
    return t;
}
