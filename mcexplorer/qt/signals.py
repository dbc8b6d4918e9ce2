"""The one signal-blocking idiom: refresh a widget from the model without it echoing back an
edit (as napari's ``qt_signals_blocked``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QSignalBlocker


@contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """Block the signals of every object for the duration of the block."""
    blockers = [QSignalBlocker(o) for o in objects]
    try:
        yield
    finally:
        for b in blockers:
            b.unblock()
