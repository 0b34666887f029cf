"""The LeNet-5 page's tabs that look at the network: its architecture, what it makes of one test
image (and its kernels), and what it says about an image of the learner's."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.inside import classify
from gui.pages.lenet.text import ARCHITECTURE_NOTE, prediction_html
from gui.widgets.controls import rich_label, spin
from gui.widgets.draw_pad import DrawPad
from gui.widgets.layer_views import LayerViews, ProbabilityChart


class ArchitectureTab(QWidget):
    def __init__(self):
        super().__init__()
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("architecture")
        self.table.setHorizontalHeaderLabels(["#", "layer", "output shape", "parameters",
                                              "MACs per image"])
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.note = rich_label("architecture_note")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def display(self, model, origin: str) -> None:
        rows = model.summary((1, 28, 28))
        self.table.setRowCount(len(rows) + 1)
        for i, row in enumerate(rows):
            cells = (str(i), row.name, "×".join(map(str, row.output_shape)), f"{row.params:,}",
                     f"{row.macs:,}")
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        totals = ("", "total", "", f"{sum(r.params for r in rows):,}",
                  f"{sum(r.macs for r in rows):,}")
        for j, text in enumerate(totals):
            item = QTableWidgetItem(text)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            self.table.setItem(len(rows), j, item)
        self.note.setText(ARCHITECTURE_NOTE.format(origin=origin))


class PredictTab(QWidget):
    """A test image, a drawing or a dropped picture, and what the network says about it."""

    def __init__(self):
        super().__init__()
        self.index = spin(0, 9999, 0, "A test image to classify", "predict_index")
        self.pick = QPushButton("Classify this test image")
        self.pick.setObjectName("predict_test")
        self.pick.setToolTip("Show the network the chosen test image")
        self.pad = DrawPad(180, 15)
        self.clear = QPushButton("Clear drawing")
        self.clear.setToolTip("Wipe the drawing pad")
        self.why = QPushButton("Why?")
        self.why.setObjectName("why")
        self.why.setToolTip("Explain the last answer: which pixels and parts of the image made "
                            "it, and what it looks like to the network")
        self.text = rich_label("predict_text", "Pick a test image, draw on the pad, or drop a "
                                               "picture on the window.")
        self.chart = ProbabilityChart()
        self.stages = LayerViews(columns=3)
        self.stages.setVisible(False)  # until there is an answer to explain
        self.hint = QLabel("Pick a test image or draw one: every layer's output for it "
                           "appears here, beside the network's answer.")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("color: #666; font-size: 14px;")
        row = QHBoxLayout()
        row.addWidget(QLabel("Test image"))
        row.addWidget(self.index, 1)
        controls = QVBoxLayout()
        controls.addLayout(row)
        controls.addWidget(self.pick)
        controls.addWidget(QLabel("…or draw one:"))
        controls.addWidget(self.pad)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear)
        buttons.addWidget(self.why)
        controls.addLayout(buttons)
        controls.addWidget(self.text)
        controls.addWidget(self.chart, 1)  # the answer sits beside the question
        left = QWidget()
        left.setLayout(controls)
        left.setFixedWidth(250)
        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addWidget(self.hint, 1)
        layout.addWidget(self.stages, 1)
        self.clear.clicked.connect(self.pad.clear)

    def ask(self, model, image: np.ndarray, what: str, class_names) -> np.ndarray:
        """Classify ``image`` (uint8, or floats in [0, 1]) with ``model``; show every stage and
        the answer; return the class probabilities."""
        inside = classify(model, image)
        self.hint.setVisible(False)
        self.stages.setVisible(True)
        self.stages.display(inside)
        self.chart.display(inside.probabilities)
        self.text.setText(prediction_html(what, class_names, inside.probabilities))
        return inside.probabilities

    def set_classes(self, names) -> None:
        self.chart.set_classes(names)


def short_names(names) -> list[str]:
    """"T-shirt/top" -> "T-shirt": class names short enough for an axis."""
    return [n.split("/")[0] for n in names]

