"""Where file dialogs start: the last folder used (open, save and export alike), else the
scenario's own folder, else the home folder (never the working directory)."""

from __future__ import annotations

from pathlib import Path

from . import settings


def last_folder(current_file: Path | None = None) -> Path:
    """The folder a file dialog opens in."""
    value = settings.store().value(settings.LAST_FOLDER, "")
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    if current_file is not None and Path(current_file).parent.is_dir():
        return Path(current_file).parent
    return Path.home()


def remember(path: str | Path) -> None:
    """Remember the folder of a chosen file (or the chosen folder itself)."""
    p = Path(path)
    folder = p if p.is_dir() else p.parent
    if str(folder):
        settings.set_value(settings.LAST_FOLDER, str(folder.resolve()))


def start_path(current_file: Path | None, name: str) -> str:
    """A save dialog's starting path: ``name`` in the folder it opens in."""
    return str(last_folder(current_file) / name)
