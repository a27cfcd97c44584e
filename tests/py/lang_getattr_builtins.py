# minipy vs CPython 3.11: getattr/setattr/delattr/hasattr argument handling and error propagation.
class O: pass
o = O()
for f, args in [(getattr, (o, 1)), (setattr, (o, 1, 2)), (delattr, (o, 1)), (hasattr, (o, 1)), (getattr, (o,)), (getattr, (o, "a", 1, 2))]:
    try:
        print(f(*args))
    except TypeError as e:
        print("TE", e)
setattr(o, "with space", 1)
print(getattr(o, "with space"), vars(o))
try:
    delattr(o, "nope")
except AttributeError as e:
    print("AE", e)
print(getattr(o, "nope", None), hasattr(o, "with space"))
class Raiser:
    @property
    def p(self): raise ValueError("not attr error")
try:
    hasattr(Raiser(), "p")
except ValueError as e:
    print("VE", e)
try:
    getattr(Raiser(), "p", "dflt")
except ValueError as e:
    print("VE", e)
print(getattr(1, "real"), getattr("s", "upper")(), getattr(O, "__name__"))
s = "attr"
setattr(o, s + "1", 5)
print(o.attr1)
class Str(str): pass
setattr(o, Str("sub"), 3)
print(o.sub, getattr(o, Str("sub")))
