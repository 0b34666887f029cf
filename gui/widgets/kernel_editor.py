"""An editable grid of one kernel's values, coloured like the feature maps (white = 0)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from gui.colours import diverging_rgb, ink_for
from gui.i18n import Translated, translate


def cell_text(value: float, digits: int = 3) -> str:
    """Short enough for the grid (2 digits for large kernels), never "-0"."""
    text = f"{value:.{digits}g}"
    return "0" if float(text) == 0 else text


class KernelEditor(Translated, QTableWidget):
    """Shows a (KH, KW) kernel; editing a cell emits ``kernelEdited`` with the whole kernel.

    Columns fit their numbers (never cut to "…"); a large kernel scrolls inside the grid.
    """

    kernelEdited = Signal(object)

    def __init__(self):
        super().__init__()
        self.setObjectName("kernel_grid")
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setVisible(False)
            header.setMinimumSectionSize(30)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet("QTableWidget { font-size: 11px; }")
        self.setMinimumHeight(110)
        self.setMaximumHeight(230)
        self._kernel = np.zeros((1, 1))
        self.itemChanged.connect(self._edited)

        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(translate("KernelEditor", "The kernel's weights (white 0, red positive, "
                                                  "blue negative): double-click a cell to type a "
                                                  "new value"))

    def set_kernel(self, kernel: np.ndarray) -> None:
        self._kernel = np.array(kernel, dtype=np.float64)
        with QSignalBlocker(self):
            self.setRowCount(kernel.shape[0])
            self.setColumnCount(kernel.shape[1])
            for header, count in ((self.verticalHeader(), kernel.shape[0]),
                                  (self.horizontalHeader(), kernel.shape[1])):
                # up to 7 cells share the grid; more keep their width and scroll
                header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch if count <= 7
                                            else QHeaderView.ResizeMode.ResizeToContents)
            colours = diverging_rgb(self._kernel)
            digits = 3 if max(kernel.shape) <= 7 else 2
            for (i, j), value in np.ndenumerate(self._kernel):
                item = QTableWidgetItem(cell_text(value, digits))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(QColor(*(int(v) for v in colours[i, j])))
                item.setForeground(QColor(ink_for(colours[i, j])))
                self.setItem(i, j, item)

    def kernel(self) -> np.ndarray:
        return self._kernel.copy()

    def _edited(self, item: QTableWidgetItem) -> None:
        try:
            value = float(item.text().replace("−", "-"))
        except ValueError:
            value = None
        if value is None or not np.isfinite(value):
            with QSignalBlocker(self):  # not a number: put the old value back
                item.setText(cell_text(self._kernel[item.row(), item.column()]))
            return
        self._kernel[item.row(), item.column()] = value
        self.set_kernel(self._kernel)  # colours follow the new value
        self.kernelEdited.emit(self.kernel())
