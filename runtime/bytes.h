/* bytes: immutable byte strings. */
#ifndef MPY_BYTES_H
#define MPY_BYTES_H

#include "object.h"

typedef struct mpy_bytes {
    mpy_obj hdr;
    int64_t hash;
    size_t len;
    unsigned char data[]; /* len bytes + NUL */
} mpy_bytes;

mpy_bytes *mpy_bytes_new(mpy_vm *vm, const void *data, size_t len);

#endif
