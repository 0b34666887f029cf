"""Loss functions: ``loss.forward(pred, target) -> float`` and ``loss.backward() -> dpred``."""

from __future__ import annotations

import numpy as np

from . import functional as F
from .functional import ShapeError


class CrossEntropyLoss:
    """Mean cross-entropy of integer class targets under softmax(logits), as PyTorch's.

    Computed as log-sum-exp with the maximum subtracted, so logits of 1000 give a finite loss.
    The gradient with respect to the logits is (softmax − one_hot(target)) / N.

    Shape: logits (N, classes) float, target (N,) int in [0, classes).
    """

    def __init__(self):
        self._probs = None   # softmax of the logits: the gradient is probs − one_hot
        self._target = None

    def forward(self, logits: np.ndarray, target: np.ndarray) -> float:
        F.check_array(logits, "logits", 2, "(N, classes)")
        target = np.asarray(target)
        if target.shape != logits.shape[:1] or not np.issubdtype(target.dtype, np.integer):
            raise ShapeError(f"target must be {logits.shape[:1]} integer class indices, got "
                             f"{target.dtype} {target.shape}", "target")
        if target.size and (target.min() < 0 or target.max() >= logits.shape[1]):
            raise ShapeError(f"target classes must lie in [0, {logits.shape[1]}), got "
                             f"{target.min()}..{target.max()}", "target")
        log_probs = F.log_softmax(logits)
        self._probs = np.exp(log_probs)
        self._target = target
        return float(-log_probs[np.arange(len(target)), target].mean())

    def backward(self) -> np.ndarray:
        grad = self._probs.copy()
        n = len(self._target)
        grad[np.arange(n), self._target] -= 1
        grad /= n
        return grad

    def __repr__(self):
        return "CrossEntropyLoss()"


class MSELoss:
    """Mean squared error, mean((ŷ − y)²), as PyTorch's.

    Args:
        halved: use ½·mean((ŷ − y)²), the lesson's loss ½(y − ŷ)² for one output, whose gradient
            is simply (ŷ − y). Default: False
    """

    def __init__(self, halved: bool = False):
        self.halved = bool(halved)
        self._diff = None  # ŷ − y: the gradient is proportional to it

    def forward(self, pred: np.ndarray, target) -> float:
        target = np.asarray(target, dtype=pred.dtype)
        if target.shape != pred.shape:
            try:
                target = np.broadcast_to(target, pred.shape)
            except ValueError:
                raise ShapeError(f"target shape {target.shape} does not match prediction "
                                 f"shape {pred.shape}", "target") from None
        self._diff = pred - target
        loss = float(np.mean(self._diff * self._diff))
        return 0.5 * loss if self.halved else loss

    def backward(self) -> np.ndarray:
        scale = 1.0 if self.halved else 2.0
        return self._diff * self._diff.dtype.type(scale / self._diff.size)

    def __repr__(self):
        return "MSELoss(halved=True)" if self.halved else "MSELoss()"
