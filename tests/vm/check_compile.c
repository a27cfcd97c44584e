/* Tests of the compiler (vm/compile*.c, vm/symtable.c) and the
 * disassembler (vm/disasm.c), driven by tests/vm/compile_cases.txt
 * (tests/vm/gen_compile_cases.py explains its three record kinds):
 * disassembly of small sources, programs whose output python3 recorded,
 * and sources the compiler must reject with CPython's message.  A few
 * direct tests cover the single and eval modes and the line table. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "vm/vm.h"
#include "vm/state.h"
#include "vm/compile.h"
#include "vm/disasm.h"
#include "runtime/str.h"
#include "testvm.h"

#define COMPILE_CASES "tests/vm/compile_cases.txt"

static mpy_casefile *cases;

static void load_cases(void) { cases = mpy_casefile_load(COMPILE_CASES); }
static void free_cases(void)
{
    if (cases) mpy_casefile_free(cases);
    cases = NULL;
}

/* Compiles src; NULL with *err filled on a syntax error. */
static mpy_code *compile_src(mpy_vm *vm, const char *src, mpy_parse_mode mode, mpy_syntax_error *err, bool *syntax)
{
    mpy_arena a;
    mpy_arena_init(&a, NULL, NULL);
    mpy_ast_mod *mod = NULL;
    memset(err, 0, sizeof *err);
    *syntax = false;
    mpy_parse_status st = mpy_parse(src, strlen(src), mode, &a, &mod, err);
    mpy_code *co = NULL;
    if (st == MPY_PARSE_COMPLETE) co = mpy_compile(vm, mod, "<test>", mode, err, syntax);
    else *syntax = true;
    mpy_arena_free(&a);
    return co;
}

/* Compiles src, which must compile. */
static mpy_code *compile_ok(mpy_vm *vm, const char *src, mpy_parse_mode mode)
{
    mpy_syntax_error err;
    bool syntax;
    mpy_code *co = compile_src(vm, src, mode, &err, &syntax);
    ck_assert_msg(co != NULL, "compile failed: %s", err.msg);
    return co;
}

static char *disasm_text(mpy_vm *vm, mpy_code *co)
{
    mpy_str *s = mpy_disasm(vm, co);
    ck_assert_ptr_nonnull(s);
    return strdup(s->data);
}

START_TEST(compile_case)
{
    const mpy_case *c = &cases->cases[_i];
    const char *name = mpy_case_get(c, "name", NULL);
    const char *src = mpy_case_get(c, "src", NULL);
    const char *dis = mpy_case_get(c, "dis", NULL);
    const char *want_out = mpy_case_get(c, "out", NULL);
    const char *want_err = mpy_case_get(c, "error", NULL);
    mpy_test_out out = {.len = 0};
    mpy_vm *vm = mpy_test_capture_vm(&out);
    mpy_syntax_error err;
    bool syntax;
    if (dis) {
        mpy_code *co = compile_src(vm, src, MPY_MODE_EXEC, &err, &syntax);
        if (!co) ck_abort_msg("case %s (line %d): compile failed: %s", name, c->line, err.msg);
        char *got = disasm_text(vm, co);
        if (strcmp(got, dis) != 0)
            ck_abort_msg("case %s (line %d):\n--- want\n%s\n--- got\n%s", name, c->line, dis, got);
        free(got);
    } else if (want_out) {
        mpy_result r = mpy_exec(vm, src, strlen(src), "<test>", MPY_EXEC_FILE);
        if (r != MPY_OK) mpy_print_exception(vm);
        ck_assert_msg(r == MPY_OK, "case %s (line %d) raised", name, c->line);
        if (strcmp(out.text, want_out) != 0)
            ck_abort_msg("case %s (line %d):\n--- want\n%s--- got\n%s", name, c->line, want_out, out.text);
    } else if (want_err) {
        mpy_code *co = compile_src(vm, src, MPY_MODE_EXEC, &err, &syntax);
        ck_assert_msg(co == NULL && syntax, "case %s (line %d): no SyntaxError", name, c->line);
        ck_assert_str_eq(err.msg, want_err);
        ck_assert_int_eq(err.line, atoi(mpy_case_get(c, "lineno", NULL)));
    }
    mpy_vm_free(vm);
}
END_TEST

START_TEST(single_and_eval_modes)
{
    mpy_test_out out = {.len = 0};
    mpy_vm *vm = mpy_test_capture_vm(&out);
    mpy_code *co = compile_ok(vm, "for i in range(2): i\n", MPY_MODE_SINGLE);
    char *d = disasm_text(vm, co);
    ck_assert_ptr_nonnull(strstr(d, "PRINT_EXPR"));
    free(d);
    co = compile_ok(vm, "a + b\n", MPY_MODE_EVAL);
    d = disasm_text(vm, co);
    ck_assert_ptr_nonnull(strstr(d, "BINARY_OP                0 (+)\n          3 RETURN_VALUE\n"));
    ck_assert_ptr_null(strstr(d, "None"));
    free(d);
    ck_assert_int_eq(mpy_exec(vm, "x = 6 * 7; x\n", 13, "<stdin>", MPY_EXEC_SINGLE), MPY_OK);
    ck_assert_str_eq(out.text, "42\n");
    mpy_vm_free(vm);
}
END_TEST

START_TEST(line_table)
{
    mpy_test_out out = {.len = 0};
    mpy_vm *vm = mpy_test_capture_vm(&out);
    mpy_code *co = compile_ok(vm, "a = 1\n\nb = (a +\n     2)\nc = f(\n  a,\n  b)\n", MPY_MODE_EXEC);
    /* every instruction has a line; the call is on the line it starts */
    int calls = 0;
    for (uint32_t pc = 0; pc < co->ncode; pc++) {
        int line = mpy_code_line(co, pc);
        ck_assert_int_ge(line, 1);
        if (MPY_INS_OP(co->code[pc]) == MPY_OP_CALL) {
            ck_assert_int_eq(line, 5);
            calls++;
        }
        if (MPY_INS_OP(co->code[pc]) == MPY_OP_BINARY_OP) ck_assert_int_eq(line, 3);
    }
    ck_assert_int_eq(calls, 1);
    ck_assert_int_eq(mpy_code_line(co, 0), 1);
    mpy_vm_free(vm);
}
END_TEST

START_TEST(stack_sizes)
{
    /* Deep expressions need deep stacks; long displays do not. */
    mpy_test_out out = {.len = 0};
    mpy_vm *vm = mpy_test_capture_vm(&out);
    mpy_code *co = compile_ok(vm, "x = f(1, g(2, h(3, 4)))\n", MPY_MODE_EXEC);
    ck_assert_uint_eq(co->stacksize, 10);
    char src[4096] = "x = [";
    for (int i = 0; i < 500; i++) strcat(src, "1, ");
    strcat(src, "2]\n");
    co = compile_ok(vm, src, MPY_MODE_EXEC);
    ck_assert_uint_le(co->stacksize, 3);
    mpy_vm_free(vm);
}
END_TEST

Suite *compile_suite(void)
{
    Suite *s = suite_create("compile");
    TCase *tc = tcase_create("cases");
    tcase_add_unchecked_fixture(tc, load_cases, free_cases);
    tcase_add_loop_test(tc, compile_case, 0, mpy_casefile_count(COMPILE_CASES));
    suite_add_tcase(s, tc);
    TCase *t2 = tcase_create("direct");
    tcase_add_test(t2, single_and_eval_modes);
    tcase_add_test(t2, line_table);
    tcase_add_test(t2, stack_sizes);
    suite_add_tcase(s, t2);
    return s;
}
