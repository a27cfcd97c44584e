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

Files: open() (the builtin, runtime/mod_fileio.c, calls _open here) makes
FileIO (raw: the _fileio C module's POSIX open/read/write/lseek/close),
BufferedReader/BufferedWriter/BufferedRandom over it and, in text mode,
TextIOWrapper over that, as CPython does.  Text encodings: utf-8, ascii,
latin-1 and their aliases (others: LookupError); universal newlines.  The
classes have __del__, so a file never closed is flushed and closed at the
next collection or at exit.  Text tell() cookies are plain byte positions.
Not provided: BytesIO; file descriptors may be passed as `file` but the
interpreter has no os module to make them.
"""

__all__ = ["IOBase", "TextIOBase", "StringIO", "UnsupportedOperation",
           "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE",
           "open", "FileIO", "BufferedReader", "BufferedWriter",
           "BufferedRandom", "TextIOWrapper", "RawIOBase", "BufferedIOBase"]

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


# ====================================================================== files
#
# open() builds CPython's three layers: FileIO (raw, unbuffered: the
# _fileio C module's POSIX calls), BufferedReader / BufferedWriter /
# BufferedRandom (one class, _Buffered, under three names) and
# TextIOWrapper (decoding, universal newlines).  They are Python classes
# with __del__, so an abandoned file is flushed and closed at the next
# collection, and at exit like CPython.

import _fileio


def _closed_error(message="I/O operation on closed file."):
    return ValueError(message)


class RawIOBase(IOBase):
    """Base class for raw binary I/O."""
    __module__ = "io"


class BufferedIOBase(IOBase):
    """Base class for buffered I/O."""
    __module__ = "io"


# Writers not closed yet, by file name (see _open).
_unclosed_writers = {}


class FileIO(RawIOBase):
    """Raw I/O on a file descriptor (bytes in, bytes out)."""
    __module__ = "_io"

    _fd = -1
    _closed = True
    _closefd = False
    _counted = False

    def __init__(self, file, mode="r", closefd=True, opener=None):
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        if isinstance(file, int):
            if file < 0:
                raise ValueError("negative file descriptor")
            fd = file
        else:
            fd = -1
            if not isinstance(file, (str, bytes, bytearray)):
                raise TypeError("expected str, bytes or os.PathLike object, not %s"
                                % type(file).__name__)
        if not isinstance(mode, str):
            raise TypeError("FileIO() argument 'mode' must be str, not %s"
                            % type(mode).__name__)
        rwa = False
        readable = writable = appending = created = plus = False
        for c in mode:
            if c in "rwax":
                if rwa:
                    raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
                rwa = True
                if c == "r":
                    readable = True
                elif c == "w":
                    writable = True
                elif c == "a":
                    writable = appending = True
                else:
                    writable = created = True
            elif c == "+":
                if plus:
                    raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
                readable = writable = plus = True
            elif c != "b":
                raise ValueError("invalid mode: %s" % mode)
        if not rwa:
            raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
        if readable and writable:
            flags = _fileio.O_RDWR
        elif readable:
            flags = _fileio.O_RDONLY
        else:
            flags = _fileio.O_WRONLY
        if created:
            flags |= _fileio.O_EXCL | _fileio.O_CREAT
        elif appending:
            flags |= _fileio.O_APPEND | _fileio.O_CREAT
        elif writable and not readable or writable and not plus:
            flags |= _fileio.O_TRUNC | _fileio.O_CREAT
        elif mode.startswith("w") or "w" in mode:
            flags |= _fileio.O_TRUNC | _fileio.O_CREAT
        self._readable = readable
        self._writable = writable
        self._appending = appending
        self._created = created
        self._plus = plus
        if fd < 0:
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            if opener is None:
                fd = _fileio.open(file, flags, 0o666)
            else:
                fd = opener(file, flags)
                if not isinstance(fd, int):
                    raise TypeError("expected integer from opener")
                if fd < 0:
                    raise ValueError("opener returned %d" % fd)
        self._fd = fd
        self._closefd = closefd
        self._closed = False
        self.name = file
        if appending:
            try:
                _fileio.lseek(fd, 0, SEEK_END)
            except OSError:
                pass
        if writable and isinstance(file, str):
            _unclosed_writers[file] = _unclosed_writers.get(file, 0) + 1
            self._counted = True

    def __repr__(self):
        name = "_io.FileIO"
        if self._closed:
            return "<%s [closed]>" % name
        return "<%s name=%r mode=%r closefd=%r>" % (name, self.name, self.mode, self._closefd)

    @property
    def closed(self):
        return self._closed

    @property
    def closefd(self):
        return self._closefd

    @property
    def mode(self):
        if self._created:
            return "xb+" if self._readable else "xb"
        if self._appending:
            return "ab+" if self._readable else "ab"
        if self._readable:
            return "rb+" if self._writable else "rb"
        return "wb"

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def fileno(self):
        self._check()
        return self._fd

    def readable(self):
        self._check()
        return self._readable

    def writable(self):
        self._check()
        return self._writable

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return _fileio.isatty(self._fd)

    def read(self, size=-1):
        self._check()
        if not self._readable:
            raise UnsupportedOperation("File not open for reading")
        size = _size(size)
        if size < 0:
            return _fileio.readall(self._fd)
        return _fileio.read(self._fd, size)

    def readall(self):
        self._check()
        if not self._readable:
            raise UnsupportedOperation("File not open for reading")
        return _fileio.readall(self._fd)

    def write(self, b):
        self._check()
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")
        if not isinstance(b, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
        return _fileio.write(self._fd, b)

    def seek(self, pos, whence=0):
        self._check()
        if isinstance(pos, float):
            raise TypeError("an integer is required")
        return _fileio.lseek(self._fd, _index(pos), _index(whence))

    def tell(self):
        self._check()
        return _fileio.lseek(self._fd, 0, SEEK_CUR)

    def truncate(self, size=None):
        self._check()
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")
        if size is None:
            size = self.tell()
        _fileio.ftruncate(self._fd, _index(size))
        return size

    def close(self):
        if self._closed:
            return
        self._closed = True
        if self._counted:
            self._counted = False
            n = _unclosed_writers.get(self.name, 0) - 1
            if n > 0:
                _unclosed_writers[self.name] = n
            else:
                _unclosed_writers.pop(self.name, None)
        if self._closefd:
            _fileio.close(self._fd)

    def __del__(self):
        self.close()


class _Buffered(BufferedIOBase):
    # BufferedReader, BufferedWriter and BufferedRandom: a read buffer
    # (_rbuf from _rpos on is what was read from the raw file and not
    # returned yet) and a write buffer (the list _wbuf, _wlen bytes, not
    # written to the raw file yet); at most one of them is non-empty.
    __module__ = "_io"
    _reading = True
    _writing = True
    raw = None

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        buffer_size = _index(buffer_size)
        if buffer_size <= 0:
            raise ValueError("buffer size must be strictly positive")
        self.raw = raw
        self._bsize = buffer_size
        self._rbuf = b""
        self._rpos = 0
        self._wbuf = []
        self._wlen = 0

    def __repr__(self):
        name = "_io." + type(self).__name__
        try:
            n = self.raw.name
        except AttributeError:
            return "<%s>" % name
        return "<%s name=%r>" % (name, n)

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def seekable(self):
        return self.raw.seekable()

    def readable(self):
        if not self._reading:
            return False
        return self.raw.readable()

    def writable(self):
        if not self._writing:
            return False
        return self.raw.writable()

    def detach(self):
        raise UnsupportedOperation("detach")

    # -------------------------------------------------------- reading

    def _check_read(self, what):
        if not self._reading:
            raise UnsupportedOperation("read")
        if self.raw.closed:
            raise ValueError(what + " of closed file")
        if self._wlen:
            self._flush_writes()

    def read(self, size=-1):
        size = _size(size)
        self._check_read("read")
        avail = len(self._rbuf) - self._rpos
        if size < 0:
            head = self._rbuf[self._rpos:] if avail else b""
            self._rbuf = b""
            self._rpos = 0
            rest = self.raw.readall()
            return head + rest if head else rest
        if size <= avail:
            pos = self._rpos
            self._rpos = pos + size
            return self._rbuf[pos:pos + size]
        chunks = [self._rbuf[self._rpos:]] if avail else []
        self._rbuf = b""
        self._rpos = 0
        need = size - avail
        while need > 0:
            data = self.raw.read(max(need, self._bsize))
            if not data:
                break
            if len(data) > need:
                self._rbuf = data
                self._rpos = need
                data = data[:need]
            chunks.append(data)
            need -= len(data)
        return b"".join(chunks)

    def read1(self, size=-1):
        size = _size(size)
        self._check_read("read")
        if self._rpos >= len(self._rbuf):
            self._rbuf = self.raw.read(self._bsize if size < 0 else max(size, self._bsize))
            self._rpos = 0
        pos = self._rpos
        end = len(self._rbuf) if size < 0 else min(len(self._rbuf), pos + size)
        self._rpos = end
        return self._rbuf[pos:end]

    def peek(self, size=0):
        self._check_read("peek")
        if self._rpos >= len(self._rbuf):
            self._rbuf = self.raw.read(self._bsize)
            self._rpos = 0
        return self._rbuf[self._rpos:]

    def readline(self, size=-1):
        size = _size(size)
        self._check_read("readline")
        chunks = []
        total = 0
        while True:
            buf = self._rbuf
            pos = self._rpos
            if pos >= len(buf):
                buf = self.raw.read(self._bsize)
                if not buf:
                    self._rbuf = b""
                    self._rpos = 0
                    break
                self._rbuf = buf
                pos = 0
            end = buf.find(b"\n", pos)
            end = len(buf) if end < 0 else end + 1
            if size >= 0 and total + end - pos > size:
                end = pos + size - total
            chunks.append(buf[pos:end])
            total += end - pos
            self._rpos = end
            if buf[end - 1:end] == b"\n" or 0 <= size <= total:
                break
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # -------------------------------------------------------- writing

    def _flush_writes(self):
        data = b"".join(self._wbuf)
        self._wbuf = []
        self._wlen = 0
        self.raw.write(data)

    def write(self, b):
        if not self._writing:
            raise UnsupportedOperation("write")
        if self.raw.closed:
            raise ValueError("write to closed file")
        if not isinstance(b, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
        if self._rpos < len(self._rbuf):
            # Writing after reading: at the logical position.
            self.raw.seek(self._rpos - len(self._rbuf), SEEK_CUR)
        self._rbuf = b""
        self._rpos = 0
        self._wbuf.append(bytes(b))
        self._wlen += len(b)
        if self._wlen >= self._bsize:
            self._flush_writes()
        return len(b)

    def flush(self):
        if self.raw.closed:
            raise ValueError("flush of closed file" if self._writing else
                             "I/O operation on closed file.")
        if self._wlen:
            self._flush_writes()

    # -------------------------------------------------------- positions

    def tell(self):
        pos = self.raw.tell()
        return pos - (len(self._rbuf) - self._rpos) + self._wlen

    def seek(self, pos, whence=0):
        if isinstance(pos, float):
            raise TypeError("an integer is required")
        pos = _index(pos)
        whence = _index(whence)
        if whence not in (0, 1, 2, 3, 4):  # 3, 4: Linux's SEEK_DATA, SEEK_HOLE
            raise ValueError("whence value %d unsupported" % whence)
        if self.raw.closed:
            raise ValueError("seek of closed file")
        if self._wlen:
            self._flush_writes()
        if whence == 1:
            pos -= len(self._rbuf) - self._rpos
        self._rbuf = b""
        self._rpos = 0
        return self.raw.seek(pos, whence)

    def truncate(self, pos=None):
        if self.raw.closed:
            raise ValueError("truncate of closed file")
        if not self._writing:
            raise UnsupportedOperation("truncate")
        if self._wlen:
            self._flush_writes()
        if pos is None:
            pos = self.tell()
        if self._rpos < len(self._rbuf):
            self.raw.seek(self._rpos - len(self._rbuf), SEEK_CUR)
        self._rbuf = b""
        self._rpos = 0
        return self.raw.truncate(pos)

    def close(self):
        if self.raw.closed:
            return
        try:
            if self._wlen:
                self._flush_writes()
        finally:
            self.raw.close()

    def __del__(self):
        if self.raw is not None:
            self.close()


class BufferedReader(_Buffered):
    """Buffered reader on a raw stream."""
    __module__ = "_io"
    _writing = False


class BufferedWriter(_Buffered):
    """Buffered writer on a raw stream."""
    __module__ = "_io"
    _reading = False


class BufferedRandom(_Buffered):
    """Buffered reader and writer on a seekable raw stream."""
    __module__ = "_io"


# Encodings TextIOWrapper knows: normalized alias -> codec name.
_CODECS = {}
for _names, _codec in (("utf_8 utf8 u8 utf cp65001", "utf-8"),
                       ("ascii us_ascii 646", "ascii"),
                       ("latin_1 latin1 latin l1 iso_8859_1 iso8859_1 8859 cp819", "latin-1")):
    for _n in _names.split():
        _CODECS[_n] = _codec
del _names, _codec, _n


def _lookup_codec(encoding):
    key = encoding.lower().replace("-", "_").replace(" ", "_")
    codec = _CODECS.get(key)
    if codec is None:
        raise LookupError("unknown encoding: %s" % encoding)
    return codec


_CHUNK_SIZE = 8192


class TextIOWrapper(TextIOBase):
    """Character and line based layer over a BufferedIOBase object."""
    __module__ = "_io"

    buffer = None

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if encoding is not None and not isinstance(encoding, str):
            raise TypeError("TextIOWrapper() argument 'encoding' must be str or None, not %s"
                            % type(encoding).__name__)
        if errors is not None and not isinstance(errors, str):
            raise TypeError("TextIOWrapper() argument 'errors' must be str or None, not %s"
                            % type(errors).__name__)
        if newline is not None and not isinstance(newline, str):
            raise TypeError("TextIOWrapper() argument 'newline' must be str or None, not %s"
                            % type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %s" % newline)
        if encoding is None or encoding == "locale":
            encoding = "UTF-8"
        self._codec = _lookup_codec(encoding)
        self._encoding = encoding
        self._errors = "strict" if errors is None else errors
        self._newline = newline
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._writetranslate = newline not in (None, "", "\n")
        self._line_buffering = bool(line_buffering)
        self.buffer = buffer
        # Reading: decoded text, the position in it, the same text before
        # newline translation (None: identical), undecoded bytes.
        self._text = ""
        self._tpos = 0
        self._raw_text = None
        self._pending = b""
        self._eof = False
        self._seen = 0  # newlines met: 1 '\r', 2 '\n', 4 '\r\n'
        self._telling = True
        # Writing: str not yet encoded.
        self._wbuf = []
        self._wlen = 0

    def __repr__(self):
        parts = ["<_io.TextIOWrapper"]
        try:
            parts.append("name=%r" % (self.name,))
        except AttributeError:
            pass
        try:
            parts.append("mode=%r" % (self.mode,))
        except AttributeError:
            pass
        parts.append("encoding=%r>" % (self._encoding,))
        return " ".join(parts)

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def newlines(self):
        return (None, "\r", "\n", ("\r", "\n"), "\r\n", ("\r", "\r\n"),
                ("\n", "\r\n"), ("\r", "\n", "\r\n"))[self._seen]

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    def _check(self):
        if self.buffer.closed:
            raise ValueError("I/O operation on closed file.")

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def detach(self):
        raise UnsupportedOperation("detach")

    # -------------------------------------------------------- writing

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        if not self.buffer.writable():
            raise UnsupportedOperation("not writable")
        n = len(s)
        if self._text or self._pending:
            self._reset_read()
        if self._writetranslate and "\n" in s:
            s = s.replace("\n", self._readnl)
        self._wbuf.append(s)
        self._wlen += len(s)
        if self._wlen >= _CHUNK_SIZE or self._line_buffering and ("\n" in s or "\r" in s):
            self._flush_text()
            if self._line_buffering:
                self.buffer.flush()
        return n

    def _flush_text(self):
        if self._wbuf:
            text = "".join(self._wbuf)
            self._wbuf = []
            self._wlen = 0
            self.buffer.write(text.encode(self._codec, self._errors))

    def flush(self):
        self._check()
        self._flush_text()
        self.buffer.flush()

    def close(self):
        if self.buffer.closed:
            return
        try:
            self._flush_text()
        finally:
            self.buffer.close()

    def __del__(self):
        if self.buffer is not None:
            self.close()

    # -------------------------------------------------------- reading

    def _reset_read(self):
        # Drops the read-ahead (a write or seek follows).
        self._text = ""
        self._tpos = 0
        self._raw_text = None
        self._pending = b""
        self._eof = False

    def _check_read(self):
        self._check()
        if not self.buffer.readable():
            raise UnsupportedOperation("not readable")
        if self._wbuf:
            self._flush_text()

    def _decode(self, data, final):
        # Bytes to (untranslated text); what cannot be decoded yet (the
        # start of a UTF-8 sequence, a '\r' that may begin '\r\n') stays
        # in _pending.
        if not final:
            n = len(data)
            keep = n
            if self._codec == "utf-8":
                i = n - 1
                while i >= 0 and i >= n - 3:
                    c = data[i]
                    if c < 0x80:
                        break
                    if c >= 0xC0:
                        need = 2 if c < 0xE0 else 3 if c < 0xF0 else 4
                        if n - i < need:
                            keep = i
                        break
                    i -= 1
            if self._readuniversal and keep > 0 and data[keep - 1] == 13:
                keep -= 1
            if keep < n:
                self._pending = data[keep:]
                data = data[:keep]
            else:
                self._pending = b""
        else:
            self._pending = b""
        return data.decode(self._codec, self._errors)

    def _add_text(self, u):
        # Appends newly decoded text u after what is left unread.
        t = u
        if self._readuniversal and "\r" in u:
            crlf = u.count("\r\n")
            cr = u.count("\r") - crlf
            lf = u.count("\n") - crlf
            self._seen |= (1 if cr else 0) | (2 if lf else 0) | (4 if crlf else 0)
            if self._readtranslate:
                t = u.replace("\r\n", "\n").replace("\r", "\n")
        elif self._readuniversal and "\n" in u:
            self._seen |= 2
        if self._tpos:
            left = self._text[self._tpos:]
            if self._raw_text is not None:
                raw_left = self._raw_text[self._raw_index(self._tpos):]
            self._tpos = 0
        else:
            left = self._text
            raw_left = self._raw_text
        if t is u and self._raw_text is None:
            self._text = left + t if left else t
        else:
            if raw_left is None:
                raw_left = left
            self._text = left + t
            self._raw_text = raw_left + u

    def _raw_index(self, tpos):
        # The index in _raw_text of the text before _text[tpos].
        raw = self._raw_text
        extra = 0
        i = raw.find("\r\n")
        while 0 <= i and i - extra < tpos:
            extra += 1
            i = raw.find("\r\n", i + 2)
        return tpos + extra

    def _read_chunk(self):
        # Reads and decodes one more chunk; False at the end of the file.
        if self._eof:
            return False
        data = self.buffer.read1(_CHUNK_SIZE)
        final = not data
        if self._pending:
            data = self._pending + data
        if final:
            self._eof = True
        u = self._decode(data, final)
        if u:
            self._add_text(u)
        return not final

    def read(self, size=-1):
        size = _size(size)
        self._check_read()
        if size < 0:
            data = self._pending + self.buffer.read()
            self._eof = True
            u = self._decode(data, True)
            self._add_text(u)
            text = self._text[self._tpos:]
            self._text = ""
            self._tpos = 0
            self._raw_text = None
            return text
        while len(self._text) - self._tpos < size and self._read_chunk():
            pass
        pos = self._tpos
        self._tpos = min(len(self._text), pos + size)
        return self._text[pos:self._tpos]

    def _line_end(self, text, start):
        # The index just past the line ending at or after start; -1: none
        # yet; -2: a '\r' at the end that may be the start of '\r\n'.
        nl = self._readnl
        if self._readtranslate or nl == "\n":
            i = text.find("\n", start)
            return -1 if i < 0 else i + 1
        if nl:
            i = text.find(nl, start)
            if i < 0:
                return -2 if nl == "\r\n" and text.endswith("\r") else -1
            return i + len(nl)
        i = text.find("\n", start)
        j = text.find("\r", start, i if i >= 0 else len(text))
        if j < 0:
            return -1 if i < 0 else i + 1
        if j + 1 == len(text):
            return -2
        return j + 2 if text[j + 1] == "\n" else j + 1

    def readline(self, size=-1):
        size = _size(size)
        self._check_read()
        start = self._tpos
        while True:
            end = self._line_end(self._text, start)
            if end >= 0:
                break
            if 0 <= size <= len(self._text) - self._tpos:
                break
            start = max(self._tpos, len(self._text) - 1)
            base = self._tpos
            if not self._read_chunk():
                end = self._line_end(self._text, self._tpos)
                if end < 0:
                    end = len(self._text)
                break
            start -= base - self._tpos
        if end < 0:
            end = len(self._text)
        pos = self._tpos
        if size >= 0 and end - pos > size:
            end = pos + size
        self._tpos = end
        return self._text[pos:end]

    def __next__(self):
        self._telling = False
        line = self.readline()
        if not line:
            self._telling = True
            raise StopIteration
        return line

    # -------------------------------------------------------- positions

    def tell(self):
        self._check()
        if not self.buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        if not self._telling:
            raise OSError("telling position disabled by next() call")
        self._flush_text()
        pos = self.buffer.tell() - len(self._pending)
        if self._tpos < len(self._text):
            if self._raw_text is None:
                rest = self._text[self._tpos:]
            else:
                rest = self._raw_text[self._raw_index(self._tpos):]
            pos -= len(rest) if rest.isascii() else len(rest.encode(self._codec, self._errors))
        return pos

    def seek(self, cookie, whence=0):
        self._check()
        if not self.buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        cookie = _index(cookie)
        whence = _index(whence)
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = 0
        elif whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            self._reset_read()
            self._telling = True
            return self.buffer.seek(0, 2)
        elif whence != 0:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        if cookie < 0:
            raise ValueError("negative seek position %d" % cookie)
        self.flush()
        self._reset_read()
        self._telling = True
        self.buffer.seek(cookie)
        return cookie

    def truncate(self, pos=None):
        self._check()
        self.flush()
        if pos is None:
            pos = self.tell()
        self._reset_read()
        return self.buffer.truncate(pos)


def _open(file, mode="r", buffering=-1, encoding=None, errors=None,
          newline=None, closefd=True, opener=None):
    # The builtin open() (runtime/mod_fileio.c calls this).
    if not isinstance(file, (str, bytes, int)):
        raise TypeError("expected str, bytes or os.PathLike object, not %s"
                        % type(file).__name__)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    buffering = _index(buffering)
    for arg, value in (("encoding", encoding), ("errors", errors), ("newline", newline)):
        if value is not None and not isinstance(value, str):
            raise TypeError("open() argument '%s' must be str or None, not %s"
                            % (arg, type(value).__name__))
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError("invalid mode: %r" % mode)
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    updating = "+" in modes
    text = "t" in modes
    binary = "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if newline not in (None, "", "\n", "\r", "\r\n"):
        raise ValueError("illegal newline value: %s" % newline)
    if not binary and buffering == 0:
        raise ValueError("can't have unbuffered text I/O")
    if reading and isinstance(file, str) and file in _unclosed_writers:
        # A writer of this file may be garbage not yet finalized
        # (open(f, 'w').write(s) then open(f)): CPython would have closed
        # it already, so flush it first.
        import gc
        gc.collect()
    raw = FileIO(file, (creating and "x" or reading and "r" or writing and "w" or "a")
                 + ("+" if updating else ""), closefd, opener=opener)
    try:
        line_buffering = False
        if buffering == 1 or buffering < 0 and raw.isatty():
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = _fileio.blksize(raw.fileno())
        if buffering == 0:
            return raw
        if updating:
            buffer = BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buffer = BufferedWriter(raw, buffering)
        else:
            buffer = BufferedReader(raw, buffering)
        if binary:
            return buffer
        result = TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        result.mode = mode
        return result
    except BaseException:
        raw.close()
        raise


from builtins import open
