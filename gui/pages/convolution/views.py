"""Drawing helpers the convolution tabs share."""

from __future__ import annotations

import numpy as np

from core import functional as F
from gui.widgets.image_panel import (
    OUTLINE,
    VALUES_UP_TO,
    ImagePanel,
    range_levels,
    symmetric_levels,
    value_labels,
)


def show_padded_input(panel: ImagePanel, result, frame_width: float = 1.5) -> None:
    """The input with its padding (zeros, or the border reflected, replicated or wrapped), the
    real image framed in green. Gray levels span the values; three channels show as colour
    (pictures in [0, 1]; other values scaled to their range, like the lesson's 0..107)."""
    padded = result.padded()
    if padded.shape[0] == 3:
        picture = padded.min() >= 0 and padded.max() <= 1
        panel.set_image(padded.transpose(1, 2, 0), (0.0, 1.0) if picture
                        else range_levels(padded))
    else:
        panel.set_image(padded[0], range_levels(padded))
    sides, image = result.sides, result.image
    panel.show_rects("frame", [(sides.top, sides.left, image.shape[2], image.shape[3])],
                     OUTLINE, line_width=frame_width)


def taps(terms: F.PixelTerms) -> list:
    """One 1×1 block per kernel tap: with dilation the blocks have gaps between them."""
    return [(row, col, 1, 1) for row in terms.rows for col in terms.cols]


def show_values(input_view: ImagePanel, output_view: ImagePanel, result,
                output: np.ndarray) -> None:
    """On inputs up to VALUES_UP_TO cells a side: every cell's value in the padded input (the
    first channel) and in the output, both drawn at one scale so positions line up."""
    if max(result.image.shape[2:]) > VALUES_UP_TO:
        input_view.set_labels([])
        output_view.set_labels([])
        return
    padded = result.padded()[0]
    input_view.set_labels(value_labels(padded, range_levels(padded), digits=3), centred=True)
    low, high = symmetric_levels(output)
    output_view.set_labels(diverging_labels(output, high), centred=True)
    input_view.show_extent(*padded.shape)
    output_view.show_scale(input_view.cell_pixels())


def diverging_labels(values: np.ndarray, high: float) -> list:
    """Labels for a blue-white-red map: light text on the strong ends, dark in the middle."""
    return [(row, col, f"{value:.3g}", "#f5f5f5" if abs(value) > 0.6 * high else "#111")
            for (row, col), value in np.ndenumerate(values)]
