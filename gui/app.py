"""QApplication set-up: pyqtgraph options (before any item exists), then the main window."""

from __future__ import annotations

import gc
import sys

import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from core import allocator

APP_NAME = "CNN Studio"
ORGANIZATION = "CNN Studio"


def configure_pyqtgraph() -> None:
    # Row-major so an (H, W) array shows upright; must run before any image item is created.
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True, background="w",
                        foreground="#222")


def collect_garbage_in_gui_thread(app: QApplication, interval_ms: int = 1000) -> QTimer:
    """Python's cyclic garbage collector runs in whichever thread happens to allocate — a training
    thread too — and a Qt object reachable only through a cycle would then be destroyed there
    while the GUI thread is inside Qt. Automatic collection is turned off and a GUI-thread timer
    collects instead, with the interpreter's own thresholds (as pyqtgraph's GarbageCollector)."""
    thresholds = gc.get_threshold()
    gc.disable()

    def collect():
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= thresholds[generation]:
                break
            gc.collect(generation)

    timer = QTimer(app)
    timer.setObjectName("garbage_collector")
    timer.timeout.connect(collect)
    timer.start(interval_ms)
    return timer


def create_app(argv: list[str] | None = None) -> QApplication:
    allocator.keep_freed_memory()  # before any thread allocates: see core/allocator.py
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    configure_pyqtgraph()
    if app.findChild(QTimer, "garbage_collector") is None:
        collect_garbage_in_gui_thread(app)
    return app


def run(argv: list[str] | None = None, language: str | None = None) -> int:
    """The window, in ``language`` ("en", "ko"; None: the one chosen before, else the
    system's)."""
    app = create_app(argv)
    from gui import i18n
    from gui.main_window import MainWindow
    from gui.settings import settings

    problems = i18n.install(i18n.choose(language, settings().value("language", None, type=str)))

    window = MainWindow()
    window.show()
    window.report(problems)
    return app.exec()
