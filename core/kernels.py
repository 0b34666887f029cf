"""Classic image kernels, and the inputs of the lesson's demos."""

from __future__ import annotations

import numpy as np

_FIXED = {  # 3×3 kernels whose values are the definition
    "sharpen": [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
    "sobel x": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
    "sobel y": [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
    "laplacian": [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
    "emboss": [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]],
}
PRESETS = ("identity", "box blur", "gaussian", "sharpen", "sobel x", "sobel y", "laplacian",
           "emboss", "random normal")
DESCRIPTIONS = {
    "identity": "1 at the centre, 0 elsewhere: copies the input (shifted if the size is even)",
    "box blur": "the mean of the window: smooths",
    "gaussian": "a bell-shaped weighted mean (σ = size/4): smooths, keeping edges softer",
    "sharpen": "the centre minus its neighbours, plus itself: boosts local contrast",
    "sobel x": "horizontal derivative: responds to vertical edges",
    "sobel y": "vertical derivative: responds to horizontal edges",
    "laplacian": "second derivative: responds to edges and spots in any direction",
    "emboss": "a diagonal derivative plus the centre: a raised-relief look",
    "random normal": "values from N(0, 1), as in the lesson: a random feature detector",
}


def fixed_size(name: str) -> tuple[int, int] | None:
    """The one size a preset comes in, or None if it fits any size."""
    return (3, 3) if name in _FIXED else None


def preset(name: str, kh: int, kw: int, rng=None) -> np.ndarray:
    """A (KH, KW) float64 kernel. Fixed 3×3 presets raise ValueError for other sizes."""
    if name in _FIXED:
        if (kh, kw) != (3, 3):
            raise ValueError(f"the {name} kernel is 3×3, not {kh}×{kw}")
        return np.array(_FIXED[name], dtype=np.float64)
    if name == "identity":
        k = np.zeros((kh, kw))
        k[kh // 2, kw // 2] = 1
        return k
    if name == "box blur":
        return np.full((kh, kw), 1.0 / (kh * kw))
    if name == "gaussian":
        y = (np.arange(kh) - (kh - 1) / 2) / max(kh / 4, 0.5)  # in units of σ
        x = (np.arange(kw) - (kw - 1) / 2) / max(kw / 4, 0.5)
        k = np.exp(-(y[:, None] ** 2 + x[None] ** 2) / 2)
        return k / k.sum()
    if name == "random normal":
        return np.random.default_rng(rng).standard_normal((kh, kw))
    raise ValueError(f"unknown kernel preset {name!r}; choose one of {', '.join(PRESETS)}")


def weights(name: str, out_channels: int, in_channels: int, kh: int, kw: int, seed: int = 0,
            dtype=np.float32) -> np.ndarray:
    """A (OC, C, KH, KW) weight from a preset. Each input channel gets the preset divided by C
    (so an RGB input gives an output on the same scale as a gray one); "random normal" draws every
    output channel afresh, which is what makes several channels differ."""
    rng = np.random.default_rng(seed)
    out = np.empty((out_channels, in_channels, kh, kw), dtype)
    for oc in range(out_channels):
        if name == "random normal":
            out[oc] = rng.standard_normal((in_channels, kh, kw))
        else:
            out[oc] = preset(name, kh, kw) / in_channels
    return out


# --------------------------------------------------------------------------- demo inputs

PATTERNS = ("arange 3×3", "arange 6×6", "arange 3×6×6", "checkerboard", "gradient", "letter A")

_LETTER_A = ["..###..", ".#...#.", "#.....#", "#.....#", "#######", "#.....#", "#.....#"]


def pattern(name: str, size: int = 16) -> np.ndarray:
    """A float64 demo image (C, H, W). The arange patterns are the lesson's raw values 0, 1,
    2, ... (3×6×6: its three-channel input 0..107), so the products in a step-through are easy
    to check by hand; the others are one channel in [0, 1] of ``size`` × ``size``."""
    if name.startswith("arange"):
        shape = tuple(int(n) for n in name.split()[1].split("×"))
        return np.arange(np.prod(shape), dtype=np.float64).reshape((1,) * (3 - len(shape))
                                                                  + shape)
    return _flat_pattern(name, size)[None]


def _flat_pattern(name: str, size: int) -> np.ndarray:
    if name == "checkerboard":
        cell = max(size // 8, 1)
        y, x = np.indices((size, size)) // cell
        return ((y + x) % 2).astype(np.float64)
    if name == "gradient":
        return np.tile(np.linspace(0, 1, size), (size, 1))
    if name == "letter A":
        bitmap = np.array([[c == "#" for c in row] for row in _LETTER_A], dtype=np.float64)
        if size < bitmap.shape[0]:  # too small for the 7×7 letter: sample it, cell by cell
            cells = np.arange(size) * bitmap.shape[0] // size
            return bitmap[np.ix_(cells, cells)]
        scale = max(size // 9, 1)
        letter = np.kron(bitmap, np.ones((scale, scale)))
        out = np.zeros((size, size))
        top = (size - letter.shape[0]) // 2
        left = (size - letter.shape[1]) // 2
        out[top:top + letter.shape[0], left:left + letter.shape[1]] = letter[:size, :size]
        return out
    raise ValueError(f"unknown pattern {name!r}; choose one of {', '.join(PATTERNS)}")
