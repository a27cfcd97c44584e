/* minipy's embedding API: the only header a host program includes
 * (installed as <minipy/vm.h>).
 *
 * A host creates any number of independent VMs (nothing is global), each
 * configured by a mpy_config whose hooks replace minipy's input, output and
 * memory allocation, and runs source code in them.  Nothing in the library
 * prints on its own or calls exit(): output goes through `write`, errors
 * come back as a mpy_result with the exception kept for the host to inspect
 * or print (mpy_print_exception).
 *
 * This is the first cut of the API (what the `minipy` program needs); the
 * namespace, value and console parts arrive with the `code` module work.
 */
#ifndef MPY_VM_H
#define MPY_VM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct mpy_vm mpy_vm;

/* What an entry point did. */
typedef enum {
    MPY_OK = 0,
    MPY_INCOMPLETE,     /* console input needs more lines */
    MPY_SYNTAX_ERROR,   /* the source did not compile; the SyntaxError is pending */
    MPY_RUNTIME_ERROR,  /* an exception escaped; it is pending */
    MPY_NO_MEMORY,      /* MemoryError escaped */
    MPY_SYSTEM_EXIT,    /* SystemExit escaped; mpy_exit_status() gives the status */
} mpy_result;

/* How source is compiled, as the modes of Python's compile(). */
typedef enum {
    MPY_EXEC_FILE,      /* "exec": a module or script */
    MPY_EXEC_SINGLE,    /* "single": one console statement; expression values are echoed */
    MPY_EXEC_EVAL,      /* "eval": one expression */
} mpy_exec_mode;

/* Output streams for the write hook. */
typedef enum { MPY_STDOUT = 1, MPY_STDERR = 2 } mpy_stream;

typedef struct mpy_config {
    /* Allocates, grows and frees all memory, like Lua's lua_Alloc:
     * realloc(ud, NULL, 0, n) allocates, realloc(ud, p, old, 0) frees and
     * returns NULL, otherwise resizes.  Returning NULL for a non-zero size
     * is an allocation failure, which minipy turns into MemoryError.
     * NULL: the C library's realloc/free. */
    void *(*realloc)(void *user_data, void *ptr, size_t old_size, size_t new_size);
    /* Program output: sys.stdout / sys.stderr writes, tracebacks.
     * NULL: fwrite to the C library's stdout / stderr. */
    void (*write)(mpy_vm *vm, mpy_stream stream, const char *text, size_t len);
    /* Reads one line for input() / the console, after showing `prompt`
     * (the hook shows it; the default writes it to stdout unless the
     * console asks for stderr).  Returns the line without its newline,
     * valid until the next call, and its length in *len; NULL at end of
     * input.  NULL hook: read the C library's stdin. */
    const char *(*read_line)(mpy_vm *vm, const char *prompt, size_t *len);
    /* Bytes of memory the VM may hold (0: no limit); beyond it
     * allocations raise MemoryError. */
    size_t memory_limit;
    /* sys.argv (argc may be 0: sys.argv is ['']). */
    int argc;
    const char *const *argv;
    /* For the host; minipy never touches it. */
    void *user_data;
} mpy_config;

/* Fills *cfg with the defaults; call it first and set only what you need,
 * so that fields added later keep their defaults. */
void mpy_config_init(mpy_config *cfg);

/* A new VM (cfg NULL: defaults).  NULL if memory runs out. */
mpy_vm *mpy_vm_new(const mpy_config *cfg);
void mpy_vm_free(mpy_vm *vm);
void *mpy_vm_user_data(mpy_vm *vm);

/* Compiles and runs src[0..len) in the __main__ module's namespace.
 * `filename` appears in tracebacks and SyntaxErrors ("<stdin>", "<string>",
 * a path).  In MPY_EXEC_SINGLE mode expression values are echoed through
 * sys.displayhook.  On MPY_SYNTAX_ERROR / MPY_RUNTIME_ERROR /
 * MPY_NO_MEMORY / MPY_SYSTEM_EXIT the exception stays pending until
 * mpy_print_exception or mpy_clear_exception. */
mpy_result mpy_exec(mpy_vm *vm, const char *src, size_t len, const char *filename, mpy_exec_mode mode);

/* Prints the pending exception as CPython does (traceback, chained
 * exceptions, SyntaxError caret block) through sys.excepthook / the write
 * hook, and clears it. */
void mpy_print_exception(mpy_vm *vm);
void mpy_clear_exception(mpy_vm *vm);
/* The exit status of a pending SystemExit: its code when it is an int,
 * 0 for None, else 1 (after printing the code to stderr, as CPython). */
int mpy_exit_status(mpy_vm *vm);

/* Raises KeyboardInterrupt in the running code at its next safe point.
 * Async-signal-safe: call it from a SIGINT handler. */
void mpy_vm_interrupt(mpy_vm *vm);

/* The version string ("3.11.0 (minipy ...)"), for -V. */
const char *mpy_version(void);

/* Puts `dir` first in sys.path, as python3 does with the script's
 * directory ("" for -c and the console: the current directory). */
void mpy_set_path0(mpy_vm *vm, const char *dir);

/* Compiles src as a module and writes its disassembly (every code object,
 * nested ones included) to the stdout hook.  For tests and curiosity. */
mpy_result mpy_dis(mpy_vm *vm, const char *src, size_t len, const char *filename);

/* ------------------------------------------------------------ console */

/* A console buffer, as code.InteractiveConsole keeps one: lines are pushed
 * one at a time; when the lines so far form a complete statement it is
 * compiled in "single" mode and run in __main__, and the buffer empties.
 * `filename` names the source in tracebacks ("<stdin>", "<console>"). */
typedef struct mpy_console mpy_console;
mpy_console *mpy_console_new(mpy_vm *vm, const char *filename);
void mpy_console_free(mpy_console *c);
/* Pushes one line (without its newline).  MPY_INCOMPLETE: more lines are
 * needed (show sys.ps2).  Otherwise the statement ran, or failed to
 * compile; the result says how, and an exception is left pending for
 * mpy_print_exception. */
mpy_result mpy_console_push(mpy_console *c, const char *line, size_t len);
/* Drops the lines pushed so far (KeyboardInterrupt while typing, EOF). */
void mpy_console_reset(mpy_console *c);

/* The current value of sys.ps1 / sys.ps2 as text (str() of the object,
 * as CPython's console does); valid until the next call into the VM. */
const char *mpy_prompt(mpy_vm *vm, bool continuation);

#endif
