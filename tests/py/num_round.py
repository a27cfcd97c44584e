# round(), math-style dunders and truncation for ints and floats.
def show(*label_and_f):
    f = label_and_f[-1]
    try:
        print(*label_and_f[:-1], repr(f()))
    except Exception as e:
        print(*label_and_f[:-1], type(e).__name__, e)

for x in [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1e16 + 1, -0.0, 3.7, -3.7, 1e300]:
    print(x, round(x), round(x, 0), round(x, 1), round(x, 2), round(x, -1), round(x, -2))
for x, n in [(2.675, 2), (0.125, 2), (0.375, 2), (1.25, 1), (1.35, 1), (5.5, -1), (15.0, -1), (25.0, -1),
             (123456.789, -3), (0.000123456, 5), (1e-320, 320), (12345.0, -5), (-12345.0, -4), (1.0, 400),
             (1.5, -400), (-1.5, -400), (1e308, -308), (0.1, 17), (0.1, 30), (1 / 3, 10)]:
    show("round", x, n, lambda: round(x, n))
for x, n in [(15, -1), (25, -1), (35, -1), (-25, -1), (-35, -1), (12345, -2), (12350, -2), (12250, -2), (7, 2),
             (7, 0), (10 ** 30 + 5 * 10 ** 14, -15), (10 ** 30 + 15 * 10 ** 14, -15), (5, -1), (50, -2),
             (-50, -2), (123, -10), (2 ** 70, -5)]:
    show("round", x, n, lambda: round(x, n))
show("round int none", lambda: round(17, None))
show("round float none", lambda: round(2.5, None))
show("round inf", lambda: round(float("inf")))
show("round nan", lambda: round(float("nan")))
show("round inf n", lambda: round(float("inf"), 2))
show("round nan n", lambda: round(float("nan"), 2))
show("round float n", lambda: round(2.5, 1.0))
show("round overflow", lambda: round(1.7976931348623157e308, -308))
show("round bool", lambda: (round(True), round(True, 2), type(round(True)).__name__))
show("round big n", lambda: round(1.5, 10 ** 30))
show("round big neg n", lambda: round(1.5, -10 ** 30))
for x in [2.5, -2.5, 3.0, -0.1, 1e20]:
    print(x, x.__trunc__(), x.__floor__(), x.__ceil__(), int(x))
print((7).__trunc__(), (7).__floor__(), (-7).__ceil__(), (2 ** 70).__round__(), True.__floor__())
print(abs(-5), abs(5), abs(-2 ** 70), abs(-0.0), abs(-1.5), abs(True), abs(-9223372036854775808))
