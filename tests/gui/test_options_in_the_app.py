"""Groups, padding kinds and modes on the convolution page; ceil mode, dilation and the average's
divisors on the pooling page (issue 13's options, as the learner sets them)."""

import numpy as np
import pytest

from core import functional as F
from gui.pages.convolution.config import ConvConfig
from gui.pages.convolution.page import ConvolutionPage
from gui.pages.pooling import PoolingConfig, PoolingPage, line_example
from gui.widgets.controls import ERROR_STYLE
from gui.workspace import Workspace
from tests.gui.helpers import show

LESSON_INPUT = dict(source="pattern", pattern="arange 3×6×6", kh=3, kw=3)


@pytest.fixture
def conv(qtbot):
    return show(qtbot, ConvolutionPage(Workspace(), ConvConfig(**LESSON_INPUT)))


def computed(qtbot, page):
    qtbot.waitUntil(lambda: not page.recompute_pending)
    qtbot.waitUntil(lambda: page.result is not None and page.result.config == page.config())
    return page.result


def test_groups_split_the_channels_and_divide_the_macs(conv, qtbot):
    conv.set_config(ConvConfig(**LESSON_INPUT, out_channels=6, groups=3))
    result = computed(qtbot, conv)
    x = np.arange(108, dtype=np.float32).reshape(1, 3, 6, 6)
    np.testing.assert_allclose(result.maps, F.conv2d(x, result.weight, groups=3), rtol=1e-6)
    assert result.weight.shape == (6, 1, 3, 3)
    text = conv.maps_tab.formula.text()
    assert "groups = 3</b> (depthwise)" in text and "kernels 2–3 ← input channels 1" in text
    assert "= <b>864</b> — 1/3 of a dense convolution's 2,592" in text
    conv.kernel.form["groups"].setValue(2)  # 2 does not divide 3 channels: said at the control
    qtbot.waitUntil(lambda: conv.kernel.has_error)
    assert "groups=2 must divide the 3 input channels" in conv.kernel.error.text()
    assert ERROR_STYLE in conv.kernel.form["groups"].styleSheet()
    conv.kernel.depthwise.click()
    assert conv.config().groups == 3 and conv.config().out_channels == 6
    result = computed(qtbot, conv)
    assert not conv.kernel.has_error


@pytest.mark.parametrize("mode", ["zeros", "reflect", "replicate", "circular"])
def test_padding_same_with_each_mode_is_drawn_and_keeps_the_size(conv, qtbot, mode):
    conv.set_config(ConvConfig(**{**LESSON_INPUT, "kh": 4, "kw": 4}, out_channels=1,
                               pad_kind="same", padding_mode=mode))
    result = computed(qtbot, conv)
    assert result.maps.shape[2:] == (6, 6)
    assert result.sides == F.Sides(1, 2, 1, 2)  # an even kernel: the extra one at the end
    image = np.arange(108, dtype=np.float32).reshape(1, 3, 6, 6)
    np.testing.assert_array_equal(result.padded(), F.pad(image, result.sides, mode)[0])
    assert conv.maps_tab.input_view.rects("frame") == [(1, 1, 6, 6)]
    text = conv.maps_tab.formula.text()
    assert "padding 'same'</b>: d·(K − 1) in all, split 1/2" in text
    assert ("padding mode" in text) == (mode != "zeros")
    assert not conv.kernel.form["padding"].isEnabled()


def test_same_with_stride_2_is_refused_at_the_padding(conv, qtbot):
    conv.set_config(ConvConfig(**LESSON_INPUT, pad_kind="same", sh=2, sw=2))
    qtbot.waitUntil(lambda: conv.kernel.has_error)
    assert "padding='same' needs stride 1" in conv.kernel.error.text()
    assert ERROR_STYLE in conv.kernel.form["pad_kind"].styleSheet()  # the control to change
    conv.set_config(ConvConfig(**LESSON_INPUT, pad_kind="valid", sh=2, sw=2))
    assert computed(qtbot, conv).maps.shape[2:] == (2, 2)


def test_pooling_ceil_mode_dilation_and_divisors(qtbot):
    page = show(qtbot, PoolingPage(Workspace(), PoolingConfig(source="example", kernel=3,
                                                               stride=2, padding=1)))
    assert page.input_view.rects("partial") == []
    page.form["ceil_mode"].setChecked(True)
    assert "Pooled output 5×5" in page.output_view.title.text()
    partial = page.input_view.rects("partial")
    assert partial and all(top + h > 9 or left + w > 9 for top, left, h, w in partial)
    assert "without ceil mode 4" in page.explain.text()
    page.form["mode"].setCurrentIndex(page.form["mode"].findData("avg"))
    page.form["include_pad"].setChecked(False)
    x = line_example()[None, None]
    expected = F.avg_pool2d(x, 3, 2, 1, ceil_mode=True, count_include_pad=False)
    assert page.output_view.label_texts() == [f"{v:.2g}" for v in expected.ravel()]
    assert "<b>Divisors</b>" in page.explain.text()
    page.form["divisor"].setValue(5)
    expected = F.avg_pool2d(x, 3, 2, 1, ceil_mode=True, divisor_override=5)
    assert page.output_view.label_texts() == [f"{v:.2g}" for v in expected.ravel()]
    page.form["mode"].setCurrentIndex(page.form["mode"].findData("max"))
    page.form["ceil_mode"].setChecked(False)
    page.form["dilation"].setValue(2)
    expected = F.max_pool2d(x, 3, 2, 1, dilation=2)
    assert page.output_view.label_texts() == [f"{v:.2g}" for v in expected.ravel()]
    page.form["padding"].setValue(3)  # more than half of the effective window 5: refused
    assert "No output" in page.error.text()
    assert ERROR_STYLE in page.form["padding"].styleSheet()
