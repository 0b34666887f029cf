"""The lesson's tiny network, backward by hand: every term of the chain rule with its numbers.

conv 3×3 (w1) → sigmoid → max-pool 2×2 → flatten → FC 4→1 (w2) → sigmoid → E = ½(y − ŷ)².

Written out the way the lesson does it, term by term, so each can be shown and checked against
the layers' own backward passes (which compute the same numbers in general form).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .losses import MSELoss

TINY_NETWORK = ["Conv2d", "Sigmoid", "MaxPool2d", "Flatten", "Linear", "Sigmoid"]


class BackwardTerms(NamedTuple):
    y_hat: float
    error: float               # ŷ − y = ∂E/∂ŷ (E = ½(y − ŷ)²)
    output_slope: float        # σ′ at the output = ŷ(1 − ŷ)
    delta_output: float        # ∂E/∂z2 = (ŷ − y)·ŷ(1 − ŷ)
    pooled: np.ndarray         # (4,) the flattened max-pool output the FC layer read
    grad_w2: np.ndarray        # (1, 4) ∂E/∂w2 = ∂E/∂z2 · pooled
    delta_pooled: np.ndarray   # (4,) ∂E/∂pooled = ∂E/∂z2 · w2: the error routed back through w2
    unpooled: np.ndarray       # (4, 4) max unpooling: each window's error at its winner, 0 else
    sigmoid_out: np.ndarray    # (4, 4) s = σ(z1), the conv output after the sigmoid
    conv_slope: np.ndarray     # (4, 4) σ′(z1) = s(1 − s)
    delta_conv: np.ndarray     # (4, 4) ∂E/∂z1 = unpooled ⊙ σ′(z1): the error map of the conv
    grad_w1: np.ndarray        # (3, 3) ∂E/∂w1: the input correlated with the error map


def tiny_backward(model, x: np.ndarray, y: float = 1.0) -> BackwardTerms:
    """The chain rule for one sample x (1, 6, 6) of the lesson's tiny network (``zoo.
    shallow_net``), term by term, in float64."""
    kinds = [type(layer).__name__ for layer in model]
    if kinds != TINY_NETWORK or model[0].weight.data.shape != (1, 1, 3, 3) \
            or model[2].kernel_size != (2, 2) or model[2].stride != (2, 2):
        raise ValueError(f"expected the lesson's tiny network ({' → '.join(TINY_NETWORK)}), "
                         f"got {' → '.join(kinds)}")
    x = np.asarray(x, dtype=np.float64)
    if x.size != 36:
        raise ValueError(f"the tiny network reads one 6×6 input, got shape {x.shape}")
    x = x.reshape(6, 6)
    conv, fc = model[0], model[4]
    w1 = conv.weight.data[0, 0].astype(np.float64)
    w2 = fc.weight.data.astype(np.float64)
    z1 = np.array([[np.sum(x[i:i + 3, j:j + 3] * w1) for j in range(4)] for i in range(4)])
    s = 1 / (1 + np.exp(-z1))
    windows = s.reshape(2, 2, 2, 2).transpose(0, 2, 1, 3).reshape(2, 2, 4)
    winners = windows.argmax(axis=2)  # first of ties, as the layer
    pooled = windows.max(axis=2).reshape(4)
    z2 = float(w2[0] @ pooled)
    y_hat = 1 / (1 + np.exp(-z2))
    error = y_hat - y
    slope = y_hat * (1 - y_hat)
    delta2 = error * slope
    delta_pooled = delta2 * w2[0]
    unpooled = np.zeros((4, 4))
    for (i, j), k in np.ndenumerate(winners):
        unpooled[2 * i + k // 2, 2 * j + k % 2] = delta_pooled[2 * i + j]
    conv_slope = s * (1 - s)
    delta1 = unpooled * conv_slope
    grad_w1 = np.array([[np.sum(x[a:a + 4, b:b + 4] * delta1) for b in range(3)]
                        for a in range(3)])
    return BackwardTerms(float(y_hat), float(error), float(slope), float(delta2), pooled,
                         delta2 * pooled[None], delta_pooled, unpooled, s, conv_slope, delta1,
                         grad_w1)


def layer_gradients(model, x: np.ndarray, y: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """(∂E/∂w1 (3, 3), ∂E/∂w2 (1, 4)) as the layers' own backward computes them, on a float64
    copy (the model's gradients are left alone): what ``tiny_backward`` must agree with."""
    twin = model.clone().to(np.float64)
    loss = MSELoss(halved=True)
    loss.forward(twin.forward(np.asarray(x, np.float64).reshape(1, 1, 6, 6)),
                 np.full((1, 1), float(y)))
    twin.backward(loss.backward(), input_grad=False)
    return twin[0].weight.grad[0, 0].copy(), twin[4].weight.grad.copy()
