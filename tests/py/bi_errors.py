# The TypeError/ValueError wording of the builtins: each CPython builtin
# checks its arguments in its own way, and the messages differ.
cases = [
    "len()", "len(1, 2)", "len(x=1)", "len(5)", "abs('a')", "abs(x=1)",
    "sorted([], 1)", "sorted()", "sorted([], x=1)", "sorted([], key=None, reverse=1, x=2)",
    "print(x=1)", "print(1, sep=1)", "print(end=3)", "print(file=1)",
    "round(1, 2, 3)", "round()", "round(1, number=2)", "round(1.5, x=1)", "round('a')",
    "min()", "max(default=1)", "max(1, key=1, foo=2)", "max(1, 2, default=3)", "max([])", "min(1)",
    "sum()", "sum([], 1, 2)", "sum(['a'], 'b')", "sum([b'a'], b'')", "sum([1, 'a'])",
    "divmod(1)", "divmod(1, 2, 3)", "divmod('a', 1)", "divmod(1, 0)",
    "pow()", "pow(1, 2, 3, 4)", "pow(2, 3, 0)", "pow(2.0, 3, 5)", "pow(2, -1, 4)",
    "getattr(1)", "getattr(1, 2)", "getattr(1, 'nope')", "setattr(1, 2)", "setattr(1, 'x', 2)",
    "delattr(1)", "hasattr(1)", "hasattr(1, 2)",
    "isinstance(1)", "isinstance(1, 1)", "isinstance(1, (int, 1))", "issubclass(1, int)", "issubclass(int, 1)",
    "chr()", "chr(-1)", "chr(0x110000)", "chr('a')", "chr(1.5)",
    "ord()", "ord('ab')", "ord('')", "ord(1)", "ord(b'ab')",
    "hex(1, 2)", "hex(1.5)", "oct('a')", "bin()",
    "iter()", "iter(1)", "iter(1, 2)", "iter(1, 2, 3)", "next()", "next(1)", "next(1, 2, 3)",
    "format(1, 2, 3)", "format()", "format(1, 2)", "format(1, 'q')",
    "repr()", "ascii(1, 2)", "any()", "all(1, 2)", "any(1)", "id()", "hash(1, 2)", "hash([])",
    "callable()", "vars(1, 2)", "vars(1)", "dir(1, 2)",
    "globals(1)", "locals(1)", "input(1, 2)",
    "exec()", "exec(1, 2, 3, 4)", "exec('1', 1)", "exec('1', {}, 1)", "exec(1)",
    "eval()", "eval('1', 1)", "eval('1', {}, 1)", "eval(1)",
    "compile()", "compile('1', 'f')", "compile('1', 'f', 'x')", "compile(1, 'f', 'exec')",
    "__import__()", "__import__(1)", "__import__('')", "__import__('x', level=-1)",
    "__build_class__()", "__build_class__(1, 2)",
    "exit(1, 2)",
]
for c in cases:
    try:
        r = eval(c)
        print(c, "->", repr(r))
    except Exception as e:
        print(c, "->", type(e).__name__ + ":", e)
