/* struct mpy_vm: everything one interpreter instance owns.  Nothing in
 * minipy is global, so any number of VMs can coexist in one process.
 *
 * Only vm/ and runtime/ include this header; embedders see the opaque
 * mpy_vm of vm/vm.h.
 */
#ifndef MPY_STATE_H
#define MPY_STATE_H

#include <signal.h>

#include "vm/vm.h"
#include "runtime/object.h"

/* Interned names the runtime uses often, created when the VM starts:
 * vm->names.X is the interned str for the X spelled in the table. */
#define MPY_NAMES(X)                                                           \
    X(__init__) X(__new__) X(__repr__) X(__str__) X(__hash__) X(__eq__)        \
    X(__ne__) X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__len__) X(__bool__)   \
    X(__getitem__) X(__setitem__) X(__delitem__) X(__contains__) X(__iter__)   \
    X(__next__) X(__call__) X(__enter__) X(__exit__) X(__getattr__)            \
    X(__getattribute__) X(__setattr__) X(__delattr__) X(__get__) X(__set__)    \
    X(__delete__) X(__name__) X(__qualname__) X(__module__) X(__doc__)         \
    X(__dict__) X(__class__) X(__bases__) X(__mro__) X(__builtins__)           \
    X(__annotations__) X(__index__) X(__int__) X(__float__) X(__neg__)         \
    X(__pos__) X(__invert__) X(__abs__) X(__format__) X(__reversed__)          \
    X(__missing__) X(__init_subclass__) X(__set_name__) X(__slots__)           \
    X(__file__) X(__main__) X(__import__) X(__build_class__) X(__round__)      \
    X(__trunc__) X(__floor__) X(__ceil__) X(__instancecheck__)                 \
    X(__subclasscheck__) X(__class_getitem__) X(__traceback__) X(__cause__)    \
    X(__context__) X(__suppress_context__) X(__package__) X(__spec__)          \
    X(__loader__) X(__path__) X(__all__) X(__divmod__) X(__rdivmod__)          \
    X(__classcell__) X(__prepare__) X(__weakref__) X(__length_hint__)          \
    X(__sizeof__) X(__dir__) X(__del__) X(__self__) X(args) X(value) X(code) X(send)       \
    X(throw) X(close) X(keys) X(items) X(values) X(write) X(flush) X(read)     \
    X(readline) X(get) X(append) X(stdout) X(stderr) X(stdin)                  \
    X(displayhook) X(excepthook) X(ps1) X(ps2) X(_) X(builtins) X(self)        \
    X(msg) X(filename) X(lineno) X(offset) X(text) X(end_lineno)               \
    X(end_offset) X(print_file_and_line) X(name) X(path) X(obj) X(key)         \
    X(reverse) X(sep) X(end) X(file) X(start) X(strict)

typedef struct mpy_names {
#define MPY_NAME_FIELD(n) mpy_str *n;
    MPY_NAMES(MPY_NAME_FIELD)
#undef MPY_NAME_FIELD
} mpy_names;

typedef struct mpy_frame mpy_frame;

struct mpy_vm {
    mpy_config config;

    /* --- memory and GC (runtime/gc.c) --- */
    size_t bytes_allocated;   /* live bytes, objects and owned buffers */
    size_t next_gc;           /* collect at the next safe point beyond this */
    size_t peak_bytes;
    mpy_obj **objs;           /* every heap object, oldest first (raw memory) */
    size_t nobjs, capobjs;
    int gc_block;             /* > 0: a C caller holds unrooted objects */
    bool stress_gc;           /* collect at every safe point (MPY_STRESS_GC) */
    mpy_obj **gray;           /* mark stack */
    size_t ngray, capgray;
    void *pool;               /* runtime/pool.c: small-object free lists and blocks */
    mpy_value *roots;         /* mpy_root_push stack */
    struct mpy_c_root *c_roots; /* C code's registered arrays (mpy_c_root) */
    int nroots, caproots;

    /* --- interned strings (runtime/intern.c): open addressing, weak --- */
    mpy_str **intern;
    size_t intern_cap, intern_count;
    mpy_str *ascii_chars[128];  /* one-character ASCII strs, made on first use; GC roots */
#define MPY_CSTR_CACHE 256
    struct { const char *key; mpy_str *str; } cstr_cache[MPY_CSTR_CACHE]; /* mpy_str_intern_cstr */

    /* --- types and singletons --- */
    mpy_type *types[MPY_TYPE_COUNT];
    mpy_type *exc_types[MPY_EXC_COUNT];
    mpy_tuple *empty_tuple;
    mpy_str *empty_str;
    mpy_obj *notimpl, *ellipsis;
    mpy_value memerr;         /* preallocated MemoryError instance */
    mpy_names names;

    /* --- exceptions (runtime/exc.c) --- */
    mpy_value exc;            /* pending exception, MPY_NULL: none */
    mpy_value exc_info;       /* exception being handled (sys.exc_info()), MPY_NULL: none */

    /* --- namespaces and modules --- */
    mpy_dict *builtins;       /* the builtins module's dict */
    mpy_dict *modules;        /* sys.modules */
    mpy_obj *sys;             /* the sys module */
    mpy_obj *builtins_module;

    /* --- interpreter (vm/interp.c) --- */
    mpy_frame *frame;         /* innermost running frame */
    int depth;                /* Python call depth, for RecursionError */
    int recursion_limit;      /* sys.getrecursionlimit() */
    int c_depth;              /* native nesting (repr, eq, calls from C) */
    volatile sig_atomic_t interrupt; /* mpy_vm_interrupt sets it */
    void *interp_state;       /* owned by interp.c: value stack chunks etc. */
    void *type_cache;         /* runtime/type.c: (type, name) lookup cache, or NULL */
    uint64_t type_epoch;      /* moves on when any cached lookup may be stale */

    /* --- embedding API (vm/api_*.c; fields appended by the api helper) --- */
    mpy_list *api_handles;    /* handle h lives in slot h-1; rooted at the bottom of roots */
    mpy_list *api_free;       /* free slot numbers of api_handles */
    bool (*api_check)(mpy_vm *vm, void *ud); /* mpy_vm_set_check_hook */
    void *api_check_ud;
    void *api_capture;        /* text buffer while an exception is formatted to a string */

    /* --- finalization (runtime/gc.c, vm/gen.c, runtime/mod_gc.c; appended by the fin helper) ---
     * Generators and instances of classes defining __del__ are registered
     * when made (fin_reg, weak: entries never outlive their object); a
     * collection moves the unreachable ones that need finalizing to
     * fin_queue, keeps them alive for that cycle, and runs them after the
     * sweep.  Raw memory, like the gray stack. */
#define MPY_TF_HAS_DEL (1u << 16)     /* mpy_type.flags: the class defines __del__ (runtime/class.c) */
#define MPY_OBJ_FIN_REGISTERED 0x10   /* mpy_obj.flags: on fin_reg */
#define MPY_OBJ_FINALIZED 0x20        /* mpy_obj.flags: __del__ ran (at most once per object, PEP 442) */
    mpy_obj **fin_reg;
    size_t nfin_reg, capfin_reg;
    mpy_obj **fin_queue;
    size_t nfin_queue, capfin_queue, fin_next;
    bool fin_running;         /* run_finalizers is on the C stack */
    bool gc_disabled;         /* gc.disable(): see runtime/mod_gc.c */
    int64_t gc_threshold[3];  /* gc.set_threshold values, reported back only */
};

/* Guard for C recursion (repr of nested lists, __eq__ calling itself...):
 * raises RecursionError "maximum recursion depth exceeded..." when native
 * nesting passes the limit.  Pair every successful enter with a leave. */
#define MPY_C_DEPTH_MAX 1200
bool mpy_c_enter(mpy_vm *vm, const char *where);
static inline void mpy_c_leave(mpy_vm *vm) { vm->c_depth--; }

/* Finalization (runtime/gc.c).  Registers o as possibly needing a
 * finalizer (its class defines __del__, or it is a generator); false with
 * MemoryError pending when the registry cannot grow. */
MPY_MUST_CHECK bool mpy_gc_track_finalizer(mpy_vm *vm, mpy_obj *o);
/* Registers the existing instances of t (t just gained a __del__). */
void mpy_gc_track_type(mpy_vm *vm, mpy_type *t);
/* VM teardown (mpy_vm_free): runs the finalizers of the objects still
 * alive, as CPython does at interpreter exit: __main__'s globals in their
 * order first, then the others, oldest first. */
void mpy_vm_finalize(mpy_vm *vm);

#endif
