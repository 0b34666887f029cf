"""Many feature maps as one image: one ImageItem redraws far faster than a grid of views."""

from __future__ import annotations

import math

import numpy as np


def mosaic_layout(count: int, height: int, width: int) -> tuple[int, int]:
    """(rows, columns) of tiles, close to square on screen."""
    columns = max(1, math.ceil(math.sqrt(count * height / max(width, 1))))
    columns = min(columns, count)
    return math.ceil(count / columns), columns


def tile(maps: np.ndarray, gap: int = 1, fill: float = 0.0, columns: int | None = None):
    """(K, H, W) -> (one 2-D image, list of each map's (row, col) top-left corner).

    ``columns`` fixes the number of tiles per row (e.g. one row per output channel of a
    kernel); by default the mosaic is close to square.
    """
    k, h, w = maps.shape
    if columns is None:
        rows, columns = mosaic_layout(k, h, w)
    else:
        rows = math.ceil(k / columns)
    out = np.full((rows * h + (rows - 1) * gap, columns * w + (columns - 1) * gap), fill,
                  dtype=np.float32)
    corners = []
    for i in range(k):
        r, c = divmod(i, columns)
        top, left = r * (h + gap), c * (w + gap)
        out[top:top + h, left:left + w] = maps[i]
        corners.append((top, left))
    return out, corners


def as_picture(out: np.ndarray) -> np.ndarray:
    """Any layer output as a 2-D picture: (C, H, W) maps as a mosaic; a vector of n values (or
    maps of 1×1) as a block, row by row, exactly n cells (120 → 10×12, 84 → 7×12, 10 → 2×5):
    padding cells would read as values of 0."""
    if out.ndim == 3 and out.shape[1] * out.shape[2] > 1:
        return tile(out)[0]
    flat = out.reshape(-1).astype(np.float32)
    n = flat.size
    columns = next((c for c in range(math.ceil(math.sqrt(n)), min(n, 4 * math.isqrt(n) + 4) + 1)
                    if n % c == 0), n)
    return flat.reshape(-1, columns)


def locate(out: np.ndarray, row: int, col: int) -> tuple[int, int, int] | None:
    """Which unit of ``out`` sits at (row, col) of ``as_picture(out)``: (channel, y, x); for a
    vector, (index, 0, 0). None for the gaps between maps."""
    if out.ndim == 3 and out.shape[1] * out.shape[2] > 1:
        _, h, w = out.shape
        for channel, (top, left) in enumerate(tile(out)[1]):
            if top <= row < top + h and left <= col < left + w:
                return channel, row - top, col - left
        return None
    columns = as_picture(out).shape[1]
    index = row * columns + col
    return (index, 0, 0) if 0 <= index < out.size else None
