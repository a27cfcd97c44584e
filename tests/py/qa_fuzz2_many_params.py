# Duplicate parameter / repeated keyword checks on defs and calls with very
# many names (was quadratic: minutes for 100,000 parameters).
def err(src):
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)

n = 60000
names = ["a%d" % i for i in range(n)]
ns = {}
exec("def g(" + ",".join(names) + "): return a0 + a%d" % (n - 1), ns)
print(ns["g"](*range(n)))
exec("r = dict(" + ",".join(s + "=1" for s in names) + ")", ns)
print(len(ns["r"]))
err("def f(" + ",".join(names[:40]) + ", a7): pass")
err("def f(" + ",".join(names[:40]) + ", *, b, a39): pass")
err("def f(" + ",".join(names[:40]) + ", /, b, *a3): pass")
err("def f(" + ",".join(names[:40]) + ", **a0): pass")
err("def f(" + ",".join(names[:40]) + ", *, b, c, b, a1): pass")
err("lambda " + ",".join(names[:30]) + ", a29: 0")
err("def f(a, b, a): pass")
err("f(" + ",".join(s + "=1" for s in names[:40]) + ", a5=2)")
err("f(" + ",".join(s + "=1" for s in names[:40]) + ", **k, a5=2, a6=3)")
err("f(" + ",".join(s + "=1" for s in names[:40]) + ", **k, **j)")
err("f(a=1, b=2, a=3)")
err("f(" + ",".join(s + "=1" for s in names[:20]) + ", a3=2, x=(yield))")
err("f(" + ",".join(s + "=1" for s in names[:20]) + ", x=[*a for a in b], a3=2)")
err("f(" + ",".join(s + "=1" for s in names[:20]) + ", a3=2, x=[*a for a in b])")
