"""The application log: a rotating file in the user's log folder (a Windows GUI process has
no stderr). No Qt here."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from .paths import log_dir

LOGGER = "mcexplorer"


def log_file() -> Path:
    return log_dir() / "mcexplorer.log"


def setup_logging() -> Path:
    """Log to ``log_file()``; follows the log folder if it changed (tests). Returns the path."""
    path = log_file()
    root = logging.getLogger(LOGGER)
    for h in list(root.handlers):
        if isinstance(h, RotatingFileHandler) and Path(h.baseFilename) != path:
            root.removeHandler(h)
            h.close()
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        except OSError:
            return path
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path
