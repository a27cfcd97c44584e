/* Tests for runtime/str.c, str_methods.c, format.c and bytes.c through
 * their C API and the protocols: UTF-8 handling (code point counts,
 * offsets, decoding errors), repr, hashing, the operators, the methods
 * through mpy_call_method, the format-spec language and % formatting.
 * Python-level behaviour is covered by tests/py/str_*.py and fmt_*.py. */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/format.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "testvm.h"

static mpy_vm *vm;

static void setup(void) { vm = mpy_vm_new(NULL); }
static void teardown(void) { mpy_vm_free(vm); }

/* The text of a str value (else its repr), or "Type: message" when v
 * failed; R: repr(v) or the same message (tests/testvm.c). */
#define T(v) mpy_test_text(vm, (v))
#define R(v) mpy_test_repr(vm, (v))

static mpy_value S(const char *s) { return mpy_from_obj(mpy_str_from_cstr(vm, s)); }
static mpy_value I(int64_t i) { return mpy_from_int(i); }

/* self.name(args...) */
static mpy_value M(mpy_value self, const char *name, int argc, ...)
{
    mpy_value a[8];
    va_list ap;
    va_start(ap, argc);
    for (int i = 0; i < argc; i++) a[i] = va_arg(ap, mpy_value);
    va_end(ap);
    return mpy_call_method(vm, self, name, argc, a);
}

static const char *F(mpy_value v, const char *spec)
{
    return T(mpy_format(vm, v, mpy_str_from_cstr(vm, spec)));
}

/* ------------------------------------------------------------------ core */

START_TEST(test_utf8_lengths)
{
    mpy_str *s = mpy_str_from_cstr(vm, "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    ck_assert_uint_eq(s->len, 10);
    ck_assert_uint_eq(s->cplen, 4);
    ck_assert(!mpy_str_is_ascii(s));
    ck_assert_uint_eq(mpy_str_offset(s, 0), 0);
    ck_assert_uint_eq(mpy_str_offset(s, 2), 3);
    ck_assert_uint_eq(mpy_str_offset(s, 3), 6);
    ck_assert_uint_eq(mpy_str_offset(s, 4), 10);
    ck_assert_str_eq(mpy_str_char_at(vm, s, 2)->data, "\xe2\x82\xac");
    ck_assert_str_eq(mpy_str_char_at(vm, s, 0)->data, "a");
    char buf[4];
    ck_assert_uint_eq(mpy_utf8_encode(0x1f600, buf), 4);
    const unsigned char *p = (const unsigned char *)buf;
    ck_assert_uint_eq(mpy_utf8_decode(&p), 0x1f600);
}
END_TEST

START_TEST(test_from_utf8_errors)
{
    ck_assert_ptr_null(mpy_str_from_utf8(vm, "a\xff", 2, NULL));
    ck_assert_str_eq(T(MPY_NULL),
                     "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte");
    ck_assert_ptr_null(mpy_str_from_utf8(vm, "\xe4\xb8", 2, "strict"));
    ck_assert_str_eq(T(MPY_NULL),
                     "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
    mpy_str *r = mpy_str_from_utf8(vm, "a\xed\xa0\x80z", 5, "replace");
    ck_assert_str_eq(r->data, "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz");
    ck_assert_uint_eq(r->cplen, 5);
    r = mpy_str_from_utf8(vm, "a\xffz", 3, "ignore");
    ck_assert_str_eq(r->data, "az");
}
END_TEST

START_TEST(test_repr_quotes)
{
    ck_assert_str_eq(mpy_str_repr(vm, mpy_str_from_cstr(vm, "it's"))->data, "\"it's\"");
    ck_assert_str_eq(mpy_str_repr(vm, mpy_str_from_cstr(vm, "a'\""))->data, "'a\\'\"'");
    ck_assert_str_eq(mpy_str_repr(vm, mpy_str_from_cstr(vm, "\t\x01\xc2\x80\xc3\xa9"))->data, "'\\t\\x01\\x80\xc3\xa9'");
    ck_assert_str_eq(mpy_str_to_ascii(vm, mpy_str_from_cstr(vm, "\xc3\xa9\xe2\x82\xac"))->data, "\\xe9\\u20ac");
}
END_TEST

START_TEST(test_hash_and_eq)
{
    mpy_str *a = mpy_str_from_cstr(vm, "hello"), *b = mpy_str_concat(vm, mpy_str_from_cstr(vm, "hel"),
                                                                     mpy_str_from_cstr(vm, "lo"));
    ck_assert(a != b);
    ck_assert(mpy_str_eq(a, b));
    ck_assert_int_eq(mpy_str_hash(a), mpy_str_hash(b));
    ck_assert_int_eq(mpy_str_hash(vm->empty_str), 0);
    ck_assert_int_eq(mpy_compare_bool(vm, S("a"), S("\xc3\xa9"), MPY_CMP_LT), 1);
    ck_assert_int_eq(mpy_compare_bool(vm, S("ab"), S("a"), MPY_CMP_GT), 1);
}
END_TEST

START_TEST(test_operators)
{
    ck_assert_str_eq(T(mpy_binary_op(vm, MPY_BINOP_ADD, S("ab"), S("cd"))), "abcd");
    ck_assert_str_eq(T(mpy_binary_op(vm, MPY_BINOP_MUL, S("ab"), I(3))), "ababab");
    ck_assert_str_eq(T(mpy_binary_op(vm, MPY_BINOP_MUL, I(2), S("xy"))), "xyxy");
    ck_assert_str_eq(T(mpy_binary_op(vm, MPY_BINOP_ADD, S("a"), I(1))),
                     "TypeError: can only concatenate str (not \"int\") to str");
    ck_assert_str_eq(T(mpy_getitem(vm, S("h\xc3\xa9llo"), I(-4))), "\xc3\xa9");
    ck_assert_str_eq(T(mpy_getitem(vm, S("abc"), I(3))), "IndexError: string index out of range");
    ck_assert_int_eq(mpy_contains(vm, S("hello"), S("ll")), 1);
    ck_assert_int_eq(mpy_contains(vm, S("hello"), I(1)), -1);
    ck_assert_str_eq(T(MPY_NULL), "TypeError: 'in <string>' requires string as left operand, not int");
    ck_assert_int_eq(mpy_len(vm, S("\xe2\x82\xac\xe2\x82\xac")), 2);
}
END_TEST

START_TEST(test_iteration)
{
    mpy_value it = mpy_iter(vm, S("a\xc3\xa9z"));
    ck_assert_str_eq(T(mpy_next(vm, it)), "a");
    ck_assert_str_eq(T(mpy_next(vm, it)), "\xc3\xa9");
    ck_assert_str_eq(T(mpy_next(vm, it)), "z");
    ck_assert(mpy_is_null(mpy_next(vm, it)));
    ck_assert(!mpy_err_occurred(vm));
}
END_TEST

START_TEST(test_textbuf)
{
    mpy_textbuf b;
    mpy_textbuf_init(&b);
    for (int i = 0; i < 1000; i++) ck_assert(mpy_textbuf_add(vm, &b, "abc", 3));
    ck_assert(mpy_textbuf_addcp(vm, &b, 0x20ac));
    mpy_str *s = mpy_textbuf_finish(vm, &b);
    ck_assert_uint_eq(s->len, 3003);
    ck_assert_uint_eq(s->cplen, 3001);
}
END_TEST

START_TEST(test_mem_find)
{
    ck_assert_int_eq(mpy_mem_find("abcabc", 6, "ca", 2), 2);
    ck_assert_int_eq(mpy_mem_find("abcabc", 6, "cb", 2), -1);
    ck_assert_int_eq(mpy_mem_find("abc", 3, "", 0), 0);
    ck_assert_int_eq(mpy_mem_rfind("abcabc", 6, "ab", 2), 3);
    ck_assert_int_eq(mpy_mem_rfind("abc", 3, "", 0), 3);
}
END_TEST

/* --------------------------------------------------------------- methods */

START_TEST(test_split_join)
{
    ck_assert_str_eq(R(M(S("  a b\tc  "), "split", 0)), "['a', 'b', 'c']");
    ck_assert_str_eq(R(M(S("a,,b"), "split", 1, S(","))), "['a', '', 'b']");
    ck_assert_str_eq(R(M(S("a b c"), "rsplit", 2, MPY_NONE, I(1))), "['a b', 'c']");
    ck_assert_str_eq(T(M(S("a"), "split", 1, S(""))), "ValueError: empty separator");
    mpy_list *l = mpy_list_new(vm, 0);
    for (int i = 0; i < 1000; i++) ck_assert(mpy_list_append(vm, l, S("xy")));
    mpy_value j = M(S("-"), "join", 1, mpy_from_obj(l));
    ck_assert_uint_eq(mpy_as_str(j)->len, 2999);
    ck_assert(mpy_list_append(vm, l, I(5)));
    ck_assert_str_eq(T(M(S("-"), "join", 1, mpy_from_obj(l))),
                     "TypeError: sequence item 1000: expected str instance, int found");
}
END_TEST

START_TEST(test_search_replace)
{
    ck_assert_str_eq(R(M(S("\xc3\xa9t\xc3\xa9"), "find", 1, S("t"))), "1");
    ck_assert_str_eq(R(M(S("\xc3\xa9t\xc3\xa9"), "rfind", 1, S("\xc3\xa9"))), "2");
    ck_assert_str_eq(R(M(S("abcabc"), "count", 1, S("bc"))), "2");
    ck_assert_str_eq(T(M(S("abc"), "index", 1, S("x"))), "ValueError: substring not found");
    ck_assert_str_eq(T(M(S("aXbXc"), "replace", 2, S("X"), S("--"))), "a--b--c");
    ck_assert_str_eq(T(M(S("ab"), "replace", 2, S(""), S("."))), ".a.b.");
    ck_assert_str_eq(R(M(S("hello"), "startswith", 1, S("he"))), "True");
}
END_TEST

START_TEST(test_case_and_pad)
{
    ck_assert_str_eq(T(M(S("hello world"), "title", 0)), "Hello World");
    ck_assert_str_eq(T(M(S("stra\xc3\x9f" "e"), "upper", 0)), "STRASSE");
    ck_assert_str_eq(T(M(S("\xc3\x89T\xc3\x89"), "lower", 0)), "\xc3\xa9t\xc3\xa9");
    ck_assert_str_eq(T(M(S("ab"), "center", 2, I(6), S("*"))), "**ab**");
    ck_assert_str_eq(T(M(S("-7"), "zfill", 1, I(4))), "-007");
    ck_assert_str_eq(T(M(S(" x "), "strip", 0)), "x");
}
END_TEST

/* ---------------------------------------------------------------- format */

START_TEST(test_format_str)
{
    ck_assert_str_eq(F(S("abc"), "^7"), "  abc  ");
    ck_assert_str_eq(F(S("abc"), "*<6.2"), "ab****");
    ck_assert_str_eq(F(S("abc"), "d"), "ValueError: Unknown format code 'd' for object of type 'str'");
    ck_assert_str_eq(F(S("abc"), "+"), "ValueError: Sign not allowed in string format specifier");
    ck_assert_str_eq(F(S("abc"), ","), "ValueError: Cannot specify ',' with 's'.");
}
END_TEST

START_TEST(test_format_int)
{
    ck_assert_str_eq(F(I(1234567), ","), "1,234,567");
    ck_assert_str_eq(F(I(1234), "010,"), "00,001,234");
    ck_assert_str_eq(F(I(-255), "#x"), "-0xff");
    ck_assert_str_eq(F(I(255), "#010b"), "0b11111111");
    ck_assert_str_eq(F(I(5), "*^+7"), "**+5***");
    ck_assert_str_eq(F(I(65), "c"), "A");
    ck_assert_str_eq(F(I(1), ".2"), "ValueError: Precision not allowed in integer format specifier");
    ck_assert_str_eq(F(I(1), "1.2.3"), "ValueError: Invalid format specifier '1.2.3' for object of type 'int'");
    ck_assert_str_eq(F(mpy_from_bool(true), ""), "True");
    ck_assert_str_eq(F(mpy_from_bool(true), "d"), "1");
}
END_TEST

START_TEST(test_format_float)
{
    ck_assert_str_eq(F(mpy_from_float(3.14159), ".2f"), "3.14");
    ck_assert_str_eq(F(mpy_from_float(1234.5), ",.1f"), "1,234.5");
    ck_assert_str_eq(F(mpy_from_float(1.0), ".3"), "1.0");
    ck_assert_str_eq(F(mpy_from_float(123.456), ".2"), "1.2e+02");
    ck_assert_str_eq(F(mpy_from_float(1e-5), "g"), "1e-05");
    ck_assert_str_eq(F(mpy_from_float(0.125), ".1%"), "12.5%");
    ck_assert_str_eq(F(mpy_from_float(-0.0), "z.1f"), "0.0");
    ck_assert_str_eq(F(mpy_from_float(1.5), "#.0"), "2.e+00");
    ck_assert_str_eq(F(mpy_from_float(1.0), "."), "ValueError: Format specifier missing precision");
    ck_assert_str_eq(F(mpy_from_float(1.0), "d"), "ValueError: Unknown format code 'd' for object of type 'float'");
}
END_TEST

START_TEST(test_str_format_method)
{
    ck_assert_str_eq(T(M(S("{}-{}"), "format", 2, I(1), S("a"))), "1-a");
    ck_assert_str_eq(T(M(S("{0}{0}{1!r}"), "format", 2, I(1), S("a"))), "11'a'");
    ck_assert_str_eq(T(M(S("{:>{}}"), "format", 2, I(7), I(3))), "  7");
    ck_assert_str_eq(T(M(S("{{}}"), "format", 0)), "{}");
    ck_assert_str_eq(T(M(S("}"), "format", 0)), "ValueError: Single '}' encountered in format string");
    ck_assert_str_eq(T(M(S("{1}"), "format", 1, I(0))),
                     "IndexError: Replacement index 1 out of range for positional args tuple");
    ck_assert_str_eq(T(M(S("{}{0}"), "format", 1, I(0))),
                     "ValueError: cannot switch from automatic field numbering to manual field specification");
}
END_TEST

START_TEST(test_percent)
{
    mpy_tuple *t = mpy_tuple_pack(vm, 3, S("x"), I(42), mpy_from_float(2.5));
    ck_assert_str_eq(T(mpy_str_mod(vm, S("%s|%05d|%-6.2f|%%"), mpy_from_obj(t))), "x|00042|2.50  |%");
    ck_assert_str_eq(T(mpy_str_mod(vm, S("%s %s"), I(1))), "TypeError: not enough arguments for format string");
    ck_assert_str_eq(T(mpy_str_mod(vm, S("%s"), mpy_from_obj(t))),
                     "TypeError: not all arguments converted during string formatting");
    ck_assert_str_eq(T(mpy_str_mod(vm, S("%d"), S("x"))), "TypeError: %d format: a real number is required, not str");
    ck_assert_str_eq(T(mpy_str_mod(vm, S("%#x|%o|%c"), mpy_from_obj(mpy_tuple_pack(vm, 3, I(255), I(8), I(0x20ac))))),
                     "0xff|10|\xe2\x82\xac");
}
END_TEST

/* ----------------------------------------------------------------- bytes */

START_TEST(test_bytes)
{
    mpy_bytes *b = mpy_bytes_new(vm, "a'\x00\xff", 4);
    ck_assert_str_eq(R(mpy_from_obj(b)), "b\"a'\\x00\\xff\"");
    ck_assert_str_eq(R(mpy_getitem(vm, mpy_from_obj(b), I(3))), "255");
    ck_assert_str_eq(T(M(mpy_from_obj(b), "hex", 0)), "6127" "00ff");
    ck_assert_str_eq(T(M(mpy_from_obj(mpy_bytes_new(vm, "\xc3\xa9", 2)), "decode", 0)), "\xc3\xa9");
    ck_assert_str_eq(R(M(S("\xc3\xa9"), "encode", 1, S("latin-1"))), "b'\\xe9'");
    int64_t h1, h2;
    ck_assert(mpy_hash(vm, mpy_from_obj(mpy_bytes_new(vm, "abc", 3)), &h1));
    ck_assert(mpy_hash(vm, S("abc"), &h2));
    ck_assert_int_eq(h1, h2);
}
END_TEST

Suite *str_suite(void)
{
    Suite *s = suite_create("str");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_utf8_lengths);
    tcase_add_test(tc, test_from_utf8_errors);
    tcase_add_test(tc, test_repr_quotes);
    tcase_add_test(tc, test_hash_and_eq);
    tcase_add_test(tc, test_operators);
    tcase_add_test(tc, test_iteration);
    tcase_add_test(tc, test_textbuf);
    tcase_add_test(tc, test_mem_find);
    tcase_add_test(tc, test_bytes);
    suite_add_tcase(s, tc);
    tc = tcase_create("methods");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_split_join);
    tcase_add_test(tc, test_search_replace);
    tcase_add_test(tc, test_case_and_pad);
    suite_add_tcase(s, tc);
    return s;
}

Suite *format_suite(void)
{
    Suite *s = suite_create("format");
    TCase *tc = tcase_create("format");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_format_str);
    tcase_add_test(tc, test_format_int);
    tcase_add_test(tc, test_format_float);
    tcase_add_test(tc, test_str_format_method);
    tcase_add_test(tc, test_percent);
    suite_add_tcase(s, tc);
    return s;
}
