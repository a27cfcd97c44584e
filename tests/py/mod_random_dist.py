# random: the continuous distributions, seeded, against CPython.
import random

def err(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

for s in [0, 1, 42, 2**40, -5, 12345678901234567890]:
    random.seed(s)
    print("seed", s)
    print(" gauss", [random.gauss() for _ in range(3)], random.gauss(10, 2), random.gauss(mu=1, sigma=0.5))
    print(" normal", random.normalvariate(), random.normalvariate(100, 15))
    print(" lognorm", random.lognormvariate(0, 0.25))
    print(" expo", random.expovariate(1.5), random.expovariate(0.1))
    print(" vonmises", random.vonmisesvariate(1.0, 4.0), random.vonmisesvariate(0.0, 0.0),
          random.vonmisesvariate(3.0, 0.5))
    print(" gamma", random.gammavariate(0.5, 1.0), random.gammavariate(1.0, 2.0), random.gammavariate(9.0, 0.5))
    print(" beta", random.betavariate(2.0, 5.0), random.betavariate(0.3, 0.3))
    print(" pareto", random.paretovariate(3.0), " weibull", random.weibullvariate(1.0, 1.5))

# gauss keeps its second value; seed() and a new instance clear it
random.seed(5)
a = random.gauss()
b = random.gauss()
random.seed(5)
print(a == random.gauss(), b == random.gauss())
random.seed(5)
random.gauss()
random.seed(5)
print(a == random.gauss())

# instances are independent of each other and of the module
r1 = random.Random(3)
r2 = random.Random(3)
random.seed(3)
random.random()
print(r1.gauss() == r2.gauss(), r1.gauss_next == r2.gauss_next)

err(random.gammavariate, 0, 1)
err(random.gammavariate, 1, -1)
err(random.expovariate, 0)
err(random.betavariate, -1, 1)
err(random.uniform, "a", "b")
err(random.triangular, 0, 1, "x")
print(random.Random(1).triangular(3, 3, 3))
print(random.Random(1).uniform(2, 2))
