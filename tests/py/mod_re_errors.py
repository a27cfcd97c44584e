# re.error messages and positions for invalid patterns and templates.
import re

PATTERNS = [
    'a{3,1}', 'a**', '*a', 'a|*', '(a', 'a)', '[a', '\\q', '[z-a]', '(?<=a*)b', '(?P<1>a)',
    '(?P=x)', '\\3', '(?x)a(?i)b', '(?z)', '(?', '(?P', '(?Px)', '(?<a>x)', '(?(1)a|b|c)',
    '[\\q]', 'a\\', '[\\d-z]', '(?i', '(?i-i:a)', 'x++*', '(?#abc', '(?P<a>x)(?P<a>y)',
    '+', '?', '{1}', 'a{1}{2}', '^*', '\\b+', '(?P<a', '(?P<>x)', '(a)(?P=', '\\x4', '\\u12',
    '(?<x)', '((a)', 'a\n(b', '[]', '[^]', '\\400', '(a)\\2', '(a\\1)', 'a{2,1}?', '(?-z:a)',
    '(?:a', '(?=a', '(?P<n>a)(?(n)b|c', '(?(x)a)', '(?(0)a)', '(?(2)a)(b)',
]
for p in PATTERNS:
    try:
        re.compile(p)
        print(repr(p), 'ok')
    except re.error as e:
        print(repr(p), type(e).__name__, e, '|', e.msg, e.pos, e.lineno, e.colno)

ok = ['a{,}', 'a{}', 'a{1,2', '[]a]', '[^]a]', '[a-]', '[-a]', '(?:\\b)*', '()*', 'x{2}?', '\\{', 'a{,3}']
for p in ok:
    print(repr(p), [m.group() for m in re.finditer(p, 'a{}]-{{aaa{1,2')][:6])

TEMPLATES = ['\\1', '\\g<2>', '\\g<x>', '\\g<a', '\\g', '\\q', '\\g<1a>', 'a\\', '\\g<>', '\\9']
for t in TEMPLATES:
    try:
        print(repr(t), re.sub('(a)', t, 'xax'))
    except (re.error, IndexError) as e:
        print(repr(t), type(e).__name__, e)

for call in [lambda: re.compile('a', re.L), lambda: re.compile(b'a', re.U), lambda: re.compile('a', re.A | re.U),
             lambda: re.match(1, 'a'), lambda: re.match('a', 1), lambda: re.match('a', b'a'),
             lambda: re.match(b'a', 'a'), lambda: re.compile(re.compile('a'), re.I),
             lambda: re.match('(a)', 'a').group(2), lambda: re.match('(a)', 'a').group('x'),
             lambda: re.match('a', 'a')[1]]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
