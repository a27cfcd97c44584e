#!/bin/sh
# Runs every example host program (examples/*.c, built into the directory
# given) with examples/NAME.in as stdin (or /dev/null), stdout and stderr
# together, and compares the output with examples/NAME.out.
dir=${1:-build/examples}
fail=0
n=0
for src in examples/*.c; do
    name=$(basename "$src" .c)
    in=/dev/null
    [ -f "examples/$name.in" ] && in="examples/$name.in"
    out=$(mktemp)
    "$dir/$name" < "$in" > "$out" 2>&1
    rc=$?
    n=$((n + 1))
    if [ $rc -ne 0 ]; then
        echo "example $name: exit status $rc" >&2
        fail=1
    elif ! diff -u "examples/$name.out" "$out" >&2; then
        echo "example $name: output differs from examples/$name.out" >&2
        fail=1
    fi
    rm -f "$out"
done
[ $fail -eq 0 ] && echo "run_examples: $n examples match their expected output"
exit $fail
