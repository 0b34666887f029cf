"""Atomic file writing: a file appears under its final name complete, or not at all, and saving
over a file keeps what the user had (its permissions; a read-only file is refused).

The data goes to a short hidden temporary name beside the target (``.<name>.<pid>.<random>.part``,
always well under the 255-byte limit of a file name) and is renamed over the target once it is
on disk. A process killed mid-write leaves its part file behind: the next save into the same
folder removes the ones whose process is gone.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
import time
from contextlib import contextmanager
from pathlib import Path

_PART = re.compile(r"^\..*\.(\d+)\.[0-9a-f]{8}\.part$")
_STALE_AFTER_S = 24 * 3600  # where it cannot be told whether a process lives (Windows)


@contextmanager
def atomic_file(path):
    """Yield a binary file object writing to a temporary file beside ``path``; when the block
    ends without an exception, flush it to disk and rename it to ``path`` (``os.replace``,
    atomic on one file system). On an exception the temporary file is removed and ``path`` is
    left as it was. PermissionError if ``path`` exists and is read-only."""
    path = Path(path)
    mode = _mode_for(path)
    _remove_stale_parts(path.parent)
    tmp = path.parent / f".{path.name[:40]}.{os.getpid()}.{secrets.token_hex(4)}.part"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)  # already gone after a successful rename


def _mode_for(path: Path) -> int:
    """The permissions the saved file gets: the old file's, or the usual ones for a new file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
    if not stat.S_ISREG(info.st_mode):
        raise IsADirectoryError(f"{path} is not a regular file") if stat.S_ISDIR(info.st_mode) \
            else PermissionError(f"{path} is not a regular file; choose another name")
    if not (info.st_mode & stat.S_IWUSR and os.access(path, os.W_OK)):  # root writes anything
        raise PermissionError(f"{path} is read-only; choose another name or make it writable")
    return stat.S_IMODE(info.st_mode)


def _remove_stale_parts(folder: Path) -> None:
    """Part files left by processes that no longer run (killed mid-write)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        match = _PART.match(name)
        if match and not _alive(int(match.group(1)), folder / name):
            (folder / name).unlink(missing_ok=True)


def _alive(pid: int, part: Path) -> bool:
    if os.name == "posix":
        if pid == os.getpid():
            return True
        try:
            os.kill(pid, 0)  # signal 0: only asks whether the process exists
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    try:  # elsewhere os.kill would end the process: judge by age instead
        return time.time() - part.stat().st_mtime < _STALE_AFTER_S
    except OSError:
        return True
