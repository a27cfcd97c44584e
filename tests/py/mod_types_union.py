import types, typing
u = int | None
print(u, type(u), int | str | None, int | int, (int | str) == (str | int), isinstance(3, int | str), isinstance(3.0, int | str))
print(issubclass(bool, int | str), u.__args__, None | int)
def f(x: int | None = None, y: str | None = None) -> dict[str, int | float]:
    return {}
print(f.__annotations__)
print(typing.get_args(int | str), typing.get_origin(int | str) is types.UnionType, typing.Union[int, str] == (int | str))
print(typing.Optional[int | str], typing.Union[int | str, float])
print(int | typing.List[int], typing.List[int] | None)
try: int | 3
except TypeError as e: print(e)
try: int | "str"
except TypeError as e: print(e)
class A: pass
print(A | None, hash(int | str) == hash(str | int))
