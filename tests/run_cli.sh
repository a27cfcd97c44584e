#!/bin/sh
# Command-line checks of the minipy program: flags, exit statuses.
prog=${1:-build/minipy}
fail=0
check() { # description, expected status, command...
    desc=$1; want=$2; shift 2
    "$@" >/dev/null 2>&1; got=$?
    if [ "$got" != "$want" ]; then echo "FAIL run_cli: $desc: exit $got, wanted $want"; fail=1; fi
}
check "--help exits 0" 0 "$prog" --help
check "unknown use exits 2" 2 "$prog" --no-such-flag
[ $fail = 0 ] && echo "run_cli: all passed"
exit $fail
