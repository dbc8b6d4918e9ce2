"""The app's own error type: every refusal names the file, the field and the problem."""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from typing import Any


def shown(text: str) -> str:
    """Text from a file, a path or a user as it may appear in a one-line message or on a
    terminal: line breaks, escape characters and other unprintable characters (including the
    undecodable bytes of a file name) are written as escapes (\\r, \\x1b, \\u2028, \\udce9)."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def shown_lines(text: str) -> str:
    """Text of several lines for a terminal: line breaks and tabs kept, every other control
    character (ESC, CR, BEL, CSI ...) from a file written as an escape (see ``shown``)."""
    text = str(text)
    if text.isprintable():
        return text
    return "\n".join("\t".join(shown(part) for part in line.split("\t"))
                     for line in text.split("\n"))


def shown_path(path: str | os.PathLike[str]) -> str:
    """A file path for a message or a terminal: bytes that are not UTF-8 read as ``\\xe9``,
    control characters escaped, so printing it can neither fail nor drive the terminal."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        raw = text
    else:
        try:
            raw = os.fsencode(text)
        except UnicodeError:
            return shown(text)
    return shown(raw.decode("utf-8", errors="backslashreplace"))


class ScenarioError(Exception):
    """Bad input: a file, a field or a value the app refuses. One line, no traceback."""

    def __init__(self, problem: str, *, file: str | None = None, field: str | None = None):
        self.problem = problem
        self.file = file
        self.field = field
        super().__init__(self.message)

    @property
    def message(self) -> str:
        parts = []
        if self.file:
            parts.append(shown_path(self.file))
        if self.field:
            parts.append(shown(self.field))
        parts.append(shown(str(self.problem).replace("\n", " ")))
        return ": ".join(parts)


class StorageError(ScenarioError):
    """The user's data folder (sessions, trash, recovery) cannot be used: autosave and the
    session library are off until it can. The message names the folder and the reason."""


class SessionMissing(ScenarioError):
    """The session asked for is not in the library (deleted meanwhile, or never there)."""


class FileChanged(ScenarioError):
    """The file on disk is not the one this window opened or last saved: another program or
    window changed it. Saving now would throw that change away."""


class ReadOnlyFile(ScenarioError):
    """The file to be replaced is read-only; it is replaced only when the user says so."""


def finite_number(value: object, field: str) -> float:
    """``value`` as a finite float, or a ScenarioError naming ``field``."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ScenarioError(f"{value!r} is not a number", field=field) from None
    if not math.isfinite(number):
        raise ScenarioError(f"{value!r} is not a finite number", field=field)
    return number


def require_unique_ids(items: Iterable[Any], what: str, field: str,
                       file: str | None = None) -> None:
    """Refuse a list in which two items share an id, naming the second one's place."""
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            raise ScenarioError(f"{what} id {item.id!r} appears twice", file=file,
                                field=f"{field}.{i}.id")
        seen.add(item.id)
