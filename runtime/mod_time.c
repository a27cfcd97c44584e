/* The time module: clocks, sleep, and the calendar conversions
 * (localtime, gmtime, mktime, strftime, asctime, ctime).
 *
 * time.struct_time is a struct sequence (runtime/structseq.h): a tuple
 * subtype with the nine tm_* fields as attributes.  CPython's extra
 * non-sequence attributes tm_zone and tm_gmtoff are not provided.
 */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/str.h"
#include "runtime/structseq.h"
#include "runtime/tuple.h"

/* ---------------------------------------------------------------- clocks */

static double clock_seconds(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

#define CLOCK_FN(name, id)                                                                         \
    static mpy_value time_##name(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)       \
    {                                                                                              \
        if (!mpy_args_none(vm, "time." #name, argc, kw)) return MPY_NULL;                          \
        return mpy_from_float(clock_seconds(id));                                                  \
    }                                                                                              \
    static mpy_value time_##name##_ns(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)  \
    {                                                                                              \
        if (!mpy_args_none(vm, "time." #name "_ns", argc, kw)) return MPY_NULL;                    \
        return mpy_from_int(clock_ns(id));                                                         \
    }
CLOCK_FN(time, CLOCK_REALTIME)
CLOCK_FN(perf_counter, CLOCK_MONOTONIC)
CLOCK_FN(monotonic, CLOCK_MONOTONIC)
CLOCK_FN(process_time, CLOCK_PROCESS_CPUTIME_ID)
#undef CLOCK_FN

/* Seconds from a number argument: floats as they are, other values via
 * __index__ (CPython's _PyTime_FromSecondsObject). */
static bool seconds_arg(mpy_vm *vm, mpy_value v, double *out)
{
    if (mpy_is_float(v) || mpy_is_sub(vm, v, MPY_TYPE_FLOAT)) return mpy_to_double(vm, v, out);
    int64_t i;
    if (!mpy_index(vm, v, &i)) return false;
    *out = (double)i;
    return true;
}

static mpy_value time_sleep(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "time.sleep", argc, kw)) return MPY_NULL;
    double s;
    if (!seconds_arg(vm, args[0], &s)) return MPY_NULL;
    if (isnan(s)) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "Invalid value NaN (not a number)");
    if (s < 0) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "sleep length must be non-negative");
    struct timespec ts = {(time_t)s, (long)((s - floor(s)) * 1e9)};
    /* An interrupted sleep ends early: Ctrl-C raises KeyboardInterrupt at
     * the interpreter's next safe point. */
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR && !vm->interrupt) {}
    return MPY_NONE;
}

/* ------------------------------------------------------- calendar times */

static mpy_type *make_struct_time(mpy_vm *vm)
{
    static const char *const fields[] = {"tm_year", "tm_mon",  "tm_mday", "tm_hour", "tm_min",
                                         "tm_sec",  "tm_wday", "tm_yday", "tm_isdst"};
    return mpy_structseq_type(vm, "time", "struct_time", fields, 9);
}

/* The struct_time type of this VM.  Native functions do not get their
 * module, so it is found through sys.modules['time'] (a new, equivalent
 * type is made if user code removed the module from there). */
static mpy_type *struct_time_type(mpy_vm *vm)
{
    mpy_value m = mpy_dict_get_cstr(vm, vm->modules, "time");
    mpy_value t = mpy_is_sub(vm, m, MPY_TYPE_MODULE) ? mpy_dict_get_cstr(vm, ((mpy_module *)m.u.o)->dict, "struct_time")
                                                     : MPY_NULL;
    if (mpy_is_sub(vm, t, MPY_TYPE_TYPE)) return (mpy_type *)t.u.o;
    return make_struct_time(vm);
}

static mpy_value tm_to_value(mpy_vm *vm, const struct tm *tm)
{
    mpy_type *t = struct_time_type(vm);
    if (!t) return MPY_NULL;
    /* tm_wday: Monday is 0 in Python, Sunday in C. */
    mpy_value items[9] = {mpy_from_int(tm->tm_year + 1900), mpy_from_int(tm->tm_mon + 1), mpy_from_int(tm->tm_mday),
                          mpy_from_int(tm->tm_hour), mpy_from_int(tm->tm_min), mpy_from_int(tm->tm_sec),
                          mpy_from_int((tm->tm_wday + 6) % 7), mpy_from_int(tm->tm_yday + 1),
                          mpy_from_int(tm->tm_isdst)};
    return mpy_structseq_new(vm, t, items);
}

/* A 9-item tuple (struct_time or plain) to struct tm. */
static bool value_to_tm(mpy_vm *vm, const char *fname, mpy_value v, struct tm *tm)
{
    if (!mpy_is_sub(vm, v, MPY_TYPE_TUPLE))
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "Tuple or struct_time argument required");
    mpy_tuple *t = mpy_as_tuple(v);
    if (t->len != 9)
        return mpy_err_fmt(vm, MPY_EXC_TypeError, "%s(): illegal time tuple argument", fname);
    int64_t f[9];
    for (int i = 0; i < 9; i++)
        if (!mpy_index(vm, t->items[i], &f[i])) return false;
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)(f[0] - 1900);
    tm->tm_mon = (int)(f[1] - 1);
    tm->tm_mday = (int)f[2];
    tm->tm_hour = (int)f[3];
    tm->tm_min = (int)f[4];
    tm->tm_sec = (int)f[5];
    tm->tm_wday = (int)((f[6] + 1) % 7);
    tm->tm_yday = (int)(f[7] - 1);
    tm->tm_isdst = (int)f[8];
    return true;
}

/* The seconds argument of localtime/gmtime/ctime: None or absent: now. */
static bool time_arg(mpy_vm *vm, int argc, const mpy_value *args, time_t *out)
{
    if (argc == 0 || mpy_is_none(args[0])) {
        *out = time(NULL);
        return true;
    }
    double s;
    if (!seconds_arg(vm, args[0], &s)) return false;
    if (!isfinite(s) || fabs(s) > 1e17)
        return mpy_err_fmt(vm, MPY_EXC_OverflowError, "timestamp out of range for platform time_t");
    *out = (time_t)floor(s);
    return true;
}

static mpy_value broken_down(mpy_vm *vm, const char *fname, int argc, const mpy_value *args, mpy_tuple *kw,
                             bool local)
{
    if (!mpy_args_tuple(vm, fname, argc, kw, 0, 1)) return MPY_NULL;
    time_t t;
    if (!time_arg(vm, argc, args, &t)) return MPY_NULL;
    struct tm tm;
    if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm)))
        return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "timestamp out of range for platform time_t");
    return tm_to_value(vm, &tm);
}

static mpy_value time_localtime(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return broken_down(vm, "localtime", argc, args, kw, true);
}

static mpy_value time_gmtime(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    return broken_down(vm, "gmtime", argc, args, kw, false);
}

static mpy_value time_mktime(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_one(vm, "time.mktime", argc, kw)) return MPY_NULL;
    struct tm tm;
    if (!value_to_tm(vm, "mktime", args[0], &tm)) return MPY_NULL;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1)
        return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "mktime argument out of range");
    return mpy_from_float((double)t);
}

/* The struct tm of an optional time-tuple argument (absent: now, local). */
static bool tm_arg(mpy_vm *vm, const char *fname, int argc, const mpy_value *args, int i, struct tm *tm)
{
    if (argc > i) return value_to_tm(vm, fname, args[i], tm);
    time_t t = time(NULL);
    localtime_r(&t, tm);
    return true;
}

static mpy_value time_strftime(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "strftime", argc, kw, 1, 2)) return MPY_NULL;
    if (!mpy_is_sub(vm, args[0], MPY_TYPE_STR))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "strftime() argument 1 must be str, not %s",
                             mpy_tname(vm, args[0]));
    struct tm tm;
    if (!tm_arg(vm, "strftime", argc, args, 1, &tm)) return MPY_NULL;
    mpy_str *fmt = mpy_as_str(args[0]);
    if (fmt->len == 0) return mpy_from_obj(vm->empty_str);
    /* strftime returns 0 both for "too small" and for an empty result;
     * grow the buffer a few times before accepting an empty string. */
    for (size_t cap = 256; cap <= 256 * 1024; cap *= 4) {
        char *buf = mpy_mem_realloc(vm, NULL, 0, cap);
        if (!buf) return MPY_NULL;
        size_t n = strftime(buf, cap, fmt->data, &tm);
        if (n > 0 || cap >= fmt->len * 64) {
            mpy_str *s = mpy_str_new(vm, buf, n);
            mpy_mem_free(vm, buf, cap);
            return s ? mpy_from_obj(s) : MPY_NULL;
        }
        mpy_mem_free(vm, buf, cap);
    }
    return mpy_from_obj(vm->empty_str);
}

static mpy_value asctime_of(mpy_vm *vm, const struct tm *tm)
{
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int wd = tm->tm_wday >= 0 && tm->tm_wday < 7 ? tm->tm_wday : 0;
    int mo = tm->tm_mon >= 0 && tm->tm_mon < 12 ? tm->tm_mon : 0;
    mpy_str *s = mpy_str_printf(vm, "%s %s%3d %.2d:%.2d:%.2d %d", wday[wd], mon[mo], tm->tm_mday, tm->tm_hour,
                                tm->tm_min, tm->tm_sec, tm->tm_year + 1900);
    return s ? mpy_from_obj(s) : MPY_NULL;
}

static mpy_value time_asctime(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "asctime", argc, kw, 0, 1)) return MPY_NULL;
    struct tm tm;
    if (!tm_arg(vm, "asctime", argc, args, 0, &tm)) return MPY_NULL;
    return asctime_of(vm, &tm);
}

static mpy_value time_ctime(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "ctime", argc, kw, 0, 1)) return MPY_NULL;
    time_t t;
    if (!time_arg(vm, argc, args, &t)) return MPY_NULL;
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "timestamp out of range for platform time_t");
    return asctime_of(vm, &tm);
}

static const mpy_method_def time_functions[] = {
    {"time", time_time, 0},
    {"time_ns", time_time_ns, 0},
    {"perf_counter", time_perf_counter, 0},
    {"perf_counter_ns", time_perf_counter_ns, 0},
    {"monotonic", time_monotonic, 0},
    {"monotonic_ns", time_monotonic_ns, 0},
    {"process_time", time_process_time, 0},
    {"process_time_ns", time_process_time_ns, 0},
    {"sleep", time_sleep, 0},
    {"localtime", time_localtime, 0},
    {"gmtime", time_gmtime, 0},
    {"mktime", time_mktime, 0},
    {"strftime", time_strftime, 0},
    {"asctime", time_asctime, 0},
    {"ctime", time_ctime, 0},
    {NULL, NULL, 0},
};

mpy_module *mpy_module_time_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "time");
    if (!m || !mpy_module_add_functions(vm, m, time_functions)) return NULL;
    mpy_type *st = make_struct_time(vm);
    if (!st || !mpy_dict_set_cstr(vm, m->dict, "struct_time", mpy_from_obj(st))) return NULL;
    return m;
}
