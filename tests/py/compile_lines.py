# Compiler: the line table (traceback line of each frame) for multi-line statements.
def boom(*a, **k):
    raise ValueError('b')
class O:
    def meth(self, *a):
        boom()
o = O()
tests = [
"""x = [
    1,
    boom(),
]""",
"""y = (1 +
     boom())""",
"""o.meth(
    1,
    2)""",
"""o \\
  .meth(1)""",
"""d = {
  'a': boom(
    1),
}""",
"""z = o.missing_attr""",
"""for q in boom(
   ):
    pass""",
"""with boom():
    pass""",
"""assert (1 ==
   2), 'm'""",
"""if (1 and
      boom()):
    pass""",
]
import sys
for t in tests:
    try:
        exec(compile(t, 'snippet', 'exec'))
    except Exception as e:
        tb = e.__traceback__
        lines = []
        while tb:
            lines.append(tb.tb_lineno)
            tb = tb.tb_next
        print(type(e).__name__, lines)
tests2 = [
"""@boom
def f():
    pass""",
"""class C:
    x = 1
    y = boom()""",
"""r = [boom(x)
     for x in range(3)]""",
"""f = lambda: boom()
f()""",
"""s = f'{
boom()}'""",
"""q = (1 /
  0)""",
"""q = {}[
  'k']""",
"""def g():
    return (1,
        boom())
g()""",
"""x = 1
x += (
  'a')""",
"""raise ValueError(
    'm')""",
"""del undefined_thing""",
"""a, b = (
   1, 2, 3)""",
"""import nonexistent_mod_xyz""",
"""from math import (
   nothing_here)""",
"""o.meth(1)(
  2)""",
"""boom(1)[
  0]""",
"""x = [i for i in range(3)][
  5]""",
"""def gen():
    yield 1
    boom()
list(gen())""",
"""try:
    boom()
finally:
    pass""",
"""try:
    boom()
except ValueError:
    raise KeyError('x')""",
]
for t in tests2:
    try:
        exec(compile(t, 'snippet', 'exec'), {'boom': boom, 'o': o})
    except Exception as e:
        tb = e.__traceback__
        lines = []
        while tb:
            lines.append(tb.tb_lineno)
            tb = tb.tb_next
        print(type(e).__name__, lines[1:])
