"""Saving pictures of the window, the way the app writes every file."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice

from core.fileio import atomic_file


def save_png(widget, path) -> None:
    """A picture of ``widget`` as PNG at ``path``: atomically, keeping an earlier file's
    permissions, refusing a read-only one (OSError)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    with atomic_file(path) as f:
        f.write(bytes(buffer.data()))
