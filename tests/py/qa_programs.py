# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: ordinary program features: dunders, properties, inheritance, closures, decorators, collections
# (__slots__ enforcement and the match statement left out: known differences).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class Vec:
    __slots__ = ('x', 'y')
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __repr__(self): return f'Vec({self.x}, {self.y})'
    def __iter__(self): yield self.x; yield self.y
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __neg__(self): return Vec(-self.x, -self.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __bool__(self): return bool(self.x or self.y)
    def __lt__(self, o): return tuple(self) < tuple(o)
v = Vec(1, 2)
t(lambda: v + Vec(3, 4)); t(lambda: 3 * v); t(lambda: v * 3); t(lambda: -v); t(lambda: list(v)); t(lambda: v[1]); t(lambda: v[-1]); t(lambda: v[5]); t(lambda: {v: 1}[Vec(1, 2)]); t(lambda: sorted([Vec(2, 1), v])); t(lambda: bool(Vec(0, 0)))
t(lambda: v - v); t(lambda: v @ v); t(lambda: v < 1); t(lambda: x in v for x in [1]); t(lambda: 2 in v); t(lambda: [*v]); t(lambda: dict([v]))
class P:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, x):
        if x < 0: raise ValueError('neg')
        self._v = x
p = P(); p.v = 5; t(lambda: p.v)
def perr(): p.v = -1
t(perr)
class RO:
    @property
    def r(self): return 1
def roerr(): RO().r = 2
t(roerr)
def delro(): del RO().r
t(delro)
class Base:
    count = 0
    def __init__(self): Base.count += 1; self.name = type(self).__name__
    def hello(self): return 'base ' + self.name
    def __init_subclass__(cls, **kw): cls.registered = True
class Kid(Base):
    def hello(self): return 'kid/' + super().hello()
t(lambda: Kid().hello()); t(lambda: Base.count); t(lambda: Kid.registered); t(lambda: Kid.__mro__); t(lambda: isinstance(Kid(), Base)); t(lambda: Kid.__bases__); t(lambda: vars(Kid())); t(lambda: Kid().__class__.__name__)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c(); t(lambda: c())
G = 1
def setg():
    global G
    G += 1
setg(); t(lambda: G)
def deco(f):
    def w(*a, **k):
        return ('deco', f(*a, **k))
    return w
@deco
def dd(x, y=2): return x + y
t(lambda: dd(1)); t(lambda: dd(1, y=5)); t(lambda: dd.__name__)
t(lambda: [y := 5, y ** 2]); t(lambda: [(lambda x=i: x)() for i in range(3)]); t(lambda: (lambda *a, **k: (a, k))(1, 2, z=3))
def dl():
    x = [1, 2, 3]; del x[0]; y = 5; del y
    return x, 'y' in locals()
t(dl)
def delerr():
    z = 1; del z; return z
t(delerr)
t(lambda: [i for i in range(3)][-1]); t(lambda: {i: j for i, j in zip('ab', 'cd')}); t(lambda: sum(1 for _ in range(10) if _ % 2))
class Meta(type):
    def __call__(cls, *a): return ('meta', a)
class UsesMeta(metaclass=Meta): pass
t(lambda: UsesMeta(1))
class WithCls:
    items = []
    @classmethod
    def make(cls, *a): obj = cls(); obj.items = list(a); return obj
    def __repr__(self): return f'{type(self).__name__}({self.items})'
    def __eq__(self, o): return self.items == o.items
t(lambda: WithCls.make(1, 2)); t(lambda: WithCls.make(1) == WithCls.make(1)); t(lambda: WithCls.make(1) != WithCls.make(2)); t(lambda: WithCls() in [WithCls()])
class Num:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return Num(o + self.v)
    def __iadd__(self, o): self.v += o; return self
    def __repr__(self): return 'Num(%r)' % self.v
n = Num(1); n += 5; t(lambda: n); t(lambda: 10 + Num(2)); t(lambda: sum([Num(1), Num(2)]) if False else sum([1, 2], Num(0)) if False else 0); t(lambda: Num(1) + 1)
import string
t(lambda: string.ascii_letters); t(lambda: string.digits); t(lambda: string.punctuation); t(lambda: string.capwords(' hello  world '))
import collections
t(lambda: collections.Counter('abracadabra').most_common(2)); t(lambda: collections.OrderedDict(a=1)); t(lambda: collections.defaultdict(list)['x']); t(lambda: collections.namedtuple('Pt', 'x y')(1, 2)); t(lambda: collections.deque([1, 2], maxlen=2))
t(lambda: collections.Counter(a=2, b=1) + collections.Counter(a=1)); dq = collections.deque(); dq.appendleft(1); dq.append(2); dq.rotate(1); t(lambda: dq); Pt = collections.namedtuple('Pt', ['x', 'y']); t(lambda: Pt(1, y=2)._replace(x=5)); t(lambda: Pt._fields); t(lambda: Pt(1, 2)._asdict())
