"""Reading picture files (PNG, JPEG, ...) into numpy arrays with QImage."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)"


def qimage_to_array(image: QImage, rgb: bool) -> np.ndarray:
    """(H, W) gray or (H, W, 3) RGB float32 in [0, 1]."""
    fmt = QImage.Format.Format_RGB888 if rgb else QImage.Format.Format_Grayscale8
    image = image.convertToFormat(fmt)
    h, w = image.height(), image.width()
    channels = 3 if rgb else 1
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine())
    pixels = raw[:, :w * channels].reshape(h, w, channels) if rgb else raw[:, :w]
    return pixels.astype(np.float32) / 255.0


def read_image(path, rgb: bool = False) -> np.ndarray:
    """Read an image file; ValueError with a plain message if Qt cannot decode it."""
    image = QImage(str(path))
    if image.isNull():
        raise ValueError(f"could not read {Path(path).name} as an image")
    return qimage_to_array(image, rgb)
