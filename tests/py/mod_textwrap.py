import textwrap
s = "The quick brown fox jumps over the lazy dog. A well-known phrase -- used for testing fonts and keyboards since the late 19th century; it contains every letter."
for w in (10, 20, 35, 70):
    print(textwrap.wrap(s, w))
print(textwrap.fill(s, 30))
print(textwrap.fill(s, 40, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10, break_long_words=False))
print(textwrap.wrap("a\tb\nc  d", 5))
print(textwrap.wrap("", 5), textwrap.wrap("   ", 5))
print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello world!", width=11))
print(textwrap.shorten("Hello world, how are you today?", width=20, placeholder="..."))
print(repr(textwrap.dedent("""
    def f():
        return 1
      
    x
""")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("  a\n   b\n")))
print(repr(textwrap.indent("a\nb\n\nc", "> ")))
print(repr(textwrap.indent("a\n\nb", "+", lambda l: True)))
print(textwrap.wrap("one two three four five six seven", 12, max_lines=2))
print(textwrap.fill("Hello there.  How are you? Fine.", 15, fix_sentence_endings=True))
print(textwrap.wrap("x-y ab-cd-ef long-hyphenated-compound-word-here", 8))
print(textwrap.wrap("abc-def-ghi", 6, break_on_hyphens=False))
try: textwrap.wrap("abc", 0)
except ValueError as e: print(e)
