"""Deciding whether console input is a complete command.

minipy's codeop, frozen into the interpreter (runtime/lib/freeze.sh) and
written for minipy.  Its interface is the one CPython 3.11 documents:
compile_command(source, filename, symbol) and a CommandCompiler instance
return a code object for a complete, valid command, None for one that needs
more lines, and raise SyntaxError (or ValueError / OverflowError from a bad
literal) for one that no further line could repair.

The three-way verdict comes straight from minipy's incremental parser
(parser/parse.h, reached through _minipy.incomplete), which follows
codeop's rule.  Complete and invalid input is then handed to the builtin
compile(), so the code object, or the SyntaxError with its position, is
exactly what compile() gives for the same text.
"""

import _minipy

__all__ = ["compile_command", "Compile", "CommandCompiler"]

# Flag values of CPython's compile() that codeop-style callers pass.
# minipy's compile() accepts them and needs neither.
PyCF_DONT_IMPLY_DEDENT = 0x200
PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000


def _only_blank_or_comments(source):
    for line in source.split("\n"):
        text = line.strip()
        if text and not text.startswith("#"):
            return False
    return True


def _verdict(compiler, source, filename, symbol):
    # Input with nothing but blank lines and comments counts as a complete
    # empty statement, except in eval mode where an expression is needed.
    if symbol != "eval" and _only_blank_or_comments(source):
        source = "pass"
    if _minipy.incomplete(source, symbol):
        return None
    return compiler(source, filename, symbol, incomplete_input=False)


def _plain_compile(source, filename, symbol, incomplete_input=True):
    flags = PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_DONT_IMPLY_DEDENT if incomplete_input else 0
    return compile(source, filename, symbol, flags)


def compile_command(source, filename="<input>", symbol="single"):
    """Compile one console command, or report that it is unfinished.

    source is the text typed so far (lines joined with newlines), filename
    the name shown in tracebacks, symbol one of "single", "exec", "eval".
    Returns a code object, or None when more input is needed; raises
    SyntaxError, ValueError or OverflowError for input that cannot become
    valid.
    """
    return _verdict(_plain_compile, source, filename, symbol)


class Compile:
    """A callable with the signature of compile().

    CPython's version remembers __future__ imports between calls; minipy
    has no __future__ features, so each call stands alone.
    """

    def __init__(self):
        self.flags = PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT

    def __call__(self, source, filename, symbol, **kwargs):
        flags = self.flags
        if kwargs.get("incomplete_input", True) is False:
            flags &= ~(PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT)
        return compile(source, filename, symbol, flags, True)


class CommandCompiler:
    """compile_command() as an object, the way code.InteractiveInterpreter
    keeps one in self.compile.

    It keeps the parse of the source it was last given (_minipy.Verdicts):
    a console calls it at every line with its buffer so far, and only the
    new line is parsed, so pasting a long block stays linear."""

    def __init__(self):
        self.compiler = Compile()
        self._verdicts = _minipy.Verdicts()

    def __call__(self, source, filename="<input>", symbol="single"):
        """Same arguments and results as compile_command()."""
        if type(source) is not str or type(symbol) is not str:
            return _verdict(self.compiler, source, filename, symbol)
        kind = self._verdicts.verdict(source, symbol)
        if kind == 0:
            return None
        if kind == 2:
            source = "pass"
        return self.compiler(source, filename, symbol, incomplete_input=False)
