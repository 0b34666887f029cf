"""DMLP vs CNN: a deep fully connected network and LeNet-5 trained side by side on the same data,
then compared by their parameters, their accuracy, a shift test and their first-layer weights."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import data
from core.compare import (
    DEMO,
    NETWORKS,
    SHIFT_TEST_IMAGES,
    SHIFTS,
    dmlp_model,
    shift_test,
    shifted,
    trainers,
    weighted_layers,
)
from core.inside import classify
from core.layers import Conv2d, Linear
from core.train import EpochEvent, FinishedEvent, StepEvent, lenet_model
from core.zoo import ACTIVATIONS
from gui.i18n import QT_TRANSLATE_NOOP
from gui.pages.base import Page
from gui.pages.tiny_net.text import layer_of
from gui.pages.versus import text
from gui.widgets.controls import button, rich_label
from gui.widgets.form import Form, Int
from gui.widgets.image_panel import DIVERGING, ImagePanel, symmetric_levels
from gui.widgets.mosaic import tile
from gui.widgets.share_bar import ShareDelegate, share_item
from gui.widgets.training_plots import quiet_grid, smoothed
from gui.workers import WorkerRunner

COLOURS = {"DMLP": "#e65100", "LeNet-5": "#1565c0"}


@dataclass(frozen=True)
class VersusConfig:
    train_size: int = DEMO.train_size
    epochs: int = DEMO.epochs
    seed: int = DEMO.seed
    shift: int = 2
    image: int = 2        # a pullover: its DMLP response changes visibly when shifted
    channel: int = 0


FIELDS = (
    Int("train_size", "Training images", "How many of the 60,000 training images both networks "
        "learn from (the demo: 12,000, a few seconds each)", 100, 60_000, step=1000),
    Int("epochs", "Epochs", "Passes over the training images, the same for both", 1, 50),
    Int("seed", "Seed", "Seed of both networks' starting weights and of the batch order",
        0, 9999),
    Int("shift", "Shift (pixels)", "How far the example image moves to the right", 0, 4),
    Int("image", "Test image", "Which test image the shift example and the weights use",
        0, 9999),
    Int("channel", "conv1 map", "Which of LeNet-5's six conv1 feature maps to show", 0, 5),
)


class Progress(NamedTuple):
    network: str
    event: object


class Compared(NamedTuple):
    models: dict          # network name -> trained model (no longer touched by the job)
    scores: dict          # network name -> accuracy per shift in SHIFTS
    test: object          # the test Split


class VersusPage(Page):
    title = QT_TRANSLATE_NOOP("Pages", "CNN vs MLP")
    key = "versus"
    tagline = QT_TRANSLATE_NOOP(
        "Pages", "Why a CNN and not a deep MLP? Both trained side by side, then shifted")
    Config = VersusConfig
    shift_images = SHIFT_TEST_IMAGES  # test images in the shift test (tests use fewer)

    def __init__(self, config: VersusConfig | None = None):
        super().__init__()
        self.runner = WorkerRunner(self)
        self.result: Compared | None = None  # the last completed comparison
        self._compared = False                # whether the current run got that far
        self.losses = {name: [] for name in NETWORKS}
        self.accuracies = {name: [] for name in NETWORKS}
        self._build()
        self.set_config(config or VersusConfig())

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        box = QGroupBox("Same data, same optimiser")
        form = QFormLayout(box)
        self.form = Form(FIELDS, VersusConfig(), form, self)
        self.train_button = button("train_both", "Train both", "Train the DMLP, then LeNet-5, "
                                   "with the same images, optimiser (SGD with momentum 0.9, "
                                   "cosine schedule), batch size and seed; then shift-test both")
        self.stop_button = button("stop", "Stop", "Stop training")
        self.stop_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.train_button)
        row.addWidget(self.stop_button)
        form.addRow(row)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setToolTip("Batches trained of both networks together")
        self.progress.setFormat("%p%")
        form.addRow(self.progress)
        self.status = rich_label("versus_status", "Press <i>Train both</i>.")
        form.addRow(self.status)
        column = QVBoxLayout()
        column.addWidget(box)
        column.addWidget(rich_label("longer_run", text.LONGER_RUN))
        column.addStretch(1)
        left = QWidget()
        left.setLayout(column)
        left.setFixedWidth(300)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._training_tab(), "Training and parameters")
        self.tabs.addTab(self._shift_tab(), "Shift test")
        self.tabs.addTab(self._sharing_tab(), "Weight sharing")
        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addWidget(self.tabs, 1)
        self.train_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.runner.request_stop)
        self.form.changed.connect(self._changed)

    def _plot(self, name: str, title: str, bottom: str, legend=(-5, 5)) -> pg.PlotWidget:
        """A plot with a legend in a corner the curves leave free (offset: negative from
        the right or bottom)."""
        plot = pg.PlotWidget(title=title)
        plot.setObjectName(name)
        plot.setLabel("bottom", bottom)
        quiet_grid(plot)
        plot.addLegend(offset=legend, brush=(255, 255, 255, 200))
        return plot

    def _curves(self, plot: pg.PlotWidget, symbol=None) -> dict:
        return {name: plot.plot(pen=pg.mkPen(COLOURS[name], width=2), symbol=symbol,
                                symbolBrush=COLOURS[name], symbolPen=COLOURS[name], name=name)
                for name in NETWORKS}

    def _training_tab(self) -> QWidget:
        self.loss_plot = self._plot("versus_loss", "Training loss per batch (smoothed)",
                                    "batch")
        self.loss_curves = self._curves(self.loss_plot)
        self.accuracy_plot = self._plot("versus_accuracy", "Test accuracy per epoch", "epoch",
                                        legend=(5, 5))
        self.accuracy_curves = self._curves(self.accuracy_plot, symbol="o")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("versus_layers")
        self.table.setHorizontalHeaderLabels(["network", "layer", "parameters", "share",
                                              "MACs per image", "share"])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(3, ShareDelegate(self.table))
        self.table.setItemDelegateForColumn(5, ShareDelegate(self.table))
        self.table.setToolTip("Every layer with weights: how many it holds and how many "
                              "multiply-accumulates it does per image, with its share of its "
                              "network's total as a bar")
        self.table.setMinimumHeight(9 * 22 + 28)
        self.totals = rich_label("versus_totals")
        self._fill_table()
        tab = QWidget()
        grid = QGridLayout(tab)
        grid.addWidget(rich_label("versus_intro", text.INTRO), 0, 0, 1, 2)
        grid.addWidget(self.loss_plot, 1, 0)
        grid.addWidget(self.accuracy_plot, 1, 1)
        grid.addWidget(self.table, 2, 0, 1, 2)
        grid.addWidget(self.totals, 3, 0, 1, 2)
        grid.setRowStretch(1, 1)
        return tab

    def _shift_tab(self) -> QWidget:
        self.shift_plot = self._plot("shift_plot", "Accuracy on shifted test images",
                                     "shift (pixels; mean of right, left, down, up)")
        self.shift_plot.setXRange(SHIFTS[0] - 0.2, SHIFTS[-1] + 0.2, padding=0)
        self.shift_curves = self._curves(self.shift_plot, symbol="o")
        self.shift_summary = rich_label("shift_summary", "The shift test runs after training.")
        self.views = {name: ImagePanel(title, min_size=(96, 80)) for name, title in (
            ("original", "test image"), ("moved", "shifted"),
            ("conv_original", "LeNet-5 conv1 map"), ("conv_moved", "… of the shifted image"),
            ("dense_original", "DMLP: first 64 units"), ("dense_moved", "… of the shifted image"))}
        self.comparison = rich_label("response_comparison")
        grid = QGridLayout()
        for column, (top, bottom) in enumerate((("original", "moved"),
                                                ("conv_original", "conv_moved"),
                                                ("dense_original", "dense_moved"))):
            grid.addWidget(self.views[top], 0, column)
            grid.addWidget(self.views[bottom], 1, column)
        tab = QWidget()
        layout = QGridLayout(tab)
        layout.addWidget(self.shift_plot, 0, 0)
        layout.addWidget(self.shift_summary, 1, 0)
        layout.addLayout(grid, 0, 1)
        layout.addWidget(self.comparison, 1, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        layout.setRowStretch(0, 1)
        return tab

    def _sharing_tab(self) -> QWidget:
        self.kernels = ImagePanel("LeNet-5 conv1: 6 kernels of 5×5, each used everywhere",
                                  colorbar=True, min_size=(200, 160))
        self.units = ImagePanel("DMLP first layer: 8 units' 784 weights as 28×28 images",
                                colorbar=True, min_size=(200, 160))
        self.sharing = rich_label("sharing_caption", "Train both networks to compare their "
                                  "first layers.")
        tab = QWidget()
        layout = QGridLayout(tab)
        layout.addWidget(self.kernels, 0, 0)
        layout.addWidget(self.units, 0, 1)
        layout.addWidget(self.sharing, 1, 0, 1, 2)
        layout.setRowStretch(0, 1)
        return tab

    # ------------------------------------------------------------------ configuration

    @property
    def busy(self) -> bool:
        return self.runner.running

    def config(self) -> VersusConfig:
        return VersusConfig(**self.form.values())

    def set_config(self, config: VersusConfig) -> None:
        self.form.set_values(config)
        self._show_result()

    def _changed(self, name: str) -> None:
        if name in ("shift", "image", "channel"):
            self._show_result()

    def _models(self) -> dict:
        if self.result is not None:
            return self.result.models
        config = replace(DEMO, seed=self.config().seed)
        return {"DMLP": dmlp_model(config), "LeNet-5": lenet_model(config)}

    def _fill_table(self) -> None:
        models = self._models()
        rows = [(name, share) for name, model in models.items()
                for share in weighted_layers(model)]
        self.totals.setText(text.totals(models))
        totals = {name: (sum(s.params for n, s in rows if n == name),
                         sum(s.macs for n, s in rows if n == name)) for name in NETWORKS}
        self.table.setRowCount(len(rows))
        for i, (name, share) in enumerate(rows):
            params, macs = totals[name]
            for j, item in enumerate((QTableWidgetItem(name), QTableWidgetItem(share.name),
                                      QTableWidgetItem(f"{share.params:,}"),
                                      share_item(share.params / params),
                                      QTableWidgetItem(f"{share.macs:,}"),
                                      share_item(share.macs / macs))):
                self.table.setItem(i, j, item)

    # ------------------------------------------------------------------ training

    def start(self) -> None:
        if self.runner.running:
            return
        config = self.config()
        run = replace(DEMO, train_size=config.train_size, epochs=config.epochs, seed=config.seed)
        count = self.shift_images

        def job(context):
            train, test = data.load_fashion_mnist("train"), data.load_fashion_mnist("test")
            runs = trainers(run, train, test)
            for name, trainer in runs.items():
                for event in trainer.run():
                    if context.stopped:
                        trainer.stop()
                    if isinstance(event, (StepEvent, EpochEvent, FinishedEvent)):
                        yield Progress(name, event)
                if context.stopped:
                    return
            images, labels = test.images[:count], test.labels[:count]
            scores = {name: [] for name in runs}
            for name, trainer in runs.items():
                for pixels in SHIFTS:
                    if context.stopped:
                        return
                    scores[name] += shift_test(trainer.model, images, labels, (pixels,))
                    yield Progress(name, pixels)
            yield Compared({name: t.model for name, t in runs.items()}, scores, test)

        self.losses = {name: [] for name in NETWORKS}
        self.accuracies = {name: [] for name in NETWORKS}
        self.steps_done, self._compared = 0, False
        self.progress.setValue(0)
        self.train_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setText("Loading the data…")
        self.statusMessage.emit("Training the DMLP and LeNet-5…")
        self.runner.start(job, self._items, self._failed, self._finished,
                          urgent=lambda item: isinstance(item, Compared))

    def _items(self, items: list) -> None:
        for item in items:
            if isinstance(item, Compared):
                self.result, self._compared = item, True
                self._fill_table()
                self._show_result()
                continue
            event = item.event
            if isinstance(event, StepEvent):
                self.losses[item.network].append(event.loss)
                self.progress.setMaximum(2 * event.epochs * event.steps)
                self.steps_done += 1
                then = " (then LeNet-5 and the shift test)" if item.network == "DMLP" else ""
                self.status.setText(f"{item.network}: epoch {event.epoch} of {event.epochs}, "
                                    f"batch {event.step} of {event.steps}, about "
                                    f"{event.eta_s:.0f} s left for it{then}")
            elif isinstance(event, EpochEvent):
                self.accuracies[item.network].append(event.test_accuracy)
            elif isinstance(event, int):
                self.status.setText(f"Shift test of {item.network}: {event} pixels…")
        self.progress.setValue(self.steps_done)
        for name in NETWORKS:
            losses = np.asarray(self.losses[name])
            self.loss_curves[name].setData(smoothed(losses))
            self.accuracy_curves[name].setData(np.arange(1, len(self.accuracies[name]) + 1),
                                               self.accuracies[name])

    def _failed(self, error: BaseException) -> None:
        self.status.setText(f"Training failed: {error}")
        self.statusMessage.emit(f"Training failed: {error}")

    def _finished(self) -> None:
        self.train_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if not self._compared:
            if not self.status.text().startswith("Training failed"):
                self.status.setText("Stopped before both networks were trained and tested.")
            return
        self.progress.setValue(self.progress.maximum())
        accuracy = {name: scores[0] for name, scores in self.result.scores.items()}
        self.status.setText("Done: test accuracy " + ", ".join(
            f"{name} {value:.1%}" for name, value in accuracy.items()) + ".")
        self.statusMessage.emit("Both networks trained and shift-tested.")

    # ------------------------------------------------------------------ comparing

    def _show_result(self) -> None:
        if self.result is None:
            return
        models, scores, test = self.result
        for name in NETWORKS:
            self.shift_curves[name].setData(list(SHIFTS), scores[name])
        self.shift_plot.setYRange(0, 1, padding=0.02)
        self.shift_summary.setText(text.shift_summary(scores))
        config = self.config()
        image = test.images[config.image]
        moved = shifted(image[None], 0, config.shift)[0]
        self.views["original"].set_image(image, (0, 255))
        self.views["moved"].set_image(moved, (0, 255))
        responses = {}
        for key, picture in (("original", image), ("moved", moved)):
            responses[key] = (first_response(models["LeNet-5"], picture),
                              first_response(models["DMLP"], picture))
        maps = [conv[config.channel] for conv, _ in responses.values()]
        levels = symmetric_levels(np.stack(maps))
        units = [dense.reshape(8, -1) for _, dense in responses.values()]
        unit_levels = symmetric_levels(np.stack(units))
        for key, conv_map, unit_grid in zip(("original", "moved"), maps, units):
            self.views[f"conv_{key}"].set_image(conv_map, levels, DIVERGING)
            self.views[f"dense_{key}"].set_image(unit_grid, unit_levels, DIVERGING)
        self.comparison.setText(text.response_comparison(
            responses["original"][0], responses["moved"][0], responses["original"][1],
            responses["moved"][1], config.shift))
        kernels = layer_of(models["LeNet-5"], Conv2d).weight.data
        hidden = layer_of(models["DMLP"], Linear).weight.data
        self.kernels.set_image(tile(kernels[:, 0], columns=3)[0],
                               symmetric_levels(kernels), DIVERGING)
        self.units.set_image(tile(hidden[:8].reshape(8, 28, 28), columns=4)[0],
                             symmetric_levels(hidden[:8]), DIVERGING)
        self.sharing.setText(text.sharing_caption(kernels, hidden))


def first_response(model, image: np.ndarray) -> np.ndarray:
    """The output of the model's first activation layer for a picture: what its first layer
    of units passes on (LeNet-5: 6 maps of 28×28 after BN and tanh; DMLP: 64 values)."""
    return next(stage.output for stage in classify(model, image).stages
                if type(stage.layer) in ACTIVATIONS.values())

