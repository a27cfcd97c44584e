# InteractiveInterpreter: runsource/runcode, error display through write(),
# sys.last_*, SystemExit, and subclasses overriding the hooks.
import code
import sys


class Capture(code.InteractiveInterpreter):
    def __init__(self, locals=None):
        super().__init__(locals)
        self.out = []

    def write(self, data):
        self.out.append(data)

    def flush_out(self, label):
        text = "".join(self.out)
        self.out = []
        lines = [l for l in text.splitlines() if l.strip(" ^~")]
        print(label, lines)


ii = Capture()
print(sorted(ii.locals), ii.locals["__name__"])
print(ii.runsource("def f(n):\n    return g(n) + 1\n"))
print(ii.runsource("def g(n):\n    return 10 // n\n"))
print(ii.runsource("f(0)"))
ii.flush_out("nested:")
print(sys.last_type.__name__, type(sys.last_value).__name__, sys.last_traceback is not None)
print(ii.runsource("x = (1,\n 2", "<here>"))
print(ii.runsource("x = (1,\n 2,)", "<here>"), ii.locals["x"])
print(ii.runsource("   x = 1", "<indent>"))
ii.flush_out("indent:")
print(ii.runsource("for x in :", "<syn>"))
ii.flush_out("syntax:")
print(sys.last_type.__name__, sys.last_value.filename)
print(ii.runsource("1/0", "<exec>", "exec"))
ii.flush_out("exec:")
print(ii.runsource("raise ValueError('bad') from KeyError('k')"))
ii.flush_out("chained:")
print(ii.runsource("undefined_name_xyz"))
ii.flush_out("name:")
try:
    ii.runsource("raise SystemExit(3)")
except SystemExit as e:
    print("SystemExit propagates", e.code)
print(ii.runsource("[1, 2][5]", symbol="eval"))
ii.flush_out("eval:")
ii.runcode(compile("q = 7 * 6", "<c>", "exec"))
print(ii.locals["q"])


class Hooks(code.InteractiveInterpreter):
    def runcode(self, co):
        print("runcode got", type(co).__name__)
        super().runcode(co)

    def showtraceback(self):
        print("showtraceback:", sys.exc_info()[0].__name__)

    def showsyntaxerror(self, filename=None):
        print("showsyntaxerror:", filename, sys.exc_info()[0].__name__)


h = Hooks({})
h.runsource("1 + 1")
h.runsource("1 / 0")
h.runsource("1 +", "<f>", "exec")
h.runsource("def (")

# A custom excepthook takes precedence over write().
ii2 = Capture({})
sys.excepthook = lambda t, v, tb: print("hook:", t.__name__, v)
ii2.runsource("{}['k']")
ii2.runsource("x = = 1")
sys.excepthook = sys.__excepthook__
print(ii2.out)
