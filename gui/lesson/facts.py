"""The numbers a lesson step quotes, read from its page's public result after Show me — the same
object the page draws — so the text says what the page shows, never a recomputation of it."""

from __future__ import annotations

import numpy as np

from core import functional as F
from core.compare import weighted_layers
from core.layers import Sigmoid
from gui.pages.lenet.text import parameter_split
from gui.pages.runs.text import duration


def _size(*sides) -> str:
    return "×".join(str(int(side)) for side in sides)


def _params(model) -> int:
    return sum(p.data.size for p in model.parameters())


def versus(page) -> dict:
    models = page.models()
    mlp, cnn = models["DMLP"], models["LeNet-5"]
    first = weighted_layers(mlp)[0].params
    return {"mlp_params": f"{_params(mlp):,}", "cnn_params": f"{_params(cnn):,}",
            "mlp_first_share": f"{first / _params(mlp):.0%}"}


def convolution(page) -> dict:
    """What the page shows: its own result (ValueError when its settings give none)."""
    result = page.result
    if result is None:
        raise ValueError("the convolution page shows no result")
    image, weight, g, sides = result.image[0], result.weight, result.geometry, result.sides
    channels, h, w = image.shape
    shape = result.maps.shape
    padded_rows = np.arange(g.kh) * g.dh
    padded_cols = np.arange(g.kw) * g.dw
    in_padding = ((padded_rows < sides.top) | (padded_rows >= sides.top + h))[:, None] | \
        ((padded_cols < sides.left) | (padded_cols >= sides.left + w))[None, :]
    rows = g.kh * g.kw * weight.shape[1]
    return {"conv_input": _size(h, w), "kernel": _size(g.kh, g.kw),
            "padding": sides.top, "stride": g.sh, "conv_maps": shape[1],
            "conv_output": _size(g.oh, g.ow), "h": h, "kh": g.kh, "ph": sides.top,
            "sh": g.sh, "oh": g.oh, "conv_output_shape": _size(*shape),
            "conv_output_shape_brackets": "[" + ", ".join(map(str, shape)) + "]",
            "conv_macs": f"{F.conv2d_macs(result.x.shape, weight.shape, **result.window):,}",
            "padding_cells": int(in_padding.sum()),
            "cols_shape": f"{rows * result.window['groups']} × {g.oh * g.ow}",
            "kernel_matrix_shape": f"{shape[1]} × {rows * result.window['groups']}"}


def pooling(page) -> dict:
    shown = page.shown
    if shown is None or shown.error:
        raise ValueError("the pooling page shows no result")
    x, g = shown.x, shown.geometry
    peaks = {shown.config.mode: float(shown.out.max()),
             "avg" if shown.config.mode == "max" else "max": float(shown.other.max())}
    return {"pool_max_peak": f"{peaks['max']:.2f}", "pool_avg_peak": f"{peaks['avg']:.2f}",
            "pool_window": _size(g.kh, g.kw), "pool_stride": g.sh,
            "pool_input": _size(*x.shape[2:]), "pool_output": _size(g.oh, g.ow),
            "pool_h": x.shape[2], "pool_window_k": g.kh, "pool_padding": g.ph, "pool_oh": g.oh}


def lenet(page) -> dict:
    split = parameter_split(page.model, page.model.summary((1, 28, 28)))
    return {"lenet_params": f"{split.total:,}", "fc_share": f"{split.fc / split.total:.0%}",
            "dense_share": f"{(split.fc + split.full_size) / split.total:.0%}"}


def activations(page) -> dict:
    layer = Sigmoid()
    layer.forward(np.array([[10.0]]))
    return {"sigmoid_slope_10": f"{float(layer.backward(np.ones((1, 1)))[0, 0]):.1e}"}


def tiny_net(page) -> dict:
    losses = page.losses
    return {"tiny_first_loss": f"{losses[0]:.3f}" if losses else "–",
            "tiny_last_loss": f"{losses[-1]:.3f}" if losses else "–",
            "tiny_epochs": len(losses)}


def speed(page) -> dict:
    return {}


def runs(page) -> dict:
    """The chosen experiment's size, as the page will train it."""
    return {"experiment_images": f"{page.variants()[0][1].train_size:,}",
            "experiment_time": duration(page.estimate())}


FACTS = {f.__name__: f for f in (versus, convolution, pooling, lenet, activations, tiny_net,
                                  speed, runs)}


def facts(pages, page_key: str) -> dict:
    return FACTS[page_key](pages.page(page_key))
