# Non-ASCII text: case mapping (full mappings, final sigma, title case
# letters), character classes, identifiers, printability in repr, and
# indexing/slicing by code points.
words = ["\u0391\u03a3", "\u0391\u03a3.", "\u03a3", "\u0391\u03a3\u0391", "\u0391'\u03a3", "\u1ffc", "\u01c5a",
         "\u01c6", "a\u01c5", "\u0130stanbul", "\ufb01ne", "\u0149", "\u0390", "\u1fb3", "\xdf", "\u03a3\u03a3\u03a3",
         "\u0391.\u03a3 \u0392", "\u01c4 D\u017d", "\u01c8\u01c9", "\u00b5", "\u017f", "\u1e9e", "\u2160\u2170",
         "\u24b6\u24d0", "\uff21\uff41", "\U00010400\U00010428", "\u0587", "\u1f80"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.title()), repr(w.casefold()), repr(w.swapcase()),
          repr(w.capitalize()), w.isupper(), w.islower(), w.istitle())
chars = "a\xaa\xb2\xb5\xbc\xc0\u0345\u0660\u0966\u0e50\u2070\u2155\u216b\u2460\u3007\u4e00\u4e8c\uff10\U0001d7ce" \
        "\u00a0\u1680\u2028\u3000\u200b\xad\u0378\ue000\U000e0001\u05d0\u0627\u3042\uac00"
for c in chars:
    print(ascii(c), c.isalpha(), c.isdigit(), c.isdecimal(), c.isnumeric(), c.isalnum(), c.isspace(),
          c.isprintable(), c.isidentifier(), ("x" + c).isidentifier())
print(repr("\u200b\xad\u0378\ue000\U000e0001\u2028\xa0\u3000"), ascii("\u03b1\U0001f600"))
s = "na\xefve caf\xe9 \u65e5\u672c\u8a9e \U0001f600 end"
print(len(s), s[6:10], s[-5], s[::-2], s.find("\u65e5"), s.index("end"), s.split(), s.center(30, "\u2500"))
print(s.encode("utf-8"), s.encode("ascii", "backslashreplace"), s.encode("utf-8").decode("utf-8") == s)
print(sorted(["\xe9", "e", "z", "\u65e5", "\U0001f600", "E"]))
e = "\xe9"
print("{:\u2605^9}|{:>5}|{!a}".format("\u03c0", "\xe9\xe9", "\u20ac"), f"{e:*<4}|{e!a}")
