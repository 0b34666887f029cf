"""The convolution page's explanations as pure functions of the numbers (tested alone), in the
current language: the output-size formula with the learner's values, one output pixel's
arithmetic, im2col."""

from __future__ import annotations

import numpy as np

from core import functional as F
from gui.tr import translate


def num(value: float, digits: int = 4) -> str:
    """``value`` to ``digits`` significant digits, never "-0" (0 × a negative weight is 0)."""
    text = f"{float(value):.{digits}g}"
    return "0" if float(text) == 0 else text


def formula_html(x_shape: tuple, w_shape: tuple, g: F.Geometry, sides: F.Sides | None = None,
                 config=None) -> str:
    """OH and OW from the formula with these numbers (and the padding on each side), the output
    shape, the channel groups, MACs and parameters. ``x_shape`` is the image's, before padding."""
    n, c, h, w = x_shape
    oc, per_group, kh, kw = w_shape
    groups = c // per_group
    sides = sides or F.Sides(g.ph, g.ph, g.pw, g.pw)
    mode = getattr(config, "padding_mode", "zeros")
    kind = getattr(config, "pad_kind", "numbers")
    rows = []
    for axis, size, k, s, first, last, d, out in (
            ("H", h, kh, g.sh, sides.top, sides.bottom, g.dh, g.oh),
            ("W", w, kw, g.sw, sides.left, sides.right, g.dw, g.ow)):
        if first == last:
            rows.append(f"<b>O{axis}</b> = ⌊({axis} + 2p − d·(K{axis} − 1) − 1) / s⌋ + 1 "
                        f"= ⌊({size} + 2·{first} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = <b>{out}</b>")
            rows.append(lesson_form(axis, size, k, s, first, d, out))
        else:
            rows.append(f"<b>O{axis}</b> = ⌊({axis} + p<sub>start</sub> + p<sub>end</sub> − "
                        f"d·(K{axis} − 1) − 1) / s⌋ + 1 = ⌊({size} + {first} + {last} − {d}·({k} "
                        f"− 1) − 1) / {s}⌋ + 1 = <b>{out}</b>")
    if kind == "same":
        rows.append(translate("ConvolutionPage", "<b>padding 'same'</b>: d·(K − 1) in all, split "
                                                 "{top}/{bottom} (top/bottom) and {left}/{right} "
                                                 "(left/right) — an odd total puts the extra one "
                                                 "at the bottom and right, as PyTorch does; "
                                                 "stride must be 1").format(
            top=sides.top, bottom=sides.bottom, left=sides.left, right=sides.right))
    elif kind == "valid":
        rows.append(translate("ConvolutionPage", "<b>padding 'valid'</b>: none — only windows "
                                                 "that fit inside the image"))
    if mode != "zeros":
        how = {"reflect": translate("ConvolutionPage", "mirrors the cells next to the border "
                                                       "(the border itself not repeated)"),
               "replicate": translate("ConvolutionPage", "repeats the border cell"),
               "circular": translate("ConvolutionPage", "wraps around from the opposite "
                                                        "side")}[mode]
        rows.append(translate("ConvolutionPage", "<b>padding mode {mode}</b>: the padding {how}, "
                                                 "instead of zeros").format(
            mode=mode, how=how))
    macs = F.conv_macs((kh, kw), c, oc, (g.oh, g.ow), n, groups)
    params = F.conv2d_params(c, oc, (kh, kw), bias=False, groups=groups)
    rows.append(translate("ConvolutionPage", "<b>Output</b> N×OC×OH×OW = {shape}").format(
        shape=f"{n}×{oc}×{g.oh}×{g.ow}"))
    if groups > 1:
        rows.append(groups_html(c, oc, groups))
        rows.append(f"<b>MACs</b> = KW·KH·(C/groups)·OC·OW·OH·N = {kw}·{kh}·{per_group}·{oc}·"
                    f"{g.ow}·{g.oh}·{n} = <b>{macs:,}</b>" + translate(
                        "ConvolutionPage", " — 1/{groups} of a dense convolution's "
                        "{dense}").format(groups=groups, dense=f"{macs * groups:,}"))
        rows.append(translate("ConvolutionPage", "<b>Parameters</b> = {formula} = <b>{count}</b> "
                                                 "(no bias)").format(
            formula=f"OC·(C/groups)·KH·KW = {oc}·{per_group}·{kh}·{kw}", count=f"{params:,}"))
    else:
        rows.append(f"<b>MACs</b> = KW·KH·C·OC·OW·OH·N = {kw}·{kh}·{c}·{oc}·{g.ow}·{g.oh}·{n} "
                    f"= <b>{macs:,}</b>")
        rows.append(translate("ConvolutionPage", "<b>Parameters</b> = {formula} = <b>{count}</b> "
                                                 "(no bias)").format(
            formula=f"OC·C·KH·KW = {oc}·{c}·{kh}·{kw}", count=f"{params:,}"))
    return "<br>".join(rows)


def _span(first: int, count: int) -> str:
    return str(first) if count == 1 else f"{first}–{first + count - 1}"


def groups_html(channels: int, out_channels: int, groups: int) -> str:
    """Which input channels each kernel reads: one line per group, and a small grid (a row
    per kernel, a column per input channel, ■ where it reads)."""
    per_in, per_out = channels // groups, out_channels // groups
    kind = translate("ConvolutionPage", " (depthwise)") if groups == channels else ""
    lines = [translate("ConvolutionPage", "kernels {kernels} ← input channels {channels}").format(
        kernels=_span(g * per_out, per_out), channels=_span(g * per_in, per_in))
        for g in range(groups)]
    grid = " ".join("".join("■" if oc // per_out == c // per_in else "□"
                            for c in range(channels)) for oc in range(out_channels))
    return translate(
        "ConvolutionPage", "<b>groups = {groups}</b>{kind}: each kernel reads only its group's "
        "{per_group} of the {channels} input channels: {lines} (kernel by kernel, ■ = a channel "
        "it reads: <span style='font-family: monospace'>{grid}</span>)").format(
        groups=groups, kind=kind, per_group=per_in, channels=channels, lines="; ".join(lines),
        grid=grid)


def lesson_form(axis: str, size: int, k: int, s: int, p: int, d: int, out: int) -> str:
    """The lesson's formula, without dilation, with these numbers: equal to ours when d = 1."""
    plain = (size - k + 2 * p) // s + 1
    verdict = (translate("ConvolutionPage", "the same, as d = 1") if d == 1 and plain == out else
               translate("ConvolutionPage", "ignores the dilation d = {d}: it would be wrong "
                                            "here") if plain != out else
               translate("ConvolutionPage", "happens to agree although d = {d}")).format(d=d)
    return translate("ConvolutionPage", "<span style='color:#555'>the lesson's form: {formula} — "
                                        "{verdict}</span>").format(
        formula=f"({axis} − K + 2p) // s + 1 = ({size} − {k} + 2·{p}) // {s} + 1 = {plain}",
        verdict=verdict)


SEVEN_LOOPS = (("n", "N"), ("i", "OH"), ("j", "OW"), ("oc", "OC"), ("c", "C"), ("u", "KH"),
               ("v", "KW"))


def loops_html(sizes: dict, at: dict) -> str:
    """The sliding window's seven nested loops, with the value each index has now (``at``; the
    inner loops run through all their values for one output pixel)."""
    lines = []
    for depth, (index, size) in enumerate(SEVEN_LOOPS):
        now = (f"{index} = {at[index]}" if index in at else f"{index} = 0" if sizes[size] == 1
               else f"{index} = 0…{sizes[size] - 1}")
        lines.append("&nbsp;" * depth + f"for {index} in range({size}):"
                     f"<span style='color:#1565c0'>&nbsp;# {now}</span>")
    lines.append("&nbsp;" * 7 + "B[n,oc,i,j] += A<sub>pad</sub>[n,c,i·s+u·d,j·s+v·d]·w[oc,c,u,v]")
    shape = ", ".join(f"{size} = {sizes[size]}" for _, size in SEVEN_LOOPS)
    return (translate("ConvolutionPage", "<b>The seven loops</b> of the naive method ({shape}), "
                                         "at this output pixel:").format(shape=shape)
            + "<div style='font-family: monospace; font-size: 11px'>" + "<br>".join(lines)
            + "</div>")


def arithmetic_html(terms: F.PixelTerms, kernel: np.ndarray, oc: int, oh: int, ow: int,
                    computed: float, max_cells: int = 150) -> str:
    """Every product of one output pixel, and their sum (about ``max_cells`` products at most,
    a channel at a time)."""
    c, kh, kw = terms.patch.shape
    parts = [translate(
        "ConvolutionPage", "<b>out[{oc}, {oh}, {ow}]</b> (channel {oc}, row {oh}, column {ow}) = "
        "Σ input × weight over the window (rows {rows}, columns {cols} of the padded "
        "input):").format(oc=oc, oh=oh, ow=ow, rows=terms.rows.tolist(),
                          cols=terms.cols.tolist())]
    shown = 0
    for ch in range(c):
        cells = []
        for i in range(kh):
            row = "".join(
                f"<td style='padding:0 6px'>{num(terms.patch[ch, i, j])} × "
                f"{num(kernel[ch, i, j])}<br><span style='color:#666'>"
                f"= {num(terms.products[ch, i, j])}</span></td>" for j in range(kw))
            cells.append(f"<tr>{row}</tr>")
        label = translate("ConvolutionPage", "<br>channel {channel}: ").format(channel=ch) \
            if c > 1 else ""
        parts.append(f"{label}<table style='font-family: monospace'>{''.join(cells)}</table>")
        shown += kh * kw
        if shown > max_cells and ch < c - 1:
            parts.append(translate("ConvolutionPage", "… {count} more channel(s)").format(
                count=c - ch - 1))
            break
    parts.append(translate("ConvolutionPage", "sum of the {count} products = <b>{value}</b> (the "
                                              "map holds {computed})").format(
        count=terms.products.size, value=num(terms.value, 6), computed=num(computed, 6)))
    return "".join(parts)


def im2col_html(x_shape: tuple, w_shape: tuple, g: F.Geometry, column: int,
                values: np.ndarray, first_output: float) -> str:
    """What the im2col tab shows, with the selected column's values."""
    c = x_shape[1]
    oc, _, kh, kw = w_shape
    k, length = c * kh * kw, g.oh * g.ow
    oh, ow = divmod(column, g.ow)  # column j is output pixel (j // OW, j % OW)
    shown = ", ".join(num(v, 3) for v in values[:12]) + (", …" if k > 12 else "")
    return translate(
        "ConvolutionPage", "The input's {length} patches become the {length} columns of a {k} × "
        "{length} matrix (K = C·KH·KW = {c}·{kh}·{kw}). One matrix product with the {oc} × {k} "
        "kernel matrix computes every output at once; reshaping its {oc} × {length} result to "
        "({oc}, {oh_all}, {ow_all}) gives the feature maps. Row r of the matrix is input channel "
        "⌊r / (KH·KW)⌋ at kernel tap (⌊r / KW⌋ mod KH, r mod KW).<br><b>Column {column}</b> = "
        "output pixel ({oh}, {ow}) = [{shown}]; kernel row 0 · column {column} = <b>{first}</b> "
        "= map 0 at ({oh}, {ow}).").format(
        length=length, k=k, c=c, kh=kh, kw=kw, oc=oc, oh_all=g.oh, ow_all=g.ow, column=column,
        oh=oh, ow=ow, shown=shown, first=num(first_output))
