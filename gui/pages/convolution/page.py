"""The convolution page: pick an input and a kernel, watch the feature maps, the output-size
formula, the sliding window, im2col, and the three ways of computing it.

The page coordinates: the input and kernel panels say what changed, the page computes (in the
background for the slow methods) and hands the result to the tab on screen.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from core import functional as F
from core import kernels
from core.functional import ShapeError
from core.timing import MethodProgress
from gui import choices
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.pages.base import Page
from gui.pages.convolution.config import ConvConfig, ConvResult
from gui.pages.convolution.im2col_tab import Im2colTab
from gui.pages.convolution.input_panel import InputPanel
from gui.pages.convolution.kernel_panel import KernelPanel
from gui.pages.convolution.maps_tab import MapsTab
from gui.pages.convolution.methods_tab import MethodsTab
from gui.pages.convolution.window_tab import WindowTab
from gui.tr import Words
from gui.widgets.veil import Veilable
from gui.workers import WorkerRunner

INLINE_MACS = 30_000  # slower methods beyond this many MACs run in the background


TAB_TITLES = (QT_TRANSLATE_NOOP("ConvolutionPage", "Feature maps"),
              QT_TRANSLATE_NOOP("ConvolutionPage", "Sliding window"), "im2col",
              QT_TRANSLATE_NOOP("ConvolutionPage", "Three methods"))


class ConvolutionPage(Translated, Page):
    title = QT_TRANSLATE_NOOP("Pages", "Convolution")
    key = "convolution"
    tagline = QT_TRANSLATE_NOOP("Pages", "Slide a kernel over an image")
    Config = ConvConfig
    accepts_images = True

    def __init__(self, workspace, config: ConvConfig | None = None):
        super().__init__()
        self.workspace = workspace
        self.runner = WorkerRunner(self)
        self.result: ConvResult | None = None
        self.inputs = InputPanel()
        self.kernel = KernelPanel()
        self.maps_tab, self.window_tab = MapsTab(), WindowTab()
        self.im2col_tab, self.methods_tab = Im2colTab(), MethodsTab()
        self.tabs = QTabWidget()
        for tab, title in zip((self.maps_tab, self.window_tab, self.im2col_tab, self.methods_tab),
                              TAB_TITLES):
            self.tabs.addTab(tab, "")
            self.tabs.tabBar().setTabData(self.tabs.count() - 1, title)
        controls = QWidget()
        column = QVBoxLayout(controls)
        column.addWidget(self.inputs)
        column.addWidget(self.kernel)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(controls.minimumSizeHint().width() + 24)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        self.veils = {"results": Veilable(self.tabs)}
        splitter.addWidget(self.veils["results"])
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([scroll.minimumWidth(), 10_000])  # the tabs get what is left
        QHBoxLayout(self).addWidget(splitter)
        self._pending = QTimer(self)  # a burst of changes makes one recompute
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self.recompute)
        self.inputs.changed.connect(self._changed)
        self.kernel.changed.connect(self._changed)
        self.kernel.kernelEdited.connect(self._kernel_edited)
        self.kernel.cancelRequested.connect(self.runner.request_stop)
        self.kernel.depthwiseRequested.connect(self.make_depthwise)
        self.tabs.currentChanged.connect(self._refresh)
        self.retranslate()
        self.set_config(config or ConvConfig())

    # ------------------------------------------------------------------ configuration

    def config(self) -> ConvConfig:
        return ConvConfig(**self.inputs.values(), **self.kernel.values())

    def set_config(self, config: ConvConfig) -> None:
        self.inputs.set_values(config)
        self.kernel.set_values(config)
        self.recompute()

    def retranslate(self) -> None:
        """The tabs' titles; the panels and tabs say their own texts again."""
        for i, title in enumerate(TAB_TITLES):
            self.tabs.setTabText(i, translate("ConvolutionPage", title))

    def open_image(self, path) -> None:
        """Use a picture file as the input (File → Open, or a drop on the window)."""
        try:
            self.inputs.use_picture(path)
        except (OSError, ValueError) as err:
            self.statusMessage.emit(translate("ConvolutionPage", "Could not open the image: "
                                                                 "{error}").format(error=err))

    # ------------------------------------------------------------------ computing

    @property
    def recompute_pending(self) -> bool:
        """Whether a change waits for its recomputation (a burst of changes makes one)."""
        return self._pending.isActive()

    def _changed(self) -> None:
        self._pending.start(0)

    def _kernel_edited(self) -> None:
        oc, c = self.kernel.edited_kernel()
        self.statusMessage.emit(translate("ConvolutionPage", "Edited kernel {oc}, input channel "
                                                             "{c}; choosing a preset again "
                                                             "replaces the edits.").format(
            oc=oc, c=c))
        self.recompute()

    def recompute(self) -> None:
        self._pending.stop()
        self.runner.cancel()  # a result for older settings must not arrive later
        config = self.config()
        if kernels.fixed_size(config.preset) not in (None, (config.kh, config.kw)):
            self.kernel.set_kernel_size(*kernels.fixed_size(config.preset))
            config = self.config()
            self.statusMessage.emit(translate("ConvolutionPage", "The {preset} kernel is 3×3: "
                                                                 "kernel size set to 3×3.").format(
                preset=choices.say(config.preset)))
        image = self.inputs.image(config)[None]
        try:
            groups = F.check_groups(image.shape[1], config.out_channels, config.groups)
            weight = self.kernel.weights(config, image.shape[1] // groups)
            # Padding other than symmetric zeros ("same" with an odd total, reflect, …) is
            # applied to the image here; the windows then slide over it without more padding.
            x, padding, sides = F.prepare_padding(image, (config.kh, config.kw),
                                                  (config.sh, config.sw), config.padding,
                                                  (config.dh, config.dw), config.padding_mode)
            window = dict(stride=(config.sh, config.sw), padding=padding,
                          dilation=(config.dh, config.dw), groups=groups)
            geometry = F.conv_geometry(x, weight, None, **window)
        except ShapeError as err:
            self._show_error(err)
            return
        self.kernel.clear_error()
        task = ConvResult(config, x, weight, geometry, None, 0.0, window, sides, image)
        macs = F.conv2d_macs(x.shape, weight.shape, **window)
        if config.method == "fast" or macs <= INLINE_MACS:
            start = time.perf_counter()
            maps = F.CONV_METHODS[config.method](x, weight, None, **window)
            self._computed(task._replace(maps=maps, seconds=time.perf_counter() - start))
        else:
            self._compute_in_background(task)

    def _compute_in_background(self, task: ConvResult) -> None:
        self.kernel.show_progress(0.0)
        self.statusMessage.emit(translate("ConvolutionPage", "Computing with {method} in the "
                                                             "background…").format(
            method=choices.say(choices.CONV_METHODS[task.config.method])))

        def job(context):
            start = time.perf_counter()
            window = task.window
            if task.config.method == "naive":
                def progress(done, total):
                    context.check()
                    context.report(MethodProgress(done / total))
                maps = F.conv2d_naive(task.x, task.weight, None, progress=progress, **window)
            else:
                maps = F.CONV_METHODS[task.config.method](task.x, task.weight, None, **window)
            yield task._replace(maps=maps, seconds=time.perf_counter() - start)

        self.runner.start(job, self._items, self._failed,
                          lambda: self.kernel.show_progress(None))

    def _items(self, items: list) -> None:
        for item in items:
            if isinstance(item, MethodProgress):
                self.kernel.show_progress(item.fraction)
            elif isinstance(item, ConvResult):
                self._computed(item)

    def _failed(self, error: BaseException) -> None:
        self.statusMessage.emit(translate("ConvolutionPage", "The computation failed: {error}")
                                .format(error=error))

    def _computed(self, result: ConvResult) -> None:
        self.result = result
        config, g = result.config, result.geometry
        self.statusMessage.emit(translate("ConvolutionPage", "{method}: {ms} ms for {count} "
                                                             "map(s) of {size}").format(
            method=choices.say(choices.CONV_METHODS[config.method]),
            ms=f"{result.seconds * 1e3:.2f}", count=result.maps.shape[1], size=f"{g.oh}×{g.ow}"))
        self.workspace.publish(result.image[0], result.maps[0], Words(
            "ConvolutionPage", QT_TRANSLATE_NOOP("ConvolutionPage", "{count} feature map(s) of "
                                                                    "{input} ({preset})"),
            {"count": config.out_channels, "input": self.inputs.describe(config),
             "preset": Words("Choices", config.preset)}))
        self._refresh()

    # ------------------------------------------------------------------ showing

    def _show_error(self, err: ShapeError) -> None:
        self.result = None
        self.kernel.show_error(err)
        self.maps_tab.show_error(str(err))
        for tab in (self.window_tab, self.im2col_tab):
            tab.show_error()
        self.statusMessage.emit(translate("ConvolutionPage", "Invalid settings: {error}").format(
            error=err))

    def _refresh(self) -> None:
        """Redraw the tab on screen only; the others catch up when they are shown."""
        if self.result is not None:
            self.tabs.currentWidget().display(self.result)

    def make_depthwise(self) -> None:
        """groups = C, and as many kernels as channels unless already a multiple."""
        channels = self.inputs.image(self.config()).shape[0]
        form = self.kernel.form
        if form["out_channels"].value() % channels:
            form["out_channels"].setValue(channels)
        form["groups"].setValue(channels)

    def show_view(self, view: dict) -> None:
        super().show_view(view)
        if "position" in view:  # applied when the result of the new settings arrives
            self.window_tab.requested = view["position"]
            if not self.runner.running:  # else the new result shows it when it arrives
                self._refresh()

    def shutdown(self) -> None:
        self.window_tab.stop()
        super().shutdown()
