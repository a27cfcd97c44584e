print("executing _imppkg.sibling")
SIB = "sibling"

def helper():
    return "helped by " + __name__
