# findall, finditer, sub, subn, split, escape and templates.
import re

print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)=(\d)?', 'a=1 b= c=3'))
print(re.findall(r'(\w)(x)?', 'ab'), re.findall('', 'abc'), re.findall('a*', 'baab'))
print(re.findall(r'\b\w', 'hello big world'), re.findall('(?i)[A-C]', 'aBcD'))
print([m.group() for m in re.finditer(r'\w+', 'one two  three')])
print([m.span() for m in re.finditer(r'a*?', 'aa')])

print(re.sub(r'(\w+)@(\w+)\.com', r'\2:\1', 'joe@example.com, ann@test.com'))
print(re.sub('a', 'b', 'aaaa', 2), re.sub('a', 'b', 'aaaa', count=0), re.subn('a', 'b', 'aaaa'))
print(re.sub(r'(?P<word>\w+)', r'<\g<word>>', 'hi there'), re.sub('(x)', r'\g<1>\g<0>', 'axb'))
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.sub('a|', '-', 'bab'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b5c9'))
print(re.sub(r'(a)|b', r'[\1]', 'ab'), re.sub('a', r'\n\t\\', 'a'), re.sub('a', '\\\\', 'xa'))
print(re.sub('a', r'\x', 'b') if False else re.sub('a', r'\0', 'a') == '\x00')
print(re.sub('(?m)^', '> ', 'one\ntwo\n'), re.subn(r'\s+', ' ', '  a  b   c  '))
print(re.sub('a', lambda m: '', 'banana'), re.sub(b'a', b'o', b'banana'), re.sub(b'(a)', rb'\1\1', b'ba'))
print(re.sub('a', r'\.', 'xa'), re.sub('[aeiou]', lambda m: m.group().upper(), 'education'))

print(re.split(r'\s+', 'a b  c'), re.split(r'(\s+)', 'a b  c'), re.split(',', 'a,b,c', 1))
print(re.split(r'(,)|(;)', 'a,b;c'), re.split('x*', 'axbc'), re.split('', 'abc'))
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'\W+', 'Words, words, words.', maxsplit=1))
print(re.split('[a-f]+', '0a3B9', flags=re.I), re.split(r'\b', 'a b'), re.split('(?=b)', 'abab'))
print(re.split(b',', b'a,b'), re.split('x', ''), re.split('', ''), re.split('a', 'bab', -1))

print(re.escape('a.b*c?d+e(f)[g]{h}|i^j$k\\l m-n#o&p~q'), re.escape('héllo_1'), re.escape(b'a.b'))
print(re.escape('\t\n'), re.match(re.escape('1+1=2?'), '1+1=2?'))
re.purge()
print(re.compile('abc') is re.compile('abc'))

# Replacement templates and callables.
for t in [r'\1\2', r'\g<1>0', r'\10', r'\0', r'\01', r'\011', r'\400', r'\8', r'\g<name>!', r'x\gy',
          r'\a\b\f\v\r', r'\-\.\ ', r'\u0041', r'\N', '\\', r'\g<01>', r'\g<2>', r'\g<-1>', r'\777']:
    try:
        print(repr(t), repr(re.sub(r'(?P<name>a)(b)?', t, 'xabx')))
    except Exception as e:
        print(repr(t), type(e).__name__, e)
for pat, repl, s in [('a', lambda m: 1, 'bab'), ('a', 1, 'a'), (b'a', lambda m: 1, b'a'), (b'a', 1, b'a')]:
    try:
        print(re.sub(pat, repl, s))
    except TypeError as e:
        print(type(e).__name__, e)
print(re.sub(b'a', b'x', bytearray(b'ab')), re.split(b'a', bytearray(b'bab')), re.findall(b'a', bytearray(b'a')))
print(repr(re.match(b'a', bytearray(b'ab'))), re.match(b'(a)', bytearray(b'ab')).group(1))
print(re.compile('a').sub('b', 'aa', count=1), re.compile(',').split('a,b,c', maxsplit=1))

# A tokenizer loop: match(text, pos) repeatedly on one long string.
text = 'foo = 12 + bar * (3 - baz) ; ' * 300
tok = re.compile(r'\s*(?:(\d+)|(\w+)|(.))')
pos = 0
counts = [0, 0, 0]
while pos < len(text):
    m = tok.match(text, pos)
    counts[m.lastindex - 1] += 1
    pos = m.end()
print(counts)
