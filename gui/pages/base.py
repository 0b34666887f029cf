"""What every lesson page has: a title, a typed configuration, status messages, a clean end."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from gui.workers import WorkerRunner


def tab_source(tabs, index: int) -> str:
    """A tab's title in English: kept as the tab's data where the title is translated."""
    return tabs.tabBar().tabData(index) or tabs.tabText(index)


class Pages(list):
    """The window's pages in order, found by key. (Parts that need the pages get this list,
    never the window: a child that refers to its window makes a reference cycle.)"""

    def page(self, key: str):
        """The page whose settings group is ``key`` ("convolution", "lenet", …), or None."""
        return next((page for page in self if page.key == key), None)


class Page(QWidget):
    """A lesson page: a thin coordinator of small widgets.

    Subclasses set ``title``, ``key`` (its settings group), ``tagline`` (one line for the page
    list) and ``Config`` (a frozen dataclass, the single source of truth for its settings), and
    implement ``config()`` / ``set_config()``. Pages that take pictures set ``accepts_images`` and
    implement ``open_image``.
    """

    title = ""
    key = ""
    tagline = ""
    Config: type = None
    accepts_images = False
    veils: dict = {}  # name -> Veilable: the parts that show results, which a lesson can cover

    statusMessage = Signal(str)
    busyChanged = Signal()  # work the learner started began or ended (``busy``)

    def config(self):
        raise NotImplementedError

    def set_config(self, config) -> None:
        raise NotImplementedError

    @property
    def busy(self) -> bool:
        """Whether work the learner started runs now — training, a measurement, a download —
        which a change of settings would disturb: a lesson step then waits. (Work that follows
        the settings, such as a recomputation, is simply restarted by them.)"""
        return False

    def discards_results(self, config) -> bool:
        """Whether showing ``config`` would throw away something the learner made (a trained
        network), so that a lesson step asks first."""
        return False

    def show_view(self, view: dict) -> None:
        """Bring forward the part of the page a lesson step is about: ``tab`` by its English
        title (ValueError if the page has no such tab)."""
        tabs = getattr(self, "tabs", None)
        if "tab" in view:
            titles = [tab_source(tabs, i) for i in range(tabs.count())] if tabs else []
            if view["tab"] not in titles:
                raise ValueError(f"the {self.title} page has no tab {view['tab']!r}")
            tabs.setCurrentIndex(titles.index(view["tab"]))

    def set_veiled(self, names, veiled: bool) -> None:
        """Cover (or uncover) the parts ``names`` while the learner predicts what they show
        (KeyError for a part the page does not have)."""
        for name in names:
            self.veils[name].set_veiled(veiled)
        if veiled:
            self.statusMessage.emit("")  # the last message may hold the answer

    @property
    def veiled(self) -> bool:
        """Whether a part of the page is covered: its messages wait (they may hold the
        answer)."""
        return any(veil.veiled for veil in self.veils.values())

    def open_image(self, path) -> None:
        raise NotImplementedError(f"the {self.title} page takes no pictures")

    def shutdown(self) -> None:
        """Stop every background job of the page and wait for its threads (closing)."""
        for runner in self.findChildren(WorkerRunner):
            runner.shutdown()

    def closeEvent(self, event) -> None:  # a page shown on its own (tests) ends cleanly too
        self.shutdown()
        super().closeEvent(event)
