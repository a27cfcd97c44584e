"""The re module: regular expressions as CPython 3.11 offers them.

minipy's own implementation, frozen into the interpreter.  This file
parses a pattern into a small tree (reporting syntax errors with CPython's
messages and positions), compiles the tree to the flat instruction list of
the C matcher (runtime/mod_re.c, module _re, which documents the
instructions) and builds the Python-level API on top: Pattern and Match
objects, sub/split/findall, escape and a cache of compiled patterns.

Parsing and compiling are in Python because they run once per pattern
(and the cache makes that once per program); matching, which runs per
character, is in C.  Program.scan returns every match of a finditer-style
walk in one call, so findall/sub/split decode the subject string once.

Differences from CPython:
- IGNORECASE compares lowercase forms, then uppercase forms: this covers
  CPython's extra equivalences (Kelvin sign, long s, dotless i, sigmas)
  for literals and classes, but is not built from the same tables.
- LOCALE is accepted for bytes patterns but behaves like ASCII.
- \\N{...} named characters, DEBUG output, re.template, Pattern.scanner and
  pickling are not supported; no warnings are printed (FutureWarning for
  possible nested sets, DeprecationWarning for odd group names).
- finditer collects its matches eagerly.
- Possessive repeats whose body can match empty may report other group
  spans than CPython (whose own results there are irregular).
- Counted repeats {m,n} are expanded into copies of their body, so huge
  counts of big bodies raise OverflowError instead of compiling.
"""

import _re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "compile", "purge",
    "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U", "ASCII",
    "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag",
]

_MAXSIZE = 9223372036854775807


class RegexFlag(int):
    """A flag value (CPython uses an enum.IntFlag; this mimics its repr)."""

    def _names(self, prefix):
        v = int(self)
        if v == 0:
            return prefix + "NOFLAG"
        names = []
        for name, bit in _FLAG_NAMES:
            if v & bit:
                names.append(prefix + name)
                v &= ~bit
        if v:
            names.append(hex(v))
        return "|".join(names)

    def __repr__(self):
        return self._names("re.")

    __str__ = __repr__

    @property
    def name(self):
        return self._names("")

    @property
    def value(self):
        return int(self)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 0x1FF)

    def __hash__(self):
        return int.__hash__(self)


NOFLAG = RegexFlag(0)
TEMPLATE = T = RegexFlag(1)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
UNICODE = U = RegexFlag(32)
VERBOSE = X = RegexFlag(64)
DEBUG = RegexFlag(128)
ASCII = A = RegexFlag(256)

_FLAG_NAMES = [("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32), ("MULTILINE", 8),
               ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1), ("DEBUG", 128)]


class error(Exception):
    """Raised for an invalid pattern or replacement template.

    msg, pattern and pos (the index of the error, or None) are kept;
    lineno and colno are derived from pos."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            nl = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(nl, 0, pos) + 1
            self.colno = pos - pattern.rfind(nl, 0, pos)
            msg = "%s at position %d" % (msg, pos)
            if nl in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


error.__module__ = "re"

# ------------------------------------------------------------ the parser

# Instruction numbers of runtime/mod_re.c.
_MATCH, _CHAR, _CHAR_I, _ANY, _ANYALL, _CLASS, _SPLIT, _JMP, _SAVE, _AT, _BACKREF = range(11)
_LOOK, _MARK, _CHECK, _GROUPREF_EXISTS = 11, 12, 13, 14
# AT kinds.
(_AT_BEGIN, _AT_BEGIN_LINE, _AT_END, _AT_END_LINE, _AT_BEGIN_STRING, _AT_END_STRING,
 _AT_BOUNDARY, _AT_NON_BOUNDARY, _AT_BOUNDARY_A, _AT_NON_BOUNDARY_A) = range(10)

_DIGITS = "0123456789"
_OCTDIGITS = "01234567"
_HEXDIGITS = "0123456789abcdefABCDEF"
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_WHITESPACE = " \t\n\r\v\f"
_SIMPLE_ESCAPES = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}
_CATEGORIES = {"d": 0, "D": 1, "w": 2, "W": 3, "s": 4, "S": 5}
_REPEAT_CHARS = "*+?{"
_FLAG_CHARS = {"i": 2, "L": 4, "m": 8, "s": 16, "x": 64, "a": 256, "u": 32}
_MAXREPEAT = 4294967295
_MAXGROUPS = 1073741823
_MAXCODE = 4000000


def _is_identifier(name):
    return name.isidentifier()


class _Parser:
    def __init__(self, pattern, text, flags):
        self.pattern = pattern    # the original str or bytes (for errors)
        self.text = text          # the pattern as a str (bytes decoded as latin-1)
        self.is_bytes = not isinstance(pattern, str)
        self.pos = 0
        self.flags = flags
        self.ngroups = 0
        self.names = {}
        self.open = []
        self.lookbehind_groups = None

    def err(self, msg, pos):
        # CPython's tokenizer reads one token ahead, so a lone backslash
        # at the very end is reported as soon as the token before it is
        # consumed, even when another error is found there.
        t = self.text
        k = len(t) - len(t.rstrip("\\"))
        if k % 2:
            last = len(t) - 1
            p0 = last - 1
            if k >= 3 or (last >= 2 and t[last - 2] == "\\"
                          and (last - 2 - len(t[:last - 2].rstrip("\\"))) % 2 == 0):
                p0 = last - 2
            if self.pos > p0 and pos is not None:
                return error("bad escape (end of pattern)", self.pattern, last)
        return error(msg, self.pattern, pos)

    def unknown_extension(self, msg, pos):
        self.pos += len(self.token_at(self.pos))
        return self.err(msg, pos)

    def token_at(self, i):
        """The token at i as CPython's tokenizer sees it (an escape is two
        characters)."""
        t = self.text
        return t[i:i + 2] if t[i:i + 1] == "\\" else t[i:i + 1]

    def peek(self):
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def skip_verbose(self):
        t = self.text
        while self.pos < len(t):
            c = t[self.pos]
            if c in _WHITESPACE:
                self.pos += 1
            elif c == "#":
                while self.pos < len(t) and t[self.pos] != "\n":
                    self.pos += 1
            else:
                break

    def parse(self):
        node = self.parse_alt(True)
        if self.pos < len(self.text):
            # only ')' stops a top-level alternation early
            raise self.err("unbalanced parenthesis", self.pos)
        t = self.text
        if (len(t) - len(t.rstrip("\\"))) % 2:
            # a lone trailing backslash hidden in a verbose-mode comment
            raise error("bad escape (end of pattern)", self.pattern, len(t) - 1)
        return node

    def parse_alt(self, top=False):
        branches = [self.parse_seq(top)]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.parse_seq(False))
        if len(branches) == 1:
            return branches[0]
        return ("alt", branches)

    def parse_seq(self, top):
        items = []
        t = self.text
        while True:
            if self.flags & 64:
                self.skip_verbose()
            if self.pos >= len(t):
                break
            c = t[self.pos]
            if c == "|" or c == ")":
                break
            start = self.pos
            atom = self.parse_atom(items, top)
            if atom is None:
                continue
            atom = self.parse_repeat(atom, t[start] == "(")
            items.append(atom)
        if len(items) == 1:
            return items[0]
        return ("seq", items)

    def repeat_here(self):
        """(min, max, end position) when a repeat starts here, else None."""
        t = self.text
        c = self.peek()
        if c == "*":
            return 0, _MAXREPEAT, self.pos + 1
        if c == "+":
            return 1, _MAXREPEAT, self.pos + 1
        if c == "?":
            return 0, 1, self.pos + 1
        if c != "{":
            return None
        i = self.pos + 1
        j = i
        while j < len(t) and t[j] in _DIGITS:
            j += 1
        lo = t[i:j]
        hi = lo
        if j < len(t) and t[j] == ",":
            k = j + 1
            while k < len(t) and t[k] in _DIGITS:
                k += 1
            hi = t[j + 1:k]
            j = k
        else:
            if not lo:
                return None
        if j >= len(t) or t[j] != "}":
            return None
        mn = int(lo) if lo else 0
        mx = int(hi) if hi else _MAXREPEAT
        if mn >= _MAXREPEAT or mx > _MAXREPEAT:
            raise OverflowError("the repetition number is too large")
        if mx < mn:
            raise self.err("min repeat greater than max repeat", i)
        return mn, mx, j + 1

    def parse_repeat(self, atom, is_group):
        repeated = False
        while True:
            if self.flags & 64:
                self.skip_verbose()
            here = self.pos
            r = self.repeat_here()
            if r is None:
                return atom
            if repeated:
                self.pos = here + 1
                raise self.err("multiple repeat", here)
            if atom[0] == "at" and not is_group:
                self.pos = r[2]
                raise self.err("nothing to repeat", here)
            repeated = True
            mn, mx, self.pos = r
            mode = 0
            if self.peek() == "?":
                self.pos += 1
                mode = 1
            elif self.peek() == "+":
                self.pos += 1
                mode = 2
            atom = ("rep", mn, mx, mode, atom)

    def parse_atom(self, items, top):
        t = self.text
        c = t[self.pos]
        start = self.pos
        if c == "(":
            return self.parse_group(items, top)
        if c == "[":
            return self.parse_class()
        self.pos += 1
        if c == ".":
            return ("any", bool(self.flags & 16))
        if c == "^":
            return ("at", _AT_BEGIN_LINE if self.flags & 8 else _AT_BEGIN)
        if c == "$":
            return ("at", _AT_END_LINE if self.flags & 8 else _AT_END)
        if c == "\\":
            return self.parse_escape(start)
        if c in "*+?":
            raise self.err("nothing to repeat", start)
        if c == "{":
            self.pos = start
            r = self.repeat_here()
            if r is not None:
                self.pos = r[2]
                raise self.err("nothing to repeat", start)
            self.pos = start + 1
        return self.lit(ord(c))

    def lit(self, cp):
        return ("lit", cp, bool(self.flags & 2))

    def ascii(self):
        return bool(self.flags & (256 | 4)) or self.is_bytes

    def cat(self, letter):
        return _CATEGORIES[letter] + (6 if self.ascii() else 0)

    def parse_escape(self, start):
        """An escape outside a class; self.pos is after the backslash."""
        t = self.text
        if self.pos >= len(t):
            raise self.err("bad escape (end of pattern)", start)
        c = t[self.pos]
        self.pos += 1
        if c in _CATEGORIES:
            return ("class", False, [(1, self.cat(c))], False)
        if c == "A":
            return ("at", _AT_BEGIN_STRING)
        if c == "Z":
            return ("at", _AT_END_STRING)
        if c == "b":
            return ("at", _AT_BOUNDARY_A if self.ascii() else _AT_BOUNDARY)
        if c == "B":
            return ("at", _AT_NON_BOUNDARY_A if self.ascii() else _AT_NON_BOUNDARY)
        if c in _DIGITS:
            # octal escape (a leading 0, or three octal digits), else a
            # group reference
            if c == "0":
                return self.lit(self.octal(c, 2, start))
            j = self.pos
            if j + 1 < len(t) and t[j] in _OCTDIGITS and t[j + 1] in _OCTDIGITS and c in _OCTDIGITS:
                v = int(c + t[j:j + 2], 8)
                if v > 0o377:
                    raise self.err("octal escape value \\%s outside of range 0-0o377" % (c + t[j:j + 2]), start)
                self.pos = j + 2
                return self.lit(v)
            digits = c
            if j < len(t) and t[j] in _DIGITS:
                digits += t[j]
                self.pos = j + 1
            g = int(digits)
            if g > self.ngroups:
                raise self.err("invalid group reference %d" % g, start + 1)
            if g in self.open:
                raise self.err("cannot refer to an open group", start)
            self.check_lookbehind_ref(g, start)
            return ("backref", g, bool(self.flags & 2))
        return self.lit(self.char_escape(c, start, False))

    def check_lookbehind_ref(self, g, start):
        if self.lookbehind_groups is not None and g >= self.lookbehind_groups:
            raise self.err("cannot refer to group defined in the same lookbehind subpattern", start)

    def octal(self, first, more, start):
        t = self.text
        digits = first
        while more and self.pos < len(t) and t[self.pos] in _OCTDIGITS:
            digits += t[self.pos]
            self.pos += 1
            more -= 1
        v = int(digits, 8)
        if v > 0o377:
            raise self.err("octal escape value \\%s outside of range 0-0o377" % digits, start)
        return v

    def char_escape(self, c, start, in_class):
        """The code point of a one-character escape \\c (after c)."""
        t = self.text
        if c in _SIMPLE_ESCAPES and (c != "b" or in_class):
            return _SIMPLE_ESCAPES[c]
        if c == "x":
            h = t[self.pos:self.pos + 2]
            if len(h) < 2 or h[0] not in _HEXDIGITS or h[1] not in _HEXDIGITS:
                h = self.hexprefix(2)
                self.pos += len(h)
                raise self.err("incomplete escape \\x" + h, start)
            self.pos += 2
            return int(h, 16)
        if (c == "u" or c == "U") and not self.is_bytes:
            n = 4 if c == "u" else 8
            h = t[self.pos:self.pos + n]
            if len(h) < n or any(ch not in _HEXDIGITS for ch in h):
                h = self.hexprefix(n)
                self.pos += len(h)
                raise self.err("incomplete escape \\%s%s" % (c, h), start)
            self.pos += n
            v = int(h, 16)
            if v > 0x10FFFF:
                raise self.err("bad escape \\%s%s" % (c, h), start)
            return v
        if c == "N" and not self.is_bytes:
            raise NotImplementedError("minipy's re does not support \\N{...} escapes")
        if c in _OCTDIGITS and in_class:
            return self.octal(c, 2, start)
        if c in _DIGITS and in_class:
            raise self.err("bad escape \\%s" % c, start)
        if c in _ASCII_LETTERS:
            raise self.err("bad escape \\%s" % c, start)
        return ord(c)

    def hexprefix(self, n):
        t = self.text
        out = ""
        i = self.pos
        while len(out) < n and i < len(t) and t[i] in _HEXDIGITS:
            out += t[i]
            i += 1
        return out

    def parse_class(self):
        t = self.text
        start = self.pos
        self.pos += 1
        neg = False
        if self.peek() == "^":
            neg = True
            self.pos += 1
        items = []
        first = True
        while True:
            if self.pos >= len(t):
                raise self.err("unterminated character set", start)
            c = t[self.pos]
            if c == "]" and not first:
                self.pos += 1
                break
            first = False
            here = self.pos
            lo = self.class_item()
            if self.peek() == "-" and self.pos + 1 < len(t) and t[self.pos + 1] != "]":
                self.pos += 1
                here2 = self.pos
                hi = self.class_item()
                if lo[0] != 0 or hi[0] != 0:
                    raise self.err("bad character range %s" % t[here:self.pos], here)
                if hi[1] < lo[1]:
                    raise self.err("bad character range %s" % t[here:self.pos], here)
                items.append((0, lo[1], hi[1]))
                continue
            items.append(lo)
        return ("class", neg, items, bool(self.flags & 2))

    def class_item(self):
        """One member: (0, c, c) for a character, (1, cat) for \\d etc."""
        t = self.text
        start = self.pos
        c = t[self.pos]
        self.pos += 1
        if c != "\\":
            return (0, ord(c), ord(c))
        if self.pos >= len(t):
            raise self.err("unterminated character set", self.class_start(start))
        e = t[self.pos]
        self.pos += 1
        if e in _CATEGORIES:
            return (1, self.cat(e))
        v = self.char_escape(e, start, True)
        return (0, v, v)

    def class_start(self, pos):
        # position of the '[' that opened the class containing pos
        i = self.text.rfind("[", 0, pos)
        return i if i >= 0 else pos

    def parse_flags(self, start):
        """Inline flags after '(?': returns (on, off, scoped)."""
        t = self.text
        on = off = 0
        while True:
            c = self.peek()
            if c in _FLAG_CHARS:
                on |= _FLAG_CHARS[c]
                self.pos += 1
            else:
                break
        if self.peek() == "-":
            self.pos += 1
            c = self.peek()
            if c == "":
                raise self.err("missing flag", self.pos)
            if c in _FLAG_CHARS and c not in "imsx":
                raise self.err("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", self.pos + 1)
            if c not in "imsx":
                if c in _ASCII_LETTERS:
                    raise self.err("unknown flag", self.pos)
                raise self.err("missing flag", self.pos)
            while self.peek() in _FLAG_CHARS and self.peek() != "":
                c = self.peek()
                if c not in "imsx":
                    raise self.err("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", self.pos + 1)
                off |= _FLAG_CHARS[c]
                self.pos += 1
            c = self.peek()
            if c != ":":
                if c == "":
                    raise self.err("missing :", self.pos)
                if c in _ASCII_LETTERS:
                    raise self.err("unknown flag", self.pos)
                raise self.err("missing :", self.pos)
            if on & off:
                raise self.err("bad inline flags: flag turned on and off", self.pos)
            self.pos += 1
            return on, off, True
        c = self.peek()
        if c == ")":
            self.pos += 1
            return on, off, False
        if c == ":":
            self.pos += 1
            return on, off, True
        if c == "":
            raise self.err("missing -, : or )", self.pos)
        if c in _ASCII_LETTERS:
            raise self.err("unknown flag", self.pos)
        raise self.err("missing -, : or )", self.pos)

    def check_flag_combination(self, flags, pos):
        if self.is_bytes:
            if flags & 32:
                raise self.err("bad inline flags: cannot use 'u' flag with a bytes pattern", pos)
        else:
            if flags & 4:
                raise self.err("bad inline flags: cannot use 'L' flag with a str pattern", pos)
        if (flags & 256) and (flags & 32):
            raise self.err("bad inline flags: flags 'a', 'u' and 'L' are incompatible", pos)

    def group_name(self, end_char, start):
        """Reads a name up to end_char token by token, as CPython does
        (so an escaped terminator does not end the name)."""
        t = self.text
        if self.pos >= len(t) or t[self.pos] == end_char:
            raise self.err("missing group name", self.pos)
        i = self.pos
        while i < len(t):
            tok = self.token_at(i)
            if tok == end_char:
                return t[self.pos:i], i
            if tok == "\\":
                raise error("bad escape (end of pattern)", self.pattern, i)
            i += len(tok)
        raise self.err("missing %s, unterminated name" % end_char, self.pos)

    def parse_group(self, items, top):
        t = self.text
        start = self.pos
        self.pos += 1
        gid = None
        if self.peek() == "?":
            self.pos += 1
            c = self.peek()
            if c == "":
                raise self.err("unexpected end of pattern", self.pos)
            if c == "P":
                self.pos += 1
                c = self.peek()
                if c == "<":
                    self.pos += 1
                    name, end = self.group_name(">", start)
                    at, self.pos = self.pos, end + 1
                    if not _is_identifier(name):
                        raise self.err("bad character in group name %r" % name, at)
                    gid = self.new_group(start)
                    if name in self.names:
                        raise self.err("redefinition of group name %r as group %d; was group %d"
                                       % (name, gid, self.names[name]), self.pos - len(name) - 1)
                    self.names[name] = gid
                elif c == "=":
                    self.pos += 1
                    name, end = self.group_name(")", start)
                    at, self.pos = self.pos, end + 1
                    if not _is_identifier(name):
                        raise self.err("bad character in group name %r" % name, at)
                    if name not in self.names:
                        raise self.err("unknown group name %r" % name, at)
                    g = self.names[name]
                    if g in self.open:
                        raise self.err("cannot refer to an open group", at)
                    self.check_lookbehind_ref(g, at)
                    return ("backref", g, bool(self.flags & 2))
                elif c == "":
                    raise self.err("unexpected end of pattern", self.pos)
                else:
                    raise self.unknown_extension("unknown extension ?P" + self.token_at(self.pos), start + 1)
            elif c == ":":
                self.pos += 1
            elif c == "#":
                i = t.find(")", self.pos)
                if i < 0:
                    raise self.err("missing ), unterminated comment", start)
                self.pos = i + 1
                return None
            elif c in "=!":
                self.pos += 1
                body = self.parse_body(start)
                return ("look", 0 if c == "=" else 1, body)
            elif c == "<":
                self.pos += 1
                c = self.peek()
                if c not in ("=", "!"):
                    if c == "":
                        raise self.err("unexpected end of pattern", self.pos)
                    raise self.unknown_extension("unknown extension ?<" + self.token_at(self.pos), start + 1)
                self.pos += 1
                saved = self.lookbehind_groups
                if saved is None:
                    self.lookbehind_groups = self.ngroups + 1
                body = self.parse_body(start)
                self.lookbehind_groups = saved
                # the width is checked by the compiler, after the whole
                # pattern parsed (CPython's order of errors)
                return ("look", 2 if c == "=" else 3, body)
            elif c == ">":
                self.pos += 1
                body = self.parse_body(start)
                return ("atomic", body)
            elif c == "(":
                return self.parse_conditional(start)
            elif c in _FLAG_CHARS or c == "-":
                on, off, scoped = self.parse_flags(start)
                self.check_flag_combination(self.flags | on, self.pos - 1)
                if not scoped:
                    if not top or items:
                        raise self.err("global flags not at the start of the expression", start)
                    self.flags |= on
                    return None
                saved = self.flags
                self.flags = (self.flags | on) & ~off
                if on & 256:
                    self.flags &= ~32
                if on & 32:
                    self.flags &= ~256
                body = self.parse_body(start)
                self.flags = saved
                return body
            else:
                raise self.unknown_extension("unknown extension ?" + self.token_at(self.pos), start + 1)
        else:
            gid = self.new_group(start)
        if gid is None:
            return self.parse_body(start)
        self.open.append(gid)
        body = self.parse_body(start)
        self.open.remove(gid)
        return ("group", gid, body)

    def new_group(self, start):
        self.ngroups += 1
        if self.ngroups > _MAXGROUPS:
            raise self.err("too many groups", start)
        return self.ngroups

    def parse_body(self, start):
        """The rest of a group up to its ')'."""
        body = self.parse_alt()
        if self.peek() != ")":
            raise self.err("missing ), unterminated subpattern", start)
        self.pos += 1
        return body

    def parse_conditional(self, start):
        t = self.text
        self.pos += 1
        name, i = self.group_name(")", start)
        if name.isdigit():
            g = int(name)
            if g == 0:
                raise self.err("bad group number", self.pos)
            if g >= _MAXGROUPS:
                raise self.err("invalid group reference %d" % g, self.pos)
        elif _is_identifier(name):
            if name not in self.names:
                raise self.err("unknown group name %r" % name, self.pos)
            g = self.names[name]
        else:
            raise self.err("bad character in group name %r" % name, self.pos)
        self.pos = i + 1
        yes = self.parse_seq(False)
        no = ("empty",)
        if self.peek() == "|":
            self.pos += 1
            no = self.parse_seq(False)
            if self.peek() == "|":
                raise self.err("conditional backref with more than two branches", self.pos)
        if self.peek() != ")":
            raise self.err("missing ), unterminated subpattern", start)
        self.pos += 1
        if g > self.ngroups:
            raise self.err("invalid group reference %d" % g, start + 3)
        return ("cond", g, yes, no)


def _width(node):
    """(min, max) number of characters the node matches; max None: any."""
    kind = node[0]
    if kind in ("lit", "any", "class"):
        return 1, 1
    if kind in ("at", "look", "empty"):
        return 0, 0
    if kind == "seq":
        lo = hi = 0
        for n in node[1]:
            a, b = _width(n)
            lo += a
            hi = None if hi is None or b is None else hi + b
        return lo, hi
    if kind == "alt":
        ws = [_width(n) for n in node[1]]
        lo = min(w[0] for w in ws)
        hi = None if any(w[1] is None for w in ws) else max(w[1] for w in ws)
        return lo, hi
    if kind == "group":
        return _width(node[2])
    if kind == "atomic":
        return _width(node[1])
    if kind == "rep":
        a, b = _width(node[4])
        mx = node[2]
        hi = None if b is None or mx == _MAXREPEAT else b * mx
        return a * node[1], hi
    if kind == "cond":
        a = _width(node[2])
        b = _width(node[3])
        return min(a[0], b[0]), (None if a[1] is None or b[1] is None else max(a[1], b[1]))
    return 0, None   # backreferences


# ---------------------------------------------------------- the compiler

class _Compiler:
    def __init__(self, is_bytes):
        self.code = []
        self.nregs = 0
        self.is_bytes = is_bytes

    def fold(self, cp):
        if self.is_bytes:
            return cp + 32 if 65 <= cp <= 90 else cp
        # U+0130's lowercase is two characters; its simple mapping is the first
        return ord(chr(cp).lower()[0])

    def has_case(self, cp):
        if self.is_bytes:
            return 65 <= cp <= 90 or 97 <= cp <= 122
        ch = chr(cp)
        return ch.lower() != ch or ch.upper() != ch

    def emit(self, node):
        code = self.code
        kind = node[0]
        if kind == "lit":
            cp = node[1]
            if node[2] and self.has_case(cp):
                code += [_CHAR_I, self.fold(cp)]
            else:
                code += [_CHAR, cp]
        elif kind == "any":
            code.append(_ANYALL if node[1] else _ANY)
        elif kind == "class":
            items = node[2]
            code += [_CLASS, (1 if node[1] else 0) | (2 if node[3] else 0), len(items)]
            for it in items:
                if it[0] == 0:
                    code += [0, it[1], it[2]]
                else:
                    code += [1, it[1], 0]
        elif kind == "at":
            code += [_AT, node[1]]
        elif kind == "empty":
            pass
        elif kind == "seq":
            for n in node[1]:
                self.emit(n)
        elif kind == "alt":
            jumps = []
            branches = node[1]
            for i, b in enumerate(branches):
                if i < len(branches) - 1:
                    split = len(code)
                    code += [_SPLIT, split + 3, 0]
                    self.emit(b)
                    jumps.append(len(code))
                    code += [_JMP, 0]
                    code[split + 2] = len(code)
                else:
                    self.emit(b)
            for j in jumps:
                code[j + 1] = len(code)
        elif kind == "group":
            g = node[1]
            code += [_SAVE, 2 * g]
            self.emit(node[2])
            code += [_SAVE, 2 * g + 1]
        elif kind == "backref":
            code += [_BACKREF, node[1], 1 if node[2] else 0]
        elif kind == "look":
            width = 0
            if node[1] >= 2:
                lo, hi = _width(node[2])
                if lo != hi:
                    raise error("look-behind requires fixed-width pattern")
                width = lo
            self.emit_body(node[1], width, node[2])
        elif kind == "atomic":
            self.emit_body(4, 0, node[1])
        elif kind == "cond":
            at = len(code)
            code += [_GROUPREF_EXISTS, node[1], 0]
            self.emit(node[2])
            j = len(code)
            code += [_JMP, 0]
            code[at + 2] = len(code)
            self.emit(node[3])
            code[j + 1] = len(code)
        elif kind == "rep":
            self.emit_repeat(node)
        else:
            raise RuntimeError("internal error in re: unknown node " + kind)

    def emit_body(self, kind, width, body):
        code = self.code
        at = len(code)
        code += [_LOOK, kind, width, 0]
        self.emit(body)
        code.append(_MATCH)
        code[at + 3] = len(code)

    def emit_repeat(self, node):
        _, mn, mx, mode, body = node
        code = self.code
        if mode == 2:
            self.emit_body(4, 0, ("rep", mn, mx, 0, body))
            return
        lazy = mode == 1
        # Counted repeats are expanded into copies of the body: refuse
        # what would not fit in memory.
        copies = mn if mx == _MAXREPEAT else mx
        if copies > 1:
            probe = _Compiler(self.is_bytes)
            probe.emit(body)
            if (len(probe.code) + 3) * copies > _MAXCODE:
                raise OverflowError("regular expression is too large (minipy expands {m,n} repeats)")
        for _ in range(mn):
            self.emit(body)
        if mx == _MAXREPEAT:
            may_be_empty = _width(body)[0] == 0
            loop = len(code)
            code += [_SPLIT, 0, 0]
            first = len(code)
            if may_be_empty:
                r = self.nregs
                self.nregs += 1
                code += [_MARK, r]
            self.emit(body)
            if may_be_empty:
                check = len(code)
                code += [_CHECK, r, 0]
            code += [_JMP, loop]
            out = len(code)
            if may_be_empty:
                code[check + 2] = out
            code[loop + 1], code[loop + 2] = (out, first) if lazy else (first, out)
            return
        # Optional copies: as CPython's repeat, an optional iteration
        # that matched empty ends the repetition.
        may_be_empty = mx > mn and _width(body)[0] == 0
        if may_be_empty:
            r = self.nregs
            self.nregs += 1
        exits = []
        checks = []
        for _ in range(mx - mn):
            split = len(code)
            code += [_SPLIT, 0, 0]
            exits.append(split)
            if may_be_empty:
                code += [_MARK, r]
            self.emit(body)
            if may_be_empty:
                checks.append(len(code))
                code += [_CHECK, r, 0]
        out = len(code)
        for split in exits:
            code[split + 1], code[split + 2] = (out, split + 3) if lazy else (split + 3, out)
        for check in checks:
            code[check + 2] = out


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, str):
        text = pattern
        is_bytes = False
    elif isinstance(pattern, (bytes, bytearray)):
        text = "".join([chr(b) for b in pattern])
        is_bytes = True
        pattern = bytes(pattern)
    else:
        raise TypeError("first argument must be string or compiled pattern")
    if is_bytes:
        if flags & 32:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & 4 and flags & 256:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    else:
        if flags & 4:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if flags & 256 and flags & 32:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    p = _Parser(pattern, text, flags)
    tree = p.parse()
    flags = p.flags
    if not is_bytes and not flags & 256:
        flags |= 32
    c = _Compiler(is_bytes)
    c.code += [_SAVE, 0]
    c.emit(tree)
    c.code += [_SAVE, 1, _MATCH]
    prog = _re.Program(c.code, p.ngroups, c.nregs)
    return Pattern(pattern, flags, p.ngroups, p.names, prog)


# ------------------------------------------------------ Pattern and Match

def _check_subject(pattern, string):
    if isinstance(string, str):
        if pattern._is_bytes:
            raise TypeError("cannot use a bytes pattern on a string-like object")
        return string
    if isinstance(string, (bytes, bytearray)):
        if not pattern._is_bytes:
            raise TypeError("cannot use a string pattern on a bytes-like object")
        return string
    raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


def _as_bytes(string):
    return string if type(string) is bytes or isinstance(string, str) else bytes(string)


class Pattern:
    """A compiled regular expression (re.compile)."""

    def __init__(self, pattern, flags, groups, groupindex, prog):
        self.pattern = pattern
        self.flags = flags
        self.groups = groups
        self._groupindex = groupindex
        self._prog = prog
        self._is_bytes = not isinstance(pattern, str)
        self._names = {g: n for n, g in groupindex.items()}

    @property
    def groupindex(self):
        return dict(self._groupindex)

    def __repr__(self):
        flags = self.flags
        if not self._is_bytes:
            flags &= ~32
        r = repr(self.pattern)
        if len(r) > 200:
            r = r[:200]
        if flags:
            return "re.compile(%s, %r)" % (r, RegexFlag(flags))
        return "re.compile(%s)" % r

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _run(self, string, pos, endpos, mode):
        string = _check_subject(self, string)
        r = self._prog.match(_as_bytes(string), pos, endpos, mode)
        if r is None:
            return None
        return Match(self, string, pos, endpos, r)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def _scan(self, string, pos=0, endpos=_MAXSIZE, limit=0):
        string = _check_subject(self, string)
        return string, self._prog.scan(_as_bytes(string), pos, endpos, limit)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        string, results = self._scan(string, pos, endpos)
        return iter([Match(self, string, pos, endpos, r) for r in results])

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        string, results = self._scan(string, pos, endpos)
        string = _as_bytes(string)
        empty = string[:0]
        out = []
        n = self.groups
        for r in results:
            if n == 0:
                out.append(string[r[1]:r[2]])
            elif n == 1:
                out.append(string[r[3]:r[4]] if r[3] >= 0 else empty)
            else:
                out.append(tuple([string[r[2 * g + 1]:r[2 * g + 2]] if r[2 * g + 1] >= 0 else empty
                                  for g in range(1, n + 1)]))
        return out

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            string = _check_subject(self, string)
            return [string]
        string, results = self._scan(string, 0, _MAXSIZE, maxsplit)
        string = _as_bytes(string)
        out = []
        last = 0
        for r in results:
            out.append(string[last:r[1]])
            for g in range(1, self.groups + 1):
                s = r[2 * g + 1]
                out.append(string[s:r[2 * g + 2]] if s >= 0 else None)
            last = r[2]
        out.append(string[last:])
        return out

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def _subx(self, repl, string, count):
        if count < 0:
            count = 0
        if callable(repl):
            func = repl
            template = None
        else:
            if not isinstance(repl, (str, bytes, bytearray)):
                raise TypeError("decoding to str: need a bytes-like object, %s found" % type(repl).__name__)
            _check_subject(self, repl)
            template = _parse_template(self, repl)
            func = None
        orig = string
        string, results = self._scan(string, 0, _MAXSIZE, count)
        text = _as_bytes(string)
        kind = bytes if self._is_bytes else str
        parts = []
        last = 0
        for r in results:
            if r[1] > last:
                parts.append(text[last:r[1]])
            if func is not None:
                v = func(Match(self, orig, 0, _MAXSIZE, r))
                if v is not None and not isinstance(v, kind):
                    if self._is_bytes and isinstance(v, bytearray):
                        v = bytes(v)
                    else:
                        raise TypeError("sequence item %d: expected %s, %s found"
                                        % (len(parts), "a bytes-like object" if self._is_bytes else
                                           "str instance", type(v).__name__))
                if v:
                    parts.append(v)
            else:
                v = _expand(template, text, r)
                if v:
                    parts.append(v)
            last = r[2]
        parts.append(text[last:])
        return text[:0].join(parts), len(results)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        raise NotImplementedError("minipy's re does not provide Pattern.scanner")


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, pos, endpos, r):
        self.re = pattern
        self.string = string
        n = len(string)
        self.pos = min(max(pos, 0), n)
        self.endpos = min(max(endpos, 0), n)
        self._r = r
        self._text = _as_bytes(string)
        self.lastindex = r[0]

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        return self.re._names.get(self.lastindex)

    @property
    def regs(self):
        r = self._r
        return tuple([(r[2 * g + 1], r[2 * g + 2]) for g in range(self.re.groups + 1)])

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool) or hasattr(type(g), "__index__") and not isinstance(g, (str, bytes)):
            try:
                i = g.__index__()
            except Exception:
                raise IndexError("no such group")
            if 0 <= i <= self.re.groups:
                return i
            raise IndexError("no such group")
        if isinstance(g, str) and g in self.re._groupindex:
            return self.re._groupindex[g]
        raise IndexError("no such group")

    def _get(self, i, default=None):
        s = self._r[2 * i + 1]
        if s < 0:
            return default
        return self._text[s:self._r[2 * i + 2]]

    def group(self, *ids):
        if not ids:
            return self._get(0)
        if len(ids) == 1:
            return self._get(self._index(ids[0]))
        return tuple([self._get(self._index(g)) for g in ids])

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple([self._get(i, default) for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re._groupindex.items()}

    def start(self, group=0):
        return self._r[2 * self._index(group) + 1]

    def end(self, group=0):
        return self._r[2 * self._index(group) + 2]

    def span(self, group=0):
        i = self._index(group)
        return (self._r[2 * i + 1], self._r[2 * i + 2])

    def expand(self, template):
        return _expand(_parse_template(self.re, template), self._text, self._r)

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%r>" % (self._r[1], self._r[2], self._get(0))

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


Pattern.__module__ = "re"
Match.__module__ = "re"


# ------------------------------------------------------------- templates

def _parse_template(pattern, template):
    """A replacement template as a list of literal strings and group
    numbers."""
    is_bytes = not isinstance(template, str)
    t = template if not is_bytes else "".join([chr(b) for b in template])
    out = []
    lit = []
    i = 0
    n = len(t)

    def err(msg, pos):
        return error(msg, template, pos)

    while i < n:
        c = t[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise err("bad escape (end of pattern)", start)
        c = t[i]
        i += 1
        if c == "g":
            if i >= n or t[i] != "<":
                raise err("missing <", i)
            j = t.find(">", i + 1)
            if j < 0:
                raise err("missing >, unterminated name", i + 1)
            name = t[i + 1:j]
            if not name:
                raise err("missing group name", i + 1)
            if name.isdigit() and name.isascii():
                g = int(name)
                if g > pattern.groups:
                    raise err("invalid group reference %d" % g, i + 1)
            elif name.isidentifier():
                if name not in pattern._groupindex:
                    raise IndexError("unknown group name %r" % name)
                g = pattern._groupindex[name]
            else:
                # CPython 3.11 still takes what int() takes (with a
                # DeprecationWarning, which minipy does not print)
                try:
                    g = int(name)
                except ValueError:
                    g = -1
                if g < 0:
                    raise err("bad character in group name %r" % name, i + 1)
                if g > pattern.groups:
                    raise err("invalid group reference %d" % g, i + 1)
            i = j + 1
        elif c == "0":
            v = c
            while len(v) < 3 and i < n and t[i] in _OCTDIGITS:
                v += t[i]
                i += 1
            lit.append(chr(int(v, 8)))
            continue
        elif c in _DIGITS:
            v = c
            if i < n and t[i] in _DIGITS:
                if c in _OCTDIGITS and t[i] in _OCTDIGITS and i + 1 < n and t[i + 1] in _OCTDIGITS:
                    v = c + t[i:i + 2]
                    i += 2
                    val = int(v, 8)
                    if val > 0o377:
                        raise err("octal escape value \\%s outside of range 0-0o377" % v, start)
                    lit.append(chr(val))
                    continue
                v += t[i]
                i += 1
            g = int(v)
            if g > pattern.groups:
                raise err("invalid group reference %d" % g, start + 1)
        elif c in _SIMPLE_ESCAPES:
            lit.append(chr(_SIMPLE_ESCAPES[c]))
            continue
        elif c in _ASCII_LETTERS:
            raise err("bad escape \\%s" % c, start)
        else:
            lit.append("\\" + c)
            continue
        if lit:
            out.append("".join(lit))
            lit = []
        out.append(g)
    if lit:
        out.append("".join(lit))
    if is_bytes:
        out = [bytes([ord(ch) for ch in x]) if isinstance(x, str) else x for x in out]
    return out


def _expand(template, string, r):
    parts = []
    for x in template:
        if isinstance(x, int):
            s = r[2 * x + 1]
            if s >= 0:
                parts.append(string[s:r[2 * x + 2]])
        else:
            parts.append(x)
    empty = string[:0]
    if isinstance(empty, bytearray):
        empty = b""
    return empty.join(parts)


# ---------------------------------------------------- module functions

_cache = {}
_MAXCACHE = 512


def _get(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, int(flags))
    p = _cache.get(key)
    if p is None:
        p = _compile(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            del _cache[next(iter(_cache))]
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _get(pattern, flags)


def match(pattern, string, flags=0):
    return _get(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _get(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _get(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _get(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _get(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _get(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _get(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _get(pattern, flags).finditer(string)


def purge():
    _cache.clear()


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    if isinstance(pattern, str):
        return "".join(["\\" + c if c in _SPECIAL else c for c in pattern])
    pattern = bytes(pattern)
    out = []
    for b in pattern:
        if chr(b) in _SPECIAL:
            out.append(92)
        out.append(b)
    return bytes(out)
