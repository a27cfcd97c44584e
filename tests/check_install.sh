#!/bin/sh
# Installs minipy into a scratch DESTDIR, builds every example from a
# scratch directory with nothing but `pkg-config --cflags --libs minipy`
# (and <minipy/vm.h>), runs them against the installed shared library,
# compares their output with examples/NAME.out, then uninstalls and checks
# that nothing is left behind.
#
#   MAKE=make CC=cc SANITIZE= sh tests/check_install.sh BUILD_DIR
# The Makefile's `test` target runs it; MAKEFLAGS passes its settings on.
set -u
build=${1:-build}
MAKE=${MAKE:-make}
CC=${CC:-cc}
SANITIZE=${SANITIZE:-}
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest="$tmp/dest"
prefix=/opt/minipy

$MAKE --no-print-directory -s BUILD="$build" PREFIX="$prefix" DESTDIR="$dest" install >/dev/null || {
    echo "check_install: make install failed" >&2
    exit 1
}
for f in bin/minipy lib/libminipy.a lib/libminipy.so include/minipy/vm.h lib/pkgconfig/minipy.pc; do
    [ -e "$dest$prefix/$f" ] || { echo "check_install: $prefix/$f not installed" >&2; exit 1; }
done

# The .pc file names the real prefix; the sysroot variable maps it into
# DESTDIR, as when building against a staged install.
export PKG_CONFIG_PATH="$dest$prefix/lib/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$dest"
flags=$(pkg-config --cflags --libs minipy) || { echo "check_install: pkg-config failed" >&2; exit 1; }

mkdir "$tmp/scratch"
fail=0
for src in "$top"/examples/*.c; do
    name=$(basename "$src" .c)
    cp "$src" "$tmp/scratch/"
    (cd "$tmp/scratch" && $CC $SANITIZE -o "$name" "$name.c" $flags) || { fail=1; continue; }
    in=/dev/null
    [ -f "$top/examples/$name.in" ] && in="$top/examples/$name.in"
    LD_LIBRARY_PATH="$dest$prefix/lib" "$tmp/scratch/$name" < "$in" > "$tmp/$name.out" 2>&1
    if ! diff -u "$top/examples/$name.out" "$tmp/$name.out" >&2; then
        echo "check_install: installed example $name differs" >&2
        fail=1
    fi
    # It must really use the installed shared library.
    if ! LD_LIBRARY_PATH="$dest$prefix/lib" ldd "$tmp/scratch/$name" | grep -q "$dest$prefix/lib/libminipy.so.0"; then
        echo "check_install: $name does not load the installed libminipy.so.0" >&2
        fail=1
    fi
done

$MAKE --no-print-directory -s BUILD="$build" PREFIX="$prefix" DESTDIR="$dest" uninstall >/dev/null
left=$(find "$dest" -type f -o -type l)
if [ -n "$left" ]; then
    echo "check_install: left after uninstall:" >&2
    echo "$left" >&2
    fail=1
fi
[ $fail -eq 0 ] && echo "check_install: installed library, header and minipy.pc build and run the examples"
exit $fail
