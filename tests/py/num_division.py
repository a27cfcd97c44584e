# Floor division, modulo, divmod and true division: signs and errors.
def show(label, f):
    try:
        print(*label, repr(f()))
    except Exception as e:
        print(*label, type(e).__name__, e)

pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3), (1, 10 ** 20), (-1, 10 ** 20),
         (10 ** 20, 7), (-10 ** 20, 7), (10 ** 20, -7), (9223372036854775807, -1), (-9223372036854775808, -1)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b)

fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (0.0, 3), (-0.0, 3), (0.0, -3), (1e300, 1e-300),
          (5, 0.5), (-5, 0.3), (1, float("inf")), (-1, float("inf")), (float("inf"), 2), (3, -float("inf")),
          (2 ** 70, 3.0), (1e16, 3)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b)

for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0), (2 ** 80, 0), (True, False)]:
    show(("floordiv", a, b), lambda: a // b)
    show(("mod", a, b), lambda: a % b)
    show(("divmod", a, b), lambda: divmod(a, b))
    show(("truediv", a, b), lambda: a / b)

print(1 / 3, 2 / 3, 10 / 4, -10 / 4, 1 / -3, 0 / -5, 7 / 7, (2 ** 53 + 1) / 1, (2 ** 80 + 1) / 2 ** 27)
print((10 ** 30 + 1) / 3, 10 ** 300 / 10 ** 299, 1 / 10 ** 320, -1 / 10 ** 400, (3 ** 700) / (3 ** 699))
show(("huge/1",), lambda: 10 ** 400 / 1)
show(("huge/huge",), lambda: 10 ** 400 / 10 ** 399)
show(("1/huge",), lambda: 1 / 10 ** 400)
x = 17
x //= 5
print(x)
x %= -3
print(x)
x = 2 ** 100
x //= 2 ** 99
print(x, type(x).__name__)
y = 9.0
y //= 2
print(y)
y %= -2.5
print(y)
