print("executing _imppkg.sub, __package__ =", __package__)
from . import sibling
from .sibling import SIB, helper as sib_helper
from . import PKG_CONST as PARENT_CONST
SUB = "sub:" + SIB

def call():
    return sib_helper() + "/" + PARENT_CONST
