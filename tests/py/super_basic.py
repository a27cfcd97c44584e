# super(): zero-argument and explicit forms, descriptors, MRO order, errors.

class A:
    def __init__(self, x):
        self.x = x
        print("A.__init__", x)
    def who(self):
        return "A"
    @classmethod
    def make(cls):
        return "make " + cls.__name__
    @staticmethod
    def helper(v):
        return "helper %s" % v
    @property
    def prop(self):
        return "A.prop of " + type(self).__name__
    def __repr__(self):
        return "<%s x=%r>" % (type(self).__name__, self.x)

class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        print("B.__init__", y)
    def who(self):
        return "B>" + super().who()
    @classmethod
    def make(cls):
        return "B." + super().make()
    @property
    def prop(self):
        return "B.prop/" + super().prop
    def helper_via_super(self):
        return super().helper(7)

b = B(1, 2)
print(b, b.who(), B.make(), b.make(), b.prop, b.helper_via_super())

# cooperative multiple inheritance follows the MRO of the instance
class Base:
    def hello(self):
        return ["Base"]

class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()

class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()

class Diamond(Left, Right):
    def hello(self):
        return ["Diamond"] + super().hello()

print(Diamond().hello())
print([c.__name__ for c in Diamond.__mro__])
print(super(Left, Diamond()).hello())

# explicit two-argument forms
print(super(B, b).who())
print(super(B, B).make())
print(super(B, B).who(b))
print(type(super(B, B).who).__name__, type(super(B, b).who).__name__)
print(super(A, b).__repr__ is not None)

# super objects
s = super(B, b)
print(repr(s))
print(s.__thisclass__.__name__, s.__self__ is b, s.__self_class__.__name__)
print(repr(super(B)))
print(super(B, b).__class__.__name__)

# __init__ chains and __new__
class Counted:
    count = 0
    def __new__(cls, *args):
        Counted.count += 1
        return super().__new__(cls)

class Point(Counted):
    def __init__(self, x, y):
        super().__init__()
        self.x, self.y = x, y

p = Point(1, 2)
q = Point(3, 4)
print(Counted.count, p.x, q.y)

# built-in base classes
class MyList(list):
    def append(self, v):
        super().append(v * 2)
    def __len__(self):
        return super().__len__() + 100

m = MyList()
m.append(1)
m.append(5)
print(m, len(m))

class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, str(v))

d = MyDict()
d["a"] = 1
print(d)

# super() in a method that is a generator
class C(A):
    def who(self):
        for _ in range(2):
            yield super().who()

print(list(C(0).who()))

# errors
for expr in ["super(1, 2)", "super(B, 1)", "super(B, A(9))", "super(B, b).missing",
             "super(A, b).who2", "super(B, b, 3)"]:
    try:
        print(eval(expr))
    except Exception as e:
        print(type(e).__name__, e)
try:
    super(B, x=1)
except TypeError as e:
    print(type(e).__name__, e)

def not_a_method():
    return super()

try:
    not_a_method()
except RuntimeError as e:
    print(type(e).__name__, e)

class NoArgs:
    def f():
        return super()

try:
    NoArgs.f()
except RuntimeError as e:
    print(type(e).__name__, e)
