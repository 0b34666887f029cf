"""Optimisers with PyTorch's update rules. Gradients are read from ``Parameter.grad``."""

from __future__ import annotations

import math

import numpy as np


def _check(name: str, value: float, low: float, inclusive: bool = True) -> float:
    value = float(value)
    if not np.isfinite(value) or value < low or (value == low and not inclusive):
        raise ValueError(f"{name} must be {'≥' if inclusive else '>'} {low}, got {value}")
    return value


class Optimizer:
    def __init__(self, params, lr: float):
        self.params = list(params)
        if not self.params:
            raise ValueError("the optimiser got no parameters")
        self.lr = _check("learning rate", lr, 0.0, inclusive=False)

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = np.zeros_like(p.data)

    def step(self) -> None:
        raise NotImplementedError


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with momentum and weight decay.

    PyTorch's rule: g = grad + weight_decay·w;  b = g on the first step, then b = momentum·b + g;
    w ← w − lr·b  (with momentum 0: w ← w − lr·g).
    """

    def __init__(self, params, lr: float, momentum: float = 0.0, weight_decay: float = 0.0):
        super().__init__(params, lr)
        self.momentum = _check("momentum", momentum, 0.0)
        self.weight_decay = _check("weight_decay", weight_decay, 0.0)
        self._buffers = [None] * len(self.params)  # the velocity b of each parameter

    def step(self):
        for i, p in enumerate(self.params):
            g = p.grad
            if self.weight_decay:
                g = g + self.weight_decay * p.data
            if self.momentum:
                b = self._buffers[i]
                if b is None:
                    b = self._buffers[i] = g.copy()
                else:
                    b *= self.momentum
                    b += g
                g = b
            p.data -= self.lr * g

    def __repr__(self):
        return (f"SGD(lr={self.lr}, momentum={self.momentum}, "
                f"weight_decay={self.weight_decay})")


class Adam(Optimizer):
    """Adam (Kingma & Ba), PyTorch's form: m and v are running means of g and g², corrected for
    their zero start with the step count t = 1, 2, ...:
    w ← w − lr/(1 − β₁ᵗ) · m / (√v/√(1 − β₂ᵗ) + eps).
    """

    def __init__(self, params, lr: float = 1e-3, betas=(0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 0.0):
        super().__init__(params, lr)
        self.beta1, self.beta2 = (float(b) for b in betas)
        for name, beta in (("beta1", self.beta1), ("beta2", self.beta2)):
            if not 0.0 <= beta < 1.0:
                raise ValueError(f"{name} must be in [0, 1), got {beta}")
        self.eps = _check("eps", eps, 0.0)
        self.weight_decay = _check("weight_decay", weight_decay, 0.0)
        self.t = 0
        self._m = [np.zeros_like(p.data) for p in self.params]
        self._v = [np.zeros_like(p.data) for p in self.params]

    def step(self):
        self.t += 1
        correction1 = 1 - self.beta1 ** self.t
        root_correction2 = math.sqrt(1 - self.beta2 ** self.t)  # a Python float keeps the dtype
        for p, m, v in zip(self.params, self._m, self._v):
            g = p.grad
            if self.weight_decay:
                g = g + self.weight_decay * p.data
            m *= self.beta1
            m += (1 - self.beta1) * g
            v *= self.beta2
            v += (1 - self.beta2) * g * g
            p.data -= (self.lr / correction1) * m / (np.sqrt(v) / root_correction2 + self.eps)

    def __repr__(self):
        return f"Adam(lr={self.lr}, betas=({self.beta1}, {self.beta2}), eps={self.eps})"
