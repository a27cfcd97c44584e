/* The _re module: the backtracking matcher under runtime/lib/re.py.
 *
 * Split like _random/random.py: re.py parses the pattern (so the syntax
 * errors and their positions are produced in one readable place) and
 * compiles it to a flat list of ints, a small instruction set described
 * below; this file turns that list into a Program object and runs it
 * over the code points of a str (or the bytes of a bytes object).
 *
 * The matcher is a backtracking VM with an explicit stack (no C
 * recursion per character, so hostile inputs cannot overflow the C
 * stack): a choice point pushes (pc, pos) and every change of a capture
 * slot or loop register pushes the old value, so failing pops back to a
 * consistent state.  Lookarounds and atomic groups run their body as a
 * nested match on the same stack; that nesting follows the pattern's
 * lookaround nesting only, and is capped (RecursionError).  Every 4096
 * steps the VM looks at vm->interrupt, so catastrophic backtracking can
 * be stopped with KeyboardInterrupt; the backtrack stack is capped too.
 *
 * Instructions (each an opcode followed by its operands):
 *   MATCH                      success (of the whole pattern or a body)
 *   CHAR c / CHAR_I c          one code point (c lowercased for _I)
 *   ANY / ANYALL               any but '\n' / any code point
 *   CLASS flags n (k a b)*n    set: flags 1 negated, 2 ignore case; an
 *                              item is a range a..b (k 0) or category a
 *   SPLIT x y                  try x, on failure y (absolute pcs)
 *   JMP x
 *   SAVE s                     slot s := pos (odd slot 2g+1 closes group g)
 *   AT kind                    zero-width assertion, see at_ok
 *   BACKREF g icase
 *   LOOK kind width end        kind 0 (?=, 1 (?!, 2 (?<=, 3 (?<!, 4 (?>;
 *                              body from here to end, ending with MATCH
 *   MARK r / CHECK r x         loop register r := pos / if pos == r goto x
 *                              (stops loops whose body matched empty)
 *   GROUPREF_EXISTS g x        goto x unless group g is set
 */
#include <string.h>

#include "vm/state.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* vm/api_errors.c: raises KeyboardInterrupt (or runs the host's check
 * hook) when vm->interrupt is set; what the interpreter's safe points do. */
bool mpy_api_safepoint(mpy_vm *vm);

enum {
    OP_MATCH, OP_CHAR, OP_CHAR_I, OP_ANY, OP_ANYALL, OP_CLASS, OP_SPLIT, OP_JMP, OP_SAVE, OP_AT, OP_BACKREF,
    OP_LOOK, OP_MARK, OP_CHECK, OP_GROUPREF_EXISTS, OP_COUNT
};

/* AT kinds. */
enum { AT_BEGIN, AT_BEGIN_LINE, AT_END, AT_END_LINE, AT_BEGIN_STRING, AT_END_STRING, AT_BOUNDARY, AT_NON_BOUNDARY,
       AT_BOUNDARY_A, AT_NON_BOUNDARY_A };

#define MAX_LOOK_DEPTH 200
#define MAX_STACK ((size_t)1 << 26) /* backtrack entries */

typedef struct {
    mpy_obj hdr;
    int32_t *code;
    size_t ncode;
    int nslots; /* 2 * (groups + 1) */
    int nregs;  /* loop registers */
    /* The last subject, decoded: a tokenizer calling match(text, pos)
     * in a loop would otherwise decode the whole text at every call.
     * Keyed by identity; the reference keeps the object alive (and
     * immutable str/bytes keep the decoding valid). */
    mpy_obj *subj;
    uint32_t *subj_cp;
    int64_t subj_len;
} re_program;

/* One backtrack entry: a choice point (kind 0: resume at pc with pos),
 * or the old value of a slot/register (kind 1) or of lastindex (kind 2),
 * or a barrier of a nested body (kind 3). */
typedef struct {
    int32_t kind, a;
    int64_t b;
} bt_entry;

typedef struct {
    mpy_vm *vm;
    const re_program *prog;
    const uint32_t *text;
    int64_t end;       /* endpos: the text ends here for matching purposes */
    int64_t *slots;    /* nslots capture slots then nregs registers */
    int64_t lastindex;
    bt_entry *stack;
    size_t sp, cap;
    uint64_t steps;
    int look_depth;
    bool bytes;        /* a bytes subject: case folding is ASCII only */
    bool fullmatch;    /* top level MATCH only at end */
    int64_t no_empty_at; /* top level: an empty match at this position fails (-1: none) */
    int64_t start;
} matcher;

static void drop_subject(mpy_vm *vm, re_program *p)
{
    if (p->subj_cp) mpy_mem_free(vm, p->subj_cp, (size_t)(p->subj_len + 1) * sizeof *p->subj_cp);
    p->subj = NULL, p->subj_cp = NULL, p->subj_len = 0;
}

/* ---------------------------------------------------------- characters */

static uint32_t cp_lower(mpy_vm *vm, uint32_t c, bool bytes)
{
    if (c < 128 || bytes) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    /* Outside ASCII ask str.lower (runtime/str_methods.c has the tables);
     * only reached with IGNORECASE on non-ASCII text. */
    mpy_str *s = mpy_str_from_cp(vm, c);
    if (!s) { mpy_err_clear(vm); return c; }
    mpy_value r = mpy_call_method(vm, mpy_from_obj(s), "lower", 0, NULL);
    if (mpy_is_null(r)) { mpy_err_clear(vm); return c; }
    mpy_str *l = mpy_as_str(r);
    /* The one multi-character lowercase (U+0130 -> "i\u0307") starts
     * with its simple mapping. */
    if (l->cplen < 1) return c;
    const unsigned char *p = (const unsigned char *)l->data;
    return mpy_utf8_decode(&p);
}

static uint32_t cp_upper(mpy_vm *vm, uint32_t c, bool bytes)
{
    if (c < 128 || bytes) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    mpy_str *s = mpy_str_from_cp(vm, c);
    if (!s) { mpy_err_clear(vm); return c; }
    mpy_value r = mpy_call_method(vm, mpy_from_obj(s), "upper", 0, NULL);
    if (mpy_is_null(r)) { mpy_err_clear(vm); return c; }
    mpy_str *l = mpy_as_str(r);
    if (l->cplen != 1) return c;
    const unsigned char *p = (const unsigned char *)l->data;
    return mpy_utf8_decode(&p);
}

/* Case-insensitive equality of a subject code point c with a pattern
 * code point p already lowercased: same lowercase, or (for the few
 * letters with several lowercase forms, such as the two sigmas) the same
 * uppercase. */
static bool fold_eq(mpy_vm *vm, uint32_t c, uint32_t p, bool bytes)
{
    if (c == p) return true;
    if ((c < 128 && p < 128) || bytes) return cp_lower(vm, c, true) == p;
    return cp_lower(vm, c, false) == p || cp_upper(vm, c, false) == cp_upper(vm, p, false);
}

/* Unicode \w is str.isalnum() or '_'.  The str tables give alphabetic
 * and decimal directly; the other numeric characters (superscripts,
 * fractions, Roman numerals...) are asked of str.isalnum itself. */
static bool is_word(mpy_vm *vm, uint32_t c, bool ascii)
{
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (ascii) return false;
    if (mpy_str_cp_isalpha(c) || mpy_str_cp_isdecimal(c)) return true;
    mpy_str *s = mpy_str_from_cp(vm, c);
    if (!s) { mpy_err_clear(vm); return false; }
    mpy_value r = mpy_call_method(vm, mpy_from_obj(s), "isalnum", 0, NULL);
    if (mpy_is_null(r)) { mpy_err_clear(vm); return false; }
    return mpy_is_bool(r) && mpy_as_bool(r);
}

/* Categories 0..5: \d \D \w \W \s \S for str (Unicode); 6..11 the same
 * restricted to ASCII (flag ASCII, and bytes patterns). */
static bool in_category(mpy_vm *vm, uint32_t c, int cat)
{
    bool ascii = cat >= 6;
    bool r;
    switch ((cat % 6) / 2) {
    case 0: r = ascii ? (c >= '0' && c <= '9') : (c < 128 ? (c >= '0' && c <= '9') : mpy_str_cp_isdecimal(c)); break;
    case 1: r = is_word(vm, c, ascii); break;
    default:
        if (c < 128 || ascii) r = c == ' ' || (c >= '\t' && c <= '\r') || (!ascii && c >= 0x1c && c <= 0x1f);
        else r = mpy_str_cp_isspace(c);
        break;
    }
    return (cat & 1) ? !r : r;
}

static bool class_has(mpy_vm *vm, const int32_t *items, int n, uint32_t c)
{
    for (int i = 0; i < n; i++, items += 3) {
        if (items[0] == 0) {
            if (c >= (uint32_t)items[1] && c <= (uint32_t)items[2]) return true;
        } else if (in_category(vm, c, items[1])) return true;
    }
    return false;
}

static bool class_match(mpy_vm *vm, const int32_t *ins, uint32_t c, bool bytes)
{
    int flags = ins[1], n = ins[2];
    const int32_t *items = ins + 3;
    bool r = class_has(vm, items, n, c);
    if (!r && (flags & 2)) {
        uint32_t l = cp_lower(vm, c, bytes);
        r = (l != c && class_has(vm, items, n, l));
        if (!r) {
            /* Letters such as U+0131 (dotless i) and U+017F (long s)
             * meet their ASCII partners only through the uppercase. */
            uint32_t u = cp_upper(vm, c, bytes);
            r = u != c && (class_has(vm, items, n, u) || class_has(vm, items, n, cp_lower(vm, u, bytes)));
        }
    }
    return (flags & 1) ? !r : r;
}

static bool at_ok(matcher *m, int kind, int64_t pos)
{
    const uint32_t *t = m->text;
    int64_t end = m->end;
    switch (kind) {
    case AT_BEGIN: case AT_BEGIN_STRING: return pos == 0;
    case AT_BEGIN_LINE: return pos == 0 || t[pos - 1] == '\n';
    case AT_END: return pos == end || (pos == end - 1 && t[pos] == '\n');
    case AT_END_LINE: return pos == end || t[pos] == '\n';
    case AT_END_STRING: return pos == end;
    default: {
        if (end == 0) return false; /* neither \b nor \B in an empty string */
        bool ascii = kind >= AT_BOUNDARY_A;
        bool before = pos > 0 && is_word(m->vm, t[pos - 1], ascii);
        bool after = pos < end && is_word(m->vm, t[pos], ascii);
        bool b = before != after;
        return (kind == AT_BOUNDARY || kind == AT_BOUNDARY_A) ? b : !b;
    }
    }
}

/* ------------------------------------------------------------- the VM */

static bool push(matcher *m, int32_t kind, int32_t a, int64_t b)
{
    if (m->sp == m->cap) {
        if (m->cap >= MAX_STACK) {
            mpy_err_msg(m->vm, MPY_EXC_RecursionError, "maximum recursion limit exceeded");
            return false;
        }
        size_t ncap = m->cap ? m->cap * 2 : 256;
        bt_entry *s = mpy_mem_realloc(m->vm, m->stack, m->cap * sizeof *s, ncap * sizeof *s);
        if (!s) return false;
        m->stack = s;
        m->cap = ncap;
    }
    m->stack[m->sp++] = (bt_entry){kind, a, b};
    return true;
}

static bool set_slot(matcher *m, int s, int64_t v)
{
    if (!push(m, 1, s, m->slots[s])) return false;
    m->slots[s] = v;
    return true;
}

/* Runs the code from pc at pos until a MATCH.  1: matched (*out = end
 * position; entries above the entry stack height stay, so that the
 * caller can keep or unwind them), 0: no match (stack back at its
 * height, state restored), -1: error. */
static int run(matcher *m, int32_t pc, int64_t pos, bool top, int64_t *out)
{
    const int32_t *code = m->prog->code;
    const uint32_t *t = m->text;
    mpy_vm *vm = m->vm;
    if (!push(m, 3, 0, 0)) return -1;
    for (;;) {
        if (MPY_UNLIKELY((++m->steps & 4095) == 0) && vm->interrupt) {
            if (!mpy_api_safepoint(vm)) return -1;
        }
        const int32_t *ins = code + pc;
        switch (ins[0]) {
        case OP_MATCH:
            if (top && ((m->fullmatch && pos != m->end) || (pos == m->start && pos == m->no_empty_at))) goto fail;
            *out = pos;
            return 1;
        case OP_CHAR:
            if (pos >= m->end || t[pos] != (uint32_t)ins[1]) goto fail;
            pos++, pc += 2;
            continue;
        case OP_CHAR_I:
            if (pos >= m->end) goto fail;
            if (!fold_eq(vm, t[pos], (uint32_t)ins[1], m->bytes)) goto fail;
            pos++, pc += 2;
            continue;
        case OP_ANY:
            if (pos >= m->end || t[pos] == '\n') goto fail;
            pos++, pc++;
            continue;
        case OP_ANYALL:
            if (pos >= m->end) goto fail;
            pos++, pc++;
            continue;
        case OP_CLASS:
            if (pos >= m->end || !class_match(vm, ins, t[pos], m->bytes)) goto fail;
            pos++, pc += 3 + 3 * ins[2];
            continue;
        case OP_SPLIT:
            if (!push(m, 0, ins[2], pos)) return -1;
            pc = ins[1];
            continue;
        case OP_JMP:
            pc = ins[1];
            continue;
        case OP_SAVE:
            if (!set_slot(m, ins[1], pos)) return -1;
            if ((ins[1] & 1) && ins[1] > 1) {
                if (!push(m, 2, 0, m->lastindex)) return -1;
                m->lastindex = ins[1] / 2;
            }
            pc += 2;
            continue;
        case OP_AT:
            if (!at_ok(m, ins[1], pos)) goto fail;
            pc += 2;
            continue;
        case OP_BACKREF: {
            int64_t s = m->slots[2 * ins[1]], e = m->slots[2 * ins[1] + 1];
            if (s < 0 || e < 0) goto fail;
            int64_t n = e - s;
            if (pos + n > m->end) goto fail;
            for (int64_t i = 0; i < n; i++) {
                uint32_t a = t[s + i], b = t[pos + i];
                if (a != b && !(ins[2] && fold_eq(vm, b, cp_lower(vm, a, m->bytes), m->bytes))) goto fail;
            }
            pos += n, pc += 3;
            continue;
        }
        case OP_LOOK: {
            int kind = ins[1];
            int64_t start = pos;
            if (kind == 2 || kind == 3) {
                start = pos - ins[2];
                if (start < 0) {
                    if (kind == 2) goto fail;
                    pc = ins[3];
                    continue;
                }
            }
            if (m->look_depth >= MAX_LOOK_DEPTH) {
                mpy_err_msg(vm, MPY_EXC_RecursionError, "maximum recursion limit exceeded");
                return -1;
            }
            size_t mark = m->sp;
            m->look_depth++;
            int64_t bend;
            int r = run(m, pc + 4, start, false, &bend);
            m->look_depth--;
            if (r < 0) return -1;
            bool neg = kind == 1 || kind == 3;
            if (r == 1) {
                /* Keep the body's captures but forget its choice points:
                 * turn them into no-ops (their restore entries stay so
                 * that failing later still undoes the captures). */
                for (size_t i = mark; i < m->sp; i++)
                    if (m->stack[i].kind == 0 || m->stack[i].kind == 3) m->stack[i].kind = 4;
                if (neg) goto fail;
                if (kind == 4) pos = bend;
            } else if (!neg) goto fail;
            pc = ins[3];
            continue;
        }
        case OP_MARK:
            if (!set_slot(m, m->prog->nslots + ins[1], pos)) return -1;
            pc += 2;
            continue;
        case OP_CHECK:
            pc = m->slots[m->prog->nslots + ins[1]] == pos ? ins[2] : pc + 3;
            continue;
        case OP_GROUPREF_EXISTS:
            pc = (m->slots[2 * ins[1]] >= 0 && m->slots[2 * ins[1] + 1] >= 0) ? pc + 3 : ins[2];
            continue;
        default:
            mpy_err_msg(vm, MPY_EXC_SystemError, "bad regular expression code");
            return -1;
        }
    fail:
        for (;;) {
            bt_entry e = m->stack[--m->sp];
            if (e.kind == 0) {
                pc = e.a, pos = e.b;
                break;
            }
            if (e.kind == 1) m->slots[e.a] = e.b;
            else if (e.kind == 2) m->lastindex = e.b;
            else if (e.kind == 3) return 0; /* this run's barrier: no more choices */
        }
    }
}

/* ---------------------------------------------------- the Program type */

static void program_finalize(mpy_vm *vm, mpy_obj *self)
{
    re_program *p = (re_program *)self;
    if (p->code) mpy_mem_free(vm, p->code, p->ncode * sizeof *p->code);
    p->code = NULL;
    drop_subject(vm, p);
}

static void program_trace(mpy_vm *vm, mpy_obj *self)
{
    re_program *p = (re_program *)self;
    if (p->subj) mpy_gc_mark_obj(vm, p->subj);
}

static re_program *self_of(mpy_vm *vm, mpy_value v)
{
    mpy_type *t = mpy_is_obj(v) ? mpy_as_obj(v)->type : NULL;
    if (!t || t->slots.finalize != program_finalize) {
        mpy_err_msg(vm, MPY_EXC_TypeError, "expected a _re.Program");
        return NULL;
    }
    return (re_program *)mpy_as_obj(v);
}

/* The subject as code points: str by UTF-8 decoding, bytes byte by byte.
 * *owned says whether *out must be freed (size n + 1 entries). */
static bool subject(mpy_vm *vm, mpy_value s, uint32_t **out, int64_t *n)
{
    if (mpy_is_strv(s)) {
        mpy_str *str = mpy_as_str(s);
        uint32_t *a = mpy_mem_realloc(vm, NULL, 0, (str->cplen + 1) * sizeof *a);
        if (!a) return false;
        const unsigned char *p = (const unsigned char *)str->data;
        if (mpy_str_is_ascii(str))
            for (size_t i = 0; i < str->cplen; i++) a[i] = p[i];
        else
            for (size_t i = 0; i < str->cplen; i++) a[i] = mpy_utf8_decode(&p);
        *out = a, *n = (int64_t)str->cplen;
        return true;
    }
    if (mpy_is_sub(vm, s, MPY_TYPE_BYTES)) {
        mpy_bytes *b = (mpy_bytes *)mpy_as_obj(s);
        uint32_t *a = mpy_mem_realloc(vm, NULL, 0, (b->len + 1) * sizeof *a);
        if (!a) return false;
        for (size_t i = 0; i < b->len; i++) a[i] = b->data[i];
        *out = a, *n = (int64_t)b->len;
        return true;
    }
    mpy_err_fmt(vm, MPY_EXC_TypeError, "expected string or bytes-like object, got '%s'", mpy_tname(vm, s));
    return false;
}

/* Tries one start position (or every one from pos for search): 1 with
 * the slots filled, 0, -1 on error. */
static int try_match(matcher *m, int64_t pos, bool search, int64_t *endp)
{
    int ns = m->prog->nslots + m->prog->nregs;
    const int32_t *code = m->prog->code;
    for (;;) {
        for (int i = 0; i < ns; i++) m->slots[i] = -1;
        m->lastindex = -1;
        m->start = pos;
        /* Cheap skip for a pattern that starts with a literal character. */
        if (search && code[0] == OP_SAVE && code[2] == OP_CHAR) {
            while (pos < m->end && m->text[pos] != (uint32_t)code[3]) pos++;
            if (pos >= m->end) return 0;
            m->start = pos;
        }
        m->sp = 0;
        int64_t end;
        int r = run(m, 0, pos, true, &end);
        if (r != 0) {
            *endp = end;
            return r;
        }
        if (!search || pos >= m->end) return 0;
        pos++;
    }
}

/* The result tuple: (lastindex or None, start0, end0, start1, end1 ...). */
static mpy_value result_tuple(matcher *m)
{
    int n = m->prog->nslots;
    mpy_tuple *t = mpy_tuple_new(m->vm, (size_t)n + 1);
    if (!t) return MPY_NULL;
    t->items[0] = m->lastindex < 0 ? MPY_NONE : mpy_from_int(m->lastindex);
    for (int i = 0; i < n; i++) {
        int64_t a = m->slots[i & ~1], b = m->slots[i | 1];
        t->items[i + 1] = mpy_from_int(a < 0 || b < 0 ? -1 : m->slots[i]);
    }
    return mpy_from_obj(t);
}

static bool clamp(mpy_vm *vm, mpy_value v, int64_t n, int64_t *out)
{
    int64_t x;
    if (!mpy_index(vm, v, &x)) return false;
    if (x < 0) x = 0;
    if (x > n) x = n;
    *out = x;
    return true;
}

static bool matcher_init(mpy_vm *vm, matcher *m, re_program *p, const mpy_value *args, int64_t *pos)
{
    memset(m, 0, sizeof *m);
    m->vm = vm, m->prog = p, m->no_empty_at = -1;
    if (!(mpy_is_obj(args[0]) && p->subj == mpy_as_obj(args[0]))) {
        uint32_t *text;
        int64_t n;
        if (!subject(vm, args[0], &text, &n)) return false;
        drop_subject(vm, p);
        p->subj = mpy_as_obj(args[0]), p->subj_cp = text, p->subj_len = n;
    }
    m->text = p->subj_cp;
    m->bytes = !mpy_is_strv(args[0]);
    int64_t endpos;
    if (!clamp(vm, args[1], p->subj_len, pos) || !clamp(vm, args[2], p->subj_len, &endpos)) return false;
    m->end = endpos;
    size_t ns = (size_t)(p->nslots + p->nregs);
    m->slots = mpy_mem_realloc(vm, NULL, 0, (ns + 1) * sizeof *m->slots);
    return m->slots != NULL;
}

static void matcher_free(matcher *m)
{
    mpy_vm *vm = m->vm;
    mpy_mem_free(vm, m->slots, (size_t)(m->prog->nslots + m->prog->nregs + 1) * sizeof *m->slots);
    if (m->stack) mpy_mem_free(vm, m->stack, m->cap * sizeof *m->stack);
}

/* Program.match(string, pos, endpos, mode): mode 0 match, 1 fullmatch,
 * 2 search.  The result tuple or None. */
static mpy_value program_m_match(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "match", argc - 1, kw, 4, 4)) return MPY_NULL;
    re_program *p = self_of(vm, args[0]);
    if (!p) return MPY_NULL;
    int64_t mode;
    if (!mpy_index(vm, args[4], &mode)) return MPY_NULL;
    matcher m;
    int64_t pos;
    if (!matcher_init(vm, &m, p, args + 1, &pos)) return MPY_NULL;
    m.fullmatch = mode == 1;
    mpy_value res = MPY_NONE;
    int64_t end;
    int r = pos > m.end ? 0 : try_match(&m, pos, mode == 2, &end);
    if (r < 0) res = MPY_NULL;
    else if (r == 1) res = result_tuple(&m);
    matcher_free(&m);
    return res;
}

/* Program.scan(string, pos, endpos, limit): the list of result tuples of
 * successive non-overlapping searches (what finditer, findall, sub and
 * split walk through); limit 0 means all.  An empty match may follow a
 * non-empty one directly; after an empty match the next one must not be
 * empty at the same position (CPython 3.7+). */
static mpy_value program_m_scan(mpy_vm *vm, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "scan", argc - 1, kw, 4, 4)) return MPY_NULL;
    re_program *p = self_of(vm, args[0]);
    if (!p) return MPY_NULL;
    int64_t limit;
    if (!mpy_index(vm, args[4], &limit)) return MPY_NULL;
    matcher m;
    int64_t pos;
    if (!matcher_init(vm, &m, p, args + 1, &pos)) return MPY_NULL;
    mpy_list *out = mpy_list_new(vm, 0);
    if (!out) goto error;
    while (pos <= m.end && (limit <= 0 || (int64_t)out->len < limit)) {
        int64_t end;
        int r = try_match(&m, pos, true, &end);
        if (r < 0) goto error;
        if (r == 0) break;
        mpy_value t = result_tuple(&m);
        if (mpy_is_null(t) || !mpy_list_append(vm, out, t)) goto error;
        int64_t s = m.slots[0];
        m.no_empty_at = end == s ? end : -1;
        pos = end;
    }
    matcher_free(&m);
    return mpy_from_obj(out);
error:
    matcher_free(&m);
    return MPY_NULL;
}

static const mpy_method_def program_methods[] = {
    {"match", program_m_match, 0},
    {"scan", program_m_scan, 0},
    {NULL, NULL, 0},
};


/* _re.Program(code, ngroups, nregs): checks the code list (every operand
 * in range, so that the VM needs no checks) and makes a Program. */
static mpy_value program_new(mpy_vm *vm, mpy_type *type, int argc, const mpy_value *args, mpy_tuple *kw)
{
    if (!mpy_args_count(vm, "Program", argc, kw, 3, 3)) return MPY_NULL;
    if (!mpy_is_sub(vm, args[0], MPY_TYPE_LIST)) return mpy_err_fmt_v(vm, MPY_EXC_TypeError, "code must be a list");
    mpy_list *l = mpy_as_list(args[0]);
    int64_t ngroups, nregs;
    if (!mpy_index(vm, args[1], &ngroups) || !mpy_index(vm, args[2], &nregs)) return MPY_NULL;
    if (ngroups < 0 || ngroups > 100000 || nregs < 0 || nregs > 1000000 || l->len == 0 || l->len > ((size_t)1 << 28))
        return mpy_err_fmt_v(vm, MPY_EXC_OverflowError, "regular expression is too large");
    size_t n = l->len;
    int32_t *code = mpy_mem_realloc(vm, NULL, 0, n * sizeof *code);
    if (!code) return MPY_NULL;
    for (size_t i = 0; i < n; i++) {
        int64_t x;
        if (!mpy_index(vm, l->items[i], &x)) goto error;
        if (x < INT32_MIN || x > INT32_MAX) goto bad;
        code[i] = (int32_t)x;
    }
    int nslots = (int)(2 * (ngroups + 1));
    /* Validate: walk the instructions, checking operands. */
    for (size_t pc = 0; pc < n;) {
        int32_t *ins = code + pc;
        size_t len;
        switch (ins[0]) {
        case OP_MATCH: case OP_ANY: case OP_ANYALL: len = 1; break;
        case OP_CHAR: case OP_CHAR_I: case OP_SAVE: case OP_AT: case OP_JMP: case OP_MARK: len = 2; break;
        case OP_SPLIT: case OP_BACKREF: case OP_CHECK: case OP_GROUPREF_EXISTS: len = 3; break;
        case OP_LOOK: len = 4; break;
        case OP_CLASS:
            if (pc + 3 > n || ins[2] < 0) goto bad;
            len = 3 + 3 * (size_t)ins[2];
            break;
        default: goto bad;
        }
        if (pc + len > n) goto bad;
        switch (ins[0]) {
        case OP_CHAR: case OP_CHAR_I: if (ins[1] < 0) goto bad; break;
        case OP_SAVE: if (ins[1] < 0 || ins[1] >= nslots) goto bad; break;
        case OP_AT: if (ins[1] < 0 || ins[1] > AT_NON_BOUNDARY_A) goto bad; break;
        case OP_JMP: if (ins[1] < 0 || (size_t)ins[1] >= n) goto bad; break;
        case OP_SPLIT: if (ins[1] < 0 || (size_t)ins[1] >= n || ins[2] < 0 || (size_t)ins[2] >= n) goto bad; break;
        case OP_MARK: if (ins[1] < 0 || ins[1] >= nregs) goto bad; break;
        case OP_CHECK:
            if (ins[1] < 0 || ins[1] >= nregs || ins[2] < 0 || (size_t)ins[2] >= n) goto bad;
            break;
        case OP_BACKREF: if (ins[1] < 0 || ins[1] > ngroups) goto bad; break;
        case OP_GROUPREF_EXISTS:
            if (ins[1] < 0 || ins[1] > ngroups || ins[2] < 0 || (size_t)ins[2] >= n) goto bad;
            break;
        case OP_LOOK:
            if (ins[1] < 0 || ins[1] > 4 || ins[2] < 0 || ins[3] <= (int32_t)pc || (size_t)ins[3] >= n) goto bad;
            break;
        case OP_CLASS:
            for (int i = 0; i < ins[2]; i++) {
                int32_t *it = ins + 3 + 3 * i;
                if (it[0] == 0 ? (it[1] < 0 || it[2] < it[1]) : (it[0] != 1 || it[1] < 0 || it[1] > 11)) goto bad;
            }
            break;
        }
        pc += len;
    }
    re_program *p = mpy_obj_alloc(vm, type, sizeof *p);
    if (!p) goto error;
    p->code = code, p->ncode = n, p->nslots = nslots, p->nregs = (int)nregs;
    return mpy_from_obj(p);
bad:
    mpy_err_msg(vm, MPY_EXC_RuntimeError, "invalid SRE code");
error:
    mpy_mem_free(vm, code, n * sizeof *code);
    return MPY_NULL;
}

/* Everything is done by new; without this, object's init would reject
 * the arguments. */
static bool program_init(mpy_vm *vm, mpy_value self, int argc, const mpy_value *args, mpy_tuple *kw)
{
    (void)vm, (void)self, (void)argc, (void)args, (void)kw;
    return true;
}

static const mpy_type_spec program_spec = {
    .name = "Program",
    .base = -1,
    .instance_size = sizeof(re_program),
    .slots = {.new_ = program_new, .init = program_init, .trace = program_trace, .finalize = program_finalize},
    .methods = program_methods,
};

mpy_module *mpy_module__re_new(mpy_vm *vm)
{
    mpy_module *m = mpy_module_new(vm, "_re");
    if (!m) return NULL;
    mpy_type *t = mpy_type_alloc(vm);
    if (!t || !mpy_type_init_builtin(vm, t, &program_spec, vm->types[MPY_TYPE_OBJECT])) return NULL;
    t->module = mpy_str_intern_cstr(vm, "_re");
    if (!t->module || !mpy_dict_set_cstr(vm, m->dict, "Program", mpy_from_obj(t))) return NULL;
    return m;
}
