# __build_class__: what the class statement runs (metaclass selection,
# __prepare__, class keywords, the __class__ cell used by super()).
class Base:
    def hello(self):
        return "Base.hello"

class Child(Base):
    def hello(self):
        return "Child+" + super().hello()
    def cls(self):
        return __class__.__name__

print(Child().hello(), Child().cls(), Child.__bases__, Child.__name__, Child.__qualname__)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], sorted(kw))
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), sorted(kw))
        return type.__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        type.__init__(cls, name, bases, ns)

class WithMeta(Base, metaclass=Meta, flavour="x"):
    x = 1

print(type(WithMeta).__name__, WithMeta.injected, WithMeta.x)

class Sub(WithMeta):
    pass

print(type(Sub).__name__)

def make(name, bases, ns):
    return name + "!" + str(sorted(k for k in ns if not k.startswith("__")))

class NotAClass(metaclass=make):
    y = 2

print(NotAClass)

class M1(type):
    pass

class M2(type):
    pass

class A1(metaclass=M1):
    pass

class A2(metaclass=M2):
    pass

try:
    class Both(A1, A2):
        pass
except TypeError as e:
    print(type(e).__name__, e)

Dyn = type("Dyn", (Base,), {"z": 3})
print(Dyn().z, Dyn().hello(), Dyn.__name__)
