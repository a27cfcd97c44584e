# An uncaught NameError: the printed report ends with a "Did you mean" hint
# taken from the globals (checked after the function's locals).
length = 3
def area(width):
    return width * lenght
print(area(2) if False else "start")
area(2)
