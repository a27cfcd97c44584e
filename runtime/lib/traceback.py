"""Extract, format and print information about Python stack traces.

minipy's traceback module, frozen into the interpreter: the formatting
functions of CPython 3.11's traceback module.  The text itself comes from
vm/errors.c (through _minipy), the same code that reports uncaught
exceptions, so both always agree.  The lists these functions return are
cut the way CPython cuts them: one item per frame (its "File" line with its
source line), one per line of the exception part.

Not provided: the StackSummary / TracebackException / FrameSummary classes,
extract_*, walk_*, print_stack and the `limit` argument (NotImplementedError).
"""

import sys
import _minipy

__all__ = ['format_exc', 'format_exception', 'format_exception_only',
           'format_tb', 'print_exc', 'print_exception', 'print_tb']

_sentinel = object()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, '
                            f'{type(exc).__name__} found')
        else:
            return None, None
    return value, tb


def _no_limit(limit):
    if limit is not None:
        raise NotImplementedError("minipy's traceback does not support limit")


_CHAIN_MESSAGES = (
    "The above exception was the direct cause of the following exception:\n",
    "During handling of the above exception, another exception occurred:\n",
)


def _split(text):
    # A frame item is its '  File' line plus the indented lines under it;
    # a chaining message is one item with its blank lines around it.
    lines = text.splitlines(True)
    items = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == "\n" and lines[i + 1:i + 3] in ([m, "\n"] for m in _CHAIN_MESSAGES):
            items.append("".join(lines[i:i + 3]))
            i += 3
            continue
        if (items and line.startswith('    ')
                and items[-1].startswith('  File "') and '", line ' in items[-1]
                and ', in ' in items[-1]):
            items[-1] += line
        else:
            items.append(line)
        i += 1
    return items


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    """Format a stack trace and the exception information.

    Returns a list of strings, each ending in a newline; joined, they are
    the text that print_exception() prints.
    """
    _no_limit(limit)
    value, tb = _parse_value_tb(exc, value, tb)
    return _split(_minipy.format_exception(value, tb, chain))


def format_exception_only(exc, /, value=_sentinel):
    """Format the exception part of a traceback.

    Normally a list with one string; a SyntaxError gives several lines
    showing where the error occurred.
    """
    if value is _sentinel:
        value = exc
    return _minipy.format_exception_only(value).splitlines(True)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    """Print exception up to 'limit' stack trace entries from 'tb' to 'file'."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_tb(tb, limit=None):
    """The frames of a traceback, one string each (no header line)."""
    _no_limit(limit)
    if tb is None:
        return []
    lines = format_exception(None, None, tb)
    # The text is the header, the frames and "NoneType: None".
    return lines[1:-1]


def print_tb(tb, limit=None, file=None):
    """Print the frames of a traceback to 'file' (default sys.stderr)."""
    if file is None:
        file = sys.stderr
    for item in format_tb(tb, limit):
        print(item, file=file, end="")


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for 'print_exception(*sys.exc_info(), limit, file)'."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))
