"""The lesson's tiny network, trained live: weights, every stage's values, and a gradient check.

conv 3×3 (w1) → sigmoid → max-pool 2×2 → flatten → FC 4→1 (w2) → sigmoid, loss ½(y − ŷ)², two
random 1×1×6×6 inputs with target 1, plain SGD one sample at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.backprop import layer_gradients, tiny_backward
from core.gradcheck import check_model
from core.inside import look_inside
from core.layers import Conv2d, Linear, MaxPool2d
from core.losses import MSELoss
from core.optim import SGD
from core.runs import RunRecord
from core.train import DEFAULTS, EpochEvent, FinishedEvent, Samples, Trainer, shallow_trainer
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.pages.base import Page
from gui.pages.tiny_net.text import (
    Snapshot,
    Update,
    backward_html,
    layer_of,
    stages_html,
    weights_html,
)
from gui.training import Run, Training
from gui.widgets.controls import rich_label, set_texts
from gui.widgets.form import Float, Form, Int
from gui.widgets.veil import Veilable

LESSON = DEFAULTS["shallow"]


@dataclass(frozen=True)
class TinyConfig:
    seed: int = 12        # starts like the lesson's run: mean loss 0.18 → 0.09 in 100 epochs
    lr: float = LESSON.lr
    epochs: int = LESSON.epochs
    speed: int = 25       # epochs per second while training (0: as fast as possible)
    sample: int = 0


FIELDS = (
    Int("seed",
        QT_TRANSLATE_NOOP("TinyNetPage", "Seed"),
        QT_TRANSLATE_NOOP("TinyNetPage", "Seed of the random start: the two inputs and both "
                                         "weights"),
        0, 9999),
    Float("lr",
          QT_TRANSLATE_NOOP("TinyNetPage", "Learning rate"),
          QT_TRANSLATE_NOOP("TinyNetPage", "Learning rate of plain SGD (the lesson: 0.01)"),
          0.0001, 10.0, 0.01, 4),
    Int("epochs",
        QT_TRANSLATE_NOOP("TinyNetPage", "Epochs"),
        QT_TRANSLATE_NOOP("TinyNetPage", "Epochs: each shows both samples once (the lesson: 100)"),
        1, 10000),
    Int("speed",
        QT_TRANSLATE_NOOP("TinyNetPage", "Epochs/second"),
        QT_TRANSLATE_NOOP("TinyNetPage", "Epochs per second while training, to watch it happen "
                                         "(0: as fast as possible)"),
        0, 1000, special=QT_TRANSLATE_NOOP("TinyNetPage", "as fast as possible")),
    Int("sample",
        QT_TRANSLATE_NOOP("TinyNetPage", "Show sample"),
        QT_TRANSLATE_NOOP("TinyNetPage", "Which of the two samples the stage values show"),
        0, 1),
)


def snapshot(model, sample: np.ndarray, epoch: int, loss: float | None) -> Snapshot:
    """Where the model lives (the training thread, or the GUI thread when idle)."""
    inside = look_inside(model, sample)
    pool = layer_of(model, MaxPool2d)  # its winners are now those of this sample
    return Snapshot(epoch, loss, layer_of(model, Conv2d).weight.data[0, 0].copy(),
                    layer_of(model, Linear).weight.data.copy(), inside, pool.argmax[0, 0].copy(),
                    tiny_backward(model, sample), layer_gradients(model, sample))


TAB_TITLES = (QT_TRANSLATE_NOOP("TinyNetPage", "Forward and backward"),
              QT_TRANSLATE_NOOP("TinyNetPage", "Gradient check"))


class TinyNetPage(Translated, Page):
    title = QT_TRANSLATE_NOOP("Pages", "Tiny network")
    key = "tiny_net"
    tagline = QT_TRANSLATE_NOOP(
        "Pages", "The lesson's tiny network, trained by hand-written backprop")
    Config = TinyConfig

    def __init__(self, config: TinyConfig | None = None):
        super().__init__()
        self.training = Training(self)
        self.runner = self.training.runner
        self.training.progressed.connect(self._items)
        self.training.failed.connect(self._failed)
        self.training.finished.connect(self._finished)
        self.training.runner.runningChanged.connect(self.busyChanged)
        self.records: list[RunRecord] = []  # the runs of the current weights, oldest first
        self.update: Update | None = None  # what the last run did to the weights
        self.shown: Snapshot | None = None  # what the page shows now (the lesson reads it)
        self.checked: list = []  # the last gradient check's results
        self._build()
        self.set_config(config or TinyConfig())
        self.retranslate()

    def _build(self) -> None:
        self.box = box = QGroupBox()
        form = QFormLayout(box)
        self.form = Form(FIELDS, TinyConfig(), form, self, "TinyNetPage")
        for name in ("train", "stop", "step", "reset", "check"):
            setattr(self, f"{name}_button", QPushButton(objectName=name))
        self.stop_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.train_button)
        row.addWidget(self.stop_button)
        form.addRow(row)
        form.addRow(self.step_button)
        form.addRow(self.reset_button)
        form.addRow(self.check_button)
        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setObjectName("loss_plot")
        self.loss_plot.showGrid(x=True, y=True, alpha=0.3)
        self.loss_plot.setMinimumHeight(140)
        self.loss_curve = self.loss_plot.plot(pen=pg.mkPen("#1565c0", width=2), symbol="o",
                                              symbolSize=3, symbolBrush="#1565c0",
                                              symbolPen=None)  # one epoch shows too
        self.weights = rich_label("weights")
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(box)
        trained = QWidget()  # the loss and the weights: veiled while their change is predicted
        trained_layout = QVBoxLayout(trained)
        trained_layout.setContentsMargins(0, 0, 0, 0)
        trained_layout.addWidget(self.loss_plot, 1)
        trained_layout.addWidget(self.weights)
        self.veils = {"loss": Veilable(trained)}
        left.addWidget(self.veils["loss"], 1)
        column = QWidget()
        column.setLayout(left)
        column.setFixedWidth(256)

        self.stages = rich_label("stages")
        self.backward = rich_label("backward")
        passes = QWidget()
        both = QVBoxLayout(passes)
        both.addWidget(self.stages)
        both.addWidget(self.backward)
        both.addStretch(1)
        scroll = QScrollArea()  # only if the window is made smaller than a laptop screen
        scroll.setWidget(passes)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.check_table = QTableWidget(0, 4)
        self.check_table.setObjectName("check_table")
        self.check_table.verticalHeader().setVisible(False)
        self.check_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        check = QWidget()
        check_layout = QVBoxLayout(check)
        self.check_note = rich_label("check_note", selectable=False)
        check_layout.addWidget(self.check_note)
        check_layout.addWidget(self.check_table, 1)
        self.tabs = QTabWidget()
        for tab, title in ((scroll, TAB_TITLES[0]), (check, TAB_TITLES[1])):
            self.tabs.addTab(tab, "")
            self.tabs.tabBar().setTabData(self.tabs.count() - 1, title)
        self.veils["passes"] = Veilable(self.tabs)
        layout = QHBoxLayout(self)
        layout.addWidget(column)
        layout.addWidget(self.veils["passes"], 1)
        self.train_button.clicked.connect(lambda: self.start())
        self.step_button.clicked.connect(lambda: self.start(epochs=1))
        self.stop_button.clicked.connect(self.training.stop)
        self.reset_button.clicked.connect(self.reset)
        self.check_button.clicked.connect(self.check_gradients)
        self.form.changed.connect(self._changed)

    def retranslate(self) -> None:
        self.box.setTitle(translate("TinyNetPage", "The lesson's tiny network"))
        self.form.retranslate()
        set_texts(
                (self.train_button, translate("TinyNetPage", "Train"),
                 translate("TinyNetPage", "Run the epochs from the current weights")),
                (self.stop_button, translate("TinyNetPage", "Stop"),
                 translate("TinyNetPage", "Stop after the current epoch")),
                (self.step_button, translate("TinyNetPage", "Step one epoch"),
                 translate("TinyNetPage", "One epoch (both samples, one SGD step each) from the "
                                          "current weights: watch every number of the forward "
                                          "and backward pass change")),
                (self.reset_button, translate("TinyNetPage", "New random start"),
                 translate("TinyNetPage", "Draw new inputs and weights from the seed")),
                (self.check_button, translate("TinyNetPage", "Check gradients"),
                 translate("TinyNetPage", "Compare the hand-written backprop with numerical "
                                          "gradients (central differences, float64)")))
        self.loss_plot.setTitle(translate("TinyNetPage", "Mean loss ½(y − ŷ)² per epoch"))
        self.loss_plot.setLabel("bottom", translate("TinyNetPage", "epoch"))
        self.backward.setToolTip(translate(
            "TinyNetPage", "The lesson's backprop by hand for the shown sample: each term of the "
            "chain rule with its numbers, computed term by term (core.backprop) and compared "
            "with the layers' own backward"))
        self.check_table.setHorizontalHeaderLabels([
            translate("TinyNetPage", "gradient of"), translate("TinyNetPage", "max |backprop|"),
            translate("TinyNetPage", "relative error"), translate("TinyNetPage", "agree?")])
        self.check_table.setToolTip(translate(
            "TinyNetPage", "Relative error ‖a − n‖ / (‖a‖ + ‖n‖) between backprop (a) and "
            "central differences (n); they agree when it is below 1e-6 (typically about 1e-9)"))
        self.check_note.setText(translate(
            "TinyNetPage", "<b>Gradient check</b> (press <i>Check gradients</i> on the left): "
            "each gradient of the hand-written backprop against central differences "
            "(f(w + ε) − f(w − ε)) / 2ε in float64; they agree when the relative error is below "
            "1e-6"))
        for i, title in enumerate(TAB_TITLES):
            self.tabs.setTabText(i, translate("TinyNetPage", title))
        if self.shown is not None:
            self._show(self.shown)
        self._say_check()

    @property
    def busy(self) -> bool:
        return self.runner.running

    def config(self) -> TinyConfig:
        return TinyConfig(**self.form.values())

    def set_config(self, config: TinyConfig) -> None:
        self.form.set_values(config)
        self.reset()

    def _changed(self, name: str) -> None:
        if name == "sample":
            self._show_current()

    # ------------------------------------------------------------------ training

    def reset(self) -> None:
        """A new random start from the seed: the inputs and the weights."""
        if self.runner.running:
            return
        config = self.config()
        fresh = shallow_trainer(replace(LESSON, seed=config.seed, lr=config.lr,
                                        epochs=config.epochs))
        self.model, self.inputs = fresh.model, fresh.train.x
        self.records, self.update, self.checked = [], None, []
        self.loss_curve.setData([], [])
        self._say_check()
        self._show_current()

    @property
    def losses(self) -> list[float]:
        """The mean loss of every epoch the current weights trained, from the runs' records."""
        return [e.train_loss for record in self.records for e in record.epochs]

    def start(self, epochs: int | None = None) -> None:
        """Train ``epochs`` (default: the configured number) from the current weights."""
        if self.training.running:
            return
        config = self.config()
        epochs = epochs or config.epochs
        # Continue from the current weights, with the settings as they are now.
        trainer = Trainer(self.model, MSELoss(halved=True),
                          SGD(self.model.parameters(), lr=config.lr),
                          Samples(self.inputs, np.ones((2, 1), np.float32)), None,
                          epochs=epochs, batch_size=1,
                          seed=config.seed + len(self.losses))  # a new order each time
        inputs, speed, sample = self.inputs, config.speed, config.sample
        first_epoch = self._first_epoch = len(self.losses)
        self._before = (layer_of(self.model, Conv2d).weight.data[0, 0].copy(),
                        layer_of(self.model, Linear).weight.data.copy(), config.lr, 2 * epochs)

        def every_epoch(context, model, event):
            if isinstance(event, EpochEvent):
                yield snapshot(model, inputs[sample:sample + 1], first_epoch + event.epoch,
                               event.train_loss)
                if speed:
                    context.wait_for_wake(1.0 / speed)  # watchable; wakes at once on stop

        self._set_running(True)
        self.statusMessage.emit(translate("TinyNetPage", "Training the tiny network…"))
        run = replace(LESSON, seed=config.seed, lr=config.lr, epochs=epochs)
        self.training.start([Run("", trainer, run)], on_event=every_epoch)

    def _items(self, items: list) -> None:
        record = self.training.records.get("")
        if record is not None and record not in self.records:
            self.records.append(record)
        snapshots = [item for _, item in items if isinstance(item, Snapshot)]
        if snapshots:
            self._show(snapshots[-1])  # only the newest is worth drawing
        for _, item in items:
            if isinstance(item, FinishedEvent) and item.reason != "completed":
                self.statusMessage.emit(item.message)
        losses = self.losses
        self.loss_curve.setData(np.arange(1, len(losses) + 1), losses)
        if losses:  # from 0: the fall is not exaggerated
            self.loss_plot.setYRange(0, 1.1 * max(losses), padding=0)

    def _failed(self, error) -> None:
        self.statusMessage.emit(translate("TinyNetPage", "Training failed: {error}").format(
            error=error))

    def _set_running(self, running: bool) -> None:
        for name in ("train", "step", "reset", "check"):
            getattr(self, f"{name}_button").setEnabled(not running)
        self.stop_button.setEnabled(running)

    def _record_update(self) -> None:
        """After a run: how far it moved the weights (steps actually taken: it may stop early)."""
        w1, w2, lr, planned = self._before
        epochs = len(self.losses) - self._first_epoch
        self.update = Update(min(planned, 2 * epochs), lr,
                             layer_of(self.model, Conv2d).weight.data[0, 0] - w1,
                             layer_of(self.model, Linear).weight.data - w2)

    def _finished(self, _record) -> None:
        self._set_running(False)
        self._record_update()
        self._show_current()
        if len(self.losses) > 1:
            self.statusMessage.emit(translate(
                "TinyNetPage", "Loss: {first} (epoch 1) → {last} (epoch {epochs})").format(
                first=f"{self.losses[0]:.4f}", last=f"{self.losses[-1]:.4f}",
                epochs=len(self.losses)))
        elif self.losses:
            self.statusMessage.emit(translate("TinyNetPage", "Loss after epoch 1: {loss}").format(
                loss=f"{self.losses[0]:.4f}"))

    # ------------------------------------------------------------------ showing

    def _show_current(self) -> None:
        if not self.runner.running:
            k = self.config().sample
            self._show(snapshot(self.model, self.inputs[k:k + 1], len(self.losses),
                                self.losses[-1] if self.losses else None))

    def _show(self, snap: Snapshot) -> None:
        self.shown = snap  # what the page shows now (the lesson's questions read it)
        self.weights.setText(weights_html(snap))
        self.stages.setText(stages_html(snap, self.config().sample))
        self.backward.setText(backward_html(snap, self.update))

    # ------------------------------------------------------------------ gradient check

    @staticmethod
    def _parameter_name(model, name: str) -> str:
        """"0.weight" as the lesson names it: w1 (conv 3×3), w2 (FC 1×4); "input" stays."""
        index, _, what = name.partition(".")
        if what == "weight" and isinstance(model[int(index)], Conv2d):
            return "w1 (conv 3×3)"
        if what == "weight" and isinstance(model[int(index)], Linear):
            return "w2 (FC 1×4)"
        return name

    def _say_check(self) -> None:
        """The gradient check's table, in the current language."""
        self.check_table.setRowCount(len(self.checked))
        for row, (name, result) in enumerate(self.checked):
            cells = (translate("TinyNetPage", "input x (1×1×6×6)") if name == "input" else name,
                     f"{np.abs(result.analytic).max():.3g}", f"{result.rel_error:.1e}",
                     translate("TinyNetPage", "yes") if result.ok else
                     translate("TinyNetPage", "NO"))
            for column, text in enumerate(cells):
                self.check_table.setItem(row, column, QTableWidgetItem(text))

    def check_gradients(self) -> list:
        """Backprop vs central differences (float64) for the shown sample."""
        model = self.model.clone().to(np.float64)
        k = self.config().sample
        x = self.inputs[k:k + 1].astype(np.float64)
        results = check_model(model, x, MSELoss(halved=True), np.ones((1, 1)))
        self.checked = [(self._parameter_name(model, r.name), r) for r in results]
        self._say_check()
        self.tabs.setCurrentIndex(1)
        worst = max(r.rel_error for r in results)
        self.statusMessage.emit((
            translate("TinyNetPage", "Gradient check: largest relative error {worst} — backprop "
                                     "agrees.") if all(r.ok for r in results) else
            translate("TinyNetPage", "Gradient check: largest relative error {worst} — "
                                     "MISMATCH.")).format(worst=f"{worst:.1e}"))
        return results
