"""The same convolution three ways, timed on the current input, with their differences."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import functional as F
from core.timing import MethodProgress, MethodTimed
from gui import choices
from gui.i18n import Translated, translate
from gui.pages.convolution.config import ConvResult
from gui.widgets.controls import roomy_header
from gui.workers import WorkerRunner

ORDER = tuple(choices.CONV_METHODS)  # rows of the table


@dataclass(frozen=True)
class MethodDifference:
    method: str
    max_abs: float  # largest |difference| from the naive loop's maps


def compare_methods(context, result: ConvResult):
    """A job: time each method once on the result's input, then compare the maps."""
    x, weight, window = result.x, result.weight, result.window
    outputs = {}
    for method in ORDER:
        start = time.perf_counter()
        if method == "naive":
            def progress(done, total):
                context.check()
                context.report(MethodProgress(done / total))
            outputs[method] = F.conv2d_naive(x, weight, None, progress=progress, **window)
        else:
            outputs[method] = F.CONV_METHODS[method](x, weight, None, **window)
        yield MethodTimed(method, time.perf_counter() - start)
    for method, out in outputs.items():
        yield MethodDifference(method, float(np.abs(out - outputs["naive"]).max()))


class MethodsTab(Translated, QWidget):
    def __init__(self):
        super().__init__()
        self.result: ConvResult | None = None
        self.runner = WorkerRunner(self)
        self.intro = intro = QLabel()
        intro.setWordWrap(True)
        self.compare = QPushButton(objectName="compare")
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.table = QTableWidget(len(ORDER), 3)
        self.table.setObjectName("methods_table")
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMaximumHeight(140)
        roomy_header(self.table)
        self._clear()
        layout = QVBoxLayout(self)
        for widget in (intro, self.compare, self.progress, self.table):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.compare.clicked.connect(self.start)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(translate(
            "ConvolutionPage", "The same convolution three ways. The naive loop visits every "
            "multiply one by one in Python; im2col + GEMM copies every patch into a column first, "
            "then does one matrix product; the fast path builds the same matrix with strided "
            "views instead of loops. Press the button to time them on the current input and "
            "kernels."))
        self.compare.setText(translate("ConvolutionPage", "Compare the three methods on the "
                                                          "current input"))
        self.compare.setToolTip(translate("ConvolutionPage", "Time each method (the naive loop "
                                                             "runs in the background)"))
        self.table.setHorizontalHeaderLabels([
            translate("ConvolutionPage", "method"), translate("ConvolutionPage", "time"),
            translate("ConvolutionPage", "max |difference| vs naive")])
        for method in ORDER:
            self._set(method, 0, choices.say(choices.CONV_METHODS[method]))

    def display(self, result: ConvResult) -> None:
        """A new input or kernel: earlier timings no longer apply."""
        if result is not self.result:
            self.runner.cancel()
            self.result = result
            self._clear()

    def start(self) -> None:
        if self.result is None or self.runner.running:
            return
        self._clear("…")
        self.compare.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        result = self.result
        self.runner.start(lambda context: compare_methods(context, result), self._items,
                          self._failed, self._finished)

    def _items(self, items: list) -> None:
        for item in items:
            if isinstance(item, MethodProgress):
                self.progress.setValue(int(100 * item.fraction))
            elif isinstance(item, MethodTimed):
                self._set(item.method, 1, f"{item.seconds * 1e3:.3f} ms")
            elif isinstance(item, MethodDifference):
                self._set(item.method, 2, f"{item.max_abs:.2e}")

    def _failed(self, error: BaseException) -> None:
        self._clear(translate("ConvolutionPage", "failed: {error}").format(error=error))

    def _finished(self) -> None:
        self.compare.setEnabled(True)
        self.progress.setVisible(False)

    def _set(self, method: str, column: int, text: str) -> None:
        self.table.setItem(ORDER.index(method), column, QTableWidgetItem(text))

    def _clear(self, text: str = "—") -> None:
        for method in ORDER:
            self._set(method, 0, choices.say(choices.CONV_METHODS[method]))
            for column in (1, 2):
                self._set(method, column, text)
