# random: the Mersenne Twister core against CPython's sequences.
import random

SEEDS = [0, 1, 42, 2**40, -5, 12345678901234567890, 2**32 - 1, 2**32, 2**64 + 3, -(2**100), True, 3.5, -0.0]

for s in SEEDS:
    random.seed(s)
    print("seed", s)
    print(" random", [random.random() for _ in range(3)])
    print(" bits", [random.getrandbits(k) for k in (1, 5, 31, 32, 33, 63, 64, 65, 96, 130)])

r = random.Random(2024)
print(r.random(), r.getrandbits(200))
r2 = random.Random()
r2.seed(2024)
print(r2.random(), r2.getrandbits(200))
print(random.Random(5).random() == random.Random(5).random())

# getstate / setstate round trip, including the gauss cache
r = random.Random(99)
r.gauss()
st = r.getstate()
print(type(st), len(st), st[0], len(st[1]), st[1][-1], st[2] is not None)
a = [r.random() for _ in range(5)] + [r.gauss()]
r.setstate(st)
b = [r.random() for _ in range(5)] + [r.gauss()]
print(a == b)
random.seed(3)
s = random.getstate()
x = random.random()
random.setstate(s)
print(x == random.random())
# state index past the end forces a regeneration on the next draw
t = list(s[1]); t[-1] = 624
random.setstate((3, tuple(t), None))
print(random.random())

# version 2 states are reduced modulo 2**32
random.setstate((2, s[1], None))
print(random.random())

def err(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

err(random.getrandbits, -1)
err(random.getrandbits, 0)
err(random.getrandbits, 2.0)
err(random.setstate, (3, (1, 2), None))
err(random.setstate, (3, [0] * 625, None))
err(random.setstate, (1, s[1], None))
err(random.setstate, (3, s[1][:-1] + (625,), None))
err(random.setstate, (3, s[1][:-1] + (-1,), None))
err(random.setstate, (3, (-1,) + s[1][1:], None))
err(random.seed, [1, 2])
err(random.seed, {})
err(random.Random, 1, 2)
err(random.getstate().__len__)

# seed(version=1) keeps the old string hash
random.seed("hello", version=1)
print(random.random())
random.seed(b"hello", version=1)
print(random.random())
random.seed("", version=1)
print(random.random())

# subclasses
class Mine(random.Random):
    pass

m = Mine(7)
print(m.random() == random.Random(7).random(), isinstance(m, random.Random))

class Counted(random.Random):
    def __init__(self, seed):
        super().__init__(seed)
        self.calls = 0
    def random(self):
        self.calls += 1
        return super().random()

c = Counted(11)
print(c.randrange(1000), c.choice("xyz"), c.calls)
print(c.uniform(1, 2), c.calls)

class Fixed(random.Random):
    def random(self):
        return 0.25
    def seed(self, a=None, version=2):
        pass

f = Fixed()
print(f.random(), f.randrange(10), f.choice([1, 2, 3, 4]), f.uniform(0, 8))

class Bits(random.Random):
    def getrandbits(self, k):
        return (1 << k) - 1 if k < 3 else 5 % (1 << k)

print(Bits().randrange(6), Bits().randbytes(2))
print(random.Random(1).randbytes(5), random.Random(1).randbytes(0))
print(random.Random.__name__, random.Random.__module__, random.Random.__mro__[1])

# str, bytes and bytearray seeds (version 2: the bytes plus their SHA-512),
# across the hash's padding boundaries (111, 112 and 240 bytes)
for s in ["hello", "", b"bytes", bytearray(b"ba"), "x" * 111, "y" * 112, "z" * 240, "\u00e9\u20ac\U0001f600"]:
    random.seed(s)
    print(repr(s)[:20], random.random(), random.getrandbits(20))
print(random.Random("seedstr").randint(1, 100), random.Random(b"seedstr").randint(1, 100))

# argument checking of the C methods
import _random
r = random.Random(1)
err(r.random, 1)
err(r.getrandbits)
err(_random.Random.seed, r, 1, 2)
err(r.getrandbits, k=1)
err(r.getrandbits, 2**70)
err(r.getrandbits, -2**40)
err(r.getrandbits, "a")
err(_random.Random.getstate, r, 1)
err(_random.Random.setstate, r)
err(r.getstate, 1)
err(r.setstate)
err(_random.Random, x=5)
print(random.Random(x=5).random() == _random.Random(5).random(), r.getrandbits(True))

# float seeds go through hash(), negative hashes as unsigned 64-bit numbers
for s in [-3.5, -1.0, 1e300, float("inf"), -2**63, -2**64, 2**63]:
    random.seed(s)
    print(s, random.random())
