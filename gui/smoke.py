"""Smoke test on a real X server: ``python -m gui.smoke`` (under Xvfb: ``xvfb-run -a python -m
gui.smoke``) opens the main window with Qt's xcb platform, shows every page in turn, closes the
window and prints one line per page. Exit 0 when every page was shown, exposed and grabbed; 1
with the reason when one failed, raised or the whole run took longer than a minute; 2 when it
cannot run here (no X display, or another Qt platform asked for).

The offscreen tests never load the xcb plugin, so they miss what only a real window meets: Qt's
X11 libraries, the window system's events, a page that fails once it is on screen. Settings and
data go to a temporary folder: the user's own are never read or written.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import tempfile
import traceback

from PySide6.QtCore import QCoreApplication, QEvent, QTimer

TIMEOUT_MS = 60_000  # the whole run; a window that is never exposed must not hang CI
POLL_MS = 20


def main() -> int:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return _refuse(f"QT_QPA_PLATFORM is {platform!r}: this test is for X11 (xcb); unset it")
    if not os.environ.get("DISPLAY"):
        return _refuse("no X display (DISPLAY is not set); try: xvfb-run -a python -m gui.smoke")
    from gui.launcher import missing_xcb_libraries, xcb_problem

    problem = xcb_problem(missing_xcb_libraries())
    if problem:
        print(f"smoke: FAILED: {problem}", file=sys.stderr)
        return 1
    # X11 even on a Wayland session (there Qt would take Wayland first).
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    with tempfile.TemporaryDirectory(prefix="cnn-studio-smoke-") as home:
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = os.path.join(home, name.split("_")[1].lower())
        return _run()


def _refuse(reason: str) -> int:
    print(f"smoke: cannot run: {reason}", file=sys.stderr)
    return 2


def _run() -> int:
    from gui.app import create_app

    app = create_app([])
    if app.platformName() != "xcb":
        print(f"smoke: FAILED: Qt chose the {app.platformName()!r} platform, not xcb",
              file=sys.stderr)
        return 1
    smoke = Smoke(app)
    hook, sys.excepthook = sys.excepthook, smoke.excepthook  # errors raised inside Qt's calls
    # The QTimer cannot fire while the GUI thread is stuck: then print every thread's stack
    # and end the process.
    faulthandler.dump_traceback_later(TIMEOUT_MS / 1000 + 30, exit=True)
    try:
        QTimer.singleShot(0, smoke.start)
        QTimer.singleShot(TIMEOUT_MS, smoke.time_out)
        app.exec()  # its code is not the result: closing the last window quits with 0
        if smoke.window is not None:
            smoke.window.deleteLater()  # before the application, on this (the GUI) thread
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            smoke.window = None
    finally:
        sys.excepthook = hook
        faulthandler.cancel_dump_traceback_later()
    if smoke.code is None:
        print("smoke: FAILED: the event loop ended before every page was shown", file=sys.stderr)
        return 1
    if smoke.code == 0:
        print(f"smoke: ok, {smoke.shown} pages on xcb")
    return smoke.code


class Smoke:
    """Builds the window and steps through its pages, one event-loop turn at a time (no nested
    loops: the window's own events, timers and workers run as they would for a user)."""

    def __init__(self, app):
        self.app = app
        self.window = None
        self.pages = []
        self.shown = 0  # pages shown, exposed and grabbed
        self._waiting = ""  # what the current page still lacks, for the time-out message
        self.code = None  # the result, once finished

    def start(self) -> None:
        try:
            from gui import i18n
            from gui.main_window import MainWindow
            from gui.settings import settings

            i18n.install(i18n.choose(None, settings().value("language", None, type=str)))
            self.window = MainWindow()
            self.pages = list(self.window.pages)
            self.window.show()
            print(f"smoke: {len(self.pages)} pages")
        except Exception:  # noqa: BLE001 - the reason is the result
            self.fail("the window could not open", traceback.format_exc())
            return
        self._show_next()

    def _show_next(self) -> None:
        if self.code is not None:
            return
        if self.shown == len(self.pages):
            self.finish(0)
            return
        page = self.pages[self.shown]
        try:
            self.window.show_page(page)
        except Exception:  # noqa: BLE001
            self.fail(f"page {page.key!r} could not be shown", traceback.format_exc())
            return
        self._waiting = "not shown yet"
        self._check(page)

    def _check(self, page) -> None:
        """Once the page is on screen, grab it; else look again in a moment."""
        if self.code is not None:
            return
        handle = self.window.windowHandle()
        if handle is None or not handle.isExposed():
            self._waiting = "the window is not exposed"
        elif self.window.current_page() is not page:
            self._waiting = "another page is in front"
        elif not page.isVisible() or page.width() <= 0 or page.height() <= 0:
            self._waiting = f"not visible (size {page.width()}x{page.height()})"
        elif page.visibleRegion().isEmpty():
            self._waiting = "nothing of it is on screen"
        else:
            try:
                image = page.grab()
            except Exception:  # noqa: BLE001
                self.fail(f"page {page.key!r} could not be drawn", traceback.format_exc())
                return
            if image.isNull() or image.width() <= 0 or image.height() <= 0:
                self.fail(f"page {page.key!r} drew an empty image")
                return
            self.shown += 1
            print(f"page {self.shown}/{len(self.pages)} {page.key}: visible "
                  f"{page.width()}x{page.height()}, grabbed {image.width()}x{image.height()}")
            sys.stdout.flush()
            QTimer.singleShot(0, self._show_next)
            return
        QTimer.singleShot(POLL_MS, lambda: self._check(page))

    def excepthook(self, kind, error, trace) -> None:
        self.fail("an error was raised", "".join(traceback.format_exception(kind, error, trace)))

    def time_out(self) -> None:
        if self.code is None:
            where = (f"page {self.shown + 1} ({self._waiting})" if self.window is not None
                     else "opening the window")
            self.fail(f"timed out after {TIMEOUT_MS // 1000} s at {where}")

    def fail(self, reason: str, details: str = "") -> None:
        print(f"smoke: FAILED: {reason}", file=sys.stderr)
        if details:
            print(details.rstrip(), file=sys.stderr)
        if self.code is None:
            self.finish(1)
        else:  # while closing the window: the result is a failure all the same
            self.code = 1

    def finish(self, code: int) -> None:
        """Close the window (its pages stop their work and save their settings) and leave the
        event loop."""
        self.code = code
        if self.window is not None:
            try:
                self.window.close()
            except Exception:  # noqa: BLE001
                self.fail("the window could not close", traceback.format_exc())
        self.app.exit(self.code)

if __name__ == "__main__":
    sys.exit(main())
