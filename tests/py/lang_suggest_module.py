# An uncaught AttributeError on a module: the hint comes from its namespace.
import math
print(math.floor(2.5))
math.sqr(4)
