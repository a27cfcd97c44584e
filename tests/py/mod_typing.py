import typing as t
from typing import Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable, Iterable, Iterator, Generator, Sequence, Mapping, MutableMapping, Type, TypeVar, Generic, Protocol, NamedTuple, TypedDict, Literal, Final, ClassVar, cast, overload, TYPE_CHECKING, get_type_hints, NoReturn
print(t.Optional[int], t.Union[int, str], t.Union[int], t.Union[int, None, str], t.List, t.List[int], t.Dict[str, t.List[int]])
print(t.Callable[[int], str], t.Callable[..., int], t.Tuple[int, ...], t.Tuple[int, str], t.Any, t.Literal['a', 1], t.Final[int], t.ClassVar[int])
print(t.Type[int], t.Iterable[int], t.Set, t.FrozenSet[int], t.Optional[t.List[int]], t.Callable[[], None])
T = t.TypeVar('T'); print(T, t.List[T], t.Generic[T], t.TypeVar('K', bound=int), t.TypeVar('C', covariant=True))
print(t.get_origin(t.List[int]), t.get_args(t.Dict[str, int]), t.get_args(t.Optional[int]), t.get_origin(t.Optional[int]))
print(t.NoReturn, t.Sequence[int], t.Mapping[str, int], t.Generator[int, None, None], t.Iterator, t.Union[int, str] == t.Union[str, int], t.Optional[int] == t.Union[int, None])
print(t.List[int].__origin__, t.List[int].__args__, t.Callable[[int], str].__args__, t.get_args(t.Callable[[int], str]))
try: isinstance([], t.List[int])
except TypeError as e: print(e)
print(isinstance([], t.List), isinstance({}, t.Mapping), isinstance(3, t.Hashable), isinstance(3, t.Union[int, str]), isinstance(3.0, t.Optional[int]))
print(TYPE_CHECKING, cast(int, 'x'), cast('List[int]', 5))
def f(a: int, b: Optional[str] = None) -> Dict[str, List[int]]:
    return {}
print(f.__annotations__)
print(get_type_hints(f))
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int]()
s.push(3)
print(s.pop(), Stack[int], Stack.__parameters__, Stack.__mro__)
class P(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return abs(self.x) + abs(self.y)
p = P(3)
print(p, p.norm(), P._fields, P._field_defaults, P.__annotations__, isinstance(p, tuple), p._replace(y=5), p._asdict())
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1))
try:
    class Bad(NamedTuple):
        a: int = 0
        b: int
except TypeError as e: print(e)
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='Blade', year=1982)
print(m, type(m), Movie.__annotations__, sorted(Movie.__required_keys__))
class PM(Movie, total=False):
    extra: str
print(sorted(PM.__optional_keys__), sorted(PM.__required_keys__))
class Greeter(Protocol):
    def greet(self) -> str: ...
class Eng:
    def greet(self) -> str: return 'hi'
def use(g: Greeter) -> str: return g.greet()
print(use(Eng()))
@t.runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(3, Closer))
try: isinstance(Eng(), Greeter)
except TypeError as e: print(e)
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(2), g('s'))
class C:
    a: int
    b: ClassVar[str] = 'x'
    c: 'List[int]'
print(get_type_hints(C))
print(Literal['r', 'w'], Literal[1] == Literal[1], t.Annotated[int, 'meta'], t.get_args(t.Annotated[int, 'm']))
UserId = t.NewType('UserId', int)
print(UserId(5), UserId)
try: t.Union[()]
except TypeError as e: print(e)
try: t.Optional[int, str]
except TypeError as e: print(type(e).__name__)
try: t.Any()
except TypeError as e: print(e)
try: t.List[int, str]
except TypeError as e: print(e)
class MyList(List[int]): pass
print(MyList.__mro__[1], MyList([1]), t.Deque[int]([1, 2]))
try: t.List[int]([1, 2])
except TypeError as e: print(e)
print(t.Dict[str, int] == t.Dict[str, int], hash(t.List[int]) == hash(t.List[int]))
print(t.Union[int, t.Union[str, float]], t.Union[int, int], t.Optional[t.Union[int, str]])
print(issubclass(list, t.Sequence), issubclass(dict, t.Sequence))
print(t.Self, t.AnyStr, t.Text, t.SupportsInt, isinstance(3, t.SupportsInt))
