# format() and the format-spec mini-language.
def f(v, spec):
    try:
        print(repr(v), repr(spec), repr(format(v, spec)))
    except Exception as e:
        print(repr(v), repr(spec), type(e).__name__, e)

for spec in ["", "10", "<10", ">10", "^10", "*^9", ".2", "10.3", "07", "=5", "+", "#", ",", "_", "d", "c", "s"]:
    f("abc", spec)
f("\xe9t\xe9", "^7")
f("\u20ac", "\u20ac>4")
for spec in ["", "d", "5", "<5", "^5", "=+6", "+", "-", " ", "b", "o", "x", "X", "#b", "#o", "#x", "#X", "08", "#010x",
             ",", "_", "_b", "_x", "010,", "0=10,", "x=10,", "n", "c", "e", ".2e", "f", ".1f", "g", "%", ".2%", "E", "G",
             ".2", "s", "z", "+c", "#c", ",c", ",x", "1.2.3", "abc", "<<<", ",_", ",,"]:
    f(1234, spec)
f(-1234, "010,")
f(-1234, "09,")
f(-255, "#x")
f(0, "#b")
f(2**70, "")
f(2**70, ",")
f(-2**70, "x")
f(2**64, "#o")
f(True, "")
f(True, "d")
f(False, ">6")
f(65, "c")
f(0x20ac, "c")
f(0x110000, "c")
f(1, ".2")
for spec in ["", "f", ".2f", "10.3f", "<10.3e", "=+12.3G", "e", "E", "g", "G", ".3", ".1", ".0", "#", "#.0f", "#g", "%",
             ".1%", ",.2f", "_", ",", "z.1f", "+.3", "n", "08.2f", "^12.4g", "x", "d", ".", "10000000000000000000"]:
    f(1234.5678, spec)
for v in [0.0, -0.0, 1.0, 10.0, 100.0, 0.1, 1e16, 1e22, 1e-5, 1e-4, 123456789.0, 1.5e300, 2.5, 0.5, -1.5,
          float("inf"), float("-inf"), float("nan")]:
    for spec in ["", ".3", "g", ".0f", "e", "010", "+", "z", ".2"]:
        f(v, spec)
f(-0.0001, "z.2f")
f(1e100, ".3")
f(12345.678, ".0f")
print(f"{3.14159:.2f}|{42:>6}|{'x':*^5}|{255:#x}|{1e6:,.1f}|{-7:+d}")
w, p = 10, 3
print(f"{3.14159:{w}.{p}f}|{'ab':>{w}}|")
print(format(3), format("s"), format(2.5), format([1, 2]))

class C:
    def __format__(self, spec):
        return "C(" + spec + ")"

class D:
    pass

class Bad:
    def __format__(self, spec):
        return 42

print(format(C(), "xyz"), f"{C():abc}", "{:q}".format(C()))
def g(v, spec):
    try:
        print(type(v).__name__, repr(spec), repr(format(v, spec)).startswith("'<__main__.D object"))
    except Exception as e:
        print(type(v).__name__, repr(spec), type(e).__name__, e)

g(D(), "")
g(D(), "x")
g(Bad(), "")
