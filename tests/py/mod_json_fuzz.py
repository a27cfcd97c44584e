# json: seeded random documents and random damage, decoded by CPython and
# minipy alike (random is seeded, so both see the same inputs).
import json
import random

random.seed(1234)
PIECES = ['{', '}', '[', ']', ',', ':', ' ', '\n', '"', '"k"', '"v\\n"', '"\\u00e9"', '"\\ud83d\\ude00"',
          '1', '-', '0', '.5', 'e3', '12', 'true', 'false', 'null', 'NaN', 'Infinity', '\\', 'x', '\t', '"a',
          '\\u12', '-Infinity', '1.0', 'E', '+']

for _ in range(400):
    text = "".join(random.choice(PIECES) for _ in range(random.randint(0, 8)))
    try:
        print(repr(text), "->", repr(json.loads(text)))
    except json.JSONDecodeError as e:
        print(repr(text), "!", e)

def make(depth):
    kind = random.randint(0, 9 if depth < 3 else 5)
    if kind == 0:
        return random.randint(-10**6, 10**6)
    if kind == 1:
        return random.uniform(-1e6, 1e6)
    if kind == 2:
        return "".join(random.choice("ab\"\\\n\t\u00e9\u20ac\U0001f600 /\x01") for _ in range(random.randint(0, 6)))
    if kind == 3:
        return random.choice([True, False, None])
    if kind == 4:
        return random.getrandbits(90) - 2**89
    if kind == 5:
        return random.choice([0.0, -0.0, 1e300, 5e-324, 0.1, 1.5e-10])
    if kind <= 7:
        return [make(depth + 1) for _ in range(random.randint(0, 4))]
    return {random.choice(["k", "key", "\u00fc", "x y", "1"]) + str(i): make(depth + 1) for i in range(random.randint(0, 4))}

for _ in range(60):
    doc = make(0)
    opts = {}
    if random.random() < 0.5:
        opts["indent"] = random.choice([0, 1, 2, "\t"])
    if random.random() < 0.3:
        opts["sort_keys"] = True
    if random.random() < 0.3:
        opts["ensure_ascii"] = False
    if random.random() < 0.2:
        opts["separators"] = (",", ":")
    text = json.dumps(doc, **opts)
    print(text)
    assert json.loads(text) == doc
    # damage one character and decode again
    if text:
        pos = random.randrange(len(text))
        bad = text[:pos] + random.choice('{}[],:"\\x ') + text[pos + 1:]
        try:
            json.loads(bad)
            print("still valid")
        except json.JSONDecodeError as e:
            print("!", e)
