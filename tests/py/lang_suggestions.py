# "Did you mean" hints: CPython 3.11 adds them when it prints an exception
# (sys.excepthook, uncaught errors), not in str(e) nor in the traceback
# module.  Each case prints the last line sys.excepthook writes.
import io
import sys
import traceback


def hook_line(e):
    old = sys.stderr
    sys.stderr = io.StringIO()
    try:
        sys.excepthook(type(e), e, e.__traceback__)
        text = sys.stderr.getvalue()
    finally:
        sys.stderr = old
    return text.rstrip("\n").split("\n")[-1]


def show(f):
    try:
        f()
    except Exception as e:
        print(hook_line(e))
        print("  str:", str(e))
        print("  fmt:", traceback.format_exception_only(type(e), e)[-1].rstrip())


length = 10
counter_value = 3

def local_case():
    number_of_items = 4
    return number_of_itmes

def global_case():
    return lenght

def builtin_case():
    return lenn([1])

def builtin_case2():
    return prnt

def case_only():
    Length = 1
    return lENGTH

def far_away():
    return zzzzqqq

def local_beats_global():
    lenghx = 1
    return lenght

def short_name():
    x = 1
    return y

def del_global():
    global counter_valeu
    del counter_valeu

for f in [local_case, global_case, builtin_case, builtin_case2, case_only, far_away,
          local_beats_global, short_name, del_global]:
    show(f)


class Foo:
    cls_attr = 1
    def __init__(self):
        self.value = 1
        self.values_list = []
    def method_one(self):
        pass

def attr_cases():
    yield lambda: Foo().vaule
    yield lambda: Foo().method_on()
    yield lambda: Foo().cls_atr
    yield lambda: Foo.method_onee
    yield lambda: (1).real_
    yield lambda: "abc".uper()
    yield lambda: [].appendd(1)
    yield lambda: {}.itmes()
    yield lambda: Foo().completely_different_name
    yield lambda: getattr(Foo(), "valeu")
    yield lambda: sys.argvv
    yield lambda: io.StringIo

for f in attr_cases():
    show(f)

# name / obj attributes
try:
    Foo().vaule
except AttributeError as e:
    print(e.name, type(e.obj).__name__)
try:
    getattr(1, "reall")
except AttributeError as e:
    print(e.name, e.obj)
try:
    undefined_thing
except NameError as e:
    print(e.name)
e = AttributeError("x", name="q", obj=1)
print(e.name, e.obj)
print(NameError("m").name, AttributeError("m").obj)

# a __getattr__ that raises gets name/obj as well
class G:
    def __getattr__(self, n):
        raise AttributeError("custom " + n)
    def something(self):
        pass
try:
    G().somethin
except AttributeError as e:
    print(e, e.name, type(e.obj).__name__)
    print(hook_line(e))

# user-raised AttributeError without name: no hint
try:
    raise AttributeError("value")
except AttributeError as e:
    print(hook_line(e))

# a chained exception gets its hint too
try:
    try:
        lenght
    except NameError:
        Foo().vaule
except AttributeError as e:
    old = sys.stderr
    sys.stderr = io.StringIO()
    sys.excepthook(type(e), e, e.__traceback__)
    lines = sys.stderr.getvalue().split("\n")
    sys.stderr = old
    print([l for l in lines if "Error" in l])

# The `name` attribute of NameErrors raised by the interpreter
def unbound_local():
    print(x); x = 1
try: unbound_local()
except NameError as e: print(repr(e.name))
def free_var():
    def h(): return w
    h()
    w = 1
try: free_var()
except NameError as e: print(repr(e.name), hook_line(e))
class InBody:
    try:
        zz
    except NameError as e:
        print(repr(e.name))
try:
    exec("qq")
except NameError as e:
    print(repr(e.name))
try:
    del undefined_global_x
except NameError as e:
    print(repr(e.name), e)
def comp():
    return [lenght for i in range(1)]
try:
    comp()
except NameError as e:
    print(hook_line(e))
