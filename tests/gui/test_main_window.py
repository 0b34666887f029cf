from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from tests.gui.helpers import distinct_colours


def test_main_window_opens_with_title_and_every_page_renders(window, qtbot):
    assert window.windowTitle() == "CNN Studio"
    titles = [window.page_list.item(i).text() for i in range(window.page_list.count())]
    assert titles[:4] == ["Convolution", "Pooling", "Activations", "Speed"]
    for row, page in enumerate(window.pages):
        window.page_list.setCurrentRow(row)
        qtbot.waitUntil(lambda page=page: window.stack.currentWidget() is page)
        assert page.isVisible()
        # a page that rendered shows many colours, not a blank panel
        assert distinct_colours(page) > 50, page.title


def test_settings_persist_across_runs(qtbot, fresh_settings):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.convolution.kernel_size.set_values(5, 5)
    first.convolution.stride.set_values(2, 2)
    first.page_list.setCurrentRow(2)
    first.resize(1111, 777)
    first.close()
    saved = QSettings().value("window/geometry", type=bytes)
    assert saved  # the offscreen screen is 800×600, so the restored size itself is clamped
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    config = second.convolution.config()
    assert (config.kh, config.kw, config.sh, config.sw) == (5, 5, 2, 2)
    assert second.stack.currentIndex() == 2
    second.close()


def _png(path, size=(40, 30)):
    image = QImage(*size, QImage.Format.Format_RGB888)
    image.fill(QColor(255, 255, 255))
    for x in range(10, 20):
        for y in range(5, 25):
            image.setPixelColor(x, y, QColor(200, 30, 30))
    assert image.save(str(path))
    return path


def _drop(target, path):
    """Drag a file over ``target`` and drop it, as the window system would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, QDragEnterEvent(QPoint(10, 10), *args))
    drop = QDropEvent(QPointF(10, 10), *args)
    QApplication.sendEvent(target, drop)
    return drop


def test_dropping_a_png_on_a_plot_makes_it_the_input(window, qtbot, tmp_path):
    path = _png(tmp_path / "red bar.png")
    page = window.convolution
    target = page.maps_view.canvas.viewport()  # a pyqtgraph view: drops must still arrive
    event = _drop(target, path)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: page._result[0].source == "Image file")
    x = page._result[1]
    assert x.shape[2:] == (30, 40)           # the picture's own size, gray
    assert x[0, 0, 10, 15] < x[0, 0, 0, 0]   # the red bar is darker than the white page
    page.rgb.setChecked(True)
    qtbot.waitUntil(lambda: page._result[1].shape[1] == 3)


def test_dropping_something_else_is_ignored(window, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    before = window.convolution.config().source
    _drop(window.convolution.maps_view.canvas.viewport(), text)
    assert window.convolution.config().source == before


def test_closing_stops_running_work(window, qtbot):
    speed = window.pages[3]
    window.page_list.setCurrentRow(3)
    speed.size.setValue(120)
    speed.out_channels.setValue(16)
    for name, check in speed.checks.items():
        check.setChecked(name == "naive")
    speed.run.click()
    qtbot.waitUntil(lambda: speed.runner.running)
    window.close()  # must stop the worker thread cleanly, not abort
    assert not speed.runner.running


def test_every_control_explains_itself_in_a_tooltip(window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox
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
