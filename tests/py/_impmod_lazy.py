# Helper module: PEP 562 module __getattr__.
def __getattr__(name):
    if name.startswith("lazy_"):
        return name.upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
