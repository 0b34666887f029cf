"""Table cells that show a share (of parameters, of MACs) as a bar behind its percentage."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyledItemDelegate, QTableWidgetItem

SHARE_ROLE = Qt.ItemDataRole.UserRole + 1
BAR = QColor("#90caf9")


class ShareDelegate(QStyledItemDelegate):
    """Paints the cell's share (``SHARE_ROLE``, 0..1) as a bar, then its text over it."""

    def paint(self, painter, option, index) -> None:
        share = index.data(SHARE_ROLE)
        if share:
            rect = QRectF(option.rect).adjusted(2, 3, -2, -3)
            rect.setWidth(rect.width() * min(max(float(share), 0.0), 1.0))
            painter.fillRect(rect, BAR)
        super().paint(painter, option, index)


def share_item(share: float, count: int | None = None) -> QTableWidgetItem:
    """A cell showing ``share`` as a bar; its text is the percentage, or ``count`` and the
    percentage ("48,120 · 78%"; a count of 0 shows alone)."""
    text = f"{share:.1%}" if count is None else f"{count:,} · {share:.0%}" if count else "0"
    item = QTableWidgetItem(text)
    item.setData(SHARE_ROLE, float(share))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item
