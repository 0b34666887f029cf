"""The LeNet-5 page: build the network, train it live on Fashion-MNIST (or MNIST), look inside,
see its mistakes, and ask it about your own images.

The page coordinates: the panels on the left say what the learner wants, the training session
runs it in the background, and the tab on screen shows the result.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.compare import fc_as_convolution
from core.data import prepare_image
from core.fileio import atomic_file
from core.inside import check_classifier, network_input
from core.model import Sequential
from core.modelfile import ModelFileError
from core.train import lenet_model
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.images import read_image
from gui.pages.base import Page
from gui.pages.lenet.config import LeNetConfig
from gui.pages.lenet.data_panel import DataPanel
from gui.pages.lenet.inside_tab import InsideTab
from gui.pages.lenet.panels import LOCKED_TIP, NetworkBox, RunBox, TrainingBox
from gui.pages.lenet.session import REDRAW_HZ, TrainingSession
from gui.pages.lenet.tabs import ArchitectureTab, PredictTab, say_origin
from gui.pages.lenet.text import epoch_status, fc_demo_html, loss_csv, progress_html
from gui.pages.lenet.why_tab import Explanation, Question, WhyTab
from gui.tr import Words
from gui.widgets.results_view import Results, ResultsView
from gui.widgets.training_plots import TrainingPlots, smoothed

TAB_TITLES = (QT_TRANSLATE_NOOP("LeNetPage", "Architecture"),
              QT_TRANSLATE_NOOP("LeNetPage", "Training"),
              QT_TRANSLATE_NOOP("LeNetPage", "Inside the network"),
              QT_TRANSLATE_NOOP("LeNetPage", "Results"), QT_TRANSLATE_NOOP("LeNetPage", "Predict"),
              QT_TRANSLATE_NOOP("LeNetPage", "Why?"))


class LeNetPage(Translated, Page):
    title = QT_TRANSLATE_NOOP("Pages", "LeNet-5")
    key = "lenet"
    tagline = QT_TRANSLATE_NOOP("Pages", "Train LeNet-5 on Fashion-MNIST and look inside")
    Config = LeNetConfig
    accepts_images = True

    def __init__(self, config: LeNetConfig | None = None):
        super().__init__()
        self.session = TrainingSession(self)
        self.model: Sequential | None = None
        self._redraws = 0
        self.run_box = RunBox(self)
        self.network = NetworkBox()
        self.data = DataPanel()
        self.training = TrainingBox()
        self.architecture = ArchitectureTab()
        self.plots = TrainingPlots()
        self.inside = InsideTab()
        self.results = ResultsView()
        self.predictor = PredictTab()
        self.why = WhyTab()
        self.tabs = QTabWidget()
        for tab, title in zip((self.architecture, self.plots, self.inside, self.results,
                               self.predictor, self.why), TAB_TITLES):
            self.tabs.addTab(tab, "")
            self.tabs.tabBar().setTabData(self.tabs.count() - 1, title)
        self._question: Question | None = None  # the last image asked about
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fdecea; color: #b71c1c; padding: 6px;")
        self.banner.setVisible(False)
        self._build()
        self._connect()
        self.set_config(config or LeNetConfig())
        self.retranslate()

    def retranslate(self) -> None:
        for i, title in enumerate(TAB_TITLES):
            self.tabs.setTabText(i, translate("LeNetPage", title))
        if self.session.last_step is None:
            self.run_box.text.setText(translate("LeNetPage", "Not trained yet ({origin}).")
                                      .format(origin=say_origin(self._origin)))
        else:
            self._redraw()

    def _build(self) -> None:
        """Start and Stop above everything, always in view; the settings beside the table they
        shape (the Architecture tab), so every other tab has the page's whole width."""
        settings = QWidget()
        column = QVBoxLayout(settings)
        column.setContentsMargins(0, 0, 0, 0)
        for box in (self.network, self.training, self.data):  # most used first
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(settings)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(settings.minimumSizeHint().width() + 24)  # never clipped
        self.architecture.add_settings(scroll)
        self.veils = {"architecture": self.architecture.veil, "results": self.results.veil}
        layout = QVBoxLayout(self)
        layout.addWidget(self.run_box)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        buttons = self.run_box.buttons
        buttons["start"].clicked.connect(lambda: self.start())
        buttons["pause"].clicked.connect(self.toggle_pause)
        buttons["stop"].clicked.connect(self.stop)
        buttons["step"].clicked.connect(self.step)
        self.network.changed.connect(self.rebuild_model)
        self.data.dataChanged.connect(self._data_changed)
        self.data.statusMessage.connect(self.statusMessage)
        self.session.redraw.connect(self._redraw)
        self.session.epochEnded.connect(self._epoch_ended)
        self.session.snapshotTaken.connect(self._snapshot)
        self.session.finished.connect(self._finished)
        self.session.failed.connect(self._failed)
        self.session.stateChanged.connect(self._state_changed)
        self.inside.probeChanged.connect(self._show_inside)
        self.architecture.demoRequested.connect(self.show_fc_demo)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.predictor.pick.clicked.connect(self.predict_test_image)
        self.predictor.pad.drawingChanged.connect(self.predict_drawing)
        self.predictor.why.clicked.connect(lambda: self.ask_why(self._question))
        self.results.imageChosen.connect(self.why_test_image)
        self.why.compareChanged.connect(lambda: self.ask_why(self._question, keep=True))

    # ------------------------------------------------------------------ configuration

    def config(self) -> LeNetConfig:
        return LeNetConfig(**self.network.form.values(), **self.data.values(),
                           **self.training.form.values(), probe=self.inside.probe.value())

    @property
    def busy(self) -> bool:
        return self.session.running

    def discards_results(self, config: LeNetConfig) -> bool:
        return self.session.trained and config != self.config()

    def set_config(self, config: LeNetConfig) -> None:
        """Show ``config`` and build fresh weights for it (ValueError for a value a control
        cannot show)."""
        self.network.form.set_values(config)
        self.training.form.set_values(config)
        self.inside.probe.setValue(config.probe)
        self.data.set_values(config)
        self.rebuild_model()

    # ------------------------------------------------------------------ model and data

    def rebuild_model(self) -> None:
        """Fresh weights from the network options and the seed (never while training)."""
        if self.session.running:
            self.statusMessage.emit(translate("LeNetPage", "Stop training before changing the "
                                                           "network."))
            return
        self.set_model(lenet_model(self.config().train_config()),
                       QT_TRANSLATE_NOOP("LeNetPage", "new weights"))

    def set_model(self, model: Sequential, origin) -> None:
        """``origin``: where the weights come from (``tabs.say_origin``)."""
        self._origin = origin
        if "normalizer" not in model.metadata and self.data.train is not None:
            # what training will use, so that an untrained network can be looked into too
            model.metadata["normalizer"] = self.data.normalizer(self.config().train_size)
        self.model = model
        self.session.reset()
        self.architecture.display(model, origin)
        self.plots.clear()
        self.results.clear(self.data.class_names)
        self._forget_answers()
        self.run_box.progress.setValue(0)
        self.run_box.text.setText(translate("LeNetPage", "Not trained yet ({origin}).").format(
            origin=say_origin(origin)))
        self._show_inside()

    def _forget_answers(self) -> None:
        """The network changed (new weights, loaded, or training on): what Predict and Why?
        showed was the old network's."""
        self.predictor.forget()
        self.why.forget(QT_TRANSLATE_NOOP("LeNetPage", "The network has changed since the last "
                                                      "explanation: click an image in Results, "
                                                      "or press Why? in Predict, to ask this "
                                                      "one."))

    def _data_changed(self) -> None:
        test, names = self.data.test, self.data.class_names
        self.inside.probe.setMaximum(len(test.images) - 1)
        self.predictor.index.setMaximum(len(test.images) - 1)
        for chart in (self.inside.chart, self.predictor.chart):
            chart.set_classes(names)
        self.why.set_classes(names)
        if self.model is not None:
            self.model.metadata.pop("normalizer", None)  # other data, other statistics
            self.set_model(self.model, QT_TRANSLATE_NOOP("LeNetPage", "the same weights, new "
                                                                      "data"))

    # ------------------------------------------------------------------ training

    def start(self, paused: bool = False) -> None:
        if self.session.running or self.data.train is None:
            return
        config = self.config()
        try:
            self.session.start(self.model, config.train_config(), self.data.train,
                               self.data.test, config.probe, paused)
        except ValueError as err:
            self._show_banner(translate("LeNetPage", "Cannot start: {error}").format(error=err))
            return
        self.banner.setVisible(False)
        self._forget_answers()
        self.model.metadata["classes"] = list(self.data.class_names)
        curves = self.session.curves()
        steps = math.ceil(min(config.train_size, len(self.data.train.images)) / config.batch_size)
        self.plots.start_run(len(curves.losses) + steps * config.epochs,
                             len(curves.train_acc) + config.epochs)
        self.statusMessage.emit(translate("LeNetPage", "Training on {count} images…").format(
            count=f"{len(self.session.trainer.train.x):,}"))

    def toggle_pause(self) -> None:
        if self.session.paused:  # resuming: the network changes again
            self._forget_answers()
        self.session.toggle_pause()

    def step(self) -> None:
        """One batch, then pause (starting a paused run if none is going)."""
        if self.session.running:
            self._forget_answers()
        self.session.step(lambda: self.start(True))

    def stop(self) -> None:
        if self.session.running:
            self.session.stop()
            self.statusMessage.emit(translate("LeNetPage", "Stopping after this batch…"))

    def _state_changed(self) -> None:
        running, paused = self.session.running, self.session.paused
        self.run_box.show_state(running, paused)
        for box in (self.network, self.training):  # a run uses these: they wait for Stop
            box.setEnabled(not running)
            box.setToolTip(translate("LeNetPage", LOCKED_TIP) if running else "")
        self.data.set_locked(running)
        if paused and self.session.viewable_model(self.model) is not None:
            self.statusMessage.emit(translate("LeNetPage", "Paused. Resume, Step or Stop; the "
                                                           "Inside and Predict tabs look at the "
                                                           "network as it is now."))
            self._show_inside()
        self._redraw()

    def _redraw(self) -> None:
        """The progress and, if on screen, the curves: REDRAW_HZ times a second. Every redraw
        holds the GIL the training thread needs, so the views redraw far less often than
        batches arrive."""
        last = self.session.last_step
        if last is None:
            return
        self.run_box.progress.setMaximum(last.steps * last.epochs)
        self.run_box.progress.setValue(last.global_step)
        self.run_box.text.setText(progress_html(last, self.session.state()))
        if self.tabs.currentWidget() is self.plots:
            self._redraws += 1
            self._show_curves(grad_norms=self._redraws % REDRAW_HZ == 0)

    def _show_curves(self, grad_norms: bool = True) -> None:
        curves = self.session.curves()
        self.plots.show_losses(curves.losses)
        self.plots.show_accuracy(curves.train_acc, curves.test_acc)
        if grad_norms:
            self.plots.show_grad_norms(curves.grad_steps, curves.grad_norms)

    def _epoch_ended(self, event) -> None:
        self._show_curves()
        if event.confusion is not None:
            test = self.data.test
            self.results.display(Results(event.epoch, event.confusion, event.predictions,
                                         event.confidences, test.images, test.labels,
                                         self.data.class_names))
        self.statusMessage.emit(epoch_status(event))

    def _snapshot(self, snapshot) -> None:
        if self.tabs.currentWidget() is self.inside:
            self.inside.display(snapshot.activations.inside, snapshot.kernels)

    def _finished(self, record) -> None:
        event = self.session.ending if record is not None else None
        if event is not None and event.reason == "diverged":
            self._show_banner(event.message)
        elif event is not None and event.reason == "stopped":
            self.statusMessage.emit(translate("LeNetPage", "Stopped at epoch {epoch} after "
                                                           "{batches} batches.").format(
                epoch=event.epochs_completed + 1, batches=event.global_step))
        elif event is not None:
            accuracy = translate("LeNetPage", " Test accuracy {accuracy}.").format(
                accuracy=f"{record.final_accuracy:.2%}") \
                if record.final_accuracy is not None else ""
            self.statusMessage.emit(translate("LeNetPage", "Trained {epochs} epochs ({batches} "
                                                           "batches).").format(
                epochs=event.epochs_completed, batches=event.global_step) + accuracy)
        self._show_inside()

    def _failed(self, error: BaseException) -> None:
        self._show_banner(translate("LeNetPage", "Training stopped by an error: {error}. The app "
                                                 "is still running; the weights are as the last "
                                                 "completed batch left them.").format(
            error=error))

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(True)
        self.statusMessage.emit(text)

    # ------------------------------------------------------------------ looking inside

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.plots:
            self._show_curves()
        elif self.tabs.currentWidget() is self.inside:
            self._show_inside()

    def _show_inside(self) -> None:
        if self.data.test is None or self.model is None:
            return
        model = self.session.viewable_model(self.model)
        if model is not None:
            self.inside.look(model, self.data.test, self.data.class_names)
        else:  # training: the next snapshot follows this image; show the last one meanwhile
            self.session.set_probe(self.inside.probe.value())
            if self.session.snapshot is not None:
                self._snapshot(self.session.snapshot)

    def show_fc_demo(self) -> None:
        """The first FC layer as a convolution, on the probe test image (or a random input
        without data), through the model the GUI may use now."""
        model = self.session.viewable_model(self.model)
        if model is None:
            self.architecture.show_demo(translate("LeNetPage", "Pause or stop the training to "
                                                               "run the demo."))
            return
        try:
            if self.data.test is not None:
                index = min(self.inside.probe.value(), len(self.data.test.images) - 1)
                x = network_input(model, self.data.test.images[index])
                what = translate("LeNetPage", "test image {index}").format(index=index)
            else:
                x = np.random.default_rng(0).standard_normal((1, 1, 28, 28)).astype(model.dtype)
                what = translate("LeNetPage", "a random input")
            self.architecture.show_demo(fc_demo_html(fc_as_convolution(model, x), what))
        except ValueError as err:
            self.architecture.show_demo(translate("LeNetPage", "No demo for this network: "
                                                               "{error}.").format(error=err))

    def predict(self, image: np.ndarray, what: Words | str,
                true_class: int | None = None) -> np.ndarray | None:
        """Classify a 28×28 image (uint8, or floats in [0, 1]) and show every stage; returns
        the class probabilities. ``what`` names the image (said again in another language)."""
        self._question = Question(image, what, true_class)
        model, why_not = self._askable()
        if model is None:
            self.predictor.show_message(why_not)
            return None
        probabilities = self.predictor.ask(model, self._question, self.data.class_names)
        self.tabs.setCurrentWidget(self.predictor)
        return probabilities

    def predict_test_image(self) -> None:
        test = self.data.test
        index = min(self.predictor.index.value(), len(test.images) - 1)
        label = int(test.labels[index])
        self.predict(test.images[index], Words("LeNetPage", QT_TRANSLATE_NOOP(
            "LeNetPage", "Test image {index} (really {name})"), {
            "index": index, "name": Words("Choices", self.data.class_names[label])}), label)

    def predict_drawing(self, drawing: np.ndarray) -> None:
        try:
            image = prepare_image(drawing, fit=self.data.fit)[0]
        except ValueError as err:
            self.predictor.show_message(QT_TRANSLATE_NOOP("LeNetPage", "Nothing to classify: "
                                                                       "{error}."), error=err)
            return
        self.predict(image, Words("LeNetPage", QT_TRANSLATE_NOOP("LeNetPage", "Your drawing")))

    def open_image(self, path) -> None:
        """A dropped or opened picture: prepared like MNIST, then classified."""
        try:
            image = prepare_image(read_image(path, rgb=False), fit=self.data.fit)[0]
        except (OSError, ValueError) as err:
            self.predictor.show_message(QT_TRANSLATE_NOOP("LeNetPage", "Could not use that "
                                                                       "picture: {error}."),
                                        error=err)
            self.statusMessage.emit(self.predictor.text.text())
            return
        self.predict(image, Path(path).name)

    def why_test_image(self, index: int) -> Explanation | None:
        test = self.data.test
        return self.ask_why(Question(test.images[index], Words("LeNetPage", QT_TRANSLATE_NOOP(
            "LeNetPage", "Test image {index}"), {"index": index}), int(test.labels[index])))

    def _askable(self) -> tuple[Sequential | None, str]:
        """The network images may be run through now, or None and why not (a source text)."""
        model = self.session.viewable_model(self.model)
        if model is None:
            return None, QT_TRANSLATE_NOOP("LeNetPage", "Pause or stop the training to ask the "
                                                        "network: it changes with every batch.")
        if not model.finite:
            return None, QT_TRANSLATE_NOOP("LeNetPage", "The network's weights are not all "
                                                        "finite numbers (its training blew up), "
                                                        "so every answer would be NaN: press New "
                                                        "weights, or load a saved model.")
        return model, ""

    def ask_why(self, question: Question | None, keep: bool = False) -> Explanation | None:
        """The Why view for ``question``: what the network's own passes say about it."""
        if question is None:
            return None
        self._question = question
        self.tabs.setCurrentWidget(self.why)
        model, why_not = self._askable()
        if model is None:
            self.why.forget(why_not)
            return None
        return self.why.explain(model, question, self.data.class_names, self.data.train,
                                keep_compared=keep)

    # ------------------------------------------------------------------ files

    def save_model(self, path) -> None:
        model = self.session.viewable_model(self.model)
        if model is None:
            raise ValueError("pause or stop the training first: the weights change with every "
                             "batch")
        model.metadata.setdefault("classes", list(self.data.class_names))
        model.save(path)
        self.statusMessage.emit(translate("LeNetPage", "Saved the model to {path}").format(
            path=path))

    def load_model(self, path) -> None:
        """Replace the network by a saved one. Every check runs first: a file that cannot be
        used raises (OSError or ValueError) and the current network stays."""
        if self.session.running:
            raise ValueError("stop training before loading a model")
        model = Sequential.load(path)
        try:
            check_classifier(model)
        except ValueError as err:
            raise ModelFileError(f"{path}: {err}") from None
        self.set_model(model, (QT_TRANSLATE_NOOP("LeNetPage", "loaded from {name}"),
                               Path(path).name))
        self.statusMessage.emit(translate("LeNetPage", "Loaded the model from {path}").format(
            path=path))

    def export_loss_history(self, path) -> None:
        losses = self.session.curves().losses
        with atomic_file(path) as f:
            f.write(loss_csv(losses, smoothed(losses)).encode())
        self.statusMessage.emit(translate("LeNetPage", "Wrote {count} batch losses to {path}")
                                .format(count=f"{len(losses):,}", path=path))
