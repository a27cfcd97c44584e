# QA (issue "Breadth"): an uncaught exception; run_py.sh compares the exit status and the last stderr line.
def f(a, b): pass
f(1, 2, 3)
