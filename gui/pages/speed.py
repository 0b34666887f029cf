"""The speed page: the lesson's timing comparison on shapes the learner picks."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
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
from core.functional import ShapeError
from core.timing import MethodProgress, MethodStarted, MethodTimed, measure_methods
from gui import choices
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.pages.base import Page
from gui.widgets.form import Check, Form, Int
from gui.widgets.veil import Veilable
from gui.workers import WorkerRunner, run_in_process

METHODS = tuple(choices.SPEED_METHODS)  # the core's three, then PyTorch's
MAX_MATRIX_BYTES = 1 << 30  # larger im2col matrices would swap a laptop rather than teach


def torch_available() -> bool:
    """Whether PyTorch is installed, without paying for its (slow) import now."""
    return importlib.util.find_spec("torch") is not None


@dataclass(frozen=True)
class SpeedConfig:
    batch: int = 1
    channels: int = 1
    size: int = 28
    out_channels: int = 6
    kernel: int = 5
    padding: int = 2
    naive: bool = True
    im2col: bool = True
    fast: bool = True
    torch: bool = True


FIELDS = (
    Int("batch",
        QT_TRANSLATE_NOOP("SpeedPage", "Batch N"),
        QT_TRANSLATE_NOOP("SpeedPage", "N: images in the batch"), 1, 256),
    Int("channels",
        QT_TRANSLATE_NOOP("SpeedPage", "Channels C"),
        QT_TRANSLATE_NOOP("SpeedPage", "C: input channels"), 1, 64),
    Int("size",
        QT_TRANSLATE_NOOP("SpeedPage", "Size H = W"),
        QT_TRANSLATE_NOOP("SpeedPage", "H = W: input size in pixels"), 3, 256),
    Int("out_channels",
        QT_TRANSLATE_NOOP("SpeedPage", "Kernels OC"),
        QT_TRANSLATE_NOOP("SpeedPage", "OC: output channels (kernels)"), 1, 128),
    Int("kernel",
        QT_TRANSLATE_NOOP("SpeedPage", "Kernel K"),
        QT_TRANSLATE_NOOP("SpeedPage", "KH = KW: kernel size"), 1, 11),
    Int("padding",
        QT_TRANSLATE_NOOP("SpeedPage", "Padding"),
        QT_TRANSLATE_NOOP("SpeedPage", "Zero padding on each side"), 0, 10),
    Check("naive",
          QT_TRANSLATE_NOOP("SpeedPage", "naive loops"),
          QT_TRANSLATE_NOOP("SpeedPage", "Include the naive loops in the comparison")),
    Check("im2col",
          QT_TRANSLATE_NOOP("SpeedPage", "im2col + GEMM"),
          QT_TRANSLATE_NOOP("SpeedPage", "Include im2col + GEMM in the comparison")),
    Check("fast",
          QT_TRANSLATE_NOOP("SpeedPage", "fast (numpy)"),
          QT_TRANSLATE_NOOP("SpeedPage", "Include the fast path in the comparison")),
    Check("torch",
          QT_TRANSLATE_NOOP("SpeedPage", "PyTorch conv2d"),
          QT_TRANSLATE_NOOP("SpeedPage", "Include PyTorch's conv2d in the comparison")),
)


class SpeedPage(Translated, Page):
    title = QT_TRANSLATE_NOOP("Pages", "Speed")
    key = "speed"
    tagline = QT_TRANSLATE_NOOP("Pages", "Naive loops vs im2col vs the fast path (and PyTorch)")
    Config = SpeedConfig

    def __init__(self, config: SpeedConfig | None = None):
        super().__init__()
        self.runner = WorkerRunner(self)
        self.runner.runningChanged.connect(self.busyChanged)
        self.has_torch = torch_available()
        self.results: dict[str, float] = {}
        self.measured: SpeedConfig | None = None  # the settings the results were measured with
        self._described = None  # (MACs, im2col bytes, error) of the settings on display
        self._build()
        self.set_config(config or SpeedConfig())

    def _build(self) -> None:
        self.box = box = QGroupBox()
        form = QFormLayout(box)
        self.form = Form(FIELDS, SpeedConfig(), form, self, "SpeedPage")
        self.checks = {name: self.form[name] for name in METHODS}
        if not self.has_torch:
            self.checks["torch"].setEnabled(False)
        self.macs = QLabel()
        self.macs.setWordWrap(True)
        form.addRow(self.macs)
        self.run = QPushButton(objectName="run")
        self.cancel = QPushButton(objectName="cancel")
        self.cancel.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.run)
        row.addWidget(self.cancel)
        form.addRow(row)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        form.addRow(self.progress)
        box.setFixedWidth(300)
        self.form.changed.connect(self._describe)
        self.run.clicked.connect(self.start)
        self.cancel.clicked.connect(self.runner.request_stop)

        self.measured_label = QLabel()
        self.measured_label.setObjectName("measured")
        self.measured_label.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("results")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setMaximumHeight(170)
        self.chart = pg.PlotWidget()
        self.chart.setObjectName("chart")
        self.chart.setMouseEnabled(False, False)
        self.chart.showGrid(y=True, alpha=0.4)
        self.chart.hideAxis("left")  # until there are times to show
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush="#1565c0")
        self.chart.addItem(self.bars)
        self.hint = pg.TextItem("", color="#555", anchor=(0.5, 0.5))
        self.chart.addItem(self.hint)
        self.hint.setPos(0.5, 0.5)
        self.note = QLabel()
        self.note.setWordWrap(True)
        times = QWidget()  # veiled while a lesson asks to predict them
        right = QVBoxLayout(times)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.measured_label)
        right.addWidget(self.table, 1)
        right.addWidget(self.chart, 2)
        right.addWidget(self.note)
        self.veils = {"times": Veilable(times)}
        layout = QHBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.veils["times"], 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setTitle(translate("SpeedPage", "Shapes"))
        self.form.retranslate()
        if not self.has_torch:
            self.checks["torch"].setToolTip(translate("SpeedPage", "PyTorch is not installed: "
                                                                   "pip install torch to compare "
                                                                   "with it"))
        self.run.setText(translate("SpeedPage", "Run"))
        self.run.setToolTip(translate("SpeedPage", "Time each chosen method in the background"))
        self.cancel.setText(translate("SpeedPage", "Cancel"))
        self.cancel.setToolTip(translate("SpeedPage", "Stop the measurement at once"))
        self.table.setHorizontalHeaderLabels([
            translate("SpeedPage", "method"), translate("SpeedPage", "time per call"),
            translate("SpeedPage", "speed-up over naive")])
        self.chart.setTitle(translate("SpeedPage", "Time per call (log scale: each grid line is "
                                                   "10× slower)"))
        self.hint.setText(translate("SpeedPage", "Press Run to time the methods"))
        self.measured_label.setToolTip(translate("SpeedPage", "The settings the times were "
                                                              "measured with"))
        self.note.setText(translate(
            "SpeedPage", "Each time is per call: the median of repeated calls over about 0.3 s "
            "(the naive loop runs once), measured in a separate process. The lesson timed 100 "
            "calls of its first demo (a 3×3 image, 16 kernels 3×3): sliding window 0.405 s, "
            "im2col 0.018 s, PyTorch 0.0085 s — about 4 ms, 0.18 ms and 0.085 ms per call. For "
            "small inputs like these numpy's fast path can beat PyTorch, whose per-call overhead "
            "dominates."))
        self._say_described()
        self._say_measured()
        if self.results:
            self._show()

    def config(self) -> SpeedConfig:
        return SpeedConfig(**self.form.values())

    def set_config(self, config: SpeedConfig) -> None:
        self.form.set_values(config)
        if not self.has_torch:
            self.checks["torch"].setChecked(False)
        self._describe()

    def _shapes(self, config: SpeedConfig):
        x_shape = (config.batch, config.channels, config.size, config.size)
        w_shape = (config.out_channels, config.channels, config.kernel, config.kernel)
        return x_shape, w_shape

    @property
    def busy(self) -> bool:
        return self.runner.running

    def _describe(self, *_) -> None:
        """What the settings cost; Run is possible only for settings that can run."""
        config = self.config()
        x_shape, w_shape = self._shapes(config)
        try:
            macs = F.conv2d_macs(x_shape, w_shape, padding=config.padding)
        except ShapeError as err:
            self._described = (0, 0, str(err))
        else:
            # The im2col matrix holds C·KH·KW values for each of the N·OH·OW output pixels:
            # the MACs without the factor OC. In float32, 4 bytes each.
            self._described = (macs, macs // config.out_channels * 4, "")
        _, matrix_bytes, error = self._described
        self.run.setEnabled(not (error or matrix_bytes > MAX_MATRIX_BYTES
                                 or self.runner.running))
        self._say_described()
        self._say_measured()

    def _say_described(self) -> None:
        if self._described is None:
            return
        macs, matrix_bytes, error = self._described
        if error:
            self.macs.setText(f"<span style='color:#d32f2f'>{error}</span>")
        elif matrix_bytes > MAX_MATRIX_BYTES:
            self.macs.setText(translate(
                "SpeedPage", "<span style='color:#d32f2f'>Too large: the im2col matrix would "
                "need {need} GB (the limit here is {limit} GB). Choose a smaller batch, size or "
                "kernel.</span>").format(need=f"{matrix_bytes / 1e9:,.1f}",
                                         limit=f"{MAX_MATRIX_BYTES / 1e9:.0f}"))
        else:
            estimate = macs * 0.6e-6  # the naive loop manages about 1.5–2 million MACs a second
            self.macs.setText((translate("SpeedPage", "{macs} multiply-accumulates per call. "
                                                      "The naive loop will take about {seconds} "
                                                      "s.")
                               if estimate > 1 else
                               translate("SpeedPage", "{macs} multiply-accumulates per call."))
                              .format(macs=f"{macs:,}", seconds=f"{estimate:.1f}"))

    def _say_measured(self) -> None:
        """Which settings the times on display belong to, and whether they still apply."""
        measured = self.measured
        if measured is None:
            self.measured_label.setText("")
            return
        x_shape, w_shape = self._shapes(measured)
        said = translate("SpeedPage", "Times for an input {input} and {count} kernels {kernel}, "
                                      "padding {padding}.").format(
            input="×".join(map(str, x_shape)), count=w_shape[0],
            kernel=f"{w_shape[2]}×{w_shape[3]}", padding=measured.padding)
        now = self.config()
        if (self._shapes(measured), measured.padding) != (self._shapes(now), now.padding):
            said = "<span style='color:#b71c1c'>" + said + " " + translate(
                "SpeedPage", "The settings have changed since: press Run to time these.") \
                + "</span>"
        self.measured_label.setText(said)

    def start(self) -> None:
        config = self.config()
        x_shape, w_shape = self._shapes(config)
        chosen = [name for name in METHODS if self.checks[name].isChecked()]
        if not chosen or self.runner.running or not self.run.isEnabled():
            return

        def job(context):
            # In a child process: a stop (Cancel, closing the window) ends a long numpy call
            # at once instead of waiting for it, and the GUI does not disturb the timings.
            yield from run_in_process(context, measure_methods, x_shape, w_shape,
                                      config.padding, chosen)

        self.results, self.measured = {}, config
        self._say_measured()
        self.table.setRowCount(0)
        self.bars.setOpts(x=[], height=[])
        self.progress.setValue(0)
        self.run.setEnabled(False)
        self.cancel.setEnabled(True)
        self.statusMessage.emit(translate("SpeedPage", "Starting the measurement…"))
        self.runner.start(job, self._items, self._failed, self._finished)

    def _items(self, items: list) -> None:
        for item in items:
            if isinstance(item, MethodStarted):
                self.statusMessage.emit(translate("SpeedPage", "Timing {method}…").format(
                    method=choices.say(choices.SPEED_METHODS[item.method])))
                self.progress.setValue(int(100 * item.index / item.count))
            elif isinstance(item, MethodProgress):
                self.progress.setValue(int(100 * item.fraction))
            elif isinstance(item, MethodTimed):
                self.results[item.method] = item.seconds
                self._show()

    def _show(self) -> None:
        names = [name for name in METHODS if name in self.results]
        self.table.setRowCount(len(names))
        naive = self.results.get("naive")
        for row, name in enumerate(names):
            seconds = self.results[name]
            speedup = f"{naive / seconds:,.0f}×" if naive else "—"
            for column, text in enumerate((choices.say(choices.SPEED_METHODS[name]),
                                           _format(seconds),
                                           speedup)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.hint.setVisible(False)
        self.chart.showAxis("left")
        logs = np.log10([self.results[n] * 1e3 for n in names])  # bars on a log10(ms) axis
        floor = np.floor(logs.min()) - 0.5
        self.bars.setOpts(x=np.arange(len(names)), y0=floor, height=logs - floor)
        self.chart.getAxis("bottom").setTicks([[(i, choices.say(choices.SPEED_METHODS[n]))
                                                for i, n in enumerate(names)]])
        powers = range(int(floor), int(np.ceil(logs.max())) + 1)
        self.chart.getAxis("left").setTicks([[(p, f"{10.0 ** p:g} ms") for p in powers]])
        self.chart.setYRange(floor, logs.max() + 0.3)
        self.chart.setXRange(-0.5, len(names) - 0.5)

    def _failed(self, error: BaseException) -> None:
        self.statusMessage.emit(translate("SpeedPage", "The measurement failed: {error}").format(
            error=error))

    def _finished(self) -> None:
        self.progress.setValue(100 if len(self.results) == sum(
            c.isChecked() for c in self.checks.values()) else self.progress.value())
        self.cancel.setEnabled(False)
        self._describe()  # enables Run again, unless the shapes were made invalid meanwhile
        self.statusMessage.emit(translate("SpeedPage", "Measurement finished.") if self.results
                                else translate("SpeedPage", "Cancelled."))


def _format(seconds: float) -> str:
    """Three significant digits: the timings are not more precise than that."""
    return f"{seconds * 1e3:.3g} ms" if seconds < 1 else f"{seconds:.3g} s"
