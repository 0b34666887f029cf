"""The answers to the lesson's check questions, computed by the core (never typed in the data).

Each function takes the window's pages (for questions about what a page shows) and the
question's arguments, and returns the answer with the extra values its explanation quotes: for
numbers ``(value, extras)``, for choices ``(option index, extras)``, for cells ``(grid, mask,
extras)`` — the values to show and the cells that are right. A function that cannot answer yet
(nothing trained, say) raises ValueError saying why.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core import functional as F
from core.layers import Conv2d, Linear, MaxPool2d, Sigmoid
from core.train import DEFAULTS, EpochEvent, shallow_trainer
from gui.tr import QT_TRANSLATE_NOOP


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


def border_positions(pages, size: int, kernel: int, padding: int, stride: int = 1):
    """How many output positions read at least one padding cell: those whose window is not
    wholly inside the input (counted window by window)."""
    side = F.conv_output_size(size, kernel, stride, padding)
    starts = np.arange(side) * stride - padding  # each window's first row (or column)
    inside = (starts >= 0) & (starts + kernel <= size)
    return side * side - int(inside.sum()) ** 2, {"side": side, "inner": int(inside.sum())}


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


def pooling_winners(pages):
    """The pooling page's input and the cells its max pooling sends gradient to, by the core's
    own backward of the page's layer (the page's window, stride and padding)."""
    from gui.pages.pooling import pool_layer

    shown = pages.page("pooling").shown
    if shown is None or shown.error or shown.config.mode != "max":
        raise ValueError("the pooling page shows no max pooling")
    layer = pool_layer(shown.config)
    out = layer.forward(shown.x)
    mask = layer.backward(np.ones_like(out))[0, 0] != 0
    values = shown.x[0, 0]
    return values, mask, {"winners": ", ".join(f"{values[r, c]:.2f}"
                                               for r, c in zip(*np.nonzero(mask)))}


def relu_zeros(pages):
    """The share (%) of the activation page's feature-map values that ReLU turns into 0."""
    shown = pages.page("activations").shown
    if shown is None or shown.name != "relu":
        raise ValueError("the activations page does not apply ReLU")
    return 100 * shown.zeros, {"count": f"{shown.count:,}"}


LOSS_BANDS = (0.1, 0.9, 1.1)  # last/first mean loss: below a tenth, to nine tenths, unchanged


def tiny_loss_band(pages, seed: int, epochs: int):
    """Which band the tiny network's mean loss ends in after ``epochs`` from this start, by
    training it (as the page will): an option index of the prediction question."""
    loss, extras = tiny_trained_loss(pages, seed, epochs)
    ratio = loss / extras["first"]
    return int(np.searchsorted(LOSS_BANDS, ratio)), {"first": f"{extras['first']:.3f}",
                                                      "last": f"{loss:.3f}",
                                                      "ratio": f"{ratio:.2f}"}


def lenet_confusion(pages, pairs: list):
    """Which of ``pairs`` (class index pairs) the LeNet-5 page's last epoch confused most, both
    ways counted: an option index of the prediction question."""
    page = pages.page("lenet")
    if page.busy:
        raise ValueError("still training: the panel compares when training ends")
    epoch = page.session.last_epoch
    if epoch is None or epoch.confusion is None:
        raise ValueError("no epoch trained yet: press Start and wait for the first epoch")
    confusion = epoch.confusion
    counts = [int(confusion[a, b] + confusion[b, a]) for a, b in pairs]
    best = int(np.argmax(counts))
    return best, {"count": counts[best], "epoch": epoch.epoch}


def tiny_winners(pages):
    """The tiny-network page's sigmoid outputs for its shown sample, and their winners."""
    inside = pages.page("tiny_net").shown.inside
    values = next(s.output[0] for s in inside.stages if isinstance(s.layer, Sigmoid))
    mask, extras = _winners(values)
    return values, mask, extras


ANSWERS = {f.__name__: f for f in (conv_params, linear_params, conv_output_size, conv_macs,
                                   border_positions, im2col_columns, padding_cells, sigmoid_slope,
                                   tiny_trained_loss, max_pool_winners, tiny_winners,
                                   pooling_winners, relu_zeros, tiny_loss_band,
                                   lenet_confusion)}


# Typical wrong numbers and what each says about the working: (answer function) -> a function of
# the question's arguments giving [(wrong value, what went wrong), …]. A first miss that matches
# one is told which part was wrong; the texts never hold the answer.
PADDING_ONCE = QT_TRANSLATE_NOOP("Lesson", "You counted the padding once: it goes on both sides, "
                                 "2·pad.")
NO_PLUS_ONE = QT_TRANSLATE_NOOP("Lesson", "You left out the + 1: the first position counts "
                                "too.")
NO_STRIDE = QT_TRANSLATE_NOOP("Lesson", "You left out the stride: the window moves {stride} "
                              "cells at a time, so divide by it (rounding down).")
NO_BIAS = QT_TRANSLATE_NOOP("Lesson", "You left out the biases: one per output.")
NO_CHANNELS = QT_TRANSLATE_NOOP("Lesson", "Each kernel spans all {channels} input channels.")
NO_OUTPUTS = QT_TRANSLATE_NOOP("Lesson", "There are {out_channels} output maps, each with its "
                               "own kernel.")
ONE_SIDE = QT_TRANSLATE_NOOP("Lesson", "That is one side of the output; count every position, "
                             "OH·OW.")
ROWS = QT_TRANSLATE_NOOP("Lesson", "That is the number of rows (one per kernel cell); the "
                         "columns are the output positions.")
INNER = QT_TRANSLATE_NOOP("Lesson", "That counts the positions whose window holds only real "
                          "cells; the question asks for the others.")


def _mistakes_size(size, kernel, padding, stride):
    return [((size - kernel + padding) // stride + 1, PADDING_ONCE),
            ((size - kernel + 2 * padding) // stride, NO_PLUS_ONE),
            (size - kernel + 2 * padding + 1, NO_STRIDE)]


def _mistakes_macs(size, channels, out_channels, kernel, padding, stride):
    side = F.conv_output_size(size, kernel, stride, padding)
    return [(kernel * kernel * out_channels * side * side, NO_CHANNELS),
            (kernel * kernel * channels * side * side, NO_OUTPUTS),
            (kernel * kernel * channels * out_channels * side, ONE_SIDE)]


def _mistakes_columns(size, kernel, padding, stride):
    side = F.conv_output_size(size, kernel, stride, padding)
    return [(side, ONE_SIDE), (kernel * kernel, ROWS),
            (((size - kernel + padding) // stride + 1) ** 2, PADDING_ONCE)]


MISTAKES = {
    "conv_output_size": _mistakes_size,
    "conv_params": lambda channels, out_channels, kernel: [
        (kernel * kernel * channels * out_channels, NO_BIAS),
        (kernel * kernel * out_channels + out_channels, NO_CHANNELS)],
    "linear_params": lambda inputs, outputs: [(inputs * outputs, NO_BIAS)],
    "conv_macs": _mistakes_macs,
    "im2col_columns": _mistakes_columns,
    "border_positions": lambda size, kernel, padding, stride=1: [
        (border_positions(None, size, kernel, padding, stride)[1]["inner"] ** 2, INNER)],
}


def mistake(name: str, args: dict, given: float, answer: float) -> str:
    """What a wrong ``given`` says about the working (a source text, formatted with ``args``),
    or "" when it matches no typical mistake (or happens to be right)."""
    if name not in MISTAKES or given == answer:
        return ""
    for value, text in MISTAKES[name](**args):
        if value == given and value != answer:
            return text
    return ""
