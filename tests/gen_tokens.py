#!/usr/bin/env python3
"""Generates tests/lexer/tokens.txt: source snippets with the token stream or
the lexical error CPython 3.11 gives for them, replayed by
tests/lexer/check_lexer.c against lexer/lexer.re in exec mode.

Each record has `src` and either
  `tokens`: the stream, tokens separated by one space, each written
            NAME@line:col-end_line:end_col with the name mpy_token_name()
            prints (the Bison name: NAME, NUMBER, "(", "if", "end of input")
            and 0-based byte columns; or
  `error`:  Class: message, with `pos` line:col (the byte column of the
            character CPython's offset points at) and `eof` 1 when the error
            is "the input ended too early" (what compile() with
            PyCF_ALLOW_INCOMPLETE_INPUT turns into "incomplete input").
Records whose source the parser rejects although the lexer accepts it carry
that error as `parse_error` (information only).

The oracle: compile(src, '<s>', 'exec') says whether the source has a
lexical error (the C tokenizer's message, line and offset) and
tokenize.tokenize supplies the token stream otherwise.  Where the two
disagree, or tokenize cannot say, this script decides as CPython's C
tokenizer does:
- tokenize puts the DEDENTs and ENDMARKER after a final line without a
  newline at various places; here they always go to the start of the line
  after the last one, (number of lines + 1, 0), counting a last line
  without its newline (exec input implies one).
- tokenize splits lines on '\\n' only; sources with a lone '\\r' have their
  token stream written by hand (compile() accepts them).
- `!` is an ERRORTOKEN for tokenize 3.11 and the lexer's "!" token
  (EXCLAMATION), which the parser rejects.  `$`, `?` and backquote are
  ERRORTOKENs too, and `<>` is NOTEQUAL for CPython's tokenizer; the lexer
  returns Bison's "invalid token" for all four, so that the parser fails on
  them as CPython's does (and a tokenizer error later on still wins).
- compile() of bytes holding NUL says "source code string cannot contain
  null bytes" without a position (CPython 3.11); minipy uses the message of
  CPython 3.12 and of python3 FILE, "source code cannot contain null bytes",
  at the first NUL.
- compile() adds an empty line after a final "\\r\\n" (its newline
  translation looks at the byte after the "\\n"); python3 FILE and minipy
  do not, so the oracle gets such sources with a final "\\n".
- A comment line right after a backslash continuation ends the logical line
  with a NEWLINE for CPython's C tokenizer (tokenize calls it NL), and a
  backslash first on a line does not stop the next line's tabs from
  indenting it; those streams are written by hand.
- Sources are compiled as text (str) when they can be: CPython reports some
  errors in bytes without a coding declaration with byte columns, in text
  with character columns, which is what the console shows.
- For bytes that are not UTF-8 minipy gives compile()'s "(unicode error)"
  message: in names at the name's last byte, in str literals at the end of
  the literal, as CPython does (CPython counts that column in bytes); bytes
  literals and comments are not checked (compile() of bytes does not check
  comments either).
Run with CPython 3.11 from the top directory:

    python3 tests/gen_tokens.py
"""
import io
import keyword
import os
import re
import sys
import token
import tokenize
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import casefile  # noqa: E402

assert sys.version_info[:2] == (3, 11), "the oracle must be CPython 3.11"
warnings.simplefilter("ignore")  # "invalid decimal literal" warnings

PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000

LEXICAL = [
    r"^invalid (decimal|hexadecimal|octal|binary|imaginary) literal$",
    r"^invalid digit '.' in (octal|binary) literal$",
    r"^leading zeros in decimal integer literals",
    r"^unterminated (triple-quoted )?string literal",
    r"^'.' was never closed$",
    r"^unmatched '.'$",
    r"^closing parenthesis",
    r"^too many nested parentheses$",
    r"^invalid character '.*' \(U\+[0-9A-F]+\)$",
    r"^invalid non-printable character U\+[0-9A-F]+$",
    r"^unexpected character after line continuation character$",
    r"^unexpected EOF while parsing$",
    r"^inconsistent use of tabs and spaces in indentation$",
    r"^unindent does not match any outer indentation level$",
    r"^too many levels of indentation$",
    r"^\(unicode error\) 'utf-8' codec",
    r"null bytes$",
]

SNIPPETS = []  # (src bytes, options)


def s(src, **opts):
    """opts: tokens="..." to write the stream by hand."""
    if isinstance(src, str):
        src = src.encode("utf-8")
    SNIPPETS.append((src, opts))


def basics():
    for src in ["", "\n", "\n\n\n", "x", "x\n", "x = 1\n", "x=1", "  \n", "# only a comment",
                "# c\n", "x  # trailing comment\n", "x\n# comment without newline",
                "x\n   ", "x\n\n   \n", "pass;pass\n", "a.b.c(d)[e]{f}\n", "f(*a, **k)\n",
                "x if y else z\n", "lambda x: x\n", "@dec\ndef f(): pass\n",
                "x: int = 1\n", "def f(a, /, b, *, c) -> int: ...\n", "print(x, end='')\n"]:
        s(src)
    # every keyword, and the soft keywords (plain names)
    s(" ".join(keyword.kwlist) + "\n")
    s("match case _ type print self async_ if_ Trueish\n")
    s("match x:\n    case [a, *_]:\n        pass\n    case {'k': v} | None:\n        pass\n")
    s("async def f():\n    await g()\n    async with a as b:\n        async for x in y:\n"
      "            pass\n")
    s("class C(B, metaclass=M):\n    def m(self):\n        return self\n")
    s("try:\n    pass\nexcept* E as e:\n    raise\nfinally:\n    del x\n")
    s("global a\nnonlocal b\nassert x, y\nimport a.b as c\nfrom . import d\n")
    s("while True:\n    break\nelse:\n    continue\n")
    s("with open(f) as g, h:\n    yield from g\n")
    s("x = [i for i in range(10) if i % 2 if not i or i and i is not None]\n")
    s("if (n := len(a)) > 10: pass\n")


def operators():
    s("+ - * ** / // % @ << >> & | ^ ~ < > <= >= == != = -> := , ; . ... : ( ) [ ] { }\n")
    s("a+=1;a-=1;a*=1;a/=1;a//=1;a%=1;a@=1;a&=1;a|=1;a^=1;a<<=1;a>>=1;a**=1\n")
    s("a<<b>>c**d//e\n")
    s("x=-1\n")
    s("a->b\n")
    s("a...b\n")
    s("a..b\n")
    s("x[...]\n")
    s("f(**{})\n")
    s("!x\n")
    s("x != y\n")
    s("x ! = y\n")
    s("f'{x!r}'\n")
    s("a $ b\n")
    s("a ? b : c\n")
    s("`x`\n")
    s("a $ 'abc\n")
    # tokenize splits "<>"; it cannot go on after "foo($"
    s("1 <> 2\n", tokens="NUMBER@1:0-1:1 invalid token@1:2-1:4 NUMBER@1:5-1:6 NEWLINE@1:6-1:7 "
                         "end of input@2:0-2:0")
    s("foo($\n", tokens="NAME@1:0-1:3 (@1:3-1:4 invalid token@1:4-1:5 error: SyntaxError: "
                        "'(' was never closed pos: 1:3 eof: 1")


def numbers():
    for src in ["0", "7", "00", "0_0", "1_000_000", "0x1F", "0XdeadBEEF", "0x_f", "0o17", "0O_7",
                "0b1010", "0B_1", "1.5", "1.", ".5", "1e10", "1E+10", "1e-10", "1.5e3",
                ".5e-3", "0e1", "0.0", "09.5", "07e1", "07.", "00.5", "1j", "1J", "1.5j",
                ".5j", "1e5j", "0j", "07j", "1_0.0_1e1_0j", "1.__class__", "1..real",
                "1 .real", "1if x else y", "1else 2", "0xfor", "1in x", "1or 2", "1and 2",
                "1not in x", "1is x", "[1for x in y]", "0x1.5", "1é", "0 7", "x = 1.e5j",
                "1_if"]:
        s(src + "\n")
    for src in ["1_", "1__0", "1a", "1andy", "1orx", "1nott", "1elsex", "1forx", "1e", "1e+",
                "1e_5", "1e5_", "1.5_", "1._5", "1.5e", "1.5j_", "1.e", "1.ex", "1.jx", "1an",
                "0x", "0x_", "0xg", "0xfg", "0x1_", "0o", "0o8", "0o78", "0o1_8", "0o7a",
                "0b", "0b2", "0b12", "0b1_2", "0b1_", "0b1a", "0_", "00_", "0a", "0e",
                "0777", "09", "0_7", "0_7_", "1€", "x = 1__", "1e+_5", "x = 0o 7"]:
        s(src + "\n")
    s("0b1")  # no newline: the number ends at the end of input


def strings():
    prefixes = ["", "r", "u", "R", "U", "b", "B", "br", "Br", "bR", "BR", "rb", "rB", "Rb",
                "RB", "f", "F", "fr", "Fr", "fR", "FR", "rf", "rF", "Rf", "RF"]
    s(" ".join("%s'a'" % p for p in prefixes) + "\n")
    s(" ".join('%s"""a"""' % p for p in prefixes) + "\n")
    for src in ["''", '""', "''''''", '""""""', "'\"'", '"\'"', "'\\''", '"\\""', "r'\\''",
                'r"\\""', "r'\\\\'", "'a' 'b'", "'a''b'", "'''a'b''c'''", '"""a"b""c"""',
                "x = '''\na\nb\n'''", "x = '''a\\\nb'''", "x = 'a\\\nb'", "'é€😀'",
                "b'abc'", "f'{x}' f\"{y!r:>{w}}\"", "ub''", "bu''", "fb''", "rr''",
                "'a' # 'b'", "'''\r\nx\r\n'''", "'\\\r\n'", "'''a''' 'b'", "''' '' '''",
                "x = '''\n\n\n'''\ny = 2", "print('''\n  indented\n''')",
                "if x:\n    s = '''\nnot indentation\n  '''\n    t = 1"]:
        s(src + "\n")
    s("'abc'")  # no newline at the end
    s("'''abc\ndef'''")
    for src in ["'abc\n", "'abc", "x = 'abc\ny'\n", '"abc\n', "'abc\\\n", "'abc\\",
                "'abc\\\\", "'''abc\n", "'''abc\ndef", '"""abc\n\n', "x = \"\"\"abc\n\ndef\n",
                "'''a''''\n", "f'{x}\n", "rb'\\'\n", "'''\\", "'''\\\n", "'\r", "x = 'a\rb'"]:
        s(src)
    s(b"x = '\xff'\n")
    s(b"x = '\xe2\x82'\n")
    s(b"x = 'ab\xc3'\n")
    s(b"'''\n\xff'''\n")
    s(b"'\xed\xa0\x80'\n")
    s(b"'\xf4\x90\x80\x80'\n")
    s(b"'\xe0\x80\x80'\n")
    s(b"'\xf0\x9f\x98'\n")
    s(b"'\xf0\x9f\x41'\n")


def indentation():
    for src in ["if x:\n    y\n", "if x:\n    y\nz\n", "if x:\n    y", "if x:\n  if y:\n    z\n",
                "if x:\n  if y:\n    z\nw\n", "if x:\n  if y:\n    z\n  w\n",
                "if x:\n    y\n\n    z\n", "if x:\n    y\n  # comment\n    z\n",
                "if x:\n    y\n# c\nz\n", "if x:\n    y\n        # deep comment\n    z\n",
                "if x:\n\ty\n", "if x:\n\ty\n\tz\n", "if x:\n\tif y:\n\t\tz\n",
                "if x:\n        y\n\tz\n", "if x:\n\ty\n        z\n", "if x:\n    \ty\n\t    z\n",
                "if x:\n\ta\n  \tb\n", "if x:\n  a\n\tb\n", "if x:\n \ty\n \tz\n",
                "if x:\n    y\n  z\n", "if x:\n    y\n  z", "if x:\n    y\n  z  # c\n",
                "if x:\n    y\n  (z,\n w)\n", "if x:\n  y\n z\n",
                "  x\n", "\tx\n", "x\n  y\n", "\x0cx\n", "if x:\n  \x0c  y\n",
                "if x:\n\x0c    y\n", "if x:\n    y\n\x0c  \x0cz\n",
                "if x:\n  pass\n  ", "if x:\n  pass\n  # c", "if x:\n  pass\n\n\n",
                "if x:\n  y\n \n", "def f():\n    return (1,\n  2)\n",
                "if x:\n    pass\n  \\\n    y\n",
                "x = \\\n  1\n", "if x:\n    a = \\\n1\n    b\n"]:
        s(src)
    deep = "if x:\n" + "".join(" " * i + "if x:\n" for i in range(1, 99)) + " " * 99 + "pass\n"
    s(deep)
    s("if x:\n" + "".join(" " * i + "if x:\n" for i in range(1, 100)) + " " * 100 + "pass\n")


def brackets():
    for src in ["(\n)\n", "x = (1,\n     2)\n", "x = [\n  1,  # c\n\n  2,\n]\n",
                "f(a,\n\n# c\n  b)\n", "{\n\t1:\n 2}\n", "(\n    x\n)\ny\n",
                "if x:\n    f(a,\nb)\n    y\n", "x = (\\\n1)\n", "(" * 200 + ")" * 200 + "\n",
                "(" * 201 + ")" * 201 + "\n", "(]\n", "(\n]\n", "x = ([)\n", "[(])\n", ")\n",
                "]\n", "x = 1)\n", "}\n", "(\n", "(", "(x", "x = [1,\n 2\n", "[1,\n2,\n",
                "{", "x = ([", "f(\n  'a',\n", "x = (\\\n", "x = (1 \\", "(\n  x\n  y",
                "x = (1,\n'abc\n)\n", "a[\n'''x\n]\n"]:
        s(src)


def continuation():
    for src in ["x = 1 + \\\n    2\n", "x = \\\n\\\n  1\n", "x = 1 \\\n\n", "x = \\ 1\n",
                "x = 1 \\ # c\n", "x = \\", "x = \\\n", "x = 1 \\\n", "\\\n", "  \\\n",
                "x = \\\r\n  1\r\n", "x = \\\x00\n", "if x:\n  y = \\\n", "\ufeffx = \\\n",
                "x = \\\n   ", "x = \\\n  # c\n", "x = 1 + \\\n 2 + \\\n", "x = \\\r\n",
                "if x:\r\n", "'\'\'\r\n"]:
        s(src)
    # CPython's C tokenizer ends the logical line at a comment line after a
    # continuation (tokenize calls that line NL)
    s("x = 1 \\\n# c\ny = 2\n", tokens="NAME@1:0-1:1 =@1:2-1:3 NUMBER@1:4-1:5 NEWLINE@2:3-2:4 "
                                    "NAME@3:0-3:1 =@3:2-3:3 NUMBER@3:4-3:5 NEWLINE@3:5-3:6 "
                                    "end of input@4:0-4:0")
    # A backslash inside the indentation: the first line's column counts
    # (tokenize sees these lines differently from CPython's C tokenizer, so
    # the streams are written by hand; INDENT spans the whitespace on the
    # line of the first token)
    s("\\\n\tx\n", tokens="INDENT@2:0-2:1 NAME@2:1-2:2 NEWLINE@2:2-2:3 DEDENT@3:0-3:0 "
                         "end of input@3:0-3:0")
    s("  \\\n  x\n", tokens="INDENT@2:0-2:2 NAME@2:2-2:3 NEWLINE@2:3-2:4 DEDENT@3:0-3:0 "
                            "end of input@3:0-3:0")
    s("  \\\nx", tokens="INDENT@2:0-2:0 NAME@2:0-2:1 NEWLINE@2:1-2:2 DEDENT@3:0-3:0 "
                       "end of input@3:0-3:0")
    s("if x:\n  \\\n\n  y\n", tokens="if@1:0-1:2 NAME@1:3-1:4 :@1:4-1:5 NEWLINE@1:5-1:6 "
                                     "INDENT@4:0-4:2 NAME@4:2-4:3 NEWLINE@4:3-4:4 "
                                     "DEDENT@5:0-5:0 end of input@5:0-5:0")


def names():
    for src in ["é = 1\n", "变量 = 1\n", "aéb = 1\n", "_é1 = 2\n", "ℌ = 1\n",
                "Ωmega\n", "ſ\n", "x = été + Ω\n", "ǅ = 1\n",
                "x٠ = 1\n", "x = 1 + 𝔘\n", "ifé = 1\n", "bé'x'\n", "é'x'\n"]:
        s(src)
    for src in ["x = €\n", "a€b = 1\n", "😀 = 1\n", "x = \u00a0\n", "x = \u3000\n",
                "\u200b = 1\n", "\ue000 = 1\n", "\u00ad = 1\n", "·x = 1\n", "\u0300x = 1\n",
                "٠ = 1\n", "x = \ufeff\n", "x = a\u2028b\n", "x = «y»\n", "x = 1 × 2\n",
                "é€\n", "x = \u2014\n", "f(x)→y\n", "α = β ≤ γ\n"]:
        s(src)
    for src in [b"\xff = 1\n", b"x = 1\n\xff\n", b"\xffabc = 1\n", b"\xe2\x82 = 1\n",
                b"a\xe2\x82 = 1\n", b"a\xc3\x28 = 1\n", b"\xc0\x80 = 1\n", b"\xed\xa0\x80\n",
                b"x\xf8\n", b"\xe2\x82\xac\xff\n"]:
        s(src)
    # tokenize's names are \w+, which misses these continuation characters
    s("x· = 1\n", tokens="NAME@1:0-1:3 =@1:4-1:5 NUMBER@1:6-1:7 NEWLINE@1:7-1:8 "
                         "end of input@2:0-2:0")
    s("x\u0300 = 1\n", tokens="NAME@1:0-1:3 =@1:4-1:5 NUMBER@1:6-1:7 NEWLINE@1:7-1:8 "
                              "end of input@2:0-2:0")


def misc():
    for src in ["x\r\ny\r\n", "if x:\r\n    y\r\n", "x = (1,\r\n2)\r\n", "x # c\r\n",
                "\ufeffx = 1\n", "\ufeff", "\ufeff# c\n", "x = 1\x0b\n", "x = 1\x7f\n",
                "a\x01b\n", "x = 1\n\x0b\n", "\x1b\n", "x = 'a\x00b'\n", "x\x00y\n",
                "x = 1 # \x00\n", "\x00", "x = '''\x00'''\n", "if x:\n\x00", "x = 1 \\\x00",
                "x = ( # comment\n  1)  # another\n", "#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nx\n"]:
        s(src)
    # tokenize cannot read these (compile() does not check comments)
    s(b"x = 1  # \xff\xfe comment\n", tokens="NAME@1:0-1:1 =@1:2-1:3 NUMBER@1:4-1:5 "
                                           "NEWLINE@1:19-1:20 end of input@2:0-2:0")
    s(b"# \xe2\x82\n", tokens="end of input@2:0-2:0")
    # a lone '\r' ends a line as CPython's newline translation does; tokenize
    # cannot split those lines, so the streams are written by hand
    s("x\ry\r", tokens="NAME@1:0-1:1 NEWLINE@1:1-1:2 NAME@2:0-2:1 NEWLINE@2:1-2:2 "
                       "end of input@3:0-3:0")
    s("if x:\r    y\rz", tokens="if@1:0-1:2 NAME@1:3-1:4 :@1:4-1:5 NEWLINE@1:5-1:6 "
                               "INDENT@2:0-2:4 NAME@2:4-2:5 NEWLINE@2:5-2:6 DEDENT@3:0-3:0 "
                               "NAME@3:0-3:1 NEWLINE@3:1-3:2 end of input@4:0-4:0")
    s("x = '''a\rb'''\r", tokens="NAME@1:0-1:1 =@1:2-1:3 STRING@1:4-2:4 NEWLINE@2:4-2:5 "
                                 "end of input@3:0-3:0")


def program():
    s('''#!/usr/bin/env python3
"""A module docstring
spanning lines."""
import sys


class Stack:
    """LIFO."""

    def __init__(self, items=()):
        self.items = list(items)  # copy

    def push(self, x):
        self.items.append(x)

    def pop(self):
        if not self.items:
            raise IndexError("pop from empty stack")
        return self.items.pop()


def main(argv):
    st = Stack([1, 2.5, 3j, 0x10, 0o7, 0b1])
    total = 0
    while st.items:
        v = st.pop()
        total += abs(v) if isinstance(v, complex) else v
    print(f"total={total!r:>10}", file=sys.stderr)
    return {
        'a': [1,
              2],
        'b': (3,)
    }


if __name__ == '__main__':
    sys.exit(main(sys.argv))
''')


# --- the oracle --------------------------------------------------------------

NL_RE = re.compile(rb"\r\n|\r|\n")
BOM = b"\xef\xbb\xbf"


def lines_of(src):
    """Physical lines as CPython counts them (text after a BOM)."""
    if src.startswith(BOM):
        src = src[3:]
    return NL_RE.split(src)


def byte_col(line, chars):
    """Bytes in the first `chars` characters of a line (bad bytes count 1)."""
    return len(line.decode("utf-8", "surrogateescape")[:chars].encode("utf-8", "surrogateescape"))


def end_line(src):
    """Where the DEDENTs and ENDMARKER at the end go: the line after the last,
    counting a final line without its newline."""
    if src.startswith(BOM):
        src = src[3:]
    n = len(NL_RE.findall(src))
    if src and not src.endswith((b"\n", b"\r")):
        n += 1
    return n + 1


def as_source(src):
    """What to hand compile(): text where possible, since CPython gives
    byte columns for some errors in bytes without a coding declaration and
    character columns (what the console shows) in text.  Bytes that are not
    UTF-8, or start with a BOM (a str may not), stay bytes.  A final "\\r\\n"
    becomes "\\n": see the docstring."""
    if src.endswith(b"\r\n"):
        src = src[:-2] + b"\n"
    if src.startswith(BOM):
        return src
    try:
        return src.decode("utf-8")
    except UnicodeDecodeError:
        return src


def compile_error(src):
    try:
        compile(as_source(src), "<s>", "exec")
    except SyntaxError as e:
        return e
    return None


def is_incomplete(src):
    try:
        compile(as_source(src), "<s>", "exec", flags=PyCF_ALLOW_INCOMPLETE_INPUT)
    except SyntaxError as e:
        return e.msg == "incomplete input"
    return False


def error_record(src, e):
    msg = e.msg
    if "null bytes" in msg:
        msg = "source code cannot contain null bytes"
        before = src[:src.index(b"\0")]
        line = len(NL_RE.findall(before)) + 1
        col = len(NL_RE.split(before)[-1]) - (3 if line == 1 and before.startswith(BOM) else 0)
        pos = "%d:%d" % (line, col)
    elif msg.startswith("(unicode error)"):
        pos = "%d:%d" % (e.lineno, e.offset - 1)  # CPython counts bytes here
    else:
        text = lines_of(src)[e.lineno - 1]
        pos = "%d:%d" % (e.lineno, byte_col(text, e.offset - 1))
    # Only these end "too early"; the oracle is needed for single-quoted
    # strings, and is not asked for others because compile() does not say
    # "incomplete input" when its parser failed before the end.
    if re.search(r"never closed|^unterminated triple|^unexpected EOF", msg):
        eof = "1"
    elif msg.startswith("unterminated string"):
        eof = "1" if is_incomplete(src) else "0"
    else:
        eof = "0"
    return [("error", "%s: %s" % (type(e).__name__, msg)), ("pos", pos), ("eof", eof)]


def token_name(tok):
    if tok.type == token.OP:
        return tok.string
    if tok.type == token.NAME:
        return tok.string if keyword.iskeyword(tok.string) else "NAME"
    if tok.type == token.NUMBER:
        return "IMAGNUMBER" if tok.string[-1] in "jJ" else "NUMBER"
    if tok.type == token.ENDMARKER:
        return "end of input"
    if tok.type == token.ERRORTOKEN and tok.string == "!":
        return "!"
    if tok.type == token.ERRORTOKEN and tok.string in "$?`":
        return "invalid token"
    if tok.type in (token.STRING, token.NEWLINE, token.INDENT, token.DEDENT):
        return token.tok_name[tok.type]
    raise ValueError("unexpected token %r" % (tok,))


def token_stream(src):
    lines = lines_of(src)
    # (tokenize 3.11 also reports the blank after a stray "!" as an error)
    toks = [t for t in tokenize.tokenize(io.BytesIO(src).readline)
            if t.type not in (token.NL, token.COMMENT, token.ENCODING)
            and not (t.type == token.ERRORTOKEN and t.string.isspace())]
    # the tail: see "DEDENTs and ENDMARKER" in the docstring
    n_end = 0
    while toks and toks[-1].type in (token.DEDENT, token.ENDMARKER):
        toks.pop()
        n_end += 1
    out = []
    for t in toks:
        (l1, c1), (l2, c2) = t.start, t.end
        c1 = byte_col(lines[l1 - 1], c1) if l1 <= len(lines) else c1
        c2 = byte_col(lines[l2 - 1], c2) if l2 <= len(lines) else c2
        if t.type == token.NEWLINE:
            c2 = c1 + max(1, len(t.string))
        out.append("%s@%d:%d-%d:%d" % (token_name(t), l1, c1, l2, c2))
    last = end_line(src)
    for _ in range(n_end - 1):
        out.append("DEDENT@%d:0-%d:0" % (last, last))
    out.append("end of input@%d:0-%d:0" % (last, last))
    return " ".join(out)


def is_lexical(e):
    return any(re.search(p, e.msg) for p in LEXICAL)


def record(src, opts):
    rec = [("src", src)]
    e = compile_error(src)
    if e is not None and is_lexical(e) and "tokens" not in opts:
        return rec + error_record(src, e)
    rec.append(("tokens", opts["tokens"] if "tokens" in opts else token_stream(src)))
    if e is not None:
        rec.append(("parse_error", "%s: %s" % (type(e).__name__, e.msg)))
    return rec


def main():
    for group in (basics, operators, numbers, strings, indentation, brackets, continuation,
                  names, misc, program):
        group()
    records = []
    for src, opts in SNIPPETS:
        try:
            records.append(record(src, opts))
        except Exception:
            print("while generating %r:" % src, file=sys.stderr)
            raise
    header = __doc__.split("Run with")[0].strip()
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lexer", "tokens.txt")
    casefile.write(path, "Generated by tests/gen_tokens.py; do not edit.\n\n" + header, records)
    n_err = sum(1 for r in records if r[1][0] == "error")
    print("%s: %d cases (%d lexical errors)" % (path, len(records), n_err))


if __name__ == "__main__":
    main()
