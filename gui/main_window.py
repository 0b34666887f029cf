"""The main window: a list of lesson pages on the left, the current page on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QSplitter, QStackedWidget

from gui.app import APP_NAME


class MainWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 800)
        self.pages = QListWidget()
        self.stack = QStackedWidget()
        welcome = QLabel(
            "<h1>CNN Studio</h1><p>Turn a knob, watch the feature map and the shape formula "
            "change.<br>The lesson pages arrive here one by one.</p>")
        welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_page("Welcome", welcome)
        splitter = QSplitter()
        splitter.addWidget(self.pages)
        splitter.addWidget(self.stack)
        splitter.setSizes([200, 1000])
        self.setCentralWidget(splitter)
        self.pages.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.pages.setCurrentRow(0)
        self.statusBar().showMessage("Ready")

    def add_page(self, title: str, widget) -> None:
        self.pages.addItem(title)
        self.stack.addWidget(widget)
