# Helper module for imp_*.py (not a test: the leading _ keeps run_py away).
print("executing _impmod_a")
VALUE = 10
_private = "hidden"

def func(x):
    return x * VALUE

class Thing:
    def __repr__(self):
        return "Thing from " + __name__
