"""Every text a window shows — labels, buttons, tooltips, titles, menus, headers, combo items,
plot titles and axes — and the English words left in them, for the Korean walk."""

from __future__ import annotations

import html
import re

import pyqtgraph as pg
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTabWidget,
    QWidget,
)

# Code, names and units that stay as they are in every language
ALLOWED = {
    "adam", "avgpool2d", "batchnorm", "batchnorm2d", "bmp", "cnn", "conv", "conv2d", "csv",
    "dmlp", "fashion", "fc", "flatten", "gemm", "gif", "he", "idx", "im2col", "jpeg", "jpg",
    "leakyrelu", "lenet", "linear", "mac", "macs", "maxpool2d", "mlp", "mnist", "ms", "npz",
    "numpy", "png", "pytorch", "relu", "sgd", "sigmoid", "softmax", "tanh", "webp", "xavier",
    "cnn studio", "studio", "zalando", "se", "mit", "qt", "pyside6", "pyqtgraph", "han", "xiao",
    "kashif", "rasul", "roland", "vollgraf", "research", "license", "copyright", "dropout",
    "mobilenet", "count_include_pad", "divisor_override", "ubyte", "gz", "sobel", "std", "max",
    "min", "log10", "exp", "float64", "float32", "arange", "ceil_mode", "oh", "ow", "oc", "kh",
    "kw", "pad", "core", "backprop", "summary", "model", "same", "valid", "zeros", "reflect",
    "replicate", "circular", "sum", "mean", "sin", "cos", "seed", "eval", "nan", "inf", "mb",
    "gb", "dead", "run", "ceil", "enter", "for", "range", "value", "out", "pool",
    "flat", "python", "groups", "english", "mod", "pip",
    "install", "torch", "safetensors", "state_dict",
}
WORD = re.compile(r"[A-Za-z][A-Za-z_]*[A-Za-z0-9_]*")


def plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text or ""))


# What may stay English inside a translation: the English term in parentheses right after its
# Korean one, as the learner meets it in code ("합성곱(convolution)"), the names in a derivative
# (∂loss/∂output), file names and paths
KEPT = re.compile(r"(?<=[가-힣])\([A-Za-z][^()가-힣]*\)|∂[A-Za-z_]+|\S*/\S*"
                  r"|\b[\w.]+(?:-[\w.]+){2,}")


def english_words(text: str) -> list[str]:
    """Words of three letters or more that are neither code nor a name (single letters and
    two-letter symbols are variables: H, W, K, p, s, OH…)."""
    words = []
    for word in WORD.findall(KEPT.sub(" ", plain(text))):
        lower = word.lower()
        if len(word) < 3 or lower in ALLOWED or re.fullmatch(r"[a-z]+\d+|\w*\d\w*", lower):
            continue
        if word.isupper() and len(word) <= 5:  # acronyms and shape letters: OC, KH·KW, MLP
            continue
        words.append(word)
    return words


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text ``root`` and its visible children show or explain."""
    found = []

    def add(where, text):
        if text:
            found.append((where, text))

    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        add(f"{name} tooltip", widget.toolTip())
        if isinstance(widget, QLabel):
            add(name, widget.text())
        elif isinstance(widget, QAbstractButton):
            add(name, widget.text())
        elif isinstance(widget, QGroupBox):
            add(name, widget.title())
        elif isinstance(widget, QLineEdit):
            add(f"{name} placeholder", widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(f"{name} item {i}", widget.itemText(i))
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(f"{name} tab {i}", widget.tabText(i))
        elif isinstance(widget, QTableWidget):
            for i in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(i)
                if item is not None:
                    add(f"{name} header {i}", item.text())
                    add(f"{name} header {i} tooltip", item.toolTip())
        elif isinstance(widget, pg.PlotWidget | pg.GraphicsLayoutWidget):
            items = widget.ci.items if isinstance(widget, pg.GraphicsLayoutWidget) else \
                [widget.getPlotItem()]
            for item in items:
                if isinstance(item, pg.PlotItem):
                    add(f"{name} plot title", item.titleLabel.text)
                    for side in ("left", "bottom"):
                        add(f"{name} {side} axis", item.getAxis(side).labelText)
    if isinstance(root, QMainWindow):
        for menu in root.menuBar().findChildren(QMenu):
            add("menu", menu.title())
            for action in menu.actions():
                add(f"menu {menu.title()!r} action", action.text())
                add(f"menu {menu.title()!r} action tip", action.statusTip())
    return found


def english_left(root: QWidget) -> list[str]:
    """Each text that still holds English words, with where it is."""
    return [f"{where}: {plain(text)[:120]!r} ({', '.join(words)})"
            for where, text in shown_texts(root)
            if (words := english_words(text))]
