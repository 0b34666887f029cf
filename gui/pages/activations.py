"""The activations page: the lesson's 2×2 plot, derivatives, and the effect on a feature map."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.layers import LeakyReLU, ReLU, Sigmoid, Tanh
from gui.widgets.controls import combo, double_spin
from gui.widgets.image_panel import DIVERGING, ImagePanel, symmetric_levels

NAMES = ("ReLU", "LeakyReLU", "sigmoid", "tanh")
BLURBS = {
    "ReLU": "max(0, x): cheap, and its gradient is 1 for every positive input.",
    "LeakyReLU": "max(slope·x, x): negative inputs keep a small gradient.",
    "sigmoid": "1/(1 + e⁻ˣ) ∈ (0, 1): saturates — the gradient is at most 1/4 and vanishes "
               "for large |x|.",
    "tanh": "tanh(x) ∈ (−1, 1) is centred on 0 and saturates like the sigmoid "
            "(gradient ≤ 1).",
}


@dataclass(frozen=True)
class ActivationsConfig:
    derivatives: bool = False
    slope: float = 0.1
    apply: str = "ReLU"


def make_layer(name: str, slope: float):
    return {"ReLU": ReLU, "sigmoid": Sigmoid, "tanh": Tanh}[name]() if name != "LeakyReLU" \
        else LeakyReLU(slope)


def value_and_derivative(name: str, slope: float, x: np.ndarray):
    """f(x) and f'(x) from the core layer itself: backward of ones is the derivative."""
    layer = make_layer(name, slope)
    y = layer.forward(x)
    return y, layer.backward(np.ones_like(x))


class ActivationsPage(QWidget):
    title = "Activations"
    Config = ActivationsConfig
    statusMessage = Signal(str)

    def __init__(self, workspace, config: ActivationsConfig | None = None):
        super().__init__()
        self.workspace = workspace
        self._build()
        self.set_config(config or ActivationsConfig())
        workspace.changed.connect(self._apply)

    def _build(self) -> None:
        controls = QGroupBox("Settings")
        form = QFormLayout(controls)
        self.derivatives = QCheckBox("Show derivatives")
        self.derivatives.setObjectName("derivatives")
        self.derivatives.setToolTip("Draw f'(x) (dashed): what backpropagation multiplies by")
        self.slope = double_spin(0.0, 1.0, 0.1, 0.01, 2, "LeakyReLU's slope for x < 0 (the "
                                 "lesson uses 0.1)", "slope")
        self.apply = combo(NAMES, "ReLU", "The activation applied to the current feature maps",
                           "apply")
        form.addRow(self.derivatives)
        form.addRow("LeakyReLU slope", self.slope)
        form.addRow("Apply to feature maps", self.apply)
        self.blurb = QLabel()
        self.blurb.setWordWrap(True)
        form.addRow(self.blurb)
        controls.setMaximumWidth(330)
        self.derivatives.toggled.connect(self._plot)
        self.slope.valueChanged.connect(self._plot)
        self.slope.valueChanged.connect(self._apply)
        self.apply.currentIndexChanged.connect(self._apply)

        self.curves = pg.GraphicsLayoutWidget()
        self.curves.setObjectName("curves")
        self.items = {}
        x_dense = np.linspace(-10, 10, 401)
        for i, name in enumerate(NAMES):
            plot = self.curves.addPlot(row=i // 2, col=i % 2, title=name)
            plot.showGrid(x=True, y=True, alpha=0.3)
            plot.addLine(x=0, pen=pg.mkPen("#bbb"))
            plot.addLine(y=0, pen=pg.mkPen("#bbb"))
            curve = plot.plot(pen=pg.mkPen("#1565c0", width=2), name="f(x)")
            points = plot.plot(pen=None, symbol="o", symbolSize=5, symbolBrush="#1565c0")
            derivative = plot.plot(pen=pg.mkPen("#e65100", width=2, style=Qt.PenStyle.DashLine))
            self.items[name] = (curve, points, derivative)
        self._x_dense, self._x_points = x_dense, np.arange(-10, 10, dtype=np.float64)

        self.before = pg.PlotWidget(title="Values before (blue) and after (orange)")
        self.before.setObjectName("histogram")
        self.before_bars = pg.BarGraphItem(x0=[], x1=[], height=[], brush="#1565c088")
        self.after_bars = pg.BarGraphItem(x0=[], x1=[], height=[], brush="#e6510088")
        self.before.addItem(self.before_bars)
        self.before.addItem(self.after_bars)
        self.before.setLabel("bottom", "value")
        self.before.setLabel("left", "count")
        self.after_view = ImagePanel("Feature maps after the activation", colorbar=True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        bottom = QHBoxLayout()
        bottom.addWidget(self.before, 1)
        bottom.addWidget(self.after_view, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel("Solid blue: f(x); dots: the lesson's x = −10, −9, …, 9; "
                               "dashed orange: the derivative f′(x) (tick the box)."))
        right.addWidget(self.curves, 5)
        right.addWidget(QLabel("<b>Applied to the convolution page's current feature maps"
                               "</b>"))
        right.addLayout(bottom, 3)
        right.addWidget(self.summary)
        layout = QHBoxLayout(self)
        layout.addWidget(controls)
        layout.addLayout(right, 1)

    def config(self) -> ActivationsConfig:
        return ActivationsConfig(self.derivatives.isChecked(), self.slope.value(),
                                 self.apply.currentText())

    def set_config(self, config: ActivationsConfig) -> None:
        for widget, setter, value in ((self.derivatives, "setChecked", config.derivatives),
                                      (self.slope, "setValue", config.slope),
                                      (self.apply, "setCurrentText", config.apply)):
            widget.blockSignals(True)
            getattr(widget, setter)(value)
            widget.blockSignals(False)
        self._plot()
        self._apply()

    def _plot(self) -> None:
        slope = self.slope.value()
        for name, (curve, points, derivative) in self.items.items():
            y, dy = value_and_derivative(name, slope, self._x_dense)
            curve.setData(self._x_dense, y)
            points.setData(self._x_points, value_and_derivative(name, slope, self._x_points)[0])
            derivative.setData(self._x_dense, dy)
            derivative.setVisible(self.derivatives.isChecked())

    def _apply(self) -> None:
        name = self.apply.currentText()
        self.blurb.setText(BLURBS[name])
        maps = self.workspace.maps.astype(np.float64)
        after, slope = value_and_derivative(name, self.slope.value(), maps)
        lo = float(min(maps.min(), after.min()))
        hi = float(max(maps.max(), after.max()))
        edges = np.linspace(lo, hi if hi > lo else lo + 1, 41)
        for bars, values in ((self.before_bars, maps), (self.after_bars, after)):
            counts, _ = np.histogram(values, edges)
            bars.setOpts(x0=edges[:-1], x1=edges[1:], height=counts)
        from gui.widgets.mosaic import tile

        mosaic, _ = tile(after.astype(np.float32))
        self.after_view.set_image(mosaic, symmetric_levels(after), DIVERGING)
        small = float(np.mean(slope < 0.05))
        zeros = (f"{float(np.mean(after == 0)):.0%} of the outputs are exactly 0 (no gradient "
                 "flows back through them); " if name == "ReLU" else "")
        self.summary.setText(
            f"{self.workspace.description}: {maps.size:,} values in [{maps.min():.3g}, "
            f"{maps.max():.3g}] → [{after.min():.3g}, {after.max():.3g}]. {zeros}"
            f"{small:.0%} of the values have a derivative below 0.05: little gradient gets "
            "back through them.")

    def shutdown(self) -> None:
        pass
