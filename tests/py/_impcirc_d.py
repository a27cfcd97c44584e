from _impcirc_c import LATE
