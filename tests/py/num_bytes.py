# int(), float() and int.from_bytes() with bytes-like arguments.
print(int.from_bytes([1, 0], "big"), int.from_bytes(bytearray(b"\x01\x02"), "little"), int.from_bytes((255,), "big", signed=True))
for f in [lambda: int.from_bytes(5, "big"), lambda: int.from_bytes("ab", "big"), lambda: int.from_bytes([256], "big"), lambda: int(bytearray(b"1x")), lambda: float(bytearray(b"1x")), lambda: float(bytearray(b" 1e3 "))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(float(bytearray(b"2")), int(bytearray(b"12")), int(b" -7 "), float(b"-inf"))
