# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: raising, catching by tuple, finally ordering, else, nested try, re-raise, chaining attributes
# (OSError subclasses/errno, UnicodeDecodeError str, add_note, except*, open() left out: known differences).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
log = []
def f1():
    try:
        log.append('try'); return 'ret'
    finally:
        log.append('finally')
t(f1); print(log)
def f2():
    try:
        return 1
    finally:
        return 2
t(f2)
def f3():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
        finally:
            log.append(('f3', i))
    return i
t(f3); print(log)
def f4():
    try:
        raise KeyError('k')
    except (TypeError, KeyError) as e:
        return 'caught %r %s' % (e, e)
t(f4)
def f5():
    try:
        x = 1
    except Exception:
        return 'exc'
    else:
        return 'else %d' % x
    finally:
        log.append('f5fin')
t(f5)
def f6():
    try:
        try:
            raise ValueError('inner')
        except TypeError:
            return 'wrong'
        finally:
            log.append('inner fin')
    except ValueError as e:
        return 'outer ' + str(e)
t(f6)
def f7():
    try:
        raise ValueError('a')
    except ValueError:
        try:
            raise
        except ValueError as e:
            return 'reraised', e.args
t(f7)
def f8():
    try:
        raise TypeError('x') from KeyError('y')
    except TypeError as e:
        return repr(e.__cause__), repr(e.__context__), e.__suppress_context__
t(f8)
def f9():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError('during')
    except ValueError as e:
        return repr(e.__context__), e.__cause__, e.__suppress_context__
t(f9)
def f10():
    try:
        raise ValueError from None
    except ValueError as e:
        return e.__cause__, e.__suppress_context__, e.args, str(e), repr(e)
t(f10)
def f11():
    e = None
    try:
        raise KeyError
    except KeyError as e:
        pass
    return e
t(f11)
def f12():
    try:
        raise 5
    except TypeError as e:
        return str(e)
t(f12)
def f13():
    try:
        raise int
    except TypeError as e:
        return str(e)
t(f13)
def f14():
    try:
        pass
    except 5:
        pass
    try:
        raise ValueError
    except 5:
        pass
t(f14)
def f15():
    try:
        raise ValueError
    except (5, ValueError):
        return 'x'
t(f15)
t(lambda: KeyError('a')); t(lambda: str(KeyError('a'))); t(lambda: str(KeyError('a', 'b'))); t(lambda: str(KeyError())); t(lambda: repr(ValueError())); t(lambda: str(ValueError(1, 2)))
t(lambda: StopIteration(5).value); t(lambda: SystemExit(3).code); t(lambda: ValueError('x').args)
t(lambda: isinstance(KeyError(), LookupError)); t(lambda: issubclass(ZeroDivisionError, ArithmeticError)); t(lambda: issubclass(ModuleNotFoundError, ImportError)); t(lambda: BaseException.__subclasses__ is not None)
t(lambda: {}['x']); t(lambda: [][0]); t(lambda: ().x); t(lambda: None.foo); t(lambda: undefined_name); t(lambda: int.nope); t(lambda: 'a'.nope)
def f16():
    x = y_local + 1
    y_local = 2
t(f16)
def f17():
    def inner(): return z
    inner()
    z = 1
t(f17)
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
    def __str__(self): return 'E(%s,%s)' % (self.args[0], self.b)
t(lambda: str(E(1, 2))); t(lambda: repr(E(1, 2)))
def f18():
    try:
        raise E(1, 2)
    except Exception as e:
        return type(e).__name__, e.b
t(f18)
def gen():
    try:
        yield 1
        yield 2
    finally:
        log.append('gen closed')
g = gen(); next(g); g.close(); print(log[-1])
def f19():
    try:
        raise StopIteration
    except StopIteration:
        return 'ok'
t(f19)
def g2():
    yield 1
    raise StopIteration
t(lambda: list(g2()))
class CM:
    def __enter__(self): log.append('enter'); return self
    def __exit__(self, *a): log.append(('exit', a[0].__name__ if a[0] else None)); return True
def f21():
    with CM():
        raise KeyError('swallowed')
    return 'after'
t(f21); print(log[-2:])
t(lambda: exec('raise NameError("custom")')); t(lambda: eval('1/0')); t(lambda: int('x'))
def f23():
    try:
        assert 1 == 2, 'msg'
    except AssertionError as e:
        return e.args
t(f23)
def f24():
    try:
        assert False
    except AssertionError as e:
        return e.args
t(f24)
t(lambda: Exception('a') == Exception('a')); t(lambda: KeyboardInterrupt.__mro__); t(lambda: type(StopIteration()).__base__)

t(lambda: ValueError('a').with_traceback(None)); t(lambda: BaseException().args); t(lambda: UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte'));
