"""The window opens inside the screen's available geometry: fresh, and restored from saved
settings that are too big for this screen or lie off it."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st
from PySide6.QtCore import QMargins, QRect
from PySide6.QtWidgets import QMainWindow

from mcexplorer.app import create_window
from mcexplorer.qt.window import settings
from mcexplorer.qt.window.screen_fit import fit_rect


def _inside(outer: QRect, inner: QRect) -> bool:
    return outer.contains(inner)


def open_shown(qtbot):
    w = create_window()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(400)  # past the second check, made once a window manager has decorated it
    return w


def test_a_fresh_window_opens_inside_the_available_screen(qtbot):
    w = open_shown(qtbot)
    room = w.screen().availableGeometry()
    assert room.width() < 1280  # the offscreen test screen is smaller than the old default
    assert _inside(room, w.frameGeometry()), (room, w.frameGeometry())
    assert w.width() >= room.width() - 20  # and uses the room it has


@pytest.mark.parametrize("saved", [
    QRect(3000, 2000, 2500, 1600),   # too big, and on a screen that is no longer there
    QRect(-900, -500, 1280, 720),    # mostly off the top-left
    QRect(300, 400, 1280, 720),      # the old default, placed so its bottom is off-screen
])
def test_a_restored_window_is_clamped_to_the_screen(qtbot, saved):
    donor = QMainWindow()
    donor.setGeometry(saved)
    settings.store().setValue(settings.GEOMETRY, donor.saveGeometry())
    donor.deleteLater()
    w = open_shown(qtbot)
    room = w.screen().availableGeometry()
    assert _inside(room, w.frameGeometry()), (saved, room, w.frameGeometry())


def test_a_saved_size_that_fits_is_kept(qtbot):
    a = open_shown(qtbot)
    size = (a.minimumWidth(), 640)  # fits the 800x800 offscreen test screen
    a.resize(*size)
    a.move(3, 60)
    where = a.geometry().topLeft()
    a.layout_settings.save()
    a.close()
    b = open_shown(qtbot)
    moved = b.geometry().topLeft() - where
    assert abs(moved.x()) <= 2 and abs(moved.y()) <= 2  # Qt's own frame rounding
    assert (b.width(), b.height()) == size


frames = st.builds(QMargins, st.integers(0, 12), st.integers(0, 60), st.integers(0, 12),
                   st.integers(0, 12))


@given(x=st.integers(-5000, 5000), y=st.integers(-5000, 5000), w=st.integers(1, 6000),
       h=st.integers(1, 6000), frame=frames, rw=st.integers(640, 4000), rh=st.integers(480, 3000),
       rx=st.integers(-2000, 2000), ry=st.integers(0, 100))
def test_fit_rect_always_lands_inside_the_room_with_its_frame(x, y, w, h, frame, rw, rh, rx, ry):
    room = QRect(rx, ry, rw, rh)
    fitted = fit_rect(QRect(x, y, w, h), frame, room)
    outer = fitted.marginsAdded(frame)
    assert room.contains(outer), (room, outer)
    assert fitted.width() <= w and fitted.height() <= h
    if room.contains(QRect(x, y, w, h).marginsAdded(frame)):
        assert fitted == QRect(x, y, w, h)  # a window that fits stays where it is
