# ... and one that fails: _impcirc_d asks for a name _impcirc_c does not have yet.
import _impcirc_d
LATE = "late"
