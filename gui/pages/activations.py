"""The activations page: the lesson's 2×2 plot, derivatives, and the effect on a feature map."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core import zoo
from core.layers import LeakyReLU
from gui import choices
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.pages.base import Page
from gui.widgets.controls import rich_label
from gui.widgets.form import Check, Choice, Float, Form
from gui.widgets.image_panel import DIVERGING, ImagePanel, symmetric_levels
from gui.widgets.mosaic import tile
from gui.widgets.veil import Veilable

ORDER = ("relu", "leaky_relu", "sigmoid", "tanh")  # the lesson's 2×2 grid
X_DENSE = np.linspace(-10, 10, 401)
X_LESSON = np.arange(-10, 10, dtype=np.float64)  # the lesson's x = −10, −9, …, 9


@dataclass(frozen=True)
class ActivationsConfig:
    derivatives: bool = True  # saturation is what the page is about: show it from the start
    slope: float = 0.1
    apply: str = "relu"


FIELDS = (
    Check("derivatives", QT_TRANSLATE_NOOP("ActivationsPage", "Show derivatives"),
          QT_TRANSLATE_NOOP("ActivationsPage", "Draw f'(x) (dashed): what backpropagation "
                            "multiplies by")),
    Float("slope", QT_TRANSLATE_NOOP("ActivationsPage", "LeakyReLU slope"),
          QT_TRANSLATE_NOOP("ActivationsPage", "LeakyReLU's slope for x < 0 (the lesson uses "
                            "0.1)"), 0.0, 1.0, 0.01, 2),
    Choice("apply", QT_TRANSLATE_NOOP("ActivationsPage", "Apply to feature maps"),
           QT_TRANSLATE_NOOP("ActivationsPage", "The activation applied to the current feature "
                             "maps"), {k: choices.ACTIVATIONS[k] for k in ORDER}),
)


class Applied(NamedTuple):
    """What the activation did to the maps on display (the numbers its texts quote)."""

    name: str
    count: int
    low: float
    high: float
    after_low: float
    after_high: float
    zeros: float   # share of outputs exactly 0
    small: float   # share of derivatives below 0.05


def make_layer(name: str, slope: float):
    return LeakyReLU(slope) if name == "leaky_relu" else zoo.ACTIVATIONS[name]()


def value_and_derivative(name: str, slope: float, x: np.ndarray):
    """f(x) and f'(x) from the core layer itself: backward of ones is the derivative."""
    layer = make_layer(name, slope)
    y = layer.forward(x)
    return y, layer.backward(np.ones_like(x))


def y_range(name: str, slope: float) -> tuple[float, float]:
    """A fixed vertical range that shows the whole curve and its derivative on x ∈ [−10, 10]."""
    return {"relu": (-1.0, 10.5), "leaky_relu": (min(-1.0, -10.5 * slope), 10.5),
            "sigmoid": (-0.05, 1.05), "tanh": (-1.1, 1.1)}[name]


class ActivationsPage(Translated, Page):
    title = QT_TRANSLATE_NOOP("Pages", "Activations")
    key = "activations"
    tagline = QT_TRANSLATE_NOOP("Pages", "ReLU, LeakyReLU, sigmoid, tanh and their derivatives")
    Config = ActivationsConfig

    def __init__(self, workspace, config: ActivationsConfig | None = None):
        super().__init__()
        self.workspace = workspace
        self.shown: Applied | None = None  # what the maps on display gave
        self.controls = controls = QGroupBox()
        form_layout = QFormLayout(controls)
        self.form = Form(FIELDS, ActivationsConfig(), form_layout, self, "ActivationsPage")
        self.blurb = rich_label("blurb", selectable=False)
        form_layout.addRow(self.blurb)
        controls.setFixedWidth(300)
        self.curves = pg.GraphicsLayoutWidget()
        self.curves.setObjectName("curves")
        self.curves.setMinimumHeight(330)
        self.plots, self.items = {}, {}
        for i, name in enumerate(ORDER):
            plot = self.curves.addPlot(row=i // 2, col=i % 2, title=choices.ACTIVATIONS[name])
            plot.showGrid(x=True, y=True, alpha=0.3)
            plot.setMouseEnabled(False, False)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setXRange(-10, 10, padding=0.02)
            plot.addLine(x=0, pen=pg.mkPen("#bbb"))
            plot.addLine(y=0, pen=pg.mkPen("#bbb"))
            curve = plot.plot(pen=pg.mkPen("#1565c0", width=2))
            points = plot.plot(pen=None, symbol="o", symbolSize=5, symbolBrush="#1565c0")
            derivative = plot.plot(pen=pg.mkPen("#e65100", width=2, style=Qt.PenStyle.DashLine))
            self.plots[name], self.items[name] = plot, (curve, points, derivative)
        self.histogram = pg.PlotWidget()
        self.histogram.setObjectName("histogram")
        self.histogram_legend = self.histogram.addLegend(offset=(-5, 5),
                                                         brush=(255, 255, 255, 200))
        self.before_bars = pg.BarGraphItem(x0=[], x1=[], height=[], brush="#1565c088")
        self.after_bars = pg.BarGraphItem(x0=[], x1=[], height=[], brush="#e6510088")
        self.histogram.addItem(self.before_bars)
        self.histogram.addItem(self.after_bars)
        self.after_view = ImagePanel(colorbar=True)
        self.summary = rich_label("summary", selectable=False)
        effect = QWidget()  # what the activation does to the maps: veiled while predicted
        bottom = QHBoxLayout()
        bottom.addWidget(self.histogram, 1)
        bottom.addWidget(self.after_view, 1)
        effect_layout = QVBoxLayout(effect)
        effect_layout.setContentsMargins(0, 0, 0, 0)
        effect_layout.addLayout(bottom, 1)
        effect_layout.addWidget(self.summary)
        self.veils = {"effect": Veilable(effect)}
        right = QVBoxLayout()
        self.legend = rich_label("legend", selectable=False)
        right.addWidget(self.legend)
        right.addWidget(self.curves, 1)
        self.applied = QLabel()
        right.addWidget(self.applied)
        right.addWidget(self.veils["effect"], 1)
        layout = QHBoxLayout(self)
        layout.addWidget(controls)
        layout.addLayout(right, 1)
        self.form.changed.connect(self._changed)
        self.set_config(config or ActivationsConfig())
        workspace.changed.connect(self._apply)
        self.retranslate()

    def retranslate(self) -> None:
        self.controls.setTitle(translate("ActivationsPage", "Settings"))
        self.form.retranslate()
        self.histogram.setTitle(translate("ActivationsPage", "How many values, before and "
                                                             "after"))
        self.histogram.setLabel("bottom", translate("ActivationsPage", "value"))
        self.histogram.setLabel("left", translate("ActivationsPage", "count"))
        self.histogram_legend.clear()
        self.histogram_legend.addItem(self.before_bars, translate("ActivationsPage", "before"))
        self.histogram_legend.addItem(self.after_bars, translate("ActivationsPage", "after"))
        self.after_view.set_title(translate("ActivationsPage", "Feature maps after the "
                                                               "activation"))
        self.legend.setText(translate(
            "ActivationsPage", "Solid blue: f(x); dots: the lesson's x = −10, −9, …, 9; dashed "
            "orange: the derivative f′(x), what backprop multiplies by — near 0 where the "
            "function saturates."))
        self.applied.setText(translate("ActivationsPage", "<b>Applied to the convolution page's "
                                                          "current feature maps</b>"))
        self._say_applied()

    def config(self) -> ActivationsConfig:
        return ActivationsConfig(**self.form.values())

    def set_config(self, config: ActivationsConfig) -> None:
        self.form.set_values(config)
        self._plot()
        self._apply()

    def _changed(self, name: str) -> None:
        if name in ("derivatives", "slope"):
            self._plot()
        if name in ("slope", "apply"):
            self._apply()

    def _plot(self) -> None:
        config = self.config()
        for name, (curve, points, derivative) in self.items.items():
            y, dy = value_and_derivative(name, config.slope, X_DENSE)
            curve.setData(X_DENSE, y)
            points.setData(X_LESSON, value_and_derivative(name, config.slope, X_LESSON)[0])
            derivative.setData(X_DENSE, dy)
            derivative.setVisible(config.derivatives)
            self.plots[name].setYRange(*y_range(name, config.slope), padding=0)
        for name, ticks in (("sigmoid", (0, 0.25, 0.5, 0.75, 1)), ("tanh", (-1, -0.5, 0, 0.5, 1))):
            # the saturation levels are labelled
            self.plots[name].getAxis("left").setTicks([[(t, f"{t:g}") for t in ticks]])

    def _apply(self) -> None:
        config = self.config()
        maps = self.workspace.maps.astype(np.float64)
        after, slope = value_and_derivative(config.apply, config.slope, maps)
        lo = float(min(maps.min(), after.min()))
        hi = float(max(maps.max(), after.max()))
        edges = np.linspace(lo, hi if hi > lo else lo + 1, 41)
        for bars, values in ((self.before_bars, maps), (self.after_bars, after)):
            counts, _ = np.histogram(values, edges)
            bars.setOpts(x0=edges[:-1], x1=edges[1:], height=counts)
        self.after_view.set_image(tile(after.astype(np.float32))[0], symmetric_levels(after),
                                  DIVERGING)
        self.shown = Applied(config.apply, maps.size, maps.min(), maps.max(), after.min(),
                             after.max(), float(np.mean(after == 0)),
                             float(np.mean(slope < 0.05)))
        self._say_applied()

    def _say_applied(self) -> None:
        """The texts about the maps on display (again in another language)."""
        shown = self.shown
        if shown is None:
            return
        self.blurb.setText(choices.say(choices.ACTIVATION_FORMULAS[shown.name]))
        zeros = translate("ActivationsPage", "{share} of the outputs are exactly 0 (no gradient "
                          "flows back through them); ").format(
            share=f"{shown.zeros:.0%}") if shown.name == "relu" else ""
        self.summary.setText(translate(
            "ActivationsPage", "{maps}: {count} values in [{low}, {high}] → [{after_low}, "
            "{after_high}]. {zeros}{small} of the values have a derivative below 0.05: little "
            "gradient gets back through them.").format(
            maps=str(self.workspace.description), count=f"{shown.count:,}", low=f"{shown.low:.3g}",
            high=f"{shown.high:.3g}", after_low=f"{shown.after_low:.3g}",
            after_high=f"{shown.after_high:.3g}", zeros=zeros, small=f"{shown.small:.0%}"))
