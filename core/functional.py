"""Stateless operations of a CNN, in plain numpy.

Layout is NCHW and convolution is cross-correlation, as in PyTorch. Shapes in docstrings use one
alphabet: N (batch), C (input channels), H, W (input size), OC (output channels), KH, KW (kernel),
OH, OW (output size), K = C·KH·KW (rows of the im2col matrix), L = OH·OW (its columns).

``conv_output_size`` is the one home of the output-size formula; everything else calls it.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import numpy as np
from numpy.lib.stride_tricks import as_strided

FLOAT_DTYPES = (np.float32, np.float64)
MAX_WINDOW = 100_000       # a kernel, stride, padding or dilation beyond this is a typo
MAX_ELEMENTS = 1 << 28     # arrays a layer would allocate: 1 GiB of float32


def unbatched(function):
    """Let ``function`` of an (N, C, H, W) input also take one (C, H, W) image, as PyTorch
    does, and return its result(s) without the batch axis."""
    @functools.wraps(function)
    def wrapper(x, *args, **kwargs):
        if isinstance(x, np.ndarray) and x.ndim == 3:
            out = function(x[None], *args, **kwargs)
            return tuple(part[0] for part in out) if isinstance(out, tuple) else out[0]
        return function(x, *args, **kwargs)
    return wrapper


class ShapeError(ValueError):
    """A bad size, kernel, stride, padding or dilation.

    ``argument`` names the offending argument ("stride", "padding", "dilation", "kernel_size",
    "input", "weight", "bias") so a GUI can put the message next to the control that caused it.
    """

    def __init__(self, message: str, argument: str):
        super().__init__(message)
        self.argument = argument


def _is_int(value) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def pair(value, name: str) -> tuple[int, int]:
    """``3 -> (3, 3)``, ``(3, 5) -> (3, 5)``; anything else raises ShapeError."""
    if _is_int(value):
        return int(value), int(value)
    if isinstance(value, (tuple, list)) and len(value) == 2 and all(_is_int(v) for v in value):
        return int(value[0]), int(value[1])
    raise ShapeError(f"{name} must be an int or a pair of ints, got {value!r}", name)


def _check_range(name: str, value, low: int, argument: str, high: int | None = MAX_WINDOW):
    if not _is_int(value):
        raise ShapeError(f"{name} must be an int, got {value!r}", argument)
    if value < low:
        raise ShapeError(f"{name} must be ≥ {low}, got {value}", argument)
    if high is not None and value > high:
        raise ShapeError(f"{name} must be ≤ {MAX_WINDOW:,}, got {value:,}", argument)


def check_elements(what: str, shape, argument: str) -> None:
    """ShapeError before allocating an array of ``shape`` larger than MAX_ELEMENTS."""
    count = 1
    for size in shape:
        count *= int(size)
    if count > MAX_ELEMENTS:
        raise ShapeError(f"{what} would hold {count:,} values ({count * 4 / 2**30:,.1f} GiB in "
                         f"float32), more than the {MAX_ELEMENTS:,} this app allows", argument)


def conv_output_size(size: int, kernel: int, stride: int = 1, padding: int = 0,
                     dilation: int = 1, ceil_mode: bool = False) -> int:
    """Output length along one axis of a convolution or pooling window.

    OH = ⌊(H + 2·padding − dilation·(KH − 1) − 1) / stride⌋ + 1

    With ``ceil_mode`` (pooling) the division rounds up, so a last, partial window is kept — but,
    as in PyTorch, only if it starts inside the input or its left padding.

    The window spans ``dilation·(KH − 1) + 1`` input cells (its *effective* size), and must fit in
    the padded input. Raises ShapeError (a ValueError) naming the values when it does not, or when
    an argument is out of range.

    >>> conv_output_size(28, 5, padding=2)
    28
    """
    _check_range("input size", size, 1, "input", high=None)
    _check_range("kernel_size", kernel, 1, "kernel_size")
    _check_range("stride", stride, 1, "stride")
    _check_range("padding", padding, 0, "padding")
    _check_range("dilation", dilation, 1, "dilation")
    effective = dilation * (kernel - 1) + 1
    padded = size + 2 * padding
    if effective > padded:
        detail = f"kernel {kernel}" + (f", dilation {dilation}" if dilation != 1 else "")
        raise ShapeError(
            f"effective kernel {effective} ({detail}) is larger than the padded input "
            f"{padded} (size {size} + 2·padding {padding})", "kernel_size")
    span = size + 2 * padding - dilation * (kernel - 1) - 1
    if not ceil_mode:
        return span // stride + 1
    out = -(-span // stride) + 1
    if (out - 1) * stride >= size + padding:  # the last window would start in the padding
        out -= 1
    return out


class Geometry(NamedTuple):
    """Everything a sliding window over (H, W) needs, validated once."""

    kh: int
    kw: int
    sh: int
    sw: int
    ph: int
    pw: int
    dh: int
    dw: int
    oh: int
    ow: int
    eh: int = 0  # extra rows below the padding that ceil_mode's last window reaches into
    ew: int = 0  # extra columns right of the padding (likewise)


def window_args(kernel_size, stride=1, padding=0, dilation=1):
    """Validate window arguments without an input: four (h, w) pairs, or ShapeError."""
    pairs = (pair(kernel_size, "kernel_size"), pair(stride, "stride"), pair(padding, "padding"),
             pair(dilation, "dilation"))
    for name, values, low in zip(("kernel_size", "stride", "padding", "dilation"), pairs,
                                 (1, 1, 0, 1)):
        for value in values:
            _check_range(name, value, low, name)
    return pairs


def window_geometry(hw: tuple[int, int], kernel_size, stride=1, padding=0,
                    dilation=1, ceil_mode: bool = False) -> Geometry:
    """Validate window arguments for an (H, W) input and compute (OH, OW) (and, in
    ``ceil_mode``, how far the last window reaches past the padding)."""
    (kh, kw), (sh, sw), (ph, pw), (dh, dw) = window_args(kernel_size, stride, padding, dilation)
    sizes, extra = [], []
    for axis, size, k, s, p, d in (("height", hw[0], kh, sh, ph, dh),
                                   ("width", hw[1], kw, sw, pw, dw)):
        try:
            out = conv_output_size(size, k, s, p, d, ceil_mode)
        except ShapeError as err:
            raise ShapeError(f"{axis}: {err}", err.argument) from None
        sizes.append(out)
        extra.append(max(0, (out - 1) * s + d * (k - 1) + 1 - (size + 2 * p)))
    return Geometry(kh, kw, sh, sw, ph, pw, dh, dw, sizes[0], sizes[1], *extra)


def check_array(x, name: str, ndim: int, layout: str) -> np.ndarray:
    """Raise ShapeError unless ``x`` is a float32/float64 ndarray with ``ndim`` dimensions."""
    if not isinstance(x, np.ndarray):
        raise ShapeError(f"{name} must be a numpy array, got {type(x).__name__}", name)
    if x.ndim != ndim:
        raise ShapeError(f"{name} must be {ndim}-D {layout}, got shape {x.shape}", name)
    if x.dtype not in FLOAT_DTYPES:
        raise ShapeError(f"{name} must be float32 or float64, got {x.dtype}", name)
    return x


def _check_same_dtype(x: np.ndarray, other: np.ndarray, name: str) -> None:
    if other.dtype != x.dtype:
        raise ShapeError(f"{name} dtype {other.dtype} differs from input dtype {x.dtype}; "
                         "convert one of them (nothing is converted silently)", name)


def check_groups(in_channels: int, out_channels: int, groups) -> int:
    """``groups`` must divide both channel counts (ShapeError naming ``groups``)."""
    if not _is_int(groups) or groups < 1:
        raise ShapeError(f"groups must be a positive whole number, got {groups!r}", "groups")
    for name, count in (("input", in_channels), ("output", out_channels)):
        if count % groups:
            raise ShapeError(f"groups={groups} must divide the {count} {name} channels",
                             "groups")
    return int(groups)


def conv_geometry(x: np.ndarray, weight: np.ndarray, bias=None, stride=1, padding=0,
                  dilation=1, groups=1) -> Geometry:
    """Validate the arguments of a convolution and return its geometry."""
    check_array(x, "input", 4, "(N, C, H, W)")
    check_array(weight, "weight", 4, "(OC, C/groups, KH, KW)")
    _check_same_dtype(x, weight, "weight")
    groups = check_groups(x.shape[1], weight.shape[0], groups)
    if weight.shape[1] * groups != x.shape[1]:
        per_group = f" in each of {groups} groups" if groups > 1 else ""
        raise ShapeError(f"channel mismatch: input has C={x.shape[1]} channels but weight "
                         f"{weight.shape} expects {weight.shape[1]}{per_group}", "weight")
    if bias is not None:
        check_array(bias, "bias", 1, "(OC,)")
        _check_same_dtype(x, bias, "bias")
        if bias.shape[0] != weight.shape[0]:
            raise ShapeError(f"bias has {bias.shape[0]} values but weight has "
                             f"OC={weight.shape[0]} output channels", "bias")
    g = window_geometry(x.shape[2:], weight.shape[2:], stride, padding, dilation)
    _check_window_memory(x.shape, g)
    return g


def _check_window_memory(x_shape, g: Geometry) -> None:
    """The padded input and the im2col matrix are allocated: refuse sizes that cannot fit."""
    n, c, h, w = x_shape
    check_elements("the padded input", (n, c, h + 2 * g.ph, w + 2 * g.pw), "padding")
    check_elements("the im2col matrix", (n, c, g.kh, g.kw, g.oh, g.ow), "kernel_size")


def pad2d(x: np.ndarray, ph: int, pw: int, value: float = 0.0, eh: int = 0,
          ew: int = 0) -> np.ndarray:
    """(N, C, H, W) -> (N, C, H + 2·ph + eh, W + 2·pw + ew), the border filled with ``value``
    (``eh``, ``ew``: extra rows below and columns to the right, for ceil_mode pooling)."""
    if ph == pw == eh == ew == 0:
        return x
    n, c, h, w = x.shape
    out = np.full((n, c, h + 2 * ph + eh, w + 2 * pw + ew), value, dtype=x.dtype)
    out[:, :, ph:ph + h, pw:pw + w] = x
    return out


PADDING_MODES = ("zeros", "reflect", "replicate", "circular")
_NUMPY_MODES = {"zeros": "constant", "reflect": "reflect", "replicate": "edge",
                "circular": "wrap"}


class Sides(NamedTuple):
    """Padding on each side of the input (asymmetric when "same" needs an odd total)."""

    top: int
    bottom: int
    left: int
    right: int

    @property
    def symmetric(self) -> bool:
        return self.top == self.bottom and self.left == self.right


def padding_sides(padding, kernel_size, stride=1, dilation=1) -> Sides:
    """Padding as numbers, "valid" (none) or "same" (the output keeps the input's size; stride
    1 only, and an odd total puts the extra row and column at the bottom and right, as PyTorch
    does)."""
    if isinstance(padding, str):
        if padding == "valid":
            return Sides(0, 0, 0, 0)
        if padding != "same":
            raise ShapeError(f"padding must be a number, a pair, 'same' or 'valid', got "
                             f"{padding!r}", "padding")
        if pair(stride, "stride") != (1, 1):
            raise ShapeError(f"padding='same' needs stride 1 (as in PyTorch), got stride "
                             f"{stride}", "padding")
        totals = [d * (k - 1) for k, d in zip(pair(kernel_size, "kernel_size"),
                                              pair(dilation, "dilation"))]
        return Sides(totals[0] // 2, totals[0] - totals[0] // 2, totals[1] // 2,
                     totals[1] - totals[1] // 2)
    ph, pw = pair(padding, "padding")
    return Sides(ph, ph, pw, pw)


def check_padding_mode(mode: str, sides: Sides, hw: tuple[int, int]) -> None:
    """PyTorch's limits: reflect needs padding smaller than the input, circular at most its
    size (ShapeError naming ``padding`` or ``padding_mode``)."""
    if mode not in PADDING_MODES:
        raise ShapeError(f"padding_mode must be one of {', '.join(PADDING_MODES)}, got "
                         f"{mode!r}", "padding_mode")
    limits = {"reflect": (lambda p, n: p < n, "smaller than"),
              "circular": (lambda p, n: p <= n, "at most")}
    if mode in limits:
        fits, words = limits[mode]
        for side, size in ((sides.top, hw[0]), (sides.bottom, hw[0]), (sides.left, hw[1]),
                           (sides.right, hw[1])):
            if not fits(side, size):
                raise ShapeError(f"{mode} padding {side} must be {words} the input size "
                                 f"{size}", "padding")


def pad(x: np.ndarray, sides: Sides, mode: str = "zeros") -> np.ndarray:
    """(N, C, H, W) padded on each side, with zeros or by reflecting, replicating or wrapping
    the input's border."""
    widths = ((0, 0), (0, 0), (sides.top, sides.bottom), (sides.left, sides.right))
    return np.pad(x, widths, mode=_NUMPY_MODES[mode])


def pad_backward(dxp: np.ndarray, x_shape, sides: Sides, mode: str = "zeros") -> np.ndarray:
    """Adjoint of ``pad``: every padded cell's gradient goes back to the input cell it copies
    (reflected, replicated or wrapped cells add to their source; zeros go nowhere)."""
    n, c, h, w = x_shape
    dx = dxp[:, :, sides.top:sides.top + h, sides.left:sides.left + w].copy()
    if mode == "zeros":
        return dx
    source = pad(np.arange(h * w).reshape(1, 1, h, w), sides, mode)[0, 0]
    border = np.ones(source.shape, bool)
    border[sides.top:sides.top + h, sides.left:sides.left + w] = False
    flat = dx.reshape(n, c, h * w)
    np.add.at(flat, (slice(None), slice(None), source[border]), dxp[:, :, border])
    return dx


def prepare_padding(x: np.ndarray, kernel_size, stride=1, padding=0, dilation=1,
                    padding_mode: str = "zeros") -> tuple[np.ndarray, object, Sides]:
    """(input, padding for the window, sides). Symmetric zero padding stays in the window
    geometry (the fast path); any other padding ("same" with an odd total, reflect, replicate,
    circular) is applied to the input here and the window then pads nothing."""
    check_array(x, "input", 4, "(N, C, H, W)")
    sides = padding_sides(padding, kernel_size, stride, dilation)
    check_padding_mode(padding_mode, sides, x.shape[2:])
    if padding_mode == "zeros" and sides.symmetric:
        return x, (sides.top, sides.left), sides
    return pad(x, sides, padding_mode), 0, sides


def _windows(xp: np.ndarray, g: Geometry) -> np.ndarray:
    """A read-only view (N, C, KH, KW, OH, OW) of every window of the padded input: no copy."""
    sn, sc, sy, sx = xp.strides
    return as_strided(xp, shape=xp.shape[:2] + (g.kh, g.kw, g.oh, g.ow),
                      strides=(sn, sc, sy * g.dh, sx * g.dw, sy * g.sh, sx * g.sw),
                      writeable=False)


def _scatter_windows(dwin: np.ndarray, x_shape: tuple, g: Geometry) -> np.ndarray:
    """Adjoint of ``_windows``: add each window's values back onto the input grid.

    ``dwin`` has shape (N, C, KH, KW, OH, OW). Overlapping windows *add*. Returns (N, C, H, W).
    """
    n, c, h, w = x_shape
    if (g.sh, g.sw) == (g.kh, g.kw) and (g.dh, g.dw) == (1, 1) and (g.ph, g.pw) == (0, 0) \
            and (h, w) == (g.oh * g.kh, g.ow * g.kw):
        # Windows tile the input exactly: the scatter is a pure reordering, no additions.
        return dwin.transpose(0, 1, 4, 2, 5, 3).reshape(x_shape)
    dxp = np.zeros((n, c, h + 2 * g.ph + g.eh, w + 2 * g.pw + g.ew), dtype=dwin.dtype)
    for i in range(g.kh):
        for j in range(g.kw):
            y, x = i * g.dh, j * g.dw
            dxp[:, :, y:y + g.sh * (g.oh - 1) + 1:g.sh, x:x + g.sw * (g.ow - 1) + 1:g.sw] \
                += dwin[:, :, i, j]
    return dxp[:, :, g.ph:g.ph + h, g.pw:g.pw + w]


def window_coverage(x_shape, g: Geometry) -> np.ndarray:
    """How many windows cover each input cell (what a convolution's col2im adds up when every
    patch gradient is 1)."""
    n, c = x_shape[:2]
    return _scatter_windows(np.ones((n, c, g.kh, g.kw, g.oh, g.ow)), tuple(x_shape), g)


# --------------------------------------------------------------------------- im2col / col2im


def im2col(x: np.ndarray, kernel_size, stride=1, padding=0, dilation=1) -> np.ndarray:
    """Unfold every KH×KW patch of every image into a column.

    Shape:
        x:    (N, C, H, W)
        cols: (N, K, L) with K = C·KH·KW and L = OH·OW. Row ``(c·KH + i)·KW + j`` holds input
              channel c at kernel offset (i, j); column ``oh·OW + ow`` is the patch producing output
              pixel (oh, ow). ``cols[n]`` is the lesson's column matrix of image n, and the layout
              equals ``torch.nn.functional.unfold``. Then conv = ``weight.reshape(OC, K) @ cols``.
    """
    check_array(x, "input", 4, "(N, C, H, W)")
    g = window_geometry(x.shape[2:], kernel_size, stride, padding, dilation)
    _check_window_memory(x.shape, g)
    return _im2col(x, g)


def _im2col(x: np.ndarray, g: Geometry) -> np.ndarray:
    n, c = x.shape[:2]
    # reshape of the strided view makes the one contiguous copy.
    return _windows(pad2d(x, g.ph, g.pw), g).reshape(n, c * g.kh * g.kw, g.oh * g.ow)


def col2im(cols: np.ndarray, x_shape, kernel_size, stride=1, padding=0,
           dilation=1) -> np.ndarray:
    """The exact adjoint of ``im2col``: put every column back on its patch, *adding* overlaps.

    ``sum(im2col(x) * y) == sum(x * col2im(y, x.shape, ...))`` for every x and y. It is how the
    gradient of a convolution's input is assembled from the gradients of its patches.

    Shape:
        cols: (N, K, L) as produced by ``im2col``;  returns (N, C, H, W) = ``x_shape``.
    """
    check_array(cols, "cols", 3, "(N, C·KH·KW, OH·OW)")
    if len(x_shape) != 4:
        raise ShapeError(f"x_shape must be (N, C, H, W), got {tuple(x_shape)}", "input")
    n, c, h, w = (int(v) for v in x_shape)
    g = window_geometry((h, w), kernel_size, stride, padding, dilation)
    _check_window_memory((n, c, h, w), g)
    expected = (n, c * g.kh * g.kw, g.oh * g.ow)
    if cols.shape != expected:
        raise ShapeError(f"cols has shape {cols.shape}, expected {expected} for input "
                         f"{(n, c, h, w)}", "cols")
    return _col2im(cols, (n, c, h, w), g)


def _col2im(cols: np.ndarray, x_shape: tuple, g: Geometry) -> np.ndarray:
    n, c = x_shape[:2]
    return _scatter_windows(cols.reshape(n, c, g.kh, g.kw, g.oh, g.ow), x_shape, g)


# --------------------------------------------------------------------------- convolution


@unbatched
def conv2d_naive(x: np.ndarray, weight: np.ndarray, bias=None, stride=1, padding=0,
                 dilation=1, groups=1, progress=None, padding_mode="zeros") -> np.ndarray:
    """Convolution as the lesson's seven nested loops: slow, obvious, and the reference.

    Inside the kernel loops the input position advances by the *dilation* (one cell by default);
    the stride only moves the window between output pixels. With ``groups`` each output channel
    reads only its group's C/groups input channels. ``progress(done_rows, total_rows)``, if
    given, is called after each output row (it may raise to abandon the computation).
    ``padding`` may be "same" or "valid"; ``padding_mode`` "zeros", "reflect", "replicate" or
    "circular" (as for every method).

    Shape: x (N, C, H, W), weight (OC, C/groups, KH, KW), bias (OC,) -> (N, OC, OH, OW).
    """
    x, padding, _ = prepare_padding(x, weight.shape[2:], stride, padding, dilation, padding_mode)
    g = conv_geometry(x, weight, bias, stride, padding, dilation, groups)
    n_images, channels = x.shape[0], weight.shape[1]  # input channels per group
    out_channels = weight.shape[0]
    per_group = out_channels // groups
    xp = pad2d(x, g.ph, g.pw)
    out = np.zeros((n_images, out_channels, g.oh, g.ow), dtype=x.dtype)
    for n in range(n_images):
        for oh in range(g.oh):
            for ow in range(g.ow):
                for oc in range(out_channels):
                    acc = x.dtype.type(0) if bias is None else bias[oc]
                    first = oc // per_group * channels  # the group's first input channel
                    for c in range(channels):
                        for i in range(g.kh):
                            for j in range(g.kw):
                                acc += (xp[n, first + c, oh * g.sh + i * g.dh,
                                           ow * g.sw + j * g.dw] * weight[oc, c, i, j])
                    out[n, oc, oh, ow] = acc
            if progress is not None:
                progress(n * g.oh + oh + 1, n_images * g.oh)
    return out


class PixelTerms(NamedTuple):
    """How one output pixel of a convolution is computed."""

    rows: np.ndarray      # (KH,) row of each kernel tap in the *padded* input
    cols: np.ndarray      # (KW,) column of each kernel tap in the padded input
    patch: np.ndarray     # (C/groups, KH, KW) input values under the kernel (0 in the padding)
    products: np.ndarray  # (C/groups, KH, KW) patch · weight[oc]
    bias: float
    value: float          # Σ products + bias


def conv_pixel(x: np.ndarray, weight: np.ndarray, bias, oh: int, ow: int, n: int = 0,
               oc: int = 0, stride=1, padding=0, dilation=1, groups=1,
               padding_mode="zeros") -> PixelTerms:
    """The receptive field and the arithmetic of output pixel (n, oc, oh, ow) (its group's
    input channels only); rows and columns count in the padded input."""
    x, padding, _ = prepare_padding(x, weight.shape[2:], stride, padding, dilation, padding_mode)
    g = conv_geometry(x, weight, bias, stride, padding, dilation, groups)
    if not (0 <= oh < g.oh and 0 <= ow < g.ow and 0 <= n < x.shape[0]
            and 0 <= oc < weight.shape[0]):
        raise ShapeError(f"output pixel (n={n}, oc={oc}, oh={oh}, ow={ow}) is outside the "
                         f"output {(x.shape[0], weight.shape[0], g.oh, g.ow)}", "input")
    rows = oh * g.sh + np.arange(g.kh) * g.dh
    cols = ow * g.sw + np.arange(g.kw) * g.dw
    first = oc // (weight.shape[0] // groups) * weight.shape[1]
    patch = pad2d(x[n:n + 1], g.ph, g.pw)[0][first:first + weight.shape[1], rows[:, None],
                                              cols[None, :]]
    products = patch * weight[oc]
    b = 0.0 if bias is None else float(bias[oc])
    return PixelTerms(rows, cols, patch, products, b, float(products.sum()) + b)


@unbatched
def conv2d_im2col(x: np.ndarray, weight: np.ndarray, bias=None, stride=1, padding=0,
                  dilation=1, groups=1, padding_mode="zeros") -> np.ndarray:
    """Convolution as the lesson's second method: build the im2col matrix with explicit loops
    (one column per output pixel, for every image), then one matrix multiply (one per group).

    Shape: x (N, C, H, W), weight (OC, C/groups, KH, KW), bias (OC,) -> (N, OC, OH, OW).
    """
    x, padding, _ = prepare_padding(x, weight.shape[2:], stride, padding, dilation, padding_mode)
    g = conv_geometry(x, weight, bias, stride, padding, dilation, groups)
    n_images = x.shape[0]
    out_channels = weight.shape[0]
    xp = pad2d(x, g.ph, g.pw)
    span_h, span_w = g.dh * (g.kh - 1) + 1, g.dw * (g.kw - 1) + 1
    cols = np.empty((n_images, x.shape[1] * g.kh * g.kw, g.oh * g.ow), dtype=x.dtype)
    for n in range(n_images):
        for oh in range(g.oh):
            for ow in range(g.ow):
                y, x0 = oh * g.sh, ow * g.sw
                patch = xp[n, :, y:y + span_h:g.dh, x0:x0 + span_w:g.dw]  # (C, KH, KW)
                cols[n, :, oh * g.ow + ow] = patch.reshape(-1)
    # (groups, OC/groups, K') @ (N, groups, K', L) -> (N, groups, OC/groups, L): K' = C/groups·KH·KW
    out = _grouped(weight, groups) @ cols.reshape(n_images, groups, -1, cols.shape[2])
    out = out.reshape(n_images, out_channels, -1)
    if bias is not None:
        out += bias[:, None]
    return out.reshape(n_images, out_channels, g.oh, g.ow)


@unbatched
def conv2d(x: np.ndarray, weight: np.ndarray, bias=None, stride=1, padding=0,
           dilation=1, groups=1, padding_mode="zeros") -> np.ndarray:
    """Convolution, the fast path training uses: a strided-view im2col and one batched GEMM.

    Same results as ``conv2d_naive`` and ``torch.nn.functional.conv2d``. With ``groups`` the
    channels split into that many independent convolutions (``groups = C``: depthwise).

    Shape:
        x: (N, C, H, W), weight: (OC, C/groups, KH, KW), bias: (OC,) or None
        out: (N, OC, OH, OW), OH = conv_output_size(H, KH, stride, padding, dilation)
    ``padding``: a number, a pair, "same" (stride 1: the output keeps the input's size) or
    "valid" (none); ``padding_mode``: "zeros", "reflect", "replicate" or "circular".
    """
    x, padding, _ = prepare_padding(x, weight.shape[2:], stride, padding, dilation, padding_mode)
    g = conv_geometry(x, weight, bias, stride, padding, dilation, groups)
    out, _ = conv2d_forward(x, weight, bias, g, groups)
    return out


def _grouped(weight: np.ndarray, groups: int) -> np.ndarray:
    """(OC, C/groups, KH, KW) -> (groups, OC/groups, C/groups·KH·KW): one kernel matrix per
    group."""
    return weight.reshape(groups, weight.shape[0] // groups, -1)


def conv2d_forward(x, weight, bias, g: Geometry, groups: int = 1):
    """Unchecked fast convolution; also returns the im2col matrix that backward needs."""
    n, out_channels = x.shape[0], weight.shape[0]
    cols = _im2col(x, g)
    if groups == 1:
        out = np.matmul(weight.reshape(out_channels, -1), cols)
    else:  # the im2col rows are channel-major, so each group's rows are one block
        out = np.matmul(_grouped(weight, groups), cols.reshape(n, groups, -1, cols.shape[2]))
        out = out.reshape(n, out_channels, -1)
    if bias is not None:
        out += bias[:, None]
    return out.reshape(n, out_channels, g.oh, g.ow), cols


def conv2d_backward(dout, cols, weight, x_shape, g: Geometry, input_grad=True, groups=1):
    """Gradients of a convolution from its cached im2col matrix.

    The weight gradient is itself a correlation of the input patches with the output gradient;
    the input gradient is the transposed product, folded back onto the input by col2im.

    Returns (dx or None, dweight, dbias).
    """
    if groups > 1:
        return _grouped_backward(dout, cols, weight, x_shape, g, input_grad, groups)
    n, out_channels = dout.shape[:2]
    k, length = cols.shape[1:]
    d3 = dout.reshape(n, out_channels, length)                   # (N, OC, L)
    if out_channels * k < length * (k + out_channels):
        # One (OC, L) @ (L, K) product per image, then a sum over the batch.
        dweight = np.matmul(d3, cols.transpose(0, 2, 1)).sum(axis=0)
    else:
        # Few output pixels (conv3 of LeNet has one): per-image products would build a large
        # (N, OC, K) stack; one (OC, N·L) @ (N·L, K) product is far cheaper.
        dweight = np.tensordot(d3, cols, axes=([0, 2], [0, 2]))
    dbias = d3.sum(axis=(0, 2))
    dx = None
    if input_grad:
        hp, wp = x_shape[2] + 2 * g.ph, x_shape[3] + 2 * g.pw
        if hp * wp <= 4 * length:
            dx = _conv_input_grad_frames(dout, weight, x_shape, g)
        else:  # the kernel covers most of the input: the frames would be mostly zeros
            dcols = np.matmul(weight.reshape(out_channels, -1).T, d3)  # (N, K, L)
            dx = _col2im(dcols, x_shape, g)
    return dx, dweight.reshape(weight.shape), dbias


def _grouped_backward(dout, cols, weight, x_shape, g: Geometry, input_grad, groups):
    """``conv2d_backward`` group by group: each group's kernels meet only its own rows of the
    im2col matrix."""
    n, out_channels = dout.shape[:2]
    length = cols.shape[2]
    d4 = dout.reshape(n, groups, out_channels // groups, length)      # (N, G, OC/G, L)
    c4 = cols.reshape(n, groups, -1, length)                           # (N, G, K', L)
    dweight = np.matmul(d4, c4.transpose(0, 1, 3, 2)).sum(axis=0)      # (G, OC/G, K')
    dbias = d4.sum(axis=(0, 3)).reshape(out_channels)
    dx = None
    if input_grad:
        dcols = np.matmul(_grouped(weight, groups).transpose(0, 2, 1), d4)  # (N, G, K', L)
        dx = _col2im(dcols.reshape(n, -1, length), x_shape, g)
    return dx, dweight.reshape(weight.shape), dbias


def _conv_input_grad_frames(dout, weight, x_shape, g: Geometry) -> np.ndarray:
    """The input gradient of a convolution, equal to ``col2im(Wᵀ·dout)`` but faster.

    col2im adds KH·KW shifted copies of the patch gradients, each a strided (N, C, OH, OW) view
    with short rows, which numpy walks slowly. Here every image of every channel gets a "frame" of
    the padded input's size, and all frames sit end to end in one flat array (channel-major). A
    kernel offset (i, j) is then the same flat shift i·dh·Wp + j·dw for every frame, so each of the
    KH·KW additions is a single contiguous 1-D add. The output gradient is placed on the frames at
    each window's corner first (stride spreads it out); values spilling past the end of a frame
    are zeros, so frames never pollute each other.
    """
    n, c, h, w = x_shape
    out_channels, _, kh, kw = weight.shape
    hp, wp = h + 2 * g.ph, w + 2 * g.pw
    spread = np.zeros((out_channels, n, hp, wp), dout.dtype)
    spread[:, :, :g.sh * (g.oh - 1) + 1:g.sh, :g.sw * (g.ow - 1) + 1:g.sw] = \
        dout.transpose(1, 0, 2, 3)
    w_rows = weight.transpose(2, 3, 1, 0).reshape(kh * kw * c, out_channels)  # rows (i, j, c)
    total = c * n * hp * wp
    shifted = (w_rows @ spread.reshape(out_channels, -1)).reshape(kh * kw, total)
    flat = np.zeros(total + (kh - 1) * g.dh * wp + (kw - 1) * g.dw, dout.dtype)
    for k in range(kh * kw):
        i, j = divmod(k, kw)
        start = i * g.dh * wp + j * g.dw
        flat[start:start + total] += shifted[k]
    frames = flat[:total].reshape(c, n, hp, wp)[:, :, g.ph:g.ph + h, g.pw:g.pw + w]
    return np.ascontiguousarray(frames.transpose(1, 0, 2, 3))


# The lesson's three ways to compute a convolution (same results, very different speed).
CONV_METHODS = {"naive": conv2d_naive, "im2col": conv2d_im2col, "fast": conv2d}


def conv_macs(kernel_size, in_channels: int, out_channels: int, out_size, batch: int = 1,
              groups: int = 1) -> int:
    """Multiply-accumulates of a convolution whose output is (N, OC, OH, OW):
    KW·KH·(C/groups)·OC·OW·OH·N — each output value sums one window of C/groups channels. The
    one home of this formula: layers, pages and the lesson all call it."""
    kh, kw = pair(kernel_size, "kernel_size")
    oh, ow = pair(out_size, "out_size")
    return kw * kh * (in_channels // groups) * out_channels * ow * oh * batch


def conv2d_macs(x_shape, weight_shape, stride=1, padding=0, dilation=1, groups=1) -> int:
    """Multiply-accumulates of one convolution of ``x_shape`` (N, C, H, W) with kernels
    ``weight_shape`` (OC, C/groups, KH, KW): ``conv_macs`` of its output size."""
    n, c, h, w = x_shape
    out_channels, _, kh, kw = weight_shape
    g = window_geometry((h, w), (kh, kw), stride, padding, dilation)
    return conv_macs((kh, kw), c, out_channels, (g.oh, g.ow), n, groups)


def conv2d_params(in_channels: int, out_channels: int, kernel_size, bias: bool = True,
                  groups: int = 1) -> int:
    """Learnable values of a convolution: OC·(C/groups)·KH·KW weights plus OC biases."""
    kh, kw = pair(kernel_size, "kernel_size")
    return out_channels * (in_channels // groups) * kh * kw + (out_channels if bias else 0)


def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
    return out_features * in_features + (out_features if bias else 0)


# --------------------------------------------------------------------------- pooling


def pool_args(kernel_size, stride=None, padding=0, dilation=1):
    """Validate pooling arguments without an input: (kernel, stride, padding, dilation) pairs.

    ``stride=None`` means stride = kernel_size (PyTorch's rule). Padding may be at most half the
    (effective) kernel, as in PyTorch: a window could otherwise lie entirely in the padding.
    """
    kernel = pair(kernel_size, "kernel_size")
    kernel, stride, padding, dilation = window_args(
        kernel, kernel if stride is None else stride, padding, dilation)
    effective = tuple(d * (k - 1) + 1 for k, d in zip(kernel, dilation))
    if padding[0] > effective[0] // 2 or padding[1] > effective[1] // 2:
        raise ShapeError(f"padding {padding} must be at most half the kernel {effective}: a "
                         "window could otherwise lie entirely in the padding", "padding")
    return kernel, stride, padding, dilation


def pool_geometry(x: np.ndarray, kernel_size, stride=None, padding=0, dilation=1,
                  ceil_mode: bool = False) -> Geometry:
    """Validate pooling arguments for an input and compute (OH, OW)."""
    check_array(x, "input", 4, "(N, C, H, W)")
    g = window_geometry(x.shape[2:], *pool_args(kernel_size, stride, padding, dilation),
                        ceil_mode=ceil_mode)
    _check_window_memory(x.shape, g)
    return g


def _padded(x: np.ndarray, g: Geometry, fill: float) -> np.ndarray:
    return pad2d(x, g.ph, g.pw, fill, g.eh, g.ew)


@unbatched
def max_pool2d(x: np.ndarray, kernel_size, stride=None, padding=0, dilation=1,
               ceil_mode: bool = False, return_indices=False):
    """Maximum over each window, per image and channel; padding counts as −∞. A NaN wins its
    window, as in PyTorch.

    With ``return_indices`` also returns, per output pixel, the position of the winner inside its
    window (``i·KW + j``, the first one on ties), which backward routes the gradient to.

    Shape: x (N, C, H, W) -> (N, C, OH, OW).
    """
    g = pool_geometry(x, kernel_size, stride, padding, dilation, ceil_mode)
    out, arg = max_pool2d_forward(x, g)
    return (out, arg) if return_indices else out


def max_pool2d_forward(x, g: Geometry):
    """Unchecked max pooling: returns the maxima and the winner index of every window.

    Walks the KH·KW offsets of the window (not the windows): each offset is one strided view of
    the input, compared with the running maximum, so no window is ever copied out.
    """
    win = _windows(_padded(x, g, -np.inf), g)  # (N, C, KH, KW, OH, OW) view
    out = win[:, :, 0, 0].copy()
    index = np.int16 if g.kh * g.kw <= np.iinfo(np.int16).max else np.int32
    arg = np.zeros(out.shape, dtype=index)
    for k in range(1, g.kh * g.kw):
        candidate = np.maximum(out, win[:, :, k // g.kw, k % g.kw])  # NaN wins, as in PyTorch
        # Offsets come in increasing order, so "the last offset that raised the maximum" is the
        # largest k that did: a max instead of a (much slower) masked write. Only a strictly
        # larger value raises it, so the first of tied values keeps the window; a NaN already
        # won stays the winner (NaN != NaN, hence the out == out guard).
        np.maximum(arg, ((candidate != out) & (out == out)) * index(k), out=arg)
        out = candidate
    if g.ph or g.pw:
        _first_real_cell_wins(out, arg, g)
    return out, arg


def _first_real_cell_wins(out: np.ndarray, arg: np.ndarray, g: Geometry) -> None:
    """A window whose every cell is −∞ (padding included) sends its gradient, as PyTorch does,
    to its first cell inside the input rather than to the padding (where it would be lost)."""
    lost = np.isneginf(out)
    if not lost.any():
        return
    # the first kernel row (column) that lands inside the input, per output row (column)
    first_row = -(-np.maximum(g.ph - np.arange(g.oh) * g.sh, 0) // g.dh)
    first_col = -(-np.maximum(g.pw - np.arange(g.ow) * g.sw, 0) // g.dw)
    first = (first_row[:, None] * g.kw + first_col[None, :]).astype(arg.dtype)
    np.copyto(arg, np.broadcast_to(first, arg.shape), where=lost)


def max_pool2d_backward(dout: np.ndarray, arg: np.ndarray, x_shape, g: Geometry) -> np.ndarray:
    """Max unpooling: each window's gradient goes to its winner only; overlapping windows add."""
    n, c, h, w = x_shape
    tiled = (g.sh, g.sw) == (g.kh, g.kw) and (g.ph, g.pw, g.dh, g.dw) == (0, 0, 1, 1) \
        and (h, w) == (g.oh * g.kh, g.ow * g.kw)
    # Exactly tiled windows cover every input once: each cell is written once, no zeroing needed.
    dxp = np.empty(x_shape, dout.dtype) if tiled else \
        np.zeros((n, c, h + 2 * g.ph + g.eh, w + 2 * g.pw + g.ew), dout.dtype)
    for k in range(g.kh * g.kw):
        i, j = divmod(k, g.kw)
        i, j = i * g.dh, j * g.dw
        target = dxp[:, :, i:i + g.sh * (g.oh - 1) + 1:g.sh, j:j + g.sw * (g.ow - 1) + 1:g.sw]
        if tiled:
            np.multiply(dout, arg == k, out=target)
        else:
            target += dout * (arg == k)
    return dxp[:, :, g.ph:g.ph + h, g.pw:g.pw + w]


def avg_divisors(hw: tuple[int, int], g: Geometry, count_include_pad: bool = True,
                 divisor_override: int | None = None) -> np.ndarray:
    """(OH, OW): what each window's sum is divided by, PyTorch's way. With
    ``count_include_pad`` the cells of the padding count, but not those past it that only
    ceil_mode's last window reaches; without, only the cells inside the input count; a
    ``divisor_override`` replaces them all."""
    if divisor_override is not None:
        return np.full((g.oh, g.ow), divisor_override)
    counts = []
    for size, k, s, p, d, out in ((hw[0], g.kh, g.sh, g.ph, g.dh, g.oh),
                                  (hw[1], g.kw, g.sw, g.pw, g.dw, g.ow)):
        cells = np.arange(out)[:, None] * s - p + np.arange(k)[None, :] * d  # input positions
        low, high = (-p, size + p) if count_include_pad else (0, size)
        counts.append(np.sum((cells >= low) & (cells < high), axis=1))
    return counts[0][:, None] * counts[1][None, :]


def check_divisor(divisor_override) -> None:
    if divisor_override is not None and (not _is_int(divisor_override) or divisor_override < 1):
        raise ShapeError(f"divisor_override must be a positive whole number, got "
                         f"{divisor_override!r}", "divisor_override")


@unbatched
def avg_pool2d(x: np.ndarray, kernel_size, stride=None, padding=0, ceil_mode: bool = False,
               count_include_pad: bool = True, divisor_override: int | None = None) -> np.ndarray:
    """Mean over each window. By default the zero padding counts in the mean (PyTorch's
    ``count_include_pad=True``); ``divisor_override`` divides every sum by one number instead.

    Shape: x (N, C, H, W) -> (N, C, OH, OW).
    """
    check_divisor(divisor_override)
    g = pool_geometry(x, kernel_size, stride, padding, ceil_mode=ceil_mode)
    return avg_pool2d_forward(x, g, avg_divisors(x.shape[2:], g, count_include_pad,
                                                 divisor_override))


def avg_pool2d_forward(x, g: Geometry, divisors: np.ndarray | None = None):
    """Unchecked average pooling (``divisors`` (OH, OW), default: every window's KH·KW)."""
    n, c = x.shape[:2]
    win = _windows(_padded(x, g, 0.0), g)
    sums = win.transpose(0, 1, 4, 5, 2, 3).reshape(n, c, g.oh, g.ow, g.kh * g.kw).sum(axis=-1)
    if divisors is None:
        return sums / sums.dtype.type(g.kh * g.kw)
    return sums / divisors.astype(sums.dtype)


def avg_pool2d_backward(dout: np.ndarray, x_shape, g: Geometry,
                        divisors: np.ndarray | None = None) -> np.ndarray:
    """Each window spreads its gradient evenly over its cells (its sum's share, 1/divisor each);
    overlapping windows add."""
    n, c = x_shape[:2]
    share = dout / (dout.dtype.type(g.kh * g.kw) if divisors is None
                    else divisors.astype(dout.dtype))
    dwin = np.broadcast_to(share[:, :, None, None], (n, c, g.kh, g.kw, g.oh, g.ow))
    return _scatter_windows(dwin, tuple(x_shape), g)


# --------------------------------------------------------------------------- activations


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0)


def leaky_relu(x: np.ndarray, negative_slope: float = 0.01) -> np.ndarray:
    return np.where(x > 0, x, x * x.dtype.type(negative_slope))


def sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + e^−x), computed without ever exponentiating a large positive number."""
    e = np.exp(-np.abs(x))          # in (0, 1]: never overflows
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e)).astype(x.dtype, copy=False)


def tanh(x: np.ndarray) -> np.ndarray:
    return np.tanh(x)


def log_softmax(logits: np.ndarray, axis: int = -1) -> np.ndarray:
    """log softmax with the maximum subtracted first, so logits of 1000 do not overflow."""
    shifted = logits - logits.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def softmax(logits: np.ndarray, axis: int = -1) -> np.ndarray:
    e = np.exp(logits - logits.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
