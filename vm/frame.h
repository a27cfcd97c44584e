/* Interpreter frames and generators (vm/interp.c, vm/gen.c).
 *
 * A frame's values live in `slots`: nlocals locals, then the cells
 * (cellvars then freevars), then the value stack.  Frames of ordinary
 * calls are carved LIFO out of chunks owned by the VM (no malloc per
 * call); a generator's frame is allocated with the generator and lives as
 * long as it does.  Every slot is zeroed (MPY_NULL) when the frame is made
 * and the collector marks all of them, stale ones included, so the
 * interpreter never has to publish its stack pointer before a safe point.
 */
#ifndef MPY_FRAME_H
#define MPY_FRAME_H

#include "vm/code.h"
#include "runtime/func.h"

struct mpy_frame {
    mpy_frame *prev;         /* caller (toward the outermost frame) */
    mpy_code *code;
    mpy_function *func;      /* NULL for module/class/exec code */
    mpy_dict *globals;
    mpy_dict *builtins;
    mpy_value locals;        /* the locals mapping of non-optimized code, else MPY_NULL */
    const uint32_t *ip;      /* next instruction, saved when the frame is not running */
    mpy_value *sp;           /* stack top, saved likewise */
    mpy_obj *gen;            /* the generator owning this frame, or NULL */
    uint32_t nslots;
    bool entry;              /* interp_run returns to C when this frame finishes */
    mpy_value slots[];
};

typedef enum { MPY_GEN_CREATED, MPY_GEN_SUSPENDED, MPY_GEN_RUNNING, MPY_GEN_CLOSED } mpy_gen_state;

typedef struct mpy_generator {
    mpy_obj hdr;
    mpy_frame *frame;        /* kept (slots cleared) after closing, so gi_code still works */
    size_t frame_size;
    mpy_gen_state state;
    mpy_str *name, *qualname;
    mpy_value exc_state;     /* exception being handled inside the generator */
    mpy_value outer_exc;     /* caller's handled exception while running */
    mpy_value yf;            /* the iterator a `yield from` delegates to, while suspended in it */
} mpy_generator;

/* How a generator step ended. */
typedef enum { MPY_GEN_YIELDED, MPY_GEN_RETURNED, MPY_GEN_ERROR } mpy_gen_result;

/* Resumes gen: sends `value` (MPY_NONE for next()), or raises `exc` at the
 * suspension point when exc is not MPY_NULL.  *out gets the yielded or
 * returned value. */
mpy_gen_result mpy_gen_send(mpy_vm *vm, mpy_generator *gen, mpy_value value, mpy_value exc, mpy_value *out);

/* Runs a frame until it returns (or, for a generator frame, yields).
 * `exc` non-NULL: start by raising it at the frame's current instruction. */
mpy_value mpy_interp_run(mpy_vm *vm, mpy_frame *f, mpy_value exc, bool *yielded);

#endif
