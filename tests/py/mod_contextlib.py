from contextlib import contextmanager, suppress, redirect_stdout, nullcontext, closing, ExitStack
import io
@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)
with tag('a') as v:
    print('inside', v)
try:
    with tag('b'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', repr(e))
with swallow():
    raise KeyError('k')
print('after')
with suppress(ZeroDivisionError):
    1/0
print('suppressed ok')
try:
    with suppress(KeyError):
        1/0
except ZeroDivisionError as e:
    print('not suppressed', e)
buf = io.StringIO()
with redirect_stdout(buf):
    print('hidden')
print(repr(buf.getvalue()))
with nullcontext(5) as x:
    print(x)
class Res:
    def close(self): print('closed')
with closing(Res()) as r:
    print(type(r).__name__)
with ExitStack() as st:
    for n in 'xyz':
        st.enter_context(tag(n))
    st.callback(print, 'cb', 1)
    print('body')
@tag('deco')
def f(): print('in f')
f()
@contextmanager
def noyield():
    if False: yield
try:
    with noyield(): pass
except RuntimeError as e: print(e)
try:
    with ExitStack() as st:
        st.callback(print, 'cleanup')
        raise IndexError('ie')
except IndexError as e: print('IE', e)
