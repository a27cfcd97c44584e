/* Python 3.11 grammar for minipy: a pure push parser whose actions only build
 * AST nodes (parser/ast.c constructors).  See parser/parse_ctx.h for the
 * rules every action follows.
 *
 * The grammar is LALR(1) with no conflicts.  CPython's grammar is PEG, and a
 * few of its rules need more lookahead than one token; those are parsed
 * here as a looser language and checked in the constructors, which also
 * produce CPython's error messages for what they reject:
 * - assignment, augmented-assignment, annotation, `for`, `with` and `del`
 *   targets are parsed as expressions and converted (mpy_ast_target);
 * - keyword arguments are parsed as `expression '=' expression`, and a call's
 *   argument list as a flat list whose order is checked afterwards;
 * - def and lambda parameter lists are flat lists of items, checked as
 *   each arrives (mpy_ast_params_add) and sorted into posonly/args/kwonly
 *   at the end (mpy_ast_arguments_new);
 * - `with (a as b, c):` is told from `with (a, b) as c:` at the first `as`:
 *   a parenthesised list without `as` parses as a tuple expression, which
 *   mpy_ast_with splits back into items as CPython does.
 *
 * Start symbols: the driver pushes START_EXEC, START_SINGLE, START_EVAL or
 * START_FSTRING first (Bison's documented trick for several start symbols).
 *
 * Two kinds of check, at two times, as in CPython:
 * - what CPython's parser rejects (invalid targets, argument order, ...) is
 *   reported by the constructors, in the action of the offending rule;
 * - what its symtable and compiler reject (`return` outside a function,
 *   `break` outside a loop, duplicate parameters, ...) is reported by
 *   mpy_ast_check on the finished tree, in the start rule: CPython reports
 *   those only for input that parses, so `def f(a, a):` is incomplete
 *   input and `class C: return 1` (no final newline, single mode) a syntax
 *   error, exactly as codeop says.
 * The headers of def, class, for, while and lambda are nonterminals of
 * their own, which the error reporting below uses to know where it is.
 *
 * Locations: @$ spans the rule's symbols (YYLLOC_DEFAULT below, which also
 * carries the byte span); rules that end in NEWLINE or DEDENT set @$ to
 * exclude them, since CPython's nodes end with their last real token (a
 * compound statement whose body ends `x;` ends at the ';').
 *
 * Syntax errors: yyreport_syntax_error, at the end, reads the LR stack (the
 * push parser's context carries it) to give CPython's specialised messages.
 */

%require "3.8"
%define api.pure full
%define api.push-pull push
%define api.prefix {mpy_yy}
%define api.token.prefix {TOK_}
%define api.value.type union
%define parse.error custom
%define parse.lac full
%locations
%define api.location.type {mpy_yyltype}
%param {mpy_parse_ctx *ctx}
%expect 0

%code requires {
#include "parse_ctx.h"
#include "ast_internal.h"
}

%code {
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Bison calls this only when its stack is full (parse.error custom reports
 * syntax errors through yyreport_syntax_error); the driver turns that
 * result into "too many nested expressions". */
static void yyerror(const mpy_yyltype *loc, mpy_parse_ctx *ctx, const char *msg)
{
    (void)loc;
    (void)ctx;
    (void)msg;
}

/* The stacks never grow: the driver copies them (grammar/pstate.inc), and
 * overflowing them is reported as too much nesting. */
#define YYINITDEPTH 3000
#define YYMAXDEPTH YYINITDEPTH

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                       \
    do {                                                                  \
        if (N) {                                                          \
            (Cur).first_line = YYRHSLOC(Rhs, 1).first_line;               \
            (Cur).first_column = YYRHSLOC(Rhs, 1).first_column;           \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                         \
            (Cur).last_line = YYRHSLOC(Rhs, N).last_line;                 \
            (Cur).last_column = YYRHSLOC(Rhs, N).last_column;             \
            (Cur).end = YYRHSLOC(Rhs, N).end;                             \
        } else {                                                          \
            (Cur).first_line = (Cur).last_line = YYRHSLOC(Rhs, 0).last_line; \
            (Cur).first_column = (Cur).last_column = YYRHSLOC(Rhs, 0).last_column; \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;               \
        }                                                                 \
    } while (0)

/* An AST position from a Bison location. */
#define L(at) mpy_loc(&(at))
/* Fails the action when a constructor did: out of memory, or a
 * SyntaxError the constructor recorded. */
#define CHK(x)                                                            \
    do {                                                                  \
        if (!(x)) {                                                       \
            if (mpy_parse_nomem(ctx))                                     \
                YYNOMEM;                                                  \
            YYERROR;                                                      \
        }                                                                 \
    } while (0)
#define SEQ1(x) mpy_ast_seq_append(ctx->arena, NULL, (x))
#define APPEND(s, x) mpy_ast_seq_append(ctx->arena, (s), (x))
#define ID(at) mpy_ast_identifier(ctx, &(at))

static mpy_ast_loc span(const mpy_yyltype *a, const mpy_yyltype *b)
{
    return mpy_ast_span(mpy_loc(a), mpy_loc(b));
}

/* One STRING token of an implicitly concatenated literal. */
static mpy_strtok *strtok_new(mpy_parse_ctx *ctx, const mpy_yyltype *at)
{
    mpy_strtok *t = mpy_arena_alloc(ctx->arena, sizeof *t);
    if (t) {
        t->start = at->start;
        t->end = at->end;
        t->loc = mpy_loc(at);
    }
    return t;
}

static mpy_ast_head *head_new(mpy_parse_ctx *ctx, const mpy_yyltype *at)
{
    mpy_ast_head *h = mpy_arena_alloc(ctx->arena, sizeof *h);
    if (h)
        h->loc = mpy_loc(at);
    return h;
}

static char *dotted(mpy_parse_ctx *ctx, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = mpy_arena_alloc(ctx->arena, la + lb + 2);
    if (s) {
        memcpy(s, a, la);
        s[la] = '.';
        memcpy(s + la + 1, b, lb + 1);
    }
    return s;
}

static mpy_ast_elif *elif_new(mpy_parse_ctx *ctx, mpy_ast_expr *test, mpy_ast_seq *body, mpy_ast_loc loc)
{
    mpy_ast_elif *e = mpy_arena_alloc(ctx->arena, sizeof *e);
    if (e) {
        e->test = test;
        e->body = body;
        e->loc = loc;
    }
    return e;
}

static mpy_ast_kv *kv_new(mpy_parse_ctx *ctx, mpy_ast_expr *k, mpy_ast_expr *v, mpy_ast_loc loc)
{
    mpy_ast_kv *kv = mpy_arena_alloc(ctx->arena, sizeof *kv);
    if (kv) {
        kv->key = k;
        kv->value = v;
        kv->loc = loc;
    }
    return kv;
}

/* A slice's position: from its first present part to its last, where an
 * absent bound is not there at all (`a[:]` is just the colon). */
static mpy_ast_loc slice_loc(const mpy_ast_expr *lo, const mpy_yyltype *lo_at, const mpy_yyltype *colon,
                             const mpy_ast_expr *hi, const mpy_yyltype *hi_at)
{
    const mpy_yyltype *a = lo ? lo_at : colon, *b = hi ? hi_at : colon;
    return span(a, b);
}

static mpy_ast_mod *mod_new(mpy_parse_ctx *ctx, mpy_ast_mod_kind kind, mpy_ast_seq *body, mpy_ast_expr *e)
{
    mpy_ast_mod *m = mpy_arena_alloc(ctx->arena, sizeof *m);
    if (m) {
        m->kind = kind;
        m->body = body ? body : mpy_ast_seq_new(ctx->arena);
        m->expr = e;
        if (!m->body)
            return NULL;
    }
    return m;
}
}

/* --- tokens: names, literals and layout --------------------------------- */
/* ENDMARKER is Bison's end-of-input token (number 0). */
%token ENDMARKER 0 "end of input"
/* The driver pushes one of these first to pick the start rule: Bison has one
 * start symbol, and a leading pseudo-token is its documented way to have
 * several ("Multiple start-symbols" in the manual). */
%token START_EXEC START_SINGLE START_EVAL START_FSTRING
%token NAME NUMBER STRING
%token NEWLINE INDENT DEDENT
/* The lexer returns this for `1j` and the like; the grammar accepts it as a
 * number so that the error names the feature instead of "invalid syntax". */
%token IMAGNUMBER

/* --- keywords ------------------------------------------------------------- */
%token FALSE "False" NONE "None" TRUE "True"
%token AND "and" AS "as" ASSERT "assert" ASYNC "async" AWAIT "await"
%token BREAK "break" CLASS "class" CONTINUE "continue" DEF "def" DEL "del"
%token ELIF "elif" ELSE "else" EXCEPT "except" FINALLY "finally" FOR "for"
%token FROM "from" GLOBAL "global" IF "if" IMPORT "import" IN "in" IS "is"
%token LAMBDA "lambda" NONLOCAL "nonlocal" NOT "not" OR "or" PASS "pass"
%token RAISE "raise" RETURN "return" TRY "try" WHILE "while" WITH "with"
%token YIELD "yield"

/* --- operators and delimiters ------------------------------------------- */
%token LPAR "(" RPAR ")" LSQB "[" RSQB "]" LBRACE "{" RBRACE "}"
%token COLON ":" COMMA "," SEMI ";" DOT "." ELLIPSIS "..."
%token PLUS "+" MINUS "-" STAR "*" DOUBLESTAR "**" SLASH "/"
%token DOUBLESLASH "//" PERCENT "%" AT "@" LEFTSHIFT "<<" RIGHTSHIFT ">>"
%token AMPER "&" VBAR "|" CIRCUMFLEX "^" TILDE "~"
%token LESS "<" GREATER ">" LESSEQUAL "<=" GREATEREQUAL ">=" EQEQUAL "=="
%token NOTEQUAL "!=" EQUAL "=" RARROW "->" COLONEQUAL ":="
%token PLUSEQUAL "+=" MINEQUAL "-=" STAREQUAL "*=" SLASHEQUAL "/="
%token DOUBLESLASHEQUAL "//=" PERCENTEQUAL "%=" ATEQUAL "@="
%token AMPEREQUAL "&=" VBAREQUAL "|=" CIRCUMFLEXEQUAL "^="
%token LEFTSHIFTEQUAL "<<=" RIGHTSHIFTEQUAL ">>=" DOUBLESTAREQUAL "**="
/* `!` is only meaningful inside f-string replacement fields; elsewhere the
 * lexer returns it so the parser can report "invalid syntax" at it. */
%token EXCLAMATION "!"


/* --- semantic values ------------------------------------------------------ */
%type <mpy_ast_seq *> file_input interactive_input single_input stmt_seq simple_run simple_line simple_only
%type <mpy_ast_seq *> block else_opt elif_list except_list finally_opt decorators
%type <mpy_ast_seq *> assign_lhs del_targets sel snl exprs target_list kv_list strings slice_list
%type <mpy_ast_seq *> arg_list name_list dotted_as_names import_as_names
%type <mpy_ast_seq *> import_targets with_items with_as_items for_if_clauses
%type <mpy_ast_stmt *> simple_stmt compound_stmt expr_stmt return_stmt raise_stmt del_stmt
%type <mpy_ast_stmt *> assert_stmt global_stmt nonlocal_stmt import_stmt if_stmt while_stmt
%type <mpy_ast_stmt *> for_stmt try_stmt with_stmt funcdef classdef decorated async_stmt
%type <mpy_ast_expr *> expression named_expression star_expressions star_expression
%type <mpy_ast_expr *> star_named_expression star_exprs_or_yield yield_expr expressions
%type <mpy_ast_expr *> disjunction conjunction inversion comparison bitwise_or bitwise_xor
%type <mpy_ast_expr *> bitwise_and shift_expr sum term factor power primary atom lambdef
%type <mpy_ast_expr *> slices slice_item slice expr_opt star_targets target_elem for_target
%type <mpy_ast_expr *> with_target decorator ret_opt ann_opt star_ann_opt fstring_expr
%type <mpy_ast_seq *> or_list and_list
%type <mpy_ast_cmptail *> cmp_tail
%type <int> comp_op augassign dots
%type <mpy_ast_kv *> kv
%type <mpy_ast_callarg *> arg_item
%type <mpy_ast_param *> param_item lparam_item
%type <mpy_ast_params *> param_list lparam_list
%type <mpy_ast_arguments *> def_params
%type <mpy_ast_head *> aug_lhs funcdef_head class_head for_head while_head for_body while_body lambda_head
%type <mpy_ast_comprehension *> for_if_clause
%type <mpy_ast_withitem *> with_item
%type <mpy_ast_excepthandler *> except_clause
%type <mpy_ast_alias *> dotted_as_name import_as_name
%type <const char *> dotted_name
%type <mpy_ast_elif *> elif_clause

%%

/* ========================================================================== */
/* Start symbols                                                              */

/* The finished tree gets the checks CPython's symtable and compiler make
 * (mpy_ast_check): they report only for input that parses. */
start:
    START_EXEC file_input             { CHK(ctx->result = mod_new(ctx, MPY_AST_MODULE, $2, NULL));
                                        CHK(mpy_ast_check(ctx, ctx->result)); }
  | START_SINGLE interactive_input    { CHK(ctx->result = mod_new(ctx, MPY_AST_INTERACTIVE, $2, NULL));
                                        CHK(mpy_ast_check(ctx, ctx->result)); }
  | START_EVAL expressions newlines_opt { CHK(ctx->result = mod_new(ctx, MPY_AST_EXPRESSION, NULL, $2));
                                        CHK(mpy_ast_check(ctx, ctx->result)); }
  | START_FSTRING fstring_expr newlines_opt { ctx->fstring_result = $2; }
  ;

file_input:
    %empty                            { $$ = NULL; }
  | stmt_seq                          { $$ = $1; }
  ;

/* CPython's `interactive: statement_newline`, plus the NEWLINEs that come
 * after the statement (the driver adds one before ENDMARKER, as pegen's
 * tokenizer does in single mode); an empty input is an empty body. */
interactive_input:
    single_input newlines_opt         { $$ = $1; }
  ;

single_input:
    %empty                            { $$ = NULL; }
  | simple_line                       { $$ = $1; }
  | compound_stmt NEWLINE             { CHK($$ = SEQ1($1)); }
  ;

newlines_opt:
    %empty
  | newlines_opt NEWLINE
  ;

/* Inside an f-string replacement field (the driver wraps the text in
 * parentheses, as CPython does). */
fstring_expr:
    star_expressions                  { $$ = $1; }
  | yield_expr                        { $$ = $1; }
  ;

/* ========================================================================== */
/* Statements                                                                 */

/* A statement list.  Simple statements append straight to the list they
 * follow (simple_run starts from the list), so building a module of n
 * statements is O(n): no sequence is ever concatenated. */
stmt_seq:
    compound_stmt                     { CHK($$ = SEQ1($1)); }
  | simple_run NEWLINE                { $$ = $1; @$ = @1; }
  | simple_run ";" NEWLINE            { $$ = $1; @$ = @1; @$.last_line = @2.last_line;
                                        @$.last_column = @2.last_column; @$.end = @2.end; }
  | stmt_seq compound_stmt            { CHK($$ = APPEND($1, $2)); }
  ;

simple_run:
    simple_stmt                       { CHK($$ = SEQ1($1)); }
  | stmt_seq simple_stmt              { CHK($$ = APPEND($1, $2)); }
  | simple_run ";" simple_stmt        { CHK($$ = APPEND($1, $3)); }
  ;

/* The simple statements of one line, as a block (`if x: a; b`). */
simple_line:
    simple_only NEWLINE               { $$ = $1; @$ = @1; }
  | simple_only ";" NEWLINE           { $$ = $1; @$ = @1; @$.last_line = @2.last_line;
                                        @$.last_column = @2.last_column; @$.end = @2.end; }
  ;

simple_only:
    simple_stmt                       { CHK($$ = SEQ1($1)); }
  | simple_only ";" simple_stmt       { CHK($$ = APPEND($1, $3)); }
  ;

block:
    NEWLINE INDENT stmt_seq DEDENT    { $$ = $3; @$ = @3; }
  | simple_line                       { $$ = $1; }
  ;

simple_stmt:
    expr_stmt                         { $$ = $1; }
  | return_stmt                       { $$ = $1; }
  | import_stmt                       { $$ = $1; }
  | raise_stmt                        { $$ = $1; }
  | "pass"                            { CHK($$ = mpy_ast_simple(ctx, MPY_AST_STMT_Pass, L(@$))); }
  | del_stmt                          { $$ = $1; }
  | assert_stmt                       { $$ = $1; }
  | "break"                           { CHK($$ = mpy_ast_simple(ctx, MPY_AST_STMT_Break, L(@$))); }
  | "continue"                        { CHK($$ = mpy_ast_simple(ctx, MPY_AST_STMT_Continue, L(@$))); }
  | global_stmt                       { $$ = $1; }
  | nonlocal_stmt                     { $$ = $1; }
  ;

compound_stmt:
    if_stmt                           { $$ = $1; }
  | while_stmt                        { $$ = $1; }
  | for_stmt                          { $$ = $1; }
  | try_stmt                          { $$ = $1; }
  | with_stmt                         { $$ = $1; }
  | funcdef                           { $$ = $1; }
  | classdef                          { $$ = $1; }
  | decorated                         { $$ = $1; }
  | async_stmt                        { $$ = $1; }
  ;

/* async def/for/with are outside minipy's subset.  Reading the keyword
 * after `async` before failing keeps `async = 1` an "invalid syntax" at
 * the '=', as in CPython. */
async_stmt:
    "async" "def"                     { $$ = NULL; mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, L(@$), "'async def' is not supported"); YYERROR; }
  | "async" "for"                     { $$ = NULL; mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, L(@$), "'async for' is not supported"); YYERROR; }
  | "async" "with"                    { $$ = NULL; mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, L(@$), "'async with' is not supported"); YYERROR; }
  ;

/* --- expression statements and assignments -------------------------------- */

/* Targets are parsed as expressions (LALR cannot know a target until it
 * sees the '='); mpy_ast_assign and friends convert and check them. */
expr_stmt:
    star_exprs_or_yield               { CHK($$ = mpy_ast_expr_stmt(ctx, $1, L(@$))); }
  | assign_lhs star_exprs_or_yield    { CHK($$ = mpy_ast_assign(ctx, $1, $2, L(@$))); }
  | star_expressions ":" expression   { CHK($$ = mpy_ast_annassign(ctx, $1, $3, NULL, L(@$))); }
  | star_expressions ":" expression "=" star_exprs_or_yield
                                      { CHK($$ = mpy_ast_annassign(ctx, $1, $3, $5, L(@$))); }
  | aug_lhs star_exprs_or_yield
        { if (!$1->a) {
              /* the illegal target noted by aug_lhs */
              mpy_ast_aug_target(ctx, ctx->bad_aug);
              YYERROR;
          }
          CHK($$ = mpy_ast_augassign(ctx, $1->a, $1->op, $2, L(@$))); }
  ;

/* The target is checked when the operator is read.  An illegal one
 * (`f() += 1`) is only noted: CPython's first pass fails at the operator
 * (so the input is an error, never incomplete), and its diagnostic pass
 * reads the right side before it names the target, which makes `f() += (`
 * "'(' was never closed" and `f() +=` "invalid syntax" (yyreport_syntax_
 * error). */
aug_lhs:
    star_expressions augassign
        { mpy_ast_expr *t = NULL;
          if (mpy_ast_aug_target_legal($1))
              CHK(t = mpy_ast_aug_target(ctx, $1));
          else {
              ctx->bad_aug = $1;
              ctx->bad_aug_op = @2;
          }
          CHK($$ = head_new(ctx, &@1)); $$->a = t; $$->op = $2; }
  ;

/* The first target's message depends on what follows (CPython suggests
 * '==' for `f() = 1` but not for `f() = x = 1`), so it is checked by
 * mpy_ast_assign, or here when a second target shows there is a chain;
 * later targets are checked as their '=' is read. */
assign_lhs:
    star_exprs_or_yield "="
        { CHK($$ = SEQ1($1));
          if (mpy_ast_target_bad($1))
              ctx->bad_target = $1; }
  | assign_lhs star_exprs_or_yield "="
        { if (MPY_SEQ_LEN($1) == 1)
              CHK(mpy_ast_chain_target(ctx, MPY_SEQ_GET($1, 0)));
          CHK(mpy_ast_chain_target(ctx, $2));
          CHK($$ = APPEND($1, $2)); }
  ;

star_exprs_or_yield:
    star_expressions                  { $$ = $1; }
  | yield_expr                        { $$ = $1; }
  ;

augassign:
    "+="  { $$ = MPY_AST_OP_Add; }
  | "-="  { $$ = MPY_AST_OP_Sub; }
  | "*="  { $$ = MPY_AST_OP_Mult; }
  | "@="  { $$ = MPY_AST_OP_MatMult; }
  | "/="  { $$ = MPY_AST_OP_Div; }
  | "%="  { $$ = MPY_AST_OP_Mod; }
  | "&="  { $$ = MPY_AST_OP_BitAnd; }
  | "|="  { $$ = MPY_AST_OP_BitOr; }
  | "^="  { $$ = MPY_AST_OP_BitXor; }
  | "<<=" { $$ = MPY_AST_OP_LShift; }
  | ">>=" { $$ = MPY_AST_OP_RShift; }
  | "**=" { $$ = MPY_AST_OP_Pow; }
  | "//=" { $$ = MPY_AST_OP_FloorDiv; }
  ;

/* --- other simple statements -------------------------------------------- */

return_stmt:
    "return"                          { CHK($$ = mpy_ast_return(ctx, NULL, L(@$))); }
  | "return" star_expressions         { CHK($$ = mpy_ast_return(ctx, $2, L(@$))); }
  ;

raise_stmt:
    "raise"                           { CHK($$ = mpy_ast_raise(ctx, NULL, NULL, L(@$))); }
  | "raise" expression                { CHK($$ = mpy_ast_raise(ctx, $2, NULL, L(@$))); }
  | "raise" expression "from" expression { CHK($$ = mpy_ast_raise(ctx, $2, $4, L(@$))); }
  ;

del_stmt:
    "del" del_targets                 { CHK($$ = mpy_ast_delete(ctx, $2, L(@$))); }
  | "del" del_targets ","             { CHK($$ = mpy_ast_delete(ctx, $2, L(@$))); }
  ;

/* Each target is checked as it is read. */
del_targets:
    star_expression                   { mpy_ast_expr *t; CHK(t = mpy_ast_target(ctx, $1, MPY_TARGET_DEL)); CHK($$ = SEQ1(t)); }
  | del_targets "," star_expression   { mpy_ast_expr *t; CHK(t = mpy_ast_target(ctx, $3, MPY_TARGET_DEL)); CHK($$ = APPEND($1, t)); }
  ;

assert_stmt:
    "assert" expression               { CHK($$ = mpy_ast_assert(ctx, $2, NULL, L(@$))); }
  | "assert" expression "," expression { CHK($$ = mpy_ast_assert(ctx, $2, $4, L(@$))); }
  ;

global_stmt:
    "global" name_list                { CHK($$ = mpy_ast_global(ctx, MPY_AST_STMT_Global, $2, L(@$))); }
  ;

nonlocal_stmt:
    "nonlocal" name_list              { CHK($$ = mpy_ast_global(ctx, MPY_AST_STMT_Nonlocal, $2, L(@$))); }
  ;

name_list:
    NAME                              { const char *id; CHK(id = ID(@1)); CHK($$ = SEQ1((void *)id)); }
  | name_list "," NAME                { const char *id; CHK(id = ID(@3)); CHK($$ = APPEND($1, (void *)id)); }
  ;

/* --- import ---------------------------------------------------------------- */

import_stmt:
    "import" dotted_as_names          { CHK($$ = mpy_ast_import(ctx, $2, L(@$))); }
  | "from" dotted_name "import" import_targets
                                      { CHK($$ = mpy_ast_importfrom(ctx, $2, $4, 0, L(@$))); }
  | "from" dots dotted_name "import" import_targets
                                      { CHK($$ = mpy_ast_importfrom(ctx, $3, $5, $2, L(@$))); }
  | "from" dots "import" import_targets
                                      { CHK($$ = mpy_ast_importfrom(ctx, NULL, $4, $2, L(@$))); }
  ;

/* `...` is one token, so the level counts it as three dots. */
dots:
    "."                               { $$ = 1; }
  | "..."                             { $$ = 3; }
  | dots "."                          { $$ = $1 + 1; }
  | dots "..."                        { $$ = $1 + 3; }
  ;

dotted_name:
    NAME                              { CHK($$ = ID(@1)); }
  | dotted_name "." NAME              { const char *id; CHK(id = ID(@3)); CHK($$ = dotted(ctx, $1, id)); }
  ;

dotted_as_names:
    dotted_as_name                    { CHK($$ = SEQ1($1)); }
  | dotted_as_names "," dotted_as_name { CHK($$ = APPEND($1, $3)); }
  ;

dotted_as_name:
    dotted_name                       { CHK($$ = mpy_ast_alias_new(ctx, $1, NULL, L(@$))); }
  | dotted_name "as" NAME             { CHK($$ = mpy_ast_alias_new(ctx, $1, ID(@3), L(@$))); }
  ;

import_targets:
    "(" import_as_names ")"           { $$ = $2; }
  | "(" import_as_names "," ")"       { $$ = $2; }
  | import_as_names                   { $$ = $1; }
  | "*"                               { mpy_ast_alias *a; CHK(a = mpy_ast_alias_new(ctx, "*", NULL, L(@1))); CHK($$ = SEQ1(a)); }
  ;

import_as_names:
    import_as_name                    { CHK($$ = SEQ1($1)); }
  | import_as_names "," import_as_name { CHK($$ = APPEND($1, $3)); }
  ;

import_as_name:
    NAME                              { CHK($$ = mpy_ast_alias_new(ctx, ID(@1), NULL, L(@$))); }
  | NAME "as" NAME                    { CHK($$ = mpy_ast_alias_new(ctx, ID(@1), ID(@3), L(@$))); }
  ;

/* ========================================================================== */
/* Compound statements                                                        */

if_stmt:
    "if" named_expression ":" block elif_list else_opt
                                      { CHK($$ = mpy_ast_if(ctx, $2, $4, $5, $6, L(@$))); }
  ;

/* Flat, so a long elif chain does not deepen the parser stack. */
elif_list:
    %empty                            { $$ = NULL; }
  | elif_list elif_clause             { CHK($$ = APPEND($1, $2)); }
  ;

elif_clause:
    "elif" named_expression ":" block { CHK($$ = elif_new(ctx, $2, $4, L(@$))); }
  ;

else_opt:
    %empty                            { $$ = NULL; }
  | "else" ":" block                  { $$ = $3; }
  ;

while_stmt:
    while_body else_opt               { CHK($$ = mpy_ast_while(ctx, $1->a, $1->s1, $2, L(@$))); }
  ;

while_body:
    while_head block                  { CHK($$ = head_new(ctx, &@1)); $$->a = $1->a; $$->s1 = $2; }
  ;

while_head:
    "while" named_expression ":"      { CHK($$ = head_new(ctx, &@1)); $$->a = $2; }
  ;

for_stmt:
    for_body else_opt                 { CHK($$ = mpy_ast_for(ctx, $1, $1->s1, $2, L(@$))); }
  ;

for_body:
    for_head block                    { CHK($$ = head_new(ctx, &@1)); *$$ = *$1; $$->s1 = $2; }
  ;

for_head:
    for_target star_expressions ":"   { CHK($$ = head_new(ctx, &@1)); $$->a = $1; $$->b = $2; }
  ;

/* The target is checked as soon as `in` is read, as CPython reports a bad
 * one even when the rest of the line is unfinished.  Shared by the for
 * statement and comprehensions. */
for_target:
    "for" star_targets "in"           { CHK($$ = mpy_ast_target(ctx, $2, MPY_TARGET_FOR)); }
  ;

try_stmt:
    "try" ":" block except_list else_opt finally_opt
                                      { CHK($$ = mpy_ast_try(ctx, $3, $4, $5, $6, L(@$))); }
  | "try" ":" block "finally" ":" block
                                      { CHK($$ = mpy_ast_try(ctx, $3, NULL, NULL, $6, L(@$))); }
  ;

except_list:
    except_clause                     { CHK($$ = SEQ1($1)); }
  | except_list except_clause         { CHK($$ = APPEND($1, $2)); }
  ;

except_clause:
    "except" ":" block                { CHK($$ = mpy_ast_excepthandler_new(ctx, NULL, NULL, $3, L(@$))); }
  | "except" expression ":" block     { CHK($$ = mpy_ast_excepthandler_new(ctx, $2, NULL, $4, L(@$))); }
  | "except" expression "as" NAME ":" block
                                      { CHK($$ = mpy_ast_excepthandler_new(ctx, $2, ID(@4), $6, L(@$))); }
  ;

finally_opt:
    %empty                            { $$ = NULL; }
  | "finally" ":" block               { $$ = $3; }
  ;

/* `with (a as b, c):` goes through with_as_items once an `as` appears inside
 * the parentheses; without one the parenthesised list is a tuple expression
 * and mpy_ast_with splits it, as CPython's first `with` alternative does. */
with_stmt:
    "with" with_items ":" block       { CHK($$ = mpy_ast_with(ctx, $2, $4, L(@$))); }
  | "with" "(" with_as_items ")" ":" block
                                      { CHK($$ = mpy_ast_with(ctx, $3, $6, L(@$))); }
  | "with" "(" with_as_items "," ")" ":" block
                                      { CHK($$ = mpy_ast_with(ctx, $3, $7, L(@$))); }
  ;

with_items:
    with_item                         { CHK($$ = SEQ1($1)); }
  | with_items "," with_item          { CHK($$ = APPEND($1, $3)); }
  ;

with_item:
    expression                        { CHK($$ = mpy_ast_withitem_new(ctx, $1, NULL)); }
  | expression "as" with_target       { CHK($$ = mpy_ast_withitem_new(ctx, $1, $3)); }
  ;

with_as_items:
    expression "as" with_target       { mpy_ast_withitem *w; CHK(w = mpy_ast_withitem_new(ctx, $1, $3)); CHK($$ = SEQ1(w)); }
  | snl "," expression "as" with_target
        {
            mpy_ast_seq *s = mpy_ast_seq_new(ctx->arena);
            mpy_ast_withitem *w;
            CHK(s);
            for (int i = 0; i < MPY_SEQ_LEN($1); i++) {
                mpy_ast_expr *e = MPY_SEQ_GET($1, i);
                if (e->kind == MPY_AST_EXPR_Starred && !e->parens) {
                    mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, L(@2), "invalid syntax");
                    YYERROR;
                }
                CHK(w = mpy_ast_withitem_new(ctx, e, NULL));
                CHK(s = APPEND(s, w));
            }
            CHK(w = mpy_ast_withitem_new(ctx, $3, $5));
            CHK($$ = APPEND(s, w));
        }
  | with_as_items "," with_item       { CHK($$ = APPEND($1, $3)); }
  ;

with_target:
    bitwise_or                        { $$ = $1; }
  | "*" bitwise_or                    { CHK($$ = mpy_ast_starred(ctx, $2, L(@$))); }
  ;

/* --- def, class, decorators ---------------------------------------------- */

decorated:
    decorators funcdef                { CHK($$ = mpy_ast_decorated(ctx, $1, $2)); }
  | decorators classdef               { CHK($$ = mpy_ast_decorated(ctx, $1, $2)); }
  | decorators async_stmt             { $$ = $2; }
  ;

decorators:
    decorator                         { CHK($$ = SEQ1($1)); }
  | decorators decorator              { CHK($$ = APPEND($1, $2)); }
  ;

decorator:
    "@" named_expression NEWLINE      { $$ = $2; }
  ;

funcdef:
    funcdef_head block                { CHK($$ = mpy_ast_functiondef(ctx, $1, $2, L(@$))); }
  ;

funcdef_head:
    "def" NAME def_params ret_opt ":"
        {
            CHK($$ = head_new(ctx, &@1));
            CHK($$->name = ID(@2));
            $$->args = $3;
            $$->a = $4;
        }
  ;

ret_opt:
    %empty                            { $$ = NULL; }
  | "->" expression                   { $$ = $2; }
  ;

def_params:
    "(" ")"                           { CHK($$ = mpy_ast_arguments_new(ctx, NULL, false, false, L(@2))); }
  | "(" param_list ")"                { CHK($$ = mpy_ast_arguments_new(ctx, $2, false, false, L(@3))); }
  | "(" param_list "," ")"            { CHK($$ = mpy_ast_arguments_new(ctx, $2, false, true, L(@4))); }
  ;

param_list:
    param_item                        { CHK($$ = mpy_ast_params_add(ctx, NULL, $1, false)); }
  | param_list "," param_item         { CHK($$ = mpy_ast_params_add(ctx, $1, $3, false)); }
  ;

param_item:
    NAME ann_opt
        { mpy_ast_arg *a; CHK(a = mpy_ast_arg_new(ctx, ID(@1), $2, span(&@1, &@2)));
          CHK($$ = mpy_ast_param_new(ctx, MPY_PARAM_PLAIN, a, NULL, L(@$))); }
  | NAME ann_opt "=" expression
        { mpy_ast_arg *a; CHK(a = mpy_ast_arg_new(ctx, ID(@1), $2, span(&@1, &@2)));
          CHK($$ = mpy_ast_param_new(ctx, MPY_PARAM_DEFAULT, a, $4, L(@$))); }
  | "*"                               { CHK($$ = mpy_ast_param_new(ctx, MPY_PARAM_STAR, NULL, NULL, L(@$))); }
  | "*" NAME star_ann_opt
        { mpy_ast_arg *a; CHK(a = mpy_ast_arg_new(ctx, ID(@2), $3, span(&@2, &@3)));
          CHK($$ = mpy_ast_param_new(ctx, MPY_PARAM_VARARG, a, NULL, L(@1))); }
  | "**" NAME ann_opt
        { mpy_ast_arg *a; CHK(a = mpy_ast_arg_new(ctx, ID(@2), $3, span(&@2, &@3)));
          CHK($$ = mpy_ast_param_new(ctx, MPY_PARAM_KWARG, a, NULL, L(@1))); }
  | "/"                               { CHK($$ = mpy_ast_param_new(ctx, MPY_PARAM_SLASH, NULL, NULL, L(@$))); }
  ;

ann_opt:
    %empty                            { $$ = NULL; }
  | ":" expression                    { $$ = $2; }
  ;

/* `*args: *Ts` (PEP 646) */
star_ann_opt:
    %empty                            { $$ = NULL; }
  | ":" expression                    { $$ = $2; }
  | ":" "*" bitwise_or                { CHK($$ = mpy_ast_starred(ctx, $3, span(&@2, &@3))); }
  ;

classdef:
    class_head block                  { CHK($$ = mpy_ast_classdef(ctx, $1, $2, L(@$))); }
  ;

class_head:
    "class" NAME ":"                  { CHK($$ = head_new(ctx, &@1)); CHK($$->name = ID(@2)); }
  | "class" NAME "(" ")" ":"          { CHK($$ = head_new(ctx, &@1)); CHK($$->name = ID(@2)); }
  | "class" NAME "(" arg_list ")" ":"
        { CHK($$ = head_new(ctx, &@1)); CHK($$->name = ID(@2));
          CHK(mpy_ast_class_args(ctx, $$, $4, false, L(@3), L(@5))); }
  | "class" NAME "(" arg_list "," ")" ":"
        { CHK($$ = head_new(ctx, &@1)); CHK($$->name = ID(@2));
          CHK(mpy_ast_class_args(ctx, $$, $4, true, L(@3), L(@6))); }
  ;

/* ========================================================================== */
/* Expressions                                                                */

expressions:
    exprs                             { CHK($$ = mpy_ast_exprlist(ctx, $1, false, L(@$))); }
  | exprs ","                         { CHK($$ = mpy_ast_exprlist(ctx, $1, true, L(@$))); }
  ;

exprs:
    expression                        { CHK($$ = SEQ1($1)); }
  | exprs "," expression              { CHK($$ = APPEND($1, $3)); }
  ;

star_expressions:
    sel                               { CHK($$ = mpy_ast_exprlist(ctx, $1, false, L(@$))); }
  | sel ","                           { CHK($$ = mpy_ast_exprlist(ctx, $1, true, L(@$))); }
  ;

sel:
    star_expression                   { CHK($$ = SEQ1($1)); }
  | sel "," star_expression           { CHK($$ = APPEND($1, $3)); }
  ;

star_expression:
    "*" bitwise_or                    { CHK($$ = mpy_ast_starred(ctx, $2, L(@$))); }
  | expression                        { $$ = $1; }
  ;

snl:
    star_named_expression             { CHK($$ = SEQ1($1)); }
  | snl "," star_named_expression     { CHK($$ = APPEND($1, $3)); }
  ;

star_named_expression:
    "*" bitwise_or                    { CHK($$ = mpy_ast_starred(ctx, $2, L(@$))); }
  | named_expression                  { $$ = $1; }
  ;

/* Any expression is read before ':=' (a lone NAME would stay unreduced on
 * the stack, which the error reporting needs reduced); mpy_ast_namedexpr
 * accepts only a name. */
named_expression:
    expression                        { $$ = $1; }
  | expression ":=" expression        { CHK($$ = mpy_ast_namedexpr(ctx, $1, $3, L(@$))); }
  ;

expression:
    disjunction                       { $$ = $1; }
  | disjunction "if" disjunction "else" expression
                                      { CHK($$ = mpy_ast_ifexp(ctx, $3, $1, $5, L(@$))); }
  | lambdef                           { $$ = $1; }
  ;

yield_expr:
    "yield"                           { CHK($$ = mpy_ast_yield(ctx, NULL, L(@$))); }
  | "yield" star_expressions          { CHK($$ = mpy_ast_yield(ctx, $2, L(@$))); }
  | "yield" "from" expression         { CHK($$ = mpy_ast_yieldfrom(ctx, $3, L(@$))); }
  ;

lambdef:
    lambda_head expression            { CHK($$ = mpy_ast_lambda(ctx, $1->args, $2, L(@$))); }
  ;

/* A lambda is a function for `yield`: its header opens a block. */
lambda_head:
    "lambda" ":"
        { CHK($$ = head_new(ctx, &@1)); CHK($$->args = mpy_ast_arguments_new(ctx, NULL, true, false, L(@2))); }
  | "lambda" lparam_list ":"
        { CHK($$ = head_new(ctx, &@1)); CHK($$->args = mpy_ast_arguments_new(ctx, $2, true, false, L(@3))); }
  | "lambda" lparam_list "," ":"
        { CHK($$ = head_new(ctx, &@1)); CHK($$->args = mpy_ast_arguments_new(ctx, $2, true, true, L(@4))); }
  ;

lparam_list:
    lparam_item                       { CHK($$ = mpy_ast_params_add(ctx, NULL, $1, true)); }
  | lparam_list "," lparam_item       { CHK($$ = mpy_ast_params_add(ctx, $1, $3, true)); }
  ;

lparam_item:
    NAME
        { mpy_ast_arg *a; CHK(a = mpy_ast_arg_new(ctx, ID(@1), NULL, L(@1)));
          CHK($$ = mpy_ast_param_new(ctx, MPY_PARAM_PLAIN, a, NULL, L(@$))); }
  | NAME "=" expression
        { mpy_ast_arg *a; CHK(a = mpy_ast_arg_new(ctx, ID(@1), NULL, L(@1)));
          CHK($$ = mpy_ast_param_new(ctx, MPY_PARAM_DEFAULT, a, $3, L(@$))); }
  | "*"                               { CHK($$ = mpy_ast_param_new(ctx, MPY_PARAM_STAR, NULL, NULL, L(@$))); }
  | "*" NAME
        { mpy_ast_arg *a; CHK(a = mpy_ast_arg_new(ctx, ID(@2), NULL, L(@2)));
          CHK($$ = mpy_ast_param_new(ctx, MPY_PARAM_VARARG, a, NULL, L(@1))); }
  | "**" NAME
        { mpy_ast_arg *a; CHK(a = mpy_ast_arg_new(ctx, ID(@2), NULL, L(@2)));
          CHK($$ = mpy_ast_param_new(ctx, MPY_PARAM_KWARG, a, NULL, L(@1))); }
  | "/"                               { CHK($$ = mpy_ast_param_new(ctx, MPY_PARAM_SLASH, NULL, NULL, L(@$))); }
  ;

disjunction:
    conjunction                       { $$ = $1; }
  | or_list                           { CHK($$ = mpy_ast_boolop_new(ctx, MPY_AST_BOOL_Or, $1, L(@$))); }
  ;

or_list:
    conjunction "or" conjunction      { mpy_ast_seq *s; CHK(s = SEQ1($1)); CHK($$ = APPEND(s, $3)); }
  | or_list "or" conjunction          { CHK($$ = APPEND($1, $3)); }
  ;

conjunction:
    inversion                         { $$ = $1; }
  | and_list                          { CHK($$ = mpy_ast_boolop_new(ctx, MPY_AST_BOOL_And, $1, L(@$))); }
  ;

and_list:
    inversion "and" inversion         { mpy_ast_seq *s; CHK(s = SEQ1($1)); CHK($$ = APPEND(s, $3)); }
  | and_list "and" inversion          { CHK($$ = APPEND($1, $3)); }
  ;

inversion:
    "not" inversion                   { CHK($$ = mpy_ast_unaryop_new(ctx, MPY_AST_UNARY_Not, $2, L(@$))); }
  | comparison                        { $$ = $1; }
  ;

comparison:
    bitwise_or                        { $$ = $1; }
  | bitwise_or cmp_tail               { CHK($$ = mpy_ast_compare(ctx, $1, $2, L(@$))); }
  ;

cmp_tail:
    comp_op bitwise_or                { CHK($$ = mpy_ast_cmptail_append(ctx, NULL, $1, $2)); }
  | cmp_tail comp_op bitwise_or       { CHK($$ = mpy_ast_cmptail_append(ctx, $1, $2, $3)); }
  ;

comp_op:
    "=="       { $$ = MPY_AST_CMP_Eq; }
  | "!="       { $$ = MPY_AST_CMP_NotEq; }
  | "<"        { $$ = MPY_AST_CMP_Lt; }
  | "<="       { $$ = MPY_AST_CMP_LtE; }
  | ">"        { $$ = MPY_AST_CMP_Gt; }
  | ">="       { $$ = MPY_AST_CMP_GtE; }
  | "in"       { $$ = MPY_AST_CMP_In; }
  | "not" "in" { $$ = MPY_AST_CMP_NotIn; }
  | "is"       { $$ = MPY_AST_CMP_Is; }
  | "is" "not" { $$ = MPY_AST_CMP_IsNot; }
  ;

bitwise_or:
    bitwise_or "|" bitwise_xor        { CHK($$ = mpy_ast_binop_new(ctx, $1, MPY_AST_OP_BitOr, $3, L(@$))); }
  | bitwise_xor                       { $$ = $1; }
  ;

bitwise_xor:
    bitwise_xor "^" bitwise_and       { CHK($$ = mpy_ast_binop_new(ctx, $1, MPY_AST_OP_BitXor, $3, L(@$))); }
  | bitwise_and                       { $$ = $1; }
  ;

bitwise_and:
    bitwise_and "&" shift_expr        { CHK($$ = mpy_ast_binop_new(ctx, $1, MPY_AST_OP_BitAnd, $3, L(@$))); }
  | shift_expr                        { $$ = $1; }
  ;

shift_expr:
    shift_expr "<<" sum               { CHK($$ = mpy_ast_binop_new(ctx, $1, MPY_AST_OP_LShift, $3, L(@$))); }
  | shift_expr ">>" sum               { CHK($$ = mpy_ast_binop_new(ctx, $1, MPY_AST_OP_RShift, $3, L(@$))); }
  | sum                               { $$ = $1; }
  ;

sum:
    sum "+" term                      { CHK($$ = mpy_ast_binop_new(ctx, $1, MPY_AST_OP_Add, $3, L(@$))); }
  | sum "-" term                      { CHK($$ = mpy_ast_binop_new(ctx, $1, MPY_AST_OP_Sub, $3, L(@$))); }
  | term                              { $$ = $1; }
  ;

term:
    term "*" factor                   { CHK($$ = mpy_ast_binop_new(ctx, $1, MPY_AST_OP_Mult, $3, L(@$))); }
  | term "/" factor                   { CHK($$ = mpy_ast_binop_new(ctx, $1, MPY_AST_OP_Div, $3, L(@$))); }
  | term "//" factor                  { CHK($$ = mpy_ast_binop_new(ctx, $1, MPY_AST_OP_FloorDiv, $3, L(@$))); }
  | term "%" factor                   { CHK($$ = mpy_ast_binop_new(ctx, $1, MPY_AST_OP_Mod, $3, L(@$))); }
  | term "@" factor                   { CHK($$ = mpy_ast_binop_new(ctx, $1, MPY_AST_OP_MatMult, $3, L(@$))); }
  | factor                            { $$ = $1; }
  ;

factor:
    "+" factor                        { CHK($$ = mpy_ast_unaryop_new(ctx, MPY_AST_UNARY_UAdd, $2, L(@$))); }
  | "-" factor                        { CHK($$ = mpy_ast_unaryop_new(ctx, MPY_AST_UNARY_USub, $2, L(@$))); }
  | "~" factor                        { CHK($$ = mpy_ast_unaryop_new(ctx, MPY_AST_UNARY_Invert, $2, L(@$))); }
  | power                             { $$ = $1; }
  ;

/* `**` binds tighter than a unary operator on its left (-2**2 is
 * -(2**2)) and looser than one on its right (2**-1). */
power:
    primary "**" factor               { CHK($$ = mpy_ast_binop_new(ctx, $1, MPY_AST_OP_Pow, $3, L(@$))); }
  | primary                           { $$ = $1; }
  ;

primary:
    primary "." NAME                  { CHK($$ = mpy_ast_attribute(ctx, $1, ID(@3), L(@$))); }
  | primary "(" ")"                   { CHK($$ = mpy_ast_call(ctx, $1, NULL, NULL, L(@$))); }
  | primary "(" arg_list ")"          { CHK($$ = mpy_ast_call_args(ctx, $1, $3, false, L(@2), L(@4), L(@$))); }
  | primary "(" arg_list "," ")"      { CHK($$ = mpy_ast_call_args(ctx, $1, $3, true, L(@2), L(@5), L(@$))); }
  | primary "[" slices "]"            { CHK($$ = mpy_ast_subscript(ctx, $1, $3, L(@$))); }
  | atom                              { $$ = $1; }
  ;

/* --- call arguments -------------------------------------------------------- */

arg_list:
    arg_item                          { CHK($$ = mpy_ast_callargs_add(ctx, NULL, $1)); }
  | arg_list "," arg_item             { CHK($$ = mpy_ast_callargs_add(ctx, $1, $3)); }
  ;

arg_item:
    named_expression                  { CHK($$ = mpy_ast_callarg_new(ctx, MPY_CALLARG_POS, NULL, $1, L(@$))); }
  | "*" expression
        { mpy_ast_expr *e; CHK(e = mpy_ast_starred(ctx, $2, L(@$)));
          CHK($$ = mpy_ast_callarg_new(ctx, MPY_CALLARG_STAR, NULL, e, L(@$))); }
  | "**" expression                   { CHK($$ = mpy_ast_callarg_new(ctx, MPY_CALLARG_DSTAR, NULL, $2, L(@$))); }
  | expression "=" expression         { CHK($$ = mpy_ast_callarg_kw(ctx, $1, $3, L(@2), L(@$))); }
  | named_expression for_if_clauses
        { mpy_ast_expr *g; CHK(g = mpy_ast_comp(ctx, MPY_AST_EXPR_GeneratorExp, $1, NULL, $2, L(@$)));
          CHK($$ = mpy_ast_callarg_new(ctx, MPY_CALLARG_GENEXP, NULL, g, L(@$)));
          $$->tail = L(@2); }
  ;

/* --- subscripts ---------------------------------------------------------------- */

slices:
    slice_list
        { mpy_ast_expr *e = MPY_SEQ_GET($1, 0);
          if (MPY_SEQ_LEN($1) == 1 && !(e->kind == MPY_AST_EXPR_Starred && !e->parens))
              $$ = e;
          else
              CHK($$ = mpy_ast_tuple(ctx, $1, L(@$))); }
  | slice_list ","                    { CHK($$ = mpy_ast_tuple(ctx, $1, L(@$))); }
  ;

slice_list:
    slice_item                        { CHK($$ = SEQ1($1)); }
  | slice_list "," slice_item         { CHK($$ = APPEND($1, $3)); }
  ;

slice_item:
    slice                             { $$ = $1; }
  | "*" expression                    { CHK($$ = mpy_ast_starred(ctx, $2, L(@$))); }
  ;

slice:
    named_expression                  { $$ = $1; }
  | expr_opt ":" expr_opt             { CHK($$ = mpy_ast_slice(ctx, $1, $3, NULL, slice_loc($1, &@1, &@2, $3, &@3))); }
  | expr_opt ":" expr_opt ":" expr_opt
        { CHK($$ = mpy_ast_slice(ctx, $1, $3, $5, span($1 ? &@1 : &@2, $5 ? &@5 : &@4))); }
  ;

expr_opt:
    %empty                            { $$ = NULL; }
  | expression                        { $$ = $1; }
  ;

/* --- atoms and displays --------------------------------------------------------- */

atom:
    NAME                              { CHK($$ = mpy_ast_name(ctx, ID(@1), L(@$))); }
  | "True"                            { CHK($$ = mpy_ast_constant(ctx, MPY_CONST_TRUE, L(@$))); }
  | "False"                           { CHK($$ = mpy_ast_constant(ctx, MPY_CONST_FALSE, L(@$))); }
  | "None"                            { CHK($$ = mpy_ast_constant(ctx, MPY_CONST_NONE, L(@$))); }
  | "..."                             { CHK($$ = mpy_ast_constant(ctx, MPY_CONST_ELLIPSIS, L(@$))); }
  | NUMBER                            { CHK($$ = mpy_ast_number(ctx, &@1)); }
  | IMAGNUMBER
        { mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, L(@1), "complex numbers are not supported");
          YYERROR; }
  | strings                           { CHK($$ = mpy_ast_strings(ctx, $1, L(@1))); }
  | "(" ")"                           { CHK($$ = mpy_ast_paren(ctx, NULL, true, L(@$))); }
  | "(" yield_expr ")"                { CHK($$ = mpy_ast_parenthesized(ctx, $2)); }
  | "(" snl ")"                       { CHK($$ = mpy_ast_paren(ctx, $2, false, L(@$))); }
  | "(" snl "," ")"                   { CHK($$ = mpy_ast_paren(ctx, $2, true, L(@$))); }
  | "(" named_expression for_if_clauses ")"
        { mpy_ast_expr *g; CHK(g = mpy_ast_comp(ctx, MPY_AST_EXPR_GeneratorExp, $2, NULL, $3, L(@$)));
          CHK($$ = mpy_ast_parenthesized(ctx, g)); }
  | "[" "]"                           { CHK($$ = mpy_ast_list(ctx, NULL, L(@$))); }
  | "[" snl "]"                       { CHK($$ = mpy_ast_list(ctx, $2, L(@$))); }
  | "[" snl "," "]"                   { CHK($$ = mpy_ast_list(ctx, $2, L(@$))); }
  | "[" named_expression for_if_clauses "]"
                                      { CHK($$ = mpy_ast_comp(ctx, MPY_AST_EXPR_ListComp, $2, NULL, $3, L(@$))); }
  | "{" "}"                           { CHK($$ = mpy_ast_dict(ctx, NULL, L(@$))); }
  | "{" snl "}"                       { CHK($$ = mpy_ast_set(ctx, $2, L(@$))); }
  | "{" snl "," "}"                   { CHK($$ = mpy_ast_set(ctx, $2, L(@$))); }
  | "{" named_expression for_if_clauses "}"
                                      { CHK($$ = mpy_ast_comp(ctx, MPY_AST_EXPR_SetComp, $2, NULL, $3, L(@$))); }
  | "{" kv_list "}"                   { CHK($$ = mpy_ast_dict(ctx, $2, L(@$))); }
  | "{" kv_list "," "}"               { CHK($$ = mpy_ast_dict(ctx, $2, L(@$))); }
  | "{" expression ":" expression for_if_clauses "}"
                                      { CHK($$ = mpy_ast_comp(ctx, MPY_AST_EXPR_DictComp, $2, $4, $5, L(@$))); }
  ;

strings:
    STRING                            { mpy_strtok *t; CHK(t = strtok_new(ctx, &@1)); CHK($$ = SEQ1(t)); }
  | strings STRING                    { mpy_strtok *t; CHK(t = strtok_new(ctx, &@2)); CHK($$ = APPEND($1, t)); }
  ;

kv_list:
    kv                                { CHK($$ = SEQ1($1)); }
  | kv_list "," kv                    { CHK($$ = APPEND($1, $3)); }
  ;

kv:
    expression ":" expression         { CHK($$ = kv_new(ctx, $1, $3, L(@$))); }
  | "**" bitwise_or                   { CHK($$ = kv_new(ctx, NULL, $2, L(@$))); }
  ;

/* --- comprehensions and targets ------------------------------------------------ */

for_if_clauses:
    for_if_clause                     { CHK($$ = SEQ1($1)); }
  | for_if_clauses for_if_clause      { CHK($$ = APPEND($1, $2)); }
  ;

for_if_clause:
    for_target disjunction            { CHK($$ = mpy_ast_comprehension_new(ctx, $1, $2)); }
  | for_if_clause "if" disjunction    { CHK($$ = mpy_ast_comprehension_if(ctx, $1, $3)); }
  ;

/* Targets of `for`: bitwise_or-level expressions, so the `in` that follows
 * is not read as a comparison. */
star_targets:
    target_list                       { CHK($$ = mpy_ast_exprlist(ctx, $1, false, L(@$))); }
  | target_list ","                   { CHK($$ = mpy_ast_exprlist(ctx, $1, true, L(@$))); }
  ;

target_list:
    target_elem                       { CHK($$ = SEQ1($1)); }
  | target_list "," target_elem       { CHK($$ = APPEND($1, $3)); }
  ;

target_elem:
    bitwise_or                        { $$ = $1; }
  | "*" bitwise_or                    { CHK($$ = mpy_ast_starred(ctx, $2, L(@$))); }
  ;

%%

/* ========================================================================== */
/* Syntax errors                                                              */
/*
 * CPython reports most syntax errors from its second, "invalid_" pass, with a
 * message that names the mistake.  Here the LR automaton stops at the first
 * token that cannot continue the input (parse.lac full makes that exact), and
 * this function looks at that token, the tokens Bison expected instead, and
 * the LR stack below it (states, values and locations: the push parser's
 * error context carries the parser state) to pick CPython's message and
 * position for the common cases.  Anything else is "invalid syntax" at the
 * token, which is where CPython's generic error points too.
 */

/* From parser/pstate.h, whose definition (grammar/pstate.inc) follows. */
bool mpy_pstate_accepts_end(const mpy_yypstate *ps);

/* The stack, indexed from the top: 0 is the most recent symbol. */
static int st_depth(const yypcontext_t *c)
{
    return (int)(c->yyps->yyssp - c->yyps->yyss);
}

static int st_sym(const yypcontext_t *c, int i)
{
    if (i < 0 || i >= st_depth(c))
        return -1;
    return YY_ACCESSING_SYMBOL(c->yyps->yyssp[-i]);
}

static const YYLTYPE *st_loc(const yypcontext_t *c, int i)
{
    return &c->yyps->yylsp[-i];
}

/* The expression an expression-valued symbol carries. */
static bool is_operand(int s);

/* The expression an expression-valued symbol carries; NULL for other
 * symbols (an unreduced run of STRING tokens included). */
static mpy_ast_expr *st_expr(const yypcontext_t *c, int i)
{
    int s = st_sym(c, i);
    if (!is_operand(s) && s != YYSYMBOL_expression && s != YYSYMBOL_named_expression &&
        s != YYSYMBOL_star_expressions && s != YYSYMBOL_target_elem && s != YYSYMBOL_star_named_expression)
        return NULL;
    if (s == YYSYMBOL_strings)
        return NULL;
    return c->yyps->yyvsp[-i].TOK_atom;
}

/* What CPython would call the expression at stack index i in "cannot
 * assign to %s": strings not yet reduced to an atom are literals (or
 * f-strings). */
static const char *st_desc(const yypcontext_t *c, const mpy_parse_ctx *ctx, int i)
{
    mpy_ast_expr *e = st_expr(c, i);
    if (e)
        return mpy_ast_expr_desc(e);
    if (st_sym(c, i) == YYSYMBOL_strings) {
        const YYLTYPE *l = st_loc(c, i);
        for (size_t k = l->start; k < l->end && k < ctx->len; k++) {
            char ch = ctx->src[k];
            if (ch == '\'' || ch == '"')
                break;
            if (ch == 'f' || ch == 'F')
                return "f-string expression";
        }
        return "literal";
    }
    return "expression";
}

/* The position CPython gives the operand at stack index i: its node's
 * (inside any parentheses), or the span of the symbol. */
static mpy_ast_loc st_node_loc(const yypcontext_t *c, int i)
{
    mpy_ast_expr *e = st_expr(c, i);
    return e ? e->loc : mpy_loc(st_loc(c, i));
}

static bool expects(const yypcontext_t *c, yysymbol_kind_t tok)
{
    yysymbol_kind_t exp[YYNTOKENS];
    int n = yypcontext_expected_tokens(c, exp, YYNTOKENS);
    for (int i = 0; i < n; i++)
        if (exp[i] == tok)
            return true;
    return false;
}

static int expected_count(const yypcontext_t *c)
{
    yysymbol_kind_t exp[YYNTOKENS];
    return yypcontext_expected_tokens(c, exp, YYNTOKENS);
}

/* Symbols whose value is a complete operand of an expression (at most a
 * disjunction). */
static bool is_operand(int s)
{
    switch (s) {
    case YYSYMBOL_atom: case YYSYMBOL_primary: case YYSYMBOL_power: case YYSYMBOL_factor:
    case YYSYMBOL_term: case YYSYMBOL_sum: case YYSYMBOL_shift_expr: case YYSYMBOL_bitwise_and:
    case YYSYMBOL_bitwise_xor: case YYSYMBOL_bitwise_or: case YYSYMBOL_comparison:
    case YYSYMBOL_inversion: case YYSYMBOL_conjunction: case YYSYMBOL_disjunction:
    case YYSYMBOL_strings:
        return true;
    default:
        return false;
    }
}

/* Symbols that are the left part of an unfinished operator chain. */
static bool is_chain(int s)
{
    return s == YYSYMBOL_or_list || s == YYSYMBOL_and_list || s == YYSYMBOL_cmp_tail ||
           s == YYSYMBOL_comp_op;
}

/* Operator tokens inside a disjunction. */
static bool is_operator(int s)
{
    switch (s) {
    case YYSYMBOL_PLUS: case YYSYMBOL_MINUS: case YYSYMBOL_STAR: case YYSYMBOL_SLASH:
    case YYSYMBOL_DOUBLESLASH: case YYSYMBOL_PERCENT: case YYSYMBOL_AT: case YYSYMBOL_LEFTSHIFT:
    case YYSYMBOL_RIGHTSHIFT: case YYSYMBOL_AMPER: case YYSYMBOL_VBAR: case YYSYMBOL_CIRCUMFLEX:
    case YYSYMBOL_TILDE: case YYSYMBOL_DOUBLESTAR: case YYSYMBOL_AND: case YYSYMBOL_OR:
    case YYSYMBOL_NOT: case YYSYMBOL_IN: case YYSYMBOL_IS: case YYSYMBOL_LESS: case YYSYMBOL_GREATER:
    case YYSYMBOL_EQEQUAL: case YYSYMBOL_NOTEQUAL: case YYSYMBOL_LESSEQUAL: case YYSYMBOL_GREATEREQUAL:
        return true;
    default:
        return false;
    }
}

/* The disjunction that ends at the top of the stack, as CPython's
 * `a=disjunction` would read it: returns the index of its first symbol, or
 * -1 when the top is not the end of an operand.  *ops says whether it holds
 * operators (so it is not a single operand). */
static int walk_disjunction(const yypcontext_t *c, int from, bool *ops)
{
    *ops = false;
    if (!is_operand(st_sym(c, from)))
        return -1;
    int low = from;
    for (int i = from + 1;; i++) {
        int s = st_sym(c, i);
        if (is_operand(s) || is_chain(s)) {
            low = i;
            continue;
        }
        if (!is_operator(s))
            break;
        /* Only the prefix operators can lack an operand below; `*` and
         * `**` without one mark a starred item, and `in` without one is a
         * for clause's: neither is part of the expression. */
        bool prefix = s == YYSYMBOL_MINUS || s == YYSYMBOL_PLUS || s == YYSYMBOL_TILDE || s == YYSYMBOL_NOT;
        if (!prefix && !is_operand(st_sym(c, i + 1)) && !is_chain(st_sym(c, i + 1)))
            break;
        *ops = true;
        low = i;
    }
    return low;
}

/* Tokens that can begin an expression (and so be CPython's `b` in "forgot a
 * comma"). */
static bool starts_expr(int t)
{
    switch (t) {
    case YYSYMBOL_NAME: case YYSYMBOL_NUMBER: case YYSYMBOL_IMAGNUMBER: case YYSYMBOL_STRING:
    case YYSYMBOL_LPAR: case YYSYMBOL_LSQB: case YYSYMBOL_LBRACE: case YYSYMBOL_TILDE:
    case YYSYMBOL_MINUS: case YYSYMBOL_PLUS: case YYSYMBOL_NOT: case YYSYMBOL_LAMBDA:
    case YYSYMBOL_TRUE: case YYSYMBOL_FALSE: case YYSYMBOL_NONE: case YYSYMBOL_ELLIPSIS:
    case YYSYMBOL_AWAIT:
        return true;
    default:
        return false;
    }
}

static bool is_plain_name(const mpy_ast_expr *e, const char *id)
{
    return e && e->kind == MPY_AST_EXPR_Name && !e->parens && (!id || strcmp(e->v.Name.id, id) == 0);
}

/* Whether the source at byte offset `at` starts with the soft keyword or
 * name `w` as a whole word. */
static bool word_at(const mpy_parse_ctx *ctx, size_t at, const char *w)
{
    size_t n = strlen(w);
    if (at + n > ctx->len || memcmp(ctx->src + at, w, n) != 0)
        return false;
    unsigned char next = at + n < ctx->len ? (unsigned char)ctx->src[at + n] : 0;
    return !(next == '_' || next >= 0x80 || (next >= '0' && next <= '9') || ((next | 0x20) >= 'a' && (next | 0x20) <= 'z'));
}

/* Bracket depth before the error token. */
static int level_before(const mpy_parse_ctx *ctx, int tok)
{
    if (!ctx->lx)
        return 0;
    int level = ctx->lx->level;
    if (tok == YYSYMBOL_LPAR || tok == YYSYMBOL_LSQB || tok == YYSYMBOL_LBRACE)
        level--;
    return level;
}

/* Symbols after which a statement starts. */
static bool stmt_boundary(int s)
{
    switch (s) {
    case -1: case YYSYMBOL_START_EXEC: case YYSYMBOL_START_SINGLE: case YYSYMBOL_NEWLINE:
    case YYSYMBOL_INDENT: case YYSYMBOL_DEDENT: case YYSYMBOL_stmt_seq: case YYSYMBOL_decorators:
    case YYSYMBOL_SEMI: case YYSYMBOL_simple_run:
        return true;
    default:
        return false;
    }
}

/* The compound-statement header the stack is in, searching down from
 * `from`: its keyword symbol (or head nonterminal), with its index in *at;
 * -1 if none before the statement's start. */
static int find_header(const yypcontext_t *c, int from, int *at)
{
    for (int i = from; i < st_depth(c); i++) {
        int s = st_sym(c, i), below = st_sym(c, i + 1);
        *at = i;
        switch (s) {
        case YYSYMBOL_while_head: case YYSYMBOL_for_head: case YYSYMBOL_funcdef_head:
        case YYSYMBOL_class_head: case YYSYMBOL_ELIF: case YYSYMBOL_EXCEPT: case YYSYMBOL_FINALLY:
            return s;
        case YYSYMBOL_IF: case YYSYMBOL_WHILE: case YYSYMBOL_WITH:
        case YYSYMBOL_TRY: case YYSYMBOL_DEF: case YYSYMBOL_CLASS:
            if (stmt_boundary(below))
                return s;
            break;
        case YYSYMBOL_for_target:
            if (stmt_boundary(below))
                return YYSYMBOL_FOR;
            break;
        case YYSYMBOL_ELSE:
            if (below == YYSYMBOL_block || below == YYSYMBOL_elif_list || below == YYSYMBOL_except_list ||
                below == YYSYMBOL_while_body || below == YYSYMBOL_for_body)
                return s;
            break;
        default:
            /* a ':' below means a one-line body (or a lambda, slice or
             * dict): past any header */
            if (stmt_boundary(s) || (s == YYSYMBOL_COLON && i > from))
                return -1;
            break;
        }
    }
    return -1;
}

static const char *header_phrase(int s)
{
    switch (s) {
    case YYSYMBOL_IF: return "'if' statement";
    case YYSYMBOL_ELIF: return "'elif' statement";
    case YYSYMBOL_ELSE: return "'else' statement";
    case YYSYMBOL_WHILE: case YYSYMBOL_while_head: return "'while' statement";
    case YYSYMBOL_FOR: case YYSYMBOL_for_head: return "'for' statement";
    case YYSYMBOL_WITH: return "'with' statement";
    case YYSYMBOL_TRY: return "'try' statement";
    case YYSYMBOL_EXCEPT: return "'except' statement";
    case YYSYMBOL_FINALLY: return "'finally' statement";
    case YYSYMBOL_DEF: case YYSYMBOL_funcdef_head: return "function definition";
    default: return "class definition";
    }
}

/* Where CPython reports an error at token l.  Its end-of-input tokens have
 * no column: a generic error there shows offset 0 on the last line, and a
 * message raised without a location (`located`: "expected ':'" and the
 * like) points just past the last line's text, newline included. */
static mpy_ast_loc tok_loc(const mpy_parse_ctx *ctx, const YYLTYPE *l, bool located)
{
    if (l->start < ctx->len && l->first_column >= 0) {
        /* CPython's INDENT and DEDENT have no column either: it reports
         * where its tokenizer stands, at the line's first token, without
         * the usual +1.  (The lexer's INDENT spans the blanks, its DEDENT
         * is empty at the first token.) */
        if (l->last_column == l->first_column || l->first_column == 0) {
            const unsigned char *p = (const unsigned char *)ctx->src + l->start;
            bool blanks = l->end > l->start;
            for (size_t k = l->start; k < l->end; k++, p++)
                blanks = blanks && (*p == ' ' || *p == '\t' || *p == '\f');
            if (l->last_column == l->first_column || blanks) {
                mpy_ast_loc r = {l->last_line, l->last_column - 1, l->last_line, l->last_column};
                return r;
            }
        }
        return mpy_loc(l);
    }
    size_t end = ctx->len < l->start ? ctx->len : l->start, start = end ? end - 1 : 0;
    while (start > 0 && ctx->src[start - 1] != '\n')
        start--;
    int line = end > 0; /* CPython's empty input is line 0 */
    const struct mpy_lexer *lx = ctx->lx;
    if (end > 0 && lx && lx->line_start <= ctx->len && start <= lx->line_start) {
        /* Count back from the lexer's line, which it has already counted:
         * counting from the top made each console line of a pasted block
         * cost the whole block (quadratic pastes). */
        line = lx->line;
        for (size_t i = start; i < lx->line_start; i++)
            line -= ctx->src[i] == '\n';
    } else {
        for (size_t i = 0; i < start; i++)
            line += ctx->src[i] == '\n';
    }
    int col = located ? (int)(end - start) - 1 : -1;
    /* located: pegen's _PyPegen_raise_error, whose end stays -1 for a
     * token without an end column */
    mpy_ast_loc r = {line + ctx->line_offset, col, line + ctx->line_offset, located ? -1 : col};
    return r;
}

/* Whether the innermost def, lambda or class open on the stack is a
 * function. */
static bool in_def(const yypcontext_t *c)
{
    for (int i = 0; i < st_depth(c); i++) {
        int s = st_sym(c, i);
        if (s == YYSYMBOL_funcdef_head || s == YYSYMBOL_lambda_head)
            return true;
        if (s == YYSYMBOL_class_head)
            return false;
    }
    return false;
}

/* Records the error (printf-style); returns yyreport_syntax_error's 0. */
static int report(mpy_parse_ctx *ctx, mpy_synerr_kind kind, mpy_ast_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int report(mpy_parse_ctx *ctx, mpy_synerr_kind kind, mpy_ast_loc loc, const char *fmt, ...)
{
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    mpy_parse_fail(ctx, kind, loc, "%s", msg);
    return 0;
}

/* `if x = 1:` and the other places a named expression was expected:
 * CPython's invalid_named_expression.  The '=' is the error token. */
static bool maybe_meant_eq(const yypcontext_t *c, mpy_parse_ctx *ctx, const YYLTYPE *tokloc)
{
    bool ops;
    int low = walk_disjunction(c, 0, &ops);
    if (low < 0)
        return false;
    int below = st_sym(c, low + 1);
    switch (below) {
    case YYSYMBOL_IF:
    case YYSYMBOL_WHILE:
        if (!stmt_boundary(st_sym(c, low + 2)))
            return false;
        break;
    case YYSYMBOL_ELIF: case YYSYMBOL_LPAR: case YYSYMBOL_LSQB: case YYSYMBOL_LBRACE: case YYSYMBOL_AT:
        break;
    case YYSYMBOL_COMMA:
        if (level_before(ctx, YYSYMBOL_EQUAL) <= 0)
            return false;
        break;
    default:
        return false;
    }
    const YYLTYPE *start = st_loc(c, low);
    mpy_ast_expr *e = st_expr(c, low);
    if (low == 0 && is_plain_name(e, NULL)) {
        mpy_ast_loc at = mpy_ast_span(mpy_loc(start), mpy_loc(tokloc));
        report(ctx, MPY_SYNERR_SYNTAX, at, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return true;
    }
    /* Only a bitwise_or can be named: comparisons and boolean operators
     * make CPython's rule fail, leaving "invalid syntax". */
    for (int i = 0; i <= low; i++) {
        int s = st_sym(c, i);
        if (s == YYSYMBOL_comparison || s == YYSYMBOL_inversion || s == YYSYMBOL_conjunction ||
            s == YYSYMBOL_disjunction || is_chain(s) || s == YYSYMBOL_AND || s == YYSYMBOL_OR ||
            s == YYSYMBOL_NOT)
            return false;
    }
    const char *what;
    if (ops || !e) {
        what = ops ? "expression" : st_desc(c, ctx, low);
    } else {
        if (e->kind == MPY_AST_EXPR_List || (e->kind == MPY_AST_EXPR_Tuple && e->parens == 1) ||
            (e->kind == MPY_AST_EXPR_GeneratorExp && e->parens == 1) ||
            (e->kind == MPY_AST_EXPR_Constant && !e->parens &&
             (e->v.Constant.kind == MPY_CONST_TRUE || e->v.Constant.kind == MPY_CONST_FALSE ||
              e->v.Constant.kind == MPY_CONST_NONE)))
            return false;
        what = mpy_ast_expr_desc(e);
    }
    mpy_ast_loc at = ops ? mpy_ast_span(mpy_loc(start), mpy_loc(st_loc(c, 0))) : st_node_loc(c, low);
    mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, at, "cannot assign to %s here. Maybe you meant '==' instead of '='?", what);
    return true;
}

/* Errors whose token is the one after a complete operand. */
static bool after_operand(const yypcontext_t *c, mpy_parse_ctx *ctx, int tok, const YYLTYPE *tokloc)
{
    bool ops;
    int low = walk_disjunction(c, 0, &ops);
    if (low < 0)
        return false;
    int below = st_sym(c, low + 1);
    const YYLTYPE *start = st_loc(c, low);
    mpy_ast_expr *first = st_expr(c, low);
    mpy_ast_loc a = low == 0 ? st_node_loc(c, 0) : mpy_ast_span(mpy_loc(start), mpy_loc(st_loc(c, 0)));

    /* `a if b` with no else */
    if (below == YYSYMBOL_IF && is_operand(st_sym(c, low + 2)) && tok != YYSYMBOL_ELSE && tok != YYSYMBOL_COLON) {
        mpy_ast_loc whole = mpy_ast_span(st_node_loc(c, low + 2), mpy_loc(st_loc(c, 0)));
        return report(ctx, MPY_SYNERR_SYNTAX, whole, "expected 'else' after 'if' expression"), true;
    }
    if (tok == YYSYMBOL_COMMA && below == YYSYMBOL_EXCEPT)
        return report(ctx, MPY_SYNERR_SYNTAX, a, "multiple exception types must be parenthesized"), true;
    if (tok == YYSYMBOL_EQUAL && maybe_meant_eq(c, ctx, tokloc))
        return true;
    /* {1: 2, 3} */
    if (tok != YYSYMBOL_COLON && below == YYSYMBOL_COMMA && st_sym(c, low + 2) == YYSYMBOL_kv_list) {
        const YYLTYPE *end = st_loc(c, 0);
        mpy_ast_loc at = {end->last_line, end->last_column - 1, end->last_line, end->last_column};
        return report(ctx, MPY_SYNERR_SYNTAX, at, "':' expected after dictionary key"), true;
    }
    if (tok == YYSYMBOL_FOR) {
        /* [*a for a in b], {**a for a in b} */
        if ((below == YYSYMBOL_STAR || below == YYSYMBOL_DOUBLESTAR) &&
            (st_sym(c, low + 2) == YYSYMBOL_LSQB || st_sym(c, low + 2) == YYSYMBOL_LPAR ||
             st_sym(c, low + 2) == YYSYMBOL_LBRACE)) {
            mpy_ast_loc at = mpy_ast_span(mpy_loc(st_loc(c, low + 1)), mpy_loc(st_loc(c, 0)));
            if (below == YYSYMBOL_DOUBLESTAR)
                return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(st_loc(c, low + 1)),
                              "dict unpacking cannot be used in dict comprehension"), true;
            return report(ctx, MPY_SYNERR_SYNTAX, at, "iterable unpacking cannot be used in comprehension"), true;
        }
        /* [a, b for a in c] */
        if (below == YYSYMBOL_COMMA && st_sym(c, low + 2) == YYSYMBOL_snl &&
            (st_sym(c, low + 3) == YYSYMBOL_LSQB || st_sym(c, low + 3) == YYSYMBOL_LBRACE)) {
            mpy_ast_loc at = mpy_ast_span(mpy_loc(st_loc(c, low + 2)), mpy_loc(st_loc(c, 0)));
            return report(ctx, MPY_SYNERR_SYNTAX, at, "did you forget parentheses around the comprehension target?"), true;
        }
        /* f(x=1 for x in y) */
        if (below == YYSYMBOL_EQUAL && is_plain_name(st_expr(c, low + 2), NULL) &&
            st_sym(c, low + 2) == YYSYMBOL_expression) {
            mpy_ast_loc at = mpy_ast_span(mpy_loc(st_loc(c, low + 2)), mpy_loc(st_loc(c, low + 1)));
            return report(ctx, MPY_SYNERR_SYNTAX, at, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"), true;
        }
    }
    if (!starts_expr(tok))
        return false;
    /* print "x" */
    if (low == 0 && (is_plain_name(first, "print") || is_plain_name(first, "exec"))) {
        mpy_parse_fail(ctx, MPY_SYNERR_SYNTAX, mpy_ast_span(a, mpy_loc(tokloc)),
                       "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                       first->v.Name.id, first->v.Name.id);
        return true;
    }
    /* [a b] */
    if (level_before(ctx, tok) > 0 && below != YYSYMBOL_ELSE && below != YYSYMBOL_IF && below != YYSYMBOL_for_target &&
        !(below == YYSYMBOL_DOUBLESTAR && (st_sym(c, low + 2) == YYSYMBOL_LBRACE ||
                                          (st_sym(c, low + 2) == YYSYMBOL_COMMA && st_sym(c, low + 3) == YYSYMBOL_kv_list))) &&
        !(low == 0 && is_plain_name(first, NULL) && tok == YYSYMBOL_STRING) &&
        !word_at(ctx, start->start, "_") && !word_at(ctx, start->start, "match") &&
        !word_at(ctx, start->start, "case")) {
        /* CPython's range ends with the expression after the gap; its
         * first token is as far as is known here */
        return report(ctx, MPY_SYNERR_SYNTAX, mpy_ast_span(a, mpy_loc(tokloc)),
                      "invalid syntax. Perhaps you forgot a comma?"), true;
    }
    return false;
}

/* An error inside the target of `for` (before its `in`): CPython's
 * invalid_for_target names the first part that cannot be assigned to. */
static bool in_for_target(const yypcontext_t *c, mpy_parse_ctx *ctx, int tok, const YYLTYPE *tokloc)
{
    int i = 0, n = st_depth(c);
    while (i < n) {
        int s = st_sym(c, i);
        if (!is_operand(s) && !is_chain(s) && !is_operator(s) && s != YYSYMBOL_COMMA &&
            s != YYSYMBOL_target_list && s != YYSYMBOL_target_elem)
            break;
        i++;
    }
    if (st_sym(c, i) != YYSYMBOL_FOR || i == 0)
        return false;
    /* Left to right: the list so far, then the element being read. */
    if (st_sym(c, i - 1) == YYSYMBOL_target_list) {
        const mpy_ast_seq *l = c->yyps->yyvsp[-(i - 1)].TOK_target_list;
        for (int j = 0; j < MPY_SEQ_LEN(l); j++) {
            const mpy_ast_expr *bad = mpy_ast_invalid_target(MPY_SEQ_GET(l, j), MPY_TARGET_FOR);
            if (bad)
                return report(ctx, MPY_SYNERR_SYNTAX, bad->loc, "cannot assign to %s", mpy_ast_expr_desc(bad)), true;
        }
    }
    bool ops;
    int low = walk_disjunction(c, 0, &ops);
    if (low >= 0) {
        bool compare = false;
        for (int k = 0; k <= low; k++)
            compare = compare || st_sym(c, k) == YYSYMBOL_comp_op || st_sym(c, k) == YYSYMBOL_cmp_tail;
        if (ops && !compare)
            return report(ctx, MPY_SYNERR_SYNTAX, mpy_ast_span(mpy_loc(st_loc(c, low)), mpy_loc(st_loc(c, 0))),
                          "cannot assign to %s", "expression"), true;
        mpy_ast_expr *e = st_expr(c, 0);
        const mpy_ast_expr *bad = !ops && e ? mpy_ast_invalid_target(e, MPY_TARGET_FOR) : NULL;
        if (!ops && !e && st_sym(c, 0) == YYSYMBOL_strings)
            return report(ctx, MPY_SYNERR_SYNTAX, st_node_loc(c, 0), "cannot assign to %s", st_desc(c, ctx, 0)), true;
        if (bad)
            return report(ctx, MPY_SYNERR_SYNTAX, bad->loc, "cannot assign to %s", mpy_ast_expr_desc(bad)), true;
        /* after a star no expression rule runs, so no "forgot a comma" */
        if (st_sym(c, low + 1) == YYSYMBOL_STAR)
            return report(ctx, MPY_SYNERR_SYNTAX, tok_loc(ctx, tokloc, false), "invalid syntax"), true;
    }
    (void)tok;
    return false;
}

/* A statement `target = ...` that breaks off after the '=': CPython's
 * invalid_assignment still reports a bad first target (later ones were
 * checked as their '=' was read). */
static bool in_assignment(const yypcontext_t *c, mpy_parse_ctx *ctx, int tok)
{
    int k = 0;
    while (k < st_depth(c) && st_sym(c, k) != YYSYMBOL_assign_lhs && !stmt_boundary(st_sym(c, k)))
        k++;
    if (st_sym(c, k) != YYSYMBOL_assign_lhs)
        return false;
    const mpy_ast_seq *targets = c->yyps->yyvsp[-k].TOK_assign_lhs;
    if (MPY_SEQ_LEN(targets) != 1)
        return false;
    /* Is the right side so far one complete bitwise_or? */
    bool ops, rhs = false;
    mpy_ast_loc rhs_loc = {0, 0, 0, 0};
    if (k > 0 && walk_disjunction(c, 0, &ops) == k - 1 && tok != YYSYMBOL_EQUAL && tok != YYSYMBOL_COLONEQUAL) {
        rhs = true;
        for (int i = 0; i < k; i++) {
            int s = st_sym(c, i);
            if (s == YYSYMBOL_comparison || s == YYSYMBOL_inversion || s == YYSYMBOL_conjunction ||
                s == YYSYMBOL_disjunction || is_chain(s) || s == YYSYMBOL_AND || s == YYSYMBOL_OR || s == YYSYMBOL_NOT)
                rhs = false;
        }
        rhs_loc = mpy_ast_span(mpy_loc(st_loc(c, k - 1)), mpy_loc(st_loc(c, 0)));
    }
    /* A bitwise_or read at the start of the right side (pegen reads the
     * longest one: `f() = 1 +` has `1`), as the driver followed it. */
    if (ctx->bad_target && ctx->rhs_operand && !rhs) {
        rhs = true;
        rhs_loc = mpy_loc(&ctx->rhs_first);
    }
    return !mpy_ast_first_target_ok(ctx, MPY_SEQ_GET(targets, 0), rhs, rhs_loc);
}

/* Errors inside def and lambda parameter lists. */
static bool in_params(const yypcontext_t *c, mpy_parse_ctx *ctx, int tok, const YYLTYPE *tokloc)
{
    int top = st_sym(c, 0);
    /* def f(**k, a: the list was closed by **k */
    if ((top == YYSYMBOL_NAME || top == YYSYMBOL_STAR || top == YYSYMBOL_DOUBLESTAR || top == YYSYMBOL_SLASH) &&
        st_sym(c, 1) == YYSYMBOL_COMMA &&
        (st_sym(c, 2) == YYSYMBOL_param_list || st_sym(c, 2) == YYSYMBOL_lparam_list) &&
        mpy_ast_params_closed(c->yyps->yyvsp[-2].TOK_param_list))
        return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(st_loc(c, 0)), "arguments cannot follow var-keyword argument"), true;
    if (tok == YYSYMBOL_EQUAL) {
        /* *a=1, **a=1, *a: int = 1 */
        int i = 0;
        if (top != YYSYMBOL_NAME) {
            bool ops;
            int low = walk_disjunction(c, 0, &ops);
            if (low < 0 || st_sym(c, low + 1) != YYSYMBOL_COLON || st_sym(c, low + 2) != YYSYMBOL_NAME)
                return false;
            i = low + 2;
        }
        int star = st_sym(c, i + 1);
        if (star == YYSYMBOL_STAR && st_sym(c, i) == YYSYMBOL_NAME)
            return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(tokloc), "var-positional argument cannot have default value"), true;
        if (star == YYSYMBOL_DOUBLESTAR && st_sym(c, i) == YYSYMBOL_NAME)
            return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(tokloc), "var-keyword argument cannot have default value"), true;
        return false;
    }
    /* def f(a=) */
    if ((tok == YYSYMBOL_RPAR || tok == YYSYMBOL_COMMA) && top == YYSYMBOL_EQUAL &&
        (st_sym(c, 1) == YYSYMBOL_ann_opt ||
         (st_sym(c, 1) == YYSYMBOL_NAME && (st_sym(c, 2) == YYSYMBOL_LAMBDA || st_sym(c, 2) == YYSYMBOL_COMMA))))
        return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(st_loc(c, 0)), "expected default value expression"), true;
    /* def f((a)) */
    if (tok == YYSYMBOL_LPAR) {
        int below = st_sym(c, 1);
        if (top == YYSYMBOL_LPAR && below == YYSYMBOL_NAME && st_sym(c, 2) == YYSYMBOL_DEF)
            return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(tokloc), "Function parameters cannot be parenthesized"), true;
        if (top == YYSYMBOL_COMMA && below == YYSYMBOL_param_list)
            return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(tokloc), "Function parameters cannot be parenthesized"), true;
        if (top == YYSYMBOL_LAMBDA || (top == YYSYMBOL_COMMA && below == YYSYMBOL_lparam_list))
            return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(tokloc), "Lambda expression parameters cannot be parenthesized"), true;
    }
    return false;
}

/* Errors about the block structure: indentation and ':'. */
static bool in_header(const yypcontext_t *c, mpy_parse_ctx *ctx, int tok, const YYLTYPE *tokloc)
{
    int top = st_sym(c, 0), at;
    if (top == YYSYMBOL_NEWLINE && tok != YYSYMBOL_INDENT && expects(c, YYSYMBOL_INDENT)) {
        int h = find_header(c, 1, &at);
        if (h < 0)
            return false;
        mpy_parse_fail(ctx, MPY_SYNERR_INDENTATION, tok_loc(ctx, tokloc, true),
                       "expected an indented block after %s on line %d", header_phrase(h),
                       st_loc(c, at)->first_line);
        return true;
    }
    /* def f x */
    /* (CPython's forced tokens, `&&'('`, report at the token's own
     * position, which its end-of-input tokens lack: tok_loc's !located.) */
    if (top == YYSYMBOL_NAME && st_sym(c, 1) == YYSYMBOL_DEF && tok != YYSYMBOL_LPAR)
        return report(ctx, MPY_SYNERR_SYNTAX, tok_loc(ctx, tokloc, false), "expected '('"), true;
    /* def f() -> for: CPython drops the unreadable annotation and wants
     * the ':' at the arrow */
    if (top == YYSYMBOL_RARROW && st_sym(c, 1) == YYSYMBOL_def_params && !starts_expr(tok))
        return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(st_loc(c, 0)), "expected ':'"), true;
    if (tok == YYSYMBOL_COLON || !expects(c, YYSYMBOL_COLON))
        return false;
    int h = find_header(c, 0, &at);
    bool forced = h == YYSYMBOL_ELSE || h == YYSYMBOL_TRY || h == YYSYMBOL_FINALLY;
    if (h == YYSYMBOL_DEF)
        for (int i = 0; i < at; i++)
            if (st_sym(c, i) == YYSYMBOL_def_params)
                forced = true;
    bool at_newline = tok == YYSYMBOL_NEWLINE &&
                      (h == YYSYMBOL_IF || h == YYSYMBOL_ELIF || h == YYSYMBOL_WHILE || h == YYSYMBOL_FOR ||
                       h == YYSYMBOL_WITH || h == YYSYMBOL_CLASS || h == YYSYMBOL_EXCEPT);
    if (!forced && !at_newline)
        return false;
    return report(ctx, MPY_SYNERR_SYNTAX, tok_loc(ctx, tokloc, !forced), "expected ':'"), true;
}

static int yyreport_syntax_error(const yypcontext_t *yyctx, mpy_parse_ctx *ctx)
{
    if (ctx->failed)
        return 0;
    ctx->err_from_parser = true;
    int tok = yypcontext_token(yyctx);
    const YYLTYPE *tokloc = yypcontext_location(yyctx);
    int top = st_sym(yyctx, 0);

    /* Single mode: a second statement after a complete one. */
    if (ctx->mode == MPY_MODE_SINGLE && tok != YYSYMBOL_YYEOF && ctx->prev_kind[1] == TOK_NEWLINE &&
        mpy_pstate_accepts_end(yyctx->yyps)) {
        return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(&ctx->prev_loc[1]),
                      "multiple statements found while compiling a single statement");
    }
    /* After an illegal augmented-assignment target (see aug_lhs): with
     * something read on the right side, invalid_assignment names the
     * target; with nothing, pass one's error at the operator stands. */
    if (ctx->bad_aug) {
        if (ctx->rhs_operand)
            return mpy_ast_aug_target(ctx, ctx->bad_aug), 0;
        return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(&ctx->bad_aug_op), "invalid syntax");
    }
    if (tok == YYSYMBOL_INDENT) {
        /* CPython points at the last blank of the indentation. */
        mpy_ast_loc at = {tokloc->last_line, tokloc->last_column - 1, tokloc->last_line, tokloc->last_column};
        return report(ctx, MPY_SYNERR_INDENTATION, at, "unexpected indent");
    }
    if (in_header(yyctx, ctx, tok, tokloc) || in_params(yyctx, ctx, tok, tokloc))
        return 0;
    if (tok == YYSYMBOL_DEDENT)
        return report(ctx, MPY_SYNERR_INDENTATION, tok_loc(ctx, tokloc, true), "unexpected unindent");
    /* `not x: int`: CPython reads an annotation only after a valid
     * target, so the ':' itself is where its parse stopped. */
    if (top == YYSYMBOL_COLON && st_sym(yyctx, 1) == YYSYMBOL_star_expressions &&
        stmt_boundary(st_sym(yyctx, 2)) && !starts_expr(tok)) {
        mpy_ast_expr *t = st_expr(yyctx, 1);
        bool valid = t && ((t->kind == MPY_AST_EXPR_Name) || t->kind == MPY_AST_EXPR_Attribute ||
                           t->kind == MPY_AST_EXPR_Subscript);
        if (!valid)
            return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(st_loc(yyctx, 0)), "invalid syntax");
    }
    if (in_for_target(yyctx, ctx, tok, tokloc))
        return 0;
    if (expected_count(yyctx) == 2 && expects(yyctx, YYSYMBOL_EXCEPT) && expects(yyctx, YYSYMBOL_FINALLY))
        return report(ctx, MPY_SYNERR_SYNTAX, tok_loc(ctx, tokloc, true), "expected 'except' or 'finally' block");
    /* from x import a, */
    if (top == YYSYMBOL_COMMA && st_sym(yyctx, 1) == YYSYMBOL_import_as_names &&
        st_sym(yyctx, 2) == YYSYMBOL_IMPORT && (tok == YYSYMBOL_NEWLINE || tok == YYSYMBOL_SEMI))
        return report(ctx, MPY_SYNERR_SYNTAX, tok_loc(ctx, tokloc, true), "trailing comma not allowed without surrounding parentheses");
    /* f(x for x in y, <anything>) */
    if (top == YYSYMBOL_COMMA && st_sym(yyctx, 1) == YYSYMBOL_arg_list) {
        const mpy_ast_seq *l = yyctx->yyps->yyvsp[-1].TOK_arg_list;
        const mpy_ast_callarg *last = MPY_SEQ_GET(l, MPY_SEQ_LEN(l) - 1);
        if (last->kind == MPY_CALLARG_GENEXP)
            return report(ctx, MPY_SYNERR_SYNTAX, last->loc, "Generator expression must be parenthesized");
    }
    /* (**a) */
    if (tok == YYSYMBOL_DOUBLESTAR && top == YYSYMBOL_LPAR && st_sym(yyctx, 1) != YYSYMBOL_primary)
        return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(tokloc), "cannot use double starred expression here");
    /* {1:}, {1: *a} */
    if (top == YYSYMBOL_COLON) {
        bool ops;
        int low = st_sym(yyctx, 1) == YYSYMBOL_expression ? 1 : walk_disjunction(yyctx, 1, &ops);
        int below = low < 0 ? -1 : st_sym(yyctx, low + 1);
        if (below == YYSYMBOL_LBRACE || (below == YYSYMBOL_COMMA && st_sym(yyctx, low + 2) == YYSYMBOL_kv_list)) {
            if (tok == YYSYMBOL_RBRACE || tok == YYSYMBOL_COMMA)
                return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(st_loc(yyctx, 0)),
                              "expression expected after dictionary key and ':'");
            if (tok == YYSYMBOL_STAR)
                return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(tokloc),
                              "cannot use a starred expression in a dictionary value");
        }
    }
    /* f(a not b): `not` was shifted as the start of `not in` */
    if (top == YYSYMBOL_NOT && is_operand(st_sym(yyctx, 1)) && starts_expr(tok) && level_before(ctx, tok) > 0) {
        bool ops;
        int low = walk_disjunction(yyctx, 1, &ops);
        mpy_ast_loc a = mpy_ast_span(mpy_loc(st_loc(yyctx, low)), mpy_loc(tokloc));
        return report(ctx, MPY_SYNERR_SYNTAX, a, "invalid syntax. Perhaps you forgot a comma?");
    }
    /* [a, for a in c] */
    if (tok == YYSYMBOL_FOR && top == YYSYMBOL_COMMA && st_sym(yyctx, 1) == YYSYMBOL_snl &&
        (st_sym(yyctx, 2) == YYSYMBOL_LSQB || st_sym(yyctx, 2) == YYSYMBOL_LBRACE))
        return report(ctx, MPY_SYNERR_SYNTAX, mpy_ast_span(mpy_loc(st_loc(yyctx, 1)), mpy_loc(st_loc(yyctx, 0))),
                      "did you forget parentheses around the comprehension target?");
    /* await is outside minipy's subset; say what CPython's compiler would. */
    if (tok == YYSYMBOL_AWAIT)
        return report(ctx, MPY_SYNERR_SYNTAX, mpy_loc(tokloc),
                      "'await' outside %sfunction", in_def(yyctx) ? "async " : "");
    /* a.b := 1 as a statement (elsewhere ':=' parses, and
     * mpy_ast_namedexpr checks the target) */
    if (tok == YYSYMBOL_COLONEQUAL) {
        bool ops;
        int low = walk_disjunction(yyctx, 0, &ops);
        const char *what = low == 0 ? st_desc(yyctx, ctx, 0) : "expression";
        mpy_ast_loc at = low == 0 ? st_node_loc(yyctx, 0)
                                  : mpy_ast_span(mpy_loc(st_loc(yyctx, low < 0 ? 0 : low)), mpy_loc(st_loc(yyctx, 0)));
        /* a lambda's body ends where the lambda does */
        while (low >= 0 && st_sym(yyctx, low + 1) == YYSYMBOL_lambda_head) {
            low++;
            what = "lambda";
            at = mpy_ast_span(mpy_loc(st_loc(yyctx, low)), mpy_loc(st_loc(yyctx, 0)));
        }
        mpy_ast_expr *e = low < 0 ? NULL : st_expr(yyctx, low);
        if (low >= 0 && !(low == 0 && is_plain_name(e, NULL)) && stmt_boundary(st_sym(yyctx, low + 1)))
            return report(ctx, MPY_SYNERR_SYNTAX, at, "cannot use assignment expressions with %s", what);
    }
    if (after_operand(yyctx, ctx, tok, tokloc) || in_assignment(yyctx, ctx, tok))
        return 0;
    return report(ctx, MPY_SYNERR_SYNTAX, tok_loc(ctx, tokloc, false), "invalid syntax");
}

const char *mpy_token_name(int kind)
{
    return yysymbol_name(YYTRANSLATE(kind));
}

#include "grammar/pstate.inc"
