"""After an epoch: the confusion matrix as a table, and a gallery of the test images the
network got wrong."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt
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
from gui.widgets.image_panel import COUNTS

GALLERY_SIZE = 32


class ResultsView(QWidget):
    def __init__(self):
        super().__init__()
        self.confusion = QTableWidget(10, 10)
        self.confusion.setObjectName("confusion")
        self.confusion.setToolTip("Row: the true class; column: what the network answered. "
                                  "The diagonal holds the right answers.")
        self.confusion.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # ten columns share the width: the whole matrix is visible without scrolling
        self.confusion.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.confusion.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.confusion.setStyleSheet("font-size: 11px;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.gallery = QListWidget()
        self.gallery.setObjectName("gallery")
        self.gallery.setViewMode(QListWidget.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(56, 56))
        self.gallery.setGridSize(QSize(118, 96))
        self.gallery.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.gallery.setToolTip("Test images the network got wrong: the true class, and what "
                                "the network said")
        left = QVBoxLayout()
        title = QLabel("<b>Confusion matrix</b>: rows the true class, columns what the network "
                       "answered (numbered like the rows)")
        title.setWordWrap(True)
        left.addWidget(title)
        left.addWidget(self.confusion, 1)
        left.addWidget(self.summary)
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>Misclassified test images</b>"))
        right.addWidget(self.gallery, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.clear(FASHION_CLASSES)

    def clear(self, class_names=None) -> None:
        self.confusion.clearContents()
        if class_names is not None:
            self._label(class_names)
        self.gallery.clear()
        self.summary.setText("Train for an epoch: the matrix then shows how often each class "
                             "is taken for each other.")

    def _label(self, class_names) -> None:
        """Rows carry the names; ten names do not fit above ten narrow columns, so the columns
        carry the class numbers (the same order), and each header its name as a tooltip."""
        count = len(class_names)
        self.confusion.setRowCount(count)
        self.confusion.setColumnCount(count)
        self.confusion.setVerticalHeaderLabels([f"{i} {n.split('/')[0]}"
                                                for i, n in enumerate(class_names)])
        self.confusion.setHorizontalHeaderLabels([str(i) for i in range(count)])
        for i, name in enumerate(class_names):
            self.confusion.horizontalHeaderItem(i).setToolTip(f"said: {name}")
            self.confusion.verticalHeaderItem(i).setToolTip(f"true class: {name}")

    def display(self, epoch: int, confusion: np.ndarray, predictions: np.ndarray,
                images: np.ndarray, labels: np.ndarray, class_names) -> None:
        self._label(class_names)
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
        self.summary.setText(
            f"Epoch {epoch}: {np.trace(confusion):,} of {confusion.sum():,} right. The most "
            f"common mistake: <b>{class_names[t]}</b> taken for <b>{class_names[p]}</b> "
            f"({off[t, p]} times).")
        self.gallery.clear()
        for index in np.flatnonzero(predictions != labels)[:GALLERY_SIZE]:
            image = np.ascontiguousarray(images[index])
            h, w = image.shape
            qimage = QImage(image.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
            predicted, true = class_names[predictions[index]], class_names[labels[index]]
            item = QListWidgetItem(QIcon(QPixmap.fromImage(qimage).scaled(56, 56)),
                                   f"is {true.split('/')[0]}\nsaid {predicted.split('/')[0]}")
            item.setToolTip(f"test image {index}: a {true}, taken for a {predicted}")
            self.gallery.addItem(item)
