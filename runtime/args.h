/* Argument checking for native functions, with CPython 3.11's messages.
 *
 * CPython builtins check their arguments in a few different ways, and the
 * wording of the TypeError depends on which one a function uses; each
 * helper below reproduces one of them, so a native function picks the one
 * its CPython counterpart uses (ask python3 when unsure):
 *
 *   mpy_args_none    METH_NOARGS   "f() takes no arguments (1 given)"
 *   mpy_args_one     METH_O        "f() takes exactly one argument (0 given)"
 *   mpy_args_no_kw                 "f() takes no keyword arguments"
 *   mpy_args_count   _PyArg_CheckPositional
 *                                  "f expected at most 2 arguments, got 3"
 *   mpy_args_tuple   PyArg_ParseTuple (METH_VARARGS)
 *                                  "f() takes at most 1 argument (2 given)"
 *   mpy_args_parse   Argument Clinic keywords (_PyArg_UnpackKeywords)
 *                                  "f() takes at most 2 arguments (3 given)",
 *                                  "f() missing required argument 'x' (pos 1)",
 *                                  "'x' is an invalid keyword argument for f()"
 */
#ifndef MPY_ARGS_H
#define MPY_ARGS_H

#include "object.h"
#include "tuple.h"

/* Number of keyword arguments in a call (kwnames may be NULL). */
static inline int mpy_args_nkw(const mpy_tuple *kwnames) { return kwnames ? (int)kwnames->len : 0; }

/* METH_NOARGS: no arguments at all.  `fname` is the name in messages,
 * e.g. "globals" or "time.time". */
MPY_MUST_CHECK bool mpy_args_none(mpy_vm *vm, const char *fname, int argc, mpy_tuple *kwnames);
/* METH_O: exactly one positional argument, no keywords. */
MPY_MUST_CHECK bool mpy_args_one(mpy_vm *vm, const char *fname, int argc, mpy_tuple *kwnames);
/* No keyword arguments. */
MPY_MUST_CHECK bool mpy_args_no_kw(mpy_vm *vm, const char *fname, mpy_tuple *kwnames);
/* No keywords, and min <= argc <= max positional arguments (max -1: no
 * limit). */
MPY_MUST_CHECK bool mpy_args_count(mpy_vm *vm, const char *fname, int argc, mpy_tuple *kwnames, int min, int max);

/* No keywords, and min <= argc <= max (max -1: no limit), worded as
 * PyArg_ParseTuple does. */
MPY_MUST_CHECK bool mpy_args_tuple(mpy_vm *vm, const char *fname, int argc, mpy_tuple *kwnames, int min, int max);

/* Matches positional and keyword arguments to the parameters named in
 * `spec`, a Python-like parameter list: names separated by commas, a name
 * ending in '=' is optional, "/" ends the positional-only parameters and
 * "*" starts the keyword-only ones.  Example for round:
 * "number,ndigits=".  For sum: "iterable,/,start=".
 * out[i] receives parameter i's value, MPY_NULL for an optional parameter
 * not given.  At most 16 parameters. */
MPY_MUST_CHECK bool mpy_args_parse(mpy_vm *vm, const char *fname, int argc, const mpy_value *args,
                                   mpy_tuple *kwnames, const char *spec, mpy_value *out);

#endif
