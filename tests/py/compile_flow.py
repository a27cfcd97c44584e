# Compiler: break/continue/return through except, finally and with blocks.
import sys
def f():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(('ok', i))
        except ValueError as e:
            out.append(('exc', e.args[0]))
            if i == 1:
                continue
            break
        else:
            out.append('else')
        finally:
            out.append(('fin', i))
    out.append(sys.exc_info()[0])
    return out
print(f())
def g():
    while True:
        try:
            raise KeyError
        except KeyError:
            try:
                return 'nested-return'
            finally:
                print('inner finally', sys.exc_info()[0].__name__)
print(g(), sys.exc_info())
def h():
    for x in [1]:
        with CM():
            try:
                continue
            finally:
                print('fin-before-exit')
    return 'h'
class CM:
    def __enter__(self): print('enter')
    def __exit__(self, *a): print('exit', a)
print(h())
def k():
    try:
        pass
    except:
        pass
    else:
        return 'else-return'
print(k())
def deep(n):
    try:
        if n == 0:
            raise RuntimeError('bottom')
        return deep(n - 1)
    finally:
        pass
try:
    deep(5)
except RuntimeError as e:
    print(e)
