/* Argument checking for native functions: CPython 3.11's several checking
 * styles and their exact messages (see args.h for which is which). */
#include <string.h>

#include "vm/state.h"
#include "runtime/args.h"
#include "runtime/exc.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

bool mpy_args_none(mpy_vm *vm, const char *fname, int argc, mpy_tuple *kwnames)
{
    if (mpy_args_nkw(kwnames)) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no keyword arguments", fname);
    if (argc) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no arguments (%d given)", fname, argc);
    return true;
}

bool mpy_args_one(mpy_vm *vm, const char *fname, int argc, mpy_tuple *kwnames)
{
    if (mpy_args_nkw(kwnames)) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no keyword arguments", fname);
    if (argc != 1)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes exactly one argument (%d given)", fname, argc);
    return true;
}

bool mpy_args_no_kw(mpy_vm *vm, const char *fname, mpy_tuple *kwnames)
{
    if (mpy_args_nkw(kwnames)) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no keyword arguments", fname);
    return true;
}

bool mpy_args_count(mpy_vm *vm, const char *fname, int argc, mpy_tuple *kwnames, int min, int max)
{
    if (!mpy_args_no_kw(vm, fname, kwnames)) return false;
    if (argc >= min && (max < 0 || argc <= max)) return true;
    /* _PyArg_CheckPositional's wording */
    int n = argc < min ? min : max;
    const char *how = min == max ? "" : argc < min ? "at least " : "at most ";
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s expected %s%d argument%s, got %d", fname, how, n, n == 1 ? "" : "s",
                       argc);
}

bool mpy_args_tuple(mpy_vm *vm, const char *fname, int argc, mpy_tuple *kwnames, int min, int max)
{
    if (!mpy_args_no_kw(vm, fname, kwnames)) return false;
    if (argc >= min && (max < 0 || argc <= max)) return true;
    int n = argc < min ? min : max;
    const char *how = min == max ? "exactly" : argc < min ? "at least" : "at most";
    return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes %s %d argument%s (%d given)", fname, how, n,
                       n == 1 ? "" : "s", argc);
}

/* One parameter of a spec. */
typedef struct param {
    const char *name;
    size_t len;
    bool optional;
} param;

/* Splits spec into params; returns their number and the positional-only
 * count / first keyword-only index through the pointers. */
static int parse_spec(const char *spec, param *p, int *posonly, int *kwonly)
{
    int n = 0;
    *posonly = 0;
    *kwonly = -1;
    while (*spec) {
        const char *e = strchr(spec, ',');
        size_t len = e ? (size_t)(e - spec) : strlen(spec);
        if (len == 1 && *spec == '/') {
            *posonly = n;
        } else if (len == 1 && *spec == '*') {
            *kwonly = n;
        } else if (n < 16) {
            bool opt = spec[len - 1] == '=';
            p[n++] = (param){spec, opt ? len - 1 : len, opt};
        }
        spec += len + (e ? 1 : 0);
    }
    if (*kwonly < 0) *kwonly = n;
    return n;
}

static int find_param(const param *p, int n, const mpy_str *name)
{
    for (int i = 0; i < n; i++)
        if (p[i].len == name->len && memcmp(p[i].name, name->data, name->len) == 0) return i;
    return -1;
}

/* The positional-count checks of _PyArg_UnpackKeywords, in its order. */
static bool check_counts(mpy_vm *vm, const char *fname, const param *p, int n, int posonly, int maxpos, int argc,
                         int nkw)
{
    int minpos = 0;
    while (minpos < maxpos && !p[minpos].optional) minpos++;
    int minposonly = minpos < posonly ? minpos : posonly;
    if (argc + nkw > n)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes at most %d %sargument%s (%d given)", fname, n,
                           argc == 0 ? "keyword " : "", n == 1 ? "" : "s", argc + nkw);
    if (argc > maxpos) {
        if (maxpos == 0) return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes no positional arguments", fname);
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes %s %d positional argument%s (%d given)", fname,
                           minpos < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", argc);
    }
    if (argc < minposonly)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() takes %s %d positional argument%s (%d given)", fname,
                           minposonly < maxpos ? "at least" : "exactly", minposonly, minposonly == 1 ? "" : "s",
                           argc);
    return true;
}

bool mpy_args_parse(mpy_vm *vm, const char *fname, int argc, const mpy_value *args, mpy_tuple *kwnames,
                    const char *spec, mpy_value *out)
{
    param p[16];
    int posonly, kwonly;
    int n = parse_spec(spec, p, &posonly, &kwonly);
    int nkw = mpy_args_nkw(kwnames);
    if (!check_counts(vm, fname, p, n, posonly, kwonly, argc, nkw)) return false;
    for (int i = 0; i < n; i++) out[i] = i < argc ? args[i] : MPY_NULL;
    for (int k = 0; k < nkw; k++) {
        mpy_str *name = (mpy_str *)kwnames->items[k].u.o;
        int i = find_param(p, n, name);
        if (i < posonly)
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "'%s' is an invalid keyword argument for %s()", name->data,
                               fname);
        if (i < argc)
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                               fname, name->data, i + 1);
        out[i] = args[argc + k];
    }
    for (int i = argc; i < n; i++) {
        if (!mpy_is_null(out[i]) || p[i].optional) continue;
        if (i < kwonly)
            return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() missing required argument '%.*s' (pos %d)", fname,
                               (int)p[i].len, p[i].name, i + 1);
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s() missing required keyword-only argument '%.*s'", fname,
                           (int)p[i].len, p[i].name);
    }
    return true;
}
