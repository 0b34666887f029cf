"""Numerical gradients by central differences, to check hand-written backward passes.

Only meaningful in float64 (eps = 1e-6): in float32 the rounding error of the differences is
larger than the gradients being checked. An analytic gradient ``a`` passes against the numerical
``n`` when |a − n| ≤ atol + rtol·|n| elementwise (atol 1e-5, rtol 1e-3).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from .layers import Dropout

ATOL, RTOL = 1e-5, 1e-3


class GradCheck(NamedTuple):
    name: str
    analytic: np.ndarray
    numeric: np.ndarray
    rel_error: float  # ‖a − n‖ / (‖a‖ + ‖n‖), 0 when both vanish

    @property
    def ok(self) -> bool:
        return gradients_close(self.analytic, self.numeric)


def relative_error(analytic: np.ndarray, numeric: np.ndarray) -> float:
    diff = np.linalg.norm(analytic - numeric)
    scale = np.linalg.norm(analytic) + np.linalg.norm(numeric)
    return float(diff / scale) if scale > 0 else 0.0


def gradients_close(analytic, numeric, atol: float = ATOL, rtol: float = RTOL) -> bool:
    return bool(np.all(np.abs(analytic - numeric) <= atol + rtol * np.abs(numeric)))


def numerical_gradient(f: Callable[[], float], array: np.ndarray, eps: float = 1e-6,
                       indices=None) -> np.ndarray:
    """d f() / d array by central differences, perturbing ``array`` in place (then restoring it).

    With ``indices`` (flat positions) only those entries are computed, returned as a 1-D array.
    """
    if array.dtype != np.float64:
        raise ValueError(f"gradient checks need float64 arrays, got {array.dtype}")
    flat = array.reshape(-1)  # a view: writes reach ``array``
    if not np.shares_memory(flat, array):
        raise ValueError("the array must be contiguous to be perturbed in place")
    positions = range(flat.size) if indices is None else indices
    grad = np.zeros(len(positions))
    for k, i in enumerate(positions):
        keep = flat[i]
        flat[i] = keep + eps
        plus = f()
        flat[i] = keep - eps
        minus = f()
        flat[i] = keep
        grad[k] = (plus - minus) / (2 * eps)
    return grad.reshape(array.shape) if indices is None else grad


def _check_all(objective, analytic: dict, arrays: dict, eps: float,
               max_entries: int | None, seed: int) -> list[GradCheck]:
    """Compare analytic gradients with numerical ones; with ``max_entries``, on a random sample
    of at most that many entries per array (a whole network has too many to perturb each)."""
    rng = np.random.default_rng(seed)
    results = []
    for name, array in arrays.items():
        a = analytic[name]
        if max_entries is not None and array.size > max_entries:
            picks = np.sort(rng.choice(array.size, max_entries, replace=False))
            a = a.reshape(-1)[picks]
            numeric = numerical_gradient(objective, array, eps, picks)
        else:
            numeric = numerical_gradient(objective, array, eps)
        results.append(GradCheck(name, a, numeric, relative_error(a, numeric)))
    return results


class _FrozenDropout:
    """Within the block every Dropout reuses its last mask: the network is one fixed function."""

    def __init__(self, layers):
        self.layers = [layer for layer in layers if isinstance(layer, Dropout)]

    def __enter__(self):
        self.before = [layer.frozen for layer in self.layers]
        for layer in self.layers:
            layer.frozen = True

    def __exit__(self, *exc):
        for layer, frozen in zip(self.layers, self.before):
            layer.frozen = frozen


def check_layer(layer, x: np.ndarray, seed: int = 0, eps: float = 1e-6,
                max_entries: int | None = None) -> list[GradCheck]:
    """Check a layer's input gradient and every parameter gradient.

    The scalar checked is Σ(forward(x)·R) for a fixed random R, so backward receives dout = R.
    """
    out = layer.forward(x)
    weights = np.random.default_rng(seed).standard_normal(out.shape)
    with _FrozenDropout([layer]):
        def objective():
            return float(np.sum(layer.forward(x) * weights))

        layer.forward(x)
        analytic = {"input": layer.backward(weights.copy())}
        params = dict(layer.named_parameters())
        analytic.update({name: p.grad.copy() for name, p in params.items()})
        arrays = {"input": x, **{name: p.data for name, p in params.items()}}
        return _check_all(objective, analytic, arrays, eps, max_entries, seed)


def check_model(model, x: np.ndarray, loss, target, eps: float = 1e-6,
                max_entries: int | None = None, seed: int = 0) -> list[GradCheck]:
    """Check d loss / d input and d loss / d every parameter of a Sequential model."""
    with _FrozenDropout(model.layers):
        model.forward(x)  # draw the dropout masks that will stay frozen

        def objective():
            return loss.forward(model.forward(x), target)

        objective()
        analytic = {"input": model.backward(loss.backward())}
        params = dict(model.named_parameters())
        analytic.update({name: p.grad.copy() for name, p in params.items()})
        arrays = {"input": x, **{name: p.data for name, p in params.items()}}
        return _check_all(objective, analytic, arrays, eps, max_entries, seed)
