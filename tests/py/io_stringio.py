# io.StringIO: reading, writing, seeking, overwriting, errors, and use as
# sys.stdout / print(file=...).
import io
import sys

s = io.StringIO("hello\nworld\n")
print(repr(s.read(3)), s.tell(), repr(s.readline()), repr(s.readlines()))
print(repr(s.read()), repr(s.readline()), s.tell())
print(s.seek(2), s.write("XY"), repr(s.getvalue()), s.tell())
print(s.seek(0, 2), s.seek(20), s.write("Z"), repr(s.getvalue()))
s.seek(0)
print(s.truncate(3), repr(s.getvalue()), s.tell())
s.seek(1)
print(s.truncate(), repr(s.getvalue()), s.seek(0, 1))
bad = [lambda: s.write(3), lambda: s.seek(-1), lambda: s.seek(0, 3),
       lambda: s.seek(1, 1), lambda: s.seek(1, 2), lambda: s.read("x"),
       lambda: s.truncate(-1), lambda: io.StringIO(5),
       lambda: io.StringIO("a", "bad"), lambda: s.seek(1.5)]
for f in bad:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
s.close()
print(s.closed)
for f in [lambda: s.write("a"), lambda: s.getvalue(), lambda: s.read(),
          lambda: s.tell(), lambda: s.seek(0), lambda: iter(s), lambda: next(s),
          lambda: s.readable(), lambda: s.readlines()]:
    try:
        print(f())
    except ValueError as e:
        print("ValueError", e)
s.close()

t = io.StringIO()
print(t.readable(), t.writable(), t.seekable(), t.isatty(), t.newlines, t.encoding)
print(t.writelines(["a\n", "b"]), list(io.StringIO("x\ny\nz")), repr(t.getvalue()))
with io.StringIO("q") as u:
    print(u.read())
print(u.closed)
print(repr(io.StringIO("a\r\nb\rc\n", newline=None).read()))
print(io.StringIO("a\r\nb\rc\n", newline="").readlines())
print(io.StringIO("a\r\nb\rc\n").readlines())
print(io.StringIO("a\nb\n", newline="\r\n").getvalue().encode())
v = io.StringIO()
v.write("a\nb")
print(repr(v.read()), v.tell(), repr(v.readline()))
print(type(t).__name__, type(t).__module__, isinstance(t, io.TextIOBase), isinstance(t, io.IOBase))
print(io.StringIO("abc").read(None), io.StringIO("abc").read(-5), io.StringIO("ab\ncd").readline(1))
print(io.StringIO("a\nb\nc").readlines(1), io.StringIO(None).getvalue() == "", t.flush())
print(io.StringIO(initial_value="kw").read(), io.SEEK_END)
try:
    t.fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e, isinstance(e, OSError))

# Capturing output.
buf = io.StringIO()
print("to", "buf", sep="_", end="!\n", file=buf)
old = sys.stdout
sys.stdout = io.StringIO()
print("captured", 1, 2)
sys.stdout.write("direct\n")
got = sys.stdout.getvalue()
sys.stdout = old
print(repr(buf.getvalue()), repr(got))
big = io.StringIO()
for i in range(2000):
    big.write("%d," % i)
print(len(big.getvalue()), big.getvalue()[-10:])


class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())


w = Upper()
print("shout", file=w)
print(repr(w.getvalue()))
