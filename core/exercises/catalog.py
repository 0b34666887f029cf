"""The exercises, in the lesson's order: statement, skeleton, hints, hidden cases and the typical
mistakes each one recognises.

Every exercise asks for functions of ``core.reference`` under the same names, so the reference
is the solution and computes the expected answers. Cases are generated from a seed: a fixed set
of edge cases (padding > 0, stride 2, non-square inputs and kernels, batch > 1, several channels,
ties in max-pool windows) and a few random ones. They are small, so a seven-loop convolution
checks in well under the time limit.

A *mistake* is a typical wrong solution, computed here: when the learner's answer equals it, the
report says what went wrong in the lesson's words instead of only "values differ".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from core import functional as F
from core import reference as R


class Case(NamedTuple):
    """One hidden case: ``function(*args)`` compared with the reference's answer."""

    function: str
    args: tuple
    description: str   # one line, e.g. "x 2×3×7×5, w 4×3×3×2, stride 2, padding 1"


class Mistake(NamedTuple):
    """A typical wrong solution of ``function`` and what to tell the learner who made it."""

    function: str
    wrong: Callable    # wrong(*args) -> the answer that mistake gives
    message: str       # may use {fields} of ``message_fields(case)``


class Replacement(NamedTuple):
    """Where a passing solution can stand in for the core's function ("use my function")."""

    function: str      # dotted name of what it replaces, e.g. "core.functional.conv2d"
    page: str          # the page that draws with it: "convolution", "pooling", "activations"
    label: str         # how the page labels it, e.g. "your conv2d_naive"
    limits: str        # what the wrapped function cannot do (the page says so instead)


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    lesson_idea: int              # the idea of LESSON.md it practises
    functions: tuple[str, ...]    # what the learner writes (names of core.reference functions)
    params: dict                  # function -> its parameter names, in call order
    provided: tuple[str, ...]     # reference functions the learner's code may call
    statement: str                # light HTML with a worked example
    skeleton: str
    hints: tuple[str, str]
    make_cases: Callable[[np.random.Generator], list]
    parts: tuple[str, ...] = ()   # names of the returned values when it returns a tuple
    mistakes: tuple[Mistake, ...] = ()
    shape_words: Callable | None = None   # (case, part, expected shape, got shape) -> str | None
    replaces: Replacement | None = None

    def cases(self, seed: int = 0) -> list[Case]:
        return self.make_cases(np.random.default_rng(seed))


# --------------------------------------------------------------------------- words


def dims(shape) -> str:
    """(2, 3, 28, 28) -> "2×3×28×28"; () -> "a single number"."""
    return "×".join(str(s) for s in shape) if len(shape) else "a single number"


def _words(items: dict) -> str:
    return ", ".join(f"{name} {value}" for name, value in items.items())


def _size_words(got, expected, hw, kernel, stride, padding, dilation) -> str:
    """Why an output's (OH, OW) is wrong, in the lesson's words."""
    said = f"you returned {dims(got)}; "

    def sizes(s, p, d):
        return tuple(max(0, R.conv_output_size(n, k, s, p, d)) for n, k in zip(hw, kernel))

    for name, value, neutral, question in (("padding", padding, 0, "did you pad?"),
                                           ("stride", stride, 1, "did you use the stride?"),
                                           ("dilation", dilation, 1, "did you use the dilation?")):
        if value != neutral:
            changed = dict(s=stride, p=padding, d=dilation)
            changed[name[0]] = neutral
            if tuple(got) == sizes(**changed):
                return said + f"with {name} {value} the output is {dims(expected)} — {question}"
    if all(abs(g - e) <= 1 for g, e in zip(got, expected)):
        return said + (f"the output is {dims(expected)}: OH = (H + 2·padding − dilation·(KH − 1)"
                       " − 1) // stride + 1 — off by one?")
    if tuple(got) == tuple(expected)[::-1]:
        return said + f"the output is {dims(expected)} — height and width swapped?"
    return said + (f"the output is {dims(expected)}: OH = (H + 2·padding − dilation·(KH − 1) − 1)"
                   " // stride + 1")


def _batch_channel_words(got, expected, channels_in) -> str | None:
    if len(got) != len(expected):
        return (f"you returned a {len(got)}-D array ({dims(got)}); the answer is "
                f"{len(expected)}-D: {dims(expected)}")
    if got[0] != expected[0]:
        return (f"you returned {got[0]} image(s); the batch has {expected[0]} — keep every image "
                "of the batch")
    if got[1] != expected[1]:
        extra = " (the input's channels?)" if got[1] == channels_in else ""
        return f"you returned {got[1]} channels{extra}; the answer has {expected[1]}"
    return None


# --------------------------------------------------------------------------- 1. output size

SIZE_PARAMS = ("size", "kernel", "stride", "padding", "dilation")


def _size_cases(rng):
    fixed = [(28, 5, 1, 2, 1), (28, 5, 1, 0, 1), (7, 3, 2, 1, 1), (7, 3, 2, 0, 1), (6, 2, 2, 0, 1),
             (10, 3, 1, 0, 2), (32, 3, 2, 1, 2), (5, 5, 1, 0, 1), (9, 4, 3, 2, 1), (1, 1, 1, 0, 1),
             (4, 3, 1, 3, 1), (13, 2, 3, 0, 1), (8, 3, 3, 1, 3)]
    while len(fixed) < 20:
        size, kernel = int(rng.integers(1, 40)), int(rng.integers(1, 8))
        stride, padding, dilation = (int(rng.integers(1, 4)), int(rng.integers(0, 4)),
                                     int(rng.integers(1, 3)))
        if dilation * (kernel - 1) + 1 <= size + 2 * padding:
            fixed.append((size, kernel, stride, padding, dilation))
    return [Case("conv_output_size", args, _words(dict(zip(SIZE_PARAMS, args))))
            for args in fixed]


def _span(k, d):
    return d * (k - 1) + 1


SIZE_MISTAKES = (
    Mistake("conv_output_size", lambda n, k, s, p, d: (n + 2 * p - _span(k, d)) // s,
            "off by one: the window also starts at position 0 — did you forget the + 1?"),
    Mistake("conv_output_size", lambda n, k, s, p, d: (n + p - _span(k, d)) // s + 1,
            "padding goes on both sides: the padded input has size + 2·padding cells"),
    Mistake("conv_output_size", lambda n, k, s, p, d: (n - _span(k, d)) // s + 1,
            "with padding {padding} the input grows by 2·{padding} cells — did you add the "
            "padding?"),
    Mistake("conv_output_size", lambda n, k, s, p, d: (n + 2 * p - d * k) // s + 1,
            "the dilated kernel spans dilation·(kernel − 1) + 1 cells, not dilation·kernel "
            "(a bug several libraries had)"),
    Mistake("conv_output_size", lambda n, k, s, p, d: (n + 2 * p - k) // s + 1,
            "with dilation {dilation} the kernel spans {span} cells — did you use the dilation?"),
    Mistake("conv_output_size", lambda n, k, s, p, d: -(-(n + 2 * p - _span(k, d)) // s) + 1,
            "a window that does not fit is not counted: round down (//), not up"),
    Mistake("conv_output_size", lambda n, k, s, p, d: n + 2 * p - _span(k, d) + 1,
            "with stride {stride} the window jumps {stride} cells: divide by the stride"),
)

OUTPUT_SIZE = Exercise(
    id="output_size",
    title="Output size",
    lesson_idea=2,
    functions=("conv_output_size",),
    params={"conv_output_size": SIZE_PARAMS},
    provided=(),
    statement="""\
<p>Write <code>conv_output_size(size, kernel, stride=1, padding=0, dilation=1)</code>: how many
positions a window takes along one axis of the input — the height (or width) of a convolution's
or a pooling's output.</p>
<p>The padded input has <i>size + 2·padding</i> cells. A kernel of <i>kernel</i> taps placed
<i>dilation</i> cells apart spans <i>dilation·(kernel − 1) + 1</i> cells. The window starts at 0,
stride, 2·stride, … as long as it still fits.</p>
<p><b>Example.</b> size 7, kernel 3, stride 2, padding 1: the padded input has 9 cells and the
window spans 3, so it starts at 0, 2, 4 and 6 — four positions.</p>
<pre>conv_output_size(7, 3, stride=2, padding=1)   →  4
conv_output_size(28, 5, padding=2)            →  28   (LeNet's first layer keeps 28×28)
conv_output_size(10, 3, dilation=2)           →  6</pre>
<p>Return a whole number (an <code>int</code>).</p>""",
    skeleton='''\
def conv_output_size(size, kernel, stride=1, padding=0, dilation=1):
    """How many positions a window of `kernel` taps takes along an axis of `size` cells.

    size, kernel, stride, padding, dilation: ints. Returns an int.
    """
    raise NotImplementedError
''',
    hints=("Count the starts. The last start s must satisfy s + span ≤ size + 2·padding, with "
           "span = dilation·(kernel − 1) + 1. How many multiples of the stride lie between 0 and "
           "size + 2·padding − span?",
           "Between 0 and L = size + 2·padding − span there are L // stride + 1 multiples of the "
           "stride — the + 1 counts the start at 0. So: return (size + 2*padding - dilation*"
           "(kernel - 1) - 1) // stride + 1"),
    make_cases=_size_cases,
    mistakes=SIZE_MISTAKES,
)


# --------------------------------------------------------------------------- 2. pad

def _pad_cases(rng):
    example = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    shapes = [((1, 1, 2, 2), 1), ((2, 3, 4, 5), 1), ((1, 2, 3, 7), 2), ((3, 1, 5, 4), 3),
              ((2, 2, 3, 3), 0), ((1, 1, 1, 1), 2)]
    cases = [Case("pad2d", (example, 1), "the worked example: x 1×1×2×2, padding 1")]
    for shape, padding in shapes[1:] + [((int(rng.integers(1, 4)), int(rng.integers(1, 4)),
                                          int(rng.integers(1, 8)), int(rng.integers(1, 8))),
                                         int(rng.integers(1, 4))) for _ in range(3)]:
        x = rng.standard_normal(shape)
        cases.append(Case("pad2d", (x, padding), f"x {dims(shape)}, padding {padding}"))
    return cases


def _pad_shape_words(case, part, expected, got):
    x, padding = case.args
    n, c, h, w = x.shape
    if len(got) == 4 and (got[0] != n or got[1] != c):
        return (f"you returned {dims(got)}: you padded the batch or channel axis too — pad only "
                f"H and W: {dims(expected)}")
    if tuple(got) == (n, c, h + padding, w + padding):
        return (f"you returned {dims(got[2:])}; padding {padding} adds {padding} rows on top AND "
                f"{padding} at the bottom (and columns on both sides): {dims(expected[2:])}")
    if tuple(got) == x.shape:
        return f"you returned the input's size {dims(got)}; padded, it is {dims(expected)}"
    return None


def _off_centre(x, padding):
    n, c, h, w = x.shape
    out = np.zeros((n, c, h + 2 * padding, w + 2 * padding))
    out[:, :, :h, :w] = x
    return out


PAD = Exercise(
    id="pad",
    title="Padding",
    lesson_idea=2,
    functions=("pad2d",),
    params={"pad2d": ("x", "padding")},
    provided=(),
    statement="""\
<p>Write <code>pad2d(x, padding)</code>: surround every image of the batch with
<i>padding</i> rows and columns of zeros, on all four sides, so a window can start outside the
image and the output need not shrink.</p>
<p>x has shape (N, C, H, W); the result has shape (N, C, H + 2·padding, W + 2·padding). The batch
and the channels are not padded.</p>
<p><b>Example.</b> x of shape 1×1×2×2, padding 1:</p>
<pre>x[0, 0] = [[1, 2],        pad2d(x, 1)[0, 0] = [[0, 0, 0, 0],
           [3, 4]]                               [0, 1, 2, 0],
                                                 [0, 3, 4, 0],
                                                 [0, 0, 0, 0]]</pre>""",
    skeleton='''\
import numpy as np


def pad2d(x, padding):
    """Zeros around every image.

    x: (N, C, H, W); padding: int. Returns (N, C, H + 2*padding, W + 2*padding).
    """
    raise NotImplementedError
''',
    hints=("Make an array of zeros of the padded shape, then copy x into its middle.",
           "out = np.zeros((N, C, H + 2*padding, W + 2*padding), dtype=x.dtype); "
           "out[:, :, padding:padding + H, padding:padding + W] = x. (np.pad works too, with "
           "((0, 0), (0, 0), (padding, padding), (padding, padding)).)"),
    make_cases=_pad_cases,
    mistakes=(
        Mistake("pad2d", lambda x, p: R.pad2d(x, p, 1.0),
                "the border must be zeros: you padded with ones"),
        Mistake("pad2d", lambda x, p: np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)), mode="edge"),
                "the border must be zeros: you repeated the edge values"),
        Mistake("pad2d", _off_centre,
                "the image must sit in the middle: row r of x goes to row r + padding"),
    ),
    shape_words=_pad_shape_words,
)


# --------------------------------------------------------------------------- 3. convolution

CONV_PARAMS = ("x", "weight", "bias", "stride", "padding", "dilation")


def _conv_case(rng, x_shape, w_shape, stride=1, padding=0, dilation=1, bias=False, x=None,
               weight=None, note=""):
    x = rng.standard_normal(x_shape) if x is None else x
    weight = rng.standard_normal(w_shape) if weight is None else weight
    b = rng.standard_normal(w_shape[0]) if bias else None
    words = {"stride": stride, "padding": padding, "dilation": dilation}
    extra = _words({k: v for k, v in words.items() if v != (0 if k == "padding" else 1)})
    text = f"x {dims(x.shape)}, w {dims(weight.shape)}" + (", bias" if bias else "") + \
        (f", {extra}" if extra else "") + (f" ({note})" if note else "")
    return Case("conv2d_naive", (x, weight, b, stride, padding, dilation), text)


def _conv_cases(rng):
    lesson_x = np.arange(9, dtype=np.float64).reshape(1, 1, 3, 3)
    demo_x = np.arange(108, dtype=np.float64).reshape(1, 3, 6, 6)
    cases = [
        _conv_case(rng, None, None, x=np.arange(12.0).reshape(1, 1, 3, 4),
                   weight=np.array([[[[1.0, 2.0], [0.0, 0.0]]]]), note="the worked example"),
        _conv_case(rng, None, (16, 1, 3, 3), x=lesson_x, note="the lesson's first convolution"),
        _conv_case(rng, None, (1, 3, 3, 3), x=demo_x, note="the lesson's conv → pool → FC"),
        _conv_case(rng, (1, 2, 7, 7), (3, 2, 3, 3), stride=2),
        _conv_case(rng, (2, 1, 5, 5), (2, 1, 3, 3), padding=1, bias=True),
        _conv_case(rng, (1, 2, 4, 5), (2, 2, 3, 3), padding=3, note="padding > kernel/2"),
        _conv_case(rng, (2, 3, 6, 8), (4, 3, 3, 2), stride=2, padding=1, bias=True,
                   note="non-square input and kernel"),
        _conv_case(rng, (1, 2, 8, 7), (2, 2, 3, 3), dilation=2),
        _conv_case(rng, (3, 3, 5, 5), (2, 3, 2, 2), bias=True, note="batch 3, 3 channels"),
        _conv_case(rng, (1, 1, 4, 4), (1, 1, 4, 4), note="kernel as large as the input"),
        _conv_case(rng, (1, 1, 28, 28), (6, 1, 5, 5), padding=2, bias=True,
                   note="LeNet-5's first layer"),
    ]
    for _ in range(3):
        n, c, oc = (int(v) for v in rng.integers(1, 4, 3))
        h, w = (int(v) for v in rng.integers(3, 9, 2))
        kh, kw = int(rng.integers(1, min(h, 4) + 1)), int(rng.integers(1, min(w, 4) + 1))
        cases.append(_conv_case(rng, (n, c, h, w), (oc, c, kh, kw), int(rng.integers(1, 3)),
                                int(rng.integers(0, 3)), 1, bool(rng.integers(0, 2))))
    return cases


def _conv_shape_words(case, part, expected, got):
    x, weight, _, stride, padding, dilation = case.args
    said = _batch_channel_words(got, expected, x.shape[1])
    if said is None:
        said = _size_words(got[2:], expected[2:], x.shape[2:], weight.shape[2:], stride,
                           padding, dilation)
    return said


def _only_first_image(function):
    def wrong(*args):
        out = function(*args)
        out[1:] = 0
        return out
    return wrong


def _crop_like(wrong, right):
    """A wrong answer computed on a larger grid, cut to the right answer's size."""
    return wrong[tuple(slice(0, s) for s in right.shape)]


# The mistakes use the fast convolution (equal to the reference, tests/core/test_reference.py):
# the checker computes them for every case of a failing run.
CONV_MISTAKES = (
    Mistake("conv2d_naive",
            lambda x, w, b, s, p, d: F.conv2d(x, w[:, :, ::-1, ::-1].copy(), b, s, p, d),
            "your output is the true convolution (kernel flipped); the lesson's convolution is a "
            "cross-correlation: use weight[oc, c, i, j] as it is"),
    Mistake("conv2d_naive", _only_first_image(F.conv2d),
            "only the first image of the batch was convolved: loop over every image (the "
            "lesson's own im2col read only the first)"),
    Mistake("conv2d_naive", lambda x, w, b, s, p, d: F.conv2d(x, w, None, s, p, d),
            "the bias is missing: add bias[oc] once to every output value of channel oc"),
    Mistake("conv2d_naive",
            lambda x, w, b, s, p, d: _crop_like(F.conv2d(x, w, b, s, p, 1),
                                                F.conv2d(x, w, b, s, p, d)),
            "with dilation {dilation} the kernel's taps are {dilation} cells apart: read "
            "xp[..., row·stride + i·dilation, col·stride + j·dilation]"),
)

CONV = Exercise(
    id="conv_naive",
    title="Convolution: the seven loops",
    lesson_idea=3,
    functions=("conv2d_naive",),
    params={"conv2d_naive": CONV_PARAMS},
    provided=("conv_output_size", "pad2d"),
    statement="""\
<p>Write <code>conv2d_naive(x, weight, bias=None, stride=1, padding=0, dilation=1)</code>, the
lesson's sliding window: seven nested loops over the batch, the output row, the output column,
the kernel (output channel), the input channel, the kernel row and the kernel column.</p>
<p>x is (N, C, H, W), weight (OC, C, KH, KW), bias (OC,) or None; the output is
(N, OC, OH, OW). Each output value is the sum of a window of the padded input times the kernel
— a <b>cross-correlation</b>: the kernel is not flipped.</p>
<pre>out[n, oc, row, col] = bias[oc] + Σ over c, i, j of
    xp[n, c, row·stride + i·dilation, col·stride + j·dilation] · weight[oc, c, i, j]</pre>
<p><b>Example.</b> x = 0…11 as 1×1×3×4, one kernel [[1, 2], [0, 0]]:</p>
<pre>x[0, 0] = [[0, 1,  2,  3],       out[0, 0] = [[ 2,  5,  8],
           [4, 5,  6,  7],                    [14, 17, 20]]
           [8, 9, 10, 11]]       (out[0, 0, 0, 0] = 1·0 + 2·1)</pre>
<p>You may call <code>conv_output_size</code> and <code>pad2d</code> (the earlier exercises' answers
are provided).</p>""",
    skeleton='''\
import numpy as np


def conv2d_naive(x, weight, bias=None, stride=1, padding=0, dilation=1):
    """Convolution (cross-correlation) as seven nested loops.

    x: (N, C, H, W); weight: (OC, C, KH, KW); bias: (OC,) or None;
    stride, padding, dilation: ints. Returns (N, OC, OH, OW).
    conv_output_size(size, kernel, stride, padding, dilation) and pad2d(x, padding)
    are available.
    """
    raise NotImplementedError
''',
    hints=("Start with the output's size (conv_output_size for OH and OW), pad x once with "
           "pad2d, and make out = np.zeros((N, OC, OH, OW)). Then the seven loops: n, row, col, "
           "oc, c, i, j.",
           "Inside the loops: total += xp[n, c, row*stride + i*dilation, col*stride + "
           "j*dilation] * weight[oc, c, i, j]. The stride moves the window between output "
           "pixels; inside the window you step by the dilation. Add bias[oc] once per output "
           "value."),
    make_cases=_conv_cases,
    mistakes=CONV_MISTAKES,
    shape_words=_conv_shape_words,
    replaces=Replacement("core.functional.conv2d", "convolution", "your conv2d_naive",
                         "one stride and one dilation for both axes; groups run your function "
                         "once per group; other padding kinds are applied before it"),
)


# --------------------------------------------------------------------------- 4. im2col

IM2COL_PARAMS = ("x", "kernel_size", "stride", "padding")


def _im2col_cases(rng):
    cases = [Case("im2col", (np.arange(12.0).reshape(1, 1, 3, 4), (2, 2), 1, 0),
                  "the worked example: x 1×1×3×4, kernel 2×2")]
    for shape, kernel, stride, padding, note in (
            ((2, 3, 5, 5), (3, 3), 1, 0, "batch 2, 3 channels"),
            ((1, 2, 7, 7), (3, 3), 2, 0, ""),
            ((2, 1, 4, 6), (2, 3), 1, 1, "non-square"),
            ((1, 2, 5, 4), (3, 2), 2, 1, "non-square, stride and padding"),
            ((3, 2, 3, 3), (2, 2), 1, 2, "padding > kernel/2"),
            ((1, 3, 4, 4), (1, 1), 1, 0, "1×1 kernel")):
        cases.append(Case("im2col", (rng.standard_normal(shape), kernel, stride, padding),
                          f"x {dims(shape)}, kernel {dims(kernel)}, stride {stride}, padding "
                          f"{padding}" + (f" ({note})" if note else "")))
    for _ in range(3):
        shape = tuple(int(v) for v in rng.integers(1, 4, 2)) + \
            tuple(int(v) for v in rng.integers(3, 8, 2))
        kernel = (int(rng.integers(1, 4)), int(rng.integers(1, 4)))
        stride, padding = int(rng.integers(1, 3)), int(rng.integers(0, 2))
        cases.append(Case("im2col", (rng.standard_normal(shape), kernel, stride, padding),
                          f"x {dims(shape)}, kernel {dims(kernel)}, stride {stride}, padding "
                          f"{padding}"))
    return cases


def _im2col_shape_words(case, part, expected, got):
    x, kernel, stride, padding = case.args
    n, k, length = expected
    if len(got) == 3 and tuple(got[1:]) == (length, k):
        return (f"you returned {dims(got)}: transposed — each COLUMN is one patch: "
                f"(N, C·KH·KW, OH·OW) = {dims(expected)}")
    if len(got) == 3 and got[0] == 1 and n > 1:
        return (f"you returned 1 image; the batch has {n} — the lesson's im2col had this bug: "
                "unfold every image")
    if len(got) == 3 and got[1] != k:
        return (f"you returned {got[1]} rows; a patch holds C·KH·KW = {k} values, one row "
                "each")
    if len(got) == 3 and got[2] != length:
        h, w = x.shape[2:]
        for name, s, p, question in (("padding", stride, 0, "did you pad?"),
                                     ("stride", 1, padding, "did you use the stride?")):
            wrong = R.conv_output_size(h, kernel[0], s, p) * R.conv_output_size(w, kernel[1], s, p)
            if got[2] == wrong and wrong != length:
                return (f"you returned {got[2]} columns; with {name} "
                        f"{padding if name == 'padding' else stride} there are OH·OW = {length} "
                        f"patches — {question}")
        return f"you returned {got[2]} columns; there are OH·OW = {length} patches"
    return None


def _rows_tap_major(x, kernel, stride, padding):
    cols = R.im2col(x, kernel, stride, padding)
    n, c = x.shape[:2]
    return cols.reshape(n, c, kernel[0], kernel[1], -1).transpose(0, 2, 3, 1, 4).reshape(
        cols.shape)


def _columns_down(x, kernel, stride, padding):
    cols = R.im2col(x, kernel, stride, padding)
    oh = R.conv_output_size(x.shape[2], kernel[0], stride, padding)
    n, k = cols.shape[:2]
    return cols.reshape(n, k, oh, -1).transpose(0, 1, 3, 2).reshape(cols.shape)


IM2COL = Exercise(
    id="im2col",
    title="im2col: every patch a column",
    lesson_idea=4,
    functions=("im2col",),
    params={"im2col": IM2COL_PARAMS},
    provided=("conv_output_size", "pad2d"),
    statement="""\
<p>Write <code>im2col(x, kernel_size, stride=1, padding=0)</code>: unfold every patch the kernel
visits into one column of a matrix, so that the whole convolution becomes one matrix product:
kernel matrix (OC, C·KH·KW) @ column matrix (C·KH·KW, OH·OW) = output (OC, OH·OW).</p>
<p>x is (N, C, H, W), kernel_size a pair (KH, KW); return (N, C·KH·KW, OH·OW). Column
<i>row·OW + col</i> is the patch of output pixel (row, col); in it, row <i>(c·KH + i)·KW + j</i>
holds channel c at kernel offset (i, j) — the patch (C, KH, KW) flattened in that order.</p>
<p><b>Example.</b> x = 0…11 as 1×1×3×4, kernel (2, 2): OH = 2, OW = 3, six patches.</p>
<pre>x[0, 0] = [[0, 1,  2,  3],      im2col(x, (2, 2))[0] = [[0, 1, 2, 4, 5,  6],
           [4, 5,  6,  7],                               [1, 2, 3, 5, 6,  7],
           [8, 9, 10, 11]]                               [4, 5, 6, 8, 9, 10],
                                                         [5, 6, 7, 9, 10, 11]]</pre>
<p>The first column [0, 1, 4, 5] is the top-left patch. You may call
<code>conv_output_size</code> and <code>pad2d</code>.</p>""",
    skeleton='''\
import numpy as np


def im2col(x, kernel_size, stride=1, padding=0):
    """Unfold every KH×KW patch into a column.

    x: (N, C, H, W); kernel_size: (KH, KW); stride, padding: ints.
    Returns (N, C*KH*KW, OH*OW): column row*OW + col is the patch of output pixel (row, col).
    """
    raise NotImplementedError
''',
    hints=("Loop over the output pixels (row, col). The patch of (row, col) starts at "
           "(row·stride, col·stride) in the padded input and is KH×KW; take it for all images "
           "and channels at once: xp[:, :, top:top + KH, left:left + KW].",
           "cols[:, :, row * OW + col] = patch.reshape(N, C * KH * KW) — reshaping (N, C, KH, KW) "
           "keeps the channel-major order asked for. Start from cols = np.zeros((N, C*KH*KW, "
           "OH*OW))."),
    make_cases=_im2col_cases,
    mistakes=(
        Mistake("im2col", _only_first_image(R.im2col),
                "only the first image was unfolded (the lesson's im2col had this bug): fill the "
                "columns of every image"),
        Mistake("im2col", _rows_tap_major,
                "the rows are in (KH, KW, C) order; the layout is channel first: row "
                "(c·KH + i)·KW + j holds channel c at offset (i, j)"),
        Mistake("im2col", _columns_down,
                "the columns are numbered down the output's columns; number them row by row: "
                "column row·OW + col"),
    ),
    shape_words=_im2col_shape_words,
    replaces=Replacement("core.functional.im2col", "convolution", "your im2col",
                         "one stride for both axes and no dilation"),
)


# --------------------------------------------------------------------------- 5. max pooling

POOL_PARAMS = ("x", "kernel_size", "stride")


def _pool_cases(rng, function):
    example = np.array([[[[1.0, 3.0, 2.0, 1.0], [4.0, 2.0, 0.0, 1.0], [5.0, 1.0, 2.0, 7.0],
                          [0.0, 6.0, 3.0, 3.0]]]])

    def ties(shape):
        return rng.integers(0, 3, shape).astype(np.float64)

    specs = [(example, 2, None, "the worked example, stride None = kernel"),
             (rng.standard_normal((2, 3, 4, 6)), 2, 2, "batch 2, 3 channels"),
             (ties((2, 2, 6, 6)), 2, 2, "ties in the windows"),
             (ties((1, 2, 7, 7)), 3, 2, "overlapping windows with ties"),
             (rng.standard_normal((2, 1, 5, 6)), 2, 1, "stride 1: windows overlap"),
             (rng.standard_normal((1, 3, 6, 9)), 3, 3, "non-square input"),
             (-1 - rng.random((2, 2, 4, 6)), 2, 2, "every value negative"),
             (ties((1, 1, 5, 5)), 3, 1, "stride 1 with ties")]
    for _ in range(3):
        kernel = int(rng.integers(1, 4))
        stride = int(rng.integers(1, kernel + 1))
        shape = (int(rng.integers(1, 4)), int(rng.integers(1, 4)),
                 int(rng.integers(kernel, 9)), int(rng.integers(kernel, 9)))
        specs.append((ties(shape) if rng.random() < 0.5 else rng.standard_normal(shape),
                      kernel, stride, ""))
    cases = []
    for x, kernel, stride, note in specs:
        text = f"x {dims(x.shape)}, kernel {kernel}, stride {stride}" + \
            (f" ({note})" if note else "")
        if function == "max_pool2d":
            cases.append(Case(function, (x, kernel, stride), text))
        else:
            out_shape = R.max_pool2d(x, kernel, stride).shape
            dout = np.round(rng.standard_normal(out_shape), 2) + 0.0
            cases.append(Case(function, (dout, x, kernel, stride), text))
    return cases


def _pool_shape_words(case, part, expected, got):
    x, kernel, stride = case.args[-3:]
    said = _batch_channel_words(got, expected, x.shape[1])
    if said is None and case.function == "max_pool2d":
        stride = kernel if stride is None else stride
        as_kernel = tuple(R.conv_output_size(n, kernel, kernel) for n in x.shape[2:])
        if stride != kernel and tuple(got[2:]) == as_kernel:
            return (f"you returned {dims(got[2:])}; with stride {stride} the windows move "
                    f"{stride} cells: {dims(expected[2:])} — did you use the stride? (only "
                    "stride None means stride = kernel_size)")
        said = _size_words(got[2:], expected[2:], x.shape[2:], (kernel, kernel), stride, 0, 1)
    return said


def _broadcast_max(axes):
    def wrong(x, kernel, stride):
        pooled = R.max_pool2d(x.max(axis=axes, keepdims=True), kernel, stride)
        return np.broadcast_to(pooled, R.max_pool2d(x, kernel, stride).shape).copy()
    return wrong


MAX_POOL = Exercise(
    id="max_pool_forward",
    title="Max pooling",
    lesson_idea=6,
    functions=("max_pool2d",),
    params={"max_pool2d": POOL_PARAMS},
    provided=("conv_output_size",),
    statement="""\
<p>Write <code>max_pool2d(x, kernel_size, stride=None)</code>: keep the largest value of every
kernel_size×kernel_size window, for each image and each channel on its own. <i>stride</i> None
means stride = kernel_size (windows side by side); a smaller stride makes them overlap.</p>
<p>x is (N, C, H, W); the output is (N, C, OH, OW) with the convolution's size formula
(no padding here).</p>
<p><b>Example.</b> kernel 2, stride 2 halves the map:</p>
<pre>x[0, 0] = [[1, 3, 2, 1],        max_pool2d(x, 2)[0, 0] = [[4, 2],
           [4, 2, 0, 1],                                  [6, 7]]
           [5, 1, 2, 7],
           [0, 6, 3, 3]]</pre>
<p>You may call <code>conv_output_size</code>.</p>""",
    skeleton='''\
import numpy as np


def max_pool2d(x, kernel_size, stride=None):
    """The largest value of every kernel_size × kernel_size window.

    x: (N, C, H, W); kernel_size: int; stride: int or None (= kernel_size).
    Returns (N, C, OH, OW).
    """
    raise NotImplementedError
''',
    hints=("OH = conv_output_size(H, kernel_size, stride). For each output pixel cut the window "
           "x[:, :, row*stride : row*stride + k, col*stride : col*stride + k] — all images and "
           "channels at once — and take its maximum.",
           "out[:, :, row, col] = window.max(axis=(2, 3)). Only the axes (2, 3): a maximum over "
           "axis 0 as well would mix the images of the batch (the lesson's own bug)."),
    make_cases=lambda rng: _pool_cases(rng, "max_pool2d"),
    mistakes=(
        Mistake("max_pool2d", _broadcast_max(0),
                "the maximum mixes the images of the batch (the lesson's bug): take it over "
                "each window of each image only — axis=(2, 3)"),
        Mistake("max_pool2d", _broadcast_max(1),
                "the maximum mixes the channels: pool each channel on its own"),
        Mistake("max_pool2d", lambda x, k, s: R.avg_pool2d(x, k, s),
                "that is average pooling: keep the largest value of each window"),
        Mistake("max_pool2d", lambda x, k, s: np.maximum(R.max_pool2d(x, k, s), 0),
                "your maxima are never below 0: start each window's maximum at its first value "
                "(or −∞), not at 0"),
    ),
    shape_words=_pool_shape_words,
    replaces=Replacement("core.functional.max_pool2d", "pooling", "your max_pool2d",
                         "square windows, one stride, no dilation, no ceil_mode; padding is "
                         "added (−∞) before your function runs"),
)


# --------------------------------------------------------------------------- 6. max-pool backward

def _route(pick, add=True):
    """A max-pool backward that sends each window's gradient to the cells ``pick`` chooses."""
    def backward(dout, x, kernel, stride):
        stride = kernel if stride is None else stride
        dx = np.zeros(x.shape)
        for n, c, row, col in np.ndindex(dout.shape):
            rows = slice(row * stride, row * stride + kernel)
            cols = slice(col * stride, col * stride + kernel)
            mask = pick(x[n, c, rows, cols])
            if add:
                dx[n, c, rows, cols] += dout[n, c, row, col] * mask
            else:
                dx[n, c, rows, cols][mask] = dout[n, c, row, col]
        return dx
    return backward


def _first(window):
    mask = np.zeros(window.shape, bool)
    mask[np.unravel_index(np.argmax(window), window.shape)] = True
    return mask


def _last(window):
    flat = window.ravel()
    mask = np.zeros(flat.shape, bool)
    mask[flat.size - 1 - np.argmax(flat[::-1])] = True
    return mask.reshape(window.shape)


MAX_POOL_BACKWARD = Exercise(
    id="max_pool_backward",
    title="Max pooling backward",
    lesson_idea=9,
    functions=("max_pool2d_backward",),
    params={"max_pool2d_backward": ("dout",) + POOL_PARAMS},
    provided=("conv_output_size", "max_pool2d"),
    statement="""\
<p>Write <code>max_pool2d_backward(dout, x, kernel_size, stride=None)</code>: the gradient of max
pooling ("max unpooling"). Only the cell that won a window influenced its output, so the
window's gradient <code>dout[n, c, row, col]</code> goes to that cell alone; every other cell
gets 0.</p>
<ul><li>On ties the <b>first</b> winner in reading order gets it (what <code>np.argmax</code>
returns).</li>
<li>Where windows overlap, a cell can win several windows: its gradients <b>add up</b>.</li></ul>
<p>dout is (N, C, OH, OW), x (N, C, H, W); return dx with x's shape.</p>
<p><b>Example.</b> kernel 2, stride 1, two overlapping windows that both pick the first 3:</p>
<pre>x[0, 0] = [[1, 3, 3],      dout[0, 0] = [[10, 100]]
           [0, 3, 2]]
dx[0, 0] = [[0, 110, 0],
            [0,   0, 0]]</pre>
<p>You may call <code>conv_output_size</code> and <code>max_pool2d</code>.</p>""",
    skeleton='''\
import numpy as np


def max_pool2d_backward(dout, x, kernel_size, stride=None):
    """Send each window's gradient to the cell that won it (the first one on ties);
    overlapping windows add up.

    dout: (N, C, OH, OW); x: (N, C, H, W); kernel_size: int; stride: int or None.
    Returns dx: (N, C, H, W).
    """
    raise NotImplementedError
''',
    hints=("For every image, channel and window find where its maximum is (np.argmax of the "
           "window gives the first one on ties), and add that window's dout to dx at that "
           "position.",
           "i, j = divmod(np.argmax(window), kernel_size); dx[n, c, row*stride + i, col*stride "
           "+ j] += dout[n, c, row, col] — with += : where windows overlap, one cell can win "
           "several of them."),
    make_cases=lambda rng: _pool_cases(rng, "max_pool2d_backward"),
    mistakes=(
        Mistake("max_pool2d_backward", _route(lambda w: np.ones(w.shape)),
                "every cell of the window got the gradient; only the cell that won the window "
                "(its maximum) should"),
        Mistake("max_pool2d_backward", _route(lambda w: np.ones(w.shape) / w.size),
                "that is average pooling's backward (the gradient shared by the window); max "
                "pooling sends all of it to the winner"),
        Mistake("max_pool2d_backward", _route(lambda w: w == w.max()),
                "every tied cell got the gradient; on ties only the FIRST winner (np.argmax) "
                "gets it"),
        Mistake("max_pool2d_backward", _route(_last),
                "on ties the gradient went to the last winner; it goes to the first, in reading "
                "order (np.argmax)"),
        Mistake("max_pool2d_backward", _route(_first, add=False),
                "a cell that wins several overlapping windows must ADD their gradients (+=), not "
                "keep the last one (=)"),
    ),
    shape_words=_pool_shape_words,
)


# --------------------------------------------------------------------------- 7. sigmoid

def _sigmoid_cases(rng):
    inputs = [(np.arange(-10.0, 10.0), "x = −10 … 9, the lesson's plot"),
              (np.array([0.0, 2.0, -2.0]), "the worked example"),
              (rng.standard_normal((3, 4)), "3×4 normal"),
              (2 * rng.standard_normal((2, 3, 4, 4)), "a 2×3×4×4 feature map"),
              (np.array([-800.0, -50.0, 0.0, 50.0, 800.0]), "large |x|: no overflow")]
    return [Case(function, (x,), f"{function}: {text}")
            for function in ("sigmoid", "sigmoid_derivative") for x, text in inputs]


SIGMOID = Exercise(
    id="sigmoid",
    title="Sigmoid and its derivative",
    lesson_idea=8,
    functions=("sigmoid", "sigmoid_derivative"),
    params={"sigmoid": ("x",), "sigmoid_derivative": ("x",)},
    provided=(),
    statement="""\
<p>Write <code>sigmoid(x)</code> = 1 / (1 + e<sup>−x</sup>) and <code>sigmoid_derivative(x)</code>
= σ′(x), elementwise on an array of any shape.</p>
<p>The derivative is written with the sigmoid's <b>output</b>: σ′(x) = σ(x)·(1 − σ(x)). It is at
most 1/4, at x = 0, and nearly 0 for large |x|: the sigmoid saturates and gradients vanish
through it.</p>
<p><b>Example.</b></p>
<pre>sigmoid(0) = 0.5        sigmoid_derivative(0) = 0.25
sigmoid(2) ≈ 0.8808     sigmoid_derivative(2) ≈ 0.1050
sigmoid(−2) ≈ 0.1192    sigmoid_derivative(−2) ≈ 0.1050</pre>
<p>For x = −800, e<sup>800</sup> overflows: can you write the sigmoid so that e is never raised
to a large positive power? (A warning is shown if it overflows.)</p>""",
    skeleton='''\
import numpy as np


def sigmoid(x):
    """1 / (1 + e^-x), elementwise. x: an array of any shape."""
    raise NotImplementedError


def sigmoid_derivative(x):
    """d sigmoid(x) / dx, elementwise. x: an array of any shape."""
    raise NotImplementedError
''',
    hints=("σ′ is written with σ's OUTPUT: compute s = sigmoid(x) first, then the derivative "
           "from s.",
           "sigmoid_derivative: s = sigmoid(x); return s * (1 - s). A sigmoid that never "
           "overflows: e = np.exp(-np.abs(x)); return np.where(x >= 0, 1 / (1 + e), e / (1 + e))."),
    make_cases=_sigmoid_cases,
    mistakes=(
        Mistake("sigmoid", lambda x: R.sigmoid(-x),
                "that is σ(−x): the exponent is −x, so σ(x) = 1 / (1 + e^(−x))"),
        Mistake("sigmoid", np.tanh, "that is tanh; σ(x) = 1 / (1 + e^(−x))"),
        Mistake("sigmoid_derivative", lambda x: x * (1 - x),
                "you computed x·(1 − x): σ′ is taken at the OUTPUT, σ(x)·(1 − σ(x)), not at the "
                "input"),
        Mistake("sigmoid_derivative", lambda x: R.sigmoid(x) * (1 - x),
                "σ(x)·(1 − x) mixes the output and the input: σ′ = σ(x)·(1 − σ(x))"),
        Mistake("sigmoid_derivative", R.sigmoid,
                "that is σ itself; its derivative is σ(x)·(1 − σ(x))"),
        Mistake("sigmoid_derivative", lambda x: 1 - R.sigmoid(x) ** 2,
                "1 − σ² is tanh's pattern (tanh′ = 1 − tanh²); σ′ = σ·(1 − σ)"),
    ),
    replaces=Replacement("core.functional.sigmoid", "activations", "your sigmoid",
                         "the result is cast to the input's dtype"),
)


# --------------------------------------------------------------------------- 8. linear backward

def _linear_cases(rng):
    cases = [Case("linear_backward", (np.array([[1.0], [2.0]]), np.array([[1.0, 2.0], [0.0, 1.0]]),
                                      np.array([[3.0, 4.0]])),
                  "the worked example: N 2, IN 2, OUT 1")]
    for n, inputs, outputs in ((1, 3, 2), (4, 5, 3), (2, 7, 4), (5, 3, 6),
                               (int(rng.integers(1, 6)), 6, 2), (3, int(rng.integers(2, 9)), 5)):
        dout, x, w = (rng.standard_normal((n, outputs)), rng.standard_normal((n, inputs)),
                      rng.standard_normal((outputs, inputs)))
        cases.append(Case("linear_backward", (dout, x, w), f"N {n}, IN {inputs}, OUT {outputs}"))
    return cases


def _linear_shape_words(case, part, expected, got):
    if tuple(got) == tuple(expected)[::-1] and len(got) == 2:
        return f"{part}: you returned {dims(got)}, transposed; it is {dims(expected)}"
    if part == "dbias" and len(got) == 2:
        return f"dbias: you returned {dims(got)}; it is 1-D like the bias: {dims(expected)}"
    return None


LINEAR_BACKWARD = Exercise(
    id="linear_backward",
    title="Fully connected layer backward",
    lesson_idea=7,
    functions=("linear_backward",),
    params={"linear_backward": ("dout", "x", "weight")},
    parts=("dx", "dweight", "dbias"),
    provided=(),
    statement="""\
<p>A fully connected layer computes y = x·Wᵀ + b with x (N, IN), weight W (OUT, IN), b (OUT,).
Write <code>linear_backward(dout, x, weight)</code>, returning the three gradients
<code>(dx, dweight, dbias)</code> from dout = ∂loss/∂y (N, OUT).</p>
<p>Each has the shape of what it is the gradient of: dx (N, IN), dweight (OUT, IN),
dbias (OUT,). Every sample of the batch adds its share to dweight and dbias.</p>
<p><b>Example.</b> x = [[1, 2], [0, 1]], W = [[3, 4]], dout = [[1], [2]]:</p>
<pre>dx      = [[3, 4], [6, 8]]
dweight = [[1, 4]]          (1·[1, 2] + 2·[0, 1])
dbias   = [3]</pre>""",
    skeleton='''\
import numpy as np


def linear_backward(dout, x, weight):
    """Gradients of y = x @ weight.T + b.

    dout: (N, OUT); x: (N, IN); weight: (OUT, IN).
    Returns (dx (N, IN), dweight (OUT, IN), dbias (OUT,)).
    """
    raise NotImplementedError
''',
    hints=("Let the shapes guide you: dx must be (N, IN), dweight (OUT, IN), dbias (OUT,); each "
           "is a product of two of dout, x and weight, or a sum of dout.",
           "dx = dout @ weight; dweight = dout.T @ x; dbias = dout.sum(axis=0) — summed over the "
           "batch, not averaged."),
    make_cases=_linear_cases,
    mistakes=(
        Mistake("linear_backward",
                lambda d, x, w: (d @ w, d.T @ x, d.mean(axis=0)),
                "dbias is averaged over the batch; every sample adds its share: "
                "dout.sum(axis=0)"),
        Mistake("linear_backward",
                lambda d, x, w: (d @ w, d.T @ x / len(x), d.sum(axis=0)),
                "dweight is divided by the batch size; the loss's mean is already in dout: "
                "dout.T @ x"),
        Mistake("linear_backward",
                lambda d, x, w: (d @ w, np.outer(d[0], x[0]), d.sum(axis=0)),
                "dweight counts only the first sample; every sample adds dout[n] ⊗ x[n]: "
                "dout.T @ x"),
        Mistake("linear_backward",
                lambda d, x, w: (d @ w, d.T @ x, d.sum(axis=1)),
                "dbias summed over the outputs instead of the batch: dout.sum(axis=0)"),
    ),
    shape_words=_linear_shape_words,
)


# --------------------------------------------------------------------------- 9. the tiny network

def _tiny_cases(rng):
    cases = [Case("tiny_net_step", (np.zeros((6, 6)), 1.0, np.ones((3, 3)),
                                    np.array([[1.0, -1.0, 0.5, 0.5]]), 0.5),
                  "the worked example: x all zeros, y 1, lr 0.5")]
    for y, lr, note in ((1.0, 0.01, "the lesson's: y 1, lr 0.01"), (1.0, 0.5, "y 1, lr 0.5"),
                        (0.0, 0.5, "y 0, lr 0.5"), (1.0, 1.0, "y 1, lr 1"),
                        (0.3, 2.0, "y 0.3, lr 2")):
        x, w1, w2 = (rng.standard_normal((6, 6)), rng.standard_normal((3, 3)),
                     rng.standard_normal((1, 4)))
        cases.append(Case("tiny_net_step", (x, y, w1, w2, lr), f"random x, w1, w2; {note}"))
    return cases


def _tiny_variant(x, y, w1, w2, lr, error_scale=1.0, slope_at_input=False, pool_all=False,
                  ascent=False, half=True, flip=False):
    """The tiny network's step with one typical mistake switched on."""
    z1 = R.conv2d_naive(x[None, None], w1[None, None])[0, 0]
    s = R.sigmoid(z1)
    pooled = R.max_pool2d(s[None, None], 2)[0, 0].reshape(4)
    z2 = (w2 @ pooled)[0]
    y_hat = R.sigmoid(z2)
    loss = (0.5 if half else 1.0) * (y - y_hat) ** 2
    delta2 = error_scale * (y_hat - y) * (z2 * (1 - z2) if slope_at_input else y_hat * (1 - y_hat))
    grad_w2 = delta2 * pooled[None]
    dpooled = (delta2 * w2[0]).reshape(1, 1, 2, 2)
    ds = np.kron(dpooled[0, 0], np.ones((2, 2))) if pool_all else \
        R.max_pool2d_backward(dpooled, s[None, None], 2)[0, 0]
    delta1 = ds * (z1 * (1 - z1) if slope_at_input else s * (1 - s))
    kernel = delta1[::-1, ::-1] if flip else delta1
    grad_w1 = R.conv2d_naive(x[None, None], kernel[None, None])[0, 0]
    sign = -1.0 if ascent else 1.0
    return w1 - sign * lr * grad_w1, w2 - sign * lr * grad_w2, loss


def _tiny_mistake(message, **switch):
    return Mistake("tiny_net_step", lambda *args: _tiny_variant(*args, **switch), message)


def _tiny_shape_words(case, part, expected, got):
    if part == "w2" and tuple(got) == (4,):
        return "w2: you returned 4 values; the weight keeps its shape 1×4"
    return None


TINY_NET = Exercise(
    id="tiny_net_step",
    title="One training step of the tiny network",
    lesson_idea=9,
    functions=("tiny_net_step",),
    params={"tiny_net_step": ("x", "y", "w1", "w2", "lr")},
    parts=("w1", "w2", "loss"),
    provided=("conv2d_naive", "max_pool2d", "max_pool2d_backward", "sigmoid",
              "sigmoid_derivative"),
    statement="""\
<p>The lesson's tiny network, for one 6×6 input x and a target y:</p>
<pre>z1 = x ⋆ w1 (3×3, no bias) → s = σ(z1) (4×4) → max-pool 2×2 → flatten (4) →
z2 = w2 · pooled (w2 1×4, no bias) → ŷ = σ(z2) → E = ½(y − ŷ)²</pre>
<p>Write <code>tiny_net_step(x, y, w1, w2, lr)</code>: one plain SGD step. Return
<code>(new w1, new w2, loss)</code> with w ← w − lr·∂E/∂w and the loss E <i>before</i> the step.
Backward runs the chain rule in reverse: ∂E/∂ŷ = ŷ − y (the ½ cancels the 2); through a sigmoid
multiply by σ′ = output·(1 − output); through the max-pool only the winners get gradient; the
gradient of w1 is the input correlated with the conv's error map.</p>
<p><b>Example.</b> x all zeros, y = 1, w1 all ones, w2 = [[1, −1, 0.5, 0.5]], lr 0.5: z1 = 0, so
s = 0.5 everywhere and pooled = [0.5, 0.5, 0.5, 0.5]; z2 = 0.5, ŷ = σ(0.5) ≈ 0.6225, loss ≈
0.0713. ∂E/∂z2 = (ŷ − 1)·ŷ(1 − ŷ) ≈ −0.0887, so w2 grows by 0.5·0.0887·0.5 ≈ 0.0222 in each
entry; w1 does not move (x is 0).</p>
<p>conv2d_naive, max_pool2d, max_pool2d_backward, sigmoid and sigmoid_derivative are provided
(4-D arrays: use x[None, None]).</p>""",
    skeleton='''\
import numpy as np


def tiny_net_step(x, y, w1, w2, lr):
    """One SGD step of conv 3x3 -> sigmoid -> max-pool 2x2 -> flatten -> FC 1x4 -> sigmoid,
    with the loss 1/2 (y - y_hat)^2.

    x: (6, 6); y: a number; w1: (3, 3); w2: (1, 4); lr: the learning rate.
    Returns (new w1 (3, 3), new w2 (1, 4), the loss before the step).
    """
    raise NotImplementedError
''',
    hints=("Forward first, keeping z1, s = σ(z1), the pooled values and ŷ. Then backward in "
           "reverse order: δ2 = ∂E/∂z2 = (ŷ − y)·ŷ(1 − ŷ); ∂E/∂w2 = δ2 · pooled; the pooled "
           "values get δ2 · w2.",
           "Send δ2·w2 (as 1×1×2×2) through max_pool2d_backward to the winners of s, multiply by "
           "s(1 − s) to get the conv's error map δ1 (4×4); ∂E/∂w1 = conv2d_naive(x[None, None], "
           "δ1[None, None])[0, 0] (3×3). Then w1 − lr·∂E/∂w1 and w2 − lr·∂E/∂w2."),
    make_cases=_tiny_cases,
    mistakes=(
        _tiny_mistake("your steps are twice the lesson's: E = ½(y − ŷ)², so ∂E/∂ŷ = ŷ − y, not "
                      "2(ŷ − y)", error_scale=2.0),
        _tiny_mistake("σ′ taken at the wrong value: use the sigmoid's output, ŷ(1 − ŷ) and "
                      "s(1 − s), not z(1 − z)", slope_at_input=True),
        _tiny_mistake("the max-pool gradient went to every cell of each window; only each "
                      "window's winner gets it", pool_all=True),
        _tiny_mistake("the weights moved up the gradient: a descent step is w − lr·∂E/∂w",
                      ascent=True),
        _tiny_mistake("the loss is ½(y − ŷ)², with the ½", half=False),
        _tiny_mistake("∂E/∂w1 is flipped: it is the input CORRELATED with the error map (no "
                      "flip), like the forward convolution", flip=True),
    ),
    shape_words=_tiny_shape_words,
)


EXERCISES: tuple[Exercise, ...] = (OUTPUT_SIZE, PAD, CONV, IM2COL, MAX_POOL, MAX_POOL_BACKWARD,
                                   SIGMOID, LINEAR_BACKWARD, TINY_NET)
BY_ID = {exercise.id: exercise for exercise in EXERCISES}


def get(exercise_id: str) -> Exercise:
    try:
        return BY_ID[exercise_id]
    except KeyError:
        raise ValueError(f"no exercise {exercise_id!r}; known: {', '.join(BY_ID)}") from None


def message_fields(case: Case) -> dict:
    """What a mistake's message may name: the case's arguments by their parameter names."""
    exercise = next(e for e in EXERCISES if case.function in e.functions)
    fields = dict(zip(exercise.params[case.function], case.args))
    if case.function == "conv_output_size":
        fields["span"] = _span(fields["kernel"], fields["dilation"])
    return fields
