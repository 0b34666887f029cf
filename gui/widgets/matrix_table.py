"""Small matrices as HTML tables with their values, coloured like the image views."""

from __future__ import annotations

import numpy as np

from gui.widgets.image_panel import DIVERGING, symmetric_levels


def matrix_html(array: np.ndarray, levels=None, marks=None, digits: int = 3,
                cmap=DIVERGING) -> str:
    """A 2-D array as a table: each cell shows its value on its colour (white = 0).

    ``marks``: a boolean array of the same shape; marked cells get a thick orange border.
    """
    array = np.atleast_2d(np.asarray(array, dtype=np.float64))
    lo, hi = levels if levels is not None else symmetric_levels(array)
    colours = cmap.map((np.clip(array, lo, hi) - lo) / (hi - lo or 1), mode="byte")
    colours = colours.reshape(array.shape + (-1,))
    rows = []
    for i in range(array.shape[0]):
        cells = []
        for j in range(array.shape[1]):
            r, g, b = (int(v) for v in colours[i, j, :3])
            ink = "#000" if 0.299 * r + 0.587 * g + 0.114 * b > 120 else "#fff"
            border = "border: 3px solid #ff8c00;" if marks is not None and marks[i, j] else ""
            cells.append(f"<td style='background:#{r:02x}{g:02x}{b:02x}; color:{ink}; "
                         f"padding: 3px 6px; {border}' align='center'>"
                         f"{array[i, j]:.{digits}g}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return ("<table cellspacing='1' style='font-family: monospace; font-size: 12px'>"
            + "".join(rows) + "</table>")
