# Repeated insert/delete must not fill the dict's index with deleted
# slots (a lookup of a missing key has to find an empty slot to stop).
d = {}
for i in range(100000):
    d[i * 7919] = 1
    del d[i * 7919]
print(12345 in d, len(d))
d = {i: i for i in range(1000)}
for i in range(0, 1000, 2):
    del d[i]
for i in range(5000, 6000):
    d[i] = i
print(len(d), sum(d), d.get(3), d.get(4), list(d)[:3], list(d)[-3:])
s = {}
for r in range(50):
    for i in range(100):
        s[(r, i)] = i
    for i in range(100):
        del s[(r, i)]
print(s, ('x', 1) in s)
