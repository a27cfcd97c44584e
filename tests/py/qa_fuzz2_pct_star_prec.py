# '%' formatting: a '*' precision is converted to a C int and a written
# precision must fit in one; out-of-range values raise instead of wrapping
# around to a negative (or zero) precision.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: "%.*f" % (2**40, 1.0))
t(lambda: "%.*f" % (2**31, 1.0))
t(lambda: "%.*f" % (-2**31 - 1, 1.0))
t(lambda: "%.*f" % (-2**31, 1.0))
t(lambda: "%.*e" % (2**32 + 3, 1.0))
t(lambda: "%.*s" % (2**32 + 1, "abc"))
t(lambda: "%.2147483648f" % 1.0)
t(lambda: "%.4294967299s" % "abc")
t(lambda: "%*d" % (2**100, 1))
t(lambda: "%.*d" % (2**100, 1))
t(lambda: "%*d" % ("x", 1))
t(lambda: b"%.*f" % (2**31, 1.0))
t(lambda: b"%.*f" % (3, 1.0))
t(lambda: "%*.*f|" % (-8, 2, 1.0))
t(lambda: "%.*f" % (True, 1.25))
t(lambda: "%.2147483647s" % "ab")
