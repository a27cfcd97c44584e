# json: encoding, options and errors against CPython.
import json
import io

def err(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

print(json.dumps(None), json.dumps(True), json.dumps(False), json.dumps(0), json.dumps(-17))
print(json.dumps(10**40), json.dumps(-(2**70)), json.dumps(1.5), json.dumps(0.1), json.dumps(1e16), json.dumps(1e-7))
print(json.dumps(-0.0), json.dumps(123456789.123456789), json.dumps(5e-324), json.dumps(1.7976931348623157e308))
print(json.dumps(float("nan")), json.dumps(float("inf")), json.dumps(-float("inf")))
print(json.dumps([]), json.dumps({}), json.dumps(()), json.dumps([[]]), json.dumps([{}, [[], {}]]))
print(json.dumps("plain"), json.dumps(""), json.dumps('q"b\\s/'), json.dumps("\b\f\n\r\t\x00\x1f\x7f"))
print(json.dumps("caf\u00e9 \u20ac \U0001d11e \ud800"))
print(json.dumps("caf\u00e9 \u20ac \U0001d11e \x7f\x05", ensure_ascii=False))
print(json.dumps({"a": 1, "b": [1, 2, 3], "c": {"d": None}}))
print(json.dumps([1, (2, 3), {"x": (4,)}]))

# dict keys
print(json.dumps({1: "int", 2.5: "float", True: "t", False: "f", None: "n", "s": "str"}))
print(json.dumps({float("nan"): 1, float("inf"): 2, -float("inf"): 3}))
print(json.dumps({10**20: 1, -1.0: 2}))
err(json.dumps, {(1, 2): 3})
err(json.dumps, {b"x": 3})
print(json.dumps({(1, 2): 3, "ok": 4, frozenset(): 5}, skipkeys=True))
print(json.dumps({(1, 2): 3}, skipkeys=True), json.dumps({(1, 2): 3}, skipkeys=True, indent=2))

# sort_keys and indentation
data = {"zeta": [1, 2, {"b": 2, "a": 1}], "alpha": {"y": [], "x": {}}, "mid": "m", "num": 3.25}
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, indent=0))
print(json.dumps(data, indent=-3))
print(json.dumps(data, indent="--"))
print(json.dumps([1, [2, [3]]], indent=4))
print(json.dumps(data, separators=(",", ":"), sort_keys=True))
print(json.dumps(data, indent=1, separators=(" ,", " = ")))
print(json.dumps({"b": 1, "a": 2}, sort_keys=False), json.dumps({2: 1, 1: 2}, sort_keys=True))
err(json.dumps, {1: 1, "a": 2}, sort_keys=True)

# floats and allow_nan
err(json.dumps, float("nan"), allow_nan=False)
err(json.dumps, [1, float("inf")], allow_nan=False)
err(json.dumps, {float("-inf"): 1}, allow_nan=False)
print(json.dumps([1.0, 2.0], allow_nan=False))

# default and unserializable objects
err(json.dumps, {1, 2})
err(json.dumps, [1, object])
err(json.dumps, b"bytes")
err(json.dumps, range(3))
print(json.dumps({1, 3, 2}, default=sorted))
print(json.dumps({"when": range(1, 4)}, default=lambda o: [o.start, o.stop]))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)

print(json.dumps([Point(1, 2), Point(3, 4)], cls=PointEncoder))
print(json.dumps({"p": Point(0, 0)}, cls=PointEncoder, indent=2))
err(json.dumps, [Point(1, 2), {3}], cls=PointEncoder)
print(PointEncoder(sort_keys=True).encode({"b": Point(5, 6), "a": 1}))
print(json.JSONEncoder().encode("x\ny"), json.JSONEncoder(ensure_ascii=False).encode("\u00e9"))
print("".join(json.JSONEncoder(indent=1).iterencode({"a": [1]})))

# circular references
a = []
a.append(a)
err(json.dumps, a)
d = {}
d["self"] = d
err(json.dumps, d)
err(json.dumps, d, indent=2)
shared = [1, 2]
print(json.dumps([shared, shared, {"s": shared}]))

class Loop:
    pass

err(json.dumps, Loop(), default=lambda o: [o])
err(json.dumps, [Loop()], default=lambda o: o)

# subclasses of the basic types encode as the base type
class MyInt(int):
    def __repr__(self):
        return "MyInt!"

class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"

class MyStr(str):
    pass

class MyList(list):
    pass

class MyDict(dict):
    pass

print(json.dumps([MyInt(5), MyFloat(2.5), MyStr("s"), MyList([1]), MyDict(a=MyInt(1))]))
print(json.dumps({MyInt(3): 1, MyFloat(0.5): 2}))

# dump to a file-like object
buf = io.StringIO()
json.dump({"k": [1, 2, "three"], "n": None}, buf, indent=2, sort_keys=True)
print(buf.getvalue())
buf = io.StringIO()
json.dump("text", buf)
json.dump([1], buf, separators=(",", ":"))
print(buf.getvalue())
err(json.dumps, 1, bogus=1)
