"""The session library and the recovery store, in the user's data folder. No Qt here.

Session library: every scenario worked on is kept as a named session, so a planner need not
manage files. A session is ``sessions/<id>.json`` (the scenario) beside ``<id>.meta.json``
(name, times, summary) and optionally ``<id>.png`` (a small preview). Deleting moves the
three files to ``trash/``, from where they can be restored.

Recovery store: a running window writes its unsaved work to ``recovery/<instance>.json``
every few seconds of idle time, never over the user's own file, and holds
``recovery/<instance>.lock``. A recovery file whose lock nobody holds belongs to an instance
that crashed or was killed: the next start offers to restore it.
"""

from __future__ import annotations

import builtins
import os
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .base import Identifier, ShortText
from .errors import ScenarioError, SessionMissing, StorageError
from .io import save_scenario, scenario_data, scenario_payload
from .models import Scenario
from .paths import InstanceLock, ensure_folder, recovery_dir, sessions_dir, trash_dir
from .records import (
    META_LIMIT,
    PREVIEW_LIMIT,
    RECOVERY_LIMIT,
    dump_record,
    read_record,
    storage_error,
)
from .safe_files import atomic_write, read_capped
from .validation import check_scenario, load_scenario


def now() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return now().strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3)


class SessionMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    id: Identifier
    name: ShortText = Field(min_length=1)
    created: datetime
    modified: datetime
    source_path: str | None = None
    """The file the session was last opened from or saved to, if any (any bytes a file name
    may hold: see dump_record)."""
    summary: ShortText = ""
    """One line: the top option of each framework."""


class SessionLibrary:
    """Sessions by name. Writing raises StorageError (a ScenarioError) and nothing else; a
    session that is not there raises SessionMissing."""

    def __init__(self, root: Path | None = None, trash: Path | None = None) -> None:
        self.root = root or sessions_dir()
        self.trash = trash or trash_dir()

    def ensure(self) -> None:
        """Create the sessions folder, or raise StorageError saying why it cannot be."""
        ensure_folder(self.root)

    # -- reading ----------------------------------------------------------------------------

    def _meta_path(self, sid: str, folder: Path | None = None) -> Path:
        return (folder or self.root) / f"{sid}.meta.json"

    def scenario_path(self, sid: str, folder: Path | None = None) -> Path:
        return (folder or self.root) / f"{sid}.json"

    def preview_path(self, sid: str, folder: Path | None = None) -> Path:
        return (folder or self.root) / f"{sid}.png"

    def _read_meta(self, path: Path) -> SessionMeta:
        return read_record(SessionMeta, path, META_LIMIT, "session record")

    def _list(self, folder: Path) -> list[SessionMeta]:
        try:
            if not folder.is_dir():
                return []
            files = list(folder.glob("*.meta.json"))
        except OSError:
            return []
        found = []
        for meta_file in files:
            try:
                meta = self._read_meta(meta_file)
                if self.scenario_path(meta.id, folder).exists():
                    found.append(meta)
            except (ScenarioError, OSError):
                continue  # a damaged entry is skipped, never fatal
        return sorted(found, key=lambda m: m.modified, reverse=True)

    def list(self) -> list[SessionMeta]:
        """Sessions, most recently changed first."""
        return self._list(self.root)

    def trashed(self) -> builtins.list[SessionMeta]:
        return self._list(self.trash)

    def meta(self, sid: str) -> SessionMeta:
        try:
            return self._read_meta(self._meta_path(sid))
        except (ScenarioError, OSError):
            raise SessionMissing("no such session", field=f"session {sid}") from None

    def load(self, sid: str) -> Scenario:
        scenario, _ = load_scenario(self.scenario_path(sid))
        return scenario

    # -- writing ----------------------------------------------------------------------------

    def create(self, scenario: Scenario, name: str, source_path: str | None = None,
               summary: str = "") -> SessionMeta:
        t = now()
        meta = SessionMeta(id=new_id(), name=_clean_name(name), created=t, modified=t,
                           source_path=source_path, summary=summary[:200])
        self._write(meta, scenario)
        return meta

    def save(self, sid: str, scenario: Scenario, *, summary: str | None = None,
             source_path: str | None = None, name: str | None = None) -> SessionMeta:
        meta = self.meta(sid)
        update: dict[str, Any] = {"modified": now()}
        if summary is not None:
            update["summary"] = summary[:200]
        if source_path is not None:
            update["source_path"] = source_path
        if name is not None:
            update["name"] = _clean_name(name)
        meta = meta.model_copy(update=update)
        self._write(meta, scenario)
        return meta

    def _write(self, meta: SessionMeta, scenario: Scenario) -> None:
        try:
            self.ensure()
            save_scenario(self.scenario_path(meta.id), scenario, replace_read_only=True)
            atomic_write(self._meta_path(meta.id), dump_record(meta))
        except Exception as exc:  # noqa: BLE001 - autosave reports, it never dies
            raise storage_error(exc, "saving the session", self.root) from None

    def save_preview(self, sid: str, png: bytes) -> None:
        try:
            atomic_write(self.preview_path(sid), png)
        except Exception as exc:  # noqa: BLE001
            raise storage_error(exc, "saving the preview", self.root) from None

    def rename(self, sid: str, name: str) -> SessionMeta:
        meta = self.meta(sid).model_copy(update={"name": _clean_name(name)})
        try:
            atomic_write(self._meta_path(sid), dump_record(meta))
        except Exception as exc:  # noqa: BLE001
            raise storage_error(exc, "renaming the session", self.root) from None
        return meta

    def duplicate(self, sid: str, name: str | None = None) -> SessionMeta:
        meta = self.meta(sid)
        copy = self.create(self.load(sid), name or f"{meta.name} (copy)", meta.source_path,
                           meta.summary)
        try:
            png = read_capped(self.preview_path(sid), PREVIEW_LIMIT, what="preview")
        except ScenarioError:
            return copy  # no preview, or not one we would show: the copy gets its own later
        self.save_preview(copy.id, png)
        return copy

    def delete(self, sid: str) -> None:
        """Move a session to the trash (it can be restored)."""
        self.meta(sid)
        self._move(sid, self.root, self.trash)

    def restore(self, sid: str) -> SessionMeta:
        if not self._meta_path(sid, self.trash).exists():
            raise SessionMissing("not in the trash", field=f"session {sid}")
        self._move(sid, self.trash, self.root)
        return self.meta(sid)

    def _move(self, sid: str, src: Path, dst: Path) -> None:
        try:
            ensure_folder(dst)
            for path in (self.scenario_path(sid, src), self.preview_path(sid, src),
                         self._meta_path(sid, src)):
                if os.path.lexists(path):
                    path.replace(dst / path.name)
        except (ScenarioError, OSError) as exc:
            raise storage_error(exc, "moving the session", dst) from None


def _clean_name(name: str) -> str:
    """A display name: one line, at most 200 characters; the undecodable bytes of a file name
    (lone surrogates, which a widget would silently drop) shown as U+FFFD."""
    name = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in str(name))
    name = " ".join(name.split())[:200]
    return name or "Untitled scenario"


# --------------------------------------------------------------------------------------------
# Recovery
# --------------------------------------------------------------------------------------------


class RecoveryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    instance: str
    saved_at: datetime
    path: str | None = None
    """The user's file this work belongs to (never written by autosave)."""
    session_id: str | None = None
    scenario: Scenario


UNREADABLE = "unreadable"
"""The subfolder of recovery/ where files that cannot be restored are moved (never offered)."""


class RecoveryStore:
    """This instance's autosave slot, and the orphans left by instances that died.

    ``start`` never raises: it returns (and keeps in ``problem``) why autosave cannot work.
    ``write`` raises StorageError (a ScenarioError) and nothing else.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or recovery_dir()
        self.instance = new_id()
        self._lock = InstanceLock(self.root / f"{self.instance}.lock")
        self.problem: str | None = None
        self.moved_aside: list[tuple[Path, str]] = []
        """Recovery files found unreadable or unrestorable and moved to recovery/unreadable/:
        (where each is now, why), for the window to mention once."""
        self._held: dict[str, InstanceLock] = {}
        """Locks of orphans this window found: held until they are restored, discarded or set
        aside, so a second window starting meanwhile does not offer the same work."""

    def _file(self, instance: str) -> Path:
        return self.root / f"{instance}.json"

    def start(self) -> str | None:
        """Take this instance's lock. None when autosave can work, else the reason (one line
        naming the folder), also kept in ``problem``."""
        if self._lock.held:
            self.problem = None
            return None
        try:
            taken = self._lock.acquire()
        except StorageError as exc:
            self.problem = exc.message
            return self.problem
        self.problem = None if taken else \
            f"{self._lock.path}: the lock is held by another process"
        return self.problem

    def write(self, scenario: Scenario, path: str | None, session_id: str | None) -> Path:
        problem = self.start()
        if problem:
            raise StorageError(problem)
        target = self._file(self.instance)
        try:
            entry = RecoveryEntry(instance=self.instance, saved_at=now(), path=path,
                                  session_id=session_id, scenario=scenario)
            # The scenario is written as a scenario file is (compact ratings), and refused
            # as a save would be when it could not be opened again.
            scenario_payload(entry.scenario)
            payload = dump_record(entry, exclude={"scenario"},
                                  scenario=scenario_data(entry.scenario))
            atomic_write(target, payload)
        except Exception as exc:  # noqa: BLE001 - autosave reports, it never dies
            raise storage_error(exc, "autosave", target) from None
        return target

    def clear(self) -> None:
        """No unsaved work any more (saved, discarded or closed cleanly). Never raises."""
        try:
            self._file(self.instance).unlink()
        except OSError:
            pass

    def stop(self) -> None:
        self.clear()
        self._lock.remove()
        for lock in self._held.values():
            lock.release()
        self._held.clear()

    def _take(self, instance: str) -> bool:
        """Hold a dead instance's lock; False when a live window holds it."""
        if instance in self._held:
            return True
        path = self.root / f"{instance}.lock"
        lock = InstanceLock(path)
        try:
            if not lock.acquire():
                return False
        except StorageError:
            return InstanceLock.is_orphaned(path)  # a folder in the way: nobody can hold it
        self._held[instance] = lock
        return True

    def _drop(self, instance: str) -> None:
        lock = self._held.pop(instance, None)
        if lock is not None:
            lock.remove()
        else:
            try:
                (self.root / f"{instance}.lock").unlink()
            except OSError:
                pass

    def _read(self, file: Path) -> RecoveryEntry:
        entry = read_record(RecoveryEntry, file, RECOVERY_LIMIT, "recovery file")
        if self._file(entry.instance) != file:
            raise ScenarioError("does not belong to the instance it names", file=str(file))
        check_scenario(entry.scenario, file=str(file))  # restorable by this build?
        return entry

    def orphans(self) -> list[RecoveryEntry]:
        """Unsaved work of instances that are gone, newest first. A file that cannot be read
        or restored (damaged, not a regular file, too large, for a framework this build does
        not know) is moved into recovery/unreadable/ and listed in ``moved_aside``; it is
        never offered. Never raises."""
        try:
            if not self.root.is_dir():
                return []
            files = sorted(self.root.glob("*.json"))
        except OSError:
            return []
        found = []
        for file in files:
            instance = file.name[:-len(".json")]
            if instance == self.instance:
                continue
            if not self._take(instance):
                continue  # a live window owns it (or is offering it)
            try:
                found.append(self._read(file))
            except ScenarioError as exc:
                self._move_aside(file, exc.problem)
        return sorted(found, key=lambda e: e.saved_at, reverse=True)

    def set_aside(self, entry: RecoveryEntry, why: str = "it could not be restored") -> Path:
        """Offered once and not restorable: move the entry's file into recovery/unreadable/
        so it is not offered again. Returns where it is now; StorageError if it cannot move."""
        where = self._move_aside(self._file(entry.instance), why)
        if where is None:
            raise StorageError("could not be moved aside", file=str(self._file(entry.instance)))
        return where

    def _move_aside(self, file: Path, why: str) -> Path | None:
        folder = self.root / UNREADABLE
        try:
            ensure_folder(folder)
            dest = folder / file.name
            n = 1
            while os.path.lexists(dest):
                dest = folder / f"{file.stem}-{n}{file.suffix}"
                n += 1
            os.replace(file, dest)
        except (ScenarioError, OSError):
            return None
        self._drop(file.stem)
        self.moved_aside.append((dest, why))
        return dest

    def discard(self, entry: RecoveryEntry) -> None:
        try:
            self._file(entry.instance).unlink()
        except OSError:
            pass
        self._drop(entry.instance)
