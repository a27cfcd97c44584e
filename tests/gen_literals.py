#!/usr/bin/env python3
"""Generates tests/parser/literal_cases.txt: string, bytes, f-string and
number literals with what CPython 3.11 makes of them.

Each record has `src` (a module) and either `dump` (ast.dump of the module,
with include_attributes=True when the record has `attrs: 1`) or `error`
(the SyntaxError message) with `line` and `offset`.  `offset: -` marks an
error whose column minipy does not reproduce (see the reason given in
`note`).  Run with CPython 3.11 from the top directory:

    python3 tests/gen_literals.py
"""
import ast
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import casefile  # noqa: E402

assert sys.version_info[:2] == (3, 11), "the oracle must be CPython 3.11"
warnings.simplefilter("ignore")  # invalid escapes warn; minipy is silent

PREFIXES = ["", "r", "u", "R", "U", "b", "B", "br", "bR", "Br", "BR", "rb", "rB", "Rb", "RB",
            "f", "F", "fr", "fR", "Fr", "FR", "rf", "rF", "Rf", "RF"]
QUOTES = ["'", '"', "'''", '"""']

# minipy has no Unicode name database: a well-formed \N{...} is an error.
NO_NAMES = "(unicode error) \\N{...} escapes are not supported"

# Errors whose column minipy places elsewhere: CPython reports them at the
# last token its parser had fetched, which after a format spec or inside
# f-string fields depends on its lookahead; minipy reports just past the
# literal.
POS_DIFFERS = {
    "f'{x:{y:{z}}}'", "f'{x:{y!r:{z}}}'", "f'{x!r:{y:{z}}}'",
}

# Errors raised while parsing a field's expression: CPython 3.11 reports
# them at columns of the field text alone, not shifted to where the text
# sits in the line; minipy gives the real column.
FIELD_POS_DIFFERS = {
    """f'{"a" b"b"}'""", """f'{b"é"}'""", "f'{a b}'", """f'{f"{x!z}"}'""",
    """f'''{f"{f'{x:{y:{z}}}'}"}'''""", "f'{" + "1" * 4301 + "}'", "f'{(}'",
}

# Where minipy deliberately or knowingly differs: src -> (error, note).
KNOWN = {
    # The lexer splits this into f'''{''' a '''}''': CPython's parser decodes
    # the first string before it looks further; Bison (with LAC) finds the
    # NAME after it invalid before it reduces the strings.
    "f'''{'''a'''}'''": ("invalid syntax", "the grammar error is found first"),
}
COMPLEX = ("complex numbers are not supported", "minipy has no complex type")

CASES = []


def case(src, attrs=False, no_names=False):
    CASES.append((src, attrs, no_names))


def in_function(src):
    """src as the body of a def: the grammar refuses `yield` outside one
    as soon as it is typed, as codeop does."""
    return "def f():\n    " + src


def strings():
    for p in PREFIXES:
        for q in QUOTES:
            case("%s%sab%s" % (p, q, q))
    for q in QUOTES:
        case("%s%s" % (q, q))
    # contents that need the right quote handling
    case("'\"'")
    case('"\'"')
    case("'''a'b''c'''")
    case('"""a"b""c"""')
    case("'''\na\nb\n'''")
    case("'é€😀'")
    case("'a\\\nb'")
    case("'''a\\\nb'''")
    case("'''a\n  b'''")
    case("b'''x\ny'''")
    case("x = 'abc'")
    case("print('a', \"b\")")


def escapes():
    for body in ["\\a\\b\\f\\n\\r\\t\\v", "\\\\", "\\'\\\"", "\\0", "\\7", "\\07", "\\101",
                 "\\1011", "\\377", "\\400", "\\777", "\\0000", "\\8", "\\9", "\\08", "\\x41",
                 "\\xff", "\\x00", "\\xAb", "\\d", "\\q", "\\ ", "\\{", "\\é", "a\\"
                 "\nb", "\\u00e9", "\\u20AC", "\\U0001F600", "\\U00000041", "\\uD800",
                 "\\ud800\\udc00", "\\udfff", "\\U0010FFFF", "\\N", "\\u", "\\U"]:
        case("'%s'" % body)
        case("b'%s'" % body.replace("é", "e"))
    case("'\\x80\\xff'")
    case("'\\0\\00\\000\\0000'")
    case("'é\\x41'")
    case("r'\\x\\n\\''")
    case("rb'\\x\\n\\''")
    case("'\\\\x'")
    case("'''\\\n'''")
    # errors, with CPython's positions in its codec buffer
    for body in ["\\x", "\\x4", "\\xg0", "\\x4g", "\\u12", "\\u123", "\\u00zz",
                 "\\U1234", "\\U0000004g", "ab\\U0000004", "\\U00110000", "\\UFFFFFFFF",
                 "\\N", "\\N{", "\\N{}", "\\Nx", "\\N{abc", "é\\x", "éé\\x", "😀\\x",
                 "é\\\\é\\x", "é\\é\\x", "\\xé", "\\ué", "\\N{é", "a\\x", "\\\\\\x",
                 "\\N{}é"]:
        case("'%s'" % body)
    for body in ["\\x", "\\x4", "\\xg0", "a\\x0", "\\\\\\x", "ab\\x4g"]:
        case("b'%s'" % body)
    case("b'é'")
    case("b'a' b'é'")
    case("rb'é'")
    case("x = (1,\n     b'\\x')")
    # \N{...} has no database behind it in minipy
    for src in ["'\\N{DASH}'", "'\\N{BULLET}'", "'\\N{a\\\\é}'", "f'\\N{DASH}{x}'",
                "f'\\N{EM DASH}'", "'\\N{a}' b''"]:
        case(src, no_names=True)
    case("b'\\N{BULLET}'")
    case("r'\\N{BULLET}'")
    case("rf'\\N{x}'")


def concatenation():
    case("'a' 'b' 'c'")
    case("'a' \"b\" '''c''' \"\"\"d\"\"\"")
    case("b'a' b'b' B'c' rb'\\n'")
    case("u'a' 'b'")
    case("'a' u'b'")
    case("U'a' u'b'")
    case("'a' b'b'")
    case("b'a' 'b'")
    case("b'a' f'b'")
    case("f'{x}' b'a'")
    case("b'a' f'{x}'")
    case("'a' f'{x!x}' b''")
    case("b'' f'{x!x}'")
    case("'\\x' b''")
    case("b'' '\\x'")
    case("'' ''")
    case("r'\\n' '\\n'")
    case("('a'\n 'b')")
    case("('a'  # comment\n 'b')")
    case("x = ('a'\n     'b'\n     'c')")
    case("'a' \\\n'b'")
    case("f(u'a' 'b', b'c' b'd')")


def numbers():
    for n in ["0", "1", "00", "0_0", "000_000", "123", "1_000_000", "9223372036854775807",
              "9223372036854775808", "18446744073709551616", "0x7fffffffffffffff",
              "0x8000000000000000", "0xFF", "0X_ff", "0xdead_BEEF", "0o777_777", "0O17",
              "0o_7", "0b1_0", "0B1111", "0b" + "1" * 64, "0o1777777777777777777777",
              "0x" + "f" * 40, "1" + "0" * 30, "0.1", "1.", ".5", "5.", "1e500", "1e-400",
              "1_000.5e-3", "1E+5", "2.5e-3", "1_0.0_1", "0.1e1_0", "1e0", "00.5", "0e0",
              "123456789012345678901234567890.5", "4.9406564584124654e-324",
              "1.7976931348623157e308", "1.7976931348623159e308", "0.30000000000000004",
              "2e-1074", "3e-1074", "9007199254740993", "9007199254740993.0", "1e22", "1e23",
              "3j", "1.5J", "1e1000j", "0j", "1_0j", ".5j", "1" * 4300]:
        case(n)
    case("1" * 4301)
    case("x = " + "9" * 5000 + " + 1")
    case("1_" * 2500 + "1")
    case("0" * 5000)
    # The digit limit is for decimal only: these print in under 4300 digits.
    case("0b" + "1" * 5000)
    case("0o" + "7" * 4400)
    case("-1")
    case("-9223372036854775808")
    case("x = [1, 2.5, 0x10, 1e3]")


def fstrings():
    for src in [
        "f''", "f'a'", "f'{x}'", "f'{x}{y}'", "f'a{x}b{y}c'", "f'{{}}'", "f'{{{x}}}'",
        "f'{{x}}'", "f'}}'", "f'{{'", "f'{x!r}'", "f'{x!s}'", "f'{x!a}'", "f'{x:>10}'",
        "f'{x:}'", "f'{x!r:}'", "f'{x!s:^{w}}'", "f'{x:{w}.{p}f}'", "f'{x:{y}}'",
        "f'{x:{y}a}'", "f'{x:a{y}b}'", "f'{x:{y}{z}}'", "f'{x:{y!r}}'", "f'{x:{y=}}'",
        "f'{x:{y:x}}'", "f'{x:a:b}'", "f'{x!r:{y}!r}'", "f'{x:{{}}}'", "f'{x:{{y}}}'",
        "f'{x:a{{b}}c}'", "f'{x:{y}}}}'", "f'{x=}'", "f'{x =}'", "f'{x= }'", "f'{ x = }'",
        "f'{x=!s}'", "f'{x=!r:^20}'", "f'{x=:>3}'", "f'{x = !r:>{w}}'", "f'{x=    }'",
        "f'{x=  !r:>3}'", "f'{x!=y=}'", "f'a{x=}b'", "f'{x=}{y=}'", "f'{  x  }'",
        "f'{ x }'", "f'{x, y}'", "f'{*x, y}'", in_function("f'{yield}'"),
        in_function("f'{yield x}'"),
        "f'{x for x in y}'", "f'{a:=1}'", "f'{(a:=1)}'", "f'{a!=b}'", "f'{a<=b}'",
        "f'{a>=b}'", "f'{a==b}'", "f'{a<b}'", "f'{a>b}'", "f'{a<<b}'", "f'{a>>b}'",
        "f'{a[\"}\"]}'", "f'{a[\"{\"]}'", "f'{\"a\" \"b\"}'", "f'{\"\"\"a\"\"\"}'",
        "f'{x:{\"a\"}}'", "f'{f\"{x}\"}'", "f'{f\"{x}\" f\"{y}\"}'",
        "f'''{f\"{f'{x}'}\"}'''", "f'{[x, y][0]}'", "f'{ {x: y}[x] }'", "f'{(lambda: 1)()}'",
        "f'{x.y(z)!r:>{w + 1}}'", "f'{3.14:.2f}'", "f'{1_0}'", "f'{0x_1}'", "F'{x}'",
        "fR'a'", "rf'\\{x}'", "fr'{x}\\n'", "Rf'\\d{x}'", "f'\\{x}'", "f'\\}}'", "f'\\{{'",
        "f'a\\\\{x}'", "f'\\x41{x}\\x42'", "f'\\n{x}\\t'", "f'{x:\\{y}}'", "f'\\\n{x}'",
        "f'{x}\\\n'", "f'{x}\\N'", "f'é{x}€'", "f'{x:é}'", "f'''{x\n}'''",
        "f'''{\nx\n}'''", "f'''\n{x}\n'''", "f'{x}' 'a' f'b{y}c' ''", "'a' f''",
        "'a' f'' 'b'", "f'{x}' u'a'", "u'a' f'{x}'", "u'' f'{x:>10}'",
        "u'' f'{z:{a}b{c}d}'", "'' f'{x}' ''", "f'{x:{y}}' 'a'", "f'{a}' f'{b}'",
        "f'a' 'b' f'c'", "f'{x}{{'", "f'{{{x}'",
    ]:
        case(src)
    # errors
    for src in [
        "f'{x!}'", "f'{x!z}'", "f'{x! r}'", "f'{x!r }'", "f'{x!rr}'", "f'{}'", "f'{ }'",
        "f'{\n}'", "f'{!r}'", "f'{:x}'", "f'{=}'", "f'}'", "f'a}b'", "f'{'", "f'{x'",
        "f'{x!r'", "f'{x:'", "f'{x!r:'", "f'{x!'", "f'{x='", "f'{x=!}'", "f'{x:{y:{z}}}'",
        "f'{x:{y!r:{z}}}'", "f'{x!r:{y:{z}}}'", "f'{\\n}'", "rf'{\\n}'", "f'{\"\\\\x\"}'",
        "f'{#}'", "f'{x#}'", "f'{x)}'", "f'{(x]}'", "f'{(x}'", "f'{a(]}'", "f'{]}'",
        "f'{a['", "f'{\"x}'", "f'{\"a\"'", "f'{x:}}'", "f'{x:a}b}'", "f'{x:a{y}b}}'",
        "f'{x:{}}'", "f'{x:{!r}}'", "f'{x=  !r :>3}'", "f'{x:\\x}'", "f'\\{{x}'",
        "f'\\N{}'", "f'{x}{'", "f'{a!r=}'", "f'{a=b}'", "f'{x}' f'{'",
        "f'{" + "(" * 201 + "}'", "f'{x}{y!q}'", "f'''{'''a'''}'''",
        "f'{\"a\" b\"b\"}'", "f'{f\"{x!z}\"}'", "f'{b\"é\"}'", "f'{a b}'",
        # errors inside fields: one "f-string: " per nested parser
        """f'''{f"{f'{x:{y:{z}}}'}"}'''""", r"""f'{"\N{DASH}"}'""", r"""f'{b"\x"}'""",
        "f'{" + "1" * 4301 + "}'", "f'{(}'", "f'{x!r}' f'{y!}'",
    ]:
        case(src)


def positions():
    for src in [
        "'abc'", "x = 'a' 'b'", "('a'\n 'b')", "b'x' b'y'", "u'x'", "123", "x = 1.5",
        "0xff", "f'{x}'", "f'{ x }'", "f'{x, y}'", "f'{x=}'", "f'{x:{y}}'", "f'{x:{y}a}'",
        "f'{x!r:>{w}}'", "x = f'{y}' f'{z}'", "x = u'' f'{z:{a}b{c}d}'", "f'{x:{y}}' 'a'",
        "f'{f\"{x}\"}'", "(f'a'\n f'{x}')", "f'''\n{x}\n  {y+1}'''",
        "x = f'''a\n  {y}'''", "x = f'''a\n  {\ny}'''", "x = f'''{\ny}'''",
        "f'é{x}'", "print(f'{a}b{c!r}')", "f'{x + y}'", "f'{ (x) }'", "f'''{x\n+ y}'''",
    ]:
        case(src, attrs=True)


def newlines():
    # The source as compile() sees it after universal-newline translation.
    case("'''a\r\nb\rc'''")
    case("r'''a\r\nb'''")
    case("'a\\\r\nb'")
    case("b'''a\r\nb'''")
    case("f'''{x}\r\n{y}'''")
    case("f'''{x=\r\n}'''")


def record(src, attrs, no_names):
    rec = [("src", src)]
    if src in KNOWN or (src[0].isdigit() or src[0] == ".") and src[-1] in "jJ":
        msg, note = KNOWN.get(src, COMPLEX)
        return rec + [("error", msg), ("line", "1"), ("offset", "-"), ("note", note)]
    if no_names:
        return rec + [("error", NO_NAMES), ("line", "1"), ("offset", "-"),
                      ("note", "no Unicode name database")]
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        rec.append(("error", e.msg))
        rec.append(("line", str(e.lineno)))
        if src in POS_DIFFERS:
            rec.append(("offset", "-"))
            rec.append(("note", "CPython's column depends on its lookahead"))
        elif src in FIELD_POS_DIFFERS:
            rec.append(("offset", "-"))
            rec.append(("note", "CPython does not shift columns inside fields"))
        else:
            rec.append(("offset", str(e.offset)))
        return rec
    if attrs:
        rec.append(("attrs", "1"))
    rec.append(("dump", ast.dump(tree, include_attributes=attrs)))
    return rec


def main():
    for group in (strings, escapes, concatenation, numbers, fstrings, positions, newlines):
        group()
    seen = set()
    records = []
    for src, attrs, no_names in CASES:
        if (src, attrs) in seen:
            continue
        seen.add((src, attrs))
        records.append(record(src, attrs, no_names))
    here = os.path.dirname(os.path.abspath(__file__))
    casefile.write(os.path.join(here, "parser", "literal_cases.txt"), __doc__, records)
    print("%d cases" % len(records))


if __name__ == "__main__":
    main()
