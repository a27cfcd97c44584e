/* Reporting exceptions as CPython 3.11 prints them: tracebacks with source
 * lines, "[Previous line repeated N more times]", chained exceptions, the
 * SyntaxError block with its caret, and the exit status of SystemExit.
 * Also turns a front-end mpy_syntax_error into a SyntaxError instance.
 *
 * Everything is formatted into one growable buffer and written at once
 * through sys.stderr (mpy_sys_write), so a host that replaced sys.stderr
 * or the write hook sees whole reports.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/state.h"
#include "vm/code.h"
#include "vm/errors.h"
#include "parser/parse.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/modules.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* ------------------------------------------------------ text buffer */

typedef struct buf {
    mpy_vm *vm;
    char *p;
    size_t len, cap;
    bool failed;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->failed) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n + 1) cap *= 2;
        char *q = mpy_mem_realloc(b->vm, b->p, b->cap, cap);
        if (!q) {
            b->failed = true;
            mpy_err_clear(b->vm);
            return;
        }
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static void buf_puts(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

static void buf_printf(buf *b, const char *fmt, ...) MPY_PRINTF(2, 3);
static void buf_printf(buf *b, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static void buf_free(buf *b) { mpy_mem_free(b->vm, b->p, b->cap); }

/* ------------------------------------------------------ source lines */

/* Line `lineno` of file `path` with surrounding whitespace stripped, into
 * out; false when the file cannot be read (pseudo-files like <stdin>). */
static bool source_line(const char *path, int lineno, char *out, size_t cap)
{
    if (!path || path[0] == '<' || lineno < 1) return false;
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    int line = 1;
    size_t n = 0;
    int c;
    bool found = false;
    while ((c = getc(f)) != EOF) {
        if (line == lineno) {
            found = true;
            if (c == '\n') break;
            if (n + 1 < cap) out[n++] = (char)c;
        } else if (c == '\n') {
            line++;
            if (line > lineno) break;
        }
    }
    fclose(f);
    if (!found) return false;
    out[n] = 0;
    while (n && (out[n - 1] == '\r' || out[n - 1] == ' ' || out[n - 1] == '\t' || out[n - 1] == '\f')) out[--n] = 0;
    size_t s = 0;
    while (out[s] == ' ' || out[s] == '\t' || out[s] == '\f') s++;
    memmove(out, out + s, n - s + 1);
    return n > s;
}

/* ------------------------------------------------------ caret lines */

/* CPython 3.11 shows, under a traceback entry's source line, which part
 * of it was running: carets under the span of the failing instruction's
 * position, or for a one-line binary operation or subscript '~' under the
 * operands and '^' under the operator or the brackets.  Two printers do
 * this with small differences: the C one of uncaught exceptions and
 * sys.excepthook (c_style), and Lib/traceback.py's, and both are copied
 * here, quirks included. */

/* Line `lineno` of file `path` as it is, without its newline, into out
 * (cut at cap - 1 bytes); *nl tells whether it had one. */
static bool raw_source_line(const char *path, int lineno, char *out, size_t cap, size_t *len, bool *nl)
{
    *len = 0;
    *nl = false;
    if (!path || path[0] == '<' || lineno < 1) return false;
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    int line = 1, c;
    size_t n = 0;
    bool found = false;
    while ((c = getc(f)) != EOF) {
        if (line == lineno) {
            found = true;
            if (c == '\n') {
                *nl = true;
                break;
            }
            if (n + 1 < cap) out[n++] = (char)c;
        } else if (c == '\n' && ++line > lineno) {
            break;
        }
    }
    fclose(f);
    if (n && out[n - 1] == '\r' && *nl) n--; /* universal newlines */
    out[n] = 0;
    *len = n;
    return found;
}

/* Characters in the first `off` bytes of s (len bytes); a cut sequence
 * counts as one character, as a decode with errors="replace" does. */
static long chars_in(const char *s, size_t len, long off)
{
    if (off < 0) off = 0;
    if ((size_t)off > len) off = (long)len;
    long n = 0;
    for (long i = 0; i < off; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

/* Byte index of character `ci` of s (len bytes), len if beyond. */
static size_t byte_of_char(const char *s, size_t len, long ci)
{
    size_t i = 0;
    for (long k = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (k == ci) return i;
            k++;
        }
    }
    return len;
}

static bool py_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static bool c_space(int c) { return c == ' ' || c == '\t' || c == '\f'; }

/* The anchors of segment seg (n bytes) as character offsets into it:
 * parsed as a module of one expression statement that is a BinOp or a
 * Subscript.  False for no anchors. */
static bool caret_anchors(mpy_vm *vm, const char *seg, size_t n, bool c_style, long *left, long *right)
{
    mpy_arena arena;
    mpy_arena_init(&arena, vm->config.realloc, vm->config.user_data);
    mpy_ast_mod *mod = NULL;
    mpy_syntax_error err;
    memset(&err, 0, sizeof err);
    bool ok = false;
    if (mpy_parse(seg, n, MPY_MODE_EXEC, &arena, &mod, &err) != MPY_PARSE_COMPLETE || !mod ||
        MPY_SEQ_LEN(mod->body) != 1)
        goto done;
    const mpy_ast_stmt *st = MPY_SEQ_GET(mod->body, 0);
    if (st->kind != MPY_AST_STMT_Expr) goto done;
    const mpy_ast_expr *e = st->v.Expr.value;
    long nchars = chars_in(seg, n, (long)n);
    if (e->kind == MPY_AST_EXPR_BinOp) {
        long lend = e->v.BinOp.left->loc.end_col, rcol = e->v.BinOp.right->loc.col;
        if (c_style) {
            /* The first non-blank byte after the left operand, going on
             * past ')'; one more when the operator has two characters. */
            long l = -1, r = -1;
            for (long i = lend; i < rcol && (size_t)i < n; i++) {
                if (c_space((unsigned char)seg[i])) continue;
                l = i;
                r = i + 1;
                if (i + 1 < rcol && !c_space((unsigned char)seg[i + 1])) r++;
                if (i + 1 < rcol && seg[i] == ')') continue;
                break;
            }
            if (l < 0) goto done;
            *left = chars_in(seg, n, l);
            *right = chars_in(seg, n, r);
        } else {
            /* traceback.py mixes byte and character offsets here */
            long ostart = chars_in(seg, n, lend), oend = chars_in(seg, n, rcol);
            size_t ob = byte_of_char(seg, n, ostart), oe = byte_of_char(seg, n, oend);
            long olen = oend - ostart, ooff = 0;
            size_t k = ob;
            while (k < oe && py_space((unsigned char)seg[k])) k++, ooff++;
            long l = lend + ooff, r = l + 1;
            if (ooff + 1 < olen) {
                size_t at = byte_of_char(seg, n, ostart + ooff + 1);
                if (!py_space((unsigned char)seg[at])) r++;
            }
            while (l < nchars) {
                int ch = (unsigned char)seg[byte_of_char(seg, n, l)];
                if (!py_space(ch) && ch != ')' && ch != '#') break;
                l++;
                r++;
            }
            *left = chars_in(seg, n, l);
            *right = chars_in(seg, n, r);
        }
        ok = true;
    } else if (e->kind == MPY_AST_EXPR_Subscript) {
        long l = e->v.Subscript.value->loc.end_col, r = e->v.Subscript.slice->loc.end_col + 1;
        if (c_style) {
            *left = chars_in(seg, n, l);
            *right = chars_in(seg, n, r);
        } else {
            l = chars_in(seg, n, l);
            r = chars_in(seg, n, r);
            while (l < nchars && seg[byte_of_char(seg, n, l)] != '[') l++;
            while (r < nchars && seg[byte_of_char(seg, n, r)] != ']') r++;
            if (r < nchars) r++;
            *left = l;
            *right = r;
        }
        ok = true;
    }
done:
    mpy_arena_free(&arena);
    return ok;
}

/* East Asian Wide and Fullwidth characters take two columns on a
 * terminal; traceback.py widens its carets for them (_display_width).
 * The main blocks only, as wcwidth-style tables do. */
static bool wide_char(uint32_t c)
{
    static const uint32_t ranges[][2] = {
        {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x2E80, 0x303E},
        {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F},
        {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
        {0xFFE0, 0xFFE6},   {0x16FE0, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
        {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (c >= ranges[i][0] && c <= ranges[i][1]) return true;
    return false;
}

/* Columns taken by the first `chars` characters of s (len bytes). */
static long display_width(const char *s, size_t len, long chars)
{
    long w = 0, k = 0;
    for (size_t i = 0; i < len && k < chars; k++) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp = c;
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (n > 1) cp = c & (0x3F >> (n - 1));
        size_t j = 1;
        for (; j < n && i + j < len && ((unsigned char)s[i + j] & 0xC0) == 0x80; j++)
            cp = (cp << 6) | ((unsigned char)s[i + j] & 0x3F);
        i += j;
        w += wide_char(cp) ? 2 : 1;
    }
    return w;
}

static void buf_repeat(buf *b, const char *s, long n)
{
    for (long i = 0; i < n; i++) buf_puts(b, s);
}

/* The source line of a traceback entry and, when it helps, the caret
 * line under the span `pos` of the failing instruction. */
static void format_source_with_carets(buf *b, const char *file, int lineno, const mpy_line_entry *pos, bool c_style)
{
    char line[4096];
    size_t len;
    bool nl;
    if (!raw_source_line(file, lineno, line, sizeof line, &len, &nl)) return;
    size_t lead = 0, tail = len;
    while (lead < len && py_space((unsigned char)line[lead])) lead++;
    while (tail > lead && py_space((unsigned char)line[tail - 1])) tail--;
    if (tail == lead) return;
    if (c_style) {
        /* the C printer strips the indentation only */
        size_t cl = 0;
        while (cl < len && c_space((unsigned char)line[cl])) cl++;
        buf_puts(b, "    ");
        buf_add(b, line + cl, len - cl);
        buf_puts(b, "\n");
    } else {
        buf_puts(b, "    ");
        buf_add(b, line + lead, tail - lead);
        buf_puts(b, "\n");
    }
    if (pos->col < 0 || pos->end_col < 0 || pos->line < 0 || pos->end_line < 0) return;
    long start = chars_in(line, len, pos->col), end = chars_in(line, len, pos->end_col);
    long left = -1, right = -1;
    bool anchors = false;
    if (pos->line == pos->end_line) {
        size_t sb = byte_of_char(line, len, start), eb = byte_of_char(line, len, end);
        if (eb > sb) anchors = caret_anchors(b->vm, line + sb, eb - sb, c_style, &left, &right);
    }
    if (c_style) {
        long nchars = chars_in(line, len, (long)len);
        long cl = 0;
        while ((size_t)cl < len && c_space((unsigned char)line[cl])) cl++;
        if (pos->line != pos->end_line) {
            /* the last non-blank byte (counted from the character length) */
            long i = nchars;
            while (--i >= 0)
                if (!c_space((unsigned char)line[i])) break;
            end = i + 1;
        }
        if (anchors) {
            left += start;
            right += start;
        }
        if (end - start == nchars - cl && !anchors) return;
        /* the margin of four is part of the count from cl - 4 */
        for (long off = cl - 4 + 1; off <= end; off++) {
            if (off <= start) buf_puts(b, " ");
            else if (anchors && left < off && off <= right) buf_puts(b, "^");
            else buf_puts(b, anchors ? "~" : "^");
        }
        buf_puts(b, "\n");
        return;
    }
    long stripped = chars_in(line + lead, tail - lead, (long)(tail - lead));
    long stripped_chars = chars_in(line, len, (long)len) + (nl ? 1 : 0) - stripped;
    if (pos->line != pos->end_line) end = chars_in(line, len, (long)tail);
    if (!(end - start < stripped || (anchors && right - left > 0))) return;
    long dstart = display_width(line, len, start) + 1, dend = display_width(line, len, end) + 1;
    buf_puts(b, "    ");
    buf_repeat(b, " ", dstart - stripped_chars);
    if (anchors) {
        const char *seg = line + byte_of_char(line, len, start);
        size_t seglen = byte_of_char(line, len, end) - (size_t)(seg - line);
        long dleft = display_width(seg, seglen, left), dright = display_width(seg, seglen, right);
        buf_repeat(b, "~", dleft);
        buf_repeat(b, "^", dright - dleft);
        buf_repeat(b, "~", dend - dstart - dright);
    } else {
        buf_repeat(b, "^", dend - dstart);
    }
    buf_puts(b, "\n");
}

/* ------------------------------------------------------ one exception */

static mpy_value exc_attr(mpy_vm *vm, mpy_value exc, const char *name)
{
    mpy_value v = mpy_getattr_cstr(vm, exc, name);
    if (mpy_is_null(v)) mpy_err_clear(vm);
    return v;
}

/* "module.Qualname" unless the class lives in builtins or __main__. */
static void format_type_name(mpy_vm *vm, buf *b, mpy_type *t)
{
    mpy_value mod = mpy_dict_get_str(vm, t->dict, vm->names.__module__);
    const char *m = NULL;
    if (!mpy_is_null(mod) && mpy_is_sub(vm, mod, MPY_TYPE_STR)) m = mpy_as_str(mod)->data;
    else if (t->module) m = t->module->data;
    if (m && strcmp(m, "builtins") != 0 && strcmp(m, "__main__") != 0) {
        buf_puts(b, m);
        buf_puts(b, ".");
    }
    buf_puts(b, (t->qualname ? t->qualname : t->name)->data);
}

/* CPython's StackSummary.format: a run of identical entries (same file,
 * line and function, i.e. plain recursion) shows its first three and then
 * "[Previous line repeated N more times]". */
#define RECURSIVE_CUTOFF 3

static void repeated(buf *b, int count)
{
    if (count <= RECURSIVE_CUTOFF) return;
    count -= RECURSIVE_CUTOFF;
    buf_printf(b, "  [Previous line repeated %d more time%s]\n", count, count > 1 ? "s" : "");
}

/* One entry of a stack listing: file, line number (as text, so that the
 * traceback module can show whatever its FrameSummary holds), function and
 * source line (NULL: read it from the file). */
typedef struct tb_entry {
    const char *file, *lineno, *name, *src;
    char num[16]; /* lineno's text when the entry owns it */
    mpy_line_entry pos; /* the failing instruction's position; line -1: none */
} tb_entry;

/* StackSummary.format: the entries, oldest first, with runs of identical
 * ones (plain recursion) cut after RECURSIVE_CUTOFF. */
static void format_entries(buf *b, const tb_entry *e, size_t n, bool c_style)
{
    const char *last_file = NULL, *last_name = NULL, *last_line = NULL;
    int count = 0;
    for (size_t i = 0; i < n; i++) {
        if (!last_file || strcmp(e[i].file, last_file) != 0 || strcmp(e[i].name, last_name) != 0 ||
            strcmp(e[i].lineno, last_line) != 0) {
            repeated(b, count);
            last_file = e[i].file;
            last_name = e[i].name;
            last_line = e[i].lineno;
            count = 0;
        }
        if (++count > RECURSIVE_CUTOFF) continue;
        buf_printf(b, "  File \"%s\", line %s, in %s\n", e[i].file, e[i].lineno, e[i].name);
        if (e[i].src) {
            /* Given by the caller: shown stripped, as FrameSummary.line. */
            const char *s = e[i].src, *t = s + strlen(s);
            while (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\n' || *s == '\r' || *s == '\v') s++;
            while (t > s && (t[-1] == ' ' || t[-1] == '\t' || t[-1] == '\f' || t[-1] == '\n' || t[-1] == '\r' ||
                             t[-1] == '\v'))
                t--;
            if (t > s) {
                buf_puts(b, "    ");
                buf_add(b, s, (size_t)(t - s));
                buf_puts(b, "\n");
            }
        } else if (e[i].pos.line >= 0 && !strchr(e[i].lineno, '-')) {
            format_source_with_carets(b, e[i].file, atoi(e[i].lineno), &e[i].pos, c_style);
        } else {
            char src[1024];
            if (!strchr(e[i].lineno, '-') && source_line(e[i].file, atoi(e[i].lineno), src, sizeof src))
                buf_printf(b, "    %s\n", src);
        }
    }
    repeated(b, count);
}

/* Which entries of a listing of n a limit keeps: limit >= 0 the first
 * `limit`, < 0 the last -limit, MPY_TB_NO_LIMIT all of them. */
static void limit_range(size_t n, int limit, size_t *from, size_t *to)
{
    *from = 0;
    *to = n;
    if (limit == MPY_TB_NO_LIMIT) return;
    if (limit >= 0) {
        if ((size_t)limit < n) *to = (size_t)limit;
    } else if ((size_t)-(long)limit < n) {
        *from = n - (size_t)-(long)limit;
    }
}

static void format_traceback(mpy_vm *vm, buf *b, mpy_traceback *tb, int limit, bool c_style)
{
    size_t n = 0;
    for (mpy_traceback *t = tb; t; t = t->next) n++;
    size_t from, to;
    limit_range(n, limit, &from, &to);
    if (from >= to) return;
    tb_entry *e = mpy_mem_realloc(vm, NULL, 0, (to - from) * sizeof *e);
    if (!e) {
        mpy_err_clear(vm);
        b->failed = true;
        return;
    }
    size_t i = 0, k = 0;
    for (; tb; tb = tb->next, i++) {
        if (i < from || i >= to) continue;
        mpy_code *co = (mpy_code *)tb->code;
        snprintf(e[k].num, sizeof e[k].num, "%d", tb->line);
        e[k].file = co && co->filename ? co->filename->data : "<unknown>";
        e[k].name = co && co->name ? co->name->data : "?";
        e[k].lineno = e[k].num;
        e[k].src = NULL;
        e[k].pos = (mpy_line_entry){0, -1, -1, -1, -1};
        if (co && tb->pc1) mpy_code_position(co, tb->pc1 - 1, &e[k].pos);
        k++;
    }
    buf_puts(b, "Traceback (most recent call last):\n");
    format_entries(b, e, k, c_style);
    mpy_mem_free(vm, e, (to - from) * sizeof *e);
}

/* The SyntaxError block: file/line header, the source line and a caret. */
static void format_syntax_error(mpy_vm *vm, buf *b, mpy_value exc)
{
    mpy_value fn = exc_attr(vm, exc, "filename");
    mpy_value ln = exc_attr(vm, exc, "lineno");
    mpy_value text = exc_attr(vm, exc, "text");
    mpy_value off = exc_attr(vm, exc, "offset");
    mpy_value eoff = exc_attr(vm, exc, "end_offset");
    mpy_value eln = exc_attr(vm, exc, "end_lineno");
    const char *file = !mpy_is_null(fn) && mpy_is_sub(vm, fn, MPY_TYPE_STR) ? mpy_as_str(fn)->data : "<string>";
    if (!mpy_is_null(ln) && mpy_is_int(ln)) buf_printf(b, "  File \"%s\", line %lld\n", file, (long long)ln.u.i);
    if (mpy_is_null(text) || !mpy_is_sub(vm, text, MPY_TYPE_STR)) return;
    const char *t = mpy_as_str(text)->data;
    size_t n = strlen(t);
    /* Offsets count characters from 1; strip the indentation as CPython
     * does and move the caret with it. */
    size_t lead = 0;
    while (lead < n && (t[lead] == ' ' || t[lead] == '\t' || t[lead] == '\f')) lead++;
    while (n > lead && (t[n - 1] == '\n' || t[n - 1] == '\r' || t[n - 1] == ' ' || t[n - 1] == '\t')) n--;
    buf_puts(b, "    ");
    buf_add(b, t + lead, n - lead);
    buf_puts(b, "\n");
    if (mpy_is_null(off) || !mpy_is_int(off)) return;
    /* As CPython's print_error_text: the 0-based offset moves left with
     * the stripped indentation; no caret when it points left of the text;
     * carets span offset..end_offset on a one-line error. */
    size_t chars = 0;
    for (size_t i = lead; i < n; i++)
        if (((unsigned char)t[i] & 0xC0) != 0x80) chars++;
    int64_t o = off.u.i - 1 - (int64_t)lead;
    if (o < 0) return;
    if (o > (int64_t)chars) o = (int64_t)chars;
    int64_t width = 1;
    if (mpy_is_int(eoff) && eoff.u.i > off.u.i && (!mpy_is_int(eln) || !mpy_is_int(ln) || eln.u.i == ln.u.i))
        width = eoff.u.i - off.u.i;
    buf_puts(b, "    ");
    for (int64_t i = 0; i < o; i++) buf_puts(b, " ");
    for (int64_t i = 0; i < width; i++) buf_puts(b, "^");
    buf_puts(b, "\n");
}

/* ------------------------------------------------------ "Did you mean" */

/* CPython 3.11 adds ". Did you mean: 'x'?" to a printed NameError or
 * AttributeError when some name is close to the missing one.  Closeness is
 * an edit distance over the UTF-8 bytes where inserting or deleting a byte
 * costs 2, replacing it costs 2, or 1 when only its ASCII case changes.
 * A candidate is kept if its distance is at most a third of the combined
 * lengths ((len(a) + len(b) + 3) * 2 // 6) and strictly better than the
 * best so far, so the first of equally close names wins.  Candidates equal
 * to the name are skipped, as are candidate lists of 750 names or more
 * and (after dropping the common prefix and suffix) strings over 40 bytes. */
#define EDIT_COST 2
#define CASE_COST 1
#define MAX_SUGGEST_LEN 40
#define MAX_CANDIDATES 750

static int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

/* The distance between a and b, or `limit + 1` for anything beyond limit. */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t limit)
{
    while (na && nb && *a == *b) a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1]) na--, nb--;
    if (!na || !nb) return (na + nb) * EDIT_COST;
    if (na > MAX_SUGGEST_LEN || nb > MAX_SUGGEST_LEN) return limit + 1;
    size_t diff = na > nb ? na - nb : nb - na;
    if (diff * EDIT_COST > limit) return limit + 1;
    /* Classic dynamic programming, one row at a time: row[j] is the cost
     * of turning a[:i] into b[:j]. */
    size_t row[MAX_SUGGEST_LEN + 1];
    for (size_t j = 0; j <= nb; j++) row[j] = j * EDIT_COST;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0], best = row[0] = i * EDIT_COST;
        for (size_t j = 1; j <= nb; j++) {
            size_t sub = a[i - 1] == b[j - 1] ? 0
                         : ascii_lower((unsigned char)a[i - 1]) == ascii_lower((unsigned char)b[j - 1]) ? CASE_COST
                                                                                                       : EDIT_COST;
            size_t cost = diag + sub;
            if (row[j] + EDIT_COST < cost) cost = row[j] + EDIT_COST;
            if (row[j - 1] + EDIT_COST < cost) cost = row[j - 1] + EDIT_COST;
            diag = row[j];
            row[j] = cost;
            if (cost < best) best = cost;
        }
        if (best > limit) return limit + 1; /* the rest can only grow */
    }
    return row[nb];
}

typedef struct suggestion {
    mpy_str *name;   /* the missing name */
    mpy_str *best;   /* the closest candidate so far, NULL for none */
    size_t dist;
} suggestion;

static void consider(suggestion *sg, mpy_value item)
{
    if (!mpy_is_obj(item) || !(item.u.o->type->flags & MPY_TF_STR_SUB)) return;
    mpy_str *c = (mpy_str *)item.u.o;
    if (c->len == sg->name->len && memcmp(c->data, sg->name->data, c->len) == 0) return;
    size_t limit = (sg->name->len + c->len + 3) * EDIT_COST / 6;
    if (sg->best && sg->dist - 1 < limit) limit = sg->dist - 1;
    size_t d = edit_distance(sg->name->data, sg->name->len, c->data, c->len, limit);
    if (d <= limit && (!sg->best || d < sg->dist)) {
        sg->best = c;
        sg->dist = d;
    }
}

static void consider_dict(suggestion *sg, mpy_dict *d)
{
    if (!d || d->used >= MAX_CANDIDATES) return;
    for (size_t i = 0; i < d->nentries; i++)
        if (!mpy_is_null(d->entries[i].key)) consider(sg, d->entries[i].key);
}

/* NameError: the local names of the code that raised it, then its globals,
 * then its builtins (vm/interp.c's name_error records them); the first
 * group with a close name gives the suggestion. */
static mpy_str *suggest_name(mpy_vm *vm, mpy_exc *e, mpy_str *name)
{
    suggestion sg = {name, NULL, 0};
    if (!e->traceback || !mpy_is_obj(e->extra[1]) || !mpy_is_obj(e->extra[2]) || !mpy_is_obj(e->extra[3]))
        return NULL;
    mpy_code *co = (mpy_code *)e->extra[1].u.o;
    if (co->nlocals < MAX_CANDIDATES)
        for (uint32_t i = 0; i < co->nlocals; i++) consider(&sg, mpy_from_obj(co->varnames[i]));
    if (!sg.best) consider_dict(&sg, mpy_as_dict(e->extra[2]));
    if (!sg.best) consider_dict(&sg, mpy_as_dict(e->extra[3]));
    return sg.best;
}

/* dir(obj): builtins.dir for modules, else type(obj).__dir__(obj) sorted
 * (the special lookup, so that a class gets type.__dir__). */
static mpy_value dir_of(mpy_vm *vm, mpy_value obj)
{
    if (mpy_is_sub(vm, obj, MPY_TYPE_MODULE)) {
        mpy_value dir = mpy_dict_get_cstr(vm, vm->builtins, "dir");
        return mpy_is_null(dir) ? dir : mpy_call1(vm, dir, obj);
    }
    mpy_str *n = mpy_str_intern_cstr(vm, "__dir__");
    mpy_value m = n ? mpy_type_lookup(vm, mpy_typeof(vm, obj), n) : MPY_NULL;
    if (mpy_is_null(m)) return MPY_NULL;
    mpy_value r = mpy_call1(vm, m, obj);
    mpy_list *l = mpy_is_null(r) ? NULL : mpy_list_from_iter(vm, r);
    if (!l || !mpy_list_sort(vm, l, MPY_NULL, false)) return MPY_NULL;
    return mpy_from_obj(l);
}

/* AttributeError: the names dir(obj) lists. */
static mpy_str *suggest_attr(mpy_vm *vm, mpy_value obj, mpy_str *name)
{
    mpy_value names = dir_of(vm, obj);
    if (mpy_is_null(names) || !mpy_is_sub(vm, names, MPY_TYPE_LIST)) return NULL;
    mpy_list *l = (mpy_list *)names.u.o;
    suggestion sg = {name, NULL, 0};
    if (l->len < MAX_CANDIDATES)
        for (size_t i = 0; i < l->len; i++) consider(&sg, l->items[i]);
    return sg.best;
}

/* The suggested name for exc (its `name` attribute must be a str), or NULL;
 * errors while looking are dropped. */
static mpy_str *suggestion_for(mpy_vm *vm, mpy_value exc)
{
    mpy_type *t = mpy_typeof(vm, exc);
    bool attr = mpy_type_is_sub(t, vm->exc_types[MPY_EXC_AttributeError]);
    if (!attr && !mpy_type_is_sub(t, vm->exc_types[MPY_EXC_NameError])) return NULL;
    mpy_dict *d = mpy_instance_dict(vm, exc, false);
    mpy_value name = d ? mpy_dict_get_str(vm, d, vm->names.name) : MPY_NULL;
    if (mpy_is_null(name) || !mpy_is_type(vm, name, MPY_TYPE_STR)) return NULL;
    mpy_str *r;
    if (attr) {
        mpy_value obj = mpy_dict_get_cstr(vm, d, "obj");
        if (mpy_is_null(obj)) return NULL;
        r = suggest_attr(vm, obj, mpy_as_str(name));
    } else {
        r = suggest_name(vm, mpy_as_exc(exc), mpy_as_str(name));
    }
    mpy_err_clear(vm);
    return r;
}

/* The notes of add_note (3.11): each item of exc.__notes__ as str() on
 * its own line (a str counts as a sequence of one-character notes, as in
 * CPython); anything that is not a sequence prints as its repr. */
static void format_notes(mpy_vm *vm, buf *b, mpy_value exc)
{
    mpy_dict *d = mpy_instance_dict(vm, exc, false);
    mpy_value notes = d ? mpy_dict_get_cstr(vm, d, "__notes__") : MPY_NULL;
    if (mpy_is_null(notes)) return;
    bool seq = mpy_is_sub(vm, notes, MPY_TYPE_LIST) || mpy_is_sub(vm, notes, MPY_TYPE_TUPLE) ||
               mpy_is_sub(vm, notes, MPY_TYPE_STR);
    if (!seq) {
        mpy_value r = mpy_repr(vm, notes);
        if (mpy_is_null(r)) {
            mpy_err_clear(vm);
            buf_puts(b, "<__notes__ repr() failed>\n");
            return;
        }
        buf_add(b, mpy_as_str(r)->data, mpy_as_str(r)->len);
        buf_puts(b, "\n");
        return;
    }
    mpy_value it = mpy_iter(vm, notes);
    if (mpy_is_null(it)) {
        mpy_err_clear(vm);
        return;
    }
    for (int n = 0; n < 10000; n++) {
        mpy_value note = mpy_next(vm, it);
        if (mpy_is_null(note)) break;
        mpy_value s = mpy_to_str(vm, note);
        if (mpy_is_null(s)) {
            mpy_err_clear(vm);
            buf_puts(b, "<note str() failed>");
        } else {
            buf_add(b, mpy_as_str(s)->data, mpy_as_str(s)->len);
        }
        buf_puts(b, "\n");
    }
    mpy_err_clear(vm);
}

/* One exception: its traceback (tb: a traceback object, None for none,
 * MPY_NULL for exc.__traceback__), then the exception-only part. */
static void format_one(mpy_vm *vm, buf *b, mpy_value exc, mpy_value tb, int limit, bool suggest)
{
    mpy_type *t = mpy_typeof(vm, exc);
    bool is_exc = mpy_is_obj(exc) && (t->flags & MPY_TF_EXCEPTION);
    if (mpy_is_null(tb) && is_exc) format_traceback(vm, b, mpy_as_exc(exc)->traceback, limit, suggest);
    else if (!mpy_is_null(tb) && mpy_is_type(vm, tb, MPY_TYPE_TRACEBACK))
        format_traceback(vm, b, (mpy_traceback *)tb.u.o, limit, suggest);
    if (is_exc && mpy_type_is_sub(t, vm->exc_types[MPY_EXC_SyntaxError])) format_syntax_error(vm, b, exc);
    format_type_name(vm, b, t);
    mpy_value s;
    if (is_exc && mpy_type_is_sub(t, vm->exc_types[MPY_EXC_SyntaxError])) {
        s = exc_attr(vm, exc, "msg");
        if (!mpy_is_null(s) && !mpy_is_sub(vm, s, MPY_TYPE_STR)) s = mpy_to_str(vm, s);
    } else {
        s = mpy_to_str(vm, exc);
    }
    if (mpy_is_null(s)) {
        mpy_err_clear(vm);
        buf_puts(b, ": <exception str() failed>\n");
        return;
    }
    if (mpy_as_str(s)->len) {
        buf_puts(b, ": ");
        buf_add(b, mpy_as_str(s)->data, mpy_as_str(s)->len);
    }
    mpy_str *hint = suggest && is_exc ? suggestion_for(vm, exc) : NULL;
    if (hint) buf_printf(b, ". Did you mean: '%s'?", hint->data);
    buf_puts(b, "\n");
    if (is_exc) format_notes(vm, b, exc);
}

/* The exceptions format_chain is inside of, innermost first. */
typedef struct chain_seen {
    mpy_obj *exc;
    const struct chain_seen *up;
} chain_seen;

static bool chain_has(const chain_seen *s, mpy_value v)
{
    for (; s; s = s->up)
        if (mpy_is_obj(v) && s->exc == v.u.o) return true;
    return false;
}

/* Cause/context chain, oldest first.  Like CPython's printer (its `seen`
 * set), an exception already on the chain ends it: e.__cause__ = e, or two
 * exceptions naming each other, print each once, not a hundred times.
 * The depth cap bounds the C recursion on a long acyclic chain.  tb is
 * format_one's for exc itself; the chained exceptions show their own.
 * suggest: add "Did you mean" hints, which CPython 3.11 prints from its C
 * formatter (uncaught exceptions, sys.excepthook) but not from the
 * traceback module. */
static void format_chain_in(mpy_vm *vm, buf *b, mpy_value exc, int depth, mpy_value tb, bool chain, int limit,
                            bool suggest, const chain_seen *up)
{
    if (chain && depth < 100 && mpy_is_obj(exc) && (mpy_typeof(vm, exc)->flags & MPY_TF_EXCEPTION)) {
        chain_seen seen = {exc.u.o, up};
        mpy_exc *e = mpy_as_exc(exc);
        if (!mpy_is_null(e->cause) && !mpy_is_none(e->cause)) {
            if (!chain_has(&seen, e->cause)) {
                format_chain_in(vm, b, e->cause, depth + 1, MPY_NULL, true, limit, suggest, &seen);
                buf_puts(b, "\nThe above exception was the direct cause of the following exception:\n\n");
            }
        } else if (!mpy_is_null(e->context) && !mpy_is_none(e->context) && !e->suppress_context &&
                   !chain_has(&seen, e->context)) {
            format_chain_in(vm, b, e->context, depth + 1, MPY_NULL, true, limit, suggest, &seen);
            buf_puts(b, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    format_one(vm, b, exc, tb, limit, suggest);
}

static void format_chain(mpy_vm *vm, buf *b, mpy_value exc, int depth, mpy_value tb, bool chain, int limit,
                         bool suggest)
{
    format_chain_in(vm, b, exc, depth, tb, chain, limit, suggest, NULL);
}

/* The limit of CPython's own printer: sys.tracebacklimit, when it is an
 * int, keeps the last that many entries of each traceback (none when it
 * is not positive). */
static int printer_limit(mpy_vm *vm)
{
    mpy_value v = mpy_dict_get_cstr(vm, ((mpy_module *)vm->sys)->dict, "tracebacklimit");
    if (mpy_is_null(v) || !mpy_is_sub(vm, v, MPY_TYPE_INT)) return MPY_TB_NO_LIMIT;
    if (v.tag != MPY_TAG_INT && v.tag != MPY_TAG_BOOL)
        return mpy_is_type(vm, v, MPY_TYPE_INT) && ((mpy_bigint *)v.u.o)->sign < 0 ? 0 : MPY_TB_NO_LIMIT;
    int64_t n = mpy_as_int(v);
    if (n <= 0) return 0;
    return n >= 1000000 ? MPY_TB_NO_LIMIT : -(int)n;
}

void mpy_print_exception_value(mpy_vm *vm, mpy_value exc)
{
    mpy_value saved = vm->exc;
    vm->exc = MPY_NULL;
    buf b = {vm, NULL, 0, 0, false};
    format_chain(vm, &b, exc, 0, MPY_NULL, true, printer_limit(vm), true);
    if (b.len && !mpy_sys_write(vm, MPY_STDERR, b.p, b.len)) {
        mpy_err_clear(vm);
        if (vm->config.write) vm->config.write(vm, MPY_STDERR, b.p, b.len);
    }
    buf_free(&b);
    vm->exc = saved;
}

/* The report as a str, for the traceback module (runtime/mod_minipy.c).
 * The pending exception, if any, is left as it was. */
static mpy_str *format_to_str(mpy_vm *vm, mpy_value exc, mpy_value tb, bool chain, int limit)
{
    mpy_value saved = vm->exc;
    vm->exc = MPY_NULL;
    buf b = {vm, NULL, 0, 0, false};
    format_chain(vm, &b, exc, 0, tb, chain, limit, false);
    vm->exc = saved;
    mpy_str *s = b.failed ? NULL : mpy_str_new(vm, b.p ? b.p : "", b.len);
    buf_free(&b);
    if (b.failed) mpy_err_nomem(vm);
    return s;
}

mpy_str *mpy_format_exception(mpy_vm *vm, mpy_value exc, mpy_value tb, bool chain)
{
    return format_to_str(vm, exc, tb, chain, MPY_TB_NO_LIMIT);
}

mpy_str *mpy_format_exception_limit(mpy_vm *vm, mpy_value exc, mpy_value tb, bool chain, int limit)
{
    return format_to_str(vm, exc, tb, chain, limit);
}

mpy_str *mpy_format_exception_only(mpy_vm *vm, mpy_value exc)
{
    return format_to_str(vm, exc, MPY_NONE, false, MPY_TB_NO_LIMIT);
}

mpy_str *mpy_format_stack_entries(mpy_vm *vm, mpy_value items)
{
    if (!mpy_is_sub(vm, items, MPY_TYPE_LIST)) {
        mpy_err_fmt_v(vm, MPY_EXC_TypeError, "format_frames() expects a list");
        return NULL;
    }
    mpy_list *l = (mpy_list *)items.u.o;
    size_t n = l->len;
    tb_entry *e = n ? mpy_mem_realloc(vm, NULL, 0, n * sizeof *e) : NULL;
    if (n && !e) return NULL;
    for (size_t i = 0; i < n; i++) {
        mpy_value t = l->items[i];
        mpy_tuple *tu = mpy_is_sub(vm, t, MPY_TYPE_TUPLE) ? (mpy_tuple *)t.u.o : NULL;
        if (!tu || tu->len != 4 || !mpy_is_sub(vm, tu->items[0], MPY_TYPE_STR) ||
            !mpy_is_sub(vm, tu->items[1], MPY_TYPE_STR) || !mpy_is_sub(vm, tu->items[2], MPY_TYPE_STR) ||
            !mpy_is_sub(vm, tu->items[3], MPY_TYPE_STR)) {
            mpy_mem_free(vm, e, n * sizeof *e);
            mpy_err_fmt_v(vm, MPY_EXC_TypeError, "format_frames() expects (str, str, str, str) tuples");
            return NULL;
        }
        e[i].file = mpy_as_str(tu->items[0])->data;
        e[i].lineno = mpy_as_str(tu->items[1])->data;
        e[i].name = mpy_as_str(tu->items[2])->data;
        e[i].src = mpy_as_str(tu->items[3])->data;
        e[i].pos = (mpy_line_entry){0, -1, -1, -1, -1};
    }
    buf b = {vm, NULL, 0, 0, false};
    format_entries(&b, e, n, false);
    if (e) mpy_mem_free(vm, e, n * sizeof *e);
    mpy_str *s = b.failed ? NULL : mpy_str_new(vm, b.p ? b.p : "", b.len);
    buf_free(&b);
    if (b.failed) mpy_err_nomem(vm);
    return s;
}

mpy_str *mpy_source_line(mpy_vm *vm, const char *path, int lineno)
{
    char src[1024];
    if (!source_line(path, lineno, src, sizeof src)) src[0] = 0;
    return mpy_str_new(vm, src, strlen(src));
}

/* ------------------------------------------------------ the public side */

void mpy_print_exception(mpy_vm *vm)
{
    mpy_value exc = mpy_err_fetch(vm);
    if (mpy_is_null(exc)) return;
    mpy_value hook = mpy_dict_get_str(vm, ((mpy_module *)vm->sys)->dict, vm->names.excepthook);
    mpy_value dflt = mpy_dict_get_cstr(vm, ((mpy_module *)vm->sys)->dict, "__excepthook__");
    if (!mpy_is_null(hook) && !mpy_is(hook, dflt)) {
        mpy_exc *e = mpy_as_exc(exc);
        mpy_value args[3] = {mpy_from_obj(mpy_typeof(vm, exc)), exc,
                             e->traceback ? mpy_from_obj(e->traceback) : MPY_NONE};
        if (!mpy_is_null(mpy_call(vm, hook, 3, args, NULL))) return;
        mpy_value err = mpy_err_fetch(vm);
        static const char msg[] = "Error in sys.excepthook:\n";
        mpy_sys_write(vm, MPY_STDERR, msg, sizeof msg - 1);
        mpy_err_clear(vm);
        mpy_print_exception_value(vm, err);
        static const char msg2[] = "\nOriginal exception was:\n";
        mpy_sys_write(vm, MPY_STDERR, msg2, sizeof msg2 - 1);
        mpy_err_clear(vm);
    }
    mpy_print_exception_value(vm, exc);
}

void mpy_clear_exception(mpy_vm *vm) { mpy_err_clear(vm); }

int mpy_exit_status(mpy_vm *vm)
{
    mpy_value exc = vm->exc;
    if (mpy_is_null(exc) || !mpy_isinstance(vm, exc, vm->exc_types[MPY_EXC_SystemExit])) return 1;
    mpy_value code = exc_attr(vm, exc, "code");
    if (mpy_is_null(code) || mpy_is_none(code)) return 0;
    if (mpy_is_smallint(code)) return (int)(code.u.i & 0xff);
    /* Any other code is printed to stderr and the status is 1. */
    mpy_value s = mpy_to_str(vm, code);
    if (!mpy_is_null(s)) {
        mpy_sys_write(vm, MPY_STDERR, mpy_as_str(s)->data, mpy_as_str(s)->len);
        mpy_sys_write(vm, MPY_STDERR, "\n", 1);
    }
    mpy_err_clear(vm);
    vm->exc = exc;
    return 1;
}

mpy_result mpy_result_of_pending(mpy_vm *vm)
{
    if (mpy_is_null(vm->exc)) return MPY_OK;
    if (mpy_is(vm->exc, vm->memerr)) return MPY_NO_MEMORY;
    if (mpy_isinstance(vm, vm->exc, vm->exc_types[MPY_EXC_SystemExit])) return MPY_SYSTEM_EXIT;
    if (mpy_isinstance(vm, vm->exc, vm->exc_types[MPY_EXC_SyntaxError])) return MPY_SYNTAX_ERROR;
    return MPY_RUNTIME_ERROR;
}

bool mpy_raise_syntax_error_file(mpy_vm *vm, const mpy_syntax_error *err, const char *filename)
{
    static const mpy_exc_id ids[] = {MPY_EXC_SyntaxError, MPY_EXC_IndentationError, MPY_EXC_TabError};
    mpy_str *msg = mpy_str_from_cstr(vm, err->msg);
    mpy_str *fn = mpy_str_from_cstr(vm, filename ? filename : "<string>");
    mpy_str *text = err->text[0] ? mpy_str_from_cstr(vm, err->text) : NULL;
    if (!msg || !fn || (err->text[0] && !text)) return false;
    mpy_tuple *info = mpy_tuple_pack(vm, 6, mpy_from_obj(fn), mpy_from_int(err->line), mpy_from_int(err->offset),
                                     text ? mpy_from_obj(text) : MPY_NONE, mpy_from_int(err->end_line),
                                     mpy_from_int(err->end_offset));
    if (!info) return false;
    mpy_value args[2] = {mpy_from_obj(msg), mpy_from_obj(info)};
    mpy_value e = mpy_call(vm, mpy_from_obj(vm->exc_types[ids[err->kind]]), 2, args, NULL);
    if (mpy_is_null(e)) return false;
    return mpy_err_set(vm, e);
}

bool mpy_raise_syntax_error(mpy_vm *vm, const mpy_syntax_error *err)
{
    return mpy_raise_syntax_error_file(vm, err, "<string>");
}
