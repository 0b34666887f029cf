"""The LeNet-5 page's left column: the run controls (always in view), the network options and
the training options. Each is a form over fields of ``LeNetConfig``."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from core import init, zoo
from core.train import OPTIMIZERS, SCHEDULES
from gui import choices
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.pages.lenet.config import LeNetConfig
from gui.widgets.form import Check, Choice, Float, Form, Int

NETWORK_FIELDS = (
    Choice("activation",
           QT_TRANSLATE_NOOP("LeNetPage", "Activation"),
           QT_TRANSLATE_NOOP("LeNetPage", "The non-linearity after every convolution and the "
                                          "first FC layer"),
           {k: choices.ACTIVATIONS[k] for k in zoo.ACTIVATIONS}, choices.ACTIVATION_FORMULAS),
    Check("batchnorm",
          QT_TRANSLATE_NOOP("LeNetPage", "BatchNorm after each convolution"),
          QT_TRANSLATE_NOOP("LeNetPage", "Normalise each channel over the batch: trains faster "
                                         "and more stably")),
    Float("dropout",
          QT_TRANSLATE_NOOP("LeNetPage", "Dropout p"),
          QT_TRANSLATE_NOOP("LeNetPage", "Dropout probability on the first FC layer (0: none)"),
          0.0, 0.9, 0.05, 2),
    Choice("pool",
           QT_TRANSLATE_NOOP("LeNetPage", "Pooling"),
           QT_TRANSLATE_NOOP("LeNetPage", "Max or average pooling after conv1 and conv2"),
           {k: choices.POOLS[k] for k in zoo.POOLS}),
    Choice("init",
           QT_TRANSLATE_NOOP("LeNetPage", "Init"),
           QT_TRANSLATE_NOOP("LeNetPage", "How the weights start (hover the items for the "
                                          "formulas)"),
           {k: choices.INITS[k] for k in init.SCHEMES}, choices.INIT_TIPS),
    Int("seed",
        QT_TRANSLATE_NOOP("LeNetPage", "Seed"),
        QT_TRANSLATE_NOOP("LeNetPage", "Seed of the initial weights, the dropout masks and the "
                                       "batch order"),
        0, 99999),
)
TRAINING_FIELDS = (
    Choice("optimizer",
           QT_TRANSLATE_NOOP("LeNetPage", "Optimizer"),
           QT_TRANSLATE_NOOP("LeNetPage", "Plain SGD, SGD with momentum 0.9, or Adam"),
           {k: choices.OPTIMIZERS[k] for k in OPTIMIZERS}),
    Float("lr",
          QT_TRANSLATE_NOOP("LeNetPage", "Learning rate"),
          QT_TRANSLATE_NOOP("LeNetPage", "Learning rate (step size)"),
          0.0001, 5.0, 0.005, 4),
    Int("batch_size",
        QT_TRANSLATE_NOOP("LeNetPage", "Batch size"),
        QT_TRANSLATE_NOOP("LeNetPage", "Images per batch (per weight update)"),
        1, 1024),
    Int("epochs",
        QT_TRANSLATE_NOOP("LeNetPage", "Epochs"),
        QT_TRANSLATE_NOOP("LeNetPage", "Passes over the training images"),
        1, 200),
    Choice("schedule",
           QT_TRANSLATE_NOOP("LeNetPage", "Schedule"),
           QT_TRANSLATE_NOOP("LeNetPage", "Learning rate over the run: constant, or cosine decay "
                                          "to 0 (finer steps at the end)"),
           {k: choices.SCHEDULES[k] for k in SCHEDULES}),
)
LOCKED_TIP = QT_TRANSLATE_NOOP("LeNetPage", "Stop the run to change this: the run uses these "
                                            "settings")


class NetworkBox(Translated, QGroupBox):
    """``changed`` fires when an option changes (the page builds new weights)."""

    changed = Signal()

    def __init__(self):
        super().__init__()
        layout = QFormLayout(self)
        self.form = Form(NETWORK_FIELDS, LeNetConfig(), layout, self, "LeNetPage")
        self.new_weights = QPushButton(objectName="new_model")
        layout.addRow(self.new_weights)
        self.form.changed.connect(lambda _: self.changed.emit())
        self.new_weights.clicked.connect(self.changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("LeNetPage", "Network"))
        self.form.retranslate()
        self.new_weights.setText(translate("LeNetPage", "New weights"))
        self.new_weights.setToolTip(translate("LeNetPage", "Start again from freshly "
                                                           "initialised weights"))


class TrainingBox(Translated, QGroupBox):
    def __init__(self):
        super().__init__()
        self.form = Form(TRAINING_FIELDS, LeNetConfig(), QFormLayout(self), self, "LeNetPage")
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("LeNetPage", "Training"))
        self.form.retranslate()


BUTTONS = (("start", QT_TRANSLATE_NOOP("LeNetPage", "Start"),
            QT_TRANSLATE_NOOP("LeNetPage", "Train the current weights (F5)"), "F5"),
           ("pause", QT_TRANSLATE_NOOP("LeNetPage", "Pause"),
            QT_TRANSLATE_NOOP("LeNetPage", "Pause or resume between two batches (F6)"), "F6"),
           ("stop", QT_TRANSLATE_NOOP("LeNetPage", "Stop"),
            QT_TRANSLATE_NOOP("LeNetPage", "Stop after the current batch (F7)"), "F7"),
           ("step", QT_TRANSLATE_NOOP("LeNetPage", "Step"),
            QT_TRANSLATE_NOOP("LeNetPage", "Train exactly one batch, then pause (F8)"), "F8"))


class RunBox(Translated, QGroupBox):
    """Start, pause, stop and step (F5–F8), the progress bar and a short progress text."""

    def __init__(self, shortcut_parent):
        super().__init__()
        row = QHBoxLayout()
        self.buttons = {}
        self.paused = False
        for name, _, _, key in BUTTONS:
            button = QPushButton(objectName=name)
            row.addWidget(button)
            QShortcut(QKeySequence(key), shortcut_parent, activated=button.click)
            self.buttons[name] = button
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.text = QLabel(translate("LeNetPage", "Not trained yet."))
        self.text.setObjectName("progress_text")
        self.text.setWordWrap(True)
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 3 + 4)
        layout = QHBoxLayout(self)  # a strip across the page: the tabs below keep its height
        controls = QVBoxLayout()
        controls.addLayout(row)
        controls.addWidget(self.progress)
        layout.addLayout(controls)
        layout.addWidget(self.text, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("LeNetPage", "Run"))
        for name, text, tip, _ in BUTTONS:
            self.buttons[name].setText(translate("LeNetPage", text))
            self.buttons[name].setToolTip(translate("LeNetPage", tip))
        if self.paused:
            self.buttons["pause"].setText(translate("LeNetPage", "Resume"))

    def show_state(self, running: bool, paused: bool) -> None:
        self.buttons["start"].setEnabled(not running)
        self.buttons["pause"].setEnabled(running)
        self.paused = paused
        self.buttons["pause"].setText(translate("LeNetPage", "Resume") if paused else
                                      translate("LeNetPage", "Pause"))
        self.buttons["stop"].setEnabled(running)
