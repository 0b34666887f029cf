"""The worker lifecycle: cancelled jobs stay silent, every thread is kept until it has ended,
errors arrive as plain data, and every Qt object of a job is deleted when it ends."""

import gc
import threading

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QThread

from gui import workers
from gui.workers import Cancelled, Failure, WorkerRunner, run_in_process, run_in_thread
from tests.gui.helpers import wait_for


class Calls:
    def __init__(self):
        self.items, self.failures, self.finished = [], [], 0

    def on_items(self, items):
        self.items.extend(items)

    def on_failed(self, error):
        self.failures.append(error)

    def on_finished(self):
        self.finished += 1


@pytest.fixture
def runner(qapp):
    """A runner whose threads are ended even when a test fails halfway."""
    worker_runner = WorkerRunner()
    yield worker_runner
    worker_runner.shutdown()


def start(runner, job, calls):
    runner.start(job, calls.on_items, calls.on_failed, calls.on_finished)


def endless(context):
    n = 0
    while True:
        context.check()
        n += 1
        yield n


def test_a_job_reports_its_items_then_finishes_once(qtbot, runner):
    calls = Calls()
    start(runner, lambda context: iter(range(5)), calls)
    qtbot.waitUntil(lambda: not runner.running and runner.threads == 0)
    assert calls.items == [0, 1, 2, 3, 4] and calls.finished == 1 and not calls.failures


def test_a_failure_arrives_as_plain_data_with_its_traceback(qtbot, runner):
    def job(context):
        yield 1
        raise KeyError("missing")

    calls = Calls()
    start(runner, job, calls)
    qtbot.waitUntil(lambda: calls.finished == 1)
    assert calls.items == [1]
    failure = calls.failures[0]
    assert type(failure) is Failure and failure.kind == "KeyError"
    assert str(failure) == "'missing'" and 'raise KeyError("missing")' in failure.traceback
    # nothing of the job's frames survives it: no exception object, no frame, no traceback
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, BaseException)
                and "missing" in str(o)]


def test_an_ended_job_leaves_no_qt_object_behind(qtbot, runner, monkeypatch):
    calls, made = Calls(), []

    class Seen(workers.Worker):
        def __init__(self, *args):
            super().__init__(*args)
            made.append(self)
    monkeypatch.setattr(workers, "Worker", Seen)
    start(runner, lambda context: iter([1]), calls)
    [thread] = runner.findChildren(QThread)
    qtbot.waitUntil(lambda: calls.finished == 1)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the thread
    # deleted by Qt on their own threads, not left to Python's collector
    assert [shiboken6.isValid(o) for o in (thread, *made)] == [False, False]
    assert runner.findChildren(QThread) == []


def test_cancelled_job_is_silent_and_a_new_one_starts_at_once(qtbot, runner):
    old, new = Calls(), Calls()
    release = threading.Event()

    def stubborn(context):
        release.wait(10)  # ignores the stop flag until released: its signals come late
        yield "late"

    start(runner, stubborn, old)
    runner.cancel()
    assert old.finished == 1 and not runner.running  # finished for its page, right away
    start(runner, lambda context: iter(["fresh"]), new)
    qtbot.waitUntil(lambda: new.finished == 1)
    assert runner.threads == 1  # the stubborn thread is still alive, and still held
    release.set()
    qtbot.waitUntil(lambda: runner.threads == 0)
    assert new.items == ["fresh"] and old.items == [] and old.finished == 1


def test_a_hundred_restarts_while_jobs_run_do_not_abort(qtbot, runner):
    calls = [Calls() for _ in range(100)]
    for c in calls:
        runner.cancel()
        start(runner, endless, c)
        qtbot.wait(1)  # let some items and signals cross while the next restart comes
    wait_for(qtbot, lambda: bool(calls[-1].items))  # the last job reports
    runner.request_stop()
    wait_for(qtbot, lambda: runner.threads == 0)
    assert all(c.finished == 1 for c in calls)


def test_shutdown_waits_for_every_thread_and_mutes_them(qtbot, runner):
    calls = [Calls(), Calls()]
    for c in calls:
        runner.cancel()
        start(runner, endless, c)
    runner.shutdown()
    assert runner.threads == 0 and not runner.running
    count = len(calls[1].items)
    QCoreApplication.processEvents()  # the ended threads' last signals: all queued by now
    assert len(calls[1].items) == count and [c.finished for c in calls] == [1, 1]


def test_shutdown_gives_up_on_a_job_that_ignores_stop_after_its_deadline(qtbot, runner,
                                                                          monkeypatch, capsys):
    monkeypatch.setattr(workers, "SHUTDOWN_S", 0.2)
    release = threading.Event()

    def deaf(context):
        release.wait(30)  # never looks at the stop flag
        yield "late"

    start(runner, deaf, Calls())
    runner.shutdown()  # returns after its deadline instead of hanging
    assert runner.threads == 0 and len(workers.abandoned) == 1
    assert "did not stop within" in capsys.readouterr().err
    thread, worker = workers.abandoned.pop()  # kept, never destroyed while it runs
    assert thread.isRunning() and shiboken6.isValid(worker)
    release.set()
    assert thread.wait(5000)
    shiboken6.delete(worker)
    thread.deleteLater()


def test_pause_and_wake(qtbot, runner):
    def job(context):
        yield "before"
        context.wait_for_wake()
        yield "after"

    calls = Calls()
    start(runner, job, calls)
    qtbot.waitUntil(lambda: calls.items == ["before"])
    assert runner.running
    runner.wake()
    qtbot.waitUntil(lambda: calls.finished == 1)
    assert calls.items == ["before", "after"]


# ---------------------------------------------------------------- blocking work


def counting(send, n):
    for i in range(n):
        send(i)


def failing(send):
    send("ok")
    raise ValueError("bad shape")


def forever(send):
    import time
    send("started")
    time.sleep(600)


@pytest.mark.parametrize("run", [run_in_process, run_in_thread])
def test_blocking_helpers_relay_items_and_errors(qtbot, runner, run):
    calls = Calls()
    start(runner, lambda context: run(context, counting, 3), calls)
    wait_for(qtbot, lambda: calls.finished == 1)
    assert calls.items == [0, 1, 2] and not calls.failures
    calls = Calls()
    start(runner, lambda context: run(context, failing), calls)
    wait_for(qtbot, lambda: calls.finished == 1)
    assert calls.items == ["ok"]
    failure = calls.failures[0]  # the target's own error, not the relay's
    assert (failure.kind, str(failure)) == ("ValueError", "bad shape")
    assert "in failing" in failure.traceback


def unpicklable(send):
    send(lambda: None)


def test_an_item_that_cannot_cross_to_the_process_is_reported(qtbot, runner):
    calls = Calls()
    start(runner, lambda context: run_in_process(context, unpicklable), calls)
    wait_for(qtbot, lambda: calls.finished == 1)
    assert calls.items == [] and calls.failures[0].kind in ("PicklingError", "AttributeError")


def test_a_stop_terminates_the_process_instead_of_waiting(qtbot, runner):
    import multiprocessing

    calls = Calls()
    start(runner, lambda context: run_in_process(context, forever), calls)
    wait_for(qtbot, lambda: calls.items == ["started"])
    runner.shutdown()  # returns although the child would sleep for ten minutes
    assert runner.threads == 0 and multiprocessing.active_children() == []


def test_a_stop_abandons_a_blocked_thread(qtbot, runner):
    calls = Calls()
    blocked = threading.Event()

    def hang(send):
        send("waiting")
        blocked.wait(600)  # a read from a server that never answers

    start(runner, lambda context: run_in_thread(context, hang), calls)
    qtbot.waitUntil(lambda: calls.items == ["waiting"], timeout=5000)
    runner.shutdown()
    assert runner.threads == 0
    blocked.set()


def test_cancelled_is_raised_by_check():
    class Stopped:
        stopped = True

    with pytest.raises(Cancelled):
        list(run_in_thread(Stopped(), counting, 3))
