"""State the lesson pages share: the current input and the feature maps computed from it."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from gui.i18n import QT_TRANSLATE_NOOP
from gui.tr import Words


class Workspace(QObject):
    """The convolution page publishes here; the pooling and activation pages read from here."""

    changed = Signal()

    def __init__(self):
        super().__init__()
        self.input = np.zeros((1, 8, 8), np.float32)   # (C, H, W)
        self.maps = np.zeros((1, 8, 8), np.float32)    # (OC, OH, OW)
        # what the maps are, said in the language of the moment with str()
        self.description = Words("Workspace", QT_TRANSLATE_NOOP("Workspace",
                                                                "nothing computed yet"))

    def publish(self, image: np.ndarray, maps: np.ndarray, description) -> None:
        self.input, self.maps, self.description = image.copy(), maps.copy(), description
        self.changed.emit()
