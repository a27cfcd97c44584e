# Pseudo-random big-int and float arithmetic (a fixed LCG, no imports):
# results are printed as hashes and reprs for comparison with CPython.
state = 12345


def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return state % n


def big():
    kind = rnd(6)
    if kind == 0:
        return rnd(1000) - 500
    if kind == 1:
        return rnd(2 ** 64) - 2 ** 63
    bits = [40, 100, 700, 2000, 5000][rnd(5)]
    v = 0
    for i in range(bits // 60 + 1):
        v = (v << 60) | rnd(2 ** 60)
    return -v if rnd(2) else v


total = 0
for i in range(150):
    a = big()
    b = big()
    r = [a + b, a - b, a * b, a & b, a | b, a ^ b, -a, ~b, abs(a)]
    if b != 0:
        r.append(a // b)
        r.append(a % b)
        q, m = divmod(a, b)
        r.append(q * b + m == a)
        try:
            r.append(a / b)
        except OverflowError as e:
            r.append(str(e))
    s = rnd(300)
    r.append(a << s)
    r.append(a >> s)
    r.append(a == b)
    r.append(a < b)
    r.append(a >= b)
    try:
        f = float(a)
        r.append(f)
        r.append(f == a)
        r.append(f < a)
        r.append(int(f) == a)
    except OverflowError as e:
        r.append(str(e))
    line = []
    for x in r:
        if type(x) is int and (x > 10 ** 30 or x < -10 ** 30):
            line.append("h" + str(hash(x)))
        else:
            line.append(repr(x))
    total += hash(a) % 1000
    print(i, " ".join(line))
print(total)
p = 1
for i in range(1, 300):
    p = p * i + rnd(1000)
print(hash(p), p % 1000000007, p.bit_length(), len(str(p)))
print(str(p)[:50], str(p)[-50:])
print(pow(p, 65537, 2 ** 521 - 1) % 10 ** 12, pow(3, -1, 2 ** 127 - 1))
