# Exact comparisons between ints (small and big), bools and floats; hashes.
inf = float("inf")
nan = float("nan")
vals = [0, 1, -1, 2 ** 53, 2 ** 53 + 1, 2 ** 63 - 1, 2 ** 63, -2 ** 63, -2 ** 63 - 1, 2 ** 64, 10 ** 400, -10 ** 400,
        0.0, -0.0, 0.5, 1.0, 2.0 ** 53, 2.0 ** 63, 2.0 ** 64, -2.0 ** 63, 1e300, inf, -inf, True, False]
for a in vals:
    row = []
    for b in vals:
        row.append("<" if a < b else ">" if a > b else "=" if a == b else "?")
    print("".join(row))
for a in [nan, 1, 2 ** 70, 1.0]:
    print(a == nan, a != nan, a < nan, a >= nan, nan == a)
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 9007199254740993 < 9007199254740994.0)
print(10 ** 400 < inf, -10 ** 400 > -inf, 10 ** 400 > 1e308)
print(1 == 1.0, True == 1, False == 0.0, 2 ** 100 == 2.0 ** 100, 2 ** 100 + 1 == 2.0 ** 100)
for v in [0, 1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, 2 ** 63, -2 ** 63, 2 ** 64 + 3, 10 ** 30,
          -10 ** 30, 1.0, -1.0, 0.5, -0.5, 0.1, 1e100, 2.0 ** 70, -2.0 ** 70, 1.5e-300, inf, -inf, 0.0, -0.0, True,
          False]:
    print(repr(v), hash(v))
print(hash(2 ** 70) == hash(2.0 ** 70), hash(1) == hash(1.0) == hash(True))
d = {1: "int", 2 ** 70: "big"}
print(d[1.0], d[True], d[2.0 ** 70], 2 ** 70 in d, 2 ** 70 + 1 in d)
s = {0, 0.0, False, -0.0}
print(len(s))
print(sorted([3, 1.5, 2 ** 64, -2, True, -1e30, 10 ** 20]))
print(max(1, 2.5, 2 ** 65), min(-2 ** 65, -1e20, 0))
