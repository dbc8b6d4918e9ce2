"""Starting the window: ``create_window`` for tests and embedding, ``run`` for the command."""

from __future__ import annotations

import linecache
import os
import signal
import socket
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .core.errors import ScenarioError

APP_NAME = "mcexplorer"


def ensure_app() -> QApplication:
    """The running QApplication, created (with the app's names) if there is none."""
    existing = QApplication.instance()
    app = QApplication(sys.argv[:1]) if existing is None else existing
    assert isinstance(app, QApplication), "a QCoreApplication without widgets is running"
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName("mcexplorer")
    return app


def install_excepthook(window) -> None:
    """Unexpected errors are logged, the work autosaved, and a dialog names the log file.

    The previous hook still runs afterwards (the console's, or a test runner's that fails the
    test), so nothing is hidden from whoever else is listening.
    """
    import shiboken6

    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        if not issubclass(exc_type, KeyboardInterrupt) and shiboken6.isValid(window):
            try:
                window.report_unexpected(exc_type, exc, tb)
            except Exception:  # noqa: BLE001 - reporting must never raise
                pass
        previous(exc_type, exc, tb)

    sys.excepthook = hook


def create_window(path: str | Path | None = None, *, lazy_tabs: bool = False):
    """The main window on the default scenario, or on ``path``; the event loop is not run.

    Window size, position and last tab come back from the settings. If a previous instance
    died with unsaved work, a QMessageBox offers to restore it before this returns.
    A file that cannot be opened raises ScenarioError (the window is not created).
    Every tab, with its named sliders and charts, exists on return; ``lazy_tabs=True`` (the
    command's start path) builds the hidden tabs right after the first paint instead.
    """
    from .core.validation import load_scenario

    scenario = None if path is None else load_scenario(path)[0]
    return _window_for(scenario, path, lazy_tabs)


def setup_logging() -> None:
    from .core.logs import setup_logging as setup

    setup()


def forget_sources() -> None:
    """Drop the source text PySide's import hook cached for every module imported after it.

    PySide6 reads the source of each newly imported module (``inspect.getsource``: does it
    use ``__feature__``?), which leaves every module's lines in ``linecache``: about 20 MB
    once numpy, pyqtgraph, pydantic and mcexplorer are in. Nothing needs them kept: a
    traceback reads its lines again from the file."""
    linecache.clearcache()


def _window_for(scenario, path, lazy_tabs: bool):
    """create_window's work, for a scenario already read from ``path`` (or None: default)."""
    ensure_app()
    from .core.document import Document
    from .qt.controller import DocumentController
    from .qt.window import settings
    from .qt.window.main_window import MainWindow

    settings_problem = settings.check_file()  # before any QSettings: a FIFO would block it

    if lazy_tabs:  # the command's start: memory freed before the window takes its own
        forget_sources()
    window = MainWindow(DocumentController(Document(scenario)), lazy_tabs=lazy_tabs)
    if path is not None:
        window.scenario_file.opened(path)
    window.layout_settings.restore()
    if lazy_tabs:  # the command's start: the log file (logging.handlers) after the first frame
        window.after_first_frame(setup_logging)
        window.after_first_frame(forget_sources)  # again, before the hidden tabs are built
    else:
        setup_logging()
    install_excepthook(window)
    window.keeper.offer_recovery(window)
    if settings_problem:
        window.statusBar().showMessage(f"Settings not used: {settings_problem}", 15000)
    return window


def run(path: str | None = None) -> int:
    """Open the window (on ``path`` if given) and run until it closes."""
    scenario = None
    try:
        if path is not None:
            from .core.validation import load_scenario

            scenario, _ = load_scenario(path)  # refuse a bad file before any window appears
    except ScenarioError as exc:
        print(f"mcexplorer: {exc.message}", file=sys.stderr)
        return 2
    if sys.platform.startswith("linux") and not any(
            os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        print("mcexplorer: no display to open the window on (the subcommands work without "
              "one; see 'mcexplorer --help')", file=sys.stderr)
        return 2
    app = ensure_app()
    window = _window_for(scenario, path, lazy_tabs=True)  # first paint sooner; see create_window
    close_on_terminate(window)
    window.show()
    return app.exec()


def close_on_terminate(window) -> None:
    """SIGTERM (a logout, ``kill``, a service manager, the bundle's smoke test) ends the app
    cleanly instead of killing it: with nothing unsaved the window closes as Quit would (its
    size and place remembered, its lock removed); with unsaved work nothing is asked (nobody
    may be there to answer): the work is autosaved and the next start offers it back.

    Qt's event loop does not run Python's signal handlers by itself: the signal writes a byte
    to a socket (``signal.set_wakeup_fd``) that a QSocketNotifier watches. Not on Windows,
    which sends GUI programs WM_CLOSE (the window's close, as Quit) rather than SIGTERM."""
    if sys.platform == "win32":
        return
    from PySide6.QtCore import QSocketNotifier

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    try:
        signal.set_wakeup_fd(writer.fileno())
        signal.signal(signal.SIGTERM, lambda *_: None)  # the byte on the socket does the work
    except ValueError:  # not the main thread (an embedding): leave the default
        reader.close()
        writer.close()
        return
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, window)

    def terminate() -> None:
        try:
            reader.recv(64)
        except OSError:
            pass
        if window.controller.modified:
            window.keeper.autosave()
            window.layout_settings.save()
            ensure_app().exit(0)
        else:
            window.close()

    notifier.activated.connect(terminate)
    window._terminate_channel = (reader, writer, notifier)  # kept alive with the window
