"""Runtime hook of the bundle: what the `python` command does at start and a frozen program
does not (PEP 538). Under the C or POSIX locale (a bare environment, some services and
containers) Python coerces LC_CTYPE to a UTF-8 locale; Qt relies on it and otherwise prints a
warning on stderr at every start. Nothing happens where a real locale is set."""

import os
import sys

if not sys.platform.startswith("win") and "LC_ALL" not in os.environ:
    ctype = os.environ.get("LC_CTYPE") or os.environ.get("LANG") or "C"
    if ctype in ("C", "POSIX"):
        os.environ["LC_CTYPE"] = "C.UTF-8"
