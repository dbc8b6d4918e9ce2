"""Revisions of a scenario by path, and values derived from it, cached once by revision.

Every edit names its path in the scenario (core.edits): ("frameworks", <id>, "weights",
<criterion>), ("risks", "items"), ("participants",). The Document counts revisions per path
(``Revisions``): an edit gives its path, and every prefix of it, a fresh revision; undo and
redo put back the revisions the path had (``stamp``/``restore``), so a value computed before
an edit is found again after its undo. A derived value (a framework's utility table and
ranking, How sure's draws, the strategy's answers, the room's spread) names the paths it rests
on and is kept in the Document's ``Derived`` cache under their revisions: computed once per
change of what it reads, by whoever asks first (the window, the report, the CLI).

``derived(paths)`` turns a function of (Document, *args) into a cached one, like
``functools.cache`` but owned by the Document (no module-level state) and invalidated by
revision. ``affects(path, prefix)`` is what views subscribe with: does an edit at ``path``
change anything under ``prefix``?

No Qt here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

if TYPE_CHECKING:
    from .document import Document

Path = tuple[str, ...]
Stamp = tuple[tuple[Path, int, int], ...]
"""What an edit's path had before (or after) it: (prefix, revision under it, revision of an edit
exactly at it), for every prefix of the path."""

P = ParamSpec("P")
T = TypeVar("T")

EVERYTHING: Path = ()
"""The path of a change to the whole scenario (New, Open): it affects every path."""


def affects(path: Path, prefix: Path) -> bool:
    """Does a change at ``path`` change anything at or under ``prefix``? True when one path
    starts with the other: an edit of ("frameworks", "a", "weights", "roi") affects
    ("frameworks", "a") and ("frameworks", "a", "weights", "roi"); an edit of
    ("frameworks", "a") affects ("frameworks", "a", "weights") too; () affects everything."""
    n = min(len(path), len(prefix))
    return tuple(path[:n]) == tuple(prefix[:n])


class Revisions:
    """Per-path revision numbers of one document.

    ``of(path)`` changes exactly when something at, under or over ``path`` changed (an edit of
    a whole section changes every path inside it). Numbers are never reused for new content:
    a fresh change takes the next number of a counter that only grows; undo puts back the
    numbers the path had, so the content and its numbers match again.
    """

    def __init__(self) -> None:
        self._counter = 0
        self._base = 0
        """The revision of the last whole-scenario change (every path is at least this)."""
        self._under: dict[Path, int] = {}
        """prefix -> the revision of the last change at or under it."""
        self._at: dict[Path, int] = {}
        """path -> the revision of the last change of exactly that path."""

    @property
    def current(self) -> int:
        """The scenario's revision: changes with every edit, undo and redo."""
        return self.of(EVERYTHING)

    def of(self, path: Sequence[str]) -> int:
        """The revision of what lies at ``path``."""
        p = tuple(path)
        found = max(self._base, self._under.get(p, 0))
        for n in range(1, len(p)):
            found = max(found, self._at.get(p[:n], 0))
        return found

    def of_all(self, paths: Iterable[Sequence[str]]) -> tuple[int, ...]:
        return tuple(self.of(p) for p in paths)

    def everything(self) -> None:
        """The whole scenario was replaced: every path takes a fresh revision."""
        self._counter += 1
        self._base = self._counter
        self._under.clear()
        self._at.clear()

    def stamp(self, path: Path) -> Stamp:
        """The revisions ``path`` and its prefixes have now (for ``restore``)."""
        return tuple((path[:n], self._under.get(path[:n], 0), self._at.get(path[:n], 0))
                     for n in range(len(path) + 1))

    def bump(self, path: Path) -> None:
        """A fresh change at ``path``."""
        self._counter += 1
        for n in range(len(path) + 1):
            self._under[path[:n]] = self._counter
        self._at[path] = self._counter

    def restore(self, stamp: Stamp) -> None:
        """Put back the revisions of a ``stamp`` (undo and redo: the content is as it was)."""
        for prefix, under, at in stamp:
            _put(self._under, prefix, under)
            _put(self._at, prefix, at)


def _put(d: dict[Path, int], key: Path, value: int) -> None:
    if value:
        d[key] = value
    else:
        d.pop(key, None)


class Derived:
    """Values computed from one document, each kept under the revisions of the paths it rests
    on. Owned by the Document (``doc.derived``); nothing here outlives it."""

    KEEP = 512
    """Keys kept at most (a value per framework, weighting and settings: a few dozen in a
    workshop); past it the cache starts again."""
    VERSIONS = 4
    """Values kept per key, the latest first: an undo finds the one before its edit."""

    def __init__(self, revisions: Revisions) -> None:
        self.revisions = revisions
        self._entries: dict[Hashable, list[tuple[tuple[int, ...], Any]]] = {}
        self.computed = 0
        """How many values were computed (not found): for tests and ``make bench``."""

    def get(self, key: Hashable, paths: Iterable[Sequence[str]],
            compute: Callable[[], T]) -> T:
        """The value kept under ``key`` for the revisions ``paths`` have now, else
        ``compute()`` (kept for next time, with the few before it)."""
        stamp = self.revisions.of_all(paths)
        versions = self._entries.get(key)
        if versions is None:
            if len(self._entries) >= self.KEEP:
                self._entries.clear()
            versions = self._entries[key] = []
        for n, (kept, value) in enumerate(versions):
            if kept == stamp:
                if n:
                    versions.insert(0, versions.pop(n))
                found: T = value
                return found
        computed = compute()
        versions.insert(0, (stamp, computed))
        del versions[self.VERSIONS:]
        self.computed += 1
        return computed

    def clear(self) -> None:
        self._entries.clear()


def derived(paths: Callable[..., Iterable[Sequence[str]]]) -> Callable[
        [Callable[Concatenate[Document, P], T]], Callable[Concatenate[Document, P], T]]:
    """Cache a function of (Document, *args) in the document, by the revisions of
    ``paths(doc, *args)``: ``functools.cache`` for derived values (its arguments must be
    hashable; ``__wrapped__`` computes without the cache)."""

    def wrap(fn: Callable[Concatenate[Document, P], T]) -> Callable[Concatenate[Document, P], T]:
        name = f"{fn.__module__}.{fn.__qualname__}"

        def cached(doc: Document, /, *args: P.args, **kwargs: P.kwargs) -> T:
            key = (name, args, tuple(sorted(kwargs.items())))
            return doc.derived.get(key, paths(doc, *args, **kwargs),
                                   lambda: fn(doc, *args, **kwargs))

        functools.update_wrapper(cached, fn)
        return cached

    return wrap


def view_paths(doc: Document, framework_id: str) -> list[Path]:
    """What a framework's tab draws: its settings but its notes (the notes box follows
    those), the definitions, the room (the group's and people's weights) and the file
    sections its feature owns (``Extension.sections``)."""
    from .extensions import get
    from .models import FrameworkSettings

    own = ("frameworks", framework_id)
    paths: list[Path] = [*(own + (k,) for k in FrameworkSettings.model_fields if k != "notes"),
                         ("definitions",), ("participants",), ("group",)]
    framework = doc.frameworks.get(framework_id)  # None: a framework just removed
    extension = framework.extension if framework is not None else None
    if extension is not None:
        paths += [section_path(section) for section in get(extension).sections]
    return paths


def table_view_paths(framework_id: str) -> list[Path]:
    """What a framework's options table shows besides the fits: its ratings and their notes."""
    own = ("frameworks", framework_id)
    return [own + ("rating_overrides",), own + ("rating_notes",), ("definitions",)]


def shows(paths: Iterable[Path], path: Path) -> bool:
    """Does an edit at ``path`` change anything under one of ``paths``?"""
    return any(affects(path, p) for p in paths)


def scenario_paths() -> list[Path]:
    """What a value read from every framework and feature rests on (the strategy's answers):
    the frameworks' settings and definitions, and every feature's sections (the title, the
    notes and the view aside)."""
    from .extensions import registered

    return [("frameworks",), ("definitions",),
            *(section_path(s) for e in registered().values() for s in e.sections)]


def section_path(name: str) -> Path:
    """Where a file section lives in the scenario: (name,) for one Scenario declares, else
    ("features", name) (a feature's own: core.sections)."""
    from .models import Scenario
    from .sections import FEATURES

    return (name,) if name in Scenario.model_fields else (FEATURES, name)
