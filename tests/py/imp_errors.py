# Failing imports: not found, errors while executing, syntax errors,
# circular imports.
import sys

try:
    import _no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import _no_such_module_here.sub
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from _no_such_module_here import x
except ImportError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))

# an exception while the module runs propagates, and the module is
# removed from sys.modules, so a second import runs it again
for attempt in range(2):
    try:
        import _impraise
    except ZeroDivisionError as e:
        print("attempt", attempt, type(e).__name__, e, "_impraise" in sys.modules)

# a syntax error in an imported file is a SyntaxError
try:
    import _impbad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.filename.endswith("_impbad_syntax.py"))
print("_impbad_syntax" in sys.modules)

# circular imports: the partly initialised module is visible
import _impcirc_a
print(_impcirc_a.use_b(), _impcirc_a._impcirc_b.use_a())
try:
    import _impcirc_c
except ImportError as e:
    print(type(e).__name__, e.name, "partially initialized" in str(e), "circular import" in str(e))
print("_impcirc_c" in sys.modules, "_impcirc_d" in sys.modules)

# bad fromlist items and empty names
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
