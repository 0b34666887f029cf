"""The Experiments page's views of runs: their curves overlaid, one run rewound epoch by epoch,
and each layer's distributions over time as small multiples."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.model import weighted_layer_names
from core.runs import GRAD_EDGES, HIST_BINS, passed_on
from core.train import TrainConfig, lenet_model
from gui.colours import symmetric_levels
from gui.i18n import Translated, translate
from gui.pages.runs import text
from gui.pages.runs.store import Run
from gui.widgets.controls import rich_label, roomy_header
from gui.widgets.image_panel import DIVERGING, GRAY, ImagePanel
from gui.widgets.mosaic import tile
from gui.widgets.training_plots import quiet_grid, smoothed

MAX_ROWS = 4  # runs shown as rows of small multiples


class Live(NamedTuple):
    """The variant an experiment is training now, drawn before it is a run."""

    name: str
    colour: str
    losses: list        # per batch
    accuracies: list    # test accuracy per epoch
    steps: int          # batches per epoch


def epoch_ticks(widget: pg.PlotWidget, last: int) -> None:
    """Whole epochs on the bottom axis (automatic ticks past a dozen)."""
    widget.getAxis("bottom").setTicks(
        [[(i, str(i)) for i in range(last + 1)]] if last <= 12 else None)


def plot(name: str) -> pg.PlotWidget:
    """A plot; its title and axis labels are set by its tab's retranslate()."""
    widget = pg.PlotWidget()
    widget.setObjectName(name)
    widget.setMinimumHeight(150)
    quiet_grid(widget)
    return widget


class CurvesTab(Translated, QWidget):
    """The ticked runs' loss and test accuracy per epoch, one colour each, with their final
    figures in a table."""

    def __init__(self):
        super().__init__()
        self.runs: list[Run] = []
        self.live: Live | None = None
        self.legend = rich_label("runs_legend")
        self.loss_plot = plot("runs_loss")
        self.accuracy_plot = plot("runs_accuracy")
        self.accuracy_plot.getAxis("left").enableAutoSIPrefix(False)
        self.table = QTableWidget(0, len(text.TABLE_COLUMNS))
        self.table.setObjectName("runs_table")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        roomy_header(self.table)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(4 * 22 + 28)
        layout = QGridLayout(self)
        layout.addWidget(self.legend, 0, 0, 1, 2)
        layout.addWidget(self.loss_plot, 1, 0)
        layout.addWidget(self.accuracy_plot, 1, 1)
        layout.addWidget(self.table, 2, 0, 1, 2)
        layout.setRowStretch(1, 3)
        layout.setRowStretch(2, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.loss_plot.setTitle(translate("RunsPage", "Training loss (smoothed)"))
        self.loss_plot.setLabel("left", translate("RunsPage", "cross-entropy"))
        self.loss_plot.setToolTip(translate(
            "RunsPage", "The loss of every batch, smoothed over about 10 batches; the epoch axis "
            "lines up runs of different sizes"))
        self.accuracy_plot.setTitle(translate("RunsPage", "Test accuracy"))
        self.accuracy_plot.setLabel("left", translate("RunsPage", "% of test images right"))
        for widget in (self.loss_plot, self.accuracy_plot):
            widget.setLabel("bottom", translate("RunsPage", "epoch"))
        self.table.setHorizontalHeaderLabels([text.say(name) for name, _ in text.TABLE_COLUMNS])
        for column, (_, tip) in enumerate(text.TABLE_COLUMNS):
            self.table.horizontalHeaderItem(column).setToolTip(text.say(tip))
        self.display(self.runs, self.live)

    def display(self, runs: list[Run], live: Live | None = None) -> None:
        self.runs, self.live = list(runs), live
        for widget in (self.loss_plot, self.accuracy_plot):
            widget.clear()
        shown = [(run.record.name, run.colour, run.record.batch_losses,
                  [e.test_accuracy for e in run.record.epochs], _steps(run))
                 for run in runs]
        if live is not None:
            shown.append((text.live_name(live.name), live.colour, live.losses,
                          live.accuracies, live.steps))
        for _, colour, losses, accuracies, steps in shown:
            pen = pg.mkPen(colour, width=2)
            if losses:
                self.loss_plot.plot(np.arange(1, len(losses) + 1) / max(steps, 1),
                                    smoothed(losses), pen=pen)
            points = [(i, 100 * a) for i, a in enumerate(accuracies, start=1) if a is not None]
            if points:
                x, y = zip(*points)
                self.accuracy_plot.plot(x, y, pen=pen, symbol="o", symbolBrush=colour,
                                        symbolPen=colour, symbolSize=7)
        last = max((len(accuracies) for *_, accuracies, _ in shown), default=1)
        epoch_ticks(self.loss_plot, max(last, 1))
        epoch_ticks(self.accuracy_plot, max(last, 1))
        self.legend.setText(text.legend([(name, colour) for name, colour, *_ in shown])
                            if shown else text.say(text.NO_RUNS))
        self._fill_table(runs)

    def _fill_table(self, runs: list[Run]) -> None:
        self.table.setRowCount(len(runs))
        for row, run in enumerate(runs):
            for column, value in enumerate(text.table_row(run.record)):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setForeground(pg.mkColor(run.colour))
                    item.setToolTip(text.run_tooltip(run.record))
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)


def _steps(run: Run) -> int:
    epochs = run.record.epochs
    return epochs[0].batches if epochs and epochs[0].batches else len(run.record.batch_losses)


@lru_cache(maxsize=32)
def _layout(config: tuple) -> tuple[tuple, dict]:
    """For a run's settings: the positions of what conv1 and conv2 pass on (the stages worth
    rewinding), and the names of the weighted layers by position."""
    model = lenet_model(TrainConfig(**dict(config)))
    return tuple(passed_on(model).values())[:2], weighted_layer_names(model)


def layout_of(record) -> tuple[tuple, dict]:
    """``_layout`` of a record's settings; none for settings this version cannot build (a run
    saved by another version): its kernels and curves still show."""
    try:
        return _layout(tuple(sorted(record.config.items())))
    except (TypeError, ValueError):
        return (), {}


class RewindTab(Translated, QWidget):
    """One run at any epoch: its kernels, the probe image's feature maps, its confusion matrix
    and accuracy. Colour scales are fixed over the whole run, so scrubbing shows the filters
    growing from noise."""

    def __init__(self):
        super().__init__()
        self.runs: list[Run] = []
        self.choice = QComboBox()
        self.choice.setObjectName("rewind_run")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("rewind_epoch")
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.play = QPushButton()
        self.play.setObjectName("rewind_play")
        self.epoch_label = QLabel()
        self.epoch_label.setObjectName("rewind_label")
        self.epoch_label.setMinimumWidth(210)
        self.epoch_word = QLabel()
        self.panels = {key: ImagePanel("", colorbar=key != "confusion", min_size=(110, 90))
                       for key, _ in text.REWIND_PANELS}
        self.accuracy = plot("rewind_accuracy")
        self.accuracy.setMinimumHeight(110)
        self.caption = rich_label("rewind_caption")
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(self.epoch_label)
        scrub = QHBoxLayout()
        scrub.addWidget(self.epoch_word)
        scrub.addWidget(self.slider, 1)
        scrub.addWidget(self.play)
        grid = QGridLayout()
        for i, (key, _) in enumerate(text.REWIND_PANELS):
            grid.addWidget(self.panels[key], i // 3, i % 3)
        grid.addWidget(self.accuracy, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(scrub)
        layout.addLayout(grid, 1)
        layout.addWidget(self.caption)
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._advance)
        self.choice.currentIndexChanged.connect(self._run_changed)
        self.slider.valueChanged.connect(self.show_epoch)
        self.play.clicked.connect(self._play)
        self.retranslate()

    def retranslate(self) -> None:
        self.choice.setToolTip(translate("RunsPage", "Which run to rewind (the ticked runs, or "
                                                     "all when none is ticked)"))
        self.slider.setToolTip(translate("RunsPage", "Drag through the epochs: 0 is the network "
                                                     "before training"))
        self.play.setToolTip(translate("RunsPage", "Step through every epoch from the start, "
                                                   "half a second each"))
        self._play_text()
        self.epoch_word.setText(translate("RunsPage", "Epoch:"))
        for key, title in text.REWIND_PANELS:
            self.panels[key].set_title(text.say(title))
        self.accuracy.setTitle(translate("RunsPage", "Test accuracy (%)"))
        self.accuracy.setLabel("bottom", translate("RunsPage", "epoch"))
        self.accuracy.setToolTip(translate("RunsPage", "The run's test accuracy after each "
                                                       "epoch; the grey line marks the epoch "
                                                       "shown"))
        self.show_epoch(self.slider.value())

    def _play_text(self) -> None:
        self.play.setText(translate("RunsPage", "Pause") if self._timer.isActive() else
                          translate("RunsPage", "Play"))

    def set_runs(self, runs: list[Run]) -> None:
        current = self.run()
        self.runs = list(runs)
        self.choice.blockSignals(True)
        self.choice.clear()
        for run in self.runs:
            self.choice.addItem(run.record.name)
            self.choice.setItemData(self.choice.count() - 1, pg.mkColor(run.colour),
                                    Qt.ItemDataRole.ForegroundRole)
        index = self.runs.index(current) if current in self.runs else len(self.runs) - 1
        self.choice.setCurrentIndex(index)
        self.choice.blockSignals(False)
        self._run_changed(keep_epoch=current is self.run())

    def run(self) -> Run | None:
        index = self.choice.currentIndex()
        return self.runs[index] if 0 <= index < len(self.runs) else None

    def _run_changed(self, _=None, keep_epoch: bool = False) -> None:
        run = self.run()
        last = len(run.record.snapshots) - 1 if run else 0
        epoch = min(self.slider.value(), last) if keep_epoch else last
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(last, 0))
        self.slider.setValue(epoch)
        self.slider.blockSignals(False)
        self.slider.setEnabled(last > 0)
        self.play.setEnabled(last > 0)
        self.show_epoch(epoch)

    def show_epoch(self, epoch: int) -> None:
        run = self.run()
        if run is None or not run.record.snapshots:
            for panel in self.panels.values():
                panel.clear()
            self.accuracy.clear()
            self.epoch_label.setText("")
            self.caption.setText(text.say(text.REWIND_EMPTY) if run is None or
                                 not run.record.problem else text.unreadable(run.record))
            return
        record = run.record
        shots = record.snapshots
        shot = shots[epoch]
        self.epoch_label.setText(text.epoch_label(record, epoch))
        for key in ("kernel0", "kernel1"):
            if key in shot:
                kernels = shot[key]
                levels = symmetric_levels(*(s[key] for s in shots if key in s))
                picture = tile(kernels[:, 0]) if key == "kernel0" else tile(
                    kernels.transpose(1, 0, 2, 3).reshape(-1, *kernels.shape[2:]),
                    columns=kernels.shape[0])
                self.panels[key].set_image(picture[0], levels, DIVERGING)
            else:
                self.panels[key].clear()
        stages = [f"stage{position}" for position in layout_of(record)[0]]
        for key, name in zip(("maps0", "maps1"), stages + [None, None]):
            if name in shot:
                levels, cmap = run_levels([s[name] for s in shots if name in s])
                gaps = levels[1] if cmap is GRAY else 0.0  # white between the maps
                self.panels[key].set_image(tile(shot[name], fill=gaps)[0], levels, cmap)
            else:
                self.panels[key].clear()
        if "confusion" in shot:
            confusion = shot["confusion"]
            percent = 100 * confusion / np.maximum(confusion.sum(axis=1, keepdims=True), 1)
            self.panels["confusion"].set_image(1 - np.sqrt(percent / 100), (0, 1))  # many: dark
            self.panels["confusion"].set_labels(
                [(r, c, f"{p:.0f}", "#fff" if p > 30 else "#111")
                 for (r, c), p in np.ndenumerate(percent) if p >= 1], centred=True)
            self.panels["confusion"].set_title(text.say(dict(text.REWIND_PANELS)["confusion"]))
        else:
            self.panels["confusion"].clear(text.say(text.NO_CONFUSION))
        accuracies = [e.test_accuracy for e in record.epochs]
        self.accuracy.clear()
        if all(a is not None for a in accuracies):
            self.accuracy.plot(range(1, len(accuracies) + 1),
                               [100 * a for a in accuracies], pen=pg.mkPen(
                run.colour, width=2), symbol="o", symbolBrush=run.colour, symbolSize=6)
        self.accuracy.addItem(pg.InfiniteLine(epoch, pen=pg.mkPen("#888", width=1)))
        self.accuracy.setXRange(0, len(shots) - 1 or 1, padding=0.05)
        epoch_ticks(self.accuracy, len(shots) - 1)
        self.caption.setText(text.rewind_caption(record, epoch))

    def _play(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
        else:
            self.slider.setValue(0)
            self._timer.start()
        self._play_text()

    def _advance(self) -> None:
        if self.slider.value() >= self.slider.maximum():
            self._timer.stop()
            self._play_text()
            return
        self.slider.setValue(self.slider.value() + 1)


def run_levels(arrays) -> tuple:
    """(levels, colour map) shared by a stage's pictures over a whole run: grey from 0 for
    outputs that are never negative (ReLU, sigmoid), blue–white–red around 0 otherwise."""
    low = min(float(a.min()) for a in arrays)
    if low >= 0:
        return (0.0, max(float(a.max()) for a in arrays) or 1.0), GRAY
    return symmetric_levels(*arrays), DIVERGING


class DistributionsTab(Translated, QWidget):
    """Small multiples: a row per ticked run, a column per weighted layer; in each cell one line
    per epoch, pale before training and strong at the end."""

    def __init__(self):
        super().__init__()
        self.kind = QComboBox()
        self.kind.setObjectName("distribution_kind")
        self.kind.addItems([""] * len(text.DISTRIBUTION_KINDS))
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setObjectName("distributions")
        self.canvas.setMinimumHeight(240)
        self.reading = rich_label("distribution_reading")
        self.show_word = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.show_word)
        row.addWidget(self.kind)
        self.header = rich_label("distribution_header", "", selectable=False)
        row.addWidget(self.header, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.reading)
        self.runs: list[Run] = []
        self.cells: list[list[pg.PlotItem]] = []
        self.kind.currentIndexChanged.connect(lambda: self.display(self.runs))
        self.retranslate()

    def retranslate(self) -> None:
        for i, (label, _) in enumerate(text.DISTRIBUTION_KINDS):
            self.kind.setItemText(i, text.say(label))
        self.kind.setToolTip(text.distribution_tip())
        self.show_word.setText(translate("RunsPage", "Show:"))
        self.display(self.runs)

    def display(self, runs: list[Run]) -> None:
        self.runs = list(runs)
        self.canvas.clear()
        self.cells = []
        shown = [run for run in runs if run.record.snapshots
                 and "grad_counts" in run.record.snapshots[-1]][:MAX_ROWS]
        key = text.DISTRIBUTION_KINDS[self.kind.currentIndex()][1]
        self.header.setText(text.distribution_header(key, runs))
        for r, run in enumerate(shown):
            shots = run.record.snapshots
            names = text.layer_names(layout_of(run.record)[1], shots[-1]["layers"])
            cells = []
            for c, name in enumerate(names):
                cell = self.canvas.addPlot(row=r, col=c)
                cell.setMenuEnabled(False)
                cell.setMouseEnabled(x=False, y=False)
                cell.hideButtons()
                cell.getAxis("left").setStyle(showValues=False)
                cell.getAxis("left").enableAutoSIPrefix(False)
                cell.getAxis("bottom").setStyle(maxTickLevel=0, tickFont=_small_font())
                if r == 0:
                    cell.setTitle(f"<span style='font-size:9pt'>{name}</span>")
                if c == 0:
                    cell.setLabel("left", f"<span style='color:{run.colour}'>"
                                  f"{text.short(run.record.name)}</span>")
                for k, shot in enumerate(shots):
                    x, y = _curve(shot, key, c)
                    shade = pg.mkColor(run.colour)
                    shade.setAlpha(int(50 + 205 * k / max(len(shots) - 1, 1)))
                    cell.plot(x, y, pen=pg.mkPen(shade, width=2 if k == len(shots) - 1 else 1))
                cells.append(cell)
            self.cells.append(cells)
        self.reading.setText(text.distribution_reading(shown, key) if shown else
                             text.say(text.NO_DISTRIBUTIONS))


def _curve(shot: dict, key: str, layer: int) -> tuple[np.ndarray, np.ndarray]:
    """x and share of values of one layer's histogram in a snapshot."""
    if key == "grad":
        counts, edges = shot["grad_counts"][layer], GRAD_EDGES
        total = counts.sum() / max(1e-12, 1 - float(shot["grad_zeros"][layer]))
    else:
        counts = shot["act_counts"][layer]
        low, high = shot["act_range"][layer]
        edges = np.linspace(low, high, HIST_BINS + 1)
        total = counts.sum()
    return (edges[:-1] + edges[1:]) / 2, counts / max(total, 1)


@lru_cache(maxsize=1)
def _small_font():
    font = pg.QtGui.QFont()
    font.setPointSize(7)
    return font
