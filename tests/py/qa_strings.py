# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: str methods in full
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
s = ' a  b c\td\ne  '
for sep in [None, ' ', 'b', '  ']:
    for n in [-1, 0, 1, 2, 10]:
        t(lambda: s.split(sep, n)); t(lambda: s.rsplit(sep, n)); t(lambda: s.split(sep=sep, maxsplit=n))
t(lambda: ''.split()); t(lambda: ''.split(',')); t(lambda: 'a,b,'.split(',')); t(lambda: 'abc'.split('')); t(lambda: 'abc'.split(1))
t(lambda: 'a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k'.splitlines()); t(lambda: 'a\nb\n'.splitlines(True)); t(lambda: 'a\nb\n'.splitlines(keepends=True))
for x in ['a=b=c', 'abc', '=', '']:
    t(lambda: x.partition('=')); t(lambda: x.rpartition('='))
t(lambda: 'a'.partition('')); t(lambda: 'a'.partition(None))
t(lambda: 'a\tbc\tdef\tg\n\th'.expandtabs()); t(lambda: 'a\tb'.expandtabs(4)); t(lambda: 'a\tb'.expandtabs(0)); t(lambda: 'a\tb'.expandtabs(-1)); t(lambda: 'ab\r\tc'.expandtabs(4))
tb = str.maketrans('abc', 'xyz', 'd')
t(lambda: sorted(tb.items())); t(lambda: 'abcdef'.translate(tb)); t(lambda: 'abc'.translate({97: None, 98: 'BB', 99: 100}))
t(lambda: str.maketrans({'a': 'b', 'c': None})); t(lambda: str.maketrans('ab', 'c')); t(lambda: str.maketrans({'ab': 1})); t(lambda: str.maketrans(1))
t(lambda: 'abc'.translate({97: 1.5})); t(lambda: 'abc'.translate([None, None]))
t(lambda: 'Straße ǅ ﬁ'.casefold()); t(lambda: 'Straße'.upper()); t(lambda: 'ǅ'.lower()); t(lambda: 'ß'.title())
for x in ["hello world", "they're bill's friends", "HELLO wORLD", "a1b2c3 d_e", "ǆemal", "  x  ", "ﬁsh"]:
    t(lambda: x.title()); t(lambda: x.capitalize()); t(lambda: x.swapcase()); t(lambda: x.istitle())
preds = ['isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper']
for x in ['', 'abc', 'ABC', 'Abc', '123', '½', '²', '٣', 'a b', ' \t\n', '_x1', '1x', 'é', '\x00', 'Ab Cd', 'ǅ', 'class', '\u2028', 'Ⅻ', 'a\u0301']:
    print(repr(x), [p for p in preds if getattr(x, p)()])
t(lambda: 'héllo €'.encode()); t(lambda: 'héllo €'.encode('utf-8')); t(lambda: b'h\xc3\xa9'.decode()); t(lambda: b'\xff'.decode()); t(lambda: b'\xff'.decode('utf-8', 'replace'))
t(lambda: b'\xff'.decode('utf-8', 'ignore')); t(lambda: 'é'.encode('ascii')); t(lambda: 'é'.encode('ascii', 'replace')); t(lambda: 'é'.encode('latin-1')); t(lambda: '\ud800'.encode())
t(lambda: b'abc\xe2\x82'.decode()); t(lambda: 'x'.encode('nope')); t(lambda: str(b'ab', 'utf-8')); t(lambda: str(b'\xff', 'utf-8', 'replace')); t(lambda: str(b'ab'))
t(lambda: 'abc'.center(8, '*')); t(lambda: 'abc'.center(6)); t(lambda: 'abc'.ljust(5, '-')); t(lambda: 'abc'.rjust(2)); t(lambda: 'abc'.center(5, 'ab')); t(lambda: '42'.zfill(5)); t(lambda: '-42'.zfill(5)); t(lambda: '+'.zfill(3))
t(lambda: 'aaa'.replace('a', 'b', 2)); t(lambda: 'abc'.replace('', '-')); t(lambda: 'abc'.replace('', '-', 2)); t(lambda: 'abcabc'.count('')); t(lambda: 'aaaa'.count('aa')); t(lambda: 'abc'.find('c', -1)); t(lambda: 'abc'.index('d'))
t(lambda: 'abc'.rindex('d')); t(lambda: 'abcb'.rfind('b', 0, 3)); t(lambda: 'abc'.startswith(('x', 'a'))); t(lambda: 'abc'.endswith('bc', 0, 2)); t(lambda: 'abc'.startswith(['a']))
t(lambda: '  xx  '.strip()); t(lambda: 'xxaxx'.strip('x')); t(lambda: 'abc'.lstrip('ba')); t(lambda: 'abc'.rstrip(None)); t(lambda: 'abc'.removeprefix('ab')); t(lambda: 'abc'.removesuffix('c'))
t(lambda: ','.join(['a', 1])); t(lambda: ','.join('abc')); t(lambda: ''.join([])); t(lambda: 'ab'.join(x for x in 'xyz')); t(lambda: 'a' + 1); t(lambda: 'ab' < 'b'); t(lambda: 'a' * 0)
t(lambda: 'ab'[5]); t(lambda: 'ab'['x']); t(lambda: 'abc'.strip(1)); t(lambda: 'x'.encode(errors='strict')); t(lambda: str.upper(1))
t(lambda: 'abc'.isalpha(1)); t(lambda: 'Hello'.count('l', 3)); t(lambda: 'hello'.index('l', 3, 4)); t(lambda: 'a-b_c d'.title()); t(lambda: "o'neil".title())
