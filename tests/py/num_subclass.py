# Subclasses of int and float, big literals, in-place operators.
class MyInt(int):
    pass


class Doubler(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)


class Named(int):
    def __repr__(self):
        return "Named(" + int.__repr__(self) + ")"


class MyFloat(float):
    def half(self):
        return self / 2


m = MyInt(2 ** 70)
print(m, type(m).__name__, m + 1, type(m + 1).__name__, m * m, m // 3, -m, m > 2 ** 69, m == 2 ** 70)
print(hash(m) == hash(2 ** 70), bool(MyInt(0)), bool(MyInt(-1)), int(m) is not m, type(int(m)).__name__)
m.tag = "hello"
print(m.tag, m.bit_length(), m.real, type(m.real).__name__, abs(MyInt(-4)), type(abs(MyInt(-4))).__name__)
d = Doubler(21)
print(d, type(d).__name__, d + 0, isinstance(d, int), isinstance(d, Doubler))
n = Named(5)
print(repr(n), str(n), n + n, [n])
print(int.__new__(MyInt, 7), type(int.__new__(MyInt, "12", 8)).__name__, int.__new__(MyInt, "12", 8))
f = MyFloat("2.5")
print(f, f.half(), type(f.half()).__name__, f * 2, f > 2, f.is_integer(), round(f), hash(f) == hash(2.5))
print(MyFloat(), MyFloat(7), float(f), type(float(f)).__name__, -f, abs(MyFloat(-1.5)))
print(0xFFFFFFFFFFFFFFFFFFFF, 0o7777777777777777777777777, 0b1 << 70, 1_000_000_000_000_000_000_000)
print(-9223372036854775808, type(-9223372036854775808).__name__, 9223372036854775807 + 1 - 1)
print(123456789012345678901234567890 % 97, 1e400 == float("inf"), 1_0.5e1_0)
x = 2 ** 62
x += 2 ** 62
print(x)
x *= x
print(x)
x -= x - 5
print(x, type(x).__name__)
x <<= 100
print(x)
x >>= 99
print(x)
x **= 30
print(x)
x //= 7
x %= 1000
print(x)
x |= 2 ** 80
x &= 2 ** 80 + 255
x ^= 1
print(x)
print(sum([2 ** 64, 2 ** 64, -2 ** 65, 5]), max([2 ** 70, 2 ** 70 + 1, 3.5]), min(-2 ** 80, -1e30))
print(sorted([2 ** 65, -3, 2.5, True, 0, -2 ** 65]))
print(1 < 2 ** 70 < 2 ** 71 < float("inf"), 3 == 3.0 == MyInt(3))
