"""Gestures: a drag, or a run of quick keyboard nudges, is one undo step.

The edits a gesture produces carry the same gesture id and merge into one undo step (see
core.edits.Edit.merge_key). Sliders, balance rows and chart markers all use this one tracker.
"""

from __future__ import annotations

import itertools
import time

from PySide6.QtWidgets import QSlider

NUDGE_GAP_S = 1.0
_gesture_ids = itertools.count(1)


def new_gesture() -> int:
    """A fresh gesture id: edits that carry the same one merge into one undo step."""
    return next(_gesture_ids)


class GestureTracker:
    """Gives each drag, and each run of quick nudges, its own gesture id.

    With a slider, pressing it starts a drag; without one, call ``begin`` yourself.
    """

    def __init__(self, slider: QSlider | None = None) -> None:
        self._id = new_gesture()
        self._last = 0.0
        if slider is not None:
            slider.sliderPressed.connect(self.begin)

    def begin(self) -> None:
        self._id = new_gesture()
        self._last = time.monotonic()

    def current(self, dragging: bool) -> int:
        now = time.monotonic()
        if not dragging and now - self._last > NUDGE_GAP_S:
            self._id = new_gesture()
        self._last = now
        return self._id
