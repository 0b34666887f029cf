"""The data LeNet-5 trains on: the bundled Fashion-MNIST, a folder of official IDX files, or a
download of them. A source that cannot be used is refused with the reason under it, and the data
never changes under a running training (a finished download waits, visibly, for the run)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
)

from core import data
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.pages.lenet.config import DATA_SOURCES, DATASETS, LeNetConfig
from gui.widgets.form import Choice, Form, Int
from gui.workers import WorkerRunner, run_in_thread

FIELDS = (
    Choice("data",
           QT_TRANSLATE_NOOP("LeNetPage", "Source"),
           QT_TRANSLATE_NOOP("LeNetPage", "The bundled copy (a split of our own), or a folder of "
                                          "the official IDX files"),
           DATA_SOURCES),
    Int("train_size",
        QT_TRANSLATE_NOOP("LeNetPage", "Training images"),
        QT_TRANSLATE_NOOP("LeNetPage", "How many training images to use (the first N): fewer "
                                       "trains faster"),
        100, 60000, 1000),
    Choice("dataset",
           QT_TRANSLATE_NOOP("LeNetPage", "Official files"),
           QT_TRANSLATE_NOOP("LeNetPage", "Which official set to read from a folder or download: "
                                          "it also names the classes"),
           DATASETS),
)
ERROR = "<span style='color:#d32f2f'>{}</span>"


@dataclass(frozen=True)
class DownloadProgress:
    name: str
    done: int            # bytes
    total: int | None    # bytes, if the server said


@dataclass(frozen=True)
class Downloaded:
    folder: str


class DataPanel(Translated, QGroupBox):
    """``dataChanged`` fires once new splits are loaded (``train``, ``test``, ``class_names``)."""

    dataChanged = Signal()
    statusMessage = Signal(str)

    def __init__(self):
        super().__init__()
        layout = QFormLayout(self)
        self.form = Form(FIELDS, LeNetConfig(), layout, self, "LeNetPage")
        self.folder_label = QLabel("—")
        self.folder_label.setWordWrap(True)
        self.browse = QPushButton()
        self.download = QPushButton(objectName="download")
        self.download_progress = QProgressBar()
        self.download_cancel = QPushButton()
        self.folder_word = QLabel()
        self._described: tuple | None = None  # what the info line says of the loaded data
        self.info = QLabel()
        self.info.setObjectName("data_info")
        self.info.setWordWrap(True)
        layout.addRow(self.folder_word, self.folder_label)
        for widget in (self.browse, self.download, self.download_progress,
                       self.download_cancel, self.info):
            layout.addRow(widget)
        self._show_download(False)
        self.downloader = WorkerRunner(self)
        self.mirrors = None  # None: the official addresses (the tests serve their own)
        self.train = self.test = None
        self.class_names = data.FASHION_CLASSES
        self.folder = ""
        self._key = None
        self._statistics: dict = {}  # (data, size) -> normaliser
        self._locked = False       # a run uses the data: it must not change
        self._waiting: str | None = None  # a downloaded folder to switch to after the run
        self.form.changed.connect(self._changed)
        self.browse.clicked.connect(self._choose_folder)
        self.download.clicked.connect(self.start_download)
        self.download_cancel.clicked.connect(self.cancel_download)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("LeNetPage", "Data"))
        self.form.retranslate()
        self.folder_word.setText(translate("LeNetPage", "Folder"))
        self.browse.setText(translate("LeNetPage", "Choose folder…"))
        self.browse.setToolTip(translate("LeNetPage", "A folder holding "
                                                      "train-images-idx3-ubyte(.gz) and the "
                                                      "three other official files"))
        self.download.setText(translate("LeNetPage", "Download official files"))
        self.download.setToolTip(translate("LeNetPage", "Fetch the four official files "
                                                        "(checksums verified) into the cache "
                                                        "folder; needs internet"))
        self.download_cancel.setText(translate("LeNetPage", "Cancel download"))
        self.download_cancel.setToolTip(translate("LeNetPage", "Stop the download at once; "
                                                               "nothing half-downloaded is kept"))
        if self._described is not None:
            self._describe(*self._described)

    def _describe(self, dataset: str | None, folder: str, train: int, test: int) -> None:
        """What is loaded: ``dataset`` None for the bundled copy."""
        self._described = (dataset, folder, train, test)
        what = translate("LeNetPage", "The bundled Fashion-MNIST (our own split of the images, "
                                      "not the official one)") if dataset is None else \
            translate("LeNetPage", "{dataset} files in {folder}").format(
                dataset=translate("Choices", DATASETS[dataset]), folder=folder)
        self.info.setText(translate("LeNetPage", "{what}: {train} training images (see Training "
                                                 "images above for how many are used) and "
                                                 "{test} test images.").format(
            what=what, train=f"{train:,}", test=f"{test:,}"))

    def values(self) -> dict:
        return {**self.form.values(), "folder": self.folder}

    def set_values(self, config: LeNetConfig) -> None:
        self.form.set_values(config)
        self.folder = config.folder
        self.folder_label.setText(config.folder or "—")
        self.load()

    def normalizer(self, train_size: int) -> dict:
        """The pixel statistics of the first ``train_size`` training images (as training will
        compute them), remembered per data and size."""
        key = (self._key, train_size)
        if key not in self._statistics:
            images = self.train.images[:train_size]
            self._statistics[key] = data.Normalizer.fit(images)._asdict()
        return dict(self._statistics[key])

    @property
    def fit(self) -> int:
        """How large a picture's content is drawn in 28×28, as in the data: MNIST's digits fit
        a 20×20 box, Fashion-MNIST's items fill the frame."""
        values = self.values()
        return 20 if values["data"] == "folder" and values["dataset"] == "mnist" else 28

    def set_locked(self, locked: bool) -> None:
        """While a run trains, nothing here may change the data."""
        self._locked = locked
        for widget in (*self.form.widgets.values(), self.browse):
            widget.setEnabled(not locked)
        if not locked and self._waiting is not None:
            folder, self._waiting = self._waiting, None
            self.use_folder(folder)

    def use_folder(self, folder: str) -> None:
        self.folder = folder
        self.folder_label.setText(folder)
        with QSignalBlocker(self.form["data"]):
            Choice.write(self.form["data"], "folder")
        self.load()

    def load(self) -> bool:
        """Load the chosen source (if it changed); on failure keep the data there was, show why
        and put the choice back. Returns whether the chosen data is in use."""
        values = self.values()
        key = (values["data"], values["folder"], values["dataset"])
        if key == self._key:
            return True
        try:
            if values["data"] == "folder":
                if not values["folder"]:
                    raise OSError(translate("LeNetPage", "no folder chosen yet: use Choose "
                                                         "folder…"))
                train = data.load_idx_folder(values["folder"], "train")
                test = data.load_idx_folder(values["folder"], "test")
                names = data.OFFICIAL[values["dataset"]]["classes"]
                dataset = values["dataset"]
            else:
                train, test = data.load_fashion_mnist("train"), data.load_fashion_mnist("test")
                names, dataset = data.FASHION_CLASSES, None
            data.check_trainable(train, test)
        except (OSError, ValueError) as err:
            self._refuse(err)
            return False
        self.train, self.test, self.class_names, self._key = train, test, names, key
        size = self.form["train_size"]
        size.setMaximum(len(train.images))
        size.setMinimum(min(100, len(train.images)))
        self._describe(dataset, values["folder"], len(train.images), len(test.images))
        self.dataChanged.emit()
        return True

    def _refuse(self, err: Exception) -> None:
        """The reason stays in view; the choice goes back to what is loaded."""
        if self._key is None and self.form.values()["data"] != "bundled":
            # nothing loaded yet: fall back to the bundled set
            with QSignalBlocker(self.form["data"]):
                Choice.write(self.form["data"], "bundled")
            self.load()
        else:
            source, folder, dataset = self._key
            with QSignalBlocker(self.form["data"]), QSignalBlocker(self.form["dataset"]):
                Choice.write(self.form["data"], source)
                Choice.write(self.form["dataset"], dataset)
            self.folder = folder
            self.folder_label.setText(folder or "—")
        said = translate("LeNetPage", "Cannot use this data: {error}").format(error=err)
        self.info.setText(ERROR.format(said) + "<br>" + self.info.text().split("<br>")[-1])
        self.statusMessage.emit(said)

    def _changed(self, name: str) -> None:
        if name != "train_size":
            self.load()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate(
            "LeNetPage", "Folder with the official IDX files"))
        if folder:
            self.use_folder(folder)

    # ------------------------------------------------------------------ download

    def start_download(self) -> None:
        if self.downloader.running:
            return
        dataset, mirrors = self.form.values()["dataset"], self.mirrors
        self._show_download(True)

        def job(context):
            def download(send):
                folder = data.download_official(
                    dataset, progress=lambda *args: send(DownloadProgress(*args)),
                    cancel=lambda: context.stopped, urls=mirrors)
                send(Downloaded(str(folder)))
            # A mirror that never answers blocks a read for its whole timeout: in a thread that
            # Cancel and closing abandon, they take effect at once.
            yield from run_in_thread(context, download)

        self.downloader.start(job, self._download_items, self._download_failed,
                              lambda: self._show_download(False))

    def cancel_download(self) -> None:
        self.downloader.cancel()
        said = translate("LeNetPage", "Download cancelled.")
        self.info.setText(ERROR.format(said))
        self.statusMessage.emit(said)

    def _download_items(self, items) -> None:
        for item in items:
            if isinstance(item, DownloadProgress):
                self.download_progress.setMaximum(item.total or 0)
                self.download_progress.setValue(item.done if item.total else 0)
                self.statusMessage.emit(translate("LeNetPage", "Downloading {name}: {mb} MB")
                                        .format(name=item.name, mb=f"{item.done / 1e6:.1f}"))
            elif isinstance(item, Downloaded):
                self.statusMessage.emit(translate("LeNetPage", "Downloaded and verified into "
                                                               "{folder}").format(
                    folder=item.folder))
                if self._locked:
                    self._waiting = item.folder
                    self.info.setText(translate("LeNetPage", "Downloaded into {folder}: the "
                                                             "training uses it once the current "
                                                             "run stops.").format(
                        folder=Path(item.folder)))
                else:
                    self.use_folder(item.folder)

    def _download_failed(self, error: BaseException) -> None:
        text = translate("LeNetPage", "Download failed: {error}. Are you offline? The bundled "
                                      "Fashion-MNIST works without internet.").format(error=error)
        self.info.setText(ERROR.format(text))
        self.statusMessage.emit(text)

    def _show_download(self, busy: bool) -> None:
        self.download_progress.setVisible(busy)
        self.download_cancel.setVisible(busy)
        self.download.setEnabled(not busy)
