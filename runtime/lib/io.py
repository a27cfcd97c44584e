"""The io module: in-memory text streams (StringIO) and the base classes.

minipy's io, frozen into the interpreter (runtime/lib/freeze.sh).  It is
written in Python rather than C on purpose: StringIO is used for capturing
output (sys.stdout = StringIO(), print(file=...), a console's write()),
where its cost is small next to the formatting that produces the text, and
a Python class is trivially subclassable and cannot disagree with how
minipy calls methods.  The messages are CPython 3.11's, and the classes
claim CPython's module names ("_io" for StringIO) so that their repr and
__module__ match.

The text is kept as a list of chunks while it only grows at the end (the
common case of writing), and joined into one str on the first read, seek
into the middle or overwrite, so a long run of writes costs linear time.

Not provided yet: BytesIO, open()/FileIO/TextIOWrapper (NotImplementedError
is raised by name where CPython has them).
"""

__all__ = ["IOBase", "TextIOBase", "StringIO", "UnsupportedOperation",
           "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


try:
    class UnsupportedOperation(OSError, ValueError):
        __module__ = "io"
except TypeError:
    # minipy's classes cannot combine OSError and ValueError yet
    # ("multiple bases have instance lay-out conflict"): until they can, it
    # is an OSError only, so `except ValueError` does not catch it.
    class UnsupportedOperation(OSError):
        __module__ = "io"


def _index(value):
    # What PyNumber_AsSsize_t accepts: ints and objects with __index__.
    if isinstance(value, int):
        return value
    method = getattr(type(value), "__index__", None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return method(value)


def _size(size):
    # read(size)/readline(size): None or a negative int means "all".
    if size is None:
        return -1
    if not isinstance(size, int) and getattr(type(size), "__index__", None) is None:
        raise TypeError("argument should be integer or None, not '%s'"
                        % type(size).__name__)
    return _index(size)


class IOBase:
    """The abstract base class of all I/O classes."""
    __module__ = "io"

    def _checkClosed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def flush(self):
        self._checkClosed()

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)

    def readlines(self, hint=None):
        hint = -1 if hint is None else _index(hint)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines


class TextIOBase(IOBase):
    """Base class for text streams."""
    __module__ = "io"

    encoding = None
    errors = None
    newlines = None

    def detach(self):
        raise UnsupportedOperation("detach")


class StringIO(TextIOBase):
    """Text I/O implementation using an in-memory buffer.

    The initial_value argument sets the value of object.  The newline
    argument is like the one of TextIOWrapper's constructor.
    """
    __module__ = "_io"

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s"
                            % type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._newline = newline
        self._chunks = []
        self._len = 0
        self._pos = 0
        self._closed = False
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    # ---------------------------------------------------------- state

    @property
    def closed(self):
        return self._closed

    @property
    def line_buffering(self):
        self._check()
        return False

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _value(self):
        if len(self._chunks) != 1:
            self._chunks = ["".join(self._chunks)]
        return self._chunks[0]

    def close(self):
        self._closed = True
        self._chunks = []

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def getvalue(self):
        self._check()
        return self._value() if self._chunks else ""

    # ---------------------------------------------------------- writing

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'"
                            % type(s).__name__)
        n = len(s)
        if self._newline is None:
            s = s.replace("\r\n", "\n").replace("\r", "\n")
        elif self._newline in ("\r", "\r\n"):
            s = s.replace("\n", self._newline)
        if not s:
            return n
        if self._pos == self._len:
            self._chunks.append(s)
        else:
            value = self._value() if self._chunks else ""
            if self._pos > self._len:
                value += "\0" * (self._pos - self._len)
            value = value[:self._pos] + s + value[self._pos + len(s):]
            self._chunks = [value]
        self._pos += len(s)
        self._len = max(self._len, self._pos)
        return n

    def truncate(self, pos=None):
        self._check()
        if pos is None:
            pos = self._pos
        else:
            pos = _size(pos)
            if pos < 0:
                raise ValueError("Negative size value %d" % pos)
        if pos < self._len:
            self._chunks = [self._value()[:pos]]
            self._len = pos
        return pos

    # ---------------------------------------------------------- reading

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        pos = _index(pos)
        whence = _index(whence)
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if whence == 0 and pos < 0:
            raise ValueError("Negative seek position %d" % pos)
        if whence != 0 and pos != 0:
            # CPython 3.11 words both cases so (end-relative included).
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 2:
            pos = self._len
        elif whence == 1:
            pos = self._pos
        self._pos = pos
        return pos

    def read(self, size=-1):
        self._check()
        size = _size(size)
        if self._pos >= self._len:
            return ""
        value = self._value()
        end = self._len if size < 0 else min(self._len, self._pos + size)
        text = value[self._pos:end]
        self._pos = end
        return text

    def _line_end(self, value, start):
        # The index just past the next line ending at or after start.
        nl = self._newline
        if nl is None or nl == "\n":
            i = value.find("\n", start)
            return -1 if i < 0 else i + 1
        if nl != "":
            i = value.find(nl, start)
            return -1 if i < 0 else i + len(nl)
        # newline="": any of \r, \n, \r\n ends a line.
        i = value.find("\n", start)
        j = value.find("\r", start)
        if j < 0:
            return -1 if i < 0 else i + 1
        if i >= 0 and i < j:
            return i + 1
        return j + 2 if value.startswith("\r\n", j) else j + 1

    def readline(self, size=-1):
        self._check()
        size = _size(size)
        if self._pos >= self._len:
            return ""
        value = self._value()
        end = self._line_end(value, self._pos)
        if end < 0:
            end = self._len
        if size >= 0:
            end = min(end, self._pos + size)
        line = value[self._pos:end]
        self._pos = end
        return line

    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __getstate__(self):
        raise TypeError("cannot pickle 'StringIO' object")


def open(*args, **kwargs):
    raise NotImplementedError("minipy's io has no open() yet")
