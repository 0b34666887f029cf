"""The pooling page: max / average pooling forward, and where the gradients go backward."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from core import functional as F
from core import zoo
from core.functional import ShapeError
from core.layers import AvgPool2d, MaxPool2d
from gui import choices
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.pages.base import Page
from gui.widgets.controls import rich_label
from gui.widgets.form import Check, Choice, Form, Int
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
from gui.widgets.matrix_table import matrix_html
from gui.widgets.veil import Veilable


@dataclass(frozen=True)
class PoolingConfig:
    mode: str = "max"
    kernel: int = 2
    stride: int = 2
    padding: int = 0
    source: str = "maps"
    channel: int = 0
    gradient: str = "ones"
    ceil_mode: bool = False
    dilation: int = 1          # max pooling only
    include_pad: bool = True   # average pooling: count the padding in the mean
    divisor: int = 0           # average pooling: 0 = the window's own count
    seed: int = 7              # the random example's


FIELDS = (
    Choice("mode",
           QT_TRANSLATE_NOOP("PoolingPage", "Mode"),
           QT_TRANSLATE_NOOP("PoolingPage", "Max keeps the strongest response; average smooths"),
           {k: choices.POOLS[k] for k in zoo.POOLS}),
    Int("kernel",
        QT_TRANSLATE_NOOP("PoolingPage", "Window"),
        QT_TRANSLATE_NOOP("PoolingPage", "Window size (square)"), 1, 8),
    Int("stride",
        QT_TRANSLATE_NOOP("PoolingPage", "Stride"),
        QT_TRANSLATE_NOOP("PoolingPage", "Step between windows; smaller than the window makes "
                                         "them overlap"), 1, 8),
    Int("padding",
        QT_TRANSLATE_NOOP("PoolingPage", "Padding"),
        QT_TRANSLATE_NOOP("PoolingPage", "Padding on each side (−∞ for max, 0 for average; at "
                                         "most half the window)"), 0, 4),
    Choice("source",
           QT_TRANSLATE_NOOP("PoolingPage", "Pool"),
           QT_TRANSLATE_NOOP("PoolingPage", "Pool a feature map of the convolution page, its "
                                            "input, or a small example with a thin line (values "
                                            "shown in the cells)"),
           {"maps": QT_TRANSLATE_NOOP("Choices", "feature map"),
            "input": QT_TRANSLATE_NOOP("Choices", "input"),
            "example": QT_TRANSLATE_NOOP("Choices", "8×8 example: a thin line"),
            "random": QT_TRANSLATE_NOOP("Choices", "6×6 random example")}),
    Int("channel",
        QT_TRANSLATE_NOOP("PoolingPage", "Channel"),
        QT_TRANSLATE_NOOP("PoolingPage", "Which channel to pool"), 0, 15),
    Choice("gradient",
           QT_TRANSLATE_NOOP("PoolingPage", "Output gradient"),
           QT_TRANSLATE_NOOP("PoolingPage", "The gradient arriving at the pooled output, to "
                                            "route back"),
           {"ones": QT_TRANSLATE_NOOP("Choices", "ones"),
            "random": QT_TRANSLATE_NOOP("Choices", "random")}),
    Check("ceil_mode",
          QT_TRANSLATE_NOOP("PoolingPage", "Ceil mode (keep a last partial window)"),
          QT_TRANSLATE_NOOP("PoolingPage", "Round the output size up: a last window that runs "
                                           "past the input is kept if it starts inside it "
                                           "(outlined in purple)")),
    Int("dilation",
        QT_TRANSLATE_NOOP("PoolingPage", "Dilation (max)"),
        QT_TRANSLATE_NOOP("PoolingPage", "Spacing between the cells a max-pooling window "
                                         "reads"), 1, 4),
    Check("include_pad",
          QT_TRANSLATE_NOOP("PoolingPage", "Count padding in the mean (average)"),
          QT_TRANSLATE_NOOP("PoolingPage", "Average pooling: divide by the whole window, padding "
                                           "included (PyTorch's count_include_pad), or only by "
                                           "the cells inside the input")),
    Int("divisor",
        QT_TRANSLATE_NOOP("PoolingPage", "Divisor (average)"),
        QT_TRANSLATE_NOOP("PoolingPage", "Average pooling: divide every window's sum by this "
                                         "number instead (PyTorch's divisor_override)"), 0, 64,
        special=QT_TRANSLATE_NOOP("PoolingPage", "window's own")),
    Int("seed",
        QT_TRANSLATE_NOOP("PoolingPage", "Example's seed"),
        QT_TRANSLATE_NOOP("PoolingPage", "Which 6×6 random example (every value differs: no "
                                         "ties)"), 0, 9999),
)
NO_OUTPUT = QT_TRANSLATE_NOOP("PoolingPage", "No output — see the message on the left")
PARTIAL = QColor(140, 60, 200)  # purple: the windows ceil mode adds
OTHER = {"max": "avg", "avg": "max"}


CAPTIONS = {  # (input, winners, backward) captions per mode
    "max": (QT_TRANSLATE_NOOP("PoolingPage", "Green: the window of the pooled pixel you click "
                                             "(right); orange: the cell that won it. On ties "
                                             "(flat regions) the first cell wins."),
            QT_TRANSLATE_NOOP("PoolingPage", "Max pooling: only these cells receive gradient."),
            QT_TRANSLATE_NOOP("PoolingPage", "With an output gradient of ones, max pooling sends "
                                             "back exactly the winners map (same colours); "
                                             "choose a random gradient to see it routed.")),
    "avg": (QT_TRANSLATE_NOOP("PoolingPage", "Green: the window of the pooled pixel you click "
                                             "(right): its mean is that pixel."),
            QT_TRANSLATE_NOOP("PoolingPage", "Average pooling: every cell of a window gets an "
                                             "equal share (1/divisor) of its gradient."),
            QT_TRANSLATE_NOOP("PoolingPage", "With an output gradient of ones, each cell gets "
                                             "the sum of its windows' shares; choose a random "
                                             "gradient to see it spread.")),
}


class Pooled(NamedTuple):
    """One pooling of the input, and what its pictures and texts show."""

    config: PoolingConfig
    x: np.ndarray                      # (1, 1, H, W)
    out: np.ndarray | None = None      # the chosen pooling
    other: np.ndarray | None = None    # the other pooling, same window
    dx: np.ndarray | None = None       # the output gradient routed back
    geometry: F.Geometry | None = None
    counts: np.ndarray | None = None   # windows won by each cell (max) or each cell's share
    winner: int | None = None          # max: the winning tap of the selected window
    coverage: np.ndarray | None = None  # patches covering each cell (convolution backward)
    divisors: np.ndarray | None = None  # average: what each window's sum is divided by
    error: str = ""                    # why there is no output (kept as text: an exception
    error_argument: str = ""           # holds frames), and the argument that caused it


def random_example(seed: int, size: int = 6) -> np.ndarray:
    """(size, size) values from 0 to 1, every one different (no ties for max pooling to break),
    two decimals so they read in the cells."""
    order = np.random.default_rng(seed).permutation(size * size).reshape(size, size)
    return np.round(order / (size * size - 1), 2)


def line_example() -> np.ndarray:
    """8×8: a faint background, a one-pixel bright vertical line and a small bright blob — where
    max pooling keeps the line at full strength and average pooling dilutes it."""
    x = np.full((8, 8), 0.1)
    x[:, 3] = 0.9  # the right column of its 2×2 windows: the winners move to it
    x[5:7, 5:7] = 0.7
    return x


def comparison(mode: str, x: np.ndarray, out: np.ndarray, other: np.ndarray) -> str:
    """The lesson's "max keeps the edges, average smooths", measured on this input."""
    pools = {mode: out, OTHER[mode]: other}
    return translate(
        "PoolingPage", "<b>Max vs average.</b> Strongest input value {strongest}: max pooling "
        "keeps {max}, average pooling {avg}: max keeps each window's strongest response (edges "
        "stay sharp); average mixes it with its neighbours (smoother, weaker).").format(
        strongest=f"{x.max():.2f}", max=f"{pools['max'].max():.2f}",
        avg=f"{pools['avg'].max():.2f}")


def pool_layer(config, mode: str | None = None):
    """The pooling layer of ``config`` (``mode`` overrides its mode: the other pooling, same
    window; options of one kind are left out of the other)."""
    mode = mode or config.mode
    if mode == "max":
        return MaxPool2d(config.kernel, config.stride, config.padding,
                         config.dilation if config.mode == "max" else 1, config.ceil_mode)
    return AvgPool2d(config.kernel, config.stride, config.padding, config.ceil_mode,
                     config.include_pad if config.mode == "avg" else True,
                     (config.divisor or None) if config.mode == "avg" else None)


def partial_windows(g: F.Geometry, size: tuple[int, int]) -> list:
    """The windows ceil_mode adds: those reaching past the padded input (rows, cols of the
    input grid, as rectangles)."""
    rects = []
    for oh in range(g.oh):
        for ow in range(g.ow):
            top, left = oh * g.sh - g.ph, ow * g.sw - g.pw
            bottom = top + g.dh * (g.kh - 1) + 1
            right = left + g.dw * (g.kw - 1) + 1
            if bottom > size[0] + g.ph or right > size[1] + g.pw:
                rects.append((top, left, bottom - top, right - left))
    return rects


def explanation(mode: str, size: int, g: F.Geometry, config=None) -> str:
    """Why the output has its size, and where the gradient goes, with these numbers."""
    overlapping = g.sh < g.kh
    backward = (translate("PoolingPage", "Backward, each window sends its whole gradient to the "
                                         "one cell that won it (max unpooling); a cell that wins "
                                         "several overlapping windows adds them "
                                         "up.") if mode == "max" else
                translate("PoolingPage", "Backward, each window spreads its gradient evenly over "
                                         "its cells; where windows overlap the shares add up."))
    ceil = getattr(config, "ceil_mode", False)
    span = f"{g.dh}·({g.kh} − 1) + 1" if g.dh > 1 else f"{g.kh}"
    rounding = ("⌈", "⌉") if ceil else ("⌊", "⌋")
    formula = (f"{rounding[0]}({size} + 2·{g.ph} − {span}) / {g.sh}{rounding[1]} + 1 = {g.oh}")
    text = (translate("PoolingPage", "<b>Overlapping windows.</b> Output size {formula}")
            if overlapping else
            translate("PoolingPage", "<b>Non-overlapping windows.</b> Output size {formula}")
            ).format(formula=formula)
    if ceil:
        floor = F.conv_output_size(size, g.kh, g.sh, g.ph, g.dh)
        text += (translate("PoolingPage", " (without ceil mode {floor}; a last window must start "
                                          "inside the input or its left "
                                          "padding)").format(floor=floor)
                 if floor != g.oh else
                 translate("PoolingPage", " (ceil mode adds no window here)"))
    return text + translate("PoolingPage", ". Padding counts as −∞ for max pooling (it never "
                                           "wins) and as 0 for average pooling. "
                                           "{backward}").format(
        backward=backward)


class PoolingPage(Translated, Page):
    title = QT_TRANSLATE_NOOP("Pages", "Pooling")
    key = "pooling"
    tagline = QT_TRANSLATE_NOOP("Pages", "Shrink a feature map; route gradients back")
    Config = PoolingConfig

    def __init__(self, workspace, config: PoolingConfig | None = None):
        super().__init__()
        self.workspace = workspace
        self.selected = (0, 0)  # output pixel whose window is highlighted
        self.shown: Pooled | None = None
        self.box = box = QGroupBox()
        form_layout = QFormLayout(box)
        self.form = Form(FIELDS, PoolingConfig(), form_layout, self, "PoolingPage")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d32f2f; font-weight: bold;")
        self.explain = rich_label("explain", selectable=False)
        form_layout.addRow(self.error)
        explain = Veilable(self.explain)
        form_layout.addRow(explain)
        box.setFixedWidth(330)
        self.input_view = ImagePanel()
        self.output_view = ImagePanel()
        self.other_view = ImagePanel()
        self.winners_view = ImagePanel(colorbar=True)
        self.backward_view = ImagePanel(colorbar=True)
        self.col2im_view = ImagePanel(colorbar=True)
        grid = QGridLayout()
        for i, view in enumerate((self.input_view, self.output_view, self.other_view,
                                  self.winners_view, self.backward_view, self.col2im_view)):
            grid.addWidget(view, i // 3, i % 3)
        views = QWidget()
        views.setLayout(grid)
        self.veils = {"results": Veilable(views), "explain": explain}
        layout = QHBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.veils["results"], 1)
        self.output_view.pixelClicked.connect(self._select)
        self.form.changed.connect(self.recompute)
        self.set_config(config or PoolingConfig())
        workspace.changed.connect(self.recompute)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setTitle(translate("PoolingPage", "Pooling window"))
        self.form.retranslate()
        self.input_view.set_title(translate("PoolingPage", "Input to the pooling"))
        self.other_view.caption.setText(translate("PoolingPage", "Same window and stride: "
                                                                 "compare the strongest values "
                                                                 "and the sharpness."))
        self.col2im_view.caption.setText(translate(
            "PoolingPage", "For comparison, a convolution with this window: its input gradient "
            "adds up the gradients of every patch covering a cell. With every patch gradient 1, "
            "the sum counts the patches."))
        self._say()

    def config(self) -> PoolingConfig:
        return PoolingConfig(**self.form.values())

    def set_config(self, config: PoolingConfig) -> None:
        self.form.set_values(config)
        self.recompute()

    def _select(self, row: int, col: int) -> None:
        self.selected = (row, col)
        self.recompute()

    def _input(self, config: PoolingConfig) -> np.ndarray:
        self.form["channel"].setEnabled(config.source in ("maps", "input"))
        self.form["seed"].setEnabled(config.source == "random")
        if config.source == "example":
            return line_example()[None, None]
        if config.source == "random":
            return random_example(config.seed)[None, None]
        maps = self.workspace.maps if config.source == "maps" else self.workspace.input
        self.form["channel"].setMaximum(maps.shape[0] - 1)
        return maps[min(config.channel, maps.shape[0] - 1)][None, None].astype(np.float64)

    def recompute(self, *_) -> None:
        """Pool the input with the settings, then draw the result and say what it shows."""
        config = self.config()
        x = self._input(config)
        try:
            layer = pool_layer(config)
            out = layer.forward(x)
            other = pool_layer(config, OTHER[config.mode]).forward(x)
        except ShapeError as err:
            self.shown = Pooled(config, x, error=str(err), error_argument=err.argument)
            self._draw()
            self._say()
            self.statusMessage.emit(translate("PoolingPage", "Invalid pooling settings: {error}")
                                    .format(error=err))
            return
        rng = np.random.default_rng(0)
        dout = np.ones_like(out) if config.gradient == "ones" else rng.standard_normal(out.shape)
        dx = layer.backward(dout)
        g = layer._geometry
        if config.mode == "max":
            wins = pool_layer(config)
            wins.forward(x)
            counts = wins.backward(np.ones_like(out))  # routing ones counts the wins
            oh, ow = min(self.selected[0], g.oh - 1), min(self.selected[1], g.ow - 1)
            winner = int(layer.argmax[0, 0, oh, ow])
        else:
            counts, winner = np.full(x.shape[2:], 1 / (g.kh * g.kw))[None, None], None
        self.shown = Pooled(config, x, out, other, dx, g, counts, winner,
                            F.window_coverage(x.shape, g),
                            None if config.mode == "max" else layer.divisors)
        self._draw()
        self._say()

    def _draw(self) -> None:
        """The pictures of the result on display."""
        shown = self.shown
        config, x = shown.config, shown.x
        self.input_view.set_image(x[0, 0], range_levels(x))
        self.input_view.set_labels(value_labels(x[0, 0], range_levels(x)), centred=True)
        if shown.error:
            self._draw_error(shown.error_argument)
            return
        self.form.mark_culprit(None)
        g, out = shown.geometry, shown.out
        oh, ow = min(self.selected[0], g.oh - 1), min(self.selected[1], g.ow - 1)
        top, left = oh * g.sh - g.ph, ow * g.sw - g.pw
        self.input_view.show_rects("window", [(top, left, g.dh * (g.kh - 1) + 1,
                                               g.dw * (g.kw - 1) + 1)], OUTLINE)
        k = shown.winner
        winner = [] if k is None else [(top + k // g.kw * g.dh, left + k % g.kw * g.dw, 1, 1)]
        self.input_view.show_rects("winner", winner, fill=True)
        self.input_view.show_rects("partial", partial_windows(g, x.shape[2:]), PARTIAL)
        for view, values in ((self.output_view, out), (self.other_view, shown.other)):
            view.set_image(values[0, 0], range_levels(x))
            view.set_labels(value_labels(values[0, 0], range_levels(x)), centred=True)
        self.output_view.show_rects("pixel", [(oh, ow, 1, 1)], HIGHLIGHT)
        counts = shown.counts[0, 0]
        self.winners_view.set_image(counts, (0, max(1.0, counts.max())) if config.mode == "max"
                                    else (0, 1), COUNTS)
        dx = shown.dx
        if config.gradient == "ones":  # then it is the winners map: drawn the same way
            self.backward_view.set_image(dx[0, 0], (0, max(1.0, float(dx.max()))), COUNTS)
        else:
            self.backward_view.set_image(dx[0, 0], symmetric_levels(dx), DIVERGING)
        coverage = shown.coverage
        self.col2im_view.set_image(coverage[0, 0], (0, coverage.max()), COUNTS)

    def _draw_error(self, culprit: str) -> None:
        """No output: nothing stale, and the control that caused it marked."""
        self.form.mark_culprit(culprit)
        for name in ("partial", "window", "winner"):
            self.input_view.show_rects(name, [])
        for view in (self.output_view, self.other_view, self.winners_view, self.backward_view,
                     self.col2im_view):
            view.clear("")

    def _say(self) -> None:
        """The texts of the result on display, in the current language."""
        shown = self.shown
        if shown is None:
            return
        config, x = shown.config, shown.x
        for view, caption in zip((self.input_view, self.winners_view, self.backward_view),
                                 CAPTIONS[config.mode]):
            view.caption.setText(translate("PoolingPage", caption))
        if shown.error:
            self.error.setText(translate("PoolingPage", "No output: {error}").format(
                error=shown.error))
            self.explain.setText("")
            for view in (self.output_view, self.other_view, self.winners_view,
                         self.backward_view, self.col2im_view):
                view.clear(translate("PoolingPage", NO_OUTPUT))
            return
        self.error.setText("")
        g = shown.geometry
        self.output_view.set_title(translate("PoolingPage", "Pooled output {size} (from "
                                                            "{input})").format(
            size=f"{g.oh}×{g.ow}", input=f"{x.shape[2]}×{x.shape[3]}"))
        self.other_view.set_title((
            translate("PoolingPage", "Average pooling of the same input ({size})")
            if config.mode == "max" else
            translate("PoolingPage", "Max pooling of the same input ({size})")).format(
            size=f"{g.oh}×{g.ow}"))
        self.winners_view.set_title(
            translate("PoolingPage", "Winners: 0 to {most} windows won by each input cell")
            .format(most=f"{shown.counts.max():.0f}") if config.mode == "max" else
            translate("PoolingPage", "Average: every cell of a window gets 1/divisor of its "
                                     "gradient"))
        self.backward_view.set_title(translate("PoolingPage", "Backward: gradient reaching the "
                                                              "input"))
        self.col2im_view.set_title(translate("PoolingPage", "Convolution backward (col2im): 0 to "
                                                            "{most} patches cover each cell")
                                   .format(most=f"{shown.coverage.max():.0f}"))
        divisors = "" if shown.divisors is None else (
            translate("PoolingPage", "<br><b>Divisors</b> (what each window's sum is divided "
                                     "by):") + matrix_html(shown.divisors, digits=3, compact=True))
        self.explain.setText(explanation(config.mode, x.shape[2], g, config) + divisors
                             + "<br><br>" + comparison(config.mode, x, shown.out, shown.other))
