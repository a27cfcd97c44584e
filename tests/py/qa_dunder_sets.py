# Which operator dunders each built-in type has (as CPython: list has no
# __sub__), and the in-place ones called directly.
import collections
names = ["add","sub","mul","matmul","truediv","mod","pow","lshift","rshift","or","xor","and","floordiv"]
types = {"bytes":bytes,"bytearray":bytearray,"dict":dict,"dict_keys":type({}.keys()),"dict_items":type({}.items()),"dict_values":type({}.values()),"float":float,"int":int,"list":list,"deque":collections.deque,"type":type,"set":set,"frozenset":frozenset,"str":str,"tuple":tuple,"range":range}
for n,t in types.items():
    have=[k for k in names if ("__%s__"%k) in t.__dict__]
    rhave=[k for k in names if ("__r%s__"%k) in t.__dict__]
    ihave=[k for k in names if ("__i%s__"%k) in t.__dict__]
    print(n, have, rhave, ihave)
print(hasattr([], '__sub__'), hasattr('', '__rmod__'), hasattr(1.0, '__lshift__'), hasattr(1, '__matmul__'))
print([1] + [2], [1] * 2, 2 * [1], 'a%s' % 1, {1} - {2}, {1: 2} | {3: 4}, 7 << 1, 2.0 ** 3, int | str)
print(True | False, True & 1, (1).__add__(2), [1].__add__([2]), (3).__rsub__(10), 2.5.__rtruediv__(5))
b = bytearray(b'ab'); c = b; b *= 2; print(b, c, b is c)
b += b'x'; print(c)
print(b.__iadd__(b'yz'), b.__imul__(2), c)
for bad in [(b.__iadd__, 5), (b.__imul__, 'a'), (b.__imul__, 2.0)]:
    try: bad[0](bad[1])
    except TypeError as e: print('TypeError', e)
d = {1: 2}; e = d; d |= {3: 4}; print(e, d.__ior__({5: 6}), d.__ior__([(7, 8)]))
try: d.__ior__(5)
except TypeError as ex: print('TypeError', ex)
b *= 0; print(c, b *  -1)
x = bytearray(b'q'); y = x; x *= True; print(y is x, y)
m = type.__dict__
try:
    m |= {}
except TypeError as e:
    print(e)
try:
    m.__ior__({})
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
