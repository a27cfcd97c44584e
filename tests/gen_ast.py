#!/usr/bin/env python3
"""Generates tests/parser/ast_cases.txt: snippets and python3's ast.dump of
each, which tests/parser/check_parser.c replays through mpy_parse and
mpy_ast_dump.

Every snippet is valid Python 3.11 that compile() accepts (so it is inside a
function where it needs to be).  Keys per record: src, dump, and for every
ATTRS_EVERY-th snippet (and all of POSITIONS) dump_attrs, the dump with
include_attributes=True.

Run with python3.11: python3 tests/gen_ast.py
"""
import ast
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import casefile  # noqa: E402

ATTRS_EVERY = 3

# --- expressions ----------------------------------------------------------
EXPRS = r"""
x
x.y.z
f()
f(a)
f(a, b)
f(a,)
f(*a)
f(**k)
f(a, *b, c, **d)
f(a=1)
f(a=1, b=2,)
f(a, b=1, *c, d=2, **e)
f(*a, *b, **c, **d)
f(**k, a=1)
f(*a, b=1, *c)
f(x for x in y)
f((x for x in y), z)
f(x for x in y if x for z in x)
f(a)(b)(c)
f()[0]()
a[0]
a[0][1]
a[1:2]
a[:]
a[::]
a[1:]
a[:2]
a[::3]
a[1:2:3]
a[1:2, 3]
a[1:2, ::3]
a[x, y]
a[x,]
a[()]
a[*b]
a[*b, c]
a[b:=1]
a[lambda: 1]
a[x if y else z]
a.b[c].d(e)
1
0
123456789
0x1F
0o17
0b1010
1_000_000
9223372036854775807
9223372036854775808
0xffffffffffffffffffffffff
0o777777777777777777777777777
0b11111111111111111111111111111111111111111111111111111111111111111111
123456789012345678901234567890
1.5
1.0
0.1
1e10
1e16
1e15
1e-5
1e-4
0.0001
1.5e300
1e400
3.14159265358979
.5
5.
1_0.5_0
'abc'
"abc"
'a\nb\tc\\d'
'it\'s'
"say \"hi\""
'both \' and "'
'\x00\x01\x7f'
'é ü 日本'
'\u00e9'
'\xa0'
'\u200b'
'a' 'b' "c"
r'\d+'
b'bytes'
b'\x00\xff'
b"it's"
rb'\x'
u'unicode'
f'x'
f'{x}'
f'a{x}b{y}c'
f'{x!r}'
f'{x:>10}'
f'{x!s:{w}}'
True
False
None
...
-x
+x
~x
not x
not not x
-2**2
2**-1
a**b**c
a + b
a - b
a * b
a / b
a // b
a % b
a @ b
a << b
a >> b
a & b
a | b
a ^ b
a + b * c
(a + b) * c
a - b - c
a - (b - c)
a | b ^ c & d << e + f * g ** h
a and b
a or b
a and b and c
a or b or c
a and b or c and d
(a or b) or c
a or (b or c)
not a and b
a < b
a < b < c
a == b != c
a <= b >= c
a > b
a in b
a not in b
a is b
a is not b
a is not b not in c
a < b == c > d
a if b else c
a if b else c if d else e
(a if b else c) if d else e
lambda: 0
lambda x: x
lambda x, y: x + y
lambda x=1: x
lambda *a: a
lambda **k: k
lambda *, a: a
lambda *, a=1, b: a
lambda a, /, b: a
lambda a=1, /, b=2: a
lambda a, *b, c, **d: a
lambda x: lambda y: x + y
(x := 1)
[y := 1, y]
f(x := 1)
(a, b)
(a,)
()
(a)
((a))
((a, b))
(a, *b)
(yield)
[]
[a]
[a, b]
[a, b,]
[*a, *b]
[[a], [b]]
{}
{a: b}
{a: b, c: d,}
{**a}
{**a, b: c, **d}
{a}
{a, b}
{*a, b}
{a, b,}
[x for x in y]
[x for x in y if x]
[x for x in y if x if y]
[x for x in y for y in z]
[x for x, y in z]
[x for (x, y) in z]
[x for *x, y in z]
[x for x in y if (z := x)]
[(x, y) for x in a for y in b if x < y]
{x for x in y}
{x: y for x, y in z}
{x: y for x in z if x}
(x for x in y)
(x for x in y if x)
[[x for x in y] for y in z]
[lambda: x for x in y]
a.b.c.d
a().b
"""

# --- statements -------------------------------------------------------------
STMTS = r"""
pass
x = 1
x = y = z = 1
x, y = 1, 2
x, = y
(x, y) = z
[x, y] = z
x, *y = z
*x, y = z
[*x] = y
(x) = 1
((x)) = 1
a.b = 1
a[0] = 1
a.b.c[d].e = f
x = 1,
x = *a, *b
x = yield
x = yield 1
x = yield from y
() = x
[] = x
x += 1
x -= 1
x *= 1
x /= 1
x //= 1
x %= 1
x @= 1
x &= 1
x |= 1
x ^= 1
x <<= 1
x >>= 1
x **= 1
a.b += 1
a[0] += 1
(x) += 1
x: int
x: int = 1
(x): int = 1
a.b: int
a[0]: int = 1
x: 'str'
x: int = yield
x: tuple = 1, 2
del x
del x, y
del x,
del (x)
del (x, y)
del [x, y]
del a.b
del a[0]
del a[0], b.c
assert x
assert x, 'msg'
raise
raise E
raise E(1)
raise E from c
return
return x
return x, y
return *a, b
global x
global x, y, z
nonlocal x
nonlocal x, y
import a
import a.b
import a.b.c as d
import a, b as c
import a . b
from a import b
from a import b as c, d
from a import (b, c)
from a import (b, c,)
from a import *
from . import a
from .. import a
from ... import a
from .... import a
from .a import b
from ..a.b import c
from ...a import b
x; y
x; y;
x = 1; y = 2
if x: pass
if x: a; b
if x:
    pass
if x:
    a
    b
if x:
    pass
else:
    pass
if x:
    pass
elif y:
    pass
if x:
    pass
elif y:
    pass
elif z:
    pass
else:
    pass
if (x := 1):
    pass
while x:
    pass
while x:
    break
while x:
    continue
while x:
    pass
else:
    pass
while 1: x += 1
for x in y:
    pass
for x, y in z:
    pass
for (x, y) in z:
    pass
for [x, y] in z:
    pass
for x, in y:
    pass
for *x, y in z:
    pass
for x.y in z:
    pass
for x[0] in z:
    pass
for x in y, z:
    pass
for x in *y, z:
    pass
for x in y:
    break
else:
    pass
for x in y:
    for z in x:
        continue
try:
    pass
except:
    pass
try:
    pass
except E:
    pass
try:
    pass
except E as e:
    pass
try:
    pass
except (A, B) as e:
    pass
except C:
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except E:
    pass
finally:
    pass
try:
    pass
except E:
    pass
else:
    pass
with a:
    pass
with a as b:
    pass
with a as b, c as d:
    pass
with a, b:
    pass
with (a):
    pass
with (a, b):
    pass
with (a, b,):
    pass
with (a as b):
    pass
with (a as b, c as d):
    pass
with (a as b, c as d,):
    pass
with (a, b as c):
    pass
with (a, b) as c:
    pass
with (a, b), c:
    pass
with ((a, b)):
    pass
with ():
    pass
with a as (b, c):
    pass
with a as [b, c]:
    pass
with a as b.c:
    pass
with a as b[0]:
    pass
with (yield):
    pass
with (x for x in y):
    pass
with a() as b, c() as d: pass
def f(): pass
def f():
    pass
def f(a): pass
def f(a, b): pass
def f(a, b,): pass
def f(a=1): pass
def f(a, b=1): pass
def f(*a): pass
def f(**a): pass
def f(*a, **b): pass
def f(*, a): pass
def f(*, a=1): pass
def f(*, a=1, b): pass
def f(a, *, b): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a, /, *, b): pass
def f(a=1, /, b=2): pass
def f(a, b=1, /, c=2, *d, e, f=3, **g): pass
def f(a: int): pass
def f(a: int = 1): pass
def f(*a: int): pass
def f(*a: *Ts): pass
def f(**a: int): pass
def f() -> int: pass
def f(a: 'x', *, b: 'y' = 2) -> 'z': pass
def f():
    return
def f():
    return 1
def f():
    yield
def f():
    yield 1
def f():
    yield from x
def f():
    x = yield
def f():
    await_ = yield x
def f():
    [x for x in (yield)]
def f():
    lambda: (yield)
def f():
    def g():
        nonlocal x
def f():
    class C:
        pass
@d
def f(): pass
@d
@e.f
@g(h)
def f(): pass
@a[0]
def f(): pass
@(lambda f: f)
def f(): pass
@x := y
def f(): pass
class C: pass
class C():
    pass
class C(B):
    pass
class C(B, D):
    pass
class C(metaclass=M):
    pass
class C(B, *bs, k=1, **kw):
    pass
class C(B,):
    pass
@d
class C:
    pass
class C:
    def f(self):
        return self
    x = 1
class C:
    class D:
        pass
lambda: (yield)
x = lambda: (yield)
"""

# Snippets that need a statement body or other context compile() demands.
MULTI = [
    "def f():\n    for x in y:\n        if x:\n            break\n        else:\n            continue\n    return x\n",
    "def f(x):\n    while True:\n        try:\n            x += 1\n        except E:\n            break\n    else:\n        return 0\n",
    "class C(B):\n    '''doc'''\n    a: int = 1\n\n    def m(self, *args, **kw):\n        super().m(*args, **kw)\n",
    "if a:\n    if b:\n        pass\n    else:\n        pass\nelif c:\n    pass\n",
    "x = [\n    1,\n    2,\n]\n",
    "x = (1 +\n     2)\n",
    "x = 1 + \\\n    2\n",
    "def f(\n    a,\n    b=1,\n):\n    pass\n",
    "s = '''a\nb'''\n",
    "s = '''triple'''\n",
    's = """triple\nline"""\n',
    "s = ('a'\n     'b')\n",
    "# comment\nx = 1  # trailing\n\n\ny = 2\n",
    "if x:\n    # comment\n    pass\n",
    "if x:\n\n    pass\n\n",
    "\n\n\nx = 1\n",
    "x = 1\n\n\n",
    "def f():\n\tif x:\n\t\treturn 1\n\treturn 2\n",
    "for i in range(10): print(i)\n",
    "with open(f) as g, h as (i, j): pass\n",
    "try: pass\nexcept: pass\n",
    "while x: x -= 1\nelse: y = 1\n",
    "é = 1\n",
    "日本 = '語'\n",
    "x = 'é'; y = 1\n",
    "def f(): return lambda: (yield)\n",
    "def f():\n    x = yield\n    y = yield from z\n",
    "async_ = 1; await_ = 2; match = 3; case = 4; _ = 5\n",
    "match(x)\ncase.y = 1\n",
    "print(*a, sep='')\n",
    "x = a if b else c\n",
    "x = [i for i in range(3)]; y = {i: i for i in x}\n",
    "if x:\n    pass\nelif y:\n    pass\nelif z:\n    pass\nelif w:\n    pass\n",
    "a = b = c = d = e = 1\n",
    "x = -1\ny = +1.5\nz = ~0\n",
    "f(a)[b].c(d=e)\n",
    "x = {**a, 'b': 1, **c}\n",
    "def f(*, a, b=1, **c): pass\n",
    "def f(a, b, /, c, d, *, e, f): pass\n",
    "x = f'{a}' f'{b}' 'c'\n",
    "x = 'a' f'{b}'\n",
    "global x\nx = 1\n",
    "del a[1:2], b.c\n",
    "assert isinstance(x, int), f'bad {x!r}'\n",
    "raise ValueError('x') from None\n",
    "import os, sys as system\nfrom os.path import join as j, exists\n",
    "x = a[1:2:3, ..., None]\n",
    "x = not a == b\n",
    "x = a < b and b < c or d\n",
    "l = lambda *args, **kwargs: (args, kwargs)\n",
    "x = (yield_ := 1)\n",
    "x = [*range(3), *'ab']\n",
    "x = 0xFFFFFFFFFFFFFFFF + 0b1 - 0o7\n",
    "x = 1e-10 * 2.5e+10 / 1E5\n",
    "x = 10000000000000000000000000000000000000000\n",
    "if True:\n    pass\n",
    "while not done:\n    done = step()\n",
]

# Snippets whose positions are checked too (dump_attrs).
POSITIONS = [
    "f(a for a in b)",
    "x = (1 +\n     2)\n",
    "a[:]",
    "a[1:2, ::3]",
    "if a:\n  pass\nelif b:\n  pass\nelse:\n  pass",
    "@d\nclass C(B, k=1): pass",
    "@d\ndef f(a, /, b: int = 1, *c, d, **e) -> int:\n    return a\n",
    "from . import (a as b, c)",
    "import a.b as c, d",
    "x: int = 1",
    "(x): int",
    "with (a, b): pass",
    "with (a as b, c): pass",
    "try:\n  pass\nexcept E as e:\n  pass\nelse:\n  pass\nfinally:\n  pass",
    "x = 1,",
    "x = 1, 2",
    "(a) = 1",
    "((a, b)) = c",
    "del a, (b, c)",
    "global a, b",
    "lambda x, *y, z=1, **w: x",
    "[x for x in y if x]",
    "{a: b for a, b in c}",
    "f(*a, b=1, **c)",
    "x = 'é'; y = 'ü'",
    "a if b else c",
    "not a",
    "-a ** -b",
    "a < b < c",
    "a and b or c",
    "x = yield_",
    "for x in y:\n    pass\nelse:\n    pass\n",
    "while x:\n    pass\n",
    "class C:\n    def f(self): pass\n",
    "x = [\n  1,\n  2\n]\n",
    "x = {1: 2, **y}",
    "a.b.c = d",
    "f()()",
    "a[b][c] += 1",
    "def f():\n    yield\n    yield from x\n",
    "x = ...",
    "x = 'a' 'b'",
    "assert x, y",
    "raise E from c",
    "if x: pass\n",
    "if x:\n    a\n    b\n",
    "x = (a, b)",
    "x = ()",
    "x = (a)",
    "x = [a, *b]",
    "x = {a, b}",
    "(x := 1)",
    "f(x := 1)",
    "a[b:=1]",
    "a[*b]",
    "def f():\n    x = 1; del x;\n",
    "if x: a;\n",
    "while x:\n    a; b;\nelse:\n    c;\n",
    "for x in y: pass;\n",
    "with (a as b, c as d,): pass",
    "x = a[1:2:3, ...]",
    "a[::]",
    "a[1::]",
    "a[:2:]",
    "class C(B, *bs, k=1, **kw): pass",
    "@a.b(c)\n@d\nclass E: pass",
    "x: 'A' = yield_",
    "f(x for x in y if x for z in x)",
    "{**a, 'b': (c := 1)}",
    "u'x' 'y'",
    "lambda: (yield)",
    "assert (yield_ := 1), 'm'",
]


def wrap_if_needed(src):
    """Puts src inside a function when compile() needs one (return, yield,
    nonlocal)."""
    try:
        compile(src, "<case>", "exec")
        return src
    except SyntaxError:
        pass
    body = "".join("    " + line + "\n" for line in src.splitlines())
    if "nonlocal" in src:
        wrapped = "def outer():\n    x = y = 0\n    def f():\n" + "".join("    " + l for l in body.splitlines(True))
    else:
        wrapped = "def f():\n" + body
    compile(wrapped, "<case>", "exec")
    return wrapped


def split_blocks(text):
    """Splits the STMTS list into snippets: a line at column 0 starts a new
    one unless it continues a compound statement (else/elif/except/finally)
    or a decorator chain."""
    snippets = []
    cur = []
    for line in text.strip("\n").split("\n"):
        starts = line and not line[0].isspace()
        cont = line.startswith(("else", "elif", "except", "finally"))
        if starts and not cont and cur and not cur[-1].startswith("@"):
            snippets.append("\n".join(cur) + "\n")
            cur = []
        cur.append(line)
    if cur:
        snippets.append("\n".join(cur) + "\n")
    return snippets


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "parser", "ast_cases.txt")
    srcs = []
    for line in EXPRS.strip("\n").split("\n"):
        if line.strip():
            srcs.append(line)
    srcs += split_blocks(STMTS)
    srcs += MULTI
    records = []
    seen = set()
    for i, src in enumerate(srcs):
        src = wrap_if_needed(src)
        if src in seen:
            continue
        seen.add(src)
        tree = ast.parse(src)
        rec = [("src", src), ("dump", ast.dump(tree))]
        if i % ATTRS_EVERY == 0:
            rec.append(("dump_attrs", ast.dump(tree, include_attributes=True)))
        records.append(rec)
    for src in POSITIONS:
        src = wrap_if_needed(src)
        tree = ast.parse(src)
        records.append([("src", src), ("dump", ast.dump(tree)),
                        ("dump_attrs", ast.dump(tree, include_attributes=True))])
    casefile.write(out, __doc__ + "\nGenerated by tests/gen_ast.py with Python %s; do not edit."
                   % sys.version.split()[0], records)
    print("%s: %d cases" % (out, len(records)))


if __name__ == "__main__":
    main()
