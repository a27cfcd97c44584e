# The traceback module's limit argument (first/last entries, 0, and
# sys.tracebacklimit), FrameSummary, StackSummary, extract_tb, walk_tb,
# format_list, extract_stack / format_stack / print_stack and a partial
# TracebackException.  Paths are shown relative to this file's folder.
import io
import sys
import traceback

HERE = traceback.extract_stack()[-1].filename
print(HERE.endswith("mod_traceback_limit.py"))


def clean(text):
    return text.replace(HERE, "SCRIPT")



def a(n):
    if n == 0:
        raise ValueError("deep")
    a(n - 1)


def b():
    a(5)


def show(title, items):
    print("--", title)
    print(clean("".join(items)), end="")


try:
    b()
except ValueError as e:
    for lim in (None, 0, 1, 2, -1, -2, 100, -100):
        show("format_exception %r" % (lim,), traceback.format_exception(e, limit=lim))
        show("format_tb %r" % (lim,), traceback.format_tb(e.__traceback__, lim))
    show("format_exc 3", [traceback.format_exc(3)])
    st = traceback.extract_tb(e.__traceback__)
    print(len(st), type(st).__name__, clean(repr(st[0])), st[0].line, st[-1].lineno, st[-1].name)
    fs = st[0]
    print(clean(str(tuple(fs))), fs[0] == fs.filename, fs[-1], len(fs))
    print(fs == (fs.filename, fs.lineno, fs.name, fs.line), fs == st[0], fs != st[1])
    fn, ln, name, line = fs
    print(clean(fn), ln, name, line)
    show("format_list", traceback.format_list(st))
    show("format_list tuples", traceback.format_list([("x.py", 3, "f", "pass"), ("nofile.py", 7, "g", None)]))
    show("StackSummary.format", st.format())
    ss = traceback.StackSummary.from_list([tuple(x) for x in st[:3]])
    print(ss == st[:3], [x.name for x in ss])
    print([ln for f, ln in traceback.walk_tb(e.__traceback__)])
    print([f.f_code.co_name for f, ln in traceback.walk_tb(e.__traceback__)])
    sys.tracebacklimit = 2
    show("tracebacklimit 2", traceback.format_exception(e))
    show("tracebacklimit 2 tb", traceback.format_tb(e.__traceback__))
    sys.tracebacklimit = -3
    show("tracebacklimit -3", traceback.format_exception(e))
    show("tracebacklimit -3 explicit", traceback.format_exception(e, limit=-3))
    del sys.tracebacklimit


def stack_user():
    return traceback.extract_stack()


def fmt_stack():
    return traceback.format_stack(limit=2)


def g():
    s = stack_user()
    print([(x.name, x.lineno, x.line) for x in s])
    print(clean("".join(fmt_stack())), end="")
    out = io.StringIO()
    traceback.print_stack(file=out)
    traceback.print_stack(limit=-1, file=out)
    print(clean(out.getvalue()), end="")
    print(len(traceback.extract_stack(limit=1)))


g()


def rec(n):
    if n == 0:
        raise RecursionError("bottom")
    rec(n - 1)


def inner():
    raise KeyError("inner")


def outer():
    try:
        inner()
    except KeyError as e:
        raise ValueError("outer") from e


try:
    rec(12)
except RecursionError as e:
    for lim in (None, 2, 5, -2, -6):
        print("--", lim)
        print(clean(traceback.format_exc(lim)), end="")

try:
    outer()
except ValueError as e:
    buf = io.StringIO()
    traceback.print_exc(limit=1, file=buf)
    print(clean(buf.getvalue()), end="")
    buf = io.StringIO()
    traceback.print_exception(e, limit=-1, file=buf, chain=False)
    print(clean(buf.getvalue()), end="")
    buf = io.StringIO()
    traceback.print_tb(e.__traceback__, 1, buf)
    print(clean(buf.getvalue()), end="")
    print(traceback.format_exception(type(e), e, e.__traceback__, 0))
    te = traceback.TracebackException.from_exception(e, limit=1)
    print(clean("".join(te.format())), end="")
    print(te.exc_type.__name__, str(te), len(te.stack), te.__cause__ is not None)
    print(list(te.format_exception_only()))
    print(len(te.__cause__.stack), te.__context__)
    te2 = traceback.TracebackException(type(e), e, e.__traceback__)
    print(len(te2.stack), [f.name for f in te2.stack])
    buf = io.StringIO()
    te2.print(file=buf, chain=False)
    print(clean(buf.getvalue()), end="")


class MySummary(traceback.StackSummary):
    def format_frame_summary(self, fs):
        return "<%s:%s>\n" % (fs.name, fs.lineno)


try:
    rec(6)
except RecursionError as e:
    st = traceback.extract_tb(e.__traceback__)
    print(clean("".join(MySummary.from_list(st).format())), end="")
    print(clean(traceback.StackSummary.from_list(st).format_frame_summary(st[1])), end="")
    print(repr(traceback.FrameSummary("f.py", 1, "h", line="  x = 1  ").line))
    print(traceback.FrameSummary("nofile.py", 1, "h").line == "")
    print(traceback.FrameSummary("f.py", None, "h").line)


def gen():
    yield [ln for f, ln in traceback.walk_stack(None)][:2]


def use_walk():
    return next(gen())


print(use_walk())
s = traceback.StackSummary.extract(traceback.walk_stack(sys._getframe() if hasattr(sys, "_getframe") else None), limit=1)
print(len(s))
try:
    1 / 0
except ZeroDivisionError:
    for lim in (2.5, "x", True):
        try:
            print(traceback.format_exc(lim).splitlines()[-1])
        except Exception as e:
            print(type(e).__name__, e)
sys.tracebacklimit = 1
rec(3)
