#!/bin/sh
# Every symbol libminipy.a defines for the outside world must start with
# mpy_ (or MPY_): the library has to drop into any C program.
lib=${1:-build/libminipy.a}
# (api helper) ASan adds an ODR indicator __odr_asan.<name> for each global
# of position-independent code: sanitizer builds only, named after ours.
bad=$(nm -g --defined-only "$lib" | awk 'NF == 3 { print $3 }' | grep -v '^mpy_' | grep -v '^MPY_' |
      grep -v '^__odr_asan\.mpy_' | sort -u)
if [ -n "$bad" ]; then
    echo "check_symbols: exported symbols without the mpy_ prefix in $lib:" >&2
    echo "$bad" >&2
    exit 1
fi
echo "check_symbols: all exported symbols of $lib start with mpy_"
