"""Many feature maps as one image: one ImageItem redraws far faster than a grid of views."""

from __future__ import annotations

import math

import numpy as np


def mosaic_layout(count: int, height: int, width: int) -> tuple[int, int]:
    """(rows, columns) of tiles, close to square on screen."""
    columns = max(1, math.ceil(math.sqrt(count * height / max(width, 1))))
    columns = min(columns, count)
    return math.ceil(count / columns), columns


def tile(maps: np.ndarray, gap: int = 1, fill: float = 0.0):
    """(K, H, W) -> (one 2-D image, list of each map's (row, col) top-left corner)."""
    k, h, w = maps.shape
    rows, columns = mosaic_layout(k, h, w)
    out = np.full((rows * h + (rows - 1) * gap, columns * w + (columns - 1) * gap), fill,
                  dtype=np.float32)
    corners = []
    for i in range(k):
        r, c = divmod(i, columns)
        top, left = r * (h + gap), c * (w + gap)
        out[top:top + h, left:left + w] = maps[i]
        corners.append((top, left))
    return out, corners
