# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: finally overriding, break in finally,
# context/cause, traceback.format_exc, exception class hierarchy.
# (generator closed on `del` left out: minipy has no reference counting).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
def f1():
    try:
        raise ValueError('lost')
    finally:
        return 'finally wins'
t(f1)
def f2():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i
t(f2)
def f3():
    try:
        raise ValueError('a')
    except ValueError:
        raise TypeError('b')
    finally:
        print('f3 finally')
t(f3)
def f4():
    try:
        raise KeyError('x') from 5
    except TypeError as e:
        return str(e)
t(f4)
def f5():
    try:
        raise ValueError
    except ValueError as e:
        return e.__traceback__ is not None, type(e.__traceback__).__name__
t(f5)
def f6():
    try:
        try:
            raise ValueError('inner')
        finally:
            raise KeyError('from finally')
    except KeyError as e:
        return repr(e.__context__)
t(f6)
def f7():
    e1 = ValueError('x')
    try:
        raise e1
    except ValueError as e:
        return e is e1
t(f7)
def f8():
    try:
        raise ValueError('a')
    except ValueError as e:
        err = e
    return err.args, str(err)
t(f8)
import traceback, sys
def f9():
    try:
        1 / 0
    except ZeroDivisionError:
        s = traceback.format_exc()
        return s.splitlines()[0], s.splitlines()[-1]
t(f9)
def f10():
    try:
        raise KeyError('k')
    except KeyError as e:
        return traceback.format_exception_only(type(e), e)
t(f10)
def f11():
    try:
        [][1]
    except IndexError:
        et, ev, tb = sys.exc_info()
        return et.__name__, str(ev), tb.tb_lineno > 0
t(f11)
def f12():
    try:
        raise
    except RuntimeError as e:
        return str(e)
t(f12)
def f14():
    class CustomErr(Exception):
        def __init__(self, code):
            self.code = code
    try:
        raise CustomErr(42)
    except CustomErr as e:
        return e.code, e.args, str(e), repr(e)
t(f14)
def f15():
    try:
        raise Exception('a', 'b')
    except Exception as e:
        return str(e), repr(e), e.args[1]
t(f15)
def f16():
    results = []
    for exc in [ValueError, TypeError, KeyError, IndexError, ZeroDivisionError]:
        try:
            raise exc('m')
        except (ValueError, TypeError) as e:
            results.append(('vt', type(e).__name__))
        except LookupError as e:
            results.append(('lookup', type(e).__name__))
        except Exception as e:
            results.append(('other', type(e).__name__))
        else:
            results.append('else')
    return results
t(f16)
def f17():
    x = 0
    while True:
        try:
            x += 1
            if x < 3: continue
            return x
        finally:
            print('loop finally', x)
t(f17)
def f18():
    try:
        return 'try'
    finally:
        print('finally before return value used')
t(f18)
def f19():
    try:
        int('x')
    except ValueError as e:
        raise RuntimeError('wrapped') from e
try:
    f19()
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__)
def f20():
    try:
        raise StopIteration('si')
    except Exception as e:
        return type(e).__mro__
t(f20)
t(lambda: issubclass(StopAsyncIteration, Exception)); t(lambda: ArithmeticError.__subclasses__())
