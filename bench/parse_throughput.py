#!/usr/bin/env python3
"""Front-end throughput: lex + parse a generated 100k-line module with minipy
and with python3, and print lines per second side by side.

usage: python3 bench/parse_throughput.py [MINIPY] [--lines N] [--repeat R]

minipy is timed as a whole process (`minipy --parse FILE`: lex, parse, build
the AST, print nothing), so its figure includes process start-up; python3 is
timed in-process, both for compile() (parse + bytecode, what the issue names)
and for ast.parse() (parse only).  Best of R runs each.
"""
import argparse
import ast
import os
import subprocess
import sys
import tempfile
import time

CHUNK = '''\
class Account{n}(Base):
    """An account with a balance and a history."""
    rate = {n} * 0.5

    def __init__(self, owner, balance=0, *extra, limit=None, **meta):
        self.owner = owner
        self.balance = balance
        self.history = [(i, i ** 2) for i in range(10) if i % 2 == 0]
        self.meta = {{k: v for k, v in meta.items()}}

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"bad amount {{amount!r}} for {{self.owner:>10}}")
        elif amount > 10_000 and not self.meta.get("vip"):
            return False
        else:
            self.balance += amount
        return True

    @property
    def summary(self):
        total = sum(x for _, x in self.history)
        try:
            ratio = self.balance / total
        except ZeroDivisionError as e:
            ratio = None
        finally:
            pass
        while total > 0:
            total -= 1
            if total == 3:
                break
        lines = ["%s: %d" % (self.owner, self.balance), 'x' * 3, b"raw\\n"]
        return "\\n".join(lines), lambda y, z=2: y + z if y else -z

'''


def generate(lines):
    out, n = [], 0
    per = CHUNK.count("\n")
    while n * per < lines:
        out.append(CHUNK.format(n=n))
        n += 1
    return "".join(out)


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("minipy", nargs="?", default="build/minipy")
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    src = generate(a.lines)
    nlines = src.count("\n")
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(src)
        path = f.name
    try:
        def run_minipy():
            subprocess.run([a.minipy, "--parse", path], check=True)
        t_minipy = best(run_minipy, a.repeat)
        t_compile = best(lambda: compile(src, path, "exec"), a.repeat)
        t_ast = best(lambda: ast.parse(src, path), a.repeat)
    finally:
        os.unlink(path)
    print("front-end throughput on %d generated lines (best of %d)" % (nlines, a.repeat))
    print("%-28s %10s %14s %8s" % ("", "seconds", "lines/second", "ratio"))
    for name, t in [("minipy --parse (process)", t_minipy),
                    ("python3 compile()", t_compile),
                    ("python3 ast.parse()", t_ast)]:
        print("%-28s %10.4f %14.0f %7.1fx" % (name, t, nlines / t, t / t_minipy))
    print("ratio = that tool's time / minipy's time (higher: minipy faster)")


if __name__ == "__main__":
    main()
