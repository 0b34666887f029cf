"""The CNN vs MLP page's three tabs: training and parameters, the shift test, weight sharing.
Each shows what the page hands it and sets its own texts (context "VersusPage")."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGridLayout, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from core.compare import NETWORKS, SHIFTS, shifted, weighted_layers
from core.inside import classify
from core.layers import Conv2d, Linear
from core.zoo import ACTIVATIONS
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.pages.tiny_net.text import layer_of
from gui.pages.versus import text
from gui.widgets.controls import rich_label, roomy_header
from gui.widgets.image_panel import DIVERGING, ImagePanel, symmetric_levels
from gui.widgets.mosaic import tile
from gui.widgets.share_bar import ShareDelegate, share_item
from gui.widgets.training_plots import quiet_grid, smoothed

COLOURS = {"DMLP": "#e65100", "LeNet-5": "#1565c0"}
VIEW_TITLES = {
    "original": QT_TRANSLATE_NOOP("VersusPage", "test image"),
    "moved": QT_TRANSLATE_NOOP("VersusPage", "shifted"),
    "conv_original": QT_TRANSLATE_NOOP("VersusPage", "LeNet-5 conv1 map"),
    "conv_moved": QT_TRANSLATE_NOOP("VersusPage", "… of the shifted image"),
    "dense_original": QT_TRANSLATE_NOOP("VersusPage", "DMLP: first 64 units"),
    "dense_moved": QT_TRANSLATE_NOOP("VersusPage", "… of the shifted image"),
}


def plot(name: str, legend=(-5, 5)) -> pg.PlotWidget:
    """A plot with a legend in a corner the curves leave free (offset: negative from the right
    or bottom); its title and axis label come with its tab's ``retranslate``."""
    widget = pg.PlotWidget()
    widget.setObjectName(name)
    quiet_grid(widget)
    widget.addLegend(offset=legend, brush=(255, 255, 255, 200))
    return widget


def curves(widget: pg.PlotWidget, symbol=None) -> dict:
    """A curve per network, in its colour, named in the legend."""
    return {name: widget.plot(pen=pg.mkPen(COLOURS[name], width=2), symbol=symbol,
                              symbolBrush=COLOURS[name], symbolPen=COLOURS[name], name=name)
            for name in NETWORKS}


def first_response(model, image: np.ndarray) -> np.ndarray:
    """The output of the model's first activation layer for a picture: what its first layer
    of units passes on (LeNet-5: 6 maps of 28×28 after BN and tanh; DMLP: 64 values)."""
    return next(stage.output for stage in classify(model, image).stages
                if type(stage.layer) in ACTIVATIONS.values())


class TrainingTab(Translated, QWidget):
    """Both networks' curves while they train, and where each spends its parameters and
    multiply-accumulates."""

    def __init__(self):
        super().__init__()
        self.loss_plot = plot("versus_loss")
        self.loss_curves = curves(self.loss_plot)
        self.accuracy_plot = plot("versus_accuracy", legend=(5, 5))
        self.accuracy_curves = curves(self.accuracy_plot, symbol="o")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("versus_layers")
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        roomy_header(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            self.table.setItemDelegateForColumn(column, ShareDelegate(self.table))
        self.table.setMinimumHeight(9 * 22 + 28)
        self.totals = rich_label("versus_totals")
        self.intro = rich_label("versus_intro")
        grid = QGridLayout(self)
        grid.addWidget(self.intro, 0, 0, 1, 2)
        grid.addWidget(self.loss_plot, 1, 0)
        grid.addWidget(self.accuracy_plot, 1, 1)
        grid.addWidget(self.table, 2, 0, 1, 2)
        grid.addWidget(self.totals, 3, 0, 1, 2)
        grid.setRowStretch(1, 1)
        self.models: dict = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.loss_plot.setTitle(translate("VersusPage", "Training loss per batch (smoothed)"))
        self.loss_plot.setLabel("bottom", translate("VersusPage", "batch"))
        self.accuracy_plot.setTitle(translate("VersusPage", "Test accuracy per epoch"))
        self.accuracy_plot.setLabel("bottom", translate("VersusPage", "epoch"))
        self.table.setHorizontalHeaderLabels([
            translate("VersusPage", "network"), translate("VersusPage", "layer"),
            translate("VersusPage", "parameters"), translate("VersusPage", "share"),
            translate("VersusPage", "MACs per image"), translate("VersusPage", "share")])
        self.table.setToolTip(translate(
            "VersusPage", "Every layer with weights: how many it holds and how many "
            "multiply-accumulates it does per image, with its share of its network's total as a "
            "bar"))
        self.intro.setText(translate("VersusPage", text.INTRO))
        if self.models:
            self.totals.setText(text.totals(self.models))

    def show_models(self, models: dict) -> None:
        """Each weighted layer of both networks, with its share of its network's totals."""
        self.models = models
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

    def show_curves(self, losses: dict, accuracies: dict) -> None:
        for name in NETWORKS:
            self.loss_curves[name].setData(smoothed(np.asarray(losses[name])))
            self.accuracy_curves[name].setData(np.arange(1, len(accuracies[name]) + 1),
                                               accuracies[name])


class ShiftTab(Translated, QWidget):
    """Accuracy on shifted test images, and one image shifted for both networks' first
    layers."""

    def __init__(self):
        super().__init__()
        self.shift_plot = plot("shift_plot")
        self.shift_plot.setXRange(SHIFTS[0] - 0.2, SHIFTS[-1] + 0.2, padding=0)
        self.shift_curves = curves(self.shift_plot, symbol="o")
        self.shift_summary = rich_label("shift_summary")
        self.views = {name: ImagePanel(min_size=(96, 80)) for name in VIEW_TITLES}
        self.comparison = rich_label("response_comparison")
        grid = QGridLayout()
        for column, (top, bottom) in enumerate((("original", "moved"),
                                                ("conv_original", "conv_moved"),
                                                ("dense_original", "dense_moved"))):
            grid.addWidget(self.views[top], 0, column)
            grid.addWidget(self.views[bottom], 1, column)
        layout = QGridLayout(self)
        layout.addWidget(self.shift_plot, 0, 0)
        layout.addWidget(self.shift_summary, 1, 0)
        layout.addLayout(grid, 0, 1)
        layout.addWidget(self.comparison, 1, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        layout.setRowStretch(0, 1)
        self.shown: tuple | None = None  # (scores, responses, shift) on display
        self.retranslate()

    def retranslate(self) -> None:
        self.shift_plot.setTitle(translate("VersusPage", "Accuracy on shifted test images"))
        self.shift_plot.setLabel("bottom", translate("VersusPage", "shift (pixels; mean of "
                                                                   "right, left, down, up)"))
        self.shift_summary.setText(translate("VersusPage", "The shift test runs after "
                                                           "training."))
        for name, title in VIEW_TITLES.items():
            self.views[name].set_title(translate("VersusPage", title))
        self._say()

    def display(self, models: dict, scores: dict, image: np.ndarray, config) -> None:
        """The shift test's ``scores``, and ``image`` moved by ``config.shift`` pixels."""
        for name in NETWORKS:
            self.shift_curves[name].setData(list(SHIFTS), scores[name])
        self.shift_plot.setYRange(0, 1, padding=0.02)
        moved = shifted(image[None], 0, config.shift)[0]
        self.views["original"].set_image(image, (0, 255))
        self.views["moved"].set_image(moved, (0, 255))
        responses = {key: (first_response(models["LeNet-5"], picture),
                           first_response(models["DMLP"], picture))
                     for key, picture in (("original", image), ("moved", moved))}
        maps = [conv[config.channel] for conv, _ in responses.values()]
        levels = symmetric_levels(np.stack(maps))
        units = [dense.reshape(8, -1) for _, dense in responses.values()]
        unit_levels = symmetric_levels(np.stack(units))
        for key, conv_map, unit_grid in zip(("original", "moved"), maps, units):
            self.views[f"conv_{key}"].set_image(conv_map, levels, DIVERGING)
            self.views[f"dense_{key}"].set_image(unit_grid, unit_levels, DIVERGING)
        self.shown = (scores, responses, config.shift)
        self._say()

    def _say(self) -> None:
        """The measured texts of what is on display, in the current language."""
        if self.shown is None:
            return
        scores, responses, shift = self.shown
        self.shift_summary.setText(text.shift_summary(scores))
        self.comparison.setText(text.response_comparison(
            responses["original"][0], responses["moved"][0], responses["original"][1],
            responses["moved"][1], shift))


class SharingTab(Translated, QWidget):
    """LeNet-5's conv1 kernels beside the DMLP's first-layer weights."""

    def __init__(self):
        super().__init__()
        self.kernels = ImagePanel(colorbar=True, min_size=(200, 160))
        self.units = ImagePanel(colorbar=True, min_size=(200, 160))
        self.sharing = rich_label("sharing_caption")
        layout = QGridLayout(self)
        layout.addWidget(self.kernels, 0, 0)
        layout.addWidget(self.units, 0, 1)
        layout.addWidget(self.sharing, 1, 0, 1, 2)
        layout.setRowStretch(0, 1)
        self.shown: tuple | None = None  # (conv1 kernels, first-layer weights) on display
        self.retranslate()

    def retranslate(self) -> None:
        self.kernels.set_title(translate("VersusPage", "LeNet-5 conv1: 6 kernels of 5×5, each "
                                                       "used everywhere"))
        self.units.set_title(translate("VersusPage", "DMLP first layer: 8 units' 784 weights as "
                                                     "28×28 images"))
        if self.shown is None:
            self.sharing.setText(translate("VersusPage", "Train both networks to compare their "
                                                         "first layers."))
        else:
            self.sharing.setText(text.sharing_caption(*self.shown))

    def display(self, models: dict) -> None:
        kernels = layer_of(models["LeNet-5"], Conv2d).weight.data.copy()
        hidden = layer_of(models["DMLP"], Linear).weight.data.copy()
        self.shown = (kernels, hidden)
        self.kernels.set_image(tile(kernels[:, 0], columns=3)[0],
                               symmetric_levels(kernels), DIVERGING)
        self.units.set_image(tile(hidden[:8].reshape(8, 28, 28), columns=4)[0],
                             symmetric_levels(hidden[:8]), DIVERGING)
        self.sharing.setText(text.sharing_caption(kernels, hidden))
