# QA probe (issue "Breadth"): print/file objects and sys streams with stdin at EOF.
import sys
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: input()); t(lambda: input('prompt> ')); t(lambda: sys.stdin.read()); t(lambda: sys.stdin.readline())
class NoWrite: pass
t(lambda: print('x', file=NoWrite()))
class W:
    def write(self, s): raise OSError('disk')
t(lambda: print('x', file=W()))
t(lambda: print('a', 'b', sep='', end='', file=sys.stdout)); print()
t(lambda: sys.stdout.flush()); t(lambda: print(*[1, 2, 3], sep='\n')); t(lambda: print(*'abc')); t(lambda: print(end='')); t(lambda: print('é€😀'))
t(lambda: sys.stdout.write('x' * 3 + '\n')); t(lambda: sys.stdout.writelines(['a\n', 'b\n'])); t(lambda: sys.stdout.encoding); t(lambda: sys.stdout.isatty())
t(lambda: print('\x00\x01')); t(lambda: print(b'bytes')); t(lambda: print(None, True, 1.0, [None])); t(lambda: repr(print('')))
