import _impcirc_a
B_VALUE = "b.value"

def use_a():
    return _impcirc_a.EARLY
