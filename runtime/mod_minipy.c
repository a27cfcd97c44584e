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
#include "vm/code.h"
#include "vm/errors.h"
#include "parser/parse.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/str.h"
#include "runtime/type.h"

static bool parse_mode_of(mpy_vm *vm, const char *m, mpy_parse_mode *mode);

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
    mpy_parse_mode mode;
    if (!parse_mode_of(vm, mpy_as_str(args[1])->data, &mode)) return MPY_NULL;
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

/* _minipy.Verdicts(): codeop's verdict kept incrementally, for a console
 * whose source only grows by lines (code.InteractiveConsole joins its
 * buffer again at every line).  verdict(source, symbol) returns 0 when more
 * lines are needed, 1 when the source is complete, 2 when it holds nothing
 * but blanks and comments (codeop compiles "pass" then), 3 when it is an
 * error; the caller compiles the source for the code or the SyntaxError.
 *
 * Why: a fresh parse of the whole buffer at every line made pasting an
 * N-line block into code.interact() cost O(N^2) (CPython's codeop, which
 * compiles the buffer up to three times a line, takes minutes on 5,000
 * lines).  Here a source that extends the text already fed costs only its
 * new part; anything else starts over. */
typedef struct {
    mpy_obj hdr;
    mpy_parser *parser;
    mpy_parse_mode mode;
} verdicts;

static mpy_value verdicts_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "Verdicts", argc, kw, 0, 0)) return MPY_NULL;
    verdicts *v = mpy_obj_alloc(vm, type, type->instance_size);
    return v ? mpy_from_obj(v) : MPY_NULL;
}

static void verdicts_finalize(mpy_vm *vm, mpy_obj *o)
{
    verdicts *v = (verdicts *)o;
    mpy_parser_free(v->parser);
    v->parser = NULL;
}

static bool parse_mode_of(mpy_vm *vm, const char *m, mpy_parse_mode *mode)
{
    if (strcmp(m, "exec") == 0) *mode = MPY_MODE_EXEC;
    else if (strcmp(m, "eval") == 0) *mode = MPY_MODE_EVAL;
    else if (strcmp(m, "single") == 0) *mode = MPY_MODE_SINGLE;
    else return mpy_err_fmt(vm, MPY_EXC_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    return true;
}

static mpy_value verdicts_verdict(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "verdict", argc, kw, 3, 3)) return MPY_NULL;
    verdicts *v = (verdicts *)args[0].u.o;
    if (!mpy_is_sub(vm, args[1], MPY_TYPE_STR) || !mpy_is_sub(vm, args[2], MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "verdict() arguments must be str");
    mpy_parse_mode mode;
    if (!parse_mode_of(vm, mpy_as_str(args[2])->data, &mode)) return MPY_NULL;
    const mpy_str *src = mpy_as_str(args[1]);
    if (v->parser && v->mode != mode) {
        mpy_parser_free(v->parser);
        v->parser = NULL;
    }
    if (!v->parser) {
        v->parser = mpy_parser_new(mode, vm->config.realloc, vm->config.user_data);
        if (!v->parser) return mpy_err_nomem(vm), MPY_NULL;
        v->mode = mode;
    }
    mpy_syntax_error err;
    memset(&err, 0, sizeof err);
    mpy_parse_status st = mpy_parser_verdict_text(v->parser, src->data, src->len, NULL, &err);
    if (st == MPY_PARSE_NOMEM) return mpy_err_nomem(vm), MPY_NULL;
    if (st == MPY_PARSE_INCOMPLETE) return mpy_from_int(0);
    if (st == MPY_PARSE_ERROR) return mpy_from_int(3);
    return mpy_from_int(mode != MPY_MODE_EVAL && mpy_parser_only_blank(v->parser) ? 2 : 1);
}

static const mpy_method_def verdicts_methods[] = {
    {"verdict", verdicts_verdict, 0},
    {NULL, NULL, 0},
};

/* Not in MPY_BUILTIN_TYPES: made per VM when _minipy is first imported. */
static const mpy_type_spec verdicts_spec = {
    .name = "Verdicts",
    .base = -1,
    .instance_size = sizeof(verdicts),
    .slots = {.new_ = verdicts_new, .finalize = verdicts_finalize},
    .methods = verdicts_methods,
};

/* _minipy.format_exception(exc, tb, chain[, limit]): the joined text of
 * traceback.format_exception(type(exc), exc, tb, limit, chain); tb is a
 * traceback or None, limit an int or None (sys.tracebacklimit is the
 * caller's business).  vm/errors.c formats, so that these reports and the
 * ones of uncaught exceptions cannot drift apart. */
static mpy_value minipy_format_exception(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "format_exception", argc, kw, 3, 4)) return MPY_NULL;
    if (!mpy_is_none(args[1]) && !mpy_is_type(vm, args[1], MPY_TYPE_TRACEBACK))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "format_exception() tb must be a traceback or None, not %s",
                             mpy_tname(vm, args[1]));
    int chain = mpy_truth(vm, args[2]);
    if (chain < 0) return MPY_NULL;
    int limit = MPY_TB_NO_LIMIT;
    if (argc > 3 && !mpy_is_none(args[3])) {
        if (args[3].tag != MPY_TAG_INT && args[3].tag != MPY_TAG_BOOL)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "format_exception() limit must be a small int or None");
        int64_t n = mpy_as_int(args[3]);
        limit = n > 1000000000 ? 1000000000 : n < -1000000000 ? -1000000000 : (int)n;
    }
    mpy_str *s = mpy_format_exception_limit(vm, args[0], args[1], chain != 0, limit);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

/* _minipy.format_frames(entries): StackSummary.format's text for a list of
 * (filename, lineno, name, line) tuples of str, from vm/errors.c as the
 * traceback printer's own. */
static mpy_value minipy_format_frames(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "format_frames", argc, kw)) return MPY_NULL;
    mpy_str *s = mpy_format_stack_entries(vm, args[0]);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

/* _minipy.source_line(filename, lineno): the source line the traceback
 * printer shows for that place, stripped; "" when there is none. */
static mpy_value minipy_source_line(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "source_line", argc, kw, 2, 2)) return MPY_NULL;
    int64_t n = args[1].tag == MPY_TAG_INT ? mpy_as_int(args[1]) : 0;
    if (!mpy_is_sub(vm, args[0], MPY_TYPE_STR)) n = 0;
    if (n < 1 || n > 2000000000) n = 0;
    mpy_str *s = mpy_source_line(vm, n ? mpy_as_str(args[0])->data : NULL, (int)n);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

mpy_value mpy_frameobj_stack(mpy_vm *vm, int depth);
mpy_value mpy_frameobj_new(mpy_vm *vm, mpy_code *code, mpy_dict *globals, mpy_value locals, int lineno);

/* _minipy.getframe(depth): sys._getframe(depth) as seen from the Python
 * function that calls it: a snapshot of the call stack (runtime/frameobj.c). */
static mpy_value minipy_getframe(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "getframe", argc, kw)) return MPY_NULL;
    if (args[0].tag != MPY_TAG_INT) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "getframe() depth must be an int");
    int64_t n = mpy_as_int(args[0]);
    return mpy_frameobj_stack(vm, n < 0 ? 0 : n > 1000000000 ? 1000000000 : (int)n);
}

/* _minipy.tb_frame(tb): a frame for a traceback entry (its code and line;
 * f_back None, f_globals and f_locals empty). */
static mpy_value minipy_tb_frame(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "tb_frame", argc, kw)) return MPY_NULL;
    if (!mpy_is_type(vm, args[0], MPY_TYPE_TRACEBACK))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "tb_frame() expects a traceback");
    mpy_traceback *tb = (mpy_traceback *)args[0].u.o;
    return mpy_frameobj_new(vm, (mpy_code *)tb->code, NULL, MPY_NULL, tb->line);
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
    {"format_frames", minipy_format_frames, 0},
    {"source_line", minipy_source_line, 0},
    {"getframe", minipy_getframe, 0},
    {"tb_frame", minipy_tb_frame, 0},
    {NULL, NULL, 0},
};

mpy_module *mpy_module__minipy_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "_minipy");
    if (!m || !mpy_module_add_functions(vm, m, minipy_functions)) return NULL;
    mpy_type *t = mpy_type_alloc(vm);
    if (!t || !mpy_type_init_builtin(vm, t, &verdicts_spec, vm->types[MPY_TYPE_OBJECT])) return NULL;
    t->module = mpy_str_intern_cstr(vm, "_minipy");
    if (!t->module || !mpy_dict_set_cstr(vm, m->dict, "Verdicts", mpy_from_obj(t))) return NULL;
    return m;
}
