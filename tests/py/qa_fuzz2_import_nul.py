# A module name holding a NUL is not found (the C-string import machinery
# used to cut the name there and import json for "json\0x").
import sys
for src in ('__import__("json\\x00x")', '__import__("json\\x00")', '__import__("\\x00")', '__import__("json\\x00x", globals(), None, ["a"], 0)', '__import__("a\\x00b", {"__name__": "p.q", "__package__": "p"}, None, None, 1)'):
    try:
        print(eval(src))
    except ImportError as e:
        print(type(e).__name__, e, repr(e.name))
print(sys.modules.get("json\x00x"), "json\x00x" in sys.modules)
import json
print(json.dumps([1]))
try:
    __import__("a\x00b", {"__name__": "json.q", "__package__": "json"}, None, None, 1)
except ImportError as e:
    print(type(e).__name__, e, repr(e.name))
try:
    __import__("\x00", {"__name__": "json.q", "__package__": "json"}, None, None, 1)
except ImportError as e:
    print(type(e).__name__, e, repr(e.name))
