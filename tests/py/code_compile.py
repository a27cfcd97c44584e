# code.compile_command / codeop: code object, None (incomplete) or an error.
import code
import codeop


def verdict(src, symbol="single"):
    try:
        r = code.compile_command(src, "<t>", symbol)
    except (SyntaxError, ValueError, OverflowError) as e:
        return type(e).__name__
    return "incomplete" if r is None else type(r).__name__


cases = ["x = 1", "if True:", "if True:\n    pass", "if True:\n    pass\n",
         "x = (", "x = [1,\n 2", "x = )", "'''doc", "'''doc'''", "x = 1 \\",
         "def f():\n    return 1\n", "def f():\n    return 1\n    ",
         "class C:", "@dec", "a = 5\nb = 6", "", "   ", "# note", "\n\n",
         "  x", "return 1", "1 +* 2", "for i in range(3): pass"]
for src in cases:
    print(repr(src), [verdict(src, s) for s in ("single", "exec", "eval")])

# Errors carry the filename given; eval code evaluates.
try:
    code.compile_command("x = )", "<mine>")
except SyntaxError as e:
    print(e.filename, e.lineno, e.msg)
print(eval(code.compile_command("6 * 7", symbol="eval")))
ns = {}
exec(code.compile_command("y = 2\nz = y + 1\n", symbol="exec"), ns)
print(ns["y"], ns["z"])
try:
    code.compile_command("x", symbol="bogus")
except ValueError as e:
    print("ValueError", e)
# A CommandCompiler behaves the same; codeop exports both.
cc = codeop.CommandCompiler()
print(cc("if 1:") is None, type(cc("1")).__name__, codeop.compile_command is code.compile_command)
print(sorted(code.__all__))
print(code.__name__, codeop.__name__)
