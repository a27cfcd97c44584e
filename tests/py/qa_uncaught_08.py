# QA (issue "Breadth"): an uncaught exception; run_py.sh compares the exit status and the last stderr line.
assert 1 > 2, ('tuple', 1)
