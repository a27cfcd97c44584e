# QA (issue "Breadth"): an uncaught exception; run_py.sh compares the exit status and the last stderr line.
try:
    {}['k']
except KeyError:
    raise TypeError('during')
