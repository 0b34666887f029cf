import numpy as np
import pytest
from PySide6.QtCore import Qt

from core import functional as F
from gui.pages.convolution.config import ConvConfig
from gui.pages.convolution.page import ConvolutionPage
from gui.workspace import Workspace
from tests.gui.helpers import choose, count_colour, pixels, show, wait_for


@pytest.fixture
def page(qtbot):
    return show(qtbot, ConvolutionPage(Workspace(), ConvConfig(out_channels=2)))


def settle(qtbot, page):
    """Wait for the coalesced recompute to run."""
    qtbot.waitUntil(lambda: not page.recompute_pending)


def pair(page, name):
    return page.kernel.form[name]


def test_kernel_stride_padding_dilation_update_formula_and_output(page, qtbot):
    cases = [((5, 5), (1, 1), (0, 0), (1, 1), (24, 24)),
             ((5, 5), (1, 1), (2, 2), (1, 1), (28, 28)),
             ((3, 3), (2, 2), (1, 1), (1, 1), (14, 14)),
             ((3, 3), (1, 1), (0, 0), (3, 3), (22, 22)),
             ((3, 5), (2, 1), (0, 2), (1, 2), (13, 24))]
    for name in ("kernel", "stride", "padding", "dilation"):
        pair(page, name).link.setChecked(False)
    for kernel, stride, padding, dilation, (oh, ow) in cases:
        for name, values in zip(("kernel", "stride", "padding", "dilation"),
                                (kernel, stride, padding, dilation)):
            pair(page, name).set_values(*values)
        settle(qtbot, page)
        maps = page.result.maps
        assert maps.shape == (1, 2, oh, ow)
        assert (oh, ow) == (F.conv_output_size(28, kernel[0], stride[0], padding[0], dilation[0]),
                            F.conv_output_size(28, kernel[1], stride[1], padding[1], dilation[1]))
        text = page.maps_tab.formula.text()
        assert f"= <b>{oh}</b>" in text and f"= <b>{ow}</b>" in text
        substituted = f"(28 + 2·{padding[0]} − {dilation[0]}·({kernel[0]} − 1) − 1) / {stride[0]}"
        assert substituted in text
        assert f"{maps.size * kernel[0] * kernel[1]:,}" in text  # MACs, C = 1
        # the picture on screen is a mosaic of two maps of that size
        view = page.maps_tab.maps_view
        assert view.image.image.shape in ((oh, 2 * ow + 1), (2 * oh + 1, ow))
        assert view.title.text().endswith(f"2 × {oh}×{ow}</b>")


def test_invalid_settings_explain_inline_and_the_page_recovers(page, qtbot):
    pair(page, "kernel").set_values(7, 7)
    pair(page, "dilation").set_values(6, 6)
    settle(qtbot, page)
    error = page.kernel.error
    assert error.isVisible()
    assert "effective kernel 37 (kernel 7, dilation 6)" in error.text()
    assert "larger than the padded input 28" in error.text()
    assert pair(page, "kernel").h.styleSheet()  # the culprit is outlined in red
    assert not pair(page, "stride").h.styleSheet()
    assert "no output" in page.maps_tab.formula.text().lower()
    maps_view = page.maps_tab.maps_view
    assert "No output" in maps_view.title.text() and maps_view.image.image is None
    pair(page, "padding").set_values(5, 5)            # 28 + 2·5 = 38 ≥ 37: it fits again
    settle(qtbot, page)
    assert not error.isVisible()
    assert page.result.maps.shape[2:] == (2, 2)
    assert pair(page, "kernel").h.styleSheet() == ""
    assert maps_view.image.image.shape == (2, 5)  # two 2×2 maps side by side


def test_sliding_window_highlights_the_right_patch(page, qtbot):
    page.set_config(ConvConfig(source="pattern", pattern="arange 6×6", kh=3, kw=3, sh=2, sw=2,
                               ph=1, pw=1, dh=2, dw=2, out_channels=1, preset="box blur"))
    tab = page.window_tab
    page.tabs.setCurrentWidget(tab)
    config, x, weight, g, maps = page.result[:5]
    for position in (0, 3, g.oh * g.ow - 1):
        tab.set_position(position)
        oh, ow = divmod(position, g.ow)
        terms = F.conv_pixel(x, weight, None, oh, ow, **config.window)
        taps = {(row, col) for row, col, _, _ in tab.input_view.rects("window")}
        assert taps == {(row, col) for row in terms.rows for col in terms.cols}
        assert len(taps) == 9  # dilation 2: the taps are spread out, with gaps
        assert tab.output_view.rects("pixel") == [(oh, ow, 1, 1)]
        assert f"= <b>{terms.value:.6g}</b>" in tab.arithmetic.text()
        assert terms.value == pytest.approx(maps[0, 0, oh, ow], abs=1e-5)


def test_clicking_an_output_pixel_moves_the_window(page, qtbot):
    tab = page.window_tab
    page.tabs.setCurrentWidget(tab)
    view = tab.output_view
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=view.pixel_at(5, 7))
    assert tab.position == 5 * page.result.geometry.ow + 7
    assert view.rects("pixel") == [(5, 7, 1, 1)]


def test_play_and_step_advance_the_window(page, qtbot):
    tab = page.window_tab
    page.tabs.setCurrentWidget(tab)
    g = page.result.geometry
    start = tab.position
    assert start == (g.oh // 2) * g.ow + g.ow // 2  # the middle: the image, not the corner
    tab.step.click()
    assert tab.position == start + 1 and tab.scrub.value() == start + 1
    tab.speed.setValue(60)
    tab.play.setChecked(True)
    qtbot.waitUntil(lambda: tab.position >= start + 4, timeout=3000)
    tab.play.setChecked(False)
    assert not tab.timer.isActive() and tab.play.text() == "▶ Play"  # nothing moves it now


def test_im2col_column_and_patch_selection(page, qtbot):
    page.set_config(ConvConfig(source="pattern", pattern="arange 6×6", kh=3, kw=2, sh=1, sw=2,
                               out_channels=3, link_kernel=False, link_stride=False))
    tab = page.im2col_tab
    page.tabs.setCurrentWidget(tab)
    config, x, weight, g, maps = page.result[:5]
    k, length = 3 * 2, g.oh * g.ow
    assert tab.cols_view.image.image.shape == (k, length)
    assert tab.gemm_view.image.image.shape == (3, length)
    for j in (0, 5, length - 1):
        tab.column.setValue(j)
        oh, ow = divmod(j, g.ow)
        terms = F.conv_pixel(x, weight, None, oh, ow, **config.window)
        taps = {(row, col) for row, col, _, _ in tab.patch_view.rects("window")}
        assert taps == {(row, col) for row in terms.rows for col in terms.cols}
        assert tab.cols_view.rects("column") == [(0, j, k, 1)]
        np.testing.assert_allclose(tab.cols_view.image.image[:, j], terms.patch.ravel())
        assert f"Column {j}</b> = output pixel ({oh}, {ow})" in tab.text.text()
    view = tab.cols_view
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=view.pixel_at(2, 7))
    assert tab.column.value() == 7
    # the GEMM result, reshaped, is exactly the feature maps
    np.testing.assert_allclose(tab.gemm_view.image.image.reshape(maps[0].shape), maps[0],
                               atol=1e-5)


def test_naive_method_runs_in_the_background_and_can_be_cancelled(page, qtbot):
    page.set_config(ConvConfig(source="pattern", pattern="gradient", pattern_size=128, kh=7,
                               kw=7, out_channels=8, method="naive"))
    progress, cancel = page.kernel.progress, page.kernel.cancel
    qtbot.waitUntil(lambda: page.runner.running)
    assert progress.isVisible() and cancel.isVisible()
    wait_for(qtbot, lambda: progress.value() > 0)
    cancel.click()
    qtbot.waitUntil(lambda: not page.runner.running, timeout=5000)
    assert not progress.isVisible()
    # still usable: a fast method recomputes at once
    choose(page.kernel.method_form["method"], "fast")
    settle(qtbot, page)
    assert page.result.maps.shape == (1, 8, 122, 122)


def test_compare_three_methods(page, qtbot):
    page.set_config(ConvConfig(source="pattern", pattern="letter A", pattern_size=16,
                               out_channels=2))
    tab = page.methods_tab
    page.tabs.setCurrentWidget(tab)
    tab.compare.click()
    wait_for(qtbot, lambda: tab.compare.isEnabled())
    for row in range(3):
        assert tab.table.item(row, 1).text().endswith(" ms")
        assert float(tab.table.item(row, 2).text()) < 1e-4
    page.set_config(ConvConfig(out_channels=3))  # new settings: the old timings go
    assert {tab.table.item(row, 1).text() for row in range(3)} == {"—"}


def test_editing_the_kernel_changes_the_maps(page, qtbot):
    before = page.result.maps.copy()
    grid = page.kernel.grid
    grid.item(1, 1).setText("5")
    settle(qtbot, page)
    assert page.result.weight[0, 0, 1, 1] == 5
    assert not np.allclose(page.result.maps[0, 0], before[0, 0])
    np.testing.assert_allclose(page.result.maps[0, 1], before[0, 1])  # other kernel untouched
    grid.item(1, 1).setText("not a number")
    assert grid.item(1, 1).text() == "5"


def test_large_kernels_show_every_value_in_full(page, qtbot):
    pair(page, "kernel").set_values(15, 15)
    settle(qtbot, page)
    grid = page.kernel.grid
    assert (grid.rowCount(), grid.columnCount()) == (15, 15)
    metrics = grid.fontMetrics()
    for j in range(15):  # no cell is cut to "…": every column is as wide as its numbers
        widest = max(metrics.horizontalAdvance(grid.item(i, j).text()) for i in range(15))
        assert grid.columnWidth(j) >= widest


def test_fixed_size_preset_sets_the_kernel_to_3x3(page, qtbot):
    pair(page, "kernel").set_values(5, 5)
    settle(qtbot, page)
    choose(page.kernel.form["preset"], "sobel x")
    settle(qtbot, page)
    assert pair(page, "kernel").values() == (3, 3)
    assert page.result.weight.shape[2:] == (3, 3)


def test_drawing_pad_becomes_the_input(page, qtbot):
    choose(page.inputs.form["source"], "drawing")
    settle(qtbot, page)
    pad = page.inputs.pad
    assert pad.isVisible() and not page.inputs.form["fashion_class"].isVisible()
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=pad.rect().center())
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=pad.rect().center())
    settle(qtbot, page)
    x = page.result.x
    assert x.shape == (1, 1, 28, 28) and x[0, 0, 12:16, 12:16].sum() > 2  # a 14-pixel dot


def test_feature_maps_render_in_colour_with_white_zero(page, qtbot):
    page.set_config(ConvConfig(preset="sobel x", out_channels=1))
    settle(qtbot, page)
    view = page.maps_tab.maps_view
    # a Sobel response has both signs: red and blue pixels on screen
    assert count_colour(view, (178, 24, 43), 150) > 20
    assert count_colour(view, (33, 102, 172), 150) > 20
    # the shirt's empty surroundings give exactly 0, which is drawn white (as the caption says)
    assert view.image.image[1, 1] == 0
    pos = view.pixel_at(1, 1)
    assert tuple(pixels(view.canvas)[pos.y(), pos.x()]) == (255, 255, 255)


def test_workspace_receives_the_maps(page):
    np.testing.assert_array_equal(page.workspace.maps, page.result.maps[0])
    assert page.workspace.input.shape == (1, 28, 28)
    assert "T-shirt/top" in str(page.workspace.description)


def test_small_inputs_show_every_value_at_one_scale_and_hovering_outlines_the_patch(page, qtbot):
    page.set_config(ConvConfig(source="pattern", pattern="arange 6×6", out_channels=1, kh=3,
                               kw=3, ph=1, pw=1))
    page.tabs.setCurrentWidget(page.window_tab)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.result is not None and page.result.config == page.config())
    tab = page.window_tab
    tab.set_position(8)
    padded = np.pad(np.arange(36).reshape(6, 6), 1)
    assert tab.input_view.label_texts() == [f"{v:.3g}" for v in padded.ravel()]
    assert tab.output_view.label_texts() == \
        [f"{v:.3g}" for v in page.result.maps[0, 0].ravel()]
    assert tab.input_view.cell_pixels() == pytest.approx(tab.output_view.cell_pixels(), rel=0.02)
    assert "# i = 1" in tab.loops.text() and "# j = 2" in tab.loops.text()
    tab.output_view.pixelHovered.emit(4, 5)
    assert tab.input_view.rects("hover") == [(r, c, 1, 1) for r in (4, 5, 6) for c in (5, 6, 7)]
    tab.output_view.pixelHovered.emit(-1, -1)
    assert tab.input_view.rects("hover") == []
    # im2col: pointing at an output pixel outlines its column and its patch
    page.tabs.setCurrentWidget(page.im2col_tab)
    im2col = page.im2col_tab
    im2col.column.setValue(0)
    im2col.reshaped_view.pixelHovered.emit(1, 2)
    assert im2col.cols_view.rects("hover") == [(0, 1 * 6 + 2 - im2col.first_column, 9, 1)]
    assert im2col.patch_view.rects("hover") == \
        [(r, c, 1, 1) for r in (1, 2, 3) for c in (2, 3, 4)]
    # a larger input: no numbers (they would not fit)
    page.set_config(ConvConfig(out_channels=1))
    page.tabs.setCurrentWidget(page.window_tab)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.result is not None and page.result.config == page.config())
    assert tab.input_view.label_texts() == []
