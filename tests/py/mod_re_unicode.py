# Unicode-aware classes and case-insensitive matching over the first
# 0x3000 code points, compared with CPython as counts and checksums.
import re

ALL = ''.join(map(chr, range(0x3000)))  # map: no Python-level loop (fast under GC stress)

for pat in [r'\w', r'\W', r'\d', r'\s', r'\S', r'(?a)\w', r'(?i)k', r'(?i)s', r'(?i)i', r'(?i)[a-z]',
            r'(?i)[^a-z]', r'(?i)\xe9', r'(?i)σ', r'(?i)ǅ', r'(?i)[α-ω]', r'(?i)\u0130', r'(?i)ß']:
    found = re.findall(pat, ALL)
    print(repr(pat), len(found), [hex(ord(c)) for c in found[:8]], sum(map(ord, found)) % 1000003)
s = ALL
print(len(re.findall(r'\w+', s)), len(re.findall(r'\b', s)), len(re.findall(r'\d', s)))
print(re.findall(r'(?i)straße|ΣΊΣΥΦΟΣ', 'STRAßE σίσυφος'), re.sub(r'(?i)é', 'e', 'ÉéE'))
print(re.findall(r'\w+', 'x² ½ Ⅻ 三 ٣'), re.split(r'\W+', 'naïve café, déjà-vu'))
print(re.match(r'(?i)(\w+) \1', 'Ärger äRGER'), re.match(rb'(?i)\xc9', b'\xe9'))
