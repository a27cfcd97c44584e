# Many short-lived objects: the collector must run during long loops and
# free the garbage while the live values (accumulators, the containers
# being built) stay intact.


def strings(n):
    parts = []
    acc = ""
    for i in range(n):
        s = "item" + str(i % 97)
        parts.append("%d,%s;" % (i, s))
        if i % 100 == 0:
            acc += s[-1]
    joined = "".join(parts)
    return len(joined), joined.count(";"), acc[:20], len(joined.split(";"))


def containers(n):
    total = 0
    for i in range(n):
        lst = [i, i + 1, i + 2]
        dct = {"a": lst, "b": (i, str(i))}
        st = {i, i + 1}
        total += sum(dct["a"]) + len(dct["b"][1]) + len(st)
    return total


def comprehensions(n):
    squares = [x * x for x in range(n)]
    table = {x: str(x) for x in range(n)}
    evens = {x for x in squares if x % 2 == 0}
    nested = [[y for y in range(x % 5)] for x in range(n)]
    return sum(squares), len(table), len(evens), sum(len(r) for r in nested)


def bigints(n):
    x = 1
    for i in range(n):
        x = x * 3 + i          # grows past 64 bits: heap ints
    return x % 1000000007, len(str(x))


def floats_and_tuples(n):
    pts = []
    for i in range(n):
        pts.append((i * 0.5, -i * 0.25))
    return sum(p[0] for p in pts), min(p[1] for p in pts)


def exceptions(n):
    caught = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError("bad %d" % i)
            {}[i]
        except (ValueError, KeyError) as e:
            caught += len(str(e)) > 0
    return caught


print(strings(4000))
print(containers(1500))
print(comprehensions(1000))
print(bigints(300))
print(floats_and_tuples(2000))
print(exceptions(1000))
