"""The kernel: size, stride, padding, dilation, channels, a preset or the learner's own values,
the method that computes the maps, and where an impossible combination is explained."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
)

from core import kernels
from core.functional import ShapeError
from gui import choices
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.pages.convolution.config import ConvConfig
from gui.widgets.controls import spin
from gui.widgets.form import Choice, Form, Int, Pair
from gui.widgets.kernel_editor import KernelEditor

FIELDS = (
    Pair("kernel",
         QT_TRANSLATE_NOOP("ConvolutionPage", "Size"),
         QT_TRANSLATE_NOOP("ConvolutionPage", "Kernel size KH × KW"),
         1, 15, ("kh", "kw", "link_kernel")),
    Pair("stride",
         QT_TRANSLATE_NOOP("ConvolutionPage", "Stride"),
         QT_TRANSLATE_NOOP("ConvolutionPage", "Stride: how far the window moves between output "
                                              "pixels"),
         1, 8, ("sh", "sw", "link_stride")),
    Pair("padding",
         QT_TRANSLATE_NOOP("ConvolutionPage", "Padding"),
         QT_TRANSLATE_NOOP("ConvolutionPage", "Zero padding added on each side of the input"),
         0, 10, ("ph", "pw", "link_padding")),
    Choice("pad_kind",
           QT_TRANSLATE_NOOP("ConvolutionPage", "Padding kind"),
           QT_TRANSLATE_NOOP("ConvolutionPage", "The padding above (as set), 'same' (the output "
                                                "keeps the input's size; stride 1 only) or "
                                                "'valid' (none)"),
           {"numbers": QT_TRANSLATE_NOOP("Choices", "as set"),
            "same": QT_TRANSLATE_NOOP("Choices", "same (keep the size)"),
            "valid": QT_TRANSLATE_NOOP("Choices", "valid (none)")}),
    Choice("padding_mode",
           QT_TRANSLATE_NOOP("ConvolutionPage", "Padding mode"),
           QT_TRANSLATE_NOOP("ConvolutionPage", "What the padding holds: zeros, or the border "
                                                "reflected, replicated or wrapped around (drawn "
                                                "on the input)"),
           {"zeros": "zeros", "reflect": "reflect", "replicate": "replicate",
            "circular": "circular"}),
    Pair("dilation",
         QT_TRANSLATE_NOOP("ConvolutionPage", "Dilation"),
         QT_TRANSLATE_NOOP("ConvolutionPage", "Dilation: spacing between kernel taps (1 = "
                                              "touching)"),
         1, 6, ("dh", "dw", "link_dilation")),
    Int("groups",
        QT_TRANSLATE_NOOP("ConvolutionPage", "Groups"),
        QT_TRANSLATE_NOOP("ConvolutionPage", "Split the channels into this many independent "
                                             "convolutions: each kernel reads only its group's "
                                             "input channels (groups = input channels: "
                                             "depthwise)"),
        1, 16),
    Int("out_channels",
        QT_TRANSLATE_NOOP("ConvolutionPage", "Output channels"),
        QT_TRANSLATE_NOOP("ConvolutionPage", "Output channels OC: how many kernels, one feature "
                                             "map each"),
        1, 16),
    Choice("preset",
           QT_TRANSLATE_NOOP("ConvolutionPage", "Preset"),
           QT_TRANSLATE_NOOP("ConvolutionPage", "Fill the kernels with a classic filter; hover "
                                                "the list items for what each does"),
           {name: name for name in kernels.PRESETS}, kernels.DESCRIPTIONS),
    Int("seed",
        QT_TRANSLATE_NOOP("ConvolutionPage", "Seed"),
        QT_TRANSLATE_NOOP("ConvolutionPage", "Seed of the random kernels"),
        0, 9999),
)
METHOD = Choice("method",
                QT_TRANSLATE_NOOP("ConvolutionPage", "Computed by"),
                QT_TRANSLATE_NOOP("ConvolutionPage", "Which algorithm computes the maps (same "
                                                     "result, different speed)"),
                choices.CONV_METHODS, choices.CONV_METHOD_TIPS)


class KernelPanel(Translated, QGroupBox):
    """``changed`` fires when a setting changes, ``kernelEdited`` when the learner types a value
    into the grid, ``cancelRequested`` when Cancel is pressed during a slow computation."""

    changed = Signal()
    kernelEdited = Signal()
    cancelRequested = Signal()
    depthwiseRequested = Signal()

    def __init__(self):
        super().__init__()
        self._error = ""  # why the settings give no output, if they do not
        layout = QFormLayout(self)
        # a field too wide beside its label goes under it: the column stays narrow
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form = Form(FIELDS, ConvConfig(), layout, self, "ConvolutionPage")
        self.depthwise = QPushButton(objectName="depthwise")
        layout.addRow(self.depthwise)
        self.edit_oc = spin(0, 15, 0, "", "edit_oc")
        self.edit_c = spin(0, 2, 0, "", "edit_c")
        self.words = {key: QLabel() for key in ("output", "input", "edit")}
        row = QHBoxLayout()
        for widget in (self.words["output"], self.edit_oc, self.words["input"], self.edit_c):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addRow(self.words["edit"], row)
        self.grid = KernelEditor()
        layout.addRow(self.grid)
        self.method_form = Form((METHOD,), ConvConfig(), layout, self, "ConvolutionPage")
        self.progress = QProgressBar()
        self.cancel = QPushButton(objectName="cancel")
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel)
        layout.addRow(row)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d32f2f; font-weight: bold;")
        layout.addRow(self.error)
        self.show_progress(None)
        self.clear_error()
        self._weight: np.ndarray | None = None  # (OC, C, KH, KW), edits included
        self._weight_key = None
        for form in (self.form, self.method_form):
            form.changed.connect(lambda _: self.changed.emit())
        self.edit_oc.valueChanged.connect(self._show_kernel)
        self.edit_c.valueChanged.connect(self._show_kernel)
        self.grid.kernelEdited.connect(self._edited)
        self.cancel.clicked.connect(self.cancelRequested)
        self.depthwise.clicked.connect(self.depthwiseRequested)
        self.form.changed.connect(self._enable_padding)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("ConvolutionPage", "Kernel"))
        for form in (self.form, self.method_form):
            form.retranslate()
        self.depthwise.setText(translate("ConvolutionPage", "Depthwise"))
        self.depthwise.setToolTip(translate("ConvolutionPage", "One group per input channel "
                                                               "(groups = C, as MobileNet does): "
                                                               "each kernel sees one channel"))
        self.edit_oc.setToolTip(translate("ConvolutionPage", "Which output channel's kernel the "
                                                             "grid shows"))
        self.edit_c.setToolTip(translate("ConvolutionPage", "Which input channel's slice of that "
                                                            "kernel"))
        self.words["output"].setText(translate("ConvolutionPage", "output channel"))
        self.words["input"].setText(translate("ConvolutionPage", "input"))
        self.words["edit"].setText(translate("ConvolutionPage", "Edit kernel"))
        self.cancel.setText(translate("ConvolutionPage", "Cancel"))
        self.cancel.setToolTip(translate("ConvolutionPage", "Stop the slow computation"))
        self._say_error()

    def values(self) -> dict:
        return {**self.form.values(), **self.method_form.values()}

    def set_values(self, config: ConvConfig) -> None:
        self.form.set_values(config)
        self.method_form.set_values(config)
        self._weight_key = None  # a new configuration draws its kernels afresh
        self._enable_padding()

    def _enable_padding(self, *_) -> None:
        """Numbers of padding matter only when the kind is "as set"."""
        self.form["padding"].setEnabled(self.form.values()["pad_kind"] == "numbers")

    def set_kernel_size(self, kh: int, kw: int) -> None:
        """Silently (a preset of fixed size asks for it during a recompute)."""
        with QSignalBlocker(self.form["kernel"]):
            self.form["kernel"].set_values(kh, kw)

    def weights(self, config: ConvConfig, channels: int) -> np.ndarray:
        """The (OC, C, KH, KW) kernels: the preset's, with the learner's edits kept until the
        preset, the size, the channels or the seed change."""
        key = (config.preset, config.out_channels, channels, config.kh, config.kw, config.seed)
        if key != self._weight_key:
            self._weight = kernels.weights(config.preset, config.out_channels, channels,
                                           config.kh, config.kw, config.seed)
            self._weight_key = key
            self.edit_oc.setMaximum(config.out_channels - 1)
            self.edit_c.setMaximum(channels - 1)
            self._show_kernel()
        return self._weight

    def show_error(self, err: ShapeError) -> None:
        self._error = str(err)  # text: an exception holds its frames
        self._say_error()
        self.error.setVisible(True)
        # 'same' with a stride: the kind of padding is what to change
        self.form.mark_culprit(err.argument, {"padding": "pad_kind"}
                               if self.form.values()["pad_kind"] != "numbers" else None)

    def _say_error(self) -> None:
        if self._error:
            self.error.setText(translate("ConvolutionPage", "No output: {error}").format(
                error=self._error))

    def clear_error(self) -> None:
        self._error = ""
        self.error.setVisible(False)
        self.form.mark_culprit(None, {"padding": "pad_kind"})

    @property
    def has_error(self) -> bool:
        return not self.error.isHidden()

    def show_progress(self, fraction: float | None) -> None:
        """A fraction in [0, 1] shows the bar and Cancel; None hides them."""
        busy = fraction is not None
        self.progress.setVisible(busy)
        self.cancel.setVisible(busy)
        if busy:
            self.progress.setValue(int(100 * fraction))

    def _show_kernel(self) -> None:
        if self._weight is not None:
            oc = min(self.edit_oc.value(), self._weight.shape[0] - 1)
            c = min(self.edit_c.value(), self._weight.shape[1] - 1)
            self.grid.set_kernel(self._weight[oc, c])

    def _edited(self, kernel: np.ndarray) -> None:
        oc, c = self.edit_oc.value(), self.edit_c.value()
        self._weight = self._weight.copy()
        self._weight[oc, c] = kernel
        self.kernelEdited.emit()

    def edited_kernel(self) -> tuple[int, int]:
        return self.edit_oc.value(), self.edit_c.value()
