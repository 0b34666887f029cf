"""Practice: endless variants of the lesson's questions, each answered by the core.

``generate(concept, rng)`` draws fresh numbers for one concept and returns a ``Question`` whose
answer the core computes (``core.functional``, ``core.layers``, ``core.losses``, ``core.optim``);
nothing here types an answer or re-derives a formula the core owns. Each question carries the two
texts of the lesson's feedback rule (issue 20): ``hint`` for a first miss — the rule with these
numbers, the result left out — and ``worked`` for a second miss or a right answer, which ends
with "= <answer>". ``mistakes`` names typical wrong numbers and the step each one shows was
missed ("you counted the padding once"), for a first miss that matches one.

A hint never holds the answer: no number written in it (nor in a mistake's text, nor in a wrong
option's "why") would be accepted as the answer (``gives_away``). The few configurations where
one would — a 'same' padding whose OH equals H, tanh′(0) = 1 beside the "1 −" of the rule, an
index equal to the gradient asked for — are drawn again, and ``variant_count`` leaves them out.

Qt-free: every text is a ``gui.tr.Words`` marked with QT_TRANSLATE_NOOP, said in the current
language when shown; numbers are formatted into its fields ("1,444", "0.25", "−3").
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

import numpy as np

from core import functional as F
from core.layers import (
    AvgPool2d,
    Conv2d,
    LeakyReLU,
    Linear,
    MaxPool2d,
    Parameter,
    ReLU,
    Sigmoid,
    Tanh,
)
from core.losses import MSELoss
from core.optim import SGD
from gui.tr import QT_TRANSLATE_NOOP, Words

CONTEXT = "Practice"
EMPTY = Words(CONTEXT, "")
PLAIN = "{value}"  # an option that is just a number: nothing to translate, so not marked
_ATTEMPTS = 1000   # draws before generate() gives up (a clean variant comes within a few)


def say(source: str, **fields) -> Words:
    """A text in the context "Practice" (``source`` marked at the call site)."""
    return Words(CONTEXT, source, fields)


class Question(NamedTuple):
    """One practice question, with everything the panel needs to ask, check and explain it.

    ``answer`` is a number (kind "number", right within ``tolerance``), an index into
    ``options`` (kind "choice"), or a bool mask the shape of ``grid`` (kind "cells").
    ``given`` holds the numbers the question is about (sizes, arrays), named as in its texts.
    """

    concept: str
    kind: str                     # "number" | "choice" | "cells"
    prompt: Words
    answer: object
    tolerance: float = 0.0        # numbers: |given − answer| ≤ tolerance is right
    hint: Words = EMPTY           # first miss: the rule with these numbers, never the answer
    worked: Words = EMPTY         # second miss or right: the working, ending "= <answer>"
    options: tuple = ()           # choice: Words each
    why: tuple = ()               # choice: Words per option, why it is or is not right
    grid: object = None           # cells: the (H, W) values shown for clicking
    mistakes: tuple = ()          # number: (value, Words) — a typical wrong number, what it missed
    given: dict = {}              # the question's numbers, for a page to show or a test to check


def is_right(question: Question, given) -> bool:
    """Whether the learner's ``given`` (a number, an option index or a bool mask) is right."""
    if given is None:
        return False
    if question.kind == "number":
        # the tiny margin: a value halfway between two roundings is right both ways
        return abs(float(given) - float(question.answer)) <= question.tolerance + 1e-9
    if question.kind == "choice":
        return int(given) == question.answer
    return np.array_equal(np.asarray(given, bool), question.answer)


def mistake(question: Question, given) -> Words | None:
    """What a wrong number shows was missed, when it is one of the typical mistakes."""
    if question.kind != "number" or given is None or is_right(question, given):
        return None
    for value, text in question.mistakes:
        if abs(float(given) - value) <= question.tolerance + 1e-9:
            return text
    return None


# --------------------------------------------------------------------------- numbers in texts

# A number standing on its own: "144", "1,444", "0.25" — not the 2 of "2p", nor a digit in a name.
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|(?<![\w.,])\d+(?:\.\d+)?(?!\w)")


def numbers_in(text: str) -> list[float]:
    """Every number written in ``text``, without its sign."""
    return [float(token.replace(",", "")) for token in _NUMBER.findall(text)]


def _says(text: str, value: float, tolerance: float) -> bool:
    """Whether a number written in ``text`` would be accepted as ``value`` (sign aside)."""
    return any(abs(n - abs(value)) <= tolerance + 1e-9 for n in numbers_in(text))


def gives_away(question: Question) -> bool:
    """Whether a text shown before the answer is revealed holds the answer: the hint, a
    mistake's explanation, or the "why" of a wrong option."""
    if question.kind == "number":
        secrets = [(float(question.answer), question.tolerance)]
    elif question.kind == "choice":
        secrets = [(n, 0.0) for n in numbers_in(str(question.options[question.answer]))]
    else:
        secrets = [(float(v), 0.0) for v in np.asarray(question.grid)[question.answer]]
    texts = [str(question.hint)] + [str(text) for _, text in question.mistakes]
    texts += [str(why) for index, why in enumerate(question.why) if index != question.answer]
    return any(_says(text, value, tol) for text in texts for value, tol in secrets)


def number(value, decimals: int | None = None) -> str:
    """A number as the panel writes it: "1,444", "0.25", "−3" (a true minus sign); with
    ``decimals``, rounded to that many."""
    value = float(value)
    if decimals is not None:
        value = round(value, decimals)
        text = f"{value:,.{decimals}f}"
    elif value.is_integer():
        text = f"{int(value):,}"
    else:
        text = np.format_float_positional(round(value, 10), trim="-")
    if value == 0:
        text = text.lstrip("-")
    return text.replace("-", "−")


def _paren(value) -> str:
    """A factor in a product: negative numbers in brackets, "2·(−3)"."""
    return f"({number(value)})" if value < 0 else number(value)


def vector(values) -> str:
    return "[" + ", ".join(number(v) for v in np.ravel(values)) + "]"


def matrix(values) -> str:
    return "[" + ", ".join(vector(row) for row in np.asarray(values)) + "]"


def _products(pairs) -> str:
    """"2·(−1) + 3·2": the terms of a sum of products, as the worked answers write them."""
    return " + ".join(f"{_paren(a)}·{_paren(b)}" for a, b in pairs)


def _mistakes(answer, tolerance, *candidates) -> tuple:
    """(value, Words) for each candidate wrong value that would not be accepted as the answer,
    the first of values the checker could not tell apart kept; ``None`` values (the mistake
    cannot happen here) left out."""
    kept = []
    for value, text in candidates:
        if value is None or abs(value - answer) <= tolerance + 1e-9:
            continue
        if all(abs(value - other) > tolerance + 1e-9 for other, _ in kept):
            kept.append((float(value), text))
    return tuple(kept)


def _core(function, *args):
    """``function(*args)``, or None where the core refuses the configuration."""
    try:
        return function(*args)
    except ValueError:
        return None


# --------------------------------------------------------------------------- output sizes


def _conv_output_size(h, k, p, s, d):
    if k == 1 and d > 1:  # a single tap has no spacing: the same question as d = 1
        return None
    oh = _core(F.conv_output_size, h, k, s, p, d)
    if oh is None:
        return None
    span = h + 2 * p - d * (k - 1) - 1
    wrong = [
        (_core(F.conv_output_size, h + p, k, s, 0, d), say(QT_TRANSLATE_NOOP(
            "Practice", "You counted the padding once: it is added on both sides, 2p."))),
        (_core(F.conv_output_size, h, k, s, 0, d) if p else None, say(QT_TRANSLATE_NOOP(
            "Practice", "You left out the padding: add 2p to H."))),
        (_core(F.conv_output_size, h, k, s, p, 1) if d > 1 else None, say(QT_TRANSLATE_NOOP(
            "Practice", "You left out the dilation: the kernel spans d·(K − 1) + 1 cells."))),
        (_core(F.conv_output_size, h, k, 1, p, d) if s > 1 else None, say(QT_TRANSLATE_NOOP(
            "Practice", "You left out the stride: the window moves s cells at a time, so "
                        "divide by s and round down."))),
        (oh - 1, say(QT_TRANSLATE_NOOP(
            "Practice", "Count the window's first position too: add 1 after the division."))),
    ]
    return Question(
        "conv_output_size", "number",
        say(QT_TRANSLATE_NOOP("Practice", "A convolution with a kernel of {k}×{k}, padding {p}, "
                                          "stride {s} and dilation {d} reads an input of "
                                          "{h}×{h}. What is the output height OH?"),
            h=h, k=k, p=p, s=s, d=d),
        oh,
        hint=say(QT_TRANSLATE_NOOP("Practice", "OH = (H + 2p − d·(K − 1) − 1) // s + 1 with "
                                               "H = {h}, p = {p}, d = {d}, K = {k}, s = {s}."),
                 h=h, p=p, d=d, k=k, s=s),
        worked=say(QT_TRANSLATE_NOOP("Practice", "OH = ({h} + 2·{p} − {d}·({k} − 1) − 1) // {s}"
                                                 " + 1 = {span} // {s} + 1 = {oh}"),
                   h=h, p=p, d=d, k=k, s=s, span=number(span), oh=number(oh)),
        mistakes=_mistakes(oh, 0.0, *wrong),
        given={"h": h, "k": k, "p": p, "s": s, "d": d})


POOLS = {"max": (MaxPool2d, QT_TRANSLATE_NOOP("Practice", "Max pooling")),
         "avg": (AvgPool2d, QT_TRANSLATE_NOOP("Practice", "Average pooling"))}


def _pool_output_size(h, k, s, p, mode):
    layer = _core(POOLS[mode][0], k, s, p)  # the core refuses padding over half the window
    shape = None if layer is None else _core(layer.output_shape, (1, h, h))
    if shape is None:
        return None
    oh = shape[1]
    wrong = [
        (_core(F.conv_output_size, h + p, k, s, 0), say(QT_TRANSLATE_NOOP(
            "Practice", "You counted the padding once: it is added on both sides, 2p."))),
        (_core(F.conv_output_size, h, k, s, 0) if p else None, say(QT_TRANSLATE_NOOP(
            "Practice", "You left out the padding: add 2p to H."))),
        (h // 2, say(QT_TRANSLATE_NOOP(
            "Practice", "Pooling halves the map only when window and stride are both two and "
                        "there is no padding: use the formula."))),
        (oh - 1, say(QT_TRANSLATE_NOOP(
            "Practice", "Count the window's first position too: add 1 after the division."))),
    ]
    return Question(
        "pool_output_size", "number",
        say(QT_TRANSLATE_NOOP("Practice", "{pool} with a window of {k}×{k}, stride {s} and "
                                          "padding {p} runs over a feature map of {h}×{h}. What"
                                          " is the output height OH?"),
            pool=say(POOLS[mode][1]), k=k, s=s, p=p, h=h),
        oh,
        hint=say(QT_TRANSLATE_NOOP("Practice", "Pooling slides its window as a convolution does:"
                                               " OH = (H + 2p − K) // s + 1 with H = {h}, "
                                               "p = {p}, K = {k}, s = {s}."),
                 h=h, p=p, k=k, s=s),
        worked=say(QT_TRANSLATE_NOOP("Practice", "OH = ({h} + 2·{p} − {k}) // {s} + 1 = {span} "
                                                 "// {s} + 1 = {oh}"),
                   h=h, p=p, k=k, s=s, span=number(h + 2 * p - k), oh=number(oh)),
        mistakes=_mistakes(oh, 0.0, *wrong),
        given={"h": h, "k": k, "s": s, "p": p, "mode": mode})


# --------------------------------------------------------------------------- parameters, MACs


def _conv_params(c, oc, k, bias):
    count = F.conv2d_params(c, oc, k, bias)
    wrong = [
        (F.conv2d_params(c, oc, k, False) if bias else None, say(QT_TRANSLATE_NOOP(
            "Practice", "You left out the biases: one per output channel."))),
        (F.conv2d_params(1, oc, k, bias) if c > 1 else None, say(QT_TRANSLATE_NOOP(
            "Practice", "Each kernel reads every input channel: multiply by C too."))),
        (F.conv2d_params(c, oc, (k, 1), bias) if k > 1 else None, say(QT_TRANSLATE_NOOP(
            "Practice", "A K×K kernel holds K·K weights per channel."))),
    ]
    fields = {"c": c, "oc": oc, "k": k}
    if bias:
        prompt = QT_TRANSLATE_NOOP("Practice", "A convolution maps {c} input channels to {oc} "
                                               "output channels with {k}×{k} kernels and a bias "
                                               "per output channel. How many learnable "
                                               "parameters does it have?")
        hint = QT_TRANSLATE_NOOP("Practice", "Parameters = OC·C·KH·KW + OC (one bias per "
                                             "kernel) with OC = {oc}, C = {c}, KH = KW = {k}.")
        worked = QT_TRANSLATE_NOOP("Practice", "Parameters = {oc}·{c}·{k}·{k} + {oc} = {count}")
    else:
        prompt = QT_TRANSLATE_NOOP("Practice", "A convolution maps {c} input channels to {oc} "
                                               "output channels with {k}×{k} kernels and no "
                                               "bias. How many learnable parameters does it "
                                               "have?")
        hint = QT_TRANSLATE_NOOP("Practice", "Parameters = OC·C·KH·KW (no bias) with OC = {oc},"
                                             " C = {c}, KH = KW = {k}.")
        worked = QT_TRANSLATE_NOOP("Practice", "Parameters = {oc}·{c}·{k}·{k} = {count}")
    return Question("conv_params", "number", say(prompt, **fields), count,
                    hint=say(hint, **fields), worked=say(worked, count=number(count), **fields),
                    mistakes=_mistakes(count, 0.0, *wrong),
                    given={"c": c, "oc": oc, "k": k, "bias": bias})


def _linear_params(n_in, n_out, bias):
    count = F.linear_params(n_in, n_out, bias)
    wrong = [
        (F.linear_params(n_in, n_out, False) if bias else None, say(QT_TRANSLATE_NOOP(
            "Practice", "You left out the biases: one per output."))),
        (F.linear_params(n_in, n_out, False) + n_in if bias else None, say(QT_TRANSLATE_NOOP(
            "Practice", "There is one bias per output, not one per input."))),
    ]
    fields = {"n_in": number(n_in), "n_out": number(n_out)}
    if bias:
        prompt = QT_TRANSLATE_NOOP("Practice", "A fully connected layer maps {n_in} inputs to "
                                               "{n_out} outputs, with a bias per output. How "
                                               "many learnable parameters does it have?")
        hint = QT_TRANSLATE_NOOP("Practice", "Parameters = OUT·IN + OUT (one bias per output) "
                                             "with IN = {n_in}, OUT = {n_out}.")
        worked = QT_TRANSLATE_NOOP("Practice", "Parameters = {n_out}·{n_in} + {n_out} = {count}")
    else:
        prompt = QT_TRANSLATE_NOOP("Practice", "A fully connected layer maps {n_in} inputs to "
                                               "{n_out} outputs, with no bias. How many "
                                               "learnable parameters does it have?")
        hint = QT_TRANSLATE_NOOP("Practice", "Parameters = OUT·IN (no bias) with IN = {n_in}, "
                                             "OUT = {n_out}.")
        worked = QT_TRANSLATE_NOOP("Practice", "Parameters = {n_out}·{n_in} = {count}")
    return Question("linear_params", "number", say(prompt, **fields), count,
                    hint=say(hint, **fields), worked=say(worked, count=number(count), **fields),
                    mistakes=_mistakes(count, 0.0, *wrong),
                    given={"n_in": n_in, "n_out": n_out, "bias": bias})


def _conv_macs(h, c, oc, k, p, s, n):
    macs = _core(F.conv2d_macs, (n, c, h, h), (oc, c, k, k), s, p)
    if macs is None:
        return None
    oh = F.conv_output_size(h, k, s, p)
    wrong = [
        (F.conv_macs(k, c, oc, oh, 1) if n > 1 else None, say(QT_TRANSLATE_NOOP(
            "Practice", "Every image of the batch costs as much again: multiply by N."))),
        (F.conv_macs(k, 1, oc, oh, n) if c > 1 else None, say(QT_TRANSLATE_NOOP(
            "Practice", "Each output value sums over all C input channels: multiply by C."))),
        (F.conv_macs(k, c, oc, h, n) if oh != h else None, say(QT_TRANSLATE_NOOP(
            "Practice", "Count output positions, OH·OW, not input pixels."))),
    ]
    return Question(
        "conv_macs", "number",
        say(QT_TRANSLATE_NOOP("Practice", "A batch of {n} images of {c}×{h}×{h} (C×H×W) goes "
                                          "through {oc} kernels of {c}×{k}×{k}, padding {p}, "
                                          "stride {s}. How many multiply-accumulates (MACs) "
                                          "does the convolution take?"),
            n=n, c=c, h=h, oc=oc, k=k, p=p, s=s),
        macs,
        hint=say(QT_TRANSLATE_NOOP("Practice", "MACs = KW·KH·C·OC·OW·OH·N, where OH = OW = "
                                               "(H + 2p − K) // s + 1; here N = {n}, C = {c}, "
                                               "H = {h}, OC = {oc}, K = {k}, p = {p}, s = {s}."),
                 n=n, c=c, h=h, oc=oc, k=k, p=p, s=s),
        worked=say(QT_TRANSLATE_NOOP("Practice", "OH = OW = ({h} + 2·{p} − {k}) // {s} + 1 = "
                                                 "{oh}; MACs = {k}·{k}·{c}·{oc}·{oh}·{oh}·{n} = "
                                                 "{macs}"),
                   h=h, p=p, k=k, s=s, oh=oh, c=c, oc=oc, n=n, macs=number(macs)),
        mistakes=_mistakes(macs, 0.0, *wrong),
        given={"h": h, "c": c, "oc": oc, "k": k, "p": p, "s": s, "n": n})


# --------------------------------------------------------------------------- padding and im2col


def _padding_reads(h, k, p):
    if p >= k:  # a window could then lie wholly in the padding: not what the lesson shows
        return None
    cols = _core(F.im2col, np.ones((1, 1, h, h)), k, 1, p)
    if cols is None:
        return None
    reads = int((cols[0] == 0).any(axis=0).sum())  # a column holding a 0 read the padding
    oh = F.conv_output_size(h, k, 1, p)
    inside = F.conv_output_size(h, k) if k <= h else 0
    wrong = [
        (inside * inside, say(QT_TRANSLATE_NOOP(
            "Practice", "That counts the windows wholly inside the image; the question asks "
                        "for the others."))),
        (oh * oh, say(QT_TRANSLATE_NOOP(
            "Practice", "That is every position; take away the windows that stay inside the "
                        "image."))),
    ]
    return Question(
        "padding_reads", "number",
        say(QT_TRANSLATE_NOOP("Practice", "A kernel of {k}×{k} slides with stride 1 over an "
                                          "input of {h}×{h}, padded by {p} on every side. How "
                                          "many output positions read at least one padding "
                                          "cell?"),
            k=k, h=h, p=p),
        reads,
        hint=say(QT_TRANSLATE_NOOP("Practice", "Count all OH·OW positions, OH = H + 2p − K + 1, "
                                               "then take away those whose window lies wholly "
                                               "inside the image: H − K + 1 per side (none if "
                                               "K > H). Here H = {h}, K = {k}, p = {p}."),
                 h=h, k=k, p=p),
        worked=say(QT_TRANSLATE_NOOP("Practice", "OH = {h} + 2·{p} − {k} + 1 = {oh}; inside: "
                                                 "{inside} per side; {oh}·{oh} − {inside}·"
                                                 "{inside} = {reads}"),
                   h=h, p=p, k=k, oh=oh, inside=inside, reads=number(reads)),
        mistakes=_mistakes(reads, 0.0, *wrong),
        given={"h": h, "k": k, "p": p})


def _im2col_shape(c, h, k, p, s, part):
    cols = _core(F.im2col, np.zeros((1, c, h, h), np.float32), k, s, p)
    if cols is None:
        return None
    rows, columns = cols.shape[1:]
    oh = F.conv_output_size(h, k, s, p)
    fields = {"c": c, "h": h, "k": k, "p": p, "s": s}
    given = dict(fields, part=part)
    if part == "rows":
        return Question(
            "im2col_shape", "number",
            say(QT_TRANSLATE_NOOP("Practice", "im2col unfolds a {c}×{h}×{h} input (C×H×W) for "
                                              "{k}×{k} kernels with padding {p} and stride {s}."
                                              " How many rows does its matrix have?"), **fields),
            rows,
            hint=say(QT_TRANSLATE_NOOP("Practice", "One row per value of a patch: C·KH·KW with "
                                                   "C = {c}, KH = KW = {k}."), c=c, k=k),
            worked=say(QT_TRANSLATE_NOOP("Practice", "Rows = C·KH·KW = {c}·{k}·{k} = {rows}"),
                       c=c, k=k, rows=number(rows)),
            mistakes=_mistakes(rows, 0.0, (columns, say(QT_TRANSLATE_NOOP(
                "Practice", "That is the number of columns, one per output pixel."))),
                (k * k if c > 1 else None, say(QT_TRANSLATE_NOOP(
                    "Practice", "A patch holds all C channels: multiply by C.")))),
            given=given)
    return Question(
        "im2col_shape", "number",
        say(QT_TRANSLATE_NOOP("Practice", "im2col unfolds a {c}×{h}×{h} input (C×H×W) for "
                                          "{k}×{k} kernels with padding {p} and stride {s}. How"
                                          " many columns does its matrix have?"), **fields),
        columns,
        hint=say(QT_TRANSLATE_NOOP("Practice", "One column per output pixel: OH·OW, with OH = OW"
                                               " = (H + 2p − K) // s + 1, H = {h}, p = {p}, "
                                               "K = {k}, s = {s}."), h=h, p=p, k=k, s=s),
        worked=say(QT_TRANSLATE_NOOP("Practice", "OH = OW = ({h} + 2·{p} − {k}) // {s} + 1 = "
                                                 "{oh}; columns = OH·OW = {oh}·{oh} = {columns}"),
                   h=h, p=p, k=k, s=s, oh=oh, columns=number(columns)),
        mistakes=_mistakes(columns, 0.0, (rows, say(QT_TRANSLATE_NOOP(
            "Practice", "That is the number of rows, one per value of a patch."))),
            (oh, say(QT_TRANSLATE_NOOP(
                "Practice", "That is OH; there is one column per output pixel, OH·OW."))),
            (h * h, say(QT_TRANSLATE_NOOP(
                "Practice", "Count output pixels, not input pixels.")))),
        given=given)


# --------------------------------------------------------------------------- pooling


WINNER_GRIDS = ((4, 2), (4, 3), (6, 2), (6, 3))  # (map side, window = stride)


def _draw_winners(rng):
    n, k = WINNER_GRIDS[int(rng.integers(len(WINNER_GRIDS)))]
    return n, k, rng.permutation(n * n).reshape(n, n) + 1.0


def _max_pool_winners(n, k, grid):
    pool = MaxPool2d(k)
    out = pool.forward(grid[None, None])
    mask = pool.backward(np.ones_like(out))[0, 0] != 0  # the core's own max unpooling
    # Every winner is the largest of k·k different values, so at least k·k > k: the hint's
    # numbers (k) never name a winner.
    return Question(
        "max_pool_winners", "cells",
        say(QT_TRANSLATE_NOOP("Practice", "Max pooling {k}×{k} with stride {k} on this {n}×{n} "
                                          "map. Click every cell that receives gradient in the "
                                          "backward pass."), k=k, n=n),
        mask,
        hint=say(QT_TRANSLATE_NOOP("Practice", "Backward, each {k}×{k} window sends its gradient"
                                               " to its largest value only; a cell that no "
                                               "window covers gets none."), k=k),
        worked=say(QT_TRANSLATE_NOOP("Practice", "The largest value of each {k}×{k} window = "
                                                 "{winners}"),
                   k=k, winners=", ".join(number(v) for v in out.ravel())),
        grid=grid, given={"n": n, "k": k, "grid": grid})


def _count_winners():
    return sum(math.factorial(n * n) for n, _ in WINNER_GRIDS)


AVG_WINDOWS = (2, 3)
AVG_VALUES = 10  # window values 0..9


def _draw_average(rng):
    k = AVG_WINDOWS[int(rng.integers(len(AVG_WINDOWS)))]
    return k, rng.integers(0, AVG_VALUES, (k, k)).astype(np.float64)


def _avg_pool_value(k, window):
    mean = float(AvgPool2d(k).forward(window[None, None])[0, 0, 0, 0])
    cells = k * k
    total = float(window.sum())
    wrong = [
        (total, say(QT_TRANSLATE_NOOP(
            "Practice", "That is the sum: divide it by the number of cells."))),
        (float(window.max()), say(QT_TRANSLATE_NOOP(
            "Practice", "That is the largest value, what max pooling gives; average pooling "
                        "gives the mean."))),
    ]
    tolerance = 0.005
    return Question(
        "avg_pool_value", "number",
        say(QT_TRANSLATE_NOOP("Practice", "Average pooling {k}×{k} over this window: {window}. "
                                          "What value does it output? (2 decimals)"),
            k=k, window=matrix(window)),
        mean, tolerance,
        hint=say(QT_TRANSLATE_NOOP("Practice", "The output is the mean of the window: add its "
                                               "{cells} values, then divide by {cells}."),
                 cells=cells),
        worked=say(QT_TRANSLATE_NOOP("Practice", "({terms}) / {cells} = {total} / {cells} = "
                                                 "{mean}"),
                   terms=" + ".join(number(v) for v in window.ravel()), cells=cells,
                   total=number(total), mean=number(mean, 2)),
        mistakes=_mistakes(mean, tolerance, *wrong),
        given={"k": k, "window": window})


def _count_average():
    """Windows whose question is clean, by their sum: the hint's numbers depend only on k, the
    answer only on the sum, so one window per sum decides for all windows with that sum."""
    count = 0
    for k in AVG_WINDOWS:
        cells = k * k
        ways = np.array([1], dtype=object)  # ways[t]: windows of the cells so far summing to t
        for _ in range(cells):
            ways = np.convolve(ways, np.ones(AVG_VALUES, dtype=object))
        for total, how_many in enumerate(ways):
            window = np.zeros(cells)
            left = total
            for i in range(cells):  # any window with this sum: fill greedily
                window[i] = min(left, AVG_VALUES - 1)
                left -= window[i]
            if not gives_away(_avg_pool_value(k, window.reshape(k, k))):
                count += int(how_many)
    return count


# --------------------------------------------------------------------------- activations

SMOOTH_X = (-4.0, -3.0, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0)
SIDED_X = (-4.0, -3.0, -2.0, -1.5, -0.5, 0.5, 1.5, 2.0, 3.0, 4.0)  # never 0: a side of 0
LEAKY_SLOPES = (0.1, 0.01)  # the lesson's, and PyTorch's default
ACTIVATION_CASES = (tuple(("sigmoid", x, None) for x in SMOOTH_X)
                    + tuple(("tanh", x, None) for x in SMOOTH_X)
                    + tuple(("relu", x, None) for x in SIDED_X)
                    + tuple(("leaky", x, a) for a in LEAKY_SLOPES for x in SIDED_X))
SIGNS = {True: QT_TRANSLATE_NOOP("Practice", "positive"),
         False: QT_TRANSLATE_NOOP("Practice", "negative")}


def _slope(layer, x: float) -> tuple[float, float]:
    """(output, slope) of an activation layer at x: its forward, then its own backward of 1."""
    out = layer.forward(np.array([[x]]))
    return float(out[0, 0]), float(layer.backward(np.ones((1, 1)))[0, 0])


def _activation_slope(case):
    name, x, a = case  # one parameter: the cases are listed whole (ACTIVATION_CASES)
    if name in ("sigmoid", "tanh"):
        return _smooth_slope(name, x)
    return _sided_slope(name, x, a)


def _smooth_slope(name, x):
    out, slope = _slope(Sigmoid() if name == "sigmoid" else Tanh(), x)
    tolerance = 0.0005
    if name == "sigmoid":
        prompt = say(QT_TRANSLATE_NOOP("Practice", "What is the sigmoid's slope σ′(x) at "
                                                   "x = {x}? (3 decimals)"), x=number(x))
        hint = say(QT_TRANSLATE_NOOP("Practice", "σ′(x) = σ(x)·(1 − σ(x)), where σ(x) = "
                                                 "1 / (1 + e^−x); here x = {x}."), x=number(x))
        worked = say(QT_TRANSLATE_NOOP("Practice", "σ({x}) = {out}; σ′ = {out}·(1 − {out}) = "
                                                   "{slope}"),
                     x=number(x), out=number(out, 4), slope=number(slope, 3))
        wrong = (out, say(QT_TRANSLATE_NOOP(
            "Practice", "That is σ(x), the output; the slope is σ(x)·(1 − σ(x)).")))
    else:
        prompt = say(QT_TRANSLATE_NOOP("Practice", "What is tanh′(x), the slope of tanh, at "
                                                   "x = {x}? (3 decimals)"), x=number(x))
        hint = say(QT_TRANSLATE_NOOP("Practice", "tanh′(x) = 1 − tanh²(x); here x = {x}."),
                   x=number(x))
        worked = say(QT_TRANSLATE_NOOP("Practice", "tanh({x}) = {out}; tanh′ = 1 − {factor}² = "
                                                   "{slope}"),
                     x=number(x), out=number(out, 4),
                     factor=f"({number(out, 4)})" if out < 0 else number(out, 4),
                     slope=number(slope, 3))
        wrong = (out, say(QT_TRANSLATE_NOOP(
            "Practice", "That is tanh(x), the output; the slope is 1 − tanh²(x).")))
    return Question("activation_slope", "number", prompt, slope, tolerance, hint=hint,
                    worked=worked, mistakes=_mistakes(slope, tolerance, wrong),
                    given={"activation": name, "x": x})


def _sided_slope(name, x, a):
    def layer():
        return ReLU() if name == "relu" else LeakyReLU(a)

    out, slope = _slope(layer(), x)
    other = _slope(layer(), -x)[1]  # the slope on the other side of 0
    sign, other_sign = say(SIGNS[x > 0]), say(SIGNS[x < 0])
    label = "ReLU" if name == "relu" else "LeakyReLU"
    # (value, why) — the right one first, so a distractor equal to it is dropped
    candidates = [
        (slope, say(QT_TRANSLATE_NOOP("Practice", "{value} is the slope for {sign} "
                                                  "inputs, and x = {x} is {sign}."),
                    value=number(slope), sign=sign, x=number(x))),
        (other, say(QT_TRANSLATE_NOOP("Practice", "{value} is the slope for {other} "
                                                  "inputs, and x = {x} is {sign}."),
                    value=number(other), other=other_sign, x=number(x), sign=sign)),
        (out, say(QT_TRANSLATE_NOOP("Practice", "{value} is {name}({x}), the output; "
                                                "the question asks for the slope."),
                  value=number(out), name=label, x=number(x))),
    ]
    if name == "relu":
        candidates.append((x, say(QT_TRANSLATE_NOOP(
            "Practice", "{value} is the input x itself, not the slope."),
            value=number(x))))
        prompt = say(QT_TRANSLATE_NOOP("Practice", "What is ReLU′(x), the slope of ReLU, at "
                                                   "x = {x}?"), x=number(x))
        hint = say(QT_TRANSLATE_NOOP("Practice", "Is x = {x} positive or negative? ReLU passes "
                                                 "the gradient unchanged for positive inputs "
                                                 "and blocks it for negative ones."),
                   x=number(x))
    else:
        candidates.append((0.0, say(QT_TRANSLATE_NOOP(
            "Practice", "LeakyReLU never blocks the gradient entirely, so its slope "
                        "is never 0."))))
        prompt = say(QT_TRANSLATE_NOOP("Practice", "What is the slope of LeakyReLU "
                                                   "(negative_slope {a}) at x = {x}?"),
                     a=number(a), x=number(x))
        hint = say(QT_TRANSLATE_NOOP("Practice", "Is x = {x} positive or negative? LeakyReLU "
                                                 "passes the gradient unchanged for positive "
                                                 "inputs and scales it by its negative_slope "
                                                 "for negative ones."), x=number(x))
    kept = []
    for value, why in candidates:
        if all(abs(value - other_value) > 1e-12 for other_value, _ in kept):
            kept.append((value, why))
    kept.sort(key=lambda pair: pair[0])
    values = [value for value, _ in kept]
    worked = say(QT_TRANSLATE_NOOP("Practice", "x = {x} is {sign}, so {name}′({x}) = {slope}"),
                 x=number(x), sign=sign, name=label, slope=number(slope))
    return Question("activation_slope", "choice", prompt, values.index(slope), hint=hint,
                    worked=worked,
                    options=tuple(Words(CONTEXT, PLAIN, {"value": number(v)}) for v in values),
                    why=tuple(why for _, why in kept),
                    given={"activation": name, "x": x, "negative_slope": a, "values": values})


# --------------------------------------------------------------------------- backward passes

SMALL = (-3, -2, -1, 1, 2, 3)        # entries of the linear layer's x, W and dout
LINEAR_IN, LINEAR_OUT = 3, 2


def _draw_linear(rng):
    x = rng.choice(SMALL, LINEAR_IN)
    w = rng.choice(SMALL, (LINEAR_OUT, LINEAR_IN))
    dout = rng.choice(SMALL, LINEAR_OUT)
    if rng.integers(2):
        return "dW", (int(rng.integers(LINEAR_OUT)), int(rng.integers(LINEAR_IN))), x, w, dout
    return "dx", (int(rng.integers(LINEAR_IN)),), x, w, dout


def _linear_backward(part, at, x, w, dout):
    layer = Linear(LINEAR_IN, LINEAR_OUT, bias=False, dtype=np.float64, rng=0)
    layer.weight.data = np.asarray(w, np.float64)
    layer.forward(np.asarray(x, np.float64)[None])
    dx = layer.backward(np.asarray(dout, np.float64)[None])[0]
    fields = {"x": vector(x), "w": matrix(w), "dout": vector(dout)}
    given = {"part": part, "at": at, "x": x, "w": w, "dout": dout}
    if part == "dW":
        i, j = at
        value = int(round(layer.weight.grad[i, j]))
        return Question(
            "linear_backward", "number",
            say(QT_TRANSLATE_NOOP("Practice", "A linear layer y = x·Wᵀ has x = {x} and W = {w};"
                                              " it receives dout = ∂L/∂y = {dout}. What is "
                                              "dW[{i}, {j}] = ∂L/∂W[{i}, {j}]?"),
                i=i, j=j, **fields),
            value,
            hint=say(QT_TRANSLATE_NOOP("Practice", "dW = doutᵀ·x, so dW[{i}, {j}] = dout[{i}]·"
                                                   "x[{j}]."), i=i, j=j),
            worked=say(QT_TRANSLATE_NOOP("Practice", "dW[{i}, {j}] = dout[{i}]·x[{j}] = "
                                                     "{product} = {value}"),
                       i=i, j=j, product=_products([(dout[i], x[j])]), value=number(value)),
            given=given)
    (j,) = at
    value = int(round(dx[j]))
    return Question(
        "linear_backward", "number",
        say(QT_TRANSLATE_NOOP("Practice", "A linear layer y = x·Wᵀ has x = {x} and W = {w}; it "
                                          "receives dout = ∂L/∂y = {dout}. What is dx[{j}] = "
                                          "∂L/∂x[{j}]?"), j=j, **fields),
        value,
        hint=say(QT_TRANSLATE_NOOP("Practice", "dx = dout·W, so dx[{j}] = Σᵢ dout[i]·W[i, {j}]:"
                                               " multiply dout by column {j} of W, entry by "
                                               "entry, and add."), j=j),
        worked=say(QT_TRANSLATE_NOOP("Practice", "dx[{j}] = {products} = {value}"), j=j,
                   products=_products(zip(dout, np.asarray(w)[:, j])), value=number(value)),
        given=given)


def _count_linear():
    """Exact: the hint and the answer depend only on the entries the answer multiplies, so each
    choice of those decides for every filling of the other entries."""
    entries = LINEAR_IN + LINEAR_OUT * LINEAR_IN + LINEAR_OUT
    count = 0
    for i, j in itertools.product(range(LINEAR_OUT), range(LINEAR_IN)):
        for d, v in itertools.product(SMALL, repeat=2):
            x, w, dout = np.ones(LINEAR_IN, int), np.ones((LINEAR_OUT, LINEAR_IN), int), \
                np.ones(LINEAR_OUT, int)
            dout[i], x[j] = d, v
            if not gives_away(_linear_backward("dW", (i, j), x, w, dout)):
                count += len(SMALL) ** (entries - 2)
    for j in range(LINEAR_IN):
        for values in itertools.product(SMALL, repeat=2 * LINEAR_OUT):
            x, w = np.ones(LINEAR_IN, int), np.ones((LINEAR_OUT, LINEAR_IN), int)
            dout = np.array(values[:LINEAR_OUT])
            w[:, j] = values[LINEAR_OUT:]
            if not gives_away(_linear_backward("dx", (j,), x, w, dout)):
                count += len(SMALL) ** (entries - 2 * LINEAR_OUT)
    return count


X_VALUES = (-2, -1, 0, 1, 2)      # the 3×3 input of the convolution questions
DELTA_VALUES = (-2, -1, 1, 2)     # its 2×2 error map
CORNERS = {(0, 0): QT_TRANSLATE_NOOP("Practice", "top left"),
           (0, 1): QT_TRANSLATE_NOOP("Practice", "top right"),
           (1, 0): QT_TRANSLATE_NOOP("Practice", "bottom left"),
           (1, 1): QT_TRANSLATE_NOOP("Practice", "bottom right")}


def _draw_conv_grad(rng):
    at = tuple(int(v) for v in rng.integers(0, 2, 2))
    return at, rng.choice(X_VALUES, (3, 3)), rng.choice(DELTA_VALUES, (2, 2))


def conv_backward(x, delta, weight=None) -> tuple[np.ndarray, np.ndarray]:
    """(dx, dW) of a 2×2 convolution, stride 1, no bias, over one (3, 3) input x with the error
    map ``delta`` (2, 2) at its output: the core's Conv2d forward, then its own backward."""
    layer = Conv2d(1, 1, 2, bias=False, dtype=np.float64, rng=0)
    if weight is not None:
        layer.weight.data = np.asarray(weight, np.float64).reshape(1, 1, 2, 2)
    layer.forward(np.asarray(x, np.float64)[None, None])
    dx = layer.backward(np.asarray(delta, np.float64)[None, None])
    return dx[0, 0], layer.weight.grad[0, 0]


def _conv_weight_grad(at, x, delta):
    a, b = at
    value = int(round(conv_backward(x, delta)[1][a, b]))
    flipped = int(round(conv_backward(x, np.asarray(delta)[::-1, ::-1])[1][a, b]))
    pairs = [(delta[i, j], x[a + i, b + j]) for i in range(2) for j in range(2)]
    # The hint names the position in words, so it holds no number at all.
    return Question(
        "conv_weight_grad", "number",
        say(QT_TRANSLATE_NOOP("Practice", "A 2×2 kernel slid with stride 1 over x = {x}. The "
                                          "error map at its 2×2 output is δ = {delta}. What is "
                                          "dW[{a}, {b}] = ∂L/∂W[{a}, {b}]?"),
            x=matrix(x), delta=matrix(delta), a=a, b=b),
        value,
        hint=say(QT_TRANSLATE_NOOP("Practice", "dW[a, b] = Σ δ[i, j]·x[a + i, b + j]: lay δ on "
                                               "the {corner} of x, multiply each cell of x it "
                                               "covers by the δ on it, and add."),
                 corner=say(CORNERS[at])),
        worked=say(QT_TRANSLATE_NOOP("Practice", "dW[{a}, {b}] = {products} = {value}"),
                   a=a, b=b, products=_products(pairs), value=number(value)),
        mistakes=_mistakes(value, 0.0, (flipped, say(QT_TRANSLATE_NOOP(
            "Practice", "You flipped δ: the weight gradient lays δ on x as it is, without "
                        "turning it round.")))),
        given={"at": at, "x": x, "delta": delta})


def _count_conv_grad():
    return len(CORNERS) * len(X_VALUES) ** 9 * len(DELTA_VALUES) ** 4


# --------------------------------------------------------------------------- training


def _output_delta(y_hat, y):
    z = math.log(y_hat / (1 - y_hat))        # the logit whose sigmoid is ŷ
    sigmoid, loss = Sigmoid(), MSELoss(halved=True)
    out = sigmoid.forward(np.array([[z]]))
    loss.forward(out, np.array([[float(y)]]))
    error = loss.backward()                   # ∂E/∂ŷ = ŷ − y
    delta = float(sigmoid.backward(error)[0, 0])
    slope = y_hat * (1 - y_hat)
    tolerance = 0.00005
    wrong = [
        (float(error[0, 0]), say(QT_TRANSLATE_NOOP(
            "Practice", "You stopped at the loss's slope ŷ − y: multiply by the sigmoid's slope "
                        "ŷ(1 − ŷ)."))),
        (-delta, say(QT_TRANSLATE_NOOP(
            "Practice", "Mind the sign: ∂E/∂ŷ = ŷ − y, not y − ŷ."))),
    ]
    return Question(
        "output_delta", "number",
        say(QT_TRANSLATE_NOOP("Practice", "The tiny network outputs ŷ = σ(z) = {y_hat} for the "
                                          "target y = {y}; its loss is E = ½(y − ŷ)². What is "
                                          "the output error δ = ∂E/∂z? (4 decimals)"),
            y_hat=number(y_hat), y=number(y)),
        delta, tolerance,
        hint=say(QT_TRANSLATE_NOOP("Practice", "δ = (ŷ − y)·ŷ(1 − ŷ): the loss's slope ŷ − y "
                                               "times the sigmoid's slope ŷ(1 − ŷ), with "
                                               "ŷ = {y_hat}, y = {y}."),
                 y_hat=number(y_hat), y=number(y)),
        worked=say(QT_TRANSLATE_NOOP("Practice", "δ = ({y_hat} − {y})·{y_hat}·(1 − {y_hat}) = "
                                                 "{error}·{slope} = {delta}"),
                   y_hat=number(y_hat), y=number(y), error=_paren(round(y_hat - y, 10)),
                   slope=number(slope, 4), delta=number(delta, 4)),
        mistakes=_mistakes(delta, tolerance, *wrong),
        given={"y_hat": y_hat, "y": y})


def _sgd_step(w, g, lr):
    p = Parameter(np.array([w]))
    p.grad = np.array([g])
    SGD([p], lr).step()
    new = float(p.data[0])
    tolerance = 1e-6  # the answer has at most 3 decimals: only float rounding is forgiven
    wrong = [
        (w + lr * g, say(QT_TRANSLATE_NOOP(
            "Practice", "The step goes against the gradient: subtract η·∂E/∂w."))),
        (w - g, say(QT_TRANSLATE_NOOP(
            "Practice", "Scale the gradient by the learning rate η first."))),
    ]
    fields = {"w": number(w), "lr": number(lr), "g": number(g)}
    return Question(
        "sgd_step", "number",
        say(QT_TRANSLATE_NOOP("Practice", "Plain SGD with learning rate η = {lr}: a weight "
                                          "w = {w} has the gradient ∂E/∂w = {g}. What is w "
                                          "after one step?"), **fields),
        new, tolerance,
        hint=say(QT_TRANSLATE_NOOP("Practice", "w ← w − η·∂E/∂w with w = {w}, η = {lr}, "
                                               "∂E/∂w = {g}."), **fields),
        worked=say(QT_TRANSLATE_NOOP("Practice", "w ← {w} − {lr}·{g_factor} = {w} − {step} = "
                                                 "{new}"),
                   w=number(w), lr=number(lr), g_factor=_paren(g), step=_paren(round(lr * g, 10)),
                   new=number(new)),
        mistakes=_mistakes(new, tolerance, *wrong),
        given={"w": w, "g": g, "lr": lr})


# --------------------------------------------------------------------------- the concepts


class _Concept(NamedTuple):
    title: str
    build: Callable                    # (*params) -> Question, or None if the core refuses it
    ranges: tuple = ()                 # each parameter's values: the space is their product
    draw: Callable | None = None       # rng -> params, where the space is too large to list
    count: Callable | None = None      # its exact count, where the space is not listed


def _tenths(low: int, high: int, skip_zero: bool = False) -> tuple[float, ...]:
    return tuple(v / 10 for v in range(low, high + 1) if v or not skip_zero)


_CONCEPTS = {
    "conv_params": _Concept(
        QT_TRANSLATE_NOOP("Practice", "Convolution parameters"), _conv_params,
        ((1, 3, 6, 8, 16, 32), (4, 6, 8, 16, 32, 64), (1, 3, 5, 7), (True, False))),
    "conv_output_size": _Concept(
        QT_TRANSLATE_NOOP("Practice", "Output size"), _conv_output_size,
        (tuple(range(5, 33)), tuple(range(1, 8)), (0, 1, 2, 3), (1, 2, 3), (1, 2))),
    "conv_macs": _Concept(
        QT_TRANSLATE_NOOP("Practice", "MACs"), _conv_macs,
        ((6, 7, 8, 10, 12, 14, 16, 28, 32), (1, 3, 6), (1, 4, 6, 8, 16), (1, 3, 5), (0, 1, 2),
         (1, 2), (1, 2, 8))),
    "padding_reads": _Concept(
        QT_TRANSLATE_NOOP("Practice", "Windows that read padding"), _padding_reads,
        (tuple(range(3, 17)), (2, 3, 4, 5), (1, 2, 3, 4))),
    "im2col_shape": _Concept(
        QT_TRANSLATE_NOOP("Practice", "im2col matrix size"), _im2col_shape,
        ((1, 2, 3), (4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 28), (2, 3, 5), (0, 1, 2), (1, 2),
         ("rows", "columns"))),
    "pool_output_size": _Concept(
        QT_TRANSLATE_NOOP("Practice", "Pooling output size"), _pool_output_size,
        (tuple(range(4, 33)), (2, 3, 4), (1, 2, 3, 4), (0, 1, 2), tuple(POOLS))),
    "max_pool_winners": _Concept(
        QT_TRANSLATE_NOOP("Practice", "Max-pooling winners"), _max_pool_winners,
        draw=_draw_winners, count=_count_winners),
    "avg_pool_value": _Concept(
        QT_TRANSLATE_NOOP("Practice", "Average pooling"), _avg_pool_value,
        draw=_draw_average, count=_count_average),
    "linear_params": _Concept(
        QT_TRANSLATE_NOOP("Practice", "Fully connected parameters"), _linear_params,
        ((4, 9, 10, 16, 36, 84, 100, 120, 256, 400, 784), (1, 2, 3, 4, 10, 16, 84, 120),
         (True, False))),
    "activation_slope": _Concept(
        QT_TRANSLATE_NOOP("Practice", "Activation slope"), _activation_slope,
        (ACTIVATION_CASES,)),
    "linear_backward": _Concept(
        QT_TRANSLATE_NOOP("Practice", "Fully connected backward"), _linear_backward,
        draw=_draw_linear, count=_count_linear),
    "conv_weight_grad": _Concept(
        QT_TRANSLATE_NOOP("Practice", "Convolution weight gradient"), _conv_weight_grad,
        draw=_draw_conv_grad, count=_count_conv_grad),
    "output_delta": _Concept(
        QT_TRANSLATE_NOOP("Practice", "Output error δ"), _output_delta,
        (tuple(v / 100 for v in range(5, 96)), (0, 1))),
    "sgd_step": _Concept(
        QT_TRANSLATE_NOOP("Practice", "One SGD step"), _sgd_step,
        (_tenths(-20, 20), _tenths(-20, 20, skip_zero=True), (0.5, 0.1, 0.01))),
}


def _concept(concept: str) -> _Concept:
    try:
        return _CONCEPTS[concept]
    except KeyError:
        raise ValueError(f"no practice concept {concept!r}; known: "
                         f"{', '.join(_CONCEPTS)}") from None


def concepts() -> tuple[str, ...]:
    """Every practice concept, in the lesson's order."""
    return tuple(_CONCEPTS)


def title(concept: str) -> Words:
    """A short name for a table ("Output size")."""
    return say(_concept(concept).title)


def generate(concept: str, rng: np.random.Generator) -> Question:
    """A fresh question on ``concept`` with numbers drawn from ``rng``, answered by the core."""
    spec = _concept(concept)
    for _ in range(_ATTEMPTS):
        if spec.draw is not None:
            params = spec.draw(rng)
        else:
            params = [r[int(rng.integers(len(r)))] for r in spec.ranges]
        question = spec.build(*params)
        if question is not None and not gives_away(question):
            return question
    raise RuntimeError(f"no clean {concept} question in {_ATTEMPTS} draws")


@cache
def variant_count(concept: str) -> int:
    """How many different questions ``generate`` can make on ``concept``: every configuration
    the core accepts whose hint does not hold the answer (counted exactly, not sampled)."""
    spec = _concept(concept)
    if spec.count is not None:
        return spec.count()
    count = 0
    for params in itertools.product(*spec.ranges):
        question = spec.build(*params)
        count += question is not None and not gives_away(question)
    return count
