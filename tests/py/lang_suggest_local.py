# An uncaught NameError inside a function: a local name beats a global and
# a builtin that are as close.
def total(items):
    subtotal = 0
    for it in items:
        subtotal += it
    return subtotl
sum_ = 1
print(total([]) if False else "go")
total([1, 2])
