# minipy vs CPython 3.11: exception subclasses (custom __init__/__str__, kwargs), chaining as printed, invalid raise/except targets.
import sys, io
def hook(e):
    old = sys.stderr
    sys.stderr = io.StringIO()
    sys.excepthook(type(e), e, e.__traceback__)
    t = sys.stderr.getvalue()
    sys.stderr = old
    return [l for l in t.splitlines() if not l.startswith(" ")]
class MyErr(Exception):
    def __init__(self, code):
        self.code = code
    def __str__(self): return f"code {self.code}"
try:
    raise MyErr(5)
except MyErr as e:
    print(hook(e), e.args, repr(e))
class BadStr(Exception):
    def __str__(self): raise ValueError("x")
try:
    raise BadStr()
except BadStr as e:
    print(hook(e))
class Mod:
    class Inner(Exception): pass
try:
    raise Mod.Inner("deep")
except Exception as e:
    print(hook(e))
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("converted") from z
except ValueError as e:
    print(hook(e))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("ctx") from None
except ValueError as e:
    print(hook(e), e.__suppress_context__, type(e.__context__).__name__)
try:
    raise KeyError("k")
except KeyError as e:
    print(hook(e))
try:
    raise KeyError()
except KeyError as e:
    print(hook(e))
try:
    raise Exception("a", 1)
except Exception as e:
    print(hook(e))
try:
    raise SystemExit(3)
except SystemExit as e:
    print(e.code, repr(e))
try:
    raise StopIteration(7)
except StopIteration as e:
    print(e.value, e.args)
class WithKw(Exception):
    def __init__(self, msg, *, extra=None):
        super().__init__(msg)
        self.extra = extra
try:
    raise WithKw("m", extra=1)
except WithKw as e:
    print(e, e.extra, repr(e))
try:
    Exception(x=1)
except TypeError as e:
    print("TE", e)
e = ValueError("v")
e.custom = 1
print(e.custom, e.__dict__)
print(issubclass(MyErr, BaseException), MyErr.__mro__[1:])
try:
    raise 5
except TypeError as e:
    print("TE", e)
try:
    raise int
except TypeError as e:
    print("TE", e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print("TE", e)
try:
    try:
        pass
    except 5:
        pass
    raise ValueError
except ValueError:
    print("fine")
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print("TE", e)
