"""What every lesson page has: a title, a typed configuration, status messages, a clean end."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from gui.workers import WorkerRunner


class Page(QWidget):
    """A lesson page: a thin coordinator of small widgets.

    Subclasses set ``title``, ``key`` (its settings group), ``tagline`` (one line for the page
    list) and ``Config`` (a frozen dataclass, the single source of truth for its settings), and
    implement ``config()`` / ``set_config()``. Pages that take pictures set ``accepts_images`` and
    implement ``open_image``.
    """

    title = ""
    key = ""
    tagline = ""
    Config: type = None
    accepts_images = False

    statusMessage = Signal(str)

    def config(self):
        raise NotImplementedError

    def set_config(self, config) -> None:
        raise NotImplementedError

    def open_image(self, path) -> None:
        raise NotImplementedError(f"the {self.title} page takes no pictures")

    def shutdown(self) -> None:
        """Stop every background job of the page and wait for its threads (closing)."""
        for runner in self.findChildren(WorkerRunner):
            runner.shutdown()

    def closeEvent(self, event) -> None:  # a page shown on its own (tests) ends cleanly too
        self.shutdown()
        super().closeEvent(event)
