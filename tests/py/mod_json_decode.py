# json: decoding, hooks and every decoder error against CPython.
import json
import io

def show(text, **kw):
    try:
        v = json.loads(text, **kw)
        print(repr(text), "->", repr(v), type(v).__name__)
    except json.JSONDecodeError as e:
        print(repr(text), "JSONDecodeError:", e, "|", repr(e.msg), e.pos, e.lineno, e.colno, e.doc == text)
    except Exception as e:
        print(repr(text), type(e).__name__, e)

for t in ['0', '-0', '-0.0', '1', '-12', '3.25', '1e3', '1E-3', '2.5e+10', '-1.5E2', '1e400', '-1e400',
          '12345678901234567890123456789', '0.1', '1.7976931348623157e308', '5e-324', '123.456e-789',
          '"str"', '""', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u00e9\\u20AC"', '"\\ud83d\\ude00"',
          '"\\ud800"', '"\\udc00\\ud800"', '"\\ud800\\u0041"', '"\\ud800x"', '"caf\u00e9 \U0001f600"',
          'true', 'false', 'null', 'NaN', 'Infinity', '-Infinity', '[]', '{}', '[1, "a", [], {}]',
          ' \t\n\r[ 1 , 2 ]\n ', '{"a": {"b": {"c": [1, [2, [3]]]}}}', '{"a": 1, "a": 2}',
          '{ "x" : 1 , "y":[true,false,null] }', '[1.0, 1, 1.5e0]']:
    show(t)

errors = ['', ' ', 'x', '[', ']', '{', '}', '[1', '[1,', '[1,]', '[,1]', '[1 2]', '[1;2]', '{"a"}', '{"a" 1}',
          '{"a":}', '{"a": 1', '{"a": 1,', '{"a": 1,}', '{"a": 1 "b": 2}', '{1: 2}', "{'a': 1}", '{a: 1}',
          '"abc', '"abc\\', '"a\\x"', '"a\\u12"', '"a\\u12g4"', '"a\\u123"', '"\\ud800\\u12"', '"\\ud800\\uzzzz0"',
          '"a\x00b"', '"tab\there"', '"new\nline"', 'nul', 'tru', 'fals', 'nan', 'inf', '-inf', '-', '--1', '+1',
          '01', '00', '-01', '1.', '.5', '1.e5', '1e', '1e+', '1E-', '0x10', '1 2', '[1] [2]', '{}x', '"a" "b"',
          'true false', '\ufeff[1]', '[1,\n 2,\n x]', '{\n  "a": 1,\n  "b": ?\n}', '\n\n\n   @',
          '[' * 3 + ']' * 2, '{"a": [1, 2}', '[{"a": 1]', 'Infinit', '-Inf', 'NaNa', '[NaN, -NaN]']
for t in errors:
    show(t)

# strict=False allows control characters inside strings
show('"a\x00b\tc\nd"', strict=False)
show('{"k\n": "v\x1f"}', strict=False)

# hooks
show('{"a": 1, "b": {"c": 2}}', object_hook=lambda d: sorted(d.items()))
show('{"a": 1, "a": 2, "b": [{"z": 0, "y": 1}]}', object_pairs_hook=lambda p: p)
show('{"a": 1}', object_hook=len, object_pairs_hook=lambda p: ("pairs", p))
show('[1, 2.5, 3e2, -0]', parse_int=lambda s: "int:" + s, parse_float=lambda s: "float:" + s)
show('[NaN, Infinity, -Infinity]', parse_constant=lambda s: "const:" + s)
show('[1.5]', parse_float=float)
show('{"n": 10}', parse_int=float)

class Dec(json.JSONDecoder):
    def decode(self, s):
        return ("custom", super().decode(s))

show('[1]', cls=Dec)
print(json.JSONDecoder().raw_decode('[1, 2] trailing'))
print(json.JSONDecoder().raw_decode('xx{"a": 1}yy', 2))
try:
    json.JSONDecoder().raw_decode('xx', 2)
except json.JSONDecodeError as e:
    print(e)

# bytes input and other types
show(b'{"b": [1, 2]}')
show(bytearray(b'"x"'))
show(b'\xef\xbb\xbf[1]')
show('"\u00e9"'.encode("utf-8"))
show(12)
show(None)
show([1])

# load from a file-like object
print(json.load(io.StringIO('{"from": "file", "n": [1, 2]}')))

# the error is a ValueError and carries its parts
try:
    json.loads('{"key": value}')
except ValueError as e:
    print(type(e).__name__, isinstance(e, json.JSONDecodeError), e.args)
    print(type(e).__module__, e.msg, e.pos, e.lineno, e.colno)
err = json.JSONDecodeError("Custom", "ab\ncd\nef", 7)
print(err, err.lineno, err.colno)
print(json.JSONDecodeError.__mro__[1].__name__)

# round trips
doc = {"name": "r\u00e9sum\u00e9", "tags": ["a", "b"], "n": [1, -2, 3.5, 1e100, 10**25],
       "nested": {"t": True, "f": False, "z": None}, "esc": "q\"\\\n\x01"}
for opts in [{}, {"indent": 2}, {"ensure_ascii": False}, {"sort_keys": True, "separators": (",", ":")}]:
    text = json.dumps(doc, **opts)
    print(json.loads(text) == doc, len(text))

# the submodules the classes claim to come from
from json.decoder import JSONDecodeError
import json.encoder
print(JSONDecodeError is json.JSONDecodeError, json.decoder.JSONDecoder is json.JSONDecoder,
      json.encoder.JSONEncoder is json.JSONEncoder)
print(json.JSONDecodeError, json.JSONEncoder, json.JSONDecoder)
