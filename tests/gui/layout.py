"""What a learner on a 1280×720 screen would see as broken: text cut off, squashed plots,
content hidden behind a horizontal scroll bar. ``problems(widget)`` lists them for everything
visible inside ``widget``."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLabel,
    QScrollArea,
    QTableView,
    QWidget,
)

from gui.widgets.image_panel import ImagePanel

MIN_PLOT_HEIGHT = 150
MIN_IMAGE_HEIGHT = 90


def _shown(widget) -> bool:
    """Visible and at least partly on screen (not scrolled or clipped away entirely)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def _plain(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText or "<" not in label.text():
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def _name(widget) -> str:
    text = getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__} {widget.objectName() or ''} {str(text)[:40]!r}"


def squeeze_problem(widget) -> str | None:
    hint = widget.minimumSizeHint()
    if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
        return (f"{_name(widget)}: squeezed to {widget.width()}×{widget.height()}, needs "
                f"{hint.width()}×{hint.height()}")
    return None


def overlap_problems(widget) -> list[str]:
    """Children of one layout never overlap unless the layout was squeezed."""
    children = [c for c in widget.children() if isinstance(c, QWidget) and c.isVisible()
                and not c.isWindow() and widget.layout() is not None
                and widget.layout().indexOf(c) >= 0]
    out = []
    for i, a in enumerate(children):
        for b in children[i + 1:]:
            overlap = a.geometry().intersected(b.geometry())
            if overlap.width() > 1 and overlap.height() > 1:
                out.append(f"{_name(a)} and {_name(b)} overlap by {overlap.width()}×"
                           f"{overlap.height()} px")
    return out


def label_problem(label: QLabel) -> str | None:
    if not _plain(label).strip() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 2:
            return f"{_name(label)}: needs {needed} px of height, has {label.height()}"
        return None
    hint = label.minimumSizeHint()
    if hint.width() > rect.width() + 2 or hint.height() > label.height() + 2:
        return (f"{_name(label)}: needs {hint.width()}×{hint.height()}, has "
                f"{rect.width()}×{label.height()}")
    return None


def button_problem(button: QAbstractButton) -> str | None:
    text = button.text().replace("&", "")
    if not text:
        return None
    needed = QFontMetrics(button.font()).horizontalAdvance(text)
    needed += 24 if isinstance(button, QCheckBox) else 10  # the box, or the bevel
    if needed > button.width():
        return f"{_name(button)}: text needs {needed} px, button is {button.width()}"
    return None


def combo_problem(combo: QComboBox) -> str | None:
    needed = QFontMetrics(combo.font()).horizontalAdvance(combo.currentText()) + 28  # arrow
    if needed > combo.width():
        return f"{_name(combo)} {combo.currentText()!r}: needs {needed} px, has {combo.width()}"
    return None


def header_problems(table: QTableView) -> list[str]:
    out = []
    header = table.horizontalHeader()
    if not header.isVisible():
        return out
    metrics = QFontMetrics(header.font())
    model = table.model()
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(text) + 8
        if text and needed > header.sectionSize(column):
            out.append(f"{_name(table)} header {text!r}: needs {needed} px, has "
                       f"{header.sectionSize(column)}")
    return out


def plot_problems(widget) -> list[str]:
    out = []
    items = [widget.getPlotItem()] if isinstance(widget, pg.PlotWidget) else [
        item for item in widget.ci.items if isinstance(item, pg.PlotItem)]
    for item in items:
        height = item.boundingRect().height() if isinstance(widget, pg.GraphicsLayoutWidget) \
            else widget.height()
        title = item.titleLabel.text if item.titleLabel.isVisible() else ""
        if title and height >= 0:
            document = QTextDocument()
            document.setHtml(title)
            document.setDefaultFont(item.titleLabel.item.font())
            if document.idealWidth() > item.boundingRect().width() + 2:
                out.append(f"plot title {document.toPlainText()!r} needs "
                           f"{document.idealWidth():.0f} px, plot is "
                           f"{item.boundingRect().width():.0f}")
        if height < MIN_PLOT_HEIGHT:
            out.append(f"plot {title!r} is {height:.0f} px tall (< {MIN_PLOT_HEIGHT})")
    return out


def problems(root) -> list[str]:
    found = []
    window = root.window()
    if window.minimumSizeHint().width() > 1280 or window.minimumSizeHint().height() > 720:
        found.append(f"window minimum size {window.minimumSizeHint().toTuple()} > 1280×720")
    for widget in [root, *root.findChildren(QWidget)]:
        # a layout squeezed below its minimum overlaps its children
        if _shown(widget) and widget.layout() is not None:
            found += overlap_problems(widget)
            if not isinstance(widget.parent(), QScrollArea) and \
                    (problem := squeeze_problem(widget)):
                found.append(problem)
    for label in root.findChildren(QLabel):
        if _shown(label) and (problem := label_problem(label)):
            found.append(problem)
    for button in root.findChildren(QAbstractButton):
        if _shown(button) and type(button).__name__ != "QToolButton" and \
                not button.objectName().startswith("qt_") and (problem := button_problem(button)):
            found.append(problem)
    for combo in root.findChildren(QComboBox):
        if _shown(combo) and (problem := combo_problem(combo)):
            found.append(problem)
    for table in root.findChildren(QTableView):
        if _shown(table):
            found += header_problems(table)
    for plot in root.findChildren(pg.GraphicsView):
        if _shown(plot) and isinstance(plot, (pg.PlotWidget, pg.GraphicsLayoutWidget)) and \
                not isinstance(plot.parent(), ImagePanel):
            found += plot_problems(plot)
    for panel in root.findChildren(ImagePanel):
        if _shown(panel) and panel.canvas.height() < MIN_IMAGE_HEIGHT:
            found.append(f"image {panel.title.text()!r} is {panel.canvas.height()} px tall")
    for area in root.findChildren(QScrollArea):
        if _shown(area) and area.horizontalScrollBar().isVisible():
            found.append(f"{_name(area)}: content hidden behind a horizontal scroll bar")
    return found
