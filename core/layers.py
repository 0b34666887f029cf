"""Layers with a forward and a hand-written backward, in the style of PyTorch's ``nn`` modules.

Every layer: ``forward(x) -> y``; ``backward(dout) -> dx``, which also SETS ``.grad`` of the
layer's parameters. Backward never writes into ``dout``. Each layer caches only what its backward
needs, declared in ``__init__`` with the reason. ``backward(dout, input_grad=False)`` may skip the
input gradient (returning None): the first layer of a network does not need it.
"""

from __future__ import annotations

import math

import numpy as np

from . import functional as F
from . import init
from .functional import ShapeError


class Parameter:
    """A learnable array and the gradient of the loss with respect to it."""

    __slots__ = ("data", "grad")

    def __init__(self, data: np.ndarray):
        self.data = data
        self.grad = np.zeros_like(data)

    def __repr__(self):
        return f"Parameter(shape={self.data.shape}, dtype={self.data.dtype})"


class Layer:
    """Base class: parameters, buffers, train/eval mode, dtype conversion and printing."""

    buffers: tuple[str, ...] = ()  # arrays of the state that are not learned (saved, converted)

    def __init__(self):
        self.training = True

    def forward(self, x: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def backward(self, dout: np.ndarray, input_grad: bool = True):
        raise NotImplementedError

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return self.forward(x)

    def named_parameters(self) -> list[tuple[str, Parameter]]:
        return [(k, v) for k, v in vars(self).items() if isinstance(v, Parameter)]

    def parameters(self) -> list[Parameter]:
        return [p for _, p in self.named_parameters()]

    def state(self) -> dict[str, np.ndarray]:
        """Every array that defines the layer: parameter values and buffers, by name."""
        out = {name: p.data for name, p in self.named_parameters()}
        out.update({name: getattr(self, name) for name in self.buffers})
        return out

    def set_state(self, name: str, value: np.ndarray) -> None:
        params = dict(self.named_parameters())
        if name in params:
            params[name].data = value
        else:
            setattr(self, name, value)

    def train(self, mode: bool = True):
        self.training = mode
        return self

    def eval(self):
        return self.train(False)

    def to(self, dtype):
        """Convert parameters and buffers to ``dtype`` (float32 or float64), in place."""
        dtype = np.dtype(dtype)
        if dtype not in F.FLOAT_DTYPES:
            raise ValueError(f"dtype must be float32 or float64, got {dtype}")
        for name, value in self.state().items():
            self.set_state(name, value.astype(dtype))
        for p in self.parameters():
            p.grad = np.zeros_like(p.data)
        return self

    def output_shape(self, shape: tuple) -> tuple:
        """Per-sample output shape for a per-sample input shape, e.g. (C, H, W) -> (OC, OH, OW)."""
        return tuple(shape)

    def macs(self, shape: tuple) -> int:
        """Multiply-accumulates of one sample's forward pass."""
        return 0

    def config(self) -> dict:
        """Constructor arguments, JSON-ready: ``type(self)(**config())`` rebuilds the layer."""
        return {}

    def extra_repr(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.config().items())

    def __repr__(self):
        return f"{type(self).__name__}({self.extra_repr()})"

    def _cached(self, value):
        """What forward cached for backward; a clear error if there is no forward yet."""
        if value is None:
            raise RuntimeError(f"{type(self).__name__}.backward needs a forward pass first "
                               "(nothing is cached to differentiate)")
        return value

    def _check_dtype(self, x: np.ndarray, name: str = "input") -> None:
        dtype = self.parameters()[0].data.dtype
        if x.dtype != dtype:
            raise ShapeError(f"{type(self).__name__} holds {dtype} parameters but got a {x.dtype} "
                             f"{name}; convert the model with .to() or the input with .astype()",
                             name)


def _pair_or_int(value: tuple[int, int]):
    """(3, 3) -> 3 for printing and config; (3, 5) stays a list."""
    return value[0] if value[0] == value[1] else list(value)


def _finite(name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
            or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def _check_count(name: str, value) -> int:
    if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
        raise ValueError(f"{name} must be a positive int, got {value!r}")
    return int(value)


class _OneImageToo:
    """Layers that, like PyTorch's, also take one (C, H, W) image without a batch axis."""

    _single = False

    def _batch(self, x):
        self._single = isinstance(x, np.ndarray) and x.ndim == 3
        return x[None] if self._single else x

    def _unbatch(self, array):
        return array[0] if self._single and array is not None else array


class Conv2d(_OneImageToo, Layer):
    """2-D convolution (cross-correlation) of C input channels into OC output channels.

    Args:
        in_channels, out_channels: C and OC.
        kernel_size: KH×KW, an int or (h, w).
        stride: step of the window between output pixels. Default: 1
        padding: zeros added on each side. Default: 0
        dilation: spacing between kernel taps. Default: 1
        bias: add a learnable per-channel offset. Default: True
        dtype: float32 or float64. Default: float32
        rng: seed or Generator for the initial weights (PyTorch's default uniform scheme).

    Shape:
        x: (N, C, H, W) -> (N, OC, OH, OW),
        OH = ⌊(H + 2·padding − dilation·(KH − 1) − 1) / stride⌋ + 1  (``F.conv_output_size``)

    Example::

        >>> Conv2d(1, 6, 5, padding=2).forward(np.zeros((8, 1, 28, 28), np.float32)).shape
        (8, 6, 28, 28)
    """

    def __init__(self, in_channels: int, out_channels: int, kernel_size, stride=1, padding=0,
                 dilation=1, groups: int = 1, bias: bool = True, padding_mode: str = "zeros",
                 dtype=np.float32, rng=None):
        super().__init__()
        self.in_channels = _check_count("in_channels", in_channels)
        self.out_channels = _check_count("out_channels", out_channels)
        self.kernel_size, self.stride, _, self.dilation = F.window_args(
            kernel_size, stride, 0, dilation)
        self.sides = F.padding_sides(padding, self.kernel_size, self.stride, self.dilation)
        F.window_args(self.kernel_size, self.stride, (self.sides.top, self.sides.left))
        F.check_padding_mode(padding_mode, self.sides, (10**9, 10**9))
        self.padding_spec = padding if isinstance(padding, str) else None  # "same" / "valid"
        self.padding = (self.sides.top, self.sides.left)  # where the first window starts
        self.padding_mode = padding_mode
        self.groups = F.check_groups(in_channels, out_channels, groups)
        rng = init.make_rng(rng)
        shape = (out_channels, in_channels // self.groups) + self.kernel_size
        F.check_elements(f"the weight {shape}", shape, "kernel_size")
        self.weight = Parameter(init.pytorch_default(shape, rng, dtype))
        self.bias = None
        if bias:
            bound = 1.0 / math.sqrt(shape[1] * self.kernel_size[0] * self.kernel_size[1])
            self.bias = Parameter(rng.uniform(-bound, bound, out_channels).astype(dtype))
        self._cols = None          # im2col matrix of the input: both gradients are products with it
        self._x_shape = None       # col2im needs it to fold the input gradient back (padded)
        self._input_shape = None   # the input before any explicit padding
        self._geometry_key = None  # (input shape, dtype) the cached geometry was validated for
        self._geometry = None

    @property
    def explicit_padding(self) -> bool:
        """Whether the input is padded before the windows slide (any padding but symmetric
        zeros)."""
        return self.padding_mode != "zeros" or not self.sides.symmetric

    def geometry(self, x: np.ndarray) -> F.Geometry:
        """The window geometry for input ``x`` as it reaches the windows (padded already when
        ``explicit_padding``)."""
        key = (x.shape, x.dtype, self.weight.data.dtype)  # .to() must re-check the dtypes
        if key != self._geometry_key:
            bias = None if self.bias is None else self.bias.data
            padding = 0 if self.explicit_padding else self.padding
            self._geometry = F.conv_geometry(x, self.weight.data, bias, self.stride,
                                             padding, self.dilation, self.groups)
            self._geometry_key = key
        return self._geometry

    def forward(self, x):
        x = self._batch(x)
        self._input_shape = getattr(x, "shape", None)
        if self.explicit_padding:
            x = F.prepare_padding(x, self.kernel_size, self.stride, self.padding_spec or
                                  self.padding, self.dilation, self.padding_mode)[0]
        g = self.geometry(x)
        bias = None if self.bias is None else self.bias.data
        out, self._cols = F.conv2d_forward(x, self.weight.data, bias, g, self.groups)
        self._x_shape = x.shape
        return self._unbatch(out)

    def backward(self, dout, input_grad=True):
        dout = dout[None] if self._single else dout
        dx, self.weight.grad, dbias = F.conv2d_backward(
            dout, self._cached(self._cols), self.weight.data, self._x_shape, self._geometry,
            input_grad, self.groups)
        if self.bias is not None:
            self.bias.grad = dbias
        if dx is not None and self.explicit_padding:
            dx = F.pad_backward(dx, self._input_shape, self.sides, self.padding_mode)
        return self._unbatch(dx)

    def output_shape(self, shape):
        c, h, w = _expect_chw(self, shape)
        if c != self.in_channels:
            raise ShapeError(f"{self!r} expects {self.in_channels} input channels, got {c}",
                             "input")
        s = self.sides
        g = F.window_geometry((h + s.top + s.bottom, w + s.left + s.right), self.kernel_size,
                              self.stride, 0, self.dilation)
        return (self.out_channels, g.oh, g.ow)

    def macs(self, shape):
        _, oh, ow = self.output_shape(shape)
        return F.conv_macs(self.kernel_size, self.in_channels, self.out_channels, (oh, ow),
                           groups=self.groups)

    def config(self):
        cfg = {"in_channels": self.in_channels, "out_channels": self.out_channels,
               "kernel_size": _pair_or_int(self.kernel_size)}
        for name, default in (("stride", 1), ("padding", 0), ("dilation", 1)):
            value = _pair_or_int(getattr(self, name))
            if value != default:
                cfg[name] = value
        if self.padding_spec is not None:
            cfg["padding"] = self.padding_spec
        if self.groups != 1:
            cfg["groups"] = self.groups
        if self.padding_mode != "zeros":
            cfg["padding_mode"] = self.padding_mode
        if self.bias is None:
            cfg["bias"] = False
        return cfg

    def extra_repr(self):
        cfg = self.config()
        head = f"{cfg.pop('in_channels')}, {cfg.pop('out_channels')}"
        return ", ".join([head] + [f"{k}={v}" for k, v in cfg.items()])


def _expect_chw(layer: Layer, shape) -> tuple[int, int, int]:
    if len(shape) != 3:
        raise ShapeError(f"{layer!r} expects a (C, H, W) input, got {tuple(shape)}", "input")
    return tuple(shape)


class _Pool2d(_OneImageToo, Layer):
    def __init__(self, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
        super().__init__()
        self.kernel_size, self.stride, self.padding, self.dilation = F.pool_args(
            kernel_size, stride, padding, dilation)
        self.ceil_mode = bool(ceil_mode)
        self._x_shape = None  # backward scatters onto a grid of this shape
        self._geometry = None
        self._key = None      # (shape, dtype) the geometry was validated for

    def _geometry_for(self, x):
        key = (x.shape, x.dtype) if isinstance(x, np.ndarray) else None
        if key is None or key != self._key:  # validate once per shape and dtype
            self._geometry = F.pool_geometry(x, self.kernel_size, self.stride, self.padding,
                                             self.dilation, self.ceil_mode)
            self._key = key
            self._geometry_changed(x)
        self._x_shape = x.shape
        return self._geometry

    def _geometry_changed(self, x) -> None:
        """A new input shape was validated (subclasses derive what depends on it)."""

    def output_shape(self, shape):
        c, h, w = _expect_chw(self, shape)
        g = F.window_geometry((h, w), self.kernel_size, self.stride, self.padding,
                              self.dilation, self.ceil_mode)
        return (c, g.oh, g.ow)

    def config(self):
        cfg = {"kernel_size": _pair_or_int(self.kernel_size)}
        if self.stride != self.kernel_size:
            cfg["stride"] = _pair_or_int(self.stride)
        if self.padding != (0, 0):
            cfg["padding"] = _pair_or_int(self.padding)
        if self.dilation != (1, 1):
            cfg["dilation"] = _pair_or_int(self.dilation)
        if self.ceil_mode:
            cfg["ceil_mode"] = True
        return cfg


class MaxPool2d(_Pool2d):
    """Max over each KH×KW window (padding counts as −∞; a NaN wins its window, as in PyTorch).

    Shape:
        x: (N, C, H, W) -> (N, C, OH, OW),
        OH = conv_output_size(H, KH, stride, padding, dilation, ceil_mode)
    Backward sends each output gradient to the single input that won its window (the first one on
    ties), adding where windows overlap. Default stride: the kernel size. ``ceil_mode`` keeps a
    last, partial window (if it starts inside the input or its left padding).
    """

    def __init__(self, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
        super().__init__(kernel_size, stride, padding, dilation, ceil_mode)
        self.argmax = None  # winner of each window (i·KW + j): backward routes dout there

    def forward(self, x):
        x = self._batch(x)
        out, self.argmax = F.max_pool2d_forward(x, self._geometry_for(x))
        return self._unbatch(out)

    def backward(self, dout, input_grad=True):
        dout = dout[None] if self._single else dout
        return self._unbatch(F.max_pool2d_backward(dout, self._cached(self.argmax),
                                                   self._x_shape, self._geometry))


class AvgPool2d(_Pool2d):
    """Mean over each KH×KW window.

    Shape:
        x: (N, C, H, W) -> (N, C, OH, OW), OH = conv_output_size(H, KH, stride, padding,
        ceil_mode=ceil_mode)
    By default zero padding counts in the mean (``count_include_pad``, PyTorch's default); without
    it only cells of the input count; ``divisor_override`` divides every window's sum by one
    number. Backward spreads each output gradient over its window, 1/divisor per cell. Default
    stride: the kernel size.
    """

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False,
                 count_include_pad=True, divisor_override=None):
        super().__init__(kernel_size, stride, padding, ceil_mode=ceil_mode)
        F.check_divisor(divisor_override)
        self.count_include_pad = bool(count_include_pad)
        self.divisor_override = divisor_override
        self.divisors = None  # (OH, OW) what each window's sum is divided by

    def _geometry_changed(self, x) -> None:
        self.divisors = F.avg_divisors(x.shape[2:], self._geometry, self.count_include_pad,
                                       self.divisor_override)

    def forward(self, x):
        x = self._batch(x)
        g = self._geometry_for(x)
        return self._unbatch(F.avg_pool2d_forward(x, g, self.divisors))

    def backward(self, dout, input_grad=True):
        dout = dout[None] if self._single else dout
        return self._unbatch(F.avg_pool2d_backward(dout, self._cached(self._x_shape),
                                                   self._geometry, self.divisors))

    def config(self):
        cfg = super().config()
        if not self.count_include_pad:
            cfg["count_include_pad"] = False
        if self.divisor_override is not None:
            cfg["divisor_override"] = self.divisor_override
        return cfg


class Linear(Layer):
    """Fully connected layer: y = x·Wᵀ + b.

    Args:
        in_features, out_features: sizes of x and y.
        bias: add a learnable offset. Default: True
        dtype, rng: as for Conv2d.

    Shape: x (N, in_features) -> (N, out_features); weight (out_features, in_features).
    """

    def __init__(self, in_features: int, out_features: int, bias: bool = True,
                 dtype=np.float32, rng=None):
        super().__init__()
        self.in_features = _check_count("in_features", in_features)
        self.out_features = _check_count("out_features", out_features)
        rng = init.make_rng(rng)
        F.check_elements(f"the weight ({out_features}, {in_features})",
                         (out_features, in_features), "weight")
        self.weight = Parameter(init.pytorch_default((out_features, in_features), rng, dtype))
        self.bias = None
        if bias:
            bound = 1.0 / math.sqrt(in_features)
            self.bias = Parameter(rng.uniform(-bound, bound, out_features).astype(dtype))
        self._x = None  # the weight gradient is doutᵀ·x

    def forward(self, x):
        """x (…, in_features) -> (…, out_features): any leading axes, as in PyTorch."""
        if not isinstance(x, np.ndarray) or x.ndim < 1 or x.shape[-1] != self.in_features:
            raise ShapeError(f"{self!r} expects input (…, {self.in_features}), got "
                             f"{getattr(x, 'shape', type(x).__name__)}", "input")
        self._check_dtype(x)
        self._lead = x.shape[:-1]
        self._x = x.reshape(-1, self.in_features)
        out = self._x @ self.weight.data.T
        if self.bias is not None:
            out += self.bias.data
        return out.reshape(*self._lead, self.out_features)

    def backward(self, dout, input_grad=True):
        d2 = dout.reshape(-1, self.out_features)
        self.weight.grad = d2.T @ self._cached(self._x)
        if self.bias is not None:
            self.bias.grad = d2.sum(axis=0)
        return (d2 @ self.weight.data).reshape(*self._lead, self.in_features) if input_grad \
            else None

    def output_shape(self, shape):
        if tuple(shape) != (self.in_features,):
            raise ShapeError(f"{self!r} expects {self.in_features} features, got {tuple(shape)}",
                             "input")
        return (self.out_features,)

    def macs(self, shape):
        return self.in_features * self.out_features

    def config(self):
        cfg = {"in_features": self.in_features, "out_features": self.out_features}
        if self.bias is None:
            cfg["bias"] = False
        return cfg


class Flatten(Layer):
    """(N, C, H, W) -> (N, C·H·W), so a Linear layer can follow a convolution."""

    def __init__(self):
        super().__init__()
        self._x_shape = None  # backward restores it

    def forward(self, x):
        self._x_shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, dout, input_grad=True):
        return dout.reshape(self._cached(self._x_shape))

    def output_shape(self, shape):
        return (math.prod(shape),)


class ReLU(Layer):
    """max(0, x). Its gradient is 1 where x > 0 and 0 elsewhere: cheap, and it does not saturate."""

    def __init__(self):
        super().__init__()
        self._positive = None  # where x > 0: the only places the gradient passes

    def forward(self, x):
        self._positive = x > 0
        return np.maximum(x, 0)

    def backward(self, dout, input_grad=True):
        return dout * self._cached(self._positive)


class LeakyReLU(Layer):
    """max(slope·x, x) for a small slope: negative inputs keep a little gradient.

    Args:
        negative_slope: the slope for x < 0. Default: 0.01 (the lesson uses 0.1)
    """

    def __init__(self, negative_slope: float = 0.01):
        super().__init__()
        self.negative_slope = _finite("negative_slope", negative_slope)
        self._positive = None  # where x > 0: gradient 1 there, negative_slope elsewhere

    def forward(self, x):
        self._positive = x > 0
        return np.where(self._positive, x, x * x.dtype.type(self.negative_slope))

    def backward(self, dout, input_grad=True):
        return np.where(self._cached(self._positive), dout,
                        dout * dout.dtype.type(self.negative_slope))

    def config(self):
        return {"negative_slope": self.negative_slope}


class Sigmoid(Layer):
    """σ(x) = 1 / (1 + e^−x), in (0, 1). σ' = σ(1 − σ) ≤ 1/4: gradients shrink through it."""

    def __init__(self):
        super().__init__()
        self._y = None  # the derivative is written in terms of the output

    def forward(self, x):
        self._y = F.sigmoid(x)
        return self._y

    def backward(self, dout, input_grad=True):
        grad = 1 - self._cached(self._y)
        grad *= self._y
        grad *= dout
        return grad


class Tanh(Layer):
    """tanh(x), in (−1, 1). tanh' = 1 − tanh²: near 0 for large |x| (saturation)."""

    def __init__(self):
        super().__init__()
        self._y = None  # the derivative is written in terms of the output

    def forward(self, x):
        self._y = np.tanh(x)
        return self._y

    def backward(self, dout, input_grad=True):
        grad = self._cached(self._y) * self._y
        np.subtract(1, grad, out=grad)  # in place: one temporary instead of three
        grad *= dout
        return grad


class BatchNorm2d(Layer):
    """Normalise each channel over the batch and the image, then scale and shift.

    In training: x̂ = (x − mean) / √(var + eps) with the batch mean and the *biased* batch variance
    over (N, H, W); y = weight·x̂ + bias. The running statistics are updated as
    ``running = (1 − momentum)·running + momentum·batch``, running_var with the *unbiased* variance.
    In eval mode the running statistics are used instead.

    Args:
        num_features: C.  eps: Default: 1e-5.  momentum: Default: 0.1.  dtype: Default: float32

    Shape: x (N, C, H, W) -> same.
    """

    buffers = ("running_mean", "running_var")

    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float = 0.1,
                 dtype=np.float32):
        super().__init__()
        self.num_features = _check_count("num_features", num_features)
        self.eps = _finite("eps", eps)
        self.momentum = _finite("momentum", momentum)
        if self.eps <= 0:
            raise ValueError(f"eps must be positive (it keeps 1/√(var + eps) finite), got {eps}")
        if not 0 <= self.momentum <= 1:
            raise ValueError(f"momentum must be in [0, 1], got {momentum}")
        self.weight = Parameter(np.ones(num_features, dtype))
        self.bias = Parameter(np.zeros(num_features, dtype))
        self.running_mean = np.zeros(num_features, dtype)
        self.running_var = np.ones(num_features, dtype)
        self._centred = None  # x − mean: with 1/√(var + eps) it gives x̂ for both gradients
        self._inv_std = None

    def forward(self, x):
        if x.ndim != 4 or x.shape[1] != self.num_features:
            raise ShapeError(f"{self!r} expects input (N, {self.num_features}, H, W), got "
                             f"{x.shape}", "input")
        self._check_dtype(x)
        n, c, h, w = x.shape
        count = n * h * w
        if self.training:
            if count < 2:
                raise ValueError(f"BatchNorm2d needs more than one value per channel in training, "
                                 f"got input of shape {x.shape}; use a larger batch or eval mode")
            # Sums over (N, H, W) as einsum over rows of H·W contiguous values: much faster than
            # x.mean(axis=(0, 2, 3)), which walks memory in small strided steps.
            mean = np.einsum("ncl->c", x.reshape(n, c, -1)) / count
            centred = x - mean[:, None, None]
            c3 = centred.reshape(n, c, -1)
            var = np.einsum("ncl,ncl->c", c3, c3) / count
            m = self.momentum
            self.running_mean = (1 - m) * self.running_mean + m * mean
            self.running_var = (1 - m) * self.running_var + m * var * (count / (count - 1))
        else:
            centred = x - self.running_mean[:, None, None]
            var = self.running_var
        self._centred = centred
        self._inv_std = (1 / np.sqrt(var + self.eps)).astype(x.dtype)
        out = centred * (self.weight.data * self._inv_std)[:, None, None]
        out += self.bias.data[:, None, None]
        return out

    def backward(self, dout, input_grad=True):
        n, c, h, w = dout.shape  # explicit sizes: reshape(n, c, -1) fails for an empty batch
        d3, c3 = dout.reshape(n, c, h * w), self._cached(self._centred).reshape(n, c, h * w)
        inv_std = self._inv_std
        self.bias.grad = np.einsum("ncl->c", d3)
        self.weight.grad = np.einsum("ncl,ncl->c", d3, c3) * inv_std  # Σ dout·x̂
        if not input_grad:
            return None
        scale = self.weight.data * inv_std
        dx = dout * scale[:, None, None]
        if self.training:
            # The batch mean and variance depend on every input, hence two correction terms:
            # dx = scale·(dout − Σdout/M − x̂·Σ(dout·x̂)/M), with x̂ = centred·inv_std.
            count = d3.shape[0] * d3.shape[2]
            slope = -scale * inv_std * self.weight.grad / count
            correction = self._centred * slope[:, None, None]
            correction -= (scale * self.bias.grad / count)[:, None, None]
            dx += correction
        return dx

    def output_shape(self, shape):
        c = _expect_chw(self, shape)[0]
        if c != self.num_features:
            raise ShapeError(f"{self!r} expects {self.num_features} channels, got {c}", "input")
        return tuple(shape)

    def config(self):
        cfg = {"num_features": self.num_features}
        if self.eps != 1e-5:
            cfg["eps"] = self.eps
        if self.momentum != 0.1:
            cfg["momentum"] = self.momentum
        return cfg


class Dropout(Layer):
    """Inverted dropout: in training, zero each value with probability p and scale the rest by
    1/(1 − p), so eval mode is the identity.

    Args:
        p: probability of dropping a value. Default: 0.5
        rng: seed or Generator for the masks.

    Set ``frozen = True`` to reuse the last mask (gradient checks need a fixed function).
    """

    def __init__(self, p: float = 0.5, rng=None):
        super().__init__()
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"dropout probability must be in [0, 1], got {p}")
        self.p = float(p)
        self.rng = init.make_rng(rng)
        self.frozen = False
        self.mask = None  # kept values scaled by 1/(1 − p), dropped ones 0: backward multiplies

    def forward(self, x):
        if not self.training or self.p == 0.0:
            self.mask = None
            return x
        if not (self.frozen and self.mask is not None and self.mask.shape == x.shape):
            keep = self.rng.random(x.shape, dtype=x.dtype) >= self.p
            scale = 0.0 if self.p == 1.0 else 1.0 / (1.0 - self.p)
            self.mask = keep * x.dtype.type(scale)
        return x * self.mask

    def backward(self, dout, input_grad=True):
        return dout if self.mask is None else dout * self.mask

    def config(self):
        return {"p": self.p}


def linear_as_conv(linear: Linear, channels: int, height: int, width: int) -> Conv2d:
    """The convolution that computes exactly what ``linear`` computes on a flattened
    (channels, height, width) input: one kernel of the input's full size per output unit (for
    1×1 maps, a 1×1 convolution). The lesson's point: some models replace their fully connected
    layers by convolutions."""
    if channels * height * width != linear.in_features:
        raise ValueError(f"{linear!r} reads {linear.in_features} values, not a "
                         f"{channels}×{height}×{width} input")
    conv = Conv2d(channels, linear.out_features, (height, width), bias=linear.bias is not None,
                  dtype=linear.weight.data.dtype)
    conv.weight.data = linear.weight.data.reshape(conv.weight.data.shape).copy()
    if linear.bias is not None:
        conv.bias.data = linear.bias.data.copy()
    return conv


LAYER_TYPES = {cls.__name__: cls for cls in (Conv2d, MaxPool2d, AvgPool2d, Linear, Flatten, ReLU,
                                              LeakyReLU, Sigmoid, Tanh, BatchNorm2d, Dropout)}
