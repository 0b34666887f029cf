"""Small matrices as HTML tables with their values, coloured like the image views (Qt-free)."""

from __future__ import annotations

import numpy as np

from gui.colours import diverging_rgb, ink_for


def matrix_html(array: np.ndarray, levels=None, marks=None, digits: int = 3,
                compact: bool = False) -> str:
    """A 2-D array as a table: each cell shows its value on its colour (white = 0).

    ``marks``: a boolean array of the same shape; marked cells get a thick orange border.
    ``compact``: narrower cells, for many tables side by side.
    """
    padding, size = ("2px 3px", 11) if compact else ("3px 6px", 12)
    array = np.atleast_2d(np.asarray(array, dtype=np.float64))
    colours = diverging_rgb(array, levels)
    rows = []
    for i in range(array.shape[0]):
        cells = []
        for j in range(array.shape[1]):
            r, g, b = (int(v) for v in colours[i, j])
            border = "border: 3px solid #ff8c00;" if marks is not None and marks[i, j] else ""
            text = f"{array[i, j]:.{digits}g}"
            cells.append(f"<td style='background:#{r:02x}{g:02x}{b:02x}; "
                         f"color:{ink_for(colours[i, j])}; padding: {padding}; {border}' "
                         f"align='center'>{'0' if float(text) == 0 else text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<table cellspacing='1' style='font-family: monospace; font-size: {size}px'>"
            + "".join(rows) + "</table>")
