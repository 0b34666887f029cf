"""What a network makes of one image: a panel per stage, and its class probabilities."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGridLayout, QWidget

from gui.widgets.image_panel import DIVERGING, GRAY, ImagePanel, symmetric_levels
from gui.widgets.mosaic import tile

# Outputs of these layers are worth a look; the others (conv before its BatchNorm, flatten,
# dropout) repeat a neighbour.
SHOWN = ("Tanh", "ReLU", "LeakyReLU", "Sigmoid", "MaxPool2d", "AvgPool2d")


def stages_to_show(outputs) -> list[tuple[str, np.ndarray]]:
    """Pick the stages to draw from ((layer repr, output), ...) of a whole network."""
    chosen = []
    for i, (name, out) in enumerate(outputs):
        if name.split("(")[0] in SHOWN:
            chosen.append((f"{i}: {name.split('(')[0]} → {'×'.join(map(str, out.shape))}", out))
    return chosen


def as_picture(out: np.ndarray) -> np.ndarray:
    """(C, H, W) → a mosaic; a vector of n values → a near-square block."""
    if out.ndim == 3 and out.shape[1] * out.shape[2] > 1:
        return tile(out)[0]
    flat = out.reshape(-1)
    columns = int(np.ceil(np.sqrt(flat.size)))
    padded = np.zeros(columns * int(np.ceil(flat.size / columns)), np.float32)
    padded[:flat.size] = flat
    return padded.reshape(-1, columns)


class LayerViews(QWidget):
    """The input, a panel per interesting stage, and a bar chart of the class probabilities."""

    def __init__(self, columns: int = 4, chart_in_grid: bool = True):
        super().__init__()
        self.columns, self.chart_in_grid = columns, chart_in_grid
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.input_panel = ImagePanel("Input (as the network sees it)")
        self.grid.addWidget(self.input_panel, 0, 0)
        self.panels: list[ImagePanel] = []
        self.chart = pg.PlotWidget(title="Class probabilities")
        self.chart.setObjectName("probabilities")
        self.chart.setXRange(0, 1)
        self.chart.setYRange(-0.5, 9.5)
        self.chart.getViewBox().invertY(True)  # class 0 at the top, like a list
        self.chart.setMouseEnabled(False, False)
        self.bars = pg.BarGraphItem(x0=0, y=np.arange(10), width=np.zeros(10), height=0.7,
                                    brush="#1565c0")  # horizontal bars: names stay readable
        self.chart.addItem(self.bars)
        self.probabilities = np.zeros(10)

    def set_classes(self, names) -> None:
        self.chart.getAxis("left").setTicks([[(i, n) for i, n in enumerate(names)]])

    def display(self, image: np.ndarray, outputs, probabilities: np.ndarray) -> None:
        """``image`` (H, W); ``outputs`` ((layer repr, output), ...); ``probabilities`` (10,)."""
        self.input_panel.set_image(image, (float(image.min()), float(image.max()) + 1e-6), GRAY)
        stages = stages_to_show(outputs)
        while len(self.panels) < len(stages):
            panel = ImagePanel("", colorbar=False)
            self.panels.append(panel)
            index = len(self.panels)
            self.grid.addWidget(panel, index // self.columns, index % self.columns)
        for panel, (title, out) in zip(self.panels, stages):
            panel.set_title(title)
            panel.set_image(as_picture(out), symmetric_levels(out), DIVERGING)
            panel.setVisible(True)
        for panel in self.panels[len(stages):]:
            panel.setVisible(False)
        if self.chart_in_grid:
            index = len(stages) + 1
            self.grid.addWidget(self.chart, index // self.columns, index % self.columns)
        self.probabilities = np.asarray(probabilities, dtype=np.float64)
        best = int(np.argmax(self.probabilities))
        brushes = ["#e65100" if i == best else "#1565c0" for i in range(len(probabilities))]
        self.bars.setOpts(x0=0, y=np.arange(len(probabilities)), width=self.probabilities,
                          brushes=brushes)
