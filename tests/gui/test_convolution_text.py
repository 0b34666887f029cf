"""The convolution page's texts are pure functions of the numbers: tested without Qt."""

import subprocess
import sys
from pathlib import Path

import numpy as np

from core import functional as F
from gui.pages.convolution.text import (
    arithmetic_html,
    formula_html,
    im2col_html,
    loops_html,
    num,
)

ROOT = Path(__file__).resolve().parents[2]


def test_the_text_module_needs_no_qt():
    code = ("import sys, gui.pages.convolution.text; "
            "sys.exit('PySide6' in sys.modules or 'pyqtgraph' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_numbers_never_read_minus_zero():
    assert num(-0.0) == "0" and num(0.0 * -3.2) == "0" and num(-1e-9, 3) == "-1e-09"
    assert num(-0.00001, 2) == "-1e-05" and num(2.5) == "2.5" and num(1 / 3) == "0.3333"


def test_formula_substitutes_the_learners_numbers():
    g = F.window_geometry((28, 20), (5, 3), stride=(2, 1), padding=(2, 0), dilation=(1, 2))
    text = formula_html((1, 3, 28, 20), (4, 3, 5, 3), g)
    assert "⌊(28 + 2·2 − 1·(5 − 1) − 1) / 2⌋ + 1 = <b>14</b>" in text
    assert "⌊(20 + 2·0 − 2·(3 − 1) − 1) / 1⌋ + 1 = <b>16</b>" in text
    assert "1×4×14×16" in text
    assert f"= <b>{3 * 5 * 3 * 4 * 14 * 16:,}</b>" in text          # MACs
    assert "OC·C·KH·KW = 4·3·5·3 = <b>180</b>" in text
    # the lesson's form beside ours: the same for d = 1, and where it goes wrong for d = 2
    assert "(H − K + 2p) // s + 1 = (28 − 5 + 2·2) // 2 + 1 = 14 — the same, as d = 1" in text
    assert "(W − K + 2p) // s + 1 = (20 − 3 + 2·0) // 1 + 1 = 18 — ignores the dilation d = 2: " \
        "it would be wrong" in text  # the width's row names W, not H


def test_the_seven_loops_show_their_indices_now():
    sizes = {"N": 1, "OH": 6, "OW": 5, "OC": 4, "C": 3, "KH": 3, "KW": 2}
    text = loops_html(sizes, {"n": 0, "i": 2, "j": 4, "oc": 1})
    for line in ("for i in range(OH):<span style='color:#1565c0'>&nbsp;# i = 2",
                 "for j in range(OW):<span style='color:#1565c0'>&nbsp;# j = 4",
                 "for oc in range(OC):<span style='color:#1565c0'>&nbsp;# oc = 1",
                 "for c in range(C):<span style='color:#1565c0'>&nbsp;# c = 0…2",
                 "for v in range(KW):<span style='color:#1565c0'>&nbsp;# v = 0…1"):
        assert line in text
    assert "N = 1, OH = 6, OW = 5, OC = 4, C = 3, KH = 3, KW = 2" in text


def test_arithmetic_lists_every_product_and_the_sum():
    x = np.arange(36, dtype=np.float64).reshape(1, 1, 6, 6)
    w = -np.ones((1, 1, 2, 2))
    w[0, 0, 0, 0] = 0.5
    terms = F.conv_pixel(x, w, None, 0, 0, padding=1)
    text = arithmetic_html(terms, w[0], 0, 0, 0, terms.value)
    # the padding's zeros times −1 read "0 × -1 = 0", never "= -0"
    assert "0 × 0.5<br>" in text and "= -0" not in text
    assert text.count("× -1") == 3
    assert f"sum of the 4 products = <b>{num(terms.value, 6)}</b>" in text


def test_arithmetic_stops_after_many_channels():
    x = np.ones((1, 8, 5, 5))
    w = np.ones((1, 8, 5, 5))
    terms = F.conv_pixel(x, w, None, 0, 0)
    text = arithmetic_html(terms, w[0], 0, 0, 0, terms.value)
    assert "channel 6:" in text and "channel 7:" not in text and "… 1 more channel(s)" in text


def test_im2col_caption_describes_the_chosen_column():
    g = F.window_geometry((6, 6), 3)
    values = np.arange(9.0)
    text = im2col_html((1, 1, 6, 6), (2, 1, 3, 3), g, 5, values, 1.5)
    assert "16 columns of a 9 × 16 matrix" in text
    assert "<b>Column 5</b> = output pixel (1, 1)" in text
    assert "[0, 1, 2, 3, 4, 5, 6, 7, 8]" in text and "<b>1.5</b>" in text
