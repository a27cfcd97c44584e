from fractions import Fraction as F
a, b = F(1, 3), F(3, 4)
print(a, b, repr(a), a + b, a - b, a * b, a / b, a // b, b % a, divmod(b, a), -a, abs(-a), +a)
print(a + 1, 1 + a, a * 2, 2 - a, 1 / a, a + 0.5, 0.5 * a, a ** 2, a ** -2, F(-2, 3) ** -3, 2 ** F(2), 4 ** F(1, 2))
print(F(6, -8), F(0), F(5), F('3/4'), F(' -1.25 '), F('1e-3'), F(0.5), F(0.1), F(F(1, 2), F(1, 3)), F('7'))
print(a < b, a == F(2, 6), a == 1/3, F(1, 2) == 0.5, F(2) == 2, a > 0.3, b >= 0.75, sorted([b, a, F(1, 2)]))
print(float(a), int(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(22, 7), 2), math_floor := __import__('math').floor(F(-7, 2)), __import__('math').ceil(F(7, 2)))
print(F(3.141592653589793).limit_denominator(10), F(3.141592653589793).limit_denominator(100), F(3.141592653589793).limit_denominator(), F(1, 3).limit_denominator(2))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)) == hash(F(2, 6)), {F(1, 2): 'x'}[F(2, 4)])
print(a.numerator, a.denominator, b.as_integer_ratio(), F.from_float(0.25), bool(F(0)), str(F(4, 2)))
print(sum([F(1, n) for n in range(1, 6)]), F(10, 4) % 1, F(-7, 2) // 1)
for bad in (lambda: F(1, 0), lambda: F('abc'), lambda: F('1/0'), lambda: a / 0, lambda: F(1.5, 2), lambda: F(1).limit_denominator(0), lambda: F([1])):
    try: bad()
    except Exception as e: print(type(e).__name__, e)
