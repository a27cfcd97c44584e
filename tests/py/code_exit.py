# SystemExit raised in code.interact() ends the whole program (no exit
# message, nothing after interact runs); the default banner names the class.
import code
import sys

sys.stderr.write("start\n")
code.interact(banner="", local={})
print("not reached")
