# QA (issue "Breadth"): an uncaught exception; run_py.sh compares the exit status and the last stderr line.
def f():
    try:
        1/0
    except ZeroDivisionError as e:
        raise ValueError('bad') from e
f()
