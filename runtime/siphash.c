/* SipHash-1-3 with a zero key: CPython 3.11's string and bytes hash when
 * PYTHONHASHSEED=0.  Matching it makes the iteration order of sets and
 * dict-keyed sets of strings identical to CPython under that setting
 * (which the conformance runner uses).  Written from the SipHash paper
 * (Aumasson & Bernstein): c = 1 compression round, d = 3 final rounds. */
#include <stdint.h>
#include <string.h>

#include "runtime/siphash.h"

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND                                                               \
    do {                                                                       \
        v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);              \
        v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;                                 \
        v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;                                 \
        v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);              \
    } while (0)

/* Incremental state so that a str can be hashed in its CPython storage
 * width (1, 2 or 4 bytes per code point) without building that buffer. */
void mpy_siphash_init(mpy_siphash *h)
{
    h->v0 = 0x736f6d6570736575ULL;
    h->v1 = 0x646f72616e646f6dULL;
    h->v2 = 0x6c7967656e657261ULL;
    h->v3 = 0x7465646279746573ULL;
    h->tail = 0;
    h->ntail = 0;
    h->total = 0;
}

static void compress(mpy_siphash *h, uint64_t m)
{
    uint64_t v0 = h->v0, v1 = h->v1, v2 = h->v2, v3 = h->v3;
    v3 ^= m;
    SIPROUND;
    v0 ^= m;
    h->v0 = v0; h->v1 = v1; h->v2 = v2; h->v3 = v3;
}

void mpy_siphash_byte(mpy_siphash *h, uint8_t b)
{
    h->tail |= (uint64_t)b << (8 * h->ntail);
    h->total++;
    if (++h->ntail == 8) {
        compress(h, h->tail);
        h->tail = 0;
        h->ntail = 0;
    }
}

void mpy_siphash_bytes(mpy_siphash *h, const void *data, size_t len)
{
    const uint8_t *p = data;
    while (len && h->ntail) { mpy_siphash_byte(h, *p++); len--; }
    while (len >= 8) {
        uint64_t m = 0;
        for (int i = 7; i >= 0; i--) m = (m << 8) | p[i];
        compress(h, m);
        h->total += 8;
        p += 8;
        len -= 8;
    }
    while (len--) mpy_siphash_byte(h, *p++);
}

uint64_t mpy_siphash_final(mpy_siphash *h)
{
    uint64_t b = ((uint64_t)(h->total & 0xff) << 56) | h->tail;
    compress(h, b);
    uint64_t v0 = h->v0, v1 = h->v1, v2 = h->v2, v3 = h->v3;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}
