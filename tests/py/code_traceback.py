# The traceback module's formatting functions (used by code's
# showtraceback/showsyntaxerror): lists, chaining, print_exc to a file.
import io
import sys
import traceback


def inner():
    raise KeyError("inner")


def outer():
    try:
        inner()
    except KeyError as e:
        raise ValueError("outer") from e


try:
    outer()
except ValueError as e:
    items = traceback.format_exception(e)
    print(len(items), items[0], items[-1], end="")
    print([i.split(", ", 1)[1].splitlines()[0] for i in items if i.startswith("  File")])
    print(repr(items[4]))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception(type(e), e, None, chain=False))
    text = traceback.format_exc()
    print(text.count("Traceback"), "direct cause" in text)
    f = io.StringIO()
    traceback.print_exc(file=f)
    print(f.getvalue() == text)
    tb = e.__traceback__
    print(len(traceback.format_tb(tb)), len(traceback.format_tb(tb.tb_next)))

try:
    compile("a b", "<src>", "exec")
except SyntaxError as e:
    lines = traceback.format_exception_only(e)
    print([l for l in lines if l.strip(" ^~\n")])

print(traceback.format_exception_only(None), traceback.format_exception(None))
print(traceback.format_exc(), end="")
try:
    traceback.format_exception(1)
except TypeError as e:
    print("TypeError", e)
try:
    traceback.format_exception(KeyError, KeyError(1))
except ValueError as e:
    print("ValueError", e)
try:
    raise OSError("gone")
except OSError:
    print(traceback.format_exc().splitlines()[-1])
    sys.stdout.write("".join(traceback.format_exception(*sys.exc_info())[-1:]))
