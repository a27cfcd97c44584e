# codeop.CommandCompiler keeps the parse of the buffer it saw last: every
# kind of next call (longer, shorter, different, other symbol) must give
# what a fresh compile_command gives.
import codeop

cc = codeop.CommandCompiler()


def show(source, symbol="single"):
    try:
        r = cc(source, "<in>", symbol)
        got = "None" if r is None else "code"
    except SyntaxError as e:
        got = "%s: %s (line %s)" % (type(e).__name__, e.msg, e.lineno)
    try:
        r = codeop.compile_command(source, "<in>", symbol)
        fresh = "None" if r is None else "code"
    except SyntaxError as e:
        fresh = "%s: %s (line %s)" % (type(e).__name__, e.msg, e.lineno)
    print(repr(source[-20:]), symbol, got, "" if got == fresh else "MISMATCH " + fresh)


lines = ["def f(x):", "    y = x + 1", "    if y:", "        return y", "    return 0", ""]
buf = []
for line in lines:
    buf.append(line)
    show("\n".join(buf))
show("\n".join(buf[:3]))                # shorter than before
show("def g():\n    pass\n")            # unrelated text
show("def g():\n    return 1 +")        # error
show("def g():\n    return 1 +\n    2")  # extends an error: starts over
show("x = (1,\n")
show("x = (1,\n2)")
show("x = (1,\n2)", "exec")
show("x = (1,\n2)", "eval")
show("(1,\n2)", "eval")
show("")
show("# just a comment")
show("# just a comment\n")
show("   \n\n")
show("if True:\n    pass\n\n\n")
show("if True:\n    return 5\n")
show("if True:\n    return 5\n\n")
show("for i in range(3):\n    break\nelse:\n")
show("class C:\n    def m(self):\n        nonlocal q\n")
show("a = 1\nb = 2")
show("a = 1\nb = 2", "exec")
show("lambda: (yield)")
show("@dec\n")
show("@dec\ndef h(): pass\n")
show("'''unfinished\n")
show("'''unfinished\nstill'''")
for bad in [None, 5]:
    try:
        cc(bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    cc("x", "<in>", "nope")
except ValueError as e:
    print("ValueError", e)
