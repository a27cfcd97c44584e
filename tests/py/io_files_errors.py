# open(): argument checking, OS errors, closed files, unsupported operations,
# decode errors.
import io
A = '/tmp/minipy_io_test_e.txt'
with open(A, 'w') as f:
    f.write('abc\n')

def t(fn, *args, **kw):
    try:
        r = fn(*args, **kw)
        print(getattr(fn, '__name__', fn), repr(r) if not hasattr(r, 'close') else type(r).__name__)
    except Exception as e:
        print(getattr(fn, '__name__', fn), args, type(e).__name__, e)

for mode in ['rw', 'rr', 'q', 'rbt', 'r++', '+', 'b', '', 'U', 'rU', 5, 'wx', 'ra']:
    t(open, A, mode)
t(open, A, 'rb', encoding='utf-8')
t(open, A, 'rb', errors='strict')
t(open, A, 'rb', newline='')
for kw in [dict(encoding=5), dict(errors=5), dict(newline=5), dict(newline='x'),
           dict(buffering='x'), dict(buffering=0), dict(encoding='foo'),
           dict(closefd=False), dict(buffering=2.5)]:
    t(open, A, 'r', **kw)
for bad in [[], 2.5, None, 'f\0x', b'f\0']:
    t(open, bad)

# OS errors and their attributes
for path, mode in [('/tmp/minipy_no_such_dir/x', 'r'), ('nope.txt', 'r'), ('/tmp', 'r'),
                   ('/tmp', 'w'), (A, 'x'), (A + '/sub', 'r'), ('/proc/version', 'w')]:
    try:
        open(path, mode)
    except OSError as e:
        print(type(e).__name__, e, e.errno, e.strerror, e.filename, e.args)
        print(isinstance(e, OSError), repr(e))
try:
    open('nope.txt')
except FileNotFoundError as e:
    print('caught', e)
e = OSError(2, 'No such file or directory', 'nope.txt')
print(type(e).__name__, e, e.args, e.filename2)
print(OSError('x'), OSError('x').errno, OSError(1, 'a'), type(OSError(13, 'p')).__name__,
      type(OSError(17, 'e')).__name__, type(OSError(99, 'z')).__name__)
print(FileExistsError.__mro__[1].__name__, NotADirectoryError(20, 'Not a directory'))

# closed files
for mode in ['r', 'rb', 'w', 'wb', 'rb+']:
    f = open(A, mode)
    f.close()
    f.close()
    print(mode, repr(f), f.closed)
    for name in ['read', 'readline', 'readlines', 'tell', 'flush', 'fileno', 'readable',
                 'writable', 'seekable', 'isatty', 'truncate', '__enter__', '__next__', '__iter__']:
        t(getattr(f, name))
    t(f.write, b'x' if 'b' in mode else 'x')
    t(f.seek, 0)
    t(f.writelines, [])
    try:
        with f:
            pass
    except ValueError as e:
        print('with', e)

# unsupported operations
with open(A, 'w') as f:
    f.write('abc\n')
f = open(A, 'r'); t(f.write, 'x'); t(f.writelines, ['x']); t(f.truncate, 0); f.close()
f = open(A, 'rb'); t(f.write, b'x'); t(f.truncate, 0); t(f.read, 'x'); f.close()
f = open(A, 'w'); t(f.read); t(f.readline); t(f.readlines); t(f.__next__)
t(f.write, b'x'); t(f.write, 5); t(f.read, 2.0); f.close()
f = open(A, 'wb'); t(f.read); t(f.readline); t(f.write, 'x'); t(f.write, bytearray(b'xy')); f.close()
f = open(A, 'rb', buffering=0); t(f.write, b'x'); t(f.read, 1); f.close()
try:
    open(A).write('x')
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e, isinstance(e, OSError))

with open(A, 'w') as f:
    f.write('a\nb\nc\n')
f = open(A, 'r')
t(f.seek, 1, 1); t(f.seek, 1, 2); t(f.seek, -1); t(f.seek, 0, 3); t(f.seek, 0, 2); t(f.tell)
f.seek(0)
next(f)
t(f.tell)
t(f.seek, 0); t(f.tell)
f.close()
f = open(A, 'rb'); t(f.seek, 1, 1); t(f.seek, -1, 2); t(f.seek, -10); t(f.tell); f.close()

# decode errors
with open(A, 'wb') as f:
    f.write(b'\xffabc')
try:
    open(A).read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    open(A, encoding='ascii').readline()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
with open(A, 'wb') as f:
    f.write(b'ok\nbad \xe9\xff line\n')
with open(A) as f:
    try:
        f.readline()
    except ValueError as e:
        print(type(e).__name__, e)
print(repr(open(A, errors='replace').read()), repr(open(A, errors='ignore').read()))
print(repr(open(A, encoding='latin-1').read()))
with open(A, 'wb') as f:
    f.write(b'trunc \xe2\x82')
try:
    open(A).read()
except UnicodeDecodeError as e:
    print(e)
try:
    with open(A, 'w', encoding='ascii') as f:
        f.write('caf\xe9')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print(repr(open(A).read()))
