# A small dice-and-cards simulation, written the way a newcomer would.
import random

random.seed(2023)

# Roll two dice many times and count the sums.
counts = {}
for _ in range(5000):
    total = random.randint(1, 6) + random.randint(1, 6)
    counts[total] = counts.get(total, 0) + 1

print("Two dice, 5000 rolls")
for total in sorted(counts):
    bar = "#" * (counts[total] // 25)
    print(f"{total:2d}: {counts[total]:4d} {bar}")
most = max(counts, key=counts.get)
print("most common sum:", most)

# Deal a few poker hands from a shuffled deck.
suits = ["hearts", "diamonds", "clubs", "spades"]
ranks = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A"]
deck = [(r, s) for s in suits for r in ranks]
random.shuffle(deck)
for player in ["Ann", "Bob", "Cy"]:
    hand = [deck.pop() for _ in range(5)]
    print(player, ", ".join(f"{r} of {s}" for r, s in hand))
print("cards left:", len(deck))

# Pick a random winner and a random sample of raffle tickets.
players = ["Ann", "Bob", "Cy", "Dee", "Eve"]
print("winner:", random.choice(players))
print("raffle:", random.sample(range(1, 101), 5))
print("weighted:", random.choices(["red", "green", "blue"], weights=[5, 3, 1], k=8))

# Heights drawn from a normal distribution.
heights = [random.gauss(170, 8) for _ in range(1000)]
mean = sum(heights) / len(heights)
var = sum((h - mean) ** 2 for h in heights) / (len(heights) - 1)
print(f"mean height: {mean:.3f}")
print(f"std dev: {var ** 0.5:.3f}")
print(f"min {min(heights):.2f} max {max(heights):.2f}")
tall = sum(1 for h in heights if h > 180)
print("taller than 180:", tall)

# A random walk.
pos = 0
furthest = 0
for step in range(1000):
    pos += random.choice([-1, 1])
    furthest = max(furthest, abs(pos))
print("walk ends at", pos, "furthest", furthest)

# Monte Carlo estimate of pi.
inside = 0
n = 20000
for _ in range(n):
    x, y = random.random(), random.random()
    if x * x + y * y <= 1.0:
        inside += 1
print("pi is about", 4 * inside / n)
print("uniform:", round(random.uniform(10, 20), 6), "expo:", round(random.expovariate(0.5), 6))
