"""The one worker pattern: a job (a generator function) runs in a QThread; what it yields reaches
the GUI thread in batches, at most ~30 times a second.

- The Worker is a parentless QObject moved to its own QThread (a parent would make moveToThread
  fail silently).
- Its signals are connected to bound slots of the ``WorkerRunner``, a QObject living in the GUI
  thread, which then calls the page's callbacks there. (A lambda connected to a worker signal would
  run in the worker thread.)
- Stop is a thread-safe flag the job checks between steps (a stop slot would never run while the
  job loops); ``wait_for_wake`` lets a paused job block until resumed or stopped.
- Jobs yield copies of arrays, never views of state they keep changing.
- Closing: ``stop()`` sets the flag, wakes the job, quits the thread and waits for it.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QThread, Signal, Slot


class Cancelled(Exception):
    """Raised inside a job by ``JobContext.check()`` once a stop was requested."""


class JobContext:
    """What a job sees of its worker: the stop flag, a way to report, and a way to wait."""

    def __init__(self, worker: Worker):
        self._worker = worker

    @property
    def stopped(self) -> bool:
        return self._worker._stop.is_set()

    def check(self) -> None:
        if self.stopped:
            raise Cancelled

    def report(self, item, urgent: bool = False) -> None:
        """Send ``item`` to the GUI (batched with others unless ``urgent``)."""
        self._worker._queue(item, urgent)

    def wait_for_wake(self, timeout: float | None = None) -> None:
        """Block until ``WorkerRunner.wake()`` or ``stop()`` (or the timeout)."""
        self._worker._wake.wait(timeout)
        self._worker._wake.clear()


class Worker(QObject):
    progressed = Signal(list)  # items since the last emission, oldest first
    failed = Signal(str)
    finished = Signal()

    def __init__(self, job: Callable[[JobContext], Iterator], max_rate_hz: float = 30.0,
                 urgent: Callable[[object], bool] | None = None):
        super().__init__()  # no parent: it is moved to another thread
        self._job, self._urgent = job, urgent or (lambda item: False)
        self._interval = 1.0 / max_rate_hz
        self._stop, self._wake = threading.Event(), threading.Event()
        self._pending: list = []
        self._last_emit = 0.0

    @Slot()
    def run(self) -> None:
        context = JobContext(self)
        try:
            for item in self._job(context):
                self._queue(item, self._urgent(item))
                if self._stop.is_set():
                    break
        except Cancelled:
            pass
        except Exception as err:  # shown to the user; the app keeps running
            self._flush()
            detail = traceback.format_exception_only(type(err), err)[-1].strip()
            self.failed.emit(detail)
        finally:
            self._flush()
            self.finished.emit()

    def _queue(self, item, urgent: bool) -> None:
        self._pending.append(item)
        if urgent or time.monotonic() - self._last_emit >= self._interval:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            batch, self._pending = self._pending, []
            self._last_emit = time.monotonic()
            self.progressed.emit(batch)


class WorkerRunner(QObject):
    """Runs one job at a time for its owner page; callbacks run in the GUI thread."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: Worker | None = None
        self._on_items = self._on_failed = self._on_finished = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, job, on_items: Callable[[list], None],
              on_failed: Callable[[str], None] | None = None,
              on_finished: Callable[[], None] | None = None, urgent=None,
              max_rate_hz: float = 30.0) -> None:
        if self.running:
            raise RuntimeError("a job is already running")
        self._on_items, self._on_failed, self._on_finished = on_items, on_failed, on_finished
        self._thread = QThread()
        self._worker = Worker(job, max_rate_hz, urgent)
        self._worker.moveToThread(self._thread)
        self._worker.progressed.connect(self._items)
        self._worker.failed.connect(self._failed)
        self._worker.finished.connect(self._thread.quit)
        self._thread.finished.connect(self._finished)
        self._thread.started.connect(self._worker.run)
        self._thread.start()

    def wake(self) -> None:
        if self._worker is not None:
            self._worker._wake.set()

    def request_stop(self) -> None:
        """Ask the job to stop; ``on_finished`` follows once it has."""
        if self._worker is not None:
            self._worker._stop.set()
            self._worker._wake.set()

    def stop(self) -> None:
        """Stop the job and wait for its thread to end (for closing)."""
        if self._thread is None:
            return
        self.request_stop()
        self._thread.quit()
        self._thread.wait()
        self._finished()

    @Slot(list)
    def _items(self, items: list) -> None:
        if self._on_items is not None:
            self._on_items(items)

    @Slot(str)
    def _failed(self, message: str) -> None:
        if self._on_failed is not None:
            self._on_failed(message)

    @Slot()
    def _finished(self) -> None:
        if self._thread is None:
            return  # already cleaned up by stop()
        self._worker.deleteLater()
        self._thread.deleteLater()
        self._thread = self._worker = None  # the wrappers die with deleteLater: drop them now
        callback, self._on_finished = self._on_finished, None
        if callback is not None:
            callback()
