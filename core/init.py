"""Weight initialisation schemes, with PyTorch's fan conventions.

For a weight (OC, C, KH, KW): fan_in = C·KH·KW, fan_out = OC·KH·KW; for a Linear (out, in):
fan_in = in, fan_out = out. Every function returns a new array of the requested dtype.
"""

from __future__ import annotations

import math

import numpy as np


def make_rng(seed=None) -> np.random.Generator:
    """``None`` (fresh entropy), an int seed, or an existing Generator (returned as is)."""
    return np.random.default_rng(seed)


def fans(shape) -> tuple[int, int]:
    if len(shape) < 2:
        raise ValueError(f"fan_in/fan_out need a weight of at least 2 dimensions, got {shape}")
    receptive = math.prod(shape[2:])
    return shape[1] * receptive, shape[0] * receptive


def xavier_uniform(shape, rng, dtype=np.float32, gain: float = 1.0) -> np.ndarray:
    """U(−a, a), a = gain·√(6 / (fan_in + fan_out))  (Glorot & Bengio, 2010)."""
    fan_in, fan_out = fans(shape)
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, size=shape).astype(dtype)


def xavier_normal(shape, rng, dtype=np.float32, gain: float = 1.0) -> np.ndarray:
    """N(0, σ²), σ = gain·√(2 / (fan_in + fan_out))."""
    fan_in, fan_out = fans(shape)
    return (rng.standard_normal(shape) * gain * math.sqrt(2.0 / (fan_in + fan_out))).astype(dtype)


def he_normal(shape, rng, dtype=np.float32) -> np.ndarray:
    """N(0, σ²), σ = √(2 / fan_in)  (He et al., 2015; PyTorch's kaiming_normal_ for ReLU)."""
    fan_in, _ = fans(shape)
    return (rng.standard_normal(shape) * math.sqrt(2.0 / fan_in)).astype(dtype)


def normal(shape, rng, dtype=np.float32, std: float = 0.01) -> np.ndarray:
    """N(0, std²): the classic "small random numbers"."""
    return (rng.standard_normal(shape) * std).astype(dtype)


def pytorch_default(shape, rng, dtype=np.float32) -> np.ndarray:
    """U(−1/√fan_in, 1/√fan_in): what ``nn.Conv2d`` / ``nn.Linear`` start from in PyTorch."""
    fan_in, _ = fans(shape)
    bound = 1.0 / math.sqrt(fan_in)
    return rng.uniform(-bound, bound, size=shape).astype(dtype)


SCHEMES = {
    "xavier": xavier_uniform,
    "xavier_normal": xavier_normal,
    "he": he_normal,
    "normal": normal,
}


def initialize(layers, scheme: str, rng=None) -> None:
    """Re-draw the weight of every Conv2d / Linear in ``layers`` by ``scheme``; zero the biases."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown init {scheme!r}; choose one of {', '.join(SCHEMES)}")
    rng = make_rng(rng)
    for layer in layers:
        weight = getattr(layer, "weight", None)
        if weight is None or weight.data.ndim not in (2, 4):
            continue  # BatchNorm's weight is a per-channel scale, not a connection matrix
        weight.data = SCHEMES[scheme](weight.data.shape, rng, weight.data.dtype)
        if layer.bias is not None:
            layer.bias.data = np.zeros_like(layer.bias.data)
