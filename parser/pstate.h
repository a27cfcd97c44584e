/* Snapshots of the Bison push-parser state (grammar/pstate.inc); private to
 * the parse driver. */
#ifndef MPY_PSTATE_H
#define MPY_PSTATE_H

#include <stdbool.h>
#include <stddef.h>

#include "grammar.h"

size_t mpy_pstate_size(void);
mpy_yypstate *mpy_pstate_init(void *mem);
void mpy_pstate_release(mpy_yypstate *ps);
void mpy_pstate_copy(mpy_yypstate *dst, const mpy_yypstate *src);
bool mpy_pstate_accepts_end(const mpy_yypstate *ps);

#endif
