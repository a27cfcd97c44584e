# Generates tests/vm/compile_cases.txt, replayed by tests/vm/check_compile.c.
#
# Three kinds of record:
#   src + mode + dis: the disassembly (vm/disasm.h format) minipy's compiler
#     gives.  These are golden outputs of minipy itself, reviewed by hand
#     against the stack pictures in vm/opcodes.h when written: they catch
#     unintended changes in the code the compiler emits.  After an
#     intentional change, regenerate and review the diff.
#   src + out: a program and what python3 prints for it (the oracle).
#   src + error + lineno: a source the compiler rejects, with python3's
#     message and line.
#
# Run: python3 tests/vm/gen_compile_cases.py build/minipy
import os, subprocess, sys, tempfile

minipy = sys.argv[1] if len(sys.argv) > 1 else "build/minipy"

DIS = [
    ("assign", "x = 1\ny = x + 2\nx, y = y, x\na, *b = y\n"),
    ("augassign", "o.a += 1\nd[k] -= 2\nn *= 3\n"),
    ("call", "f(1, k=2)\no.m(a)\ng(*a, **k)\n"),
    ("compare", "a < b < c\nx is None\n"),
    ("boolop", "if a and not b:\n    pass\nx = a or b\n"),
    ("while", "i = 0\nwhile i < 10:\n    i += 1\n    if i == 5:\n        continue\nelse:\n    pass\n"),
    ("for", "for x in y:\n    if x:\n        break\nelse:\n    z = 1\n"),
    ("function", "def f(a, b=2, *c, d, e=5, **g):\n    'doc'\n    return a\n"),
    ("closure", "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x += 1\n        return x\n    return g\n"),
    ("try", "try:\n    f()\nexcept ValueError as e:\n    g(e)\nexcept:\n    h()\nelse:\n    i()\nfinally:\n    j()\n"),
    ("with", "with open(p) as f, lock:\n    f.read()\n"),
    ("return_finally", "def f():\n    for x in y:\n        try:\n            return g(x)\n        finally:\n            h()\n"),
    ("comprehension", "r = [x * 2 for x in y if x]\ns = {k: v for k, v in d}\n"),
    ("genexpr", "g = (x for x in y for z in x)\n"),
    ("class", "class C(B, metaclass=M):\n    'doc'\n    x: int = 1\n    def m(self):\n        return super().m()\n"),
    ("fstring", "s = f'{a!r:>{w}} and {b}'\n"),
    ("import", "import a.b.c\nimport a.b as d\nfrom . import x\nfrom m import y as z\n"),
    ("generator", "def g():\n    x = yield 1\n    yield from x\n"),
    ("lambda", "f = lambda x, y=1: x + y\n"),
    ("del", "del a, b.c, d[0]\n"),
    ("assert", "assert x, 'msg'\n"),
    ("global", "def f():\n    global g\n    g = h\n"),
]

RUN = [
    ("scopes", "x = 'g'\ndef f():\n    y = 'f'\n    class C:\n        x = 'c'\n        def m(self):\n            return x, y\n    return C().m(), C.x\nprint(f())\n"),
    ("walrus_comp", "def f(d):\n    total = 0\n    r = [total := total + v for v in d]\n    return total, r\nprint(f([1, 2, 3]))\n"),
    ("unpack", "a, (b, *c), d = 1, (2, 3, 4), 5\nprint(a, b, c, d)\nfirst, *rest = 'xyz'\nprint(first, rest)\n"),
    ("chain", "calls = []\ndef v(x):\n    calls.append(x)\n    return x\nprint(v(1) < v(2) < v(0) < v(5), calls)\n"),
    ("loops", "out = []\nfor i in range(5):\n    if i == 1:\n        continue\n    if i == 3:\n        break\n    out.append(i)\nelse:\n    out.append('else')\nj = 0\nwhile j < 3:\n    j += 1\nelse:\n    out.append(j)\nprint(out)\n"),
    ("finally_flow", "def f():\n    r = []\n    for i in range(3):\n        try:\n            if i == 0:\n                continue\n            if i == 2:\n                return r\n            r.append(i)\n        finally:\n            r.append('f%d' % i)\nprint(f())\n"),
    ("except_name", "try:\n    raise KeyError('k')\nexcept (TypeError, KeyError) as e:\n    print(repr(e))\ntry:\n    e\nexcept NameError as n:\n    print('unbound')\n"),
    ("nested_except", "try:\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        raise ValueError('v')\nexcept ValueError as e:\n    print(type(e.__context__).__name__)\n"),
    ("closures", "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\nc = counter()\nc()\nprint(c(), [f() for f in [lambda i=i: i * i for i in range(4)]])\n"),
    ("calls", "def f(a, b=2, *args, c, d=4, **kw):\n    return a, b, args, c, d, kw\nprint(f(1, c=3))\nprint(f(*[1, 2, 3], **{'c': 5, 'e': 6}))\nprint(f(1, 2, *(3,), c=0, **{'z': 1}))\n"),
    ("docstrings", "'''mod doc'''\ndef f():\n    'f doc'\nclass C:\n    'C doc'\nprint(__doc__, f.__doc__, C.__doc__, (lambda: 1).__doc__)\n"),
    ("augassign", "d = {'a': [1]}\nd['a'][0] += 5\nd['b'] = 2\nd['b'] **= 3\nprint(d)\n"),
    ("fstrings", "x, w = 3.14159, 8\nprint(f'{x:.2f}|{x!r}|{\"s\":>{w}}|{{}}')\n"),
    ("displays", "a = [1, 2]\nprint([*a, 3], (*a,), {*a}, {**{'k': 1}, 'j': 2})\n"),
]

ERRORS = [
    ("star_unpack_limit", ", ".join("a%d" % i for i in range(300)) + ", *b = c\n"),
    ("import_star_in_def", "def f():\n    from m import *\n"),
    ("return_outside", "return 1\n"),
    ("nonlocal_missing", "def f():\n    def g():\n        nonlocal x\n"),
    ("yield_outside", "x = yield 1\n"),
]


def esc(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        else:
            out.append(ch)
    return "".join(out)


def dis_of(src, mode):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(src)
        path = f.name
    try:
        r = subprocess.run([minipy, "--dis", path], capture_output=True, text=True)
        return r.stdout.replace(path, "<test>")
    finally:
        os.unlink(path)


records = []
for name, src in DIS:
    records.append([("name", name), ("mode", "exec"), ("src", src), ("dis", dis_of(src, "exec"))])
for name, src in RUN:
    out = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True).stdout
    records.append([("name", name), ("src", src), ("out", out)])
for name, src in ERRORS:
    try:
        compile(src, "<test>", "exec")
        raise SystemExit("no error for " + name)
    except SyntaxError as e:
        records.append([("name", name), ("src", src), ("error", e.msg), ("lineno", str(e.lineno))])

with open(os.path.join(os.path.dirname(__file__), "compile_cases.txt"), "w") as f:
    f.write("# Generated by tests/vm/gen_compile_cases.py; see it for the record kinds.\n\n")
    for i, rec in enumerate(records):
        if i:
            f.write("%%\n")
        for k, v in rec:
            f.write("%s: %s\n" % (k, esc(v)))
