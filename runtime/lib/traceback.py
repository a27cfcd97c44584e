"""Extract, format and print information about Python stack traces.

minipy's traceback module, frozen into the interpreter: the formatting
functions of CPython 3.11's traceback module.  The text itself comes from
vm/errors.c (through _minipy), the same code that reports uncaught
exceptions, so both always agree.  The lists these functions return are
cut the way CPython cuts them: one item per frame (its "File" line with its
source line), one per line of the exception part.

StackSummary.format() and FrameSummary.line come from the same C code
(_minipy.format_frames, _minipy.source_line).  Frames come from
_minipy.getframe / _minipy.tb_frame (runtime/frameobj.c).

Not provided: capture_locals, exception groups, and the caret lines
(^^^^) CPython 3.11 adds under some source lines.
"""

import sys
import _minipy

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']

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


def _resolve_limit(limit):
    # StackSummary's rule: no limit means sys.tracebacklimit (negative: 0).
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is not None and not isinstance(limit, int):
        # What itertools.islice / collections.deque(maxlen=) would say.
        if limit >= 0:
            raise ValueError("Stop argument for islice() must be None or an "
                             "integer: 0 <= x <= sys.maxsize.")
        raise TypeError("an integer is required")
    return limit


def _no_locals(capture_locals):
    if capture_locals:
        raise NotImplementedError("minipy's traceback does not capture locals")


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
    value, tb = _parse_value_tb(exc, value, tb)
    return _split(_minipy.format_exception(value, tb, chain,
                                           _c_limit(_resolve_limit(limit))))


def _c_limit(limit):
    # The C formatter takes None or an int (islice/deque would reject the rest).
    if limit is None:
        return None
    return max(-10**9, min(limit, 10**9))


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


def print_list(extracted_list, file=None):
    """Print the list of tuples as returned by extract_tb() or
    extract_stack() as a formatted stack trace to the given file."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    """Format a list of FrameSummary objects (or 4-tuples) for printing."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    """Print up to 'limit' stack trace entries from the traceback 'tb'."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """A shorthand for 'format_list(extract_tb(tb, limit))'."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """A StackSummary of up to 'limit' entries of the traceback 'tb'."""
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_lines(tb), limit=limit)


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for 'print_exception(*sys.exc_info(), limit, file)'."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """This is a shorthand for 'print_exception(sys.last_type,
    sys.last_value, sys.last_traceback, limit, file)'."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


def print_stack(f=None, limit=None, file=None):
    """Print a stack trace from its invocation point."""
    if f is None:
        f = _minipy.getframe(0).f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """Shorthand for 'format_list(extract_stack(f, limit))'."""
    if f is None:
        f = _minipy.getframe(0).f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """Extract the raw traceback from the current stack frame, oldest
    entry first."""
    if f is None:
        f = _minipy.getframe(0).f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    "Clear all references to local variables in the frames of a traceback."
    # minipy's traceback entries hold no frames.


class FrameSummary:
    """Information about a single frame from a traceback: filename,
    lineno, name and line (the source text, looked up when needed)."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            # The text the traceback printer shows (CPython: linecache).
            self._line = _minipy.source_line(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    """Walk a stack yielding the frame and line number for each frame,
    from f out to the outermost frame."""
    if f is None:
        f = _minipy.getframe(0).f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Walk a traceback yielding the frame and line number for each frame,
    outermost first."""
    while tb is not None:
        yield _minipy.tb_frame(tb), tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_with_lines(tb):
    for f, lineno in walk_tb(tb):
        yield f, (lineno, None, None, None)


class StackSummary(list):
    """A list of FrameSummary objects, representing a stack of frames."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        """Create a StackSummary from a traceback or stack object."""
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)

        return klass._extract_from_extended_frame_gen(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True,
                                         capture_locals=False):
        _no_locals(capture_locals)
        limit = _resolve_limit(limit)
        frames = list(frame_gen) if limit is None or limit < 0 else []
        if limit is not None:
            if limit >= 0:
                for item in frame_gen:
                    if len(frames) >= limit:
                        break
                    frames.append(item)
            elif len(frames) > -limit:
                frames = frames[limit:]
        result = klass()
        for f, (lineno, end_lineno, colno, end_colno) in frames:
            co = f.f_code
            result.append(FrameSummary(
                co.co_filename, lineno, co.co_name, lookup_line=False,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """Create a StackSummary from a list of FrameSummary objects or
        (filename, lineno, name, line) tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """The text of one entry: its File line and its source line."""
        return _minipy.format_frames([_entry(frame_summary)])

    def format(self):
        """One string per entry (File line and source line), oldest first,
        runs of identical entries cut after three with a
        "[Previous line repeated N more times]" line, as the traceback
        printer shows them."""
        if type(self).format_frame_summary is not StackSummary.format_frame_summary:
            return self._format_custom()
        text = _minipy.format_frames([_entry(fs) for fs in self])
        return _split_frames(text)

    def _format_custom(self):
        # A subclass's format_frame_summary, with CPython's repetition rule.
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            formatted_frame = self.format_frame_summary(frame_summary)
            if formatted_frame is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > 3:
                    result.append(_repeated(count - 3))
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > 3:
                continue
            result.append(formatted_frame)
        if count > 3:
            result.append(_repeated(count - 3))
        return result


def _repeated(count):
    return (f'  [Previous line repeated {count} more '
            f'time{"s" if count > 1 else ""}]\n')


def _entry(fs):
    line = fs.line
    return (str(fs.filename), str(fs.lineno), str(fs.name),
            "" if line is None else str(line))


def _split_frames(text):
    # One item per entry (its File line and the indented lines under it),
    # one per "[Previous line repeated ...]" line.
    items = []
    for line in text.splitlines(True):
        if items and line.startswith('    '):
            items[-1] += line
        else:
            items.append(line)
    return items


class TracebackException:
    """An exception ready for rendering.  minipy keeps the exception itself
    and formats it with the interpreter's C formatter (no captured
    snapshot of str(exc))."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        _no_locals(capture_locals)
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self._value = exc_value
        self._tb = exc_traceback
        self._limit = limit
        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_lines(exc_traceback), limit=limit,
            lookup_lines=lookup_lines)
        self.exc_type = exc_type
        self._str = _safe_string(exc_value, 'exception')
        self.__notes__ = getattr(exc_value, '__notes__', None)
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        self.__suppress_context__ = \
            exc_value.__suppress_context__ if exc_value is not None else False
        self.exceptions = None
        self.__cause__ = self.__context__ = None
        if not is_recursive_call:
            queue = [(self, exc_value)]
            while queue:
                te, e = queue.pop()
                cause = context = None
                if (e and e.__cause__ is not None
                        and id(e.__cause__) not in _seen):
                    cause = TracebackException(
                        type(e.__cause__), e.__cause__,
                        e.__cause__.__traceback__, limit=limit,
                        lookup_lines=lookup_lines, _seen=_seen)
                if compact:
                    need_context = (cause is None and e is not None and
                                    not e.__suppress_context__)
                else:
                    need_context = True
                if (e and e.__context__ is not None and need_context
                        and id(e.__context__) not in _seen):
                    context = TracebackException(
                        type(e.__context__), e.__context__,
                        e.__context__.__traceback__, limit=limit,
                        lookup_lines=lookup_lines, _seen=_seen)
                te.__cause__ = cause
                te.__context__ = context
                if cause:
                    queue.append((te.__cause__, e.__cause__))
                if context:
                    queue.append((te.__context__, e.__context__))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Create a TracebackException from an exception."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """The exception part of the report, as format_exception_only()."""
        yield from _minipy.format_exception_only(self._value).splitlines(True)

    def format(self, *, chain=True):
        """The report, one string per item, as format_exception()."""
        yield from format_exception(self._value, self._value, self._tb,
                                    limit=self._limit, chain=chain)

    def print(self, *, file=None, chain=True):
        """Print the result of self.format(chain=chain) to 'file'."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except:
        return f'<{what} {func.__name__}() failed>'
