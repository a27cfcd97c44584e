# bytes basics and a little bytearray.
def err(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)

b = b"hello"
print(b, repr(b"a'b"), repr(b'a\'"'), repr(b"\x00\x7f\x80\t\n\\"), b"", len(b), b[0], b[-1], b[1:3], b[::-1], b[::2])
print(list(b"abc"), [x for x in b"\x01\x02"], b"ab" + b"cd", b"ab" * 3, 2 * b"x", b"ab" == b"ab", b"a" < b"b", b"a" == "a")
print(b"ll" in b, 108 in b, 0 in b, hash(b"abc") == hash(b"ab" + b"c"), hash(b"abc") == hash("abc"))
print(bytes(), bytes(3), bytes([65, 66]), bytes(range(3)), bytes("\xe9", "utf-8"), bytes(b"x"), bytes((1, 2)))
print(b"caf\xc3\xa9".decode(), b"abc".decode("ascii"), b"\xe9".decode("latin-1"), b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode(errors="ignore"))
print(b"\x01\xab".hex(), b"abc".hex(":"), bytes.fromhex("41 42ff"), b"".hex())
print(b",".join([b"a", b"b"]), b"a b  c".split(), b"a,b".split(b","), b"  x ".strip(), b"xxaxx".strip(b"x"))
print(b"abcabc".find(b"c"), b"abcabc".find(99), b"abcabc".count(b"b"), b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"c")))
print(b"aXa".replace(b"a", b"bb"), b"Hello".upper(), b"Hello".lower(), b"123".isdigit(), b"ab".isalpha())
print(d := {b"k": 1}, d[b"k"])
err(lambda: b"a" + "b")
err(lambda: b"a" * 2.0)
err(lambda: "a" in b"a")
err(lambda: 300 in b"a")
err(lambda: b"ab"[5])
err(lambda: b"ab"["x"])
err(lambda: bytes("a"))
err(lambda: bytes([300]))
err(lambda: bytes(["a"]))
err(lambda: bytes(-1))
err(lambda: bytes(1.5))
err(lambda: b"\xff".decode())
err(lambda: b"\xe4\xb8".decode())
err(lambda: b"\xe4\x41".decode())
err(lambda: b"\xed\xa0\x80".decode())
err(lambda: b"ab\xe4\xb8\xadc\xf0\x9f".decode())
err(lambda: b"\xff".decode("ascii"))
err(lambda: b"a".decode("nope"))
err(lambda: bytes.fromhex("0g"))
err(lambda: b"a".join([1]))
err(lambda: b"a" < "a")
print(b"ed\xed\xa0\x80x".decode("utf-8", "replace"), b"\xf4\x90\x80\x80".decode("utf-8", "replace"))
ba = bytearray(b"ab")
ba.append(67)
ba += b"de"
ba[0] = 120
print(ba, len(ba), ba[1], bytes(ba), ba == b"xbCde", ba.decode(), list(ba))
err(lambda: ba.append(256))
err(lambda: hash(ba))
for f, a in [(b"%s-%d", (b"ab", 3)), (b"%s", "x"), (b"%r", "x"), (b"%a", b"x"), (b"%c", 65), (b"%c", b"A"),
             (b"%c", "A"), (b"%b", bytearray(b"q")), (b"%5.1f|%x", (2.25, 255)), (b"\xff%s", b"\xfe"),
             (b"%(k)s", {b"k": b"v"}), (b"%s", 5), (b"%c", 256), (b"%s %s", (b"a",)), (b"%s", (b"a", b"b")),
             (b"%-4s|%4s|%.1s", (b"ab", b"cd", b"ef"))]:
    err(lambda: f % a)
err(lambda: bytearray(b"%d") % 5)
