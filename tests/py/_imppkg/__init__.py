# Helper package for imp_*.py.
print("executing _imppkg, __name__ =", __name__, "__package__ =", __package__)
PKG_CONST = "pkg"
__all__ = ["PKG_CONST", "star_sub"]
