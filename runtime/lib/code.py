"""An interactive console you can embed: the `code` module.

minipy's code module, frozen into the interpreter (runtime/lib/freeze.sh)
and written for minipy.  Its classes, methods and defaults are the public
interface of CPython 3.11's module, because programs subclass them and
override write(), raw_input(), runcode() or showtraceback(): every piece of
output therefore goes through self.write and every line in through
self.raw_input, and the methods call each other as CPython's do.

showtraceback() leaves out the first traceback entry, the frame of
runcode() itself, so that tracebacks show only the user's frames.
"""

import sys
import traceback
from codeop import CommandCompiler, compile_command

__all__ = ["InteractiveInterpreter", "InteractiveConsole", "interact",
           "compile_command"]


class InteractiveInterpreter:
    """Compiles and runs source text in a namespace (self.locals).

    It keeps no input buffer and shows no prompts: InteractiveConsole adds
    those.
    """

    def __init__(self, locals=None):
        # The default namespace is a fresh one named like CPython's.
        self.locals = {"__name__": "__console__", "__doc__": None} if locals is None else locals
        self.compile = CommandCompiler()

    def runsource(self, source, filename="<input>", symbol="single"):
        """Compile `source` and run it when it is complete.

        Returns True when the source is an unfinished statement (the
        caller should read another line), False when it ran or when it was
        a syntax error (reported through showsyntaxerror()).
        """
        try:
            code = self.compile(source, filename, symbol)
        except (OverflowError, SyntaxError, ValueError):
            self.showsyntaxerror(filename)
            return False
        if code is None:
            return True
        self.runcode(code)
        return False

    def runcode(self, code):
        """Run a code object in self.locals.

        SystemExit propagates to the caller; any other exception is
        reported through showtraceback().
        """
        try:
            exec(code, self.locals)
        except SystemExit:
            raise
        except:
            self.showtraceback()

    def showsyntaxerror(self, filename=None):
        """Report the SyntaxError being handled, without a traceback.

        With a filename, a SyntaxError whose arguments have the classic
        (msg, (filename, lineno, offset, text)) shape is rebuilt to name
        that file.  Errors straight from the parser carry six details, do
        not have that shape and are reported as they are, which is what
        CPython 3.11 does too.
        """
        etype, value, tb = sys.exc_info()
        sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb
        if filename and etype is SyntaxError:
            try:
                msg, (_, lineno, offset, text) = value.args
            except ValueError:
                pass
            else:
                value = SyntaxError(msg, (filename, lineno, offset, text))
                sys.last_value = value
        if sys.excepthook is not sys.__excepthook__:
            # A user's excepthook takes over from self.write.
            sys.excepthook(etype, value, tb)
            return
        self.write("".join(traceback.format_exception_only(etype, value)))

    def showtraceback(self):
        """Report the exception being handled with its traceback, minus
        the entry for runcode() itself."""
        etype, value, tb = sys.exc_info()
        sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb
        try:
            if sys.excepthook is not sys.__excepthook__:
                sys.excepthook(etype, value, tb)
                return
            self.write("".join(traceback.format_exception(etype, value, tb.tb_next)))
        finally:
            etype = value = tb = None

    def write(self, data):
        """Where all reports go; sys.stderr unless a subclass says else."""
        sys.stderr.write(data)


class InteractiveConsole(InteractiveInterpreter):
    """The interactive prompt: buffers lines until a statement is complete
    and prompts with sys.ps1 / sys.ps2."""

    def __init__(self, locals=None, filename="<console>"):
        InteractiveInterpreter.__init__(self, locals)
        self.filename = filename
        self.resetbuffer()

    def resetbuffer(self):
        """Forget the lines of an unfinished statement."""
        self.buffer = []

    def interact(self, banner=None, exitmsg=None):
        """Run the read-eval-print loop until end of input.

        banner None prints the standard banner naming this class, '' prints
        nothing; exitmsg likewise for the closing message.
        """
        if not hasattr(sys, "ps1"):
            sys.ps1 = ">>> "
        if not hasattr(sys, "ps2"):
            sys.ps2 = "... "
        if banner is None:
            self.write('Python %s on %s\nType "help", "copyright", "credits" or "license" '
                       'for more information.\n(%s)\n'
                       % (sys.version, sys.platform, type(self).__name__))
        elif banner:
            self.write("%s\n" % str(banner))
        more = 0
        while True:
            try:
                try:
                    line = self.raw_input(sys.ps2 if more else sys.ps1)
                except EOFError:
                    self.write("\n")
                    break
                more = self.push(line)
            except KeyboardInterrupt:
                self.write("\nKeyboardInterrupt\n")
                self.resetbuffer()
                more = 0
        if exitmsg is None:
            self.write("now exiting %s...\n" % type(self).__name__)
        elif exitmsg != "":
            self.write("%s\n" % exitmsg)

    def push(self, line):
        """Add one line (no trailing newline) and try the buffer so far.

        Returns a true value while the statement is unfinished; once it ran
        or failed to compile, the buffer is emptied and a false value
        returned.
        """
        self.buffer.append(line)
        more = self.runsource("\n".join(self.buffer), self.filename)
        if not more:
            self.resetbuffer()
        return more

    def raw_input(self, prompt=""):
        """Read one line with input(); EOFError at the end of input."""
        return input(prompt)


def interact(banner=None, readfunc=None, local=None, exitmsg=None):
    """Start an InteractiveConsole on namespace `local`.

    readfunc, when given, replaces the console's raw_input.
    """
    console = InteractiveConsole(local)
    if readfunc is not None:
        console.raw_input = readfunc
    else:
        try:
            import readline  # line editing when available; minipy has none
        except ImportError:
            pass
    console.interact(banner, exitmsg)
