"""im2col: every patch becomes a column, and one matrix product computes every output."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from core import functional as F
from gui.i18n import Translated, translate
from gui.pages.convolution.config import ConvResult
from gui.pages.convolution.text import im2col_html
from gui.pages.convolution.views import show_padded_input, taps
from gui.widgets.controls import rich_label
from gui.widgets.image_panel import (
    DIVERGING,
    GRAY,
    HOVER,
    ImagePanel,
    range_levels,
    symmetric_levels,
)
from gui.widgets.mosaic import locate, tile

SHOWN_COLUMNS = 48  # of the im2col matrix at a time, around the selected one


def block_kernel_matrix(weight: np.ndarray, groups: int) -> np.ndarray:
    """(OC, C·KH·KW): each kernel's row holds its weights in its group's block of columns and
    zeros elsewhere — the grouped convolution as one ordinary matrix product."""
    out_channels, per_group = weight.shape[0], weight[0].size
    matrix = np.zeros((out_channels, per_group * groups), weight.dtype)
    rows = out_channels // groups
    for group in range(groups):
        matrix[group * rows:(group + 1) * rows, group * per_group:(group + 1) * per_group] = \
            weight[group * rows:(group + 1) * rows].reshape(rows, -1)
    return matrix


class Im2colTab(Translated, QWidget):
    def __init__(self):
        super().__init__()
        self.result: ConvResult | None = None
        self._shown = None  # what the texts quote of the column on display
        self.text = rich_label("im2col_text")
        self.cols_view = ImagePanel()
        self.patch_view = ImagePanel()
        self.wmatrix_view = ImagePanel(colorbar=True)
        self.gemm_view = ImagePanel(colorbar=True)
        self.reshaped_view = ImagePanel()
        for view in (self.cols_view, self.wmatrix_view, self.gemm_view):
            view.view.setAspectLocked(False)  # matrices are long and thin
        self.column = QSlider(Qt.Orientation.Horizontal)
        self.column.setObjectName("column")
        top = QHBoxLayout()
        top.addWidget(self.cols_view, 3)
        top.addWidget(self.patch_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.wmatrix_view, 1)
        bottom.addWidget(self.gemm_view, 2)
        bottom.addWidget(self.reshaped_view, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(top, 1)
        layout.addLayout(bottom, 1)
        row = QHBoxLayout()
        self.column_word = QLabel()
        row.addWidget(self.column_word)
        row.addWidget(self.column, 1)
        layout.addLayout(row)
        self.first_column = 0  # the first column on screen
        self.column.valueChanged.connect(self._redraw)
        for view in (self.cols_view, self.gemm_view):
            view.pixelClicked.connect(lambda _, col: self.column.setValue(self.first_column + col))
        self.reshaped_view.pixelHovered.connect(self.hover)
        self.retranslate()

    def retranslate(self) -> None:
        self.cols_view.set_title(translate("ConvolutionPage", "im2col matrix (K = C·KH·KW rows × "
                                                              "L = OH·OW columns)"))
        self.cols_view.caption.setText(translate("ConvolutionPage", "Column j holds the patch "
                                                                    "under the window for output "
                                                                    "pixel j. Click a column."))
        self.patch_view.set_title(translate("ConvolutionPage", "That column's patch on the "
                                                               "input"))
        self.wmatrix_view.set_title(translate("ConvolutionPage", "Kernel matrix (OC × K)"))
        self.gemm_view.set_title(translate("ConvolutionPage", "GEMM result = kernels × im2col "
                                                              "(OC × L)"))
        self.gemm_view.caption.setText(translate("ConvolutionPage", "Row oc reshaped to OH × OW "
                                                                    "is feature map oc."))
        self.reshaped_view.set_title(translate("ConvolutionPage", "Reshaped to (OC, OH, OW)"))
        self.reshaped_view.caption.setText(translate(
            "ConvolutionPage", "Same colours as the GEMM result. Point at an output pixel: its "
            "column and patch turn blue."))
        self.column.setToolTip(translate("ConvolutionPage", "Choose a column of the im2col "
                                                            "matrix: one output pixel, whose "
                                                            "patch the column holds"))
        self.column_word.setText(translate("ConvolutionPage", "Column (output pixel)"))
        self._say()

    def display(self, result: ConvResult) -> None:
        old = self.result.geometry[-2:] if self.result is not None else None
        self.result = result
        g = result.geometry
        if (g.oh, g.ow) != old:  # a new output: start in the middle, where the image is
            with QSignalBlocker(self.column):
                self.column.setMaximum(g.oh * g.ow - 1)
                self.column.setValue((g.oh // 2) * g.ow + g.ow // 2)
        self._redraw()

    def _redraw(self) -> None:
        if self.result is None:
            return
        x, weight, g, window = self.result.x, self.result.weight, self.result.geometry, \
            self.result.window
        groups = window["groups"]
        cols = F.im2col(x, weight.shape[2:], window["stride"], window["padding"],
                        window["dilation"])[0]                          # (K, L)
        kernel_matrix = block_kernel_matrix(weight, groups)             # (OC, K)
        product = kernel_matrix @ cols                                  # (OC, L)
        k, length = cols.shape
        with QSignalBlocker(self.column):
            self.column.setMaximum(length - 1)
        j = min(self.column.value(), length - 1)
        oh, ow = divmod(j, g.ow)  # column j is output pixel (j // OW, j % OW)
        # Hundreds of columns squeezed into a panel read as a barcode: show a slice around j.
        first = min(max(j - SHOWN_COLUMNS // 2, 0), max(length - SHOWN_COLUMNS, 0))
        shown = slice(first, first + SHOWN_COLUMNS)
        self.first_column = first
        self.cols_view.set_image(cols[:, shown], range_levels(cols), GRAY)
        self.cols_view.show_rects("column", [(0, j - first, k, 1)], line_width=1)
        self.wmatrix_view.set_image(kernel_matrix, symmetric_levels(kernel_matrix), DIVERGING)
        levels = symmetric_levels(product)
        self.gemm_view.set_image(product[:, shown], levels, DIVERGING)
        self.gemm_view.show_rects("column", [(0, j - first, product.shape[0], 1)], line_width=1)
        reshaped, corners = tile(product.reshape(-1, g.oh, g.ow))
        self.reshaped_view.set_image(reshaped, levels, DIVERGING)
        self.reshaped_view.show_rects("pixel", [(top + oh, left + ow, 1, 1)
                                                for top, left in corners])
        show_padded_input(self.patch_view, self.result, frame_width=1)
        terms = F.conv_pixel(x, weight, None, oh, ow, **window)
        self.patch_view.show_rects("window", taps(terms), fill=True)
        self._shown = (k, length, first, j, cols[:, j].copy(), product.shape[0], product[0, j])
        self._say()

    def _say(self) -> None:
        """The titles and the text of the column on display, in the current language."""
        if self.result is None or self._shown is None:
            return
        k, length, first, j, column, rows, output = self._shown
        span = "" if length <= SHOWN_COLUMNS else translate(
            "ConvolutionPage", ": columns {first}–{last} of {count}").format(
            first=first, last=min(first + SHOWN_COLUMNS, length) - 1, count=length)
        self.cols_view.set_title(translate("ConvolutionPage", "im2col matrix, K = C·KH·KW = {k} "
                                                              "rows × L = OH·OW = {length} "
                                                              "columns{span}").format(
            k=k, length=length, span=span))
        self.gemm_view.set_title(translate("ConvolutionPage", "GEMM result ({rows} × {length})"
                                                              "{span}").format(
            rows=rows, length=length, span=span))
        self.text.setText(im2col_html(self.result.x.shape, self.result.weight.shape,
                                      self.result.geometry, j, column, output))

    def hover(self, row: int, col: int) -> None:
        """Point at a pixel of the reshaped maps: outline (blue) its column of the im2col
        matrix, when on screen, and its patch on the input."""
        views = (self.cols_view, self.gemm_view, self.patch_view)
        unit = None
        if self.result is not None and row >= 0:
            unit = locate(self.result.maps[0], row, col)
        if unit is None:
            for view in views:
                view.show_rects("hover", [])
            return
        x, weight, g = self.result.x, self.result.weight, self.result.geometry
        _, oh, ow = unit
        j = oh * g.ow + ow
        shown = 0 <= j - self.first_column < SHOWN_COLUMNS
        k = weight[0].size * self.result.window["groups"]
        self.cols_view.show_rects("hover", [(0, j - self.first_column, k, 1)] if shown else [],
                                  HOVER, line_width=2)
        self.gemm_view.show_rects("hover", [(0, j - self.first_column, weight.shape[0], 1)]
                                  if shown else [], HOVER, line_width=2)
        terms = F.conv_pixel(x, weight, None, oh, ow, **self.result.window)
        self.patch_view.show_rects("hover", taps(terms), HOVER, line_width=2)

    def show_error(self) -> None:
        self.result = None
        self.text.setText("")
        for view in (self.cols_view, self.gemm_view, self.reshaped_view):
            view.clear(translate("ConvolutionPage", "No output — see the message on the left"))
