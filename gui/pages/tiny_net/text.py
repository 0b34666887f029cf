"""The tiny network's numbers as HTML: its weights and every stage for one sample, in the current
language."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.backprop import BackwardTerms
from core.inside import Inside
from core.layers import Conv2d, Flatten, Linear, Sigmoid
from gui.tr import translate
from gui.widgets.matrix_table import matrix_html


class Snapshot(NamedTuple):
    """Copies made where the model lives: the weights and every stage for one sample."""

    epoch: int
    loss: float | None
    w1: np.ndarray        # (3, 3) the convolution's kernel
    w2: np.ndarray        # (1, 4) the fully connected layer's weights
    inside: Inside        # every stage for the sample
    winners: np.ndarray   # (2, 2) position of the max inside each pooling window (i·2 + j)
    terms: BackwardTerms  # the chain rule for the sample, term by term
    layers_grads: tuple   # (∂E/∂w1, ∂E/∂w2) as the layers' own backward computes them


def _cells(array, **options) -> str:
    """Compact tables: the forward and backward passes side by side on a laptop screen."""
    return matrix_html(array, compact=True, **options)


def layer_of(model, kind, nth: int = 0):
    """The ``nth`` layer of type ``kind`` (the page never counts positions in the network)."""
    return [layer for layer in model if isinstance(layer, kind)][nth]


def stage_of(inside: Inside, kind, nth: int = 0) -> np.ndarray:
    return [s.output for s in inside.stages if isinstance(s.layer, kind)][nth]


class Update(NamedTuple):
    """What the last run did to the weights: w ← w − η·∂E/∂w at each of its SGD steps."""

    steps: int           # SGD steps (one per sample and epoch)
    lr: float
    w1: np.ndarray       # (3, 3) after − before
    w2: np.ndarray       # (1, 4)


def weights_html(snap: Snapshot) -> str:
    loss = translate("TinyNetPage", ", mean loss {loss}").format(loss=f"{snap.loss:.4f}") \
        if snap.loss is not None else ""
    return translate("TinyNetPage", "<b>w1</b> (3×3 conv kernel)<br>{w1}<br><br><b>w2</b> (1×4 "
                                    "FC weights)<br>{w2}<br><br>epoch {epoch}{loss}").format(
        w1=_cells(snap.w1), w2=_cells(snap.w2), epoch=snap.epoch, loss=loss)


def update_html(update: Update | None) -> str:
    """(h): how far the last run moved the weights."""
    if update is None:
        return (translate("TinyNetPage", "(h) the update"),
                translate("TinyNetPage", "Train or Step one epoch: each SGD step does w ← w − "
                                         "η·∂E/∂w; the change of w1 and w2 shows here."))
    steps = (translate("TinyNetPage", "(h) the last run: {steps} step of w ← w − {lr}·∂E/∂w")
             if update.steps == 1 else
             translate("TinyNetPage", "(h) the last run: {steps} steps of w ← w − {lr}·∂E/∂w"))
    return (steps.format(steps=update.steps, lr=f"{update.lr:g}"),
            translate("TinyNetPage", "w1 changed by {w1}w2 by {w2}").format(
                w1=_cells(update.w1, digits=2), w2=_cells(update.w2, digits=2)))


def winner_marks(winners: np.ndarray) -> np.ndarray:
    """(4, 4) True at each 2×2 window's max, from the pool's winner positions (i·2 + j)."""
    marks = np.zeros((4, 4), bool)
    for (i, j), k in np.ndenumerate(winners):
        marks[2 * i + k // 2, 2 * j + k % 2] = True
    return marks


def _table(rows) -> str:
    return "<table>" + "".join(
        "<tr>" + "".join(f"<td valign='top' style='padding: 3px 4px'><b>{title}</b><br>{body}"
                         "</td>" for title, body in row) + "</tr>" for row in rows) + "</table>"


def stages_html(snap: Snapshot, sample: int) -> str:
    """Forward, stage by stage, in two rows that fit a laptop screen: x → conv → sigmoid, then
    max-pool → FC → ŷ and the loss."""
    inside = snap.inside
    conv, sig = stage_of(inside, Conv2d), stage_of(inside, Sigmoid)
    flat, fc = stage_of(inside, Flatten), stage_of(inside, Linear)
    y_hat = float(stage_of(inside, Sigmoid, 1)[0])
    marks = winner_marks(snap.winners)
    rows = [[(translate("TinyNetPage", "① input x (6×6)"), _cells(inside.input[0], digits=2)),
             ("② conv: x ⋆ w1 (4×4)", _cells(conv[0], digits=2)),
             (translate("TinyNetPage", "③ sigmoid (4×4); orange: each 2×2 window's max"),
              _cells(sig[0], marks=marks, digits=2))],
            [("④ max-pool 2×2 → flatten (1×4)", _cells(flat[None], digits=3)),
             ("⑤ FC: w2 · flat", f"<b>{float(fc[0]):.4f}</b>"),
             ("⑥ ŷ = sigmoid(FC)", translate("TinyNetPage", "<b>{y_hat}</b><br>loss ½(1 − ŷ)² = "
                                                            "<b>{loss}</b>").format(
                 y_hat=f"{y_hat:.4f}", loss=f"{0.5 * (1 - y_hat) ** 2:.4f}"))]]
    return translate("TinyNetPage", "<b>Forward: sample {sample}, stage by stage</b> (target y = "
                                    "1){table}").format(sample=sample, table=_table(rows))


def backward_html(snap: Snapshot, update: Update | None = None) -> str:
    """The chain rule back from the loss to w1, each term with its numbers, and how far the
    layers' own backward is from them."""
    t = snap.terms
    rows = [[(translate("TinyNetPage", "(a) at the output"),
              f"ŷ − y = {t.y_hat:.4f} − 1 = <b>{t.error:.4f}</b><br>"
              f"σ′ = ŷ(1 − ŷ) = <b>{t.output_slope:.4f}</b><br>"
              f"δ = (ŷ − y)·σ′ = <b>{t.delta_output:.4f}</b>"),
             ("(b) ∂E/∂w2 = δ · ④ (1×4)", _cells(t.grad_w2, digits=3)),
             (translate("TinyNetPage", "(c) back through w2: δ · w2"),
              _cells(t.delta_pooled[None], digits=3))],
            [(translate("TinyNetPage", "(d) max-unpool (c): only winners get it"),
              _cells(t.unpooled, marks=winner_marks(snap.winners), digits=2)),
             ("(e) σ′(conv) = ③ · (1 − ③)", _cells(t.conv_slope, digits=2)),
             (translate("TinyNetPage", "(f) error map δ1 = (d) ⊙ (e)"),
              _cells(t.delta_conv, digits=2))]]
    differences = [np.abs(np.asarray(a) - b).max()
                   for a, b in zip(snap.layers_grads, (t.grad_w1, t.grad_w2))]
    last = [[("(g) ∂E/∂w1 = x ⋆ δ1 (3×3)", _cells(t.grad_w1, digits=3)),
             ("", translate("TinyNetPage", "the input ① correlated with the error map (f): the "
                                           "weight gradient of a convolution is itself a "
                                           "convolution.<br>The layers' own backward gives the "
                                           "same ∂E/∂w1 and ∂E/∂w2 (largest difference "
                                           "{difference}).").format(
                 difference=f"{max(differences):.1e}")),
             update_html(update)]]
    return (translate("TinyNetPage", "<b>Backward: the chain rule from the loss E = ½(y − ŷ)² "
                                     "back to w1</b>") + _table(rows) + _table(last))
