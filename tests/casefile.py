"""Writer for the case files the Check suites read (see tests/casefile.h).

Used by the tests/gen_*.py scripts, which run python3 as the oracle and
commit its answers, so that `make test` needs no python3."""


def escape(value):
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogatepass")
    out = []
    for b in value:
        c = chr(b)
        if c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif c == "\r":
            out.append("\\r")
        elif b < 0x20 or b == 0x7F:
            out.append("\\x%02x" % b)
        else:
            out.append(c)
    return "".join(out).encode("latin-1").decode("utf-8", "surrogateescape")


def write(path, header, records):
    """records: list of lists of (key, value) pairs."""
    with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="\n") as f:
        for line in header.strip().splitlines():
            f.write("# " + line + "\n")
        f.write("\n")
        for rec in records:
            for k, v in rec:
                f.write("%s: %s\n" % (k, escape(v)))
            f.write("%%\n")
