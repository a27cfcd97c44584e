# The math module: values, special cases and CPython's error messages.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.exp(1), math.exp2(10), math.expm1(1e-10), math.cbrt(8))
print(math.log(math.e), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(0.001), math.log1p(1e-10))
print(math.log(10**400), math.log2(2**2000), math.log10(10**400), math.log(2**1000, 2))
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1), math.atan2(1, -1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(1), math.atanh(0.5))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(), math.hypot(-5), math.dist((1, 2), (4, 6)))
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.floor(True))
print(math.floor(1e20), math.ceil(-1e20), math.floor(10**30), type(math.floor(2.0)).__name__)
print(math.fabs(-3), math.fmod(-5, 3), math.fmod(5, math.inf), math.modf(-3.5), math.modf(math.inf), math.frexp(8.0), math.frexp(0.0))
print(math.ldexp(0.5, 4), math.copysign(3, -0.0), math.remainder(5, 3), math.remainder(-7, 2), math.pow(2, 0.5))
print(math.pow(math.inf, -1), math.pow(-2, 3), math.pow(1, math.nan), math.pow(math.nan, 0))
print(math.isfinite(1.0), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.isclose(1, 1.0000000001), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.gcd(), math.gcd(12, -18, 30), math.gcd(2**100, 2**80 * 3), math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 0))
print(math.factorial(0), math.factorial(20), math.factorial(30))
print(math.comb(5, 2), math.comb(50, 25), math.comb(3, 5), math.comb(100, 50), math.perm(5), math.perm(10, 3), math.perm(3, 5))
print(math.isqrt(0), math.isqrt(99), math.isqrt(10**40), math.isqrt(2**64 - 1), math.isqrt(10**41))
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod([1.5, 2]), math.prod(range(1, 30)), math.prod([2, 3], start=10))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1, 2**-60, -1]), math.fsum([]), math.fsum([math.inf, 1]))
# gamma/lgamma of non-integers come from the C library and may differ
# from CPython's own Lanczos code in the last digit: only exact cases here.
print(math.erf(0.5), math.erfc(0.5), math.gamma(5), math.gamma(1), math.lgamma(1), math.lgamma(2))
print(math.ulp(1.0), math.nextafter(1, 2), math.nextafter(0.0, -1))
for expr in ["math.sqrt(-1)", "math.sqrt('a')", "math.sqrt()", "math.sqrt(1, 2)", "math.sqrt(x=1)",
             "math.exp(1000)", "math.log(0)", "math.log(-1)", "math.log(1, 1)", "math.log()", "math.log(0.0)",
             "math.log(1, 2, 3)", "math.log10(-5)", "math.log2(0)", "math.log1p(-1)",
             "math.factorial(-1)", "math.factorial(1.5)", "math.factorial('a')", "math.isqrt(-1)",
             "math.gcd(1.5)", "math.gcd(x=1)", "math.floor('a')", "math.floor(math.nan)", "math.ceil(math.inf)",
             "math.trunc('a')", "math.comb(-1, 2)", "math.comb(1)", "math.perm(1, -2)", "math.ldexp(1.0, 1.5)",
             "math.ldexp(1.0, 2000)", "math.pow(0, -1)", "math.pow(-8, 1/3)", "math.pow(10, 400)",
             "math.fmod(1, 0)", "math.fmod(math.inf, 1)", "math.atanh(1)", "math.acos(2)", "math.asin(-2)",
             "math.gamma(0)", "math.gamma(-1)", "math.gamma(200)", "math.lgamma(0)", "math.remainder(1, 0)",
             "math.dist([1], [1, 2])", "math.dist(1)", "math.copysign(1)", "math.atan2(1)",
             "math.isclose(1)", "math.isclose(1, 2, 3)", "math.isclose(1, 2, rel_tol=-1)",
             "math.isclose(1, 2, x=2)", "math.prod()", "math.prod([], 1)", "math.fsum([1e308, 1e308])",
             "math.fsum([math.inf, -math.inf])", "math.fsum(1)", "math.sqrt(10**400)", "math.cosh(1000)",
             "math.sin(math.inf)", "math.hypot(x=1)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__ + ":", e)

class Floored:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"
    def __float__(self):
        return 2.5

print(math.floor(Floored()), math.ceil(Floored()), math.trunc(Floored()), math.sqrt(Floored()))
