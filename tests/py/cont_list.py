# list: construction, operators, indexing, slicing, methods, errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = [3, 1, 2]
print(a, len(a), list(), list((1, 2)), list('ab'), list(range(4)))
print(a + [4], a * 2, 2 * a, [] * 5, [0] * -1)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1] != [1], [] <= [])
print(3 in a, 4 in a, 4 not in a)
print(a[0], a[-1], a[1:], a[:-1], a[::-1], a[::2], a[5:], a[-10:10], a[1:1])
b = list(range(10))
b[2:5] = ['x']
print(b)
b[::3] = [0, 0, 0]
print(b)
del b[1]
del b[::2]
print(b)
b[:] = []
print(b)
c = [1, 2, 3]
c[len(c):] = [4, 5]
c[0:0] = c
print(c)
c = [1, 2]
c += (3, 4)
c += 'ab'
print(c)
c *= 2
print(c)
d = c
d *= 0
print(c, d is c)
e = [1, 2, 3]
e.append(4); e.extend([5, 6]); e.insert(0, 0); e.insert(-1, 'm'); e.insert(100, 'end')
print(e, e.pop(), e.pop(0), e.pop(-3), e)
e.remove(4)
print(e, e.index(3), e.index(3, 1, 5), e.count(1), e.copy(), e)
e.reverse()
print(e)
e.clear()
print(e)
x = [1, 2]
x.append(x)
print(x)
print([[]] * 2, [[1], (2,)])
t(lambda: [1][5])
k = 'a'
t(lambda: [1][k])
k = 1.0
t(lambda: [1][k])
t(lambda: [].pop())
t(lambda: [1].pop(5))
t(lambda: [1].remove(2))
t(lambda: [1].index(3))
t(lambda: [1, 2].index(2, 0, 1))
t(lambda: [1].insert(1))
t(lambda: list(1, 2))
t(lambda: list(x=1))
t(lambda: list(5))
t(lambda: [1] + (1,))
t(lambda: [1] * 'a')
t(lambda: [1] * 2.0)
t(lambda: [1].append())
t(lambda: [1].count())
t(lambda: [1].copy(1))
t(lambda: hash([]))
t(lambda: [1, 'a'] < ['a', 1])
def sa(l, k, v):
    l[k] = v
    return l
def da(l, k):
    del l[k]
    return l
t(lambda: sa([1, 2, 3], slice(None, None, 2), [1]))
t(lambda: sa([1, 2, 3], slice(None, None, 2), 5))
t(lambda: sa([1, 2, 3], slice(1, 2), 5))
t(lambda: sa([1, 2, 3], 5, 5))
t(lambda: sa([1, 2, 3], -4, 5))
t(lambda: sa([1, 2, 3], 'a', 5))
t(lambda: da([1, 2, 3], 5))
t(lambda: da([1, 2, 3, 4, 5], slice(None, None, -2)))
t(lambda: [1, 2, 3][::0])
t(lambda: [].x)
def setx():
    [].x = 1
t(setx)
it = iter([1, 2])
print(next(it), next(it), list(it), list(it))
r = reversed([1, 2, 3])
print(list(r), list(reversed([])))
print(type(iter([])).__name__, type(reversed([])).__name__)
