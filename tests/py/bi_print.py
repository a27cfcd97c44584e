# print() and input(): separators, end, file objects, flush, and a
# replaced sys.stdout (any object with a write method).
import sys

print()
print(1, "two", 3.0, None, [4], (5,), {6: 7})
print("a", "b", sep="")
print("a", "b", sep=None, end=None)
print("x", "y", sep=", ", end="!\n")
print("no newline", end="")
print(" -- continued")
print(*range(5), sep="-")
print("flushed", flush=True)

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")

c = Capture()
print("to", "file", sep="+", file=c)
print("again", file=c, flush=True)
print(c.parts)

old = sys.stdout
sys.stdout = c
print("captured", 1)
sys.stdout = old
print(c.parts[-3:])

class Loud:
    def __str__(self):
        return "LOUD"
    def __repr__(self):
        return "Loud()"

print(Loud(), [Loud()], str(Loud()), repr(Loud()))
print(sys.stdout.write("written\n"))
sys.stdout.flush()
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
sys.stdout = None
print("dropped")
sys.stdout = old
print("back")

class Bad:
    def __str__(self):
        raise ValueError("no str")

try:
    print("before", Bad(), "after")
except ValueError as e:
    print()
    print("error:", e)
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    input()
except EOFError as e:
    print(type(e).__name__, e)
