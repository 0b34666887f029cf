"""An image with a title, optional colour bar, click-to-pick and highlight overlays."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsPathItem,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from gui.colours import DIVERGING_STOPS, symmetric_levels  # noqa: F401 - part of this API
from gui.i18n import Translated, translate

GRAY = pg.colormap.get("CET-L1")        # black → white, for inputs
# blue → white → red for signed maps, exactly white at 0 (CET-D1's middle is a pinkish grey,
# which contradicted "white is 0" in the captions)
DIVERGING = pg.ColorMap(*DIVERGING_STOPS)
COUNTS = pg.colormap.get("viridis")      # dark → yellow, for counts and shares
HIGHLIGHT = QColor(255, 140, 0)          # orange: receptive fields, selected pixels
HOVER = QColor(0, 150, 255)              # blue: what the pixel under the mouse reads
OUTLINE = QColor(0, 160, 0)              # green: the real input inside its padding
BORDER = QColor(170, 170, 170)           # grey: the edge of every image


VALUES_UP_TO = 12  # images at most this many cells high and wide show their values in cells


def value_labels(array: np.ndarray, levels: tuple[float, float], digits: int = 2) -> list:
    """(row, col, text, colour) for every cell of a small 2-D array drawn in grey with
    ``levels``, for ``set_labels(centred=True)``: dark text on light cells, light on dark. None
    for a larger array (the numbers would not fit)."""
    if max(array.shape) > VALUES_UP_TO:
        return []
    low, high = levels
    middle = (low + high) / 2
    return [(row, col, f"{value:.{digits}g}", "#111" if value > middle else "#f5f5f5")
            for (row, col), value in np.ndenumerate(array)]


def range_levels(array) -> tuple[float, float]:
    lo, hi = float(np.min(array)), float(np.max(array))
    return (lo, hi) if hi > lo else (lo - 0.5, hi + 0.5)  # a constant map stays visible


class ImagePanel(Translated, QWidget):
    """Shows a 2-D array (row 0 at the top) with explicit levels, never auto-levels.

    Emits ``pixelClicked(row, col)`` when the user clicks a pixel, and ``pixelHovered(row,
    col)`` when the mouse moves onto another pixel ((-1, -1): off the image).
    """

    pixelClicked = Signal(int, int)
    pixelHovered = Signal(int, int)

    def __init__(self, title: str = "", colorbar: bool = False, caption: str = "",
                 parent: QWidget | None = None, min_size: tuple = (120, 96)):
        super().__init__(parent)
        self.title = QLabel(f"<b>{title}</b>")
        self.title.setWordWrap(True)  # a long title must not widen the window
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #555;")
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setMinimumSize(*min_size)
        # right-click: save this picture (with its title and caption) as PNG
        self.save_action = save = QAction(self)
        save.triggered.connect(self._save_picture)
        self.canvas.addAction(save)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # A bare view box, no plot: a PlotItem builds axes and an options menu that these
        # pictures never show, and dozens of them made the window slow to open.
        self.view = self.canvas.addViewBox(lockAspect=True, invertY=True, enableMouse=False,
                                           enableMenu=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.view.addItem(self.image)
        self.colorbar = None
        if colorbar:
            self.colorbar = pg.ColorBarItem(values=(-1, 1), colorMap=DIVERGING, width=14,
                                            interactive=False, colorMapMenu=False)
            self.colorbar.setImageItem(self.image)
            self.canvas.addItem(self.colorbar)
        self._paths: dict[str, QGraphicsPathItem] = {}
        self._labels: list = []
        self._rects: dict[str, list] = {}
        self.view.scene().sigMouseClicked.connect(self._clicked)
        self.view.scene().sigMouseMoved.connect(self._moved)
        self._hovered = (-1, -1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.caption)
        self._shape = (0, 0)
        self._cmap, self._levels = None, None
        self.retranslate()

    def retranslate(self) -> None:
        self.save_action.setText(translate("ImagePanel", "Save this picture as PNG…"))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        # The wrapping title makes the panel "height for width", and Qt's box layouts then gave
        # neighbours less than their minimum height (overlapping them). The panel's minimum
        # size already holds a two-line title.
        return False

    def set_title(self, title: str) -> None:
        self.title.setText(f"<b>{title}</b>")

    def set_image(self, array: np.ndarray, levels: tuple[float, float], cmap=GRAY) -> None:
        array = np.ascontiguousarray(array, dtype=np.float32)
        shape_changed = array.shape[:2] != self._shape
        self._shape = array.shape[:2]
        if array.ndim == 3:  # RGB: levels apply per channel, no colour map
            self.image.setLookupTable(None)
            cmap = None
            self.image.setImage(array, levels=levels, autoLevels=False)
        else:
            if cmap is not self._cmap:
                self.image.setColorMap(cmap)
            self.image.setImage(array, levels=levels, autoLevels=False)
        if self.colorbar is not None:
            # Only what changed: re-laying out a colour bar's axis is the costliest part.
            if cmap is not self._cmap:
                self.colorbar.setColorMap(cmap)
            if tuple(levels) != self._levels:
                self.colorbar.setLevels(levels)
        self._cmap, self._levels = cmap, tuple(levels)
        if shape_changed:
            # a thin frame: white cells (a maximum, a zero) stay visible on the white page
            self.show_rects("border", [(0, 0, *self._shape)], BORDER, line_width=1)
            self.view.autoRange(padding=0.02)

    def show_extent(self, height: int, width: int) -> None:
        """Show (at least) a height × width area of cells, this image at the top left."""
        self.view.setRange(xRange=(0, width), yRange=(0, height), padding=0.02)

    def cell_pixels(self) -> float:
        """Screen pixels per image cell now."""
        (left, right), (top, bottom) = self.view.viewRange()
        return min(self.view.width() / (right - left), self.view.height() / (bottom - top))

    def show_scale(self, pixels: float) -> None:
        """Draw cells ``pixels`` wide, the image at the top left: two views at one scale line
        their positions up."""
        self.view.setRange(xRange=(0, self.view.width() / pixels),
                           yRange=(0, self.view.height() / pixels), padding=0)

    def clear(self, title: str | None = None) -> None:
        """Nothing to show (e.g. settings with no output): an empty view, no overlays."""
        self.image.clear()
        self._shape = (0, 0)
        for key in list(self._paths):
            self.show_rects(key, [])
        self.set_labels([])
        if title is not None:
            self.set_title(title)

    def show_rects(self, key: str, rects, color: QColor = HIGHLIGHT, fill: bool = False,
                   line_width: float = 2) -> None:
        """Outline (or fill) blocks of pixels, replacing what ``key`` showed before.

        ``rects`` holds (row, col, height, width) in pixels, (0, 0) the top-left pixel. One path
        item per key, created once and then only updated.
        """
        item = self._paths.get(key)
        if item is None:
            item = self._paths[key] = QGraphicsPathItem()
            item.setZValue(10)
            self.view.addItem(item)
        pen = QPen(color)
        pen.setWidthF(line_width)
        pen.setCosmetic(True)  # the same width at any zoom
        item.setPen(pen)
        fill_color = QColor(color)
        fill_color.setAlpha(90 if fill else 0)
        item.setBrush(fill_color)
        path = QPainterPath()
        for row, col, height, width in rects:
            path.addRect(QRectF(col, row, width, height))
        item.setPath(path)
        self._rects[key] = [tuple(r) for r in rects]

    def set_labels(self, labels, centred: bool = False) -> None:
        """Small texts on the image: ``labels`` holds (row, col, text), placed at the top-left
        of that pixel (channel numbers on a mosaic), or ``centred`` in it (values in cells).
        Items are kept and reused."""
        while len(self._labels) < len(labels):
            item = pg.TextItem(color="#111", anchor=(0, 0), fill=(255, 255, 255, 170))
            item.setZValue(20)
            self.view.addItem(item)
            self._labels.append(item)
        offset = 0.5 if centred else 0.0
        font = QFont()
        font.setPointSize(7 if centred else font.pointSize())
        for item, (row, col, text, *colour) in zip(self._labels, labels):
            item.setAnchor((offset, offset))
            item.setFont(font)
            item.fill = pg.mkBrush(None if centred else (255, 255, 255, 170))
            item.setText(text, color=colour[0] if colour else "#111")
            item.setPos(col + offset, row + offset)
            item.setVisible(True)
        for item in self._labels[len(labels):]:
            item.setVisible(False)

    def label_texts(self) -> list[str]:
        """The texts of the labels shown now, in the order they were given."""
        return [item.textItem.toPlainText() for item in self._labels if item.isVisible()]

    def rects(self, key: str) -> list:
        """What ``show_rects(key, ...)`` last showed."""
        return self._rects.get(key, [])

    def _pixel(self, scene_pos) -> tuple[int, int]:
        """The image cell under a scene position; (-1, -1) off the image."""
        point = self.view.mapSceneToView(scene_pos)
        row, col = int(np.floor(point.y())), int(np.floor(point.x()))
        inside = 0 <= row < self._shape[0] and 0 <= col < self._shape[1]
        return (row, col) if inside else (-1, -1)

    def _clicked(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._shape[0]:
            row, col = self._pixel(event.scenePos())
            if row >= 0:
                self.pixelClicked.emit(row, col)

    def _moved(self, scene_pos) -> None:
        cell = self._pixel(scene_pos)
        if cell != self._hovered:
            self._hovered = cell
            self.pixelHovered.emit(*cell)

    def _save_picture(self) -> None:
        from gui.files import save_png
        name = self.title.text().replace("<b>", "").replace("</b>", "").split(":")[0].strip()
        path, _ = QFileDialog.getSaveFileName(
            self, translate("ImagePanel", "Save the picture as PNG"), f"{name or 'picture'}.png",
            translate("ImagePanel", "PNG image (*.png)"))
        if path:
            try:
                save_png(self, path)
            except OSError as err:
                QMessageBox.warning(self, translate("ImagePanel", "Save picture"), translate(
                    "ImagePanel", "Could not write {path}: {err}").format(path=path, err=err))

    def pixel_at(self, row: int, col: int):
        """The widget position of a pixel's centre (tests click there)."""
        scene = self.view.mapViewToScene(pg.Point(col + 0.5, row + 0.5))
        return self.canvas.mapFromScene(scene)
