/* Code objects: what the compiler produces and the interpreter runs.
 *
 * A code object is a heap object (type `code`), immutable once built.  It
 * holds the instruction words, constants, names, the variable layout of its
 * frame, the exception table and the line table.
 *
 * Frame layout (interp.c): nlocals local slots (parameters first, in
 * CPython's order: positional-only, positional, keyword-only, *args,
 * **kwargs, then other locals), then ncells + nfree cell slots (cellvars,
 * then freevars, as LOAD_DEREF numbers them), then up to stacksize values.
 * A parameter that is also a cell variable is copied into its cell when the
 * frame starts (cell2arg).
 */
#ifndef MPY_CODE_H
#define MPY_CODE_H

#include <stdint.h>

#include "runtime/object.h"
#include "opcodes.h"

/* Code flags (CPython's CO_* meanings). */
enum {
    MPY_CO_OPTIMIZED = 1,    /* locals are slots (functions); else a dict */
    MPY_CO_NEWLOCALS = 2,
    MPY_CO_VARARGS = 4,
    MPY_CO_VARKEYWORDS = 8,
    MPY_CO_NESTED = 16,
    MPY_CO_GENERATOR = 32,
    MPY_CO_NOFREE = 64,
};

/* An exception-table entry: an exception raised by an instruction in
 * [start, end) jumps to target after popping the stack to `depth` values,
 * pushing the faulting instruction index first when lasti is set.  Entries
 * are sorted innermost first for equal starts; lookup takes the first match. */
typedef struct mpy_exc_entry {
    uint32_t start, end, target;
    uint16_t depth;
    uint16_t lasti;
} mpy_exc_entry;

/* Position table: one entry per run of instructions with the same source
 * position (that of the AST node being compiled when they were emitted). */
typedef struct mpy_line_entry {
    uint32_t start;         /* first instruction index of the run */
    int32_t line;           /* -1: no line (artificial code) */
    int32_t end_line;
    int32_t col, end_col;   /* 0-based UTF-8 byte columns; -1: unknown */
} mpy_line_entry;

/* How a code object stores its runs: 12 bytes rather than 20 (the table
 * has an entry for most instructions, now that it holds columns).  The
 * first instruction fits 24 bits (jump operands limit code to that); the
 * high 8 bits are end_line - line (MPY_POS_NO_END: unknown; 254 stands
 * for 254 or more, all the caret printer needs to know of a long span).
 * Columns of 0xFFFF and more are stored as unknown. */
typedef struct mpy_packed_pos {
    uint32_t start_span;
    int32_t line;
    uint16_t col, end_col;
} mpy_packed_pos;

#define MPY_POS_NO_END 255
#define MPY_POS_NO_COL 0xFFFF

mpy_packed_pos mpy_pos_pack(const mpy_line_entry *e);

/* LOAD_GLOBAL's cache, one per name: where the name was found, valid while
 * the globals (and, for a builtin, the builtins) dict keeps the version it
 * had then.  A dict's version changes on insertion, deletion and resizing,
 * never on a plain value update, so the cached entry index stays right and
 * the value is read from the entry each time. */
typedef struct mpy_global_cache {
    mpy_dict *globals;
    uint64_t gver, bver;
    int32_t ix;
    bool builtin;
} mpy_global_cache;

/* Attribute caches of LOAD_ATTR / LOAD_METHOD / STORE_ATTR, one per name of
 * the code object (the same name is almost always used on the same type):
 * for an instance of `type`, while the type attribute cache's epoch is
 * unchanged, what the generic attribute machinery would do. */
typedef enum {
    MPY_AC_NONE = 0,
    MPY_AC_INSTANCE,   /* load: instance dict, then `descr` (class attribute / non-data descriptor / NULL) */
    MPY_AC_DATA,       /* load/store: `descr` is a data descriptor (property, slot) */
    MPY_AC_METHOD,     /* load method: `descr` is a plain function, unless the instance dict has the name */
    MPY_AC_STORE_DICT, /* store: straight into the instance dict */
} mpy_attr_cache_kind;

#define MPY_AC_WAYS 4 /* entries per name */

typedef struct mpy_attr_cache {
    mpy_type *type;
    uint64_t epoch;
    mpy_value descr;
    uint8_t load_kind, store_kind, method_kind;
    /* Where the name sat in the last instance dict seen: instances of one
     * class fill their dicts in the same order, so it is usually the
     * same entry, found without hashing or probing. */
    uint32_t hint;
} mpy_attr_cache;

typedef struct mpy_code {
    mpy_obj hdr;
    uint32_t *code;          /* ncode instruction words */
    uint32_t ncode;
    mpy_value *consts;       /* nconsts */
    uint32_t nconsts;
    mpy_str **names;         /* nnames, interned */
    uint32_t nnames;
    mpy_str **varnames;      /* nlocals local names */
    uint32_t nlocals;
    mpy_str **cellvars;      /* ncells */
    uint32_t ncells;
    mpy_str **freevars;      /* nfree */
    uint32_t nfree;
    int32_t *cell2arg;       /* ncells entries: parameter slot or -1; NULL if none */
    uint32_t argcount;       /* positional (including positional-only) */
    uint32_t posonlyargcount;
    uint32_t kwonlyargcount;
    uint32_t flags;
    uint32_t stacksize;
    mpy_exc_entry *exctable;
    uint32_t nexc;
    mpy_packed_pos *lines;
    uint32_t nlines;
    int firstlineno;
    mpy_str *name;           /* co_name */
    mpy_str *qualname;       /* co_qualname */
    mpy_str *filename;       /* co_filename */
    mpy_global_cache *gcache; /* nnames entries, made on first LOAD_GLOBAL; NULL until then */
    mpy_attr_cache *acache;   /* MPY_AC_WAYS * nnames entries, made on first attribute access; NULL until then */
} mpy_code;

/* A new, empty code object (all arrays NULL).  The compiler fills it in
 * with arrays from mpy_mem_realloc; finalize frees them. */
mpy_code *mpy_code_new(mpy_vm *vm);
/* Source line of instruction index `pc` (-1 when unknown). */
int mpy_code_line(const mpy_code *co, uint32_t pc);
/* Full source position of instruction `pc`: false (and *pos all -1) when
 * unknown. */
bool mpy_code_position(const mpy_code *co, uint32_t pc, mpy_line_entry *pos);
extern const mpy_type_spec mpy_code_spec;

#endif
