"""Inside the network, clickable: every stage for one test image with its activity, the
learned kernels and the class probabilities. Click a unit of any stage to enlarge the stage
(channels numbered) and outline the input pixels that unit depends on; click a kernel to see it
beside the feature map it makes."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core import explain
from core.inside import Inside, activity, classify
from core.layers import Conv2d
from gui import choices
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.pages.lenet.session import first_kernels
from gui.pages.lenet.text import activity_text, kernel_text, unit_text
from gui.widgets.controls import rich_label, spin
from gui.widgets.image_panel import DIVERGING, HIGHLIGHT, OUTLINE, ImagePanel, symmetric_levels
from gui.widgets.layer_views import LayerViews, ProbabilityChart, stage_title
from gui.widgets.mosaic import as_picture, locate, tile

HINT = QT_TRANSLATE_NOOP("LeNetPage", "Click a unit of any stage to see where in the image it "
                                      "looks; click a kernel to see the feature map it makes.")


def kernel_picture(weight: np.ndarray) -> np.ndarray:
    """conv kernels (OC, C, KH, KW) as one picture: one tile per output channel for one input
    channel, else a column per output channel and a row per input channel."""
    oc, c, kh, kw = weight.shape
    if c == 1:
        return tile(weight[:, 0])[0]
    return tile(weight.transpose(1, 0, 2, 3).reshape(c * oc, kh, kw), columns=oc)[0]


class InsideTab(Translated, QWidget):
    probeChanged = Signal(int)

    def __init__(self):
        super().__init__()
        self.inside: Inside | None = None
        self.kernels: tuple = ()
        self.selected: tuple | None = None  # ("unit", stage, channel, y, x) or ("kernel", …)
        self.probe = spin(0, 9999, 0, "", "probe")
        self.probe_label = QLabel()
        self.probe_class: str | None = None  # the shown test image's class (English)
        self.stages = LayerViews(columns=4)
        self.kernel_views = (ImagePanel(colorbar=True), ImagePanel(colorbar=True))
        self.detail_view = ImagePanel(colorbar=True)
        self.kernel_view = ImagePanel(min_size=(90, 90))
        self.kernel_view.setVisible(False)
        self.detail = rich_label("inside_detail")
        self.chart = ProbabilityChart()
        row = QHBoxLayout()
        self.probe_word = QLabel()
        row.addWidget(self.probe_word)
        row.addWidget(self.probe)
        row.addWidget(self.probe_label, 1)
        left = QGridLayout()
        left.addWidget(self.stages, 0, 0, 1, 2)
        left.addWidget(self.kernel_views[0], 1, 0)
        left.addWidget(self.kernel_views[1], 1, 1)
        left.setRowStretch(0, 2)
        left.setRowStretch(1, 1)
        views = QHBoxLayout()
        views.addWidget(self.kernel_view)
        views.addWidget(self.detail_view, 1)
        right = QVBoxLayout()
        right.addLayout(views, 3)
        right.addWidget(self.detail)
        right.addWidget(self.chart, 2)
        body = QHBoxLayout()
        body.addLayout(left, 7)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(body, 1)
        self.probe.valueChanged.connect(self.probeChanged)
        self.stages.unitClicked.connect(lambda *unit: self.select(("unit", *unit)))
        for number, view in enumerate(self.kernel_views):
            view.pixelClicked.connect(
                lambda row, col, n=number: self._kernel_clicked(n, row, col))
        self.retranslate()

    def retranslate(self) -> None:
        self.probe.setToolTip(translate("LeNetPage", "Which test image to follow through the "
                                                     "network"))
        self.probe_word.setText(translate("LeNetPage", "Test image"))
        self.kernel_view.set_title(translate("LeNetPage", "Its kernel"))
        if self.probe_class is not None:
            self._say_probe()
        if self.selected is None:
            self.detail_view.set_title(translate("LeNetPage", "Click a unit or a kernel"))
            self.detail.setText(translate("LeNetPage", HINT))
        if self.kernels:
            self._show_kernels()
        else:
            for number, view in enumerate(self.kernel_views, start=1):
                view.set_title(translate("LeNetPage", "conv{number} kernels").format(
                    number=number))
        if self.inside is not None:
            self.display(self.inside)

    def _say_probe(self) -> None:
        self.probe_label.setText(translate("LeNetPage", "true class: <b>{name}</b>").format(
            name=choices.say(self.probe_class)))

    # ------------------------------------------------------------------ showing

    def look(self, model, test, class_names) -> None:
        """The chosen test image through ``model`` (one the GUI thread may use), and its
        kernels."""
        index = min(self.probe.value(), len(test.images) - 1)
        self.probe_class = class_names[int(test.labels[index])]
        self._say_probe()
        self.display(classify(model, test.images[index]), first_kernels(model))

    def display(self, inside: Inside, kernels: tuple | None = None) -> None:
        self.inside = inside
        if kernels is not None:
            self.kernels = kernels
            self._show_kernels()
        self.stages.display(inside)
        for panel, stage in zip(self.stages.panels, self.stages.stages):
            panel.set_title(f"{stage_title(stage)}{activity_text(activity(stage), short=True)}")
        self.chart.display(inside.probabilities)
        if self.selected is not None:
            self.select(self.selected)

    def _show_kernels(self) -> None:
        for number, view in enumerate(self.kernel_views, start=1):
            if len(self.kernels) < number:
                view.clear(translate("LeNetPage", "conv{number}: this network has no "
                                                  "convolution {number}").format(number=number))
                continue
            weight = self.kernels[number - 1]
            oc, c, kh, kw = weight.shape
            view.set_image(kernel_picture(weight), symmetric_levels(weight), DIVERGING)
            view.set_title((translate("LeNetPage", "conv{number} kernels ({shape}: a column per "
                                                   "output channel)") if c > 1 else
                            translate("LeNetPage", "conv{number} kernels ({shape})")).format(
                number=number, shape=f"{oc} × {c} × {kh}×{kw}"))

    # ------------------------------------------------------------------ looking closer

    def select(self, selection: tuple) -> None:
        """("unit", stage index, channel, y, x) or ("kernel", convolution number, channel)."""
        self.selected = selection
        if self.inside is None:
            return
        if selection[0] == "unit":
            self._show_unit(*selection[1:])
        else:
            self._show_kernel(*selection[1:])

    def _show_unit(self, index: int, channel: int, y: int, x: int) -> None:
        stage = self.inside.stages[index]
        out = stage.output
        spatial = out.ndim == 3 and out.shape[1] * out.shape[2] > 1
        value = float(out[channel, y, x] if out.ndim == 3 else out[channel])
        size = self.inside.input.shape[1:]
        layers = [s.layer for s in self.inside.stages]
        field = explain.receptive_field(layers, index, y if spatial else 0, x if spatial else 0,
                                        input_size=size)
        top, left, bottom, right = field.clipped()
        self.stages.input_panel.show_rects("field", [(top, left, bottom - top + 1,
                                                      right - left + 1)], OUTLINE)
        picture = as_picture(out)
        corners = tile(out)[1] if spatial else None
        self.kernel_view.setVisible(False)
        self.detail_view.set_image(picture, symmetric_levels(out), DIVERGING)
        self.detail_view.set_title(stage_title(stage))
        if spatial:
            self.detail_view.set_labels([(r, c, str(k)) for k, (r, c) in enumerate(corners)])
            cell = (corners[channel][0] + y, corners[channel][1] + x)
        else:
            self.detail_view.set_labels([])
            columns = picture.shape[1]
            cell = divmod(channel, columns)
        self.detail_view.show_rects("unit", [(*cell, 1, 1)], HIGHLIGHT)
        for panel in self.stages.panels:
            panel.show_rects("unit", [])
        panel = self.stages.panel_of(index)
        if panel is not None:
            panel.show_rects("unit", [(*cell, 1, 1)], HIGHLIGHT)
        self.detail.setText(unit_text(index, type(stage.layer).__name__, channel,
                                      (y, x) if spatial else None, value, field,
                                      activity(stage)))

    def _kernel_clicked(self, number: int, row: int, col: int) -> None:
        if number >= len(self.kernels):
            return
        weight = self.kernels[number]
        oc, c = weight.shape[:2]
        if c == 1:
            hit = locate(weight[:, 0], row, col)
            channel = None if hit is None else hit[0]
        else:
            hit = locate(weight.transpose(1, 0, 2, 3).reshape(c * oc, *weight.shape[2:]),
                         row, col)
            channel = None if hit is None else hit[0] % oc
        if channel is not None:
            self.select(("kernel", number, channel))

    def _show_kernel(self, number: int, channel: int) -> None:
        convolutions = [s for s in self.inside.stages if isinstance(s.layer, Conv2d)]
        if number >= min(len(convolutions), len(self.kernels)):
            return
        stage, weight = convolutions[number], self.kernels[number][channel]
        self.kernel_view.setVisible(True)
        picture = tile(weight)[0] if weight.shape[0] > 1 else weight[0]
        self.kernel_view.set_image(picture, symmetric_levels(weight), DIVERGING)
        self.kernel_view.set_title(translate("LeNetPage", "conv{number} kernel {channel}").format(
            number=number + 1, channel=channel))
        feature_map = stage.output[channel]
        self.detail_view.set_image(feature_map, symmetric_levels(feature_map), DIVERGING)
        self.detail_view.set_labels([])
        self.detail_view.show_rects("unit", [])
        self.detail_view.set_title(translate("LeNetPage", "the map it makes ({index}: Conv2d)")
                                   .format(index=stage.index))
        self.detail.setText(kernel_text(number + 1, channel, weight.shape, feature_map))
