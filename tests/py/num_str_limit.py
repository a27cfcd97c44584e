# sys.set_int_max_str_digits() governs int <-> str conversions.
import sys
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)), int("7" * 5000) % 1000)
sys.set_int_max_str_digits(640)
for f in [lambda: str(10 ** 700), lambda: int("1" * 641), lambda: len(str(10 ** 639)), lambda: int("2" * 640) % 10,
          lambda: repr(-10 ** 640), lambda: hex(16 ** 1000)[:10], lambda: int("f" * 1000, 16) % 7]:
    try:
        print(f())
    except ValueError as e:
        print(e)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4999)))
