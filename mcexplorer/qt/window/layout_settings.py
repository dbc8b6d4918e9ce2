"""Window layout in the settings: geometry, docks and the last tab (window.settings).

A part the window owns (``window.layout_settings``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTabWidget

from . import settings
from .screen_fit import ScreenFit


class LayoutSettings:
    """Restore and save the window's layout."""

    def __init__(self, window: QMainWindow, tabs: QTabWidget, screen_fit: ScreenFit) -> None:
        self._window = window
        self._tabs = tabs
        self._screen_fit = screen_fit
        self.docks_restored = False
        """True once the docks' layout came from the settings (the first show then leaves
        the docks as they were)."""

    def restore(self) -> None:
        geometry = settings.byte_value(settings.GEOMETRY)  # a wrong type is reset, not fatal
        if geometry is not None and self._window.restoreGeometry(geometry):
            self._screen_fit.fit_to_screen()  # saved on another screen, or bigger than this
        state = settings.byte_value(settings.STATE)
        if state is not None and self._window.restoreState(state):
            self.docks_restored = True
        tab = settings.whole_number(settings.TAB, 0)
        if 0 <= tab < self._tabs.count():
            self._tabs.setCurrentIndex(tab)

    def save(self) -> None:
        store = settings.store()
        store.setValue(settings.GEOMETRY, self._window.saveGeometry())
        store.setValue(settings.STATE, self._window.saveState())
        store.setValue(settings.TAB, self._tabs.currentIndex())
        store.sync()
