"""The LeNet-5 page's words as pure functions of the numbers (Qt-free, tested alone)."""

from __future__ import annotations

import csv
import io
from typing import NamedTuple

from core.layers import Conv2d, Linear
from core.model import weighted_layer_names
from core.train import EpochEvent, StepEvent


def percent(p: float) -> str:
    """A probability for reading in rich text: "&lt;1%" (shown as "<1%") rather than a
    misleading "0%". A bare "<" would start a tag and swallow the rest of the line."""
    return "&lt;1%" if 0 < p < 0.005 else f"{p:.0%}"


def clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 \
        else f"{seconds // 60}:{seconds % 60:02d}"


def progress_html(step: StepEvent, state: str) -> str:
    """Three short lines for the narrow run panel. ``state`` is "running", "paused" or
    "finished"; speed and time left only mean something while running."""
    lines = [f"epoch {step.epoch}/{step.epochs} · batch {step.step:,}/{step.steps:,}",
             f"loss {step.loss:.3f}" + (f" · train accuracy {step.accuracy:.1%}"
                                        if step.accuracy is not None else "")]
    if state == "running":
        lines.append(f"{step.images_per_s:,.0f} images/s · {clock(step.eta_s)} left")
    else:
        lines.append(f"<b>{state}</b>")
    return "<br>".join(lines)


def epoch_status(event: EpochEvent) -> str:
    test = "" if event.test_accuracy is None else (
        f", test loss {event.test_loss:.4f}, test accuracy {event.test_accuracy:.2%}")
    return f"Epoch {event.epoch}: train loss {event.train_loss:.4f}{test} ({event.seconds:.1f} s)"


def weight_names(model) -> dict[str, str]:
    """Short names of the weights worth a gradient-norm curve: parameter name -> "conv1",
    "conv2", …, "fc1", "fc2", … in network order."""
    return {f"{i}.weight": name for i, name in weighted_layer_names(model).items()}


def prediction_html(what: str, class_names, probabilities) -> str:
    ranked = sorted(range(len(probabilities)), key=lambda i: -probabilities[i])
    best, second = ranked[0], ranked[1]
    return (f"{what}: the network says <b>{class_names[best]}</b> "
            f"({percent(probabilities[best])}); next: {class_names[second]} "
            f"({percent(probabilities[second])}).")


ARCHITECTURE_NOTE = (
    "From <code>model.summary((1, 28, 28))</code> ({origin}). Output size of every convolution "
    "and pool: ⌊(H + 2p − d·(K − 1) − 1) / s⌋ + 1. MACs count multiply-accumulates of one "
    "image's forward pass (KW·KH·C·OC·OW·OH for a convolution, in·out for a Linear layer).")


class ParameterSplit(NamedTuple):
    total: int          # parameters of the whole network
    fc: int             # … of its Linear layers
    full_size: int      # … of convolutions whose kernels cover their whole input (1×1 output)
    full_size_names: tuple
    macs: int
    fc_macs: int


def parameter_split(model, rows) -> ParameterSplit:
    """Where a network's parameters sit: fully connected layers, and convolutions that are fully
    connected layers in disguise (their output is 1×1: each kernel sees the whole input)."""
    full = [(i, row) for i, (row, layer) in enumerate(zip(rows, model))
            if isinstance(layer, Conv2d) and row.output_shape[1:] == (1, 1)]
    fc = [row for row, layer in zip(rows, model) if isinstance(layer, Linear)]
    return ParameterSplit(sum(row.params for row in rows), sum(row.params for row in fc),
                          sum(row.params for _, row in full),
                          tuple(f"layer {i}" for i, _ in full),
                          sum(row.macs for row in rows), sum(row.macs for row in fc))


def split_html(split: ParameterSplit) -> str:
    """The fully connected layers' share of the parameters and of the work, in words."""
    text = (f"<b>Fully connected layers</b> hold {split.fc:,} of the {split.total:,} parameters "
            f"({split.fc / split.total:.0%}) but do only {split.fc_macs / split.macs:.0%} of the "
            f"multiply-accumulates.")
    if split.full_size:
        dense = split.fc + split.full_size
        text += (f" The convolution at {', '.join(split.full_size_names)} has kernels as large "
                 f"as its input (its output is 1×1): it is a fully connected layer written as a "
                 f"convolution. Counted with it, fully connected weights are {dense:,} "
                 f"({dense / split.total:.0%}) — most of the network.")
    return text


def fc_demo_html(demo, what: str) -> str:
    """An FC layer and the same weights as a convolution, on one input: equal outputs."""
    c, h, w = demo.maps_shape
    shown = min(6, len(demo.fc_output))
    values = ", ".join(f"{v:.4f}" for v in demo.fc_output[:shown])
    again = ", ".join(f"{v:.4f}" for v in demo.conv_output[:shown])
    kind = "1×1 convolution" if (h, w) == (1, 1) else f"{h}×{w} convolution (full size)"
    return (f"<b>Layer {demo.index} as a {kind}</b>, on {what}: the Linear layer gives "
            f"[{values}, …]; the same weights reshaped to {demo.conv.weight.data.shape[0]}×{c}×"
            f"{h}×{w} as a Conv2d over the {c}×{h}×{w} maps give [{again}, …] — largest "
            f"difference {demo.difference:.1e}.")


def loss_csv(losses, smoothed) -> str:
    """The loss of every batch, with its smoothed curve, as a CSV table."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["batch", "loss", "smoothed_loss"])
    for i, (loss, smooth) in enumerate(zip(losses, smoothed), start=1):
        writer.writerow([i, f"{loss:.6g}", f"{smooth:.6g}"])
    return out.getvalue()


# --------------------------------------------------------------------------- the Why view


def region_name(row: float, col: float, shape: tuple) -> str:
    """Where (row, col) lies in an image of ``shape``, in words: "the top left", "the centre"…"""
    h, w = shape
    vertical = ("top", "middle", "bottom")[min(int(3 * row / h), 2)]
    horizontal = ("left", "centre", "right")[min(int(3 * col / w), 2)]
    if vertical == "middle" and horizontal == "centre":
        return "the centre"
    return f"the {vertical} {horizontal}" if vertical != "middle" else f"the middle {horizontal}"


def answer_html(what: str, true_name: str | None, class_names, probabilities) -> str:
    """"Test image 12, a Shirt: the network says Coat (86%), then Shirt (10%), Pullover (3%).\""""
    ranked = sorted(range(len(probabilities)), key=lambda i: -probabilities[i])[:3]
    first, *rest = ranked
    truth = f", a <b>{true_name}</b>" if true_name else ""
    verdict = "" if true_name is None else (
        " — right." if class_names[first] == true_name else " — wrong.")
    others = ", ".join(f"{class_names[i]} ({percent(probabilities[i])})" for i in rest)
    return (f"{what}{truth}: the network says <b>{class_names[first]}</b> "
            f"({percent(probabilities[first])}), then {others}{verdict}")


def occlusion_reading(class_name: str, base: float, drop: float, square: tuple,
                      shape: tuple) -> str:
    """What covering the image taught, from the square whose covering mattered most."""
    top, left, h, w = square
    where = region_name(top + h / 2, left + w / 2, shape)
    if drop <= 0.005:
        return (f"Covering any {h}×{w} square hardly changes <b>{class_name}</b> "
                f"({percent(base)}): no single small part decides it.")
    return (f"Covering rows {top}–{top + h - 1}, columns {left}–{left + w - 1} ({where}) lowers "
            f"<b>{class_name}</b> the most: {percent(base)} → {percent(base - drop)}.")


def saliency_reading(class_name: str, saliency, shape: tuple) -> str:
    """Where the pixels that raise the class the most lie."""
    import numpy as np
    values = np.asarray(saliency)
    if not np.any(values > 0):
        return f"No pixel raises <b>{class_name}</b>."
    strongest = values >= np.quantile(values[values > 0], 0.9)
    rows, cols = np.nonzero(strongest)
    return (f"The pixels that raise <b>{class_name}</b> the most lie in "
            f"{region_name(rows.mean(), cols.mean(), shape)}.")


def nearest_reading(labels, class_names) -> str:
    """"Its 5 nearest training images: 4 Coat, 1 Shirt.\""""
    counts: dict[str, int] = {}
    for label in labels:
        counts[class_names[label]] = counts.get(class_names[label], 0) + 1
    parts = ", ".join(f"{n} {name}" for name, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    return (f"Its {len(labels)} nearest training images, in the 84 features the last layer "
            f"reads: {parts}.")


# --------------------------------------------------------------------------- Inside, clicked


def activity_text(act, short: bool = False) -> str:
    """A stage's activity: "<br>31% dead" (a second line of a panel title), or the whole
    summary."""
    share = "" if act.dead is None and act.saturated is None else (
        f"{act.dead:.0%} dead" if act.dead is not None else f"{act.saturated:.0%} saturated")
    if short:
        return f"<br>{share}" if share else ""
    whole = (f"mean {act.mean:.3g}, std {act.std:.3g}, values {act.low:.3g} … "
             f"{act.high:.3g}")
    return whole + (f", {share}" if share else "")


def unit_text(index: int, kind: str, channel: int, position, value: float, field,
              act) -> str:
    """What one clicked unit is, and which input pixels it depends on."""
    where = f"channel {channel} at {position}" if position is not None else f"unit {channel}"
    top, left, bottom, right = field.clipped()
    padding = f", {field.in_padding} of them in the padding" if field.in_padding else ""
    rows, cols = bottom - top + 1, right - left + 1
    whole = rows == field.input_size[0] and cols == field.input_size[1]
    sees = ("the whole image" if whole else
            f"input rows {top}–{bottom}, columns {left}–{right} ({rows}×{cols} pixels"
            f"{padding})")
    return (f"<b>Layer {index} ({kind})</b>, {where} = <b>{value:.3g}</b>. It depends on "
            f"{sees}, outlined in green on the input. The layer: {activity_text(act)}.")


def kernel_text(number: int, channel: int, shape, feature_map) -> str:
    c, kh, kw = shape
    channels = f"{c} input channels of " if c > 1 else ""
    return (f"<b>conv{number} kernel {channel}</b>: {channels}{kh}×{kw} weights. Sliding it over "
            f"its input gives this {feature_map.shape[0]}×{feature_map.shape[1]} map (before "
            f"BatchNorm and the activation), values {feature_map.min():.3g} … "
            f"{feature_map.max():.3g}: red where the input matches the kernel's pattern.")
