"""The sliding window: play, step or scrub it over the padded input; the cells it reads light up
and one output pixel's products and sum are spelled out."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from core import functional as F
from gui.i18n import Translated, translate
from gui.pages.convolution.config import ConvResult
from gui.pages.convolution.text import arithmetic_html, loops_html
from gui.pages.convolution.views import show_padded_input, show_values, taps
from gui.widgets.controls import rich_label, spin
from gui.widgets.image_panel import DIVERGING, HOVER, ImagePanel, symmetric_levels


class WindowTab(Translated, QWidget):
    def __init__(self):
        super().__init__()
        self.result: ConvResult | None = None
        self._shown = None  # (oc, oh, ow, the products) of the position on display
        self.position = 0  # the selected output pixel, row-major
        self.requested: int | None = None  # a position asked for before its result arrived
        self.input_view = ImagePanel()
        self.output_view = ImagePanel(colorbar=True)
        self.play = QPushButton(objectName="play")
        self.play.setCheckable(True)
        self.step = QPushButton(objectName="step")
        self.scrub = QSlider(Qt.Orientation.Horizontal)
        self.scrub.setObjectName("scrub")
        self.channel = spin(0, 15, 0, "", "window_channel")
        self.speed = spin(1, 60, 4, "", "speed")
        self.arithmetic = rich_label("arithmetic")
        self.loops = rich_label("seven_loops")
        self.words = (QLabel(), QLabel())  # "channel", "moves/s"
        scroll = QScrollArea()
        scroll.setWidget(self.arithmetic)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(150)
        scroll.setMaximumHeight(230)
        bottom = QHBoxLayout()
        bottom.addWidget(scroll, 3)
        bottom.addWidget(self.loops, 2)
        views = QHBoxLayout()
        views.addWidget(self.input_view, 1)
        views.addWidget(self.output_view, 1)
        controls = QHBoxLayout()
        for widget in (self.play, self.step, self.scrub, self.words[0], self.channel,
                       self.words[1], self.speed):
            controls.addWidget(widget, 1 if widget is self.scrub else 0)
        layout = QVBoxLayout(self)
        layout.addLayout(views, 1)
        layout.addLayout(controls)
        layout.addLayout(bottom)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.advance)
        self.play.toggled.connect(self._toggle_play)
        self.step.clicked.connect(self.advance)
        self.scrub.valueChanged.connect(self.set_position)
        self.channel.valueChanged.connect(self._redraw)
        self.speed.valueChanged.connect(lambda v: self.timer.setInterval(int(1000 / v)))
        self.output_view.pixelClicked.connect(self._clicked)
        self.output_view.pixelHovered.connect(self.hover)
        self.retranslate()

    def retranslate(self) -> None:
        self.input_view.set_title(translate("ConvolutionPage", "Padded input and the window"))
        self.input_view.caption.setText(translate(
            "ConvolutionPage", "Orange squares: the cells the kernel reads for the selected "
            "output pixel (gaps = dilation)."))
        self.output_view.set_title(translate("ConvolutionPage", "Output channel"))
        self.output_view.caption.setText(translate(
            "ConvolutionPage", "Click a pixel to jump the window there; point at one to outline "
            "(blue) the cells it reads."))
        self.play.setToolTip(translate("ConvolutionPage", "Slide the window over the input, one "
                                                          "output pixel at a time"))
        self._say_play()
        self.step.setText(translate("ConvolutionPage", "Step ▸"))
        self.step.setToolTip(translate("ConvolutionPage", "Move the window to the next output "
                                                          "pixel"))
        self.scrub.setToolTip(translate("ConvolutionPage", "Drag to move the window to any "
                                                           "output pixel"))
        self.channel.setToolTip(translate("ConvolutionPage", "Which output channel (kernel) to "
                                                             "follow"))
        self.speed.setToolTip(translate("ConvolutionPage", "Window moves per second while "
                                                           "playing"))
        self.loops.setToolTip(translate(
            "ConvolutionPage", "The naive method's code: the loop indices of the output pixel "
            "the window is on; the inner loops run over the whole window"))
        self.words[0].setText(translate("ConvolutionPage", "channel"))
        self.words[1].setText(translate("ConvolutionPage", "moves/s"))
        self._say()

    def display(self, result: ConvResult) -> None:
        old = self.result.geometry[-2:] if self.result is not None else None
        self.result = result
        g = result.geometry
        if self.requested is not None and self.requested < g.oh * g.ow:
            self.position, self.requested = self.requested, None
        elif (g.oh, g.ow) != old:  # a new output: start in the middle, where the image is
            self.position = (g.oh // 2) * g.ow + g.ow // 2
        self._redraw()

    def set_position(self, position: int) -> None:
        """Move the window to output pixel ``position`` (row-major)."""
        self.position = position
        with QSignalBlocker(self.scrub):
            self.scrub.setValue(position)
        if self.result is not None and self.isVisible():
            self._redraw()

    def advance(self) -> None:
        if self.result is not None:
            g = self.result.geometry
            self.set_position((self.position + 1) % (g.oh * g.ow))

    def stop(self) -> None:
        self.play.setChecked(False)

    def _say_play(self) -> None:
        self.play.setText(translate("ConvolutionPage", "❚❚ Pause") if self.play.isChecked() else
                          translate("ConvolutionPage", "▶ Play"))

    def _toggle_play(self, playing: bool) -> None:
        self._say_play()
        if playing:
            self.timer.start(int(1000 / self.speed.value()))
        else:
            self.timer.stop()

    def _clicked(self, row: int, col: int) -> None:
        if self.result is not None:
            self.set_position(row * self.result.geometry.ow + col)

    def hover(self, row: int, col: int) -> None:
        """Outline the patch output pixel (row, col) reads ((-1, -1): none)."""
        if self.result is None or row < 0:
            self.input_view.show_rects("hover", [])
            self.output_view.show_rects("hover", [])
            return
        x, weight = self.result.x, self.result.weight
        terms = F.conv_pixel(x, weight, None, row, col, **self.result.window)
        self.input_view.show_rects("hover", taps(terms), HOVER, line_width=2)
        self.output_view.show_rects("hover", [(row, col, 1, 1)], HOVER, line_width=2)

    def _redraw(self) -> None:
        if self.result is None:
            return
        config, x, weight, g, maps = self.result[:5]
        oc = min(self.channel.value(), maps.shape[1] - 1)
        self.channel.setMaximum(maps.shape[1] - 1)
        with QSignalBlocker(self.scrub):
            self.scrub.setMaximum(g.oh * g.ow - 1)
            self.scrub.setValue(self.position)
        oh, ow = divmod(self.position, g.ow)
        terms = F.conv_pixel(x, weight, None, oh, ow, oc=oc, **self.result.window)
        self._shown = (oc, oh, ow, terms)
        show_padded_input(self.input_view, self.result, frame_width=1)
        self.input_view.show_rects("window", taps(terms), fill=True)
        output = maps[0, oc]
        self.output_view.set_image(output, symmetric_levels(output), DIVERGING)
        self.output_view.show_rects("pixel", [(oh, ow, 1, 1)])
        show_values(self.input_view, self.output_view, self.result, output)
        self._say()

    def _say(self) -> None:
        """The texts of the window position on display, in the current language."""
        if self.result is None or self._shown is None:
            return
        config, x, weight, g, maps = self.result[:5]
        oc, oh, ow, terms = self._shown
        self.output_view.set_title(translate("ConvolutionPage", "Output channel {oc} ({size})")
                                   .format(oc=oc, size=f"{g.oh}×{g.ow}"))
        n, c = x.shape[:2]
        self.loops.setText(loops_html(
            {"N": n, "OH": g.oh, "OW": g.ow, "OC": maps.shape[1], "C": c, "KH": g.kh,
             "KW": g.kw}, {"n": 0, "i": oh, "j": ow, "oc": oc}))
        self.arithmetic.setText(arithmetic_html(terms, weight[oc], oc, oh, ow,
                                                maps[0, oc, oh, ow]))

    def show_error(self) -> None:
        self.result = None
        self.arithmetic.setText("")
        self.output_view.clear(translate("ConvolutionPage", "No output — see the message on the "
                                                            "left"))
