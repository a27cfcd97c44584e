"""The json module: CPython 3.11's encoder and decoder, output and errors.

minipy's json, frozen into the interpreter (runtime/lib/freeze.sh), which
freezes single modules only, so the json package's pieces (json.decoder's
JSONDecoder and JSONDecodeError, json.encoder's JSONEncoder) all live here;
the error class still claims the module name json.decoder, so tracebacks
print "json.decoder.JSONDecodeError: ..." as CPython's do.

Encoding follows CPython's rules: values are tested in the order str,
None, True, False, int, float, list/tuple, dict, then default(); ints and
floats print with int.__repr__ and float.__repr__ (so subclasses print as
numbers); NaN and the infinities print as NaN/Infinity/-Infinity unless
allow_nan is false; dict keys are converted (float, bool, None, int) or
skipped or refused; sort_keys sorts the items before the key conversion.
Strings are escaped by a loop over the characters, after a check that
lets the common all-plain string through untouched.

Decoding reproduces CPython's C scanner (_json.c's behaviour, which is
what json.loads uses), including where each error is reported: the
messages are the same and so are the positions, which matters because
they are part of the message ("Expecting value: line 1 column 5 (char
4)").

Not provided: bytes input in UTF-16 or UTF-32 (NotImplementedError; UTF-8
with or without a BOM works).  json.dump encodes the whole document
before its first write(), where CPython writes pieces as it goes (so a
dump that fails midway writes nothing here).
"""

__all__ = ["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]

__version__ = "2.0.9"

_INF = float("inf")

# -------------------------------------------------------------- the errors


class JSONDecodeError(ValueError):
    __module__ = "json.decoder"

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


# ------------------------------------------------------------ the encoder

_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape_char(ch, ascii_only):
    short = _SHORT_ESCAPES.get(ch)
    if short is not None:
        return short
    n = ord(ch)
    if n < 0x20 or (ascii_only and n > 0x7E):
        if n < 0x10000:
            return "\\u%04x" % n
        n -= 0x10000
        return "\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF))
    return ch


def _encode_str_ascii(s):
    # Printable ASCII without quote or backslash needs no escape at all.
    if s.isascii() and s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
    return '"' + "".join([_escape_char(ch, True) for ch in s]) + '"'


def _encode_str(s):
    if s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
    return '"' + "".join([_escape_char(ch, False) for ch in s]) + '"'


def _float_text(x, allow_nan):
    if x != x:
        text = "NaN"
    elif x == _INF:
        text = "Infinity"
    elif x == -_INF:
        text = "-Infinity"
    else:
        return float.__repr__(x)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class JSONEncoder:
    __module__ = "json.encoder"
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str_ascii(o) if self.ensure_ascii else _encode_str(o)
        return "".join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        out = []
        _Writer(self, indent, out).value(o, 0)
        return out


class _Writer:
    # One encoding run: the options, the output chunks and the ids of the
    # containers being encoded (for "Circular reference detected").

    def __init__(self, enc, indent, out):
        self.default = enc.default
        self.strfn = _encode_str_ascii if enc.ensure_ascii else _encode_str
        self.allow_nan = enc.allow_nan
        self.skipkeys = enc.skipkeys
        self.sort_keys = enc.sort_keys
        self.item_sep = enc.item_separator
        self.key_sep = enc.key_separator
        self.indent = indent
        self.markers = [] if enc.check_circular else None
        self.out = out

    # The containers being encoded nest strictly, so the markers are a
    # stack of ids (a list: its membership test costs the nesting depth,
    # and the pushes and pops cost nothing).
    def enter(self, o):
        markers = self.markers
        if markers is not None:
            key = id(o)
            if key in markers:
                raise ValueError("Circular reference detected")
            markers.append(key)

    def leave(self, o):
        if self.markers is not None:
            self.markers.pop()

    def value(self, o, level):
        out = self.out
        # Exact types first (the usual case), then the isinstance chain in
        # CPython's order, which also serves subclasses.
        t = type(o)
        if t is str:
            out.append(self.strfn(o))
        elif t is int:
            out.append(int.__repr__(o))
        elif t is float:
            out.append(_float_text(o, self.allow_nan))
        elif t is dict:
            self.object(o, level)
        elif t is list:
            self.array(o, level)
        elif isinstance(o, str):
            out.append(self.strfn(o))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_float_text(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self.array(o, level)
        elif isinstance(o, dict):
            self.object(o, level)
        else:
            self.enter(o)
            self.value(self.default(o), level)
            self.leave(o)

    def begin(self, o, bracket, level):
        """Starts a non-empty list or dict: (item separator, level inside)."""
        self.enter(o)
        out = self.out
        out.append(bracket)
        sep = self.item_sep
        if self.indent is not None:
            level += 1
            newline = "\n" + self.indent * level
            sep = sep + newline
            out.append(newline)
        return sep, level

    def end(self, o, bracket, level):
        """Ends what begin() started; level is the one inside."""
        if self.indent is not None:
            self.out.append("\n" + self.indent * (level - 1))
        self.out.append(bracket)
        self.leave(o)

    def array(self, seq, level):
        out = self.out
        if not seq:
            out.append("[]")
            return
        sep, level = self.begin(seq, "[", level)
        first = True
        for item in seq:
            if first:
                first = False
            else:
                out.append(sep)
            self.value(item, level)
        self.end(seq, "]", level)

    def key_text(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _float_text(key, self.allow_nan)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")

    def object(self, dct, level):
        out = self.out
        if not dct:
            out.append("{}")
            return
        sep, level = self.begin(dct, "{", level)
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, val in items:
            text = key if type(key) is str else self.key_text(key)
            if text is None:
                continue
            if first:
                first = False
            else:
                out.append(sep)
            out.append(self.strfn(text))
            out.append(self.key_sep)
            self.value(val, level)
        self.end(dct, "}", level)


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None and indent is None
            and separators is None and default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
         indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    enc = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
              allow_nan=allow_nan, indent=indent, separators=separators, default=default,
              sort_keys=sort_keys, **kw)
    for chunk in enc.iterencode(obj):
        fp.write(chunk)


# ------------------------------------------------------------ the decoder

_WS = " \t\n\r"
_DIGITS = "0123456789"
_HEX = "0123456789abcdefABCDEF"
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_CONSTANTS = {"-Infinity": -_INF, "Infinity": _INF, "NaN": float("nan")}


_NUMBER_START = "-0123456789"


# Runs of whitespace and of digits are measured with str.lstrip on a
# window of the text, which does the character loop in C.
def _skip_ws(s, i):
    while True:
        window = s[i:i + 32]
        k = len(window) - len(window.lstrip(_WS))
        i += k
        if k < 32:
            return i


def _digits_end(s, i):
    while True:
        window = s[i:i + 32]
        k = len(window) - len(window.lstrip(_DIGITS))
        i += k
        if k < 32:
            return i


def _scanstring(s, end, strict=True):
    # s[end - 1] is the opening quote; returns (text, index after the
    # closing quote).  Plain runs between escapes are found with str.find
    # and taken whole; only a run holding something unprintable is walked
    # character by character, to report a control character where the C
    # scanner does.
    n = len(s)
    begin = end - 1
    if end < 0 or end > n:
        raise ValueError("end is out of bounds")
    chunks = []
    while True:
        q = s.find('"', end)
        b = s.find("\\", end, n if q < 0 else q)
        i = b if b >= 0 else q
        if i < 0:
            i = n
        run = s[end:i]
        if strict and not run.isprintable():
            for k in range(len(run)):
                if run[k] <= "\x1f":
                    raise JSONDecodeError("Invalid control character at", s, end + k)
        if i == n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        c = s[i]
        i += 1
        if c == '"':
            if not chunks:
                return run, i
            chunks.append(run)
            return "".join(chunks), i
        if run:
            chunks.append(run)
        if i == n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        c = s[i]
        if c != "u":
            ch = _SIMPLE_ESCAPES.get(c)
            if ch is None:
                raise JSONDecodeError("Invalid \\escape", s, i - 1)
            chunks.append(ch)
            end = i + 1
            continue
        i += 1
        end = i + 4
        if end >= n:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, i - 1)
        code = _hex4(s, i, end)
        # A high surrogate followed by an escaped low one is one character;
        # any other second escape is read again on its own.
        if 0xD800 <= code <= 0xDBFF and end + 6 < n and s[end] == "\\" and s[end + 1] == "u":
            low = _hex4(s, end + 2, end + 6)
            if 0xDC00 <= low <= 0xDFFF:
                code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00))
                end += 6
        chunks.append(chr(code))


def _hex4(s, i, end):
    digits = s[i:end]
    for d in digits:
        if d not in _HEX:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, end - 5)
    return int(digits, 16)


class _Scanner:
    # One decoding run with its hooks; value() reads the JSON value at
    # index i and returns (value, next index), or raises StopIteration(i)
    # when no value starts there (turned into "Expecting value").

    def __init__(self, dec):
        self.strict = dec.strict
        self.object_hook = dec.object_hook
        self.object_pairs_hook = dec.object_pairs_hook
        self.parse_float = dec.parse_float
        self.parse_int = dec.parse_int
        self.parse_constant = dec.parse_constant
        self.memo = {}

    def value(self, s, i):
        if i >= len(s):
            raise StopIteration(i)
        c = s[i]
        if c == '"':
            return _scanstring(s, i + 1, self.strict)
        if c in _NUMBER_START and not (c == "-" and s.startswith("-Infinity", i)):
            return self.number(s, i)
        if c == "{":
            return self.object(s, i + 1)
        if c == "[":
            return self.array(s, i + 1)
        if c == "n" and s.startswith("null", i):
            return None, i + 4
        if c == "t" and s.startswith("true", i):
            return True, i + 4
        if c == "f" and s.startswith("false", i):
            return False, i + 5
        if c == "N" and s.startswith("NaN", i):
            return self.parse_constant("NaN"), i + 3
        if c == "I" and s.startswith("Infinity", i):
            return self.parse_constant("Infinity"), i + 8
        if c == "-" and s.startswith("-Infinity", i):
            return self.parse_constant("-Infinity"), i + 9
        raise StopIteration(i)

    def number(self, s, start):
        # The C scanner's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][-+]?[0-9]+)?
        # where a '.' or exponent without digits is left unread.
        n = len(s)
        i = start
        if s[i] == "-":
            i += 1
            if i >= n:
                raise StopIteration(start)
        c = s[i]
        if "1" <= c <= "9":
            i = _digits_end(s, i + 1)
        elif c == "0":
            i += 1
        else:
            raise StopIteration(start)
        is_float = False
        if i < n - 1 and s[i] == "." and s[i + 1] in _DIGITS:
            is_float = True
            i = _digits_end(s, i + 2)
        if i < n - 1 and s[i] in "eE":
            j = i + 1
            if j < n - 1 and s[j] in "-+":
                j += 1
            k = _digits_end(s, j)
            if k > j:
                is_float = True
                i = k
        text = s[start:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i

    def object(self, s, i):
        n = len(s)
        pairs = []
        memo = self.memo
        strict = self.strict
        value = self.value
        if i < n and s[i] in _WS:
            i = _skip_ws(s, i)
        if i >= n or s[i] != "}":
            while True:
                if i >= n or s[i] != '"':
                    raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
                key, i = _scanstring(s, i + 1, strict)
                key = memo.setdefault(key, key)
                if i < n and s[i] in _WS:
                    i = _skip_ws(s, i)
                if i >= n or s[i] != ":":
                    raise JSONDecodeError("Expecting ':' delimiter", s, i)
                i += 1
                if i < n and s[i] in _WS:
                    i = _skip_ws(s, i)
                val, i = value(s, i)
                pairs.append((key, val))
                if i < n and s[i] in _WS:
                    i = _skip_ws(s, i)
                if i < n and s[i] == "}":
                    break
                if i >= n or s[i] != ",":
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                i += 1
                if i < n and s[i] in _WS:
                    i = _skip_ws(s, i)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), i + 1
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, i + 1

    def array(self, s, i):
        n = len(s)
        items = []
        value = self.value
        if i < n and s[i] in _WS:
            i = _skip_ws(s, i)
        if i >= n or s[i] != "]":
            while True:
                val, i = value(s, i)
                items.append(val)
                if i < n and s[i] in _WS:
                    i = _skip_ws(s, i)
                if i < n and s[i] == "]":
                    break
                if i >= n or s[i] != ",":
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                i += 1
                if i < n and s[i] in _WS:
                    i = _skip_ws(s, i)
        return items, i + 1


class JSONDecoder:
    __module__ = "json.decoder"

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return _Scanner(self).value(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None


_default_decoder = JSONDecoder()


def _detect_encoding(b):
    if b.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if (b.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(b) >= 4 and (not b[0] or not b[1]))
            or (len(b) == 2 and (not b[0] or not b[1]))):
        raise NotImplementedError("minipy's json.loads() reads UTF-8 bytes only, not UTF-16 or UTF-32")
    return "utf-8"


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith("\ufeff"):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f"the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}")
        if _detect_encoding(s) == "utf-8-sig":
            s = bytes(s[3:])
        s = s.decode("utf-8", "surrogatepass")
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw["object_hook"] = object_hook
    if object_pairs_hook is not None:
        kw["object_pairs_hook"] = object_pairs_hook
    if parse_float is not None:
        kw["parse_float"] = parse_float
    if parse_int is not None:
        kw["parse_int"] = parse_int
    if parse_constant is not None:
        kw["parse_constant"] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
         object_pairs_hook=None, **kw):
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)


# json.decoder and json.encoder: the freezer has no packages, so the two
# submodules people import names from are small namespaces registered in
# sys.modules, holding the same classes.
def _submodule(name, **names):
    import sys
    module = type(sys)(name)
    for key, value in names.items():
        setattr(module, key, value)
    sys.modules[name] = module
    return module


decoder = _submodule("json.decoder", JSONDecoder=JSONDecoder, JSONDecodeError=JSONDecodeError)
encoder = _submodule("json.encoder", JSONEncoder=JSONEncoder)
