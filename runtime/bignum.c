/* Arbitrary-precision integer arithmetic (see bignum.h for the contract).
 *
 * The magnitude routines (mag_*) work on raw limb arrays and never
 * allocate; the mpy_bn_* functions on top of them handle signs and
 * storage.  Every buffer comes from mpy_mem_realloc so that big numbers
 * count against the VM's memory cap like everything else. */
#include <float.h>
#include <math.h>
#include <string.h>

#include "runtime/bignum.h"
#include "runtime/exc.h"

#define LIMB_BITS 32
#define KARATSUBA_CUTOFF 48

/* ------------------------------------------------------------- storage */

void mpy_bn_view_i64(mpy_bn *b, int64_t v, uint32_t buf[2])
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    buf[0] = (uint32_t)m;
    buf[1] = (uint32_t)(m >> 32);
    b->d = buf;
    b->cap = 0;
    b->len = buf[1] ? 2 : buf[0] ? 1 : 0;
    b->sign = v < 0 ? -1 : v > 0;
}

void mpy_bn_free(mpy_vm *vm, mpy_bn *b)
{
    if (b->cap) mpy_mem_free(vm, b->d, b->cap * sizeof(uint32_t));
    b->d = NULL;
    b->len = b->cap = 0;
    b->sign = 0;
}

/* Makes r own room for n limbs (contents kept up to r->len when owned). */
static bool reserve(mpy_vm *vm, mpy_bn *r, size_t n)
{
    if (n == 0) n = 1;
    if (r->cap >= n) return true;
    uint32_t *d = mpy_mem_realloc(vm, r->cap ? r->d : NULL, r->cap * sizeof *d, n * sizeof *d);
    if (!d) return false;
    r->d = d;
    r->cap = n;
    return true;
}

/* Drops leading zero limbs; zero gets sign 0. */
static void normalize(mpy_bn *r)
{
    while (r->len && r->d[r->len - 1] == 0) r->len--;
    if (!r->len) r->sign = 0;
}

/* Moves src into dst (dst's old limbs freed). */
static void bn_move(mpy_vm *vm, mpy_bn *dst, mpy_bn *src)
{
    mpy_bn_free(vm, dst);
    *dst = *src;
    *src = (mpy_bn)MPY_BN_INIT;
}

/* r = 1 or -1 (sign): the start value of products and the floor of a
 * negative number shifted all the way out. */
static bool set_unit(mpy_vm *vm, mpy_bn *r, int sign)
{
    if (!reserve(vm, r, 1)) return false;
    r->d[0] = 1;
    r->len = 1;
    r->sign = sign;
    return true;
}

bool mpy_bn_copy(mpy_vm *vm, mpy_bn *r, const mpy_bn *a)
{
    if (!reserve(vm, r, a->len)) return false;
    if (a->len) memcpy(r->d, a->d, a->len * sizeof *a->d);
    r->len = a->len;
    r->sign = a->sign;
    return true;
}

bool mpy_bn_to_i64(const mpy_bn *a, int64_t *out)
{
    if (a->len > 2) return false;
    uint64_t m = a->len == 0 ? 0 : a->len == 1 ? a->d[0] : ((uint64_t)a->d[1] << 32 | a->d[0]);
    if (a->sign >= 0) {
        if (m > (uint64_t)INT64_MAX) return false;
        *out = (int64_t)m;
    } else {
        if (m > (uint64_t)INT64_MAX + 1) return false;
        *out = (int64_t)(0 - m);
    }
    return true;
}

/* ---------------------------------------------------------- magnitudes */

static int mag_cmp(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    if (na != nb) return na < nb ? -1 : 1;
    while (na--)
        if (a[na] != b[na]) return a[na] < b[na] ? -1 : 1;
    return 0;
}

/* r = a + b, na >= nb; r has na + 1 limbs; returns the length. */
static size_t mag_add(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    uint64_t c = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        c += (uint64_t)a[i] + b[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    for (; i < na; i++) {
        c += a[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    r[i] = (uint32_t)c;
    return c ? na + 1 : na;
}

/* r = a - b, a >= b; returns the normalized length. */
static size_t mag_sub(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    int64_t borrow = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        int64_t t = (int64_t)a[i] - b[i] - borrow;
        borrow = t < 0;
        r[i] = (uint32_t)t;
    }
    for (; i < na; i++) {
        int64_t t = (int64_t)a[i] - borrow;
        borrow = t < 0;
        r[i] = (uint32_t)t;
    }
    while (na && r[na - 1] == 0) na--;
    return na;
}

/* r[0..na+nb) = a * b (schoolbook); r must not overlap a or b. */
static void mag_mul_school(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    /* The shorter operand drives the outer loop, so multiplying by a
     * one-limb number is one pass over the long one. */
    if (na > nb) {
        const uint32_t *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    memset(r, 0, (na + nb) * sizeof *r);
    for (size_t i = 0; i < na; i++) {
        uint64_t c = 0, ai = a[i];
        if (!ai) continue;
        for (size_t j = 0; j < nb; j++) {
            c += ai * b[j] + r[i + j];
            r[i + j] = (uint32_t)c;
            c >>= 32;
        }
        r[i + nb] = (uint32_t)c;
    }
}

/* r += a (in place, r has room for the carry). */
static void mag_add_into(uint32_t *r, size_t nr, const uint32_t *a, size_t na)
{
    uint64_t c = 0;
    size_t i = 0;
    for (; i < na; i++) {
        c += (uint64_t)r[i] + a[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    for (; c && i < nr; i++) {
        c += r[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
}

/* r -= a (in place, r >= a). */
static void mag_sub_into(uint32_t *r, size_t nr, const uint32_t *a, size_t na)
{
    int64_t borrow = 0;
    size_t i = 0;
    for (; i < na; i++) {
        int64_t t = (int64_t)r[i] - a[i] - borrow;
        borrow = t < 0;
        r[i] = (uint32_t)t;
    }
    for (; borrow && i < nr; i++) {
        int64_t t = (int64_t)r[i] - borrow;
        borrow = t < 0;
        r[i] = (uint32_t)t;
    }
}

static size_t trim(const uint32_t *a, size_t n)
{
    while (n && a[n - 1] == 0) n--;
    return n;
}

/* Karatsuba for equal-sized halves: r[0..na+nb) = a * b, na >= nb.  The
 * scratch area needs 4 * (na + 1) limbs per level; it is sized by the
 * caller from mag_mul_scratch. */
static void mag_mul(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb, uint32_t *scratch);

static size_t mag_mul_scratch(size_t na)
{
    size_t total = 0;
    while (na >= KARATSUBA_CUTOFF) {
        size_t h = (na + 1) / 2;
        total += 4 * (h + 1) + 2;
        na = h + 1;
    }
    return total + 4;
}

static void mag_mul(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb, uint32_t *scratch)
{
    if (na < nb) {
        const uint32_t *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    if (nb < KARATSUBA_CUTOFF || 2 * nb < na) {
        if (nb < KARATSUBA_CUTOFF || !scratch) {
            mag_mul_school(r, a, na, b, nb);
            return;
        }
        /* Unbalanced: multiply b by nb-sized slices of a. */
        memset(r, 0, (na + nb) * sizeof *r);
        uint32_t *tmp = scratch;
        for (size_t off = 0; off < na; off += nb) {
            size_t n = na - off < nb ? na - off : nb;
            mag_mul(tmp, a + off, n, b, nb, scratch + 2 * nb);
            mag_add_into(r + off, na + nb - off, tmp, n + nb);
        }
        return;
    }
    /* a = a1*B^h + a0, b = b1*B^h + b0;
     * a*b = z2*B^2h + ((a0+a1)(b0+b1) - z2 - z0)*B^h + z0. */
    size_t h = (na + 1) / 2;
    const uint32_t *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + (nb < h ? nb : h);
    size_t na0 = trim(a0, h), na1 = na - h;
    size_t nb0 = trim(b0, nb < h ? nb : h), nb1 = nb > h ? nb - h : 0;
    uint32_t *sa = scratch, *sb = sa + h + 1, *z1 = sb + h + 1, *rest = z1 + 2 * (h + 1);
    memset(r, 0, (na + nb) * sizeof *r);
    size_t nsa = na0 >= na1 ? mag_add(sa, a0, na0, a1, na1) : mag_add(sa, a1, na1, a0, na0);
    size_t nsb = nb0 >= nb1 ? mag_add(sb, b0, nb0, b1, nb1) : mag_add(sb, b1, nb1, b0, nb0);
    nsa = trim(sa, nsa);
    nsb = trim(sb, nsb);
    /* z0 and z2 straight into r. */
    if (na0 && nb0) mag_mul(r, a0, na0, b0, nb0, rest);
    if (na1 && nb1) mag_mul(r + 2 * h, a1, na1, b1, nb1, rest);
    if (nsa && nsb) {
        mag_mul(z1, sa, nsa, sb, nsb, rest);
    }
    size_t nz1 = trim(z1, nsa && nsb ? nsa + nsb : 0);
    /* z1 -= z0 + z2 (both are in r, non-overlapping). */
    size_t nz0 = trim(r, na0 && nb0 ? na0 + nb0 : 0);
    size_t nz2 = trim(r + 2 * h, na1 && nb1 ? na1 + nb1 : 0);
    mag_sub_into(z1, nz1, r, nz0);
    mag_sub_into(z1, nz1, r + 2 * h, nz2);
    nz1 = trim(z1, nz1);
    mag_add_into(r + h, na + nb - h, z1, nz1);
}

/* Divides a[0..n) in place by d; returns the remainder. */
static uint32_t mag_divmod_1(uint32_t *q, const uint32_t *a, size_t n, uint32_t d)
{
    uint64_t rem = 0;
    while (n--) {
        uint64_t cur = rem << 32 | a[n];
        q[n] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    return (uint32_t)rem;
}

/* Knuth's algorithm D (after Hacker's Delight's divmnu): u has m limbs, v
 * n >= 2 limbs with v[n-1] != 0, m >= n.  q gets m-n+1 limbs, r n limbs;
 * un (m+1 limbs) and vn (n limbs) are scratch. */
static void mag_divmod_knuth(uint32_t *q, uint32_t *r, const uint32_t *u, size_t m, const uint32_t *v, size_t n,
                             uint32_t *un, uint32_t *vn)
{
    const uint64_t B = (uint64_t)1 << 32;
    int s = __builtin_clz(v[n - 1]);
    for (size_t i = n - 1; i > 0; i--) vn[i] = (v[i] << s) | (s ? v[i - 1] >> (32 - s) : 0);
    vn[0] = v[0] << s;
    un[m] = s ? u[m - 1] >> (32 - s) : 0;
    for (size_t i = m - 1; i > 0; i--) un[i] = (u[i] << s) | (s ? u[i - 1] >> (32 - s) : 0);
    un[0] = u[0] << s;
    for (size_t jj = m - n + 1; jj-- > 0;) {
        size_t j = jj;
        uint64_t num = (uint64_t)un[j + n] << 32 | un[j + n - 1];
        uint64_t qhat = num / vn[n - 1], rhat = num % vn[n - 1];
        while (qhat >= B || qhat * vn[n - 2] > (rhat << 32 | un[j + n - 2])) {
            qhat--;
            rhat += vn[n - 1];
            if (rhat >= B) break;
        }
        int64_t k = 0, t;
        for (size_t i = 0; i < n; i++) {
            uint64_t p = qhat * vn[i];
            t = (int64_t)un[i + j] - k - (int64_t)(p & 0xFFFFFFFFu);
            un[i + j] = (uint32_t)t;
            k = (int64_t)(p >> 32) - (t >> 32);
        }
        t = (int64_t)un[j + n] - k;
        un[j + n] = (uint32_t)t;
        q[j] = (uint32_t)qhat;
        if (t < 0) {
            q[j]--;
            uint64_t c = 0;
            for (size_t i = 0; i < n; i++) {
                c += (uint64_t)un[i + j] + vn[i];
                un[i + j] = (uint32_t)c;
                c >>= 32;
            }
            un[j + n] += (uint32_t)c;
        }
    }
    for (size_t i = 0; i < n; i++) r[i] = (un[i] >> s) | (s ? (uint32_t)((uint64_t)un[i + 1] << (32 - s)) : 0);
}

/* Truncating |a| / |b| into magnitudes q, r (fresh bns; signs set 1). */
static bool mag_divmod(mpy_vm *vm, mpy_bn *q, mpy_bn *r, const mpy_bn *a, const mpy_bn *b)
{
    if (mag_cmp(a->d, a->len, b->d, b->len) < 0) {
        if (r && !mpy_bn_copy(vm, r, a)) return false;
        if (r) r->sign = r->len ? 1 : 0;
        return true;
    }
    size_t m = a->len, n = b->len;
    mpy_bn qq = MPY_BN_INIT, rr = MPY_BN_INIT;
    if (!reserve(vm, &qq, m - n + 1) || !reserve(vm, &rr, n)) goto fail;
    if (n == 1) {
        rr.d[0] = mag_divmod_1(qq.d, a->d, m, b->d[0]);
    } else {
        uint32_t *scratch = mpy_mem_realloc(vm, NULL, 0, (m + 1 + n) * sizeof(uint32_t));
        if (!scratch) goto fail;
        mag_divmod_knuth(qq.d, rr.d, a->d, m, b->d, n, scratch, scratch + m + 1);
        mpy_mem_free(vm, scratch, (m + 1 + n) * sizeof(uint32_t));
    }
    qq.len = m - n + 1;
    qq.sign = 1;
    rr.len = n;
    rr.sign = 1;
    normalize(&qq);
    normalize(&rr);
    if (q) *q = qq; else mpy_bn_free(vm, &qq);
    if (r) *r = rr; else mpy_bn_free(vm, &rr);
    return true;
fail:
    mpy_bn_free(vm, &qq);
    mpy_bn_free(vm, &rr);
    return false;
}

/* |r| += 1 in place. */
static bool mag_incr(mpy_vm *vm, mpy_bn *r)
{
    if (!reserve(vm, r, r->len + 1)) return false;
    size_t i = 0;
    for (; i < r->len; i++)
        if (++r->d[i] != 0) return true;
    r->d[r->len++] = 1;
    return true;
}

/* ---------------------------------------------------------- arithmetic */

int mpy_bn_cmp(const mpy_bn *a, const mpy_bn *b)
{
    if (a->sign != b->sign) return a->sign < b->sign ? -1 : 1;
    int c = mag_cmp(a->d, a->len, b->d, b->len);
    return a->sign < 0 ? -c : c;
}

uint64_t mpy_bn_bit_length(const mpy_bn *a)
{
    if (!a->len) return 0;
    return (uint64_t)(a->len - 1) * LIMB_BITS + (uint64_t)(32 - __builtin_clz(a->d[a->len - 1]));
}

uint64_t mpy_bn_bit_count(const mpy_bn *a)
{
    uint64_t n = 0;
    for (size_t i = 0; i < a->len; i++) n += (uint64_t)__builtin_popcount(a->d[i]);
    return n;
}

/* a + (bsign * |b|) */
static bool add_signed(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, const mpy_bn *b, int bsign)
{
    if (!b->len) return mpy_bn_copy(vm, r, a);
    if (!a->len) {
        if (!mpy_bn_copy(vm, r, b)) return false;
        r->sign = bsign;
        return true;
    }
    if (a->sign == bsign) {
        const mpy_bn *x = a->len >= b->len ? a : b, *y = a->len >= b->len ? b : a;
        if (!reserve(vm, r, x->len + 1)) return false;
        r->len = mag_add(r->d, x->d, x->len, y->d, y->len);
        r->sign = a->sign;
        return true;
    }
    int c = mag_cmp(a->d, a->len, b->d, b->len);
    if (c == 0) {
        r->len = 0;
        r->sign = 0;
        return true;
    }
    const mpy_bn *x = c > 0 ? a : b, *y = c > 0 ? b : a;
    if (!reserve(vm, r, x->len)) return false;
    r->len = mag_sub(r->d, x->d, x->len, y->d, y->len);
    r->sign = c > 0 ? a->sign : bsign;
    normalize(r);
    return true;
}

bool mpy_bn_add(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, const mpy_bn *b) { return add_signed(vm, r, a, b, b->sign); }
bool mpy_bn_sub(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, const mpy_bn *b) { return add_signed(vm, r, a, b, -b->sign); }

bool mpy_bn_mul(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, const mpy_bn *b)
{
    if (!a->len || !b->len) {
        r->len = 0;
        r->sign = 0;
        return true;
    }
    if (!reserve(vm, r, a->len + b->len)) return false;
    size_t big = a->len > b->len ? a->len : b->len, small = a->len > b->len ? b->len : a->len;
    if (small >= KARATSUBA_CUTOFF) {
        size_t ns = mag_mul_scratch(big) + 4 * small + 8;
        uint32_t *scratch = mpy_mem_realloc(vm, NULL, 0, ns * sizeof *scratch);
        if (!scratch) return false;
        mag_mul(r->d, a->d, a->len, b->d, b->len, scratch);
        mpy_mem_free(vm, scratch, ns * sizeof *scratch);
    } else {
        mag_mul_school(r->d, a->d, a->len, b->d, b->len);
    }
    r->len = a->len + b->len;
    r->sign = a->sign * b->sign;
    normalize(r);
    return true;
}

bool mpy_bn_divmod(mpy_vm *vm, mpy_bn *q, mpy_bn *m, const mpy_bn *a, const mpy_bn *b)
{
    mpy_bn qq = MPY_BN_INIT, rr = MPY_BN_INIT;
    if (!mag_divmod(vm, &qq, &rr, a, b)) return false;
    qq.sign = qq.len ? a->sign * b->sign : 0;
    rr.sign = rr.len ? a->sign : 0;
    if (rr.len && a->sign != b->sign) {
        /* Floor: the quotient rounds away from zero, the remainder takes
         * the divisor's sign. */
        if (!mag_incr(vm, &qq)) goto fail;
        qq.sign = -1;
        mpy_bn t = MPY_BN_INIT;
        if (!reserve(vm, &t, b->len)) goto fail;
        t.len = mag_sub(t.d, b->d, b->len, rr.d, rr.len);
        t.sign = b->sign;
        normalize(&t);
        bn_move(vm, &rr, &t);
    }
    if (q) *q = qq; else mpy_bn_free(vm, &qq);
    if (m) *m = rr; else mpy_bn_free(vm, &rr);
    return true;
fail:
    mpy_bn_free(vm, &qq);
    mpy_bn_free(vm, &rr);
    return false;
}

bool mpy_bn_lshift(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, uint64_t n)
{
    if (!a->len) {
        r->len = 0;
        r->sign = 0;
        return true;
    }
    size_t limbs = (size_t)(n / LIMB_BITS), bits = (size_t)(n % LIMB_BITS);
    if (n / LIMB_BITS > (SIZE_MAX / 8) || !reserve(vm, r, a->len + limbs + 1)) {
        if (n / LIMB_BITS > (SIZE_MAX / 8)) mpy_err_nomem(vm);
        return false;
    }
    memset(r->d, 0, limbs * sizeof *r->d);
    uint32_t carry = 0;
    for (size_t i = 0; i < a->len; i++) {
        r->d[i + limbs] = (a->d[i] << bits) | carry;
        carry = bits ? a->d[i] >> (32 - bits) : 0;
    }
    r->d[a->len + limbs] = carry;
    r->len = a->len + limbs + 1;
    r->sign = a->sign;
    normalize(r);
    return true;
}

bool mpy_bn_rshift(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, uint64_t n)
{
    uint64_t limbs64 = n / LIMB_BITS;
    if (limbs64 >= a->len) {
        /* Everything shifted out: 0, or -1 for negatives (floor). */
        r->len = 0;
        r->sign = 0;
        return a->sign < 0 ? set_unit(vm, r, -1) : true;
    }
    size_t limbs = (size_t)limbs64, bits = (size_t)(n % LIMB_BITS);
    bool lost = false;
    for (size_t i = 0; i < limbs && !lost; i++) lost = a->d[i] != 0;
    if (bits && (a->d[limbs] & ((1u << bits) - 1))) lost = true;
    size_t nl = a->len - limbs;
    if (!reserve(vm, r, nl + 1)) return false;
    for (size_t i = 0; i < nl; i++) {
        uint32_t lo = a->d[i + limbs] >> bits;
        uint32_t hi = bits && i + limbs + 1 < a->len ? a->d[i + limbs + 1] << (32 - bits) : 0;
        r->d[i] = lo | hi;
    }
    r->len = nl;
    r->sign = a->sign;
    normalize(r);
    if (a->sign < 0 && lost) {
        if (!mag_incr(vm, r)) return false;
        r->sign = -1;
    }
    return true;
}

/* Two's complement of a in n limbs into t. */
static void to_twos(uint32_t *t, const mpy_bn *a, size_t n)
{
    for (size_t i = 0; i < n; i++) t[i] = i < a->len ? a->d[i] : 0;
    if (a->sign < 0) {
        uint64_t c = 1;
        for (size_t i = 0; i < n; i++) {
            c += (uint32_t)~t[i];
            t[i] = (uint32_t)c;
            c >>= 32;
        }
    }
}

bool mpy_bn_bitop(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, const mpy_bn *b, char op)
{
    size_t n = (a->len > b->len ? a->len : b->len) + 1;
    uint32_t *tb = mpy_mem_realloc(vm, NULL, 0, n * sizeof *tb);
    if (!tb) return false;
    if (!reserve(vm, r, n)) {
        mpy_mem_free(vm, tb, n * sizeof *tb);
        return false;
    }
    to_twos(r->d, a, n);
    to_twos(tb, b, n);
    for (size_t i = 0; i < n; i++) {
        if (op == '&') r->d[i] &= tb[i];
        else if (op == '|') r->d[i] |= tb[i];
        else r->d[i] ^= tb[i];
    }
    mpy_mem_free(vm, tb, n * sizeof *tb);
    r->len = n;
    r->sign = 1;
    if (r->d[n - 1] & 0x80000000u) {
        /* Negative: back to sign-magnitude. */
        uint64_t c = 1;
        for (size_t i = 0; i < n; i++) {
            c += (uint32_t)~r->d[i];
            r->d[i] = (uint32_t)c;
            c >>= 32;
        }
        r->sign = -1;
    }
    normalize(r);
    return true;
}

bool mpy_bn_pow(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, uint64_t e)
{
    mpy_bn acc = MPY_BN_INIT, base = MPY_BN_INIT, t = MPY_BN_INIT;
    if (!set_unit(vm, &acc, 1)) return false;
    if (!mpy_bn_copy(vm, &base, a)) goto fail;
    while (e) {
        if (e & 1) {
            if (!mpy_bn_mul(vm, &t, &acc, &base)) goto fail;
            bn_move(vm, &acc, &t);
        }
        e >>= 1;
        if (e) {
            if (!mpy_bn_mul(vm, &t, &base, &base)) goto fail;
            bn_move(vm, &base, &t);
        }
    }
    mpy_bn_free(vm, &base);
    bn_move(vm, r, &acc);
    return true;
fail:
    mpy_bn_free(vm, &acc);
    mpy_bn_free(vm, &base);
    mpy_bn_free(vm, &t);
    return false;
}

/* x = x * y mod m */
static bool mulmod(mpy_vm *vm, mpy_bn *x, const mpy_bn *y, const mpy_bn *m)
{
    mpy_bn p = MPY_BN_INIT, rem = MPY_BN_INIT;
    if (!mpy_bn_mul(vm, &p, x, y)) return false;
    bool ok = mpy_bn_divmod(vm, NULL, &rem, &p, m);
    mpy_bn_free(vm, &p);
    if (!ok) return false;
    bn_move(vm, x, &rem);
    return true;
}

bool mpy_bn_powmod(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, const mpy_bn *e, const mpy_bn *m)
{
    mpy_bn acc = MPY_BN_INIT, base = MPY_BN_INIT;
    if (!mpy_bn_divmod(vm, NULL, &base, a, m)) return false;
    if (!set_unit(vm, &acc, 1)) goto fail;
    for (uint64_t bit = mpy_bn_bit_length(e); bit-- > 0;) {
        mpy_bn sq = MPY_BN_INIT;
        if (!mpy_bn_copy(vm, &sq, &acc) || !mulmod(vm, &acc, &sq, m)) {
            mpy_bn_free(vm, &sq);
            goto fail;
        }
        mpy_bn_free(vm, &sq);
        if ((e->d[bit / 32] >> (bit % 32)) & 1)
            if (!mulmod(vm, &acc, &base, m)) goto fail;
    }
    /* 1 mod 1 is 0. */
    mpy_bn one = MPY_BN_INIT;
    if (!mpy_bn_divmod(vm, NULL, &one, &acc, m)) goto fail;
    bn_move(vm, &acc, &one);
    mpy_bn_free(vm, &base);
    bn_move(vm, r, &acc);
    return true;
fail:
    mpy_bn_free(vm, &acc);
    mpy_bn_free(vm, &base);
    return false;
}

bool mpy_bn_invmod(mpy_vm *vm, mpy_bn *r, const mpy_bn *a, const mpy_bn *m, bool *ok)
{
    /* Extended Euclid keeping only the coefficient of a. */
    mpy_bn r0 = MPY_BN_INIT, r1 = MPY_BN_INIT, s0 = MPY_BN_INIT, s1 = MPY_BN_INIT;
    mpy_bn q = MPY_BN_INIT, t = MPY_BN_INIT, u = MPY_BN_INIT;
    bool good = false;
    if (!mpy_bn_divmod(vm, NULL, &r0, a, m) || !mpy_bn_copy(vm, &r1, m) || !set_unit(vm, &s0, 1)) goto done;
    while (r1.len) {
        mpy_bn rem = MPY_BN_INIT;
        if (!mpy_bn_divmod(vm, &q, &rem, &r0, &r1)) goto done;
        bn_move(vm, &r0, &r1);
        bn_move(vm, &r1, &rem);
        if (!mpy_bn_mul(vm, &t, &q, &s1) || !mpy_bn_sub(vm, &u, &s0, &t)) goto done;
        mpy_bn_free(vm, &t);
        mpy_bn_free(vm, &q);
        bn_move(vm, &s0, &s1);
        bn_move(vm, &s1, &u);
    }
    *ok = r0.len == 1 && r0.d[0] == 1;
    if (*ok && !mpy_bn_divmod(vm, NULL, r, &s0, m)) goto done;
    good = true;
done:
    mpy_bn_free(vm, &r0);
    mpy_bn_free(vm, &r1);
    mpy_bn_free(vm, &s0);
    mpy_bn_free(vm, &s1);
    mpy_bn_free(vm, &q);
    mpy_bn_free(vm, &t);
    mpy_bn_free(vm, &u);
    return good;
}

/* ------------------------------------------------------ float interplay */

/* The top 64 bits of |a| (all of it when shorter), the shift that scales
 * them back, and whether any bit below them is set. */
static uint64_t top64(const mpy_bn *a, int64_t *shift, bool *lower)
{
    uint64_t nbits = mpy_bn_bit_length(a);
    *lower = false;
    *shift = 0;
    if (nbits <= 64) return a->len == 0 ? 0 : a->len == 1 ? a->d[0] : (uint64_t)a->d[1] << 32 | a->d[0];
    uint64_t sh = nbits - 64;
    size_t limb = (size_t)(sh / 32), bit = (size_t)(sh % 32);
    /* Bits [sh, sh + 64) lie within the three limbs from `limb` on. */
    unsigned __int128 w = 0;
    for (size_t i = 3; i-- > 0;) w = w << 32 | (limb + i < a->len ? a->d[limb + i] : 0);
    bool sticky = bit && (a->d[limb] & ((1u << bit) - 1));
    for (size_t i = 0; i < limb && !sticky; i++) sticky = a->d[i] != 0;
    *shift = (int64_t)sh;
    *lower = sticky;
    return (uint64_t)(w >> bit);
}

double mpy_bn_to_double(const mpy_bn *a, bool *overflow)
{
    *overflow = false;
    if (!a->len) return 0.0;
    if (mpy_bn_bit_length(a) > DBL_MAX_EXP) {
        *overflow = true;
        return 0.0;
    }
    int64_t shift;
    bool lower;
    uint64_t top = top64(a, &shift, &lower) | lower;
    /* 64 bits with a sticky lowest bit round to 53 exactly like the full
     * number would (the sticky bit lies below the rounding bit). */
    double d = ldexp((double)top, (int)shift);
    if (isinf(d)) {
        *overflow = true;
        return 0.0;
    }
    return a->sign < 0 ? -d : d;
}

bool mpy_bn_from_double(mpy_vm *vm, mpy_bn *r, double d)
{
    int e;
    double m = frexp(fabs(d), &e);
    r->len = 0;
    r->sign = 0;
    if (e <= 0) return true; /* |d| < 1 */
    uint64_t mant = (uint64_t)ldexp(m, 53);
    uint32_t buf[2];
    mpy_bn t;
    mpy_bn_view_i64(&t, (int64_t)mant, buf);
    if (e >= 53) {
        if (!mpy_bn_lshift(vm, r, &t, (uint64_t)(e - 53))) return false;
    } else {
        if (!mpy_bn_rshift(vm, r, &t, (uint64_t)(53 - e))) return false;
    }
    if (r->len) r->sign = d < 0 ? -1 : 1;
    return true;
}

bool mpy_bn_truediv(mpy_vm *vm, const mpy_bn *a, const mpy_bn *b, double *out, bool *overflow)
{
    /* CPython's long_true_divide: scale a so that the quotient has
     * DBL_MANT_DIG + 2 or + 3 bits, divide exactly, fold the remainder
     * into a sticky bit and round once. */
    *overflow = false;
    bool neg = (a->sign < 0) != (b->sign < 0);
    if (!a->len) {
        *out = neg ? -0.0 : 0.0;
        return true;
    }
    int64_t abits = (int64_t)mpy_bn_bit_length(a), bbits = (int64_t)mpy_bn_bit_length(b);
    if (abits <= DBL_MANT_DIG && bbits <= DBL_MANT_DIG) {
        bool o;
        double x = mpy_bn_to_double(a, &o), y = mpy_bn_to_double(b, &o);
        *out = x / y;
        return true;
    }
    int64_t diff = abits - bbits;
    if (diff > DBL_MAX_EXP) {
        *overflow = true;
        return false;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        *out = neg ? -0.0 : 0.0;
        return true;
    }
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    mpy_bn x = MPY_BN_INIT, q = MPY_BN_INIT, rem = MPY_BN_INIT;
    mpy_bn aa = *a, bb = *b;
    aa.sign = 1;
    bb.sign = 1;
    if (shift <= 0) {
        if (!mpy_bn_lshift(vm, &x, &aa, (uint64_t)-shift)) return false;
    } else {
        if (!mpy_bn_rshift(vm, &x, &aa, (uint64_t)shift)) return false;
        /* Bits shifted out make the quotient inexact. */
        mpy_bn back = MPY_BN_INIT;
        if (!mpy_bn_lshift(vm, &back, &x, (uint64_t)shift)) goto fail;
        inexact = mpy_bn_cmp(&back, &aa) != 0;
        mpy_bn_free(vm, &back);
    }
    if (!mag_divmod(vm, &q, &rem, &x, &bb)) goto fail;
    if (rem.len) inexact = true;
    int64_t xbits = (int64_t)mpy_bn_bit_length(&q);
    int64_t ignored;
    bool ignored_lower;
    uint64_t low = top64(&q, &ignored, &ignored_lower); /* q has at most DBL_MANT_DIG + 3 bits */
    int64_t extra = (xbits > DBL_MIN_EXP - shift ? xbits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = (uint64_t)1 << (extra - 1);
    uint64_t v = low | inexact;
    if ((v & mask) && (v & (3 * mask - 1))) v += mask;
    v &= ~(2 * mask - 1);
    double dx = (double)v;
    mpy_bn_free(vm, &x);
    mpy_bn_free(vm, &q);
    mpy_bn_free(vm, &rem);
    if (shift + xbits >= DBL_MAX_EXP && (shift + xbits > DBL_MAX_EXP || dx == ldexp(1.0, (int)xbits))) {
        *overflow = true;
        return false;
    }
    double res = ldexp(dx, (int)shift);
    *out = neg ? -res : res;
    return true;
fail:
    mpy_bn_free(vm, &x);
    mpy_bn_free(vm, &q);
    mpy_bn_free(vm, &rem);
    return false;
}

int mpy_bn_cmp_double(const mpy_bn *a, double d)
{
    int dsign = d < 0 ? -1 : d > 0;
    if (a->sign != dsign) return a->sign < dsign ? -1 : 1;
    if (!a->len) return 0;
    /* Same sign: compare |a| with |d|, first by bit length. */
    int c, e;
    double m = frexp(fabs(d), &e);
    uint64_t abits = mpy_bn_bit_length(a);
    if (isinf(d)) c = -1;
    else if (e < 1) c = 1; /* |d| < 1 <= |a| */
    else if (abits != (uint64_t)e) c = abits < (uint64_t)e ? -1 : 1;
    else if (e <= 64) {
        int64_t sh;
        bool lower;
        uint64_t av = top64(a, &sh, &lower);
        double ip = trunc(fabs(d));
        uint64_t dv = (uint64_t)ip;
        c = av < dv ? -1 : av > dv ? 1 : fabs(d) != ip ? -1 : 0;
    } else {
        /* |d| is an integer here; its 53 significant bits sit at the top
         * of a 64-bit window aligned with a's. */
        int64_t sh;
        bool lower;
        uint64_t av = top64(a, &sh, &lower);
        uint64_t dv = (uint64_t)ldexp(m, 64);
        c = av < dv ? -1 : av > dv ? 1 : lower ? 1 : 0;
    }
    return a->sign < 0 ? -c : c;
}

int64_t mpy_bn_hash(const mpy_bn *a)
{
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t x = 0;
    for (size_t i = a->len; i-- > 0;) {
        /* x * 2**32 mod P is a rotation within 61 bits. */
        x = ((x << 32) & P) | (x >> (61 - 32));
        x += a->d[i];
        if (x >= P) x -= P;
    }
    int64_t h = a->sign < 0 ? -(int64_t)x : (int64_t)x;
    return h == -1 ? -2 : h;
}

/* ------------------------------------------------------------- strings */

size_t mpy_bn_decimal_digits_bound(const mpy_bn *a)
{
    /* log10(2) < 0.30103; one more for the floor. */
    return (size_t)((double)mpy_bn_bit_length(a) * 0.30103) + 1;
}

bool mpy_bn_to_base(mpy_vm *vm, const mpy_bn *a, int base, char **out, size_t *len, size_t *cap)
{
    static const char digs[] = "0123456789abcdef";
    uint64_t bits = mpy_bn_bit_length(a);
    size_t n = base == 10 ? mpy_bn_decimal_digits_bound(a) + 10 : (size_t)bits + 2;
    char *buf = mpy_mem_realloc(vm, NULL, 0, n + 2);
    if (!buf) return false;
    char *p = buf + n + 1;
    *p = 0;
    if (!a->len) {
        *--p = '0';
    } else if (base == 10) {
        uint32_t *t = mpy_mem_realloc(vm, NULL, 0, a->len * sizeof *t);
        if (!t) {
            mpy_mem_free(vm, buf, n + 2);
            return false;
        }
        memcpy(t, a->d, a->len * sizeof *t);
        size_t tl = a->len;
        while (tl) {
            uint32_t rem = mag_divmod_1(t, t, tl, 1000000000u);
            tl = trim(t, tl);
            for (int k = 0; k < 9 && (tl || rem); k++) {
                *--p = (char)('0' + rem % 10);
                rem /= 10;
            }
        }
        mpy_mem_free(vm, t, a->len * sizeof *t);
    } else {
        int sh = base == 2 ? 1 : base == 8 ? 3 : 4;
        for (uint64_t bit = 0; bit < bits; bit += (uint64_t)sh) {
            unsigned v = 0;
            for (int k = sh; k-- > 0;) {
                uint64_t b = bit + (uint64_t)k;
                v = v << 1 | (b < bits ? (a->d[b / 32] >> (b % 32)) & 1 : 0);
            }
            *--p = digs[v];
        }
    }
    if (a->sign < 0) *--p = '-';
    *len = (size_t)(buf + n + 1 - p);
    memmove(buf, p, *len + 1);
    *out = buf;
    *cap = n + 2;
    return true;
}

bool mpy_bn_from_digit_values(mpy_vm *vm, mpy_bn *r, const uint8_t *dv, size_t n, int base)
{
    r->len = 0;
    r->sign = 0;
    if ((base & (base - 1)) == 0) {
        int sh = __builtin_ctz((unsigned)base);
        uint64_t bits = (uint64_t)n * (uint64_t)sh;
        if (!reserve(vm, r, (size_t)(bits / 32) + 1)) return false;
        memset(r->d, 0, ((size_t)(bits / 32) + 1) * sizeof *r->d);
        uint64_t bit = 0;
        for (size_t i = n; i-- > 0; bit += (uint64_t)sh)
            for (int k = 0; k < sh; k++)
                if ((dv[i] >> k) & 1) r->d[(bit + (uint64_t)k) / 32] |= 1u << ((bit + (uint64_t)k) % 32);
        r->len = (size_t)(bits / 32) + 1;
        r->sign = 1;
        normalize(r);
        return true;
    }
    /* Chunks of k digits with base**k < 2**32: r = r * base**k + chunk. */
    uint32_t bk = (uint32_t)base;
    int k = 1;
    while ((uint64_t)bk * (uint64_t)base < ((uint64_t)1 << 32)) {
        bk *= (uint32_t)base;
        k++;
    }
    size_t maxlimbs = (size_t)((double)n * log2((double)base) / 32) + 2;
    if (!reserve(vm, r, maxlimbs)) return false;
    size_t i = 0;
    while (i < n) {
        uint32_t chunk = 0, mul = 1;
        for (int j = 0; j < k && i < n; j++, i++) {
            chunk = chunk * (uint32_t)base + dv[i];
            mul *= (uint32_t)base;
        }
        uint64_t c = chunk;
        for (size_t l = 0; l < r->len; l++) {
            c += (uint64_t)r->d[l] * mul;
            r->d[l] = (uint32_t)c;
            c >>= 32;
        }
        if (c) r->d[r->len++] = (uint32_t)c;
    }
    r->sign = 1;
    normalize(r);
    return true;
}
