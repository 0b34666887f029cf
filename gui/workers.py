"""The one worker pattern: a job (a generator function) runs in a QThread; what it yields reaches
the GUI thread in batches, at most ~30 times a second.

Lifetimes are deterministic — nothing here is ever left for Python's cyclic garbage collector,
which may run in any thread:

- The Worker is a parentless QObject (a parent would make moveToThread fail silently) moved to
  its own QThread. It is deleted in the GUI thread once that thread has finished (``wait()`` has
  returned, so no event of it can run any more). Not with ``deleteLater`` on its own thread: in
  PySide6 its destructor there asks for the GIL (to look for a Python ``disconnectNotify`` of the
  QThread it was connected to) while holding one of Qt's signal-slot mutexes, and a GUI thread
  that holds the GIL and wants that mutex — any connect or disconnect — deadlocks with it (seen:
  the suite hung building a window while a job's thread ended).
- The QThread is a child of its runner (owned by Qt, never by a Python reference) and is deleted
  with ``deleteLater`` once it has finished.
- The worker's signals carry the job's number and reach bound slots of the runner, which lives in
  the GUI thread and calls the page's callbacks there. (A lambda connected to a worker signal would
  run in the worker thread.) No job refers back to its runner.
- An error crosses threads as plain data, a ``Failure`` (type, message, formatted traceback):
  a live exception holds its frames, and the frames hold whatever they referenced.
- Stop is a thread-safe flag the job checks between steps (a stop slot would never run while the
  job loops); ``wait_for_wake`` lets a paused job block until resumed or stopped.
- Jobs yield copies of arrays, never views of state they keep changing.
- ``cancel()`` ends a job at once as far as its page is concerned: later signals of that job are
  ignored while its thread winds down in the background. ``shutdown()`` (closing) cancels every
  job and waits for the threads, each for at most ``SHUTDOWN_S``.
- Work that cannot check the stop flag for a long time runs elsewhere: a long numpy call in a
  child process that a stop terminates (``run_in_process``), a network read that may hang in a
  daemon thread that a stop abandons (``run_in_thread``).
"""

from __future__ import annotations

import itertools
import multiprocessing
import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from typing import NamedTuple

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

SHUTDOWN_S = 10.0  # how long closing waits for a job that was asked to stop
_numbers = itertools.count(1)
abandoned: list = []  # (thread, worker) of jobs that ignored a stop: kept, never destroyed


class Cancelled(Exception):
    """Raised inside a job by ``JobContext.check()`` once a stop was requested."""


class Failure(NamedTuple):
    """Why a job failed, as plain data. ``str()`` is the message, as the exception's was."""

    kind: str        # the exception's type name, e.g. "ValueError"
    message: str     # str(exception)
    traceback: str   # formatted, for a report

    def __str__(self) -> str:
        return self.message

    @classmethod
    def of(cls, error: BaseException) -> Failure:
        return cls(type(error).__name__, str(error),
                   "".join(traceback.format_exception(type(error), error, error.__traceback__)))


class JobError(Exception):
    """Raised inside a job by the blocking helpers when their target failed."""

    def __init__(self, failure: Failure):
        super().__init__(failure.message)
        self.failure = failure


class JobContext:
    """What a job sees of its worker: the stop flag, a way to report, and a way to wait."""

    def __init__(self, stop: threading.Event, wake: threading.Event,
                 report: Callable[[object, bool], None]):
        self._stop, self._wake, self._report = stop, wake, report

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        if self.stopped:
            raise Cancelled

    def report(self, item, urgent: bool = False) -> None:
        """Send ``item`` to the GUI (batched with others unless ``urgent``)."""
        self._report(item, urgent)

    def wait_for_wake(self, timeout: float | None = None) -> None:
        """Block until ``WorkerRunner.wake()`` or a stop (or the timeout)."""
        self._wake.wait(timeout)
        self._wake.clear()


class Worker(QObject):
    progressed = Signal(int, list)  # job number, items since the last emission, oldest first
    failed = Signal(int, object)    # job number, Failure
    finished = Signal(int)          # job number

    def __init__(self, number: int, job: Callable[[JobContext], Iterator],
                 max_rate_hz: float = 30.0, urgent: Callable[[object], bool] | None = None):
        super().__init__()  # no parent: it is moved to another thread
        self.number = number
        self._job, self._urgent = job, urgent
        self._interval = 1.0 / max_rate_hz
        self.stop_flag, self.wake_flag = threading.Event(), threading.Event()
        self._pending: list = []
        self._last_emit = 0.0

    def stop(self) -> None:
        """Thread-safe: the job sees ``stopped`` and a paused job wakes up."""
        self.stop_flag.set()
        self.wake_flag.set()

    @Slot()
    def run(self) -> None:
        job, self._job = self._job, None  # nothing of the job outlives its run
        context = JobContext(self.stop_flag, self.wake_flag, self._queue)
        try:
            for item in job(context):
                self._queue(item, self._urgent is not None and self._urgent(item))
                if self.stop_flag.is_set():
                    break
        except Cancelled:
            pass
        except JobError as err:
            self._fail(err.failure)
        except Exception as err:  # noqa: BLE001 - shown to the user; the app keeps running
            self._fail(Failure.of(err))
        finally:
            self._flush()
            self.finished.emit(self.number)

    def _fail(self, failure: Failure) -> None:
        self._flush()
        self.failed.emit(self.number, failure)

    def _queue(self, item, urgent: bool) -> None:
        self._pending.append(item)
        if urgent or time.monotonic() - self._last_emit >= self._interval:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            batch, self._pending = self._pending, []
            self._last_emit = time.monotonic()
            self.progressed.emit(self.number, batch)


class _Job:
    """A job as its runner keeps it (GUI thread only): its thread, its worker and the callbacks
    its signals reach while it is live. It knows nothing of the runner."""

    __slots__ = ("thread", "worker", "on_items", "on_failed", "on_finished", "live")

    def __init__(self, thread, worker, on_items, on_failed, on_finished):
        self.thread, self.worker = thread, worker
        self.on_items, self.on_failed, self.on_finished = on_items, on_failed, on_finished
        self.live = True  # False once cancelled: late signals are ignored

    def delete(self) -> None:
        """After its thread has finished: the worker now, the thread once its last signal is
        delivered (both in the GUI thread)."""
        shiboken6.delete(self.worker)
        self.thread.deleteLater()

    def mute(self):
        """Ask the job to stop and stop listening; returns its finished callback, not called."""
        self.worker.stop()
        callback = self.on_finished
        self.live, self.on_items, self.on_failed, self.on_finished = False, None, None, None
        return callback


class WorkerRunner(QObject):
    """Runs one job at a time for its owner; callbacks run in the GUI thread.

    A cancelled job no longer counts as running and its callbacks are never called again, but its
    thread is kept until it has ended, so a new job may start at once.
    """

    runningChanged = Signal(bool)  # a job started, or the current one ended or was cancelled

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs: dict[int, _Job] = {}  # the current job and cancelled ones winding down
        self._current: int | None = None

    @property
    def running(self) -> bool:
        return self._current is not None

    @property
    def threads(self) -> int:
        """Threads not yet ended: the current job's and cancelled ones winding down."""
        return len(self._jobs)

    def start(self, job, on_items: Callable[[list], None],
              on_failed: Callable[[Failure], None] | None = None,
              on_finished: Callable[[], None] | None = None, urgent=None,
              max_rate_hz: float = 30.0) -> None:
        if self.running:
            raise RuntimeError("a job is already running")
        number = next(_numbers)
        thread = QThread(self)
        worker = Worker(number, job, max_rate_hz, urgent)
        worker.moveToThread(thread)
        worker.progressed.connect(self._progressed)
        worker.failed.connect(self._failed)
        # quit() is thread-safe; called directly in the worker thread, it does not depend on the
        # GUI thread, which may be blocked in wait() while closing.
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        worker.finished.connect(self._worker_finished)
        thread.started.connect(worker.run)
        self._jobs[number] = _Job(thread, worker, on_items, on_failed, on_finished)
        self._current = number
        thread.start()
        self.runningChanged.emit(True)

    def wake(self) -> None:
        job = self._jobs.get(self._current)
        if job is not None:
            job.worker.wake_flag.set()

    def request_stop(self) -> None:
        """Ask the job to stop; its remaining items and ``on_finished`` follow once it has."""
        job = self._jobs.get(self._current)
        if job is not None:
            job.worker.stop()

    def cancel(self) -> None:
        """Stop the job without waiting: ``on_finished`` runs now, nothing of the job after."""
        job = self._jobs.get(self._current)
        self._current = None
        if job is not None:
            callback = job.mute()
            if callback is not None:
                callback()
            self.runningChanged.emit(False)

    def shutdown(self) -> None:
        """Cancel every job and wait until each thread has ended (for closing); a job that does
        not stop within SHUTDOWN_S is reported and left running, never destroyed."""
        self.cancel()
        jobs, self._jobs = list(self._jobs.values()), {}
        for job in jobs:
            job.mute()
        deadline = time.monotonic() + SHUTDOWN_S
        for job in jobs:
            left_ms = max(0, int(1000 * (deadline - time.monotonic())))
            if job.thread.wait(left_ms):
                job.delete()
            else:
                print("cnn-studio: a background job did not stop within "
                      f"{SHUTDOWN_S:.0f} s; leaving it to end by itself", file=sys.stderr)
                job.thread.setParent(None)
                abandoned.append((job.thread, job.worker))

    # ------------------------------------------------------------------ the worker's signals

    @Slot(int, list)
    def _progressed(self, number: int, items: list) -> None:
        job = self._jobs.get(number)
        if job is not None and job.live:
            job.on_items(items)

    @Slot(int, object)
    def _failed(self, number: int, failure: Failure) -> None:
        job = self._jobs.get(number)
        if job is not None and job.live and job.on_failed is not None:
            job.on_failed(failure)

    @Slot(int)
    def _worker_finished(self, number: int) -> None:
        job = self._jobs.get(number)
        if job is None:
            return  # already waited for and released by shutdown()
        if not job.thread.wait(1000):  # past its last instruction: returns at once, normally
            QTimer.singleShot(100, lambda: self._worker_finished(number))
            return
        del self._jobs[number]
        job.delete()
        ended = self._current == number
        if ended:
            self._current = None
        callback = job.on_finished if job.live else None
        job.mute()
        if callback is not None:
            callback()
        if ended:
            self.runningChanged.emit(False)


# --------------------------------------------------------------------------- blocking work
#
# Both helpers run ``target(send, *args)`` elsewhere and yield every item it sends, so a job can
# stop within ``poll`` seconds even while the target is blocked. A failure of the target is
# raised in the job as a JobError carrying the target's Failure (plain data).


def run_in_process(context: JobContext, target: Callable, *args, poll: float = 0.05):
    """For CPU work that cannot check a stop flag often (one long numpy call): the target runs in
    a fresh process, which a stop terminates. ``target`` must be importable (a module-level
    function) and its items picklable. The process is started with "spawn": forking a process
    that runs Qt threads is unsafe."""
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child_main, args=(sender, target, args), daemon=True)
    process.start()
    sender.close()  # the child holds the only writing end: EOF once it exits

    def receive():
        if not receiver.poll(poll):
            return None
        try:
            return receiver.recv()
        except EOFError:
            return "error", Failure("RuntimeError", "the background process ended unexpectedly "
                                    f"(exit code {process.exitcode})", "")
    try:
        yield from _relay(context, receive)
    finally:
        if process.is_alive():
            process.terminate()
        process.join(5)
        receiver.close()


def run_in_thread(context: JobContext, target: Callable, *args, poll: float = 0.05):
    """For waiting that cannot be interrupted (a network read that may hang for its whole
    timeout): the target runs in a daemon thread that a stop abandons. It must end by itself —
    its blocking calls need timeouts — and should watch ``context.stopped`` to end early."""
    channel: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_run_and_send, args=(channel.put, target, args), daemon=True).start()

    def receive():
        try:
            return channel.get(timeout=poll)
        except queue.Empty:
            return None
    yield from _relay(context, receive)


def _relay(context: JobContext, receive: Callable):
    while True:
        if context.stopped:
            raise Cancelled
        message = receive()
        if message is None:
            continue
        kind, value = message
        if kind == "item":
            yield value
        elif kind == "error":
            raise JobError(value)
        else:
            return


def _run_and_send(send: Callable, target: Callable, args: tuple) -> None:
    try:
        target(lambda item: send(("item", item)), *args)
        send(("done", None))
    except BaseException as err:  # noqa: BLE001 - every failure is reported to the job
        send(("error", Failure.of(err)))


def _child_main(connection, target, args) -> None:
    # An item that does not pickle raises in the target's send(): reported as its failure (a
    # Failure is plain strings, which always pickle).
    _run_and_send(connection.send, target, args)
