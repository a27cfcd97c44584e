# QA (issue "Breadth"): an uncaught exception; run_py.sh compares the exit status and the last stderr line.
raise KeyError('a\nb')
