/* str: immutable Unicode text stored as UTF-8.
 *
 * Invariants: data is valid UTF-8 and NUL-terminated (the NUL is not part
 * of the text; the text may contain NULs); `len` counts bytes and `cplen`
 * code points; when the two are equal the string is ASCII and indexing is
 * O(1).  `hash` is -1 until computed.  Interned strings (identifiers,
 * attribute names) are unique per VM, so comparing two interned strings is
 * a pointer comparison; the intern table is weak (runtime/intern.c).
 */
#ifndef MPY_STR_H
#define MPY_STR_H

#include "object.h"

#define MPY_STR_INTERNED 1 /* mpy_obj.flags bit */

struct mpy_str {
    mpy_obj hdr;
    mpy_dict *dict; /* __dict__ of a str subclass instance, else NULL */
    int64_t hash;   /* -1: not computed yet */
    size_t len;     /* bytes */
    size_t cplen;   /* code points */
    char data[];    /* len bytes + NUL */
};

static inline mpy_str *mpy_as_str(mpy_value v) { return (mpy_str *)v.u.o; }
static inline bool mpy_str_is_ascii(const mpy_str *s) { return s->len == s->cplen; }
/* Is v a str or an instance of a str subclass (the str spec carries
 * MPY_TF_STR_SUB itself, so one flag test covers both). */
static inline bool mpy_is_strv(mpy_value v)
{
    return v.tag == MPY_TAG_OBJ && (v.u.o->type->flags & MPY_TF_STR_SUB);
}

/* New string from valid UTF-8 (not checked; use mpy_str_from_utf8 for
 * untrusted bytes).  NULL with MemoryError pending. */
mpy_str *mpy_str_new(mpy_vm *vm, const char *utf8, size_t len);
mpy_str *mpy_str_from_cstr(mpy_vm *vm, const char *s);
/* New string of `len` bytes to be filled in by the caller, who then calls
 * mpy_str_finish (which counts code points) or sets cplen itself.
 * data[len] is already NUL.  len 0 gives the shared empty string. */
mpy_str *mpy_str_alloc(mpy_vm *vm, size_t len);
void mpy_str_finish(mpy_str *s);
/* Formats like printf into a new str. */
mpy_str *mpy_str_printf(mpy_vm *vm, const char *fmt, ...) MPY_PRINTF(2, 3);
/* The interned string equal to utf8[0..len): returns the existing one or
 * interns a new one.  NULL with MemoryError pending. */
mpy_str *mpy_str_intern(mpy_vm *vm, const char *utf8, size_t len);
mpy_str *mpy_str_intern_cstr(mpy_vm *vm, const char *s);
/* Interns s itself when no equal string is interned yet. */
mpy_str *mpy_str_intern_str(mpy_vm *vm, mpy_str *s);
/* CPython's hash exactly (SipHash-1-3 with a zero key, as under
 * PYTHONHASHSEED=0), so that set and dict orders match CPython's. */
int64_t mpy_str_hash(mpy_str *s);
bool mpy_str_eq(const mpy_str *a, const mpy_str *b);
/* repr(s) with CPython's quoting rules. */
mpy_str *mpy_str_repr(mpy_vm *vm, mpy_str *s);
/* Concatenation. */
mpy_str *mpy_str_concat(mpy_vm *vm, mpy_str *a, mpy_str *b);

/* New string from untrusted bytes: UnicodeDecodeError ('utf-8' codec
 * can't decode byte 0x.. in position N: ...) unless errors is "replace"
 * (U+FFFD) or "ignore".  errors NULL means "strict". */
mpy_str *mpy_str_from_utf8(mpy_vm *vm, const char *data, size_t len, const char *errors);
/* ascii(): s (usually a repr) with every non-ASCII code point escaped as
 * \xNN, \uNNNN or \UNNNNNNNN. */
mpy_str *mpy_str_to_ascii(mpy_vm *vm, mpy_str *s);
/* The exact str built from s (a str subclass instance gives a plain copy,
 * a plain str is returned as is). */
mpy_str *mpy_str_exact(mpy_vm *vm, mpy_str *s);
/* s[i] for a code point index 0 <= i < cplen, as a one-character str
 * (ASCII characters are interned, so this rarely allocates). */
mpy_str *mpy_str_char_at(mpy_vm *vm, mpy_str *s, size_t i);
/* The one-character string for code point c. */
mpy_str *mpy_str_from_cp(mpy_vm *vm, uint32_t c);
/* Byte offset of code point index i (0 <= i <= cplen): O(1) for ASCII;
 * otherwise a walk from the start, the end or the last position asked of
 * this string (strings of 32 bytes or more cache it), so indexing in a
 * loop stays linear. */
size_t mpy_str_offset(const mpy_str *s, size_t i);

/* UTF-8 helpers shared by the str files.  mpy_utf8_decode reads one code
 * point of valid UTF-8 at *p and advances *p; mpy_utf8_encode writes c
 * into out (at least 4 bytes) and returns the byte count. */
uint32_t mpy_utf8_decode(const unsigned char **p);
size_t mpy_utf8_encode(uint32_t c, char *out);
/* The number of code points in valid UTF-8 s[0..len). */
size_t mpy_utf8_count(const char *s, size_t len);

/* Byte offset of the first occurrence of needle in hay, or -1. */
int64_t mpy_mem_find(const char *hay, size_t hn, const char *needle, size_t nn);
int64_t mpy_mem_rfind(const char *hay, size_t hn, const char *needle, size_t nn);

/* Character classes (str_methods.c), from tables generated out of
 * CPython's Unicode database (runtime/gen_unicode.py). */
bool mpy_str_cp_printable(uint32_t c);
bool mpy_str_cp_isspace(uint32_t c);
bool mpy_str_cp_isalpha(uint32_t c);
bool mpy_str_cp_isdecimal(uint32_t c);
/* The value 0..9 of a decimal digit code point (any script), or -1: for
 * int() and float() of non-ASCII digits. */
int mpy_str_cp_digit_value(uint32_t c);

/* A growable UTF-8 buffer for building strings (format, join, replace
 * ...): raw memory, turned into a str by mpy_textbuf_finish, which also
 * releases it.  On error call mpy_textbuf_free. */
typedef struct mpy_textbuf {
    char *data;
    size_t len, cap;
    char small[200]; /* used until the text outgrows it */
} mpy_textbuf;
void mpy_textbuf_init(mpy_textbuf *b);
MPY_MUST_CHECK bool mpy_textbuf_add(mpy_vm *vm, mpy_textbuf *b, const char *s, size_t n);
MPY_MUST_CHECK bool mpy_textbuf_addc(mpy_vm *vm, mpy_textbuf *b, char c, size_t count);
MPY_MUST_CHECK bool mpy_textbuf_addcp(mpy_vm *vm, mpy_textbuf *b, uint32_t c);
mpy_str *mpy_textbuf_finish(mpy_vm *vm, mpy_textbuf *b);
void mpy_textbuf_free(mpy_vm *vm, mpy_textbuf *b);

/* A C int argument (CPython's _PyLong_AsInt): index conversion, then
 * OverflowError "Python int too large to convert to C int" outside the
 * int range. */
MPY_MUST_CHECK bool mpy_cint_arg(mpy_vm *vm, mpy_value v, int64_t *out);
/* expandtabs of s[0..n) appended to b: columns reset at \n and \r;
 * with utf8 a column is a code point (str), else a byte (bytes). */
MPY_MUST_CHECK bool mpy_expandtabs_into(mpy_vm *vm, mpy_textbuf *b, const char *s, size_t n, int64_t tab, bool utf8);

/* Argument binding for the text types' native methods (args without
 * self).  Binds up to max values to out[] (MPY_NULL when not given);
 * kwlist names the parameters that may be passed by keyword (NULL: none).
 * The style picks CPython's wording for count errors, which differs
 * between its calling conventions; fname may be qualified ("str.center"),
 * which only the "takes no keyword arguments" message shows. */
typedef enum {
    MPY_ARGS_CLINIC,   /* "center expected at least 1 argument, got 0" */
    MPY_ARGS_OLD,      /* "find() takes at least 1 argument (0 given)" */
    MPY_ARGS_KW,       /* "split() takes at most 2 arguments (3 given)" */
} mpy_args_style;
MPY_MUST_CHECK bool mpy_str_args(mpy_vm *vm, const char *fname, mpy_args_style style, int argc,
                                 const mpy_value *args, mpy_tuple *kwnames, int min, int max,
                                 const char *const *kwlist, mpy_value *out);

/* str's method table (str_methods.c), used by the spec in str.c. */
extern const mpy_method_def mpy_str_methods[];

#endif
