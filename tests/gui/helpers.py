"""What GUI tests share: showing a page, looking at its pixels, choosing, dropping files."""

import numpy as np
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication


def show(qtbot, widget, size=(1280, 720)):
    """Show a page as a top-level window, registered so pytest-qt closes it afterwards (which
    shuts its background work down)."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pixels(widget) -> np.ndarray:
    """The widget as rendered, (H, W, 3) uint8."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    h, w = image.height(), image.width()
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine())
    return raw[:, :w * 3].reshape(h, w, 3).copy()


def count_colour(widget, rgb, tolerance=40) -> int:
    diff = np.abs(pixels(widget).astype(int) - np.array(rgb)).sum(axis=2)
    return int((diff < tolerance).sum())


def choose(box, key) -> None:
    """Select the combo box item that carries ``key`` as its data, as a user would."""
    index = box.findData(key)
    assert index >= 0, f"{box.objectName()} has no item {key!r}"
    box.setCurrentIndex(index)


def png(path, size=(40, 30)):
    """A white picture with a dark red bar, saved as PNG."""
    image = QImage(*size, QImage.Format.Format_RGB888)
    image.fill(QColor(255, 255, 255))
    for x in range(10, 20):
        for y in range(5, 25):
            image.setPixelColor(x, y, QColor(200, 30, 30))
    assert image.save(str(path))
    return path


def drop(target, path):
    """Drag a file over ``target`` and drop it, as the window system would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, QDragEnterEvent(QPoint(10, 10), *args))
    event = QDropEvent(QPointF(10, 10), *args)
    QApplication.sendEvent(target, event)
    return event


def wait_for(qtbot, condition) -> None:
    """Process events until ``condition()`` holds, however long real work (training, a pass over
    images) takes on a busy machine: no wall-clock deadline here; a test that truly hangs is
    ended by pytest-timeout with every thread's stack."""
    while not condition():
        qtbot.wait(20)


def visible_texts(root) -> list[str]:
    """Every text a learner can read in ``root`` now: labels, buttons, fields, combo boxes,
    tab titles, table cells and headers, plot titles, axis labels and texts drawn in plots,
    the status bar — leaving out whatever is hidden or under a lesson's veil."""
    import pyqtgraph as pg
    from PySide6.QtCore import QAbstractListModel
    from PySide6.QtGui import QTextDocumentFragment
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QGraphicsSimpleTextItem,
        QGraphicsTextItem,
        QGraphicsView,
        QLabel,
        QLineEdit,
        QMainWindow,
        QTabBar,
        QWidget,
    )

    from gui.widgets.veil import under_veil

    def plain(text: str) -> str:
        return QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text

    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or under_veil(widget):
            continue
        if isinstance(widget, QLabel):
            texts.append(plain(widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit) and not isinstance(widget.parent(),
                                                              QAbstractSpinBox):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractSpinBox):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            rows = model.rowCount()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
            for row in range(rows):
                texts += [str(model.index(row, col).data() or "") for col in range(columns)]
            for orientation, count in ((Qt.Orientation.Horizontal, columns),
                                       (Qt.Orientation.Vertical, rows)):
                texts += [str(model.headerData(i, orientation) or "") for i in range(count)]
        elif isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if not item.isVisible():
                    continue
                if isinstance(item, QGraphicsTextItem):
                    texts.append(item.toPlainText())
                elif isinstance(item, QGraphicsSimpleTextItem):
                    texts.append(item.text())
                elif isinstance(item, pg.AxisItem):
                    texts.append(plain(item.labelText or ""))
                elif isinstance(item, pg.LabelItem):
                    texts.append(plain(item.text or ""))
        if isinstance(widget, QMainWindow):
            texts.append(widget.statusBar().currentMessage())
            texts.append(widget.windowTitle())
    return [text for text in texts if text]
