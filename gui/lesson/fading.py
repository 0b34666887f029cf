"""Worked examples that fade (Renkl & Atkinson 2003): first every step worked out with fresh
numbers, then one step left for the learner, then the whole problem.

``worked_example(concept, rng)`` draws numbers and works the problem in ``Line`` steps, each a
label (the step's rule with the given numbers) and its value; the last line's value is the
answer. Values come from the core where the core computes them (the output size, the im2col
matrix, the convolution's backward pass); the steps between are the arithmetic the core's
docstrings state, and the tests recompute every one by brute force.

A label never shows another line's value — later steps name earlier results ("room // s"), they
do not quote them — so a line left blank stays blank.

Levels (``LEVELS`` = 3), moved by ``next_level``: a right answer one up, a wrong one one down.

- 0: fully worked — every value shown; the learner reads it through.
- 1: one step blank — one line chosen at random but never the last: the learner fills that value
  with every other step (and the answer) in view, so the step itself is what is practised.
- 2: all blank — ``blanks`` returns every line. We chose to ask only the answer (the last line's
  value) and show none of the working, not to ask for every line: the end of fading is solving
  the problem alone, in any order of steps; asking every intermediate value would force one
  path and turn a problem back into a form. The lines are then the worked answer after a check.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core import functional as F
from gui.lesson.practice import conv_backward, matrix, number, say
from gui.tr import QT_TRANSLATE_NOOP, Words

LEVELS = 3


class Line(NamedTuple):
    label: Words                 # the step with its numbers: "H + 2p = 28 + 2·1"
    value: object                # its result: 30


class Worked(NamedTuple):
    concept: str
    prompt: Words
    lines: tuple[Line, ...]
    answer: object               # the last line's value
    given: dict = {}             # the drawn numbers, named as in the texts


TITLES = {"conv_output_size": QT_TRANSLATE_NOOP("Practice", "Output size"),
          "im2col_index": QT_TRANSLATE_NOOP("Practice", "im2col indexing"),
          "conv_backward": QT_TRANSLATE_NOOP("Practice", "Convolution backward")}


def fading_concepts() -> tuple[str, ...]:
    return tuple(TITLES)


def title(concept: str) -> Words:
    return say(TITLES[_check(concept)])


def _check(concept: str) -> str:
    if concept not in TITLES:
        raise ValueError(f"no worked example for {concept!r}; known: {', '.join(TITLES)}")
    return concept


def _pick(rng, values):
    return values[int(rng.integers(len(values)))]


# --------------------------------------------------------------------------- output size


def _output_size(rng) -> Worked:
    while True:
        h, k, p = _pick(rng, range(5, 33)), _pick(rng, range(2, 8)), _pick(rng, range(4))
        s, d = _pick(rng, (1, 2, 3)), _pick(rng, (1, 1, 2))  # dilation in a third of them
        try:
            oh = F.conv_output_size(h, k, s, p, d)
        except ValueError:
            continue
        break
    padded = F.pad2d(np.zeros((1, 1, h, h)), p, p).shape[2]
    span = d * (k - 1) + 1        # the cells one dilated window covers
    room = padded - span          # how far the window can move
    steps = room // s             # moves of s cells that still fit
    lines = (
        Line(say(QT_TRANSLATE_NOOP("Practice", "padded size = H + 2p = {h} + 2·{p}"), h=h, p=p),
             padded),
        Line(say(QT_TRANSLATE_NOOP("Practice", "kernel span = d·(K − 1) + 1 = {d}·({k} − 1) + 1"),
                 d=d, k=k), span),
        Line(say(QT_TRANSLATE_NOOP("Practice", "room = padded size − kernel span")), room),
        Line(say(QT_TRANSLATE_NOOP("Practice", "moves = room // s = room // {s}"), s=s), steps),
        Line(say(QT_TRANSLATE_NOOP("Practice", "OH = moves + 1 (the first position)")), oh),
    )
    prompt = say(QT_TRANSLATE_NOOP("Practice", "A convolution with a kernel of {k}×{k}, padding "
                                               "{p}, stride {s} and dilation {d} reads an input "
                                               "of {h}×{h}. Work out the output height OH."),
                 k=k, p=p, s=s, d=d, h=h)
    return Worked("conv_output_size", prompt, lines, oh,
                  {"h": h, "k": k, "p": p, "s": s, "d": d})


# --------------------------------------------------------------------------- im2col indexing


def _im2col_index(rng) -> Worked:
    while True:
        c, h, k = _pick(rng, (1, 2, 3)), _pick(rng, (3, 4, 5, 6)), _pick(rng, (2, 3))
        p, s = _pick(rng, (0, 1)), _pick(rng, (1, 2))
        x = np.arange(1, c * h * h + 1, dtype=np.float64).reshape(1, c, h, h)
        try:
            cols = F.im2col(x, k, s, p)[0]   # (C·K·K, OH·OW): the core's matrix
        except ValueError:
            continue
        break
    ow = F.conv_output_size(h, k, s, p)
    row, col = int(rng.integers(cols.shape[0])), int(rng.integers(cols.shape[1]))
    # The layout F.im2col documents: row (c·KH + i)·KW + j, column oh·OW + ow.
    out_row, out_col = col // ow, col % ow
    channel, i, j = row // (k * k), row // k % k, row % k
    in_row, in_col = out_row * s - p + i, out_col * s - p + j
    fields = {"row": row, "col": col, "ow": ow, "kk": k * k, "k": k, "s": s, "p": p}
    lines = (
        Line(say(QT_TRANSLATE_NOOP("Practice", "output row oh = column // OW = {col} // {ow}"),
                 **fields), out_row),
        Line(say(QT_TRANSLATE_NOOP("Practice", "output column ow = column % OW = {col} % {ow}"),
                 **fields), out_col),
        Line(say(QT_TRANSLATE_NOOP("Practice", "channel c = row // (KH·KW) = {row} // {kk}"),
                 **fields), channel),
        Line(say(QT_TRANSLATE_NOOP("Practice", "kernel row i = (row // KW) % KH = ({row} // {k})"
                                               " % {k}"), **fields), i),
        Line(say(QT_TRANSLATE_NOOP("Practice", "kernel column j = row % KW = {row} % {k}"),
                 **fields), j),
        Line(say(QT_TRANSLATE_NOOP("Practice", "input row = oh·s − p + i = oh·{s} − {p} + i"),
                 **fields), in_row),
        Line(say(QT_TRANSLATE_NOOP("Practice", "input column = ow·s − p + j = ow·{s} − {p} + j"),
                 **fields), in_col),
        Line(say(QT_TRANSLATE_NOOP("Practice", "the number in channel c at (input row, input "
                                               "column); 0 in the padding")),
             int(cols[row, col])),
    )
    prompt = say(QT_TRANSLATE_NOOP("Practice", "An input of {c}×{h}×{h} holds the numbers 1, 2, "
                                               "3, … channel by channel, row by row. im2col "
                                               "unfolds it for {k}×{k} kernels, padding {p}, "
                                               "stride {s} (OW = {ow}). What is in row {row}, "
                                               "column {col}?"),
                 c=c, h=h, k=k, p=p, s=s, ow=ow, row=row, col=col)
    return Worked("im2col_index", prompt, lines, int(cols[row, col]),
                  {"c": c, "h": h, "k": k, "p": p, "s": s, "row": row, "col": col})


# --------------------------------------------------------------------------- convolution backward

X_VALUES = (-2, -1, 0, 1, 2, 3)
DELTA_VALUES = (-2, -1, 1, 2)
W_VALUES = (-2, -1, 1, 2)


def _conv_backward(rng) -> Worked:
    x = rng.choice(X_VALUES, (3, 3))
    delta = rng.choice(DELTA_VALUES, (2, 2))
    weight = rng.choice(W_VALUES, (2, 2))
    if rng.integers(2):
        return _weight_entry(x, delta, [int(v) for v in rng.integers(0, 2, 2)])
    return _input_entry(weight, delta, [int(v) for v in rng.integers(0, 3, 2)])


def _weight_entry(x, delta, at) -> Worked:
    """dW[a, b] = Σ δ[i, j]·x[a + i, b + j]: each product read from the core's im2col matrix
    (dW = δ · colsᵀ is how the core computes it), their sum from Conv2d's backward."""
    a, b = at
    cols = F.im2col(np.asarray(x, np.float64)[None, None], 2)[0]   # (4 taps, 4 positions)
    flat = np.asarray(delta).ravel()
    lines = []
    for position in range(4):
        i, j = divmod(position, 2)
        product = int(flat[position] * cols[a * 2 + b, position])
        lines.append(Line(say(QT_TRANSLATE_NOOP("Practice", "δ[{i}, {j}]·x[{r}, {c}] = "
                                                            "{d}·{v}"),
                              i=i, j=j, r=a + i, c=b + j, d=_factor(delta[i, j]),
                              v=_factor(x[a + i, b + j])), product))
    value = int(round(conv_backward(x, delta)[1][a, b]))
    lines.append(Line(say(QT_TRANSLATE_NOOP("Practice", "dW[{a}, {b}] = the sum of the four "
                                                        "products"), a=a, b=b), value))
    prompt = say(QT_TRANSLATE_NOOP("Practice", "A 2×2 kernel slid with stride 1 over x = {x}. "
                                               "The error map at its 2×2 output is δ = {delta}. "
                                               "Work out dW[{a}, {b}] = Σ δ[i, j]·x[{a} + i, "
                                               "{b} + j]."),
                 x=matrix(x), delta=matrix(delta), a=a, b=b)
    return Worked("conv_backward", prompt, tuple(lines), value,
                  {"part": "dW", "at": (a, b), "x": x, "delta": delta})


def _input_entry(weight, delta, at) -> Worked:
    """dx[r, c] = Σ δ[oh, ow]·W[r − oh, c − ow] over the outputs whose window covers (r, c):
    each term is Conv2d's backward of δ kept at that one output, the sum its backward of δ."""
    r, c = at
    x = np.zeros((3, 3))        # the input gradient does not depend on the input
    lines = []
    for oh in range(2):
        for ow in range(2):
            i, j = r - oh, c - ow
            if 0 <= i < 2 and 0 <= j < 2:
                alone = np.zeros((2, 2))
                alone[oh, ow] = delta[oh, ow]
                term = int(round(conv_backward(x, alone, weight)[0][r, c]))
                lines.append(Line(say(QT_TRANSLATE_NOOP("Practice", "δ[{oh}, {ow}]·W[{i}, {j}] "
                                                                    "= {d}·{w}"),
                                      oh=oh, ow=ow, i=i, j=j, d=_factor(delta[oh, ow]),
                                      w=_factor(weight[i, j])), term))
    value = int(round(conv_backward(x, delta, weight)[0][r, c]))
    lines.append(Line(say(QT_TRANSLATE_NOOP("Practice", "dx[{r}, {c}] = the sum of the "
                                                        "products above"), r=r, c=c), value))
    prompt = say(QT_TRANSLATE_NOOP("Practice", "A 2×2 kernel W = {w} slid with stride 1 over a "
                                               "3×3 input. The error map at its 2×2 output is "
                                               "δ = {delta}. Work out dx[{r}, {c}] = Σ δ[oh, ow]·"
                                               "W[{r} − oh, {c} − ow] over the windows that "
                                               "cover it."),
                 w=matrix(weight), delta=matrix(delta), r=r, c=c)
    return Worked("conv_backward", prompt, tuple(lines), value,
                  {"part": "dx", "at": (r, c), "weight": weight, "delta": delta})


def _factor(value) -> str:
    return f"({number(value)})" if value < 0 else number(value)


# --------------------------------------------------------------------------- levels

_BUILDERS = {"conv_output_size": _output_size, "im2col_index": _im2col_index,
             "conv_backward": _conv_backward}


def worked_example(concept: str, rng: np.random.Generator) -> Worked:
    """A fresh example of ``concept`` with numbers drawn from ``rng``, every step worked."""
    return _BUILDERS[_check(concept)](rng)


def blanks(worked: Worked, level: int, rng: np.random.Generator) -> tuple[int, ...]:
    """Indices of the lines whose values the learner fills at ``level``: none at 0; at 1 one
    line chosen at random, never the last (the answer); at 2 every line — only the answer is
    asked, none of the working shown (see the module's docstring)."""
    if level not in range(LEVELS):
        raise ValueError(f"level must be 0 to {LEVELS - 1}, got {level!r}")
    if level == 0:
        return ()
    if level == 1:
        return (int(rng.integers(len(worked.lines) - 1)),)
    return tuple(range(len(worked.lines)))


def next_level(level: int, right: bool) -> int:
    """One level up after a right answer (at most LEVELS − 1), one down after a wrong one."""
    return min(level + 1, LEVELS - 1) if right else max(level - 1, 0)
