# The compiler fuses frequent instruction pairs (LOAD_FAST LOAD_FAST,
# LOAD_FAST LOAD_CONST, STORE_FAST LOAD_FAST): an error in either half must
# be reported as if they ran apart, and jumps into the second half work.
import traceback


def two_loads(flag):
    if flag:
        b = 1
    a = 2
    return a + b


def store_then_load(flag):
    if flag:
        y = 1
    x = 5
    return x, y


def loop_jumps(n):
    total = 0
    i = 0
    while i < n:
        total = total + i
        i = i + 1
    return total, i


def split_lines(flag):
    a = 1
    if flag:
        c = 2
    return (a,
            c)


for fn in (two_loads, store_then_load, split_lines):
    print(fn(True))
    try:
        fn(False)
    except UnboundLocalError as e:
        print(type(e).__name__, e, e.__traceback__.tb_next.tb_lineno)
print(loop_jumps(10), loop_jumps(0))
try:
    split_lines(False)
except UnboundLocalError:
    traceback.print_exc()
split_lines(False)
