# QA (issue "Breadth"): an uncaught exception; run_py.sh compares the exit status and the last stderr line.
class MyErr(Exception): pass
raise MyErr('custom', 2)
