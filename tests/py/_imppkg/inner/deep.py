from .. import sub
from ..sub import SUB as S2
DEEP = sub.SUB + "/" + S2
