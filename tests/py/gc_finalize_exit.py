# Finalizers of objects still alive when the program ends run at exit
# (CPython clears __main__'s globals in order; so does minipy), also when
# the program ends with sys.exit().
import sys


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("release", self.name)


def worker():
    try:
        yield "working"
    finally:
        print("worker cleaned up")


first = Resource("first")
w = worker()
print(next(w))
second = Resource("second")
print("exiting")
sys.exit(3)
