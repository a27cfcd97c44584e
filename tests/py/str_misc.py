# Assorted str behaviour: surrogates, dunder methods called directly, int
# subclasses in formatting, float str/repr through formatting, f-strings.
s = "a\udc80b"
print(repr(s), len(s), ascii(s), s.isprintable())
for enc, err in [("utf-8", "strict"), ("utf-8", "replace"), ("utf-8", "ignore"), ("ascii", "backslashreplace")]:
    try:
        print(s.encode(enc, err))
    except Exception as e:
        print(type(e).__name__, e)
print(str(bytearray(b"ab")), str(bytearray(b"ab"), "ascii"), bytes(bytearray(b"xy")))
class B(int):
    pass
print(format(B(5), "03d"), f"{B(7):>4}", "%d" % B(3), "{:x}".format(B(255)))
print("abc".__contains__("b"), "abc".__len__(), "abc".__getitem__(1), "ab".__add__("c"), "ab".__mul__(2), "a".__rmul__(3))
print("x".__eq__(1), "x".__lt__("y"), "x".__hash__() == hash("x"), str.__new__(str, 5), "%s".__mod__(1))
print(sorted("hello world".split(), key=str.lower), list(map(str.upper, ["a", "b"])), str.join(",", ["1", "2"]))
print("a" "b" f"{1+1}" "c", "%5.1f%%" % 99.44, "{0!r:^9}".format("q"), "{:,}".format(10**12), f"{2**100:_x}")
print("tab\tsep".expandtabs(4).split(" "), "ß".upper().lower(), "ǅ".istitle(), "Ǆ".lower())
print(str(1e100), str(-0.0), repr(1.1), "%r" % 0.1, "%s" % 1e16, "{}".format(1e-7), f"{1e22}")
print(f"{'abc'!r:>{2+5}}|", f"{3.0:.{2}f}", f"{10:#b}", f"{-5:+05d}", f"{12345678:,d}", f"{0.000123:.2e}")
