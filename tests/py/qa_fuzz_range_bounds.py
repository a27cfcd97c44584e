# Indexing and slicing ranges near the int64 limits: no wrapped or
# overflowing arithmetic (a range longer than INT64_MAX items included).
R = range(-2**63, 2**63 - 1)
for i in (-2**63, -1, 0, 2**63 - 2, 2**63 - 1, -2**63 + 1):
    print(i, R[i])
for i in (2**64 - 1, -2**64, 2**64):
    try:
        R[i]
    except IndexError as e:
        print(i, "IndexError", e)
for sl in (slice(5, 10), slice(-10, None), slice(-3, -10, -1), slice(3, 1),
           slice(None, 5, -1), slice(-5, None, 2), slice(10**30, 0, -2**62)):
    try:
        print(R[sl])
    except OverflowError as e:  # (results beyond int64: not supported)
        print("OverflowError")
print(list(reversed(range(0, 0, -2**63))), list(reversed(range(5, 0, -2**63))))
print(range(0, 10, 3)[::-3], range(-2**62, 2**62, 2**61)[::-1])
# the stop of these is past int64 (minipy clamps it): compare the items
print(list(range(2**62, 2**63 - 1, 2**60)[1:]), list(R[-3:]), list(R[5:0:-2]))
try:
    print(len(R))
except OverflowError as e:
    print("len", e)
for r in (range(10), range(10, 0, -3), range(0, 100, 7), range(-5, 5), range(5, -5, -1)):
    for a in (None, -100, -3, 0, 2, 5, 100):
        for b in (None, -100, -2, 0, 3, 100):
            for c in (None, -3, -1, 1, 2, 5):
                x = r[a:b:c]
                assert list(x) == list(r)[a:b:c], (r, a, b, c, x)
print("small slices ok")
