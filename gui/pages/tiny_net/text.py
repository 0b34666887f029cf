"""The tiny network's numbers as HTML: its weights and every stage for one sample (Qt-free)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.inside import Inside
from core.layers import Conv2d, Flatten, Linear, Sigmoid
from gui.widgets.matrix_table import matrix_html


class Snapshot(NamedTuple):
    """Copies made where the model lives: the weights and every stage for one sample."""

    epoch: int
    loss: float | None
    w1: np.ndarray        # (3, 3) the convolution's kernel
    w2: np.ndarray        # (1, 4) the fully connected layer's weights
    inside: Inside        # every stage for the sample
    winners: np.ndarray   # (2, 2) position of the max inside each pooling window (i·2 + j)


def layer_of(model, kind, nth: int = 0):
    """The ``nth`` layer of type ``kind`` (the page never counts positions in the network)."""
    return [layer for layer in model if isinstance(layer, kind)][nth]


def stage_of(inside: Inside, kind, nth: int = 0) -> np.ndarray:
    return [s.output for s in inside.stages if isinstance(s.layer, kind)][nth]


def weights_html(snap: Snapshot) -> str:
    loss = f", mean loss {snap.loss:.4f}" if snap.loss is not None else ""
    return (f"<b>w1</b> (3×3 conv kernel)<br>{matrix_html(snap.w1)}<br><br>"
            f"<b>w2</b> (1×4 FC weights)<br>{matrix_html(snap.w2)}<br><br>"
            f"epoch {snap.epoch}{loss}")


def stages_html(snap: Snapshot, sample: int) -> str:
    """Forward, stage by stage, in two rows that fit a laptop screen: x → conv → sigmoid, then
    max-pool → FC → ŷ and the loss."""
    inside = snap.inside
    conv, sig = stage_of(inside, Conv2d), stage_of(inside, Sigmoid)
    flat, fc = stage_of(inside, Flatten), stage_of(inside, Linear)
    y_hat = float(stage_of(inside, Sigmoid, 1)[0])
    marks = np.zeros((4, 4), bool)
    for (i, j), k in np.ndenumerate(snap.winners):
        marks[2 * i + k // 2, 2 * j + k % 2] = True
    rows = [[("① input x (6×6)", matrix_html(inside.input[0], digits=2)),
             ("② conv: x ⋆ w1 (4×4)", matrix_html(conv[0], digits=2)),
             ("③ sigmoid (4×4); orange: each 2×2 window's max",
              matrix_html(sig[0], marks=marks, digits=2))],
            [("④ max-pool 2×2 → flatten (1×4)", matrix_html(flat[None], digits=3)),
             ("⑤ FC: w2 · flat", f"<b>{float(fc[0]):.4f}</b>"),
             ("⑥ ŷ = sigmoid(FC)", f"<b>{y_hat:.4f}</b><br>loss ½(1 − ŷ)² = "
                                 f"<b>{0.5 * (1 - y_hat) ** 2:.4f}</b>")]]
    table = "".join(
        "<tr>" + "".join(f"<td valign='top' style='padding: 4px 12px'><b>{title}</b><br>{body}"
                         "</td>" for title, body in row) + "</tr>" for row in rows)
    return (f"<b>Sample {sample}, stage by stage</b> (target y = 1)"
            f"<table>{table}</table>")
