/* The import system (vm/import.h): a C rendering of the parts of
 * importlib._bootstrap that ordinary programs rely on, with its messages.
 *
 * Finding: sys.modules first (None there halts the import), then, for a
 * top-level name, the modules built into the binary (C modules first, then
 * the frozen Python modules of runtime/frozen.h), then the directories
 * of sys.path (or of the parent package's __path__ for a submodule): in
 * each, NAME/__init__.py makes a package and NAME.py a module; a NAME
 * directory without __init__.py is remembered and becomes a namespace
 * package if nothing else is found, as CPython's FileFinder does.
 *
 * Loading: the module is created, given __name__, __file__, __package__,
 * __builtins__ (and __path__ for a package), and registered in sys.modules
 * BEFORE its code runs, so circular imports see the partly initialised
 * module; if the code fails the entry is removed again.  The source is read
 * with stdio here, the one place the VM touches files: an embedder that
 * wants modules from elsewhere (an archive, memory) will need a loader hook
 * in mpy_config at this point.  A module whose code is running carries
 * MODULE_INITIALIZING in its header flags, which turns a failed
 * `from m import x` into CPython's "partially initialized module" message.
 *
 * Names are handled as C strings in fixed buffers: no heap string is held
 * across the execution of a module's code, during which the collector may
 * run; the module object itself is rooted while its code runs.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/state.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "vm/run.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/frozen.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#define NAME_CAP 512  /* longest dotted module name */
#define PATH_CAP 4096 /* longest file path */

/* mpy_obj.flags bit of a module whose code is running. */
#define MODULE_INITIALIZING 0x80

/* ------------------------------------------------------------- errors */

/* Raises type(msg) with the name= and path= attributes of ImportError
 * (NULL: None). */
static bool import_error(mpy_vm *vm, mpy_exc_id type, const char *name, const char *path, const char *fmt, ...)
    MPY_PRINTF(5, 6);
static bool import_error(mpy_vm *vm, mpy_exc_id type, const char *name, const char *path, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    mpy_err_msg(vm, type, msg);
    if (!mpy_err_matches(vm, type)) return false; /* MemoryError instead */
    mpy_dict *d = mpy_instance_dict(vm, vm->exc, true);
    if (!d) return false;
    mpy_value n = MPY_NONE, p = MPY_NONE;
    if (name) {
        mpy_str *s = mpy_str_from_cstr(vm, name);
        if (s) n = mpy_from_obj(s);
    }
    if (path) {
        mpy_str *s = mpy_str_from_cstr(vm, path);
        if (s) p = mpy_from_obj(s);
    }
    mpy_value e = vm->exc;
    if (!mpy_dict_set_str(vm, d, vm->names.name, n) || !mpy_dict_set_str(vm, d, vm->names.path, p)) return false;
    vm->exc = e;
    return false;
}

static bool not_found(mpy_vm *vm, const char *name)
{
    return import_error(vm, MPY_EXC_ModuleNotFoundError, name, NULL, "No module named '%s'", name);
}

static bool copy_name(mpy_vm *vm, char *dst, const char *src, size_t len)
{
    if (len >= NAME_CAP) return mpy_err_msg(vm, MPY_EXC_ImportError, "module name too long");
    memcpy(dst, src, len);
    dst[len] = 0;
    return true;
}

/* ------------------------------------------------------- sys.modules */

static mpy_value modules_get(mpy_vm *vm, const char *name) { return mpy_dict_get_cstr(vm, vm->modules, name); }

static bool modules_set(mpy_vm *vm, const char *name, mpy_value m)
{
    mpy_str *k = mpy_str_from_cstr(vm, name);
    return k && mpy_dict_set(vm, vm->modules, mpy_from_obj(k), m);
}

/* Removes a failed module, keeping the pending exception. */
static void modules_forget(mpy_vm *vm, const char *name)
{
    mpy_value exc = mpy_err_fetch(vm);
    mpy_str *k = mpy_str_from_cstr(vm, name);
    if (k) (void)mpy_dict_del(vm, vm->modules, mpy_from_obj(k));
    vm->exc = exc;
}

static mpy_value dict_of(mpy_vm *vm, mpy_value module)
{
    mpy_dict *d = mpy_instance_dict(vm, module, false);
    return d ? mpy_from_obj(d) : MPY_NULL;
}

/* --------------------------------------------------- built-in modules */

typedef struct builtin_module {
    const char *name;
    mpy_module *(*make)(mpy_vm *vm);
} builtin_module;

#define MPY_BUILTIN_ENTRY(n) {#n, mpy_module_##n##_new},
static const builtin_module builtin_modules[] = {MPY_BUILTIN_MODULES(MPY_BUILTIN_ENTRY)};
#undef MPY_BUILTIN_ENTRY

/* The built-in module `name`, made and registered, or MPY_NULL with no
 * exception when there is none of that name. */
static mpy_value load_builtin(mpy_vm *vm, const char *name, bool *found)
{
    *found = false;
    for (size_t i = 0; i < sizeof builtin_modules / sizeof builtin_modules[0]; i++) {
        if (strcmp(builtin_modules[i].name, name) != 0) continue;
        *found = true;
        /* sys and builtins exist from the start: a re-import after `del
         * sys.modules['sys']` must give the same objects back. */
        mpy_obj *existing = !strcmp(name, "sys") ? vm->sys : !strcmp(name, "builtins") ? vm->builtins_module : NULL;
        mpy_value m = existing ? mpy_from_obj(existing) : MPY_NULL;
        if (!existing) {
            mpy_module *made = builtin_modules[i].make(vm);
            if (!made) return MPY_NULL;
            m = mpy_from_obj(made);
        }
        if (!modules_set(vm, name, m)) return MPY_NULL;
        return m;
    }
    return MPY_NULL;
}

/* ------------------------------------------------------------ finding */

typedef enum { FOUND_NONE, FOUND_MODULE, FOUND_PACKAGE, FOUND_NAMESPACE, FOUND_FROZEN } found_kind;

typedef struct found {
    found_kind kind;
    char file[PATH_CAP]; /* the .py file (module, package __init__.py);
                            for a frozen module its code's pseudo-filename */
    char dir[PATH_CAP];  /* the package directory */
    const mpy_frozen_module *frozen; /* FOUND_FROZEN: the source */
} found;

/* A frozen module (runtime/frozen.h) is a plain module without __file__,
 * whose code is compiled from memory with the filename "<frozen NAME>", the
 * name CPython gives its own frozen modules in tracebacks. */
static bool find_frozen(const char *name, found *out)
{
    for (const mpy_frozen_module *f = mpy_frozen_modules; f->name; f++) {
        if (strcmp(f->name, name) != 0) continue;
        out->kind = FOUND_FROZEN;
        out->frozen = f;
        snprintf(out->file, sizeof out->file, "<frozen %s>", name);
        return true;
    }
    return false;
}

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Looks for `tail` in one directory.  "" means the current directory,
 * named absolutely as CPython does. */
static found_kind search_dir(const char *entry, const char *tail, found *out, bool want_namespace)
{
    char dir[PATH_CAP];
    if (!*entry) {
        if (!getcwd(dir, sizeof dir)) return FOUND_NONE;
    } else {
        size_t n = strlen(entry);
        while (n > 1 && entry[n - 1] == '/') n--;
        if (n >= sizeof dir) return FOUND_NONE;
        memcpy(dir, entry, n);
        dir[n] = 0;
    }
    const char *sep = strcmp(dir, "/") == 0 ? "" : "/";
    char pkg[PATH_CAP], file[PATH_CAP];
    if (snprintf(pkg, sizeof pkg, "%s%s%s", dir, sep, tail) >= (int)sizeof pkg) return FOUND_NONE;
    if (snprintf(file, sizeof file, "%s/__init__.py", pkg) < (int)sizeof file && is_file(file)) {
        strcpy(out->file, file);
        strcpy(out->dir, pkg);
        return FOUND_PACKAGE;
    }
    if (snprintf(file, sizeof file, "%s.py", pkg) < (int)sizeof file && is_file(file)) {
        strcpy(out->file, file);
        return FOUND_MODULE;
    }
    if (want_namespace && is_dir(pkg)) {
        strcpy(out->dir, pkg);
        return FOUND_NAMESPACE;
    }
    return FOUND_NONE;
}

/* Searches the directories of `path` (sys.path or a package's __path__). */
static bool find_in_path(mpy_vm *vm, mpy_value path, const char *tail, found *out)
{
    out->kind = FOUND_NONE;
    if (mpy_is_null(path) || !mpy_is_sub(vm, path, MPY_TYPE_LIST)) return true;
    mpy_list *l = mpy_as_list(path);
    for (size_t i = 0; i < l->len; i++) {
        mpy_value e = l->items[i];
        if (!mpy_is_sub(vm, e, MPY_TYPE_STR)) continue;
        found_kind k = search_dir(mpy_as_str(e)->data, tail, out, out->kind == FOUND_NONE);
        if (k == FOUND_NAMESPACE) {
            out->kind = FOUND_NAMESPACE;
            continue;
        }
        if (k != FOUND_NONE) {
            out->kind = k;
            return true;
        }
    }
    return true;
}

/* ------------------------------------------------------------ loading */

/* The whole file in memory, NUL-terminated. */
static char *read_source(mpy_vm *vm, const char *path, size_t *len, size_t *cap)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        mpy_err_fmt(vm, MPY_EXC_OSError, "cannot read '%s'", path);
        return NULL;
    }
    return mpy_read_source_stream(vm, fp, path, len, cap);
}

/* Source file -> code object; SyntaxError (filename = the path) or
 * MemoryError pending on failure. */
static mpy_code *compile_file(mpy_vm *vm, const char *file)
{
    size_t len, cap;
    char *src = read_source(vm, file, &len, &cap);
    if (!src) return NULL;
    mpy_code *code = mpy_compile_source(vm, src, len, file, MPY_MODE_EXEC);
    mpy_mem_free(vm, src, cap);
    return code;
}

static bool set_str(mpy_vm *vm, mpy_dict *d, mpy_str *key, const char *value)
{
    mpy_str *s = mpy_str_from_cstr(vm, value);
    return s && mpy_dict_set_str(vm, d, key, mpy_from_obj(s));
}

/* A new module registered in sys.modules with its import attributes. */
static mpy_module *new_module(mpy_vm *vm, const char *fullname, const found *fd)
{
    mpy_module *m = mpy_module_new(vm, fullname);
    if (!m) return NULL;
    mpy_dict *d = m->dict;
    const char *dot = strrchr(fullname, '.');
    char parent[NAME_CAP];
    size_t plen = dot ? (size_t)(dot - fullname) : 0;
    memcpy(parent, fullname, plen);
    parent[plen] = 0;
    bool pkg = fd->kind != FOUND_MODULE && fd->kind != FOUND_FROZEN;
    if (!mpy_dict_set_str(vm, d, vm->names.__builtins__, mpy_from_obj(vm->builtins)) ||
        !set_str(vm, d, vm->names.__package__, pkg ? fullname : parent))
        return NULL;
    if (fd->kind != FOUND_NAMESPACE && fd->kind != FOUND_FROZEN && !set_str(vm, d, vm->names.__file__, fd->file))
        return NULL;
    if (fd->kind == FOUND_NAMESPACE && !mpy_dict_set_str(vm, d, vm->names.__file__, MPY_NONE)) return NULL;
    if (pkg) {
        mpy_str *dir = mpy_str_from_cstr(vm, fd->dir);
        mpy_list *path = dir ? mpy_list_from(vm, 1, (mpy_value[]){mpy_from_obj(dir)}) : NULL;
        if (!path || !mpy_dict_set_str(vm, d, vm->names.__path__, mpy_from_obj(path))) return NULL;
    }
    if (!modules_set(vm, fullname, mpy_from_obj(m))) return NULL;
    return m;
}

/* Creates, registers and runs the module found in fd.  Returns what
 * sys.modules holds under the name afterwards (a module may replace
 * itself there), as importlib does. */
static mpy_value load_found(mpy_vm *vm, const char *fullname, const found *fd)
{
    mpy_module *m = new_module(vm, fullname, fd);
    if (!m) return MPY_NULL;
    if (fd->kind == FOUND_NAMESPACE) return mpy_from_obj(m);
    mpy_code *code = fd->kind == FOUND_FROZEN
                         ? mpy_compile_source(vm, fd->frozen->source, fd->frozen->len, fd->file, MPY_MODE_EXEC)
                         : compile_file(vm, fd->file);
    if (!code) {
        modules_forget(vm, fullname);
        return MPY_NULL;
    }
    if (!mpy_root_push(vm, mpy_from_obj(m))) {
        modules_forget(vm, fullname);
        return MPY_NULL;
    }
    m->hdr.flags |= MODULE_INITIALIZING;
    mpy_value r = mpy_interp_run_code(vm, code, m->dict, mpy_from_obj(m->dict), NULL);
    m->hdr.flags &= (uint8_t)~MODULE_INITIALIZING;
    mpy_root_pop(vm, 1);
    if (mpy_is_null(r)) {
        modules_forget(vm, fullname);
        return MPY_NULL;
    }
    mpy_value now = modules_get(vm, fullname);
    if (mpy_is_null(now)) {
        import_error(vm, MPY_EXC_ImportError, fullname, NULL, "Loaded module %s not found in sys.modules", fullname);
        return MPY_NULL;
    }
    return now;
}

static mpy_value sys_path(mpy_vm *vm)
{
    mpy_value d = vm->sys ? dict_of(vm, mpy_from_obj(vm->sys)) : MPY_NULL;
    return mpy_is_null(d) ? MPY_NULL : mpy_dict_get_str(vm, mpy_as_dict(d), vm->names.path);
}

/* Imports the absolute dotted name and returns that module (CPython's
 * _find_and_load): parents first, each submodule set as an attribute of
 * its parent. */
static mpy_value find_and_load(mpy_vm *vm, const char *name)
{
    mpy_value m = modules_get(vm, name);
    if (!mpy_is_null(m)) {
        if (mpy_is_none(m)) {
            import_error(vm, MPY_EXC_ModuleNotFoundError, name, NULL, "import of %s halted; None in sys.modules", name);
            return MPY_NULL;
        }
        return m;
    }
    if (!mpy_c_enter(vm, " while importing")) return MPY_NULL;
    const char *dot = strrchr(name, '.');
    const char *tail = dot ? dot + 1 : name;
    char parent[NAME_CAP];
    mpy_value path;
    found *fd = NULL;
    mpy_value result = MPY_NULL;
    if (dot) {
        if (!copy_name(vm, parent, name, (size_t)(dot - name))) goto done;
        mpy_value pm = find_and_load(vm, parent);
        if (mpy_is_null(pm)) goto done;
        /* Importing the parent may have imported this module too. */
        m = modules_get(vm, name);
        if (!mpy_is_null(m)) {
            result = m;
            goto done;
        }
        /* A frozen submodule ("collections.abc", frozen from
         * runtime/lib/collections.abc.py) needs no __path__ on its parent
         * (mods helper: the frozen parents are plain modules). */
        fd = mpy_mem_realloc(vm, NULL, 0, sizeof *fd);
        if (!fd) goto done;
        if (find_frozen(name, fd)) goto load;
        path = mpy_getattr_opt(vm, pm, vm->names.__path__);
        if (mpy_is_null(path)) {
            if (!mpy_err_occurred(vm))
                import_error(vm, MPY_EXC_ModuleNotFoundError, name, NULL, "No module named '%s'; '%s' is not a package",
                             name, parent);
            goto done;
        }
    } else {
        bool is_builtin;
        result = load_builtin(vm, name, &is_builtin);
        if (is_builtin) goto done;
        path = sys_path(vm);
    }
    if (!fd) fd = mpy_mem_realloc(vm, NULL, 0, sizeof *fd);
    if (!fd) goto done;
    /* Frozen modules come after the built-in C ones, before sys.path. */
    bool frozen = !dot && find_frozen(name, fd);
    if (!frozen && !find_in_path(vm, path, tail, fd)) goto done;
    if (fd->kind == FOUND_NONE) {
        not_found(vm, name);
        goto done;
    }
load:
    result = load_found(vm, name, fd);
    if (!mpy_is_null(result) && dot) {
        mpy_value pm = modules_get(vm, parent);
        mpy_str *child = mpy_str_intern_cstr(vm, tail);
        if (!child) {
            result = MPY_NULL;
        } else if (!mpy_is_null(pm) && !mpy_setattr(vm, pm, child, result)) {
            /* importlib only warns when the parent refuses the attribute. */
            if (mpy_err_matches(vm, MPY_EXC_AttributeError)) mpy_err_clear(vm);
            else result = MPY_NULL;
        }
    }
done:
    if (fd) mpy_mem_free(vm, fd, sizeof *fd);
    mpy_c_leave(vm);
    return result;
}

mpy_value mpy_import_module(mpy_vm *vm, const char *name)
{
    if (!*name) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "Empty module name");
    /* A C caller may hold unrooted values, and the interpreter frame below
     * it may not have saved its stack pointer (an operator slot importing
     * `types` for int | str did not): the module's code runs with
     * collection blocked, as mpy_call's callees do. */
    vm->gc_block++;
    mpy_value m = find_and_load(vm, name);
    vm->gc_block--;
    return m;
}

/* ---------------------------------------------------------- mpy_import */

/* The absolute name for a relative import (importlib's _calc___package__
 * and _resolve_name). */
static bool resolve_name(mpy_vm *vm, mpy_str *name, mpy_value globals, int level, char *out)
{
    if (mpy_is_null(globals) || !mpy_is_sub(vm, globals, MPY_TYPE_DICT))
        return mpy_err_msg(vm, MPY_EXC_KeyError, "'__name__' not in globals");
    mpy_dict *g = mpy_as_dict(globals);
    mpy_value pkg = mpy_dict_get_str(vm, g, vm->names.__package__);
    char package[NAME_CAP];
    if (!mpy_is_null(pkg) && !mpy_is_none(pkg)) {
        if (!mpy_is_sub(vm, pkg, MPY_TYPE_STR)) return mpy_err_msg(vm, MPY_EXC_TypeError, "package must be a string");
        if (!copy_name(vm, package, mpy_as_str(pkg)->data, mpy_as_str(pkg)->len)) return false;
    } else {
        mpy_value nm = mpy_dict_get_str(vm, g, vm->names.__name__);
        if (mpy_is_null(nm)) return mpy_err_msg(vm, MPY_EXC_KeyError, "'__name__' not in globals");
        if (!mpy_is_sub(vm, nm, MPY_TYPE_STR)) return mpy_err_msg(vm, MPY_EXC_TypeError, "__name__ must be a string");
        const mpy_str *s = mpy_as_str(nm);
        size_t n = s->len;
        if (mpy_is_null(mpy_dict_get_str(vm, g, vm->names.__path__))) {
            const char *dot = strrchr(s->data, '.');
            n = dot ? (size_t)(dot - s->data) : 0;
        }
        if (!copy_name(vm, package, s->data, n)) return false;
    }
    if (!*package)
        return import_error(vm, MPY_EXC_ImportError, NULL, NULL, "attempted relative import with no known parent package");
    size_t len = strlen(package);
    for (int i = 1; i < level; i++) {
        char *dot = strrchr(package, '.');
        if (!dot)
            return import_error(vm, MPY_EXC_ImportError, NULL, NULL, "attempted relative import beyond top-level package");
        *dot = 0;
        len = (size_t)(dot - package);
    }
    if (name->len == 0) return copy_name(vm, out, package, len);
    if (len + 1 + name->len >= NAME_CAP) return mpy_err_msg(vm, MPY_EXC_ImportError, "module name too long");
    /* memcpy rather than snprintf: gcc -O1 cannot see the length check
     * above and warns about truncation (gc helper). */
    memcpy(out, package, len);
    out[len] = '.';
    memcpy(out + len + 1, name->data, name->len + 1);
    return true;
}

static bool handle_fromlist(mpy_vm *vm, mpy_value module, mpy_value fromlist, bool recursive);

/* One fromlist entry of a package: import the submodule unless the
 * package already has the attribute. */
static bool fromlist_item(mpy_vm *vm, mpy_value module, mpy_value x, bool recursive)
{
    if (!mpy_is_sub(vm, x, MPY_TYPE_STR)) {
        if (recursive) {
            mpy_value mn = mpy_getattr(vm, module, vm->names.__name__);
            if (mpy_is_null(mn)) return false;
            mpy_value s = mpy_to_str(vm, mn);
            if (mpy_is_null(s)) return false;
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "Item in %s.__all__ must be str, not %s", mpy_as_str(s)->data,
                               mpy_tname(vm, x));
        }
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "Item in ``from list'' must be str, not %s", mpy_tname(vm, x));
    }
    mpy_str *name = mpy_as_str(x);
    if (strcmp(name->data, "*") == 0) {
        if (recursive) return true;
        mpy_value all = mpy_getattr_opt(vm, module, vm->names.__all__);
        if (mpy_is_null(all)) return !mpy_err_occurred(vm);
        return handle_fromlist(vm, module, all, true);
    }
    mpy_str *iname = mpy_str_intern_str(vm, name);
    if (!iname) return false;
    mpy_value have = mpy_getattr_opt(vm, module, iname);
    if (!mpy_is_null(have)) return true;
    if (mpy_err_occurred(vm)) return false;
    mpy_value mn = mpy_getattr(vm, module, vm->names.__name__);
    if (mpy_is_null(mn)) return false;
    if (!mpy_is_sub(vm, mn, MPY_TYPE_STR)) return true;
    char full[NAME_CAP];
    if (mpy_as_str(mn)->len + 1 + name->len >= NAME_CAP) return mpy_err_msg(vm, MPY_EXC_ImportError, "module name too long");
    snprintf(full, sizeof full, "%s.%s", mpy_as_str(mn)->data, name->data);
    if (!mpy_is_null(find_and_load(vm, full))) return true;
    /* A missing submodule is not an error here: IMPORT_FROM reports the
     * name it cannot find.  Other failures propagate. */
    if (mpy_err_matches(vm, MPY_EXC_ModuleNotFoundError)) {
        mpy_dict *d = mpy_instance_dict(vm, vm->exc, false);
        mpy_value en = d ? mpy_dict_get_str(vm, d, vm->names.name) : MPY_NULL;
        mpy_value cached = modules_get(vm, full);
        if (!mpy_is_null(en) && mpy_is_sub(vm, en, MPY_TYPE_STR) && strcmp(mpy_as_str(en)->data, full) == 0 &&
            !mpy_is_none(cached)) {
            mpy_err_clear(vm);
            return true;
        }
    }
    return false;
}

/* importlib's _handle_fromlist.  The iterator and list are rooted: each
 * submodule's code may run a collection. */
static bool handle_fromlist(mpy_vm *vm, mpy_value module, mpy_value fromlist, bool recursive)
{
    mpy_value it = mpy_iter(vm, fromlist);
    if (mpy_is_null(it)) return false;
    if (!mpy_root_push(vm, fromlist)) return false;
    if (!mpy_root_push(vm, it)) {
        mpy_root_pop(vm, 1);
        return false;
    }
    bool ok = true;
    for (;;) {
        mpy_value x = mpy_next(vm, it);
        if (mpy_is_null(x)) {
            ok = !mpy_err_occurred(vm);
            break;
        }
        if (!fromlist_item(vm, module, x, recursive)) {
            ok = false;
            break;
        }
    }
    mpy_root_pop(vm, 2);
    return ok;
}

/* `from collections import abc` (mods helper): a plain module has no
 * __path__, but a name of its fromlist may be a frozen submodule
 * ("collections.abc"); load those that are not attributes yet. */
static bool frozen_fromlist(mpy_vm *vm, mpy_value module, mpy_value fromlist)
{
    if (!mpy_is_sub(vm, fromlist, MPY_TYPE_TUPLE)) return true;
    mpy_value mn = mpy_getattr_opt(vm, module, vm->names.__name__);
    if (mpy_is_null(mn)) return !mpy_err_occurred(vm);
    if (!mpy_is_sub(vm, mn, MPY_TYPE_STR)) return true;
    mpy_tuple *t = mpy_as_tuple(fromlist);
    for (size_t i = 0; i < t->len; i++) {
        if (!mpy_is_sub(vm, t->items[i], MPY_TYPE_STR)) continue;
        mpy_str *item = mpy_as_str(t->items[i]);
        char full[NAME_CAP];
        if (mpy_as_str(mn)->len + 1 + item->len >= NAME_CAP) continue;
        snprintf(full, sizeof full, "%s.%s", mpy_as_str(mn)->data, item->data);
        found fd;
        if (!find_frozen(full, &fd)) continue;
        mpy_str *iname = mpy_str_intern_str(vm, item);
        if (!iname) return false;
        mpy_value have = mpy_getattr_opt(vm, module, iname);
        if (!mpy_is_null(have)) continue;
        if (mpy_err_occurred(vm)) return false;
        if (mpy_is_null(find_and_load(vm, full))) return false;
    }
    return true;
}

/* An imported name holding a NUL.  The machinery works on C strings,
 * which would cut the name there and import another module
 * (__import__("json\0x") gave json); no finder has such a module, so
 * CPython's ModuleNotFoundError, after importing the package of a relative
 * name.  abs_name is the resolved name, cut at the NUL. */
static mpy_value not_found_nul(mpy_vm *vm, const char *abs_name, mpy_str *name, bool relative)
{
    size_t plen = relative ? strlen(abs_name) - strlen(name->data) - 1 : 0;
    char full[NAME_CAP];
    if (relative) {
        memcpy(full, abs_name, plen);
        full[plen] = 0;
        if (mpy_is_null(find_and_load(vm, full))) return MPY_NULL;
        full[plen++] = '.';
    }
    memcpy(full + plen, name->data, name->len); /* resolve_name checked the length */
    mpy_str *s = mpy_str_new(vm, full, plen + name->len);
    if (!s) return MPY_NULL;
    mpy_value r = mpy_repr(vm, mpy_from_obj(s));
    if (mpy_is_null(r)) return MPY_NULL;
    import_error(vm, MPY_EXC_ModuleNotFoundError, NULL, NULL, "No module named %s", mpy_as_str(r)->data);
    mpy_value e = vm->exc;
    mpy_dict *d = mpy_err_matches(vm, MPY_EXC_ModuleNotFoundError) ? mpy_instance_dict(vm, e, true) : NULL;
    if (d && mpy_dict_set_str(vm, d, vm->names.name, mpy_from_obj(s))) vm->exc = e;
    return MPY_NULL;
}

mpy_value mpy_import(mpy_vm *vm, mpy_str *name, mpy_value globals, mpy_value fromlist, int level)
{
    if (level < 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "level must be >= 0");
    char abs_name[NAME_CAP];
    if (level > 0) {
        if (!resolve_name(vm, name, globals, level, abs_name)) return MPY_NULL;
    } else {
        if (name->len == 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "Empty module name");
        if (!copy_name(vm, abs_name, name->data, name->len)) return MPY_NULL;
    }
    if (memchr(name->data, '\0', name->len)) return not_found_nul(vm, abs_name, name, level > 0);
    mpy_value mod = find_and_load(vm, abs_name);
    if (mpy_is_null(mod)) return MPY_NULL;
    int has_from = 0;
    if (!mpy_is_null(fromlist) && !mpy_is_none(fromlist)) {
        has_from = mpy_truth(vm, fromlist);
        if (has_from < 0) return MPY_NULL;
    }
    if (!has_from) {
        /* `import a.b.c` binds a: return the top-level package. */
        if (level > 0 && name->len == 0) return mod;
        const char *dot = strchr(name->data, '.');
        if (!dot) return mod;
        char front[NAME_CAP];
        if (level == 0) {
            if (!copy_name(vm, front, name->data, (size_t)(dot - name->data))) return MPY_NULL;
            return find_and_load(vm, front);
        }
        size_t cut = name->len - (size_t)(dot - name->data);
        if (!copy_name(vm, front, abs_name, strlen(abs_name) - cut)) return MPY_NULL;
        mpy_value top = modules_get(vm, front);
        if (mpy_is_null(top)) return mpy_err_fmt_v(vm, MPY_EXC_KeyError, "'%s' not in sys.modules as expected", front);
        return top;
    }
    mpy_value path = mpy_getattr_opt(vm, mod, vm->names.__path__);
    if (mpy_is_null(path)) {
        if (mpy_err_occurred(vm)) return MPY_NULL;
        return frozen_fromlist(vm, mod, fromlist) ? mod : MPY_NULL;
    }
    if (!mpy_root_push(vm, mod)) return MPY_NULL;
    bool ok = handle_fromlist(vm, mod, fromlist, false);
    mpy_root_pop(vm, 1);
    return ok ? mod : MPY_NULL;
}

/* ----------------------------------------------------- IMPORT_FROM/STAR */

static const char *str_or(mpy_vm *vm, mpy_value v, const char *dflt)
{
    return !mpy_is_null(v) && mpy_is_sub(vm, v, MPY_TYPE_STR) ? mpy_as_str(v)->data : dflt;
}

mpy_value mpy_import_from(mpy_vm *vm, mpy_value module, mpy_str *name)
{
    mpy_value v = mpy_getattr_opt(vm, module, name);
    if (!mpy_is_null(v) || mpy_err_occurred(vm)) return v;
    /* A submodule imported while its package was initialising is in
     * sys.modules before it is an attribute of the package. */
    mpy_value pkgname = mpy_getattr_opt(vm, module, vm->names.__name__);
    if (mpy_err_occurred(vm)) return MPY_NULL;
    const char *pn = str_or(vm, pkgname, NULL);
    if (pn) {
        char full[NAME_CAP];
        if (strlen(pn) + 1 + name->len < NAME_CAP) {
            snprintf(full, sizeof full, "%s.%s", pn, name->data);
            v = modules_get(vm, full);
            if (!mpy_is_null(v)) return v;
        }
    }
    mpy_str *nr = mpy_str_repr(vm, name);
    if (!nr) return MPY_NULL;
    char pq[NAME_CAP + 2];
    snprintf(pq, sizeof pq, "'%s'", pn ? pn : "<unknown module name>");
    mpy_value d = dict_of(vm, module);
    mpy_value file = mpy_is_null(d) ? MPY_NULL : mpy_dict_get_str(vm, mpy_as_dict(d), vm->names.__file__);
    const char *path = str_or(vm, file, NULL);
    if (mpy_is_sub(vm, module, MPY_TYPE_MODULE) && (module.u.o->flags & MODULE_INITIALIZING))
        import_error(vm, MPY_EXC_ImportError, pn, path,
                     "cannot import name %s from partially initialized module %s (most likely due to a circular "
                     "import) (%s)",
                     nr->data, pq, path ? path : "unknown location");
    else
        import_error(vm, MPY_EXC_ImportError, pn, path, "cannot import name %s from %s (%s)", nr->data, pq,
                     path ? path : "unknown location");
    return MPY_NULL;
}

static bool store_name(mpy_vm *vm, mpy_value locals, mpy_str *name, mpy_value v)
{
    mpy_str *k = mpy_str_intern_str(vm, name);
    if (!k) return false;
    if (mpy_is_type(vm, locals, MPY_TYPE_DICT)) return mpy_dict_set_str(vm, mpy_as_dict(locals), k, v);
    return mpy_setitem(vm, locals, mpy_from_obj(k), v);
}

/* The module's name for messages, "?" when it has none. */
static const char *module_name(mpy_vm *vm, mpy_value module)
{
    mpy_value d = dict_of(vm, module);
    mpy_value n = mpy_is_null(d) ? MPY_NULL : mpy_dict_get_str(vm, mpy_as_dict(d), vm->names.__name__);
    return str_or(vm, n, "?");
}

static bool star_from_all(mpy_vm *vm, mpy_value module, mpy_value all, mpy_value locals)
{
    mpy_value it = mpy_iter(vm, all);
    if (mpy_is_null(it)) return false;
    for (;;) {
        mpy_value x = mpy_next(vm, it);
        if (mpy_is_null(x)) return !mpy_err_occurred(vm);
        if (!mpy_is_sub(vm, x, MPY_TYPE_STR))
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "Item in %s.__all__ must be str, not %s", module_name(vm, module),
                               mpy_tname(vm, x));
        mpy_str *name = mpy_str_intern_str(vm, mpy_as_str(x));
        if (!name) return false;
        mpy_value v = mpy_getattr(vm, module, name);
        if (mpy_is_null(v) || !store_name(vm, locals, name, v)) return false;
    }
}

bool mpy_import_star(mpy_vm *vm, mpy_value module, mpy_value locals)
{
    mpy_value all = mpy_getattr_opt(vm, module, vm->names.__all__);
    if (!mpy_is_null(all)) return star_from_all(vm, module, all, locals);
    if (mpy_err_occurred(vm)) return false;
    mpy_value dv = mpy_getattr_opt(vm, module, vm->names.__dict__);
    if (mpy_is_null(dv) || !mpy_is_sub(vm, dv, MPY_TYPE_DICT)) {
        if (mpy_err_occurred(vm)) return false;
        return mpy_err_msg(vm, MPY_EXC_ImportError, "from-import-* object has no __dict__ and no __all__");
    }
    /* Copy first: storing into locals may be storing into this very dict. */
    mpy_dict *d = mpy_dict_copy(vm, mpy_as_dict(dv));
    if (!d) return false;
    size_t pos = 0;
    mpy_value k, v;
    while (mpy_dict_next(d, &pos, &k, &v)) {
        if (!mpy_is_sub(vm, k, MPY_TYPE_STR))
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "Key in %s.__dict__ must be str, not %s", module_name(vm, module),
                               mpy_tname(vm, k));
        if (mpy_as_str(k)->data[0] == '_') continue;
        if (!store_name(vm, locals, mpy_as_str(k), v)) return false;
    }
    return true;
}
