# code.interact() reading a piped stdin: input() prompts on stdout, banner,
# tracebacks and the exit message through sys.stderr, blocks and errors.
import code

code.interact(banner="== console ==", local={"data": [5, 2, 8]}, exitmsg="== done ==")
print("after interact")
