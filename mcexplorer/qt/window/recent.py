"""Open Recent: the last files opened or saved, kept in the settings (window.settings)."""

from __future__ import annotations

from pathlib import Path

from . import settings

MAX_RECENT = 10


class RecentFiles:
    """A mixin of MainWindow: the recent-files list and the Open Recent menu."""

    def recent_files(self) -> list[str]:
        return settings.string_list(settings.RECENT_FILES)[:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        items = [p for p in self.recent_files() if Path(p) != Path(path)]
        settings.set_value(settings.RECENT_FILES, [str(path)] + items[: MAX_RECENT - 1])
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.recent_files()
        for path in files:
            missing = not Path(path).is_file()
            action = menu.addAction(Path(path).name + ("  (missing)" if missing else ""))
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
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
        if action is not None and self.maybe_save():
            self.open_path(action.data())

    def _prune_recent(self) -> None:
        settings.set_value(settings.RECENT_FILES, [p for p in self.recent_files() if Path(p).is_file()])
        self._fill_recent_menu()

    def _clear_recent(self) -> None:
        settings.set_value(settings.RECENT_FILES, [])
        self._fill_recent_menu()
