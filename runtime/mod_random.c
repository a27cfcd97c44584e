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
 * fails.  (random.py turns str and bytes seeds into ints with the SHA-512
 * digest that _sha512 below provides.)  random() combines 27 and 26 high bits of two outputs into a
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
#include "runtime/bytes.h"
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
 * signature.  A subclass instance (random.Random's included) is seeded
 * again by its __init__, so it starts from the clock, which costs no
 * system call, rather than from /dev/urandom. */
static mpy_value random_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    bool base = !(type->flags & MPY_TF_HEAP);
    if (base && !mpy_args_no_kw(vm, "Random", kw)) return MPY_NULL;
    if (base && argc > 1) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "Random() requires 0 or 1 argument");
    mt_random *r = mpy_obj_alloc(vm, type, type->instance_size);
    if (!r) return MPY_NULL;
    if (!base) seed_from_time(r);
    else if (!random_seed_value(vm, r, argc == 1 ? args[0] : MPY_NULL)) return MPY_NULL;
    return mpy_from_obj(r);
}

static bool random_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return true;
}

static mpy_value random_m_seed(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "seed", argc - 1, kw, 0, 1)) return MPY_NULL;
    mt_random *r = self_of(vm, args[0], "seed");
    if (!r || !random_seed_value(vm, r, argc > 1 ? args[1] : MPY_NULL)) return MPY_NULL;
    return MPY_NONE;
}

static mpy_value random_m_random(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (MPY_UNLIKELY(argc != 1 || kw) && !mpy_args_none(vm, "Random.random", argc - 1, kw)) return MPY_NULL;
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
    if (!mpy_args_one(vm, "Random.getrandbits", argc - 1, kw)) return MPY_NULL;
    mt_random *r = self_of(vm, args[0], "getrandbits");
    if (!r) return MPY_NULL;
    /* CPython reads k as a C int. */
    int64_t k;
    if (mpy_is_intlike(vm, args[1]) && mpy_is_obj(mpy_int_canonical(vm, args[1])))
        return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "Python int too large to convert to C int");
    if (!mpy_index(vm, args[1], &k)) return MPY_NULL;
    if (k > INT32_MAX || k < INT32_MIN)
        return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "Python int too large to convert to C int");
    if (k < 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "number of bits must be non-negative");
    if (k == 0) return mpy_from_int(0);
    if (k <= 32) return mpy_from_int(mt_next(r) >> (32 - k));
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
    if (!mpy_args_none(vm, "Random.getstate", argc - 1, kw)) return MPY_NULL;
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
    if (!mpy_args_one(vm, "Random.setstate", argc - 1, kw)) return MPY_NULL;
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

/* ---------------------------------------------------------------- SHA-512 */

/* seed(str/bytes) keys the generator with the seed's bytes followed by
 * their SHA-512 digest (CPython takes the digest from hashlib, which
 * minipy does not have), so this file carries the one hash it needs,
 * written from FIPS 180-4.  The constants are the first 64 bits of the
 * fractional parts of the square roots (H0) and cube roots (K) of the
 * first primes, as the standard defines them. */

static const uint64_t SHA_H0[8] = {
    0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
    0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
};

static const uint64_t SHA_K[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
    0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
    0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
    0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
    0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
    0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
    0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
    0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
    0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
    0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
    0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
    0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

static inline uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static void sha512_block(uint64_t h[8], const unsigned char *p)
{
    uint64_t w[80];
    for (int t = 0; t < 16; t++) {
        uint64_t x = 0;
        for (int i = 0; i < 8; i++) x = x << 8 | p[8 * t + i];
        w[t] = x;
    }
    for (int t = 16; t < 80; t++) {
        uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
        uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = s1 + w[t - 7] + s0 + w[t - 16];
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 80; t++) {
        uint64_t t1 = hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) + SHA_K[t] + w[t];
        uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

static void sha512(const unsigned char *msg, size_t len, unsigned char out[64])
{
    uint64_t h[8];
    memcpy(h, SHA_H0, sizeof h);
    size_t full = len / 128 * 128;
    for (size_t i = 0; i < full; i += 128) sha512_block(h, msg + i);
    /* The tail, the 0x80 marker and the 128-bit bit length fill one or
     * two final blocks. */
    unsigned char tail[256] = {0};
    size_t rest = len - full;
    memcpy(tail, msg + full, rest);
    tail[rest] = 0x80;
    size_t blocks = rest + 1 + 16 <= 128 ? 1 : 2;
    uint64_t bits = (uint64_t)len << 3;
    for (int i = 0; i < 8; i++) tail[blocks * 128 - 1 - i] = (unsigned char)(bits >> (8 * i));
    tail[blocks * 128 - 9] = (unsigned char)(len >> 61);
    for (size_t i = 0; i < blocks; i++) sha512_block(h, tail + 128 * i);
    for (int i = 0; i < 64; i++) out[i] = (unsigned char)(h[i / 8] >> (56 - 8 * (i % 8)));
}

/* _random._sha512(data: bytes) -> the 64-byte digest (for random.py). */
static mpy_value random_sha512(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "_sha512", argc, kw)) return MPY_NULL;
    if (!mpy_is_type(vm, args[0], MPY_TYPE_BYTES))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "a bytes object is required, not '%s'", mpy_tname(vm, args[0]));
    const mpy_bytes *b = (const mpy_bytes *)mpy_as_obj(args[0]);
    unsigned char digest[64];
    sha512(b->data, b->len, digest);
    mpy_bytes *r = mpy_bytes_new(vm, digest, sizeof digest);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static const mpy_method_def module_functions[] = {
    {"_sha512", random_sha512, 0},
    {NULL, NULL, 0},
};

/* ------------------------------------------------------------- the module */

mpy_module *mpy_module__random_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "_random");
    if (!m || !mpy_module_add_functions(vm, m, module_functions)) return NULL;
    mpy_type *t = mpy_type_alloc(vm);
    if (!t || !mpy_type_init_builtin(vm, t, &random_spec, vm->types[MPY_TYPE_OBJECT])) return NULL;
    t->module = mpy_str_intern_cstr(vm, "_random");
    if (!t->module || !mpy_dict_set_cstr(vm, m->dict, "Random", mpy_from_obj(t))) return NULL;
    return m;
}
