/* The _heapq module: the heap primitives of `heapq` in C.
 *
 * runtime/lib/heapq.py re-exports heappush, heappop, heapify, heapreplace
 * and heappushpop from here (they run in the inner loops of Dijkstra and
 * scheduling code) and keeps merge, nlargest, nsmallest and the max-heap
 * helpers in Python.
 *
 * The list contents after each operation are observable, so the sifting is
 * the classic scheme CPython uses: a push bubbles the new item up from the
 * end (sift_up); a pop moves the hole at the root down to a leaf along the
 * smaller children, then bubbles the displaced item up from there
 * (sift_down).  Only `<` is used.  A comparison may run Python code that
 * changes the list: the items are re-read after every comparison, and a
 * change of size raises RuntimeError as in CPython.
 */
#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/modules.h"

static bool size_changed(mpy_vm *vm)
{
    return mpy_err_msg(vm, MPY_EXC_RuntimeError, "list changed size during iteration");
}

/* The heap argument: a list (or list subclass), else CPython's message. */
static mpy_list *heap_arg(mpy_vm *vm, mpy_value v, const char *fname, const char *which)
{
    if (mpy_is_sub(vm, v, MPY_TYPE_LIST)) return mpy_as_list(v);
    mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() %s must be list, not %s", fname, which,
                mpy_is_none(v) ? "None" : mpy_tname(vm, v));
    return NULL;
}

/* Moves the item at pos up toward root while it is smaller than its
 * parent. */
static bool sift_up(mpy_vm *vm, mpy_list *l, size_t root, size_t pos)
{
    size_t size = l->len;
    while (pos > root) {
        size_t parent = (pos - 1) >> 1;
        int lt = mpy_compare_bool(vm, l->items[pos], l->items[parent], MPY_CMP_LT);
        if (lt < 0) return false;
        if (l->len != size) return size_changed(vm);
        if (!lt) break;
        mpy_value t = l->items[parent];
        l->items[parent] = l->items[pos];
        l->items[pos] = t;
        pos = parent;
    }
    return true;
}

/* Moves the smaller child up into the hole at pos down to a leaf, then
 * bubbles the item that was at pos up from that leaf. */
static bool sift_down(mpy_vm *vm, mpy_list *l, size_t pos)
{
    size_t end = l->len, start = pos, child = 2 * pos + 1;
    while (child < end) {
        size_t right = child + 1;
        if (right < end) {
            int lt = mpy_compare_bool(vm, l->items[child], l->items[right], MPY_CMP_LT);
            if (lt < 0) return false;
            if (l->len != end) return size_changed(vm);
            if (!lt) child = right;
        }
        mpy_value t = l->items[child];
        l->items[child] = l->items[pos];
        l->items[pos] = t;
        pos = child;
        child = 2 * pos + 1;
    }
    return sift_up(vm, l, start, pos);
}

/* The (heap, item) arguments of heappush, heapreplace and heappushpop,
 * checked alike; qualname is "_heapq.<function>".  CPython words the
 * keyword error with the module name, the others without. */
static mpy_list *heap_item_args(mpy_vm *vm, const char *qualname, int argc, const mpy_value *args, mpy_tuple *kw)
{
    const char *fname = qualname + sizeof "_heapq." - 1;
    if (!mpy_args_no_kw(vm, qualname, kw) || !mpy_args_count(vm, fname, argc, kw, 2, 2)) return NULL;
    return heap_arg(vm, args[0], fname, "argument 1");
}

static mpy_value heappush(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_list *l = heap_item_args(vm, "_heapq.heappush", argc, args, kw);
    if (!l || !mpy_list_append(vm, l, args[1]) || !sift_up(vm, l, 0, l->len - 1)) return MPY_NULL;
    return MPY_NONE;
}

static mpy_value heappop(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "_heapq.heappop", argc, kw)) return MPY_NULL;
    mpy_list *l = heap_arg(vm, args[0], "heappop", "argument");
    if (!l) return MPY_NULL;
    if (!l->len) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "index out of range");
    mpy_value last = l->items[--l->len];
    l->items[l->len] = MPY_NULL;
    if (!l->len) return last;
    mpy_value top = l->items[0];
    l->items[0] = last;
    return sift_down(vm, l, 0) ? top : MPY_NULL;
}

static mpy_value heapreplace(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_list *l = heap_item_args(vm, "_heapq.heapreplace", argc, args, kw);
    if (!l) return MPY_NULL;
    if (!l->len) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "index out of range");
    mpy_value top = l->items[0];
    l->items[0] = args[1];
    return sift_down(vm, l, 0) ? top : MPY_NULL;
}

static mpy_value heappushpop(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_list *l = heap_item_args(vm, "_heapq.heappushpop", argc, args, kw);
    if (!l) return MPY_NULL;
    if (!l->len) return args[1];
    int lt = mpy_compare_bool(vm, l->items[0], args[1], MPY_CMP_LT);
    if (lt < 0) return MPY_NULL;
    if (!lt) return args[1];
    if (!l->len) return mpy_err_fmt_v(vm, MPY_EXC_IndexError, "index out of range");
    mpy_value top = l->items[0];
    l->items[0] = args[1];
    return sift_down(vm, l, 0) ? top : MPY_NULL;
}

static mpy_value heapify(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "_heapq.heapify", argc, kw)) return MPY_NULL;
    mpy_list *l = heap_arg(vm, args[0], "heapify", "argument");
    if (!l) return MPY_NULL;
    for (size_t i = l->len / 2; i-- > 0;)
        if (!sift_down(vm, l, i)) return MPY_NULL;
    return MPY_NONE;
}

static const mpy_method_def heapq_functions[] = {
    {"heappush", heappush, 0},
    {"heappop", heappop, 0},
    {"heapreplace", heapreplace, 0},
    {"heappushpop", heappushpop, 0},
    {"heapify", heapify, 0},
    {NULL, NULL, 0},
};

mpy_module *mpy_module__heapq_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "_heapq");
    if (!m || !mpy_module_add_functions(vm, m, heapq_functions)) return NULL;
    return m;
}
