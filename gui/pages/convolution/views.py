"""Drawing helpers the convolution tabs share."""

from __future__ import annotations

import numpy as np

from core import functional as F
from gui.widgets.image_panel import OUTLINE, ImagePanel, range_levels


def show_padded_input(panel: ImagePanel, x: np.ndarray, g: F.Geometry,
                      frame_width: float = 1.5) -> None:
    """The input with its zero padding, the real image framed in green. Gray levels span the
    values; three channels show as colour (pictures in [0, 1]; other values scaled to their
    range, like the lesson's 0..107)."""
    padded = F.pad2d(x, g.ph, g.pw)[0]
    if padded.shape[0] == 3:
        picture = padded.min() >= 0 and padded.max() <= 1
        panel.set_image(padded.transpose(1, 2, 0), (0.0, 1.0) if picture
                        else range_levels(padded))
    else:
        panel.set_image(padded[0], range_levels(padded))
    panel.show_rects("frame", [(g.ph, g.pw, x.shape[2], x.shape[3])], OUTLINE,
                     line_width=frame_width)


def taps(terms: F.PixelTerms) -> list:
    """One 1×1 block per kernel tap: with dilation the blocks have gaps between them."""
    return [(row, col, 1, 1) for row in terms.rows for col in terms.cols]
