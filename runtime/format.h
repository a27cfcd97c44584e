/* String formatting: the format-spec mini-language (format(), f-strings,
 * __format__ of int, float and str), str.format / str.format_map, and
 * printf-style str % args.  Behaviour and error messages follow CPython
 * 3.11 (Python/formatter_unicode.c, Objects/stringlib/unicode_format.h,
 * PyUnicode_Format).
 */
#ifndef MPY_FORMAT_H
#define MPY_FORMAT_H

#include "object.h"

/* format(v, spec): type(v).__format__(v, spec), with fast paths for str,
 * int, bool and float; TypeError when __format__ returns a non-str. */
mpy_value mpy_format(mpy_vm *vm, mpy_value v, mpy_str *spec);

/* The __format__ methods of int (and bool) and float, mpy_native_fn
 * signature: args[0] is self, args[1] the spec.  int.c and float.c put
 * them in their method tables as "__format__". */
mpy_value mpy_int_m_format(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kwnames);
mpy_value mpy_float_m_format(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kwnames);

/* str methods: str.format(*args, **kw), str.format_map(mapping) and
 * str.__format__(spec) (in str's method table, str_methods.c). */
mpy_value mpy_str_m_format(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kwnames);
mpy_value mpy_str_m_format_map(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kwnames);
mpy_value mpy_str_m_dunder_format(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kwnames);

/* fmt % args for a str fmt (the str type's binop slot calls it), and for
 * a bytes-like fmt (bytes.c): the result is bytes then. */
mpy_value mpy_str_mod(mpy_vm *vm, mpy_value fmt, mpy_value args);
mpy_value mpy_bytes_mod(mpy_vm *vm, const void *fmt, size_t len, mpy_value args);

/* Formats a finite or non-finite double the way format(d, spec) does for
 * a spec already reduced to (type, precision, alternate form): type is one
 * of e E f F g G %, or 'r' for repr; writes into a new str. */
mpy_str *mpy_format_double(mpy_vm *vm, double d, char type, int precision, bool alt);

#endif
