from ..sibling import SIB as INNER_SIB
