"""The convolution page's explanations as pure functions of the numbers (Qt-free, tested alone):
the output-size formula with the learner's values, one output pixel's arithmetic, im2col."""

from __future__ import annotations

import numpy as np

from core import functional as F


def num(value: float, digits: int = 4) -> str:
    """``value`` to ``digits`` significant digits, never "-0" (0 × a negative weight is 0)."""
    text = f"{float(value):.{digits}g}"
    return "0" if float(text) == 0 else text


def formula_html(x_shape: tuple, w_shape: tuple, g: F.Geometry) -> str:
    """OH and OW from the formula with these numbers, the output shape, MACs and parameters."""
    n, c, h, w = x_shape
    oc, _, kh, kw = w_shape
    rows = []
    for axis, size, k, s, p, d, out in (("H", h, kh, g.sh, g.ph, g.dh, g.oh),
                                        ("W", w, kw, g.sw, g.pw, g.dw, g.ow)):
        rows.append(f"<b>O{axis}</b> = ⌊({axis} + 2p − d·(K{axis} − 1) − 1) / s⌋ + 1 "
                    f"= ⌊({size} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = <b>{out}</b>")
    macs = F.conv2d_macs(x_shape, w_shape, (g.sh, g.sw), (g.ph, g.pw), (g.dh, g.dw))
    params = F.conv2d_params(c, oc, (kh, kw), bias=False)
    rows.append(f"<b>Output</b> N×OC×OH×OW = {n}×{oc}×{g.oh}×{g.ow}")
    rows.append(f"<b>MACs</b> = KW·KH·C·OC·OW·OH·N = {kw}·{kh}·{c}·{oc}·{g.ow}·{g.oh}·{n} "
                f"= <b>{macs:,}</b>")
    rows.append(f"<b>Parameters</b> = OC·C·KH·KW = {oc}·{c}·{kh}·{kw} = <b>{params:,}</b> "
                "(no bias)")
    return "<br>".join(rows)


def arithmetic_html(terms: F.PixelTerms, kernel: np.ndarray, oc: int, oh: int, ow: int,
                    computed: float, max_cells: int = 150) -> str:
    """Every product of one output pixel, and their sum (about ``max_cells`` products at most,
    a channel at a time)."""
    c, kh, kw = terms.patch.shape
    parts = [f"<b>out[{oc}, {oh}, {ow}]</b> (channel {oc}, row {oh}, column {ow}) = "
             "Σ input × weight over the window "
             f"(rows {terms.rows.tolist()}, columns {terms.cols.tolist()} of the padded "
             "input):"]
    shown = 0
    for ch in range(c):
        cells = []
        for i in range(kh):
            row = "".join(
                f"<td style='padding:0 6px'>{num(terms.patch[ch, i, j])} × "
                f"{num(kernel[ch, i, j])}<br><span style='color:#666'>"
                f"= {num(terms.products[ch, i, j])}</span></td>" for j in range(kw))
            cells.append(f"<tr>{row}</tr>")
        label = f"channel {ch}: " if c > 1 else ""
        parts.append(f"{label}<table style='font-family: monospace'>{''.join(cells)}</table>")
        shown += kh * kw
        if shown > max_cells and ch < c - 1:
            parts.append(f"… {c - ch - 1} more channel(s)")
            break
    parts.append(f"sum of the {terms.products.size} products = <b>{num(terms.value, 6)}</b> "
                 f"(the map holds {num(computed, 6)})")
    return "".join(parts)


def im2col_html(x_shape: tuple, w_shape: tuple, g: F.Geometry, column: int,
                values: np.ndarray, first_output: float) -> str:
    """What the im2col tab shows, with the selected column's values."""
    c = x_shape[1]
    oc, _, kh, kw = w_shape
    k, length = c * kh * kw, g.oh * g.ow
    oh, ow = divmod(column, g.ow)  # column j is output pixel (j // OW, j % OW)
    shown = ", ".join(num(v, 3) for v in values[:12]) + (", …" if k > 12 else "")
    return (f"The input's {length} patches become the {length} columns of a {k} × {length} "
            f"matrix (K = C·KH·KW = {c}·{kh}·{kw}). One matrix product with the {oc} × {k} "
            f"kernel matrix computes every output at once; reshaping its {oc} × {length} result "
            f"to ({oc}, {g.oh}, {g.ow}) gives the feature maps. Row r of the matrix is input "
            "channel ⌊r / (KH·KW)⌋ at kernel tap (⌊r / KW⌋ mod KH, r mod KW).<br>"
            f"<b>Column {column}</b> = output pixel ({oh}, {ow}) = [{shown}]; "
            f"kernel row 0 · column {column} = <b>{num(first_output)}</b> = map 0 at "
            f"({oh}, {ow}).")
