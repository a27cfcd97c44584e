# InteractiveConsole: push() buffering, interact() with scripted input,
# prompts, banners, exit messages, KeyboardInterrupt, code.interact().
import code
import io
import sys


class Scripted(code.InteractiveConsole):
    def __init__(self, lines, **kw):
        super().__init__(**kw)
        self.lines = list(lines)
        self.log = []

    def raw_input(self, prompt=""):
        self.log.append(prompt)
        if not self.lines:
            raise EOFError
        line = self.lines.pop(0)
        if line == "^C":
            raise KeyboardInterrupt
        return line

    def write(self, data):
        self.log.append(data)


c = Scripted(["def f(a):", "    return a * 3", "", "f(4)", "if f(1):", "^C",
              "f(", "2)", "nope", "'end'"], locals={"__name__": "__main__"})
c.interact(banner="hello")
for item in c.log:
    print(repr(item))
print(c.buffer, sorted(c.locals))

# The default banner names the class; the default exit message too.
d = Scripted([])
d.interact()
print(d.log[0].splitlines()[-1], repr(d.log[-1]))
d = Scripted([])
d.interact(banner="", exitmsg="")
print(d.log)

# push() keeps the buffer while more input is needed.
p = code.InteractiveConsole(filename="<mine>")
print(p.filename, p.push("x = [1,"), p.buffer, p.push("2]"), p.buffer)
p.resetbuffer()
print(p.push("if x:"), p.buffer)
p.resetbuffer()
print(p.buffer, p.locals["x"])

# code.interact with a readfunc; its output goes to sys.stderr.
feed = iter(["a = 5", "a * 2", "1/0"])


def readfunc(prompt):
    print("prompt", repr(prompt))
    return next(feed)


old = sys.stderr
sys.stderr = io.StringIO()
try:
    code.interact(banner="B", readfunc=readfunc, local={}, exitmsg="bye")
except StopIteration:
    print("StopIteration escapes interact")
text = sys.stderr.getvalue()
sys.stderr = old
print(repr(text))
print(sys.ps1, sys.ps2)
