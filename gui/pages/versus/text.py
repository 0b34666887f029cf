"""What the DMLP vs CNN page says, computed from the two networks (Qt-free)."""

from __future__ import annotations

import numpy as np

from core.compare import shifted, weighted_layers

INTRO = (
    "<b>Why a CNN and not a deep MLP?</b> Both networks below learn the same 10 classes from "
    "the same images with the same optimiser. The DMLP connects every pixel to every unit of its "
    "first layer; LeNet-5 looks at 5×5 patches and uses each kernel at every position. "
    "Train both, then compare how many weights each spends where, and what happens when the "
    "object moves a few pixels.")

LONGER_RUN = (
    "<b>A longer run</b> (all 60,000 images, 10 epochs: about two minutes here) lifts both: "
    "LeNet-5 to about 91% and the DMLP to about 88%. The shift test keeps its shape: shifted by "
    "2 pixels, LeNet-5 kept about 87% of its accuracy and the DMLP about 74%. Neither saw "
    "shifted images in training; training on shifted copies (data augmentation) is how "
    "real systems get the rest.")


def totals(models: dict) -> str:
    """Parameters and MACs per image of each network, and what that says."""
    counts = {name: (sum(p.data.size for p in model.parameters()),
                     sum(layer.macs for layer in weighted_layers(model)))
              for name, model in models.items()}
    (mlp_params, mlp_macs), (cnn_params, cnn_macs) = counts["DMLP"], counts["LeNet-5"]
    return (f"Per image: DMLP {mlp_params:,} parameters, {mlp_macs:,} MACs; LeNet-5 "
            f"{cnn_params:,} parameters, {cnn_macs:,} MACs. About as many weights, but LeNet-5 "
            f"computes {cnn_macs / mlp_macs:.0f}× as much with them: each kernel weight is used "
            f"at every position, each DMLP weight once.")


def shift_summary(scores: dict[str, list[float]]) -> str:
    """One sentence per network: accuracy at 0 and at the largest shift, and what it keeps."""
    parts = []
    for name, accuracies in scores.items():
        kept = accuracies[2] / accuracies[0] if accuracies[0] else 0.0
        parts.append(f"<b>{name}</b>: {accuracies[0]:.1%} unshifted, {accuracies[2]:.1%} "
                     f"shifted by 2 pixels (keeps {kept:.0%}), {accuracies[-1]:.1%} at "
                     f"{len(accuracies) - 1} pixels")
    return "; ".join(parts) + "."


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    a, b = np.ravel(a).astype(np.float64), np.ravel(b).astype(np.float64)
    a, b = a - a.mean(), b - b.mean()
    scale = np.sqrt(np.dot(a, a) * np.dot(b, b))
    return float(np.dot(a, b) / scale) if scale > 0 else 0.0


def moved_back(maps: np.ndarray, pixels: int) -> np.ndarray:
    """Feature maps (C, H, W) of an image shifted right by ``pixels``, shifted back left."""
    return shifted(maps, 0, -pixels) if pixels else maps


def response_comparison(conv_before: np.ndarray, conv_after: np.ndarray, hidden_before,
                        hidden_after, pixels: int, radius: int = 2) -> str:
    """How each network's first-layer response to the shifted image relates to the original's:
    the CNN's maps shifted back (compared away from the borders, where ``radius`` columns see
    padding), the MLP's units as they are (they have no positions to shift back)."""
    if pixels == 0:
        return "Choose a shift above 0 to move the image."
    width = conv_before.shape[-1]
    inner = slice(radius, width - pixels - radius)
    conv = correlation(conv_before[..., inner], moved_back(conv_after, pixels)[..., inner])
    dense = correlation(hidden_before, hidden_after)
    flipped = float(np.mean(np.sign(hidden_before) != np.sign(hidden_after)))
    return (f"Moved {pixels} pixel{'s' * (pixels > 1)} right. <b>LeNet-5</b>'s conv1 maps move "
            f"with the object: shifted back, they match the original's away from the borders "
            f"(r = {conv:.2f}). <b>The DMLP</b>'s units cannot be shifted back — each is tied to "
            f"fixed pixels — so their pattern simply changes: r = {dense:.2f} with the "
            f"original's, {flipped:.0%} of the units flipped sign.")


def sharing_caption(kernels: np.ndarray, hidden_weights: np.ndarray) -> str:
    """Weights of LeNet-5's conv1 (K, 1, 5, 5) against the DMLP's first layer (units, 784)."""
    count, _, kh, kw = kernels.shape
    units, pixels = hidden_weights.shape
    positions = 28 * 28
    return (f"<b>LeNet-5 conv1</b>: {count} kernels × {kh * kw} weights = {kernels.size:,} "
            f"weights, each used at all {positions:,} positions (padding 2 keeps 28×28): "
            f"{kernels.size * positions:,} multiplications per image from {kernels.size:,} "
            f"numbers. <b>DMLP first layer</b>: {units} units × {pixels} weights = "
            f"{hidden_weights.size:,} weights, each used once, for one pixel: to see a shape "
            f"in another place, a unit must learn it there again.")

