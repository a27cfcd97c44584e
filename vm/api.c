/* The embedding API's execution entry points (vm/vm.h): running source in
 * __main__, and the console, which feeds the incremental parser one line
 * at a time and runs each statement when the verdict says it is complete.
 */
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "vm/compile.h"
#include "vm/errors.h"
#include "vm/interp.h"
#include "vm/run.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/exc.h"

static mpy_parse_mode parse_mode(mpy_exec_mode m)
{
    return m == MPY_EXEC_SINGLE ? MPY_MODE_SINGLE : m == MPY_EXEC_EVAL ? MPY_MODE_EVAL : MPY_MODE_EXEC;
}

/* Line `line` (1-based) of src, with its newline, into err->text: the
 * compiler reports positions only. */
static void fill_error_text(mpy_syntax_error *err, const char *src, size_t len)
{
    if (err->text[0] || !src || err->line < 1) return;
    const char *p = src, *end = src + len;
    for (int l = 1; l < err->line && p < end; p++)
        if (*p == '\n') l++;
    if (p >= end) return;
    size_t n = 0;
    while (p + n < end && p[n] != '\n') n++;
    if (p + n < end) n++; /* keep the newline, as the parser does */
    if (n >= sizeof err->text) n = sizeof err->text - 1;
    memcpy(err->text, p, n);
    err->text[n] = 0;
}

static mpy_code *compile_tree(mpy_vm *vm, const mpy_ast_mod *mod, const char *filename, mpy_parse_mode mode,
                              const char *src, size_t len)
{
    mpy_syntax_error err;
    bool is_syntax = false;
    memset(&err, 0, sizeof err);
    mpy_code *co = mpy_compile(vm, mod, filename, mode, &err, &is_syntax);
    if (!co && is_syntax) {
        fill_error_text(&err, src, len);
        mpy_raise_syntax_error_file(vm, &err, filename);
    } else if (!co && !mpy_err_occurred(vm)) {
        mpy_err_nomem(vm);
    }
    return co;
}

mpy_code *mpy_compile_ast(mpy_vm *vm, const mpy_ast_mod *mod, const char *filename, mpy_parse_mode mode)
{
    return compile_tree(vm, mod, filename, mode, NULL, 0);
}

mpy_code *mpy_compile_source(mpy_vm *vm, const char *src, size_t len, const char *filename, mpy_parse_mode mode)
{
    mpy_arena arena;
    mpy_arena_init(&arena, vm->config.realloc, vm->config.user_data);
    mpy_ast_mod *mod = NULL;
    mpy_syntax_error err;
    memset(&err, 0, sizeof err);
    mpy_parse_status st = mpy_parse(src, len, mode, &arena, &mod, &err);
    mpy_code *co = NULL;
    if (st == MPY_PARSE_COMPLETE) co = compile_tree(vm, mod, filename, mode, src, len);
    else if (st == MPY_PARSE_NOMEM) mpy_err_nomem(vm);
    else mpy_raise_syntax_error_file(vm, &err, filename);
    mpy_arena_free(&arena);
    return co;
}

mpy_value mpy_run_code(mpy_vm *vm, mpy_code *co, mpy_dict *globals, mpy_value locals)
{
    if (mpy_is_null(mpy_dict_get_str(vm, globals, vm->names.__builtins__)) &&
        !mpy_dict_set_str(vm, globals, vm->names.__builtins__, mpy_from_obj(vm->builtins_module)))
        return MPY_NULL;
    if (mpy_is_null(locals)) locals = mpy_from_obj(globals);
    return mpy_interp_run_code(vm, co, globals, locals, NULL);
}

mpy_result mpy_exec(mpy_vm *vm, const char *src, size_t len, const char *filename, mpy_exec_mode mode)
{
    vm->exc = MPY_NULL;
    mpy_dict *main = mpy_vm_main_dict(vm);
    if (!main) return mpy_err_msg(vm, MPY_EXC_RuntimeError, "no __main__ module"), MPY_RUNTIME_ERROR;
    /* A real file (not "<string>", "<stdin>") is __main__.__file__. */
    if (filename && filename[0] != '<' && mode == MPY_EXEC_FILE) {
        mpy_str *f = mpy_str_from_cstr(vm, filename);
        if (!f || !mpy_dict_set_str(vm, main, vm->names.__file__, mpy_from_obj(f))) return mpy_result_of_pending(vm);
    }
    mpy_code *co = mpy_compile_source(vm, src, len, filename, parse_mode(mode));
    if (co) mpy_run_code(vm, co, main, MPY_NULL);
    return mpy_result_of_pending(vm);
}

/* ------------------------------------------------------------ console */

/* The namespace of the next console statement: sys.modules['__main__'],
 * or, when the program deleted or replaced that, a fresh __main__ module
 * put there (CPython's REPL does the same: PyImport_AddModule). */
static mpy_dict *console_main_dict(mpy_vm *vm)
{
    mpy_dict *main = mpy_vm_main_dict(vm);
    if (main) return main;
    mpy_module *m = mpy_module_new(vm, "__main__");
    if (!m || !mpy_dict_set_cstr(vm, vm->modules, "__main__", mpy_from_obj(m))) return NULL;
    return m->dict;
}

struct mpy_console {
    mpy_vm *vm;
    mpy_parser *parser;
    bool empty;              /* no line fed since the last reset */
    char filename[256];
};

mpy_console *mpy_console_new(mpy_vm *vm, const char *filename)
{
    mpy_console *c = mpy_mem_realloc(vm, NULL, 0, sizeof *c);
    if (!c) return NULL;
    c->vm = vm;
    c->parser = mpy_parser_new(MPY_MODE_SINGLE, vm->config.realloc, vm->config.user_data);
    if (!c->parser) {
        mpy_mem_free(vm, c, sizeof *c);
        mpy_err_nomem(vm);
        return NULL;
    }
    mpy_parser_defer_compiler_errors(c->parser, true);
    c->empty = true;
    strncpy(c->filename, filename ? filename : "<console>", sizeof c->filename - 1);
    c->filename[sizeof c->filename - 1] = 0;
    return c;
}

void mpy_console_free(mpy_console *c)
{
    if (!c) return;
    mpy_parser_free(c->parser);
    mpy_mem_free(c->vm, c, sizeof *c);
}

void mpy_console_reset(mpy_console *c)
{
    mpy_parser_reset(c->parser);
    c->empty = true;
}

/* codeop's buffer is the lines joined with "\n": the first line goes in as
 * is, every later one behind a newline. */
mpy_result mpy_console_push(mpy_console *c, const char *line, size_t len)
{
    mpy_vm *vm = c->vm;
    vm->exc = MPY_NULL;
    bool ok = (c->empty || mpy_parser_feed(c->parser, "\n", 1)) && mpy_parser_feed(c->parser, line, len);
    c->empty = false;
    if (!ok) {
        mpy_console_reset(c);
        mpy_err_nomem(vm);
        return MPY_NO_MEMORY;
    }
    mpy_ast_mod *mod = NULL;
    mpy_syntax_error err;
    memset(&err, 0, sizeof err);
    mpy_parse_status st = mpy_parser_verdict(c->parser, &mod, &err);
    if (st == MPY_PARSE_INCOMPLETE) return MPY_INCOMPLETE;
    if (st == MPY_PARSE_NOMEM) {
        mpy_console_reset(c);
        mpy_err_nomem(vm);
        return MPY_NO_MEMORY;
    }
    if (st == MPY_PARSE_ERROR) {
        mpy_raise_syntax_error_file(vm, &err, c->filename);
        mpy_console_reset(c);
        return mpy_result_of_pending(vm);
    }
    size_t srclen;
    const char *src = mpy_parser_source(c->parser, &srclen);
    mpy_code *co = compile_tree(vm, mod, c->filename, MPY_MODE_SINGLE, src, srclen);
    mpy_console_reset(c);
    if (co) {
        mpy_dict *main = console_main_dict(vm);
        if (main) mpy_run_code(vm, co, main, MPY_NULL);
    }
    return mpy_result_of_pending(vm);
}

/* ------------------------------------------------------------ helpers */

const char *mpy_prompt(mpy_vm *vm, bool continuation)
{
    mpy_dict *sys = ((mpy_module *)vm->sys)->dict;
    mpy_value p = mpy_dict_get_str(vm, sys, continuation ? vm->names.ps2 : vm->names.ps1);
    if (mpy_is_null(p)) return "";
    mpy_value s = mpy_to_str(vm, p);
    if (mpy_is_null(s)) {
        mpy_err_clear(vm);
        return "";
    }
    return mpy_as_str(s)->data;
}

void mpy_set_path0(mpy_vm *vm, const char *dir)
{
    mpy_dict *sys = ((mpy_module *)vm->sys)->dict;
    mpy_value path = mpy_dict_get_cstr(vm, sys, "path");
    mpy_str *d = mpy_str_from_cstr(vm, dir);
    if (mpy_is_null(path) || !d || !mpy_is_sub(vm, path, MPY_TYPE_LIST)) {
        mpy_err_clear(vm);
        return;
    }
    mpy_value arg[2] = {mpy_from_int(0), mpy_from_obj(d)};
    if (mpy_is_null(mpy_call_method(vm, path, "insert", 2, arg))) mpy_err_clear(vm);
}

/* vm/disasm.c */
bool mpy_disasm_write(mpy_vm *vm, mpy_code *co, void (*emit)(void *ud, const char *text, size_t len), void *ud);

static void dis_emit(void *ud, const char *text, size_t len)
{
    mpy_vm *vm = ud;
    if (vm->config.write) vm->config.write(vm, MPY_STDOUT, text, len);
    else fwrite(text, 1, len, stdout);
}

mpy_result mpy_dis(mpy_vm *vm, const char *src, size_t len, const char *filename)
{
    vm->exc = MPY_NULL;
    mpy_code *co = mpy_compile_source(vm, src, len, filename, MPY_MODE_EXEC);
    if (co && !mpy_disasm_write(vm, co, dis_emit, vm)) return mpy_result_of_pending(vm);
    if (!co) mpy_print_exception(vm);
    return co ? MPY_OK : MPY_SYNTAX_ERROR;
}
