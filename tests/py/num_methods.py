# Methods and attributes of int, bool and float.
def show(*label_and_f):
    f = label_and_f[-1]
    try:
        print(*label_and_f[:-1], repr(f()))
    except Exception as e:
        print(*label_and_f[:-1], type(e).__name__, e)

for v in [0, 1, -1, 255, -256, 2 ** 64, -2 ** 64 + 1, 10 ** 30, True]:
    print(v, v.bit_length(), v.bit_count(), v.conjugate(), v.real, v.imag, v.numerator, v.denominator,
          v.as_integer_ratio())
for v in [0.0, 0.75, -0.1, 1e20, 2.5, 1e-300, 5e-324, 3.0]:
    print(v, v.as_integer_ratio(), v.is_integer(), v.hex(), v.conjugate(), v.real, v.imag)
show("ratio inf", lambda: float("inf").as_integer_ratio())
show("ratio nan", lambda: float("nan").as_integer_ratio())
show("hex inf", lambda: (float("inf").hex(), float("-inf").hex(), float("nan").hex(), (-0.0).hex()))
show("to_bytes", lambda: (1024).to_bytes(2, "big"))
show("to_bytes little", lambda: (1024).to_bytes(4, "little"))
show("to_bytes default", lambda: (5).to_bytes())
show("to_bytes signed", lambda: (-1).to_bytes(2, "big", signed=True))
show("to_bytes signed min", lambda: (-128).to_bytes(1, "big", signed=True))
show("to_bytes big", lambda: (2 ** 70 + 1).to_bytes(9, "little"))
show("to_bytes overflow", lambda: (256).to_bytes(1, "big"))
show("to_bytes signed overflow", lambda: (128).to_bytes(1, "big", signed=True))
show("to_bytes neg unsigned", lambda: (-1).to_bytes(1, "big"))
show("to_bytes bad order", lambda: (1).to_bytes(1, "middle"))
show("from_bytes", lambda: int.from_bytes(b"\x04\x00", "big"))
show("from_bytes little", lambda: int.from_bytes(b"\x04\x00", "little"))
show("from_bytes signed", lambda: int.from_bytes(b"\xff\xfe", "big", signed=True))
show("from_bytes big", lambda: int.from_bytes(b"\x01" + b"\x00" * 12, "big"))
show("from_bytes empty", lambda: int.from_bytes(b"", "big"))
show("int dunders", lambda: ((5).__index__(), (5).__int__(), (5).__float__(), (-5).__abs__(), (7).__divmod__(2)))
show("int pow3", lambda: ((3).__pow__(4, 5), pow(3, 4, 5), pow(2 ** 100, 2 ** 100, 10 ** 9 + 7)))
show("float pow3", lambda: pow(2.0, 3, 5))
show("float dunders", lambda: ((2.5).__float__(), (2.5).__int__(), (-2.5).__abs__(), (7.5).__divmod__(2)))
show("rdivmod", lambda: ((2).__rdivmod__(7), (2.0).__rdivmod__(7)))
show("neg pow", lambda: ((-8) ** (1 / 3)) if False else (-2) ** -2)
show("float neg pow", lambda: (-2.0) ** 0.5 if False else (-2.0) ** -3)
show("inf pow", lambda: (float("inf") ** -1, (-float("inf")) ** 3, 1.0 ** float("nan"), float("nan") ** 0))
show("pow overflow", lambda: 10.0 ** 400)
show("pow underflow", lambda: 10.0 ** -400)
show("int pow float", lambda: (2 ** 0.5, 4 ** -0.5, (2 ** 70) ** 0.5))
print(int.__name__, bool.__name__, float.__name__, issubclass(bool, int), isinstance(True, int))
print((-5).__neg__(), (5).__pos__(), (5).__invert__(), (2.5).__neg__(), (0).__bool__(), (0.5).__bool__())
print((3).__add__(4), (3).__radd__(4), (3).__add__(1.5), (3.5).__radd__(1), (3).__lt__(4), (3.0).__eq__(3))
for args in [(0, 0, 'big', False), (-1, 0, 'big', True), (-129, 1, 'big', True), (-128, 1, 'little', True), (2**64-1, 8, 'little', False), (-2**63, 8, 'big', True), (2**63, 8, 'big', True), (255, 1, 'big', True)]:
    v, n, o, s = args
    try:
        print(args, v.to_bytes(n, o, signed=s))
    except Exception as e:
        print(args, type(e).__name__, e)
print((1024).to_bytes(length=2, byteorder='little'), int.from_bytes(b'\xff' * 9, 'little', signed=True), int.from_bytes(b'\x80' + b'\x00' * 8, signed=True))
print(int.from_bytes([1, 2, 3], 'big') if False else 0, True.to_bytes(2, 'big'))
try:
    (5).to_bytes(-1, 'big')
except ValueError as e:
    print(e)
