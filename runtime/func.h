/* Callables and descriptors: Python functions, native (C) functions, bound
 * methods, cells, staticmethod, classmethod, property, and the getset
 * descriptors of built-in types. */
#ifndef MPY_FUNC_H
#define MPY_FUNC_H

#include "object.h"

typedef struct mpy_code mpy_code;

typedef struct mpy_function {
    mpy_obj hdr;
    mpy_dict *dict;          /* function attributes */
    mpy_code *code;
    mpy_dict *globals;
    mpy_tuple *defaults;     /* NULL: none */
    mpy_dict *kwdefaults;    /* NULL: none */
    mpy_tuple *closure;      /* cells for the code's freevars, NULL: none */
    mpy_value annotations;   /* dict or MPY_NULL */
    mpy_str *name, *qualname;
    mpy_value doc;           /* MPY_NULL: None */
    mpy_value module;        /* __module__ */
} mpy_function;

typedef struct mpy_native {
    mpy_obj hdr;
    const char *name;        /* static text */
    mpy_native_fn fn;
    mpy_type *owner;         /* the type of a method, NULL for a function */
    mpy_value self;          /* MPY_NULL, or a bound object (module functions with state) */
} mpy_native;

typedef struct mpy_method {  /* a bound method */
    mpy_obj hdr;
    mpy_value func;
    mpy_value self;
} mpy_method;

typedef struct mpy_cell {
    mpy_obj hdr;
    mpy_value value;         /* MPY_NULL: empty */
} mpy_cell;

typedef struct mpy_wrapper { /* staticmethod / classmethod */
    mpy_obj hdr;
    mpy_dict *dict;
    mpy_value func;
} mpy_wrapper;

typedef struct mpy_property {
    mpy_obj hdr;
    mpy_value fget, fset, fdel, doc; /* MPY_NULL when absent */
    mpy_value name;                  /* set by __set_name__, for messages */
} mpy_property;

typedef struct mpy_getset {
    mpy_obj hdr;
    const mpy_getset_def *def;
    mpy_type *owner;
} mpy_getset;

mpy_value mpy_native_new(mpy_vm *vm, const char *name, mpy_native_fn fn, mpy_type *owner);
mpy_value mpy_method_new(mpy_vm *vm, mpy_value func, mpy_value self);
mpy_cell *mpy_cell_new(mpy_vm *vm, mpy_value v);
mpy_value mpy_staticmethod_new(mpy_vm *vm, mpy_value f);
mpy_value mpy_classmethod_new(mpy_vm *vm, mpy_value f);
mpy_value mpy_getset_new(mpy_vm *vm, const mpy_getset_def *def, mpy_type *owner);
mpy_function *mpy_function_new(mpy_vm *vm, mpy_code *code, mpy_dict *globals);

#endif
