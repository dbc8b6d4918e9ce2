"""Starting the window: ``create_window`` for tests and embedding, ``run`` for the command."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .core.errors import ScenarioError

APP_NAME = "mcexplorer"


def ensure_app() -> QApplication:
    """The running QApplication, created (with the app's names) if there is none."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName("mcexplorer")
    return app  # type: ignore[return-value]


def create_window(path: str | Path | None = None):
    """The main window on the default scenario, or on ``path``; the event loop is not run.

    A file that cannot be opened raises ScenarioError (the window is not created).
    """
    ensure_app()
    from .core.io import load_scenario
    from .qt.controller import DocumentController
    from .qt.main_window import MainWindow
    from .core.document import Document

    if path is None:
        window = MainWindow(DocumentController(Document()))
    else:
        scenario, _ = load_scenario(path)
        window = MainWindow(DocumentController(Document(scenario)))
        window.path = Path(path).resolve()
        window._update_title()
    return window


def run(path: str | None = None) -> int:
    """Open the window (on ``path`` if given) and run until it closes."""
    try:
        if path is not None:
            from .core.io import load_scenario

            load_scenario(path)  # refuse a bad file before any window appears
    except ScenarioError as exc:
        print(f"mcexplorer: {exc.message}", file=sys.stderr)
        return 2
    if sys.platform.startswith("linux") and not any(
            os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        print("mcexplorer: no display to open the window on (the subcommands work without "
              "one; see 'mcexplorer --help')", file=sys.stderr)
        return 2
    app = ensure_app()
    try:
        window = create_window(path)
    except ScenarioError as exc:
        print(f"mcexplorer: {exc.message}", file=sys.stderr)
        return 2
    window.show()
    return app.exec()
