"""The pooling page: max / average pooling forward, and where the gradients go backward."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QWidget,
)

from core import functional as F
from core.functional import ShapeError
from core.layers import AvgPool2d, MaxPool2d
from gui.widgets.controls import combo, spin
from gui.widgets.image_panel import (
    COUNTS,
    DIVERGING,
    HIGHLIGHT,
    OUTLINE,
    ImagePanel,
    range_levels,
    symmetric_levels,
)


@dataclass(frozen=True)
class PoolingConfig:
    mode: str = "max"
    kernel: int = 2
    stride: int = 2
    padding: int = 0
    source: str = "feature map"
    channel: int = 0
    gradient: str = "ones"


class PoolingPage(QWidget):
    title = "Pooling"
    Config = PoolingConfig
    statusMessage = Signal(str)

    def __init__(self, workspace, config: PoolingConfig | None = None):
        super().__init__()
        self.workspace = workspace
        self.selected = (0, 0)  # output pixel whose window is highlighted
        self._build()
        self.set_config(config or PoolingConfig())
        workspace.changed.connect(self.recompute)

    def _build(self) -> None:
        box = QGroupBox("Pooling window")
        form = QFormLayout(box)
        self.mode = combo(["max", "average"], "max", "Max keeps the strongest response; average "
                          "smooths", "mode")
        self.kernel = spin(1, 8, 2, "Window size (square)", "kernel")
        self.stride = spin(1, 8, 2, "Step between windows; smaller than the window makes them "
                           "overlap", "stride")
        self.padding = spin(0, 4, 0, "Padding on each side (−∞ for max, 0 for average; at most "
                            "half the window)", "padding")
        self.source = combo(["feature map", "input"], "feature map", "Pool a feature map of the "
                            "convolution page, or its input", "source")
        self.channel = spin(0, 15, 0, "Which channel to pool", "channel")
        self.gradient = combo(["ones", "random"], "ones", "The gradient arriving at the pooled "
                              "output, to route back", "gradient")
        for label, widget in (("Mode", self.mode), ("Window", self.kernel),
                              ("Stride", self.stride), ("Padding", self.padding),
                              ("Pool", self.source), ("Channel", self.channel),
                              ("Output gradient", self.gradient)):
            form.addRow(label, widget)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d32f2f; font-weight: bold;")
        form.addRow(self.error)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.explain)
        for widget in (self.mode, self.source, self.gradient):
            widget.currentIndexChanged.connect(self.recompute)
        for widget in (self.kernel, self.stride, self.padding, self.channel):
            widget.valueChanged.connect(self.recompute)
        controls = QScrollArea()
        controls.setWidget(box)
        controls.setWidgetResizable(True)
        controls.setMinimumWidth(300)
        controls.setMaximumWidth(380)

        self.input_view = ImagePanel("Input to the pooling", caption="Click a pooled pixel "
                                     "(right) to see its window here.")
        self.output_view = ImagePanel("Pooled output")
        self.winners_view = ImagePanel("Winners: windows won by each input cell", colorbar=True,
                                       caption="Max pooling: only these cells receive gradient.")
        self.backward_view = ImagePanel("Backward: gradient reaching the input", colorbar=True,
                                        caption="With an output gradient of ones, max pooling "
                                                "sends back exactly the winners map.")
        self.col2im_view = ImagePanel("Convolution backward (col2im)", colorbar=True,
                                      caption="For comparison, a convolution with this window: "
                                      "its input gradient adds up the gradients of every patch "
                                      "covering a cell. With every patch gradient 1, the sum "
                                      "counts the patches.")
        grid = QGridLayout()
        for i, view in enumerate((self.input_view, self.output_view, self.winners_view,
                                  self.backward_view, self.col2im_view)):
            grid.addWidget(view, i // 3, i % 3)
        views = QWidget()
        views.setLayout(grid)
        self.output_view.pixelClicked.connect(self._select)
        layout = QHBoxLayout(self)
        layout.addWidget(controls)
        layout.addWidget(views, 1)

    def config(self) -> PoolingConfig:
        return PoolingConfig(self.mode.currentText(), self.kernel.value(), self.stride.value(),
                             self.padding.value(), self.source.currentText(),
                             self.channel.value(), self.gradient.currentText())

    def set_config(self, config: PoolingConfig) -> None:
        for widget, value in ((self.kernel, config.kernel), (self.stride, config.stride),
                              (self.padding, config.padding), (self.channel, config.channel)):
            widget.blockSignals(True)
            widget.setValue(value)
            widget.blockSignals(False)
        for widget, value in ((self.mode, config.mode), (self.source, config.source),
                              (self.gradient, config.gradient)):
            widget.blockSignals(True)
            widget.setCurrentText(value)
            widget.blockSignals(False)
        self.recompute()

    def _select(self, row: int, col: int) -> None:
        self.selected = (row, col)
        self.recompute()

    def recompute(self) -> None:
        config = self.config()
        maps = self.workspace.maps if config.source == "feature map" else self.workspace.input
        self.channel.setMaximum(maps.shape[0] - 1)
        x = maps[min(config.channel, maps.shape[0] - 1)][None, None].astype(np.float64)
        layer_type = MaxPool2d if config.mode == "max" else AvgPool2d
        try:
            layer = layer_type(config.kernel, config.stride, config.padding)
            out = layer.forward(x)
        except ShapeError as err:
            self.error.setText(f"No output: {err}")
            self.output_view.set_title("Pooled output — none, see the message on the left")
            self.statusMessage.emit(f"Invalid pooling settings: {err}")
            return
        self.error.setText("")
        rng = np.random.default_rng(0)
        dout = np.ones_like(out) if config.gradient == "ones" else rng.standard_normal(out.shape)
        dx = layer.backward(dout)
        g = F.window_geometry(x.shape[2:], config.kernel, config.stride, config.padding)
        oh, ow = min(self.selected[0], g.oh - 1), min(self.selected[1], g.ow - 1)
        self.input_view.set_image(x[0, 0], range_levels(x))
        top, left = oh * g.sh - g.ph, ow * g.sw - g.pw
        self.input_view.show_rects("window", [(top, left, g.kh, g.kw)], OUTLINE)
        winner = []
        if config.mode == "max":
            k = int(layer.argmax[0, 0, oh, ow])
            winner = [(top + k // g.kw, left + k % g.kw, 1, 1)]
        self.input_view.show_rects("winner", winner, fill=True)
        self.output_view.set_image(out[0, 0], range_levels(x))
        self.output_view.set_title(f"Pooled output {g.oh}×{g.ow} "
                                   f"(from {x.shape[2]}×{x.shape[3]})")
        self.output_view.show_rects("pixel", [(oh, ow, 1, 1)], HIGHLIGHT)
        if config.mode == "max":
            wins = MaxPool2d(config.kernel, config.stride, config.padding)
            wins.forward(x)
            counts = wins.backward(np.ones_like(out))  # routing ones counts the wins
            self.winners_view.set_image(counts[0, 0], (0, max(1.0, counts.max())), COUNTS)
            self.winners_view.set_title(f"Winners: 0 to {counts.max():.0f} windows won by each "
                                        "input cell")
        else:
            self.winners_view.set_image(np.full(x.shape[2:], 1 / (g.kh * g.kw)),
                                        (0, 1), COUNTS)
            self.winners_view.set_title(f"Average: every cell gets 1/{g.kh * g.kw} of each "
                                        "window's gradient")
        self.backward_view.set_image(dx[0, 0], symmetric_levels(dx), DIVERGING)
        cols = np.ones((1, g.kh * g.kw, g.oh * g.ow))
        coverage = F.col2im(cols, x.shape, config.kernel, config.stride, config.padding)
        self.col2im_view.set_image(coverage[0, 0], (0, coverage.max()), COUNTS)
        self.col2im_view.set_title(f"Convolution backward (col2im): 0 to {coverage.max():.0f} "
                                   "patches cover each cell")
        overlap = "overlapping" if config.stride < config.kernel else "non-overlapping"
        self.explain.setText(
            f"<b>{overlap.capitalize()} windows.</b> Output size ⌊({x.shape[2]} + 2·{g.ph} − "
            f"{g.kh}) / {g.sh}⌋ + 1 = {g.oh}. Padding counts as −∞ for max pooling (it never "
            "wins) and as 0 for average pooling. "
            + ("Backward, each window sends its whole gradient to the one cell that won it "
               "(max unpooling); a cell that wins several overlapping windows adds them up."
               if config.mode == "max" else
               "Backward, each window spreads its gradient evenly over its cells; where "
               "windows overlap the shares add up."))

    def shutdown(self) -> None:
        pass
