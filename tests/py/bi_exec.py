# exec, eval and compile: namespaces, code objects, SyntaxError fields.
print(eval("1 + 2"), eval("  x * 2", {"x": 21}), eval("y", {}, {"y": "local"}))
g = {}
exec("a = 1\nb = a + 1", g)
print(g["a"], g["b"], "__builtins__" in g)
ns_g, ns_l = {"k": 10}, {}
exec("m = k + 1", ns_g, ns_l)
print(ns_l, "m" in ns_g)
code = compile("3 * 7", "<calc>", "eval")
print(type(code).__name__, eval(code))
code = compile("for i in range(3): print('loop', i)", "<loop>", "exec")
print(exec(code))
print(eval(compile("40 + 2", "f", "eval"), {}))
exec(b"print('from bytes')")

def scope():
    z = 5
    return eval("z + 1")

print(scope())
counter = 0
exec("counter += 1")
print(counter)

for src, mode in [("1 +", "eval"), ("a b", "eval"), ("(1", "eval"), ("x = = 1", "exec"),
                  ("def f(:\n    pass", "exec"), ("if True:\nprint(1)", "exec")]:
    try:
        compile(src, "<src>", mode)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text))
try:
    eval("1 +")
except SyntaxError as e:
    print("eval:", e.filename, e.lineno, e.msg)
try:
    exec("raise KeyError('k')")
except KeyError as e:
    print("raised", repr(e))
print(eval("len('abc')", {}))
print(eval("__name__", {"__name__": "custom"}))
