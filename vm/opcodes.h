/* The bytecode instruction set, declared once.
 *
 * An instruction is one 32-bit word: the opcode in the low 8 bits and an
 * unsigned 24-bit operand above it (Lua's fixed-width layout: decoding is a
 * mask and a shift, jumps are plain word indexes, no EXTENDED_ARG).
 *
 * MPY_OP(NAME, effect, operand) per opcode:
 *   effect  the stack effect when it is fixed; MPY_VAR when it depends on
 *           the operand (compile.c's stack_effect() computes it);
 *   operand NONE, CONST (index into co_consts), NAME (index into co_names,
 *           interned strs), LOCAL (slot), CELL (index into cells: cellvars
 *           then freevars), JUMP (absolute instruction index), COUNT, or
 *           OTHER (documented at the opcode).
 * The table expands into the enum (code.h), stack effects (compile.c),
 * dispatch labels (interp.c) and names (disasm.c).
 *
 * Semantics follow CPython 3.11's instructions of the same name unless the
 * comment says otherwise.  Stack pictures list the top of the stack last.
 */
#ifndef MPY_OPCODES_H
#define MPY_OPCODES_H

#define MPY_VAR 100

#define MPY_OPCODES(X)                                                         \
    /* --- stack ---                                                         */\
    X(NOP, 0, NONE)                                                            \
    X(POP_TOP, -1, NONE)          /* v -> */                                   \
    X(COPY, 1, COUNT)             /* .. v(n) .. -> .. v(n) .. v : COPY 1 dups TOS */ \
    X(SWAP, 0, COUNT)             /* swap TOS with the n-th item (n >= 2) */   \
    X(LOAD_CONST, 1, CONST)       /* -> consts[i] */                           \
    X(PUSH_NULL, 1, NONE)         /* -> NULL (a marker for CALL, see below) */ \
    /* --- variables ---                                                     */\
    X(LOAD_FAST, 1, LOCAL)        /* UnboundLocalError if the slot is empty */ \
    X(STORE_FAST, -1, LOCAL)                                                   \
    X(DELETE_FAST, 0, LOCAL)                                                   \
    X(LOAD_DEREF, 1, CELL)        /* cell contents; NameError "free variable 'x' referenced before assignment..." / UnboundLocalError */ \
    X(STORE_DEREF, -1, CELL)                                                   \
    X(DELETE_DEREF, 0, CELL)                                                   \
    X(LOAD_CLOSURE, 1, CELL)      /* -> the cell object itself */             \
    X(LOAD_CLASSDEREF, 1, CELL)   /* class body: locals dict first, then the cell */ \
    X(LOAD_GLOBAL, 1, NAME)       /* globals, then builtins; NameError */      \
    X(STORE_GLOBAL, -1, NAME)                                                  \
    X(DELETE_GLOBAL, 0, NAME)                                                  \
    X(LOAD_NAME, 1, NAME)         /* locals dict, globals, builtins */         \
    X(STORE_NAME, -1, NAME)                                                    \
    X(DELETE_NAME, 0, NAME)                                                    \
    /* --- attributes and items ---                                          */\
    X(LOAD_ATTR, 0, NAME)         /* obj -> obj.name */                        \
    X(STORE_ATTR, -2, NAME)       /* v obj -> ; obj.name = v */                \
    X(DELETE_ATTR, -1, NAME)      /* obj -> */                                 \
    X(LOAD_METHOD, 1, NAME)       /* obj -> meth self | NULL attr (CPython 3.11: self-or-NULL
                                     then callable; ours: callable then self-or-NULL, see CALL) */ \
    X(BINARY_SUBSCR, -1, NONE)    /* obj key -> obj[key] */                    \
    X(STORE_SUBSCR, -3, NONE)     /* v obj key -> */                           \
    X(DELETE_SUBSCR, -2, NONE)    /* obj key -> */                             \
    X(BUILD_SLICE, MPY_VAR, COUNT)/* lo hi [step] -> slice ; n is 2 or 3 */    \
    /* --- operators ---                                                     */\
    X(BINARY_OP, -1, OTHER)       /* a b -> a OP b ; operand: mpy_binop (in-place ones too) */ \
    X(UNARY_NEGATIVE, 0, NONE)                                                 \
    X(UNARY_POSITIVE, 0, NONE)                                                 \
    X(UNARY_INVERT, 0, NONE)                                                   \
    X(UNARY_NOT, 0, NONE)                                                      \
    X(COMPARE_OP, -1, OTHER)      /* a b -> a OP b ; operand: mpy_cmpop */     \
    X(IS_OP, -1, OTHER)           /* a b -> a is b ; operand 1: is not */      \
    X(CONTAINS_OP, -1, OTHER)     /* a b -> a in b ; operand 1: not in */      \
    /* --- control flow ---                                                  */\
    X(JUMP, 0, JUMP)              /* a backward JUMP is a GC/interrupt safe point */ \
    X(POP_JUMP_IF_FALSE, -1, JUMP)                                             \
    X(POP_JUMP_IF_TRUE, -1, JUMP)                                              \
    X(POP_JUMP_IF_NONE, -1, JUMP)                                              \
    X(POP_JUMP_IF_NOT_NONE, -1, JUMP)                                          \
    X(JUMP_IF_FALSE_OR_POP, MPY_VAR, JUMP) /* v -> v (jump) | -> (fall through) */ \
    X(JUMP_IF_TRUE_OR_POP, MPY_VAR, JUMP)                                      \
    X(GET_ITER, 0, NONE)          /* obj -> iter(obj) */                       \
    X(FOR_ITER, MPY_VAR, JUMP)    /* it -> it next(it) | (exhausted: pop it, jump) */ \
    X(RETURN_VALUE, -1, NONE)                                                  \
    /* --- building ---                                                      */\
    X(BUILD_TUPLE, MPY_VAR, COUNT)                                             \
    X(BUILD_LIST, MPY_VAR, COUNT)                                              \
    X(BUILD_SET, MPY_VAR, COUNT)                                               \
    X(BUILD_MAP, MPY_VAR, COUNT)  /* k1 v1 .. kn vn -> dict */                 \
    X(BUILD_STRING, MPY_VAR, COUNT) /* s1 .. sn -> s1+..+sn (f-strings) */     \
    X(LIST_APPEND, -1, COUNT)     /* list .. (n-1 items) v -> list .. ; list is the n-th item after popping v */ \
    X(SET_ADD, -1, COUNT)                                                      \
    X(MAP_ADD, -2, COUNT)         /* dict .. k v -> dict .. */                 \
    X(LIST_EXTEND, -1, COUNT)     /* list .. iterable -> list .. */            \
    X(SET_UPDATE, -1, COUNT)                                                   \
    X(DICT_UPDATE, -1, COUNT)     /* {**x} */                                  \
    X(DICT_MERGE, -1, COUNT)      /* f(**x): TypeError on duplicate keys / non-mapping */ \
    X(LIST_TO_TUPLE, 0, NONE)                                                  \
    X(UNPACK_SEQUENCE, MPY_VAR, COUNT) /* seq -> vn .. v1 (v1 on top) */       \
    X(UNPACK_EX, MPY_VAR, OTHER)  /* operand: before | after << 12 ; pushes after..list..before, first on top */ \
    X(FORMAT_VALUE, MPY_VAR, OTHER) /* v [spec] -> str ; operand: conv (0 none,1 s,2 r,3 a) | 4 if spec */ \
    /* --- calls and functions ---                                           */\
    X(CALL, MPY_VAR, COUNT)       /* f self-or-NULL a1..an -> result ; when self is not NULL it is passed first */ \
    X(CALL_KW, MPY_VAR, COUNT)    /* f self-or-NULL a1..an kwnames -> result ; n counts every value, kwnames (a const tuple) names the last ones */ \
    X(CALL_EX, MPY_VAR, OTHER)    /* f NULL argstuple [kwdict] -> result ; operand 1: kwdict present */ \
    X(MAKE_FUNCTION, MPY_VAR, OTHER) /* [defaults] [kwdefaults] [annotations] [closure] code -> fn ; operand bits 1,2,4,8 as CPython */ \
    X(LOAD_BUILD_CLASS, 1, NONE)  /* -> builtins.__build_class__ */            \
    X(SETUP_ANNOTATIONS, 0, NONE)                                              \
    /* --- generators ---                                                    */\
    X(YIELD_VALUE, 0, NONE)       /* v -> sent */                              \
    X(GET_YIELD_FROM_ITER, 0, NONE)                                            \
    X(YIELD_FROM, -1, NONE)       /* iter v -> result: delegate until StopIteration; then push its value.  (CPython 3.10 style, simpler than SEND) */ \
    /* --- exceptions ---                                                    */\
    X(RAISE_VARARGS, MPY_VAR, COUNT) /* 0: re-raise current; 1: exc; 2: exc cause */ \
    X(PUSH_EXC_INFO, 1, NONE)     /* exc -> prev_exc exc ; makes exc the one being handled */ \
    X(POP_EXCEPT, -1, NONE)       /* prev_exc -> ; restores the handled exception */ \
    X(RERAISE, -1, OTHER)         /* exc -> (raises) ; operand 1: the stack holds lasti below exc, restore it (traceback line) */ \
    X(CHECK_EXC_MATCH, 0, NONE)   /* exc type -> exc bool ; TypeError if type is not an exception class/tuple */ \
    X(LOAD_ASSERTION_ERROR, 1, NONE)                                           \
    X(BEFORE_WITH, 1, NONE)       /* mgr -> exit enter_result */               \
    X(WITH_EXCEPT_START, 1, NONE) /* exit lasti prev_exc exc -> exit lasti prev_exc exc res ; res = exit(type, exc, tb) */ \
    /* --- modules ---                                                       */\
    X(IMPORT_NAME, -1, NAME)      /* level fromlist -> module */               \
    X(IMPORT_FROM, 1, NAME)       /* module -> module module.name (ImportError "cannot import name") */ \
    X(IMPORT_STAR, -1, NONE)      /* module -> */                              \
    /* --- console ---                                                       */\
    X(PRINT_EXPR, -1, NONE)       /* v -> ; sys.displayhook(v) (single mode) */ \
    /* --- pairs fused by the compiler's last pass (see MPY_FUSE_SHIFT) ---  */\
    X(LOAD_FAST_LOAD_FAST, 2, OTHER)                                           \
    X(LOAD_FAST_LOAD_CONST, 2, OTHER)                                          \
    X(STORE_FAST_LOAD_FAST, 0, OTHER)                                          \
    /* --- BINARY_OP for + - * (and += -= *=), same operand, by the last pass */\
    X(BINARY_ADD, -1, OTHER)                                                   \
    X(BINARY_SUB, -1, OTHER)                                                   \
    X(BINARY_MUL, -1, OTHER)

#define MPY_OP_ENUM(name, effect, operand) MPY_OP_##name,
typedef enum { MPY_OPCODES(MPY_OP_ENUM) MPY_OP_COUNT } mpy_opcode;
#undef MPY_OP_ENUM

#define MPY_INS(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define MPY_INS_OP(ins) ((ins) & 0xff)
#define MPY_INS_ARG(ins) ((ins) >> 8)
#define MPY_INS_ARG_MAX 0xffffff

/* Fused pairs.  The most frequent pairs of instructions (a third of all
 * dispatches in the benchmarks begin one) run as one: the first word
 * becomes LOAD_FAST_LOAD_FAST etc., with both operands (12 bits each: the
 * first below MPY_FUSE_SHIFT), and the fused instruction skips the second
 * word, which stays as it was.  A jump to the second word therefore still
 * runs it alone, so fusing needs no knowledge of jump targets.  The
 * disassembler shows the first instruction as it was, and BINARY_ADD,
 * BINARY_SUB and BINARY_MUL (BINARY_OP picked by operator, to save the
 * second dispatch on it) as BINARY_OP. */
#define MPY_FUSE_SHIFT 12
#define MPY_FUSE_MAX ((1u << MPY_FUSE_SHIFT) - 1)

#endif
