# Empty-sequence corners and repeat counts of int subclasses.
a = []
a.reverse()
a.sort(reverse=True)
a.sort()
print(a, sorted([], reverse=True), list(reversed([])))
b = [3, 1, 2]
b.reverse()
print(b)
b.sort(reverse=True)
print(b)
print(''.join(reversed('')), 'a b'.rsplit(), ''.rsplit(), ' '.rsplit(' '))


class I(int):
    pass


class R:
    def __rmul__(self, other):
        return 'rmul ' + repr(other)


for seq in ['ab', b'ab', bytearray(b'ab'), [1], (1,)]:
    print(seq * I(2), I(2) * seq, seq * True, seq * I(-1))
    print(seq * R())
    try:
        seq * 2.0
    except TypeError as e:
        print('TypeError', e)
    try:
        seq * (1 << 80)
    except (OverflowError, MemoryError) as e:
        print(type(e).__name__, e)
