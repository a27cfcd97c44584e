# Helper module: __all__ controls `from _impmod_all import *`.
__all__ = ["public", "_exported_private"]
public = "public"
_exported_private = "exported even though private"
not_listed = "not listed"
