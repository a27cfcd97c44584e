# Mutation of dicts and sets while iterating: which RuntimeError is raised.
def t(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def size_change(mk):
    d = {1: 1, 2: 2}
    for k in mk(d):
        d[len(d) + 10] = 1
    return d


def pop_change(mk):
    d = {1: 1, 2: 2, 3: 3}
    for k in mk(d):
        d.popitem()
    return d


def replace_keys(mk):
    d = {1: 1, 2: 2, 3: 3}
    out = []
    for k in mk(d):
        out.append(k)
        kk = k[0] if isinstance(k, tuple) else k
        if kk in d and kk < 100:
            del d[kk]
            d[kk + 100] = 1
    return out, d


makers = (("iter", iter), ("keys", lambda d: d.keys()), ("values", lambda d: d.values()),
          ("items", lambda d: d.items()), ("reversed", reversed),
          ("rvalues", lambda d: reversed(d.values())), ("ritems", lambda d: reversed(d.items())))
for name, mk in makers:
    t(name + " size", lambda: size_change(mk))
    t(name + " pop", lambda: pop_change(mk))
    t(name + " replace", lambda: replace_keys(mk))


def keys_changed(mk):
    d = {1: 1, 2: 2}
    it = mk(d)
    del d[1]
    d[1] = 1
    out = [next(it), next(it)]
    try:
        next(it)
    except RuntimeError as e:
        print(" first:", e)
    return out, list(it)


for name, mk in (("iter", iter), ("values", lambda d: iter(d.values())), ("items", lambda d: iter(d.items())),
                 ("reversed", reversed)):
    t(name + " keys changed", lambda: keys_changed(mk))


def same_size_mid():
    d = {1: 1, 2: 2}
    it = iter(d)
    next(it)
    d[3] = 3
    del d[3]
    return list(it)


t("add+del", same_size_mid)


def value_change():
    d = {1: 1, 2: 2}
    it = iter(d)
    d[1] = 5
    return list(it)


t("value change", value_change)


def hint():
    d = {1: 1, 2: 2, 3: 3}
    it = iter(d)
    next(it)
    h1 = it.__length_hint__()
    d[9] = 9
    return h1, it.__length_hint__()


t("length hint", hint)


def set_size():
    s = {1, 2, 3}
    for x in s:
        s.add(x + 100)
    return s


def set_sticky():
    s = {1, 2, 3}
    it = iter(s)
    next(it)
    s.add(9)
    try:
        next(it)
    except RuntimeError as e:
        print(" first:", e)
    s.discard(9)
    return list(it)


t("set size", set_size)
t("set sticky", set_sticky)
