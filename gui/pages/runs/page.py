"""Experiments: the lesson's claims tested in one click, every run kept, compared side by side
and rewound epoch by epoch.

The page coordinates: the store keeps the runs (saved as they finish), the worker trains an
experiment's variants one after another, and the tabs show the ticked runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap, QTextDocumentFragment
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import data
from core.experiments import (
    BASE,
    BUDGETS,
    EXPERIMENTS,
    TRAINING_IMAGES,
    epoch_seconds,
    estimate_seconds,
    variants,
)
from core.fileio import atomic_file
from core.runs import RunRecord, curves_csv
from core.train import EpochEvent, StepEvent, lenet_trainer
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.pages.base import Page
from gui.pages.runs import text
from gui.pages.runs.store import Run, RunStore
from gui.pages.runs.views import CurvesTab, DistributionsTab, Live, RewindTab
from gui.training import Run as Variant
from gui.training import Training
from gui.widgets.controls import rich_label, set_texts
from gui.widgets.veil import Veilable

UPDATES_HZ = 4  # the overlay redraws this often while an experiment trains


@dataclass(frozen=True)
class RunsConfig:
    experiment: str = "activations"
    size: str = "quick"  # a key of BUDGETS: how many training images the variants share


SIZES = {"quick": (QT_TRANSLATE_NOOP("RunsPage", "Quick"),
                   QT_TRANSLATE_NOOP("RunsPage", "A quarter of the images: enough to see the "
                                     "difference, in a fraction of the time")),
         "full": (QT_TRANSLATE_NOOP("RunsPage", "Full"),
                  QT_TRANSLATE_NOOP("RunsPage", "The variants share 180,000 training images: "
                                    "clearer curves, four times as long"))}
TAB_TITLES = (QT_TRANSLATE_NOOP("RunsPage", "Curves"), QT_TRANSLATE_NOOP("RunsPage", "Rewind"),
              QT_TRANSLATE_NOOP("RunsPage", "Distributions"))


class RunsPage(Translated, Page):
    title = QT_TRANSLATE_NOOP("Pages", "Experiments")
    key = "runs"
    tagline = QT_TRANSLATE_NOOP(
        "Pages", "Test the lesson's claims in one click: runs side by side, rewound epoch by epoch")
    Config = RunsConfig
    base = BASE  # the experiments' settings (tests train less)

    def __init__(self, store: RunStore | None = None, config: RunsConfig | None = None):
        super().__init__()
        if store is None:
            store = RunStore()
            store.load()
        store.setParent(self)  # its background listing ends with the page
        self.store = store
        self.experiments = Training(self, UPDATES_HZ)  # an experiment's variants, in turn
        self.runner = self.experiments.runner
        self.experiments.progressed.connect(self._items)
        self.experiments.recorded.connect(self._recorded)
        self.experiments.failed.connect(self._failed)
        self.experiments.finished.connect(self._ended)
        self.runner.runningChanged.connect(self.busyChanged)
        self.live: Live | None = None
        self.finished: list[tuple[str, RunRecord]] = []  # the experiment's finished variants
        self._count = 0                                   # … and how many it has
        self._running = ""                                # the experiment under way
        self._status: tuple = ("idle",)                   # what the status line says
        self._build()
        self._connect()
        self.set_config(config or RunsConfig())
        self.retranslate()
        self._refresh()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.box = QGroupBox()
        column = QVBoxLayout(self.box)
        self.experiment = QComboBox()
        self.experiment.setObjectName("experiment")
        self.experiment.addItems([""] * len(EXPERIMENTS))
        self.size = QComboBox()
        self.size.setObjectName("experiment_size")
        self.size.addItems([""] * len(SIZES))
        self.claim = rich_label("experiment_claim")
        self.run_button = QPushButton(objectName="run_experiment")
        self.stop_button = QPushButton(objectName="stop_experiment")
        self.stop_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setObjectName("experiment_progress")
        self.status = rich_label("experiment_status", "")
        self.summary = rich_label("experiment_summary", "")
        row = QHBoxLayout()
        row.addWidget(self.size)
        row.addWidget(self.run_button)
        row.addWidget(self.stop_button)
        for widget in (self.experiment, self.claim):
            column.addWidget(widget)
        column.addLayout(row)
        summary = Veilable(self.summary)
        for widget in (self.progress, self.status, summary):
            column.addWidget(widget)

        self.runs_box = QGroupBox()
        runs_column = QVBoxLayout(self.runs_box)
        self.run_list = QListWidget()
        self.run_list.setObjectName("run_list")
        self.rename_button = QPushButton(objectName="rename_run")
        self.delete_button = QPushButton(objectName="delete_run")
        self.export_button = QPushButton(objectName="export_runs")
        buttons = QHBoxLayout()
        for widget in (self.rename_button, self.delete_button, self.export_button):
            buttons.addWidget(widget)
        self.where = rich_label("runs_folder")
        runs_column.addWidget(self.run_list, 1)
        runs_column.addLayout(buttons)
        runs_column.addWidget(self.where)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.box)
        left_column.addWidget(self.runs_box, 1)
        left.setFixedWidth(310)

        self.curves = CurvesTab()
        self.rewind = RewindTab()
        self.distributions = DistributionsTab()
        self.tabs = QTabWidget()
        for tab, title in ((self.curves, TAB_TITLES[0]), (self.rewind, TAB_TITLES[1]),
                           (self.distributions, TAB_TITLES[2])):
            self.tabs.addTab(tab, "")
            self.tabs.tabBar().setTabData(self.tabs.count() - 1, title)
        layout = QHBoxLayout(self)
        layout.addWidget(left)
        results = QWidget()  # the experiment's outcome: veiled while a lesson asks to predict
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.tabs, 1)
        self.veils = {"results": Veilable(results), "summary": summary}
        layout.addWidget(self.veils["results"], 1)

    def retranslate(self) -> None:
        self.box.setTitle(translate("RunsPage", "Lesson experiments"))
        for i, name in enumerate(EXPERIMENTS):
            self.experiment.setItemText(i, text.experiment_title(name))
        self.experiment.setToolTip(translate("RunsPage", "Which of the lesson's claims to test"))
        for i, (name, tip) in enumerate(SIZES.values()):
            self.size.setItemText(i, text.say(name))
            self.size.setItemData(i, text.say(tip), Qt.ItemDataRole.ToolTipRole)
        self.size.setToolTip(translate("RunsPage", "How many training images the variants "
                                                   "share: quick or full"))
        self.run_button.setText(translate("RunsPage", "Run experiment"))
        self.run_button.setToolTip(translate("RunsPage", "Train every variant one after another "
                                                         "on the bundled Fashion-MNIST and "
                                                         "compare them"))
        self.stop_button.setText(translate("RunsPage", "Stop"))
        self.stop_button.setToolTip(translate("RunsPage", "Stop after this batch: the variants "
                                                          "already trained are kept"))
        self.progress.setToolTip(translate("RunsPage", "Batches trained of all the variants "
                                                       "together"))
        self.runs_box.setTitle(translate("RunsPage", "Runs (tick to compare)"))
        self.run_list.setToolTip(translate("RunsPage", "Every finished run: the experiments' and "
                                                       "the LeNet-5 page's. Tick runs to overlay "
                                                       "them; double-click one to rename it."))
        set_texts(
                (self.rename_button, translate("RunsPage", "Rename…"),
                 translate("RunsPage", "Give the selected run a name")),
                (self.delete_button, translate("RunsPage", "Delete…"),
                 translate("RunsPage", "Delete the selected run and its saved folder")),
                (self.export_button, translate("RunsPage", "Export CSV…"),
                 translate("RunsPage", "Write the ticked runs' curves (every batch's loss, every "
                                       "epoch's figures) as a CSV table")))
        for i, title in enumerate(TAB_TITLES):
            self.tabs.setTabText(i, text.say(title))
        self._experiment_changed()
        self._say_status()
        if self._count and not self.runner.running:
            self.summary.setText(text.summary_line(EXPERIMENTS[self._running][0], self.finished,
                                                   self._count))
        for row in range(self.run_list.count()):
            self.run_list.item(row).setToolTip(text.run_tooltip(self.store.runs[row].record))
        self._say_where()

    def _connect(self) -> None:
        self.experiment.currentIndexChanged.connect(self._experiment_changed)
        self.size.currentIndexChanged.connect(self._experiment_changed)
        self.run_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.experiments.stop)
        self.store.changed.connect(self._refresh)
        self.run_list.itemChanged.connect(self._ticked)
        self.run_list.itemDoubleClicked.connect(lambda _: self.rename_dialog())
        self.run_list.currentRowChanged.connect(self._selected)
        self.rename_button.clicked.connect(self.rename_dialog)
        self.delete_button.clicked.connect(self.delete_dialog)
        self.export_button.clicked.connect(self.export_dialog)
        self.tabs.currentChanged.connect(lambda _: self._show())

    # ------------------------------------------------------------------ configuration

    @property
    def busy(self) -> bool:
        return self.runner.running

    def config(self) -> RunsConfig:
        return RunsConfig(list(EXPERIMENTS)[self.experiment.currentIndex()],
                          list(SIZES)[self.size.currentIndex()])

    def set_config(self, config: RunsConfig) -> None:
        if config.experiment not in EXPERIMENTS:
            raise ValueError(f"unknown experiment {config.experiment!r}")
        if config.size not in SIZES:
            raise ValueError(f"unknown size {config.size!r}; choose one of {', '.join(SIZES)}")
        self.experiment.setCurrentIndex(list(EXPERIMENTS).index(config.experiment))
        self.size.setCurrentIndex(list(SIZES).index(config.size))
        self._experiment_changed()

    def variants(self) -> list:
        """(label, configuration) of the chosen experiment's variants at the chosen size."""
        config = self.config()
        return variants(config.experiment, self.base, BUDGETS[config.size])

    def estimate(self) -> float:
        """Seconds the chosen experiment should take here: scaled by the latest run on this
        computer (its measured epochs against the development machine's), or as there."""
        speed = 1.0
        for run in reversed(self.store.runs):
            seconds = run.record.epoch_seconds
            if seconds:
                images = run.record.config.get("train_size") or TRAINING_IMAGES
                speed = epoch_seconds(images) / seconds
                break
        return estimate_seconds([config for _, config in self.variants()], speed)

    def _experiment_changed(self) -> None:
        self.claim.setText(text.experiment_html(self.config().experiment, self.variants(),
                                                self.estimate()))

    # ------------------------------------------------------------------ runs

    def add_record(self, record: RunRecord | None) -> None:
        """A finished run from elsewhere (the LeNet-5 page): kept and saved, not ticked."""
        if record is not None and record.epochs:
            self.store.add(record, ticked=False)

    def selected(self) -> Run | None:
        row = self.run_list.currentRow()
        return self.store.runs[row] if 0 <= row < len(self.store.runs) else None

    def _refresh(self) -> None:
        """The list follows the store; the view on screen follows the ticks."""
        row = self.run_list.currentRow()
        self.run_list.blockSignals(True)
        self.run_list.clear()
        for run in self.store.runs:
            item = QListWidgetItem(_swatch(run.colour), run.record.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if run.ticked else Qt.CheckState.Unchecked)
            item.setToolTip(text.run_tooltip(run.record))
            self.run_list.addItem(item)
        self.run_list.setCurrentRow(min(row, len(self.store.runs) - 1))
        self.run_list.blockSignals(False)
        self._selected()
        self._say_where()
        self._experiment_changed()  # the estimate follows the latest run's pace
        self._show()

    def _say_where(self) -> None:
        problems = "; ".join(self.store.problems)
        self.where.setText(
            (translate("RunsPage", "<span style='color:#555'>Reading the runs saved in "
                                   "{folder}…</span>") if self.store.loading else
             translate("RunsPage", "<span style='color:#555'>Saved in {folder}</span>")).format(
                folder=self.store.root)
            + (translate("RunsPage", "<br><span style='color:#b71c1c'>Skipped: {problems}"
                                     "</span>").format(problems=problems) if problems else ""))

    def _ticked(self, item: QListWidgetItem) -> None:
        run = self.store.runs[self.run_list.row(item)]
        self.store.tick(run, item.checkState() == Qt.CheckState.Checked)

    def _selected(self) -> None:
        chosen = self.selected() is not None
        for widget in (self.rename_button, self.delete_button):
            widget.setEnabled(chosen)
        self.export_button.setEnabled(bool(self.store.ticked()))

    def _show(self) -> None:
        ticked = self.store.ticked()
        tab = self.tabs.currentWidget()
        if tab is self.curves:
            self.curves.display(ticked, self.live)
        elif tab is self.rewind:
            self.rewind.set_runs(ticked or self.store.runs)
        else:
            self.distributions.display(ticked)

    def rename(self, run: Run, name: str) -> None:
        try:
            self.store.rename(run, name)
        except (OSError, ValueError) as err:
            QMessageBox.warning(self, translate("Pages", self.title), translate(
                "RunsPage", "Could not rename the run: {err}").format(err=err))

    def delete(self, run: Run) -> None:
        try:
            self.store.delete(run)
        except (OSError, ValueError) as err:
            QMessageBox.warning(self, translate("Pages", self.title), translate(
                "RunsPage", "Could not delete the run: {err}").format(err=err))

    def export_csv(self, path) -> None:
        with atomic_file(path) as f:
            f.write(curves_csv([run.record for run in self.store.ticked()]).encode())
        self.statusMessage.emit(translate("RunsPage", "Wrote the curves of {count} runs to "
                                                      "{path}").format(
            count=len(self.store.ticked()), path=path))

    def rename_dialog(self) -> None:
        run = self.selected()
        if run is None:
            return
        name, ok = QInputDialog.getText(self, translate("RunsPage", "Rename the run"),
                                        translate("RunsPage", "Name:"), text=run.record.name)
        if ok:
            self.rename(run, name)

    def delete_dialog(self) -> None:
        run = self.selected()
        if run is None:
            return
        where = f"\n\nIts folder {run.folder} is removed too." if run.folder else ""
        answer = QMessageBox.question(self, "Delete the run",
                                      f"Delete the run “{run.record.name}”?{where}")
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(run)

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export the ticked runs' curves",
                                              "runs.csv", "CSV table (*.csv)")
        if path:
            try:
                self.export_csv(path)
            except OSError as err:
                QMessageBox.warning(self, translate("Pages", self.title), translate(
                    "RunsPage", "Could not write {path}: {err}").format(path=path, err=err))

    # ------------------------------------------------------------------ experiments

    def start(self) -> None:
        if self.experiments.running:
            return
        name, chosen = self.config().experiment, self.variants()
        count = len(chosen)

        def runs():  # in the training thread: loading the data takes a moment
            train, test = data.load_fashion_mnist("train"), data.load_fashion_mnist("test")
            for label, config in chosen:  # each built when its turn comes
                yield Variant(label, lenet_trainer(config, train, test), config, snapshots=True)

        self.finished, self.live, self._count, self._running = [], None, count, name
        self.store.tick_only([])
        self.tabs.setCurrentWidget(self.curves)
        self.progress.setValue(0)
        self.run_button.setEnabled(False)
        self.experiment.setEnabled(False)
        self.size.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.summary.setText("")
        self._say_status(("loading",))
        self.statusMessage.emit(translate("RunsPage", "Running the experiment “{title}”…")
                                .format(title=text.experiment_title(name)))
        self.experiments.start(runs)

    def _recorded(self, label: str, record: RunRecord) -> None:
        """A variant ended: a complete (or diverged) one becomes a run; a stopped one is not
        the experiment's and is left out."""
        if record.stopped:
            return
        colour = self.live.colour if self.live else None
        self.finished.append((label, record))
        self.live = None
        self.store.add(record, ticked=True, colour=colour)

    def _items(self, items: list) -> None:
        for label, item in items:
            if not isinstance(item, (StepEvent, EpochEvent)):
                continue
            if self.live is None or self.live.name != label:
                self.live = Live(label, self.store.next_colour(), [], [], 1)
            if isinstance(item, StepEvent):
                self.live.losses.append(item.loss)
                self.live = self.live._replace(steps=item.steps)
                total = item.steps * item.epochs
                self.progress.setMaximum(self._count * total)
                self.progress.setValue(len(self.finished) * total + item.global_step)
                self._say_status(("variant", label, len(self.finished) + 1, self._count, item))
            else:
                self.live.accuracies.append(item.test_accuracy)
        if self.tabs.currentWidget() is self.curves:
            self.curves.display(self.store.ticked(), self.live)

    def _failed(self, error) -> None:
        self._say_status(("failed", error))
        self.statusMessage.emit(self.status.text())

    def _ended(self, _record) -> None:
        self.live = None
        self.run_button.setEnabled(True)
        self.experiment.setEnabled(True)
        self.size.setEnabled(True)
        self.stop_button.setEnabled(False)
        done = len(self.finished)
        line = text.summary_line(EXPERIMENTS[self._running][0], self.finished, self._count)
        self.summary.setText(line)
        if done == self._count:
            self.progress.setValue(self.progress.maximum())
            self._say_status(("done",))
        elif self._status[0] != "failed":
            self._say_status(("stopped",))
        self.statusMessage.emit(QTextDocumentFragment.fromHtml(line).toPlainText())
        self._show()

    def _say_status(self, status: tuple | None = None) -> None:
        """Show the experiment's state (kept, to say it again in another language)."""
        self._status = status or self._status
        kind, *details = self._status
        self.status.setText({
            "idle": lambda: "",
            "loading": lambda: translate("RunsPage", "Loading the data…"),
            "variant": lambda: text.variant_status(*details),
            "failed": lambda: translate("RunsPage", "The experiment failed: {error}").format(
                error=details[0]),
            "done": lambda: translate("RunsPage", "Done. Tick or untick runs to compare; Rewind "
                                                  "and Distributions show how they got there."),
            "stopped": lambda: translate("RunsPage", "Stopped. The variants already trained are "
                                                     "kept."),
        }[kind]())


def _swatch(colour: str) -> QIcon:
    picture = QPixmap(12, 12)
    picture.fill(QColor(colour))
    return QIcon(picture)
