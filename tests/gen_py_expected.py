#!/usr/bin/env python3
"""Regenerates the expected outputs of the behaviour tests with CPython 3.11.

tests/py/NAME.py      -> tests/py/NAME.exp    (python3 NAME.py, run in tests/py)
tests/repl/NAME.in    -> tests/repl/NAME.out  (python3 -q -i < NAME.in 2>&1)
tests/py/NAME.py with a NAME.stdin
                      -> tests/py/NAME.out    (python3 NAME.py < NAME.stdin 2>&1)

An .exp file holds the exit status, the last non-blank stderr line when the
status is not 0, then stdout.  Files whose name starts with '_' are helper
modules for import tests, not tests.  `make test` compares minipy with these
files (tests/run_py.sh), so it needs no python3.

Usage: python3 tests/gen_py_expected.py [NAME ...]
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENV = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1",
           PYTHONUNBUFFERED="1")
for k in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONINSPECT"):
    ENV.pop(k, None)
CARET = re.compile(r"^[ \t]*[\^~][ \t\^~]*$")


def last_stderr_line(err):
    lines = [l.rstrip() for l in err.split("\n") if l.strip() and not CARET.match(l)]
    return lines[-1] if lines else ""


def gen_script(path):
    d, name = os.path.split(path)
    r = subprocess.run([sys.executable, name], cwd=d, env=ENV, capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, timeout=60)
    head = "exit: %d\n" % r.returncode
    if r.returncode != 0:
        head += "stderr-last-line: %s\n" % last_stderr_line(r.stderr)
    with open(path[:-3] + ".exp", "w") as f:
        f.write(head + "--- stdout ---\n" + r.stdout)


def gen_console(path):
    d, name = os.path.split(path)
    with open(path) as inp:
        r = subprocess.run([sys.executable, "-q", "-i"], cwd=d, env=ENV, stdin=inp, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, timeout=60)
    with open(path[:-3] + ".out", "w") as f:
        f.write(r.stdout)


# --- piped-stdin script tests (added for the code module's tests) ---------
# A script with a NAME.stdin beside it reads that file as its input, and its
# stdout and stderr are recorded merged, as the conformance corpus's piped
# tests do (interleaving of prompts, echoes and tracebacks matters there).
def gen_piped(path):
    d, name = os.path.split(path)
    with open(path[:-3] + ".stdin") as inp:
        r = subprocess.run([sys.executable, name], cwd=d, env=ENV, stdin=inp, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, timeout=60)
    with open(path[:-3] + ".out", "w") as f:
        f.write(r.stdout)


def gen_script_or_piped(path):
    if os.path.exists(path[:-3] + ".stdin"):
        gen_piped(path)
    else:
        gen_script(path)
# --- end of piped-stdin tests ---------------------------------------------


def main():
    want = set(sys.argv[1:])
    for sub, ext, fn in (("py", ".py", gen_script_or_piped), ("repl", ".in", gen_console)):
        folder = os.path.join(HERE, sub)
        for name in sorted(os.listdir(folder)):
            if not name.endswith(ext) or name.startswith("_"):
                continue
            if want and name[: -len(ext)] not in want:
                continue
            fn(os.path.join(folder, name))


if __name__ == "__main__":
    main()
