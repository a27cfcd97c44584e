# A file written without close() is flushed when it is collected (gc.collect
# here; io_files.py checks the flush at exit by leaving files open).
import gc
A = '/tmp/minipy_io_test_d.txt'
f = open(A, 'w')
f.write('x' * 10)
print(repr(open(A).read()))   # still buffered in f (f is alive)
f.flush()
print(repr(open(A).read()))
f.write('y')
del f
gc.collect()
print(repr(open(A).read()))
