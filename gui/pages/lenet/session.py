"""A LeNet-5 training run in the background, and the runs on the current model: the page asks it
to start, pause, step and stop, and listens to its signals; it never touches the page's widgets.

What the curves show is read from the runs' records (``core.runs.RunRecord``), the one history
of a run; the run itself goes through ``gui.training``, as every page's training does."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from core.layers import Conv2d
from core.model import Sequential
from core.runs import RunRecord
from core.train import (
    ActivationsEvent,
    EpochEvent,
    FinishedEvent,
    StepEvent,
    TrainConfig,
    lenet_trainer,
)
from gui.pages.lenet.text import weight_names
from gui.training import Run, Training

REDRAW_HZ = 3         # live views redraw this often while training
EVENTS_HZ = 10        # the training thread sends its batch events at most this often


@dataclass(frozen=True)
class Snapshot:
    """Copies made in the training thread: the probe's stages and the first two convolutions'
    kernels."""

    activations: ActivationsEvent
    kernels: tuple  # (conv1 weight, conv2 weight)


def first_kernels(model) -> tuple:
    """Copies of the first two convolutions' weights (the ones worth looking at)."""
    convolutions = [layer for layer in model if isinstance(layer, Conv2d)]
    return tuple(layer.weight.data.copy() for layer in convolutions[:2])


def _probe_snapshot(context, model, event):
    """In the training thread: the probe's stages come with the kernels that made them."""
    if isinstance(event, ActivationsEvent):
        yield Snapshot(event, first_kernels(model))


class Curves:
    """The curves of the runs on one model, one after another: read from their records."""

    def __init__(self, records: list[RunRecord], names: dict[str, str]):
        self.losses = [loss for record in records for loss in record.batch_losses]
        epochs = [epoch for record in records for epoch in record.epochs]
        self.train_acc = [e.train_accuracy for e in epochs]
        self.test_acc = [e.test_accuracy for e in epochs if e.test_accuracy is not None]
        steps, self.grad_norms, offset = [], {}, 0
        for record in records:
            steps += [offset + step for step in record.grad_steps]
            for name, values in record.grad_norms.items():
                if name in names:  # convolutions and linear layers, by their short names
                    self.grad_norms.setdefault(names[name], []).extend(
                        max(v, 1e-12) for v in values)
            offset += len(record.batch_losses)
        self.grad_steps = np.asarray(steps)


class TrainingSession(QObject):
    redraw = Signal()               # REDRAW_HZ times a second while running, and at the end
    epochEnded = Signal(object)     # EpochEvent
    snapshotTaken = Signal(object)  # Snapshot
    finished = Signal(object)       # the run's RunRecord, or None when it did not end
    failed = Signal(object)         # the Failure that stopped the run
    stateChanged = Signal()         # started, paused, resumed or ended: controls follow

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.training = Training(self, EVENTS_HZ)
        self.runner = self.training.runner
        self.records: list[RunRecord] = []  # the runs on the current model, oldest first
        self.last_step: StepEvent | None = None
        self.last_epoch: EpochEvent | None = None
        self.ending: FinishedEvent | None = None  # how the last run ended
        self.snapshot: Snapshot | None = None
        self._names: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(int(1000 / REDRAW_HZ))
        self._timer.timeout.connect(self.redraw)
        self.training.progressed.connect(self._items)
        self.training.failed.connect(self.failed)
        self.training.stateChanged.connect(self.stateChanged)
        self.training.finished.connect(self._ended)

    # ------------------------------------------------------------------ state

    @property
    def running(self) -> bool:
        return self.training.running

    @property
    def paused(self) -> bool:
        return self.training.paused

    @property
    def trainer(self):
        return self.training.trainers.get("")

    def state(self) -> str:
        return self.training.state()

    def viewable_model(self, model: Sequential) -> Sequential | None:
        return self.training.viewable(model)

    def curves(self) -> Curves:
        live = self.training.records.get("")
        records = self.records + ([live] if live is not None and live not in self.records
                                  else [])
        return Curves(records, self._names)

    @property
    def trained(self) -> bool:
        """Whether the current model has trained at all (its runs have batches)."""
        return any(record.batch_losses for record in self.records) or (
            self.running and self.last_step is not None)

    def reset(self) -> None:
        """A new model: its runs start afresh."""
        self.records = []
        self.last_step = self.last_epoch = self.snapshot = self.ending = None

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
        self._names = weight_names(model)
        self.last_step = self.ending = None
        self.training.start([Run("", trainer, config, snapshots=True, probe=probe)],
                            on_event=_probe_snapshot)
        self._timer.start()

    def toggle_pause(self) -> None:
        self.training.toggle_pause()

    def step(self, start_paused) -> None:
        """One batch, then pause; ``start_paused()`` starts a paused run if none is going."""
        if not self.running:
            start_paused()
            if not self.running:
                return
        self.training.step()

    def stop(self) -> None:
        self.training.stop()

    def set_probe(self, index: int) -> None:
        """The next snapshot follows test image ``index``."""
        if self.trainer is not None:
            self.trainer.probe = index

    # ------------------------------------------------------------------ events

    def _items(self, items: list) -> None:
        for _, item in items:
            if isinstance(item, StepEvent):
                self.last_step = item
            elif isinstance(item, EpochEvent):
                self.last_epoch = item
                self.epochEnded.emit(item)
            elif isinstance(item, Snapshot):
                self.snapshot = item
                self.snapshotTaken.emit(item)
            elif isinstance(item, FinishedEvent):
                self.ending = item
        live = self.training.records.get("")
        if live is not None and live not in self.records:
            self.records.append(live)

    def _ended(self, record: RunRecord | None) -> None:
        self._timer.stop()
        self.redraw.emit()
        self.finished.emit(record)
