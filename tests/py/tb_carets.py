# Caret lines under traceback source lines (CPython 3.11): the cases are
# in _tb_carets_cases.py, compiled under that relative name so that the
# expected output holds no absolute path.  Each case is printed by the
# traceback module and by the C printer (sys.excepthook); the run ends with
# an uncaught exception, cut by sys.tracebacklimit to the helper's frames.
import sys

with open("_tb_carets_cases.py", encoding="utf-8") as f:
    src = f.read()
ns = {"__name__": "_tb_carets_cases"}
exec(compile(src, "_tb_carets_cases.py", "exec"), ns)
ns["main"]()
sys.tracebacklimit = 2
ns["final"]()
