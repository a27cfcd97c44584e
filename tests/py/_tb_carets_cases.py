"""Cases for tb_carets.py: functions that fail in many kinds of
expressions, so that their traceback entries show CPython 3.11's caret
lines.  Compiled by tb_carets.py under this relative file name, so the
expected output holds no absolute path."""
import sys
import traceback


def both(f, *a):
    """The traceback module's printer, then the C one (sys.excepthook)."""
    try:
        f(*a)
    except Exception as e:
        traceback.print_exc()
        sys.excepthook(type(e), e, e.__traceback__)
    print("--", f.__name__, flush=True)


def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        traceback.print_exc()


def sub(x):
    return x[1] + 2


def sub_spaced(d):
    return d [ "k" ]


def binop(a, b):
    return a + b * 2


def binop_parens(a, b):
    return (a) ** b


def binop_nested(a, b, c):
    return ((a + b) - (c  //  a)) * 3


def g(z):
    return z.nope


def call_assign(z):
    y = g(z)
    return y


class C:
    def meth(self, v):
        return 1 / v


def method_call(c):
    r = c.meth(0)
    return r


def attr_error(o):
    return o.missing_attr.other


def multi_line(a):
    total = (a +
             "x")
    return total


def multi_call(o):
    return (o
            .meth(0))


def indented(flag):
    if flag:
        for i in range(1):
            while True:
                value = {"a": 1}["b"]
                break


def non_ascii(s):
    x = "héllo wörld"; return s["ñ"] + x


def non_ascii2(s):
    t = "日本語"; u = t + s
    return u


def whole_line(v):
    g(v)


def raising():
    raise ValueError("boom")


def comp(xs):
    return [1 / x for x in xs]


def lam():
    f = lambda v: v["q"] - 1
    return f({"q": "s"})


def fstr(v):
    return f"value: {v + 1:>5}"


def store_sub(t):
    t[0] = 5


def unary(v):
    return -v


def kwcall(v):
    return int(v, base=10)


def chained_compare(a):
    return 1 < a < "z"


def trailing_comment(a):
    return a + "s"  # comment after


def starcall(v):
    return max(*v)


def aug(v):
    v += "s"
def cmp(a):
    return a < "z"
def forloop(v):
    for i in v:
        pass
def store_attr(v):
    v.attr = 1
def delsub(d):
    del d["x"]
def nonascii_left(s):
    return "é" + s
def genexp(v):
    return sum(1 / x for x in v)
def nested_args(v):
    return len(int(v))
def withstmt(v):
    with v:
        pass
def slicing(v):
    return v[1:2] + 1
def tuplesub(d):
    return d[1, 2]
def deco(v):
    @v
    def inner():
        pass
def assertion(v):
    assert v, "no"
def unpack(v):
    a, b = v
def modop(a):
    return a % 3 // "x"
def ifexp(a):
    return 1 if a["k"] else 2
def dictlit(a):
    return {a: 1}
def callkw(f):
    return f(1, x=2)
def longop(a):
    return a ** 2 @ a
def notcaret(a):
    a()
def builtin_err(a):
    return int("x" + a)
def semicolon(a):
    b = 1; return a[b]


def main():
    for f, a in [(sub, ([1],)), (sub_spaced, ({},)), (binop, ("a", 1)), (binop_parens, (2, "x")),
                 (binop_nested, (1, 2, "c")), (call_assign, (5,)), (method_call, (C(),)), (attr_error, (3,)),
                 (multi_line, (1,)), (multi_call, (C(),)), (indented, (True,)), (non_ascii, ({},)),
                 (non_ascii2, (1,)), (whole_line, (1,)), (raising, ()), (comp, ([1, 0],)), (lam, ()),
                 (fstr, ("s",)), (store_sub, ((1,),)), (unary, ("s",)), (kwcall, ("q",)),
                 (chained_compare, (2,)), (trailing_comment, (1,)), (starcall, (5,))]:
        show(f, *a)
        print("--", f.__name__, flush=True)

    for f, a in [(binop_nested, (1, 2, "c")), (sub, ([1],)), (method_call, (C(),)), (multi_line, (1,)),
                 (non_ascii, ({},)), (comp, ([1, 0],)), (lam, ()), (trailing_comment, (1,))]:
        try:
            f(*a)
        except Exception as e:

            sys.excepthook(type(e), e, e.__traceback__)
        print("==", f.__name__, flush=True)
    for f, a in [(aug, (1,)), (cmp, (1,)), (forloop, (1,)), (store_attr, (1,)), (delsub, ({},)),
                 (nonascii_left, (1,)), (genexp, ([0],)), (nested_args, ("x",)), (withstmt, (1,)),
                 (slicing, ([1, 2],)), (tuplesub, ({},)), (deco, (1,)), (assertion, (0,)), (unpack, (1,)),
                 (modop, (5,)), (ifexp, ({},)), (dictlit, ([],)), (callkw, (len,)), (longop, (2,)),
                 (notcaret, (1,)), (builtin_err, ("y",)), (semicolon, ([1],))]:
        both(f, *a)


def final():
    x = [1, 2]
    y = x[0] + binop_nested(1, 2, "c")
    return y
