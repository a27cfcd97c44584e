# QA (issue "Breadth"): an uncaught exception; run_py.sh compares the exit status and the last stderr line.
class E(Exception):
    def __str__(self): raise RuntimeError
raise E
