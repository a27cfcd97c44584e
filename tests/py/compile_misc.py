# Compiler: finally overriding, generator cleanup, augmented assignment forms.
def f():
    try:
        1/0
    finally:
        return 'swallowed'
print(f())
def f2():
    for i in range(3):
        try:
            raise ValueError
        finally:
            if i < 2:
                continue
            print('last')
    return 'x'
try:
    print(f2())
except ValueError:
    print('VE')
def gen():
    with open_cm() as v:
        try:
            yield v
            yield v + 1
        finally:
            print('gen fin')
class open_cm:
    def __enter__(self): return 10
    def __exit__(self, *a):
        print('exit', a[0])
print(list(gen()))
g = gen(); next(g); g.close()
def cellel():
    x = 1
    def g(): return x
    del x
    try:
        g()
    except NameError as e:
        print('NE', e)
cellel()
def deco(c):
    c.tag = 'decorated'
    return c
@deco
class D:
    pass
print(D.tag)
print([[y * x for y in range(x)] for x in range(4)])
print([(lambda: x)() for x in range(3)])
a = {'k': [1, 2]}
print(a['k'][-1], a.get('z', 'dflt'))
def h():
    try:
        raise KeyError('a')
    except (ValueError, TypeError):
        return 'wrong'
    except KeyError:
        try:
            raise
        except KeyError as e:
            return 'reraised ' + repr(e)
print(h())
def e2():
    try:
        try:
            raise ValueError('inner')
        except ValueError:
            raise TypeError('outer')
    except TypeError as t:
        return repr(t.__context__)
print(e2())
import sys
def e3():
    try:
        raise ValueError
    except ValueError:
        pass
    return sys.exc_info()
print(e3())
def e4():
    try:
        try:
            raise ValueError('x')
        finally:
            print('exc_info in finally:', sys.exc_info()[0].__name__)
    except ValueError:
        pass
    print(sys.exc_info())
e4()
x = [1, 2, 3]
x[1:] = [9]
del x[0]
print(x)
n = 5
n **= 2
n //= 3
n %= 5
n <<= 2
n |= 1
n ^= 3
n &= 6
n >>= 1
n -= 1
n /= 2
print(n)
s = 'ab'
s *= 2
print(s, 7 @ 1 if False else 'matmul-skip')
