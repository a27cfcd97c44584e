# A getset descriptor of a built-in type applied to an object of another
# type must raise TypeError (CPython's descr_check), not read the object
# through the owner's layout.
def t(f):
    try:
        print(f())
    except BaseException as e:
        print(type(e).__name__, e)

t(lambda: type.__dict__['__name__'].__get__(5))
t(lambda: type.__dict__['__qualname__'].__get__('abc'))
t(lambda: type.__dict__['__mro__'].__get__([]))
t(lambda: type.__dict__['__dict__'].__get__(5))
t(lambda: type.__dict__['__name__'].__set__(5, 'x'))
t(lambda: type.__dict__['__qualname__'].__set__(int, 'x'))
t(lambda: BaseException.__dict__['args'].__get__(5))
t(lambda: BaseException.__dict__['args'].__set__(5, ()))
t(lambda: BaseException.__dict__['__traceback__'].__get__(5))
t(lambda: BaseException.__dict__['__context__'].__set__([], None))
t(lambda: StopIteration.__dict__['value'].__get__(KeyError()))
t(lambda: type((x for x in [])).__dict__['gi_frame'].__get__(5))
t(lambda: type(lambda: 0).__dict__['__code__'].__get__(5))
t(lambda: type(lambda: 0).__dict__['__code__'].__set__(5, (lambda: 0).__code__))
t(lambda: int.__dict__['real'].__get__('x'))
t(lambda: slice.__dict__['start'].__get__(5))
t(lambda: range.__dict__['start'].__get__(5))
# still fine on the right objects and on subclasses
class M(type):
    pass
class C(metaclass=M):
    pass
t(lambda: type.__dict__['__name__'].__get__(C))
t(lambda: type.__dict__['__qualname__'].__set__(C, 'Q'))
t(lambda: C.__qualname__)
t(lambda: BaseException.__dict__['args'].__get__(KeyError(1, 2)))
t(lambda: type.__dict__['__name__'].__get__(None, type))
