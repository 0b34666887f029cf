"""The lesson's tiny network, trained live: weights, every stage's values, and a gradient check.

conv 3×3 (w1) → sigmoid → max-pool 2×2 → flatten → FC 4→1 (w2) → sigmoid, loss ½(y − ŷ)², two
random 1×1×6×6 inputs with target 1, plain SGD one sample at a time.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from core.gradcheck import check_model
from core.losses import MSELoss
from core.optim import SGD
from core.train import EpochEvent, FinishedEvent, Samples, TrainConfig, Trainer, shallow_trainer
from gui.widgets.controls import double_spin, spin
from gui.widgets.matrix_table import matrix_html
from gui.workers import WorkerRunner

PARAMETER_NAMES = {"input": "input x (1×1×6×6)", "0.weight": "w1 (conv 3×3)",
                   "4.weight": "w2 (FC 1×4)"}


@dataclass(frozen=True)
class TinyConfig:
    seed: int = 12        # starts like the lesson's run: mean loss 0.18 → 0.09 in 100 epochs
    lr: float = 0.01
    epochs: int = 100
    speed: int = 25       # epochs per second while training (0: as fast as possible)
    sample: int = 0


@dataclass(frozen=True)
class Snapshot:
    """Copies made in the worker thread: the weights and every stage for one sample."""

    epoch: int
    loss: float | None
    w1: np.ndarray
    w2: np.ndarray
    stages: tuple  # ((layer repr, output), ...) for the sample
    winners: np.ndarray  # (2, 2) index of the max inside each pooling window


def snapshot(model, sample: np.ndarray, epoch: int, loss: float | None) -> Snapshot:
    stages = tuple((name, out[0]) for name, out in model.trace(sample))
    return Snapshot(epoch, loss, model[0].weight.data[0, 0].copy(), model[4].weight.data.copy(),
                    stages, model[2].argmax[0, 0].copy())  # the pool's winners for this sample


class TinyNetPage(QWidget):
    title = "Tiny network"
    Config = TinyConfig
    statusMessage = Signal(str)

    def __init__(self, config: TinyConfig | None = None):
        super().__init__()
        self.runner = WorkerRunner(self)
        self.losses: list[float] = []
        self._build()
        self.set_config(config or TinyConfig())

    def _build(self) -> None:
        box = QGroupBox("The lesson's tiny network")
        form = QFormLayout(box)
        self.seed = spin(0, 9999, 0, "Seed of the random start: the two inputs and both weights",
                         "seed")
        self.lr = double_spin(0.0001, 10.0, 0.01, 0.01, 4, "Learning rate of plain SGD (the "
                              "lesson: 0.01)", "lr")
        self.epochs = spin(1, 10000, 100, "Epochs: each shows both samples once (the lesson: 100)",
                           "epochs")
        self.speed = spin(0, 1000, 25, "Epochs per second while training, to watch it happen "
                          "(0: as fast as possible)", "speed")
        self.sample = spin(0, 1, 0, "Which of the two samples the stage values show", "sample")
        for label, widget in (("Seed", self.seed), ("Learning rate", self.lr),
                              ("Epochs", self.epochs), ("Epochs/second", self.speed),
                              ("Show sample", self.sample)):
            form.addRow(label, widget)
        self.train_button = QPushButton("Train")
        self.train_button.setObjectName("train")
        self.train_button.setToolTip("Run the epochs from the current weights")
        self.stop_button = QPushButton("Stop")
        self.stop_button.setObjectName("stop")
        self.stop_button.setToolTip("Stop after the current epoch")
        self.stop_button.setEnabled(False)
        self.reset_button = QPushButton("New random start")
        self.reset_button.setObjectName("reset")
        self.reset_button.setToolTip("Draw new inputs and weights from the seed")
        row = QHBoxLayout()
        for button in (self.train_button, self.stop_button):
            row.addWidget(button)
        form.addRow(row)
        form.addRow(self.reset_button)
        self.check_button = QPushButton("Check gradients")
        self.check_button.setObjectName("check")
        self.check_button.setToolTip("Compare the hand-written backprop with numerical "
                                     "gradients (central differences, float64)")
        form.addRow(self.check_button)
        self.check_table = QTableWidget(0, 4)
        self.check_table.setObjectName("check_table")
        self.check_table.setHorizontalHeaderLabels(["gradient of", "max |backprop|",
                                                    "relative error", "agree?"])
        self.check_table.verticalHeader().setVisible(False)
        self.check_table.horizontalHeader().setStretchLastSection(True)
        self.check_table.setFixedHeight(120)
        self.check_table.setToolTip("Relative error ‖a − n‖ / (‖a‖ + ‖n‖) between backprop (a) "
                                    "and central differences (n); about 1e-8 or less means the "
                                    "hand-written gradients are right")
        box.setMaximumWidth(300)
        self.train_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.runner.request_stop)
        self.reset_button.clicked.connect(self.reset)
        self.check_button.clicked.connect(self.check_gradients)
        self.sample.valueChanged.connect(self._show_current)

        self.loss_plot = pg.PlotWidget(title="Mean loss ½(y − ŷ)² per epoch")
        self.loss_plot.setObjectName("loss_plot")
        self.loss_plot.setLabel("bottom", "epoch")
        self.loss_plot.showGrid(x=True, y=True, alpha=0.3)
        self.loss_curve = self.loss_plot.plot(pen=pg.mkPen("#1565c0", width=2))
        self.weights = QLabel()
        self.weights.setObjectName("weights")
        self.weights.setTextFormat(Qt.TextFormat.RichText)
        self.stages = QLabel()
        self.stages.setObjectName("stages")
        self.stages.setTextFormat(Qt.TextFormat.RichText)
        self.stages.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(self.loss_plot, 0, 0)
        grid.addWidget(self.weights, 0, 1)
        stages = QScrollArea()  # a wide table scrolls instead of widening the window
        stages.setWidget(self.stages)
        stages.setWidgetResizable(True)
        stages.setMinimumHeight(230)
        stages.setFrameShape(QScrollArea.Shape.NoFrame)
        grid.addWidget(stages, 1, 0, 1, 2)
        grid.addWidget(QLabel("<b>Gradient check</b> (press the button on the left)"), 2, 0)
        grid.addWidget(self.check_table, 3, 0, 1, 2)
        grid.setRowStretch(0, 1)
        grid.setColumnStretch(0, 1)
        right = QWidget()
        right.setLayout(grid)
        layout = QHBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(right, 1)

    def config(self) -> TinyConfig:
        return TinyConfig(self.seed.value(), self.lr.value(), self.epochs.value(),
                          self.speed.value(), self.sample.value())

    def set_config(self, config: TinyConfig) -> None:
        for widget, value in ((self.seed, config.seed), (self.lr, config.lr),
                              (self.epochs, config.epochs), (self.speed, config.speed),
                              (self.sample, config.sample)):
            widget.blockSignals(True)
            widget.setValue(value)
            widget.blockSignals(False)
        self.reset()

    def _train_config(self) -> TrainConfig:
        config = self.config()
        return TrainConfig(model="shallow", epochs=config.epochs, batch_size=1, lr=config.lr,
                           optimizer="sgd", schedule="constant", seed=config.seed)

    # ------------------------------------------------------------------ training

    def reset(self) -> None:
        """A new random start from the seed: the inputs and the weights."""
        if self.runner.running:
            return
        fresh = shallow_trainer(self._train_config())
        self.model, self.inputs = fresh.model, fresh.train.x
        self.losses = []
        self.loss_curve.setData([], [])
        self.check_table.setRowCount(0)
        self._show_current()

    def start(self) -> None:
        if self.runner.running:
            return
        config = self.config()
        # Continue from the current weights, with the settings as they are now.
        trainer = Trainer(self.model, MSELoss(halved=True),
                          SGD(self.model.parameters(), lr=config.lr),
                          Samples(self.inputs, np.ones((2, 1), np.float32)), None,
                          epochs=config.epochs, batch_size=1, seed=config.seed)
        inputs, speed = self.inputs, config.speed
        sample = self.sample.value()
        first_epoch = len(self.losses)

        def job(context):
            for event in trainer.run():
                if context.stopped:
                    trainer.stop()
                if isinstance(event, EpochEvent):
                    yield snapshot(trainer.model, inputs[sample:sample + 1],
                                   first_epoch + event.epoch, event.train_loss)
                    if speed:
                        context.wait_for_wake(1.0 / speed)  # watchable; wakes at once on stop
                elif isinstance(event, FinishedEvent):
                    yield event

        self.train_button.setEnabled(False)
        self.reset_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.statusMessage.emit("Training the tiny network…")
        self.runner.start(job, self._items, self._failed, self._finished,
                          urgent=lambda item: isinstance(item, FinishedEvent))

    def _items(self, items: list) -> None:
        for item in items:
            if isinstance(item, Snapshot):
                self.losses.append(item.loss)
                self._show(item)
            elif item.reason != "completed":
                self.statusMessage.emit(item.message)
        self.loss_curve.setData(np.arange(1, len(self.losses) + 1), self.losses)

    def _failed(self, error: BaseException) -> None:
        self.statusMessage.emit(f"Training failed: {error}")

    def _finished(self) -> None:
        for button in (self.train_button, self.reset_button, self.check_button):
            button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if self.losses:
            self.statusMessage.emit(f"Loss: {self.losses[0]:.4f} (epoch 1) → "
                                    f"{self.losses[-1]:.4f} (epoch {len(self.losses)})")

    # ------------------------------------------------------------------ showing

    def _show_current(self) -> None:
        if not self.runner.running:
            k = self.sample.value()
            self._show(snapshot(self.model, self.inputs[k:k + 1], len(self.losses),
                                self.losses[-1] if self.losses else None))

    def _show(self, snap: Snapshot) -> None:
        self.weights.setText(
            f"<b>w1</b> (3×3 conv kernel)<br>{matrix_html(snap.w1)}<br>"
            f"<b>w2</b> (1×4 FC weights)<br>{matrix_html(snap.w2)}<br>"
            f"epoch {snap.epoch}" + (f", mean loss {snap.loss:.4f}" if snap.loss is not None
                                     else ""))
        (_, conv), (_, sig), (_, pooled), (_, flat), (_, fc), (_, out) = snap.stages
        marks = np.zeros((4, 4), bool)
        for (i, j), k in np.ndenumerate(snap.winners):
            marks[2 * i + k // 2, 2 * j + k % 2] = True
        y_hat = float(out[0])
        x = self.inputs[self.sample.value()][0]
        parts = [("input x (6×6)", matrix_html(x, digits=2)),
                 ("conv: x ⋆ w1 (4×4)", matrix_html(conv[0], digits=2)),
                 ("sigmoid (4×4); orange: each 2×2 window's max",
                  matrix_html(sig[0], marks=marks, digits=2)),
                 ("max-pool 2×2 → flatten (1×4)", matrix_html(flat[None], digits=3)),
                 ("FC: w2 · flat", f"<b>{float(fc[0]):.4f}</b>"),
                 ("ŷ = sigmoid", f"<b>{y_hat:.4f}</b><br>loss ½(1 − ŷ)² = "
                                 f"<b>{0.5 * (1 - y_hat) ** 2:.4f}</b>")]
        cells = "".join(f"<td valign='top' style='padding: 0 10px'><b>{title}</b><br>{body}</td>"
                        for title, body in parts)
        self.stages.setText(f"<b>Sample {self.sample.value()}, stage by stage</b> (target y = 1)"
                            f"<table><tr>{cells}</tr></table>")

    # ------------------------------------------------------------------ gradient check

    def check_gradients(self) -> list:
        """Backprop vs central differences (float64) for the shown sample."""
        model = copy.deepcopy(self.model).to(np.float64)
        k = self.sample.value()
        x = self.inputs[k:k + 1].astype(np.float64)
        results = check_model(model, x, MSELoss(halved=True), np.ones((1, 1)))
        self.check_table.setRowCount(len(results))
        for row, result in enumerate(results):
            cells = (PARAMETER_NAMES.get(result.name, result.name),
                     f"{np.abs(result.analytic).max():.3g}", f"{result.rel_error:.1e}",
                     "yes" if result.ok else "NO")
            for column, text in enumerate(cells):
                self.check_table.setItem(row, column, QTableWidgetItem(text))
        self.check_table.resizeColumnsToContents()
        worst = max(r.rel_error for r in results)
        self.statusMessage.emit(f"Gradient check: largest relative error {worst:.1e} "
                                + ("— backprop agrees." if all(r.ok for r in results)
                                   else "— MISMATCH."))
        return results

    def shutdown(self) -> None:
        self.runner.shutdown()
