# sys.tracebacklimit and the interpreter's own report of an uncaught
# exception: the last N entries of each traceback in the chain (none, and
# no "Traceback" header, when it is 0 or negative).  The code runs from a
# "<tl>" pseudo-file so that the kept entries show no path.
import sys

SRC = """
def a(n):
    if n == 0:
        raise ValueError("deep")
    a(n - 1)

def b():
    try:
        a(4)
    except ValueError:
        raise KeyError("b") from None

def c():
    try:
        a(3)
    except ValueError as e:
        raise TypeError("c")

def run(f):
    f()
"""
exec(compile(SRC, "<tl>", "exec"))
sys.excepthook(KeyError, KeyError("plain"), None)
for limit in (2, 0, -1, True):
    sys.tracebacklimit = limit
    print("-- limit", limit, flush=True)
    try:
        run(c)
    except TypeError as e:
        sys.excepthook(type(e), e, e.__traceback__)
sys.tracebacklimit = 2
run(b)
