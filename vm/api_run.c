/* The embedding API's ways to run code in a namespace of the host's
 * choosing (vm/vm.h): exec/eval of a string, a file, codeop's
 * compile_command and exec of its code object.  All of them go through
 * the same compile path as mpy_exec (vm/run.h); they differ only in the
 * namespace and in handing values back as handles.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "vm/api_internal.h"
#include "vm/code.h"
#include "vm/run.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/str.h"

static mpy_parse_mode parse_mode(mpy_exec_mode m)
{
    return m == MPY_EXEC_SINGLE ? MPY_MODE_SINGLE : m == MPY_EXEC_EVAL ? MPY_MODE_EVAL : MPY_MODE_EXEC;
}

mpy_dict *mpy_api_namespace(mpy_vm *vm, mpy_handle ns, const char *fn)
{
    if (!ns) {
        mpy_dict *d = mpy_vm_main_dict(vm);
        if (!d) mpy_api_bad_arg(vm, fn, "no __main__ module");
        return d;
    }
    mpy_value v;
    if (!mpy_api_value(vm, ns, &v)) return NULL;
    if (!mpy_is_sub(vm, v, MPY_TYPE_DICT)) {
        mpy_err_fmt(vm, MPY_EXC_TypeError, "%s: globals must be a dict, not %s", fn, mpy_tname(vm, v));
        return NULL;
    }
    return mpy_as_dict(v);
}

/* Runs co in globals/locals handles; the value goes to *result if asked
 * (eval mode only: exec and single produce None). */
static mpy_result run(mpy_vm *vm, mpy_code *co, mpy_dict *g, mpy_handle locals, mpy_handle *result)
{
    mpy_value l = MPY_NULL;
    if (locals && !mpy_api_value(vm, locals, &l)) return mpy_result_of_pending(vm);
    mpy_value r = mpy_run_code(vm, co, g, l);
    if (!mpy_is_null(r) && result) *result = mpy_api_handle(vm, r);
    return mpy_result_of_pending(vm);
}

mpy_result mpy_exec_in(mpy_vm *vm, const char *src, size_t len, const char *filename, mpy_exec_mode mode,
                       mpy_handle globals, mpy_handle locals, mpy_handle *result)
{
    vm->exc = MPY_NULL;
    if (result) *result = MPY_NO_HANDLE;
    if (!src) return mpy_api_bad_arg(vm, "mpy_exec_in", "NULL source"), mpy_result_of_pending(vm);
    mpy_api_settle(vm);
    mpy_dict *g = mpy_api_namespace(vm, globals, "mpy_exec_in");
    if (!g) return mpy_result_of_pending(vm);
    mpy_code *co = mpy_compile_source(vm, src, len, filename ? filename : "<string>", parse_mode(mode));
    if (!co) return mpy_result_of_pending(vm);
    return run(vm, co, g, locals, mode == MPY_EXEC_EVAL ? result : NULL);
}

mpy_result mpy_eval(mpy_vm *vm, const char *expr, mpy_handle ns, mpy_handle *result)
{
    if (!expr) {
        vm->exc = MPY_NULL;
        mpy_api_bad_arg(vm, "mpy_eval", "NULL expression");
        return mpy_result_of_pending(vm);
    }
    return mpy_exec_in(vm, expr, strlen(expr), "<string>", MPY_EXEC_EVAL, ns, MPY_NO_HANDLE, result);
}

/* Shared by mpy_exec_file and import (see run.h); only opening the file
 * is left to them, as they report a missing file differently. */
char *mpy_read_source_stream(mpy_vm *vm, FILE *fp, const char *path, size_t *len, size_t *cap)
{
    size_t n = 0, c = 4096;
    char *buf = mpy_mem_realloc(vm, NULL, 0, c);
    while (buf) {
        n += fread(buf + n, 1, c - n - 1, fp);
        if (n < c - 1) break;
        char *nb = mpy_mem_realloc(vm, buf, c, c * 2);
        if (!nb) mpy_mem_free(vm, buf, c);
        buf = nb;
        c *= 2;
    }
    bool failed = ferror(fp);
    fclose(fp);
    if (buf && failed) {
        mpy_mem_free(vm, buf, c);
        mpy_err_fmt(vm, MPY_EXC_OSError, "cannot read '%s'", path);
        return NULL;
    }
    if (!buf) return NULL;
    buf[n] = 0;
    *len = n;
    *cap = c;
    return buf;
}

/* The whole file in VM memory; NULL with OSError pending (for a file that
 * cannot be opened, errno's exception and message, as CPython's open). */
static char *read_file(mpy_vm *vm, const char *path, size_t *len, size_t *cap)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        mpy_exc_id id = errno == ENOENT ? MPY_EXC_FileNotFoundError
                        : errno == EACCES ? MPY_EXC_PermissionError
                                          : MPY_EXC_OSError;
        mpy_err_fmt(vm, id, "[Errno %d] %s: '%s'", errno, strerror(errno), path);
        return NULL;
    }
    return mpy_read_source_stream(vm, fp, path, len, cap);
}

mpy_result mpy_exec_file(mpy_vm *vm, const char *path, mpy_handle ns)
{
    vm->exc = MPY_NULL;
    if (!path) return mpy_api_bad_arg(vm, "mpy_exec_file", "NULL path"), mpy_result_of_pending(vm);
    mpy_api_settle(vm);
    mpy_dict *g = mpy_api_namespace(vm, ns, "mpy_exec_file");
    size_t len, cap;
    char *src = g ? read_file(vm, path, &len, &cap) : NULL;
    if (!src) return mpy_result_of_pending(vm);
    mpy_code *co = mpy_compile_source(vm, src, len, path, MPY_MODE_EXEC);
    mpy_mem_free(vm, src, cap);
    if (!co) return mpy_result_of_pending(vm);
    return run(vm, co, g, MPY_NO_HANDLE, NULL);
}

/* codeop replaces source made only of blank and comment lines with
 * "pass" (outside eval mode). */
static bool blank_source(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f' || s[i] == '\r')) i++;
        if (i < len && s[i] != '\n' && s[i] != '#') return false;
        while (i < len && s[i] != '\n') i++;
        i++;
    }
    return true;
}

mpy_result mpy_api_compile_command(mpy_vm *vm, mpy_parser **kept, const char *src, size_t len,
                                   const char *filename, mpy_exec_mode mode, mpy_handle *code)
{
    vm->exc = MPY_NULL;
    if (code) *code = MPY_NO_HANDLE;
    if (!src) return mpy_api_bad_arg(vm, "mpy_compile_command", "NULL source"), mpy_result_of_pending(vm);
    if (!filename) filename = "<input>";
    if (mode != MPY_EXEC_EVAL && blank_source(src, len)) {
        src = "pass";
        len = 4;
    }
    /* The incremental parser gives codeop's verdicts (one-shot parsing
     * would call "if True:" an error rather than incomplete). */
    if (*kept && mpy_parser_mode(*kept) != parse_mode(mode)) {
        mpy_parser_free(*kept);
        *kept = NULL;
    }
    if (!*kept && !(*kept = mpy_parser_new(parse_mode(mode), vm->config.realloc, vm->config.user_data))) {
        mpy_err_nomem(vm);
        return mpy_result_of_pending(vm);
    }
    mpy_ast_mod *mod = NULL;
    mpy_syntax_error err;
    memset(&err, 0, sizeof err);
    mpy_parse_status st = mpy_parser_verdict_text(*kept, src, len, &mod, &err);
    mpy_code *co = NULL;
    if (st == MPY_PARSE_COMPLETE) co = mpy_compile_ast(vm, mod, filename, parse_mode(mode));
    else if (st == MPY_PARSE_NOMEM) mpy_err_nomem(vm);
    else if (st == MPY_PARSE_ERROR) mpy_raise_syntax_error_file(vm, &err, filename);
    if (st == MPY_PARSE_INCOMPLETE) return MPY_INCOMPLETE;
    if (!co) return mpy_result_of_pending(vm);
    if (code && !(*code = mpy_api_handle(vm, mpy_from_obj(co)))) return mpy_result_of_pending(vm);
    return MPY_OK;
}

mpy_result mpy_compile_command(mpy_vm *vm, const char *src, size_t len, const char *filename, mpy_exec_mode mode,
                               mpy_handle *code)
{
    mpy_parser *p = NULL;
    mpy_result r = mpy_api_compile_command(vm, &p, src, len, filename, mode, code);
    mpy_parser_free(p);
    return r;
}

mpy_result mpy_exec_code(mpy_vm *vm, mpy_handle code, mpy_handle globals, mpy_handle locals)
{
    vm->exc = MPY_NULL;
    mpy_value c;
    if (!mpy_api_value(vm, code, &c)) return mpy_result_of_pending(vm);
    if (!mpy_is_type(vm, c, MPY_TYPE_CODE)) {
        mpy_err_fmt(vm, MPY_EXC_TypeError, "mpy_exec_code: expected a code object, got %s", mpy_tname(vm, c));
        return mpy_result_of_pending(vm);
    }
    mpy_api_settle(vm);
    mpy_dict *g = mpy_api_namespace(vm, globals, "mpy_exec_code");
    if (!g) return mpy_result_of_pending(vm);
    return run(vm, (mpy_code *)c.u.o, g, locals, NULL);
}
