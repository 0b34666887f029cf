"""The convolution page's settings and what one computation produces."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from core import functional as F

SOURCES = {"fashion": "Fashion-MNIST", "pattern": "Pattern", "file": "Image file",
           "drawing": "Drawing"}


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

    @property
    def window(self) -> dict:
        return dict(stride=(self.sh, self.sw), padding=(self.ph, self.pw),
                    dilation=(self.dh, self.dw))


class ConvResult(NamedTuple):
    """One computed convolution: what every tab shows."""

    config: ConvConfig
    x: np.ndarray           # (1, C, H, W)
    weight: np.ndarray      # (OC, C, KH, KW), the learner's edits included
    geometry: F.Geometry
    maps: np.ndarray        # (1, OC, OH, OW)
    seconds: float          # how long the chosen method took
