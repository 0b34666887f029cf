"""Reading picture files (PNG, JPEG, ...) into numpy arrays with Qt, safely.

Qt decides a file's format by its content, so a 3 KB SVG of nested ``<use>`` elements renamed
``.png`` would be rendered (and could freeze the window). Only raster formats are decoded, only
from regular files (a FIFO named ``x.png`` would block forever), and the size a file declares is
checked before it is decoded. Large pictures are scaled down by Qt before they become numpy
arrays: the pages never need more than a few hundred pixels.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

from gui.i18n import QT_TRANSLATE_NOOP, translate

IMAGE_FILTER = QT_TRANSLATE_NOOP("Images", "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All "
                                            "files (*)")
SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"}
RASTER_FORMATS = {b"png", b"jpeg", b"jpg", b"bmp", b"gif", b"webp"}
MAX_PIXELS = 100_000_000   # 10,000 × 10,000: larger pictures are refused before decoding
MAX_SIDE = 1024            # pictures are scaled down to this before becoming arrays
QImageReader.setAllocationLimit(512)  # MB: a safety net under the checks above


def qimage_to_array(image: QImage, rgb: bool) -> np.ndarray:
    """(H, W) gray or (H, W, 3) RGB float32 in [0, 1]."""
    fmt = QImage.Format.Format_RGB888 if rgb else QImage.Format.Format_Grayscale8
    image = image.convertToFormat(fmt)
    h, w = image.height(), image.width()
    channels = 3 if rgb else 1
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine())
    pixels = raw[:, :w * channels].reshape(h, w, channels) if rgb else raw[:, :w]
    return pixels.astype(np.float32) / 255.0


def read_image(path, rgb: bool = False, max_side: int = MAX_SIDE) -> np.ndarray:
    """Read a picture file as (H, W) gray or (H, W, 3) RGB floats in [0, 1], at most
    ``max_side`` pixels a side. Transparent parts count as a white page (a drawing saved with a
    transparent background keeps its strokes). ValueError with a plain message if the file is
    not a picture this app reads; OSError if it cannot be opened."""
    path = Path(path)
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise ValueError(translate("Images", "{name} is not a regular file").format(
            name=path.name))
    reader = QImageReader(str(path))
    kind = bytes(reader.format()).lower()
    if kind not in RASTER_FORMATS:
        said = translate("Images", "{name} is not a picture this app reads (PNG, JPEG, BMP, GIF "
                                   "or WebP)").format(name=path.name)
        if kind:
            said += translate("Images", "; it is {kind}").format(kind=kind.decode())
        raise ValueError(said)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_PIXELS:
        raise ValueError(translate("Images", "{name} is {width}×{height} pixels: too large (at "
                                             "most {most} pixels)").format(
            name=path.name, width=f"{size.width():,}", height=f"{size.height():,}",
            most=f"{MAX_PIXELS:,}"))
    if kind in (b"jpeg", b"jpg") and max(size.width(), size.height()) > max_side:
        reader.setScaledSize(size.scaled(max_side, max_side,
                                         Qt.AspectRatioMode.KeepAspectRatio))  # DCT scaling
    image = reader.read()
    if image.isNull():
        raise ValueError(translate("Images", "could not read {name} as an image ({reason})")
                         .format(name=path.name, reason=reader.errorString()))
    if max(image.width(), image.height()) > max_side:
        image = image.scaled(QSize(max_side, max_side), Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    if image.hasAlphaChannel():
        image = _on_white(image)
    return qimage_to_array(image, rgb)


def _on_white(image: QImage) -> QImage:
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(QColor(255, 255, 255))
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page
