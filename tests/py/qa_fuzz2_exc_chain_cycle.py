# Exception chains that loop (__cause__/__context__ cycles) print each
# exception once, as CPython does, in the traceback module and uncaught.
import traceback
def show(e):
    print(''.join(traceback.format_exception(type(e), e, None)), end='')
    print('--')
e = ValueError("a"); e.__cause__ = e
show(e)
e1 = ValueError("a"); e2 = KeyError("b"); e1.__context__ = e2; e2.__context__ = e1
show(e1)
e1 = ValueError("a"); e2 = KeyError("b"); e1.__cause__ = e2; e2.__cause__ = e1
show(e2)
e1 = ValueError("a"); e2 = KeyError("b"); e3 = TypeError("c")
e1.__context__ = e2; e2.__cause__ = e3; e3.__context__ = e2
show(e1)
e = ValueError("self"); e.__context__ = e
show(e)
e1 = ValueError("a"); e2 = KeyError("b"); e1.__cause__ = e2; e2.__context__ = e1
try:
    raise e1
except ValueError as x:
    # the script's own path differs between checkouts
    print(traceback.format_exc().replace(__file__, 'SCRIPT'), end='')
print('--')
raise e1
