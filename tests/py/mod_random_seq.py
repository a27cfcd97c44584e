# random: integers and sequence helpers, seeded, against CPython.
import random

def err(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

for s in [0, 1, 42, 2**40, -5, 12345678901234567890]:
    random.seed(s)
    print("seed", s)
    print(" randint", [random.randint(1, 6) for _ in range(12)])
    print(" randrange", random.randrange(10), random.randrange(5, 50), random.randrange(0, 100, 7),
          random.randrange(100, 0, -3), random.randrange(-10, 10), random.randrange(10**25),
          random.randrange(2**64, 2**65, 3), random.randrange(1))
    print(" choice", random.choice("abcdefg"), random.choice([10, 20, 30]), random.choice(range(1000)),
          random.choice((None,)))
    deck = list(range(20))
    random.shuffle(deck)
    print(" shuffle", deck)
    print(" sample", random.sample(range(100), 10), random.sample("abcdefghij", 4),
          random.sample(range(10**6), 5), random.sample(range(30), 30)[:5],
          random.sample(range(40), 6), random.sample(range(200), 30)[:4], random.sample([1], 0))
    print(" counts", random.sample(["red", "blue"], 5, counts=[4, 2]))
    print(" choices", random.choices("abc", k=5), random.choices([1, 2, 3], [10, 1, 1], k=6),
          random.choices("xy", cum_weights=[1, 5], k=4), random.choices(range(5)))
    print(" floats", random.uniform(1, 10), random.uniform(5, -5), random.triangular(),
          random.triangular(0, 10, 9), random.triangular(2, 2), random.triangular(1, 3, 1))
    print(" bytes", random.randbytes(6))

# the set-based sample path vs the pool path boundary
random.seed(8)
for n, k in [(21, 5), (22, 5), (26, 6), (27, 6), (100, 20), (84, 21), (85, 21), (300, 22)]:
    print(n, k, random.sample(range(n), k))

# shuffling other mutable sequences
random.seed(77)
ba = bytearray(b"abcdefgh")
random.shuffle(ba)
print(ba)
lst = []
random.shuffle(lst)
print(lst)

err(random.randrange, 5, 5)
err(random.randrange, 5, 1)
err(random.randrange, 5, 1, 2)
err(random.randrange, 0)
err(random.randrange, -3)
err(random.randrange, 1, 5, 0)
err(random.randrange, 1.5)
err(random.randrange, 1, 2.5)
err(random.randrange, 1, 5, 1.5)
err(random.randrange, "3")
err(random.randrange, 1, step=2)
err(random.randrange, 3.0)
err(random.randint, 3, 1)
err(random.randint, 1.5, 3)
err(random.choice, [])
err(random.choice, "")
err(random.choice, {1: 2})
err(random.sample, range(3), 4)
err(random.sample, range(3), -1)
err(random.sample, {1, 2, 3}, 2)
err(random.sample, {1: 2}, 1)
err(random.sample, [1, 2], 1, counts=[1])
err(random.sample, [1, 2], 1, counts=[0, 0])
err(random.sample, [1, 2], 1, counts=[1.5, 1])
err(random.choices, [1, 2], [1])
err(random.choices, [1, 2], [0, 0])
err(random.choices, [1, 2], [1, 1], cum_weights=[1, 2])
err(random.choices, [1, 2], 3)
err(random.choices, [1, 2], [1, float("inf")])
err(random.choices, [], k=2)
print(random.choices([], k=0))
err(random.shuffle, (1, 2, 3))
err(random.randbytes, -1)
err(random.choices, "ab", k=2.5)
err(random.choices, "ab", k=-1)
err(random.sample, range(5), 2.0)
err(random.choices, "ab", [1, 2], k=2.5)
err(random.choice, 5)
err(random.sample, 5, 1)
err(random.sample, range(3), k=1, counts=5)
