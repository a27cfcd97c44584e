# int() and float() constructors: strings, bases, numbers, dunders, errors.
def show(*label_and_f):
    f = label_and_f[-1]
    try:
        print(*label_and_f[:-1], repr(f()))
    except Exception as e:
        print(*label_and_f[:-1], type(e).__name__, e)

for s in ["0", "-0", "+17", " 42 ", "\t-7\n", "1_000_000", "0_0", "00", "123456789012345678901234567890",
          "-99999999999999999999", "1__0", "_1", "1_", "", " ", "abc", "12a", "1.5", "0x10", "--1", "+-1"]:
    show("int", s, lambda: int(s))
for s, b in [("ff", 16), ("0xff", 16), ("0XFF", 0), ("0o17", 0), ("0b101", 0), ("0b101", 2), ("0b1", 16),
             ("z", 36), ("Z", 36), ("10", 2), ("12", 2), ("010", 0), ("0", 0), ("0_0", 0), ("0x_1f", 0),
             ("0x", 16), ("1" * 30, 7), ("-0o777", 8), ("7", 1), ("7", 37), ("7", -1), ("11", 0)]:
    show("int", s, b, lambda: int(s, b))
show("int base kw", lambda: int("ff", base=16))
show("int nonstr base", lambda: int(5, 10))
show("int none", lambda: int(None))
show("int list", lambda: int([1]))
show("int float", lambda: (int(3.9), int(-3.9), int(-0.5), int(1e20), int(2.0 ** 70)))
show("int inf", lambda: int(float("inf")))
show("int -inf", lambda: int(float("-inf")))
show("int nan", lambda: int(float("nan")))
show("int bool", lambda: (int(True), int(False)))
show("int empty", lambda: int())
show("int limit", lambda: int("1" * 4301))
show("int limit ok", lambda: int("1" * 4300) % 1000)
show("int limit under", lambda: int("1_" * 4300 + "1"))
show("int bytes", lambda: int(b"42"))
show("int bad bytes", lambda: int(b"4x"))

class WithInt:
    def __int__(self):
        return 7
class WithIndex:
    def __index__(self):
        return 8
class WithTrunc:
    def __trunc__(self):
        return 9
class BadInt:
    def __int__(self):
        return "x"
class WithFloat:
    def __float__(self):
        return 2.5
class BadFloat:
    def __float__(self):
        return 1
show("int __int__", lambda: int(WithInt()))
show("int __index__", lambda: int(WithIndex()))
show("int bad __int__", lambda: int(BadInt()))
show("float __float__", lambda: float(WithFloat()))
show("float __index__", lambda: float(WithIndex()))
show("float bad __float__", lambda: float(BadFloat()))
show("float no", lambda: float(WithInt()))

for s in ["1.5", " -2.25 ", "1e10", "1E-3", ".5", "5.", "1_000.000_1", "inf", "-Infinity", "+inf", "nan", "-NaN",
          "iNfInItY", "1e500", "-1e500", "1e-500", "", "abc", "1.5.5", "1e", "e5", "1__0", "_1", "1_", "0x10",
          "1.5j", "  ", "infinit", "- 1"]:
    show("float", s, lambda: float(s))
show("float int", lambda: (float(3), float(-2 ** 70), float(True), float()))
show("float big", lambda: float(10 ** 400))
show("float none", lambda: float(None))

class MyInt(int):
    pass
class MyFloat(float):
    pass
m = MyInt(5)
print(m, m + 1, type(m + 1).__name__, type(m).__name__, m == 5, isinstance(m, int), int(m), type(int(m)).__name__)
n = MyInt("ff", 16)
print(n, n * 2, -n, hash(n) == hash(255), n > 254, abs(MyInt(-3)))
f = MyFloat(2.5)
print(f, f * 2, type(f * 2).__name__, type(f).__name__, f == 2.5, float(f), type(float(f)).__name__)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(-0.0), bool(2 ** 70), bool(), bool(""), bool("a"), bool([]))
print(True, False, repr(True), str(False), True == 1, False == 0, True is True, hash(True), hash(False))
print(int(True) + 1, True * 10, False - 1, True / 2, True // 1, True % 1, True ** 2, -True, +True, ~False)
print(type(True + True).__name__, type(True & True).__name__, type(True & 1).__name__, type(True | False).__name__)
