"""Training in the background, one way for every page that trains (LeNet-5, the tiny network,
CNN vs MLP, the experiments).

A ``Training`` runs trainers one after another in a job. The training thread runs each trainer,
asks it to stop between batches when told, waits out a pause (reporting a copy of the model to
look into meanwhile), and takes what only it can take — each epoch's snapshots, and a page's own
items made from the live model. Everything comes back to the GUI thread in order, where each run's
``RunRecord`` takes it in: the record is the one history of a run (the pages' curves read it), and
``finished`` hands it over once the run has ended — or None when it did not end (it failed, or was
cancelled by closing).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal

from core.model import Sequential
from core.runs import RunRecord, Snapshotter, with_snapshots
from core.train import FinishedEvent, PausedEvent, StepEvent, TrainConfig, Trainer
from gui.workers import JobContext, WorkerRunner


class Run(NamedTuple):
    """One trainer to run, and what to keep of it."""

    label: str                   # names the run in the items ("" for a page's only run)
    trainer: Trainer
    config: TrainConfig | None   # its record's settings; None: no record
    snapshots: bool = False      # take the record's snapshots after each epoch
    probe: int = 0               # the test image the snapshots follow


class Item(NamedTuple):
    """Something a run sent: a trainer event, Snapshots, or a page's own item."""

    label: str
    item: object


class Began(NamedTuple):
    """A run starts: the GUI thread makes its record, and can pause or step its trainer."""

    config: TrainConfig | None
    snapshotter: Snapshotter | None
    trainer: Trainer


class Paused(NamedTuple):
    """The run waits for a wake; ``model`` is a copy of its network at that point."""

    model: Sequential


def train(context: JobContext, run: Run, snapshotter: Snapshotter | None = None,
          on_event: Callable | None = None) -> Iterator[Item]:
    """The one training loop of the app's pages, for a job: ``run.trainer``'s events with the
    epochs' snapshots (``core.runs.with_snapshots``), the stop asked for between batches, a pause
    waited out, and the items ``on_event(context, model, event)`` makes from the live model (the
    probe's stages, say; it may also wait, to pace a run a learner watches)."""
    trainer = run.trainer
    events = trainer.run() if snapshotter is None else with_snapshots(trainer, snapshotter)
    for event in events:
        if context.stopped:
            trainer.stop()
        if isinstance(event, PausedEvent):
            # a copy to look into while the run waits: the GUI never touches the trained model
            context.report(Item(run.label, Paused(trainer.model.clone())), urgent=True)
            context.wait_for_wake()  # until resumed, stepped or stopped
            continue
        yield Item(run.label, event)
        for item in on_event(context, trainer.model, event) if on_event is not None else ():
            yield Item(run.label, item)


class _Stoppable:
    """A job's context that ``Training.stop`` stops too — gently: the run under way ends
    "stopped" with its FinishedEvent (its record kept), and nothing after it starts. (A worker's
    own stop ends a job at its next item, for closing.)"""

    def __init__(self, context: JobContext, stop: threading.Event):
        self._context, self._stop = context, stop

    @property
    def stopped(self) -> bool:
        return self._stop.is_set() or self._context.stopped

    def report(self, item, urgent: bool = False) -> None:
        self._context.report(item, urgent)

    def wait_for_wake(self, timeout: float | None = None) -> None:
        self._context.wait_for_wake(timeout)


def _prepared(run: Run) -> Began:
    """Before the run's first batch: where it starts is copied for its snapshots."""
    return Began(run.config, Snapshotter.for_trainer(run.trainer, run.probe)
                 if run.config is not None and run.snapshots else None, run.trainer)


class Training(QObject):
    """Runs trainers one after another in the background, each with its record.

    ``start(runs)`` takes Runs made in the GUI thread, or a function the training thread calls to
    make them (loading data there). Items arrive with ``progressed`` (Item lists, in order, at
    most ``events_hz`` times a second, a pause or a run's end at once); each run's end with
    ``recorded``; the whole job's end with ``finished``.
    """

    progressed = Signal(list)       # Items since the last, oldest first
    recorded = Signal(str, object)  # a run ended (completed, stopped or diverged): label, record
    finished = Signal(object)       # the job ended: the last run's record, or None (not ended)
    failed = Signal(object)         # the Failure that stopped the job
    stateChanged = Signal()         # started, paused, resumed or ended

    def __init__(self, parent: QObject | None = None, events_hz: float = 10.0):
        super().__init__(parent)
        self.runner = WorkerRunner(self)
        self.events_hz = events_hz
        self.trainers: dict[str, Trainer] = {}      # label -> trainer, of the job's runs
        self.records: dict[str, RunRecord] = {}     # label -> record, of the runs begun
        self.current = ""                           # the label of the run under way
        self.paused_model: Sequential | None = None
        self._last: RunRecord | None = None         # the last run that ended
        self._ran = False                           # whether a job has ended
        self._stop = threading.Event()              # set by stop(): the job ends gently

    @property
    def running(self) -> bool:
        return self.runner.running

    @property
    def paused(self) -> bool:
        trainer = self.trainers.get(self.current)
        return self.running and trainer is not None and trainer.paused

    def state(self) -> str:
        """"running" or "paused"; after a job, "stopped" or "finished" (as its last run ended)
        or "failed" (no run ended); "idle" before the first."""
        if self.running:
            return "paused" if self.paused else "running"
        if self._last is None:
            return "failed" if self._ran else "idle"
        return "stopped" if self._last.stopped else "finished"

    def viewable(self, model: Sequential) -> Sequential | None:
        """The model the GUI thread may run images through: ``model`` itself when no thread
        trains it (a cancelled run's thread may still be finishing its batch), the copy made
        while a run holds in a pause, else None."""
        return model if self.runner.threads == 0 else self.paused_model

    # ------------------------------------------------------------------ control

    def start(self, runs: Iterable[Run] | Callable[[], Iterable[Run]],
              on_event: Callable | None = None,
              then: Callable[[JobContext], Iterator] | None = None) -> None:
        """Train ``runs`` in turn; then ``then(context)``'s items (a test after training, say).
        ``on_event(context, model, event)`` makes a page's own items in the training thread."""
        if self.running:
            return
        if callable(runs):
            make, self.trainers = runs, {}
        else:  # made here: the copies of where they start are taken now, in the GUI thread
            prepared = [(run, _prepared(run)) for run in runs]
            self.trainers = {run.label: run.trainer for run, _ in prepared}

            def make():
                return prepared

        stop = self._stop = threading.Event()

        def job(context):
            context = _Stoppable(context, stop)
            for entry in make():
                run, began = (entry, _prepared(entry)) if isinstance(entry, Run) else entry
                context.report(Item(run.label, began), urgent=True)
                yield from train(context, run, began.snapshotter, on_event)
                if context.stopped:
                    return
            if then is not None:
                yield from then(context)

        self.records, self.current, self.paused_model, self._last = {}, "", None, None
        self._ran = False
        self.runner.start(job, self._items, self.failed.emit, self._ended,
                          urgent=lambda item: not isinstance(item.item, StepEvent),
                          max_rate_hz=self.events_hz)
        self.stateChanged.emit()

    def toggle_pause(self) -> None:
        trainer = self.trainers.get(self.current)
        if not self.running or trainer is None:
            return
        if trainer.paused:
            trainer.resume()
            self._wake()
        else:
            trainer.pause()
        self.stateChanged.emit()

    def step(self) -> None:
        """One more batch, then pause."""
        trainer = self.trainers.get(self.current)
        if self.running and trainer is not None:
            trainer.pause()
            trainer.step_once()
            self._wake()
            self.stateChanged.emit()

    def stop(self) -> None:
        """Stop after the current batch; the run ends "stopped" and keeps its record."""
        if self.running:
            self._stop.set()
            for trainer in self.trainers.values():
                trainer.stop()
            self._wake()

    def wake(self) -> None:
        """A job that waits (paced by its page) goes on at once."""
        self.runner.wake()

    def _wake(self) -> None:
        self.paused_model = None  # the thread may use the model again from now on
        self.runner.wake()

    # ------------------------------------------------------------------ items

    def _items(self, items: list) -> None:
        for label, item in items:
            if isinstance(item, Began):
                self.trainers[label], self.current = item.trainer, label
                if item.config is not None:
                    record = RunRecord.start(item.config)
                    record.name = label or record.name
                    self.records[label] = record
                continue
            record = self.records.get(label)
            if record is not None:
                record.record(item)
            if isinstance(item, Paused):
                self.paused_model = item.model
                self.stateChanged.emit()
            elif isinstance(item, FinishedEvent) and record is not None:
                self._last = record
                self.recorded.emit(label, record)
        self.progressed.emit([entry for entry in items if not isinstance(entry.item, Began)])

    def _ended(self) -> None:
        self.paused_model, self._ran = None, True
        record = self._last
        self.stateChanged.emit()
        self.finished.emit(record)
