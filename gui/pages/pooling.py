"""The pooling page: max / average pooling forward, and where the gradients go backward."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from core import functional as F
from core import zoo
from core.functional import ShapeError
from core.layers import MaxPool2d
from gui import choices
from gui.pages.base import Page
from gui.widgets.controls import rich_label
from gui.widgets.form import Choice, Form, Int
from gui.widgets.image_panel import (
    COUNTS,
    DIVERGING,
    HIGHLIGHT,
    OUTLINE,
    ImagePanel,
    range_levels,
    symmetric_levels,
    value_labels,
)


@dataclass(frozen=True)
class PoolingConfig:
    mode: str = "max"
    kernel: int = 2
    stride: int = 2
    padding: int = 0
    source: str = "maps"
    channel: int = 0
    gradient: str = "ones"


FIELDS = (
    Choice("mode", "Mode", "Max keeps the strongest response; average smooths",
           {k: choices.POOLS[k] for k in zoo.POOLS}),
    Int("kernel", "Window", "Window size (square)", 1, 8),
    Int("stride", "Stride", "Step between windows; smaller than the window makes them overlap",
        1, 8),
    Int("padding", "Padding", "Padding on each side (−∞ for max, 0 for average; at most half "
        "the window)", 0, 4),
    Choice("source", "Pool", "Pool a feature map of the convolution page, its input, or a "
           "small example with a thin line (values shown in the cells)",
           {"maps": "feature map", "input": "input", "example": "8×8 example: a thin line"}),
    Int("channel", "Channel", "Which channel to pool", 0, 15),
    Choice("gradient", "Output gradient", "The gradient arriving at the pooled output, to route "
           "back", {"ones": "ones", "random": "random"}),
)
NO_OUTPUT = "No output — see the message on the left"
OTHER = {"max": "avg", "avg": "max"}


def line_example() -> np.ndarray:
    """8×8: a faint background, a one-pixel bright vertical line and a small bright blob — where
    max pooling keeps the line at full strength and average pooling dilutes it."""
    x = np.full((8, 8), 0.1)
    x[:, 2] = 0.9
    x[5:7, 5:7] = 0.7
    return x


def comparison(mode: str, x: np.ndarray, out: np.ndarray, other: np.ndarray) -> str:
    """The lesson's "max keeps the edges, average smooths", measured on this input."""
    pools = {mode: out, OTHER[mode]: other}
    return (f"<b>Max vs average.</b> Strongest input value {x.max():.2f}: max pooling keeps "
            f"{pools['max'].max():.2f}, average pooling {pools['avg'].max():.2f}. Max keeps the "
            f"strongest response of each window (edges and thin lines stay sharp); average "
            f"mixes it with its neighbours (smoother, weaker).")


def explanation(mode: str, size: int, g: F.Geometry) -> str:
    """Why the output has its size, and where the gradient goes, with these numbers."""
    overlap = "Overlapping" if g.sh < g.kh else "Non-overlapping"
    backward = ("Backward, each window sends its whole gradient to the one cell that won it "
                "(max unpooling); a cell that wins several overlapping windows adds them up."
                if mode == "max" else
                "Backward, each window spreads its gradient evenly over its cells; where windows "
                "overlap the shares add up.")
    return (f"<b>{overlap} windows.</b> Output size ⌊({size} + 2·{g.ph} − {g.kh}) / {g.sh}⌋ + 1 "
            f"= {g.oh}. Padding counts as −∞ for max pooling (it never wins) and as 0 for "
            f"average pooling. {backward}")


class PoolingPage(Page):
    title = "Pooling"
    key = "pooling"
    tagline = "Shrink a feature map; route gradients back"
    Config = PoolingConfig

    def __init__(self, workspace, config: PoolingConfig | None = None):
        super().__init__()
        self.workspace = workspace
        self.selected = (0, 0)  # output pixel whose window is highlighted
        box = QGroupBox("Pooling window")
        form_layout = QFormLayout(box)
        self.form = Form(FIELDS, PoolingConfig(), form_layout, self)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d32f2f; font-weight: bold;")
        self.explain = rich_label("explain", selectable=False)
        form_layout.addRow(self.error)
        form_layout.addRow(self.explain)
        box.setFixedWidth(330)
        self.input_view = ImagePanel("Input to the pooling", caption="Green: the window of the "
                                     "pooled pixel you click (right); orange: the cell that won "
                                     "it. On ties (flat regions) the first cell wins.")
        self.output_view = ImagePanel("Pooled output")
        self.other_view = ImagePanel("The other pooling, same input",
                                     caption="Same window and stride: compare the strongest "
                                             "values and the sharpness.")
        self.winners_view = ImagePanel("Winners: windows won by each input cell", colorbar=True,
                                       caption="Max pooling: only these cells receive gradient.")
        self.backward_view = ImagePanel("Backward: gradient reaching the input", colorbar=True,
                                        caption="With an output gradient of ones, max pooling "
                                                "sends back exactly the winners map (same "
                                                "colours); choose a random gradient to see it "
                                                "routed.")
        self.col2im_view = ImagePanel("Convolution backward (col2im)", colorbar=True,
                                      caption="For comparison, a convolution with this window: "
                                      "its input gradient adds up the gradients of every patch "
                                      "covering a cell. With every patch gradient 1, the sum "
                                      "counts the patches.")
        grid = QGridLayout()
        for i, view in enumerate((self.input_view, self.output_view, self.other_view,
                                  self.winners_view, self.backward_view, self.col2im_view)):
            grid.addWidget(view, i // 3, i % 3)
        views = QWidget()
        views.setLayout(grid)
        layout = QHBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(views, 1)
        self.output_view.pixelClicked.connect(self._select)
        self.form.changed.connect(self.recompute)
        self.set_config(config or PoolingConfig())
        workspace.changed.connect(self.recompute)

    def config(self) -> PoolingConfig:
        return PoolingConfig(**self.form.values())

    def set_config(self, config: PoolingConfig) -> None:
        self.form.set_values(config)
        self.recompute()

    def _select(self, row: int, col: int) -> None:
        self.selected = (row, col)
        self.recompute()

    def _input(self, config: PoolingConfig) -> np.ndarray:
        self.form["channel"].setEnabled(config.source != "example")
        if config.source == "example":
            return line_example()[None, None]
        maps = self.workspace.maps if config.source == "maps" else self.workspace.input
        self.form["channel"].setMaximum(maps.shape[0] - 1)
        return maps[min(config.channel, maps.shape[0] - 1)][None, None].astype(np.float64)

    def recompute(self, *_) -> None:
        config = self.config()
        x = self._input(config)
        self.input_view.set_image(x[0, 0], range_levels(x))
        self.input_view.set_labels(value_labels(x[0, 0], range_levels(x)), centred=True)
        try:
            layer = zoo.POOLS[config.mode](config.kernel, config.stride, config.padding)
            out = layer.forward(x)
            other = zoo.POOLS[OTHER[config.mode]](config.kernel, config.stride,
                                                  config.padding).forward(x)
        except ShapeError as err:
            self._show_error(err)
            return
        self.error.setText("")
        self.form.set_error("padding", False)
        rng = np.random.default_rng(0)
        dout = np.ones_like(out) if config.gradient == "ones" else rng.standard_normal(out.shape)
        dx = layer.backward(dout)
        g = F.window_geometry(x.shape[2:], config.kernel, config.stride, config.padding)
        self._show_forward(config, x, out, layer, g)
        self._show_backward(config, x, out, dx, g)
        self.other_view.set_image(other[0, 0], range_levels(x))
        self.other_view.set_labels(value_labels(other[0, 0], range_levels(x)), centred=True)
        self.other_view.set_title(f"{choices.POOLS[OTHER[config.mode]].capitalize()} pooling "
                                  f"of the same input ({g.oh}×{g.ow})")
        self.explain.setText(explanation(config.mode, x.shape[2], g) + "<br><br>"
                             + comparison(config.mode, x, out, other))

    def _show_error(self, err: ShapeError) -> None:
        """No output: say why, next to the control, and show nothing stale."""
        self.error.setText(f"No output: {err}")
        self.form.set_error("padding", err.argument == "padding")
        self.explain.setText("")
        self.input_view.show_rects("window", [])
        self.input_view.show_rects("winner", [])
        for view in (self.output_view, self.other_view, self.winners_view, self.backward_view,
                     self.col2im_view):
            view.clear(NO_OUTPUT)
        self.statusMessage.emit(f"Invalid pooling settings: {err}")

    def _show_forward(self, config, x, out, layer, g) -> None:
        oh, ow = min(self.selected[0], g.oh - 1), min(self.selected[1], g.ow - 1)
        top, left = oh * g.sh - g.ph, ow * g.sw - g.pw
        self.input_view.show_rects("window", [(top, left, g.kh, g.kw)], OUTLINE)
        winner = []
        if isinstance(layer, MaxPool2d):
            k = int(layer.argmax[0, 0, oh, ow])
            winner = [(top + k // g.kw, left + k % g.kw, 1, 1)]
        self.input_view.show_rects("winner", winner, fill=True)
        self.output_view.set_image(out[0, 0], range_levels(x))
        self.output_view.set_labels(value_labels(out[0, 0], range_levels(x)), centred=True)
        self.output_view.set_title(f"Pooled output {g.oh}×{g.ow} "
                                   f"(from {x.shape[2]}×{x.shape[3]})")
        self.output_view.show_rects("pixel", [(oh, ow, 1, 1)], HIGHLIGHT)

    def _show_backward(self, config, x, out, dx, g) -> None:
        if config.mode == "max":
            wins = MaxPool2d(config.kernel, config.stride, config.padding)
            wins.forward(x)
            counts = wins.backward(np.ones_like(out))  # routing ones counts the wins
            self.winners_view.set_image(counts[0, 0], (0, max(1.0, counts.max())), COUNTS)
            self.winners_view.set_title(f"Winners: 0 to {counts.max():.0f} windows won by each "
                                        "input cell")
        else:
            self.winners_view.set_image(np.full(x.shape[2:], 1 / (g.kh * g.kw)), (0, 1), COUNTS)
            self.winners_view.set_title(f"Average: every cell gets 1/{g.kh * g.kw} of each "
                                        "window's gradient")
        if config.gradient == "ones":  # then it is the winners map: drawn the same way
            self.backward_view.set_image(dx[0, 0], (0, max(1.0, float(dx.max()))), COUNTS)
        else:
            self.backward_view.set_image(dx[0, 0], symmetric_levels(dx), DIVERGING)
        self.backward_view.set_title("Backward: gradient reaching the input")
        cols = np.ones((1, g.kh * g.kw, g.oh * g.ow))
        coverage = F.col2im(cols, x.shape, config.kernel, config.stride, config.padding)
        self.col2im_view.set_image(coverage[0, 0], (0, coverage.max()), COUNTS)
        self.col2im_view.set_title(f"Convolution backward (col2im): 0 to {coverage.max():.0f} "
                                   "patches cover each cell")
