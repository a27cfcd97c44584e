/* The _minipy module: the few native services the frozen Python modules of
 * runtime/lib need (codeop's verdict, the traceback module's formatting).
 *
 * Like CPython's underscore modules it is an implementation detail: the
 * public names live in codeop, code and traceback, which are written in
 * Python so that subclasses overriding write(), raw_input(), runcode() ...
 * behave exactly as with CPython's code module.
 */
#include <string.h>

#include "vm/state.h"
#include "vm/errors.h"
#include "parser/parse.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/exc.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/str.h"

/* _minipy.incomplete(source, symbol): True when source, compiled with
 * compile(source, filename, symbol), would need more lines to be valid,
 * i.e. when codeop.compile_command returns None for it.  The front end's
 * verdict already follows codeop's rule (parser/parse.h), so this is one
 * parse; codeop.py compiles with the builtin compile() otherwise, which
 * raises the SyntaxError (or returns the code) just as CPython's last
 * compile in codeop._maybe_compile does. */
static mpy_value minipy_incomplete(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "incomplete", argc, kw, 2, 2)) return MPY_NULL;
    if (!mpy_is_sub(vm, args[0], MPY_TYPE_STR) || !mpy_is_sub(vm, args[1], MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "incomplete() arguments must be str");
    const char *m = mpy_as_str(args[1])->data;
    mpy_parse_mode mode;
    if (strcmp(m, "exec") == 0) mode = MPY_MODE_EXEC;
    else if (strcmp(m, "eval") == 0) mode = MPY_MODE_EVAL;
    else if (strcmp(m, "single") == 0) mode = MPY_MODE_SINGLE;
    else return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    /* The incremental parser gives the console's verdict (mpy_parse is
     * compile()'s one-shot parse, for which "if x:" is simply an error). */
    mpy_parser *p = mpy_parser_new(mode, vm->config.realloc, vm->config.user_data);
    const mpy_str *src = mpy_as_str(args[0]);
    if (!p || !mpy_parser_feed(p, src->data, src->len)) {
        mpy_parser_free(p);
        return mpy_err_nomem(vm), MPY_NULL;
    }
    mpy_ast_mod *mod = NULL;
    mpy_syntax_error err;
    memset(&err, 0, sizeof err);
    mpy_parse_status st = mpy_parser_verdict(p, &mod, &err);
    mpy_parser_free(p);
    if (st == MPY_PARSE_NOMEM) return mpy_err_nomem(vm), MPY_NULL;
    return mpy_from_bool(st == MPY_PARSE_INCOMPLETE);
}

/* _minipy.format_exception(exc, tb, chain): the joined text of
 * traceback.format_exception(type(exc), exc, tb, chain=chain); tb is a
 * traceback or None.  vm/errors.c formats, so that these reports and the
 * ones of uncaught exceptions cannot drift apart. */
static mpy_value minipy_format_exception(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "format_exception", argc, kw, 3, 3)) return MPY_NULL;
    if (!mpy_is_none(args[1]) && !mpy_is_type(vm, args[1], MPY_TYPE_TRACEBACK))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "format_exception() tb must be a traceback or None, not %s",
                             mpy_tname(vm, args[1]));
    int chain = mpy_truth(vm, args[2]);
    if (chain < 0) return MPY_NULL;
    mpy_str *s = mpy_format_exception(vm, args[0], args[1], chain != 0);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

/* _minipy.format_exception_only(exc): the joined text of
 * traceback.format_exception_only(type(exc), exc). */
static mpy_value minipy_format_exception_only(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "format_exception_only", argc, kw)) return MPY_NULL;
    mpy_str *s = mpy_format_exception_only(vm, args[0]);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static const mpy_method_def minipy_functions[] = {
    {"incomplete", minipy_incomplete, 0},
    {"format_exception", minipy_format_exception, 0},
    {"format_exception_only", minipy_format_exception_only, 0},
    {NULL, NULL, 0},
};

mpy_module *mpy_module__minipy_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "_minipy");
    if (!m || !mpy_module_add_functions(vm, m, minipy_functions)) return NULL;
    return m;
}
