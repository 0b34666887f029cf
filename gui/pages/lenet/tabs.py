"""The LeNet-5 page's tabs that look at the network: its architecture, what it makes of one test
image (and its kernels), and what it says about an image of the learner's."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
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
from gui import choices
from gui.i18n import Translated, translate
from gui.pages.lenet.text import (
    ARCHITECTURE_NOTE,
    parameter_split,
    prediction_html,
    split_html,
)
from gui.tr import Words
from gui.widgets.controls import rich_label, spin
from gui.widgets.draw_pad import DrawPad
from gui.widgets.layer_views import LayerViews, ProbabilityChart
from gui.widgets.share_bar import ShareDelegate, share_item
from gui.widgets.veil import Veilable

SHARES = (3, 4)  # the table's columns with share bars


class ArchitectureTab(Translated, QWidget):
    """Every layer with its output shape, parameters and MACs and their shares as bars; where
    the parameters sit; and the first FC layer run as a convolution (``demoRequested``)."""

    demoRequested = Signal()

    def __init__(self):
        super().__init__()
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("architecture")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # a layer's full description is long: elided here, whole in its tooltip
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 190)
        for column in SHARES:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            self.table.setItemDelegateForColumn(column, ShareDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.note = rich_label("architecture_note")
        self.split = rich_label("parameter_split")
        self.demo_button = QPushButton(objectName="fc_demo")
        self.shown: tuple | None = None  # (model, origin) on display
        self.demo = rich_label("fc_demo_result")
        self.body = QHBoxLayout(self)
        content = QWidget()  # veiled while a lesson asks to predict what it counts
        table = QVBoxLayout(content)
        table.setContentsMargins(0, 0, 0, 0)
        table.addWidget(self.table, 1)
        table.addWidget(self.split)
        row = QHBoxLayout()
        row.addWidget(self.demo_button)
        row.addStretch(1)
        table.addLayout(row)
        table.addWidget(self.demo)
        table.addWidget(self.note)
        self.veil = Veilable(content)
        self.body.addWidget(self.veil, 1)
        self.demo_button.clicked.connect(self.demoRequested)
        self.retranslate()

    def add_settings(self, settings: QWidget) -> None:
        """The page's settings, left of the table they shape."""
        self.body.insertWidget(0, settings)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            "#", translate("LeNetPage", "layer"), translate("LeNetPage", "output shape"),
            translate("LeNetPage", "parameters · share"), translate("LeNetPage", "MACs · share")])
        self.table.setToolTip(translate("LeNetPage", "Each layer's share of the network's "
                                                     "parameters and of its multiply-accumulates "
                                                     "per image, as bars"))
        self.demo_button.setText(translate("LeNetPage", "Show the first FC layer as a "
                                                        "convolution"))
        self.demo_button.setToolTip(translate(
            "LeNetPage", "Run the first fully connected layer on the probe test image as it is "
            "and as a convolution with the same weights: the outputs are equal"))
        if self.shown is not None:
            self.display(*self.shown)

    def display(self, model, origin: str) -> None:
        """``origin``: where the weights come from, marked in the context "LeNetPage" (a
        ``{name}`` in it is a file name)."""
        self.shown = (model, origin)
        rows = model.summary((1, 28, 28))
        split = parameter_split(model, rows)
        self.table.setRowCount(len(rows) + 1)
        for i, row in enumerate(rows):
            layer = QTableWidgetItem(row.name)
            layer.setToolTip(row.name)
            cells = (QTableWidgetItem(str(i)), layer,
                     QTableWidgetItem("×".join(map(str, row.output_shape))),
                     share_item(row.params / split.total, row.params),
                     share_item(row.macs / split.macs, row.macs))
            for j, item in enumerate(cells):
                self.table.setItem(i, j, item)
        totals = ("", translate("LeNetPage", "total"), "", f"{split.total:,}",
                  f"{split.macs:,}")
        for j, text in enumerate(totals):
            item = QTableWidgetItem(text)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            self.table.setItem(len(rows), j, item)
        self.split.setText(split_html(split))
        self.note.setText(translate("LeNetPage", ARCHITECTURE_NOTE).format(
            origin=say_origin(origin)))
        self.demo.setText("")

    def show_demo(self, html: str) -> None:
        self.demo.setText(html)


def say_origin(origin) -> str:
    """Where the weights come from in the current language: a marked text, or (text, file)."""
    if isinstance(origin, tuple):
        text, name = origin
        return translate("LeNetPage", text).format(name=name)
    return translate("LeNetPage", origin)


class PredictTab(Translated, QWidget):
    """A test image, a drawing or a dropped picture, and what the network says about it."""

    def __init__(self):
        super().__init__()
        self.index = spin(0, 9999, 0, "", "predict_index")
        self.pick = QPushButton(objectName="predict_test")
        self.pad = DrawPad(180, 15)
        self.clear = QPushButton()
        self.why = QPushButton(objectName="why")
        self.text = rich_label("predict_text")
        # on display: (what, class names, probabilities) of an answer, or a message (Words)
        self.answer: tuple | None = None
        self.message: Words | None = None
        self.chart = ProbabilityChart()
        self.stages = LayerViews(columns=3)
        self.stages.setVisible(False)  # until there is an answer to explain
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("color: #666; font-size: 14px;")
        row = QHBoxLayout()
        self.words = (QLabel(), QLabel())  # "Test image", "…or draw one:"
        row.addWidget(self.words[0])
        row.addWidget(self.index, 1)
        controls = QVBoxLayout()
        controls.addLayout(row)
        controls.addWidget(self.pick)
        controls.addWidget(self.words[1])
        controls.addWidget(self.pad)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear)
        buttons.addWidget(self.why)
        controls.addLayout(buttons)
        controls.addWidget(self.text)
        controls.addStretch(1)
        left = QWidget()
        left.setLayout(controls)
        left.setFixedWidth(250)
        answer = QVBoxLayout()  # the answer beside the question, the stages beside both
        answer.addWidget(self.chart, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addLayout(answer)
        layout.addWidget(self.hint, 1)
        layout.addWidget(self.stages, 2)
        self.clear.clicked.connect(self.pad.clear)
        self.retranslate()

    def retranslate(self) -> None:
        self.index.setToolTip(translate("LeNetPage", "A test image to classify"))
        self.pick.setText(translate("LeNetPage", "Classify this test image"))
        self.pick.setToolTip(translate("LeNetPage", "Show the network the chosen test image"))
        self.clear.setText(translate("LeNetPage", "Clear drawing"))
        self.clear.setToolTip(translate("LeNetPage", "Wipe the drawing pad"))
        self.why.setText(translate("LeNetPage", "Why?"))
        self.why.setToolTip(translate("LeNetPage", "Explain the last answer: which pixels and "
                                                   "parts of the image made it, and what it "
                                                   "looks like to the network"))
        self.hint.setText(translate("LeNetPage", "Pick a test image or draw one: every layer's "
                                                 "output for it appears here, beside the "
                                                 "network's answer."))
        self.words[0].setText(translate("LeNetPage", "Test image"))
        self.words[1].setText(translate("LeNetPage", "…or draw one:"))
        self._say()

    def _say(self) -> None:
        if self.message is not None:
            self.text.setText(str(self.message))
        elif self.answer is not None:
            what, names, probabilities = self.answer
            self.text.setText(prediction_html(str(what), choices.class_names(names),
                                              probabilities))
        else:
            self.text.setText(translate("LeNetPage", "Pick a test image, draw on the pad, or "
                                                     "drop a picture on the window."))

    def ask(self, model, question, class_names) -> np.ndarray:
        """Classify ``question.image`` (uint8, or floats in [0, 1]) with ``model``; show every
        stage and the answer; return the class probabilities."""
        inside = classify(model, question.image)
        self.hint.setVisible(False)
        self.stages.setVisible(True)
        self.stages.display(inside)
        self.chart.display(inside.probabilities)
        self.answer, self.message = (question.what, list(class_names),
                                     inside.probabilities), None
        self._say()
        return inside.probabilities

    def show_message(self, source: str, **fields) -> None:
        """Say why there is no answer (a source text, said again in another language)."""
        self.message = Words("LeNetPage", source, fields)
        self._say()

    def forget(self) -> None:
        """A new network: the answer on display was the old one's."""
        self.answer = self.message = None
        self.stages.setVisible(False)
        self.hint.setVisible(True)
        self.chart.clear_answer()
        self._say()

    def set_classes(self, names) -> None:
        self.chart.set_classes(names)
