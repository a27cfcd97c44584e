# A newcomer's word-frequency report: Counter, defaultdict, sorting and
# string formatting over a text embedded in the script.
from collections import Counter, defaultdict
import string

TEXT = """
It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair, we had
everything before us, we had nothing before us, we were all going direct to
Heaven, we were all going direct the other way - in short, the period was so
far like the present period, that some of its noisiest authorities insisted
on its being received, for good or for evil, in the superlative degree of
comparison only.
"""


def tokenize(text):
    table = str.maketrans("", "", string.punctuation)
    for line in text.splitlines():
        for word in line.translate(table).lower().split():
            yield word


words = list(tokenize(TEXT))
counts = Counter(words)
print(f"Total words: {len(words)}")
print(f"Distinct words: {len(counts)}")
print()
print("Top 10 words")
print("-" * 26)
for rank, (word, n) in enumerate(counts.most_common(10), start=1):
    bar = "#" * n
    print(f"{rank:>2}. {word:<10} {n:>3} {bar}")
print()

by_length = defaultdict(list)
for word in counts:
    by_length[len(word)].append(word)
print("Words by length")
for length in sorted(by_length):
    group = sorted(by_length[length])
    shown = ", ".join(group[:5])
    more = f" (+{len(group) - 5} more)" if len(group) > 5 else ""
    print(f"  {length:2d}: {shown}{more}")
print()

first_letters = defaultdict(int)
for word in words:
    first_letters[word[0]] += 1
top_letters = sorted(first_letters.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print("Most common first letters:", ", ".join(f"{k}={v}" for k, v in top_letters))

once = sorted(w for w, n in counts.items() if n == 1)
print(f"Hapax legomena: {len(once)}; first five: {once[:5]}")
longest = max(counts, key=lambda w: (len(w), w))
print(f"Longest word: {longest!r} ({len(longest)} letters)")
share = counts["the"] / len(words) * 100
print(f"'the' makes up {share:.1f}% of the text")
pairs = Counter(zip(words, words[1:]))
print("Top pairs:", pairs.most_common(3))
