/* Exceptions: the pending exception, raising with CPython's messages, and
 * the exception object layout.
 *
 * The pending exception lives in vm->exc (MPY_NULL: none).  A function
 * that fails sets it and returns false / NULL / MPY_NULL; its caller either
 * handles it (mpy_err_clear after inspecting it) or fails in turn.  Raising
 * MemoryError never allocates: the VM preallocates one instance.
 */
#ifndef MPY_EXC_H
#define MPY_EXC_H

#include "object.h"

typedef struct mpy_traceback mpy_traceback;

/* Instances of BaseException and its subclasses. */
typedef struct mpy_exc {
    mpy_obj hdr;
    mpy_dict *dict;          /* attributes set on the instance */
    mpy_tuple *args;
    mpy_value cause;         /* __cause__: an exception or None (MPY_NULL: unset = None) */
    mpy_value context;       /* __context__ */
    bool suppress_context;   /* __suppress_context__ */
    mpy_traceback *traceback;/* __traceback__, newest entry first */
    mpy_value extra[4];      /* per-class fields: SystemExit.code, KeyError, StopIteration.value,
                                SyntaxError (filename, lineno, offset, text) ... */
} mpy_exc;

/* One traceback entry: where the exception passed through. */
struct mpy_traceback {
    mpy_obj hdr;
    mpy_traceback *next;     /* towards the frame where it was raised */
    mpy_obj *code;           /* the mpy_code that was running */
    int line;
    uint32_t pc1;            /* failing instruction index + 1; 0: unknown */
};

static inline mpy_exc *mpy_as_exc(mpy_value v) { return (mpy_exc *)v.u.o; }

/* Raise: set the pending exception.  All return false so that callers can
 * write `return mpy_err_fmt(...)` in bool functions; the _v variants return
 * MPY_NULL for mpy_value functions. */
bool mpy_err_set(mpy_vm *vm, mpy_value exc);                     /* an instance */
bool mpy_err_type(mpy_vm *vm, mpy_exc_id type, mpy_value arg);   /* Type(arg); MPY_NULL arg: Type() */
bool mpy_err_msg(mpy_vm *vm, mpy_exc_id type, const char *msg);  /* Type("msg") */
bool mpy_err_fmt(mpy_vm *vm, mpy_exc_id type, const char *fmt, ...) MPY_PRINTF(3, 4);
bool mpy_err_nomem(mpy_vm *vm);
mpy_value mpy_err_fmt_v(mpy_vm *vm, mpy_exc_id type, const char *fmt, ...) MPY_PRINTF(3, 4);
/* Is an exception pending / does it match type (isinstance). */
bool mpy_err_occurred(mpy_vm *vm);
bool mpy_err_matches(mpy_vm *vm, mpy_exc_id type);
/* Take the pending exception out (MPY_NULL if none) / drop it. */
mpy_value mpy_err_fetch(mpy_vm *vm);
void mpy_err_clear(mpy_vm *vm);

/* A new exception instance of `type` (any exception class) with args. */
mpy_value mpy_exc_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args);
/* Appends a traceback entry for (code, line) to the pending exception. */
bool mpy_exc_add_traceback(mpy_vm *vm, mpy_value exc, mpy_obj *code, int line);
/* str(exc) as CPython: '' for no args, str(arg) for one, repr(args) else;
 * KeyError uses repr of its single arg. */
mpy_value mpy_exc_str(mpy_vm *vm, mpy_value exc);

#endif
