# QA probe (issue "Breadth"): a typical small program (word counts, matrices, tables, sieve, trees, collections).
text = """The quick brown fox jumps over the lazy dog. The dog barks; the fox runs!
It's a truth universally acknowledged, that a single man in possession of a good fortune..."""
import string
words = [w.strip(string.punctuation).lower() for w in text.split()]
freq = {}
for w in words:
    if w: freq[w] = freq.get(w, 0) + 1
for w, c in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print(f'{w:<12}{c:>3} {"*" * c}')
M = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
T = [list(r) for r in zip(*M)]
P = [[sum(a * b for a, b in zip(r, c)) for c in T] for r in M]
print(T, P, sep='\n')
def det(m):
    if len(m) == 1: return m[0][0]
    return sum((-1) ** j * m[0][j] * det([r[:j] + r[j + 1:] for r in m[1:]]) for j in range(len(m)))
print(det(M), det(P))
table = [('Alice', 34, 55000.5), ('Bob', 7, 1234.567), ('Christina', 101, 9.99)]
print('{:<10}|{:^5}|{:>12}'.format('name', 'age', 'salary'))
print('-' * 29)
for name, age, sal in table:
    print('{:<10}|{:^5d}|{:>12,.2f}'.format(name, age, sal))
print('%-10s|%5d|%12.2f' % table[0])
def primes(n):
    sieve = [True] * (n + 1); sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]: sieve[i * i::i] = [False] * len(sieve[i * i::i])
    return [i for i, p in enumerate(sieve) if p]
ps = primes(200)
print(len(ps), ps[-5:], sum(ps), max(ps, key=lambda p: p % 17))
class Node:
    def __init__(self, v, kids=()): self.v, self.kids = v, list(kids)
    def __repr__(self): return f'Node({self.v!r}, {self.kids!r})' if self.kids else f'Node({self.v!r})'
    def walk(self, depth=0):
        yield depth, self.v
        for k in self.kids: yield from k.walk(depth + 1)
tree = Node('root', [Node('a', [Node('a1'), Node('a2')]), Node('b')])
print(tree)
for d, v in tree.walk(): print('  ' * d + str(v))
stack = []; out = []
for tok in '3 4 + 2 * 7 /'.split():
    if tok.isdigit(): stack.append(int(tok))
    else:
        b, a = stack.pop(), stack.pop()
        stack.append({'+': a + b, '-': a - b, '*': a * b, '/': a / b}[tok])
print(stack)
from collections import Counter, defaultdict, deque, namedtuple
c = Counter(words); print(c.most_common(3), c['the'], c['zzz'])
g = defaultdict(set)
for a, b in [(1, 2), (1, 3), (2, 3)]: g[a].add(b); g[b].add(a)
print(dict(g), sorted(g))
q = deque([(0, 0)]); seen = {(0, 0)}
while q:
    x, y = q.popleft()
    for nx, ny in ((x + 1, y), (x, y + 1)):
        if nx < 3 and ny < 3 and (nx, ny) not in seen: seen.add((nx, ny)); q.append((nx, ny))
print(len(seen), sorted(seen)[:4])
Emp = namedtuple('Emp', 'name dept salary')
emps = [Emp('x', 'eng', 10), Emp('y', 'ops', 7), Emp('z', 'eng', 12)]
by = defaultdict(list)
for e in emps: by[e.dept].append(e)
print({k: [e.name for e in v] for k, v in by.items()}, max(emps, key=lambda e: e.salary), emps[0]._asdict())
s = 'Hello, World'
print(s[::-1], s.swapcase(), s.center(20, '='), s.count('l'), s.find('World'), s.replace('l', 'L', 2), s.split(', '), '-'.join(reversed(s.split(', '))))
print(sorted(s.lower()), ''.join(sorted(set(s.lower()) - set(' ,'))), [ord(ch) for ch in s[:3]], ''.join(chr(ord(ch) + 1) for ch in 'HAL'))
print(list(map(lambda p: p[0] * p[1], enumerate([5, 6, 7], 1))), list(filter(lambda w: len(w) > 3, words))[:4], any(w.startswith('q') for w in words))
import math
print(math.pi, round(math.pi, 3), f'{math.e:.10f}', math.sqrt(2) ** 2 == 2, abs(math.sqrt(2) ** 2 - 2) < 1e-12, 0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3))
print(divmod(17, 5), 17 // -5, 17 % -5, -17 // 5, 2 ** 0.5, 10 / 4, 10 // 4, 1e3, 1.0e-3, 3.0 * 1.1, 7 / 2 * 2, int(7 / 2), round(7 / 2), round(5 / 2))
