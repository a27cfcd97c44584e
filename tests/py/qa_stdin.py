# QA (issue "Breadth"): reading sys.stdin by readline/input/iteration/readlines/read, and writelines; run with qa_stdin.stdin piped in.
import sys
first = sys.stdin.readline()
print(repr(first))
print(repr(input()))
n = 0
for line in sys.stdin:
    n += 1
    print(n, repr(line))
    if n == 2: break
print(repr(sys.stdin.readlines()[:2]))
print(repr(sys.stdin.read()))
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), list(sys.stdin))
sys.stdout.writelines(['x\n', 'y\n'])
sys.stdout.writelines(iter([]))
try:
    sys.stdout.writelines([1])
except TypeError as e:
    print(type(e).__name__, e)
