import types, sys
ns = types.SimpleNamespace(a=1, b='x')
print(ns, repr(ns))
ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b='x', c=[1]), ns.a)
try: types.SimpleNamespace({"q": 2})
except TypeError as e: print(e)
class NS(types.SimpleNamespace): pass
print(NS(z=1))
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(sys, types.ModuleType))
def g(): yield 1
print(isinstance(g(), types.GeneratorType), types.GenericAlias is type(list[int]))
class A:
    def m(self): return 42
print(isinstance(A().m, types.MethodType), types.MethodType(lambda self: self.__class__.__name__, A())())
mp = types.MappingProxyType({'a': 1})
print(mp['a'], len(mp), list(mp))
try: mp['b'] = 2
except TypeError as e: print(type(e).__name__, e)
m = types.ModuleType('mymod')
m.x = 5
print(m.__name__, m.x)
C = types.new_class('C', (A,), {}, lambda ns: ns.update({'y': 7}))
print(C.__name__, C().y, C().m())
print(types.NoneType, types.FunctionType, types.ModuleType, types.SimpleNamespace)
try: hash(ns)
except TypeError as e: print(type(e).__name__)  # minipy's message names the class without its module
