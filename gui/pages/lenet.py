"""The LeNet-5 page: build the network, train it live on Fashion-MNIST (or MNIST), look inside,
see its mistakes, and ask it about your own images."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import data
from core import functional as F
from core.data import Normalizer, prepare_image
from core.fileio import atomic_file
from core.model import Sequential
from core.train import (
    OPTIMIZERS,
    SCHEDULES,
    ActivationsEvent,
    EpochEvent,
    FinishedEvent,
    PausedEvent,
    StepEvent,
    TrainConfig,
    lenet_model,
    lenet_trainer,
)
from core.zoo import ACTIVATIONS, POOLS
from gui.images import read_image
from gui.widgets.controls import combo, double_spin, spin
from gui.widgets.draw_pad import DrawPad
from gui.widgets.image_panel import DIVERGING, ImagePanel, symmetric_levels
from gui.widgets.layer_views import LayerViews
from gui.widgets.mosaic import tile
from gui.widgets.results_view import ResultsView
from gui.widgets.training_plots import TrainingPlots
from gui.workers import WorkerRunner, run_in_thread

INITS = ("xavier", "xavier_normal", "he", "normal")
DATA_SOURCES = {"bundled": "Bundled Fashion-MNIST", "folder": "Official IDX folder"}
SNAPSHOT_EVERY = 50  # batches between two looks inside the network
REDRAW_HZ = 3         # live views redraw this often while training
EVENTS_HZ = 10        # the training thread sends its batch events at most this often


@dataclass(frozen=True)
class LeNetConfig:
    activation: str = "tanh"
    batchnorm: bool = True
    dropout: float = 0.3
    pool: str = "max"
    init: str = "xavier"
    data: str = "bundled"
    folder: str = ""
    dataset: str = "fashion-mnist"
    train_size: int = 60000
    optimizer: str = "momentum"
    lr: float = 0.05
    batch_size: int = 64
    epochs: int = 10
    schedule: str = "cosine"
    seed: int = 0
    probe: int = 0

    def train_config(self) -> TrainConfig:
        return TrainConfig(model="lenet5", epochs=self.epochs, batch_size=self.batch_size,
                           lr=self.lr, optimizer=self.optimizer, schedule=self.schedule,
                           seed=self.seed, train_size=self.train_size,
                           activation=self.activation, batchnorm=self.batchnorm,
                           dropout=self.dropout, pool=self.pool, init=self.init,
                           snapshot_every=SNAPSHOT_EVERY)


@dataclass(frozen=True)
class Filters:
    """Copies of the first two convolutions' kernels, made in the training thread."""

    conv1: np.ndarray
    conv2: np.ndarray


@dataclass(frozen=True)
class DownloadProgress:
    name: str
    done: int            # bytes
    total: int | None    # bytes, if the server said


@dataclass(frozen=True)
class Downloaded:
    folder: str


@dataclass(frozen=True)
class PausedModel:
    """The training thread waits for a wake; ``model`` is a copy of the network at that point."""

    event: PausedEvent
    model: Sequential


class LeNetPage(QWidget):
    title = "LeNet-5"
    Config = LeNetConfig
    statusMessage = Signal(str)

    def __init__(self, config: LeNetConfig | None = None):
        super().__init__()
        self.runner = WorkerRunner(self)
        self.downloader = WorkerRunner(self)
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setInterval(int(1000 / REDRAW_HZ))
        self._redraw_timer.timeout.connect(self._redraw)
        self.trainer = None
        self.model: Sequential | None = None
        self._paused_model: Sequential | None = None
        self.train_split = self.test_split = None
        self.class_names = data.FASHION_CLASSES
        self._data_key = None
        self._reset_history()
        self._build()
        self.set_config(config or LeNetConfig())

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        column = QVBoxLayout()
        column.addWidget(self._build_network_group())
        column.addWidget(self._build_data_group())
        column.addWidget(self._build_training_group())
        column.addWidget(self._build_controls())
        column.addStretch(1)
        controls = QWidget()
        controls.setLayout(column)
        scroll = QScrollArea()
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(controls.minimumSizeHint().width() + 24)  # never clipped

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fdecea; color: #b71c1c; padding: 6px;")
        self.banner.setVisible(False)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_architecture_tab(), "Architecture")
        self.plots = TrainingPlots()
        self.tabs.addTab(self.plots, "Training")
        self.tabs.addTab(self._build_inside_tab(), "Inside the network")
        self.results = ResultsView()
        self.tabs.addTab(self.results, "Results")
        self.tabs.addTab(self._build_predict_tab(), "Predict")
        self.tabs.currentChanged.connect(self._tab_changed)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    def _build_network_group(self) -> QGroupBox:
        box = QGroupBox("Network")
        form = QFormLayout(box)
        self.activation = combo(ACTIVATIONS, "tanh", "The non-linearity after every "
                                "convolution and the first FC layer", "activation")
        self.batchnorm = QCheckBox("BatchNorm after each convolution")
        self.batchnorm.setObjectName("batchnorm")
        self.batchnorm.setToolTip("Normalise each channel over the batch: trains faster and "
                                  "more stably")
        self.dropout = double_spin(0.0, 0.9, 0.3, 0.05, 2, "Dropout probability on the first "
                                   "FC layer (0: none)", "dropout")
        self.pool = combo(POOLS, "max", "Max or average pooling after conv1 and conv2", "pool")
        self.init = combo(INITS, "xavier", "How the weights start: Xavier (Glorot) uniform or "
                          "normal, He (Kaiming) normal, or small N(0, 0.01²)", "init")
        self.seed = spin(0, 99999, 0, "Seed of the initial weights, the dropout masks and the "
                         "batch order", "seed")
        form.addRow("Activation", self.activation)
        form.addRow(self.batchnorm)
        form.addRow("Dropout p", self.dropout)
        form.addRow("Pooling", self.pool)
        form.addRow("Init", self.init)
        form.addRow("Seed", self.seed)
        self.new_model = QPushButton("New weights")
        self.new_model.setObjectName("new_model")
        self.new_model.setToolTip("Start again from freshly initialised weights")
        self.new_model.clicked.connect(self.rebuild_model)
        form.addRow(self.new_model)
        for widget in (self.activation, self.pool, self.init):
            widget.currentIndexChanged.connect(self.rebuild_model)
        self.batchnorm.toggled.connect(self.rebuild_model)
        self.dropout.valueChanged.connect(self.rebuild_model)
        self.seed.valueChanged.connect(self.rebuild_model)
        return box

    def _build_data_group(self) -> QGroupBox:
        box = QGroupBox("Data")
        form = QFormLayout(box)
        self.data_source = combo(DATA_SOURCES.values(), DATA_SOURCES["bundled"],
                                 "The bundled copy (a split of our own), or a folder of the "
                                 "official IDX files", "data_source")
        self.train_size = spin(100, 60000, 60000, "How many training images to use (the first "
                               "N): fewer trains faster", "train_size")
        self.train_size.setSingleStep(1000)
        self.folder_label = QLabel("—")
        self.folder_label.setWordWrap(True)
        self.browse = QPushButton("Choose folder…")
        self.browse.setToolTip("A folder holding train-images-idx3-ubyte(.gz) and the three "
                               "other official files")
        self.dataset = combo(["fashion-mnist", "mnist"], "fashion-mnist", "Which official set: "
                             "the class names and the files to download", "dataset")
        self.download = QPushButton("Download official files")
        self.download.setObjectName("download")
        self.download.setToolTip("Fetch the four official files (checksums verified) into the "
                                 "cache folder; needs internet")
        self.download_progress = QProgressBar()
        self.download_progress.setVisible(False)
        self.download_cancel = QPushButton("Cancel download")
        self.download_cancel.setToolTip("Stop the download; nothing half-downloaded is kept")
        self.download_cancel.setVisible(False)
        self.data_info = QLabel()
        self.data_info.setObjectName("data_info")
        self.data_info.setWordWrap(True)
        form.addRow("Source", self.data_source)
        form.addRow("Training images", self.train_size)
        form.addRow("Official set", self.dataset)
        form.addRow("Folder", self.folder_label)
        form.addRow(self.browse)
        form.addRow(self.download)
        form.addRow(self.download_progress)
        form.addRow(self.download_cancel)
        form.addRow(self.data_info)
        self.data_source.currentIndexChanged.connect(self.load_data)
        self.dataset.currentIndexChanged.connect(self.load_data)
        self.browse.clicked.connect(self._choose_folder)
        self.download.clicked.connect(self.start_download)
        self.download_cancel.clicked.connect(self.cancel_download)
        self._folder = ""
        return box

    def _build_training_group(self) -> QGroupBox:
        box = QGroupBox("Training")
        form = QFormLayout(box)
        self.optimizer = combo(OPTIMIZERS, "momentum", "SGD, SGD with momentum 0.9, or Adam",
                               "optimizer")
        self.lr = double_spin(0.0001, 5.0, 0.05, 0.005, 4, "Learning rate (step size)", "lr")
        self.batch_size = spin(1, 1024, 64, "Images per batch (per weight update)",
                               "batch_size")
        self.epochs = spin(1, 200, 10, "Passes over the training images", "epochs")
        self.schedule = combo(SCHEDULES, "cosine", "Learning rate over the run: constant, or "
                              "cosine decay to 0 (finer steps at the end)", "schedule")
        for label, widget in (("Optimizer", self.optimizer), ("Learning rate", self.lr),
                              ("Batch size", self.batch_size), ("Epochs", self.epochs),
                              ("Schedule", self.schedule)):
            form.addRow(label, widget)
        return box

    def _build_controls(self) -> QGroupBox:
        box = QGroupBox("Run")
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.start_button = QPushButton("Start")
        self.pause_button = QPushButton("Pause")
        self.stop_button = QPushButton("Stop")
        self.step_button = QPushButton("Step")
        for button, name, tip, key in (
                (self.start_button, "start", "Train the current weights (F5)", "F5"),
                (self.pause_button, "pause", "Pause or resume between two batches (F6)", "F6"),
                (self.stop_button, "stop", "Stop after the current batch (F7)", "F7"),
                (self.step_button, "step", "Train exactly one batch, then pause (F8)", "F8")):
            button.setObjectName(name)
            button.setToolTip(tip)
            row.addWidget(button)
            QShortcut(QKeySequence(key), self, activated=button.click)
        layout.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setFormat("%p%")
        self.progress_text = QLabel("Not trained yet.")
        self.progress_text.setObjectName("progress_text")
        self.progress_text.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_text)
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop)
        self.step_button.clicked.connect(self.step)
        self._update_buttons()
        return box

    def _build_architecture_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.architecture = QTableWidget(0, 4)
        self.architecture.setObjectName("architecture")
        self.architecture.setHorizontalHeaderLabels(["layer", "output shape", "parameters",
                                                     "MACs per image"])
        self.architecture.horizontalHeader().setStretchLastSection(True)
        self.architecture.verticalHeader().setVisible(False)
        self.architecture_note = QLabel()
        self.architecture_note.setWordWrap(True)
        layout.addWidget(self.architecture, 1)
        layout.addWidget(self.architecture_note)
        return tab

    def _build_inside_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.probe = spin(0, 9999, 0, "Which test image to follow through the network", "probe")
        row.addWidget(QLabel("Test image"))
        row.addWidget(self.probe)
        self.probe_label = QLabel()
        row.addWidget(self.probe_label, 1)
        layout.addLayout(row)
        self.inside = LayerViews()
        layout.addWidget(self.inside, 3)
        filters = QHBoxLayout()
        self.conv1_view = ImagePanel("conv1 kernels (6 × 5×5)", colorbar=True)
        self.conv2_view = ImagePanel("conv2 kernels (16 rows × 6 input channels, 5×5 each)",
                                     colorbar=True)
        filters.addWidget(self.conv1_view, 1)
        filters.addWidget(self.conv2_view, 2)
        layout.addLayout(filters, 2)
        self.probe.valueChanged.connect(self._probe_changed)
        return tab

    def _build_predict_tab(self) -> QWidget:
        tab = QWidget()
        layout = QHBoxLayout(tab)
        controls = QVBoxLayout()
        self.predict_index = spin(0, 9999, 0, "A test image to classify", "predict_index")
        pick = QPushButton("Classify this test image")
        pick.setObjectName("predict_test")
        pick.setToolTip("Show the network the chosen test image")
        pick.clicked.connect(self.predict_test_image)
        self.predict_pad = DrawPad(196, 16)
        self.predict_pad.drawingChanged.connect(self.predict_drawing)
        clear = QPushButton("Clear drawing")
        clear.setToolTip("Wipe the drawing pad")
        clear.clicked.connect(self.predict_pad.clear)
        self.predict_text = QLabel("Pick a test image, draw on the pad, or drop a picture on "
                                   "the window.")
        self.predict_text.setObjectName("predict_text")
        self.predict_text.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel("Test image"))
        row.addWidget(self.predict_index)
        controls.addLayout(row)
        controls.addWidget(pick)
        controls.addWidget(QLabel("…or draw one:"))
        controls.addWidget(self.predict_pad)
        controls.addWidget(clear)
        controls.addWidget(self.predict_text)
        self.prediction = LayerViews(columns=4, chart_in_grid=False)
        self.prediction.chart.setMinimumSize(250, 220)
        controls.addWidget(self.prediction.chart, 1)  # the answer sits beside the question
        layout.addLayout(controls)
        layout.addWidget(self.prediction, 1)
        return tab

    # ------------------------------------------------------------------ configuration

    def config(self) -> LeNetConfig:
        source = next(k for k, v in DATA_SOURCES.items() if v == self.data_source.currentText())
        return LeNetConfig(self.activation.currentText(), self.batchnorm.isChecked(),
                           self.dropout.value(), self.pool.currentText(),
                           self.init.currentText(), source, self._folder,
                           self.dataset.currentText(), self.train_size.value(),
                           self.optimizer.currentText(), self.lr.value(),
                           self.batch_size.value(), self.epochs.value(),
                           self.schedule.currentText(), self.seed.value(), self.probe.value())

    def set_config(self, config: LeNetConfig) -> None:
        combos = ((self.activation, config.activation), (self.pool, config.pool),
                  (self.init, config.init), (self.optimizer, config.optimizer),
                  (self.schedule, config.schedule), (self.dataset, config.dataset),
                  (self.data_source, DATA_SOURCES.get(config.data, DATA_SOURCES["bundled"])))
        spins = ((self.dropout, config.dropout), (self.train_size, config.train_size),
                 (self.lr, config.lr), (self.batch_size, config.batch_size),
                 (self.epochs, config.epochs), (self.seed, config.seed),
                 (self.probe, config.probe))
        widgets = [w for w, _ in combos + spins] + [self.batchnorm]
        for widget in widgets:
            widget.blockSignals(True)
        for widget, value in combos:
            widget.setCurrentText(value)
        for widget, value in spins:
            widget.setValue(value)
        self.batchnorm.setChecked(config.batchnorm)
        for widget in widgets:
            widget.blockSignals(False)
        self._folder = config.folder
        self.folder_label.setText(config.folder or "—")
        self.load_data()
        self.rebuild_model()

    # ------------------------------------------------------------------ model and data

    def rebuild_model(self) -> None:
        """Fresh weights from the network options and the seed (not while training)."""
        if self.runner.running:
            self.statusMessage.emit("Stop training before changing the network.")
            return
        self.set_model(lenet_model(self.config().train_config()), "new weights")

    def set_model(self, model: Sequential, origin: str) -> None:
        self.model = model
        self._weight_names = {f"{i}.weight" for i, layer in enumerate(model)
                              if type(layer).__name__ in ("Conv2d", "Linear")}
        self._reset_history()
        self._show_architecture(origin)
        self._clear_views()
        self.progress.setValue(0)
        self.progress_text.setText(f"Not trained yet ({origin}).")

    def _show_architecture(self, origin: str) -> None:
        rows = self.model.summary((1, 28, 28))
        self.architecture.setRowCount(len(rows) + 1)
        for i, row in enumerate(rows):
            cells = (row.name, "×".join(map(str, row.output_shape)), f"{row.params:,}",
                     f"{row.macs:,}")
            for j, text in enumerate(cells):
                self.architecture.setItem(i, j, QTableWidgetItem(text))
        totals = ("total", "", f"{sum(r.params for r in rows):,}",
                  f"{sum(r.macs for r in rows):,}")
        for j, text in enumerate(totals):
            item = QTableWidgetItem(text)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            self.architecture.setItem(len(rows), j, item)
        self.architecture.resizeColumnsToContents()
        self.architecture_note.setText(
            f"From <code>model.summary((1, 28, 28))</code> ({origin}). Output size of every "
            "convolution and pool: ⌊(H + 2p − d·(K − 1) − 1) / s⌋ + 1. MACs count "
            "multiply-accumulates of one image's forward pass (KW·KH·C·OC·OW·OH for a "
            "convolution, in·out for a Linear layer).")

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder with the official IDX files")
        if folder:
            self.use_folder(folder)

    def use_folder(self, folder: str) -> None:
        self._folder = folder
        self.folder_label.setText(folder)
        self.data_source.setCurrentText(DATA_SOURCES["folder"])
        self.load_data()

    def load_data(self) -> None:
        config = self.config()
        key = (config.data, config.folder, config.dataset)
        if key == self._data_key:
            return
        try:
            if config.data == "folder":
                if not config.folder:
                    raise OSError("no folder chosen yet")
                train = data.load_idx_folder(config.folder, "train")
                test = data.load_idx_folder(config.folder, "test")
                names = data.OFFICIAL[config.dataset]["classes"]
                what = f"{config.dataset} files in {config.folder}"
            else:
                train, test = data.load_fashion_mnist("train"), data.load_fashion_mnist("test")
                names, what = data.FASHION_CLASSES, "bundled Fashion-MNIST (our own split, " \
                                                    "not the official one)"
        except (OSError, ValueError) as err:
            self.data_info.setText(f"<span style='color:#d32f2f'>Cannot use this data: {err}"
                                   "</span>")
            self.statusMessage.emit(f"Cannot read the data: {err}")
            if config.data != "bundled":
                self.data_source.setCurrentText(DATA_SOURCES["bundled"])
            return
        self.train_split, self.test_split, self.class_names = train, test, names
        self._data_key = key
        self.train_size.setMaximum(len(train.images))
        self.probe.setMaximum(len(test.images) - 1)
        self.predict_index.setMaximum(len(test.images) - 1)
        for view in (self.inside, self.prediction):
            view.set_classes([n.split("/")[0] for n in names])
        self.data_info.setText(f"{len(train.images):,} training and {len(test.images):,} test "
                               f"images: {what}.")
        self._probe_changed()

    def start_download(self) -> None:
        if self.downloader.running:
            return
        dataset = self.dataset.currentText()
        self.download_progress.setVisible(True)
        self.download_cancel.setVisible(True)
        self.download.setEnabled(False)

        def job(context):
            def download(send):
                folder = data.download_official(
                    dataset, progress=lambda *args: send(DownloadProgress(*args)),
                    cancel=lambda: context.stopped)
                send(Downloaded(str(folder)))
            # A mirror that never answers blocks a read for its whole timeout: in a thread that
            # Cancel and closing abandon, they take effect at once.
            yield from run_in_thread(context, download)

        self.downloader.start(job, self._download_items, self._download_failed,
                              self._download_finished)

    def _download_items(self, items) -> None:
        for item in items:
            if isinstance(item, DownloadProgress):
                self.download_progress.setMaximum(item.total or 0)
                self.download_progress.setValue(item.done if item.total else 0)
                self.statusMessage.emit(f"Downloading {item.name}: {item.done / 1e6:.1f} MB")
            elif isinstance(item, Downloaded):
                self.statusMessage.emit(f"Downloaded and verified into {item.folder}")
                self.use_folder(item.folder)

    def _download_failed(self, error: BaseException) -> None:
        text = f"Download failed: {error}. Are you offline? The bundled Fashion-MNIST works " \
            "without internet."
        self.data_info.setText(f"<span style='color:#d32f2f'>{text}</span>")
        self.statusMessage.emit(text)

    def cancel_download(self) -> None:
        """Takes effect at once, even while a mirror does not answer."""
        self.downloader.cancel()
        self.data_info.setText("<span style='color:#d32f2f'>Download cancelled.</span>")
        self.statusMessage.emit("Download cancelled.")

    def _download_finished(self) -> None:
        self.download_progress.setVisible(False)
        self.download_cancel.setVisible(False)
        self.download.setEnabled(True)

    # ------------------------------------------------------------------ training

    def start(self, paused: bool = False) -> None:
        if self.runner.running or self.train_split is None:
            return
        config = self.config()
        try:
            train_config = config.train_config()
        except ValueError as err:
            self._show_banner(str(err))
            return
        self.banner.setVisible(False)
        self.trainer = lenet_trainer(train_config, self.train_split, self.test_split,
                                     model=self.model)
        self.trainer.probe = config.probe
        self.model.metadata["classes"] = list(self.class_names)
        if paused:
            self.trainer.pause()
        trainer = self.trainer
        steps = len(trainer.train.x)
        self._steps_per_epoch = -(-steps // config.batch_size)
        self._step_offset = len(self.losses)

        def job(context):
            for event in trainer.run():
                if context.stopped:
                    trainer.stop()
                if isinstance(event, PausedEvent):
                    # A copy to look into while the run waits: the GUI thread never touches
                    # the model this thread trains.
                    context.report(PausedModel(event, trainer.model.clone()), urgent=True)
                    context.wait_for_wake()  # until resumed, stepped or stopped
                    continue
                yield event
                if isinstance(event, ActivationsEvent):
                    yield Filters(trainer.model[0].weight.data.copy(),
                                  _conv_layers(trainer.model)[1].weight.data.copy())

        self._last_step = None
        self._paused_model = None
        total = len(self.losses) + self._steps_per_epoch * config.epochs
        self.plots.start_run(total, len(self.train_acc) + config.epochs)
        self.runner.start(job, self._items, self._failed, self._finished,
                          urgent=lambda item: not isinstance(item, (StepEvent,
                                                                    ActivationsEvent)),
                          max_rate_hz=EVENTS_HZ)
        self._redraw_timer.start()
        self._update_buttons()
        self.statusMessage.emit(f"Training on {len(trainer.train.x):,} images…")

    def toggle_pause(self) -> None:
        if self.trainer is None or not self.runner.running:
            return
        if self.trainer.paused:
            self.trainer.resume()
            self._wake()
            self.statusMessage.emit("Resumed.")
        else:
            self.trainer.pause()
            self.statusMessage.emit("Pausing after this batch…")
        self._update_buttons()

    def step(self) -> None:
        """One batch, then pause (starts a paused run if none is going)."""
        if not self.runner.running:
            self.start(paused=True)
        self.trainer.pause()
        self.trainer.step_once()
        self._wake()
        self._update_buttons()

    def stop(self) -> None:
        if self.trainer is not None and self.runner.running:
            self.trainer.stop()
            self._wake()
            self.statusMessage.emit("Stopping after this batch…")

    def _wake(self) -> None:
        self._paused_model = None
        self.runner.wake()

    def viewable_model(self) -> Sequential | None:
        """The model the GUI thread may run images through: the page's own when no run uses
        it, a copy made by the training thread while a run is paused, else None."""
        return self.model if not self.runner.running else self._paused_model

    def _update_buttons(self) -> None:
        running = self.runner.running
        paused = running and self.trainer is not None and self.trainer.paused
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.pause_button.setText("Resume" if paused else "Pause")
        self.stop_button.setEnabled(running)
        for widget in (self.new_model, self.data_source, self.browse, self.download):
            widget.setEnabled(not running)

    def _items(self, items: list) -> None:
        steps = [item for item in items if isinstance(item, StepEvent)]
        if steps:
            self._record_steps(steps)
        for item in items:
            if isinstance(item, EpochEvent):
                self._epoch_done(item)
            elif isinstance(item, ActivationsEvent):
                self._last_activations = item
                if self.tabs.currentIndex() == 2:
                    self._show_activations(item)
            elif isinstance(item, Filters):
                self._filters = item
                if self.tabs.currentIndex() == 2:
                    self._show_filters(item)
            elif isinstance(item, PausedModel):
                self._paused_model = item.model
                self._update_buttons()
                self.progress_text.setText(self.progress_text.text().split(" — ")[0]
                                           + " — paused")
                self.statusMessage.emit("Paused. Resume, Step or Stop.")
            elif isinstance(item, FinishedEvent):
                self._run_finished(item)

    def _record_steps(self, steps: list[StepEvent]) -> None:
        self.losses.extend(e.loss for e in steps)
        for e in steps:
            if e.global_step % 10 == 0 or e is steps[-1]:
                self.grad_steps.append(self._step_offset + e.global_step)
                for name, norm in e.grad_norms:
                    if name in self._weight_names:  # convolutions and linear layers
                        self.grad_norms.setdefault(name, []).append(max(norm, 1e-12))
        self._last_step = steps[-1]

    def _redraw(self) -> None:
        """The live views, REDRAW_HZ times a second while training.

        Every redraw runs Python in the GUI thread, which holds the GIL the training thread
        needs, so the views redraw far less often than batches arrive; the plots keep fixed
        ranges, so their axes need not be laid out again each time.
        """
        last = self._last_step
        if last is None:
            return
        self.progress.setMaximum(last.steps * last.epochs)
        self.progress.setValue(last.global_step)
        accuracy = f" · running accuracy {last.accuracy:.1%}" if last.accuracy is not None else ""
        self.progress_text.setText(
            f"epoch {last.epoch}/{last.epochs} · batch {last.step}/{last.steps} · "
            f"{last.images_per_s:,.0f} images/s · ETA {int(last.eta_s) // 60}:"
            f"{int(last.eta_s) % 60:02d} · loss {last.loss:.3f}{accuracy}")
        if self.tabs.currentIndex() == 1:
            self._redraws += 1
            self._show_curves(grad_norms=self._redraws % REDRAW_HZ == 0)

    def _show_curves(self, grad_norms: bool = True) -> None:
        self.plots.show_losses(self.losses)
        if grad_norms:
            self.plots.show_grad_norms(self.grad_steps, self.grad_norms,
                                       {name: self._parameter_label(name)
                                        for name in self.grad_norms})

    def _show_accuracy(self) -> None:
        self.plots.show_accuracy(self.train_acc, self.test_acc)

    def _parameter_label(self, name: str) -> str:
        index = int(name.split(".")[0])
        return f"{index}: {type(self.model[index]).__name__}"

    def _epoch_done(self, event: EpochEvent) -> None:
        self.train_acc.append(event.train_accuracy)
        if event.test_accuracy is not None:
            self.test_acc.append(event.test_accuracy)
        self.last_epoch = event
        self._show_curves()
        self._show_accuracy()
        self._show_results(event)
        self.statusMessage.emit(
            f"Epoch {event.epoch}: train loss {event.train_loss:.4f}, test loss "
            f"{event.test_loss:.4f}, test accuracy {event.test_accuracy:.2%} "
            f"({event.seconds:.1f} s)")

    def _run_finished(self, event: FinishedEvent) -> None:
        self.finished_event = event
        if event.reason == "diverged":
            self._show_banner(event.message)
        elif event.reason == "stopped":
            self.statusMessage.emit(event.message)
        else:
            accuracy = f" Test accuracy {self.test_acc[-1]:.2%}." if self.test_acc else ""
            self.statusMessage.emit(f"{event.message}{accuracy}")

    def _failed(self, error: BaseException) -> None:
        self._show_banner(f"Training stopped by an error: {error}. The app is still running; "
                          "the weights are as the last completed batch left them.")

    def _finished(self) -> None:
        self._redraw_timer.stop()
        self._redraw()
        self._update_buttons()
        if self.model is not None:
            self.model.train()
        self.progress_text.setText(self.progress_text.text().split(" — ")[0] + " — finished")

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(True)
        self.statusMessage.emit(text)

    # ------------------------------------------------------------------ views

    def _reset_history(self) -> None:
        self.losses: list[float] = []
        self.train_acc: list[float] = []
        self.test_acc: list[float] = []
        self.grad_steps: list[int] = []
        self.grad_norms: dict[str, list[float]] = {}
        self.last_epoch = None
        self.finished_event = None
        self._last_step = None
        self._redraws = 0
        self._last_activations = None
        self._filters = None

    def _clear_views(self) -> None:
        self.plots.clear()
        self.results.clear()
        if self.test_split is not None:
            self._probe_changed()

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self._show_curves()
            self._show_accuracy()
        elif index == 2:
            self._probe_changed()

    def _probe_changed(self) -> None:
        if self.test_split is None or self.model is None:
            return
        index = min(self.probe.value(), len(self.test_split.images) - 1)
        label = int(self.test_split.labels[index])
        self.probe_label.setText(f"true class: <b>{self.class_names[label]}</b>")
        model = self.viewable_model()
        if model is not None:
            self._show_activations(self._look_at(model, self.test_split.images[index]))
            self._show_filters(Filters(model[0].weight.data.copy(),
                                       _conv_layers(model)[1].weight.data.copy()))
        elif self.trainer is not None:
            self.trainer.probe = index  # the next snapshot follows it
            if self._last_activations is not None:
                self._show_activations(self._last_activations)

    def _normalizer(self, model) -> Normalizer:
        stats = model.metadata.get("normalizer")
        if stats:
            return Normalizer(stats["mean"], stats["std"])
        return Normalizer.fit(self.train_split.images[:self.train_size.value()])

    def _look_at(self, model, image: np.ndarray) -> ActivationsEvent:
        """Run one image through ``model`` (a viewable one) in eval mode, in the GUI thread."""
        x = self._normalizer(model)(image[None])
        outputs = tuple((name, out[0]) for name, out in model.trace(x))
        return ActivationsEvent(0, x[0].copy(), outputs)

    def _show_activations(self, event: ActivationsEvent) -> None:
        logits = event.outputs[-1][1]
        self.inside.display(event.input[0], event.outputs, F.softmax(logits[None])[0])

    def _show_filters(self, filters: Filters) -> None:
        mosaic, _ = tile(filters.conv1[:, 0])
        self.conv1_view.set_image(mosaic, symmetric_levels(filters.conv1), DIVERGING)
        oc, c, kh, kw = filters.conv2.shape
        grid = np.zeros((oc * (kh + 1) - 1, c * (kw + 1) - 1), np.float32)
        for o in range(oc):
            for i in range(c):
                grid[o * (kh + 1):o * (kh + 1) + kh, i * (kw + 1):i * (kw + 1) + kw] = \
                    filters.conv2[o, i]
        self.conv2_view.set_image(grid, symmetric_levels(filters.conv2), DIVERGING)

    def _show_results(self, event: EpochEvent) -> None:
        if event.confusion is not None:
            self.results.display(event.epoch, event.confusion, event.predictions,
                                 self.test_split.images, self.test_split.labels,
                                 self.class_names)

    # ------------------------------------------------------------------ predict

    def predict(self, image28: np.ndarray, what: str) -> np.ndarray | None:
        """Classify a 28×28 image in [0, 1] (or uint8) and show what it causes inside."""
        model = self.viewable_model()
        if model is None:
            self.predict_text.setText("Pause or stop the training to ask the network.")
            return None
        pixels = image28 if image28.dtype == np.uint8 else (image28 * 255).astype(np.float32)
        event = self._look_at(model, pixels)
        probabilities = F.softmax(event.outputs[-1][1][None])[0]
        self.prediction.display(event.input[0], event.outputs, probabilities)
        best = int(np.argmax(probabilities))
        self.predict_text.setText(f"{what}: the network says <b>{self.class_names[best]}</b> "
                                  f"({probabilities[best]:.0%}).")
        self.tabs.setCurrentIndex(4)
        return probabilities

    def predict_test_image(self) -> None:
        index = self.predict_index.value()
        label = self.class_names[int(self.test_split.labels[index])]
        self.predict(self.test_split.images[index], f"Test image {index} (really {label})")

    def predict_drawing(self, drawing: np.ndarray) -> None:
        try:
            image = prepare_image(drawing)[0]
        except ValueError as err:
            self.predict_text.setText(f"Nothing to classify: {err}.")
            return
        self.predict(image, "Your drawing")

    def open_image(self, path) -> None:
        """A dropped or opened picture: prepared like MNIST, then classified."""
        try:
            image = prepare_image(read_image(path, rgb=False))[0]
        except (OSError, ValueError) as err:
            self.predict_text.setText(f"Could not use that picture: {err}.")
            self.statusMessage.emit(f"Could not use that picture: {err}")
            return
        self.predict(image, f"{str(path).rsplit('/', 1)[-1]}")

    # ------------------------------------------------------------------ files

    def save_model(self, path) -> None:
        model = self.viewable_model()
        if model is None:
            raise ValueError("pause or stop the training first: the weights change with every "
                             "batch")
        model.metadata.setdefault("classes", list(self.class_names))
        model.save(path)
        self.statusMessage.emit(f"Saved the model to {path}")

    def load_model(self, path) -> None:
        """Replace the network by a saved one; a bad file raises and changes nothing."""
        if self.runner.running:
            raise ValueError("stop training before loading a model")
        model = Sequential.load(path)
        try:
            shape = model.summary((1, 28, 28))[-1].output_shape
        except ValueError as err:
            raise ValueError(f"{path}: not a network for 1×28×28 images ({err})") from None
        if shape != (10,):
            raise ValueError(f"{path}: the network gives {shape} outputs, not 10 classes")
        self.set_model(model, f"loaded from {str(path).rsplit('/', 1)[-1]}")
        self.statusMessage.emit(f"Loaded the model from {path}")

    def loss_history_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["batch", "loss", "smoothed_loss"])
        smooth = self.plots.smoothed(self.losses)
        for i, (loss, s) in enumerate(zip(self.losses, smooth), start=1):
            writer.writerow([i, f"{loss:.6g}", f"{s:.6g}"])
        return out.getvalue()

    def export_loss_history(self, path) -> None:
        with atomic_file(path) as f:
            f.write(self.loss_history_csv().encode())
        self.statusMessage.emit(f"Wrote {len(self.losses):,} batch losses to {path}")

    def shutdown(self) -> None:
        if self.trainer is not None:
            self.trainer.stop()
        self.runner.shutdown()
        self.downloader.shutdown()


def _conv_layers(model):
    return [layer for layer in model if type(layer).__name__ == "Conv2d"]
