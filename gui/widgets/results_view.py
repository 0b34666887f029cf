"""After an epoch: the confusion matrix, and the test images behind any of its cells.

Click (or move to with the arrow keys) a cell: the gallery shows every test image of that
(true, said) pair — the most confident mistakes first, or, on the diagonal, the least confident
right answers first. Click an image (or press Enter) to ask why.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.data import FASHION_CLASSES
from gui.choices import class_names
from gui.i18n import Translated, translate
from gui.widgets.image_panel import COUNTS
from gui.widgets.veil import Veilable


class Results(NamedTuple):
    epoch: int
    confusion: np.ndarray    # (classes, classes): rows true, columns said
    predictions: np.ndarray  # (N,) what the network said for each test image
    confidences: np.ndarray  # (N,) its probability for that answer
    images: np.ndarray       # (N, 28, 28) uint8
    labels: np.ndarray       # (N,) the true classes
    class_names: tuple


def cell_images(results: Results, true: int, said: int) -> np.ndarray:
    """Indices of the test images in one confusion cell: mistakes the most confident first,
    right answers (the diagonal) the least confident first."""
    index = np.flatnonzero((results.labels == true) & (results.predictions == said))
    order = np.argsort(results.confidences[index], kind="stable")
    return index[order[::-1] if true != said else order]


def short(name: str) -> str:
    return name.split("/")[0]


class ResultsView(Translated, QWidget):
    """``imageChosen(test index)`` when the learner opens an image of the gallery."""

    imageChosen = Signal(int)

    def __init__(self):
        super().__init__()
        self.results: Results | None = None
        self.cell: tuple[int, int] | None = None
        self.confusion = QTableWidget(10, 10)
        self.confusion.setObjectName("confusion")
        self.confusion.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.confusion.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        # ten columns share the width: the whole matrix is visible without scrolling
        self.confusion.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.confusion.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.confusion.setStyleSheet("font-size: 11px;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.gallery_title = QLabel()
        self.gallery_title.setObjectName("gallery_title")
        self.gallery_title.setWordWrap(True)
        self.gallery = QListWidget()
        self.gallery.setObjectName("gallery")
        self.gallery.setViewMode(QListWidget.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(56, 56))
        self.gallery.setGridSize(QSize(96, 84))
        self.gallery.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.gallery.setUniformItemSizes(True)
        self.title = title = QLabel()
        title.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(self.confusion, 1)
        left.addWidget(self.summary)
        right = QVBoxLayout()
        right.addWidget(self.gallery_title)
        right.addWidget(self.gallery, 1)
        content = QWidget()  # veiled while a lesson asks to predict what it shows
        body = QHBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        self.veil = Veilable(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.veil)
        self.confusion.currentCellChanged.connect(lambda row, col, *_: self.show_cell(row, col))
        self.gallery.itemClicked.connect(self._open)
        self.gallery.itemActivated.connect(self._open)  # Enter, or a double click
        self.names = FASHION_CLASSES
        self.retranslate()

    def retranslate(self) -> None:
        self.confusion.setToolTip(translate(
            "ResultsView", "Row: the true class; column: what the network said. The diagonal "
            "holds the right answers. Click a cell to see its images."))
        self.gallery.setToolTip(translate(
            "ResultsView", "The test images of the chosen cell, with how sure the network was. "
            "Click one (or press Enter) to see why it answered so."))
        self.title.setText(translate(
            "ResultsView", "<b>Confusion matrix</b>: rows the true class, columns what the "
            "network said (numbered like the rows)"))
        self._say()

    def clear(self, class_names=None) -> None:
        self.results, self.cell = None, None
        self.confusion.clearContents()
        if class_names is not None:
            self.names = class_names
        self.gallery.clear()
        self._say()

    def _say(self) -> None:
        """The headers, the summary and the gallery's title and tooltips of what is on display,
        in the current language."""
        if self.results is None:
            if self.names is not None:
                self._label(self.names)
            self.gallery_title.setText(translate("ResultsView", "<b>Test images</b>"))
            self.summary.setText(translate("ResultsView", "Train for an epoch: the matrix then "
                                                          "shows how often each class is taken "
                                                          "for each other."))
            return
        results, confusion = self.results, self.results.confusion
        names = class_names(results.class_names)
        self._label(results.class_names)
        off = confusion - np.diag(np.diag(confusion))
        t, p = np.unravel_index(off.argmax(), off.shape)
        self.summary.setText(translate(
            "ResultsView", "Epoch {epoch}: {right} of {total} right. The most common mistake: "
            "<b>{true}</b> taken for <b>{said}</b> ({count} times).").format(
            epoch=results.epoch, right=f"{np.trace(confusion):,}", total=f"{confusion.sum():,}",
            true=names[t], said=names[p], count=off[t, p]))
        if self.cell is None:
            return
        true, said = self.cell
        count = self.gallery.count()
        if true == said:
            what = translate("ResultsView", "<b>{true}</b> recognised: {count} test images, the "
                                            "least sure first").format(
                true=short(names[true]), count=f"{count:,}")
        else:
            what = translate("ResultsView", "<b>{true}</b> taken for <b>{said}</b>: {count} test "
                                            "images, the most sure first").format(
                true=short(names[true]), said=short(names[said]), count=f"{count:,}")
        self.gallery_title.setText(what)
        for row in range(count):
            item = self.gallery.item(row)
            i = int(item.data(Qt.ItemDataRole.UserRole))
            item.setToolTip(translate("ResultsView", "test image {index}: a {true}; the network "
                                                     "said {said} ({sure} sure)").format(
                index=i, true=names[true], said=names[said],
                sure=f"{self.results.confidences[i]:.0%}"))

    def display(self, results: Results) -> None:
        confusion = results.confusion
        self.results = results
        rgb = COUNTS.map((confusion / max(confusion.max(), 1)).ravel(), mode="byte")
        for (t, p), count in np.ndenumerate(confusion):
            item = QTableWidgetItem(str(count))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            colour = QColor(*(int(v) for v in rgb[t * confusion.shape[1] + p][:3]))
            item.setBackground(colour)
            item.setForeground(Qt.GlobalColor.black if colour.lightness() > 110
                               else Qt.GlobalColor.white)
            self.confusion.setItem(t, p, item)
        off = confusion - np.diag(np.diag(confusion))
        t, p = np.unravel_index(off.argmax(), off.shape)
        row, col = self.cell if self.cell is not None else (int(t), int(p))
        self.confusion.setCurrentCell(row, col)
        self.show_cell(row, col)

    def show_cell(self, true: int, said: int) -> None:
        """The gallery holds every test image of cell (true, said)."""
        if self.results is None or true < 0 or said < 0:
            return
        self.cell = (true, said)
        index = cell_images(self.results, true, said)
        self.gallery.setUpdatesEnabled(False)
        self.gallery.clear()
        for i in index:
            image = np.ascontiguousarray(self.results.images[i])
            h, w = image.shape
            qimage = QImage(image.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
            item = QListWidgetItem(QIcon(QPixmap.fromImage(qimage).scaled(56, 56)),
                                   f"{self.results.confidences[i]:.0%}")
            item.setData(Qt.ItemDataRole.UserRole, int(i))
            self.gallery.addItem(item)
        self.gallery.setUpdatesEnabled(True)
        self._say()

    def _open(self, item: QListWidgetItem) -> None:
        self.imageChosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _label(self, names) -> None:
        """Rows carry the names; ten names do not fit above ten narrow columns, so the columns
        carry the class numbers (the same order), and each header its name as a tooltip."""
        names = class_names(names)
        count = len(names)
        self.confusion.setRowCount(count)
        self.confusion.setColumnCount(count)
        self.confusion.setVerticalHeaderLabels([f"{i} {short(n)}" for i, n in enumerate(names)])
        self.confusion.setHorizontalHeaderLabels([str(i) for i in range(count)])
        for i, name in enumerate(names):
            self.confusion.horizontalHeaderItem(i).setToolTip(
                translate("ResultsView", "said: {name}").format(name=name))
            self.confusion.verticalHeaderItem(i).setToolTip(
                translate("ResultsView", "true class: {name}").format(name=name))
