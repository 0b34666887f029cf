import numpy as np

from gui.main_window import MainWindow


def test_main_window_opens_with_title_and_renders(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "CNN Studio"
    image = window.grab().toImage()
    assert image.width() > 400 and image.height() > 300
    gray = np.array([[image.pixelColor(x, y).lightness() for x in range(0, image.width(), 7)]
                     for y in range(0, image.height(), 7)])
    assert gray.std() > 5, "the window rendered as a flat colour"
