#!/bin/sh
# Behaviour tests against outputs recorded from CPython 3.11
# (tests/gen_py_expected.py): every tests/py/NAME.py with a NAME.exp and
# every console transcript tests/repl/NAME.in with a NAME.out.
# Usage: tests/run_py.sh MINIPY [NAME-PATTERN]
# RUN_PY_TIMEOUT (seconds per test, default 10): GC stress runs need more,
# since a collection at every safe point makes long loops quadratic.
prog=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
pat=${2:-*}
top=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
limit=${RUN_PY_TIMEOUT:-10}
export PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 PYTHONUNBUFFERED=1

for py in "$top"/py/$pat.py; do
    [ -f "$py" ] || continue
    name=$(basename "$py" .py)
    exp="$top/py/$name.exp"
    case $name in _*) continue ;; esac
    [ -f "$top/py/$name.stdin" ] && continue # a piped test: see below
    [ -f "$exp" ] || continue
    (cd "$top/py" && timeout "$limit" "$prog" "$name.py" </dev/null >"$tmp/out" 2>"$tmp/err")
    rc=$?
    {
        echo "exit: $rc"
        if [ $rc != 0 ]; then
            printf 'stderr-last-line: %s\n' "$(grep -v '^[[:space:]]*[~^][~^[:space:]]*$' "$tmp/err" | grep -v '^[[:space:]]*$' | tail -n 1 | sed 's/[[:space:]]*$//')"
        fi
        echo "--- stdout ---"
        cat "$tmp/out"
    } >"$tmp/got"
    if cmp -s "$tmp/got" "$exp"; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL tests/py/$name"; diff "$exp" "$tmp/got" | head -n 10 | sed 's/^/    /'
    fi
done

# --- piped-stdin script tests (added for the code module's tests) ---------
# tests/py/NAME.py with NAME.stdin and NAME.out: `minipy NAME.py < NAME.stdin`
# with stdout and stderr merged must print NAME.out exactly (prompts of
# input() and tracebacks interleave, as in the conformance corpus),
# including the caret lines under traceback source lines.
for py in "$top"/py/$pat.py; do
    [ -f "$py" ] || continue
    name=$(basename "$py" .py)
    [ -f "$top/py/$name.stdin" ] && [ -f "$top/py/$name.out" ] || continue
    (cd "$top/py" && timeout "$limit" "$prog" "$name.py" <"$name.stdin" >"$tmp/got" 2>&1)
    cp "$top/py/$name.out" "$tmp/want"
    if cmp -s "$tmp/got" "$tmp/want"; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL tests/py/$name (piped)"; diff "$tmp/want" "$tmp/got" | head -n 10 | sed 's/^/    /'
    fi
done
# --- end of piped-stdin tests ---------------------------------------------

for in in "$top"/repl/$pat.in; do
    [ -f "$in" ] || continue
    name=$(basename "$in" .in)
    exp="$top/repl/$name.out"
    [ -f "$exp" ] || continue
    (cd "$top/repl" && timeout "$limit" "$prog" -q -i <"$in" >"$tmp/got" 2>&1)
    if cmp -s "$tmp/got" "$exp"; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL tests/repl/$name"; diff "$exp" "$tmp/got" | head -n 10 | sed 's/^/    /'
    fi
done
echo "run_py: $pass passed, $fail failed"
[ $fail = 0 ]
