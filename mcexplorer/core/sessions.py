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

import json
import secrets
import shutil
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ScenarioError
from .io import atomic_write, save_scenario, scenario_json
from .validation import load_scenario
from .models import Identifier, Scenario, ShortText
from .paths import InstanceLock, recovery_dir, sessions_dir, trash_dir


def now() -> datetime:
    return datetime.now(timezone.utc)


def new_id() -> str:
    return now().strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3)


class SessionMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    id: Identifier
    name: ShortText = Field(min_length=1)
    created: datetime
    modified: datetime
    source_path: str | None = None
    """The file the session was last opened from or saved to, if any."""
    summary: ShortText = ""
    """One line: the top option of each framework."""


class SessionLibrary:
    def __init__(self, root: Path | None = None, trash: Path | None = None) -> None:
        self.root = root or sessions_dir()
        self.trash = trash or trash_dir()

    # -- reading ----------------------------------------------------------------------------

    def _meta_path(self, sid: str, folder: Path | None = None) -> Path:
        return (folder or self.root) / f"{sid}.meta.json"

    def scenario_path(self, sid: str, folder: Path | None = None) -> Path:
        return (folder or self.root) / f"{sid}.json"

    def preview_path(self, sid: str, folder: Path | None = None) -> Path:
        return (folder or self.root) / f"{sid}.png"

    def _list(self, folder: Path) -> list[SessionMeta]:
        if not folder.is_dir():
            return []
        found = []
        for meta_file in folder.glob("*.meta.json"):
            try:
                meta = SessionMeta.model_validate_json(meta_file.read_bytes())
            except (OSError, ValidationError, ValueError):
                continue  # a damaged entry is skipped, never fatal
            if self.scenario_path(meta.id, folder).exists():
                found.append(meta)
        return sorted(found, key=lambda m: m.modified, reverse=True)

    def list(self) -> list[SessionMeta]:
        """Sessions, most recently changed first."""
        return self._list(self.root)

    def trashed(self) -> list[SessionMeta]:
        return self._list(self.trash)

    def meta(self, sid: str) -> SessionMeta:
        try:
            return SessionMeta.model_validate_json(self._meta_path(sid).read_bytes())
        except (OSError, ValidationError, ValueError):
            raise ScenarioError("no such session", field=f"session {sid}") from None

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
        update: dict = {"modified": now()}
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
        self.root.mkdir(parents=True, exist_ok=True)
        save_scenario(self.scenario_path(meta.id), scenario)
        atomic_write(self._meta_path(meta.id), meta.model_dump_json(indent=2).encode())

    def save_preview(self, sid: str, png: bytes) -> None:
        atomic_write(self.preview_path(sid), png)

    def rename(self, sid: str, name: str) -> SessionMeta:
        meta = self.meta(sid).model_copy(update={"name": _clean_name(name)})
        atomic_write(self._meta_path(sid), meta.model_dump_json(indent=2).encode())
        return meta

    def duplicate(self, sid: str, name: str | None = None) -> SessionMeta:
        meta = self.meta(sid)
        copy = self.create(self.load(sid), name or f"{meta.name} (copy)", meta.source_path,
                           meta.summary)
        if self.preview_path(sid).exists():
            shutil.copyfile(self.preview_path(sid), self.preview_path(copy.id))
        return copy

    def delete(self, sid: str) -> None:
        """Move a session to the trash (it can be restored)."""
        self.meta(sid)
        self._move(sid, self.root, self.trash)

    def restore(self, sid: str) -> SessionMeta:
        if not self._meta_path(sid, self.trash).exists():
            raise ScenarioError("not in the trash", field=f"session {sid}")
        self._move(sid, self.trash, self.root)
        return self.meta(sid)

    def empty_trash(self) -> None:
        if self.trash.is_dir():
            shutil.rmtree(self.trash)

    def _move(self, sid: str, src: Path, dst: Path) -> None:
        dst.mkdir(parents=True, exist_ok=True)
        for path in (self.scenario_path(sid, src), self.preview_path(sid, src),
                     self._meta_path(sid, src)):
            if path.exists():
                path.replace(dst / path.name)


def _clean_name(name: str) -> str:
    name = " ".join(str(name).split())[:200]
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


class RecoveryStore:
    """This instance's autosave slot, and the orphans left by instances that died."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or recovery_dir()
        self.instance = new_id()
        self._lock = InstanceLock(self.root / f"{self.instance}.lock")

    def _file(self, instance: str) -> Path:
        return self.root / f"{instance}.json"

    def start(self) -> None:
        if not self._lock.held:
            self._lock.acquire()

    def write(self, scenario: Scenario, path: str | None, session_id: str | None) -> Path:
        self.start()
        entry = RecoveryEntry(instance=self.instance, saved_at=now(), path=path,
                              session_id=session_id, scenario=scenario)
        target = self._file(self.instance)
        # The scenario is dumped through its own serialiser so the file stays loadable.
        payload = json.loads(entry.model_dump_json(exclude={"scenario"}))
        payload["scenario"] = json.loads(scenario_json(scenario))
        atomic_write(target, json.dumps(payload, indent=1).encode())
        return target

    def clear(self) -> None:
        """No unsaved work any more (saved, discarded or closed cleanly)."""
        try:
            self._file(self.instance).unlink()
        except FileNotFoundError:
            pass

    def stop(self) -> None:
        self.clear()
        self._lock.release()
        try:
            (self.root / f"{self.instance}.lock").unlink()
        except OSError:
            pass

    def orphans(self) -> list[RecoveryEntry]:
        """Unsaved work of instances that are gone, newest first. Damaged files are skipped."""
        if not self.root.is_dir():
            return []
        found = []
        for file in self.root.glob("*.json"):
            instance = file.stem
            if instance == self.instance:
                continue
            if not InstanceLock.is_orphaned(self.root / f"{instance}.lock"):
                continue  # another live window owns it
            try:
                entry = RecoveryEntry.model_validate_json(file.read_bytes())
            except (OSError, ValidationError, ValueError):
                continue
            found.append(entry)
        return sorted(found, key=lambda e: e.saved_at, reverse=True)

    def discard(self, entry: RecoveryEntry) -> None:
        for suffix in (".json", ".lock"):
            try:
                (self.root / f"{entry.instance}{suffix}").unlink()
            except OSError:
                pass
