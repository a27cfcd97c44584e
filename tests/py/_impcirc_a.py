# Helper: a circular import that works (names used late) ...
import _impcirc_b
EARLY = "a.early"

def use_b():
    return _impcirc_b.B_VALUE
