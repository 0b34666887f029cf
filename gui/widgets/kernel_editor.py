"""An editable grid of one kernel's values."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem


class KernelEditor(QTableWidget):
    """Shows a (KH, KW) kernel; editing a cell emits ``kernelEdited`` with the whole kernel."""

    kernelEdited = Signal(object)

    def __init__(self):
        super().__init__()
        self.setObjectName("kernel_grid")
        self.setToolTip("The kernel's weights: double-click a cell to type a new value")
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setVisible(False)
        self.verticalHeader().setVisible(False)
        self.setMinimumHeight(110)
        self._kernel = np.zeros((1, 1))
        self.itemChanged.connect(self._edited)

    def set_kernel(self, kernel: np.ndarray) -> None:
        self._kernel = np.array(kernel, dtype=np.float64)
        self.blockSignals(True)
        self.setRowCount(kernel.shape[0])
        self.setColumnCount(kernel.shape[1])
        for (i, j), value in np.ndenumerate(self._kernel):
            item = QTableWidgetItem(f"{value:.3g}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setItem(i, j, item)
        self.blockSignals(False)

    def kernel(self) -> np.ndarray:
        return self._kernel.copy()

    def _edited(self, item: QTableWidgetItem) -> None:
        try:
            value = float(item.text().replace("−", "-"))
        except ValueError:
            value = None
        if value is None or not np.isfinite(value):
            self.blockSignals(True)  # not a number: put the old value back
            item.setText(f"{self._kernel[item.row(), item.column()]:.3g}")
            self.blockSignals(False)
            return
        self._kernel[item.row(), item.column()] = value
        self.kernelEdited.emit(self.kernel())
