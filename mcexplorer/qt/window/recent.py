"""Open Recent: the last files opened or saved, kept in the settings (window.settings).

A part the window owns (``window.recent``): it fills the File > Open Recent menu it is given
and says which file the planner picked (``openRequested``); what opening means is the
window's business (the scenario file part asks about unsaved changes first).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu

from ...core.errors import shown_path
from ..plain import guarded
from . import settings

MAX_RECENT = 10


class RecentFiles(QObject):
    """The recent-files list and the Open Recent menu."""

    openRequested = Signal(str)
    """The planner picked a recent file (its path, as kept)."""

    def __init__(self, menu: QMenu, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = menu
        self.menu.menuAction().setObjectName("action:recent")
        self._shown: list[str] = []
        menu.aboutToShow.connect(self.fill)
        self.fill()

    def files(self) -> list[str]:
        """The recent files, newest first."""
        return settings.paths(settings.RECENT_FILES)[:MAX_RECENT]

    def add(self, path: str | Path) -> None:
        """Put ``path`` first (once)."""
        items = [p for p in self.files() if Path(p) != Path(path)]
        settings.set_paths(settings.RECENT_FILES, [str(path)] + items[: MAX_RECENT - 1])
        self.fill()

    def fill(self) -> None:
        """The menu as the list is now (a missing file is shown, disabled)."""
        menu = self.menu
        menu.clear()
        files = self.files()
        self._shown = files
        for index, path in enumerate(files):
            missing = not Path(path).is_file()
            action = menu.addAction(shown_path(Path(path).name)
                                    + ("  (missing)" if missing else ""))
            action.setToolTip(guarded(shown_path(path)))
            action.setStatusTip(shown_path(path))
            action.setData(index)  # the path itself may hold bytes Qt cannot carry
            action.setEnabled(not missing)
            action.triggered.connect(lambda _=False, i=index: self._pick(i))
        if files:
            menu.addSeparator()
            menu.addAction("Remove missing files").triggered.connect(self.prune)
            menu.addAction("Clear list").triggered.connect(self.clear)
        else:
            empty = menu.addAction("No recent files")
            empty.setEnabled(False)
        menu.menuAction().setEnabled(True)

    def _pick(self, index: int) -> None:
        if 0 <= index < len(self._shown):
            self.openRequested.emit(self._shown[index])

    def prune(self) -> None:
        """Forget the files that are no longer there."""
        settings.set_paths(settings.RECENT_FILES, [p for p in self.files() if Path(p).is_file()])
        self.fill()

    def clear(self) -> None:
        settings.set_paths(settings.RECENT_FILES, [])
        self.fill()
