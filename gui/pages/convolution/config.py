"""The convolution page's settings and what one computation produces."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from core import functional as F
from gui.tr import QT_TRANSLATE_NOOP

SOURCES = {"fashion": "Fashion-MNIST", "pattern": QT_TRANSLATE_NOOP("Choices", "Pattern"),
           "file": QT_TRANSLATE_NOOP("Choices", "Image file"),
           "drawing": QT_TRANSLATE_NOOP("Choices", "Drawing")}


@dataclass(frozen=True)
class ConvConfig:
    source: str = "fashion"
    fashion_class: int = 0
    fashion_index: int = 0
    pattern: str = "letter A"
    pattern_size: int = 16
    rgb: bool = False
    image_path: str = ""
    kh: int = 3
    kw: int = 3
    link_kernel: bool = True
    sh: int = 1
    sw: int = 1
    link_stride: bool = True
    ph: int = 0
    pw: int = 0
    link_padding: bool = True
    dh: int = 1
    dw: int = 1
    link_dilation: bool = True
    out_channels: int = 4
    preset: str = "random normal"
    seed: int = 0
    method: str = "fast"
    pad_kind: str = "numbers"     # "numbers" (ph, pw), "same" or "valid"
    padding_mode: str = "zeros"   # "zeros", "reflect", "replicate" or "circular"
    groups: int = 1

    @property
    def padding(self):
        """What the core takes: (ph, pw), "same" or "valid"."""
        return (self.ph, self.pw) if self.pad_kind == "numbers" else self.pad_kind

    @property
    def window(self) -> dict:
        return dict(stride=(self.sh, self.sw), padding=self.padding, dilation=(self.dh, self.dw),
                    groups=self.groups, padding_mode=self.padding_mode)


class ConvResult(NamedTuple):
    """One computed convolution: what every tab shows."""

    config: ConvConfig
    x: np.ndarray           # (1, C, H', W'): the input as the windows see it (padded already
                            # unless the padding is symmetric zeros, which the windows add)
    weight: np.ndarray      # (OC, C/groups, KH, KW), the learner's edits included
    geometry: F.Geometry
    maps: np.ndarray        # (1, OC, OH, OW)
    seconds: float          # how long the chosen method took
    window: dict = {}       # stride, padding, dilation and groups for the core, on ``x``
    sides: F.Sides = F.Sides(0, 0, 0, 0)  # the padding on each side of the image
    image: np.ndarray | None = None       # (1, C, H, W): the image itself

    def padded(self) -> np.ndarray:
        """(C, H + top + bottom, W + left + right): the image with its padding, whichever."""
        return F.pad2d(self.x, self.geometry.ph, self.geometry.pw)[0]
