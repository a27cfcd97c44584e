# Big integers: arithmetic past int64, canonical results, bit operations.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

M = 9223372036854775807
print(M + 1, -M - 2, M * M, -(-M - 1))
print(type(M + 1 - 1) is int, (M + 1) - 1 == M)
print(2 ** 64, 2 ** 100, (-2) ** 63, (-2) ** 64, 3 ** 200)
print(7 ** 77 % 1000000007, pow(7, 77, 1000000007))

f = 1
for i in range(1, 60):
    f *= i
print("59!", f)
print(f // 10 ** 40, f % 10 ** 40, divmod(f, -10 ** 30))

a, b = 0, 1
for i in range(300):
    a, b = b, a + b
print("fib300", a)

x = 12345678901234567890123456789
y = -98765432109876543210
print(x + y, x - y, y - x, x * y, x // y, x % y, y // x, y % x)
print(-x // 7, -x % 7, x // -7, x % -7)
print(x & y, x | y, x ^ y, ~x, ~y, -x & 0xFFFFFFFFFFFFFFFFFFFF)
print(x << 100, x >> 50, y >> 3, y >> 200, (-1) >> 1000, 1 << 200)
print(x ** 3, abs(y), -y, +y)
print(x == x + 0, x != y, x > y, y < -M, [i for i in (x, y, M, -M) if i > 0])
big = 10 ** 50
print(big // 3, big % 3, big / 4, big / 3, -big / 7)
print(int("1" * 60) * int("9" * 40))
print(2 ** 1000 // 3 ** 500)
print((2 ** 200 + 1) // (2 ** 100 + 1), (2 ** 200 + 1) % (2 ** 100 + 1))
print(sum(range(10 ** 6, 10 ** 6 + 1000)) * 10 ** 20)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-2 ** 61), hash(2 ** 100), hash(-(10 ** 30)))
print(hash(M + 1), hash(-M - 1), hash(-1), hash(-2))
show("shift neg", lambda: 1 << -1)
show("shift neg big", lambda: (2 ** 70) >> -5)
show("div zero", lambda: 2 ** 70 // 0)
show("mod zero", lambda: 2 ** 70 % 0)
show("true zero", lambda: 2 ** 70 / 0)
show("pow neg", lambda: 2 ** -2)
show("big pow neg", lambda: (10 ** 20) ** -1)
show("huge true div", lambda: 10 ** 400 / 3)
show("huge float mix", lambda: 10 ** 400 + 1.0)
show("zero neg pow", lambda: 0 ** -1)
show("powmod inverse", lambda: pow(3, -1, 10 ** 20 + 7))
show("powmod not inv", lambda: pow(2, -1, 2 ** 70))
show("powmod zero", lambda: pow(2 ** 70, 3, 0))
show("powmod neg mod", lambda: pow(2 ** 70 + 3, 5, -(10 ** 9 + 7)))
show("str limit", lambda: len(str(10 ** 4299)))
show("str over limit", lambda: str(10 ** 5000))
show("bool and", lambda: (True & True, True | False, True ^ True, True + True, ~True, -True, True * 3))
