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
 * The header has four parts: the VM and its configuration; values and
 * namespaces, seen through handles (see "Value lifetime" below); running
 * code (exec, eval, compile_command, the console objects modelled on
 * Python's code module); and errors and control (pending exceptions,
 * interrupts, the check hook).
 *
 * Conventions.  Functions that can fail return false, a null handle
 * (MPY_NO_HANDLE), -1, or a mpy_result other than MPY_OK, and leave the
 * Python exception pending in the VM: inspect it with mpy_exception_*,
 * print it with mpy_print_exception, drop it with mpy_clear_exception.
 * Every entry point that runs code clears a stale pending exception first.
 * Text is UTF-8.  Text the library hands out is copied into buffers the
 * host owns (snprintf-style: the full length is returned, at most cap-1
 * bytes plus a NUL are written), so no pointer into the VM's heap ever
 * reaches the host.
 *
 * The shortest host (examples/console.c), built with
 * `cc host.c $(pkg-config --cflags --libs minipy)`:
 *
 *     #include <minipy/vm.h>
 *     int main(void)
 *     {
 *         mpy_vm *vm = mpy_vm_new(NULL);
 *         mpy_handle ns = mpy_new_dict(vm);
 *         mpy_entry_set_int(vm, ns, "x", 42);
 *         mpy_interact(vm, "App Console", ns, "Goodbye!");
 *         mpy_handle_release(vm, ns);
 *         mpy_vm_free(vm);
 *     }
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

/* What an error hook call reports (see mpy_config.error). */
typedef enum {
    MPY_ERROR_SYNTAX,      /* a SyntaxError: file, line, column, message */
    MPY_ERROR_RUNTIME,     /* an exception: "Type: message", no position */
    MPY_ERROR_TRACE_LINE,  /* one traceback entry: file, line, function name */
} mpy_error_kind;

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
    /* Structured error reporting, like Wren's WrenErrorFn: for the pending
     * exception mpy_report_exception calls it once with MPY_ERROR_SYNTAX
     * (a SyntaxError, col counts characters from 1), or once with
     * MPY_ERROR_RUNTIME then once per traceback entry with
     * MPY_ERROR_TRACE_LINE, innermost call first.  The texts are valid
     * during the call.  NULL: mpy_report_exception prints the report as
     * mpy_print_exception does. */
    void (*error)(mpy_vm *vm, mpy_error_kind kind, const char *file, int line, int col, const char *msg);
} mpy_config;

/* Fills *cfg with the defaults; call it first and set only what you need,
 * so that fields added later keep their defaults. */
void mpy_config_init(mpy_config *cfg);

/* A new VM (cfg NULL: defaults).  NULL if memory runs out.  A VM is used
 * by one thread at a time (mpy_vm_interrupt excepted); separate VMs share
 * nothing and may run in separate threads. */
mpy_vm *mpy_vm_new(const mpy_config *cfg);
/* Frees the VM and every value in it, whatever is pending (handles, an
 * exception, a check hook).  Free its consoles (mpy_repl_free,
 * mpy_console_free) first: they are the only host-side objects.
 * mpy_vm_free(NULL) does nothing. */
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

/* The minimal console the `minipy` program uses, on __main__; embedders
 * usually want mpy_repl (below), which is the whole of Python's code module.
 * Like python3's own console (and unlike codeop), it reports an error the
 * compiler finds in a compound statement ('return' outside function) when
 * the statement ends, not at the line that holds it.
 * A console buffer, as code.InteractiveConsole keeps one: lines are pushed
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

/* ------------------------------------------------------ value lifetime */

/* Values reach the host only as handles: small non-zero integers that name
 * a slot in the VM's handle table.  The table is a GC root, so a value is
 * kept alive exactly as long as the host holds its handle, and since the
 * host never sees an address, the collector is free to run (or, one day,
 * to move objects) between any two calls.  The rules:
 *
 * - Every function returning a mpy_handle gives the host a NEW handle that
 *   the host must release with mpy_handle_release (or leak the value until
 *   the VM is freed, which frees everything).  MPY_NO_HANDLE (0) means
 *   failure, with an exception pending.
 * - Functions taking handles only borrow them: they never release or keep
 *   the host's handle (a container keeps the value, not the handle).
 * - Handles passed TO a host function (mpy_host_fn arguments) belong to
 *   the call and are released when it returns; mpy_handle_dup one to keep
 *   it.  The handle a host function returns is taken over by the call.
 * - A handle is valid in the VM that made it, until released.  Releasing
 *   twice, or using a released handle, raises SystemError or is ignored
 *   (never memory corruption): released slots are recycled, though, so a
 *   stale handle may name another value.
 * - Handles are not scoped: one made inside a host function may be kept
 *   after it returns (store it in a struct, release it later).
 * - mpy_vm_free releases all handles at once.
 * - No call returns a pointer into the VM's heap: text is copied out into
 *   the host's buffers, and the one borrowed text pointer (a line from
 *   mpy_repl_default_raw_input) lives in memory the console owns.
 *
 * Why handles rather than a Lua-like stack: a C host keeps values in its
 * own structs across calls (debug_console's AppState.config), which a
 * stack makes awkward; and why not raw pointers: the collector runs inside
 * every exec, and the host cannot know what it frees or moves.
 */
typedef uint32_t mpy_handle;
#define MPY_NO_HANDLE ((mpy_handle)0)

/* Releases h (MPY_NO_HANDLE is ignored). */
void mpy_handle_release(mpy_vm *vm, mpy_handle h);
/* A second handle to the same value. */
mpy_handle mpy_handle_dup(mpy_vm *vm, mpy_handle h);
/* How many handles are held (for leak checks in tests). */
size_t mpy_handle_count(mpy_vm *vm);

/* ------------------------------------------------------------ values */

/* New values.  mpy_new_str takes NUL-terminated UTF-8, mpy_new_strn `len`
 * bytes (invalid UTF-8 raises UnicodeDecodeError).  All return a new
 * handle or MPY_NO_HANDLE with MemoryError pending. */
mpy_handle mpy_new_none(mpy_vm *vm);
mpy_handle mpy_new_bool(mpy_vm *vm, bool b);
mpy_handle mpy_new_int(mpy_vm *vm, int64_t i);
mpy_handle mpy_new_float(mpy_vm *vm, double d);
mpy_handle mpy_new_str(mpy_vm *vm, const char *utf8);
mpy_handle mpy_new_strn(mpy_vm *vm, const char *utf8, size_t len);
mpy_handle mpy_new_list(mpy_vm *vm);
mpy_handle mpy_new_dict(mpy_vm *vm);

/* The broad kind of a value, for hosts that convert values to their own
 * representation.  Subclasses count as their base (a bool is MPY_KIND_BOOL,
 * not INT).  MPY_KIND_INVALID: the handle is not valid. */
typedef enum {
    MPY_KIND_INVALID = 0,
    MPY_KIND_NONE,
    MPY_KIND_BOOL,
    MPY_KIND_INT,
    MPY_KIND_FLOAT,
    MPY_KIND_STR,
    MPY_KIND_LIST,
    MPY_KIND_TUPLE,
    MPY_KIND_DICT,
    MPY_KIND_CALLABLE,   /* functions, classes, host functions... */
    MPY_KIND_OTHER,
} mpy_kind;
mpy_kind mpy_kind_of(mpy_vm *vm, mpy_handle h);
/* Copies type(value).__name__ into buf (snprintf-style); 0 if h is invalid. */
size_t mpy_type_name_of(mpy_vm *vm, mpy_handle h, char *buf, size_t cap);

/* Reading values as C data.  Each returns false with an exception pending
 * (TypeError for the wrong type, OverflowError for an int that does not
 * fit) and leaves *out unchanged.  mpy_read_int accepts ints and bools
 * (and anything with __index__); mpy_read_float ints and floats;
 * mpy_read_bool any value (Python truth, which may run __bool__);
 * mpy_read_str only str, copying it snprintf-style into buf and storing
 * its full byte length in *len (len may be NULL). */
bool mpy_read_int(mpy_vm *vm, mpy_handle h, int64_t *out);
bool mpy_read_float(mpy_vm *vm, mpy_handle h, double *out);
bool mpy_read_bool(mpy_vm *vm, mpy_handle h, bool *out);
bool mpy_read_str(mpy_vm *vm, mpy_handle h, char *buf, size_t cap, size_t *len);
/* repr(value) and str(value), as new str handles. */
mpy_handle mpy_repr_of(mpy_vm *vm, mpy_handle h);
mpy_handle mpy_str_of(mpy_vm *vm, mpy_handle h);

/* Containers and attributes (the Python protocols: any object that
 * supports them works, and their exceptions propagate).
 * mpy_item_get/set/del: obj[key].  mpy_entry_*: obj["name"] with a C
 * string key, the usual way to fill a namespace dict.  mpy_length: len(),
 * -1 on error.  mpy_append: list.append. */
mpy_handle mpy_item_get(mpy_vm *vm, mpy_handle obj, mpy_handle key);
bool mpy_item_set(mpy_vm *vm, mpy_handle obj, mpy_handle key, mpy_handle value);
bool mpy_item_del(mpy_vm *vm, mpy_handle obj, mpy_handle key);
mpy_handle mpy_entry_get(mpy_vm *vm, mpy_handle obj, const char *name);
bool mpy_entry_set(mpy_vm *vm, mpy_handle obj, const char *name, mpy_handle value);
/* Shorthands that make the value, store it and release it. */
bool mpy_entry_set_none(mpy_vm *vm, mpy_handle obj, const char *name);
bool mpy_entry_set_bool(mpy_vm *vm, mpy_handle obj, const char *name, bool b);
bool mpy_entry_set_int(mpy_vm *vm, mpy_handle obj, const char *name, int64_t i);
bool mpy_entry_set_float(mpy_vm *vm, mpy_handle obj, const char *name, double d);
bool mpy_entry_set_str(mpy_vm *vm, mpy_handle obj, const char *name, const char *utf8);
int64_t mpy_length(mpy_vm *vm, mpy_handle obj);
bool mpy_append(mpy_vm *vm, mpy_handle list, mpy_handle item);
mpy_handle mpy_attr_get(mpy_vm *vm, mpy_handle obj, const char *name);
bool mpy_attr_set(mpy_vm *vm, mpy_handle obj, const char *name, mpy_handle value);
/* callable(*args): calls any Python or host callable. */
mpy_handle mpy_invoke(mpy_vm *vm, mpy_handle callable, int argc, const mpy_handle *args);

/* The __main__ module's namespace (what mpy_exec uses). */
mpy_handle mpy_main_namespace(mpy_vm *vm);

/* ------------------------------------------------------ host functions */

/* The arguments of a call to a host function: positional ones, then
 * keyword ones (names valid during the call).  The handles belong to the
 * call (see "Value lifetime"). */
typedef struct mpy_args {
    int argc;
    const mpy_handle *argv;
    int nkw;
    const char *const *kwnames;
    const mpy_handle *kwvalues;
} mpy_args;

/* A host function.  Returns a new handle (which the call takes over), or
 * MPY_NO_HANDLE after raising an exception with mpy_raise (returning
 * MPY_NO_HANDLE without one raises SystemError).  `user_data` is what was
 * given to mpy_new_function.  It may call back into the VM (exec, invoke
 * ...), also recursively. */
typedef mpy_handle (*mpy_host_fn)(mpy_vm *vm, const mpy_args *args, void *user_data);

/* A callable Python object named `name` (copied) that calls fn. */
mpy_handle mpy_new_function(mpy_vm *vm, const char *name, mpy_host_fn fn, void *user_data);

/* Raises exc_type(message) in the VM: exc_type is the name of a built-in
 * exception class ("ValueError", "KeyError"...; an unknown name raises
 * SystemError instead); message NULL means no arguments.  Returns
 * MPY_NO_HANDLE so a host function can `return mpy_raise(...)`. */
mpy_handle mpy_raise(mpy_vm *vm, const char *exc_type, const char *message);

/* ------------------------------------------------------- host structs */

/* A host C struct exposed as a Python object whose attributes read and
 * write the struct's fields in place, described by a member table (the
 * shape of CPython's PyMemberDef).  The struct stays in host memory: the
 * host keeps it alive while the object is reachable, or detaches the
 * object first (mpy_object_detach), after which attribute access raises
 * ReferenceError. */
typedef enum {
    MPY_MEMBER_INT,      /* int */
    MPY_MEMBER_INT64,    /* int64_t */
    MPY_MEMBER_DOUBLE,   /* double (assigning an int converts it) */
    MPY_MEMBER_BOOL,     /* bool (assigning requires True/False) */
    MPY_MEMBER_CSTR,     /* const char *, NULL reads as None; always read-only */
    MPY_MEMBER_CHARS,    /* char[size], NUL-terminated text; writes that do
                          * not fit raise ValueError */
    MPY_MEMBER_HANDLE,   /* mpy_handle: any Python value (lists, dicts...).
                          * Assigning rebinds the handle's slot to the new
                          * value, so the host's handle sees it */
} mpy_member_type;

typedef struct mpy_member {
    const char *name;    /* NULL ends the table */
    mpy_member_type type;
    size_t offset;       /* offsetof(struct, field) */
    size_t size;         /* MPY_MEMBER_CHARS: the array size; else 0 */
    bool readonly;       /* assignment raises AttributeError "readonly attribute" */
} mpy_member;

/* A class of host objects: the name shown by repr ("<AppState object>"),
 * the member table, and optional methods (host functions called with the
 * object as first positional argument and user_data NULL; NULL-name
 * terminated, may be NULL).  type(obj).__name__ is "hostobject" for all
 * classes; repr and attribute errors use the class name.
 * The class, its tables and their strings must outlive the VM. */
typedef struct mpy_host_method {
    const char *name;
    mpy_host_fn fn;
} mpy_host_method;

typedef struct mpy_class {
    const char *name;
    const mpy_member *members;
    const mpy_host_method *methods;
} mpy_class;

/* A new object of class `cls` viewing `data` (a pointer to the struct). */
mpy_handle mpy_new_object(mpy_vm *vm, const mpy_class *cls, void *data);
/* The struct an object views (NULL if h is not a host object of cls). */
void *mpy_object_data(mpy_vm *vm, mpy_handle h, const mpy_class *cls);
/* Cuts the object from its struct (before the host frees the struct). */
void mpy_object_detach(mpy_vm *vm, mpy_handle h);

/* -------------------------------------------------------- running code */

/* Compiles and runs src[0..len) with the namespace dict `globals` (and
 * `locals`, MPY_NO_HANDLE: the same), as Python's exec()/eval().  In
 * MPY_EXEC_EVAL mode the value goes to *result (a new handle; result may
 * be NULL otherwise); in MPY_EXEC_SINGLE mode expression values are echoed.
 * __builtins__ is added to globals when missing. */
mpy_result mpy_exec_in(mpy_vm *vm, const char *src, size_t len, const char *filename, mpy_exec_mode mode,
                       mpy_handle globals, mpy_handle locals, mpy_handle *result);
/* eval(expr, ns): the value of a NUL-terminated expression in *result. */
mpy_result mpy_eval(mpy_vm *vm, const char *expr, mpy_handle ns, mpy_handle *result);
/* Runs the file at `path` in ns (MPY_NO_HANDLE: __main__), its path as the
 * filename.  A file that cannot be read raises OSError (FileNotFoundError). */
mpy_result mpy_exec_file(mpy_vm *vm, const char *path, mpy_handle ns);
/* codeop.compile_command: compiles src in `mode` and says whether it is
 * complete.  MPY_OK: *code is a new handle to the code object;
 * MPY_INCOMPLETE: more input is needed (Python's None), *code is
 * MPY_NO_HANDLE; MPY_SYNTAX_ERROR: the SyntaxError is pending.  As in
 * codeop, source of only blank and comment lines compiles as `pass`,
 * except in eval mode, where it is incomplete.  filename NULL: "<input>". */
mpy_result mpy_compile_command(mpy_vm *vm, const char *src, size_t len, const char *filename, mpy_exec_mode mode,
                               mpy_handle *code);
/* exec(code, globals, locals) for a code object from mpy_compile_command. */
mpy_result mpy_exec_code(mpy_vm *vm, mpy_handle code, mpy_handle globals, mpy_handle locals);

/* ------------------------------------------------ errors and exceptions */

/* Is an exception pending; does it match the built-in class named
 * exc_type (subclasses included: "LookupError" matches a KeyError). */
bool mpy_has_exception(mpy_vm *vm);
bool mpy_exception_matches(mpy_vm *vm, const char *exc_type);
/* The pending exception's type name ("ZeroDivisionError"), str() message
 * ("division by zero"), and the full report as Python prints it
 * ("Traceback (most recent call last):\n..."), snprintf-style; 0 and "" when
 * nothing is pending.  The exception stays pending. */
size_t mpy_exception_type(mpy_vm *vm, char *buf, size_t cap);
size_t mpy_exception_message(mpy_vm *vm, char *buf, size_t cap);
size_t mpy_exception_format(mpy_vm *vm, char *buf, size_t cap);
/* Reports the pending exception through the config's error hook (or
 * prints it when there is none) and clears it. */
void mpy_report_exception(mpy_vm *vm);
/* Takes the pending exception out as a new handle (none pending: 0), and
 * makes an exception handle pending again (it must be an exception). */
mpy_handle mpy_exception_fetch(mpy_vm *vm);
bool mpy_exception_restore(mpy_vm *vm, mpy_handle exc);

/* The check hook: called at the interpreter's safe points (every backward
 * jump and every call) while Python code runs.  Return true to go on;
 * false stops the script by raising, at that point, the exception the hook
 * raised with mpy_raise, or KeyboardInterrupt("stopped by the host") when
 * it raised none.  An instruction budget is a counter in user_data.  The
 * hook keeps being called (so a script that catches the exception and
 * loops on is stopped again at its next safe point).  It must not run
 * Python code.  NULL removes the hook.  With a hook installed every safe
 * point takes the slow path, so keep the hook cheap. */
typedef bool (*mpy_check_fn)(mpy_vm *vm, void *user_data);
void mpy_vm_set_check_hook(mpy_vm *vm, mpy_check_fn hook, void *user_data);

/* Runs a full garbage collection now; returns the number of objects freed.
 * Only between runs: while Python code is running (from a host function
 * or hook) it does nothing and returns 0.  The exec entry points of this
 * header (mpy_exec_in, mpy_eval, mpy_exec_file, mpy_exec_code and the
 * consoles) collect first on their own when the heap is past half of
 * memory_limit, so a MemoryError leaves the VM usable. */
size_t mpy_vm_collect(mpy_vm *vm);

/* ------------------------------------------------- the console objects */

/* mpy_repl is code.InteractiveConsole (and code.InteractiveInterpreter):
 * a namespace, a filename, a line buffer, and five replaceable methods.
 * Each hook may be NULL (the default below); a host hook can call the
 * default through mpy_repl_default_*, as a Python subclass calls
 * super().write(...).  All hooks get the user_data of mpy_repl_hooks.
 *
 * - write(text): where the console's own messages go (tracebacks, banner,
 *   exit message).  Default: sys.stderr.  Program output (print, the echo
 *   of expression values) still goes to sys.stdout / the VM's write hook.
 * - raw_input(prompt): one line, without its newline, valid until the next
 *   call; NULL at end of input.  To signal Ctrl-C, raise KeyboardInterrupt
 *   (mpy_raise) and return NULL.  Default: builtins.input(prompt).
 * - showtraceback(): the pending exception is a runtime error; report it
 *   and clear it.  Default: format it as Python does and write() it.
 * - showsyntaxerror(filename): the same for a SyntaxError.
 * - runcode(code): run the code handle; default: exec it in the namespace,
 *   showtraceback() on an exception except SystemExit, which is returned
 *   as MPY_SYSTEM_EXIT with the exception pending. */
typedef struct mpy_repl mpy_repl;

typedef struct mpy_repl_hooks {
    void (*write)(mpy_repl *r, const char *text, size_t len, void *user_data);
    const char *(*raw_input)(mpy_repl *r, const char *prompt, size_t *len, void *user_data);
    void (*showtraceback)(mpy_repl *r, void *user_data);
    void (*showsyntaxerror)(mpy_repl *r, const char *filename, void *user_data);
    mpy_result (*runcode)(mpy_repl *r, mpy_handle code, void *user_data);
    void *user_data;
} mpy_repl_hooks;

/* A console on the namespace dict `ns` (borrowed; MPY_NO_HANDLE: a new
 * {"__name__": "__console__", "__doc__": None}, like Python's), with
 * `filename` ("<console>" when NULL) and hooks (NULL: all defaults;
 * copied).  NULL if memory runs out.  Free every console before its VM. */
mpy_repl *mpy_repl_new(mpy_vm *vm, mpy_handle ns, const char *filename, const mpy_repl_hooks *hooks);
void mpy_repl_free(mpy_repl *r);
mpy_vm *mpy_repl_vm(mpy_repl *r);
/* The console's namespace (a new handle). */
mpy_handle mpy_repl_namespace(mpy_repl *r);

/* runsource(source, filename, symbol): compile_command then runcode.
 * MPY_INCOMPLETE: more input needed (Python's True).  MPY_OK: the code ran
 * or its error was shown through showsyntaxerror / showtraceback (Python's
 * False).  MPY_SYSTEM_EXIT: SystemExit escaped, still pending.
 * filename NULL: "<input>", as in code.py (push uses the console's). */
mpy_result mpy_repl_runsource(mpy_repl *r, const char *source, const char *filename, mpy_exec_mode mode);
/* push(line): adds a line (no newline) to the buffer and runs the buffer
 * as one source; MPY_INCOMPLETE while more input is needed, else the
 * buffer is reset and the result is runsource's. */
mpy_result mpy_repl_push(mpy_repl *r, const char *line);
void mpy_repl_resetbuffer(mpy_repl *r);
/* interact(banner, exitmsg): the read-eval-print loop until end of input.
 * banner NULL: Python's default banner; "" none.  exitmsg NULL: "now
 * exiting InteractiveConsole..."; "" none.  Prompts are str(sys.ps1) and
 * str(sys.ps2) (set to ">>> " / "... " when missing).  Returns MPY_OK at
 * end of input, or MPY_SYSTEM_EXIT (pending) when the code called exit(). */
mpy_result mpy_repl_interact(mpy_repl *r, const char *banner, const char *exitmsg);
/* code.interact(banner, local=ns, exitmsg): a default console, one call. */
mpy_result mpy_interact(mpy_vm *vm, const char *banner, mpy_handle ns, const char *exitmsg);

/* Calling the console's methods (its hooks, or the defaults). */
void mpy_repl_write(mpy_repl *r, const char *text, size_t len);
const char *mpy_repl_raw_input(mpy_repl *r, const char *prompt, size_t *len);
void mpy_repl_showtraceback(mpy_repl *r);
void mpy_repl_showsyntaxerror(mpy_repl *r, const char *filename);
mpy_result mpy_repl_runcode(mpy_repl *r, mpy_handle code);
/* The default methods, for hooks that extend them. */
void mpy_repl_default_write(mpy_repl *r, const char *text, size_t len);
const char *mpy_repl_default_raw_input(mpy_repl *r, const char *prompt, size_t *len);
void mpy_repl_default_showtraceback(mpy_repl *r);
void mpy_repl_default_showsyntaxerror(mpy_repl *r, const char *filename);
mpy_result mpy_repl_default_runcode(mpy_repl *r, mpy_handle code);

#endif
