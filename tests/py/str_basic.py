# str core: literals, repr, operators, indexing, slicing, iteration, constructor.
def err(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)

print(repr("abc"), repr("a'b"), repr('a"b'), repr("a'\"b"), repr(""))
print(repr("tab\there\nnl\r\\ \x00 \x7f \x1b"))
print(repr("caf\xe9 \u20ac \U0001f600 \u00a0 \u200b \xad \ud800"))
print(str("x"), str(), str(12), str(1.5), str(None), str([1, "a"]), str(b"ab"))
print("ab" + "cd", "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, "" * 5)
s = "hello world"
print(len(s), len(""), len("\xe9\u20ac\U0001f600"))
print(s[0], s[-1], s[4], s[:5], s[6:], s[::2], s[::-1], s[-5:-1], s[100:], s[3:1], s[1:10:3])
u = "h\xe9llo w\u20acrld \U0001f600!"
print(u[1], u[7], u[-2], u[:3], u[::-1], u[1::3], u[-4:], len(u))
print("a" < "b", "a" < "ab", "b" > "ab", "abc" == "abc", "a" != "b", "\xe9" > "z", "\U0001f600" > "\u20ac")
print("lo" in s, "" in s, "xyz" in s, "\u20ac" in u)
print(list("abc"), list(u[:4]), [c for c in "xy"])
print(sorted(["b", "a", "C", "\xe9"]), max("hello"), min("hello"))
print(hash("abc") == hash("ab" + "c"), hash("") == 0)
d = {"key": 1}
k = "ke" + "y"
print(d[k], k in d)
err(lambda: s[11])
err(lambda: s[-12])
err(lambda: s["x"])
err(lambda: s[1.5])
err(lambda: 1 in s)
err(lambda: "a" + 1)
err(lambda: 1 + "a")
err(lambda: "a" * 1.5)
err(lambda: "a" * "b")
err(lambda: "a" < 1)
err(lambda: str(b"\xff", "utf-8"))
err(lambda: str(b"abc", "utf-8"))
err(lambda: str(b"a\xffb", "utf-8", "replace"))
err(lambda: str(b"a\xffb", encoding="utf-8", errors="ignore"))
err(lambda: str(1, "utf-8"))
err(lambda: str("a", "utf-8"))
err(lambda: str(x=1))
err(lambda: str(1, 2, 3, 4))
err(lambda: str(b"x", "nope"))
acc = ""
for i in range(5):
    acc += str(i)
print(acc)
parts = []
for w in "the quick brown fox".split():
    parts.append(w.upper())
print("-".join(parts))

class S(str):
    def shout(self):
        return self.upper() + "!"

x = S("hey")
print(x, repr(x), x.shout(), len(x), x + "you", type(x).__name__, isinstance(x, str), x == "hey")
print(type(str(x)).__name__, type(x + "").__name__, x[1:], type(x[1:]).__name__)
x.attr = 5
print(x.attr)
it = iter("ab")
print(next(it), next(it), next(it, "end"))
