"""Atomic file writing: a file appears under its final name complete, or not at all."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_file(path):
    """Yield a binary file object writing to a temporary file beside ``path``; when the block
    ends without an exception, flush it to disk and rename it to ``path`` (``os.replace``,
    atomic on one file system). On an exception the temporary file is removed and ``path`` is
    left as it was."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; give the file the usual permissions
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)  # already gone after a successful rename
