"""The code an export writes beside the weights: ``model.py`` (the network in PyTorch, one line
per layer), ``predict.py`` (classify a picture with it), a README, and an example image as PNG.

Pure text from the model's layers: PyTorch is never imported here. ``core.pytorch`` writes the
files and ``parse_layer`` reads such a line (or a PyTorch module's ``repr``) back.
"""

from __future__ import annotations

import ast
import json
import struct
import textwrap
import zlib

import numpy as np

from .layers import LAYER_TYPES

# Per layer type: its arguments in PyTorch's order; the first ``POSITIONAL[type]`` are written
# without a name, as PyTorch prints them.
ARGUMENTS = {
    "Conv2d": ("in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation",
               "groups", "bias", "padding_mode"),
    "Linear": ("in_features", "out_features", "bias"),
    "BatchNorm2d": ("num_features", "eps", "momentum", "affine", "track_running_stats"),
    "MaxPool2d": ("kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode"),
    "AvgPool2d": ("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad",
                  "divisor_override"),
    "Dropout": ("p", "inplace"),
    "ReLU": ("inplace",),
    "LeakyReLU": ("negative_slope", "inplace"),
    "Sigmoid": (),
    "Tanh": (),
    "Flatten": ("start_dim", "end_dim"),
}
POSITIONAL = {"Conv2d": 2, "Linear": 2, "BatchNorm2d": 1}
# PyTorch arguments the app's layers have at one value only (PyTorch prints some of them).
FIXED = {("BatchNorm2d", "affine"): True, ("BatchNorm2d", "track_running_stats"): True,
         ("BatchNorm2d", "bias"): True, ("MaxPool2d", "return_indices"): False,
         ("Flatten", "start_dim"): 1, ("Flatten", "end_dim"): -1}
IGNORED = ("inplace",)  # saves memory in PyTorch, changes no result
MAX_LAYER_TEXT = 400


# ---------------------------------------------------------------------------- one line per layer


def torch_expression(layer) -> str:
    """The PyTorch module equal to an app layer, as code: ``nn.Conv2d(1, 6, kernel_size=5,
    padding=2)``."""
    kind = type(layer).__name__
    if kind not in ARGUMENTS or LAYER_TYPES.get(kind) is not type(layer):
        raise ValueError(f"{layer!r} has no PyTorch counterpart this export knows")
    config = layer.config()
    head = [_code(config.pop(name)) for name in ARGUMENTS[kind][:POSITIONAL.get(kind, 0)]]
    return f"nn.{kind}(" + ", ".join(head + [f"{k}={_code(v)}" for k, v in config.items()]) + ")"


def _code(value) -> str:
    if isinstance(value, list):  # pairs are lists in the app's JSON, tuples in PyTorch code
        return "(" + ", ".join(_code(v) for v in value) + ")"
    return repr(value)


def parse_layer(text: str) -> dict:
    """One layer written as PyTorch code or printed by PyTorch (``Conv2d(1, 6, kernel_size=(5, 5),
    stride=(1, 1), padding=(2, 2))``, ``nn.ReLU()``, ``BatchNorm2d(6, eps=1e-05, …)``) -> the
    app's layer spec ``{"type": …, "args": …}``. ValueError naming what the app cannot build.

    Only literals are read (``ast.literal_eval``); a bare word such as ``padding=same`` (how
    PyTorch prints strings) is read as that text. Nothing is ever executed.
    """
    if not isinstance(text, str) or len(text) > MAX_LAYER_TEXT:
        raise ValueError(f"not a layer: {str(text)[:60]!r}")
    try:
        call = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise ValueError(f"not a layer: {text[:60]!r}") from None
    if not isinstance(call, ast.Call):
        raise ValueError(f"not a layer: {text[:60]!r}")
    kind = _name(call.func)
    if kind not in ARGUMENTS:
        raise ValueError(f"{kind or text[:40]!r} is not a layer CNN Studio can build (it builds "
                         f"{', '.join(ARGUMENTS)})")
    names = ARGUMENTS[kind] + (("bias",) if kind == "BatchNorm2d" else ())
    if len(call.args) > len(ARGUMENTS[kind]):
        raise ValueError(f"{kind} takes at most {len(ARGUMENTS[kind])} arguments: {text[:60]!r}")
    given = [(name, node) for name, node in zip(names, call.args)]
    given += [(keyword.arg, keyword.value) for keyword in call.keywords]
    args = {}
    for name, node in given:
        if name is None or name not in names or name in args:
            raise ValueError(f"{kind}: unexpected argument {name!r} in {text[:60]!r}")
        value = _literal(node, kind, name)
        if name in IGNORED:
            continue
        if (kind, name) in FIXED:
            if value != FIXED[(kind, name)]:
                raise ValueError(f"{kind} with {name}={value!r}: CNN Studio's {kind} has "
                                 f"{name}={FIXED[(kind, name)]!r} only")
            continue
        args[name] = value
    return {"type": kind, "args": args}


def _name(node) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr  # nn.Conv2d, torch.nn.Conv2d
    return None


def _literal(node, kind: str, name: str):
    if isinstance(node, ast.Name):
        return node.id  # PyTorch prints strings bare: padding=same, padding_mode=reflect
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
        raise ValueError(f"{kind}: {name} is not a plain value") from None
    return list(value) if isinstance(value, tuple) else value


# ---------------------------------------------------------------------------- model.py


def model_code(title: str, layers, shapes, input_shape, normalizer, classes) -> str:
    """``model.py``: constants, ``class Net(nn.Sequential)`` with one line per layer (its output
    shape beside it) and the normalisation as the first step of ``forward``; ``load`` and
    ``save``. ``layers``: the app's layers; ``shapes``: each one's output shape per sample."""
    width = max(len(torch_expression(layer)) for layer in layers) + 1
    lines = [f"            {torch_expression(layer) + ',':<{width}}  # {i}: {_shape(shape)}"
             for i, (layer, shape) in enumerate(zip(layers, shapes))]
    classifier = classes is not None
    call = f"    outputs = net(x)  # x: {_batch(input_shape)}"
    if normalizer:
        call += " floats in [0, 1]"
    if len(shapes[-1]) == 1:
        call += f" -> (N, {shapes[-1][0]})" + (" logits" if classifier else "")
    out = [*textwrap.wrap(f'"""{title}, exported from CNN Studio: the same layers and weights '
                          "in PyTorch, and the same answers.", 96), "",
           "    from model import load",
           "    net = load()  # the weights in model.safetensors, in eval mode", call,
           "", "Needs torch and safetensors (pip install torch safetensors).", '"""', "",
           "import json", "from pathlib import Path", "", "from torch import nn", "",
           'WEIGHTS = Path(__file__).with_name("model.safetensors")',
           f"INPUT_SHAPE = {tuple(input_shape)!r}  # channels, height, width of one input"]
    if normalizer:
        out.append(f"MEAN, STD = {normalizer.mean!r}, {normalizer.std!r}  # of the training "
                   "pixels, in [0, 1]")
    if classifier:
        out += ["CLASSES = [", *_rows([json.dumps(name, ensure_ascii=False) + ","
                                       for name in classes]), "]"]
    out += ["", "", "class Net(nn.Sequential):",
            '    """The layers of CNN Studio\'s network; tensor names "0.weight", '
            '"1.running_mean", …"""',
            "", "    def __init__(self):", "        super().__init__(", *lines, "        )"]
    if normalizer:
        out += ["", "    def forward(self, x):",
                "        x = (x - MEAN) / STD  # the normalisation the network was trained with",
                "        return super().forward(x)"]
    out += ["", "", "def load(path=WEIGHTS):",
            '    """The network with the weights in ``path``, in eval mode (BatchNorm uses its '
            'running',
            '    statistics, dropout keeps everything)."""',
            "    from safetensors.torch import load_file", "",
            "    net = Net()", "    net.load_state_dict(load_file(path))", "    return net.eval()",
            "", "", "def save(net, path):",
            '    """Write the weights of ``net`` for CNN Studio (File → Open PyTorch weights…), '
            "with",
            '    its layers' + (", normalisation" if normalizer else "")
            + (" and class names" if classifier else "") + ' so that the app rebuilds the same '
            'network."""',
            "    from safetensors.torch import save_file", "",
            "    tensors = {name: t.detach().cpu().contiguous() "
            "for name, t in net.state_dict().items()}",
            '    metadata = {"format": "pt", '
            '"layers": json.dumps([repr(layer) for layer in net])}']
    if normalizer:
        out.append('    metadata["normalizer"] = json.dumps({"mean": MEAN, "std": STD})')
    if classifier:
        out.append('    metadata["classes"] = json.dumps(CLASSES)')
    out += ["    save_file(tensors, path, metadata)", ""]
    return "\n".join(out)


def _rows(items, width: int = 96) -> list[str]:
    """Items on indented lines of at most ``width`` characters (an item is never split)."""
    rows = ["   "]
    for item in items:
        if len(rows[-1]) + 1 + len(item) > width and rows[-1].strip():
            rows.append("   ")
        rows[-1] += " " + item
    return rows


def _shape(shape) -> str:
    return "×".join(str(v) for v in shape)


def _batch(input_shape) -> str:
    return "(N, " + ", ".join(str(v) for v in input_shape) + ")"


# ---------------------------------------------------------------------------- predict.py


PREDICT_IMAGE = '''"""Classify a picture with the network exported from CNN Studio:

    python predict.py example.png

Needs torch, safetensors and pillow (pip install torch safetensors pillow).
"""

import sys

import numpy as np
import torch
from PIL import Image

from model import CLASSES, INPUT_SHAPE, load


def read_image(path):
    """A picture -> (1, 1, H, W) pixels in [0, 1] the way the training images were: grey, of the
    network's size, a light object on a dark background (dark on light is inverted)."""
    height, width = INPUT_SHAPE[1:]
    pixels = np.asarray(Image.open(path).convert("L").resize((width, height)), np.float32) / 255
    border = np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])
    if np.median(border) > 0.5:
        pixels = 1 - pixels
    return torch.from_numpy(pixels)[None, None]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python predict.py IMAGE")
    net = load()
    with torch.no_grad():
        probabilities = net(read_image(sys.argv[1])).softmax(dim=1)[0]
    best = probabilities.topk(min(3, len(CLASSES)))
    for p, i in zip(best.values.tolist(), best.indices.tolist()):
        print(f"{CLASSES[i]:<14}{p:8.2%}")
'''

PREDICT_ANY = '''"""Run the network exported from CNN Studio on one random input: python predict.py

Needs torch and safetensors (pip install torch safetensors).
"""

import torch

from model import INPUT_SHAPE, load

if __name__ == "__main__":
    net = load()
    x = torch.randn(1, *INPUT_SHAPE)
    with torch.no_grad():
        print(net(x))
'''


def predict_code(classifier: bool) -> str:
    """``predict.py``: a picture -> the three likeliest classes (a classifier of grey images),
    or one random input -> the output."""
    return PREDICT_IMAGE if classifier else PREDICT_ANY


# ---------------------------------------------------------------------------- README.md


def readme_text(title: str, tensors: int, numbers: int, classifier: bool, example: str | None,
                normalizer) -> str:
    """The README written beside the files: what each one is, how to run it, how to train on."""
    run = "python predict.py example.png" if example else (
        "python predict.py IMAGE" if classifier else "python predict.py")
    lines = [f"# {title}, exported from CNN Studio", "",
             f"- `model.safetensors`: the weights, a PyTorch `state_dict` ({tensors} tensors, "
             f"{numbers:,} numbers) named as `nn.Sequential` names them; the layers"
             + (", the input normalisation" if normalizer else "")
             + (" and the class names" if classifier else "") + " are in its metadata.",
             "- `model.py`: the same network in PyTorch, one line per layer"
             + ("; its first step normalises the input as in training." if normalizer else "."),
             "- `predict.py`: " + ("classifies a picture." if classifier else
                                   "runs the network on a random input.")]
    if example:
        lines.append(f"- `example.png`: {example}.")
    lines += ["", "```sh", "pip install torch safetensors" + (" pillow" if classifier else ""),
              run, "```", "", "In your own code:", "", "```python", "import torch",
              "from model import load" if classifier else "from model import INPUT_SHAPE, load",
              "", "net = load()  # eval mode: BatchNorm's running statistics, no dropout"]
    if classifier:
        lines += ["pixels = torch.rand(8, 1, 28, 28)  # 8 grey images, pixels in [0, 1]",
                  "print(net(pixels).argmax(dim=1))"]
    else:
        lines += ["print(net(torch.randn(1, *INPUT_SHAPE)))"]
    lines += ["```", ""]
    if classifier:
        lines += ["Keep training it in PyTorch (on a GPU if you have one), then open the result "
                  "in CNN Studio (File → Open PyTorch weights…):", "", "```python",
                  "import torch", "from torch import nn",
                  "from torchvision import datasets, transforms",
                  "from model import load, save", "",
                  'device = "cuda" if torch.cuda.is_available() else "cpu"',
                  "net = load().train().to(device)",
                  "data = datasets.FashionMNIST(\".\", train=True, download=True, "
                  "transform=transforms.ToTensor())",
                  "loader = torch.utils.data.DataLoader(data, batch_size=64, shuffle=True)",
                  "optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)",
                  "for pixels, labels in loader:  # pixels (64, 1, 28, 28) in [0, 1]",
                  "    loss = nn.functional.cross_entropy(net(pixels.to(device)), "
                  "labels.to(device))",
                  "    optimizer.zero_grad()", "    loss.backward()", "    optimizer.step()",
                  'save(net, "trained.safetensors")', "```", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- example.png


def png_bytes(image: np.ndarray) -> bytes:
    """A grey uint8 image (H, W) as a PNG file (8-bit greyscale, no filtering)."""
    image = np.asarray(image)
    if image.ndim != 2 or image.dtype != np.uint8 or min(image.shape) < 1:
        raise ValueError(f"expected a grey uint8 image (H, W), got {image.dtype} {image.shape}")
    height, width = image.shape

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    rows = b"".join(b"\x00" + row.tobytes() for row in image)  # filter 0 (none) per row
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0,
                                                               0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
