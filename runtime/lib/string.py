"""The string module: character-class constants, capwords and Template.

minipy's own, frozen into the interpreter (runtime/lib/freeze.sh).
Template is parsed by hand (minipy has no `re` module): "$$" is a dollar,
"$name" and "${name}" are placeholders, where a name is an ASCII
identifier as with CPython's default idpattern (case-insensitive
[_a-z][_a-z0-9]*); a subclass may change `delimiter` but not
`idpattern`/`pattern`.  string.Formatter is not provided yet.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s on sep, capitalize each word, join them back with sep (a
    single space when sep is None)."""
    words = s.split(sep)
    return (sep or ' ').join([w.capitalize() for w in words])


_ID_START = ascii_letters + '_'
_ID_CHARS = _ID_START + digits


class Template:
    """A string with $-placeholders, filled in by substitute() and
    safe_substitute()."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    # Yields (literal, name, braced, position) pieces; name is None for a
    # trailing literal, '' for an invalid placeholder at `position`.
    def _pieces(self):
        t = self.template
        d = self.delimiter
        n = len(t)
        i = 0
        start = 0
        while True:
            j = t.find(d, i)
            if j < 0:
                yield t[start:], None, False, n
                return
            k = j + len(d)
            if t.startswith(d, k):
                yield t[start:k], None, False, -1
                i = start = k + len(d)
                continue
            braced = k < n and t[k] == '{'
            p = k + 1 if braced else k
            q = p
            if q < n and t[q] in _ID_START:
                q += 1
                while q < n and t[q] in _ID_CHARS:
                    q += 1
            name = t[p:q]
            if braced:
                if not name or q >= n or t[q] != '}':
                    name = ''
                else:
                    q += 1
            # For an invalid placeholder, the position reported is just
            # after the delimiter (where the name should have started).
            yield t[start:j], name, braced, (j if name else k)
            if name:
                i = start = q
            else:
                i = start = k

    def _invalid(self, pos):
        lines = self.template[:pos].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = pos - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _mapping(self, args, kws, fname):
        if len(args) > 1:
            raise TypeError('Too many positional arguments')
        if not args:
            return kws
        if kws:
            return _ChainLookup(kws, args[0])
        return args[0]

    def substitute(self, *args, **kws):
        mapping = self._mapping(args, kws, 'substitute')
        out = []
        for literal, name, braced, pos in self._pieces():
            if name is None:
                out.append(literal)
            elif name == '':
                self._invalid(pos)
            else:
                out.append(literal)
                out.append('%s' % (mapping[name],))
        return ''.join(out)

    def safe_substitute(self, *args, **kws):
        mapping = self._mapping(args, kws, 'safe_substitute')
        out = []
        t = self.template
        for literal, name, braced, pos in self._pieces():
            if name is None:
                out.append(literal)
                continue
            out.append(literal)
            if name == '':
                out.append(self.delimiter)
                continue
            try:
                out.append('%s' % (mapping[name],))
            except KeyError:
                if braced:
                    out.append(self.delimiter + '{' + name + '}')
                else:
                    out.append(self.delimiter + name)
        return ''.join(out)

    def is_valid(self):
        for literal, name, braced, pos in self._pieces():
            if name == '':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for literal, name, braced, pos in self._pieces():
            if name and name not in ids:
                ids.append(name)
        return ids


class _ChainLookup:
    # Keyword arguments first, then the mapping argument.
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]
