"""Records in the user's data folder (session meta, recovery entries): written so any file
name survives, read with a size cap, and every write failure as one StorageError. No Qt here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from . import compact_json
from .errors import ScenarioError, StorageError
from .io import MAX_FILE_BYTES
from .safe_files import read_capped

M = TypeVar("M", bound=BaseModel)

META_LIMIT = 256 * 1024
"""A session's meta file is a few hundred bytes; anything above this is not ours."""
PREVIEW_LIMIT = 8 * 1024 * 1024
RECOVERY_LIMIT = 3 * MAX_FILE_BYTES + 64 * 1024
"""A recovery file holds a scenario (at most MAX_FILE_BYTES as a file, up to three times that
once every non-ASCII character is written as an escape) and a few fields."""


def dump_record(model: BaseModel, *, exclude: set[str] | None = None, **extra: object) -> bytes:
    """A record (session meta, recovery entry) as JSON that any file name survives.

    A file name that is not UTF-8 reaches Python as text with lone surrogates (the byte 0xE9
    of ``caf<E9>.json`` becomes U+DCE9); the standard library writes them as ASCII escapes and
    reads them back to the same text, so the path round-trips byte for byte. (pydantic's own
    JSON refuses lone surrogates both ways.) Older records, plain UTF-8, read the same way.
    """
    data = model.model_dump(mode="json", exclude=exclude)
    data.update(extra)
    return compact_json.dumps(data, indent=1, ensure_ascii=True).encode("ascii")


def read_record(model: type[M], path: Path, limit: int, what: str) -> M:
    """Read a record written by dump_record (or by earlier versions); a ScenarioError naming
    the file when it is not a regular file, too large, damaged or of the wrong shape."""
    raw = read_capped(path, limit, what=what)
    try:
        return model.model_validate(json.loads(raw.decode("utf-8")))
    except (ValueError, RecursionError) as exc:  # JSON, UTF-8 and validation errors
        first = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise ScenarioError(f"damaged {what} ({first})", file=str(path)) from None


def storage_error(exc: BaseException, what: str, path: Path) -> StorageError:
    """Any failure to write into the data folder, as one StorageError naming the path."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, ScenarioError):
        return StorageError(exc.problem, file=exc.file, field=exc.field)
    if isinstance(exc, OSError):
        return StorageError(f"{what} failed ({exc.strerror or exc})", file=str(path))
    return StorageError(f"{what} failed ({type(exc).__name__}: {exc})", file=str(path))
