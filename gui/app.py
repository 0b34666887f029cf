"""QApplication set-up: pyqtgraph options (before any item exists), then the main window."""

from __future__ import annotations

import sys

import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

from core import allocator

APP_NAME = "CNN Studio"
ORGANIZATION = "CNN Studio"


def configure_pyqtgraph() -> None:
    # Row-major so an (H, W) array shows upright; must run before any image item is created.
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True, background="w",
                        foreground="#222")


def create_app(argv: list[str] | None = None) -> QApplication:
    allocator.keep_freed_memory()  # before any thread allocates: see core/allocator.py
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    configure_pyqtgraph()
    return app


def run(argv: list[str] | None = None, language: str | None = None) -> int:
    """The window, in ``language`` ("en", "ko"; None: the one chosen before, else the
    system's)."""
    app = create_app(argv)
    from gui import i18n
    from gui.main_window import MainWindow
    from gui.settings import settings

    i18n.install(i18n.choose(language, settings().value("language", None, type=str)))

    window = MainWindow()
    window.show()
    return app.exec()
