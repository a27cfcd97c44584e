# str.format and format_map.
def t(fmt, *args, **kw):
    try:
        print(repr(fmt), repr(fmt.format(*args, **kw)))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)

t("{}{}", 1, 2)
t("{0}{1}{0}", "a", "b")
t("{a}-{b!r}", a=1, b="x")
t("{}{0}", 1)
t("{0}{}", 1)
t("{1}", 1)
t("{}")
t("{x}")
t("}")
t("{")
t("a}b")
t("{0", 1)
t("{0!x}", 1)
t("{0!}", 1)
t("{0!rr}", 1)
t("{0[a]}", {"a": 3})
t("{0[1]}", [5, 6])
t("{0[0]}", "xyz")
t("{0.real}", 5)
t("{0.real}{0[0]}", [5])
t("{0:{1}}", 3, 5)
t("{0:{1}{2}}", 3, ">", 5)
t("{:{}}{}", 1, 4, 2)
t("{0:{1:{2}}}", 1, 2, 3)
t("{{}}{{")
t("{0.}", 1)
t("{0[}", 1)
t("{0]}", 1)
t("{0[0]x}", [1])
t("{!r}", "a")
t("{!s:>4}", 1)
t("{!a}", "\xe9")
t("{:}", 1)
t("{0:}}", 1)
t("{0:{}", 1)
t("{ 0}", 1)
t("{-1}", 1)
t("{0.__class__.__name__}", 1)
t("{0:>{1}.{2}f}", 3.14159, 10, 2)
t("{a[b]}", a={"b": 1})
t("{0[-1]}", {"-1": 2})
t("{0:%}", 0.5)
t("{00}", 1)
t("{0:{a}}", 1, a=3)
t("{:d}", "a")
t("{0[]}", [1])
t("{:{:{}}}", 1, 2, 3)
t("x{}y{}z", "\xe9", "\u20ac")
t("{name:^10}|{n:08.3f}|{n:e}", name="mid", n=-3.5)
print("{a}{b}".format_map({"a": 1, "b": 2}))

class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"

print("{x} and {y}".format_map(Default(x=1)))
try:
    "{}".format_map({})
except Exception as e:
    print(type(e).__name__, e)
try:
    "{k}".format_map({})
except Exception as e:
    print(type(e).__name__, e)

class P:
    def __init__(self):
        self.x = 1
        self.y = [10, 20]

print("{0.x} {0.y[1]} {p.y}".format(P(), p=P()))
