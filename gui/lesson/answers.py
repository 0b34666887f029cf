"""The answers to the lesson's check questions, computed by the core (never typed in the data).

Each function takes the window's pages (for questions about what a page shows) and the question's
arguments, and returns the answer with the extra values its explanation quotes: for numbers
``(value, extras)``, for cells ``(grid, mask, extras)`` — the values to show and the cells that
are right.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core import functional as F
from core.layers import Conv2d, Linear, MaxPool2d, Sigmoid
from core.train import DEFAULTS, EpochEvent, shallow_trainer


def _params(layer) -> int:
    return sum(p.data.size for p in layer.parameters())


def conv_params(pages, channels: int, out_channels: int, kernel: int):
    return _params(Conv2d(channels, out_channels, kernel)), {}


def linear_params(pages, inputs: int, outputs: int):
    return _params(Linear(inputs, outputs)), {}


def conv_output_size(pages, size: int, kernel: int, padding: int, stride: int):
    return F.conv_output_size(size, kernel, stride, padding), {}


def conv_macs(pages, size: int, channels: int, out_channels: int, kernel: int, padding: int,
              stride: int):
    layer = Conv2d(channels, out_channels, kernel, stride=stride, padding=padding)
    return layer.macs((channels, size, size)), {}


def im2col_columns(pages, size: int, kernel: int, padding: int, stride: int):
    side = F.conv_output_size(size, kernel, stride, padding)
    return side * side, {"side": side, "rows": kernel * kernel}


def padding_cells(pages, size: int, kernel: int, padding: int, row: int, col: int):
    """How many cells of the window at output (row, col) (stride 1) lie in the padding."""
    rows, cols = np.arange(row, row + kernel), np.arange(col, col + kernel)

    def outside(cells):
        return (cells < padding) | (cells >= padding + size)

    count = int(np.sum(outside(rows)[:, None] | outside(cols)[None, :]))
    return count, {"rows": f"{rows[0]}–{rows[-1]}", "cols": f"{cols[0]}–{cols[-1]}",
                   "last": size + 2 * padding - 1}


def sigmoid_slope(pages, x: float):
    layer = Sigmoid()
    layer.forward(np.array([[x]]))
    return float(layer.backward(np.ones((1, 1)))[0, 0]), {}


def tiny_trained_loss(pages, seed: int, epochs: int):
    """The mean loss of the last epoch when the tiny network trains from this start."""
    trainer = shallow_trainer(replace(DEFAULTS["shallow"], seed=seed, epochs=epochs))
    losses = [e.train_loss for e in trainer.run() if isinstance(e, EpochEvent)]
    return losses[-1], {"first": losses[0]}


def _winners(values: np.ndarray):
    """The cells of a (H, W) map that max pooling 2×2 / 2 sends gradient to, by the core's own
    backward (ones arriving at every output)."""
    pool = MaxPool2d(2, 2)
    out = pool.forward(values[None, None].astype(np.float64))
    mask = pool.backward(np.ones_like(out))[0, 0] != 0
    cells = ", ".join(f"{values[r, c]:.3g}" for r, c in zip(*np.nonzero(mask)))
    return mask, {"winners": cells}


def max_pool_winners(pages, seed: int):
    values = np.random.default_rng(seed).permutation(16).reshape(4, 4) + 1.0
    mask, extras = _winners(values)
    return values, mask, extras


def tiny_winners(pages):
    """The tiny-network page's sigmoid outputs for its shown sample, and their winners."""
    inside = pages.page("tiny_net").shown.inside
    values = next(s.output[0] for s in inside.stages if isinstance(s.layer, Sigmoid))
    mask, extras = _winners(values)
    return values, mask, extras


ANSWERS = {f.__name__: f for f in (conv_params, linear_params, conv_output_size, conv_macs,
                                   im2col_columns, padding_cells, sigmoid_slope,
                                   tiny_trained_loss, max_pool_winners, tiny_winners)}
