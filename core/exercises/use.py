""""Use my function": a learner's passing solution drawn on its page in place of the core's.

``use_my_function`` RUNS THE LEARNER'S CODE IN THE CALLER'S PROCESS (the app's), with none of
the sandbox's limits: an endless loop there freezes whatever thread calls it, and the code's
top level (its prints included) runs again when it is loaded. So it insists on a Report that
passed for exactly this source. Call the returned function from a worker thread, as for the
core's own.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from core import functional as F

from .catalog import get
from .checks import Report, provided_source, source_digest


def use_my_function(exercise_id: str, source_code: str, report: Report) -> Callable:
    """The learner's function wrapped with the signature of the core function it replaces
    (``describe(exercise_id).replaces.function``): same arguments, same validation errors,
    the answer checked for its shape and cast to the input's dtype. Settings the learner's
    function cannot handle (see ``replaces.limits``) raise a ValueError that says so.

    Runs the learner's code in THIS process (see the module's docstring); raises ValueError
    unless ``report`` is a passing Report of this exercise for exactly ``source_code``.
    """
    exercise = get(exercise_id)
    if exercise.replaces is None:
        raise ValueError(f"{exercise.title}: no page draws with this function")
    if report.exercise_id != exercise_id or not report.passed \
            or report.source_digest != source_digest(source_code):
        raise ValueError("only code that passed its checks can be used: run the checks on "
                         "this version first")
    namespace = {"__name__": "__exercise__"}
    exec(compile(provided_source(exercise), "<provided>", "exec"), namespace)
    exec(compile(source_code, "<your code>", "exec"), namespace)
    learner = namespace[exercise.functions[0]]
    return ADAPTERS[exercise_id](learner, exercise.replaces.label)


def _one(name: str, value, label: str) -> int:
    """The single number a learner's function takes for both axes."""
    h, w = F.pair(value, name)
    if h != w:
        raise ValueError(f"{label} takes one {name} for both axes; this page uses {(h, w)}")
    return h


def _answer(out, shape, dtype, label: str) -> np.ndarray:
    out = np.asarray(out)
    if out.shape != tuple(shape):
        raise ValueError(f"{label} returned shape {out.shape}; expected {tuple(shape)}")
    return out.astype(dtype, copy=False)


def _conv2d(learner, label):
    def conv2d(x, weight, bias=None, stride=1, padding=0, dilation=1, groups=1,
               padding_mode="zeros"):
        if isinstance(x, np.ndarray) and x.ndim == 3:
            return conv2d(x[None], weight, bias, stride, padding, dilation, groups,
                          padding_mode)[0]
        x, padding, _ = F.prepare_padding(x, weight.shape[2:], stride, padding, dilation,
                                          padding_mode)
        ph, pw = F.pair(padding, "padding")
        if ph != pw:  # uneven padding: added here, the learner's function pads nothing
            x, ph = F.pad2d(x, ph, pw), 0
        stride, dilation = _one("stride", stride, label), _one("dilation", dilation, label)
        if groups != 1 and (x.shape[1] % groups or weight.shape[0] % groups):
            raise ValueError(f"groups={groups} must divide the channels")
        per_in, per_out = x.shape[1] // groups, weight.shape[0] // groups
        shape = (x.shape[0], weight.shape[0],
                 F.conv_output_size(x.shape[2], weight.shape[2], stride, ph, dilation),
                 F.conv_output_size(x.shape[3], weight.shape[3], stride, ph, dilation))
        parts = []
        for g in range(groups):  # each group is a convolution of its own channels
            kernels = slice(g * per_out, (g + 1) * per_out)
            part = learner(x[:, g * per_in:(g + 1) * per_in], weight[kernels],
                           None if bias is None else bias[kernels], stride, ph, dilation)
            parts.append(_answer(part, (shape[0], per_out) + shape[2:], x.dtype, label))
        return np.concatenate(parts, axis=1)
    return conv2d


def _im2col(learner, label):
    def im2col(x, kernel_size, stride=1, padding=0, dilation=1):
        kh, kw = F.pair(kernel_size, "kernel_size")
        if F.pair(dilation, "dilation") != (1, 1):
            raise ValueError(f"{label} has no dilation; this page uses {dilation}")
        stride = _one("stride", stride, label)
        ph, pw = F.pair(padding, "padding")
        if ph != pw:
            x, ph = F.pad2d(x, ph, pw), 0
        oh = F.conv_output_size(x.shape[2], kh, stride, ph)
        ow = F.conv_output_size(x.shape[3], kw, stride, ph)
        return _answer(learner(x, (kh, kw), stride, ph),
                       (x.shape[0], x.shape[1] * kh * kw, oh * ow), x.dtype, label)
    return im2col


def _max_pool2d(learner, label):
    def max_pool2d(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                   return_indices=False):
        if isinstance(x, np.ndarray) and x.ndim == 3:
            return max_pool2d(x[None], kernel_size, stride, padding, dilation, ceil_mode,
                              return_indices)[0]
        kernel, strides, pads, dilations = F.pool_args(kernel_size, stride, padding, dilation)
        if dilations != (1, 1) or ceil_mode or return_indices:
            raise ValueError(f"{label} has no dilation, ceil_mode or indices")
        kernel, stride = _one("kernel_size", kernel, label), _one("stride", strides, label)
        shape = x.shape[:2] + tuple(F.conv_output_size(size, kernel, stride, p)
                                    for size, p in zip(x.shape[2:], pads))
        padded = F.pad2d(x, pads[0], pads[1], -np.inf)  # −∞: the padding never wins
        return _answer(learner(padded, kernel, stride), shape, x.dtype, label)
    return max_pool2d


def _sigmoid(learner, label):
    def sigmoid(x):
        return _answer(learner(x), np.shape(x), x.dtype, label)
    return sigmoid


ADAPTERS = {"conv_naive": _conv2d, "im2col": _im2col, "max_pool_forward": _max_pool2d,
            "sigmoid": _sigmoid}
