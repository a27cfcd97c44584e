# minipy vs CPython 3.11: BaseException.add_note and __notes__ in reports (traceback module and uncaught).
import traceback
try:
    raise ValueError("v")
except ValueError as e:
    e.add_note("first note")
    e.add_note("multi\nline")
    print(e.__notes__)
    print(traceback.format_exc().splitlines()[-4:])
    print(traceback.format_exception_only(type(e), e))
    try:
        e.add_note(5)
    except TypeError as t:
        print("TE", t)
e = KeyError("k")
e.__notes__ = "notalist"
try:
    e.add_note("x")
except TypeError as t:
    print("TE", t)
print(traceback.format_exception_only(type(e), e))
e2 = ValueError()
e2.__notes__ = [1, "two"]
print(traceback.format_exception_only(type(e2), e2))
print(hasattr(ValueError(), "__notes__"))
r = RuntimeError("final")
r.add_note("see docs")
raise r
