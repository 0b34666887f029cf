import numpy as np
import pytest
from PySide6.QtCore import Qt

from core import functional as F
from gui.pages.convolution import ConvConfig, ConvolutionPage
from gui.workspace import Workspace
from tests.gui.helpers import count_colour, show


@pytest.fixture
def page(qtbot):
    widget = show(qtbot, ConvolutionPage(Workspace(), ConvConfig(out_channels=2)))
    yield widget
    widget.shutdown()


def settle(qtbot, page):
    """Wait for the coalesced recompute to run."""
    qtbot.waitUntil(lambda: not page._pending.isActive())


def test_kernel_stride_padding_dilation_update_formula_and_output(page, qtbot):
    cases = [((5, 5), (1, 1), (0, 0), (1, 1), (24, 24)),
             ((5, 5), (1, 1), (2, 2), (1, 1), (28, 28)),
             ((3, 3), (2, 2), (1, 1), (1, 1), (14, 14)),
             ((3, 3), (1, 1), (0, 0), (3, 3), (22, 22)),
             ((3, 5), (2, 1), (0, 2), (1, 2), (13, 24))]
    page.kernel_size.link.setChecked(False)
    for pair in (page.stride, page.padding, page.dilation):
        pair.link.setChecked(False)
    for kernel, stride, padding, dilation, (oh, ow) in cases:
        page.kernel_size.set_values(*kernel)
        page.stride.set_values(*stride)
        page.padding.set_values(*padding)
        page.dilation.set_values(*dilation)
        settle(qtbot, page)
        maps = page._result[4]
        assert maps.shape == (1, 2, oh, ow)
        assert (oh, ow) == (F.conv_output_size(28, kernel[0], stride[0], padding[0], dilation[0]),
                            F.conv_output_size(28, kernel[1], stride[1], padding[1], dilation[1]))
        text = page.formula.text()
        assert f"= <b>{oh}</b>" in text and f"= <b>{ow}</b>" in text
        substituted = f"(28 + 2·{padding[0]} − {dilation[0]}·({kernel[0]} − 1) − 1) / {stride[0]}"
        assert substituted in text
        assert f"{maps.size * kernel[0] * kernel[1]:,}" in text  # MACs, C = 1
        # the picture on screen is a mosaic of two maps of that size
        assert page.maps_view.image.image.shape in ((oh, 2 * ow + 1), (2 * oh + 1, ow))
        assert page.maps_view.title.text().endswith(f"2 × {oh}×{ow}</b>")


def test_invalid_settings_explain_inline_and_the_page_recovers(page, qtbot):
    page.kernel_size.set_values(7, 7)
    page.dilation.set_values(6, 6)
    settle(qtbot, page)
    assert page.error.isVisible()
    assert "effective kernel 37 (kernel 7, dilation 6)" in page.error.text()
    assert "larger than the padded input 28" in page.error.text()
    assert page.kernel_size.h.styleSheet()  # the culprit is outlined in red
    assert "no output" in page.formula.text().lower()
    assert "No output" in page.maps_view.title.text()
    page.padding.set_values(5, 5)            # 28 + 2·5 = 38 ≥ 37: it fits again
    settle(qtbot, page)
    assert not page.error.isVisible()
    assert page._result[4].shape[2:] == (2, 2)
    assert page.kernel_size.h.styleSheet() == ""


def test_sliding_window_highlights_the_right_patch(page, qtbot):
    page.set_config(ConvConfig(source="Pattern", pattern="arange 6×6", kh=3, kw=3, sh=2, sw=2,
                               ph=1, pw=1, dh=2, dw=2, out_channels=1, preset="box blur"))
    page.tabs.setCurrentIndex(1)
    config, x, weight, g, maps = page._result
    for position in (0, 3, g.oh * g.ow - 1):
        page.set_position(position)
        oh, ow = divmod(position, g.ow)
        terms = F.conv_pixel(x, weight, None, oh, ow, **config.window)
        taps = {(row, col) for row, col, _, _ in page.window_input.rects("window")}
        assert taps == {(row, col) for row in terms.rows for col in terms.cols}
        assert len(taps) == 9  # dilation 2: the taps are spread out, with gaps
        assert page.window_output.rects("pixel") == [(oh, ow, 1, 1)]
        assert f"{terms.value:.6g}" in page.arithmetic.text()
        assert terms.value == pytest.approx(maps[0, 0, oh, ow], abs=1e-5)


def test_clicking_an_output_pixel_moves_the_window(page, qtbot):
    page.tabs.setCurrentIndex(1)
    g = page._result[3]
    view = page.window_output
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=view.pixel_at(5, 7))
    assert page._position == 5 * g.ow + 7


def test_play_and_step_advance_the_window(page, qtbot):
    page.tabs.setCurrentIndex(1)
    page.step.click()
    assert page._position == 1
    page.speed.setValue(60)
    page.play.setChecked(True)
    qtbot.waitUntil(lambda: page._position >= 4, timeout=3000)
    page.play.setChecked(False)
    stopped = page._position
    qtbot.wait(100)
    assert page._position == stopped


def test_im2col_column_and_patch_selection(page, qtbot):
    page.set_config(ConvConfig(source="Pattern", pattern="arange 6×6", kh=3, kw=2, sh=1, sw=2,
                               out_channels=3, link_kernel=False, link_stride=False))
    page.tabs.setCurrentIndex(2)
    config, x, weight, g, maps = page._result
    k, length = 3 * 2, g.oh * g.ow
    assert page.cols_view.image.image.shape == (k, length)
    assert page.gemm_view.image.image.shape == (3, length)
    for j in (0, 5, length - 1):
        page.column.setValue(j)
        oh, ow = divmod(j, g.ow)
        terms = F.conv_pixel(x, weight, None, oh, ow, **config.window)
        taps = {(row, col) for row, col, _, _ in page.patch_view.rects("window")}
        assert taps == {(row, col) for row in terms.rows for col in terms.cols}
        assert page.cols_view.rects("column") == [(0, j, k, 1)]
        np.testing.assert_allclose(page.cols_view.image.image[:, j], terms.patch.ravel())
        assert f"Column {j}</b> = output pixel ({oh}, {ow})" in page.im2col_text.text()
    view = page.cols_view
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=view.pixel_at(2, 7))
    assert page.column.value() == 7
    # the GEMM result, reshaped, is exactly the feature maps
    np.testing.assert_allclose(page.gemm_view.image.image.reshape(maps[0].shape), maps[0],
                               atol=1e-5)


def test_naive_method_runs_in_the_background_and_can_be_cancelled(page, qtbot):
    page.set_config(ConvConfig(source="Pattern", pattern="gradient", pattern_size=128, kh=7,
                               kw=7, out_channels=8, method="naive"))
    qtbot.waitUntil(lambda: page.runner.running)
    assert page.progress.isVisible() and page.cancel.isVisible()
    qtbot.waitUntil(lambda: page.progress.value() > 0, timeout=10000)
    page.cancel.click()
    qtbot.waitUntil(lambda: not page.runner.running, timeout=5000)
    assert not page.progress.isVisible()
    # still usable: a fast method recomputes at once
    page.method.setCurrentIndex(0)
    settle(qtbot, page)
    assert page._result[4].shape == (1, 8, 122, 122)


def test_compare_three_methods(page, qtbot):
    page.set_config(ConvConfig(source="Pattern", pattern="letter A", pattern_size=16,
                               out_channels=2))
    page.tabs.setCurrentIndex(3)
    page.compare.click()
    qtbot.waitUntil(lambda: page.compare.isEnabled(), timeout=20000)
    for row in range(3):
        assert page.table.item(row, 1).text().endswith("ms")
        assert float(page.table.item(row, 2).text()) < 1e-4


def test_editing_the_kernel_changes_the_maps(page, qtbot):
    before = page._result[4].copy()
    item = page.grid.item(1, 1)
    item.setText("5")
    settle(qtbot, page)
    assert page._weight[0, 0, 1, 1] == 5
    assert not np.allclose(page._result[4][0, 0], before[0, 0])
    np.testing.assert_allclose(page._result[4][0, 1], before[0, 1])  # other kernel untouched
    item.setText("not a number")
    assert page.grid.item(1, 1).text() == "5"


def test_fixed_size_preset_sets_the_kernel_to_3x3(page, qtbot):
    page.kernel_size.set_values(5, 5)
    settle(qtbot, page)
    page.preset.setCurrentText("sobel x")
    settle(qtbot, page)
    assert page.kernel_size.values() == (3, 3)
    assert page._result[2].shape[2:] == (3, 3)


def test_drawing_pad_becomes_the_input(page, qtbot):
    page.source.setCurrentText("Drawing")
    settle(qtbot, page)
    qtbot.mousePress(page.pad, Qt.MouseButton.LeftButton, pos=page.pad.rect().center())
    qtbot.mouseRelease(page.pad, Qt.MouseButton.LeftButton, pos=page.pad.rect().center())
    settle(qtbot, page)
    x = page._result[1]
    assert x.shape == (1, 1, 28, 28) and x[0, 0, 12:16, 12:16].sum() > 2  # a 14-pixel dot


def test_feature_maps_render_in_colour(page, qtbot):
    page.set_config(ConvConfig(preset="sobel x", out_channels=1))
    qtbot.wait(50)
    # a Sobel response has both signs: red and blue pixels on screen
    assert count_colour(page.maps_view, (180, 4, 38), 120) > 20
    assert count_colour(page.maps_view, (59, 76, 192), 120) > 20


def test_workspace_receives_the_maps(page):
    maps = page._result[4][0]
    np.testing.assert_array_equal(page.workspace.maps, maps)
    assert page.workspace.input.shape == (1, 28, 28)
