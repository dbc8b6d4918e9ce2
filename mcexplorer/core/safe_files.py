"""Reading and writing files so that nothing hangs, nothing fills memory and nothing is lost.

- ``read_capped`` refuses anything but a regular file before reading it (a FIFO, a device, a
  socket, a folder), opens without blocking so even the open cannot hang, and never reads more
  than its limit.
- ``atomic_write`` and ``atomic_copy`` write a short-named temporary (``.mcx-XXXXXXXX.tmp``) in
  the target's folder, flush and fsync it, then rename it over the target, so a file on disk is
  always either the old or the new version, whatever the length of the target's name.
- ``check_name`` refuses, in one line, a name longer than the file system allows.

Every refusal is a ScenarioError naming the file. No Qt here.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import ScenarioError

TEMP_PREFIX = ".mcx-"
TEMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = ".bak"
DEFAULT_NAME_MAX = 255
_CHUNK = 1 << 20
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
               | getattr(os, "O_CLOEXEC", 0))


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------


def reason(exc: OSError) -> str:
    """The operating system's words for an error, e.g. 'Permission denied'."""
    return exc.strerror or str(exc) or type(exc).__name__


def name_max(folder: Path) -> int:
    """The longest file name (in bytes) the file system holding ``folder`` allows."""
    probe = folder if str(folder) else Path(".")
    for candidate in (probe, *probe.parents):
        try:
            if candidate.is_dir():
                return int(os.pathconf(candidate, "PC_NAME_MAX"))
        except (OSError, ValueError, AttributeError):
            return DEFAULT_NAME_MAX
    return DEFAULT_NAME_MAX


def name_bytes(name: str) -> int:
    """A name's length as the file system counts it (UTF-16 units on Windows, else bytes)."""
    if os.name == "nt":  # pragma: no cover - Windows
        return len(name.encode("utf-16-le", "surrogatepass")) // 2
    try:
        return len(os.fsencode(name))
    except UnicodeError:
        return len(name.encode("utf-8", "surrogatepass"))


def check_name(path: Path) -> None:
    """Refuse a file name longer than its folder's file system allows (one line)."""
    limit = name_max(path.parent)
    length = name_bytes(path.name)
    if length > limit:
        raise ScenarioError(f"the file name is {length} bytes long; this folder allows at most "
                            f"{limit}", file=str(path))


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept: NAME.bak, or, when that name would be
    too long for the file system, NAME shortened and marked with '~' (e.g. 'long-na~.bak')."""
    limit = name_max(path.parent)
    name = path.name + BACKUP_SUFFIX
    if name_bytes(name) <= limit:
        return path.with_name(name)
    stem = path.name
    while stem and name_bytes(stem + "~" + BACKUP_SUFFIX) > limit:
        stem = stem[:-1]
    return path.with_name(stem + "~" + BACKUP_SUFFIX)


def follow_link(path: Path) -> Path:
    """The file a symbolic link points to (so writing keeps the link a link), else ``path``."""
    try:
        if path.is_symlink():
            return Path(os.path.realpath(path))
    except OSError:
        pass
    return path


def is_temporary(name: str) -> bool:
    """True for the name of a temporary written by ``atomic_write``."""
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def size_text(n: int) -> str:
    """A size as a person reads it: '8 MiB', '15.4 MiB', '96 KiB'."""
    if n >= 1 << 20:
        return f"{n / 1048576:.1f} MiB" if n % (1 << 20) else f"{n >> 20} MiB"
    return f"{n / 1024:.0f} KiB"


def _not_regular(path: Path, mode: int, what: str) -> ScenarioError:
    kind = _kind(mode)
    text = f"is {kind}, not a {what}" if kind != "not a regular file" else \
        f"is not a regular file, not a {what}"
    return ScenarioError(text, file=str(path))


def _stat_error(exc: OSError, path: Path) -> ScenarioError:
    if isinstance(exc, FileNotFoundError):
        return ScenarioError("no such file", file=str(path))
    if exc.errno == errno.ENAMETOOLONG:
        return ScenarioError("the file name is too long for this file system", file=str(path))
    return ScenarioError(f"cannot read ({reason(exc)})", file=str(path))


def regular_file_stat(path: Path, *, what: str = "file") -> os.stat_result | None:
    """The file's status when it is a regular file (links followed); None when nothing is
    there; a ScenarioError for a folder, FIFO, device or socket, or when it cannot be read."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _stat_error(exc, path) from None
    if not stat.S_ISREG(st.st_mode):
        raise _not_regular(path, st.st_mode, what)
    return st


def open_regular(path: Path, *, what: str = "file") -> tuple[int, os.stat_result]:
    """Open a regular file for reading without blocking; (descriptor, status)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise _stat_error(exc, path) from None
    if not stat.S_ISREG(st.st_mode):
        raise _not_regular(path, st.st_mode, what)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _stat_error(exc, path) from None
    try:
        st = os.fstat(fd)  # it may have been swapped for something else meanwhile
    except OSError as exc:
        os.close(fd)
        raise _stat_error(exc, path) from None
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise _not_regular(path, st.st_mode, what)
    return fd, st


def read_capped(path: Path, limit: int, *, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; a ScenarioError otherwise.
    The size is checked before reading, and reading stops at the limit whatever stat said."""
    fd, st = open_regular(path, what=what)
    try:
        if st.st_size > limit:
            raise ScenarioError(f"file is {size_text(st.st_size)}; {what}s are limited to "
                                f"{size_text(limit)}", file=str(path))
        chunks = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise ScenarioError(f"cannot read ({reason(exc)})", file=str(path)) from None
    finally:
        os.close(fd)
    if total > limit:
        raise ScenarioError(f"file is larger than {size_text(limit)}; {what}s are limited to "
                            f"{size_text(limit)}", file=str(path))
    return b"".join(chunks)


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def atomic_write(path: Path, payload: bytes) -> os.stat_result:
    """Write payload to path so the file is always either the old or the new version.
    Returns the written file's status (size and modification time)."""
    return _atomic(Path(path), lambda fh: fh.write(payload))


def atomic_copy(source: Path, target: Path, *, what: str = "file") -> os.stat_result:
    """Copy a regular file to ``target`` atomically, streaming (no size limit, no hang)."""
    fd, _ = open_regular(Path(source), what=what)
    with os.fdopen(fd, "rb") as src:
        def fill(fh: BinaryIO) -> None:
            while chunk := src.read(_CHUNK):
                fh.write(chunk)

        return _atomic(Path(target), fill)


def _atomic(path: Path, fill: Callable[[BinaryIO], object]) -> os.stat_result:
    check_name(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise ScenarioError(f"cannot write here ({reason(exc)})", file=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
            written = os.fstat(fh.fileno())
        _copy_mode(path, tmp)
        os.replace(tmp, path)
    except OSError as exc:
        _unlink_quietly(tmp)
        text = "the file name is too long for this file system" \
            if exc.errno == errno.ENAMETOOLONG else f"could not save ({reason(exc)})"
        raise ScenarioError(text, file=str(path)) from None
    except BaseException:
        _unlink_quietly(tmp)
        raise
    fsync_dir(folder)
    return written


def _copy_mode(path: Path, tmp: str) -> None:
    """The new file keeps the old one's permissions; a new file gets the usual ones."""
    try:
        mode = os.stat(path).st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    try:
        os.chmod(tmp, mode)
    except OSError:
        pass


def _unlink_quietly(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def is_read_only(st: os.stat_result, path: Path) -> bool:
    """True when the file carries no write permission (for anyone) or not for this user."""
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return True
    try:
        return not os.access(path, os.W_OK)
    except OSError:
        return False


__all__ = ["atomic_copy", "atomic_write", "backup_path", "check_name", "follow_link",
           "fsync_dir", "is_read_only", "is_temporary", "name_max", "open_regular",
           "read_capped", "reason", "regular_file_stat", "size_text"]
