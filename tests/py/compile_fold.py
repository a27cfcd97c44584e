# Compiler: constant folding keeps run-time semantics (errors still raised when executed).
print(2 ** 10, 2 ** 100, -2 ** 2, (-2) ** 2, 2 ** -1, 1 / 3, 7 // 2, -7 // 2, 7 % -3, 1 << 70, ~5, +3, -(-3))
print('ab' * 3, 'x' + 'y', 3 * 'z', 'a' * 0, 1.5 * 2, 10 - 2.5, 0.1 + 0.2)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print('zde', e)
try:
    print('a' + 1)
except TypeError as e:
    print('te', e)
print(-9223372036854775808, -(2**63), 9223372036854775807 + 1, 2 ** 63 - 1)
print(1e308 * 10, 2.0 ** 0.5, 5 & 3 | 8 ^ 1, 100 >> 3)
def f():
    return 60 * 60 * 24
print(f(), f.__code__.co_consts)
