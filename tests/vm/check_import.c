/* Tests of vm/import.c through the embedding API: modules written to a
 * temporary directory that is put first in sys.path. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/vm.h"
#include "testvm.h"

static char tmpdir[256];
static char created[16][512];
static int ncreated;

/* Writes tmpdir/rel (directories are made with a trailing '/'). */
static void put(const char *rel, const char *text)
{
    ck_assert_int_lt(ncreated, 16);
    char *path = created[ncreated++];
    snprintf(path, sizeof created[0], "%s/%s", tmpdir, rel);
    size_t n = strlen(path);
    if (path[n - 1] == '/') {
        path[n - 1] = 0;
        ck_assert_int_eq(mkdir(path, 0700), 0);
        return;
    }
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static void setup(void)
{
    strcpy(tmpdir, "/tmp/mpy_import_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    ncreated = 0;
}

static void teardown(void)
{
    for (int i = ncreated - 1; i >= 0; i--) {
        struct stat st;
        if (stat(created[i], &st) == 0 && S_ISDIR(st.st_mode)) rmdir(created[i]);
        else unlink(created[i]);
    }
    rmdir(tmpdir);
}

static void expect_output(const char *src, const char *want)
{
    mpy_test_out out = {.len = 0};
    mpy_vm *vm = mpy_test_capture_vm(&out);
    mpy_set_path0(vm, tmpdir);
    mpy_test_exec_expect(vm, &out, src, want);
    mpy_vm_free(vm);
}

START_TEST(test_module_runs_once)
{
    put("m1.py", "print('running m1')\nX = 5\n");
    expect_output("import m1\nimport m1 as again\nfrom m1 import X\nprint(X, again is m1, m1.__name__)\n",
                  "running m1\n5 True m1\n");
}
END_TEST

START_TEST(test_package_relative)
{
    put("pk/", NULL);
    put("pk/__init__.py", "P = 'p'\n");
    put("pk/a.py", "from . import b\nfrom .b import B\nA = B + '/a'\n");
    put("pk/b.py", "B = 'b'\n");
    expect_output("import pk.a\nprint(pk.a.A, pk.b.B, pk.P, pk.__package__, pk.a.__package__)\n"
                  "from pk import b\nprint(b is pk.b)\n",
                  "b/a b p pk pk\nTrue\n");
}
END_TEST

START_TEST(test_not_found)
{
    expect_output("try:\n"
                  "    import surely_missing_module\n"
                  "except ModuleNotFoundError as e:\n"
                  "    print(e, e.name)\n",
                  "No module named 'surely_missing_module' surely_missing_module\n");
}
END_TEST

START_TEST(test_failed_module_is_forgotten)
{
    put("bad.py", "print('bad runs')\nraise KeyError('x')\n");
    put("syn.py", "def f(:\n");
    expect_output("import sys\n"
                  "for i in range(2):\n"
                  "    try:\n"
                  "        import bad\n"
                  "    except KeyError:\n"
                  "        print('bad' in sys.modules)\n"
                  "try:\n"
                  "    import syn\n"
                  "except SyntaxError as e:\n"
                  "    print(type(e).__name__, e.lineno, e.filename.endswith('syn.py'))\n",
                  "bad runs\nFalse\nbad runs\nFalse\nSyntaxError 1 True\n");
}
END_TEST

START_TEST(test_circular)
{
    put("ca.py", "import cb\nA = 1\ndef get(): return cb.B\n");
    put("cb.py", "import ca\nB = 2\n");
    put("cc.py", "from cd import D\nC = 3\n");
    put("cd.py", "from cc import C\nD = 4\n");
    expect_output("import ca\nprint(ca.get(), ca.cb.ca is ca)\n"
                  "try:\n"
                  "    import cc\n"
                  "except ImportError as e:\n"
                  "    print('partially initialized' in e.args[0], e.name)\n",
                  "2 True\nTrue cc\n");
}
END_TEST

Suite *import_suite(void)
{
    Suite *s = suite_create("import");
    TCase *tc = tcase_create("import");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_module_runs_once);
    tcase_add_test(tc, test_package_relative);
    tcase_add_test(tc, test_not_found);
    tcase_add_test(tc, test_failed_module_is_forgotten);
    tcase_add_test(tc, test_circular);
    suite_add_tcase(s, tc);
    return s;
}
