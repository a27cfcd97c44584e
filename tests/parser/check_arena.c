/* Arena and persistent sequences (parser/arena.c, parser/seq.c). */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "testalloc.h"

START_TEST(arena_alloc_is_zeroed_and_aligned)
{
    mpy_arena a;
    mpy_arena_init(&a, NULL, NULL);
    for (int i = 1; i < 5000; i += 37) {
        unsigned char *p = mpy_arena_alloc(&a, (size_t)i);
        ck_assert_ptr_nonnull(p);
        ck_assert_uint_eq((uintptr_t)p % 16, 0);
        for (int j = 0; j < i; j++)
            ck_assert_uint_eq(p[j], 0);
        memset(p, 0xAB, (size_t)i);
    }
    ck_assert_str_eq(mpy_arena_strndup(&a, "hello!", 5), "hello");
    mpy_arena_free(&a);
}
END_TEST

START_TEST(arena_reports_out_of_memory)
{
    long budget = 2;
    mpy_arena a;
    mpy_arena_init(&a, mpy_test_budget_realloc, &budget);
    void *p = NULL;
    int n = 0;
    while ((p = mpy_arena_alloc(&a, 4000)) != NULL)
        n++;
    ck_assert_int_gt(n, 0);
    ck_assert(a.nomem);
    mpy_arena_free(&a);
}
END_TEST

START_TEST(seq_append_is_persistent)
{
    mpy_arena a;
    mpy_arena_init(&a, NULL, NULL);
    int items[100];
    mpy_ast_seq *s = mpy_ast_seq_new(&a);
    for (int i = 0; i < 10; i++)
        s = mpy_ast_seq_append(&a, s, &items[i]);
    /* Two appends to the same header (a snapshot and the original) must
     * not see each other's item. */
    mpy_ast_seq *x = mpy_ast_seq_append(&a, s, &items[50]);
    mpy_ast_seq *y = mpy_ast_seq_append(&a, s, &items[60]);
    ck_assert_int_eq(s->len, 10);
    ck_assert_int_eq(x->len, 11);
    ck_assert_int_eq(y->len, 11);
    ck_assert_ptr_eq(MPY_SEQ_GET(x, 10), &items[50]);
    ck_assert_ptr_eq(MPY_SEQ_GET(y, 10), &items[60]);
    for (int i = 0; i < 10; i++) {
        ck_assert_ptr_eq(MPY_SEQ_GET(x, i), &items[i]);
        ck_assert_ptr_eq(MPY_SEQ_GET(y, i), &items[i]);
    }
    mpy_ast_seq *c = mpy_ast_seq_concat(&a, x, y);
    ck_assert_int_eq(c->len, 22);
    ck_assert_ptr_eq(MPY_SEQ_GET(c, 21), &items[60]);
    ck_assert_int_eq(MPY_SEQ_LEN((mpy_ast_seq *)NULL), 0);
    mpy_arena_free(&a);
}
END_TEST

Suite *arena_suite(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("arena");
    tcase_add_test(tc, arena_alloc_is_zeroed_and_aligned);
    tcase_add_test(tc, arena_reports_out_of_memory);
    tcase_add_test(tc, seq_append_is_persistent);
    suite_add_tcase(s, tc);
    return s;
}
