"""Open Recent: the last files opened or saved, kept in the settings (window.settings)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...core.errors import shown_path
from ..plain import guarded
from . import settings

MAX_RECENT = 10


class RecentFiles:
    """A mixin of MainWindow: the recent-files list and the Open Recent menu."""

    _recent_shown: Sequence[str] = ()

    def recent_files(self) -> list[str]:
        return settings.paths(settings.RECENT_FILES)[:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        items = [p for p in self.recent_files() if Path(p) != Path(path)]
        settings.set_paths(settings.RECENT_FILES, [str(path)] + items[: MAX_RECENT - 1])
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.recent_files()
        self._recent_shown = files
        for index, path in enumerate(files):
            missing = not Path(path).is_file()
            action = menu.addAction(shown_path(Path(path).name)
                                    + ("  (missing)" if missing else ""))
            action.setToolTip(guarded(shown_path(path)))
            action.setStatusTip(shown_path(path))
            action.setData(index)  # the path itself may hold bytes Qt cannot carry
            action.setEnabled(not missing)
            action.triggered.connect(self._open_recent)
        if files:
            menu.addSeparator()
            prune = menu.addAction("Remove missing files")
            prune.triggered.connect(self._prune_recent)
            clear = menu.addAction("Clear list")
            clear.triggered.connect(self._clear_recent)
        else:
            empty = menu.addAction("No recent files")
            empty.setEnabled(False)
        self.recent_menu.menuAction().setEnabled(True)

    def _open_recent(self) -> None:
        action = self.sender()
        if action is None or not 0 <= action.data() < len(self._recent_shown):
            return
        if self.maybe_save():
            self.open_path(self._recent_shown[action.data()])

    def _prune_recent(self) -> None:
        settings.set_paths(settings.RECENT_FILES,
                           [p for p in self.recent_files() if Path(p).is_file()])
        self._fill_recent_menu()

    def _clear_recent(self) -> None:
        settings.set_paths(settings.RECENT_FILES, [])
        self._fill_recent_menu()
