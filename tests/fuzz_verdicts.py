#!/usr/bin/env python3
"""Differential check of verdicts against CPython's codeop (a developer tool,
not part of `make test`): random inputs built from fragments are given to
`minipy --verdict MODE` and to codeop.compile_command, and disagreements on
the verdict or the exception class are printed.

usage: python3 tests/fuzz_verdicts.py [MINIPY] [-n COUNT] [--seed S]
"""
import argparse
import codeop
import random
import subprocess
import warnings

FRAGMENTS = [
    "if x:", "else:", "elif y:", "while 1:", "for i in r:", "def f(a):", "class C:",
    "try:", "except E:", "finally:", "with m as n:", "@d", "return 1", "break",
    "pass", "x = 1", "x = (", ")", "[", "]", "{", "}", "1 +", "'''", '"""',
    "x \\", "f(a, b)", "lambda: 0", "a b", "1 = 2", "import os", "from . import a",
    "yield x", "print('hi')", "# comment", "", "  ", "x[1:2]", "f'{x}'", "'abc",
    "del x", "global g", "nonlocal n", "raise", "assert x", "a, *b = c",
]
INDENTS = ["", "", "  ", "    ", "\t", "        "]


def codeop_verdict(src, mode):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            r = codeop.compile_command(src, "<input>", mode)
        except SyntaxError as e:
            return "ERROR " + type(e).__name__
        except (ValueError, OverflowError) as e:
            return "ERROR " + type(e).__name__
    return "COMPLETE" if r is not None else "INCOMPLETE"


def minipy_verdict(prog, src, mode):
    out = subprocess.run([prog, "--verdict", mode], input=src.encode(), capture_output=True)
    words = out.stdout.decode(errors="replace").split()
    if not words:
        return "CRASH rc=%d %s" % (out.returncode, out.stderr.decode(errors="replace")[-200:])
    if words[0] == "ERROR":
        return "ERROR " + words[1].rstrip(":")
    return words[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("minipy", nargs="?", default="build/minipy")
    ap.add_argument("-n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    bad = 0
    for _ in range(a.n):
        lines = [rnd.choice(INDENTS) + rnd.choice(FRAGMENTS) for _ in range(rnd.randint(1, 4))]
        src = "\n".join(lines) + rnd.choice(["", "", "\n"])
        mode = rnd.choice(["single", "single", "exec", "eval"])
        want, got = codeop_verdict(src, mode), minipy_verdict(a.minipy, src, mode)
        if want != got:
            bad += 1
            print("%-6s %-40r minipy %-28s codeop %s" % (mode, src, got, want))
    print("%d of %d disagree" % (bad, a.n))


if __name__ == "__main__":
    main()
