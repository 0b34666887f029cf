"""Guards against a broken Qt binding: PySide6 6.12.0 over-releases None on Python 3.11, so
every pyqtgraph redraw lowers None's reference count until the interpreter aborts."""

import sys

import numpy as np
import pytest

from gui.widgets.image_panel import DIVERGING, ImagePanel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_drawing_does_not_over_release_none(qtbot):
    panel = ImagePanel("probe", colorbar=True)
    qtbot.addWidget(panel)
    image = np.random.default_rng(0).standard_normal((20, 20)).astype(np.float32)
    before = sys.getrefcount(None)
    for _ in range(50):
        panel.set_image(image, (-1, 1), DIVERGING)
        panel.show_rects("probe", [(1, 1, 1, 1)])
        panel.show_rects("probe", [])
        panel.grab()
    assert sys.getrefcount(None) >= before - 10
