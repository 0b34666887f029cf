"""The one worker pattern: a job (a generator function) runs in a QThread; what it yields reaches
the GUI thread in batches, at most ~30 times a second.

- The Worker is a parentless QObject moved to its own QThread (a parent would make moveToThread
  fail silently).
- Its signals are connected to bound slots of a ``_Job``, a QObject living in the GUI thread,
  which then calls the page's callbacks there. (A lambda connected to a worker signal would run in
  the worker thread.)
- Stop is a thread-safe flag the job checks between steps (a stop slot would never run while the
  job loops); ``wait_for_wake`` lets a paused job block until resumed or stopped.
- Jobs yield copies of arrays, never views of state they keep changing.
- Every job keeps its own thread and worker alive until that thread has ended: nothing a job does
  late can touch another job's thread (destroying a running QThread aborts the process).
- ``cancel()`` ends a job at once as far as its page is concerned: later signals of that job are
  ignored while its thread winds down in the background. ``shutdown()`` (closing) cancels every
  job and waits for the threads.
- Work that cannot check the stop flag for a long time runs elsewhere: a long numpy call in a
  child process that a stop terminates (``run_in_process``), a network read that may hang in a
  daemon thread that a stop abandons (``run_in_thread``).
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot


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
        """Block until ``WorkerRunner.wake()`` or a stop (or the timeout)."""
        self._worker._wake.wait(timeout)
        self._worker._wake.clear()


class Worker(QObject):
    progressed = Signal(list)  # items since the last emission, oldest first
    failed = Signal(object)    # the exception object
    finished = Signal()

    def __init__(self, job: Callable[[JobContext], Iterator], max_rate_hz: float = 30.0,
                 urgent: Callable[[object], bool] | None = None):
        super().__init__()  # no parent: it is moved to another thread
        self._job, self._urgent = job, urgent or (lambda item: False)
        self._interval = 1.0 / max_rate_hz
        self._stop, self._wake = threading.Event(), threading.Event()
        self._pending: list = []
        self._last_emit = 0.0

    def stop(self) -> None:
        """Thread-safe: the job sees ``stopped`` and a paused job wakes up."""
        self._stop.set()
        self._wake.set()

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
            self.failed.emit(err)
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


class _Job(QObject):
    """One job's thread and worker, and the callbacks its signals reach while it is live."""

    def __init__(self, runner: WorkerRunner, job, on_items, on_failed, on_finished, urgent,
                 max_rate_hz: float):
        # Created in the GUI thread, so its slots run there. No parent: deleteLater() on a Python
        # subclass crashed in PySide; the runner holds it instead, and frees it after its slot.
        super().__init__()
        self._runner = runner
        self._on_items, self._on_failed, self._on_finished = on_items, on_failed, on_finished
        self.live = True  # False once cancelled: late signals are ignored
        self.thread = QThread()
        self.worker = Worker(job, max_rate_hz, urgent)
        self.worker.moveToThread(self.thread)
        self.worker.progressed.connect(self._items)
        self.worker.failed.connect(self._failed)
        # quit() is thread-safe; called directly in the worker thread, it does not depend on the
        # GUI thread, which may be blocked in wait() while closing.
        self.worker.finished.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.thread.finished.connect(self._ended)
        self.thread.started.connect(self.worker.run)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        """Ask the job to stop and mute it; returns its finished callback (not yet called)."""
        self.worker.stop()
        self.live = False
        callback, self._on_finished = self._on_finished, None
        return callback

    def wait(self) -> None:
        self.thread.quit()
        self.thread.wait()

    @Slot(list)
    def _items(self, items: list) -> None:
        if self.live:
            self._on_items(items)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        if self.live and self._on_failed is not None:
            self._on_failed(error)

    @Slot()
    def _ended(self) -> None:
        if self.thread is None:
            return  # already waited for and released by shutdown()
        self.thread.wait()  # returns at once: the thread is past its last instruction
        self._runner._forget(self)
        callback = self._on_finished if self.live else None
        self.live, self._on_finished = False, None
        self.release()
        if callback is not None:
            callback()

    def release(self) -> None:
        """Drop the (finished) thread and worker."""
        self.thread = self.worker = None


class WorkerRunner(QObject):
    """Runs one job at a time for its owner page; callbacks run in the GUI thread.

    A cancelled job no longer counts as running and its callbacks are never called again, but its
    thread is kept until it has ended, so a new job may start at once.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._current: _Job | None = None
        self._jobs: list[_Job] = []  # the current job and cancelled ones still winding down
        self._ended: _Job | None = None  # kept until after its last slot has returned

    @property
    def running(self) -> bool:
        return self._current is not None

    def start(self, job, on_items: Callable[[list], None],
              on_failed: Callable[[BaseException], None] | None = None,
              on_finished: Callable[[], None] | None = None, urgent=None,
              max_rate_hz: float = 30.0) -> None:
        if self.running:
            raise RuntimeError("a job is already running")
        self._current = _Job(self, job, on_items, on_failed, on_finished, urgent, max_rate_hz)
        self._jobs.append(self._current)
        self._current.start()

    def wake(self) -> None:
        if self._current is not None:
            self._current.worker._wake.set()

    def request_stop(self) -> None:
        """Ask the job to stop; its remaining items and ``on_finished`` follow once it has."""
        if self._current is not None:
            self._current.worker.stop()

    def cancel(self) -> None:
        """Stop the job without waiting: ``on_finished`` runs now, nothing of the job after."""
        job, self._current = self._current, None
        if job is not None:
            callback = job.cancel()
            if callback is not None:
                callback()

    def shutdown(self) -> None:
        """Cancel every job and wait until each thread has ended (for closing)."""
        self.cancel()
        for job in self._jobs:
            job.cancel()
        for job in self._jobs:
            job.wait()
            job.release()
        self._jobs.clear()

    @property
    def threads(self) -> int:
        """Threads not yet ended: the current job's and cancelled ones winding down."""
        return len(self._jobs)

    def _forget(self, job: _Job) -> None:
        """Called from ``job``'s own slot: it is freed later, when the next job ends."""
        if job in self._jobs:
            self._jobs.remove(job)
        if self._current is job:
            self._current = None
        self._ended = job


# --------------------------------------------------------------------------- blocking work
#
# Both helpers run ``target(send, *args)`` elsewhere and yield every item it sends, so a job can
# stop within ``poll`` seconds even while the target is blocked. An exception raised by the target
# is raised in the job.


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
            raise RuntimeError(f"the background process ended unexpectedly (exit code "
                               f"{process.exitcode})") from None
    try:
        yield from _relay(context, receive)
    finally:
        if process.is_alive():
            process.terminate()
        process.join()
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
            raise value
        else:
            return


def _run_and_send(send: Callable, target: Callable, args: tuple) -> None:
    try:
        target(lambda item: send(("item", item)), *args)
        send(("done", None))
    except BaseException as err:  # noqa: BLE001 - every failure is reported to the job
        send(("error", err))


def _child_main(connection, target, args) -> None:
    def send(message):
        kind, value = message
        try:
            connection.send(message)
        except Exception:
            if kind != "error":
                raise  # an item that does not pickle: reported as the target's error
            connection.send(("error", RuntimeError(f"{type(value).__name__}: {value}")))

    _run_and_send(send, target, args)
