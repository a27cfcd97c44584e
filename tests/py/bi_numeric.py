# Numeric builtins: abs, round, divmod, pow, min/max/sum with numbers,
# chr/ord, hex/oct/bin, including big ints and user classes.
print(abs(-5), abs(3.5), abs(-0.0), abs(True), abs(-2**70), abs(-9223372036854775808))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.25, 1), round(1234, -2), round(7))
print(round(2.675, 2), round(True), type(round(2.5)).__name__, round(1e20), round(-1.5))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(2**70, 7))
print(pow(2, 10), pow(2, -1), pow(2.0, 0.5), pow(3, 4, 5), pow(3, -1, 7), pow(-3, 3, 7), pow(2, 100, 10**9 + 7))
print(pow(7, 2, -5), pow(2**70, 3, 1000), pow(base=2, exp=5), pow(2, 0, 1))
print(chr(65), chr(233), chr(0x2603), chr(0x1F600), ord("A"), ord("é"), ord("\U0001f600"), ord(b"z"))
print(hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(0), hex(2**70), bin(-2**65))
print(hex(True), oct(2**63), hex(-2**63))

class Idx:
    def __index__(self):
        return 10

print(hex(Idx()), bin(Idx()), chr(Idx()), [0, 1, 2][Idx() and 1])

class Num:
    def __init__(self, v):
        self.v = v
    def __abs__(self):
        return "abs!"
    def __round__(self, n=None):
        return ("round", n)
    def __divmod__(self, other):
        return ("divmod", other)
    def __rdivmod__(self, other):
        return ("rdivmod", other)
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return "Num(%r)" % self.v

print(abs(Num(1)), round(Num(1)), round(Num(1), 2), divmod(Num(1), 5), divmod(5, Num(1)))
print(min(Num(3), Num(1), Num(2)), max([Num(3), Num(1)]), sorted([Num(2), Num(1)]))
print(sum([1, 2.5, 3]), sum([2**64, 1]), sum([1, 2], 0.5), sum(x * x for x in range(10)))
print(max(1, 2.5), min(-1, -1.0), max("b", "ab"), max(True, 1), max(1, True))
