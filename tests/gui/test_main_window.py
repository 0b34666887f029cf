from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QTabWidget,
)

from gui.main_window import MainWindow
from gui.pages.convolution.config import ConvConfig
from tests.gui.helpers import drop, png, wait_for
from tests.gui.layout import problems


def every_view(window):
    """Show every page and every tab in turn; yields a name for each."""
    for page in window.pages:
        window.show_page(page)
        tabs = page.findChild(QTabWidget)
        for index in range(tabs.count() if tabs else 1):
            if tabs:
                tabs.setCurrentIndex(index)
            yield page.title + (f" / {tabs.tabText(index)}" if tabs else "")


def test_every_page_and_tab_is_whole_at_1280x720(window, qtbot):
    """Nothing clipped, squeezed or hidden behind a scroll bar on a laptop screen."""
    window.resize(1280, 720)
    titles = [window.page_title(i) for i in range(len(window.pages))]
    assert titles == ["CNN vs MLP", "Convolution", "Pooling", "Activations", "Speed",
                      "Tiny network", "LeNet-5", "Experiments"]
    found = []
    for name in every_view(window):
        qtbot.wait(20)  # let layouts settle and plots lay out their axes
        assert window.size().toTuple() == (1280, 720), f"{name} made the window larger"
        found += [f"{name}: {problem}" for problem in problems(window)]
    assert not found, "\n".join(found)


def test_settings_persist_across_runs(qtbot, fresh_settings):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.convolution.kernel.form["kernel"].set_values(5, 5)
    first.convolution.kernel.form["stride"].set_values(2, 2)
    first.page_bar.setCurrentIndex(2)
    first.resize(1300, 760)
    first.move(40, 30)
    first.close()
    assert QSettings().value("window/geometry", type=bytes)
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    config = second.convolution.config()
    assert (config.kh, config.kw, config.sh, config.sw) == (5, 5, 2, 2)
    assert second.current_page() is second.pages[2]
    assert second.size().toTuple() == (1300, 760)
    second.close()


def test_a_page_message_shows_only_while_its_page_is_on_screen(window):
    window.show_page(window.convolution)
    pooling = window.page("pooling")
    pooling.form["padding"].setValue(3)  # invalid: the pooling page explains, in its page
    assert "Invalid pooling" not in window.statusBar().currentMessage()
    window.show_page(pooling)
    pooling.form["padding"].setValue(4)
    assert "Invalid pooling" in window.statusBar().currentMessage()


def test_dropping_a_png_on_a_plot_makes_it_the_input(window, qtbot, tmp_path):
    path = png(tmp_path / "red bar.png")
    page = window.convolution
    target = page.maps_tab.maps_view.canvas.viewport()  # a pyqtgraph view: drops must arrive
    event = drop(target, path)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: page.result.config.source == "file")
    x = page.result.x
    assert x.shape[2:] == (30, 40)           # the picture's own size, gray
    assert x[0, 0, 10, 15] < x[0, 0, 0, 0]   # the red bar is darker than the white page
    page.inputs.form["rgb"].setChecked(True)
    qtbot.waitUntil(lambda: page.result.x.shape[1] == 3)
    assert page.inputs.file_label.text().startswith("red bar.png: 40×30")


def test_dropping_something_else_is_ignored(window, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    before = window.convolution.config().source
    drop(window.convolution.maps_tab.maps_view.canvas.viewport(), text)
    assert window.convolution.config().source == before


def test_closing_stops_running_work(window, qtbot):
    speed = window.page("speed")
    window.show_page(speed)
    speed.form["size"].setValue(120)
    speed.form["out_channels"].setValue(16)
    for name, check in speed.checks.items():
        check.setChecked(name == "naive")
    speed.run.click()
    wait_for(qtbot, lambda: speed.progress.value() > 0)
    window.close()  # must end the measurement at once, not abort
    assert not speed.runner.running and speed.runner.threads == 0


def test_every_control_explains_itself_in_a_tooltip(window):
    missing = []
    for page in window.pages:
        for kind in (QAbstractButton, QAbstractSpinBox, QComboBox, QAbstractSlider):
            for control in page.findChildren(kind):
                if type(control).__name__ in ("QScrollBar", "QToolButton") or \
                        control.objectName().startswith("qt_"):
                    continue  # Qt's own scroll bars, arrows and table corners
                if not control.toolTip().strip():
                    missing.append(f"{page.title}: {type(control).__name__} "
                                   f"{control.objectName() or getattr(control, 'text', str)()}")
    assert not missing, "\n".join(missing)


def test_a_picture_that_is_gone_falls_back_to_fashion_mnist(qtbot, fresh_settings, tmp_path):
    from gui.settings import save_config
    save_config("convolution", ConvConfig(source="file", image_path=str(tmp_path / "gone.png")))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.convolution.config().source == "fashion"
    assert "Could not reopen the picture" in window.convolution.inputs.file_label.text()
    window.close()
