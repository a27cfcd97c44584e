def f(xs: list[int], d: dict[str, list[int]]) -> tuple[int, ...]:
    return tuple(xs)
print(f([1,2], {}), f.__annotations__)
print(list[int], dict[str, int], tuple[()], type[int], list[int] == list[int], list[int](range(3)))
import collections
print(list[int].__origin__, list[int].__args__)
print(type(list[int]))
print(list[int].append is list.append, set[str], frozenset[int], dict[str, int].fromkeys("ab"))
class Box:
    def __class_getitem__(cls, item):
        return f"Box of {item.__name__}"
print(Box[int])
try:
    int[str]
except TypeError as e:
    print(type(e).__name__, e)
