"""A LeNet-5 training run in the background: the trainer, its worker, the redraw clock and the
history of the run(s) on this model. The page asks it to start, pause, step and stop, and
listens to its signals; it never touches the page's widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from core.layers import Conv2d
from core.model import Sequential
from core.runs import RunRecord
from core.train import (
    ActivationsEvent,
    EpochEvent,
    FinishedEvent,
    PausedEvent,
    StepEvent,
    TrainConfig,
    lenet_trainer,
)
from gui.pages.lenet.text import weight_names
from gui.workers import WorkerRunner

REDRAW_HZ = 3         # live views redraw this often while training
EVENTS_HZ = 10        # the training thread sends its batch events at most this often
GRAD_NORM_EVERY = 10  # batches between two points of the gradient-norm curves


@dataclass(frozen=True)
class Snapshot:
    """Copies made in the training thread: the probe's stages and the first two convolutions'
    kernels."""

    activations: ActivationsEvent
    kernels: tuple  # (conv1 weight, conv2 weight)


@dataclass(frozen=True)
class PausedModel:
    """The training thread waits for a wake; ``model`` is a copy of the network at that point."""

    event: PausedEvent
    model: Sequential


@dataclass
class History:
    """Everything drawn about the runs of the current model."""

    losses: list = field(default_factory=list)        # per batch
    train_acc: list = field(default_factory=list)     # per epoch
    test_acc: list = field(default_factory=list)
    grad_steps: list = field(default_factory=list)    # batches at which norms were taken
    grad_norms: dict = field(default_factory=dict)    # short weight name -> norms
    last_epoch: EpochEvent | None = None
    finished: FinishedEvent | None = None


def first_kernels(model) -> tuple:
    """Copies of the first two convolutions' weights (the ones worth looking at)."""
    convolutions = [layer for layer in model if isinstance(layer, Conv2d)]
    return tuple(layer.weight.data.copy() for layer in convolutions[:2])


class Recorded(NamedTuple):
    """The run's record, handed to the GUI once its thread is done with it."""

    record: RunRecord


class TrainingSession(QObject):
    redraw = Signal()              # REDRAW_HZ times a second while running, and at the end
    epochEnded = Signal(object)    # EpochEvent
    snapshotTaken = Signal(object)  # Snapshot
    finished = Signal(object)      # FinishedEvent (None when the run failed)
    failed = Signal(object)        # the exception that stopped the run
    stateChanged = Signal()        # started, paused, resumed or ended: controls follow

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = WorkerRunner(self)
        self.trainer = None
        self.history = History()
        self.last_step: StepEvent | None = None
        self.snapshot: Snapshot | None = None
        self.record: RunRecord | None = None  # the last finished run's record (core.runs)
        self._paused_model: Sequential | None = None
        self._names: dict[str, str] = {}
        self._step_offset = 0
        self._timer = QTimer(self)
        self._timer.setInterval(int(1000 / REDRAW_HZ))
        self._timer.timeout.connect(self.redraw)

    # ------------------------------------------------------------------ state

    @property
    def running(self) -> bool:
        return self.runner.running

    @property
    def paused(self) -> bool:
        return self.running and self.trainer.paused

    def state(self) -> str:
        return "paused" if self.paused else "running" if self.running else "finished"

    def viewable_model(self, model: Sequential) -> Sequential | None:
        """The model the GUI thread may run images through: ``model`` itself when no thread
        uses it (a cancelled run's thread may still be finishing its batch), a copy made by the
        training thread while a run holds in a pause, else None."""
        return model if self.runner.threads == 0 else self._paused_model

    def reset(self) -> None:
        """A new model: its history starts empty."""
        self.history = History()
        self.last_step = self.snapshot = None

    # ------------------------------------------------------------------ control

    def start(self, model: Sequential, config: TrainConfig, train, test, probe: int = 0,
              paused: bool = False) -> None:
        """Train ``model`` (in place) with ``config`` on the splits; ValueError if the
        configuration cannot run."""
        if self.running:
            return
        trainer = lenet_trainer(config, train, test, model=model)
        trainer.probe = probe
        if paused:
            trainer.pause()
        self.trainer, self._paused_model = trainer, None
        self._names = weight_names(model)
        self._step_offset = len(self.history.losses)
        self.last_step = self.history.finished = None

        record = RunRecord.for_trainer(config, trainer, probe)  # filled in the thread
        record.begin(trainer.model)  # where the run starts (copied here: the page still edits
        #                              the model's metadata while the thread starts)

        def job(context):
            for event in trainer.run():
                if context.stopped:
                    trainer.stop()
                record.record(event, trainer.model if isinstance(event, EpochEvent) else None)
                if isinstance(event, PausedEvent):
                    # A copy to look into while the run waits: the GUI thread never touches
                    # the model this thread trains.
                    context.report(PausedModel(event, trainer.model.clone()), urgent=True)
                    context.wait_for_wake()  # until resumed, stepped or stopped
                    continue
                if isinstance(event, ActivationsEvent):
                    event = Snapshot(event, first_kernels(trainer.model))
                yield event
            yield Recorded(record)

        self.runner.start(job, self._items, self._failed, self._ended,
                          urgent=lambda item: not isinstance(item, (StepEvent, Snapshot)),
                          max_rate_hz=EVENTS_HZ)
        self._timer.start()
        self.stateChanged.emit()

    def toggle_pause(self) -> None:
        if not self.running:
            return
        if self.trainer.paused:
            self.trainer.resume()
            self._wake()
        else:
            self.trainer.pause()
        self.stateChanged.emit()

    def step(self, start_paused) -> None:
        """One batch, then pause; ``start_paused()`` starts a paused run if none is going."""
        if not self.running:
            start_paused()
            if not self.running:
                return
        self.trainer.pause()
        self.trainer.step_once()
        self._wake()
        self.stateChanged.emit()

    def stop(self) -> None:
        if self.running:
            self.trainer.stop()
            self._wake()

    def set_probe(self, index: int) -> None:
        """The next snapshot follows test image ``index``."""
        if self.trainer is not None:
            self.trainer.probe = index

    def _wake(self) -> None:
        self._paused_model = None  # the thread may use the model again from now on
        self.runner.wake()

    # ------------------------------------------------------------------ events

    def _items(self, items: list) -> None:
        steps = [item for item in items if isinstance(item, StepEvent)]
        if steps:
            self._record(steps)
        for item in items:
            if isinstance(item, EpochEvent):
                self.history.train_acc.append(item.train_accuracy)
                if item.test_accuracy is not None:
                    self.history.test_acc.append(item.test_accuracy)
                self.history.last_epoch = item
                self.epochEnded.emit(item)
            elif isinstance(item, Snapshot):
                self.snapshot = item
                self.snapshotTaken.emit(item)
            elif isinstance(item, PausedModel):
                self._paused_model = item.model
                self.stateChanged.emit()
            elif isinstance(item, FinishedEvent):
                self.history.finished = item
            elif isinstance(item, Recorded):
                self.record = item.record

    def _record(self, steps: list[StepEvent]) -> None:
        history = self.history
        history.losses.extend(e.loss for e in steps)
        for e in steps:
            if e.global_step % GRAD_NORM_EVERY == 0 or e is steps[-1]:
                history.grad_steps.append(self._step_offset + e.global_step)
                for name, norm in e.grad_norms:
                    if name in self._names:  # convolutions and linear layers
                        history.grad_norms.setdefault(self._names[name], []).append(
                            max(norm, 1e-12))
        self.last_step = steps[-1]

    def _failed(self, error: BaseException) -> None:
        self.failed.emit(error)

    def _ended(self) -> None:
        self._timer.stop()
        self._paused_model = None
        self.redraw.emit()
        self.stateChanged.emit()
        self.finished.emit(self.history.finished)

    def grad_norm_series(self) -> tuple[np.ndarray, dict]:
        return np.asarray(self.history.grad_steps), self.history.grad_norms
