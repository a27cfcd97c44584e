/* SipHash-1-3, zero key (CPython's str/bytes hash under PYTHONHASHSEED=0). */
#ifndef MPY_SIPHASH_H
#define MPY_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

typedef struct mpy_siphash {
    uint64_t v0, v1, v2, v3, tail;
    unsigned ntail;
    size_t total;
} mpy_siphash;

void mpy_siphash_init(mpy_siphash *h);
void mpy_siphash_byte(mpy_siphash *h, uint8_t b);
void mpy_siphash_bytes(mpy_siphash *h, const void *data, size_t len);
uint64_t mpy_siphash_final(mpy_siphash *h);

#endif
