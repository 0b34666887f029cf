"""What the DMLP vs CNN page says, computed from the two networks, in the current language."""

from __future__ import annotations

import numpy as np

from core.compare import shifted, weighted_layers
from gui.tr import QT_TRANSLATE_NOOP, translate

INTRO = QT_TRANSLATE_NOOP(
    "VersusPage",
    "<b>Why a CNN and not a deep MLP?</b> Both networks below learn the same 10 classes from "
    "the same images with the same optimiser. The DMLP connects every pixel to every unit of its "
    "first layer; LeNet-5 looks at 5×5 patches and uses each kernel at every position. "
    "Train both, then compare how many weights each spends where, and what happens when the "
    "object moves a few pixels.")

LONGER_RUN = QT_TRANSLATE_NOOP(
    "VersusPage",
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
    return translate(
        "VersusPage", "Per image: DMLP {mlp_params} parameters, {mlp_macs} MACs; LeNet-5 "
        "{cnn_params} parameters, {cnn_macs} MACs. About as many weights, but LeNet-5 computes "
        "{times}× as much with them: each kernel weight is used at every position, each DMLP "
        "weight once.").format(mlp_params=f"{mlp_params:,}", mlp_macs=f"{mlp_macs:,}",
                               cnn_params=f"{cnn_params:,}", cnn_macs=f"{cnn_macs:,}",
                               times=f"{cnn_macs / mlp_macs:.0f}")


def shift_summary(scores: dict[str, list[float]]) -> str:
    """One sentence per network: accuracy at 0 and at the largest shift, and what it keeps."""
    parts = []
    for name, accuracies in scores.items():
        kept = accuracies[2] / accuracies[0] if accuracies[0] else 0.0
        parts.append(translate(
            "VersusPage", "<b>{name}</b>: {unshifted} unshifted, {two} shifted by 2 pixels "
            "(keeps {kept}), {last} at {pixels} pixels").format(
            name=name, unshifted=f"{accuracies[0]:.1%}", two=f"{accuracies[2]:.1%}",
            kept=f"{kept:.0%}", last=f"{accuracies[-1]:.1%}", pixels=len(accuracies) - 1))
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
        return translate("VersusPage", "Choose a shift above 0 to move the image.")
    width = conv_before.shape[-1]
    inner = slice(radius, width - pixels - radius)
    conv = correlation(conv_before[..., inner], moved_back(conv_after, pixels)[..., inner])
    dense = correlation(hidden_before, hidden_after)
    flipped = float(np.mean(np.sign(hidden_before) != np.sign(hidden_after)))
    moved = (translate("VersusPage", "Moved {pixels} pixel right.") if pixels == 1 else
             translate("VersusPage", "Moved {pixels} pixels right.")).format(pixels=pixels)
    return moved + translate(
        "VersusPage", " <b>LeNet-5</b>'s conv1 maps move with the object: shifted back, they "
        "match the original's away from the borders (r = {conv}). <b>The DMLP</b>'s units cannot "
        "be shifted back — each is tied to fixed pixels — so their pattern simply changes: "
        "r = {dense} with the original's, {flipped} of the units flipped sign.").format(
        conv=f"{conv:.2f}", dense=f"{dense:.2f}", flipped=f"{flipped:.0%}")


def sharing_caption(kernels: np.ndarray, hidden_weights: np.ndarray) -> str:
    """Weights of LeNet-5's conv1 (K, 1, 5, 5) against the DMLP's first layer (units, 784)."""
    count, _, kh, kw = kernels.shape
    units, pixels = hidden_weights.shape
    positions = 28 * 28
    return translate(
        "VersusPage", "<b>LeNet-5 conv1</b>: {count} kernels × {each} weights = {weights} "
        "weights, each used at all {positions} positions (padding 2 keeps 28×28): {products} "
        "multiplications per image from {weights} numbers. <b>DMLP first layer</b>: {units} "
        "units × {pixels} weights = {dense} weights, each used once, for one pixel: to see a "
        "shape in another place, a unit must learn it there again.").format(
        count=count, each=kh * kw, weights=f"{kernels.size:,}", positions=f"{positions:,}",
        products=f"{kernels.size * positions:,}", units=units, pixels=pixels,
        dense=f"{hidden_weights.size:,}")

