# minipy build.  Everything generated or compiled goes to $(BUILD).
#
#   make              build $(BUILD)/minipy and $(BUILD)/libminipy.a
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
CFLAGS   += -std=c11 -D_POSIX_C_SOURCE=200809L -g $(OPT) $(SANITIZE) \
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
            $(BUILD)/obj/gen/lexer.o $(BUILD)/obj/gen/grammar.o
MAIN_SRC := $(wildcard repl/*.c)
MAIN_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(MAIN_SRC))
TEST_SRC := $(wildcard tests/*.c) $(wildcard tests/*/*.c)
TEST_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(TEST_SRC))

LIB      := $(BUILD)/libminipy.a
PROG     := $(BUILD)/minipy
TESTPROG := $(BUILD)/check_minipy

.PHONY: all test check check-asan check-clang bench-parse conformance bench clean
all: $(PROG) $(LIB)

# --- generated front end -------------------------------------------------------
# The grammar header is what the lexer includes for the token numbers.
$(BUILD)/gen/grammar.c $(BUILD)/gen/grammar.h: grammar/minipy.y
	@mkdir -p $(BUILD)/gen
	$(BISON) -Wall -Werror --defines=$(BUILD)/gen/grammar.h -o $(BUILD)/gen/grammar.c $<

$(BUILD)/gen/lexer.c: lexer/lexer.re $(BUILD)/gen/grammar.h
	@mkdir -p $(BUILD)/gen
	$(RE2C) -W --no-generation-date --no-version --utf8 -o $@ $<

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

# While the runtime is written in parallel, symbols nobody defines yet get
# weak placeholders (vm/pending.sh) so that partial trees link.
PENDING_OBJ := $(BUILD)/obj/gen/pending_fn.o $(BUILD)/obj/gen/pending_data.o
$(BUILD)/gen/pending_fn.c: $(LIB_OBJ) $(MAIN_OBJ) $(TEST_OBJ) vm/pending.sh
	@mkdir -p $(BUILD)/gen
	sh vm/pending.sh fn $(LIB_OBJ) $(MAIN_OBJ) $(TEST_OBJ) > $@
$(BUILD)/gen/pending_data.c: $(LIB_OBJ) $(MAIN_OBJ) $(TEST_OBJ) vm/pending.sh
	@mkdir -p $(BUILD)/gen
	sh vm/pending.sh data $(LIB_OBJ) $(MAIN_OBJ) $(TEST_OBJ) > $@

$(PROG): $(MAIN_OBJ) $(LIB_OBJ) $(PENDING_OBJ)
	$(CC) $(LDFLAGS) -o $@ $(MAIN_OBJ) $(LIB_OBJ) $(PENDING_OBJ) $(LDLIBS)

$(TESTPROG): $(TEST_OBJ) $(LIB_OBJ) $(PENDING_OBJ)
	$(CC) $(LDFLAGS) -o $@ $(TEST_OBJ) $(LIB_OBJ) $(PENDING_OBJ) $(CHECK_LIBS) $(LDLIBS)

# --- tests -------------------------------------------------------------------
# Unit tests run from the top directory so they find their case files.
test check: $(PROG) $(TESTPROG)
	@if [ -z "$(CHECK_LIBS)" ]; then echo "Check (libcheck) not found: run .ci/run or apt-get install check pkg-config" >&2; exit 1; fi
	MPY_PROG=$(PROG) CK_FORK=yes $(TESTPROG)
	sh tests/run_cli.sh $(PROG)
	sh tests/run_py.sh $(PROG)
	sh tests/check_symbols.sh $(LIB)

check-asan:
	$(MAKE) BUILD=build/asan OPT=-O1 \
	    SANITIZE="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

check-clang:
	$(MAKE) BUILD=build/clang CC=clang test

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
