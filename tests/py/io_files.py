# open(): text and binary files, reading, writing, positions, newlines.
# Writes only fixed paths under /tmp (overwritten each run).
A = '/tmp/minipy_io_test_a.txt'
B = '/tmp/minipy_io_test_b.bin'
C = '/tmp/minipy_io_test_c.txt'

# --- writing and reading text
with open(A, 'w') as f:
    print(repr(f))
    print(f.name, f.mode, f.encoding, f.errors, f.closed, f.line_buffering)
    print(f.readable(), f.writable(), f.seekable(), f.isatty(), type(f.fileno()))
    print(f.write('first line\n'), f.write('second ünïcode line\n'), f.write(''))
    f.writelines(['third\n', 'fourth\n'])
    print('last', 'line', sep='-', file=f)
    print(f.tell())
print(f.closed, repr(f))

with open(A) as f:
    print(repr(f.read()))
with open(A) as f:
    print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()), f.tell())
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()), f.tell())
with open(A) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(A) as f:
    print(f.readlines(12))
    print(repr(f.read(4)), repr(f.read(100)), repr(f.read(1)))
print(list(open(A))[1:3])
print(open(A).read().splitlines())

# --- append, exclusive create, r+, w+, a+
with open(A, 'a') as f:
    print(f.tell(), f.write('appended\n'), f.tell())
print(open(A).read().count('\n'))
with open(A, 'w+') as f:
    f.write('abc\ndef\n')
    print(f.tell(), f.seek(0), repr(f.read()), f.seek(4), repr(f.readline()))
    print(f.seek(0, 2), f.seek(0, 1), f.tell())
with open(A, 'r+') as f:
    print(repr(f.read(2)), f.tell())
    f.seek(1)
    f.write('XY')
    print(f.tell())
    f.seek(0)
    print(repr(f.read()))
    print(f.truncate(3), f.tell())
print(repr(open(A).read()))
with open(A, 'a+') as f:
    print(f.tell(), repr(f.read()), f.seek(0), repr(f.read()))
    f.write('Z\n')
print(repr(open(A).read()))

# --- newlines
with open(A, 'w', newline='') as f:
    f.write('a\r\nb\rc\nd')
with open(A, 'rb') as f:
    print(f.read())
for nl in (None, '', '\n', '\r', '\r\n'):
    with open(A, newline=nl) as f:
        print(repr(nl), f.readlines(), f.newlines)
    with open(A, newline=nl) as f:
        print(repr(nl), repr(f.read()), f.tell())
for nl in (None, '', '\n', '\r', '\r\n'):
    with open(C, 'w', newline=nl) as f:
        f.write('x\ny\r\nz\r')
    print(repr(nl), open(C, 'rb').read())
with open(A) as f:
    print(repr(f.readline()), f.tell(), repr(f.readline()), repr(f.read(1)), f.tell())

# --- binary
with open(B, 'wb') as f:
    print(repr(f), f.mode, f.name, f.closed, f.raw if False else '')
    print(f.write(b'\x00\x01binary\n\xff'), f.write(bytearray(b'more\n')), f.tell())
    print(f.readable(), f.writable(), f.seekable())
with open(B, 'rb') as f:
    print(repr(f), f.mode, f.read(3), f.tell(), f.read(), f.read(), f.tell())
    print(f.seek(2), f.readline(), f.readline(), f.readline(), f.seek(-3, 2), f.read())
    f.seek(0)
    print(f.readlines(), f.seek(1), f.seek(2, 1), f.read(2))
with open(B, 'r+b') as f:
    print(repr(f), f.read(2), f.write(b'AB'), f.tell(), f.seek(0), f.read(6))
with open(B, 'rb', buffering=0) as f:
    print(repr(f), f.read(4), f.readall(), f.closefd)
print(open(B, 'rb').read())
for line in open(B, 'rb'):
    print(line)

# --- encodings
with open(C, 'w', encoding='latin-1') as f:
    print(repr(f), f.write('café'))
print(open(C, 'rb').read(), open(C, encoding='latin1').read(), open(C, encoding='ISO-8859-1').read())
with open(C, 'w', encoding='utf8') as f:
    f.write('naïve ☃ 😀\n')
print(open(C, 'rb').read(), repr(open(C, encoding='UTF-8').read()))
with open(C, encoding='utf-8') as f:
    print(repr(f.read(3)), f.tell(), repr(f.read(3)), f.tell(), repr(f.readline()), f.tell())
with open(C, 'w', encoding='ascii') as f:
    f.write('plain')
print(open(C, encoding='ascii').read(), repr(open(C, 'rb', buffering=0).read()))
with open(C, 'w', encoding='ascii', errors='replace') as f:
    f.write('é!')
print(open(C).read())

# --- a large file, read line by line (chunk boundaries, multi-byte chars)
with open(C, 'w') as f:
    for i in range(5000):
        f.write('line %d é%s\n' % (i, 'x' * (i % 37)))
n = total = 0
with open(C) as f:
    for line in f:
        n += 1
        total += len(line)
print(n, total, f.closed)
data = open(C, 'rb').read()
print(len(data), len(open(C).read()), len(open(C).readlines()))
with open(C) as f:
    f.read(10000)
    pos = f.tell()
    rest = f.read()
    f.seek(pos)
    print(pos, f.read() == rest)

# --- io module names
import io
print(io.open is open, open, io.FileIO, io.TextIOWrapper, io.BufferedReader,
      io.BufferedWriter, io.BufferedRandom)
print(type(open(A)).__name__, type(open(A, 'rb')).__qualname__, type(open(A, 'rb')).__module__)
print(isinstance(open(A), io.TextIOWrapper), isinstance(open(A, 'rb', buffering=0), io.FileIO))

# --- data written without close() is flushed when the file is collected
# or at exit
g = open(A, 'w')
g.write('pending at exit\n')
open(C, 'w').write('abandoned writer\n')
print(repr(open(C).read()))
h = open(B, 'wb')
h.write(b'binary pending\n')
print('end')
