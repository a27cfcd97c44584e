# Pseudo-random floats (a fixed LCG, no imports): repr, round, floor
# division, modulo, hashes and int/float mixes compared with CPython.
state = 777


def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return state % n


def flt():
    kind = rnd(5)
    m = rnd(2 ** 53) - 2 ** 52
    if kind == 0:
        return m / 2 ** rnd(60)
    if kind == 1:
        return m * 10.0 ** (rnd(40) - 20)
    if kind == 2:
        return (rnd(2000) - 1000) / 8
    if kind == 3:
        return m * 2.0 ** (rnd(1800) - 1000)
    return (rnd(10 ** 6) - 500000) / (rnd(999) + 1)


for i in range(120):
    x = flt()
    y = flt()
    r = [x, y, x + y, x - y, x * y, hash(x), str(x), float(repr(x)) == x, x == int(x) if x == x else 0]
    if y != 0:
        r.extend([x / y, x // y, x % y, divmod(x, y)])
    n = rnd(30) - 12
    try:
        r.append(round(x, n))
    except OverflowError as e:
        r.append(str(e))
    r.append(round(x))
    r.append(x.as_integer_ratio())
    k = rnd(2 ** 70) - 2 ** 69
    r.extend([k + x, k * x, k < x, k == x, x > k])
    if x != 0:
        r.append(k / x)
    print(i, " ".join([repr(v) for v in r]))
