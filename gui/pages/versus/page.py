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
    QPushButton,
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
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.pages.base import Page
from gui.pages.tiny_net.text import layer_of
from gui.pages.versus import text
from gui.widgets.controls import rich_label
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
    Int("train_size",
        QT_TRANSLATE_NOOP("VersusPage", "Training images"),
        QT_TRANSLATE_NOOP("VersusPage", "How many of the 60,000 training images both networks "
                                        "learn from (the demo: 12,000, a few seconds each)"),
        100, 60_000, step=1000),
    Int("epochs",
        QT_TRANSLATE_NOOP("VersusPage", "Epochs"),
        QT_TRANSLATE_NOOP("VersusPage", "Passes over the training images, the same for both"),
        1, 50),
    Int("seed",
        QT_TRANSLATE_NOOP("VersusPage", "Seed"),
        QT_TRANSLATE_NOOP("VersusPage", "Seed of both networks' starting weights and of the "
                                        "batch order"),
        0, 9999),
    Int("shift",
        QT_TRANSLATE_NOOP("VersusPage", "Shift (pixels)"),
        QT_TRANSLATE_NOOP("VersusPage", "How far the example image moves to the right"),
        0, 4),
    Int("image",
        QT_TRANSLATE_NOOP("VersusPage", "Test image"),
        QT_TRANSLATE_NOOP("VersusPage", "Which test image the shift example and the weights use"),
        0, 9999),
    Int("channel",
        QT_TRANSLATE_NOOP("VersusPage", "conv1 map"),
        QT_TRANSLATE_NOOP("VersusPage", "Which of LeNet-5's six conv1 feature maps to show"),
        0, 5),
)


class Progress(NamedTuple):
    network: str
    event: object


class Compared(NamedTuple):
    models: dict          # network name -> trained model (no longer touched by the job)
    scores: dict          # network name -> accuracy per shift in SHIFTS
    test: object          # the test Split


VIEW_TITLES = {
    "original": QT_TRANSLATE_NOOP("VersusPage", "test image"),
    "moved": QT_TRANSLATE_NOOP("VersusPage", "shifted"),
    "conv_original": QT_TRANSLATE_NOOP("VersusPage", "LeNet-5 conv1 map"),
    "conv_moved": QT_TRANSLATE_NOOP("VersusPage", "… of the shifted image"),
    "dense_original": QT_TRANSLATE_NOOP("VersusPage", "DMLP: first 64 units"),
    "dense_moved": QT_TRANSLATE_NOOP("VersusPage", "… of the shifted image"),
}
TAB_TITLES = (QT_TRANSLATE_NOOP("VersusPage", "Training and parameters"),
              QT_TRANSLATE_NOOP("VersusPage", "Shift test"),
              QT_TRANSLATE_NOOP("VersusPage", "Weight sharing"))


class VersusPage(Translated, Page):
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
        self.retranslate()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.box = box = QGroupBox()
        form = QFormLayout(box)
        self.form = Form(FIELDS, VersusConfig(), form, self, "VersusPage")
        self.train_button = QPushButton(objectName="train_both")
        self.stop_button = QPushButton(objectName="stop")
        self.stop_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.train_button)
        row.addWidget(self.stop_button)
        form.addRow(row)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setFormat("%p%")
        form.addRow(self.progress)
        self.status = rich_label("versus_status")
        self._status: tuple = ("idle",)
        form.addRow(self.status)
        column = QVBoxLayout()
        column.addWidget(box)
        self.longer_run = rich_label("longer_run")
        column.addWidget(self.longer_run)
        column.addStretch(1)
        left = QWidget()
        left.setLayout(column)
        left.setFixedWidth(300)

        self.tabs = QTabWidget()
        for tab, title in zip((self._training_tab(), self._shift_tab(), self._sharing_tab()),
                              TAB_TITLES):
            self.tabs.addTab(tab, "")
            self.tabs.tabBar().setTabData(self.tabs.count() - 1, title)
        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addWidget(self.tabs, 1)
        self.train_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.runner.request_stop)
        self.form.changed.connect(self._changed)

    def _plot(self, name: str, legend=(-5, 5)) -> pg.PlotWidget:
        """A plot with a legend in a corner the curves leave free (offset: negative from
        the right or bottom); its title and axis label come with ``retranslate``."""
        plot = pg.PlotWidget()
        plot.setObjectName(name)
        quiet_grid(plot)
        plot.addLegend(offset=legend, brush=(255, 255, 255, 200))
        return plot

    def _curves(self, plot: pg.PlotWidget, symbol=None) -> dict:
        return {name: plot.plot(pen=pg.mkPen(COLOURS[name], width=2), symbol=symbol,
                                symbolBrush=COLOURS[name], symbolPen=COLOURS[name], name=name)
                for name in NETWORKS}

    def _training_tab(self) -> QWidget:
        self.loss_plot = self._plot("versus_loss")
        self.loss_curves = self._curves(self.loss_plot)
        self.accuracy_plot = self._plot("versus_accuracy", legend=(5, 5))
        self.accuracy_curves = self._curves(self.accuracy_plot, symbol="o")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("versus_layers")
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        # room around each header's text: short translated headers must not touch the edges
        header.setStyleSheet("QHeaderView::section { padding: 0 4px; }")
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(3, ShareDelegate(self.table))
        self.table.setItemDelegateForColumn(5, ShareDelegate(self.table))
        self.table.setMinimumHeight(9 * 22 + 28)
        self.totals = rich_label("versus_totals")
        self._fill_table()
        tab = QWidget()
        grid = QGridLayout(tab)
        self.intro = rich_label("versus_intro")
        grid.addWidget(self.intro, 0, 0, 1, 2)
        grid.addWidget(self.loss_plot, 1, 0)
        grid.addWidget(self.accuracy_plot, 1, 1)
        grid.addWidget(self.table, 2, 0, 1, 2)
        grid.addWidget(self.totals, 3, 0, 1, 2)
        grid.setRowStretch(1, 1)
        return tab

    def _shift_tab(self) -> QWidget:
        self.shift_plot = self._plot("shift_plot")
        self.shift_plot.setXRange(SHIFTS[0] - 0.2, SHIFTS[-1] + 0.2, padding=0)
        self.shift_curves = self._curves(self.shift_plot, symbol="o")
        self.shift_summary = rich_label("shift_summary")
        self.views = {name: ImagePanel(min_size=(96, 80)) for name in VIEW_TITLES}
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
        self.kernels = ImagePanel(colorbar=True, min_size=(200, 160))
        self.units = ImagePanel(colorbar=True, min_size=(200, 160))
        self.sharing = rich_label("sharing_caption")
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
        self._say(("loading",))
        self.statusMessage.emit(translate("VersusPage", "Training the DMLP and LeNet-5…"))
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
                self._say(("training", item.network, event))
            elif isinstance(event, EpochEvent):
                self.accuracies[item.network].append(event.test_accuracy)
            elif isinstance(event, int):
                self._say(("shifting", item.network, event))
        self.progress.setValue(self.steps_done)
        for name in NETWORKS:
            losses = np.asarray(self.losses[name])
            self.loss_curves[name].setData(smoothed(losses))
            self.accuracy_curves[name].setData(np.arange(1, len(self.accuracies[name]) + 1),
                                               self.accuracies[name])

    def _failed(self, error: BaseException) -> None:
        self._say(("failed", error))
        self.statusMessage.emit(self.status.text())

    def _finished(self) -> None:
        self.train_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if not self._compared:
            if self._status[0] != "failed":
                self._say(("stopped",))
            return
        self.progress.setValue(self.progress.maximum())
        self._say(("done",))
        self.statusMessage.emit(translate("VersusPage", "Both networks trained and "
                                                        "shift-tested."))

    def _say(self, status: tuple | None = None) -> None:
        """The status line for the run's state (kept, to say it again in another language)."""
        self._status = status or self._status
        kind, *details = self._status
        if kind == "training":
            network, event = details
            then = translate("VersusPage", " (then LeNet-5 and the shift test)") \
                if network == "DMLP" else ""
            said = translate("VersusPage", "{network}: epoch {epoch} of {epochs}, batch {step} of "
                                           "{steps}, about {seconds} s left for it{then}").format(
                network=network, epoch=event.epoch, epochs=event.epochs, step=event.step,
                steps=event.steps, seconds=f"{event.eta_s:.0f}", then=then)
        elif kind == "shifting":
            said = translate("VersusPage", "Shift test of {network}: {pixels} pixels…").format(
                network=details[0], pixels=details[1])
        elif kind == "failed":
            said = translate("VersusPage", "Training failed: {error}").format(error=details[0])
        elif kind == "done":
            said = translate("VersusPage", "Done: test accuracy {results}.").format(
                results=", ".join(f"{name} {scores[0]:.1%}"
                                  for name, scores in self.result.scores.items()))
        else:
            said = {"idle": translate("VersusPage", "Press <i>Train both</i>."),
                    "loading": translate("VersusPage", "Loading the data…"),
                    "stopped": translate("VersusPage", "Stopped before both networks were "
                                                       "trained and tested.")}[kind]
        self.status.setText(said)

    def retranslate(self) -> None:
        self.box.setTitle(translate("VersusPage", "Same data, same optimiser"))
        self.form.retranslate()
        self.train_button.setText(translate("VersusPage", "Train both"))
        self.train_button.setToolTip(translate(
            "VersusPage", "Train the DMLP, then LeNet-5, with the same images, optimiser (SGD "
            "with momentum 0.9, cosine schedule), batch size and seed; then shift-test both"))
        self.stop_button.setText(translate("VersusPage", "Stop"))
        self.stop_button.setToolTip(translate("VersusPage", "Stop training"))
        self.progress.setToolTip(translate("VersusPage", "Batches trained of both networks "
                                                         "together"))
        self._say()
        self.longer_run.setText(translate("VersusPage", text.LONGER_RUN))
        for i, title in enumerate(TAB_TITLES):
            self.tabs.setTabText(i, translate("VersusPage", title))
        for plot, title, axis in (
                (self.loss_plot, translate("VersusPage", "Training loss per batch (smoothed)"),
                 translate("VersusPage", "batch")),
                (self.accuracy_plot, translate("VersusPage", "Test accuracy per epoch"),
                 translate("VersusPage", "epoch")),
                (self.shift_plot, translate("VersusPage", "Accuracy on shifted test images"),
                 translate("VersusPage", "shift (pixels; mean of right, left, down, up)"))):
            plot.setTitle(title)
            plot.setLabel("bottom", axis)
        self.table.setHorizontalHeaderLabels([
            translate("VersusPage", "network"), translate("VersusPage", "layer"),
            translate("VersusPage", "parameters"), translate("VersusPage", "share"),
            translate("VersusPage", "MACs per image"), translate("VersusPage", "share")])
        self.table.setToolTip(translate(
            "VersusPage", "Every layer with weights: how many it holds and how many "
            "multiply-accumulates it does per image, with its share of its network's total as a "
            "bar"))
        self.intro.setText(translate("VersusPage", text.INTRO))
        for name, title in VIEW_TITLES.items():
            self.views[name].set_title(translate("VersusPage", title))
        self.kernels.set_title(translate("VersusPage", "LeNet-5 conv1: 6 kernels of 5×5, each "
                                                       "used everywhere"))
        self.units.set_title(translate("VersusPage", "DMLP first layer: 8 units' 784 weights as "
                                                     "28×28 images"))
        self._fill_table()
        if self.result is None:
            self.shift_summary.setText(translate("VersusPage", "The shift test runs after "
                                                               "training."))
            self.sharing.setText(translate("VersusPage", "Train both networks to compare their "
                                                         "first layers."))
        self._show_result()

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

