# minipy build.  Everything generated or compiled goes to $(BUILD).
#
#   make              build $(BUILD)/minipy, libminipy.a and libminipy.so
#   make examples     the embedding examples (examples/*.c) in $(BUILD)/examples
#   make install      bin/minipy, lib/libminipy.{a,so*}, include/minipy/vm.h,
#                     lib/pkgconfig/minipy.pc under $(DESTDIR)$(PREFIX); uninstall
#   make test         build and run every test (alias: check)
#   make check-asan   the same tests under AddressSanitizer + UBSan
#   make bench-parse  front-end throughput against python3's compile()
#   make clean

BUILD    ?= build
CC       ?= cc
RE2C     ?= re2c
BISON    ?= bison
OPT      ?= -O2
SANITIZE ?=
CFLAGS   ?=
# -fPIC everywhere: the same objects go into libminipy.a and libminipy.so;
# -fno-semantic-interposition lets the compiler still inline and call
# directly within the library (nobody interposes mpy_ symbols).
CFLAGS   += -std=c11 -D_POSIX_C_SOURCE=200809L -g $(OPT) $(SANITIZE) -fPIC -fno-semantic-interposition \
            -Wall -Wextra -Werror -Wno-unused-parameter
CPPFLAGS += -I. -Ilexer -Iparser -I$(BUILD)/gen
LDFLAGS  += $(SANITIZE)
LDLIBS   += -lm

CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell pkg-config --libs check 2>/dev/null)

# --- sources ---------------------------------------------------------------
GEN_SRC  := $(BUILD)/gen/lexer.c $(BUILD)/gen/grammar.c
LIB_SRC  := $(wildcard parser/*.c) $(wildcard vm/*.c) $(wildcard runtime/*.c)
LIB_OBJ  := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC)) \
            $(BUILD)/obj/gen/lexer.o $(BUILD)/obj/gen/grammar.o \
            $(BUILD)/obj/gen/frozen.o
MAIN_SRC := $(wildcard repl/*.c)
MAIN_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(MAIN_SRC))
TEST_SRC := $(wildcard tests/*.c) $(wildcard tests/*/*.c)
TEST_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(TEST_SRC))

LIB      := $(BUILD)/libminipy.a
PROG     := $(BUILD)/minipy
TESTPROG := $(BUILD)/check_minipy
# The embedding library and its examples (see "the embedding library" below).
SOMAJOR  := 0
SOVER    := $(SOMAJOR).1.0
SOLIB    := $(BUILD)/libminipy.so
SOLIB_V  := $(SOLIB).$(SOVER)
API_HDR  := $(BUILD)/include/minipy/vm.h
EXAMPLES := $(patsubst examples/%.c,$(BUILD)/examples/%,$(wildcard examples/*.c))
PREFIX   ?= /usr/local
DESTDIR  ?=

.PHONY: all test check check-asan check-clang bench-parse conformance bench clean \
        examples install uninstall
all: $(PROG) $(LIB) $(SOLIB)

# --- generated front end -------------------------------------------------------
# The grammar header is what the lexer includes for the token numbers.
$(BUILD)/gen/grammar.c $(BUILD)/gen/grammar.h: grammar/minipy.y
	@mkdir -p $(BUILD)/gen
	$(BISON) -Wall -Werror --defines=$(BUILD)/gen/grammar.h -o $(BUILD)/gen/grammar.c $<

$(BUILD)/gen/lexer.c: lexer/lexer.re $(BUILD)/gen/grammar.h
	@mkdir -p $(BUILD)/gen
	$(RE2C) -W --no-generation-date --no-version --utf8 -o $@ $<

# Python modules frozen into the library (code, codeop, io, traceback ...):
# runtime/lib/freeze.sh turns each runtime/lib/*.py into a C string.
FROZEN_PY := $(sort $(wildcard runtime/lib/*.py))
$(BUILD)/gen/frozen.c: $(FROZEN_PY) runtime/lib/freeze.sh
	@mkdir -p $(BUILD)/gen
	sh runtime/lib/freeze.sh $(FROZEN_PY) > $@.tmp && mv $@.tmp $@

# --- compiling -------------------------------------------------------------
$(BUILD)/obj/%.o: %.c $(BUILD)/gen/grammar.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/tests/%.o: tests/%.c $(BUILD)/gen/grammar.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) $(CHECK_CFLAGS) -MMD -MP -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

# --- the embedding library, examples, install (vm/vm.h is the API) ----------
# libminipy.so.$(SOVER) with SONAME libminipy.so.$(SOMAJOR); the header is
# installed as <minipy/vm.h>, which in-tree builds find in $(BUILD)/include.

# The version script exports mpy_* only (sanitizers add symbols of their own).
$(SOLIB_V): $(LIB_OBJ)
	echo '{ global: mpy_*; local: *; };' > $(BUILD)/libminipy.map
	$(CC) -shared -Wl,-soname,libminipy.so.$(SOMAJOR) -Wl,--version-script=$(BUILD)/libminipy.map \
	    $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(SOLIB): $(SOLIB_V)
	ln -sf libminipy.so.$(SOVER) $(SOLIB).$(SOMAJOR)
	ln -sf libminipy.so.$(SOVER) $@

$(API_HDR): vm/vm.h
	@mkdir -p $(dir $@)
	cp vm/vm.h $@

# Examples use only <minipy/vm.h> and link the static library.
$(BUILD)/examples/%: examples/%.c $(API_HDR) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -I$(BUILD)/include -o $@ $< $(LDFLAGS) $(LIB) $(LDLIBS)

$(BUILD)/minipy.pc: minipy.pc.in
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(SOVER)|' $< > $@

examples: $(EXAMPLES)

install: $(PROG) $(LIB) $(SOLIB) $(BUILD)/minipy.pc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include/minipy
	install -m 755 $(PROG) $(DESTDIR)$(PREFIX)/bin/minipy
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libminipy.a
	install -m 755 $(SOLIB_V) $(DESTDIR)$(PREFIX)/lib/libminipy.so.$(SOVER)
	ln -sf libminipy.so.$(SOVER) $(DESTDIR)$(PREFIX)/lib/libminipy.so.$(SOMAJOR)
	ln -sf libminipy.so.$(SOVER) $(DESTDIR)$(PREFIX)/lib/libminipy.so
	install -m 644 vm/vm.h $(DESTDIR)$(PREFIX)/include/minipy/vm.h
	install -m 644 $(BUILD)/minipy.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/minipy.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/minipy $(DESTDIR)$(PREFIX)/lib/libminipy.a \
	      $(DESTDIR)$(PREFIX)/lib/libminipy.so $(DESTDIR)$(PREFIX)/lib/libminipy.so.$(SOMAJOR) \
	      $(DESTDIR)$(PREFIX)/lib/libminipy.so.$(SOVER) $(DESTDIR)$(PREFIX)/include/minipy/vm.h \
	      $(DESTDIR)$(PREFIX)/lib/pkgconfig/minipy.pc
	-rmdir $(DESTDIR)$(PREFIX)/include/minipy 2>/dev/null

# The shell is linked statically (the libraries stay as they are): no
# dynamic loader at start-up and only the parts of libc it uses in memory
# (`minipy -c pass`: 1.47 -> 1.28 ms, peak RSS 3.0 -> 2.0 MB).  Sanitizer
# runtimes need dynamic linking; PROG_LDFLAGS= builds a dynamic shell.
ifeq ($(SANITIZE),)
PROG_LDFLAGS ?= -static
endif
$(PROG): $(MAIN_OBJ) $(LIB_OBJ)
	$(CC) $(LDFLAGS) $(PROG_LDFLAGS) -o $@ $(MAIN_OBJ) $(LIB_OBJ) $(LDLIBS)

$(TESTPROG): $(TEST_OBJ) $(LIB_OBJ)
	$(CC) $(LDFLAGS) -o $@ $(TEST_OBJ) $(LIB_OBJ) $(CHECK_LIBS) $(LDLIBS)

# --- tests -------------------------------------------------------------------
# Unit tests run from the top directory so they find their case files.
test check: $(PROG) $(TESTPROG) $(SOLIB) $(EXAMPLES)
	@if [ -z "$(CHECK_LIBS)" ]; then echo "Check (libcheck) not found: run .ci/run or apt-get install check pkg-config" >&2; exit 1; fi
	MPY_PROG=$(PROG) CK_FORK=yes $(TESTPROG)
	sh tests/run_cli.sh $(PROG)
	sh tests/run_py.sh $(PROG)
	sh tests/check_symbols.sh $(LIB)
	sh tests/check_symbols.sh $(SOLIB_V)
	sh tests/api/run_examples.sh $(BUILD)/examples
	MAKE="$(MAKE)" CC="$(CC)" SANITIZE="$(SANITIZE)" sh tests/check_install.sh $(BUILD)

# allocator_may_return_null: a huge allocation ([0] * 10**10) must become
# MemoryError, as without ASan, instead of aborting the run.
check-asan:
	ASAN_OPTIONS=allocator_may_return_null=1 $(MAKE) BUILD=build/asan OPT=-O1 \
	    SANITIZE="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

check-clang:
	$(MAKE) BUILD=build/clang CC=clang test

# The behaviour tests with a collection at every interpreter safe point:
# finds objects that C code or a trace slot forgets to keep alive.
check-stress: $(PROG)
	MPY_STRESS_GC=1 RUN_PY_TIMEOUT=120 sh tests/run_py.sh $(PROG)

# The shared acceptance suites beside the project (not part of `make test`).
conformance: $(PROG)
	python3 ../shared/conformance/run $(PROG)

bench: $(PROG)
	../shared/bench/run --minipy $(PROG)

bench-parse: $(PROG)
	python3 bench/parse_throughput.py $(PROG)

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
