"""Looking at what the user sees: rendered pixels of a widget."""

import numpy as np
from PySide6.QtGui import QImage


def show(qtbot, widget, size=(1300, 850)):
    """Show a page as a top-level window, registered so pytest-qt closes it afterwards."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pixels(widget) -> np.ndarray:
    """The widget as rendered, (H, W, 3) uint8."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    h, w = image.height(), image.width()
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine())
    return raw[:, :w * 3].reshape(h, w, 3).copy()


def distinct_colours(widget) -> int:
    rgb = pixels(widget).reshape(-1, 3).astype(np.uint32)
    return len(np.unique(rgb[:, 0] << 16 | rgb[:, 1] << 8 | rgb[:, 2]))


def count_colour(widget, rgb, tolerance=40) -> int:
    diff = np.abs(pixels(widget).astype(int) - np.array(rgb)).sum(axis=2)
    return int((diff < tolerance).sum())
