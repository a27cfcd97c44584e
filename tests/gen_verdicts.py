#!/usr/bin/env python3
"""Generates tests/verdict/verdicts.txt: the verdict table.

Every input below is given to CPython 3.11's codeop.compile_command in the
modes listed, and the answer is recorded: COMPLETE (a code object),
INCOMPLETE (None) or ERROR with the exception class, message, line and
offset.  For multi-line inputs every line prefix is recorded too, since that
is what the console asks about as it is fed one line at a time.

tests/verdict/check_verdict.c replays the table through mpy_parser (fed line
by line, as the console does) and through a fresh parser per input.

Run from the top directory with python3 3.11: python3 tests/gen_verdicts.py
"""
import codeop
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import casefile  # noqa: E402

# (source, modes).  Modes: s = single, x = exec, e = eval.
HAND = [
    # --- empty, blank and comment-only input
    ("", "sxe"), ("#c", "sxe"), ("   ", "sxe"), ("\n", "sx"), ("\n\n", "sx"),
    ("# one\n# two", "sx"), ("  # indented comment", "sx"), ("\t", "sx"),
    # --- simple statements
    ("x = 1", "sxe"), ("x", "sxe"), ("1 + 2", "sxe"), ("print('hi')", "sx"),
    ("x = 1\n", "sx"), ("x = 1;", "sx"), ("x = 1; y = 2", "sx"), ("pass", "sx"),
    ("del x", "sx"), ("assert x, 'm'", "sx"), ("import os", "sx"),
    ("from os import path as p", "sx"), ("from . import x", "sx"),
    ("from .. import (a, b,)", "sx"), ("global x", "sx"), ("raise", "sx"),
    ("raise E from e", "sx"), ("x += 1", "sx"), ("x: int = 3", "sx"),
    ("a, *b = c", "sx"), ("a = b = c", "sx"), ("x[1:2, ::3] = y", "sx"),
    ("f(*a, **k)", "sxe"), ("lambda x, *y, z=1, **w: x", "sxe"),
    ("(x := 5)", "sxe"), ("x if y else z", "sxe"), ("[i for i in r if i]", "sxe"),
    ("{k: v for k, v in d}", "sxe"), ("f(x for x in y)", "sxe"),
    ("a < b <= c != d", "sxe"), ("not a in b is not c", "sxe"), ("...", "sxe"),
    ("x = 1\ny = 2", "sx"), ("x = 1\n\ny = 2", "sx"), ("x = 1\n\n", "sx"),
    ("1\n2\n", "sx"),
    # --- compound statements and the blank line that ends them
    ("if x:", "sx"), ("if x:\n", "sx"), ("if x:\n\n", "sx"),
    ("if x:\n  pass", "sx"), ("if x:\n  pass\n", "sx"), ("if x:\n  pass\n\n", "sx"),
    ("if x: pass", "sx"), ("if x: pass\n", "sx"), ("if x: pass\nelse: pass", "sx"),
    ("if x:\n  a\nelif y:\n  b\nelse:\n  c\n", "sx"),
    ("if x:\n  a\nelif y:", "sx"), ("if x:\n  a\nelse", "sx"),
    ("while x:\n  x -= 1\nelse:\n  pass\n", "sx"),
    ("for i in range(3):\n  print(i)\n", "sx"),
    ("for x in y:\n  pass\nelse:", "sx"),
    ("try:\n  x\n", "sx"), ("try:\n  x\nexcept:\n  pass", "sx"),
    ("try:\n  x\nexcept E as e:\n  pass\nelse:\n  y\nfinally:\n  z\n", "sx"),
    ("try:\n  x\nfinally:\n  y\n", "sx"), ("try:\n  x\ny = 1\n", "sx"),
    ("with a as b, c as d:\n  pass\n", "sx"), ("with (a as b, c):\n  pass\n", "sx"),
    ("def f():\n  return 1\n", "sx"), ("def f(a, b=2, *c, d, **e):\n  pass\n", "sx"),
    ("def f(a, /, b):\n  pass\n", "sx"), ("def f() -> int:\n  pass\n", "sx"),
    ("class A:\n", "sx"), ("class A:\n  x = 1\n", "sx"),
    ("class A(B, metaclass=M):\n  pass\n", "sx"),
    ("@d", "sx"), ("@d\n", "sx"), ("@d\ndef f(): pass\n", "sx"),
    ("@d\n@e(1)\nclass C: pass\n", "sx"),
    ("if 1:\n  x\ny", "sx"), ("if 1:\n  x\n  y\n", "sx"),
    ("if 1:\n  if 2:\n    x\n  y\n", "sx"), ("if 1:\n  if 2:\n    x\n", "sx"),
    ("if 1:\n  if 2:\n    x\n\n", "sx"), ("if x:\n  pass\n  ", "sx"),
    ("if x:\n  pass\n#c\n", "sx"), ("if x:\n  pass\n  \n", "sx"),
    ("def f():\n  x = 1\n\n  return x\n", "sx"),
    ("for i in x: print(i)", "sx"), ("while 1: pass\n", "sx"),
    ("class A: pass", "sx"), ("def f(): return 1", "sx"),
    # --- open brackets, strings and continuations
    ("x = (", "sxe"), ("x = (\n", "sx"), ("(", "sxe"), ("[1,\n2", "sxe"),
    ("x = [\n", "sx"), ("f(1,\n  2,\n", "sxe"), ("{\n", "sxe"),
    ("x = {1: 2,\n", "sx"), ("'''abc", "sxe"), ('"""abc\ndef', "sxe"),
    ("'''abc'''", "sxe"), ("x = '''\n\n'''", "sx"), ("a \\", "sxe"),
    ("a \\\n", "sxe"), ("a = 1 + \\\n  2", "sx"), ("if x and \\", "sx"),
    ("from x import (a,", "sx"), ("print('a',\n      'b')", "sx"),
    ("def f(a,\n      b):\n  pass\n", "sx"), ("x = (1,\n  'abc", "sx"),
    ("r'''\\", "sx"), ("f'''{x", "sx"), ("b'''", "sx"),
    # --- errors reported at once
    ("def f(:", "sxe"), ("def f(:\n", "sx"), ("1 +", "sxe"), ("1 + \n", "sx"),
    ("a = 1 +", "sx"), ("x = )", "sxe"), ("x = (]", "sx"), ("x = [)\n", "sx"),
    ("f() = (", "sx"), ("f() = 1", "sx"), ("1 = 2", "sx"), ("(1 = 2", "sx"),
    ("x+1 = 2\n", "sx"), ("for 1 in x: pass", "sx"), ("del f()", "sx"),
    ("x = yield = 1", "sx"), ("None = 1", "sx"), ("f(a=1, b)", "sx"),
    ("f(**a, *b)", "sx"), ("f(x for x in y, 1)", "sx"), ("x = {1:2, 3}", "sx"),
    ("1 if 2", "sxe"), ("if x", "sx"), ("if x\n", "sx"), ("while 1\n  pass", "sx"),
    ("print 'x'", "sx"), ("import a.b as", "sx"), ("from x import", "sx"),
    ("from x import a,", "sx"), ("lambda x=: 1", "sx"), ("class A(:", "sx"),
    ("x = (1 2", "sx"), ("x = (1 2\n", "sx"), ("x = [1 2]", "sx"),
    ("'abc", "sx"), ("x = 'abc\n", "sx"), ("return 1", "sx"),
    ("yield 1", "sx"), ("break", "sx"), ("continue", "sx"), ("nonlocal x", "sx"),
    ("class A:\n  return 1", "sx"), ("for x in y:\n  def f():\n    break", "sx"),
    ("while 1:\n  pass\nelse:\n  break", "sx"), ("def f(a, a): pass", "sx"),
    ("def f(a=1, b): pass", "sx"), ("def f(*, **k): pass", "sx"),
    ("x = $", "sx"), ("x = 1 ? 2", "sx"), ("a b", "sx"), ("if x = 1:", "sx"),
    ("try:\n  pass\nx = 1", "sx"), ("else:", "sx"), ("elif x:", "sx"),
    ("  x", "sxe"), ("if 1:\n x\n  y", "sx"), ("if 1:\n    x\n  y", "sx"),
    ("\tif x:\n        pass", "sx"), ("if x:\n\tpass\n        pass", "sx"),
    ("if x:\npass", "sx"), ("def f():\nreturn", "sx"), ("for x in y:\nx", "sx"),
    ("x = 1 2", "sx"), ("x = 08", "sx"), ("x = 1_", "sx"), ("x = 0x", "sx"),
    ("x = 1__0", "sx"), ("x = 0b12", "sx"), ("x = 0o8", "sx"), ("x = 1a", "sx"),
    ("x = \\ y", "sx"), ("x = 'a' 'b' c", "sx"), ("(a, b) += 1", "sx"),
    ("[a, b] += 1", "sx"), ("a.b += 1", "sx"), ("x = [i for i in]", "sx"),
    ("f(a for a in b for)", "sx"), ("def f(x):\n  nonlocal x\n", "sx"),
    ("def f():\n  global x\n  x = 1\n", "sx"), ("*a = b", "sx"),
    ("a, *b, *c = d", "sx"), ("del (a, b)", "sx"), ("del a + b", "sx"),
    ("f'{}'", "sx"), ("f'{x!z}'", "sx"), ("f'{x'", "sx"), ("f'}'", "sx"),
    ("f'{a b}'", "sx"), ("f'{x:{y}}'", "sx"), ("f'{x=}'", "sx"),
    ("'\\x1'", "sx"), ("b'\\u1234'", "sx"), ("b'é'", "sx"), ("'a' b'b'", "sx"),
    ("x = \x00", "sx"), ("a.1", "sx"), ("a..b", "sx"), ("1.__class__", "sx"),
    ("1 .real", "sx"), ("x = (yield)", "sx"), ("async = 1", "sx"),
    ("with a as 1: pass", "sx"), ("import *", "sx"), ("from x import *, a", "sx"),
    ("def f(**k, a): pass", "sx"), ("lambda: (yield)", "sx"),
    ("x = [1, 2,\n 3 4]", "sx"), ("[\n1 2\n", "sx"), ("(\n1 2", "sx"),
    ("if True:\n    x = (1,\n", "sx"), ("print(1))", "sx"), ("x = {a b}", "sx"),
    ("a = 1 if b else", "sx"), ("a = not", "sx"), ("a =", "sx"), ("a = *b", "sx"),
    ("x = 1 +\\\n", "sx"), ("x = [\n  1,\n  2\n]\n", "sx"), ("x = [\n  1,\n  2\n]", "sx"),
    ("def f():\n  '''doc\n  more\n  '''\n  return 1\n", "sx"),
    ("x = '''a\nb'''\ny", "sx"), ("class A:\n  def f(self):\n    pass\n  def g(self):\n    pass\n", "sx"),
    ("if x:\n  pass\nelse:\n  pass\n\n", "sx"),
    ("def f():\n    return 1\n  x = 2", "sx"),
    ("if a:\n  b\n else:\n  c", "sx"),
    ("for i in x:\n    if i:\n        continue\n    break\n", "sx"),
    ("try:\n  a\nexcept E, F:\n  b\n", "sx"), ("try:\n  a\nexcept:\n  b\nexcept E:\n  c\n", "sx"),
    ("with open(f) as g: pass", "sx"), ("assert", "sx"), ("import", "sx"), ("from", "sx"),
    ("def", "sx"), ("class", "sx"), ("lambda", "sxe"), ("not", "sxe"), ("x.", "sxe"),
    ("x[", "sxe"), ("x(", "sxe"), ("x[1:", "sxe"), ("f(**", "sxe"), ("-", "sxe"),
    ("yield", "e"), ("x = 1", "e"), ("1; 2", "e"), ("1\n2", "e"), ("1\n", "e"),
    ("(1,\n2)", "e"), ("[x for x in y]", "e"), ("'a' 'b'", "e"), ("if", "e"),
    # --- a bad first assignment target: an error at its '=', never incomplete;
    # the message depends on whether pegen's invalid_named_expression reads a
    # bitwise_or after the '=' into the bracket left open
    ("f() =", "sx"), ("f() = x = (", "sx"), ("(a, f()) = (", "sx"), ("f() = 1 +", "sx"),
    ("[f()] = (", "sx"), ("x = f() = (", "sx"), ("f() = (\n", "sx"), ("None = (", "sx"),
    ("a.b() = [1,", "sx"), ("x + 1 = (", "sxe"), ("1, x = (", "sxe"), ("lambda: x = (", "sxe"),
    ("x if y else z = (", "sxe"), ("-x = (", "sxe"), ("f() = x, (", "sx"), ("f() = not (", "sx"),
    ("f() = *(", "sx"), ("None = x, (", "sx"), ("1, x = y, (", "sx"), ("f() = '''abc", "sx"),
    ("None = '''abc", "sx"), ("f() = 1 + (", "sx"), ("f() = x < (", "sx"), ("(yield) = (", "sx"),
    ("f() = -", "sx"), ("f() = x.", "sx"), ("f() = (1)", "sx"), ("f() = 1 +\n", "sx"),
    ("f() = [\n1,", "sx"), ("if x:\n  f() = (", "sx"), ("(x = (", "sxe"), ("[x = (", "sxe"),
    ("x = 1 + (", "sxe"), ("f() += (", "sx"), ("f() += x, (", "sx"), ("f() += not (", "sx"),
    ("f() +=", "sx"), ("f() += 1\n", "sx"), ("1 += (", "sx"),
    # --- single mode: after a complete statement the rest is never tokenized
    ("x = 1\nf() = (", "sx"), ("x = 1\ny = (", "s"), ("x = 1\nNone = (", "s"), ("x = 1\n$", "s"),
    ("x = 1\n'abc", "s"), ("x = 1\n  y", "s"), ("x = 1\n'''", "s"),
    # --- single mode: the NEWLINE after the implied DEDENTs, then the compiler's errors
    ("def f():\n    nonlocal x", "sx"), ("def f():\n    nonlocal x\n", "sx"),
    ("def f(): nonlocal x", "sx"), ("def f():\n    x = 1\n    global x", "sx"),
    ("class C:\n  def f(self):\n    return 1\n  return 2", "sx"),
    ("if x:\n  if y:\n    break", "sx"), ("for x in y:\n  pass\nelse:\n  continue", "sx"),
    ("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass", "sx"),
    # --- "unexpected indent" is never replaced by a later tokenizer error
    ("\tif x:\n        pass", "sx"), ("if x: pass\n  $", "sx"), ("if x: pass\n  'abc", "sx"),
    ("x = 1\n    y = '''", "x"),
    # --- string errors placed at the token after the strings
    ("'a' b'b'", "sx"), ("'a' b'b'\n", "s"), ("'a' b'b'  ", "s"), ("'\\x1'  # c", "s"),
    ("f'{x!z}' ", "sx"), ("x = 'a' b'b'", "sx"),
    # --- NUL bytes: compile() refuses the string before parsing
    ("\x00", "sxe"), ("if x:\n  \x00", "sx"),
]

# Systematic combinations: each opener followed by each continuation.
OPENERS = ["if x:", "while x:", "for a in b:", "def f():", "class C:", "try:",
           "with m:", "if x: pass", "@dec", "x = (", "x = [1,", "s = '''",
           "y = 1 + \\"]
FOLLOWERS = ["", "  pass", "pass", "  x = 1", "  return 1", "  break",
             "else:", "  (", "x", "  1 2", "  '''", "    deeper", " \t mixed",
             "except:", "finally:", ")", "]", "  ]"]


def verdict(src, mode):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            code = codeop.compile_command(src, "<input>", mode)
        except SyntaxError as e:
            return [("verdict", "ERROR"), ("class", type(e).__name__),
                    ("msg", e.msg), ("line", str(e.lineno)), ("offset", str(e.offset))]
        except (ValueError, OverflowError) as e:
            return [("verdict", "ERROR"), ("class", type(e).__name__), ("msg", str(e)),
                    ("line", "0"), ("offset", "0")]
    return [("verdict", "COMPLETE" if code is not None else "INCOMPLETE")]


MODE_NAMES = {"s": "single", "x": "exec", "e": "eval"}


def main():
    inputs = list(HAND)
    for o in OPENERS:
        for f in FOLLOWERS:
            inputs.append((o + "\n" + f, "sx"))
            inputs.append((o + "\n" + f + "\n", "s"))
    seen = set()
    records = []
    for src, modes in inputs:
        for m in modes:
            mode = MODE_NAMES[m]
            # every line prefix, as the console sees the buffer grow
            lines = src.split("\n")
            for k in range(1, len(lines) + 1):
                prefix = "\n".join(lines[:k])
                if (prefix, mode) in seen:
                    continue
                seen.add((prefix, mode))
                records.append([("src", prefix), ("mode", mode)] + verdict(prefix, mode))
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "verdict", "verdicts.txt")
    casefile.write(out, __doc__.strip().splitlines()[0] +
                   "\nGenerated by tests/gen_verdicts.py from python3 %s; do not edit."
                   % sys.version.split()[0], records)
    print("%s: %d records" % (out, len(records)))


if __name__ == "__main__":
    main()
