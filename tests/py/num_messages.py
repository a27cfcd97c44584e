# Argument-count and constructor error messages of int and float methods.
for e in ['(5).__float__(1)','(5).__abs__(1)','(5).__int__(1)','(5).__index__(1)','(5).__trunc__(1)','(5).__floor__(1)','(5).conjugate(1)','(2.5).__float__(1)','(2.5).__trunc__(1)','(2.5).is_integer(1)','(2.5).__abs__(1)','(2.5).__int__(1)','(5).__divmod__()', '(2.5).__divmod__()','(5).__pow__()', 'float(b"abc")','(5).__round__(1,2)', '(2.5).__round__(1,2)','(5).__rdivmod__()', '(5).__pow__(1,2,3)','(2.5).__pow__(1,2,3)', '(2.5).__pow__()','(5).__rpow__()','(5).from_bytes()','int.from_bytes(b"", "big", 1)','(2.5).__round__(x=1)','(5).__round__(ndigits=1)','(2.5).as_integer_ratio(1)','(5).as_integer_ratio(1)','(5).bit_count(1)','(5).__ceil__(1)','(2.5).conjugate(1)','(2.5).hex(1)', 'float.fromhex()', 'float.fromhex("1", "2")','(5).__divmod__(1,2)', 'float(b" 2.5 ")', 'True.bit_length(3)']:
    try: print(repr(e), '->', repr(eval(e)))
    except Exception as ex: print(repr(e), '->', type(ex).__name__, repr(str(ex)))
tests = [lambda: int(x=5), lambda: int("5", base=10, x=1), lambda: int("10", 2.5), lambda: bool(x=1), lambda: float("1", "2"),
         lambda: int(1, 2, 3), lambda: float(x=1), lambda: bool(1, 2), lambda: int(base=16), lambda: int("z", base=2**70),
         lambda: int.from_bytes(), lambda: (5).bit_length(1), lambda: (5).to_bytes(1, "big", True), lambda: (2.5).hex(1),
         lambda: float.fromhex(5), lambda: int.__new__(str, 5), lambda: (5).__round__(1, 2), lambda: round(5, 1.5),
         lambda: int("5", "10"), lambda: int(b"  12  "), lambda: float(b"1.5"),
         lambda: (3).__pow__(2, 5), lambda: (3).__pow__(2, 5.0), lambda: pow(3, 2, 5.0)]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
