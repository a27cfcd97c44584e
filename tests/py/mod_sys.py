# The sys module: the attributes and functions a program commonly uses.
import sys

print(sys.argv, type(sys.path).__name__, sys.platform, sys.byteorder, sys.maxsize, sys.maxsize == 2**63 - 1)
print(sys.ps1 if hasattr(sys, "ps1") else ">>> ", sys.version_info[0], sys.version_info.major, sys.version_info.minor)
print(sys.version_info >= (3, 11), sys.version_info[:2], type(sys.version).__name__, sys.version.startswith("3.11"))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.float_info.min)
print(sys.modules["sys"] is sys, "builtins" in sys.modules, sys.modules["__main__"].__name__)
print(sys.getrecursionlimit())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(sys.intern("abc") == "abc", sys.exc_info())
try:
    raise ValueError("inside")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v)
print(sys.exc_info(), sys.exception())
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.encoding)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(4300)
for expr in ["sys.setrecursionlimit(0)", "sys.setrecursionlimit(1.5)", "sys.setrecursionlimit()",
             "sys.exit(1, 2)", "sys.intern(1)", "sys.set_int_max_str_digits(5)", "sys.getrecursionlimit(1)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__ + ":", e)
for code in [None, 0, 3, "message"]:
    try:
        sys.exit(code) if code is not None else sys.exit()
    except SystemExit as e:
        print("SystemExit", repr(e.code), e.args)
try:
    exit(4)
except SystemExit as e:
    print("exit()", e.code)
seen = []
def hook(value):
    seen.append(value)
old = sys.displayhook
sys.displayhook = hook
sys.displayhook(5)
sys.displayhook = old
print(seen, sys.displayhook is sys.__displayhook__, callable(sys.excepthook))
sys.stderr.write("to stderr\n")
sys.exit(2)
