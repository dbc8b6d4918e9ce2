"""Run ``mcexplorer ARGS`` inside the test process, as ``python -m mcexplorer ARGS`` would.

Starting Python, importing PySide6, pydantic and numpy costs one to three seconds a process;
the command-line contracts (exit 0, or 2 with one line on stderr; what is printed, byte for
byte) hold the same when ``mcexplorer.cli.main`` runs here. ``run_cli`` returns a
``subprocess.CompletedProcess`` (returncode, stdout, stderr), so a test written for
``subprocess.run(..., capture_output=True)`` reads the same.

What a real process gets, this gets: argv decoded from bytes as the interpreter decodes it
(the file system encoding with surrogateescape); stdout and stderr encoded as the interpreter
would encode them in this environment (same encoding and error handler as this process's own
streams, which Python chose by the same rules), an empty stdin, ``QT_QPA_PLATFORM=offscreen``,
``sys.exit`` and uncaught exceptions turned into the exit code and traceback the interpreter
would give. Everything the command may change in this process is put back afterwards: the
environment, the working folder, ``sys.argv``, the standard streams, ``sys.excepthook``, the
SIGINT/SIGTERM handlers and the QApplication's names.

What still needs a real process: exit codes on crashes at the C level, broken pipes, signals,
PYTHONIOENCODING (the streams are chosen at start-up), killing a process mid-save, an installed
wheel's entry point. Those tests keep ``subprocess``.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import traceback
from pathlib import Path

MAIN = str(Path(__file__).resolve().parent.parent / "mcexplorer" / "__main__.py")
"""``sys.argv[0]`` of ``python -m mcexplorer``."""


def _arg(value) -> str:
    """One command-line word as the interpreter hands it to ``sys.argv``."""
    if isinstance(value, bytes):
        return os.fsdecode(value)  # surrogateescape, as Python decodes a real argv
    return str(value)


def _stream(like, data: bytes = b"") -> io.TextIOWrapper:
    """A text stream over bytes, with ``like``'s encoding and error handler."""
    encoding = getattr(like, "encoding", None) or "utf-8"
    errors = getattr(like, "errors", None) or "strict"
    return io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors=errors,
                            write_through=True)


def _exit_code(exc: SystemExit, err) -> int:
    """The exit status ``sys.exit(code)`` gives a process (a text code is printed, status 1)."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=err)
    return 1


def run_cli(*args, cwd=None, env: dict[str, str] | None = None, input: bytes | str = b"",
            text: bool = True) -> subprocess.CompletedProcess:
    """``mcexplorer *args`` in this process; ``text=False`` gives stdout and stderr as bytes.

    ``env`` adds to (or, with a value of None, removes from) the environment for this run.
    """
    from mcexplorer.cli import main

    argv = [_arg(a) for a in args]
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_argv = sys.argv
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    saved_hook = sys.excepthook
    saved_signals = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    saved_names = _app_names()
    stdin = _stream(sys.__stdin__ or sys.__stdout__,
                    input.encode() if isinstance(input, str) else input)
    stdout = _stream(sys.__stdout__)
    stderr = _stream(sys.__stderr__)
    stderr.reconfigure(errors="backslashreplace")  # as Python sets up sys.stderr
    try:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        for key, value in (env or {}).items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if cwd is not None:
            os.chdir(cwd)
        sys.argv = [MAIN, *argv]
        sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
        try:
            code = main(argv)
            code = 0 if code is None else int(code) & 0xFF
        except SystemExit as exc:
            code = _exit_code(exc, stderr)
        except BaseException:  # noqa: BLE001 - the interpreter prints it and exits 1
            traceback.print_exc(file=stderr)
            code = 1
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        sys.argv = saved_argv
        sys.excepthook = saved_hook
        for sig, handler in saved_signals.items():
            if handler is not None:
                signal.signal(sig, handler)
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        _set_app_names(saved_names)
    out, err = stdout.buffer.getvalue(), stderr.buffer.getvalue()
    if text:  # as subprocess.run(text=True) decodes: the locale's encoding, strict
        import locale

        encoding = locale.getpreferredencoding(False)
        out, err = (_universal(b.decode(encoding)) for b in (out, err))
    return subprocess.CompletedProcess(["mcexplorer", *argv], code, out, err)


def _universal(text: str) -> str:
    """Newlines as ``subprocess.run(text=True)`` reads them (universal newlines)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _app_names():
    app = _app()
    if app is None:
        return None
    return app.applicationName(), app.organizationName(), app.applicationDisplayName()


def _set_app_names(names) -> None:
    app = _app()
    if app is None:
        return
    if names is None:  # the command made the application: leave it named as it was made
        return
    app.setApplicationName(names[0])
    app.setOrganizationName(names[1])
    app.setApplicationDisplayName(names[2])


def _app():
    if "PySide6.QtCore" not in sys.modules:
        return None
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance()
