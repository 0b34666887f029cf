"""What a network makes of one image: a panel per stage, and its class probabilities."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from core.inside import Inside
from core.layers import AvgPool2d, LeakyReLU, MaxPool2d, ReLU, Sigmoid, Tanh
from gui.choices import class_names
from gui.i18n import Translated, translate
from gui.widgets.image_panel import DIVERGING, GRAY, ImagePanel, symmetric_levels
from gui.widgets.mosaic import as_picture, locate

# Outputs of these layers are worth a look; the others (a convolution before its BatchNorm,
# flatten, dropout) repeat a neighbour.
SHOWN = (Tanh, ReLU, LeakyReLU, Sigmoid, MaxPool2d, AvgPool2d)
PANEL = (96, 90)  # a stage's smallest picture: the grid fits beside the lesson panel


def stages_to_show(inside: Inside) -> list:
    """The stages worth drawing."""
    return [s for s in inside.stages if isinstance(s.layer, SHOWN)]


def stage_title(stage) -> str:
    return f"{stage.index}: {type(stage.layer).__name__} {'×'.join(map(str, stage.output.shape))}"


class LayerViews(Translated, QWidget):
    """The input as the network sees it, then a panel per interesting stage, in a grid.

    Clicking a unit emits ``unitClicked(stage index, channel, y, x)`` (y = x = 0 for the units
    of a vector)."""

    unitClicked = Signal(int, int, int, int)

    def __init__(self, columns: int = 4):
        super().__init__()
        self.columns = columns
        self.stages: list = []  # what each panel shows
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.input_panel = ImagePanel(min_size=PANEL)
        self.grid.addWidget(self.input_panel, 0, 0)
        self.panels: list[ImagePanel] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.input_panel.set_title(translate("LayerViews", "Input (as the network sees it)"))

    def display(self, inside: Inside) -> None:
        image = inside.input[0]
        self.input_panel.set_image(image, (float(image.min()), float(image.max()) + 1e-6), GRAY)
        self.stages = stages = stages_to_show(inside)
        while len(self.panels) < len(stages):
            panel = ImagePanel("", min_size=PANEL)
            number = len(self.panels)
            panel.pixelClicked.connect(lambda row, col, k=number: self._clicked(k, row, col))
            self.panels.append(panel)
            self.grid.addWidget(panel, (number + 1) // self.columns,
                                (number + 1) % self.columns)
        for panel, stage in zip(self.panels, stages):
            panel.set_title(stage_title(stage))
            panel.set_image(as_picture(stage.output), symmetric_levels(stage.output), DIVERGING)
            panel.setVisible(True)
        for panel in self.panels[len(stages):]:
            panel.setVisible(False)


    def _clicked(self, number: int, row: int, col: int) -> None:
        stage = self.stages[number]
        unit = locate(stage.output, row, col)
        if unit is not None:
            self.unitClicked.emit(stage.index, *unit)

    def panel_of(self, stage_index: int) -> ImagePanel | None:
        for panel, stage in zip(self.panels, self.stages):
            if stage.index == stage_index:
                return panel
        return None


class ProbabilityChart(Translated, pg.PlotWidget):
    """Horizontal bars, one per class (names stay readable), the most likely one orange."""

    def __init__(self):
        super().__init__()
        self.names: list[str] = []
        self.setObjectName("probabilities")
        self.setMinimumSize(220, 210)
        self.setMouseEnabled(False, False)
        self.setMenuEnabled(False)
        self.hideButtons()
        view = self.getViewBox()
        view.invertY(True)  # class 0 at the top, like a list
        self.setXRange(0, 1, padding=0.06)
        self.setYRange(-0.6, 9.6, padding=0)
        self.getAxis("bottom").setTicks([[(v, f"{v:g}") for v in (0, 0.25, 0.5, 0.75, 1)]])
        self.bars = pg.BarGraphItem(x0=0, y=np.arange(10), width=np.zeros(10), height=0.7,
                                    brush="#1565c0")
        self.addItem(self.bars)
        self.probabilities = np.zeros(10)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("LayerViews", "Class probabilities<br>(orange: answer)"))
        if self.names:
            self.set_classes(self.names)

    def set_classes(self, names) -> None:
        """The classes' names (English: each is shown in the current language)."""
        self.names = list(names)
        self.getAxis("left").setTicks([[(i, n.split("/")[0])  # "T-shirt/top": "T-shirt"
                                        for i, n in enumerate(class_names(names))]])
        self.setYRange(-0.6, len(names) - 0.4, padding=0)

    def clear_answer(self) -> None:
        """No answer on display."""
        self.probabilities = np.zeros_like(self.probabilities)
        self.bars.setOpts(width=self.probabilities, brushes=["#1565c0"] * len(self.probabilities))

    def display(self, probabilities: np.ndarray) -> None:
        self.probabilities = np.asarray(probabilities, dtype=np.float64)
        best = int(np.argmax(self.probabilities))
        brushes = ["#e65100" if i == best else "#1565c0" for i in range(len(probabilities))]
        self.bars.setOpts(x0=0, y=np.arange(len(probabilities)), width=self.probabilities,
                          brushes=brushes)
