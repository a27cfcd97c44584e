/* The shell as a user meets it: minipy started on a real pseudo-terminal,
 * fed keystrokes, its screen output matched.  Covers the banner, prompts,
 * echo, blocks, Ctrl+C while typing and while code runs, and Ctrl+D.
 *
 * The program under test is $MPY_PROG (the Makefile sets it), default
 * build/minipy.
 */
#define _XOPEN_SOURCE 700
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "suites.h"

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

typedef struct session {
    int master;
    pid_t pid;
    char out[65536];
    size_t len;
} session;

static bool start(session *s, const char *flag)
{
    memset(s, 0, sizeof *s);
    s->master = posix_openpt(O_RDWR | O_NOCTTY);
    if (s->master < 0 || grantpt(s->master) != 0 || unlockpt(s->master) != 0) return false;
    const char *slave = ptsname(s->master);
    if (!slave) return false;
    const char *prog = getenv("MPY_PROG");
    if (!prog) prog = "build/minipy";
    s->pid = fork();
    if (s->pid < 0) return false;
    if (s->pid == 0) {
        setsid();
        int fd = open(slave, O_RDWR);
        if (fd < 0) _exit(127);
        dup2(fd, 0);
        dup2(fd, 1);
        dup2(fd, 2);
        if (fd > 2) close(fd);
        close(s->master);
        if (flag) execl(prog, prog, flag, (char *)NULL);
        else execl(prog, prog, (char *)NULL);
        _exit(127);
    }
    return true;
}

/* Reads until `want` appears after position `from`, or a timeout. */
static bool expect_from(session *s, size_t from, const char *want)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        s->out[s->len] = 0;
        if (strstr(s->out + from, want)) return true;
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        long ms = (t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
        if (ms > 5000) return false;
        struct pollfd p = {s->master, POLLIN, 0};
        if (poll(&p, 1, 100) <= 0) continue;
        if (s->len + 1 >= sizeof s->out) return false;
        ssize_t n = read(s->master, s->out + s->len, sizeof s->out - 1 - s->len);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) continue;
            s->out[s->len] = 0;
            return strstr(s->out + from, want) != NULL;
        }
        s->len += (size_t)n;
    }
}

static void type(session *s, const char *keys)
{
    size_t n = strlen(keys);
    ck_assert_int_eq(write(s->master, keys, n), (ssize_t)n);
}

/* Types `keys` and waits for `want` in the output that follows. */
static void step(session *s, const char *keys, const char *want)
{
    size_t from = s->len;
    type(s, keys);
    ck_assert_msg(expect_from(s, from, want), "after typing %s expected \"%s\"; screen:\n%s", keys, want, s->out);
}

static int finish(session *s)
{
    int status = 0;
    for (int i = 0; i < 50; i++) {
        pid_t r = waitpid(s->pid, &status, WNOHANG);
        if (r == s->pid) break;
        char tmp[4096];
        struct pollfd p = {s->master, POLLIN, 0};
        if (poll(&p, 1, 100) > 0 && read(s->master, tmp, sizeof tmp) <= 0) sleep_ms(10);
        if (i == 49) {
            kill(s->pid, SIGKILL);
            waitpid(s->pid, &status, 0);
        }
    }
    close(s->master);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* A machine without pseudo-terminals (some CI containers) cannot run
 * these tests; they say so instead of failing. */
#define START_OR_SKIP(s, flag)                                                 \
    do {                                                                       \
        if (!start(s, flag)) {                                                 \
            fprintf(stderr, "pty: no pseudo-terminal here, test skipped\n");   \
            return;                                                            \
        }                                                                      \
    } while (0)

/* A quiet session (-q), at its first prompt. */
#define START_AT_PROMPT(s)                                                     \
    do {                                                                       \
        START_OR_SKIP(s, "-q");                                                \
        ck_assert(expect_from(s, 0, ">>> "));                                  \
    } while (0)

/* Ends the session with Ctrl-D at a prompt: it must exit with status 0. */
static void quit_at_prompt(session *s)
{
    type(s, "\x04");
    ck_assert_int_eq(finish(s), 0);
}

START_TEST(banner_prompt_echo)
{
    session s;
    START_OR_SKIP(&s, NULL);
    ck_assert_msg(expect_from(&s, 0, "Type \"help\""), "no banner: %s", s.out);
    ck_assert(expect_from(&s, 0, ">>> "));
    step(&s, "6 * 7\r", "42\r\n>>> ");
    step(&s, "x = 'hi'\r", ">>> ");
    step(&s, "x\r", "'hi'\r\n>>> ");
    quit_at_prompt(&s);
}
END_TEST

START_TEST(block_needs_blank_line)
{
    session s;
    START_AT_PROMPT(&s);
    step(&s, "def f(n):\r", "... ");
    step(&s, "    return n + 1\r", "... ");
    step(&s, "\r", ">>> ");
    step(&s, "f(41)\r", "42\r\n>>> ");
    quit_at_prompt(&s);
}
END_TEST

START_TEST(ctrl_c_while_typing_keeps_session)
{
    session s;
    START_AT_PROMPT(&s);
    step(&s, "kept = 7\r", ">>> ");
    step(&s, "if True:\r", "... ");
    step(&s, "\x03", "KeyboardInterrupt\r\n>>> ");
    step(&s, "kept\r", "7\r\n>>> ");
    quit_at_prompt(&s);
}
END_TEST

START_TEST(ctrl_c_stops_running_code)
{
    session s;
    START_AT_PROMPT(&s);
    step(&s, "n = 0\r", ">>> ");
    step(&s, "while True: n += 1\r", "... ");
    type(&s, "\r");
    sleep_ms(200);
    step(&s, "\x03", "KeyboardInterrupt\r\n>>> ");
    step(&s, "n > 0\r", "True\r\n>>> ");
    quit_at_prompt(&s);
}
END_TEST

START_TEST(syntax_error_then_exit_status)
{
    session s;
    START_AT_PROMPT(&s);
    step(&s, "1 +* 2\r", "SyntaxError: invalid syntax\r\n>>> ");
    step(&s, "import sys; sys.exit(5)\r", "");
    ck_assert_int_eq(finish(&s), 5);
}
END_TEST

Suite *pty_suite(void)
{
    Suite *s = suite_create("pty");
    TCase *tc = tcase_create("console");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, banner_prompt_echo);
    tcase_add_test(tc, block_needs_blank_line);
    tcase_add_test(tc, ctrl_c_while_typing_keeps_session);
    tcase_add_test(tc, ctrl_c_stops_running_code);
    tcase_add_test(tc, syntax_error_then_exit_status);
    suite_add_tcase(s, tc);
    return s;
}
