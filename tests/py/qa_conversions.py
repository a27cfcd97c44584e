# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: int/float/str conversions and their errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: str(1.0)); t(lambda: str(True)); t(lambda: str(None)); t(lambda: int(True)); t(lambda: float(True)); t(lambda: bool('False'))
t(lambda: int('+5')); t(lambda: int('-0')); t(lambda: int('0b101', 0)); t(lambda: int('0o17', 0)); t(lambda: int('0b2', 0)); t(lambda: int('09', 0))
t(lambda: int('1 2')); t(lambda: int('1.5')); t(lambda: int(' ')); t(lambda: int('0x', 16)); t(lambda: int('-0x10', 16)); t(lambda: int('_1'))
t(lambda: int(5, 10)); t(lambda: int('5', base=10)); t(lambda: int(x='5')); t(lambda: float('1e500')); t(lambda: float('-1e-500')); t(lambda: float('infinity'))
t(lambda: float('+nan')); t(lambda: float('1.')); t(lambda: float('.5')); t(lambda: float('.')); t(lambda: float('1e')); t(lambda: float('0x1p3'))
t(lambda: bool(0.0)); t(lambda: bool(-0.0)); t(lambda: bool(float('nan')))
t(lambda: int('9' * 5000)); t(lambda: len(str(10**4299))); t(lambda: str(10**4300))
t(lambda: chr(65)); t(lambda: chr(-1)); t(lambda: chr(0x110000)); t(lambda: ord('')); t(lambda: ord('ab')); t(lambda: ord(b'a'))
t(lambda: float('١٢٣')); t(lambda: int('\u0661\u0662')); t(lambda: int(' 0x_1f ', 16)); t(lambda: int('0_7', 0)); t(lambda: int('00', 0)); t(lambda: int('007', 0))
