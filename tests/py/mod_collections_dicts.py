# collections: defaultdict, Counter, OrderedDict, ChainMap.
from collections import defaultdict, Counter, OrderedDict, ChainMap


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


# defaultdict
dd = defaultdict(list)
dd["a"].append(1)
dd["b"].append(2)
dd["a"].append(3)
print(dd, dd["a"], len(dd), dd.default_factory)
print(isinstance(dd, dict), type(dd).__name__)
ints = defaultdict(int)
for w in "the cat and the hat and the bat".split():
    ints[w] += 1
print(sorted(ints.items()), ints["missing"], "missing" in ints)
n = defaultdict()
print(n, n.default_factory)
err(lambda: n["x"])
err(lambda: defaultdict(5))
print(defaultdict(lambda: "z", {"a": 1}).get("q"), dict(defaultdict(int, a=1)))
c = dd.copy()
c["new"]
print(type(c).__name__, sorted(c), sorted(dd))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"]["y"], dict(nested["x"]))
print(repr(defaultdict(set)))

# Counter
cnt = Counter("abracadabra")
print(cnt)
print(cnt.most_common(), cnt.most_common(2), cnt["a"], cnt["zz"])
print(sorted(cnt.elements()), cnt.total())
cnt.update("aaz")
print(cnt)
cnt.update({"b": 10})
print(cnt)
cnt.subtract("bbbb")
print(cnt)
cnt.subtract({"z": 5})
print(cnt)
print(Counter(), Counter(a=3, b=1), Counter({"x": 2}))
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
print(a == Counter(a=3, b=1), Counter(a=1) == Counter(a=1, b=0), a != b)
del a["zz"]
del a["a"]
print(a)
words = "one two three two three three".split()
wc = Counter(words)
for word, count in wc.most_common():
    print(f"{word:>6}: {count}")
err(lambda: Counter.fromkeys("ab"))
x = Counter(a=2)
x += Counter(a=-5, b=1)
print(x)
print(Counter("hello") <= Counter("hellooo"), isinstance(wc, dict))
print(Counter([1, 1, 2]).most_common(1), Counter(a=1, b=1, c=1).most_common(2))

# OrderedDict
od = OrderedDict()
od["x"] = 1
od["y"] = 2
od["z"] = 3
print(od, list(od), od["y"])
od.move_to_end("x")
print(od)
od.move_to_end("z", last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
err(lambda: OrderedDict().popitem())
err(lambda: od.move_to_end("nope"))
o1 = OrderedDict([("a", 1), ("b", 2)])
o2 = OrderedDict([("b", 2), ("a", 1)])
print(o1 == o2, o1 == dict(o2), dict(o1) == o2, o1 == OrderedDict(a=1, b=2))
print(OrderedDict(), OrderedDict.fromkeys("ab", 0), o1.copy())
print(list(reversed(o1)), o1.get("a"), isinstance(o1, dict))

# ChainMap
base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm["a"], cm["b"], cm["c"], len(cm), sorted(cm), "a" in cm, cm.get("q", "none"))
cm["d"] = 4
print(over, base)
child = cm.new_child()
child["a"] = 100
print(child["a"], cm["a"], child.maps[0])
err(lambda: cm["missing"])
print(ChainMap({"a": 1}, {"b": 2}))

# UserDict / UserList
from collections import UserDict, UserList


class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


ld = LowerDict({"A": 1}, B=2)
ld["C"] = 3
print(ld, len(ld), "a" in ld, ld["b"], ld.get("z", 0), sorted(ld.keys()), ld == {"a": 1, "b": 2, "c": 3})
print(ld.pop("a"), ld.setdefault("d", 4), ld, isinstance(ld.copy(), LowerDict))
err(lambda: ld["nope"])


class Stack(UserList):
    def push(self, x):
        self.append(x)


st = Stack([1, 2])
st.push(3)
st += [4]
print(st, len(st), st[0], st[1:], type(st[1:]).__name__, st.pop(), st == [1, 2, 3], 2 in st)
print(st + [9], [0] + st, st * 2, sorted(Stack([3, 1, 2])), list(reversed(st)))
