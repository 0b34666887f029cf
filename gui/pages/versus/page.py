"""DMLP vs CNN: a deep fully connected network and LeNet-5 trained side by side on the same data,
then compared by their parameters, their accuracy, a shift test and their first-layer weights."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import data
from core.compare import (
    DEMO,
    NETWORKS,
    SHIFT_TEST_IMAGES,
    SHIFTS,
    dmlp_model,
    shift_test,
    trainers,
)
from core.train import StepEvent, lenet_model
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.pages.base import Page
from gui.pages.versus import text
from gui.pages.versus.tabs import SharingTab, ShiftTab, TrainingTab
from gui.training import Item, Run, Training
from gui.widgets.controls import rich_label
from gui.widgets.form import Form, Int
from gui.widgets.veil import Veilable


@dataclass(frozen=True)
class VersusConfig:
    train_size: int = DEMO.train_size
    epochs: int = DEMO.epochs
    seed: int = DEMO.seed
    shift: int = 2
    image: int = 2        # a pullover: its DMLP response changes visibly when shifted
    channel: int = 0


FIELDS = (
    Int("train_size",
        QT_TRANSLATE_NOOP("VersusPage", "Training images"),
        QT_TRANSLATE_NOOP("VersusPage", "How many of the 60,000 training images both networks "
                                        "learn from (the demo: 12,000, a few seconds each)"),
        100, 60_000, step=1000),
    Int("epochs",
        QT_TRANSLATE_NOOP("VersusPage", "Epochs"),
        QT_TRANSLATE_NOOP("VersusPage", "Passes over the training images, the same for both"),
        1, 50),
    Int("seed",
        QT_TRANSLATE_NOOP("VersusPage", "Seed"),
        QT_TRANSLATE_NOOP("VersusPage", "Seed of both networks' starting weights and of the "
                                        "batch order"),
        0, 9999),
    Int("shift",
        QT_TRANSLATE_NOOP("VersusPage", "Shift (pixels)"),
        QT_TRANSLATE_NOOP("VersusPage", "How far the example image moves to the right"),
        0, 4),
    Int("image",
        QT_TRANSLATE_NOOP("VersusPage", "Test image"),
        QT_TRANSLATE_NOOP("VersusPage", "Which test image the shift example and the weights use"),
        0, 9999),
    Int("channel",
        QT_TRANSLATE_NOOP("VersusPage", "conv1 map"),
        QT_TRANSLATE_NOOP("VersusPage", "Which of LeNet-5's six conv1 feature maps to show"),
        0, 5),
)


class Compared(NamedTuple):
    models: dict          # network name -> trained model (no longer touched by the job)
    scores: dict          # network name -> accuracy per shift in SHIFTS
    test: object          # the test Split


TAB_TITLES = (QT_TRANSLATE_NOOP("VersusPage", "Training and parameters"),
              QT_TRANSLATE_NOOP("VersusPage", "Shift test"),
              QT_TRANSLATE_NOOP("VersusPage", "Weight sharing"))


class VersusPage(Translated, Page):
    title = QT_TRANSLATE_NOOP("Pages", "CNN vs MLP")
    key = "versus"
    tagline = QT_TRANSLATE_NOOP(
        "Pages", "Why a CNN and not a deep MLP? Both trained side by side, then shifted")
    Config = VersusConfig
    shift_images = SHIFT_TEST_IMAGES  # test images in the shift test (tests use fewer)

    def __init__(self, config: VersusConfig | None = None):
        super().__init__()
        self.both = Training(self)  # both networks' training, then their shift test
        self.runner = self.both.runner
        self.both.progressed.connect(self._items)
        self.both.failed.connect(self._failed)
        self.both.finished.connect(self._finished)
        self.runner.runningChanged.connect(self.busyChanged)
        self.result: Compared | None = None  # the last completed comparison
        self._compared = False                # whether the current run got that far
        self._build()
        self.set_config(config or VersusConfig())
        self.retranslate()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.box = box = QGroupBox()
        form = QFormLayout(box)
        self.form = Form(FIELDS, VersusConfig(), form, self, "VersusPage")
        self.train_button = QPushButton(objectName="train_both")
        self.stop_button = QPushButton(objectName="stop")
        self.stop_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.train_button)
        row.addWidget(self.stop_button)
        form.addRow(row)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setFormat("%p%")
        form.addRow(self.progress)
        self.status = rich_label("versus_status")
        self._status: tuple = ("idle",)
        form.addRow(self.status)
        column = QVBoxLayout()
        column.addWidget(box)
        self.longer_run = rich_label("longer_run")
        column.addWidget(self.longer_run)
        column.addStretch(1)
        left = QWidget()
        left.setLayout(column)
        left.setFixedWidth(300)

        self.training, self.shift, self.sharing = TrainingTab(), ShiftTab(), SharingTab()
        self.training.show_models(self.models())
        self.tabs = QTabWidget()
        for tab, title in zip((self.training, self.shift, self.sharing), TAB_TITLES):
            self.tabs.addTab(tab, "")
            self.tabs.tabBar().setTabData(self.tabs.count() - 1, title)
        self.veils = {"results": Veilable(self.tabs)}
        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addWidget(self.veils["results"], 1)
        self.train_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.both.stop)
        self.form.changed.connect(self._changed)

    # ------------------------------------------------------------------ configuration

    @property
    def busy(self) -> bool:
        return self.runner.running

    def config(self) -> VersusConfig:
        return VersusConfig(**self.form.values())

    def set_config(self, config: VersusConfig) -> None:
        self.form.set_values(config)
        self._show_result()

    def _changed(self, name: str) -> None:
        if name in ("shift", "image", "channel"):
            self._show_result()

    def models(self) -> dict:
        """The networks on display: the trained ones, else fresh ones from the seed."""
        if self.result is not None:
            return self.result.models
        config = replace(DEMO, seed=self.config().seed)
        return {"DMLP": dmlp_model(config), "LeNet-5": lenet_model(config)}

    # ------------------------------------------------------------------ training

    def start(self) -> None:
        if self.both.running:
            return
        config = self.config()
        run = replace(DEMO, train_size=config.train_size, epochs=config.epochs, seed=config.seed)
        count = self.shift_images
        made = {}  # the job's trainers, for the shift test after them

        def runs():  # in the training thread: loading the data takes a moment
            made["test"] = data.load_fashion_mnist("test")
            made["trainers"] = trainers(run, data.load_fashion_mnist("train"), made["test"])
            return [Run(name, trainer, run) for name, trainer in made["trainers"].items()]

        def shift_test_both(context):
            test = made["test"]
            images, labels = test.images[:count], test.labels[:count]
            scores = {name: [] for name in made["trainers"]}
            for name, trainer in made["trainers"].items():
                for pixels in SHIFTS:
                    if context.stopped:
                        return
                    scores[name] += shift_test(trainer.model, images, labels, (pixels,))
                    yield Item(name, pixels)
            yield Item("", Compared({name: t.model for name, t in made["trainers"].items()},
                                    scores, test))

        self._compared = False
        self.progress.setValue(0)
        self.train_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self._say(("loading",))
        self.statusMessage.emit(translate("VersusPage", "Training the DMLP and LeNet-5…"))
        self.both.start(runs, then=shift_test_both)

    def _items(self, items: list) -> None:
        records = self.both.records
        for name, item in items:
            if isinstance(item, Compared):
                self.result, self._compared = item, True
                self.training.show_models(item.models)
                self._show_result()
            elif isinstance(item, StepEvent):
                self.progress.setMaximum(2 * item.epochs * item.steps)
                self._say(("training", name, item))
            elif isinstance(item, int):
                self._say(("shifting", name, item))
        self.progress.setValue(sum(len(r.batch_losses) for r in records.values()))
        self.training.show_curves(
            {name: records[name].batch_losses if name in records else [] for name in NETWORKS},
            {name: [e.test_accuracy for e in records[name].epochs] if name in records else []
             for name in NETWORKS})

    def _failed(self, error) -> None:
        self._say(("failed", error))
        self.statusMessage.emit(self.status.text())

    def _finished(self, _record) -> None:
        self.train_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if not self._compared:
            if self._status[0] != "failed":
                self._say(("stopped",))
            return
        self.progress.setValue(self.progress.maximum())
        self._say(("done",))
        self.statusMessage.emit(translate("VersusPage", "Both networks trained and "
                                                        "shift-tested."))

    def _say(self, status: tuple | None = None) -> None:
        """The status line for the run's state (kept, to say it again in another language)."""
        self._status = status or self._status
        kind, *details = self._status
        if kind == "training":
            network, event = details
            then = translate("VersusPage", " (then LeNet-5 and the shift test)") \
                if network == "DMLP" else ""
            said = translate("VersusPage", "{network}: epoch {epoch} of {epochs}, batch {step} of "
                                           "{steps}, about {seconds} s left for it{then}").format(
                network=network, epoch=event.epoch, epochs=event.epochs, step=event.step,
                steps=event.steps, seconds=f"{event.eta_s:.0f}", then=then)
        elif kind == "shifting":
            said = translate("VersusPage", "Shift test of {network}: {pixels} pixels…").format(
                network=details[0], pixels=details[1])
        elif kind == "failed":
            said = translate("VersusPage", "Training failed: {error}").format(error=details[0])
        elif kind == "done":
            said = translate("VersusPage", "Done: test accuracy {results}.").format(
                results=", ".join(f"{name} {scores[0]:.1%}"
                                  for name, scores in self.result.scores.items()))
        else:
            said = {"idle": translate("VersusPage", "Press <i>Train both</i>."),
                    "loading": translate("VersusPage", "Loading the data…"),
                    "stopped": translate("VersusPage", "Stopped before both networks were "
                                                       "trained and tested.")}[kind]
        self.status.setText(said)

    def retranslate(self) -> None:
        self.box.setTitle(translate("VersusPage", "Same data, same optimiser"))
        self.form.retranslate()
        self.train_button.setText(translate("VersusPage", "Train both"))
        self.train_button.setToolTip(translate(
            "VersusPage", "Train the DMLP, then LeNet-5, with the same images, optimiser (SGD "
            "with momentum 0.9, cosine schedule), batch size and seed; then shift-test both"))
        self.stop_button.setText(translate("VersusPage", "Stop"))
        self.stop_button.setToolTip(translate("VersusPage", "Stop training"))
        self.progress.setToolTip(translate("VersusPage", "Batches trained of both networks "
                                                         "together"))
        self._say()
        self.longer_run.setText(translate("VersusPage", text.LONGER_RUN))
        for i, title in enumerate(TAB_TITLES):
            self.tabs.setTabText(i, translate("VersusPage", title))

    # ------------------------------------------------------------------ comparing

    def _show_result(self) -> None:
        if self.result is None:
            return
        models, scores, test = self.result
        config = self.config()
        self.shift.display(models, scores, test.images[config.image], config)
        self.sharing.display(models)
