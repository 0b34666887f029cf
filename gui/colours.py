"""The colours of signed values, shared by the image views and the HTML tables (Qt-free).

Blue for negative, white for exactly 0, red for positive. The white band is ±1 % wide so that 0
stays white after a lookup table's rounding.
"""

from __future__ import annotations

import numpy as np

DIVERGING_STOPS = (
    (0.0, 0.25, 0.49, 0.51, 0.75, 1.0),
    ((5, 48, 97), (103, 169, 207), (255, 255, 255), (255, 255, 255), (239, 138, 98),
     (103, 0, 31)),
)


def symmetric_levels(*arrays) -> tuple[float, float]:
    """(−m, m), m the largest |value|: 0 is always the middle (white) of the diverging map."""
    m = max((float(np.max(np.abs(a))) for a in arrays if np.size(a)), default=0.0)
    return (-m, m) if m > 0 else (-1.0, 1.0)


def diverging_rgb(values, levels=None) -> np.ndarray:
    """Values -> (..., 3) uint8 colours; ``levels`` (low, high) default to symmetric."""
    values = np.asarray(values, dtype=np.float64)
    lo, hi = levels if levels is not None else symmetric_levels(values)
    t = (np.clip(values, lo, hi) - lo) / (hi - lo or 1)
    positions, colours = DIVERGING_STOPS
    colours = np.array(colours, dtype=np.float64)
    rgb = np.stack([np.interp(t, positions, colours[:, k]) for k in range(3)], axis=-1)
    return np.round(rgb).astype(np.uint8)


def ink_for(rgb) -> str:
    """Black or white text, whichever reads better on ``rgb``."""
    r, g, b = (int(v) for v in rgb[:3])
    return "#000" if 0.299 * r + 0.587 * g + 0.114 * b > 120 else "#fff"


def heat_over(image: np.ndarray, heat: np.ndarray, levels=None) -> np.ndarray:
    """``heat`` (H, W) in the diverging colours laid over a grey ``image`` (H, W): strong values
    cover the image, values near 0 let it show. (H, W, 3) floats in [0, 1]."""
    image = np.asarray(image, dtype=np.float64)
    lo, hi = float(image.min()), float(image.max())
    grey = (image - lo) / (hi - lo) if hi > lo else np.zeros_like(image)
    lo, hi = levels if levels is not None else symmetric_levels(heat)
    alpha = np.clip(np.abs(np.asarray(heat, dtype=np.float64)) / max(abs(lo), abs(hi), 1e-12),
                    0, 1) ** 0.6
    colour = diverging_rgb(heat, (lo, hi)) / 255.0
    return (grey[..., None] * (1 - alpha[..., None]) + colour * alpha[..., None]).astype(
        np.float32)
