/* The _fileio module: raw file descriptor operations for io.open().
 *
 * Only what io.py's FileIO needs, as thin wrappers over POSIX open, read,
 * write, lseek, close, ftruncate, fstat and isatty: the buffering, the
 * text layer and every check that has a CPython message of its own are in
 * Python (runtime/lib/io.py).  A failing call raises OSError(errno,
 * strerror(errno)[, filename]), which runtime/exc.c turns into the
 * subclass for errno (FileNotFoundError ...), as CPython's FileIO does.
 * EINTR is retried.
 *
 * Also the builtin open(), which calls io.open (see mpy_builtin_open).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "vm/state.h"
#include "vm/import.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/str.h"

/* runtime/bytes.c */
bool mpy_bytes_view(mpy_vm *vm, mpy_value v, const unsigned char **data, size_t *len);

/* Raises OSError(err, strerror(err)[, filename]). */
static mpy_value raise_errno(mpy_vm *vm, int err, mpy_value filename)
{
    mpy_str *msg = mpy_str_printf(vm, "%s", strerror(err));
    if (!msg) return MPY_NULL;
    mpy_value args[3] = {mpy_from_int(err), mpy_from_obj(msg), filename};
    mpy_value e = mpy_exc_new(vm, vm->exc_types[MPY_EXC_OSError], mpy_is_null(filename) ? 2 : 3, args);
    if (mpy_is_null(e)) return MPY_NULL;
    mpy_err_set(vm, e);
    return MPY_NULL;
}

static bool int_arg(mpy_vm *vm, mpy_value v, int *out)
{
    int64_t i;
    if (!mpy_index(vm, v, &i)) return false;
    if (i < INT_MIN || i > INT_MAX) return mpy_err_msg(vm, MPY_EXC_OverflowError, "Python int too large to convert to C int");
    *out = (int)i;
    return true;
}

/* open(path, flags, mode) -> fd.  path: str or bytes without NULs.  A
 * directory opened for reading is refused with EISDIR, as FileIO does. */
static mpy_value fio_open(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "open", argc, kw, 3, 3)) return MPY_NULL;
    const char *path;
    size_t len;
    if (mpy_is_strv(args[0])) {
        path = mpy_as_str(args[0])->data;
        len = mpy_as_str(args[0])->len;
    } else {
        const unsigned char *p;
        if (!mpy_bytes_view(vm, args[0], &p, &len))
            return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "expected str, bytes or os.PathLike object, not %s",
                                 mpy_tname(vm, args[0]));
        path = (const char *)p;
    }
    if (strlen(path) != len) return mpy_err_fmt_v(vm, MPY_EXC_ValueError, "embedded null byte");
    int flags = 0, mode = 0;
    if (!int_arg(vm, args[1], &flags) || !int_arg(vm, args[2], &mode)) return MPY_NULL;
    int fd = -1;
    do fd = open(path, flags | O_CLOEXEC, (mode_t)mode);
    while (fd < 0 && errno == EINTR && !vm->interrupt);
    if (fd < 0) return raise_errno(vm, errno, args[0]);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        return raise_errno(vm, EISDIR, args[0]);
    }
    return mpy_from_int(fd);
}

/* read(fd, n) -> bytes (b'' at the end of the file) */
static mpy_value fio_read(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "read", argc, kw, 2, 2)) return MPY_NULL;
    int fd = -1;
    int64_t n = 0;
    if (!int_arg(vm, args[0], &fd) || !mpy_index(vm, args[1], &n)) return MPY_NULL;
    if (n < 0) n = 0;
    if (n > (int64_t)1 << 30) n = (int64_t)1 << 30;
    char *buf = malloc(n ? (size_t)n : 1);
    if (!buf) return mpy_err_nomem(vm), MPY_NULL;
    ssize_t got;
    do got = read(fd, buf, (size_t)n);
    while (got < 0 && errno == EINTR && !vm->interrupt);
    if (got < 0) {
        int err = errno;
        free(buf);
        return raise_errno(vm, err, MPY_NULL);
    }
    mpy_bytes *b = mpy_bytes_new(vm, buf, (size_t)got);
    free(buf);
    return b ? mpy_from_obj(b) : MPY_NULL;
}

/* readall(fd) -> bytes: everything from the current position to the end. */
static mpy_value fio_readall(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "readall", argc, kw, 1, 1)) return MPY_NULL;
    int fd = -1;
    if (!int_arg(vm, args[0], &fd)) return MPY_NULL;
    size_t cap = 8192, len = 0;
    struct stat st;
    off_t pos = lseek(fd, 0, SEEK_CUR);
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && pos >= 0 && st.st_size > pos)
        cap = (size_t)(st.st_size - pos) + 1; /* +1: see the end in one more read */
    char *buf = malloc(cap);
    if (!buf) return mpy_err_nomem(vm), MPY_NULL;
    for (;;) {
        if (len == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return mpy_err_nomem(vm), MPY_NULL;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + len, cap - len);
        if (got < 0 && errno == EINTR && !vm->interrupt) continue;
        if (got < 0) {
            int err = errno;
            free(buf);
            return raise_errno(vm, err, MPY_NULL);
        }
        if (got == 0) break;
        len += (size_t)got;
    }
    mpy_bytes *b = mpy_bytes_new(vm, buf, len);
    free(buf);
    return b ? mpy_from_obj(b) : MPY_NULL;
}

/* write(fd, data) -> the number of bytes written (all of them). */
static mpy_value fio_write(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "write", argc, kw, 2, 2)) return MPY_NULL;
    int fd = -1;
    if (!int_arg(vm, args[0], &fd)) return MPY_NULL;
    const unsigned char *p;
    size_t len;
    if (!mpy_bytes_view(vm, args[1], &p, &len))
        return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "a bytes-like object is required, not '%s'", mpy_tname(vm, args[1]));
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, p + done, len - done);
        if (n < 0 && errno == EINTR && !vm->interrupt) continue;
        if (n < 0) return raise_errno(vm, errno, MPY_NULL);
        done += (size_t)n;
    }
    return mpy_from_int((int64_t)done);
}

/* lseek(fd, pos, whence) -> the new position */
static mpy_value fio_lseek(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "lseek", argc, kw, 3, 3)) return MPY_NULL;
    int fd = -1, whence = 0;
    int64_t pos = 0;
    if (!int_arg(vm, args[0], &fd) || !mpy_index(vm, args[1], &pos) || !int_arg(vm, args[2], &whence))
        return MPY_NULL;
    off_t r = lseek(fd, (off_t)pos, whence);
    if (r < 0) return raise_errno(vm, errno, MPY_NULL);
    return mpy_from_int((int64_t)r);
}

static mpy_value fio_close(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "close", argc, kw, 1, 1)) return MPY_NULL;
    int fd = -1;
    if (!int_arg(vm, args[0], &fd)) return MPY_NULL;
    /* Not retried on EINTR: on Linux the descriptor is gone anyway. */
    if (close(fd) < 0 && errno != EINTR) return raise_errno(vm, errno, MPY_NULL);
    return MPY_NONE;
}

static mpy_value fio_ftruncate(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "ftruncate", argc, kw, 2, 2)) return MPY_NULL;
    int fd = -1;
    int64_t size = 0;
    if (!int_arg(vm, args[0], &fd) || !mpy_index(vm, args[1], &size)) return MPY_NULL;
    int r;
    do r = ftruncate(fd, (off_t)size);
    while (r < 0 && errno == EINTR && !vm->interrupt);
    if (r < 0) return raise_errno(vm, errno, MPY_NULL);
    return MPY_NONE;
}

static mpy_value fio_isatty(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "isatty", argc, kw, 1, 1)) return MPY_NULL;
    int fd = -1;
    if (!int_arg(vm, args[0], &fd)) return MPY_NULL;
    return mpy_from_bool(isatty(fd) == 1);
}

/* blksize(fd) -> st_blksize (the buffer size CPython's open() picks). */
static mpy_value fio_blksize(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_tuple(vm, "blksize", argc, kw, 1, 1)) return MPY_NULL;
    int fd = -1;
    if (!int_arg(vm, args[0], &fd)) return MPY_NULL;
    struct stat st;
    if (fstat(fd, &st) < 0) return raise_errno(vm, errno, MPY_NULL);
    return mpy_from_int(st.st_blksize > 1 ? (int64_t)st.st_blksize : 8192);
}

/* The builtin open(): io.open, whose classes are Python code in the
 * frozen io module.  A C function rather than io.open itself in builtins
 * so that io is imported only by programs that open files (start-up stays
 * cheap) and `open` still reprs as <built-in function open>; io.open is
 * this same function (io.py takes it from builtins). */
mpy_value mpy_builtin_open(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw);
mpy_value mpy_builtin_open(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    mpy_value io = mpy_import_module(vm, "io");
    if (mpy_is_null(io)) return MPY_NULL;
    mpy_value fn = mpy_getattr_cstr(vm, io, "_open");
    if (mpy_is_null(fn)) return MPY_NULL;
    /* Rooted: called from the interpreter, the caller's frame holds the
     * arguments, and io may collect (see _open's gc.collect()). */
    return mpy_call_rooted(vm, fn, argc, args, kw);
}

static const mpy_method_def fileio_functions[] = {
    {"open", fio_open, 0},
    {"read", fio_read, 0},
    {"readall", fio_readall, 0},
    {"write", fio_write, 0},
    {"lseek", fio_lseek, 0},
    {"close", fio_close, 0},
    {"ftruncate", fio_ftruncate, 0},
    {"isatty", fio_isatty, 0},
    {"blksize", fio_blksize, 0},
    {NULL, NULL, 0},
};

mpy_module *mpy_module__fileio_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "_fileio");
    if (!m || !mpy_module_add_functions(vm, m, fileio_functions)) return NULL;
    static const struct { const char *name; int value; } consts[] = {
        {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},   {"O_CREAT", O_CREAT},
        {"O_EXCL", O_EXCL},     {"O_TRUNC", O_TRUNC},   {"O_APPEND", O_APPEND},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (!mpy_dict_set_cstr(vm, m->dict, consts[i].name, mpy_from_int(consts[i].value))) return NULL;
    return m;
}
