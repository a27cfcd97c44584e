/* The builtins that do I/O or run code: print, input, compile, exec,
 * eval, __import__ and __build_class__ (the class statement).
 *
 * print writes through sys.stdout as it is now (user code may replace it
 * with any object that has write); when the target is one of minipy's own
 * stream objects the text goes straight to the VM's write hook in one
 * piece, which is what almost every print does.
 */
#include <string.h>

#include "vm/state.h"
#include "vm/compile.h"
#include "vm/errors.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "parser/parse.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/builtins_internal.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"


/* ---------------------------------------------------------------- print */

/* A growable text buffer for one print call. */
typedef struct textbuf {
    char *data;
    size_t len, cap;
    char small[256];
} textbuf;

static bool tb_add(mpy_vm *vm, textbuf *b, const char *s, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap * 2 > b->len + n ? b->cap * 2 : b->len + n;
        char *p = mpy_mem_realloc(vm, NULL, 0, cap);
        if (!p) return false;
        memcpy(p, b->data, b->len);
        if (b->data != b->small) mpy_mem_free(vm, b->data, b->cap);
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return true;
}

static void tb_free(mpy_vm *vm, textbuf *b)
{
    if (b->data != b->small) mpy_mem_free(vm, b->data, b->cap);
}

/* sep/end: None means the default. */
static bool text_arg(mpy_vm *vm, const char *what, mpy_value v, const char *dflt, const char **s, size_t *n)
{
    if (mpy_is_null(v) || mpy_is_none(v)) {
        *s = dflt;
        *n = strlen(dflt);
        return true;
    }
    if (!mpy_is_sub(vm, v, MPY_TYPE_STR))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s must be None or a string, not %s", what, mpy_tname(vm, v));
    *s = mpy_as_str(v)->data;
    *n = mpy_as_str(v)->len;
    return true;
}

/* Calls file.write(text) with a new str. */
static bool file_write(mpy_vm *vm, mpy_value file, const char *s, size_t n)
{
    mpy_str *t = mpy_str_new(vm, s, n);
    if (!t) return false;
    mpy_value a = mpy_from_obj(t);
    return !mpy_is_null(mpy_call_method(vm, file, "write", 1, &a));
}

static mpy_value bi_print(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value opt[4];
    if (!mpy_args_parse(vm, "print", 0, args + argc, kw, "*,sep=,end=,file=,flush=", opt)) return MPY_NULL;
    const char *sep, *end;
    size_t nsep, nend;
    if (!text_arg(vm, "sep", opt[0], " ", &sep, &nsep) || !text_arg(vm, "end", opt[1], "\n", &end, &nend))
        return MPY_NULL;
    mpy_value file = opt[2];
    if (mpy_is_null(file) || mpy_is_none(file)) {
        file = mpy_sys_get(vm, vm->names.stdout);
        if (mpy_is_null(file)) return mpy_err_fmt_v(vm, MPY_EXC_RuntimeError, "lost sys.stdout");
        /* print() to a sys.stdout set to None is silently dropped. */
        if (mpy_is_none(file)) return MPY_NONE;
    }
    int stream = mpy_sys_stream_of(vm, file);
    textbuf b = {.data = b.small, .cap = sizeof b.small};
    bool ok = true;
    /* The separator goes out before the next argument is converted, so a
     * failing str() leaves the same partial output as in CPython. */
    for (int i = 0; i < argc && ok; i++) {
        if (i > 0) ok = stream > 0 ? tb_add(vm, &b, sep, nsep) : file_write(vm, file, sep, nsep);
        mpy_value s = !ok ? MPY_NULL : mpy_is_type(vm, args[i], MPY_TYPE_STR) ? args[i] : mpy_to_str(vm, args[i]);
        ok = !mpy_is_null(s);
        /* Another file object sees each piece, as CPython writes them. */
        if (ok)
            ok = stream > 0 ? tb_add(vm, &b, mpy_as_str(s)->data, mpy_as_str(s)->len)
                            : file_write(vm, file, mpy_as_str(s)->data, mpy_as_str(s)->len);
    }
    if (ok) ok = stream > 0 ? tb_add(vm, &b, end, nend) : file_write(vm, file, end, nend);
    if (stream > 0 && b.len) mpy_sys_hook_write(vm, stream, b.data, b.len);
    tb_free(vm, &b);
    if (!ok) return MPY_NULL;
    if (!mpy_is_null(opt[3])) {
        int t = mpy_truth(vm, opt[3]);
        if (t < 0) return MPY_NULL;
        if (t && mpy_is_null(mpy_call_method(vm, file, "flush", 0, NULL))) return MPY_NULL;
    }
    return MPY_NONE;
}

/* ---------------------------------------------------------------- input */

/* input() with a replaced sys.stdin: its readline(), as CPython does;
 * the prompt (if not shown yet) goes to the default stdout. */
static mpy_value read_replaced_stdin(mpy_vm *vm, mpy_value in, const char *prompt)
{
    if (*prompt) mpy_sys_hook_write(vm, MPY_STDOUT, prompt, strlen(prompt));
    mpy_value line = mpy_call_method(vm, in, "readline", 0, NULL);
    if (mpy_is_null(line)) return line;
    if (!mpy_is_sub(vm, line, MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "object.readline() returned non-string");
    mpy_str *s = mpy_as_str(line);
    if (s->len == 0) return mpy_err_fmt_v(vm, MPY_EXC_EOFError, "EOF when reading a line");
    if (s->data[s->len - 1] != '\n') return line;
    mpy_str *r = mpy_str_new(vm, s->data, s->len - 1);
    return r ? mpy_from_obj(r) : MPY_NULL;
}

static mpy_value bi_input(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "input", argc, kw, 0, 1)) return MPY_NULL;
    const char *prompt = "";
    if (argc == 1) {
        mpy_value p = mpy_to_str(vm, args[0]);
        if (mpy_is_null(p)) return p;
        prompt = mpy_as_str(p)->data;
    }
    mpy_value out = mpy_sys_get(vm, vm->names.stdout);
    if (mpy_is_null(out)) return mpy_err_fmt_v(vm, MPY_EXC_RuntimeError, "input(): lost sys.stdout");
    /* A replaced sys.stdout gets the prompt through its write method. */
    if (mpy_sys_stream_of(vm, out) != MPY_STDOUT) {
        if (*prompt && !file_write(vm, out, prompt, strlen(prompt))) return MPY_NULL;
        mpy_value fl = mpy_getattr_opt(vm, out, vm->names.flush);
        if (!mpy_is_null(fl) && mpy_is_null(mpy_call0(vm, fl))) return MPY_NULL;
        if (mpy_err_occurred(vm)) return MPY_NULL;
        prompt = "";
    }
    mpy_value in = mpy_sys_get(vm, vm->names.stdin);
    if (mpy_is_null(in) || mpy_is_none(in)) return mpy_err_fmt_v(vm, MPY_EXC_RuntimeError, "input(): lost sys.stdin");
    if (mpy_sys_stream_of(vm, in) != 0) return read_replaced_stdin(vm, in, prompt);
    mpy_value line = mpy_sys_read_line(vm, prompt);
    if (mpy_is_none(line)) return mpy_err_fmt_v(vm, MPY_EXC_EOFError, "EOF when reading a line");
    return line;
}

/* ------------------------------------------------- compile, exec, eval */

/* The source text of a str or bytes argument; NULL if it is neither. */
static const char *source_text(mpy_vm *vm, mpy_value v, size_t *len)
{
    if (mpy_is_sub(vm, v, MPY_TYPE_STR)) {
        *len = mpy_as_str(v)->len;
        return mpy_as_str(v)->data;
    }
    if (mpy_is_sub(vm, v, MPY_TYPE_BYTES)) {
        mpy_bytes *b = (mpy_bytes *)v.u.o;
        *len = b->len;
        return (const char *)b->data;
    }
    return NULL;
}

/* Parses and compiles src as compile() does; NULL with SyntaxError (its
 * filename set) or MemoryError pending. */
static mpy_code *compile_text(mpy_vm *vm, const char *src, size_t len, const char *filename, mpy_parse_mode mode)
{
    mpy_arena arena;
    mpy_arena_init(&arena, vm->config.realloc, vm->config.user_data);
    /* CPython's tokenizer ends "exec" input with a newline when it lacks
     * one (translate_newlines), which shows in SyntaxError.text. */
    if (mode == MPY_MODE_EXEC && len && src[len - 1] != '\n') {
        char *copy = mpy_arena_alloc(&arena, len + 1);
        if (!copy) {
            mpy_arena_free(&arena);
            mpy_err_nomem(vm);
            return NULL;
        }
        memcpy(copy, src, len);
        copy[len++] = '\n';
        src = copy;
    }
    mpy_ast_mod *mod = NULL;
    mpy_syntax_error err;
    memset(&err, 0, sizeof err);
    mpy_parse_status st = mpy_parse(src, len, mode, &arena, &mod, &err);
    mpy_code *co = NULL;
    bool is_syntax = false;
    if (st == MPY_PARSE_COMPLETE) {
        co = mpy_compile(vm, mod, filename, mode, &err, &is_syntax);
    } else if (st == MPY_PARSE_NOMEM) {
        mpy_err_nomem(vm);
    } else {
        is_syntax = true;
    }
    mpy_arena_free(&arena);
    if (!co && is_syntax) mpy_raise_syntax_error_file(vm, &err, filename);
    return co;
}

static mpy_value bi_compile(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[7];
    if (!mpy_args_parse(vm, "compile", argc, args, kw,
                        "source,filename,mode,flags=,dont_inherit=,optimize=,*,_feature_version=", a))
        return MPY_NULL;
    if (!mpy_is_sub(vm, a[2], MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "compile() argument 'mode' must be str, not %s",
                             mpy_tname(vm, a[2]));
    const char *m = mpy_as_str(a[2])->data;
    mpy_parse_mode mode = strcmp(m, "exec") == 0 ? MPY_MODE_EXEC : strcmp(m, "eval") == 0 ? MPY_MODE_EVAL
                        : strcmp(m, "single") == 0 ? MPY_MODE_SINGLE : (mpy_parse_mode)-1;
    if ((int)mode < 0)
        return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    if (!mpy_is_sub(vm, a[1], MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "expected str, bytes or os.PathLike object, not %s",
                             mpy_tname(vm, a[1]));
    /* Of the flags only PyCF_ONLY_AST (0x400) changes what compile()
     * returns; minipy has no ast module, so it is refused rather than
     * silently ignored.  Future-feature flags have nothing to select. */
    int64_t flags = 0;
    if (!mpy_is_null(a[3]) && !mpy_index(vm, a[3], &flags)) return MPY_NULL;
    if (flags & 0x400)
        return mpy_err_fmt_v(vm, MPY_EXC_NotImplementedError, "compile() to an AST is not supported by minipy");
    size_t len;
    const char *src = source_text(vm, a[0], &len);
    if (!src)
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "compile() arg 1 must be a string, bytes or AST object");
    mpy_code *co = compile_text(vm, src, len, mpy_as_str(a[1])->data, mode);
    return co ? mpy_from_obj(co) : MPY_NULL;
}

/* The namespaces of exec/eval: explicit globals (a dict; __builtins__ is
 * added when missing, as CPython does) and locals (any mapping), or the
 * caller's. */
static bool exec_namespaces(mpy_vm *vm, const char *fname, mpy_value g, mpy_value l, mpy_dict **globals,
                            mpy_value *locals)
{
    bool is_exec = fname[0] == 'x';
    if (mpy_is_null(g) || mpy_is_none(g)) {
        mpy_value cg = mpy_interp_globals(vm);
        if (mpy_is_null(cg)) return false;
        g = cg;
        if (mpy_is_null(l) || mpy_is_none(l)) {
            l = mpy_interp_locals(vm);
            if (mpy_is_null(l)) return false;
        }
    } else if (!mpy_is_sub(vm, g, MPY_TYPE_DICT)) {
        if (is_exec)
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "exec() globals must be a dict, not %s", mpy_tname(vm, g));
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "globals must be a dict");
    }
    if (mpy_is_null(l) || mpy_is_none(l)) l = g;
    if (!mpy_is_sub(vm, l, MPY_TYPE_DICT) && !mpy_typeof(vm, l)->slots.getitem) {
        if (is_exec)
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "locals must be a mapping or None, not %s", mpy_tname(vm, l));
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "locals must be a mapping");
    }
    *globals = mpy_as_dict(g);
    *locals = l;
    if (mpy_is_null(mpy_dict_get_str(vm, *globals, vm->names.__builtins__)) &&
        !mpy_dict_set_str(vm, *globals, vm->names.__builtins__, mpy_from_obj(vm->builtins_module)))
        return false;
    return true;
}

/* Runs a code object with the namespaces rooted, since the code may run
 * for long and collect. */
static mpy_value run_code(mpy_vm *vm, mpy_code *co, mpy_dict *globals, mpy_value locals)
{
    if (!mpy_root_push(vm, mpy_from_obj(co))) return MPY_NULL;
    if (!mpy_root_push(vm, mpy_from_obj(globals))) {
        mpy_root_pop(vm, 1);
        return MPY_NULL;
    }
    if (!mpy_root_push(vm, locals)) {
        mpy_root_pop(vm, 2);
        return MPY_NULL;
    }
    mpy_value r = mpy_interp_run_code(vm, co, globals, locals, NULL);
    mpy_root_pop(vm, 3);
    return r;
}

/* exec and eval share everything but the mode and the messages;
 * fname is "xexec" / "eval" (the 'x' tells them apart cheaply). */
static mpy_value exec_eval(mpy_vm *vm, const char *fname, mpy_value src, mpy_value g, mpy_value l)
{
    bool is_exec = fname[0] == 'x';
    mpy_dict *globals = NULL;
    mpy_value locals = MPY_NULL;
    if (!exec_namespaces(vm, fname, g, l, &globals, &locals)) return MPY_NULL;
    mpy_code *co;
    if (mpy_is_type(vm, src, MPY_TYPE_CODE)) {
        co = (mpy_code *)src.u.o;
    } else {
        size_t len;
        const char *text = source_text(vm, src, &len);
        if (!text)
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "%s() arg 1 must be a string, bytes or code object",
                                 is_exec ? "exec" : "eval");
        /* eval ignores leading blanks, as CPython does. */
        if (!is_exec)
            while (len && (*text == ' ' || *text == '\t')) text++, len--;
        co = compile_text(vm, text, len, "<string>", is_exec ? MPY_MODE_EXEC : MPY_MODE_EVAL);
        if (!co) return MPY_NULL;
    }
    mpy_value r = run_code(vm, co, globals, locals);
    if (mpy_is_null(r)) return r;
    return is_exec ? MPY_NONE : r;
}

static mpy_value bi_exec(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[4];
    if (!mpy_args_parse(vm, "exec", argc, args, kw, "source,globals=,locals=,/,*,closure=", a)) return MPY_NULL;
    if (!mpy_is_null(a[3]) && !mpy_is_none(a[3]))
        return mpy_err_fmt_v(vm, MPY_EXC_NotImplementedError, "exec() closure argument is not supported by minipy");
    return exec_eval(vm, "xexec", a[0], a[1], a[2]);
}

static mpy_value bi_eval(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "eval", argc, kw, 1, 3)) return MPY_NULL;
    return exec_eval(vm, "eval", args[0], argc > 1 ? args[1] : MPY_NULL, argc > 2 ? args[2] : MPY_NULL);
}

/* ----------------------------------------------------------- __import__ */

static mpy_value bi_import(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value a[5];
    if (!mpy_args_parse(vm, "__import__", argc, args, kw, "name,globals=,locals=,fromlist=,level=", a))
        return MPY_NULL;
    if (!mpy_is_sub(vm, a[0], MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "module name must be a string");
    int64_t level = 0;
    if (!mpy_is_null(a[4]) && !mpy_index(vm, a[4], &level)) return MPY_NULL;
    if (level < 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "level must be >= 0");
    mpy_str *name = mpy_as_str(a[0]);
    if (name->len == 0 && level == 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "Empty module name");
    name = mpy_str_intern_str(vm, name);
    if (!name) return MPY_NULL;
    return mpy_import(vm, name, mpy_is_null(a[1]) ? MPY_NONE : a[1], mpy_is_null(a[3]) ? MPY_NONE : a[3],
                      (int)level);
}

/* -------------------------------------------------------- __build_class__ */

/* The most derived metaclass of meta and the bases' types, CPython's
 * _PyType_CalculateMetaclass; NULL with TypeError on a conflict. */
static mpy_type *calculate_meta(mpy_vm *vm, mpy_type *meta, const mpy_value *bases, int nbases)
{
    mpy_type *winner = meta;
    for (int i = 0; i < nbases; i++) {
        mpy_type *t = mpy_typeof(vm, bases[i]);
        if (mpy_type_is_sub(winner, t)) continue;
        if (mpy_type_is_sub(t, winner)) {
            winner = t;
            continue;
        }
        mpy_err_msg(vm, MPY_EXC_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                           "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* Runs the class body with the objects still needed afterwards rooted
 * (the body may collect); returns the body's result (the __class__ cell
 * when methods use super() or __class__). */
static mpy_value run_body(mpy_vm *vm, mpy_function *fn, mpy_value ns, mpy_tuple *bases, mpy_tuple *kwnames)
{
    mpy_value keep[3] = {ns, mpy_from_obj(bases), kwnames ? mpy_from_obj(kwnames) : MPY_NONE};
    int pushed = 0;
    while (pushed < 3 && mpy_root_push(vm, keep[pushed])) pushed++;
    mpy_value r = pushed < 3 ? MPY_NULL : mpy_interp_run_code(vm, fn->code, fn->globals, ns, fn->closure);
    mpy_root_pop(vm, pushed);
    return r;
}

/* PEP 560 (mods helper): a base that is not a class but has
 * __mro_entries__ is replaced by what that returns (typing's List[int],
 * Generic[T], NamedTuple ...).  Returns `orig` itself when nothing changed,
 * a new tuple otherwise, NULL with an exception pending. */
static mpy_tuple *resolve_bases(mpy_vm *vm, mpy_tuple *orig)
{
    mpy_list *out = NULL;
    mpy_str *me = NULL;
    for (size_t i = 0; i < orig->len; i++) {
        mpy_value b = orig->items[i];
        mpy_value entries = MPY_NULL;
        if (!mpy_is_sub(vm, b, MPY_TYPE_TYPE)) {
            if (!me && !(me = mpy_str_intern_cstr(vm, "__mro_entries__"))) goto fail;
            mpy_value fn = mpy_getattr_opt(vm, b, me);
            if (mpy_is_null(fn) && mpy_err_occurred(vm)) goto fail;
            if (!mpy_is_null(fn)) {
                mpy_value a = mpy_from_obj(orig);
                entries = mpy_call(vm, fn, 1, &a, NULL);
                if (mpy_is_null(entries)) goto fail;
                if (!mpy_is_type(vm, entries, MPY_TYPE_TUPLE)) {
                    mpy_err_msg(vm, MPY_EXC_TypeError, "__mro_entries__ must return a tuple");
                    goto fail;
                }
            }
        }
        if (mpy_is_null(entries) && !out) continue;
        if (!out) { /* first change: copy the bases before this one */
            /* rooted: later __mro_entries__ calls run Python code, which may collect */
            if (!(out = mpy_list_new(vm, orig->len)) || !mpy_root_push(vm, mpy_from_obj(out))) return NULL;
            for (size_t j = 0; j < i; j++)
                if (!mpy_list_append(vm, out, orig->items[j])) goto fail;
        }
        if (mpy_is_null(entries)) {
            if (!mpy_list_append(vm, out, b)) goto fail;
        } else {
            mpy_tuple *t = mpy_as_tuple(entries);
            for (size_t j = 0; j < t->len; j++)
                if (!mpy_list_append(vm, out, t->items[j])) goto fail;
        }
    }
    if (!out) return orig;
    mpy_root_pop(vm, 1);
    return mpy_tuple_from(vm, out->len, out->items);
fail:
    if (out) mpy_root_pop(vm, 1);
    return NULL;
}

/* __build_class__(func, name, *bases, metaclass=None, **kwds): what the
 * class statement calls.  Picks the metaclass, prepares the namespace,
 * runs the body in it, then calls metaclass(name, bases, ns, **kwds) and
 * fills the __class__ cell. */
static mpy_value build_class(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, mpy_tuple *orig_bases);

static mpy_value bi_build_class(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    /* orig_bases is rooted for the whole build: the body may collect and
     * __orig_bases__ is stored after it (mods helper, PEP 560). */
    mpy_tuple *orig_bases = mpy_tuple_from(vm, (size_t)(argc > 2 ? argc - 2 : 0), args + 2);
    if (!orig_bases || !mpy_root_push(vm, mpy_from_obj(orig_bases))) return MPY_NULL;
    mpy_value r = build_class(vm, argc, args, kw, orig_bases);
    mpy_root_pop(vm, 1);
    return r;
}

static mpy_value build_class(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw, mpy_tuple *orig_bases)
{
    if (argc < 2) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__build_class__: not enough arguments");
    if (!mpy_is_type(vm, args[0], MPY_TYPE_FUNCTION))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__build_class__: func must be a function");
    if (!mpy_is_sub(vm, args[1], MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__build_class__: name is not a string");
    mpy_function *fn = (mpy_function *)args[0].u.o;
    int nbases = argc - 2, nkw = mpy_args_nkw(kw);
    mpy_tuple *bases = resolve_bases(vm, orig_bases); /* PEP 560 */
    if (!bases) return MPY_NULL;
    nbases = (int)bases->len;
    /* Split off metaclass= from the other class keywords. */
    mpy_value meta = MPY_NULL;
    mpy_value kwv[16];
    mpy_value kwn[16];
    int nrest = 0;
    for (int k = 0; k < nkw; k++) {
        mpy_str *n = (mpy_str *)kw->items[k].u.o;
        if (strcmp(n->data, "metaclass") == 0) {
            meta = args[argc + k];
        } else {
            if (nrest == 16) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "__build_class__: too many keywords");
            kwn[nrest] = kw->items[k];
            kwv[nrest++] = args[argc + k];
        }
    }
    bool is_class = mpy_is_null(meta);
    if (is_class)
        meta = nbases ? mpy_from_obj(mpy_typeof(vm, bases->items[0])) : mpy_from_obj(vm->types[MPY_TYPE_TYPE]);
    else is_class = mpy_is_sub(vm, meta, MPY_TYPE_TYPE);
    if (is_class) {
        mpy_type *w = calculate_meta(vm, (mpy_type *)meta.u.o, bases->items, nbases);
        if (!w) return MPY_NULL;
        meta = mpy_from_obj(w);
    }
    mpy_tuple *restnames = nrest ? mpy_tuple_from(vm, (size_t)nrest, kwn) : NULL;
    if (nrest && !restnames) return MPY_NULL;
    /* ns = meta.__prepare__(name, bases, **kwds), or a new dict. */
    mpy_value ns;
    mpy_value prep = mpy_getattr_opt(vm, meta, vm->names.__prepare__);
    if (mpy_is_null(prep)) {
        if (mpy_err_occurred(vm)) return MPY_NULL;
        mpy_dict *d = mpy_dict_new(vm);
        if (!d) return MPY_NULL;
        ns = mpy_from_obj(d);
    } else {
        mpy_value pa[18] = {args[1], mpy_from_obj(bases)};
        memcpy(pa + 2, kwv, (size_t)nrest * sizeof *kwv);
        ns = mpy_call(vm, prep, 2, pa, restnames);
        if (mpy_is_null(ns)) return ns;
    }
    mpy_value cell = run_body(vm, fn, ns, bases, restnames);
    if (mpy_is_null(cell)) return cell;
    if (bases != orig_bases) {
        mpy_str *ob = mpy_str_intern_cstr(vm, "__orig_bases__");
        if (!ob || !mpy_setitem(vm, ns, mpy_from_obj(ob), mpy_from_obj(orig_bases))) return MPY_NULL;
    }
    mpy_value ca[19] = {args[1], mpy_from_obj(bases), ns};
    memcpy(ca + 3, kwv, (size_t)nrest * sizeof *kwv);
    mpy_value cls = mpy_call(vm, meta, 3, ca, restnames);
    if (mpy_is_null(cls)) return cls;
    if (mpy_is_type(vm, cell, MPY_TYPE_CELL)) {
        mpy_cell *c = (mpy_cell *)cell.u.o;
        if (mpy_is_null(c->value)) c->value = cls;
    }
    return cls;
}

mpy_value mpy_builtin_open(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw); /* runtime/mod_fileio.c */

const mpy_method_def mpy_builtins_io_defs[] = {
    {"print", bi_print, 0},
    {"open", mpy_builtin_open, 0},
    {"input", bi_input, 0},
    {"compile", bi_compile, 0},
    {"exec", bi_exec, 0},
    {"eval", bi_eval, 0},
    {"__import__", bi_import, 0},
    {"__build_class__", bi_build_class, 0},
    {NULL, NULL, 0},
};
