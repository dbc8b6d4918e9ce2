"""Window layout in the settings: geometry, docks and the last tab (window.settings)."""

from __future__ import annotations

from . import settings


class LayoutSettings:
    """A mixin of MainWindow: restore and save the window's layout."""

    def restore_settings(self) -> None:
        geometry = settings.byte_value(settings.GEOMETRY)  # a wrong type is reset, not fatal
        if geometry is not None and self.restoreGeometry(geometry):
            self.fit_to_screen()  # saved on another screen, or bigger than this one
        state = settings.byte_value(settings.STATE)
        if state is not None and self.restoreState(state):
            self._layout_restored = True
        tab = settings.whole_number(settings.TAB, 0)
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def save_settings(self) -> None:
        store = settings.store()
        store.setValue(settings.GEOMETRY, self.saveGeometry())
        store.setValue(settings.STATE, self.saveState())
        store.setValue(settings.TAB, self.tabs.currentIndex())
        store.sync()
