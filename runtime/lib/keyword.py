"""The keyword module: Python 3.11's keywords and soft keywords.

minipy's own, frozen into the interpreter (runtime/lib/freeze.sh).  The
lists are the ones the grammar (grammar/minipy.y) reserves.
"""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False', 'None', 'True',
    'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
    'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from',
    'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
    'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]

softkwlist = ['_', 'case', 'match']

_keywords = frozenset(kwlist)
_soft = frozenset(softkwlist)


def iskeyword(s):
    # A frozenset membership test, so unhashable arguments raise TypeError
    # as they do in CPython.
    return s in _keywords


def issoftkeyword(s):
    return s in _soft
