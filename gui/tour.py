"""Render the README's tour screenshots offscreen: ``python -m gui.tour [folder] [--only
prefix] [--lang ko]`` (``--only experiments``: just the pictures whose names start so;
``--lang ko``: in Korean, saved as ``<name>-ko.png``).

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
    from gui.pages.convolution.config import ConvConfig
    from gui.pages.lenet.config import LeNetConfig
    from gui.pages.pooling import PoolingConfig
    from gui.pages.tiny_net.page import TinyConfig

    conv, pooling, activations, speed, tiny, lenet, versus, runs = (
        window.page(key) for key in ("convolution", "pooling", "activations", "speed",
                                     "tiny_net", "lenet", "versus", "runs"))

    def predict():
        window.lesson.go(1)  # the output size of the page's convolution, the maps veiled
        window.lesson.input.setText("13")
        window.lesson.check_answer()  # a first miss: the mistake named, a hint, no answer

    def lesson():
        window.lesson.input.setText("14")
        window.lesson.check_answer()  # the prediction beside the result, the veil lifted

    def practice():
        view = window.lesson.practice
        window.lesson.mode.setCurrentIndex(1)
        view.chooser.setCurrentIndex(view.chooser.findData("conv_output_size"))
        view.new_question()
        if view.asked.kind == "read":
            view.check_answer()  # the fully worked example read: now one step is blank
        view.input.setText("1")
        view.check_answer()

    def versus_tab(index):
        def show():
            if versus.result is None:
                window.show_page(versus)
                versus.train_button.click()
                _wait(app, lambda: not versus.runner.running, timeout=300)
            versus.tabs.setCurrentIndex(index)
        return show

    def convolution():
        conv.set_config(ConvConfig(fashion_class=7, fashion_index=3, out_channels=6, kh=5, kw=5,
                                   ph=2, pw=2))
        conv.tabs.setCurrentWidget(conv.maps_tab)
        window.show_page(conv)

    def sliding_window():
        window.lesson.go(3)  # the lesson's step: the 6×6 arange input, kernel 3, padding 1
        conv.window_tab.set_position(8)
        conv.window_tab.hover(3, 4)  # the mouse on an output pixel: the cells it reads

    def im2col():
        conv.set_config(ConvConfig(source="pattern", pattern="letter A", pattern_size=12,
                                   out_channels=4, kh=3, kw=3))
        conv.tabs.setCurrentWidget(conv.im2col_tab)
        conv.im2col_tab.column.setValue(47)

    def pool():
        pooling.set_config(PoolingConfig(source="example"))
        pooling._select(1, 1)
        window.show_page(pooling)

    def activation():
        activations.form["derivatives"].setChecked(True)
        activations.form["apply"].setCurrentIndex(activations.form["apply"].findData("tanh"))
        window.show_page(activations)

    def timing():
        window.show_page(speed)
        speed.run.click()
        _wait(app, lambda: not speed.runner.running)

    def tiny_net():
        tiny.set_config(TinyConfig(speed=0))
        window.show_page(tiny)
        tiny.train_button.click()
        _wait(app, lambda: not tiny.runner.running)
        tiny.tabs.setCurrentIndex(0)

    def lenet_training():
        lenet.set_config(LeNetConfig(train_size=12000, epochs=3))
        window.show_page(lenet)
        lenet.tabs.setCurrentWidget(lenet.plots)
        lenet.run_box.buttons["start"].click()
        _wait(app, lambda: not lenet.session.running, timeout=600)

    def lenet_tab(tab):
        def show():
            lenet.tabs.setCurrentWidget(tab)
            if tab is lenet.predictor:
                lenet.predictor.index.setValue(12)
                lenet.predict_test_image()
            elif tab is lenet.inside:
                lenet.inside.select(("unit", 6, 3, 4, 5))  # a unit of conv2's maps
            elif tab is lenet.results:
                lenet.results.confusion.setCurrentCell(6, 4)  # shirts taken for coats
        return show

    def architecture():
        lenet.tabs.setCurrentWidget(lenet.architecture)
        lenet.show_fc_demo()

    def why():
        lenet.tabs.setCurrentWidget(lenet.results)
        lenet.results.confusion.setCurrentCell(6, 4)
        lenet.results.gallery.itemClicked.emit(lenet.results.gallery.item(0))
        _wait(app, lambda: not lenet.why.runner.running)

    def experiment():
        window.show_page(runs)
        if not runs.finished:  # once, whichever of its pictures comes first
            runs.set_config(runs.Config("activations"))
            runs.run_button.click()
            _wait(app, lambda: not runs.runner.running, timeout=600)
        runs.tabs.setCurrentWidget(runs.curves)

    def rewind():
        experiment()
        runs.tabs.setCurrentWidget(runs.rewind)
        runs.rewind.choice.setCurrentIndex(runs.rewind.choice.findText("ReLU"))
        runs.rewind.slider.setValue(1)

    def distributions():
        experiment()
        runs.tabs.setCurrentWidget(runs.distributions)

    return [("lesson-predict.png", "Predict first: the maps are veiled; a first miss gets its "
             "mistake named and a hint", predict),
            ("lesson.png", "The prediction beside the result, the veil lifted", lesson),
            ("versus.png", "DMLP vs CNN: trained side by side, parameters and MACs per layer",
             versus_tab(0)),
            ("versus-shift.png", "The shift test, and one image shifted for both networks",
             versus_tab(1)),
            ("convolution.png", "Convolution: kernels, the output-size formula and the maps",
             convolution),
            ("sliding-window.png", "The sliding window on the lesson's 6×6 input, every value "
             "shown, the seven loops", sliding_window),
            ("im2col.png", "im2col: patches become columns, one GEMM computes every output",
             im2col),
            ("pooling.png", "Max and average pooling side by side, and where the gradients go",
             pool),
            ("activations.png", "Activations and their derivatives, applied to feature maps",
             activation),
            ("speed.png", "The speed comparison", timing),
            ("tiny-network.png", "The lesson's tiny network after 100 epochs: forward and "
             "backward, term by term", tiny_net),
            ("lenet-training.png", "LeNet-5 training live (3 epochs on 12,000 images)",
             lenet_training),
            ("lenet-architecture.png", "Where the parameters sit; the first FC layer as a 1×1 "
             "convolution", architecture),
            ("lenet-inside.png", "Inside LeNet-5: every stage, one unit clicked: its receptive "
             "field on the input", lenet_tab(lenet.inside)),
            ("lenet-results.png", "The confusion matrix; the shirts taken for coats",
             lenet_tab(lenet.results)),
            ("lenet-why.png", "Why a shirt was called a coat", why),
            ("lenet-predict.png", "Asking the network about one image",
             lenet_tab(lenet.predictor)),
            ("experiments.png", "The activation experiment: four runs overlaid, and its "
             "measured summary", experiment),
            ("experiments-rewind.png", "Rewind: the ReLU run after its first epoch",
             rewind),
            ("experiments-distributions.png", "Each layer's gradients per epoch: sigmoid's "
             "vanish towards the input", distributions),
            ("practice.png", "Practice: a worked example with one step left blank, and the "
             "record of each concept met", practice)]


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    only = argv[argv.index("--only") + 1] if "--only" in argv[:-1] else ""
    language = argv[argv.index("--lang") + 1] if "--lang" in argv[:-1] else "en"
    argv = [a for a in argv if a not in ("--only", only, "--lang", language)]
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()  # the tour's runs are not the user's
    folder = Path(argv[0]) if argv else DEFAULT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    app = create_app([])
    QCoreApplication.setOrganizationName("CNN Studio Tour")  # never the user's settings
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp())
    from gui import i18n
    from gui.main_window import MainWindow

    i18n.install(language)
    suffix = "" if language == "en" else f"-{language}"
    window = MainWindow()
    window.resize(1280, 720)  # a laptop screen: every page must fit it
    window.show()
    _wait(app)
    for name, caption, set_up in shots(window, app):
        if not name.startswith(only):
            continue
        set_up()
        _wait(app)
        path = folder / name.replace(".png", f"{suffix}.png")
        window.grab().save(str(path))
        print(f"{path}: {caption}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
