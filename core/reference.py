"""The lesson's operations written to be read: one short function each, loops or one clear numpy
expression, comments in the lesson's words.

Beside every fast path of ``core.functional`` / ``core.layers`` / ``core.losses`` stands the
readable reference it must equal (``tests/core/test_reference.py`` sweeps shapes, strides,
padding, dilation and groups and checks fast == reference in float64 to 1e-12). The fast paths are
for speed; these are for the learner: the Code view shows them with ``inspect.getsource`` and the
exercises (``core.exercises``) use them as solutions. Each function reads on its own; the only
names it uses besides numpy are those of other functions in this module.

Layout is NCHW and convolution is cross-correlation (the kernel is not flipped), as in PyTorch.
Shapes use one alphabet: N (batch), C (input channels), H, W (input size), OC (output channels),
KH, KW (kernel), OH, OW (output size). ``stride``, ``padding`` and ``dilation`` take one int for
both axes or an (h, w) pair. What a reference leaves to its fast path (padding modes, "same",
ceil_mode, ...) its docstring says.
"""

from __future__ import annotations

import inspect

import numpy as np

# --------------------------------------------------------------------------- sizes and padding


def pair(value):
    """One number for both axes, or one per axis: ``3 -> (3, 3)``, ``(3, 5) -> (3, 5)``."""
    return (value, value) if np.isscalar(value) else tuple(value)


def conv_output_size(size, kernel, stride=1, padding=0, dilation=1):
    """How many positions a window of ``kernel`` cells takes along an axis of ``size`` cells.

    OH = (H + 2·padding − dilation·(KH − 1) − 1) // stride + 1

    The dilated kernel spans dilation·(KH − 1) + 1 cells; the padded input has H + 2·padding;
    the window starts at 0, stride, 2·stride, ... as long as it still fits. Assumes the window
    fits at least once (the fast path, ``F.conv_output_size``, raises a ValueError otherwise).

    >>> conv_output_size(28, 5, padding=2)
    28
    """
    span = dilation * (kernel - 1) + 1       # cells covered by the (dilated) kernel
    return (size + 2 * padding - span) // stride + 1


def pad2d(x, padding, value=0.0):
    """Zeros (or ``value``) around every image: the window may then start outside the image.

    Shape: x (N, C, H, W) -> (N, C, H + 2·PH, W + 2·PW), ``padding`` = PH or (PH, PW).
    """
    ph, pw = pair(padding)
    n, c, h, w = x.shape
    out = np.full((n, c, h + 2 * ph, w + 2 * pw), value, dtype=x.dtype)
    out[:, :, ph:ph + h, pw:pw + w] = x      # the image sits in the middle
    return out


# --------------------------------------------------------------------------- convolution


def conv2d_naive(x, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    """Convolution as the lesson's seven nested loops: slow, obvious, correct.

    Shape: x (N, C, H, W), weight (OC, C/groups, KH, KW), bias (OC,) or None
           -> (N, OC, OH, OW), OH = conv_output_size(H, KH, stride, padding, dilation).
    With ``groups`` each kernel reads only its group's C/groups channels. Zero padding only
    (the fast path also pads by reflecting, replicating or wrapping, and takes "same").
    """
    (sh, sw), (ph, pw), (dh, dw) = pair(stride), pair(padding), pair(dilation)
    n_images, _, h, w = x.shape
    out_channels, channels, kh, kw = weight.shape   # channels = C / groups
    oh, ow = conv_output_size(h, kh, sh, ph, dh), conv_output_size(w, kw, sw, pw, dw)
    xp = pad2d(x, (ph, pw))
    out = np.zeros((n_images, out_channels, oh, ow), dtype=x.dtype)
    for n in range(n_images):                                  # 1. every image
        for row in range(oh):                                  # 2. every output row
            for col in range(ow):                              # 3. every output column
                for oc in range(out_channels):                 # 4. every kernel
                    first = oc // (out_channels // groups) * channels  # its group's 1st channel
                    total = 0.0 if bias is None else bias[oc]
                    for c in range(channels):                  # 5. every input channel
                        for i in range(kh):                    # 6. every kernel row
                            for j in range(kw):                # 7. every kernel column
                                # the window moves by the stride; inside it, by the dilation
                                total += (xp[n, first + c, row * sh + i * dh, col * sw + j * dw]
                                          * weight[oc, c, i, j])
                    out[n, oc, row, col] = total
    return out


def im2col(x, kernel_size, stride=1, padding=0, dilation=1):
    """Unfold every patch the kernel visits into a column of a matrix.

    Shape: x (N, C, H, W) -> cols (N, C·KH·KW, OH·OW). Row (c·KH + i)·KW + j holds channel c at
    kernel offset (i, j); column row·OW + col is the patch of output pixel (row, col). Then the
    whole convolution is one product: weight.reshape(OC, C·KH·KW) @ cols[n].
    """
    (kh, kw), (sh, sw), (ph, pw), (dh, dw) = (pair(kernel_size), pair(stride), pair(padding),
                                              pair(dilation))
    n, c, h, w = x.shape
    oh, ow = conv_output_size(h, kh, sh, ph, dh), conv_output_size(w, kw, sw, pw, dw)
    xp = pad2d(x, (ph, pw))
    cols = np.zeros((n, c * kh * kw, oh * ow), dtype=x.dtype)
    for row in range(oh):
        for col in range(ow):
            top, left = row * sh, col * sw
            patch = xp[:, :, top:top + dh * (kh - 1) + 1:dh, left:left + dw * (kw - 1) + 1:dw]
            cols[:, :, row * ow + col] = patch.reshape(n, c * kh * kw)   # (C, KH, KW) in a column
    return cols


def col2im(cols, x_shape, kernel_size, stride=1, padding=0, dilation=1):
    """Put every column back on the patch it came from, ADDING where patches overlap.

    The adjoint of ``im2col``: sum(im2col(x) · y) == sum(x · col2im(y)). It assembles the input
    gradient of a convolution from the gradients of its patches.
    Shape: cols (N, C·KH·KW, OH·OW) -> (N, C, H, W) = ``x_shape``.
    """
    (kh, kw), (sh, sw), (ph, pw), (dh, dw) = (pair(kernel_size), pair(stride), pair(padding),
                                              pair(dilation))
    n, c, h, w = x_shape
    oh, ow = conv_output_size(h, kh, sh, ph, dh), conv_output_size(w, kw, sw, pw, dw)
    xp = np.zeros((n, c, h + 2 * ph, w + 2 * pw), dtype=cols.dtype)
    for row in range(oh):
        for col in range(ow):
            top, left = row * sh, col * sw
            patch = cols[:, :, row * ow + col].reshape(n, c, kh, kw)
            xp[:, :, top:top + dh * (kh - 1) + 1:dh, left:left + dw * (kw - 1) + 1:dw] += patch
    return xp[:, :, ph:ph + h, pw:pw + w]       # the padding's gradient goes nowhere


def conv2d_im2col(x, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    """Convolution as the lesson's second method: im2col, then one matrix product per group.

    kernel matrix (OC, C·KH·KW) @ column matrix (C·KH·KW, OH·OW) = output (OC, OH·OW).
    Shape: as ``conv2d_naive``. Zero padding only.
    """
    n, out_channels, (kh, kw) = x.shape[0], weight.shape[0], weight.shape[2:]
    cols = im2col(x, (kh, kw), stride, padding, dilation)          # (N, C·KH·KW, OH·OW)
    oh = conv_output_size(x.shape[2], kh, pair(stride)[0], pair(padding)[0], pair(dilation)[0])
    # the rows of cols are channel-major, so each group's channels are one block of rows
    kernels = weight.reshape(groups, out_channels // groups, -1)    # (G, OC/G, C/G·KH·KW)
    out = kernels @ cols.reshape(n, groups, -1, cols.shape[2])      # (N, G, OC/G, OH·OW)
    out = out.reshape(n, out_channels, oh, -1)
    return out if bias is None else out + bias[:, None, None]


def conv2d_backward(dout, x, weight, stride=1, padding=0, dilation=1, groups=1):
    """Gradients of a convolution: (dx, dweight, dbias).

    With cols = im2col(x) and W the kernel matrix: dW = dout · colsᵀ (summed over the batch),
    dx = col2im(Wᵀ · dout), db = dout summed over everything but the output channel.
    Shape: dout (N, OC, OH, OW), x (N, C, H, W), weight (OC, C/groups, KH, KW)
           -> dx (N, C, H, W), dweight like weight, dbias (OC,).
    """
    n, out_channels = dout.shape[:2]
    kernel = weight.shape[2:]
    cols = im2col(x, kernel, stride, padding, dilation)              # (N, C·KH·KW, L)
    d = dout.reshape(n, groups, out_channels // groups, -1)          # (N, G, OC/G, L)
    c = cols.reshape(n, groups, -1, cols.shape[2])                   # (N, G, C/G·KH·KW, L)
    kernels = weight.reshape(groups, out_channels // groups, -1)     # (G, OC/G, C/G·KH·KW)
    # each weight met every patch it multiplied: dW = dout · colsᵀ, added over the batch
    dweight = (d @ c.transpose(0, 1, 3, 2)).sum(axis=0).reshape(weight.shape)
    # each patch sends Wᵀ·dout back; col2im adds the patches up where they overlap
    dcols = (kernels.transpose(0, 2, 1) @ d).reshape(cols.shape)
    dx = col2im(dcols, x.shape, kernel, stride, padding, dilation)
    dbias = dout.sum(axis=(0, 2, 3))
    return dx, dweight, dbias


# --------------------------------------------------------------------------- pooling


def max_pool2d(x, kernel_size, stride=None, padding=0, dilation=1):
    """Keep the largest value of every window, per image and per channel.

    Shape: x (N, C, H, W) -> (N, C, OH, OW), OH = conv_output_size(H, KH, stride, padding,
    dilation). ``stride`` None means stride = kernel_size. The padding is −∞, so it never wins
    (at most half the kernel, as in PyTorch). No ceil_mode (the fast path has it).
    """
    (kh, kw), (ph, pw), (dh, dw) = pair(kernel_size), pair(padding), pair(dilation)
    sh, sw = pair(kernel_size if stride is None else stride)
    n, c, h, w = x.shape
    oh, ow = conv_output_size(h, kh, sh, ph, dh), conv_output_size(w, kw, sw, pw, dw)
    xp = pad2d(x, (ph, pw), value=-np.inf)
    out = np.zeros((n, c, oh, ow), dtype=x.dtype)
    for row in range(oh):
        for col in range(ow):
            top, left = row * sh, col * sw
            window = xp[:, :, top:top + dh * (kh - 1) + 1:dh, left:left + dw * (kw - 1) + 1:dw]
            out[:, :, row, col] = window.max(axis=(2, 3))   # each image and channel on its own
    return out


def max_pool2d_backward(dout, x, kernel_size, stride=None, padding=0, dilation=1):
    """Max unpooling: each window's gradient goes to the cell that won it (the first one on
    ties), and ADDS UP where windows overlap; every other cell gets 0.

    Shape: dout (N, C, OH, OW), x (N, C, H, W) -> dx (N, C, H, W). Arguments as ``max_pool2d``.
    """
    (kh, kw), (ph, pw), (dh, dw) = pair(kernel_size), pair(padding), pair(dilation)
    sh, sw = pair(kernel_size if stride is None else stride)
    n_images, channels, h, w = x.shape
    xp = pad2d(x, (ph, pw), value=-np.inf)
    dxp = np.zeros(xp.shape, dtype=dout.dtype)
    for n in range(n_images):
        for c in range(channels):
            for row in range(dout.shape[2]):
                for col in range(dout.shape[3]):
                    top, left = row * sh, col * sw
                    window = xp[n, c, top:top + dh * (kh - 1) + 1:dh,
                                left:left + dw * (kw - 1) + 1:dw]
                    i, j = divmod(np.argmax(window), kw)        # the winner: first of ties
                    dxp[n, c, top + i * dh, left + j * dw] += dout[n, c, row, col]
    return dxp[:, :, ph:ph + h, pw:pw + w]


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    """The mean of every window; the zero padding counts in the mean (PyTorch's default).

    Shape: x (N, C, H, W) -> (N, C, OH, OW); ``stride`` None means stride = kernel_size.
    No ceil_mode, count_include_pad=False or divisor_override (the fast path has them).
    """
    (kh, kw), (ph, pw) = pair(kernel_size), pair(padding)
    sh, sw = pair(kernel_size if stride is None else stride)
    n, c, h, w = x.shape
    oh, ow = conv_output_size(h, kh, sh, ph), conv_output_size(w, kw, sw, pw)
    xp = pad2d(x, (ph, pw))
    out = np.zeros((n, c, oh, ow), dtype=x.dtype)
    for row in range(oh):
        for col in range(ow):
            window = xp[:, :, row * sh:row * sh + kh, col * sw:col * sw + kw]
            out[:, :, row, col] = window.sum(axis=(2, 3)) / (kh * kw)
    return out


def avg_pool2d_backward(dout, x_shape, kernel_size, stride=None, padding=0):
    """Each window shares its gradient evenly among its KH·KW cells; overlapping windows add.

    Shape: dout (N, C, OH, OW) -> dx (N, C, H, W) = ``x_shape``. Arguments as ``avg_pool2d``.
    """
    (kh, kw), (ph, pw) = pair(kernel_size), pair(padding)
    sh, sw = pair(kernel_size if stride is None else stride)
    n, c, h, w = x_shape
    dxp = np.zeros((n, c, h + 2 * ph, w + 2 * pw), dtype=dout.dtype)
    for row in range(dout.shape[2]):
        for col in range(dout.shape[3]):
            share = dout[:, :, row, col] / (kh * kw)              # (N, C): one share per cell
            dxp[:, :, row * sh:row * sh + kh, col * sw:col * sw + kw] += share[:, :, None, None]
    return dxp[:, :, ph:ph + h, pw:pw + w]


# --------------------------------------------------------------------------- activations
# Each derivative is d activation(x) / dx, elementwise; backward multiplies it by dout.


def relu(x):
    """max(0, x): cheap, and it does not saturate for x > 0."""
    return np.maximum(x, 0)


def relu_derivative(x):
    """1 where x > 0, else 0: the gradient passes only where the unit was active."""
    return (x > 0).astype(x.dtype)


def leaky_relu(x, negative_slope=0.01):
    """x for x > 0, negative_slope·x otherwise (the lesson uses slope 0.1: max(0.1·x, x))."""
    return np.where(x > 0, x, x * negative_slope)


def leaky_relu_derivative(x, negative_slope=0.01):
    """1 for x > 0, negative_slope otherwise: negative inputs keep a little gradient."""
    return np.where(x > 0, 1.0, negative_slope).astype(x.dtype)


def sigmoid(x):
    """σ(x) = 1 / (1 + e^−x), written so that e is never raised to a large positive power."""
    e = np.exp(-np.abs(x))                     # in (0, 1]: cannot overflow
    # x ≥ 0: 1 / (1 + e^−x);   x < 0: e^x / (1 + e^x), the same value multiplied by e^x / e^x
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_derivative(x):
    """σ′(x) = σ(x)·(1 − σ(x)), at most 1/4: gradients shrink through every sigmoid."""
    s = sigmoid(x)                             # the derivative is written with the OUTPUT σ(x)
    return s * (1 - s)


def tanh(x):
    """tanh(x), in (−1, 1), centred on 0."""
    return np.tanh(x)


def tanh_derivative(x):
    """tanh′(x) = 1 − tanh²(x): near 0 for large |x| (saturation)."""
    t = np.tanh(x)
    return 1 - t * t


# --------------------------------------------------------------------------- fully connected


def linear(x, weight, bias=None):
    """y = x·Wᵀ + b.  Shape: x (N, IN), weight (OUT, IN), bias (OUT,) -> (N, OUT)."""
    out = x @ weight.T
    return out if bias is None else out + bias


def linear_backward(dout, x, weight):
    """Gradients of y = x·Wᵀ + b: (dx, dweight, dbias).

    Shape: dout (N, OUT), x (N, IN), weight (OUT, IN) -> dx (N, IN), dweight (OUT, IN),
    dbias (OUT,). Every sample of the batch adds its share to dweight and dbias.
    """
    dx = dout @ weight            # each input fed every output through its weight
    dweight = dout.T @ x          # Σ over the batch of dout[n] ⊗ x[n]
    dbias = dout.sum(axis=0)
    return dx, dweight, dbias


# --------------------------------------------------------------------------- softmax and loss


def softmax(logits):
    """Probabilities from scores, along the last axis; the maximum is subtracted first so that
    e^1000 is never computed (it does not change the result)."""
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy(logits, target):
    """Mean of −log softmax(logits)[target]: small when the right class gets high probability.

    Shape: logits (N, classes), target (N,) integer classes -> a float. Written as
    log-sum-exp with the maximum subtracted, so large logits give a finite loss.
    """
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(len(target)), target].mean())


def cross_entropy_backward(logits, target):
    """d cross_entropy / d logits = (softmax(logits) − one_hot(target)) / N.  Shape: as logits."""
    grad = softmax(logits)
    grad[np.arange(len(target)), target] -= 1    # the right class is pulled up, the rest down
    return grad / len(target)


# --------------------------------------------------------------------------- the tiny network


def tiny_net_step(x, y, w1, w2, lr=0.01):
    """One plain SGD step of the lesson's tiny network on one sample; returns
    (new w1, new w2, loss before the step).

    conv w1 3×3 (no bias) → sigmoid → max-pool 2×2 → flatten → FC w2 1×4 (no bias) → sigmoid →
    E = ½(y − ŷ)², so ∂E/∂ŷ = ŷ − y.   Shape: x (6, 6), y a number, w1 (3, 3), w2 (1, 4).
    """
    # forward, keeping what backward needs
    z1 = conv2d_naive(x[None, None], w1[None, None])[0, 0]          # (4, 4)
    s = sigmoid(z1)
    pooled = max_pool2d(s[None, None], 2)[0, 0].reshape(4)          # (2, 2) flattened to (4,)
    y_hat = sigmoid(w2 @ pooled)[0]
    loss = 0.5 * (y - y_hat) ** 2
    # backward: the chain rule, from the loss back to each weight
    delta2 = (y_hat - y) * y_hat * (1 - y_hat)         # ∂E/∂z2 = (ŷ − y)·σ′, σ′ = ŷ(1 − ŷ)
    grad_w2 = delta2 * pooled[None]                     # (1, 4)
    dpooled = (delta2 * w2[0]).reshape(1, 1, 2, 2)      # the error routed back through w2
    ds = max_pool2d_backward(dpooled, s[None, None], 2)[0, 0]   # only the winners get it
    delta1 = ds * s * (1 - s)                           # (4, 4) the error map of the conv
    # the weight gradient is the input correlated with the error map
    grad_w1 = conv2d_naive(x[None, None], delta1[None, None])[0, 0]   # (3, 3)
    return w1 - lr * grad_w1, w2 - lr * grad_w2, loss


# --------------------------------------------------------------------------- for the app

MIRRORS = {
    "conv_output_size": "core.functional.conv_output_size",
    "pad2d": "core.functional.pad2d",
    "conv2d_naive": "core.functional.conv2d",
    "im2col": "core.functional.im2col",
    "col2im": "core.functional.col2im",
    "conv2d_im2col": "core.functional.conv2d_im2col",
    "conv2d_backward": "core.layers.Conv2d.backward",
    "max_pool2d": "core.functional.max_pool2d",
    "max_pool2d_backward": "core.layers.MaxPool2d.backward",
    "avg_pool2d": "core.functional.avg_pool2d",
    "avg_pool2d_backward": "core.layers.AvgPool2d.backward",
    "relu": "core.functional.relu",
    "relu_derivative": "core.layers.ReLU.backward",
    "leaky_relu": "core.functional.leaky_relu",
    "leaky_relu_derivative": "core.layers.LeakyReLU.backward",
    "sigmoid": "core.functional.sigmoid",
    "sigmoid_derivative": "core.layers.Sigmoid.backward",
    "tanh": "core.functional.tanh",
    "tanh_derivative": "core.layers.Tanh.backward",
    "linear": "core.layers.Linear.forward",
    "linear_backward": "core.layers.Linear.backward",
    "softmax": "core.functional.softmax",
    "cross_entropy": "core.losses.CrossEntropyLoss.forward",
    "cross_entropy_backward": "core.losses.CrossEntropyLoss.backward",
    "tiny_net_step": "core.zoo.shallow_net + MSELoss(halved=True) + SGD",
}
"""Each reference and the fast path a test keeps it equal to (the Code view can name it)."""

KEY_LINES = {
    "conv2d_naive": {"loops": "for n in range(n_images)", "multiply": "total += (xp[n"},
    "im2col": {"column": "cols[:, :, row * ow + col] ="},
    "max_pool2d": {"winner": "window.max(axis=(2, 3))"},
    "max_pool2d_backward": {"winner": "np.argmax(window)", "route": "dxp[n, c, top"},
    "avg_pool2d": {"mean": "window.sum(axis=(2, 3))"},
}
"""Lines a page highlights while it steps through a reference: name -> {role: a fragment of
that line}. ``key_line`` turns a role into a line number."""


def reference_names() -> tuple[str, ...]:
    """The lesson operations with a reference, in the order of this module."""
    return tuple(MIRRORS)


def reference_source(name: str, runnable: bool = False) -> str:
    """The source of one reference, as the Code view shows it; with ``runnable`` a complete
    .py text (what "Save as .py" writes): see ``runnable_source``."""
    if name not in MIRRORS and name != "pair":
        raise ValueError(f"no reference named {name!r}; known: {', '.join(MIRRORS)}")
    return runnable_source([name]) if runnable else inspect.getsource(globals()[name])


def runnable_source(names) -> str:
    """``import numpy as np``, then the references ``names`` and every reference they call,
    each once, callees first: a .py text that runs on its own (the exercises' solutions and
    the functions provided to an exercise are built this way)."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(function_name):
        seen.add(function_name)
        used = inspect.getclosurevars(globals()[function_name]).globals  # names, not attributes
        for other in used:
            if (other in MIRRORS or other == "pair") and other not in seen:
                visit(other)
        order.append(function_name)

    for name in names:
        if name not in MIRRORS and name != "pair":
            raise ValueError(f"no reference named {name!r}; known: {', '.join(MIRRORS)}")
        if name not in seen:
            visit(name)
    parts = ["import numpy as np\n"] + [inspect.getsource(globals()[n]) for n in order]
    return "\n\n".join(parts)


def key_line(name: str, role: str) -> int:
    """1-based line, within ``reference_source(name)``, of a line a page highlights (see
    ``KEY_LINES``)."""
    fragment = KEY_LINES[name][role]
    for number, line in enumerate(reference_source(name).splitlines(), start=1):
        if fragment in line:
            return number
    raise ValueError(f"{fragment!r} is no longer in {name}: update KEY_LINES")
