# Compiler: try/except/else/finally, with, raise from, assert, exception context.
def t1():
    try:
        1 / 0
    except ZeroDivisionError as e:
        print('caught', type(e).__name__, e)
    else:
        print('else')
    finally:
        print('fin')
t1()
def t2():
    try:
        return 1
    finally:
        print('fin2')
print(t2())
def t3():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print('body', i)
        finally:
            print('f', i)
    return 'done'
print(t3())
def t4():
    try:
        try:
            raise ValueError('x')
        except TypeError:
            print('no')
    except ValueError as e:
        print('outer', e)
    try:
        raise KeyError(1)
    except (TypeError, KeyError) as e:
        print('tuple', repr(e))
    try:
        raise
    except RuntimeError as e:
        print(e)
t4()
def t5():
    try:
        try:
            1/0
        finally:
            print('inner fin')
    except ZeroDivisionError:
        print('got it')
t5()
def t6():
    try:
        raise ValueError('a')
    except ValueError:
        try:
            raise TypeError('b')
        except TypeError as e:
            print(repr(e.__context__))
t6()
class CM:
    def __init__(self, name, suppress=False):
        self.name = name; self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None)
        return self.suppress
with CM('a') as c, CM('b'):
    print('in', c.name)
with CM('s', True):
    raise ValueError
print('after')
def t7():
    with CM('r'):
        return 42
print(t7())
def t8():
    for i in range(3):
        with CM(i):
            if i == 1: break
t8()
try:
    with CM('x'):
        raise KeyError('k')
except KeyError as e:
    print('propagated', e)
def t9():
    try:
        raise ValueError(1)
    except ValueError as e:
        pass
    try:
        print(e)
    except NameError as ne:
        print('NameError', ne)
    except UnboundLocalError as ue:
        print('ULE', ue)
t9()
try:
    raise ValueError('a') from KeyError('b')
except ValueError as e:
    print(repr(e.__cause__))
assert True
try:
    assert 1 == 2, 'msg'
except AssertionError as e:
    print('assert', e)
try:
    assert False
except AssertionError as e:
    print('assert2', repr(e))
def t10():
    try:
        return 'try'
    finally:
        return 'finally'
print(t10())
def t11():
    x = 0
    while True:
        try:
            x += 1
            if x > 3:
                return x
        except:
            pass
print(t11())
import sys
def t12():
    try:
        raise ValueError
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info())
t12()
