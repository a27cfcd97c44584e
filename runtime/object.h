/* Values, the object header and the type slot table: the contract every
 * runtime file and the interpreter share.
 *
 * Values.  mpy_value is a small tagged struct (Lua's TValue): None, bools,
 * ints that fit in int64_t and floats live unboxed in the value itself;
 * everything else is a pointer to a heap object.  Touch values only through
 * the inline helpers below, so that NaN boxing can replace the struct later
 * without touching callers.
 *
 * Invariants:
 * - An int that fits in int64_t is ALWAYS a MPY_TAG_INT value; a heap
 *   mpy_bigint only ever holds values outside that range.  Equality, hashing
 *   and dict lookup rely on this canonical form.
 * - bool is a subtype of int: True/False behave as 1/0 in arithmetic, hash
 *   and comparison, but stay MPY_TAG_BOOL values so that repr is right.
 * - MPY_TAG_NULL is not a Python value.  It marks an empty local slot, a
 *   missing dict entry, and above all "failed": a function returning
 *   mpy_value returns MPY_NULL exactly when it has set vm->exc (see below).
 *
 * Errors (STYLE.md section 6): a function that can fail returns bool false,
 * NULL, or MPY_NULL, with the exception pending in the VM (mpy_err_*).  No
 * longjmp.  Iterator `next` slots are the one exception to that rule: they
 * return MPY_NULL with no pending exception to mean "exhausted", which saves
 * allocating a StopIteration on every loop end.
 *
 * Garbage collection (runtime/gc.c): precise mark and sweep over one list of
 * every heap object.  Allocation NEVER collects.  Collection happens only at
 * the interpreter's safe points (calls, backward jumps), where every live
 * value is on the VM stack, in a frame, or reachable from the VM's roots,
 * and only when no C function up the call chain holds unrooted objects:
 * mpy_call (used by runtime C code to call back into Python) blocks
 * collection for the duration of the nested call.  So C code in runtime/
 * may keep objects in C locals freely.  The few callers that run long
 * Python code from C (class instantiation, exec, next() on a generator) use
 * mpy_call_rooted after pushing their temporaries with mpy_root_push.
 */
#ifndef MPY_OBJECT_H
#define MPY_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct mpy_vm mpy_vm;
typedef struct mpy_obj mpy_obj;
typedef struct mpy_type mpy_type;
typedef struct mpy_str mpy_str;
typedef struct mpy_tuple mpy_tuple;
typedef struct mpy_list mpy_list;
typedef struct mpy_dict mpy_dict;

#if defined(__GNUC__) || defined(__clang__)
#define MPY_MUST_CHECK __attribute__((warn_unused_result))
#define MPY_LIKELY(x) __builtin_expect(!!(x), 1)
#define MPY_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define MPY_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define MPY_MUST_CHECK
#define MPY_LIKELY(x) (x)
#define MPY_UNLIKELY(x) (x)
#define MPY_PRINTF(f, a)
#endif

/* ------------------------------------------------------------------ values */

typedef enum {
    MPY_TAG_NULL = 0, /* not a value: empty slot / failure */
    MPY_TAG_NONE,
    MPY_TAG_BOOL,     /* u.i is 0 or 1 */
    MPY_TAG_INT,      /* u.i */
    MPY_TAG_FLOAT,    /* u.f */
    MPY_TAG_OBJ,      /* u.o, never NULL */
} mpy_tag;

typedef struct mpy_value {
    mpy_tag tag;
    union {
        int64_t i;
        double f;
        mpy_obj *o;
    } u;
} mpy_value;

#define MPY_NULL ((mpy_value){MPY_TAG_NULL, {.i = 0}})
#define MPY_NONE ((mpy_value){MPY_TAG_NONE, {.i = 0}})
#define MPY_TRUE ((mpy_value){MPY_TAG_BOOL, {.i = 1}})
#define MPY_FALSE ((mpy_value){MPY_TAG_BOOL, {.i = 0}})

static inline bool mpy_is_null(mpy_value v) { return v.tag == MPY_TAG_NULL; }
static inline bool mpy_is_none(mpy_value v) { return v.tag == MPY_TAG_NONE; }
static inline bool mpy_is_bool(mpy_value v) { return v.tag == MPY_TAG_BOOL; }
static inline bool mpy_is_int(mpy_value v) { return v.tag == MPY_TAG_INT; }
static inline bool mpy_is_float(mpy_value v) { return v.tag == MPY_TAG_FLOAT; }
static inline bool mpy_is_obj(mpy_value v) { return v.tag == MPY_TAG_OBJ; }
/* A small int or a bool (bool is an int subtype): u.i holds the value. */
static inline bool mpy_is_smallint(mpy_value v) { return v.tag == MPY_TAG_INT || v.tag == MPY_TAG_BOOL; }

static inline int64_t mpy_as_int(mpy_value v) { return v.u.i; }
static inline double mpy_as_float(mpy_value v) { return v.u.f; }
static inline bool mpy_as_bool(mpy_value v) { return v.u.i != 0; }
static inline mpy_obj *mpy_as_obj(mpy_value v) { return v.u.o; }

static inline mpy_value mpy_from_int(int64_t i) { mpy_value v = {MPY_TAG_INT, {.i = i}}; return v; }
static inline mpy_value mpy_from_float(double f) { mpy_value v = {MPY_TAG_FLOAT, {.f = f}}; return v; }
static inline mpy_value mpy_from_bool(bool b) { mpy_value v = {MPY_TAG_BOOL, {.i = b}}; return v; }
static inline mpy_value mpy_from_obj(void *o) { mpy_value v = {MPY_TAG_OBJ, {.o = (mpy_obj *)o}}; return v; }

/* `a is b`: same tag and same payload (floats compare by bits). */
static inline bool mpy_is(mpy_value a, mpy_value b)
{
    return a.tag == b.tag && a.u.i == b.u.i;
}

/* ----------------------------------------------------------- heap objects */

/* Every heap object begins with this header.  `next` threads the GC's list
 * of all objects; `marked` is the mark bit; `gc_kind` says which allocation
 * size class the object came from (0: ordinary). */
struct mpy_obj {
    mpy_type *type;
    uint8_t marked;
    uint8_t flags;    /* per-type bits, e.g. MPY_STR_INTERNED */
    uint16_t spare;
    uint32_t size;    /* bytes allocated for the object (<4 GiB objects) */
};

/* ------------------------------------------------------------- the slots */

/* Binary operators, in one order shared by the compiler (BINARY_OP's
 * operand), the runtime's dispatch and the dunder names.  The in-place
 * forms follow the plain ones in the same order. */
#define MPY_BINOPS(X)                                                          \
    X(ADD, "+", "__add__", "__radd__", "__iadd__")                             \
    X(SUB, "-", "__sub__", "__rsub__", "__isub__")                             \
    X(MUL, "*", "__mul__", "__rmul__", "__imul__")                             \
    X(MATMUL, "@", "__matmul__", "__rmatmul__", "__imatmul__")                 \
    X(TRUEDIV, "/", "__truediv__", "__rtruediv__", "__itruediv__")             \
    X(MOD, "%", "__mod__", "__rmod__", "__imod__")                             \
    X(POW, "**", "__pow__", "__rpow__", "__ipow__")                            \
    X(LSHIFT, "<<", "__lshift__", "__rlshift__", "__ilshift__")                \
    X(RSHIFT, ">>", "__rshift__", "__rrshift__", "__irshift__")                \
    X(OR, "|", "__or__", "__ror__", "__ior__")                                 \
    X(XOR, "^", "__xor__", "__rxor__", "__ixor__")                             \
    X(AND, "&", "__and__", "__rand__", "__iand__")                             \
    X(FLOORDIV, "//", "__floordiv__", "__rfloordiv__", "__ifloordiv__")

#define MPY_BINOP_ENUM(n, sym, d, r, i) MPY_BINOP_##n,
typedef enum {
    MPY_BINOPS(MPY_BINOP_ENUM) MPY_BINOP_COUNT,
    /* In-place variant of op k is MPY_BINOP_INPLACE + k. */
    MPY_BINOP_INPLACE = MPY_BINOP_COUNT,
} mpy_binop;

/* A set of operators, for mpy_slots.binops. */
#define MPY_OPS(op) (1u << MPY_BINOP_##op)
#undef MPY_BINOP_ENUM

/* Rich comparisons, in CPython's order (Py_LT .. Py_GE). */
typedef enum { MPY_CMP_LT, MPY_CMP_LE, MPY_CMP_EQ, MPY_CMP_NE, MPY_CMP_GT, MPY_CMP_GE } mpy_cmpop;

/* Unary operators. */
typedef enum { MPY_UNARY_NEG, MPY_UNARY_POS, MPY_UNARY_INVERT } mpy_unaryop;

/* A native function: positional arguments in args[0..argc), then one value
 * per name in kwnames (NULL when there are no keywords), vectorcall style.
 * For a method of a built-in type, args[0] is self.  Returns the result, or
 * MPY_NULL with an exception pending. */
typedef mpy_value (*mpy_native_fn)(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kwnames);

/* One method in a type's method table. */
typedef enum {
    MPY_METH_DEFAULT = 0, /* instance method: args[0] is self */
    MPY_METH_STATIC = 1,  /* staticmethod: no self */
    MPY_METH_CLASS = 2,   /* classmethod: args[0] is the class */
} mpy_meth_kind;

typedef struct mpy_method_def {
    const char *name;
    mpy_native_fn fn;
    mpy_meth_kind kind;
} mpy_method_def;

/* A computed attribute of a built-in type (CPython's getset): get returns a
 * new value or MPY_NULL; set may be NULL (read-only: AttributeError "readonly
 * attribute" / "attribute '...' of '...' objects is not writable"), value
 * MPY_NULL means delete. */
typedef struct mpy_getset_def {
    const char *name;
    mpy_value (*get)(mpy_vm *vm, mpy_value self);
    bool (*set)(mpy_vm *vm, mpy_value self, mpy_value value);
} mpy_getset_def;

/* The slots of a type.  Every slot may be NULL (not supported); the
 * protocol functions in runtime/ (mpy_repr, mpy_getitem, ...) produce
 * CPython's TypeError messages then.  User classes get generic slots that
 * look up the dunder methods (runtime/class.c), like CPython's slot_tp_*. */
typedef struct mpy_slots {
    /* str(self) / repr(self): a str value or MPY_NULL */
    mpy_value (*repr)(mpy_vm *vm, mpy_value self);
    mpy_value (*str)(mpy_vm *vm, mpy_value self);
    /* hash(self); false with an exception pending (unhashable...) */
    bool (*hash)(mpy_vm *vm, mpy_value self, int64_t *out);
    /* self OP other; may return the NotImplemented value */
    mpy_value (*richcmp)(mpy_vm *vm, mpy_value self, mpy_value other, mpy_cmpop op);
    /* Arithmetic: op is a mpy_binop (< MPY_BINOP_COUNT: plain; >=: in-place).
     * Called with self as either operand, like CPython's nb_* slots: the
     * function checks which side it is on.  Returns NotImplemented when the
     * other operand is not supported. */
    mpy_value (*binop)(mpy_vm *vm, mpy_binop op, mpy_value a, mpy_value b);
    /* For a built-in type's spec: the operators it has dunders for, as
     * CPython's type does (MPY_OPS(ADD) | ...: list has __add__ and
     * __mul__, not __sub__), plain and reflected; both 0: all of them. */
    uint32_t binops, rbinops;
    mpy_value (*unary)(mpy_vm *vm, mpy_unaryop op, mpy_value self);
    /* truth value: 1 true, 0 false, -1 error.  NULL: use len, else true. */
    int (*truth)(mpy_vm *vm, mpy_value self);
    /* attribute access with an interned name; get returns MPY_NULL and sets
     * AttributeError when missing.  set with value MPY_NULL deletes. */
    mpy_value (*getattr)(mpy_vm *vm, mpy_value self, mpy_str *name);
    bool (*setattr)(mpy_vm *vm, mpy_value self, mpy_str *name, mpy_value value);
    /* Descriptor protocol (functions, properties, staticmethod...):
     * get(self, instance or MPY_NULL for class access, owner type) */
    mpy_value (*descr_get)(mpy_vm *vm, mpy_value self, mpy_value instance, mpy_type *owner);
    bool (*descr_set)(mpy_vm *vm, mpy_value self, mpy_value instance, mpy_value value);
    /* calling; argument layout as mpy_native_fn */
    mpy_value (*call)(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kwnames);
    /* iteration: iter returns an iterator; next returns the next item, or
     * MPY_NULL with NO exception when exhausted, or MPY_NULL with one. */
    mpy_value (*iter)(mpy_vm *vm, mpy_value self);
    mpy_value (*next)(mpy_vm *vm, mpy_value self);
    /* containers; len returns -1 on error.  setitem with MPY_NULL deletes.
     * contains: 1, 0, or -1 on error. */
    int64_t (*len)(mpy_vm *vm, mpy_value self);
    mpy_value (*getitem)(mpy_vm *vm, mpy_value self, mpy_value key);
    bool (*setitem)(mpy_vm *vm, mpy_value self, mpy_value key, mpy_value value);
    int (*contains)(mpy_vm *vm, mpy_value self, mpy_value item);
    /* Instance creation: type(...) calls new(type, args) then, when the
     * result is an instance of type, init(self, args).  init NULL: accept
     * what new accepted. */
    mpy_value (*new_)(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kwnames);
    bool (*init)(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kwnames);
    /* GC: mark every object the object refers to (mpy_gc_mark*), and free
     * what it owns outside the GC heap (not other objects). */
    void (*trace)(mpy_vm *vm, mpy_obj *self);
    void (*finalize)(mpy_vm *vm, mpy_obj *self);
} mpy_slots;

/* Flags of a type. */
enum {
    MPY_TF_HEAP = 1 << 0,      /* created by a class statement / type() */
    MPY_TF_BASETYPE = 1 << 1,  /* may be subclassed */
    MPY_TF_HAS_DICT = 1 << 2,  /* instances carry a __dict__ at dict_offset */
    MPY_TF_EXCEPTION = 1 << 3, /* a BaseException subclass */
    MPY_TF_INT_SUB = 1 << 4,   /* int/bool subclass (fast isinstance checks) */
    MPY_TF_STR_SUB = 1 << 5,
    MPY_TF_TUPLE_SUB = 1 << 6,
    MPY_TF_LIST_SUB = 1 << 7,
    MPY_TF_DICT_SUB = 1 << 8,
    MPY_TF_TYPE_SUB = 1 << 9,
};

/* What a built-in type's file declares (bottom of runtime/<type>.c, as
 * MicroPython's objlist.c does): the VM turns each spec into a type object
 * when it starts, so type objects are per VM and nothing global is mutable. */
typedef struct mpy_type_spec {
    const char *name;
    int base;               /* index of the base type (MPY_TYPE_*), -1: object */
    uint32_t flags;
    size_t instance_size;   /* bytes of an instance, header included */
    int dict_offset;        /* offset of a mpy_dict* in the instance, 0: none */
    mpy_slots slots;
    const mpy_method_def *methods;  /* NULL-name terminated, may be NULL */
    const mpy_getset_def *getsets;  /* NULL-name terminated, may be NULL */
    const char *doc;
} mpy_type_spec;

/* A type object (also what `class` creates). */
struct mpy_type {
    mpy_obj hdr;
    mpy_str *name;          /* __name__ */
    mpy_str *qualname;      /* __qualname__ */
    mpy_str *module;        /* __module__ of built-ins is "builtins" */
    mpy_type *base;         /* __base__; NULL only for object */
    mpy_tuple *bases;       /* __bases__ */
    mpy_tuple *mro;         /* __mro__, starting with the type itself */
    mpy_dict *dict;         /* __dict__: methods, class attributes */
    uint32_t flags;
    size_t instance_size;
    int dict_offset;
    mpy_slots slots;
    /* Cached lookups of a few dunders for heap types, refreshed when the
     * class or a base changes (runtime/class.c). */
    uint32_t version;
};

/* The built-in types in one X-macro list: X(ENUM, c_spec_name).  Each file
 * runtime/<type>.c defines `const mpy_type_spec mpy_<name>_spec`.  The order
 * is the order of creation: a base comes before its subtypes. */
#define MPY_BUILTIN_TYPES(X)                                                   \
    X(OBJECT, object) X(TYPE, type_type) X(NONE, NoneType) X(NOTIMPL, NotImplementedType) \
    X(ELLIPSIS, ellipsis) X(INT, int) X(BOOL, bool) X(FLOAT, float)            \
    X(STR, str) X(BYTES, bytes) X(BYTEARRAY, bytearray) X(TUPLE, tuple) X(LIST, list) \
    X(DICT, dict) X(SET, set) X(FROZENSET, frozenset) X(RANGE, range)          \
    X(SLICE, slice) X(FUNCTION, function) X(NATIVE, builtin_function_or_method) \
    X(METHOD, method) X(CELL, cell) X(CODE, code) X(MODULE, module)            \
    X(PROPERTY, property) X(STATICMETHOD, staticmethod) X(CLASSMETHOD, classmethod) \
    X(SUPER, super) X(GENERATOR, generator) X(TRACEBACK, traceback)            \
    X(FRAME, frame)                                                            \
    X(DICT_KEYS, dict_keys) X(DICT_VALUES, dict_values) X(DICT_ITEMS, dict_items) \
    X(ITER_SEQ, iterator) X(ITER_LIST, list_iterator) X(ITER_TUPLE, tuple_iterator) \
    X(ITER_STR, str_ascii_iterator) X(ITER_RANGE, range_iterator)             \
    X(ITER_DICT_KEYS, dict_keyiterator) X(ITER_DICT_VALUES, dict_valueiterator) \
    X(ITER_DICT_ITEMS, dict_itemiterator) X(ITER_SET, set_iterator)           \
    X(ITER_CALLABLE, callable_iterator) X(ENUMERATE, enumerate) X(ZIP, zip)    \
    X(MAP, map) X(FILTER, filter) X(REVERSED, reversed) X(ITER_LIST_REV, list_reverseiterator) \
    X(BYTES_ITER, bytes_iterator) X(MAPPINGPROXY, mappingproxy) X(GETSET, getset_descriptor) \
    X(WRAPPER, wrapper_descriptor)                                             \
    X(HOSTFN, hostfn) X(HOSTOBJ, hostobj) /* embedding API: vm/api_native.c */ \
    X(GENERICALIAS, GenericAlias) /* list[int]: runtime/genericalias.c */

#define MPY_TYPE_ENUM(e, n) MPY_TYPE_##e,
typedef enum { MPY_BUILTIN_TYPES(MPY_TYPE_ENUM) MPY_TYPE_COUNT } mpy_type_id;
#undef MPY_TYPE_ENUM

/* The built-in exception hierarchy: X(Name, Base).  Base before subclass. */
#define MPY_EXC_TYPES(X)                                                       \
    X(BaseException, object) X(SystemExit, BaseException)                      \
    X(KeyboardInterrupt, BaseException) X(GeneratorExit, BaseException)        \
    X(Exception, BaseException) X(StopIteration, Exception)                    \
    X(ArithmeticError, Exception) X(FloatingPointError, ArithmeticError)       \
    X(OverflowError, ArithmeticError) X(ZeroDivisionError, ArithmeticError)    \
    X(AssertionError, Exception) X(AttributeError, Exception)                  \
    X(BufferError, Exception) X(EOFError, Exception)                           \
    X(ImportError, Exception) X(ModuleNotFoundError, ImportError)              \
    X(LookupError, Exception) X(IndexError, LookupError) X(KeyError, LookupError) \
    X(MemoryError, Exception) X(NameError, Exception)                          \
    X(UnboundLocalError, NameError) X(OSError, Exception)                      \
    X(FileNotFoundError, OSError) X(PermissionError, OSError)                  \
    X(IsADirectoryError, OSError) X(FileExistsError, OSError)                  \
    X(NotADirectoryError, OSError) X(ReferenceError, Exception)                \
    X(RuntimeError, Exception) X(NotImplementedError, RuntimeError)            \
    X(RecursionError, RuntimeError) X(StopAsyncIteration, Exception)           \
    X(SyntaxError, Exception) X(IndentationError, SyntaxError)                 \
    X(TabError, IndentationError) X(SystemError, Exception)                    \
    X(TypeError, Exception) X(ValueError, Exception)                           \
    X(UnicodeError, ValueError) X(UnicodeDecodeError, UnicodeError)            \
    X(UnicodeEncodeError, UnicodeError) X(Warning, Exception)                  \
    X(UserWarning, Warning) X(DeprecationWarning, Warning)                     \
    X(RuntimeWarning, Warning)

#define MPY_EXC_ENUM(n, b) MPY_EXC_##n,
typedef enum { MPY_EXC_TYPES(MPY_EXC_ENUM) MPY_EXC_COUNT } mpy_exc_id;
#undef MPY_EXC_ENUM

/* The type of any value.  Heap objects carry it in their header; the
 * unboxed kinds (None, bool, int, float) ask the VM. */
mpy_type *mpy_typeof_unboxed(mpy_vm *vm, mpy_value v);
static inline mpy_type *mpy_typeof(mpy_vm *vm, mpy_value v)
{
    return v.tag == MPY_TAG_OBJ ? v.u.o->type : mpy_typeof_unboxed(vm, v);
}
/* The built-in type / exception type objects of this VM. */
mpy_type *mpy_type_get(mpy_vm *vm, mpy_type_id id);
mpy_type *mpy_exc_type(mpy_vm *vm, mpy_exc_id id);
/* Is `sub` the same as or a subclass of `sup` (walks the MRO). */
bool mpy_type_is_sub(const mpy_type *sub, const mpy_type *sup);
/* isinstance(v, t) without __instancecheck__. */
bool mpy_isinstance(mpy_vm *vm, mpy_value v, const mpy_type *t);
/* Is v a heap object whose type is exactly / a subtype of type id. */
bool mpy_is_type(mpy_vm *vm, mpy_value v, mpy_type_id id);
bool mpy_is_sub(mpy_vm *vm, mpy_value v, mpy_type_id id);
/* Look `name` up along type's MRO (no descriptors applied); MPY_NULL if
 * absent (no exception set). */
mpy_value mpy_type_lookup(mpy_vm *vm, mpy_type *type, mpy_str *name);
/* The type's name as C text (for error messages). */
const char *mpy_type_name(const mpy_type *t);
/* Shorthand for mpy_type_name(mpy_typeof(vm, v)). */
const char *mpy_tname(mpy_vm *vm, mpy_value v);

/* ------------------------------------------------------------- memory */

/* Allocate and register a heap object of `size` bytes (header included),
 * zero-filled, with its type set.  NULL with MemoryError pending when the
 * allocator fails or the VM's memory cap is reached.  Never collects. */
MPY_MUST_CHECK void *mpy_obj_alloc(mpy_vm *vm, mpy_type *type, size_t size);
/* The same with only the first `zeroed` bytes cleared (>= the header and
 * every field the collector reads), for an object whose tail of plain
 * data the caller fills at once (a big int's limbs). */
MPY_MUST_CHECK void *mpy_obj_alloc_part(mpy_vm *vm, mpy_type *type, size_t size, size_t zeroed);
/* Raw memory owned by objects (item arrays, string buffers): the VM's one
 * allocation function, counted against the cap.  realloc(p, old, 0) frees.
 * NULL with MemoryError pending on failure (nothing is freed then). */
MPY_MUST_CHECK void *mpy_mem_realloc(mpy_vm *vm, void *p, size_t old, size_t size);
void mpy_mem_free(mpy_vm *vm, void *p, size_t size);

/* GC marking, for trace slots. */
void mpy_gc_mark_obj(mpy_vm *vm, mpy_obj *o);
static inline void mpy_gc_mark(mpy_vm *vm, mpy_value v)
{
    if (v.tag == MPY_TAG_OBJ) mpy_gc_mark_obj(vm, v.u.o);
}
void mpy_gc_mark_array(mpy_vm *vm, const mpy_value *v, size_t n);

/* Temporary roots for C code that calls long-running Python code through
 * mpy_call_rooted (see the header comment).  Pops must match pushes. */
bool mpy_root_push(mpy_vm *vm, mpy_value v);
/* What a C function that lets collection run in the Python code it calls
 * (list.sort's __lt__ calls) registers for the values only it holds: the
 * collector calls mark(vm, ud).  Pushed and popped in stack order. */
typedef struct mpy_c_root {
    void (*mark)(mpy_vm *vm, void *ud);
    void *ud;
    struct mpy_c_root *prev;
} mpy_c_root;
void mpy_root_pop(mpy_vm *vm, int n);

/* A safe point: collect if the allocation debt says so and collection is
 * not blocked.  Only the interpreter loop calls this. */
void mpy_gc_safepoint(mpy_vm *vm);
/* Collect now (gc.collect()); returns the number of objects freed.  Only
 * valid where mpy_gc_safepoint would be: besides freeing, a collection
 * runs Python code (generators closed, __del__ methods; runtime/gc.c), so
 * the caller must be at a safe point or have no frame running. */
size_t mpy_gc_collect(mpy_vm *vm);

#endif
