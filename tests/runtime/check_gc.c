/* Tests for runtime/gc.c: what a collection frees and keeps (roots,
 * cycles, instance dicts of heap classes, metaclass instances), the
 * allocation accounting, gc_block, stress mode, and VM teardown with
 * objects still pending (every byte handed out must come back, which a
 * counting allocator checks even without ASan). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "vm/state.h"
#include "vm/vm.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* A host: counts live allocations and bytes, captures stdout. */
typedef struct host {
    long live_blocks;
    long long live_bytes;
    char out[8192];
    size_t outlen;
} host;

static void *count_realloc(void *ud, void *p, size_t old, size_t size)
{
    host *h = ud;
    if (p) {
        h->live_blocks--;
        h->live_bytes -= (long long)old;
    }
    if (size == 0) {
        free(p);
        return NULL;
    }
    void *q = realloc(p, size);
    if (!q) {
        if (p) { /* realloc failed: p is still live */
            h->live_blocks++;
            h->live_bytes += (long long)old;
        }
        return NULL;
    }
    h->live_blocks++;
    h->live_bytes += (long long)size;
    return q;
}

static void capture(mpy_vm *vm, mpy_stream s, const char *text, size_t len)
{
    host *h = mpy_vm_user_data(vm);
    if (s != MPY_STDOUT) return;
    if (h->outlen + len >= sizeof h->out) len = sizeof h->out - 1 - h->outlen;
    memcpy(h->out + h->outlen, text, len);
    h->outlen += len;
    h->out[h->outlen] = 0;
}

static host H;
static mpy_vm *vm;

static mpy_vm *new_vm(host *h)
{
    memset(h, 0, sizeof *h);
    mpy_config cfg;
    mpy_config_init(&cfg);
    cfg.realloc = count_realloc;
    cfg.write = capture;
    cfg.user_data = h;
    mpy_vm *v = mpy_vm_new(&cfg);
    ck_assert_ptr_nonnull(v);
    return v;
}

static void setup(void) { vm = new_vm(&H); }
static void teardown(void)
{
    mpy_vm_free(vm);
    /* Every object, buffer, arena and the VM itself went back. */
    ck_assert_int_eq(H.live_blocks, 0);
    ck_assert_int_eq(H.live_bytes, 0);
}

static size_t count_objects(mpy_vm *v)
{
    return v->nobjs;
}

static bool is_live(mpy_vm *v, void *p)
{
    for (size_t i = 0; i < v->nobjs; i++)
        if (v->objs[i] == p) return true;
    return false;
}

static void run(const char *src)
{
    mpy_result r = mpy_exec(vm, src, strlen(src), "<test>", MPY_EXEC_FILE);
    if (r != MPY_OK) mpy_print_exception(vm);
    ck_assert_int_eq(r, MPY_OK);
}

START_TEST(test_garbage_is_freed)
{
    mpy_gc_collect(vm);
    size_t base = count_objects(vm);
    size_t bytes = vm->bytes_allocated;
    for (int i = 0; i < 1000; i++) {
        mpy_list *l = mpy_list_new(vm, 0);
        ck_assert_ptr_nonnull(l);
        ck_assert(mpy_list_append(vm, l, mpy_from_obj(mpy_str_from_cstr(vm, "garbage string"))));
    }
    ck_assert_uint_eq(count_objects(vm), base + 2000);
    ck_assert_uint_ge(mpy_gc_collect(vm), 2000);
    ck_assert_uint_eq(count_objects(vm), base);
    ck_assert_uint_eq(vm->bytes_allocated, bytes);
}
END_TEST

START_TEST(test_roots_survive)
{
    mpy_list *l = mpy_list_new(vm, 0);
    mpy_dict *d = mpy_dict_new(vm);
    ck_assert(mpy_list_append(vm, l, mpy_from_obj(d)));
    ck_assert(mpy_dict_set_cstr(vm, d, "key", mpy_from_obj(mpy_str_from_cstr(vm, "value"))));
    ck_assert(mpy_root_push(vm, mpy_from_obj(l)));
    mpy_gc_collect(vm);
    ck_assert(is_live(vm, l) && is_live(vm, d));
    mpy_value v = mpy_dict_get_cstr(vm, d, "key");
    ck_assert(!mpy_is_null(v));
    ck_assert_str_eq(mpy_as_str(v)->data, "value");
    mpy_root_pop(vm, 1);
    mpy_gc_collect(vm);
    ck_assert(!is_live(vm, l));
}
END_TEST

START_TEST(test_cycle_is_freed)
{
    mpy_gc_collect(vm);
    size_t base = count_objects(vm);
    mpy_list *a = mpy_list_new(vm, 0);
    mpy_list *b = mpy_list_new(vm, 0);
    ck_assert(mpy_list_append(vm, a, mpy_from_obj(a)));
    ck_assert(mpy_list_append(vm, a, mpy_from_obj(b)));
    ck_assert(mpy_list_append(vm, b, mpy_from_obj(a)));
    mpy_gc_collect(vm);
    ck_assert_uint_eq(count_objects(vm), base);
}
END_TEST

START_TEST(test_instance_dict_traced)
{
    run("class B: pass\n"
        "b = B()\n"
        "b.x = [str(i) for i in range(3)]\n"
        "class L(list): pass\n"
        "l = L([1])\n"
        "l.tag = 'tag' * 2\n"
        "class M(type): pass\n"
        "class K(metaclass=M): pass\n"
        "K.attr = ['class']\n");
    mpy_gc_collect(vm);
    mpy_gc_collect(vm);
    run("print(b.x, l, l.tag, K.attr, type(K).__name__)\n");
    ck_assert_str_eq(H.out, "['0', '1', '2'] [1] tagtag ['class'] M\n");
}
END_TEST

START_TEST(test_gc_block_defers)
{
    vm->next_gc = 0; /* any allocation debt is over the limit */
    mpy_list *l = mpy_list_new(vm, 0);
    vm->gc_block++;
    mpy_gc_safepoint(vm);
    ck_assert(is_live(vm, l));
    vm->gc_block--;
    mpy_gc_safepoint(vm);
    ck_assert(!is_live(vm, l));
    ck_assert_uint_ge(vm->next_gc, vm->bytes_allocated);
}
END_TEST

START_TEST(test_stress_mode)
{
    vm->stress_gc = true;
    run("class T:\n"
        "    def __init__(self, *ch): self.ch = ch\n"
        "t = T(T(), T(T()))\n"
        "cyc = []\n"
        "for i in range(200):\n"
        "    a = [i]; a.append(a); cyc = a\n"
        "def gen():\n"
        "    for c in t.ch: yield len(c.ch)\n"
        "print(list(gen()), cyc[1][1][0], {str(k): [k] for k in range(3)})\n");
    ck_assert_str_eq(H.out, "[0, 1] 199 {'0': [0], '1': [1], '2': [2]}\n");
}
END_TEST

START_TEST(test_collector_runs_in_loops)
{
    vm->stress_gc = false; /* measures the normal policy (and stays fast) */
    /* 200000 dead cycles: without collections during the loop this is
     * tens of megabytes; with them the heap stays near its 1 MiB floor. */
    run("for i in range(200000):\n"
        "    a = [i]\n"
        "    a.append(a)\n");
    ck_assert_uint_lt(vm->peak_bytes, 8u << 20);
}
END_TEST

/* Teardown with everything still pending: classes with a metaclass,
 * instances, cycles, an exception, generators.  The fixture's teardown
 * checks that every block came back. */
START_TEST(test_free_with_pending_objects)
{
    mpy_result r;
    const char *src = "class M(type): pass\n"
                      "class C(metaclass=M):\n"
                      "    def __init__(self): self.me = self\n"
                      "objs = [C() for _ in range(50)]\n"
                      "class E(Exception): pass\n"
                      "def g():\n"
                      "    yield objs\n"
                      "it = g(); next(it)\n"
                      "raise E(objs)\n";
    r = mpy_exec(vm, src, strlen(src), "<test>", MPY_EXEC_FILE);
    ck_assert_int_eq(r, MPY_RUNTIME_ERROR); /* left pending on purpose */
}
END_TEST

/* ------------------------------------------------------ finalization */

START_TEST(test_del_runs_when_unreachable)
{
    run("class C:\n"
        "    def __init__(self, n): self.n = n\n"
        "    def __del__(self): print('del', self.n)\n"
        "a = C(1); b = C(2)\n"
        "a = None\n");
    ck_assert_str_eq(H.out, "");
    mpy_gc_collect(vm); /* from C, no frame running: the finalizer runs here */
    ck_assert_str_eq(H.out, "del 1\n");
    mpy_gc_collect(vm);
    ck_assert_str_eq(H.out, "del 1\n"); /* at most once */
}
END_TEST

START_TEST(test_del_order_outer_first)
{
    run("import gc\n"
        "class C:\n"
        "    def __init__(self, n, *inner): self.n = n; self.inner = inner\n"
        "    def __del__(self): print('del', self.n)\n"
        "y = C('y')\n"
        "x = C('outer')\n"
        "x.inner = (C('inner'),)\n"
        "x.inner[0].inner = [C('innermost')]\n"
        "z = C('z', C('z1', C('z2')), C('z3'))\n"
        "a = C('a'); b = C('b', a); a.inner = b\n"
        "del y, x, z, a, b\n"
        "gc.collect()\n"
        "print('after')\n");
    /* What no other dying object refers to first, oldest first, each
     * followed by what it holds, depth first (as reference counting would
     * do); a cycle oldest first. */
    ck_assert_str_eq(H.out, "del y\ndel outer\ndel inner\ndel innermost\ndel z\ndel z1\ndel z2\ndel z3\n"
                            "del a\ndel b\nafter\n");
}
END_TEST

START_TEST(test_resurrection)
{
    run("import gc\n"
        "saved = []\n"
        "class R:\n"
        "    def __del__(self): print('del'); saved.append(self)\n"
        "R()\n"
        "gc.collect()\n"
        "print(len(saved), gc.is_finalized(saved[0]))\n"
        "saved.clear()\n"
        "gc.collect()\n"
        "print('end')\n");
    ck_assert_str_eq(H.out, "del\n1 True\nend\n");
}
END_TEST

START_TEST(test_generator_closed)
{
    run("def g():\n"
        "    try:\n"
        "        yield 1\n"
        "    finally:\n"
        "        print('finally')\n"
        "it = g(); next(it)\n"
        "del it\n");
    ck_assert_str_eq(H.out, "");
    mpy_gc_collect(vm);
    ck_assert_str_eq(H.out, "finally\n");
}
END_TEST

/* Generators that cannot notice being closed are not registered, and the
 * registry forgets what the collector freed: it does not grow. */
START_TEST(test_registry_stays_small)
{
    run("def g():\n"
        "    try:\n"
        "        yield 1\n"
        "    finally:\n"
        "        pass\n"
        "for i in range(20000):\n"
        "    it = g(); next(it)\n"
        "    for x in (j for j in range(3)): break\n");
    mpy_gc_collect(vm);
    ck_assert_uint_le(vm->nfin_reg, 2);
    ck_assert_uint_eq(vm->nfin_queue, 0);
}
END_TEST

START_TEST(test_del_exception_reported)
{
    run("import gc\n"
        "class E:\n"
        "    def __del__(self): raise ValueError('boom')\n"
        "E()\n"
        "print(type(gc.collect()).__name__)\n"
        "print('still running')\n");
    ck_assert_str_eq(H.out, "int\nstill running\n");
    ck_assert(mpy_is_null(vm->exc));
}
END_TEST

/* Finalizers running at the safe points of a stress-mode run, while
 * generators and loops are live around them. */
START_TEST(test_finalizers_under_stress)
{
    vm->stress_gc = true;
    run("count = [0]\n"
        "class D:\n"
        "    def __del__(self): count[0] += 1\n"
        "def g(n):\n"
        "    with open_cm():\n"
        "        for i in range(n): yield D()\n"
        "class open_cm:\n"
        "    def __enter__(self): return self\n"
        "    def __exit__(self, *a): count[0] += 100\n"
        "for k in range(30):\n"
        "    it = g(5); next(it); next(it)\n"
        "    lst = [D() for _ in range(3)]\n"
        "del it, lst\n"
        "import gc; gc.collect()\n"
        "print(count[0])\n");
    ck_assert_str_eq(H.out, "3150\n");
}
END_TEST

/* At VM teardown the remaining finalizers run: __main__'s globals in
 * their order, then the rest (CPython prints these at exit too). */
START_TEST(test_finalizers_at_teardown)
{
    host h2;
    mpy_vm *v2 = new_vm(&h2);
    const char *src = "class C:\n"
                      "    def __init__(self, n): self.n = n\n"
                      "    def __del__(self): print('del', self.n)\n"
                      "def g():\n"
                      "    try:\n"
                      "        yield\n"
                      "    finally:\n"
                      "        print('gen closed')\n"
                      "b = C('b')\n"
                      "it = g(); next(it)\n"
                      "a = C('a')\n"
                      "hidden = [C('in list')]\n";
    ck_assert_int_eq(mpy_exec(v2, src, strlen(src), "<test>", MPY_EXEC_FILE), MPY_OK);
    ck_assert_str_eq(h2.out, "");
    mpy_vm_free(v2);
    ck_assert_str_eq(h2.out, "del b\ngen closed\ndel a\ndel in list\n");
    ck_assert_int_eq(h2.live_blocks, 0);
    ck_assert_int_eq(h2.live_bytes, 0);
}
END_TEST

Suite *gc_suite(void)
{
    Suite *s = suite_create("gc");
    TCase *tc = tcase_create("gc");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_garbage_is_freed);
    tcase_add_test(tc, test_roots_survive);
    tcase_add_test(tc, test_cycle_is_freed);
    tcase_add_test(tc, test_instance_dict_traced);
    tcase_add_test(tc, test_gc_block_defers);
    tcase_add_test(tc, test_stress_mode);
    tcase_add_test(tc, test_collector_runs_in_loops);
    tcase_add_test(tc, test_free_with_pending_objects);
    tcase_add_test(tc, test_del_runs_when_unreachable);
    tcase_add_test(tc, test_del_order_outer_first);
    tcase_add_test(tc, test_resurrection);
    tcase_add_test(tc, test_generator_closed);
    tcase_add_test(tc, test_registry_stays_small);
    tcase_add_test(tc, test_del_exception_reported);
    tcase_add_test(tc, test_finalizers_under_stress);
    tcase_add_test(tc, test_finalizers_at_teardown);
    suite_add_tcase(s, tc);
    return s;
}
