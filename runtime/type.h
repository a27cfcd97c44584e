/* Type objects (see object.h for the struct): creation and class support. */
#ifndef MPY_TYPE_H
#define MPY_TYPE_H

#include "object.h"

mpy_type *mpy_type_alloc(mpy_vm *vm);
bool mpy_type_init_builtin(mpy_vm *vm, mpy_type *t, const mpy_type_spec *spec, mpy_type *base);
/* type(name, bases, ns) for a metaclass `meta` (type or a subclass):
 * checks the bases, computes the MRO and the instance layout, and fills
 * the dunder-dispatching slots.  ns becomes the class __dict__. */
mpy_value mpy_type_new_class(mpy_vm *vm, mpy_type *meta, mpy_str *name, mpy_tuple *bases, mpy_dict *ns);
/* After a class attribute changes: refresh the slots of t and subclasses. */
void mpy_class_fill_slots(mpy_vm *vm, mpy_type *t);

#endif
