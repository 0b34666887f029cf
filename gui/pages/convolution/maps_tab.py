"""The feature maps beside the padded input, and the output-size formula with these numbers."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from gui.i18n import Translated, translate
from gui.pages.convolution.config import ConvResult
from gui.pages.convolution.text import formula_html
from gui.pages.convolution.views import show_padded_input
from gui.widgets.controls import rich_label
from gui.widgets.image_panel import DIVERGING, ImagePanel, symmetric_levels
from gui.widgets.mosaic import tile


class MapsTab(Translated, QWidget):
    def __init__(self):
        super().__init__()
        self.input_view = ImagePanel()
        self.maps_view = ImagePanel(colorbar=True)
        self.formula = rich_label("formula")
        self.formula.setStyleSheet("font-size: 13px; padding: 6px; background: #f7f7f7;")
        views = QHBoxLayout()
        views.addWidget(self.input_view, 1)
        views.addWidget(self.maps_view, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(views, 1)
        layout.addWidget(self.formula)
        self.result: ConvResult | None = None
        self.error = ""  # why there is no output, if there is none
        self.retranslate()

    def retranslate(self) -> None:
        self.input_view.caption.setText(translate(
            "ConvolutionPage", "Gray levels span the input's range. The green frame is the real "
            "image; outside it, the padding."))
        self.maps_view.caption.setText(translate(
            "ConvolutionPage", "One colour scale for all maps: white is 0, red positive, blue "
            "negative, up to ±max|value|."))
        self._say()

    def display(self, result: ConvResult) -> None:
        self.result, self.error = result, ""
        maps = result.maps
        show_padded_input(self.input_view, result)
        self.maps_view.set_image(tile(maps[0])[0], symmetric_levels(maps), DIVERGING)
        self._say()

    def show_error(self, message: str) -> None:
        self.result, self.error = None, message
        self._say()

    def _say(self) -> None:
        """The titles and the formula of what is on display, in the current language."""
        if self.error:
            self.maps_view.clear(translate("ConvolutionPage", "No output — see the message on "
                                                              "the left"))
            self.formula.setText(translate("ConvolutionPage", "<span style='color:#d32f2f'><b>"
                                                              "This combination has no output."
                                                              "</b> {message}</span>").format(
                message=self.error))
            return
        result = self.result
        if result is None:
            return
        g, maps, mode = result.geometry, result.maps, result.config.padding_mode
        self.input_view.set_title(
            translate("ConvolutionPage", "Input (with its zero padding)") if mode == "zeros" else
            translate("ConvolutionPage", "Input (with its {mode} padding)").format(mode=mode))
        self.maps_view.set_title(translate("ConvolutionPage", "Feature maps: {count} × {size}")
                                 .format(count=maps.shape[1], size=f"{g.oh}×{g.ow}"))
        self.formula.setText(formula_html(result.image.shape, result.weight.shape, g,
                                          result.sides, result.config))
