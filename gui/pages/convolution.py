"""The convolution page: pick an input and a kernel, watch the feature maps, the output-size
formula, the sliding window, im2col, and the three ways of computing it."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import data, kernels
from core import functional as F
from core.functional import ShapeError
from gui.images import read_image
from gui.widgets.controls import PairSpin, combo, spin
from gui.widgets.draw_pad import DrawPad
from gui.widgets.image_panel import (
    DIVERGING,
    GRAY,
    OUTLINE,
    ImagePanel,
    range_levels,
    symmetric_levels,
)
from gui.widgets.kernel_editor import KernelEditor
from gui.widgets.mosaic import tile
from gui.workers import WorkerRunner

SOURCES = ("Fashion-MNIST", "Pattern", "Image file", "Drawing")
METHODS = {"fast": "fast (strided im2col, one batched GEMM)",
           "im2col": "im2col + GEMM (explicit loops)",
           "naive": "naive sliding window (7 loops)"}
MAX_SIDE = 128          # larger pictures are scaled down to this
INLINE_MACS = 30_000    # slower methods beyond this many MACs run in the background


@dataclass(frozen=True)
class ConvConfig:
    source: str = "Fashion-MNIST"
    fashion_class: int = 0
    fashion_index: int = 0
    pattern: str = "letter A"
    pattern_size: int = 16
    rgb: bool = False
    image_path: str = ""
    kh: int = 3
    kw: int = 3
    link_kernel: bool = True
    sh: int = 1
    sw: int = 1
    link_stride: bool = True
    ph: int = 0
    pw: int = 0
    link_padding: bool = True
    dh: int = 1
    dw: int = 1
    link_dilation: bool = True
    out_channels: int = 4
    preset: str = "random normal"
    seed: int = 0
    method: str = "fast"

    @property
    def window(self) -> dict:
        return dict(stride=(self.sh, self.sw), padding=(self.ph, self.pw),
                    dilation=(self.dh, self.dw))


_FASHION: data.Split | None = None


def fashion_test_split() -> data.Split | None:
    """The bundled test images, loaded once; None if they cannot be read."""
    global _FASHION
    if _FASHION is None:
        try:
            _FASHION = data.load_fashion_mnist("test")
        except (OSError, ValueError):
            return None
    return _FASHION


class ConvolutionPage(QWidget):
    title = "Convolution"
    statusMessage = Signal(str)

    def __init__(self, workspace, config: ConvConfig | None = None):
        super().__init__()
        self.workspace = workspace
        self.runner = WorkerRunner(self)
        self._image_file: np.ndarray | None = None  # (H, W, 3) in [0, 1]
        self._image_path = ""
        self._drawing = np.zeros((28, 28), np.float32)
        self._weight: np.ndarray | None = None       # (OC, C, KH, KW), edits included
        self._weight_key = None
        self._result = None                          # (x, weight, geometry, maps) shown now
        self._position = 0                           # sliding window: flat output index
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self.recompute)
        self._play = QTimer(self)
        self._play.timeout.connect(self._advance)
        self._build()
        self.set_config(config or ConvConfig())

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        controls = QWidget()
        column = QVBoxLayout(controls)
        column.addWidget(self._build_input_group())
        column.addWidget(self._build_kernel_group())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(330)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_maps_tab(), "Feature maps")
        self.tabs.addTab(self._build_window_tab(), "Sliding window")
        self.tabs.addTab(self._build_im2col_tab(), "im2col")
        self.tabs.addTab(self._build_methods_tab(), "Three methods")
        self.tabs.currentChanged.connect(lambda _: self._refresh_views())
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    def _build_input_group(self) -> QGroupBox:
        box = QGroupBox("Input")
        form = QFormLayout(box)
        self.source = combo(SOURCES, "Fashion-MNIST", "Where the input image comes from",
                            "source")
        form.addRow("Source", self.source)
        self.source_pages = QStackedWidget()
        # Fashion-MNIST
        page = QWidget()
        sub = QFormLayout(page)
        sub.setContentsMargins(0, 0, 0, 0)
        self.fashion_class = combo(data.FASHION_CLASSES, data.FASHION_CLASSES[0],
                                   "Which kind of clothing to show", "fashion_class")
        self.fashion_index = spin(0, 999, 0, "Which example of that class (from the test set)",
                                  "fashion_index")
        sub.addRow("Class", self.fashion_class)
        sub.addRow("Example", self.fashion_index)
        self.source_pages.addWidget(page)
        # Pattern
        page = QWidget()
        sub = QFormLayout(page)
        sub.setContentsMargins(0, 0, 0, 0)
        self.pattern = combo(kernels.PATTERNS, "letter A",
                             "A built-in test image; the arange ones are the lesson's 0, 1, 2, …",
                             "pattern")
        self.pattern_size = spin(4, MAX_SIDE, 16, "Side of the pattern in pixels "
                                 "(the arange patterns have a fixed size)", "pattern_size")
        sub.addRow("Pattern", self.pattern)
        sub.addRow("Size", self.pattern_size)
        self.source_pages.addWidget(page)
        # Image file
        page = QWidget()
        sub = QVBoxLayout(page)
        sub.setContentsMargins(0, 0, 0, 0)
        self.file_label = QLabel("No image yet: use File → Open image… or drop a picture on "
                                 "the window.")
        self.file_label.setWordWrap(True)
        sub.addWidget(self.file_label)
        self.source_pages.addWidget(page)
        # Drawing
        page = QWidget()
        sub = QVBoxLayout(page)
        sub.setContentsMargins(0, 0, 0, 0)
        self.pad = DrawPad(196, 14)
        clear = QPushButton("Clear")
        clear.setToolTip("Wipe the drawing pad")
        clear.clicked.connect(self.pad.clear)
        sub.addWidget(self.pad)
        sub.addWidget(clear)
        self.source_pages.addWidget(page)
        form.addRow(self.source_pages)
        self.rgb = QCheckBox("Colour (3 channels: R, G, B)")
        self.rgb.setObjectName("rgb")
        self.rgb.setToolTip("Use the picture's three colour channels instead of its gray "
                            "level (image files only)")
        form.addRow(self.rgb)
        self.source.currentIndexChanged.connect(self._source_page)
        for signal in (self.source.currentIndexChanged, self.fashion_class.currentIndexChanged,
                       self.fashion_index.valueChanged, self.pattern.currentIndexChanged,
                       self.pattern_size.valueChanged, self.rgb.toggled):
            signal.connect(self._changed)
        self.pad.drawingChanged.connect(self._drawn)
        return box

    def _source_page(self, index: int) -> None:
        """Show the controls of one source; the others take no room."""
        for i in range(self.source_pages.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            self.source_pages.widget(i).setSizePolicy(policy, policy)
        self.source_pages.setCurrentIndex(index)
        self.source_pages.adjustSize()

    def _build_kernel_group(self) -> QGroupBox:
        box = QGroupBox("Kernel")
        form = QFormLayout(box)
        self.kernel_size = PairSpin("kernel", 1, 15, 3, "Kernel size KH × KW")
        self.stride = PairSpin("stride", 1, 8, 1, "Stride: how far the window moves between "
                               "output pixels")
        self.padding = PairSpin("padding", 0, 10, 0, "Zero padding added on each side of the "
                                "input")
        self.dilation = PairSpin("dilation", 1, 6, 1, "Dilation: spacing between kernel taps "
                                 "(1 = touching)")
        self.out_channels = spin(1, 16, 4, "Output channels OC: how many kernels, one feature "
                                 "map each", "out_channels")
        form.addRow("Size", self.kernel_size)
        form.addRow("Stride", self.stride)
        form.addRow("Padding", self.padding)
        form.addRow("Dilation", self.dilation)
        form.addRow("Output channels", self.out_channels)
        self.preset = combo(kernels.PRESETS, "random normal", "Fill the kernels with a classic "
                            "filter; hover the list items for what each does", "preset")
        for i, name in enumerate(kernels.PRESETS):
            self.preset.setItemData(i, kernels.DESCRIPTIONS[name], Qt.ItemDataRole.ToolTipRole)
        self.seed = spin(0, 9999, 0, "Seed of the random kernels", "seed")
        form.addRow("Preset", self.preset)
        form.addRow("Seed", self.seed)
        self.edit_oc = spin(0, 15, 0, "Which output channel's kernel the grid shows", "edit_oc")
        self.edit_c = spin(0, 2, 0, "Which input channel's slice of that kernel", "edit_c")
        row = QHBoxLayout()
        row.addWidget(QLabel("out"))
        row.addWidget(self.edit_oc)
        row.addWidget(QLabel("in"))
        row.addWidget(self.edit_c)
        form.addRow("Edit kernel", row)
        self.grid = KernelEditor()
        form.addRow(self.grid)
        self.method = combo(list(METHODS.values()), METHODS["fast"],
                            "Which algorithm computes the maps (same result, different speed)",
                            "method")
        form.addRow("Computed by", self.method)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel = QPushButton("Cancel")
        self.cancel.setToolTip("Stop the slow computation")
        self.cancel.setVisible(False)
        self.cancel.clicked.connect(self.runner.request_stop)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel)
        form.addRow(row)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d32f2f; font-weight: bold;")
        self.error.setVisible(False)
        form.addRow(self.error)
        for pair in (self.kernel_size, self.stride, self.padding, self.dilation):
            pair.changed.connect(self._changed)
        for signal in (self.out_channels.valueChanged, self.preset.currentIndexChanged,
                       self.seed.valueChanged, self.method.currentIndexChanged):
            signal.connect(self._changed)
        self.edit_oc.valueChanged.connect(self._show_kernel)
        self.edit_c.valueChanged.connect(self._show_kernel)
        self.grid.kernelEdited.connect(self._kernel_edited)
        return box

    def _build_maps_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        views = QHBoxLayout()
        self.input_view = ImagePanel("Input (with its zero padding)",
                                     caption="Gray levels span the input's range. The green "
                                             "frame is the real image; outside it, the padding "
                                             "zeros.")
        self.maps_view = ImagePanel("Feature maps", colorbar=True,
                                    caption="One colour scale for all maps: white is 0, red "
                                            "positive, blue negative, up to ±max|value|.")
        views.addWidget(self.input_view, 1)
        views.addWidget(self.maps_view, 1)
        layout.addLayout(views, 1)
        self.formula = QLabel()
        self.formula.setObjectName("formula")
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.formula.setWordWrap(True)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula.setStyleSheet("font-size: 13px; padding: 6px; background: #f7f7f7;")
        layout.addWidget(self.formula)
        return tab

    def _build_window_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        views = QHBoxLayout()
        self.window_input = ImagePanel("Padded input and the window",
                                       caption="Orange squares: the cells the kernel reads for "
                                               "the selected output pixel (gaps = dilation).")
        self.window_output = ImagePanel("Output channel", colorbar=True,
                                        caption="Click a pixel to jump the window there.")
        views.addWidget(self.window_input, 1)
        views.addWidget(self.window_output, 1)
        layout.addLayout(views, 1)
        controls = QHBoxLayout()
        self.play = QPushButton("▶ Play")
        self.play.setObjectName("play")
        self.play.setToolTip("Slide the window over the input, one output pixel at a time")
        self.play.setCheckable(True)
        self.step = QPushButton("Step ▸")
        self.step.setObjectName("step")
        self.step.setToolTip("Move the window to the next output pixel")
        self.scrub = QSlider(Qt.Orientation.Horizontal)
        self.scrub.setObjectName("scrub")
        self.scrub.setToolTip("Drag to move the window to any output pixel")
        self.window_channel = spin(0, 15, 0, "Which output channel (kernel) to follow",
                                   "window_channel")
        self.speed = spin(1, 60, 4, "Window moves per second while playing", "speed")
        for widget in (self.play, self.step, self.scrub, QLabel("channel"), self.window_channel,
                       QLabel("moves/s"), self.speed):
            controls.addWidget(widget, 1 if widget is self.scrub else 0)
        layout.addLayout(controls)
        self.arithmetic = QLabel()
        self.arithmetic.setObjectName("arithmetic")
        self.arithmetic.setTextFormat(Qt.TextFormat.RichText)
        self.arithmetic.setWordWrap(True)
        self.arithmetic.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidget(self.arithmetic)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(150)
        scroll.setMaximumHeight(230)
        layout.addWidget(scroll)
        self.play.toggled.connect(self._toggle_play)
        self.step.clicked.connect(self._advance)
        self.scrub.valueChanged.connect(self._scrubbed)
        self.window_channel.valueChanged.connect(lambda _: self._refresh_views())
        self.speed.valueChanged.connect(lambda v: self._play.setInterval(int(1000 / v)))
        self.window_output.pixelClicked.connect(self._output_clicked)
        return tab

    def _build_im2col_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.im2col_text = QLabel()
        self.im2col_text.setObjectName("im2col_text")
        self.im2col_text.setWordWrap(True)
        self.im2col_text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.im2col_text)
        top = QHBoxLayout()
        self.cols_view = ImagePanel("im2col matrix (K = C·KH·KW rows × L = OH·OW columns)",
                                    caption="Column j holds the patch under the window for "
                                            "output pixel j. Click a column.")
        self.cols_view.plot.getViewBox().setAspectLocked(False)
        top.addWidget(self.cols_view, 3)
        self.patch_view = ImagePanel("That column's patch on the input")
        top.addWidget(self.patch_view, 1)
        layout.addLayout(top, 3)
        bottom = QHBoxLayout()
        self.wmatrix_view = ImagePanel("Kernel matrix (OC × K)", colorbar=True)
        self.wmatrix_view.plot.getViewBox().setAspectLocked(False)
        self.gemm_view = ImagePanel("GEMM result = kernels × im2col (OC × L)", colorbar=True,
                                    caption="Row oc reshaped to OH × OW is feature map oc.")
        self.gemm_view.plot.getViewBox().setAspectLocked(False)
        self.reshaped_view = ImagePanel("Reshaped to (OC, OH, OW)",
                                        caption="Same colours as the GEMM result.")
        bottom.addWidget(self.wmatrix_view, 1)
        bottom.addWidget(self.gemm_view, 2)
        bottom.addWidget(self.reshaped_view, 1)
        layout.addLayout(bottom, 2)
        self.column = QSlider(Qt.Orientation.Horizontal)
        self.column.setObjectName("column")
        self.column.setToolTip("Choose a column of the im2col matrix (an output pixel)")
        layout.addWidget(self.column)
        self.column.valueChanged.connect(lambda _: self._refresh_views())
        self.cols_view.pixelClicked.connect(lambda _, col: self.column.setValue(col))
        self.gemm_view.pixelClicked.connect(lambda _, col: self.column.setValue(col))
        return tab

    def _build_methods_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        intro = QLabel("The same convolution three ways. The naive loop visits every multiply "
                       "one by one in Python; im2col + GEMM copies every patch into a column "
                       "first, then does one matrix product; the fast path builds the same "
                       "matrix with strided views instead of loops.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.compare = QPushButton("Compare the three methods on the current input")
        self.compare.setObjectName("compare")
        self.compare.setToolTip("Time each method (the naive loop runs in the background)")
        self.compare.clicked.connect(self.compare_methods)
        layout.addWidget(self.compare)
        self.table = QTableWidget(3, 3)
        self.table.setObjectName("methods_table")
        self.table.setHorizontalHeaderLabels(["method", "time", "max |difference| vs naive"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        for row, text in enumerate(METHODS.values()):
            self.table.setItem(row, 0, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        layout.addStretch(1)
        return tab

    # ------------------------------------------------------------------ configuration

    def config(self) -> ConvConfig:
        (kh, kw), (sh, sw) = self.kernel_size.values(), self.stride.values()
        (ph, pw), (dh, dw) = self.padding.values(), self.dilation.values()
        method = next(k for k, v in METHODS.items() if v == self.method.currentText())
        return ConvConfig(
            source=self.source.currentText(), fashion_class=self.fashion_class.currentIndex(),
            fashion_index=self.fashion_index.value(), pattern=self.pattern.currentText(),
            pattern_size=self.pattern_size.value(), rgb=self.rgb.isChecked(),
            image_path=self._image_path,
            kh=kh, kw=kw, link_kernel=self.kernel_size.link.isChecked(), sh=sh, sw=sw,
            link_stride=self.stride.link.isChecked(), ph=ph, pw=pw,
            link_padding=self.padding.link.isChecked(), dh=dh, dw=dw,
            link_dilation=self.dilation.link.isChecked(), out_channels=self.out_channels.value(),
            preset=self.preset.currentText(), seed=self.seed.value(), method=method)

    def set_config(self, config: ConvConfig) -> None:
        widgets = [self.source, self.fashion_class, self.fashion_index, self.pattern,
                   self.pattern_size, self.rgb, self.out_channels, self.preset, self.seed,
                   self.method]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.source.setCurrentText(config.source if config.source in SOURCES else SOURCES[0])
            self._source_page(self.source.currentIndex())
            self.fashion_class.setCurrentIndex(min(max(config.fashion_class, 0), 9))
            self.fashion_index.setValue(config.fashion_index)
            self.pattern.setCurrentText(config.pattern)
            self.pattern_size.setValue(config.pattern_size)
            self.rgb.setChecked(config.rgb)
            self.out_channels.setValue(config.out_channels)
            self.preset.setCurrentText(config.preset)
            self.seed.setValue(config.seed)
            self.method.setCurrentText(METHODS.get(config.method, METHODS["fast"]))
            for pair, values in ((self.kernel_size, (config.kh, config.kw, config.link_kernel)),
                                 (self.stride, (config.sh, config.sw, config.link_stride)),
                                 (self.padding, (config.ph, config.pw, config.link_padding)),
                                 (self.dilation, (config.dh, config.dw, config.link_dilation))):
                pair.blockSignals(True)
                pair.set_values(*values)
                pair.blockSignals(False)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._image_path = config.image_path
        if config.source == "Image file" and config.image_path:
            try:
                self._load_file(config.image_path)
            except (OSError, ValueError):
                self.source.setCurrentText("Fashion-MNIST")
        self._weight_key = None
        self.recompute()

    # ------------------------------------------------------------------ inputs

    def open_image(self, path) -> None:
        """Use a picture file as the input (File → Open, or a drop on the window)."""
        try:
            self._load_file(path)
        except (OSError, ValueError) as err:
            self.statusMessage.emit(f"Could not open the image: {err}")
            return
        self._image_path = str(path)
        self.source.setCurrentText("Image file")
        self._changed()

    def _load_file(self, path) -> None:
        image = read_image(path, rgb=True)
        h, w = image.shape[:2]
        if max(h, w) > MAX_SIDE:  # keep it interactive: at most 128 pixels a side
            scale = MAX_SIDE / max(h, w)
            size = max(1, round(h * scale)), max(1, round(w * scale))
            image = np.stack([data.resize_area(image[..., c], *size) for c in range(3)], -1)
        self._image_file = image.astype(np.float32)
        name = str(path).rsplit("/", 1)[-1]
        self.file_label.setText(f"{name}: {w}×{h} pixels"
                                + (f", shown at {image.shape[1]}×{image.shape[0]}"
                                   if (h, w) != image.shape[:2] else ""))

    def _drawn(self, drawing: np.ndarray) -> None:
        self._drawing = data.resize_area(drawing, 28, 28).astype(np.float32)
        self._changed()

    def input_image(self, config: ConvConfig) -> np.ndarray:
        """The current input as (C, H, W) float32."""
        if config.source == "Image file" and self._image_file is not None:
            image = self._image_file
            if config.rgb:
                return np.ascontiguousarray(image.transpose(2, 0, 1))
            gray = image @ np.array([0.299, 0.587, 0.114], np.float32)  # ITU-R 601 luma
            return gray[None]
        if config.source == "Drawing":
            return self._drawing[None].copy()
        if config.source == "Fashion-MNIST":
            split = fashion_test_split()
            if split is not None:
                indices = np.flatnonzero(split.labels == config.fashion_class)
                index = indices[min(config.fashion_index, len(indices) - 1)]
                return (split.images[index] / np.float32(255)).astype(np.float32)[None]
        return kernels.pattern(config.pattern, config.pattern_size).astype(np.float32)[None]

    # ------------------------------------------------------------------ kernel

    def weights(self, config: ConvConfig, channels: int) -> np.ndarray:
        key = (config.preset, config.out_channels, channels, config.kh, config.kw, config.seed)
        if key != self._weight_key:
            size = kernels.fixed_size(config.preset)
            kh, kw = size or (config.kh, config.kw)
            self._weight = kernels.weights(config.preset, config.out_channels, channels, kh, kw,
                                           config.seed)
            self._weight_key = key
            self.edit_oc.setMaximum(config.out_channels - 1)
            self.edit_c.setMaximum(channels - 1)
            self._show_kernel()
        return self._weight

    def _show_kernel(self) -> None:
        if self._weight is not None:
            oc = min(self.edit_oc.value(), self._weight.shape[0] - 1)
            c = min(self.edit_c.value(), self._weight.shape[1] - 1)
            self.grid.set_kernel(self._weight[oc, c])

    def _kernel_edited(self, kernel: np.ndarray) -> None:
        oc, c = self.edit_oc.value(), self.edit_c.value()
        self._weight = self._weight.copy()
        self._weight[oc, c] = kernel
        self.statusMessage.emit(f"Edited kernel {oc}, input channel {c}; choosing a preset "
                                "again replaces the edits.")
        self.recompute()

    # ------------------------------------------------------------------ computing

    def _changed(self, *args) -> None:
        self._pending.start(0)  # coalesce a burst of changes into one recompute

    def recompute(self) -> None:
        self._pending.stop()
        self.runner.cancel()  # a result for the old settings must not arrive later
        config = self.config()
        if kernels.fixed_size(config.preset) and (config.kh, config.kw) != (3, 3):
            self.kernel_size.set_values(3, 3)  # the preset defines a 3×3 kernel
            config = self.config()
            self.statusMessage.emit(f"The {config.preset} kernel is 3×3: kernel size set to 3×3.")
        self.rgb.setEnabled(config.source == "Image file")
        self.pattern_size.setEnabled(not config.pattern.startswith("arange"))
        image = self.input_image(config)
        x = image[None]
        weight = self.weights(config, x.shape[1])
        try:
            geometry = F.conv_geometry(x, weight, None, **config.window)
        except ShapeError as err:
            self._show_error(err)
            return
        self._clear_error()
        macs = F.conv2d_macs(x.shape, weight.shape, **config.window)
        if config.method == "fast" or macs <= INLINE_MACS:
            start = time.perf_counter()
            maps = self._method(config.method)(x, weight, None, **config.window)
            self._computed(config, x, weight, geometry, maps, time.perf_counter() - start)
        else:
            self._compute_in_background(config, x, weight, geometry)

    @staticmethod
    def _method(name: str):
        return {"fast": F.conv2d, "im2col": F.conv2d_im2col, "naive": F.conv2d_naive}[name]

    def _compute_in_background(self, config, x, weight, geometry) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel.setVisible(True)
        self.statusMessage.emit(f"Computing with {METHODS[config.method]} in the background…")
        method = self._method(config.method)
        window = config.window

        def job(context):
            start = time.perf_counter()
            if config.method == "naive":
                def progress(done, total):
                    context.check()
                    context.report(("progress", done / total))
                maps = method(x, weight, None, progress=progress, **window)
            else:
                maps = method(x, weight, None, **window)
            yield ("done", maps, time.perf_counter() - start)

        def items(batch):
            for item in batch:
                if item[0] == "progress":
                    self.progress.setValue(int(100 * item[1]))
                else:
                    self._computed(config, x, weight, geometry, item[1], item[2])

        def finished():
            self.progress.setVisible(False)
            self.cancel.setVisible(False)

        self.runner.start(job, items, self._failed, finished)

    def _failed(self, error: BaseException) -> None:
        self.statusMessage.emit(f"The computation failed: {error}")

    def _computed(self, config, x, weight, geometry, maps, seconds) -> None:
        self._result = (config, x, weight, geometry, maps)
        self._position = min(self._position, geometry.oh * geometry.ow - 1)
        self.statusMessage.emit(f"{METHODS[config.method]}: {seconds * 1e3:.2f} ms for "
                                f"{maps.shape[1]} map(s) of {geometry.oh}×{geometry.ow}")
        self.workspace.publish(x[0], maps[0], f"{config.out_channels} feature map(s) of "
                                              f"{config.source.lower()} ({config.preset})")
        self._refresh_views()

    # ------------------------------------------------------------------ showing

    def _show_error(self, err: ShapeError) -> None:
        self.error.setText(f"No output: {err}")
        self.error.setVisible(True)
        culprit = {"kernel_size": self.kernel_size, "stride": self.stride,
                   "padding": self.padding, "dilation": self.dilation}.get(err.argument)
        for pair in (self.kernel_size, self.stride, self.padding, self.dilation):
            pair.set_error(pair is culprit)
        self.formula.setText(f"<span style='color:#d32f2f'><b>This combination has no output."
                             f"</b> {err}</span>")
        for view in (self.maps_view, self.window_output, self.gemm_view, self.reshaped_view):
            view.set_title("No output — see the message on the left")
        self.statusMessage.emit(f"Invalid settings: {err}")

    def _clear_error(self) -> None:
        self.error.setVisible(False)
        for pair in (self.kernel_size, self.stride, self.padding, self.dilation):
            pair.set_error(False)
        self.maps_view.set_title("Feature maps")

    def _refresh_views(self) -> None:
        """Redraw the tab on screen only; the others catch up when they are shown."""
        if self._result is None or self.error.isVisible():
            return
        current = self.tabs.currentIndex()
        if current == 0:
            self._show_maps()
        elif current == 1:
            self._show_window()
        elif current == 2:
            self._show_im2col()

    def _padded_input(self, x, g) -> tuple[np.ndarray, tuple[float, float]]:
        padded = F.pad2d(x, g.ph, g.pw)[0]
        levels = range_levels(padded)
        image = padded[0] if padded.shape[0] == 1 else padded.transpose(1, 2, 0)
        if padded.shape[0] == 3:
            levels = (0.0, 1.0)
        return image, levels

    def _show_maps(self) -> None:
        config, x, weight, g, maps = self._result
        image, levels = self._padded_input(x, g)
        self.input_view.set_image(image, levels)
        self.input_view.show_rects("frame", [(g.ph, g.pw, x.shape[2], x.shape[3])], OUTLINE,
                                   line_width=1.5)
        mosaic, _ = tile(maps[0])
        self.maps_view.set_image(mosaic, symmetric_levels(maps), DIVERGING)
        self.maps_view.set_title(f"Feature maps: {maps.shape[1]} × {g.oh}×{g.ow}")
        self.formula.setText(self._formula_text(config, x, weight, g))

    def _formula_text(self, config, x, weight, g) -> str:
        n, c, h, w = x.shape
        oc, _, kh, kw = weight.shape
        rows = []
        for axis, size, k, s, p, d, out in (("OH", h, kh, g.sh, g.ph, g.dh, g.oh),
                                            ("OW", w, kw, g.sw, g.pw, g.dw, g.ow)):
            letter = "H" if axis == "OH" else "W"
            rows.append(f"<b>{axis}</b> = ⌊({letter} + 2p − d·(K{letter} − 1) − 1) / s⌋ + 1 "
                        f"= ⌊({size} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = <b>{out}</b>")
        macs = F.conv2d_macs(x.shape, weight.shape, **config.window)
        params = F.conv2d_params(c, oc, (kh, kw), bias=False)
        rows.append(f"<b>Output</b> N×OC×OH×OW = {n}×{oc}×{g.oh}×{g.ow}")
        rows.append(f"<b>MACs</b> = KW·KH·C·OC·OW·OH·N = {kw}·{kh}·{c}·{oc}·{g.ow}·{g.oh}·{n} "
                    f"= <b>{macs:,}</b>")
        rows.append(f"<b>Parameters</b> = OC·C·KH·KW = {oc}·{c}·{kh}·{kw} = <b>{params:,}</b> "
                    "(no bias)")
        return "<br>".join(rows)

    # sliding window

    def _toggle_play(self, playing: bool) -> None:
        self.play.setText("❚❚ Pause" if playing else "▶ Play")
        if playing:
            self._play.start(int(1000 / self.speed.value()))
        else:
            self._play.stop()

    def _advance(self) -> None:
        if self._result is None:
            return
        g = self._result[3]
        self.set_position((self._position + 1) % (g.oh * g.ow))

    def set_position(self, position: int) -> None:
        """Move the sliding window to output pixel ``position`` (row-major)."""
        self._position = position
        self.scrub.blockSignals(True)
        self.scrub.setValue(position)
        self.scrub.blockSignals(False)
        if self.tabs.currentIndex() == 1:
            self._show_window()

    def _scrubbed(self, value: int) -> None:
        self.set_position(value)

    def _output_clicked(self, row: int, col: int) -> None:
        g = self._result[3]
        self.set_position(row * g.ow + col)

    def _show_window(self) -> None:
        config, x, weight, g, maps = self._result
        oc = min(self.window_channel.value(), maps.shape[1] - 1)
        self.window_channel.setMaximum(maps.shape[1] - 1)
        self.scrub.setMaximum(g.oh * g.ow - 1)
        oh, ow = divmod(self._position, g.ow)
        terms = F.conv_pixel(x, weight, None, oh, ow, oc=oc, **config.window)
        image, levels = self._padded_input(x, g)
        self.window_input.set_image(image, levels)
        self.window_input.show_rects("frame", [(g.ph, g.pw, x.shape[2], x.shape[3])], OUTLINE,
                                     line_width=1)
        self.window_input.show_rects("window", _taps(terms), fill=True)
        self.window_output.set_image(maps[0, oc], symmetric_levels(maps[0, oc]), DIVERGING)
        self.window_output.set_title(f"Output channel {oc} ({g.oh}×{g.ow})")
        self.window_output.show_rects("pixel", [(oh, ow, 1, 1)])
        self.arithmetic.setText(self._arithmetic_text(terms, weight[oc], oc, oh, ow,
                                                      maps[0, oc, oh, ow]))

    @staticmethod
    def _arithmetic_text(terms, kernel, oc, oh, ow, computed) -> str:
        c, kh, kw = terms.patch.shape
        parts = [f"<b>out[{oc}, {oh}, {ow}]</b> (channel {oc}, row {oh}, column {ow}) = "
                 "Σ input × weight over the window "
                 f"(rows {terms.rows.tolist()}, columns {terms.cols.tolist()} of the padded "
                 "input):"]
        shown = 0
        for ch in range(c):
            cells = []
            for i in range(kh):
                row = "".join(
                    f"<td style='padding:0 6px'>{terms.patch[ch, i, j]:.4g} × "
                    f"{kernel[ch, i, j]:.4g}<br><span style='color:#888'>"
                    f"= {terms.products[ch, i, j]:.4g}</span></td>" for j in range(kw))
                cells.append(f"<tr>{row}</tr>")
            label = f"channel {ch}: " if c > 1 else ""
            parts.append(f"{label}<table style='font-family: monospace'>{''.join(cells)}</table>")
            shown += kh * kw
            if shown > 150 and ch < c - 1:
                parts.append(f"… {c - ch - 1} more channel(s)")
                break
        parts.append(f"sum of the {terms.products.size} products = <b>{terms.value:.6g}</b> "
                     f"(the map holds {computed:.6g})")
        return "".join(parts)

    # im2col

    def _show_im2col(self) -> None:
        config, x, weight, g, maps = self._result
        cols = F.im2col(x, weight.shape[2:], **config.window)[0]       # (K, L)
        kernel_matrix = weight.reshape(weight.shape[0], -1)             # (OC, K)
        product = kernel_matrix @ cols                                  # (OC, L)
        k, length = cols.shape
        self.column.setMaximum(length - 1)
        j = min(self.column.value(), length - 1)
        oh, ow = divmod(j, g.ow)  # column j is output pixel (j // OW, j % OW)
        self.cols_view.set_image(cols, range_levels(cols), GRAY)
        self.cols_view.show_rects("column", [(0, j, k, 1)], line_width=1)
        self.wmatrix_view.set_image(kernel_matrix, symmetric_levels(kernel_matrix), DIVERGING)
        levels = symmetric_levels(product)
        self.gemm_view.set_image(product, levels, DIVERGING)
        self.gemm_view.show_rects("column", [(0, j, product.shape[0], 1)], line_width=1)
        self.gemm_view.set_title(f"GEMM result ({product.shape[0]} × {length})")
        reshaped, corners = tile(product.reshape(-1, g.oh, g.ow))
        self.reshaped_view.set_image(reshaped, levels, DIVERGING)
        self.reshaped_view.show_rects("pixel", [(top + oh, left + ow, 1, 1)
                                                for top, left in corners])
        terms = F.conv_pixel(x, weight, None, oh, ow, **config.window)
        image, image_levels = self._padded_input(x, g)
        self.patch_view.set_image(image, image_levels)
        self.patch_view.show_rects("window", _taps(terms), fill=True)
        self.im2col_text.setText(
            f"The input's {length} patches become the {length} columns of a {k} × {length} "
            f"matrix (K = C·KH·KW = {x.shape[1]}·{weight.shape[2]}·{weight.shape[3]}). One matrix "
            f"product with the {weight.shape[0]} × {k} kernel matrix computes every output at "
            f"once; reshaping its {weight.shape[0]} × {length} result to "
            f"({weight.shape[0]}, {g.oh}, {g.ow}) gives the feature maps. "
            f"Row r of the matrix is input channel r // (KH·KW) at kernel tap "
            f"(r // KW mod KH, r mod KW).<br><b>Column {j}</b> = output pixel ({oh}, {ow}) = "
            f"[{', '.join(f'{v:.3g}' for v in cols[:12, j])}{', …' if k > 12 else ''}]; "
            f"kernel row 0 · column {j} = <b>{product[0, j]:.4g}</b> = map 0 at "
            f"({oh}, {ow}).")

    # methods

    def compare_methods(self) -> None:
        """Time the three methods on the current input; the work runs in the background."""
        if self._result is None or self.runner.running:
            return
        config, x, weight, g, maps = self._result
        window = config.window
        self.compare.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel.setVisible(True)

        def job(context):
            outputs = {}
            for name in ("fast", "im2col", "naive"):
                start = time.perf_counter()
                if name == "naive":
                    def progress(done, total):
                        context.check()
                        context.report(("progress", done / total))
                    out = F.conv2d_naive(x, weight, None, progress=progress, **window)
                else:
                    out = self._method(name)(x, weight, None, **window)
                outputs[name] = out
                yield ("time", name, time.perf_counter() - start)
            for name, out in outputs.items():
                yield ("diff", name, float(np.abs(out - outputs["naive"]).max()))

        def items(batch):
            rows = {name: i for i, name in enumerate(METHODS)}
            for item in batch:
                if item[0] == "progress":
                    self.progress.setValue(int(100 * item[1]))
                elif item[0] == "time":
                    text = f"{item[2] * 1e3:.3f} ms"
                    self.table.setItem(rows[item[1]], 1, QTableWidgetItem(text))
                else:
                    self.table.setItem(rows[item[1]], 2, QTableWidgetItem(f"{item[2]:.2e}"))

        def finished():
            self.compare.setEnabled(True)
            self.progress.setVisible(False)
            self.cancel.setVisible(False)
            self.statusMessage.emit("Comparison finished.")

        for row in range(3):
            for column in (1, 2):
                self.table.setItem(row, column, QTableWidgetItem("…"))
        self.runner.start(job, items, self._failed, finished)

    def shutdown(self) -> None:
        self._play.stop()
        self.runner.shutdown()


def _taps(terms: F.PixelTerms) -> list:
    """One 1×1 block per kernel tap: with dilation the blocks have gaps between them."""
    return [(row, col, 1, 1) for row in terms.rows for col in terms.cols]
