"""Keeping the window on its screen: a fresh window, and one restored from the settings, always
open inside the screen's available geometry (the desktop minus panels and docks).

Before a window is shown its frame (title bar, borders) is unknown, so an allowance is kept for
it; once shown, the real frame is checked and the window is pulled back in if it still pokes
out. Pure geometry in ``fit_rect`` (testable without a screen); ``fit_window`` applies it.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1280, 720)
"""A fresh window's size on a laptop or projector screen."""
PREFERRED_WIDE = QSize(1600, 900)
"""A fresh window's size on a screen of at least WIDE_SCREEN."""
WIDE_SCREEN = QSize(1800, 1000)
MINIMUM = QSize(960, 600)
"""The smallest window the layout is designed for (smaller only on a smaller screen)."""
FRAME_ALLOWANCE = QMargins(4, 40, 4, 6)
"""Room kept for a window manager's title bar and borders until the real frame is known."""


def fit_rect(geometry: QRect, frame: QMargins, room: QRect) -> QRect:
    """``geometry`` (the window's inside) moved and shrunk so that with ``frame`` around it,
    it lies inside ``room``. A window that already fits is left where it is."""
    width = max(1, min(geometry.width(), room.width() - frame.left() - frame.right()))
    height = max(1, min(geometry.height(), room.height() - frame.top() - frame.bottom()))
    left_min = room.left() + frame.left()
    top_min = room.top() + frame.top()
    left_max = room.right() + 1 - frame.right() - width
    top_max = room.bottom() + 1 - frame.bottom() - height
    left = min(max(geometry.left(), left_min), left_max)
    top = min(max(geometry.top(), top_min), top_max)
    return QRect(left, top, width, height)


def centred(size: QSize, frame: QMargins, room: QRect) -> QRect:
    """A rectangle of ``size`` (shrunk to fit) centred in ``room``, frame included."""
    rect = fit_rect(QRect(QPoint(0, 0), size), frame, room)
    outer_w = rect.width() + frame.left() + frame.right()
    outer_h = rect.height() + frame.top() + frame.bottom()
    return QRect(room.left() + (room.width() - outer_w) // 2 + frame.left(),
                 room.top() + (room.height() - outer_h) // 2 + frame.top(),
                 rect.width(), rect.height())


def screen_room(window: QWidget) -> QRect | None:
    """The available geometry of the screen the window is on (the one under its centre, else
    the primary screen); None when there is no screen at all."""
    screen = QGuiApplication.screenAt(window.geometry().center())
    if screen is None:
        screen = window.screen() if window.screen() is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return None if screen is None else screen.availableGeometry()


def frame_of(window: QWidget) -> QMargins:
    """The window's real frame once shown (a window manager's decorations); the allowance
    while it is unknown (not shown yet, or not yet decorated)."""
    if window.isVisible():
        outer, inner = window.frameGeometry(), window.geometry()
        frame = QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                         outer.right() - inner.right(), outer.bottom() - inner.bottom())
        if frame != QMargins():
            return frame
    return FRAME_ALLOWANCE


def set_minimum(window: QWidget, room: QRect) -> None:
    """MINIMUM, or less on a screen too small for it."""
    window.setMinimumSize(
        min(MINIMUM.width(), room.width() - FRAME_ALLOWANCE.left() - FRAME_ALLOWANCE.right()),
        min(MINIMUM.height(), room.height() - FRAME_ALLOWANCE.top() - FRAME_ALLOWANCE.bottom()))


def place_fresh(window: QWidget) -> None:
    """A fresh window: its preferred size (smaller on a small screen), centred."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(PREFERRED)
        return
    room = screen.availableGeometry()
    set_minimum(window, room)
    wide = room.width() >= WIDE_SCREEN.width() and room.height() >= WIDE_SCREEN.height()
    window.setGeometry(centred(PREFERRED_WIDE if wide else PREFERRED, FRAME_ALLOWANCE, room))


def fit_window(window: QWidget) -> bool:
    """Pull the window (not maximised or full screen) inside its screen's available geometry.
    True when it moved or shrank."""
    if window.isMaximized() or window.isFullScreen():
        return False
    room = screen_room(window)
    if room is None:
        return False
    set_minimum(window, room)
    current = window.geometry()
    fitted = fit_rect(current, frame_of(window), room)
    if fitted == current:
        return False
    window.setGeometry(fitted)
    return True


class ScreenFit:
    """A part the window owns (``window.screen_fit``): place a fresh window, fit a restored
    one, and once shown check again with the real frame (twice: a window manager decorates
    a moment later), unless the window was resized by code meanwhile."""

    def __init__(self, window: QWidget) -> None:
        self._window = window
        self._placed: QSize | None = None

    @property
    def checking(self) -> bool:
        """True until the check after the first show is done (``fit_on_show(last=True)``)."""
        return self._placed is not None

    def place_fresh(self) -> None:
        place_fresh(self._window)
        self._placed = self._window.size()

    def fit_to_screen(self) -> None:
        fit_window(self._window)
        self._placed = self._window.size()

    def fit_on_show(self, last: bool = False) -> None:
        """Called on the first show and a moment later (``last``)."""
        if self._placed is not None and self._window.size() == self._placed:
            fit_window(self._window)
            self._placed = self._window.size()
        if last:
            self._placed = None
