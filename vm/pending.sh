#!/bin/sh
# Development aid while the runtime is being written in parallel: emits a C
# file of WEAK placeholders for every mpy_ symbol the objects reference but
# nobody defines yet, so that partial trees still link.  A placeholder
# function aborts with "not implemented yet"; a placeholder type spec makes
# an empty type.  Real definitions override them.  Removed once the runtime
# is complete.
kind=$1; shift
undef=$(nm -u "$@" 2>/dev/null | awk '{print $2}' | sort -u)
def=$(nm --defined-only "$@" 2>/dev/null | awk 'NF==3 && $2 != "W" && $2 != "V" {print $3}' | sort -u)
# Functions and data go to two files ($kind fn / data) so that placeholder
# functions are compiled without any header whose prototypes would clash.
if [ "$kind" = fn ]; then
    echo '#include <stdio.h>'; echo '#include <stdlib.h>'
    printf '%s\n' '__attribute__((unused)) static void pending(const char *n) { fprintf(stderr, "minipy: not implemented yet: %s\n", n); abort(); }'
else
    echo '#include "runtime/object.h"'
fi
for s in $(printf '%s\n' "$undef" | grep '^mpy_'); do
    printf '%s\n' "$def" | grep -qx "$s" && continue
    case $kind:$s in
    data:*_spec) n=${s#mpy_}; n=${n%_spec}
            echo "__attribute__((weak)) const mpy_type_spec $s = {.name = \"$n\", .base = MPY_TYPE_OBJECT, .flags = MPY_TF_BASETYPE};" ;;
    data:*_methods|data:*_defs) echo "__attribute__((weak)) const mpy_method_def $s[1];" ;;
    data:*_getsets) echo "__attribute__((weak)) const mpy_getset_def $s[1];" ;;
    fn:*_spec|fn:*_methods|fn:*_defs|fn:*_getsets|data:*) ;;
    fn:*) echo "__attribute__((weak)) void $s(void); void $s(void) { pending(\"$s\"); }" ;;
    esac
done
