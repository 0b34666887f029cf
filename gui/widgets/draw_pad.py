"""A square pad to draw on with the mouse; gives the drawing as a 2-D float array in [0, 1]."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.i18n import Translated, translate
from gui.images import qimage_to_array


class DrawPad(Translated, QWidget):
    """White ink on black, like the data sets. ``drawingChanged`` fires when a stroke ends."""

    drawingChanged = Signal(object)

    def __init__(self, size: int = 224, pen_width: int = 18):
        super().__init__()
        self.setObjectName("draw_pad")
        self.setFixedSize(size, size)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.canvas = QImage(size, size, QImage.Format.Format_Grayscale8)
        self.canvas.fill(0)
        self.pen_width = pen_width
        self._last: QPoint | None = None

        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(translate("DrawPad", "Draw with the left mouse button; right-click "
                                             "clears"))

    def clear(self) -> None:
        self.canvas.fill(0)
        self.update()
        self.drawingChanged.emit(self.array())

    def array(self) -> np.ndarray:
        """The drawing as (size, size) float32 in [0, 1]."""
        return qimage_to_array(self.canvas, rgb=False)

    def draw_line(self, start: QPoint, end: QPoint) -> None:
        painter = QPainter(self.canvas)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(255, 255, 255), self.pen_width, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        if start == end:
            painter.drawPoint(start)  # a click leaves a dot
        else:
            painter.drawLine(start, end)
        painter.end()
        self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.drawImage(0, 0, self.canvas)
        painter.setPen(QColor(120, 120, 120))
        painter.drawRect(0, 0, self.width() - 1, self.height() - 1)

    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.RightButton:
            self.clear()
        elif event.button() == Qt.MouseButton.LeftButton:
            self._last = event.position().toPoint()
            self.draw_line(self._last, self._last)

    def mouseMoveEvent(self, event):
        if self._last is not None:
            point = event.position().toPoint()
            self.draw_line(self._last, point)
            self._last = point

    def mouseReleaseEvent(self, event):
        if self._last is not None and event.button() == Qt.MouseButton.LeftButton:
            self._last = None
            self.drawingChanged.emit(self.array())
