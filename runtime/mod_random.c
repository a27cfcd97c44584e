/* The _random module: the Mersenne Twister core under random.Random.
 *
 * Split as in CPython (_random in C, random.py on top): this file owns
 * the generator state and the four operations that touch it word by word
 * (seed, random, getrandbits, getstate/setstate); runtime/lib/random.py
 * subclasses _random.Random and builds every distribution and sequence
 * helper out of random() and getrandbits().  The helpers only do a few
 * Python operations per call, while random() and getrandbits(), which
 * simulations call in tight loops, stay native.
 *
 * Reproducibility is the point: seed(n) must produce CPython's sequence
 * bit for bit.  So seeding follows CPython exactly: an int seed n keys
 * MT19937's init_by_array with the 32-bit words of abs(n), least
 * significant first (one zero word for 0); any other hashable seed is
 * replaced by its hash() taken as an unsigned 64-bit number; no seed means
 * 624 words from the OS (/dev/urandom), or the time and pid when that
 * fails.  random() combines 27 and 26 high bits of two outputs into a
 * 53-bit double; getrandbits(k) fills 32-bit words from the least
 * significant end, shifting the last word's output right to keep its
 * high bits.
 *
 * The generator is the reference MT19937 of Matsumoto and Nishimura
 * (1998), written from the published description.
 */
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define MT_N 624
#define MT_M 397
#define MT_UPPER 0x80000000u
#define MT_LOWER 0x7fffffffu
#define MT_MATRIX 0x9908b0dfu

typedef struct {
    mpy_obj hdr;
    int index;           /* next word of state to temper; MT_N: regenerate */
    uint32_t state[MT_N];
} mt_random;

/* ------------------------------------------------------------ the generator */

static void mt_init_word(mt_random *r, uint32_t s)
{
    r->state[0] = s;
    for (uint32_t i = 1; i < MT_N; i++) {
        uint32_t prev = r->state[i - 1];
        r->state[i] = 1812433253u * (prev ^ (prev >> 30)) + i;
    }
    r->index = MT_N;
}

/* Keys the generator with an array of words (the reference init_by_array). */
static void mt_init_array(mt_random *r, const uint32_t *key, size_t len)
{
    uint32_t *mt = r->state;
    mt_init_word(r, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        uint32_t prev = mt[i - 1];
        mt[i] = (mt[i] ^ ((prev ^ (prev >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++, j++;
        if (i >= MT_N) mt[0] = mt[MT_N - 1], i = 1;
        if (j >= len) j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        uint32_t prev = mt[i - 1];
        mt[i] = (mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) mt[0] = mt[MT_N - 1], i = 1;
    }
    mt[0] = 0x80000000u; /* guarantees a non-zero state */
}

static inline uint32_t mt_twist(uint32_t a, uint32_t b, uint32_t far)
{
    uint32_t y = (a & MT_UPPER) | (b & MT_LOWER);
    return far ^ (y >> 1) ^ ((y & 1u) ? MT_MATRIX : 0u);
}

static void mt_regenerate(mt_random *r)
{
    uint32_t *mt = r->state;
    int k = 0;
    for (; k < MT_N - MT_M; k++) mt[k] = mt_twist(mt[k], mt[k + 1], mt[k + MT_M]);
    for (; k < MT_N - 1; k++) mt[k] = mt_twist(mt[k], mt[k + 1], mt[k + MT_M - MT_N]);
    mt[MT_N - 1] = mt_twist(mt[MT_N - 1], mt[0], mt[MT_M - 1]);
    r->index = 0;
}

static inline uint32_t mt_next(mt_random *r)
{
    if (MPY_UNLIKELY(r->index >= MT_N)) mt_regenerate(r);
    uint32_t y = r->state[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

/* ---------------------------------------------------------------- seeding */

/* Seeds from the OS; false when /dev/urandom cannot give 624 words. */
static bool seed_from_os(mt_random *r)
{
    uint32_t key[MT_N];
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd < 0) return false;
    size_t got = 0;
    while (got < sizeof key) {
        ssize_t n = read(fd, (char *)key + got, sizeof key - got);
        if (n <= 0) break;
        got += (size_t)n;
    }
    close(fd);
    if (got < sizeof key) return false;
    mt_init_array(r, key, MT_N);
    return true;
}

static void seed_from_time(mt_random *r)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint32_t key[5] = {(uint32_t)ts.tv_sec, (uint32_t)((uint64_t)ts.tv_sec >> 32), (uint32_t)ts.tv_nsec,
                       (uint32_t)getpid(), (uint32_t)(uintptr_t)r};
    mt_init_array(r, key, 5);
}

/* Seeds with the words of |n| for an int n. */
static bool seed_from_int(mpy_vm *vm, mt_random *r, mpy_value n)
{
    n = mpy_int_canonical(vm, n);
    if (!mpy_is_obj(n)) {
        int64_t v = mpy_as_int(n);
        uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        uint32_t key[2] = {(uint32_t)u, (uint32_t)(u >> 32)};
        mt_init_array(r, key, key[1] ? 2 : 1);
        return true;
    }
    /* A big int's limbs are already the 32-bit words of its magnitude. */
    mpy_bigint *b = (mpy_bigint *)mpy_as_obj(n);
    mt_init_array(r, b->d, b->len);
    return true;
}

static bool random_seed_value(mpy_vm *vm, mt_random *r, mpy_value arg)
{
    if (mpy_is_null(arg) || mpy_is_none(arg)) {
        if (!seed_from_os(r)) seed_from_time(r);
        return true;
    }
    if (mpy_is_intlike(vm, arg)) return seed_from_int(vm, r, arg);
    int64_t h;
    if (!mpy_hash(vm, arg, &h)) return false;
    uint64_t u = (uint64_t)h;
    uint32_t key[2] = {(uint32_t)u, (uint32_t)(u >> 32)};
    mt_init_array(r, key, key[1] ? 2 : 1);
    return true;
}

/* ------------------------------------------------------------- the type */

static mpy_value random_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw);

/* The generator inside self, or NULL with TypeError for other objects
 * (only reachable through unusual calls such as Random.random(5)). */
static mt_random *self_of(mpy_vm *vm, mpy_value self, const char *meth)
{
    if (mpy_is_obj(self)) {
        mpy_type *t = mpy_typeof(vm, self);
        while (t && (t->flags & MPY_TF_HEAP)) t = t->base;
        if (t && t->slots.new_ == random_new) return (mt_random *)mpy_as_obj(self);
    }
    mpy_err_fmt(vm, MPY_EXC_TypeError, "descriptor '%s' for '_random.Random' objects doesn't apply to a '%s' object",
                meth, mpy_tname(vm, self));
    return NULL;
}

/* Random(x=None): keyword arguments are refused only by the base type
 * itself, as in CPython, so subclasses may give their __init__ any
 * signature.  The Python-level __init__ of random.Random seeds again. */
static mpy_value random_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    bool base = !(type->flags & MPY_TF_HEAP);
    if (base && !mpy_args_no_kw(vm, "Random", kw)) return MPY_NULL;
    if (base && argc > 1) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "Random() requires 0 or 1 argument");
    mt_random *r = mpy_obj_alloc(vm, type, type->instance_size);
    if (!r) return MPY_NULL;
    if (!random_seed_value(vm, r, base && argc == 1 ? args[0] : MPY_NULL)) return MPY_NULL;
    return mpy_from_obj(r);
}

static bool random_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return true;
}

static mpy_value random_m_seed(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "seed", argc - 1, kw, 0, 1)) return MPY_NULL;
    mt_random *r = self_of(vm, args[0], "seed");
    if (!r || !random_seed_value(vm, r, argc > 1 ? args[1] : MPY_NULL)) return MPY_NULL;
    return MPY_NONE;
}

static mpy_value random_m_random(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (MPY_UNLIKELY(argc != 1 || kw) && !mpy_args_none(vm, "random", argc - 1, kw)) return MPY_NULL;
    mt_random *r = self_of(vm, args[0], "random");
    if (!r) return MPY_NULL;
    uint32_t a = mt_next(r) >> 5, b = mt_next(r) >> 6;
    return mpy_from_float((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

/* An unsigned int from `n` little-endian words (canonical form). */
static mpy_value int_from_words(mpy_vm *vm, const uint32_t *w, size_t n)
{
    while (n && !w[n - 1]) n--;
    if (n <= 2 && !(n == 2 && (w[1] & 0x80000000u)))
        return mpy_from_int((int64_t)((n > 0 ? (uint64_t)w[0] : 0) | (n > 1 ? (uint64_t)w[1] << 32 : 0)));
    mpy_bigint *o = mpy_obj_alloc(vm, vm->types[MPY_TYPE_INT], sizeof *o + n * sizeof(uint32_t));
    if (!o) return MPY_NULL;
    o->sign = 1;
    o->len = (uint32_t)n;
    memcpy(o->d, w, n * sizeof(uint32_t));
    return mpy_from_obj(o);
}

static mpy_value random_m_getrandbits(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "getrandbits", argc - 1, kw)) return MPY_NULL;
    mt_random *r = self_of(vm, args[0], "getrandbits");
    int64_t k;
    if (!r || !mpy_index(vm, args[1], &k)) return MPY_NULL;
    if (k < 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "number of bits must be non-negative");
    if (k == 0) return mpy_from_int(0);
    if (k <= 32) return mpy_from_int(mt_next(r) >> (32 - k));
    if (k > ((int64_t)1 << 35)) return mpy_err_nomem(vm), MPY_NULL;
    size_t n = (size_t)((k - 1) / 32 + 1);
    uint32_t small[8];
    uint32_t *w = small;
    if (n > 8 && !(w = mpy_mem_realloc(vm, NULL, 0, n * sizeof *w))) return MPY_NULL;
    for (size_t i = 0; i < n; i++, k -= 32) {
        uint32_t x = mt_next(r);
        w[i] = k < 32 ? x >> (32 - k) : x;
    }
    mpy_value v = int_from_words(vm, w, n);
    if (w != small) mpy_mem_free(vm, w, n * sizeof *w);
    return v;
}

static mpy_value random_m_getstate(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_none(vm, "getstate", argc - 1, kw)) return MPY_NULL;
    mt_random *r = self_of(vm, args[0], "getstate");
    mpy_tuple *t = r ? mpy_tuple_new(vm, MT_N + 1) : NULL;
    if (!t) return MPY_NULL;
    for (int i = 0; i < MT_N; i++) t->items[i] = mpy_from_int(r->state[i]);
    t->items[MT_N] = mpy_from_int(r->index);
    return mpy_from_obj(t);
}

/* One state word: an int in [0, 2**32) (wider values keep their low
 * 32 bits, as C's unsigned long conversion in CPython does on 64-bit
 * hosts for values below 2**64). */
static bool state_word(mpy_vm *vm, mpy_value v, int64_t *out)
{
    if (!mpy_is_intlike(vm, v))
        return mpy_err_msg(vm, MPY_EXC_TypeError, "an integer is required");
    v = mpy_int_canonical(vm, v);
    if (mpy_is_obj(v)) {
        mpy_bigint *b = (mpy_bigint *)mpy_as_obj(v);
        if (b->sign < 0) return mpy_err_msg(vm, MPY_EXC_OverflowError, "can't convert negative value to unsigned int");
        if (b->len > 2)
            return mpy_err_msg(vm, MPY_EXC_OverflowError, "Python int too large to convert to C unsigned long");
        *out = b->d[0];
        return true;
    }
    if (mpy_as_int(v) < 0) return mpy_err_msg(vm, MPY_EXC_OverflowError, "can't convert negative value to unsigned int");
    *out = mpy_as_int(v);
    return true;
}

static mpy_value random_m_setstate(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "setstate", argc - 1, kw)) return MPY_NULL;
    mt_random *r = self_of(vm, args[0], "setstate");
    if (!r) return MPY_NULL;
    if (!mpy_is_sub(vm, args[1], MPY_TYPE_TUPLE))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "state vector must be a tuple");
    mpy_tuple *t = mpy_as_tuple(args[1]);
    if (t->len != MT_N + 1) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "state vector is the wrong size");
    uint32_t words[MT_N];
    for (int i = 0; i < MT_N; i++) {
        int64_t w = 0;
        if (!state_word(vm, t->items[i], &w)) return MPY_NULL;
        words[i] = (uint32_t)w;
    }
    int64_t index;
    if (!mpy_index(vm, t->items[MT_N], &index)) return MPY_NULL;
    if (index < 0 || index > MT_N) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "invalid state");
    memcpy(r->state, words, sizeof words);
    r->index = (int)index;
    return MPY_NONE;
}

static const mpy_method_def random_methods[] = {
    {"seed", random_m_seed, 0},         {"random", random_m_random, 0}, {"getrandbits", random_m_getrandbits, 0},
    {"getstate", random_m_getstate, 0}, {"setstate", random_m_setstate, 0}, {NULL, NULL, 0},
};

/* Not in MPY_BUILTIN_TYPES: the type is made per VM when _random is first
 * imported, from this spec. */
static const mpy_type_spec random_spec = {
    .name = "Random",
    .base = -1,
    .flags = MPY_TF_BASETYPE,
    .instance_size = sizeof(mt_random),
    .slots = {.new_ = random_new, .init = random_init},
    .methods = random_methods,
};

mpy_module *mpy_module__random_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "_random");
    mpy_type *t = m ? mpy_type_alloc(vm) : NULL;
    if (!t || !mpy_type_init_builtin(vm, t, &random_spec, vm->types[MPY_TYPE_OBJECT])) return NULL;
    t->module = mpy_str_intern_cstr(vm, "_random");
    if (!t->module || !mpy_dict_set_cstr(vm, m->dict, "Random", mpy_from_obj(t))) return NULL;
    return m;
}
