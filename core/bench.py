"""``python -m core.bench``: how fast is the numpy core?

(a) the three convolution methods on the lesson's shapes: time, speed-up over the naive loop,
    and the largest difference between their results;
(b) a LeNet-5 training step (forward + backward + SGD step, float32) at several batch sizes;
(c) the same step in PyTorch, when it is importable, timed in alternation with ours in the same run
    (the machine is shared and noisy: only ratios measured together mean something).

``--json`` prints the results as JSON; ``--quick`` is a short smoke run.
"""

from __future__ import annotations

import argparse
import functools
import json
import platform
import statistics
import sys
import time

import numpy as np

from . import allocator, explain, zoo
from . import functional as F
from .inside import classify
from .losses import CrossEntropyLoss
from .optim import SGD
from .timing import seconds_per_call

CONV_CASES = [
    # label, x shape, weight shape, padding, groups
    ("1×1×3×3, 16 kernels 3×3 (the lesson's first demo)", (1, 1, 3, 3), (16, 1, 3, 3), 0, 1),
    ("1×1×28×28, 6 kernels 5×5 pad 2 (LeNet conv1)", (1, 1, 28, 28), (6, 1, 5, 5), 2, 1),
    ("64×6×14×14, 16 kernels 5×5 (LeNet conv2)", (64, 6, 14, 14), (16, 6, 5, 5), 0, 1),
    ("1×1×128×128, 8 kernels 5×5 (playground)", (1, 1, 128, 128), (8, 1, 5, 5), 0, 1),
    ("1×32×56×56, depthwise 3×3 pad 1 (MobileNet)", (1, 32, 56, 56), (32, 1, 3, 3), 1, 32),
]
BATCHES = (1, 8, 64, 256)


def bench_convolutions(quick: bool, use_torch: bool = False) -> list[dict]:
    rng = np.random.default_rng(0)
    rows = []
    methods = dict(F.CONV_METHODS)
    if use_torch:
        import torch

        methods["torch"] = lambda x, w, **args: torch.nn.functional.conv2d(
            torch.from_numpy(x), torch.from_numpy(w), **args).numpy()
    for label, x_shape, w_shape, padding, groups in CONV_CASES:
        x = rng.standard_normal(x_shape).astype(np.float32)
        w = rng.standard_normal(w_shape).astype(np.float32)
        macs = F.conv2d_macs(x_shape, w_shape, padding=padding, groups=groups)
        row = {"case": label, "macs": macs, "seconds": {}, "speedup": {}}
        outputs = {}
        for name, method in methods.items():
            if quick and name in ("naive", "im2col") and macs > 200_000:
                continue  # the Python loops would take seconds
            call = functools.partial(method, x, w, padding=padding, groups=groups)
            outputs[name] = call()
            row["seconds"][name] = seconds_per_call(call, 0.05 if quick else 0.3)
        for name, seconds in row["seconds"].items():
            if "naive" in row["seconds"]:
                row["speedup"][name] = row["seconds"]["naive"] / seconds
        ref = outputs.get("naive", outputs.get("im2col"))
        row["max_abs_diff"] = max((float(np.abs(out - ref).max()) for out in outputs.values()),
                                  default=0.0) if ref is not None else None
        rows.append(row)
    return rows


def torch_lenet5_like(model):
    """A PyTorch copy of one of our Sequential LeNet-5 models (same layers, same weights)."""
    import torch
    nn = torch.nn
    makers = {
        "Conv2d": lambda c: nn.Conv2d(c.in_channels, c.out_channels, c.kernel_size, c.stride,
                                      c.padding, c.dilation, c.groups,
                                      bias=c.bias is not None),
        "BatchNorm2d": lambda b: nn.BatchNorm2d(b.num_features, b.eps, b.momentum),
        "MaxPool2d": lambda p: nn.MaxPool2d(p.kernel_size, p.stride, p.padding, p.dilation,
                                            ceil_mode=p.ceil_mode),
        "AvgPool2d": lambda p: nn.AvgPool2d(p.kernel_size, p.stride, p.padding, p.ceil_mode,
                                            p.count_include_pad, p.divisor_override),
        "Linear": lambda f: nn.Linear(f.in_features, f.out_features, bias=f.bias is not None),
        "Dropout": lambda d: nn.Dropout(d.p),
        "LeakyReLU": lambda a: nn.LeakyReLU(a.negative_slope),
    }
    plain = {"Flatten": nn.Flatten, "Tanh": nn.Tanh, "ReLU": nn.ReLU, "Sigmoid": nn.Sigmoid}
    net = nn.Sequential(*(plain[type(layer).__name__]() if type(layer).__name__ in plain
                          else makers[type(layer).__name__](layer) for layer in model))
    dtype = torch.float64 if model.dtype == np.float64 else torch.float32
    net = net.to(dtype)
    with torch.no_grad():
        for ours, theirs in zip(model, net):
            for name, value in ours.state().items():
                getattr(theirs, name).copy_(torch.from_numpy(np.array(value)))
    return net


def _numpy_step(model, x, y):
    loss, opt = CrossEntropyLoss(), SGD(model.parameters(), lr=0.01)

    def step():
        loss.forward(model.forward(x), y)
        model.backward(loss.backward(), input_grad=False)
        opt.step()
    return step


def _torch_step(model, x, y):
    import torch
    net = torch_lenet5_like(model)
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    tx, ty = torch.from_numpy(x), torch.from_numpy(y)
    loss_fn = torch.nn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss_fn(net(tx), ty).backward()
        opt.step()
    return step


def bench_training(quick: bool, use_torch: bool) -> list[dict]:
    rows = []
    rng = np.random.default_rng(0)
    for batch in (BATCHES[:3] if quick else BATCHES):
        # BatchNorm cannot train on one value per channel (conv3's map is 1×1): at batch 1 both
        # libraries refuse, so that row is measured without BatchNorm, in both.
        batchnorm = batch > 1
        model = zoo.lenet5(batchnorm=batchnorm, rng=0)
        x = rng.standard_normal((batch, 1, 28, 28)).astype(np.float32)
        y = rng.integers(0, 10, batch)
        steps = {"numpy": _numpy_step(model, x, y)}
        if use_torch:
            steps["torch"] = _torch_step(model, x, y)
        for step in steps.values():  # warm up caches, allocators and thread pools
            for _ in range(3):
                step()
        times = {name: [] for name in steps}
        rounds = 3 if quick else 9
        for _ in range(rounds):  # alternate, so both see the same machine load
            for name, step in steps.items():
                times[name].append(seconds_per_call(step, 0.03 if quick else 0.25))
        row = {"batch": batch, "batchnorm": batchnorm}
        for name, values in times.items():
            seconds = statistics.median(values)
            row[f"{name}_ms"] = seconds * 1e3
            row[f"{name}_images_per_s"] = batch / seconds
        if use_torch:
            row["ratio_numpy_over_torch"] = row["numpy_ms"] / row["torch_ms"]
        rows.append(row)
    return rows


def bench_why(quick: bool) -> dict:
    """The Why view's numbers for one 28×28 image with LeNet-5: the answer and the features,
    two saliency maps, occlusion with 4×4 squares every 2 pixels, and the 5 nearest of 60,000
    training images (their features computed once per network, beforehand: timed apart)."""
    rng = np.random.default_rng(0)
    model = zoo.lenet5(rng=0)
    model.metadata["normalizer"] = {"mean": 0.286, "std": 0.353}
    image = rng.integers(0, 256, (28, 28), dtype=np.uint8)
    train = rng.integers(0, 256, (6000 if quick else 60000, 28, 28), dtype=np.uint8)
    start = time.perf_counter()
    bank = explain.image_features(model, train)
    features_s = time.perf_counter() - start

    def why():
        inside = classify(model, image)
        x = inside.input
        answer = int(np.argmax(inside.probabilities))
        explain.saliency(model, x, answer)
        explain.saliency(model, x, (answer + 1) % 10)
        explain.occlusion(model, x, answer, size=4, stride=2)
        explain.nearest(bank, explain.features(model, x[None])[0], 5)

    return {"why_ms": seconds_per_call(why, 0.2 if quick else 1.0) * 1e3,
            "features_s": features_s, "train_images": len(train)}


def _torch_available() -> tuple[bool, str | None]:
    try:
        import torch
    except ImportError:
        return False, None
    return True, f"{torch.__version__} ({torch.get_num_threads()} threads)"


def run(quick: bool = False, use_torch: bool = True) -> dict:
    allocator.keep_freed_memory()
    has_torch, torch_version = _torch_available() if use_torch else (False, None)
    return {
        "machine": {"python": platform.python_version(), "numpy": np.__version__,
                    "torch": torch_version, "processor": platform.machine()},
        "convolution": bench_convolutions(quick, has_torch),
        "train_step": bench_training(quick, has_torch),
        "why": bench_why(quick),
    }


def format_report(results: dict) -> str:
    machine = results["machine"]
    lines = [f"numpy {machine['numpy']}, torch {machine['torch'] or 'absent'}",
             "", "(a) convolution, float32: time per call (speed-up over the naive loop)"]
    for row in results["convolution"]:
        cells = []
        for name in [*F.CONV_METHODS, "torch"]:
            if name == "torch" and name not in row["seconds"]:
                continue
            if name in row["seconds"]:
                speed = row["speedup"].get(name)
                cells.append(f"{name} {_ms(row['seconds'][name])}"
                             + (f" ({speed:,.0f}×)" if speed and name != "naive" else ""))
            else:
                cells.append(f"{name} skipped")
        diff = row["max_abs_diff"]
        lines.append(f"  {row['case']}\n      " + " | ".join(cells)
                     + ("" if diff is None else f" | max |Δ| {diff:.1e}"))
    lines += ["", "(b, c) LeNet-5 train step, float32 (forward + backward + SGD step)",
              f"  {'batch':>5}  {'numpy ms':>9}  {'images/s':>9}  {'torch ms':>9}  {'images/s':>9}"
              f"  {'numpy/torch':>11}"]
    for row in results["train_step"]:
        torch_cells = (f"{row['torch_ms']:9.2f}  {row['torch_images_per_s']:9,.0f}  "
                       f"{row['ratio_numpy_over_torch']:10.2f}×" if "torch_ms" in row
                       else f"{'-':>9}  {'-':>9}  {'-':>11}")
        note = "" if row["batchnorm"] else "   (no BatchNorm: it needs > 1 value per channel)"
        lines.append(f"  {row['batch']:>5}  {row['numpy_ms']:9.2f}  "
                     f"{row['numpy_images_per_s']:9,.0f}  {torch_cells}{note}")
    why = results["why"]
    lines += ["", f"(d) the Why view for one image (saliency ×2, occlusion 4/2, 5 nearest of "
              f"{why['train_images']:,}): {why['why_ms']:.1f} ms (target ≤ 300 ms); the "
              f"training images' features, once per network: {why['features_s']:.2f} s"]
    return "\n".join(lines)


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.3f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.bench",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--quick", action="store_true", help="a short run (smoke test)")
    parser.add_argument("--no-torch", action="store_true", help="do not compare with PyTorch")
    args = parser.parse_args(argv)
    results = run(quick=args.quick, use_torch=not args.no_torch)
    print(json.dumps(results, indent=2) if args.json else format_report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
