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
from gui.pages.lenet.config import LeNetConfig
from gui.widgets.form import Check, Choice, Float, Form, Int

NETWORK_FIELDS = (
    Choice("activation", "Activation", "The non-linearity after every convolution and the "
           "first FC layer", {k: choices.ACTIVATIONS[k] for k in zoo.ACTIVATIONS},
           choices.ACTIVATION_FORMULAS),
    Check("batchnorm", "BatchNorm after each convolution", "Normalise each channel over the "
          "batch: trains faster and more stably"),
    Float("dropout", "Dropout p", "Dropout probability on the first FC layer (0: none)",
          0.0, 0.9, 0.05, 2),
    Choice("pool", "Pooling", "Max or average pooling after conv1 and conv2",
           {k: choices.POOLS[k] for k in zoo.POOLS}),
    Choice("init", "Init", "How the weights start (hover the items for the formulas)",
           {k: choices.INITS[k] for k in init.SCHEMES}, choices.INIT_TIPS),
    Int("seed", "Seed", "Seed of the initial weights, the dropout masks and the batch order",
        0, 99999),
)
TRAINING_FIELDS = (
    Choice("optimizer", "Optimizer", "Plain SGD, SGD with momentum 0.9, or Adam",
           {k: choices.OPTIMIZERS[k] for k in OPTIMIZERS}),
    Float("lr", "Learning rate", "Learning rate (step size)", 0.0001, 5.0, 0.005, 4),
    Int("batch_size", "Batch size", "Images per batch (per weight update)", 1, 1024),
    Int("epochs", "Epochs", "Passes over the training images", 1, 200),
    Choice("schedule", "Schedule", "Learning rate over the run: constant, or cosine decay to 0 "
           "(finer steps at the end)", {k: choices.SCHEDULES[k] for k in SCHEDULES}),
)
LOCKED_TIP = "Stop the run to change this: the run uses these settings"


class NetworkBox(QGroupBox):
    """``changed`` fires when an option changes (the page builds new weights)."""

    changed = Signal()

    def __init__(self):
        super().__init__("Network")
        layout = QFormLayout(self)
        self.form = Form(NETWORK_FIELDS, LeNetConfig(), layout, self)
        self.new_weights = QPushButton("New weights")
        self.new_weights.setObjectName("new_model")
        self.new_weights.setToolTip("Start again from freshly initialised weights")
        layout.addRow(self.new_weights)
        self.form.changed.connect(lambda _: self.changed.emit())
        self.new_weights.clicked.connect(self.changed)


class TrainingBox(QGroupBox):
    def __init__(self):
        super().__init__("Training")
        self.form = Form(TRAINING_FIELDS, LeNetConfig(), QFormLayout(self), self)


class RunBox(QGroupBox):
    """Start, pause, stop and step (F5–F8), the progress bar and a short progress text."""

    def __init__(self, shortcut_parent):
        super().__init__("Run")
        row = QHBoxLayout()
        self.buttons = {}
        for name, text, tip, key in (
                ("start", "Start", "Train the current weights (F5)", "F5"),
                ("pause", "Pause", "Pause or resume between two batches (F6)", "F6"),
                ("stop", "Stop", "Stop after the current batch (F7)", "F7"),
                ("step", "Step", "Train exactly one batch, then pause (F8)", "F8")):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setToolTip(tip)
            row.addWidget(button)
            QShortcut(QKeySequence(key), shortcut_parent, activated=button.click)
            self.buttons[name] = button
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.text = QLabel("Not trained yet.")
        self.text.setObjectName("progress_text")
        self.text.setWordWrap(True)
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 3 + 4)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.text)

    def show_state(self, running: bool, paused: bool) -> None:
        self.buttons["start"].setEnabled(not running)
        self.buttons["pause"].setEnabled(running)
        self.buttons["pause"].setText("Resume" if paused else "Pause")
        self.buttons["stop"].setEnabled(running)
