/* The `minipy` program: python3's command line on top of vm/vm.h.
 *
 *   minipy [-q] [-i] [FILE | -c CMD | -] [ARGS...]
 *
 * With no FILE the program is read from stdin, or the console starts when
 * stdin is a terminal.  -i starts the console after the program (even when
 * stdin is not a terminal).  Exit status: 0, 1 for an uncaught exception,
 * 2 for usage errors, SystemExit's code.  Prompts, the banner and
 * tracebacks go to stderr, as python3 writes them.
 *
 * Front-end tools for tests and benchmarks: --tokens FILE, --ast FILE,
 * --ast-attrs FILE, --parse FILE, --verdict MODE, --dis FILE.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include "vm/vm.h"
#include "frontend_tool.h"

static mpy_vm *the_vm;
static volatile sig_atomic_t got_sigint;
static volatile sig_atomic_t reading; /* blocked in a console read */

/* Ctrl+C: while the console waits for a line it cancels the line; while
 * code runs it raises KeyboardInterrupt at the VM's next safe point. */
static void on_sigint(int sig)
{
    (void)sig;
    got_sigint = 1;
    if (the_vm && !reading) mpy_vm_interrupt(the_vm);
}

/* Output: stdout is buffered for speed; anything written to stderr first
 * flushes stdout so that `2>&1` shows both in program order, as python3
 * with PYTHONUNBUFFERED does. */
static void write_hook(mpy_vm *vm, mpy_stream stream, const char *text, size_t len)
{
    (void)vm;
    if (stream == MPY_STDERR) {
        fflush(stdout);
        fwrite(text, 1, len, stderr);
        fflush(stderr);
    } else {
        fwrite(text, 1, len, stdout);
    }
}

/* One line of stdin without its newline, in a buffer that grows; NULL at
 * end of input or when Ctrl+C interrupts the wait (got_sigint set).
 *
 * Input is read with read(2) into our own buffer, and the wait happens in
 * pselect() with SIGINT unblocked only there: a Ctrl+C that arrives just
 * before the wait is then seen by it instead of being lost in the gap
 * between checking the flag and blocking. */
static char *line_buf;
static size_t line_cap;
static char in_buf[4096];
static size_t in_pos, in_len;
static bool in_eof;

/* The next input byte, -1 at end of input, -2 when interrupted. */
static int next_byte(const sigset_t *waitmask)
{
    if (in_pos < in_len) return (unsigned char)in_buf[in_pos++];
    if (in_eof) return -1;
    for (;;) {
        if (got_sigint) return -2;
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(0, &fds);
        int r = pselect(1, &fds, NULL, NULL, NULL, waitmask);
        if (r < 0) {
            if (errno == EINTR) continue;
            in_eof = true;
            return -1;
        }
        ssize_t n = read(0, in_buf, sizeof in_buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            in_eof = true;
            return -1;
        }
        in_pos = 0;
        in_len = (size_t)n;
        return (unsigned char)in_buf[in_pos++];
    }
}

static const char *read_stdin_line(size_t *len)
{
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigprocmask(SIG_BLOCK, &block, &old);
    sigset_t waitmask = old;
    sigdelset(&waitmask, SIGINT);
    bool ok = true;
    size_t n = 0;
    for (;;) {
        if (n + 2 > line_cap) {
            size_t cap = line_cap ? line_cap * 2 : 256;
            char *p = realloc(line_buf, cap);
            if (!p) {
                ok = false;
                break;
            }
            line_buf = p;
            line_cap = cap;
        }
        int c = next_byte(&waitmask);
        if (c == -2 || (c == -1 && n == 0)) {
            ok = false;
            break;
        }
        if (c == -1 || c == '\n') break;
        line_buf[n++] = (char)c;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (!ok) return NULL;
    line_buf[n] = 0;
    *len = n;
    return line_buf;
}

/* input(): the prompt goes to stdout. */
static const char *read_line_hook(mpy_vm *vm, const char *prompt, size_t *len)
{
    (void)vm;
    if (prompt && *prompt) {
        fputs(prompt, stdout);
    }
    fflush(stdout);
    return read_stdin_line(len);
}

static int usage(FILE *f, int status)
{
    fprintf(f, "usage: minipy [option] ... [-c cmd | file | -] [arg] ...\n"
               "Options:\n"
               "-c cmd : program passed in as string (terminates option list)\n"
               "-h     : print this help message and exit (also -? or --help)\n"
               "-i     : inspect interactively after running script; forces a prompt even\n"
               "         if stdin does not appear to be a terminal\n"
               "-q     : don't print version and copyright messages on interactive startup\n"
               "-V     : print the Python version number and exit (also --version)\n"
               "file   : program read from script file\n"
               "-      : program read from stdin (default; interactive mode if a tty)\n"
               "arg ...: arguments passed to program in sys.argv[1:]\n"
               "Tools: --tokens FILE | --ast FILE | --ast-attrs FILE | --parse FILE |\n"
               "       --verdict exec|single|eval | --dis FILE\n");
    return status;
}

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 4096, n = 0;
    char *p = malloc(cap);
    if (!p) return NULL;
    size_t r;
    while ((r = fread(p + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *q = realloc(p, cap *= 2);
            if (!q) {
                free(p);
                return NULL;
            }
            p = q;
        }
    }
    *len = n;
    return p;
}

/* Runs a whole program; returns the exit status it asks for. */
static int run_source(mpy_vm *vm, const char *src, size_t len, const char *filename)
{
    mpy_result r = mpy_exec(vm, src, len, filename, MPY_EXEC_FILE);
    if (r == MPY_OK) return 0;
    if (r == MPY_SYSTEM_EXIT) {
        int st = mpy_exit_status(vm);
        mpy_clear_exception(vm);
        return st;
    }
    /* python3 exits with 130 (128 + SIGINT) after an uncaught Ctrl+C. */
    char type[64];
    mpy_exception_type(vm, type, sizeof type);
    mpy_print_exception(vm);
    return strcmp(type, "KeyboardInterrupt") == 0 ? 130 : 1;
}

/* The console loop.  Returns the exit status (0 at end of input). */
static int console(mpy_vm *vm, bool banner)
{
    if (banner) {
        char text[256];
        snprintf(text, sizeof text,
                 "Python %s on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
                 mpy_version());
        write_hook(vm, MPY_STDERR, text, strlen(text));
    }
    mpy_console *c = mpy_console_new(vm, "<stdin>");
    if (!c) return 1;
    bool more = false;
    int status = 0;
    for (;;) {
        /* From here until the line is read, Ctrl+C cancels the line. */
        got_sigint = 0;
        reading = 1;
        const char *prompt = mpy_prompt(vm, more);
        write_hook(vm, MPY_STDERR, prompt, strlen(prompt));
        size_t len;
        const char *line = read_stdin_line(&len);
        reading = 0;
        if (!line) {
            if (got_sigint) {
                /* Ctrl+C while typing: drop the block, keep the session. */
                got_sigint = 0;
                mpy_console_reset(c);
                more = false;
                static const char ki[] = "\nKeyboardInterrupt\n";
                write_hook(vm, MPY_STDERR, ki, sizeof ki - 1);
                continue;
            }
            write_hook(vm, MPY_STDERR, "\n", 1);
            break;
        }
        mpy_result r = mpy_console_push(c, line, len);
        more = r == MPY_INCOMPLETE;
        if (r == MPY_SYSTEM_EXIT) {
            status = mpy_exit_status(vm);
            mpy_clear_exception(vm);
            break;
        }
        if (r != MPY_OK && r != MPY_INCOMPLETE) mpy_print_exception(vm);
    }
    mpy_console_free(c);
    fflush(stdout);
    return status;
}

/* os.path.abspath(path): joined to the working directory and normalised
 * ("." and ".." components, repeated slashes), as python3 reports the
 * main script's path in __file__ and tracebacks. */
static void abspath(const char *path, char *out, size_t cap)
{
    char tmp[8192];
    if (path[0] == '/' || !getcwd(tmp, sizeof tmp - 2)) tmp[0] = 0;
    size_t n = strlen(tmp);
    snprintf(tmp + n, sizeof tmp - n, "/%s", path);
    /* Rebuild component by component. */
    size_t len = 0;
    out[0] = 0;
    for (char *seg = strtok(tmp, "/"); seg; seg = strtok(NULL, "/")) {
        if (strcmp(seg, ".") == 0) continue;
        if (strcmp(seg, "..") == 0) {
            while (len > 0 && out[len - 1] != '/') len--;
            if (len > 0) len--;
            out[len] = 0;
            continue;
        }
        size_t k = strlen(seg);
        if (len + k + 2 >= cap) break;
        out[len++] = '/';
        memcpy(out + len, seg, k);
        len += k;
        out[len] = 0;
    }
    if (len == 0) snprintf(out, cap, "/");
}

/* The directory part of a script path, for sys.path[0]. */
static void script_dir(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    if (slash && n == 0) n = 1; /* "/x.py" -> "/" */
    if (n >= cap) n = cap - 1;
    memcpy(out, path, n);
    out[n] = 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--tokens") == 0) return mpy_tool_tokens(argv[2]);
    if (argc == 3 && strcmp(argv[1], "--ast") == 0) return mpy_tool_ast(argv[2], 0);
    if (argc == 3 && strcmp(argv[1], "--ast-attrs") == 0) return mpy_tool_ast(argv[2], 1);
    if (argc == 3 && strcmp(argv[1], "--parse") == 0) return mpy_tool_ast(argv[2], -1);
    if (argc == 3 && strcmp(argv[1], "--verdict") == 0) return mpy_tool_verdict(argv[2]);

    bool quiet = false, inspect = false, dis = false;
    const char *cmd = NULL, *file = NULL;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0 || strcmp(a, "-?") == 0) return usage(stdout, 0);
        if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("Python %s\n", mpy_version());
            return 0;
        }
        if (strcmp(a, "--dis") == 0) { dis = true; continue; }
        if (a[0] != '-' || strcmp(a, "-") == 0) break;
        if (strcmp(a, "--") == 0) { i++; break; }
        if (a[1] == '-') {
            fprintf(stderr, "unknown option %s\n", a);
            return usage(stderr, 2);
        }
        /* Bundled single-letter flags: -qi, -ic CMD ... */
        bool stop = false;
        for (const char *p = a + 1; *p && !stop; p++) {
            switch (*p) {
            case 'q': quiet = true; break;
            case 'i': inspect = true; break;
            case 'u': case 'B': case 'E': case 's': case 'S': break; /* accepted, no effect */
            case 'c':
                if (p[1]) cmd = p + 1;
                else if (i + 1 < argc) cmd = argv[++i];
                else {
                    fprintf(stderr, "Argument expected for the -c option\n");
                    return usage(stderr, 2);
                }
                stop = true;
                break;
            default:
                fprintf(stderr, "Unknown option: -%c\n", *p);
                return usage(stderr, 2);
            }
        }
        if (cmd) { i++; break; }
    }
    if (!cmd && i < argc) file = argv[i++];

    /* sys.argv: the script (or "-c", or "") then the remaining arguments. */
    int nargs = argc - i + 1;
    const char **args = malloc(sizeof *args * (size_t)(nargs + 1));
    if (!args) return 1;
    args[0] = cmd ? "-c" : file ? file : "";
    for (int k = i; k < argc; k++) args[k - i + 1] = argv[k];
    args[nargs] = NULL;

    mpy_config cfg;
    mpy_config_init(&cfg);
    cfg.write = write_hook;
    cfg.read_line = read_line_hook;
    cfg.argc = nargs;
    cfg.argv = args;
    mpy_vm *vm = mpy_vm_new(&cfg);
    if (!vm) {
        fprintf(stderr, "minipy: out of memory\n");
        return 1;
    }
    the_vm = vm;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL); /* no SA_RESTART: a read returns EINTR */

    char dir[4096] = "", path[4096] = "";
    if (file && strcmp(file, "-") != 0) {
        abspath(file, path, sizeof path);
        script_dir(path, dir, sizeof dir);
    }
    mpy_set_path0(vm, dir);

    int status = 0;
    bool tty = isatty(0);
    if (cmd) {
        status = run_source(vm, cmd, strlen(cmd), "<string>");
    } else if (file && strcmp(file, "-") != 0) {
        FILE *f = fopen(file, "rb");
        if (!f) {
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv[0], file, errno, strerror(errno));
            mpy_vm_free(vm);
            free(args);
            return 2;
        }
        size_t len;
        char *src = read_all(f, &len);
        fclose(f);
        if (!src) return 1;
        if (dis) status = mpy_dis(vm, src, len, file) == MPY_OK ? 0 : 1;
        else status = run_source(vm, src, len, path);
        free(src);
    } else if (!tty && !inspect) {
        size_t len;
        char *src = read_all(stdin, &len);
        if (!src) return 1;
        status = run_source(vm, src, len, "<stdin>");
        free(src);
    } else {
        status = console(vm, !quiet && tty);
        inspect = false;
    }
    if (inspect) status = console(vm, false);
    fflush(stdout);
    mpy_vm_free(vm);
    free(args);
    free(line_buf);
    return status;
}
