"""Render the README's tour screenshots offscreen: ``python -m gui.tour [folder]``.

Each shot sets a page up the way a learner might, waits for any background work, and saves the
window as a PNG (default folder: resources/screenshots). Settings are not touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402

from gui.app import create_app  # noqa: E402

DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / "resources" / "screenshots"


def _wait(app, condition=lambda: True, timeout: float = 120.0) -> None:
    """Process events until ``condition()`` holds (background work done), then let paint."""
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        app.processEvents()


def shots(window, app):
    """(file name, caption, set-up function) for every picture of the tour."""
    from gui.pages.convolution import ConvConfig
    from gui.pages.pooling import PoolingConfig

    conv = window.convolution

    def convolution():
        conv.set_config(ConvConfig(fashion_class=7, fashion_index=3, preset="sobel x",
                                   out_channels=1, kh=3, kw=3))
        conv.set_config(ConvConfig(fashion_class=7, fashion_index=3, out_channels=6, kh=5, kw=5,
                                   ph=2, pw=2))
        conv.tabs.setCurrentIndex(0)
        window.show_page(conv)

    def sliding_window():
        conv.set_config(ConvConfig(source="Pattern", pattern="arange 6×6", kh=3, kw=3, dh=2,
                                   dw=2, ph=1, pw=1, out_channels=1, preset="random normal"))
        conv.tabs.setCurrentIndex(1)
        conv.set_position(4)

    def im2col():
        conv.set_config(ConvConfig(source="Pattern", pattern="letter A", pattern_size=12,
                                   out_channels=4, kh=3, kw=3))
        conv.tabs.setCurrentIndex(2)
        conv.column.setValue(47)

    def pooling():
        conv.set_config(ConvConfig(fashion_class=0, fashion_index=0, preset="sobel x",
                                   out_channels=1))
        page = window.pages[1]
        page.set_config(PoolingConfig(kernel=3, stride=2, padding=1))
        page._select(4, 6)
        window.show_page(page)

    def activations():
        page = window.pages[2]
        page.derivatives.setChecked(True)
        page.apply.setCurrentText("tanh")
        window.show_page(page)

    def speed():
        page = window.pages[3]
        window.show_page(page)
        page.run.click()
        _wait(app, lambda: not page.runner.running)

    tiny = window.pages[4]
    lenet = window.lenet

    def tiny_net():
        from gui.pages.tiny_net import TinyConfig
        tiny.set_config(TinyConfig(speed=0))
        window.show_page(tiny)
        tiny.train_button.click()
        _wait(app, lambda: not tiny.runner.running)
        tiny.check_button.click()

    def lenet_training():
        from gui.pages.lenet import LeNetConfig
        lenet.set_config(LeNetConfig(train_size=12000, epochs=3))
        window.show_page(lenet)
        lenet.tabs.setCurrentIndex(1)
        lenet.start_button.click()
        _wait(app, lambda: not lenet.runner.running, timeout=600)

    def lenet_tab(index):
        def show():
            lenet.tabs.setCurrentIndex(index)
            if index == 4:
                lenet.predict_index.setValue(12)
                lenet.predict_test_image()
        return show

    return [("convolution.png", "Convolution: kernels, the output-size formula and the maps",
             convolution),
            ("sliding-window.png", "The sliding window with dilation 2, and its arithmetic",
             sliding_window),
            ("im2col.png", "im2col: patches become columns, one GEMM computes every output",
             im2col),
            ("pooling.png", "Pooling with overlapping windows, and where the gradients go",
             pooling),
            ("activations.png", "Activations and their derivatives, applied to feature maps",
             activations),
            ("speed.png", "The speed comparison", speed),
            ("tiny-network.png", "The lesson's tiny network after 100 epochs, gradients checked",
             tiny_net),
            ("lenet-training.png", "LeNet-5 training live (3 epochs on 12,000 images)",
             lenet_training),
            ("lenet-inside.png", "Inside LeNet-5: every stage for one test image, the kernels",
             lenet_tab(2)),
            ("lenet-results.png", "Confusion matrix and misclassified test images",
             lenet_tab(3)),
            ("lenet-predict.png", "Asking the network about one image", lenet_tab(4))]


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0]) if argv else DEFAULT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    app = create_app([])
    QCoreApplication.setOrganizationName("CNN Studio Tour")  # never the user's settings
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp())
    from gui.main_window import MainWindow

    window = MainWindow()
    window.resize(1360, 820)
    window.show()
    _wait(app)
    for name, caption, set_up in shots(window, app):
        set_up()
        _wait(app)
        window.grab().save(str(folder / name))
        print(f"{folder / name}: {caption}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
